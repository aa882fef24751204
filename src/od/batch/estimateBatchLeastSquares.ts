/**
 * Batch least-squares orbit determination: the state at an epoch, and optionally radiation
 * pressure coefficients, impulsive Δv at known epochs and sensor biases, fitted to a list of
 * measurements by the estimation engine ({@link solveNonlinearLeastSquares}).
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import { chiSquareQuantile } from '../../math';
import { Covariance, covarianceToLocalOrbital, StateVector, transformState } from '../../state';
import type { Measurement, Sensor } from '../measurements';
import {
  evaluateOrbitFit,
  type MeasurementFitResidual,
  type OrbitFitEvaluation,
  residualList,
  residualStatistics,
} from './evaluateOrbitFit';
import {
  type LeastSquaresEditing,
  type LeastSquaresIteration,
  type LeastSquaresStatus,
  solveNonlinearLeastSquares,
} from './nonlinearLeastSquares';
import { arcLayout, type EstimatedManeuver, OrbitArc } from './orbitArc';
import {
  arcContext,
  type EstimatorModelOptions,
  modelsFor,
  type OrbitDynamics,
} from './orbitDynamics';

/** Probability of the post-fit residual χ² test. */
const RESIDUAL_TEST_PROBABILITY = 0.99;

/** Which parameters are estimated besides the state. */
export interface BatchEstimateSelection {
  /** Estimate the radiation pressure coefficient `srp.cr` (needs `dynamics.srp`). */
  readonly srpCr?: boolean;
  /** Estimate the area-to-mass ratio `srp.areaToMassM2Kg`, m²/kg (needs `dynamics.srp`). */
  readonly srpAreaToMass?: boolean;
  /** Sensor parameters to estimate, by name: `'TAROT-CALERN.raBias'`, `'….decBias'`, `'….timeBias'`. */
  readonly sensorBiases?: readonly string[];
  /** Impulsive maneuvers at known epochs whose Δv is estimated. */
  readonly maneuvers?: readonly EstimatedManeuver[];
}

/** An a priori estimate of the parameters, in the order of `parameterNames` of the result. */
export interface BatchApriori {
  /** Values (default: the starting values), internal units (km, km/s, rad, s…). */
  readonly x?: ArrayLike<number>;
  /** Covariance, n×n rows, in those units squared. */
  readonly covariance: ReadonlyArray<ArrayLike<number>>;
}

/** Options of {@link estimateBatchLeastSquares}. */
export interface BatchLeastSquaresOptions {
  /** The measurements (RA/Dec, Az/El, range, range rate), in any order. */
  readonly measurements: readonly Measurement[];
  /** The sensors they come from. */
  readonly sensors: readonly Sensor[];
  /**
   * Starting orbit (an IOD solution, a catalogue state), GCRF or EME2000; its epoch is the
   * estimation epoch (measurements may lie on both sides of it).
   */
  readonly initialState: StateVector;
  /** Forces, radiation pressure, known maneuvers, integrator tolerances. */
  readonly dynamics: OrbitDynamics;
  /** Parameters estimated besides the state. */
  readonly estimate?: BatchEstimateSelection;
  /** A priori values and covariance of all the parameters. */
  readonly apriori?: BatchApriori;
  /** `'gauss-newton'` (default) or `'levenberg-marquardt'` (damped, for poor starts). */
  readonly method?: 'gauss-newton' | 'levenberg-marquardt';
  /**
   * Outlier editing (default: beyond 3σ × max(1, RMS) after 2 warm-up iterations, see
   * `LeastSquaresEditing.relativeToRms`); `false` turns it off.
   */
  readonly editing?: LeastSquaresEditing | false;
  /** Most iterations (default 25). */
  readonly maxIterations?: number;
  /** Convergence on the step, in σ of each parameter (default 1e-3). */
  readonly stepToleranceSigma?: number;
  /** Condition number above which the problem is reported unobservable (default 1e12). */
  readonly maxConditionNumber?: number;
  /** Options of the measurement models (light time, aberrations, frame options). */
  readonly modelOptions?: EstimatorModelOptions;
  /** Called after each iteration (progress lines). */
  readonly onIteration?: (iteration: LeastSquaresIteration) => void;
}

