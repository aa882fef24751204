/**
 * The contract of a measurement model: predicted value and partial derivatives, for
 * simulation, batch least squares and the Kalman filter alike (after Orekit's
 * `EstimatedMeasurement` / `ObservedMeasurement` split).
 *
 * @packageDocumentation
 */
import type { FrameId, FrameTransformOptions } from '../../frames';
import type { Vec3Like } from '../../math';
import type { Epoch } from '../../time';
import type { MeasurementKind } from './measurement';

/**
 * A target trajectory: anything that gives a GCRF position and velocity at an instant. The
 * numerical propagator's `Ephemeris` satisfies it.
 */
export interface TargetTrajectory {
  /** Frame of the states it gives; the models accept `'GCRF'`. */
  readonly frame: FrameId;
  /**
   * Writes [x, y, z, vx, vy, vz] (km, km/s) at `epoch` into `out` and returns `out`.
   *
   * @param out - length ≥ 6
   * @param epoch - the instant
   * @returns `out`
   */
  positionVelocityInto(out: Float64Array, epoch: Epoch): Float64Array;
}

/** A target state at an instant (a `StateVector` is one). */
export interface TargetStateAtEpoch {
  /** The instant of the state. */
  readonly epoch: Epoch;
  /** Its frame; the models accept `'GCRF'`. */
  readonly frame: FrameId;
  /** Position, km. */
  readonly positionKm: ArrayLike<number>;
  /** Velocity, km/s. */
  readonly velocityKmS: ArrayLike<number>;
}

/** What a model predicts from: a state near the measurement, or a whole trajectory. */
export type MeasurementTarget = TargetStateAtEpoch | TargetTrajectory;

/**
 * The predicted measurement and its partial derivatives.
 *
 * `statePartials` are ∂h/∂x with x the GCRF state (km, km/s) at `partialsEpoch`: the state's
 * own epoch when the prediction was made from a state, the emission instant (reception − τ −
 * time bias) when it was made from a trajectory (`partialsAt: 'emission'`; multiply by the
 * trajectory's state transition matrix Φ(t_emission, t₀) for the partials with respect to the
 * state at t₀).
 */
export interface MeasurementPrediction {
  /** Kind of the measurement. */
  readonly kind: MeasurementKind;
  /** Sensor of the model. */
  readonly sensorId: string;
  /** The time tag the prediction is for. */
  readonly epoch: Epoch;
  /** Predicted components, with the biases (rad, km, km/s; RA and azimuth in [0, 2π)). */
  readonly values: readonly number[];
  /** ∂h/∂x, one row per component, 6 columns (km, km/s). */
  readonly statePartials: readonly (readonly number[])[];
  /** The instant of the state x of `statePartials`. */
  readonly partialsEpoch: Epoch;
  /** Whether x is the state given (`'state'`) or the trajectory's at emission. */
  readonly partialsAt: 'state' | 'emission';
  /** Names of the parameters, in the order of the columns of `parameterPartials`. */
  readonly parameterNames: readonly string[];
  /** ∂h/∂p, one row per component. */
  readonly parameterPartials: readonly (readonly number[])[];
  /** Light time used, s (0 when the correction is off). */
  readonly lightTimeS: number;
  /** False when the light-time iteration did not converge (the values are then approximate). */
  readonly converged: boolean;
}

/** Options of {@link MeasurementModel.predict}. */
export interface PredictOptions {
  /** Parameter values in the order of `parameterNames` (default: the sensor's biases). */
  readonly parameters?: ArrayLike<number>;
}

/**
 * A measurement model for one kind of measurement and one sensor.
 */
export interface MeasurementModel {
  /** Kind of measurement it predicts. */
  readonly kind: MeasurementKind;
  /** The sensor. */
  readonly sensorId: string;
  /** Number of components. */
  readonly dimension: number;
  /** Names of its parameters (`${sensorId}.raBias`, …), in column order. */
  readonly parameterNames: readonly string[];
  /** A-priori values of the parameters (from the sensor), internal units. */
  readonly parameterValues: readonly number[];
  /**
   * Predicts the measurement tagged `epoch`, with its partial derivatives.
   *
   * @param epoch - time tag (reception at the sensor, by the sensor's clock)
   * @param target - a GCRF state within 10 s of the tag, or a GCRF trajectory
   * @param options - parameter values
   * @returns the prediction
   * @throws {@link FrameMismatchError} when the target is not in GCRF
   * @throws {@link InvalidArgumentError} when the state is more than 10 s from the
   *   emission, or the target is at the site
   */
  predict(epoch: Epoch, target: MeasurementTarget, options?: PredictOptions): MeasurementPrediction;
  /**
   * The fast path (EKF): writes the predicted values, ∂h/∂x (dimension × 6, row-major; x the
   * GCRF state at `stateEpoch`) and ∂h/∂p (dimension × parameters, row-major) into caller
   * arrays, allocating almost nothing.
   *
   * @param outValues - length ≥ dimension
   * @param outStatePartials - length ≥ 6 · dimension, or undefined to skip
   * @param outParameterPartials - length ≥ dimension · parameters, or undefined to skip
   * @param epoch - time tag
   * @param stateGcrf - [x, y, z, vx, vy, vz], km and km/s, GCRF
   * @param stateEpoch - the instant of the state, within 10 s of the emission
   * @param parameters - parameter values (default: the sensor's)
   * @returns the light time, s (0 when off), or NaN when its iteration did not converge
   * @throws {@link InvalidArgumentError} as {@link MeasurementModel.predict}
   */
  predictInto(
    outValues: Float64Array,
    outStatePartials: Float64Array | undefined,
    outParameterPartials: Float64Array | undefined,
    epoch: Epoch,
    stateGcrf: ArrayLike<number>,
    stateEpoch: Epoch,
    parameters?: ArrayLike<number>,
  ): number;
}

/**
 * Largest gap between a state's epoch and the emission instant, s. The state is carried
 * over it by a second-order Taylor step (two-body acceleration held constant), whose error
 * is ȧ Δ³/6: 3 mm for GEO and 2 m for LEO over 10 s (0.002 mm and 2 mm over 1 s). Farther
 * states must be propagated by the caller, or passed as a trajectory.
 *
 * @example
 * ```ts
 * MAX_STATE_SPAN_S; // 10
 * ```
 */
export const MAX_STATE_SPAN_S = 10;

/** The corrections of the topocentric models. */
export interface LineOfSightOptions {
  /**
   * Light time, solved iteratively for reception at the site (default true). About 2″ on
   * a GEO object's RA.
   */
  readonly lightTime?: boolean;
  /**
   * Diurnal aberration from the site's GCRF velocity (≤ 0.32″; default false). See
   * docs/guides/od.md for which aberration a reduced measurement contains.
   */
  readonly diurnalAberration?: boolean;
  /**
   * Annual aberration: a function giving the velocity, km/s in GCRF axes, of the Earth
   * relative to the solar-system barycentre at an instant (≤ 20.5″; default off). To model
   * RA/Dec reduced against an astrometric star catalogue, give minus that velocity and leave
   * the diurnal term off (see `applyAnnualAberration`). Its rate of change is left out of
   * the time-bias partial (3e-7 relative).
   */
  readonly annualAberration?: ((epoch: Epoch) => Vec3Like) | false;
  /** Options of the ITRF → GCRF transformation of the site (EOP, chain). */
  readonly frame?: FrameTransformOptions;
}
