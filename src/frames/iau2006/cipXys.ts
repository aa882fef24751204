import type { Mat3Like } from '../../math';
import {
  julianCenturiesSinceJ2000,
  RAD_PER_MICROARCSEC,
  throwIfNotFinite,
} from '../internal/constants';
import { sumFusedSeriesInto } from '../internal/seriesKernel';
import {
  CIP_SLOT_COUNT,
  CIP_SLOT_S,
  CIP_SLOT_X,
  CIP_SLOT_Y,
  cipSeries,
} from '../internal/seriesTables';
import { nutation2000BInto } from './nutation2000B';
import { fukushimaWilliamsAngles2006Into, fukushimaWilliamsMatrixInto } from './precession2006';
import { precessionNutation2006AInto } from './precessionNutation2006A';

/** The coordinates X, Y of the CIP in the GCRS. */
export interface CipXY {
  /** X, rad (the x component of the unit vector of the CIP). */
  readonly xRad: number;
  /** Y, rad. */
  readonly yRad: number;
}

/** X, Y of the CIP and the CIO locator s. */
export interface CipXYs extends CipXY {
  /** s, the CIO locator, rad. */
  readonly sRad: number;
}

/** Σ_j p_j t^j, Horner. */
function polynomial(p: readonly number[], t: number): number {
  let v = 0;
  for (let j = p.length - 1; j >= 0; j--) v = v * t + p[j]!;
  return v;
}

/** Σ_j acc[first + j] t^j over the five powers. */
function powerSum(acc: Float64Array, first: number, t: number): number {
  return (
    acc[first]! +
    t * (acc[first + 1]! + t * (acc[first + 2]! + t * (acc[first + 3]! + t * acc[first + 4]!)))
  );
}

function checkDate(ttJd1: number, ttJd2: number): void {
  if (!Number.isFinite(ttJd1 + ttJd2)) {
    throwIfNotFinite(['ttJd1', 'ttJd2'], ['d', 'd'], [ttJd1, ttJd2]);
  }
}

/**
 * Writes X, Y, s (rad) of the IAU 2006/2000A series into `out[0..2]`, evaluating the three
 * series of tables 5.2a, 5.2b and 5.2d together: each of their 1311 distinct arguments once.
 *
 * @param out - destination, length ≥ 3
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns `out`
 * @throws {@link InvalidArgumentError} when a date part is not finite
 *
 * @example
 * ```ts
 * cipXYsInto(new Float64Array(3), 2400000.5, 53736.0)[0]; // 0.0005791308486706008
 * ```
 */
export function cipXYsInto<T extends number[] | Float64Array>(
  out: T,
  ttJd1: number,
  ttJd2: number,
): T {
  checkDate(ttJd1, ttJd2);
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  const series = cipSeries();
  const acc = new Float64Array(CIP_SLOT_COUNT);
  sumFusedSeriesInto(acc, series.fused, t);
  const x =
    (polynomial(series.xPolynomialUas, t) + powerSum(acc, CIP_SLOT_X, t)) * RAD_PER_MICROARCSEC;
  const y =
    (polynomial(series.yPolynomialUas, t) + powerSum(acc, CIP_SLOT_Y, t)) * RAD_PER_MICROARCSEC;
  const sPlusXyHalf =
    (polynomial(series.sPolynomialUas, t) + powerSum(acc, CIP_SLOT_S, t)) * RAD_PER_MICROARCSEC;
  out[0] = x;
  out[1] = y;
  out[2] = sPlusXyHalf - (x * y) / 2;
  return out;
}

/**
 * The coordinates X, Y of the Celestial Intermediate Pole in the GCRS from the IAU 2006/2000A
 * series of the IERS Conventions (2010), tables 5.2a and 5.2b (polynomial parts and
 * 1600 + 1275 terms), as SOFA `iauXy06` evaluates them. They include the frame bias,
 * precession and nutation, but not the celestial pole offsets dX, dY of the IERS bulletins.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns X and Y, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), eq. 5.16; SOFA `iauXy06`
 *
 * @example
 * ```ts
 * cipXYRad(2400000.5, 53736.0);
 * // { xRad: 0.0005791308486706008, yRad: 0.000040205798167329416 }
 * // (SOFA: 0.5791308486706010975e-3, 0.4020579816732958141e-4)
 * ```
 */
export function cipXYRad(ttJd1: number, ttJd2: number): CipXY {
  const out = cipXYsInto([0, 0, 0], ttJd1, ttJd2);
  return { xRad: out[0]!, yRad: out[1]! };
}

/**
 * X, Y of the CIP and the CIO locator s from the IAU 2006/2000A series (tables 5.2a, 5.2b,
 * 5.2d), evaluated together: the fundamental arguments and the 1311 distinct series arguments
 * once for the three. Equal to {@link cipXYRad} followed by {@link cioLocatorRad}.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns X, Y and s, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), eqs. 5.16 and 5.17; SOFA `iauXy06` + `iauS06`
 *
 * @example
 * ```ts
 * cipXYsRad(2400000.5, 53736.0).sRad; // -1.220032213076459e-8
 * ```
 */
export function cipXYsRad(ttJd1: number, ttJd2: number): CipXYs {
  const out = cipXYsInto([0, 0, 0], ttJd1, ttJd2);
  return { xRad: out[0]!, yRad: out[1]!, sRad: out[2]! };
}

