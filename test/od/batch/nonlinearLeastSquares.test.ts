import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors';
import { invertSymmetricPositiveDefinite, SeededRandom } from '../../../src/math';
import {
  type LeastSquaresProblem,
  solveNonlinearLeastSquares,
} from '../../../src/od/batch/nonlinearLeastSquares';

const PROPERTY_RUNS = Number(process.env.OSMOSE_FC_RUNS ?? 100);

interface ReferenceProblem {
  name: string;
  t: number[];
  y: number[];
  sigma: number;
  start: number[];
  solution: number[];
  covariance: number[];
  rms: number;
}
const reference = JSON.parse(
  readFileSync(
    new URL('../../reference/scipy-least-squares/problems.json', import.meta.url),
    'utf8',
  ),
) as { problems: ReferenceProblem[] };

/**
 * The solution against SciPy's, in units of its formal σ: both minimise the same cost to
 * convergence, and MINPACK stops when relative changes fall below 1e-15 while we stop when the
 * step is below 1e-3 σ (default) — so 1e-3 σ bounds the difference.
 */
const SOLUTION_TOL_SIGMA = 1e-3;
/** Covariance: the same JᵀJ at solutions 1e-3 σ apart; a 1e-3 σ shift changes J by ~1e-6. */
const COVARIANCE_REL_TOL = 1e-5;
/** The RMS at solutions 1e-3 σ apart: the cost is flat there, so it agrees to second order, ~1e-6 σ² → 1e-9 relative allowed (measured below 1e-12). */
const RMS_REL_TOL = 1e-9;
/**
 * Outlier test, 380 good points at 1σ: 0.27 % of them lie beyond 3σ (≈ 1 expected); six
 * extra edits is beyond the 99.9th percentile of that Poisson count.
 */
const EXTRA_EDITS_MAX = 6;
/** With the outliers edited the fit matches the clean fit to well inside its σ; half a σ allowed. */
const CLEAN_AGREEMENT_SIGMA = 0.5;
/** Post-fit RMS of 380 unit-σ points: 1 ± 0.04 (1σ of √(χ²/n)); 1.2 is 5σ above. */
const POST_FIT_RMS_MAX = 1.2;
/** Pre-fit RMS from x = 0 with 5 % of points 30σ off: the outliers alone give √(0.05 · 900) ≈ 6.7; 5 is a floor. */
const PRE_FIT_RMS_MIN = 5;

type Model = (p: Float64Array, t: number) => { value: number; gradient: number[] };

const MODELS: Record<string, Model> = {
  'exponential-rise': (b, t) => {
    const e = Math.exp(-b[1]! * t);
    return { value: b[0]! * (1 - e), gradient: [1 - e, b[0]! * t * e] };
  },
  'damped-oscillator': (p, t) => {
    const e = Math.exp(-p[1]! * t);
    const c = Math.cos(p[2]! * t + p[3]!);
    const s = Math.sin(p[2]! * t + p[3]!);
    return {
      value: p[0]! * e * c,
      gradient: [e * c, -p[0]! * t * e * c, -p[0]! * e * s * t, -p[0]! * e * s],
    };
  },
};

function curveProblem(
  model: Model,
  t: readonly number[],
  y: readonly number[],
  sigma: number,
  n: number,
): LeastSquaresProblem {
  return {
    parameterNames: Array.from({ length: n }, (_, j) => `p${j}`),
    rowMeasurement: Int32Array.from(t, (_, i) => i),
    evaluate(x) {
      const residuals = new Float64Array(t.length);
      const jacobian = new Float64Array(t.length * n);
      for (let i = 0; i < t.length; i++) {
        const { value, gradient } = model(x, t[i]!);
        residuals[i] = (y[i]! - value) / sigma;
        for (let j = 0; j < n; j++) jacobian[i * n + j] = gradient[j]! / sigma;
      }
      return { residuals, jacobian };
    },
  };
}

