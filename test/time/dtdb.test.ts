import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import { sumSineBlock, tdbMinusTtGeocentricS, tdbMinusTtS } from '../../src/time/internal/dtdb';
import {
  FB_BLOCKS,
  FB_T0,
  FB_T1,
  FB_T2,
  FB_T3,
  FB_T4,
  FB_TERM_COUNTS,
} from '../../src/time/internal/fairheadBretagnon';
import { FC_PARAMS } from '../arbitraries';
import { expectCloseS } from '../helpers/expect';

/**
 * Against ERFA: ~800 terms of at most 1.66e-3 s are summed in doubles, so each rounding is
 * ≤ 2e-19 s and the two libm sines differ by an ulp or so of each term; the total stays far
 * below 1e-14 s (about 5e-19 s is seen).
 */
const ERFA_TOL_S = 1e-14;
/**
 * The inlined sine kernel against Math.sin: its error is a few 1e-16 (absolute, on a sine
 * of magnitude ≤ 1), i.e. a couple of ulps of 1.
 */
const SINE_KERNEL_TOL = 1e-15;
/**
 * Series sums with the inlined kernel against Math.sin: kernel error ≤ 1e-15 times at most
 * 1.8e-3 s of summed amplitudes (× T^k ≤ 20^k, ≤ 1e-2 s in all), plus differing roundings of
 * the running sums; 1e-16 s bounds both with margin and is 10× below the 1e-15 s goal.
 */
const FAST_SUM_TOL_S = 1e-16;
/**
 * |TDB − TT| over 1900–2100 at the geocenter: the annual term is 1.657 ms and the largest
 * value found on a 6-hour grid is 1.697 ms.
 */
const MAX_GEOCENTRIC_S = 1.7e-3;
/**
 * Topocentric part for |u|, |v| ≤ 6400 km: the u coefficients add up to 3.374e-10 s/km and
 * the v ones to 1.340e-10 s/km, so at most 6400 × 4.714e-10 = 3.02e-6 s.
 */
const MAX_TOPOCENTRIC_S = 4e-6;
/**
 * Change over 1 s of date (and of UT1): the annual term changes at most 3.3e-10 s/s and the
 * diurnal topocentric term 2.3e-10 s/s, so < 1e-9 s.
 */
const ONE_SECOND_STEP_MAX_S = 1e-9;

const SECONDS_PER_DAY = 86400;
const JD_J2000 = 2451545.0;
const JD_1900 = 2415020.5;
const JD_2100 = 2488069.5;
const DAYS_PER_MILLENNIUM = 365250;

interface ErfaCase {
  group: 'geocentric' | 'topocentric' | 'far';
  jd1: number;
  jd2: number;
  ut1_fraction: number;
  elong_rad: number;
  u_km: number;
  v_km: number;
  tdb_minus_tt_s: number;
}
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const erfa: { cases: ErfaCase[] } = readJson('../reference/erfa-dtdb/dtdb_erfa.json');

interface SofaDtdbCase {
  function: string;
  inputs: {
    date_jd: [number, number];
    ut_fraction: number;
    elong_rad: number;
    u_km: number;
    v_km: number;
  };
  outputs: { tdb_minus_tt_s: { expected: number; tol: number } };
}
const sofa: { cases: SofaDtdbCase[] } = readJson(
  '../reference/sofa-erfa/sofa_erfa_test_vectors.json',
);

/** Days from J2000 between 1900-01-01 and 2100-01-01. */
const daysFromJ2000 = fc.double({
  min: JD_1900 - JD_J2000,
  max: JD_2100 - JD_J2000,
  noNaN: true,
});
/** A distance to the spin axis or the equatorial plane, |x| ≤ 6400 km. */
const earthDistanceKm = fc.double({ min: -6400, max: 6400, noNaN: true });
const longitudeRad = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
const ut1Fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Σ A sin(ω t + φ) with Math.sin, the plain form of the sum (same order as SOFA). */
function sumWithMathSin(block: Float64Array, t: number): number {
  let sum = 0;
  for (let i = block.length - 3; i >= 0; i -= 3) {
    sum += block[i]! * Math.sin(block[i + 1]! * t + block[i + 2]!);
  }
  return sum;
}

