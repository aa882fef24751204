/**
 * Reference frames and Earth orientation: the frame tree (GCRF, EME2000, the IAU 2006/2000A
 * CIO and equinox chains, the IAU 1976/1980 FK5 chain, TEME) with rotations and their rates,
 * ellipsoids and geodetic coordinates, topocentric geometry (az/el/range, RA/Dec, light time,
 * aberration, refraction), and local orbital frames (RTN, TNW, LVLH).
 *
 * @packageDocumentation
 */

export type { Mat3, Vec3, Vec3Like } from '../math';
export { applyAberration, applyAnnualAberration, applyDiurnalAberration } from './aberration';
export type { Ellipsoid } from './ellipsoid';
export { createEllipsoid, GRS80_ELLIPSOID, WGS72_ELLIPSOID, WGS84_ELLIPSOID } from './ellipsoid';
export type { FrameId } from './frameId';
export { FRAME_IDS, isEarthFixed, isFrameId } from './frameId';
export type {
  FixedEop,
  FrameTransform,
  FrameTransformOptions,
  PositionVelocity,
} from './frameTransform';
export { frameTransform, transformPositionVelocity } from './frameTransform';
export type { GeodeticCoordinates, GeodeticCoordinatesDeg } from './geodetic';
export {
  cartesianToGeodetic,
  cartesianToGeodeticDeg,
  geodeticDegToCartesian,
  geodeticFromDeg,
  geodeticToCartesian,
} from './geodetic';
export type { IteratedLightTimeResult, LightTimeOptions, LightTimeResult } from './lightTime';
export { correctLightTime, correctLightTimeLinear } from './lightTime';
export type { LocalOrbitalFrameType } from './localOrbital';
export {
  LOCAL_ORBITAL_FRAME_TYPES,
  localOrbitalRotation,
  lvlhRotation,
  rtnRotation,
  tnwRotation,
} from './localOrbital';
export type { RefractionConditions } from './refraction';
export {
  refractElevation,
  refractionFromApparentElevation,
  refractionFromTrueElevation,
  unrefractElevation,
} from './refraction';
export type { AzElRange, AzElRangeRates, RaDecRange, RaDecRangeRates, Site } from './topocentric';
export {
  azElRange,
  azElRangeToEnu,
  azElRangeToItrf,
  createSite,
  createSiteDeg,
  createSiteFromItrf,
  enuRotation,
  enuToAzElRange,
  sezRotation,
  topocentricRaDec,
} from './topocentric';
