/**
 * Runs every benchmark group and prints one Markdown table per group, headed by the machine
 * line, ready to paste into docs/performance.md. A benchmark never fails a test: only a broken
 * harness exits non-zero.
 *
 * Usage: `npm run bench` (or `npx tsx bench/index.ts --time=500` for a shorter run; the value
 * is the time budget per case, ms).
 */
import { machineLine } from '../scripts/machine';
import { atmosphereBenchGroups } from './atmosphere.bench';
import { ccsdsBenchGroups } from './ccsds.bench';
import { framesBenchGroups } from './frames.bench';
import { runGroup } from './harness';
import { integratorsBenchGroups } from './integrators.bench';
import { iodBenchGroups } from './iod.bench';
import { measurementsBenchGroups } from './measurements.bench';
import { odBenchGroups } from './od.bench';
import { propagationBenchGroups } from './propagation.bench';
import { sgp4BenchGroups } from './sgp4.bench';
import { timeBenchGroups } from './time.bench';

function timeBudgetMs(): number {
  const arg = process.argv.find((a) => a.startsWith('--time='));
  const value = arg === undefined ? Number.NaN : Number(arg.slice('--time='.length));
  return Number.isFinite(value) && value > 0 ? value : 1000;
}

async function main(): Promise<void> {
  const timeMs = timeBudgetMs();
  const started = Date.now();
  console.log(`# osmose benchmarks, ${new Date().toISOString().slice(0, 10)}`);
  console.log(`\nmachine: ${machineLine()}`);
  const groups = [...(await timeBenchGroups()), ...(await framesBenchGroups())];
  groups.push(...(await ccsdsBenchGroups()));
  groups.push(...(await propagationBenchGroups()));
  groups.push(...(await measurementsBenchGroups()));
  groups.push(...(await sgp4BenchGroups()));
  groups.push(...(await iodBenchGroups()));
  groups.push(...(await integratorsBenchGroups()));
  groups.push(...(await odBenchGroups()));
  groups.push(...(await atmosphereBenchGroups()));
  for (const group of groups) {
    await runGroup(group, { timeMs, warmupMs: Math.min(250, timeMs / 4) });
  }
  console.log(`\n(total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
