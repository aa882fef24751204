/**
 * Lambert's problem (the orbit through two positions in a given time) by Izzo's 2015
 * algorithm, with every multi-revolution solution.
 *
 * @packageDocumentation
 */
import { EARTH_GM_KM3_S2 } from '../../bodies/constants';
import { InvalidArgumentError } from '../../errors';
import { type Vec3, type Vec3Like, vec3 } from '../../math';
import type { IodFailure } from './types';

/** Options of {@link solveLambert}. */
export interface LambertOptions {
  /** Gravitational parameter μ, km³/s². Default {@link EARTH_GM_KM3_S2}. */
  readonly muKm3S2?: number;
  /** Largest number of complete revolutions wanted (0, 1, 2, …). Default 0. */
  readonly maxRevolutions?: number;
  /**
   * Direction against which the sense of motion is read: the transfer's angular momentum
   * points along it (prograde) or against it (`retrograde: true`). Default +z of the frame.
   * It also fixes the plane of a 180° transfer, which two positions alone leave undefined.
   */
  readonly angularMomentumDirection?: Vec3Like;
  /** Motion against `angularMomentumDirection`. Default false. */
  readonly retrograde?: boolean;
}

/** One solution of Lambert's problem. */
export interface LambertSolution {
  /** Number of complete revolutions before arrival. */
  readonly revolutions: number;
  /**
   * `'single'` for the zero-revolution solution; for N ≥ 1 revolutions Izzo's `'left'` and
   * `'right'` branches, the solutions with x below and above the x of the minimum time of
   * flight T_min(N); they differ in semi-major axis.
   */
  readonly branch: 'single' | 'left' | 'right';
  /** Velocity at the first position, km/s. */
  readonly departureVelocityKmS: Vec3;
  /** Velocity at the second position, km/s. */
  readonly arrivalVelocityKmS: Vec3;
  /** Householder iterations used. */
  readonly iterations: number;
  /** Izzo's non-dimensional variable x (x < 1 ellipse, 1 parabola, > 1 hyperbola). */
  readonly x: number;
}

/** The solutions of Lambert's problem, zero-revolution first, then (left, right) per N. */
export interface LambertSuccess {
  /** Always true. */
  readonly ok: true;
  /** At least one solution. */
  readonly solutions: readonly LambertSolution[];
}

/** What {@link solveLambert} returns. */
export type LambertResult = LambertSuccess | IodFailure;

/** Iteration budget of the Householder and Halley loops (they need 2 to 5). */
const MAX_ITERATIONS = 40;
/** Absolute step in x below which the Householder iteration stops. */
const X_TOL = 1e-14;
/**
 * Step in x below which a step that does not shrink ends the iteration (rounding): 1e-10 of x
 * moves the solution by about 1e-10 of the transfer, 4 µm on a GEO-sized one.
 */
const X_STALL = 1e-10;
/** |x − 1| below which T(x) comes from Battin's series rather than Lancaster's closed form. */
const SERIES_RANGE = 0.2;

/** Time of flight T(x) (non-dimensional), Izzo (2015) eqs. 9 and 20 (Lancaster–Blanchard). */
function timeOfFlight(x: number, lambda: number, m: number): number {
  const lambda2 = lambda * lambda;
  const e = x * x - 1;
  const z = Math.sqrt(1 + lambda2 * e);
  if (m === 0 && Math.abs(x - 1) < SERIES_RANGE) {
    // Battin's form with the hypergeometric 2F1(3, 1; 5/2; S1) (Izzo 2015 eq. 20), free of
    // the 0/0 of the closed form at the parabola x = 1.
    const eta = z - lambda * x;
    const s1 = 0.5 * (1 - lambda - x * eta);
    let term = 1;
    let sum = 1;
    for (let j = 0; j < 200; j++) {
      term *= (((3 + j) * (1 + j)) / (2.5 + j)) * (s1 / (j + 1));
      sum += term;
      if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    }
    const q = (4 / 3) * sum;
    return 0.5 * (eta * eta * eta * q + 4 * lambda * eta);
  }
  if (e < 0) {
    const g = Math.min(1, Math.max(-1, x * z - lambda * e));
    const d = m * Math.PI + Math.acos(g);
    return (x - lambda * z - d / Math.sqrt(-e)) / e;
  }
  const sqrtE = Math.sqrt(e);
  const d = Math.log(sqrtE * (z - lambda * x) + (x * z - lambda * e));
  return (x - lambda * z - d / sqrtE) / e;
}

