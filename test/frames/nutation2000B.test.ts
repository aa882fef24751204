import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import { meanObliquity2006Rad } from '../../src/frames/iau2006/meanObliquity2006';
import { nutation2000ARad } from '../../src/frames/iau2006/nutation2000A';
import { nutation2000BInto, nutation2000BRad } from '../../src/frames/iau2006/nutation2000B';

/**
 * Against ERFA eraNut00b: the same 77 terms and the same arguments, so what remains is
 * rounding. The sum of 77 terms in units of 0.1 µas (partial sums ≤ 2e8, half an ulp 1.5e-8
 * units = 7.2e-20 rad) can round by at most 77 × 7.2e-20 = 5.5e-18 rad; osmose takes cos ARG
 * and sin ARG as products of e^{ikα} instead of sin(ARG) (≤ 10 roundings of 1.1e-16 relative
 * on a term ≤ 8.3e-5 rad: 1e-19 rad). 1e-17 rad bounds both. Measured: 1.4e-20 rad.
 */
const ERFA_TOL_RAD = 1e-17;
/** The tolerance of SOFA/ERFA's own test of nut00b (t_erfa_c.c, t_nut00b). */
const SOFA_TEST_TOL_RAD = 1e-13;
/**
 * The same grid maxima computed by ERFA (nut00b − nut06a): osmose's 2000B is within 1e-17 rad
 * of ERFA and its 2000A within 1e-16 rad (test/frames/kernelsErfa.test.ts), so the maxima
 * agree within 2e-16 rad and fall on the same grid epochs. Measured: 3.4e-19 rad.
 */
const GRID_MAXIMUM_TOL_RAD = 2e-16;
/**
 * The accuracy statement. McCarthy & Luzum (2003) and the IERS Conventions (2010, §5.5.1)
 * give 1 mas for the celestial pole of IAU 2000B against IAU 2000A; SOFA's iauNut00b notes a
 * maximum of 1.001 mas over 1995–2050 (on a grid of 0.25 d ERFA gives 1.004 mas). The bound
 * is 1.05 mas, so a wrong or dropped term (the smallest is 0.055 mas, the planetary offsets
 * 0.135 and 0.388 mas) shows.
 */
const POLE_BOUND_MAS = 1.05;
/**
 * The whole rotation sqrt(δΔψ² + δΔε²) (δΔψ about the ecliptic pole, δΔε about the equinox),
 * what a true-of-date frame feels: ERFA gives 2.52 mas over 1995–2050, 0.515 m at GEO radius.
 * Bound: 2.6 mas at GEO radius, 0.53 m.
 */
const ROTATION_AT_GEO_BOUND_M = 0.53;
/** Pole offset at GEO radius: 1.05 mas × 42,164 km = 0.215 m. */
const POLE_AT_GEO_BOUND_M = 0.215;
/** Geostationary radius, m (42,164 km). */
const GEO_RADIUS_M = 42_164_000;
const MAS_PER_RAD = 648_000_000 / Math.PI;
const JD_J2000 = 2451545.0;

interface Maximum {
  max_rad: number;
  at_tt_jd: number;
}
interface Maxima {
  dpsi: Maximum;
  deps: Maximum;
  pole: Maximum;
  angle: Maximum;
}
interface Reference {
  cases: { label: string; tt: [number, number]; nut00b: [number, number] }[];
  difference_1995_2050: {
    grid: { from_tt_jd: number; to_tt_jd: number; step_d: number; count: number };
    nut00b_minus_nut00a: Maxima;
    nut00b_minus_nut06a: Maxima;
  };
}

const REFERENCE = JSON.parse(
  readFileSync(new URL('../reference/erfa-nut00b/erfa_nut00b.json', import.meta.url), 'utf8'),
) as Reference;

/** 2000B − 2000A (osmose, IAU 2006 adjustments included) on ERFA's grid, maxima in rad. */
function modelDifferenceMaxima(): Maxima {
  const { from_tt_jd, step_d, count } = REFERENCE.difference_1995_2050.grid;
  const worst: Maxima = {
    dpsi: { max_rad: 0, at_tt_jd: 0 },
    deps: { max_rad: 0, at_tt_jd: 0 },
    pole: { max_rad: 0, at_tt_jd: 0 },
    angle: { max_rad: 0, at_tt_jd: 0 },
  };
  const b = new Float64Array(2);
  for (let k = 0; k < count; k++) {
    const days = from_tt_jd - JD_J2000 + k * step_d;
    nutation2000BInto(b, JD_J2000, days);
    const a = nutation2000ARad(JD_J2000, days);
    const dp = b[0]! - a.dPsiRad;
    const de = b[1]! - a.dEpsRad;
    const sinEps = Math.sin(meanObliquity2006Rad(JD_J2000, days));
    const values = {
      dpsi: Math.abs(dp),
      deps: Math.abs(de),
      pole: Math.hypot(dp * sinEps, de),
      angle: Math.hypot(dp, de),
    };
    for (const key of ['dpsi', 'deps', 'pole', 'angle'] as const) {
      if (values[key] > worst[key].max_rad) {
        worst[key] = { max_rad: values[key], at_tt_jd: JD_J2000 + days };
      }
    }
  }
  return worst;
}

