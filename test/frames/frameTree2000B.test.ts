import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import { createInterpolatedTransform } from '../../src/frames/batch/interpolatedTransform';
import { type FrameTransformOptions, frameTransform } from '../../src/frames/frameTransform';
import { Epoch } from '../../src/time';

/**
 * The `nutation: 'IAU2000B'` option of the frame tree against the same chain assembled from
 * ERFA routines (scripts/reference/frames-2000b/generate_chain.py): pfw06 + nut00b → fw2m →
 * bpn2xy, s06, c2ixys for CIRS; numat(obl06, nut00b) · bp06 for TOD_IAU2006.
 */
const reference = JSON.parse(
  readFileSync(new URL('../reference/erfa-nut00b/erfa_chain2000b.json', import.meta.url), 'utf8'),
) as {
  cases: {
    tt_jd1: number;
    tt_jd2: number;
    gcrs_to_cirs: number[];
    gcrs_to_tod_iau2006: number[];
  }[];
};

/**
 * Matrix elements against ERFA: the same formulas in double precision; osmose's 2000B series
 * is within 1e-17 rad of ERFA's (nutation2000B.test.ts), its Fukushima-Williams angles and
 * s06 within 1e-16 rad (kernelsErfa.test.ts), and the matrix products add a few ulp of 1.
 * 1e-15 covers them (4e-8 mm… i.e. 4e-11 km at GEO radius).
 */
const ERFA_ELEMENT_TOL = 1e-15;
/**
 * How far IAU 2000B moves a GEO position from IAU 2000A: the pole offset of 2000B is within
 * 1.004 mas of 2000A over 1995–2050 (ERFA on a 0.25 d grid; nutation2000B.test.ts), 0.205 m at
 * 42,164 km, and the CIO locator s is common to both to 1e-12 rad. 0.215 m bounds it.
 */
const GEO_2000B_BOUND_KM = 0.215e-3;
/**
 * The whole true-of-date rotation moves by up to 2.52 mas (δΔψ about the ecliptic pole
 * included): 0.515 m at GEO radius, bounded by 0.53 m (nutation2000B.test.ts).
 */
const GEO_TOD_2000B_BOUND_KM = 0.53e-3;
const GEO_RADIUS_KM = 42_164;
/** Interpolated against exact transform: 4e-15 rad (interpolatedTransform.test.ts) plus rounding. */
const INTERPOLATION_TOL = 1e-14;
/** The option must change something: 2000B and 2000A differ by tenths of a mas (≥ 5e-10 rad). */
const MODEL_DIFFERENCE_MIN = 1e-10;
/** …which at GEO radius is at least centimetres somewhere in 1972–2050. */
const GEO_MODEL_DIFFERENCE_MIN_KM = 0.01e-3;

/** No dX, dY (the ERFA chain has none, and they would need EOP past the bundled table). */
const OPTIONS_2000A: FrameTransformOptions = {
  velocity: 'earthRotation',
  celestialPoleOffsets: false,
};
const OPTIONS_2000B: FrameTransformOptions = { ...OPTIONS_2000A, nutation: 'IAU2000B' };

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < 9; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function apply(m: readonly number[], v: readonly number[]): number[] {
  return [0, 1, 2].map((i) => m[3 * i]! * v[0]! + m[3 * i + 1]! * v[1]! + m[3 * i + 2]! * v[2]!);
}

describe("frameTransform with nutation 'IAU2000B'", () => {
  it('GCRF → CIRS matches the ERFA chain (pfw06 + nut00b, s06, c2ixys) within 1e-15 per element at 40 dates', () => {
    let worst = 0;
    for (const c of reference.cases) {
      const epoch = Epoch.fromJd(c.tt_jd1, c.tt_jd2, 'TT');
      const x = frameTransform('GCRF', 'CIRS', epoch, OPTIONS_2000B);
      worst = Math.max(worst, maxAbsDiff(x.rotation, c.gcrs_to_cirs));
    }
    expect(worst).toBeLessThanOrEqual(ERFA_ELEMENT_TOL);
  });

  it('GCRF → TOD_IAU2006 matches numat(obl06, nut00b) · bp06 within 1e-15 per element at 40 dates', () => {
    let worst = 0;
    for (const c of reference.cases) {
      const epoch = Epoch.fromJd(c.tt_jd1, c.tt_jd2, 'TT');
      const x = frameTransform('GCRF', 'TOD_IAU2006', epoch, OPTIONS_2000B);
      worst = Math.max(worst, maxAbsDiff(x.rotation, c.gcrs_to_tod_iau2006));
    }
    expect(worst).toBeLessThanOrEqual(ERFA_ELEMENT_TOL);
  });

  it('moves a GEO position by at most 0.215 m (CIRS) and 0.53 m (TOD_IAU2006) from IAU 2000A, and not by nothing', () => {
    let worstCirs = 0;
    let worstTod = 0;
    for (const c of reference.cases) {
      const epoch = Epoch.fromJd(c.tt_jd1, c.tt_jd2, 'TT');
      for (const [to, worstOf] of [
        ['CIRS', (d: number) => (worstCirs = Math.max(worstCirs, d))],
        ['TOD_IAU2006', (d: number) => (worstTod = Math.max(worstTod, d))],
      ] as const) {
        const a = frameTransform('GCRF', to, epoch, OPTIONS_2000A).rotation;
        const b = frameTransform('GCRF', to, epoch, OPTIONS_2000B).rotation;
        for (const v of [
          [GEO_RADIUS_KM, 0, 0],
          [0, GEO_RADIUS_KM, 0],
          [0, 0, GEO_RADIUS_KM],
        ]) {
          const pa = apply(a, v);
          const pb = apply(b, v);
          worstOf(Math.hypot(pa[0]! - pb[0]!, pa[1]! - pb[1]!, pa[2]! - pb[2]!));
        }
      }
    }
    expect(worstCirs).toBeLessThanOrEqual(GEO_2000B_BOUND_KM);
    expect(worstTod).toBeLessThanOrEqual(GEO_TOD_2000B_BOUND_KM);
    // The option does something: the series differ by tenths of a mas somewhere in 1972–2050.
    expect(worstCirs).toBeGreaterThan(GEO_MODEL_DIFFERENCE_MIN_KM);
  });

  it('reaches ITRF through the CIO chain, and the interpolated transform follows the option', () => {
    const epoch = Epoch.fromIso('2024-03-01T06:00:00', 'UTC');
    const exact = frameTransform('GCRF', 'ITRF', epoch, OPTIONS_2000B).rotation;
    const interpolated = createInterpolatedTransform('GCRF', 'ITRF', OPTIONS_2000B).at(epoch);
    const exactA = frameTransform('GCRF', 'ITRF', epoch, OPTIONS_2000A).rotation;
    // Interpolation error: 4e-15 rad (interpolatedTransform.test.ts) plus rounding.
    expect(maxAbsDiff(interpolated.rotation, exact)).toBeLessThanOrEqual(INTERPOLATION_TOL);
    expect(maxAbsDiff(exact, exactA)).toBeGreaterThan(MODEL_DIFFERENCE_MIN);
  });

  it('refuses an unknown nutation model, naming it', () => {
    const epoch = Epoch.fromIso('2024-03-01T06:00:00', 'UTC');
    expect(() =>
      frameTransform('GCRF', 'CIRS', epoch, { nutation: 'IAU1980' as 'IAU2000A' }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      frameTransform('GCRF', 'CIRS', epoch, { nutation: 'IAU1980' as 'IAU2000A' }),
    ).toThrow(/nutation = "?IAU1980/);
  });
});
