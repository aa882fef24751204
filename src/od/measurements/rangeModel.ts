/**
 * The one-way range model.
 *
 * @packageDocumentation
 */
import { rowTimes3x6, TopocentricModel } from './internal/topocentricModel';
import type { LineOfSightOptions, MeasurementModel } from './model';
import type { Sensor } from './sensor';

/** Options of {@link createRangeModel}: light time and frame (aberration does not apply). */
export type RangeModelOptions = Pick<LineOfSightOptions, 'lightTime' | 'frame'>;

/**
 * The model of a one-way range: |r(t − τ) − o(t)| (= c τ with light time) from the site at
 * reception t to the target at emission, plus the sensor's range bias. Parameters:
 * `${id}.rangeBias` (km) and `${id}.timeBias` (s). A radar's round trip halved differs from
 * it by about (v_site · ρ̂) τ (≤ 0.5 m for LEO, 60 m for GEO): model two-way ranges by their
 * own leg geometry, not with this one.
 *
 * @param sensor - the sensor (site, biases)
 * @param options - light time (default on), frame options
 * @returns the model
 * @throws {@link InvalidArgumentError} when the sensor is missing
 * @see Montenbruck & Gill, Satellite Orbits (2000), §6.2.1
 * @example
 * ```ts
 * const site = createSiteDeg({ latitudeDeg: 0, longitudeDeg: 0, heightKm: 0 });
 * const model = createRangeModel(createRadar({ id: 'R', site, rangeSigmaKm: 0.01 }), {
 *   lightTime: false,
 * });
 * const t = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
 * const leo = { epoch: t, frame: 'GCRF', positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0] } as const;
 * model.predict(t, leo).values[0]! > 621; // true
 * ```
 */
export function createRangeModel(
  sensor: Sensor,
  options: RangeModelOptions = {},
): MeasurementModel {
  return new RangeModel(sensor, options);
}

class RangeModel extends TopocentricModel {
  constructor(sensor: Sensor, options: RangeModelOptions) {
    super(
      'RANGE',
      1,
      sensor,
      ['rangeBias', 'timeBias'],
      { lightTime: options.lightTime ?? true, ...(options.frame ? { frame: options.frame } : {}) },
      false,
    );
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
    outValues[0] = k.rangeKm + parameters[0]!;
    if (outStatePartials !== undefined)
      rowTimes3x6(outStatePartials, 0, p[0]!, p[1]!, p[2]!, k.dRho);
    if (outParameterPartials !== undefined) {
      const rd = k.rhoDot;
      outParameterPartials[0] = 1;
      outParameterPartials[1] = -(p[0]! * rd[0]! + p[1]! * rd[1]! + p[2]! * rd[2]!);
    }
  }
}
