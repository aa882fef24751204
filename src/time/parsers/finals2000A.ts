import { DataFormatError } from '../../errors';
import type { EopRow, EopTable, EopTableOptions } from '../eop';
import type { LeapSecondTable } from '../leapSeconds';
import { checkRowMjd, eopTableFromRows, readEopDecimal } from './eopFields';
import { readCalendarDate, splitLines } from './leapSecondFiles';

const DEFAULT_SOURCE = 'finals2000A.all';

/** Last MJD written with a 19xx year (1999-12-31); later two-digit years are 20xx. */
const LAST_MJD_OF_1900S = 51543;

/** Columns of the format, 0-based [start, end) from the 1-based bytes of ReadMe.finals2000A. */
const COL = {
  year: [0, 2],
  month: [2, 4],
  day: [4, 6],
  mjd: [7, 15],
  pmFlag: 16,
  xA: [18, 27],
  yA: [37, 46],
  ut1Flag: 57,
  ut1A: [58, 68],
  lodA: [79, 86],
  nutFlag: 95,
  dXA: [97, 106],
  dYA: [116, 125],
  xB: [134, 144],
  yB: [144, 154],
  ut1B: [154, 165],
  dXB: [165, 175],
  dYB: [175, 185],
} as const;

const WHOLE_DAY_MJD = /^\d+\.0+$/;
const TWO_DIGITS = /^\d{1,2}$/;

/** Options of {@link parseFinals2000A}. */
export interface Finals2000AOptions extends EopTableOptions {
  /**
   * Build the table from the Bulletin B columns (final values of the IERS Earth Orientation
   * Center, with LOD from Bulletin A, which Bulletin B lacks) instead of Bulletin A
   * (default false). Bulletin B stops weeks before the measured Bulletin A values do and has
   * no predictions.
   */
  readonly useBulletinB?: boolean;
}

/** What {@link parseFinals2000ARows} reads from a `finals2000A` file. */
export interface Finals2000ARows {
  /**
   * Bulletin A rows: every line with a UT1−UTC value, measured (`I`) or predicted (`P`). A row
   * is `predicted` when its polar-motion or UT1 flag is `P`.
   */
  readonly bulletinA: readonly EopRow[];
  /** Bulletin B rows (lines whose Bulletin B columns are filled), never predicted. */
  readonly bulletinB: readonly EopRow[];
  /** Trailing lines that carry only a date and MJD, skipped. */
  readonly skippedLines: number;
  /** Bulletin A rows whose blank LOD was filled with the previous row's value. */
  readonly filledLod: number;
  /** Bulletin A rows whose blank dX, dY were filled with the previous row's values. */
  readonly filledNutation: number;
}

/**
 * Reads the rows of an IERS Rapid Service/Prediction Center `finals2000A` file (`.all`,
 * `.data` or `.daily`), in the fixed columns of `ReadMe.finals2000A`.
 *
 * - The two-digit year is 19xx up to MJD 51543 and 20xx after; date and MJD must agree and
 *   increase line by line.
 * - Units are converted by exact powers of ten only: LOD ms → s, dX/dY mas → arcsec.
 * - Each number must be printed with the decimals of its Fortran format, so a cut line does
 *   not pass for a shorter number.
 * - The last lines of the file carry only the date and MJD: they are skipped and counted.
 * - The file leaves LOD blank from the end of the measured values on, and dX, dY blank at the
 *   end of the predictions. A blank is filled with the previous row's value (what the
 *   `'hold'` extrapolation would give) and counted; a blank followed by a value further down
 *   is an error, since only the tail of a column may be missing.
 *
 * @param text - the whole file
 * @param options - `source`: the name used in errors (default `'finals2000A.all'`)
 * @returns the Bulletin A and B rows and the counts of skipped lines and filled values
 * @throws {@link DataFormatError} naming the 1-based line and the column at fault
 * @see https://maia.usno.navy.mil/ser7/readme.finals2000A
 *
 * @example
 * ```ts
 * // Two lines of finals2000A.all (2004-04-06 and 07), each cut in two for the page
 * const text =
 *   ' 4 4 6 53101.00 I -0.140722 0.000071  0.333536 0.000057  I-0.4399498 0.0000028  1.5244 0.0019' +
 *   '  I    -0.104    0.151    -0.042    0.166 -0.140720  0.333270 -0.4399620    -0.218    -0.195\n' +
 *   ' 4 4 7 53102.00 I -0.140160 0.000067  0.336396 0.000060  I-0.4414071 0.0000026  1.3591 0.0024' +
 *   '  I    -0.093    0.151    -0.067    0.166 -0.140070  0.336140 -0.4414210    -0.092    -0.289\n';
 * const { bulletinA, bulletinB } = parseFinals2000ARows(text);
 * bulletinA[0]; // { mjd: 53101, xpArcsec: -0.140722, …, lodS: 0.0015244, …, predicted: false }
 * bulletinB[0]?.ut1MinusUtcS; // -0.439962
 * ```
 */
