import {
  julianCenturiesSinceJ2000,
  normalizeAngle0To2Pi,
  RAD_PER_ARCSEC,
  throwIfNotFinite,
} from '../internal/constants';
import { earthRotationAngleRad } from './earthRotationAngle';

/**
 * Greenwich mean sidereal time, IAU 2006: the Earth rotation angle plus the accumulated
 * precession in right ascension of the IAU 2006 model (Capitaine et al. 2005),
 * GMST = θ(UT1) + (0.014506 + 4612.156534 t + 1.3915817 t² − 0.00000044 t³ − 0.000029956 t⁴
 * − 0.0000000368 t⁵)″, t in Julian centuries of TT since J2000.0.
 *
 * @param ut1Jd1 - first part of the two-part Julian date, UT1, days
 * @param ut1Jd2 - second part, days
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns GMST in [0, 2π), rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), eq. 5.32; SOFA `iauGmst06`
 *
 * @example
 * ```ts
 * gmst2006Rad(2400000.5, 53736.0, 2400000.5, 53736.0); // 1.7541749718700876 (SOFA: 1.754174971870091203)
 * ```
 */
export function gmst2006Rad(ut1Jd1: number, ut1Jd2: number, ttJd1: number, ttJd2: number): number {
  if (!Number.isFinite(ut1Jd1 + ut1Jd2 + ttJd1 + ttJd2)) {
    throwIfNotFinite(
      ['ut1Jd1', 'ut1Jd2', 'ttJd1', 'ttJd2'],
      ['d', 'd', 'd', 'd'],
      [ut1Jd1, ut1Jd2, ttJd1, ttJd2],
    );
  }
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  return normalizeAngle0To2Pi(
    earthRotationAngleRad(ut1Jd1, ut1Jd2) +
      (0.014506 +
        (4612.156534 +
          (1.3915817 + (-0.00000044 + (-0.000029956 + -0.0000000368 * t) * t) * t) * t) *
          t) *
        RAD_PER_ARCSEC,
  );
}
