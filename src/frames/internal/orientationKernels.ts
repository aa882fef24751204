/**
 * The Earth-orientation kernels the frame tree uses, gathered in one place so that the edges
 * read as the models they implement.
 */

export { equationOfEquinoxes1994Rad } from '../iau1980/equationOfEquinoxes1994';
export { gmst1982Rad } from '../iau1980/gmst1982';
export { meanObliquity1980Rad } from '../iau1980/meanObliquity1980';
export { nutation1980Rad } from '../iau1980/nutation1980';
export { precession1976Into } from '../iau1980/precession1976';
export { celestialToIntermediateInto } from '../iau2006/celestialToIntermediate';
export { cipXYs2000BInto, cipXYsRad } from '../iau2006/cipXys';
export { earthRotationAngleRad } from '../iau2006/earthRotationAngle';
export { meanObliquity2006Rad } from '../iau2006/meanObliquity2006';
export { nutation2000ARad } from '../iau2006/nutation2000A';
export { nutation2000BRad } from '../iau2006/nutation2000B';
export { polarMotionInto } from '../iau2006/polarMotion';
export { biasPrecession2006Into, frameBias2006Into } from '../iau2006/precession2006';
export { tioLocatorRad } from '../iau2006/tioLocator';
