/**
 * The extended Kalman filter of an orbit over measurements in time order, with state noise
 * compensation in RTN, joint updates of measurements sharing an epoch, an innovation gate,
 * the NIS consistency test and the Rauch–Tung–Striebel smoother.
 *
 * @packageDocumentation
 */
import { AstroError, InvalidArgumentError } from '../../errors';
import { chiSquareQuantile, invertGeneralInto, multiplySmall } from '../../math';
import {
  type ImpulsiveManeuver,
  type NumericalPropagation,
  propagateNumerical,
} from '../../propagation';
import { Covariance, StateVector, transformCovariance, transformState } from '../../state';
import type { Epoch } from '../../time';
import {
  arcContext,
  componentResidual,
  type EstimatorModelOptions,
  forcesWith,
  modelsFor,
  OD_DEFAULT_ABS_TOL_KM,
  OD_DEFAULT_REL_TOL,
  type OrbitDynamics,
  shiftedContext,
  shortIntervalIntegrator,
} from '../batch/orbitDynamics';
import type { Measurement, Sensor } from '../measurements';
import { type ChiSquareConsistency, nisConsistency } from './consistency';
import {
  type KalmanEstimate,
  type KalmanStepRecord,
  kalmanPredict,
  kalmanUpdate,
  rtsSmooth,
} from './kalman';
import { type RtnProcessNoiseOptions, rtnProcessNoise } from './processNoise';

/** Options of {@link runOrbitFilter}. */
export interface OrbitFilterOptions {
  /** The measurements, in any order (the filter sorts them by time tag). */
  readonly measurements: readonly Measurement[];
  /** Their sensors. */
  readonly sensors: readonly Sensor[];
  /** Initial orbit, GCRF or EME2000 (its epoch may be after the first measurement). */
  readonly initialState: StateVector;
  /**
   * Initial covariance, 6×6 (km², km²/s, km²/s²): a `Covariance` (GCRF or EME2000, same epoch
   * as the state) or a matrix in GCRF.
   */
  readonly initialCovariance: Covariance | ReadonlyArray<ArrayLike<number>>;
  /** Forces, radiation pressure, known maneuvers, tolerances. */
  readonly dynamics: OrbitDynamics;
  /**
   * State noise compensation: white acceleration noise in RTN with a cap on the interval it is
   * accumulated over (default psd 1e-18 km²/s³ per axis — 1e-9 km/s² (1 µm/s²) held over
   * 1000 s — and a 3600 s cap, so that a day between two nights adds an hour's noise).
   */
  readonly processNoise?: RtnProcessNoiseOptions | false;
  /** Innovation gate: χ²(m) probability beyond which an update is refused (default 0.9999). */
  readonly gateProbability?: number;
  /** Run the RTS smoother after the filter (default true). */
  readonly smooth?: boolean;
  /** Options of the measurement models (light time, aberrations, frame options). */
  readonly modelOptions?: EstimatorModelOptions;
}

/** One filter step: the measurements of one epoch. */
export interface OrbitFilterStep {
  /** The time tag of the measurements. */
  readonly epoch: Epoch;
  /** Their indices in the list given. */
  readonly measurementIndices: readonly number[];
  /** Whether the joint update passed the gate. */
  readonly accepted: boolean;
  /** Normalized innovation squared of the joint update (dimensionless). */
  readonly nis: number;
  /** Its degrees of freedom (the number of components). */
  readonly dof: number;
  /** Innovations (pre-update residuals), internal units, components of all its measurements. */
  readonly innovations: readonly number[];
  /** State after the update (the prediction when refused), GCRF. */
  readonly state: StateVector;
  /** Covariance after the update, GCRF 6×6. */
  readonly covariance: Covariance;
}

