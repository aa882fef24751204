import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors';
import { keplerPropagateInto } from '../../../src/propagation/kepler/keplerUniversal';
import { propagateKepler } from '../../../src/propagation/kepler/propagateKepler';
import { StateVector } from '../../../src/state';
import { Epoch } from '../../../src/time';
import {
  type Conic,
  conicArbitrary,
  conicState,
  stateDiff,
  timeSincePeriapsisS,
  trueAnomalyAt,
} from './conics';

const FC_PARAMS = { numRuns: Number(process.env.OSMOSE_FC_RUNS ?? 200), verbose: 1 } as const;
const MU_EARTH = 398600.4418; // Vallado (2013), Table D-3 (= WGS84, IERS 2010)

/** Half a unit in the 4th decimal, km: Vallado prints the result of Example 2-4 to 0.1 m. */
const VALLADO_POS_TOL_KM = 5e-5;
/** Half a unit in the 6th decimal, km/s: Vallado prints the velocity to 1 mm/s. */
const VALLADO_VEL_TOL_KMS = 5e-7;
/** Half a unit of the 1st decimal, km, as Curtis prints the position of Example 3.7. */
const CURTIS_POS_TOL_KM = 0.05;
/**
 * Curtis carries five significant digits through the iteration (χ = 253.53 km^½), which moves
 * the 5th digit of the velocity: one unit of it, km/s.
 */
const CURTIS_VEL_TOL_KMS = 1e-4;

/**
 * Against the classical anomalies: both solutions are good to a few ulps of the anomaly, and
 * the angle error becomes a position error through r (up to ~4e5 km on these hyperbolas) and
 * the time of flight; 1e-9 relative to the radius covers the worst conditioned samples
 * (e = 0.95 near apoapsis, measured up to 2e-10).
 */
const CONIC_REL_TOL = 1e-9;
/** Round trip and composition: each Kepler solution adds a few ulps per revolution. */
const COMPOSE_REL_TOL = 1e-10;

function run(rv0: ArrayLike<number>, dtS: number, mu = MU_EARTH): Float64Array {
  const out = new Float64Array(6);
  const status = keplerPropagateInto(out, rv0, dtS, mu);
  expect(status).toBe('ok');
  return out;
}

describe('keplerPropagateInto against textbook examples', () => {
  it('reproduces Vallado (2013) Example 2-4 (40 min on an elliptic orbit) to the printed digits', () => {
    const out = run([1131.34, -2282.343, 6672.423, -5.64305, 4.30333, 2.42879], 40 * 60);
    const expected = [-4219.7527, 4363.0292, -3958.7666, 3.689866, -1.916735, -6.112511];
    for (let k = 0; k < 3; k++) {
      expect(Math.abs(out[k]! - expected[k]!)).toBeLessThanOrEqual(VALLADO_POS_TOL_KM);
      expect(Math.abs(out[k + 3]! - expected[k + 3]!)).toBeLessThanOrEqual(VALLADO_VEL_TOL_KMS);
    }
  });

  it('reproduces Curtis (2013) Example 3.7 (60 min, μ = 398600 km³/s²)', () => {
    const out = run([7000, -12124, 0, 2.6679, 4.621, 0], 3600, 398600);
    const expected = [-3297.8, 7413.4, 0, -8.2976, -0.96404, 0];
    for (let k = 0; k < 3; k++) {
      expect(Math.abs(out[k]! - expected[k]!)).toBeLessThanOrEqual(CURTIS_POS_TOL_KM);
      expect(Math.abs(out[k + 3]! - expected[k + 3]!)).toBeLessThanOrEqual(CURTIS_VEL_TOL_KMS);
    }
  });

  it('agrees with the parabolic solution of Barker’s equation', () => {
    const conic: Conic = { pKm: 14000, ecc: 1, incRad: 0.3, raanRad: 1, argpRad: 2, nuRad: -1 };
    const rv0 = conicState(conic, MU_EARTH);
    const t0 = timeSincePeriapsisS(conic, MU_EARTH);
    for (const dtS of [60, 3600, 86400, 30 * 86400, -1000]) {
      const out = run(rv0, dtS);
      const nu = trueAnomalyAt(conic, t0 + dtS, MU_EARTH);
      const expected = conicState({ ...conic, nuRad: nu }, MU_EARTH);
      const [dr] = stateDiff(out, expected);
      const r = Math.hypot(expected[0]!, expected[1]!, expected[2]!);
      expect(dr).toBeLessThanOrEqual(CONIC_REL_TOL * r);
    }
  });
});

