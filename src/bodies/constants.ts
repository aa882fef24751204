/**
 * Earth models and solar-system constants, each with the document that defines it.
 *
 * The values are plain numbers and plain readonly objects. The ellipsoid arithmetic
 * (geodetic ↔ Cartesian) lives in `frames`, which has its own ellipsoid type built from the
 * same defining numbers (equatorial radius and inverse flattening); the objects here add the
 * gravitational and rotational constants that the ellipsoid alone does not carry.
 *
 * Units: km, km³/s², rad/s; coefficients are dimensionless.
 *
 * @packageDocumentation
 */

/**
 * A geodetic reference system: the ellipsoid and the gravity constants defined with it.
 *
 * @example
 * ```ts
 * WGS84.equatorialRadiusKm; // 6378.137
 * WGS84.gmKm3S2; // 398600.4418
 * ```
 */
export interface EarthModel {
  /** Name of the system ('WGS84', 'WGS72', 'GRS80'). */
  readonly name: string;
  /** Equatorial radius (semi-major axis of the ellipsoid), km. */
  readonly equatorialRadiusKm: number;
  /** Inverse flattening 1/f (dimensionless). */
  readonly inverseFlattening: number;
  /** Geocentric gravitational constant GM, km³/s². */
  readonly gmKm3S2: number;
  /** Nominal rotation rate of the Earth, rad/s. */
  readonly rotationRateRadS: number;
  /** Unnormalised second zonal harmonic J2 (dimensionless) of the system. */
  readonly j2: number;
}

/**
 * The constants of a spherical-harmonic gravity field that orbit codes need without the
 * whole coefficient table: its GM, its reference radius and its normalised C̄2,0.
 *
 * @example
 * ```ts
 * EGM2008.referenceRadiusKm; // 6378.1363
 * ```
 */
export interface GravityFieldConstants {
  /** Name of the model ('EGM96', 'EGM2008'). */
  readonly name: string;
  /** GM that scales the coefficients, km³/s². */
  readonly gmKm3S2: number;
  /** Reference radius that scales the coefficients, km. */
  readonly referenceRadiusKm: number;
  /** Fully normalised C̄2,0 (tide-free), dimensionless; J2 = −√5 · C̄2,0. */
  readonly c20Normalized: number;
  /** Unnormalised J2 = −√5 · C̄2,0, dimensionless. */
  readonly j2: number;
}

/**
 * The gravity constants that an SGP4 implementation uses, as tabulated by Vallado et al.
 * (2006), "Revisiting Spacetrack Report #3", AIAA 2006-6753, routine `getgravconst`.
 *
 * @example
 * ```ts
 * SGP4_WGS72.radiusKm; // 6378.135
 * ```
 */
export interface Sgp4GravityConstants {
  /** Name of the constant set ('wgs72old', 'wgs72', 'wgs84'). */
  readonly name: string;
  /** GM, km³/s². */
  readonly gmKm3S2: number;
  /** Earth radius, km. */
  readonly radiusKm: number;
  /** √(GM / R³) in Earth radii^1.5 per minute (SGP4's `xke`), 1/min. */
  readonly xkePerMin: number;
  /** Minutes per SGP4 time unit, 1 / xke, min. */
  readonly tuMin: number;
  /** Unnormalised J2, dimensionless. */
  readonly j2: number;
  /** Unnormalised J3, dimensionless. */
  readonly j3: number;
  /** Unnormalised J4, dimensionless. */
  readonly j4: number;
}

/** √5, the factor between J2 and the fully normalised C̄2,0 (J2 = −√5 · C̄2,0). */
const SQRT5 = Math.sqrt(5);

// ------------------------------------------------------------------------------- WGS84

/** WGS84 semi-major axis, km (NIMA TR8350.2, 3rd ed. amendment 1, 2000, defining parameter). */
export const WGS84_EQUATORIAL_RADIUS_KM = 6378.137;
/** WGS84 inverse flattening (NIMA TR8350.2, defining parameter). */
export const WGS84_INVERSE_FLATTENING = 298.257223563;
/**
 * WGS84 geocentric gravitational constant GM including the atmosphere, km³/s² (NIMA
 * TR8350.2, defining parameter 3986004.418e8 m³/s²). Also the TT-compatible GM of the IERS
 * Conventions (2010), Table 1.1.
 */
export const WGS84_GM_KM3_S2 = 398600.4418;
/** WGS84 nominal mean angular velocity of the Earth, rad/s (NIMA TR8350.2, defining parameter). */
export const WGS84_ROTATION_RATE_RAD_S = 7.292115e-5;
/**
 * WGS84 ellipsoid's fully normalised second zonal harmonic C̄2,0 (NIMA TR8350.2, derived
 * physical constants: −0.484166774985e-3; NGA.STND.0036 repeats it).
 */
export const WGS84_C20_NORMALIZED = -0.484166774985e-3;

