import { AstroError, CcsdsParseError } from '../errors';
import { type ReadContext, readContext } from './internal/blocks';
import { Reader } from './internal/common';
import { KvnLexer } from './internal/kvnLexer';
import { readOdmFlat } from './internal/readOdmFlat';
import { readOem } from './internal/readOem';
import { readTdm } from './internal/readTdm';
import { RecordKind } from './internal/records';
import { countLines, parseXmlTree, xmlMessageCursor, xmlMessageType } from './internal/xmlReader';
import type { CcsdsParseOptions } from './options';
import type {
  CcsdsEncoding,
  CcsdsMessage,
  OemMessage,
  OmmMessage,
  OpmMessage,
  TdmMessage,
} from './types';

const VERSION_KEYWORD = /^CCSDS_([A-Z]+)_VERS$/;
const ODM_VERSIONS = ['1.0', '2.0', '3.0'];
const TDM_VERSIONS = ['1.0', '2.0'];

/** The WHATWG TextDecoder of browsers and Node (typed here: the library has no DOM types). */
interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

function toText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  const Decoder = (globalThis as unknown as { TextDecoder: new (label: string) => Utf8Decoder })
    .TextDecoder;
  return new Decoder('utf-8').decode(input);
}

/** KVN or XML: XML starts with `<` after blanks and a byte-order mark. */
export function detectEncoding(text: string): CcsdsEncoding {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    return c === 60 ? 'XML' : 'KVN';
  }
  return 'KVN';
}

function readMessage(reader: Reader, ctx: ReadContext): CcsdsMessage {
  const c = reader.cursor;
  if (!reader.has) {
    throw new CcsdsParseError('unsupported-message', 0, undefined, 'empty message');
  }
  const m = c.kind === RecordKind.KeyValue ? VERSION_KEYWORD.exec(c.keyword) : null;
  if (m === null) {
    throw new CcsdsParseError(
      'unsupported-message',
      c.line,
      c.keyword || undefined,
      'a CCSDS message starts with CCSDS_OEM_VERS, CCSDS_OMM_VERS, CCSDS_OPM_VERS or CCSDS_TDM_VERS',
    );
  }
  const type = m[1]!;
  const version = c.value;
  const line = c.line;
  if (type !== 'OEM' && type !== 'OMM' && type !== 'OPM' && type !== 'TDM') {
    throw new CcsdsParseError(
      'unsupported-message',
      line,
      c.keyword,
      `${type} messages are not supported (OEM, OMM, OPM and TDM are)`,
    );
  }
  const versions = type === 'TDM' ? TDM_VERSIONS : ODM_VERSIONS;
  if (!versions.includes(version)) {
    throw new CcsdsParseError(
      'unsupported-version',
      line,
      c.keyword,
      `version "${version}" of the ${type} is not supported (${versions.join(', ')})`,
    );
  }
  reader.advance();
  switch (type) {
    case 'OEM':
      return readOem(reader, version, ctx);
    case 'TDM':
      return readTdm(reader, version, ctx);
    default:
      return readOdmFlat(reader, type, version, ctx);
  }
}

function guarded<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof CcsdsParseError || !(e instanceof AstroError)) throw e;
    throw new CcsdsParseError('unparsable-value', 0, undefined, e.message, { cause: e });
  }
}

/**
 * Reads every message of a text: one KVN message, one XML message, or the messages of an
 * XML `<ndm>` combination (as CelesTrak serves OMMs).
 *
 * @param input - the message text, or its UTF-8 bytes
 * @param options - units policy, time-system references, frame mapping
 * @returns the messages, in order
 * @throws {@link CcsdsParseError} for anything malformed, with the line and keyword
 * @see CCSDS 502.0-B-3 (ODM), 503.0-B-2 (TDM), 505.0-B-3 (NDM/XML)
 * @example
 * ```ts
 * const xml = '<ndm><omm id="CCSDS_OMM_VERS" version="2.0"><header><CREATION_DATE>2020-06-25T00:00:00</CREATION_DATE>' +
 *   '<ORIGINATOR>X</ORIGINATOR></header><body><segment><metadata><OBJECT_NAME>S</OBJECT_NAME><OBJECT_ID>1998-067A</OBJECT_ID>' +
 *   '<CENTER_NAME>EARTH</CENTER_NAME><REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM>' +
 *   '<MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY></metadata><data><meanElements><EPOCH>2020-06-25T12:00:00</EPOCH>' +
 *   '<MEAN_MOTION>15.5</MEAN_MOTION><ECCENTRICITY>0.0002</ECCENTRICITY><INCLINATION>51.6</INCLINATION>' +
 *   '<RA_OF_ASC_NODE>10</RA_OF_ASC_NODE><ARG_OF_PERICENTER>20</ARG_OF_PERICENTER><MEAN_ANOMALY>30</MEAN_ANOMALY>' +
 *   '</meanElements></data></segment></body></omm></ndm>';
 * parseCcsdsAll(xml).length; // 1
 * ```
 */
