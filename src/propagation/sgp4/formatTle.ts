import { InvalidArgumentError } from '../../errors';
import { formatAlpha5 } from './alpha5';
import { tleChecksum } from './tleChecksum';
import type { TleElements } from './tleElements';

/** Options of {@link formatTle}. */
export interface FormatTleOptions {
  /** Write the title line first when the set has a name. Default true. */
  readonly title?: boolean;
}

function check(name: string, v: number, ok: boolean, unit: string, why: string): void {
  if (!Number.isFinite(v) || !ok) throw new InvalidArgumentError(name, v, unit, why);
}

/** `value` with `decimals` digits, right-aligned in `width` columns. */
function fixed(name: string, value: number, decimals: number, width: number, unit: string): string {
  const t = value.toFixed(decimals);
  check(name, value, t.length <= width, unit, `does not fit in ${width} columns`);
  return t.padStart(width);
}

/** ±.dddddddd in 10 columns (the first-derivative field: no digit before the point). */
function signedFraction(name: string, value: number, unit: string): string {
  check(name, value, Math.abs(value) < 1, unit, 'must be in (-1, 1)');
  const t = Math.abs(value).toFixed(8);
  check(name, value, t.startsWith('0.'), unit, 'must round to less than 1 in 8 decimals');
  return `${value < 0 ? '-' : ' '}${t.slice(1)}`;
}

/** The "implied decimal point" form ±NNNNN±N (8 columns): 0.38792e-4 → ` 38792-4`. */
function impliedExponent(name: string, value: number, unit: string): string {
  check(name, value, true, unit, 'must be finite');
  if (value === 0) return ' 00000-0';
  const [mantissa = '', exp = ''] = Math.abs(value).toExponential(4).split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp) + 1;
  check(name, value, e <= 9, unit, 'must be below 1e9 in magnitude');
  if (e < -9) {
    // Below 1e-10 the field holds a mantissa with leading zeros and the exponent -9.
    const m = Math.round(Math.abs(value) * 1e14);
    if (m === 0) return ' 00000-0';
    return `${value < 0 ? '-' : ' '}${String(m).padStart(5, '0')}-9`;
  }
  return `${value < 0 ? '-' : ' '}${digits}${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

function integer(name: string, value: number, width: number): string {
  check(
    name,
    value,
    Number.isInteger(value) && value >= 0 && value < 10 ** width,
    '',
    `must be an integer in 0…${10 ** width - 1}`,
  );
  return String(value).padStart(width);
}

/**
 * Writes an element set as TLE text, with the checksums; the lines read back with
 * {@link parseTle} to the same element set (values are rounded to the digits of each field).
 *
 * @param elements - the element set, in the units of the TLE fields
 * @param options - whether to write the title line
 * @returns the lines: [title,] line 1, line 2, each line 1/2 69 characters
 * @throws {@link InvalidArgumentError} for a value that does not fit its field
 * @see Space-Track, "Two-Line Element Set Format"
 * @example
 * ```ts
 * const tle = parseTle([
 *   '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
 *   '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
 * ]);
 * formatTle(tle)[1]; // '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311'
 * ```
 */
export function formatTle(elements: TleElements, options: FormatTleOptions = {}): string[] {
  const e = elements;
  const satnum = formatAlpha5(e.satelliteNumber);
  const cls = e.classification === '' ? ' ' : e.classification;
  if (!/^[UCS ]$/.test(cls)) {
    throw new InvalidArgumentError(
      'classification',
      e.classification,
      '',
      "must be 'U', 'C', 'S' or ''",
    );
  }
  if (!/^[0-9A-Z ]{0,8}$/.test(e.internationalDesignator)) {
    throw new InvalidArgumentError(
      'internationalDesignator',
      e.internationalDesignator,
      '',
      'must be at most 8 digits, capitals or blanks',
    );
  }
  const year = e.epochYear;
  check(
    'epochYear',
    year,
    Number.isInteger(year) && year >= 1957 && year <= 2056,
    '',
    'must be an integer in 1957…2056',
  );
  const dayText = e.epochDayOfYear.toFixed(8).padStart(12, '0');
  check(
    'epochDayOfYear',
    e.epochDayOfYear,
    e.epochDayOfYear >= 1 && dayText.length === 12,
    'days',
    'must be in [1, 367)',
  );
  check(
    'ephemerisType',
    e.ephemerisType,
    Number.isInteger(e.ephemerisType) && e.ephemerisType >= 0 && e.ephemerisType <= 9,
    '',
    'must be a digit',
  );
  const line1Body =
    `1 ${satnum}${cls} ${e.internationalDesignator.padEnd(8)} ` +
    `${String(year % 100).padStart(2, '0')}${dayText} ` +
    `${signedFraction('meanMotionDotOver2RevPerDay2', e.meanMotionDotOver2RevPerDay2, 'rev/day²')} ` +
    `${impliedExponent('meanMotionDdotOver6RevPerDay3', e.meanMotionDdotOver6RevPerDay3, 'rev/day³')} ` +
    `${impliedExponent('bstarPerEarthRadius', e.bstarPerEarthRadius, '1/ER')} ` +
    `${e.ephemerisType} ${integer('elementSetNumber', e.elementSetNumber, 4)}`;
  const eccText = e.eccentricity.toFixed(7);
  check(
    'eccentricity',
    e.eccentricity,
    e.eccentricity >= 0 && eccText.startsWith('0.'),
    '',
    'must be in [0, 1) after rounding to 7 decimals',
  );
  const line2Body =
    `2 ${satnum} ${fixed('inclinationDeg', e.inclinationDeg, 4, 8, 'deg')} ` +
    `${fixed('raanDeg', e.raanDeg, 4, 8, 'deg')} ${eccText.slice(2)} ` +
    `${fixed('argOfPerigeeDeg', e.argOfPerigeeDeg, 4, 8, 'deg')} ` +
    `${fixed('meanAnomalyDeg', e.meanAnomalyDeg, 4, 8, 'deg')} ` +
    `${fixed('meanMotionRevPerDay', e.meanMotionRevPerDay, 8, 11, 'rev/day')}` +
    `${integer('revolutionNumber', e.revolutionNumber, 5)}`;
  const line1 = `${line1Body}${tleChecksum(line1Body)}`;
  const line2 = `${line2Body}${tleChecksum(line2Body)}`;
  const withTitle = (options.title ?? true) && e.name !== '';
  return withTitle ? [e.name, line1, line2] : [line1, line2];
}
