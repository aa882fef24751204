/**
 * Pieces shared by the readers of the three leap-second files (IERS `Leap_Second.dat`,
 * IERS/NIST `leap-seconds.list`, USNO `tai-utc.dat`): options, line splitting, number and
 * date fields. The readers themselves live one per file next to this one.
 */
import { DataFormatError } from '../../errors';
import { daysInMonth, mjdFromCalendar } from '../internal/calendar';

/** Options shared by the leap-second file readers. */
export interface LeapSecondFileOptions {
  /**
   * Name of the file or product, used in error messages and kept as the table's `source`.
   * Defaults to the usual file name of the format.
   */
  readonly source?: string;
}

/** English month names and their 3-letter abbreviations, 1-based. */
const MONTHS: readonly string[] = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
];

/**
 * Splits a file into lines (LF, CRLF or CR endings).
 *
 * @internal
 */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Month number (1–12) of an English month name or its 3-letter abbreviation, any case;
 * 0 when the text is not a month.
 *
 * @internal
 */
export function monthNumber(text: string): number {
  const upper = text.toUpperCase();
  if (upper.length < 3) return 0;
  for (let i = 0; i < MONTHS.length; i++) {
    const name = MONTHS[i]!;
    if (upper === name || upper === name.slice(0, 3)) return i + 1;
  }
  return 0;
}

const UNSIGNED_INTEGER = /^\d+$/;
const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Reads a field that must be an unsigned decimal integer.
 *
 * @throws {@link DataFormatError} quoting the field when it is not one
 * @internal
 */
export function readInteger(field: string, source: string, line: number, name: string): number {
  if (!UNSIGNED_INTEGER.test(field)) {
    throw new DataFormatError(source, line, `${name} "${field}" is not an unsigned integer`, name);
  }
  const value = Number(field);
  if (!Number.isSafeInteger(value)) {
    throw new DataFormatError(source, line, `${name} "${field}" is too large`, name);
  }
  return value;
}

/**
 * Reads a field that must be a plain decimal number (`12`, `-0.5`, `37300.`), no exponent.
 *
 * @throws {@link DataFormatError} quoting the field when it is not one
 * @internal
 */
export function readDecimal(field: string, source: string, line: number, name: string): number {
  if (!DECIMAL.test(field)) {
    throw new DataFormatError(source, line, `${name} "${field}" is not a decimal number`, name);
  }
  return Number(field);
}

/**
 * MJD of a calendar date given as text fields (day, month name or number, 4-digit year),
 * checking that the date exists.
 *
 * @throws {@link DataFormatError} quoting the field at fault
 * @internal
 */
export function readCalendarDate(
  dayField: string,
  monthField: string,
  yearField: string,
  source: string,
  line: number,
): number {
  if (!/^\d{4}$/.test(yearField)) {
    throw new DataFormatError(source, line, `year "${yearField}" is not a 4-digit year`, 'year');
  }
  const year = Number(yearField);
  const month = /^\d{1,2}$/.test(monthField) ? Number(monthField) : monthNumber(monthField);
  if (month < 1 || month > 12) {
    throw new DataFormatError(source, line, `month "${monthField}" is not a month`, 'month');
  }
  if (!/^\d{1,2}$/.test(dayField)) {
    throw new DataFormatError(source, line, `day "${dayField}" is not a day of the month`, 'day');
  }
  const day = Number(dayField);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new DataFormatError(
      source,
      line,
      `day "${dayField}" does not exist in month ${month} of ${year}`,
      'day',
    );
  }
  return mjdFromCalendar(year, month, day);
}
