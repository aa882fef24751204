/**
 * The Herrick–Gibbs method: the velocity at the middle of three closely spaced, timed
 * positions of a two-body orbit.
 *
 * @packageDocumentation
 */
import { EARTH_GM_KM3_S2 } from '../../bodies/constants';
import { InvalidArgumentError } from '../../errors';
import { type Vec3, type Vec3Like, vec3 } from '../../math';
import { type PositionsIodResult, positionDiagnostics } from './gibbs';
import { checkMuKm3S2, checkPositionsKm } from './internal/shared';

/** Options of {@link solveHerrickGibbs}. */
export interface HerrickGibbsOptions {
  /** Gravitational parameter μ, km³/s². Default {@link EARTH_GM_KM3_S2}. */
  readonly muKm3S2?: number;
}

/**
 * The Herrick–Gibbs method: the velocity at `r2Km` from three timed positions, by a Taylor
 * series of the position in time in which the two-body acceleration −μr/r³ replaces the second
 * derivative.
 *
 * v₂ = −Δt₃₂ (1/(Δt₂₁Δt₃₁) + μ/(12r₁³)) r₁ + (Δt₃₂ − Δt₂₁)(1/(Δt₂₁Δt₃₂) + μ/(12r₂³)) r₂
 * + Δt₂₁ (1/(Δt₃₂Δt₃₁) + μ/(12r₃³)) r₃. Its truncation error grows as the fourth power of the
 * spacing: suited to positions a few degrees apart or less, where Gibbs loses accuracy.
 *
 * @param r1Km - first position, km
 * @param r2Km - second position, km (the velocity is found here)
 * @param r3Km - third position, km
 * @param t1S - time of the first position, s (any origin)
 * @param t2S - time of the second, s, after t1S
 * @param t3S - time of the third, s, after t2S
 * @param options - μ, km³/s²
 * @returns the velocity (km/s) with the coplanarity and separation angles (rad)
 * @throws {@link InvalidArgumentError} for a non-finite or zero position, times not strictly
 *   increasing, or a bad μ
 * @see Vallado (2013), Algorithm 55 and Example 7-4; Herrick, Astrodynamics (1971)
 * @example
 * ```ts
 * // Vallado, Example 7-4
 * const hg = solveHerrickGibbs(
 *   [3419.85564, 6019.82602, 2784.60022],
 *   [2935.91195, 6326.18324, 2660.59584],
 *   [2434.95202, 6597.38674, 2521.52311],
 *   0,
 *   76.48,
 *   153.04,
 * );
 * if (hg.ok) hg.velocityKmS; // ≈ [-6.441557, 3.777560, -1.720568]
 * ```
 */
export function solveHerrickGibbs(
  r1Km: Vec3Like,
  r2Km: Vec3Like,
  r3Km: Vec3Like,
  t1S: number,
  t2S: number,
  t3S: number,
  options: HerrickGibbsOptions = {},
): PositionsIodResult {
  const mu = options.muKm3S2 ?? EARTH_GM_KM3_S2;
  checkPositionsKm(r1Km, r2Km, r3Km);
  checkMuKm3S2(mu);
  if (!Number.isFinite(t1S + t2S + t3S) || !(t1S < t2S && t2S < t3S)) {
    throw new InvalidArgumentError(
      't1S, t2S, t3S',
      [t1S, t2S, t3S],
      's',
      'must be finite and strictly increasing',
    );
  }
  const dt21 = t2S - t1S;
  const dt31 = t3S - t1S;
  const dt32 = t3S - t2S;
  const r1 = vec3.norm(r1Km);
  const r2 = vec3.norm(r2Km);
  const r3 = vec3.norm(r3Km);
  // Vallado (2013) eq. 7-23.
  const c1 = -dt32 * (1 / (dt21 * dt31) + mu / (12 * r1 * r1 * r1));
  const c2 = (dt32 - dt21) * (1 / (dt21 * dt32) + mu / (12 * r2 * r2 * r2));
  const c3 = dt21 * (1 / (dt32 * dt31) + mu / (12 * r3 * r3 * r3));
  const v: Vec3 = [
    c1 * r1Km[0]! + c2 * r2Km[0]! + c3 * r3Km[0]!,
    c1 * r1Km[1]! + c2 * r2Km[1]! + c3 * r3Km[1]!,
    c1 * r1Km[2]! + c2 * r2Km[2]! + c3 * r3Km[2]!,
  ];
  return {
    ok: true,
    velocityKmS: Object.freeze(v) as Vec3,
    ...positionDiagnostics(r1Km, r2Km, r3Km),
  };
}
