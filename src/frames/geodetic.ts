/**
 * Geodetic coordinates (latitude, longitude, height above a reference ellipsoid) and their
 * conversion to and from Earth-fixed Cartesian coordinates (ITRF).
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors';
import type { Vec3, Vec3Like } from '../math';
import { type Ellipsoid, WGS84_ELLIPSOID } from './ellipsoid';

/** Geodetic coordinates in radians and kilometres. */
export interface GeodeticCoordinates {
  /** Geodetic latitude φ, rad, in [−π/2, π/2], positive north. */
  readonly latitudeRad: number;
  /** Longitude λ, rad, positive east (any value on input; (−π, π] on output). */
  readonly longitudeRad: number;
  /** Height above the ellipsoid along its normal, km. */
  readonly heightKm: number;
}

/** Geodetic coordinates in degrees and kilometres, for input and display. */
export interface GeodeticCoordinatesDeg {
  /** Geodetic latitude, degrees, in [−90, 90], positive north. */
  readonly latitudeDeg: number;
  /** Longitude, degrees, positive east. */
  readonly longitudeDeg: number;
  /** Height above the ellipsoid along its normal, km. */
  readonly heightKm: number;
}

const RAD_PER_DEG = Math.PI / 180;

/**
 * Converts geodetic coordinates to Earth-fixed Cartesian coordinates:
 * x = (N + h) cos φ cos λ, y = (N + h) cos φ sin λ, z = (N (1 − e²) + h) sin φ, with the
 * prime-vertical radius N = a / √(1 − e² sin² φ).
 *
 * Exact to rounding (a few 1e-12 km at GEO distance) for any height.
 *
 * @param geodetic - latitude (rad, in [−π/2, π/2]), longitude (rad) and height (km)
 * @param ellipsoid - reference ellipsoid (default {@link WGS84_ELLIPSOID})
 * @returns position in the ellipsoid's Earth-fixed frame (ITRF for WGS 84 / GRS 80), km
 * @throws {@link InvalidArgumentError} when a coordinate is not finite or |latitude| > π/2
 * @see NIMA TR8350.2 (3rd ed., 2000), eq. 4-14; SOFA/ERFA `eraGd2gce`
 *
 * @example
 * ```ts
 * geodeticToCartesian({ latitudeRad: 0, longitudeRad: 0, heightKm: 0 }); // [6378.137, 0, 0]
 * geodeticToCartesian({ latitudeRad: Math.PI / 2, longitudeRad: 0, heightKm: 1 });
 * // ≈ [0, 0, 6357.752314245179]
 * ```
 */
export function geodeticToCartesian(
  geodetic: GeodeticCoordinates,
  ellipsoid: Ellipsoid = WGS84_ELLIPSOID,
): Vec3 {
  const { latitudeRad, longitudeRad, heightKm } = geodetic;
  checkFinite('latitudeRad', latitudeRad, 'rad');
  checkFinite('longitudeRad', longitudeRad, 'rad');
  checkFinite('heightKm', heightKm, 'km');
  if (Math.abs(latitudeRad) > Math.PI / 2) {
    throw new InvalidArgumentError('latitudeRad', latitudeRad, 'rad', 'must lie in [−π/2, π/2]');
  }
  const a = ellipsoid.equatorialRadiusKm;
  const e2 = ellipsoid.eccentricitySquared;
  const sinPhi = Math.sin(latitudeRad);
  // cos(±Math.PI/2) is 6.1e-17, not 0: set the pole exactly so that x = y = 0 there.
  const cosPhi = Math.abs(latitudeRad) === Math.PI / 2 ? 0 : Math.cos(latitudeRad);
  const n = a / Math.sqrt(1 - e2 * sinPhi * sinPhi);
  const rho = (n + heightKm) * cosPhi;
  return [
    rho * Math.cos(longitudeRad),
    rho * Math.sin(longitudeRad),
    (n * (1 - e2) + heightKm) * sinPhi,
  ];
}

