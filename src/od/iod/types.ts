/**
 * Inputs and results shared by the initial orbit determination (IOD) methods.
 *
 * @packageDocumentation
 */
import type { FrameId } from '../../frames/frameId';
import type { Vec3 } from '../../math';
import type { StateVector } from '../../state/stateVector';
import type { Epoch } from '../../time/epoch';

/**
 * One angles-only observation ready for IOD: the instant of reception, the unit line of sight
 * from the observer to the object, and the observer's position (and, for the methods that
 * need them, its velocity and acceleration), all along the axes of one inertial frame.
 * Build it with {@link createAngleObservation} or {@link angleObservationFromSite}; the object
 * and its triples are frozen.
 */
export interface AngleObservation {
  /** Instant of reception at the observer. */
  readonly epoch: Epoch;
  /** The inertial frame of every vector below (GCRF or EME2000 in practice). */
  readonly frame: FrameId;
  /** Unit vector from the observer towards the object (astrometric direction). */
  readonly lineOfSight: Vec3;
  /** Observer position, km. */
  readonly observerPositionKm: Vec3;
  /** Observer velocity, km/s, when known (Laplace needs it; others do not). */
  readonly observerVelocityKmS: Vec3 | undefined;
  /** Observer acceleration, km/s², when known (Laplace needs it; others do not). */
  readonly observerAccelerationKmS2: Vec3 | undefined;
}

/**
 * Why an IOD method returned no orbit. These are numerical outcomes, not misuse:
 *
 * - `'degenerate-geometry'`: the data do not determine an orbit (coplanar lines of sight,
 *   collinear positions, a zero determinant);
 * - `'no-admissible-root'`: the polynomial or scalar equation of the method has no root that
 *   gives an orbit in front of the observer and above the Earth's centre;
 * - `'not-converged'`: an iteration did not reach its tolerance in its budget;
 * - `'propagation-failed'`: a two-body propagation inside the method failed.
 */
export type IodFailureReason =
  | 'degenerate-geometry'
  | 'no-admissible-root'
  | 'not-converged'
  | 'propagation-failed';

/** The result of an IOD method that found no orbit. */
export interface IodFailure {
  /** Always false. */
  readonly ok: false;
  /** Why. */
  readonly reason: IodFailureReason;
  /** A sentence with the figures that led to the failure. */
  readonly message: string;
  /** Iterations spent, when the method iterates (0 otherwise). */
  readonly iterations: number;
}

/** The result of an angles-only IOD method that found an orbit. */
export interface AnglesIodSuccess {
  /** Always true. */
  readonly ok: true;
  /** The orbit: position and velocity at the epoch of the reference observation (the middle
   * one for three observations), in the observations' frame. */
  readonly state: StateVector;
  /** Observer-to-object ranges at the observations used, km (at emission). */
  readonly rangesKm: readonly number[];
  /** Iterations spent (0 for closed-form steps). */
  readonly iterations: number;
  /**
   * Other orbits that satisfy the same data (other roots of the method's equation), best
   * first; empty when the solution is unique.
   */
  readonly alternatives: readonly StateVector[];
}

/** What an angles-only IOD method returns. */
export type AnglesIodResult = AnglesIodSuccess | IodFailure;
