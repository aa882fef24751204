/**
 * Numerical propagation side by side with ootk 7.0.3 (its RK89 propagator and force model):
 *
 * - One day of GEO with the full GEO force model (8×8 geopotential, Sun, Moon, cannonball
 *   SRP), for a ladder of tolerances: wall time per day, force evaluations, and the position
 *   error at the end against a much tighter run of the same library (osmose: relTol 1e-15;
 *   ootk: its tightest tolerance that still reaches the end epoch). ootk's model is EGM96 with
 *   its own Sun, Moon and SRP, so each library is compared with itself.
 * - The cost of one force-model evaluation: each osmose model, the full GEO model through the
 *   equations of motion, a 70×70 and a 36×36 field (JGM-3), and ootk's counterparts.
 *
 * ootk is a devDependency used here only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  EarthGravity,
  EpochUTC,
  J2000,
  ForceModel as OotkForceModel,
  RungeKutta89Propagator,
  SolarRadiationPressure,
  ThirdBodyGravity,
  Vector3D,
} from 'ootk';
import {
  createForceContext,
  egm2008Degree20,
  type ForceContext,
  type ForceModel,
  lowPrecisionMoon,
  lowPrecisionSun,
  parseIcgem,
  solarRadiationPressure,
  sphericalHarmonicGravity,
  thirdBodyGravity,
} from '../src/propagation/forces';
import { propagateNumerical } from '../src/propagation/numerical';
import { EquationsOfMotion } from '../src/propagation/numerical/equationsOfMotion';
import { StateVector } from '../src/state';
import { Epoch } from '../src/time';
import type { BenchCase, BenchGroup } from './harness';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const START_ISO = '2024-03-01T00:00:00';
const DAY_S = 86400;
const Y0 = [42164, 100, 50, -0.007, 3.0746, 0.01] as const;
/** SRP: Cr 1.3, A/m 0.02 m²/kg (ootk takes mass and area: 1000 kg, 20 m²). */
const CR = 1.3;
const AREA_TO_MASS = 0.02;
/** Points along the orbit for the per-evaluation cost. */
const EVAL_POINTS = 500;

function osmoseForces(): ForceModel[] {
  const sun = lowPrecisionSun();
  const moon = lowPrecisionMoon();
  return [
    sphericalHarmonicGravity({ field: egm2008Degree20(), degree: 8 }),
    thirdBodyGravity(sun),
    thirdBodyGravity(moon),
    solarRadiationPressure({ cr: CR, areaToMassM2Kg: AREA_TO_MASS, sun, moon }),
  ];
}

function ootkForceModel(): OotkForceModel {
  const fm = new OotkForceModel();
  fm.setEarthGravity(8, 8);
  fm.setThirdBodyGravity({ sun: true, moon: true });
  fm.setSolarRadiationPressure(1000, 1000 * AREA_TO_MASS, CR);
  return fm;
}

const t0 = Epoch.fromIso(START_ISO, 'UTC');
const initial = StateVector.create({
  epoch: t0,
  frame: 'GCRF',
  positionKm: Y0.slice(0, 3),
  velocityKmS: Y0.slice(3),
});
const end = t0.plusSeconds(DAY_S);
const ootkStart = EpochUTC.fromDateTimeString(`${START_ISO}.000Z`);
const ootkEnd = ootkStart.roll(DAY_S as never);
const ootkInitial = () =>
  new J2000(
    ootkStart,
    new Vector3D(Y0[0], Y0[1], Y0[2]) as never,
    new Vector3D(Y0[3], Y0[4], Y0[5]) as never,
  );

interface OsmoseRun {
  readonly positionKm: readonly number[];
  readonly evaluations: number;
}

function runOsmose(relTol: number, context?: ForceContext): OsmoseRun {
  const run = propagateNumerical({
    initialState: initial,
    endEpoch: end,
    forces: osmoseForces(),
    ...(context === undefined ? {} : { context }),
    relTol,
    absTolKm: relTol * 10,
    dense: false,
  });
  if (run.status !== 'ok') throw new Error(`osmose stopped: ${run.status}`);
  return { positionKm: run.finalState.positionKm, evaluations: run.evaluations };
}

interface OotkRun {
  readonly positionKm: readonly number[];
  readonly evaluations: number;
  readonly reachedS: number;
}

function runOotk(tolerance: number): OotkRun {
  const fm = ootkForceModel();
  let evaluations = 0;
  const derivative = fm.derivative.bind(fm);
  fm.derivative = (state: J2000) => {
    evaluations++;
    return derivative(state);
  };
  const p = new RungeKutta89Propagator(ootkInitial(), fm, tolerance);
  const s = p.propagate(ootkEnd);
  return {
    positionKm: [s.position.x, s.position.y, s.position.z],
    evaluations,
    reachedS: s.epoch.difference(ootkStart),
  };
}

