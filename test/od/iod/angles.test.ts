/**
 * Angles-only IOD (Gauss, Gooding, Laplace) on Curtis's worked example and on exact two-body
 * lines of sight made with the Kepler propagator; the observation builders.
 */
import { describe, expect, it } from 'vitest';
import { FrameMismatchError, InvalidArgumentError } from '../../../src/errors';
import { type Vec3, vec3 } from '../../../src/math';
import {
  type AngleObservation,
  angleObservationFromSite,
  createAngleObservation,
  solveGauss,
  solveGooding,
  solveLaplace,
} from '../../../src/od/iod';
import { keplerPropagateInto } from '../../../src/propagation/kepler';
import { Epoch } from '../../../src/time';
import { elementsToState, SITES } from './geoSimulation';

const DEG = Math.PI / 180;
const MU_CURTIS = 398600; // Curtis, Table A.2
const T0 = Epoch.fromIso('2024-01-01T00:00:00', 'TAI');

// Curtis's site: latitude 40° N, 1 km high, on his oblate Earth (Re = 6378 km, f = 0.003353),
// position from the local sidereal time θ (Curtis eq. 5.56).
function curtisSite(lstDeg: number): Vec3 {
  const re = 6378;
  const f = 0.003353;
  const phi = 40 * DEG;
  const k = Math.sqrt(1 - (2 * f - f * f) * Math.sin(phi) ** 2);
  const a = re / k + 1;
  const b = (re * (1 - f) ** 2) / k + 1;
  const th = lstDeg * DEG;
  return [a * Math.cos(phi) * Math.cos(th), a * Math.cos(phi) * Math.sin(th), b * Math.sin(phi)];
}

/** a, e, i, Ω (km, -, rad, rad) of a state for a given μ. */
function elements(r: Vec3, v: Vec3, mu: number) {
  const rm = vec3.norm(r);
  const aKm = 1 / (2 / rm - vec3.dot(v, v) / mu);
  const h = vec3.cross(r, v);
  const e = vec3.sub(vec3.scale(vec3.cross(v, h), 1 / mu), vec3.scale(r, 1 / rm));
  const raan = Math.atan2(h[0], -h[1]);
  return {
    aKm,
    ecc: vec3.norm(e),
    incRad: Math.acos(h[2] / vec3.norm(h)),
    raanRad: raan < 0 ? raan + 2 * Math.PI : raan,
  };
}

function propagate(r: Vec3, v: Vec3, dtS: number, mu: number): { r: Vec3; v: Vec3 } {
  const out = new Float64Array(6);
  expect(keplerPropagateInto(out, [...r, ...v], dtS, mu)).toBe('ok');
  return { r: [out[0]!, out[1]!, out[2]!], v: [out[3]!, out[4]!, out[5]!] };
}

