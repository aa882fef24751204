/**
 * Dense linear algebra for small and medium matrices (covariances, normal equations, design
 * matrices of a few hundred rows): a thin layer over ml-matrix's decompositions whose inputs
 * and outputs are plain data, so that ml-matrix types never leak out of `math/`.
 *
 * Matrices are passed as a {@link DenseMatrix} (row-major `Float64Array`) or as an array of
 * rows (`number[][]`, `Float64Array[]`); results are always new {@link DenseMatrix} values and
 * inputs are never modified. Numerical failures that a caller should handle (a matrix that is
 * not positive definite) are returned as a status; malformed input (wrong shape, NaN, a
 * matrix far from symmetric) throws {@link InvalidArgumentError} naming the offending index.
 *
 * @packageDocumentation
 */
import {
  CholeskyDecomposition,
  Matrix,
  QrDecomposition,
  SingularValueDecomposition,
} from 'ml-matrix';
import { InvalidArgumentError } from '../errors';

/**
 * A dense matrix, row-major: element (i, j) is `data[i * cols + j]` (0-based). Functions of
 * this module never modify a matrix they receive and always return fresh storage.
 */
export interface DenseMatrix {
  /** Number of rows, ≥ 1. */
  readonly rows: number;
  /** Number of columns, ≥ 1. */
  readonly cols: number;
  /** The `rows × cols` elements, row after row. */
  readonly data: Float64Array;
}

/** What the functions of this module accept as a matrix: a {@link DenseMatrix} or its rows. */
export type MatrixInput = DenseMatrix | ReadonlyArray<ArrayLike<number>>;

/**
 * Default largest asymmetry accepted by {@link cholesky} and
 * {@link invertSymmetricPositiveDefinite}, in correlation units:
 * |Aᵢⱼ − Aⱼᵢ| ≤ tol · max(√|AᵢᵢAⱼⱼ|, |Aᵢⱼ|, |Aⱼᵢ|). Measured against √(AᵢᵢAⱼⱼ), the asymmetry
 * does not depend on the units of the rows (km² next to km²/s² in a state covariance).
 * Rounding in Φ·P·Φᵀ leaves asymmetries of order 1e-15 in these units; 1e-10 accepts that
 * with a wide margin and still rejects a matrix that is transposed or mis-indexed.
 */
export const DEFAULT_SYMMETRY_TOL = 1e-10;

/** Options of {@link cholesky} and {@link invertSymmetricPositiveDefinite}. */
export interface CholeskyOptions {
  /** Largest asymmetry accepted, correlation units; default {@link DEFAULT_SYMMETRY_TOL}. */
  readonly symmetryTol?: number;
  /**
   * Smallest accepted ratio of each pivot dⱼ = Lⱼⱼ² to the diagonal element Aⱼⱼ. The default
   * 0 accepts any positive pivot (as LAPACK's `dpotrf` does); a value such as 1e-12 also
   * rejects matrices that are positive definite only through rounding.
   */
  readonly minPivotRatio?: number;
}

/** A Cholesky factorisation that succeeded: A = L·Lᵀ. */
export interface CholeskySuccess {
  readonly ok: true;
  /** Lower-triangular factor with a positive diagonal (zeros above the diagonal). */
  readonly L: DenseMatrix;
}

/** A Cholesky factorisation that failed because the matrix is not positive definite. */
export interface CholeskyFailure {
  readonly ok: false;
  /** A sentence saying which pivot failed and its value. */
  readonly reason: string;
  /** 0-based row of the first pivot that was not positive (or below `minPivotRatio`). */
  readonly pivotIndex: number;
  /** That pivot, dⱼ = Aⱼⱼ − Σₖ Lⱼₖ², in the unit of Aⱼⱼ. */
  readonly pivotValue: number;
}

/** Outcome of {@link cholesky}. */
export type CholeskyResult = CholeskySuccess | CholeskyFailure;