export function parseFinals2000ARows(
  text: string,
  options: { readonly source?: string } = {},
): Finals2000ARows {
  const source = options.source ?? DEFAULT_SOURCE;
  const lines = splitLines(text);
  const bulletinA: EopRow[] = [];
  const bulletinB: EopRow[] = [];
  let skippedLines = 0;
  let firstSkippedLine = 0;
  let filledLod = 0;
  let filledNutation = 0;
  let previousMjd = -Infinity;
  // 1-based line where each column first went blank (0 while it has not).
  const blankSince = { LOD: 0, 'dX, dY': 0, 'Bulletin B': 0 };

  const field = (line: string, [start, end]: readonly [number, number]): string =>
    line.slice(start, end).trim();

  /** Records a blank or a value in a column that may be blank only at its end. */
  const tail = (column: keyof typeof blankSince, blank: boolean, lineNo: number): void => {
    if (blank) {
      if (blankSince[column] === 0) blankSince[column] = lineNo;
    } else if (blankSince[column] !== 0) {
      throw new DataFormatError(
        source,
        blankSince[column],
        `${column} is blank here but given again on line ${lineNo}; only the last rows may leave it blank`,
        column,
      );
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (line.length < COL.mjd[1]) {
      throw new DataFormatError(
        source,
        lineNo,
        `line of ${line.length} characters is too short for a date and an MJD (${COL.mjd[1]})`,
      );
    }

    const mjdField = field(line, COL.mjd);
    if (!WHOLE_DAY_MJD.test(mjdField)) {
      throw new DataFormatError(source, lineNo, `MJD "${mjdField}" is not a whole day`, 'MJD');
    }
    const mjd = Number(mjdField);
    const yearField = field(line, COL.year);
    if (!TWO_DIGITS.test(yearField)) {
      throw new DataFormatError(
        source,
        lineNo,
        `year "${yearField}" is not a 2-digit year`,
        'year',
      );
    }
    const year = Number(yearField) + (mjd <= LAST_MJD_OF_1900S ? 1900 : 2000);
    const monthField = field(line, COL.month);
    const dayField = field(line, COL.day);
    const dateMjd = readCalendarDate(dayField, monthField, String(year), source, lineNo);
    checkRowMjd(mjd, dateMjd, `${year}-${monthField}-${dayField}`, previousMjd, source, lineNo);
    previousMjd = mjd;

    if (line.slice(COL.mjd[1]).trim() === '') {
      if (skippedLines === 0) firstSkippedLine = lineNo;
      skippedLines++;
      continue;
    }
    if (skippedLines > 0) {
      throw new DataFormatError(
        source,
        lineNo,
        `values given after lines with a date only (from line ${firstSkippedLine})`,
      );
    }

    // Columns in their order on the line, so that a cut line is reported at the cut.
    const pmFlag = readFlag(line, COL.pmFlag, 'PolPMFlag_A', source, lineNo);
    const xpArcsec = readEopDecimal(field(line, COL.xA), 6, 0, source, lineNo, 'PM_x_A');
    const ypArcsec = readEopDecimal(field(line, COL.yA), 6, 0, source, lineNo, 'PM_y_A');
    const ut1Flag = readFlag(line, COL.ut1Flag, 'UT1Flag_A', source, lineNo);
    const ut1MinusUtcS = readEopDecimal(field(line, COL.ut1A), 7, 0, source, lineNo, 'UT1_UTC_A');
    const previous = bulletinA[bulletinA.length - 1];

    const lodField = field(line, COL.lodA);
    tail('LOD', lodField === '', lineNo);
    let lodS: number;
    if (lodField !== '') {
      lodS = readEopDecimal(lodField, 4, -3, source, lineNo, 'LOD_A');
    } else if (previous !== undefined) {
      lodS = previous.lodS;
      filledLod++;
    } else {
      throw new DataFormatError(source, lineNo, 'LOD is blank on the first row', 'LOD_A');
    }

    const dXField = field(line, COL.dXA);
    const dYField = field(line, COL.dYA);
    if ((dXField === '') !== (dYField === '')) {
      throw new DataFormatError(source, lineNo, 'only one of dX, dY is given', 'dX_2000A_A');
    }
    tail('dX, dY', dXField === '', lineNo);
    let dXArcsec: number;
    let dYArcsec: number;
    if (dXField !== '') {
      readFlag(line, COL.nutFlag, 'NutFlag_A', source, lineNo);
      dXArcsec = readEopDecimal(dXField, 3, -3, source, lineNo, 'dX_2000A_A');
      dYArcsec = readEopDecimal(dYField, 3, -3, source, lineNo, 'dY_2000A_A');
    } else if (previous !== undefined) {
      dXArcsec = previous.dXArcsec;
      dYArcsec = previous.dYArcsec;
      filledNutation++;
    } else {
      throw new DataFormatError(source, lineNo, 'dX, dY are blank on the first row', 'dX_2000A_A');
    }

    bulletinA.push({
      mjd,
      xpArcsec,
      ypArcsec,
      ut1MinusUtcS,
      lodS,
      dXArcsec,
      dYArcsec,
      predicted: pmFlag === 'P' || ut1Flag === 'P',
    });

    const b = [COL.xB, COL.yB, COL.ut1B, COL.dXB, COL.dYB].map((c) => field(line, c));
    const given = b.filter((f) => f !== '').length;
    if (given !== 0 && given !== b.length) {
      throw new DataFormatError(
        source,
        lineNo,
        `${given} of the 5 Bulletin B columns are given; all or none must be`,
        'Bulletin B',
      );
    }
    tail('Bulletin B', given === 0, lineNo);
    if (given > 0) {
      bulletinB.push({
        mjd,
        xpArcsec: readEopDecimal(b[0]!, 6, 0, source, lineNo, 'PM_X_B'),
        ypArcsec: readEopDecimal(b[1]!, 6, 0, source, lineNo, 'PM_Y_B'),
        ut1MinusUtcS: readEopDecimal(b[2]!, 7, 0, source, lineNo, 'UT1_UTC_B'),
        lodS,
        dXArcsec: readEopDecimal(b[3]!, 3, -3, source, lineNo, 'dX_2000A_B'),
        dYArcsec: readEopDecimal(b[4]!, 3, -3, source, lineNo, 'dY_2000A_B'),
        predicted: false,
      });
    }
  }

  if (bulletinA.length === 0) {
    throw new DataFormatError(source, 0, 'no line with a UT1-UTC value found');
  }
  return { bulletinA, bulletinB, skippedLines, filledLod, filledNutation };
}

/**
 * Reads an IERS `finals2000A` file (`finals2000A.all`, `.data`, `.daily`) into an
 * {@link EopTable}: Bulletin A polar motion, UT1−UTC, LOD and dX, dY (IAU 2000A), measured
 * and predicted, or the Bulletin B columns with `useBulletinB`. See
 * {@link parseFinals2000ARows} for what is read and how blanks are handled.
 *
 * @param text - the whole file
 * @param leapSeconds - TAI−UTC history, to interpolate UT1 across leap seconds
 * @param options - `useBulletinB`, the table's interpolation and extrapolation, and `source`
 *   (default `'finals2000A.all'`)
 * @returns the table
 * @throws {@link DataFormatError} naming the 1-based line and the column at fault, or line 0
 *   when the file holds fewer than 2 usable rows
 * @see https://maia.usno.navy.mil/ser7/readme.finals2000A
 *
 * @example
 * ```ts
 * // Two lines of finals2000A.all (2004-04-06 and 07), each cut in two for the page
 * const text =
 *   ' 4 4 6 53101.00 I -0.140722 0.000071  0.333536 0.000057  I-0.4399498 0.0000028  1.5244 0.0019' +
 *   '  I    -0.104    0.151    -0.042    0.166 -0.140720  0.333270 -0.4399620    -0.218    -0.195\n' +
 *   ' 4 4 7 53102.00 I -0.140160 0.000067  0.336396 0.000060  I-0.4414071 0.0000026  1.3591 0.0024' +
 *   '  I    -0.093    0.151    -0.067    0.166 -0.140070  0.336140 -0.4414210    -0.092    -0.289\n';
 * const eop = parseFinals2000A(text, DEFAULT_LEAP_SECONDS);
 * eop.at(53101).ut1MinusUtcS; // -0.4399498
 * ```
 */
export function parseFinals2000A(
  text: string,
  leapSeconds: LeapSecondTable,
  options: Finals2000AOptions = {},
): EopTable {
  const source = options.source ?? DEFAULT_SOURCE;
  const parsed = parseFinals2000ARows(text, { source });
  const rows = options.useBulletinB ? parsed.bulletinB : parsed.bulletinA;
  return eopTableFromRows(rows, leapSeconds, options, source);
}

function readFlag(
  line: string,
  column: number,
  name: string,
  source: string,
  lineNo: number,
): 'I' | 'P' {
  const flag = line.charAt(column);
  if (flag !== 'I' && flag !== 'P') {
    throw new DataFormatError(source, lineNo, `flag "${flag}" is neither I nor P`, name);
  }
  return flag;
}
