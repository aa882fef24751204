/**
 * Orbit determination: measurement models with their partial derivatives, tracklets, initial
 * orbit determination and the batch least-squares engine.
 *
 * @packageDocumentation
 */
export * from './batch';
export * from './iod';
export * from './measurements';
export * from './tracklets';
