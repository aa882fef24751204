/**
 * In-place elementary rotations of a row-major 3×3 matrix, m ← R(θ) · m, in the order and
 * convention of SOFA `iauRx`, `iauRy`, `iauRz` (the same as `mat3.rotationX/Y/Z`). Building a
 * product of rotations this way allocates nothing and rounds as SOFA does.
 *
 * @internal
 */
import type { Mat3Out } from '../../math';

/**
 * Writes the identity into `m`.
 *
 * @param m - destination, length ≥ 9
 * @returns `m`
 */
export function setIdentity<T extends Mat3Out>(m: T): T {
  m[0] = 1;
  m[1] = 0;
  m[2] = 0;
  m[3] = 0;
  m[4] = 1;
  m[5] = 0;
  m[6] = 0;
  m[7] = 0;
  m[8] = 1;
  return m;
}

/**
 * m ← R1(θ) · m (SOFA `iauRx`).
 *
 * @param angleRad - θ, rad
 * @param m - matrix, row-major, updated in place
 */
export function rotateXInPlace(angleRad: number, m: Mat3Out): void {
  const s = Math.sin(angleRad);
  const c = Math.cos(angleRad);
  const a10 = c * m[3]! + s * m[6]!;
  const a11 = c * m[4]! + s * m[7]!;
  const a12 = c * m[5]! + s * m[8]!;
  const a20 = -s * m[3]! + c * m[6]!;
  const a21 = -s * m[4]! + c * m[7]!;
  const a22 = -s * m[5]! + c * m[8]!;
  m[3] = a10;
  m[4] = a11;
  m[5] = a12;
  m[6] = a20;
  m[7] = a21;
  m[8] = a22;
}

/**
 * m ← R2(θ) · m (SOFA `iauRy`).
 *
 * @param angleRad - θ, rad
 * @param m - matrix, row-major, updated in place
 */
export function rotateYInPlace(angleRad: number, m: Mat3Out): void {
  const s = Math.sin(angleRad);
  const c = Math.cos(angleRad);
  const a00 = c * m[0]! - s * m[6]!;
  const a01 = c * m[1]! - s * m[7]!;
  const a02 = c * m[2]! - s * m[8]!;
  const a20 = s * m[0]! + c * m[6]!;
  const a21 = s * m[1]! + c * m[7]!;
  const a22 = s * m[2]! + c * m[8]!;
  m[0] = a00;
  m[1] = a01;
  m[2] = a02;
  m[6] = a20;
  m[7] = a21;
  m[8] = a22;
}

/**
 * m ← R3(θ) · m (SOFA `iauRz`).
 *
 * @param angleRad - θ, rad
 * @param m - matrix, row-major, updated in place
 */
export function rotateZInPlace(angleRad: number, m: Mat3Out): void {
  const s = Math.sin(angleRad);
  const c = Math.cos(angleRad);
  const a00 = c * m[0]! + s * m[3]!;
  const a01 = c * m[1]! + s * m[4]!;
  const a02 = c * m[2]! + s * m[5]!;
  const a10 = -s * m[0]! + c * m[3]!;
  const a11 = -s * m[1]! + c * m[4]!;
  const a12 = -s * m[2]! + c * m[5]!;
  m[0] = a00;
  m[1] = a01;
  m[2] = a02;
  m[3] = a10;
  m[4] = a11;
  m[5] = a12;
}

/**
 * The 9 elements of a row-major matrix as a readonly tuple.
 *
 * @param m - matrix, row-major
 * @returns a new tuple
 */
export function toMat3(
  m: ArrayLike<number>,
): readonly [number, number, number, number, number, number, number, number, number] {
  return [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!, m[8]!];
}
