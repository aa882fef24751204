import type { Mat3, Mat3Like, Mat3Out } from '../../math';
import { throwIfNotFinite } from '../internal/constants';
import { rotateZInPlace, toMat3 } from '../internal/rotations';
import { celestialToIntermediateInto } from './celestialToIntermediate';
import { cipXYsFromPrecessionNutationInto, cipXYsInto } from './cipXys';
import { earthRotationAngleRad } from './earthRotationAngle';
import { polarMotionInto } from './polarMotion';
import { tioLocatorRad } from './tioLocator';

/**
 * Writes W · R3(θ) · Q into `out`: the GCRS → ITRS matrix from the celestial-to-intermediate
 * matrix Q, the Earth rotation angle θ and the polar motion matrix W (SOFA `iauC2tcio`).
 *
 * @param out - destination, length ≥ 9 (may alias neither `c2i` nor `pom`)
 * @param c2i - GCRS → CIRS matrix Q, row-major
 * @param eraRad - Earth rotation angle θ, rad
 * @param pom - TIRS → ITRS matrix W, row-major
 * @returns `out`
 *
 * @example
 * ```ts
 * const I = [1, 0, 0, 0, 1, 0, 0, 0, 1];
 * celestialToTerrestrialFromCioInto(new Float64Array(9), I, Math.PI / 2, I)[3]; // -1
 * ```
 */
export function celestialToTerrestrialFromCioInto<T extends Mat3Out>(
  out: T,
  c2i: Mat3Like,
  eraRad: number,
  pom: Mat3Like,
): T {
  const r = new Float64Array(9);
  for (let i = 0; i < 9; i++) r[i] = c2i[i]!;
  rotateZInPlace(eraRad, r);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      out[3 * i + j] =
        pom[3 * i]! * r[j]! + pom[3 * i + 1]! * r[3 + j]! + pom[3 * i + 2]! * r[6 + j]!;
    }
  }
  return out;
}

/**
 * The GCRS → ITRS matrix from Q, θ and W: W · R3(θ) · Q.
 *
 * @param c2i - GCRS → CIRS matrix Q, row-major
 * @param eraRad - Earth rotation angle θ, rad
 * @param pom - TIRS → ITRS matrix W, row-major
 * @returns the matrix, row-major, r_ITRS = M · r_GCRS
 * @see IERS Conventions (2010), eq. 5.1; SOFA `iauC2tcio`
 *
 * @example
 * ```ts
 * const I = [1, 0, 0, 0, 1, 0, 0, 0, 1];
 * celestialToTerrestrialFromCio(I, Math.PI / 2, I)[1]; // 1 (R3(90°) · r)
 * ```
 */
export function celestialToTerrestrialFromCio(c2i: Mat3Like, eraRad: number, pom: Mat3Like): Mat3 {
  return toMat3(celestialToTerrestrialFromCioInto(new Float64Array(9), c2i, eraRad, pom));
}

function checkArguments(
  ttJd1: number,
  ttJd2: number,
  ut1Jd1: number,
  ut1Jd2: number,
  xpRad: number,
  ypRad: number,
): void {
  if (!Number.isFinite(ttJd1 + ttJd2 + ut1Jd1 + ut1Jd2 + xpRad + ypRad)) {
    throwIfNotFinite(
      ['ttJd1', 'ttJd2', 'ut1Jd1', 'ut1Jd2', 'xpRad', 'ypRad'],
      ['d', 'd', 'd', 'd', 'rad', 'rad'],
      [ttJd1, ttJd2, ut1Jd1, ut1Jd2, xpRad, ypRad],
    );
  }
}

/** W · R3(θ) · Q(X, Y, s) into `out`, from X, Y, s in `xys`. */
function terrestrialFromXysInto<T extends Mat3Out>(
  out: T,
  xys: Float64Array,
  ttJd1: number,
  ttJd2: number,
  ut1Jd1: number,
  ut1Jd2: number,
  xpRad: number,
  ypRad: number,
): T {
  const c2i = celestialToIntermediateInto(new Float64Array(9), xys[0]!, xys[1]!, xys[2]!);
  const pom = polarMotionInto(new Float64Array(9), xpRad, ypRad, tioLocatorRad(ttJd1, ttJd2));
  return celestialToTerrestrialFromCioInto(out, c2i, earthRotationAngleRad(ut1Jd1, ut1Jd2), pom);
}

/**
 * Writes the GCRS → ITRS matrix of {@link celestialToTerrestrialMatrix2006A} (SOFA
 * `iauC2t06a`) into `out`.
 *
 * @param out - destination, length ≥ 9, row-major
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @param ut1Jd1 - first part of the two-part Julian date, UT1, days
 * @param ut1Jd2 - second part, days
 * @param xpRad - pole coordinate x_p, rad
 * @param ypRad - pole coordinate y_p, rad
 * @returns `out`
 * @throws {@link InvalidArgumentError} when an argument is not finite
 *
 * @example
 * ```ts
 * const m = new Float64Array(9);
 * celestialToTerrestrial2006AInto(m, 2400000.5, 53736, 2400000.5, 53736, 2.55060238e-7, 1.860359247e-6)[0];
 * // -0.1810332128305861
 * ```
 */
export function celestialToTerrestrial2006AInto<T extends Mat3Out>(
  out: T,
  ttJd1: number,
  ttJd2: number,
  ut1Jd1: number,
  ut1Jd2: number,
  xpRad: number,
  ypRad: number,
): T {
  checkArguments(ttJd1, ttJd2, ut1Jd1, ut1Jd2, xpRad, ypRad);
  const xys = cipXYsFromPrecessionNutationInto(new Float64Array(3), ttJd1, ttJd2);
  return terrestrialFromXysInto(out, xys, ttJd1, ttJd2, ut1Jd1, ut1Jd2, xpRad, ypRad);
}

