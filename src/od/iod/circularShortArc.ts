/**
 * A near-circular orbit from one attributable (direction and its rate at one instant): the
 * initial orbit of a short optical arc of a GEO (or any near-circular) object.
 *
 * @packageDocumentation
 */
import { EARTH_GM_KM3_S2 } from '../../bodies/constants';
import { InvalidArgumentError } from '../../errors';
import { type FrameId, isEarthFixed, isFrameId } from '../../frames/frameId';
import { type Vec3, type Vec3Like, vec3 } from '../../math';
import type { StateVector } from '../../state/stateVector';
import { Epoch } from '../../time/epoch';
import { bracketRoots, checkMuKm3S2, fail, receptionState } from './internal/shared';
import type { AnglesIodResult } from './types';

/**
 * An attributable: the direction of an object and its rate at one instant, as fitted to a
 * tracklet (α, δ, α̇, δ̇), with the observer's inertial position and velocity then.
 */
export interface AttributableObservation {
  /** Instant of reception (the reference time of the fit). */
  readonly epoch: Epoch;
  /** Inertial frame of the angles and vectors. Default `'GCRF'`. */
  readonly frame?: FrameId;
  /** Right ascension α, rad. */
  readonly rightAscensionRad: number;
  /** Declination δ, rad. */
  readonly declinationRad: number;
  /** dα/dt, rad/s. */
  readonly rightAscensionRateRadS: number;
  /** dδ/dt, rad/s. */
  readonly declinationRateRadS: number;
  /** Observer position, km. */
  readonly observerPositionKm: Vec3Like;
  /** Observer velocity, km/s. */
  readonly observerVelocityKmS: Vec3Like;
}

/** Options of {@link solveCircularOrbit}. */
export interface CircularOrbitOptions {
  /** Gravitational parameter μ, km³/s². Default {@link EARTH_GM_KM3_S2}. */
  readonly muKm3S2?: number;
  /**
   * When several ranges give a circular orbit, the one whose radius is nearest to this comes
   * first, km. Default 42164.17 (the geostationary radius).
   */
  readonly preferredRadiusKm?: number;
  /** Smallest range searched, km. Default 100. */
  readonly minRangeKm?: number;
  /** Largest range searched, km. Default 500,000 (beyond the Moon). */
  readonly maxRangeKm?: number;
  /** The direction shows the object at t − ρ/c. Default true. */
  readonly lightTime?: boolean;
}

/** Geostationary radius, km: (μ/ω²)^(1/3) with the WGS 84 μ and ω. */
const GEO_RADIUS_KM = 42164.17;

function finite3(name: string, v: Vec3Like, unit: string): void {
  if (v.length !== 3 || !Number.isFinite(v[0]! + v[1]! + v[2]!)) {
    throw new InvalidArgumentError(name, Array.from(v), unit, 'must be three finite numbers');
  }
}

/**
 * A circular orbit consistent with an attributable: the four measured quantities (α, δ, α̇,
 * δ̇) and the two conditions of a circular orbit (r·v = 0 and v² = μ/r) determine the range
 * ρ and range rate ρ̇.
 *
 * With L the unit direction and L̇ its rate (from α̇, δ̇), r = R + ρL and
 * v = Ṙ + ρ̇L + ρL̇. The condition r·v = 0 is linear in ρ̇, which leaves one equation in ρ,
 * |v(ρ)|² − μ/|r(ρ)| = 0, whose roots are bracketed on a geometric grid of ranges and refined
 * (Illinois). Each root is a circular orbit that fits the attributable exactly; the one
 * nearest `preferredRadiusKm` comes first, the others are `alternatives`. For a GEO object
 * with e ≈ 3·10⁻⁴ the radius is off by up to a·e ≈ 13 km plus what the noise of the rates
 * brings: a starting point for least squares, not an orbit to catalogue.
 *
 * This is the circular-orbit hypothesis of admissible-region methods (the circular curve of
 * the admissible region, and the "virtual debris" idea of Tommei, Milani and Rossi), used
 * here as a direct initial orbit for one tracklet.
 *
 * @param attributable - epoch, angles (rad), rates (rad/s), observer position (km) and
 *   velocity (km/s), in one inertial frame
 * @param options - μ, preferred radius, range interval searched, light time
 * @returns the state at the attributable's epoch with the range (km), or
 *   `'no-admissible-root'`
 * @throws {@link InvalidArgumentError} for non-finite inputs, an Earth-fixed frame or a bad
 *   range interval
 * @see G. Tommei, A. Milani, A. Rossi, "Orbit determination of space debris: admissible
 *   regions", Celestial Mechanics and Dynamical Astronomy 97 (2007) 289–304; A. Milani et
 *   al., "Orbit determination with very short arcs. I Admissible regions", CMDA 90 (2004)
 *   57–85
 * @example
 * ```ts
 * // A geostationary object seen from the Earth's centre: it moves at the sidereal rate.
 * const sol = solveCircularOrbit({
 *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
 *   rightAscensionRad: 0,
 *   declinationRad: 0,
 *   rightAscensionRateRadS: Math.sqrt(398600.4418 / 42164.17 ** 3),
 *   declinationRateRadS: 0,
 *   observerPositionKm: [0, 0, 0],
 *   observerVelocityKmS: [0, 0, 0],
 * }, { lightTime: false });
 * if (sol.ok) sol.rangesKm[0]; // ≈ 42164.17
 * ```
 */
