/**
 * Measurements and their models: immutable measurement values (RA/Dec, Az/El, range, range
 * rate, position, position-velocity), sensors with named estimable biases, the example
 * TAROT sites, measurement models giving predicted values with partial derivatives (light
 * time, aberration and refraction as switches), and residuals.
 *
 * @packageDocumentation
 */
export type { AzElModelOptions } from './azElModel';
export { createAzElModel } from './azElModel';
export type { ExampleSite, ExampleTelescopesOptions } from './exampleSites';
export { createExampleTelescopes, EXAMPLE_SITES } from './exampleSites';
export type {
  AzElDegInit,
  AzElInit,
  Measurement,
  MeasurementCommon,
  MeasurementInit,
  MeasurementKind,
  PositionInit,
  PositionVelocityInit,
  RaDecAxes,
  RaDecDegInit,
  RaDecInit,
  RangeInit,
  RangeRateInit,
} from './measurement';
export {
  AzEl,
  MEASUREMENT_DIMENSIONS,
  Position,
  PositionVelocityMeasurement,
  RaDec,
  Range,
  RangeRate,
} from './measurement';
export type {
  LineOfSightOptions,
  MeasurementModel,
  MeasurementPrediction,
  MeasurementTarget,
  PredictOptions,
  TargetStateAtEpoch,
  TargetTrajectory,
} from './model';
export { MAX_STATE_SPAN_S } from './model';
export { createPositionModel } from './positionModel';
export type { RaDecModel, RaDecModelOptions } from './raDecModel';
export { createRaDecModel } from './raDecModel';
export type { RangeModelOptions } from './rangeModel';
export { createRangeModel } from './rangeModel';
export type { RangeRateModelOptions } from './rangeRateModel';
export { createRangeRateModel } from './rangeRateModel';
export type { MeasurementResidual } from './residual';
export { measurementResidual } from './residual';
export type {
  RadarInit,
  Sensor,
  SensorBiases,
  SensorBiasesInit,
  SensorKind,
  SensorParameter,
  TelescopeInit,
} from './sensor';
export {
  createRadar,
  createTelescope,
  sensorParameterName,
  withSensorBiases,
} from './sensor';