describe('solveNonlinearLeastSquares against SciPy (MINPACK Levenberg–Marquardt)', () => {
  for (const ref of reference.problems) {
    for (const method of ['gauss-newton', 'levenberg-marquardt'] as const) {
      it(`${ref.name} by ${method}: solution within 1e-3 σ, covariance within 1e-5 relative, same RMS`, () => {
        const n = ref.solution.length;
        const problem = curveProblem(MODELS[ref.name]!, ref.t, ref.y, ref.sigma, n);
        const r = solveNonlinearLeastSquares(problem, ref.start, {
          method,
          editing: false,
          stepToleranceSigma: 1e-6,
        });
        expect(r.converged, r.reason).toBe(true);
        expect(r.covariance).toBeDefined();
        for (let j = 0; j < n; j++) {
          const sigma = Math.sqrt(ref.covariance[j * n + j]!);
          expect(Math.abs(r.x[j]! - ref.solution[j]!) / sigma).toBeLessThanOrEqual(
            SOLUTION_TOL_SIGMA,
          );
        }
        for (let k = 0; k < n * n; k++) {
          const scale = Math.sqrt(
            ref.covariance[Math.floor(k / n) * (n + 1)]! * ref.covariance[(k % n) * (n + 1)]!,
          );
          expect(Math.abs(r.covariance!.data[k]! - ref.covariance[k]!) / scale).toBeLessThanOrEqual(
            COVARIANCE_REL_TOL,
          );
        }
        expect(Math.abs(r.postFitRms - ref.rms) / ref.rms).toBeLessThanOrEqual(RMS_REL_TOL);
        expect(r.preFitRms).toBeGreaterThan(r.postFitRms);
        expect(r.iterations).toBe(r.history.length);
      });
    }
  }
});

/**
 * Engine (SVD of the stacked whitened system) against the normal equations solved by Cholesky
 * on random Gaussian 2–5 parameter problems with a priori variances 0.5–1.5: condition numbers
 * of a few tens, solutions of size ~1, so both are accurate to ~1e-13; 1e-10 leaves margin.
 */
const LINEAR_AGREEMENT_TOL = 1e-10;

/** A linear model y = A·x + noise, with unit σ. */
function linearProblem(A: number[][], y: number[]): LeastSquaresProblem {
  const n = A[0]!.length;
  return {
    parameterNames: Array.from({ length: n }, (_, j) => `x${j}`),
    rowMeasurement: Int32Array.from(y, (_, i) => i),
    evaluate(x) {
      const residuals = new Float64Array(y.length);
      const jacobian = new Float64Array(y.length * n);
      for (let i = 0; i < y.length; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) {
          v += A[i]![j]! * x[j]!;
          jacobian[i * n + j] = A[i]![j]!;
        }
        residuals[i] = y[i]! - v;
      }
      return { residuals, jacobian };
    },
  };
}

/** Solves (AᵀA + P̄⁻¹) x = Aᵀy + P̄⁻¹x̄ by the normal equations, independently of the engine. */
function informationSolution(A: number[][], y: number[], xBar: number[], pBarInverse: number[][]) {
  const n = xBar.length;
  const N = Array.from({ length: n }, (_, i) =>
    Array.from(
      { length: n },
      (_, j) => A.reduce((s, row) => s + row[i]! * row[j]!, 0) + pBarInverse[i]![j]!,
    ),
  );
  const b = Array.from(
    { length: n },
    (_, i) =>
      A.reduce((s, row, k) => s + row[i]! * y[k]!, 0) +
      pBarInverse[i]!.reduce((s, v, j) => s + v * xBar[j]!, 0),
  );
  const inv = invertSymmetricPositiveDefinite(N);
  if (!inv.ok) throw new Error(inv.reason);
  const x = Array.from({ length: n }, (_, i) =>
    b.reduce((s, bj, j) => s + inv.inverse.data[i * n + j]! * bj, 0),
  );
  return { x, covariance: inv.inverse.data };
}

