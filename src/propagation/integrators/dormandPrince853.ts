/**
 * The Dormand–Prince 8(5,3) method with its 7th-order dense output (DOP853).
 *
 * @packageDocumentation
 */
import { type EmbeddedMethod, integrateEmbedded, type Stepper } from './internal/adaptiveDriver';
import { type PiecewiseTrajectory, writeHermiteBlocks } from './internal/piecewiseTrajectory';
import type { RunSettings } from './internal/settings';
import { combineInto, makeStageWork, sparseRows } from './internal/sparseTableau';
import type { Integrator, OdeSystem } from './types';

// Coefficients of DOP853 as published by Hairer, Nørsett & Wanner (Solving ODEs I, 2nd ed.,
// §II.10, and the code dop853.f of 11 October 2004). Stages are numbered from 0; stage 12 is
// f(t + h, y_new) (first stage of the next step), stages 13–15 serve the dense output only.
// The published 30-digit values are written as the nearest doubles (shortest round-trip form).

/** Nodes c of stages 0–11 and of the dense-output stages 13–15 (stage 12 is at c = 1). */
const C = [
  0, 0.05260015195876773, 0.0789002279381516, 0.1183503419072274, 0.2816496580927726,
  0.3333333333333333, 0.25, 0.3076923076923077, 0.6512820512820513, 0.6, 0.8571428571428571, 1, 1,
  0.1, 0.2, 0.7777777777777778,
] as const;

/** Rows 1–11 of the Butcher matrix (row r gives stage r), then rows 13–15 at indices 12–14. */
const A = sparseRows([
  [[0, 0.05260015195876773]],
  [
    [0, 0.0197250569845379],
    [1, 0.0591751709536137],
  ],
  [
    [0, 0.02958758547680685],
    [2, 0.08876275643042054],
  ],
  [
    [0, 0.2413651341592667],
    [2, -0.8845494793282861],
    [3, 0.924834003261792],
  ],
  [
    [0, 0.037037037037037035],
    [3, 0.17082860872947386],
    [4, 0.12546768756682242],
  ],
  [
    [0, 3.7109375e-2],
    [3, 0.17025221101954405],
    [4, 0.06021653898045596],
    [5, -1.7578125e-2],
  ],
  [
    [0, 0.03709200011850479],
    [3, 0.17038392571223998],
    [4, 0.10726203044637328],
    [5, -0.015319437748624402],
    [6, 0.008273789163814023],
  ],
  [
    [0, 0.6241109587160757],
    [3, -3.3608926294469414],
    [4, -0.868219346841726],
    [5, 27.59209969944671],
    [6, 20.154067550477894],
    [7, -43.48988418106996],
  ],
  [
    [0, 0.47766253643826434],
    [3, -2.4881146199716677],
    [4, -0.590290826836843],
    [5, 21.230051448181193],
    [6, 15.279233632882423],
    [7, -33.28821096898486],
    [8, -0.020331201708508627],
  ],
  [
    [0, -0.9371424300859873],
    [3, 5.186372428844064],
    [4, 1.0914373489967295],
    [5, -8.149787010746927],
    [6, -18.52006565999696],
    [7, 22.739487099350505],
    [8, 2.4936055526796523],
    [9, -3.0467644718982196],
  ],
  [
    [0, 2.273310147516538],
    [3, -10.53449546673725],
    [4, -2.0008720582248625],
    [5, -17.9589318631188],
    [6, 27.94888452941996],
    [7, -2.8589982771350235],
    [8, -8.87285693353063],
    [9, 12.360567175794303],
    [10, 0.6433927460157636],
  ],
  // Dense-output stages 13, 14, 15.
  [
    [0, 0.056167502283047954],
    [6, 0.25350021021662483],
    [7, -0.2462390374708025],
    [8, -0.12419142326381637],
    [9, 0.15329179827876568],
    [10, 0.00820105229563469],
    [11, 0.007567897660545699],
    [12, -8.298e-3],
  ],
  [
    [0, 0.03183464816350214],
    [5, 0.028300909672366776],
    [6, 0.053541988307438566],
    [7, -0.05492374857139099],
    [10, -0.00010834732869724932],
    [11, 0.0003825710908356584],
    [12, -0.00034046500868740456],
    [13, 0.1413124436746325],
  ],
  [
    [0, -0.42889630158379194],
    [5, -4.697621415361164],
    [6, 7.683421196062599],
    [7, 4.06898981839711],
    [8, 0.3567271874552811],
    [12, -0.0013990241651590145],
    [13, 2.9475147891527724],
    [14, -9.15095847217987],
  ],
]);

/** Row of A (in the packed table) that gives stage s. */
function rowOfStage(s: number): number {
  return s <= 11 ? s - 1 : s - 2;
}

