export type { EphemerisFromStatesOptions, EphemerisFromTrajectoryInit } from './ephemeris';
export { Ephemeris } from './ephemeris';
export type { SampleInterpolation } from './sampledStates';
