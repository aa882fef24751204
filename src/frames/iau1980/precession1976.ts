import type { Mat3, Mat3Out } from '../../math';
import {
  DAYS_PER_JULIAN_CENTURY,
  JD_J2000,
  RAD_PER_ARCSEC,
  throwIfNotFinite,
} from '../internal/constants';
import { rotateYInPlace, rotateZInPlace, setIdentity, toMat3 } from '../internal/rotations';

/** The three equatorial precession angles of the IAU 1976 model. */
export interface PrecessionAngles1976 {
  /** ζ_A, rad. */
  readonly zetaRad: number;
  /** z_A, rad. */
  readonly zRad: number;
  /** θ_A, rad. */
  readonly thetaRad: number;
}

/**
 * The IAU 1976 precession angles ζ_A, z_A, θ_A between two epochs (Lieske et al. 1977,
 * eq. 6), both TT as two-part Julian dates. The precession matrix from the first epoch's mean
 * equator and equinox to the second's is R3(−z_A) · R2(θ_A) · R3(−ζ_A).
 *
 * @param fromJd1 - first part of the starting epoch, TT, days
 * @param fromJd2 - second part, days
 * @param toJd1 - first part of the ending epoch, TT, days
 * @param toJd2 - second part, days
 * @returns ζ_A, z_A, θ_A, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see Lieske et al., Astron. Astrophys. 58, 1–16 (1977); SOFA `iauPrec76`
 *
 * @example
 * ```ts
 * precessionAngles1976Rad(2400000.5, 33282.0, 2400000.5, 51544.0).zetaRad;
 * // 0.005588961642000161 (SOFA's test)
 * ```
 */
export function precessionAngles1976Rad(
  fromJd1: number,
  fromJd2: number,
  toJd1: number,
  toJd2: number,
): PrecessionAngles1976 {
  if (!Number.isFinite(fromJd1 + fromJd2 + toJd1 + toJd2)) {
    throwIfNotFinite(
      ['fromJd1', 'fromJd2', 'toJd1', 'toJd2'],
      ['d', 'd', 'd', 'd'],
      [fromJd1, fromJd2, toJd1, toJd2],
    );
  }
  // t0: from J2000.0 to the starting epoch; t: from the starting epoch to the ending one.
  const t0 = (fromJd1 - JD_J2000 + fromJd2) / DAYS_PER_JULIAN_CENTURY;
  const t = (toJd1 - fromJd1 + (toJd2 - fromJd2)) / DAYS_PER_JULIAN_CENTURY;
  const tRad = t * RAD_PER_ARCSEC;
  const w = 2306.2181 + (1.39656 - 0.000139 * t0) * t0;
  return {
    zetaRad: (w + (0.30188 - 0.000344 * t0 + 0.017998 * t) * t) * tRad,
    zRad: (w + (1.09468 + 0.000066 * t0 + 0.018203 * t) * t) * tRad,
    thetaRad:
      (2004.3109 + (-0.8533 - 0.000217 * t0) * t0 + (-0.42665 - 0.000217 * t0 - 0.041833 * t) * t) *
      tRad,
  };
}

/**
 * Writes the IAU 1976 precession matrix, mean of J2000.0 → mean of date, into `out`.
 *
 * @param out - destination, length ≥ 9, row-major
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns `out`
 * @throws {@link InvalidArgumentError} when a date part is not finite
 *
 * @example
 * ```ts
 * precession1976Into(new Float64Array(9), 2400000.5, 50123.9999)[0]; // 0.9999995504328351
 * ```
 */
export function precession1976Into<T extends Mat3Out>(out: T, ttJd1: number, ttJd2: number): T {
  const a = precessionAngles1976Rad(JD_J2000, 0, ttJd1, ttJd2);
  setIdentity(out);
  rotateZInPlace(-a.zetaRad, out);
  rotateYInPlace(a.thetaRad, out);
  rotateZInPlace(-a.zRad, out);
  return out;
}

/**
 * The IAU 1976 precession matrix (Lieske et al. 1977): FK5 mean equator and equinox of
 * J2000.0 → mean equator and equinox of date, R3(−z_A) · R2(θ_A) · R3(−ζ_A).
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns the matrix, row-major, r_MOD = P · r_J2000
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see SOFA `iauPmat76`
 *
 * @example
 * ```ts
 * precessionMatrix1976(2400000.5, 50123.9999)[0]; // 0.9999995504328351 (SOFA's test)
 * ```
 */
export function precessionMatrix1976(ttJd1: number, ttJd2: number): Mat3 {
  return toMat3(precession1976Into(new Float64Array(9), ttJd1, ttJd2));
}
