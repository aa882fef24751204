/**
 * Classical (Keplerian) orbital elements and their conversions from and to position and
 * velocity.
 *
 * @packageDocumentation
 */
import { EARTH_GM_KM3_S2 } from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import { type FrameId, isEarthFixed } from '../../frames';
import { Epoch } from '../../time';
import { StateVector } from '../stateVector';

/**
 * Below this eccentricity the orbit is treated as circular and below this sin i as
 * equatorial, for the labelling of the classical angles only (see
 * {@link keplerianFromPositionVelocity}). Moving the periapsis or the node of such an orbit
 * moves the position by at most 2·a·1e-12 (0.1 µm at GEO).
 *
 * @example
 * ```ts
 * CLASSICAL_SINGULARITY_TOL; // 1e-12
 * ```
 */
export const CLASSICAL_SINGULARITY_TOL = 1e-12;

/**
 * Classical orbital elements of an ellipse or a hyperbola. Angles in rad; frozen.
 *
 * Where an angle is undefined (circular or equatorial orbits) the convention of
 * {@link keplerianFromPositionVelocity} applies: Ω = 0 on equatorial orbits, ω = 0 on
 * circular ones, and ν then counts from the node (argument of latitude) or from the x axis
 * (true longitude).
 */
export interface KeplerianElements {
  /** Semi-major axis a, km (negative on a hyperbola). */
  readonly semiMajorAxisKm: number;
  /** Eccentricity e (≥ 0, ≠ 1). */
  readonly ecc: number;
  /** Inclination i, rad, in [0, π]. */
  readonly incRad: number;
  /** Right ascension of the ascending node Ω, rad, in [0, 2π). */
  readonly raanRad: number;
  /** Argument of periapsis ω, rad, in [0, 2π). */
  readonly argPeriapsisRad: number;
  /** True anomaly ν, rad: [0, 2π) on an ellipse, (−ν∞, ν∞) on a hyperbola. */
  readonly trueAnomalyRad: number;
}

/** Options of the conversions between states and elements. */
export interface ElementsOptions {
  /** Gravitational parameter μ, km³/s². Default Earth's, {@link EARTH_GM_KM3_S2}. */
  readonly muKm3S2?: number;
}

const TWO_PI = 2 * Math.PI;

function wrap2Pi(x: number): number {
  const y = x % TWO_PI;
  return y < 0 ? y + TWO_PI : y;
}

function readMu(mu: number | undefined): number {
  const m = mu ?? EARTH_GM_KM3_S2;
  if (!(m > 0 && Number.isFinite(m))) {
    throw new InvalidArgumentError('muKm3S2', m, 'km³/s²', 'must be a positive finite number');
  }
  return m;
}

/** Angle from d to x about the unit axis w: atan2(w·(d × x), d·x). */
function angleAbout(w: number[], d: number[], x: number[]): number {
  const cx = d[1]! * x[2]! - d[2]! * x[1]!;
  const cy = d[2]! * x[0]! - d[0]! * x[2]!;
  const cz = d[0]! * x[1]! - d[1]! * x[0]!;
  return Math.atan2(
    w[0]! * cx + w[1]! * cy + w[2]! * cz,
    d[0]! * x[0]! + d[1]! * x[1]! + d[2]! * x[2]!,
  );
}

