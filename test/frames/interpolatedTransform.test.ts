import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataRangeError, InvalidArgumentError, MissingDataError } from '../../src/errors';
import {
  createInterpolatedTransform,
  type InterpolatedTransformOptions,
  PRECESSION_NUTATION_NODE_SPACING_S,
} from '../../src/frames/batch/interpolatedTransform';
import { FRAME_IDS, type FrameId } from '../../src/frames/frameId';
import {
  type FrameTransform,
  frameTransform,
  transformPositionVelocity,
} from '../../src/frames/frameTransform';
import { DEFAULT_TIME_DATA, Epoch } from '../../src/time';
import { FC_PARAMS } from '../arbitraries';

/** Geostationary radius, km: where issue 4 states its requirement (1 mm). */
const GEO_RADIUS_KM = 42164;
/** Speed of a GEO satellite in an inertial frame, km/s. */
const GEO_SPEED_KM_S = 3.0747;
/**
 * Rotation difference allowed between the interpolated and the exact transform: Orekit's
 * figure for 8 nodes 4 h apart. The interpolation of X, Y, s itself errs by 2e-17 rad; what
 * remains is rounding of two different compositions (up to 6e-16 rad seen).
 */
const ROTATION_TOL_RAD = 4e-15;
/**
 * The same at GEO radius, rounded up: 2e-10 km = 2e-4 mm, six orders of magnitude inside the
 * 1 mm that issue 4 requires.
 */
const GEO_POSITION_TOL_KM = 2e-10;
/**
 * Rate difference allowed, 1/s: the exact rates are central differences over ±600 s whose
 * truncation error on the 13.7-day nutation terms reaches 1e-17 /s (2e-12 km/s at GEO).
 */
const RATE_TOL_PER_S = 5e-17;
/**
 * An Epoch[] batch applies the edges one after the other where `at` multiplies them first:
 * the two round differently by a few ulps of 42164 km (7e-12 km each).
 */
const STEPWISE_TOL_KM = 1e-10;
const STEPWISE_TOL_KM_S = 1e-13;
/**
 * A start + offsets batch advances the Earth rotation angle from the start, where `at` (like
 * SOFA's iauEra00) evaluates it from a Julian date whose sum reaches ~25 turns before it is
 * reduced: that rounding reaches 5e-14 rad, 2e-9 km at GEO (4e-9 km seen).
 */
const OFFSETS_TOL_KM = 1e-8;
const OFFSETS_TOL_KM_S = 1e-12;
/**
 * EOP tables interpolated with Lagrange polynomials are read by the batch through linear
 * chords between samples 15 min apart: h²/8 · |d²UT1/dt²| ≈ 2e-13 rad of Earth rotation,
 * 8e-9 km at GEO; up to 1.6e-8 km seen over 1975–2025.
 */
const LAGRANGE_EOP_TOL_KM = 3e-8;

// The bundled EOP ends in 2027; 'hold' carries its end values to 2030 (the property is about
// the interpolation, not the EOP).
const HOLD = {
  timeData: {
    leapSeconds: DEFAULT_TIME_DATA.leapSeconds,
    eop: DEFAULT_TIME_DATA.eop.withOptions({ extrapolation: 'hold' }),
  },
} as const;

/** MJD of 1980-01-01 and of 2030-12-31. */
const MJD_1980 = 44239;
const MJD_2030_END = 62866;
const epoch1980To2030 = fc
  .tuple(
    fc.integer({ min: MJD_1980, max: MJD_2030_END }),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  )
  .map(([day, fraction]) => Epoch.fromMjd(day, fraction, 'UTC'));
const frameArb = fc.constantFrom<FrameId>(...FRAME_IDS);
const unitVector = fc
  .tuple(
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
  )
  .filter(([x, y, z]) => Math.hypot(x, y, z) > 0.1)
  .map(([x, y, z]) => {
    const n = Math.hypot(x, y, z);
    return [x / n, y / n, z / n] as const;
  });

type Vec3 = readonly [number, number, number];

