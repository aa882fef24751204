/**
 * OMM input: CelesTrak's CSV and JSON against the TLE they encode, and the MEAN_MOTION_DOT
 * convention on both kinds of source (test/reference/celestrak-omm/README.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../../src/errors';
import {
  formatTle,
  parseOmmCsv,
  parseOmmJson,
  parseTle,
  propagateSgp4,
  Sgp4Satellite,
  tleElementsFromOmm,
} from '../../../src/propagation/sgp4';

const DIR = new URL('../../reference/celestrak-omm/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');

/** The TLE's epoch has 8 decimals of a day: half a unit of the last one. */
const EPOCH_TOL_DAYS = 5e-9;
/** SGP4 from the OMM vs from the TLE: the epochs differ by < 1 µs (< 1e-5 km at 7.5 km/s). */
const OMM_VS_TLE_KM = 1e-5;
/**
 * The day of year of an ISO epoch against 45 + 52608.662784 / 86400: a few roundings of
 * 1.1e-16 × 46 days, 2e-14 days (measured 0); 1e-13 days is 9 ns.
 */
const DAY_OF_YEAR_ROUNDING_DAYS = 1e-13;

/** The values of OMMExample1.txt (GOES 9), as the CCSDS module would hand them over. */
function goes9Record(): Record<string, string> {
  const rec: Record<string, string> = {};
  for (const line of read('OMMExample1.txt').split(/\r?\n/)) {
    const m = /^\s*([A-Z_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1] && m[2] !== undefined) rec[m[1]] = m[2];
  }
  return rec;
}

describe('CelesTrak OMM CSV', () => {
  const tleLines = read('vanguard1_2020-10-13.tle')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const fromTle = parseTle(tleLines);
  const [fromCsv] = parseOmmCsv(read('vanguard1_2020-10-13.omm.csv'));

  it('gives the element set of the TLE it encodes, and the same two TLE lines', () => {
    expect(fromCsv).toBeDefined();
    expect(Math.abs(fromCsv!.epochDayOfYear - fromTle.epochDayOfYear)).toBeLessThanOrEqual(
      EPOCH_TOL_DAYS,
    );
    expect({ ...fromCsv!, epochDayOfYear: 0 }).toEqual({ ...fromTle, epochDayOfYear: 0 });
    expect(formatTle(fromCsv!)).toEqual(tleLines.map((l) => l.trimEnd()));
  });

  it('reads MEAN_MOTION_DOT as the TLE field (-1.6E-7 ↔ -.00000016) by default', () => {
    expect(fromCsv!.meanMotionDotOver2RevPerDay2).toBe(-1.6e-7);
    expect(fromTle.meanMotionDotOver2RevPerDay2).toBe(-1.6e-7);
  });

  it('propagates to the same states as the TLE', () => {
    const a = Sgp4Satellite.fromTle(fromCsv!);
    const b = Sgp4Satellite.fromTle(fromTle);
    for (const t of [0, 720, 1440]) {
      const ra = propagateSgp4(a, t).positionKm;
      const rb = propagateSgp4(b, t).positionKm;
      for (let k = 0; k < 3; k++)
        expect(Math.abs(ra[k]! - rb[k]!)).toBeLessThanOrEqual(OMM_VS_TLE_KM);
    }
  });

  it('names the line and keyword of a bad value', () => {
    const csv = read('vanguard1_2020-10-13.omm.csv').replace('34.2443', '34.2x43');
    try {
      parseOmmCsv(csv);
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(DataFormatError);
      expect([(e as DataFormatError).line, (e as DataFormatError).keyword]).toEqual([
        2,
        'INCLINATION',
      ]);
    }
  });
});

describe('CelesTrak OMM JSON', () => {
  it('reads every keyword of VANGUARD 1 (2025-02-14)', () => {
    const [t] = parseOmmJson(read('vanguard1_2025-02-14.omm.json'));
    expect(t).toMatchObject({
      name: 'VANGUARD 1',
      internationalDesignator: '58002B',
      satelliteNumber: 5,
      classification: 'U',
      epochYear: 2025,
      meanMotionRevPerDay: 10.85873516,
      eccentricity: 0.1841322,
      inclinationDeg: 34.2493,
      raanDeg: 19.2327,
      argOfPerigeeDeg: 100.1057,
      meanAnomalyDeg: 281.1229,
      ephemerisType: 0,
      elementSetNumber: 999,
      revolutionNumber: 39027,
      bstarPerEarthRadius: 0.00035436,
      meanMotionDotOver2RevPerDay2: 2.64e-6,
      meanMotionDdotOver6RevPerDay3: 0,
    });
    // 14 February is day 45; 14:36:48.662784 is 52608.662784 s into it.
    expect(Math.abs(t!.epochDayOfYear - (45 + 52608.662784 / 86400))).toBeLessThanOrEqual(
      DAY_OF_YEAR_ROUNDING_DAYS,
    );
    expect(formatTle(t!, { title: false })[0]).toContain(' .00000264 ');
  });

  it('halves MEAN_MOTION_DOT in the derivative convention', () => {
    const [t] = parseOmmJson(read('vanguard1_2025-02-14.omm.json'), {
      meanMotionDot: 'derivative',
    });
    expect(t!.meanMotionDotOver2RevPerDay2).toBe(1.32e-6);
  });
});

describe('a CCSDS OMM record (OMMExample1.txt, GOES 9), values as text', () => {
  it('reads the ordinal EPOCH and the derivative convention gives Orekit’s TLE field', () => {
    const rec = goes9Record();
    const derivative = tleElementsFromOmm(rec, { meanMotionDot: 'derivative' });
    // 2007-064T10:34:41.4264 = 5 March 2007.
    expect(derivative.epochYear).toBe(2007);
    expect(Math.abs(derivative.epochDayOfYear - (64 + 38081.4264 / 86400))).toBeLessThanOrEqual(
      1e-12,
    );
    expect(derivative.internationalDesignator).toBe('95025A');
    // Orekit writes -.00000056 in the TLE it generates from this OMM (fixture README).
    expect(formatTle(derivative)[1]).toContain('-.00000056');
    const tleField = tleElementsFromOmm(rec);
    expect(formatTle(tleField)[1]).toContain('-.00000113');
    expect(Sgp4Satellite.fromTle(tleField).isDeepSpace).toBe(true);
  });

  it('names a missing keyword', () => {
    const { MEAN_MOTION: _, ...rec } = goes9Record();
    expect(() => tleElementsFromOmm(rec)).toThrow(/MEAN_MOTION is missing/);
  });
});
