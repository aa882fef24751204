import type { FrameId, FrameTransformOptions } from '../../frames';
import { StateVector, transformState } from '../../state';
import type { Epoch } from '../../time';
import { propagateSgp4 } from './propagateSgp4';
import type { Sgp4Satellite, Sgp4Status } from './sgp4Satellite';
import { tleEpoch } from './tleEpoch';

/** Options of {@link sgp4State}: the target frame and the options of the frame transform. */
export interface Sgp4StateOptions extends FrameTransformOptions {
  /** Frame of the result. Default `'TEME'`, SGP4's own. */
  readonly frame?: FrameId;
}

/** A state from SGP4, or its failure. */
export interface Sgp4StateResult {
  /** The reference's status; 1–4 leave `state` null, 6 (decayed) still gives it. */
  readonly status: Sgp4Status;
  /** The state in the requested frame, or null when SGP4 gave none. */
  readonly state: StateVector | null;
}

/**
 * SGP4 state at an instant as a {@link StateVector} in TEME, GCRF, ITRF or any frame of the
 * tree. Velocities follow Vallado's reductions by default (`velocity: 'earthRotation'`:
 * TEME is rotated without precession-nutation rates; Earth-fixed frames get ω × r).
 *
 * @param satellite - the satellite
 * @param epoch - the instant
 * @param options - target frame (default TEME) and frame-transform options (EOP, velocity)
 * @returns status and state (km, km/s) in the frame asked for
 * @throws {@link InvalidArgumentError} for an unknown frame; {@link DataRangeError} or
 *   {@link MissingDataError} when the transform lacks Earth orientation data
 * @see Vallado, Crawford, Hujsak & Kelso (2006), AIAA 2006-6753, §"TEME" and teme2eci/teme2ecef
 * @example
 * ```ts
 * const sat = Sgp4Satellite.fromTle(parseTle([
 *   '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
 *   '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
 * ]));
 * const { state } = sgp4State(sat, tleEpoch(sat.elements).plusSeconds(600), { frame: 'GCRF' });
 * state?.frame; // 'GCRF'
 * ```
 */
export function sgp4State(
  satellite: Sgp4Satellite,
  epoch: Epoch,
  options: Sgp4StateOptions = {},
): Sgp4StateResult {
  const r = propagateSgp4(satellite, epoch.secondsSince(tleEpoch(satellite.elements)) / 60);
  if (r.status !== 0 && r.status !== 6) return { status: r.status, state: null };
  const teme = StateVector.create({
    epoch,
    frame: 'TEME',
    positionKm: r.positionKm,
    velocityKmS: r.velocityKmS,
  });
  const { frame = 'TEME', ...transform } = options;
  const state = transformState(teme, frame, { velocity: 'earthRotation', ...transform });
  return { status: r.status, state };
}
