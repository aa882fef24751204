/**
 * Time scales and instants: {@link Epoch}, leap seconds, Earth orientation parameters and
 * the readers of the IERS, USNO and CelesTrak files.
 *
 * @packageDocumentation
 */
export { DEFAULT_LEAP_SECONDS } from './defaultLeapSeconds';
export type {
  CalendarDateTime,
  CalendarFields,
  GpsWeekSeconds,
  IsoFormatOptions,
  TdbObserver,
  TimeOptions,
  TwoPartDate,
} from './epoch';
export { Epoch } from './epoch';
export type { LeapSecondEntry, LeapSecondTableOptions, TaiMinusUtc } from './leapSeconds';
export { LeapSecondTable } from './leapSeconds';
export { parseLeapSecondDat } from './parsers/leapSecondDat';
export type { LeapSecondFileOptions } from './parsers/leapSecondFiles';
export type { LeapSecondsListOptions } from './parsers/leapSecondsList';
export { parseLeapSecondsList } from './parsers/leapSecondsList';
export { parseTaiUtcDat } from './parsers/taiUtcDat';
export type { TimeScale } from './scales';
export { isTimeScale, TIME_SCALES } from './scales';
export { tdbMinusTtGeocentricS, tdbMinusTtS } from './tdb';
export type { TimeData, Ut1Provider } from './timeData';
