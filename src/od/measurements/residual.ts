/**
 * Residuals of a measurement against a prediction: observed − computed, the angles that
 * wrap (right ascension, azimuth) brought to (−π, π], and normalized by the σ.
 *
 * @packageDocumentation
 */
import { FrameMismatchError, InvalidArgumentError } from '../../errors';
import type { Measurement } from './measurement';
import type { MeasurementPrediction } from './model';

/** Result of {@link measurementResidual}. */
export interface MeasurementResidual {
  /** Observed − computed per component, internal units (rad, km, km/s). */
  readonly residuals: readonly number[];
  /** Residual / σ per component (dimensionless). */
  readonly normalized: readonly number[];
}

const TWO_PI = 2 * Math.PI;

/**
 * Observed − computed for one measurement, the first component of RA/Dec and Az/El wrapped
 * to (−π, π], and each component divided by its σ.
 *
 * @param measurement - the observed value
 * @param predicted - a prediction (kind, sensor and RA/Dec axes are checked), or the computed
 *   components in the measurement's order and units
 * @param predictedAxes - the axes of a computed RA/Dec given as numbers (default: the
 *   measurement's)
 * @returns residuals (rad, km, km/s) and normalized residuals
 * @throws {@link InvalidArgumentError} when the kind, sensor or number of components differ
 * @throws {@link FrameMismatchError} when RA/Dec axes differ
 * @example
 * ```ts
 * const m = RaDec.create({
 *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
 *   sensorId: 'T',
 *   rightAscensionRad: 0.000001,
 *   declinationRad: 0,
 *   sigmaRightAscensionRad: 0.000001,
 *   sigmaDeclinationRad: 0.000001,
 * });
 * measurementResidual(m, [2 * Math.PI - 0.000001, 0]).normalized[0]; // ≈ 2
 * ```
 */
export function measurementResidual(
  measurement: Measurement,
  predicted: MeasurementPrediction | ArrayLike<number>,
  predictedAxes?: 'GCRF' | 'EME2000',
): MeasurementResidual {
  let values: ArrayLike<number>;
  if (isPrediction(predicted)) {
    if (predicted.kind !== measurement.kind) {
      throw new InvalidArgumentError(
        'predicted.kind',
        predicted.kind,
        '',
        `must be ${measurement.kind}`,
      );
    }
    if (predicted.sensorId !== measurement.sensorId) {
      throw new InvalidArgumentError(
        'predicted.sensorId',
        predicted.sensorId,
        '',
        `must be ${measurement.sensorId}`,
      );
    }
    values = predicted.values;
  } else {
    values = predicted;
  }
  if (
    measurement.kind === 'RADEC' &&
    predictedAxes !== undefined &&
    predictedAxes !== measurement.axes
  ) {
    throw new FrameMismatchError('RA/Dec residual', measurement.axes, predictedAxes);
  }
  const n = measurement.values.length;
  if (values.length !== n) {
    throw new InvalidArgumentError('predicted.length', values.length, '', `must be ${n}`);
  }
  const residuals: number[] = [];
  const normalized: number[] = [];
  const wraps = measurement.kind === 'RADEC' || measurement.kind === 'AZEL';
  for (let i = 0; i < n; i++) {
    let r = measurement.values[i]! - values[i]!;
    if (wraps && i === 0) r = wrapPi(r);
    residuals.push(r);
    normalized.push(r / measurement.sigmas[i]!);
  }
  return Object.freeze({
    residuals: Object.freeze(residuals),
    normalized: Object.freeze(normalized),
  });
}

/** An angle brought to (−π, π]. */
function wrapPi(angleRad: number): number {
  const a = angleRad - TWO_PI * Math.floor((angleRad + Math.PI) / TWO_PI);
  // a is in [−π, π); −π belongs to the other end.
  return a === -Math.PI ? Math.PI : a;
}

function isPrediction(p: MeasurementPrediction | ArrayLike<number>): p is MeasurementPrediction {
  return (p as MeasurementPrediction).statePartials !== undefined;
}