/**
 * Classical elements from an inertial position and velocity (Vallado's RV2COE, with
 * atan2 forms throughout so that small angles keep their digits).
 *
 * Conventions where classical angles are undefined (e < {@link CLASSICAL_SINGULARITY_TOL},
 * or sin i below it):
 * - circular inclined: ω = 0 and ν = the argument of latitude u (from the node);
 * - elliptic equatorial: Ω = 0 and ω = the longitude of periapsis ϖ (from x, in the
 *   direction of motion, so retrograde orbits count it backwards);
 * - circular equatorial (GEO): Ω = ω = 0 and ν = the true longitude (from x).
 * The state is then reproduced by {@link positionVelocityFromKeplerianInto} to within
 * 2·a·1e-12. For such orbits prefer the equinoctial elements, which stay defined.
 *
 * @param positionKm - position, km (inertial frame)
 * @param velocityKmS - velocity, km/s
 * @param muKm3S2 - gravitational parameter μ, km³/s²
 * @returns the elements (frozen)
 * @throws {@link InvalidArgumentError} for a non-finite component, a position at the origin,
 *   zero angular momentum (rectilinear motion) or a parabola (|1 − e| below 1e-12)
 * @see Vallado (2013), Algorithm 9 (RV2COE) and Example 2-5
 * @example
 * ```ts
 * // Vallado Example 2-5
 * const el = keplerianFromPositionVelocity([6524.834, 6862.875, 6448.296], [4.901327, 5.533756, -1.976341], 398600.4418);
 * el.semiMajorAxisKm; // ≈ 36127.34 (Vallado: 36127.343, from rounded canonical units)
 * el.ecc; // ≈ 0.832853
 * ```
 */
export function keplerianFromPositionVelocity(
  positionKm: ArrayLike<number>,
  velocityKmS: ArrayLike<number>,
  muKm3S2: number,
): KeplerianElements {
  const r = [positionKm[0]!, positionKm[1]!, positionKm[2]!];
  const v = [velocityKmS[0]!, velocityKmS[1]!, velocityKmS[2]!];
  for (let i = 0; i < 3; i++) {
    if (!Number.isFinite(r[i]) || !Number.isFinite(v[i])) {
      throw new InvalidArgumentError(
        'positionKm/velocityKmS',
        `${r} / ${v}`,
        'km, km/s',
        'must be finite',
      );
    }
  }
  const mu = readMu(muKm3S2);
  const rMag = Math.hypot(r[0]!, r[1]!, r[2]!);
  if (!(rMag > 0))
    throw new InvalidArgumentError('positionKm', `[${r}]`, 'km', 'must not be at the origin');
  const h = [
    r[1]! * v[2]! - r[2]! * v[1]!,
    r[2]! * v[0]! - r[0]! * v[2]!,
    r[0]! * v[1]! - r[1]! * v[0]!,
  ];
  const hMag = Math.hypot(h[0]!, h[1]!, h[2]!);
  if (!(hMag > 0)) {
    throw new InvalidArgumentError(
      'velocityKmS',
      `[${v}]`,
      'km/s',
      'is parallel to the position: rectilinear orbit has no elements',
    );
  }
  const w = [h[0]! / hMag, h[1]! / hMag, h[2]! / hMag];
  const v2 = v[0]! ** 2 + v[1]! ** 2 + v[2]! ** 2;
  const rv = r[0]! * v[0]! + r[1]! * v[1]! + r[2]! * v[2]!;
  const c1 = v2 - mu / rMag;
  const eVec = [
    (c1 * r[0]! - rv * v[0]!) / mu,
    (c1 * r[1]! - rv * v[1]!) / mu,
    (c1 * r[2]! - rv * v[2]!) / mu,
  ];
  const ecc = Math.hypot(eVec[0]!, eVec[1]!, eVec[2]!);
  if (Math.abs(1 - ecc) < 1e-12) {
    throw new InvalidArgumentError(
      'state',
      `e = ${ecc}`,
      '',
      'parabolic orbit: use the semi-latus rectum (no semi-major axis)',
    );
  }
  // a from the semi-latus rectum p = h²/μ: a = p / (1 − e²), exact for both conics.
  const a = (hMag * hMag) / mu / (1 - ecc * ecc);
  const sinI = Math.hypot(w[0]!, w[1]!);
  const inc = Math.atan2(sinI, w[2]!);
  const equatorial = sinI < CLASSICAL_SINGULARITY_TOL;
  const circular = ecc < CLASSICAL_SINGULARITY_TOL;
  // Node direction n = ẑ × ĥ (normalised), or x̂ on equatorial orbits.
  const node = equatorial ? [1, 0, 0] : [-w[1]! / sinI, w[0]! / sinI, 0];
  const raan = equatorial ? 0 : wrap2Pi(Math.atan2(node[1]!, node[0]!));
  let argp: number;
  let nu: number;
  if (circular) {
    argp = 0;
    nu = angleAbout(w, node, r);
  } else {
    argp = wrap2Pi(angleAbout(w, node, eVec));
    nu = angleAbout(w, eVec, r);
  }
  nu = ecc < 1 ? wrap2Pi(nu) : nu;
  return Object.freeze({
    semiMajorAxisKm: a,
    ecc,
    incRad: inc,
    raanRad: raan,
    argPeriapsisRad: argp,
    trueAnomalyRad: nu,
  });
}

