import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import {
  createEllipsoid,
  type Ellipsoid,
  GRS80_ELLIPSOID,
  WGS72_ELLIPSOID,
  WGS84_ELLIPSOID,
} from '../../src/frames/ellipsoid';
import {
  cartesianToGeodetic,
  cartesianToGeodeticDeg,
  geodeticDegToCartesian,
  geodeticFromDeg,
  geodeticToCartesian,
} from '../../src/frames/geodetic';
import { FC_PARAMS } from '../arbitraries';

/**
 * Position tolerance against ERFA and for round trips, km (1 µm). ERFA returns doubles in
 * metres: one ulp of a 56 000 km coordinate is 7e-12 km, and both codes round a few times, so
 * 1e-9 km leaves a margin of 100 while catching any error of the algorithm (a wrong branch or
 * a lost digit costs metres to kilometres).
 */
const POS_TOL_KM = 1e-9;

/**
 * Angle tolerance against ERFA, rad: 1e-12 rad is 6 µm on the Earth's surface and 56 µm at
 * 56 000 km; rounding of the coordinates alone gives about 1e-16 rad.
 */
const ANGLE_TOL_RAD = 1e-12;

/**
 * ERFA's own inverse (`eraGc2gd`, Fukushima 2006, one Halley step) is not exact everywhere:
 * generated from the same inputs, it is within 1e-12 rad / 3e-12 km of them only for heights
 * between −1 km and 400 km (4.4e-14 rad at 400 km, 1.7e-12 rad at −1000 km, 2.4e-11 rad at
 * 20 200 km, 2.4e-2 rad at −6300 km). The direct comparison with its output is made there.
 */
const ERFA_INVERSE_EXACT_BELOW_KM = 500;

interface GeodeticCase {
  ellipsoid: 'WGS84' | 'GRS80' | 'WGS72';
  elong: number;
  phi: number;
  height_m: number;
  xyz_m: [number, number, number];
  gc2gd: { elong: number; phi: number; height_m: number };
}

const reference = JSON.parse(
  readFileSync(
    new URL('../reference/frames-geometry/frames_geometry_erfa.json', import.meta.url),
    'utf8',
  ),
) as { geodetic: GeodeticCase[] };

const ELLIPSOIDS: Record<GeodeticCase['ellipsoid'], Ellipsoid> = {
  WGS84: WGS84_ELLIPSOID,
  GRS80: GRS80_ELLIPSOID,
  WGS72: WGS72_ELLIPSOID,
};

const kmOf = (xyzM: readonly number[]): [number, number, number] => [
  xyzM[0]! / 1000,
  xyzM[1]! / 1000,
  xyzM[2]! / 1000,
];

/** Difference of two longitudes, rad, in (−π, π]. */
function longitudeDiffRad(a: number, b: number): number {
  let d = (a - b) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}

/** Distance from (rho, z) to the meridian ellipse, by a grid search refined by golden section. */
function distanceToEllipseKm(rho: number, z: number, e: Ellipsoid): number {
  const a = e.equatorialRadiusKm;
  const b = e.polarRadiusKm;
  const dist = (t: number) => Math.hypot(a * Math.cos(t) - rho, b * Math.sin(t) - z);
  const steps = 4000;
  let bestT = 0;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= steps; i++) {
    const t = -Math.PI / 2 + (Math.PI * i) / steps;
    const d = dist(t);
    if (d < best) {
      best = d;
      bestT = t;
    }
  }
  let lo = bestT - Math.PI / steps;
  let hi = bestT + Math.PI / steps;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 80; k++) {
    const m1 = hi - g * (hi - lo);
    const m2 = lo + g * (hi - lo);
    if (dist(m1) < dist(m2)) hi = m2;
    else lo = m1;
  }
  return dist((lo + hi) / 2);
}