describe('solveGauss on Curtis Examples 5.10 and 5.11', () => {
  // Printed data: times (s), topocentric α and δ (deg), local sidereal time (deg).
  const DATA = [
    [0, 43.537, -8.7833, 44.506],
    [118.1, 54.42, -12.074, 45.0],
    [237.58, 64.318, -15.105, 45.499],
  ] as const;
  const obs = DATA.map(([t, ra, dec, lst]) =>
    createAngleObservation({
      epoch: T0.plusSeconds(t),
      rightAscensionRad: ra * DEG,
      declinationRad: dec * DEG,
      observerPositionKm: curtisSite(lst),
    }),
  );

  it('refined, recovers the orbit the example was made from within the spread of its rounded data', () => {
    // Curtis's answer is the orbit a = 10,000 km, e = 0.1, i = 30°, Ω = 270°. The angles are
    // printed to 5 significant digits (up to 1.8″ of rounding over a 4-minute arc): perturbing
    // them, the times and the sidereal times uniformly within half their last digit moves the
    // refined solution over a ∈ [9959, 10059] km, e ∈ [0.098, 0.104], i ∈ [29.98°, 30.03°]
    // (300 draws). The printed r₂, v₂ digits themselves cannot be matched: Curtis rounds every
    // intermediate vector to 5 digits, which moves the ranges by about 1 km.
    const A_TOL_KM = 60;
    const E_TOL = 0.004;
    const I_TOL_RAD = 0.04 * DEG;
    const RAAN_TOL_RAD = 0.1 * DEG;
    const sol = solveGauss(obs, { muKm3S2: MU_CURTIS, lightTime: false });
    expect(sol.ok).toBe(true);
    if (!sol.ok) return;
    const el = elements(sol.state.positionKm, sol.state.velocityKmS, MU_CURTIS);
    expect(Math.abs(el.aKm - 10000)).toBeLessThan(A_TOL_KM);
    expect(Math.abs(el.ecc - 0.1)).toBeLessThan(E_TOL);
    expect(Math.abs(el.incRad - 30 * DEG)).toBeLessThan(I_TOL_RAD);
    expect(Math.abs(el.raanRad - 270 * DEG)).toBeLessThan(RAAN_TOL_RAD);
    expect(sol.iterations).toBeGreaterThan(1);
  });

  it('unrefined, gives ranges within 1 % of Curtis’s printed 3639, 3865 and 4173 km', () => {
    // The first approximation as Curtis prints it (ρ1 = 3639.1, ρ2 = 3864.8, ρ3 = 4172.8 km),
    // to the ~1 km that his 5-digit intermediate rounding allows (see above): 1 % is 40 km.
    const REL_TOL = 0.01;
    const sol = solveGauss(obs, { muKm3S2: MU_CURTIS, lightTime: false, refine: false });
    expect(sol.ok).toBe(true);
    if (!sol.ok) return;
    [3639.1, 3864.8, 4172.8].forEach((rho, k) => {
      expect(Math.abs(sol.rangesKm[k]! - rho) / rho).toBeLessThan(REL_TOL);
    });
  });

  it('Gooding reaches the same orbit as the refined Gauss method to 1 m', () => {
    const TOL_KM = 1e-3; // both solve the same exact three-line-of-sight problem
    const gauss = solveGauss(obs, { muKm3S2: MU_CURTIS, lightTime: false });
    const gooding = solveGooding(obs, { muKm3S2: MU_CURTIS, lightTime: false });
    expect(gauss.ok && gooding.ok).toBe(true);
    if (gauss.ok && gooding.ok) {
      expect(vec3.distance(gauss.state.positionKm, gooding.state.positionKm)).toBeLessThan(TOL_KM);
    }
  });
});

