/**
 * Detectors of node crossings and apsides.
 *
 * @packageDocumentation
 */
import type { EventDetector } from './types';

/**
 * Node crossings: g = z, the position component normal to the xy-plane of the ephemeris's
 * frame (its equator). Increasing: `'ascending-node'`; decreasing: `'descending-node'`.
 *
 * @returns the detector
 * @example
 * ```ts
 * nodeDetector().name; // 'node'
 * ```
 */
export function nodeDetector(): EventDetector {
  const detector: EventDetector = {
    name: 'node',
    g: ({ positionVelocity: p }) => p[2]!,
    increasingLabel: 'ascending-node',
    decreasingLabel: 'descending-node',
  };
  return Object.freeze(detector);
}

/**
 * Apsides: g = r·v (km²/s), the radial velocity times the radius. Increasing (r·v from − to
 * +): `'periapsis'`; decreasing: `'apoapsis'`. On nearly circular orbits the apsides of
 * the osculating orbit are still found, but they mean little.
 *
 * @returns the detector
 * @example
 * ```ts
 * apsisDetector().increasingLabel; // 'periapsis'
 * ```
 */
export function apsisDetector(): EventDetector {
  const detector: EventDetector = {
    name: 'apsis',
    g: ({ positionVelocity: p }) => p[0]! * p[3]! + p[1]! * p[4]! + p[2]! * p[5]!,
    increasingLabel: 'periapsis',
    decreasingLabel: 'apoapsis',
  };
  return Object.freeze(detector);
}
