/**
 * What the orbit estimators share: the description of the dynamics (force models, radiation
 * pressure whose coefficients may be estimated, known maneuvers, integrator tolerances), the
 * measurement models of a list of measurements, and a force context that serves runs starting
 * at other epochs than its own (so that a filter reuses one Earth-rotation and Sun/Moon cache
 * over a whole arc).
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import type { FrameTransformOptions } from '../../frames';
import {
  createForceContext,
  DORMAND_PRINCE_853,
  type ForceContext,
  type ForceContextOptions,
  type ForceModel,
  type ImpulsiveManeuver,
  type Integrator,
  type SolarRadiationPressureOptions,
  solarRadiationPressure,
} from '../../propagation';
import type { Epoch } from '../../time';
import {
  createAzElModel,
  createRaDecModel,
  createRangeModel,
  createRangeRateModel,
  type LineOfSightOptions,
  type Measurement,
  type MeasurementModel,
  type Sensor,
} from '../measurements';

/** The dynamics of an orbit estimator: forces, radiation pressure, known maneuvers, tolerances. */
export interface OrbitDynamics {
  /**
   * Force models, gravity included (exactly one of `pointMassGravity`, `zonalGravity`,
   * `sphericalHarmonicGravity`), without the radiation pressure when `srp` is given.
   */
  readonly forces: readonly ForceModel[];
  /**
   * Solar radiation pressure, rebuilt by the estimators with the current Cr and area-to-mass
   * ratio when these are estimated (its parameters are `'srp.cr'`, `'srp.areaToMassM2Kg'`).
   */
  readonly srp?: SolarRadiationPressureOptions;
  /** Known (not estimated) impulsive maneuvers, before or after the estimation epoch. */
  readonly maneuvers?: readonly ImpulsiveManeuver[];
  /** Relative tolerance of the integrator (default 1e-11: 2 mm over a GEO day). */
  readonly relTol?: number;
  /** Absolute tolerance on positions, km (default 1e-8). */
  readonly absTolKm?: number;
  /**
   * Frame options and cache spacings of the force context, or a context made by
   * `createForceContext` (for any epoch) whose sampled Earth rotation and Sun/Moon positions
   * the estimators then share: a service fitting or filtering many objects over the same
   * nights builds them once instead of once per call.
   */
  readonly context?: ForceContextOptions | ForceContext;
}

/** Default relative tolerance of the estimators' propagations. */
export const OD_DEFAULT_REL_TOL = 1e-11;
/** Default absolute position tolerance of the estimators' propagations, km (10 µm). */
export const OD_DEFAULT_ABS_TOL_KM = 1e-8;

/**
 * The force list of a run: the given forces plus the radiation pressure with these values.
 *
 * @internal
 */
export function forcesWith(
  dynamics: OrbitDynamics,
  cr: number | undefined,
  areaToMassM2Kg: number | undefined,
): ForceModel[] {
  const forces = [...dynamics.forces];
  if (dynamics.srp !== undefined) {
    forces.push(
      solarRadiationPressure({
        ...dynamics.srp,
        cr: cr ?? dynamics.srp.cr,
        areaToMassM2Kg: areaToMassM2Kg ?? dynamics.srp.areaToMassM2Kg,
      }),
    );
  }
  return forces;
}

/**
 * A force context for runs that start at `epoch`, sharing the caches of `base` (made for an
 * earlier or later epoch): times are shifted by the offset between the two.
 *
 * @internal
 */
export function shiftedContext(base: ForceContext, epoch: Epoch): ForceContext {
  const offsetS = epoch.secondsSince(base.referenceEpoch);
  return {
    referenceEpoch: epoch,
    bodyPosition: (provider, tS) => base.bodyPosition(provider, tS + offsetS),
    gcrfToItrf: (tS) => base.gcrfToItrf(tS + offsetS),
  };
}

/**
 * The base context of an estimation arc.
 *
 * @internal
 */
