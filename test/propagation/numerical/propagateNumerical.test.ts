import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors';
import {
  egm2008Degree20,
  type ForceModel,
  lowPrecisionMoon,
  lowPrecisionSun,
  pointMassGravity,
  solarRadiationPressure,
  sphericalHarmonicGravity,
  thirdBodyGravity,
  zonalGravity,
} from '../../../src/propagation/forces';
import { propagateKepler } from '../../../src/propagation/kepler';
import { type ImpulsiveManeuver, propagateNumerical } from '../../../src/propagation/numerical';
import { Covariance, StateVector } from '../../../src/state';
import { Epoch } from '../../../src/time';

const T0 = Epoch.fromIso('2024-06-01T00:00:00', 'UTC');
const SUN = lowPrecisionSun();
const MOON = lowPrecisionMoon();
const FIELD = egm2008Degree20();
const GM = 398600.4415;
const GEO_Y0 = [42164, 100, 50, -0.007, 3.0746, 0.01];
const TIGHT = { relTol: 1e-13, absTolKm: 1e-10 } as const;

function state(y: readonly number[], epoch = T0): StateVector {
  return StateVector.create({
    epoch,
    frame: 'GCRF',
    positionKm: y.slice(0, 3),
    velocityKmS: y.slice(3, 6),
  });
}

function diff(a: StateVector, b: StateVector): number[] {
  return [
    ...a.positionKm.map((v, i) => v - b.positionKm[i]!),
    ...a.velocityKmS.map((v, i) => v - b.velocityKmS[i]!),
  ];
}

/** The full GEO model of the acceptance criterion: EGM2008 8×8 in ITRF, Sun, Moon, SRP. */
function geoModel(cr = 1.3, areaToMassM2Kg = 0.02): ForceModel[] {
  return [
    sphericalHarmonicGravity({ field: FIELD, degree: 8 }),
    thirdBodyGravity(SUN),
    thirdBodyGravity(MOON),
    solarRadiationPressure({ cr, areaToMassM2Kg, sun: SUN, moon: MOON }),
  ];
}

describe('two-body: the propagator reproduces Kepler', () => {
  /**
   * DOP853 at relTol 1e-13: the global error over a day measured 9e-9 km (GEO) and 3e-9 km
   * (LEO); 1e-6 km is the bound for two-body runs.
   */
  const KEPLER_TOL_KM = 1e-6;
  it.each([
    ['GEO, 1 day', GEO_Y0, 86400],
    ['LEO, 1 day', [6778, 0, 0, 0, 5.5, 5.3], 86400],
  ] as const)('%s within 1e-6 km', (_name, y0, durationS) => {
    const end = T0.plusSeconds(durationS);
    const run = propagateNumerical({
      initialState: state(y0),
      endEpoch: end,
      forces: [pointMassGravity({ gmKm3S2: GM })],
      ...TIGHT,
    });
    expect(run.status).toBe('ok');
    const kepler = propagateKepler(state(y0), end, { muKm3S2: GM });
    const d = diff(run.finalState, kepler);
    expect(Math.hypot(d[0]!, d[1]!, d[2]!)).toBeLessThan(KEPLER_TOL_KM);
    // the ephemeris answers anywhere in the span: compare mid-way too
    const mid = T0.plusSeconds(durationS / 3);
    const dm = diff(run.ephemeris!.stateAt(mid), propagateKepler(state(y0), mid, { muKm3S2: GM }));
    expect(Math.hypot(dm[0]!, dm[1]!, dm[2]!)).toBeLessThan(KEPLER_TOL_KM);
  });
});