/** dT/dx, d²T/dx², d³T/dx³ at x (Izzo 2015 eq. 22), written into `out`. */
function derivativesInto(out: Float64Array, x: number, t: number, lambda: number): void {
  const l2 = lambda * lambda;
  const l3 = l2 * lambda;
  const y = Math.sqrt(1 - l2 * (1 - x * x));
  const u = 1 - x * x;
  const d1 = (3 * t * x - 2 + (2 * l3 * x) / y) / u;
  const d2 = (3 * t + 5 * x * d1 + (2 * (1 - l2) * l3) / (y * y * y)) / u;
  const d3 = (7 * x * d2 + 8 * d1 - (6 * (1 - l2) * l3 * l2 * x) / (y * y * y * y * y)) / u;
  out[0] = d1;
  out[1] = d2;
  out[2] = d3;
}

/** Householder's third-order iteration on T(x) = T* (Izzo 2015 eq. 25). */
function householder(
  target: number,
  x0: number,
  lambda: number,
  m: number,
  scratch: Float64Array,
): { x: number; iterations: number } | null {
  let x = x0;
  let previousStep = Number.POSITIVE_INFINITY;
  for (let it = 1; it <= MAX_ITERATIONS; it++) {
    const t = timeOfFlight(x, lambda, m);
    derivativesInto(scratch, x, t, lambda);
    const d1 = scratch[0]!;
    const d2 = scratch[1]!;
    const d3 = scratch[2]!;
    const delta = t - target;
    const d1Sq = d1 * d1;
    const xNew =
      x -
      (delta * (d1Sq - 0.5 * delta * d2)) / (d1 * (d1Sq - delta * d2) + (d3 * delta * delta) / 6);
    if (!Number.isFinite(xNew)) return null;
    const step = Math.abs(xNew - x);
    // At rounding level the iteration can cycle between two neighbours of the root (T(x) is
    // computed with cancellation where dT/dx is small, e.g. short transfers with λ near 1):
    // a step that no longer shrinks, already far below any physical meaning, ends it too.
    if (step >= previousStep && step < X_STALL * Math.max(1, Math.abs(x))) {
      return { x, iterations: it };
    }
    previousStep = step;
    x = xNew;
    if (step < X_TOL * Math.max(1, Math.abs(x))) return { x, iterations: it };
  }
  return null;
}

/** The x of the minimum time of flight for m revolutions, and that time (Halley, eq. 26). */
function minimumTime(lambda: number, m: number, scratch: Float64Array): { x: number; t: number } {
  if (lambda === 1) return { x: 0, t: timeOfFlight(0, lambda, m) };
  let x = 0;
  let t = timeOfFlight(x, lambda, m);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    derivativesInto(scratch, x, t, lambda);
    const d1 = scratch[0]!;
    const d2 = scratch[1]!;
    const d3 = scratch[2]!;
    const xNew = x - (2 * d1 * d2) / (2 * d2 * d2 - d1 * d3);
    if (!Number.isFinite(xNew)) break;
    const step = Math.abs(xNew - x);
    x = xNew;
    t = timeOfFlight(x, lambda, m);
    if (step < X_TOL) break;
  }
  return { x, t };
}

function failure(reason: IodFailure['reason'], message: string, iterations = 0): IodFailure {
  return { ok: false, reason, message, iterations };
}

/**
 * Solves Lambert's problem: the two-body orbits that leave `r1Km` and reach `r2Km` after
 * `tofS` seconds, with 0 to `maxRevolutions` complete revolutions, by Izzo's algorithm.
 *
 * The unknown is Izzo's x, on which the non-dimensional time of flight T(x) (Lancaster's
 * closed form, Battin's series near the parabola) is inverted by Householder's third-order
 * iteration from Izzo's starting values; for N ≥ 1 revolutions the minimum time T_min(N) is
 * located by Halley's method first and the two branches on either side of it are solved.
 * Velocities follow from x and y by Izzo's eq. 8 (no f and g, so no singularity at 180°
 * other than the undefined plane).
 *
 * @param r1Km - first position, km (inertial frame)
 * @param r2Km - second position, km, same frame
 * @param tofS - time of flight, s, > 0
 * @param options - μ (km³/s²), maximum revolutions, sense of motion
 * @returns the solutions, zero-revolution first, then the left and right branches of each N
 *   (N for which T_min(N) exceeds the time of flight give none), or a failure
 *   (`'degenerate-geometry'` for a 180° transfer without a plane, or equal positions;
 *   `'not-converged'`)
 * @throws {@link InvalidArgumentError} for a non-finite or zero position, a non-positive time
 *   of flight or μ, or a maximum number of revolutions that is not a natural number
 * @see D. Izzo, "Revisiting Lambert's problem", Celestial Mechanics and Dynamical Astronomy
 *   121 (2015) 1–15
 * @example
 * ```ts
 * // Curtis, Orbital Mechanics for Engineering Students, Example 5.2
 * const sol = solveLambert([5000, 10000, 2100], [-14600, 2500, 7000], 3600, { muKm3S2: 398600 });
 * if (sol.ok) sol.solutions[0]?.departureVelocityKmS; // ≈ [-5.9925, 1.9254, 3.2456]
 * ```
 */
