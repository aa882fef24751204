/**
 * The contract between force models and the numerical propagator.
 *
 * A {@link ForceModel} is an immutable description (a field, a body, a spacecraft's
 * coefficients). The propagator calls {@link ForceModel.prepare} once per run, with the run's
 * time origin, and gets a {@link ForceEvaluator}: the object that is called at every stage of
 * the integrator. Evaluators write into preallocated arrays and allocate nothing per call.
 *
 * Units: km, km/s, km/s², s. A state `y` is `[x, y, z, vx, vy, vz]` in GCRF (km, km/s), and the
 * time `tS` is SI seconds since the run's reference epoch.
 *
 * @packageDocumentation
 */
import type { Epoch } from '../../time';

/**
 * An estimable parameter of a force model: its name (`'srp.cr'`, `'srp.areaToMassM2Kg'`,
 * `'drag.cd'`…), its value and its unit.
 *
 * @example
 * ```ts
 * const p: ForceParameter = { name: 'srp.cr', value: 1.3, unit: '' };
 * p.name; // 'srp.cr'
 * ```
 */
export interface ForceParameter {
  /** Name, `<model>.<parameter>`, unique within a propagation. */
  readonly name: string;
  /** Value the model uses, in `unit`. */
  readonly value: number;
  /** Unit of the value ('' when dimensionless). */
  readonly unit: string;
}

/**
 * Positions of a body relative to the Earth's centre, in GCRF, for the force models.
 *
 * @example
 * ```ts
 * const sun = lowPrecisionSun();
 * const out = new Float64Array(3);
 * sun.positionInto(out, Epoch.fromIso('2024-03-20T03:06:00', 'UTC'));
 * Math.hypot(...out) / AU_KM; // ≈ 0.996
 * ```
 */
export interface BodyPositionProvider {
  /** Name of the body and of the model, e.g. `'Sun (low precision)'`. */
  readonly name: string;
  /** Gravitational parameter of the body, km³/s². */
  readonly gmKm3S2: number;
  /** Mean radius of the body, km (for shadows). */
  readonly radiusKm: number;
  /**
   * Writes the geocentric position of the body at an epoch, GCRF, km.
   *
   * @param out - receives x, y, z, km
   * @param epoch - the instant
   */
  positionInto(out: Float64Array, epoch: Epoch): void;
}

/**
 * What a force model is given when it is prepared for a run: the time origin, and the body
 * positions shared by every model of the run (the Sun of the third-body term and of the
 * radiation pressure is computed once per instant).
 */
export interface ForceContext {
  /** The epoch where `tS = 0`. */
  readonly referenceEpoch: Epoch;
  /**
   * Position of a body at `tS` (GCRF, km), from a sampled cache of the provider shared by the
   * models of the run. The returned array is owned by the cache: read it before the next call.
   *
   * @param provider - the body
   * @param tS - seconds since `referenceEpoch`
   */
  bodyPosition(provider: BodyPositionProvider, tS: number): Float64Array;
  /**
   * The GCRF → ITRF rotation at `tS` (row-major, r_ITRF = R · r_GCRF), from a cache shared by
   * the models of the run. The returned array is owned by the cache.
   *
   * @param tS - seconds since `referenceEpoch`
   */
  gcrfToItrf(tS: number): Float64Array;
}

/**
 * A force model prepared for one run: the acceleration and its partial derivatives at a
 * state. Both methods ADD into their outputs (so that the propagator sums models without
 * copies); they allocate nothing.
 */
export interface ForceEvaluator {
  /** Number of estimable parameters (the columns of ∂a/∂p), as in {@link ForceModel.parameters}. */
  readonly parameterCount: number;
  /**
   * Called by the propagator before it integrates over [fromS, toS], a span between two
   * consecutive discontinuities, so that a model that switches on or off (a thrust arc)
   * knows which side of its epochs the whole span is on.
   *
   * @param fromS - start of the span, s since the reference epoch
   * @param toS - end of the span, s since the reference epoch
   */
  beginSegment?(fromS: number, toS: number): void;
  /**
   * Functions g(tS, y) whose zeros are where this model's acceleration is not smooth (the
   * boundaries of a shadow's umbra and penumbra): the propagator ends an integration step
   * exactly at each zero, so that no step straddles a kink. `y` starts with the position and
   * velocity (GCRF, km, km/s); the functions must not keep or write into it.
   */
  readonly switchingFunctions?: readonly ((tS: number, y: Float64Array) => number)[];
  /**
   * Adds the acceleration at (tS, y) to `acc`.
   *
   * @param acc - 3 numbers, km/s², added to
   * @param tS - seconds since the reference epoch
   * @param y - `[x, y, z, vx, vy, vz]`, GCRF, km and km/s
   */
  addAcceleration(acc: Float64Array, tS: number, y: Float64Array): void;
  /**
   * Adds the acceleration and its partial derivatives at (tS, y).
   *
   * @param acc - 3 numbers, km/s², added to
   * @param dAdR - ∂a/∂r, 3×3 row-major (∂a_i/∂r_j at 3i + j), 1/s², added to
   * @param dAdV - ∂a/∂v, 3×3 row-major, 1/s, added to
   * @param dAdP - ∂a/∂p, ∂a_i/∂p_k at 3k + i (column k contiguous), km/s² per unit of p_k,
   *   added to; length ≥ 3 · parameterCount
   * @param tS - seconds since the reference epoch
   * @param y - `[x, y, z, vx, vy, vz]`, GCRF, km and km/s
   */
  addPartials(
    acc: Float64Array,
    dAdR: Float64Array,
    dAdV: Float64Array,
    dAdP: Float64Array,
    tS: number,
    y: Float64Array,
  ): void;
}

/**
 * One force acting on the spacecraft (a gravity field, a third body, radiation pressure…).
 * Immutable; {@link ForceModel.prepare} gives the evaluator of one run.
 */
export interface ForceModel {
  /** Short name, e.g. `'gravity EGM2008 8×8'`. */
  readonly name: string;
  /** Estimable parameters with their values, in the order of the columns of ∂a/∂p. */
  readonly parameters: readonly ForceParameter[];
  /** Whether the acceleration depends on the velocity (drag): ∂a/∂v ≠ 0. */
  readonly dependsOnVelocity: boolean;
  /**
   * Epochs where the acceleration jumps (start and end of a thrust arc); the propagator ends
   * a step exactly there.
   */
  readonly discontinuities: readonly Epoch[];
  /**
   * Prepares the model for a run.
   *
   * @param context - time origin and shared caches of the run
   * @returns the evaluator
   */
  prepare(context: ForceContext): ForceEvaluator;
}