describe('Fairhead & Bretagnon coefficient table', () => {
  it('holds 474, 205, 85, 20 and 3 terms for T^0 … T^4, 787 in all, as ERFA dtdb.c', () => {
    expect(FB_TERM_COUNTS).toEqual([474, 205, 85, 20, 3]);
    expect(FB_BLOCKS.map((b) => b.length / 3)).toEqual([474, 205, 85, 20, 3]);
    expect(FB_BLOCKS.reduce((n, b) => n + b.length / 3, 0)).toBe(787);
  });

  it('starts each block with the annual term of dtdb.c (terms 1, 475, 680, 765, 785)', () => {
    // Amplitude (s), frequency (rad/millennium), phase (rad), as printed in ERFA src/dtdb.c.
    expect(Array.from(FB_T0.subarray(0, 3))).toEqual([1656.674564e-6, 6283.075849991, 6.240054195]);
    expect(Array.from(FB_T1.subarray(0, 3))).toEqual([102.156724e-6, 6283.075849991, 4.249032005]);
    expect(Array.from(FB_T2.subarray(0, 3))).toEqual([4.32299e-6, 6283.075849991, 2.642893748]);
    expect(Array.from(FB_T3.subarray(0, 3))).toEqual([0.143388e-6, 6283.075849991, 1.131453581]);
    expect(Array.from(FB_T4.subarray(0, 3))).toEqual([0.003826e-6, 6283.075849991, 5.705257275]);
  });

  it('ends each block with its last term in dtdb.c (terms 474, 679, 764, 784, 787)', () => {
    const last = (b: Float64Array) => Array.from(b.subarray(b.length - 3));
    expect(last(FB_T0)).toEqual([0.000101e-6, 1790.642637886, 1.965746028]);
    expect(last(FB_T1)).toEqual([0.0001e-6, 11933.36796067, 4.05608416]);
    expect(last(FB_T2)).toEqual([0.000108e-6, -6256.777530192, 0.883445696]);
    expect(last(FB_T3)).toEqual([0.000104e-6, 5856.477659115, 4.239842759]);
    expect(last(FB_T4)).toEqual([0.000209e-6, 155.420399434, 1.989815753]);
  });
});

