/**
 * What the four topocentric models share: parameters, the observer, the light-time solution
 * from a state or a trajectory, and the two output forms (pure and `…Into`).
 */
import { FrameMismatchError, InvalidArgumentError } from '../../../errors';
import type { Epoch } from '../../../time';
import type { MeasurementKind } from '../measurement';
import {
  type LineOfSightOptions,
  MAX_STATE_SPAN_S,
  type MeasurementModel,
  type MeasurementPrediction,
  type MeasurementTarget,
  type PredictOptions,
  type TargetTrajectory,
} from '../model';
import { type Sensor, type SensorParameter, sensorParameterName } from '../sensor';
import { LineOfSightKernel } from './lineOfSight';
import { SiteObserver } from './siteObserver';

/** Bias values of a sensor by parameter key. */
function biasValue(sensor: Sensor, key: SensorParameter): number {
  const b = sensor.biases;
  switch (key) {
    case 'raBias':
      return b.raBiasRad;
    case 'decBias':
      return b.decBiasRad;
    case 'azBias':
      return b.azBiasRad;
    case 'elBias':
      return b.elBiasRad;
    case 'rangeBias':
      return b.rangeBiasKm;
    case 'rangeRateBias':
      return b.rangeRateBiasKmS;
    case 'timeBias':
      return b.timeBiasS;
  }
}

/** Is the target a trajectory (rather than a state)? */
export function isTrajectory(target: MeasurementTarget): target is TargetTrajectory {
  return typeof (target as TargetTrajectory).positionVelocityInto === 'function';
}

/** Base of the RA/Dec, Az/El, range and range-rate models. */
export abstract class TopocentricModel implements MeasurementModel {
  readonly kind: MeasurementKind;
  readonly sensorId: string;
  readonly dimension: number;
  readonly parameterNames: readonly string[];
  readonly parameterValues: readonly number[];
  protected readonly sensor: Sensor;
  protected readonly kernel: LineOfSightKernel;
  private readonly timeBiasIndex: number;
  private readonly needsDirection: boolean;
  private readonly annual: boolean;

  protected constructor(
    kind: MeasurementKind,
    dimension: number,
    sensor: Sensor,
    keys: readonly SensorParameter[],
    options: LineOfSightOptions,
    needsDirection: boolean,
  ) {
    if (sensor === undefined || sensor === null || typeof sensor.id !== 'string') {
      throw new InvalidArgumentError('sensor', sensor, '', 'must be a Sensor');
    }
    this.kind = kind;
    this.sensorId = sensor.id;
    this.dimension = dimension;
    this.sensor = sensor;
    this.parameterNames = Object.freeze(keys.map((k) => sensorParameterName(sensor.id, k)));
    this.parameterValues = Object.freeze(keys.map((k) => biasValue(sensor, k)));
    this.timeBiasIndex = keys.indexOf('timeBias');
    this.needsDirection = needsDirection;
    const annual = options.annualAberration;
    this.annual = typeof annual === 'function';
    this.kernel = new LineOfSightKernel(new SiteObserver(sensor.site, options.frame), {
      lightTime: options.lightTime ?? true,
      diurnalAberration: needsDirection && options.diurnalAberration === true,
      annualVelocityAt: needsDirection && typeof annual === 'function' ? annual : undefined,
    });
  }

  predictInto(
    outValues: Float64Array,
    outStatePartials: Float64Array | undefined,
    outParameterPartials: Float64Array | undefined,
    epoch: Epoch,
    stateGcrf: ArrayLike<number>,
    stateEpoch: Epoch,
    parameters?: ArrayLike<number>,
  ): number {
    const p = this.checkParameters(parameters);
    const timeBiasS = this.timeBiasIndex < 0 ? 0 : p[this.timeBiasIndex]!;
    if (stateGcrf.length < 6) {
      throw new InvalidArgumentError('stateGcrf.length', stateGcrf.length, '', 'must be ≥ 6');
    }
    const k = this.kernel;
    k.observe(epoch, timeBiasS);
    const dtS = epoch.secondsSince(stateEpoch) - timeBiasS;
    if (!(Math.abs(dtS) <= MAX_STATE_SPAN_S)) {
      throw new InvalidArgumentError(
        'stateEpoch',
        dtS,
        's from the reception',
        `must be within ${MAX_STATE_SPAN_S} s of the measurement; propagate the state or pass a trajectory`,
      );
    }
    k.fromState(stateGcrf, dtS);
    if (this.needsDirection) k.direction(this.receptionFor(epoch, timeBiasS));
    this.finish(p, outValues, outStatePartials, outParameterPartials);
    return k.converged ? k.lightTimeS : Number.NaN;
  }

