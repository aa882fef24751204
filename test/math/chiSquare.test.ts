import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSurvival,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from '../../src/math/chiSquare';
import { MATH_PROPERTY_RUNS } from './arbitraries';

const ref = JSON.parse(
  readFileSync(new URL('../reference/scipy-chi-square/chi_square.json', import.meta.url), 'utf8'),
) as {
  quantiles: { p: number; dof: number; x: number }[];
  cdf: { x: number; dof: number; cdf: number; sf: number }[];
  gamma: { a: number; x: number; p: number; q: number }[];
  log_gamma: { a: number; lgamma: number }[];
};

/**
 * Relative tolerance against SciPy (Cephes): both evaluate series or continued fractions to
 * about 1e-15 and ln Γ to 1e-15 relative; exp(a ln x − x − ln Γ(a)) amplifies an absolute
 * error δ of the exponent into a relative one, and the exponent reaches ~1e3 for a = 500, so
 * 1e-15 × 1e3 = 1e-12 relative. Measured worst: see the test output.
 */
const REL_TOL = 1e-11;
/** Probabilities near 1 are compared in absolute terms: 1 − P loses digits below 1e-16. */
const ABS_TOL = 1e-15;
/**
 * CDF(quantile(p)) − p: the quantile is solved to ~1e-14 relative in x, and the density times
 * that error is below 1e-12 for dof ≥ 0.5; 1e-10 leaves room for p near 1e-8.
 */
const INVERSION_TOL = 1e-10;

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(REL_TOL * Math.abs(expected), ABS_TOL);
}

describe('χ² distribution against SciPy 1.10', () => {
  it('logGamma within 1e-11 relative at 11 arguments from 1e-6 to 1e4', () => {
    for (const c of ref.log_gamma) {
      expect(Math.abs(logGamma(c.a) - c.lgamma)).toBeLessThanOrEqual(
        REL_TOL * Math.max(1, Math.abs(c.lgamma)),
      );
    }
  });

  it('regularizedGammaP and Q within 1e-11 relative (or 1e-15 absolute) at 63 points', () => {
    for (const c of ref.gamma) {
      expect(close(regularizedGammaP(c.a, c.x), c.p), `P(${c.a}, ${c.x})`).toBe(true);
      expect(close(regularizedGammaQ(c.a, c.x), c.q), `Q(${c.a}, ${c.x})`).toBe(true);
    }
  });

  it('chiSquareCdf and chiSquareSurvival within 1e-11 relative at 165 points, dof 0.5 to 1000', () => {
    for (const c of ref.cdf) {
      expect(close(chiSquareCdf(c.x, c.dof), c.cdf), `cdf(${c.x}, ${c.dof})`).toBe(true);
      expect(close(chiSquareSurvival(c.x, c.dof), c.sf), `sf(${c.x}, ${c.dof})`).toBe(true);
    }
  });

  it('chiSquareQuantile within 1e-11 relative at 240 (p, dof) pairs, p from 1e-10 to 1 − 1e-6', () => {
    let worst = 0;
    for (const c of ref.quantiles) {
      const x = chiSquareQuantile(c.p, c.dof);
      worst = Math.max(worst, Math.abs(x - c.x) / c.x);
    }
    console.info(`chiSquareQuantile: worst relative error against SciPy ${worst.toExponential(2)}`);
    expect(worst).toBeLessThanOrEqual(REL_TOL);
  });

  it('the quantile inverts the CDF (property, dof 0.5–2000)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }),
        fc.double({ min: 0.5, max: 2000, noNaN: true }),
        (p, dof) => {
          const x = chiSquareQuantile(p, dof);
          expect(Math.abs(chiSquareCdf(x, dof) - p)).toBeLessThanOrEqual(INVERSION_TOL);
        },
      ),
      { numRuns: MATH_PROPERTY_RUNS },
    );
  });

  it('refuses probabilities outside (0, 1), negative x and non-positive dof, naming them', () => {
    expect(() => chiSquareQuantile(1, 3)).toThrow(InvalidArgumentError);
    expect(() => chiSquareQuantile(0, 3)).toThrow(/p = 0/);
    expect(() => chiSquareCdf(-1, 3)).toThrow(/x = -1/);
    expect(() => chiSquareCdf(1, 0)).toThrow(/dof = 0/);
    expect(() => logGamma(-2)).toThrow(InvalidArgumentError);
  });
});
