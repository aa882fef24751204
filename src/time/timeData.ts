import type { EopTable, EopValues } from './eop';
import type { LeapSecondTable } from './leapSeconds';

/**
 * A source of Earth orientation parameters: what the time module (UT1) and the frames module
 * (polar motion, celestial pole offsets) ask of one. {@link EopTable} implements it; so can a
 * service of your own (a live feed, a different interpolation).
 */
export interface EopProvider {
  /**
   * Earth orientation parameters at a UTC date, with how they were obtained.
   *
   * @param mjdUtc - UTC modified Julian date (fractional)
   * @returns angles in rad, times in s, and a status
   */
  at(mjdUtc: number): EopValues;
  /**
   * UT1−TAI at a UTC date: the hot path of UT1 conversions.
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
  readonly eop?: EopProvider | undefined;
}

/** {@link TimeData} that carries an EOP table, as {@link DEFAULT_TIME_DATA}. */
export interface TimeDataWithEop extends TimeData {
  /** Earth orientation parameters. */
  readonly eop: EopTable;
}
