import { DataFormatError, InvalidArgumentError } from '../../errors';
import type { TleElements } from './tleElements';

/**
 * An OMM's mean elements as a plain record keyed by the CCSDS OMM keywords (CCSDS 502.0-B-3
 * §4; the same names as CelesTrak's JSON and CSV): OBJECT_NAME, OBJECT_ID, EPOCH,
 * MEAN_MOTION [rev/day], ECCENTRICITY, INCLINATION, RA_OF_ASC_NODE, ARG_OF_PERICENTER,
 * MEAN_ANOMALY [deg], EPHEMERIS_TYPE, CLASSIFICATION_TYPE, NORAD_CAT_ID, ELEMENT_SET_NO,
 * REV_AT_EPOCH, BSTAR [1/ER], MEAN_MOTION_DOT [rev/day²], MEAN_MOTION_DDOT [rev/day³].
 * Values may be numbers or their text.
 */
export type OmmRecord = Readonly<Record<string, number | string | null | undefined>>;

/** Options of {@link tleElementsFromOmm}, {@link parseOmmJson} and {@link parseOmmCsv}. */
export interface OmmOptions {
  /**
   * How MEAN_MOTION_DOT and MEAN_MOTION_DDOT are read. `'tleField'` (default): they hold
   * the TLE's fields unchanged (ṅ/2 and n̈/6), as CelesTrak and Space-Track write them.
   * `'derivative'`: they hold ṅ and n̈ themselves, as the CCSDS text defines them (and Orekit
   * reads them); they are halved and divided by 6 to make the TLE fields.
   */
  readonly meanMotionDot?: 'tleField' | 'derivative';
  /** Name of the source in error messages. Default `'OMM'`. */
  readonly source?: string;
}

/** Where a record came from, for error messages. */
interface Where {
  readonly source: string;
  readonly line: number;
}

function number(r: OmmRecord, key: string, where: Where, fallback?: number): number {
  const v = r[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (fallback !== undefined) return fallback;
    throw new DataFormatError(where.source, where.line, `${key} is missing`, key);
  }
  const x =
    typeof v === 'number'
      ? v
      : /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)
        ? Number(v)
        : Number.NaN;
  if (!Number.isFinite(x)) {
    throw new DataFormatError(
      where.source,
      where.line,
      `${key} = ${JSON.stringify(v)} is not a number`,
      key,
    );
  }
  return x + 0;
}

function text(r: OmmRecord, key: string, fallback: string): string {
  const v = r[key];
  return v === undefined || v === null ? fallback : String(v).trim();
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** EPOCH (UTC, calendar or ordinal ISO 8601) → year and fractional day of year. */
function readEpoch(r: OmmRecord, where: Where): { year: number; day: number } {
  const v = text(r, 'EPOCH', '');
  const m =
    /^(\d{4})-(?:(\d{2})-(\d{2})|(\d{3}))(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d*)?))?)?Z?$/.exec(v);
  const fail = (why: string): never => {
    throw new DataFormatError(
      where.source,
      where.line,
      `EPOCH = ${JSON.stringify(v)}: ${why}`,
      'EPOCH',
    );
  };
  if (m === null) return fail('expected YYYY-MM-DDThh:mm:ss[.f] or YYYY-DDDThh:mm:ss[.f] (UTC)');
  const year = Number(m[1]);
  let ordinal: number;
  if (m[4] !== undefined) ordinal = Number(m[4]);
  else {
    const month = Number(m[2]);
    const dom = Number(m[3]);
    if (month < 1 || month > 12 || dom < 1 || dom > 31) return fail('no such date');
    ordinal = (MONTH_START[month - 1] ?? 0) + dom + (month > 2 && isLeapYear(year) ? 1 : 0);
  }
  if (ordinal < 1 || ordinal > (isLeapYear(year) ? 366 : 365))
    return fail('no such day of the year');
  const h = Number(m[5] ?? 0);
  const min = Number(m[6] ?? 0);
  const s = Number(m[7] ?? 0);
  if (h > 23 || min > 59 || s >= 60) return fail('no such time of day');
  return { year, day: ordinal + (h * 3600 + min * 60 + s) / 86400 };
}

/** OBJECT_ID "1998-067A" → the TLE designator "98067A"; TLE-form text is kept. */
function designator(id: string): string {
  const m = /^\d{2}(\d{2})-(\d{3})([A-Z]{1,3})$/.exec(id);
  if (m) return `${m[1]}${m[2]}${m[3]}`;
  return /^[0-9A-Z]{1,8}$/.test(id) ? id : '';
}

function convention(options: OmmOptions): 'tleField' | 'derivative' {
  const c = options.meanMotionDot ?? 'tleField';
  if (c !== 'tleField' && c !== 'derivative') {
    throw new InvalidArgumentError('meanMotionDot', c, '', "must be 'tleField' or 'derivative'");
  }
  return c;
}

function fromRecord(r: OmmRecord, options: OmmOptions, where: Where): TleElements {
  const halve = convention(options) === 'derivative';
  const { year, day } = readEpoch(r, where);
  const ndot = number(r, 'MEAN_MOTION_DOT', where, 0);
  const nddot = number(r, 'MEAN_MOTION_DDOT', where, 0);
  const cls = text(r, 'CLASSIFICATION_TYPE', 'U');
  return Object.freeze({
    name: text(r, 'OBJECT_NAME', ''),
    satelliteNumber: number(r, 'NORAD_CAT_ID', where),
    classification: cls,
    internationalDesignator: designator(text(r, 'OBJECT_ID', '')),
    epochYear: year,
    epochDayOfYear: day,
    meanMotionDotOver2RevPerDay2: halve ? ndot / 2 : ndot,
    meanMotionDdotOver6RevPerDay3: halve ? nddot / 6 : nddot,
    bstarPerEarthRadius: number(r, 'BSTAR', where, 0),
    ephemerisType: number(r, 'EPHEMERIS_TYPE', where, 0),
    elementSetNumber: number(r, 'ELEMENT_SET_NO', where, 0),
    inclinationDeg: number(r, 'INCLINATION', where),
    raanDeg: number(r, 'RA_OF_ASC_NODE', where),
    eccentricity: number(r, 'ECCENTRICITY', where),
    argOfPerigeeDeg: number(r, 'ARG_OF_PERICENTER', where),
    meanAnomalyDeg: number(r, 'MEAN_ANOMALY', where),
    meanMotionRevPerDay: number(r, 'MEAN_MOTION', where),
    revolutionNumber: number(r, 'REV_AT_EPOCH', where, 0),
  });
}

