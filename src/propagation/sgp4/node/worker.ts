/// <reference types="node" />
/**
 * Worker of the parallel SGP4 runner (see ./index.ts): receives the shared arrays once, then
 * propagates the ranges of satellites it is given, writing straight into the shared output.
 */
import { parentPort } from 'node:worker_threads';
import { propagateCatalogueRows, type Sgp4BatchOutput } from '../propagateSgp4Batch';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol';

const port = parentPort;
if (port === null) throw new Error('this module runs as a worker thread');

let setup: WorkerSetup | undefined;
let out: Sgp4BatchOutput | undefined;

port.on('message', (msg: ToWorker) => {
  try {
    if (msg.kind === 'setup') {
      setup = msg;
      out = {
        satelliteCount: msg.satelliteCount,
        timeCount: msg.timeCount,
        xKm: msg.xKm,
        yKm: msg.yKm,
        zKm: msg.zKm,
        vxKmS: msg.vxKmS,
        vyKmS: msg.vyKmS,
        vzKmS: msg.vzKmS,
        status: msg.status,
      };
    } else if (msg.kind === 'task' && setup && out) {
      propagateCatalogueRows(
        setup.records,
        setup.recordLength,
        { timesMin: setup.timesMin, offsetsMin: setup.offsetsMin },
        msg.first,
        msg.count,
        out,
      );
    } else if (msg.kind === 'stop') {
      port.close();
      return;
    }
    port.postMessage({ kind: 'ready' } satisfies FromWorker);
  } catch (e) {
    port.postMessage({
      kind: 'error',
      message: e instanceof Error ? e.message : String(e),
    } satisfies FromWorker);
  }
});
