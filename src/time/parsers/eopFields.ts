import { DataFormatError } from '../../errors';
import { type EopRow, EopTable, type EopTableOptions } from '../eop';
import type { LeapSecondTable } from '../leapSeconds';
import { readCalendarDate } from './leapSecondFiles';

// Checks and conversions shared by the EOP file readers (finals2000A, C04, CelesTrak).

/** A fixed-point decimal; group 1 holds the digits after the point. */
const FIXED_POINT = /^[-+]?\d*\.(\d+)$/;

/**
 * Reads a fixed-point decimal field of an EOP file, written with exactly `decimals` digits
 * after the point (as the files' Fortran formats print them, so that a truncated field is
 * caught), and returns its value times 10^`exponent` rounded once, as the decimal text
 * itself would be: `readEopDecimal('1.5244', 4, -3, …)` is the double nearest 0.0015244.
 *
 * @param field - the field, already trimmed
 * @param decimals - digits required after the decimal point
 * @param exponent - power of ten applied exactly (−3 for ms → s or mas → arcsec)
 * @param source - file name for errors
 * @param line - 1-based line for errors
 * @param column - column name for errors
 * @returns the value in the scaled unit
 * @throws {@link DataFormatError} when the field is not such a number
 */
export function readEopDecimal(
  field: string,
  decimals: number,
  exponent: number,
  source: string,
  line: number,
  column: string,
): number {
  const match = FIXED_POINT.exec(field);
  if (match === null || match[1]!.length !== decimals) {
    throw new DataFormatError(
      source,
      line,
      `${column} "${field}" is not a number with ${decimals} decimals`,
      column,
    );
  }
  const value = exponent === 0 ? Number(field) : Number(`${field}e${exponent}`);
  // The files print "-0.000" for values that round to zero; keep one zero.
  return value === 0 ? 0 : value;
}

/**
 * Checks the MJD of a data row against its calendar date and the previous row.
 *
 * @param mjd - the row's MJD
 * @param dateMjd - the MJD of the row's calendar date
 * @param dateText - the calendar date as written, for the message
 * @param previousMjd - the previous row's MJD (−Infinity for the first row)
 * @param source - file name for errors
 * @param line - 1-based line for errors
 * @throws {@link DataFormatError} when the date disagrees or the rows are out of order
 */
export function checkRowMjd(
  mjd: number,
  dateMjd: number,
  dateText: string,
  previousMjd: number,
  source: string,
  line: number,
): void {
  if (dateMjd !== mjd) {
    throw new DataFormatError(
      source,
      line,
      `MJD ${mjd} does not match the date ${dateText} (MJD ${dateMjd})`,
      'MJD',
    );
  }
  if (mjd <= previousMjd) {
    throw new DataFormatError(
      source,
      line,
      `MJD ${mjd} does not come after the previous row's (MJD ${previousMjd})`,
      'MJD',
    );
  }
}

/**
 * Builds the table of a file reader, refusing a file with fewer than two rows.
 *
 * @param rows - the rows read
 * @param leapSeconds - TAI−UTC history for the table
 * @param options - the caller's table options
 * @param source - file name for errors and the table
 * @returns the table
 * @throws {@link DataFormatError} (line 0) for fewer than two rows
 */
export function eopTableFromRows(
  rows: readonly EopRow[],
  leapSeconds: LeapSecondTable,
  options: EopTableOptions,
  source: string,
): EopTable {
  if (rows.length < 2) {
    throw new DataFormatError(source, 0, `${rows.length} row found, a table needs 2`);
  }
  return EopTable.fromRows(rows, leapSeconds, { ...options, source });
}

/**
 * Reads and checks the date of a whitespace-separated row that starts `yyyy mm dd MJD` (the
 * C04 and CelesTrak layouts): the MJD must be a whole day, match the date, and follow the
 * previous row.
 *
 * @param fields - the row's fields
 * @param previousMjd - the previous row's MJD (−Infinity for the first row)
 * @param source - file name for errors
 * @param line - 1-based line for errors
 * @returns the row's MJD
 * @throws {@link DataFormatError} naming the line and the MJD column
 */
export function readYmdMjdRow(
  fields: readonly string[],
  previousMjd: number,
  source: string,
  line: number,
): number {
  const mjdField = fields[3]!;
  if (!/^\d+$/.test(mjdField)) {
    throw new DataFormatError(source, line, `MJD "${mjdField}" is not a whole day`, 'MJD');
  }
  const mjd = Number(mjdField);
  const dateMjd = readCalendarDate(fields[2]!, fields[1]!, fields[0]!, source, line);
  checkRowMjd(mjd, dateMjd, `${fields[0]}-${fields[1]}-${fields[2]}`, previousMjd, source, line);
  return mjd;
}