/** Outcome of {@link invertSymmetricPositiveDefinite}. */
export type SpdInverseResult =
  | {
      readonly ok: true;
      /** A⁻¹, symmetric. */
      readonly inverse: DenseMatrix;
    }
  | CholeskyFailure;

/** Options of {@link svd} and {@link solveLeastSquares}. */
export interface RankOptions {
  /**
   * Singular values σᵢ ≤ `rankTol` · σ_max count as zero. Default max(rows, cols) · 2⁻⁵²,
   * the choice of LAPACK's `xGELSS` documentation, NumPy's `matrix_rank` and ml-matrix.
   */
  readonly rankTol?: number;
}

/** Singular values of a matrix and what follows from them. */
export interface SvdSummary {
  /** The min(rows, cols) singular values, non-increasing, ≥ 0, in the unit of the elements. */
  readonly singularValues: Float64Array;
  /** Number of singular values above `rankTol` · σ_max. */
  readonly rank: number;
  /** 2-norm condition number σ_max / σ_min (Infinity when σ_min is 0). */
  readonly conditionNumber: number;
  /** Spectral norm σ_max. */
  readonly norm2: number;
}

/** Solution of a linear least-squares problem min ‖A·x − b‖₂. */
export interface LeastSquaresResult {
  /** The solution (the one of minimum norm when A is rank-deficient). */
  readonly x: Float64Array;
  /** Residual r = b − A·x. */
  readonly residual: Float64Array;
  /** ‖r‖₂, in the unit of b. */
  readonly residualNorm: number;
  /** Numerical rank of A (see {@link RankOptions.rankTol}). */
  readonly rank: number;
  /** 2-norm condition number of A, σ_max / σ_min (Infinity when rank-deficient to the last bit). */
  readonly conditionNumber: number;
  /** Singular values of A, non-increasing. */
  readonly singularValues: Float64Array;
  /**
   * How x was computed: `'qr'` (Householder QR) when A has full column rank, `'svd'`
   * (truncated pseudo-inverse, singular values below the rank threshold dropped) otherwise.
   */
  readonly method: 'qr' | 'svd';
}

/**
 * Builds a {@link DenseMatrix} from its rows, checking that they all have the same length and
 * hold finite numbers.
 *
 * @param rows - the rows (at least one, each with at least one element)
 * @returns a new matrix
 * @throws {@link InvalidArgumentError} for an empty or ragged input or a non-finite element
 *
 * @example
 * ```ts
 * denseFromRows([[1, 2], [3, 4]]); // { rows: 2, cols: 2, data: Float64Array [1, 2, 3, 4] }
 * ```
 */
export function denseFromRows(rows: ReadonlyArray<ArrayLike<number>>): DenseMatrix {
  return readMatrix(rows, 'rows');
}

/**
 * The rows of a matrix as plain arrays (for printing, JSON, or tests).
 *
 * @param m - matrix
 * @returns a new `number[][]`
 *
 * @example
 * ```ts
 * denseToRows(denseIdentity(2)); // [[1, 0], [0, 1]]
 * ```
 */
export function denseToRows(m: DenseMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) {
    out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  }
  return out;
}

/**
 * A matrix of zeros.
 *
 * @param rows - number of rows, a positive integer
 * @param cols - number of columns, a positive integer
 * @returns a new zero matrix
 * @throws {@link InvalidArgumentError} when a dimension is not a positive integer
 *
 * @example
 * ```ts
 * denseZeros(2, 3).data.length; // 6
 * ```
 */
