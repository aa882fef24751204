/**
 * Scores an orbit on measurements: residuals and RMS of a state (and parameter values)
 * against an arc, for example a solution against the next night's data.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import type { StateVector } from '../../state';
import { transformState } from '../../state';
import type { Measurement, Sensor } from '../measurements';
import { arcLayout, OrbitArc } from './orbitArc';
import {
  arcContext,
  type EstimatorModelOptions,
  modelsFor,
  type OrbitDynamics,
  onSkyFactor,
} from './orbitDynamics';

/** The residuals of one measurement. */
export interface MeasurementFitResidual {
  /** Index of the measurement in the list given. */
  readonly index: number;
  /** Its time tag. */
  readonly epoch: StateVector['epoch'];
  /** Its sensor. */
  readonly sensorId: string;
  /** Its kind. */
  readonly kind: Measurement['kind'];
  /** Observed − computed per component, internal units (rad, km, km/s; RA wrapped). */
  readonly residuals: readonly number[];
  /** Residual / σ per component (dimensionless). */
  readonly normalized: readonly number[];
  /** Whether the estimator edited it out (always false from {@link evaluateOrbitFit}). */
  readonly edited: boolean;
}

/** Options of {@link evaluateOrbitFit}. */
export interface EvaluateOrbitFitOptions {
  /** The orbit: a GCRF or EME2000 state. */
  readonly state: StateVector;
  /** The measurements to score it on. */
  readonly measurements: readonly Measurement[];
  /** Their sensors. */
  readonly sensors: readonly Sensor[];
  /** Forces, radiation pressure, known maneuvers, tolerances. */
  readonly dynamics: OrbitDynamics;
  /**
   * Values of sensor parameters to use instead of the sensors' (`'TAROT-CALERN.raBias'`: rad,
   * `….timeBias`: s).
   */
  readonly sensorParameters?: Readonly<Record<string, number>>;
  /** Options of the measurement models (light time, aberrations, frame options). */
  readonly modelOptions?: EstimatorModelOptions;
}

/** What {@link evaluateOrbitFit} returns. */
export interface OrbitFitEvaluation {
  /** False when the orbit could not be propagated over the arc (see `reason`). */
  readonly ok: boolean;
  /** Why not, when `ok` is false. */
  readonly reason: string;
  /** RMS of the normalized residuals, over all components (dimensionless). */
  readonly rms: number;
  /**
   * RMS of the angle residuals on the sky, arcsec (RA residuals times cos δ), NaN without
   * angle measurements.
   */
  readonly rmsArcsec: number;
  /** Residuals per measurement. */
  readonly residuals: readonly MeasurementFitResidual[];
}

const ARCSEC_PER_RAD = 648000 / Math.PI;

/**
 * Residuals of an orbit against measurements: one propagation on each side of the state's
 * epoch with the given dynamics, the measurement models of the sensors, and the RMS.
 *
 * @param options - state, measurements, sensors, dynamics, parameter values, model options
 * @returns residuals and RMS, or `ok: false` with the reason when the propagation failed
 * @throws {@link InvalidArgumentError} for a measurement of an unknown sensor or kind, an
 *   unknown sensor parameter
 * @throws {@link FrameMismatchError} when the state is in a frame that cannot be transformed
 *   to GCRF
 * @see Tapley, Schutz & Born, Statistical Orbit Determination (2004), §4.2 (residuals)
 * @example
 * ```ts
 * const [calern] = createExampleTelescopes();
 * const t0 = Epoch.fromIso('2024-03-01T20:00:00', 'UTC');
 * const state = StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] });
 * const dynamics = { forces: [pointMassGravity()] };
 * const fit = evaluateOrbitFit({ state, dynamics, sensors: [calern!], measurements: [] });
 * fit.ok; // true
 * ```
 */
export function evaluateOrbitFit(options: EvaluateOrbitFitOptions): OrbitFitEvaluation {
  const state =
    options.state.frame === 'GCRF' ? options.state : transformState(options.state, 'GCRF');
  const models = modelsFor(options.measurements, options.sensors, options.modelOptions);
  const given = options.sensorParameters ?? {};
  const known = new Map<string, number>();
  for (const model of models) {
    model.parameterNames.forEach((name, j) => {
      known.set(name, model.parameterValues[j]!);
    });
  }
  for (const name of Object.keys(given)) {
    if (!known.has(name) && options.measurements.length > 0) {
      throw new InvalidArgumentError('sensorParameters', name, '', 'no model has this parameter');
    }
  }
  const biases = Object.keys(given).filter((name) => known.has(name));
  const layout = arcLayout(
    state,
    options.dynamics,
    { sensorBiases: biases },
    (name) => given[name] ?? known.get(name),
  );
  const arc = new OrbitArc(
    options.measurements,
    models,
    state.epoch,
    options.dynamics,
    layout,
    arcContext(options.dynamics, state.epoch),
    false,
  );
  const e = arc.evaluate(layout.x0);
  if ('failure' in e) {
    return { ok: false, reason: e.failure, rms: Number.NaN, rmsArcsec: Number.NaN, residuals: [] };
  }
  const residuals = residualList(options.measurements, e.raw, e.whitened);
  const stats = residualStatistics(options.measurements, arc.rowMeasurement, e.raw, e.whitened);
  return { ok: true, reason: '', rms: stats.rms, rmsArcsec: stats.rmsArcsec, residuals };
}

/**
 * Per-measurement residual records from row arrays.
 *
 * @internal
 */
export function residualList(
  measurements: readonly Measurement[],
  raw: Float64Array,
  whitened: Float64Array,
  edited?: Uint8Array,
): MeasurementFitResidual[] {
  const out: MeasurementFitResidual[] = [];
  let i = 0;
  measurements.forEach((m, k) => {
    const dim = m.values.length;
    out.push(
      Object.freeze({
        index: k,
        epoch: m.epoch,
        sensorId: m.sensorId,
        kind: m.kind,
        residuals: Object.freeze(Array.from(raw.subarray(i, i + dim))),
        normalized: Object.freeze(Array.from(whitened.subarray(i, i + dim))),
        edited: edited?.[k] === 1,
      }),
    );
    i += dim;
  });
  return out;
}

/**
 * RMS of the normalized residuals and on-sky angle RMS (arcsec) of the measurements kept.
 *
 * @internal
 */
export function residualStatistics(
  measurements: readonly Measurement[],
  rowMeasurement: Int32Array,
  raw: Float64Array,
  whitened: Float64Array,
  edited?: Uint8Array,
): { rms: number; rmsArcsec: number } {
  let sum = 0;
  let count = 0;
  let angleSum = 0;
  let angleCount = 0;
  let component = 0;
  for (let i = 0; i < rowMeasurement.length; i++) {
    const k = rowMeasurement[i]!;
    component = i > 0 && rowMeasurement[i - 1] === k ? component + 1 : 0;
    if (edited?.[k] === 1) continue;
    sum += whitened[i]! * whitened[i]!;
    count++;
    const m = measurements[k]!;
    if (m.kind === 'RADEC' || m.kind === 'AZEL') {
      const a = raw[i]! * onSkyFactor(m, component) * ARCSEC_PER_RAD;
      angleSum += a * a;
      angleCount++;
    }
  }
  return {
    rms: count > 0 ? Math.sqrt(sum / count) : Number.NaN,
    rmsArcsec: angleCount > 0 ? Math.sqrt(angleSum / angleCount) : Number.NaN,
  };
}
