/**
 * Partial derivatives of every measurement model against central finite differences, on the
 * state (from a state 3 s before the tag, and from a trajectory at emission) and on every
 * parameter, with and without light time and aberration.
 */
import { describe, expect, it } from 'vitest';
import { createSiteDeg } from '../../../src/frames';
import {
  createAzElModel,
  createPositionModel,
  createRaDecModel,
  createRadar,
  createRangeModel,
  createRangeRateModel,
  createTelescope,
  type MeasurementModel,
  type TargetTrajectory,
} from '../../../src/od/measurements';
import { Epoch } from '../../../src/time';

/** The acceptance criterion of the issue: relative 1e-6 or better. */
const PARTIAL_REL_TOL = 1e-6;
/**
 * The emission epoch found again from a trajectory anchored at it: the light-time iteration
 * stops at a change of 1e-12 s (src/frames/lightTime.ts) and epochs keep their fraction of a
 * second to 1e-16 s (measured 0 s in every case).
 */
const EMISSION_EPOCH_TOL_S = 1e-12;
/**
 * Finite-difference steps: 10 m in position and 1 mm/s in velocity keep the rounding of the
 * angles (1e-16 rad / step ≈ 1e-14) and the truncation ((step/ρ)² ≈ 1e-13 relative) far below
 * the tolerance; 1 ms of time bias; the bias steps are exact (the values are linear in them).
 */
const STEP_POSITION_KM = 1e-2;
const STEP_VELOCITY_KM_S = 1e-3;
const STEP_TIME_S = 1e-3;
const STEP_ANGLE_RAD = 1e-6;
const STEP_RANGE_KM = 1e-3;
const GM_KM3_S2 = 398600.4418; // WGS84

const calern = createSiteDeg({ latitudeDeg: 43.75203, longitudeDeg: 6.92353, heightKm: 1.32 });
const telescope = createTelescope({
  id: 'TCA',
  site: calern,
  sigmaArcsec: 1,
  raBiasArcsec: 0.3,
  decBiasArcsec: -0.2,
  azBiasArcsec: 5,
  elBiasArcsec: -3,
  timeBiasS: 0.2,
});
const radar = createRadar({
  id: 'RAD',
  site: calern,
  rangeSigmaKm: 0.01,
  rangeRateSigmaKmS: 1e-5,
  angleSigmaArcsec: 36,
  rangeBiasKm: 0.003,
  rangeRateBiasKmS: 1e-5,
  timeBiasS: 0.05,
});
/** 5 s past a whole minute: every evaluation stays within one 60 s anchor of the site. */
const tag = Epoch.fromIso('2024-03-01T21:00:05', 'UTC');
/** A GEO object above the Mediterranean, seen at 38° of elevation, and a LEO object. */
const GEO_STATE = [-22000, 35980, 1200, -2.62, -1.6, 0.05];
const LEO_STATE = [-1500, 4200, 5400, -6.9, -1.8, 0.6];
const annualVelocity = () => [-25.1, -13.9, -6.0] as const; // km/s, an Earth velocity in March

interface Case {
  readonly name: string;
  readonly model: MeasurementModel;
  readonly state: readonly number[];
}

const cases: Case[] = [];
for (const lightTime of [false, true]) {
  const lt = lightTime ? 'light time' : 'geometric';
  for (const ab of [false, true]) {
    const abOpts = ab ? { diurnalAberration: true, annualAberration: annualVelocity } : {};
    const abName = ab ? ', aberration' : '';
    cases.push({
      name: `RA/Dec GCRF, ${lt}${abName}`,
      model: createRaDecModel(telescope, { lightTime, ...abOpts }),
      state: GEO_STATE,
    });
    cases.push({
      name: `RA/Dec EME2000, ${lt}${abName}`,
      model: createRaDecModel(telescope, { lightTime, axes: 'EME2000', ...abOpts }),
      state: GEO_STATE,
    });
    cases.push({
      name: `Az/El, ${lt}${abName}, refraction`,
      model: createAzElModel(telescope, { lightTime, refraction: true, ...abOpts }),
      state: GEO_STATE,
    });
  }
  cases.push({
    name: `Az/El radar, ${lt}`,
    model: createAzElModel(radar, { lightTime }),
    state: LEO_STATE,
  });
  cases.push({
    name: `range, ${lt}`,
    model: createRangeModel(radar, { lightTime }),
    state: LEO_STATE,
  });
  cases.push({
    name: `range GEO, ${lt}`,
    model: createRangeModel(radar, { lightTime }),
    state: GEO_STATE,
  });
  cases.push({
    name: `range rate, ${lt}`,
    model: createRangeRateModel(radar, { lightTime }),
    state: LEO_STATE,
  });
  cases.push({
    name: `range rate GEO, ${lt}`,
    model: createRangeRateModel(radar, { lightTime }),
    state: GEO_STATE,
  });
}
cases.push({ name: 'position', model: createPositionModel('GNSS', 'POSITION'), state: LEO_STATE });
cases.push({
  name: 'position-velocity',
  model: createPositionModel('GNSS', 'POSITION_VELOCITY'),
  state: LEO_STATE,
});

/** Values of a model from a state (fast path). */
function values(m: MeasurementModel, state: readonly number[], stateEpoch: Epoch, p?: number[]) {
  const out = new Float64Array(m.dimension);
  m.predictInto(out, undefined, undefined, tag, state, stateEpoch, p);
  return out;
}

