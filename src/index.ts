/**
 * osmose: astrodynamics for space surveillance and tracking.
 *
 * Each module is also published as its own subpath (`osmose/time`, …); this entry re-exports
 * them all.
 *
 * @packageDocumentation
 */

export * from './bodies';
export * from './ccsds';
export * from './errors';
export * from './frames';
export * from './od';
export * from './propagation';
export * from './state';
export * from './time';
