export type { AtmosphericDragOptions } from './atmosphericDrag';
export { atmosphericDrag } from './atmosphericDrag';
export type { SpkBodyOptions } from './bodyProviders';
export { lowPrecisionMoon, lowPrecisionSun, spkBody } from './bodyProviders';
export type { ConstantThrustOptions } from './constantThrust';
export { constantThrust } from './constantThrust';
export type { Atmosphere } from './exponentialAtmosphere';
export { exponentialAtmosphere } from './exponentialAtmosphere';
export type { ForceContextOptions } from './forceContext';
export {
  BODY_NODE_SPACING_S,
  createForceContext,
  ROTATION_NODE_SPACING_S,
} from './forceContext';
export { egm2008Degree20 } from './gravity/egm2008Degree20';
export type { GravityFieldInit } from './gravity/gravityField';
export { GravityField, legendreNormalization } from './gravity/gravityField';
export type { ParseEgmAsciiOptions } from './gravity/parseEgmAscii';
export { parseEgmAscii } from './gravity/parseEgmAscii';
export type { ParseGravityOptions } from './gravity/parseIcgem';
export { parseIcgem } from './gravity/parseIcgem';
export type { SphericalHarmonicGravityOptions } from './gravity/sphericalHarmonicGravity';
export { sphericalHarmonicGravity } from './gravity/sphericalHarmonicGravity';
export type { ZonalGravityOptions } from './gravity/zonalGravity';
export { EGM2008_J2_TO_J6, zonalGravity } from './gravity/zonalGravity';
export type { HarrisPriesterOptions, SunDependentAtmosphere } from './harrisPriesterAtmosphere';
export {
  HARRIS_PRIESTER_MAX_HEIGHT_KM,
  HARRIS_PRIESTER_MIN_HEIGHT_KM,
  harrisPriesterAtmosphere,
} from './harrisPriesterAtmosphere';
export type { PointMassGravityOptions } from './pointMassGravity';
export { pointMassGravity } from './pointMassGravity';
export { shadowFraction } from './shadow';
export type { SolarRadiationPressureOptions } from './solarRadiationPressure';
export { SOLAR_PRESSURE_AT_1AU_N_M2, solarRadiationPressure } from './solarRadiationPressure';
export { thirdBodyGravity } from './thirdBodyGravity';
export type {
  BodyPositionProvider,
  ForceContext,
  ForceEvaluator,
  ForceModel,
  ForceParameter,
} from './types';