// Weights b of the 8th-order solution (stages 0, 5–11).
const B0 = 0.054293734116568765;
const B5 = 4.450312892752409;
const B6 = 1.8915178993145003;
const B7 = -5.801203960010585;
const B8 = 0.3111643669578199;
const B9 = -0.1521609496625161;
const B10 = 0.20136540080403034;
const B11 = 0.04471061572777259;
// The 3rd-order embedded solution's weights (Hairer's bhh), on stages 0, 8, 11.
const BHH0 = 0.2440944881889764;
const BHH8 = 0.7338466882816118;
const BHH11 = 0.022058823529411766;
// Weights of the 5th-order error estimate (Hairer's er), on stages 0, 5–11.
const E0 = 0.01312004499419488;
const E5 = -1.2251564463762044;
const E6 = -0.4957589496572502;
const E7 = 1.6643771824549864;
const E8 = -0.35032884874997366;
const E9 = 0.3341791187130175;
const E10 = 0.08192320648511571;
const E11 = -0.022355307863886294;

/** The last four blocks of the dense output: h · Σ d_j k_j over stages 0, 5–15. */
const D = sparseRows([
  [
    [0, -8.428938276109013],
    [5, 0.5667149535193777],
    [6, -3.0689499459498917],
    [7, 2.38466765651207],
    [8, 2.117034582445028],
    [9, -0.871391583777973],
    [10, 2.2404374302607883],
    [11, 0.6315787787694688],
    [12, -0.08899033645133331],
    [13, 18.148505520854727],
    [14, -9.194632392478356],
    [15, -4.436036387594894],
  ],
  [
    [0, 10.427508642579134],
    [5, 242.28349177525817],
    [6, 165.20045171727028],
    [7, -374.5467547226902],
    [8, -22.113666853125306],
    [9, 7.733432668472264],
    [10, -30.674084731089398],
    [11, -9.332130526430229],
    [12, 15.697238121770845],
    [13, -31.139403219565178],
    [14, -9.35292435884448],
    [15, 35.81684148639408],
  ],
  [
    [0, 19.985053242002433],
    [5, -387.0373087493518],
    [6, -189.17813819516758],
    [7, 527.8081592054236],
    [8, -11.57390253995963],
    [9, 6.8812326946963],
    [10, -1.0006050966910838],
    [11, 0.7777137798053443],
    [12, -2.778205752353508],
    [13, -60.19669523126412],
    [14, 84.32040550667716],
    [15, 11.99229113618279],
  ],
  [
    [0, -25.69393346270375],
    [5, -154.18974869023643],
    [6, -231.5293791760455],
    [7, 357.6391179106141],
    [8, 93.40532418362432],
    [9, -37.45832313645163],
    [10, 104.0996495089623],
    [11, 29.8402934266605],
    [12, -43.53345659001114],
    [13, 96.32455395918828],
    [14, -39.17726167561544],
    [15, -149.72683625798564],
  ],
]);

/** Number of vectors stored per step for the dense output (y, Δy and six more). */
const DENSE_BLOCKS = 8;

class Dop853Stepper implements Stepper {
  // Hairer's defaults for DOP853: β = 0, fac1 = 0.333, fac2 = 6.
  readonly errorExponent = 1 / 8;
  readonly beta = 0;
  readonly minFactor = 0.333;
  readonly maxFactor = 6;
  evaluations = 0;
  private readonly system: OdeSystem;
  private readonly s: RunSettings;
  private readonly n: number;
  /** The 16 stages one after the other (stage j at j·n). */
  private readonly k: Float64Array;
  private readonly views: readonly Float64Array[];
  private readonly yStage: Float64Array;

  constructor(system: OdeSystem, s: RunSettings) {
    this.system = system;
    this.s = s;
    this.n = s.n;
    const work = makeStageWork(16, s.n);
    this.k = work.k;
    this.views = work.views;
    this.yStage = work.yStage;
  }

