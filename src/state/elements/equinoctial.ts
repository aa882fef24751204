/**
 * Equinoctial orbital elements (direct set), defined for circular and equatorial orbits.
 *
 * @packageDocumentation
 */
import { EARTH_GM_KM3_S2 } from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import { isEarthFixed } from '../../frames';
import { Epoch } from '../../time';
import { StateVector } from '../stateVector';
import { eccentricAnomalyFromMeanRad } from './keplerEquation';
import type { ElementsOptions, StateFromElementsOptions } from './keplerian';

/**
 * Equinoctial elements of an ellipse (the direct set of Broucke & Cefola): nonsingular at
 * e = 0 and i = 0, singular only at i = 180°. Frozen.
 *
 * In terms of the classical elements: h = e sin(ω + Ω), k = e cos(ω + Ω),
 * p = tan(i/2) sin Ω, q = tan(i/2) cos Ω, λ = M + ω + Ω.
 */
export interface EquinoctialElements {
  /** Semi-major axis a, km (> 0). */
  readonly semiMajorAxisKm: number;
  /** h = e sin(ω + Ω). */
  readonly h: number;
  /** k = e cos(ω + Ω). */
  readonly k: number;
  /** p = tan(i/2) sin Ω. */
  readonly p: number;
  /** q = tan(i/2) cos Ω. */
  readonly q: number;
  /** Mean longitude λ = M + ω + Ω, rad, in [0, 2π). */
  readonly meanLongitudeRad: number;
}

const TWO_PI = 2 * Math.PI;
/** 1 + cos i below this: the direct set is singular (i = 180°). */
const RETROGRADE_LIMIT = 1e-12;

function readMu(mu: number | undefined, fallback: number): number {
  const m = mu ?? fallback;
  if (!(m > 0 && Number.isFinite(m))) {
    throw new InvalidArgumentError('muKm3S2', m, 'km³/s²', 'must be a positive finite number');
  }
  return m;
}

/** Writes the equinoctial frame vectors f̂ (out[0..2]) and ĝ (out[3..5]) of p, q. */
function frameInto(out: number[], p: number, q: number): void {
  const s = 1 / (1 + p * p + q * q);
  out[0] = (1 - p * p + q * q) * s;
  out[1] = 2 * p * q * s;
  out[2] = -2 * p * s;
  out[3] = 2 * p * q * s;
  out[4] = (1 + p * p - q * q) * s;
  out[5] = 2 * q * s;
}

/**
 * Equinoctial elements from an inertial position and velocity, computed directly (without
 * the classical angles): p, q from the orbit normal, h, k from the eccentricity vector
 * along the equinoctial axes f̂, ĝ, λ from the eccentric longitude.
 *
 * @param positionKm - position, km (inertial frame)
 * @param velocityKmS - velocity, km/s
 * @param muKm3S2 - gravitational parameter μ, km³/s²
 * @returns the elements (frozen)
 * @throws {@link InvalidArgumentError} for a non-finite component, a position at the origin,
 *   an orbit that is not an ellipse, or a retrograde equatorial orbit (i = 180°, where the
 *   direct set is singular)
 * @see Broucke & Cefola, "On the equinoctial orbit elements", Celestial Mechanics 5 (1972)
 *   303–310; Vallado (2013), §2.4.3; Danielson et al., Semianalytic Satellite Theory (1995),
 *   §2.1.4
 * @example
 * ```ts
 * const el = equinoctialFromPositionVelocity([42164.17, 0, 0], [0, 3.0746599, 0], 398600.4418);
 * el.p; // 0
 * el.meanLongitudeRad; // 0
 * ```
 */
