import { emitOdm } from './internal/writeOdm';
import { emitTdm } from './internal/writeTdm';
import { OemStreamWriter } from './oemStreamWriter';
import type { CcsdsWriteOptions } from './options';
import type {
  CcsdsEncoding,
  CcsdsMessage,
  OemMessage,
  OmmMessage,
  OpmMessage,
  TdmMessage,
} from './types';

/** Options of the whole-message writers. */
export interface CcsdsWriteMessageOptions extends CcsdsWriteOptions {
  /** KVN (default) or XML. */
  readonly encoding?: CcsdsEncoding;
}

function collect(run: (sink: (line: string) => void) => void): string {
  const lines: string[] = [];
  run((line) => lines.push(line));
  return `${lines.join('\n')}\n`;
}

/**
 * Writes an OEM as text (KVN or XML), through the same code as {@link OemStreamWriter}.
 *
 * @param message - the OEM
 * @param options - encoding, units, time-system references
 * @returns the text
 * @throws {@link InvalidArgumentError} for a time system that cannot be written or a state
 *   outside its segment's START_TIME…STOP_TIME
 * @see CCSDS 502.0-B-3 §5
 * @example
 * ```ts
 * const t0 = Epoch.fromIso('2024-01-01T00:00:00', 'UTC');
 * const text = writeOem({
 *   type: 'OEM',
 *   header: { version: '2.0', comments: [], creationDate: t0, originator: 'OSMOSE' },
 *   segments: [{
 *     metadata: { comments: [], objectName: 'SAT', objectId: '2024-001A', centerName: 'EARTH',
 *       refFrame: 'EME2000', timeSystem: 'UTC', startTime: t0, stopTime: t0 },
 *     dataComments: [],
 *     states: [{ epoch: t0, positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0] }],
 *     covariances: [],
 *   }],
 * });
 * parseOem(text).segments[0]!.states[0]!.velocityKmS[1]; // 7.5
 * ```
 */
export function writeOem(message: OemMessage, options?: CcsdsWriteMessageOptions): string {
  const chunks: string[] = [];
  const w = new OemStreamWriter((s) => chunks.push(s), message.header, options);
  for (const segment of message.segments) {
    w.beginSegment(segment.metadata, segment.dataComments);
    for (const s of segment.states) w.writeState(s);
    w.writeCovariances(segment.covariances);
  }
  w.end();
  return chunks.join('');
}

/**
 * Writes an OPM as text (KVN or XML).
 *
 * @param message - the OPM
 * @param options - encoding, units, time-system references
 * @returns the text
 * @throws {@link InvalidArgumentError} for a time system that cannot be written
 * @see CCSDS 502.0-B-3 §3
 * @example
 * ```ts
 * const opm = parseOpm(`CCSDS_OPM_VERS = 2.0
 * CREATION_DATE = 2024-01-01T00:00:00
 * ORIGINATOR = OSMOSE
 * OBJECT_NAME = SAT
 * OBJECT_ID = 2024-001A
 * CENTER_NAME = EARTH
 * REF_FRAME = GCRF
 * TIME_SYSTEM = TAI
 * EPOCH = 2024-01-01T00:00:00
 * X = 7000
 * Y = 0
 * Z = 0
 * X_DOT = 0
 * Y_DOT = 7.5
 * Z_DOT = 0`);
 * writeOpm(opm, { encoding: 'XML' }).includes('<X>7000</X>'); // true
 * ```
 */
export function writeOpm(message: OpmMessage, options?: CcsdsWriteMessageOptions): string {
  return collect((sink) => emitOdm(message, options?.encoding === 'XML', options, sink));
}

/**
 * Writes an OMM as text (KVN or XML).
 *
 * @param message - the OMM
 * @param options - encoding, units, time-system references
 * @returns the text
 * @throws {@link InvalidArgumentError} for a time system that cannot be written
 * @see CCSDS 502.0-B-3 §4
 * @example
 * ```ts
 * const omm = parseOmm(`CCSDS_OMM_VERS = 2.0
 * CREATION_DATE = 2024-01-01T00:00:00
 * ORIGINATOR = OSMOSE
 * OBJECT_NAME = SAT
 * OBJECT_ID = 2024-001A
 * CENTER_NAME = EARTH
 * REF_FRAME = TEME
 * TIME_SYSTEM = UTC
 * MEAN_ELEMENT_THEORY = SGP4
 * EPOCH = 2024-01-01T00:00:00
 * MEAN_MOTION = 15.5
 * ECCENTRICITY = 0.0001
 * INCLINATION = 51.6
 * RA_OF_ASC_NODE = 0
 * ARG_OF_PERICENTER = 0
 * MEAN_ANOMALY = 0`);
 * writeOmm(omm).includes('MEAN_MOTION          = 15.5'); // true
 * ```
 */
export function writeOmm(message: OmmMessage, options?: CcsdsWriteMessageOptions): string {
  return collect((sink) => emitOdm(message, options?.encoding === 'XML', options, sink));
}

/**
 * Writes a TDM as text (KVN or XML).
 *
 * @param message - the TDM
 * @param options - encoding, units, time-system references
 * @returns the text
 * @throws {@link InvalidArgumentError} for a time system that cannot be written
 * @see CCSDS 503.0-B-2
 * @example
 * ```ts
 * const tdm = parseTdm(`CCSDS_TDM_VERS = 2.0
 * CREATION_DATE = 2024-01-01T00:00:00
 * ORIGINATOR = OSMOSE
 * META_START
 * TIME_SYSTEM = UTC
 * PARTICIPANT_1 = CALERN
 * PARTICIPANT_2 = 2024-001A
 * MODE = SEQUENTIAL
 * PATH = 2,1
 * ANGLE_TYPE = RADEC
 * REFERENCE_FRAME = EME2000
 * META_STOP
 * DATA_START
 * ANGLE_1 = 2024-01-01T00:00:00 120.5
 * ANGLE_2 = 2024-01-01T00:00:00 -5.25
 * DATA_STOP`);
 * writeTdm(tdm).includes('ANGLE_2              = 2024-01-01T00:00:00 -5.25'); // true
 * ```
 */
export function writeTdm(message: TdmMessage, options?: CcsdsWriteMessageOptions): string {
  return collect((sink) => emitTdm(message, options?.encoding === 'XML', options, sink));
}

/**
 * Writes any message this module reads, by its type.
 *
 * @param message - an OEM, OMM, OPM or TDM
 * @param options - encoding, units, time-system references
 * @returns the text
 * @throws {@link InvalidArgumentError} for a time system that cannot be written
 * @see CCSDS 502.0-B-3, 503.0-B-2, 505.0-B-3
 * @example
 * ```ts
 * const text = 'CCSDS_TDM_VERS = 1.0\nCREATION_DATE = 2024-01-01T00:00:00\nORIGINATOR = X\n' +
 *   'META_START\nTIME_SYSTEM = UTC\nPARTICIPANT_1 = A\nMETA_STOP\nDATA_START\nDATA_STOP\n';
 * writeCcsds(parseCcsds(text), { encoding: 'XML' }).startsWith('<?xml'); // true
 * ```
 */
export function writeCcsds(message: CcsdsMessage, options?: CcsdsWriteMessageOptions): string {
  switch (message.type) {
    case 'OEM':
      return writeOem(message, options);
    case 'OPM':
      return writeOpm(message, options);
    case 'OMM':
      return writeOmm(message, options);
    case 'TDM':
      return writeTdm(message, options);
  }
}