export function denseZeros(rows: number, cols: number): DenseMatrix {
  checkDimension('rows', rows);
  checkDimension('cols', cols);
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/**
 * The n×n identity matrix.
 *
 * @param n - size, a positive integer
 * @returns a new identity matrix
 * @throws {@link InvalidArgumentError} when `n` is not a positive integer
 *
 * @example
 * ```ts
 * denseToRows(denseIdentity(2)); // [[1, 0], [0, 1]]
 * ```
 */
export function denseIdentity(n: number): DenseMatrix {
  const m = denseZeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/**
 * Element (i, j) of a matrix.
 *
 * @param m - matrix
 * @param i - 0-based row
 * @param j - 0-based column
 * @returns the element
 * @throws {@link InvalidArgumentError} when (i, j) is outside the matrix
 *
 * @example
 * ```ts
 * denseGet(denseFromRows([[1, 2], [3, 4]]), 1, 0); // 3
 * ```
 */
export function denseGet(m: DenseMatrix, i: number, j: number): number {
  if (!Number.isInteger(i) || i < 0 || i >= m.rows) {
    throw new InvalidArgumentError('i', i, '', `must be a row index in 0…${m.rows - 1}`);
  }
  if (!Number.isInteger(j) || j < 0 || j >= m.cols) {
    throw new InvalidArgumentError('j', j, '', `must be a column index in 0…${m.cols - 1}`);
  }
  return m.data[i * m.cols + j]!;
}

/**
 * Transpose Aᵀ.
 *
 * @param A - matrix
 * @returns a new matrix, Aᵀ
 * @throws {@link InvalidArgumentError} for a malformed matrix (see {@link denseFromRows})
 *
 * @example
 * ```ts
 * denseToRows(transpose([[1, 2, 3]])); // [[1], [2], [3]]
 * ```
 */
export function transpose(A: MatrixInput): DenseMatrix {
  const a = readMatrix(A, 'A');
  const out = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j]!;
  }
  return { rows: a.cols, cols: a.rows, data: out };
}

/**
 * Matrix product A·B.
 *
 * @param A - left factor, m×k
 * @param B - right factor, k×n
 * @returns a new m×n matrix
 * @throws {@link InvalidArgumentError} when the inner dimensions differ or an input is malformed
 *
 * @example
 * ```ts
 * denseToRows(matMul([[1, 2], [3, 4]], [[5], [6]])); // [[17], [39]]
 * ```
 */
export function matMul(A: MatrixInput, B: MatrixInput): DenseMatrix {
  const a = readMatrix(A, 'A');
  const b = readMatrix(B, 'B');
  if (a.cols !== b.rows) {
    throw new InvalidArgumentError(
      'B',
      `${b.rows}×${b.cols}`,
      '',
      `must have ${a.cols} rows to multiply A (${a.rows}×${a.cols})`,
    );
  }
  return multiplyDense(a, b);
}

/**
 * Matrix–vector product A·x.
 *
 * @param A - matrix, m×n
 * @param x - vector of length n
 * @returns a new vector of length m
 * @throws {@link InvalidArgumentError} when the length of `x` is not n or an input is malformed
 *
 * @example
 * ```ts
 * matVec([[1, 2], [3, 4]], [1, 1]); // Float64Array [3, 7]
 * ```
 */
export function matVec(A: MatrixInput, x: ArrayLike<number>): Float64Array {
  const a = readMatrix(A, 'A');
  const v = readVector(x, 'x', a.cols);
  return multiplyVector(a, v);
}

/**
 * The symmetric part (A + Aᵀ)/2 of a square matrix; use it to remove rounding asymmetry from
 * a covariance before storing it.
 *
 * @param A - square matrix
 * @returns a new symmetric matrix
 * @throws {@link InvalidArgumentError} when A is not square or is malformed
 *
 * @example
 * ```ts
 * denseToRows(symmetrize([[1, 2], [4, 1]])); // [[1, 3], [3, 1]]
 * ```
 */
export function symmetrize(A: MatrixInput): DenseMatrix {
  const a = readMatrix(A, 'A');
  checkSquare(a, 'A');
  return symmetricPart(a);
}

