/**
 * Simulation of measurements: seeded, noisy RA/Dec tracklets of one object from a network of
 * telescopes, under the Sun, elevation and Earth-shadow constraints of optical observing.
 *
 * @packageDocumentation
 */
export type {
  SimulatedMeasurements,
  SimulatedSensorReport,
  SimulatedTracklet,
  SimulateMeasurementsOptions,
  SimulationCadence,
  SimulationConstraints,
  SimulationRejections,
} from './simulateMeasurements';
export { simulateMeasurements } from './simulateMeasurements';
