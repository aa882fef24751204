/**
 * Internal numerical kernels of osmose: three-vectors and 3×3 matrices (`vec3`, `mat3`,
 * gl-matrix style namespaces), dense linear algebra over ml-matrix with plain-data types, and a
 * seeded, platform-independent random generator.
 *
 * This module is internal: it is not exported from the package. Other modules import it as
 * `../math`.
 *
 * @example
 * ```ts
 * import { mat3, vec3 } from '../math';
 * const h = vec3.cross([7000, 0, 0], [0, 7.5, 0]); // [0, 0, 52500] km²/s
 * const r = mat3.multiplyVec(mat3.rotationZ(0.1), [7000, 0, 0]); // ≈ [6965.029157, -698.833917, 0] km
 * ```
 *
 * @packageDocumentation
 */

export {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSurvival,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from './chiSquare';
export type {
  CholeskyFailure,
  CholeskyOptions,
  CholeskyResult,
  CholeskySuccess,
  DenseMatrix,
  LeastSquaresResult,
  MatrixInput,
  RankOptions,
  SpdInverseResult,
  SvdLeastSquaresResult,
  SvdSummary,
} from './linalg';
export {
  cholesky,
  DEFAULT_SYMMETRY_TOL,
  denseFromRows,
  denseGet,
  denseIdentity,
  denseToRows,
  denseZeros,
  invertSymmetricPositiveDefinite,
  matMul,
  matVec,
  solveLeastSquares,
  solveLeastSquaresSvd,
  svd,
  symmetrize,
  transpose,
} from './linalg';
export type { Mat3, Mat3Like, Mat3Out } from './mat3';
export * as mat3 from './mat3';
export type { SeededRandomState } from './random';
export { SeededRandom } from './random';
export {
  invertGeneralInto,
  invertSpdInto,
  lowerTriangularInverseInto,
  multiplySmall,
} from './smallDense';
export type { MutableVec3, Vec3, Vec3Like, Vec3Out } from './vec3';
export * as vec3 from './vec3';
