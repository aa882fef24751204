export type { MatrixInput } from '../../math';
export type {
  BatchApriori,
  BatchEstimateSelection,
  BatchLeastSquaresOptions,
  BatchLeastSquaresResult,
  EstimatedParameter,
  ResidualChiSquareTest,
} from './estimateBatchLeastSquares';
export { estimateBatchLeastSquares } from './estimateBatchLeastSquares';
export type {
  EvaluateOrbitFitOptions,
  MeasurementFitResidual,
  OrbitFitEvaluation,
} from './evaluateOrbitFit';
export { evaluateOrbitFit } from './evaluateOrbitFit';
export type {
  LeastSquaresApriori,
  LeastSquaresEditing,
  LeastSquaresEvaluation,
  LeastSquaresEvaluationFailure,
  LeastSquaresIteration,
  LeastSquaresOptions,
  LeastSquaresProblem,
  LeastSquaresResult,
  LeastSquaresStatus,
} from './nonlinearLeastSquares';
export { solveNonlinearLeastSquares } from './nonlinearLeastSquares';
export type { EstimatedManeuver } from './orbitArc';
export type { EstimatorModelOptions, OrbitDynamics } from './orbitDynamics';
export { OD_DEFAULT_ABS_TOL_KM, OD_DEFAULT_REL_TOL } from './orbitDynamics';
