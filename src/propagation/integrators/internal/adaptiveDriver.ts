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
  const switches = s.switches.length > 0 ? new SwitchWatch(s, y) : undefined;
  for (;;) {
    if (steps + rejected >= s.maxSteps) return finish('max-steps');
    const absH = Math.abs(h);
    if (absH < s.minStepS || 0.1 * absH <= Math.abs(t) * UROUND) {
      // Shrunk by trial steps whose stages were not finite: f is not finite just ahead.
      return finish(nonFinite > 0 ? 'non-finite' : 'step-too-small');
    }
    // The step ends at the end of the run, or at a zero of a switching function ahead.
    const target = switches?.stopS ?? t1;
    let last = false;
    if ((t + 1.01 * h - target) * direction >= 0) {
      h = target - t;
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
      const tNew = last ? target : t + h;
      if (switches !== undefined) {
        const stopS = switches.afterStep(t, tNew, y, yNew, f0, fNew, last);
        if (stopS !== undefined) {
          // A switching function changes sign inside the step: take the step back (counted
          // as rejected, so the step budget bounds it) and end the next one at its zero.
          dense?.dropLast();
          rejected++;
          h = stopS - t;
          continue;
        }
      }
      facOld = Math.max(err, 1e-4);
      let fac = fac11 / facOld ** stepper.beta;
      fac = Math.max(facc2, Math.min(facc1, fac / SAFETY));
      let hNew = h / fac;
      if (switches?.arrived === true) {
        // The steps that closed in on the zero say nothing of the steps after it: go on
        // with the step that first straddled it.
        switches.arrived = false;
        if (Math.abs(hNew) < switches.approachStepS) hNew = direction * switches.approachStepS;
      }
      steps++;
      t = tNew;
      const ty = y;
      y = yNew;
      yNew = ty;
      const tf = f0;
      f0 = fNew;
      fNew = tf;
      if (last && target === t1) return finish('ok');
      if (Math.abs(hNew) > s.maxStepS) hNew = direction * s.maxStepS;
      if (rejectLast) hNew = direction * Math.min(Math.abs(hNew), Math.abs(h));
      rejectLast = false;
      h = hNew;
    } else {
      rejected++;
      rejectLast = true;
      // A step rejected because it straddles a zero of a switching function would be cut
      // down by the error control in dozens of rejections: end the next one at the zero.
      const stopS = switches?.afterRejected(t, h, y, yNew, f0);
      if (stopS !== undefined) h = stopS - t;
      else h /= Math.min(facc1, fac11 / SAFETY);
    }
  }
}

/**
 * Width, in ulps of the time, of the final bracket of a zero of a switching function (as a
 * fraction of the step it is never below 2⁻⁵²): the zero is located to the resolution of
 * the time itself.
 */
const SWITCH_ULPS = 16;

/**
 * The switching functions of a run: their values at the start of the current step, the
 * search for a sign change along an accepted step, and the zero the run must stop at next.
 */
class SwitchWatch {
  /** Where the next step must end (a zero of a switching function), if anywhere. */
  stopS: number | undefined;
  /** Set when an accepted step has just ended at such a zero (cleared by the driver). */
  arrived = false;
  /** Magnitude of the step that first straddled the zero being approached, s. */
  approachStepS = 0;
  private readonly g: readonly ((tS: number, y: Float64Array) => number)[];
  private readonly gStart: Float64Array;
  private readonly gEnd: Float64Array;
  /** Values at the previous sample of the scan of a step (preallocated). */
  private readonly gSample: Float64Array;
  private readonly work: Float64Array;
  private readonly maxCheckS: number;
  private readonly minStepS: number;

  constructor(s: RunSettings, y0: Float64Array) {
    this.g = s.switches;
    this.gStart = Float64Array.from(s.switches, (g) => g(s.t0S, y0));
    this.gEnd = new Float64Array(s.switches.length);
    this.gSample = new Float64Array(s.switches.length);
    this.work = new Float64Array(s.n);
    this.maxCheckS = s.maxCheckIntervalS;
    this.minStepS = s.minStepS;
  }

