/**
 * Gauss's angles-only method, with the iterative refinement of the Lagrange coefficients.
 *
 * @packageDocumentation
 */
import { EARTH_EQUATORIAL_RADIUS_KM, EARTH_GM_KM3_S2 } from '../../bodies/constants';
import { InvalidArgumentError } from '../../errors';
import { type Mat3, mat3, type Vec3, vec3 } from '../../math';
import type { StateVector } from '../../state/stateVector';
import {
  bracketRoots,
  C_KM_S,
  checkMuKm3S2,
  checkObservations,
  fail,
  lagrangeFG,
  makeState,
  twoBodyInto,
} from './internal/shared';
import type { AngleObservation, AnglesIodResult, IodFailure } from './types';

/** Options of {@link solveGauss}. */
export interface GaussOptions {
  /** Gravitational parameter μ, km³/s². Default {@link EARTH_GM_KM3_S2}. */
  readonly muKm3S2?: number;
  /**
   * Refine the ranges with exact (two-body) Lagrange coefficients until they settle, as in
   * Curtis's Algorithm 5.6. Default true; false gives the classical first approximation.
   */
  readonly refine?: boolean;
  /**
   * Iteration budget of the refinement. Default 2000 (about 4 ms): the damped iteration
   * converges linearly, slowly on arcs of hours.
   */
  readonly maxIterations?: number;
  /** Largest change of any range between two refinement steps at convergence, km. Default 1e-7. */
  readonly rangeToleranceKm?: number;
  /**
   * Take light time into account in the refinement: each line of sight shows the object at
   * t − ρ/c. Default true (for astrometric angles of real or simulated data); worked examples
   * that ignore it need false.
   */
  readonly lightTime?: boolean;
  /**
   * When the polynomial gives several admissible orbits, the one whose radius at the middle
   * observation is nearest to this is returned first, km. Default: the orbit with the
   * largest radius among those whose perigee is above the Earth's surface.
   */
  readonly preferredRadiusKm?: number;
}

/** The quantities of Gauss's method that depend only on the data (Curtis eqs. 5.98–5.112). */
export interface GaussGeometry {
  /** τ1 = t1 − t2, s. */
  readonly tau1S: number;
  /** t3 − t2, s. */
  readonly tau3S: number;
  /** Triple product D0 = ρ̂1·(ρ̂2 × ρ̂3). */
  readonly d0: number;
  /** Dij = Ri·pj (row i the observer, column j), km. */
  readonly d: Mat3;
}

/** One root of Gauss's eighth-degree polynomial, with the ranges it gives (km). */
export interface GaussRoot {
  /** Radius at the middle observation, km. */
  readonly r2Km: number;
  /** ρ1, ρ2, ρ3, km. */
  readonly rangesKm: readonly [number, number, number];
}

/** The data-only quantities of Gauss's method. */
export function gaussGeometry(
  observations: readonly AngleObservation[],
  timesS: readonly number[],
): GaussGeometry {
  const [o1, o2, o3] = observations as [AngleObservation, AngleObservation, AngleObservation];
  const p1 = vec3.cross(o2.lineOfSight, o3.lineOfSight);
  const p2 = vec3.cross(o1.lineOfSight, o3.lineOfSight);
  const p3 = vec3.cross(o1.lineOfSight, o2.lineOfSight);
  const d0 = vec3.dot(o1.lineOfSight, p1);
  const row = (o: AngleObservation): Vec3 => [
    vec3.dot(o.observerPositionKm, p1),
    vec3.dot(o.observerPositionKm, p2),
    vec3.dot(o.observerPositionKm, p3),
  ];
  return { tau1S: timesS[0]!, tau3S: timesS[2]!, d0, d: mat3.fromRows(row(o1), row(o2), row(o3)) };
}

/**
 * The admissible roots of Gauss's polynomial x⁸ + a x⁶ + b x³ + c = 0 (Curtis eq. 5.116) and
 * the ranges of each by Curtis eqs. 5.113–5.115; only roots with three positive ranges are
 * kept.
 */