/**
 * Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix.
 *
 * A is first checked for symmetry (to within `symmetryTol`, correlation units) and replaced by
 * its symmetric part; ml-matrix then factors it. If a pivot is not positive, the status says
 * which one: a covariance that has lost positive definiteness is an outcome to handle, not a
 * programming error.
 *
 * @param A - symmetric matrix, n×n (a covariance, a normal matrix, …)
 * @param options - tolerances, see {@link CholeskyOptions}
 * @returns `{ ok: true, L }`, or `{ ok: false, reason, pivotIndex, pivotValue }`
 * @throws {@link InvalidArgumentError} when A is not square, holds a non-finite element, or is
 *   asymmetric beyond `symmetryTol` (the message names the element)
 * @see Golub & Van Loan, Matrix Computations (4th ed.), §4.2
 *
 * @example
 * ```ts
 * const r = cholesky([[4, 2], [2, 3]]);
 * if (r.ok) denseToRows(r.L); // [[2, 0], [1, 1.4142135623730951]]
 * cholesky([[1, 2], [2, 1]]).ok; // false: eigenvalues 3 and −1
 * ```
 */
export function cholesky(A: MatrixInput, options: CholeskyOptions = {}): CholeskyResult {
  const f = factorCholesky(A, options);
  if (!f.ok) return f;
  return { ok: true, L: fromMl(f.cho.lowerTriangularMatrix) };
}

/**
 * Inverse of a symmetric positive-definite matrix through its Cholesky factor (solving
 * L·Lᵀ·X = I), made exactly symmetric.
 *
 * @param A - symmetric positive-definite matrix, n×n
 * @param options - tolerances, see {@link CholeskyOptions}
 * @returns `{ ok: true, inverse }`, or the failure status of {@link cholesky}
 * @throws {@link InvalidArgumentError} as {@link cholesky} does
 *
 * @example
 * ```ts
 * const r = invertSymmetricPositiveDefinite([[4, 2], [2, 3]]);
 * if (r.ok) denseToRows(r.inverse); // ≈ [[0.375, -0.25], [-0.25, 0.5]]
 * ```
 */
export function invertSymmetricPositiveDefinite(
  A: MatrixInput,
  options: CholeskyOptions = {},
): SpdInverseResult {
  const f = factorCholesky(A, options);
  if (!f.ok) return f;
  const x = fromMl(f.cho.solve(Matrix.eye(f.n, f.n)));
  return { ok: true, inverse: symmetricPart(x) };
}

/**
 * Singular values of a matrix, with its numerical rank, condition number and 2-norm.
 *
 * @param A - matrix, m×n (any shape)
 * @param options - rank threshold, see {@link RankOptions}
 * @returns the summary
 * @throws {@link InvalidArgumentError} for a malformed matrix or a negative `rankTol`
 * @see Golub & Van Loan (4th ed.), §2.4 (the SVD) and §5.5 (numerical rank)
 *
 * @example
 * ```ts
 * svd([[3, 0], [0, 4]]);
 * // { singularValues: Float64Array [4, 3], rank: 2, conditionNumber: 1.333…, norm2: 4 }
 * ```
 */
export function svd(A: MatrixInput, options: RankOptions = {}): SvdSummary {
  const a = readMatrix(A, 'A');
  const sigma = singularValues(toMl(a));
  return summarize(sigma, a, options);
}

/**
 * Least-squares solution of A·x ≈ b: the x minimising ‖A·x − b‖₂.
 *
 * The singular values are computed first (without singular vectors) for the rank and the
 * condition number. With full column rank (m ≥ n and rank n), x comes from Householder QR,
 * which is backward stable and does not square the condition number as the normal equations
 * would. Otherwise x is the minimum-norm solution V·Σ⁺·Uᵀ·b with the singular values below
 * the rank threshold dropped, and `method` says so; a caller doing orbit determination should
 * treat `rank < n` as "these parameters are not observable from these data".
 *
 * @param A - design matrix, m×n (rows: observations; columns: parameters)
 * @param b - right-hand side of length m, in the unit of the observations
 * @param options - rank threshold, see {@link RankOptions}
 * @returns x, the residual, the rank, the condition number and the singular values
 * @throws {@link InvalidArgumentError} when the length of `b` is not m, or an input is malformed
 *   or non-finite
 * @see Golub & Van Loan (4th ed.), §5.3 (full rank) and §5.5 (rank-deficient)
 *
 * @example
 * ```ts
 * // fit y = c0 + c1·t to (0, 1), (1, 3), (2, 5)
 * solveLeastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).x; // Float64Array [1, 2], to rounding
 * ```
 */
