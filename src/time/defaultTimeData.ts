import { BUNDLED_EOP } from '../data/eop';
import { DataFormatError } from '../errors';
import { DEFAULT_LEAP_SECONDS } from './defaultLeapSeconds';
import { type EopRow, EopTable } from './eop';
import type { TimeDataWithEop } from './timeData';

/** The encoded form of a bundled EOP table (the shape of `BUNDLED_EOP`). */
interface EncodedEop {
  readonly source: string;
  readonly firstMjd: number;
  readonly rowCount: number;
  readonly firstPredictedIndex: number;
  readonly alphabet: string;
  readonly terminalDigits: number;
  readonly xpMicroarcsec: string;
  readonly ypMicroarcsec: string;
  readonly ut1MinusUtc100Ns: string;
  readonly lod100Ns: string;
  readonly dXMicroarcsec: string;
  readonly dYMicroarcsec: string;
}

/**
 * Decodes one column of the bundled table (see `src/data/eop.ts` for the code) into
 * integers, undoing the zigzag map and the second differences.
 */
function decodeColumn(text: string, data: EncodedEop): Float64Array {
  const { alphabet, terminalDigits, rowCount } = data;
  const digit = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) digit[alphabet.charCodeAt(i)] = i;
  const base = alphabet.length - terminalDigits;
  const out = new Float64Array(rowCount);
  let n = 0;
  let z = 0;
  let place = 1;
  for (let p = 0; p < text.length; p++) {
    const d = digit[text.charCodeAt(p)] ?? -1;
    if (d < 0) {
      throw new DataFormatError(
        'src/data/eop.ts',
        0,
        `invalid character at offset ${p} of a column`,
      );
    }
    // Digits are least significant first; a continuation digit's index already includes
    // the terminalDigits offset that the encoder subtracted.
    z += d * place;
    if (d >= terminalDigits) {
      place *= base;
      continue;
    }
    const v = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    const u = n === 0 ? v : n === 1 ? v + out[0]! : v + 2 * out[n - 1]! - out[n - 2]!;
    out[n++] = u;
    z = 0;
    place = 1;
  }
  if (n !== rowCount) {
    throw new DataFormatError(
      'src/data/eop.ts',
      0,
      `a column holds ${n} values, expected ${rowCount}`,
    );
  }
  return out;
}

/** Rebuilds the rows of the bundled table, exactly as the reader parsed them. */
function decodeBundledEop(data: EncodedEop): EopRow[] {
  const xp = decodeColumn(data.xpMicroarcsec, data);
  const yp = decodeColumn(data.ypMicroarcsec, data);
  const ut1 = decodeColumn(data.ut1MinusUtc100Ns, data);
  const lod = decodeColumn(data.lod100Ns, data);
  const dX = decodeColumn(data.dXMicroarcsec, data);
  const dY = decodeColumn(data.dYMicroarcsec, data);
  const rows: EopRow[] = new Array(data.rowCount);
  for (let i = 0; i < data.rowCount; i++) {
    // An integer divided by an exact power of ten rounds once: the same double as the
    // decimal text of the file.
    rows[i] = {
      mjd: data.firstMjd + i,
      xpArcsec: xp[i]! / 1e6,
      ypArcsec: yp[i]! / 1e6,
      ut1MinusUtcS: ut1[i]! / 1e7,
      lodS: lod[i]! / 1e7,
      dXArcsec: dX[i]! / 1e6,
      dYArcsec: dY[i]! / 1e6,
      predicted: i >= data.firstPredictedIndex,
    };
  }
  return rows;
}

/**
 * The Earth orientation parameters shipped with osmose: IERS Bulletin A from
 * `finals2000A.all` (1973-01-02 on, measured values then about a year of predictions), with
 * linear interpolation of UT1−TAI and the `'predict'` policy past its end (UT1−TAI
 * extrapolated at its mean rate of the last 30 days, the other parameters held; results say
 * so in `status`). For current work read a fresh file with `parseFinals2000A`.
 *
 * Decoded from `src/data/eop.ts` when this module is first imported; the module is reached
 * only through `DEFAULT_EOP` and `DEFAULT_TIME_DATA`, so other imports do not carry it.
 *
 * @see https://maia.usno.navy.mil/ser7/readme.finals2000A
 *
 * @example
 * ```ts
 * DEFAULT_EOP.at(53101).ut1MinusUtcS; // -0.4399498 (2004-04-06)
 * DEFAULT_EOP.at(57753.5).status; // 'interpolated'
 * ```
 */
// One pure call: bundlers drop it whole when DEFAULT_EOP is unused, even from a shared chunk
// (a property read such as BUNDLED_EOP.source among the arguments would keep it alive).
export const DEFAULT_EOP: EopTable = /* @__PURE__ */ buildDefaultEop();

function buildDefaultEop(): EopTable {
  return EopTable.fromRows(decodeBundledEop(BUNDLED_EOP), DEFAULT_LEAP_SECONDS, {
    source: BUNDLED_EOP.source,
  });
}

/**
 * The time data shipped with osmose: {@link DEFAULT_LEAP_SECONDS} and {@link DEFAULT_EOP}.
 * Pass it where a conversion needs UT1, or build a fresher {@link TimeData} from newer files.
 *
 * @example
 * ```ts
 * Epoch.fromIso('2017-01-01T00:00:00', 'UTC').toMjd('UT1', { timeData: DEFAULT_TIME_DATA });
 * // ≈ 57754.0000068 (UT1−UTC ≈ +0.59 s)
 * ```
 */
export const DEFAULT_TIME_DATA: TimeDataWithEop = /* @__PURE__ */ Object.freeze({
  leapSeconds: DEFAULT_LEAP_SECONDS,
  eop: DEFAULT_EOP,
});
