import type { EopTable } from './eop';
import type { LeapSecondTable } from './leapSeconds';

/**
 * Earth orientation data as the time module needs it: UT1−TAI at a UTC date, under the
 * provider's own interpolation and extrapolation policy. {@link EopTable} implements it.
 */
export interface Ut1Provider {
  /**
   * UT1−TAI at a UTC date.
   *
   * @param mjdUtc - UTC modified Julian date (fractional)
   * @returns UT1−TAI, s
   */
  ut1MinusTaiS(mjdUtc: number): number;
}

/**
 * The time data a conversion may need: the TAI−UTC history, and Earth orientation
 * parameters for UT1 (and, in the frames module, polar motion and celestial pole offsets).
 * Pass it explicitly; {@link DEFAULT_TIME_DATA} bundles the IERS tables shipped with osmose.
 */
export interface TimeData {
  /** TAI−UTC history. */
  readonly leapSeconds: LeapSecondTable;
  /** Earth orientation parameters; required for UT1. */
  readonly eop?: EopTable | undefined;
}

/** {@link TimeData} that carries Earth orientation parameters, as {@link DEFAULT_TIME_DATA}. */
export interface TimeDataWithEop extends TimeData {
  /** Earth orientation parameters. */
  readonly eop: EopTable;
}
