import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import {
  cholesky,
  type DenseMatrix,
  denseFromRows,
  denseGet,
  denseIdentity,
  denseToRows,
  denseZeros,
  invertSymmetricPositiveDefinite,
  matMul,
  matVec,
  solveLeastSquares,
  svd,
  symmetrize,
  transpose,
} from '../../src/math';
import {
  gamma,
  leastSquaresProblem,
  MATH_FC_PARAMS,
  matrixRows,
  squareMatrix,
  UNIT_ROUNDOFF,
} from './arbitraries';

/**
 * Small hand-computable cases have every intermediate within a few roundings of an exact
 * value: 8 ulp of the largest element.
 */
const SMALL_CASE_REL_TOL = 8 * UNIT_ROUNDOFF;

function expectRowsClose(actual: DenseMatrix, expected: number[][], relTol: number): void {
  expect([actual.rows, actual.cols]).toEqual([expected.length, expected[0]!.length]);
  const scale = Math.max(...expected.flat().map(Math.abs), 1e-300);
  for (let i = 0; i < actual.rows; i++) {
    for (let j = 0; j < actual.cols; j++) {
      const d = Math.abs(denseGet(actual, i, j) - expected[i]![j]!);
      if (!(d <= relTol * scale)) {
        expect.fail(
          `(${i}, ${j}) differs by ${d.toExponential(3)} (tolerance ${(relTol * scale).toExponential(3)}): ${denseGet(actual, i, j)} vs ${expected[i]![j]}`,
        );
      }
    }
  }
}

function expectVecClose(actual: ArrayLike<number>, expected: number[], relTol: number): void {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(...expected.map(Math.abs), 1e-300);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(relTol * scale);
  }
}