export function parseCcsdsAll(
  input: string | Uint8Array,
  options?: CcsdsParseOptions,
): CcsdsMessage[] {
  return guarded(() => {
    const text = toText(input);
    const ctx = readContext(options);
    if (detectEncoding(text) === 'KVN') return [readMessage(new Reader(new KvnLexer(text)), ctx)];
    const root = parseXmlTree(text);
    const lastLine = countLines(text);
    const roots = root.name === 'ndm' ? root.children : [root];
    if (roots.length === 0) {
      throw new CcsdsParseError('unsupported-message', root.line, root.name, 'an empty <ndm>');
    }
    return roots.map((r) => {
      if (xmlMessageType(r) === undefined) {
        throw new CcsdsParseError(
          'unsupported-message',
          r.line,
          r.name,
          `<${r.name}> is not an OEM, OMM, OPM or TDM`,
        );
      }
      return readMessage(new Reader(xmlMessageCursor(r, lastLine)), ctx);
    });
  });
}

/**
 * Reads one CCSDS navigation data message, KVN or XML, detecting its type and version: OEM,
 * OMM and OPM 1.0 to 3.0, TDM 1.0 and 2.0. Other messages (OCM, AEM, CDM…) are refused.
 *
 * @param input - the message text, or its UTF-8 bytes
 * @param options - units policy, time-system references, frame mapping
 * @returns the typed message (`type` tells which)
 * @throws {@link CcsdsParseError} for anything malformed, with the line and keyword; never
 *   returns a partly read message
 * @see CCSDS 502.0-B-3 (ODM), 503.0-B-2 (TDM), 505.0-B-3 (NDM/XML)
 * @example
 * ```ts
 * const opm = parseCcsds(`CCSDS_OPM_VERS = 2.0
 * CREATION_DATE = 2024-01-01T00:00:00
 * ORIGINATOR = OSMOSE
 * OBJECT_NAME = SAT
 * OBJECT_ID = 2024-001A
 * CENTER_NAME = EARTH
 * REF_FRAME = J2000
 * TIME_SYSTEM = UTC
 * EPOCH = 2024-01-01T00:00:00
 * X = 7000 [km]
 * Y = 0
 * Z = 0
 * X_DOT = 0
 * Y_DOT = 7.5
 * Z_DOT = 0`);
 * opm.type; // 'OPM'
 * ```
 */
export function parseCcsds(input: string | Uint8Array, options?: CcsdsParseOptions): CcsdsMessage {
  const all = parseCcsdsAll(input, options);
  if (all.length !== 1) {
    throw new CcsdsParseError(
      'unsupported-message',
      0,
      'ndm',
      `${all.length} messages in one <ndm>: read them with parseCcsdsAll`,
    );
  }
  return all[0]!;
}

function expectType<T extends CcsdsMessage>(message: CcsdsMessage, type: T['type']): T {
  if (message.type !== type) {
    throw new CcsdsParseError(
      'unsupported-message',
      1,
      undefined,
      `an ${message.type}, not an ${type}`,
    );
  }
  return message as T;
}

/**
 * Reads an OEM (KVN or XML).
 *
 * @param input - the text, or its UTF-8 bytes
 * @param options - units policy, time-system references, frame mapping
 * @returns the OEM
 * @throws {@link CcsdsParseError} for a malformed message or another message type
 * @see CCSDS 502.0-B-3 §5
 * @example
 * ```ts
 * const oem = parseOem(`CCSDS_OEM_VERS = 2.0
 * CREATION_DATE = 2024-01-01T00:00:00
 * ORIGINATOR = OSMOSE
 * META_START
 * OBJECT_NAME = SAT
 * OBJECT_ID = 2024-001A
 * CENTER_NAME = EARTH
 * REF_FRAME = EME2000
 * TIME_SYSTEM = UTC
 * START_TIME = 2024-01-01T00:00:00
 * STOP_TIME = 2024-01-01T00:01:00
 * META_STOP
 * 2024-01-01T00:00:00 7000 0 0 0 7.5 0
 * 2024-01-01T00:01:00 6998 450 0 -0.5 7.49 0`);
 * oem.segments[0]!.states.length; // 2
 * oem.segments[0]!.states[1]!.positionKm[1]; // 450
 * ```
 */
