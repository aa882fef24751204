/**
 * The value types of `bodies`: a body's state and the instants its functions accept.
 *
 * @packageDocumentation
 */
import type { Vec3 } from '../math';
import type { Epoch } from '../time';

/**
 * Position and velocity of a body relative to another, with no epoch or frame attached: the
 * function that returns it says which frame its axes are (ICRF for DE4xx SPK files).
 *
 * @example
 * ```ts
 * const s: BodyState = { positionKm: [1.5e8, 0, 0], velocityKmS: [0, 29.8, 0] };
 * s.positionKm[0]; // 150000000
 * ```
 */
export interface BodyState {
  /** Position, km. */
  readonly positionKm: Vec3;
  /** Velocity, km/s. */
  readonly velocityKmS: Vec3;
}

/**
 * An instant for ephemeris functions: an {@link Epoch}, or a number of TDB seconds since
 * J2000 (JD 2451545.0 TDB), which is what SPICE calls ephemeris time (ET). An Epoch is read
 * as two parts (whole seconds and fraction) so that no precision is lost.
 *
 * @example
 * ```ts
 * const t1: TdbInstant = Epoch.fromIso('2024-01-01T00:00:00', 'TDB');
 * const t2: TdbInstant = 757339200; // the same instant as TDB seconds since J2000
 * ```
 */
export type TdbInstant = Epoch | number;