describe('tdbMinusTtS', () => {
  it('matches the SOFA/ERFA test vector (t_erfa_c.c dtdb) within its 1e-15 s', () => {
    const c = sofa.cases.find((x) => x.function === 'dtdb');
    if (!c) throw new Error('no dtdb case in sofa_erfa_test_vectors.json');
    const { date_jd: jd, ut_fraction, elong_rad, u_km, v_km } = c.inputs;
    const { expected, tol } = c.outputs.tdb_minus_tt_s;
    // SOFA's own tolerance for this test (t_sofa_c.c): 1e-15 s.
    expect(tol).toBe(1e-15);
    expect(jd).toEqual([2448939.5, 0.123]);
    const value = tdbMinusTtS(jd[0], jd[1], ut_fraction, elong_rad, u_km, v_km);
    expectCloseS(value, expected, tol, 'SOFA dtdb vector');
    expect(expected).toBe(-0.001280368005936999);
  });

  for (const group of ['geocentric', 'topocentric', 'far'] as const) {
    const cases = erfa.cases.filter((c) => c.group === group);
    it(`matches ERFA eraDtdb on its ${cases.length} ${group} cases within 1e-14 s`, () => {
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const value = tdbMinusTtS(c.jd1, c.jd2, c.ut1_fraction, c.elong_rad, c.u_km, c.v_km);
        expectCloseS(value, c.tdb_minus_tt_s, ERFA_TOL_S, `${group} [${c.jd1}, ${c.jd2}]`);
      }
    });
  }

  it('gives the same result for the same date split in different ways, within 1e-15 s', () => {
    fc.assert(
      fc.property(daysFromJ2000, (d) => {
        const j2000Split = tdbMinusTtGeocentricS(JD_J2000, d);
        const jdSplit = tdbMinusTtGeocentricS(JD_J2000 + d, 0);
        // The single JD rounds the date by up to 2.3e-10 d (2e-5 s); at the rate of TDB − TT
        // (< 3.5e-10 s/s) that moves the result by < 7e-15 s.
        expectCloseS(jdSplit, j2000Split, 2e-14, 'JD vs J2000 split');
      }),
      FC_PARAMS,
    );
  });

  it('reduces to the geocentric value when both distances are 0', () => {
    fc.assert(
      fc.property(daysFromJ2000, ut1Fraction, longitudeRad, (d, ut, lon) => {
        expect(tdbMinusTtS(JD_J2000, d, ut, lon, 0, 0)).toBe(tdbMinusTtGeocentricS(JD_J2000, d));
      }),
      FC_PARAMS,
    );
  });

  it('stays below 1.7 ms in magnitude at the geocenter over 1900–2100', () => {
    fc.assert(
      fc.property(daysFromJ2000, (d) => {
        expect(Math.abs(tdbMinusTtGeocentricS(JD_J2000, d))).toBeLessThan(MAX_GEOCENTRIC_S);
      }),
      FC_PARAMS,
    );
  });

  it('has a topocentric part below 4 µs for |u|, |v| ≤ 6400 km', () => {
    fc.assert(
      fc.property(
        daysFromJ2000,
        ut1Fraction,
        longitudeRad,
        earthDistanceKm,
        earthDistanceKm,
        (d, ut, lon, u, v) => {
          const topocentricS =
            tdbMinusTtS(JD_J2000, d, ut, lon, u, v) - tdbMinusTtGeocentricS(JD_J2000, d);
          expect(Math.abs(topocentricS)).toBeLessThan(MAX_TOPOCENTRIC_S);
        },
      ),
      FC_PARAMS,
    );
  });

  it('reaches about 2 µs of topocentric part for an equatorial observer', () => {
    // The diurnal term 3.17679e-10 s/km × u dominates: ~2.03 µs at u = 6378 km, so some local
    // solar time over a day must give more than 1.9 µs (guards against a dropped term).
    let maxS = 0;
    for (let k = 0; k < 96; k++) {
      const ut = k / 96;
      const topocentricS =
        tdbMinusTtS(JD_J2000, 1000 + ut, ut, 0, 6378, 0) -
        tdbMinusTtGeocentricS(JD_J2000, 1000 + ut);
      maxS = Math.max(maxS, Math.abs(topocentricS));
    }
    expect(maxS).toBeGreaterThan(1.9e-6);
    expect(maxS).toBeLessThan(MAX_TOPOCENTRIC_S);
  });

  it('changes by less than 1 ns when the date and UT1 move by 1 s', () => {
    fc.assert(
      fc.property(
        daysFromJ2000,
        ut1Fraction,
        longitudeRad,
        earthDistanceKm,
        earthDistanceKm,
        (d, ut, lon, u, v) => {
          const stepD = 1 / SECONDS_PER_DAY;
          const before = tdbMinusTtS(JD_J2000, d, ut, lon, u, v);
          const after = tdbMinusTtS(JD_J2000, d + stepD, ut + stepD, lon, u, v);
          expect(Math.abs(after - before)).toBeLessThan(ONE_SECOND_STEP_MAX_S);
        },
      ),
      FC_PARAMS,
    );
  });

  it('uses only the fractional part of the UT1 argument', () => {
    fc.assert(
      fc.property(daysFromJ2000, ut1Fraction, longitudeRad, (d, ut, lon) => {
        const a = tdbMinusTtS(JD_J2000, d, ut, lon, 5000, 3000);
        const b = tdbMinusTtS(JD_J2000, d, ut + 3, lon, 5000, 3000);
        // ut + 3 loses ~2 bits of ut: 1e-15 d of local time moves a 3 µs daily term by 2e-20 s.
        expectCloseS(b, a, 1e-18, 'ut vs ut + 3');
      }),
      FC_PARAMS,
    );
  });

  it('throws InvalidArgumentError naming the argument when an input is not finite', () => {
    expect(() => tdbMinusTtS(Number.NaN, 0, 0, 0, 0, 0)).toThrow(InvalidArgumentError);
    expect(() => tdbMinusTtS(JD_J2000, 0, 0, 0, Number.POSITIVE_INFINITY, 0)).toThrow(
      /spinAxisDistanceKm = Infinity km/,
    );
    expect(() => tdbMinusTtGeocentricS(JD_J2000, Number.NaN)).toThrow(/jd2 = NaN d/);
  });
});

