import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CcsdsEpochCodec, CcsdsMessage, CcsdsParseOptions } from '../../src/ccsds';
import {
  type BlockSpec,
  HEADER_BLOCK,
  KEPLERIAN_BLOCK,
  MEAN_ELEMENTS_BLOCK,
  OEM_META_BLOCK,
  OMM_META_BLOCK,
  OPM_META_BLOCK,
  SPACECRAFT_BLOCK,
  STATE_BLOCK,
  TDM_META_BLOCK,
  TLE_BLOCK,
} from '../../src/ccsds/internal/fields';
import { DEFAULT_TIME_DATA, Epoch } from '../../src/time';

export const REFERENCE_DIR = fileURLToPath(new URL('../reference/ccsds/', import.meta.url));

export function readReference(path: string): string {
  return readFileSync(`${REFERENCE_DIR}${path}`, 'utf8');
}

/**
 * osmose has no GMST time system (it needs UT1 and an inverse of sidereal time). Six Orekit
 * files use TIME_SYSTEM = GMST; the tests read their dates with this stand-in (the date read
 * on the TAI calendar) so that everything else in them is checked.
 */
export const GMST_STAND_IN: CcsdsEpochCodec = {
  read: (text) => Epoch.fromIso(text, 'TAI'),
  write: (epoch) => epoch.toIso('TAI', { fractionDigits: 12 }).replace(/\.?0+$/, ''),
};

/** Mission reference epochs of the MRT files, as Orekit's tests give them. */
const MRT_REFERENCE: Readonly<Record<string, string>> = {
  'oem/OEMExample2.txt': '1996-12-17T00:00:00',
  'omm/OMMExample3.txt': '2000-01-01T00:00:00',
};

/** The options a caller would pass for a file (references, EOP, the GMST stand-in). */
export function optionsFor(file: string, extra: CcsdsParseOptions = {}): CcsdsParseOptions {
  return {
    missionReferenceEpoch: Epoch.fromIso(MRT_REFERENCE[file] ?? '2000-01-01T00:00:00', 'UTC'),
    timeOptions: { timeData: DEFAULT_TIME_DATA },
    timeSystems: { GMST: GMST_STAND_IN },
    ...extra,
  };
}

function blockValues(spec: BlockSpec, values: object | undefined, out: Map<string, unknown>) {
  if (values === undefined) return;
  const v = values as Record<string, unknown>;
  for (const s of spec.fields) {
    let x = v[s.field];
    if (x === undefined) continue;
    if (s.index !== undefined) x = (x as unknown[])[s.index];
    if (s.key !== undefined) x = (x as Record<number, unknown>)[s.key];
    if (x !== undefined && !out.has(s.kw)) out.set(s.kw, x);
  }
}

/** Keyword → value of the header, the first segment's metadata and the data blocks. */
export function flatten(m: CcsdsMessage, segment = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  blockValues(HEADER_BLOCK, m.header, out);
  switch (m.type) {
    case 'OEM':
      blockValues(OEM_META_BLOCK, m.segments[segment]?.metadata, out);
      break;
    case 'TDM':
      blockValues(TDM_META_BLOCK, m.segments[segment]?.metadata, out);
      break;
    case 'OPM':
      blockValues(OPM_META_BLOCK, m.metadata, out);
      blockValues(STATE_BLOCK, m.stateVector, out);
      blockValues(KEPLERIAN_BLOCK, m.keplerianElements, out);
      blockValues(SPACECRAFT_BLOCK, m.spacecraft, out);
      break;
    case 'OMM':
      blockValues(OMM_META_BLOCK, m.metadata, out);
      blockValues(MEAN_ELEMENTS_BLOCK, m.meanElements, out);
      blockValues(SPACECRAFT_BLOCK, m.spacecraft, out);
      blockValues(TLE_BLOCK, m.tleParameters, out);
      break;
  }
  return out;
}

/** Epochs agree to 1 ns after a write → read (the round-trip criterion of the issue). */
export const EPOCH_ROUND_TRIP_TOL_S = 1e-9;

/**
 * Fields that say where something was read, not what it is: a TDM observation's `line`
 * differs between the KVN and XML forms of one message and before and after a rewrite.
 */
const SOURCE_POSITION_FIELDS: ReadonlySet<string> = new Set(['line', 'keywordLines']);

/**
 * Compares two messages field by field: epochs within `epochTolS`, numbers exactly (the
 * writers print the shortest text that reads back as the same double), text exactly; the
 * source positions (`line` of TDM observations and metadata, `keywordLines`) are not compared. Returns the path of the
 * first difference, or undefined.
 */
export function firstDifference(
  a: unknown,
  b: unknown,
  epochTolS = EPOCH_ROUND_TRIP_TOL_S,
  path = '',
): string | undefined {
  if (a instanceof Epoch || b instanceof Epoch) {
    if (!(a instanceof Epoch && b instanceof Epoch)) return `${path}: epoch vs ${String(b)}`;
    const d = Math.abs(a.secondsSince(b));
    return d <= epochTolS ? undefined : `${path}: epochs differ by ${d} s`;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) {
      return `${path}: arrays differ in length`;
    }
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], epochTolS, `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (SOURCE_POSITION_FIELDS.has(k)) continue;
      const va = (a as Record<string, unknown>)[k];
      const vb = (b as Record<string, unknown>)[k];
      if (va === undefined && vb === undefined) continue;
      const d = firstDifference(va, vb, epochTolS, `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return Object.is(a, b) || a === b ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
}
