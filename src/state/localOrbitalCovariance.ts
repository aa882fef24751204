import { FrameMismatchError, InvalidArgumentError } from '../errors';
import { isEarthFixed } from '../frames/frameId';
import { localOrbitalRotation } from '../frames/localOrbital';
import { type Mat3, mat3 } from '../math';
import { Covariance, type LocalOrbitalFrameId, relabelForFrame } from './covariance';
import { congruence } from './rotateCovariance';
import { stateTransformJacobian } from './stateTransformJacobian';
import { checkSameEpoch, StateVector } from './stateVector';

/**
 * How the velocity rows of a 6×6 covariance change between an inertial frame and a local
 * orbital frame:
 *
 * - `'blockwise'` (default): the same rotation M for the position and the velocity rows,
 *   J = diag(M, M). The velocity uncertainty is expressed along the local axes, as the
 *   velocity itself would be in a non-rotating frame aligned with them at the epoch. This is
 *   the meaning of `RTN`, `RSW`, `RIC` and `TNW` as `COV_REF_FRAME` of CCSDS OEM/OPM messages:
 *   the SANA registry of orbit-relative frames that ODM v3 refers to treats them as
 *   quasi-inertial and names the rotating variants separately (`RSW_ROTATING`,
 *   `TNW_ROTATING`); Orekit reads `RTN` as `LOFType.QSW_INERTIAL` likewise.
 * - `'rotatingFrame'` (RTN only): the velocity relative to the rotating RTN frame,
 *   δv_RTN = M·δv − M·(ω × δr), with ω = (r × v)/|r|², the angular velocity of the RTN axes
 *   of the two-body orbit through the reference state (exact for the R axis; the slow
 *   out-of-plane turning that perturbations cause is neglected). J = [[M, 0], [−M·[ω×], M]].
 *   This is the covariance of relative motion (Hill/Clohessy–Wiltshire coordinates), CCSDS
 *   `RSW_ROTATING`, Orekit `LOFType.QSW`.
 */
export type LocalOrbitalVelocity = 'blockwise' | 'rotatingFrame';

/** Options of {@link covarianceToLocalOrbital} and {@link covarianceFromLocalOrbital}. */
export interface LocalOrbitalCovarianceOptions {
  /** Which local frame (for {@link covarianceToLocalOrbital}). Default `'RTN'`. */
  readonly frame?: LocalOrbitalFrameId;
  /** Treatment of the velocity rows, see {@link LocalOrbitalVelocity}. Default `'blockwise'`. */
  readonly velocity?: LocalOrbitalVelocity;
  /**
   * Largest difference between the epochs of the covariance and the reference state, s.
   * Default 1 ns (`DEFAULT_EPOCH_TOLERANCE_S`).
   */
  readonly epochToleranceS?: number;
}

/**
 * Rotates a covariance from the frame of a reference state to the local orbital frame (RTN or
 * TNW) that the state's position and velocity define.
 *
 * The covariance must be in the reference state's frame, at its epoch, and of size 3
 * (position), 6 (position, velocity) or more (the rows after the sixth, such as a drag or
 * solar pressure coefficient, are left unchanged). The reference frame must not be
 * Earth-fixed: RTN built from an Earth-relative velocity is a different frame from the one
 * every catalogue means. Labels that are the frame's defaults (`x y z vx vy vz`) become
 * those of the local frame (`r t n vr vt vn`); units are unchanged.
 *
 * @param cov - the covariance, in `reference.frame`
 * @param reference - the state that defines the local axes
 * @param options - local frame (default RTN), velocity treatment (default blockwise), epoch
 *   tolerance
 * @returns a new covariance in `'RTN'` or `'TNW'`
 * @throws {@link FrameMismatchError} when the covariance is not in the reference state's frame
 * @throws {@link InvalidArgumentError} when the epochs differ, the size is not 3 or ≥ 6,
 *   `'rotatingFrame'` is asked for TNW or for a 3×3 covariance, the reference frame is
 *   Earth-fixed, or its position and velocity are parallel
 * @see Vallado, Fundamentals of Astrodynamics and Applications (4th ed.), §3.3 (RSW, NTW)
 * @see CCSDS 502.0-B-3 (Orbit Data Messages), §3.2.4 and annex A (local orbital frames)
 * @example
 * ```ts
 * const epoch = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const s = StateVector.create({ epoch, frame: 'GCRF', positionKm: [0, 42164, 0], velocityKmS: [-3.0747, 0, 0] });
 * const c = Covariance.create({ epoch, frame: 'GCRF', matrix: [[1, 0, 0], [0, 4, 0], [0, 0, 9]] });
 * // R = ŷ, T = −x̂, N = ẑ here
 * covarianceToLocalOrbital(c, s).sigmas(); // ≈ [2, 1, 3]
 * ```
 */
