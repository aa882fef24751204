/**
 * Positions of the Sun and the Moon for the force models: the analytic low-precision series
 * of `bodies` rotated to GCRF, or a JPL SPK kernel (DE4xx).
 *
 * @packageDocumentation
 */
import {
  MOON_GM_KM3_S2,
  MOON_MEAN_RADIUS_KM,
  moonPositionLowPrecision,
  NAIF_IDS,
  naifBodyName,
  type SpkKernel,
  SUN_GM_KM3_S2,
  SUN_RADIUS_KM,
  sunPositionLowPrecision,
} from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import { frameTransform } from '../../frames';
import type { Vec3 } from '../../math';
import type { Epoch } from '../../time';
import type { BodyPositionProvider } from './types';

/** Rotates a MOD vector to GCRF at the epoch (precession and frame bias, no EOP needed). */
function modToGcrfInto(out: Float64Array, v: Vec3, epoch: Epoch): void {
  const m = frameTransform('MOD', 'GCRF', epoch, { velocity: 'earthRotation' }).rotation;
  for (let i = 0; i < 3; i++)
    out[i] = m[3 * i]! * v[0] + m[3 * i + 1]! * v[1] + m[3 * i + 2]! * v[2];
}

/**
 * The Sun by the low-precision analytic series of `bodies` (Vallado Algorithm 29, about
 * 0.01° in direction), rotated from MOD to GCRF.
 *
 * @returns the provider (GM of DE421, IAU nominal radius)
 * @see {@link sunPositionLowPrecision}
 * @example
 * ```ts
 * const out = new Float64Array(3);
 * lowPrecisionSun().positionInto(out, Epoch.fromIso('2024-06-21T00:00:00', 'UTC'));
 * Math.hypot(...out) / AU_KM; // ≈ 1.016
 * ```
 */
export function lowPrecisionSun(): BodyPositionProvider {
  return Object.freeze({
    name: 'Sun (low precision)',
    gmKm3S2: SUN_GM_KM3_S2,
    radiusKm: SUN_RADIUS_KM,
    positionInto(out: Float64Array, epoch: Epoch): void {
      modToGcrfInto(out, sunPositionLowPrecision(epoch), epoch);
    },
  });
}

/**
 * The Moon by the low-precision analytic series of `bodies` (Vallado Algorithm 31, about
 * 0.3° in direction), rotated from MOD to GCRF.
 *
 * @returns the provider (GM of DE421, IAU mean radius)
 * @see {@link moonPositionLowPrecision}
 * @example
 * ```ts
 * const out = new Float64Array(3);
 * lowPrecisionMoon().positionInto(out, Epoch.fromIso('2024-06-21T00:00:00', 'UTC'));
 * Math.hypot(...out) > 356000; // true
 * ```
 */
export function lowPrecisionMoon(): BodyPositionProvider {
  return Object.freeze({
    name: 'Moon (low precision)',
    gmKm3S2: MOON_GM_KM3_S2,
    radiusKm: MOON_MEAN_RADIUS_KM,
    positionInto(out: Float64Array, epoch: Epoch): void {
      modToGcrfInto(out, moonPositionLowPrecision(epoch), epoch);
    },
  });
}

/** Options of {@link spkBody}. */
export interface SpkBodyOptions {
  /** GM of the body, km³/s² (default: DE421's for the Sun and the Moon; required otherwise). */
  readonly gmKm3S2?: number;
  /** Radius of the body, km (default: the IAU value for the Sun and the Moon, else 0). */
  readonly radiusKm?: number;
}

/**
 * A body's geocentric position read from a JPL SPK kernel (DE4xx: ICRF axes, taken as GCRF;
 * the two differ by under 0.1 mas), at TDB of the epoch.
 *
 * @param kernel - the kernel (must join the body and the Earth, NAIF 399)
 * @param naifId - NAIF id of the body (`NAIF_IDS.SUN`, `NAIF_IDS.MOON`…)
 * @param options - GM and radius for a body other than the Sun and the Moon
 * @returns the provider
 * @throws {@link InvalidArgumentError} when the GM of another body is not given
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const de421 = SpkKernel.fromBytes(
 *   readFileSync('test/reference/jpl-de421/de421_excerpt_2021-2026.bsp'),
 * );
 * const moon = spkBody(de421, NAIF_IDS.MOON);
 * const out = new Float64Array(3);
 * moon.positionInto(out, Epoch.fromJd(2459584.5, 0, 'TDB'));
 * out[0]; // ≈ 259040.673554
 * ```
 */
export function spkBody(
  kernel: SpkKernel,
  naifId: number,
  options: SpkBodyOptions = {},
): BodyPositionProvider {
  const isSun = naifId === NAIF_IDS.SUN;
  const isMoon = naifId === NAIF_IDS.MOON;
  const gm = options.gmKm3S2 ?? (isSun ? SUN_GM_KM3_S2 : isMoon ? MOON_GM_KM3_S2 : undefined);
  if (gm === undefined || !(gm > 0)) {
    throw new InvalidArgumentError('gmKm3S2', gm, 'km³/s²', 'give the GM of this body (> 0)');
  }
  const radius = options.radiusKm ?? (isSun ? SUN_RADIUS_KM : isMoon ? MOON_MEAN_RADIUS_KM : 0);
  const scratch = new Float64Array(6);
  return Object.freeze({
    name: `${naifBodyName(naifId)} (SPK)`,
    gmKm3S2: gm,
    radiusKm: radius,
    positionInto(out: Float64Array, epoch: Epoch): void {
      const [whole, fraction] = epoch.toSecondsSinceJ2000('TDB');
      kernel.stateInto(scratch, naifId, NAIF_IDS.EARTH, whole, fraction);
      out[0] = scratch[0]!;
      out[1] = scratch[1]!;
      out[2] = scratch[2]!;
    },
  });
}
