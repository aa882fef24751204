/**
 * The topocentric right ascension and declination model (optical astrometry).
 *
 * @packageDocumentation
 */
import { frameTransform } from '../../frames';
import type { Mat3 } from '../../math';
import { Epoch } from '../../time';
import { rowTimes3x6, TopocentricModel } from './internal/topocentricModel';
import type { RaDecAxes } from './measurement';
import type { LineOfSightOptions, MeasurementModel } from './model';
import type { Sensor } from './sensor';

/** Options of {@link createRaDecModel}. */
export interface RaDecModelOptions extends LineOfSightOptions {
  /** Axes of the predicted angles: `'GCRF'` (default) or `'EME2000'`. */
  readonly axes?: RaDecAxes;
}

/** A RA/Dec model; its `axes` say in which axes it predicts. */
export interface RaDecModel extends MeasurementModel {
  /** Axes of the predicted angles. */
  readonly axes: RaDecAxes;
}

const TWO_PI = 2 * Math.PI;

/**
 * The model of a telescope's right ascension and declination: the direction from the site
 * at reception to the target at emission (light time), turned by annual and diurnal
 * aberration when asked, in GCRF or EME2000 axes, plus the sensor's RA and Dec biases.
 * Parameters: `${id}.raBias`, `${id}.decBias` (rad) and `${id}.timeBias` (s).
 *
 * Partial derivatives: with respect to the GCRF state (analytic, through the light-time
 * chain rule and the aberration Jacobian; see `MeasurementPrediction` for the epoch they
 * refer to), to the biases (1) and to the time bias (minus the rate of the prediction at
 * fixed state).
 *
 * @param sensor - the telescope (site, biases)
 * @param options - light time (default on), aberrations (default off), axes, frame options
 * @returns the model
 * @throws {@link InvalidArgumentError} when the sensor is missing
 * @see Orekit `AngularRaDec`; Montenbruck & Gill, Satellite Orbits (2000), §6.2 and §7.3;
 *   Seidelmann (ed.), Explanatory Supplement to the Astronomical Almanac (1992), §3.25
 * @example
 * ```ts
 * const site = createSiteDeg({ latitudeDeg: 43.75203, longitudeDeg: 6.92353, heightKm: 1.32 });
 * const model = createRaDecModel(createTelescope({ id: 'TCA', site, sigmaArcsec: 1 }));
 * const t = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
 * const geo = { epoch: t, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] } as const;
 * const p = model.predict(t, geo);
 * p.parameterNames; // ['TCA.raBias', 'TCA.decBias', 'TCA.timeBias']
 * p.lightTimeS; // ≈ 0.150
 * ```
 */
export function createRaDecModel(sensor: Sensor, options: RaDecModelOptions = {}): RaDecModel {
  return new RaDecModelImpl(sensor, options);
}

class RaDecModelImpl extends TopocentricModel implements RaDecModel {
  readonly axes: RaDecAxes;
  /** GCRF → EME2000 (the constant frame bias), or undefined for GCRF. */
  private readonly bias: Mat3 | undefined;
  private readonly w = new Float64Array(3);
  private readonly dW = new Float64Array(9);
  private readonly wDot = new Float64Array(3);

  constructor(sensor: Sensor, options: RaDecModelOptions) {
    super('RADEC', 2, sensor, ['raBias', 'decBias', 'timeBias'], options, true);
    this.axes = options.axes ?? 'GCRF';
    // The frame bias is constant: any instant gives it.
    this.bias =
      this.axes === 'EME2000'
        ? frameTransform('GCRF', 'EME2000', Epoch.fromSecondsSinceJ2000(0, 'TT')).rotation
        : undefined;
    Object.freeze(this);
  }

  protected finish(
    parameters: ArrayLike<number>,
    outValues: Float64Array,
    outStatePartials: Float64Array | undefined,
    outParameterPartials: Float64Array | undefined,
  ): void {
    const k = this.kernel;
    let w: Float64Array = k.u;
    let dW: Float64Array = k.dU;
    let wDot: Float64Array = k.uDot;
    const b = this.bias;
    if (b !== undefined) {
      w = this.w;
      dW = this.dW;
      wDot = this.wDot;
      const u = k.u;
      const dU = k.dU;
      const ud = k.uDot;
      for (let i = 0; i < 3; i++) {
        const b0 = b[3 * i]!;
        const b1 = b[3 * i + 1]!;
        const b2 = b[3 * i + 2]!;
        w[i] = b0 * u[0]! + b1 * u[1]! + b2 * u[2]!;
        wDot[i] = b0 * ud[0]! + b1 * ud[1]! + b2 * ud[2]!;
        for (let j = 0; j < 3; j++) dW[3 * i + j] = b0 * dU[j]! + b1 * dU[3 + j]! + b2 * dU[6 + j]!;
      }
    }
    const x = w[0]!;
    const y = w[1]!;
    const z = w[2]!;
    const q2 = x * x + y * y;
    const q = Math.sqrt(q2);
    const n2 = q2 + z * z;
    let ra = Math.atan2(y, x) + parameters[0]!;
    ra -= TWO_PI * Math.floor(ra / TWO_PI);
    outValues[0] = ra >= TWO_PI ? 0 : ra;
    outValues[1] = Math.atan2(z, q) + parameters[1]!;
    // ∂α/∂w = (−y, x, 0)/q², ∂δ/∂w = (−x z/q, −y z/q, q)/|w|².
    const ga0 = -y / q2;
    const ga1 = x / q2;
    const gd0 = (-x * z) / (q * n2);
    const gd1 = (-y * z) / (q * n2);
    const gd2 = q / n2;
    if (outStatePartials !== undefined) {
      const a0 = ga0 * dW[0]! + ga1 * dW[3]!;
      const a1 = ga0 * dW[1]! + ga1 * dW[4]!;
      const a2 = ga0 * dW[2]! + ga1 * dW[5]!;
      const d0 = gd0 * dW[0]! + gd1 * dW[3]! + gd2 * dW[6]!;
      const d1 = gd0 * dW[1]! + gd1 * dW[4]! + gd2 * dW[7]!;
      const d2 = gd0 * dW[2]! + gd1 * dW[5]! + gd2 * dW[8]!;
      rowTimes3x6(outStatePartials, 0, a0, a1, a2, k.dRho);
      rowTimes3x6(outStatePartials, 6, d0, d1, d2, k.dRho);
    }
    if (outParameterPartials !== undefined) {
      outParameterPartials[0] = 1;
      outParameterPartials[1] = 0;
      outParameterPartials[2] = -(ga0 * wDot[0]! + ga1 * wDot[1]!);
      outParameterPartials[3] = 0;
      outParameterPartials[4] = 1;
      outParameterPartials[5] = -(gd0 * wDot[0]! + gd1 * wDot[1]! + gd2 * wDot[2]!);
    }
  }
}
