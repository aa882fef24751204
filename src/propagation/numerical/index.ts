export type {
  CovariancePropagationOptions,
  ImpulsiveManeuver,
  PropagateNumericalOptions,
} from './propagateNumerical';
export {
  NUMERICAL_DEFAULT_ABS_TOL_KM,
  NUMERICAL_DEFAULT_REL_TOL,
  NumericalPropagation,
  propagateNumerical,
} from './propagateNumerical';
