import { DataFormatError, InvalidArgumentError } from '../../errors';
import { parseAlpha5 } from './alpha5';
import { tleChecksum } from './tleChecksum';
import type { TleElements } from './tleElements';

/** Options of {@link parseTle} and {@link parseTleCatalogue}. */
export interface ParseTleOptions {
  /**
   * `'strict'` (default): column 69 must hold the checksum of columns 1–68. `'lenient'`: the
   * checksum is not verified and column 69 may be missing, as some test files need.
   */
  readonly checksum?: 'strict' | 'lenient';
  /** Name of the text in error messages. Default `'TLE'`. */
  readonly source?: string;
}

/** One field of a TLE line: its keyword (CCSDS OMM name where there is one) and columns. */
interface Field {
  readonly keyword: string;
  /** First column, 1-based. */
  readonly first: number;
  /** Last column, 1-based, inclusive. */
  readonly last: number;
  /** What the field should hold, for the message. */
  readonly expects: string;
}

/** Per-line context of a parse: the source name, the line's text and its 1-based number. */
interface LineContext {
  readonly source: string;
  readonly text: string;
  readonly lineNo: number;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function fieldText(ctx: LineContext, f: Field): string {
  return ctx.text.slice(f.first - 1, f.last);
}

function fail(ctx: LineContext, f: Field, why?: string): never {
  const cols = f.first === f.last ? `column ${f.first}` : `columns ${f.first}–${f.last}`;
  throw new DataFormatError(
    ctx.source,
    ctx.lineNo,
    `${cols} "${fieldText(ctx, f)}": ${why ?? `expected ${f.expects}`}`,
    f.keyword,
  );
}

function blank(ctx: LineContext, column: number): void {
  if (ctx.text.charAt(column - 1) !== ' ') {
    fail(ctx, { keyword: 'SEPARATOR', first: column, last: column, expects: 'a blank' });
  }
}

function decimal(ctx: LineContext, f: Field, min: number, max: number, unit: string): number {
  const t = fieldText(ctx, f).trim();
  if (!DECIMAL.test(t)) fail(ctx, f);
  const v = Number(t) + 0;
  if (!(v >= min && v <= max)) fail(ctx, f, `${v} ${unit} is outside [${min}, ${max}] ${unit}`);
  return v;
}

/** Digits with leading blanks (or all blank, read as `blankValue` when it is given). */
function integer(ctx: LineContext, f: Field, blankValue?: number): number {
  const t = fieldText(ctx, f);
  if (t.trim() === '' && blankValue !== undefined) return blankValue;
  if (!/^ *\d+$/.test(t)) fail(ctx, f);
  return Number(t);
}

/** The TLE's "implied decimal point and exponent" form: ` 38792-4` = 0.38792e-4. */
function impliedExponent(ctx: LineContext, f: Field): number {
  const t = fieldText(ctx, f);
  const m = /^([ +-])([ \d]{5})([ +-])(\d)$/.exec(t);
  if (m === null || !/\d/.test(m[2] ?? '')) fail(ctx, f);
  const sign = m[1] === '-' ? '-' : '';
  const digits = (m[2] ?? '').replace(/ /g, '0');
  const exponent = `${m[3] === '-' ? '-' : ''}${m[4]}`;
  return Number(`${sign}0.${digits}e${exponent}`) + 0;
}

function lineNumber(ctx: LineContext, expected: '1' | '2'): void {
  if (ctx.text.charAt(0) !== expected) {
    fail(ctx, { keyword: 'LINE_NUMBER', first: 1, last: 1, expects: `'${expected}'` });
  }
}

function checkLength(ctx: LineContext, lenient: boolean): void {
  const n = ctx.text.length;
  if (n === 69 || (lenient && n === 68)) return;
  throw new DataFormatError(
    ctx.source,
    ctx.lineNo,
    `the line has ${n} characters; a TLE line has 69 (columns 1–69)`,
    'LINE_LENGTH',
  );
}

function checksum(ctx: LineContext, lenient: boolean): void {
  if (lenient) return;
  const f: Field = { keyword: 'CHECKSUM', first: 69, last: 69, expects: 'a digit' };
  const c = ctx.text.charAt(68);
  if (!/\d/.test(c)) fail(ctx, f);
  const expected = tleChecksum(ctx.text);
  if (Number(c) !== expected) {
    fail(ctx, f, `checksum is ${c}, columns 1–68 give ${expected} (use checksum: 'lenient')`);
  }
}

const F = {
  satnum: { keyword: 'NORAD_CAT_ID', first: 3, last: 7, expects: 'a catalogue number' },
  classification: {
    keyword: 'CLASSIFICATION_TYPE',
    first: 8,
    last: 8,
    expects: "'U', 'C', 'S' or a blank",
  },
  designator: {
    keyword: 'OBJECT_ID',
    first: 10,
    last: 17,
    expects: 'an international designator (digits, capitals, blanks)',
  },
  epochYear: { keyword: 'EPOCH', first: 19, last: 20, expects: 'a two-digit year' },
  epochDay: { keyword: 'EPOCH', first: 21, last: 32, expects: 'a day of the year, days' },
  ndot: { keyword: 'MEAN_MOTION_DOT', first: 34, last: 43, expects: 'ṅ/2, rev/day²' },
  nddot: {
    keyword: 'MEAN_MOTION_DDOT',
    first: 45,
    last: 52,
    expects: 'n̈/6 in the form ±NNNNN±N, rev/day³',
  },
  bstar: { keyword: 'BSTAR', first: 54, last: 61, expects: 'B* in the form ±NNNNN±N, 1/ER' },
  ephemerisType: { keyword: 'EPHEMERIS_TYPE', first: 63, last: 63, expects: 'a digit or blank' },
  elementSet: { keyword: 'ELEMENT_SET_NO', first: 65, last: 68, expects: 'an integer' },
  inclination: { keyword: 'INCLINATION', first: 9, last: 16, expects: 'degrees' },
  raan: { keyword: 'RA_OF_ASC_NODE', first: 18, last: 25, expects: 'degrees' },
  eccentricity: {
    keyword: 'ECCENTRICITY',
    first: 27,
    last: 33,
    expects: 'seven digits after an implied decimal point',
  },
  argp: { keyword: 'ARG_OF_PERICENTER', first: 35, last: 42, expects: 'degrees' },
  meanAnomaly: { keyword: 'MEAN_ANOMALY', first: 44, last: 51, expects: 'degrees' },
  meanMotion: { keyword: 'MEAN_MOTION', first: 53, last: 63, expects: 'rev/day' },
  revolution: { keyword: 'REV_AT_EPOCH', first: 64, last: 68, expects: 'an integer' },
} as const satisfies Record<string, Field>;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function readLine1(ctx: LineContext, lenient: boolean) {
  checkLength(ctx, lenient);
  lineNumber(ctx, '1');
  blank(ctx, 2);
  const satelliteNumber = parseAlpha5(fieldText(ctx, F.satnum));
  if (satelliteNumber < 0) fail(ctx, F.satnum);
  const cls = fieldText(ctx, F.classification);
  if (!/^[UCS ]$/.test(cls)) fail(ctx, F.classification);
  blank(ctx, 9);
  const designator = fieldText(ctx, F.designator);
  if (!/^[0-9A-Z ]{8}$/.test(designator)) fail(ctx, F.designator);
  blank(ctx, 18);
  const yy = fieldText(ctx, F.epochYear);
  if (!/^\d\d$/.test(yy)) fail(ctx, F.epochYear);
  const epochYear = Number(yy) < 57 ? 2000 + Number(yy) : 1900 + Number(yy);
  const epochDayOfYear = decimal(ctx, F.epochDay, 1, isLeapYear(epochYear) ? 367 : 366, 'days');
  if (epochDayOfYear >= (isLeapYear(epochYear) ? 367 : 366)) {
    fail(ctx, F.epochDay, `day ${epochDayOfYear} is past the end of ${epochYear}`);
  }
  blank(ctx, 33);
  const ndot = fieldText(ctx, F.ndot).trim();
  if (!DECIMAL.test(ndot)) fail(ctx, F.ndot);
  blank(ctx, 44);
  const nddot = impliedExponent(ctx, F.nddot);
  blank(ctx, 53);
  const bstar = impliedExponent(ctx, F.bstar);
  blank(ctx, 62);
  const eph = fieldText(ctx, F.ephemerisType);
  if (!/^[\d ]$/.test(eph)) fail(ctx, F.ephemerisType);
  blank(ctx, 64);
  const elementSetNumber = integer(ctx, F.elementSet, 0);
  checksum(ctx, lenient);
  return {
    satelliteNumber,
    classification: cls.trim(),
    internationalDesignator: designator.trim(),
    epochYear,
    epochDayOfYear,
    meanMotionDotOver2RevPerDay2: Number(ndot) + 0,
    meanMotionDdotOver6RevPerDay3: nddot,
    bstarPerEarthRadius: bstar,
    ephemerisType: eph === ' ' ? 0 : Number(eph),
    elementSetNumber,
  };
}

function readLine2(ctx: LineContext, lenient: boolean, satelliteNumber: number) {
  checkLength(ctx, lenient);
  lineNumber(ctx, '2');
  blank(ctx, 2);
  const n2 = parseAlpha5(fieldText(ctx, F.satnum));
  if (n2 < 0) fail(ctx, F.satnum);
  if (n2 !== satelliteNumber) {
    fail(ctx, F.satnum, `catalogue number ${n2} differs from line 1's ${satelliteNumber}`);
  }
  blank(ctx, 8);
  const inclinationDeg = decimal(ctx, F.inclination, 0, 180, 'deg');
  blank(ctx, 17);
  const raanDeg = decimal(ctx, F.raan, 0, 360, 'deg');
  blank(ctx, 26);
  const ecc = fieldText(ctx, F.eccentricity);
  if (!/^ *\d+$/.test(ecc)) fail(ctx, F.eccentricity);
  blank(ctx, 34);
  const argOfPerigeeDeg = decimal(ctx, F.argp, 0, 360, 'deg');
  blank(ctx, 43);
  const meanAnomalyDeg = decimal(ctx, F.meanAnomaly, 0, 360, 'deg');
  blank(ctx, 52);
  const meanMotionRevPerDay = decimal(ctx, F.meanMotion, 0, 100, 'rev/day');
  if (meanMotionRevPerDay === 0) fail(ctx, F.meanMotion, 'mean motion must be > 0 rev/day');
  const revolutionNumber = integer(ctx, F.revolution, 0);
  checksum(ctx, lenient);
  return {
    inclinationDeg,
    raanDeg,
    eccentricity: Number(`0.${ecc.replace(/ /g, '0')}`),
    argOfPerigeeDeg,
    meanAnomalyDeg,
    meanMotionRevPerDay,
    revolutionNumber,
  };
}

function readOptions(options: ParseTleOptions): { lenient: boolean; source: string } {
  const mode = options.checksum ?? 'strict';
  if (mode !== 'strict' && mode !== 'lenient') {
    throw new InvalidArgumentError('checksum', mode, '', "must be 'strict' or 'lenient'");
  }
  return { lenient: mode === 'lenient', source: options.source ?? 'TLE' };
}

/** Strips a line's end-of-line and trailing blanks beyond column 69. */
function clean(line: string): string {
  const t = line.replace(/\r$/, '');
  return t.length > 69 ? t.replace(/\s+$/, '') : t;
}

function titleName(line: string): string {
  const t = line.trim();
  // Space-Track's three-line format prefixes the title with "0 ".
  return t.startsWith('0 ') ? t.slice(2).trim() : t;
}

/** Reads one set from its lines (title optional), with `firstLineNo` the 1-based number. */
function readSet(
  lines: readonly string[],
  firstLineNo: number,
  lenient: boolean,
  source: string,
): TleElements {
  const hasTitle = lines.length === 3;
  const l1 = clean(lines[hasTitle ? 1 : 0] ?? '');
  const l2 = clean(lines[hasTitle ? 2 : 1] ?? '');
  const n1 = firstLineNo + (hasTitle ? 1 : 0);
  const a = readLine1({ source, text: l1, lineNo: n1 }, lenient);
  const b = readLine2({ source, text: l2, lineNo: n1 + 1 }, lenient, a.satelliteNumber);
  return Object.freeze({ name: hasTitle ? titleName(lines[0] ?? '') : '', ...a, ...b });
}

/**
 * Reads one two-line element set, with or without its title line, checking every field by
 * its columns.
 *
 * @param lines - the text of the set, or its 2 or 3 lines (title, line 1, line 2)
 * @param options - checksum policy and the name of the source in error messages
 * @returns the element set, in the units of the TLE fields
 * @throws {@link DataFormatError} naming the line, the field (its CCSDS OMM keyword, or
 *   `SEPARATOR`, `LINE_NUMBER`, `LINE_LENGTH`, `CHECKSUM`) and its columns
 * @see Space-Track, "Two-Line Element Set Format"; Vallado et al. (2006), AIAA 2006-6753,
 *   routine twoline2rv
 * @example
 * ```ts
 * const tle = parseTle([
 *   'ISS (ZARYA)',
 *   '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
 *   '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
 * ]);
 * tle.name; // 'ISS (ZARYA)'
 * tle.bstarPerEarthRadius; // 0.000019557
 * ```
 */
export function parseTle(
  lines: string | readonly string[],
  options: ParseTleOptions = {},
): TleElements {
  const { lenient, source } = readOptions(options);
  const all = typeof lines === 'string' ? lines.split('\n') : lines;
  const kept = all.map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  if (kept.length !== 2 && kept.length !== 3) {
    throw new DataFormatError(
      source,
      0,
      `a TLE has 2 lines (3 with a title), found ${kept.length} non-blank lines`,
    );
  }
  const skipped = typeof lines === 'string' ? all.findIndex((l) => l.trim() !== '') : 0;
  return readSet(kept, skipped + 1, lenient, source);
}

/**
 * Reads every element set of a text: two-line sets, optionally preceded by a title line
 * (plain or Space-Track's `0 NAME`). Blank lines are skipped.
 *
 * @param text - the catalogue text (LF or CRLF line ends)
 * @param options - checksum policy and the name of the source in error messages
 * @returns the element sets in the order of the text
 * @throws {@link DataFormatError} naming the line and field of the first fault
 * @see {@link parseTle}
 * @example
 * ```ts
 * const sets = parseTleCatalogue([
 *   '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
 *   '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
 * ].join('\n'));
 * sets.length; // 1
 * ```
 */
export function parseTleCatalogue(text: string, options: ParseTleOptions = {}): TleElements[] {
  const { lenient, source } = readOptions(options);
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const out: TleElements[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const next = lines[i + 1] ?? '';
    if (line.startsWith('1 ') && next.startsWith('2 ')) {
      out.push(readSet([line, next], i + 1, lenient, source));
      i += 2;
    } else if (next.startsWith('1 ')) {
      out.push(readSet([line, next, lines[i + 2] ?? ''], i + 1, lenient, source));
      i += 3;
    } else {
      throw new DataFormatError(
        source,
        i + 1,
        'expected a title line or TLE line 1 followed by line 2',
        'LINE_NUMBER',
      );
    }
  }
  return out;
}
