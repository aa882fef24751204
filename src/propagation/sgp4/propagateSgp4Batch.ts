import { InvalidArgumentError } from '../../errors';
import type { Epoch } from '../../time';
import * as L from './internal/layout';
import { propagateRecordRun } from './internal/propagateRecord';
import type { Sgp4Satellite } from './sgp4Satellite';
import { tleEpoch } from './tleEpoch';

/**
 * A catalogue packed for batch propagation: every satellite's record in one Float64Array
 * (transferable to a worker), with their epochs.
 */
export interface Sgp4Catalogue {
  /** Number of satellites. */
  readonly count: number;
  /** The records, one after the other (opaque layout). */
  readonly records: Float64Array;
  /** Slots per record. */
  readonly recordLength: number;
  /** Epoch of each satellite's element set. */
  readonly epochs: readonly Epoch[];
}

/**
 * Packs satellites into one {@link Sgp4Catalogue}.
 *
 * @param satellites - the satellites, in the order of the output rows
 * @returns the packed catalogue
 * @example
 * ```ts
 * const sat = Sgp4Satellite.fromTle(parseTle([
 *   '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
 *   '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
 * ]));
 * createSgp4Catalogue([sat, sat]).count; // 2
 * ```
 */
export function createSgp4Catalogue(satellites: readonly Sgp4Satellite[]): Sgp4Catalogue {
  const records = new Float64Array(satellites.length * L.RECORD_LENGTH);
  satellites.forEach((s, k) => {
    records.set(s.record, k * L.RECORD_LENGTH);
  });
  return {
    count: satellites.length,
    records,
    recordLength: L.RECORD_LENGTH,
    epochs: satellites.map((s) => tleEpoch(s.elements)),
  };
}

/**
 * Output of a batch, struct of arrays: sample (satellite s, time j) is at index
 * `s * timeCount + j` of every array.
 */
export interface Sgp4BatchOutput {
  /** Number of satellites (rows). */
  readonly satelliteCount: number;
  /** Number of times (columns). */
  readonly timeCount: number;
  /** TEME position x, km. */
  readonly xKm: Float64Array;
  /** TEME position y, km. */
  readonly yKm: Float64Array;
  /** TEME position z, km. */
  readonly zKm: Float64Array;
  /** TEME velocity x, km/s. */
  readonly vxKmS: Float64Array;
  /** TEME velocity y, km/s. */
  readonly vyKmS: Float64Array;
  /** TEME velocity z, km/s. */
  readonly vzKmS: Float64Array;
  /** {@link Sgp4Status} of each sample. */
  readonly status: Uint8Array;
}

/** Options of {@link createSgp4BatchOutput}. */
export interface Sgp4BatchOutputOptions {
  /** Back the arrays with SharedArrayBuffers, so that workers can fill them. Default false. */
  readonly shared?: boolean;
}

/**
 * Allocates the output arrays of a batch.
 *
 * @param satelliteCount - number of satellites
 * @param timeCount - number of times
 * @param options - whether the buffers are shared
 * @returns zeroed arrays of satelliteCount × timeCount samples (49 bytes a sample)
 * @throws {@link InvalidArgumentError} for a count that is not a non-negative integer
 * @example
 * ```ts
 * createSgp4BatchOutput(2, 3).xKm.length; // 6
 * ```
 */
export function createSgp4BatchOutput(
  satelliteCount: number,
  timeCount: number,
  options: Sgp4BatchOutputOptions = {},
): Sgp4BatchOutput {
  for (const [name, v] of [
    ['satelliteCount', satelliteCount],
    ['timeCount', timeCount],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) {
      throw new InvalidArgumentError(name, v, '', 'must be a non-negative integer');
    }
  }
  const n = satelliteCount * timeCount;
  const f64 = () =>
    options.shared ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
  return {
    satelliteCount,
    timeCount,
    xKm: f64(),
    yKm: f64(),
    zKm: f64(),
    vxKmS: f64(),
    vyKmS: f64(),
    vzKmS: f64(),
    status: options.shared ? new Uint8Array(new SharedArrayBuffer(n)) : new Uint8Array(n),
  };
}

/**
 * The times of a batch: minutes since each satellite's own epoch (`tsinceMin`, the same
 * offsets for every satellite), or common instants given as a start and offsets in seconds.
 */