/** What {@link runOrbitFilter} returns. */
export interface OrbitFilterResult {
  /** False when a propagation or a model failed (the steps made so far are returned). */
  readonly ok: boolean;
  /** Why not. */
  readonly reason: string;
  /** The steps, in time order. */
  readonly steps: readonly OrbitFilterStep[];
  /** State after the last step, GCRF. */
  readonly finalState: StateVector;
  /** Its covariance, GCRF. */
  readonly finalCovariance: Covariance;
  /** Smoothed states, one per step (empty without smoothing). */
  readonly smoothedStates: readonly StateVector[];
  /** Smoothed covariances, one per step. */
  readonly smoothedCovariances: readonly Covariance[];
  /** Two-sided χ²(95 %) test of the NIS of the accepted updates (the textbook test). */
  readonly nisTest: ChiSquareConsistency;
  /**
   * The same over every step, refused updates included: a filter whose model is wrong (an
   * unmodelled maneuver) fails it even when its gate refuses the data that show it, which
   * the test over accepted updates alone cannot see.
   */
  readonly nisTestAll: ChiSquareConsistency;
  /** Measurements used. */
  readonly acceptedCount: number;
  /** Measurements refused by the gate. */
  readonly rejectedCount: number;
}

const SAME_EPOCH_S = 1e-6;
/** Steps closer than this share a reference trajectory, s (a tracklet's points). */
const CLUSTER_GAP_S = 900;
/** Longest reference trajectory, s. */
const CLUSTER_SPAN_S = 3600;
/**
 * Largest distance of the estimate from the reference before a new run, km: the linear
 * carriage of a 1 km deviation over an hour of GEO errs by ~(1 km)²/r ≈ 0.03 m.
 */
const MAX_DEVIATION_KM = 1;
/**
 * Longest first step of an interval, s: the whole interval up to this (one DOP853 step of a
 * GEO or MEO orbit at the default tolerances; the error control shortens it for LEO).
 */
const FIRST_STEP_S = 1800;
const DEFAULT_PROCESS_NOISE: RtnProcessNoiseOptions = {
  psdKm2S3: [1e-18, 1e-18, 1e-18],
  maxIntervalS: 3600,
};

/**
 * Runs an extended Kalman filter over measurements in time order. Between two epochs the
 * state is propagated numerically with its state transition matrix (one run per interval,
 * sharing one force context over the arc), the covariance by Φ P Φᵀ + Q with Q the RTN state
 * noise compensation, capped across long gaps. Measurements with the same time tag are
 * updated together (Joseph form); an update whose NIS exceeds the gate is refused and
 * reported. Then, unless turned off, the RTS smoother runs backwards over the steps.
 *
 * @param options - measurements, sensors, initial state and covariance, dynamics, noise, gate
 * @returns the steps, the final estimate, the smoothed estimates and the NIS test
 * @throws {@link InvalidArgumentError} for no measurements, an unknown sensor, a covariance of
 *   the wrong size or epoch
 * @throws {@link FrameMismatchError} for a state or covariance that cannot be brought to GCRF
 * @see Tapley, Schutz & Born, Statistical Orbit Determination (2004), §4.7–4.9 (EKF, SNC)
 *   and §5.4 (smoother); Bar-Shalom, Li & Kirubarajan (2001), §5.4 (NIS)
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
 * const P0 = [1, 1, 1, 1e-6, 1e-6, 1e-6].map((v, i) => [0, 1, 2, 3, 4, 5].map((j) => (i === j ? v : 0)));
 * const filter = runOrbitFilter({ measurements, sensors: [calern!], initialState: truth, initialCovariance: P0, dynamics });
 * filter.acceptedCount; // 8
 * ```
 */
