/**
 * The numerical propagator: force models integrated with the state, optionally with the
 * variational equations (state transition matrix and parameter sensitivities), impulsive
 * maneuvers, and the dense output as an {@link Ephemeris}.
 *
 * @packageDocumentation
 */
import { FrameMismatchError, InvalidArgumentError } from '../../errors';
import { Covariance, StateVector } from '../../state';
import type { Epoch } from '../../time';
import { Ephemeris } from '../ephemeris';
import { createForceContext, type ForceContextOptions } from '../forces/forceContext';
import type { ForceContext, ForceModel } from '../forces/types';
import { DORMAND_PRINCE_853 } from '../integrators/dormandPrince853';
import type { DenseTrajectory, IntegrationStatus, Integrator } from '../integrators/types';
import {
  EquationsOfMotion,
  type ParameterColumn,
  SENSITIVITY_OFFSET,
  STM_OFFSET,
} from './equationsOfMotion';
import { ImpulseMap } from './impulse';
import { SegmentedTrajectory } from './segmentedTrajectory';

/** Default relative tolerance of {@link propagateNumerical} (dimensionless). */
export const NUMERICAL_DEFAULT_REL_TOL = 1e-12;
/** Default absolute tolerance on positions, km (1 µm). */
export const NUMERICAL_DEFAULT_ABS_TOL_KM = 1e-9;

/** Two epochs closer than this are the same break point of a run, s. */
const SAME_TIME_S = 1e-9;

/** An instantaneous change of velocity at an epoch. */
export interface ImpulsiveManeuver {
  /** Name, the prefix of its parameters (`'<name>.dvR'`…); default `maneuver<i>`. */
  readonly name?: string;
  /**
   * When it happens: inside the run, or at its start or end (every impulse of the closed span
   * is crossed, see {@link propagateNumerical}).
   */
  readonly epoch: Epoch;
  /** Δv, km/s, in `frame`. */
  readonly deltaVKmS: readonly [number, number, number];
  /**
   * `'RTN'` (radial, transverse, normal of the state just before, also in a backward run) or
   * `'GCRF'`.
   */
  readonly frame: 'RTN' | 'GCRF';
}

/** Options of {@link propagateNumerical}. */
export interface PropagateNumericalOptions {
  /** Initial state, GCRF. */
  readonly initialState: StateVector;
  /** Epoch to reach (after or before the initial one). */
  readonly endEpoch: Epoch;
  /**
   * The forces. Gravity models include the central term: use exactly one of
   * `pointMassGravity`, `zonalGravity` or `sphericalHarmonicGravity`.
   */
  readonly forces: readonly ForceModel[];
  /** Impulsive maneuvers, crossed forward or backward (in the order given, reversed backward). */
  readonly maneuvers?: readonly ImpulsiveManeuver[];
  /** Integrate the state transition matrix and the parameter sensitivities (default false). */
  readonly stm?: boolean;
  /**
   * Names of the parameters whose sensitivities are integrated (force parameters such as
   * `'srp.cr'`, maneuver components such as `'maneuver0.dvT'`); default all of them when
   * `stm` is true.
   */
  readonly parameters?: readonly string[];
  /** Integrator (default {@link DORMAND_PRINCE_853}). */
  readonly integrator?: Integrator;
  /** Relative tolerance (default {@link NUMERICAL_DEFAULT_REL_TOL}). */
  readonly relTol?: number;
  /** Absolute tolerance on positions, km (default {@link NUMERICAL_DEFAULT_ABS_TOL_KM}). */
  readonly absTolKm?: number;
  /** Absolute tolerance on velocities, km/s (default absTolKm / 1000 s). */
  readonly absTolKmS?: number;
  /** Step budget of each integration between break points. */
  readonly maxSteps?: number;
  /** Largest step, s. */
  readonly maxStepS?: number;
  /** Fixed step of a fixed-step integrator, s. */
  readonly fixedStepS?: number;
  /** Keep the dense output (ephemeris, STM at any epoch; default true). */
  readonly dense?: boolean;
  /**
   * End integration steps exactly at the zeros of the force models' switching functions
   * (the boundaries of the umbra and penumbra for conical radiation pressure), so that no
   * step straddles a kink of the acceleration (default true). Without it, a run through an
   * eclipse loses accuracy at every tolerance (measured over a GEO day in eclipse season:
   * 0.4–0.6 mm at relTol 1e-11–1e-12 against 3–80 µm with it).
   */
  readonly locateSwitches?: boolean;
  /**
   * Largest interval between two samples of the switching functions within a step, s
   * (default 300; see `IntegrateOptions.maxCheckIntervalS`).
   */
  readonly maxCheckIntervalS?: number;
  /**
   * Frame options and cache spacings of the force models ({@link createForceContext}), or a
   * context made by it for the initial epoch, to reuse its sampled Earth rotation and body
   * positions across runs from the same epoch (orbit determination iterations, finite
   * differences, benchmarks).
   */
  readonly context?: ForceContextOptions | ForceContext;
}

