import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors';
import {
  eccentricAnomalyFromMeanRad,
  eccentricAnomalyFromTrueRad,
  eccentricityVector,
  equinoctialFromPositionVelocity,
  equinoctialFromState,
  geoDriftRateDegPerDay,
  hyperbolicAnomalyFromMeanRad,
  inclinationVector,
  type KeplerianElements,
  keplerianFromPositionVelocity,
  keplerianFromState,
  meanAnomalyFromEccentricRad,
  meanAnomalyFromHyperbolicRad,
  meanAnomalyFromTrueRad,
  positionVelocityFromEquinoctialInto,
  positionVelocityFromKeplerianInto,
  StateVector,
  stateFromEquinoctial,
  stateFromKeplerian,
  subSatelliteLongitudeDeg,
  transformState,
  trueAnomalyFromEccentricRad,
  trueAnomalyFromMeanRad,
} from '../../../src/state';
import { Epoch } from '../../../src/time';

const FC_PARAMS = { numRuns: Number(process.env.OSMOSE_FC_RUNS ?? 200), verbose: 1 } as const;
const MU = 398600.4418; // Vallado (2013), Table D-3
const DEG = Math.PI / 180;
const T0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
const U = 2 ** -53;

/**
 * Vallado computes Example 2-5 in canonical units (DU, TU rounded), which moves a and p by
 * about 1e-6 relative: 0.01 km on a = 36,127 km.
 */
const VALLADO_2_5_LENGTH_TOL_KM = 0.01;
/** Half a unit of the 6th decimal he prints for e. */
const VALLADO_2_5_ECC_TOL = 5e-7;
/** One unit of the last printed digit of the angles (0.001° for i and ν, 0.01° for Ω, ω). */
const VALLADO_2_5_FINE_DEG = 1e-3;
const VALLADO_2_5_COARSE_DEG = 1e-2;
/** Example 2-6 prints positions to 1 m and velocities to 1 mm/s: half units. */
const VALLADO_2_6_POS_TOL_KM = 5e-4;
const VALLADO_2_6_VEL_TOL_KMS = 5e-7;
/**
 * Elements ↔ state round trips: a few ulps of each quantity, amplified near e = 1 and near
 * the labelling thresholds; relative to the radius (position) and speed (velocity).
 */
const ROUND_TRIP_REL_TOL = 1e-11;

function diff(a: ArrayLike<number>, b: ArrayLike<number>): [number, number] {
  return [
    Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!),
    Math.hypot(a[3]! - b[3]!, a[4]! - b[4]!, a[5]! - b[5]!),
  ];
}

function angleDiff(a: number, b: number): number {
  const d = (a - b) % (2 * Math.PI);
  return Math.abs(d > Math.PI ? d - 2 * Math.PI : d < -Math.PI ? d + 2 * Math.PI : d);
}

