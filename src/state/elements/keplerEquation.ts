/**
 * Kepler's equation, elliptic and hyperbolic, solved for any eccentricity and mean anomaly.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';

const TWO_PI = 2 * Math.PI;
const MAX_ITERATIONS = 60;

/** x − sin x without cancellation for small x (series below 0.6, direct above). */
function xMinusSin(x: number): number {
  if (Math.abs(x) >= 0.6) return x - Math.sin(x);
  // x³/3! − x⁵/5! + …: 9 terms reach 0.6^21/21! ≪ ε·x³/6.
  const x2 = x * x;
  let term = (x * x2) / 6;
  let sum = term;
  for (let k = 2; k < 10; k++) {
    term *= -x2 / (2 * k * (2 * k + 1));
    sum += term;
  }
  return sum;
}

/** sinh x − x without cancellation for small x. */
function sinhMinusX(x: number): number {
  if (Math.abs(x) >= 0.6) return Math.sinh(x) - x;
  const x2 = x * x;
  let term = (x * x2) / 6;
  let sum = term;
  for (let k = 2; k < 10; k++) {
    term *= x2 / (2 * k * (2 * k + 1));
    sum += term;
  }
  return sum;
}

/**
 * The eccentric anomaly E from the mean anomaly M on an ellipse: the root of
 * E − e sin E = M, for every 0 ≤ e < 1 and every M (the result keeps M's revolution:
 * E − M ∈ [−e, e]).
 *
 * Newton's method inside the bracket [M, M + e] (for M reduced to [0, π]), with bisection
 * whenever a step leaves it, so that it converges for e up to 1 − 1e-15; the equation is
 * written (1 − e)·E + e·(E − sin E) = M with the last term by its series, so that no digit is
 * lost near e = 1, M = 0.
 *
 * @param meanAnomalyRad - M, rad (any value)
 * @param ecc - eccentricity, 0 ≤ e < 1
 * @returns E, rad, with the same number of whole revolutions as M
 * @throws {@link InvalidArgumentError} when e is outside [0, 1) or M is not finite
 * @see Vallado (2013), Algorithm 2 (KepEqtnE); Danby, Fundamentals of Celestial Mechanics,
 *   2nd ed. (1988), §6.6
 * @example
 * ```ts
 * // Vallado Example 2-1: M = 235.4°, e = 0.4 → E = 220.512074767522°
 * (eccentricAnomalyFromMeanRad((235.4 * Math.PI) / 180, 0.4) * 180) / Math.PI; // ≈ 220.512074767522
 * ```
 */
export function eccentricAnomalyFromMeanRad(meanAnomalyRad: number, ecc: number): number {
  if (!Number.isFinite(meanAnomalyRad)) {
    throw new InvalidArgumentError(
      'meanAnomalyRad',
      meanAnomalyRad,
      'rad',
      'must be a finite number',
    );
  }
  if (!(ecc >= 0 && ecc < 1)) {
    throw new InvalidArgumentError('ecc', ecc, '', 'must be in [0, 1) for an ellipse');
  }
  const rev = Math.round(meanAnomalyRad / TWO_PI);
  let m = meanAnomalyRad - rev * TWO_PI; // [−π, π]
  const sign = m < 0 ? -1 : 1;
  m = Math.abs(m);
  if (m === 0 || ecc === 0) return meanAnomalyRad;
  // Bracket: E − M = e sin E ∈ [0, e] for M ∈ [0, π]; E ≤ π as well.
  let lo = m;
  let hi = Math.min(m + ecc, Math.PI);
  // Starter (Danby): E = M + 0.85 e, kept inside the bracket.
  let e = Math.min(m + 0.85 * ecc, hi);
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const f = (1 - ecc) * e + ecc * xMinusSin(e) - m;
    if (f === 0) break;
    if (f > 0) hi = e;
    else lo = e;
    const fp = 1 - ecc * Math.cos(e);
    let next = e - f / fp;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const step = Math.abs(next - e);
    e = next;
    if (step <= 4e-16 * Math.max(1, e) || hi - lo <= 4e-16 * e) break;
  }
  return sign * e + rev * TWO_PI;
}