function scale(v: readonly number[], k: number): [number, number, number] {
  return [v[0]! * k, v[1]! * k, v[2]! * k];
}

function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/** Angle of the rotation A Bᵀ, from its antisymmetric part (small angles), rad. */
function rotationDifferenceRad(a: readonly number[], b: readonly number[]): number {
  const d = (i: number, j: number) =>
    a[3 * i]! * b[3 * j]! + a[3 * i + 1]! * b[3 * j + 1]! + a[3 * i + 2]! * b[3 * j + 2]!;
  return 0.5 * Math.hypot(d(2, 1) - d(1, 2), d(0, 2) - d(2, 0), d(1, 0) - d(0, 1));
}

function maxAbsDifference(a: readonly number[], b: readonly number[]): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k]! - b[k]!));
  return m;
}

function sameBits(a: FrameTransform, b: FrameTransform): boolean {
  for (let k = 0; k < 9; k++) {
    if (!Object.is(a.rotation[k], b.rotation[k])) return false;
    if (!Object.is(a.rotationRate[k], b.rotationRate[k])) return false;
  }
  return true;
}

/** A GEO-like state per offset: positions on a circle of GEO radius, circular velocities. */
function geoStates(count: number): Float64Array {
  const states = new Float64Array(6 * count);
  for (let i = 0; i < count; i++) {
    const a = 0.37 * i;
    states.set(
      [
        GEO_RADIUS_KM * Math.cos(a),
        GEO_RADIUS_KM * Math.sin(a),
        100 * Math.sin(3 * a),
        -GEO_SPEED_KM_S * Math.sin(a),
        GEO_SPEED_KM_S * Math.cos(a),
        0.001,
      ],
      6 * i,
    );
  }
  return states;
}

/** at(epoch) applied to state i of `states`, as transformPositionVelocity does. */
function atState(x: FrameTransform, states: Float64Array, i: number) {
  const s = Array.from(states.subarray(6 * i, 6 * i + 6));
  return transformPositionVelocity(x, [s[0]!, s[1]!, s[2]!], [s[3]!, s[4]!, s[5]!]);
}

/** Largest position and velocity differences between two batch outputs. */
function batchDifference(a: Float64Array, b: Float64Array): { km: number; kmS: number } {
  let km = 0;
  let kmS = 0;
  for (let o = 0; o < a.length; o += 6) {
    km = Math.max(km, distance(a.subarray(o, o + 3), b.subarray(o, o + 3)));
    kmS = Math.max(kmS, distance(a.subarray(o + 3, o + 6), b.subarray(o + 3, o + 6)));
  }
  return { km, kmS };
}

