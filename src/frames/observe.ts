/**
 * Observables of a target from a site in one call: topocentric right ascension and
 * declination ({@link observeRaDec}) and azimuth, elevation and range ({@link observeAzEl}),
 * geometric by default, with light time, aberration and refraction as switches.
 *
 * Sizes of the corrections for a GEO object seen from Calern (43.75° N, 6.92° E, 1270 m):
 * - light time: 0.12–0.14 s, moving the direction by v⊥/c ≤ 3.07 / 299792.458 rad ≈ 2.1″;
 * - annual aberration: (v_E / c) sin θ ≤ 20.5″ (|v_E| = 29.8 km/s; 20.8″ at perihelion);
 * - diurnal aberration: (v_site / c) sin θ ≤ 0.23″ at Calern (0.32″ at the equator);
 * - refraction: 1.2′ (73″) at 39.6°, the highest elevation of the GEO belt from Calern;
 *   1.0′ at 45°, 5.4′ at 10°.
 *
 * @packageDocumentation
 */

import { mat3, type Vec3, type Vec3Like } from '../math';
import type { Epoch } from '../time';
import { applyAberration } from './aberration';
import {
  type FrameTransformOptions,
  frameTransform,
  transformPositionVelocity,
} from './frameTransform';
import { SPEED_OF_LIGHT_KM_S as C_KM_S, correctLightTimeLinear } from './lightTime';
import { type RefractionConditions, refractElevation } from './refraction';
import {
  type AzElRangeRates,
  azElRange,
  enuToAzElRange,
  type RaDecRangeRates,
  type Site,
  topocentricRaDec,
} from './topocentric';

/** Speed of light in vacuum, km/s (exact by the SI definition of the metre). */

/**
 * Half-step of the central difference that carries the elevation rate through refraction,
 * rad (0.0006°): the truncation error of R′ is below 1e-10 of it, the rounding 1e-11.
 */
const REFRACTION_STEP_RAD = 1e-5;

/** Position and velocity of a target at the observation epoch. */
export interface TargetState {
  /** Position, km. */
  readonly positionKm: Vec3Like;
  /** Velocity, km/s, in the same frame. */
  readonly velocityKmS: Vec3Like;
}

/** A target state tagged with its frame, for {@link observeAzEl}. */
export interface FramedTargetState extends TargetState {
  /** `'GCRF'` (inertial) or `'ITRF'` (Earth-fixed, the site's frame). */
  readonly frame: 'GCRF' | 'ITRF';
}

/** What the annual aberration switch needs. */
export interface AnnualAberrationInput {
  /** The Earth's velocity relative to the solar-system barycentre, GCRF axes, km/s. */
  readonly earthBarycentricVelocityKmS: Vec3Like;
}

/** Options of {@link observeRaDec}. Every correction is off by default (geometric result). */
export interface ObserveRaDecOptions {
  /**
   * Light time: the target is taken where it was when it emitted the light received now,
   * moved back along its velocity held constant over the light time (the constant-velocity
   * equation |ρ − v τ| = c τ solved exactly; the curvature of a GEO orbit over 0.14 s is
   * 2 mm, 5e-11 rad). Size for a GEO object: 0.12–0.14 s, a shift of v⊥/c ≈ 2.1″ at most
   * (v⊥ the GCRF velocity across the line of sight). Default false.
   */
  readonly lightTime?: boolean;
  /**
   * Annual aberration: the velocity of the Earth's centre relative to the solar-system
   * barycentre, km/s, BCRS/GCRF axes (e.g. from an SPK kernel through `osmose/bodies`). The
   * shift is (v_E / c) sin θ, up to 20.5″ for |v_E| = 29.8 km/s (20.8″ at perihelion), θ the
   * angle between the line of sight and v_E. Default false (not applied).
   *
   * With both aberrations on, the observer's barycentric velocity is v_E + v_site, as in
   * SOFA/ERFA `eraApco`. Catalogue star places are free of aberration: to model RA/Dec
   * reduced against them, pass −v_E and leave `diurnalAberration` off (see
   * `applyAnnualAberration`).
   */
  readonly annualAberration?: AnnualAberrationInput | false;
  /**
   * Diurnal aberration from the site's GCRF velocity (Earth rotation, ≈ 0.465 cos φ km/s):
   * (v_site / c) sin θ, at most 0.23″ at Calern and 0.32″ on the equator. Default false.
   */
  readonly diurnalAberration?: boolean;
  /** Options of the ITRF → GCRF transformation of the site (EOP, chain). */
  readonly frame?: FrameTransformOptions;
}

