/**
 * Simulation of optical RA/Dec measurements of one object from a network of telescopes:
 * tracklets on a fixed cadence, kept where a telescope could really have taken them, with
 * seeded Gaussian noise.
 *
 * @packageDocumentation
 */

import { FrameMismatchError, InvalidArgumentError } from '../../errors';
import { SPEED_OF_LIGHT_KM_S as C_KM_S } from '../../frames';
import { SeededRandom } from '../../math';
import { Epoch } from '../../time';
import {
  createRaDecModel,
  RaDec,
  type RaDecAxes,
  type RaDecModelOptions,
  type Sensor,
  type TargetTrajectory,
} from '../measurements';
import { VisibilityGeometry } from './internal/visibility';

/** When and how often the telescopes look. */
export interface SimulationCadence {
  /** Points in a tracklet (default 6). */
  readonly pointsPerTracklet?: number;
  /** Time between the points of a tracklet, s (default 120: six points span 10 min). */
  readonly pointSpacingS?: number;
  /** Time between the starts of consecutive tracklets, s (default 7200). */
  readonly trackletSpacingS?: number;
  /**
   * Fewest visible points for a tracklet to be kept (default 3, an integer in
   * [1, pointsPerTracklet]); the visible points of a shorter one are dropped.
   */
  readonly minPointsPerTracklet?: number;
}

/** What a telescope needs to take a point. */
export interface SimulationConstraints {
  /** Highest elevation of the Sun's centre at the site, degrees (default −12: nautical dusk). */
  readonly maxSunElevationDeg?: number;
  /** Lowest geometric elevation of the object, degrees (default 20). */
  readonly minElevationDeg?: number;
  /**
   * Refuse points where the object is in the Earth's shadow, umbra or penumbra (conical
   * shadow, spherical Earth; default true).
   */
  readonly excludeEarthShadow?: boolean;
}

/** Options of {@link simulateMeasurements}. */
export interface SimulateMeasurementsOptions {
  /**
   * The truth: anything giving a GCRF state at an instant (the numerical `Ephemeris`). It
   * must cover [start − 1 s, end] (light time reaches 0.13 s before a GEO tag).
   */
  readonly trajectory: TargetTrajectory;
  /** The telescopes (each with an angle σ), distinct ids. */
  readonly sensors: readonly Sensor[];
  /** First instant of the first tracklet slot. */
  readonly start: Epoch;
  /** No point after this instant. */
  readonly end: Epoch;
  /** Tracklet cadence. */
  readonly cadence?: SimulationCadence;
  /** Observing constraints. */
  readonly constraints?: SimulationConstraints;
  /**
   * Seed of the noise (an integer in [0, 2³²) or a string). Each sensor draws from its own
   * generator, seeded with `${seed}|${sensor.id}`: its noise does not depend on the others.
   */
  readonly seed: number | string;
  /**
   * Options of the RA/Dec model that makes the noise-free values (default: light time on,
   * no aberration — `createRaDecModel`'s defaults). Estimate with the same options.
   */
  readonly modelOptions?: RaDecModelOptions;
  /**
   * Axes of the simulated angles (default `'EME2000'`, the TDM's usual REFERENCE_FRAME);
   * when `modelOptions.axes` is also given, both must agree.
   */
  readonly axes?: RaDecAxes;
}

/** Candidate points that were not observed, by reason (each counted once, first rule). */
export interface SimulationRejections {
  /** The Sun was above `maxSunElevationDeg` at the site (checked first). */
  readonly sunAboveLimit: number;
  /** The object was below `minElevationDeg` (checked second). */
  readonly belowMinElevation: number;
  /** The object was in the Earth's shadow (checked third). */
  readonly earthShadow: number;
  /** The point was visible but its tracklet had fewer than `minPointsPerTracklet` such. */
  readonly shortTracklet: number;
  /** The light-time iteration of the model did not converge. */
  readonly lightTimeNotConverged: number;
}

/** What one sensor observed. */
export interface SimulatedSensorReport {
  /** The sensor. */
  readonly sensorId: string;
  /** Candidate points (tracklet slots × points per tracklet). */
  readonly candidatePoints: number;
  /** Tracklets kept. */
  readonly trackletCount: number;
  /** Measurements kept. */
  readonly pointCount: number;
  /** Nights with at least one tracklet (a night runs from local mean noon to noon). */
  readonly nightCount: number;
  /** Why the other candidate points were not observed. */
  readonly rejected: SimulationRejections;
}