/**
 * The CIO locator s, IAU 2006/2000A, given X, Y: the series of table 5.2d for s + XY/2
 * (polynomial part and 66 terms), minus XY/2.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @param xRad - X of the CIP, rad
 * @param yRad - Y of the CIP, rad
 * @returns s, rad
 * @throws {@link InvalidArgumentError} when an argument is not finite
 * @see IERS Conventions (2010), eq. 5.17 and table 5.2d; SOFA `iauS06`
 *
 * @example
 * ```ts
 * cioLocatorRad(2400000.5, 53736.0, 0.5791308486706011e-3, 0.4020579816732961e-4);
 * // -1.2200322130764652e-8 (SOFA: -0.1220032213076463117e-7)
 * ```
 */
export function cioLocatorRad(ttJd1: number, ttJd2: number, xRad: number, yRad: number): number {
  if (!Number.isFinite(ttJd1 + ttJd2 + xRad + yRad)) {
    throwIfNotFinite(
      ['ttJd1', 'ttJd2', 'xRad', 'yRad'],
      ['d', 'd', 'rad', 'rad'],
      [ttJd1, ttJd2, xRad, yRad],
    );
  }
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  const series = cipSeries();
  const acc = new Float64Array(5);
  sumFusedSeriesInto(acc, series.sOnly, t);
  return (
    (polynomial(series.sPolynomialUas, t) + powerSum(acc, 0, t)) * RAD_PER_MICROARCSEC -
    (xRad * yRad) / 2
  );
}

/**
 * X, Y of the CIP read from a bias-precession-nutation matrix: its third row, the CIP's unit
 * vector in the GCRS.
 *
 * @param npb - bias-precession-nutation matrix (GCRS → true of date), row-major
 * @returns X = npb[2][0], Y = npb[2][1], rad
 * @see SOFA `iauBpn2xy`
 *
 * @example
 * ```ts
 * cipXYFromMatrix([1, 0, 0, 0, 1, 0, 1e-4, 2e-5, 1]); // { xRad: 1e-4, yRad: 2e-5 }
 * ```
 */
export function cipXYFromMatrix(npb: Mat3Like): CipXY {
  return { xRad: npb[6]!, yRad: npb[7]! };
}

/**
 * Writes X, Y (from the IAU 2006/2000A bias-precession-nutation matrix) and s into `out`.
 *
 * @internal
 *
 * @example
 * ```ts
 * cipXYsFromPrecessionNutationInto([0, 0, 0], 2400000.5, 53736.0)[0]; // 0.0005791308482835291
 * ```
 */
export function cipXYsFromPrecessionNutationInto<T extends number[] | Float64Array>(
  out: T,
  ttJd1: number,
  ttJd2: number,
): T {
  const npb = precessionNutation2006AInto(new Float64Array(9), ttJd1, ttJd2);
  out[0] = npb[6]!;
  out[1] = npb[7]!;
  out[2] = cioLocatorRad(ttJd1, ttJd2, npb[6]!, npb[7]!);
  return out;
}

/**
 * X, Y of the CIP taken from the IAU 2006/2000A bias-precession-nutation matrix (precession
 * angles of Fukushima-Williams, IAU 2000A nutation with the 2006 adjustments), and s from
 * table 5.2d: the route of SOFA `iauXys06a` and `iauC2t06a`. It differs from the series of
 * {@link cipXYsRad} by up to 1.1e-11 rad over 1972–2050 (2.8e-12 rad in Y in 2006): the series
 * of tables 5.2a/b fit the model to about 0.1 µas per term, not exactly.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns X, Y and s, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see SOFA `iauXys06a`
 *
 * @example
 * ```ts
 * cipXYsFromPrecessionNutationRad(2400000.5, 53736.0).xRad; // 0.0005791308482835291 (SOFA: 0.5791308482835292617e-3)
 * ```
 */
export function cipXYsFromPrecessionNutationRad(ttJd1: number, ttJd2: number): CipXYs {
  const out = cipXYsFromPrecessionNutationInto([0, 0, 0], ttJd1, ttJd2);
  return { xRad: out[0]!, yRad: out[1]!, sRad: out[2]! };
}

/**
 * Writes X, Y of the CIP and s with the faster IAU 2000B nutation into `out`: X, Y from the
 * bias-precession-nutation matrix of the IAU 2006 precession (Fukushima-Williams angles) and
 * the 77-term IAU 2000B nutation as published (without the IAU 2006 adjustments, which are
 * below 10 µas), s from table 5.2d with those X, Y. Within 1.1 mas of the IAU 2006/2000A X, Y
 * over 1995–2050 (0.21 m at GEO radius); see docs/guides/frames.md.
 *
 * @param out - destination, length ≥ 3: X, Y, s in rad
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns `out`
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see McCarthy & Luzum (2003), Celest. Mech. 85, 37; SOFA `iauPnm00b` (with the IAU 2000
 *   precession instead) and `iauS06`
 *
 * @example
 * ```ts
 * const xys = cipXYs2000BInto(new Float64Array(3), 2400000.5, 53736.0);
 * Math.abs(xys[0]! - 0.5791308482835292e-3) < 5e-9; // true (within 1 mas of IAU 2006/2000A)
 * ```
 */
export function cipXYs2000BInto<T extends number[] | Float64Array>(
  out: T,
  ttJd1: number,
  ttJd2: number,
): T {
  const fw = fukushimaWilliamsAngles2006Into([0, 0, 0, 0], ttJd1, ttJd2);
  const n = nutation2000BInto([0, 0], ttJd1, ttJd2);
  const npb = fukushimaWilliamsMatrixInto(
    new Float64Array(9),
    fw[0]!,
    fw[1]!,
    fw[2]! + n[0]!,
    fw[3]! + n[1]!,
  );
  out[0] = npb[6]!;
  out[1] = npb[7]!;
  out[2] = cioLocatorRad(ttJd1, ttJd2, npb[6]!, npb[7]!);
  return out;
}
