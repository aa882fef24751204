import { julianCenturiesSinceJ2000, RAD_PER_ARCSEC, throwIfNotFinite } from '../internal/constants';

/**
 * Mean obliquity of the ecliptic, IAU 2006 (Hilton et al. 2006):
 * ε_A = 84381.406″ − 46.836769″ t − 0.0001831″ t² + 0.00200340″ t³ − 0.000000576″ t⁴
 * − 0.0000000434″ t⁵, t in Julian centuries of TT since J2000.0.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns ε_A, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), eq. 5.40; SOFA `iauObl06`
 *
 * @example
 * ```ts
 * meanObliquity2006Rad(2400000.5, 54388.0); // 0.4090749229387258 (SOFA's test)
 * ```
 */
export function meanObliquity2006Rad(ttJd1: number, ttJd2: number): number {
  if (!Number.isFinite(ttJd1 + ttJd2)) {
    throwIfNotFinite(['ttJd1', 'ttJd2'], ['d', 'd'], [ttJd1, ttJd2]);
  }
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  return (
    (84381.406 +
      (-46.836769 + (-0.0001831 + (0.0020034 + (-0.000000576 + -0.0000000434 * t) * t) * t) * t) *
        t) *
    RAD_PER_ARCSEC
  );
}
