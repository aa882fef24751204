/**
 * Eclipses of the Sun by the Earth or by the Moon (conical shadows, umbra and penumbra).
 *
 * @packageDocumentation
 */
import {
  EARTH_EQUATORIAL_RADIUS_KM,
  MOON_MEAN_RADIUS_KM,
  moonPositionLowPrecision,
  SUN_RADIUS_KM,
  sunPositionLowPrecision,
} from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import {
  createInterpolatedTransform,
  type FrameId,
  type FrameTransformOptions,
  type InterpolatedTransform,
  isEarthFixed,
  SPEED_OF_LIGHT_KM_S,
} from '../../frames';
import { mat3, type Vec3Like } from '../../math';
import type { Epoch } from '../../time';
import { apparentDiscs } from '../forces/shadow';
import type { EventDetector } from './types';

/** A body's geocentric position in a frame at an epoch, km. */
type BodyPositionFunction = (epoch: Epoch, frame: FrameId) => Vec3Like;

/** Options of {@link eclipseDetector}. */
export interface EclipseDetectorOptions {
  /** Which boundary: the umbra (total) or the penumbra (partial, outer). Default `'umbra'`. */
  readonly shadow?: 'umbra' | 'penumbra';
  /**
   * The body whose shadow is detected: `'earth'` (default) or `'moon'`. For the Moon, the
   * detector is named `'moon-umbra'` / `'moon-penumbra'` and its labels are
   * `'moon-umbra-entry'`, `'moon-umbra-exit'`, … so that both bodies can be searched at once.
   */
  readonly occultingBody?: 'earth' | 'moon';
  /**
   * The Sun's geometric geocentric position in the ephemeris's frame, km (as an SPK kernel
   * gives it: no light time, no aberration; see `lightTime`). Default: the
   * low-precision analytic Sun ({@link sunPositionLowPrecision}, 0.01°) rotated from MOD to
   * that frame. Pass an SPK-based function for eclipse times better than ~2 s at GEO (0.01°
   * of Sun direction is 2.4 s of GEO motion).
   */
  readonly sunPositionKm?: (epoch: Epoch, frame: FrameId) => Vec3Like;
  /**
   * The Moon's geometric geocentric position in the ephemeris's frame, km (used when
   * `occultingBody` is `'moon'`). Default: the low-precision analytic Moon
   * ({@link moonPositionLowPrecision}, about 0.3° in direction, i.e. ~2,000 km at the Moon's
   * distance) rotated from MOD to that frame. With it the Moon's shadow is misplaced by about
   * as much near the Earth, so event times err by minutes to about an hour and a narrow
   * umbra may be missed or invented: the default only tells roughly when a shadow passage is
   * possible. Pass an SPK-based Moon (and Sun) for event times to about a second.
   */
  readonly moonPositionKm?: (epoch: Epoch, frame: FrameId) => Vec3Like;
  /** Radius of the (spherical) Earth, km. Default {@link EARTH_EQUATORIAL_RADIUS_KM}. */
  readonly earthRadiusKm?: number;
  /** Radius of the (spherical) Moon, km. Default {@link MOON_MEAN_RADIUS_KM}. */
  readonly moonRadiusKm?: number;
  /** Radius of the Sun, km. Default {@link SUN_RADIUS_KM}. */
  readonly sunRadiusKm?: number;
  /**
   * Take the Sun and the Moon where they were when the light that reaches the satellite left
   * them (t − distance/c, one iteration), which the shadow's place depends on: 20.5″ of Sun
   * direction moves the Earth's shadow by 4 km at GEO and the Moon's by ~37 km at the
   * Earth's surface. Default `true`. It applies to the functions you pass; the built-in
   * analytic Sun already gives the apparent Sun and the built-in Moon is far coarser than
   * the 1.3 s of its light time, so they are used as they are. In an Earth-fixed frame
   * (ITRF, TIRS, PEF) the earlier positions are turned by the Earth's rotation during the
   * light time (through GCRF, with `frameOptions`).
   */
  readonly lightTime?: boolean;
  /** Options of the MOD → frame rotation of the default Sun and Moon, and of the light time. */
  readonly frameOptions?: FrameTransformOptions;
}

function positiveKm(name: string, value: number): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, 'km', 'must be a positive finite number');
  }
  return value;
}

function positionFunction(
  name: string,
  value: BodyPositionFunction | undefined,
): BodyPositionFunction | undefined {
  if (value !== undefined && typeof value !== 'function') {
    throw new InvalidArgumentError(name, String(value), '', 'must be a function (epoch, frame)');
  }
  return value;
}

