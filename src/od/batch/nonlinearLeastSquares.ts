/**
 * The estimation engine of batch least squares: Gauss–Newton or Levenberg–Marquardt over a
 * problem that gives whitened residuals and their Jacobian, with an optional a priori, outlier
 * editing by residual ratio, and a result that says how it ended instead of throwing.
 *
 * It knows nothing of orbits: the orbit-determination layer turns measurements, a propagator
 * and its state transition matrix into a {@link LeastSquaresProblem}.
 */
import { InvalidArgumentError } from '../../errors';
import {
  cholesky,
  type DenseMatrix,
  lowerTriangularInverseInto,
  type MatrixInput,
  solveLeastSquaresSvd,
} from '../../math';

/** One evaluation of the model at a parameter vector. */
export interface LeastSquaresEvaluation {
  /**
   * Whitened residuals, one per row: (observed − computed) / σ (dimensionless). Rows of
   * different measurements must be independent; correlated components must be whitened by
   * the problem.
   */
  readonly residuals: Float64Array;
  /**
   * Whitened Jacobian of the computed values, row-major (rows × parameters):
   * ∂(computed_i / σ_i) / ∂x_j, in 1 per unit of x_j.
   */
  readonly jacobian: Float64Array;
}

/** Why an evaluation could not be made (e.g. the propagator failed): the run stops with it. */
export interface LeastSquaresEvaluationFailure {
  /** What went wrong, for the result's `reason`. */
  readonly failure: string;
}

/** A nonlinear least-squares problem in whitened form. */
export interface LeastSquaresProblem {
  /** Names of the parameters, in the order of x (e.g. 'x', 'vx', 'srp.cr', 'CALERN.raBias'). */
  readonly parameterNames: readonly string[];
  /**
   * The measurement each row belongs to (0-based, non-decreasing is not required): editing
   * removes whole measurements, e.g. both angles of an RA/Dec pair.
   */
  readonly rowMeasurement: Int32Array;
  /** Evaluates residuals and Jacobian at x; may return a failure instead. */
  evaluate(x: Float64Array): LeastSquaresEvaluation | LeastSquaresEvaluationFailure;
}

/** An a priori estimate of the parameters, weighing the solution towards it. */
export interface LeastSquaresApriori {
  /** The a priori values, in the units of x. */
  readonly x: ArrayLike<number>;
  /** Their covariance (n×n, symmetric positive definite), in the units of x squared. */
  readonly covariance: MatrixInput;
}

/** Outlier editing by residual ratio. */
export interface LeastSquaresEditing {
  /**
   * A measurement is edited when one of its whitened residuals exceeds this many σ. Default 3
   * (with 1 % of good Gaussian data edited per component).
   */
  readonly thresholdSigma?: number;
  /** Iterations run on all data before editing starts (default 2), so that a poor start is not mistaken for outliers. */
  readonly warmupIterations?: number;
  /**
   * Scale the threshold by the weighted RMS of the residuals kept so far when it exceeds 1
   * (edit beyond `thresholdSigma` × max(1, RMS)), so that a model error that raises every
   * residual (an unmodelled maneuver) is reported by a large RMS instead of editing all the
   * data, while isolated outliers are still edited. Default false.
   */
  readonly relativeToRms?: boolean;
}