export function runOrbitFilter(options: OrbitFilterOptions): OrbitFilterResult {
  const { measurements, sensors, dynamics } = options;
  if (measurements.length === 0) {
    throw new InvalidArgumentError('measurements.length', 0, '', 'must not be empty');
  }
  const start =
    options.initialState.frame === 'GCRF'
      ? options.initialState
      : transformState(options.initialState, 'GCRF');
  const P0 = initialCovariance(options.initialCovariance, start.epoch);
  const models = modelsFor(measurements, sensors, options.modelOptions);
  const noise =
    options.processNoise === false ? undefined : (options.processNoise ?? DEFAULT_PROCESS_NOISE);
  const gateProbability = options.gateProbability ?? 0.9999;
  const forces = forcesWith(dynamics, undefined, undefined);
  const knownManeuvers = dynamics.maneuvers ?? [];
  const relTol = dynamics.relTol ?? OD_DEFAULT_REL_TOL;
  const absTolKm = dynamics.absTolKm ?? OD_DEFAULT_ABS_TOL_KM;
  const integrator = shortIntervalIntegrator(FIRST_STEP_S);

  // Steps: measurement indices grouped by time tag, in time order.
  const order = measurements.map((_, i) => i);
  order.sort((a, b) => measurements[a]!.epoch.secondsSince(measurements[b]!.epoch));
  const groups: number[][] = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    if (
      last !== undefined &&
      Math.abs(measurements[i]!.epoch.secondsSince(measurements[last[0]!]!.epoch)) < SAME_EPOCH_S
    ) {
      last.push(i);
    } else {
      groups.push([i]);
    }
  }
  const base = arcContext(
    dynamics,
    groups.length > 0 ? measurements[order[0]!]!.epoch : start.epoch,
  );

  let epoch = start.epoch;
  let estimate: KalmanEstimate = {
    x: Float64Array.of(...start.positionKm, ...start.velocityKmS),
    P: P0,
  };
  const records: KalmanStepRecord[] = [];
  const steps: OrbitFilterStep[] = [];
  const nisValues: number[] = [];
  const dofs: number[] = [];
  let accepted = 0;
  let rejected = 0;
  let failure = '';
  const identity = new Float64Array(36);
  for (let i = 0; i < 6; i++) identity[7 * i] = 1;
  const values = new Float64Array(6);
  const hx = new Float64Array(36);

  // The reference trajectory: one run (with STM and dense output) from the estimate at the
  // start of a cluster of closely spaced steps to the cluster's end. Within it the filter
  // carries the deviation of its estimate from the reference linearly, through
  // Φ(t, t₀) Φ(t_prev, t₀)⁻¹; a new run starts when the deviation exceeds
  // MAX_DEVIATION_KM, after a gap longer than CLUSTER_GAP_S, or at the cluster's end.
  let reference:
    | {
        readonly run: NumericalPropagation;
        readonly end: Epoch;
        /** Φ(t_prev, t₀)⁻¹ and y_ref(t_prev) at the current epoch. */
        phiPrevInverse: Float64Array;
        yPrev: Float64Array;
      }
    | undefined;
  const yRef = new Float64Array(6);
  const gateThresholds = new Map<number, number>();
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const tag = measurements[group[0]!]!.epoch;
    const dt = tag.secondsSince(epoch);
    let phi: Float64Array = identity;
    let predicted: KalmanEstimate = estimate;
    try {
      if (Math.abs(dt) >= SAME_EPOCH_S) {
        if (reference !== undefined && (dt < 0 || tag.secondsSince(reference.end) > SAME_EPOCH_S)) {
          reference = undefined;
        }
        if (reference === undefined) {
          // The cluster: following steps less than CLUSTER_GAP_S apart, within CLUSTER_SPAN_S.
          let end = tag;
          if (dt > 0) {
            for (let h = g + 1; h < groups.length; h++) {
              const next = measurements[groups[h]![0]!]!.epoch;
              if (
                next.secondsSince(end) > CLUSTER_GAP_S ||
                next.secondsSince(epoch) > CLUSTER_SPAN_S
              ) {
                break;
              }
              end = next;
            }
          }
          const span = end.secondsSince(epoch);
          const maneuvers: ImpulsiveManeuver[] = knownManeuvers.filter((m) => {
            const t = m.epoch.secondsSince(epoch);
            return dt > 0 && t > 0 && t <= span;
          });
          const run = propagateNumerical({
            initialState: StateVector.create({
              epoch,
              frame: 'GCRF',
              positionKm: estimate.x.subarray(0, 3),
              velocityKmS: estimate.x.subarray(3, 6),
            }),
            endEpoch: end,
            forces,
            maneuvers,
            stm: true,
            dense: end !== tag,
            relTol,
            absTolKm,
            integrator,
            context: shiftedContext(base, epoch),
          });
          if (run.status !== 'ok') {
            failure = `the propagation from ${epoch.toString()} stopped at ${run.reachedEpoch.toString()} (${run.status})`;
            break;
          }
          reference = {
            run,
            end,
            phiPrevInverse: identity,
            yPrev: Float64Array.from(estimate.x),
          };
        }
        const run = reference.run;
        const phiT = tag.equals(reference.end, SAME_EPOCH_S) ? run.stmAt() : run.stmAt(tag);
        if (run.ephemeris === undefined) {
          const fin = run.finalState;
          yRef.set(fin.positionKm, 0);
          yRef.set(fin.velocityKmS, 3);
        } else {
          run.ephemeris.positionVelocityInto(yRef, tag);
        }
        phi = multiplySmall(phiT, 6, 6, reference.phiPrevInverse, 6);
        // Predicted state: the reference plus the carried deviation.
        const deviation = new Float64Array(6);
        for (let i = 0; i < 6; i++) deviation[i] = estimate.x[i]! - reference.yPrev[i]!;
        const x = Float64Array.from(yRef);
        for (let i = 0; i < 6; i++) {
          let v = 0;
          for (let j = 0; j < 6; j++) v += phi[6 * i + j]! * deviation[j]!;
          x[i] = x[i]! + v;
        }
        const Q =
          noise === undefined
            ? undefined
            : rtnProcessNoise(estimate.x.subarray(0, 3), estimate.x.subarray(3, 6), dt, noise);
        predicted = kalmanPredict(estimate, phi, Q, x);
        const inverse = new Float64Array(36);
        if (!invertGeneralInto(inverse, phiT, 6)) {
          reference = undefined;
        } else {
          reference.phiPrevInverse = inverse;
          reference.yPrev = Float64Array.from(yRef);
        }
      }
      // Joint update of the measurements of this epoch.
      let m = 0;
      for (const k of group) m += measurements[k]!.values.length;
      const residual = new Float64Array(m);
      const H = new Float64Array(m * 6);
      const R = new Float64Array(m * m);
      let row = 0;
      for (const k of group) {
        const meas = measurements[k]!;
        const model = models[k]!;
        model.predictInto(values, hx, undefined, tag, predicted.x, tag);
        for (let c = 0; c < meas.values.length; c++) {
          residual[row] = componentResidual(meas, c, values[c]!);
          for (let j = 0; j < 6; j++) H[6 * row + j] = hx[6 * c + j]!;
          R[m * row + row] = meas.sigmas[c]! ** 2;
          row++;
        }
      }
      let gateThreshold = gateThresholds.get(m);
      if (gateThreshold === undefined) {
        gateThreshold =
          gateProbability >= 1 ? Number.POSITIVE_INFINITY : chiSquareQuantile(gateProbability, m);
        gateThresholds.set(m, gateThreshold);
      }
      const update = kalmanUpdate(
        predicted,
        { residual, H, R },
        { gateProbability, gateThreshold },
      );
      const updated: KalmanEstimate = { x: update.x, P: update.P };
      records.push({ phi, predicted, updated });
      nisValues.push(update.nis);
      dofs.push(update.dof);
      if (update.accepted) accepted += group.length;
      else rejected += group.length;
      steps.push(
        new FilterStep(tag, group, update.accepted, update.nis, update.dof, residual, updated),
      );
      estimate = updated;
      epoch = tag;
      if (reference !== undefined) {
        let d2 = 0;
        for (let i = 0; i < 3; i++) d2 += (updated.x[i]! - reference.yPrev[i]!) ** 2;
        if (d2 > MAX_DEVIATION_KM ** 2 || Math.abs(dt) < SAME_EPOCH_S) reference = undefined;
      }
    } catch (error) {
      if (!(error instanceof AstroError)) throw error;
      failure = `the step at ${tag.toString()} failed: ${error.message}`;
      break;
    }
  }

  let smoothedStates: StateVector[] = [];
  let smoothedCovariances: Covariance[] = [];
  if ((options.smooth ?? true) && records.length > 0) {
    const smoothed = rtsSmooth(records);
    smoothedStates = smoothed.map((s, k) => stateOf(steps[k]!.epoch, s.x));
    smoothedCovariances = smoothed.map((s, k) => covarianceOf(steps[k]!.epoch, s.P));
  }
  const finite = nisValues.map((v) => (Number.isFinite(v) ? v : 0));
  const acceptedSteps = steps.map((st, k) => (st.accepted ? k : -1)).filter((k) => k >= 0);
  return Object.freeze({
    ok: failure === '',
    reason: failure,
    steps: Object.freeze(steps),
    finalState: stateOf(epoch, estimate.x),
    finalCovariance: covarianceOf(epoch, estimate.P),
    smoothedStates: Object.freeze(smoothedStates),
    smoothedCovariances: Object.freeze(smoothedCovariances),
    nisTest: nisConsistency(
      acceptedSteps.map((k) => finite[k]!),
      acceptedSteps.map((k) => dofs[k]!),
    ),
    nisTestAll: nisConsistency(finite, dofs),
    acceptedCount: accepted,
    rejectedCount: rejected,
  });
}

