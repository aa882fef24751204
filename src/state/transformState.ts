import { InvalidArgumentError } from '../errors';
import {
  type FrameId,
  type FrameTransformOptions,
  frameTransform,
  isFrameId,
  transformPositionVelocity,
} from '../frames';
import type { Covariance } from './covariance';
import { rotateCovariance } from './rotateCovariance';
import { stateTransformJacobian } from './stateTransformJacobian';
import { StateVector } from './stateVector';

/**
 * A state expressed in another frame at the same instant: position by the rotation,
 * velocity by the rotation and its rate (v' = R v + Ṙ r), so that going to an Earth-fixed
 * frame adds the Earth's rotation.
 *
 * @param state - the state
 * @param to - target frame
 * @param options - time data, fixed EOP, pole offsets, velocity convention, ITRF chain (see
 *   {@link frameTransform})
 * @returns a new state in `to`
 * @throws {@link InvalidArgumentError} for an unknown frame
 * @example
 * ```ts
 * const t = Epoch.fromIso('2004-04-06T07:51:28.386009', 'UTC');
 * const s = StateVector.create({ epoch: t, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] });
 * transformState(s, 'GCRF', {}).positionKm; // [42164, 0, 0]
 * ```
 */
export function transformState(
  state: StateVector,
  to: FrameId,
  options: FrameTransformOptions = {},
): StateVector {
  if (typeof to !== 'string' || !isFrameId(to)) {
    throw new InvalidArgumentError('to', to, '', 'not a frame (see FRAME_IDS)');
  }
  if (state.frame === to) return state;
  const x = frameTransform(state.frame, to, state.epoch, options);
  const out = transformPositionVelocity(
    x,
    state.positionKm as unknown as [number, number, number],
    state.velocityKmS as unknown as [number, number, number],
  );
  return StateVector.create({ epoch: state.epoch, frame: to, ...out });
}

/**
 * A 6×6 position-velocity covariance expressed in another frame at its epoch:
 * C' = J C Jᵀ with J = [[R, 0], [Ṙ, R]] (the Jacobian of {@link transformState}).
 *
 * @param covariance - a 6×6 covariance in a frame of {@link FrameId}
 * @param to - target frame
 * @param options - as {@link transformState}
 * @returns a new covariance in `to`
 * @throws {@link InvalidArgumentError} for a covariance that is not 6×6 or not in a frame of
 *   the frame tree (RTN and TNW go through `covarianceFromLocalOrbital` first)
 * @example
 * ```ts
 * const t = Epoch.fromIso('2020-01-01T00:00:00', 'UTC');
 * const c = Covariance.create({ epoch: t, frame: 'GCRF', matrix: [
 *   [1, 0, 0, 0, 0, 0], [0, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0],
 *   [0, 0, 0, 1e-6, 0, 0], [0, 0, 0, 0, 1e-6, 0], [0, 0, 0, 0, 0, 1e-6]] });
 * transformCovariance(c, 'EME2000').frame; // 'EME2000'
 * ```
 */
export function transformCovariance(
  covariance: Covariance,
  to: FrameId,
  options: FrameTransformOptions = {},
): Covariance {
  const from = covariance.frame;
  if (typeof from !== 'string' || !isFrameId(from)) {
    throw new InvalidArgumentError(
      'covariance.frame',
      from,
      '',
      'must be a frame of the frame tree; convert RTN/TNW with covarianceFromLocalOrbital first',
    );
  }
  if (covariance.dim !== 6) {
    throw new InvalidArgumentError(
      'covariance.dim',
      covariance.dim,
      '',
      'must be 6 (position and velocity)',
    );
  }
  const x = frameTransform(from, to, covariance.epoch, options);
  return rotateCovariance(covariance, stateTransformJacobian(x.rotation, x.rotationRate), to);
}
