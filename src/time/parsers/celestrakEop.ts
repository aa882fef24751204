import { DataFormatError } from '../../errors';
import type { EopRow, EopTable, EopTableOptions } from '../eop';
import type { LeapSecondTable } from '../leapSeconds';
import { eopTableFromRows, readEopDecimal, readYmdMjdRow } from './eopFields';
import { splitLines } from './leapSecondFiles';

const DEFAULT_SOURCE = 'EOP-All.txt';

/** MJD of 1972-01-01: from then on TAI−UTC is a whole number of seconds. */
const MJD_1972 = 41317;

/**
 * Largest accepted |DAT − TAI−UTC| before 1972, s. CelesTrak prints DAT as an integer, while
 * TAI−UTC drifted continuously in 1961–1971; in EOP-All v1.1 the printed value differs from
 * USNO's by up to 0.89 s (1971-03), never by a whole second.
 */
const PRE_1972_DAT_TOLERANCE_S = 1;

/**
 * The 8 decimal columns after the date, with the decimals of the header's
 * `FORMAT(I4,I3,I3,I6,2F10.6,2F11.7,4F10.6,I4)`.
 */
const NUMERIC_COLUMNS = [
  ['x', 6],
  ['y', 6],
  ['UT1-UTC', 7],
  ['LOD', 7],
  ['dPsi', 6],
  ['dEpsilon', 6],
  ['dX', 6],
  ['dY', 6],
] as const;

const FIELD_COUNT = 4 + NUMERIC_COLUMNS.length + 1;
const INTEGER = /^-?\d+$/;
const SECTION = /^(BEGIN|END)\s+(\S+)$/;
const POINT_COUNT = /^NUM_(OBSERVED|PREDICTED)_POINTS\s+(\S+)$/;

type Section = 'OBSERVED' | 'PREDICTED';

/** A CelesTrak EOP row: the {@link EopRow} fields plus the columns only this format has. */
export interface CelestrakEopRow extends EopRow {
  /** Celestial pole offset dψ with respect to IAU 1980 nutation, arcsec. */
  readonly dPsiArcsec: number;
  /** Celestial pole offset dε with respect to IAU 1980 nutation, arcsec. */
  readonly dEpsArcsec: number;
  /** TAI−UTC as printed in the file (column DAT), s. */
  readonly taiMinusUtcS: number;
}

/** Options of {@link parseCelestrakEopRows}. */
export interface CelestrakEopRowsOptions {
  /** Name used in errors (default `'EOP-All.txt'`). */
  readonly source?: string;
  /** When given, the DAT column is checked against it (see {@link parseCelestrakEopRows}). */
  readonly leapSeconds?: LeapSecondTable;
}

/**
 * Reads the rows of a CelesTrak EOP file (`EOP-All.txt`, `EOP-Last5Years.txt`, format v1.1):
 * the whitespace-separated lines between `BEGIN OBSERVED`/`END OBSERVED` and
 * `BEGIN PREDICTED`/`END PREDICTED`, `yyyy mm dd MJD x y UT1-UTC LOD dPsi dEps dX dY DAT`
 * in arcsec and s. Lines outside the sections (the header) are not read, except
 * `NUM_OBSERVED_POINTS` and `NUM_PREDICTED_POINTS`, whose counts must match the sections.
 *
 * Rows of the predicted section are `predicted`. Each date must match its MJD and the MJDs
 * increase through both sections. With `leapSeconds`, the DAT column must equal TAI−UTC from
 * 1972 on, and lie within 1 s of it before (where CelesTrak prints the drifting value as an
 * integer).
 *
 * @param text - the whole file
 * @param options - `source` for errors, `leapSeconds` to check DAT against
 * @returns the rows, observed then predicted
 * @throws {@link DataFormatError} naming the 1-based line and the column at fault, or line 0
 *   when there is no data line or a section is not closed
 * @throws {@link TimeRangeError} when DAT is checked on a row older than `leapSeconds`
 * @see https://celestrak.org/SpaceData/EOP-format.php
 *
 * @example
 * ```ts
 * // Excerpt of EOP-All.txt v1.1 (2025-01-10): header left out, one row per section
 * const text = [
 *   'BEGIN OBSERVED',
 *   '2004 04 06 53101 -0.140857  0.333539 -0.4399552  0.0015095 -0.052181 -0.003943 -0.000097 -0.000098  32',
 *   'END OBSERVED',
 *   'BEGIN PREDICTED',
 *   '2025 01 11 60686  0.131870  0.305119  0.0425960 -0.0003037 -0.113248 -0.006259  0.000305 -0.000135  37',
 *   'END PREDICTED',
 * ].join('\n');
 * const rows = parseCelestrakEopRows(text, { leapSeconds: DEFAULT_LEAP_SECONDS });
 * rows[0]?.dPsiArcsec; // -0.052181
 * rows.at(-1)?.predicted; // true
 * ```
 */
