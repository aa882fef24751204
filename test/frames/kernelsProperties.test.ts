import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import { equationOfEquinoxes1994Rad } from '../../src/frames/iau1980/equationOfEquinoxes1994';
import { meanObliquity1980Rad } from '../../src/frames/iau1980/meanObliquity1980';
import { nutation1980Rad } from '../../src/frames/iau1980/nutation1980';
import { precessionMatrix1976 } from '../../src/frames/iau1980/precession1976';
import { celestialToIntermediateMatrix } from '../../src/frames/iau2006/celestialToIntermediate';
import {
  celestialToTerrestrialMatrix2006A,
  celestialToTerrestrialMatrixCipSeries2006A,
} from '../../src/frames/iau2006/celestialToTerrestrial2006A';
import { cioLocatorRad, cipXYRad, cipXYsRad } from '../../src/frames/iau2006/cipXys';
import { earthRotationAngleRad } from '../../src/frames/iau2006/earthRotationAngle';
import { equationOfEquinoxes2006ARad, gast2006ARad } from '../../src/frames/iau2006/gast2006A';
import { gmst2006Rad } from '../../src/frames/iau2006/gmst2006';
import { nutation2000ARad } from '../../src/frames/iau2006/nutation2000A';
import { polarMotionMatrix } from '../../src/frames/iau2006/polarMotion';
import {
  biasPrecessionMatrix2006,
  frameBiasMatrix2006,
} from '../../src/frames/iau2006/precession2006';
import { precessionNutationMatrix2006A } from '../../src/frames/iau2006/precessionNutation2006A';
import {
  type FusedSeries,
  listContributions,
  sumFusedSeriesInto,
} from '../../src/frames/internal/seriesKernel';
import { cipSeries, nutation2000ASeries } from '../../src/frames/internal/seriesTables';
import { mat3 } from '../../src/math';
import { FC_PARAMS } from '../arbitraries';

/** The acceptance criterion of issue 4: rotation matrices orthonormal to 1e-15. */
const ORTHONORMAL_TOL = 1e-15;
/**
 * Largest change of Δψ or Δε over one second. The fastest sizeable terms (13.66 d, 0.227″;
 * 182.6 d, 1.317″; 27.55 d, 0.071″; 18.6 yr, 17.2″) move the sum by at most ≈0.2″ per day,
 * 1.1e-11 rad/s; 2e-11 rad leaves room.
 */
const NUTATION_STEP_1S_MAX_RAD = 2e-11;
/** X and Y add the precession, 2004″ per century (3e-15 rad/s), to the nutation's rate. */
const CIP_STEP_1S_MAX_RAD = 2e-11;
/** Earth rotation angle rate, rad per UT1 second: 2π · 1.00273781191135448 / 86400. */
const ERA_RAD_PER_S = (2 * Math.PI * 1.0027378119113546) / 86400;
/**
 * ERA over one second: Tu (days since J2000, up to 1.8e4) is rounded to 3.6e-12 d, which the
 * 0.00273781… turn/day term turns into 6e-14 rad per value (SOFA rounds the same way);
 * the reduction to [0, 2π) adds an ulp of 2π. 2e-13 rad bounds two such values.
 */
const ERA_STEP_TOL_RAD = 2e-13;
/**
 * Same date split two ways, (J2000, days since J2000) against (JD, 0): the second keeps the
 * date to ~4e-11 d (3.5 µs); at ≤ 1.1e-11 rad/s the series move by < 1e-16 rad, and the two
 * sums round differently by a few 1e-17 rad more (2.007e-16 seen in 3000 runs).
 */
const SPLIT_TOL_RAD = 3e-16;
/** The inlined sine/cosine kernel: a few 1e-16 per value, against Math.sin and Math.cos. */
const SINCOS_KERNEL_TOL = 1e-15;
/** Ulps of |ARG| by which two evaluations of the argument polynomial may differ. */
const ARGUMENT_ULPS = 4;
/**
 * Frame bias of the IERS Conventions (2010) eq. 5.21: ξ₀ = −16.6170 mas, η₀ = −6.8192 mas,
 * dα₀ = −14.6 mas, printed to 0.1 µas (4.8e-13 rad) and to 0.1 mas for dα₀ (4.8e-10 rad).
 */
const FRAME_BIAS_TOL_RAD = 1e-12;
const FRAME_BIAS_DALPHA_TOL_RAD = 5e-10;
const RAD_PER_MAS = Math.PI / 648000 / 1000;