export function solveLambert(
  r1Km: Vec3Like,
  r2Km: Vec3Like,
  tofS: number,
  options: LambertOptions = {},
): LambertResult {
  const mu = options.muKm3S2 ?? EARTH_GM_KM3_S2;
  const maxRevs = options.maxRevolutions ?? 0;
  for (const [name, v] of [
    ['r1Km', r1Km],
    ['r2Km', r2Km],
  ] as const) {
    if (v.length !== 3 || !Number.isFinite(v[0]! + v[1]! + v[2]!) || vec3.norm(v) === 0) {
      throw new InvalidArgumentError(
        name,
        Array.from(v),
        'km',
        'must be three finite numbers, not all 0',
      );
    }
  }
  if (!(tofS > 0 && Number.isFinite(tofS))) {
    throw new InvalidArgumentError('tofS', tofS, 's', 'must be a positive finite number');
  }
  if (!(mu > 0 && Number.isFinite(mu))) {
    throw new InvalidArgumentError('muKm3S2', mu, 'km³/s²', 'must be a positive finite number');
  }
  if (!Number.isInteger(maxRevs) || maxRevs < 0) {
    throw new InvalidArgumentError('maxRevolutions', maxRevs, '', 'must be a natural number');
  }
  const ref = options.angularMomentumDirection ?? [0, 0, 1];
  if (ref.length !== 3 || !Number.isFinite(ref[0]! + ref[1]! + ref[2]!) || vec3.norm(ref) === 0) {
    throw new InvalidArgumentError(
      'angularMomentumDirection',
      Array.from(ref),
      '',
      'must be three finite numbers, not all 0',
    );
  }
  const solutions: LambertSolution[] = [];
  const status = lambertIzzoSolve(
    solutions,
    r1Km,
    r2Km,
    tofS,
    mu,
    maxRevs,
    ref,
    options.retrograde === true,
    true,
  );
  if (typeof status === 'string')
    return failure(
      status === 'degenerate' ? 'degenerate-geometry' : 'not-converged',
      statusMessage(status, r1Km, r2Km),
    );
  return { ok: true, solutions };
}

function statusMessage(status: string, r1Km: Vec3Like, r2Km: Vec3Like): string {
  const angleDeg = (vec3.angleBetween(r1Km, r2Km) * 180) / Math.PI;
  return status === 'degenerate'
    ? `the transfer plane is undefined: the positions are ${angleDeg} deg apart (0 or 180 deg) and no angular-momentum direction fixes it`
    : `the Householder iteration on Izzo's x did not converge in ${MAX_ITERATIONS} steps (transfer angle ${angleDeg} deg)`;
}

/**
 * The raw solver behind {@link solveLambert}: pushes the solutions into `out` and returns how
 * many revolutions were reachable, or `'degenerate'` / `'not-converged'`. With `allRevs`
 * false only the solutions of exactly `maxRevs` revolutions are pushed.
 *
 * @internal
 */