export function solveLeastSquares(
  A: MatrixInput,
  b: ArrayLike<number>,
  options: RankOptions = {},
): LeastSquaresResult {
  const a = readMatrix(A, 'A');
  const rhs = readVector(b, 'b', a.rows);
  const am = toMl(a);
  const sigma = singularValues(am);
  const summary = summarize(sigma, a, options);
  const bm = Matrix.columnVector(Array.from(rhs));

  let x: Float64Array | undefined;
  let method: 'qr' | 'svd' = 'svd';
  if (summary.rank === a.cols) {
    const qr = new QrDecomposition(am);
    if (qr.isFullRank()) {
      x = Float64Array.from(qr.solve(bm).getColumn(0));
      method = 'qr';
    }
  }
  if (x === undefined) {
    x = minimumNormSolution(am, rhs, summary.rank);
  }
  const ax = multiplyVector(a, x);
  const residual = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) residual[i] = rhs[i]! - ax[i]!;
  return {
    x,
    residual,
    residualNorm: norm2(residual),
    rank: summary.rank,
    conditionNumber: summary.conditionNumber,
    singularValues: summary.singularValues,
    method,
  };
}

/** What {@link solveLeastSquaresSvd} returns. */
export interface SvdLeastSquaresResult {
  /** The minimum-norm least-squares solution, singular values below the threshold dropped. */
  readonly x: Float64Array;
  /**
   * (AᵀA)⁺, n×n: the covariance of x when the rows of A and b are whitened (unit variance),
   * computed as V·Σ⁻²·Vᵀ over the kept singular values, without forming AᵀA.
   */
  readonly covariance: DenseMatrix;
  /** Numerical rank of A. */
  readonly rank: number;
  /** 2-norm condition number of A, σ_max / σ_min. */
  readonly conditionNumber: number;
  /** Singular values of A, non-increasing. */
  readonly singularValues: Float64Array;
}

/**
 * Solves min ‖A·x − b‖₂ by one singular value decomposition, and gives with it (AᵀA)⁺, the
 * covariance of x for whitened rows, and the condition number: what a batch least-squares
 * iteration needs, from a factorisation that does not square the condition number as the
 * normal equations do.
 *
 * @param A - design matrix, m×n with m ≥ n (rows: whitened observations; columns: parameters)
 * @param b - right-hand side of length m
 * @param options - rank threshold, see {@link RankOptions}
 * @returns the solution, (AᵀA)⁺, the rank, the condition number and the singular values
 * @throws {@link InvalidArgumentError} when the length of `b` is not m, or an input is malformed
 *   or non-finite
 * @see Golub & Van Loan (4th ed.), §5.5.4 (the SVD and least squares)
 *
 * @example
 * ```ts
 * const r = solveLeastSquaresSvd([[1, 0], [1, 1], [1, 2]], [1, 3, 5]);
 * r.x; // Float64Array [1, 2], to rounding
 * r.covariance.data[3]; // ≈ 0.5 (variance of the slope: 1 / Σ(t − t̄)²)
 * ```
 */
