/**
 * Measurement values, sensors and residuals: unit conversions at the boundary, validation,
 * immutability, and the wrapping of residuals (with a property over random angles).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSiteDeg } from '../../../src/frames';
import {
  AzEl,
  createRaDecModel,
  createRadar,
  createTelescope,
  measurementResidual,
  PositionVelocityMeasurement,
  RaDec,
  Range,
  sensorParameterName,
  withSensorBiases,
} from '../../../src/od/measurements';
import { Epoch } from '../../../src/time';
import { FC_PARAMS } from '../../arbitraries';

const t = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
const ARCSEC_RAD = Math.PI / 648000; // exact: π / (180 × 3600)
/**
 * Reducing an angle to [0, 2π) or wrapping a residual: the rounded input (half an ulp, up to
 * 8.9e-16 rad at 13.6 rad) and one rounded sum (4.4e-16 rad below 8 rad); the subtractions of
 * nearby numbers that follow are exact (Sterbenz). One ulp at 2π, 2⁻⁵⁰ = 8.9e-16 rad, holds
 * every case here (measured 0, 0 and 2.8e-16 rad).
 */
const WRAP_ROUNDING_RAD = 2 ** -50;
/** The same bound in units of a 1″ σ: 8.9e-16 rad / 4.85e-6 rad, 1.8e-10 (measured 5.8e-11). */
const WRAP_ROUNDING_SIGMA = 2e-10;
/**
 * A bias added to a predicted RA of 2.1 rad and subtracted back: two roundings of half an ulp
 * (2.2e-16 rad) each (measured 6.6e-17 rad).
 */
const BIAS_ROUNDING_RAD = 5e-16;
/**
 * (ra − predicted − residual) / 2π is an integer up to roundings of 1.1e-16 × 26 rad (three
 * operations), i.e. 1.4e-15 turns (measured 0 over 5000 runs).
 */
const WRAP_ROUNDING_TURNS = 1e-14;
const site = createSiteDeg({ latitudeDeg: 43.75203, longitudeDeg: 6.92353, heightKm: 1.32 });

function raDec(ra: number, dec = 0, sigma = ARCSEC_RAD) {
  return RaDec.create({
    epoch: t,
    sensorId: 'T',
    rightAscensionRad: ra,
    declinationRad: dec,
    sigmaRightAscensionRad: sigma,
    sigmaDeclinationRad: sigma,
  });
}

describe('measurement values', () => {
  it('convert degrees and arcseconds at the boundary', () => {
    const m = RaDec.fromDeg({
      epoch: t,
      sensorId: 'T',
      rightAscensionDeg: 180,
      declinationDeg: -45,
      sigmaRightAscensionArcsec: 1,
      sigmaDeclinationArcsec: 2,
      axes: 'EME2000',
    });
    expect(m.rightAscensionRad).toBe(Math.PI);
    expect(m.declinationRad).toBe(-Math.PI / 4);
    expect(m.sigmas).toEqual([ARCSEC_RAD, 2 * ARCSEC_RAD]);
    expect(m.axes).toBe('EME2000');
    const a = AzEl.fromDeg({
      epoch: t,
      sensorId: 'R',
      azimuthDeg: -90,
      elevationDeg: 30,
      sigmaAzimuthArcsec: 36,
      sigmaElevationArcsec: 36,
    });
    expect(Math.abs(a.azimuthRad - (3 * Math.PI) / 2)).toBeLessThanOrEqual(WRAP_ROUNDING_RAD);
  });

  it('reduce RA and azimuth to [0, 2π) and are frozen', () => {
    expect(raDec(-1e-300).rightAscensionRad).toBe(0);
    expect(Math.abs(raDec(4 * Math.PI + 1).rightAscensionRad - 1)).toBeLessThanOrEqual(
      WRAP_ROUNDING_RAD,
    );
    const m = raDec(1);
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.values)).toBe(true);
  });

  it('refuse impossible values with the name and unit of the value', () => {
    expect(() => raDec(0, 2)).toThrow(/declinationRad = 2 rad/);
    expect(() => raDec(0, 0, 0)).toThrow(/sigmaRightAscensionRad = 0 rad/);
    expect(() => Range.create({ epoch: t, sensorId: 'R', rangeKm: -1, sigmaKm: 1 })).toThrow(
      /rangeKm = -1 km/,
    );
    expect(() =>
      PositionVelocityMeasurement.create({
        epoch: t,
        sensorId: 'G',
        positionKm: [1, 2],
        velocityKmS: [0, 0, 0],
        sigmaPositionKm: 1,
        sigmaVelocityKmS: 1,
      }),
    ).toThrow(/positionKm/);
    expect(() => raDec(Number.NaN)).toThrow(/rightAscensionRad/);
  });
});

