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
