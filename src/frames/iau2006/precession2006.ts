import type { Mat3, Mat3Out } from '../../math';
import {
  JD_J2000,
  julianCenturiesSinceJ2000,
  RAD_PER_ARCSEC,
  throwIfNotFinite,
} from '../internal/constants';
import { rotateXInPlace, rotateZInPlace, setIdentity, toMat3 } from '../internal/rotations';
import { meanObliquity2006Rad } from './meanObliquity2006';

/** The four Fukushima-Williams angles of the IAU 2006 precession, with frame bias. */
export interface FukushimaWilliamsAngles {
  /** γ̄: GCRS right ascension of the intersection of the ecliptic of date and the GCRS equator, rad. */
  readonly gammaBarRad: number;
  /** φ̄: obliquity of the ecliptic of date on the GCRS equator, rad. */
  readonly phiBarRad: number;
  /** ψ̄: precession angle plus bias in longitude along the ecliptic of date, rad. */
  readonly psiBarRad: number;
  /** ε_A: mean obliquity of date (IAU 2006), rad. */
  readonly epsARad: number;
}

/**
 * Writes γ̄, φ̄, ψ̄, ε_A (rad) into `out`.
 *
 * @internal
 *
 * @example
 * ```ts
 * fukushimaWilliamsAngles2006Into([0, 0, 0, 0], 2400000.5, 50123.9999)[2]; // -0.0009501954178013015
 * ```
 */
export function fukushimaWilliamsAngles2006Into<T extends number[] | Float64Array>(
  out: T,
  ttJd1: number,
  ttJd2: number,
): T {
  if (!Number.isFinite(ttJd1 + ttJd2)) {
    throwIfNotFinite(['ttJd1', 'ttJd2'], ['d', 'd'], [ttJd1, ttJd2]);
  }
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  // IERS Conventions (2010) eq. 5.40 (Hilton et al. 2006, Table 1), arcsec.
  out[0] =
    (-0.052928 +
      (10.556378 + (0.4932044 + (-0.00031238 + (-0.000002788 + 0.000000026 * t) * t) * t) * t) *
        t) *
    RAD_PER_ARCSEC;
  out[1] =
    (84381.412819 +
      (-46.811016 + (0.0511268 + (0.00053289 + (-0.00000044 + -0.0000000176 * t) * t) * t) * t) *
        t) *
    RAD_PER_ARCSEC;
  out[2] =
    (-0.041775 +
      (5038.481484 + (1.5584175 + (-0.00018522 + (-0.000026452 + -0.0000000148 * t) * t) * t) * t) *
        t) *
    RAD_PER_ARCSEC;
  out[3] = meanObliquity2006Rad(ttJd1, ttJd2);
  return out;
}

/**
 * The Fukushima-Williams angles of the IAU 2006 precession (frame bias included): γ̄, φ̄, ψ̄
 * as polynomials in t (Hilton et al. 2006) and the mean obliquity ε_A.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns the four angles, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), eq. 5.40; SOFA `iauPfw06`
 *
 * @example
 * ```ts
 * fukushimaWilliamsAngles2006Rad(2400000.5, 50123.9999).psiBarRad;
 * // -0.0009501954178013015 (SOFA's test: -0.9501954178013015092e-3)
 * ```
 */
export function fukushimaWilliamsAngles2006Rad(
  ttJd1: number,
  ttJd2: number,
): FukushimaWilliamsAngles {
  const a = fukushimaWilliamsAngles2006Into([0, 0, 0, 0], ttJd1, ttJd2);
  return { gammaBarRad: a[0]!, phiBarRad: a[1]!, psiBarRad: a[2]!, epsARad: a[3]! };
}

/**
 * Writes the rotation of the Fukushima-Williams angles,
 * R1(−ε) · R3(−ψ) · R1(φ) · R3(γ), into `out` (SOFA `iauFw2m`).
 *
 * @param out - destination, length ≥ 9, row-major
 * @param gammaRad - γ, rad
 * @param phiRad - φ, rad
 * @param psiRad - ψ, rad
 * @param epsRad - ε, rad
 * @returns `out`
 *
 * @example
 * ```ts
 * fukushimaWilliamsMatrixInto(new Float64Array(9), 0, 0, 0, 0)[0]; // 1
 * ```
 */
