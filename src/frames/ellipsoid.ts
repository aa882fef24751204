/**
 * Reference ellipsoids of revolution: the figure to which geodetic latitude and height refer.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors';

/**
 * An oblate ellipsoid of revolution about the z axis, centred at the origin, with its derived
 * quantities. Values are immutable; build new ones with {@link createEllipsoid}.
 */
export interface Ellipsoid {
  /** Short name (`'WGS84'`). */
  readonly name: string;
  /** Semi-major axis a (equatorial radius), km. */
  readonly equatorialRadiusKm: number;
  /** Flattening f = (a − b) / a, dimensionless. */
  readonly flattening: number;
  /** Semi-minor axis b = a (1 − f) (polar radius), km. */
  readonly polarRadiusKm: number;
  /** First eccentricity squared e² = f (2 − f) = (a² − b²) / a², dimensionless. */
  readonly eccentricitySquared: number;
  /** Second eccentricity squared e′² = e² / (1 − e²) = (a² − b²) / b², dimensionless. */
  readonly secondEccentricitySquared: number;
  /** Where the defining constants a and f come from. */
  readonly source: string;
}

/**
 * Builds an ellipsoid from its two defining constants, a and f; b, e² and e′² are derived.
 *
 * @param name - short name
 * @param equatorialRadiusKm - semi-major axis a, km, finite and > 0
 * @param flattening - flattening f, dimensionless, in [0, 1) (0 is a sphere)
 * @param source - where a and f come from
 * @returns the frozen ellipsoid
 * @throws {@link InvalidArgumentError} when a is not a positive finite number or f is outside
 *   [0, 1)
 * @see NIMA TR8350.2 (3rd ed., 2000), §3 and Table 3.1, for the definitions of b, e², e′²
 *
 * @example
 * ```ts
 * const sphere = createEllipsoid('sphere', 6371, 0, 'mean Earth radius');
 * sphere.polarRadiusKm; // 6371
 * createEllipsoid('WGS84', 6378.137, 1 / 298.257223563, 'NIMA TR8350.2').eccentricitySquared;
 * // 0.0066943799901413165
 * ```
 */
export function createEllipsoid(
  name: string,
  equatorialRadiusKm: number,
  flattening: number,
  source: string,
): Ellipsoid {
  if (!(Number.isFinite(equatorialRadiusKm) && equatorialRadiusKm > 0)) {
    throw new InvalidArgumentError(
      'equatorialRadiusKm',
      equatorialRadiusKm,
      'km',
      'must be a positive finite number',
    );
  }
  if (!(flattening >= 0 && flattening < 1)) {
    throw new InvalidArgumentError('flattening', flattening, '', 'must lie in [0, 1)');
  }
  const e2 = flattening * (2 - flattening);
  return Object.freeze({
    name,
    equatorialRadiusKm,
    flattening,
    polarRadiusKm: equatorialRadiusKm * (1 - flattening),
    eccentricitySquared: e2,
    secondEccentricitySquared: e2 / (1 - e2),
    source,
  });
}

/**
 * WGS 84 ellipsoid: a = 6378.137 km, 1/f = 298.257223563.
 *
 * @see NIMA TR8350.2, Department of Defense World Geodetic System 1984, 3rd ed. (2000),
 *   Table 3.1
 *
 * @example
 * ```ts
 * WGS84_ELLIPSOID.polarRadiusKm; // 6356.752314245179
 * ```
 */
export const WGS84_ELLIPSOID: Ellipsoid = createEllipsoid(
  'WGS84',
  6378.137,
  1 / 298.257223563,
  'NIMA TR8350.2, 3rd ed. (2000), Table 3.1',
);

/**
 * WGS 72 ellipsoid: a = 6378.135 km, 1/f = 298.26 (the figure of the SGP4/TLE constants).
 *
 * @see Seppelin, T.O., The Department of Defense World Geodetic System 1972, World Geodetic
 *   System Committee (1974); the same values are in SOFA/ERFA `eraEform`
 *
 * @example
 * ```ts
 * WGS72_ELLIPSOID.equatorialRadiusKm; // 6378.135
 * ```
 */
export const WGS72_ELLIPSOID: Ellipsoid = createEllipsoid(
  'WGS72',
  6378.135,
  1 / 298.26,
  'Department of Defense World Geodetic System 1972, WGS Committee (1974)',
);

/**
 * GRS 80 ellipsoid: a = 6378.137 km, 1/f = 298.257222101 (the ellipsoid of ITRF-based
 * national datums such as ETRS89).
 *
 * @see Moritz, H., Geodetic Reference System 1980, Bulletin Géodésique 54 (1980) 395–405,
 *   reprinted in 66 (1992) 187–192
 *
 * @example
 * ```ts
 * GRS80_ELLIPSOID.flattening; // 0.003352810681182319
 * ```
 */
export const GRS80_ELLIPSOID: Ellipsoid = createEllipsoid(
  'GRS80',
  6378.137,
  1 / 298.257222101,
  'Moritz, Geodetic Reference System 1980, Bull. Géodésique 54 (1980)',
);
