import { FrameMismatchError, InvalidArgumentError } from '../errors';
import { type FrameId, isFrameId } from '../frames/frameId';
import type { Vec3 } from '../math';
import { Epoch } from '../time/epoch';
import type { TimeScale } from '../time/scales';

/**
 * Default largest difference between the epochs of two values that an operation combines
 * (a difference of states, a covariance and its reference state), s: 1 ns. Epochs built from
 * the same text or the same propagation step agree exactly, and ISO texts printed with
 * nanoseconds agree to 0.5 ns. An epoch that went through a Julian date held in one double is
 * off by up to about 20 µs (half a unit in the last place of 2.46e6 days): such differences
 * are real and must be reconciled by the caller, not hidden by this default.
 */
export const DEFAULT_EPOCH_TOLERANCE_S = 1e-9;

/** What {@link StateVector.create} takes. */
export interface StateVectorInit {
  /** The instant of the state. */
  readonly epoch: Epoch;
  /** The frame the components are expressed in. */
  readonly frame: FrameId;
  /** Position, km (three finite numbers). */
  readonly positionKm: ArrayLike<number>;
  /** Velocity, km/s (three finite numbers). */
  readonly velocityKmS: ArrayLike<number>;
}

/** Options of the operations that combine two states. */
export interface StateEpochOptions {
  /**
   * Largest |epoch difference| accepted, s. Default {@link DEFAULT_EPOCH_TOLERANCE_S} (1 ns).
   */
  readonly epochToleranceS?: number;
}

/** Tolerances of {@link StateVector.equals}; all default to 0 (exact equality). */
export interface StateEqualsOptions {
  /** Largest distance between the positions, km. Default 0. */
  readonly positionTolKm?: number;
  /** Largest norm of the velocity difference, km/s. Default 0. */
  readonly velocityTolKmS?: number;
  /** Largest |epoch difference|, s. Default 0. */
  readonly epochToleranceS?: number;
}

/**
 * The state of one object relative to another at a common epoch, with components along the
 * axes of their common frame: the result of {@link StateVector.relativeTo}. Frozen.
 */
export interface RelativeState {
  /** The epoch of the state whose method was called. */
  readonly epoch: Epoch;
  /** The frame whose axes the components are along. */
  readonly frame: FrameId;
  /** Position difference (this − origin), km. */
  readonly positionKm: Vec3;
  /** Velocity difference (this − origin), km/s. */
  readonly velocityKmS: Vec3;
}

/** The plain-data form of a {@link StateVector}: see {@link StateVector.toJSON}. */
export interface StateVectorJson {
  /** ISO 8601 date-time in `scale`. */
  readonly epoch: string;
  /** The time scale of `epoch` (`'TAI'` when written by {@link StateVector.toJSON}). */
  readonly scale: TimeScale;
  /** The frame of the components. */
  readonly frame: FrameId;
  /** Position, km. */
  readonly positionKm: readonly number[];
  /** Velocity, km/s. */
  readonly velocityKmS: readonly number[];
}

/**
 * A position and velocity at an epoch, in a named frame. Immutable: the instance and its
 * triples are frozen, and every method returns new values.
 *
 * The frame changes only through a frame transform (there is no `withFrame`): relabelling
 * the components of a TEME state as GCRF is the error this type exists to prevent.
 * Operations on two states ({@link relativeTo}, {@link distanceKm}) require the same frame
 * ({@link FrameMismatchError} otherwise) and the same epoch to within a tolerance.
 *
 * @example
 * ```ts
 * const s = StateVector.create({
 *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
 *   frame: 'GCRF',
 *   positionKm: [42164, 0, 0],
 *   velocityKmS: [0, 3.0747, 0],
 * });
 * s.radiusKm; // 42164
 * s.frame; // 'GCRF'
 * ```
 */
