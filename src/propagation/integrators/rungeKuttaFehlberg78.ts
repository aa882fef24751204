/**
 * The Runge–Kutta–Fehlberg 7(8) method, propagating the 8th-order solution.
 *
 * @packageDocumentation
 */
import { type EmbeddedMethod, integrateEmbedded, type Stepper } from './internal/adaptiveDriver';
import type { PiecewiseTrajectory, SegmentEvaluator } from './internal/piecewiseTrajectory';
import type { RunSettings } from './internal/settings';
import {
  combineInto,
  makeStageWork,
  type SparseRows,
  type StageWork,
  sparseRows,
} from './internal/sparseTableau';
import type { Integrator, OdeSystem } from './types';

// Fehlberg, "Classical fifth-, sixth-, seventh-, and eighth-order Runge–Kutta formulas with
// stepsize control", NASA TR R-287 (1968), Table X (RK7(8), 13 stages).

const C = [0, 2 / 27, 1 / 9, 1 / 6, 5 / 12, 1 / 2, 5 / 6, 1 / 6, 2 / 3, 1 / 3, 1, 0, 1] as const;

/** Rows 1–12 of the Butcher matrix, then the 8th-order weights (row 12). */
const A = sparseRows([
  [[0, 2 / 27]],
  [
    [0, 1 / 36],
    [1, 1 / 12],
  ],
  [
    [0, 1 / 24],
    [2, 1 / 8],
  ],
  [
    [0, 5 / 12],
    [2, -25 / 16],
    [3, 25 / 16],
  ],
  [
    [0, 1 / 20],
    [3, 1 / 4],
    [4, 1 / 5],
  ],
  [
    [0, -25 / 108],
    [3, 125 / 108],
    [4, -65 / 27],
    [5, 125 / 54],
  ],
  [
    [0, 31 / 300],
    [4, 61 / 225],
    [5, -2 / 9],
    [6, 13 / 900],
  ],
  [
    [0, 2],
    [3, -53 / 6],
    [4, 704 / 45],
    [5, -107 / 9],
    [6, 67 / 90],
    [7, 3],
  ],
  [
    [0, -91 / 108],
    [3, 23 / 108],
    [4, -976 / 135],
    [5, 311 / 54],
    [6, -19 / 60],
    [7, 17 / 6],
    [8, -1 / 12],
  ],
  [
    [0, 2383 / 4100],
    [3, -341 / 164],
    [4, 4496 / 1025],
    [5, -301 / 82],
    [6, 2133 / 4100],
    [7, 45 / 82],
    [8, 45 / 164],
    [9, 18 / 41],
  ],
  [
    [0, 3 / 205],
    [5, -6 / 41],
    [6, -3 / 205],
    [7, -3 / 41],
    [8, 3 / 41],
    [9, 6 / 41],
  ],
  [
    [0, -1777 / 4100],
    [3, -341 / 164],
    [4, 4496 / 1025],
    [5, -289 / 82],
    [6, 2193 / 4100],
    [7, 51 / 82],
    [8, 33 / 164],
    [9, 12 / 41],
    [11, 1],
  ],
  // 8th-order weights.
  [
    [5, 34 / 105],
    [6, 9 / 35],
    [7, 9 / 35],
    [8, 9 / 280],
    [9, 9 / 280],
    [11, 41 / 840],
    [12, 41 / 840],
  ],
]);

/** Weight of Fehlberg's error estimate: y8 − y7 = (41/840)·h·(k0 + k10 − k11 − k12). */
const ERR = 41 / 840;

/** Number of stages of RKF78. */
const STAGES = 13;

/** Stages 1–12 of a step from (t, y) with stage 0 already in `w.k`; writes y8 into `yNew`. */
function stagesInto(
  system: OdeSystem,
  rows: SparseRows,
  w: StageWork,
  n: number,
  tS: number,
  hS: number,
  y: Float64Array,
  yNew: Float64Array,
): void {
  for (let stage = 1; stage <= 12; stage++) {
    combineInto(w.yStage, rows, stage - 1, w.k, n, hS, y);
    system.derivativesInto(w.views[stage]!, tS + C[stage]! * hS, w.yStage);
  }
  combineInto(yNew, rows, 12, w.k, n, hS, y);
}

class Rkf78Stepper implements Stepper {
  readonly errorExponent = 1 / 8;
  readonly beta = 0;
  readonly minFactor = 0.333;
  readonly maxFactor = 6;
  evaluations = 0;
  private readonly system: OdeSystem;
  private readonly s: RunSettings;
  private readonly w: StageWork;