/** A one-sided χ² test of post-fit residuals. */
export interface ResidualChiSquareTest {
  /** Σ r² of the kept whitened residuals (dimensionless). */
  readonly statistic: number;
  /** Degrees of freedom: kept residual rows minus estimated parameters. */
  readonly dof: number;
  /** The 99 % quantile of χ²(dof) (NaN without degrees of freedom). */
  readonly threshold: number;
  /** Whether the statistic is at most the threshold; undefined without degrees of freedom. */
  readonly consistent: boolean | undefined;
}

/** An estimated parameter (not a state component). */
export interface EstimatedParameter {
  /** Name (`'srp.cr'`, `'dv0.dvT'`, `'TAROT-CALERN.raBias'`). */
  readonly name: string;
  /** Estimated value, in `unit`. */
  readonly value: number;
  /** Formal 1σ, in `unit` (NaN without a covariance). */
  readonly sigma: number;
  /** Unit ('' when dimensionless). */
  readonly unit: string;
}

/** The outcome of {@link estimateBatchLeastSquares}: data, never an exception for numerics. */
export interface BatchLeastSquaresResult {
  /** Whether a convergence test was met. */
  readonly converged: boolean;
  /** How the run ended. */
  readonly status: LeastSquaresStatus;
  /** A sentence on why, with figures. */
  readonly reason: string;
  /** Iterations made. */
  readonly iterations: number;
  /** The estimated state at the estimation epoch, GCRF. */
  readonly state: StateVector;
  /** Names of all the estimated quantities: x, y, z, vx, vy, vz, then the parameters. */
  readonly parameterNames: readonly string[];
  /** The parameters besides the state, with their σ. */
  readonly parameters: readonly EstimatedParameter[];
  /**
   * Formal covariance of all the estimated quantities (labels `parameterNames`, GCRF axes for
   * the state), undefined when the problem is unobservable.
   */
  readonly covariance: Covariance | undefined;
  /** 1σ of the position along radial, transverse and normal, km (NaN without a covariance). */
  readonly positionSigmaRtnKm: readonly [number, number, number];
  /** 1σ of the velocity along R, T, N, km/s (NaN without a covariance). */
  readonly velocitySigmaRtnKmS: readonly [number, number, number];
  /** RMS of the normalized residuals at the start (all measurements). */
  readonly preFitRms: number;
  /** RMS of the normalized residuals kept, at the estimate. */
  readonly postFitRms: number;
  /** On-sky RMS of the angle residuals at the start, arcsec (NaN without angles). */
  readonly preFitRmsArcsec: number;
  /** On-sky RMS of the angle residuals kept, at the estimate, arcsec. */
  readonly postFitRmsArcsec: number;
  /** Residuals of every measurement at the estimate, in the order given, with edited flags. */
  readonly residuals: readonly MeasurementFitResidual[];
  /** Number of measurements edited out. */
  readonly editedCount: number;
  /**
   * χ² test of the post-fit residuals kept: Σ r² against the 99 % quantile of χ²(rows − n).
   * `consistent` false says the model does not explain the data (an unmodelled maneuver, a
   * wrong σ), undefined when there are no degrees of freedom left.
   */
  readonly residualTest: ResidualChiSquareTest;
  /** Condition number of the column-scaled design matrix at the end. */
  readonly conditionNumber: number;
  /** Each iteration (RMS before the step, edited count, step size in σ, damping). */
  readonly history: readonly LeastSquaresIteration[];
  /**
   * Scores this solution (state, estimated parameters, same dynamics and sensors) on other
   * measurements.
   *
   * @param measurements - the measurements to score it on
   * @returns residuals and RMS
   */
  evaluate(measurements: readonly Measurement[]): OrbitFitEvaluation;
}