export class StateVector {
  /** The instant of the state. */
  readonly epoch: Epoch;
  /** The frame the components are expressed in. */
  readonly frame: FrameId;
  /** Position, km (frozen). */
  readonly positionKm: Vec3;
  /** Velocity, km/s (frozen). */
  readonly velocityKmS: Vec3;

  private constructor(epoch: Epoch, frame: FrameId, positionKm: Vec3, velocityKmS: Vec3) {
    this.epoch = epoch;
    this.frame = frame;
    this.positionKm = positionKm;
    this.velocityKmS = velocityKmS;
    Object.freeze(this);
  }

  /**
   * A state from its epoch, frame, position and velocity. The triples are copied: later
   * changes to the arrays passed in do not reach the state.
   *
   * @param init - epoch, frame, `positionKm` (km) and `velocityKmS` (km/s)
   * @returns the state
   * @throws {@link InvalidArgumentError} when `epoch` is not an {@link Epoch}, `frame` is not
   *   a {@link FrameId}, or a component is missing or not finite (the message names it and
   *   its unit, e.g. `positionKm[1] = NaN km: must be a finite number`)
   * @example
   * ```ts
   * const s = StateVector.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'TEME',
   *   positionKm: [7000, 0, 0],
   *   velocityKmS: [0, 7.5, 0],
   * });
   * s.velocityKmS; // [0, 7.5, 0]
   * ```
   */
  static create(init: StateVectorInit): StateVector {
    if (init === null || typeof init !== 'object') {
      throw new InvalidArgumentError('init', init, '', 'must be an object');
    }
    const { epoch, frame } = init;
    if (!(epoch instanceof Epoch)) {
      throw new InvalidArgumentError('epoch', describe(epoch), '', 'must be an Epoch');
    }
    if (typeof frame !== 'string' || !isFrameId(frame)) {
      throw new InvalidArgumentError('frame', frame, '', 'not a frame (see FRAME_IDS)');
    }
    return new StateVector(
      epoch,
      frame,
      readTriple(init.positionKm, 'positionKm', 'km'),
      readTriple(init.velocityKmS, 'velocityKmS', 'km/s'),
    );
  }

  /**
   * Reads the plain-data form written by {@link toJSON} (the epoch in any time scale).
   *
   * @param json - epoch text and scale, frame, `positionKm` (km), `velocityKmS` (km/s)
   * @returns the state
   * @throws {@link TimeFormatError} for an unreadable epoch
   * @throws {@link InvalidArgumentError} as {@link create} does
   * @example
   * ```ts
   * const s = StateVector.fromJSON({
   *   epoch: '2024-03-01T00:00:37',
   *   scale: 'TAI',
   *   frame: 'GCRF',
   *   positionKm: [42164, 0, 0],
   *   velocityKmS: [0, 3.0747, 0],
   * });
   * s.epoch.toIso('UTC', { fractionDigits: 0 }); // '2024-03-01T00:00:00'
   * ```
   */
  static fromJSON(json: StateVectorJson): StateVector {
    if (json === null || typeof json !== 'object') {
      throw new InvalidArgumentError('json', json, '', 'must be an object');
    }
    return StateVector.create({
      epoch: Epoch.fromIso(json.epoch, json.scale),
      frame: json.frame,
      positionKm: json.positionKm,
      velocityKmS: json.velocityKmS,
    });
  }

  /**
   * Distance from the origin of the frame, km.
   *
   * @example
   * ```ts
   * const s = StateVector.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   positionKm: [3000, 4000, 0],
   *   velocityKmS: [0, 0, 7],
   * });
   * s.radiusKm; // 5000
   * ```
   */
  get radiusKm(): number {
    const [x, y, z] = this.positionKm;
    return Math.hypot(x, y, z);
  }

  /**
   * Norm of the velocity in this frame, km/s.
   *
   * @example
   * ```ts
   * const s = StateVector.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   positionKm: [7000, 0, 0],
   *   velocityKmS: [0, 6, 8],
   * });
   * s.speedKmS; // 10
   * ```
   */
  get speedKmS(): number {
    const [x, y, z] = this.velocityKmS;
    return Math.hypot(x, y, z);
  }