/** Settings of {@link solveNonlinearLeastSquares}. */
export interface LeastSquaresOptions {
  /** `'gauss-newton'` (default) or `'levenberg-marquardt'` (damped steps, for poor starts). */
  readonly method?: 'gauss-newton' | 'levenberg-marquardt';
  /** Most iterations (Jacobian evaluations). Default 25. */
  readonly maxIterations?: number;
  /**
   * Convergence: every component of the last step is below this fraction of its formal σ.
   * Default 1e-3.
   */
  readonly stepToleranceSigma?: number;
  /**
   * Convergence also when the weighted RMS changed by less than this fraction between two
   * iterations with the same edited set. Default 1e-6.
   */
  readonly rmsRelativeTolerance?: number;
  /** A priori values and covariance (optional). */
  readonly apriori?: LeastSquaresApriori;
  /** Outlier editing; `false` turns it off. Default `{ thresholdSigma: 3, warmupIterations: 2 }`. */
  readonly editing?: LeastSquaresEditing | false;
  /**
   * Above this 2-norm condition number of the column-scaled design matrix the problem is
   * reported as `'unobservable'`. Default 1e12.
   */
  readonly maxConditionNumber?: number;
  /** First Levenberg–Marquardt damping λ (relative to the scaled normal matrix). Default 1e-3. */
  readonly initialDamping?: number;
  /** Called after each iteration (for progress lines). */
  readonly onIteration?: (iteration: LeastSquaresIteration) => void;
}

/** What one iteration did. */
export interface LeastSquaresIteration {
  /** 1-based iteration number. */
  readonly iteration: number;
  /** Weighted RMS of the residuals kept, before the step (dimensionless, in σ). */
  readonly rms: number;
  /** Measurements edited in this iteration. */
  readonly editedCount: number;
  /** Largest |step_j| / σ_j of the step taken. */
  readonly stepSigma: number;
  /** Levenberg–Marquardt damping used (0 for Gauss–Newton). */
  readonly damping: number;
  /** Condition number of the column-scaled design matrix. */
  readonly conditionNumber: number;
}

/** How a run ended. */
export type LeastSquaresStatus =
  | 'converged-step'
  | 'converged-rms'
  | 'max-iterations'
  | 'unobservable'
  | 'evaluation-failed'
  | 'too-few-measurements';

/** The outcome of {@link solveNonlinearLeastSquares}: data, never an exception for numerics. */
export interface LeastSquaresResult {
  /** Whether a convergence test was met. */
  readonly converged: boolean;
  /** How the run ended. */
  readonly status: LeastSquaresStatus;
  /** A sentence on why, with figures. */
  readonly reason: string;
  /** Iterations made (Jacobian evaluations). */
  readonly iterations: number;
  /** The estimate (the last accepted one when not converged). */
  readonly x: Float64Array;
  /** Its formal covariance (n×n), (HᵀWH + P̄⁻¹)⁻¹ at the estimate; undefined when unobservable. */
  readonly covariance: DenseMatrix | undefined;
  /** Weighted RMS of the residuals at the start (dimensionless, all measurements). */
  readonly preFitRms: number;
  /** Weighted RMS of the kept residuals at the estimate. */
  readonly postFitRms: number;
  /** Whitened residuals of every row at the estimate (edited rows included). */
  readonly residuals: Float64Array;
  /** Per measurement, whether it was edited in the final solution. */
  readonly edited: Uint8Array;
  /** Number of measurements edited in the final solution. */
  readonly editedCount: number;
  /** Condition number of the column-scaled design matrix at the last iteration. */
  readonly conditionNumber: number;
  /** Numerical rank of that matrix. */
  readonly rank: number;
  /** Each iteration, in order. */
  readonly history: readonly LeastSquaresIteration[];
}

const DEFAULTS = {
  maxIterations: 25,
  stepToleranceSigma: 1e-3,
  rmsRelativeTolerance: 1e-6,
  maxConditionNumber: 1e12,
  initialDamping: 1e-3,
  thresholdSigma: 3,
  warmupIterations: 2,
} as const;

/** Most damping increases tried within one Levenberg–Marquardt iteration (λ grows by 2, 4, 8…). */
const MAX_DAMPING_TRIES = 20;