describe('keplerPropagateInto properties', () => {
  it('matches the classical anomaly solution on ellipses and hyperbolas, forward and backward', () => {
    fc.assert(
      fc.property(
        conicArbitrary('any'),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (conic, dtFraction) => {
          const rv0 = conicState(conic, MU_EARTH);
          const r0 = Math.hypot(rv0[0]!, rv0[1]!, rv0[2]!);
          // Δt up to 20 periods (ellipse) or 20 × r0/v0-scaled times (hyperbola).
          const a = conic.pKm / (1 - conic.ecc * conic.ecc);
          const scaleS = 2 * Math.PI * Math.sqrt(Math.abs(a) ** 3 / MU_EARTH);
          const dtS = dtFraction * scaleS;
          const t0 = timeSincePeriapsisS(conic, MU_EARTH);
          const nu = trueAnomalyAt(conic, t0 + dtS, MU_EARTH);
          const expected = conicState({ ...conic, nuRad: nu }, MU_EARTH);
          const out = new Float64Array(6);
          const status = keplerPropagateInto(out, rv0, dtS, MU_EARTH);
          if (status !== 'ok') return false;
          const [dr, dv] = stateDiff(out, expected);
          const r = Math.hypot(expected[0]!, expected[1]!, expected[2]!);
          const v = Math.hypot(expected[3]!, expected[4]!, expected[5]!);
          return dr <= CONIC_REL_TOL * Math.max(r, r0) && dv <= CONIC_REL_TOL * 10 * v;
        },
      ),
      FC_PARAMS,
    );
  });

  it('conserves energy and angular momentum', () => {
    fc.assert(
      fc.property(
        conicArbitrary('any'),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (c, dtS) => {
          const rv0 = conicState(c, MU_EARTH);
          const out = new Float64Array(6);
          if (keplerPropagateInto(out, rv0, dtS, MU_EARTH) !== 'ok') return false;
          const energy = (s: ArrayLike<number>) =>
            0.5 * (s[3]! ** 2 + s[4]! ** 2 + s[5]! ** 2) -
            MU_EARTH / Math.hypot(s[0]!, s[1]!, s[2]!);
          const h = (s: ArrayLike<number>) => [
            s[1]! * s[5]! - s[2]! * s[4]!,
            s[2]! * s[3]! - s[0]! * s[5]!,
            s[0]! * s[4]! - s[1]! * s[3]!,
          ];
          const h0 = h(rv0);
          const h1 = h(out);
          const hNorm = Math.hypot(h0[0]!, h0[1]!, h0[2]!);
          const dh = Math.hypot(h1[0]! - h0[0]!, h1[1]! - h0[1]!, h1[2]! - h0[2]!);
          // Energy compared with the kinetic term (the sum cancels near parabolic orbits).
          const kinetic = 0.5 * (rv0[3]! ** 2 + rv0[4]! ** 2 + rv0[5]! ** 2);
          return (
            Math.abs(energy(out) - energy(rv0)) <= COMPOSE_REL_TOL * kinetic &&
            dh <= COMPOSE_REL_TOL * hNorm
          );
        },
      ),
      FC_PARAMS,
    );
  });

  it('comes back to the start after going forward then backward', () => {
    fc.assert(
      fc.property(
        conicArbitrary('any'),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (c, dtS) => {
          const rv0 = conicState(c, MU_EARTH);
          const out = new Float64Array(6);
          if (keplerPropagateInto(out, rv0, dtS, MU_EARTH) !== 'ok') return false;
          if (keplerPropagateInto(out, out, -dtS, MU_EARTH) !== 'ok') return false;
          const [dr, dv] = stateDiff(out, rv0);
          const r0 = Math.hypot(rv0[0]!, rv0[1]!, rv0[2]!);
          const v0 = Math.hypot(rv0[3]!, rv0[4]!, rv0[5]!);
          // Revolutions multiply the rounding of the period: scale by the number of them.
          const revs = 1 + (Math.abs(dtS) * v0) / r0 / (2 * Math.PI);
          return dr <= COMPOSE_REL_TOL * r0 * revs && dv <= COMPOSE_REL_TOL * v0 * revs;
        },
      ),
      FC_PARAMS,
    );
  });

  it('gives the same state in one step as in two', () => {
    fc.assert(
      fc.property(
        conicArbitrary('any'),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        (c, dt1, dt2) => {
          const rv0 = conicState(c, MU_EARTH);
          const two = new Float64Array(6);
          const one = new Float64Array(6);
          if (keplerPropagateInto(two, rv0, dt1, MU_EARTH) !== 'ok') return false;
          if (keplerPropagateInto(two, two, dt2, MU_EARTH) !== 'ok') return false;
          if (keplerPropagateInto(one, rv0, dt1 + dt2, MU_EARTH) !== 'ok') return false;
          const [dr, dv] = stateDiff(one, two);
          const r = Math.hypot(one[0]!, one[1]!, one[2]!);
          const v = Math.hypot(one[3]!, one[4]!, one[5]!);
          const r0 = Math.hypot(rv0[0]!, rv0[1]!, rv0[2]!);
          const v0 = Math.hypot(rv0[3]!, rv0[4]!, rv0[5]!);
          const revs = 1 + ((Math.abs(dt1) + Math.abs(dt2)) * v0) / r0 / (2 * Math.PI);
          return (
            dr <= COMPOSE_REL_TOL * Math.max(r, r0) * revs &&
            dv <= COMPOSE_REL_TOL * Math.max(v, v0) * revs
          );
        },
      ),
      FC_PARAMS,
    );
  });
});

