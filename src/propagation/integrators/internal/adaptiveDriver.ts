/**
 * The step loop shared by the embedded Runge–Kutta methods: initial step, error-based step
 * control, step budget, dense output, statuses.
 *
 * @packageDocumentation
 */
import type { IntegrateOptions, IntegrationResult, IntegrationStatus, OdeSystem } from '../types';
import {
  alternatingPolynomialEvaluator,
  PiecewiseTrajectory,
  type SegmentEvaluator,
} from './piecewiseTrajectory';
import { type RunSettings, readSettings } from './settings';

/** Unit roundoff of IEEE double precision. */
const UROUND = 2 ** -53;
/** Safety factor of the step-size formula (Hairer: 0.9). */
const SAFETY = 0.9;
/** Consecutive non-finite trial steps after which a run stops with `'non-finite'`. */
const MAX_NON_FINITE_TRIALS = 30;

/**
 * One embedded Runge–Kutta method's work on one run: preallocated stages, a trial step, and
 * the dense output of an accepted step. Created per run; nothing is allocated per step.
 */
export interface Stepper {
  /**
   * Exponent of the error in the step formula: 1/8 for DOP853 and RKF78, 1/5 − 0.75β for
   * DOPRI5 (Hairer's `expo1`).
   */
  readonly errorExponent: number;
  /** Lund stabilisation exponent β of the PI controller (0 for a pure I controller). */
  readonly beta: number;
  /** Smallest and largest ratio new step / old step (Hairer's fac1, fac2). */
  readonly minFactor: number;
  readonly maxFactor: number;
  /** Evaluations of the system so far. */
  evaluations: number;
  /**
   * Tries a step of h from (t, y) with f0 = f(t, y): writes the propagated solution into
   * `yNew` and returns the scaled error norm (≤ 1 means accepted; NaN when non-finite).
   */
  attempt(tS: number, hS: number, y: Float64Array, f0: Float64Array, yNew: Float64Array): number;
  /**
   * After an accepted step: writes f(t + h, yNew) into `fNew` (free for FSAL methods) and,
   * when `dense` is given, records the step's interpolant.
   */
  complete(
    tS: number,
    hS: number,
    y: Float64Array,
    f0: Float64Array,
    yNew: Float64Array,
    fNew: Float64Array,
    dense: PiecewiseTrajectory | undefined,
  ): void;
}

/**
 * Hairer's starting step (HINIT, Solving ODEs I, §II.4): a step whose explicit Euler error
 * would be 0.01 in the norm of the tolerances, refined with an estimate of the second
 * derivative, then h = (0.01 / max(‖f′‖, ‖f‖))^(1/order).
 */
export function initialStepS(
  system: OdeSystem,
  s: RunSettings,
  order: number,
  direction: number,
  y0: Float64Array,
  f0: Float64Array,
  work: Float64Array,
  work2: Float64Array,
): number {
  const n = s.n;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = s.absTol[i]! + s.relTol * Math.abs(y0[i]!);
    dnf += (f0[i]! / sk) ** 2;
    dny += (y0[i]! / sk) ** 2;
  }
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
  h = Math.min(h, s.maxStepS);
  for (let i = 0; i < n; i++) work[i] = y0[i]! + direction * h * f0[i]!;
  system.derivativesInto(work2, s.t0S + direction * h, work);
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = s.absTol[i]! + s.relTol * Math.abs(y0[i]!);
    der2 += ((work2[i]! - f0[i]!) / sk) ** 2;
  }
  der2 = Math.sqrt(der2) / h;
  const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf));
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / der12) ** (1 / order);
  const result = Math.min(100 * h, h1, s.maxStepS);
  return Number.isFinite(result) && result > 0 ? result : Math.min(1e-6, s.maxStepS);
}

/**
 * Runs an embedded method from t0 to t1 with Hairer's step control (DOP853/DOPRI5):
 * h_new = h / clamp(err^expo / err_old^β / safety, 1/maxFactor, 1/minFactor), no
 * growth right after a rejection, the last step stretched up to 1 % to land on t1.
 */
