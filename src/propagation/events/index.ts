export type { EclipseDetectorOptions } from './eclipseDetector';
export { eclipseDetector } from './eclipseDetector';
export type { ElevationDetectorOptions } from './elevationDetector';
export { elevationDetector } from './elevationDetector';
export type { FindEventsOptions } from './findEvents';
export { findEvents } from './findEvents';
export { apsisDetector, nodeDetector } from './orbitDetectors';
export type { EventDetector, EventInput, EventOccurrence } from './types';