describe('dense matrix helpers', () => {
  it('build, read and copy matrices', () => {
    const m = denseFromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect([m.rows, m.cols]).toEqual([2, 3]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(denseGet(m, 1, 0)).toBe(4);
    expect(denseToRows(m)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(denseToRows(denseIdentity(2))).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(Array.from(denseZeros(2, 2).data)).toEqual([0, 0, 0, 0]);
    expect(() => denseGet(m, 2, 0)).toThrow(InvalidArgumentError);
    expect(() => denseZeros(0, 2)).toThrow(InvalidArgumentError);
  });

  it('reject ragged, empty and non-finite input, naming the index', () => {
    expect(() => denseFromRows([[1, 2], [3]])).toThrow(/rows\[1\]/);
    expect(() => denseFromRows([])).toThrow(InvalidArgumentError);
    expect(() => denseFromRows([[]])).toThrow(InvalidArgumentError);
    expect(() =>
      denseFromRows([
        [1, 2],
        [Number.NaN, 4],
      ]),
    ).toThrow(/rows\[1\]\[0\] = NaN/);
    const bad: DenseMatrix = { rows: 2, cols: 2, data: new Float64Array([1, 2, 3, Infinity]) };
    expect(() => transpose(bad)).toThrow(/A\[1\]\[1\] = Infinity/);
    const short: DenseMatrix = { rows: 2, cols: 2, data: new Float64Array(3) };
    expect(() => transpose(short)).toThrow(/A\.data/);
  });

  it('transpose, matMul, matVec and symmetrize small matrices', () => {
    expect(denseToRows(transpose([[1, 2, 3]]))).toEqual([[1], [2], [3]]);
    expect(
      denseToRows(
        matMul(
          [
            [1, 2],
            [3, 4],
          ],
          [[5], [6]],
        ),
      ),
    ).toEqual([[17], [39]]);
    expect(
      Array.from(
        matVec(
          [
            [1, 2],
            [3, 4],
          ],
          [1, 1],
        ),
      ),
    ).toEqual([3, 7]);
    expect(
      denseToRows(
        symmetrize([
          [1, 2],
          [4, 1],
        ]),
      ),
    ).toEqual([
      [1, 3],
      [3, 1],
    ]);
    expect(() => matMul([[1, 2]], [[1, 2]])).toThrow(/must have 2 rows/);
    expect(() => matVec([[1, 2]], [1])).toThrow(InvalidArgumentError);
    expect(() => symmetrize([[1, 2]])).toThrow(/square/);
  });

  it('never modify their inputs', () => {
    const a = denseFromRows([
      [4, 2],
      [2, 3],
    ]);
    const before = Array.from(a.data);
    cholesky(a);
    invertSymmetricPositiveDefinite(a);
    symmetrize(a);
    transpose(a);
    solveLeastSquares(a, [1, 2]);
    svd(a);
    expect(Array.from(a.data)).toEqual(before);
  });
});

describe('cholesky', () => {
  it('factors the 3×3 example of Wikipedia "Cholesky decomposition" into integers', () => {
    // A = [[4, 12, −16], [12, 37, −43], [−16, −43, 98]] = L·Lᵀ, L = [[2, 0, 0], [6, 1, 0], [−8, 5, 3]].
    const r = cholesky([
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expectRowsClose(
        r.L,
        [
          [2, 0, 0],
          [6, 1, 0],
          [-8, 5, 3],
        ],
        SMALL_CASE_REL_TOL,
      );
    }
  });

  it('factors a hand-computed 2×2 matrix', () => {
    // [[4, 2], [2, 3]]: L11 = 2, L21 = 2/2 = 1, L22 = √(3 − 1) = √2.
    const r = cholesky([
      [4, 2],
      [2, 3],
    ]);
    expect(r.ok && denseToRows(r.L)).toEqual([
      [2, 0],
      [1, Math.SQRT2],
    ]);
  });

  it('returns ok: false with the failing pivot for an indefinite matrix', () => {
    // [[1, 2], [2, 1]] has eigenvalues 3 and −1; the second pivot is 1 − 2² = −3.
    const r = cholesky([
      [1, 2],
      [2, 1],
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.pivotIndex).toBe(1);
      expect(r.pivotValue).toBe(-3);
      expect(r.reason).toMatch(/pivot 1 .*-3.*not positive definite/);
    }
  });

  it('returns ok: false for a singular positive semi-definite matrix', () => {
    const r = cholesky([
      [1, 1],
      [1, 1],
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.pivotIndex, r.pivotValue]).toEqual([1, 0]);
  });

  it('returns ok: false at the first pivot for a negative diagonal', () => {
    const r = cholesky([
      [-1, 0],
      [0, 1],
    ]);
    expect(!r.ok && r.pivotIndex).toBe(0);
  });

  it('minPivotRatio rejects a matrix positive definite only by a hair', () => {
    // Correlation 1 − 1e-14: second pivot 1 − (1 − 1e-14)² ≈ 2e-14.
    const c = 1 - 1e-14;
    const a = [
      [1, c],
      [c, 1],
    ];
    expect(cholesky(a).ok).toBe(true);
    const r = cholesky(a, { minPivotRatio: 1e-12 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/below 1e-12/);
  });

  it('judges symmetry in correlation units, so that mixed-unit covariances pass', () => {
    // Position variance 1e-6 km², velocity variance 1e-12 km²/s², correlation 0.5.
    const off = 0.5 * Math.sqrt(1e-6 * 1e-12);
    const tiny = 1e-20; // 1e-11 in correlation units, below the default 1e-10
    expect(
      cholesky([
        [1e-6, off],
        [off + tiny, 1e-12],
      ]).ok,
    ).toBe(true);
    expect(() =>
      cholesky([
        [1e-6, off],
        [off * 1.001, 1e-12],
      ]),
    ).toThrow(/A\[0\]\[1\] = .* must be symmetric/);
  });

  it('throws InvalidArgumentError for non-square, non-finite or bad options', () => {
    expect(() => cholesky([[1, 2]])).toThrow(/square/);
    expect(() =>
      cholesky([
        [1, 0],
        [0, Number.NaN],
      ]),
    ).toThrow(/A\[1\]\[1\] = NaN/);
    expect(() => cholesky([[1]], { symmetryTol: -1 })).toThrow(InvalidArgumentError);
    expect(() => cholesky([[1]], { minPivotRatio: 1 })).toThrow(InvalidArgumentError);
  });
});

describe('invertSymmetricPositiveDefinite', () => {
  it('inverts a hand-computed 2×2 matrix', () => {
    // [[4, 2], [2, 3]]⁻¹ = [[3, −2], [−2, 4]] / 8.
    const r = invertSymmetricPositiveDefinite([
      [4, 2],
      [2, 3],
    ]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expectRowsClose(
        r.inverse,
        [
          [0.375, -0.25],
          [-0.25, 0.5],
        ],
        SMALL_CASE_REL_TOL,
      );
    }
  });

  it('inverts the 3×3 Hilbert matrix to its known integer inverse', () => {
    // H₃ = [1/(i + j + 1)], H₃⁻¹ = [[9, −36, 30], [−36, 192, −180], [30, −180, 180]]
    // (Higham, Accuracy and Stability, §28.1; any table of Hilbert inverses). κ₂(H₃) ≈ 524, so
    // the inverse is accurate to about κ·n·u relative: 1e-12 leaves a factor of ~4 in hand.
    const HILBERT3_REL_TOL = 1e-12;
    const h = [
      [1, 1 / 2, 1 / 3],
      [1 / 2, 1 / 3, 1 / 4],
      [1 / 3, 1 / 4, 1 / 5],
    ];
    const r = invertSymmetricPositiveDefinite(h);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expectRowsClose(
        r.inverse,
        [
          [9, -36, 30],
          [-36, 192, -180],
          [30, -180, 180],
        ],
        HILBERT3_REL_TOL,
      );
      // The inverse is exactly symmetric.
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          expect(denseGet(r.inverse, i, j)).toBe(denseGet(r.inverse, j, i));
        }
      }
    }
  });

  it('returns the Cholesky failure for an indefinite matrix', () => {
    const r = invertSymmetricPositiveDefinite([
      [1, 2],
      [2, 1],
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.pivotIndex).toBe(1);
  });
});

describe('svd', () => {
  it('gives the singular values 5 and 3 of [[3, 2, 2], [2, 3, −2]]', () => {
    // A·Aᵀ = [[17, 8], [8, 17]] has eigenvalues 25 and 9 (hand computation).
    const s = svd([
      [3, 2, 2],
      [2, 3, -2],
    ]);
    expectVecClose(s.singularValues, [5, 3], SMALL_CASE_REL_TOL);
    expect(s.rank).toBe(2);
    expect(s.conditionNumber).toBeCloseTo(5 / 3, 14);
    expect(s.norm2).toBeCloseTo(5, 14);
  });

  it('gives the same singular values for a matrix and its transpose', () => {
    const a = [
      [3, 2],
      [2, 3],
      [2, -2],
    ];
    expectVecClose(svd(a).singularValues, [5, 3], SMALL_CASE_REL_TOL);
  });

  it('reports rank 1 and an infinite condition number for a rank-one matrix', () => {
    const s = svd([
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
    expect(s.rank).toBe(1);
    expect(s.conditionNumber).toBeGreaterThan(1e15);
  });

  it('reports rank 0 for the zero matrix', () => {
    const s = svd([
      [0, 0],
      [0, 0],
    ]);
    expect(s.rank).toBe(0);
    expect(s.conditionNumber).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('solveLeastSquares', () => {
  it("fits Strang's line through (0, 6), (1, 0), (2, 0): b = 5 − 3t", () => {
    // G. Strang, Introduction to Linear Algebra (4th ed.), §4.3, Example 1: C = 5, D = −3,
    // error vector e = (1, −2, 1).
    const r = solveLeastSquares(
      [
        [1, 0],
        [1, 1],
        [1, 2],
      ],
      [6, 0, 0],
    );
    expect(r.method).toBe('qr');
    expect(r.rank).toBe(2);
    expectVecClose(r.x, [5, -3], SMALL_CASE_REL_TOL);
    expectVecClose(r.residual, [1, -2, 1], SMALL_CASE_REL_TOL * 3);
    expect(r.residualNorm).toBeCloseTo(Math.sqrt(6), 14);
  });

  it('solves a square non-singular system exactly', () => {
    const r = solveLeastSquares(
      [
        [2, 1],
        [1, 3],
      ],
      [3, 5],
    );
    // 2x + y = 3, x + 3y = 5 → x = 4/5, y = 7/5.
    expectVecClose(r.x, [0.8, 1.4], SMALL_CASE_REL_TOL);
    expect(r.residualNorm).toBeLessThanOrEqual(SMALL_CASE_REL_TOL * 5);
  });

  it('returns the minimum-norm solution for a rank-deficient matrix', () => {
    // A·x = (x₁ + x₂)(1, 1, 1): the best x₁ + x₂ is mean(b) = 2; minimum norm: x₁ = x₂ = 1.
    const r = solveLeastSquares(
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      [1, 2, 3],
    );
    expect(r.method).toBe('svd');
    expect(r.rank).toBe(1);
    expectVecClose(r.x, [1, 1], SMALL_CASE_REL_TOL);
    expectVecClose(r.residual, [-1, 0, 1], SMALL_CASE_REL_TOL * 3);
  });

  it('returns the minimum-norm solution of an underdetermined system', () => {
    // x = aᵀ·6/|a|² for a = (1, 2, 3): (3/7, 6/7, 9/7).
    const r = solveLeastSquares([[1, 2, 3]], [6]);
    expect(r.method).toBe('svd');
    expect(r.rank).toBe(1);
    expectVecClose(r.x, [3 / 7, 6 / 7, 9 / 7], SMALL_CASE_REL_TOL);
  });

  it('rejects a right-hand side of the wrong length or with NaN', () => {
    expect(() => solveLeastSquares([[1], [2]], [1])).toThrow(/b = .*must have 2 elements/);
    expect(() => solveLeastSquares([[1], [2]], [1, Number.NaN])).toThrow(/b\[1\] = NaN/);
    expect(() => solveLeastSquares([[1], [2]], [1, 2], { rankTol: -1 })).toThrow(
      InvalidArgumentError,
    );
  });
});

/** A = B·Bᵀ + n·I, well conditioned: its eigenvalues lie in [n, n + ‖B‖²_F] ⊂ [n, n + n²]. */
function wellConditionedSpd(b: number[][]): DenseMatrix {
  const n = b.length;
  const bbt = matMul(b, transpose(b));
  const data = Float64Array.from(bbt.data);
  for (let i = 0; i < n; i++) data[i * n + i] = data[i * n + i]! + n;
  return { rows: n, cols: n, data };
}

describe('linalg properties', () => {
  it('cholesky of B·Bᵀ + n·I satisfies L·Lᵀ = A within the backward-error bound', () => {
    fc.assert(
      fc.property(squareMatrix, (b) => {
        const a = wellConditionedSpd(b);
        const n = a.rows;
        const r = cholesky(a);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const llt = matMul(r.L, transpose(r.L));
        // Higham (2002), Thm 10.3: L·Lᵀ = A + ΔA with |ΔA| ≤ γₙ₊₁·|L|·|Lᵀ|, and
        // (|L|·|Lᵀ|)ᵢⱼ ≤ ‖lᵢ‖‖lⱼ‖ ≈ √(aᵢᵢaⱼⱼ); forming L·Lᵀ here adds γₙ·√(aᵢᵢaⱼⱼ) more.
        const tolFactor = gamma(n + 1) + gamma(n) + 2 * UNIT_ROUNDOFF;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const diff = Math.abs(llt.data[i * n + j]! - a.data[i * n + j]!);
            const scale = Math.sqrt(a.data[i * n + i]! * a.data[j * n + j]!);
            expect(diff).toBeLessThanOrEqual(tolFactor * scale);
          }
        }
      }),
      MATH_FC_PARAMS,
    );
  });

  it('A·inv(A) ≈ I for B·Bᵀ + n·I within a bound that grows with κ(A)', () => {
    fc.assert(
      fc.property(squareMatrix, (b) => {
        const a = wellConditionedSpd(b);
        const n = a.rows;
        const r = invertSymmetricPositiveDefinite(a);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const kappa = svd(a).conditionNumber;
        expect(kappa).toBeLessThanOrEqual(1 + n + 1e-9);
        // Each column solves (A + ΔA)x = eᵢ, |ΔA| ≤ γ₃ₙ₊₁|L||Lᵀ| (Higham Thm 10.4), so
        // ‖A·x − eᵢ‖ ≤ γ₃ₙ₊₁·n·κ; symmetrising X can multiply that by (1 + κ)/2, and forming
        // A·X in this test adds γₙ·κ.
        const tol = ((1 + kappa) / 2) * gamma(3 * n + 1) * n * kappa + gamma(n) * kappa;
        const ax = matMul(a, r.inverse);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            const e = Math.abs(ax.data[i * n + j]! - (i === j ? 1 : 0));
            expect(e).toBeLessThanOrEqual(tol);
          }
        }
      }),
      MATH_FC_PARAMS,
    );
  });

  it('an indefinite matrix B·Bᵀ + n·I − c·v·vᵀ gives ok: false', () => {
    fc.assert(
      fc.property(
        squareMatrix.chain((b) =>
          fc.record({
            b: fc.constant(b),
            v: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
              minLength: b.length,
              maxLength: b.length,
            }),
          }),
        ),
        ({ b, v }) => {
          const vNorm2 = v.reduce((s, x) => s + x * x, 0);
          fc.pre(vNorm2 > 1e-6);
          const a = wellConditionedSpd(b);
          const n = a.rows;
          // vᵀ(B·Bᵀ + n·I)v ≤ (‖B‖²_F + n)|v|², so subtracting c·vvᵀ with
          // c = 2(‖B‖²_F + n)/|v|² makes vᵀAv < 0: A is not positive definite.
          const bF2 = b.flat().reduce((s, x) => s + x * x, 0);
          const c = (2 * (bF2 + n)) / vNorm2;
          const data = Float64Array.from(a.data);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) data[i * n + j] = data[i * n + j]! - c * v[i]! * v[j]!;
          }
          const r = cholesky({ rows: n, cols: n, data });
          expect(r.ok).toBe(false);
          expect(invertSymmetricPositiveDefinite({ rows: n, cols: n, data }).ok).toBe(false);
        },
      ),
      MATH_FC_PARAMS,
    );
  });

  it('the least-squares residual is orthogonal to the columns of A', () => {
    fc.assert(
      fc.property(leastSquaresProblem, ({ A, b }) => {
        const m = A.length;
        const n = A[0]!.length;
        const r = solveLeastSquares(A, b);
        const at = transpose(A);
        const atr = matVec(at, r.residual);
        const aF = Math.sqrt(A.flat().reduce((s, x) => s + x * x, 0));
        const bNorm = Math.sqrt(b.reduce((s, x) => s + x * x, 0));
        const xNorm = Math.sqrt(Array.from(r.x).reduce((s, x) => s + x * x, 0));
        // A backward-stable solver (Householder QR: Higham Thm 20.3; truncated SVD likewise)
        // returns the exact solution for A + ΔA, b + Δb with ‖ΔA‖ ≤ γ̃ₘₙ‖A‖_F, ‖Δb‖ ≤ γ̃ₘₙ‖b‖;
        // then ‖Aᵀr‖ ≤ γ̃ₘₙ‖A‖_F(2‖b‖ + ‖A‖_F‖x‖), with no dependence on κ(A). γ̃ₘₙ is taken
        // as γ(10·m·n), covering the small constant of the theorem and the rounding of Aᵀr.
        const tol = gamma(10 * m * n) * aF * (2 * bNorm + aF * xNorm);
        for (let j = 0; j < n; j++) expect(Math.abs(atr[j]!)).toBeLessThanOrEqual(tol);
      }),
      MATH_FC_PARAMS,
    );
  });

  it('singular values: Σσᵢ² = ‖A‖²_F and σ_max ≥ every column norm', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }))
          .chain(([m, n]) => matrixRows(m, n)),
        (a) => {
          const s = svd(a);
          const m = a.length;
          const n = a[0]!.length;
          const f2 = a.flat().reduce((acc, x) => acc + x * x, 0);
          const sum = Array.from(s.singularValues).reduce((acc, x) => acc + x * x, 0);
          // The computed σ are exact for A + E, ‖E‖₂ ≤ p(m, n)·u·‖A‖₂ (Golub & Van Loan §8.6);
          // p = 10·m·n, and Σσ² then moves by ≤ 2·min(m, n)·‖E‖·σ_max.
          const tol = 2 * Math.min(m, n) * gamma(10 * m * n) * s.norm2 ** 2;
          expect(Math.abs(sum - f2)).toBeLessThanOrEqual(tol + gamma(m * n) * f2);
          for (let j = 0; j < n; j++) {
            const col = Math.sqrt(a.reduce((acc, row) => acc + row[j]! ** 2, 0));
            expect(s.norm2).toBeGreaterThanOrEqual(col * (1 - gamma(10 * m * n)));
          }
          for (let k = 1; k < s.singularValues.length; k++) {
            expect(s.singularValues[k]!).toBeLessThanOrEqual(s.singularValues[k - 1]!);
          }
        },
      ),
      MATH_FC_PARAMS,
    );
  });
});
