/**
 * Time scales and instants: {@link Epoch}, leap seconds, Earth orientation parameters and
 * the readers of the IERS, USNO and CelesTrak files.
 *
 * @packageDocumentation
 */
export { LeapSecondTable } from './leapSeconds';
export type { LeapSecondEntry, LeapSecondTableOptions, TaiMinusUtc } from './leapSeconds';
export type { TimeData, Ut1Provider } from './timeData';