describe('sensors', () => {
  it('name their parameters and keep biases in internal units', () => {
    const s = createTelescope({
      id: 'TCA',
      site,
      sigmaArcsec: 0.5,
      raBiasArcsec: 1,
      timeBiasS: 0.1,
    });
    expect(s.angleSigmaRad).toBe(0.5 * ARCSEC_RAD);
    expect(s.biases.raBiasRad).toBe(ARCSEC_RAD);
    expect(sensorParameterName('TCA', 'timeBias')).toBe('TCA.timeBias');
    const model = createRaDecModel(s);
    expect(model.parameterNames).toEqual(['TCA.raBias', 'TCA.decBias', 'TCA.timeBias']);
    expect(model.parameterValues).toEqual([ARCSEC_RAD, 0, 0.1]);
    const moved = withSensorBiases(s, { decBiasRad: 2e-6 });
    expect(moved.biases.decBiasRad).toBe(2e-6);
    expect(s.biases.decBiasRad).toBe(0);
    expect(() => createRadar({ id: '', site, rangeSigmaKm: 1 })).toThrow(/id/);
  });

  it('bias the predicted angles by exactly their values', () => {
    const s = createTelescope({ id: 'TCA', site, sigmaArcsec: 1 });
    const state = {
      epoch: t,
      frame: 'GCRF',
      positionKm: [-22000, 35980, 1200],
      velocityKmS: [-2.62, -1.6, 0.05],
    } as const;
    const model = createRaDecModel(s);
    const p0 = model.predict(t, state).values;
    const p1 = model.predict(t, state, { parameters: [1e-5, -2e-5, 0] }).values;
    expect(Math.abs(p1[0]! - p0[0]! - 1e-5)).toBeLessThanOrEqual(BIAS_ROUNDING_RAD);
    expect(Math.abs(p1[1]! - p0[1]! + 2e-5)).toBeLessThanOrEqual(BIAS_ROUNDING_RAD);
    expect(() => model.predict(t, { ...state, frame: 'TEME' })).toThrow(/GCRF vs TEME/);
    expect(() => model.predict(t, { ...state, epoch: t.plusSeconds(60) })).toThrow(/within 10 s/);
  });
});

describe('measurementResidual', () => {
  it('wraps RA across 0/2π and normalizes by σ', () => {
    const r = measurementResidual(raDec(1e-6), [2 * Math.PI - 1e-6, 0]);
    expect(Math.abs(r.residuals[0]! - 2e-6)).toBeLessThanOrEqual(WRAP_ROUNDING_RAD);
    expect(Math.abs(r.normalized[0]! - 2e-6 / ARCSEC_RAD)).toBeLessThanOrEqual(WRAP_ROUNDING_SIGMA);
    expect(() => measurementResidual(raDec(0), [0, 0], 'EME2000')).toThrow(/GCRF vs EME2000/);
    expect(() => measurementResidual(raDec(0), [0])).toThrow(/must be 2/);
  });

  it('gives RA residuals in (−π, π] equal to the difference modulo 2π', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true, maxExcluded: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (ra, predicted) => {
          const r = measurementResidual(raDec(ra), [predicted, 0]).residuals[0]!;
          expect(r).toBeGreaterThan(-Math.PI);
          expect(r).toBeLessThanOrEqual(Math.PI);
          const k = (ra - predicted - r) / (2 * Math.PI);
          expect(Math.abs(k - Math.round(k))).toBeLessThan(WRAP_ROUNDING_TURNS);
        },
      ),
      FC_PARAMS,
    );
  });
});
