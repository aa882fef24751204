import { JD_J2000, normalizeAngle0To2Pi, TWO_PI, throwIfNotFinite } from '../internal/constants';

/**
 * The Earth rotation angle θ (IAU 2000): the angle between the CIO and the TIO along the
 * equator of the CIP,
 * θ = 2π (0.7790572732640 + 1.00273781191135448 Tu), Tu = JD(UT1) − 2451545.0.
 *
 * The day fractions of the two parts are taken apart from their whole days, so that the
 * large whole-turn part 1 · Tu drops out without losing digits.
 *
 * @param ut1Jd1 - first part of the two-part Julian date, UT1, days
 * @param ut1Jd2 - second part, days; any split works, (date at 0h, fraction) keeps the most
 *   resolution
 * @returns θ in [0, 2π), rad
 * @throws {@link InvalidArgumentError} when a part is not finite
 * @see IERS Conventions (2010), eq. 5.15; SOFA `iauEra00`
 *
 * @example
 * ```ts
 * earthRotationAngleRad(2400000.5, 54388.0); // 0.40228372400281387 (SOFA: 0.4022837240028158102)
 * ```
 */
export function earthRotationAngleRad(ut1Jd1: number, ut1Jd2: number): number {
  if (!Number.isFinite(ut1Jd1 + ut1Jd2)) {
    throwIfNotFinite(['ut1Jd1', 'ut1Jd2'], ['d', 'd'], [ut1Jd1, ut1Jd2]);
  }
  // SOFA's order: the smaller part first, so the two fractions are formed the same way.
  const d1 = Math.min(ut1Jd1, ut1Jd2);
  const d2 = Math.max(ut1Jd1, ut1Jd2);
  const tu = d1 + (d2 - JD_J2000);
  const f = (d1 % 1) + (d2 % 1);
  return normalizeAngle0To2Pi(TWO_PI * (f + 0.779057273264 + 0.00273781191135448 * tu));
}
