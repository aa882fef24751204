import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GravityField, parseIcgem } from '../../../src/propagation/forces';
import { SphericalHarmonicKernel } from '../../../src/propagation/forces/gravity/sphericalHarmonicKernel';
import { FC_PARAMS } from '../../arbitraries';

const DIR = new URL('../../reference/gravity/', import.meta.url);
const EGM2008_TEXT = readFileSync(new URL('EGM2008_120.gfc', DIR), 'utf8');
const EGM2008 = parseIcgem(EGM2008_TEXT, { maxDegree: 70 });

/**
 * Fast path against the independent reference, relative to |a|: both sum the same ~2,600
 * terms in a different order and normalisation, so they differ by rounding (the largest term,
 * the central one, is |a| itself; measured worst case over 300 points: 4.7e-15 at 70×70,
 * 1.8e-15 at 20×20).
 */
const REFERENCE_REL = 1e-13;
/**
 * Acceleration of the gradient pass against the acceleration-only pass, relative to |a|
 * (different summation order; measured worst case 4.3e-15 at 70×70).
 */
const PASSES_REL = 1e-14;
/**
 * Gradient against central differences of the reference acceleration (step 1e-3 km), relative
 * to the largest entry: the difference's truncation (h²/6 · ∂³a) and rounding (ε|a|/h) errors
 * are ~1e-8 of the gradient (measured worst case 9.3e-9 over 100 points), ten times below this
 * bound, itself ten times below the 1e-6 of the STM checks.
 */
const GRADIENT_FD_REL = 1e-7;
const FD_STEP_KM = 1e-3;

/**
 * The acceleration by Cunningham's recursion of the unnormalised solid harmonics Vnm, Wnm,
 * written from Montenbruck & Gill (2000), eqs. 3.31–3.33, as the book gives it (unnormalised
 * coefficients, one triangle of V and W per call): an implementation independent of the
 * kernel's normalised, weight-folded one.
 */
function referenceAcceleration(
  field: GravityField,
  degree: number,
  order: number,
  r: readonly number[],
): number[] {
  const [x, y, z] = r as [number, number, number];
  const R = field.referenceRadiusKm;
  const r2 = x * x + y * y + z * z;
  const top = degree + 1;
  const V: number[][] = [];
  const W: number[][] = [];
  for (let n = 0; n <= top; n++) {
    V.push(new Array(n + 1).fill(0));
    W.push(new Array(n + 1).fill(0));
  }
  const x0 = (x * R) / r2;
  const y0 = (y * R) / r2;
  const z0 = (z * R) / r2;
  const rho = (R * R) / r2;
  V[0]![0] = R / Math.sqrt(r2);
  for (let m = 0; m <= top; m++) {
    if (m > 0) {
      // eq. 3.31: sectorials
      const v = V[m - 1]![m - 1]!;
      const w = W[m - 1]![m - 1]!;
      V[m]![m] = (2 * m - 1) * (x0 * v - y0 * w);
      W[m]![m] = (2 * m - 1) * (x0 * w + y0 * v);
    }
    // eq. 3.30: down the column
    for (let n = m + 1; n <= top; n++) {
      const v2 = n - 2 >= m ? V[n - 2]![m]! : 0;
      const w2 = n - 2 >= m ? W[n - 2]![m]! : 0;
      V[n]![m] = ((2 * n - 1) * z0 * V[n - 1]![m]! - (n + m - 1) * rho * v2) / (n - m);
      W[n]![m] = ((2 * n - 1) * z0 * W[n - 1]![m]! - (n + m - 1) * rho * w2) / (n - m);
    }
  }
  let ax = 0;
  let ay = 0;
  let az = 0;
  for (let n = 0; n <= degree; n++) {
    for (let m = 0; m <= Math.min(n, order); m++) {
      const C = field.unnormalizedC(n, m);
      const S = field.unnormalizedS(n, m);
      // eq. 3.33
      if (m === 0) {
        ax -= C * V[n + 1]![1]!;
        ay -= C * W[n + 1]![1]!;
      } else {
        let f = 1;
        for (let k = n - m + 1; k <= n - m + 2; k++) f *= k;
        ax +=
          0.5 *
          (-C * V[n + 1]![m + 1]! -
            S * W[n + 1]![m + 1]! +
            f * (C * V[n + 1]![m - 1]! + S * W[n + 1]![m - 1]!));
        ay +=
          0.5 *
          (-C * W[n + 1]![m + 1]! +
            S * V[n + 1]![m + 1]! +
            f * (-C * W[n + 1]![m - 1]! + S * V[n + 1]![m - 1]!));
      }
      az += (n - m + 1) * (-C * V[n + 1]![m]! - S * W[n + 1]![m]!);
    }
  }
  const scale = field.gmKm3S2 / (R * R);
  return [ax * scale, ay * scale, az * scale];
}

