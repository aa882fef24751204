/**
 * Test problems with known solutions for the integrators.
 */

import type { OdeSystem } from '../../../src/propagation/integrators/types';
import { keplerPropagateInto } from '../../../src/propagation/kepler/keplerUniversal';

/** Earth's GM, km³/s² (IERS 2010 / WGS84). */
export const MU_EARTH = 398600.4418;

/** The two-body problem y = [r, v] (km, km/s), counting its evaluations. */
export function twoBody(mu = MU_EARTH): OdeSystem & { calls: number } {
  return {
    dimension: 6,
    calls: 0,
    derivativesInto(out, _t, y) {
      this.calls++;
      const x = y[0]!;
      const yy = y[1]!;
      const z = y[2]!;
      const r2 = x * x + yy * yy + z * z;
      const k = -mu / (r2 * Math.sqrt(r2));
      out[0] = y[3]!;
      out[1] = y[4]!;
      out[2] = y[5]!;
      out[3] = k * x;
      out[4] = k * yy;
      out[5] = k * z;
    },
  };
}

/** The exact two-body state at t (s) from rv0 at 0, by the universal-variable solution. */
export function keplerAt(rv0: ArrayLike<number>, tS: number, mu = MU_EARTH): Float64Array {
  const out = new Float64Array(6);
  const status = keplerPropagateInto(out, rv0, tS, mu);
  if (status !== 'ok') throw new Error(`kepler ${status}`);
  return out;
}

/** A GEO state (slightly inclined and eccentric), km and km/s. */
export const GEO_RV = [42164.17, 0, 0, 0, 3.0746599, 0.01] as const;
/** A LEO state at 400 km altitude, inclined 51.6°, km and km/s. */
export const LEO_RV = [
  6778.137,
  0,
  0,
  0,
  7.6686 * Math.cos((51.6 * Math.PI) / 180),
  7.6686 * Math.sin((51.6 * Math.PI) / 180),
] as const;
/** A Molniya-like state at perigee (e ≈ 0.74): the step size has to vary by far. */
export const HEO_RV = [7000, 0, 0, 0, 9.9, 0] as const;

/** Distance between the positions of two 6-vectors, km. */
export function positionDiffKm(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/** y′ = cos(t)·y, y(0) = 1: exact y = exp(sin t) (non-autonomous, tests the time argument). */
export const EXP_SIN: OdeSystem = {
  dimension: 1,
  derivativesInto(out, t, y) {
    out[0] = Math.cos(t) * y[0]!;
  },
};

/** y′ = y², y(0) = 1: exact y = 1/(1 − t), singular at t = 1. */
export const BLOW_UP: OdeSystem = {
  dimension: 1,
  derivativesInto(out, _t, y) {
    out[0] = y[0]! * y[0]!;
  },
};
