import { InvalidArgumentError } from '../errors';
import type { DenseMatrix, Mat3 } from '../math';
import { Covariance, type CovarianceFrame, isCovarianceFrame, relabelForFrame } from './covariance';
import { readSquareMatrix } from './internal/squareMatrix';

/** Options of {@link rotateCovariance}. */
export interface RotateCovarianceOptions {
  /**
   * Labels of the result's rows. Default: when the covariance carries the default labels of
   * its frame (`x y z vx vy vz`, `r t n vr vt vn`, …, see `defaultCovarianceLabels`), those of
   * the new frame; otherwise its labels unchanged.
   */
  readonly labels?: readonly string[];
  /** Units of the result's rows. Default: the covariance's units unchanged. */
  readonly units?: readonly string[];
}

/** Unit roundoff of IEEE double precision, 2⁻⁵³. */
const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Maps a covariance through a linear change of variables: C' = J·C·Jᵀ, for a change of frame
 * (J a rotation, or the {@link stateTransformJacobian} of a rotating frame) or any other
 * Jacobian of the same size.
 *
 * `jacobian` is either a full dim×dim matrix (rows or a row-major `DenseMatrix`), or a 3×3
 * {@link Mat3} that is applied blockwise to each group of three rows (position, then
 * velocity, …; dim must be a multiple of 3): J = diag(M, M, …). The result is made exactly
 * symmetric; a variance that is 0 to within its rounding error (4·dim·u times the sum of the
 * magnitudes of its terms) is set to 0 together with the rounding noise in its row and
 * column, so that a singular covariance stays semi-definite. The result keeps the epoch; it is
 * not re-tested for semi-definiteness, which a congruence preserves.
 *
 * @param cov - the covariance
 * @param jacobian - J: a dim×dim matrix, or a 3×3 matrix applied blockwise
 * @param toFrame - the frame of the result
 * @param options - labels and units of the result
 * @returns a new covariance in `toFrame`
 * @throws {@link InvalidArgumentError} for a Jacobian of the wrong size or with a non-finite
 *   element, a `Mat3` with dim not a multiple of 3, or an unknown frame
 * @example
 * ```ts
 * const c = Covariance.create({
 *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
 *   frame: 'GCRF',
 *   matrix: [[4, 0, 0], [0, 1, 0], [0, 0, 9]],
 * });
 * // the components along axes turned by 90° about z: x' = y, y' = −x
 * const r = rotateCovariance(c, mat3.rotationZ(Math.PI / 2), 'EME2000');
 * r.sigmas(); // ≈ [1, 2, 3]
 * ```
 */
export function rotateCovariance(
  cov: Covariance,
  jacobian: Mat3 | ReadonlyArray<ArrayLike<number>> | DenseMatrix,
  toFrame: CovarianceFrame,
  options: RotateCovarianceOptions = {},
): Covariance {
  if (!(cov instanceof Covariance)) {
    throw new InvalidArgumentError('cov', typeof cov, '', 'must be a Covariance');
  }
  if (!isCovarianceFrame(toFrame)) {
    throw new InvalidArgumentError('toFrame', toFrame, '', 'not a FrameId, RTN or TNW');
  }
  const n = cov.dim;
  const J = readJacobian(jacobian, n);
  const C = cov.toFloat64Array();
  const out = congruence(J, C, n);
  return Covariance.create(
    {
      epoch: cov.epoch,
      frame: toFrame,
      matrix: { rows: n, cols: n, data: out },
      labels: options.labels ?? relabelForFrame(cov.labels, cov.frame, toFrame),
      units: options.units ?? cov.units,
    },
    { checkPsd: false },
  );
}

/**
 * J·C·Jᵀ for symmetric C, computed once per upper-triangle element and mirrored.
 *
 * Rounding can leave a variance whose true value is 0 slightly negative, or positive but far
 * below its own rounding error, with off-diagonal noise in its row that the positive
 * semi-definiteness test would then read as a correlation beyond ±1. So a variance within its
 * rounding bound of 0 is set to 0, and so are the elements of its row and column that are
 * within their own rounding bounds: for element (i, j) the bound is 4·n·u·Bᵢⱼ + n²·η, with
 * B = |J|·|C|·|J|ᵀ, u = 2⁻⁵³ and η the smallest subnormal (Higham, Accuracy and Stability of
 * Numerical Algorithms, 2nd ed., §3.1 and §3.5, with the underflow term of §2.1).
 *
 * @internal Shared by the rotations of state/.
 */
export function congruence(J: Float64Array, C: Float64Array, n: number): Float64Array {
  // T = J·C
  const T = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const jik = J[i * n + k]!;
      if (jik === 0) continue;
      for (let l = 0; l < n; l++) T[i * n + l] = T[i * n + l]! + jik * C[k * n + l]!;
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let l = 0; l < n; l++) s += T[i * n + l]! * J[j * n + l]!;
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  const relBound = 4 * n * UNIT_ROUNDOFF;
  const absBound = n * n * Number.MIN_VALUE;
  for (let i = 0; i < n; i++) {
    const v = out[i * n + i]!;
    if (Math.abs(v) > relBound * magnitude(J, C, n, i, i) + absBound) continue;
    out[i * n + i] = 0;
    for (let j = 0; j < n; j++) {
      const x = out[i * n + j]!;
      if (j !== i && x !== 0 && Math.abs(x) <= relBound * magnitude(J, C, n, i, j) + absBound) {
        out[i * n + j] = 0;
        out[j * n + i] = 0;
      }
    }
  }
  return out;
}

/** (|J|·|C|·|J|ᵀ)ᵢⱼ: the sum of the magnitudes of the terms that form element (i, j). */
function magnitude(J: Float64Array, C: Float64Array, n: number, i: number, j: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const a = Math.abs(J[i * n + k]!);
    if (a === 0) continue;
    for (let l = 0; l < n; l++) sum += a * Math.abs(C[k * n + l]!) * Math.abs(J[j * n + l]!);
  }
  return sum;
}

function readJacobian(
  jacobian: Mat3 | ReadonlyArray<ArrayLike<number>> | DenseMatrix,
  n: number,
): Float64Array {
  if (isMat3Like(jacobian)) {
    if (n % 3 !== 0) {
      throw new InvalidArgumentError(
        'jacobian',
        '3×3',
        '',
        `applies blockwise only to a covariance whose size is a multiple of 3, not ${n}`,
      );
    }
    for (let k = 0; k < 9; k++) {
      const v = jacobian[k]!;
      if (!Number.isFinite(v)) {
        throw new InvalidArgumentError(`jacobian[${k}]`, v, '', 'must be finite');
      }
    }
    const J = new Float64Array(n * n);
    for (let b = 0; b < n; b += 3) {
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) J[(b + i) * n + (b + j)] = jacobian[3 * i + j]!;
      }
    }
    return J;
  }
  const m = readSquareMatrix(
    jacobian as ReadonlyArray<ArrayLike<number>> | DenseMatrix,
    'jacobian',
  );
  if (m.n !== n) {
    throw new InvalidArgumentError(
      'jacobian',
      `${m.n}×${m.n}`,
      '',
      `must be ${n}×${n} (the size of the covariance) or a 3×3 matrix applied blockwise`,
    );
  }
  return m.data;
}

/** A flat array of 9 numbers (a {@link Mat3}), as opposed to rows or a DenseMatrix. */
function isMat3Like(x: unknown): x is Mat3 {
  if (x instanceof Float64Array) return x.length === 9;
  return Array.isArray(x) && x.length === 9 && typeof x[0] === 'number';
}
