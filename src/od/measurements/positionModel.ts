/**
 * The position and position-velocity models (GCRF states measured directly, e.g. GNSS).
 *
 * @packageDocumentation
 */
import { FrameMismatchError, InvalidArgumentError } from '../../errors';
import type { Epoch } from '../../time';
import { isTrajectory } from './internal/topocentricModel';
import {
  MAX_STATE_SPAN_S,
  type MeasurementModel,
  type MeasurementPrediction,
  type MeasurementTarget,
  type PredictOptions,
} from './model';

/** GM of the Earth for the short Taylor step, km³/s² (WGS84). */
const GM_KM3_S2 = 398600.4418;

/**
 * The model of a GCRF position (`kind: 'POSITION'`) or position and velocity
 * (`'POSITION_VELOCITY'`) of the target at the time tag, without light time and without
 * parameters. From a state, the state is carried to the tag by the same second-order Taylor
 * step as the topocentric models (within 10 s); from a trajectory it is read at the tag and the
 * partials are the identity at that instant.
 *
 * @param sensorId - the sensor (receiver) the measurements come from
 * @param kind - `'POSITION'` or `'POSITION_VELOCITY'`
 * @returns the model
 * @throws {@link InvalidArgumentError} for an empty id or another kind
 * @see Orekit `Position` and `PV` measurements
 * @example
 * ```ts
 * const model = createPositionModel('GNSS', 'POSITION_VELOCITY');
 * const t = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
 * const leo = { epoch: t, frame: 'GCRF', positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0] } as const;
 * model.predict(t, leo).values; // [7000, 0, 0, 0, 7.5, 0]
 * ```
 */
export function createPositionModel(
  sensorId: string,
  kind: 'POSITION' | 'POSITION_VELOCITY' = 'POSITION',
): MeasurementModel {
  if (typeof sensorId !== 'string' || sensorId === '') {
    throw new InvalidArgumentError('sensorId', sensorId, '', 'must be a non-empty string');
  }
  if (kind !== 'POSITION' && kind !== 'POSITION_VELOCITY') {
    throw new InvalidArgumentError('kind', kind, '', "must be 'POSITION' or 'POSITION_VELOCITY'");
  }
  return new PositionModel(sensorId, kind);
}

class PositionModel implements MeasurementModel {
  readonly dimension: number;
  readonly parameterNames: readonly string[] = Object.freeze([]);
  readonly parameterValues: readonly number[] = Object.freeze([]);

  constructor(
    readonly sensorId: string,
    readonly kind: 'POSITION' | 'POSITION_VELOCITY',
  ) {
    this.dimension = kind === 'POSITION' ? 3 : 6;
    Object.freeze(this);
  }

  predictInto(
    outValues: Float64Array,
    outStatePartials: Float64Array | undefined,
    _outParameterPartials: Float64Array | undefined,
    epoch: Epoch,
    stateGcrf: ArrayLike<number>,
    stateEpoch: Epoch,
  ): number {
    const s = epoch.secondsSince(stateEpoch);
    if (!(Math.abs(s) <= MAX_STATE_SPAN_S)) {
      throw new InvalidArgumentError(
        'stateEpoch',
        s,
        's from the measurement',
        `must be within ${MAX_STATE_SPAN_S} s; propagate the state or pass a trajectory`,
      );
    }
    const r = Math.hypot(stateGcrf[0]!, stateGcrf[1]!, stateGcrf[2]!);
    const k = -GM_KM3_S2 / (r * r * r);
    const h = 0.5 * s * s;
    const dim = this.dimension;
    for (let i = 0; i < 3; i++) {
      const a = k * stateGcrf[i]!;
      outValues[i] = stateGcrf[i]! + stateGcrf[3 + i]! * s + a * h;
      if (dim === 6) outValues[3 + i] = stateGcrf[3 + i]! + a * s;
    }
    if (outStatePartials !== undefined) {
      // [[I + G s²/2, s I], [G s, I]], G = (μ/r³)(3 r̂ r̂ᵀ − I).
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const g = -k * ((3 * stateGcrf[i]! * stateGcrf[j]!) / (r * r) - (i === j ? 1 : 0));
          const id = i === j ? 1 : 0;
          outStatePartials[6 * i + j] = id + h * g;
          outStatePartials[6 * i + 3 + j] = id * s;
          if (dim === 6) {
            outStatePartials[6 * (3 + i) + j] = s * g;
            outStatePartials[6 * (3 + i) + 3 + j] = id;
          }
        }
      }
    }
    return 0;
  }

  predict(
    epoch: Epoch,
    target: MeasurementTarget,
    _options: PredictOptions = {},
  ): MeasurementPrediction {
    if (target.frame !== 'GCRF') {
      throw new FrameMismatchError(`${this.kind} measurement model`, 'GCRF', target.frame);
    }
    const dim = this.dimension;
    const values = new Float64Array(dim);
    const hx = new Float64Array(6 * dim);
    let partialsEpoch: Epoch;
    let partialsAt: 'state' | 'emission';
    if (isTrajectory(target)) {
      const buf = target.positionVelocityInto(new Float64Array(6), epoch);
      for (let i = 0; i < dim; i++) {
        values[i] = buf[i]!;
        hx[6 * i + i] = 1;
      }
      partialsEpoch = epoch;
      partialsAt = 'emission';
    } else {
      const state = [...Array.from(target.positionKm), ...Array.from(target.velocityKmS)];
      if (state.length !== 6 || state.some((x) => !Number.isFinite(x))) {
        throw new InvalidArgumentError('target', state, 'km, km/s', 'must be 6 finite numbers');
      }
      this.predictInto(values, hx, undefined, epoch, state, target.epoch);
      partialsEpoch = target.epoch;
      partialsAt = 'state';
    }
    return Object.freeze({
      kind: this.kind,
      sensorId: this.sensorId,
      epoch,
      values: Object.freeze(Array.from(values)),
      statePartials: Object.freeze(
        Array.from({ length: dim }, (_, i) =>
          Object.freeze(Array.from(hx.subarray(6 * i, 6 * i + 6))),
        ),
      ),
      partialsEpoch,
      partialsAt,
      parameterNames: this.parameterNames,
      parameterPartials: Object.freeze(Array.from({ length: dim }, () => Object.freeze([]))),
      lightTimeS: 0,
      converged: true,
    });
  }
}
