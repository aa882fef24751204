import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameMismatchError, InvalidArgumentError } from '../../src/errors';
import { DEFAULT_EPOCH_TOLERANCE_S, StateVector } from '../../src/state/stateVector';
import { Epoch } from '../../src/time/epoch';
import { epoch, STATE_FC_PARAMS, stateVector, UNIT_ROUNDOFF } from './arbitraries';

const T0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');

/** A GEO state in GCRF at T0. */
function geo(frame: 'GCRF' | 'TEME' = 'GCRF', t: Epoch = T0): StateVector {
  return StateVector.create({
    epoch: t,
    frame,
    positionKm: [42164, 0, 0],
    velocityKmS: [0, 3.0747, 0],
  });
}

/**
 * b + (a − b) differs from a by rounding only: two roundings of numbers up to 1e5 km, each at
 * most half an ulp of the largest operand, 2·u·2e5 km ≈ 4.4e-11 km.
 */
const RECOMPOSE_TOL_KM = 2 * UNIT_ROUNDOFF * 2e5;
/** The same for velocities up to 12 km/s: 2·u·24 km/s. */
const RECOMPOSE_TOL_KMS = 2 * UNIT_ROUNDOFF * 24;

function expectThrowsWith(f: () => unknown, type: new (...a: never[]) => Error, text: string) {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(type);
  expect((caught as Error).message).toContain(text);
}

describe('StateVector.create', () => {
  it('keeps the epoch, frame and components and reads radius and speed', () => {
    const s = StateVector.create({
      epoch: T0,
      frame: 'TEME',
      positionKm: [3000, 4000, 0],
      velocityKmS: [0, 6, 8],
    });
    expect(s.epoch.equals(T0)).toBe(true);
    expect(s.frame).toBe('TEME');
    expect(s.positionKm).toEqual([3000, 4000, 0]);
    expect(s.velocityKmS).toEqual([0, 6, 8]);
    expect(s.radiusKm).toBe(5000);
    expect(s.speedKmS).toBe(10);
  });

  it('names the component and its unit when a value is not finite', () => {
    const base = { epoch: T0, frame: 'GCRF' as const };
    expectThrowsWith(
      () => StateVector.create({ ...base, positionKm: [1, Number.NaN, 3], velocityKmS: [0, 0, 0] }),
      InvalidArgumentError,
      'positionKm[1] = NaN km: must be a finite number',
    );
    expectThrowsWith(
      () =>
        StateVector.create({
          ...base,
          positionKm: [1, 2, 3],
          velocityKmS: [0, 0, Number.POSITIVE_INFINITY],
        }),
      InvalidArgumentError,
      'velocityKmS[2] = Infinity km/s',
    );
    expectThrowsWith(
      () =>
        StateVector.create({
          ...base,
          positionKm: [1, 2, '3' as unknown as number],
          velocityKmS: [0, 0, 0],
        }),
      InvalidArgumentError,
      'positionKm[2] = "3" km',
    );
  });

  it('rejects a triple of the wrong length, an unknown frame and an epoch that is not an Epoch', () => {
    expectThrowsWith(
      () =>
        StateVector.create({
          epoch: T0,
          frame: 'GCRF',
          positionKm: [1, 2],
          velocityKmS: [0, 0, 0],
        }),
      InvalidArgumentError,
      'positionKm = "length 2"',
    );
    expectThrowsWith(
      () =>
        StateVector.create({
          epoch: T0,
          frame: 'ECI' as 'GCRF',
          positionKm: [1, 2, 3],
          velocityKmS: [0, 0, 0],
        }),
      InvalidArgumentError,
      'frame = "ECI"',
    );
    expectThrowsWith(
      () =>
        StateVector.create({
          epoch: '2024-03-01' as unknown as Epoch,
          frame: 'GCRF',
          positionKm: [1, 2, 3],
          velocityKmS: [0, 0, 0],
        }),
      InvalidArgumentError,
      'must be an Epoch',
    );
  });

  it('copies its inputs: changing the arrays afterwards does not change the state', () => {
    const p = [7000, 1, 2];
    const v = new Float64Array([0.1, 7.5, 0.2]);
    const s = StateVector.create({ epoch: T0, frame: 'GCRF', positionKm: p, velocityKmS: v });
    p[0] = -1;
    v[1] = -1;
    expect(s.positionKm).toEqual([7000, 1, 2]);
    expect(s.velocityKmS).toEqual([0.1, 7.5, 0.2]);
  });

  it('is frozen, and so are its triples', () => {
    const s = geo();
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.positionKm)).toBe(true);
    expect(Object.isFrozen(s.velocityKmS)).toBe(true);
    expect(() => {
      (s.positionKm as unknown as number[])[0] = 0;
    }).toThrow(TypeError);
    expect(() => {
      (s as unknown as { frame: string }).frame = 'TEME';
    }).toThrow(TypeError);
  });
});

