/**
 * Measurements and CCSDS Tracking Data Messages: simulated or observed measurements written
 * as a TDM message, and the data of a TDM converted to measurement values with the observer
 * found in the caller's sensor catalogue.
 *
 * @packageDocumentation
 */
export type { MeasurementsToTdmOptions } from './measurementsToTdm';
export { measurementsToTdm } from './measurementsToTdm';
export type {
  TdmMeasurements,
  TdmSegmentSummary,
  TdmToMeasurementsOptions,
} from './tdmToMeasurements';
export { tdmToMeasurements } from './tdmToMeasurements';
