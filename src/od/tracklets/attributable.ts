/**
 * The attributable of a tracklet: right ascension, declination and their rates at one
 * instant, with their covariance, from a weighted polynomial fit.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import { invertSpdInto } from '../../math';
import type { Epoch } from '../../time';
import type { RaDec, RaDecAxes } from '../measurements';
import type { Tracklet } from './groupTracklets';

/** Options of {@link fitAttributable}. */
export interface FitAttributableOptions {
  /** Instant of the attributable (default: the mean epoch of the measurements). */
  readonly referenceEpoch?: Epoch;
  /**
   * Degree of the polynomial in time of each angle: 1, 2, or `'auto'` (default): 2 from
   * {@link QUADRATIC_MIN_POINTS} points on, else 1.
   */
  readonly degree?: 1 | 2 | 'auto';
}

/** RA, Dec and their rates at an instant, with their covariance. */
export interface Attributable {
  /** The sensor. */
  readonly sensorId: string;
  /** Axes of the angles. */
  readonly axes: RaDecAxes;
  /** The instant. */
  readonly epoch: Epoch;
  /** Right ascension, rad, in [0, 2π). */
  readonly rightAscensionRad: number;
  /** Declination, rad. */
  readonly declinationRad: number;
  /** Rate of the right ascension, rad/s. */
  readonly rightAscensionRateRadS: number;
  /** Rate of the declination, rad/s. */
  readonly declinationRateRadS: number;
  /**
   * Covariance of (α, δ, α̇, δ̇), 4×4 (rad², rad²/s, rad²/s²), from the measurement σ; RA
   * and Dec are fitted independently, so the α–δ blocks are zero.
   */
  readonly covariance: readonly (readonly number[])[];
  /** Degree of the polynomials fitted. */
  readonly degree: 1 | 2;
  /** Number of measurements. */
  readonly pointCount: number;
  /** √(Σ (residual/σ)² / (2n)) over both angles (≈ 1 when the σ are right). */
  readonly rmsNormalized: number;
}

/**
 * From this many points on, `degree: 'auto'` fits a quadratic (three leave no redundancy).
 *
 * @example
 * ```ts
 * QUADRATIC_MIN_POINTS; // 5
 * ```
 */
export const QUADRATIC_MIN_POINTS = 5;

const TWO_PI = 2 * Math.PI;

/**
 * Fits α(t) and δ(t) of a tracklet by weighted least squares (weights 1/σ²), each with a
 * polynomial of degree 1 or 2 in t − t_ref, and returns the value and first derivative at
 * t_ref with their covariance. The right ascensions are unwrapped around the first one
 * (in time order) before the fit, so a tracklet across 0/2π is handled; the result does not
 * depend on the order of the input.
 *
 * @param tracklet - a tracklet, or RA/Dec measurements of one sensor in one set of axes
 * @param options - reference epoch and degree
 * @returns the attributable
 * @throws {@link InvalidArgumentError} with fewer than degree + 1 measurements (2 at
 *   least), mixed sensors or axes, or a degree other than 1, 2 or 'auto'
 * @see Milani & Gronchi, Theory of Orbit Determination (2010), §8.1; Poore et al., "Covariance
 *   and uncertainty realism in space surveillance and tracking" (2016), for attributables in
 *   SST
 * @example
 * ```ts
 * const t0 = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
 * const points = [0, 120, 240, 360].map((s) =>
 *   RaDec.create({
 *     epoch: t0.plusSeconds(s),
 *     sensorId: 'TCA',
 *     rightAscensionRad: 1 + 7e-5 * s,
 *     declinationRad: -0.1 + 1e-6 * s,
 *     sigmaRightAscensionRad: 5e-6,
 *     sigmaDeclinationRad: 5e-6,
 *   }),
 * );
 * const a = fitAttributable(points);
 * a.rightAscensionRateRadS; // ≈ 0.00007
 * a.epoch.secondsSince(t0); // 180
 * ```
 */