/** Options of {@link observeAzEl}. Every correction is off by default (geometric result). */
export interface ObserveAzElOptions {
  /**
   * Light time, as for {@link ObserveRaDecOptions.lightTime}: solved in GCRF with the target
   * at constant velocity, then expressed in the site's horizon frame at reception. About
   * 2.1″ for a GEO object. Default false.
   */
  readonly lightTime?: boolean;
  /**
   * Refraction: the returned elevation is the apparent one, h + R(h) with Sæmundsson's R
   * (see `refractElevation`); `true` for 1010 hPa and 10 °C, or the site's conditions.
   * 1.2′ (73″) at 39.6°, the highest elevation of the GEO belt from Calern; 1.0′ at 45°,
   * 5.4′ at 10°, 34′ on the horizon. Default false.
   */
  readonly refraction?: RefractionConditions | boolean;
  /** Options of the ITRF ↔ GCRF transformation (EOP, chain). */
  readonly frame?: FrameTransformOptions;
}

/** Result of {@link observeRaDec}. */
export interface ObservedRaDec extends RaDecRangeRates {
  /** Light time used, s (0 when the correction is off). */
  readonly lightTimeS: number;
}

/** Result of {@link observeAzEl}. */
export interface ObservedAzEl extends AzElRangeRates {
  /** Light time used, s (0 when the correction is off). */
  readonly lightTimeS: number;
}

/**
 * Topocentric right ascension, declination and range of a target from a site, with their
 * rates, geometric by default; light time, annual and diurnal aberration are switches.
 *
 * The site's GCRF position and velocity come from `frameTransform('ITRF', 'GCRF', epoch,
 * options.frame)`. With light time the range is c τ and the rates are those of the vector
 * from the site at reception to the target at emission (the factor 1 − dτ/dt included).
 * Aberration turns the direction only: the range and the rates stay those of the geometric
 * vector (the aberration changes the angular rates by a fraction v/c ≤ 1e-4 of themselves).
 *
 * @param site - the observing site
 * @param targetGcrf - target position (km) and velocity (km/s) in GCRF at `epoch`
 * @param epoch - the instant of reception
 * @param options - the corrections (all off by default) and the frame options
 * @returns right ascension (rad, [0, 2π)), declination (rad), range (km), their rates
 *   (rad/s, km/s; NaN angular rates at the poles) and the light time (s)
 * @throws {@link InvalidArgumentError} when the target is at the site or not finite, or a
 *   velocity is not below c
 * @throws {@link MissingDataError} when the frame transformation lacks EOP
 * @see Seidelmann (ed.), Explanatory Supplement to the Astronomical Almanac (1992), §3.25,
 *   §3.315; SOFA/ERFA `eraApco`, `eraAb`
 *
 * @example
 * ```ts
 * const calern = createSiteDeg({ latitudeDeg: 43.7536, longitudeDeg: 6.9222, heightKm: 1.27 });
 * const t = Epoch.fromIso('2020-03-01T00:00:00', 'UTC');
 * const geo = transformPositionVelocity(
 *   frameTransform('ITRF', 'GCRF', t),
 *   [41856.82, 5081.69, 0],
 *   [0, 0, 0],
 * );
 * const apparent = observeRaDec(calern, geo, t, { lightTime: true, diurnalAberration: true });
 * apparent.lightTimeS; // ≈ 0.1261 (37804 km)
 * ```
 */