describe('Kepler equation and anomalies against Vallado (2013)', () => {
  it('solves Example 2-1 (M = 235.4°, e = 0.4 → E = 220.512074767522°)', () => {
    const e = eccentricAnomalyFromMeanRad(235.4 * DEG, 0.4) / DEG;
    // Vallado prints 12 decimals of a degree.
    expect(Math.abs(e - 220.512074767522)).toBeLessThanOrEqual(5e-13 * 360);
  });

  it('solves Example 2-3 (M = 235.4°, e = 2.4 → H = 1.601376144 rad)', () => {
    // Vallado prints 9 decimals (truncated: 1.6013761449… here): one unit of the last.
    expect(
      Math.abs(hyperbolicAnomalyFromMeanRad(235.4 * DEG, 2.4) - 1.601376144),
    ).toBeLessThanOrEqual(1e-9);
  });

  it('solves the elliptic equation to a few ulps for any M and e up to 1 − 1e-12', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.oneof(
          fc.double({ min: 0, max: 0.999, noNaN: true }),
          fc.double({ min: 0.999, max: 1 - 1e-12, noNaN: true }),
        ),
        (m, e) => {
          const E = eccentricAnomalyFromMeanRad(m, e);
          // The residual is rounding of E − e sin E at |E| ≤ |M| + 1: a few ulps of that.
          return Math.abs(meanAnomalyFromEccentricRad(E, e) - m) <= 8 * U * (Math.abs(m) + 4);
        },
      ),
      FC_PARAMS,
    );
  });

  it('solves the hyperbolic equation for any M and e from 1 + 1e-12 to 100', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.oneof(
          fc.double({ min: 1 + 1e-12, max: 1.001, noNaN: true }),
          fc.double({ min: 1.001, max: 100, noNaN: true }),
        ),
        (m, e) => {
          const H = hyperbolicAnomalyFromMeanRad(m, e);
          // Residual relative to the terms e sinh H and H, which may cancel to M.
          const scale = e * Math.abs(Math.sinh(H)) + Math.abs(H) + Math.abs(m);
          // H is found to a few ulps of max(1, |H|) and dM/dH = e cosh H − 1 ≤ scale; a
          // subnormal H (M down to 5e-324) is off by up to one smallest double, which M
          // multiplies by e − 1.
          return (
            Math.abs(meanAnomalyFromHyperbolicRad(H, e) - m) <=
            16 * U * scale * Math.max(1, Math.abs(H)) + 2 * e * Number.MIN_VALUE
          );
        },
      ),
      FC_PARAMS,
    );
  });

  it('converts true ↔ eccentric ↔ mean anomaly both ways on ellipses and hyperbolas', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: 0, max: 0.99, noNaN: true }),
          fc.double({ min: 1.01, max: 5, noNaN: true }),
        ),
        fc.double({ min: -0.95, max: 0.95, noNaN: true }),
        (e, frac) => {
          const nu = frac * (e < 1 ? Math.PI : Math.acos(-1 / e));
          const back1 = trueAnomalyFromEccentricRad(eccentricAnomalyFromTrueRad(nu, e), e);
          const back2 = trueAnomalyFromMeanRad(meanAnomalyFromTrueRad(nu, e), e);
          // dν/dM is up to (1+e)²/(1−e)^{3/2} ~ 4e3 at e = 0.99: scale the ulps by it.
          return Math.abs(back1 - nu) <= 1e-13 && Math.abs(back2 - nu) <= 1e-10;
        },
      ),
      FC_PARAMS,
    );
  });

  it('keeps whole revolutions on ellipses', () => {
    expect(Math.abs(trueAnomalyFromMeanRad(4 * Math.PI + 0.1, 0.3) - 4 * Math.PI)).toBeLessThan(
      Math.PI,
    );
    expect(eccentricAnomalyFromMeanRad(-6 * Math.PI, 0.5)).toBeCloseTo(-6 * Math.PI, 12);
  });

  it('rejects eccentricities outside the conic it solves', () => {
    expect(() => eccentricAnomalyFromMeanRad(1, 1)).toThrow(InvalidArgumentError);
    expect(() => hyperbolicAnomalyFromMeanRad(1, 0.5)).toThrow(InvalidArgumentError);
    expect(() => trueAnomalyFromMeanRad(1, 1)).toThrow(/ecc = 1/);
    expect(() => eccentricAnomalyFromTrueRad(2.5, 1.5)).toThrow(/asymptotes/);
  });
});

describe('classical elements against Vallado (2013)', () => {
  it('reproduces Example 2-5 (RV2COE)', () => {
    const el = keplerianFromPositionVelocity(
      [6524.834, 6862.875, 6448.296],
      [4.901327, 5.533756, -1.976341],
      MU,
    );
    expect(Math.abs(el.semiMajorAxisKm - 36127.343)).toBeLessThanOrEqual(VALLADO_2_5_LENGTH_TOL_KM);
    expect(Math.abs(el.semiMajorAxisKm * (1 - el.ecc ** 2) - 11067.79)).toBeLessThanOrEqual(
      VALLADO_2_5_LENGTH_TOL_KM,
    );
    expect(Math.abs(el.ecc - 0.832853)).toBeLessThanOrEqual(VALLADO_2_5_ECC_TOL);
    expect(Math.abs(el.incRad / DEG - 87.87)).toBeLessThanOrEqual(VALLADO_2_5_FINE_DEG + 5e-4);
    expect(Math.abs(el.raanRad / DEG - 227.89)).toBeLessThanOrEqual(VALLADO_2_5_COARSE_DEG);
    expect(Math.abs(el.argPeriapsisRad / DEG - 53.38)).toBeLessThanOrEqual(VALLADO_2_5_COARSE_DEG);
    expect(Math.abs(el.trueAnomalyRad / DEG - 92.335)).toBeLessThanOrEqual(VALLADO_2_5_FINE_DEG);
  });

  it('reproduces Example 2-6 (COE2RV) to the printed digits', () => {
    const e = 0.83285;
    const out = positionVelocityFromKeplerianInto(
      new Float64Array(6),
      {
        semiMajorAxisKm: 11067.79 / (1 - e * e),
        ecc: e,
        incRad: 87.87 * DEG,
        raanRad: 227.89 * DEG,
        argPeriapsisRad: 53.38 * DEG,
        trueAnomalyRad: 92.335 * DEG,
      },
      MU,
    );
    const expected = [6525.368, 6861.532, 6449.119, 4.902279, 5.53314, -1.97571];
    for (let k = 0; k < 3; k++) {
      expect(Math.abs(out[k]! - expected[k]!)).toBeLessThanOrEqual(VALLADO_2_6_POS_TOL_KM);
      expect(Math.abs(out[k + 3]! - expected[k + 3]!)).toBeLessThanOrEqual(VALLADO_2_6_VEL_TOL_KMS);
    }
  });
});