export function parseCelestrakEopRows(
  text: string,
  options: CelestrakEopRowsOptions = {},
): CelestrakEopRow[] {
  const source = options.source ?? DEFAULT_SOURCE;
  const leapSeconds = options.leapSeconds;
  const lines = splitLines(text);
  const rows: CelestrakEopRow[] = [];
  const values = new Array<number>(NUMERIC_COLUMNS.length).fill(0);
  const declared: Partial<Record<Section, { count: number; line: number }>> = {};
  const found: Partial<Record<Section, number>> = {};
  let section: Section | undefined;
  let sectionLine = 0;
  let previousMjd = -Infinity;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const trimmed = lines[i]!.trim();
    if (trimmed === '') continue;

    const sectionMatch = SECTION.exec(trimmed);
    if (sectionMatch) {
      const [, verb, name] = sectionMatch as unknown as [string, 'BEGIN' | 'END', string];
      if (name !== 'OBSERVED' && name !== 'PREDICTED') {
        throw new DataFormatError(source, lineNo, `unknown section "${name}"`, verb);
      }
      if (verb === 'BEGIN') {
        if (section !== undefined) {
          throw new DataFormatError(
            source,
            lineNo,
            `BEGIN ${name} inside section ${section} (opened on line ${sectionLine})`,
            verb,
          );
        }
        if (found[name] !== undefined) {
          throw new DataFormatError(source, lineNo, `section ${name} given twice`, verb);
        }
        section = name;
        sectionLine = lineNo;
        found[name] = 0;
      } else {
        if (section !== name) {
          throw new DataFormatError(
            source,
            lineNo,
            `END ${name} does not close ${section === undefined ? 'any section' : `section ${section}`}`,
            verb,
          );
        }
        const expected = declared[name];
        if (expected !== undefined && expected.count !== found[name]) {
          throw new DataFormatError(
            source,
            lineNo,
            `section ${name} holds ${found[name]} rows, NUM_${name}_POINTS (line ${expected.line}) says ${expected.count}`,
            `NUM_${name}_POINTS`,
          );
        }
        section = undefined;
      }
      continue;
    }

    if (section === undefined) {
      const countMatch = POINT_COUNT.exec(trimmed);
      if (countMatch) {
        const name = countMatch[1] as Section;
        const keyword = `NUM_${name}_POINTS`;
        if (!/^\d+$/.test(countMatch[2]!)) {
          throw new DataFormatError(
            source,
            lineNo,
            `point count "${countMatch[2]}" is not an unsigned integer`,
            keyword,
          );
        }
        declared[name] = { count: Number(countMatch[2]), line: lineNo };
      }
      continue;
    }

    const fields = trimmed.split(/\s+/);
    if (fields.length !== FIELD_COUNT) {
      throw new DataFormatError(
        source,
        lineNo,
        `expected ${FIELD_COUNT} fields "yyyy mm dd MJD x y UT1-UTC LOD dPsi dEps dX dY DAT", found ${fields.length}`,
      );
    }
    const mjd = readYmdMjdRow(fields, previousMjd, source, lineNo);
    previousMjd = mjd;
    for (let k = 0; k < NUMERIC_COLUMNS.length; k++) {
      const [name, decimals] = NUMERIC_COLUMNS[k]!;
      values[k] = readEopDecimal(fields[4 + k]!, decimals, 0, source, lineNo, name);
    }
    const datField = fields[FIELD_COUNT - 1]!;
    if (!INTEGER.test(datField)) {
      throw new DataFormatError(source, lineNo, `DAT "${datField}" is not an integer`, 'DAT');
    }
    const taiMinusUtcS = Number(datField);
    if (leapSeconds !== undefined) {
      const expectedS = leapSeconds.taiMinusUtc(mjd).valueS;
      const consistent =
        mjd >= MJD_1972
          ? taiMinusUtcS === expectedS
          : Math.abs(taiMinusUtcS - expectedS) < PRE_1972_DAT_TOLERANCE_S;
      if (!consistent) {
        throw new DataFormatError(
          source,
          lineNo,
          `DAT = ${taiMinusUtcS} s disagrees with TAI-UTC = ${expectedS} s from ${leapSeconds.source}`,
          'DAT',
        );
      }
    }
    found[section] = (found[section] ?? 0) + 1;
    rows.push({
      mjd,
      xpArcsec: values[0]!,
      ypArcsec: values[1]!,
      ut1MinusUtcS: values[2]!,
      lodS: values[3]!,
      dPsiArcsec: values[4]!,
      dEpsArcsec: values[5]!,
      dXArcsec: values[6]!,
      dYArcsec: values[7]!,
      predicted: section === 'PREDICTED',
      taiMinusUtcS,
    });
  }

  if (section !== undefined) {
    throw new DataFormatError(
      source,
      0,
      `section ${section} opened on line ${sectionLine} is never closed (END ${section})`,
      'END',
    );
  }
  for (const name of ['OBSERVED', 'PREDICTED'] as const) {
    const expected = declared[name];
    if (expected !== undefined && found[name] === undefined && expected.count > 0) {
      throw new DataFormatError(
        source,
        expected.line,
        `NUM_${name}_POINTS says ${expected.count} but there is no section ${name}`,
        `NUM_${name}_POINTS`,
      );
    }
  }
  if (rows.length === 0) {
    throw new DataFormatError(source, 0, 'no data row between BEGIN and END lines found');
  }
  return rows;
}

