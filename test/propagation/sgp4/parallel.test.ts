/**
 * The worker-thread runner gives exactly the single-thread batch's numbers. Node cannot run
 * the TypeScript worker directly, so the test bundles src/propagation/sgp4/node/worker.ts
 * with esbuild (as tsup does for the package) into a temporary .mjs first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workloadTles } from '../../../bench/sgp4Workload';
import { parseTle, propagateSgp4Batch, Sgp4Satellite } from '../../../src/propagation/sgp4';
import { propagateSgp4Parallel } from '../../../src/propagation/sgp4/node';
import { Epoch } from '../../../src/time';

const WORKER_TS = fileURLToPath(
  new URL('../../../src/propagation/sgp4/node/worker.ts', import.meta.url),
);
let dir = '';
let workerUrl: URL;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'osmose-sgp4-worker-'));
  const outfile = join(dir, 'worker.mjs');
  await build({
    entryPoints: [WORKER_TS],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'silent',
  });
  workerUrl = pathToFileURL(outfile);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('propagateSgp4Parallel', () => {
  const sats = workloadTles().map((t) =>
    Sgp4Satellite.fromTle(parseTle(t.lines, { checksum: 'lenient' })),
  );
  // 21 sets × 3 = 63 satellites in chunks of 5, so work is shared unevenly across 2 workers.
  const catalogue = [...sats, ...sats, ...sats];

  it('equals the single-thread batch sample for sample (2 workers, small chunks)', async () => {
    const times = { tsinceMin: Array.from({ length: 50 }, (_, j) => -720 + j * 37.3) };
    const single = propagateSgp4Batch(catalogue, times);
    const parallel = await propagateSgp4Parallel(catalogue, times, {
      workers: 2,
      chunkSize: 5,
      workerUrl,
    });
    expect(parallel.xKm.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(parallel.status)).toEqual(Array.from(single.status));
    for (const k of ['xKm', 'yKm', 'zKm', 'vxKmS', 'vyKmS', 'vzKmS'] as const) {
      expect(Array.from(parallel[k])).toEqual(Array.from(single[k]));
    }
  });

  it('handles common instants and more workers than chunks', async () => {
    const times = { start: Epoch.fromIso('2006-06-25T00:00:00', 'UTC'), offsetsS: [0, 3600, 7200] };
    const single = propagateSgp4Batch(sats.slice(0, 3), times);
    const parallel = await propagateSgp4Parallel(sats.slice(0, 3), times, {
      workers: 4,
      workerUrl,
    });
    expect(Array.from(parallel.xKm)).toEqual(Array.from(single.xKm));
  });

  it('rejects when the worker script cannot run', async () => {
    await expect(
      propagateSgp4Parallel(
        sats.slice(0, 1),
        { tsinceMin: [0] },
        { workerUrl: pathToFileURL(join(dir, 'missing.mjs')) },
      ),
    ).rejects.toThrow();
  });
});