/**
 * Converts Earth-fixed Cartesian coordinates to geodetic coordinates, in closed form
 * (Vermeille 2002 and 2011: the quartic of the foot point solved through its resolvent
 * cubic, with the trigonometric root inside the evolute).
 *
 * The solution is exact, with no iteration, from the centre of the Earth to 1e50 km. Measured
 * (test/frames/geodetic.test.ts): from points that ERFA `eraGd2gc` computes from given
 * geodetic coordinates, heights −6300 km to 50 000 km, the inputs come back within 2e-15 rad
 * and 2e-11 km; Cartesian → geodetic → Cartesian is within 3e-11 km everywhere within
 * 50 000 km of the centre. (ERFA's own inverse, `eraGc2gd`, Fukushima's method with one Halley
 * step, is as exact only within a few hundred kilometres of the surface: 2e-11 rad, 1 mm, at
 * GEO, and wrong by kilometres within a thousand kilometres of the centre.)
 *
 * Where several (φ, h) describe the point, the one returned is:
 * - on the polar axis, φ = ±π/2 with the sign of z (+π/2 at the centre), λ = 0;
 * - in the equatorial plane, φ = 0 (also within a e² ≈ 42.7 km of the centre, where the
 *   nearest point of the ellipsoid is not on the equator; ERFA does the same);
 * - inside the evolute of the meridian ellipse (a region within about 43 km of the centre,
 *   where four normals of the ellipsoid meet), the nearest point of the ellipsoid, on the
 *   side of the equator where the point lies.
 * Elsewhere the answer is unique, and h is the signed distance to the ellipsoid.
 *
 * @param positionKm - Earth-fixed position (ITRF for WGS 84 / GRS 80), km, finite
 * @param ellipsoid - reference ellipsoid (default {@link WGS84_ELLIPSOID})
 * @returns latitude (rad, [−π/2, π/2]), longitude (rad, (−π, π]) and height (km)
 * @throws {@link InvalidArgumentError} when a component is not finite or beyond 1e50 km
 * @see Vermeille, H., Direct transformation from geocentric coordinates to geodetic
 *   coordinates, J. Geodesy 76 (2002) 451–454; Vermeille, H., An analytical method to
 *   transform geocentric into geodetic coordinates, J. Geodesy 85 (2011) 105–117
 *
 * @example
 * ```ts
 * const g = cartesianToGeodetic([6378.137 + 35786, 0, 0]);
 * g.heightKm; // ≈ 35786
 * cartesianToGeodetic([0, 0, -6356.752314245179]).latitudeRad; // -1.5707963267948966
 * ```
 */
export function cartesianToGeodetic(
  positionKm: Vec3Like,
  ellipsoid: Ellipsoid = WGS84_ELLIPSOID,
): GeodeticCoordinates {
  const x = positionKm[0]!;
  const y = positionKm[1]!;
  const z = positionKm[2]!;
  checkFinite('positionKm[0]', x, 'km');
  checkFinite('positionKm[1]', y, 'km');
  checkFinite('positionKm[2]', z, 'km');
  const a = ellipsoid.equatorialRadiusKm;
  const e2 = ellipsoid.eccentricitySquared;
  const rho = Math.hypot(x, y);
  if (rho > MAX_DISTANCE_KM || Math.abs(z) > MAX_DISTANCE_KM) {
    throw new InvalidArgumentError(
      'positionKm',
      [x, y, z],
      'km',
      `must lie within ${MAX_DISTANCE_KM} km of the centre (the cube of (ρ/a)² overflows beyond)`,
    );
  }

  if (rho === 0) {
    // On the polar axis: the pole of the hemisphere of z (the north pole at the centre).
    return {
      latitudeRad: z < 0 ? -Math.PI / 2 : Math.PI / 2,
      longitudeRad: 0,
      heightKm: Math.abs(z) - ellipsoid.polarRadiusKm,
    };
  }
  const longitudeRad = Math.atan2(y, x);
  if (z === 0) {
    return { latitudeRad: 0, longitudeRad, heightKm: rho - a };
  }

  // Vermeille (2002), with k the parameter of the foot point: the point is
  // (N (k + e²) cos φ, N k sin φ) in its meridian plane, and k solves the quartic
  // p / (k + e²)² + q / k² = 1.
  // √p, √q and √d are formed as products, not as roots of squares: for |z| below 1e-150 km
  // the squares underflow, while these products keep their precision.
  const e4 = e2 * e2;
  const sqrtP = rho / a;
  const sqrtQ = (Math.sqrt(1 - e2) * Math.abs(z)) / a;
  const p = sqrtP * sqrtP;
  const q = sqrtQ * sqrtQ;
  const r = (p + q - e4) / 6;
  const sqrtD = e2 * sqrtP * sqrtQ;
  const d = sqrtD * sqrtD;
  // u: the positive root of the resolvent cubic 2u³ − 6r u² − e⁴pq = 0.
  const r3 = r * r * r;
  const evolute = 8 * r3 + d;
  let u: number;
  if (evolute > 0) {
    // Outside the evolute: one real root (Cardano). The radicand is a sum of positive terms
    // for r > 0, and 4r³ + d > d/2 for r < 0, so nothing cancels.
    const cube = (4 * r3 + d + sqrtD * Math.sqrt(evolute)) / 4;
    const c = Math.cbrt(cube);
    u = r + c + (r * r) / c;
  } else {
    // Inside the evolute (then r < 0): three real roots; the largest, by Vermeille (2011) in
    // a product form that keeps its relative precision as u → 0 (near the equatorial plane):
    // u = 4|r| sin(π/3 − ψ/3) sin(ψ/3), with sin ψ = √(d / (8|r|³)).
    if (sqrtQ < TINY_SQRT_Q) {
      // So close to the equatorial plane that q/|r| < 1e-130: the limit z → ±0 of the
      // nearest foot point, tan φ = a e² √(1 − p/e⁴) / (ρ √(1 − e²)), exact in double
      // precision, where the general formulas would lose digits to subnormal numbers.
      const tanNum = a * e2 * Math.sqrt(Math.max(0, 1 - p / e4));
      const latitudeRad = Math.sign(z) * Math.atan2(tanNum, rho * Math.sqrt(1 - e2));
      return { latitudeRad, longitudeRad, heightKm: heightOnNormal(rho, z, latitudeRad, a, e2) };
    }
    const absR = -r;
    const psi = Math.asin(Math.min(1, sqrtD / Math.sqrt(-8 * r3)));
    u = 4 * absR * Math.sin(Math.PI / 3 - psi / 3) * Math.sin(psi / 3);
  }
  const v = Math.hypot(u, e2 * sqrtQ);
  if (!(v > 0)) {
    // Only reached when |z| is below the smallest double over a: the equatorial plane.
    return { latitudeRad: 0, longitudeRad, heightKm: rho - a };
  }
  const w = (e2 * (u + v - q)) / (2 * v);
  // k = √(u + v + w²) − w, written without cancellation when w > 0.
  const root = Math.sqrt(u + v + w * w);
  const k = w > 0 ? (u + v) / (root + w) : root - w;
  const dist = (k * rho) / (k + e2);
  const latitudeRad = Math.atan2(z, dist);
  return { latitudeRad, longitudeRad, heightKm: heightOnNormal(rho, z, latitudeRad, a, e2) };
}

