/**
 * Topocentric geometry: observing sites, their local horizon frames (ENU and SEZ), azimuth,
 * elevation and range with their rates, and the topocentric right ascension and declination
 * of a target.
 *
 * Everything here is geometric: no light time, aberration or refraction (see
 * `correctLightTime`, `applyAberration` and `refractElevation` for those).
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors';
import { type Mat3, mat3, type Vec3, type Vec3Like, vec3 } from '../math';
import { type Ellipsoid, WGS84_ELLIPSOID } from './ellipsoid';
import {
  cartesianToGeodetic,
  type GeodeticCoordinates,
  type GeodeticCoordinatesDeg,
  geodeticFromDeg,
  geodeticToCartesian,
} from './geodetic';

/**
 * An observing site fixed to the Earth, with its Earth-fixed position and its horizon frame
 * precomputed. Build one with {@link createSite}, {@link createSiteDeg} or
 * {@link createSiteFromItrf}; the object is frozen.
 */
export interface Site {
  /** Geodetic latitude, rad. */
  readonly latitudeRad: number;
  /** Longitude, rad, positive east. */
  readonly longitudeRad: number;
  /** Height above the ellipsoid, km. */
  readonly heightKm: number;
  /** The ellipsoid of the geodetic coordinates. */
  readonly ellipsoid: Ellipsoid;
  /** Earth-fixed (ITRF) position, km. */
  readonly positionItrfKm: Vec3;
  /** Rotation ITRF → ENU: rows are east, north and up in ITRF, r_enu = M · r_itrf. */
  readonly enuFromItrf: Mat3;
}

/** Azimuth, elevation and range of a target seen from a site. */
export interface AzElRange {
  /** Azimuth, rad, in [0, 2π), from north towards east. */
  readonly azimuthRad: number;
  /** Elevation above the horizon plane (normal to the ellipsoid), rad, in [−π/2, π/2]. */
  readonly elevationRad: number;
  /** Distance from the site, km. */
  readonly rangeKm: number;
}

/** {@link AzElRange} with the time derivatives of its three coordinates. */
export interface AzElRangeRates extends AzElRange {
  /** Time derivative of the azimuth, rad/s (NaN at the zenith and nadir). */
  readonly azimuthRateRadS: number;
  /** Time derivative of the elevation, rad/s (NaN at the zenith and nadir). */
  readonly elevationRateRadS: number;
  /** Time derivative of the range, km/s. */
  readonly rangeRateKmS: number;
}

/** Right ascension, declination and range of a target seen from an observer. */
export interface RaDecRange {
  /** Right ascension, rad, in [0, 2π). */
  readonly rightAscensionRad: number;
  /** Declination, rad, in [−π/2, π/2]. */
  readonly declinationRad: number;
  /** Distance from the observer, km. */
  readonly rangeKm: number;
}

/** {@link RaDecRange} with the time derivatives of its three coordinates. */
export interface RaDecRangeRates extends RaDecRange {
  /** Time derivative of the right ascension, rad/s (NaN at the celestial poles). */
  readonly rightAscensionRateRadS: number;
  /** Time derivative of the declination, rad/s (NaN at the celestial poles). */
  readonly declinationRateRadS: number;
  /** Time derivative of the range, km/s. */
  readonly rangeRateKmS: number;
}

const TWO_PI = 2 * Math.PI;

/**
 * Rotation from the Earth-fixed frame to the local east–north–up frame of a point with the
 * given geodetic latitude and longitude. Up is the ellipsoid normal.
 *
 * @param latitudeRad - geodetic latitude, rad
 * @param longitudeRad - longitude, rad, positive east
 * @returns M whose rows are east, north and up in Earth-fixed coordinates: r_enu = M · r_itrf
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), §3.4
 *
 * @example
 * ```ts
 * const m = enuRotation(0, 0);
 * mat3.multiplyVec(m, [0, 1, 0]); // [1, 0, 0] (+y is east at latitude 0, longitude 0)
 * ```
 */
export function enuRotation(latitudeRad: number, longitudeRad: number): Mat3 {
  const { sinPhi, cosPhi, sinLam, cosLam } = trig(latitudeRad, longitudeRad);
  return [
    -sinLam,
    cosLam,
    0,
    -sinPhi * cosLam,
    -sinPhi * sinLam,
    cosPhi,
    cosPhi * cosLam,
    cosPhi * sinLam,
    sinPhi,
  ];
}