describe('nutation2000BRad (IAU 2000B)', () => {
  it('matches ERFA nut00b at 52 dates 1972–2050 within 1e-17 rad', () => {
    expect(REFERENCE.cases).toHaveLength(52);
    let worst = 0;
    for (const c of REFERENCE.cases) {
      const n = nutation2000BRad(c.tt[0], c.tt[1]);
      worst = Math.max(worst, Math.abs(n.dPsiRad - c.nut00b[0]), Math.abs(n.dEpsRad - c.nut00b[1]));
    }
    expect(worst).toBeLessThan(ERFA_TOL_RAD);
  });

  it('reproduces the value of SOFA t_nut00b at MJD 53736 TT within 1e-13 rad', () => {
    // The values as t_erfa_c.c prints them (19 digits, more than a double holds).
    const dPsiRad = Number('-0.9632552291148362783e-5');
    const dEpsRad = Number('0.4063197106621159367e-4');
    const n = nutation2000BRad(2400000.5, 53736.0);
    expect(Math.abs(n.dPsiRad - dPsiRad)).toBeLessThan(SOFA_TEST_TOL_RAD);
    expect(Math.abs(n.dEpsRad - dEpsRad)).toBeLessThan(SOFA_TEST_TOL_RAD);
  });

  it('gives the same nutation however the Julian date is split, and writes into out', () => {
    const whole = nutation2000BRad(2460000.25, 0);
    const split = nutation2000BRad(JD_J2000, 2460000.25 - JD_J2000);
    // Splitting changes t by at most one rounding of 2.5e6 d (4.7e-10 d), 1.3e-14 rad of Ω.
    expect(Math.abs(whole.dPsiRad - split.dPsiRad)).toBeLessThan(1e-17);
    const out = new Float64Array(2);
    expect(nutation2000BInto(out, JD_J2000, 2460000.25 - JD_J2000)).toBe(out);
    expect(out[0]).toBe(split.dPsiRad);
    expect(out[1]).toBe(split.dEpsRad);
  });

  it('throws InvalidArgumentError for a non-finite date', () => {
    expect(() => nutation2000BRad(Number.NaN, 0)).toThrow(InvalidArgumentError);
    expect(() => nutation2000BRad(JD_J2000, Number.POSITIVE_INFINITY)).toThrow(/ttJd2/);
  });

  it('stays within 1.05 mas of IAU 2006/2000A for the pole over 1995–2050 (0.215 m at GEO, 0.53 m true of date)', () => {
    const ours = modelDifferenceMaxima();
    const erfa06 = REFERENCE.difference_1995_2050.nut00b_minus_nut06a;
    const erfa00 = REFERENCE.difference_1995_2050.nut00b_minus_nut00a;
    for (const key of ['dpsi', 'deps', 'pole', 'angle'] as const) {
      // Same grid, same models as ERFA nut00b − nut06a: the same maxima at the same epochs.
      expect(Math.abs(ours[key].max_rad - erfa06[key].max_rad)).toBeLessThan(GRID_MAXIMUM_TOL_RAD);
      expect(ours[key].at_tt_jd).toBe(erfa06[key].at_tt_jd);
    }
    expect(ours.pole.max_rad * MAS_PER_RAD).toBeLessThan(POLE_BOUND_MAS);
    expect(erfa00.pole.max_rad * MAS_PER_RAD).toBeLessThan(POLE_BOUND_MAS);
    // At GEO radius: the pole offset is what remains after GCRS → TIRS (the equation of the
    // equinoxes absorbs δΔψ cos ε); the whole rotation applies to true of date.
    expect(ours.pole.max_rad * GEO_RADIUS_M).toBeLessThan(POLE_AT_GEO_BOUND_M);
    expect(ours.angle.max_rad * GEO_RADIUS_M).toBeLessThan(ROTATION_AT_GEO_BOUND_M);
    expect(erfa00.angle.max_rad * GEO_RADIUS_M).toBeLessThan(ROTATION_AT_GEO_BOUND_M);
    // A sanity floor: the difference is a real model difference, not zero.
    expect(ours.pole.max_rad * MAS_PER_RAD).toBeGreaterThan(0.5);
  });
});