describe('the inlined sine kernel (sumSineBlock)', () => {
  it('agrees with Math.sin within 1e-15 over ±3.3e6 rad', () => {
    const unitTerm = new Float64Array([1, 1, 0]);
    fc.assert(
      fc.property(fc.double({ min: -3.3e6, max: 3.3e6, noNaN: true }), (x) => {
        expect(Math.abs(sumSineBlock(unitTerm, x) - Math.sin(x))).toBeLessThanOrEqual(
          SINE_KERNEL_TOL,
        );
      }),
      FC_PARAMS,
    );
  });

  it('agrees with Math.sin near multiples of π/2, where the reduction switches', () => {
    const unitTerm = new Float64Array([1, 1, 0]);
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000, max: 2_000_000 }),
        fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
        (k, eps) => {
          const x = (k * Math.PI) / 2 + eps;
          expect(Math.abs(sumSineBlock(unitTerm, x) - Math.sin(x))).toBeLessThanOrEqual(
            SINE_KERNEL_TOL,
          );
        },
      ),
      FC_PARAMS,
    );
  });

  it('sums every series block like Math.sin within 1e-16 s for |T| ≤ 20 millennia', () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (t) => {
        for (const block of FB_BLOCKS) {
          expectCloseS(sumSineBlock(block, t), sumWithMathSin(block, t), FAST_SUM_TOL_S, `T=${t}`);
        }
      }),
      FC_PARAMS,
    );
  });
});

describe('the two-term approximation', () => {
  it('departs from the full series by tens of µs over 2000–2030, hence the full series', () => {
    // TDB − TT ≈ 0.001657 sin g + 0.000014 sin 2g, g = 357.53° + 0.9856003° (JD − 2451545)
    // (Explanatory Supplement to the Astronomical Almanac 1992, §2.222; USNO Circular 179).
    let maxDiffS = 0;
    for (let d = 0; d <= 11000; d += 0.5) {
      const gRad = ((357.53 + 0.9856003 * d) * Math.PI) / 180;
      const approxS = 0.001657 * Math.sin(gRad) + 0.000014 * Math.sin(2 * gRad);
      maxDiffS = Math.max(maxDiffS, Math.abs(approxS - tdbMinusTtGeocentricS(JD_J2000, d)));
    }
    expect(maxDiffS).toBeGreaterThan(2e-5);
    expect(maxDiffS).toBeLessThan(1e-4);
  });
});

it('covers 1900–2100 in the ERFA geocentric and topocentric cases', () => {
  const ts = erfa.cases
    .filter((c) => c.group !== 'far')
    .map((c) => (c.jd1 - JD_J2000 + c.jd2) / DAYS_PER_MILLENNIUM);
  expect(Math.min(...ts)).toBeLessThan(-0.09);
  expect(Math.max(...ts)).toBeGreaterThan(0.09);
});