  /**
   * This state relative to another one at the same epoch, in the same frame:
   * position and velocity of `this − origin`.
   *
   * @param origin - the state to measure from
   * @param options - epoch tolerance
   * @returns a frozen {@link RelativeState} with this state's epoch
   * @throws {@link FrameMismatchError} when the frames differ
   * @throws {@link InvalidArgumentError} when the epochs differ by more than the tolerance
   *   (the message gives both in ISO TAI)
   * @example
   * ```ts
   * const t = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const a = StateVector.create({ epoch: t, frame: 'GCRF', positionKm: [42164, 1, 0], velocityKmS: [0, 3.07, 0] });
   * const b = StateVector.create({ epoch: t, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0, 0] });
   * a.relativeTo(b).positionKm; // [0, 1, 0]
   * ```
   */
  relativeTo(origin: StateVector, options: StateEpochOptions = {}): RelativeState {
    this.checkCompatible(origin, 'relative state', options);
    const p = this.positionKm;
    const q = origin.positionKm;
    const v = this.velocityKmS;
    const w = origin.velocityKmS;
    return Object.freeze({
      epoch: this.epoch,
      frame: this.frame,
      positionKm: Object.freeze([p[0] - q[0], p[1] - q[1], p[2] - q[2]] as const),
      velocityKmS: Object.freeze([v[0] - w[0], v[1] - w[1], v[2] - w[2]] as const),
    });
  }

  /**
   * Distance between the positions of two states at the same epoch in the same frame, km.
   *
   * @param other - the other state
   * @param options - epoch tolerance
   * @returns |r_this − r_other|, km
   * @throws {@link FrameMismatchError} when the frames differ
   * @throws {@link InvalidArgumentError} when the epochs differ by more than the tolerance
   * @example
   * ```ts
   * const t = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const a = StateVector.create({ epoch: t, frame: 'TEME', positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0] });
   * const b = StateVector.create({ epoch: t, frame: 'TEME', positionKm: [7003, 4, 0], velocityKmS: [0, 7.5, 0] });
   * a.distanceKm(b); // 5
   * ```
   */
  distanceKm(other: StateVector, options: StateEpochOptions = {}): number {
    this.checkCompatible(other, 'distance between states', options);
    const p = this.positionKm;
    const q = other.positionKm;
    return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  }

