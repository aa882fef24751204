import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataRangeError, InvalidArgumentError } from '../../src/errors';
import { DEFAULT_LEAP_SECONDS } from '../../src/time/defaultLeapSeconds';
import { type EopRow, EopTable } from '../../src/time/eop';
import { parseFinals2000A } from '../../src/time/parsers/finals2000A';
import { FC_PARAMS } from '../arbitraries';
import { expectCloseS } from '../helpers/expect';

/** Radians per arcsecond, written independently of src/: 2π / (360 × 3600). */
const RAD_PER_ARCSEC = (2 * Math.PI) / 1_296_000;

/**
 * Linear and 4-point Lagrange interpolation of UT1 may differ mid-day by the curvature of
 * UT1 over a few days: well below 0.1 ms for daily IERS data (the brief's bound; 0.05 ms is
 * measured on finals2000A). A larger gap would mean a misplaced window.
 */
const LINEAR_VS_LAGRANGE_UT1_TOL_S = 1e-4;
/**
 * Lower bound of the same difference: Lagrange must actually bend the curve somewhere
 * (above the 1e-7 s resolution of the file), or the option would be ignored.
 */
const LINEAR_VS_LAGRANGE_MIN_S = 1e-6;
/**
 * Rounding of sums of UT1−TAI (≈ −37 s) and TAI−UTC: a few ulps of 37 s (7e-15 s each).
 */
const FLOAT_TOL_S = 1e-12;
/** Interpolation is exact for a cubic through 4 nodes up to rounding of values ≈ 1 s. */
const CUBIC_TOL_S = 1e-12;

/** 2016-12-31, the last day with TAI−UTC = 36 s; 2017-01-01 (MJD 57754) has 37 s. */
const MJD_BEFORE_LEAP = 57753;

const FINALS = readFileSync(
  new URL('../reference/iers-eop/finals2000A.all', import.meta.url),
  'utf8',
);
const linear = parseFinals2000A(FINALS, DEFAULT_LEAP_SECONDS);
const lagrange = linear.withOptions({ interpolation: 'lagrange' });

/** UT1−TAI of a row, from its UT1−UTC and the leap-second table. */
function ut1MinusTaiOfRow(row: EopRow): number {
  return row.ut1MinusUtcS - DEFAULT_LEAP_SECONDS.taiMinusUtc(row.mjd).valueS;
}

function rowAtMjd(table: EopTable, mjd: number): EopRow {
  return table.row(mjd - table.firstMjd);
}

/** A small synthetic table: `n` days from MJD 60000 with the given UT1−UTC per day. */
function syntheticTable(ut1: (mjd: number) => number, n = 10, mjds?: number[]): EopTable {
  const days = mjds ?? Array.from({ length: n }, (_, i) => 60000 + i);
  return EopTable.fromRows(
    days.map((mjd) => ({
      mjd,
      xpArcsec: 0.1 + (mjd - 60000) * 1e-3,
      ypArcsec: 0.3,
      ut1MinusUtcS: ut1(mjd),
      lodS: 1e-3,
      dXArcsec: 1e-4,
      dYArcsec: -1e-4,
      predicted: mjd >= 60008,
    })),
    DEFAULT_LEAP_SECONDS,
    { source: 'synthetic' },
  );
}

