/**
 * Tracklets and attributables: synthetic tracklets with known rates (and curvature), the
 * least-squares covariance against the closed-form variance of a straight-line fit, then
 * properties (order of the input, wrap-around at 0/2π, grouping).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RaDec } from '../../../src/od/measurements';
import { fitAttributable, groupTracklets } from '../../../src/od/tracklets';
import { Epoch } from '../../../src/time';
import { FC_PARAMS } from '../../arbitraries';

const t0 = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
const ARCSEC_RAD = Math.PI / 648000;
/**
 * Noise-free fits recover a polynomial of their own degree up to rounding: angles of ~6 rad
 * carry 1e-15 rad of rounding, amplified by the normal equations (condition ~10 after the
 * time scaling) — 1e-13 rad and 1e-15 rad/s over a 600 s tracklet.
 */
const EXACT_ANGLE_TOL_RAD = 1e-13;
const EXACT_RATE_TOL_RAD_S = 1e-15;
/** Order and offset invariance: rounding of a few sums, same bounds. */
const INVARIANCE_TOL_RAD = 1e-13;
/**
 * Rates under a rotation of all right ascensions: the shift changes the rounding of each
 * angle (1.1e-16 × 9.5 rad ≈ 1e-15 rad), which moves the slope by about 1e-15 rad × √n / √Σ(t − t̄)²
 * = 5e-18 rad/s over 600 s (measured 8.7e-19 rad/s over 3000 runs).
 */
const INVARIANCE_RATE_TOL_RAD_S = 1e-16;
/**
 * Residual RMS of a noise-free fit, in units of the 1″ σ: rounding of ~1e-15 rad (angles of a
 * few rad, condition ~10) over σ = 4.85e-6 rad, 2e-10 (measured 6.5e-12).
 */
const EXACT_RMS_SIGMA = 1e-9;
/**
 * Covariance σ² (AᵀA)⁻¹ of a well-conditioned (time-scaled, condition ~10) system of at most
 * 3 × 3 per coordinate: some 20 operations of 1.1e-16 times the condition, 2e-14 relative
 * (measured 0, and exactly equal after a rotation of the right ascensions: it depends only on
 * the times and σ).
 */
const COVARIANCE_ROUNDING_REL = 1e-13;

function point(s: number, ra: number, dec: number, sigma = ARCSEC_RAD, sensorId = 'TCA') {
  return RaDec.create({
    epoch: t0.plusSeconds(s),
    sensorId,
    rightAscensionRad: ra,
    declinationRad: dec,
    sigmaRightAscensionRad: sigma,
    sigmaDeclinationRad: sigma,
  });
}

/** A GEO-like tracklet: 6 points over 10 minutes, α̇ ≈ Earth rate, slight curvature. */
function synthetic(raStart: number, offsets = [0, 120, 240, 360, 480, 600]) {
  const raRate = 7.2921e-5;
  const decRate = -2.1e-7;
  const raAcc = 3e-12;
  return offsets.map((s) =>
    point(s, raStart + raRate * s + 0.5 * raAcc * s * s, -0.1 + decRate * s + 1e-12 * s * s),
  );
}

describe('fitAttributable on synthetic tracklets', () => {
  it('recovers α, δ and their rates at the mean epoch of a quadratic motion', () => {
    const a = fitAttributable(synthetic(1.0));
    expect(a.degree).toBe(2);
    expect(a.epoch.secondsSince(t0)).toBe(300);
    expect(
      Math.abs(a.rightAscensionRad - (1 + 7.2921e-5 * 300 + 1.5e-12 * 300 * 300)),
    ).toBeLessThan(EXACT_ANGLE_TOL_RAD);
    expect(Math.abs(a.rightAscensionRateRadS - (7.2921e-5 + 3e-12 * 300))).toBeLessThan(
      EXACT_RATE_TOL_RAD_S,
    );
    expect(Math.abs(a.declinationRad - (-0.1 - 2.1e-7 * 300 + 1e-12 * 300 * 300))).toBeLessThan(
      EXACT_ANGLE_TOL_RAD,
    );
    expect(Math.abs(a.declinationRateRadS - (-2.1e-7 + 2e-12 * 300))).toBeLessThan(
      EXACT_RATE_TOL_RAD_S,
    );
    expect(a.rmsNormalized).toBeLessThan(EXACT_RMS_SIGMA);
  });

  it('recovers a linear motion across RA = 0 (wrap-around) with degree 1', () => {
    const ms = [0, 60, 120].map((s) => point(s, 2 * Math.PI - 0.004 + 7e-5 * s, 0.2 + 1e-6 * s));
    const a = fitAttributable(ms);
    expect(a.degree).toBe(1);
    // At the mean epoch (60 s): α = 2π − 0.004 + 0.0042 = 0.0002 rad after wrapping.
    expect(Math.abs(a.rightAscensionRad - 0.0002)).toBeLessThan(EXACT_ANGLE_TOL_RAD);
    expect(Math.abs(a.rightAscensionRateRadS - 7e-5)).toBeLessThan(EXACT_RATE_TOL_RAD_S);
  });

  it('gives the closed-form covariance of a straight-line fit: σ²/n and σ²/Σ(t − t̄)²', () => {
    const offsets = [0, 100, 200, 300, 400];
    const sigma = 2 * ARCSEC_RAD;
    const ms = offsets.map((s) => point(s, 1 + 7e-5 * s, 0.1, sigma));
    const a = fitAttributable(ms, { degree: 1 });
    const sxx = offsets.reduce((s, x) => s + (x - 200) ** 2, 0);
    const c = a.covariance;
    const rel = (x: number, y: number) => Math.abs(x - y) / y;
    expect(rel(c[0]![0]!, sigma ** 2 / 5)).toBeLessThan(COVARIANCE_ROUNDING_REL);
    expect(rel(c[1]![1]!, sigma ** 2 / 5)).toBeLessThan(COVARIANCE_ROUNDING_REL);
    expect(rel(c[2]![2]!, sigma ** 2 / sxx)).toBeLessThan(COVARIANCE_ROUNDING_REL);
    expect(rel(c[3]![3]!, sigma ** 2 / sxx)).toBeLessThan(COVARIANCE_ROUNDING_REL);
    // At the mean epoch the value and the rate are uncorrelated.
    expect(Math.abs(c[0]![2]!)).toBeLessThan(
      COVARIANCE_ROUNDING_REL * Math.sqrt(c[0]![0]! * c[2]![2]!),
    );
  });

  it('refuses fewer points than the degree needs, and mixed sensors', () => {
    expect(() => fitAttributable([point(0, 1, 0)])).toThrow(/at least 2/);
    expect(() => fitAttributable([point(0, 1, 0), point(60, 1, 0)], { degree: 2 })).toThrow(
      /degree 2/,
    );
    expect(() => fitAttributable([point(0, 1, 0), point(60, 1, 0, ARCSEC_RAD, 'X')])).toThrow(
      /one sensor/,
    );
  });
});