/** Elements with e = 0 and i = 0 (exactly) often, retrograde and hyperbolic orbits too. */
const elementsArb: fc.Arbitrary<KeplerianElements> = fc
  .record({
    rpKm: fc.double({ min: 6500, max: 80000, noNaN: true }),
    ecc: fc.oneof(
      fc.constant(0),
      fc.double({ min: 0, max: 1e-10, noNaN: true }),
      fc.double({ min: 0, max: 0.95, noNaN: true }),
      fc.double({ min: 1.05, max: 5, noNaN: true }),
    ),
    incRad: fc.oneof(
      fc.constant(0),
      fc.constant(Math.PI),
      fc.double({ min: 0, max: 1e-10, noNaN: true }),
      fc.double({ min: 0, max: Math.PI, noNaN: true }),
    ),
    raanRad: fc.double({ min: 0, max: 2 * Math.PI, maxExcluded: true, noNaN: true }),
    argPeriapsisRad: fc.double({ min: 0, max: 2 * Math.PI, maxExcluded: true, noNaN: true }),
    nuFrac: fc.double({ min: -0.95, max: 0.95, noNaN: true }),
  })
  .map(({ rpKm, ecc, nuFrac, ...angles }) => ({
    semiMajorAxisKm: rpKm / (1 - ecc),
    ecc,
    ...angles,
    trueAnomalyRad: ecc < 1 ? (nuFrac + 1) * Math.PI : nuFrac * Math.acos(-1 / ecc),
  }));

