import { describe, expect, it } from 'vitest';
import { frameTransform, transformPositionVelocity } from '../../src/frames/frameTransform';
import { observeAzEl, observeRaDec } from '../../src/frames/observe';
import { refractionFromTrueElevation } from '../../src/frames/refraction';
import { azElRange, createSiteDeg, topocentricRaDec } from '../../src/frames/topocentric';
import { type Vec3, vec3 } from '../../src/math';
import { Epoch } from '../../src/time';

const C_KM_S = 299792.458; // exact, SI definition of the metre
const ARCSEC_RAD = Math.PI / 648000;
const GEO_RADIUS_KM = 42164.17; // Vallado (2013), geosynchronous radius
/** |v_E| of the brief: the Earth's mean orbital speed, km/s. */
const EARTH_SPEED_KM_S = 29.8;

/**
 * First-order formulas against the exact corrections. Light time: the exact shift is
 * atan(v⊥τ / (ρ − v∥τ)) with τ = ρ / (c + …), which departs from v⊥/c by a relative v/c
 * (1e-5 for a GEO object, 3 km/s), i.e. 1e-5 × 1e-5 rad: 1e-10 rad covers it.
 */
const LIGHT_TIME_FIRST_ORDER_TOL_RAD = 1e-10;
/**
 * Aberration: the relativistic formula departs from (v/c) sin θ by (v/c)² sin θ cos θ / 2 at
 * most, 4.9e-9 rad for 29.8 km/s; the tolerance is (v/c)² = 9.9e-9 rad (0.002″).
 */
const ANNUAL_FIRST_ORDER_TOL_RAD = (EARTH_SPEED_KM_S / C_KM_S) ** 2;
/** The same bound for the site's 0.34 km/s: (v/c)² = 1.3e-12 rad; 1e-11 rad with rounding. */
const DIURNAL_FIRST_ORDER_TOL_RAD = 1e-11;
/**
 * Additivity of the three corrections: the cross terms are products of two shifts, at most
 * β_E × (light-time shift + β_site) = 9.9e-5 × (1.03e-5 + 1.1e-6) = 1.1e-9 rad; twice that.
 */
const ADDITIVITY_TOL_RAD = 2.5e-9;
/**
 * Two routes to the same direction (ITRF and GCRF inputs, RA/Dec and az/el): a few roundings
 * of 4e4 km coordinates (ulp 7e-12 km) over a 3.8e4 km range, 1e-15 rad, and of the rotation
 * matrices (1e-16 each); 1e-13 rad leaves room.
 */
const ROUTE_TOL_RAD = 1e-13;
/** Range through the two routes, km: rounding of 4e4 km coordinates is ~1e-11 km. */
const ROUTE_TOL_KM = 1e-9;
/**
 * Rates against central differences over ±0.1 s: the truncation error h²/6·f‴ of the angles
 * is below 1e-15 rad/s (angular rates of 1e-4 rad/s, f‴ ~ 1e-12 rad/s³ for this geometry) and
 * rounding of angles near 2π over 0.2 s is 4e-15 rad/s; 1e-12 rad/s is two orders below the
 * light-time term under test (v⊥ τ̇ / ρ = 2.6e-10 rad/s). Measured: 1.1e-14 rad/s.
 */
const RATE_TOL_RAD_S = 1e-12;
/**
 * Range rate against central differences, km/s: truncation 2.6e-11 km/s (ρ‴ ≈ 3 v⊥² ρ̇ / ρ²
 * = 2e-8 km/s³ times h²/6), rounding a few ulp of 4e4 km coordinates (7e-12 km) over 0.2 s,
 * up to 2e-10 km/s. Measured: 5.6e-11 km/s. Leaving out dτ/dt would cost 3.3e-6 km/s.
 */
const RANGE_RATE_TOL_KM_S = 5e-10;
const FD_STEP_S = 0.1;
/**
 * Fixed Earth orientation for the rate test: the site velocity uses LOD while a difference
 * quotient follows the slope of the interpolated UT1−UTC, and the two disagree by a few 1e-10
 * km/s; with UT1−UTC constant and LOD = 0 they agree.
 */
