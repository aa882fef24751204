import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invertSymmetricPositiveDefinite } from '../../src/math/linalg';
import {
  invertGeneralInto,
  invertSpdInto,
  lowerTriangularInverseInto,
} from '../../src/math/smallDense';
import { MATH_PROPERTY_RUNS } from './arbitraries';

/**
 * The matrices drawn below are well conditioned (a dominant diagonal of 4 to 6 plus entries in
 * [−1, 1]), so inverses have entries ≤ ~1 and backward-stable methods agree, and A·A⁻¹ equals
 * I, to n² · u · cond ≈ 400 · 1.1e-16 · 10 ≈ 4e-13; 1e-12 leaves margin.
 */
const INVERSE_TOL = 1e-12;

const matrix = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc
      .array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n })
      .map((v) => ({ n, v })),
  );

function product(A: ArrayLike<number>, B: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++)
      for (let j = 0; j < n; j++) out[i * n + j]! += A[i * n + k]! * B[k * n + j]!;
  return out;
}

function maxOffIdentity(M: Float64Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      worst = Math.max(worst, Math.abs(M[i * n + j]! - (i === j ? 1 : 0)));
  return worst;
}

describe('small dense inverses', () => {
  it('invertSpdInto agrees with the ml-matrix Cholesky inverse of linalg (property)', () => {
    fc.assert(
      fc.property(matrix, ({ n, v }) => {
        // A = B Bᵀ / n + 4 I: symmetric positive definite.
        const A = product(
          v,
          Float64Array.from({ length: n * n }, (_, k) => v[(k % n) * n + Math.floor(k / n)]!),
          n,
        ).map((x, k) => x / n + (k % (n + 1) === 0 ? 4 : 0));
        const ours = new Float64Array(n * n);
        expect(invertSpdInto(ours, A, n)).toBe(true);
        const ref = invertSymmetricPositiveDefinite({ rows: n, cols: n, data: A });
        expect(ref.ok).toBe(true);
        if (ref.ok)
          for (let k = 0; k < n * n; k++)
            expect(Math.abs(ours[k]! - ref.inverse.data[k]!)).toBeLessThanOrEqual(INVERSE_TOL);
      }),
      { numRuns: MATH_PROPERTY_RUNS },
    );
  });

  it('invertGeneralInto and lowerTriangularInverseInto give A·A⁻¹ = I (property)', () => {
    fc.assert(
      fc.property(matrix, ({ n, v }) => {
        const A = Float64Array.from(v, (x, k) => x + (k % (n + 1) === 0 ? 5 : 0));
        const inv = new Float64Array(n * n);
        expect(invertGeneralInto(inv, A, n)).toBe(true);
        expect(maxOffIdentity(product(A, inv, n), n)).toBeLessThanOrEqual(INVERSE_TOL);
        const L = A.map((x, k) => (k % n > Math.floor(k / n) ? 0 : x));
        const Li = new Float64Array(n * n);
        expect(lowerTriangularInverseInto(Li, L, n)).toBe(true);
        expect(maxOffIdentity(product(L, Li, n), n)).toBeLessThanOrEqual(INVERSE_TOL);
      }),
      { numRuns: MATH_PROPERTY_RUNS },
    );
  });

  it('reports failure instead of dividing by zero: not positive definite, singular', () => {
    const out = new Float64Array(4);
    expect(invertSpdInto(out, [1, 2, 2, 1], 2)).toBe(false);
    expect(invertGeneralInto(out, [1, 2, 2, 4], 2)).toBe(false);
    expect(lowerTriangularInverseInto(out, [0, 0, 1, 1], 2)).toBe(false);
  });
});
