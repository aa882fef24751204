/**
 * Messages between the parallel runner and its workers. The catalogue, the times and the
 * output columns live in SharedArrayBuffers; a message only names a range of satellites.
 */
import type { Sgp4BatchOutput } from '../propagateSgp4Batch';

/** Sent once to each worker: the shared arrays (the catalogue, the times, the output columns). */
export interface WorkerSetup extends Sgp4BatchOutput {
  readonly kind: 'setup';
  readonly records: Float64Array;
  readonly recordLength: number;
  readonly timesMin: Float64Array;
  readonly offsetsMin: Float64Array;
}

/** A range of satellites to propagate. */
export interface WorkerTask {
  readonly kind: 'task';
  readonly first: number;
  readonly count: number;
}

/** Sent to a worker when no work is left. */
export interface WorkerStop {
  readonly kind: 'stop';
}

export type ToWorker = WorkerSetup | WorkerTask | WorkerStop;

/** A worker's answer: ready for a task (after setup or after finishing one), or a failure. */
export type FromWorker =
  | { readonly kind: 'ready' }
  | { readonly kind: 'error'; readonly message: string };
