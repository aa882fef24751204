import { describe, expect, it } from 'vitest';
import { sunPositionLowPrecision } from '../../../src/bodies';
import { FrameMismatchError, InvalidArgumentError } from '../../../src/errors';
import { azElRange, frameTransform, type Site } from '../../../src/frames';
import { mat3, type Vec3 } from '../../../src/math';
import {
  createExampleTelescopes,
  createRaDecModel,
  createTelescope,
  measurementResidual,
  type RaDec,
  type Sensor,
  simulateMeasurements,
} from '../../../src/od';
import { eclipseDetector } from '../../../src/propagation';
import type { Epoch } from '../../../src/time';
import { geoTruth, T0 } from './geoTruth';

const DEG = Math.PI / 180;
const C_KM_S = 299792.458;
/**
 * Margin around each visibility boundary inside which a candidate is not judged: the
 * simulation uses interpolated transforms (4e-15 rad from the exact ones) and the shadow
 * function of the force models, the check here the exact `frameTransform` and the events
 * module's conical g-function; 1e-6 rad (0.2″) is far above their disagreement and far below
 * any motion between two points two minutes apart (0.5°).
 */
const BOUNDARY_MARGIN_RAD = 1e-6;

const trajectory = geoTruth();
const sensors = createExampleTelescopes({ sigmaArcsec: 1 });
const start = T0.plusSeconds(60);
const end = T0.plusSeconds(2 * 86400);
const STEP_S = 120;
const SLOT_S = 7200;
const POINTS = 6;
/**
 * Epochs keep whole seconds apart from their fraction, so an offset of up to 2 days from the
 * start rounds by at most 1.1e-16 × 172 800 s = 1.9e-11 s (measured 0 s).
 */
const CADENCE_ROUNDING_S = 1e-10;

/** Independent conditions: exact frame transforms, azElRange and the eclipse g-function. */
function conditions(site: Site, epoch: Epoch) {
  const sunMod = sunPositionLowPrecision(epoch);
  const sunItrf = mat3.multiplyVec(frameTransform('MOD', 'ITRF', epoch).rotation, sunMod);
  const sunElevationRad = azElRange(site, sunItrf).elevationRad;
  const toItrf = frameTransform('GCRF', 'ITRF', epoch).rotation;
  const pv = new Float64Array(6);
  // The object at emission: reception minus the light time (two passes).
  trajectory.positionVelocityInto(pv, epoch);
  for (let pass = 0; pass < 2; pass++) {
    const rItrf = mat3.multiplyVec(toItrf, [pv[0]!, pv[1]!, pv[2]!] as Vec3);
    const rangeKm = azElRange(site, rItrf).rangeKm;
    trajectory.positionVelocityInto(pv, epoch.plusSeconds(-rangeKm / C_KM_S));
  }
  const rItrf = mat3.multiplyVec(toItrf, [pv[0]!, pv[1]!, pv[2]!] as Vec3);
  const elevationRad = azElRange(site, rItrf).elevationRad;
  const shadowG = eclipseDetector({ shadow: 'penumbra' }).g({
    epoch,
    tS: 0,
    startEpoch: epoch,
    positionVelocity: pv,
    frame: 'GCRF',
  });
  return { sunElevationRad, elevationRad, shadowG };
}

