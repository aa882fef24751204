/**
 * 3×3 matrices, stored row-major in a 9-tuple: `m[3 * row + col]`. A matrix acts on a column
 * vector from the left, r_out = M · r_in, as in SOFA/ERFA; so the matrix that maps frame A to
 * frame C through B is `multiply(M_BC, M_AB)`.
 *
 * Pure functions return new tuples; `…Into(out, …)` twins write into caller-owned storage and
 * read all of their inputs first, so `out` may alias an input.
 *
 * @packageDocumentation
 */
import type { Vec3, Vec3Like, Vec3Out } from './vec3';

/**
 * An immutable 3×3 matrix, row-major: `[m00, m01, m02, m10, m11, m12, m20, m21, m22]`, where
 * `m[3 * row + col]` is the element of row `row` and column `col` (both 0-based).
 */
export type Mat3 = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/** Anything from which a row-major 3×3 matrix can be read (elements 0…8). */
export type Mat3Like = ArrayLike<number>;

/** Storage that an `…Into` function writes a row-major 3×3 matrix to (length ≥ 9). */
export type Mat3Out = number[] | Float64Array;

/**
 * Default tolerance of {@link isOrthonormal} and {@link isRotation}: the largest element of
 * MᵀM − I allowed. A product of some hundred rotation matrices built in double precision stays
 * within about 1e-14 of orthonormality; 1e-12 leaves room for that while still rejecting any
 * matrix that has been scaled or sheared by more than a picometre per kilometre.
 */
export const DEFAULT_ORTHONORMAL_TOL = 1e-12;

/**
 * The identity matrix.
 *
 * @returns I
 *
 * @example
 * ```ts
 * identity(); // [1, 0, 0, 0, 1, 0, 0, 0, 1]
 * ```
 */
export function identity(): Mat3 {
  return [1, 0, 0, 0, 1, 0, 0, 0, 1];
}

/**
 * Builds a matrix from its three rows.
 *
 * @param r0 - first row (elements 0…2 read)
 * @param r1 - second row
 * @param r2 - third row
 * @returns the row-major matrix
 *
 * @example
 * ```ts
 * fromRows([1, 2, 3], [4, 5, 6], [7, 8, 9]); // [1, 2, 3, 4, 5, 6, 7, 8, 9]
 * ```
 */
export function fromRows(r0: Vec3Like, r1: Vec3Like, r2: Vec3Like): Mat3 {
  return [r0[0]!, r0[1]!, r0[2]!, r1[0]!, r1[1]!, r1[2]!, r2[0]!, r2[1]!, r2[2]!];
}

/**
 * The rows of a matrix, as three vectors.
 *
 * @param m - matrix, row-major
 * @returns `[row0, row1, row2]`
 *
 * @example
 * ```ts
 * toRows([1, 2, 3, 4, 5, 6, 7, 8, 9]); // [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
 * ```
 */
export function toRows(m: Mat3Like): readonly [Vec3, Vec3, Vec3] {
  return [
    [m[0]!, m[1]!, m[2]!],
    [m[3]!, m[4]!, m[5]!],
    [m[6]!, m[7]!, m[8]!],
  ];
}

/**
 * Matrix product a · b (apply `b` first, then `a`).
 *
 * @param a - left factor
 * @param b - right factor
 * @returns a · b
 * @see SOFA `iauRxr`
 *
 * @example
 * ```ts
 * const m = multiply(rotationZ(0.1), rotationZ(0.2)); // rotationZ(0.3), to rounding
 * m[1]; // 0.29552020666133955 (sin 0.3)
 * ```
 */
export function multiply(a: Mat3Like, b: Mat3Like): Mat3 {
  const out: [number, number, number, number, number, number, number, number, number] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0,
  ];
  return multiplyInto(out, a, b);
}

/**
 * Writes a · b into `out`.
 *
 * @param out - destination, length ≥ 9 (may alias `a` or `b`)
 * @param a - left factor
 * @param b - right factor
 * @returns `out`
 *
 * @example
 * ```ts
 * const out = multiplyInto(new Float64Array(9), identity(), rotationX(0.5)); // rotationX(0.5)
 * out[4]; // 0.8775825618903728 (cos 0.5)
 * ```
 */