describe('StateVector operations on two states', () => {
  it('throws FrameMismatchError for the difference of a GCRF and a TEME state', () => {
    const a = geo('GCRF');
    const b = geo('TEME');
    let caught: unknown;
    try {
      a.relativeTo(b);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FrameMismatchError);
    expect((caught as FrameMismatchError).expected).toBe('GCRF');
    expect((caught as FrameMismatchError).actual).toBe('TEME');
    expect(() => a.distanceKm(b)).toThrow(FrameMismatchError);
  });

  it('names both epochs in ISO TAI when they differ by more than the tolerance', () => {
    const a = geo('GCRF', T0);
    const b = geo('GCRF', T0.plusSeconds(1e-6));
    expectThrowsWith(
      () => a.relativeTo(b),
      InvalidArgumentError,
      'other.epoch = "2024-03-01T00:00:37.000001000 TAI": differs from 2024-03-01T00:00:37.000000000 TAI by',
    );
    expect(() => a.distanceKm(b)).toThrow(InvalidArgumentError);
    expect(a.relativeTo(b, { epochToleranceS: 1e-5 }).positionKm).toEqual([0, 0, 0]);
  });

  it('accepts epochs within the default tolerance of 1 ns', () => {
    const b = geo('GCRF', T0.plusSeconds(0.9 * DEFAULT_EPOCH_TOLERANCE_S));
    expect(geo().distanceKm(b)).toBe(0);
    const c = geo('GCRF', T0.plusSeconds(2 * DEFAULT_EPOCH_TOLERANCE_S));
    expect(() => geo().distanceKm(c)).toThrow(InvalidArgumentError);
  });

  it('relativeTo gives this − origin with the epoch and frame of this state', () => {
    const a = StateVector.create({
      epoch: T0,
      frame: 'TEME',
      positionKm: [7000, 10, -5],
      velocityKmS: [0.5, 7.5, 0.25],
    });
    const b = StateVector.create({
      epoch: T0,
      frame: 'TEME',
      positionKm: [6999, 12, -5],
      velocityKmS: [0.25, 7.5, 0.5],
    });
    const d = a.relativeTo(b);
    expect(d.frame).toBe('TEME');
    expect(d.epoch.equals(T0)).toBe(true);
    expect(d.positionKm).toEqual([1, -2, 0]);
    expect(d.velocityKmS).toEqual([0.25, 0, -0.25]);
    expect(Object.isFrozen(d)).toBe(true);
    expect(Object.isFrozen(d.positionKm)).toBe(true);
    expect(a.distanceKm(b)).toBe(Math.sqrt(5));
  });

  it('relativeTo is antisymmetric and recomposes the state to rounding', () => {
    fc.assert(
      fc.property(stateVector, stateVector, (a0, b0) => {
        const b = StateVector.create({ ...b0, epoch: a0.epoch, frame: a0.frame });
        const ab = a0.relativeTo(b);
        const ba = b.relativeTo(a0);
        for (let i = 0; i < 3; i++) {
          // Exact: p − q and −(q − p) round identically (=== also equates −0 and 0).
          expect(ab.positionKm[i] === -ba.positionKm[i]!).toBe(true);
          expect(ab.velocityKmS[i] === -ba.velocityKmS[i]!).toBe(true);
          expect(
            Math.abs(b.positionKm[i]! + ab.positionKm[i]! - a0.positionKm[i]!),
          ).toBeLessThanOrEqual(RECOMPOSE_TOL_KM);
          expect(
            Math.abs(b.velocityKmS[i]! + ab.velocityKmS[i]! - a0.velocityKmS[i]!),
          ).toBeLessThanOrEqual(RECOMPOSE_TOL_KMS);
        }
        expect(a0.distanceKm(b)).toBe(b.distanceKm(a0));
      }),
      STATE_FC_PARAMS,
    );
  });

  it('distanceKm obeys the triangle inequality', () => {
    fc.assert(
      fc.property(stateVector, stateVector, stateVector, (a, b0, c0) => {
        const b = StateVector.create({ ...b0, epoch: a.epoch, frame: a.frame });
        const c = StateVector.create({ ...c0, epoch: a.epoch, frame: a.frame });
        // Each distance is rounded relatively by a few u; 3e5 km bounds the distances.
        const roundingKm = 8 * UNIT_ROUNDOFF * 3.5e5;
        expect(a.distanceKm(c)).toBeLessThanOrEqual(a.distanceKm(b) + b.distanceKm(c) + roundingKm);
      }),
      STATE_FC_PARAMS,
    );
  });

  it('does not modify either operand', () => {
    const a = geo();
    const b = StateVector.create({
      epoch: T0,
      frame: 'GCRF',
      positionKm: [42000, 1, 2],
      velocityKmS: [0.1, 3, 0],
    });
    const before = [JSON.stringify(a), JSON.stringify(b)];
    a.relativeTo(b);
    a.distanceKm(b);
    a.equals(b, { positionTolKm: 1 });
    expect([JSON.stringify(a), JSON.stringify(b)]).toEqual(before);
  });
});

