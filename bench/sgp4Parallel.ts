/**
 * The catalogue-scale case of the SGP4 benchmark: 20,000 objects × 1,440 epochs (one day at
 * 1 min), single-thread batch against the worker-thread runner, with the memory used.
 * Each figure is one timed run (a run takes seconds), after one warm-up run on a tenth of
 * the catalogue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  createSgp4Catalogue,
  parseTle,
  propagateSgp4Batch,
  Sgp4Satellite,
} from '../src/propagation/sgp4';
import { propagateSgp4Parallel } from '../src/propagation/sgp4/node';
import type { BenchGroup } from './harness';
import { workloadTles } from './sgp4Workload';

export const CATALOGUE_OBJECTS = 20_000;
export const CATALOGUE_EPOCHS = 1_440;

function catalogue(count: number) {
  const base = workloadTles().map((t) => parseTle(t.lines, { checksum: 'lenient' }));
  const sats = Array.from({ length: count }, (_, k) => {
    const e = base[k % base.length]!;
    return Sgp4Satellite.fromTle({ ...e, meanAnomalyDeg: (e.meanAnomalyDeg + k * 0.0173) % 360 });
  });
  return createSgp4Catalogue(sats);
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const signedMb = (bytes: number) => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;

export async function sgp4ParallelGroup(): Promise<BenchGroup> {
  const dir = mkdtempSync(join(tmpdir(), 'osmose-bench-sgp4-'));
  const workerFile = join(dir, 'worker.mjs');
  await build({
    entryPoints: [
      fileURLToPath(new URL('../src/propagation/sgp4/node/worker.ts', import.meta.url)),
    ],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: workerFile,
    logLevel: 'silent',
  });
  const workerUrl = pathToFileURL(workerFile);
  const cat = catalogue(CATALOGUE_OBJECTS);
  const times = { tsinceMin: Float64Array.from({ length: CATALOGUE_EPOCHS }, (_, j) => j) };
  const notes: string[] = [];
  const items = CATALOGUE_OBJECTS * CATALOGUE_EPOCHS;
  let singleNs = 0;
  return {
    title: `SGP4 catalogue, ${CATALOGUE_OBJECTS.toLocaleString('en-US')} objects × ${CATALOGUE_EPOCHS.toLocaleString('en-US')} epochs, per propagation`,
    itemsPerOp: items,
    cases: [
      {
        name: 'osmose propagateSgp4Batch, 1 thread',
        external: async () => {
          propagateSgp4Batch(catalogue(2000), times);
          const rss0 = process.memoryUsage().rss;
          const t0 = performance.now();
          const out = propagateSgp4Batch(cat, times);
          const ms = performance.now() - t0;
          notes.push(
            `1 thread: ${(ms / 1000).toFixed(1)} s, output ${mb(out.xKm.byteLength * 6 + out.status.byteLength)}, RSS ${signedMb(process.memoryUsage().rss - rss0)}`,
          );
          singleNs = (ms * 1e6) / items;
          return { nsPerItem: singleNs, label: 'one run' };
        },
      },
      ...[2].map((workers) => ({
        name: `osmose propagateSgp4Parallel, ${workers} workers`,
        external: async () => {
          await propagateSgp4Parallel(catalogue(2000), times, { workers, workerUrl });
          const rss0 = process.memoryUsage().rss;
          const t0 = performance.now();
          const out = await propagateSgp4Parallel(cat, times, { workers, workerUrl });
          const ms = performance.now() - t0;
          const ns = (ms * 1e6) / items;
          notes.push(
            `${workers} workers: ${(ms / 1000).toFixed(1)} s, speed-up ${(singleNs / ns).toFixed(2)}× over 1 thread, shared output ${mb(out.xKm.byteLength * 6 + out.status.byteLength)}, main-process RSS ${signedMb(process.memoryUsage().rss - rss0)} (workers share the buffers)`,
          );
          rmSync(dir, { recursive: true, force: true });
          return { nsPerItem: ns, label: 'one run' };
        },
      })),
    ],
    notes: () => notes,
  };
}