const CONSTANT_EOP = { ut1MinusUtcS: -0.2, xpRad: 0, ypRad: 0, lodS: 0 };
/**
 * The mean-refraction law R ≈ 58.3″ cot h (Explanatory Supplement 1992, §3.281, standard
 * conditions) agrees with Sæmundsson's formula within a few % above 20°; refraction.ts states
 * 2–3 % between Bennett's formula and a ray-traced atmosphere, and the two formulas differ by
 * 0.1′: a 10 % band is a physics check, not a regression.
 */
const REFRACTION_CONSTANT_RAD = 58.3 * ARCSEC_RAD;
const REFRACTION_LAW_REL_TOL = 0.1;
/** Refraction added by the function against refraction.ts on the same elevation. */
const REFRACTION_TOL_RAD = 1e-15;

// Calern (Observatoire de la Côte d'Azur), the site of the brief.
const calern = createSiteDeg({ latitudeDeg: 43.7536, longitudeDeg: 6.9222, heightKm: 1.27 });
const epoch = Epoch.fromIso('2020-03-01T00:00:00', 'UTC');
const toGcrf = frameTransform('ITRF', 'GCRF', epoch);
const siteGcrf = transformPositionVelocity(toGcrf, calern.positionItrfKm, [0, 0, 0]);

// A geostationary satellite on Calern's meridian, at rest in ITRF (elevation 39.6°).
const lonRad = (6.9222 * Math.PI) / 180;
const geoItrf = {
  frame: 'ITRF' as const,
  positionKm: [GEO_RADIUS_KM * Math.cos(lonRad), GEO_RADIUS_KM * Math.sin(lonRad), 0] as Vec3,
  velocityKmS: [0, 0, 0] as Vec3,
};
const geoGcrf = transformPositionVelocity(toGcrf, geoItrf.positionKm, geoItrf.velocityKmS);

function unitRaDec(r: { rightAscensionRad: number; declinationRad: number }): Vec3 {
  const c = Math.cos(r.declinationRad);
  return [
    c * Math.cos(r.rightAscensionRad),
    c * Math.sin(r.rightAscensionRad),
    Math.sin(r.declinationRad),
  ];
}

function unitAzEl(r: { azimuthRad: number; elevationRad: number }): Vec3 {
  const c = Math.cos(r.elevationRad);
  return [c * Math.sin(r.azimuthRad), c * Math.cos(r.azimuthRad), Math.sin(r.elevationRad)];
}

/** |v⊥| / c: the first-order shift of a direction `u` by a velocity `v`, rad. */
function perpendicularOverC(v: Vec3, u: Vec3): number {
  return vec3.norm(vec3.cross(v, vec3.normalize(u))) / C_KM_S;
}

const geometricLos = vec3.sub(geoGcrf.positionKm, siteGcrf.positionKm);
// Across the line of sight in the plane of the ecliptic-like x–y plane: the largest effect.
const vEarthAcross = vec3.scale(
  vec3.normalize(vec3.cross(geometricLos, [0, 0, 1])),
  EARTH_SPEED_KM_S,
);
const annualAcross = { earthBarycentricVelocityKmS: vEarthAcross };