/** Options of {@link NumericalPropagation.covarianceAt}. */
export interface CovariancePropagationOptions {
  /**
   * Power spectral density of a white-noise acceleration on each axis, km²/s³: adds
   * q·[[Δt³/3 I, Δt²/2 I], [Δt²/2 I, Δt I]] to the state block (the usual state-noise
   * compensation, with the dynamics between the epochs taken as free motion).
   */
  readonly accelerationPsdKm2S3?: number;
}

/**
 * Propagates a state with force models, by numerical integration (DOP853 by default), with
 * the variational equations when `stm` is set: the augmented state [r, v, Φ, S] of
 * 42 + 6·np components, Φ̇ = A Φ, Ṡ = A S + [0; ∂a/∂p], A = [[0, I], [∂a/∂r, ∂a/∂v]]. The run
 * stops exactly at each maneuver epoch and at each discontinuity of a force (thrust arcs),
 * and restarts from there: through an impulse, v⁺ = v⁻ + Q Δv (Q = I, or the RTN axes of the
 * state before), Φ⁺ = J Φ⁻ with J = I + ∂(QΔv)/∂y, and the sensitivities to the Δv components
 * get [0; Q].
 *
 * Backward runs cross impulses too: v⁻ = v⁺ − Q Δv, where for RTN the axes Q are those of the
 * pre-impulse state, solved exactly from the post-impulse one (closed form, no iteration: the
 * radial axis depends on r only, and r × v⁺ / |r| = a N̂ − ΔN T̂ with a = √(|w|² − ΔN²), w the
 * part of v⁺ normal to r, gives T̂ and N̂). The positive root is the one where the impulse does
 * not reverse the sense of motion (h⁻·h⁺ > 0). Not supported: a retrograde impulse larger than
 * the transverse speed before it (ΔT < −v_t, which turns the orbit round) has a second
 * pre-image that the state after it cannot tell apart, and a backward run returns the
 * non-reversing one, not the state the forward run started from. Through the inverse map,
 * Φ⁻ = J⁻¹ Φ⁺ and S⁻ = J⁻¹ (S⁺ − [0; Q]), with J evaluated at the pre-impulse state.
 *
 * Impulses at the ends of the span: every impulse of the closed span is crossed, so the state
 * at the earlier bound is the pre-impulse one and the state at the later bound the
 * post-impulse one, in either direction (backward: an impulse at the initial epoch is undone
 * before integrating, one at the end epoch is undone last and the final state is pre-impulse).
 * Forward then backward with the same maneuvers therefore returns the initial state. The
 * ephemeris (and `stmAt`, `sensitivityAt` at an epoch) is right-continuous in time: at an
 * impulse epoch inside the span it gives the post-impulse side whatever the run's direction;
 * at a bound of the span, the side inside the span (pre-impulse at the later bound,
 * post-impulse at the earlier one), while `finalState` and `stmAt()` without an epoch give
 * the state the run ended with.
 *
 * Time inside is SI seconds since the initial epoch. A run that cannot meet its tolerance or
 * exceeds its step budget returns the integrator's status with the epoch reached; its state
 * and ephemeris are those at that epoch, never at another one.
 *
 * Tolerances: each integration controls every component with `relTol` and an absolute
 * tolerance in the component's unit: absTolKm, absTolKmS; relTol for dimensionless entries
 * of Φ, scaled by 1000 s per km/s for the others (Φ_rv ×1e3, Φ_vr ×1e-3), and relTol per
 * unit of parameter for S.
 *
 * @param options - initial state, end epoch, forces, maneuvers, STM, tolerances
 * @returns the run
 * @throws {@link FrameMismatchError} when the initial state is not in GCRF
 * @throws {@link InvalidArgumentError} for an unknown or repeated parameter name, a maneuver
 *   outside the run, bad tolerances, a context for another epoch; and, during a backward run,
 *   for an RTN maneuver that no pre-impulse state can have produced (|ΔN| at least the speed
 *   normal to r after it, or ΔT at least a), named `<maneuver>.deltaVKmS`
 * @see Montenbruck & Gill, *Satellite Orbits* (2000), §7.1–7.2 (variational equations)
 * @example
 * ```ts
 * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const run = propagateNumerical({
 *   initialState: StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] }),
 *   endEpoch: t0.plusSeconds(86400),
 *   forces: [pointMassGravity()],
 * });
 * run.status; // 'ok'
 * run.finalState.epoch.toIso('UTC', { fractionDigits: 0 }); // '2024-03-02T00:00:00'
 * ```
 * @example
 * ```ts
 * // forward through an RTN burn, then backward through the same burn to the start
 * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const start = StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] });
 * const maneuvers = [{ epoch: t0.plusSeconds(3600), deltaVKmS: [0, 0.01, 0], frame: 'RTN' }] as const;
 * const there = propagateNumerical({ initialState: start, endEpoch: t0.plusSeconds(7200), forces: [pointMassGravity()], maneuvers });
 * const back = propagateNumerical({ initialState: there.finalState, endEpoch: t0, forces: [pointMassGravity()], maneuvers });
 * back.finalState.positionKm[0]; // ≈ 42164.000000
 * back.finalState.velocityKmS[1]; // ≈ 3.074700000
 * ```
 */
