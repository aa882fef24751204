/**
 * Bodies: Earth models and constants (each with its source), the JPL SPK reader for DE4xx
 * ephemerides, and low-precision analytic Sun and Moon positions.
 *
 * @packageDocumentation
 */
export type { BodyState, TdbInstant } from './bodyState';
export type { EarthModel, GravityFieldConstants, Sgp4GravityConstants } from './constants';
export {
  AU_KM,
  DE421_AU_KM,
  DE421_EARTH_GM_KM3_S2,
  DE421_EARTH_MOON_MASS_RATIO,
  EARTH_EQUATORIAL_RADIUS_KM,
  EARTH_GM_KM3_S2,
  EGM96,
  EGM2008,
  GRS80,
  MOON_GM_KM3_S2,
  MOON_MEAN_RADIUS_KM,
  SGP4_WGS72,
  SGP4_WGS72_OLD,
  SGP4_WGS84,
  SUN_GM_KM3_S2,
  SUN_RADIUS_KM,
  WGS72,
  WGS84,
  WGS84_C20_NORMALIZED,
  WGS84_EQUATORIAL_RADIUS_KM,
  WGS84_GM_KM3_S2,
  WGS84_INVERSE_FLATTENING,
  WGS84_ROTATION_RATE_RAD_S,
} from './constants';
export { moonPositionLowPrecision } from './moonLowPrecision';
export { NAIF_IDS, naifBodyName, naifFrameName } from './naifIds';
export type { DafSummary } from './spk/daf';
export { DafFile } from './spk/daf';
export type { SpkKernelOptions, SpkSegmentInfo } from './spk/spkKernel';
export { SpkKernel } from './spk/spkKernel';
export { sunPositionLowPrecision } from './sunLowPrecision';