/** One simulated tracklet. */
export interface SimulatedTracklet {
  /** The sensor. */
  readonly sensorId: string;
  /** Its measurements, in time order. */
  readonly measurements: readonly RaDec[];
}

/** Result of {@link simulateMeasurements}. */
export interface SimulatedMeasurements {
  /** All measurements, in time order (at equal epochs, in the order of the sensors). */
  readonly measurements: readonly RaDec[];
  /** Number of tracklets kept. */
  readonly trackletCount: number;
  /** The tracklets, by sensor (in the order of `sensors`), then in time order. */
  readonly tracklets: readonly SimulatedTracklet[];
  /** One report per sensor, in the order of `sensors`. */
  readonly perSensor: readonly SimulatedSensorReport[];
  /** Rejections summed over the sensors. */
  readonly rejected: SimulationRejections;
  /** The axes of the angles. */
  readonly axes: RaDecAxes;
}

const DEG = Math.PI / 180;
const DEG_PER_RAD = 180 / Math.PI;
const TWO_PI = 2 * Math.PI;
const SECONDS_PER_DAY = 86400;
/** J2000.0 (2000-01-01T12:00 TT): noon, so that local days counted from it run noon to noon. */
const J2000 = Epoch.fromSecondsSinceJ2000(0, 'TT');

/**
 * Simulates the RA/Dec measurements that a network of telescopes would take of one object.
 *
 * Cadence: every sensor has tracklet slots at start + k · `trackletSpacingS` (while the last
 * point is before `end`), each of `pointsPerTracklet` points `pointSpacingS` apart. A point is
 * observed when, at its instant (the tag minus the sensor's time bias), the Sun's centre is
 * at most `maxSunElevationDeg` high at the site (geometric, analytic Sun), the object at
 * emission (light time) at least `minElevationDeg` high (geometric, no refraction) and, with
 * `excludeEarthShadow`, not in the Earth's umbra or penumbra (conical shadow, spherical
 * Earth of equatorial radius, as seen from the object at emission). A tracklet is kept when
 * at least `minPointsPerTracklet` of its points are observed.
 *
 * Values: the RA/Dec model of each sensor (`createRaDecModel` with `modelOptions`: the
 * sensor's biases are included) on the trajectory, plus Gaussian noise: the declination gets
 * σ·N(0,1) and the right ascension (σ / cos δ)·N(0,1) with δ the noisy declination — σ, the
 * sensor's `angleSigmaRad`, is taken as an on-sky σ — and the measurement carries these σ.
 * Each angle is then moved by at most 1 ulp (1e-16 rad) to the radians of a degree double,
 * (x · 180/π) · π/180, so that a TDM (degrees as text) carries it exactly: simulated
 * measurements come back bit for bit through `measurementsToTdm`, `writeTdm`, `parseTdm`
 * and `tdmToMeasurements`.
 *
 * @param options - trajectory, sensors, time span, cadence, constraints, seed, model options
 * @returns the measurements in time order, the tracklets and a report per sensor
 * @throws {@link InvalidArgumentError} for an empty or duplicated sensor list, a sensor
 *   without angle σ, end before start, a cadence value that is not a positive number (the
 *   counts: integers), a tracklet longer than the tracklet spacing, or conflicting axes
 * @throws {@link FrameMismatchError} when the trajectory is not in GCRF
 * @throws {@link DataRangeError} (from the trajectory) when it does not cover the span
 * @see Milani & Gronchi, Theory of Orbit Determination (2010), §8.1 (tracklets); Montenbruck
 *   & Gill, Satellite Orbits (2000), §3.4.2 (conical shadow)
 * @example
 * ```ts
 * const t0 = Epoch.fromIso('2024-03-01T12:00:00', 'UTC');
 * const run = propagateNumerical({
 *   initialState: StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [-26000, 33200, 0], velocityKmS: [-2.42, -1.895, 0.05] }),
 *   endEpoch: t0.plusSeconds(86400),
 *   forces: [pointMassGravity()],
 * });
 * const sim = simulateMeasurements({
 *   trajectory: run.ephemeris!,
 *   sensors: createExampleTelescopes().slice(0, 1),
 *   start: t0.plusSeconds(60),
 *   end: t0.plusSeconds(86400),
 *   seed: 7,
 * });
 * sim.measurements.length === sim.perSensor[0]!.pointCount; // true
 * sim.axes; // 'EME2000'
 * ```
 */
