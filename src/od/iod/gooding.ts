/**
 * Gooding's angles-only method: the orbit through three lines of sight by Newton iteration
 * on the first and last ranges, each trial orbit being the solution of Lambert's problem.
 *
 * @packageDocumentation
 */
import { EARTH_GM_KM3_S2 } from '../../bodies/constants';
import { InvalidArgumentError } from '../../errors';
import { type Vec3, type Vec3Like, vec3 } from '../../math';
import { gaussGeometry, gaussRoots } from './gauss';
import {
  C_KM_S,
  checkMuKm3S2,
  checkObservations,
  fail,
  makeState,
  twoBodyInto,
} from './internal/shared';
import { type LambertSolution, lambertIzzoSolve } from './lambertIzzo';
import type { AngleObservation, AnglesIodResult } from './types';

/** Options of {@link solveGooding}. */
export interface GoodingOptions {
  /** Gravitational parameter μ, km³/s². Default {@link EARTH_GM_KM3_S2}. */
  readonly muKm3S2?: number;
  /** Complete revolutions between the first and last observations. Default 0. */
  readonly revolutions?: number;
  /** For `revolutions` ≥ 1, which of the two Lambert branches (Izzo's left/right). Default `'left'`. */
  readonly branch?: 'left' | 'right';
  /** Each line of sight shows the object at t − ρ/c. Default true. */
  readonly lightTime?: boolean;
  /** Iteration budget per starting point. Default 50. */
  readonly maxIterations?: number;
  /**
   * Residual of the middle line of sight at which the iteration stops, rad. Default 1e-10
   * (20 µas, far below any optical measurement noise, and well above the ~1e-14 rad at which
   * the double-precision Lambert and Kepler steps stop being exact).
   */
  readonly angleToleranceRad?: number;
  /** Starting ranges at the first and third observations, km (tried first). */
  readonly initialRangesKm?: readonly [number, number];
  /**
   * Radii tried as starting points after the given ranges and the roots of Gauss's
   * polynomial, km: the ranges at which the first and third lines of sight reach each
   * radius. Default [42164, 26560, 20000, 10000, 7000] (GEO, GNSS, and lower orbits).
   */
  readonly startRadiiKm?: readonly number[];
}

/** Default start radii, km: GEO, GNSS, then progressively lower orbits. */
const DEFAULT_START_RADII_KM = [42164, 26560, 20000, 10000, 7000] as const;
/** Relative step of the central differences of the Jacobian. */
const FD_RELATIVE_STEP = 1e-6;

interface Context {
  readonly obs: readonly [AngleObservation, AngleObservation, AngleObservation];
  readonly t: readonly [number, number, number];
  readonly mu: number;
  readonly lightTime: boolean;
  readonly revolutions: number;
  readonly branch: 'left' | 'right';
  readonly e1: Vec3;
  readonly e2: Vec3;
  readonly scratch: Float64Array;
  readonly solutions: LambertSolution[];
}

interface Evaluation {
  readonly f0: number;
  readonly f1: number;
  readonly r1: Vec3;
  readonly v1: Vec3;
  readonly tau1: number;
  readonly rho2: number;
}

/** The range at which a line of sight from `observer` reaches radius `radiusKm` (or NaN). */
function rangeToRadius(observer: Vec3Like, los: Vec3Like, radiusKm: number): number {
  const b = vec3.dot(observer, los);
  const c = vec3.dot(observer, observer) - radiusKm * radiusKm;
  const disc = b * b - c;
  if (disc < 0) return Number.NaN;
  const rho = -b + Math.sqrt(disc);
  return rho > 0 ? rho : Number.NaN;
}

