import type { Mat3, Mat3Out } from '../../math';
import { toMat3 } from '../internal/rotations';
import { nutation2000AInto } from './nutation2000A';
import { fukushimaWilliamsAngles2006Into, fukushimaWilliamsMatrixInto } from './precession2006';

/**
 * Writes the IAU 2006/2000A bias-precession-nutation matrix into `out`.
 *
 * @param out - destination, length ≥ 9
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns `out`
 * @throws {@link InvalidArgumentError} when a date part is not finite
 *
 * @example
 * ```ts
 * precessionNutation2006AInto(new Float64Array(9), 2400000.5, 50123.9999)[0]; // 0.9999995832794205
 * ```
 */
export function precessionNutation2006AInto<T extends Mat3Out>(
  out: T,
  ttJd1: number,
  ttJd2: number,
): T {
  const fw = fukushimaWilliamsAngles2006Into([0, 0, 0, 0], ttJd1, ttJd2);
  const n = nutation2000AInto([0, 0], ttJd1, ttJd2);
  return fukushimaWilliamsMatrixInto(out, fw[0]!, fw[1]!, fw[2]! + n[0]!, fw[3]! + n[1]!);
}

/**
 * The IAU 2006/2000A bias-precession-nutation matrix, GCRS → true equator and equinox of
 * date: the Fukushima-Williams matrix of γ̄, φ̄, ψ̄ + Δψ, ε_A + Δε with the IAU 2006
 * precession angles and the IAU 2000A nutation (with the IAU 2006 adjustments).
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns the matrix, row-major, r_true-of-date = M · r_GCRS
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), eq. 5.39; SOFA `iauPnm06a`
 *
 * @example
 * ```ts
 * precessionNutationMatrix2006A(2400000.5, 50123.9999)[0]; // 0.9999995832794205 (SOFA's test)
 * ```
 */
export function precessionNutationMatrix2006A(ttJd1: number, ttJd2: number): Mat3 {
  return toMat3(precessionNutation2006AInto(new Float64Array(9), ttJd1, ttJd2));
}
