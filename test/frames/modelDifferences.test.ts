/**
 * How far apart the models put a GEO object: the table of docs/guides/frames.md. Each row
 * transforms the same GCRF position at GEO radius to ITRF under two settings, at 12 epochs
 * 2000–2025, and reports the largest distance. The bounds are those of the physics (sizes of
 * the neglected effects), so a wiring mistake that doubles or drops an effect fails.
 */
import { describe, expect, it } from 'vitest';
import {
  type FrameTransformOptions,
  frameTransform,
  transformPositionVelocity,
} from '../../src/frames/frameTransform';
import { DEFAULT_TIME_DATA, Epoch } from '../../src/time';

const GEO_RADIUS_KM = 42164;
const R: [number, number, number] = [GEO_RADIUS_KM * 0.6, GEO_RADIUS_KM * 0.8, 0];
const EPOCHS = Array.from({ length: 12 }, (_, k) =>
  Epoch.fromIso(`${2000 + 2 * k}-0${1 + (k % 9)}-15T03:00:00`, 'UTC'),
);

function maxDistanceKm(a: FrameTransformOptions, b: FrameTransformOptions): number {
  let worst = 0;
  for (const t of EPOCHS) {
    const pa = transformPositionVelocity(
      frameTransform('GCRF', 'ITRF', t, a),
      R,
      [0, 0, 0],
    ).positionKm;
    const pb = transformPositionVelocity(
      frameTransform('GCRF', 'ITRF', t, b),
      R,
      [0, 0, 0],
    ).positionKm;
    worst = Math.max(worst, Math.hypot(pa[0] - pb[0], pa[1] - pb[1], pa[2] - pb[2]));
  }
  return worst;
}

const rows: [string, FrameTransformOptions, FrameTransformOptions, number, number][] = [
  // label, settings A, settings B, lower bound km, upper bound km
  [
    'FK5 (IAU 1976/1980, no δΔψ/δΔε) vs IAU 2006/2000A CIO',
    { itrfChain: 'FK5', celestialPoleOffsets: false },
    { itrfChain: 'CIO', celestialPoleOffsets: false },
    // The frame bias (23 mas) and the 1980 nutation's errors (~40 mas): 5–30 m at GEO.
    0.002,
    0.05,
  ],
  [
    'IAU 2006/2000A with vs without the dX, dY pole offsets',
    { celestialPoleOffsets: true },
    { celestialPoleOffsets: false },
    // dX, dY reach ~0.5 mas since 2000: up to 10 cm at GEO.
    1e-5,
    2e-4,
  ],
];

describe('model differences at GEO radius (docs/guides/frames.md)', () => {
  for (const [label, a, b, lo, hi] of rows) {
    it(`${label}: between ${lo * 1000} m and ${hi * 1000} m`, () => {
      const d = maxDistanceKm(a, b);
      console.info(`${label}: ${(d * 1000).toFixed(3)} m`);
      expect(d).toBeGreaterThanOrEqual(lo);
      expect(d).toBeLessThanOrEqual(hi);
    });
  }

  it('polar motion moves a GEO point by 30–110 m (x_p, y_p reach 0.3–0.5″: 0.5″ × 42164 km = 102 m)', () => {
    let worst = 0;
    for (const t of EPOCHS) {
      const eop = DEFAULT_TIME_DATA.eop.at(t.toMjd('UTC'));
      const base = {
        ut1MinusUtcS: eop.ut1MinusUtcS,
        lodS: eop.lodS,
        dXRad: eop.dXRad,
        dYRad: eop.dYRad,
      };
      const withPm = transformPositionVelocity(
        frameTransform('GCRF', 'ITRF', t, { eop: { ...base, xpRad: eop.xpRad, ypRad: eop.ypRad } }),
        R,
        [0, 0, 0],
      ).positionKm;
      const withoutPm = transformPositionVelocity(
        frameTransform('GCRF', 'ITRF', t, { eop: base }),
        R,
        [0, 0, 0],
      ).positionKm;
      worst = Math.max(
        worst,
        Math.hypot(withPm[0] - withoutPm[0], withPm[1] - withoutPm[1], withPm[2] - withoutPm[2]),
      );
    }
    console.info(`polar motion: ${(worst * 1000).toFixed(3)} m`);
    expect(worst).toBeGreaterThan(0.03);
    expect(worst).toBeLessThan(0.11);
  });

  it('UT1 − UTC ignored (UT1 = UTC) moves a GEO point by up to 0.9 s × 3.07 km/s ≈ 2.8 km', () => {
    let worst = 0;
    for (const t of EPOCHS) {
      const eop = DEFAULT_TIME_DATA.eop.at(t.toMjd('UTC'));
      const common = {
        xpRad: eop.xpRad,
        ypRad: eop.ypRad,
        lodS: eop.lodS,
        dXRad: eop.dXRad,
        dYRad: eop.dYRad,
      };
      const a = transformPositionVelocity(
        frameTransform('GCRF', 'ITRF', t, { eop: { ...common, ut1MinusUtcS: eop.ut1MinusUtcS } }),
        R,
        [0, 0, 0],
      ).positionKm;
      const b = transformPositionVelocity(
        frameTransform('GCRF', 'ITRF', t, { eop: { ...common, ut1MinusUtcS: 0 } }),
        R,
        [0, 0, 0],
      ).positionKm;
      worst = Math.max(worst, Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]));
    }
    console.info(`UT1 = UTC: ${(worst * 1000).toFixed(1)} m`);
    expect(worst).toBeGreaterThan(0.1);
    expect(worst).toBeLessThan(2.8);
  });
});
