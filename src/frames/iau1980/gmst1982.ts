import {
  DAYS_PER_JULIAN_CENTURY,
  JD_J2000,
  normalizeAngle0To2Pi,
  RAD_PER_SECOND_OF_TIME,
  SECONDS_PER_DAY,
  throwIfNotFinite,
} from '../internal/constants';

// IAU 1982 GMST at 0h UT1 in seconds of time (Aoki et al. 1982), the constant term shifted by
// 12 h because the day fraction is counted from 0h while JD days start at noon.
const A_S = 24110.54841 - SECONDS_PER_DAY / 2;
const B_S = 8640184.812866;
const C_S = 0.093104;
const D_S = -6.2e-6;

/**
 * Greenwich mean sidereal time, IAU 1982 model (Aoki et al. 1982):
 * GMST = 24110.54841 s + 8640184.812866 s·T + 0.093104 s·T² − 6.2e-6 s·T³ + UT1 of the day,
 * T in Julian centuries of UT1 since J2000.0. The day fractions of the two parts are taken
 * apart from their whole days so that no resolution is lost.
 *
 * @param ut1Jd1 - first part of the two-part Julian date, UT1, days
 * @param ut1Jd2 - second part, days
 * @returns GMST in [0, 2π), rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see Aoki et al., Astron. Astrophys. 105, 359 (1982); SOFA `iauGmst82`
 *
 * @example
 * ```ts
 * gmst1982Rad(2400000.5, 53736.0); // 1.7541749818606718 (SOFA: 1.754174981860675096)
 * ```
 */
export function gmst1982Rad(ut1Jd1: number, ut1Jd2: number): number {
  if (!Number.isFinite(ut1Jd1 + ut1Jd2)) {
    throwIfNotFinite(['ut1Jd1', 'ut1Jd2'], ['d', 'd'], [ut1Jd1, ut1Jd2]);
  }
  const d1 = Math.min(ut1Jd1, ut1Jd2);
  const d2 = Math.max(ut1Jd1, ut1Jd2);
  const t = (d1 + (d2 - JD_J2000)) / DAYS_PER_JULIAN_CENTURY;
  const f = SECONDS_PER_DAY * ((d1 % 1) + (d2 % 1));
  return normalizeAngle0To2Pi(RAD_PER_SECOND_OF_TIME * (A_S + (B_S + (C_S + D_S * t) * t) * t + f));
}
