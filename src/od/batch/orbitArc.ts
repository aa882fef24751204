/**
 * The orbit layer of batch least squares: from a parameter vector (state at the epoch, force
 * parameters, maneuver Δv, sensor biases) to the residuals of every measurement and their
 * partial derivatives, with one propagation (state transition matrix and sensitivities) on
 * each side of the epoch.
 *
 * @packageDocumentation
 */
import { AstroError, InvalidArgumentError } from '../../errors';
import {
  type ForceContext,
  type ImpulsiveManeuver,
  type NumericalPropagation,
  propagateNumerical,
} from '../../propagation';
import { StateVector } from '../../state';
import type { Epoch } from '../../time';
import type { Measurement, MeasurementModel } from '../measurements';
import {
  componentResidual,
  forcesWith,
  OD_DEFAULT_ABS_TOL_KM,
  OD_DEFAULT_REL_TOL,
  type OrbitDynamics,
} from './orbitDynamics';

/** A maneuver whose Δv is estimated (it happens at a known epoch, after the estimation epoch). */
export interface EstimatedManeuver {
  /** Name, the prefix of its parameters (`'<name>.dvR'`…); default `dv<i>`. */
  readonly name?: string;
  /**
   * When it happens: after the initial state (crossed by the forward run) or before it
   * (undone by the backward run; the Δv is still the change of velocity forward in time).
   */
  readonly epoch: Epoch;
  /** Axes of its components: `'RTN'` (dvR, dvT, dvN) or `'GCRF'` (dvX, dvY, dvZ). */
  readonly frame: 'RTN' | 'GCRF';
  /** First guess, km/s (default zero). */
  readonly deltaVKmS?: readonly [number, number, number];
}

/** The layout of the parameter vector. @internal */
export interface ArcLayout {
  readonly names: readonly string[];
  readonly units: readonly string[];
  readonly x0: Float64Array;
  /** Index of srp.cr, srp.areaToMassM2Kg (−1 when not estimated). */
  readonly crIndex: number;
  readonly areaToMassIndex: number;
  /** First index of each estimated maneuver's three components. */
  readonly maneuverIndex: readonly number[];
  readonly maneuvers: readonly (EstimatedManeuver & { readonly name: string })[];
  /** Estimated bias names and their indices. */
  readonly biasIndex: ReadonlyMap<string, number>;
}

/** What the arc evaluates: raw and whitened residuals, the whitened Jacobian. @internal */
export interface ArcEvaluation {
  /** Observed − computed per row, internal units. */
  readonly raw: Float64Array;
  /** Raw / σ. */
  readonly whitened: Float64Array;
  /** ∂(computed / σ)/∂x, rows × n, row-major (empty without partials). */
  readonly jacobian: Float64Array;
}

const STATE_NAMES = ['x', 'y', 'z', 'vx', 'vy', 'vz'] as const;
const STATE_UNITS = ['km', 'km', 'km', 'km/s', 'km/s', 'km/s'] as const;

/**
 * The names, units and first values of the parameters, in the estimators' order: state,
 * srp.cr, srp.areaToMassM2Kg, maneuver components, sensor biases.
 *
 * @internal
 */
export function arcLayout(
  stateGcrf: StateVector,
  dynamics: OrbitDynamics,
  estimate: {
    readonly srpCr?: boolean;
    readonly srpAreaToMass?: boolean;
    readonly maneuvers?: readonly EstimatedManeuver[];
    readonly sensorBiases?: readonly string[];
  },
  biasValue: (name: string) => number | undefined,
): ArcLayout {
  const names: string[] = [...STATE_NAMES];
  const units: string[] = [...STATE_UNITS];
  const values: number[] = [...stateGcrf.positionKm, ...stateGcrf.velocityKmS];
  let crIndex = -1;
  let areaToMassIndex = -1;
  if (estimate.srpCr || estimate.srpAreaToMass) {
    if (dynamics.srp === undefined) {
      throw new InvalidArgumentError(
        'estimate.srpCr',
        true,
        '',
        'the dynamics have no srp options to estimate from',
      );
    }
  }
  if (estimate.srpCr) {
    crIndex = names.length;
    names.push('srp.cr');
    units.push('');
    values.push(dynamics.srp!.cr);
  }
  if (estimate.srpAreaToMass) {
    areaToMassIndex = names.length;
    names.push('srp.areaToMassM2Kg');
    units.push('m²/kg');
    values.push(dynamics.srp!.areaToMassM2Kg);
  }
  const maneuverIndex: number[] = [];
  const maneuvers = (estimate.maneuvers ?? []).map((m, i) => {
    const name = m.name ?? `dv${i}`;
    maneuverIndex.push(names.length);
    const axes = m.frame === 'RTN' ? ['dvR', 'dvT', 'dvN'] : ['dvX', 'dvY', 'dvZ'];
    for (let k = 0; k < 3; k++) {
      names.push(`${name}.${axes[k]}`);
      units.push('km/s');
      values.push(m.deltaVKmS?.[k] ?? 0);
    }
    return { ...m, name };
  });
  const biasIndex = new Map<string, number>();
  for (const b of estimate.sensorBiases ?? []) {
    const v = biasValue(b);
    if (v === undefined) {
      throw new InvalidArgumentError(
        'estimate.sensorBiases',
        b,
        '',
        'is no parameter of the measurement models (e.g. `TAROT-CALERN.raBias`)',
      );
    }
    if (biasIndex.has(b)) {
      throw new InvalidArgumentError('estimate.sensorBiases', b, '', 'is listed twice');
    }
    biasIndex.set(b, names.length);
    names.push(b);
    units.push(biasUnit(b));
    values.push(v);
  }
  return {
    names,
    units,
    x0: Float64Array.from(values),
    crIndex,
    areaToMassIndex,
    maneuverIndex,
    maneuvers,
    biasIndex,
  };
}

