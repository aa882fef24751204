/**
 * The observing conditions of a telescope: the Sun's elevation at the site, the target's
 * elevation and whether the target is in the Earth's shadow, all through one interpolated
 * GCRF → ITRF and MOD → ITRF transform pair.
 *
 * @packageDocumentation
 */
import {
  EARTH_EQUATORIAL_RADIUS_KM,
  SUN_RADIUS_KM,
  sunPositionLowPrecision,
} from '../../../bodies';
import {
  createInterpolatedTransform,
  type FrameTransformOptions,
  type InterpolatedTransform,
  type Site,
} from '../../../frames';
import type { Mat3 } from '../../../math';
import { shadowFraction } from '../../../propagation';
import type { Epoch } from '../../../time';

/** Evaluates the conditions of several sites over one run, sharing the transforms. */
export class VisibilityGeometry {
  private readonly gcrfToItrf: InterpolatedTransform;
  private readonly modToItrf: InterpolatedTransform;
  private readonly sunItrf = new Float64Array(3);
  private readonly targetItrf = new Float64Array(3);
  private rotation: Mat3 | undefined;

  constructor(frame: FrameTransformOptions | undefined) {
    this.gcrfToItrf = createInterpolatedTransform('GCRF', 'ITRF', frame ?? {});
    this.modToItrf = createInterpolatedTransform('MOD', 'ITRF', frame ?? {});
  }

  /**
   * The Sun's elevation at a site (geometric, centre of the disc, no refraction); keeps the
   * Sun's ITRF position and the GCRF → ITRF rotation of `epoch` for {@link targetConditions}.
   */
  sunElevationRad(site: Site, epoch: Epoch): number {
    const s = sunPositionLowPrecision(epoch);
    const m = this.modToItrf.at(epoch).rotation;
    const out = this.sunItrf;
    for (let i = 0; i < 3; i++) {
      out[i] = m[3 * i]! * s[0] + m[3 * i + 1]! * s[1] + m[3 * i + 2]! * s[2];
    }
    this.rotation = this.gcrfToItrf.at(epoch).rotation;
    return elevationOf(site, out);
  }

  /** Distance (km) from the site to a GCRF point, at the epoch last given to {@link sunElevationRad}. */
  siteDistanceKm(site: Site, positionGcrfKm: ArrayLike<number>): number {
    const m = this.rotation!;
    const p = site.positionItrfKm;
    let sum = 0;
    for (let i = 0; i < 3; i++) {
      const d =
        m[3 * i]! * positionGcrfKm[0]! +
        m[3 * i + 1]! * positionGcrfKm[1]! +
        m[3 * i + 2]! * positionGcrfKm[2]! -
        p[i]!;
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /**
   * The target's elevation at the site and the fraction of the Sun it sees (conical Earth
   * shadow with penumbra, spherical Earth of equatorial radius), for a GCRF position at the
   * epoch last given to {@link sunElevationRad}.
   */
  targetConditions(site: Site, positionGcrfKm: ArrayLike<number>): [number, number] {
    const m = this.rotation!;
    const t = this.targetItrf;
    for (let i = 0; i < 3; i++) {
      t[i] =
        m[3 * i]! * positionGcrfKm[0]! +
        m[3 * i + 1]! * positionGcrfKm[1]! +
        m[3 * i + 2]! * positionGcrfKm[2]!;
    }
    const fraction = shadowFraction(
      t,
      this.sunItrf,
      [0, 0, 0],
      SUN_RADIUS_KM,
      EARTH_EQUATORIAL_RADIUS_KM,
    );
    return [elevationOf(site, t), fraction];
  }
}

/** Geometric elevation (rad) of an ITRF point seen from a site: asin(up · ρ̂). */
function elevationOf(site: Site, pointItrfKm: ArrayLike<number>): number {
  const p = site.positionItrfKm;
  const u = site.enuFromItrf;
  const dx = pointItrfKm[0]! - p[0];
  const dy = pointItrfKm[1]! - p[1];
  const dz = pointItrfKm[2]! - p[2];
  const n = Math.sqrt(dx * dx + dy * dy + dz * dz);
  return Math.asin(Math.max(-1, Math.min(1, (u[6] * dx + u[7] * dy + u[8] * dz) / n)));
}