/** Residuals of the middle line of sight for ranges (ρ1, ρ3); null when no orbit exists. */
function evaluate(ctx: Context, rho1: number, rho3: number, hRef: Vec3): Evaluation | null {
  if (!(rho1 > 0 && rho3 > 0)) return null;
  const [o1, o2, o3] = ctx.obs;
  const lt = ctx.lightTime ? 1 / C_KM_S : 0;
  const r1 = vec3.add(o1.observerPositionKm, vec3.scale(o1.lineOfSight, rho1));
  const r3 = vec3.add(o3.observerPositionKm, vec3.scale(o3.lineOfSight, rho3));
  const tau1 = ctx.t[0] - rho1 * lt;
  const tau3 = ctx.t[2] - rho3 * lt;
  if (!(tau3 > tau1)) return null;
  ctx.solutions.length = 0;
  const status = lambertIzzoSolve(
    ctx.solutions,
    r1,
    r3,
    tau3 - tau1,
    ctx.mu,
    ctx.revolutions,
    hRef,
    false,
    false,
  );
  if (typeof status === 'string') return null;
  const sol =
    ctx.revolutions === 0
      ? ctx.solutions[0]
      : ctx.solutions.find((s) => s.revolutions === ctx.revolutions && s.branch === ctx.branch);
  if (!sol) return null;
  const v1 = sol.departureVelocityKmS;
  // Position at the emission instant of the middle observation, t2 − ρ2/c (two passes).
  let rho2 = 0;
  let p: Vec3 = [0, 0, 0];
  for (let pass = 0; pass < (ctx.lightTime ? 3 : 1); pass++) {
    if (!twoBodyInto(ctx.scratch, r1, v1, ctx.t[1] - rho2 * lt - tau1, ctx.mu)) return null;
    p = [ctx.scratch[0]!, ctx.scratch[1]!, ctx.scratch[2]!];
    rho2 = vec3.distance(p, o2.observerPositionKm);
  }
  const u = vec3.scale(vec3.sub(p, o2.observerPositionKm), 1 / rho2);
  if (vec3.dot(u, o2.lineOfSight) <= 0) return null;
  return { f0: vec3.dot(u, ctx.e1), f1: vec3.dot(u, ctx.e2), r1, v1, tau1, rho2 };
}

/**
 * Gooding's method: the orbit through three lines of sight. The unknowns are the ranges at
 * the first and third observations; for each trial pair the positions are joined by
 * Lambert's problem (Izzo's algorithm, with the wanted number of revolutions), the orbit is
 * propagated to the middle epoch, and the two components of the predicted middle direction
 * across the observed one are driven to zero by Newton's method (Jacobian by central
 * differences, step halved until the residual decreases, ranges kept positive).
 *
 * Starting ranges come from `initialRangesKm`, then from each admissible root of Gauss's
 * polynomial, then from the `startRadiiKm`; the first start that converges gives the result.
 * Unlike Gauss's method it holds for arcs of any length (hours apart for GEO, or several
 * revolutions), and, unlike fixed tolerances near machine precision, it stops at an angular
 * residual that double precision can reach.
 *
 * @param observations - three observations in increasing time order, same frame
 * @param options - μ, revolutions and branch, light time, iteration budget, tolerance,
 *   starting points
 * @returns the state at the second observation's epoch with the three ranges (km) and the
 *   iterations used, or a failure (`'degenerate-geometry'` when two lines of sight coincide,
 *   `'not-converged'` when no start converges)
 * @throws {@link InvalidArgumentError} when there are not three observations in strictly
 *   increasing time, or an option is out of range
 * @throws {@link FrameMismatchError} when the observations are in different frames
 * @see R. H. Gooding, "A new procedure for the solution of the classical problem of minimal
 *   orbit determination from three lines of sight", Celestial Mechanics and Dynamical
 *   Astronomy 66 (1997) 387–423 (RAE Technical Report 93004, 1993)
 * @example
 * ```ts
 * // Three lines of sight of a GEO satellite over four hours, seen from the Earth's centre
 * const t0 = Epoch.fromIso('2024-03-01T20:00:00', 'UTC');
 * const n = Math.sqrt(398600.4418 / 42164 ** 3);
 * const obs = [0, 7200, 14400].map((dt) =>
 *   createAngleObservation({
 *     epoch: t0.plusSeconds(dt),
 *     lineOfSight: [Math.cos(n * dt), Math.sin(n * dt), 0.001],
 *     observerPositionKm: [0, 0, -42.164],
 *   }),
 * );
 * const sol = solveGooding(obs, { lightTime: false });
 * if (sol.ok) Math.round(sol.state.radiusKm); // 42164
 * ```
 */
