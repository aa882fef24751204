/**
 * The Dormand–Prince 5(4) method with its 4th-order dense output (DOPRI5).
 *
 * @packageDocumentation
 */
import { type EmbeddedMethod, integrateEmbedded, type Stepper } from './internal/adaptiveDriver';
import { type PiecewiseTrajectory, writeHermiteBlocks } from './internal/piecewiseTrajectory';
import type { RunSettings } from './internal/settings';
import { combineInto, makeStageWork, sparseRows } from './internal/sparseTableau';
import type { Integrator, OdeSystem } from './types';

// Dormand & Prince (1980), Table 2 (RK5(4)7M); error weights e = b − b̂ and dense-output
// weights d as in Hairer, Nørsett & Wanner, Solving ODEs I, §II.5 and §II.6 (code DOPRI5).

const C = [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1] as const;

/** Rows 1–6 of the Butcher matrix (row 6 is b: the method is first same as last). */
const A = sparseRows([
  [[0, 1 / 5]],
  [
    [0, 3 / 40],
    [1, 9 / 40],
  ],
  [
    [0, 44 / 45],
    [1, -56 / 15],
    [2, 32 / 9],
  ],
  [
    [0, 19372 / 6561],
    [1, -25360 / 2187],
    [2, 64448 / 6561],
    [3, -212 / 729],
  ],
  [
    [0, 9017 / 3168],
    [1, -355 / 33],
    [2, 46732 / 5247],
    [3, 49 / 176],
    [4, -5103 / 18656],
  ],
  [
    [0, 35 / 384],
    [2, 500 / 1113],
    [3, 125 / 192],
    [4, -2187 / 6784],
    [5, 11 / 84],
  ],
]);

// e = b − b̂ on stages 0, 2, 3, 4, 5, 6.
const E0 = 71 / 57600;
const E2 = -71 / 16695;
const E3 = 71 / 1920;
const E4 = -17253 / 339200;
const E5 = 22 / 525;
const E6 = -1 / 40;

/** Dense output: the 5th block is h · Σ d_j k_j. */
const D = sparseRows([
  [
    [0, -12715105075 / 11282082432],
    [2, 87487479700 / 32700410799],
    [3, -10690763975 / 1880347072],
    [4, 701980252875 / 199316789632],
    [5, -1453857185 / 822651844],
    [6, 69997945 / 29380423],
  ],
]);

const DENSE_BLOCKS = 5;

class Dopri5Stepper implements Stepper {
  // Hairer's defaults for DOPRI5: β = 0.04, expo = 1/5 − 0.75β, fac1 = 0.2, fac2 = 10.
  readonly beta = 0.04;
  readonly errorExponent = 0.2 - 0.75 * 0.04;
  readonly minFactor = 0.2;
  readonly maxFactor = 10;
  evaluations = 0;
  private readonly system: OdeSystem;
  private readonly s: RunSettings;
  private readonly n: number;
  private readonly k: Float64Array;
  private readonly views: readonly Float64Array[];
  private readonly yStage: Float64Array;

  constructor(system: OdeSystem, s: RunSettings) {
    this.system = system;
    this.s = s;
    this.n = s.n;
    const work = makeStageWork(7, s.n);
    this.k = work.k;
    this.views = work.views;
    this.yStage = work.yStage;
  }

  attempt(tS: number, hS: number, y: Float64Array, f0: Float64Array, yNew: Float64Array): number {
    const { n, k, views, yStage, system } = this;
    views[0]!.set(f0);
    for (let stage = 1; stage <= 5; stage++) {
      combineInto(yStage, A, stage - 1, k, n, hS, y);
      system.derivativesInto(views[stage]!, tS + C[stage]! * hS, yStage);
    }
    combineInto(yNew, A, 5, k, n, hS, y);
    system.derivativesInto(views[6]!, tS + hS, yNew);
    this.evaluations += 6;
    const { absTol, relTol } = this.s;
    let err = 0;
    for (let i = 0; i < n; i++) {
      const e =
        E0 * k[i]! +
        E2 * k[2 * n + i]! +
        E3 * k[3 * n + i]! +
        E4 * k[4 * n + i]! +
        E5 * k[5 * n + i]! +
        E6 * k[6 * n + i]!;
      const sk = absTol[i]! + relTol * Math.max(Math.abs(y[i]!), Math.abs(yNew[i]!));
      const q = (hS * e) / sk;
      err += q * q;
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
    const { n, k, yStage } = this;
    fNew.set(this.views[6]!);
    if (dense === undefined) return;
    const off = dense.addSegment(tS, hS);
    writeHermiteBlocks(dense.buffer, off, n, hS, y, yNew, f0, fNew);
    combineInto(yStage, D, 0, k, n, hS, undefined);
    dense.buffer.set(yStage, off + 4 * n);
  }
}

const DOPRI5: EmbeddedMethod = {
  order: 5,
  denseBlocks: DENSE_BLOCKS,
  makeStepper: (system, s) => new Dopri5Stepper(system, s),
};

/**
 * The Dormand–Prince 5(4) method (DOPRI5): 7 stages, first same as last (6 evaluations per
 * step), a 5th-order solution with a 4th-order error estimate, and a 4th-order continuous
 * extension at no extra cost. Good at moderate tolerances (1e-6 … 1e-9); for orbits at tight
 * tolerances prefer {@link DORMAND_PRINCE_853}.
 *
 * Step control as Hairer's DOPRI5: a PI controller (β = 0.04), the step ratio kept within
 * [0.2, 10], safety 0.9. Defaults, tolerances and statuses as {@link DORMAND_PRINCE_853}.
 *
 * @see Dormand & Prince, "A family of embedded Runge–Kutta formulae", J. Comp. Appl. Math. 6
 *   (1980) 19–26; Hairer, Nørsett & Wanner, Solving ODEs I, 2nd ed. (1993), §II.5–II.6
 * @example
 * ```ts
 * const system = { dimension: 1, derivativesInto: (out: Float64Array, t: number, y: Float64Array) => { out[0] = -y[0]!; } };
 * const result = DORMAND_PRINCE_54.integrate(system, 0, [1], 1, { relTol: 1e-10, absTol: 1e-10 });
 * result.y[0]; // ≈ 0.367879441
 * ```
 */
export const DORMAND_PRINCE_54: Integrator = Object.freeze<Integrator>({
  name: 'dormand-prince-54',
  order: 5,
  adaptive: true,
  integrate: (system, t0S, y0, t1S, options) =>
    integrateEmbedded(DOPRI5, system, t0S, y0, t1S, options),
});