export function gaussRoots(
  observations: readonly AngleObservation[],
  geometry: GaussGeometry,
  mu: number,
): GaussRoot[] {
  const { tau1S: t1, tau3S: t3, d0, d } = geometry;
  const tau = t3 - t1;
  const [d11, d12, d13, d21, d22, d23, d31, d32, d33] = d;
  const a = (-d12 * (t3 / tau) + d22 + d32 * (t1 / tau)) / d0;
  const b =
    (d12 * (t3 * t3 - tau * tau) * (t3 / tau) + d32 * (tau * tau - t1 * t1) * (t1 / tau)) /
    (6 * d0);
  const r2obs = observations[1]!.observerPositionKm;
  const e = vec3.dot(r2obs, observations[1]!.lineOfSight);
  const r2Sq = vec3.dot(r2obs, r2obs);
  const ca = -(a * a + 2 * a * e + r2Sq);
  const cb = -2 * mu * b * (a + e);
  const cc = -(mu * mu * b * b);
  // x⁸ dominates beyond this bound (Cauchy's bound on the roots, doubled).
  const hi =
    2 * Math.max(1, Math.sqrt(Math.abs(ca)), Math.abs(cb) ** 0.2, Math.abs(cc) ** 0.125) + 1;
  const poly = (x: number) => {
    const x3 = x * x * x;
    const x6 = x3 * x3;
    // Scaled by x⁻⁸ near large x would lose nothing; the plain form is fine in doubles here.
    return x6 * x * x + ca * x6 + cb * x3 + cc;
  };
  const roots = bracketRoots(poly, 1, hi, 4000);
  const out: GaussRoot[] = [];
  for (const x of roots) {
    const x3 = x * x * x;
    const rho1 =
      ((6 * (d31 * (t1 / t3) + d21 * (tau / t3)) * x3 +
        mu * d31 * (tau * tau - t1 * t1) * (t1 / t3)) /
        (6 * x3 + mu * (tau * tau - t3 * t3)) -
        d11) /
      d0;
    const rho2 = a + (mu * b) / x3;
    const rho3 =
      ((6 * (d13 * (t3 / t1) - d23 * (tau / t1)) * x3 +
        mu * d13 * (tau * tau - t3 * t3) * (t3 / t1)) /
        (6 * x3 + mu * (tau * tau - t1 * t1)) -
        d33) /
      d0;
    if (rho1 > 0 && rho2 > 0 && rho3 > 0 && Number.isFinite(rho1 + rho2 + rho3)) {
      out.push({ r2Km: x, rangesKm: [rho1, rho2, rho3] });
    }
  }
  return out;
}

interface Candidate {
  readonly state: StateVector;
  readonly ranges: [number, number, number];
  readonly iterations: number;
}

function position(o: AngleObservation, rho: number): Vec3 {
  return vec3.add(o.observerPositionKm, vec3.scale(o.lineOfSight, rho));
}

/**
 * Gauss's method: the orbit through three lines of sight, from the roots of Gauss's
 * eighth-degree polynomial in the middle radius (Lagrange coefficients truncated after the
 * μ/r³ term), then, by default, refined with exact two-body Lagrange coefficients until the
 * ranges settle (Curtis's "iterative improvement").
 *
 * The refinement is a fixed-point iteration: from r₂, v₂ the two-body f and g of the two
 * intervals are computed exactly (through the Kepler propagator), blended with the previous
 * ones (weight ½ as in Curtis's program, halved whenever the ranges' change grows), the
 * ranges follow from the linear relations of Curtis eq. 5.118, and v₂ from r₁, r₃. With
 * `lightTime` the intervals are those between the emission instants t − ρ/c. It converges
 * quickly on arcs of a small fraction of an orbit and slowly, or not at all, on arcs of a
 * third of an orbit; then the result is a `'not-converged'` failure (use
 * {@link solveGooding}, which is robust there).
 *
 * @param observations - three observations in increasing time order, same frame
 * @param options - μ, refinement switches and tolerance, light time, preferred radius
 * @returns the state at the second observation's epoch with the three ranges (km), other
 *   admissible roots as `alternatives`, or a failure (`'degenerate-geometry'` when the lines
 *   of sight are coplanar, `'no-admissible-root'`, `'not-converged'`, `'propagation-failed'`)
 * @throws {@link InvalidArgumentError} when there are not three observations in strictly
 *   increasing time, or an option is out of range
 * @throws {@link FrameMismatchError} when the observations are in different frames
 * @see H. D. Curtis, Orbital Mechanics for Engineering Students (3rd ed., 2014), §5.10,
 *   Algorithms 5.5 and 5.6; Vallado (2013), §7.3.2, Algorithm 52
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
 *   }),
 * );
 * const sol = solveGauss(obs, { lightTime: false });
 * if (sol.ok) Math.round(sol.state.radiusKm); // 10000
 * ```
 */