describe('observeRaDec', () => {
  it('is topocentricRaDec of the site GCRF state and the target when every switch is off', () => {
    const expected = topocentricRaDec(
      siteGcrf.positionKm,
      geoGcrf.positionKm,
      vec3.sub(geoGcrf.velocityKmS, siteGcrf.velocityKmS),
    );
    expect(observeRaDec(calern, geoGcrf, epoch)).toStrictEqual({ ...expected, lightTimeS: 0 });
    expect(
      observeRaDec(calern, geoGcrf, epoch, {
        lightTime: false,
        annualAberration: false,
        diurnalAberration: false,
      }),
    ).toStrictEqual({ ...expected, lightTimeS: 0 });
  });

  it('moves a GEO object seen from Calern by v⊥/c ≈ 2.1″ with light time', () => {
    const off = observeRaDec(calern, geoGcrf, epoch);
    const on = observeRaDec(calern, geoGcrf, epoch, { lightTime: true });
    const shiftRad = vec3.angleBetween(unitRaDec(off), unitRaDec(on));
    const expectedRad = perpendicularOverC(geoGcrf.velocityKmS, geometricLos);
    expect(Math.abs(shiftRad - expectedRad)).toBeLessThan(LIGHT_TIME_FIRST_ORDER_TOL_RAD);
    // The satellite moves east at 3.07 km/s, across the meridian plane that holds the line of
    // sight: the whole speed counts, 3.0747 / c = 2.115″.
    expect(shiftRad / ARCSEC_RAD).toBeGreaterThan(2.0);
    expect(shiftRad / ARCSEC_RAD).toBeLessThan(2.2);
    // GEO ranges are 35786–41680 km: τ in 0.119–0.139 s, and here τ = range / c.
    expect(on.lightTimeS).toBeGreaterThan(0.119);
    expect(on.lightTimeS).toBeLessThan(0.139);
    expect(Math.abs(on.rangeKm - C_KM_S * on.lightTimeS)).toBeLessThan(ROUTE_TOL_KM);
  });

  it('moves the direction by up to 20.5″ with the annual aberration of 29.8 km/s', () => {
    const off = observeRaDec(calern, geoGcrf, epoch);
    const across = observeRaDec(calern, geoGcrf, epoch, { annualAberration: annualAcross });
    const acrossRad = vec3.angleBetween(unitRaDec(off), unitRaDec(across));
    expect(Math.abs(acrossRad - EARTH_SPEED_KM_S / C_KM_S)).toBeLessThan(
      ANNUAL_FIRST_ORDER_TOL_RAD,
    );
    expect(acrossRad / ARCSEC_RAD).toBeGreaterThan(20.4);
    expect(acrossRad / ARCSEC_RAD).toBeLessThan(20.6);
    // Towards the shift direction: the aberrated direction leans to the velocity.
    expect(vec3.dot(vec3.sub(unitRaDec(across), unitRaDec(off)), vEarthAcross)).toBeGreaterThan(0);
    // Along the line of sight, sin θ = 0: no shift.
    const along = vec3.scale(vec3.normalize(geometricLos), EARTH_SPEED_KM_S);
    const alongResult = observeRaDec(calern, geoGcrf, epoch, {
      annualAberration: { earthBarycentricVelocityKmS: along },
    });
    expect(vec3.angleBetween(unitRaDec(off), unitRaDec(alongResult))).toBeLessThan(
      ANNUAL_FIRST_ORDER_TOL_RAD,
    );
    expect(alongResult.rangeKm).toBe(off.rangeKm);
  });

  it('moves the direction by the site velocity over c, below 0.32″, with diurnal aberration', () => {
    const off = observeRaDec(calern, geoGcrf, epoch);
    const on = observeRaDec(calern, geoGcrf, epoch, { diurnalAberration: true });
    const shiftRad = vec3.angleBetween(unitRaDec(off), unitRaDec(on));
    const expectedRad = perpendicularOverC(siteGcrf.velocityKmS, geometricLos);
    expect(Math.abs(shiftRad - expectedRad)).toBeLessThan(DIURNAL_FIRST_ORDER_TOL_RAD);
    // 0.4651 km/s × cos 43.75° = 0.336 km/s, eastward, across the meridian: 0.231″.
    expect(shiftRad / ARCSEC_RAD).toBeGreaterThan(0.22);
    expect(shiftRad / ARCSEC_RAD).toBeLessThan(0.32);
  });

  it('adds the three corrections independently to first order', () => {
    const base = unitRaDec(observeRaDec(calern, geoGcrf, epoch));
    const switches = [
      { lightTime: true },
      { annualAberration: annualAcross },
      { diurnalAberration: true },
    ] as const;
    const all = { lightTime: true, annualAberration: annualAcross, diurnalAberration: true };
    let sum: Vec3 = [0, 0, 0];
    for (const s of switches) {
      const alone = vec3.sub(unitRaDec(observeRaDec(calern, geoGcrf, epoch, s)), base);
      sum = vec3.add(sum, alone);
      // The same switch turned on with the others already on changes the direction by the
      // same vector: `all` minus `all without s`.
      const without = { ...all, ...offOf(s) };
      const withOthers = vec3.sub(
        unitRaDec(observeRaDec(calern, geoGcrf, epoch, all)),
        unitRaDec(observeRaDec(calern, geoGcrf, epoch, without)),
      );
      expect(vec3.norm(vec3.sub(withOthers, alone))).toBeLessThan(ADDITIVITY_TOL_RAD);
    }
    const together = vec3.sub(unitRaDec(observeRaDec(calern, geoGcrf, epoch, all)), base);
    expect(vec3.norm(vec3.sub(together, sum))).toBeLessThan(ADDITIVITY_TOL_RAD);
    // Not vacuous: the total is 20″ or so.
    expect(vec3.norm(together) / ARCSEC_RAD).toBeGreaterThan(20);
  });

  it('gives rates that match central differences of the light-time corrected direction', () => {
    // A target receding at 1 km/s on top of the GEO motion, so that dτ/dt = 3.3e-6 matters:
    // leaving out the factor 1 − dτ/dt would change the range rate by 3e-6 km/s.
    const recede = vec3.scale(vec3.normalize(geometricLos), 1);
    const v0 = vec3.add(geoGcrf.velocityKmS, recede);
    const at = (dtS: number) =>
      observeRaDec(
        calern,
        { positionKm: vec3.add(geoGcrf.positionKm, vec3.scale(v0, dtS)), velocityKmS: v0 },
        epoch.plusSeconds(dtS),
        { lightTime: true, frame: { eop: CONSTANT_EOP } },
      );
    const r = at(0);
    const plus = at(FD_STEP_S);
    const minus = at(-FD_STEP_S);
    const h2 = 2 * FD_STEP_S;
    expect(
      Math.abs(r.rightAscensionRateRadS - (plus.rightAscensionRad - minus.rightAscensionRad) / h2),
    ).toBeLessThan(RATE_TOL_RAD_S);
    expect(
      Math.abs(r.declinationRateRadS - (plus.declinationRad - minus.declinationRad) / h2),
    ).toBeLessThan(RATE_TOL_RAD_S);
    expect(Math.abs(r.rangeRateKmS - (plus.rangeKm - minus.rangeKm) / h2)).toBeLessThan(
      RANGE_RATE_TOL_KM_S,
    );
  });
});

