/**
 * The worker-thread runner gives exactly the single-thread batch's numbers. Node cannot run
 * the TypeScript worker directly, so the test bundles src/propagation/sgp4/node/worker.ts
 * with esbuild (as tsup does for the package) into a temporary .mjs first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workloadTles } from '../../../bench/sgp4Workload';
import { InvalidArgumentError } from '../../../src/errors';
import {
  createSgp4BatchOutput,
  createSgp4Catalogue,
  parseTle,
  propagateSgp4Batch,
  Sgp4Satellite,
} from '../../../src/propagation/sgp4';
import { propagateSgp4Parallel, Sgp4WorkerPool } from '../../../src/propagation/sgp4/node';
import { Epoch } from '../../../src/time';

const WORKER_TS = fileURLToPath(
  new URL('../../../src/propagation/sgp4/node/worker.ts', import.meta.url),
);
const INDEX_TS = fileURLToPath(
  new URL('../../../src/propagation/sgp4/node/index.ts', import.meta.url),
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
  await build({
    entryPoints: [INDEX_TS],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: join(dir, 'index.mjs'),
    logLevel: 'silent',
  });
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

describe('Sgp4WorkerPool', () => {
  const sats = workloadTles().map((t) =>
    Sgp4Satellite.fromTle(parseTle(t.lines, { checksum: 'lenient' })),
  );
  const catalogue = createSgp4Catalogue([...sats, ...sats]);
  const times = (t0: number) => ({ tsinceMin: Array.from({ length: 20 }, (_, j) => t0 + j * 61) });

  it('serves several runs, into new or reused output, each equal to the single-thread batch', async () => {
    const pool = new Sgp4WorkerPool({ workers: 2, workerUrl });
    try {
      const out = createSgp4BatchOutput(catalogue.count, 20, { shared: true });
      // Two runs asked at once are served in turn; the second refills the same output.
      const [a, b] = await Promise.all([
        pool.propagate(catalogue, times(0), { chunkSize: 3 }),
        pool.propagate(catalogue, times(-500), { chunkSize: 7, out }),
      ]);
      expect(b).toBe(out);
      expect(Array.from(a.yKm)).toEqual(Array.from(propagateSgp4Batch(catalogue, times(0)).yKm));
      const expected = propagateSgp4Batch(catalogue, times(-500));
      expect(Array.from(out.vzKmS)).toEqual(Array.from(expected.vzKmS));
      await pool.propagate(catalogue, times(3000), { out });
      expect(Array.from(out.xKm)).toEqual(
        Array.from(propagateSgp4Batch(catalogue, times(3000)).xKm),
      );
      expect(Array.from(out.status)).toEqual(
        Array.from(propagateSgp4Batch(catalogue, times(3000)).status),
      );
    } finally {
      await pool.close();
    }
  });

  it('refuses an output of the wrong shape or not shared, and bad counts, naming the value', async () => {
    const pool = new Sgp4WorkerPool({ workers: 1, workerUrl });
    try {
      expect(() =>
        pool.propagate(catalogue, times(0), {
          out: createSgp4BatchOutput(2, 20, { shared: true }),
        }),
      ).toThrow(/out.*2 × 20.*must be 42 satellites × 20 times/);
      expect(() =>
        pool.propagate(catalogue, times(0), { out: createSgp4BatchOutput(42, 20) }),
      ).toThrow(InvalidArgumentError);
      expect(() => pool.propagate(catalogue, times(0), { chunkSize: 0 })).toThrow(/chunkSize/);
    } finally {
      await pool.close();
    }
    expect(() => new Sgp4WorkerPool({ workers: 1.5, workerUrl })).toThrow(/workers.*1\.5/);
  });

  it('rejects runs after close, and every run once a worker has failed', async () => {
    const pool = new Sgp4WorkerPool({ workers: 1, workerUrl });
    await pool.close();
    await expect(pool.propagate(catalogue, times(0))).rejects.toThrow(/closed/);
    const broken = new Sgp4WorkerPool({
      workers: 2,
      workerUrl: pathToFileURL(join(dir, 'missing.mjs')),
    });
    await expect(broken.propagate(catalogue, times(0))).rejects.toThrow();
    await expect(broken.propagate(catalogue, times(0))).rejects.toThrow();
    await broken.close();
  });

  it('does not keep the process alive between runs when never closed', () => {
    // A script that runs once and forgets close(): node must exit by itself (a hang would be
    // cut by the timeout and fail the test). The catalogue is one packed record; with
    // minutes since epoch, the epochs only count the satellites.
    const one = createSgp4Catalogue(sats.slice(0, 1));
    const script = join(dir, 'forget-close.mjs');
    writeFileSync(
      script,
      [
        `import { Sgp4WorkerPool } from ${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)};`,
        `const pool = new Sgp4WorkerPool({ workers: 2, workerUrl: new URL(${JSON.stringify(workerUrl.href)}) });`,
        `const records = Float64Array.from(${JSON.stringify(Array.from(one.records))});`,
        `const cat = { count: 1, records, recordLength: ${one.recordLength}, epochs: [0] };`,
        'const out = await pool.propagate(cat, { tsinceMin: [0, 60] });',
        "console.log('x ' + out.xKm[1]);",
      ].join('\n'),
    );
    const stdout = execFileSync(process.execPath, [script], { timeout: 20_000, encoding: 'utf8' });
    const expected = `x ${propagateSgp4Batch(one, { tsinceMin: [0, 60] }).xKm[1]}`;
    expect(stdout.trim()).toBe(expected);
    // The same script given with --eval: the workers must not inherit --input-type.
    const evaluated = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', readFileSync(script, 'utf8')],
      { timeout: 20_000, encoding: 'utf8' },
    );
    expect(evaluated.trim()).toBe(expected);
  });
});