/**
 * Writes the inertial position and velocity of classical elements into `out`
 * ([x, y, z] km, [vx, vy, vz] km/s): the perifocal state rotated by R3(−Ω)·R1(−i)·R3(−ω)
 * (Vallado's COE2RV). Circular and equatorial orbits need no special case: ω + ν and Ω + ω
 * enter as the element conventions of {@link keplerianFromPositionVelocity} define them.
 *
 * @param out - receives the 6 components (length ≥ 6)
 * @param elements - a (km), e, i, Ω, ω, ν (rad)
 * @param muKm3S2 - gravitational parameter μ, km³/s²
 * @returns `out`
 * @throws {@link InvalidArgumentError} for a non-finite element, e < 0, a parabola (e = 1),
 *   a with the wrong sign for e, or ν beyond a hyperbola's asymptotes
 * @see Vallado (2013), Algorithm 10 (COE2RV) and Example 2-6
 * @example
 * ```ts
 * const out = new Float64Array(6);
 * positionVelocityFromKeplerianInto(out, {
 *   semiMajorAxisKm: 42164.17, ecc: 0, incRad: 0, raanRad: 0, argPeriapsisRad: 0, trueAnomalyRad: Math.PI / 2,
 * }, 398600.4418);
 * out[1]; // ≈ 42164.17
 * ```
 */
export function positionVelocityFromKeplerianInto(
  out: Float64Array,
  elements: KeplerianElements,
  muKm3S2: number,
): Float64Array {
  const mu = readMu(muKm3S2);
  const {
    semiMajorAxisKm: a,
    ecc: e,
    incRad,
    raanRad,
    argPeriapsisRad,
    trueAnomalyRad: nu,
  } = elements;
  for (const [name, value] of Object.entries({ a, e, incRad, raanRad, argPeriapsisRad, nu })) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidArgumentError(
        name,
        value,
        name === 'a' ? 'km' : name === 'e' ? '' : 'rad',
        'must be a finite number',
      );
    }
  }
  if (!(e >= 0) || e === 1) throw new InvalidArgumentError('ecc', e, '', 'must be ≥ 0 and ≠ 1');
  if (e < 1 ? !(a > 0) : !(a < 0)) {
    throw new InvalidArgumentError(
      'semiMajorAxisKm',
      a,
      'km',
      `must be ${e < 1 ? 'positive (ellipse)' : 'negative (hyperbola)'}`,
    );
  }
  const p = a * (1 - e * e);
  const cosNu = Math.cos(nu);
  const sinNu = Math.sin(nu);
  const denom = 1 + e * cosNu;
  if (!(denom > 0)) {
    throw new InvalidArgumentError(
      'trueAnomalyRad',
      nu,
      'rad',
      `is beyond the asymptotes of a hyperbola with e = ${e}`,
    );
  }
  const rMag = p / denom;
  const s = Math.sqrt(mu / p);
  const xp = rMag * cosNu;
  const yp = rMag * sinNu;
  const vxp = -s * sinNu;
  const vyp = s * (e + cosNu);
  const cO = Math.cos(raanRad);
  const sO = Math.sin(raanRad);
  const cw = Math.cos(argPeriapsisRad);
  const sw = Math.sin(argPeriapsisRad);
  const ci = Math.cos(incRad);
  const si = Math.sin(incRad);
  // Columns P (periapsis direction) and Q of R3(−Ω) R1(−i) R3(−ω).
  const px = cO * cw - sO * sw * ci;
  const py = sO * cw + cO * sw * ci;
  const pz = sw * si;
  const qx = -cO * sw - sO * cw * ci;
  const qy = -sO * sw + cO * cw * ci;
  const qz = cw * si;
  out[0] = xp * px + yp * qx;
  out[1] = xp * py + yp * qy;
  out[2] = xp * pz + yp * qz;
  out[3] = vxp * px + vyp * qx;
  out[4] = vxp * py + vyp * qy;
  out[5] = vxp * pz + vyp * qz;
  return out;
}