describe('the state transition matrix and the parameter sensitivities', () => {
  /**
   * The acceptance criterion: GEO, 2 days, full GEO model, against central differences, per
   * column (relative to the column's norm). Steps: 1 km and 1e-4 km/s for the state (the
   * truncation error (δ/r)² is ~1e-9), 1 % of Cr and A/m (the dependence is nearly linear).
   * Measured: 2.7e-7.
   */
  const STM_REL_TOL = 1e-6;
  it('GEO over 2 days with EGM2008 8×8, Sun, Moon and SRP: Φ and ∂y/∂p within 1e-6 of central differences', () => {
    const end = T0.plusSeconds(2 * 86400);
    const run = propagateNumerical({
      initialState: state(GEO_Y0),
      endEpoch: end,
      forces: geoModel(),
      stm: true,
      ...TIGHT,
    });
    expect(run.parameterNames).toEqual(['srp.cr', 'srp.areaToMassM2Kg']);
    const phi = run.stmAt();
    const sens = run.sensitivityAt();
    const final = (y: readonly number[], forces = geoModel()) =>
      propagateNumerical({ initialState: state(y), endEpoch: end, forces, ...TIGHT }).finalState;
    const check = (column: number[], fd: number[]) => {
      const err = Math.hypot(...fd.map((v, i) => v - column[i]!));
      expect(err / Math.hypot(...fd)).toBeLessThan(STM_REL_TOL);
    };
    for (let j = 0; j < 6; j++) {
      const h = j < 3 ? 1 : 1e-4;
      const yp = [...GEO_Y0];
      const ym = [...GEO_Y0];
      yp[j]! += h;
      ym[j]! -= h;
      const fd = diff(final(yp), final(ym)).map((v) => v / (2 * h));
      check(
        [0, 1, 2, 3, 4, 5].map((i) => phi[6 * i + j]!),
        fd,
      );
    }
    for (const [k, make] of [
      [0, (d: number) => geoModel(1.3 + d, 0.02), 0.013],
      [1, (d: number) => geoModel(1.3, 0.02 + d), 0.0002],
    ] as const) {
      const h = k === 0 ? 0.013 : 0.0002;
      const fd = diff(final(GEO_Y0, make(h)), final(GEO_Y0, make(-h))).map((v) => v / (2 * h));
      check(
        [0, 1, 2, 3, 4, 5].map((i) => sens[2 * i + k]!),
        fd,
      );
    }
  });

  it('integrating the variational equations leaves the state as without them (1e-7 km)', () => {
    const end = T0.plusSeconds(86400);
    const a = propagateNumerical({
      initialState: state(GEO_Y0),
      endEpoch: end,
      forces: geoModel(),
      stm: true,
      ...TIGHT,
    });
    const b = propagateNumerical({
      initialState: state(GEO_Y0),
      endEpoch: end,
      forces: geoModel(),
      ...TIGHT,
    });
    const d = diff(a.finalState, b.finalState);
    // different step sequences, each within its tolerance
    expect(Math.hypot(d[0]!, d[1]!, d[2]!)).toBeLessThan(1e-7);
  });

  it('an RTN impulse: stops exactly at its epoch, and Φ and ∂y/∂Δv match central differences', () => {
    const end = T0.plusSeconds(86400);
    const burn = (dv: [number, number, number]): ImpulsiveManeuver => ({
      name: 'burn',
      epoch: T0.plusSeconds(20000),
      deltaVKmS: dv,
      frame: 'RTN',
    });
    const dv: [number, number, number] = [1e-4, 2e-3, -5e-4];
    const forces = [pointMassGravity({ gmKm3S2: GM }), thirdBodyGravity(MOON)];
    const run = propagateNumerical({
      initialState: state(GEO_Y0),
      endEpoch: end,
      forces,
      maneuvers: [burn(dv)],
      stm: true,
      ...TIGHT,
    });
    expect(run.parameterNames).toEqual(['burn.dvR', 'burn.dvT', 'burn.dvN']);
    // just after the burn, the speed has changed by the Δv (the ephemeris takes the later side)
    const before = run.ephemeris!.stateAt(T0.plusSeconds(19999.999));
    const at = run.ephemeris!.stateAt(T0.plusSeconds(20000));
    const dvNorm = Math.hypot(...diff(at, before).slice(3));
    expect(dvNorm).toBeCloseTo(Math.hypot(...dv), 7);
    const final = (y: readonly number[], d = dv) =>
      propagateNumerical({
        initialState: state(y),
        endEpoch: end,
        forces,
        maneuvers: [burn(d)],
        ...TIGHT,
      }).finalState;
    const phi = run.stmAt();
    for (let j = 0; j < 6; j++) {
      const h = j < 3 ? 1 : 1e-4;
      const yp = [...GEO_Y0];
      const ym = [...GEO_Y0];
      yp[j]! += h;
      ym[j]! -= h;
      const fd = diff(final(yp), final(ym)).map((v) => v / (2 * h));
      const col = [0, 1, 2, 3, 4, 5].map((i) => phi[6 * i + j]!);
      expect(Math.hypot(...fd.map((v, i) => v - col[i]!)) / Math.hypot(...fd)).toBeLessThan(1e-6);
    }
    const sens = run.sensitivityAt();
    for (let k = 0; k < 3; k++) {
      const h = 1e-5;
      const dp = [...dv] as [number, number, number];
      const dm = [...dv] as [number, number, number];
      dp[k]! += h;
      dm[k]! -= h;
      const fd = diff(final(GEO_Y0, dp), final(GEO_Y0, dm)).map((v) => v / (2 * h));
      const col = [0, 1, 2, 3, 4, 5].map((i) => sens[3 * i + k]!);
      expect(Math.hypot(...fd.map((v, i) => v - col[i]!)) / Math.hypot(...fd)).toBeLessThan(1e-6);
    }
  });
});

