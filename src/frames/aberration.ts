/**
 * Stellar aberration: the shift of an observed direction towards the observer's velocity.
 *
 * Sizes (the shift is (v/c) sin θ, θ the angle between the direction and the velocity,
 * whatever the distance of the target, so the same for a GEO object as for a star):
 * - annual, from the Earth's barycentric velocity (29.3–30.3 km/s): up to 20.5″ (20.8″ at
 *   perihelion);
 * - diurnal, from the site's velocity about the geocentre (0.465 km/s × cos φ): up to 0.32″
 *   at the equator, 0.23″ at Calern (43.75° N).
 *
 * @packageDocumentation
 */

import { InvalidArgumentError } from '../errors';
import type { Vec3, Vec3Like } from '../math';
import { SPEED_OF_LIGHT_KM_S as C_KM_S } from './lightTime';

/** Speed of light in vacuum, km/s (exact by the SI definition of the metre). */

/**
 * Applies aberration for an observer moving at a given velocity: the relativistic formula of
 * SOFA/ERFA `eraAb` without its light-deflection term,
 * p′ ∝ p/γ + (1 + p·β / (1 + 1/γ)) β, with β = v/c and γ = 1/√(1 − β²).
 *
 * @param direction - direction of the target as seen by an observer at rest (any length, not
 *   zero), in the frame of the velocity
 * @param observerVelocityKmS - observer velocity relative to the frame in which `direction`
 *   is geometric, km/s, |v| < c
 * @returns the apparent direction, a unit vector
 * @throws {@link InvalidArgumentError} when the direction is zero or not finite, or |v| ≥ c
 * @see SOFA/ERFA `eraAb`; Seidelmann (ed.), Explanatory Supplement to the Astronomical Almanac
 *   (1992), §3.252
 *
 * @example
 * ```ts
 * // Looking across a velocity of c/1000: the direction tilts by β = 0.001 rad (to first order)
 * const p = applyAberration([1, 0, 0], [0, 299.792458, 0]);
 * Math.atan2(p[1], p[0]); // ≈ 0.001000000
 * ```
 */
export function applyAberration(direction: Vec3Like, observerVelocityKmS: Vec3Like): Vec3 {
  const px0 = direction[0]!;
  const py0 = direction[1]!;
  const pz0 = direction[2]!;
  const n = Math.hypot(px0, py0, pz0);
  if (!(n > 0 && Number.isFinite(n))) {
    throw new InvalidArgumentError(
      'direction',
      [px0, py0, pz0],
      '',
      'must be a non-zero finite vector',
    );
  }
  const px = px0 / n;
  const py = py0 / n;
  const pz = pz0 / n;
  const bx = observerVelocityKmS[0]! / C_KM_S;
  const by = observerVelocityKmS[1]! / C_KM_S;
  const bz = observerVelocityKmS[2]! / C_KM_S;
  const b2 = bx * bx + by * by + bz * bz;
  if (!(b2 < 1)) {
    throw new InvalidArgumentError(
      'observerVelocityKmS',
      [observerVelocityKmS[0], observerVelocityKmS[1], observerVelocityKmS[2]],
      'km/s',
      'must be finite and slower than light',
    );
  }
  const invGamma = Math.sqrt(1 - b2);
  const pb = px * bx + py * by + pz * bz;
  const w = 1 + pb / (1 + invGamma);
  const qx = invGamma * px + w * bx;
  const qy = invGamma * py + w * by;
  const qz = invGamma * pz + w * bz;
  const m = Math.hypot(qx, qy, qz);
  return [qx / m, qy / m, qz / m];
}

/**
 * Annual aberration: {@link applyAberration} with the Earth's (or the observer's) velocity
 * relative to the solar-system barycentre, in BCRS/GCRF axes. Up to 20.5″.
 *
 * For a satellite, the direction the telescope sees is its light-time corrected GCRF
 * direction with diurnal aberration only. Catalogue star places are astrometric (free of
 * aberration), so reducing an image against them removes the observer's whole barycentric
 * aberration (annual and diurnal) from everything in the field: the reduced RA/Dec of a
 * satellite is its light-time corrected GCRF direction aberrated by minus the Earth's
 * barycentric velocity. To model such a measurement, call this function with the velocity
 * negated and leave out the diurnal term.
 *
 * @param direction - geometric direction of the target (any length, not zero)
 * @param observerBarycentricVelocityKmS - observer velocity relative to the barycentre, km/s
 * @returns the aberrated direction, a unit vector
 * @throws {@link InvalidArgumentError} when the direction is zero or not finite, or |v| ≥ c
 * @see Seidelmann (ed.), Explanatory Supplement to the Astronomical Almanac (1992), §3.252
 *
 * @example
 * ```ts
 * // Earth's mean orbital speed across the line of sight: 29.78 km/s → 20.49″
 * const p = applyAnnualAberration([1, 0, 0], [0, 29.78, 0]);
 * (Math.atan2(p[1], p[0]) * 648000) / Math.PI; // ≈ 20.489
 * ```
 */
export function applyAnnualAberration(
  direction: Vec3Like,
  observerBarycentricVelocityKmS: Vec3Like,
): Vec3 {
  return applyAberration(direction, observerBarycentricVelocityKmS);
}

/**
 * Diurnal aberration: {@link applyAberration} with the site's velocity relative to the
 * geocentre in GCRF (ω⊕ × r_site, plus polar motion and precession-nutation terms that are
 * negligible here). Up to 0.32″ at the equator.
 *
 * @param direction - geometric direction of the target in GCRF (any length, not zero)
 * @param siteVelocityGcrfKmS - site velocity in GCRF, km/s
 * @returns the aberrated direction, a unit vector
 * @throws {@link InvalidArgumentError} when the direction is zero or not finite, or |v| ≥ c
 *
 * @example
 * ```ts
 * // Site on the equator moving east at 0.4651 km/s, target at the pole (across the velocity)
 * const p = applyDiurnalAberration([0, 0, 1], [0, 0.4651, 0]);
 * (Math.atan2(p[1], p[2]) * 648000) / Math.PI; // ≈ 0.320
 * ```
 */
export function applyDiurnalAberration(direction: Vec3Like, siteVelocityGcrfKmS: Vec3Like): Vec3 {
  return applyAberration(direction, siteVelocityGcrfKmS);
}
