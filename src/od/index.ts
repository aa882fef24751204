/**
 * Orbit determination: measurement models with their partial derivatives, tracklets and
 * initial orbit determination.
 *
 * @packageDocumentation
 */
export * from './iod';
export * from './measurements';
export * from './tracklets';
