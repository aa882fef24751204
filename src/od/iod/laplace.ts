/**
 * Laplace's angles-only method: the orbit from the direction, its first and second time
 * derivatives at one instant, and the observer's motion.
 *
 * @packageDocumentation
 */
import { EARTH_GM_KM3_S2 } from '../../bodies/constants';
import { type Vec3, vec3 } from '../../math';
import type { StateVector } from '../../state/stateVector';
import { rankCandidates } from './gauss';
import {
  bracketRoots,
  checkMuKm3S2,
  checkObservations,
  fail,
  receptionState,
} from './internal/shared';
import type { AngleObservation, AnglesIodResult } from './types';

/** Options of {@link solveLaplace}. */
export interface LaplaceOptions {
  /** Gravitational parameter μ, km³/s². Default {@link EARTH_GM_KM3_S2}. */
  readonly muKm3S2?: number;
  /** The middle direction shows the object at t − ρ/c. Default true. */
  readonly lightTime?: boolean;
  /** Nearest-radius choice among several roots, km (as in {@link solveGauss}). */
  readonly preferredRadiusKm?: number;
}

/** Value, first and second derivative at t = 0 of the quadratic through three samples. */
function quadraticAtZero(t: readonly number[], y: readonly Vec3[]): [Vec3, Vec3, Vec3] {
  const [t1, t2, t3] = t as [number, number, number];
  const [y1, y2, y3] = y as [Vec3, Vec3, Vec3];
  // Lagrange basis of the three nodes, differentiated at 0 (Escobal 1965, §7.1).
  const d1 = (t1 - t2) * (t1 - t3);
  const d2 = (t2 - t1) * (t2 - t3);
  const d3 = (t3 - t1) * (t3 - t2);
  const w0 = [(t2 * t3) / d1, (t1 * t3) / d2, (t1 * t2) / d3];
  const w1 = [-(t2 + t3) / d1, -(t1 + t3) / d2, -(t1 + t2) / d3];
  const w2 = [2 / d1, 2 / d2, 2 / d3];
  const comb = (w: number[]): Vec3 => [
    w[0]! * y1[0] + w[1]! * y2[0] + w[2]! * y3[0],
    w[0]! * y1[1] + w[1]! * y2[1] + w[2]! * y3[1],
    w[0]! * y1[2] + w[1]! * y2[2] + w[2]! * y3[2],
  ];
  return [comb(w0), comb(w1), comb(w2)];
}

/**
 * Laplace's method: the orbit at the middle of three observations from the direction L, its
 * derivatives L̇ and L̈ (by the quadratic through the three directions) and the observer's
 * position, velocity and acceleration (from the middle observation when it carries them,
 * e.g. built by {@link angleObservationFromSite}; else by the quadratic through the three
 * observer positions).
 *
 * Dotting r̈ = R̈ + ρ̈L + 2ρ̇L̇ + ρL̈ = −μ r/r³ with L × L̇ gives ρ as a function of r; with
 * r² = ρ² + 2ρ L·R + R² this is one equation in r whose roots are bracketed and refined; ρ̇
 * follows from the product with L × L̈. The derivatives of L from three directions are the
 * weak point of the method: good for arcs of minutes on low orbits, poor for GEO nights
 * (use {@link solveGooding} there).
 *
 * @param observations - three observations in increasing time order, same frame
 * @param options - μ, light time, preferred radius
 * @returns the state at the second observation's epoch with its range (km), or a failure
 *   (`'degenerate-geometry'` when L, L̇ and L̈ are coplanar, `'no-admissible-root'`)
 * @throws {@link InvalidArgumentError} when there are not three observations in strictly
 *   increasing time
 * @throws {@link FrameMismatchError} when the observations are in different frames
 * @see P. R. Escobal, Methods of Orbit Determination (1965), §7.1; Vallado (2013), §7.3.1
 * @example
 * ```ts
 * // A circular orbit of radius 10,000 km inclined 36.9°, seen 1000 km below the centre
 * const t0 = Epoch.fromIso('2024-03-01T20:00:00', 'UTC');
 * const n = Math.sqrt(398600.4418 / 1e12);
 * const obs = [-300, 0, 300].map((dt) =>
 *   createAngleObservation({
 *     epoch: t0.plusSeconds(dt),
 *     lineOfSight: [1e4 * Math.cos(n * dt), 8e3 * Math.sin(n * dt), 6e3 * Math.sin(n * dt) + 1000],
 *     observerPositionKm: [0, 0, -1000],
 *     observerVelocityKmS: [0, 0, 0],
 *     observerAccelerationKmS2: [0, 0, 0],
 *   }),
 * );
 * const sol = solveLaplace(obs, { lightTime: false });
 * if (sol.ok) sol.state.radiusKm; // ≈ 10007 (the quadratic's truncation: 7 km)
 * ```
 */