/**
 * Rotation from the Earth-fixed frame to the local south–east–zenith (SEZ) frame, the
 * topocentric-horizon frame of Vallado.
 *
 * @param latitudeRad - geodetic latitude, rad
 * @param longitudeRad - longitude, rad, positive east
 * @returns M whose rows are south, east and zenith in Earth-fixed coordinates:
 *   r_sez = M · r_itrf
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), eq. 3-28
 *
 * @example
 * ```ts
 * mat3.multiplyVec(sezRotation(0, 0), [0, 0, 1]); // [-1, 0, 0] (north is −S)
 * ```
 */
export function sezRotation(latitudeRad: number, longitudeRad: number): Mat3 {
  const { sinPhi, cosPhi, sinLam, cosLam } = trig(latitudeRad, longitudeRad);
  return [
    sinPhi * cosLam,
    sinPhi * sinLam,
    -cosPhi,
    -sinLam,
    cosLam,
    0,
    cosPhi * cosLam,
    cosPhi * sinLam,
    sinPhi,
  ];
}

/**
 * Builds a site from its geodetic coordinates.
 *
 * @param geodetic - latitude (rad), longitude (rad) and height (km)
 * @param ellipsoid - reference ellipsoid (default {@link WGS84_ELLIPSOID})
 * @returns the frozen site, with its ITRF position and ENU rotation
 * @throws {@link InvalidArgumentError} when a coordinate is not finite or |latitude| > π/2
 *
 * @example
 * ```ts
 * const site = createSite({ latitudeRad: 0, longitudeRad: Math.PI / 2, heightKm: 0 });
 * site.positionItrfKm; // ≈ [0, 6378.137, 0]
 * ```
 */
export function createSite(
  geodetic: GeodeticCoordinates,
  ellipsoid: Ellipsoid = WGS84_ELLIPSOID,
): Site {
  const positionItrfKm = geodeticToCartesian(geodetic, ellipsoid);
  return Object.freeze({
    latitudeRad: geodetic.latitudeRad,
    longitudeRad: geodetic.longitudeRad,
    heightKm: geodetic.heightKm,
    ellipsoid,
    positionItrfKm,
    enuFromItrf: enuRotation(geodetic.latitudeRad, geodetic.longitudeRad),
  });
}

/**
 * Builds a site from geodetic coordinates in degrees.
 *
 * @param geodetic - latitude (degrees), longitude (degrees) and height (km)
 * @param ellipsoid - reference ellipsoid (default {@link WGS84_ELLIPSOID})
 * @returns the frozen site
 * @throws {@link InvalidArgumentError} when a coordinate is not finite or |latitude| > 90°
 *
 * @example
 * ```ts
 * // Calern (Observatoire de la Côte d'Azur)
 * const calern = createSiteDeg({ latitudeDeg: 43.7546, longitudeDeg: 6.9216, heightKm: 1.27 });
 * calern.positionItrfKm; // ≈ [4581.656, 556.194, 4389.316]
 * ```
 */
export function createSiteDeg(
  geodetic: GeodeticCoordinatesDeg,
  ellipsoid: Ellipsoid = WGS84_ELLIPSOID,
): Site {
  return createSite(geodeticFromDeg(geodetic), ellipsoid);
}

/**
 * Builds a site from its Earth-fixed position (as station coordinates are published in ITRF).
 *
 * @param positionItrfKm - ITRF position, km, finite
 * @param ellipsoid - ellipsoid to which the horizon refers (default {@link WGS84_ELLIPSOID})
 * @returns the frozen site; its `positionItrfKm` is a copy of the argument
 * @throws {@link InvalidArgumentError} when a component is not finite
 *
 * @example
 * ```ts
 * createSiteFromItrf([6378.137, 0, 0]).latitudeRad; // 0
 * ```
 */
export function createSiteFromItrf(
  positionItrfKm: Vec3Like,
  ellipsoid: Ellipsoid = WGS84_ELLIPSOID,
): Site {
  const g = cartesianToGeodetic(positionItrfKm, ellipsoid);
  return Object.freeze({
    latitudeRad: g.latitudeRad,
    longitudeRad: g.longitudeRad,
    heightKm: g.heightKm,
    ellipsoid,
    positionItrfKm: vec3.fromArray(positionItrfKm),
    enuFromItrf: enuRotation(g.latitudeRad, g.longitudeRad),
  });
}