/**
 * Estimates an orbit by weighted batch least squares over a list of measurements: the state at
 * the initial state's epoch, plus the parameters chosen in `estimate`. Each iteration
 * propagates the orbit once forward (and once backward when measurements precede the epoch)
 * with the state transition matrix and the sensitivities, and predicts each measurement with
 * its partial derivatives (∂h/∂x(t)·Φ(t, t₀), ∂h/∂x(t)·S(t), ∂h/∂bias), at the time tag (the
 * models carry the state to the emission instant). The engine then takes a Gauss–Newton or
 * Levenberg–Marquardt step, edits outliers by residual ratio and reports unobservability with
 * the condition number.
 *
 * @param options - measurements, sensors, start, dynamics, parameters, method, editing
 * @returns the solution and its diagnostics (never throws for a numerical failure)
 * @throws {@link InvalidArgumentError} for an empty measurement list, an unknown sensor or
 *   parameter, SRP estimation without `dynamics.srp`
 * @throws {@link FrameMismatchError} for an initial state that cannot be brought to GCRF
 * @see Tapley, Schutz & Born, Statistical Orbit Determination (2004), §4.3–4.6;
 *   Montenbruck & Gill, Satellite Orbits (2000), §8.1–8.3
 * @example
 * ```ts
 * const [calern] = createExampleTelescopes();
 * const t0 = Epoch.fromIso('2024-03-01T20:00:00', 'UTC');
 * const truth = StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] });
 * const dynamics = { forces: [pointMassGravity()] };
 * const run = propagateNumerical({ initialState: truth, endEpoch: t0.plusSeconds(7200), forces: dynamics.forces });
 * const model = createRaDecModel(calern!);
 * const measurements = [600, 1200, 1800, 3600, 4200, 4800, 6600, 7200].map((dt) => {
 *   const p = model.predict(t0.plusSeconds(dt), run.ephemeris!);
 *   return RaDec.create({ epoch: p.epoch, sensorId: calern!.id, rightAscensionRad: p.values[0]!, declinationRad: p.values[1]!, sigmaRightAscensionRad: 5e-6, sigmaDeclinationRad: 5e-6 });
 * });
 * const start = StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [42170, 5, 1], velocityKmS: [0, 3.0745, 0] });
 * const fit = estimateBatchLeastSquares({ measurements, sensors: [calern!], initialState: start, dynamics, editing: false });
 * fit.converged; // true
 * Math.round(fit.state.positionKm[0]); // 42164
 * ```
 */
