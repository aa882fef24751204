export {
  eccentricAnomalyFromTrueRad,
  meanAnomalyFromTrueRad,
  trueAnomalyFromEccentricRad,
  trueAnomalyFromMeanRad,
} from './anomalies';
export type { EquinoctialElements } from './equinoctial';
export {
  equinoctialFromPositionVelocity,
  equinoctialFromState,
  positionVelocityFromEquinoctialInto,
  stateFromEquinoctial,
} from './equinoctial';
export type { EccentricityVector, InclinationVector } from './geo';
export {
  eccentricityVector,
  geoDriftRateDegPerDay,
  inclinationVector,
  subSatelliteLongitudeDeg,
} from './geo';
export {
  eccentricAnomalyFromMeanRad,
  hyperbolicAnomalyFromMeanRad,
  meanAnomalyFromEccentricRad,
  meanAnomalyFromHyperbolicRad,
} from './keplerEquation';
export type { ElementsOptions, KeplerianElements, StateFromElementsOptions } from './keplerian';
export {
  CLASSICAL_SINGULARITY_TOL,
  keplerianFromPositionVelocity,
  keplerianFromState,
  positionVelocityFromKeplerianInto,
  stateFromKeplerian,
} from './keplerian';