export function simulateMeasurements(options: SimulateMeasurementsOptions): SimulatedMeasurements {
  const { trajectory, sensors, start, end } = options;
  if (trajectory === undefined || trajectory === null) {
    throw new InvalidArgumentError('trajectory', trajectory, '', 'is required');
  }
  if (trajectory.frame !== 'GCRF') {
    throw new FrameMismatchError('simulateMeasurements', 'GCRF', trajectory.frame);
  }
  if (!Array.isArray(sensors) || sensors.length === 0) {
    throw new InvalidArgumentError('sensors', sensors, '', 'must be a non-empty array');
  }
  const ids = new Set<string>();
  for (const s of sensors) {
    if (ids.has(s.id)) throw new InvalidArgumentError('sensors', s.id, '', 'duplicate sensor id');
    ids.add(s.id);
    if (s.angleSigmaRad === undefined) {
      throw new InvalidArgumentError('sensors', s.id, '', 'sensor measures no angles (no σ)');
    }
  }
  const spanS = end.secondsSince(start);
  if (!(spanS >= 0)) throw new InvalidArgumentError('end', spanS, 's after start', 'must be ≥ 0');

  const cadence = options.cadence ?? {};
  const n = integer('cadence.pointsPerTracklet', cadence.pointsPerTracklet ?? 6, 1);
  const stepS = positive('cadence.pointSpacingS', cadence.pointSpacingS ?? 120, 's');
  const slotS = positive('cadence.trackletSpacingS', cadence.trackletSpacingS ?? 7200, 's');
  const minPoints = integer('cadence.minPointsPerTracklet', cadence.minPointsPerTracklet ?? 3, 1);
  if (minPoints > n) {
    throw new InvalidArgumentError(
      'cadence.minPointsPerTracklet',
      minPoints,
      '',
      `must be at most pointsPerTracklet (${n})`,
    );
  }
  if ((n - 1) * stepS >= slotS) {
    throw new InvalidArgumentError(
      'cadence.trackletSpacingS',
      slotS,
      's',
      `must exceed the tracklet's length, ${(n - 1) * stepS} s`,
    );
  }
  const constraints = options.constraints ?? {};
  const maxSunRad = finite('constraints.maxSunElevationDeg', constraints.maxSunElevationDeg ?? -12);
  const minElRad = finite('constraints.minElevationDeg', constraints.minElevationDeg ?? 20);
  const excludeShadow = constraints.excludeEarthShadow ?? true;

  const modelAxes = options.modelOptions?.axes;
  if (options.axes !== undefined && modelAxes !== undefined && options.axes !== modelAxes) {
    throw new InvalidArgumentError(
      'axes',
      options.axes,
      '',
      `differs from modelOptions.axes '${modelAxes}'`,
    );
  }
  const axes: RaDecAxes = options.axes ?? modelAxes ?? 'EME2000';
  if (axes !== 'GCRF' && axes !== 'EME2000') {
    throw new InvalidArgumentError('axes', axes, '', "must be 'GCRF' or 'EME2000'");
  }
  const modelOptions: RaDecModelOptions = { ...options.modelOptions, axes };
  const geometry = new VisibilityGeometry(modelOptions.frame);

  const slots = Math.floor((spanS - (n - 1) * stepS) / slotS) + 1;
  const pv = new Float64Array(6);
  const all: { m: RaDec; sensor: number }[] = [];
  const tracklets: SimulatedTracklet[] = [];
  const perSensor: SimulatedSensorReport[] = [];
  const total = emptyCounts();

  sensors.forEach((sensor, sensorIndex) => {
    const model = createRaDecModel(sensor, modelOptions);
    const rng = SeededRandom.create(`${options.seed}|${sensor.id}`);
    const sigma = sensor.angleSigmaRad!;
    const site = sensor.site;
    const counts = emptyCounts();
    const nights = new Set<number>();
    let candidates = 0;
    let kept = 0;
    let keptTracklets = 0;
    for (let k = 0; k < slots; k++) {
      const visible: Epoch[] = [];
      for (let i = 0; i < n; i++) {
        candidates++;
        const tag = start.plusSeconds(k * slotS + i * stepS);
        const t = sensor.biases.timeBiasS === 0 ? tag : tag.plusSeconds(-sensor.biases.timeBiasS);
        if (geometry.sunElevationRad(site, t) > maxSunRad) {
          counts.sunAboveLimit++;
          continue;
        }
        // The object at emission: two light-time passes (the second changes it by ~1e-9 s).
        trajectory.positionVelocityInto(pv, t);
        let emission = t;
        for (let pass = 0; pass < 2; pass++) {
          const r = geometry.siteDistanceKm(site, pv);
          emission = t.plusSeconds(-r / C_KM_S);
          trajectory.positionVelocityInto(pv, emission);
        }
        const [elevationRad, sunlit] = geometry.targetConditions(site, pv);
        if (elevationRad < minElRad) {
          counts.belowMinElevation++;
          continue;
        }
        if (excludeShadow && sunlit < 1) {
          counts.earthShadow++;
          continue;
        }
        visible.push(tag);
      }
      if (visible.length < minPoints) {
        counts.shortTracklet += visible.length;
        continue;
      }
      const points: RaDec[] = [];
      for (const tag of visible) {
        const p = model.predict(tag, trajectory);
        if (!p.converged) {
          counts.lightTimeNotConverged++;
          continue;
        }
        const gRa = rng.nextGaussian();
        const gDec = rng.nextGaussian();
        const dec = onDegreeGrid(clampDeclination(p.values[1]! + sigma * gDec));
        const sigmaRa = sigma / Math.cos(dec);
        points.push(
          RaDec.create({
            epoch: tag,
            sensorId: sensor.id,
            rightAscensionRad: onDegreeGrid(wrapTwoPi(p.values[0]! + sigmaRa * gRa)),
            declinationRad: dec,
            sigmaRightAscensionRad: sigmaRa,
            sigmaDeclinationRad: sigma,
            axes,
          }),
        );
      }
      if (points.length < minPoints) {
        counts.shortTracklet += points.length;
        continue;
      }
      keptTracklets++;
      kept += points.length;
      nights.add(nightOf(points[0]!.epoch, site.longitudeRad));
      tracklets.push(Object.freeze({ sensorId: sensor.id, measurements: Object.freeze(points) }));
      for (const m of points) all.push({ m, sensor: sensorIndex });
    }
    addCounts(total, counts);
    perSensor.push(
      Object.freeze({
        sensorId: sensor.id,
        candidatePoints: candidates,
        trackletCount: keptTracklets,
        pointCount: kept,
        nightCount: nights.size,
        rejected: Object.freeze({ ...counts }),
      }),
    );
  });

  all.sort((a, b) => a.m.epoch.secondsSince(b.m.epoch) || a.sensor - b.sensor);
  return Object.freeze({
    measurements: Object.freeze(all.map((x) => x.m)),
    trackletCount: tracklets.length,
    tracklets: Object.freeze(tracklets),
    perSensor: Object.freeze(perSensor),
    rejected: Object.freeze({ ...total }),
    axes,
  });

  function finite(name: string, valueDeg: number): number {
    if (typeof valueDeg !== 'number' || !Number.isFinite(valueDeg)) {
      throw new InvalidArgumentError(name, valueDeg, 'deg', 'must be a finite number');
    }
    return valueDeg * DEG;
  }
}