describe('classical elements ↔ state', () => {
  it('round-trips elements → state → elements → state, including e = 0, i = 0 and i = 180°', () => {
    fc.assert(
      fc.property(elementsArb, (el) => {
        const rv = positionVelocityFromKeplerianInto(new Float64Array(6), el, MU);
        const el2 = keplerianFromPositionVelocity(rv.subarray(0, 3), rv.subarray(3), MU);
        const rv2 = positionVelocityFromKeplerianInto(new Float64Array(6), el2, MU);
        const [dr, dv] = diff(rv, rv2);
        const r = Math.hypot(rv[0]!, rv[1]!, rv[2]!);
        const v = Math.hypot(rv[3]!, rv[4]!, rv[5]!);
        // Orbits snapped by the labelling convention move by up to 2·a·e (e below 1e-12).
        const snap = el.ecc < 1e-12 ? 2 * Math.abs(el.semiMajorAxisKm) * el.ecc * 1.01 : 0;
        if (!(dr <= ROUND_TRIP_REL_TOL * r + snap && dv <= ROUND_TRIP_REL_TOL * v + snap * (v / r)))
          return false;
        // The quantities that stay defined agree: a, e, i and the angles the conventions fix.
        if (
          Math.abs(el2.semiMajorAxisKm - el.semiMajorAxisKm) >
          1e-9 * Math.abs(el.semiMajorAxisKm)
        )
          return false;
        if (Math.abs(el2.ecc - el.ecc) > 1e-11) return false;
        if (Math.abs(el2.incRad - el.incRad) > 1e-11) return false;
        const trueLongitude = (x: KeplerianElements) =>
          x.raanRad + (Math.cos(x.incRad) >= 0 ? 1 : -1) * (x.argPeriapsisRad + x.trueAnomalyRad);
        return (
          angleDiff(trueLongitude(el2), trueLongitude(el)) <= 1e-9 || Math.sin(el.incRad) > 1e-6
        );
      }),
      FC_PARAMS,
    );
  });

  it('returns each classical angle where it is defined', () => {
    const generic = fc.record({
      semiMajorAxisKm: fc.double({ min: 7000, max: 80000, noNaN: true }),
      ecc: fc.double({ min: 1e-3, max: 0.9, noNaN: true }),
      incRad: fc.double({ min: 1e-3, max: Math.PI - 1e-3, noNaN: true }),
      raanRad: fc.double({ min: 0, max: 2 * Math.PI, maxExcluded: true, noNaN: true }),
      argPeriapsisRad: fc.double({ min: 0, max: 2 * Math.PI, maxExcluded: true, noNaN: true }),
      trueAnomalyRad: fc.double({ min: 0, max: 2 * Math.PI, maxExcluded: true, noNaN: true }),
    });
    fc.assert(
      fc.property(generic, (el) => {
        fc.pre(el.semiMajorAxisKm * (1 - el.ecc) > 6500);
        const rv = positionVelocityFromKeplerianInto(new Float64Array(6), el, MU);
        const el2 = keplerianFromPositionVelocity(rv.subarray(0, 3), rv.subarray(3), MU);
        return (
          angleDiff(el2.raanRad, el.raanRad) <= 1e-9 &&
          angleDiff(el2.argPeriapsisRad, el.argPeriapsisRad) <= 1e-8 &&
          angleDiff(el2.trueAnomalyRad, el.trueAnomalyRad) <= 1e-8
        );
      }),
      FC_PARAMS,
    );
  });

  it('labels circular and equatorial orbits by the documented conventions', () => {
    // GEO: circular equatorial → Ω = ω = 0, ν = true longitude.
    const geo = keplerianFromPositionVelocity(
      [0, 42164.17, 0],
      [-Math.sqrt(MU / 42164.17), 0, 0],
      MU,
    );
    expect(geo.raanRad).toBe(0);
    expect(geo.argPeriapsisRad).toBe(0);
    expect(geo.trueAnomalyRad).toBeCloseTo(Math.PI / 2, 14);
    // Circular inclined: ω = 0, ν = argument of latitude.
    const el = stateFromKeplerian(
      {
        semiMajorAxisKm: 7000,
        ecc: 0,
        incRad: 1,
        raanRad: 0.5,
        argPeriapsisRad: 0,
        trueAnomalyRad: 0.3,
      },
      { epoch: T0, frame: 'GCRF' },
    );
    const back = keplerianFromState(el);
    expect(back.argPeriapsisRad).toBe(0);
    expect(back.trueAnomalyRad).toBeCloseTo(0.3, 12);
    expect(back.raanRad).toBeCloseTo(0.5, 12);
  });

  it('refuses Earth-fixed frames, parabolas and rectilinear motion', () => {
    const s = StateVector.create({
      epoch: T0,
      frame: 'ITRF',
      positionKm: [7000, 0, 0],
      velocityKmS: [0, 7.5, 0],
    });
    expect(() => keplerianFromState(s)).toThrow(/inertial frame/);
    const vEsc = Math.sqrt((2 * MU) / 7000);
    expect(() => keplerianFromPositionVelocity([7000, 0, 0], [0, vEsc, 0], MU)).toThrow(
      /parabolic/,
    );
    expect(() => keplerianFromPositionVelocity([7000, 0, 0], [1, 0, 0], MU)).toThrow(/rectilinear/);
    expect(() =>
      positionVelocityFromKeplerianInto(
        new Float64Array(6),
        {
          semiMajorAxisKm: 7000,
          ecc: 1.5,
          incRad: 0,
          raanRad: 0,
          argPeriapsisRad: 0,
          trueAnomalyRad: 0,
        },
        MU,
      ),
    ).toThrow(/negative/);
  });
});

