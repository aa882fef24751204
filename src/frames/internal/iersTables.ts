/**
 * Readers of the coefficient tables behind the Earth-orientation kernels:
 *
 * - the electronic tables of Chapter 5 of the IERS Conventions (2010) (IERS Technical Note 36):
 *   `tab5.2a.txt` (CIP X), `tab5.2b.txt` (CIP Y), `tab5.2d.txt` (s + XY/2), `tab5.2e.txt`
 *   (GST − ERA), `tab5.3a.txt` (Δψ) and `tab5.3b.txt` (Δε);
 * - Vallado's `nut80.dat`, the 106 terms of the IAU 1980 nutation series.
 *
 * They are used by `scripts/generate-iers-tables.ts` to build `src/data/iers2010*.ts`, and by
 * the tests, which parse the reference copies with the same code. They take the text of a
 * file and never read files themselves.
 *
 * @internal
 */
import { DataFormatError } from '../../errors';

/** Number of argument multipliers per term: l, l′, F, D, Ω, L_Me … L_Ne, p_A. */
export const MULTIPLIERS_PER_TERM = 14;

/** One term of a Chapter 5 series: Σ (S sin ARG + C cos ARG) · t^power. */
export interface IersSeriesTerm {
  /** The term number `i` printed in the first column (1-based, running through the table). */
  readonly index: number;
  /** Coefficient of sin(ARG), in the unit of the table (µas, or µas per century^power). */
  readonly sinCoefficient: number;
  /** Coefficient of cos(ARG), same unit. */
  readonly cosCoefficient: number;
  /**
   * The 14 integer multipliers of ARG, in the column order of the tables: l, l′, F, D, Ω,
   * L_Me, L_Ve, L_E, L_Ma, L_J, L_Sa, L_U, L_Ne, p_A.
   */
  readonly multipliers: readonly number[];
  /** 1-based line of the term in the file. */
  readonly line: number;
}

/** The terms multiplied by one power of t (a "j = …" block of a table). */
export interface IersSeriesBlock {
  /** The power j of t (Julian centuries of TT since J2000.0). */
  readonly power: number;
  /** The number of terms the table announces for this block ("Number of terms = N"). */
  readonly declaredTerms: number;
  /** The terms, in the order of the file. */
  readonly terms: readonly IersSeriesTerm[];
}

/** The polynomial part printed in a table header. */
export interface IersPolynomial {
  /** The unit named in the header: µas for tables 5.2a/b/d, arcsec for table 5.2e. */
  readonly unit: 'microarcsecond' | 'arcsecond';
  /** Coefficients of t^0 … t^n, in `unit` per century^k. */
  readonly coefficients: readonly number[];
}

/** A Chapter 5 table as read from its electronic file. */
export interface IersSeriesTable {
  /** Name of the file (for messages). */
  readonly source: string;
  /** The first paragraph of the file ("Table 5.2a: Expression for …"), on one line. */
  readonly title: string;
  /** The labels of the two coefficient columns, as printed (e.g. `a_{s,j})_i`, `a_{c,j})_i`). */
  readonly coefficientColumns: readonly [string, string];
  /** The polynomial part, when the header has one (tables 5.2a, 5.2b, 5.2d, 5.2e). */
  readonly polynomial: IersPolynomial | undefined;
  /** The blocks, in increasing power of t. */
  readonly blocks: readonly IersSeriesBlock[];
}

const BLOCK_HEADER = /^j\s*=\s*(\d+)\s+Number\s+of\s+terms\s*=\s*(\d+)\s*$/;
const COLUMN_HEADER = /^i\s+(\S+)\s+(\S+)\s+l\s+l'\s+F\s+D\s+Om\s/;
const POLYNOMIAL_HEADER = /^Polynomial part \(unit (microarcsecond|arcsecond)\)/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const POLYNOMIAL_TERM = /([+-])?\s*(\d+\.?\d*|\.\d+)\s*(?:t(?:\^(\d+))?)?/g;

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function readPolynomial(
  line: string,
  unit: IersPolynomial['unit'],
  source: string,
  lineNo: number,
): IersPolynomial {
  const coefficients: number[] = [];
  const compact = line.trim();
  let consumed = '';
  for (const m of compact.matchAll(POLYNOMIAL_TERM)) {
    if (m[0].trim() === '') continue;
    consumed += m[0];
    const power = m[3] !== undefined ? Number(m[3]) : m[0].includes('t') ? 1 : 0;
    if (power !== coefficients.length) {
      throw new DataFormatError(
        source,
        lineNo,
        `polynomial term "${m[0].trim()}" is out of order (expected t^${coefficients.length})`,
        'Polynomial part',
      );
    }
    const value = Number(m[2]);
    coefficients.push(m[1] === '-' ? -value : value);
  }
  if (coefficients.length === 0 || consumed.replace(/\s+/g, '') !== compact.replace(/\s+/g, '')) {
    throw new DataFormatError(
      source,
      lineNo,
      `cannot read the polynomial "${compact}"`,
      'Polynomial part',
    );
  }
  return { unit, coefficients };
}