/**
 * Residuals and partials of a measurement arc for the batch estimator and `evaluate`.
 *
 * @internal
 */
export class OrbitArc {
  readonly rowMeasurement: Int32Array;
  readonly rows: number;
  readonly #measurements: readonly Measurement[];
  readonly #models: readonly MeasurementModel[];
  readonly #epoch: Epoch;
  readonly #dynamics: OrbitDynamics;
  readonly #layout: ArcLayout;
  readonly #context: ForceContext;
  readonly #partials: boolean;
  readonly #firstRow: Int32Array;
  readonly #forwardEnd: Epoch;
  readonly #backwardEnd: Epoch | undefined;

  constructor(
    measurements: readonly Measurement[],
    models: readonly MeasurementModel[],
    epoch: Epoch,
    dynamics: OrbitDynamics,
    layout: ArcLayout,
    context: ForceContext,
    partials: boolean,
  ) {
    this.#measurements = measurements;
    this.#models = models;
    this.#epoch = epoch;
    this.#dynamics = dynamics;
    this.#layout = layout;
    this.#context = context;
    this.#partials = partials;
    const rowOf: number[] = [];
    this.#firstRow = new Int32Array(measurements.length);
    let latest = 60; // at least a minute forward, so that a forward run always exists
    let earliest = 0;
    measurements.forEach((m, k) => {
      this.#firstRow[k] = rowOf.length;
      for (let c = 0; c < m.values.length; c++) rowOf.push(k);
      const t = m.epoch.secondsSince(epoch);
      latest = Math.max(latest, t);
      earliest = Math.min(earliest, t);
    });
    // A maneuver before the initial state is crossed by the backward run, one after it by
    // the forward run: each run reaches the maneuvers on its side.
    for (const m of [...(dynamics.maneuvers ?? []), ...layout.maneuvers]) {
      const t = m.epoch.secondsSince(epoch);
      latest = Math.max(latest, t);
      earliest = Math.min(earliest, t);
    }
    this.rowMeasurement = Int32Array.from(rowOf);
    this.rows = rowOf.length;
    this.#forwardEnd = epoch.plusSeconds(latest);
    this.#backwardEnd = earliest < 0 ? epoch.plusSeconds(earliest) : undefined;
  }

