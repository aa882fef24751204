/**
 * The cost of the atmosphere models and of drag with each: the density alone (exponential,
 * Harris–Priester with its gradient), and the drag force's acceleration and partials, on LEO
 * states spread over a day. The first case is a fixed reference loop (ratios are to it), so
 * that runs on a shared machine can be compared.
 *
 * Runs with the other groups in `npm run bench`, or alone:
 * `npx tsx bench/atmosphere.bench.ts [--time=ms] [--rounds=n]`.
 */
import { fileURLToPath } from 'node:url';
import {
  atmosphericDrag,
  createForceContext,
  exponentialAtmosphere,
  type ForceModel,
  harrisPriesterAtmosphere,
  lowPrecisionSun,
} from '../src/propagation/forces';
import { Epoch } from '../src/time';
import { type BenchGroup, runGroup } from './harness';

/** States per timed call. */
const POINTS = 500;
const DAY_S = 86400;

/** Two independent multiply-add chains of 1,000 steps (4,000 flops, latency-bound). */
const SEQUENCE = Float64Array.from({ length: 1000 }, (_, i) => 1 + i * 1e-6);
let sink = 0;
let sunSink = 0;
function referenceLoop(): void {
  let s = 0;
  let t = 0;
  for (let i = 0; i < 1000; i++) {
    s = s * 0.999 + SEQUENCE[i]!;
    t = t * 0.998 + SEQUENCE[i]!;
  }
  sink += s + t;
}

/** The group: time per density or per force evaluation. */
export function atmosphereBenchGroup(): BenchGroup {
  const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
  const ctx = createForceContext(t0);
  const sun = lowPrecisionSun();
  // An inclined circular orbit at 400 km, sampled over a day (the orbit turns under the Sun).
  const r = 6778.137;
  const v = Math.sqrt(398600.4415 / r);
  const inc = (51.6 * Math.PI) / 180;
  const states: Float64Array[] = [];
  const times: number[] = [];
  for (let i = 0; i < POINTS; i++) {
    const tS = (i * DAY_S) / POINTS;
    const u = (v / r) * tS;
    const [cu, su] = [Math.cos(u), Math.sin(u)];
    states.push(
      new Float64Array([
        r * cu,
        r * su * Math.cos(inc),
        r * su * Math.sin(inc),
        -v * su,
        v * cu * Math.cos(inc),
        v * cu * Math.sin(inc),
      ]),
    );
    times.push(tS);
  }
  const altitudes = states.map((s) => Math.hypot(s[0]!, s[1]!, s[2]!) - 6378.137);
  const suns = times.map((t) => Float64Array.from(ctx.bodyPosition(sun, t)));
  const out = new Float64Array(5);
  const exponential = exponentialAtmosphere();
  const hp = harrisPriesterAtmosphere({ sun, cosineExponent: 4 });
  const acc = new Float64Array(3);
  const dAdR = new Float64Array(9);
  const dAdV = new Float64Array(9);
  const dAdP = new Float64Array(6);
  const accelerationOf = (model: ForceModel) => {
    const e = model.prepare(ctx);
    return () => {
      for (let i = 0; i < POINTS; i++) e.addAcceleration(acc, times[i]!, states[i]!);
    };
  };
  const partialsOf = (model: ForceModel) => {
    const e = model.prepare(ctx);
    return () => {
      for (let i = 0; i < POINTS; i++) e.addPartials(acc, dAdR, dAdV, dAdP, times[i]!, states[i]!);
    };
  };
  const dragExponential = atmosphericDrag({ cd: 2.2, areaToMassM2Kg: 0.01 });
  const dragHp = atmosphericDrag({ cd: 2.2, areaToMassM2Kg: 0.01, atmosphere: hp });
  // warm the context's Sun nodes over the day
  accelerationOf(dragHp)();
  return {
    title: 'Atmosphere and drag, LEO 400 km (time per evaluation; ratios to the reference loop)',
    itemsPerOp: POINTS,
    cases: [
      {
        name: 'reference loop (4,000 flops of multiply-adds)',
        fn: () => {
          for (let i = 0; i < POINTS; i++) referenceLoop();
        },
      },
      {
        name: 'exponential density (densityInto)',
        fn: () => {
          for (let i = 0; i < POINTS; i++) exponential.densityInto(out, altitudes[i]!);
        },
      },
      {
        name: 'Harris–Priester density and gradient (densityAtInto)',
        fn: () => {
          for (let i = 0; i < POINTS; i++)
            hp.densityAtInto(out, altitudes[i]!, states[i]!, suns[i]!);
        },
      },
      {
        name: 'the Sun from the run cache alone (8-point Lagrange, new instant each call)',
        fn: () => {
          for (let i = 0; i < POINTS; i++) sunSink += ctx.bodyPosition(sun, times[i]!)[0]!;
        },
      },
      { name: 'drag, exponential: acceleration', fn: accelerationOf(dragExponential) },
      {
        name: 'drag, Harris–Priester: acceleration (Sun from the cache)',
        fn: accelerationOf(dragHp),
      },
      { name: 'drag, exponential: with partials', fn: partialsOf(dragExponential) },
      { name: 'drag, Harris–Priester: with partials', fn: partialsOf(dragHp) },
    ],
    notes: () => [
      `reference loop checksum ${sink > 0 ? 'ok' : 'unexpected'}, Sun ${sunSink !== 0 ? 'ok' : 'unexpected'}`,
    ],
  };
}

/** The benchmark groups of the atmosphere models. */
export async function atmosphereBenchGroups(): Promise<BenchGroup[]> {
  return [atmosphereBenchGroup()];
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string, fallback: number) => {
    const a = process.argv.find((s) => s.startsWith(`--${name}=`));
    return a === undefined ? fallback : Number(a.slice(name.length + 3));
  };
  const timeMs = arg('time', 300);
  const rounds = arg('rounds', 1);
  const group = atmosphereBenchGroup();
  for (let k = 0; k < rounds; k++) {
    await runGroup(group, { timeMs, warmupMs: Math.min(100, timeMs) });
  }
}
