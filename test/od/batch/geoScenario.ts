/**
 * The simulated acceptance case of the orbit estimators (issue 9): a GEO object (a ≈ 42 164
 * km, e ≈ 3e-4, i ≈ 1°) near 35° W, seen on two nights from Calern and La Silla by
 * `simulateMeasurements` (tracklets of ten RA/Dec points 60 s apart in EME2000 axes, a slot
 * every 3 h, Sun below −12°, object above 20° and out of the Earth's shadow, 1″ on-sky
 * Gaussian noise), with the truth propagated under the GEO force model (EGM2008 8×8, Sun,
 * Moon, SRP). Outliers and maneuvers are injected here.
 */
import { frameTransform } from '../../../src/frames';
import { SeededRandom } from '../../../src/math';
import type { OrbitDynamics } from '../../../src/od/batch';
import { angleObservationFromSite, solveGooding } from '../../../src/od/iod';
import { createExampleTelescopes, RaDec, type Sensor } from '../../../src/od/measurements';
import { simulateMeasurements } from '../../../src/od/simulate';
import {
  EGM2008_J2_TO_J6,
  egm2008Degree20,
  type ForceModel,
  type ImpulsiveManeuver,
  lowPrecisionMoon,
  lowPrecisionSun,
  type NumericalPropagation,
  pointMassGravity,
  propagateNumerical,
  solarRadiationPressure,
  sphericalHarmonicGravity,
  thirdBodyGravity,
  zonalGravity,
} from '../../../src/propagation';
import { StateVector } from '../../../src/state';
import { Epoch } from '../../../src/time';
import { elementsToState } from '../iod/geoSimulation';

export const ARCSEC_RAD = Math.PI / 648000;
const DEG = Math.PI / 180;

/** Start of the first night's slots (UTC): 2024-05-20 18:00, away from the eclipse seasons. */
export const SCENARIO_START = Epoch.fromIso('2024-05-20T18:00:00', 'UTC');
/** Truth and fit model: 8×8 EGM2008, low-precision Sun and Moon, SRP Cr 1.3, A/m 0.02 m²/kg. */
const SUN = lowPrecisionSun();
const MOON = lowPrecisionMoon();
const FIELD = egm2008Degree20();

/** The GEO force model of the acceptance case. */
export function geoDynamics(): OrbitDynamics {
  return {
    forces: [
      sphericalHarmonicGravity({ field: FIELD, degree: 8, order: 8 }),
      thirdBodyGravity(SUN),
      thirdBodyGravity(MOON),
    ],
    srp: { cr: 1.3, areaToMassM2Kg: 0.02, sun: SUN, moon: MOON },
  };
}

/** A J2-only model (the benchmark's light case). */
export function j2Dynamics(): OrbitDynamics {
  return { forces: [zonalGravity({ j: [EGM2008_J2_TO_J6[0]!] })] };
}

/** Two-body dynamics. */
export function twoBodyDynamics(): OrbitDynamics {
  return { forces: [pointMassGravity()] };
}

/** The force list of dynamics (forces + SRP), as the estimators assemble it. */
function geoForceList(d: OrbitDynamics): ForceModel[] {
  return d.srp === undefined ? [...d.forces] : [...d.forces, solarRadiationPressure(d.srp)];
}

export interface GeoScenarioOptions {
  readonly seed: number;
  readonly noiseArcsec?: number;
  /** A maneuver applied to the truth (e.g. 0.5 m/s tangential between the nights). */
  readonly maneuver?: ImpulsiveManeuver;
  /** Fraction of measurements made outliers, and their offset, arcsec. */
  readonly outlierFraction?: number;
  readonly outlierArcsec?: number;
  /** Truth model: the GEO model (default) or J2 only (the benchmark's light case). */
  readonly truthModel?: 'geo' | 'j2';
  /** Seconds between tracklet slots (default 10800: 120 measurements over the two nights). */
  readonly trackletSpacingS?: number;
}

export interface GeoScenario {
  readonly sensors: Sensor[];
  readonly measurements: RaDec[];
  readonly truth: NumericalPropagation;
  readonly truthStart: StateVector;
  readonly dynamics: OrbitDynamics;
  /** Indices of the injected outliers. */
  readonly outliers: readonly number[];
  /** Epoch of the last measurement of the first night. */
  readonly firstNightEnd: Epoch;
}

/** The truth orbit at SCENARIO_START: a GEO near 35° W (geographic). */
export function truthInitialState(): StateVector {
  // Right ascension of the 35° W meridian at the start, from the ITRF → GCRF rotation.
  const lon = -35 * DEG;
  const x = frameTransform('ITRF', 'GCRF', SCENARIO_START).rotation;
  const d = [Math.cos(lon), Math.sin(lon), 0];
  const g = [0, 1, 2].map((i) => x[3 * i]! * d[0]! + x[3 * i + 1]! * d[1]! + x[3 * i + 2]! * d[2]!);
  const ra = Math.atan2(g[1]!, g[0]!);
  const raan = 80 * DEG;
  const argp = 30 * DEG;
  const { r, v } = elementsToState(42164.2, 3e-4, 1 * DEG, raan, argp, ra - raan - argp);
  return StateVector.create({
    epoch: SCENARIO_START,
    frame: 'GCRF',
    positionKm: r,
    velocityKmS: v,
  });
}

