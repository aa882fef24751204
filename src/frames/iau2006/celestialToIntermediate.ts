import type { Mat3, Mat3Out } from '../../math';
import { throwIfNotFinite } from '../internal/constants';
import { rotateYInPlace, rotateZInPlace, setIdentity, toMat3 } from '../internal/rotations';

/**
 * Writes the GCRS → CIRS matrix of X, Y, s into `out` (SOFA `iauC2ixys`).
 *
 * @param out - destination, length ≥ 9, row-major
 * @param xRad - X of the CIP, rad
 * @param yRad - Y of the CIP, rad
 * @param sRad - CIO locator s, rad
 * @returns `out`
 * @throws {@link InvalidArgumentError} when an argument is not finite
 *
 * @example
 * ```ts
 * celestialToIntermediateInto(new Float64Array(9), 0, 0, 0)[4]; // 1
 * ```
 */
export function celestialToIntermediateInto<T extends Mat3Out>(
  out: T,
  xRad: number,
  yRad: number,
  sRad: number,
): T {
  if (!Number.isFinite(xRad + yRad + sRad)) {
    throwIfNotFinite(['xRad', 'yRad', 'sRad'], ['rad', 'rad', 'rad'], [xRad, yRad, sRad]);
  }
  // Spherical angles of the CIP: E its GCRS "right ascension", d its polar distance.
  const r2 = xRad * xRad + yRad * yRad;
  const e = r2 > 0 ? Math.atan2(yRad, xRad) : 0;
  const d = Math.atan(Math.sqrt(r2 / (1 - r2)));
  setIdentity(out);
  rotateZInPlace(e, out);
  rotateYInPlace(d, out);
  rotateZInPlace(-(e + sRad), out);
  return out;
}

/**
 * The celestial-to-intermediate matrix, GCRS → CIRS, from the CIP coordinates X, Y and the
 * CIO locator s: R3(−(E + s)) · R2(d) · R3(E), with E = atan2(Y, X) and
 * d = atan(√((X² + Y²) / (1 − X² − Y²))).
 *
 * @param xRad - X of the CIP, rad
 * @param yRad - Y of the CIP, rad
 * @param sRad - CIO locator s, rad
 * @returns the matrix, row-major, r_CIRS = Q · r_GCRS
 * @throws {@link InvalidArgumentError} when an argument is not finite
 * @see IERS Conventions (2010), eq. 5.10; SOFA `iauC2ixys`
 *
 * @example
 * ```ts
 * celestialToIntermediateMatrix(0, 0, 0); // [1, 0, 0, 0, 1, 0, 0, 0, 1] (the identity)
 * ```
 */
export function celestialToIntermediateMatrix(xRad: number, yRad: number, sRad: number): Mat3 {
  return toMat3(celestialToIntermediateInto(new Float64Array(9), xRad, yRad, sRad));
}
