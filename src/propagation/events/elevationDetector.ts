/**
 * Rise and set of a satellite above a site's horizon mask.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import {
  azElRange,
  createInterpolatedTransform,
  type FrameId,
  type FrameTransformOptions,
  type InterpolatedTransform,
  type Site,
} from '../../frames';
import type { EventDetector } from './types';

/** Options of {@link elevationDetector}. */
export interface ElevationDetectorOptions {
  /** The observing site. */
  readonly site: Site;
  /**
   * The mask: a fixed minimum elevation in degrees (default 0), or a function giving the
   * minimum elevation (rad) at an azimuth (rad, from north towards east).
   */
  readonly minElevationDeg?: number | ((azimuthRad: number) => number);
  /** Options of the transform from the ephemeris's frame to ITRF (EOP, models). */
  readonly frameOptions?: FrameTransformOptions;
}

/**
 * Rise above and set below a site's elevation mask: g = elevation − mask(azimuth), rad,
 * geometric (no refraction, no light time), with the position taken to ITRF through the
 * frame transforms. Increasing: `'rise'`; decreasing: `'set'`.
 *
 * @param options - site, mask, frame options
 * @returns the detector
 * @throws {@link InvalidArgumentError} without a site, or for a non-finite fixed mask
 * @see Vallado (2013), Algorithm 27 (RAZEL)
 * @example
 * ```ts
 * const site = createSiteDeg({ latitudeDeg: 43.75, longitudeDeg: 6.92, heightKm: 1.27 });
 * elevationDetector({ site, minElevationDeg: 15 }).increasingLabel; // 'rise'
 * ```
 */
export function elevationDetector(options: ElevationDetectorOptions): EventDetector {
  const site = options?.site;
  if (site === null || typeof site !== 'object' || typeof site.latitudeRad !== 'number') {
    throw new InvalidArgumentError(
      'site',
      String(site),
      '',
      'must be a Site (createSite, createSiteDeg)',
    );
  }
  const m = options.minElevationDeg ?? 0;
  let mask: (azimuthRad: number) => number;
  if (typeof m === 'function') mask = m;
  else {
    if (typeof m !== 'number' || !Number.isFinite(m)) {
      throw new InvalidArgumentError(
        'minElevationDeg',
        m,
        'deg',
        'must be a finite number or a function',
      );
    }
    const minRad = (m * Math.PI) / 180;
    mask = () => minRad;
  }
  const frameOptions = options.frameOptions ?? {};
  // One interpolated transform per source frame, made on first use (precession-nutation
  // interpolated to 4e-15 rad: the exact per-instant transform costs ~0.8 ms).
  const toItrf = new Map<FrameId, InterpolatedTransform>();
  const scratch = new Float64Array(6);
  const detector: EventDetector = {
    name: 'elevation',
    g({ startEpoch, tS, frame, positionVelocity: p }) {
      let itrf: ArrayLike<number> = p;
      if (frame !== 'ITRF') {
        let x = toItrf.get(frame);
        if (x === undefined) {
          x = createInterpolatedTransform(frame, 'ITRF', frameOptions);
          toItrf.set(frame, x);
        }
        // The offset form of the batch transform is the cheap one (no Julian dates).
        itrf = x.transformBatchInto(scratch, { start: startEpoch, offsetsS: [tS] }, p);
      }
      const aer = azElRange(site, [itrf[0]!, itrf[1]!, itrf[2]!]);
      return aer.elevationRad - mask(aer.azimuthRad);
    },
    increasingLabel: 'rise',
    decreasingLabel: 'set',
  };
  return Object.freeze(detector);
}