export function propagateNumerical(options: PropagateNumericalOptions): NumericalPropagation {
  const { initialState, endEpoch, forces } = options;
  if (initialState.frame !== 'GCRF') {
    throw new FrameMismatchError('numerical propagation', 'GCRF', initialState.frame);
  }
  const t0Epoch = initialState.epoch;
  const tEnd = endEpoch.secondsSince(t0Epoch);
  if (!Number.isFinite(tEnd)) throw new InvalidArgumentError('endEpoch', tEnd, 's', 'not finite');
  const forward = tEnd >= 0;
  const maneuvers = options.maneuvers ?? [];
  const variational = options.stm ?? false;

  // Parameters: those of the forces, then the maneuvers' Δv components.
  const available: { name: string; unit: string; column: ParameterColumn | undefined }[] = [];
  forces.forEach((f, e) => {
    f.parameters.forEach((p, c) => {
      available.push({ name: p.name, unit: p.unit, column: { evaluator: e, column: c } });
    });
  });
  const burns = maneuvers.map((m, i) => {
    const name = m.name ?? `maneuver${i}`;
    const tS = m.epoch.secondsSince(t0Epoch);
    const lo = Math.min(0, tEnd);
    const hi = Math.max(0, tEnd);
    if (tS < lo - SAME_TIME_S || tS > hi + SAME_TIME_S) {
      throw new InvalidArgumentError(`${name}.epoch`, tS, 's from the start', 'outside the run');
    }
    const dv = Float64Array.from(m.deltaVKmS);
    if (dv.length !== 3 || !dv.every(Number.isFinite)) {
      throw new InvalidArgumentError(
        `${name}.deltaVKmS`,
        m.deltaVKmS,
        'km/s',
        'must be 3 finite numbers',
      );
    }
    const axes = m.frame === 'RTN' ? ['dvR', 'dvT', 'dvN'] : ['dvX', 'dvY', 'dvZ'];
    const names = axes.map((a) => `${name}.${a}`);
    for (const n of names) available.push({ name: n, unit: 'km/s', column: undefined });
    return { tS: Math.min(Math.max(tS, lo), hi), dv, rtn: m.frame === 'RTN', names, name };
  });
  const seen = new Set<string>();
  for (const a of available) {
    if (seen.has(a.name)) {
      throw new InvalidArgumentError('parameters', a.name, '', 'two parameters have this name');
    }
    seen.add(a.name);
  }
  const requested = variational ? (options.parameters ?? available.map((a) => a.name)) : [];
  const chosen = requested.map((n) => {
    const a = available.find((x) => x.name === n);
    if (a === undefined) {
      throw new InvalidArgumentError(
        'parameters',
        n,
        '',
        `unknown parameter (available: ${available.map((x) => x.name).join(', ') || 'none'})`,
      );
    }
    return a;
  });
  const np = chosen.length;

  const given = options.context;
  let context: ForceContext;
  if (given !== undefined && 'gcrfToItrf' in given) {
    if (!given.referenceEpoch.equals(t0Epoch, SAME_TIME_S)) {
      throw new InvalidArgumentError(
        'context.referenceEpoch',
        given.referenceEpoch.toString(),
        '',
        `must be the initial epoch ${t0Epoch.toString()}`,
      );
    }
    context = given;
  } else {
    context = createForceContext(t0Epoch, given);
  }
  const evaluators = forces.map((f) => f.prepare(context));
  const system = new EquationsOfMotion(
    evaluators,
    variational,
    np,
    chosen.map((c) => c.column),
  );
  const n = system.dimension;

  // Break points: maneuvers and force discontinuities strictly inside the run.
  const breaks: number[] = [];
  const inside = (t: number) =>
    forward
      ? t > SAME_TIME_S && t < tEnd - SAME_TIME_S
      : t < -SAME_TIME_S && t > tEnd + SAME_TIME_S;
  for (const b of burns) if (inside(b.tS)) breaks.push(b.tS);
  for (const f of forces) {
    for (const d of f.discontinuities) {
      const t = d.secondsSince(t0Epoch);
      if (inside(t)) breaks.push(t);
    }
  }
  breaks.sort((a, b) => (forward ? a - b : b - a));
  const stops = [0];
  for (const t of breaks) if (Math.abs(t - stops[stops.length - 1]!) > SAME_TIME_S) stops.push(t);
  if (Math.abs(tEnd) > SAME_TIME_S || stops.length === 1) stops.push(tEnd);

  const integrator = options.integrator ?? DORMAND_PRINCE_853;
  const relTol = options.relTol ?? NUMERICAL_DEFAULT_REL_TOL;
  const absTolKm = options.absTolKm ?? NUMERICAL_DEFAULT_ABS_TOL_KM;
  const absTolKmS = options.absTolKmS ?? absTolKm / 1000;
  const absTol = new Float64Array(n);
  const unitScale = [1, 1, 1, 1e-3, 1e-3, 1e-3];
  for (let i = 0; i < 6; i++) absTol[i] = i < 3 ? absTolKm : absTolKmS;
  if (variational) {
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++)
        absTol[STM_OFFSET + 6 * i + j] = (relTol * unitScale[i]!) / unitScale[j]!;
      for (let k = 0; k < np; k++) absTol[SENSITIVITY_OFFSET + np * i + k] = relTol * unitScale[i]!;
    }
  }
  const dense = options.dense ?? true;
  const switches =
    options.locateSwitches === false ? [] : evaluators.flatMap((e) => e.switchingFunctions ?? []);

  const y = new Float64Array(n);
  y.set(initialState.positionKm, 0);
  y.set(initialState.velocityKmS, 3);
  if (variational) for (let i = 0; i < 6; i++) y[STM_OFFSET + 7 * i] = 1;

  const chosenIndex = new Map(chosen.map((c, k) => [c.name, k]));
  const impulses = burns.map((b) => ({
    tS: b.tS,
    name: b.name,
    impulse: {
      dv: b.dv,
      rtn: b.rtn,
      columns: Int32Array.from(b.names, (name) => chosenIndex.get(name) ?? -1),
    },
  }));
  // Backward, the impulses of one epoch are undone in the reverse of their order.
  if (!forward) impulses.reverse();
  const impulseMap = new ImpulseMap(variational, np);
  // Each impulse is crossed once, even when two stops lie within SAME_TIME_S of it.
  const crossed = new Uint8Array(impulses.length);
  const applyBurnsAt = (t: number) => {
    for (let i = 0; i < impulses.length; i++) {
      const b = impulses[i]!;
      if (crossed[i] === 1 || Math.abs(b.tS - t) > SAME_TIME_S) continue;
      crossed[i] = 1;
      if (forward) {
        impulseMap.applyForward(y, b.impulse);
      } else if (!impulseMap.applyBackward(y, b.impulse)) {
        const [r0, r1, r2] = [y[0]!, y[1]!, y[2]!];
        const hKm2S = Math.hypot(
          r1 * y[5]! - r2 * y[4]!,
          r2 * y[3]! - r0 * y[5]!,
          r0 * y[4]! - r1 * y[3]!,
        );
        throw new InvalidArgumentError(
          `${b.name}.deltaVKmS`,
          Array.from(b.impulse.dv),
          'km/s',
          `no state before the impulse at ${b.tS} s gives the state reached after it without ` +
            `reversing the motion (transverse speed after it ${hKm2S / Math.hypot(r0, r1, r2)} km/s)`,
        );
      }
    }
  };

  applyBurnsAt(0);
  let status: IntegrationStatus = 'ok';
  let reached = 0;
  let steps = 0;
  let rejected = 0;
  const segments: DenseTrajectory[] = [];
  for (let s = 1; s < stops.length; s++) {
    const a = stops[s - 1]!;
    const b = stops[s]!;
    system.beginSegment(a, b);
    const result = integrator.integrate(system, a, y, b, {
      absTol,
      relTol,
      dense,
      ...(options.maxSteps === undefined ? {} : { maxSteps: options.maxSteps }),
      ...(options.maxStepS === undefined ? {} : { maxStepS: options.maxStepS }),
      ...(options.fixedStepS === undefined ? {} : { fixedStepS: options.fixedStepS }),
      ...(switches.length === 0 ? {} : { switches }),
      ...(options.maxCheckIntervalS === undefined
        ? {}
        : { maxCheckIntervalS: options.maxCheckIntervalS }),
    });
    steps += result.steps;
    rejected += result.rejectedSteps;
    if (result.dense !== undefined) segments.push(result.dense);
    y.set(result.y);
    reached = result.tS;
    if (result.status !== 'ok') {
      status = result.status;
      break;
    }
    applyBurnsAt(b);
  }

  return new NumericalPropagation({
    status,
    referenceEpoch: t0Epoch,
    reachedS: reached,
    y: Float64Array.from(y),
    variational,
    parameterNames: chosen.map((c) => c.name),
    parameterUnits: chosen.map((c) => c.unit),
    trajectory: segments.length > 0 ? new SegmentedTrajectory(segments) : undefined,
    evaluations: system.evaluations,
    steps,
    rejectedSteps: rejected,
  });
}

