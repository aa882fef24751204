/**
 * Propagation: SGP4/SDP4 from TLE and OMM element sets, analytic Kepler propagation, the
 * numerical propagator (integrators, force models, state transition matrix), dense
 * ephemerides and event detection.
 *
 * @packageDocumentation
 */
export * from './ephemeris';
export * from './events';
export * from './forces';
export * from './integrators';
export * from './kepler';
export * from './numerical';
export * from './sgp4';
