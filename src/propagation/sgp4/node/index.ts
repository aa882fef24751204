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
  checkOutputShape,
  createSgp4BatchOutput,
  createSgp4Catalogue,
  resolveTimes,
  type Sgp4BatchOutput,
  type Sgp4BatchTimes,
  type Sgp4Catalogue,
} from '../propagateSgp4Batch';
import type { Sgp4Satellite } from '../sgp4Satellite';
import type { FromWorker, ToWorker } from './protocol';

/** Options of {@link Sgp4WorkerPool}. */
export interface Sgp4WorkerPoolOptions {
  /** Number of worker threads. Default: the available parallelism. */
  readonly workers?: number;
  /**
   * Location of the worker script. Default: `worker.js` (ESM) or `worker.cjs` (CommonJS)
   * next to this module in the built package. Set it when running from sources or after
   * re-bundling.
   */
  readonly workerUrl?: URL;
}

/** Options of one {@link Sgp4WorkerPool.propagate} call. */
export interface Sgp4PoolRunOptions {
  /** Satellites claimed by a worker at a time (workers claim chunks as they finish). Default 64. */
  readonly chunkSize?: number;
  /**
   * Output to fill, from `createSgp4BatchOutput(satellites, times, { shared: true })`; a new
   * one is allocated when omitted. Reusing one across runs spares the operating system the
   * first-touch cost of fresh pages (about 0.2 s per 1.3 GB here).
   */
  readonly out?: Sgp4BatchOutput;
}

/** Options of {@link propagateSgp4Parallel}: those of a pool and of one run. */
export interface Sgp4ParallelOptions extends Sgp4WorkerPoolOptions, Sgp4PoolRunOptions {}

declare const __dirname: string | undefined;

function defaultWorkerUrl(): URL {
  // In the CommonJS build import.meta is empty and __dirname exists; in ESM the reverse.
  if (typeof __dirname === 'string') return pathToFileURL(`${__dirname}/worker.cjs`);
  return new URL('./worker.js', import.meta.url);
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(name, value, '', 'must be a positive integer');
  }
  return value;
}

function isShared(a: ArrayBufferView): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer;
}