export function observeRaDec(
  site: Site,
  targetGcrf: TargetState,
  epoch: Epoch,
  options: ObserveRaDecOptions = {},
): ObservedRaDec {
  const toGcrf = frameTransform('ITRF', 'GCRF', epoch, options.frame);
  const siteGcrf = transformPositionVelocity(toGcrf, site.positionItrfKm, [0, 0, 0]);
  const los = lineOfSight(siteGcrf.positionKm, siteGcrf.velocityKmS, targetGcrf, options.lightTime);
  const geometric = topocentricRaDec(siteGcrf.positionKm, los.targetKm, los.relativeVelocityKmS);
  const annual = options.annualAberration;
  const diurnal = options.diurnalAberration === true;
  if (!annual && !diurnal) return { ...geometric, lightTimeS: los.lightTimeS };
  // The observer's velocity relative to the frame where the direction is geometric.
  const vE: Vec3Like = annual ? annual.earthBarycentricVelocityKmS : [0, 0, 0];
  const vS: Vec3Like = diurnal ? siteGcrf.velocityKmS : [0, 0, 0];
  const p = applyAberration(sub(los.targetKm, siteGcrf.positionKm), addVec(vE, vS));
  // In [0, 2π): atan2 of a tiny negative y plus 2π rounds to 2π, which is 0.
  const atanRad = Math.atan2(p[1], p[0]);
  const raRad = atanRad < 0 ? atanRad + 2 * Math.PI : atanRad;
  return {
    ...geometric,
    rightAscensionRad: raRad >= 2 * Math.PI ? 0 : raRad,
    declinationRad: Math.atan2(p[2], Math.hypot(p[0], p[1])),
    lightTimeS: los.lightTimeS,
  };
}

/**
 * Azimuth, elevation and range of a target from a site, with their rates, geometric by
 * default; light time and refraction are switches.
 *
 * A target given in ITRF without light time is passed to `azElRange` as is. Otherwise the
 * site and the target go to GCRF (`frameTransform('ITRF', 'GCRF', epoch, options.frame)`),
 * the light time is solved there, and the vector from the site to the target at emission
 * comes back to the site's horizon frame with the rotation at reception. With refraction the
 * elevation and its rate are the apparent ones; azimuth and range are unchanged.
 *
 * @param site - the observing site
 * @param target - target position (km) and velocity (km/s) at `epoch`, in GCRF or ITRF
 * @param epoch - the instant of reception
 * @param options - light time and refraction (off by default), frame options
 * @returns azimuth (rad, [0, 2π) from north to east), elevation (rad), range (km), their
 *   rates (rad/s, km/s; NaN angular rates at the zenith) and the light time (s)
 * @throws {@link InvalidArgumentError} when the target is at the site or not finite, a
 *   velocity is not below c, or the refraction conditions are impossible
 * @throws {@link MissingDataError} when the frame transformation lacks EOP
 * @see Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Algorithm 27
 *
 * @example
 * ```ts
 * const calern = createSiteDeg({ latitudeDeg: 43.7536, longitudeDeg: 6.9222, heightKm: 1.27 });
 * const t = Epoch.fromIso('2020-03-01T00:00:00', 'UTC');
 * const geo = { frame: 'ITRF', positionKm: [41856.82, 5081.69, 0], velocityKmS: [0, 0, 0] } as const;
 * const seen = observeAzEl(calern, geo, t, { lightTime: true, refraction: true });
 * (seen.elevationRad * 180) / Math.PI; // ≈ 39.5995 (39.5791° geometric + 73.4″ refraction)
 * ```
 */