/**
 * Minimises Σ r_i(x)² over x (whitened residuals) by Gauss–Newton or Levenberg–Marquardt,
 * with an optional a priori and outlier editing.
 *
 * Each step solves the column-scaled, stacked linear problem [H; L⁻¹]·δ = [r; L⁻¹(x̄ − x)]
 * (P̄ = L·Lᵀ) by one SVD, which gives the formal covariance and the condition number without
 * forming the normal equations. Levenberg–Marquardt adds √λ·I rows in the scaled space
 * (Marquardt's diagonal scaling), accepts a step only when the cost decreases, and updates λ
 * from the ratio of actual to predicted reduction (Nielsen's rule).
 * Measurements whose whitened residual exceeds the threshold are edited after the warm-up
 * iterations and re-tested at every iteration; convergence requires the edited set to be
 * unchanged.
 *
 * @param problem - residuals and Jacobian as functions of x
 * @param x0 - starting values, in the units of x
 * @param options - method, iteration limit, convergence, a priori, editing
 * @returns the estimate, its covariance, residuals, edited measurements and how the run ended
 * @throws {@link InvalidArgumentError} for inconsistent sizes or options (misuse only)
 * @see Tapley, Schutz & Born, Statistical Orbit Determination (2004), §4.3–4.6; Marquardt
 *   (1963), SIAM J. Appl. Math. 11, 431
 *
 * @example
 * ```ts
 * // Fit y = a·exp(b·t) to four exact points of a = 2, b = −0.5, σ = 1.
 * const t = [0, 1, 2, 3];
 * const y = t.map((ti) => 2 * Math.exp(-0.5 * ti));
 * const result = solveNonlinearLeastSquares(
 *   {
 *     parameterNames: ['a', 'b'],
 *     rowMeasurement: Int32Array.from(t, (_, i) => i),
 *     evaluate(x) {
 *       const residuals = new Float64Array(4);
 *       const jacobian = new Float64Array(8);
 *       t.forEach((ti, i) => {
 *         const e = Math.exp(x[1]! * ti);
 *         residuals[i] = y[i]! - x[0]! * e;
 *         jacobian[2 * i] = e;
 *         jacobian[2 * i + 1] = x[0]! * ti * e;
 *       });
 *       return { residuals, jacobian };
 *     },
 *   },
 *   [1, 0],
 *   { editing: false },
 * );
 * result.converged; // true
 * result.x[1]; // ≈ -0.5
 * ```
 */