export function covarianceToLocalOrbital(
  cov: Covariance,
  reference: StateVector,
  options: LocalOrbitalCovarianceOptions = {},
): Covariance {
  const local = options.frame ?? 'RTN';
  if (local !== 'RTN' && local !== 'TNW') {
    throw new InvalidArgumentError('options.frame', local, '', "must be 'RTN' or 'TNW'");
  }
  checkOperands(cov, reference, options);
  if (cov.frame !== reference.frame) {
    throw new FrameMismatchError('covariance to local orbital frame', reference.frame, cov.frame);
  }
  const M = localOrbitalRotation(local, reference.positionKm, reference.velocityKmS);
  const velocity = readVelocity(options.velocity, local, cov.dim);
  const J =
    velocity === 'blockwise'
      ? blockJacobian(M, ZERO_MAT3, cov.dim)
      : blockJacobian(M, mat3.multiply(M, negSkew(angularVelocity(reference))), cov.dim);
  return finish(cov, J, local);
}

/**
 * Rotates a covariance from a local orbital frame (RTN or TNW, as its `frame` says) to the
 * frame of a reference state, whose position and velocity define the local axes: the inverse
 * of {@link covarianceToLocalOrbital} with the same options.
 *
 * @param cov - the covariance, in `'RTN'` or `'TNW'`
 * @param reference - the state that defines the local axes; its frame is the result's
 * @param options - velocity treatment (default blockwise), epoch tolerance; `frame` is
 *   ignored (the covariance's frame is used)
 * @returns a new covariance in `reference.frame`
 * @throws {@link FrameMismatchError} when the covariance is not in RTN or TNW
 * @throws {@link InvalidArgumentError} as {@link covarianceToLocalOrbital} does
 * @example
 * ```ts
 * const epoch = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const s = StateVector.create({ epoch, frame: 'GCRF', positionKm: [0, 42164, 0], velocityKmS: [-3.0747, 0, 0] });
 * const c = Covariance.create({ epoch, frame: 'RTN', matrix: [[4, 0, 0], [0, 1, 0], [0, 0, 9]] });
 * const g = covarianceFromLocalOrbital(c, s);
 * g.frame; // 'GCRF'
 * g.sigmas(); // ≈ [1, 2, 3]
 * ```
 */
export function covarianceFromLocalOrbital(
  cov: Covariance,
  reference: StateVector,
  options: LocalOrbitalCovarianceOptions = {},
): Covariance {
  checkOperands(cov, reference, options);
  const local = cov.frame;
  if (local !== 'RTN' && local !== 'TNW') {
    throw new FrameMismatchError('covariance from local orbital frame', 'RTN or TNW', cov.frame);
  }
  const M = localOrbitalRotation(local, reference.positionKm, reference.velocityKmS);
  const Mt = mat3.transpose(M);
  const velocity = readVelocity(options.velocity, local, cov.dim);
  // Inverse of [[M, 0], [Ṁ, M]] is [[Mᵀ, 0], [−Mᵀ·Ṁ·Mᵀ, Mᵀ]]; with Ṁ = −M·[ω×] the lower
  // left block is [ω×]·Mᵀ.
  const J =
    velocity === 'blockwise'
      ? blockJacobian(Mt, ZERO_MAT3, cov.dim)
      : blockJacobian(Mt, mat3.multiply(skew(angularVelocity(reference)), Mt), cov.dim);
  return finish(cov, J, reference.frame);
}

