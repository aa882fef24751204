import type { Mat3Like } from '../../math';
import {
  normalizeAngle0To2Pi,
  normalizeAngleMinusPiToPi,
  throwIfNotFinite,
} from '../internal/constants';
import { cioLocatorRad } from './cipXys';
import { earthRotationAngleRad } from './earthRotationAngle';
import { gmst2006Rad } from './gmst2006';
import { precessionNutation2006AInto } from './precessionNutation2006A';

/**
 * The equation of the origins, EO = α(CIO) − α(equinox) measured along the CIP equator, from
 * a bias-precession-nutation matrix and the CIO locator s (Wallace & Capitaine 2006, eq. 16):
 * the CIO is placed on the true equator of the matrix and its angle from the equinox read.
 *
 * @param npb - bias-precession-nutation matrix, GCRS → true equator and equinox, row-major
 * @param sRad - CIO locator s, rad
 * @returns EO, rad (GST = ERA − EO)
 * @see SOFA `iauEors`
 *
 * @example
 * ```ts
 * equationOfOriginsRad([1, 0, 0, 0, 1, 0, 0, 0, 1], 1e-8); // 1e-8
 * ```
 */
export function equationOfOriginsRad(npb: Mat3Like, sRad: number): number {
  const x = npb[6]!;
  const ax = x / (1 + npb[8]!);
  const xs = 1 - ax * x;
  const ys = -ax * npb[7]!;
  const zs = -x;
  const p = npb[0]! * xs + npb[1]! * ys + npb[2]! * zs;
  const q = npb[3]! * xs + npb[4]! * ys + npb[5]! * zs;
  return p !== 0 || q !== 0 ? sRad - Math.atan2(q, p) : sRad;
}

/**
 * Greenwich apparent sidereal time, IAU 2006/2000A: GAST = θ(UT1) − EO, the equation of the
 * origins taken from the IAU 2006/2000A bias-precession-nutation matrix and s of table 5.2d.
 *
 * @param ut1Jd1 - first part of the two-part Julian date, UT1, days
 * @param ut1Jd2 - second part, days
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns GAST in [0, 2π), rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), eq. 5.30; SOFA `iauGst06a`, `iauGst06`
 *
 * @example
 * ```ts
 * gast2006ARad(2400000.5, 53736.0, 2400000.5, 53736.0); // 1.7541661376750155 (SOFA: 1.754166137675019159)
 * ```
 */
export function gast2006ARad(ut1Jd1: number, ut1Jd2: number, ttJd1: number, ttJd2: number): number {
  if (!Number.isFinite(ut1Jd1 + ut1Jd2 + ttJd1 + ttJd2)) {
    throwIfNotFinite(
      ['ut1Jd1', 'ut1Jd2', 'ttJd1', 'ttJd2'],
      ['d', 'd', 'd', 'd'],
      [ut1Jd1, ut1Jd2, ttJd1, ttJd2],
    );
  }
  const npb = precessionNutation2006AInto(new Float64Array(9), ttJd1, ttJd2);
  const s = cioLocatorRad(ttJd1, ttJd2, npb[6]!, npb[7]!);
  return normalizeAngle0To2Pi(earthRotationAngleRad(ut1Jd1, ut1Jd2) - equationOfOriginsRad(npb, s));
}

/**
 * The equation of the equinoxes, IAU 2006/2000A: GAST − GMST, both of IAU 2006 (the Earth
 * rotation angle cancels). Evaluated as SOFA does, with UT1 = TT = the given date.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns GAST − GMST in [−π, π), rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see SOFA `iauEe06a`
 *
 * @example
 * ```ts
 * equationOfEquinoxes2006ARad(2400000.5, 53736.0); // -0.000008834195072360274 (SOFA: -0.8834195072043790156e-5)
 * ```
 */
export function equationOfEquinoxes2006ARad(ttJd1: number, ttJd2: number): number {
  // SOFA iauEe06a passes UT1 = 0 + 0; θ is then the same large angle in both terms.
  return normalizeAngleMinusPiToPi(
    gast2006ARad(0, 0, ttJd1, ttJd2) - gmst2006Rad(0, 0, ttJd1, ttJd2),
  );
}