/**
 * WGS84 (NIMA TR8350.2, 3rd edition, amendment 1, 3 January 2000). `j2` is derived from the
 * ellipsoid's C̄2,0 (≈ 1.08262982131e-3).
 *
 * @example
 * ```ts
 * WGS84.inverseFlattening; // 298.257223563
 * WGS84.j2; // ≈ 1.08262982131e-3
 * ```
 */
export const WGS84: EarthModel = Object.freeze({
  name: 'WGS84',
  equatorialRadiusKm: WGS84_EQUATORIAL_RADIUS_KM,
  inverseFlattening: WGS84_INVERSE_FLATTENING,
  gmKm3S2: WGS84_GM_KM3_S2,
  rotationRateRadS: WGS84_ROTATION_RATE_RAD_S,
  j2: -SQRT5 * WGS84_C20_NORMALIZED,
});

// ------------------------------------------------------------------------------- WGS72

/**
 * WGS72 (Seppelin, "The Department of Defense World Geodetic System 1972", 1974): a =
 * 6378.135 km, 1/f = 298.26, GM = 398600.8 km³/s², ω = 7.292115147e-5 rad/s, J2 =
 * 1.082616e-3 (the J2 that SGP4 uses).
 *
 * @example
 * ```ts
 * WGS72.equatorialRadiusKm; // 6378.135
 * ```
 */
export const WGS72: EarthModel = Object.freeze({
  name: 'WGS72',
  equatorialRadiusKm: 6378.135,
  inverseFlattening: 298.26,
  gmKm3S2: 398600.8,
  rotationRateRadS: 7.292115147e-5,
  j2: 1.082616e-3,
});

// ------------------------------------------------------------------------------- GRS80

/**
 * GRS80 (Moritz, "Geodetic Reference System 1980", Journal of Geodesy 74, 2000): defining
 * a = 6378137 m, GM = 3986005e8 m³/s², J2 = 108263e-8, ω = 7292115e-11 rad/s; the derived
 * inverse flattening is 298.257222101.
 *
 * @example
 * ```ts
 * GRS80.inverseFlattening; // 298.257222101
 * ```
 */
export const GRS80: EarthModel = Object.freeze({
  name: 'GRS80',
  equatorialRadiusKm: 6378.137,
  inverseFlattening: 298.257222101,
  gmKm3S2: 398600.5,
  rotationRateRadS: 7.292115e-5,
  j2: 1.08263e-3,
});

// ------------------------------------------------------------------------------- gravity fields

/**
 * EGM96 (Lemoine et al., NASA/TP-1998-206861): GM = 3986004.415e8 m³/s², a = 6378136.3 m,
 * tide-free C̄2,0 = −0.484165371736e-3.
 *
 * @example
 * ```ts
 * EGM96.gmKm3S2; // 398600.4415
 * ```
 */
export const EGM96: GravityFieldConstants = Object.freeze({
  name: 'EGM96',
  gmKm3S2: 398600.4415,
  referenceRadiusKm: 6378.1363,
  c20Normalized: -0.484165371736e-3,
  j2: SQRT5 * 0.484165371736e-3,
});

/**
 * EGM2008 (Pavlis et al., J. Geophys. Res. 117, B04406, 2012): GM = 3986004.415e8 m³/s²,
 * a = 6378136.3 m, tide-free C̄2,0 = −0.484165143790815e-3.
 *
 * @example
 * ```ts
 * EGM2008.j2; // ≈ 1.0826261738522e-3
 * ```
 */
export const EGM2008: GravityFieldConstants = Object.freeze({
  name: 'EGM2008',
  gmKm3S2: 398600.4415,
  referenceRadiusKm: 6378.1363,
  c20Normalized: -0.484165143790815e-3,
  j2: SQRT5 * 0.484165143790815e-3,
});

/** Earth's GM, km³/s²: the IERS Conventions (2010) Table 1.1 TT-compatible value (= WGS84's). */
export const EARTH_GM_KM3_S2 = WGS84_GM_KM3_S2;
/** Earth's equatorial radius, km: the WGS84 and GRS80 value. */
export const EARTH_EQUATORIAL_RADIUS_KM = WGS84_EQUATORIAL_RADIUS_KM;

// ------------------------------------------------------------------------------- SGP4 constants

/**
 * SGP4 "wgs72old" constants (Vallado et al. 2006, `getgravconst`): the original Spacetrack
 * Report #3 values, with xke given rather than derived.
 *
 * @example
 * ```ts
 * SGP4_WGS72_OLD.xkePerMin; // 0.0743669161
 * ```
 */
export const SGP4_WGS72_OLD: Sgp4GravityConstants = Object.freeze({
  name: 'wgs72old',
  gmKm3S2: 398600.79964,
  radiusKm: 6378.135,
  xkePerMin: 0.0743669161,
  tuMin: 1 / 0.0743669161,
  j2: 0.001082616,
  j3: -0.00000253881,
  j4: -0.00000165597,
});