interface NumericalPropagationInit {
  readonly status: IntegrationStatus;
  readonly referenceEpoch: Epoch;
  readonly reachedS: number;
  readonly y: Float64Array;
  readonly variational: boolean;
  readonly parameterNames: readonly string[];
  readonly parameterUnits: readonly string[];
  readonly trajectory: DenseTrajectory | undefined;
  readonly evaluations: number;
  readonly steps: number;
  readonly rejectedSteps: number;
}

/**
 * The result of {@link propagateNumerical}: final state, status, counts, the ephemeris of the
 * dense output, and (with `stm`) the state transition matrix Φ(t, t₀) and the sensitivities
 * ∂y(t)/∂p at the end or at any epoch of the span.
 */
export class NumericalPropagation {
  /** `'ok'`, or why the run stopped early (then `reachedEpoch` is before `endEpoch`). */
  readonly status: IntegrationStatus;
  /** Epoch of t = 0 (the initial state's). */
  readonly initialEpoch: Epoch;
  /** The epoch the run reached (the end epoch when status is 'ok'). */
  readonly reachedEpoch: Epoch;
  /** State at `reachedEpoch`, GCRF (after any maneuver at that epoch). */
  readonly finalState: StateVector;
  /** Dense output of the run as an ephemeris (undefined with `dense: false`). */
  readonly ephemeris: Ephemeris | undefined;
  /** Names of the sensitivity columns. */
  readonly parameterNames: readonly string[];
  /** Units of the parameters. */
  readonly parameterUnits: readonly string[];
  /** Force-model evaluations (calls of the equations of motion). */
  readonly evaluations: number;
  /** Accepted steps. */
  readonly steps: number;
  /** Rejected steps. */
  readonly rejectedSteps: number;
  readonly #y: Float64Array;
  readonly #variational: boolean;
  readonly #trajectory: DenseTrajectory | undefined;
  readonly #scratch: Float64Array;