export function lambertIzzoSolve(
  out: LambertSolution[],
  r1Km: Vec3Like,
  r2Km: Vec3Like,
  tofS: number,
  mu: number,
  maxRevs: number,
  ref: Vec3Like,
  retrograde: boolean,
  allRevs: boolean,
): number | 'degenerate' | 'not-converged' {
  const r1 = vec3.norm(r1Km);
  const r2 = vec3.norm(r2Km);
  const cVec = vec3.sub(r2Km, r1Km);
  const c = vec3.norm(cVec);
  if (!(c > 0)) return 'degenerate';
  const s = 0.5 * (r1 + r2 + c);
  const ir1 = vec3.scale(r1Km, 1 / r1);
  const ir2 = vec3.scale(r2Km, 1 / r2);
  let ih = vec3.cross(ir1, ir2);
  const sinAngle = vec3.norm(ih);
  const refUnit = vec3.normalize(ref);
  if (sinAngle < 1e-12) {
    // Collinear positions: 0° (c > 0 but same direction) admits only rectilinear motion;
    // 180° takes its plane from the reference direction when that is not along r1.
    if (vec3.dot(ir1, ir2) > 0) return 'degenerate';
    const inPlane = vec3.sub(refUnit, vec3.scale(ir1, vec3.dot(refUnit, ir1)));
    const n = vec3.norm(inPlane);
    if (n < 1e-8) return 'degenerate';
    ih = vec3.scale(inPlane, 1 / n);
  } else {
    ih = vec3.scale(ih, 1 / sinAngle);
  }
  const lambda2 = Math.max(0, 1 - c / s);
  let lambda = Math.sqrt(lambda2);
  let it1: Vec3;
  let it2: Vec3;
  if (vec3.dot(ih, refUnit) < 0) {
    // The short way goes against the wanted sense: take the long way (Izzo 2015, Algorithm 1).
    lambda = -lambda;
    it1 = vec3.cross(ir1, ih);
    it2 = vec3.cross(ir2, ih);
  } else {
    it1 = vec3.cross(ih, ir1);
    it2 = vec3.cross(ih, ir2);
  }
  if (retrograde) {
    lambda = -lambda;
    it1 = vec3.negate(it1);
    it2 = vec3.negate(it2);
  }
  const target = Math.sqrt((2 * mu) / (s * s * s)) * tofS;
  const scratch = new Float64Array(3);

  // Largest reachable number of revolutions (Izzo 2015 §3, Algorithm 1).
  let nMax = Math.floor(target / Math.PI);
  const t00 = Math.acos(lambda) + lambda * Math.sqrt(1 - lambda * lambda);
  if (nMax > 0 && target < t00 + nMax * Math.PI) {
    const { t: tMin } = minimumTime(lambda, nMax, scratch);
    if (target < tMin) nMax -= 1;
  }
  const nUse = Math.min(maxRevs, nMax);

  const gamma = Math.sqrt(0.5 * mu * s);
  const rho = (r1 - r2) / c;
  const sigma = Math.sqrt(Math.max(0, 1 - rho * rho));
  const push = (x: number, iterations: number, n: number, branch: LambertSolution['branch']) => {
    const y = Math.sqrt(1 - lambda2 * (1 - x * x));
    const vr1 = (gamma * (lambda * y - x - rho * (lambda * y + x))) / r1;
    const vr2 = (-gamma * (lambda * y - x + rho * (lambda * y + x))) / r2;
    const vt = gamma * sigma * (y + lambda * x);
    const vt1 = vt / r1;
    const vt2 = vt / r2;
    out.push(
      Object.freeze({
        revolutions: n,
        branch,
        departureVelocityKmS: Object.freeze([
          vr1 * ir1[0] + vt1 * it1[0],
          vr1 * ir1[1] + vt1 * it1[1],
          vr1 * ir1[2] + vt1 * it1[2],
        ]) as Vec3,
        arrivalVelocityKmS: Object.freeze([
          vr2 * ir2[0] + vt2 * it2[0],
          vr2 * ir2[1] + vt2 * it2[1],
          vr2 * ir2[2] + vt2 * it2[2],
        ]) as Vec3,
        iterations,
        x,
      }),
    );
  };

  if (allRevs || maxRevs === 0) {
    // Izzo (2015) eq. 30: starting value for zero revolutions.
    const t1 = (2 / 3) * (1 - lambda2 * lambda);
    let x0: number;
    if (target >= t00) x0 = (t00 / target) ** (2 / 3) - 1;
    else if (target < t1)
      x0 = ((2.5 * t1) / target) * ((t1 - target) / (1 - lambda2 * lambda2 * lambda)) + 1;
    else x0 = (target / t00) ** (Math.LN2 / Math.log(t1 / t00)) - 1;
    const sol = householder(target, x0, lambda, 0, scratch);
    if (!sol) return 'not-converged';
    push(sol.x, sol.iterations, 0, 'single');
  }
  for (let n = allRevs ? 1 : maxRevs; n <= nUse; n++) {
    if (n === 0) continue;
    // Izzo (2015) eq. 31: starting values of the left and right branches.
    const aL = ((n * Math.PI + Math.PI) / (8 * target)) ** (2 / 3);
    const aR = ((8 * target) / (n * Math.PI)) ** (2 / 3);
    const left = householder(target, (aL - 1) / (aL + 1), lambda, n, scratch);
    const right = householder(target, (aR - 1) / (aR + 1), lambda, n, scratch);
    if (!left || !right) return 'not-converged';
    push(left.x, left.iterations, n, 'left');
    push(right.x, right.iterations, n, 'right');
  }
  return nUse;
}