/**
 * The hyperbolic anomaly H from the mean anomaly M on a hyperbola: the root of
 * e sinh H − H = M, for every e > 1 and every M.
 *
 * Newton's method inside the bracket [asinh(M/e), asinh(M/(e − 1))] (for M ≥ 0), with
 * bisection when a step leaves it; e sinh H − H is written (e − 1)·H + e·(sinh H − H) so that
 * nothing is lost near e = 1.
 *
 * @param meanAnomalyRad - M, rad (any finite value)
 * @param ecc - eccentricity, e > 1
 * @returns H, rad
 * @throws {@link InvalidArgumentError} when e ≤ 1 or M is not finite
 * @see Vallado (2013), Algorithm 4 (KepEqtnH)
 * @example
 * ```ts
 * // Vallado Example 2-3: M = 235.4°, e = 2.4 → H = 1.601376144 rad
 * hyperbolicAnomalyFromMeanRad((235.4 * Math.PI) / 180, 2.4); // ≈ 1.6013761449
 * ```
 */
export function hyperbolicAnomalyFromMeanRad(meanAnomalyRad: number, ecc: number): number {
  if (!Number.isFinite(meanAnomalyRad)) {
    throw new InvalidArgumentError(
      'meanAnomalyRad',
      meanAnomalyRad,
      'rad',
      'must be a finite number',
    );
  }
  if (!(ecc > 1 && Number.isFinite(ecc))) {
    throw new InvalidArgumentError('ecc', ecc, '', 'must be > 1 for a hyperbola');
  }
  const sign = meanAnomalyRad < 0 ? -1 : 1;
  const m = Math.abs(meanAnomalyRad);
  if (m === 0) return 0;
  // Tiny M: e sinh H − H = (e − 1)H (1 + O(H²)); the bracket below would underflow.
  const linear = m / (ecc - 1);
  if (linear < 1e-100) return sign * linear;
  let lo = Math.asinh(m / ecc);
  let hi = Math.asinh(m / (ecc - 1));
  let h = Math.min(Math.max(Math.log((2 * m) / ecc + 1.8), lo), hi);
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const f = (ecc - 1) * h + ecc * sinhMinusX(h) - m;
    if (f === 0) break;
    if (f > 0) hi = h;
    else lo = h;
    const fp = ecc * Math.cosh(h) - 1;
    let next = h - f / fp;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    const step = Math.abs(next - h);
    h = next;
    if (step <= 4e-16 * Math.max(1, h) || hi - lo <= 4e-16 * h) break;
  }
  return sign * h;
}

/**
 * The mean anomaly of an ellipse from its eccentric anomaly: M = E − e sin E.
 *
 * @param eccentricAnomalyRad - E, rad
 * @param ecc - eccentricity, 0 ≤ e < 1
 * @returns M, rad (same revolution as E)
 * @example
 * ```ts
 * meanAnomalyFromEccentricRad(Math.PI / 2, 0.1); // ≈ 1.4707963267949
 * ```
 */
export function meanAnomalyFromEccentricRad(eccentricAnomalyRad: number, ecc: number): number {
  return (1 - ecc) * eccentricAnomalyRad + ecc * xMinusSin(eccentricAnomalyRad);
}

/**
 * The mean anomaly of a hyperbola from its hyperbolic anomaly: M = e sinh H − H.
 *
 * @param hyperbolicAnomalyRad - H, rad
 * @param ecc - eccentricity, e > 1
 * @returns M, rad
 * @example
 * ```ts
 * meanAnomalyFromHyperbolicRad(1, 2); // ≈ 1.3504023872876
 * ```
 */
export function meanAnomalyFromHyperbolicRad(hyperbolicAnomalyRad: number, ecc: number): number {
  return (ecc - 1) * hyperbolicAnomalyRad + ecc * sinhMinusX(hyperbolicAnomalyRad);
}
