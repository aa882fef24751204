import { describe, expect, it } from 'vitest';
import {
  AU_KM,
  DE421_EARTH_GM_KM3_S2,
  GRS80,
  MOON_GM_KM3_S2,
  SGP4_WGS72,
  SGP4_WGS72_OLD,
  SGP4_WGS84,
  SUN_GM_KM3_S2,
  WGS72,
  WGS84,
} from '../../src/bodies/constants';
import { GRS80_ELLIPSOID, WGS72_ELLIPSOID, WGS84_ELLIPSOID } from '../../src/frames/ellipsoid';

/** Semi-minor axes are published to 0.1 mm (TR8350.2: 6356752.3142 m; Moritz: 6356752.3141 m). */
const POLAR_RADIUS_TOL_KM = 0.5e-7;
/** TR8350.2 / NGA.STND.0036 print J2 = 1.08262982131e-3: half a unit of the last digit. */
const J2_TOL = 0.5e-14;
/** Spacetrack Report #3 prints XKE = .743669161E-1 (half a unit of its last digit, 1/min). */
const XKE_TOL_PER_MIN = 0.5e-10;
/**
 * The TDB-compatible GM of the Sun from DE421 adopted by the IAU 2009 system of constants
 * (IERS Conventions 2010, §3: 1.32712440041e20 m³/s²): half a unit of its last digit.
 */
const SUN_GM_TOL_KM3_S2 = 0.5;
/**
 * DE421's Earth and Moon GMs as the DE421 memo quotes them (Folkner, Williams & Boggs 2008:
 * 398600.436233 and 4902.800076 km³/s²): half a unit of the last digit.
 */
const EARTH_MOON_GM_TOL_KM3_S2 = 0.5e-6;

describe('Earth models', () => {
  it('WGS84 and GRS80 give the published semi-minor axes', () => {
    const b = (m: typeof WGS84) => m.equatorialRadiusKm * (1 - 1 / m.inverseFlattening);
    expect(Math.abs(b(WGS84) - 6356.7523142)).toBeLessThanOrEqual(POLAR_RADIUS_TOL_KM);
    expect(Math.abs(b(GRS80) - 6356.7523141)).toBeLessThanOrEqual(POLAR_RADIUS_TOL_KM);
  });

  it('WGS84 J2 derived from its C̄2,0 matches the published 1.08262982131e-3', () => {
    expect(Math.abs(WGS84.j2 - 1.08262982131e-3)).toBeLessThanOrEqual(J2_TOL);
  });

  it('the SGP4 wgs72 constants reproduce the XKE of Spacetrack Report #3 and share WGS72 J2', () => {
    expect(Math.abs(SGP4_WGS72.xkePerMin - 0.0743669161)).toBeLessThanOrEqual(XKE_TOL_PER_MIN);
    expect(SGP4_WGS72_OLD.xkePerMin).toBe(0.0743669161);
    expect(SGP4_WGS72.tuMin * SGP4_WGS72.xkePerMin).toBeCloseTo(1, 15);
    expect([SGP4_WGS72.j2, SGP4_WGS72.radiusKm, SGP4_WGS72.gmKm3S2]).toEqual([
      WGS72.j2,
      WGS72.equatorialRadiusKm,
      WGS72.gmKm3S2,
    ]);
    expect(SGP4_WGS84.radiusKm).toBe(WGS84.equatorialRadiusKm);
  });

  it('agree with the ellipsoids of frames, which are built from the same defining numbers', () => {
    for (const [model, ellipsoid] of [
      [WGS84, WGS84_ELLIPSOID],
      [WGS72, WGS72_ELLIPSOID],
      [GRS80, GRS80_ELLIPSOID],
    ] as const) {
      expect(ellipsoid.equatorialRadiusKm).toBe(model.equatorialRadiusKm);
      expect(ellipsoid.flattening).toBe(1 / model.inverseFlattening);
    }
  });

  it('the model objects are frozen', () => {
    expect(Object.isFrozen(WGS84)).toBe(true);
    expect(Object.isFrozen(SGP4_WGS72)).toBe(true);
  });
});

describe('Sun and Moon constants', () => {
  it('the DE421 GMs in km³/s² match the values JPL quotes', () => {
    expect(Math.abs(SUN_GM_KM3_S2 - 132712440041)).toBeLessThanOrEqual(SUN_GM_TOL_KM3_S2);
    expect(Math.abs(DE421_EARTH_GM_KM3_S2 - 398600.436233)).toBeLessThanOrEqual(
      EARTH_MOON_GM_TOL_KM3_S2,
    );
    expect(Math.abs(MOON_GM_KM3_S2 - 4902.800076)).toBeLessThanOrEqual(EARTH_MOON_GM_TOL_KM3_S2);
  });

  it('the astronomical unit is the IAU 2012 value, 149597870700 m', () => {
    expect(AU_KM * 1000).toBe(149597870700);
  });
});