export function solveGooding(
  observations: readonly AngleObservation[],
  options: GoodingOptions = {},
): AnglesIodResult {
  const mu = options.muKm3S2 ?? EARTH_GM_KM3_S2;
  checkMuKm3S2(mu);
  const revolutions = options.revolutions ?? 0;
  const maxIterations = options.maxIterations ?? 50;
  const tolRad = options.angleToleranceRad ?? 1e-10;
  if (!Number.isInteger(revolutions) || revolutions < 0) {
    throw new InvalidArgumentError('revolutions', revolutions, '', 'must be a natural number');
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new InvalidArgumentError(
      'maxIterations',
      maxIterations,
      '',
      'must be a positive integer',
    );
  }
  if (!(tolRad > 0))
    throw new InvalidArgumentError('angleToleranceRad', tolRad, 'rad', 'must be positive');
  const { frame, timesS } = checkObservations(observations, 3, 1);
  const obs = observations as readonly [AngleObservation, AngleObservation, AngleObservation];
  const l2 = obs[1].lineOfSight;
  // Two directions across the middle line of sight.
  const helper: Vec3 = Math.abs(l2[2]) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const e1 = vec3.normalize(vec3.cross(l2, helper));
  const e2 = vec3.cross(l2, e1);
  const ctx: Context = {
    obs,
    t: [timesS[0]!, timesS[1]!, timesS[2]!],
    mu,
    lightTime: options.lightTime !== false,
    revolutions,
    branch: options.branch ?? 'left',
    e1,
    e2,
    scratch: new Float64Array(6),
    solutions: [],
  };

  const starts: [number, number][] = [];
  if (options.initialRangesKm) {
    const [a, b] = options.initialRangesKm;
    if (!(a > 0 && b > 0)) {
      throw new InvalidArgumentError(
        'initialRangesKm',
        [a, b],
        'km',
        'must be two positive numbers',
      );
    }
    starts.push([a, b]);
  }
  const geometry = gaussGeometry(obs, timesS);
  if (Math.abs(geometry.d0) > 0 && Number.isFinite(geometry.d0)) {
    for (const root of gaussRoots(obs, geometry, mu))
      starts.push([root.rangesKm[0], root.rangesKm[2]]);
  }
  for (const radius of options.startRadiiKm ?? DEFAULT_START_RADII_KM) {
    const a = rangeToRadius(obs[0].observerPositionKm, obs[0].lineOfSight, radius);
    const b = rangeToRadius(obs[2].observerPositionKm, obs[2].lineOfSight, radius);
    if (a > 0 && b > 0) starts.push([a, b]);
  }
  if (vec3.norm(vec3.cross(obs[0].lineOfSight, obs[2].lineOfSight)) === 0) {
    return fail('degenerate-geometry', 'Gooding: the first and third lines of sight are parallel');
  }

  let totalIterations = 0;
  let lastMessage = 'no starting point gave an orbit';
  for (const [s1, s3] of starts) {
    const out = iterate(ctx, s1, s3, maxIterations, tolRad);
    totalIterations += out.iterations;
    if (!out.ok) {
      lastMessage = out.message;
      continue;
    }
    const ev = out.evaluation;
    if (!twoBodyInto(ctx.scratch, ev.r1, ev.v1, ctx.t[1] - ev.tau1, mu)) continue;
    const state = makeState(
      obs[1].epoch,
      frame,
      [ctx.scratch[0]!, ctx.scratch[1]!, ctx.scratch[2]!],
      [ctx.scratch[3]!, ctx.scratch[4]!, ctx.scratch[5]!],
    );
    return {
      ok: true,
      state,
      rangesKm: Object.freeze([out.rho1, ev.rho2, out.rho3]),
      iterations: totalIterations,
      alternatives: Object.freeze([]),
    };
  }
  return fail(
    'not-converged',
    `Gooding: none of ${starts.length} starting points converged (last: ${lastMessage})`,
    totalIterations,
  );
}

type IterateResult =
  | { ok: true; rho1: number; rho3: number; evaluation: Evaluation; iterations: number }
  | { ok: false; message: string; iterations: number };