  constructor(system: OdeSystem, s: RunSettings) {
    this.system = system;
    this.s = s;
    this.w = makeStageWork(STAGES, s.n);
  }

  attempt(tS: number, hS: number, y: Float64Array, f0: Float64Array, yNew: Float64Array): number {
    const { s, w } = this;
    const n = s.n;
    w.views[0]!.set(f0);
    stagesInto(this.system, A, w, n, tS, hS, y, yNew);
    this.evaluations += 12;
    const k = w.k;
    let err = 0;
    for (let i = 0; i < n; i++) {
      const e = ERR * hS * (k[i]! + k[10 * n + i]! - k[11 * n + i]! - k[12 * n + i]!);
      const sk = s.absTol[i]! + s.relTol * Math.max(Math.abs(y[i]!), Math.abs(yNew[i]!));
      err += (e / sk) ** 2;
    }
    return Math.sqrt(err / n);
  }

  complete(
    tS: number,
    hS: number,
    y: Float64Array,
    f0: Float64Array,
    yNew: Float64Array,
    fNew: Float64Array,
    dense: PiecewiseTrajectory | undefined,
  ): void {
    this.system.derivativesInto(fNew, tS + hS, yNew);
    this.evaluations++;
    if (dense === undefined) return;
    const n = this.s.n;
    const off = dense.addSegment(tS, hS);
    dense.buffer.set(y, off);
    dense.buffer.set(f0, off + n);
  }
}

/**
 * Dense output of RKF78: Fehlberg's formulas have no continuous extension, so y(t) inside a
 * step is one more RKF78 step from the step's start, of length t − t_start (12 evaluations of
 * the system per call, with a local error smaller than the step's own).
 */
function restepEvaluator(system: OdeSystem, n: number): SegmentEvaluator {
  const w = makeStageWork(STAGES, n);
  const y = new Float64Array(n);
  return (out, data, offset, tStartS, _stepS, tS) => {
    y.set(data.subarray(offset, offset + n));
    w.views[0]!.set(data.subarray(offset + n, offset + 2 * n));
    if (tS === tStartS) {
      out.set(y);
      return;
    }
    stagesInto(system, A, w, n, tStartS, tS - tStartS, y, out);
  };
}

const RKF78: EmbeddedMethod = {
  order: 8,
  // Each step's start: y and f(t, y).
  denseBlocks: 2,
  makeStepper: (system, s) => new Rkf78Stepper(system, s),
  makeEvaluator: restepEvaluator,
};

/**
 * The Runge–Kutta–Fehlberg 7(8) method (RKF78): 13 stages, the 8th-order solution propagated
 * (local extrapolation) with Fehlberg's 7th-order error estimate, a common choice for long
 * orbit arcs. Evaluations: 13 per accepted step, 12 per rejected step.
 *
 * Dense output: no continuous extension exists for these formulas, so the trajectory keeps
 * each step's start and re-integrates one step to the time asked (12 evaluations of the
 * system per call of `evaluateInto`; the system must therefore stay usable after the run,
 * which the {@link OdeSystem} contract requires). For cheap dense output use
 * {@link DORMAND_PRINCE_853}.
 *
 * Step control as {@link DORMAND_PRINCE_853} (I controller, exponent 1/8, step ratio within
 * [1/3, 6]); defaults and statuses as there.
 *
 * @see Fehlberg, NASA TR R-287 (1968), Table X; Hairer, Nørsett & Wanner, Solving ODEs I,
 *   2nd ed. (1993), §II.5
 * @example
 * ```ts
 * const system = { dimension: 1, derivativesInto: (out: Float64Array, t: number, y: Float64Array) => { out[0] = -y[0]!; } };
 * const result = RUNGE_KUTTA_FEHLBERG_78.integrate(system, 0, [1], 1, { relTol: 1e-12, absTol: 1e-12 });
 * result.y[0]; // ≈ 0.36787944117144
 * ```
 */
export const RUNGE_KUTTA_FEHLBERG_78: Integrator = Object.freeze<Integrator>({
  name: 'runge-kutta-fehlberg-78',
  order: 8,
  adaptive: true,
  integrate: (system, t0S, y0, t1S, options) =>
    integrateEmbedded(RKF78, system, t0S, y0, t1S, options),
});
