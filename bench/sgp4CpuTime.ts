/**
 * SGP4 against satellite.js in CPU time, for shared or loaded machines where wall-clock
 * benchmarks wander: each subset of the workload (all 21 / near-Earth 6 / deep-space 15, see
 * sgp4Workload.ts) runs in a fresh process (so that neither library's JIT has seen the other
 * subsets), the two libraries alternate, and the best of N rounds of process CPU time is kept.
 *
 * Usage: `npx tsx bench/sgp4CpuTime.ts [rounds]` (default 8).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sgp4, twoline2satrec } from 'satellite.js';
import { machineLine } from '../scripts/machine';
import {
  createSgp4BatchOutput,
  createSgp4Catalogue,
  parseTle,
  propagateSgp4Batch,
  Sgp4Satellite,
} from '../src/propagation/sgp4';
import { workloadTimesMin, workloadTles } from './sgp4Workload';

type Subset = 'all' | 'near' | 'deep';

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function measure(subset: Subset, rounds: number): string {
  const times = workloadTimesMin();
  const sel = workloadTles().filter((t) => subset === 'all' || (subset === 'deep') === t.deep);
  const satrecs = sel.map((t) => twoline2satrec(t.lines[0], t.lines[1]));
  const cat = createSgp4Catalogue(
    sel.map((t) => Sgp4Satellite.fromTle(parseTle(t.lines, { checksum: 'lenient' }))),
  );
  const out = createSgp4BatchOutput(cat.count, times.length);
  const n = sel.length * times.length;
  let bestS = Number.POSITIVE_INFINITY;
  let bestO = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    let t0 = cpuMs();
    for (const rec of satrecs) {
      for (let j = 0; j < times.length; j++) {
        const p = sgp4(rec, times[j]!);
        if (p && typeof p.position === 'object') sink += p.position.x;
      }
    }
    bestS = Math.min(bestS, cpuMs() - t0);
    t0 = cpuMs();
    propagateSgp4Batch(cat, { tsinceMin: times }, out);
    bestO = Math.min(bestO, cpuMs() - t0);
  }
  const rate = (ms: number) => (n / ms / 1e3).toFixed(2);
  return `| ${subset} | ${rate(bestS)} | ${rate(bestO)} | ${(bestS / bestO).toFixed(2)}× |${sink === 0 ? ' ' : ''}`;
}

const [, , first = '8', second] = process.argv;
if (second === 'all' || second === 'near' || second === 'deep') {
  console.log(measure(second, Number(first)));
} else {
  console.log(`machine: ${machineLine()}\n`);
  console.log(
    '| subset | satellite.js 7.1.0 sgp4(), M/s | osmose propagateSgp4Batch, M/s | ratio |',
  );
  console.log('| ------ | -----: | -----: | ----: |');
  const self = fileURLToPath(import.meta.url);
  for (const s of ['all', 'near', 'deep'] as const) {
    const line = execFileSync(process.execPath, [...process.execArgv, self, first, s], {
      encoding: 'utf8',
    });
    console.log(line.trim());
  }
}