describe('keplerPropagateInto statuses', () => {
  it('returns the input unchanged for Δt = 0 and after whole periods', () => {
    const rv0 = [7000, 0, 0, 0, 7.5, 1];
    expect(Array.from(run(rv0, 0))).toEqual(rv0);
  });

  it('reports invalid input instead of throwing', () => {
    const out = new Float64Array(6);
    expect(keplerPropagateInto(out, [0, 0, 0, 1, 0, 0], 10, MU_EARTH)).toBe('invalid-input');
    expect(keplerPropagateInto(out, [7000, 0, 0, Number.NaN, 0, 0], 10, MU_EARTH)).toBe(
      'invalid-input',
    );
    expect(
      keplerPropagateInto(out, [7000, 0, 0, 0, 7.5, 0], Number.POSITIVE_INFINITY, MU_EARTH),
    ).toBe('invalid-input');
    expect(keplerPropagateInto(out, [7000, 0, 0, 0, 7.5, 0], 10, -1)).toBe('invalid-input');
  });

  it('follows a hyperbola for 1e300 s but reports the overflow of 1e308 s', () => {
    const out = new Float64Array(6);
    // v∞ = √(v² − 2μ/r) ≈ 10.54 km/s: r ≈ 1.05e301 km is still a double, 1.05e309 km is not.
    expect(keplerPropagateInto(out, [7000, 0, 0, 0, 15, 0], 1e300, MU_EARTH)).toBe('ok');
    const vInfKmS = Math.sqrt(225 - (2 * MU_EARTH) / 7000);
    // r = v∞ t + O(ln t): relative difference ~ ln(1e300)·a/(v∞ t) ≪ 1e-12.
    expect(Math.abs(Math.hypot(out[0]!, out[1]!, out[2]!) / 1e300 / vInfKmS - 1)).toBeLessThan(
      1e-12,
    );
    expect(keplerPropagateInto(out, [7000, 0, 0, 0, 15, 0], 1e308, MU_EARTH)).toBe('non-finite');
  });

  it('solves a rectilinear (zero angular momentum) ellipse', () => {
    // Radial fall from rest at 42,164 km: its time to reach r is known in closed form
    // (t = √(r0³/2μ)·(√(x(1−x)) + acos √x), x = r/r0).
    const r0 = 42164;
    const rTarget = 30000;
    const x = rTarget / r0;
    const tS =
      Math.sqrt(r0 ** 3 / (2 * MU_EARTH)) * (Math.sqrt(x * (1 - x)) + Math.acos(Math.sqrt(x)));
    const out = run([r0, 0, 0, 0, 0, 0], tS);
    expect(Math.abs(out[0]! - rTarget)).toBeLessThanOrEqual(1e-6);
  });
});

describe('propagateKepler', () => {
  const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
  const s0 = StateVector.create({
    epoch: t0,
    frame: 'GCRF',
    positionKm: [1131.34, -2282.343, 6672.423],
    velocityKmS: [-5.64305, 4.30333, 2.42879],
  });

  it('returns the state at the asked epoch in the same frame (Vallado Example 2-4)', () => {
    const s1 = propagateKepler(s0, t0.plusSeconds(2400), { muKm3S2: MU_EARTH });
    expect(s1.frame).toBe('GCRF');
    expect(s1.epoch.secondsSince(t0)).toBe(2400);
    expect(Math.abs(s1.positionKm[0] - -4219.7527)).toBeLessThanOrEqual(VALLADO_POS_TOL_KM);
  });

  it('refuses an Earth-fixed frame and a bad μ, naming the values', () => {
    const itrf = StateVector.create({ ...s0, frame: 'ITRF' });
    expect(() => propagateKepler(itrf, t0)).toThrow(InvalidArgumentError);
    expect(() => propagateKepler(itrf, t0)).toThrow(/state.frame = "ITRF"/);
    expect(() => propagateKepler(s0, t0, { muKm3S2: 0 })).toThrow(/muKm3S2 = 0 km³\/s²/);
  });
});