export function solveNonlinearLeastSquares(
  problem: LeastSquaresProblem,
  x0: ArrayLike<number>,
  options: LeastSquaresOptions = {},
): LeastSquaresResult {
  const n = problem.parameterNames.length;
  if (x0.length !== n) {
    throw new InvalidArgumentError(
      'x0.length',
      x0.length,
      '',
      `must equal the number of parameters (${n}: ${problem.parameterNames.join(', ')})`,
    );
  }
  const rows = problem.rowMeasurement.length;
  let measurementCount = 0;
  for (let i = 0; i < rows; i++) {
    const k = problem.rowMeasurement[i]!;
    if (!(k >= 0)) {
      throw new InvalidArgumentError(`rowMeasurement[${i}]`, k, '', 'must be ≥ 0');
    }
    measurementCount = Math.max(measurementCount, k + 1);
  }
  const method = options.method ?? 'gauss-newton';
  if (method !== 'gauss-newton' && method !== 'levenberg-marquardt') {
    throw new InvalidArgumentError(
      'method',
      method,
      '',
      "must be 'gauss-newton' or 'levenberg-marquardt'",
    );
  }
  const maxIterations = positiveInteger(
    'maxIterations',
    options.maxIterations ?? DEFAULTS.maxIterations,
  );
  const stepTol = positive(
    'stepToleranceSigma',
    options.stepToleranceSigma ?? DEFAULTS.stepToleranceSigma,
  );
  const rmsTol = positive(
    'rmsRelativeTolerance',
    options.rmsRelativeTolerance ?? DEFAULTS.rmsRelativeTolerance,
  );
  const maxCond = positive(
    'maxConditionNumber',
    options.maxConditionNumber ?? DEFAULTS.maxConditionNumber,
  );
  const editing = options.editing === false ? undefined : (options.editing ?? {});
  const threshold = editing
    ? positive('editing.thresholdSigma', editing.thresholdSigma ?? DEFAULTS.thresholdSigma)
    : Number.POSITIVE_INFINITY;
  const warmup = editing ? (editing.warmupIterations ?? DEFAULTS.warmupIterations) : 0;
  if (!(Number.isInteger(warmup) && warmup >= 0)) {
    throw new InvalidArgumentError(
      'editing.warmupIterations',
      warmup,
      '',
      'must be an integer ≥ 0',
    );
  }
  const prior = options.apriori ? readApriori(options.apriori, n) : undefined;

  let x: Float64Array = Float64Array.from(x0);
  const edited = new Uint8Array(measurementCount);
  const history: LeastSquaresIteration[] = [];
  let damping =
    method === 'levenberg-marquardt' ? (options.initialDamping ?? DEFAULTS.initialDamping) : 0;
  // Nielsen's growth factor of the damping after a rejected step.
  let growth = 2;

  const first = problem.evaluate(x);
  if ('failure' in first) {
    return failed(x, 0, first.failure, rows, measurementCount, history);
  }
  checkEvaluation(first, rows, n);
  let evaluation: LeastSquaresEvaluation = first;
  const preFitRms = rmsOf(evaluation.residuals, undefined, problem.rowMeasurement);

  let lastRms = Number.NaN;
  let lastEditedCount = -1;
  let conditionNumber = Number.NaN;
  let rank = 0;
  let covariance: DenseMatrix | undefined;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    // Editing, from the residuals at the current estimate.
    let editedChanged = false;
    if (editing && iteration > warmup) {
      const scale = editing.relativeToRms
        ? Math.max(1, rmsOf(evaluation.residuals, edited, problem.rowMeasurement) || 1)
        : 1;
      editedChanged = editMeasurements(
        evaluation.residuals,
        problem.rowMeasurement,
        threshold * scale,
        edited,
      );
    }
    const editedCount = countOnes(edited);
    const kept = keptRowCount(problem.rowMeasurement, edited);
    if (kept + (prior ? n : 0) < n) {
      return {
        ...failed(x, iteration - 1, '', rows, measurementCount, history),
        status: 'too-few-measurements',
        reason: `${kept} residual rows kept (${editedCount} measurements edited) for ${n} parameters`,
        residuals: evaluation.residuals,
        edited,
        editedCount,
      };
    }
    const rms = rmsOf(evaluation.residuals, edited, problem.rowMeasurement);
    const cost = costOf(evaluation.residuals, edited, problem.rowMeasurement, x, prior);
    // A stop inside this iteration, at the current estimate.
    const stop = (
      status: LeastSquaresStatus,
      reason: string,
      stopCovariance: DenseMatrix | undefined,
    ): LeastSquaresResult => ({
      converged: false,
      status,
      reason,
      iterations: iteration,
      x,
      covariance: stopCovariance,
      preFitRms,
      postFitRms: rms,
      residuals: evaluation.residuals,
      edited,
      editedCount,
      conditionNumber,
      rank,
      history,
    });

    // The linearised step, with Levenberg–Marquardt damping when asked.
    let step: Step | undefined;
    let next: LeastSquaresEvaluation | undefined;
    let nextX: Float64Array | undefined;
    for (let attempt = 0; attempt <= (damping > 0 ? MAX_DAMPING_TRIES : 0); attempt++) {
      step = linearStep(evaluation, problem.rowMeasurement, edited, x, prior, damping, n);
      conditionNumber = step.conditionNumber;
      rank = step.rank;
      if (step.rank < n || step.conditionNumber > maxCond) {
        return stop(
          'unobservable',
          `the column-scaled design matrix has rank ${step.rank} of ${n} and condition number ${step.conditionNumber.toExponential(3)} (limit ${maxCond.toExponential(1)}): the parameters are not all observable from these data`,
          undefined,
        );
      }
      nextX = new Float64Array(n);
      for (let j = 0; j < n; j++) nextX[j] = x[j]! + step.delta[j]!;
      const e = problem.evaluate(nextX);
      if ('failure' in e) {
        if (damping > 0) {
          damping *= growth;
          growth *= 2;
          continue;
        }
        return stop('evaluation-failed', failureReason(e.failure), undefined);
      }
      checkEvaluation(e, rows, n);
      if (damping > 0) {
        // Gain ratio: actual over predicted reduction of the cost (Nielsen 1999; Madsen,
        // Nielsen & Tingleff 2004, §3.2).
        const actual = cost - costOf(e.residuals, edited, problem.rowMeasurement, nextX, prior);
        const predicted = cost - step.predictedCost;
        const rho = predicted > 0 ? actual / predicted : -1;
        if (!(rho > 0)) {
          damping *= growth;
          growth *= 2;
          next = undefined;
          continue;
        }
        damping *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
        growth = 2;
      }
      next = e;
      break;
    }
    if (next === undefined || step === undefined || nextX === undefined) {
      return stop(
        'max-iterations',
        `Levenberg–Marquardt found no step that lowers the cost after ${MAX_DAMPING_TRIES} damping increases (λ = ${damping.toExponential(2)})`,
        covariance,
      );
    }
    const stepSigma = maxStepSigma(step.delta, step.covariance);
    history.push({ iteration, rms, editedCount, stepSigma, damping, conditionNumber });
    options.onIteration?.(history[history.length - 1]!);
    x = nextX;
    evaluation = next;
    covariance = step.covariance;

    const stable = !editedChanged && editedCount === lastEditedCount;
    const newRms = rmsOf(evaluation.residuals, edited, problem.rowMeasurement);
    const editingStarted = !editing || iteration > warmup;
    if (editingStarted && (stable || !editing) && stepSigma < stepTol) {
      return done(
        'converged-step',
        `the last step was ${stepSigma.toExponential(2)} σ at most (tolerance ${stepTol} σ)`,
      );
    }
    if (
      editingStarted &&
      (stable || !editing) &&
      Number.isFinite(lastRms) &&
      Math.abs(newRms - lastRms) <= rmsTol * lastRms &&
      Math.abs(newRms - rms) <= rmsTol * rms
    ) {
      return done(
        'converged-rms',
        `the weighted RMS changed by less than ${rmsTol} relative (${newRms.toPrecision(6)})`,
      );
    }
    lastRms = rms;
    lastEditedCount = editedCount;
  }
  return done('max-iterations', `no convergence in ${maxIterations} iterations`);

  function done(status: LeastSquaresStatus, reason: string): LeastSquaresResult {
    // Covariance and residuals at the final estimate.
    const final = linearStep(evaluation, problem.rowMeasurement, edited, x, prior, 0, n);
    const converged = status === 'converged-step' || status === 'converged-rms';
    return {
      converged,
      status,
      reason,
      iterations: history.length,
      x,
      covariance: final.rank === n ? final.covariance : undefined,
      preFitRms,
      postFitRms: rmsOf(evaluation.residuals, edited, problem.rowMeasurement),
      residuals: evaluation.residuals,
      edited,
      editedCount: countOnes(edited),
      conditionNumber: final.conditionNumber,
      rank: final.rank,
      history,
    };
  }
}