export function equinoctialFromPositionVelocity(
  positionKm: ArrayLike<number>,
  velocityKmS: ArrayLike<number>,
  muKm3S2: number,
): EquinoctialElements {
  const mu = readMu(muKm3S2, Number.NaN);
  const rx = positionKm[0]!;
  const ry = positionKm[1]!;
  const rz = positionKm[2]!;
  const vx = velocityKmS[0]!;
  const vy = velocityKmS[1]!;
  const vz = velocityKmS[2]!;
  if (!Number.isFinite(rx + ry + rz + vx + vy + vz)) {
    throw new InvalidArgumentError(
      'positionKm/velocityKmS',
      `[${rx}, ${ry}, ${rz}] / [${vx}, ${vy}, ${vz}]`,
      'km, km/s',
      'must be finite',
    );
  }
  const r = Math.hypot(rx, ry, rz);
  if (!(r > 0))
    throw new InvalidArgumentError(
      'positionKm',
      `[${rx}, ${ry}, ${rz}]`,
      'km',
      'must not be at the origin',
    );
  const hx = ry * vz - rz * vy;
  const hy = rz * vx - rx * vz;
  const hz = rx * vy - ry * vx;
  const hMag = Math.hypot(hx, hy, hz);
  const v2 = vx * vx + vy * vy + vz * vz;
  const a = 1 / (2 / r - v2 / mu);
  if (!(hMag > 0) || !(a > 0) || !Number.isFinite(a)) {
    throw new InvalidArgumentError(
      'state',
      `a = ${a} km`,
      '',
      'equinoctial elements need an elliptic orbit',
    );
  }
  const wx = hx / hMag;
  const wy = hy / hMag;
  const wz = hz / hMag;
  if (1 + wz < RETROGRADE_LIMIT) {
    throw new InvalidArgumentError(
      'state',
      `i = ${Math.acos(wz)} rad`,
      '',
      'the direct equinoctial set is singular at i = 180°',
    );
  }
  const p = wx / (1 + wz);
  const q = -wy / (1 + wz);
  const fg = [0, 0, 0, 0, 0, 0];
  frameInto(fg, p, q);
  const rv = rx * vx + ry * vy + rz * vz;
  const c1 = v2 - mu / r;
  const ex = (c1 * rx - rv * vx) / mu;
  const ey = (c1 * ry - rv * vy) / mu;
  const ez = (c1 * rz - rv * vz) / mu;
  const k = ex * fg[0]! + ey * fg[1]! + ez * fg[2]!;
  const h = ex * fg[3]! + ey * fg[4]! + ez * fg[5]!;
  const X = rx * fg[0]! + ry * fg[1]! + rz * fg[2]!;
  const Y = rx * fg[3]! + ry * fg[4]! + rz * fg[5]!;
  // Eccentric longitude F (Broucke & Cefola 1972, eq. 10 inverted), then λ = F + h cos F − k sin F.
  const s = Math.sqrt(1 - h * h - k * k);
  const beta = 1 / (1 + s);
  const cosF = k + ((1 - k * k * beta) * X - h * k * beta * Y) / (a * s);
  const sinF = h + ((1 - h * h * beta) * Y - h * k * beta * X) / (a * s);
  const F = Math.atan2(sinF, cosF);
  let lambda = (F + h * Math.cos(F) - k * Math.sin(F)) % TWO_PI;
  if (lambda < 0) lambda += TWO_PI;
  return Object.freeze({ semiMajorAxisKm: a, h, k, p, q, meanLongitudeRad: lambda });
}

/**
 * Writes the inertial position and velocity of equinoctial elements into `out`
 * ([x, y, z] km, [vx, vy, vz] km/s), solving Kepler's equation in the eccentric longitude.
 *
 * @param out - receives the 6 components (length ≥ 6)
 * @param elements - a (km), h, k, p, q, λ (rad)
 * @param muKm3S2 - gravitational parameter μ, km³/s²
 * @returns `out`
 * @throws {@link InvalidArgumentError} for a non-finite element, a ≤ 0 or h² + k² ≥ 1
 * @see Broucke & Cefola (1972); Vallado (2013), §2.4.3
 * @example
 * ```ts
 * const out = new Float64Array(6);
 * positionVelocityFromEquinoctialInto(out, { semiMajorAxisKm: 42164.17, h: 0, k: 0, p: 0, q: 0, meanLongitudeRad: Math.PI }, 398600.4418);
 * out[0]; // ≈ -42164.17
 * ```
 */