function checkInertial(frame: FrameId): void {
  if (isEarthFixed(frame)) {
    throw new InvalidArgumentError(
      'frame',
      frame,
      '',
      'orbital elements need an inertial frame (transform to GCRF first)',
    );
  }
}

/**
 * Classical elements of a state (see {@link keplerianFromPositionVelocity} for the
 * conventions on circular and equatorial orbits).
 *
 * @param state - a state in an inertial frame (not ITRF, TIRS or PEF)
 * @param options - μ (default Earth's)
 * @returns the elements (frozen)
 * @throws {@link InvalidArgumentError} for an Earth-fixed frame, and as
 *   {@link keplerianFromPositionVelocity}
 * @example
 * ```ts
 * const s = StateVector.create({ epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'), frame: 'GCRF', positionKm: [42164.17, 0, 0], velocityKmS: [0, 3.0746599, 0] });
 * keplerianFromState(s).incRad; // 0
 * ```
 */
export function keplerianFromState(
  state: StateVector,
  options: ElementsOptions = {},
): KeplerianElements {
  if (!(state instanceof StateVector)) {
    throw new InvalidArgumentError('state', String(state), '', 'must be a StateVector');
  }
  checkInertial(state.frame);
  return keplerianFromPositionVelocity(
    state.positionKm,
    state.velocityKmS,
    readMu(options.muKm3S2),
  );
}

/** What {@link stateFromKeplerian} needs besides the elements. */
export interface StateFromElementsOptions extends ElementsOptions {
  /** The epoch of the state. */
  readonly epoch: Epoch;
  /** An inertial frame. */
  readonly frame: FrameId;
}

/**
 * The state of classical elements at an epoch, in an inertial frame.
 *
 * @param elements - a (km), e, i, Ω, ω, ν (rad)
 * @param options - epoch, frame, μ (default Earth's)
 * @returns a new state
 * @throws {@link InvalidArgumentError} for an Earth-fixed frame, and as
 *   {@link positionVelocityFromKeplerianInto}
 * @example
 * ```ts
 * const s = stateFromKeplerian(
 *   { semiMajorAxisKm: 7000, ecc: 0.001, incRad: 1, raanRad: 0, argPeriapsisRad: 0, trueAnomalyRad: 0 },
 *   { epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'), frame: 'GCRF' },
 * );
 * s.positionKm[0]; // ≈ 6993
 * ```
 */
export function stateFromKeplerian(
  elements: KeplerianElements,
  options: StateFromElementsOptions,
): StateVector {
  if (!(options?.epoch instanceof Epoch)) {
    throw new InvalidArgumentError('options.epoch', String(options?.epoch), '', 'must be an Epoch');
  }
  checkInertial(options.frame);
  const out = positionVelocityFromKeplerianInto(
    new Float64Array(6),
    elements,
    readMu(options.muKm3S2),
  );
  return StateVector.create({
    epoch: options.epoch,
    frame: options.frame,
    positionKm: out.subarray(0, 3),
    velocityKmS: out.subarray(3, 6),
  });
}
