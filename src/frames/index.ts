/**
 * Reference frames and Earth orientation: the frame tree (GCRF, EME2000, the IAU 2006/2000A
 * CIO and equinox chains, the IAU 1976/1980 FK5 chain, TEME) with rotations and their rates,
 * ellipsoids and geodetic coordinates, topocentric geometry (az/el/range, RA/Dec, light time,
 * aberration, refraction), and local orbital frames (RTN, TNW, LVLH).
 *
 * @packageDocumentation
 */

export type { Mat3, Mat3Like, Mat3Out, Vec3, Vec3Like } from '../math';
export { applyAberration, applyAnnualAberration, applyDiurnalAberration } from './aberration';
export type {
  EpochOffsets,
  InterpolatedTransform,
  InterpolatedTransformOptions,
} from './batch/interpolatedTransform';
export {
  createInterpolatedTransform,
  PRECESSION_NUTATION_NODE_SPACING_S,
} from './batch/interpolatedTransform';
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
export { equationOfEquinoxes1994Rad } from './iau1980/equationOfEquinoxes1994';
export { gmst1982Rad } from './iau1980/gmst1982';
export { meanObliquity1980Rad } from './iau1980/meanObliquity1980';
export { nutation1980Rad } from './iau1980/nutation1980';
export {
  type PrecessionAngles1976,
  precession1976Into,
  precessionAngles1976Rad,
  precessionMatrix1976,
} from './iau1980/precession1976';
export {
  celestialToIntermediateInto,
  celestialToIntermediateMatrix,
} from './iau2006/celestialToIntermediate';
export {
  celestialToTerrestrial2006AInto,
  celestialToTerrestrialCipSeries2006AInto,
  celestialToTerrestrialFromCio,
  celestialToTerrestrialFromCioInto,
  celestialToTerrestrialMatrix2006A,
  celestialToTerrestrialMatrixCipSeries2006A,
} from './iau2006/celestialToTerrestrial2006A';
export {
  type CipXY,
  type CipXYs,
  cioLocatorRad,
  cipXYFromMatrix,
  cipXYRad,
  cipXYs2000BInto,
  cipXYsFromPrecessionNutationRad,
  cipXYsInto,
  cipXYsRad,
} from './iau2006/cipXys';
export { earthRotationAngleRad } from './iau2006/earthRotationAngle';
export {
  equationOfEquinoxes2006ARad,
  equationOfOriginsRad,
  gast2006ARad,
} from './iau2006/gast2006A';
export {
  equationOfEquinoxesComplementaryTermsRad,
  gastSeries2006Rad,
} from './iau2006/gastSeries2006';
export { gmst2006Rad } from './iau2006/gmst2006';
export { meanObliquity2006Rad } from './iau2006/meanObliquity2006';
export { type Nutation, nutation2000ARad } from './iau2006/nutation2000A';
export { nutation2000BRad } from './iau2006/nutation2000B';
export { polarMotionInto, polarMotionMatrix } from './iau2006/polarMotion';
export {
  biasPrecession2006Into,
  biasPrecessionMatrix2006,
  type FukushimaWilliamsAngles,
  frameBias2006Into,
  frameBiasMatrix2006,
  fukushimaWilliamsAngles2006Rad,
  fukushimaWilliamsMatrix,
  fukushimaWilliamsMatrixInto,
} from './iau2006/precession2006';
export {
  precessionNutation2006AInto,
  precessionNutationMatrix2006A,
} from './iau2006/precessionNutation2006A';
export { tioLocatorRad } from './iau2006/tioLocator';
export type { IteratedLightTimeResult, LightTimeOptions, LightTimeResult } from './lightTime';
export { correctLightTime, correctLightTimeLinear, SPEED_OF_LIGHT_KM_S } from './lightTime';
export type { LocalOrbitalFrameType } from './localOrbital';
export {
  LOCAL_ORBITAL_FRAME_TYPES,
  localOrbitalRotation,
  lvlhRotation,
  rtnRotation,
  tnwRotation,
} from './localOrbital';
export type {
  AnnualAberrationInput,
  FramedTargetState,
  ObserveAzElOptions,
  ObservedAzEl,
  ObservedRaDec,
  ObserveRaDecOptions,
  TargetState,
} from './observe';
export { observeAzEl, observeRaDec } from './observe';
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