// ---------------------------------------------------------------------------------------------

interface Prior {
  readonly x: Float64Array;
  /** L⁻¹, lower triangular, row-major (P̄ = L·Lᵀ). */
  readonly lInverse: Float64Array;
}

interface Step {
  readonly delta: Float64Array;
  /** The cost the linear model predicts after the step (the undamped stacked system's). */
  readonly predictedCost: number;
  readonly covariance: DenseMatrix;
  readonly conditionNumber: number;
  readonly rank: number;
}

function readApriori(apriori: LeastSquaresApriori, n: number): Prior {
  if (apriori.x.length !== n) {
    throw new InvalidArgumentError('apriori.x.length', apriori.x.length, '', `must be ${n}`);
  }
  const chol = cholesky(apriori.covariance);
  if (!chol.ok) {
    throw new InvalidArgumentError('apriori.covariance', '(matrix)', '', chol.reason);
  }
  const L = chol.L;
  if (L.rows !== n) {
    throw new InvalidArgumentError(
      'apriori.covariance',
      `${L.rows}×${L.cols}`,
      '',
      `must be ${n}×${n}`,
    );
  }
  // The factor's diagonal is positive (cholesky succeeded), so the inverse exists.
  const inv = new Float64Array(n * n);
  lowerTriangularInverseInto(inv, L.data, n);
  return { x: Float64Array.from(apriori.x), lInverse: inv };
}