/** Largest coordinate accepted by {@link cartesianToGeodetic}, km: r³ ~ (ρ/a)⁶ overflows at 1e51 a. */
const MAX_DISTANCE_KM = 1e50;

/**
 * Below this √q (|z| under about 1e-97 km) inside the evolute, the latitude takes its limit
 * value for z → ±0.
 */
const TINY_SQRT_Q = 1e-100;

/**
 * Height of the point (ρ, z) of a meridian plane above the foot of the normal at latitude φ:
 * its projection on the normal minus that of the foot point, ρ cos φ + z sin φ − a √(1 − e²
 * sin² φ). Stationary in φ, so insensitive to the rounding of the latitude.
 */
function heightOnNormal(rho: number, z: number, latitudeRad: number, a: number, e2: number) {
  const sinPhi = Math.sin(latitudeRad);
  const cosPhi = Math.cos(latitudeRad);
  return rho * cosPhi + z * sinPhi - a * Math.sqrt(1 - e2 * sinPhi * sinPhi);
}

/**
 * {@link geodeticToCartesian} with latitude and longitude in degrees.
 *
 * @param geodetic - latitude (degrees, in [−90, 90]), longitude (degrees) and height (km)
 * @param ellipsoid - reference ellipsoid (default {@link WGS84_ELLIPSOID})
 * @returns Earth-fixed position, km
 * @throws {@link InvalidArgumentError} when a coordinate is not finite or |latitude| > 90°
 *
 * @example
 * ```ts
 * geodeticDegToCartesian({ latitudeDeg: 0, longitudeDeg: 90, heightKm: 0 });
 * // ≈ [0, 6378.137, 0]
 * ```
 */
export function geodeticDegToCartesian(
  geodetic: GeodeticCoordinatesDeg,
  ellipsoid: Ellipsoid = WGS84_ELLIPSOID,
): Vec3 {
  return geodeticToCartesian(geodeticFromDeg(geodetic), ellipsoid);
}

/**
 * {@link cartesianToGeodetic} with latitude and longitude returned in degrees.
 *
 * @param positionKm - Earth-fixed position, km
 * @param ellipsoid - reference ellipsoid (default {@link WGS84_ELLIPSOID})
 * @returns latitude (degrees), longitude (degrees, (−180, 180]) and height (km)
 * @throws {@link InvalidArgumentError} when a component is not finite
 *
 * @example
 * ```ts
 * cartesianToGeodeticDeg([0, -6378.137, 0]); // { latitudeDeg: 0, longitudeDeg: -90, heightKm: 0 }
 * ```
 */
export function cartesianToGeodeticDeg(
  positionKm: Vec3Like,
  ellipsoid: Ellipsoid = WGS84_ELLIPSOID,
): GeodeticCoordinatesDeg {
  const g = cartesianToGeodetic(positionKm, ellipsoid);
  return {
    latitudeDeg: g.latitudeRad / RAD_PER_DEG,
    longitudeDeg: g.longitudeRad / RAD_PER_DEG,
    heightKm: g.heightKm,
  };
}

/**
 * Converts degree-valued geodetic coordinates to radians.
 *
 * @param geodetic - latitude and longitude in degrees, height in km
 * @returns the same coordinates with latitude and longitude in rad
 *
 * @example
 * ```ts
 * geodeticFromDeg({ latitudeDeg: 90, longitudeDeg: 180, heightKm: 0.5 });
 * // { latitudeRad: 1.5707963267948966, longitudeRad: 3.141592653589793, heightKm: 0.5 }
 * ```
 */
export function geodeticFromDeg(geodetic: GeodeticCoordinatesDeg): GeodeticCoordinates {
  return {
    latitudeRad: geodetic.latitudeDeg * RAD_PER_DEG,
    longitudeRad: geodetic.longitudeDeg * RAD_PER_DEG,
    heightKm: geodetic.heightKm,
  };
}

function checkFinite(name: string, value: number, unit: string): void {
  if (!Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, unit, 'must be a finite number');
  }
}
