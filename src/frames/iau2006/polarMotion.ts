import type { Mat3, Mat3Out } from '../../math';
import { throwIfNotFinite } from '../internal/constants';
import {
  rotateXInPlace,
  rotateYInPlace,
  rotateZInPlace,
  setIdentity,
  toMat3,
} from '../internal/rotations';

/**
 * Writes the polar motion matrix W = R1(−y_p) · R2(−x_p) · R3(s′) into `out`
 * (SOFA `iauPom00`).
 *
 * @param out - destination, length ≥ 9, row-major
 * @param xpRad - pole coordinate x_p, rad
 * @param ypRad - pole coordinate y_p, rad
 * @param spRad - TIO locator s′, rad
 * @returns `out`
 * @throws {@link InvalidArgumentError} when an argument is not finite
 *
 * @example
 * ```ts
 * polarMotionInto(new Float64Array(9), 0, 0, 0)[8]; // 1
 * ```
 */
export function polarMotionInto<T extends Mat3Out>(
  out: T,
  xpRad: number,
  ypRad: number,
  spRad: number,
): T {
  if (!Number.isFinite(xpRad + ypRad + spRad)) {
    throwIfNotFinite(['xpRad', 'ypRad', 'spRad'], ['rad', 'rad', 'rad'], [xpRad, ypRad, spRad]);
  }
  setIdentity(out);
  rotateZInPlace(spRad, out);
  rotateYInPlace(-xpRad, out);
  rotateXInPlace(-ypRad, out);
  return out;
}

/**
 * The polar motion matrix, TIRS → ITRS: W = R1(−y_p) · R2(−x_p) · R3(s′), from the pole
 * coordinates of the IERS bulletins and the TIO locator.
 *
 * @param xpRad - pole coordinate x_p, rad
 * @param ypRad - pole coordinate y_p, rad
 * @param spRad - TIO locator s′, rad (0 for the FK5 chain, which ignores it)
 * @returns the matrix, row-major, r_ITRS = W · r_TIRS
 * @throws {@link InvalidArgumentError} when an argument is not finite
 * @see IERS Conventions (2010), eq. 5.3; SOFA `iauPom00`
 *
 * @example
 * ```ts
 * polarMotionMatrix(2.55060238e-7, 1.860359247e-6, -1.3671745807288915e-11)[2];
 * // 2.5506023799999727e-7 (SOFA: 0.2550602379999972345e-6)
 * ```
 */
export function polarMotionMatrix(xpRad: number, ypRad: number, spRad: number): Mat3 {
  return toMat3(polarMotionInto(new Float64Array(9), xpRad, ypRad, spRad));
}
