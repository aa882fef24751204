/**
 * Numerical constants shared by the Earth-orientation kernels, with the double values SOFA uses.
 *
 * @internal
 */
import { InvalidArgumentError } from '../../errors';

/** 2π. */
export const TWO_PI = 6.283185307179586;
/** Arcseconds to radians, π / 648000 (SOFA `DAS2R`). */
export const RAD_PER_ARCSEC = 4.84813681109536e-6;
/** Microarcseconds to radians. */
export const RAD_PER_MICROARCSEC = RAD_PER_ARCSEC / 1e6;
/** Seconds of time to radians, 2π / 86400 (SOFA `DS2R`). */
export const RAD_PER_SECOND_OF_TIME = 7.27220521664304e-5;
/** Arcseconds in a full turn (SOFA `TURNAS`). */
export const ARCSEC_PER_TURN = 1296000;
/** Julian date of J2000.0 (TT or UT1 as the kernel states). */
export const JD_J2000 = 2451545.0;
/** Days in a Julian century. */
export const DAYS_PER_JULIAN_CENTURY = 36525;
/** Seconds in a day. */
export const SECONDS_PER_DAY = 86400;

/**
 * Julian centuries since J2000.0 from a two-part Julian date, as SOFA forms it:
 * ((jd1 − J2000) + jd2) / 36525.
 *
 * @param jd1 - first part of the Julian date, days
 * @param jd2 - second part, days
 * @returns t, Julian centuries
 *
 * @example
 * ```ts
 * julianCenturiesSinceJ2000(2451545, 36525); // 1
 * ```
 */
export function julianCenturiesSinceJ2000(jd1: number, jd2: number): number {
  return (jd1 - JD_J2000 + jd2) / DAYS_PER_JULIAN_CENTURY;
}

/**
 * An angle reduced to [0, 2π) (SOFA `iauAnp`).
 *
 * @param a - angle, rad
 * @returns the same direction in [0, 2π), rad
 *
 * @example
 * ```ts
 * normalizeAngle0To2Pi(-1); // 5.283185307179586
 * ```
 */
export function normalizeAngle0To2Pi(a: number): number {
  const w = a % TWO_PI;
  return w < 0 ? w + TWO_PI : w;
}

/**
 * An angle reduced to [−π, π) (SOFA `iauAnpm`, which maps +π to −π as well).
 *
 * @param a - angle, rad
 * @returns the same direction in [−π, π), rad
 *
 * @example
 * ```ts
 * normalizeAngleMinusPiToPi(4); // -2.2831853071795862
 * ```
 */
export function normalizeAngleMinusPiToPi(a: number): number {
  let w = a % TWO_PI;
  if (Math.abs(w) >= Math.PI) w -= Math.sign(a) * TWO_PI;
  return w;
}

/**
 * Throws {@link InvalidArgumentError} for the first argument that is not finite. Kernels call
 * it only when the sum of their arguments is not finite, so the common case costs one test.
 *
 * @param names - argument names, in the order of the signature
 * @param units - their units
 * @param values - their values
 * @throws {@link InvalidArgumentError} naming the first non-finite argument
 */
export function throwIfNotFinite(
  names: readonly string[],
  units: readonly string[],
  values: readonly number[],
): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new InvalidArgumentError(names[i]!, values[i], units[i]!, 'must be a finite number');
    }
  }
}
