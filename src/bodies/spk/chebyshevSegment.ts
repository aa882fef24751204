/**
 * The layout shared by SPK types 2 and 3 (NAIF "SPK Required Reading", §Type 2 and §Type 3):
 * N records of RSIZE doubles, each covering a fixed interval of INTLEN seconds from INIT,
 * followed by the four-word trailer INIT, INTLEN, RSIZE, N. A record is MID, RADIUS and then
 * the Chebyshev coefficients of each component, lowest degree first; the record's time
 * argument is s = (t − MID) / RADIUS ∈ [−1, 1].
 *
 * @packageDocumentation
 */
import { DataFormatError } from '../../errors';

/** A validated type 2 or type 3 segment, ready to evaluate. */
export interface ChebyshevSegment {
  /** SPK data type, 2 (position) or 3 (position and velocity). */
  readonly type: 2 | 3;
  /** The segment's words, records then trailer. */
  readonly data: Float64Array;
  /** INIT: start of the first record, TDB s past J2000. */
  readonly initS: number;
  /** INTLEN: length of each record's interval, s. */
  readonly intervalS: number;
  /** RSIZE: doubles per record. */
  readonly recordSize: number;
  /** N: number of records. */
  readonly recordCount: number;
  /** Chebyshev coefficients per component (polynomial degree + 1). */
  readonly coefficientCount: number;
}

/**
 * Reads and checks the trailer of a type 2 or type 3 segment.
 *
 * @param data - the segment's words (from its first to its last address)
 * @param type - the segment's SPK type
 * @param source - file name, for messages
 * @param where - where the segment is ('record 4, summary 11 (Moon wrt Earth-Moon barycenter)')
 * @returns the segment
 * @throws {@link DataFormatError} when the trailer is inconsistent with the segment's length
 *   or type
 * @example
 * ```ts
 * // 1 record of degree 1 (RSIZE = 2 + 3 · 2), 100 s from INIT = 0:
 * const data = new Float64Array([50, 50, 1, 2, 3, 4, 5, 6, 0, 100, 8, 1]);
 * readChebyshevSegment(data, 2, 'test.bsp', 'summary 1').coefficientCount; // 2
 * ```
 */
export function readChebyshevSegment(
  data: Float64Array,
  type: 2 | 3,
  source: string,
  where: string,
): ChebyshevSegment {
  const n = data.length;
  if (n < 4) {
    throw new DataFormatError(source, 0, `${where}: ${n} words cannot hold the 4-word trailer`);
  }
  const initS = data[n - 4]!;
  const intervalS = data[n - 3]!;
  const recordSize = data[n - 2]!;
  const recordCount = data[n - 1]!;
  const components = type === 2 ? 3 : 6;
  if (
    !Number.isInteger(recordSize) ||
    recordSize < 2 + components ||
    (recordSize - 2) % components !== 0
  ) {
    throw new DataFormatError(
      source,
      0,
      `${where}: record size RSIZE = ${recordSize} is not 2 + ${components} · (degree + 1) for type ${type}`,
    );
  }
  if (!Number.isInteger(recordCount) || recordCount < 1 || recordCount * recordSize + 4 !== n) {
    throw new DataFormatError(
      source,
      0,
      `${where}: N = ${recordCount} records of ${recordSize} words plus the trailer do not fill the segment's ${n} words`,
    );
  }
  if (!(intervalS > 0) || !Number.isFinite(intervalS) || !Number.isFinite(initS)) {
    throw new DataFormatError(
      source,
      0,
      `${where}: INIT = ${initS} s and INTLEN = ${intervalS} s do not define record intervals`,
    );
  }
  for (let k = 0; k < recordCount; k++) {
    const radius = data[k * recordSize + 1]!;
    if (!(radius > 0) || !Number.isFinite(radius)) {
      throw new DataFormatError(
        source,
        0,
        `${where}: record ${k + 1} has radius ${radius} s; it must be positive`,
      );
    }
  }
  return {
    type,
    data,
    initS,
    intervalS,
    recordSize,
    recordCount,
    coefficientCount: (recordSize - 2) / components,
  };
}

/**
 * Offset in `segment.data` of the record that covers an instant: ⌊(t − INIT) / INTLEN⌋,
 * clamped to the records that exist (an instant on the end of coverage uses the last one).
 *
 * @param segment - the segment
 * @param wholeS - TDB seconds past J2000, whole part (or the whole value)
 * @param fractionS - TDB seconds past J2000, fraction
 * @returns the index of the record's first word (MID)
 * @example
 * ```ts
 * const data = new Float64Array([50, 50, 1, 2, 3, 4, 5, 6, 150, 50, 1, 2, 3, 4, 5, 6, 0, 100, 8, 2]);
 * const segment = readChebyshevSegment(data, 2, 'test.bsp', 'summary 1');
 * chebyshevRecordOffset(segment, 120, 0.5); // 8
 * ```
 */
export function chebyshevRecordOffset(
  segment: ChebyshevSegment,
  wholeS: number,
  fractionS: number,
): number {
  let index = Math.floor((wholeS - segment.initS + fractionS) / segment.intervalS);
  if (index >= segment.recordCount) index = segment.recordCount - 1;
  else if (index < 0) index = 0;
  return index * segment.recordSize;
}