/**
 * Azimuth, elevation and range of a vector given in a local east–north–up frame, and their
 * rates when the vector's derivative is given.
 *
 * At the zenith or nadir (no horizontal component) the azimuth is that of the horizontal
 * velocity when one is given, otherwise 0, and both angular rates are NaN.
 *
 * @param enuKm - east, north and up components, km, not all zero
 * @returns azimuth (rad, [0, 2π) from north to east), elevation (rad), range (km), and the
 *   rates (rad/s, km/s) when `enuVelocityKmS` is given
 * @throws {@link InvalidArgumentError} when the vector is zero or not finite
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Algorithm 27
 *   (RAZEL)
 *
 * @example
 * ```ts
 * enuToAzElRange([1, 0, 0]); // { azimuthRad: 1.5707963267948966, elevationRad: 0, rangeKm: 1 }
 * ```
 */
export function enuToAzElRange(enuKm: Vec3Like): AzElRange;
/**
 * Azimuth, elevation and range of a vector given in a local east–north–up frame, and their
 * rates when the vector's derivative is given.
 *
 * At the zenith or nadir (no horizontal component) the azimuth is that of the horizontal
 * velocity when one is given, otherwise 0, and both angular rates are NaN.
 *
 * @param enuKm - east, north and up components, km, not all zero
 * @param enuVelocityKmS - time derivative of `enuKm`, km/s (optional)
 * @returns azimuth (rad, [0, 2π) from north to east), elevation (rad), range (km), and the
 *   rates (rad/s, km/s) when `enuVelocityKmS` is given
 * @throws {@link InvalidArgumentError} when the vector is zero or not finite
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Algorithm 27
 *   (RAZEL)
 *
 * @example
 * ```ts
 * enuToAzElRange([1, 0, 0]); // { azimuthRad: 1.5707963267948966, elevationRad: 0, rangeKm: 1 }
 * ```
 */
export function enuToAzElRange(enuKm: Vec3Like, enuVelocityKmS: Vec3Like): AzElRangeRates;
export function enuToAzElRange(
  enuKm: Vec3Like,
  enuVelocityKmS?: Vec3Like,
): AzElRange | AzElRangeRates {
  const e = enuKm[0]!;
  const n = enuKm[1]!;
  const u = enuKm[2]!;
  const rangeKm = Math.hypot(e, n, u);
  if (!(rangeKm > 0 && Number.isFinite(rangeKm))) {
    throw new InvalidArgumentError(
      'enuKm',
      [e, n, u],
      'km',
      'the target must be away from the site, at a finite distance',
    );
  }
  const horizontalKm = Math.hypot(e, n);
  const elevationRad = Math.atan2(u, horizontalKm);
  if (enuVelocityKmS === undefined) {
    return { azimuthRad: wrapTwoPi(Math.atan2(e, n)), elevationRad, rangeKm };
  }
  const de = enuVelocityKmS[0]!;
  const dn = enuVelocityKmS[1]!;
  const du = enuVelocityKmS[2]!;
  const rangeRateKmS = (e * de + n * dn + u * du) / rangeKm;
  if (horizontalKm === 0) {
    return {
      azimuthRad: wrapTwoPi(Math.atan2(de, dn)),
      elevationRad,
      rangeKm,
      azimuthRateRadS: Number.NaN,
      elevationRateRadS: Number.NaN,
      rangeRateKmS,
    };
  }
  const h2 = horizontalKm * horizontalKm;
  return {
    azimuthRad: wrapTwoPi(Math.atan2(e, n)),
    elevationRad,
    rangeKm,
    azimuthRateRadS: (de * n - dn * e) / h2,
    elevationRateRadS: (du * h2 - u * (e * de + n * dn)) / (horizontalKm * rangeKm * rangeKm),
    rangeRateKmS,
  };
}

/**
 * The east–north–up vector of a given azimuth, elevation and range (inverse of
 * {@link enuToAzElRange}).
 *
 * @param aer - azimuth (rad, from north to east), elevation (rad) and range (km)
 * @returns east, north and up components, km
 *
 * @example
 * ```ts
 * azElRangeToEnu({ azimuthRad: 0, elevationRad: 0, rangeKm: 10 }); // [0, 10, 0]
 * ```
 */
export function azElRangeToEnu(aer: AzElRange): Vec3 {
  const cosEl = Math.cos(aer.elevationRad);
  const horizontalKm = aer.rangeKm * cosEl;
  return [
    horizontalKm * Math.sin(aer.azimuthRad),
    horizontalKm * Math.cos(aer.azimuthRad),
    aer.rangeKm * Math.sin(aer.elevationRad),
  ];
}

