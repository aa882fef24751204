/**
 * Gibbs' method: the velocity at the middle of three coplanar position vectors of a two-body
 * orbit.
 *
 * @packageDocumentation
 */
import { EARTH_GM_KM3_S2 } from '../../bodies/constants';
import { InvalidArgumentError } from '../../errors';
import { type Vec3, type Vec3Like, vec3 } from '../../math';
import { checkMuKm3S2, checkPositionsKm } from './internal/shared';
import type { IodFailure } from './types';

/** Options of {@link solveGibbs}. */
export interface GibbsOptions {
  /** Gravitational parameter μ, km³/s². Default {@link EARTH_GM_KM3_S2}. */
  readonly muKm3S2?: number;
}

/** The velocity found by {@link solveGibbs} or {@link solveHerrickGibbs}, with diagnostics. */
export interface PositionsIodSuccess {
  /** Always true. */
  readonly ok: true;
  /** Velocity at the second position, km/s. */
  readonly velocityKmS: Vec3;
  /**
   * Angle of the first position out of the plane of the other two, rad (Vallado's
   * coplanarity test: 0 for exact two-body data; noise makes it grow).
   */
  readonly coplanarityRad: number;
  /** Angle between the first and second positions, rad. */
  readonly angle12Rad: number;
  /** Angle between the second and third positions, rad. */
  readonly angle23Rad: number;
}

/** What {@link solveGibbs} and {@link solveHerrickGibbs} return. */
export type PositionsIodResult = PositionsIodSuccess | IodFailure;

/** Vallado's diagnostics: coplanarity and the two separation angles. */
export function positionDiagnostics(
  r1: Vec3Like,
  r2: Vec3Like,
  r3: Vec3Like,
): { coplanarityRad: number; angle12Rad: number; angle23Rad: number } {
  const n23 = vec3.cross(r2, r3);
  const n = vec3.norm(n23);
  const coplanarityRad =
    n > 0 ? Math.abs(Math.asin(Math.min(1, Math.abs(vec3.dot(n23, r1)) / (n * vec3.norm(r1))))) : 0;
  return {
    coplanarityRad,
    angle12Rad: vec3.angleBetween(r1, r2),
    angle23Rad: vec3.angleBetween(r2, r3),
  };
}

/**
 * Gibbs' method: the velocity at `r2Km` on the two-body orbit through three positions.
 *
 * With N = r₁(r₂×r₃) + r₂(r₃×r₁) + r₃(r₁×r₂), D = r₁×r₂ + r₂×r₃ + r₃×r₁ and
 * S = r₁(r₂ − r₃) + r₂(r₃ − r₁) + r₃(r₁ − r₂) (vectors times differences of
 * magnitudes), v₂ = √(μ/(N·D)) (D×r₂/r₂ + S). The method is
 * purely geometric (no times), exact for coplanar positions, and loses accuracy when the
 * positions are close together (Vallado advises Herrick–Gibbs below about 1° to 5°).
 *
 * @param r1Km - first position, km
 * @param r2Km - second position, km (the velocity is found here)
 * @param r3Km - third position, km
 * @param options - μ, km³/s²
 * @returns the velocity (km/s) with the coplanarity and separation angles (rad), or a
 *   `'degenerate-geometry'` failure when N·D ≤ 0 (collinear positions, or positions that no
 *   conic passes through in that order)
 * @throws {@link InvalidArgumentError} for a non-finite or zero position or a bad μ
 * @see Vallado (2013), Algorithm 54 and Example 7-3; Curtis (2013), Algorithm 5.1 and
 *   Example 5.1
 * @example
 * ```ts
 * // Vallado, Example 7-3
 * const g = solveGibbs([0, 0, 6378.137], [0, -4464.696, -5102.509], [0, 5740.323, 3189.068]);
 * if (g.ok) g.velocityKmS; // ≈ [0, 5.531148, -5.191806]
 * ```
 */
export function solveGibbs(
  r1Km: Vec3Like,
  r2Km: Vec3Like,
  r3Km: Vec3Like,
  options: GibbsOptions = {},
): PositionsIodResult {
  const mu = options.muKm3S2 ?? EARTH_GM_KM3_S2;
  checkPositionsKm(r1Km, r2Km, r3Km);
  checkMuKm3S2(mu);
  const r1 = vec3.norm(r1Km);
  const r2 = vec3.norm(r2Km);
  const r3 = vec3.norm(r3Km);
  const c12 = vec3.cross(r1Km, r2Km);
  const c23 = vec3.cross(r2Km, r3Km);
  const c31 = vec3.cross(r3Km, r1Km);
  // Curtis (2013) eqs. 5.13, 5.14 and 5.21; Vallado (2013) Algorithm 54.
  const n = vec3.add(vec3.add(vec3.scale(c23, r1), vec3.scale(c31, r2)), vec3.scale(c12, r3));
  const d = vec3.add(vec3.add(c12, c23), c31);
  const s = vec3.add(
    vec3.add(vec3.scale(r1Km, r2 - r3), vec3.scale(r2Km, r3 - r1)),
    vec3.scale(r3Km, r1 - r2),
  );
  const nd = vec3.norm(n) * vec3.norm(d);
  const diag = positionDiagnostics(r1Km, r2Km, r3Km);
  if (!(nd > 0) || vec3.dot(n, d) <= 0) {
    return {
      ok: false,
      reason: 'degenerate-geometry',
      message: `Gibbs: N·D = ${vec3.dot(n, d)} km⁶ ≤ 0 (positions ${(diag.angle12Rad * 180) / Math.PI} and ${(diag.angle23Rad * 180) / Math.PI} deg apart): no conic through them in this order`,
      iterations: 0,
    };
  }
  const k = Math.sqrt(mu / nd);
  const dxr = vec3.cross(d, r2Km);
  const v: Vec3 = [k * (dxr[0] / r2 + s[0]), k * (dxr[1] / r2 + s[1]), k * (dxr[2] / r2 + s[2])];
  return { ok: true, velocityKmS: Object.freeze(v) as Vec3, ...diag };
}
