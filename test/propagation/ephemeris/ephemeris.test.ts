import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataRangeError, FrameMismatchError, InvalidArgumentError } from '../../../src/errors';
import { Ephemeris } from '../../../src/propagation/ephemeris';
import { DORMAND_PRINCE_853, type OdeSystem } from '../../../src/propagation/integrators';
import { propagateKepler } from '../../../src/propagation/kepler';
import { StateVector } from '../../../src/state';
import { Epoch } from '../../../src/time';
import {
  GEO_RV,
  keplerAt,
  LEO_RV,
  MU_EARTH,
  positionDiffKm,
  twoBody,
} from '../integrators/problems';

const FC_PARAMS = { numRuns: Number(process.env.OSMOSE_FC_RUNS ?? 200), verbose: 1 } as const;
const T0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
const DAY_S = 86400;
/** DP853 at 1e-13 with its 7th-order dense output: the two-body bound, km. */
const DENSE_TOL_KM = 1e-6;
/** The same for velocities, km/s (1e-6 km over GEO's ~14,000 s time scale, with margin). */
const DENSE_TOL_KMS = 1e-9;

function geoEphemeris(backward = false): Ephemeris {
  const [t0, t1] = backward ? [DAY_S, 0] : [0, DAY_S];
  const run = DORMAND_PRINCE_853.integrate(twoBody(), t0, keplerAt(GEO_RV, t0), t1, {
    relTol: 1e-13,
    absTol: 1e-16,
    dense: true,
  });
  return Ephemeris.fromDenseTrajectory({
    referenceEpoch: T0,
    frame: 'GCRF',
    trajectory: run.dense!,
  });
}

const GEO0 = StateVector.create({
  epoch: T0,
  frame: 'GCRF',
  positionKm: GEO_RV.slice(0, 3),
  velocityKmS: GEO_RV.slice(3),
});

describe('Ephemeris.fromDenseTrajectory', () => {
  it('gives the two-body state at any epoch of a GEO day, from forward and backward runs', () => {
    for (const backward of [false, true]) {
      const eph = geoEphemeris(backward);
      expect(eph.frame).toBe('GCRF');
      expect(eph.startEpoch.equals(T0)).toBe(true);
      expect(eph.endEpoch.secondsSince(T0)).toBe(DAY_S);
      expect(eph.durationS).toBe(DAY_S);
      fc.assert(
        fc.property(fc.double({ min: 0, max: DAY_S, noNaN: true }), (tS) => {
          const epoch = T0.plusSeconds(tS);
          const s = eph.stateAt(epoch);
          const k = propagateKepler(GEO0, epoch, { muKm3S2: MU_EARTH });
          return (
            s.distanceKm(k) <= DENSE_TOL_KM &&
            Math.hypot(...s.velocityKmS.map((v, i) => v - k.velocityKmS[i]!)) <= DENSE_TOL_KMS
          );
        }),
        FC_PARAMS,
      );
    }
  });

  it('reads the state at an offset in a larger system', () => {
    // Two clock components ahead of the orbit: y = [t, 1, r, v].
    const orbit = twoBody();
    const wide: OdeSystem = {
      dimension: 8,
      derivativesInto(out, t, y) {
        out[0] = 1;
        out[1] = 0;
        orbit.derivativesInto(out.subarray(2), t, y.subarray(2));
      },
    };
    const run = DORMAND_PRINCE_853.integrate(wide, 0, [0, 1, ...LEO_RV], 6000, {
      relTol: 1e-13,
      absTol: 1e-16,
      dense: true,
    });
    const eph = Ephemeris.fromDenseTrajectory({
      referenceEpoch: T0,
      frame: 'EME2000',
      trajectory: run.dense!,
      offset: 2,
    });
    const out = new Float64Array(6);
    eph.positionVelocityInto(out, T0.plusSeconds(1234.5));
    expect(positionDiffKm(out, keplerAt(LEO_RV, 1234.5))).toBeLessThanOrEqual(DENSE_TOL_KM);
    expect(() =>
      Ephemeris.fromDenseTrajectory({
        referenceEpoch: T0,
        frame: 'GCRF',
        trajectory: run.dense!,
        offset: 3,
      }),
    ).toThrow(/offset = 3/);
  });

  it('throws DataRangeError outside its span, naming the epoch and the span', () => {
    const eph = geoEphemeris();
    const late = T0.plusSeconds(DAY_S + 1);
    expect(() => eph.stateAt(late)).toThrow(DataRangeError);
    expect(() => eph.stateAt(late)).toThrow(late.toIso('TAI'));
    expect(() => eph.stateAt(late)).toThrow(eph.endEpoch.toIso('TAI'));
    expect(() => eph.stateAt(T0.plusSeconds(-1e-3))).toThrow(DataRangeError);
    // Both ends are inside.
    expect(eph.stateAt(eph.endEpoch).epoch.equals(eph.endEpoch)).toBe(true);
    expect(eph.stateAt(eph.startEpoch).distanceKm(GEO0)).toBeLessThanOrEqual(1e-9);
  });

  it('samples its span at a step, ending on the last epoch', () => {
    const eph = geoEphemeris();
    const states = eph.sample(7 * 3600);
    expect(states.map((s) => s.epoch.secondsSince(T0))).toEqual([0, 25200, 50400, 75600, 86400]);
    expect(eph.sample(21600)).toHaveLength(5);
    expect(() => eph.sample(0)).toThrow(InvalidArgumentError);
  });
});