describe('createInterpolatedTransform against frameTransform', () => {
  it('GCRF → ITRF agrees within 4e-15 rad, 2e-10 km at GEO and 5e-17 /s at 2000 epochs 1980–2030', () => {
    const epochs = fc.sample(epoch1980To2030, { seed: 20_261_124, numRuns: 2000 });
    const interpolated = createInterpolatedTransform('GCRF', 'ITRF', HOLD);
    const directions: Vec3[] = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [0.6, -0.48, 0.64],
    ];
    let worstRad = 0;
    let worstKm = 0;
    let worstRate = 0;
    for (const epoch of epochs) {
      const exact = frameTransform('GCRF', 'ITRF', epoch, HOLD);
      const fast = interpolated.at(epoch);
      worstRad = Math.max(worstRad, rotationDifferenceRad(fast.rotation, exact.rotation));
      worstRate = Math.max(worstRate, maxAbsDifference(fast.rotationRate, exact.rotationRate));
      for (const u of directions) {
        const r = scale(u, GEO_RADIUS_KM);
        const a = transformPositionVelocity(fast, r, [0, 0, 0]).positionKm;
        const b = transformPositionVelocity(exact, r, [0, 0, 0]).positionKm;
        worstKm = Math.max(worstKm, distance(a, b));
      }
    }
    expect(worstRad).toBeLessThanOrEqual(ROTATION_TOL_RAD);
    expect(worstKm).toBeLessThanOrEqual(GEO_POSITION_TOL_KM);
    expect(worstRate).toBeLessThanOrEqual(RATE_TOL_PER_S);
  });

  it('every frame pair, chain and velocity convention agrees with frameTransform (property, 1980–2030)', () => {
    fc.assert(
      fc.property(
        epoch1980To2030,
        frameArb,
        frameArb,
        fc.constantFrom<'CIO' | 'FK5'>('CIO', 'FK5'),
        fc.constantFrom<'full' | 'earthRotation'>('full', 'earthRotation'),
        unitVector,
        (epoch, from, to, itrfChain, velocity, u) => {
          const options: InterpolatedTransformOptions = { ...HOLD, itrfChain, velocity };
          const exact = frameTransform(from, to, epoch, options);
          const fast = createInterpolatedTransform(from, to, options).at(epoch);
          expect(rotationDifferenceRad(fast.rotation, exact.rotation)).toBeLessThanOrEqual(
            ROTATION_TOL_RAD,
          );
          expect(maxAbsDifference(fast.rotationRate, exact.rotationRate)).toBeLessThanOrEqual(
            RATE_TOL_PER_S,
          );
          const r = scale(u, GEO_RADIUS_KM);
          const a = transformPositionVelocity(fast, r, [0, 0, 0]).positionKm;
          const b = transformPositionVelocity(exact, r, [0, 0, 0]).positionKm;
          expect(distance(a, b)).toBeLessThanOrEqual(GEO_POSITION_TOL_KM);
        },
      ),
      FC_PARAMS,
    );
  });

  it('applies the EOP celestial pole offsets dX, dY, and leaves them out on request', () => {
    const epoch = Epoch.fromIso('2019-06-01T03:00:00', 'UTC');
    for (const celestialPoleOffsets of [true, false]) {
      const options = { timeData: DEFAULT_TIME_DATA, celestialPoleOffsets };
      const exact = frameTransform('GCRF', 'CIRS', epoch, options);
      const fast = createInterpolatedTransform('GCRF', 'CIRS', options).at(epoch);
      expect(rotationDifferenceRad(fast.rotation, exact.rotation)).toBeLessThanOrEqual(
        ROTATION_TOL_RAD,
      );
    }
    // The offsets of 2019 are ~0.1–0.3 mas: far above the tolerance, so the check above sees them.
    const on = frameTransform('GCRF', 'CIRS', epoch, { timeData: DEFAULT_TIME_DATA });
    const off = frameTransform('GCRF', 'CIRS', epoch, {
      timeData: DEFAULT_TIME_DATA,
      celestialPoleOffsets: false,
    });
    expect(rotationDifferenceRad(on.rotation, off.rotation)).toBeGreaterThan(
      100 * ROTATION_TOL_RAD,
    );
  });
});

