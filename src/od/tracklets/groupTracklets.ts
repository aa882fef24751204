/**
 * Grouping of RA/Dec measurements into tracklets: consecutive angles of one sensor, close in
 * time.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import type { Epoch } from '../../time';
import type { RaDec, RaDecAxes } from '../measurements';

/** Consecutive RA/Dec measurements of one object by one sensor, in time order. */
export interface Tracklet {
  /** The sensor. */
  readonly sensorId: string;
  /** Axes of every measurement in it. */
  readonly axes: RaDecAxes;
  /** The measurements, sorted by epoch. */
  readonly measurements: readonly RaDec[];
  /** Epoch of the first measurement. */
  readonly start: Epoch;
  /** Epoch of the last measurement. */
  readonly end: Epoch;
}

/** Options of {@link groupTracklets}. */
export interface GroupTrackletsOptions {
  /** Largest gap between consecutive measurements of a tracklet, s (default 600 s). */
  readonly maxGapS?: number;
  /** Fewest measurements of a tracklet (default 3); smaller groups are left ungrouped. */
  readonly minPoints?: number;
  /** Longest span of a tracklet, s (default 3600 s); a longer run is cut. */
  readonly maxDurationS?: number;
}

/** Result of {@link groupTracklets}. */
export interface GroupTrackletsResult {
  /** The tracklets, sorted by sensor, then by start. */
  readonly tracklets: readonly Tracklet[];
  /** Measurements in no tracklet (groups with too few points), sorted like the tracklets. */
  readonly ungrouped: readonly RaDec[];
}

/**
 * Groups RA/Dec measurements into tracklets: per sensor (and axes), in time order, a new
 * tracklet starts when the gap to the previous measurement exceeds `maxGapS` or the span
 * would exceed `maxDurationS`; groups of fewer than `minPoints` measurements are returned as
 * ungrouped. The result does not depend on the order of the input. One sensor observing
 * two objects at once must be separated beforehand (association is not done here).
 *
 * @param measurements - RA/Dec measurements of any sensors, in any order
 * @param options - gap, minimum size and longest span
 * @returns the tracklets and the measurements left out
 * @throws {@link InvalidArgumentError} when an option is not positive (minPoints: an integer
 *   ≥ 1)
 * @see Milani & Gronchi, Theory of Orbit Determination (2010), §8.1 (tracklets and
 *   attributables)
 * @example
 * ```ts
 * const t0 = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
 * const at = (s: number) =>
 *   RaDec.create({
 *     epoch: t0.plusSeconds(s),
 *     sensorId: 'TCA',
 *     rightAscensionRad: 1 + 7e-5 * s,
 *     declinationRad: -0.1,
 *     sigmaRightAscensionRad: 5e-6,
 *     sigmaDeclinationRad: 5e-6,
 *   });
 * const r = groupTracklets([0, 120, 240, 7200, 7320, 7440].map(at));
 * r.tracklets.length; // 2
 * ```
 */
export function groupTracklets(
  measurements: readonly RaDec[],
  options: GroupTrackletsOptions = {},
): GroupTrackletsResult {
  const maxGapS = options.maxGapS ?? 600;
  const minPoints = options.minPoints ?? 3;
  const maxDurationS = options.maxDurationS ?? 3600;
  if (!(maxGapS > 0)) throw new InvalidArgumentError('maxGapS', maxGapS, 's', 'must be positive');
  if (!(maxDurationS > 0)) {
    throw new InvalidArgumentError('maxDurationS', maxDurationS, 's', 'must be positive');
  }
  if (!(Number.isInteger(minPoints) && minPoints >= 1)) {
    throw new InvalidArgumentError('minPoints', minPoints, '', 'must be an integer ≥ 1');
  }
  const sorted = [...measurements].sort(compareMeasurements);
  const tracklets: Tracklet[] = [];
  const ungrouped: RaDec[] = [];
  let group: RaDec[] = [];
  const flush = () => {
    if (group.length === 0) return;
    if (group.length >= minPoints) {
      const first = group[0]!;
      tracklets.push(
        Object.freeze({
          sensorId: first.sensorId,
          axes: first.axes,
          measurements: Object.freeze(group),
          start: first.epoch,
          end: group[group.length - 1]!.epoch,
        }),
      );
    } else {
      ungrouped.push(...group);
    }
    group = [];
  };
  for (const m of sorted) {
    const first = group[0];
    const last = group[group.length - 1];
    if (
      first === undefined ||
      last === undefined ||
      first.sensorId !== m.sensorId ||
      first.axes !== m.axes ||
      m.epoch.secondsSince(last.epoch) > maxGapS ||
      m.epoch.secondsSince(first.epoch) > maxDurationS
    ) {
      flush();
    }
    group.push(m);
  }
  flush();
  return Object.freeze({
    tracklets: Object.freeze(tracklets),
    ungrouped: Object.freeze(ungrouped),
  });
}

/** Sensor, axes, epoch, then the values: a total order, so that grouping is order-free. */
function compareMeasurements(a: RaDec, b: RaDec): number {
  if (a.sensorId !== b.sensorId) return a.sensorId < b.sensorId ? -1 : 1;
  if (a.axes !== b.axes) return a.axes < b.axes ? -1 : 1;
  const c = a.epoch.compare(b.epoch);
  if (c !== 0) return c;
  return (
    a.rightAscensionRad - b.rightAscensionRad ||
    a.declinationRad - b.declinationRad ||
    a.sigmaRightAscensionRad - b.sigmaRightAscensionRad ||
    a.sigmaDeclinationRad - b.sigmaDeclinationRad
  );
}