describe('Ephemeris.fromStates', () => {
  /** Kepler samples of LEO every `stepS` over 3 hours. */
  function leoSamples(stepS: number): StateVector[] {
    const s0 = StateVector.create({
      epoch: T0,
      frame: 'GCRF',
      positionKm: LEO_RV.slice(0, 3),
      velocityKmS: LEO_RV.slice(3),
    });
    const out: StateVector[] = [];
    for (let t = 0; t <= 3 * 3600; t += stepS)
      out.push(propagateKepler(s0, T0.plusSeconds(t), { muKm3S2: MU_EARTH }));
    return out;
  }

  function worstErrorKm(eph: Ephemeris, spanS: number): number {
    let worst = 0;
    const out = new Float64Array(6);
    for (let t = 7.3; t < spanS; t += 37.1) {
      eph.positionVelocityInto(out, T0.plusSeconds(t));
      worst = Math.max(worst, positionDiffKm(out, keplerAt(LEO_RV, t)));
    }
    return worst;
  }

  it('interpolates LEO states 60 s apart to 1 µm (Hermite degree 7, Lagrange degree 9)', () => {
    const samples = leoSamples(60);
    // The interpolation error scales as r·(ωh)^(d+1)/(d+1)! with ωh = 0.066 rad: about
    // 1e-10 km for both (measured 5.7e-11 and 1.3e-10 km); the bound leaves a factor 8.
    expect(worstErrorKm(Ephemeris.fromStates(samples), 3 * 3600)).toBeLessThanOrEqual(1e-9);
    expect(
      worstErrorKm(
        Ephemeris.fromStates(samples, { interpolation: 'lagrange', degree: 9 }),
        3 * 3600,
      ),
    ).toBeLessThanOrEqual(1e-9);
  });

  it('returns the samples at their own epochs', () => {
    const samples = leoSamples(300);
    const eph = Ephemeris.fromStates(samples, { degree: 5 });
    for (const s of samples)
      expect(eph.stateAt(s.epoch).equals(s, { epochToleranceS: 1e-9 })).toBe(true);
  });

  it('converges as the sample spacing shrinks (Hermite degree 5: error ∝ h⁶)', () => {
    const e1 = worstErrorKm(Ephemeris.fromStates(leoSamples(240), { degree: 5 }), 3 * 3600);
    const e2 = worstErrorKm(Ephemeris.fromStates(leoSamples(120), { degree: 5 }), 3 * 3600);
    // Observed order of a degree-5 interpolant: 6, held to ±0.7 (one halving).
    expect(Math.log2(e1 / e2)).toBeGreaterThan(5.3);
    expect(Math.log2(e1 / e2)).toBeLessThan(6.7);
  });

  it('rejects mixed frames, unordered epochs and bad degrees', () => {
    const samples = leoSamples(600);
    const teme = StateVector.create({ ...samples[1]!, frame: 'TEME' });
    expect(() => Ephemeris.fromStates([samples[0]!, teme])).toThrow(FrameMismatchError);
    expect(() => Ephemeris.fromStates([samples[1]!, samples[0]!])).toThrow(/strictly increasing/);
    expect(() => Ephemeris.fromStates([samples[0]!])).toThrow(InvalidArgumentError);
    expect(() => Ephemeris.fromStates(samples, { degree: 4 })).toThrow(/odd/);
    expect(() => Ephemeris.fromStates(samples, { degree: 0, interpolation: 'lagrange' })).toThrow(
      /degree/,
    );
  });
});
