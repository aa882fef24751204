import fc from 'fast-check';
import { TIME_SCALES, type TimeScale } from '../src/time/scales';

/** Number of runs of every property; fixed so that CI does the same work each time. */
export const PROPERTY_RUNS = Number(process.env.OSMOSE_FC_RUNS ?? 300);

/** fast-check parameters shared by the properties: fixed run count, seed printed on failure. */
export const FC_PARAMS = { numRuns: PROPERTY_RUNS, verbose: 1 } as const;

/** MJD of 1972-01-01 (start of the integer leap seconds). */
export const MJD_1972 = 41317;
/** MJD of 2100-01-01. */
export const MJD_2100 = 88069;

/** A UTC day between 1972-01-01 and 2099-12-31, as an integer MJD. */
export const utcDay1972To2100 = fc.integer({ min: MJD_1972, max: MJD_2100 - 1 });

/** A fraction of a day in [0, 1). */
export const dayFraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** An instant as [integer MJD, fraction of day] between 1972 and 2100. */
export const mjdParts1972To2100 = fc.tuple(utcDay1972To2100, dayFraction);

/** Any time scale. */
export const timeScale: fc.Arbitrary<TimeScale> = fc.constantFrom(...TIME_SCALES);

/** A nanosecond-resolution fraction of a second, as an integer count of nanoseconds. */
export const nanoseconds = fc.integer({ min: 0, max: 999_999_999 });
