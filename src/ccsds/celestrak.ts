import { CcsdsParseError, InvalidArgumentError } from '../errors';
import { readContext } from './internal/blocks';
import { Reader } from './internal/common';
import { epochCodecFor } from './internal/epochs';
import { readOdmFlat } from './internal/readOdmFlat';
import { type RecordCursor, RecordKind } from './internal/records';
import type { CcsdsParseOptions } from './options';
import type { OmmMessage } from './types';

/**
 * An element set keyed by the OMM keyword names, as CelesTrak's JSON and CSV write it and as
 * the SGP4 propagator takes it. Values are numbers or strings.
 */
export type OmmSgp4Record = Readonly<Record<string, number | string>>;

const METADATA_DEFAULTS: readonly [string, string][] = [
  ['CENTER_NAME', 'EARTH'],
  ['REF_FRAME', 'TEME'],
  ['TIME_SYSTEM', 'UTC'],
  ['MEAN_ELEMENT_THEORY', 'SGP4'],
];

const ORDER = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'TIME_SYSTEM',
  'MEAN_ELEMENT_THEORY',
  'EPOCH',
  'SEMI_MAJOR_AXIS',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'GM',
  'EPHEMERIS_TYPE',
  'CLASSIFICATION_TYPE',
  'NORAD_CAT_ID',
  'ELEMENT_SET_NO',
  'REV_AT_EPOCH',
  'BSTAR',
  'BTERM',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
  'AGOM',
];

class RecordListCursor implements RecordCursor {
  kind: RecordKind = RecordKind.KeyValue;
  keyword = '';
  value = '';
  unit: string | undefined = undefined;
  valueText = '';
  line = 0;
  epochLine = 0;
  readonly lastLine: number;
  private i = -1;
  private readonly entries: readonly [string, string][];

  constructor(entries: readonly [string, string][], line: number) {
    this.entries = entries;
    this.line = line;
    this.lastLine = line;
  }

  next(): boolean {
    this.i++;
    const e = this.entries[this.i];
    if (e === undefined) return false;
    this.keyword = e[0];
    this.value = e[1];
    this.valueText = e[1];
    this.epochLine = this.line;
    return true;
  }
}

/**
 * An OMM from one CelesTrak (or Space-Track) record keyed by OMM keyword names: the fields of
 * their JSON and CSV formats. CENTER_NAME, REF_FRAME, TIME_SYSTEM and MEAN_ELEMENT_THEORY
 * default to EARTH, TEME, UTC and SGP4; the header is left empty, as CelesTrak leaves it.
 *
 * @param record - keyword → value (numbers or text)
 * @param options - parse options (units are not given in these formats)
 * @param line - line of the record in its file, for error messages (default 1)
 * @returns the OMM (version 2.0)
 * @throws {@link CcsdsParseError} for a missing or malformed field, or an unknown one
 * @see CelesTrak, "A New Way to Obtain GP Data" (2020)
 * @example
 * ```ts
 * const omm = ommFromCelestrakRecord({
 *   OBJECT_NAME: 'VANGUARD 1', OBJECT_ID: '1958-002B', EPOCH: '2020-10-13T04:52:48.472320',
 *   MEAN_MOTION: 10.84869164, ECCENTRICITY: 0.1845686, INCLINATION: 34.2443,
 *   RA_OF_ASC_NODE: 225.5254, ARG_OF_PERICENTER: 162.2516, MEAN_ANOMALY: 205.2356,
 *   NORAD_CAT_ID: 5, BSTAR: -0.22483e-4, MEAN_MOTION_DOT: -1.6e-7, MEAN_MOTION_DDOT: 0,
 * });
 * omm.tleParameters?.noradCatId; // 5
 * ```
 */
export function ommFromCelestrakRecord(
  record: Readonly<Record<string, unknown>>,
  options?: CcsdsParseOptions,
  line = 1,
): OmmMessage {
  const given = new Map<string, string>();
  for (const [k, v] of Object.entries(record)) {
    if (!ORDER.includes(k)) {
      throw new CcsdsParseError('unexpected-keyword', line, k, 'not an OMM keyword');
    }
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number' && typeof v !== 'string') {
      throw new CcsdsParseError('unparsable-value', line, k, 'a number or a text is expected');
    }
    given.set(k, typeof v === 'number' ? String(v) : v.trim());
  }
  for (const [k, v] of METADATA_DEFAULTS) if (!given.has(k)) given.set(k, v);
  const entries: [string, string][] = [
    ['CREATION_DATE', ''],
    ['ORIGINATOR', ''],
  ];
  for (const k of ORDER) {
    const v = given.get(k);
    if (v !== undefined) entries.push([k, v]);
  }
  const reader = new Reader(new RecordListCursor(entries, line));
  return readOdmFlat(reader, 'OMM', '2.0', readContext(options)) as OmmMessage;
}

function splitCsvLine(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Reads CelesTrak's OMM JSON (an array of records, or one record) or CSV (a header line of
 * keyword names, then one line per element set).
 *
 * @param text - the JSON or CSV text
 * @param options - parse options
 * @returns one OMM per element set
 * @throws {@link CcsdsParseError} for malformed text or a bad field (with its CSV line)
 * @see CelesTrak, "A New Way to Obtain GP Data" (2020)
 * @example
 * ```ts
 * const csv = 'OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY\n' +
 *   'VANGUARD 1,1958-002B,2020-10-13T04:52:48.472320,10.84869164,.1845686,34.2443,225.5254,162.2516,205.2356\n';
 * parseCelestrakOmm(csv)[0]!.meanElements.eccentricity; // 0.1845686
 * ```
 */
