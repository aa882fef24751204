/**
 * The azimuth and elevation model (radars and alt-az telescopes).
 *
 * @packageDocumentation
 */
import { refractElevation } from '../../frames';
import { OBS_ROT, OBS_ROT_RATE } from './internal/siteObserver';
import { rowTimes3x6, TopocentricModel } from './internal/topocentricModel';
import type { LineOfSightOptions, MeasurementModel } from './model';
import type { Sensor } from './sensor';

/** Options of {@link createAzElModel}. */
export interface AzElModelOptions extends LineOfSightOptions {
  /**
   * Refraction of the elevation (Sæmundsson's formula, `refractElevation`) with the sensor's
   * atmosphere (default false). 73″ at 39.6°, 5.4′ at 10°.
   */
  readonly refraction?: boolean;
}

const TWO_PI = 2 * Math.PI;
/**
 * Half-step of the central difference of the refraction's slope, rad (0.0006°): truncation
 * below 1e-10 of R′, rounding 1e-11 (as `observeAzEl`).
 */
const REFRACTION_STEP_RAD = 1e-5;

/**
 * The model of azimuth (from north towards east) and elevation in the site's horizon frame:
 * the direction from the site at reception to the target at emission (light time), turned by
 * aberration when asked, expressed in the ITRF horizon frame at reception, the elevation
 * refracted when asked, plus the sensor's biases. Parameters: `${id}.azBias`, `${id}.elBias`
 * (rad) and `${id}.timeBias` (s).
 *
 * @param sensor - the sensor (site, biases, atmosphere)
 * @param options - light time (default on), aberrations and refraction (default off), frame
 *   options
 * @returns the model
 * @throws {@link InvalidArgumentError} when the sensor is missing
 * @see Orekit `AngularAzEl`; Vallado, Fundamentals of Astrodynamics and Applications, 4th
 *   ed. (2013), Algorithm 27
 * @example
 * ```ts
 * const site = createSiteDeg({ latitudeDeg: 43.75203, longitudeDeg: 6.92353, heightKm: 1.32 });
 * const radar = createRadar({ id: 'R', site, rangeSigmaKm: 0.01, angleSigmaArcsec: 36 });
 * const model = createAzElModel(radar, { refraction: true });
 * const t = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
 * const geo = { epoch: t, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] } as const;
 * model.predict(t, geo).values.length; // 2
 * ```
 */
export function createAzElModel(sensor: Sensor, options: AzElModelOptions = {}): MeasurementModel {
  return new AzElModel(sensor, options);
}

class AzElModel extends TopocentricModel {
  private readonly refraction: boolean;
  private readonly t = new Float64Array(9);

  constructor(sensor: Sensor, options: AzElModelOptions) {
    super('AZEL', 2, sensor, ['azBias', 'elBias', 'timeBias'], options, true);
    this.refraction = options.refraction === true;
    Object.freeze(this);
  }

  protected finish(
    parameters: ArrayLike<number>,
    outValues: Float64Array,
    outStatePartials: Float64Array | undefined,
    outParameterPartials: Float64Array | undefined,
  ): void {
    const k = this.kernel;
    const obs = k.obs;
    const m = this.sensor.site.enuFromItrf;
    const t = this.t;
    // T = E Rᵀ (GCRF → ENU), with R = GCRF←ITRF at reception.
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        t[3 * i + j] =
          m[3 * i]! * obs[OBS_ROT + 3 * j]! +
          m[3 * i + 1]! * obs[OBS_ROT + 3 * j + 1]! +
          m[3 * i + 2]! * obs[OBS_ROT + 3 * j + 2]!;
      }
    }
    const u = k.u;
    const ud = k.uDot;
    const e = [0, 0, 0];
    const eDot = [0, 0, 0];
    for (let i = 0; i < 3; i++) {
      e[i] = t[3 * i]! * u[0]! + t[3 * i + 1]! * u[1]! + t[3 * i + 2]! * u[2]!;
      // d/dt (E Rᵀ u) = E Rᵀ u̇ + E Ṙᵀ u.
      let rdu = 0;
      for (let j = 0; j < 3; j++) {
        const rtu =
          obs[OBS_ROT_RATE + j]! * u[0]! +
          obs[OBS_ROT_RATE + 3 + j]! * u[1]! +
          obs[OBS_ROT_RATE + 6 + j]! * u[2]!;
        rdu += m[3 * i + j]! * rtu;
      }
      eDot[i] = t[3 * i]! * ud[0]! + t[3 * i + 1]! * ud[1]! + t[3 * i + 2]! * ud[2]! + rdu;
    }
    const ee = e[0]!;
    const nn = e[1]!;
    const uu = e[2]!;
    const h2 = ee * ee + nn * nn;
    const h = Math.sqrt(h2);
    const n2 = h2 + uu * uu;
    let az = Math.atan2(ee, nn) + parameters[0]!;
    az -= TWO_PI * Math.floor(az / TWO_PI);
    outValues[0] = az >= TWO_PI ? 0 : az;
    const el = Math.atan2(uu, h);
    let slope = 1;
    if (this.refraction) {
      const c = this.sensor.refraction ?? {};
      outValues[1] = refractElevation(el, c) + parameters[1]!;
      slope =
        (refractElevation(el + REFRACTION_STEP_RAD, c) -
          refractElevation(el - REFRACTION_STEP_RAD, c)) /
        (2 * REFRACTION_STEP_RAD);
    } else {
      outValues[1] = el + parameters[1]!;
    }
    // ∂az/∂e = (n, −e, 0)/h², ∂el/∂e = (−e u/h, −n u/h, h)/|e|², times the refraction slope.
    const ga0 = nn / h2;
    const ga1 = -ee / h2;
    const ge0 = (slope * (-ee * uu)) / (h * n2);
    const ge1 = (slope * (-nn * uu)) / (h * n2);
    const ge2 = (slope * h) / n2;
    if (outStatePartials !== undefined) {
      // Rows of (g T) ∂u/∂ρ.
      const dU = k.dU;
      const ta = [0, 0, 0];
      const te = [0, 0, 0];
      for (let j = 0; j < 3; j++) {
        ta[j] = ga0 * t[j]! + ga1 * t[3 + j]!;
        te[j] = ge0 * t[j]! + ge1 * t[3 + j]! + ge2 * t[6 + j]!;
      }
      const row = (g: number[], j: number) =>
        g[0]! * dU[j]! + g[1]! * dU[3 + j]! + g[2]! * dU[6 + j]!;
      rowTimes3x6(outStatePartials, 0, row(ta, 0), row(ta, 1), row(ta, 2), k.dRho);
      rowTimes3x6(outStatePartials, 6, row(te, 0), row(te, 1), row(te, 2), k.dRho);
    }
    if (outParameterPartials !== undefined) {
      outParameterPartials[0] = 1;
      outParameterPartials[1] = 0;
      outParameterPartials[2] = -(ga0 * eDot[0]! + ga1 * eDot[1]!);
      outParameterPartials[3] = 0;
      outParameterPartials[4] = 1;
      outParameterPartials[5] = -(ge0 * eDot[0]! + ge1 * eDot[1]! + ge2 * eDot[2]!);
    }
  }
}