describe('results do not depend on the order of the queries', () => {
  const a = Epoch.fromIso('2021-05-17T01:23:45.678', 'UTC');
  // One interval later (sharing 7 of the 8 nodes) and years away.
  const neighbours = [a.plusSeconds(PRECESSION_NUTATION_NODE_SPACING_S), a.plusSeconds(3.1e8)];

  for (const pair of [
    ['GCRF', 'ITRF'],
    ['TEME', 'ITRF'],
    ['MOD', 'TOD_IAU2006'],
  ] as const) {
    it(`${pair[0]} → ${pair[1]}: A then B gives bitwise the same A as B then A`, () => {
      for (const b of neighbours) {
        const first = createInterpolatedTransform(pair[0], pair[1], HOLD);
        const second = createInterpolatedTransform(pair[0], pair[1], HOLD);
        const aFirst = first.at(a);
        const bFirst = first.at(b);
        const bSecond = second.at(b);
        const aSecond = second.at(a);
        expect(sameBits(aFirst, aSecond)).toBe(true);
        expect(sameBits(bFirst, bSecond)).toBe(true);
      }
    });
  }

  it('a batch gives each state bitwise the same result in reversed order', () => {
    const start = Epoch.fromIso('2022-02-02T00:00:00', 'UTC');
    const count = 500;
    const offsets = Float64Array.from({ length: count }, (_, i) => i * 1234.5 - 2e5);
    const reversed = offsets.slice().reverse();
    const states = geoStates(count);
    const reversedStates = new Float64Array(6 * count);
    for (let i = 0; i < count; i++) {
      reversedStates.set(states.subarray(6 * i, 6 * i + 6), 6 * (count - 1 - i));
    }
    for (const [from, to] of [
      ['GCRF', 'ITRF'],
      ['ITRF', 'TEME'],
    ] as const) {
      const forward = createInterpolatedTransform(from, to, HOLD).transformBatchInto(
        new Float64Array(6 * count),
        { start, offsetsS: offsets },
        states,
      );
      const backward = createInterpolatedTransform(from, to, HOLD).transformBatchInto(
        new Float64Array(6 * count),
        { start, offsetsS: reversed },
        reversedStates,
      );
      for (let i = 0; i < count; i++) {
        for (let k = 0; k < 6; k++) {
          expect(Object.is(forward[6 * i + k], backward[6 * (count - 1 - i) + k])).toBe(true);
        }
      }
    }
  });

  it('gives bitwise the same result after its memo has been emptied and refilled', () => {
    // 4200 intervals of 4 h exceed the memo (4096 intervals), which is then emptied.
    const options = { celestialPoleOffsets: false };
    const transform = createInterpolatedTransform('GCRF', 'CIRS', options);
    const a = Epoch.fromIso('2003-09-09T09:09:09', 'UTC');
    const before = transform.at(a);
    const count = 4200;
    const offsetsS = Float64Array.from(
      { length: count },
      (_, i) => (i + 1) * PRECESSION_NUTATION_NODE_SPACING_S,
    );
    transform.transformBatchInto(
      new Float64Array(6 * count),
      { start: a, offsetsS },
      geoStates(count),
    );
    expect(sameBits(transform.at(a), before)).toBe(true);
    expect(sameBits(createInterpolatedTransform('GCRF', 'CIRS', options).at(a), before)).toBe(true);
  });
});

