/**
 * Building the observations that the angles-only IOD methods take: from a line of sight or
 * right ascension and declination and an observer position, or from a site and an epoch.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import { type FrameId, isEarthFixed, isFrameId } from '../../frames/frameId';
import {
  type FrameTransform,
  type FrameTransformOptions,
  frameTransform,
  transformPositionVelocity,
} from '../../frames/frameTransform';
import type { Site } from '../../frames/topocentric';
import { mat3, type Vec3, type Vec3Like, vec3 } from '../../math';
import { Epoch } from '../../time/epoch';
import type { AngleObservation } from './types';

/** What {@link createAngleObservation} takes: a direction and an observer. */
export interface AngleObservationInit {
  /** Instant of reception. */
  readonly epoch: Epoch;
  /** Inertial frame of the vectors and angles. Default `'GCRF'`. */
  readonly frame?: FrameId;
  /** Right ascension, rad (with `declinationRad`; or give `lineOfSight`). */
  readonly rightAscensionRad?: number;
  /** Declination, rad. */
  readonly declinationRad?: number;
  /** Line of sight from observer to object (any length; it is normalised). */
  readonly lineOfSight?: Vec3Like;
  /** Observer position, km. */
  readonly observerPositionKm: Vec3Like;
  /** Observer velocity, km/s (optional). */
  readonly observerVelocityKmS?: Vec3Like;
  /** Observer acceleration, km/s² (optional). */
  readonly observerAccelerationKmS2?: Vec3Like;
}

/** Options of {@link angleObservationFromSite}. */
export interface AngleObservationFromSiteOptions {
  /** Inertial frame of the angles. Default `'GCRF'`. */
  readonly frame?: FrameId;
  /** Time data, fixed EOP and other switches of the ITRF → frame transform. */
  readonly transform?: FrameTransformOptions;
  /**
   * The ITRF → frame transform at an epoch, used instead of the exact `frameTransform`: for
   * many observations pass `createInterpolatedTransform('ITRF', 'GCRF').at` (bound), which is
   * some ten times faster. It must map ITRF to `frame`.
   */
  readonly transformAt?: (epoch: Epoch) => FrameTransform;
}

function finiteTriple(name: string, v: Vec3Like | undefined, unit: string): Vec3 | undefined {
  if (v === undefined) return undefined;
  if (v.length !== 3 || !Number.isFinite(v[0]! + v[1]! + v[2]!)) {
    throw new InvalidArgumentError(name, Array.from(v), unit, 'must be three finite numbers');
  }
  return Object.freeze(vec3.fromArray(v)) as Vec3;
}

/**
 * The unit vector of a right ascension and declination: (cos δ cos α, cos δ sin α, sin δ).
 *
 * @param rightAscensionRad - α, rad
 * @param declinationRad - δ, rad
 * @returns the unit vector along the frame's axes
 * @throws {@link InvalidArgumentError} when an angle is not finite
 * @see Vallado (2013), eq. 4-1
 * @example
 * ```ts
 * lineOfSightFromRaDec(Math.PI / 2, 0); // ≈ [0, 1, 0]
 * ```
 */
export function lineOfSightFromRaDec(rightAscensionRad: number, declinationRad: number): Vec3 {
  if (!Number.isFinite(rightAscensionRad) || !Number.isFinite(declinationRad)) {
    throw new InvalidArgumentError(
      'rightAscensionRad, declinationRad',
      [rightAscensionRad, declinationRad],
      'rad',
      'must be finite',
    );
  }
  const cd = Math.cos(declinationRad);
  return [
    cd * Math.cos(rightAscensionRad),
    cd * Math.sin(rightAscensionRad),
    Math.sin(declinationRad),
  ];
}

/**
 * An angles-only observation for the IOD methods, from a direction (right ascension and
 * declination, or a line-of-sight vector) and the observer's inertial position.
 *
 * @param init - epoch, frame (default GCRF), direction, observer position (km) and optionally
 *   its velocity (km/s) and acceleration (km/s²)
 * @returns the frozen observation
 * @throws {@link InvalidArgumentError} when the epoch is not an Epoch, the frame is unknown or
 *   Earth-fixed, no direction or two are given, or a vector is not finite or zero
 * @example
 * ```ts
 * const obs = createAngleObservation({
 *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
 *   rightAscensionRad: 0,
 *   declinationRad: 0,
 *   observerPositionKm: [6378.137, 0, 0],
 * });
 * obs.lineOfSight; // [1, 0, 0]
 * ```
 */
