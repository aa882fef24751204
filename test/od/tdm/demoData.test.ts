import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTdm } from '../../../src/ccsds';
import { createSiteDeg } from '../../../src/frames';
import {
  createRaDecModel,
  createTelescope,
  measurementResidual,
  type RaDec,
  tdmToMeasurements,
} from '../../../src/od';
import {
  egm2008Degree20,
  lowPrecisionMoon,
  lowPrecisionSun,
  propagateNumerical,
  solarRadiationPressure,
  sphericalHarmonicGravity,
  thirdBodyGravity,
} from '../../../src/propagation';
import { StateVector } from '../../../src/state';
import { Epoch } from '../../../src/time';

const dir = new URL('../../../examples/data/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');

describe('bundled demo dataset (examples/data, scripts/generate-demo-data.ts)', () => {
  const sites = JSON.parse(read('sites.json')) as {
    sensors: {
      id: string;
      latitudeDeg: number;
      longitudeDeg: number;
      heightKm: number;
      sigmaArcsec: number;
    }[];
  };
  const truth = JSON.parse(read('geo-two-nights.truth.json'));
  const sensors = sites.sensors.map((s) =>
    createTelescope({
      id: s.id,
      site: createSiteDeg(s),
      sigmaArcsec: s.sigmaArcsec,
    }),
  );
  const { measurements } = tdmToMeasurements(parseTdm(read('geo-two-nights.tdm')), { sensors });

  it('holds two nights of RA/Dec from Calern and La Silla, as many as the truth file states', () => {
    expect(measurements.length).toBe(truth.statistics.measurements);
    expect(measurements.length).toBeGreaterThanOrEqual(100);
    expect(new Set(measurements.map((m) => m.sensorId))).toEqual(
      new Set(['TAROT-CALERN', 'TAROT-LA-SILLA']),
    );
    for (const p of truth.statistics.perSensor) expect(p.nightCount).toBe(2);
  });

  it('agrees with its truth under the stated force model: normalized residuals have mean ≈ 0 and σ ≈ 1', () => {
    const sun = lowPrecisionSun();
    const moon = lowPrecisionMoon();
    const t0 = Epoch.fromIso(truth.epochUtc, 'UTC');
    const last = measurements[measurements.length - 1]!.epoch;
    const run = propagateNumerical({
      initialState: StateVector.create({
        epoch: t0,
        frame: 'GCRF',
        positionKm: truth.positionKm,
        velocityKmS: truth.velocityKmS,
      }),
      endEpoch: last.plusSeconds(60),
      forces: [
        sphericalHarmonicGravity({ field: egm2008Degree20(), degree: 8 }),
        thirdBodyGravity(sun),
        thirdBodyGravity(moon),
        solarRadiationPressure({ ...truth.forceModel.solarRadiationPressure, sun, moon }),
      ],
      relTol: truth.forceModel.integrator.relTol,
    });
    const models = new Map(sensors.map((s) => [s.id, createRaDecModel(s, { axes: 'EME2000' })]));
    const z: number[] = [];
    for (const m of measurements as RaDec[]) {
      z.push(
        ...measurementResidual(m, models.get(m.sensorId)!.predict(m.epoch, run.ephemeris!))
          .normalized,
      );
    }
    const n = z.length;
    const mean = z.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    // 4 standard errors of the mean (1/√n) and of the standard deviation (1/√(2n)).
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sd - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
  });
});