/** A component difference, wrapped for angles near 0/2π. */
function diff(a: number, b: number): number {
  const d = a - b;
  return d > Math.PI ? d - 2 * Math.PI : d < -Math.PI ? d + 2 * Math.PI : d;
}

/**
 * Worst relative error of ∂h/∂x against central differences, per row and block: the error of
 * each entry over the largest finite difference of its block (positions, or velocities; a
 * velocity block that is nearly zero is scaled by the position block times 1 s).
 */
function stateError(
  analytic: ArrayLike<number>,
  dim: number,
  evaluate: (x: number[]) => Float64Array,
  x0: readonly number[],
): number {
  const fd: number[][] = Array.from({ length: dim }, () => new Array<number>(6).fill(0));
  for (let j = 0; j < 6; j++) {
    const h = j < 3 ? STEP_POSITION_KM : STEP_VELOCITY_KM_S;
    const xp = [...x0];
    const xm = [...x0];
    xp[j]! += h;
    xm[j]! -= h;
    const vp = evaluate(xp);
    const vm = evaluate(xm);
    for (let i = 0; i < dim; i++) fd[i]![j] = diff(vp[i]!, vm[i]!) / (2 * h);
  }
  let worst = 0;
  for (let i = 0; i < dim; i++) {
    const row = fd[i]!;
    const velOnly = Math.max(...row.slice(3).map(Math.abs));
    const posScale = Math.max(...row.slice(0, 3).map(Math.abs)) || velOnly;
    const velScale = Math.max(velOnly, posScale);
    for (let j = 0; j < 6; j++) {
      const scale = j < 3 ? posScale : velScale;
      const e = Math.abs(analytic[6 * i + j]! - row[j]!) / scale;
      worst = Math.max(worst, e);
    }
  }
  return worst;
}

function parameterStep(name: string): number {
  if (name.endsWith('timeBias')) return STEP_TIME_S;
  if (name.endsWith('rangeBias') || name.endsWith('rangeRateBias')) return STEP_RANGE_KM;
  return STEP_ANGLE_RAD;
}

/** Two-body Taylor trajectory through a state at `anchor` (what the model assumes near it). */
function taylorTrajectory(anchor: Epoch, state: readonly number[]): TargetTrajectory {
  const r = Math.hypot(state[0]!, state[1]!, state[2]!);
  const k = -GM_KM3_S2 / r ** 3;
  return {
    frame: 'GCRF',
    positionVelocityInto(out: Float64Array, epoch: Epoch): Float64Array {
      const s = epoch.secondsSince(anchor);
      for (let i = 0; i < 3; i++) {
        const a = k * state[i]!;
        out[i] = state[i]! + state[3 + i]! * s + 0.5 * a * s * s;
        out[3 + i] = state[3 + i]! + a * s;
      }
      return out;
    },
  };
}

describe('measurement partial derivatives against central finite differences', () => {
  const stateEpoch = tag.plusSeconds(-3);
  it.each(cases)('$name: ∂h/∂x from a state 3 s before the tag within 1e-6', ({ model, state }) => {
    const hx = new Float64Array(6 * model.dimension);
    model.predictInto(new Float64Array(model.dimension), hx, undefined, tag, state, stateEpoch);
    const err = stateError(hx, model.dimension, (x) => values(model, x, stateEpoch), state);
    expect(err).toBeLessThan(PARTIAL_REL_TOL);
  });

  it.each(cases)('$name: ∂h/∂x at emission from a trajectory within 1e-6', ({ model, state }) => {
    // The nominal emission epoch, then the trajectory anchored there and perturbed.
    const nominal = model.predict(tag, taylorTrajectory(stateEpoch, state));
    const emission = nominal.partialsEpoch;
    const atEmission = new Float64Array(6);
    taylorTrajectory(stateEpoch, state).positionVelocityInto(atEmission, emission);
    const x0 = Array.from(atEmission);
    const p = model.predict(tag, taylorTrajectory(emission, x0));
    expect(p.partialsAt).toBe('emission');
    expect(Math.abs(p.partialsEpoch.secondsSince(emission))).toBeLessThan(EMISSION_EPOCH_TOL_S);
    const hx = p.statePartials.flat();
    const evaluate = (x: number[]) =>
      Float64Array.from(model.predict(tag, taylorTrajectory(emission, x)).values);
    expect(stateError(hx, model.dimension, evaluate, x0)).toBeLessThan(PARTIAL_REL_TOL);
  });

  it.each(cases.filter((c) => c.model.parameterNames.length > 0))(
    '$name: ∂h/∂p within 1e-6',
    ({ model, state }) => {
      const np = model.parameterNames.length;
      const hp = new Float64Array(np * model.dimension);
      model.predictInto(new Float64Array(model.dimension), undefined, hp, tag, state, stateEpoch);
      for (let j = 0; j < np; j++) {
        const h = parameterStep(model.parameterNames[j]!);
        const pp = [...model.parameterValues];
        const pm = [...model.parameterValues];
        pp[j]! += h;
        pm[j]! -= h;
        const vp = values(model, state, stateEpoch, pp);
        const vm = values(model, state, stateEpoch, pm);
        for (let i = 0; i < model.dimension; i++) {
          const fd = diff(vp[i]!, vm[i]!) / (2 * h);
          const scale = Math.max(
            ...Array.from({ length: np }, (_, m) => Math.abs(hp[np * i + m]!)),
          );
          expect(Math.abs(hp[np * i + j]! - fd) / scale).toBeLessThan(PARTIAL_REL_TOL);
        }
      }
    },
  );
});