/**
 * Reads a CelesTrak EOP file (`EOP-All.txt`, built from IERS EOP 20 C04 and its predictions)
 * into an {@link EopTable}, checking its DAT column against `leapSeconds`. See
 * {@link parseCelestrakEopRows} for the format and the checks; dψ, dε are read there but
 * not kept in the table (the IAU 2000A dX, dY are).
 *
 * @param text - the whole file
 * @param leapSeconds - TAI−UTC history: checks DAT, and serves UT1 interpolation
 * @param options - the table's interpolation and extrapolation, and `source`
 *   (default `'EOP-All.txt'`)
 * @returns the table
 * @throws {@link DataFormatError} naming the 1-based line and the column at fault
 *   (DAT inconsistent with `leapSeconds` included)
 * @throws {@link TimeRangeError} when a row predates the leap-second table
 * @see https://celestrak.org/SpaceData/EOP-format.php
 *
 * @example
 * ```ts
 * // Two rows of EOP-All.txt v1.1 (2004-04-06 and 07), header left out
 * const text = [
 *   'BEGIN OBSERVED',
 *   '2004 04 06 53101 -0.140857  0.333539 -0.4399552  0.0015095 -0.052181 -0.003943 -0.000097 -0.000098  32',
 *   '2004 04 07 53102 -0.140217  0.336400 -0.4413902  0.0013436 -0.052687 -0.003937 -0.000093 -0.000086  32',
 *   'END OBSERVED',
 * ].join('\n');
 * const eop = parseCelestrakEop(text, DEFAULT_LEAP_SECONDS);
 * eop.at(53101).ut1MinusUtcS; // -0.4399552
 * ```
 */
export function parseCelestrakEop(
  text: string,
  leapSeconds: LeapSecondTable,
  options: EopTableOptions = {},
): EopTable {
  const source = options.source ?? DEFAULT_SOURCE;
  const rows = parseCelestrakEopRows(text, { source, leapSeconds });
  return eopTableFromRows(rows, leapSeconds, options, source);
}