/**
 * The element set of an OMM given as a record of CCSDS keywords (from CelesTrak's JSON or
 * CSV, or from a KVN/XML OMM read by the CCSDS module).
 *
 * @param record - the OMM's keywords and values (numbers or text)
 * @param options - MEAN_MOTION_DOT convention (default: TLE field, as CelesTrak), source name
 * @returns the element set, in the units of the TLE fields
 * @throws {@link DataFormatError} naming the keyword that is missing or not a number, or an
 *   EPOCH that is not an ISO 8601 UTC date-time
 * @see CCSDS 502.0-B-3, Orbit Data Messages, §4 (OMM); CelesTrak, "A New Way to Obtain GP Data"
 * @example
 * ```ts
 * const tle = tleElementsFromOmm({
 *   OBJECT_NAME: 'VANGUARD 1', OBJECT_ID: '1958-002B', EPOCH: '2020-10-13T04:52:48.472320',
 *   MEAN_MOTION: 10.84869164, ECCENTRICITY: 0.1845686, INCLINATION: 34.2443,
 *   RA_OF_ASC_NODE: 225.5254, ARG_OF_PERICENTER: 162.2516, MEAN_ANOMALY: 205.2356,
 *   NORAD_CAT_ID: 5, BSTAR: -0.22483e-4, MEAN_MOTION_DOT: -1.6e-7,
 * });
 * tle.internationalDesignator; // '58002B'
 * tle.meanMotionDotOver2RevPerDay2; // -1.6e-7
 * ```
 */
export function tleElementsFromOmm(record: OmmRecord, options: OmmOptions = {}): TleElements {
  return fromRecord(record, options, { source: options.source ?? 'OMM', line: 0 });
}

/**
 * Reads CelesTrak's OMM JSON (`FORMAT=json`): an array of records, or one record.
 *
 * @param json - the JSON text
 * @param options - MEAN_MOTION_DOT convention, source name
 * @returns one element set per record
 * @throws {@link DataFormatError} for text that is not JSON objects, or a bad record (line 0,
 *   the record's index in the message)
 * @see CelesTrak, "A New Way to Obtain GP Data" (OMM JSON)
 * @example
 * ```ts
 * parseOmmJson('[{"NORAD_CAT_ID": 5, "EPOCH": "2025-02-14T14:36:48.662784", "MEAN_MOTION": 10.85873516, "ECCENTRICITY": 0.1841322, "INCLINATION": 34.2493, "RA_OF_ASC_NODE": 19.2327, "ARG_OF_PERICENTER": 100.1057, "MEAN_ANOMALY": 281.1229}]')[0]?.epochYear;
 * // 2025
 * ```
 */
export function parseOmmJson(json: string, options: OmmOptions = {}): TleElements[] {
  const source = options.source ?? 'OMM JSON';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new DataFormatError(source, 0, `not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list = Array.isArray(value) ? value : [value];
  return list.map((r, k) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      throw new DataFormatError(source, 0, `record ${k} is not an object`);
    }
    return fromRecord(r as OmmRecord, options, { source: `${source} record ${k}`, line: 0 });
  });
}

/**
 * Reads CelesTrak's OMM CSV (`FORMAT=csv`): a header line of keywords, then one record a
 * line. Fields may be quoted ("…", with "" for a quote).
 *
 * @param csv - the CSV text (LF or CRLF)
 * @param options - MEAN_MOTION_DOT convention, source name
 * @returns one element set per data line
 * @throws {@link DataFormatError} naming the line (1-based, the header is line 1) and keyword
 * @see CelesTrak, "A New Way to Obtain GP Data" (OMM CSV)
 * @example
 * ```ts
 * const csv = 'NORAD_CAT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY\n5,2020-10-13T04:52:48.472320,10.84869164,.1845686,34.2443,225.5254,162.2516,205.2356';
 * parseOmmCsv(csv)[0]?.eccentricity; // 0.1845686
 * ```
 */
export function parseOmmCsv(csv: string, options: OmmOptions = {}): TleElements[] {
  const source = options.source ?? 'OMM CSV';
  const lines = csv.split('\n').map((l) => l.replace(/\r$/, ''));
  const header = splitCsv(lines[0] ?? '').map((h) => h.trim());
  if (!header.includes('EPOCH')) {
    throw new DataFormatError(source, 1, 'the header line has no EPOCH column', 'EPOCH');
  }
  const out: TleElements[] = [];
  lines.forEach((line, k) => {
    if (k === 0 || line.trim() === '') return;
    const cells = splitCsv(line);
    if (cells.length !== header.length) {
      throw new DataFormatError(
        source,
        k + 1,
        `${cells.length} fields, the header has ${header.length}`,
      );
    }
    const record: Record<string, string> = {};
    header.forEach((h, c) => {
      record[h] = cells[c] ?? '';
    });
    out.push(fromRecord(record, options, { source, line: k + 1 }));
  });
  return out;
}

function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"' && line.charAt(i + 1) === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}