/** Positions from 6,500 to 60,000 km in any direction, poles included. */
const position = fc
  .tuple(
    fc.double({ min: 6500, max: 60000, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
  )
  .map(([r, sinLat, lon]) => {
    const cosLat = Math.sqrt(1 - sinLat * sinLat);
    return [r * cosLat * Math.cos(lon), r * cosLat * Math.sin(lon), r * sinLat];
  });

const norm = (a: ArrayLike<number>) => Math.hypot(a[0]!, a[1]!, a[2]!);

describe('the kernel against an independent implementation of Montenbruck & Gill eq. 3.33', () => {
  it('runs its column sums in WebAssembly on Node, and in JavaScript when asked', () => {
    expect(new SphericalHarmonicKernel(EGM2008, 8, 8, true).engine).toBe('wasm');
    expect(new SphericalHarmonicKernel(EGM2008, 8, 8, true, 'js').engine).toBe('js');
  });

  for (const [degree, order, engine] of [
    [8, 8, 'auto'],
    [20, 20, 'auto'],
    [36, 12, 'auto'],
    [70, 70, 'auto'],
    [2, 0, 'auto'],
    [3, 1, 'auto'],
    [8, 8, 'js'],
    [36, 12, 'js'],
    [70, 70, 'js'],
  ] as const) {
    const fast = new SphericalHarmonicKernel(EGM2008, degree, order, false, engine);
    const full = new SphericalHarmonicKernel(EGM2008, degree, order, true, engine);
    it(`${degree}×${order} (${fast.engine}): acceleration-only pass and gradient pass agree with it to rounding`, () => {
      const a = new Float64Array(3);
      const b = new Float64Array(3);
      const g = new Float64Array(9);
      fc.assert(
        fc.property(position, (r) => {
          fast.accelerationInto(a, r[0]!, r[1]!, r[2]!);
          full.accelerationGradientInto(b, g, r[0]!, r[1]!, r[2]!);
          const ref = referenceAcceleration(EGM2008, degree, order, r);
          const scale = norm(ref);
          for (let i = 0; i < 3; i++) {
            expect(Math.abs(a[i]! - ref[i]!)).toBeLessThanOrEqual(REFERENCE_REL * scale);
            expect(Math.abs(b[i]! - a[i]!)).toBeLessThanOrEqual(PASSES_REL * scale);
          }
        }),
        { ...FC_PARAMS, numRuns: Math.min(FC_PARAMS.numRuns, degree > 36 ? 40 : 100) },
      );
    });
  }

  it('120×120 (the whole EGM2008 file), down to 6,500 km and over the poles: the two passes agree to rounding and the gradient with central differences', () => {
    // The unnormalised reference overflows at this degree (Vnm grows like (2n − 1)!!), so the
    // check is the agreement of the two passes and of the gradient with the acceleration.
    const field = parseIcgem(EGM2008_TEXT);
    const fast = new SphericalHarmonicKernel(field, 120, 120, false);
    const full = new SphericalHarmonicKernel(field, 120, 120, true);
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    const g = new Float64Array(9);
    const ap = new Float64Array(3);
    const am = new Float64Array(3);
    fc.assert(
      fc.property(position, (r) => {
        fast.accelerationInto(a, r[0]!, r[1]!, r[2]!);
        full.accelerationGradientInto(b, g, r[0]!, r[1]!, r[2]!);
        const scale = norm(a);
        for (let i = 0; i < 3; i++) {
          expect(Math.abs(b[i]! - a[i]!)).toBeLessThanOrEqual(PASSES_REL * scale);
        }
        let largest = 0;
        for (let i = 0; i < 9; i++) largest = Math.max(largest, Math.abs(g[i]!));
        for (let j = 0; j < 3; j++) {
          const rp = [...r];
          const rm = [...r];
          rp[j]! += FD_STEP_KM;
          rm[j]! -= FD_STEP_KM;
          fast.accelerationInto(ap, rp[0]!, rp[1]!, rp[2]!);
          fast.accelerationInto(am, rm[0]!, rm[1]!, rm[2]!);
          for (let i = 0; i < 3; i++) {
            const fd = (ap[i]! - am[i]!) / (2 * FD_STEP_KM);
            expect(Math.abs(g[3 * i + j]! - fd)).toBeLessThanOrEqual(GRADIENT_FD_REL * largest);
          }
        }
      }),
      { ...FC_PARAMS, numRuns: Math.min(FC_PARAMS.numRuns, 30) },
    );
  });

  it('20×20: the gradient matches central differences of the reference acceleration', () => {
    const kernel = new SphericalHarmonicKernel(EGM2008, 20, 20, true);
    const a = new Float64Array(3);
    const g = new Float64Array(9);
    fc.assert(
      fc.property(position, (r) => {
        kernel.accelerationGradientInto(a, g, r[0]!, r[1]!, r[2]!);
        let largest = 0;
        for (let i = 0; i < 9; i++) largest = Math.max(largest, Math.abs(g[i]!));
        for (let j = 0; j < 3; j++) {
          const rp = [...r];
          const rm = [...r];
          rp[j]! += FD_STEP_KM;
          rm[j]! -= FD_STEP_KM;
          const ap = referenceAcceleration(EGM2008, 20, 20, rp);
          const am = referenceAcceleration(EGM2008, 20, 20, rm);
          for (let i = 0; i < 3; i++) {
            const fd = (ap[i]! - am[i]!) / (2 * FD_STEP_KM);
            expect(Math.abs(g[3 * i + j]! - fd)).toBeLessThanOrEqual(GRADIENT_FD_REL * largest);
          }
        }
      }),
      { ...FC_PARAMS, numRuns: Math.min(FC_PARAMS.numRuns, 100) },
    );
  });
});