const truthCache = new Map<string, NumericalPropagation>();

/** The truth propagation (cached per maneuver), 42 h from SCENARIO_START. */
export function truthRun(
  maneuver?: ImpulsiveManeuver,
  model: 'geo' | 'j2' = 'geo',
): NumericalPropagation {
  const key = `${model}|${maneuver === undefined ? '' : JSON.stringify(maneuver)}`;
  let run = truthCache.get(key);
  if (run === undefined) {
    run = propagateNumerical({
      initialState: truthInitialState(),
      endEpoch: SCENARIO_START.plusSeconds(42 * 3600),
      forces: geoForceList(model === 'geo' ? geoDynamics() : j2Dynamics()),
      ...(maneuver === undefined ? {} : { maneuvers: [maneuver] }),
      relTol: 1e-13,
      absTolKm: 1e-9,
    });
    truthCache.set(key, run);
  }
  return run;
}

/** Cadence of the simulated tracklets: ten points a minute apart, a slot every three hours. */
const CADENCE = {
  pointsPerTracklet: 10,
  pointSpacingS: 60,
  trackletSpacingS: 10800,
  minPointsPerTracklet: 10,
};
/** The simulated span: two nights. */
const SIMULATION_SPAN_S = 40 * 3600;

/** The two-night, two-site case with a seed. */
export function geoScenario(options: GeoScenarioOptions): GeoScenario {
  const sensors = createExampleTelescopes({ sigmaArcsec: options.noiseArcsec ?? 1 }).slice(0, 2);
  const run = truthRun(options.maneuver, options.truthModel);
  const rng = SeededRandom.create(`${options.seed}|outliers`);
  const simulated = simulateMeasurements({
    trajectory: run.ephemeris!,
    sensors,
    start: SCENARIO_START,
    end: SCENARIO_START.plusSeconds(SIMULATION_SPAN_S),
    cadence:
      options.trackletSpacingS === undefined
        ? CADENCE
        : { ...CADENCE, trackletSpacingS: options.trackletSpacingS },
    seed: options.seed,
  });
  const measurements: RaDec[] = [...simulated.measurements];
  const firstNight = measurements.filter((m) => m.epoch.secondsSince(SCENARIO_START) < 20 * 3600);
  const firstNightEnd = firstNight[firstNight.length - 1]!.epoch;
  const outliers: number[] = [];
  const fraction = options.outlierFraction ?? 0;
  if (fraction > 0) {
    const count = Math.round(fraction * measurements.length);
    while (outliers.length < count) {
      const k = rng.nextInt(measurements.length);
      if (!outliers.includes(k)) outliers.push(k);
    }
    const off = (options.outlierArcsec ?? 30) * ARCSEC_RAD;
    for (const k of outliers) {
      const m = measurements[k]!;
      const angle = 2 * Math.PI * rng.nextFloat();
      measurements[k] = RaDec.create({
        epoch: m.epoch,
        sensorId: m.sensorId,
        rightAscensionRad:
          m.rightAscensionRad + (off * Math.cos(angle)) / Math.cos(m.declinationRad),
        declinationRad: m.declinationRad + off * Math.sin(angle),
        axes: m.axes,
        sigmaRightAscensionRad: m.sigmaRightAscensionRad,
        sigmaDeclinationRad: m.sigmaDeclinationRad,
      });
    }
  }
  return {
    sensors,
    measurements,
    truth: run,
    truthStart: truthInitialState(),
    dynamics: options.truthModel === 'j2' ? j2Dynamics() : geoDynamics(),
    outliers,
    firstNightEnd,
  };
}

/**
 * An IOD start from the measurements (Gooding on the first, middle and last points of the
 * first night), as the `osmose od` command would do without an initial orbit.
 */
export function iodStart(scenario: GeoScenario): StateVector {
  const night = scenario.measurements.filter(
    (m) => m.epoch.secondsSince(scenario.firstNightEnd) <= 0,
  );
  const picks = [night[0]!, night[Math.floor(night.length / 2)]!, night[night.length - 1]!];
  const byId = new Map(scenario.sensors.map((s) => [s.id, s]));
  const obs = picks.map((m) =>
    angleObservationFromSite(
      byId.get(m.sensorId)!.site,
      m.epoch,
      m.rightAscensionRad,
      m.declinationRad,
      { frame: m.axes },
    ),
  );
  const sol = solveGooding(obs);
  if (!sol.ok) throw new Error(`IOD failed: ${sol.message}`);
  return sol.state;
}

/** Truth state at an epoch. */
export function truthAt(s: GeoScenario, epoch: Epoch): StateVector {
  return s.truth.ephemeris!.stateAt(epoch);
}