export function runAdaptive(
  system: OdeSystem,
  s: RunSettings,
  stepper: Stepper,
  order: number,
  dense: PiecewiseTrajectory | undefined,
): IntegrationResult {
  const n = s.n;
  let t = s.t0S;
  const t1 = s.t1S;
  let y = new Float64Array(s.y0);
  let yNew = new Float64Array(n);
  let f0 = new Float64Array(n);
  let fNew = new Float64Array(n);
  let steps = 0;
  let rejected = 0;
  const finish = (status: IntegrationStatus): IntegrationResult => {
    dense?.finish(t, y);
    return {
      status,
      tS: t,
      y: new Float64Array(y),
      steps,
      rejectedSteps: rejected,
      evaluations: stepper.evaluations,
      dense,
    };
  };
  if (t1 === t) return finish('ok');
  system.derivativesInto(f0, t, y);
  stepper.evaluations++;
  if (!allFinite(f0, n)) return finish('non-finite');
  const direction = t1 > t ? 1 : -1;
  const expo = stepper.errorExponent;
  const facc1 = 1 / stepper.minFactor;
  const facc2 = 1 / stepper.maxFactor;
  let h =
    s.initialStepS !== undefined
      ? Math.min(s.initialStepS, s.maxStepS)
      : initialStepS(system, s, order, direction, y, f0, yNew, fNew);
  if (s.initialStepS === undefined) stepper.evaluations++;
  h *= direction;
  let facOld = 1e-4;
  let rejectLast = false;
  let nonFinite = 0;
  for (;;) {
    if (steps + rejected >= s.maxSteps) return finish('max-steps');
    const absH = Math.abs(h);
    if (absH < s.minStepS || 0.1 * absH <= Math.abs(t) * UROUND) {
      // Shrunk by trial steps whose stages were not finite: f is not finite just ahead.
      return finish(nonFinite > 0 ? 'non-finite' : 'step-too-small');
    }
    let last = false;
    if ((t + 1.01 * h - t1) * direction >= 0) {
      h = t1 - t;
      last = true;
    }
    const err = stepper.attempt(t, h, y, f0, yNew);
    if (!(err >= 0) || !Number.isFinite(err)) {
      // A stage left the domain of f (or overflowed): retry with a much smaller step.
      rejected++;
      rejectLast = true;
      if (++nonFinite >= MAX_NON_FINITE_TRIALS) return finish('non-finite');
      h *= 0.1;
      continue;
    }
    const fac11 = err ** expo;
    if (err <= 1) {
      nonFinite = 0;
      stepper.complete(t, h, y, f0, yNew, fNew, dense);
      if (!allFinite(fNew, n)) return finish('non-finite');
      facOld = Math.max(err, 1e-4);
      let fac = fac11 / facOld ** stepper.beta;
      fac = Math.max(facc2, Math.min(facc1, fac / SAFETY));
      let hNew = h / fac;
      steps++;
      t = last ? t1 : t + h;
      const ty = y;
      y = yNew;
      yNew = ty;
      const tf = f0;
      f0 = fNew;
      fNew = tf;
      if (last) return finish('ok');
      if (Math.abs(hNew) > s.maxStepS) hNew = direction * s.maxStepS;
      if (rejectLast) hNew = direction * Math.min(Math.abs(hNew), Math.abs(h));
      rejectLast = false;
      h = hNew;
    } else {
      rejected++;
      rejectLast = true;
      h /= Math.min(facc1, fac11 / SAFETY);
    }
  }
}

/** Whether the first n components of v are all finite. */
export function allFinite(v: Float64Array, n: number): boolean {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[i]! * 0;
  return sum === 0;
}

/** What an embedded method brings to {@link integrateEmbedded}. */
export interface EmbeddedMethod {
  /** Order of the propagated solution (sets the starting step). */
  readonly order: number;
  /** Vectors stored per accepted step for the dense output. */
  readonly denseBlocks: number;
  /** The method's stepper for one run. */
  makeStepper(system: OdeSystem, s: RunSettings): Stepper;
  /** The dense-output evaluator; by default {@link alternatingPolynomialEvaluator}. */
  makeEvaluator?(system: OdeSystem, n: number): SegmentEvaluator;
}

/**
 * `Integrator.integrate` of an embedded method: checks the arguments, prepares the dense
 * output when asked, and runs {@link runAdaptive}.
 *
 * @throws InvalidArgumentError as `readSettings`
 */
export function integrateEmbedded(
  method: EmbeddedMethod,
  system: OdeSystem,
  t0S: number,
  y0: ArrayLike<number>,
  t1S: number,
  options: IntegrateOptions | undefined,
): IntegrationResult {
  const s = readSettings(system, t0S, y0, t1S, options);
  const dense = s.dense
    ? new PiecewiseTrajectory(
        s.n,
        t0S,
        method.denseBlocks,
        method.makeEvaluator?.(system, s.n) ??
          alternatingPolynomialEvaluator(s.n, method.denseBlocks),
      )
    : undefined;
  return runAdaptive(system, s, method.makeStepper(system, s), method.order, dense);
}