describe('transformBatchInto', () => {
  const start = Epoch.fromIso('2018-07-04T10:00:00', 'UTC');
  const count = 400;
  // Both sides of the start, over about a week, at uneven steps.
  const offsetsS = Float64Array.from({ length: count }, (_, i) => (i - 100) * 1517.25);
  const epochs = Array.from(offsetsS, (d) => start.plusSeconds(d));
  const states = geoStates(count);
  const pairs: readonly (readonly [FrameId, FrameId])[] = [
    ['GCRF', 'ITRF'],
    ['ITRF', 'GCRF'],
    ['CIRS', 'TIRS'],
    ['TIRS', 'GCRF'],
    ['GCRF', 'CIRS'],
    ['TEME', 'ITRF'],
    ['ITRF', 'TEME'],
    ['EME2000', 'PEF'],
    ['TOD_IAU2006', 'MOD'],
  ];
  const optionSets: readonly [string, InterpolatedTransformOptions][] = [
    ['bundled EOP', { timeData: DEFAULT_TIME_DATA }],
    ["velocity 'earthRotation'", { timeData: DEFAULT_TIME_DATA, velocity: 'earthRotation' }],
    ["itrfChain 'FK5'", { timeData: DEFAULT_TIME_DATA, itrfChain: 'FK5' }],
    [
      'fixed EOP',
      {
        eop: {
          ut1MinusUtcS: -0.2,
          xpRad: 1e-6,
          ypRad: 2e-6,
          lodS: 0.001,
          dXRad: 5e-10,
          dYRad: -5e-10,
        },
      },
    ],
  ];

  for (const [label, options] of optionSets) {
    it(`an Epoch[] batch equals at() state by state within 1e-10 km and 1e-13 km/s (${label})`, () => {
      for (const [from, to] of pairs) {
        const transform = createInterpolatedTransform(from, to, options);
        const out = transform.transformBatchInto(new Float64Array(6 * count), epochs, states);
        for (let i = 0; i < count; i += 7) {
          const expected = atState(transform.at(epochs[i]!), states, i);
          expect(distance(out.subarray(6 * i, 6 * i + 3), expected.positionKm)).toBeLessThanOrEqual(
            STEPWISE_TOL_KM,
          );
          expect(
            distance(out.subarray(6 * i + 3, 6 * i + 6), expected.velocityKmS),
          ).toBeLessThanOrEqual(STEPWISE_TOL_KM_S);
        }
      }
    });

    it(`a start + offsets batch equals the Epoch[] batch within 1e-8 km and 1e-12 km/s (${label})`, () => {
      for (const [from, to] of pairs) {
        const transform = createInterpolatedTransform(from, to, options);
        const fast = transform.transformBatchInto(
          new Float64Array(6 * count),
          { start, offsetsS },
          states,
        );
        const slow = transform.transformBatchInto(new Float64Array(6 * count), epochs, states);
        const d = batchDifference(fast, slow);
        expect(d.km).toBeLessThanOrEqual(OFFSETS_TOL_KM);
        expect(d.kmS).toBeLessThanOrEqual(OFFSETS_TOL_KM_S);
      }
    });
  }

  it('agrees with frameTransform state by state (GCRF → ITRF, start + offsets)', () => {
    const options = { timeData: DEFAULT_TIME_DATA };
    const out = createInterpolatedTransform('GCRF', 'ITRF', options).transformBatchInto(
      new Float64Array(6 * count),
      { start, offsetsS },
      states,
    );
    for (let i = 0; i < count; i += 13) {
      const expected = atState(frameTransform('GCRF', 'ITRF', epochs[i]!, options), states, i);
      expect(distance(out.subarray(6 * i, 6 * i + 3), expected.positionKm)).toBeLessThanOrEqual(
        OFFSETS_TOL_KM,
      );
      expect(
        distance(out.subarray(6 * i + 3, 6 * i + 6), expected.velocityKmS),
      ).toBeLessThanOrEqual(OFFSETS_TOL_KM_S);
    }
  });

  it('handles offsets across the leap second of 2016-12-31', () => {
    const before = Epoch.fromIso('2016-12-31T18:00:00', 'UTC');
    const offsets = Float64Array.from({ length: 200 }, (_, i) => i * 431.7);
    const around = Array.from(offsets, (d) => before.plusSeconds(d));
    const geo = geoStates(200);
    const transform = createInterpolatedTransform('GCRF', 'ITRF', { timeData: DEFAULT_TIME_DATA });
    const fast = transform.transformBatchInto(
      new Float64Array(1200),
      { start: before, offsetsS: offsets },
      geo,
    );
    const slow = transform.transformBatchInto(new Float64Array(1200), around, geo);
    const d = batchDifference(fast, slow);
    expect(d.km).toBeLessThanOrEqual(OFFSETS_TOL_KM);
    expect(d.kmS).toBeLessThanOrEqual(OFFSETS_TOL_KM_S);
  });

  it('reads a Lagrange-interpolated EOP table within 3e-8 km at GEO', () => {
    const lagrange = {
      timeData: {
        leapSeconds: DEFAULT_TIME_DATA.leapSeconds,
        eop: DEFAULT_TIME_DATA.eop.withOptions({ interpolation: 'lagrange' }),
      },
    };
    const offsets = Float64Array.from({ length: 600 }, (_, i) => i * 2011.3);
    const geo = geoStates(600);
    for (const iso of ['1988-03-01T00:00:00', '2005-10-10T00:00:00', '2023-01-15T00:00:00']) {
      const t0 = Epoch.fromIso(iso, 'UTC');
      const transform = createInterpolatedTransform('GCRF', 'ITRF', lagrange);
      const fast = transform.transformBatchInto(
        new Float64Array(3600),
        { start: t0, offsetsS: offsets },
        geo,
      );
      const exact = transform.transformBatchInto(
        new Float64Array(3600),
        Array.from(offsets, (d) => t0.plusSeconds(d)),
        geo,
      );
      expect(batchDifference(fast, exact).km).toBeLessThanOrEqual(LAGRANGE_EOP_TOL_KM);
    }
  });

  it('may write over its input (out === states)', () => {
    const transform = createInterpolatedTransform('GCRF', 'ITRF', { timeData: DEFAULT_TIME_DATA });
    const expected = transform.transformBatchInto(
      new Float64Array(6 * count),
      { start, offsetsS },
      states,
    );
    const inPlace = states.slice();
    transform.transformBatchInto(inPlace, { start, offsetsS }, inPlace);
    expect(Array.from(inPlace)).toEqual(Array.from(expected));
  });

  it('does not modify its inputs', () => {
    const copy = states.slice();
    const offsetsCopy = offsetsS.slice();
    createInterpolatedTransform('ITRF', 'TEME', { timeData: DEFAULT_TIME_DATA }).transformBatchInto(
      new Float64Array(6 * count),
      { start, offsetsS },
      states,
    );
    expect(Array.from(states)).toEqual(Array.from(copy));
    expect(Array.from(offsetsS)).toEqual(Array.from(offsetsCopy));
  });
});

