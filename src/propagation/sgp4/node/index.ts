/// <reference types="node" />
/**
 * Node-only: SGP4 over a catalogue split across worker threads. Separate subpath
 * (`osmose/sgp4/node`) because it imports `node:worker_threads`; nothing else in osmose
 * re-exports it.
 *
 * @packageDocumentation
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InvalidArgumentError } from '../../../errors';
import {
  createSgp4BatchOutput,
  createSgp4Catalogue,
  resolveTimes,
  type Sgp4BatchOutput,
  type Sgp4BatchTimes,
  type Sgp4Catalogue,
} from '../propagateSgp4Batch';
import type { Sgp4Satellite } from '../sgp4Satellite';
import type { FromWorker, ToWorker } from './protocol';

/** Options of {@link propagateSgp4Parallel}. */
export interface Sgp4ParallelOptions {
  /** Number of worker threads. Default: the available parallelism, at most one per 64 satellites. */
  readonly workers?: number;
  /** Satellites handed to a worker at a time (work is shared out as workers finish). Default 64. */
  readonly chunkSize?: number;
  /**
   * Location of the worker script. Default: `worker.js` (ESM) or `worker.cjs` (CommonJS)
   * next to this module in the built package. Set it when running from sources or after
   * re-bundling.
   */
  readonly workerUrl?: URL;
}

declare const __dirname: string | undefined;

function defaultWorkerUrl(): URL {
  // In the CommonJS build import.meta is empty and __dirname exists; in ESM the reverse.
  if (typeof __dirname === 'string') return pathToFileURL(`${__dirname}/worker.cjs`);
  return new URL('./worker.js', import.meta.url);
}

/**
 * Propagates a catalogue with SGP4 on worker threads, into shared output arrays: the same
 * numbers as `propagateSgp4Batch` (osmose/sgp4), split across cores.
 *
 * @param catalogue - satellites, or a catalogue packed by `createSgp4Catalogue`
 * @param times - minutes since each epoch, or common instants (start + offsets in s)
 * @param options - worker count, chunk size, worker script location
 * @returns the filled output (SharedArrayBuffer-backed; TEME km, km/s, status per sample)
 * @throws InvalidArgumentError (osmose) for a worker count or chunk size that is not a
 *   positive integer; rejects when a worker fails
 * @see `propagateSgp4Batch` in osmose/sgp4, which this splits across threads
 * @example
 * ```ts
 * // In the built package the worker script is found next to this module.
 * async function catalogueX(satellites: Sgp4Satellite[]): Promise<Float64Array> {
 *   const out = await propagateSgp4Parallel(satellites, { tsinceMin: [0, 360] }, { workers: 2 });
 *   return out.xKm; // satellite s at time j is at index s * 2 + j
 * }
 * ```
 */
export async function propagateSgp4Parallel(
  catalogue: Sgp4Catalogue | readonly Sgp4Satellite[],
  times: Sgp4BatchTimes,
  options: Sgp4ParallelOptions = {},
): Promise<Sgp4BatchOutput> {
  const cat = Array.isArray(catalogue)
    ? createSgp4Catalogue(catalogue as readonly Sgp4Satellite[])
    : (catalogue as Sgp4Catalogue);
  const chunkSize = options.chunkSize ?? 64;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new InvalidArgumentError('chunkSize', chunkSize, '', 'must be a positive integer');
  }
  const workerCount =
    options.workers ??
    Math.max(1, Math.min(availableParallelism(), Math.ceil(cat.count / chunkSize)));
  if (!Number.isInteger(workerCount) || workerCount < 1) {
    throw new InvalidArgumentError('workers', workerCount, '', 'must be a positive integer');
  }
  const resolved = resolveTimes(cat.epochs, times);
  const n = resolved.timesMin.length;
  const out = createSgp4BatchOutput(cat.count, n, { shared: true });
  if (cat.count === 0 || n === 0) return out;
  const share = (a: Float64Array) => {
    const s = new Float64Array(new SharedArrayBuffer(a.byteLength));
    s.set(a);
    return s;
  };
  const setup: ToWorker = {
    kind: 'setup',
    records: share(cat.records),
    recordLength: cat.recordLength,
    timesMin: share(resolved.timesMin),
    offsetsMin: share(resolved.offsetsMin),
    satelliteCount: cat.count,
    timeCount: n,
    xKm: out.xKm,
    yKm: out.yKm,
    zKm: out.zKm,
    vxKmS: out.vxKmS,
    vyKmS: out.vyKmS,
    vzKmS: out.vzKmS,
    status: out.status,
  };
  const url = options.workerUrl ?? defaultWorkerUrl();
  let next = 0;
  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(url);
      let settled = false;
      const finish = (err?: Error) => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        if (err) reject(err);
        else resolve();
      };
      worker.on('message', (msg: FromWorker) => {
        if (msg.kind === 'error') {
          finish(new Error(`SGP4 worker failed: ${msg.message}`));
          return;
        }
        if (next >= cat.count) {
          worker.postMessage({ kind: 'stop' } satisfies ToWorker);
          finish();
          return;
        }
        const first = next;
        const count = Math.min(chunkSize, cat.count - first);
        next += count;
        worker.postMessage({ kind: 'task', first, count } satisfies ToWorker);
      });
      worker.on('error', (e) => finish(e));
      worker.on('exit', (code) => {
        if (!settled) finish(new Error(`SGP4 worker exited with code ${code} before finishing`));
      });
      worker.postMessage(setup);
    });
  await Promise.all(Array.from({ length: workerCount }, runOne));
  return out;
}
