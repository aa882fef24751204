import { InvalidArgumentError } from '../errors';
import type { DenseMatrix, Mat3 } from '../math';

/**
 * The 6×6 Jacobian of a change of frame applied to a position-velocity state.
 *
 * A frame transform with rotation R and rotation rate Ṙ maps r_to = R·r_from and
 * v_to = R·v_from + Ṙ·r_from (the convention of `frameTransform`), so the partial
 * derivatives of (r_to, v_to) with respect to (r_from, v_from) are
 *
 * ```
 *       ⎡R  0⎤
 * J =   ⎣Ṙ  R⎦
 * ```
 *
 * and a 6×6 covariance maps as C_to = J·C_from·Jᵀ (see `rotateCovariance`). With Ṙ = 0 this is
 * the blockwise rotation.
 *
 * @param rotation - R, row-major 3×3 (dimensionless)
 * @param rotationRate - Ṙ, row-major 3×3, 1/s
 * @returns J as a new 6×6 row-major matrix (position rows in km, velocity rows in km/s)
 * @throws {@link InvalidArgumentError} when a matrix does not have 9 finite elements
 * @see Vallado, Fundamentals of Astrodynamics and Applications (4th ed.), §3.7 (velocity
 *   transformation between rotating frames)
 * @example
 * ```ts
 * const J = stateTransformJacobian(mat3.rotationZ(0.5), [0, 0, 0, 0, 0, 0, 0, 0, 0]);
 * J.rows; // 6
 * J.data[3 * 6 + 3]; // 0.8775825618903728 (cos 0.5: R₀₀ in the velocity block)
 * J.data[3 * 6 + 0]; // 0 (Ṙ₀₀)
 * ```
 */
export function stateTransformJacobian(rotation: Mat3, rotationRate: Mat3): DenseMatrix {
  checkMat3(rotation, 'rotation', '');
  checkMat3(rotationRate, 'rotationRate', '1/s');
  const out = new Float64Array(36);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const r = rotation[3 * i + j]!;
      out[i * 6 + j] = r;
      out[(i + 3) * 6 + (j + 3)] = r;
      out[(i + 3) * 6 + j] = rotationRate[3 * i + j]!;
    }
  }
  return { rows: 6, cols: 6, data: out };
}

function checkMat3(m: Mat3, name: string, unit: string): void {
  if (m === null || typeof m !== 'object' || m.length !== 9) {
    throw new InvalidArgumentError(
      name,
      m === null || typeof m !== 'object' ? m : `length ${m.length}`,
      '',
      'must be a row-major 3×3 matrix of 9 numbers',
    );
  }
  for (let k = 0; k < 9; k++) {
    const v = m[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidArgumentError(`${name}[${k}]`, v, unit, 'must be finite');
    }
  }
}
