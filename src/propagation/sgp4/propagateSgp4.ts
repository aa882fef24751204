import { InvalidArgumentError } from '../../errors';
import type { Sgp4Satellite, Sgp4Status } from './sgp4Satellite';

/** One SGP4 sample: the TEME state and the status of the reference code. */
export interface Sgp4Result {
  /** 0 on success; 1–4: no state (NaN); 6: decayed, state still given. */
  readonly status: Sgp4Status;
  /** Minutes since the element set's epoch. */
  readonly tsinceMin: number;
  /** Position in TEME, km (NaN when status is 1–4). */
  readonly positionKm: readonly [number, number, number];
  /** Velocity in TEME, km/s (NaN when status is 1–4). */
  readonly velocityKmS: readonly [number, number, number];
}

/**
 * Propagates a satellite with SGP4/SDP4 to one time; numerical failures are returned as the
 * reference's status codes, never thrown.
 *
 * @param satellite - the initialised satellite
 * @param tsinceMin - minutes since the element set's epoch (for an instant, see {@link sgp4State})
 * @returns status, tsince (min), TEME position (km) and velocity (km/s)
 * @throws {@link InvalidArgumentError} for a time that is not a finite number
 * @see Vallado et al. (2006), "Revisiting Spacetrack Report #3", AIAA 2006-6753, sgp4
 * @example
 * ```ts
 * const sat = Sgp4Satellite.fromTle(parseTle([
 *   '1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753',
 *   '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667',
 * ]));
 * propagateSgp4(sat, 360).positionKm[0]; // ≈ -7154.03120202
 * ```
 */
export function propagateSgp4(satellite: Sgp4Satellite, tsinceMin: number): Sgp4Result {
  if (typeof tsinceMin !== 'number' || !Number.isFinite(tsinceMin)) {
    throw new InvalidArgumentError('tsinceMin', tsinceMin, 'min', 'must be a finite number');
  }
  const out = [0, 0, 0, 0, 0, 0];
  const status = satellite.sampleInto(out, tsinceMin);
  return {
    status,
    tsinceMin,
    positionKm: [out[0]!, out[1]!, out[2]!],
    velocityKmS: [out[3]!, out[4]!, out[5]!],
  };
}
