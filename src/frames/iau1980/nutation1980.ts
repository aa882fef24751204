import { IAU1980_NUTATION } from '../../data/iers2010Nut80';
import type { Nutation } from '../iau2006/nutation2000A';
import {
  julianCenturiesSinceJ2000,
  normalizeAngleMinusPiToPi,
  RAD_PER_ARCSEC,
  TWO_PI,
  throwIfNotFinite,
} from '../internal/constants';

/** 0.0001″ to radians. */
const RAD_PER_TENTH_MILLIARCSEC = RAD_PER_ARCSEC / 1e4;

/**
 * A fundamental argument of the 1980 theory: (c0 + c1 t + c2 t² + c3 t³)″ plus whole turns
 * `turns` · t, reduced to [−π, π) (the whole turns are split off to keep digits).
 */
function argument1980(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  turns: number,
  t: number,
): number {
  return normalizeAngleMinusPiToPi(
    (c0 + (c1 + (c2 + c3 * t) * t) * t) * RAD_PER_ARCSEC + ((turns * t) % 1) * TWO_PI,
  );
}

/**
 * Writes [Δψ, Δε] (rad) of the IAU 1980 nutation into `out`.
 *
 * @internal
 *
 * @example
 * ```ts
 * nutation1980Into([0, 0], 2400000.5, 53736.0)[0]; // -0.000009643658353226685
 * ```
 */
export function nutation1980Into<T extends number[] | Float64Array>(
  out: T,
  ttJd1: number,
  ttJd2: number,
): T {
  if (!Number.isFinite(ttJd1 + ttJd2)) {
    throwIfNotFinite(['ttJd1', 'ttJd2'], ['d', 'd'], [ttJd1, ttJd2]);
  }
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  // Delaunay arguments of the 1980 theory (Seidelmann 1982; Explanatory Supplement 1992,
  // eq. 3.222-3), arcsec and revolutions per century.
  const l = argument1980(485866.733, 715922.633, 31.31, 0.064, 1325, t);
  const lp = argument1980(1287099.804, 1292581.224, -0.577, -0.012, 99, t);
  const f = argument1980(335778.877, 295263.137, -13.257, 0.011, 1342, t);
  const d = argument1980(1072261.307, 1105601.328, -6.891, 0.019, 1236, t);
  const om = argument1980(450160.28, -482890.539, 7.455, 0.008, -5, t);

  const k = IAU1980_NUTATION.multipliers;
  const c = IAU1980_NUTATION.coefficients;
  let dp = 0;
  let de = 0;
  // From the last term to the first, smallest first (SOFA's order).
  for (let j = k.length / 5 - 1; j >= 0; j--) {
    const arg =
      k[5 * j]! * l +
      k[5 * j + 1]! * lp +
      k[5 * j + 2]! * f +
      k[5 * j + 3]! * d +
      k[5 * j + 4]! * om;
    const s = c[4 * j]! + c[4 * j + 1]! * t;
    const co = c[4 * j + 2]! + c[4 * j + 3]! * t;
    if (s !== 0) dp += s * Math.sin(arg);
    if (co !== 0) de += co * Math.cos(arg);
  }
  out[0] = dp * RAD_PER_TENTH_MILLIARCSEC;
  out[1] = de * RAD_PER_TENTH_MILLIARCSEC;
  return out;
}

/**
 * Nutation, IAU 1980 theory (Wahr 1981; Seidelmann 1982): the 106-term series of Vallado's
 * `nut80.dat` with the Delaunay arguments of the 1980 theory. The corrections δΔψ, δΔε of the
 * IERS bulletins are not included (add them to the result).
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns Δψ and Δε with respect to the mean equator and equinox of date, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see Explanatory Supplement to the Astronomical Almanac (1992), Table 3.222.1; SOFA `iauNut80`
 *
 * @example
 * ```ts
 * nutation1980Rad(2400000.5, 53736.0);
 * // { dPsiRad: -0.000009643658353226685, dEpsRad: 0.000040600510068797106 }
 * // (SOFA: -0.9643658353226563966e-5, 0.4060051006879713322e-4)
 * ```
 */
export function nutation1980Rad(ttJd1: number, ttJd2: number): Nutation {
  const out = nutation1980Into([0, 0], ttJd1, ttJd2);
  return { dPsiRad: out[0]!, dEpsRad: out[1]! };
}