  /** @internal */
  constructor(init: NumericalPropagationInit) {
    this.status = init.status;
    this.initialEpoch = init.referenceEpoch;
    this.reachedEpoch = init.referenceEpoch.plusSeconds(init.reachedS);
    const y = init.y;
    this.finalState = StateVector.create({
      epoch: this.reachedEpoch,
      frame: 'GCRF',
      positionKm: [y[0]!, y[1]!, y[2]!],
      velocityKmS: [y[3]!, y[4]!, y[5]!],
    });
    this.#y = y;
    this.#variational = init.variational;
    this.#trajectory = init.trajectory;
    this.#scratch = new Float64Array(y.length);
    this.ephemeris =
      init.trajectory === undefined
        ? undefined
        : Ephemeris.fromDenseTrajectory({
            referenceEpoch: init.referenceEpoch,
            frame: 'GCRF',
            trajectory: init.trajectory,
          });
    this.parameterNames = Object.freeze([...init.parameterNames]);
    this.parameterUnits = Object.freeze([...init.parameterUnits]);
    this.evaluations = init.evaluations;
    this.steps = init.steps;
    this.rejectedSteps = init.rejectedSteps;
    Object.freeze(this);
  }

  /**
   * Φ(t, t₀) = ∂y(t)/∂y(t₀), 6×6 row-major (rows and columns x, y, z in km, vx, vy, vz in km/s),
   * at an epoch of the span (default: the reached epoch).
   *
   * @param epoch - the epoch (default the reached epoch)
   * @returns a new array of 36 numbers
   * @throws {@link InvalidArgumentError} when the run had no `stm`
   * @throws {@link DataRangeError} for an epoch outside the span
   * @throws {@link InvalidArgumentError} with `dense: false`, for an epoch other than the
   *   reached one
   * @example
   * ```ts
   * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const run = propagateNumerical({
   *   initialState: StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] }),
   *   endEpoch: t0.plusSeconds(3600), forces: [pointMassGravity()], stm: true,
   * });
   * run.stmAt()[0]; // ≈ 1.0685 (∂x/∂x₀)
   * ```
   */
  stmAt(epoch?: Epoch): Float64Array {
    const y = this.#augmentedAt(epoch);
    return y.slice(STM_OFFSET, STM_OFFSET + 36);
  }