export function solveGauss(
  observations: readonly AngleObservation[],
  options: GaussOptions = {},
): AnglesIodResult {
  const mu = options.muKm3S2 ?? EARTH_GM_KM3_S2;
  checkMuKm3S2(mu);
  const maxIterations = options.maxIterations ?? 2000;
  const tolKm = options.rangeToleranceKm ?? 1e-7;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new InvalidArgumentError(
      'maxIterations',
      maxIterations,
      '',
      'must be a positive integer',
    );
  }
  if (!(tolKm > 0)) {
    throw new InvalidArgumentError('rangeToleranceKm', tolKm, 'km', 'must be positive');
  }
  const { frame, timesS } = checkObservations(observations, 3, 1);
  const geometry = gaussGeometry(observations, timesS);
  if (!(Math.abs(geometry.d0) > 0) || !Number.isFinite(geometry.d0)) {
    return fail('degenerate-geometry', 'Gauss: the three lines of sight are coplanar (D0 = 0)');
  }
  const roots = gaussRoots(observations, geometry, mu);
  if (roots.length === 0) {
    return fail(
      'no-admissible-root',
      'Gauss: no root of the eighth-degree polynomial gives three positive ranges',
    );
  }
  const lightTime = options.lightTime !== false;
  const refine = options.refine !== false;
  const candidates: Candidate[] = [];
  let lastFailure: IodFailure | null = null;
  for (const root of roots) {
    const c = refineRoot(
      observations,
      geometry,
      root,
      mu,
      refine,
      lightTime,
      maxIterations,
      tolKm,
      frame,
    );
    if (c.ok) candidates.push(c.candidate);
    else lastFailure = c.failure;
  }
  if (candidates.length === 0) return lastFailure as IodFailure;
  rankCandidates(candidates, mu, options.preferredRadiusKm);
  const best = candidates[0]!;
  return {
    ok: true,
    state: best.state,
    rangesKm: Object.freeze([...best.ranges]),
    iterations: best.iterations,
    alternatives: Object.freeze(candidates.slice(1).map((c) => c.state)),
  };
}

/** Orders candidate orbits: nearest to the preferred radius, else non-impacting and largest. */
export function rankCandidates(
  candidates: { state: StateVector }[],
  mu: number,
  preferredRadiusKm: number | undefined,
): void {
  const key = (s: StateVector): number => {
    if (preferredRadiusKm !== undefined) return Math.abs(s.radiusKm - preferredRadiusKm);
    const r = s.radiusKm;
    const v2 = vec3.dot(s.velocityKmS, s.velocityKmS);
    const aKm = 1 / (2 / r - v2 / mu);
    const h = vec3.norm(vec3.cross(s.positionKm, s.velocityKmS));
    const p = (h * h) / mu;
    const ecc = aKm > 0 ? Math.sqrt(Math.max(0, 1 - p / aKm)) : 2;
    const perigeeKm = aKm > 0 ? aKm * (1 - ecc) : 0;
    return (perigeeKm > EARTH_EQUATORIAL_RADIUS_KM ? 0 : 1e12) - r;
  };
  candidates.sort((x, y) => key(x.state) - key(y.state));
}