describe('reference ellipsoids', () => {
  it('derive b and e² of WGS 84 as NIMA TR8350.2 Table 3.3 prints them', () => {
    // Table 3.3: b = 6356752.3142 m, e² = 6.69437999014e-3 (printed to 0.1 mm and 1e-14).
    expect(Math.abs(WGS84_ELLIPSOID.polarRadiusKm - 6356.7523142)).toBeLessThan(0.5e-7);
    expect(Math.abs(WGS84_ELLIPSOID.eccentricitySquared - 6.69437999014e-3)).toBeLessThan(0.5e-14);
    // e′² = 6.73949674228e-3 (Table 3.3).
    expect(Math.abs(WGS84_ELLIPSOID.secondEccentricitySquared - 6.73949674228e-3)).toBeLessThan(
      0.5e-14,
    );
  });

  it('derive b and e² of GRS 80 as Moritz (1980) prints them', () => {
    // Moritz, Geodetic Reference System 1980: b = 6356752.3141 m, e² = 0.00669438002290.
    expect(Math.abs(GRS80_ELLIPSOID.polarRadiusKm - 6356.7523141)).toBeLessThan(0.5e-7);
    expect(Math.abs(GRS80_ELLIPSOID.eccentricitySquared - 0.0066943800229)).toBeLessThan(0.5e-14);
  });

  it('carry the WGS 72 defining constants', () => {
    expect(WGS72_ELLIPSOID.equatorialRadiusKm).toBe(6378.135);
    expect(WGS72_ELLIPSOID.flattening).toBe(1 / 298.26);
    expect(WGS72_ELLIPSOID.source).toMatch(/1972/);
  });

  it('are frozen, and createEllipsoid rejects impossible constants', () => {
    expect(Object.isFrozen(WGS84_ELLIPSOID)).toBe(true);
    expect(() => createEllipsoid('bad', 0, 0.003, '')).toThrow(InvalidArgumentError);
    expect(() => createEllipsoid('bad', Number.NaN, 0.003, '')).toThrow(InvalidArgumentError);
    expect(() => createEllipsoid('bad', 6378, 1, '')).toThrow(InvalidArgumentError);
    expect(() => createEllipsoid('bad', 6378, -0.1, '')).toThrow(InvalidArgumentError);
  });
});

describe('geodetic coordinates against ERFA', () => {
  const cases = reference.geodetic;

  it('reads the 180 ERFA cases over three ellipsoids', () => {
    expect(cases.length).toBe(180);
    expect(new Set(cases.map((c) => c.ellipsoid))).toEqual(new Set(['WGS84', 'GRS80', 'WGS72']));
  });

  it('geodeticToCartesian matches eraGd2gc within 1e-9 km from −6300 km to 50 000 km', () => {
    for (const c of cases) {
      const xyz = geodeticToCartesian(
        { latitudeRad: c.phi, longitudeRad: c.elong, heightKm: c.height_m / 1000 },
        ELLIPSOIDS[c.ellipsoid],
      );
      const ref = kmOf(c.xyz_m);
      const err = Math.hypot(xyz[0] - ref[0], xyz[1] - ref[1], xyz[2] - ref[2]);
      expect(err, `${c.ellipsoid} φ=${c.phi} h=${c.height_m} m`).toBeLessThanOrEqual(POS_TOL_KM);
    }
  });

  it('cartesianToGeodetic recovers the inputs of eraGd2gc within 1e-12 rad and 1e-9 km', () => {
    for (const c of cases) {
      const e = ELLIPSOIDS[c.ellipsoid];
      const xyz = kmOf(c.xyz_m);
      const g = cartesianToGeodetic(xyz, e);
      const what = `${c.ellipsoid} φ=${c.phi} h=${c.height_m} m`;
      expect(Math.abs(g.latitudeRad - c.phi), what).toBeLessThanOrEqual(ANGLE_TOL_RAD);
      expect(Math.abs(g.heightKm - c.height_m / 1000), what).toBeLessThanOrEqual(POS_TOL_KM);
      // On the axis the longitude is undefined: compare the horizontal displacement it makes.
      const rho = Math.hypot(xyz[0], xyz[1]);
      expect(Math.abs(longitudeDiffRad(g.longitudeRad, c.elong)) * rho, what).toBeLessThanOrEqual(
        POS_TOL_KM,
      );
    }
  });

  it('cartesianToGeodetic matches eraGc2gd within 1e-12 rad and 1e-9 km where ERFA is exact', () => {
    const near = cases.filter((c) => Math.abs(c.height_m / 1000) < ERFA_INVERSE_EXACT_BELOW_KM);
    expect(near.length).toBeGreaterThanOrEqual(70);
    for (const c of near) {
      const xyz = kmOf(c.xyz_m);
      const g = cartesianToGeodetic(xyz, ELLIPSOIDS[c.ellipsoid]);
      const what = `${c.ellipsoid} φ=${c.phi} h=${c.height_m} m`;
      expect(Math.abs(g.latitudeRad - c.gc2gd.phi), what).toBeLessThanOrEqual(ANGLE_TOL_RAD);
      expect(Math.abs(g.heightKm - c.gc2gd.height_m / 1000), what).toBeLessThanOrEqual(POS_TOL_KM);
      const rho = Math.hypot(xyz[0], xyz[1]);
      expect(
        Math.abs(longitudeDiffRad(g.longitudeRad, c.gc2gd.elong)) * rho,
        what,
      ).toBeLessThanOrEqual(POS_TOL_KM);
    }
  });
});