function shared(a: Float64Array): Float64Array {
  if (isShared(a)) return a;
  const s = new Float64Array(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

/**
 * A set of worker threads that propagate catalogues with SGP4 into shared output arrays:
 * the same numbers as `propagateSgp4Batch` (osmose/sgp4), split across cores. Workers start
 * once and serve every run until {@link Sgp4WorkerPool.close}; between runs they do not keep
 * the process alive. Runs are served one at a time, in the order asked.
 *
 * Work is shared out by chunks of satellites that the workers claim from a shared atomic
 * counter, so a worker given slow (deep-space) satellites does not hold the others back.
 *
 * @see `propagateSgp4Batch` in osmose/sgp4, which each worker runs on its chunks
 * @example
 * ```ts
 * async function twoRuns(satellites: Sgp4Satellite[]): Promise<number> {
 *   const pool = new Sgp4WorkerPool({ workers: 2 });
 *   try {
 *     const a = await pool.propagate(satellites, { tsinceMin: [0, 360] });
 *     const b = await pool.propagate(satellites, { tsinceMin: [720, 1080] });
 *     return a.xKm[1]! - b.xKm[0]!; // satellite s at time j is at index s * 2 + j
 *   } finally {
 *     await pool.close();
 *   }
 * }
 * ```
 */
export class Sgp4WorkerPool {
  /** Number of worker threads. */
  readonly workerCount: number;
  readonly #workers: Worker[] = [];
  #queue: Promise<unknown> = Promise.resolve();
  #nextJob = 0;
  #failure: Error | undefined;
  #abortRun: ((error: Error) => void) | undefined;
  #closed = false;

  /**
   * Starts the workers.
   *
   * @param options - worker count, worker script location
   * @throws InvalidArgumentError (osmose) for a worker count that is not a positive integer
   */
  constructor(options: Sgp4WorkerPoolOptions = {}) {
    this.workerCount = positiveInteger('workers', options.workers ?? availableParallelism());
    const url = options.workerUrl ?? defaultWorkerUrl();
    for (let k = 0; k < this.workerCount; k++) {
      // The workers take the process's Node options, except --input-type: it is only valid
      // with --eval and would stop a worker started from `node --input-type=module -e …`.
      const worker = new Worker(url, {
        execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
      });
      worker.unref();
      // A worker that fails to start or dies fails the pool: its current and later runs reject.
      worker.on('error', (e) => this.#fail(e));
      worker.on('exit', (code) => {
        if (!this.#closed) this.#fail(new Error(`SGP4 worker exited with code ${code}`));
      });
      this.#workers.push(worker);
    }
  }

  /**
   * Propagates a catalogue at the given times.
   *
   * @param catalogue - satellites, or a catalogue packed by `createSgp4Catalogue`
   * @param times - minutes since each epoch, or common instants (start + offsets in s)
   * @param options - chunk size, output to fill
   * @returns the filled output (SharedArrayBuffer-backed; TEME km, km/s, status per sample)
   * @throws InvalidArgumentError (osmose) for a chunk size that is not a positive integer, or an
   *   output of the wrong shape or not backed by SharedArrayBuffers; rejects when the pool is
   *   closed or a worker fails
   */
  propagate(
    catalogue: Sgp4Catalogue | readonly Sgp4Satellite[],
    times: Sgp4BatchTimes,
    options: Sgp4PoolRunOptions = {},
  ): Promise<Sgp4BatchOutput> {
    const chunkSize = positiveInteger('chunkSize', options.chunkSize ?? 64);
    const cat = Array.isArray(catalogue)
      ? createSgp4Catalogue(catalogue as readonly Sgp4Satellite[])
      : (catalogue as Sgp4Catalogue);
    const resolved = resolveTimes(cat.epochs, times);
    const n = resolved.timesMin.length;
    const out = options.out ?? createSgp4BatchOutput(cat.count, n, { shared: true });
    checkOutputShape(out, cat.count, n);
    const columns = [out.xKm, out.yKm, out.zKm, out.vxKmS, out.vyKmS, out.vzKmS, out.status];
    if (!columns.every(isShared)) {
      throw new InvalidArgumentError(
        'out',
        'ArrayBuffer',
        '',
        'must be backed by SharedArrayBuffers (createSgp4BatchOutput with { shared: true })',
      );
    }
    const job: Omit<ToWorker, 'id'> = {
      kind: 'job',
      records: shared(cat.records),
      recordLength: cat.recordLength,
      timesMin: shared(resolved.timesMin),
      offsetsMin: shared(resolved.offsetsMin),
      counter: new Int32Array(new SharedArrayBuffer(4)),
      chunkSize,
      satelliteCount: out.satelliteCount,
      timeCount: out.timeCount,
      xKm: out.xKm,
      yKm: out.yKm,
      zKm: out.zKm,
      vxKmS: out.vxKmS,
      vyKmS: out.vyKmS,
      vzKmS: out.vzKmS,
      status: out.status,
    };
    const run = async (): Promise<Sgp4BatchOutput> => {
      if (cat.count > 0 && n > 0) await this.#run({ ...job, id: this.#nextJob++ });
      return out;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Stops the workers. Runs already asked for finish first; later ones reject.
   *
   * @returns when every worker has stopped
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#queue;
    this.#closed = true;
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#abortRun?.(this.#failure);
  }

  #run(job: ToWorker): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the SGP4 worker pool is closed'));
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<void>((resolve, reject) => {
      let pending = this.#workers.length;
      let failure: Error | undefined;
      const listeners: (() => void)[] = [];
      const settle = (error?: Error) => {
        this.#abortRun = undefined;
        for (const remove of listeners) remove();
        for (const w of this.#workers) w.unref();
        if (error) reject(error);
        else resolve();
      };
      this.#abortRun = settle;
      for (const w of this.#workers) {
        // Every worker answers each job once (done or error); the run settles when all have,
        // so that no worker of a failed run still writes into an output the next run reuses.
        const onMessage = (msg: FromWorker) => {
          if (msg.id !== job.id) return;
          if (msg.kind === 'error') failure ??= new Error(`SGP4 worker failed: ${msg.message}`);
          if (--pending === 0) settle(failure);
        };
        w.on('message', onMessage);
        listeners.push(() => w.off('message', onMessage));
        w.ref();
        w.postMessage(job);
      }
    });
  }
}

/**
 * Propagates a catalogue with SGP4 on worker threads, into shared output arrays: the same
 * numbers as `propagateSgp4Batch` (osmose/sgp4), split across cores. Starts a
 * {@link Sgp4WorkerPool} for this one run and stops it after; keep a pool for repeated runs.
 *
 * @param catalogue - satellites, or a catalogue packed by `createSgp4Catalogue`
 * @param times - minutes since each epoch, or common instants (start + offsets in s)
 * @param options - worker count, chunk size, worker script location, output to fill
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
  const chunkSize = positiveInteger('chunkSize', options.chunkSize ?? 64);
  const count = Array.isArray(catalogue) ? catalogue.length : (catalogue as Sgp4Catalogue).count;
  const workers =
    options.workers ?? Math.max(1, Math.min(availableParallelism(), Math.ceil(count / chunkSize)));
  const pool = new Sgp4WorkerPool({ workers, workerUrl: options.workerUrl });
  try {
    return await pool.propagate(catalogue, times, { chunkSize, out: options.out });
  } finally {
    await pool.close();
  }
}
