/**
 * Messages between the parallel runner and its workers. The catalogue, the times, the output
 * columns and the work counter live in SharedArrayBuffers; a job message only hands them over.
 */
import type { Sgp4BatchOutput } from '../propagateSgp4Batch';

/**
 * One propagation job: the shared arrays and a shared counter of chunks. Each worker claims
 * the next chunk with an atomic increment of `counter[0]` until none is left, then answers.
 */
export interface WorkerJob extends Sgp4BatchOutput {
  readonly kind: 'job';
  /** Number of the job, echoed in the answer. */
  readonly id: number;
  readonly records: Float64Array;
  readonly recordLength: number;
  readonly timesMin: Float64Array;
  readonly offsetsMin: Float64Array;
  /** Index of the next chunk to claim (one Int32 slot, shared by all workers of the job). */
  readonly counter: Int32Array;
  /** Satellites per chunk. */
  readonly chunkSize: number;
}

export type ToWorker = WorkerJob;

/** A worker's answer to job `id`: finished (no chunk left), or failed. */
export type FromWorker =
  | { readonly kind: 'done'; readonly id: number }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };
