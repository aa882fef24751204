/**
 * CPU time of the spherical-harmonic kernel alone (no rotation, no force-model wrapper), for
 * the acceleration and for the acceleration with its gradient, at 8×8, 20×20, 36×36 and
 * 70×70 (EGM2008, 64 points alternately at 7,000 km and GEO radius).
 *
 * `npx tsx bench/gravityKernel.ts [rounds]`. Each round times every case for about 5 ms of
 * CPU time (`process.cpuUsage`, so that time spent waiting for a core on a loaded machine is
 * not counted) and a fixed reference loop; the table gives the minimum, the median and the
 * quartiles over the rounds and the median ratio to the reference loop of the same round.
 * `OSMOSE_KERNEL_BASELINE=<path to another sphericalHarmonicKernel.ts>` adds the same cases
 * for that version (e.g. one taken from git history with `git show <commit>:<path>`).
 */
import { readFileSync } from 'node:fs';
import { parseIcgem } from '../src/propagation/forces';
import { SphericalHarmonicKernel } from '../src/propagation/forces/gravity/sphericalHarmonicKernel';

interface Kernel {
  accelerationInto(out: Float64Array, x: number, y: number, z: number): void;
  accelerationGradientInto(
    acc: Float64Array,
    grad: Float64Array,
    x: number,
    y: number,
    z: number,
  ): void;
}
type KernelClass = new (field: unknown, degree: number, order: number, gradient: boolean) => Kernel;

const field = parseIcgem(
  readFileSync(new URL('../test/reference/gravity/EGM2008_120.gfc', import.meta.url), 'utf8'),
  { maxDegree: 70 },
);
const POINTS = 64;
const pts: [number, number, number][] = [];
for (let i = 0; i < POINTS; i++) {
  const lon = (2 * Math.PI * i) / POINTS;
  const r = i % 2 ? 42164 : 7000;
  const lat = 0.3 * i;
  pts.push([
    r * Math.cos(lon) * Math.cos(lat),
    r * Math.sin(lon) * Math.cos(lat),
    r * Math.sin(lat),
  ]);
}
const acc = new Float64Array(3);
const grad = new Float64Array(9);
const REFERENCE = Float64Array.from({ length: 1000 }, (_, i) => 1 + i * 1e-6);
let sink = 0;
const cases: [string, () => void][] = [
  [
    'reference loop (4,000 flops)',
    () => {
      let s = 0;
      let t = 0;
      for (let i = 0; i < 1000; i++) {
        s = s * 0.999 + REFERENCE[i]!;
        t = t * 0.998 + REFERENCE[i]!;
      }
      sink += s + t;
    },
  ],
];
// One closure per case (separate functions), so that each call site sees one kernel class.
function addCurrent(K: KernelClass, label: string, n: number): void {
  const ka = new K(field, n, n, false);
  const kg = new K(field, n, n, true);
  cases.push([
    `${label} ${n}×${n} acceleration`,
    () => {
      for (const p of pts) ka.accelerationInto(acc, p[0], p[1], p[2]);
    },
  ]);
  cases.push([
    `${label} ${n}×${n} with gradient`,
    () => {
      for (const p of pts) kg.accelerationGradientInto(acc, grad, p[0], p[1], p[2]);
    },
  ]);
}
function addBaseline(K: KernelClass, label: string, n: number): void {
  const ka = new K(field, n, n, false);
  const kg = new K(field, n, n, true);
  cases.push([
    `${label} ${n}×${n} acceleration`,
    () => {
      for (const q of pts) ka.accelerationInto(acc, q[0], q[1], q[2]);
    },
  ]);
  cases.push([
    `${label} ${n}×${n} with gradient`,
    () => {
      for (const q of pts) kg.accelerationGradientInto(acc, grad, q[0], q[1], q[2]);
    },
  ]);
}
const baselinePath = process.env.OSMOSE_KERNEL_BASELINE;
const Baseline: KernelClass | undefined = baselinePath
  ? ((await import(baselinePath)) as { SphericalHarmonicKernel: KernelClass })
      .SphericalHarmonicKernel
  : undefined;
for (const n of [8, 20, 36, 70]) {
  if (Baseline) addBaseline(Baseline, 'baseline', n);
  addCurrent(SphericalHarmonicKernel as unknown as KernelClass, 'current', n);
}

const rounds = Number(process.argv[2] ?? 30);
for (let w = 0; w < 3; w++) for (const [, f] of cases) for (let i = 0; i < 50; i++) f();
const reps = cases.map(([, f]) => {
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) f();
  return Math.max(1, Math.round(5 / ((performance.now() - t0) / 20)));
});
const times: number[][] = cases.map(() => []);
for (let r = 0; r < rounds; r++) {
  for (let c = 0; c < cases.length; c++) {
    const f = cases[c]![1];
    const u0 = process.cpuUsage();
    for (let i = 0; i < reps[c]!; i++) f();
    const u = process.cpuUsage(u0);
    // µs per evaluation (the reference: per loop)
    times[c]!.push((u.user + u.system) / reps[c]! / (c === 0 ? 1 : POINTS));
  }
}
const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.round(p * (a.length - 1))]!;
console.log(
  `${rounds} rounds, CPU time, µs per evaluation: min, median (p25–p75), median ratio to the reference`,
);
for (let c = 0; c < cases.length; c++) {
  const t = times[c]!;
  const ratio = t.map((x, i) => x / times[0]![i]!);
  console.log(
    `${cases[c]![0].padEnd(34)} ${q(t, 0).toFixed(2).padStart(7)} ${q(t, 0.5).toFixed(2).padStart(7)} (${q(t, 0.25).toFixed(2)}–${q(t, 0.75).toFixed(2)})  ×${q(ratio, 0.5).toFixed(3)}`,
  );
}
if (!(sink > 0)) console.log('reference loop checksum unexpected');