describe('conservation and reversibility', () => {
  /**
   * Zonal J2…J6 about the GCRF z axis is time-independent, so E = v²/2 − U(r) is constant.
   * DOP853 at relTol 1e-13 over 30 days of LEO (~450 revolutions): measured relative drift
   * 9e-13 (8.6e-12 at 1e-12, 2e-9 at 1e-10; docs/guides/propagation.md); bound 1e-10.
   */
  const ENERGY_DRIFT_REL = 1e-10;
  it('zonal J2…J6: energy drift below 1e-10 (relative) over 30 days in LEO', () => {
    const j = [
      1.0826261738522e-3, -2.5324105185677e-6, -1.619897599917e-6, -2.2775359073084e-7,
      5.4066657628381e-7,
    ];
    const R = 6378.1363;
    const legendre = (n: number, x: number): number => {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
      return n === 0 ? p0 : p1;
    };
    const energy = (s: StateVector) => {
      const [x, y, z] = s.positionKm;
      const r = Math.hypot(x, y, z);
      let u = 1;
      j.forEach((jn, i) => {
        u -= jn * (R / r) ** (i + 2) * legendre(i + 2, z / r);
      });
      return Math.hypot(...s.velocityKmS) ** 2 / 2 - (GM / r) * u;
    };
    const y0 = [6778, 0, 0, 0, 4.9, 5.8];
    const run = propagateNumerical({
      initialState: state(y0),
      endEpoch: T0.plusSeconds(30 * 86400),
      forces: [zonalGravity({ gmKm3S2: GM, referenceRadiusKm: R, j })],
      dense: false,
      ...TIGHT,
    });
    expect(run.status).toBe('ok');
    const e0 = energy(state(y0));
    expect(Math.abs((energy(run.finalState) - e0) / e0)).toBeLessThan(ENERGY_DRIFT_REL);
  });

  /** Forward then backward with the full GEO model: 1e-6 km, the bound. */
  it('GEO full model, 1 day forward then back, returns within 1e-6 km', () => {
    const fwd = propagateNumerical({
      initialState: state(GEO_Y0),
      endEpoch: T0.plusSeconds(86400),
      forces: geoModel(),
      ...TIGHT,
    });
    const back = propagateNumerical({
      initialState: fwd.finalState,
      endEpoch: T0,
      forces: geoModel(),
      ...TIGHT,
    });
    const d = diff(back.finalState, state(GEO_Y0));
    expect(Math.hypot(d[0]!, d[1]!, d[2]!)).toBeLessThan(1e-6);
  });
});

describe('status, covariance and misuse', () => {
  it('a run past its step budget says so and returns the state at the epoch it reached', () => {
    const run = propagateNumerical({
      initialState: state(GEO_Y0),
      endEpoch: T0.plusSeconds(86400),
      forces: [pointMassGravity()],
      maxSteps: 5,
      ...TIGHT,
    });
    expect(run.status).toBe('max-steps');
    expect(run.reachedEpoch.secondsSince(T0)).toBeLessThan(86400);
    expect(run.finalState.epoch.equals(run.reachedEpoch)).toBe(true);
    const kepler = propagateKepler(state(GEO_Y0), run.reachedEpoch);
    const d = diff(run.finalState, kepler);
    expect(Math.hypot(d[0]!, d[1]!, d[2]!)).toBeLessThan(1e-3);
  });

  it('covarianceAt is Φ P₀ Φᵀ, and process noise only adds', () => {
    const run = propagateNumerical({
      initialState: state(GEO_Y0),
      endEpoch: T0.plusSeconds(43200),
      forces: [pointMassGravity()],
      stm: true,
      ...TIGHT,
    });
    const p0rows = [0, 1, 2, 3, 4, 5].map((i) =>
      [0, 1, 2, 3, 4, 5].map((k) => (i === k ? (i < 3 ? 1e-2 : 1e-8) : 0)),
    );
    const p0 = Covariance.create({ epoch: T0, frame: 'GCRF', matrix: p0rows });
    const p = run.covarianceAt(undefined, p0);
    const phi = run.stmAt();
    // element (1, 1): Σ_k Φ1k² P0kk
    let expected = 0;
    for (let k = 0; k < 6; k++) expected += phi[6 + k]! ** 2 * p0rows[k]![k]!;
    expect(p.get(1, 1)).toBeCloseTo(expected, 12);
    const noisy = run.covarianceAt(undefined, p0, { accelerationPsdKm2S3: 1e-18 });
    for (let i = 0; i < 6; i++) expect(noisy.get(i, i)).toBeGreaterThan(p.get(i, i));
  });

  it('rejects a non-GCRF state and unknown parameter names', () => {
    const teme = StateVector.create({
      epoch: T0,
      frame: 'TEME',
      positionKm: [42164, 0, 0],
      velocityKmS: [0, 3.07, 0],
    });
    expect(() =>
      propagateNumerical({ initialState: teme, endEpoch: T0.plusSeconds(60), forces: [] }),
    ).toThrow(/GCRF/);
    expect(() =>
      propagateNumerical({
        initialState: state(GEO_Y0),
        endEpoch: T0.plusSeconds(60),
        forces: geoModel(),
        stm: true,
        parameters: ['drag.cd'],
      }),
    ).toThrow(InvalidArgumentError);
  });
});