const JD_1972 = 2441317.5;
const JD_2050 = 2469807.5;
const SECONDS_PER_DAY = 86400;

/** A TT date 1972–2050 as (date at 0h, fraction of day). */
const ttDate = fc
  .tuple(
    fc.integer({ min: 0, max: JD_2050 - JD_1972 - 1 }),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  )
  .map(([day, fraction]): [number, number] => [JD_1972 + day, fraction]);
/** A pole coordinate within ±1″, rad. */
const poleRad = fc.double({ min: -4.85e-6, max: 4.85e-6, noNaN: true });
/** TT − UT1, s, over 1972–2050 and beyond. */
const ttMinusUt1S = fc.double({ min: 40, max: 80, noNaN: true });

describe('rotation matrices of the kernels', () => {
  it('are proper rotations orthonormal to 1e-15 at any date of 1972–2050', () => {
    fc.assert(
      fc.property(ttDate, poleRad, poleRad, ttMinusUt1S, (tt, xp, yp, dtS) => {
        const ut1: [number, number] = [tt[0], tt[1] - dtS / SECONDS_PER_DAY];
        const xys = cipXYsRad(...tt);
        const matrices = [
          celestialToTerrestrialMatrix2006A(...tt, ...ut1, xp, yp),
          celestialToTerrestrialMatrixCipSeries2006A(...tt, ...ut1, xp, yp),
          precessionNutationMatrix2006A(...tt),
          biasPrecessionMatrix2006(...tt),
          precessionMatrix1976(...tt),
          celestialToIntermediateMatrix(xys.xRad, xys.yRad, xys.sRad),
          polarMotionMatrix(xp, yp, 0),
        ];
        for (const m of matrices) {
          expect(mat3.orthonormalityError(m)).toBeLessThanOrEqual(ORTHONORMAL_TOL);
          expect(mat3.determinant(m)).toBeGreaterThan(0);
        }
      }),
      FC_PARAMS,
    );
  });

  it('frameBiasMatrix2006 holds the IERS frame bias ξ₀, η₀, dα₀', () => {
    const b = frameBiasMatrix2006();
    // B ≈ I + [[0, dα₀, −ξ₀], [−dα₀, 0, −η₀], [ξ₀, η₀, 0]] to first order.
    expect(Math.abs(b[2] - 16.617 * RAD_PER_MAS)).toBeLessThanOrEqual(FRAME_BIAS_TOL_RAD);
    expect(Math.abs(b[5] - 6.8192 * RAD_PER_MAS)).toBeLessThanOrEqual(FRAME_BIAS_TOL_RAD);
    expect(Math.abs(b[6] + 16.617 * RAD_PER_MAS)).toBeLessThanOrEqual(FRAME_BIAS_TOL_RAD);
    expect(Math.abs(b[1] + 14.6 * RAD_PER_MAS)).toBeLessThanOrEqual(FRAME_BIAS_DALPHA_TOL_RAD);
    expect(b).toEqual(biasPrecessionMatrix2006(2451545.0, 0));
  });
});