/**
 * Azimuth, elevation and range of a target from a site, both Earth-fixed, with the rates when
 * the target's Earth-fixed velocity is given (the site is at rest in that frame).
 *
 * Geometric: no refraction (apply `refractElevation` to the elevation for the apparent
 * one) and no light time.
 *
 * @param site - the observing site
 * @param targetItrfKm - target position in the site's Earth-fixed frame (ITRF), km
 * @returns azimuth (rad, [0, 2π) from north to east), elevation (rad), range (km), and their
 *   rates (rad/s, km/s) when the velocity is given; see {@link enuToAzElRange} for the zenith
 * @throws {@link InvalidArgumentError} when the target is at the site or not finite
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Algorithm 27
 *   (RAZEL)
 *
 * @example
 * ```ts
 * const site = createSite({ latitudeRad: 0, longitudeRad: 0, heightKm: 0 });
 * const geo = azElRange(site, [42164.17, 0, 0]); // GEO satellite over the site
 * geo.elevationRad; // 1.5707963267948966
 * geo.rangeKm; // ≈ 35786.033
 * ```
 */
export function azElRange(site: Site, targetItrfKm: Vec3Like): AzElRange;
/**
 * Azimuth, elevation and range of a target from a site, both Earth-fixed, with the rates when
 * the target's Earth-fixed velocity is given (the site is at rest in that frame).
 *
 * Geometric: no refraction (apply `refractElevation` to the elevation for the apparent
 * one) and no light time.
 *
 * @param site - the observing site
 * @param targetItrfKm - target position in the site's Earth-fixed frame (ITRF), km
 * @param targetItrfVelocityKmS - target velocity in the same rotating frame, km/s (optional)
 * @returns azimuth (rad, [0, 2π) from north to east), elevation (rad), range (km), and their
 *   rates (rad/s, km/s) when the velocity is given; see {@link enuToAzElRange} for the zenith
 * @throws {@link InvalidArgumentError} when the target is at the site or not finite
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Algorithm 27
 *   (RAZEL)
 *
 * @example
 * ```ts
 * const site = createSite({ latitudeRad: 0, longitudeRad: 0, heightKm: 0 });
 * const geo = azElRange(site, [42164.17, 0, 0]); // GEO satellite over the site
 * geo.elevationRad; // 1.5707963267948966
 * geo.rangeKm; // ≈ 35786.033
 * ```
 */
export function azElRange(
  site: Site,
  targetItrfKm: Vec3Like,
  targetItrfVelocityKmS: Vec3Like,
): AzElRangeRates;
export function azElRange(
  site: Site,
  targetItrfKm: Vec3Like,
  targetItrfVelocityKmS?: Vec3Like,
): AzElRange | AzElRangeRates {
  const enu = mat3.multiplyVec(site.enuFromItrf, vec3.sub(targetItrfKm, site.positionItrfKm));
  if (targetItrfVelocityKmS === undefined) return enuToAzElRange(enu);
  return enuToAzElRange(enu, mat3.multiplyVec(site.enuFromItrf, targetItrfVelocityKmS));
}

/**
 * The Earth-fixed position of the point at a given azimuth, elevation and range from a site
 * (inverse of {@link azElRange}).
 *
 * @param site - the observing site
 * @param aer - azimuth (rad, from north to east), elevation (rad) and range (km)
 * @returns ITRF position, km
 *
 * @example
 * ```ts
 * const site = createSite({ latitudeRad: 0, longitudeRad: 0, heightKm: 0 });
 * azElRangeToItrf(site, { azimuthRad: 0, elevationRad: Math.PI / 2, rangeKm: 100 });
 * // ≈ [6478.137, 0, 0]
 * ```
 */
export function azElRangeToItrf(site: Site, aer: AzElRange): Vec3 {
  return vec3.add(
    site.positionItrfKm,
    mat3.transposeMultiplyVec(site.enuFromItrf, azElRangeToEnu(aer)),
  );
}

/**
 * Geometric topocentric right ascension, declination and range of a target: the direction
 * of the vector from the observer to the target, both given at the same instant in the same
 * celestial frame (GCRF, or any equatorial frame whose RA/Dec are wanted).
 *
 * The site's position (and velocity) in GCRF comes from the frame transformation of its
 * Earth-fixed position, which the caller makes. Corrections are separate:
 * `correctLightTime` moves the target to the emission time (≈ 2″ for a GEO object),
 * `applyDiurnalAberration` (≤ 0.32″) and `applyAnnualAberration` (≤ 20.5″) turn the direction
 * into an apparent one.
 *
 * @param observerGcrfKm - observer position, km
 * @param targetGcrfKm - target position, km, same frame and instant
 * @returns right ascension (rad, [0, 2π)), declination (rad) and range (km), and their rates
 *   (rad/s, km/s) when the relative velocity is given (NaN angular rates at the poles)
 * @throws {@link InvalidArgumentError} when the two positions coincide or are not finite
 *
 * @example
 * ```ts
 * const r = topocentricRaDec([6378.137, 0, 0], [6378.137, 0, 1000]);
 * r.declinationRad; // 1.5707963267948966
 * r.rangeKm; // 1000
 * ```
 */