describe('equinoctial elements', () => {
  it('match their definition in classical elements', () => {
    fc.assert(
      fc.property(elementsArb, (el) => {
        fc.pre(el.ecc < 1 && el.incRad < 3);
        const rv = positionVelocityFromKeplerianInto(new Float64Array(6), el, MU);
        const eq = equinoctialFromPositionVelocity(rv.subarray(0, 3), rv.subarray(3), MU);
        const varpi = el.raanRad + el.argPeriapsisRad;
        const t = Math.tan(el.incRad / 2);
        const lambda = meanAnomalyFromTrueRad(el.trueAnomalyRad, el.ecc) + varpi;
        const tol = 1e-10 * (1 + t);
        return (
          Math.abs(eq.semiMajorAxisKm - el.semiMajorAxisKm) <= 1e-9 * el.semiMajorAxisKm &&
          Math.abs(eq.h - el.ecc * Math.sin(varpi)) <= 1e-11 &&
          Math.abs(eq.k - el.ecc * Math.cos(varpi)) <= 1e-11 &&
          Math.abs(eq.p - t * Math.sin(el.raanRad)) <= tol &&
          Math.abs(eq.q - t * Math.cos(el.raanRad)) <= tol &&
          angleDiff(eq.meanLongitudeRad, lambda) <= 1e-8
        );
      }),
      FC_PARAMS,
    );
  });

  it('round-trip with states, including e = 0 and i = 0 exactly', () => {
    fc.assert(
      fc.property(elementsArb, (el) => {
        fc.pre(el.ecc < 1 && el.incRad < 3);
        const rv = positionVelocityFromKeplerianInto(new Float64Array(6), el, MU);
        const eq = equinoctialFromPositionVelocity(rv.subarray(0, 3), rv.subarray(3), MU);
        const rv2 = positionVelocityFromEquinoctialInto(new Float64Array(6), eq, MU);
        const [dr, dv] = diff(rv, rv2);
        return (
          dr <= ROUND_TRIP_REL_TOL * Math.hypot(rv[0]!, rv[1]!, rv[2]!) &&
          dv <= ROUND_TRIP_REL_TOL * Math.hypot(rv[3]!, rv[4]!, rv[5]!)
        );
      }),
      FC_PARAMS,
    );
  });

  it('works on StateVector and refuses hyperbolas and i = 180°', () => {
    const s = stateFromEquinoctial(
      { semiMajorAxisKm: 42164.17, h: 1e-4, k: -2e-4, p: 1e-3, q: 0, meanLongitudeRad: 1 },
      { epoch: T0, frame: 'GCRF' },
    );
    const eq = equinoctialFromState(s);
    expect(eq.h).toBeCloseTo(1e-4, 14);
    expect(eq.p).toBeCloseTo(1e-3, 14);
    expect(eq.meanLongitudeRad).toBeCloseTo(1, 12);
    expect(() => equinoctialFromPositionVelocity([7000, 0, 0], [0, 12, 0], MU)).toThrow(/elliptic/);
    expect(() => equinoctialFromPositionVelocity([7000, 0, 0], [0, -7.5, 0], MU)).toThrow(/180°/);
  });
});

describe('GEO helpers', () => {
  it('give the sub-satellite longitude of a state built over 10° E, through GCRF', () => {
    const lon = 10 * DEG;
    const itrf = StateVector.create({
      epoch: T0,
      frame: 'ITRF',
      positionKm: [42164.17 * Math.cos(lon), 42164.17 * Math.sin(lon), 0],
      velocityKmS: [0, 0, 0],
    });
    const gcrf = transformState(itrf, 'GCRF');
    // The frame round trip is orthonormal to 1e-15: the longitude comes back to 1e-12°.
    expect(Math.abs(subSatelliteLongitudeDeg(gcrf) - 10)).toBeLessThanOrEqual(1e-12 * 360);
  });

  it('give the drift rate of a satellite 1 km below GEO as −(3/2)·n·Δa/a (0.0128 °/day east)', () => {
    const aGeo = Math.cbrt(MU / 7.292115e-5 ** 2);
    const a = aGeo - 1;
    const s = StateVector.create({
      epoch: T0,
      frame: 'GCRF',
      positionKm: [a, 0, 0],
      velocityKmS: [0, Math.sqrt(MU / a), 0],
    });
    const expected = (-1.5 * 7.292115e-5 * (-1 / aGeo) * 86400) / DEG;
    // Linearisation error (Δa/a)² ~ 6e-10 relative, far below the 1e-6 °/day bound.
    expect(Math.abs(geoDriftRateDegPerDay(s) - expected)).toBeLessThanOrEqual(1e-6);
    expect(geoDriftRateDegPerDay(s)).toBeGreaterThan(0);
  });

  it('give the eccentricity and inclination vectors of a near-GEO orbit', () => {
    const el: KeplerianElements = {
      semiMajorAxisKm: 42164.17,
      ecc: 3e-4,
      incRad: 0.1 * DEG,
      raanRad: 30 * DEG,
      argPeriapsisRad: 100 * DEG,
      trueAnomalyRad: 0.7,
    };
    const s = stateFromKeplerian(el, { epoch: T0, frame: 'GCRF' });
    const ev = eccentricityVector(s);
    expect(Math.abs(ev.x - 3e-4 * Math.cos(130 * DEG))).toBeLessThanOrEqual(1e-13);
    expect(Math.abs(ev.y - 3e-4 * Math.sin(130 * DEG))).toBeLessThanOrEqual(1e-13);
    const iv = inclinationVector(s);
    expect(Math.abs(iv.xRad - 0.1 * DEG * Math.cos(30 * DEG))).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(iv.yRad - 0.1 * DEG * Math.sin(30 * DEG))).toBeLessThanOrEqual(1e-15);
    const equatorial = StateVector.create({
      epoch: T0,
      frame: 'GCRF',
      positionKm: [42164, 0, 0],
      velocityKmS: [0, 3.07, 0],
    });
    expect(inclinationVector(equatorial)).toEqual({ xRad: 0, yRad: 0 });
  });
});