describe('continuity and consistency of the kernels', () => {
  it('the IAU 2000A and 1980 nutations change by less than 2e-11 rad over one second', () => {
    fc.assert(
      fc.property(ttDate, ([d, f]) => {
        const step = 1 / SECONDS_PER_DAY;
        const a = nutation2000ARad(d, f);
        const b = nutation2000ARad(d, f + step);
        expect(Math.abs(b.dPsiRad - a.dPsiRad)).toBeLessThanOrEqual(NUTATION_STEP_1S_MAX_RAD);
        expect(Math.abs(b.dEpsRad - a.dEpsRad)).toBeLessThanOrEqual(NUTATION_STEP_1S_MAX_RAD);
        const c = nutation1980Rad(d, f);
        const e = nutation1980Rad(d, f + step);
        expect(Math.abs(e.dPsiRad - c.dPsiRad)).toBeLessThanOrEqual(NUTATION_STEP_1S_MAX_RAD);
        expect(Math.abs(e.dEpsRad - c.dEpsRad)).toBeLessThanOrEqual(NUTATION_STEP_1S_MAX_RAD);
      }),
      FC_PARAMS,
    );
  });

  it('X and Y of the CIP change by less than 2e-11 rad over one second', () => {
    fc.assert(
      fc.property(ttDate, ([d, f]) => {
        const a = cipXYRad(d, f);
        const b = cipXYRad(d, f + 1 / SECONDS_PER_DAY);
        expect(Math.abs(b.xRad - a.xRad)).toBeLessThanOrEqual(CIP_STEP_1S_MAX_RAD);
        expect(Math.abs(b.yRad - a.yRad)).toBeLessThanOrEqual(CIP_STEP_1S_MAX_RAD);
      }),
      FC_PARAMS,
    );
  });

  it('the Earth rotation angle advances by 7.2921158553e-5 rad per UT1 second', () => {
    fc.assert(
      fc.property(ttDate, ([d, f]) => {
        const f1 = Math.min(f, 1 - 2 / SECONDS_PER_DAY);
        const a = earthRotationAngleRad(d, f1);
        const b = earthRotationAngleRad(d, f1 + 1 / SECONDS_PER_DAY);
        const step = (((b - a) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
        expect(Math.abs(step - ERA_RAD_PER_S)).toBeLessThanOrEqual(ERA_STEP_TOL_RAD);
      }),
      FC_PARAMS,
    );
  });

  it('gives the same series values however the Julian date is split', () => {
    fc.assert(
      fc.property(ttDate, ([d, f]) => {
        const jd = d + f;
        const a = nutation2000ARad(2451545.0, d - 2451545.0 + f);
        const b = nutation2000ARad(jd, 0);
        expect(Math.abs(a.dPsiRad - b.dPsiRad)).toBeLessThanOrEqual(SPLIT_TOL_RAD);
        expect(Math.abs(a.dEpsRad - b.dEpsRad)).toBeLessThanOrEqual(SPLIT_TOL_RAD);
        const x = cipXYRad(2451545.0, d - 2451545.0 + f);
        const y = cipXYRad(0, jd);
        expect(Math.abs(x.xRad - y.xRad)).toBeLessThanOrEqual(SPLIT_TOL_RAD);
        expect(Math.abs(x.yRad - y.yRad)).toBeLessThanOrEqual(SPLIT_TOL_RAD);
      }),
      FC_PARAMS,
    );
  });

  it('cipXYsRad equals cipXYRad followed by cioLocatorRad', () => {
    fc.assert(
      fc.property(ttDate, (tt) => {
        const xys = cipXYsRad(...tt);
        const xy = cipXYRad(...tt);
        expect(xys.xRad).toBe(xy.xRad);
        expect(xys.yRad).toBe(xy.yRad);
        // s from its own 45-argument series: the same terms, summed in another grouping.
        expect(Math.abs(xys.sRad - cioLocatorRad(...tt, xy.xRad, xy.yRad))).toBeLessThanOrEqual(
          1e-22,
        );
      }),
      FC_PARAMS,
    );
  });

  it('GAST − GMST (IAU 2006) equals the equation of the equinoxes within 2e-15 rad', () => {
    fc.assert(
      fc.property(ttDate, ttMinusUt1S, (tt, dtS) => {
        const ut1: [number, number] = [tt[0], tt[1] - dtS / SECONDS_PER_DAY];
        let d = gast2006ARad(...ut1, ...tt) - gmst2006Rad(...ut1, ...tt);
        if (d > Math.PI) d -= 2 * Math.PI;
        if (d < -Math.PI) d += 2 * Math.PI;
        expect(Math.abs(d - equationOfEquinoxes2006ARad(...tt))).toBeLessThanOrEqual(2e-15);
      }),
      FC_PARAMS,
    );
  });

  it('the 1994 equation of the equinoxes differs from Δψ cos ε₀ by the kinematic terms only (≤ 2.7 mas)', () => {
    fc.assert(
      fc.property(ttDate, (tt) => {
        const n = nutation1980Rad(...tt);
        const kinematic =
          equationOfEquinoxes1994Rad(...tt) - n.dPsiRad * Math.cos(meanObliquity1980Rad(...tt));
        // 0.00264″ sin Ω + 0.000063″ sin 2Ω.
        expect(Math.abs(kinematic)).toBeLessThanOrEqual((0.00264 + 0.000063) * 1000 * RAD_PER_MAS);
      }),
      FC_PARAMS,
    );
  });
});

/**
 * The same sums as sumFusedSeriesInto, with Math.sin and Math.cos and the argument polynomial
 * written out term by term, plus a bound of their expected difference: per term,
 * (|S| + |C|) · (kernel error + argument rounding), the argument being rounded differently by
 * up to a few ulps of |ARG| (ARG reaches 1e6 rad for the planetary terms at 20 centuries).
 */
function referenceSum(series: FusedSeries, t: number): { sum: Float64Array; bound: Float64Array } {
  const sum = new Float64Array(series.slotCount);
  const bound = new Float64Array(series.slotCount);
  const count = new Float64Array(series.slotCount);
  const absSum = new Float64Array(series.slotCount);
  for (const c of listContributions(series)) {
    const p = series.argumentPolynomials.subarray(5 * c.argument, 5 * c.argument + 5);
    const x = p[0]! + p[1]! * t + p[2]! * t * t + p[3]! * t ** 3 + p[4]! * t ** 4;
    const argumentRounding = ARGUMENT_ULPS * Number.EPSILON * Math.abs(x);
    sum[c.slot]! += c.sin * Math.sin(x) + c.cos * Math.cos(x);
    bound[c.slot]! += (Math.abs(c.sin) + Math.abs(c.cos)) * (SINCOS_KERNEL_TOL + argumentRounding);
    count[c.slot]! += 1;
    absSum[c.slot]! += Math.abs(c.sin) + Math.abs(c.cos);
  }
  // Both sums round as they accumulate, in different orders: each within (n − 1)·u·Σ|terms|
  // (Higham, Accuracy and Stability, §4.2), so twice that between them.
  for (let s = 0; s < series.slotCount; s++) {
    bound[s]! += 2 * count[s]! * (Number.EPSILON / 2) * absSum[s]!;
  }
  return { sum, bound };
}

describe('the fused series evaluator', () => {
  const all = [
    ['CIP X, Y, s + XY/2', cipSeries().fused],
    ['IAU 2000A luni-solar', nutation2000ASeries().lunisolar],
    ['IAU 2000A planetary', nutation2000ASeries().planetary],
  ] as const;

  for (const [name, series] of all) {
    it(`sums the ${name} series as Math.sin and Math.cos do, for |t| ≤ 20 centuries`, () => {
      expect(series.maxAbsTFast).toBeGreaterThan(20);
      fc.assert(
        fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (t) => {
          const fast = new Float64Array(series.slotCount);
          sumFusedSeriesInto(fast, series, t);
          const { sum, bound } = referenceSum(series, t);
          for (let s = 0; s < series.slotCount; s++) {
            expect(Math.abs(fast[s]! - sum[s]!)).toBeLessThanOrEqual(bound[s]!);
          }
        }),
        FC_PARAMS,
      );
    });
  }

  it('switches to Math.sin and Math.cos beyond its range with no jump', () => {
    const series = cipSeries().fused;
    const edge = series.maxAbsTFast;
    const dt = 1e-12;
    const inside = new Float64Array(series.slotCount);
    const outside = new Float64Array(series.slotCount);
    sumFusedSeriesInto(inside, series, edge);
    sumFusedSeriesInto(outside, series, edge + dt);
    const { bound } = referenceSum(series, edge);
    // How far the sums can move in dt: Σ (|S| + |C|) · |dARG/dt| · dt.
    const drift = new Float64Array(series.slotCount);
    for (const c of listContributions(series)) {
      const p = series.argumentPolynomials.subarray(5 * c.argument, 5 * c.argument + 5);
      const rate = Math.abs(
        p[1]! + 2 * p[2]! * edge + 3 * p[3]! * edge ** 2 + 4 * p[4]! * edge ** 3,
      );
      drift[c.slot]! += (Math.abs(c.sin) + Math.abs(c.cos)) * rate * dt;
    }
    expect(edge + dt).toBeGreaterThan(series.maxAbsTFast);
    for (let s = 0; s < series.slotCount; s++) {
      expect(Math.abs(inside[s]! - outside[s]!)).toBeLessThanOrEqual(bound[s]! + drift[s]!);
    }
  });
});

describe('argument checks', () => {
  it('throws InvalidArgumentError naming a date part that is not finite', () => {
    expect(() => nutation2000ARad(Number.NaN, 0)).toThrow(InvalidArgumentError);
    expect(() => nutation2000ARad(2451545, Number.POSITIVE_INFINITY)).toThrow(
      'ttJd2 = Infinity d: must be a finite number',
    );
    expect(() => earthRotationAngleRad(2451545, Number.NaN)).toThrow(/ut1Jd2 = NaN d/);
    expect(() => celestialToTerrestrialMatrix2006A(2451545, 0, 2451545, 0, Number.NaN, 0)).toThrow(
      /xpRad = NaN rad/,
    );
    expect(() => polarMotionMatrix(0, 0, Number.NaN)).toThrow(/spRad = NaN rad/);
  });
});