export function solveLeastSquaresSvd(
  A: MatrixInput,
  b: ArrayLike<number>,
  options: RankOptions = {},
): SvdLeastSquaresResult {
  const a = readMatrix(A, 'A');
  const rhs = readVector(b, 'b', a.rows);
  const dec = new SingularValueDecomposition(toMl(a), { autoTranspose: true });
  const U = dec.leftSingularVectors;
  const V = dec.rightSingularVectors;
  const s = dec.diagonal.map(Math.abs);
  const order = s.map((_, i) => i).sort((p, q) => s[q]! - s[p]!);
  const sorted = Float64Array.from(order, (k) => s[k]!);
  const summary = summarize(sorted, a, options);
  const n = a.cols;
  const m = a.rows;
  const x = new Float64Array(n);
  const cov = new Float64Array(n * n);
  for (let r = 0; r < summary.rank; r++) {
    const k = order[r]!;
    const sk = s[k]!;
    let c = 0;
    for (let i = 0; i < m; i++) c += U.get(i, k) * rhs[i]!;
    c /= sk;
    const w = 1 / (sk * sk);
    for (let i = 0; i < n; i++) {
      const vik = V.get(i, k);
      x[i] = x[i]! + c * vik;
      for (let j = 0; j < n; j++) cov[i * n + j] = cov[i * n + j]! + w * vik * V.get(j, k);
    }
  }
  return {
    x,
    covariance: { rows: n, cols: n, data: cov },
    rank: summary.rank,
    conditionNumber: summary.conditionNumber,
    singularValues: summary.singularValues,
  };
}

// ---------------------------------------------------------------------------------------------
// Internals

type Factored = { readonly ok: true; readonly cho: CholeskyDecomposition; readonly n: number };

function factorCholesky(A: MatrixInput, options: CholeskyOptions): Factored | CholeskyFailure {
  const symmetryTol = options.symmetryTol ?? DEFAULT_SYMMETRY_TOL;
  const minPivotRatio = options.minPivotRatio ?? 0;
  if (!(symmetryTol >= 0)) {
    throw new InvalidArgumentError('symmetryTol', symmetryTol, '', 'must be ≥ 0');
  }
  if (!(minPivotRatio >= 0 && minPivotRatio < 1)) {
    throw new InvalidArgumentError('minPivotRatio', minPivotRatio, '', 'must be in [0, 1)');
  }
  const a = readMatrix(A, 'A');
  checkSquare(a, 'A');
  checkSymmetric(a, symmetryTol);
  const n = a.rows;
  const s = symmetricPart(a);
  const cho = new CholeskyDecomposition(toMl(s));
  const L = cho.lowerTriangularMatrix;
  for (let j = 0; j < n; j++) {
    const ljj = L.get(j, j);
    const ajj = s.data[j * n + j]!;
    // ml-matrix stores √max(dⱼ, 0) on the diagonal; before the first failure the factor is
    // exact, so the failing pivot can be recomputed from row j of L.
    // Summed in ml-matrix's order, so that the pivot is bit-for-bit the one it tested.
    let sumSq = 0;
    for (let k = 0; k < j; k++) sumSq += L.get(j, k) * L.get(j, k);
    const pivot = ajj - sumSq;
    if (!(ljj > 0) || !(pivot > minPivotRatio * ajj)) {
      const what =
        minPivotRatio > 0 && pivot > 0
          ? `is below ${minPivotRatio} × A[${j}][${j}] = ${minPivotRatio * ajj}`
          : 'is not positive';
      return {
        ok: false,
        reason: `pivot ${j} of the Cholesky factorisation, ${pivot}, ${what}: A is not positive definite`,
        pivotIndex: j,
        pivotValue: pivot,
      };
    }
  }
  return { ok: true, cho, n };
}