export function parseCelestrakOmm(text: string, options?: CcsdsParseOptions): OmmMessage[] {
  const t = text.trim();
  if (t.startsWith('[') || t.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(t);
    } catch (e) {
      throw new CcsdsParseError(
        'unparsable-line',
        0,
        undefined,
        `not JSON: ${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      );
    }
    const list = Array.isArray(data) ? data : [data];
    return list.map((r, i) => {
      if (typeof r !== 'object' || r === null) {
        throw new CcsdsParseError(
          'unparsable-value',
          0,
          undefined,
          `element ${i} is not an object`,
        );
      }
      return ommFromCelestrakRecord(r as Record<string, unknown>, options, 0);
    });
  }
  const lines = t.split(/\r?\n/);
  const names = splitCsvLine(lines[0] ?? '').map((s) => s.trim());
  const out: OmmMessage[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const cells = splitCsvLine(line);
    if (cells.length !== names.length) {
      throw new CcsdsParseError(
        'unparsable-line',
        i + 1,
        undefined,
        `${cells.length} fields where the header has ${names.length}`,
      );
    }
    const record: Record<string, string> = {};
    names.forEach((n, k) => {
      if (cells[k]!.trim() !== '') record[n] = cells[k]!;
    });
    out.push(ommFromCelestrakRecord(record, options, i + 1));
  }
  return out;
}

/**
 * The SGP4 input record of an OMM: the OMM keyword names with their values (CelesTrak's JSON
 * field names), EPOCH as ISO text in the OMM's time system with microseconds, as CelesTrak
 * writes it.
 *
 * MEAN_MOTION_DOT and MEAN_MOTION_DDOT pass through unchanged. CelesTrak and Space-Track
 * write there the TLE fields themselves (ṅ/2 and n̈/6, rev/day² and rev/day³), and that is
 * what the record holds; an OMM written with ṅ (as Orekit's writer and the CCSDS example
 * with `-0.00000113` do) gives twice the TLE field. SGP4 does not use these two terms.
 *
 * @param omm - an OMM with MEAN_MOTION (not SEMI_MAJOR_AXIS)
 * @param options - time-system references for an OMM not in UTC
 * @returns the record
 * @throws {@link InvalidArgumentError} for an OMM without MEAN_MOTION or whose time system
 *   cannot be written
 * @see CelesTrak, "A New Way to Obtain GP Data" (2020); Vallado et al., AIAA 2006-6753
 * @example
 * ```ts
 * const [omm] = parseCelestrakOmm('[{"OBJECT_NAME":"VANGUARD 1","OBJECT_ID":"1958-002B",' +
 *   '"EPOCH":"2025-02-14T14:36:48.662784","MEAN_MOTION":10.85873516,"ECCENTRICITY":0.1841322,' +
 *   '"INCLINATION":34.2493,"RA_OF_ASC_NODE":19.2327,"ARG_OF_PERICENTER":100.1057,' +
 *   '"MEAN_ANOMALY":281.1229,"NORAD_CAT_ID":5,"BSTAR":0.00035436}]');
 * const rec = ommToSgp4Record(omm!);
 * rec.EPOCH; // '2025-02-14T14:36:48.662784'
 * rec.MEAN_MOTION; // 10.85873516
 * ```
 */
export function ommToSgp4Record(
  omm: OmmMessage,
  options?: Omit<CcsdsParseOptions, 'units'>,
): OmmSgp4Record {
  const e = omm.meanElements;
  if (e.meanMotionRevPerDay === undefined) {
    throw new InvalidArgumentError(
      'omm.meanElements.meanMotionRevPerDay',
      undefined,
      'rev/day',
      'SGP4 needs MEAN_MOTION',
    );
  }
  let epoch: string;
  try {
    const codec = epochCodecFor(omm.metadata.timeSystem, options, 0);
    epoch = microseconds(codec.write(e.epoch));
  } catch (err) {
    if (err instanceof CcsdsParseError) {
      throw new InvalidArgumentError('timeSystem', omm.metadata.timeSystem, '', err.reason);
    }
    throw err;
  }
  const out: Record<string, number | string> = {
    OBJECT_NAME: omm.metadata.objectName,
    OBJECT_ID: omm.metadata.objectId,
    EPOCH: epoch,
    MEAN_MOTION: e.meanMotionRevPerDay,
    ECCENTRICITY: e.eccentricity,
    INCLINATION: e.inclinationDeg,
    RA_OF_ASC_NODE: e.raOfAscNodeDeg,
    ARG_OF_PERICENTER: e.argOfPericenterDeg,
    MEAN_ANOMALY: e.meanAnomalyDeg,
  };
  const t = omm.tleParameters;
  if (t !== undefined) {
    const put = (k: string, v: number | string | undefined) => {
      if (v !== undefined) out[k] = v;
    };
    put('EPHEMERIS_TYPE', t.ephemerisType);
    put('CLASSIFICATION_TYPE', t.classificationType);
    put('NORAD_CAT_ID', t.noradCatId);
    put('ELEMENT_SET_NO', t.elementSetNo);
    put('REV_AT_EPOCH', t.revAtEpoch);
    put('BSTAR', t.bstarPerEarthRadii);
    put('MEAN_MOTION_DOT', t.meanMotionDotRevPerDay2);
    put('MEAN_MOTION_DDOT', t.meanMotionDdotRevPerDay3);
  }
  return out;
}

/** A date with exactly six fractional digits (CelesTrak's form). */
function microseconds(iso: string): string {
  const dot = iso.indexOf('.');
  if (dot < 0) return `${iso}.000000`;
  const frac = iso.slice(dot + 1);
  if (frac.length <= 6) return `${iso.slice(0, dot + 1)}${frac.padEnd(6, '0')}`;
  return iso; // more than microseconds: keep every digit rather than round
}