/** Solves the scaled, stacked, optionally damped linear problem for the step. */
function linearStep(
  evaluation: LeastSquaresEvaluation,
  rowMeasurement: Int32Array,
  edited: Uint8Array,
  x: Float64Array,
  prior: Prior | undefined,
  damping: number,
  n: number,
): Step {
  const rows: ArrayLike<number>[] = [];
  const rhs: number[] = [];
  const H = evaluation.jacobian;
  for (let i = 0; i < rowMeasurement.length; i++) {
    if (edited[rowMeasurement[i]!] === 1) continue;
    rows.push(H.subarray(i * n, (i + 1) * n));
    rhs.push(evaluation.residuals[i]!);
  }
  if (prior) {
    for (let i = 0; i < n; i++) {
      const row = new Float64Array(n);
      let b = 0;
      for (let k = 0; k <= i; k++) {
        row[k] = prior.lInverse[i * n + k]!;
        b += prior.lInverse[i * n + k]! * (prior.x[k]! - x[k]!);
      }
      rows.push(row);
      rhs.push(b);
    }
  }
  // Column scaling: unit column norms, so that the condition number measures observability
  // rather than the choice of units.
  const scale = new Float64Array(n);
  for (const row of rows) for (let j = 0; j < n; j++) scale[j] = scale[j]! + row[j]! * row[j]!;
  for (let j = 0; j < n; j++) scale[j] = scale[j]! > 0 ? Math.sqrt(scale[j]!) : 1;
  const scaled = rows.map((row) => Float64Array.from(row, (v, j) => v / scale[j]!));
  const undamped = solveLeastSquaresSvd(scaled, rhs);
  let solution = undamped;
  if (damping > 0) {
    const damped: ArrayLike<number>[] = scaled.slice();
    const dampedRhs = rhs.slice();
    const sqrtLambda = Math.sqrt(damping);
    for (let j = 0; j < n; j++) {
      const row = new Float64Array(n);
      row[j] = sqrtLambda;
      damped.push(row);
      dampedRhs.push(0);
    }
    solution = solveLeastSquaresSvd(damped, dampedRhs);
  }
  const delta = new Float64Array(n);
  for (let j = 0; j < n; j++) delta[j] = solution.x[j]! / scale[j]!;
  let predictedCost = 0;
  for (let i = 0; i < scaled.length; i++) {
    let v = rhs[i]!;
    const row = scaled[i]!;
    for (let j = 0; j < n; j++) v -= row[j]! * solution.x[j]!;
    predictedCost += v * v;
  }
  const cov = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      cov[i * n + j] = undamped.covariance.data[i * n + j]! / (scale[i]! * scale[j]!);
    }
  }
  return {
    delta,
    predictedCost,
    covariance: { rows: n, cols: n, data: cov },
    conditionNumber: undamped.conditionNumber,
    rank: undamped.rank,
  };
}

