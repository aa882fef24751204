/**
 * Acceptance of the angles-only IOD on simulated GEO data (1″ noise, seeded): Gooding and
 * Gauss from three observations spread over one night, and the circular-orbit method from
 * one 10-minute tracklet of 6 points, each over at least 100 cases from Calern, La Silla and
 * Les Makes (see geoSimulation.ts for the truths, the visibility rules and the noise). The
 * distributions are in docs/guides/od.md ("Initial orbit determination").
 */
import { describe, expect, it } from 'vitest';
import { vec3 } from '../../../src/math';
import { solveCircularOrbit, solveGauss, solveGooding, solveLaplace } from '../../../src/od/iod';
import {
  ARCSEC_RAD,
  drawThreeObservationCases,
  drawTrackletCases,
  elementsOf,
  fitAttributable,
  truthAt,
} from './geoSimulation';

/** Cases per experiment (the issue asks for at least 100). */
const CASES = 100;
/** 1″, the noise of the simulated angles (one σ per coordinate). */
const SIGMA_RAD = ARCSEC_RAD;
/** Target of the issue: three observations over one night within 5 km in ≥ 95 % of cases. */
const NIGHT_POSITION_TOL_KM = 5;
/** Target of the issue: one tracklet good enough to start batch least squares. */
const TRACKLET_POSITION_TOL_KM = 1000;
const SUCCESS_FRACTION = 0.95;
/**
 * ESA's GEO orbit class (ESA Space Environment Report, orbit-class table): perigee and apogee
 * altitudes between 35,586 and 35,986 km, inclination below 25°.
 */
const GEO_ALTITUDE_MIN_KM = 35586;
const GEO_ALTITUDE_MAX_KM = 35986;
const GEO_INCLINATION_MAX_RAD = (25 * Math.PI) / 180;
const EARTH_RADIUS_KM = 6378.137;

describe('IOD on simulated GEO angles (1″ noise)', () => {
  const night = drawThreeObservationCases('osmose-iod-night', CASES, SIGMA_RAD);
  const tracklets = drawTrackletCases('osmose-iod-tracklet', CASES, SIGMA_RAD);

  it(`draws ${CASES} visible cases of each kind`, () => {
    expect(night).toHaveLength(CASES);
    expect(tracklets).toHaveLength(CASES);
  });

  it('Gooding from three observations over one night: within 5 km in at least 95 % of cases', () => {
    let within = 0;
    for (const { c, obs } of night) {
      const sol = solveGooding(obs);
      if (!sol.ok) continue;
      const truth = truthAt(c, sol.state.epoch);
      if (vec3.distance(sol.state.positionKm, truth.positionKm) <= NIGHT_POSITION_TOL_KM) within++;
    }
    expect(within / night.length).toBeGreaterThanOrEqual(SUCCESS_FRACTION);
  });

  it('no method throws on these cases; failures come back as a status with a reason', () => {
    for (const { obs } of night) {
      for (const solve of [solveGooding, solveGauss, solveLaplace]) {
        const sol = solve(obs);
        if (!sol.ok)
          expect(['not-converged', 'no-admissible-root', 'degenerate-geometry']).toContain(
            sol.reason,
          );
      }
    }
    for (const { c, obs } of tracklets) {
      const sol = solveCircularOrbit(fitAttributable(c, obs));
      if (!sol.ok) expect(sol.reason).toBe('no-admissible-root');
      const three = solveGooding([obs[0]!, obs[3]!, obs[5]!]);
      if (!three.ok) expect(three.reason).toBe('not-converged');
    }
  });

  it('the circular orbit from one 10-minute tracklet is within 1,000 km and in the GEO class in at least 95 % of cases', () => {
    let good = 0;
    for (const { c, obs } of tracklets) {
      const sol = solveCircularOrbit(fitAttributable(c, obs));
      if (!sol.ok) continue;
      const truth = truthAt(c, sol.state.epoch);
      const el = elementsOf(sol.state.positionKm, sol.state.velocityKmS);
      const perigeeAltKm = el.aKm * (1 - el.ecc) - EARTH_RADIUS_KM;
      const apogeeAltKm = el.aKm * (1 + el.ecc) - EARTH_RADIUS_KM;
      const geoClass =
        perigeeAltKm >= GEO_ALTITUDE_MIN_KM &&
        apogeeAltKm <= GEO_ALTITUDE_MAX_KM &&
        el.incRad <= GEO_INCLINATION_MAX_RAD;
      if (
        geoClass &&
        vec3.distance(sol.state.positionKm, truth.positionKm) <= TRACKLET_POSITION_TOL_KM
      )
        good++;
    }
    expect(good / tracklets.length).toBeGreaterThanOrEqual(SUCCESS_FRACTION);
  });
});