export function createAngleObservation(init: AngleObservationInit): AngleObservation {
  if (!(init.epoch instanceof Epoch)) {
    throw new InvalidArgumentError('epoch', String(init.epoch), '', 'must be an Epoch');
  }
  const frame = init.frame ?? 'GCRF';
  if (!isFrameId(frame) || isEarthFixed(frame)) {
    throw new InvalidArgumentError('frame', frame, '', 'must be an inertial frame id');
  }
  const hasAngles = init.rightAscensionRad !== undefined || init.declinationRad !== undefined;
  if (hasAngles === (init.lineOfSight !== undefined)) {
    throw new InvalidArgumentError(
      'lineOfSight',
      init.lineOfSight === undefined ? 'none' : 'both',
      '',
      'give either rightAscensionRad and declinationRad, or lineOfSight',
    );
  }
  let los: Vec3;
  if (hasAngles) {
    los = lineOfSightFromRaDec(
      init.rightAscensionRad ?? Number.NaN,
      init.declinationRad ?? Number.NaN,
    );
  } else {
    const raw = finiteTriple('lineOfSight', init.lineOfSight, '') as Vec3;
    const n = vec3.norm(raw);
    if (!(n > 0))
      throw new InvalidArgumentError('lineOfSight', Array.from(raw), '', 'must not be zero');
    los = vec3.scale(raw, 1 / n);
  }
  return Object.freeze({
    epoch: init.epoch,
    frame,
    lineOfSight: Object.freeze(los) as Vec3,
    observerPositionKm: finiteTriple('observerPositionKm', init.observerPositionKm, 'km') as Vec3,
    observerVelocityKmS: finiteTriple('observerVelocityKmS', init.observerVelocityKmS, 'km/s'),
    observerAccelerationKmS2: finiteTriple(
      'observerAccelerationKmS2',
      init.observerAccelerationKmS2,
      'km/s²',
    ),
  });
}

/**
 * An angles-only observation from a site: the site's inertial position, velocity and
 * (centripetal) acceleration at the epoch come from the ITRF → frame transform with EOP.
 *
 * The acceleration is Ω·v with Ω = Ṙ·Rᵀ the Earth's angular-velocity matrix of the transform
 * (the rate of change of Ω, from precession and nutation, is some 10⁻¹² of it and left out).
 *
 * @param site - the observing site
 * @param epoch - instant of reception
 * @param rightAscensionRad - right ascension in the frame's axes, rad
 * @param declinationRad - declination, rad
 * @param options - frame (default GCRF) and transform options (time data, EOP)
 * @returns the frozen observation with observer position (km), velocity (km/s) and
 *   acceleration (km/s²)
 * @throws {@link InvalidArgumentError} when an angle is not finite or the frame is Earth-fixed
 * @throws {@link MissingDataError} when the EOP do not cover the epoch
 * @example
 * ```ts
 * const calern = createSiteDeg({ latitudeDeg: 43.7528, longitudeDeg: 6.9222, heightKm: 1.27 });
 * const t = Epoch.fromIso('2024-03-01T22:00:00', 'UTC');
 * const obs = angleObservationFromSite(calern, t, 1.2, 0.05);
 * Math.round(Math.hypot(...obs.observerPositionKm)); // 6369
 * ```
 */
export function angleObservationFromSite(
  site: Site,
  epoch: Epoch,
  rightAscensionRad: number,
  declinationRad: number,
  options: AngleObservationFromSiteOptions = {},
): AngleObservation {
  const frame = options.frame ?? 'GCRF';
  if (!isFrameId(frame) || isEarthFixed(frame)) {
    throw new InvalidArgumentError('frame', frame, '', 'must be an inertial frame id');
  }
  const x = options.transformAt
    ? options.transformAt(epoch)
    : frameTransform('ITRF', frame, epoch, options.transform);
  if (x.from !== 'ITRF' || x.to !== frame) {
    throw new InvalidArgumentError(
      'transformAt',
      `${x.from} → ${x.to}`,
      '',
      `must give ITRF → ${frame}`,
    );
  }
  const pv = transformPositionVelocity(x, site.positionItrfKm, [0, 0, 0]);
  const omega = mat3.multiply(x.rotationRate, mat3.transpose(x.rotation));
  return createAngleObservation({
    epoch,
    frame,
    rightAscensionRad,
    declinationRad,
    observerPositionKm: pv.positionKm,
    observerVelocityKmS: pv.velocityKmS,
    observerAccelerationKmS2: mat3.multiplyVec(omega, pv.velocityKmS),
  });
}
