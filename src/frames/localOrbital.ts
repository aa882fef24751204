/**
 * Local orbital frames: RTN (also called RSW or RIC), TNW and LVLH, built from a position and
 * a velocity in an inertial frame.
 *
 * Every function returns the rotation M from the inertial frame to the local one: its rows are
 * the local axes expressed in inertial coordinates, so r_local = M · r_inertial and
 * r_inertial = Mᵀ · r_local. The frame's own rotation (its angular velocity, needed to turn
 * relative velocities) is not included.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors';
import type { Mat3, Vec3, Vec3Like } from '../math';

/** The local orbital frames available. */
export type LocalOrbitalFrameType = 'RTN' | 'TNW' | 'LVLH';

/** All local orbital frame types, for iteration. */
export const LOCAL_ORBITAL_FRAME_TYPES: readonly LocalOrbitalFrameType[] = Object.freeze([
  'RTN',
  'TNW',
  'LVLH',
]);

/**
 * Rotation to the RTN frame (RSW in Vallado, RIC "radial, in-track, cross-track" elsewhere):
 * R along the position, N along the angular momentum r × v, T = N × R completes the
 * right-handed triad (along the velocity for a circular orbit).
 *
 * @param positionKm - position in an inertial frame, km
 * @param velocityKmS - velocity in the same frame, km/s, not parallel to the position
 * @returns M with rows R, T, N in inertial coordinates: r_rtn = M · r_inertial
 * @throws {@link InvalidArgumentError} when the position is zero or r × v = 0
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), ch. 3,
 *   satellite coordinate systems (RSW); CCSDS 502.0-B-3, Orbit Data Messages (2023), and the
 *   SANA registry of orbit-relative frames (RTN, RSW, RIC)
 *
 * @example
 * ```ts
 * rtnRotation([7000, 0, 0], [0, 7.5, 0]); // [1, 0, 0, 0, 1, 0, 0, 0, 1]
 * ```
 */
export function rtnRotation(positionKm: Vec3Like, velocityKmS: Vec3Like): Mat3 {
  const rHat = unit(positionKm, 'positionKm', 'km');
  const hHat = momentumDirection(positionKm, velocityKmS, rHat);
  const t = cross(hHat, rHat);
  return [rHat[0], rHat[1], rHat[2], t[0], t[1], t[2], hHat[0], hHat[1], hHat[2]];
}

/**
 * Rotation to the TNW frame: T along the velocity, W along the angular momentum r × v,
 * N = W × T completes the right-handed triad (T, N, W): N lies in the orbit plane and points
 * towards the centre for a circular orbit. Vallado's NTW frame has the same T and W but its
 * N = T × W, the opposite vector, so that (N, T, W) is right-handed.
 *
 * @param positionKm - position in an inertial frame, km
 * @param velocityKmS - velocity in the same frame, km/s, non-zero and not parallel to the
 *   position
 * @returns M with rows T, N, W in inertial coordinates: r_tnw = M · r_inertial
 * @throws {@link InvalidArgumentError} when the velocity is zero or r × v = 0
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), ch. 3,
 *   satellite coordinate systems (NTW); CCSDS 502.0-B-3, Orbit Data Messages (2023), and the
 *   SANA registry of orbit-relative frames (TNW); Orekit `LOFType.TNW`
 *
 * @example
 * ```ts
 * tnwRotation([7000, 0, 0], [0, 7.5, 0]); // [0, 1, 0, -1, 0, 0, 0, 0, 1]
 * ```
 */
export function tnwRotation(positionKm: Vec3Like, velocityKmS: Vec3Like): Mat3 {
  unit(positionKm, 'positionKm', 'km');
  const tHat = unit(velocityKmS, 'velocityKmS', 'km/s');
  const hHat = momentumDirection(positionKm, velocityKmS, tHat);
  const n = cross(hHat, tHat);
  return [tHat[0], tHat[1], tHat[2], n[0], n[1], n[2], hHat[0], hHat[1], hHat[2]];
}

/**
 * Rotation to the LVLH frame as CCSDS and Orekit (`LOFType.LVLH_CCSDS`) define it: Z towards
 * the centre (−r), Y opposite to the angular momentum (−(r × v)), X = Y × Z completes the
 * right-handed triad (along the velocity for a circular orbit). Note that other texts (and
 * Orekit's plain `LOFType.LVLH`) use "LVLH" for the RTN-like frame X = r̂, Z = ĥ.
 *
 * @param positionKm - position in an inertial frame, km
 * @param velocityKmS - velocity in the same frame, km/s, not parallel to the position
 * @returns M with rows X, Y, Z in inertial coordinates: r_lvlh = M · r_inertial
 * @throws {@link InvalidArgumentError} when the position is zero or r × v = 0
 * @see CCSDS 502.0-B-3, Orbit Data Messages (2023), and the SANA registry of
 *   orbit-relative frames (LVLH); Orekit `LOFType.LVLH_CCSDS`
 *
 * @example
 * ```ts
 * lvlhRotation([7000, 0, 0], [0, 7.5, 0]); // [0, 1, 0, 0, 0, -1, -1, 0, 0]
 * ```
 */