export function topocentricRaDec(observerGcrfKm: Vec3Like, targetGcrfKm: Vec3Like): RaDecRange;
/**
 * Geometric topocentric right ascension, declination and range of a target: the direction
 * of the vector from the observer to the target, both given at the same instant in the same
 * celestial frame (GCRF, or any equatorial frame whose RA/Dec are wanted).
 *
 * The site's position (and velocity) in GCRF comes from the frame transformation of its
 * Earth-fixed position, which the caller makes. Corrections are separate:
 * `correctLightTime` moves the target to the emission time (≈ 2″ for a GEO object),
 * `applyDiurnalAberration` (≤ 0.32″) and `applyAnnualAberration` (≤ 20.5″) turn the direction
 * into an apparent one.
 *
 * @param observerGcrfKm - observer position, km
 * @param targetGcrfKm - target position, km, same frame and instant
 * @param relativeVelocityKmS - target velocity minus observer velocity, km/s (optional)
 * @returns right ascension (rad, [0, 2π)), declination (rad) and range (km), and their rates
 *   (rad/s, km/s) when the relative velocity is given (NaN angular rates at the poles)
 * @throws {@link InvalidArgumentError} when the two positions coincide or are not finite
 *
 * @example
 * ```ts
 * const r = topocentricRaDec([6378.137, 0, 0], [6378.137, 0, 1000]);
 * r.declinationRad; // 1.5707963267948966
 * r.rangeKm; // 1000
 * ```
 */
export function topocentricRaDec(
  observerGcrfKm: Vec3Like,
  targetGcrfKm: Vec3Like,
  relativeVelocityKmS: Vec3Like,
): RaDecRangeRates;
export function topocentricRaDec(
  observerGcrfKm: Vec3Like,
  targetGcrfKm: Vec3Like,
  relativeVelocityKmS?: Vec3Like,
): RaDecRange | RaDecRangeRates {
  const x = targetGcrfKm[0]! - observerGcrfKm[0]!;
  const y = targetGcrfKm[1]! - observerGcrfKm[1]!;
  const z = targetGcrfKm[2]! - observerGcrfKm[2]!;
  const rangeKm = Math.hypot(x, y, z);
  if (!(rangeKm > 0 && Number.isFinite(rangeKm))) {
    throw new InvalidArgumentError(
      'targetGcrfKm',
      [targetGcrfKm[0], targetGcrfKm[1], targetGcrfKm[2]],
      'km',
      'the target must be away from the observer, at a finite distance',
    );
  }
  const equatorialKm = Math.hypot(x, y);
  const rightAscensionRad = wrapTwoPi(Math.atan2(y, x));
  const declinationRad = Math.atan2(z, equatorialKm);
  if (relativeVelocityKmS === undefined) {
    return { rightAscensionRad, declinationRad, rangeKm };
  }
  const dx = relativeVelocityKmS[0]!;
  const dy = relativeVelocityKmS[1]!;
  const dz = relativeVelocityKmS[2]!;
  const rangeRateKmS = (x * dx + y * dy + z * dz) / rangeKm;
  const q2 = equatorialKm * equatorialKm;
  return {
    rightAscensionRad,
    declinationRad,
    rangeKm,
    rightAscensionRateRadS: q2 === 0 ? Number.NaN : (x * dy - y * dx) / q2,
    declinationRateRadS:
      q2 === 0 ? Number.NaN : (dz * q2 - z * (x * dx + y * dy)) / (equatorialKm * rangeKm ** 2),
    rangeRateKmS,
  };
}

/** An angle reduced to [0, 2π). */
function wrapTwoPi(angleRad: number): number {
  const a = angleRad < 0 ? angleRad + TWO_PI : angleRad;
  // atan2 of a tiny negative value gives −1e-300 + 2π = 2π: keep the interval half-open.
  return a >= TWO_PI ? 0 : a;
}

function trig(latitudeRad: number, longitudeRad: number) {
  return {
    sinPhi: Math.sin(latitudeRad),
    // Exact 0 at the poles, so that the rotation stays exactly orthonormal there.
    cosPhi: Math.abs(latitudeRad) === Math.PI / 2 ? 0 : Math.cos(latitudeRad),
    sinLam: Math.sin(longitudeRad),
    cosLam: Math.cos(longitudeRad),
  };
}
