/**
 * Runs only the catalogue-scale SGP4 case (bench/sgp4Parallel.ts), which `npm run bench` also
 * runs: `npx tsx bench/sgp4ParallelOnly.ts`. Measure on an otherwise idle machine.
 */
import { machineLine } from '../scripts/machine';
import { runGroup } from './harness';
import { sgp4ParallelGroup } from './sgp4Parallel';

console.log(`machine: ${machineLine()}`);
await runGroup(await sgp4ParallelGroup(), { timeMs: 1000, warmupMs: 250 });