export function multiplyInto<T extends Mat3Out>(out: T, a: Mat3Like, b: Mat3Like): T {
  const a00 = a[0]!;
  const a01 = a[1]!;
  const a02 = a[2]!;
  const a10 = a[3]!;
  const a11 = a[4]!;
  const a12 = a[5]!;
  const a20 = a[6]!;
  const a21 = a[7]!;
  const a22 = a[8]!;
  const b00 = b[0]!;
  const b01 = b[1]!;
  const b02 = b[2]!;
  const b10 = b[3]!;
  const b11 = b[4]!;
  const b12 = b[5]!;
  const b20 = b[6]!;
  const b21 = b[7]!;
  const b22 = b[8]!;
  out[0] = a00 * b00 + a01 * b10 + a02 * b20;
  out[1] = a00 * b01 + a01 * b11 + a02 * b21;
  out[2] = a00 * b02 + a01 * b12 + a02 * b22;
  out[3] = a10 * b00 + a11 * b10 + a12 * b20;
  out[4] = a10 * b01 + a11 * b11 + a12 * b21;
  out[5] = a10 * b02 + a11 * b12 + a12 * b22;
  out[6] = a20 * b00 + a21 * b10 + a22 * b20;
  out[7] = a20 * b01 + a21 * b11 + a22 * b21;
  out[8] = a20 * b02 + a21 * b12 + a22 * b22;
  return out;
}

/**
 * Transpose Mᵀ (for a rotation matrix, its inverse).
 *
 * @param m - matrix
 * @returns Mᵀ
 * @see SOFA `iauTr`
 *
 * @example
 * ```ts
 * transpose([1, 2, 3, 4, 5, 6, 7, 8, 9]); // [1, 4, 7, 2, 5, 8, 3, 6, 9]
 * ```
 */
export function transpose(m: Mat3Like): Mat3 {
  return [m[0]!, m[3]!, m[6]!, m[1]!, m[4]!, m[7]!, m[2]!, m[5]!, m[8]!];
}

/**
 * Writes Mᵀ into `out`.
 *
 * @param out - destination, length ≥ 9 (may alias `m`)
 * @param m - matrix
 * @returns `out`
 *
 * @example
 * ```ts
 * transposeInto(new Float64Array(9), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
 * // Float64Array [1, 4, 7, 2, 5, 8, 3, 6, 9]
 * ```
 */
export function transposeInto<T extends Mat3Out>(out: T, m: Mat3Like): T {
  const m01 = m[1]!;
  const m02 = m[2]!;
  const m12 = m[5]!;
  out[0] = m[0]!;
  out[1] = m[3]!;
  out[2] = m[6]!;
  out[3] = m01;
  out[4] = m[4]!;
  out[5] = m[7]!;
  out[6] = m02;
  out[7] = m12;
  out[8] = m[8]!;
  return out;
}

/**
 * Matrix–vector product M · v.
 *
 * @param m - matrix (dimensionless for a rotation)
 * @param v - vector, any unit
 * @returns M · v, in the unit of `v` times that of `m`
 * @see SOFA `iauRxp`
 *
 * @example
 * ```ts
 * multiplyVec(rotationZ(Math.PI / 2), [1, 0, 0]); // [0, -1, 0] to rounding: the frame turned by +90°
 * ```
 */
export function multiplyVec(m: Mat3Like, v: Vec3Like): Vec3 {
  const x = v[0]!;
  const y = v[1]!;
  const z = v[2]!;
  return [
    m[0]! * x + m[1]! * y + m[2]! * z,
    m[3]! * x + m[4]! * y + m[5]! * z,
    m[6]! * x + m[7]! * y + m[8]! * z,
  ];
}

/**
 * Writes M · v into `out`.
 *
 * @param out - destination, length ≥ 3 (may alias `v`)
 * @param m - matrix
 * @param v - vector, any unit
 * @returns `out`
 *
 * @example
 * ```ts
 * multiplyVecInto(new Float64Array(3), identity(), [1, 2, 3]); // Float64Array [1, 2, 3]
 * ```
 */
