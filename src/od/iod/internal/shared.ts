/**
 * Helpers shared by the IOD methods: input checks, two-body steps through the Kepler kernel,
 * Lagrange coefficients from a propagation, the light-time step, and a bracketing root scan.
 *
 * @packageDocumentation
 */
import { SPEED_OF_LIGHT_KM_S as C_KM_S } from '../../../frames';

export { C_KM_S };

import { FrameMismatchError, InvalidArgumentError } from '../../../errors';
import type { FrameId } from '../../../frames/frameId';
import { type Vec3, type Vec3Like, vec3 } from '../../../math';
import { keplerPropagateInto } from '../../../propagation/kepler/keplerUniversal';
import { StateVector } from '../../../state/stateVector';
import type { Epoch } from '../../../time/epoch';
import type { AngleObservation, IodFailure, IodFailureReason } from '../types';

/** Speed of light, km/s (SI definition). */

/** A failure value. */
export function fail(reason: IodFailureReason, message: string, iterations = 0): IodFailure {
  return { ok: false, reason, message, iterations };
}

/** Checks μ. */
export function checkMuKm3S2(mu: number): void {
  if (!(mu > 0 && Number.isFinite(mu))) {
    throw new InvalidArgumentError('muKm3S2', mu, 'km³/s²', 'must be a positive finite number');
  }
}

/** Checks that a position is three finite numbers, not all zero. */
function checkPositionKm(name: string, r: Vec3Like): void {
  if (r.length !== 3 || !Number.isFinite(r[0]! + r[1]! + r[2]!) || vec3.norm(r) === 0) {
    throw new InvalidArgumentError(
      name,
      Array.from(r),
      'km',
      'must be three finite numbers, not all 0',
    );
  }
}

/** Checks the three positions of Gibbs's and Herrick–Gibbs's methods, in order. */
export function checkPositionsKm(r1Km: Vec3Like, r2Km: Vec3Like, r3Km: Vec3Like): void {
  checkPositionKm('r1Km', r1Km);
  checkPositionKm('r2Km', r2Km);
  checkPositionKm('r3Km', r3Km);
}

/**
 * Checks a list of observations: the count, strictly increasing epochs, one frame. Returns
 * the frame and the times relative to the reference observation, s.
 */
export function checkObservations(
  observations: readonly AngleObservation[],
  count: number | 'atLeast3',
  referenceIndex: number,
): { frame: FrameId; timesS: number[] } {
  if (!Array.isArray(observations)) {
    throw new InvalidArgumentError('observations', String(observations), '', 'must be an array');
  }
  const n = observations.length;
  if (count === 'atLeast3' ? n < 3 : n !== count) {
    throw new InvalidArgumentError(
      'observations.length',
      n,
      '',
      count === 'atLeast3' ? 'must be at least 3' : `must be ${count}`,
    );
  }
  const ref = observations[referenceIndex]!;
  const frame = observations[0]!.frame;
  const timesS: number[] = [];
  for (let k = 0; k < n; k++) {
    const o = observations[k]!;
    if (o.frame !== frame)
      throw new FrameMismatchError('initial orbit determination', frame, o.frame);
    timesS.push(o.epoch.secondsSince(ref.epoch));
    if (k > 0 && !(timesS[k]! > timesS[k - 1]!)) {
      throw new InvalidArgumentError(
        `observations[${k}].epoch`,
        o.epoch.toIso('UTC'),
        '',
        'epochs must be strictly increasing',
      );
    }
  }
  return { frame, timesS };
}

/** Writes r, v (6 numbers) propagated by dtS into `out`; false when the kernel fails. */
export function twoBodyInto(
  out: Float64Array,
  positionKm: Vec3Like,
  velocityKmS: Vec3Like,
  dtS: number,
  mu: number,
): boolean {
  out[0] = positionKm[0]!;
  out[1] = positionKm[1]!;
  out[2] = positionKm[2]!;
  out[3] = velocityKmS[0]!;
  out[4] = velocityKmS[1]!;
  out[5] = velocityKmS[2]!;
  return keplerPropagateInto(out, out, dtS, mu) === 'ok';
}