/** xke = 60 / √(R³ / GM), in Earth radii^1.5 per minute, as `getgravconst` derives it. */
function xkeOf(radiusKm: number, gmKm3S2: number): number {
  return 60 / Math.sqrt((radiusKm * radiusKm * radiusKm) / gmKm3S2);
}

/**
 * SGP4 "wgs72" constants (Vallado et al. 2006, `getgravconst`): the set CelesTrak's TLEs are
 * meant for.
 *
 * @example
 * ```ts
 * SGP4_WGS72.j2; // 0.001082616
 * SGP4_WGS72.xkePerMin; // ≈ 0.0743669161331734
 * ```
 */
export const SGP4_WGS72: Sgp4GravityConstants = Object.freeze({
  name: 'wgs72',
  gmKm3S2: 398600.8,
  radiusKm: 6378.135,
  xkePerMin: xkeOf(6378.135, 398600.8),
  tuMin: 1 / xkeOf(6378.135, 398600.8),
  j2: 0.001082616,
  j3: -0.00000253881,
  j4: -0.00000165597,
});

/**
 * SGP4 "wgs84" constants (Vallado et al. 2006, `getgravconst`). Note GM = 398600.5 km³/s²
 * and its J2…J4, which are not those of {@link WGS84}.
 *
 * @example
 * ```ts
 * SGP4_WGS84.gmKm3S2; // 398600.5
 * ```
 */
export const SGP4_WGS84: Sgp4GravityConstants = Object.freeze({
  name: 'wgs84',
  gmKm3S2: 398600.5,
  radiusKm: 6378.137,
  xkePerMin: xkeOf(6378.137, 398600.5),
  tuMin: 1 / xkeOf(6378.137, 398600.5),
  j2: 0.00108262998905,
  j3: -0.00000253215306,
  j4: -0.00000161098761,
});

// ------------------------------------------------------------------------------- Sun and Moon

/** Astronomical unit, km (IAU 2012 Resolution B2: 149597870700 m exactly). */
export const AU_KM = 149597870.7;

/**
 * The astronomical unit estimated with DE421, km (Folkner et al., JPL IOM 343R-08-002, 2008;
 * DE421 header constant AU). DE421's GMs in AU³/day² are scaled by it.
 */
export const DE421_AU_KM = 149597870.6996262;

/** Seconds per day, to convert the DE421 header's AU³/day² to km³/s². */
const DAY_S = 86400;
/** km³/s² per AU³/day² with the DE421 AU. */
const DE421_AU3_DAY2_IN_KM3_S2 = (DE421_AU_KM * DE421_AU_KM * DE421_AU_KM) / (DAY_S * DAY_S);
/** DE421 header GMS = k², AU³/day² (k = 0.01720209895, the Gaussian constant). */
const DE421_GMS_AU3_DAY2 = 2.9591220828559109e-4;
/** DE421 header GMB, GM of the Earth–Moon system, AU³/day². */
const DE421_GMB_AU3_DAY2 = 8.9970114082680488e-10;
/** DE421 header EMRAT, the Earth/Moon mass ratio. */
export const DE421_EARTH_MOON_MASS_RATIO = 81.300569069915298;

/**
 * GM of the Sun consistent with DE421, km³/s² (≈ 132712440040.94): the header's GMS in
 * AU³/day² scaled by the DE421 AU.
 */
export const SUN_GM_KM3_S2 = DE421_GMS_AU3_DAY2 * DE421_AU3_DAY2_IN_KM3_S2;

/**
 * GM of the Moon consistent with DE421, km³/s² (≈ 4902.800076): GMB / (1 + EMRAT) from the
 * DE421 header.
 */
export const MOON_GM_KM3_S2 =
  (DE421_GMB_AU3_DAY2 / (1 + DE421_EARTH_MOON_MASS_RATIO)) * DE421_AU3_DAY2_IN_KM3_S2;

/**
 * GM of the Earth as DE421 has it, km³/s² (≈ 398600.436233): GMB · EMRAT / (1 + EMRAT). For
 * orbit work use {@link EARTH_GM_KM3_S2} or the gravity field's own GM.
 */
export const DE421_EARTH_GM_KM3_S2 =
  ((DE421_GMB_AU3_DAY2 * DE421_EARTH_MOON_MASS_RATIO) / (1 + DE421_EARTH_MOON_MASS_RATIO)) *
  DE421_AU3_DAY2_IN_KM3_S2;

/** Nominal solar radius, km (IAU 2015 Resolution B3). */
export const SUN_RADIUS_KM = 695700;
/** Mean radius of the Moon, km (IAU WGCCRE report, Archinal et al. 2018). */
export const MOON_MEAN_RADIUS_KM = 1737.4;
