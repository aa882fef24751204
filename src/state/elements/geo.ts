/**
 * Quantities used to describe geostationary orbits: sub-satellite longitude, drift rate,
 * eccentricity and inclination vectors.
 *
 * @packageDocumentation
 */
import { EARTH_GM_KM3_S2, WGS84_ROTATION_RATE_RAD_S } from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import { type FrameTransformOptions, isEarthFixed } from '../../frames';
import { StateVector } from '../stateVector';
import { transformState } from '../transformState';
import { equinoctialFromState } from './equinoctial';
import type { ElementsOptions } from './keplerian';

const DEG_PER_RAD = 180 / Math.PI;

/** The eccentricity vector of a near-GEO orbit, e·(cos ϖ, sin ϖ) with ϖ = Ω + ω. */
export interface EccentricityVector {
  /** e cos(Ω + ω) (the equinoctial k). */
  readonly x: number;
  /** e sin(Ω + ω) (the equinoctial h). */
  readonly y: number;
}

/** The inclination vector of a near-GEO orbit, i·(cos Ω, sin Ω): it points to the ascending node. */
export interface InclinationVector {
  /** i cos Ω, rad. */
  readonly xRad: number;
  /** i sin Ω, rad. */
  readonly yRad: number;
}

function checkState(state: StateVector): void {
  if (!(state instanceof StateVector)) {
    throw new InvalidArgumentError('state', String(state), '', 'must be a StateVector');
  }
}

function checkInertial(state: StateVector): void {
  checkState(state);
  if (isEarthFixed(state.frame)) {
    throw new InvalidArgumentError(
      'state.frame',
      state.frame,
      '',
      'must be an inertial frame (GCRF, EME2000, TOD, …)',
    );
  }
}

/**
 * The longitude of the point under the satellite: the geocentric (equal to the geodetic)
 * longitude of its position in ITRF, through the frame transforms.
 *
 * @param state - a state in any frame
 * @param options - EOP, time data and model options of the transform to ITRF
 * @returns longitude, degrees east, in (−180, 180]
 * @throws {@link InvalidArgumentError} for a state on the Earth's axis (no longitude)
 * @example
 * ```ts
 * const s = StateVector.create({ epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'), frame: 'ITRF', positionKm: [0, 42164.17, 0], velocityKmS: [0, 0, 0] });
 * subSatelliteLongitudeDeg(s); // 90
 * ```
 */
export function subSatelliteLongitudeDeg(
  state: StateVector,
  options: FrameTransformOptions = {},
): number {
  checkState(state);
  const itrf = transformState(state, 'ITRF', options);
  const [x, y] = itrf.positionKm;
  if (x === 0 && y === 0) {
    throw new InvalidArgumentError(
      'state.positionKm',
      `[${itrf.positionKm}]`,
      'km',
      'is on the polar axis: no longitude',
    );
  }
  return Math.atan2(y, x) * DEG_PER_RAD;
}

/**
 * The two-body longitude drift rate: (n − ω⊕) in degrees per day, with n = √(μ/a³) from the
 * osculating semi-major axis and ω⊕ the Earth's rotation rate (WGS84). Positive eastward.
 *
 * The osculating a of a real GEO satellite oscillates by about ±2 km (J2, Moon, Sun), which
 * is ±0.03 °/day here: average over a day, or use a mean a, for station-keeping figures.
 *
 * @param state - a state in an inertial frame
 * @param options - μ (default Earth's)
 * @returns drift rate, deg/day (0 at a = 42164.17 km)
 * @throws {@link InvalidArgumentError} for an Earth-fixed frame or a non-elliptic orbit
 * @see Soop, Handbook of Geostationary Orbits (1994), §3.2
 * @example
 * ```ts
 * const s = StateVector.create({ epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'), frame: 'GCRF', positionKm: [42164.17, 0, 0], velocityKmS: [0, 3.0746599, 0] });
 * geoDriftRateDegPerDay(s); // ≈ 0 (within 1e-3)
 * ```
 */
export function geoDriftRateDegPerDay(state: StateVector, options: ElementsOptions = {}): number {
  checkInertial(state);
  const mu = options.muKm3S2 ?? EARTH_GM_KM3_S2;
  const r = state.radiusKm;
  const v = state.speedKmS;
  const a = 1 / (2 / r - (v * v) / mu);
  if (!(a > 0) || !Number.isFinite(a)) {
    throw new InvalidArgumentError(
      'state',
      `a = ${a} km`,
      '',
      'the drift rate needs an elliptic orbit',
    );
  }
  return (Math.sqrt(mu / (a * a * a)) - WGS84_ROTATION_RATE_RAD_S) * DEG_PER_RAD * 86400;
}

/**
 * The eccentricity vector of a near-GEO orbit, e·(cos ϖ, sin ϖ) with ϖ = Ω + ω: the
 * equinoctial (k, h), well defined at e = 0 and i = 0.
 *
 * @param state - a state in an inertial frame, on an ellipse
 * @param options - μ (default Earth's)
 * @returns the vector (dimensionless)
 * @throws {@link InvalidArgumentError} as {@link equinoctialFromState}
 * @see Soop, Handbook of Geostationary Orbits (1994), §3.3
 * @example
 * ```ts
 * const s = StateVector.create({ epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'), frame: 'GCRF', positionKm: [42164.17, 0, 0], velocityKmS: [0, 3.0746599, 0] });
 * Math.hypot(eccentricityVector(s).x, eccentricityVector(s).y) < 1e-6; // true
 * ```
 */
export function eccentricityVector(
  state: StateVector,
  options: ElementsOptions = {},
): EccentricityVector {
  const el = equinoctialFromState(state, options);
  return Object.freeze({ x: el.k, y: el.h });
}

/**
 * The inclination vector of a near-GEO orbit, i·(cos Ω, sin Ω) (it points to the ascending
 * node; zero for an equatorial orbit), from the orbit normal without the classical Ω.
 *
 * @param state - a state in an inertial frame
 * @returns the vector, rad
 * @throws {@link InvalidArgumentError} for an Earth-fixed frame or zero angular momentum
 * @see Soop, Handbook of Geostationary Orbits (1994), §3.4
 * @example
 * ```ts
 * const s = StateVector.create({ epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'), frame: 'GCRF', positionKm: [42164.17, 0, 0], velocityKmS: [0, 3.0746599, 0.01] });
 * inclinationVector(s).xRad; // ≈ 0.00325238 (i ≈ 0.186°, node along +x)
 * ```
 */
export function inclinationVector(state: StateVector): InclinationVector {
  checkInertial(state);
  const [rx, ry, rz] = state.positionKm;
  const [vx, vy, vz] = state.velocityKmS;
  const hx = ry * vz - rz * vy;
  const hy = rz * vx - rx * vz;
  const hz = rx * vy - ry * vx;
  const sinIh = Math.hypot(hx, hy); // |h| sin i
  if (!(sinIh > 0 || hz !== 0)) {
    throw new InvalidArgumentError('state', 'h = 0', 'km²/s', 'rectilinear orbit: no orbit plane');
  }
  if (sinIh === 0) return Object.freeze({ xRad: 0, yRad: 0 });
  const inc = Math.atan2(sinIh, hz);
  // Node direction (cos Ω, sin Ω) = ẑ × ĥ / sin i = (−h_y, h_x)/(|h| sin i).
  return Object.freeze({ xRad: (inc * -hy) / sinIh, yRad: (inc * hx) / sinIh });
}