export function lvlhRotation(positionKm: Vec3Like, velocityKmS: Vec3Like): Mat3 {
  const rHat = unit(positionKm, 'positionKm', 'km');
  const hHat = momentumDirection(positionKm, velocityKmS, rHat);
  // X = Y × Z = (−ĥ) × (−r̂) = ĥ × r̂.
  const x = cross(hHat, rHat);
  return [x[0], x[1], x[2], -hHat[0], -hHat[1], -hHat[2], -rHat[0], -rHat[1], -rHat[2]];
}

/**
 * Rotation from an inertial frame to the local orbital frame of the given type.
 *
 * @param type - `'RTN'`, `'TNW'` or `'LVLH'`
 * @param positionKm - position in an inertial frame, km
 * @param velocityKmS - velocity in the same frame, km/s
 * @returns M with rows the local axes in inertial coordinates: r_local = M · r_inertial
 * @throws {@link InvalidArgumentError} when the state defines no orbital plane or the type is
 *   unknown
 *
 * @example
 * ```ts
 * localOrbitalRotation('RTN', [7000, 0, 0], [0, 7.5, 0]); // [1, 0, 0, 0, 1, 0, 0, 0, 1]
 * ```
 */
export function localOrbitalRotation(
  type: LocalOrbitalFrameType,
  positionKm: Vec3Like,
  velocityKmS: Vec3Like,
): Mat3 {
  switch (type) {
    case 'RTN':
      return rtnRotation(positionKm, velocityKmS);
    case 'TNW':
      return tnwRotation(positionKm, velocityKmS);
    case 'LVLH':
      return lvlhRotation(positionKm, velocityKmS);
    default:
      throw new InvalidArgumentError('type', type, '', "must be 'RTN', 'TNW' or 'LVLH'");
  }
}

/**
 * Unit vector along r × v, made orthogonal to `axis` (r̂ or v̂, to which it is orthogonal in
 * exact arithmetic) by one Gram–Schmidt step: when v is nearly parallel to r the rounding of
 * r × v is large relative to its length, and without this step the triad would lose
 * orthogonality in proportion.
 */
function momentumDirection(positionKm: Vec3Like, velocityKmS: Vec3Like, axis: Vec3): Vec3 {
  const rx = positionKm[0]!;
  const ry = positionKm[1]!;
  const rz = positionKm[2]!;
  const vx = velocityKmS[0]!;
  const vy = velocityKmS[1]!;
  const vz = velocityKmS[2]!;
  let hx = ry * vz - rz * vy;
  let hy = rz * vx - rx * vz;
  let hz = rx * vy - ry * vx;
  const along = hx * axis[0] + hy * axis[1] + hz * axis[2];
  hx -= along * axis[0];
  hy -= along * axis[1];
  hz -= along * axis[2];
  const hNorm = Math.hypot(hx, hy, hz);
  if (!(hNorm > 0 && Number.isFinite(hNorm))) {
    throw new InvalidArgumentError(
      'velocityKmS',
      [vx, vy, vz],
      'km/s',
      'must be finite and not parallel to the position (r × v = 0 defines no orbital plane)',
    );
  }
  return [hx / hNorm, hy / hNorm, hz / hNorm];
}

function unit(v: Vec3Like, name: string, unitName: string): Vec3 {
  const x = v[0]!;
  const y = v[1]!;
  const z = v[2]!;
  const n = Math.hypot(x, y, z);
  if (!(n > 0 && Number.isFinite(n))) {
    throw new InvalidArgumentError(name, [x, y, z], unitName, 'must be a non-zero finite vector');
  }
  return [x / n, y / n, z / n];
}

/**
 * a × b for orthogonal unit vectors, renormalised: the exact product is a unit vector, and
 * dividing by the computed length removes the few ulp that the rounding of a and b leaves.
 */
function cross(a: Vec3, b: Vec3): Vec3 {
  const x = a[1] * b[2] - a[2] * b[1];
  const y = a[2] * b[0] - a[0] * b[2];
  const z = a[0] * b[1] - a[1] * b[0];
  const n = Math.hypot(x, y, z);
  return [x / n, y / n, z / n];
}