function checkSymmetric(a: DenseMatrix, tol: number): void {
  const n = a.rows;
  const d = a.data;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const aij = d[i * n + j]!;
      const aji = d[j * n + i]!;
      const scale = Math.max(
        Math.sqrt(Math.abs(d[i * n + i]! * d[j * n + j]!)),
        Math.abs(aij),
        Math.abs(aji),
      );
      if (Math.abs(aij - aji) > tol * scale) {
        throw new InvalidArgumentError(
          `A[${i}][${j}]`,
          aij,
          '',
          `differs from A[${j}][${i}] = ${aji} by more than ${tol} in correlation units: A must be symmetric`,
        );
      }
    }
  }
}

function summarize(sigma: Float64Array, a: DenseMatrix, options: RankOptions): SvdSummary {
  const rankTol = options.rankTol ?? Math.max(a.rows, a.cols) * Number.EPSILON;
  if (!(rankTol >= 0)) {
    throw new InvalidArgumentError('rankTol', rankTol, '', 'must be ≥ 0');
  }
  const smax = sigma[0]!;
  const smin = sigma[sigma.length - 1]!;
  let rank = 0;
  for (const s of sigma) if (s > rankTol * smax) rank++;
  return {
    singularValues: sigma,
    rank,
    conditionNumber: smin > 0 ? smax / smin : Number.POSITIVE_INFINITY,
    norm2: smax,
  };
}

function singularValues(am: Matrix): Float64Array {
  const dec = new SingularValueDecomposition(am, {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  // ml-matrix returns them non-increasing and non-negative; sorting again guards the contract.
  const s = Float64Array.from(dec.diagonal, Math.abs);
  return s.sort().reverse();
}

function minimumNormSolution(am: Matrix, b: Float64Array, rank: number): Float64Array {
  const dec = new SingularValueDecomposition(am, { autoTranspose: true });
  const U = dec.leftSingularVectors;
  const V = dec.rightSingularVectors;
  const s = dec.diagonal;
  // Pair each singular value with its vectors, largest first, and keep the `rank` largest.
  const order = s.map((_, i) => i).sort((p, q) => s[q]! - s[p]!);
  const n = V.rows;
  const m = U.rows;
  const x = new Float64Array(n);
  for (let r = 0; r < rank; r++) {
    const k = order[r]!;
    let c = 0;
    for (let i = 0; i < m; i++) c += U.get(i, k) * b[i]!;
    c /= s[k]!;
    for (let i = 0; i < n; i++) x[i] = x[i]! + c * V.get(i, k);
  }
  return x;
}

function multiplyDense(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a.data[i * k + p]!;
      if (aip === 0) continue;
      for (let j = 0; j < n; j++) {
        out[i * n + j] = out[i * n + j]! + aip * b.data[p * n + j]!;
      }
    }
  }
  return { rows: m, cols: n, data: out };
}

function multiplyVector(a: DenseMatrix, x: Float64Array): Float64Array {
  const out = new Float64Array(a.rows);
  for (let i = 0; i < a.rows; i++) {
    let s = 0;
    for (let j = 0; j < a.cols; j++) s += a.data[i * a.cols + j]! * x[j]!;
    out[i] = s;
  }
  return out;
}

function symmetricPart(a: DenseMatrix): DenseMatrix {
  const n = a.rows;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = a.data[i * n + i]!;
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * (a.data[i * n + j]! + a.data[j * n + i]!);
      out[i * n + j] = v;
      out[j * n + i] = v;
    }
  }
  return { rows: n, cols: n, data: out };
}

function norm2(v: Float64Array): number {
  // Scaled sum of squares, so that residuals of 1e200 or 1e-200 do not overflow or underflow.
  let scale = 0;
  for (const x of v) scale = Math.max(scale, Math.abs(x));
  if (scale === 0) return 0;
  let ss = 0;
  for (const x of v) ss += (x / scale) ** 2;
  return scale * Math.sqrt(ss);
}

/** Smallest positive normal double, 2⁻¹⁰²². */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * The matrix for ml-matrix, with subnormal entries (|a| < 2⁻¹⁰²²) set to zero when the
 * largest entry is at least 2⁻¹⁰²²/ε: ml-matrix's SVD returns NaN singular vectors when one
 * is present (found by a property test: an entry of −5e-324 beside entries of order 1), and
 * the change is then below ε·max|A|, the backward error of the factorisations themselves.
 */
