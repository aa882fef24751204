/**
 * The classical fixed-step Runge–Kutta method of order 4.
 *
 * @packageDocumentation
 */

import { allFinite } from './internal/adaptiveDriver';
import {
  alternatingPolynomialEvaluator,
  PiecewiseTrajectory,
  writeHermiteBlocks,
} from './internal/piecewiseTrajectory';
import { readSettings } from './internal/settings';
import type {
  IntegrateOptions,
  IntegrationResult,
  IntegrationStatus,
  Integrator,
  OdeSystem,
} from './types';

/** Default number of equal steps when `fixedStepS` is not given. */
const DEFAULT_STEP_COUNT = 1000;

/**
 * The classical Runge–Kutta method of order 4 with a fixed step: no error control (the
 * tolerances are ignored), 4 evaluations per step, the cubic Hermite interpolant of each
 * step's end values and derivatives as dense output (3rd order between steps).
 *
 * Steps are `fixedStepS` long from t0 (times t0 + k·h, without accumulated rounding), the
 * last one shortened to land on t1. Default: 1000 equal steps over the span. A run that
 * would need more than `maxSteps` steps stops there with `'max-steps'`; a non-finite
 * derivative stops it with `'non-finite'` at the last finite state.
 *
 * @see Butcher, Numerical Methods for Ordinary Differential Equations, 3rd ed. (2016), §23;
 *   Hairer, Nørsett & Wanner, Solving ODEs I, §II.1 and §II.6 (Hermite interpolation)
 * @example
 * ```ts
 * const system = { dimension: 1, derivativesInto: (out: Float64Array, t: number, y: Float64Array) => { out[0] = -y[0]!; } };
 * const result = RUNGE_KUTTA_4.integrate(system, 0, [1], 1, { fixedStepS: 0.01 });
 * result.steps; // 100
 * result.y[0]; // ≈ 0.3678794412
 * ```
 */
export const RUNGE_KUTTA_4: Integrator = Object.freeze({
  name: 'runge-kutta-4',
  order: 4,
  adaptive: false,
  integrate(
    system: OdeSystem,
    t0S: number,
    y0: ArrayLike<number>,
    t1S: number,
    options?: IntegrateOptions,
  ): IntegrationResult {
    const s = readSettings(system, t0S, y0, t1S, options);
    const n = s.n;
    const span = t1S - t0S;
    const direction = span >= 0 ? 1 : -1;
    const stepS = s.fixedStepS ?? Math.abs(span) / DEFAULT_STEP_COUNT;
    const totalSteps = span === 0 ? 0 : Math.max(1, Math.ceil(Math.abs(span) / stepS - 1e-9));
    const dense = s.dense
      ? new PiecewiseTrajectory(n, t0S, 4, alternatingPolynomialEvaluator(n, 4))
      : undefined;
    let y = new Float64Array(s.y0);
    let yNew = new Float64Array(n);
    let f0 = new Float64Array(n);
    let f1 = new Float64Array(n);
    const k2 = new Float64Array(n);
    const k3 = new Float64Array(n);
    const k4 = new Float64Array(n);
    const tmp = new Float64Array(n);
    let t = t0S;
    let steps = 0;
    let evaluations = 0;
    let status: IntegrationStatus = 'ok';
    if (totalSteps > 0) {
      system.derivativesInto(f0, t, y);
      evaluations++;
      if (!allFinite(f0, n)) status = 'non-finite';
    }
    while (status === 'ok' && steps < totalSteps) {
      if (steps >= s.maxSteps) {
        status = 'max-steps';
        break;
      }
      const tNext = steps + 1 === totalSteps ? t1S : t0S + direction * (steps + 1) * stepS;
      const h = tNext - t;
      for (let i = 0; i < n; i++) tmp[i] = y[i]! + 0.5 * h * f0[i]!;
      system.derivativesInto(k2, t + 0.5 * h, tmp);
      for (let i = 0; i < n; i++) tmp[i] = y[i]! + 0.5 * h * k2[i]!;
      system.derivativesInto(k3, t + 0.5 * h, tmp);
      for (let i = 0; i < n; i++) tmp[i] = y[i]! + h * k3[i]!;
      system.derivativesInto(k4, t + h, tmp);
      for (let i = 0; i < n; i++) {
        yNew[i] = y[i]! + (h / 6) * (f0[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
      }
      system.derivativesInto(f1, tNext, yNew);
      evaluations += 4;
      if (!allFinite(yNew, n) || !allFinite(f1, n)) {
        status = 'non-finite';
        break;
      }
      if (dense !== undefined) {
        // addSegment may grow the buffer: read it after.
        const off = dense.addSegment(t, h);
        writeHermiteBlocks(dense.buffer, off, n, h, y, yNew, f0, f1);
      }
      [y, yNew] = [yNew, y];
      [f0, f1] = [f1, f0];
      t = tNext;
      steps++;
    }
    dense?.finish(t, y);
    return { status, tS: t, y: new Float64Array(y), steps, rejectedSteps: 0, evaluations, dense };
  },
});
