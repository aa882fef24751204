import { BUNDLED_LEAP_SECONDS } from '../data/leapSeconds';
import { LeapSecondTable } from './leapSeconds';

/**
 * The TAI−UTC history shipped with osmose, so that nothing must be downloaded: USNO
 * `tai-utc.dat`'s drifting segments from 1961-01-01 to 1971, then the whole-second steps of
 * IERS Bulletin C `Leap_Second.dat` from 1972-01-01 (10 s … 37 s since 2017-01-01), with that
 * file's expiry date. UTC before 1961-01-01 is refused (`TimeRangeError`); past the
 * expiry the last value holds and `taiMinusUtc` reports `beyondExpiry: true`. For a fresher
 * table read a newer file with `parseLeapSecondDat` or `parseLeapSecondsList`.
 *
 * Built from `src/data/leapSeconds.ts`, which `scripts/generate-leap-seconds.ts` generates
 * from the files in `test/reference/iers-leap-seconds/`.
 *
 * @see https://hpiers.obspm.fr/iers/bul/bulc/Leap_Second.dat
 *
 * @example
 * ```ts
 * DEFAULT_LEAP_SECONDS.taiMinusUtc(57754).valueS; // 37 (2017-01-01)
 * DEFAULT_LEAP_SECONDS.taiMinusUtc(39127).valueS; // ≈ 4.315762 (1966-01-02, drifting UTC)
 * DEFAULT_LEAP_SECONDS.expiresMjd; // 61584 (2027-06-28)
 * ```
 */
export const DEFAULT_LEAP_SECONDS: LeapSecondTable = /* @__PURE__ */ buildDefaultLeapSeconds();

// One pure call, so that bundlers can drop it whole when the table is unused.
function buildDefaultLeapSeconds(): LeapSecondTable {
  return LeapSecondTable.create(
    BUNDLED_LEAP_SECONDS.entries.map(([startMjd, offsetS, refMjd, rateSPerDay]) => ({
      startMjd,
      offsetS,
      refMjd,
      rateSPerDay,
    })),
    {
      expiresMjd: BUNDLED_LEAP_SECONDS.expiresMjd,
      updatedMjd: BUNDLED_LEAP_SECONDS.updatedMjd,
      source: BUNDLED_LEAP_SECONDS.source,
    },
  );
}