export function multiplyVecInto<T extends Vec3Out>(out: T, m: Mat3Like, v: Vec3Like): T {
  const x = v[0]!;
  const y = v[1]!;
  const z = v[2]!;
  out[0] = m[0]! * x + m[1]! * y + m[2]! * z;
  out[1] = m[3]! * x + m[4]! * y + m[5]! * z;
  out[2] = m[6]! * x + m[7]! * y + m[8]! * z;
  return out;
}

/**
 * Product Mᵀ · v without forming Mᵀ (for a rotation matrix, the inverse rotation).
 *
 * @param m - matrix
 * @param v - vector, any unit
 * @returns Mᵀ · v
 * @see SOFA `iauTrxp`
 *
 * @example
 * ```ts
 * transposeMultiplyVec(rotationZ(Math.PI / 2), [0, -1, 0]); // [1, 0, 0] to rounding
 * ```
 */
export function transposeMultiplyVec(m: Mat3Like, v: Vec3Like): Vec3 {
  const x = v[0]!;
  const y = v[1]!;
  const z = v[2]!;
  return [
    m[0]! * x + m[3]! * y + m[6]! * z,
    m[1]! * x + m[4]! * y + m[7]! * z,
    m[2]! * x + m[5]! * y + m[8]! * z,
  ];
}

/**
 * Writes Mᵀ · v into `out`.
 *
 * @param out - destination, length ≥ 3 (may alias `v`)
 * @param m - matrix
 * @param v - vector, any unit
 * @returns `out`
 *
 * @example
 * ```ts
 * transposeMultiplyVecInto([0, 0, 0], identity(), [1, 2, 3]); // [1, 2, 3]
 * ```
 */
export function transposeMultiplyVecInto<T extends Vec3Out>(out: T, m: Mat3Like, v: Vec3Like): T {
  const x = v[0]!;
  const y = v[1]!;
  const z = v[2]!;
  out[0] = m[0]! * x + m[3]! * y + m[6]! * z;
  out[1] = m[1]! * x + m[4]! * y + m[7]! * z;
  out[2] = m[2]! * x + m[5]! * y + m[8]! * z;
  return out;
}

/**
 * Frame rotation about the x axis, R1(θ) of the astronomical literature:
 *
 * ```
 *       ⎡ 1    0      0   ⎤
 * R1 =  ⎢ 0   cos θ  sin θ⎥
 *       ⎣ 0  −sin θ  cos θ⎦
 * ```
 *
 * This is the passive convention of SOFA's `iauRx`/ERFA's `eraRx`: R1(θ) · r gives the
 * components of a fixed vector r in a frame turned by +θ about x (right-handed, y towards z).
 * Turning a vector instead (the active convention) is R1(−θ).
 *
 * @param angleRad - rotation angle of the frame, rad
 * @returns R1(angleRad)
 * @see SOFA `iauRx`
 *
 * @example
 * ```ts
 * multiplyVec(rotationX(Math.PI / 2), [0, 1, 0]); // [0, 0, -1] to rounding
 * ```
 */
export function rotationX(angleRad: number): Mat3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return [1, 0, 0, 0, c, s, 0, -s, c];
}

/**
 * Frame rotation about the y axis, R2(θ):
 *
 * ```
 *       ⎡cos θ  0  −sin θ⎤
 * R2 =  ⎢  0    1    0   ⎥
 *       ⎣sin θ  0   cos θ⎦
 * ```
 *
 * Passive convention of SOFA's `iauRy`: R2(θ) · r gives the components of a fixed vector in a
 * frame turned by +θ about y (z towards x).
 *
 * @param angleRad - rotation angle of the frame, rad
 * @returns R2(angleRad)
 * @see SOFA `iauRy`
 *
 * @example
 * ```ts
 * multiplyVec(rotationY(Math.PI / 2), [0, 0, 1]); // [-1, 0, 0] to rounding
 * ```
 */
export function rotationY(angleRad: number): Mat3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return [c, 0, -s, 0, 1, 0, s, 0, c];
}

