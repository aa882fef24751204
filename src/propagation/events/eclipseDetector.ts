/**
 * Eclipses by the Earth's shadow (conical, umbra and penumbra).
 *
 * @packageDocumentation
 */
import { EARTH_EQUATORIAL_RADIUS_KM, SUN_RADIUS_KM, sunPositionLowPrecision } from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import {
  createInterpolatedTransform,
  type FrameId,
  type FrameTransformOptions,
  type InterpolatedTransform,
} from '../../frames';
import { mat3, type Vec3Like } from '../../math';
import type { Epoch } from '../../time';
import type { EventDetector } from './types';

/** Options of {@link eclipseDetector}. */
export interface EclipseDetectorOptions {
  /** Which boundary: the umbra (total) or the penumbra (partial, outer). Default `'umbra'`. */
  readonly shadow?: 'umbra' | 'penumbra';
  /**
   * The Sun's geocentric position in the ephemeris's frame, km. Default: the low-precision
   * analytic Sun ({@link sunPositionLowPrecision}, 0.01°) rotated from MOD to that frame. Pass
   * an SPK-based function for eclipse times better than ~2 s at GEO (0.01° of Sun direction
   * is 2.4 s of GEO motion).
   */
  readonly sunPositionKm?: (epoch: Epoch, frame: FrameId) => Vec3Like;
  /** Radius of the (spherical) Earth, km. Default {@link EARTH_EQUATORIAL_RADIUS_KM}. */
  readonly earthRadiusKm?: number;
  /** Radius of the Sun, km. Default {@link SUN_RADIUS_KM}. */
  readonly sunRadiusKm?: number;
  /** Options of the MOD → frame rotation of the default Sun. */
  readonly frameOptions?: FrameTransformOptions;
}

/**
 * Entry into and exit from the Earth's shadow, with a spherical Earth and a conical shadow
 * (cones tangent to the Sun and the Earth). As seen from the satellite, with θ the angle
 * between the Sun's and the Earth's centres and ρ⊙, ρ⊕ their apparent radii:
 * g = θ − (ρ⊕ − ρ⊙) for the umbra, g = θ − (ρ⊕ + ρ⊙) for the penumbra (rad); g < 0 inside.
 * Decreasing: `'umbra-entry'` / `'penumbra-entry'`; increasing: `'umbra-exit'` /
 * `'penumbra-exit'`.
 *
 * The Earth's flattening moves GEO eclipse times by up to a few seconds and refraction by
 * the atmosphere is ignored.
 *
 * @param options - umbra or penumbra, Sun position, radii
 * @returns the detector
 * @throws {@link InvalidArgumentError} for a non-positive radius
 * @see Montenbruck & Gill, Satellite Orbits (2000), §3.4.2 (conical shadow); Vallado (2013),
 *   §5.3 (SHADOW)
 * @example
 * ```ts
 * eclipseDetector({ shadow: 'penumbra' }).decreasingLabel; // 'penumbra-entry'
 * ```
 */
export function eclipseDetector(options: EclipseDetectorOptions = {}): EventDetector {
  const shadow = options.shadow ?? 'umbra';
  if (shadow !== 'umbra' && shadow !== 'penumbra') {
    throw new InvalidArgumentError('shadow', shadow, '', "must be 'umbra' or 'penumbra'");
  }
  const rE = options.earthRadiusKm ?? EARTH_EQUATORIAL_RADIUS_KM;
  const rS = options.sunRadiusKm ?? SUN_RADIUS_KM;
  if (!(rE > 0) || !Number.isFinite(rE))
    throw new InvalidArgumentError('earthRadiusKm', rE, 'km', 'must be > 0');
  if (!(rS > 0) || !Number.isFinite(rS))
    throw new InvalidArgumentError('sunRadiusKm', rS, 'km', 'must be > 0');
  const frameOptions = options.frameOptions ?? {};
  // MOD → frame transforms made on first use, interpolated (4e-15 rad).
  const fromMod = new Map<FrameId, InterpolatedTransform>();
  const sun =
    options.sunPositionKm ??
    ((epoch: Epoch, frame: FrameId): Vec3Like => {
      const mod = sunPositionLowPrecision(epoch);
      if (frame === 'MOD') return mod;
      let x = fromMod.get(frame);
      if (x === undefined) {
        x = createInterpolatedTransform('MOD', frame, frameOptions);
        fromMod.set(frame, x);
      }
      return mat3.multiplyVec(x.at(epoch).rotation, mod);
    });
  const sign = shadow === 'umbra' ? -1 : 1;
  const detector: EventDetector = {
    name: shadow,
    g({ epoch, frame, positionVelocity: p }) {
      const s = sun(epoch, frame);
      const x = p[0]!;
      const y = p[1]!;
      const z = p[2]!;
      // Towards the Sun (d) and towards the Earth's centre (−r), from the satellite.
      const dx = s[0]! - x;
      const dy = s[1]! - y;
      const dz = s[2]! - z;
      const cx = dy * -z - dz * -y;
      const cy = dz * -x - dx * -z;
      const cz = dx * -y - dy * -x;
      const theta = Math.atan2(Math.hypot(cx, cy, cz), -(dx * x + dy * y + dz * z));
      const r = Math.hypot(x, y, z);
      const rhoEarth = r > rE ? Math.asin(rE / r) : Math.PI / 2;
      const rhoSun = Math.asin(Math.min(1, rS / Math.hypot(dx, dy, dz)));
      return theta - (rhoEarth + sign * rhoSun);
    },
    increasingLabel: `${shadow}-exit`,
    decreasingLabel: `${shadow}-entry`,
  };
  return Object.freeze(detector);
}
