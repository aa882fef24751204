/**
 * Messages between the parallel runner and its workers. The catalogue, the times and the
 * output columns live in SharedArrayBuffers; a message only names a range of satellites.
 */

/** Sent once to each worker: the shared arrays. */
export interface WorkerSetup {
  readonly kind: 'setup';
  readonly records: Float64Array;
  readonly recordLength: number;
  readonly timesMin: Float64Array;
  readonly offsetsMin: Float64Array;
  readonly satelliteCount: number;
  readonly timeCount: number;
  readonly xKm: Float64Array;
  readonly yKm: Float64Array;
  readonly zKm: Float64Array;
  readonly vxKmS: Float64Array;
  readonly vyKmS: Float64Array;
  readonly vzKmS: Float64Array;
  readonly status: Uint8Array;
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
