import { julianCenturiesSinceJ2000, RAD_PER_ARCSEC, throwIfNotFinite } from '../internal/constants';

/**
 * The TIO locator s′: the position of the Terrestrial Intermediate Origin on the equator of
 * the CIP, s′ = −47 µas · t (its secular part; Lambert & Bizouard 2002), t in Julian
 * centuries of TT since J2000.0.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns s′, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), eq. 5.13; SOFA `iauSp00`
 *
 * @example
 * ```ts
 * tioLocatorRad(2400000.5, 52541.0); // -6.216698469981019e-12 (SOFA's test)
 * ```
 */
export function tioLocatorRad(ttJd1: number, ttJd2: number): number {
  if (!Number.isFinite(ttJd1 + ttJd2)) {
    throwIfNotFinite(['ttJd1', 'ttJd2'], ['d', 'd'], [ttJd1, ttJd2]);
  }
  return -47e-6 * julianCenturiesSinceJ2000(ttJd1, ttJd2) * RAD_PER_ARCSEC;
}
