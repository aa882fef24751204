import { CcsdsParseError } from '../errors';
import type { CcsdsUnitsBehavior } from './options';

/** Dimension exponents: length, time, mass, angle. */
type Dims = readonly [number, number, number, number];

interface ParsedUnit {
  /** Size of the unit in SI (m, s, kg, rad). */
  readonly scale: number;
  readonly dims: Dims;
}

const L: Dims = [1, 0, 0, 0];
const T: Dims = [0, 1, 0, 0];
const M: Dims = [0, 0, 1, 0];
const A: Dims = [0, 0, 0, 1];
const NONE: Dims = [0, 0, 0, 0];
const PER_T: Dims = [0, -1, 0, 0];

/** Earth radius of the SGP4 (WGS-72) theory, m: the ER of BSTAR's 1/ER. */
const SGP4_EARTH_RADIUS_M = 6_378_135;

const BASE_UNITS: Readonly<Record<string, ParsedUnit>> = {
  m: { scale: 1, dims: L },
  km: { scale: 1e3, dims: L },
  cm: { scale: 1e-2, dims: L },
  mm: { scale: 1e-3, dims: L },
  ER: { scale: SGP4_EARTH_RADIUS_M, dims: L },
  s: { scale: 1, dims: T },
  ms: { scale: 1e-3, dims: T },
  min: { scale: 60, dims: T },
  h: { scale: 3600, dims: T },
  d: { scale: 86400, dims: T },
  day: { scale: 86400, dims: T },
  kg: { scale: 1, dims: M },
  g: { scale: 1e-3, dims: M },
  rad: { scale: 1, dims: A },
  deg: { scale: Math.PI / 180, dims: A },
  rev: { scale: 2 * Math.PI, dims: A },
  Hz: { scale: 1, dims: PER_T },
  kHz: { scale: 1e3, dims: PER_T },
  MHz: { scale: 1e6, dims: PER_T },
  GHz: { scale: 1e9, dims: PER_T },
};

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
  '⁻': '-',
};

/**
 * Reads a unit as the CCSDS messages write it: `km`, `km/s`, `km**3/s**2`, `m**2/kg`,
 * `1/ER`, `rev/day**2`, and the Unicode forms `m×s⁻¹`, `km²·s⁻¹`, `km².s⁻²`. Returns
 * undefined for text it cannot read.
 */
export function parseUnit(text: string): ParsedUnit | undefined {
  const t = text.trim();
  if (t === '' || t === 'n/a' || t === '1') return { scale: 1, dims: NONE };
  let scale = 1;
  const dims = [0, 0, 0, 0];
  let i = 0;
  let sign = 1;
  let expectFactor = true;
  while (i < t.length) {
    const c = t[i]!;
    if (expectFactor) {
      const m = /^([A-Za-z]+|1)/.exec(t.slice(i));
      if (m === null) return undefined;
      const name = m[1]!;
      i += name.length;
      let base: ParsedUnit | undefined;
      if (name === '1') base = { scale: 1, dims: NONE };
      else base = BASE_UNITS[name];
      if (base === undefined) return undefined;
      // Exponent: **n, ^n, or superscripts.
      let exp = 1;
      const rest = t.slice(i);
      const e1 = /^(?:\*\*|\^)(-?\d+)/.exec(rest);
      if (e1 !== null) {
        exp = Number(e1[1]);
        i += e1[0].length;
      } else {
        let sup = '';
        while (i < t.length && SUPERSCRIPTS[t[i]!] !== undefined) {
          sup += SUPERSCRIPTS[t[i]!];
          i++;
        }
        if (sup !== '') {
          if (!/^-?\d+$/.test(sup)) return undefined;
          exp = Number(sup);
        }
      }
      const e = sign * exp;
      scale *= base.scale ** e;
      for (let k = 0; k < 4; k++) dims[k]! += base.dims[k]! * e;
      expectFactor = false;
      continue;
    }
    if (c === '/') sign = -1;
    else if (c === '*' || c === '·' || c === '.' || c === '×' || c === ' ')
      sign = sign === -1 ? -1 : 1;
    else return undefined;
    i++;
    expectFactor = true;
  }
  if (expectFactor) return undefined;
  return { scale, dims: dims as unknown as Dims };
}

function sameDims(a: Dims, b: Dims): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/**
 * The standard unit of a keyword as written by the CCSDS tables (ODM 502.0-B-3 Tables 3-3,
 * 4-3, 5-3 and 6-x; TDM 503.0-B-2 Table 3-5): `''` for a dimensionless value, `'*'` for a
 * value whose unit the message states elsewhere (RANGE_UNITS).
 */
export type StandardUnit = string;

/**
 * Checks the unit given with a value and returns the value in the standard unit.
 *
 * @throws {@link CcsdsParseError} (`incompatible-units`) when the policy refuses the unit
 */
export function applyUnit(
  value: number,
  given: string | undefined,
  standard: StandardUnit,
  behavior: CcsdsUnitsBehavior,
  line: number,
  keyword: string,
): number {
  if (given === undefined || behavior === 'ignore' || standard === '*') return value;
  const std = parseUnit(standard);
  const got = parseUnit(given);
  if (std === undefined) return value;
  if (got === undefined) {
    throw new CcsdsParseError(
      'incompatible-units',
      line,
      keyword,
      `unit "${given}" cannot be read (expected ${standard || 'no unit'})`,
    );
  }
  if (!sameDims(std.dims, got.dims)) {
    throw new CcsdsParseError(
      'incompatible-units',
      line,
      keyword,
      `unit "${given}" is not compatible with ${standard || 'a dimensionless value'}`,
    );
  }
  const ratio = got.scale / std.scale;
  if (Math.abs(ratio - 1) <= 1e-14) return value;
  if (behavior === 'strict') {
    throw new CcsdsParseError(
      'incompatible-units',
      line,
      keyword,
      `unit "${given}" found where the standard prescribes ${standard} (strict units)`,
    );
  }
  // Divide by an exact power of ten rather than multiply by its inexact inverse, so that
  // 6503514 m reads as exactly the double of 6503.514 km.
  const inverse = 1 / ratio;
  const rounded = Math.round(inverse);
  if (inverse > 1 && Math.abs(inverse - rounded) <= 1e-9 * inverse) return value / rounded;
  return value * ratio;
}