export function parseOem(input: string | Uint8Array, options?: CcsdsParseOptions): OemMessage {
  return expectType<OemMessage>(parseCcsds(input, options), 'OEM');
}

/**
 * Reads an OMM (KVN or XML).
 *
 * @param input - the text, or its UTF-8 bytes
 * @param options - units policy, time-system references, frame mapping
 * @returns the OMM
 * @throws {@link CcsdsParseError} for a malformed message or another message type
 * @see CCSDS 502.0-B-3 §4
 * @example
 * ```ts
 * const omm = parseOmm(`CCSDS_OMM_VERS = 2.0
 * CREATION_DATE = 2007-065T16:00:00
 * ORIGINATOR = NOAA/USA
 * OBJECT_NAME = GOES 9
 * OBJECT_ID = 1995-025A
 * CENTER_NAME = EARTH
 * REF_FRAME = TEME
 * TIME_SYSTEM = UTC
 * MEAN_ELEMENT_THEORY = SGP/SGP4
 * EPOCH = 2007-064T10:34:41.4264
 * MEAN_MOTION = 1.00273272
 * ECCENTRICITY = 0.0005013
 * INCLINATION = 3.0539
 * RA_OF_ASC_NODE = 81.7939
 * ARG_OF_PERICENTER = 249.2363
 * MEAN_ANOMALY = 150.1602`);
 * omm.meanElements.meanMotionRevPerDay; // 1.00273272
 * ```
 */
export function parseOmm(input: string | Uint8Array, options?: CcsdsParseOptions): OmmMessage {
  return expectType<OmmMessage>(parseCcsds(input, options), 'OMM');
}

/**
 * Reads an OPM (KVN or XML).
 *
 * @param input - the text, or its UTF-8 bytes
 * @param options - units policy, time-system references, frame mapping
 * @returns the OPM
 * @throws {@link CcsdsParseError} for a malformed message or another message type
 * @see CCSDS 502.0-B-3 §3
 * @example
 * ```ts
 * const opm = parseOpm(`CCSDS_OPM_VERS = 2.0
 * CREATION_DATE = 2024-01-01T00:00:00
 * ORIGINATOR = OSMOSE
 * OBJECT_NAME = SAT
 * OBJECT_ID = 2024-001A
 * CENTER_NAME = EARTH
 * REF_FRAME = J2000
 * TIME_SYSTEM = UTC
 * EPOCH = 2024-01-01T00:00:00
 * X = 7000000 [m]
 * Y = 0
 * Z = 0
 * X_DOT = 0
 * Y_DOT = 7.5
 * Z_DOT = 0`);
 * opm.stateVector.positionKm[0]; // 7000
 * opm.metadata.frame; // 'EME2000'
 * ```
 */
export function parseOpm(input: string | Uint8Array, options?: CcsdsParseOptions): OpmMessage {
  return expectType<OpmMessage>(parseCcsds(input, options), 'OPM');
}

/**
 * Reads a TDM (KVN or XML).
 *
 * @param input - the text, or its UTF-8 bytes
 * @param options - units policy, time-system references
 * @returns the TDM, observations raw (keyword, epoch, value)
 * @throws {@link CcsdsParseError} for a malformed message or another message type, and
 *   (kind `epoch-out-of-range`) for an observation dated before its segment's START_TIME or
 *   after its STOP_TIME, when these are given
 * @see CCSDS 503.0-B-2
 * @example
 * ```ts
 * const tdm = parseTdm(`CCSDS_TDM_VERS = 1.0
 * CREATION_DATE = 2005-160T20:15:00
 * ORIGINATOR = NASA/JPL
 * META_START
 * TIME_SYSTEM = UTC
 * PARTICIPANT_1 = DSS-25
 * PARTICIPANT_2 = yyyy-nnnA
 * MODE = SEQUENTIAL
 * PATH = 2,1
 * META_STOP
 * DATA_START
 * RECEIVE_FREQ_1 = 2005-159T17:41:00 -409.2735
 * DATA_STOP`);
 * tdm.segments[0]!.metadata.path; // [2, 1]
 * tdm.segments[0]!.observations[0]!.value; // -409.2735
 * ```
 */
export function parseTdm(input: string | Uint8Array, options?: CcsdsParseOptions): TdmMessage {
  return expectType<TdmMessage>(parseCcsds(input, options), 'TDM');
}