type Counts = { -readonly [K in keyof SimulationRejections]: number };

function emptyCounts(): Counts {
  return {
    sunAboveLimit: 0,
    belowMinElevation: 0,
    earthShadow: 0,
    shortTracklet: 0,
    lightTimeNotConverged: 0,
  };
}

function addCounts(total: Counts, c: Counts): void {
  for (const key of Object.keys(c) as (keyof Counts)[]) total[key] += c[key];
}

/** The local night of an instant: days since J2000 noon, shifted by the longitude. */
function nightOf(epoch: Epoch, longitudeRad: number): number {
  const s = epoch.secondsSince(J2000) + (longitudeRad / (2 * Math.PI)) * SECONDS_PER_DAY;
  return Math.floor(s / SECONDS_PER_DAY);
}

/**
 * The radians of the degree double nearest an angle: (x · 180/π) · π/180, within 1 ulp of x.
 * A TDM (degrees as text) then carries the value exactly.
 */
function onDegreeGrid(rad: number): number {
  return rad * DEG_PER_RAD * DEG;
}

function wrapTwoPi(rad: number): number {
  const a = rad - TWO_PI * Math.floor(rad / TWO_PI);
  return a >= TWO_PI ? 0 : a;
}

function clampDeclination(decRad: number): number {
  return Math.max(-Math.PI / 2, Math.min(Math.PI / 2, decRad));
}

function integer(name: string, value: number, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(name, value, '', `must be an integer ≥ ${min}`);
  }
  return value;
}

function positive(name: string, value: number, unit: string): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, unit, 'must be positive and finite');
  }
  return value;
}