  attempt(tS: number, hS: number, y: Float64Array, f0: Float64Array, yNew: Float64Array): number {
    const { n, k, views, yStage, system } = this;
    views[0]!.set(f0);
    for (let stage = 1; stage <= 11; stage++) {
      combineInto(yStage, A, stage - 1, k, n, hS, y);
      system.derivativesInto(views[stage]!, tS + C[stage]! * hS, yStage);
    }
    this.evaluations += 11;
    const absTol = this.s.absTol;
    const relTol = this.s.relTol;
    let err5 = 0;
    let err3 = 0;
    const o5 = 5 * n;
    const o6 = 6 * n;
    const o7 = 7 * n;
    const o8 = 8 * n;
    const o9 = 9 * n;
    const o10 = 10 * n;
    const o11 = 11 * n;
    for (let i = 0; i < n; i++) {
      const k0 = k[i]!;
      const k5 = k[o5 + i]!;
      const k6 = k[o6 + i]!;
      const k7 = k[o7 + i]!;
      const k8 = k[o8 + i]!;
      const k9 = k[o9 + i]!;
      const k10 = k[o10 + i]!;
      const k11 = k[o11 + i]!;
      const sum8 =
        B0 * k0 + B5 * k5 + B6 * k6 + B7 * k7 + B8 * k8 + B9 * k9 + B10 * k10 + B11 * k11;
      const yi = y[i]!;
      const yn = yi + hS * sum8;
      yNew[i] = yn;
      const sk = absTol[i]! + relTol * Math.max(Math.abs(yi), Math.abs(yn));
      const e5 =
        (E0 * k0 + E5 * k5 + E6 * k6 + E7 * k7 + E8 * k8 + E9 * k9 + E10 * k10 + E11 * k11) / sk;
      const e3 = (sum8 - BHH0 * k0 - BHH8 * k8 - BHH11 * k11) / sk;
      err5 += e5 * e5;
      err3 += e3 * e3;
    }
    // Hairer's combination of the 5th- and 3rd-order estimates (dop853.f): behaves as
    // h·err5 while err5 dominates and as an 8th-order quantity otherwise.
    let deno = err5 + 0.01 * err3;
    if (deno <= 0) deno = 1;
    return Math.abs(hS) * err5 * Math.sqrt(1 / (n * deno));
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
    const { n, k, views, yStage, system } = this;
    system.derivativesInto(fNew, tS + hS, yNew);
    this.evaluations++;
    if (dense === undefined) return;
    views[12]!.set(fNew);
    for (let stage = 13; stage <= 15; stage++) {
      combineInto(yStage, A, rowOfStage(stage), k, n, hS, y);
      system.derivativesInto(views[stage]!, tS + C[stage]! * hS, yStage);
    }
    this.evaluations += 3;
    const off = dense.addSegment(tS, hS);
    const buf = dense.buffer;
    writeHermiteBlocks(buf, off, n, hS, y, yNew, f0, fNew);
    for (let r = 0; r < 4; r++) {
      combineInto(yStage, D, r, k, n, hS, undefined);
      buf.set(yStage, off + (4 + r) * n);
    }
  }
}

const DOP853: EmbeddedMethod = {
  order: 8,
  denseBlocks: DENSE_BLOCKS,
  makeStepper: (system, s) => new Dop853Stepper(system, s),
};

/**
 * The Dormand–Prince 8(5,3) method (DOP853): 12 stages, an 8th-order solution with Hairer's
 * combined 5th/3rd-order error estimate, and a 7th-order continuous extension (3 more stages
 * per step, only when `dense` is asked for). The method of choice for orbits at tight
 * tolerances.
 *
 * Step control as in Hairer's dop853.f: the error is measured per component against
 * `absTol[i] + relTol·max(|y_i|, |y_new,i|)` (RMS over components), the step changes by a
 * factor within [1/3, 6] with safety 0.9, does not grow after a rejection, and the first step
 * comes from Hairer's estimate unless `initialStepS` is given. Evaluations: 12 per accepted
 * step (15 with dense output), 11 per rejected step, 2 to start.
 *
 * Defaults: `relTol` and `absTol` 1e-10, `maxSteps` 100,000, `maxStepS` the whole span,
 * `minStepS` 0. Failures come back as a status with the time reached: `'max-steps'`,
 * `'step-too-small'` (below `minStepS`, or below the roundoff of t), `'non-finite'` (f kept
 * returning NaN/∞ even for steps 10³⁰ times smaller, or was not finite at an accepted state).
 * Allocates its work arrays once per run; the step loop allocates nothing.
 *
 * @see Hairer, Nørsett & Wanner, Solving Ordinary Differential Equations I, 2nd ed. (1993),
 *   §II.5 (Dormand–Prince 8(5,3)), §II.6 (dense output), §II.4 (starting step) and the code
 *   DOP853; Dormand & Prince, J. Comp. Appl. Math. 7 (1981) 67–75
 * @example
 * ```ts
 * // y′ = −y from y(0) = 1 to t = 1
 * const system = { dimension: 1, derivativesInto: (out: Float64Array, t: number, y: Float64Array) => { out[0] = -y[0]!; } };
 * const result = DORMAND_PRINCE_853.integrate(system, 0, [1], 1, { relTol: 1e-12, absTol: 1e-12 });
 * result.status; // 'ok'
 * result.y[0]; // ≈ 0.36787944117144
 * ```
 */
export const DORMAND_PRINCE_853: Integrator = Object.freeze<Integrator>({
  name: 'dormand-prince-853',
  order: 8,
  adaptive: true,
  integrate: (system, t0S, y0, t1S, options) =>
    integrateEmbedded(DOP853, system, t0S, y0, t1S, options),
});
