/**
 * Orbit determination: measurement models with their partial derivatives, tracklets, initial
 * orbit determination, the batch least-squares engine and the Kalman filter steps.
 *
 * @packageDocumentation
 */
export * from './batch';
export * from './ekf';
export * from './iod';
export * from './measurements';
export * from './simulate';
export * from './tdm';
export * from './tracklets';