export function solveLaplace(
  observations: readonly AngleObservation[],
  options: LaplaceOptions = {},
): AnglesIodResult {
  const mu = options.muKm3S2 ?? EARTH_GM_KM3_S2;
  checkMuKm3S2(mu);
  const { frame, timesS } = checkObservations(observations, 3, 1);
  const o2 = observations[1]!;
  const [, lDot, lDdot] = quadraticAtZero(
    timesS,
    observations.map((o) => o.lineOfSight),
  );
  const l = o2.lineOfSight;
  let rObs: Vec3 = o2.observerPositionKm;
  let vObs: Vec3;
  let aObs: Vec3;
  if (o2.observerVelocityKmS && o2.observerAccelerationKmS2) {
    vObs = o2.observerVelocityKmS;
    aObs = o2.observerAccelerationKmS2;
  } else {
    const q = quadraticAtZero(
      timesS,
      observations.map((o) => o.observerPositionKm),
    );
    rObs = q[0];
    vObs = q[1];
    aObs = q[2];
  }
  const lxld = vec3.cross(l, lDot);
  const lxldd = vec3.cross(l, lDdot);
  const d = vec3.dot(lDdot, lxld);
  if (!(Math.abs(d) > 0) || !Number.isFinite(d)) {
    return fail(
      'degenerate-geometry',
      'Laplace: L, dL/dt and d²L/dt² are coplanar (zero determinant)',
    );
  }
  const aTerm = vec3.dot(aObs, lxld);
  const rTerm = vec3.dot(rObs, lxld);
  const rl = vec3.dot(rObs, l);
  const r2 = vec3.dot(rObs, rObs);
  const rhoOf = (r: number) => -(aTerm + (mu / (r * r * r)) * rTerm) / d;
  const fn = (r: number) => {
    const rho = rhoOf(r);
    return r * r - (rho * rho + 2 * rho * rl + r2);
  };
  const roots = bracketRoots(fn, 1, 1e6, 3000);
  const lightTime = options.lightTime !== false;
  const scratch = new Float64Array(6);
  const found: { state: StateVector; rho: number }[] = [];
  for (const r of roots) {
    const rho = rhoOf(r);
    if (!(rho > 0)) continue;
    const forcing = vec3.add(aObs, vec3.scale(rObs, mu / (r * r * r)));
    const rhoDot = vec3.dot(forcing, lxldd) / (2 * d);
    const pos = vec3.add(rObs, vec3.scale(l, rho));
    const vel = vec3.add(vec3.add(vObs, vec3.scale(l, rhoDot)), vec3.scale(lDot, rho));
    const state = receptionState(scratch, o2.epoch, frame, pos, vel, rho, mu, lightTime);
    if (state) found.push({ state, rho });
  }
  if (found.length === 0) {
    return fail(
      'no-admissible-root',
      'Laplace: no root of the range equation gives a positive range',
    );
  }
  rankCandidates(found, mu, options.preferredRadiusKm);
  return {
    ok: true,
    state: found[0]!.state,
    rangesKm: Object.freeze([found[0]!.rho]),
    iterations: 0,
    alternatives: Object.freeze(found.slice(1).map((f) => f.state)),
  };
}