/**
 * Exact Lagrange coefficients f and g of a two-body step dtS from (r, v): the propagated
 * position is f·r + g·v; f and g are read off it with the angular momentum h = r × v:
 * f = ((r′ × v)·h)/h², g = ((r × r′)·h)/h². Null when the propagation fails.
 */
export function lagrangeFG(
  scratch: Float64Array,
  positionKm: Vec3Like,
  velocityKmS: Vec3Like,
  dtS: number,
  mu: number,
): { f: number; g: number } | null {
  if (!twoBodyInto(scratch, positionKm, velocityKmS, dtS, mu)) return null;
  const h = vec3.cross(positionKm, velocityKmS);
  const h2 = vec3.dot(h, h);
  if (!(h2 > 0)) return null;
  const rp: Vec3 = [scratch[0]!, scratch[1]!, scratch[2]!];
  const f = vec3.dot(vec3.cross(rp, velocityKmS), h) / h2;
  const g = vec3.dot(vec3.cross(positionKm, rp), h) / h2;
  return { f, g };
}

/**
 * The state at an observation's epoch from (r, v) found at the emission time: with
 * `lightTime`, (r, v) moved forward by the light time ρ/c on a two-body orbit; without, as
 * given. Null when the two-body step fails.
 */
export function receptionState(
  scratch: Float64Array,
  epoch: Epoch,
  frame: FrameId,
  positionKm: Vec3Like,
  velocityKmS: Vec3Like,
  rangeKm: number,
  mu: number,
  lightTime: boolean,
): StateVector | null {
  if (!lightTime) return makeState(epoch, frame, positionKm, velocityKmS);
  if (!twoBodyInto(scratch, positionKm, velocityKmS, rangeKm / C_KM_S, mu)) return null;
  return makeState(
    epoch,
    frame,
    [scratch[0]!, scratch[1]!, scratch[2]!],
    [scratch[3]!, scratch[4]!, scratch[5]!],
  );
}

/** A GCRF-or-other state at an epoch from a position and velocity. */
export function makeState(
  epoch: Epoch,
  frame: FrameId,
  positionKm: Vec3Like,
  velocityKmS: Vec3Like,
): StateVector {
  return StateVector.create({ epoch, frame, positionKm, velocityKmS });
}

/**
 * All roots of a continuous function on [lo, hi] where it changes sign between the nodes of
 * a geometric grid of `nodes` points, each refined by bisection with the secant (Illinois)
 * rule to a relative width of 1e-15. Roots where the function only touches zero are missed.
 */
export function bracketRoots(
  fn: (x: number) => number,
  lo: number,
  hi: number,
  nodes: number,
): number[] {
  const roots: number[] = [];
  const ratio = (hi / lo) ** (1 / (nodes - 1));
  let xPrev = lo;
  let fPrev = fn(lo);
  for (let k = 1; k < nodes; k++) {
    const x = k === nodes - 1 ? hi : lo * ratio ** k;
    const fx = fn(x);
    if (fPrev === 0) roots.push(xPrev);
    else if (Number.isFinite(fPrev) && Number.isFinite(fx) && fPrev * fx < 0) {
      roots.push(illinois(fn, xPrev, fPrev, x, fx));
    }
    xPrev = x;
    fPrev = fx;
  }
  if (fPrev === 0) roots.push(xPrev);
  return roots;
}

/** The Illinois variant of regula falsi on a bracket [a, b] with f(a)·f(b) < 0. */
export function illinois(
  fn: (x: number) => number,
  a0: number,
  fa0: number,
  b0: number,
  fb0: number,
): number {
  let a = a0;
  let fa = fa0;
  let b = b0;
  let fb = fb0;
  for (let it = 0; it < 200; it++) {
    const c = b - (fb * (b - a)) / (fb - fa);
    const fc = fn(c);
    if (fc === 0 || !Number.isFinite(fc)) return c;
    if (fc * fb < 0) {
      a = b;
      fa = fb;
    } else {
      fa *= 0.5;
    }
    b = c;
    fb = fc;
    if (Math.abs(b - a) <= 1e-15 * Math.abs(b)) return b;
  }
  return b;
}