describe('angles-only methods on exact two-body lines of sight', () => {
  // Curtis's orbit (a = 10,000 km, e = 0.1, i = 30°, Ω = 270°, ω = 90°, θ = 45.01° at t2) seen
  // from his site turning at the Earth's rate, exact directions from the Kepler propagator.
  const OMEGA_EARTH = 7.292115e-5; // rad/s, WGS 84
  const truth = elementsToState(10000, 0.1, 30 * DEG, 270 * DEG, 90 * DEG, 45.01 * DEG);
  function exactObservations(timesS: readonly number[], mu: number): AngleObservation[] {
    return timesS.map((t) => {
      const p = propagate(truth.r, truth.v, t, mu).r;
      const lst = 45 + (OMEGA_EARTH * t) / DEG;
      const site = curtisSite(lst);
      const w: Vec3 = [0, 0, OMEGA_EARTH];
      const vSite = vec3.cross(w, site);
      return createAngleObservation({
        epoch: T0.plusSeconds(t),
        lineOfSight: vec3.sub(p, site),
        observerPositionKm: site,
        observerVelocityKmS: vSite,
        observerAccelerationKmS2: vec3.cross(w, vSite),
      });
    });
  }

  it('Gauss (refined) and Gooding recover the state to 1e-6 km and 1e-9 km/s', () => {
    // Exact data: both methods are exact; what remains is the iteration tolerance (1e-7 km on
    // the ranges for Gauss, 1e-10 rad for Gooding ≈ 0.4 µm at 4000 km) and rounding.
    const POS_TOL_KM = 1e-6;
    const VEL_TOL_KM_S = 1e-9;
    const obs = exactObservations([-118.1, 0, 119.48], MU_CURTIS);
    for (const sol of [
      solveGauss(obs, { muKm3S2: MU_CURTIS, lightTime: false, rangeToleranceKm: 1e-9 }),
      solveGooding(obs, { muKm3S2: MU_CURTIS, lightTime: false }),
    ]) {
      expect(sol.ok).toBe(true);
      if (!sol.ok) continue;
      expect(vec3.distance(sol.state.positionKm, truth.r)).toBeLessThan(POS_TOL_KM);
      expect(vec3.distance(sol.state.velocityKmS, truth.v)).toBeLessThan(VEL_TOL_KM_S);
    }
  });

  it('Gooding solves arcs of a third of an orbit exactly; Gauss either agrees or says it did not converge', () => {
    const POS_TOL_KM = 1e-6;
    const GAUSS_TOL_KM = 1e-5; // its tolerance is 1e-7 km on the ranges, reached linearly
    const obs = exactObservations([-1600, 0, 1700], MU_CURTIS);
    const gooding = solveGooding(obs, { muKm3S2: MU_CURTIS, lightTime: false });
    expect(gooding.ok).toBe(true);
    if (gooding.ok)
      expect(vec3.distance(gooding.state.positionKm, truth.r)).toBeLessThan(POS_TOL_KM);
    const gauss = solveGauss(obs, { muKm3S2: MU_CURTIS, lightTime: false });
    if (!gauss.ok) expect(['not-converged', 'no-admissible-root']).toContain(gauss.reason);
    else expect(vec3.distance(gauss.state.positionKm, truth.r)).toBeLessThan(GAUSS_TOL_KM);
  });

  it('Gooding finds the one-revolution solution when told to', () => {
    const POS_TOL_KM = 1e-5;
    const period = 2 * Math.PI * Math.sqrt(1e12 / MU_CURTIS);
    const obs = exactObservations([-1000, 0, period + 500], MU_CURTIS);
    const sols = (['left', 'right'] as const).map((branch) =>
      solveGooding(obs, { muKm3S2: MU_CURTIS, lightTime: false, revolutions: 1, branch }),
    );
    const errors = sols.map((s) =>
      s.ok ? vec3.distance(s.state.positionKm, truth.r) : Number.POSITIVE_INFINITY,
    );
    expect(Math.min(...errors)).toBeLessThan(POS_TOL_KM);
  });

  it('Laplace recovers the state of a 4-minute arc to the truncation of its quadratic directions', () => {
    // L̇ and L̈ from the quadratic through three directions 2 minutes apart carry errors of
    // order L⃛·Δt²/6 and L⃛·Δt: the measured errors are 22 km and 33 m/s here, against
    // ~1e-6 km for Gauss and Gooding on the same data (the textbook weakness of Laplace).
    const POS_TOL_KM = 50;
    const VEL_TOL_KM_S = 0.1;
    const obs = exactObservations([-118.1, 0, 119.48], MU_CURTIS);
    const sol = solveLaplace(obs, { muKm3S2: MU_CURTIS, lightTime: false });
    expect(sol.ok).toBe(true);
    if (!sol.ok) return;
    expect(vec3.distance(sol.state.positionKm, truth.r)).toBeLessThan(POS_TOL_KM);
    expect(vec3.distance(sol.state.velocityKmS, truth.v)).toBeLessThan(VEL_TOL_KM_S);
  });

  it('returns degenerate-geometry when the three lines of sight are coplanar', () => {
    const obs = [0, 60, 120].map((t) =>
      createAngleObservation({
        epoch: T0.plusSeconds(t),
        lineOfSight: [Math.cos(t * 1e-3), Math.sin(t * 1e-3), 0],
        observerPositionKm: [0, 0, 0],
      }),
    );
    for (const sol of [solveGauss(obs), solveLaplace(obs)]) {
      expect(sol.ok).toBe(false);
      if (!sol.ok) expect(sol.reason).toBe('degenerate-geometry');
    }
  });

  it('throws on misuse: two observations, unordered epochs, mixed frames', () => {
    const obs = exactObservations([-60, 0, 60], MU_CURTIS);
    expect(() => solveGooding(obs.slice(0, 2))).toThrow(InvalidArgumentError);
    expect(() => solveGauss([obs[1]!, obs[0]!, obs[2]!])).toThrow(InvalidArgumentError);
    const eme = createAngleObservation({
      epoch: obs[2]!.epoch,
      frame: 'EME2000',
      lineOfSight: obs[2]!.lineOfSight,
      observerPositionKm: obs[2]!.observerPositionKm,
    });
    expect(() => solveLaplace([obs[0]!, obs[1]!, eme])).toThrow(FrameMismatchError);
  });
});

