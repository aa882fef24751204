import { InvalidArgumentError } from '../../errors';
import { rtnRotation } from '../../frames/localOrbital';
import type { Vec3Like } from '../../math';

/** Settings of {@link rtnProcessNoise}. */
export interface RtnProcessNoiseOptions {
  /**
   * Spectral density of the unmodelled acceleration along R, T and N, km²/s³ (σ_a² per second
   * of correlation: an acceleration noise of 1e-9 km/s² held for 60 s is ≈ 6e-17 km²/s³).
   */
  readonly psdKm2S3: readonly [number, number, number];
  /**
   * Longest interval over which noise is accumulated, s (default Infinity). Across a longer
   * gap (a day between two nights of a telescope) the noise of `maxIntervalS` is used, so that
   * the covariance does not swell with t³ over time the dynamics model handles well.
   */
  readonly maxIntervalS?: number;
}

/**
 * State noise compensation: the 6×6 process noise of a white acceleration noise in the local
 * RTN frame over an interval Δt, in the inertial frame of the state. Per axis, with spectral
 * density q: Q_rr = q Δt³/3, Q_rv = q Δt²/2, Q_vv = q Δt; the RTN axes are those of the state
 * at the start of the interval.
 *
 * @param positionKm - position at the start of the interval, km (inertial frame)
 * @param velocityKmS - velocity, km/s
 * @param intervalS - Δt, s (sign ignored: backward intervals get the same noise)
 * @param options - spectral densities along R, T, N and the interval cutoff
 * @returns Q, 6×6 row-major, km², km²/s, km²/s² blocks
 * @throws {@link InvalidArgumentError} for a negative density or a degenerate state
 * @see Tapley, Schutz & Born, Statistical Orbit Determination (2004), §4.9 (state noise
 *   compensation); Myers (1974)
 *
 * @example
 * ```ts
 * const Q = rtnProcessNoise([42164, 0, 0], [0, 3.0747, 0], 60, { psdKm2S3: [1e-16, 1e-16, 1e-16] });
 * Q[35]; // ≈ 6e-15 (km²/s², q Δt along N = z here)
 * ```
 */
export function rtnProcessNoise(
  positionKm: Vec3Like,
  velocityKmS: Vec3Like,
  intervalS: number,
  options: RtnProcessNoiseOptions,
): Float64Array {
  for (let i = 0; i < 3; i++) {
    const q = options.psdKm2S3[i]!;
    if (!(q >= 0) || !Number.isFinite(q)) {
      throw new InvalidArgumentError(`psdKm2S3[${i}]`, q, 'km²/s³', 'must be a finite number ≥ 0');
    }
  }
  if (!Number.isFinite(intervalS)) {
    throw new InvalidArgumentError('intervalS', intervalS, 's', 'must be finite');
  }
  const maxInterval = options.maxIntervalS ?? Number.POSITIVE_INFINITY;
  if (!(maxInterval > 0)) {
    throw new InvalidArgumentError('maxIntervalS', maxInterval, 's', 'must be > 0');
  }
  const dt = Math.min(Math.abs(intervalS), maxInterval);
  const M = rtnRotation(positionKm, velocityKmS); // rows R, T, N in inertial coordinates
  const Q = new Float64Array(36);
  // Q_block = Mᵀ diag(q) M · c, with c = Δt³/3, Δt²/2, Δt for the rr, rv, vv blocks.
  const c = [(dt * dt * dt) / 3, (dt * dt) / 2, dt];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += M[3 * k + i]! * options.psdKm2S3[k]! * M[3 * k + j]!;
      Q[i * 6 + j] = s * c[0]!;
      Q[i * 6 + j + 3] = s * c[1]!;
      Q[(i + 3) * 6 + j] = s * c[1]!;
      Q[(i + 3) * 6 + j + 3] = s * c[2]!;
    }
  }
  return Q;
}