/**
 * Reads one of the electronic tables of Chapter 5 of the IERS Conventions (2010): the
 * polynomial part of its header (when there is one), the labels of its two coefficient
 * columns, and every "j = …  Number of terms = N" block with its rows
 * `i  S  C  l l′ F D Ω L_Me L_Ve L_E L_Ma L_J L_Sa L_U L_Ne p_A`.
 *
 * In every table of the chapter the first coefficient column multiplies sin(ARG) and the
 * second cos(ARG) (tables 5.2b and 5.3b print them as `b_{s,j}`, `b_{c,j}` and `B″`, `B`).
 *
 * @param text - the whole file (LF or CRLF line ends; tabs count as spaces)
 * @param source - name of the file, used in error messages
 * @returns the table, with every block holding exactly the number of terms it announces
 * @throws {@link DataFormatError} naming the 1-based line when a row has the wrong number of
 *   fields or a non-numeric field, when the term numbers do not run 1, 2, 3 … through the
 *   table, when a block holds more or fewer rows than it announces, when a row comes before
 *   the first block, or when the file has no block or no column header
 * @see IERS Conventions (2010), IERS Technical Note 36, Chapter 5 and its electronic tables
 *   (https://iers-conventions.obspm.fr/)
 *
 * @example
 * ```ts
 * const table = parseIersSeriesTable(
 *   [
 *     'Table 5.2d: s + XY/2',
 *     'Polynomial part (unit microarcsecond)',
 *     '  94.0 + 3808.65 t',
 *     '    i    C_{s,j})_i      C_{c,j})_i    l    l\'   F    D   Om L_Me L_Ve  L_E L_Ma  L_J L_Sa  L_U L_Ne  p_A',
 *     'j = 0  Number of terms = 1',
 *     '    1       -2640.73           0.39    0    0    0    0    1    0    0    0    0    0    0    0    0    0',
 *   ].join('\n'),
 *   'tab5.2d.txt',
 * );
 * table.blocks[0]?.terms[0]?.sinCoefficient; // -2640.73
 * ```
 */
export function parseIersSeriesTable(text: string, source: string): IersSeriesTable {
  const lines = splitLines(text);
  const titleLines: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') break;
    titleLines.push(line.trim());
  }
  const title = titleLines.join(' ');
  let polynomial: IersPolynomial | undefined;
  let polynomialUnit: IersPolynomial['unit'] | undefined;
  let columns: [string, string] | undefined;
  const blocks: { power: number; declaredTerms: number; terms: IersSeriesTerm[]; line: number }[] =
    [];
  let nextIndex = 1;

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const trimmed = lines[i]!.replace(/\t/g, ' ').trim();
    if (trimmed === '' || /^-+$/.test(trimmed)) continue;

    const polyHeader = POLYNOMIAL_HEADER.exec(trimmed);
    if (polyHeader) {
      polynomialUnit = polyHeader[1] as IersPolynomial['unit'];
      continue;
    }
    if (polynomialUnit !== undefined && polynomial === undefined && /\bt\^\d/.test(trimmed)) {
      polynomial = readPolynomial(trimmed, polynomialUnit, source, lineNo);
      continue;
    }
    const columnHeader = COLUMN_HEADER.exec(trimmed);
    if (columnHeader) {
      columns ??= [columnHeader[1]!, columnHeader[2]!];
      continue;
    }
    const blockHeader = BLOCK_HEADER.exec(trimmed);
    if (blockHeader) {
      const power = Number(blockHeader[1]);
      if (power !== blocks.length) {
        throw new DataFormatError(
          source,
          lineNo,
          `block j = ${power} follows ${blocks.length} block(s); expected j = ${blocks.length}`,
          'j',
        );
      }
      blocks.push({ power, declaredTerms: Number(blockHeader[2]), terms: [], line: lineNo });
      continue;
    }

    const fields = trimmed.split(/\s+/);
    if (!INTEGER.test(fields[0]!)) continue; // prose of the header
    if (fields.length !== 3 + MULTIPLIERS_PER_TERM) {
      throw new DataFormatError(
        source,
        lineNo,
        `a term row needs ${3 + MULTIPLIERS_PER_TERM} fields, found ${fields.length}`,
      );
    }
    const block = blocks.at(-1);
    if (block === undefined) {
      throw new DataFormatError(source, lineNo, 'term row before the first "j = …" block');
    }
    const index = Number(fields[0]);
    if (index !== nextIndex) {
      throw new DataFormatError(
        source,
        lineNo,
        `term number ${index} where ${nextIndex} was expected`,
        'i',
      );
    }
    nextIndex++;
    for (let f = 1; f <= 2; f++) {
      if (!DECIMAL.test(fields[f]!)) {
        throw new DataFormatError(source, lineNo, `"${fields[f]}" is not a number`, 'coefficient');
      }
    }
    const multipliers: number[] = [];
    for (let f = 3; f < fields.length; f++) {
      if (!INTEGER.test(fields[f]!)) {
        throw new DataFormatError(
          source,
          lineNo,
          `"${fields[f]}" is not an integer multiplier`,
          'multiplier',
        );
      }
      multipliers.push(Number(fields[f]));
    }
    block.terms.push({
      index,
      sinCoefficient: Number(fields[1]),
      cosCoefficient: Number(fields[2]),
      multipliers,
      line: lineNo,
    });
  }

  if (blocks.length === 0) {
    throw new DataFormatError(source, 0, 'no "j = …  Number of terms = N" block found');
  }
  if (columns === undefined) {
    throw new DataFormatError(source, 0, 'no column header ("i … l l\' F D Om …") found');
  }
  for (const block of blocks) {
    if (block.terms.length !== block.declaredTerms) {
      throw new DataFormatError(
        source,
        block.line,
        `block j = ${block.power} announces ${block.declaredTerms} terms but holds ${block.terms.length}`,
        'Number of terms',
      );
    }
  }
  return {
    source,
    title,
    coefficientColumns: columns,
    polynomial,
    blocks: blocks.map(({ power, declaredTerms, terms }) => ({ power, declaredTerms, terms })),
  };
}