export type Sgp4BatchTimes =
  | {
      /** Minutes since each satellite's own epoch, the same for every satellite. */
      readonly tsinceMin: ArrayLike<number>;
    }
  | {
      /** The common instant the offsets count from. */
      readonly start: Epoch;
      /** Seconds after `start`, s. */
      readonly offsetsS: ArrayLike<number>;
    };

/** Resolved times: one array in minutes, plus a per-satellite offset in minutes. */
export interface ResolvedTimes {
  readonly timesMin: Float64Array;
  readonly offsetsMin: Float64Array;
}

/**
 * The times of a batch as minutes, with each satellite's offset (minutes from its epoch to
 * the common start; 0 for `tsinceMin`).
 *
 * @internal
 */
export function resolveTimes(epochs: readonly Epoch[], times: Sgp4BatchTimes): ResolvedTimes {
  const offsetsMin = new Float64Array(epochs.length);
  if ('tsinceMin' in times) {
    return { timesMin: Float64Array.from(times.tsinceMin), offsetsMin };
  }
  const timesMin = Float64Array.from(times.offsetsS, (s) => s / 60);
  epochs.forEach((e, k) => {
    offsetsMin[k] = times.start.secondsSince(e) / 60;
  });
  return { timesMin, offsetsMin };
}

/**
 * Propagates satellites `first … first + count − 1` of a packed catalogue into rows
 * `first …` of `out`. The kernel of {@link propagateSgp4Batch} and of the worker runner.
 *
 * @internal
 */
export function propagateCatalogueRows(
  records: Float64Array,
  recordLength: number,
  resolved: ResolvedTimes,
  first: number,
  count: number,
  out: Sgp4BatchOutput,
): void {
  const n = resolved.timesMin.length;
  const columns = {
    x: out.xKm,
    y: out.yKm,
    z: out.zKm,
    vx: out.vxKmS,
    vy: out.vyKmS,
    vz: out.vzKmS,
  };
  for (let s = first; s < first + count; s++) {
    propagateRecordRun(
      records,
      s * recordLength,
      resolved.timesMin,
      0,
      n,
      resolved.offsetsMin[s]!,
      columns,
      out.status,
      s * n,
    );
  }
}

/**
 * Propagates many satellites at many times into preallocated arrays (struct of arrays),
 * with a status per sample; nothing throws once the inputs are checked.
 *
 * @param catalogue - satellites, or a catalogue packed by {@link createSgp4Catalogue}
 * @param times - minutes since each epoch, or common instants (start + offsets in s)
 * @param out - output arrays; allocated when omitted
 * @returns `out`, filled: TEME km and km/s, NaN where the status is 1–4
 * @throws {@link InvalidArgumentError} when `out` does not have the shape satellites × times
 * @see Vallado et al. (2006), AIAA 2006-6753, for the propagator and its status codes
 * @example
 * ```ts
 * const sat = Sgp4Satellite.fromTle(parseTle([
 *   '1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753',
 *   '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667',
 * ]));
 * const out = propagateSgp4Batch([sat], { tsinceMin: [0, 360] });
 * out.xKm[1]; // ≈ -7154.03120202
 * ```
 */
export function propagateSgp4Batch(
  catalogue: Sgp4Catalogue | readonly Sgp4Satellite[],
  times: Sgp4BatchTimes,
  out?: Sgp4BatchOutput,
): Sgp4BatchOutput {
  const cat = isCatalogue(catalogue) ? catalogue : createSgp4Catalogue(catalogue);
  const resolved = resolveTimes(cat.epochs, times);
  const n = resolved.timesMin.length;
  const target = out ?? createSgp4BatchOutput(cat.count, n);
  checkOutputShape(target, cat.count, n);
  propagateCatalogueRows(cat.records, cat.recordLength, resolved, 0, cat.count, target);
  return target;
}

/**
 * Throws unless `out` holds satelliteCount × timeCount samples.
 *
 * @internal
 */
export function checkOutputShape(
  out: Sgp4BatchOutput,
  satelliteCount: number,
  timeCount: number,
): void {
  if (out.satelliteCount !== satelliteCount || out.timeCount !== timeCount) {
    throw new InvalidArgumentError(
      'out',
      `${out.satelliteCount} × ${out.timeCount}`,
      '',
      `must be ${satelliteCount} satellites × ${timeCount} times`,
    );
  }
}

function isCatalogue(c: Sgp4Catalogue | readonly Sgp4Satellite[]): c is Sgp4Catalogue {
  return !Array.isArray(c);
}
