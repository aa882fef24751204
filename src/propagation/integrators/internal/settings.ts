/**
 * Validation of the arguments of an integration and their normalised form, shared by the
 * integrators.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../../errors';
import { DEFAULT_ABS_TOL, DEFAULT_MAX_STEPS, DEFAULT_REL_TOL } from '../defaults';
import type { IntegrateOptions, OdeSystem, SwitchingFunction } from '../types';

/** Default largest interval between two samples of the switching functions in a step, s. */
export const DEFAULT_MAX_CHECK_INTERVAL_S = 300;

/** The checked arguments of one run. */
export interface RunSettings {
  readonly n: number;
  readonly t0S: number;
  readonly t1S: number;
  readonly y0: Float64Array;
  /** Absolute tolerance per component. */
  readonly absTol: Float64Array;
  readonly relTol: number;
  readonly initialStepS: number | undefined;
  readonly minStepS: number;
  readonly maxStepS: number;
  readonly maxSteps: number;
  readonly fixedStepS: number | undefined;
  readonly dense: boolean;
  readonly switches: readonly SwitchingFunction[];
  readonly maxCheckIntervalS: number;
}

function finite(name: string, value: unknown, unit: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, unit, 'must be a finite number');
  }
  return value;
}

function positive(name: string, value: unknown, unit: string): number {
  const x = finite(name, value, unit);
  if (!(x > 0)) throw new InvalidArgumentError(name, x, unit, 'must be > 0');
  return x;
}

/**
 * Checks the arguments of {@link Integrator.integrate} and fills the defaults.
 *
 * @throws {@link InvalidArgumentError} for a system without `derivativesInto`, a y0 of the
 *   wrong length or with a non-finite component, non-finite times, or a bad option
 */
export function readSettings(
  system: OdeSystem,
  t0S: number,
  y0: ArrayLike<number>,
  t1S: number,
  options: IntegrateOptions | undefined,
): RunSettings {
  if (
    system === null ||
    typeof system !== 'object' ||
    typeof system.derivativesInto !== 'function'
  ) {
    throw new InvalidArgumentError('system', String(system), '', 'must be an OdeSystem');
  }
  const n = system.dimension;
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError('system.dimension', n, '', 'must be an integer ≥ 1');
  }
  finite('t0S', t0S, 's');
  finite('t1S', t1S, 's');
  if (y0 === null || typeof y0 !== 'object' || y0.length !== n) {
    throw new InvalidArgumentError(
      'y0',
      y0 === null || typeof y0 !== 'object' ? String(y0) : `length ${y0.length}`,
      '',
      `must have system.dimension = ${n} components`,
    );
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = finite(`y0[${i}]`, y0[i], '');
  const o = options ?? {};
  const relTol = o.relTol === undefined ? DEFAULT_REL_TOL : finite('relTol', o.relTol, '');
  if (relTol < 0) throw new InvalidArgumentError('relTol', relTol, '', 'must be ≥ 0');
  const absTol = new Float64Array(n);
  if (o.absTol === undefined) absTol.fill(DEFAULT_ABS_TOL);
  else if (typeof o.absTol === 'number') absTol.fill(finite('absTol', o.absTol, ''));
  else {
    if (o.absTol.length !== n) {
      throw new InvalidArgumentError(
        'absTol',
        `length ${o.absTol.length}`,
        '',
        `must have ${n} components`,
      );
    }
    for (let i = 0; i < n; i++) absTol[i] = finite(`absTol[${i}]`, o.absTol[i], '');
  }
  for (let i = 0; i < n; i++) {
    const a = absTol[i]!;
    if (a < 0) throw new InvalidArgumentError(`absTol[${i}]`, a, '', 'must be ≥ 0');
    if (a === 0 && relTol === 0) {
      throw new InvalidArgumentError(`absTol[${i}]`, 0, '', 'absTol and relTol cannot both be 0');
    }
  }
  const span = Math.abs(t1S - t0S);
  const initialStepS =
    o.initialStepS === undefined
      ? undefined
      : positive('initialStepS', Math.abs(o.initialStepS), 's');
  const minStepS = o.minStepS === undefined ? 0 : finite('minStepS', o.minStepS, 's');
  if (minStepS < 0) throw new InvalidArgumentError('minStepS', minStepS, 's', 'must be ≥ 0');
  const maxStepS =
    o.maxStepS === undefined
      ? Math.max(span, Number.MIN_VALUE)
      : positive('maxStepS', o.maxStepS, 's');
  if (maxStepS < minStepS) {
    throw new InvalidArgumentError('maxStepS', maxStepS, 's', `must be ≥ minStepS = ${minStepS} s`);
  }
  const maxSteps = o.maxSteps === undefined ? DEFAULT_MAX_STEPS : o.maxSteps;
  if (!Number.isInteger(maxSteps) || maxSteps < 1) {
    throw new InvalidArgumentError('maxSteps', maxSteps, 'steps', 'must be an integer ≥ 1');
  }
  const fixedStepS =
    o.fixedStepS === undefined ? undefined : positive('fixedStepS', Math.abs(o.fixedStepS), 's');
  const switches = o.switches ?? [];
  switches.forEach((g, k) => {
    if (typeof g !== 'function') {
      throw new InvalidArgumentError(`switches[${k}]`, String(g), '', 'must be a function');
    }
  });
  const maxCheckIntervalS =
    o.maxCheckIntervalS === undefined
      ? DEFAULT_MAX_CHECK_INTERVAL_S
      : positive('maxCheckIntervalS', o.maxCheckIntervalS, 's');
  return {
    n,
    t0S,
    t1S,
    y0: y,
    absTol,
    relTol,
    initialStepS,
    minStepS,
    maxStepS,
    maxSteps,
    fixedStepS,
    dense: o.dense === true,
    switches,
    maxCheckIntervalS,
  };
}