function stateOf(epoch: Epoch, x: Float64Array): StateVector {
  return StateVector.create({
    epoch,
    frame: 'GCRF',
    positionKm: [x[0]!, x[1]!, x[2]!],
    velocityKmS: [x[3]!, x[4]!, x[5]!],
  });
}

function covarianceOf(epoch: Epoch, P: Float64Array): Covariance {
  const matrix = [0, 1, 2, 3, 4, 5].map((i) => Array.from(P.subarray(6 * i, 6 * i + 6)));
  return Covariance.create({ epoch, frame: 'GCRF', matrix }, { checkPsd: false });
}

function initialCovariance(
  given: Covariance | ReadonlyArray<ArrayLike<number>>,
  epoch: Epoch,
): Float64Array {
  let cov: Covariance;
  if (given instanceof Covariance) {
    if (!given.epoch.equals(epoch, SAME_EPOCH_S)) {
      throw new InvalidArgumentError(
        'initialCovariance.epoch',
        given.epoch.toString(),
        '',
        `must be the initial state's epoch ${epoch.toString()}`,
      );
    }
    cov = given.frame === 'GCRF' ? given : transformCovariance(given, 'GCRF');
  } else {
    cov = Covariance.create({ epoch, frame: 'GCRF', matrix: given.map((r) => Array.from(r)) });
  }
  if (cov.dim !== 6) {
    throw new InvalidArgumentError('initialCovariance.dim', cov.dim, '', 'must be 6');
  }
  return cov.toFloat64Array();
}

/** A filter step whose state and covariance objects are built when first read. */
class FilterStep implements OrbitFilterStep {
  readonly epoch: Epoch;
  readonly measurementIndices: readonly number[];
  readonly accepted: boolean;
  readonly nis: number;
  readonly dof: number;
  readonly innovations: readonly number[];
  readonly #estimate: KalmanEstimate;
  #state: StateVector | undefined;
  #covariance: Covariance | undefined;

  constructor(
    epoch: Epoch,
    indices: readonly number[],
    accepted: boolean,
    nis: number,
    dof: number,
    innovations: Float64Array,
    estimate: KalmanEstimate,
  ) {
    this.epoch = epoch;
    this.measurementIndices = Object.freeze([...indices]);
    this.accepted = accepted;
    this.nis = nis;
    this.dof = dof;
    this.innovations = Object.freeze(Array.from(innovations));
    this.#estimate = estimate;
  }

  get state(): StateVector {
    this.#state ??= stateOf(this.epoch, this.#estimate.x);
    return this.#state;
  }

  get covariance(): Covariance {
    this.#covariance ??= covarianceOf(this.epoch, this.#estimate.P);
    return this.#covariance;
  }
}
