import { DataFormatError } from '../../errors';
import type { EopRow, EopTable, EopTableOptions } from '../eop';
import type { LeapSecondTable } from '../leapSeconds';
import { eopTableFromRows, readEopDecimal, readYmdMjdRow } from './eopFields';
import { splitLines } from './leapSecondFiles';

const DEFAULT_SOURCE = 'EOP 14 C04';

/** A data line starts with its 4-digit year in column 1; header lines start otherwise. */
const DATA_LINE = /^\d{4}\s/;

/**
 * The 12 numeric columns after the date, with the decimals of the header's
 * `FORMAT(3(I4),I7,2(F11.6),2(F12.7),2(F11.6),2(F11.6),2(F11.7),2(F12.6))`.
 */
const NUMERIC_COLUMNS = [
  ['x', 6],
  ['y', 6],
  ['UT1-UTC', 7],
  ['LOD', 7],
  ['dX', 6],
  ['dY', 6],
  ['x Err', 6],
  ['y Err', 6],
  ['UT1-UTC Err', 7],
  ['LOD Err', 7],
  ['dX Err', 6],
  ['dY Err', 6],
] as const;

const FIELD_COUNT = 4 + NUMERIC_COLUMNS.length;

/**
 * Reads the rows of an IERS EOP 14 C04 series (`eopc04_IAU2000.62-now`, IAU 2000A dX, dY):
 * a text header (14 lines in the IERS file), then one whitespace-separated line per day
 * `yyyy mm dd MJD x y UT1-UTC LOD dX dY` and six uncertainty columns, in arcsec and s.
 *
 * The header is everything before the first line that starts with a 4-digit year; after
 * it every non-blank line must be a data line, with its date matching its MJD, the MJDs
 * increasing, and each number printed with the decimals of the file's Fortran format (so
 * that a cut line is caught). The uncertainties are checked but not kept. C04 values are
 * final: no row is `predicted`.
 *
 * @param text - the whole file
 * @param options - `source`: the name used in errors (default `'EOP 14 C04'`)
 * @returns the rows, in file order
 * @throws {@link DataFormatError} naming the 1-based line and the column at fault, or line 0
 *   when there is no data line
 * @see https://hpiers.obspm.fr/eoppc/eop/eopc04/C04.guide.pdf
 *
 * @example
 * ```ts
 * // Two lines of eopc04_IAU2000.62-now (2004-04-06 and 07), header left out
 * const text =
 *   '2004   4   6  53101  -0.140865   0.333414  -0.4399623   0.0015308  -0.000122  -0.000107' +
 *   '   0.000071   0.000065  0.0000029  0.0000180    0.000034    0.000036\n' +
 *   '2004   4   7  53102  -0.140125   0.336313  -0.4414030   0.0013527  -0.000127  -0.000072' +
 *   '   0.000071   0.000065  0.0000026  0.0000179    0.000034    0.000037\n';
 * const rows = parseEopC04Rows(text);
 * rows[0]; // { mjd: 53101, xpArcsec: -0.140865, ypArcsec: 0.333414, ut1MinusUtcS: -0.4399623, … }
 * ```
 */
export function parseEopC04Rows(
  text: string,
  options: { readonly source?: string } = {},
): EopRow[] {
  const source = options.source ?? DEFAULT_SOURCE;
  const lines = splitLines(text);
  const rows: EopRow[] = [];
  const values = new Array<number>(NUMERIC_COLUMNS.length).fill(0);
  let inData = false;
  let previousMjd = -Infinity;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!;
    const trimmed = line.trim();
    if (!inData) {
      if (!DATA_LINE.test(line)) continue;
      inData = true;
    }
    if (trimmed === '') continue;
    const fields = trimmed.split(/\s+/);
    if (fields.length !== FIELD_COUNT) {
      throw new DataFormatError(
        source,
        lineNo,
        `expected ${FIELD_COUNT} fields "yyyy mm dd MJD x y UT1-UTC LOD dX dY" and 6 errors, found ${fields.length}`,
      );
    }
    const mjd = readYmdMjdRow(fields, previousMjd, source, lineNo);
    previousMjd = mjd;
    for (let k = 0; k < NUMERIC_COLUMNS.length; k++) {
      const [name, decimals] = NUMERIC_COLUMNS[k]!;
      values[k] = readEopDecimal(fields[4 + k]!, decimals, 0, source, lineNo, name);
    }
    rows.push({
      mjd,
      xpArcsec: values[0]!,
      ypArcsec: values[1]!,
      ut1MinusUtcS: values[2]!,
      lodS: values[3]!,
      dXArcsec: values[4]!,
      dYArcsec: values[5]!,
      predicted: false,
    });
  }

  if (rows.length === 0) {
    throw new DataFormatError(source, 0, 'no data line "yyyy mm dd MJD …" found');
  }
  return rows;
}

/**
 * Reads an IERS EOP 14 C04 series into an {@link EopTable}. See {@link parseEopC04Rows} for
 * the format and the checks.
 *
 * @param text - the whole file
 * @param leapSeconds - TAI−UTC history (it must cover the first row: 1962 for the full
 *   series, so USNO's history from 1961)
 * @param options - the table's interpolation and extrapolation, and `source`
 *   (default `'EOP 14 C04'`)
 * @returns the table
 * @throws {@link DataFormatError} naming the 1-based line and the column at fault, or line 0
 *   when the file holds fewer than 2 rows
 * @throws {@link TimeRangeError} when a row predates the leap-second table
 * @see https://hpiers.obspm.fr/eoppc/eop/eopc04/C04.guide.pdf
 *
 * @example
 * ```ts
 * // Two lines of eopc04_IAU2000.62-now (2004-04-06 and 07), header left out
 * const text =
 *   '2004   4   6  53101  -0.140865   0.333414  -0.4399623   0.0015308  -0.000122  -0.000107' +
 *   '   0.000071   0.000065  0.0000029  0.0000180    0.000034    0.000036\n' +
 *   '2004   4   7  53102  -0.140125   0.336313  -0.4414030   0.0013527  -0.000127  -0.000072' +
 *   '   0.000071   0.000065  0.0000026  0.0000179    0.000034    0.000037\n';
 * const eop = parseEopC04(text, DEFAULT_LEAP_SECONDS);
 * eop.at(53101).ut1MinusUtcS; // -0.4399623
 * ```
 */
export function parseEopC04(
  text: string,
  leapSeconds: LeapSecondTable,
  options: EopTableOptions = {},
): EopTable {
  const source = options.source ?? DEFAULT_SOURCE;
  const rows = parseEopC04Rows(text, { source });
  return eopTableFromRows(rows, leapSeconds, options, source);
}
