/**
 * CCSDS navigation data messages: OEM, OMM, OPM (ODM 1.0–3.0) and TDM (1.0, 2.0), read and
 * written in KVN and XML, with typed messages, every CCSDS time system mapped to
 * `Epoch`, units checked against the standard, and a streaming OEM writer.
 *
 * @packageDocumentation
 */

export type { OmmSgp4Record } from './celestrak';
export { ommFromCelestrakRecord, ommToSgp4Record, parseCelestrakOmm } from './celestrak';
export { canonicalCenterName, ccsdsFrameToFrameId, frameIdToCcsdsFrame } from './frames';
export type { OemStreamWriterOptions } from './oemStreamWriter';
export { OemStreamWriter } from './oemStreamWriter';
export type {
  CcsdsEpochCodec,
  CcsdsParseOptions,
  CcsdsTimeOptions,
  CcsdsUnitsBehavior,
  CcsdsWriteOptions,
} from './options';
export {
  detectEncoding,
  parseCcsds,
  parseCcsdsAll,
  parseOem,
  parseOmm,
  parseOpm,
  parseTdm,
} from './parse';
export type { OpmState, StateMessageInfo } from './stateMessages';
export { oemFromStates, opmFromState, stateFromOpm, statesFromOemSegment } from './stateMessages';
export type {
  CcsdsCovariance,
  CcsdsElementsCommon,
  CcsdsEncoding,
  CcsdsHeader,
  CcsdsMessage,
  CcsdsSpacecraftParameters,
  CcsdsStateVector,
  CcsdsUserDefined,
  OdmMetadataCommon,
  OemMessage,
  OemMetadata,
  OemSegment,
  OmmMeanElements,
  OmmMessage,
  OmmMetadata,
  OmmTleParameters,
  OpmKeplerianElements,
  OpmManeuver,
  OpmMessage,
  OpmMetadata,
  OpmStateVector,
  TdmMessage,
  TdmMetadata,
  TdmObservation,
  TdmSegment,
} from './types';
export type { CcsdsWriteMessageOptions } from './write';
export { writeCcsds, writeOem, writeOmm, writeOpm, writeTdm } from './write';
