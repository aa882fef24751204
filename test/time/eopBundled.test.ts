import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_EOP } from '../../src/data/eop';
import { DataRangeError } from '../../src/errors';
import { DEFAULT_LEAP_SECONDS } from '../../src/time/defaultLeapSeconds';
import { DEFAULT_EOP, DEFAULT_TIME_DATA } from '../../src/time/defaultTimeData';
import { Epoch } from '../../src/time/epoch';
import { parseFinals2000ARows } from '../../src/time/parsers/finals2000A';
import { expectCloseS } from '../helpers/expect';

/**
 * Ceiling on the generated data file. The table is ~20 000 days × 6 columns; the
 * delta-encoded form measures 207 kB, against 3.7 MB for the text it comes from. The bound
 * catches an encoding that stops being compact (the same integers written as plain decimal
 * numbers would take ~1 MB).
 */
const BUNDLED_EOP_MAX_BYTES = 256 * 1024;
/**
 * UT1−UTC through Epoch: a two-part MJD keeps ~1e-16 day ≈ 1e-11 s; 1e-9 s leaves room for
 * the UTC → TAI → UT1 round of additions.
 */
const EPOCH_UT1_TOL_S = 1e-9;

const FINALS = readFileSync(
  new URL('../reference/iers-eop/finals2000A.all', import.meta.url),
  'utf8',
);
const DATA_FILE = new URL('../../src/data/eop.ts', import.meta.url);

describe('DEFAULT_EOP (bundled finals2000A)', () => {
  it('decodes to exactly the Bulletin A rows parsed from test/reference/iers-eop/finals2000A.all', () => {
    const rows = parseFinals2000ARows(FINALS).bulletinA;
    expect(DEFAULT_EOP.length).toBe(rows.length);
    const mismatches: string[] = [];
    rows.forEach((row, i) => {
      const decoded = DEFAULT_EOP.row(i);
      for (const key of Object.keys(row) as (keyof typeof row)[]) {
        if (!Object.is(decoded[key], row[key])) {
          mismatches.push(`row ${i} (MJD ${row.mjd}) ${key}: ${decoded[key]} ≠ ${row[key]}`);
        }
      }
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('spans 1973-01-02 … 2027-08-21, measured to 2026-08-13, with the predict policy', () => {
    expect(DEFAULT_EOP.firstMjd).toBe(41684);
    expect(DEFAULT_EOP.lastMjd).toBe(61638);
    expect(DEFAULT_EOP.firstPredictedMjd).toBe(61266);
    expect(DEFAULT_EOP.gaps).toEqual([]);
    expect(DEFAULT_EOP.interpolation).toBe('linear');
    expect(DEFAULT_EOP.extrapolation).toBe('predict');
    expect(DEFAULT_EOP.source).toBe(BUNDLED_EOP.source);
    expect(DEFAULT_EOP.source).toContain('2026-08-13');
    expect(DEFAULT_EOP.at(53101).ut1MinusUtcS).toBe(-0.4399498);
    expect(DEFAULT_EOP.at(61638 + 366).status).toBe('predicted');
    expect(() => DEFAULT_EOP.at(70000)).toThrow(DataRangeError);
  });

  it(`is stored in fewer than ${BUNDLED_EOP_MAX_BYTES / 1024} kB`, () => {
    const bytes = statSync(DATA_FILE).size;
    console.info(
      `src/data/eop.ts: ${(bytes / 1024).toFixed(1)} kB for ${BUNDLED_EOP.rowCount} rows`,
    );
    expect(bytes).toBeLessThan(BUNDLED_EOP_MAX_BYTES);
  });

  it('is the EOP of DEFAULT_TIME_DATA, with the bundled leap seconds', () => {
    expect(DEFAULT_TIME_DATA.eop).toBe(DEFAULT_EOP);
    expect(DEFAULT_TIME_DATA.leapSeconds).toBe(DEFAULT_LEAP_SECONDS);
  });

  it('gives Epoch its UT1: UT1−UTC = +0.5912821 s at 2017-01-01T00:00 UTC', () => {
    const epoch = Epoch.fromIso('2017-01-01T00:00:00', 'UTC');
    const [whole, fraction] = epoch.toMjdParts('UT1', { timeData: DEFAULT_TIME_DATA });
    expectCloseS((whole - 57754 + fraction) * 86400, 0.5912821, EPOCH_UT1_TOL_S, 'UT1−UTC');
  });
});