function refineRoot(
  observations: readonly AngleObservation[],
  geometry: GaussGeometry,
  root: GaussRoot,
  mu: number,
  refine: boolean,
  lightTime: boolean,
  maxIterations: number,
  tolKm: number,
  frame: StateVector['frame'],
): { ok: true; candidate: Candidate } | { ok: false; failure: IodFailure } {
  const [o1, o2, o3] = observations as [AngleObservation, AngleObservation, AngleObservation];
  const { tau1S: tau1, tau3S: tau3, d0, d } = geometry;
  const [d11, d12, d13, d21, d22, d23, d31, d32, d33] = d;
  let rho = [...root.rangesKm] as [number, number, number];
  // First approximation: Lagrange coefficients to the μ/r³ term (Curtis eqs. 5.99, 5.100).
  const u = mu / (root.r2Km * root.r2Km * root.r2Km);
  let f1 = 1 - 0.5 * u * tau1 * tau1;
  let g1 = tau1 - (u * tau1 * tau1 * tau1) / 6;
  let f3 = 1 - 0.5 * u * tau3 * tau3;
  let g3 = tau3 - (u * tau3 * tau3 * tau3) / 6;
  const velocity = (r1: Vec3, r3: Vec3): Vec3 => {
    const den = f1 * g3 - f3 * g1;
    return [
      (-f3 * r1[0] + f1 * r3[0]) / den,
      (-f3 * r1[1] + f1 * r3[1]) / den,
      (-f3 * r1[2] + f1 * r3[2]) / den,
    ];
  };
  let r2 = position(o2, rho[1]);
  let v2 = velocity(position(o1, rho[0]), position(o3, rho[2]));
  const scratch = new Float64Array(6);
  let iterations = 0;
  if (refine) {
    let converged = false;
    let weight = 0.5;
    let previousChange = Number.POSITIVE_INFINITY;
    for (iterations = 1; iterations <= maxIterations; iterations++) {
      const lt = lightTime ? 1 / C_KM_S : 0;
      const dt1 = tau1 - (rho[0] - rho[1]) * lt;
      const dt3 = tau3 - (rho[2] - rho[1]) * lt;
      const fg1 = lagrangeFG(scratch, r2, v2, dt1, mu);
      const fg3 = lagrangeFG(scratch, r2, v2, dt3, mu);
      if (!fg1 || !fg3) {
        return {
          ok: false,
          failure: fail(
            'propagation-failed',
            `Gauss refinement: two-body step failed at iteration ${iterations}`,
            iterations,
          ),
        };
      }
      // Blended with the previous coefficients, as Curtis's program for Algorithm 5.6 averages
      // them (weight ½): the undamped iteration oscillates, with a multiplier near −1 on his
      // example and below −3 on longer arcs, where ½ is not enough. The weight starts at ½
      // and is halved whenever the change of the ranges grows.
      f1 += weight * (fg1.f - f1);
      g1 += weight * (fg1.g - g1);
      f3 += weight * (fg3.f - f3);
      g3 += weight * (fg3.g - g3);
      // Curtis eqs. 5.117–5.118 with the exact coefficients.
      const den = f1 * g3 - f3 * g1;
      const c1 = g3 / den;
      const c3 = -g1 / den;
      const next: [number, number, number] = [
        (-d11 + d21 / c1 - (d31 * c3) / c1) / d0,
        (-c1 * d12 + d22 - c3 * d32) / d0,
        (-(d13 * c1) / c3 + d23 / c3 - d33) / d0,
      ];
      if (!Number.isFinite(next[0] + next[1] + next[2])) break;
      const change = Math.max(
        Math.abs(next[0] - rho[0]),
        Math.abs(next[1] - rho[1]),
        Math.abs(next[2] - rho[2]),
      );
      if (change > previousChange) weight = Math.max(weight * 0.5, 1 / 64);
      previousChange = change;
      rho = next;
      r2 = position(o2, rho[1]);
      v2 = velocity(position(o1, rho[0]), position(o3, rho[2]));
      if (change <= tolKm) {
        converged = true;
        break;
      }
    }
    if (!converged || !(rho[0] > 0 && rho[1] > 0 && rho[2] > 0)) {
      return {
        ok: false,
        failure: fail(
          'not-converged',
          `Gauss refinement: the ranges did not settle to ${tolKm} km in ${maxIterations} iterations (last ${rho.map((x) => x.toFixed(3)).join(', ')} km)`,
          Math.min(iterations, maxIterations),
        ),
      };
    }
  }
  // The state found is at the emission instant t2 − ρ2/c; bring it to t2.
  const dtLight = lightTime && refine ? rho[1] / C_KM_S : 0;
  let rOut: Vec3 = r2;
  let vOut: Vec3 = v2;
  if (dtLight > 0) {
    if (!twoBodyInto(scratch, r2, v2, dtLight, mu)) {
      return {
        ok: false,
        failure: fail('propagation-failed', 'Gauss: light-time step failed', iterations),
      };
    }
    rOut = [scratch[0]!, scratch[1]!, scratch[2]!];
    vOut = [scratch[3]!, scratch[4]!, scratch[5]!];
  }
  return {
    ok: true,
    candidate: {
      state: makeState(o2.epoch, frame, rOut, vOut),
      ranges: rho,
      iterations,
    },
  };
}
