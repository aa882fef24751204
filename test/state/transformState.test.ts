import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FrameMismatchError } from '../../src/errors';
import { frameTransform } from '../../src/frames/frameTransform';
import { Covariance } from '../../src/state/covariance';
import { stateTransformJacobian } from '../../src/state/stateTransformJacobian';
import { StateVector } from '../../src/state/stateVector';
import { transformCovariance, transformState } from '../../src/state/transformState';
import { Epoch } from '../../src/time';

const example = JSON.parse(
  readFileSync(
    new URL(
      '../reference/vallado-frames/vallado_2004-04-06_example_3-14_3-15.json',
      import.meta.url,
    ),
    'utf8',
  ),
);
const RAD_PER_ARCSEC = Math.PI / 648000;
const e = example.epoch;
const epoch = Epoch.fromIso(e.utc, 'UTC');
const [u1, u2] = epoch.toJdParts('UTC');
const options = {
  eop: {
    ut1MinusUtcS: (e.jd_ut1 - u1 - u2) * 86400,
    xpRad: e.xp_arcsec * RAD_PER_ARCSEC,
    ypRad: e.yp_arcsec * RAD_PER_ARCSEC,
    lodS: e.lod_s,
    dXRad: e.dX_2000_arcsec * RAD_PER_ARCSEC,
    dYRad: e.dY_2000_arcsec * RAD_PER_ARCSEC,
  },
  velocity: 'earthRotation' as const,
};

describe('transformState', () => {
  it("takes Vallado's ITRF state to his GCRF (IAU 2006 CIO, dX/dY) within 1e-5 km", () => {
    const itrf = StateVector.create({
      epoch,
      frame: 'ITRF',
      positionKm: example.states.ITRF.r_km,
      velocityKmS: example.states.ITRF.v_kms,
    });
    const gcrf = transformState(itrf, 'GCRF', options);
    const want = example.states.notebook_GCRF_iau2006_cio_with_dX_dY.r_km;
    expect(gcrf.frame).toBe('GCRF');
    // The fixture's tolerance for this check (Vallado prints 8 decimals).
    expect(Math.hypot(...gcrf.positionKm.map((x, k) => x - want[k]))).toBeLessThan(1e-5);
    // And back, to 1e-9 km: the round-trip tolerance of the frames properties.
    const back = transformState(gcrf, 'ITRF', options);
    expect(back.distanceKm(itrf)).toBeLessThan(1e-9);
    expect(() => gcrf.relativeTo(itrf)).toThrow(FrameMismatchError);
  });

  it('returns the same state when the frame is already the target', () => {
    const s = StateVector.create({
      epoch,
      frame: 'TEME',
      positionKm: [7000, 0, 0],
      velocityKmS: [0, 7.5, 0],
    });
    expect(transformState(s, 'TEME')).toBe(s);
  });
});

describe('transformCovariance', () => {
  const state = StateVector.create({
    epoch,
    frame: 'GCRF',
    positionKm: [42164, 100, -50],
    velocityKmS: [-0.01, 3.0747, 0.002],
  });
  const cov = Covariance.create({
    epoch,
    frame: 'GCRF',
    matrix: [
      [1.0, 0.2, 0.1, 1e-4, 0, 0],
      [0.2, 2.0, 0.3, 0, 2e-4, 0],
      [0.1, 0.3, 3.0, 0, 0, 3e-4],
      [1e-4, 0, 0, 1e-6, 0, 0],
      [0, 2e-4, 0, 0, 2e-6, 0],
      [0, 0, 3e-4, 0, 0, 3e-6],
    ],
  });

  it('is J C Jᵀ with the Jacobian of transformState: a small state offset maps linearly', () => {
    const to = 'ITRF';
    const x = frameTransform('GCRF', to, epoch);
    const j = stateTransformJacobian(x.rotation, x.rotationRate);
    const delta = [0.01, -0.02, 0.03, 1e-5, -2e-5, 3e-5];
    const moved = StateVector.create({
      epoch,
      frame: 'GCRF',
      positionKm: state.positionKm.map((v, k) => v + delta[k]!),
      velocityKmS: state.velocityKmS.map((v, k) => v + delta[k + 3]!),
    });
    const a = transformState(state, to);
    const b = transformState(moved, to);
    const diff = [
      ...b.positionKm.map((v, k) => v - a.positionKm[k]!),
      ...b.velocityKmS.map((v, k) => v - a.velocityKmS[k]!),
    ];
    for (let i = 0; i < 6; i++) {
      let expected = 0;
      for (let k = 0; k < 6; k++) expected += j.data[6 * i + k]! * delta[k]!;
      // The map is linear: only rounding of 4e4 km values remains (1e-11 km, 1e-14 km/s).
      expect(Math.abs(diff[i]! - expected)).toBeLessThan(i < 3 ? 1e-10 : 1e-13);
    }
  });

  it('round-trips GCRF → ITRF → GCRF within 1e-12 relative, and keeps the position trace', () => {
    const there = transformCovariance(cov, 'ITRF');
    expect(there.frame).toBe('ITRF');
    const back = transformCovariance(there, 'GCRF');
    for (let i = 0; i < 6; i++) {
      for (let k = 0; k < 6; k++) {
        const scale = Math.sqrt(cov.get(i, i) * cov.get(k, k));
        expect(Math.abs(back.get(i, k) - cov.get(i, k))).toBeLessThanOrEqual(1e-12 * scale);
      }
    }
    const trace = (c: Covariance) => c.get(0, 0) + c.get(1, 1) + c.get(2, 2);
    expect(Math.abs(trace(there) - trace(cov))).toBeLessThan(1e-12 * trace(cov));
    // The velocity block grows by the Earth's rotation: ω² σ² ≈ 5e-9 (km/s)² per km².
    expect(there.get(3, 3) + there.get(4, 4)).toBeGreaterThan(cov.get(3, 3) + cov.get(4, 4));
  });
});
