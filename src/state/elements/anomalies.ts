/**
 * Conversions between the true, eccentric (or hyperbolic) and mean anomalies.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import {
  eccentricAnomalyFromMeanRad,
  hyperbolicAnomalyFromMeanRad,
  meanAnomalyFromEccentricRad,
  meanAnomalyFromHyperbolicRad,
} from './keplerEquation';

const TWO_PI = 2 * Math.PI;

function checkEcc(ecc: number): void {
  if (!(ecc >= 0 && Number.isFinite(ecc)) || ecc === 1) {
    throw new InvalidArgumentError('ecc', ecc, '', 'must be a finite number ≥ 0 other than 1');
  }
}

/**
 * The eccentric anomaly E (ellipse) or hyperbolic anomaly H (hyperbola) from the true
 * anomaly ν, by the half-angle forms (no quadrant ambiguity):
 * E = 2 atan2(√(1−e) sin(ν/2), √(1+e) cos(ν/2)), H = 2 atanh(√((e−1)/(e+1)) tan(ν/2)).
 * On an ellipse the result keeps ν's whole revolutions.
 *
 * @param trueAnomalyRad - ν, rad (on a hyperbola, |ν| below the asymptote's acos(−1/e))
 * @param ecc - eccentricity, ≥ 0 and ≠ 1
 * @returns E or H, rad
 * @throws {@link InvalidArgumentError} for e = 1, e < 0, or ν beyond a hyperbola's asymptotes
 * @see Vallado (2013), Algorithm 5 (ν to Anomaly)
 * @example
 * ```ts
 * eccentricAnomalyFromTrueRad(Math.PI / 2, 0.5); // ≈ 1.0471975511966 (60°)
 * ```
 */
export function eccentricAnomalyFromTrueRad(trueAnomalyRad: number, ecc: number): number {
  checkEcc(ecc);
  if (ecc < 1) {
    const rev = Math.round(trueAnomalyRad / TWO_PI);
    const nu = trueAnomalyRad - rev * TWO_PI;
    const e =
      2 *
      Math.atan2(Math.sqrt(1 - ecc) * Math.sin(0.5 * nu), Math.sqrt(1 + ecc) * Math.cos(0.5 * nu));
    return e + rev * TWO_PI;
  }
  const limit = Math.acos(-1 / ecc);
  if (!(Math.abs(trueAnomalyRad) < limit)) {
    throw new InvalidArgumentError(
      'trueAnomalyRad',
      trueAnomalyRad,
      'rad',
      `must be within ±${limit} rad (the asymptotes of a hyperbola with e = ${ecc})`,
    );
  }
  return 2 * Math.atanh(Math.sqrt((ecc - 1) / (ecc + 1)) * Math.tan(0.5 * trueAnomalyRad));
}

/**
 * The true anomaly ν from the eccentric anomaly E (ellipse) or the hyperbolic anomaly H
 * (hyperbola): ν = 2 atan2(√(1+e) sin(E/2), √(1−e) cos(E/2)), or
 * ν = 2 atan(√((e+1)/(e−1)) tanh(H/2)). On an ellipse the result keeps E's revolutions.
 *
 * @param anomalyRad - E or H, rad
 * @param ecc - eccentricity, ≥ 0 and ≠ 1
 * @returns ν, rad
 * @throws {@link InvalidArgumentError} for e = 1 or e < 0
 * @see Vallado (2013), Algorithm 6 (Anomaly to ν)
 * @example
 * ```ts
 * trueAnomalyFromEccentricRad(Math.PI / 3, 0.5); // ≈ 1.5707963267949 (90°)
 * ```
 */
export function trueAnomalyFromEccentricRad(anomalyRad: number, ecc: number): number {
  checkEcc(ecc);
  if (ecc < 1) {
    const rev = Math.round(anomalyRad / TWO_PI);
    const e = anomalyRad - rev * TWO_PI;
    const nu =
      2 *
      Math.atan2(Math.sqrt(1 + ecc) * Math.sin(0.5 * e), Math.sqrt(1 - ecc) * Math.cos(0.5 * e));
    return nu + rev * TWO_PI;
  }
  return 2 * Math.atan(Math.sqrt((ecc + 1) / (ecc - 1)) * Math.tanh(0.5 * anomalyRad));
}

/**
 * The mean anomaly M from the true anomaly ν, on an ellipse (M = E − e sin E) or a
 * hyperbola (M = e sinh H − H).
 *
 * @param trueAnomalyRad - ν, rad
 * @param ecc - eccentricity, ≥ 0 and ≠ 1
 * @returns M, rad (same revolution as ν on an ellipse)
 * @throws {@link InvalidArgumentError} as {@link eccentricAnomalyFromTrueRad}
 * @example
 * ```ts
 * meanAnomalyFromTrueRad(Math.PI / 2, 0.5); // ≈ 0.6141848493043784
 * ```
 */
export function meanAnomalyFromTrueRad(trueAnomalyRad: number, ecc: number): number {
  const a = eccentricAnomalyFromTrueRad(trueAnomalyRad, ecc);
  return ecc < 1 ? meanAnomalyFromEccentricRad(a, ecc) : meanAnomalyFromHyperbolicRad(a, ecc);
}

/**
 * The true anomaly ν from the mean anomaly M, solving Kepler's equation (elliptic or
 * hyperbolic) for any e ≥ 0 other than 1.
 *
 * @param meanAnomalyRad - M, rad
 * @param ecc - eccentricity, ≥ 0 and ≠ 1
 * @returns ν, rad (same revolution as M on an ellipse)
 * @throws {@link InvalidArgumentError} for e = 1, e < 0 or a non-finite M
 * @see {@link eccentricAnomalyFromMeanRad}, {@link hyperbolicAnomalyFromMeanRad}
 * @example
 * ```ts
 * trueAnomalyFromMeanRad(0.6141848493043784, 0.5); // ≈ 1.5707963267949
 * ```
 */
export function trueAnomalyFromMeanRad(meanAnomalyRad: number, ecc: number): number {
  checkEcc(ecc);
  const a =
    ecc < 1
      ? eccentricAnomalyFromMeanRad(meanAnomalyRad, ecc)
      : hyperbolicAnomalyFromMeanRad(meanAnomalyRad, ecc);
  return trueAnomalyFromEccentricRad(a, ecc);
}