// ------------------------------------------------------------------ helpers

const ZERO_MAT3: Mat3 = [0, 0, 0, 0, 0, 0, 0, 0, 0];

function checkOperands(
  cov: Covariance,
  reference: StateVector,
  options: LocalOrbitalCovarianceOptions,
): void {
  if (!(cov instanceof Covariance)) {
    throw new InvalidArgumentError('cov', typeof cov, '', 'must be a Covariance');
  }
  if (!(reference instanceof StateVector)) {
    throw new InvalidArgumentError('reference', typeof reference, '', 'must be a StateVector');
  }
  if (isEarthFixed(reference.frame)) {
    throw new InvalidArgumentError(
      'reference.frame',
      reference.frame,
      '',
      'local orbital frames are defined from an inertial state: transform the reference (and the covariance) to GCRF first',
    );
  }
  checkSameEpoch(reference.epoch, cov.epoch, 'cov.epoch', options.epochToleranceS);
  if (cov.dim !== 3 && cov.dim < 6) {
    throw new InvalidArgumentError(
      'cov.dim',
      cov.dim,
      '',
      'must be 3 (position) or at least 6 (position, velocity, then other parameters)',
    );
  }
}

function readVelocity(
  velocity: LocalOrbitalVelocity | undefined,
  local: LocalOrbitalFrameId,
  dim: number,
): LocalOrbitalVelocity {
  const v = velocity ?? 'blockwise';
  if (v !== 'blockwise' && v !== 'rotatingFrame') {
    throw new InvalidArgumentError(
      'options.velocity',
      v,
      '',
      "must be 'blockwise' or 'rotatingFrame'",
    );
  }
  if (v === 'rotatingFrame' && local !== 'RTN') {
    throw new InvalidArgumentError(
      'options.velocity',
      v,
      '',
      'is defined for RTN only (the rate of the TNW axes depends on the acceleration)',
    );
  }
  if (v === 'rotatingFrame' && dim < 6) {
    throw new InvalidArgumentError('cov.dim', dim, '', "must be ≥ 6 for 'rotatingFrame'");
  }
  return v;
}

/** ω = (r × v)/|r|², rad/s: the angular velocity of the RTN axes on the osculating orbit. */
function angularVelocity(s: StateVector): readonly [number, number, number] {
  const [x, y, z] = s.positionKm;
  const [vx, vy, vz] = s.velocityKmS;
  const r2 = x * x + y * y + z * z;
  return [(y * vz - z * vy) / r2, (z * vx - x * vz) / r2, (x * vy - y * vx) / r2];
}

/** [ω×], the matrix of the cross product ω × ·, 1/s. */
function skew(w: readonly [number, number, number]): Mat3 {
  return [0, -w[2], w[1], w[2], 0, -w[0], -w[1], w[0], 0];
}

/** −[ω×], 1/s. */
function negSkew(w: readonly [number, number, number]): Mat3 {
  return skew([-w[0], -w[1], -w[2]]);
}

/**
 * The dim×dim Jacobian: for dim 3, R; for dim ≥ 6, the 6×6 [[R, 0], [Ṙ, R]] followed by the
 * identity on the remaining rows.
 */
function blockJacobian(R: Mat3, Rdot: Mat3, dim: number): Float64Array {
  const J = new Float64Array(dim * dim);
  if (dim === 3) {
    J.set(R);
    return J;
  }
  const j6 = stateTransformJacobian(R, Rdot).data;
  for (let i = 0; i < 6; i++) J.set(j6.subarray(i * 6, i * 6 + 6), i * dim);
  for (let i = 6; i < dim; i++) J[i * dim + i] = 1;
  return J;
}

function finish(cov: Covariance, J: Float64Array, toFrame: Covariance['frame']): Covariance {
  const n = cov.dim;
  return Covariance.create(
    {
      epoch: cov.epoch,
      frame: toFrame,
      matrix: { rows: n, cols: n, data: congruence(J, cov.toFloat64Array(), n) },
      labels: relabelForFrame(cov.labels, cov.frame, toFrame),
      units: cov.units,
    },
    { checkPsd: false },
  );
}
