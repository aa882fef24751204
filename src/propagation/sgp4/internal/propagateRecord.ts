import { deepSpaceRun } from './deepSpace';
import * as L from './layout';
import { nearEarthRun } from './nearEarth';
import type { StateColumns } from './shortPeriodic';

/**
 * Runs SGP4 or SDP4 for one record over a run of times (see nearEarthRun / deepSpaceRun).
 */
export function propagateRecordRun(
  r: Float64Array,
  o: number,
  times: ArrayLike<number>,
  tFirst: number,
  count: number,
  tOffsetMin: number,
  c: StateColumns,
  status: Uint8Array,
  outFirst: number,
): void {
  if (r[o + L.DEEP] === 1) {
    deepSpaceRun(r, o, times, tFirst, count, tOffsetMin, c, status, outFirst);
  } else {
    nearEarthRun(r, o, times, tFirst, count, tOffsetMin, c, status, outFirst);
  }
}

/**
 * The arrays of single-sample propagation, reused by every call on one satellite (calls are
 * synchronous and never nested): the kernels write into columns of one sample, and typed
 * arrays cost far more to allocate than the sample costs to compute.
 */
export class SingleSampleScratch {
  private readonly columns: StateColumns = {
    x: new Float64Array(1),
    y: new Float64Array(1),
    z: new Float64Array(1),
    vx: new Float64Array(1),
    vy: new Float64Array(1),
    vz: new Float64Array(1),
  };
  private readonly status = new Uint8Array(1);
  private readonly times = new Float64Array(1);

  /**
   * One sample of record `r` (at offset `o`): writes [x, y, z, vx, vy, vz] (km, km/s, TEME)
   * to `out` and returns the status.
   */
  run(out: Float64Array | number[], r: Float64Array, o: number, tsinceMin: number): number {
    this.times[0] = tsinceMin;
    const c = this.columns;
    propagateRecordRun(r, o, this.times, 0, 1, 0, c, this.status, 0);
    out[0] = c.x[0]!;
    out[1] = c.y[0]!;
    out[2] = c.z[0]!;
    out[3] = c.vx[0]!;
    out[4] = c.vy[0]!;
    out[5] = c.vz[0]!;
    return this.status[0]!;
  }
}

/**
 * One sample: writes [x, y, z, vx, vy, vz] (km, km/s, TEME) to `out` and returns the status.
 */
export function propagateRecordInto(
  out: Float64Array,
  r: Float64Array,
  o: number,
  tsinceMin: number,
): number {
  const c: StateColumns = {
    x: out.subarray(0, 1),
    y: out.subarray(1, 2),
    z: out.subarray(2, 3),
    vx: out.subarray(3, 4),
    vy: out.subarray(4, 5),
    vz: out.subarray(5, 6),
  };
  const status = new Uint8Array(1);
  // A Float64Array, like the batch's times, so that the kernels see one element kind.
  propagateRecordRun(r, o, Float64Array.of(tsinceMin), 0, 1, 0, c, status, 0);
  return status[0]!;
}