/**
 * Entry into and exit from the shadow of the Earth or of the Moon, with spherical bodies and
 * conical shadows (cones tangent to the Sun and the occulting body). As seen from the
 * satellite, with a and b the apparent radii of the Sun and of the occulting body and c the
 * angle between their centres (the geometry of `shadowFraction` of `forces`, shared with it):
 * g = c − (b − a) for the umbra, g = c − (a + b) for the penumbra (rad); g < 0 inside, so
 * that g < 0 exactly where the shadow function is 0 (umbra) or below 1 (penumbra) — outside
 * the occulting sphere: inside it (a ground site below the spherical Earth's radius, at high
 * latitude) the shadow function is 0 while g reads the occulter as a horizon and may be > 0.
 * Decreasing: `'umbra-entry'` / `'penumbra-entry'`; increasing: `'umbra-exit'` /
 * `'penumbra-exit'` (prefixed `'moon-'` for the Moon). Beyond the apex of the Moon's umbra
 * (an annular eclipse) the umbra detector sees no event, the penumbra detector does.
 *
 * A point inside the occulting sphere (a site on the ground, for the Earth) sees it as a
 * half-sky below its horizon (b = π/2). The Earth's flattening moves GEO eclipse times by up
 * to a few seconds; refraction by the atmosphere is ignored. The Moon's limb profile (valleys
 * and mountains up to ~2 km, against the mean sphere) moves the contacts of a total eclipse
 * seen from the ground by a second or two, and the choice of the Moon's radius as much
 * (eclipse predictions use 0.2722810 Earth radii, 1736.6 km, for the umbra and 0.2725076 for
 * the penumbra; the IAU mean radius is 1737.4 km).
 *
 * @param options - umbra or penumbra, the occulting body, Sun and Moon positions, radii,
 *   light time
 * @returns the detector
 * @throws {@link InvalidArgumentError} for a non-positive radius (km), an unknown shadow or
 *   occulting body, or a position option that is not a function
 * @see Montenbruck & Gill, Satellite Orbits (2000), §3.4.2 (conical shadow); Vallado (2013),
 *   §5.3 (SHADOW); Explanatory Supplement to the Astronomical Almanac (3rd ed., 2013), §11.2
 *   (solar eclipses: the Moon's radius, light time)
 * @example
 * ```ts
 * eclipseDetector({ shadow: 'penumbra' }).decreasingLabel; // 'penumbra-entry'
 * eclipseDetector({ occultingBody: 'moon' }).increasingLabel; // 'moon-umbra-exit'
 * ```
 */
export function eclipseDetector(options: EclipseDetectorOptions = {}): EventDetector {
  const shadow = options.shadow ?? 'umbra';
  if (shadow !== 'umbra' && shadow !== 'penumbra') {
    throw new InvalidArgumentError('shadow', String(shadow), '', "must be 'umbra' or 'penumbra'");
  }
  const body = options.occultingBody ?? 'earth';
  if (body !== 'earth' && body !== 'moon') {
    throw new InvalidArgumentError('occultingBody', String(body), '', "must be 'earth' or 'moon'");
  }
  const rE = positiveKm('earthRadiusKm', options.earthRadiusKm ?? EARTH_EQUATORIAL_RADIUS_KM);
  const rM = positiveKm('moonRadiusKm', options.moonRadiusKm ?? MOON_MEAN_RADIUS_KM);
  const rS = positiveKm('sunRadiusKm', options.sunRadiusKm ?? SUN_RADIUS_KM);
  const lightTime = options.lightTime ?? true;
  if (typeof lightTime !== 'boolean') {
    throw new InvalidArgumentError('lightTime', String(lightTime), '', 'must be true or false');
  }
  const userSun = positionFunction('sunPositionKm', options.sunPositionKm);
  const userMoon = positionFunction('moonPositionKm', options.moonPositionKm);
  const frameOptions = options.frameOptions ?? {};
  // Transforms made on first use, interpolated (4e-15 rad): MOD → frame for the default
  // bodies, Earth-fixed frame → GCRF for the light time.
  const transforms = new Map<string, InterpolatedTransform>();
  const transform = (from: FrameId, to: FrameId): InterpolatedTransform => {
    const key = `${from}>${to}`;
    let x = transforms.get(key);
    if (x === undefined) {
      x = createInterpolatedTransform(from, to, frameOptions);
      transforms.set(key, x);
    }
    return x;
  };
  const modTo = (mod: Vec3Like, epoch: Epoch, frame: FrameId): Vec3Like =>
    frame === 'MOD' ? mod : mat3.multiplyVec(transform('MOD', frame).at(epoch).rotation, mod);
  const sun: BodyPositionFunction =
    userSun ?? ((epoch, frame) => modTo(sunPositionLowPrecision(epoch), epoch, frame));
  const moon: BodyPositionFunction =
    userMoon ?? ((epoch, frame) => modTo(moonPositionLowPrecision(epoch), epoch, frame));
  const origin = [0, 0, 0] as const;

  /** Where `f`'s body was when its light, reaching p now, left it. */
  const emitted = (
    f: BodyPositionFunction,
    retard: boolean,
    epoch: Epoch,
    frame: FrameId,
    p: Float64Array,
  ): Vec3Like => {
    const now = f(epoch, frame);
    if (!retard) return now;
    const tauS =
      Math.hypot(now[0]! - p[0]!, now[1]! - p[1]!, now[2]! - p[2]!) / SPEED_OF_LIGHT_KM_S;
    const before = epoch.plusSeconds(-tauS);
    const then = f(before, frame);
    if (!isEarthFixed(frame)) return then;
    // The frame has turned with the Earth meanwhile: back to GCRF as it was, then to the frame
    // as it is now.
    const x = transform(frame, 'GCRF');
    return mat3.transposeMultiplyVec(
      x.at(epoch).rotation,
      mat3.multiplyVec(x.at(before).rotation, then),
    );
  };

  const sign = shadow === 'umbra' ? -1 : 1;
  const margin = (a: number, b: number, c: number): number => c - (b + sign * a);
  const name = body === 'moon' ? `moon-${shadow}` : shadow;
  const detector: EventDetector = {
    name,
    g({ epoch, frame, positionVelocity: p }) {
      const s = emitted(sun, lightTime && userSun !== undefined, epoch, frame, p);
      const o =
        body === 'moon'
          ? emitted(moon, lightTime && userMoon !== undefined, epoch, frame, p)
          : origin;
      return apparentDiscs(p[0]!, p[1]!, p[2]!, s, o, rS, body === 'moon' ? rM : rE, margin);
    },
    increasingLabel: `${name}-exit`,
    decreasingLabel: `${name}-entry`,
  };
  return Object.freeze(detector);
}