export function estimateBatchLeastSquares(
  options: BatchLeastSquaresOptions,
): BatchLeastSquaresResult {
  const { measurements, sensors, dynamics } = options;
  if (measurements.length === 0) {
    throw new InvalidArgumentError('measurements.length', 0, '', 'must not be empty');
  }
  const start =
    options.initialState.frame === 'GCRF'
      ? options.initialState
      : transformState(options.initialState, 'GCRF');
  const estimate = options.estimate ?? {};
  const models = modelsFor(measurements, sensors, options.modelOptions);
  const known = new Map<string, number>();
  for (const model of models) {
    model.parameterNames.forEach((name, j) => {
      known.set(name, model.parameterValues[j]!);
    });
  }
  const layout = arcLayout(start, dynamics, estimate, (name) => known.get(name));
  const n = layout.names.length;
  const arc = new OrbitArc(
    measurements,
    models,
    start.epoch,
    dynamics,
    layout,
    arcContext(dynamics, start.epoch),
    true,
  );
  // Raw residuals of the evaluations, keyed by the parameter array the engine passed.
  const rawOf = new WeakMap<Float64Array, Float64Array>();
  let firstRaw: Float64Array | undefined;
  let firstWhitened: Float64Array | undefined;
  const solution = solveNonlinearLeastSquares(
    {
      parameterNames: layout.names,
      rowMeasurement: arc.rowMeasurement,
      evaluate(x) {
        const e = arc.evaluate(x);
        if ('failure' in e) return e;
        rawOf.set(x, e.raw);
        firstRaw ??= e.raw;
        firstWhitened ??= e.whitened;
        return { residuals: e.whitened, jacobian: e.jacobian };
      },
    },
    layout.x0,
    {
      ...(options.method === undefined ? {} : { method: options.method }),
      editing: options.editing === false ? false : { relativeToRms: true, ...options.editing },
      ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
      ...(options.stepToleranceSigma === undefined
        ? {}
        : { stepToleranceSigma: options.stepToleranceSigma }),
      ...(options.maxConditionNumber === undefined
        ? {}
        : { maxConditionNumber: options.maxConditionNumber }),
      ...(options.onIteration === undefined ? {} : { onIteration: options.onIteration }),
      ...(options.apriori === undefined
        ? {}
        : {
            apriori: {
              x: options.apriori.x ?? layout.x0,
              covariance: options.apriori.covariance,
            },
          }),
    },
  );
  const x = solution.x;
  let raw = rawOf.get(x);
  if (raw === undefined) {
    const e = arc.evaluate(x);
    raw = 'failure' in e ? new Float64Array(arc.rows).fill(Number.NaN) : e.raw;
  }
  const state = StateVector.create({
    epoch: start.epoch,
    frame: 'GCRF',
    positionKm: [x[0]!, x[1]!, x[2]!],
    velocityKmS: [x[3]!, x[4]!, x[5]!],
  });
  let covariance: Covariance | undefined;
  let positionSigmaRtnKm: [number, number, number] = [Number.NaN, Number.NaN, Number.NaN];
  let velocitySigmaRtnKmS: [number, number, number] = [Number.NaN, Number.NaN, Number.NaN];
  if (solution.covariance !== undefined) {
    const data = solution.covariance.data;
    const matrix = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => data[i * n + j]!),
    );
    covariance = Covariance.create(
      {
        epoch: start.epoch,
        frame: 'GCRF',
        matrix,
        labels: layout.names,
        units: layout.units,
      },
      { checkPsd: false },
    );
    const stateBlock = Covariance.create(
      { epoch: start.epoch, frame: 'GCRF', matrix: matrix.slice(0, 6).map((r) => r.slice(0, 6)) },
      { checkPsd: false },
    );
    const s = covarianceToLocalOrbital(stateBlock, state).sigmas();
    positionSigmaRtnKm = [s[0]!, s[1]!, s[2]!];
    velocitySigmaRtnKmS = [s[3]!, s[4]!, s[5]!];
  }
  const parameters: EstimatedParameter[] = [];
  for (let j = 6; j < n; j++) {
    parameters.push(
      Object.freeze({
        name: layout.names[j]!,
        value: x[j]!,
        sigma: covariance === undefined ? Number.NaN : Math.sqrt(covariance.get(j, j)),
        unit: layout.units[j]!,
      }),
    );
  }
  const pre =
    firstRaw !== undefined && firstWhitened !== undefined
      ? residualStatistics(measurements, arc.rowMeasurement, firstRaw, firstWhitened)
      : { rms: Number.NaN, rmsArcsec: Number.NaN };
  const post = residualStatistics(
    measurements,
    arc.rowMeasurement,
    raw,
    solution.residuals,
    solution.edited,
  );
  const residuals = residualList(measurements, raw, solution.residuals, solution.edited);
  let statistic = 0;
  let keptRows = 0;
  for (let i = 0; i < arc.rows; i++) {
    if (solution.edited[arc.rowMeasurement[i]!] === 1) continue;
    statistic += solution.residuals[i]! ** 2;
    keptRows++;
  }
  const dof = keptRows - n;
  const threshold = dof > 0 ? chiSquareQuantile(RESIDUAL_TEST_PROBABILITY, dof) : Number.NaN;
  const residualTest = Object.freeze({
    statistic,
    dof,
    threshold,
    consistent: dof > 0 ? statistic <= threshold : undefined,
  });
  const sensorParameters: Record<string, number> = {};
  for (const [name, idx] of layout.biasIndex) sensorParameters[name] = x[idx]!;
  const solvedDynamics: OrbitDynamics = {
    ...dynamics,
    ...(dynamics.srp === undefined
      ? {}
      : {
          srp: {
            ...dynamics.srp,
            cr: layout.crIndex >= 0 ? x[layout.crIndex]! : dynamics.srp.cr,
            areaToMassM2Kg:
              layout.areaToMassIndex >= 0
                ? x[layout.areaToMassIndex]!
                : dynamics.srp.areaToMassM2Kg,
          },
        }),
    maneuvers: [
      ...(dynamics.maneuvers ?? []),
      ...layout.maneuvers.map((m, i) => {
        const j = layout.maneuverIndex[i]!;
        return {
          name: m.name,
          epoch: m.epoch,
          frame: m.frame,
          deltaVKmS: [x[j]!, x[j + 1]!, x[j + 2]!] as const,
        };
      }),
    ],
  };
  return Object.freeze({
    converged: solution.converged,
    status: solution.status,
    reason: solution.reason,
    iterations: solution.iterations,
    state,
    parameterNames: Object.freeze([...layout.names]),
    parameters: Object.freeze(parameters),
    covariance,
    positionSigmaRtnKm,
    velocitySigmaRtnKmS,
    preFitRms: solution.preFitRms,
    postFitRms: solution.postFitRms,
    preFitRmsArcsec: pre.rmsArcsec,
    postFitRmsArcsec: post.rmsArcsec,
    residuals: Object.freeze(residuals),
    editedCount: solution.editedCount,
    residualTest,
    conditionNumber: solution.conditionNumber,
    history: solution.history,
    evaluate: (other: readonly Measurement[]) =>
      evaluateOrbitFit({
        state,
        measurements: other,
        sensors,
        dynamics: solvedDynamics,
        sensorParameters,
        ...(options.modelOptions === undefined ? {} : { modelOptions: options.modelOptions }),
      }),
  });
}
