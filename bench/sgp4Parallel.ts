/**
 * The catalogue-scale case of the SGP4 benchmark: 20,000 objects × 1,440 epochs (one day at
 * 1 min), single-thread batch against a pool of worker threads, with the memory used.
 *
 * A run takes seconds and this machine's speed drifts from one run to the next, so the two
 * are timed in alternation: three (single, pool) pairs, each ratio computed within its pair,
 * and the median ratio reported. Both sides write into output they reuse (the steady state of
 * a service that propagates its catalogue every cycle). A one-shot pair, with fresh output and
 * `propagateSgp4Parallel` starting its own workers, is reported beside it.
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
import { propagateSgp4Parallel, Sgp4WorkerPool } from '../src/propagation/sgp4/node';
import type { BenchGroup } from './harness';
import { workloadTles } from './sgp4Workload';

export const CATALOGUE_OBJECTS = 20_000;
export const CATALOGUE_EPOCHS = 1_440;
/** Alternated (single, pool) pairs; `OSMOSE_SGP4_PAIRS` overrides (each pair takes about 35 s here). */
const PAIRS = Math.max(1, Number(process.env.OSMOSE_SGP4_PAIRS ?? 3) | 0);
const WORKERS = 2;

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
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1]! / 2 + s[s.length >> 1]! / 2;
};

interface Measured {
  readonly singleMs: number[];
  readonly poolMs: number[];
  readonly notes: string[];
}

async function measure(): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'osmose-bench-sgp4-'));
  try {
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
    const bytes = (o: { xKm: Float64Array; status: Uint8Array }) =>
      o.xKm.byteLength * 6 + o.status.byteLength;

    // One-shot pair: fresh output on both sides, workers started for the call.
    const warm = catalogue(2000);
    propagateSgp4Batch(warm, times);
    let rss0 = process.memoryUsage().rss;
    let t0 = performance.now();
    const single = propagateSgp4Batch(cat, times);
    const oneShotSingleMs = performance.now() - t0;
    notes.push(
      `one shot, 1 thread: ${(oneShotSingleMs / 1000).toFixed(1)} s, output ${mb(bytes(single))}, RSS ${signedMb(process.memoryUsage().rss - rss0)}`,
    );
    rss0 = process.memoryUsage().rss;
    t0 = performance.now();
    const shared = await propagateSgp4Parallel(cat, times, { workers: WORKERS, workerUrl });
    const oneShotPoolMs = performance.now() - t0;
    notes.push(
      `one shot, propagateSgp4Parallel (${WORKERS} workers started for the call, fresh shared output): ${(oneShotPoolMs / 1000).toFixed(1)} s, speed-up ${(oneShotSingleMs / oneShotPoolMs).toFixed(2)}×, shared output ${mb(bytes(shared))}, main-process RSS ${signedMb(process.memoryUsage().rss - rss0)} (workers share the buffers)`,
    );

    // Steady state: a warm pool, both sides refilling the output of their one-shot run.
    const pool = new Sgp4WorkerPool({ workers: WORKERS, workerUrl });
    const singleMs: number[] = [];
    const poolMs: number[] = [];
    try {
      await pool.propagate(warm, times);
      for (let k = 0; k < PAIRS; k++) {
        t0 = performance.now();
        propagateSgp4Batch(cat, times, single);
        singleMs.push(performance.now() - t0);
        t0 = performance.now();
        await pool.propagate(cat, times, { out: shared });
        poolMs.push(performance.now() - t0);
      }
    } finally {
      await pool.close();
    }
    const ratios = singleMs.map((s, k) => s / poolMs[k]!);
    notes.push(
      `steady state (warm pool of ${WORKERS}, reused output), ${PAIRS} alternated pairs: 1 thread ${singleMs.map((x) => (x / 1000).toFixed(1)).join(' / ')} s, pool ${poolMs.map((x) => (x / 1000).toFixed(1)).join(' / ')} s, speed-ups ${ratios.map((r) => r.toFixed(2)).join(' / ')}×, median ${median(ratios).toFixed(2)}×`,
    );
    return { singleMs, poolMs, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function sgp4ParallelGroup(): Promise<BenchGroup> {
  const items = CATALOGUE_OBJECTS * CATALOGUE_EPOCHS;
  let measured: Promise<Measured> | undefined;
  let notes: readonly string[] = [];
  const get = async () => {
    measured ??= measure();
    const m = await measured;
    notes = m.notes;
    return m;
  };
  return {
    title: `SGP4 catalogue, ${CATALOGUE_OBJECTS.toLocaleString('en-US')} objects × ${CATALOGUE_EPOCHS.toLocaleString('en-US')} epochs, per propagation`,
    itemsPerOp: items,
    cases: [
      {
        name: 'osmose propagateSgp4Batch, 1 thread',
        external: async () => ({
          nsPerItem: (median((await get()).singleMs) * 1e6) / items,
          label: `median of ${PAIRS} runs, reused output`,
        }),
      },
      {
        name: `osmose Sgp4WorkerPool, ${WORKERS} workers`,
        external: async () => ({
          nsPerItem: (median((await get()).poolMs) * 1e6) / items,
          label: `median of ${PAIRS} runs, alternated with the above, reused shared output`,
        }),
      },
    ],
    notes: () => notes,
  };
}