describe('errors', () => {
  const t = Epoch.fromIso('2020-01-01T00:00:00', 'UTC');

  it('rejects an unknown frame', () => {
    expect(() => createInterpolatedTransform('ECI' as FrameId, 'ITRF')).toThrow(
      InvalidArgumentError,
    );
  });

  it('rejects states whose length is not 6 per epoch, and a short output', () => {
    const transform = createInterpolatedTransform('GCRF', 'ITRF');
    expect(() =>
      transform.transformBatchInto(
        new Float64Array(12),
        { start: t, offsetsS: [0, 1] },
        new Float64Array(11),
      ),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      transform.transformBatchInto(new Float64Array(6), [t, t], new Float64Array(12)),
    ).toThrow(InvalidArgumentError);
  });

  it('rejects a non-finite offset', () => {
    const transform = createInterpolatedTransform('GCRF', 'ITRF');
    expect(() =>
      transform.transformBatchInto(
        new Float64Array(12),
        { start: t, offsetsS: [0, Number.NaN] },
        new Float64Array(12),
      ),
    ).toThrow(InvalidArgumentError);
  });

  it('throws MissingDataError when Earth orientation is needed and there is no EOP', () => {
    const noEop = { timeData: { leapSeconds: DEFAULT_TIME_DATA.leapSeconds } };
    expect(() => createInterpolatedTransform('GCRF', 'ITRF', noEop).at(t)).toThrow(
      MissingDataError,
    );
    // Celestial frames need none.
    expect(createInterpolatedTransform('GCRF', 'TEME', noEop).at(t).rotation).toHaveLength(9);
  });

  it("throws DataRangeError past the EOP table under the 'error' policy, as frameTransform", () => {
    const strict = {
      timeData: {
        leapSeconds: DEFAULT_TIME_DATA.leapSeconds,
        eop: DEFAULT_TIME_DATA.eop.withOptions({ extrapolation: 'error' }),
      },
    };
    const late = Epoch.fromIso('2045-01-01T00:00:00', 'UTC');
    expect(() => frameTransform('GCRF', 'ITRF', late, strict)).toThrow(DataRangeError);
    const transform = createInterpolatedTransform('GCRF', 'ITRF', strict);
    expect(() => transform.at(late)).toThrow(DataRangeError);
    expect(() =>
      transform.transformBatchInto(
        new Float64Array(6),
        { start: late, offsetsS: [0] },
        new Float64Array(6),
      ),
    ).toThrow(DataRangeError);
  });
});

// ---------------------------------------------------------------------------------------------

/** Vallado's example: 2004-04-06 07:51:28.386009 UTC, one state in every frame. */
const example = JSON.parse(
  readFileSync(
    new URL(
      '../reference/vallado-frames/vallado_2004-04-06_example_3-14_3-15.json',
      import.meta.url,
    ),
    'utf8',
  ),
);
const RAD_PER_ARCSEC = Math.PI / 648000;
/**
 * Vallado's printed end-to-end result of the CIO chain is checked to 1e-5 km in the fixture
 * (its "ITRF → notebook_GCRF" check: 8 printed decimals, ERFA agrees within 1 cm); Table 3-6's
 * GCRF value is held to the same bound.
 */
