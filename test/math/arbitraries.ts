/**
 * fast-check arbitraries and shared constants of the math/ tests.
 */
import fc from 'fast-check';

/** Number of runs of every math property; fixed so that CI does the same work each time. */
export const MATH_PROPERTY_RUNS = Number(process.env.OSMOSE_FC_RUNS ?? 200);

/** fast-check parameters: fixed run count; fast-check prints the seed and path on failure. */
export const MATH_FC_PARAMS = { numRuns: MATH_PROPERTY_RUNS, verbose: 1 } as const;

/** Unit roundoff of IEEE double precision, u = 2⁻⁵³ (Higham, Accuracy and Stability, §2.1). */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Higham's γₖ = k·u / (1 − k·u), the bound on the relative error accumulated by k roundings
 * (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., Lemma 3.1).
 */
export function gamma(k: number): number {
  return (k * UNIT_ROUNDOFF) / (1 - k * UNIT_ROUNDOFF);
}

/** A finite double in [−1, 1], subnormals and −0 included. */
export const unitDouble = fc.double({ min: -1, max: 1, noNaN: true });

/**
 * A vector component in km between −1e5 and 1e5 (beyond GEO) — wide enough for any orbit and
 * small enough that products of three components cannot overflow.
 */
export const componentKm = fc
  .double({ min: -1e5, max: 1e5, noNaN: true })
  // Below 1e-150 km (far under any physical length) a component becomes 0: subnormal
  // components lose the relative precision the tolerances here are stated in.
  .map((x) => (Math.abs(x) < 1e-150 ? 0 : x));

/** A three-vector of {@link componentKm}. */
export const vec3Km = fc.tuple(componentKm, componentKm, componentKm);

/** An angle in rad in [−4π, 4π], beyond one turn either way. */
export const angleRad = fc.double({ min: -4 * Math.PI, max: 4 * Math.PI, noNaN: true });

/**
 * A matrix element in [−1, 1]: 0 or at least 1e-6 in magnitude. Subnormal and tiny elements
 * are mapped to 0, which keeps exact zeros (and with them rank-deficient matrices) frequent
 * while the norms used by the error bounds of the tests can neither underflow nor overflow.
 */
export const matrixElement = unitDouble.map((x) => (Math.abs(x) < 1e-6 ? 0 : x));

/** A rows×cols matrix (array of rows) of {@link matrixElement}. */
export function matrixRows(rows: number, cols: number): fc.Arbitrary<number[][]> {
  return fc.array(fc.array(matrixElement, { minLength: cols, maxLength: cols }), {
    minLength: rows,
    maxLength: rows,
  });
}

/** A square matrix B of size 1…8 with elements in [−1, 1]. */
export const squareMatrix = fc.integer({ min: 1, max: 8 }).chain((n) => matrixRows(n, n));

/**
 * A least-squares problem: A of m×n (1 ≤ n ≤ 6, n ≤ m ≤ n + 12) and b of length m, elements in
 * [−1, 1]. Rank-deficient A (repeated or zero columns) are possible and welcome.
 */
export const leastSquaresProblem = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 12 }))
  .chain(([n, extra]) =>
    fc.record({
      A: matrixRows(n + extra, n),
      b: fc.array(matrixElement, { minLength: n + extra, maxLength: n + extra }),
    }),
  );