export function solveCircularOrbit(
  attributable: AttributableObservation,
  options: CircularOrbitOptions = {},
): AnglesIodResult {
  const mu = options.muKm3S2 ?? EARTH_GM_KM3_S2;
  checkMuKm3S2(mu);
  const a = attributable;
  if (!(a.epoch instanceof Epoch)) {
    throw new InvalidArgumentError('attributable.epoch', String(a.epoch), '', 'must be an Epoch');
  }
  const frame = a.frame ?? 'GCRF';
  if (!isFrameId(frame) || isEarthFixed(frame)) {
    throw new InvalidArgumentError('attributable.frame', frame, '', 'must be an inertial frame id');
  }
  const angles = [
    a.rightAscensionRad,
    a.declinationRad,
    a.rightAscensionRateRadS,
    a.declinationRateRadS,
  ];
  if (!angles.every(Number.isFinite)) {
    throw new InvalidArgumentError(
      'attributable angles and rates',
      angles,
      'rad, rad/s',
      'must be finite',
    );
  }
  finite3('attributable.observerPositionKm', a.observerPositionKm, 'km');
  finite3('attributable.observerVelocityKmS', a.observerVelocityKmS, 'km/s');
  const minRange = options.minRangeKm ?? 100;
  const maxRange = options.maxRangeKm ?? 500_000;
  if (!(minRange > 0 && maxRange > minRange && Number.isFinite(maxRange))) {
    throw new InvalidArgumentError(
      'minRangeKm, maxRangeKm',
      [minRange, maxRange],
      'km',
      'must satisfy 0 < min < max < ∞',
    );
  }
  const preferred = options.preferredRadiusKm ?? GEO_RADIUS_KM;

  const ca = Math.cos(a.rightAscensionRad);
  const sa = Math.sin(a.rightAscensionRad);
  const cd = Math.cos(a.declinationRad);
  const sd = Math.sin(a.declinationRad);
  const l: Vec3 = [cd * ca, cd * sa, sd];
  const ad = a.rightAscensionRateRadS;
  const dd = a.declinationRateRadS;
  const lDot: Vec3 = [-cd * sa * ad - sd * ca * dd, cd * ca * ad - sd * sa * dd, cd * dd];
  const rObs = a.observerPositionKm;
  const vObs = a.observerVelocityKmS;
  const rDotR = vec3.dot(rObs, vObs);
  const rDotL = vec3.dot(rObs, l);
  const k1 = vec3.dot(rObs, lDot) + vec3.dot(l, vObs);

  const stateAt = (rho: number): { r: Vec3; v: Vec3 } | null => {
    const den = rho + rDotL; // r·L
    if (!(den > 0)) return null;
    // r·v = 0 solved for ρ̇ (L·L̇ = 0 for a unit L).
    const rhoDot = -(rDotR + rho * k1) / den;
    const r: Vec3 = [rObs[0]! + rho * l[0], rObs[1]! + rho * l[1], rObs[2]! + rho * l[2]];
    const v: Vec3 = [
      vObs[0]! + rhoDot * l[0] + rho * lDot[0],
      vObs[1]! + rhoDot * l[1] + rho * lDot[1],
      vObs[2]! + rhoDot * l[2] + rho * lDot[2],
    ];
    return { r, v };
  };
  const energy = (rho: number): number => {
    const s = stateAt(rho);
    if (!s) return Number.NaN;
    return vec3.dot(s.v, s.v) - mu / vec3.norm(s.r);
  };
  const roots = bracketRoots(energy, minRange, maxRange, 600);
  const lightTime = options.lightTime !== false;
  const scratch = new Float64Array(6);
  const found: { state: StateVector; rho: number }[] = [];
  for (const rho of roots) {
    const s = stateAt(rho);
    if (!s) continue;
    const state = receptionState(scratch, a.epoch, frame, s.r, s.v, rho, mu, lightTime);
    if (state) found.push({ state, rho });
  }
  if (found.length === 0) {
    return fail(
      'no-admissible-root',
      `circular orbit: no range in [${minRange}, ${maxRange}] km gives a circular orbit through the attributable`,
    );
  }
  found.sort(
    (x, y) => Math.abs(x.state.radiusKm - preferred) - Math.abs(y.state.radiusKm - preferred),
  );
  return {
    ok: true,
    state: found[0]!.state,
    rangesKm: Object.freeze([found[0]!.rho]),
    iterations: 0,
    alternatives: Object.freeze(found.slice(1).map((f) => f.state)),
  };
}