const VALLADO_CIO_TOL_KM = 1e-5;
/** Three single steps of 1e-9 km/s each (ITRF → TIRS → CIRS → GCRF, fixture tolerances). */
const VALLADO_CIO_TOL_KM_S = 3e-9;
/** The notebook's velocity: 8 printed decimals and no LOD term (see test/frames/vallado.test.ts). */
const VALLADO_NOTEBOOK_TOL_KM_S = 2e-8;
/** TEME → PEF and PEF → ITRF, 1e-7 km and 1e-9 km/s each in the fixture. */
const VALLADO_TEME_TOL_KM = 2e-7;
const VALLADO_TEME_TOL_KM_S = 2e-9;

describe("Vallado's 2004-04-06 example (Examples 3-14, 3-15) through the interpolated transform", () => {
  const e = example.epoch;
  const epoch = Epoch.fromIso(e.utc, 'UTC');
  // Vallado's printed JD(UT1), through the dUT1 that reproduces it (as test/frames/vallado.test.ts).
  const [utc1, utc2] = epoch.toJdParts('UTC');
  const eop = {
    ut1MinusUtcS: (e.jd_ut1 - utc1 - utc2) * 86400,
    xpRad: e.xp_arcsec * RAD_PER_ARCSEC,
    ypRad: e.yp_arcsec * RAD_PER_ARCSEC,
    lodS: e.lod_s,
    dXRad: e.dX_2000_arcsec * RAD_PER_ARCSEC,
    dYRad: e.dY_2000_arcsec * RAD_PER_ARCSEC,
    dPsi1980Rad: e.ddpsi_1980_arcsec * RAD_PER_ARCSEC,
    dEps1980Rad: e.ddeps_1980_arcsec * RAD_PER_ARCSEC,
  };
  const cases = [
    ['ITRF', 'GCRF_iau2006_cio_with_dX_dY', 'CIO', VALLADO_CIO_TOL_KM, VALLADO_CIO_TOL_KM_S],
    [
      'ITRF',
      'notebook_GCRF_iau2006_cio_with_dX_dY',
      'CIO',
      VALLADO_CIO_TOL_KM,
      VALLADO_NOTEBOOK_TOL_KM_S,
    ],
    ['TEME', 'ITRF', 'FK5', VALLADO_TEME_TOL_KM, VALLADO_TEME_TOL_KM_S],
  ] as const;
  const frameOf = (name: string): FrameId => (name.includes('GCRF') ? 'GCRF' : (name as FrameId));

  for (const [a, b, itrfChain, tolKm, tolKmS] of cases) {
    for (const [fromName, toName] of [
      [a, b],
      [b, a],
    ] as const) {
      it(`${fromName} → ${toName} within ${tolKm} km and ${tolKmS} km/s (at, Epoch[] and offsets batches)`, () => {
        const options: InterpolatedTransformOptions = { eop, velocity: 'earthRotation', itrfChain };
        const transform = createInterpolatedTransform(frameOf(fromName), frameOf(toName), options);
        const from = example.states[fromName];
        const to = example.states[toName];
        const state = Float64Array.from([...from.r_km, ...from.v_kms]);
        const outputs = [
          atState(transform.at(epoch), state, 0),
          transform.transformBatchInto(new Float64Array(6), [epoch], state),
          transform.transformBatchInto(new Float64Array(6), { start: epoch, offsetsS: [0] }, state),
        ].map((o) =>
          o instanceof Float64Array
            ? { positionKm: Array.from(o.subarray(0, 3)), velocityKmS: Array.from(o.subarray(3)) }
            : o,
        );
        for (const out of outputs) {
          expect(distance(out.positionKm, to.r_km)).toBeLessThanOrEqual(tolKm);
          expect(distance(out.velocityKmS, to.v_kms)).toBeLessThanOrEqual(tolKmS);
        }
      });
    }
  }
});