  predict(
    epoch: Epoch,
    target: MeasurementTarget,
    options: PredictOptions = {},
  ): MeasurementPrediction {
    const p = this.checkParameters(options.parameters);
    const timeBiasS = this.timeBiasIndex < 0 ? 0 : p[this.timeBiasIndex]!;
    if (target.frame !== 'GCRF') {
      throw new FrameMismatchError(`${this.kind} measurement model`, 'GCRF', target.frame);
    }
    const dim = this.dimension;
    const np = this.parameterNames.length;
    const values = new Float64Array(dim);
    const hx = new Float64Array(6 * dim);
    const hp = new Float64Array(np * dim);
    let partialsEpoch: Epoch;
    let partialsAt: 'state' | 'emission';
    const k = this.kernel;
    if (isTrajectory(target)) {
      k.observe(epoch, timeBiasS);
      const offsetS = k.fromTrajectory(target, epoch, timeBiasS);
      if (this.needsDirection) k.direction(this.receptionFor(epoch, timeBiasS));
      this.finish(p, values, hx, hp);
      partialsEpoch = epoch.plusSeconds(offsetS - timeBiasS);
      partialsAt = 'emission';
    } else {
      const state = [...Array.from(target.positionKm), ...Array.from(target.velocityKmS)];
      if (state.length !== 6 || state.some((x) => !Number.isFinite(x))) {
        throw new InvalidArgumentError('target', state, 'km, km/s', 'must be 6 finite numbers');
      }
      this.predictInto(values, hx, hp, epoch, state, target.epoch, p);
      partialsEpoch = target.epoch;
      partialsAt = 'state';
    }
    const rows = (a: Float64Array, n: number) =>
      Object.freeze(
        Array.from({ length: dim }, (_, i) =>
          Object.freeze(Array.from(a.subarray(n * i, n * i + n))),
        ),
      );
    return Object.freeze({
      kind: this.kind,
      sensorId: this.sensorId,
      epoch,
      values: Object.freeze(Array.from(values)),
      statePartials: rows(hx, 6),
      partialsEpoch,
      partialsAt,
      parameterNames: this.parameterNames,
      parameterPartials: rows(hp, np),
      lightTimeS: k.lightTimeS,
      converged: k.converged,
    });
  }

  /** Values and partials from the kernel's current solution. */
  protected abstract finish(
    parameters: ArrayLike<number>,
    outValues: Float64Array,
    outStatePartials: Float64Array | undefined,
    outParameterPartials: Float64Array | undefined,
  ): void;

  private receptionFor(epoch: Epoch, timeBiasS: number): Epoch | undefined {
    if (!this.annual) return undefined;
    return timeBiasS === 0 ? epoch : epoch.plusSeconds(-timeBiasS);
  }

  private checkParameters(parameters: ArrayLike<number> | undefined): ArrayLike<number> {
    if (parameters === undefined) return this.parameterValues;
    if (parameters.length !== this.parameterNames.length) {
      throw new InvalidArgumentError(
        'parameters.length',
        parameters.length,
        '',
        `must be ${this.parameterNames.length} (${this.parameterNames.join(', ')})`,
      );
    }
    return parameters;
  }
}

/** Row `row` (3 numbers) times the 3×6 matrix `m`, into `out` at `offset`. */
export function rowTimes3x6(
  out: Float64Array,
  offset: number,
  r0: number,
  r1: number,
  r2: number,
  m: Float64Array,
): void {
  for (let j = 0; j < 6; j++) out[offset + j] = r0 * m[j]! + r1 * m[6 + j]! + r2 * m[12 + j]!;
}