  /**
   * Called after an accepted step from (t, y) to (tNew, yNew). Returns the time of the first
   * zero strictly inside the step (the step must then be taken again, to there), or
   * undefined when the step stands (the values at its end become those of the next start).
   */
  afterStep(
    t: number,
    tNew: number,
    y: Float64Array,
    yNew: Float64Array,
    f0: Float64Array,
    fNew: Float64Array,
    last: boolean,
  ): number | undefined {
    const g = this.g;
    const gStart = this.gStart;
    const gEnd = this.gEnd;
    const h = tNew - t;
    if (last && this.stopS !== undefined && tNew === this.stopS) {
      // Arrived at the zero as located on the step that straddled it. Where g depends on the
      // state, that step's end values were computed across the discontinuity and the zero may
      // still be a little ahead: then g has not changed sign yet and the next step locates it
      // again, from a step that straddles it by that little (the search converges).
      this.stopS = undefined;
      this.arrived = true;
    }
    // Samples at θ = j/m, j = 1…m; the last one is the step's end state itself. A zero within
    // the resolution of either end of the step, or within minStepS of its start, is stepped
    // over (its kink is that close to a step boundary already); the scan goes on past it,
    // and every function is evaluated at the end unless a zero inside the step ends it.
    const resolution = thetaResolution(t, h);
    const nearest = Math.max(resolution, this.minStepS / Math.abs(h));
    const m = Math.max(1, Math.ceil(Math.abs(h) / this.maxCheckS));
    let firstTheta = Number.POSITIVE_INFINITY;
    let thetaBefore = 0;
    const before = this.gSample;
    before.set(gStart);
    for (let j = 1; j <= m && firstTheta === Number.POSITIVE_INFINITY; j++) {
      const theta = j / m;
      let state = yNew;
      if (j < m) {
        this.hermiteInto(theta, h, y, yNew, f0, fNew);
        state = this.work;
      }
      const tj = j < m ? t + theta * h : tNew;
      for (let k = 0; k < g.length; k++) {
        const value = g[k]!(tj, state);
        if (j === m) gEnd[k] = value;
        if (changed(before[k]!, value)) {
          const theta0 = this.zero(k, thetaBefore, theta, before[k]!, t, h, y, yNew, f0, fNew);
          if (theta0 > nearest && theta0 < 1 - resolution && theta0 < firstTheta) {
            firstTheta = theta0;
          }
        }
        before[k] = value;
      }
      thetaBefore = theta;
    }
    if (firstTheta !== Number.POSITIVE_INFINITY) {
      if (this.stopS === undefined) this.approachStepS = Math.abs(h);
      this.stopS = t + firstTheta * h;
      return this.stopS;
    }
    gStart.set(gEnd);
    return undefined;
  }

  /**
   * Called after a rejected trial step from (t, y) to (t + h, yTrial). When a switching
   * function has changed sign at the trial's end, returns its first zero located on the
   * quadratic through y, h·f0 and yTrial (fNew is not known for a rejected step); the search
   * goes on from the steps that follow, as for an accepted step.
   */
  afterRejected(
    t: number,
    h: number,
    y: Float64Array,
    yTrial: Float64Array,
    f0: Float64Array,
  ): number | undefined {
    const g = this.g;
    const w = this.work;
    const at = (theta: number) => {
      for (let i = 0; i < w.length; i++) {
        w[i] = y[i]! + theta * (h * f0[i]! + theta * (yTrial[i]! - y[i]! - h * f0[i]!));
      }
      return w;
    };
    const resolution = thetaResolution(t, h);
    const nearest = Math.max(resolution, this.minStepS / Math.abs(h));
    let first = Number.POSITIVE_INFINITY;
    for (let k = 0; k < g.length; k++) {
      const gA = this.gStart[k]!;
      if (!changed(gA, g[k]!(t + h, yTrial))) continue;
      const b = bisect(0, 1, resolution, (mid) => changed(gA, g[k]!(t + mid * h, at(mid))));
      if (b > nearest && b < 1 - resolution && b < first) first = b;
    }
    if (first === Number.POSITIVE_INFINITY) return undefined;
    if (this.stopS === undefined) this.approachStepS = Math.abs(h);
    this.stopS = t + first * h;
    return this.stopS;
  }

  /**
   * The zero of function k between θa and θb (sign change known), by bisection on the
   * Hermite interpolant: the end of the final bracket on the far side of the zero.
   */
  private zero(
    k: number,
    thetaA: number,
    thetaB: number,
    gA: number,
    t: number,
    h: number,
    y: Float64Array,
    yNew: Float64Array,
    f0: Float64Array,
    fNew: Float64Array,
  ): number {
    const width = thetaResolution(t, h);
    return bisect(thetaA, thetaB, width, (mid) => {
      this.hermiteInto(mid, h, y, yNew, f0, fNew);
      return changed(gA, this.g[k]!(t + mid * h, this.work));
    });
  }

  /** The cubic Hermite interpolant of the step at θ, into the work vector. */
  private hermiteInto(
    theta: number,
    h: number,
    y: Float64Array,
    yNew: Float64Array,
    f0: Float64Array,
    fNew: Float64Array,
  ): void {
    const w = this.work;
    const theta1 = 1 - theta;
    for (let i = 0; i < w.length; i++) {
      const dy = yNew[i]! - y[i]!;
      const b2 = h * f0[i]! - dy;
      const b3 = dy - h * fNew[i]! - b2;
      w[i] = y[i]! + theta * (dy + theta1 * (b2 + theta * b3));
    }
  }
}

/**
 * Bisection of [a, b] down to `width`, where `crossed(θ)` tells whether the zero is at or
 * before θ: the end of the final bracket on the far side of the zero.
 */
function bisect(a: number, b: number, width: number, crossed: (theta: number) => boolean): number {
  let lo = a;
  let hi = b;
  while (hi - lo > width) {
    const mid = 0.5 * (lo + hi);
    if (crossed(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The smallest fraction of a step from t worth telling apart: a few ulps of the time. */
function thetaResolution(t: number, h: number): number {
  return Math.max(
    Number.EPSILON,
    (SWITCH_ULPS * Number.EPSILON * Math.max(Math.abs(t), Math.abs(h))) / Math.abs(h),
  );
}

/** Whether g went from one side of zero to the other (a value of exactly 0 is a side). */
function changed(before: number, after: number): boolean {
  return before < 0 ? after >= 0 : after < 0;
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
