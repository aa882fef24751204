import { IERS2010_GST } from '../../data/iers2010';
import {
  julianCenturiesSinceJ2000,
  normalizeAngle0To2Pi,
  RAD_PER_ARCSEC,
  RAD_PER_MICROARCSEC,
  throwIfNotFinite,
} from '../internal/constants';
import { sumFusedSeriesInto } from '../internal/seriesKernel';
import { gstSeries } from '../internal/seriesTables';
import { earthRotationAngleRad } from './earthRotationAngle';
import { meanObliquity2006Rad } from './meanObliquity2006';
import { nutation2000AInto } from './nutation2000A';

/**
 * The complementary terms of the equation of the equinoxes: the series of table 5.2e of the
 * IERS Conventions (2010) (33 terms plus one in t), the part of GST − GMST beyond Δψ cos ε_A.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns the complementary terms, rad (a few µas)
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), table 5.2e; SOFA `iauEect00`
 *
 * @example
 * ```ts
 * equationOfEquinoxesComplementaryTermsRad(2400000.5, 53736.0); // 2.0460850048851475e-9 (SOFA: 0.2046085004885125264e-8)
 * ```
 */
export function equationOfEquinoxesComplementaryTermsRad(ttJd1: number, ttJd2: number): number {
  if (!Number.isFinite(ttJd1 + ttJd2)) {
    throwIfNotFinite(['ttJd1', 'ttJd2'], ['d', 'd'], [ttJd1, ttJd2]);
  }
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  const acc = new Float64Array(2);
  sumFusedSeriesInto(acc, gstSeries(), t);
  return (acc[0]! + acc[1]! * t) * RAD_PER_MICROARCSEC;
}

/**
 * Greenwich apparent sidereal time from the ERA-based expression of table 5.2e of the IERS
 * Conventions (2010): GST = θ(UT1) + polynomial + Δψ cos ε_A + complementary terms, with the
 * IAU 2000A nutation (IAU 2006 adjusted) and the IAU 2006 mean obliquity.
 *
 * It differs from {@link gast2006ARad} (the route through the precession-nutation matrix and
 * the equation of the origins, SOFA `iauGst06a`) by up to 1.4e-12 rad over 1972–2050: the
 * polynomial and series of the table are truncated at 0.1 µas.
 *
 * @param ut1Jd1 - first part of the two-part Julian date, UT1, days
 * @param ut1Jd2 - second part, days
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns GST in [0, 2π), rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), eq. 5.32 and table 5.2e
 *
 * @example
 * ```ts
 * gastSeries2006Rad(2400000.5, 53736.0, 2400000.5, 53736.0); // 1.7541661376741744
 * ```
 */
export function gastSeries2006Rad(
  ut1Jd1: number,
  ut1Jd2: number,
  ttJd1: number,
  ttJd2: number,
): number {
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  const p = IERS2010_GST.polynomialArcsec;
  let polyArcsec = 0;
  for (let j = p.length - 1; j >= 0; j--) polyArcsec = polyArcsec * t + p[j]!;
  const n = nutation2000AInto([0, 0], ttJd1, ttJd2);
  return normalizeAngle0To2Pi(
    earthRotationAngleRad(ut1Jd1, ut1Jd2) +
      polyArcsec * RAD_PER_ARCSEC +
      n[0]! * Math.cos(meanObliquity2006Rad(ttJd1, ttJd2)) +
      equationOfEquinoxesComplementaryTermsRad(ttJd1, ttJd2),
  );
}
