/**
 * Time scales and instants: {@link Epoch}, leap seconds, Earth orientation parameters and
 * the readers of the IERS, USNO and CelesTrak files.
 *
 * @packageDocumentation
 */
export { DEFAULT_LEAP_SECONDS } from './defaultLeapSeconds';
export { DEFAULT_EOP, DEFAULT_TIME_DATA } from './defaultTimeData';
export type {
  EopExtrapolation,
  EopGap,
  EopInterpolation,
  EopRow,
  EopStatus,
  EopTableOptions,
  EopValues,
} from './eop';
export { EopTable } from './eop';
export type {
  CalendarDateTime,
  CalendarFields,
  GpsWeekSeconds,
  IsoFormatOptions,
  TdbObserver,
  TimeDataAt,
  TimeOptions,
  TwoPartDate,
} from './epoch';
export { Epoch } from './epoch';
export type { LeapSecondEntry, LeapSecondTableOptions, TaiMinusUtc } from './leapSeconds';
export { LeapSecondTable } from './leapSeconds';
export type { CelestrakEopRow, CelestrakEopRowsOptions } from './parsers/celestrakEop';
export { parseCelestrakEop, parseCelestrakEopRows } from './parsers/celestrakEop';
export { parseEopC04, parseEopC04Rows } from './parsers/eopC04';
export type { Finals2000AOptions, Finals2000ARows } from './parsers/finals2000A';
export { parseFinals2000A, parseFinals2000ARows } from './parsers/finals2000A';
export { parseLeapSecondDat } from './parsers/leapSecondDat';
export type { LeapSecondFileOptions } from './parsers/leapSecondFiles';
export type { LeapSecondsListOptions } from './parsers/leapSecondsList';
export { parseLeapSecondsList } from './parsers/leapSecondsList';
export { parseTaiUtcDat } from './parsers/taiUtcDat';
export type { TimeScale } from './scales';
export { isTimeScale, TIME_SCALES } from './scales';
export { tdbMinusTtGeocentricS, tdbMinusTtS } from './tdb';
export type { EopProvider, TimeData, TimeDataWithEop } from './timeData';