  /**
   * ∂y(t)/∂p: 6 × np row-major (row i = x…vz, column k = parameterNames[k]), in km or km/s
   * per unit of the parameter.
   *
   * @param epoch - the epoch (default the reached epoch)
   * @returns a new array of 6·np numbers
   * @throws {@link InvalidArgumentError} when the run had no `stm`
   * @throws {@link DataRangeError} for an epoch outside the span
   * @example
   * ```ts
   * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const run = propagateNumerical({
   *   initialState: StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] }),
   *   endEpoch: t0.plusSeconds(3600),
   *   forces: [pointMassGravity(), solarRadiationPressure({ cr: 1.3, areaToMassM2Kg: 0.02, sun: lowPrecisionSun() })],
   *   stm: true, parameters: ['srp.cr'],
   * });
   * run.sensitivityAt().length; // 6
   * ```
   */
  sensitivityAt(epoch?: Epoch): Float64Array {
    const y = this.#augmentedAt(epoch);
    return y.slice(SENSITIVITY_OFFSET, SENSITIVITY_OFFSET + 6 * this.parameterNames.length);
  }

  /**
   * Propagates a covariance from the initial epoch to an epoch of the span through the STM:
   * P(t) = Ψ P₀ Ψᵀ (+ process noise), Ψ = [[Φ, S], [0, I]] when the covariance includes the
   * parameters (rows 6… in the order of `parameterNames`), Ψ = Φ for a 6×6 one.
   *
   * @param epoch - where (default the reached epoch)
   * @param initial - covariance at the initial epoch, GCRF, 6×6 or (6 + np)²
   * @param options - process noise
   * @returns the covariance at the epoch, GCRF, same labels and units
   * @throws {@link InvalidArgumentError} without `stm`, for a covariance of another size,
   *   epoch or a negative noise density
   * @throws {@link FrameMismatchError} when the covariance is not in GCRF
   * @example
   * ```ts
   * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const run = propagateNumerical({
   *   initialState: StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] }),
   *   endEpoch: t0.plusSeconds(86400), forces: [pointMassGravity()], stm: true,
   * });
   * const p0 = Covariance.create({ epoch: t0, frame: 'GCRF', matrix: [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => (i === j ? (i < 3 ? 1 : 1e-8) : 0))) });
   * run.covarianceAt(undefined, p0).sigmas()[1]! > 1; // true (along-track grows)
   * ```
   */
  covarianceAt(
    epoch: Epoch | undefined,
    initial: Covariance,
    options: CovariancePropagationOptions = {},
  ): Covariance {
    if (initial.frame !== 'GCRF') {
      throw new FrameMismatchError('covariance propagation', 'GCRF', initial.frame);
    }
    if (!initial.epoch.equals(this.initialEpoch, SAME_TIME_S)) {
      throw new InvalidArgumentError(
        'initial.epoch',
        initial.epoch.toString(),
        '',
        `must be the run's initial epoch ${this.initialEpoch.toString()}`,
      );
    }
    const np = this.parameterNames.length;
    const dim = initial.dim;
    if (dim !== 6 && dim !== 6 + np) {
      throw new InvalidArgumentError('initial.dim', dim, '', `must be 6 or ${6 + np}`);
    }
    const q = options.accelerationPsdKm2S3 ?? 0;
    if (!(Number.isFinite(q) && q >= 0)) {
      throw new InvalidArgumentError('accelerationPsdKm2S3', q, 'km²/s³', 'must be finite and ≥ 0');
    }
    const y = this.#augmentedAt(epoch);
    const at = epoch ?? this.reachedEpoch;
    // Ψ (dim × dim)
    const psi = new Float64Array(dim * dim);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) psi[dim * i + j] = y[STM_OFFSET + 6 * i + j]!;
      if (dim > 6)
        for (let k = 0; k < np; k++) psi[dim * i + 6 + k] = y[SENSITIVITY_OFFSET + np * i + k]!;
    }
    for (let i = 6; i < dim; i++) psi[dim * i + i] = 1;
    const p0 = initial.toFloat64Array();
    const tmp = new Float64Array(dim * dim);
    for (let i = 0; i < dim; i++) {
      for (let j = 0; j < dim; j++) {
        let s = 0;
        for (let k = 0; k < dim; k++) s += psi[dim * i + k]! * p0[dim * k + j]!;
        tmp[dim * i + j] = s;
      }
    }
    const rows: number[][] = [];
    for (let i = 0; i < dim; i++) {
      const row: number[] = [];
      for (let j = 0; j < dim; j++) {
        let s = 0;
        for (let k = 0; k < dim; k++) s += tmp[dim * i + k]! * psi[dim * j + k]!;
        row.push(s);
      }
      rows.push(row);
    }
    if (q > 0) {
      const dt = Math.abs(at.secondsSince(this.initialEpoch));
      for (let i = 0; i < 3; i++) {
        rows[i]![i]! += (q * dt ** 3) / 3;
        rows[i]![i + 3]! += (q * dt * dt) / 2;
        rows[i + 3]![i]! += (q * dt * dt) / 2;
        rows[i + 3]![i + 3]! += q * dt;
      }
    }
    for (let i = 0; i < dim; i++) {
      for (let j = 0; j < i; j++) {
        const m = 0.5 * (rows[i]![j]! + rows[j]![i]!);
        rows[i]![j] = m;
        rows[j]![i] = m;
      }
    }
    return Covariance.create(
      { epoch: at, frame: 'GCRF', matrix: rows, labels: initial.labels, units: initial.units },
      { checkPsd: false },
    );
  }

  #augmentedAt(epoch: Epoch | undefined): Float64Array {
    if (!this.#variational) {
      throw new InvalidArgumentError(
        'stm',
        false,
        '',
        'the run did not integrate the STM (stm: true)',
      );
    }
    if (epoch === undefined) return this.#y;
    const t = epoch.secondsSince(this.initialEpoch);
    const traj = this.#trajectory;
    if (traj === undefined) {
      if (epoch.equals(this.reachedEpoch, SAME_TIME_S)) return this.#y;
      const reached = this.reachedEpoch.secondsSince(this.initialEpoch);
      throw new InvalidArgumentError(
        'epoch',
        t,
        's from the start',
        `without dense output only the reached epoch (${reached} s) is available`,
      );
    }
    return traj.evaluateInto(this.#scratch, t);
  }
}