describe('geodetic coordinates on special points', () => {
  const a = WGS84_ELLIPSOID.equatorialRadiusKm;
  const b = WGS84_ELLIPSOID.polarRadiusKm;

  it('puts the poles exactly on the axis', () => {
    const north = geodeticToCartesian({ latitudeRad: Math.PI / 2, longitudeRad: 1, heightKm: 2 });
    expect(north[0]).toBe(0);
    expect(north[1]).toBe(0);
    expect(north[2]).toBe(b + 2);
    const south = cartesianToGeodetic([0, 0, -b - 100]);
    expect(south).toEqual({ latitudeRad: -Math.PI / 2, longitudeRad: 0, heightKm: 100 });
  });

  it('gives the centre latitude +90° and height −b, as ERFA does', () => {
    expect(cartesianToGeodetic([0, 0, 0])).toEqual({
      latitudeRad: Math.PI / 2,
      longitudeRad: 0,
      heightKm: -b,
    });
  });

  it('gives latitude 0 in the equatorial plane, down to the centre', () => {
    for (const rho of [1e-9, 10, 42, 43, a, 42164]) {
      const g = cartesianToGeodetic([0, -rho, 0]);
      expect(g.latitudeRad).toBe(0);
      expect(g.longitudeRad).toBe(-Math.PI / 2);
      expect(Math.abs(g.heightKm - (rho - a))).toBeLessThanOrEqual(POS_TOL_KM);
    }
  });

  it('returns a longitude of +π, not −π, on the negative x axis', () => {
    expect(cartesianToGeodetic([-7000, 0, 100]).longitudeRad).toBe(Math.PI);
  });

  it('inside the evolute, returns the nearest point of the ellipsoid (|h| = distance)', () => {
    // Points within ~45 km of the centre, where four normals of the ellipsoid meet.
    let seed = 7;
    const next = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 40; i++) {
      const rho = 45 * next();
      const z = (next() - 0.5) * 90 * (i % 4 === 0 ? 1e-6 : 1);
      const g = cartesianToGeodetic([rho, 0, z]);
      expect(Math.abs(-g.heightKm - distanceToEllipseKm(rho, z, WGS84_ELLIPSOID))).toBeLessThan(
        POS_TOL_KM,
      );
      expect(Math.sign(g.latitudeRad)).toBe(Math.sign(z));
    }
  });

  it('converts degrees at the boundary', () => {
    const xyz = geodeticDegToCartesian({ latitudeDeg: 45, longitudeDeg: -120, heightKm: 3 });
    const ref = geodeticToCartesian({
      latitudeRad: Math.PI / 4,
      longitudeRad: (-2 * Math.PI) / 3,
      heightKm: 3,
    });
    expect(Math.hypot(xyz[0] - ref[0], xyz[1] - ref[1], xyz[2] - ref[2])).toBeLessThan(POS_TOL_KM);
    const g = cartesianToGeodeticDeg(xyz);
    expect(g.latitudeDeg).toBeCloseTo(45, 12);
    expect(g.longitudeDeg).toBeCloseTo(-120, 12);
    expect(Math.abs(g.heightKm - 3)).toBeLessThanOrEqual(POS_TOL_KM);
    expect(geodeticFromDeg({ latitudeDeg: -90, longitudeDeg: 0, heightKm: 0 }).latitudeRad).toBe(
      -Math.PI / 2,
    );
  });

  it('rejects non-finite coordinates, latitudes beyond ±π/2 and distances beyond 1e50 km', () => {
    expect(() => geodeticToCartesian({ latitudeRad: 1.6, longitudeRad: 0, heightKm: 0 })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      geodeticToCartesian({ latitudeRad: 0, longitudeRad: Number.NaN, heightKm: 0 }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      geodeticToCartesian({ latitudeRad: 0, longitudeRad: 0, heightKm: Number.POSITIVE_INFINITY }),
    ).toThrow(InvalidArgumentError);
    expect(() => cartesianToGeodetic([1, Number.NaN, 0])).toThrow(/positionKm\[1\]/);
    expect(() => cartesianToGeodetic([0, 0, 1e60])).toThrow(InvalidArgumentError);
    // Still exact at 1e49 km: the latitude of (1, 2, −3) tends to its geocentric value.
    const far = cartesianToGeodetic([1e49, 2e49, -3e49]);
    expect(Math.abs(far.latitudeRad - Math.atan2(-3, Math.sqrt(5)))).toBeLessThan(1e-15);
  });
});

