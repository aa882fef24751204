import { DataFormatError } from '../../errors';
import { JD_MJD0 } from '../constants';
import { type LeapSecondEntry, LeapSecondTable } from '../leapSeconds';
import {
  type LeapSecondFileOptions,
  readCalendarDate,
  readDecimal,
  splitLines,
} from './leapSecondFiles';

const DEFAULT_SOURCE = 'tai-utc.dat';

/**
 * What makes a line a data line: it starts with a 4-digit year and a 3-letter month, or it
 * holds one of the markers `=JD` / `TAI-UTC=` of the layout. Anything else that is not blank
 * is free text and is skipped.
 */
const LOOKS_LIKE_DATA = [/^\s*\d{4}\s+[A-Za-z]{3}(?:\s|$)/, /=\s*JD/i, /TAI-UTC\s*=/i] as const;

/**
 * The layout of a data line, with every value captured as it is written so that a bad value
 * can be quoted: year, month, day, JD, A, B, C in
 * `YYYY MON DD =JD jd TAI-UTC= A S + (MJD - B) X C S`.
 */
const DATA_LINE =
  /^\s*(\S+)\s+(\S+)\s+(\S+)\s+=JD\s+(\S+)\s+TAI-UTC=\s*(\S+?)\s*S\s*\+\s*\(\s*MJD\s*-\s*([^\s)]+)\s*\)\s*X\s*(\S+?)\s*S\s*$/;

/**
 * Reads USNO `tai-utc.dat`: the TAI−UTC history from 1961, including the 1961–1971 segments
 * in which UTC drifted against TAI.
 *
 * Each data line reads
 * ` 1961 JAN  1 =JD 2437300.5  TAI-UTC=   1.4228180 S + (MJD - 37300.) X 0.001296 S`, i.e.
 * TAI−UTC = A + (MJD − B) × C s from 00:00 UTC of that day, MJD being the (fractional) UTC
 * date. The JD must be the midnight of the calendar date on the same line, and the dates must
 * increase. The drift of the last segment is not stopped: it holds until the next line, or
 * for ever in a file that ends before 1972. When C is 0 the entry's `refMjd` is stored as 0.
 *
 * A line is a data line when it starts with a 4-digit year and a 3-letter month or contains
 * `=JD` or `TAI-UTC=`; such a line must then follow the layout exactly. Other non-blank lines
 * (free text) are skipped, blank lines too. The file gives no expiry date.
 *
 * @param text - the whole file
 * @param options - `source`: the name used in errors and kept in the table
 *   (default `'tai-utc.dat'`)
 * @returns the table (TAI−UTC in s, drift in s per day)
 * @throws {@link DataFormatError} naming the 1-based line and quoting the field when a data
 *   line is malformed, its JD does not match its date, the dates do not increase, or the file
 *   holds no data line (line 0)
 * @see https://maia.usno.navy.mil/ser7/tai-utc.dat
 *
 * @example
 * ```ts
 * const table = parseTaiUtcDat(
 *   ' 1966 JAN  1 =JD 2439126.5  TAI-UTC=   4.3131700 S + (MJD - 39126.) X 0.002592 S\n',
 * );
 * table.taiMinusUtc(39127).valueS; // ≈ 4.315762 (4.31317 + 1 × 0.002592)
 * ```
 */
export function parseTaiUtcDat(text: string, options: LeapSecondFileOptions = {}): LeapSecondTable {
  const source = options.source ?? DEFAULT_SOURCE;
  const lines = splitLines(text);
  const entries: LeapSecondEntry[] = [];
  let previousMjd = -Infinity;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === '' || !LOOKS_LIKE_DATA.some((re) => re.test(raw))) continue;

    const m = DATA_LINE.exec(raw);
    if (!m) {
      throw new DataFormatError(
        source,
        lineNo,
        `"${raw.trim()}" does not follow the layout "YYYY MON DD =JD jd TAI-UTC= A S + (MJD - B) X C S"`,
      );
    }
    const [, yearField, monthField, dayField, jdField, aField, bField, cField] = m as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^[A-Za-z]{3}$/.test(monthField)) {
      throw new DataFormatError(
        source,
        lineNo,
        `month "${monthField}" is not a 3-letter month`,
        'month',
      );
    }
    const dateMjd = readCalendarDate(dayField, monthField, yearField, source, lineNo);
    const jd = readDecimal(jdField, source, lineNo, 'JD');
    const mjd = jd - JD_MJD0;
    if (!Number.isInteger(mjd)) {
      throw new DataFormatError(source, lineNo, `JD "${jdField}" is not at 00:00 UTC`, 'JD');
    }
    if (mjd !== dateMjd) {
      throw new DataFormatError(
        source,
        lineNo,
        `JD "${jdField}" does not match the date ${yearField} ${monthField} ${dayField} (JD ${dateMjd + JD_MJD0})`,
        'JD',
      );
    }
    const offsetS = readDecimal(aField, source, lineNo, 'TAI-UTC');
    const refMjd = readDecimal(bField, source, lineNo, 'MJD reference');
    const rateSPerDay = readDecimal(cField, source, lineNo, 'drift');
    LeapSecondTable.assertIncreasing(source, lineNo, previousMjd, mjd);
    previousMjd = mjd;
    entries.push({ startMjd: mjd, offsetS, refMjd: rateSPerDay === 0 ? 0 : refMjd, rateSPerDay });
  }

  if (entries.length === 0) {
    throw new DataFormatError(source, 0, 'no data line "YYYY MON DD =JD …" found');
  }
  return LeapSecondTable.create(entries, { source });
}
