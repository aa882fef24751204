import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChebyshevSegment } from '../../src/bodies/spk/chebyshevSegment';
import { addChebyshevType2StateInto } from '../../src/bodies/spk/chebyshevType2';
import { addChebyshevType3StateInto } from '../../src/bodies/spk/chebyshevType3';
import { SpkKernel } from '../../src/bodies/spk/spkKernel';
import { DataFormatError, DataRangeError, FrameMismatchError } from '../../src/errors';
import { FC_PARAMS } from '../arbitraries';
import { buildSpk, type SyntheticSegment } from './spkBuilder';

/**
 * Chebyshev sums of up to 16 coefficients of magnitude ≤ 1000 km, compared with the closed
 * forms Tₖ(s) = cos kθ and T′ₖ(s) = k sin kθ / sin θ (s = cos θ): each term is exact to a
 * few ulps of 1000 km (≈ 1e-13 km), and T′ₖ reaches k² = 225 near s = ±1, so the derivative
 * sums carry ≈ 225 · 16 · 1000 · 2e-16 ≈ 1e-9 km per unit of s.
 */
const SUM_TOL_KM = 1e-10;
const DERIVATIVE_TOL_KM = 2e-9;

/** Σ cₖ Tₖ(s) and Σ cₖ T′ₖ(s) by the trigonometric closed forms. */
function closedForm(c: readonly number[], s: number): [number, number] {
  const theta = Math.acos(s);
  let value = 0;
  let slope = 0;
  for (let k = 0; k < c.length; k++) {
    value += c[k]! * Math.cos(k * theta);
    slope += (c[k]! * k * Math.sin(k * theta)) / Math.sin(theta);
  }
  return [value, slope];
}

const coefficients = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), {
  minLength: 1,
  maxLength: 16,
});

describe('Chebyshev records', () => {
  it('type 2 gives Σ cₖ Tₖ(s) and its time derivative Σ cₖ T′ₖ(s) / RADIUS', () => {
    fc.assert(
      fc.property(
        fc
          .tuple(coefficients, coefficients, coefficients)
          .filter(([a, b, c]) => a.length === b.length && b.length === c.length),
        fc.double({ min: -0.999, max: 0.999, noNaN: true }),
        ([cx, cy, cz], s) => {
          const mid = 1000;
          const radius = 500;
          const data = new Float64Array([
            mid,
            radius,
            ...cx,
            ...cy,
            ...cz,
            500,
            1000,
            2 + 3 * cx.length,
            1,
          ]);
          const segment = readChebyshevSegment(data, 2, 'synthetic', 'summary 1');
          const out = [0, 0, 0, 0, 0, 0];
          addChebyshevType2StateInto(out, 1, segment, mid + s * radius, 0);
          [cx, cy, cz].forEach((c, i) => {
            const [value, slope] = closedForm(c, s);
            expect(Math.abs(out[i]! - value)).toBeLessThanOrEqual(SUM_TOL_KM);
            expect(Math.abs(out[3 + i]! * radius - slope)).toBeLessThanOrEqual(DERIVATIVE_TOL_KM);
          });
        },
      ),
      FC_PARAMS,
    );
  });

  it('type 3 takes the velocity from its own coefficients and subtracts with sign −1', () => {
    const n = 3;
    // x = 1 + 2s + 3T₂, …; velocity series 10, 20, 30 … unrelated to the position's.
    const record = [100, 50, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0, 20, 0, 0, 30, 0, 0];
    const data = new Float64Array([...record, 50, 100, 2 + 6 * n, 1]);
    const segment = readChebyshevSegment(data, 3, 'synthetic', 'summary 1');
    const out = [1, 1, 1, 1, 1, 1];
    addChebyshevType3StateInto(out, -1, segment, 125, 0); // s = 0.5, T₂ = −0.5
    expect(out).toEqual([1 - (1 + 1 - 1.5), 1 - (4 + 2.5 - 3), 1 - (7 + 4 - 4.5), -9, -19, -29]);
  });

  it('picks ⌊(t − INIT)/INTLEN⌋ and keeps the last record for the end of coverage', () => {
    // Two records of constant position 1 and 2 km.
    const data = new Float64Array([50, 50, 1, 0, 0, 150, 50, 2, 0, 0, 0, 100, 5, 2]);
    const segment = readChebyshevSegment(data, 2, 'synthetic', 'summary 1');
    const at = (t: number) => {
      const out = [0, 0, 0, 0, 0, 0];
      addChebyshevType2StateInto(out, 1, segment, t, 0);
      return out[0];
    };
    expect([at(0), at(99.999), at(100), at(200)]).toEqual([1, 1, 2, 2]);
  });

  it('rejects a trailer that does not describe the segment', () => {
    const ok = [50, 50, 1, 0, 0, 0, 100, 5, 1];
    expect(() => readChebyshevSegment(new Float64Array(ok), 3, 's', 'w')).toThrow(DataFormatError);
    expect(() =>
      readChebyshevSegment(new Float64Array([50, 0, 1, 0, 0, 0, 100, 5, 1]), 2, 's', 'w'),
    ).toThrow(/radius 0 s/);
    expect(() =>
      readChebyshevSegment(new Float64Array([50, 50, 1, 0, 0, 0, 0, 5, 1]), 2, 's', 'w'),
    ).toThrow(/INTLEN = 0 s/);
    expect(() => readChebyshevSegment(new Float64Array([1, 2]), 2, 's', 'w')).toThrow(
      /cannot hold the 4-word trailer/,
    );
  });
});

