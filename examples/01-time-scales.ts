/**
 * One instant in every time scale: the epoch of Vallado's Example 3-15 (an observation time
 * typical of an optical track), read in UTC and written in TAI, TT, GPS, TDB, TCG, TCB and
 * UT1 (with the bundled IERS Earth orientation data), plus the leap second of 2016.
 *
 * Run: npm run demo
 */
import { DEFAULT_TIME_DATA, Epoch, TIME_SCALES } from '../src/index';

const options = { timeData: DEFAULT_TIME_DATA };
const t = Epoch.fromIso('2004-04-06T07:51:28.386009', 'UTC');

console.log('Instant: 2004-04-06T07:51:28.386009 UTC\n');
console.log('scale  ISO 8601 (ns)                   two-part Julian date');
for (const scale of TIME_SCALES) {
  const [jd1, jd2] = t.toJdParts(scale, options);
  console.log(
    `${scale.padEnd(5)}  ${t.toIso(scale, options)}   ${jd1.toFixed(1)} + ${jd2.toFixed(15)}`,
  );
}

const eop = DEFAULT_TIME_DATA.eop.at(t.toMjd('UTC'));
console.log(
  `\nEOP at that date (${eop.status}): UT1−UTC = ${eop.ut1MinusUtcS.toFixed(7)} s, ` +
    `x_p = ${((eop.xpRad * 648000) / Math.PI).toFixed(6)}″, y_p = ${((eop.ypRad * 648000) / Math.PI).toFixed(6)}″`,
);
const [tdb1, tdb2] = t.toJdParts('TDB');
const [tt1, tt2] = t.toJdParts('TT');
console.log(
  `TDB − TT = ${((tdb1 - tt1 + (tdb2 - tt2)) * 86400e6).toFixed(3)} µs (Fairhead & Bretagnon series)`,
);

const leap = Epoch.fromIso('2016-12-31T23:59:59.5', 'UTC');
console.log('\nAcross the leap second at the end of 2016, in steps of 0.5 s:');
for (let k = 0; k < 5; k++) {
  const step = leap.plusSeconds(0.5 * k);
  console.log(
    `  UTC ${step.toIso('UTC', { fractionDigits: 1 })}   TAI ${step.toIso('TAI', { fractionDigits: 1 })}`,
  );
}
const gps = t.toGpsWeekSeconds();
console.log(`\nGPS week ${gps.week}, ${gps.secondsOfWeek.toFixed(6)} s of week`);