export function fitAttributable(
  tracklet: Tracklet | readonly RaDec[],
  options: FitAttributableOptions = {},
): Attributable {
  const input = isTracklet(tracklet) ? tracklet.measurements : tracklet;
  const ms = [...input].sort(
    (a, b) =>
      a.epoch.compare(b.epoch) ||
      a.rightAscensionRad - b.rightAscensionRad ||
      a.declinationRad - b.declinationRad,
  );
  const n = ms.length;
  const first = ms[0];
  if (first === undefined || n < 2) {
    throw new InvalidArgumentError('tracklet', n, 'measurements', 'must hold at least 2');
  }
  for (const m of ms) {
    if (m.sensorId !== first.sensorId || m.axes !== first.axes) {
      throw new InvalidArgumentError(
        'tracklet',
        `${m.sensorId}/${m.axes}`,
        '',
        `must hold measurements of one sensor and axes (${first.sensorId}/${first.axes})`,
      );
    }
  }
  const requested = options.degree ?? 'auto';
  if (requested !== 1 && requested !== 2 && requested !== 'auto') {
    throw new InvalidArgumentError('degree', requested, '', "must be 1, 2 or 'auto'");
  }
  const degree: 1 | 2 = requested === 'auto' ? (n >= QUADRATIC_MIN_POINTS ? 2 : 1) : requested;
  if (n < degree + 1) {
    throw new InvalidArgumentError(
      'tracklet',
      n,
      'measurements',
      `must hold ${degree + 1} for degree ${degree}`,
    );
  }
  // Offsets from the first epoch; the reference is their mean unless given.
  const offsets = ms.map((m) => m.epoch.secondsSince(first.epoch));
  const refOffsetS =
    options.referenceEpoch === undefined
      ? offsets.reduce((s, x) => s + x, 0) / n
      : options.referenceEpoch.secondsSince(first.epoch);
  const epoch = options.referenceEpoch ?? first.epoch.plusSeconds(refOffsetS);
  // Times scaled by the half span, so that the normal matrix stays well conditioned.
  const scaleS = Math.max(...offsets.map((x) => Math.abs(x - refOffsetS))) || 1;
  const times = offsets.map((x) => (x - refOffsetS) / scaleS);
  const ra0 = first.rightAscensionRad;
  const raFit = weightedPolyFit(
    times,
    ms.map((m) => wrapPi(m.rightAscensionRad - ra0)),
    ms.map((m) => m.sigmaRightAscensionRad),
    degree,
  );
  const decFit = weightedPolyFit(
    times,
    ms.map((m) => m.declinationRad),
    ms.map((m) => m.sigmaDeclinationRad),
    degree,
  );
  let ra = ra0 + raFit.coefficients[0]!;
  ra -= TWO_PI * Math.floor(ra / TWO_PI);
  if (ra >= TWO_PI) ra = 0;
  const cr = raFit.covariance;
  const cd = decFit.covariance;
  const s1 = 1 / scaleS;
  const covariance = [
    [cr[0]![0]!, 0, cr[0]![1]! * s1, 0],
    [0, cd[0]![0]!, 0, cd[0]![1]! * s1],
    [cr[1]![0]! * s1, 0, cr[1]![1]! * s1 * s1, 0],
    [0, cd[1]![0]! * s1, 0, cd[1]![1]! * s1 * s1],
  ].map((row) => Object.freeze(row));
  return Object.freeze({
    sensorId: first.sensorId,
    axes: first.axes,
    epoch,
    rightAscensionRad: ra,
    declinationRad: decFit.coefficients[0]!,
    rightAscensionRateRadS: raFit.coefficients[1]! * s1,
    declinationRateRadS: decFit.coefficients[1]! * s1,
    covariance: Object.freeze(covariance),
    degree,
    pointCount: n,
    rmsNormalized: Math.sqrt((raFit.chiSquare + decFit.chiSquare) / (2 * n)),
  });
}

interface PolyFit {
  readonly coefficients: readonly number[];
  readonly covariance: readonly (readonly number[])[];
  readonly chiSquare: number;
}

/** Weighted least squares of y ≈ Σ c_k t^k, k ≤ degree, by the normal equations. */
function weightedPolyFit(
  t: readonly number[],
  y: readonly number[],
  sigma: readonly number[],
  degree: number,
): PolyFit {
  const m = degree + 1;
  const N = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  const b = new Array<number>(m).fill(0);
  for (let i = 0; i < t.length; i++) {
    const w = 1 / (sigma[i]! * sigma[i]!);
    const p = [1, t[i]!, t[i]! * t[i]!];
    for (let r = 0; r < m; r++) {
      b[r]! += w * p[r]! * y[i]!;
      for (let c = 0; c < m; c++) N[r]![c]! += w * p[r]! * p[c]!;
    }
  }
  // The normal matrix is symmetric positive definite for distinct times (≥ degree + 1 points).
  const flat = new Float64Array(m * m);
  invertSpdInto(flat, N.flat(), m);
  const inv = Array.from({ length: m }, (_, r) => Array.from(flat.subarray(r * m, (r + 1) * m)));
  const coefficients = inv.map((row) => row.reduce((s, v, c) => s + v * b[c]!, 0));
  let chiSquare = 0;
  for (let i = 0; i < t.length; i++) {
    let f = 0;
    for (let k = m - 1; k >= 0; k--) f = f * t[i]! + coefficients[k]!;
    chiSquare += ((y[i]! - f) / sigma[i]!) ** 2;
  }
  return { coefficients, covariance: inv, chiSquare };
}

function wrapPi(angleRad: number): number {
  return angleRad - TWO_PI * Math.floor((angleRad + Math.PI) / TWO_PI);
}

function isTracklet(t: Tracklet | readonly RaDec[]): t is Tracklet {
  return !Array.isArray(t);
}