export function fukushimaWilliamsMatrixInto<T extends Mat3Out>(
  out: T,
  gammaRad: number,
  phiRad: number,
  psiRad: number,
  epsRad: number,
): T {
  setIdentity(out);
  rotateZInPlace(gammaRad, out);
  rotateXInPlace(phiRad, out);
  rotateZInPlace(-psiRad, out);
  rotateXInPlace(-epsRad, out);
  return out;
}

/**
 * The rotation matrix of four Fukushima-Williams angles, R1(−ε) · R3(−ψ) · R1(φ) · R3(γ).
 * With γ̄, φ̄, ψ̄, ε_A it is the bias-precession matrix; with ψ̄ + Δψ and ε_A + Δε it is the
 * bias-precession-nutation matrix.
 *
 * @param gammaRad - γ, rad
 * @param phiRad - φ, rad
 * @param psiRad - ψ, rad
 * @param epsRad - ε, rad
 * @returns the matrix, row-major, r_out = M · r_in
 * @see SOFA `iauFw2m`
 *
 * @example
 * ```ts
 * fukushimaWilliamsMatrix(0, 0, 0, 0); // [1, 0, 0, 0, 1, 0, 0, 0, 1] (the identity)
 * ```
 */
export function fukushimaWilliamsMatrix(
  gammaRad: number,
  phiRad: number,
  psiRad: number,
  epsRad: number,
): Mat3 {
  return toMat3(fukushimaWilliamsMatrixInto(new Float64Array(9), gammaRad, phiRad, psiRad, epsRad));
}

/**
 * Writes the IAU 2006 bias-precession matrix (GCRS → mean equator and equinox of date) into
 * `out`.
 *
 * @param out - destination, length ≥ 9
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns `out`
 * @throws {@link InvalidArgumentError} when a date part is not finite
 *
 * @example
 * ```ts
 * biasPrecession2006Into(new Float64Array(9), 2451545.0, 0)[1]; // -7.078368960971556e-8
 * ```
 */
export function biasPrecession2006Into<T extends Mat3Out>(out: T, ttJd1: number, ttJd2: number): T {
  const a = fukushimaWilliamsAngles2006Into([0, 0, 0, 0], ttJd1, ttJd2);
  return fukushimaWilliamsMatrixInto(out, a[0]!, a[1]!, a[2]!, a[3]!);
}

/**
 * The IAU 2006 bias-precession matrix: GCRS → mean equator and equinox of date, built from
 * the Fukushima-Williams angles.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns the matrix, row-major, r_mean-of-date = M · r_GCRS
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see SOFA `iauPmat06`
 *
 * @example
 * ```ts
 * biasPrecessionMatrix2006(2451545.0, 0)[1]; // -7.078368960971556e-8 (the frame bias alone)
 * ```
 */
export function biasPrecessionMatrix2006(ttJd1: number, ttJd2: number): Mat3 {
  return toMat3(biasPrecession2006Into(new Float64Array(9), ttJd1, ttJd2));
}

/**
 * Writes the IAU 2006 frame bias matrix (GCRS → mean equator and equinox of J2000.0) into
 * `out`: the bias-precession matrix at J2000.0 TT.
 *
 * @param out - destination, length ≥ 9
 * @returns `out`
 *
 * @example
 * ```ts
 * frameBias2006Into(new Float64Array(9))[1]; // -7.078368960971556e-8
 * ```
 */
export function frameBias2006Into<T extends Mat3Out>(out: T): T {
  return biasPrecession2006Into(out, JD_J2000, 0);
}

/**
 * The IAU 2006 frame bias matrix: GCRS → mean equator and equinox of J2000.0 (EME2000), the
 * Fukushima-Williams bias-precession matrix at J2000.0 TT (SOFA `iauBp06`'s `rb`).
 *
 * @returns the matrix, row-major, r_J2000 = B · r_GCRS
 * @see SOFA `iauBp06`
 *
 * @example
 * ```ts
 * frameBiasMatrix2006()[1]; // -7.078368960971556e-8 (dα₀ = −14.6 mas)
 * ```
 */
export function frameBiasMatrix2006(): Mat3 {
  return toMat3(frameBias2006Into(new Float64Array(9)));
}