  /** The propagations from the parameters x. */
  propagate(x: ArrayLike<number>): {
    forward: NumericalPropagation;
    backward: NumericalPropagation | undefined;
  } {
    const L = this.#layout;
    const d = this.#dynamics;
    const forces = forcesWith(
      d,
      L.crIndex >= 0 ? x[L.crIndex]! : undefined,
      L.areaToMassIndex >= 0 ? x[L.areaToMassIndex]! : undefined,
    );
    // Maneuvers at or after the initial epoch go to the forward run, earlier ones to the
    // backward run, each with the sensitivity columns of its estimated Δv components.
    const after = (m: { epoch: Epoch }) => m.epoch.secondsSince(this.#epoch) >= 0;
    const maneuvers: ImpulsiveManeuver[] = [...(d.maneuvers ?? [])];
    const forwardNames: string[] = [];
    const backwardNames: string[] = [];
    L.maneuvers.forEach((m, i) => {
      const j = L.maneuverIndex[i]!;
      maneuvers.push({
        name: m.name,
        epoch: m.epoch,
        frame: m.frame,
        deltaVKmS: [x[j]!, x[j + 1]!, x[j + 2]!],
      });
      (after(m) ? forwardNames : backwardNames).push(...L.names.slice(j, j + 3));
    });
    const srpNames: string[] = [];
    if (L.crIndex >= 0) srpNames.push('srp.cr');
    if (L.areaToMassIndex >= 0) srpNames.push('srp.areaToMassM2Kg');
    const initialState = StateVector.create({
      epoch: this.#epoch,
      frame: 'GCRF',
      positionKm: [x[0]!, x[1]!, x[2]!],
      velocityKmS: [x[3]!, x[4]!, x[5]!],
    });
    const common = {
      initialState,
      forces,
      stm: this.#partials,
      relTol: d.relTol ?? OD_DEFAULT_REL_TOL,
      absTolKm: d.absTolKm ?? OD_DEFAULT_ABS_TOL_KM,
      context: this.#context,
    };
    const forward = propagateNumerical({
      ...common,
      endEpoch: this.#forwardEnd,
      maneuvers: maneuvers.filter(after),
      ...(this.#partials ? { parameters: [...srpNames, ...forwardNames] } : {}),
    });
    const backward =
      this.#backwardEnd === undefined || forward.status !== 'ok'
        ? undefined
        : propagateNumerical({
            ...common,
            endEpoch: this.#backwardEnd,
            maneuvers: maneuvers.filter((m) => !after(m)),
            ...(this.#partials ? { parameters: [...srpNames, ...backwardNames] } : {}),
          });
    return { forward, backward };
  }

  /**
   * Residuals (and partials) at x, or a failure sentence: a state or parameters out of the
   * models' domain (a time bias that reaches beyond the EOP table, a target at the site) end
   * the evaluation with the error's message instead of an exception.
   */
  evaluate(x: ArrayLike<number>): ArcEvaluation | { readonly failure: string } {
    try {
      return this.#evaluate(x);
    } catch (error) {
      if (error instanceof AstroError) return { failure: error.message };
      throw error;
    }
  }

  #evaluate(x: ArrayLike<number>): ArcEvaluation | { readonly failure: string } {
    const { forward, backward } = this.propagate(x);
    for (const run of [forward, backward]) {
      if (run !== undefined && run.status !== 'ok') {
        return {
          failure: `the propagation stopped at ${run.reachedEpoch.toString()} (${run.status})`,
        };
      }
    }
    const L = this.#layout;
    const n = L.names.length;
    const raw = new Float64Array(this.rows);
    const whitened = new Float64Array(this.rows);
    const jacobian = new Float64Array(this.#partials ? this.rows * n : 0);
    const state = new Float64Array(6);
    const values = new Float64Array(6);
    const hx = new Float64Array(36);
    const hp = new Float64Array(64);
    const row = new Float64Array(6);
    for (let k = 0; k < this.#measurements.length; k++) {
      const m = this.#measurements[k]!;
      const model = this.#models[k]!;
      const tag = m.epoch;
      const run = tag.secondsSince(this.#epoch) >= 0 || backward === undefined ? forward : backward;
      run.ephemeris!.positionVelocityInto(state, tag);
      const params = model.parameterValues.slice();
      model.parameterNames.forEach((name, j) => {
        const idx = L.biasIndex.get(name);
        if (idx !== undefined) params[j] = x[idx]!;
      });
      const np = params.length;
      model.predictInto(
        values,
        this.#partials ? hx : undefined,
        this.#partials ? hp : undefined,
        tag,
        state,
        tag,
        params,
      );
      const phi = this.#partials ? run.stmAt(tag) : undefined;
      const sens = this.#partials ? run.sensitivityAt(tag) : undefined;
      const runParams = run.parameterNames;
      const dim = m.values.length;
      for (let c = 0; c < dim; c++) {
        const i = this.#firstRow[k]! + c;
        const sigma = m.sigmas[c]!;
        const r = componentResidual(m, c, values[c]!);
        raw[i] = r;
        whitened[i] = r / sigma;
        if (phi === undefined || sens === undefined) continue;
        const base = i * n;
        for (let j = 0; j < 6; j++) row[j] = hx[6 * c + j]! / sigma;
        for (let j = 0; j < 6; j++) {
          let s = 0;
          for (let q = 0; q < 6; q++) s += row[q]! * phi[6 * q + j]!;
          jacobian[base + j] = s;
        }
        for (let p = 0; p < runParams.length; p++) {
          const col = L.names.indexOf(runParams[p]!);
          let s = 0;
          for (let q = 0; q < 6; q++) s += row[q]! * sens[runParams.length * q + p]!;
          jacobian[base + col] = s;
        }
        for (let j = 0; j < np; j++) {
          const idx = L.biasIndex.get(model.parameterNames[j]!);
          if (idx !== undefined) jacobian[base + idx] = hp[np * c + j]! / sigma;
        }
      }
    }
    return { raw, whitened, jacobian };
  }
}

/** The unit of a sensor parameter from its name (`…timeBias` s, `…rangeBias` km, …). */
function biasUnit(name: string): string {
  if (name.endsWith('.timeBias')) return 's';
  if (name.endsWith('.rangeBias')) return 'km';
  if (name.endsWith('.rangeRateBias')) return 'km/s';
  return 'rad';
}
