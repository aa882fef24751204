/**
 * Switching functions: an adaptive run ends a step exactly at each zero, so that a right-hand
 * side that is continuous but only piecewise smooth (a kink: the boundary of a shadow) is
 * integrated as accurately as a smooth one. References are the exact solutions.
 */
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors';
import {
  ALL_INTEGRATORS,
  type IntegrateOptions,
  type OdeSystem,
} from '../../../src/propagation/integrators';

/**
 * The tent's pieces are polynomials in t of degree ≤ 1, which every Runge–Kutta method of
 * order ≥ 2 integrates exactly: once no step straddles a kink only rounding is left (values
 * of order 0.04; measured ≤ 6.2e-17).
 */
const EXACT_PIECES = 1e-15;
/**
 * A kink where the state crosses a level, at relTol 1e-12 on values up to e² ≈ 7.4: the
 * error of a smooth problem at that tolerance (measured 1.0e-12 to 2.2e-12 with the
 * switch; without it 3.6e-12, 4.7e-10 and 6.9e-5 for DP853, DOPRI5 and RKF78).
 */
const STATE_KINK_TOL = 1e-11;
const OPTIONS: IntegrateOptions = { relTol: 1e-12, absTol: 1e-14 };
/**
 * The ramp max(0, t − 7.3) to t = 10 (y = 3.645): pieces exact, rounding over about 20 steps
 * (measured ≤ 1.8e-14); a step straddling the kink is off by 0.05–0.1 with RKF78.
 */
const RAMP_TOL = 1e-13;

/** y′ = max(0, 0.2 − |t − 1.2|): kinks at 1, 1.2 and 1.4 around an area of 0.04. */
const tent: OdeSystem = {
  dimension: 1,
  derivativesInto(out, tS) {
    out[0] = Math.max(0, 0.2 - Math.abs(tS - 1.2));
  },
};
const TENT_AREA = 0.04;
/** Zeros at the tent's foot (two in one function) and at its top. */
const tentSwitches = [(tS: number) => (tS - 1) * (tS - 1.4), (tS: number) => tS - 1.2];

/** y′ = 1 + max(0, y − 1), y(0) = 0: y = t up to t = 1, then e^(t − 1). */
const levelKink: OdeSystem = {
  dimension: 1,
  derivativesInto(out, _tS, y) {
    out[0] = 1 + Math.max(0, y[0]! - 1);
  },
};
const levelSwitch = (_tS: number, y: Float64Array) => y[0]! - 1;
const levelExact = (t: number) => (t <= 1 ? t : Math.exp(t - 1));

describe.each(ALL_INTEGRATORS.filter((m) => m.adaptive).map((m) => [m.name, m] as const))(
  '%s with switching functions',
  (_name, m) => {
    it('a tent of kinks in time: exact to rounding, with two zeros of one function in a step', () => {
      const run = m.integrate(tent, 0, [0], 3, {
        ...OPTIONS,
        switches: tentSwitches,
        maxCheckIntervalS: 0.1,
      });
      expect(run.status).toBe('ok');
      expect(Math.abs(run.y[0]! - TENT_AREA)).toBeLessThanOrEqual(EXACT_PIECES);
      // Without the switches no step is guaranteed to end at a kink.
      const without = m.integrate(tent, 0, [0], 3, OPTIONS);
      expect(Math.abs(without.y[0]! - TENT_AREA)).toBeGreaterThan(EXACT_PIECES);
    });

    it('a kink where the state crosses a level, forward, backward and in the dense output', () => {
      const fwd = m.integrate(levelKink, 0, [0], 3, {
        ...OPTIONS,
        switches: [levelSwitch],
        dense: true,
      });
      expect(fwd.status).toBe('ok');
      expect(Math.abs(fwd.y[0]! - levelExact(3))).toBeLessThanOrEqual(STATE_KINK_TOL);
      const out = new Float64Array(1);
      for (const t of [0.3, 0.999, 1, 1.001, 2.5, 2.9]) {
        expect(Math.abs(fwd.dense!.evaluateInto(out, t)[0]! - levelExact(t))).toBeLessThanOrEqual(
          STATE_KINK_TOL,
        );
      }
      const back = m.integrate(levelKink, 3, [levelExact(3)], 0, {
        ...OPTIONS,
        switches: [levelSwitch],
      });
      expect(back.status).toBe('ok');
      expect(Math.abs(back.y[0]!)).toBeLessThanOrEqual(STATE_KINK_TOL);
    });
  },
);

describe.each(ALL_INTEGRATORS.filter((m) => m.adaptive).map((m) => [m.name, m] as const))(
  '%s: zeros at the edge of a step',
  (_name, m) => {
    /** y′ = max(0, t − 7.3): one kink; y(10) = 2.7²/2. */
    const ramp: OdeSystem = {
      dimension: 1,
      derivativesInto(out, tS) {
        out[0] = Math.max(0, tS - 7.3);
      },
    };
    const exact = 2.7 ** 2 / 2;
    const atKink = (tS: number) => tS - 7.3;

    it('a zero at the very start of a step does not hide a zero later in it', () => {
      for (const maxCheckIntervalS of [1, 100]) {
        const run = m.integrate(ramp, 0, [0], 10, {
          ...OPTIONS,
          initialStepS: 5,
          maxCheckIntervalS,
          switches: [(tS: number) => tS - 1e-15, atKink],
        });
        expect(run.status).toBe('ok');
        expect(Math.abs(run.y[0]! - exact)).toBeLessThanOrEqual(RAMP_TOL);
      }
    });

    it('a zero closer than minStepS to a step start is stepped over, and the next is located', () => {
      const run = m.integrate(ramp, 0, [0], 10, {
        ...OPTIONS,
        initialStepS: 5,
        maxCheckIntervalS: 1,
        minStepS: 0.01,
        switches: [(tS: number) => tS - 1e-3, atKink],
      });
      expect(run.status).toBe('ok');
      expect(Math.abs(run.y[0]! - exact)).toBeLessThanOrEqual(RAMP_TOL);
    });
  },
);

describe('switching function options', () => {
  const m = ALL_INTEGRATORS[0]!;
  it('refuses a switch that is not a function and a non-positive check interval', () => {
    expect(() =>
      m.integrate(tent, 0, [0], 1, { switches: [42 as unknown as () => number] }),
    ).toThrow(InvalidArgumentError);
    expect(() => m.integrate(tent, 0, [0], 1, { switches: [], maxCheckIntervalS: 0 })).toThrow(
      /maxCheckIntervalS = 0 s/,
    );
  });
});