describe('observeRaDec light-time rates at a large fraction of c', () => {
  it('gives the range rate of the emission-time geometry for a target receding at 1 % of c', () => {
    // dτ/dt = ρ̂·(v − v_o)/(c + ρ̂·v): at 3,000 km/s the sign of ρ̂·v in the denominator moves
    // the range rate by 0.6 km/s, so central differences (exact for this linear motion to
    // ~1e-9 km/s) tell the two apart.
    const v0 = vec3.scale(vec3.normalize(geometricLos), 3000);
    const at = (dtS: number) =>
      observeRaDec(
        calern,
        { positionKm: vec3.add(geoGcrf.positionKm, vec3.scale(v0, dtS)), velocityKmS: v0 },
        epoch.plusSeconds(dtS),
        { lightTime: true, frame: { eop: CONSTANT_EOP } },
      );
    const r = at(0);
    const h = 1e-3;
    const fd = (at(h).rangeKm - at(-h).rangeKm) / (2 * h);
    expect(Math.abs(r.rangeRateKmS - fd)).toBeLessThan(1e-4);
  });
});

describe('observeAzEl', () => {
  it('is azElRange of the ITRF target when every switch is off', () => {
    const expected = azElRange(calern, geoItrf.positionKm, geoItrf.velocityKmS);
    expect(observeAzEl(calern, geoItrf, epoch)).toStrictEqual({ ...expected, lightTimeS: 0 });
  });

  it('gives the same az/el from a GCRF target as from the ITRF one', () => {
    const fromItrf = observeAzEl(calern, geoItrf, epoch);
    const fromGcrf = observeAzEl(calern, { frame: 'GCRF', ...geoGcrf }, epoch);
    expect(vec3.angleBetween(unitAzEl(fromItrf), unitAzEl(fromGcrf))).toBeLessThan(ROUTE_TOL_RAD);
    expect(Math.abs(fromItrf.rangeKm - fromGcrf.rangeKm)).toBeLessThan(ROUTE_TOL_KM);
    // 39.6°: the highest the GEO belt rises from Calern.
    expect((fromItrf.elevationRad * 180) / Math.PI).toBeCloseTo(39.6, 1);
  });

  it('applies the same light-time shift as observeRaDec, about 2.1″', () => {
    const off = observeAzEl(calern, geoItrf, epoch);
    const on = observeAzEl(calern, geoItrf, epoch, { lightTime: true });
    const shiftRad = vec3.angleBetween(unitAzEl(off), unitAzEl(on));
    const raDecShiftRad = vec3.angleBetween(
      unitRaDec(observeRaDec(calern, geoGcrf, epoch)),
      unitRaDec(observeRaDec(calern, geoGcrf, epoch, { lightTime: true })),
    );
    expect(Math.abs(shiftRad - raDecShiftRad)).toBeLessThan(ROUTE_TOL_RAD);
    expect(shiftRad / ARCSEC_RAD).toBeGreaterThan(2.0);
    expect(shiftRad / ARCSEC_RAD).toBeLessThan(2.2);
    // A GEO object at rest in ITRF moves 0.39 km in GCRF during τ, eastward (azimuth), and
    // the site rotates with it: the shift is in azimuth, the elevation barely moves.
    expect(Math.abs(on.elevationRad - off.elevationRad)).toBeLessThan(0.1 * shiftRad);
  });

  it('lifts the GEO object at 39.6° by about 1.2′ of refraction, and only the elevation', () => {
    const off = observeAzEl(calern, geoItrf, epoch);
    const on = observeAzEl(calern, geoItrf, epoch, { refraction: true });
    const liftRad = on.elevationRad - off.elevationRad;
    expect(Math.abs(liftRad - refractionFromTrueElevation(off.elevationRad))).toBeLessThan(
      REFRACTION_TOL_RAD,
    );
    const lawRad = REFRACTION_CONSTANT_RAD / Math.tan(off.elevationRad);
    expect(Math.abs(liftRad / lawRad - 1)).toBeLessThan(REFRACTION_LAW_REL_TOL);
    expect(liftRad / ARCSEC_RAD).toBeGreaterThan(60);
    expect(liftRad / ARCSEC_RAD).toBeLessThan(80);
    expect(on.azimuthRad).toBe(off.azimuthRad);
    expect(on.rangeKm).toBe(off.rangeKm);
    // No air, no refraction; thinner air, proportionally less.
    expect(
      observeAzEl(calern, geoItrf, epoch, { refraction: { pressureHpa: 0 } }).elevationRad,
    ).toBe(off.elevationRad);
    const half = observeAzEl(calern, geoItrf, epoch, { refraction: { pressureHpa: 505 } });
    expect(Math.abs(half.elevationRad - off.elevationRad - liftRad / 2)).toBeLessThan(
      REFRACTION_TOL_RAD,
    );
  });

  it('gives an apparent elevation rate that matches central differences', () => {
    // A target crossing the sky in ITRF at 1 km/s, so that the elevation rate is not zero.
    const v: Vec3 = [0.3, -0.5, 0.8];
    const at = (dtS: number) =>
      observeAzEl(
        calern,
        {
          frame: 'ITRF',
          positionKm: vec3.add(geoItrf.positionKm, vec3.scale(v, dtS)),
          velocityKmS: v,
        },
        epoch,
        { refraction: true },
      );
    const r = at(0);
    const fd = (at(FD_STEP_S).elevationRad - at(-FD_STEP_S).elevationRad) / (2 * FD_STEP_S);
    expect(Math.abs(r.elevationRateRadS - fd)).toBeLessThan(RATE_TOL_RAD_S);
    // Not vacuous: refraction changes the rate by R′(h) ≈ 2e-4 of itself.
    const geometric = observeAzEl(
      calern,
      { frame: 'ITRF', positionKm: geoItrf.positionKm, velocityKmS: v },
      epoch,
    );
    expect(Math.abs(r.elevationRateRadS - geometric.elevationRateRadS)).toBeGreaterThan(
      100 * RATE_TOL_RAD_S,
    );
  });
});

/** The options that turn off the switch set in `s`. */
function offOf(s: object): object {
  const out: Record<string, false> = {};
  for (const key of Object.keys(s)) out[key] = false;
  return out;
}
