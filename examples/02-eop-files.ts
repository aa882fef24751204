/**
 * Time data from files: read the IERS leap-second table and three Earth orientation series
 * (IERS finals2000A, IERS EOP 14 C04, CelesTrak EOP-All), compare them at one date, and show
 * what each extrapolation policy does past the end of a table.
 *
 * The files are the reference copies under test/reference/; in operations, read the current
 * ones from the IERS and CelesTrak.
 *
 * Run: npx tsx examples/02-eop-files.ts
 */
import { readFileSync } from 'node:fs';
import {
  AstroError,
  Epoch,
  parseCelestrakEop,
  parseEopC04,
  parseFinals2000A,
  parseLeapSecondDat,
  parseTaiUtcDat,
  type TimeData,
} from '../src/index';

const read = (path: string) =>
  readFileSync(new URL(`../test/reference/${path}`, import.meta.url), 'utf8');
const ARCSEC_PER_RAD = 648000 / Math.PI;

const leapSeconds = parseLeapSecondDat(read('iers-leap-seconds/Leap_Second.dat'));
console.log(
  `Leap_Second.dat: ${leapSeconds.entries.length} entries, TAI−UTC now ${leapSeconds.taiMinusUtc(61000).valueS} s, expires MJD ${leapSeconds.expiresMjd}`,
);
// Leap_Second.dat starts in 1972; the C04 and CelesTrak series start in 1962, so they need
// USNO's table, which has the 1961–1971 drifting UTC.
const usno = parseTaiUtcDat(read('iers-leap-seconds/tai-utc.dat'));

const series = {
  'finals2000A (Bull. A)': parseFinals2000A(read('iers-eop/finals2000A.all'), leapSeconds),
  'EOP 14 C04': parseEopC04(read('iers-eop/EOP_14_C04_IAU2000A_1962-2023.txt'), usno),
  'CelesTrak EOP-All': parseCelestrakEop(read('iers-eop/EOP-All-v1.1_2025-01-10.txt'), usno),
};

const t = Epoch.fromIso('2004-04-06T07:51:28.386009', 'UTC');
console.log(
  `\nEOP at ${t.toIso('UTC', { fractionDigits: 6 })} UTC (interpolated between daily rows):`,
);
for (const [name, eop] of Object.entries(series)) {
  const v = eop.at(t.toMjd('UTC'));
  const timeData: TimeData = { leapSeconds: usno, eop };
  console.log(
    `  ${name.padEnd(22)} UT1−UTC ${v.ut1MinusUtcS.toFixed(7)} s  x_p ${(v.xpRad * ARCSEC_PER_RAD).toFixed(6)}″  y_p ${(v.ypRad * ARCSEC_PER_RAD).toFixed(6)}″  UT1 ${t.toIso('UT1', { timeData, fractionDigits: 6 })}`,
  );
}

const finals = series['finals2000A (Bull. A)'];
const after = finals.lastMjd + 30;
console.log(`\n30 days past the end of finals2000A (MJD ${after}):`);
for (const extrapolation of ['predict', 'hold', 'error'] as const) {
  try {
    const v = finals.withOptions({ extrapolation }).at(after);
    console.log(
      `  ${extrapolation.padEnd(8)} UT1−UTC ${v.ut1MinusUtcS.toFixed(7)} s (status: ${v.status})`,
    );
  } catch (e) {
    if (!(e instanceof AstroError)) throw e;
    console.log(`  ${extrapolation.padEnd(8)} ${e.name}: ${e.message}`);
  }
}
