import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  invertSymmetricPositiveDefinite,
  matMul,
  solveLeastSquares,
  solveLeastSquaresSvd,
  transpose,
} from '../../src/math/linalg';
import { MATH_PROPERTY_RUNS } from './arbitraries';

/**
 * Agreement of two backward-stable methods on these systems: A has a 4·I block plus entries
 * ≤ 1, so its condition number stays below ~10 and x, (AᵀA)⁻¹ have entries ≤ ~100; forward
 * errors are then ≤ cond² · m · u · |x| ≈ 1e2 · 26 · 1.1e-16 · 1e2 ≈ 3e-11.
 */
const AGREEMENT_TOL = 1e-10;
/** A 3×2 system with entries ≤ 5 solved exactly but for rounding: ~10 u relative, 1e-14 allowed. */
const EXACT_FIT_TOL = 1e-14;
/** Two proportional columns: σ_min is rounding (≤ 1e-15 of σ_max), so the condition number exceeds 1e15. */
const RANK_DEFICIENT_CONDITION_MIN = 1e15;

describe('solveLeastSquaresSvd', () => {
  it('fits a line through (0, 1), (1, 3), (2, 5) with the textbook covariance', () => {
    // y = c0 + c1 t, unit weights: (AᵀA)⁻¹ = [[5/6, −1/2], [−1/2, 1/2]] (AᵀA = [[3, 3], [3, 5]]).
    const r = solveLeastSquaresSvd(
      [
        [1, 0],
        [1, 1],
        [1, 2],
      ],
      [1, 3, 5],
    );
    expect(Math.abs(r.x[0]! - 1)).toBeLessThanOrEqual(EXACT_FIT_TOL);
    expect(Math.abs(r.x[1]! - 2)).toBeLessThanOrEqual(EXACT_FIT_TOL);
    const expected = [5 / 6, -1 / 2, -1 / 2, 1 / 2];
    for (let i = 0; i < 4; i++)
      expect(Math.abs(r.covariance.data[i]! - expected[i]!)).toBeLessThanOrEqual(EXACT_FIT_TOL);
    expect(r.rank).toBe(2);
  });

  it('agrees with the QR solution and with (AᵀA)⁻¹ by Cholesky on random well-conditioned systems', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), {
          minLength: 26 * 7,
          maxLength: 26 * 7,
        }),
        (n, extra, pool) => {
          const m = n + extra;
          // A well-conditioned A: identity block on top, bounded random rows below.
          const rows = Array.from({ length: m }, (_, i) =>
            Array.from(
              { length: n },
              (_, j) => (i < n ? (i === j ? 4 : 0) : 0) + pool[i * 7 + j]! / 10,
            ),
          );
          const b = Array.from({ length: m }, (_, i) => pool[i * 7 + 6]!);
          const svd = solveLeastSquaresSvd(rows, b);
          const qr = solveLeastSquares(rows, b);
          for (let j = 0; j < n; j++)
            expect(Math.abs(svd.x[j]! - qr.x[j]!)).toBeLessThanOrEqual(AGREEMENT_TOL);
          const normal = matMul(transpose(rows), rows);
          const inv = invertSymmetricPositiveDefinite(normal);
          expect(inv.ok).toBe(true);
          if (inv.ok) {
            for (let k = 0; k < n * n; k++) {
              expect(Math.abs(svd.covariance.data[k]! - inv.inverse.data[k]!)).toBeLessThanOrEqual(
                1e-10,
              );
            }
          }
        },
      ),
      { numRuns: MATH_PROPERTY_RUNS },
    );
  });

  it('a subnormal entry beside entries of order 1 gives finite results (found by the property above)', () => {
    // ml-matrix's SVD returned NaN singular vectors here; the entry is below ε·max|A|. The
    // solution is then that of 4·I: x = b/4 and (AᵀA)⁻¹ = I/16, exact in binary.
    const rows = [
      [4, -5e-324],
      [0, 4],
    ];
    const r = solveLeastSquaresSvd(rows, [1, 2]);
    expect(Array.from(r.x)).toEqual([0.25, 0.5]);
    expect(Array.from(r.covariance.data)).toEqual([0.0625, 0, 0, 0.0625]);
  });

  it('reports a rank-deficient design: rank below n and an infinite or huge condition number', () => {
    const r = solveLeastSquaresSvd(
      [
        [1, 2],
        [2, 4],
        [3, 6],
      ],
      [1, 2, 3],
    );
    expect(r.rank).toBe(1);
    expect(r.conditionNumber).toBeGreaterThan(RANK_DEFICIENT_CONDITION_MIN);
  });
});