describe('EopTable across a leap second', () => {
  const before = rowAtMjd(linear, MJD_BEFORE_LEAP);
  const after = rowAtMjd(linear, MJD_BEFORE_LEAP + 1);

  it('sees UT1−UTC jump by about +1 s between MJD 57753 and 57754 in the file', () => {
    expect(after.ut1MinusUtcS - before.ut1MinusUtcS).toBeGreaterThan(0.99);
    expect(after.ut1MinusUtcS - before.ut1MinusUtcS).toBeLessThan(1.01);
  });

  it('interpolates UT1−TAI at 57753.5 between its neighbours, and UT1−UTC = that + 36 s', () => {
    const taiBefore = before.ut1MinusUtcS - 36;
    const taiAfter = after.ut1MinusUtcS - 37;
    const v = linear.at(MJD_BEFORE_LEAP + 0.5);
    expect(v.ut1MinusTaiS).toBeGreaterThanOrEqual(Math.min(taiBefore, taiAfter));
    expect(v.ut1MinusTaiS).toBeLessThanOrEqual(Math.max(taiBefore, taiAfter));
    expectCloseS(v.ut1MinusTaiS, (taiBefore + taiAfter) / 2, FLOAT_TOL_S, 'UT1−TAI');
    // At noon of 2016-12-31 TAI−UTC is still 36 s: UT1−UTC = mean UT1−TAI + 36 s, which is
    // (u₅₃ + u₅₄ − 1 s) / 2, not the naive mean of the two UT1−UTC values.
    expectCloseS(v.ut1MinusUtcS, (taiBefore + taiAfter) / 2 + 36, FLOAT_TOL_S, 'UT1−UTC');
    expectCloseS(v.ut1MinusUtcS, (before.ut1MinusUtcS + after.ut1MinusUtcS - 1) / 2, FLOAT_TOL_S);
    expect(
      Math.abs(v.ut1MinusUtcS - (before.ut1MinusUtcS + after.ut1MinusUtcS) / 2),
    ).toBeGreaterThan(0.49);
  });

  it('keeps UT1 continuous up to the leap second: UT1−UTC tends to u₅₄ − 1 s before midnight', () => {
    const justBefore = linear.at(MJD_BEFORE_LEAP + 1 - 1e-6);
    // 1e-6 day from the node, UT1−TAI moves by rate × 1e-6 day ≈ 1e-9 s.
    expectCloseS(justBefore.ut1MinusUtcS, after.ut1MinusUtcS - 1, 1e-8, 'UT1−UTC just before');
    expect(linear.at(MJD_BEFORE_LEAP + 1).ut1MinusUtcS).toBe(after.ut1MinusUtcS);
  });

  it('puts UT1−TAI mid-day at every leap second of the table within its neighbours', () => {
    const steps = DEFAULT_LEAP_SECONDS.entries
      .map((e) => e.startMjd)
      .filter((m) => m > linear.firstMjd && m <= linear.lastMjd);
    expect(steps).toHaveLength(25); // 1974-01-01 … 2017-01-01; the table starts 1973-01-02
    for (const table of [linear, lagrange]) {
      for (const step of steps) {
        const a = ut1MinusTaiOfRow(rowAtMjd(table, step - 1));
        const b = ut1MinusTaiOfRow(rowAtMjd(table, step));
        const v = table.ut1MinusTaiS(step - 0.5);
        // Lagrange may overshoot the neighbours by the curvature: allow the mid-day bound.
        const slack = table.interpolation === 'linear' ? 0 : LINEAR_VS_LAGRANGE_UT1_TOL_S;
        expect(v).toBeGreaterThanOrEqual(Math.min(a, b) - slack);
        expect(v).toBeLessThanOrEqual(Math.max(a, b) + slack);
      }
    }
  });
});