/** A constant-position type 2 segment. */
function constant(
  target: number,
  center: number,
  km: readonly [number, number, number],
  extra: Partial<SyntheticSegment> = {},
): SyntheticSegment {
  return {
    target,
    center,
    type: 2,
    startS: 0,
    endS: 100,
    initS: 0,
    intervalS: 100,
    records: [[50, 50, km[0], km[1], km[2]]],
    ...extra,
  };
}

describe('SpkKernel on synthetic files', () => {
  it('chains a type 3 and a type 2 segment and differentiates the type 2 one', () => {
    const bytes = buildSpk([
      {
        target: 1000,
        center: 0,
        type: 3,
        startS: 0,
        endS: 100,
        initS: 0,
        intervalS: 100,
        // Degree 1: x = 10 + 4s km, vx = 0.08 km/s (consistent: 4 km / 50 s).
        records: [[50, 50, 10, 4, 0, 0, 0, 0, 0.08, 0, 0, 0, 0, 0]],
      },
      {
        target: 1001,
        center: 1000,
        type: 2,
        startS: 0,
        endS: 100,
        initS: 0,
        intervalS: 100,
        // y = 3 + 5s + 2T₂(s): at s = 0.2, T₂ = −0.92, y = 2.16 km; dy/dt = (5 + 8s)/50.
        records: [[50, 50, 0, 0, 0, 3, 5, 2, 0, 0, 0]],
      },
    ]);
    const kernel = SpkKernel.fromBytes(bytes, { source: 'synthetic.bsp' });
    expect(kernel.segments.map((s) => s.type)).toEqual([3, 2]);
    const state = kernel.state(1001, 0, 60);
    expect(state.positionKm[0]).toBeCloseTo(10.8, 13);
    expect(state.positionKm[1]).toBeCloseTo(2.16, 13);
    expect(state.velocityKmS[0]).toBeCloseTo(0.08, 15);
    expect(state.velocityKmS[1]).toBeCloseTo((5 + 8 * 0.2) / 50, 15);
  });

  it('lets later segments override earlier ones, as SPICE does', () => {
    const bytes = buildSpk([
      constant(1000, 0, [1, 0, 0]),
      constant(1000, 0, [2, 0, 0], { startS: 40, endS: 60 }),
    ]);
    const kernel = SpkKernel.fromBytes(bytes);
    expect(kernel.state(1000, 0, 30).positionKm[0]).toBe(1);
    expect(kernel.state(1000, 0, 50).positionKm[0]).toBe(2);
  });

  it('reports the nearest segment when the epoch falls in a gap between segments', () => {
    const bytes = buildSpk([
      constant(1000, 0, [1, 0, 0], { endS: 30 }),
      constant(1000, 0, [1, 0, 0], { startS: 70 }),
    ]);
    const kernel = SpkKernel.fromBytes(bytes, { source: 'gap.bsp' });
    let caught: unknown;
    try {
      kernel.state(1000, 0, 60);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DataRangeError);
    const error = caught as DataRangeError;
    expect([error.first, error.last]).toEqual([2451545 + 70 / 86400, 2451545 + 100 / 86400]);
  });

  it('refuses to compose segments of different frames', () => {
    const bytes = buildSpk([
      constant(1000, 0, [1, 0, 0]),
      constant(1001, 1000, [1, 0, 0], { frame: 17 }),
    ]);
    const kernel = SpkKernel.fromBytes(bytes);
    expect(() => kernel.state(1001, 0, 10)).toThrow(FrameMismatchError);
    expect(() => kernel.state(1001, 0, 10)).toThrow(/frames differ \(ECLIPJ2000 vs J2000\)/);
    expect(kernel.state(1001, 1000, 10).positionKm).toEqual([1, 0, 0]);
  });

  it('lists a segment of another type and refuses to evaluate it', () => {
    const bytes = buildSpk([
      constant(1000, 0, [1, 0, 0]),
      { ...constant(1001, 0, [1, 0, 0]), type: 13 },
    ]);
    const kernel = SpkKernel.fromBytes(bytes, { source: 'type13.bsp' });
    expect(kernel.segments[1]?.type).toBe(13);
    expect(kernel.state(1000, 0, 10).positionKm).toEqual([1, 0, 0]);
    expect(() => kernel.state(1001, 0, 10)).toThrow(/SPK type 13 is not supported/);
  });
});