function iterate(
  ctx: Context,
  start1: number,
  start3: number,
  maxIterations: number,
  tolRad: number,
): IterateResult {
  let rho1 = start1;
  let rho3 = start3;
  // Sense of motion from the starting guess: the angular momentum of r1 → r2 → r3.
  const [o1, o2, o3] = ctx.obs;
  const r1g = vec3.add(o1.observerPositionKm, vec3.scale(o1.lineOfSight, rho1));
  const r3g = vec3.add(o3.observerPositionKm, vec3.scale(o3.lineOfSight, rho3));
  const r2g = vec3.add(o2.observerPositionKm, vec3.scale(o2.lineOfSight, 0.5 * (rho1 + rho3)));
  const hRef = vec3.add(vec3.cross(r1g, r2g), vec3.cross(r2g, r3g));
  if (!(vec3.norm(hRef) > 0)) return { ok: false, message: 'no sense of motion', iterations: 0 };
  let ev = evaluate(ctx, rho1, rho3, hRef);
  if (!ev)
    return { ok: false, message: `no orbit at the start (${rho1}, ${rho3}) km`, iterations: 0 };
  let norm = Math.hypot(ev.f0, ev.f1);
  for (let it = 1; it <= maxIterations; it++) {
    if (norm <= tolRad) return { ok: true, rho1, rho3, evaluation: ev, iterations: it - 1 };
    const h1 = FD_RELATIVE_STEP * rho1;
    const h3 = FD_RELATIVE_STEP * rho3;
    const a = evaluate(ctx, rho1 + h1, rho3, hRef);
    const b = evaluate(ctx, rho1 - h1, rho3, hRef);
    const c = evaluate(ctx, rho1, rho3 + h3, hRef);
    const d = evaluate(ctx, rho1, rho3 - h3, hRef);
    if (!a || !b || !c || !d)
      return { ok: false, message: 'the Jacobian could not be formed', iterations: it };
    const j00 = (a.f0 - b.f0) / (2 * h1);
    const j10 = (a.f1 - b.f1) / (2 * h1);
    const j01 = (c.f0 - d.f0) / (2 * h3);
    const j11 = (c.f1 - d.f1) / (2 * h3);
    const det = j00 * j11 - j01 * j10;
    if (!(Math.abs(det) > 0) || !Number.isFinite(det)) {
      return { ok: false, message: 'singular Jacobian', iterations: it };
    }
    let d1 = -(j11 * ev.f0 - j01 * ev.f1) / det;
    let d3 = -(-j10 * ev.f0 + j00 * ev.f1) / det;
    // Keep both ranges positive: at most 90 % of the way to zero.
    let scale = 1;
    if (rho1 + d1 <= 0.1 * rho1) scale = Math.min(scale, (-0.9 * rho1) / d1);
    if (rho3 + d3 <= 0.1 * rho3) scale = Math.min(scale, (-0.9 * rho3) / d3);
    d1 *= scale;
    d3 *= scale;
    const newton1 = Math.abs(d1);
    const newton3 = Math.abs(d3);
    let accepted = false;
    for (let halving = 0; halving < 30; halving++) {
      const trial = evaluate(ctx, rho1 + d1, rho3 + d3, hRef);
      const trialNorm = trial ? Math.hypot(trial.f0, trial.f1) : Number.POSITIVE_INFINITY;
      if (trial && trialNorm < norm) {
        rho1 += d1;
        rho3 += d3;
        ev = trial;
        norm = trialNorm;
        accepted = true;
        break;
      }
      d1 *= 0.5;
      d3 *= 0.5;
    }
    if (!accepted) {
      // No decrease along the Newton direction: at the floor of rounding, accept when the
      // residual is far below any measurement noise (1e-7 rad = 0.02″).
      if (norm <= 1e-7 && newton1 <= 1e-9 * rho1 && newton3 <= 1e-9 * rho3) {
        return { ok: true, rho1, rho3, evaluation: ev, iterations: it };
      }
      return { ok: false, message: `stalled at a residual of ${norm} rad`, iterations: it };
    }
  }
  if (norm <= tolRad) return { ok: true, rho1, rho3, evaluation: ev, iterations: maxIterations };
  return {
    ok: false,
    message: `residual ${norm} rad after ${maxIterations} iterations`,
    iterations: maxIterations,
  };
}
