import { EARTH_GM_KM3_S2 } from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import { isEarthFixed } from '../../frames';
import { StateVector } from '../../state';
import { Epoch } from '../../time';
import { keplerPropagateInto } from './keplerUniversal';

/** Options of {@link propagateKepler}. */
export interface PropagateKeplerOptions {
  /** Gravitational parameter μ, km³/s². Default {@link EARTH_GM_KM3_S2}. */
  readonly muKm3S2?: number;
}

/**
 * The state of a two-body orbit at another epoch: the analytic solution of any conic
 * (ellipse, parabola, hyperbola), forward or backward, in the state's own inertial frame.
 *
 * @param state - the initial state, in an inertial frame (not ITRF, TIRS or PEF)
 * @param epoch - the epoch wanted; the time between them is SI seconds (TAI), so the result
 *   does not depend on the scale the epochs were written in
 * @param options - μ (default Earth's, {@link EARTH_GM_KM3_S2})
 * @returns a new state at `epoch`, same frame
 * @throws {@link InvalidArgumentError} when the frame is Earth-fixed, μ is not a positive
 *   finite number, or the Kepler equation cannot be solved (the message gives Δt, the
 *   semi-major axis and the status)
 * @see {@link keplerPropagateInto} for the method
 * @example
 * ```ts
 * const s0 = StateVector.create({
 *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
 *   frame: 'GCRF',
 *   positionKm: [42164.17, 0, 0],
 *   velocityKmS: [0, Math.sqrt(398600.4418 / 42164.17), 0], // circular
 * });
 * const s1 = propagateKepler(s0, s0.epoch.plusSeconds(6 * 3600));
 * s1.radiusKm; // ≈ 42164.17
 * s1.epoch.secondsSince(s0.epoch); // 21600
 * ```
 */
export function propagateKepler(
  state: StateVector,
  epoch: Epoch,
  options: PropagateKeplerOptions = {},
): StateVector {
  if (!(state instanceof StateVector)) {
    throw new InvalidArgumentError('state', String(state), '', 'must be a StateVector');
  }
  if (!(epoch instanceof Epoch)) {
    throw new InvalidArgumentError('epoch', String(epoch), '', 'must be an Epoch');
  }
  const mu = options.muKm3S2 ?? EARTH_GM_KM3_S2;
  if (!(mu > 0 && Number.isFinite(mu))) {
    throw new InvalidArgumentError('muKm3S2', mu, 'km³/s²', 'must be a positive finite number');
  }
  if (isEarthFixed(state.frame)) {
    throw new InvalidArgumentError(
      'state.frame',
      state.frame,
      '',
      'Kepler propagation needs an inertial frame (transform the state to GCRF first)',
    );
  }
  const dtS = epoch.secondsSince(state.epoch);
  const rv = new Float64Array(6);
  rv.set(state.positionKm, 0);
  rv.set(state.velocityKmS, 3);
  const status = keplerPropagateInto(rv, rv, dtS, mu);
  if (status !== 'ok') {
    const [x, y, z] = state.positionKm;
    const r = Math.hypot(x, y, z);
    const v = state.speedKmS;
    const aKm = 1 / (2 / r - (v * v) / mu);
    throw new InvalidArgumentError(
      'epoch',
      `${epoch.toIso('TAI')} TAI`,
      '',
      `two-body propagation by ${dtS} s failed (${status}; a = ${aKm} km, r = ${r} km, v = ${v} km/s)`,
    );
  }
  return StateVector.create({
    epoch,
    frame: state.frame,
    positionKm: rv.subarray(0, 3),
    velocityKmS: rv.subarray(3, 6),
  });
}