describe('EopTable interpolation', () => {
  it('gives back every row exactly at its own MJD, linear and Lagrange', () => {
    const mismatches: string[] = [];
    for (const table of [linear, lagrange]) {
      for (let i = 0; i < table.length; i++) {
        const row = table.row(i);
        const v = table.at(row.mjd);
        const checks: [string, number, number][] = [
          ['ut1MinusUtcS', v.ut1MinusUtcS, row.ut1MinusUtcS],
          ['xpRad', v.xpRad, row.xpArcsec * RAD_PER_ARCSEC],
          ['ypRad', v.ypRad, row.ypArcsec * RAD_PER_ARCSEC],
          ['lodS', v.lodS, row.lodS],
          ['dXRad', v.dXRad, row.dXArcsec * RAD_PER_ARCSEC],
          ['dYRad', v.dYRad, row.dYArcsec * RAD_PER_ARCSEC],
          // The fast path goes through the interpolation formulas, which must hit the node.
          ['ut1MinusTaiS (fast path)', table.ut1MinusTaiS(row.mjd), ut1MinusTaiOfRow(row)],
        ];
        for (const [name, got, want] of checks) {
          if (got !== want)
            mismatches.push(`${table.interpolation} MJD ${row.mjd} ${name}: ${got} ≠ ${want}`);
        }
        if (v.status !== 'interpolated') mismatches.push(`MJD ${row.mjd} status ${v.status}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it(`differs mid-day between linear and Lagrange by less than ${LINEAR_VS_LAGRANGE_UT1_TOL_S * 1e3} ms in UT1`, () => {
    let max = 0;
    let where = 0;
    for (let mjd = linear.firstMjd; mjd < linear.lastMjd; mjd++) {
      const d = Math.abs(linear.ut1MinusTaiS(mjd + 0.5) - lagrange.ut1MinusTaiS(mjd + 0.5));
      if (d > max) {
        max = d;
        where = mjd;
      }
    }
    console.info(
      `linear vs Lagrange(4) mid-day: max |ΔUT1| = ${(max * 1e3).toFixed(4)} ms at MJD ${where}.5`,
    );
    expect(max).toBeLessThan(LINEAR_VS_LAGRANGE_UT1_TOL_S);
    expect(max).toBeGreaterThan(LINEAR_VS_LAGRANGE_MIN_S);
  });

  it('reproduces a cubic with 4-point Lagrange, and a straight line with both', () => {
    const cubic = (mjd: number) => 0.1 + 1e-3 * (mjd - 60004) ** 3 - 2e-3 * (mjd - 60004) ** 2;
    const cubicTable = syntheticTable(cubic).withOptions({ interpolation: 'lagrange' });
    for (const t of [60000.25, 60004.5, 60008.9]) {
      // UT1−UTC = UT1−TAI + 37 s: compare with the cubic (no leap second in 2023).
      expectCloseS(cubicTable.at(t).ut1MinusUtcS, cubic(t), CUBIC_TOL_S, `cubic at ${t}`);
    }
    const line = (mjd: number) => 0.2 - 1.5e-3 * (mjd - 60000);
    const lineTable = syntheticTable(line);
    expectCloseS(lineTable.at(60003.3).ut1MinusUtcS, line(60003.3), CUBIC_TOL_S, 'line');
    expect(lineTable.at(60003.3).xpRad).toBeCloseTo((0.1 + 3.3e-3) * RAD_PER_ARCSEC, 18);
    // Linear interpolation of the cubic does not reproduce it: the test can tell them apart.
    expect(
      Math.abs(syntheticTable(cubic).at(60004.5).ut1MinusUtcS - cubic(60004.5)),
    ).toBeGreaterThan(1e-4);
  });

  it('interpolates across a gap and lists it', () => {
    const mjds = [60000, 60001, 60002, 60010, 60011];
    const table = syntheticTable((mjd) => 0.1 - 1e-3 * (mjd - 60000), 0, mjds);
    expect(table.gaps).toEqual([{ beforeMjd: 60002, afterMjd: 60010 }]);
    expectCloseS(table.at(60006).ut1MinusUtcS, 0.1 - 6e-3, CUBIC_TOL_S, 'across the gap');
    expect(table.at(60010).ut1MinusUtcS).toBe(0.1 - 1e-3 * 10);
    expect(table.ut1MinusTaiS(60010.5)).toBe(table.at(60010.5).ut1MinusTaiS);
  });

  it('flags values drawn from predicted rows', () => {
    const lastMeasured = linear.firstPredictedMjd! - 1;
    expect(lastMeasured).toBe(61265);
    expect(linear.at(lastMeasured - 0.5).fromPredictedRows).toBe(false);
    expect(linear.at(lastMeasured + 0.5).fromPredictedRows).toBe(true);
    // The 4-point window of [61264, 61265] reaches the first predicted row.
    expect(lagrange.at(lastMeasured - 0.5).fromPredictedRows).toBe(true);
    expect(lagrange.at(lastMeasured - 1.5).fromPredictedRows).toBe(false);
  });

  it('converts angles from arcsec to radians', () => {
    const v = linear.at(53101);
    expect(v.xpRad / RAD_PER_ARCSEC).toBeCloseTo(-0.140722, 12);
    expect(v.dXRad / RAD_PER_ARCSEC).toBeCloseTo(-0.000104, 15);
  });

  it('takes the same value on the fast path as in at(), for any date and both interpolations', () => {
    fc.assert(
      fc.property(
        fc.double({ min: linear.firstMjd - 400, max: linear.lastMjd + 400, noNaN: true }),
        fc.boolean(),
        (t, useLagrange) => {
          // 'hold' gives a value at every date, inside the table and on both sides of it.
          const table = (useLagrange ? lagrange : linear).withOptions({ extrapolation: 'hold' });
          expect(table.ut1MinusTaiS(t)).toBe(table.at(t).ut1MinusTaiS);
        },
      ),
      FC_PARAMS,
    );
  });

  it('stays within the two neighbouring rows with linear interpolation', () => {
    fc.assert(
      fc.property(fc.double({ min: linear.firstMjd, max: linear.lastMjd, noNaN: true }), (t) => {
        const i = Math.min(Math.floor(t) - linear.firstMjd, linear.length - 2);
        const a = linear.row(i);
        const b = linear.row(i + 1);
        const v = linear.at(t);
        const within = (x: number, p: number, q: number) =>
          x >= Math.min(p, q) && x <= Math.max(p, q);
        expect(within(v.ut1MinusTaiS, ut1MinusTaiOfRow(a), ut1MinusTaiOfRow(b))).toBe(true);
        expect(within(v.lodS, a.lodS, b.lodS)).toBe(true);
        expect(within(v.xpRad, a.xpArcsec * RAD_PER_ARCSEC, b.xpArcsec * RAD_PER_ARCSEC)).toBe(
          true,
        );
        expect(within(v.ypRad, a.ypArcsec * RAD_PER_ARCSEC, b.ypArcsec * RAD_PER_ARCSEC)).toBe(
          true,
        );
        expect(within(v.dXRad, a.dXArcsec * RAD_PER_ARCSEC, b.dXArcsec * RAD_PER_ARCSEC)).toBe(
          true,
        );
      }),
      FC_PARAMS,
    );
  });
});

describe('EopTable extrapolation', () => {
  const last = linear.row(linear.length - 1);
  const first = linear.row(0);

  it("predicts UT1−TAI past the end with the mean rate of the last 30 days ('predict', the default)", () => {
    expect(linear.extrapolation).toBe('predict');
    const rate = (ut1MinusTaiOfRow(last) - ut1MinusTaiOfRow(rowAtMjd(linear, last.mjd - 30))) / 30;
    const t = last.mjd + 10.25;
    const v = linear.at(t);
    expect(v.status).toBe('predicted');
    expect(v.fromPredictedRows).toBe(true);
    expectCloseS(v.ut1MinusTaiS, ut1MinusTaiOfRow(last) + rate * 10.25, FLOAT_TOL_S, 'UT1−TAI');
    expectCloseS(v.ut1MinusUtcS, v.ut1MinusTaiS + 37, FLOAT_TOL_S, 'UT1−UTC');
    expect(v.xpRad).toBe(last.xpArcsec * RAD_PER_ARCSEC);
    expect(v.lodS).toBe(last.lodS);
    expect(v.dYRad).toBe(last.dYArcsec * RAD_PER_ARCSEC);
    expect(linear.ut1MinusTaiS(t)).toBe(v.ut1MinusTaiS);
  });

  it('refuses to predict before the first row, and past predictionDays after the last, with a DataRangeError', () => {
    expect(() => linear.at(first.mjd - 2)).toThrow(DataRangeError);
    expect(() => linear.ut1MinusTaiS(first.mjd - 2)).toThrow(DataRangeError);
    expect(linear.predictionDays).toBe(366);
    expect(linear.at(last.mjd + 366).status).toBe('predicted');
    expect(() => linear.at(last.mjd + 366.5)).toThrow(DataRangeError);
    expect(() => linear.ut1MinusTaiS(last.mjd + 366.5)).toThrow(/366 d past the last row/);
    const short = linear.withOptions({ predictionDays: 10 });
    expect(short.at(last.mjd + 10).status).toBe('predicted');
    expect(() => short.at(last.mjd + 11)).toThrow(DataRangeError);
    expect(() => linear.withOptions({ predictionDays: -1 })).toThrow(/predictionDays = -1 d/);
  });

  it("holds every value under 'hold'", () => {
    const held = linear.withOptions({ extrapolation: 'hold' });
    const v = held.at(last.mjd + 100);
    expect(v.status).toBe('held');
    expect(v.ut1MinusTaiS).toBe(ut1MinusTaiOfRow(last));
    expect(v.ypRad).toBe(last.ypArcsec * RAD_PER_ARCSEC);
    expect(held.ut1MinusTaiS(first.mjd - 100)).toBe(ut1MinusTaiOfRow(first));
    expect(held.at(first.mjd - 100).status).toBe('held');
  });

  it("throws DataRangeError naming the MJD under 'error', on both paths", () => {
    const strict = linear.withOptions({ extrapolation: 'error' });
    expect(() => strict.at(last.mjd + 0.5)).toThrow(DataRangeError);
    expect(() => strict.ut1MinusTaiS(first.mjd - 0.5)).toThrow(DataRangeError);
    try {
      strict.at(70000.5);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataRangeError);
      const err = e as DataRangeError;
      expect(err.value).toBe(70000.5);
      expect(err.first).toBe(41684);
      expect(err.last).toBe(61638);
      expect(err.message).toContain('70000.5 MJD');
    }
    // Inside the table, including its ends, nothing is thrown.
    expect(strict.at(last.mjd).status).toBe('interpolated');
    expect(strict.at(first.mjd).status).toBe('interpolated');
  });
});

describe('EopTable construction', () => {
  const good: EopRow = {
    mjd: 60000,
    xpArcsec: 0.1,
    ypArcsec: 0.3,
    ut1MinusUtcS: 0.01,
    lodS: 1e-3,
    dXArcsec: 0,
    dYArcsec: 0,
    predicted: false,
  };

  it('rejects fewer than 2 rows, values that are not finite, fractional or unordered MJDs', () => {
    const next = { ...good, mjd: 60001 };
    expect(() => EopTable.fromRows([good], DEFAULT_LEAP_SECONDS)).toThrow(InvalidArgumentError);
    expect(() =>
      EopTable.fromRows([good, { ...next, lodS: Number.NaN }], DEFAULT_LEAP_SECONDS),
    ).toThrow(/rows\[1\]\.lodS = NaN s/);
    expect(() =>
      EopTable.fromRows([good, { ...next, mjd: 60000.5 }], DEFAULT_LEAP_SECONDS),
    ).toThrow(/whole day/);
    expect(() => EopTable.fromRows([next, good], DEFAULT_LEAP_SECONDS)).toThrow(
      /after the previous row/,
    );
  });

  it('rejects unknown options and a Lagrange window wider than the table', () => {
    const rows = [good, { ...good, mjd: 60001 }, { ...good, mjd: 60002 }];
    const table = EopTable.fromRows(rows, DEFAULT_LEAP_SECONDS);
    expect(() => table.withOptions({ lagrangePoints: 4, interpolation: 'lagrange' })).toThrow(
      /number of rows/,
    );
    expect(() => table.withOptions({ lagrangePoints: 1 })).toThrow(InvalidArgumentError);
    // @ts-expect-error: not an interpolation
    expect(() => table.withOptions({ interpolation: 'spline' })).toThrow(InvalidArgumentError);
    // @ts-expect-error: not a policy
    expect(() => table.withOptions({ extrapolation: 'clamp' })).toThrow(InvalidArgumentError);
    expect(() => table.at(Number.NaN)).toThrow(InvalidArgumentError);
    expect(() => table.row(3)).toThrow(InvalidArgumentError);
  });

  it('withOptions keeps the rows and leaves the original table unchanged', () => {
    const strict = linear.withOptions({ extrapolation: 'error', source: 'strict copy' });
    expect(strict.length).toBe(linear.length);
    expect(strict.row(1234)).toEqual(linear.row(1234));
    expect(strict.source).toBe('strict copy');
    expect(strict.interpolation).toBe('linear');
    expect(linear.extrapolation).toBe('predict');
    expect(linear.source).toBe('finals2000A.all');
    expect(lagrange.interpolation).toBe('lagrange');
    expect(lagrange.lagrangePoints).toBe(4);
  });

  it('does not mutate the rows it is given', () => {
    const rows = [good, { ...good, mjd: 60001, ut1MinusUtcS: 0.0095 }];
    const copy = structuredClone(rows);
    EopTable.fromRows(rows, DEFAULT_LEAP_SECONDS).at(60000.5);
    expect(rows).toEqual(copy);
  });
});