describe('solveNonlinearLeastSquares on linear problems', () => {
  it('with an a priori, equals the information-form solution (property, random 2–5 parameter problems)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, seed) => {
          const rng = SeededRandom.create(seed);
          const m = n + 3;
          const A = Array.from({ length: m }, () =>
            Array.from({ length: n }, () => rng.nextGaussian()),
          );
          const y = Array.from({ length: m }, () => rng.nextGaussian());
          const xBar = Array.from({ length: n }, () => rng.nextGaussian());
          const pBarDiag = Array.from({ length: n }, () => 0.5 + rng.nextFloat());
          const pBar = Array.from({ length: n }, (_, i) =>
            Array.from({ length: n }, (_, j) => (i === j ? pBarDiag[i]! : 0)),
          );
          const pBarInverse = pBar.map((row, i) => row.map((v, j) => (i === j ? 1 / v : 0)));
          const expected = informationSolution(A, y, xBar, pBarInverse);
          const r = solveNonlinearLeastSquares(linearProblem(A, y), new Float64Array(n), {
            apriori: { x: xBar, covariance: pBar },
            editing: false,
          });
          expect(r.converged, r.reason).toBe(true);
          for (let j = 0; j < n; j++)
            expect(Math.abs(r.x[j]! - expected.x[j]!)).toBeLessThanOrEqual(LINEAR_AGREEMENT_TOL);
          for (let k = 0; k < n * n; k++) {
            expect(Math.abs(r.covariance!.data[k]! - expected.covariance[k]!)).toBeLessThanOrEqual(
              1e-10,
            );
          }
        },
      ),
      { numRuns: PROPERTY_RUNS },
    );
  });

  it('edits every injected outlier (30σ on 5 % of the points) and recovers the clean solution', () => {
    const rng = SeededRandom.create(7);
    const m = 400;
    const t = Array.from({ length: m }, (_, i) => i / m);
    const A = t.map((ti) => [1, ti, ti * ti]);
    const truth = [1, -2, 0.5];
    const y = A.map(
      (row) => row[0]! * truth[0]! + row[1]! * truth[1]! + row[2]! * truth[2]! + rng.nextGaussian(),
    );
    const outliers = new Set<number>();
    while (outliers.size < m / 20) outliers.add(Math.floor(rng.nextFloat() * m));
    const yBad = y.map((v, i) => (outliers.has(i) ? v + (rng.nextFloat() < 0.5 ? 30 : -30) : v));
    const clean = solveNonlinearLeastSquares(
      linearProblem(
        A.filter((_, i) => !outliers.has(i)),
        y.filter((_, i) => !outliers.has(i)),
      ),
      [0, 0, 0],
      { editing: false },
    );
    const r = solveNonlinearLeastSquares(linearProblem(A, yBad), [0, 0, 0]);
    expect(r.converged, r.reason).toBe(true);
    for (const i of outliers) expect(r.edited[i]).toBe(1);
    // Good points beyond 3σ: 0.27 % of 380 ≈ 1, so at most a handful are edited with them.
    expect(r.editedCount - outliers.size).toBeLessThanOrEqual(EXTRA_EDITS_MAX);
    for (let j = 0; j < 3; j++) {
      const sigma = Math.sqrt(clean.covariance!.data[j * 4]!);
      expect(Math.abs(r.x[j]! - clean.x[j]!)).toBeLessThanOrEqual(CLEAN_AGREEMENT_SIGMA * sigma);
    }
    expect(r.postFitRms).toBeLessThan(POST_FIT_RMS_MAX);
    expect(r.preFitRms).toBeGreaterThan(PRE_FIT_RMS_MIN);
  });

  it('reports unobservable parameters as status, with the condition number, without throwing', () => {
    // Two identical columns: x0 and x1 cannot be told apart.
    const A = [
      [1, 1, 0],
      [2, 2, 1],
      [3, 3, 0],
      [4, 4, 1],
    ];
    const r = solveNonlinearLeastSquares(linearProblem(A, [1, 2, 3, 4]), [0, 0, 0], {
      editing: false,
    });
    expect(r.converged).toBe(false);
    expect(r.status).toBe('unobservable');
    expect(r.rank).toBe(2);
    expect(r.reason).toMatch(/rank 2 of 3/);
  });

  it('reports a failed evaluation as status and keeps the last estimate', () => {
    let calls = 0;
    const problem: LeastSquaresProblem = {
      parameterNames: ['a'],
      rowMeasurement: Int32Array.of(0, 1),
      evaluate(x) {
        calls++;
        if (calls > 1) return { failure: 'propagation stopped at 1.5 d (step too small)' };
        return {
          residuals: Float64Array.of(1 - x[0]!, 2 - x[0]!),
          jacobian: Float64Array.of(1, 1),
        };
      },
    };
    const r = solveNonlinearLeastSquares(problem, [0], { editing: false });
    expect(r.status).toBe('evaluation-failed');
    expect(r.reason).toMatch(/step too small/);
    expect(r.x[0]).toBe(0);
  });

  it('refuses a start vector of the wrong length, naming the parameters', () => {
    expect(() => solveNonlinearLeastSquares(linearProblem([[1, 2]], [1]), [0])).toThrow(
      InvalidArgumentError,
    );
    expect(() => solveNonlinearLeastSquares(linearProblem([[1, 2]], [1]), [0])).toThrow(
      /x0\.length = 1.*x0, x1/,
    );
  });
});
