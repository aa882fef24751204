/**
 * The one-way range-rate model.
 *
 * @packageDocumentation
 */
import { TopocentricModel } from './internal/topocentricModel';
import type { LineOfSightOptions, MeasurementModel } from './model';
import type { RangeModelOptions } from './rangeModel';
import type { Sensor } from './sensor';

/** Options of {@link createRangeRateModel}: light time and frame. */
export type RangeRateModelOptions = RangeModelOptions;

/**
 * The model of a range rate: d|ρ|/dt at reception, ρ̂ · ((1 − τ̇) v_e − v_o) with the
 * light-time rate τ̇ = ρ̂·(v_e − v_o) / (c + ρ̂·v_e), plus the sensor's range-rate bias.
 * Parameters: `${id}.rangeRateBias` (km/s) and `${id}.timeBias` (s).
 *
 * @param sensor - the sensor (site, biases)
 * @param options - light time (default on), frame options
 * @returns the model
 * @throws {@link InvalidArgumentError} when the sensor is missing
 * @see Montenbruck & Gill, Satellite Orbits (2000), §6.2.1 and §7.3
 * @example
 * ```ts
 * const site = createSiteDeg({ latitudeDeg: 0, longitudeDeg: 0, heightKm: 0 });
 * const radar = createRadar({ id: 'R', site, rangeSigmaKm: 0.01, rangeRateSigmaKmS: 1e-4 });
 * const model = createRangeRateModel(radar);
 * model.parameterNames; // ['R.rangeRateBias', 'R.timeBias']
 * ```
 */
export function createRangeRateModel(
  sensor: Sensor,
  options: RangeRateModelOptions = {},
): MeasurementModel {
  return new RangeRateModel(sensor, options);
}

class RangeRateModel extends TopocentricModel {
  private readonly dRhoDot = new Float64Array(18);
  private readonly rhoDDot = new Float64Array(3);

  constructor(sensor: Sensor, options: RangeRateModelOptions) {
    const los: LineOfSightOptions = {
      lightTime: options.lightTime ?? true,
      ...(options.frame ? { frame: options.frame } : {}),
    };
    super('RANGE_RATE', 1, sensor, ['rangeRateBias', 'timeBias'], los, false);
    Object.freeze(this);
  }

  protected finish(
    parameters: ArrayLike<number>,
    outValues: Float64Array,
    outStatePartials: Float64Array | undefined,
    outParameterPartials: Float64Array | undefined,
  ): void {
    const k = this.kernel;
    const p = k.rhoHat;
    const rd = k.rhoDot;
    const n = k.rangeKm;
    const rr = p[0]! * rd[0]! + p[1]! * rd[1]! + p[2]! * rd[2]!;
    outValues[0] = rr + parameters[0]!;
    // δṙ = ρ̇ᵀ (I − ρ̂ρ̂ᵀ) δρ / n + ρ̂ᵀ δρ̇
    const c0 = (rd[0]! - p[0]! * rr) / n;
    const c1 = (rd[1]! - p[1]! * rr) / n;
    const c2 = (rd[2]! - p[2]! * rr) / n;
    if (outStatePartials !== undefined) {
      k.rhoDotPartialsInto(this.dRhoDot);
      const a = this.dRhoDot;
      const d = k.dRho;
      for (let j = 0; j < 6; j++) {
        outStatePartials[j] =
          c0 * d[j]! +
          c1 * d[6 + j]! +
          c2 * d[12 + j]! +
          p[0]! * a[j]! +
          p[1]! * a[6 + j]! +
          p[2]! * a[12 + j]!;
      }
    }
    if (outParameterPartials !== undefined) {
      k.rhoDDotInto(this.rhoDDot);
      const dd = this.rhoDDot;
      const acc =
        c0 * rd[0]! + c1 * rd[1]! + c2 * rd[2]! + p[0]! * dd[0]! + p[1]! * dd[1]! + p[2]! * dd[2]!;
      outParameterPartials[0] = 1;
      outParameterPartials[1] = -acc;
    }
  }
}