function toMl(a: DenseMatrix): Matrix {
  let largest = 0;
  for (let k = 0; k < a.data.length; k++) largest = Math.max(largest, Math.abs(a.data[k]!));
  const flush = largest * Number.EPSILON >= MIN_NORMAL;
  const m = new Matrix(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const v = a.data[i * a.cols + j]!;
      m.set(i, j, flush && Math.abs(v) < MIN_NORMAL ? 0 : v);
    }
  }
  return m;
}

function fromMl(m: Matrix): DenseMatrix {
  const out = new Float64Array(m.rows * m.columns);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.columns; j++) out[i * m.columns + j] = m.get(i, j);
  }
  return { rows: m.rows, cols: m.columns, data: out };
}

function checkDimension(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) {
    throw new InvalidArgumentError(name, v, '', 'must be a positive integer');
  }
}

function checkSquare(a: DenseMatrix, name: string): void {
  if (a.rows !== a.cols) {
    throw new InvalidArgumentError(name, `${a.rows}×${a.cols}`, '', 'must be a square matrix');
  }
}

/** Validates any accepted matrix form and returns a private, row-major copy. */
function readMatrix(A: MatrixInput, name: string): DenseMatrix {
  if (Array.isArray(A)) {
    const rowsIn = A as ReadonlyArray<ArrayLike<number>>;
    const rows = rowsIn.length;
    if (rows === 0) throw new InvalidArgumentError(name, '[]', '', 'must have at least one row');
    const cols = rowsIn[0]?.length ?? 0;
    if (cols === 0) {
      throw new InvalidArgumentError(`${name}[0]`, '[]', '', 'must have at least one column');
    }
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const row = rowsIn[i];
      if (row === undefined || row.length !== cols) {
        throw new InvalidArgumentError(
          `${name}[${i}]`,
          row === undefined ? row : `a row of length ${row.length}`,
          '',
          `every row must have ${cols} elements, as row 0 has`,
        );
      }
      for (let j = 0; j < cols; j++) {
        const v = row[j]!;
        if (!Number.isFinite(v)) {
          throw new InvalidArgumentError(`${name}[${i}][${j}]`, v, '', 'must be finite');
        }
        data[i * cols + j] = v;
      }
    }
    return { rows, cols, data };
  }
  const m = A as DenseMatrix;
  if (!Number.isInteger(m.rows) || m.rows < 1 || !Number.isInteger(m.cols) || m.cols < 1) {
    throw new InvalidArgumentError(
      name,
      `${m.rows}×${m.cols}`,
      '',
      'rows and cols must be positive integers',
    );
  }
  if (!(m.data instanceof Float64Array) || m.data.length !== m.rows * m.cols) {
    throw new InvalidArgumentError(
      `${name}.data`,
      `length ${m.data?.length}`,
      '',
      `must be a Float64Array of rows × cols = ${m.rows * m.cols} elements`,
    );
  }
  for (let k = 0; k < m.data.length; k++) {
    const v = m.data[k]!;
    if (!Number.isFinite(v)) {
      const i = Math.floor(k / m.cols);
      throw new InvalidArgumentError(`${name}[${i}][${k - i * m.cols}]`, v, '', 'must be finite');
    }
  }
  return { rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}

function readVector(v: ArrayLike<number>, name: string, length: number): Float64Array {
  if (v.length !== length) {
    throw new InvalidArgumentError(
      name,
      `a vector of length ${v.length}`,
      '',
      `must have ${length} elements`,
    );
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const x = v[i]!;
    if (!Number.isFinite(x)) {
      throw new InvalidArgumentError(`${name}[${i}]`, x, '', 'must be finite');
    }
    out[i] = x;
  }
  return out;
}