const OSMOSE_LADDER = [1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13, 1e-14] as const;
const OOTK_LADDER = [1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11] as const;

function errorKm(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/**
 * A fixed reference workload, to compare runs on a shared machine through ratios: two
 * independent multiply-add chains of 1,000 steps (4,000 flops, latency-bound).
 */
const REFERENCE_SEQUENCE = Float64Array.from({ length: 1000 }, (_, i) => 1 + i * 1e-6);
let referenceSink = 0;
function referenceLoop(): void {
  let s = 0;
  let t = 0;
  for (let i = 0; i < 1000; i++) {
    s = s * 0.999 + REFERENCE_SEQUENCE[i]!;
    t = t * 0.998 + REFERENCE_SEQUENCE[i]!;
  }
  referenceSink += s + t;
}

/**
 * The cost of one force-model evaluation, per model: osmose's models, the full GEO model
 * through the equations of motion, the geopotential at 8×8, 20×20, 36×36 and 70×70 with
 * the acceleration alone (`addAcceleration`, the propagator without STM) and with its
 * gradient (`addPartials`, the variational equations), and ootk's counterparts. The first
 * case is a fixed reference loop (ratios are to it). Runs alone with
 * `npx tsx bench/propagationEvaluations.ts`.
 */
export function propagationEvaluationGroup(): BenchGroup {
  // Per-evaluation cost, on states along the orbit (context warmed over the day).
  const ctx = createForceContext(t0);
  const states: Float64Array[] = [];
  for (let i = 0; i < EVAL_POINTS; i++) {
    const a = (2 * Math.PI * i) / EVAL_POINTS;
    states.push(
      new Float64Array([
        42164 * Math.cos(a),
        42164 * Math.sin(a),
        50,
        -3.0746 * Math.sin(a),
        3.0746 * Math.cos(a),
        0.01,
      ]),
    );
  }
  const times = states.map((_, i) => (i * DAY_S) / EVAL_POINTS);
  const acc = new Float64Array(3);
  const costOf = (model: ForceModel): (() => void) => {
    const e = model.prepare(ctx);
    return () => {
      for (let i = 0; i < EVAL_POINTS; i++) e.addAcceleration(acc, times[i]!, states[i]!);
    };
  };
  const full = osmoseForces();
  const eom = new EquationsOfMotion(
    full.map((f) => f.prepare(ctx)),
    false,
    0,
    [],
  );
  const dydt = new Float64Array(6);
  const jgm3 = parseIcgem(readFileSync(`${ROOT_DIR}test/reference/gravity/JGM3.gfc`, 'utf8'));
  const ootkStates = states.map(
    (s, i) =>
      new J2000(
        ootkStart.roll(times[i]! as never),
        new Vector3D(s[0]!, s[1]!, s[2]!) as never,
        new Vector3D(s[3]!, s[4]!, s[5]!) as never,
      ),
  );
  const ootkCost = (f: { acceleration(s: J2000): unknown }) => () => {
    for (let i = 0; i < EVAL_POINTS; i++) f.acceleration(ootkStates[i]!);
  };
  const ootkFull = ootkForceModel();
  // The geopotential (with the GCRF↔ITRF rotation): acceleration alone, and with ∂a/∂r.
  const dAdR = new Float64Array(9);
  const dAdV = new Float64Array(9);
  const dAdP = new Float64Array(3);
  const partialsOf = (model: ForceModel): (() => void) => {
    const e = model.prepare(ctx);
    return () => {
      for (let i = 0; i < EVAL_POINTS; i++)
        e.addPartials(acc, dAdR, dAdV, dAdP, times[i]!, states[i]!);
    };
  };
  const gravityCases: BenchCase[] = [];
  for (const [label, model] of [
    ['EGM2008 8×8', full[0]!],
    ['JGM-3 20×20', sphericalHarmonicGravity({ field: jgm3, degree: 20 })],
    ['JGM-3 36×36', sphericalHarmonicGravity({ field: jgm3, degree: 36 })],
    ['JGM-3 70×70', sphericalHarmonicGravity({ field: jgm3, degree: 70 })],
  ] as const) {
    gravityCases.push(
      { name: `osmose ${label} (with the GCRF↔ITRF rotation)`, fn: costOf(model) },
      { name: `osmose ${label} with ∂a/∂r`, fn: partialsOf(model) },
    );
  }
  const cases: BenchCase[] = [
    {
      name: 'reference loop (4,000 flops of multiply-adds)',
      fn: () => {
        for (let i = 0; i < EVAL_POINTS; i++) referenceLoop();
      },
    },
    {
      name: 'osmose full GEO model (8×8, Sun, Moon, SRP) via the equations of motion',
      fn: () => {
        for (let i = 0; i < EVAL_POINTS; i++) eom.derivativesInto(dydt, times[i]!, states[i]!);
      },
    },
    ...gravityCases,
    {
      name: 'osmose Sun + Moon',
      fn: (() => {
        const s = costOf(full[1]!);
        const m = costOf(full[2]!);
        return () => {
          s();
          m();
        };
      })(),
    },
    { name: 'osmose SRP with Earth and Moon shadows', fn: costOf(full[3]!) },
    {
      name: 'ootk full GEO model (derivative)',
      fn: () => {
        for (let i = 0; i < EVAL_POINTS; i++) ootkFull.derivative(ootkStates[i]!);
      },
    },
    { name: 'ootk EGM96 8×8', fn: ootkCost(new EarthGravity(8, 8)) },
    { name: 'ootk Sun + Moon', fn: ootkCost(new ThirdBodyGravity(true, true)) },
    { name: 'ootk SRP', fn: ootkCost(new SolarRadiationPressure(1000, 20, CR)) },
    { name: 'ootk EGM96 36×36', fn: ootkCost(new EarthGravity(36, 36)) },
  ];
  return {
    title: 'One force-model evaluation (time per evaluation; ratios to the reference loop)',
    itemsPerOp: EVAL_POINTS,
    cases,
    notes: () => [`reference loop checksum ${referenceSink > 0 ? 'ok' : 'unexpected'}`],
  };
}

/** The benchmark groups of numerical propagation. */
export async function propagationBenchGroups(): Promise<BenchGroup[]> {
  const notes: string[] = [];
  const osmoseReference = runOsmose(1e-15);
  for (const tol of OSMOSE_LADDER) {
    const r = runOsmose(tol);
    notes.push(
      `osmose DOP853 relTol ${tol}: ${r.evaluations} evaluations, end error ${(errorKm(r.positionKm, osmoseReference.positionKm) * 1e3).toExponential(2)} m (vs relTol 1e-15)`,
    );
  }
  // ootk's tightest tolerance that reaches the end (it returns early without a word otherwise).
  let ootkReference: OotkRun | undefined;
  for (const tol of [1e-13, 1e-12, 1e-11, 1e-10]) {
    const r = runOotk(tol);
    if (Math.abs(r.reachedS - DAY_S) < 1e-6) {
      ootkReference = r;
      notes.push(`ootk reference: tolerance ${tol} (tighter ones stopped early)`);
      break;
    }
    notes.push(`ootk tolerance ${tol}: returned the state ${r.reachedS.toFixed(1)} s into the day`);
  }
  for (const tol of OOTK_LADDER) {
    const r = runOotk(tol);
    const reached = Math.abs(r.reachedS - DAY_S) < 1e-6;
    notes.push(
      `ootk RK89 tolerance ${tol}: ${r.evaluations} evaluations, ${
        reached && ootkReference !== undefined
          ? `end error ${(errorKm(r.positionKm, ootkReference.positionKm) * 1e3).toExponential(2)} m`
          : `stopped at ${r.reachedS.toFixed(1)} s`
      }`,
    );
  }
  // A context reused across runs from the same epoch keeps its Earth-rotation and Sun/Moon
  // nodes: the run then costs its evaluations only (as in orbit determination iterations).
  const warm = createForceContext(t0);
  runOsmose(1e-13, warm);
  const ladder: BenchCase[] = [
    ...OSMOSE_LADDER.map((tol) => ({
      name: `osmose DOP853 relTol ${tol}`,
      fn: () => runOsmose(tol),
    })),
    ...[1e-9, 1e-11, 1e-13].map((tol) => ({
      name: `osmose DOP853 relTol ${tol}, context reused`,
      fn: () => runOsmose(tol, warm),
    })),
    ...OOTK_LADDER.map((tol) => ({ name: `ootk RK89 tolerance ${tol}`, fn: () => runOotk(tol) })),
  ];

  const perEvaluation = propagationEvaluationGroup();
  return [
    {
      title: 'One day of GEO, 8×8 + Sun + Moon + SRP (time per day)',
      itemsPerOp: 1,
      cases: ladder,
      notes,
    },
    perEvaluation,
  ];
}