  /**
   * Whether two states agree: same frame, epochs within `epochToleranceS`, positions within
   * `positionTolKm` and velocities within `velocityTolKmS` (Euclidean norms of the
   * differences). States in different frames are never equal (no error is thrown).
   *
   * @param other - the other state
   * @param options - tolerances, all 0 by default (exact equality)
   * @returns true when the states agree within the tolerances
   * @throws {@link InvalidArgumentError} for a negative or non-finite tolerance
   * @example
   * ```ts
   * const t = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const a = StateVector.create({ epoch: t, frame: 'GCRF', positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0] });
   * const b = StateVector.create({ epoch: t, frame: 'GCRF', positionKm: [7000, 1e-7, 0], velocityKmS: [0, 7.5, 0] });
   * a.equals(b); // false
   * a.equals(b, { positionTolKm: 1e-6 }); // true
   * ```
   */
  equals(other: StateVector, options: StateEqualsOptions = {}): boolean {
    const positionTolKm = readTolerance(options.positionTolKm, 'positionTolKm', 'km');
    const velocityTolKmS = readTolerance(options.velocityTolKmS, 'velocityTolKmS', 'km/s');
    const epochTolS = readTolerance(options.epochToleranceS, 'epochToleranceS', 's');
    if (!(other instanceof StateVector) || other.frame !== this.frame) return false;
    if (!(Math.abs(this.epoch.secondsSince(other.epoch)) <= epochTolS)) return false;
    const p = this.positionKm;
    const q = other.positionKm;
    const v = this.velocityKmS;
    const w = other.velocityKmS;
    return (
      Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]) <= positionTolKm &&
      Math.hypot(v[0] - w[0], v[1] - w[1], v[2] - w[2]) <= velocityTolKmS
    );
  }

  /**
   * The state as plain data (what `JSON.stringify` writes): the epoch as ISO 8601 TAI with
   * nanoseconds, the frame, and the triples as new arrays. {@link fromJSON} reads it back;
   * the epoch survives to 0.5 ns, the components exactly (JSON writes −0 as 0).
   *
   * @returns a new plain object
   * @example
   * ```ts
   * const s = StateVector.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   positionKm: [42164, 0, 0],
   *   velocityKmS: [0, 3.0747, 0],
   * });
   * s.toJSON().epoch; // '2024-03-01T00:00:37.000000000'
   * s.toJSON().scale; // 'TAI'
   * ```
   */
  toJSON(): StateVectorJson {
    return {
      epoch: this.epoch.toIso('TAI'),
      scale: 'TAI',
      frame: this.frame,
      positionKm: [...this.positionKm],
      velocityKmS: [...this.velocityKmS],
    };
  }

  /** Frame, epoch (TAI) and components, for debugging. */
  toString(): string {
    return `StateVector(${this.frame} ${this.epoch.toString()} r=[${this.positionKm.join(', ')}] km v=[${this.velocityKmS.join(', ')}] km/s)`;
  }

  private checkCompatible(other: StateVector, operation: string, options: StateEpochOptions) {
    if (!(other instanceof StateVector)) {
      throw new InvalidArgumentError('other', describe(other), '', 'must be a StateVector');
    }
    if (other.frame !== this.frame) {
      throw new FrameMismatchError(operation, this.frame, other.frame);
    }
    checkSameEpoch(this.epoch, other.epoch, 'other.epoch', options.epochToleranceS);
  }
}

/**
 * Throws unless two epochs agree within a tolerance.
 *
 * @internal Shared by the operations of state/ that combine two values.
 * @param reference - the epoch of the first operand
 * @param other - the epoch of the second operand
 * @param name - name of the second epoch in the message
 * @param toleranceS - largest |difference| accepted, s; default {@link DEFAULT_EPOCH_TOLERANCE_S}
 * @throws {@link InvalidArgumentError} naming both epochs in ISO TAI and their difference in s
 */
export function checkSameEpoch(
  reference: Epoch,
  other: Epoch,
  name: string,
  toleranceS: number | undefined,
): void {
  const tol = readTolerance(toleranceS, 'epochToleranceS', 's', DEFAULT_EPOCH_TOLERANCE_S);
  const dt = other.secondsSince(reference);
  if (!(Math.abs(dt) <= tol)) {
    throw new InvalidArgumentError(
      name,
      `${other.toIso('TAI')} TAI`,
      '',
      `differs from ${reference.toIso('TAI')} TAI by ${dt} s (more than ${tol} s): the epochs must agree`,
    );
  }
}

function readTriple(v: ArrayLike<number>, name: string, unit: string): Vec3 {
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number') {
    throw new InvalidArgumentError(name, describe(v), unit, 'must be an array of 3 numbers');
  }
  if (v.length !== 3) {
    throw new InvalidArgumentError(name, `length ${v.length}`, '', 'must have 3 components');
  }
  for (let i = 0; i < 3; i++) {
    const x = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new InvalidArgumentError(`${name}[${i}]`, x, unit, 'must be a finite number');
    }
  }
  return Object.freeze([v[0]!, v[1]!, v[2]!] as const);
}

function readTolerance(
  value: number | undefined,
  name: string,
  unit: string,
  fallback = 0,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, unit, 'must be a finite number ≥ 0');
  }
  return value;
}

function describe(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.prototype.toString.call(value);
}
