import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAP_SECONDS } from '../../src/time/defaultLeapSeconds';
import { DEFAULT_TIME_DATA } from '../../src/time/defaultTimeData';
import { Epoch, type TimeOptions } from '../../src/time/epoch';
import { TIME_SCALES, type TimeScale } from '../../src/time/scales';
import {
  FC_PARAMS,
  mjdParts1972To2100,
  nanoseconds,
  timeScale,
  utcDay1972To2100,
} from '../arbitraries';

/** Instants are exact to the nanosecond: a round trip through any scale comes back within this. */
const ROUND_TRIP_TOL_S = 1e-9;

// UT1 from the bundled EOP, interpolated on UT1−TAI and so continuous across leap seconds; the
// 'hold' policy carries it on both sides of the table, over the whole 1972–2100 range. A fixed
// dUT1 would make UT1 jump with UTC at each leap second, and UT1 readings within a second of
// the step ambiguous.
const OPTS: TimeOptions = {
  timeData: {
    leapSeconds: DEFAULT_TIME_DATA.leapSeconds,
    eop: DEFAULT_TIME_DATA.eop.withOptions({ extrapolation: 'hold' }),
  },
};

/** Seconds between two two-part dates (days), without losing digits. */
const diffS = (a: readonly [number, number], b: readonly [number, number]) =>
  (a[0] - b[0] + (a[1] - b[1])) * 86400;

describe('Epoch properties', () => {
  it('A → B → A returns within 1 ns for random instants 1972–2100 and every pair of scales', () => {
    fc.assert(
      fc.property(mjdParts1972To2100, timeScale, timeScale, ([day, frac], a, b) => {
        const start = Epoch.fromMjd(day, frac, a, OPTS);
        const inB = start.toMjdParts(b, OPTS);
        const back = Epoch.fromMjd(...inB, b, OPTS).toMjdParts(a, OPTS);
        const original = start.toMjdParts(a, OPTS);
        // On a leap-second day a UTC fraction is of 86401 s; diffS of the parts stays < 1 ns × 86401/86400.
        expect(Math.abs(diffS(back, original))).toBeLessThanOrEqual(ROUND_TRIP_TOL_S);
        expect(Math.abs(diffS(original, [day, frac]))).toBeLessThanOrEqual(ROUND_TRIP_TOL_S);
      }),
      FC_PARAMS,
    );
  });

  it('every scale round-trips through seconds since J2000 within 1 ns', () => {
    fc.assert(
      fc.property(mjdParts1972To2100, timeScale, ([day, frac], scale) => {
        fc.pre(scale !== 'UTC');
        const s = scale as Exclude<TimeScale, 'UTC'>;
        const t = Epoch.fromMjd(day, frac, 'TAI');
        const [whole, fraction] = t.toSecondsSinceJ2000(s, OPTS);
        const back = Epoch.fromSecondsSinceJ2000(whole, s, fraction, OPTS);
        expect(Math.abs(back.secondsSince(t))).toBeLessThanOrEqual(ROUND_TRIP_TOL_S);
      }),
      FC_PARAMS,
    );
  });

  it('ISO text with 9 decimals round-trips exactly, in every scale', () => {
    fc.assert(
      fc.property(
        utcDay1972To2100,
        fc.integer({ min: 0, max: 86399 }),
        nanoseconds,
        fc.constantFrom<TimeScale>('UTC', 'TAI', 'TT', 'GPS', 'TDB', 'TCG', 'TCB', 'UT1'),
        (day, sod, ns, scale) => {
          const t0 = Epoch.fromMjd(day, sod / 86400, scale, OPTS);
          const text = `${t0.toIso(scale, { ...OPTS, fractionDigits: 0 })}.${String(ns).padStart(9, '0')}`;
          expect(Epoch.fromIso(text, scale, OPTS).toIso(scale, OPTS)).toBe(text);
        },
      ),
      FC_PARAMS,
    );
  });

  it('ISO text inside every leap second since 1972 round-trips exactly at 9 decimals', () => {
    const leapDays = [
      '1972-06-30',
      '1972-12-31',
      '1973-12-31',
      '1974-12-31',
      '1975-12-31',
      '1976-12-31',
      '1977-12-31',
      '1978-12-31',
      '1979-12-31',
      '1981-06-30',
      '1982-06-30',
      '1983-06-30',
      '1985-06-30',
      '1987-12-31',
      '1989-12-31',
      '1990-12-31',
      '1992-06-30',
      '1993-06-30',
      '1994-06-30',
      '1995-12-31',
      '1997-06-30',
      '1998-12-31',
      '2005-12-31',
      '2008-12-31',
      '2012-06-30',
      '2015-06-30',
      '2016-12-31',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...leapDays), nanoseconds, (date, ns) => {
        const text = `${date}T23:59:60.${String(ns).padStart(9, '0')}`;
        const t = Epoch.fromIso(text, 'UTC');
        expect(t.toIso('UTC')).toBe(text);
        // The leap second lies between 23:59:59 and the next day's 00:00:00.
        expect(t.compare(Epoch.fromIso(`${date}T23:59:59.999999999`, 'UTC'))).toBe(1);
      }),
      FC_PARAMS,
    );
  });

  it('conversion preserves order in every scale', () => {
    fc.assert(
      fc.property(
        mjdParts1972To2100,
        fc.double({ min: 2e-9, max: 1e6, noNaN: true }),
        timeScale,
        ([day, frac], dtS, scale) => {
          const a = Epoch.fromMjd(day, frac, 'TAI');
          const b = a.plusSeconds(dtS);
          const pa = a.toMjdParts(scale, OPTS);
          const pb = b.toMjdParts(scale, OPTS);
          expect(pb[0] > pa[0] || (pb[0] === pa[0] && pb[1] > pa[1])).toBe(true);
        },
      ),
      FC_PARAMS,
    );
  });

  it('plusSeconds then secondsSince gives back the step within 1 ns', () => {
    fc.assert(
      fc.property(
        mjdParts1972To2100,
        fc.double({ min: -1e5, max: 1e5, noNaN: true }), // |dt| ≤ 1e5 s keeps the double result within 1e-11 s
        ([day, frac], dtS) => {
          const a = Epoch.fromMjd(day, frac, 'TAI');
          expect(Math.abs(a.plusSeconds(dtS).secondsSince(a) - dtS)).toBeLessThanOrEqual(
            ROUND_TRIP_TOL_S,
          );
        },
      ),
      FC_PARAMS,
    );
  });

  it('TIME_SCALES lists the eight scales', () => {
    expect([...TIME_SCALES].sort()).toEqual([
      'GPS',
      'TAI',
      'TCB',
      'TCG',
      'TDB',
      'TT',
      'UT1',
      'UTC',
    ]);
  });
});

