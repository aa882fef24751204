import { Epoch } from '../../time';
import { daysFrom1950 } from './internal/epochDays';
import type { TleElements } from './tleElements';

/** MJD of 1950 January 0.0, the origin of SGP4's day count. */
const MJD_1950_JAN_0 = 33281;

/**
 * The epoch of an element set, as an instant (TLE and OMM epochs are UTC).
 *
 * @param elements - the element set
 * @returns its epoch
 * @throws {@link TimeRangeError} for an epoch before 1961, where UTC is not defined
 * @see Space-Track, "Two-Line Element Set Format" (epoch columns 19–32)
 * @example
 * ```ts
 * const tle = parseTle([
 *   '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
 *   '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
 * ]);
 * tleEpoch(tle).toIso('UTC', { fractionDigits: 3 }); // '2020-06-25T13:08:18.802'
 * ```
 */
export function tleEpoch(elements: TleElements): Epoch {
  const day = elements.epochDayOfYear;
  const whole = Math.floor(day);
  return Epoch.fromMjd(
    MJD_1950_JAN_0 + daysFrom1950(elements.epochYear) + whole,
    day - whole,
    'UTC',
  );
}
