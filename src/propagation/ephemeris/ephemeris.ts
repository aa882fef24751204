/**
 * Ephemeris: a trajectory that can be evaluated at any epoch inside its span.
 *
 * @packageDocumentation
 */
import { DataRangeError, FrameMismatchError, InvalidArgumentError } from '../../errors';
import { type FrameId, isFrameId } from '../../frames';
import { StateVector } from '../../state';
import { Epoch } from '../../time';
import type { DenseTrajectory } from '../integrators/types';
import { SampledStates, type SampleInterpolation } from './sampledStates';

/**
 * How far outside its span an ephemeris still answers (at the end itself), s: 1 ns, the
 * rounding of an epoch rebuilt from the span's ends.
 */
const SPAN_EDGE_TOLERANCE_S = 1e-9;

/** What {@link Ephemeris.fromDenseTrajectory} takes. */
export interface EphemerisFromTrajectoryInit {
  /**
   * The epoch of t = 0 in the trajectory: t = epoch.secondsSince(referenceEpoch), SI seconds
   * (uniform, as TAI or TT: the same count whatever the scale the epoch was written in).
   */
  readonly referenceEpoch: Epoch;
  /** The frame of the position and velocity in the trajectory. */
  readonly frame: FrameId;
  /** The dense output of an integration. */
  readonly trajectory: DenseTrajectory;
  /**
   * Index in y of the x position component; y[offset … offset + 5] are x, y, z (km) and
   * vx, vy, vz (km/s). Default 0 (a propagator's state, STM and parameters may follow).
   */
  readonly offset?: number;
}

/** Options of {@link Ephemeris.fromStates}. */
export interface EphemerisFromStatesOptions {
  /**
   * Degree of the interpolating polynomial. Hermite (default): odd, uses (degree + 1)/2
   * samples and their velocities, default 7 (4 samples). Lagrange: degree + 1 samples,
   * positions and velocities interpolated separately, default 7 (8 samples). Fewer samples
   * than that: all of them.
   */
  readonly degree?: number;
  /** `'hermite'` (default: positions and velocities together) or `'lagrange'` (as OEM allow). */
  readonly interpolation?: SampleInterpolation;
}

/** How an ephemeris computes its states: the raw evaluator over seconds from the reference. */
interface Source {
  /** Writes [x, y, z, vx, vy, vz] (km, km/s) at t (s from the reference) into out. */
  evaluateInto(out: Float64Array, tS: number): void;
}

/**
 * The interpolable output of a propagation (or a table of states): position and velocity in
 * one frame at any epoch of its span, from the dense output of an integrator or by
 * interpolating samples. Immutable as seen from outside; evaluation allocates nothing in
 * {@link positionVelocityInto}.
 *
 * @example
 * ```ts
 * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const states = [0, 60, 120, 180].map((s) =>
 *   StateVector.create({ epoch: t0.plusSeconds(s), frame: 'GCRF', positionKm: [7000 + s, 0, 0], velocityKmS: [1, 0, 0] }),
 * );
 * const eph = Ephemeris.fromStates(states);
 * eph.stateAt(t0.plusSeconds(90)).positionKm; // ≈ [7090, 0, 0]
 * ```
 */
export class Ephemeris {
  /** The frame of the states. */
  readonly frame: FrameId;
  /** First epoch of the span. */
  readonly startEpoch: Epoch;
  /** Last epoch of the span. */
  readonly endEpoch: Epoch;
  /** The epoch of t = 0 for the underlying evaluator. */
  private readonly referenceEpoch: Epoch;
  private readonly loS: number;
  private readonly hiS: number;
  private readonly source: Source;

  private constructor(
    frame: FrameId,
    referenceEpoch: Epoch,
    loS: number,
    hiS: number,
    source: Source,
  ) {
    this.frame = frame;
    this.referenceEpoch = referenceEpoch;
    this.loS = loS;
    this.hiS = hiS;
    this.startEpoch = referenceEpoch.plusSeconds(loS);
    this.endEpoch = referenceEpoch.plusSeconds(hiS);
    this.source = source;
    Object.freeze(this);
  }

