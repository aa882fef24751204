/**
 * The value types of event detection.
 *
 * @packageDocumentation
 */
import type { FrameId } from '../../frames';
import type { Epoch } from '../../time';

/** What a switching function g is evaluated on: one instant of an ephemeris. */
export interface EventInput {
  /** The instant. */
  readonly epoch: Epoch;
  /** Seconds since {@link startEpoch} (SI seconds). */
  readonly tS: number;
  /** The start of the ephemeris: epoch = startEpoch + tS. */
  readonly startEpoch: Epoch;
  /**
   * [x, y, z] km and [vx, vy, vz] km/s in {@link frame}. Valid during the call only: do not
   * keep it (the same array is reused).
   */
  readonly positionVelocity: Float64Array;
  /** The frame of the ephemeris. */
  readonly frame: FrameId;
}

/**
 * An event definition: a continuous switching function g whose zeros are the events, and
 * the names of its two crossing directions. Write your own by providing `g`.
 *
 * @example
 * ```ts
 * // Crossing of the 40,000 km radius.
 * const radius: EventDetector = {
 *   name: 'radius-40000',
 *   g: ({ positionVelocity: p }) => Math.hypot(p[0]!, p[1]!, p[2]!) - 40000,
 *   increasingLabel: 'outbound',
 *   decreasingLabel: 'inbound',
 * };
 * radius.name; // 'radius-40000'
 * ```
 */
export interface EventDetector {
  /** Name, copied into each occurrence. */
  readonly name: string;
  /** The switching function (any unit); events where it changes sign. */
  g(input: EventInput): number;
  /** Label of a − to + crossing (default `'increasing'`). */
  readonly increasingLabel?: string;
  /** Label of a + to − crossing (default `'decreasing'`). */
  readonly decreasingLabel?: string;
}

/** One event found by {@link findEvents}. Frozen. */
export interface EventOccurrence {
  /** When it happens (to within the search's tolerance). */
  readonly epoch: Epoch;
  /** The detector's name. */
  readonly detector: string;
  /** The direction of the sign change of g. */
  readonly direction: 'increasing' | 'decreasing';
  /** The detector's label for that direction (e.g. `'umbra-entry'`, `'ascending-node'`). */
  readonly label: string;
}