/**
 * Frame rotation about the z axis, R3(θ):
 *
 * ```
 *       ⎡ cos θ  sin θ  0⎤
 * R3 =  ⎢−sin θ  cos θ  0⎥
 *       ⎣   0      0    1⎦
 * ```
 *
 * Passive convention of SOFA's `iauRz`: R3(θ) · r gives the components of a fixed vector in a
 * frame turned by +θ about z (x towards y). For example the Earth-fixed components of an
 * inertial vector are R3(θ_ERA) · r.
 *
 * @param angleRad - rotation angle of the frame, rad
 * @returns R3(angleRad)
 * @see SOFA `iauRz`
 *
 * @example
 * ```ts
 * multiplyVec(rotationZ(Math.PI / 2), [1, 0, 0]); // [0, -1, 0] to rounding
 * ```
 */
export function rotationZ(angleRad: number): Mat3 {
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  return [c, s, 0, -s, c, 0, 0, 0, 1];
}

/**
 * Determinant of a 3×3 matrix (cofactor expansion along the first row).
 *
 * @param m - matrix
 * @returns det M (in the cube of the elements' unit)
 *
 * @example
 * ```ts
 * determinant([2, 0, 0, 0, 3, 0, 0, 0, 4]); // 24
 * ```
 */
export function determinant(m: Mat3Like): number {
  const m00 = m[0]!;
  const m01 = m[1]!;
  const m02 = m[2]!;
  const m10 = m[3]!;
  const m11 = m[4]!;
  const m12 = m[5]!;
  const m20 = m[6]!;
  const m21 = m[7]!;
  const m22 = m[8]!;
  return (
    m00 * (m11 * m22 - m12 * m21) - m01 * (m10 * m22 - m12 * m20) + m02 * (m10 * m21 - m11 * m20)
  );
}

/**
 * Largest element of |MᵀM − I|: how far a matrix is from orthonormal.
 *
 * @param m - matrix
 * @returns max over i, j of |(MᵀM − I)ᵢⱼ| (dimensionless); NaN if `m` holds NaN
 *
 * @example
 * ```ts
 * orthonormalityError(rotationX(1)); // 0, to rounding (a few 1e-16 at most)
 * orthonormalityError([1, 0, 0, 0, 1, 0, 0, 0, 1.001]); // ≈ 0.002001 (1.001² − 1)
 * ```
 */
export function orthonormalityError(m: Mat3Like): number {
  let worst = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = i; j < 3; j++) {
      const g = m[i]! * m[j]! + m[3 + i]! * m[3 + j]! + m[6 + i]! * m[6 + j]!;
      const e = Math.abs(g - (i === j ? 1 : 0));
      if (Number.isNaN(e)) return Number.NaN;
      if (e > worst) worst = e;
    }
  }
  return worst;
}

/**
 * Whether the columns of M are orthonormal: every element of MᵀM − I within `tol`.
 * Reflections (det = −1) pass; use {@link isRotation} to require a proper rotation.
 *
 * @param m - matrix
 * @param tol - largest element of |MᵀM − I| accepted (dimensionless)
 * @returns true when M is orthonormal to within `tol`; false for non-finite elements
 *
 * @example
 * ```ts
 * isOrthonormal(rotationY(0.3)); // true
 * isOrthonormal([1, 0, 0, 0, 1, 0, 0, 0, 1.001]); // false
 * ```
 */
export function isOrthonormal(m: Mat3Like, tol: number = DEFAULT_ORTHONORMAL_TOL): boolean {
  return orthonormalityError(m) <= tol;
}

/**
 * Whether M is a proper rotation: orthonormal to within `tol` and with a positive determinant.
 *
 * @param m - matrix
 * @param tol - largest element of |MᵀM − I| accepted (dimensionless)
 * @returns true for a rotation, false for a reflection or a non-orthonormal matrix
 *
 * @example
 * ```ts
 * isRotation(rotationZ(2)); // true
 * isRotation([-1, 0, 0, 0, 1, 0, 0, 0, 1]); // false (a reflection)
 * ```
 */
export function isRotation(m: Mat3Like, tol: number = DEFAULT_ORTHONORMAL_TOL): boolean {
  return isOrthonormal(m, tol) && determinant(m) > 0;
}