export function arcContext(dynamics: OrbitDynamics, epoch: Epoch): ForceContext {
  const c = dynamics.context;
  if (c !== undefined && 'gcrfToItrf' in c) return shiftedContext(c, epoch);
  return createForceContext(epoch, c);
}

/** Options of the measurement models the estimators build (light time, aberrations, frames). */
export type EstimatorModelOptions = Omit<LineOfSightOptions, 'frame'> & {
  /** Frame options of the sites' ITRF → GCRF transformation. */
  readonly frame?: FrameTransformOptions;
};

/**
 * One measurement model per measurement (shared by measurements of the same kind, sensor and
 * axes).
 *
 * @internal
 */
export function modelsFor(
  measurements: readonly Measurement[],
  sensors: readonly Sensor[],
  options: EstimatorModelOptions = {},
): MeasurementModel[] {
  const byId = new Map(sensors.map((s) => [s.id, s]));
  const cache = new Map<string, MeasurementModel>();
  return measurements.map((m, i) => {
    const sensor = byId.get(m.sensorId);
    if (sensor === undefined) {
      throw new InvalidArgumentError(
        `measurements[${i}].sensorId`,
        m.sensorId,
        '',
        `no sensor with this id (sensors: ${sensors.map((s) => s.id).join(', ') || 'none'})`,
      );
    }
    const axes = m.kind === 'RADEC' ? m.axes : '';
    const key = `${m.kind}|${m.sensorId}|${axes}`;
    let model = cache.get(key);
    if (model === undefined) {
      switch (m.kind) {
        case 'RADEC':
          model = createRaDecModel(sensor, { ...options, axes: m.axes });
          break;
        case 'AZEL':
          model = createAzElModel(sensor, options);
          break;
        case 'RANGE':
          model = createRangeModel(sensor, options);
          break;
        case 'RANGE_RATE':
          model = createRangeRateModel(sensor, options);
          break;
        default:
          throw new InvalidArgumentError(
            `measurements[${i}].kind`,
            m.kind,
            '',
            'the estimators take RADEC, AZEL, RANGE and RANGE_RATE measurements',
          );
      }
      cache.set(key, model);
    }
    return model;
  });
}

const TWO_PI = 2 * Math.PI;

/**
 * Observed − computed of one component, the first angle of RA/Dec and Az/El wrapped to
 * (−π, π].
 *
 * @internal
 */
export function componentResidual(m: Measurement, component: number, computed: number): number {
  let r = m.values[component]! - computed;
  if (component === 0 && (m.kind === 'RADEC' || m.kind === 'AZEL')) {
    r -= TWO_PI * Math.floor((r + Math.PI) / TWO_PI);
  }
  return r;
}

/**
 * The on-sky factor of a component's residual: cos δ (or cos el) for the first angle, so that
 * angle residuals are arcs on the sky; 1 otherwise.
 *
 * @internal
 */
export function onSkyFactor(m: Measurement, component: number): number {
  if (component === 0 && (m.kind === 'RADEC' || m.kind === 'AZEL')) return Math.cos(m.values[1]!);
  return 1;
}

/**
 * The filter's integrator: DOP853 whose first step is the whole interval when it is shorter
 * than `firstStepS` (the error control still rejects and shortens it when needed), instead of
 * Hairer's starting estimate, which for the augmented state of an orbit starts with steps of
 * seconds and spends 50 evaluations on a 10 s interval.
 *
 * @internal
 */
export function shortIntervalIntegrator(firstStepS: number): Integrator {
  return {
    name: DORMAND_PRINCE_853.name,
    order: DORMAND_PRINCE_853.order,
    adaptive: true,
    integrate: (system, t0S, y0, t1S, options = {}) =>
      DORMAND_PRINCE_853.integrate(system, t0S, y0, t1S, {
        ...options,
        initialStepS: Math.min(Math.abs(t1S - t0S), firstStepS),
      }),
  };
}
