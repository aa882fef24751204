/**
 * State vectors and covariances: the immutable value types that orbit determination,
 * propagation and the CCSDS messages exchange, and the rotations of covariances between
 * frames, including inertial ↔ RTN/TNW.
 *
 * @packageDocumentation
 */
export type { DenseMatrix } from '../math';
export type {
  CovarianceCreateOptions,
  CovarianceFrame,
  CovarianceInit,
  CovarianceJson,
  LocalOrbitalFrameId,
} from './covariance';
export {
  Covariance,
  DEFAULT_COVARIANCE_SYMMETRY_TOL,
  DEFAULT_PSD_TOL,
  defaultCovarianceLabels,
  isCovarianceFrame,
} from './covariance';
export * from './elements';
export type { LocalOrbitalCovarianceOptions, LocalOrbitalVelocity } from './localOrbitalCovariance';
export { covarianceFromLocalOrbital, covarianceToLocalOrbital } from './localOrbitalCovariance';
export type { RotateCovarianceOptions } from './rotateCovariance';
export { rotateCovariance } from './rotateCovariance';
export { stateTransformJacobian } from './stateTransformJacobian';
export type {
  RelativeState,
  StateEpochOptions,
  StateEqualsOptions,
  StateVectorInit,
  StateVectorJson,
} from './stateVector';
export { DEFAULT_EPOCH_TOLERANCE_S, StateVector } from './stateVector';
export { transformCovariance, transformState } from './transformState';
