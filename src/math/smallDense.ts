/**
 * Allocation-light products and inverses of small dense matrices (n up to ~20) on row-major
 * arrays: the covariances, innovation covariances and transition matrices of the estimators,
 * where the general routines of `linalg.ts` (over ml-matrix, with copies and checks) cost more
 * than the arithmetic. Numerical failure (not positive definite, singular) is returned as `false`.
 */

/**
 * Writes L⁻¹ into `out`, for L lower triangular (n×n, row-major; the upper part is not read),
 * by forward substitution column by column. Returns false when a diagonal element is zero.
 *
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * lowerTriangularInverseInto(out, [2, 0, 1, 4], 2); // true
 * out; // Float64Array [0.5, 0, -0.125, 0.25]
 * ```
 */
export function lowerTriangularInverseInto(
  out: Float64Array,
  L: ArrayLike<number>,
  n: number,
): boolean {
  out.fill(0, 0, n * n);
  for (let c = 0; c < n; c++) {
    for (let i = c; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = c; k < i; k++) s -= L[i * n + k]! * out[k * n + c]!;
      const d = L[i * n + i]!;
      if (d === 0) return false;
      out[i * n + c] = s / d;
    }
  }
  return true;
}

/**
 * Writes A⁻¹ into `out` for A symmetric positive definite (n×n, row-major; the lower triangle
 * is read) through its Cholesky factor: A⁻¹ = L⁻ᵀ L⁻¹. Returns false when a pivot is not
 * positive (A is not positive definite).
 *
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * invertSpdInto(out, [4, 2, 2, 3], 2); // true
 * out[1]; // ≈ -0.25
 * ```
 */
export function invertSpdInto(out: Float64Array, A: ArrayLike<number>, n: number): boolean {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j]!;
    for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = s / ljj;
    }
  }
  const Li = new Float64Array(n * n);
  lowerTriangularInverseInto(Li, L, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += Li[k * n + i]! * Li[k * n + j]!;
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return true;
}

/**
 * Writes A⁻¹ into `out` for a general square A (n×n, row-major) by Gauss–Jordan elimination
 * with partial pivoting. Returns false when A is singular to working precision (a zero pivot).
 *
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * invertGeneralInto(out, [0, 1, 2, 0], 2); // true
 * out; // Float64Array [0, 0.5, 1, 0]
 * ```
 */
export function invertGeneralInto(out: Float64Array, A: ArrayLike<number>, n: number): boolean {
  const a = Float64Array.from({ length: n * n }, (_, k) => A[k]!);
  out.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]!) > Math.abs(a[p * n + c]!)) p = r;
    const pivot = a[p * n + c]!;
    if (!(Math.abs(pivot) > 0)) return false;
    if (p !== c) {
      for (let j = 0; j < n; j++) {
        const t = a[c * n + j]!;
        a[c * n + j] = a[p * n + j]!;
        a[p * n + j] = t;
        const u = out[c * n + j]!;
        out[c * n + j] = out[p * n + j]!;
        out[p * n + j] = u;
      }
    }
    for (let j = 0; j < n; j++) {
      a[c * n + j] = a[c * n + j]! / pivot;
      out[c * n + j] = out[c * n + j]! / pivot;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r * n + c]!;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        a[r * n + j] = a[r * n + j]! - f * a[c * n + j]!;
        out[r * n + j] = out[r * n + j]! - f * out[c * n + j]!;
      }
    }
  }
  return true;
}

/**
 * A (r×c) · B (c×k) → a new r×k array, row-major; zero entries of A are skipped (the STMs and
 * Jacobians it serves are sparse). For the small matrices of the Kalman steps (6 to 20).
 *
 * @param A - r×c, row-major
 * @param r - rows of A
 * @param c - columns of A, rows of B
 * @param B - c×k, row-major
 * @param k - columns of B
 * @returns A·B, r×k, row-major
 * @internal
 */
export function multiplySmall(
  A: ArrayLike<number>,
  r: number,
  c: number,
  B: ArrayLike<number>,
  k: number,
): Float64Array {
  const out = new Float64Array(r * k);
  for (let i = 0; i < r; i++) {
    for (let p = 0; p < c; p++) {
      const a = A[i * c + p]!;
      if (a === 0) continue;
      for (let j = 0; j < k; j++) out[i * k + j] = out[i * k + j]! + a * B[p * k + j]!;
    }
  }
  return out;
}