describe('createAngleObservation and angleObservationFromSite', () => {
  /**
   * |[0, 3, 4] / 5| − 1: the squares and their sum carry ~5 roundings of 1.1e-16, halved by
   * the square root, plus the root's own: 3.5 × 1.1e-16 = 3.9e-16 (measured 0).
   */
  const UNIT_NORM_REL = 5e-16;
  /**
   * The site's inertial speed and acceleration against ω R cos φ and ω² R cos φ with the
   * nominal ω = 7.292115e-5 rad/s: precession and nutation add ~1e-11 rad/s (1.4e-7 relative)
   * and LOD ~1e-8 relative (measured 1.4e-7 and 1.6e-7); 1e-6.
   */
  const SITE_MOTION_REL = 1e-6;
  /**
   * A rigid rotation moves the site at right angles to its position; the angle's departure
   * from 90° (its cosine, in rad) is rounding, ~10 × 1.1e-16 rad (measured 9.8e-16 rad).
   */
  const PERPENDICULAR_ROUNDING_RAD = 1e-14;

  it('normalises the line of sight and refuses two directions or an Earth-fixed frame', () => {
    const o = createAngleObservation({
      epoch: T0,
      lineOfSight: [0, 3, 4],
      observerPositionKm: [1, 2, 3],
    });
    expect(Math.abs(vec3.norm(o.lineOfSight) - 1)).toBeLessThanOrEqual(UNIT_NORM_REL);
    expect(Object.isFrozen(o)).toBe(true);
    expect(() =>
      createAngleObservation({
        epoch: T0,
        lineOfSight: [1, 0, 0],
        rightAscensionRad: 0,
        declinationRad: 0,
        observerPositionKm: [0, 0, 0],
      }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      createAngleObservation({
        epoch: T0,
        frame: 'ITRF',
        lineOfSight: [1, 0, 0],
        observerPositionKm: [0, 0, 0],
      }),
    ).toThrow(InvalidArgumentError);
  });

  it('gives the site its inertial speed ωR cos φ and centripetal acceleration ω²R cos φ', () => {
    // Calern: ω = 7.2921e-5 rad/s, distance from the axis ≈ 4615 km → 0.3366 km/s, 2.45e-5 km/s².
    const { site } = SITES[0]!;
    const o = angleObservationFromSite(site, Epoch.fromIso('2024-03-01T22:00:00', 'UTC'), 1, 0.1);
    const rho = Math.hypot(site.positionItrfKm[0], site.positionItrfKm[1]);
    const w = 7.292115e-5;
    expect(Math.abs(vec3.norm(o.observerVelocityKmS!) - w * rho) / (w * rho)).toBeLessThan(
      SITE_MOTION_REL,
    );
    expect(
      Math.abs(vec3.norm(o.observerAccelerationKmS2!) - w * w * rho) / (w * w * rho),
    ).toBeLessThan(SITE_MOTION_REL);
    const v = o.observerVelocityKmS!;
    const cosAngle =
      vec3.dot(v, o.observerPositionKm) / (vec3.norm(v) * vec3.norm(o.observerPositionKm));
    expect(Math.abs(cosAngle)).toBeLessThan(PERPENDICULAR_ROUNDING_RAD);
  });
});
