/**
 * SGP4/SDP4 from two-line element sets and OMMs: TLE reading and writing, the propagator
 * (Vallado et al. 2006, rev. 2020, written from the published algorithm), batches over
 * catalogues, TEME → GCRF/ITRF states and mean elements fitted to states.
 *
 * @packageDocumentation
 */
export { formatAlpha5, parseAlpha5 } from './alpha5';
export { type FitTleOptions, type FitTleResult, fitTle } from './fitTle';
export { type FormatTleOptions, formatTle } from './formatTle';
export {
  type OmmOptions,
  type OmmRecord,
  parseOmmCsv,
  parseOmmJson,
  tleElementsFromOmm,
} from './omm';
export { type ParseTleOptions, parseTle, parseTleCatalogue } from './parseTle';
export { propagateSgp4, type Sgp4Result } from './propagateSgp4';
export {
  createSgp4BatchOutput,
  createSgp4Catalogue,
  propagateSgp4Batch,
  type Sgp4BatchOutput,
  type Sgp4BatchOutputOptions,
  type Sgp4BatchTimes,
  type Sgp4Catalogue,
} from './propagateSgp4Batch';
export {
  SGP4_STATUS_MESSAGES,
  type Sgp4GravityModel,
  type Sgp4OpsMode,
  type Sgp4Options,
  Sgp4Satellite,
  type Sgp4Status,
} from './sgp4Satellite';
export { type Sgp4StateOptions, type Sgp4StateResult, sgp4State } from './sgp4State';
export { tleChecksum } from './tleChecksum';
export type { TleElements } from './tleElements';
export { tleEpoch } from './tleEpoch';
