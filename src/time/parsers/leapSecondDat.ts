import { DataFormatError } from '../../errors';
import { type LeapSecondEntry, LeapSecondTable } from '../leapSeconds';
import {
  type LeapSecondFileOptions,
  readCalendarDate,
  readDecimal,
  splitLines,
} from './leapSecondFiles';

const DEFAULT_SOURCE = 'Leap_Second.dat';
const EXPIRES = /File expires on\s+(\S+)\s+(\S+)\s+(\S+)/i;
const UPDATED = /Updated through IERS Bulletin\s+(?:C\s*)?\d+\s+issued in\s+(\S+)\s+(\S+)/i;
const WHOLE_MJD = /^\d+(?:\.0*)?$/;

/**
 * Reads the IERS Bulletin C file `Leap_Second.dat`: TAI−UTC since 1972.
 *
 * The `#` header is read for "File expires on 28 June 2027" (→ `expiresMjd`, 00:00 UTC of that
 * day) and "Updated through IERS Bulletin 72 issued in July 2026" (→ `updatedMjd`: the file
 * gives only the month, so the first day of that month is taken). Every other line must be
 * `MJD day month year TAI-UTC` (e.g. `41317.0 1 1 1972 10`); the MJD must be a whole day equal
 * to the calendar date on the same line, and the dates must increase.
 *
 * @param text - the whole file
 * @param options - `source`: the name used in errors and kept in the table
 *   (default `'Leap_Second.dat'`)
 * @returns the table, with steps of TAI−UTC in s at 00:00 UTC of each listed date
 * @throws {@link DataFormatError} naming the 1-based line and quoting the field when a line
 *   is malformed, a date does not match its MJD, the dates do not increase, or the file holds
 *   no data line (line 0)
 * @see https://hpiers.obspm.fr/iers/bul/bulc/Leap_Second.dat
 *
 * @example
 * ```ts
 * const table = parseLeapSecondDat(
 *   '#  File expires on 28 June 2027\n    41317.0    1  1 1972       10\n',
 * );
 * table.taiMinusUtc(41317).valueS; // 10
 * table.expiresMjd; // 61584
 * ```
 */
export function parseLeapSecondDat(
  text: string,
  options: LeapSecondFileOptions = {},
): LeapSecondTable {
  const source = options.source ?? DEFAULT_SOURCE;
  const lines = splitLines(text);
  const entries: LeapSecondEntry[] = [];
  let expiresMjd: number | undefined;
  let updatedMjd: number | undefined;
  let previousMjd = -Infinity;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('#')) {
      if (/File expires on/i.test(trimmed)) {
        const m = EXPIRES.exec(trimmed);
        if (!m) {
          throw new DataFormatError(
            source,
            lineNo,
            `cannot read the expiry date in "${trimmed}"`,
            'File expires on',
          );
        }
        expiresMjd = readCalendarDate(m[1]!, m[2]!, m[3]!, source, lineNo);
      } else {
        const m = UPDATED.exec(trimmed);
        if (m) updatedMjd = readCalendarDate('1', m[1]!, m[2]!, source, lineNo);
      }
      continue;
    }

    const fields = trimmed.split(/\s+/);
    if (fields.length !== 5) {
      throw new DataFormatError(
        source,
        lineNo,
        `expected 5 fields "MJD day month year TAI-UTC", found ${fields.length} in "${trimmed}"`,
      );
    }
    const [mjdField, dayField, monthField, yearField, datField] = fields as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (!WHOLE_MJD.test(mjdField)) {
      throw new DataFormatError(source, lineNo, `MJD "${mjdField}" is not a whole day`, 'MJD');
    }
    const mjd = Number(mjdField);
    const dateMjd = readCalendarDate(dayField, monthField, yearField, source, lineNo);
    if (dateMjd !== mjd) {
      throw new DataFormatError(
        source,
        lineNo,
        `MJD "${mjdField}" does not match the date ${dayField} ${monthField} ${yearField} (MJD ${dateMjd})`,
        'MJD',
      );
    }
    const offsetS = readDecimal(datField, source, lineNo, 'TAI-UTC');
    LeapSecondTable.assertIncreasing(source, lineNo, previousMjd, mjd);
    previousMjd = mjd;
    entries.push({ startMjd: mjd, offsetS, refMjd: 0, rateSPerDay: 0 });
  }

  if (entries.length === 0) {
    throw new DataFormatError(source, 0, 'no data line "MJD day month year TAI-UTC" found');
  }
  return LeapSecondTable.create(entries, { expiresMjd, updatedMjd, source });
}
