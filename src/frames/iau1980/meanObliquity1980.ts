import { julianCenturiesSinceJ2000, RAD_PER_ARCSEC, throwIfNotFinite } from '../internal/constants';

/**
 * Mean obliquity of the ecliptic, IAU 1980 (Lieske et al. 1977):
 * ε₀ = 84381.448″ − 46.8150″ t − 0.00059″ t² + 0.001813″ t³, t in Julian centuries of TT
 * since J2000.0.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns ε₀, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see Explanatory Supplement to the Astronomical Almanac (1992), eq. 3.222-1; SOFA `iauObl80`
 *
 * @example
 * ```ts
 * meanObliquity1980Rad(2400000.5, 54388.0); // 0.4090751347643816 (SOFA's test)
 * ```
 */
export function meanObliquity1980Rad(ttJd1: number, ttJd2: number): number {
  if (!Number.isFinite(ttJd1 + ttJd2)) {
    throwIfNotFinite(['ttJd1', 'ttJd2'], ['d', 'd'], [ttJd1, ttJd2]);
  }
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  return RAD_PER_ARCSEC * (84381.448 + (-46.815 + (-0.00059 + 0.001813 * t) * t) * t);
}