describe('Epoch properties before 1972', () => {
  it('UTC → TAI → UTC round-trips within 1 ns through the 1961–1971 drifting segments', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 37300, max: 41316 }),
        fc.integer({ min: 0, max: 86399 }),
        nanoseconds,
        (day, sod, ns) => {
          const t = Epoch.fromMjd(day, sod / 86400, 'UTC');
          const text = `${t.toIso('UTC', { fractionDigits: 0 })}.${String(ns).padStart(9, '0')}`;
          const e = Epoch.fromIso(text, 'UTC');
          const back = Epoch.fromMjd(...e.toMjdParts('TAI'), 'TAI');
          expect(Math.abs(back.secondsSince(e))).toBeLessThanOrEqual(ROUND_TRIP_TOL_S);
          expect(e.toIso('UTC')).toBe(text);
        },
      ),
      FC_PARAMS,
    );
  });
});

describe('Epoch on the step days of 1961–1971', () => {
  it('ISO text in the last second of every step day round-trips at 9 decimals, inside 23:59:60.x too', () => {
    const steps = DEFAULT_LEAP_SECONDS.entries.filter(
      (e) => e.startMjd > 37300 && e.startMjd <= 41317,
    );
    expect(steps.length).toBe(13);
    for (const e of steps) {
      const day = e.startMjd - 1;
      const length = DEFAULT_LEAP_SECONDS.dayLengthS(day);
      const date = Epoch.fromMjd(day, 0, 'UTC').toIso('UTC', { fractionDigits: 0 }).slice(0, 10);
      fc.assert(
        // u stops 2 ns short of 1 so that length − 1 + u stays below length in double.
        fc.property(fc.double({ min: 0, max: 1 - 2e-9, noNaN: true }), (u) => {
          // A second of the UTC clock in [length − 1, length): the day's last second.
          const sod = length - 1 + u;
          const whole = Math.floor(sod);
          const ns = Math.floor((sod - whole) * 1e9);
          const hms = `23:59:${String(whole - 86340).padStart(2, '0')}`; // 58, 59 or 60
          const text = `${date}T${hms}.${String(ns).padStart(9, '0')}`;
          expect(Epoch.fromIso(text, 'UTC').toIso('UTC')).toBe(text);
        }),
        { ...FC_PARAMS, numRuns: Math.ceil(FC_PARAMS.numRuns / 10) },
      );
    }
  });
});
