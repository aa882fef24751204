/**
 * The ODE integrators on the two-body problem, where the exact answer is known (Kepler):
 *
 * - One day of GEO (and one day of LEO) with each adaptive method over a ladder of relative
 *   tolerances: wall time per day, accepted/rejected steps, evaluations of f, and the
 *   position error at the end against the universal-variable solution. The force model here
 *   costs ~20 ns, so the times are the integrators' own overhead (stage combinations, error
 *   norm, step control); with a real force model (µs per evaluation) the evaluation count is
 *   what matters.
 * - The cost of dense output (DOP853's 3 extra stages per step) and of evaluating it.
 */
import type { BenchCase, BenchGroup } from './harness';
import { importExport } from './importSource';

type Integrator = {
  name: string;
  integrate(
    s: unknown,
    t0: number,
    y0: ArrayLike<number>,
    t1: number,
    o?: object,
  ): {
    status: string;
    y: Float64Array;
    steps: number;
    rejectedSteps: number;
    evaluations: number;
    dense?: { evaluateInto(out: Float64Array, t: number): Float64Array };
  };
};
type KeplerFn = (out: Float64Array, rv0: ArrayLike<number>, dt: number, mu: number) => string;

const MU = 398600.4418;
const DAY_S = 86400;
const GEO = [42164.17, 0, 0, 0, 3.0746599, 0.01];
const LEO = [6778.137, 0, 0, 0, 7.6686 * Math.cos(0.9), 7.6686 * Math.sin(0.9)];
const TOLERANCES = [1e-9, 1e-11, 1e-13];

const twoBody = {
  dimension: 6,
  derivativesInto(o: Float64Array, _t: number, y: Float64Array) {
    const x = y[0]!;
    const yy = y[1]!;
    const z = y[2]!;
    const r2 = x * x + yy * yy + z * z;
    const k = -MU / (r2 * Math.sqrt(r2));
    o[0] = y[3]!;
    o[1] = y[4]!;
    o[2] = y[5]!;
    o[3] = k * x;
    o[4] = k * yy;
    o[5] = k * z;
  },
};

/** The integrator benchmark groups (nothing is timed when the sources are missing). */
export async function integratorsBenchGroups(): Promise<BenchGroup[]> {
  const all = await importExport<readonly Integrator[]>(
    'src/propagation/integrators/index.ts',
    'ALL_INTEGRATORS',
  );
  const kepler = await importExport<KeplerFn>(
    'src/propagation/kepler/keplerUniversal.ts',
    'keplerPropagateInto',
  );
  if (typeof all === 'string' || typeof kepler === 'string') {
    const why = typeof all === 'string' ? all : String(kepler);
    return [{ title: 'Integrators (skipped)', itemsPerOp: 1, cases: [], notes: [why] }];
  }
  const adaptive = all.filter((m) => m.name !== 'runge-kutta-4');
  let sink: unknown;
  const groups: BenchGroup[] = [];
  for (const [orbit, rv0] of [
    ['GEO', GEO],
    ['LEO', LEO],
  ] as const) {
    const exact = new Float64Array(6);
    kepler(exact, rv0, DAY_S, MU);
    const cases: BenchCase[] = [];
    const notes: string[] = [
      '',
      `| method | relTol | status | steps | rejected | evaluations | error at 1 day vs Kepler (km) |`,
      '| --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const m of adaptive) {
      for (const tol of TOLERANCES) {
        const options = { relTol: tol, absTol: tol * 1e-3 };
        const r = m.integrate(twoBody, 0, rv0, DAY_S, options);
        const err = Math.hypot(r.y[0]! - exact[0]!, r.y[1]! - exact[1]!, r.y[2]! - exact[2]!);
        notes.push(
          `| ${m.name} | ${tol} | ${r.status} | ${r.steps} | ${r.rejectedSteps} | ${r.evaluations} | ${err.toExponential(2)} |`,
        );
        cases.push({
          name: `${m.name}, relTol ${tol}`,
          fn: () => {
            sink = m.integrate(twoBody, 0, rv0, DAY_S, options);
          },
        });
      }
    }
    groups.push({
      title: `Two-body ${orbit}, one day (absTol = relTol·1e-3 km, km/s), per day`,
      itemsPerOp: 1,
      cases,
      notes,
    });
  }
  const dp853 = all.find((m) => m.name === 'dormand-prince-853')!;
  const options = { relTol: 1e-11, absTol: 1e-14 };
  const denseRun = dp853.integrate(twoBody, 0, GEO, DAY_S, { ...options, dense: true });
  const out = new Float64Array(6);
  const samples = 1440;
  groups.push({
    title: 'DOP853 dense output, GEO day at relTol 1e-11',
    itemsPerOp: 1,
    cases: [
      {
        name: 'run without dense output',
        fn: () => (sink = dp853.integrate(twoBody, 0, GEO, DAY_S, options)),
      },
      {
        name: 'run with dense output',
        fn: () => (sink = dp853.integrate(twoBody, 0, GEO, DAY_S, { ...options, dense: true })),
      },
      {
        name: `${samples} dense evaluations (one per minute)`,
        fn: () => {
          for (let k = 0; k < samples; k++) denseRun.dense!.evaluateInto(out, k * 60);
          sink = out;
        },
      },
    ],
    notes: () => [`(sink: ${typeof sink})`],
  });
  return groups;
}