describe('simulateMeasurements: visibility rules against independent geometry', () => {
  const sim = simulateMeasurements({
    trajectory,
    sensors,
    start,
    end,
    seed: 'visibility',
    cadence: { minPointsPerTracklet: 1 },
  });

  it('observes a candidate point exactly when the Sun is below −12°, the object above 20° and outside the penumbra (frames, bodies, events)', () => {
    const observed = new Set(sim.measurements.map((m) => `${m.sensorId}@${m.epoch.toIso('UTC')}`));
    const slots = Math.floor((end.secondsSince(start) - (POINTS - 1) * STEP_S) / SLOT_S) + 1;
    let judged = 0;
    for (const [s, sensor] of sensors.entries()) {
      const expected = { sun: 0, elevation: 0, shadow: 0 };
      for (let k = 0; k < slots; k++) {
        for (let i = 0; i < POINTS; i++) {
          const t = start.plusSeconds(k * SLOT_S + i * STEP_S);
          const c = conditions(sensor.site, t);
          const sunMargin = c.sunElevationRad + 12 * DEG;
          const elMargin = c.elevationRad - 20 * DEG;
          const near = (x: number) => Math.abs(x) < BOUNDARY_MARGIN_RAD;
          expect(near(sunMargin) || near(elMargin) || near(c.shadowG)).toBe(false);
          const visible = sunMargin < 0 && elMargin > 0 && c.shadowG > 0;
          if (sunMargin > 0) expected.sun++;
          else if (elMargin < 0) expected.elevation++;
          else if (c.shadowG < 0) expected.shadow++;
          expect(observed.has(`${sensor.id}@${t.toIso('UTC')}`)).toBe(visible);
          judged++;
        }
      }
      const r = sim.perSensor[s]!.rejected;
      expect([r.sunAboveLimit, r.belowMinElevation, r.earthShadow]).toEqual([
        expected.sun,
        expected.elevation,
        expected.shadow,
      ]);
    }
    expect(judged).toBe(3 * slots * POINTS);
  });

  it('the scenario exercises every rule: the Sun, the elevation (Les Makes) and the shadow (eclipse season)', () => {
    expect(sim.rejected.sunAboveLimit).toBeGreaterThan(0);
    expect(sim.rejected.belowMinElevation).toBeGreaterThan(0);
    expect(sim.rejected.earthShadow).toBeGreaterThan(0);
    expect(sim.perSensor.find((p) => p.sensorId === 'TAROT-REUNION')!.pointCount).toBe(0);
    expect(sim.perSensor.find((p) => p.sensorId === 'TAROT-CALERN')!.nightCount).toBe(2);
  });

  it('counts every candidate once: observed + rejected = candidates', () => {
    for (const p of sim.perSensor) {
      const r = p.rejected;
      const rejected =
        r.sunAboveLimit +
        r.belowMinElevation +
        r.earthShadow +
        r.shortTracklet +
        r.lightTimeNotConverged;
      expect(p.pointCount + rejected).toBe(p.candidatePoints);
    }
  });

  it('other limits move the boundaries: a −18° Sun and a 30° elevation observe a subset', () => {
    const strict = simulateMeasurements({
      trajectory,
      sensors,
      start,
      end,
      seed: 'visibility',
      cadence: { minPointsPerTracklet: 1 },
      constraints: { maxSunElevationDeg: -18, minElevationDeg: 30 },
    });
    const all = new Set(sim.measurements.map((m) => `${m.sensorId}@${m.epoch.toIso('UTC')}`));
    expect(strict.measurements.length).toBeLessThan(sim.measurements.length);
    for (const m of strict.measurements) {
      expect(all.has(`${m.sensorId}@${m.epoch.toIso('UTC')}`)).toBe(true);
      const c = conditions(sensors.find((s) => s.id === m.sensorId)!.site, m.epoch);
      expect(c.sunElevationRad).toBeLessThan(-18 * DEG);
      expect(c.elevationRad).toBeGreaterThan(30 * DEG);
    }
  });

  it('without the shadow rule, points in the penumbra are observed', () => {
    const lit = simulateMeasurements({
      trajectory,
      sensors,
      start,
      end,
      seed: 'visibility',
      cadence: { minPointsPerTracklet: 1 },
      constraints: { excludeEarthShadow: false },
    });
    expect(lit.rejected.earthShadow).toBe(0);
    expect(lit.measurements.length).toBe(sim.measurements.length + sim.rejected.earthShadow);
    const inShadow = lit.measurements.filter((m) => {
      const site = sensors.find((s) => s.id === m.sensorId)!.site;
      return conditions(site, m.epoch).shadowG < 0;
    });
    expect(inShadow.length).toBe(sim.rejected.earthShadow);
  });
});