/** One row of `nut80.dat`: a term of the IAU 1980 nutation series. */
export interface Nut80Term {
  /** Multipliers of l, l′, F, D, Ω. */
  readonly multipliers: readonly [number, number, number, number, number];
  /** A: coefficient of sin(ARG) in Δψ, 0.0001″. */
  readonly dPsiSin: number;
  /** B: rate of A, 0.0001″ per Julian century. */
  readonly dPsiSinRate: number;
  /** C: coefficient of cos(ARG) in Δε, 0.0001″. */
  readonly dEpsCos: number;
  /** D: rate of C, 0.0001″ per Julian century. */
  readonly dEpsCosRate: number;
  /** The term number of the 1980 IAU theory (last column). */
  readonly termNumber: number;
  /** 1-based line in the file. */
  readonly line: number;
}

/** Number of terms of the IAU 1980 nutation series. */
export const NUT80_TERMS = 106;

/**
 * Reads Vallado's `nut80.dat`: the 106 terms of the IAU 1980 nutation theory, one per line:
 * the multipliers of l, l′, F, D, Ω, then A (0.0001″), B (0.0001″/century), C (0.0001″),
 * D (0.0001″/century) and the term number (1 … 106). The term numbers are returned as
 * printed and not required to be distinct: Vallado's file labels two rows 58 (its line 45 is
 * term 59 of the series); the generator of the bundled data corrects that one label.
 *
 * @param text - the whole file (CRLF or LF)
 * @param source - name of the file, used in error messages
 * @param expectedTerms - number of terms the file must hold (106)
 * @returns the terms in the order of the file
 * @throws {@link DataFormatError} naming the 1-based line when a line does not hold ten
 *   numbers, a multiplier is not an integer, a term number is outside 1 … `expectedTerms`, or
 *   the file does not hold exactly `expectedTerms` terms (line 0)
 * @see D. A. Vallado, Fundamentals of Astrodynamics and Applications (2013), §3.7
 *
 * @example
 * ```ts
 * const terms = parseNut80Dat(' 0  0  0  0  1 -171996 -174.2 92025  8.9    1\r\n', 'nut80.dat', 1);
 * terms[0]?.dPsiSin; // -171996
 * ```
 */
export function parseNut80Dat(
  text: string,
  source: string,
  expectedTerms: number = NUT80_TERMS,
): readonly Nut80Term[] {
  const lines = splitLines(text);
  const terms: Nut80Term[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const trimmed = lines[i]!.trim();
    if (trimmed === '') continue;
    const fields = trimmed.split(/\s+/);
    if (fields.length !== 10) {
      throw new DataFormatError(source, lineNo, `expected 10 fields, found ${fields.length}`);
    }
    for (let f = 0; f < 10; f++) {
      const isInteger = f < 5 || f === 9;
      if (!(isInteger ? INTEGER : DECIMAL).test(fields[f]!)) {
        throw new DataFormatError(
          source,
          lineNo,
          `"${fields[f]}" is not ${isInteger ? 'an integer' : 'a number'}`,
          `column ${f + 1}`,
        );
      }
    }
    const termNumber = Number(fields[9]);
    if (termNumber < 1 || termNumber > expectedTerms) {
      throw new DataFormatError(
        source,
        lineNo,
        `term number ${termNumber} is outside 1…${expectedTerms}`,
        'column 10',
      );
    }
    const n = fields.map(Number);
    terms.push({
      multipliers: [n[0]!, n[1]!, n[2]!, n[3]!, n[4]!],
      dPsiSin: n[5]!,
      dPsiSinRate: n[6]!,
      dEpsCos: n[7]!,
      dEpsCosRate: n[8]!,
      termNumber,
      line: lineNo,
    });
  }
  if (terms.length !== expectedTerms) {
    throw new DataFormatError(source, 0, `expected ${expectedTerms} terms, found ${terms.length}`);
  }
  return terms;
}