/**
 * The GCRS → ITRS rotation matrix, IAU 2006/2000A, CIO based, as SOFA `iauC2t06a`:
 * W(x_p, y_p, s′) · R3(θ) · Q(X, Y, s), with X, Y read from the IAU 2006/2000A
 * bias-precession-nutation matrix, s from table 5.2d, θ the Earth rotation angle of UT1 and
 * s′ the TIO locator. The celestial pole offsets dX, dY are not applied.
 *
 * {@link celestialToTerrestrialMatrixCipSeries2006A} takes X, Y from the series of tables
 * 5.2a/5.2b instead; the two differ by up to 1.1e-11 rad (0.45 mm at GEO radius) over
 * 1972–2050.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @param ut1Jd1 - first part of the two-part Julian date, UT1, days
 * @param ut1Jd2 - second part, days
 * @param xpRad - pole coordinate x_p, rad
 * @param ypRad - pole coordinate y_p, rad
 * @returns the matrix, row-major, r_ITRS = M · r_GCRS
 * @throws {@link InvalidArgumentError} when an argument is not finite
 * @see IERS Conventions (2010), eqs. 5.1, 5.10, 5.15; SOFA `iauC2t06a`
 *
 * @example
 * ```ts
 * celestialToTerrestrialMatrix2006A(2400000.5, 53736, 2400000.5, 53736, 2.55060238e-7, 1.860359247e-6)[0];
 * // -0.1810332128305861 (SOFA: -0.1810332128305897282)
 * ```
 */
export function celestialToTerrestrialMatrix2006A(
  ttJd1: number,
  ttJd2: number,
  ut1Jd1: number,
  ut1Jd2: number,
  xpRad: number,
  ypRad: number,
): Mat3 {
  return toMat3(
    celestialToTerrestrial2006AInto(
      new Float64Array(9),
      ttJd1,
      ttJd2,
      ut1Jd1,
      ut1Jd2,
      xpRad,
      ypRad,
    ),
  );
}

/**
 * Writes the GCRS → ITRS matrix of {@link celestialToTerrestrialMatrixCipSeries2006A} into
 * `out`.
 *
 * @param out - destination, length ≥ 9, row-major
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @param ut1Jd1 - first part of the two-part Julian date, UT1, days
 * @param ut1Jd2 - second part, days
 * @param xpRad - pole coordinate x_p, rad
 * @param ypRad - pole coordinate y_p, rad
 * @returns `out`
 * @throws {@link InvalidArgumentError} when an argument is not finite
 *
 * @example
 * ```ts
 * const m = new Float64Array(9);
 * celestialToTerrestrialCipSeries2006AInto(m, 2400000.5, 53736, 2400000.5, 53736, 2.55060238e-7, 1.860359247e-6)[0];
 * // -0.18103321283058446
 * ```
 */
export function celestialToTerrestrialCipSeries2006AInto<T extends Mat3Out>(
  out: T,
  ttJd1: number,
  ttJd2: number,
  ut1Jd1: number,
  ut1Jd2: number,
  xpRad: number,
  ypRad: number,
): T {
  checkArguments(ttJd1, ttJd2, ut1Jd1, ut1Jd2, xpRad, ypRad);
  const xys = cipXYsInto(new Float64Array(3), ttJd1, ttJd2);
  return terrestrialFromXysInto(out, xys, ttJd1, ttJd2, ut1Jd1, ut1Jd2, xpRad, ypRad);
}

/**
 * The GCRS → ITRS rotation matrix, IAU 2006/2000A, CIO based, with X, Y, s from the full
 * series of the IERS Conventions (2010) (tables 5.2a, 5.2b, 5.2d, evaluated together):
 * W(x_p, y_p, s′) · R3(θ) · Q(X, Y, s). The celestial pole offsets dX, dY are not applied
 * (add them to X, Y and compose the parts when they are wanted).
 *
 * SOFA's `iauC2t06a` ({@link celestialToTerrestrialMatrix2006A}) reads X, Y from the
 * bias-precession-nutation matrix instead; the two differ by up to 1.1e-11 rad (0.45 mm at
 * GEO radius) over 1972–2050, the difference between the series and the model they fit.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @param ut1Jd1 - first part of the two-part Julian date, UT1, days
 * @param ut1Jd2 - second part, days
 * @param xpRad - pole coordinate x_p, rad
 * @param ypRad - pole coordinate y_p, rad
 * @returns the matrix, row-major, r_ITRS = M · r_GCRS
 * @throws {@link InvalidArgumentError} when an argument is not finite
 * @see IERS Conventions (2010), eqs. 5.1, 5.10, 5.15, 5.16, 5.17; SOFA `iauXy06`, `iauS06`,
 *   `iauC2ixys`, `iauEra00`, `iauSp00`, `iauPom00`, `iauC2tcio`
 *
 * @example
 * ```ts
 * celestialToTerrestrialMatrixCipSeries2006A(2400000.5, 53736, 2400000.5, 53736, 2.55060238e-7, 1.860359247e-6)[0];
 * // -0.18103321283058446 (iauC2t06a: -0.1810332128305897282)
 * ```
 */
export function celestialToTerrestrialMatrixCipSeries2006A(
  ttJd1: number,
  ttJd2: number,
  ut1Jd1: number,
  ut1Jd2: number,
  xpRad: number,
  ypRad: number,
): Mat3 {
  return toMat3(
    celestialToTerrestrialCipSeries2006AInto(
      new Float64Array(9),
      ttJd1,
      ttJd2,
      ut1Jd1,
      ut1Jd2,
      xpRad,
      ypRad,
    ),
  );
}