describe('StateVector.equals', () => {
  it('compares position and velocity by the norm of the difference, within tolerances', () => {
    const a = geo();
    const b = StateVector.create({
      epoch: T0,
      frame: 'GCRF',
      positionKm: [42164 + 3e-6, 4e-6, 0],
      velocityKmS: [0, 3.0747 + 1e-9, 0],
    });
    expect(a.equals(a)).toBe(true);
    expect(a.equals(b)).toBe(false);
    expect(a.equals(b, { positionTolKm: 5.1e-6, velocityTolKmS: 1.1e-9 })).toBe(true);
    expect(a.equals(b, { positionTolKm: 4.9e-6, velocityTolKmS: 1.1e-9 })).toBe(false);
    expect(a.equals(b, { positionTolKm: 5.1e-6, velocityTolKmS: 0.9e-9 })).toBe(false);
  });

  it('is false for states in different frames or at different epochs, whatever the tolerances', () => {
    const a = geo('GCRF');
    expect(a.equals(geo('TEME'), { positionTolKm: 1e9, velocityTolKmS: 1e9 })).toBe(false);
    expect(a.equals(geo('GCRF', T0.plusSeconds(1)))).toBe(false);
    expect(a.equals(geo('GCRF', T0.plusSeconds(1)), { epochToleranceS: 1 })).toBe(true);
  });

  it('rejects a negative tolerance, naming its unit', () => {
    expectThrowsWith(
      () => geo().equals(geo(), { positionTolKm: -1 }),
      InvalidArgumentError,
      'positionTolKm = -1 km',
    );
  });
});

describe('StateVector JSON', () => {
  it('writes the epoch as ISO TAI with nanoseconds', () => {
    expect(geo().toJSON()).toEqual({
      epoch: '2024-03-01T00:00:37.000000000',
      scale: 'TAI',
      frame: 'GCRF',
      positionKm: [42164, 0, 0],
      velocityKmS: [0, 3.0747, 0],
    });
  });

  it('reads back what it writes: components exactly (−0 as 0), the epoch to 0.5 ns', () => {
    // toIso rounds to the nanosecond.
    const JSON_EPOCH_TOL_S = 0.5e-9 + 1e-15;
    fc.assert(
      fc.property(stateVector, (s) => {
        const back = StateVector.fromJSON(JSON.parse(JSON.stringify(s)));
        expect(back.frame).toBe(s.frame);
        // JSON writes −0 as 0.
        expect(back.positionKm).toEqual(s.positionKm.map((x) => x + 0));
        expect(back.velocityKmS).toEqual(s.velocityKmS.map((x) => x + 0));
        expect(Math.abs(back.epoch.secondsSince(s.epoch))).toBeLessThanOrEqual(JSON_EPOCH_TOL_S);
      }),
      STATE_FC_PARAMS,
    );
  });

  it('gives a new object each time, unconnected to the state', () => {
    const s = geo();
    const j = s.toJSON() as unknown as { positionKm: number[] };
    j.positionKm[0] = 0;
    expect(s.positionKm[0]).toBe(42164);
  });

  it('reads epochs in other scales', () => {
    fc.assert(
      fc.property(epoch, (t) => {
        const s = StateVector.fromJSON({
          epoch: t.toIso('TT'),
          scale: 'TT',
          frame: 'ITRF',
          positionKm: [1, 2, 3],
          velocityKmS: [0, 0, 0],
        });
        expect(Math.abs(s.epoch.secondsSince(t))).toBeLessThanOrEqual(0.5e-9 + 1e-15);
      }),
      { ...STATE_FC_PARAMS, numRuns: 50 },
    );
  });
});
