/**
 * osmose: astrodynamics for space surveillance and tracking.
 *
 * Each module is also published as its own subpath (`osmose/time`, …); this entry re-exports
 * them all.
 *
 * @packageDocumentation
 */

export * from './bodies';
export * from './errors';
export * from './frames';
export * from './state';
export * from './time';