describe('geodetic round trips (fast-check)', () => {
  const ellipsoid = fc.constantFrom(WGS84_ELLIPSOID, GRS80_ELLIPSOID, WGS72_ELLIPSOID);
  /** A point within 50 000 km of the centre, log-uniform in radius from 1 mm. */
  const pointKm = fc
    .tuple(
      fc.double({ min: -6, max: Math.log10(50_000), noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
    )
    .map(([logR, sinLat, lon]): [number, number, number] => {
      const r = 10 ** logR;
      const c = Math.sqrt(1 - sinLat * sinLat);
      return [r * c * Math.cos(lon), r * c * Math.sin(lon), r * sinLat];
    });

  it('cartesian → geodetic → cartesian within 1e-9 km up to 50 000 km radius', () => {
    fc.assert(
      fc.property(pointKm, ellipsoid, (p, e) => {
        const back = geodeticToCartesian(cartesianToGeodetic(p, e), e);
        return Math.hypot(back[0] - p[0], back[1] - p[1], back[2] - p[2]) <= POS_TOL_KM;
      }),
      FC_PARAMS,
    );
  });

  it('geodetic → cartesian → geodetic within 1e-12 rad and 1e-9 km for heights −6000…50 000 km', () => {
    const geodetic = fc.record({
      latitudeRad: fc.double({ min: -Math.PI / 2, max: Math.PI / 2, noNaN: true }),
      longitudeRad: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
      heightKm: fc.double({ min: -6000, max: 50_000, noNaN: true }),
    });
    fc.assert(
      fc.property(geodetic, ellipsoid, (g, e) => {
        const xyz = geodeticToCartesian(g, e);
        const back = cartesianToGeodetic(xyz, e);
        const rho = Math.hypot(xyz[0], xyz[1]);
        return (
          Math.abs(back.latitudeRad - g.latitudeRad) <= ANGLE_TOL_RAD &&
          Math.abs(back.heightKm - g.heightKm) <= POS_TOL_KM &&
          Math.abs(longitudeDiffRad(back.longitudeRad, g.longitudeRad)) * rho <= POS_TOL_KM
        );
      }),
      FC_PARAMS,
    );
  });
});