export function observeAzEl(
  site: Site,
  target: FramedTargetState,
  epoch: Epoch,
  options: ObserveAzElOptions = {},
): ObservedAzEl {
  let geometric: AzElRangeRates;
  let lightTimeS = 0;
  if (target.frame === 'ITRF' && options.lightTime !== true) {
    geometric = azElRange(site, target.positionKm, target.velocityKmS);
  } else {
    const toGcrf = frameTransform('ITRF', 'GCRF', epoch, options.frame);
    const siteGcrf = transformPositionVelocity(toGcrf, site.positionItrfKm, [0, 0, 0]);
    const targetGcrf =
      target.frame === 'GCRF'
        ? target
        : transformPositionVelocity(toGcrf, asVec3(target.positionKm), asVec3(target.velocityKmS));
    const los = lineOfSight(
      siteGcrf.positionKm,
      siteGcrf.velocityKmS,
      targetGcrf,
      options.lightTime,
    );
    lightTimeS = los.lightTimeS;
    // GCRF → ITRF is Rᵀ, its rate Ṙᵀ: ρ_itrf = Rᵀ ρ, ρ̇_itrf = Rᵀ ρ̇ + Ṙᵀ ρ.
    const rho = sub(los.targetKm, siteGcrf.positionKm);
    const rangeItrfKm = mat3.transposeMultiplyVec(toGcrf.rotation, rho);
    const rateItrfKmS = addVec(
      mat3.transposeMultiplyVec(toGcrf.rotation, los.relativeVelocityKmS),
      mat3.transposeMultiplyVec(toGcrf.rotationRate, rho),
    );
    geometric = enuToAzElRange(
      mat3.multiplyVec(site.enuFromItrf, rangeItrfKm),
      mat3.multiplyVec(site.enuFromItrf, rateItrfKmS),
    );
  }
  const refraction = options.refraction;
  if (refraction === undefined || refraction === false) return { ...geometric, lightTimeS };
  const conditions = refraction === true ? {} : refraction;
  const h = geometric.elevationRad;
  // dh_app/dt = (1 + R′(h)) dh/dt, R′ by a central difference of the one refraction formula.
  const slope =
    (refractElevation(h + REFRACTION_STEP_RAD, conditions) -
      refractElevation(h - REFRACTION_STEP_RAD, conditions)) /
    (2 * REFRACTION_STEP_RAD);
  return {
    ...geometric,
    elevationRad: refractElevation(h, conditions),
    elevationRateRadS: geometric.elevationRateRadS * slope,
    lightTimeS,
  };
}

/**
 * The target's position (at emission with light time, else at reception) and the rate of the
 * observer-to-target vector, in GCRF.
 */
interface LineOfSight {
  readonly targetKm: Vec3Like;
  readonly relativeVelocityKmS: Vec3;
  readonly lightTimeS: number;
}

function lineOfSight(
  observerKm: Vec3Like,
  observerVelocityKmS: Vec3Like,
  target: TargetState,
  lightTime: boolean | undefined,
): LineOfSight {
  const v = target.velocityKmS;
  let positionKm: Vec3Like = target.positionKm;
  let lightTimeS = 0;
  let scale = 1;
  if (lightTime === true) {
    const lt = correctLightTimeLinear(observerKm, target.positionKm, v);
    positionKm = lt.positionKm;
    lightTimeS = lt.lightTimeS;
    // ρ(t) = r(t − τ(t)) − o(t) with τ = |ρ|/c: ρ̇ = (1 − τ̇) v − v_o, and differentiating
    // cτ = |ρ| gives cτ̇ = ρ̂·ρ̇, so τ̇ = ρ̂·(v − v_o) / (c + ρ̂·v).
    const rho = sub(positionKm, observerKm);
    const n = Math.hypot(rho[0], rho[1], rho[2]);
    const rv = (rho[0] * v[0]! + rho[1] * v[1]! + rho[2] * v[2]!) / n;
    const ro =
      (rho[0] * observerVelocityKmS[0]! +
        rho[1] * observerVelocityKmS[1]! +
        rho[2] * observerVelocityKmS[2]!) /
      n;
    scale = 1 - (rv - ro) / (C_KM_S + rv);
  }
  return {
    targetKm: positionKm,
    relativeVelocityKmS: [
      scale * v[0]! - observerVelocityKmS[0]!,
      scale * v[1]! - observerVelocityKmS[1]!,
      scale * v[2]! - observerVelocityKmS[2]!,
    ],
    lightTimeS,
  };
}

function sub(a: Vec3Like, b: Vec3Like): Vec3 {
  return [a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!];
}

function addVec(a: Vec3Like, b: Vec3Like): Vec3 {
  return [a[0]! + b[0]!, a[1]! + b[1]!, a[2]! + b[2]!];
}

function asVec3(v: Vec3Like): [number, number, number] {
  return [v[0]!, v[1]!, v[2]!];
}