  /**
   * An ephemeris over the dense output of an integration (either direction): states are read
   * from y[offset … offset + 5] at t = epoch − referenceEpoch.
   *
   * @param init - reference epoch, frame, trajectory, offset of the position in y
   * @returns the ephemeris over [min(t0, t1), max(t0, t1)] of the trajectory
   * @throws {@link InvalidArgumentError} for a bad frame, a trajectory without
   *   `evaluateInto`, or an offset that leaves fewer than 6 components
   * @example
   * ```ts
   * const mu = 398600.4418;
   * const system = {
   *   dimension: 6,
   *   derivativesInto(out: Float64Array, _t: number, y: Float64Array) {
   *     const r3 = Math.hypot(y[0]!, y[1]!, y[2]!) ** 3;
   *     out.set([y[3]!, y[4]!, y[5]!, (-mu * y[0]!) / r3, (-mu * y[1]!) / r3, (-mu * y[2]!) / r3]);
   *   },
   * };
   * const run = DORMAND_PRINCE_853.integrate(system, 0, [42164, 0, 0, 0, 3.0747, 0], 86400, { dense: true });
   * const eph = Ephemeris.fromDenseTrajectory({
   *   referenceEpoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   trajectory: run.dense!,
   * });
   * eph.endEpoch.toIso('UTC', { fractionDigits: 0 }); // '2024-03-02T00:00:00'
   * ```
   */
  static fromDenseTrajectory(init: EphemerisFromTrajectoryInit): Ephemeris {
    if (init === null || typeof init !== 'object') {
      throw new InvalidArgumentError('init', String(init), '', 'must be an object');
    }
    const { referenceEpoch, frame, trajectory } = init;
    if (!(referenceEpoch instanceof Epoch)) {
      throw new InvalidArgumentError(
        'referenceEpoch',
        String(referenceEpoch),
        '',
        'must be an Epoch',
      );
    }
    checkFrame(frame);
    if (
      trajectory === null ||
      typeof trajectory !== 'object' ||
      typeof trajectory.evaluateInto !== 'function'
    ) {
      throw new InvalidArgumentError(
        'trajectory',
        String(trajectory),
        '',
        'must be a DenseTrajectory',
      );
    }
    const offset = init.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0 || offset + 6 > trajectory.dimension) {
      throw new InvalidArgumentError(
        'offset',
        offset,
        '',
        `must be an integer in 0…${trajectory.dimension - 6} (6 components from it in a trajectory of dimension ${trajectory.dimension})`,
      );
    }
    const scratch = new Float64Array(trajectory.dimension);
    const source: Source = {
      evaluateInto(out, tS) {
        trajectory.evaluateInto(scratch, tS);
        for (let i = 0; i < 6; i++) out[i] = scratch[offset + i]!;
      },
    };
    const lo = Math.min(trajectory.t0S, trajectory.t1S);
    const hi = Math.max(trajectory.t0S, trajectory.t1S);
    return new Ephemeris(frame, referenceEpoch, lo, hi, source);
  }

  /**
   * An ephemeris that interpolates a table of states (from an OEM, another propagator or
   * measurements), by Hermite interpolation of positions with their velocities (default) or
   * by Lagrange interpolation of each component, over a window of samples centred on the
   * epoch asked for.
   *
   * @param states - at least 2 states in one frame, epochs strictly increasing
   * @param options - degree and kind of interpolation
   * @returns the ephemeris over [first epoch, last epoch]
   * @throws {@link InvalidArgumentError} for fewer than 2 states, epochs not increasing, or a
   *   bad degree
   * @throws {@link FrameMismatchError} when the states are not all in one frame
   * @see Press et al., Numerical Recipes, 3rd ed. (2007), §3.2 and §3.5 (Hermite); CCSDS
   *   502.0-B-3 (OEM), §5.2.3 (INTERPOLATION, INTERPOLATION_DEGREE)
   * @example
   * ```ts
   * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const states = [0, 60].map((s) =>
   *   StateVector.create({ epoch: t0.plusSeconds(s), frame: 'GCRF', positionKm: [7000, 7.5 * s, 0], velocityKmS: [0, 7.5, 0] }),
   * );
   * Ephemeris.fromStates(states).stateAt(t0.plusSeconds(30)).positionKm; // ≈ [7000, 225, 0]
   * ```
   */
  static fromStates(
    states: readonly StateVector[],
    options: EphemerisFromStatesOptions = {},
  ): Ephemeris {
    if (!Array.isArray(states) || states.length < 2) {
      throw new InvalidArgumentError(
        'states',
        Array.isArray(states) ? `length ${states.length}` : String(states),
        '',
        'must be an array of at least 2 StateVector',
      );
    }
    const first = states[0]!;
    if (!(first instanceof StateVector)) {
      throw new InvalidArgumentError('states[0]', String(first), '', 'must be a StateVector');
    }
    const n = states.length;
    const timesS = new Float64Array(n);
    const values = new Float64Array(6 * n);
    for (let k = 0; k < n; k++) {
      const s = states[k]!;
      if (!(s instanceof StateVector)) {
        throw new InvalidArgumentError(`states[${k}]`, String(s), '', 'must be a StateVector');
      }
      if (s.frame !== first.frame) {
        throw new FrameMismatchError(`ephemeris from states (states[${k}])`, first.frame, s.frame);
      }
      const t = s.epoch.secondsSince(first.epoch);
      if (k > 0 && !(t > timesS[k - 1]!)) {
        throw new InvalidArgumentError(
          `states[${k}].epoch`,
          `${s.epoch.toIso('TAI')} TAI`,
          '',
          'epochs must be strictly increasing',
        );
      }
      timesS[k] = t;
      values.set(s.positionKm, 6 * k);
      values.set(s.velocityKmS, 6 * k + 3);
    }
    const interpolation = options.interpolation ?? 'hermite';
    if (interpolation !== 'hermite' && interpolation !== 'lagrange') {
      throw new InvalidArgumentError(
        'interpolation',
        interpolation,
        '',
        "must be 'hermite' or 'lagrange'",
      );
    }
    const degree = options.degree ?? 7;
    if (
      !Number.isInteger(degree) ||
      degree < 1 ||
      (interpolation === 'hermite' && degree % 2 === 0)
    ) {
      throw new InvalidArgumentError(
        'degree',
        degree,
        '',
        interpolation === 'hermite'
          ? 'must be an odd integer ≥ 1 for Hermite interpolation'
          : 'must be an integer ≥ 1',
      );
    }
    const nodes = Math.min(n, interpolation === 'hermite' ? (degree + 1) / 2 : degree + 1);
    const table = new SampledStates(timesS, values, nodes, interpolation);
    return new Ephemeris(first.frame, first.epoch, 0, timesS[n - 1]!, table);
  }

  /** Length of the span, s. */
  get durationS(): number {
    return this.hiS - this.loS;
  }

  /**
   * The state at an epoch of the span.
   *
   * @param epoch - an epoch in [startEpoch, endEpoch]
   * @returns a new state in {@link frame}
   * @throws {@link DataRangeError} outside the span by more than 1 ns (the message names the
   *   epoch and the span)
   * @example
   * ```ts
   * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const states = [0, 60].map((s) =>
   *   StateVector.create({ epoch: t0.plusSeconds(s), frame: 'GCRF', positionKm: [7000, 7.5 * s, 0], velocityKmS: [0, 7.5, 0] }),
   * );
   * Ephemeris.fromStates(states).stateAt(t0.plusSeconds(60)).velocityKmS; // ≈ [0, 7.5, 0]
   * ```
   */
  stateAt(epoch: Epoch): StateVector {
    const out = this.positionVelocityInto(new Float64Array(6), epoch);
    return StateVector.create({
      epoch,
      frame: this.frame,
      positionKm: out.subarray(0, 3),
      velocityKmS: out.subarray(3, 6),
    });
  }

  /**
   * Writes the position and velocity at an epoch into `out`: [x, y, z] km then
   * [vx, vy, vz] km/s, in {@link frame}. Allocates nothing.
   *
   * @param out - receives the 6 components (length ≥ 6)
   * @param epoch - an epoch in [startEpoch, endEpoch]
   * @returns `out`
   * @throws {@link DataRangeError} outside the span
   * @example
   * ```ts
   * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const states = [0, 60].map((s) =>
   *   StateVector.create({ epoch: t0.plusSeconds(s), frame: 'GCRF', positionKm: [7000, 7.5 * s, 0], velocityKmS: [0, 7.5, 0] }),
   * );
   * const out = new Float64Array(6);
   * Ephemeris.fromStates(states).positionVelocityInto(out, t0)[1]; // 0
   * ```
   */
  positionVelocityInto(out: Float64Array, epoch: Epoch): Float64Array {
    const tS = this.secondsFromReference(epoch);
    this.source.evaluateInto(out, tS);
    return out;
  }

  /**
   * States every `stepS` seconds from the start, and at the end if the last step does not
   * land on it exactly.
   *
   * @param stepS - spacing, s (> 0)
   * @returns the states, in time order
   * @throws {@link InvalidArgumentError} for a step that is not a positive finite number, or
   *   one that would make more than 10,000,000 states
   * @example
   * ```ts
   * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const states = [0, 60].map((s) =>
   *   StateVector.create({ epoch: t0.plusSeconds(s), frame: 'GCRF', positionKm: [7000, 7.5 * s, 0], velocityKmS: [0, 7.5, 0] }),
   * );
   * Ephemeris.fromStates(states).sample(25).length; // 4 (0, 25, 50 and 60 s)
   * ```
   */
  sample(stepS: number): StateVector[] {
    if (typeof stepS !== 'number' || !(stepS > 0) || !Number.isFinite(stepS)) {
      throw new InvalidArgumentError('stepS', stepS, 's', 'must be a positive finite number');
    }
    const span = this.hiS - this.loS;
    const count = Math.floor(span / stepS);
    if (count > 1e7) {
      throw new InvalidArgumentError(
        'stepS',
        stepS,
        's',
        `gives ${count} states (more than 10,000,000)`,
      );
    }
    const out: StateVector[] = [];
    for (let k = 0; k <= count; k++) out.push(this.stateAt(this.startEpoch.plusSeconds(k * stepS)));
    if (count * stepS < span) out.push(this.stateAt(this.endEpoch));
    return out;
  }

  /** Frame and span (TAI), for debugging. */
  toString(): string {
    return `Ephemeris(${this.frame} ${this.startEpoch.toIso('TAI')} … ${this.endEpoch.toIso('TAI')} TAI)`;
  }

  private secondsFromReference(epoch: Epoch): number {
    if (!(epoch instanceof Epoch)) {
      throw new InvalidArgumentError('epoch', String(epoch), '', 'must be an Epoch');
    }
    let tS = epoch.secondsSince(this.referenceEpoch);
    // Epochs rebuilt from the span's ends may differ from them by rounding: accept 1 ns.
    if (tS > this.hiS && tS - this.hiS <= SPAN_EDGE_TOLERANCE_S) tS = this.hiS;
    if (tS < this.loS && this.loS - tS <= SPAN_EDGE_TOLERANCE_S) tS = this.loS;
    if (!(tS >= this.loS && tS <= this.hiS)) {
      throw new DataRangeError(
        `ephemeris at ${epoch.toIso('TAI')} TAI (span ${this.startEpoch.toIso('TAI')} … ${this.endEpoch.toIso('TAI')} TAI); time from its reference`,
        tS,
        's',
        this.loS,
        this.hiS,
      );
    }
    return tS;
  }
}

function checkFrame(frame: unknown): asserts frame is FrameId {
  if (typeof frame !== 'string' || !isFrameId(frame)) {
    throw new InvalidArgumentError('frame', frame, '', 'not a frame (see FRAME_IDS)');
  }
}
