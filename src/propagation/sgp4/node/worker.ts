/// <reference types="node" />
/**
 * Worker of the parallel SGP4 runner (see ./index.ts): for each job, claims chunks of
 * satellites from the shared counter and propagates them straight into the shared output.
 */
import { parentPort } from 'node:worker_threads';
import { propagateCatalogueRows } from '../propagateSgp4Batch';
import type { FromWorker, ToWorker } from './protocol';

const port = parentPort;
if (port === null) throw new Error('this module runs as a worker thread');

port.on('message', (job: ToWorker) => {
  try {
    const times = { timesMin: job.timesMin, offsetsMin: job.offsetsMin };
    for (;;) {
      const first = Atomics.add(job.counter, 0, 1) * job.chunkSize;
      if (first >= job.satelliteCount) break;
      const count = Math.min(job.chunkSize, job.satelliteCount - first);
      propagateCatalogueRows(job.records, job.recordLength, times, first, count, job);
    }
    port.postMessage({ kind: 'done', id: job.id } satisfies FromWorker);
  } catch (e) {
    port.postMessage({
      kind: 'error',
      id: job.id,
      message: e instanceof Error ? e.message : String(e),
    } satisfies FromWorker);
  }
});