describe('fitAttributable properties', () => {
  it('does not depend on the order of the input points', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true, maxExcluded: true }),
        fc.shuffledSubarray([0, 60, 120, 180, 240, 300, 360], { minLength: 7, maxLength: 7 }),
        (raStart, order) => {
          const ms = synthetic(raStart, [0, 60, 120, 180, 240, 300, 360]);
          const a = fitAttributable(ms);
          const b = fitAttributable(order.map((s) => ms[s / 60]!));
          expect(a).toEqual(b);
        },
      ),
      FC_PARAMS,
    );
  });

  it('moves with a rotation of all right ascensions, across 0/2π, keeping rates and covariance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true, maxExcluded: true }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        (raStart, shift) => {
          const a = fitAttributable(synthetic(raStart));
          const b = fitAttributable(synthetic(raStart + shift));
          let d = b.rightAscensionRad - a.rightAscensionRad - shift;
          d -= 2 * Math.PI * Math.round(d / (2 * Math.PI));
          expect(Math.abs(d)).toBeLessThan(INVARIANCE_TOL_RAD);
          expect(b.rightAscensionRad).toBeGreaterThanOrEqual(0);
          expect(b.rightAscensionRad).toBeLessThan(2 * Math.PI);
          expect(Math.abs(b.rightAscensionRateRadS - a.rightAscensionRateRadS)).toBeLessThan(
            INVARIANCE_RATE_TOL_RAD_S,
          );
          for (let i = 0; i < 4; i++) {
            for (let j = 0; j < 4; j++) {
              const x = a.covariance[i]![j]!;
              expect(Math.abs(b.covariance[i]![j]! - x)).toBeLessThanOrEqual(
                COVARIANCE_ROUNDING_REL * Math.abs(x),
              );
            }
          }
        },
      ),
      FC_PARAMS,
    );
  });
});

describe('groupTracklets', () => {
  const night = [
    ...synthetic(1.0, [0, 120, 240]),
    ...synthetic(1.0, [7200, 7320, 7440, 7560]),
    ...synthetic(1.0, [14400]),
    ...[0, 60, 120].map((s) => point(s, 2, 0.1, ARCSEC_RAD, 'TCH')),
  ];

  it('cuts at gaps, keeps sensors apart and leaves groups below minPoints ungrouped', () => {
    const r = groupTracklets(night);
    expect(r.tracklets.map((t) => [t.sensorId, t.measurements.length])).toEqual([
      ['TCA', 3],
      ['TCA', 4],
      ['TCH', 3],
    ]);
    expect(r.ungrouped.map((m) => m.epoch.secondsSince(t0))).toEqual([14400]);
  });

  it('cuts a run longer than maxDurationS', () => {
    const run = synthetic(1.0, [0, 300, 600, 900, 1200, 1500]);
    const r = groupTracklets(run, { maxDurationS: 700, minPoints: 2 });
    expect(r.tracklets.map((t) => t.measurements.length)).toEqual([3, 3]);
    for (const t of r.tracklets) expect(t.end.secondsSince(t.start)).toBeLessThanOrEqual(700);
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(night, { minLength: night.length, maxLength: night.length }),
        (shuffled) => {
          expect(groupTracklets(shuffled)).toEqual(groupTracklets(night));
        },
      ),
      FC_PARAMS,
    );
  });
});