function editMeasurements(
  residuals: Float64Array,
  rowMeasurement: Int32Array,
  threshold: number,
  edited: Uint8Array,
): boolean {
  const worst = new Float64Array(edited.length);
  for (let i = 0; i < residuals.length; i++) {
    const k = rowMeasurement[i]!;
    worst[k] = Math.max(worst[k]!, Math.abs(residuals[i]!));
  }
  let changed = false;
  for (let k = 0; k < edited.length; k++) {
    const e = worst[k]! > threshold ? 1 : 0;
    if (e !== edited[k]) changed = true;
    edited[k] = e;
  }
  return changed;
}

function rmsOf(
  residuals: Float64Array,
  edited: Uint8Array | undefined,
  rowMeasurement: Int32Array,
): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < residuals.length; i++) {
    if (edited && edited[rowMeasurement[i]!] === 1) continue;
    sum += residuals[i]! * residuals[i]!;
    count++;
  }
  return count > 0 ? Math.sqrt(sum / count) : Number.NaN;
}

function costOf(
  residuals: Float64Array,
  edited: Uint8Array,
  rowMeasurement: Int32Array,
  x: Float64Array,
  prior: Prior | undefined,
): number {
  let sum = 0;
  for (let i = 0; i < residuals.length; i++) {
    if (edited[rowMeasurement[i]!] === 1) continue;
    sum += residuals[i]! * residuals[i]!;
  }
  if (prior) {
    const n = x.length;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let k = 0; k <= i; k++) v += prior.lInverse[i * n + k]! * (x[k]! - prior.x[k]!);
      sum += v * v;
    }
  }
  return sum;
}

function maxStepSigma(delta: Float64Array, covariance: DenseMatrix): number {
  const n = delta.length;
  let worst = 0;
  for (let j = 0; j < n; j++) {
    const sigma = Math.sqrt(covariance.data[j * n + j]!);
    worst = Math.max(worst, sigma > 0 ? Math.abs(delta[j]!) / sigma : Number.POSITIVE_INFINITY);
  }
  return worst;
}

function keptRowCount(rowMeasurement: Int32Array, edited: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < rowMeasurement.length; i++) if (edited[rowMeasurement[i]!] !== 1) count++;
  return count;
}

function countOnes(flags: Uint8Array): number {
  let count = 0;
  for (const f of flags) count += f;
  return count;
}

function checkEvaluation(e: LeastSquaresEvaluation, rows: number, n: number): void {
  if (e.residuals.length !== rows) {
    throw new InvalidArgumentError(
      'residuals.length',
      e.residuals.length,
      '',
      `must be ${rows} (rowMeasurement.length)`,
    );
  }
  if (e.jacobian.length !== rows * n) {
    throw new InvalidArgumentError(
      'jacobian.length',
      e.jacobian.length,
      '',
      `must be ${rows} × ${n}`,
    );
  }
}

function failureReason(failure: string): string {
  return `the model could not be evaluated: ${failure}`;
}

function failed(
  x: Float64Array,
  iterations: number,
  failure: string,
  rows: number,
  measurementCount: number,
  history: readonly LeastSquaresIteration[],
): LeastSquaresResult {
  return {
    converged: false,
    status: 'evaluation-failed',
    reason: failureReason(failure),
    iterations,
    x,
    covariance: undefined,
    preFitRms: Number.NaN,
    postFitRms: Number.NaN,
    residuals: new Float64Array(rows),
    edited: new Uint8Array(measurementCount),
    editedCount: 0,
    conditionNumber: Number.NaN,
    rank: 0,
    history,
  };
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, '', 'must be a positive finite number');
  }
  return value;
}

function positiveInteger(name: string, value: number): number {
  if (!(Number.isInteger(value) && value > 0)) {
    throw new InvalidArgumentError(name, value, '', 'must be a positive integer');
  }
  return value;
}
