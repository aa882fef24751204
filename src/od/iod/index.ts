export type { AngleObservationFromSiteOptions, AngleObservationInit } from './angleObservation';
export {
  angleObservationFromSite,
  createAngleObservation,
  lineOfSightFromRaDec,
} from './angleObservation';
export { attributableObservationFromSite } from './attributableFromTracklet';
export type { AttributableObservation, CircularOrbitOptions } from './circularShortArc';
export { solveCircularOrbit } from './circularShortArc';
export type { GaussOptions } from './gauss';
export { solveGauss } from './gauss';
export type { GibbsOptions, PositionsIodResult, PositionsIodSuccess } from './gibbs';
export { solveGibbs } from './gibbs';
export type { GoodingOptions } from './gooding';
export { solveGooding } from './gooding';
export type { HerrickGibbsOptions } from './herrickGibbs';
export { solveHerrickGibbs } from './herrickGibbs';
export type { LambertOptions, LambertResult, LambertSolution, LambertSuccess } from './lambertIzzo';
export { solveLambert } from './lambertIzzo';
export type { LaplaceOptions } from './laplace';
export { solveLaplace } from './laplace';
export type {
  AngleObservation,
  AnglesIodResult,
  AnglesIodSuccess,
  IodFailure,
  IodFailureReason,
} from './types';