describe('simulateMeasurements: cadence, noise and seeds', () => {
  const two = sensors.slice(0, 2);
  const sim = simulateMeasurements({ trajectory, sensors: two, start, end, seed: 42 });

  it('returns the measurements in time order, in tracklets of points 120 s apart on slots 2 h apart', () => {
    const ms = sim.measurements;
    for (let k = 1; k < ms.length; k++) {
      expect(ms[k]!.epoch.secondsSince(ms[k - 1]!.epoch)).toBeGreaterThanOrEqual(0);
    }
    expect(sim.trackletCount).toBe(sim.tracklets.length);
    let total = 0;
    for (const t of sim.tracklets) {
      expect(t.measurements.length).toBeGreaterThanOrEqual(3);
      expect(t.measurements.length).toBeLessThanOrEqual(6);
      total += t.measurements.length;
      for (const m of t.measurements) {
        const offsetS = m.epoch.secondsSince(start);
        const inSlotS = offsetS - SLOT_S * Math.floor(offsetS / SLOT_S);
        // Distance to the nearest multiple of the step (a plain % would put 119.9999… at 120 s).
        const offGridS = inSlotS - STEP_S * Math.round(inSlotS / STEP_S);
        expect(Math.abs(offGridS)).toBeLessThanOrEqual(CADENCE_ROUNDING_S);
        expect(inSlotS).toBeLessThanOrEqual((POINTS - 1) * STEP_S + CADENCE_ROUNDING_S);
      }
    }
    expect(total).toBe(ms.length);
    expect(sim.perSensor.reduce((n, p) => n + p.pointCount, 0)).toBe(ms.length);
  });

  it('adds Gaussian noise of the sensor σ: normalized residuals against the same model have mean ≈ 0 and σ ≈ 1', () => {
    const models = new Map(two.map((s) => [s.id, createRaDecModel(s, { axes: 'EME2000' })]));
    const z: number[] = [];
    for (const m of sim.measurements) {
      const p = models.get(m.sensorId)!.predict(m.epoch, trajectory);
      z.push(...measurementResidual(m, p).normalized);
    }
    const n = z.length;
    const mean = z.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    // 4 standard errors of the mean (1/√n) and of the standard deviation (1/√(2n)).
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sd - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
    expect(n).toBeGreaterThan(100);
  });

  it('gives σ_δ = σ and σ_α = σ / cos δ (an on-sky σ of 1″)', () => {
    const m = sim.measurements[0]!;
    expect(m.sigmaDeclinationRad).toBe(two[0]!.angleSigmaRad);
    expect(m.sigmaRightAscensionRad).toBe(two[0]!.angleSigmaRad! / Math.cos(m.declinationRad));
    expect(m.axes).toBe('EME2000');
  });

  it('is reproducible: same seed, same values; another seed, other values', () => {
    const again = simulateMeasurements({ trajectory, sensors: two, start, end, seed: 42 });
    const other = simulateMeasurements({ trajectory, sensors: two, start, end, seed: 43 });
    expect(again.measurements.map((m) => m.values)).toEqual(sim.measurements.map((m) => m.values));
    expect(other.measurements.length).toBe(sim.measurements.length);
    expect(other.measurements[0]!.values[0]).not.toBe(sim.measurements[0]!.values[0]);
  });

  it("a sensor's noise does not depend on the other sensors", () => {
    const alone = simulateMeasurements({ trajectory, sensors: [two[1]!], start, end, seed: 42 });
    const fromPair = sim.measurements.filter((m) => m.sensorId === two[1]!.id);
    expect(alone.measurements.map((m) => m.values)).toEqual(fromPair.map((m) => m.values));
  });

  it('includes the sensor biases of the model: a 5″ RA bias moves every RA by 5″ ± noise', () => {
    const biased: Sensor = createTelescope({
      id: two[0]!.id,
      site: two[0]!.site,
      sigmaArcsec: 1e-3,
      raBiasArcsec: 5,
    });
    const plain: Sensor = createTelescope({
      id: two[0]!.id,
      site: two[0]!.site,
      sigmaArcsec: 1e-3,
    });
    const a = simulateMeasurements({ trajectory, sensors: [biased], start, end, seed: 1 });
    const b = simulateMeasurements({ trajectory, sensors: [plain], start, end, seed: 1 });
    const ARCSEC = Math.PI / 648000;
    a.measurements.forEach((m: RaDec, k) => {
      const d = m.rightAscensionRad - b.measurements[k]!.rightAscensionRad;
      // 5″ bias; the two noise draws are the same, only σ/cos δ differs by 1e-3″ · 1e-2.
      expect(Math.abs(d / ARCSEC - 5)).toBeLessThan(1e-4);
    });
  });

  it('GCRF axes on request, and the axes of the model options when given', () => {
    const g = simulateMeasurements({ trajectory, sensors: two, start, end, seed: 1, axes: 'GCRF' });
    expect(g.axes).toBe('GCRF');
    expect(g.measurements.every((m) => m.axes === 'GCRF')).toBe(true);
    const viaModel = simulateMeasurements({
      trajectory,
      sensors: two,
      start,
      end,
      seed: 1,
      modelOptions: { axes: 'GCRF' },
    });
    expect(viaModel.axes).toBe('GCRF');
  });
});

describe('simulateMeasurements: misuse', () => {
  const base = { trajectory, sensors: sensors.slice(0, 1), start, end, seed: 1 } as const;
  it('refuses bad options with InvalidArgumentError, and a non-GCRF trajectory with FrameMismatchError', () => {
    expect(() => simulateMeasurements({ ...base, sensors: [] })).toThrow(InvalidArgumentError);
    expect(() => simulateMeasurements({ ...base, sensors: [sensors[0]!, sensors[0]!] })).toThrow(
      /duplicate/,
    );
    expect(() => simulateMeasurements({ ...base, end: start.plusSeconds(-1) })).toThrow(
      InvalidArgumentError,
    );
    expect(() => simulateMeasurements({ ...base, cadence: { pointsPerTracklet: 2.5 } })).toThrow(
      /pointsPerTracklet/,
    );
    expect(() => simulateMeasurements({ ...base, cadence: { trackletSpacingS: 300 } })).toThrow(
      /trackletSpacingS/,
    );
    expect(() => simulateMeasurements({ ...base, cadence: { minPointsPerTracklet: 7 } })).toThrow(
      /minPointsPerTracklet/,
    );
    expect(() =>
      simulateMeasurements({ ...base, axes: 'GCRF', modelOptions: { axes: 'EME2000' } }),
    ).toThrow(/axes/);
    expect(() =>
      simulateMeasurements({
        ...base,
        trajectory: {
          ...trajectory,
          frame: 'TEME',
          positionVelocityInto: trajectory.positionVelocityInto.bind(trajectory),
        },
      }),
    ).toThrow(FrameMismatchError);
  });
});
