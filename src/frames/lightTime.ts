/**
 * Light-time correction: where a target was when it emitted (or reflected) the light that an
 * observer receives now.
 *
 * Size for a GEO object: the light takes 0.12–0.14 s from the belt to the ground, during which
 * the satellite moves 0.37–0.42 km in GCRF; the direction changes by v⊥/c, up to
 * 3.07 / 299792.458 rad ≈ 2.1″, whatever the range. Both positions must be in the same
 * inertial (or quasi-inertial, such as GCRF) frame: in a rotating frame the observer's motion
 * during the light time is lost.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors';
import type { Vec3, Vec3Like } from '../math';

/**
 * Speed of light in vacuum, km/s (exact by the SI definition of the metre).
 *
 * @example
 * ```ts
 * SPEED_OF_LIGHT_KM_S; // 299792.458
 * ```
 */
export const SPEED_OF_LIGHT_KM_S = 299792.458;
const C_KM_S = SPEED_OF_LIGHT_KM_S;

/** Result of a light-time correction. */
export interface LightTimeResult {
  /** Target position at the emission time, km, in the frame of the inputs. */
  readonly positionKm: Vec3;
  /** Light time τ (reception minus emission), s. */
  readonly lightTimeS: number;
}

/** Result of {@link correctLightTime}: the corrected position and how the iteration ended. */
export interface IteratedLightTimeResult extends LightTimeResult {
  /** Number of evaluations of the target's position after the first. */
  readonly iterations: number;
  /** Whether the last change of τ was within the tolerance. */
  readonly converged: boolean;
}

/** Options of {@link correctLightTime}. */
export interface LightTimeOptions {
  /** Stop when τ changes by less than this, s (default 1e-12 s: 0.3 mm of light path). */
  readonly toleranceS?: number;
  /** Largest number of iterations (default 10). */
  readonly maxIterations?: number;
}

/**
 * Light-time correction by fixed-point iteration: τ ← |r(t − τ) − o(t)| / c, with the target's
 * position supplied by the caller as a function of the time offset from reception.
 *
 * Each iteration multiplies the error of τ by at most v/c (1e-5 for a GEO object), so two or
 * three iterations reach 1e-12 s.
 *
 * @param observerKm - observer position at the reception time t, km
 * @param targetPositionAt - target position at t + offsetS (offsetS ≤ 0), km, same frame
 * @param options - tolerance and iteration limit
 * @returns the target position at t − τ, τ (s), the number of iterations and whether they
 *   converged (then |r(t − τ) − o(t)| / c − τ is within the tolerance)
 * @throws {@link InvalidArgumentError} when an option is not positive
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §7.2; Seidelmann
 *   (ed.), Explanatory Supplement to the Astronomical Almanac (1992), §3.315
 *
 * @example
 * ```ts
 * // A target receding along x at 1 km/s, 299792.458 km away at reception
 * const lt = correctLightTime([0, 0, 0], (dtS) => [299792.458 + dtS, 0, 0]);
 * lt.lightTimeS; // ≈ 0.999996664
 * ```
 */
export function correctLightTime(
  observerKm: Vec3Like,
  targetPositionAt: (offsetS: number) => Vec3Like,
  options: LightTimeOptions = {},
): IteratedLightTimeResult {
  const toleranceS = options.toleranceS ?? 1e-12;
  const maxIterations = options.maxIterations ?? 10;
  if (!(toleranceS > 0)) {
    throw new InvalidArgumentError('toleranceS', toleranceS, 's', 'must be positive');
  }
  if (!(Number.isInteger(maxIterations) && maxIterations > 0)) {
    throw new InvalidArgumentError(
      'maxIterations',
      maxIterations,
      '',
      'must be a positive integer',
    );
  }
  let position: Vec3Like = targetPositionAt(0);
  let tauS = distance(position, observerKm) / C_KM_S;
  // The result pairs τ with the position evaluated at −τ, so that positionKm is exactly the
  // target's position at the returned emission time; the light path then differs from c τ by
  // at most the last change of τ.
  let evaluatedAtS = 0;
  for (let i = 1; i <= maxIterations; i++) {
    position = targetPositionAt(-tauS);
    evaluatedAtS = tauS;
    const next = distance(position, observerKm) / C_KM_S;
    const change = Math.abs(next - tauS);
    tauS = next;
    if (change <= toleranceS) {
      return {
        positionKm: copy(position),
        lightTimeS: evaluatedAtS,
        iterations: i,
        converged: true,
      };
    }
  }
  return {
    positionKm: copy(position),
    lightTimeS: evaluatedAtS,
    iterations: maxIterations,
    converged: false,
  };
}

/**
 * Light-time correction for a target moving in a straight line at constant velocity during the
 * light time: solves |ρ − v τ| = c τ exactly (a quadratic in τ), with ρ the observer-to-target
 * vector at reception.
 *
 * Over 0.14 s the curvature of a GEO orbit (acceleration 0.22 m/s²) moves the satellite
 * 2 mm off the straight line, 5e-11 rad at GEO range: negligible.
 *
 * @param observerKm - observer position at the reception time, km
 * @param targetKm - target position at the reception time, km, same frame
 * @param targetVelocityKmS - target velocity, km/s, |v| < c
 * @returns the target position at the emission time and the light time τ (s)
 * @throws {@link InvalidArgumentError} when |v| ≥ c
 *
 * @example
 * ```ts
 * const lt = correctLightTimeLinear([0, 0, 0], [299792.458, 0, 0], [1, 0, 0]);
 * lt.lightTimeS; // ≈ 0.999996664
 * ```
 */
export function correctLightTimeLinear(
  observerKm: Vec3Like,
  targetKm: Vec3Like,
  targetVelocityKmS: Vec3Like,
): LightTimeResult {
  const rx = targetKm[0]! - observerKm[0]!;
  const ry = targetKm[1]! - observerKm[1]!;
  const rz = targetKm[2]! - observerKm[2]!;
  const vx = targetVelocityKmS[0]!;
  const vy = targetVelocityKmS[1]!;
  const vz = targetVelocityKmS[2]!;
  const v2 = vx * vx + vy * vy + vz * vz;
  const c2 = C_KM_S * C_KM_S;
  if (!(v2 < c2)) {
    throw new InvalidArgumentError(
      'targetVelocityKmS',
      [vx, vy, vz],
      'km/s',
      'must be slower than light',
    );
  }
  const rv = rx * vx + ry * vy + rz * vz;
  const r2 = rx * rx + ry * ry + rz * rz;
  // (c² − v²) τ² + 2 (ρ·v) τ − ρ² = 0; the positive root, in the form that does not cancel.
  const disc = Math.sqrt(rv * rv + (c2 - v2) * r2);
  const tauS = rv > 0 ? r2 / (rv + disc) : (disc - rv) / (c2 - v2);
  return {
    positionKm: [targetKm[0]! - vx * tauS, targetKm[1]! - vy * tauS, targetKm[2]! - vz * tauS],
    lightTimeS: tauS,
  };
}

function distance(a: Vec3Like, b: Vec3Like): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

function copy(v: Vec3Like): Vec3 {
  return [v[0]!, v[1]!, v[2]!];
}