export function positionVelocityFromEquinoctialInto(
  out: Float64Array,
  elements: EquinoctialElements,
  muKm3S2: number,
): Float64Array {
  const mu = readMu(muKm3S2, Number.NaN);
  const { semiMajorAxisKm: a, h, k, p, q, meanLongitudeRad: lambda } = elements;
  if (!Number.isFinite(a + h + k + p + q + lambda)) {
    throw new InvalidArgumentError(
      'elements',
      JSON.stringify(elements),
      '',
      'must be finite numbers',
    );
  }
  if (!(a > 0)) throw new InvalidArgumentError('semiMajorAxisKm', a, 'km', 'must be positive');
  const e2 = h * h + k * k;
  if (!(e2 < 1)) throw new InvalidArgumentError('h, k', `${h}, ${k}`, '', 'must have h² + k² < 1');
  // λ = F + h cos F − k sin F is Kepler's equation in E = F − ϖ, M = λ − ϖ, e = √(h² + k²).
  const ecc = Math.sqrt(e2);
  const varpi = ecc > 0 ? Math.atan2(h, k) : 0;
  const F = eccentricAnomalyFromMeanRad(lambda - varpi, ecc) + varpi;
  const cosF = Math.cos(F);
  const sinF = Math.sin(F);
  const s = Math.sqrt(1 - e2);
  const beta = 1 / (1 + s);
  const X = a * ((1 - h * h * beta) * cosF + h * k * beta * sinF - k);
  const Y = a * ((1 - k * k * beta) * sinF + h * k * beta * cosF - h);
  const r = a * (1 - k * cosF - h * sinF);
  const n = Math.sqrt(mu / (a * a * a));
  const c = (a * a * n) / r;
  const Xd = c * (h * k * beta * cosF - (1 - h * h * beta) * sinF);
  const Yd = c * ((1 - k * k * beta) * cosF - h * k * beta * sinF);
  const fg = [0, 0, 0, 0, 0, 0];
  frameInto(fg, p, q);
  for (let i = 0; i < 3; i++) {
    out[i] = X * fg[i]! + Y * fg[3 + i]!;
    out[3 + i] = Xd * fg[i]! + Yd * fg[3 + i]!;
  }
  return out;
}

/**
 * Equinoctial elements of a state.
 *
 * @param state - a state in an inertial frame (not ITRF, TIRS or PEF), on an ellipse
 * @param options - μ (default Earth's, 398600.4418 km³/s²)
 * @returns the elements (frozen)
 * @throws {@link InvalidArgumentError} for an Earth-fixed frame, and as
 *   {@link equinoctialFromPositionVelocity}
 * @example
 * ```ts
 * const s = StateVector.create({ epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'), frame: 'GCRF', positionKm: [0, 42164.17, 0], velocityKmS: [-3.0746599, 0, 0] });
 * equinoctialFromState(s).meanLongitudeRad; // ≈ 1.5707963267949
 * ```
 */
export function equinoctialFromState(
  state: StateVector,
  options: ElementsOptions = {},
): EquinoctialElements {
  if (!(state instanceof StateVector)) {
    throw new InvalidArgumentError('state', String(state), '', 'must be a StateVector');
  }
  if (isEarthFixed(state.frame)) {
    throw new InvalidArgumentError(
      'frame',
      state.frame,
      '',
      'orbital elements need an inertial frame (transform to GCRF first)',
    );
  }
  return equinoctialFromPositionVelocity(
    state.positionKm,
    state.velocityKmS,
    readMu(options.muKm3S2, EARTH_GM_KM3_S2),
  );
}

/**
 * The state of equinoctial elements at an epoch, in an inertial frame.
 *
 * @param elements - a (km), h, k, p, q, λ (rad)
 * @param options - epoch, frame, μ (default Earth's)
 * @returns a new state
 * @throws {@link InvalidArgumentError} for an Earth-fixed frame, and as
 *   {@link positionVelocityFromEquinoctialInto}
 * @example
 * ```ts
 * const s = stateFromEquinoctial(
 *   { semiMajorAxisKm: 42164.17, h: 0, k: 0, p: 0, q: 0, meanLongitudeRad: 0 },
 *   { epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'), frame: 'GCRF' },
 * );
 * s.positionKm; // ≈ [42164.17, 0, 0]
 * ```
 */
export function stateFromEquinoctial(
  elements: EquinoctialElements,
  options: StateFromElementsOptions,
): StateVector {
  if (!(options?.epoch instanceof Epoch)) {
    throw new InvalidArgumentError('options.epoch', String(options?.epoch), '', 'must be an Epoch');
  }
  if (isEarthFixed(options.frame)) {
    throw new InvalidArgumentError(
      'frame',
      options.frame,
      '',
      'orbital elements need an inertial frame',
    );
  }
  const out = positionVelocityFromEquinoctialInto(
    new Float64Array(6),
    elements,
    readMu(options.muKm3S2, EARTH_GM_KM3_S2),
  );
  return StateVector.create({
    epoch: options.epoch,
    frame: options.frame,
    positionKm: out.subarray(0, 3),
    velocityKmS: out.subarray(3, 6),
  });
}
