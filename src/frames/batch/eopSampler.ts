/**
 * Earth orientation parameters sampled every 15 minutes of UTC and interpolated linearly
 * between the samples: the form batch transforms read them in, without an object per state.
 *
 * For a daily table with linear interpolation (the default of `EopTable`, and of
 * `DEFAULT_TIME_DATA`), the samples fall on its straight segments and on its rows (every 96th
 * sample is a row, at 00:00 UTC), so the result is the table's own value to rounding. For a
 * table interpolated with Lagrange polynomials, the chords differ from the curve by at most
 * h²/8 · |f″|: with h = 1/96 d and |d²(UT1−TAI)/dt²| ≈ 2e-4 s/d² (the fortnightly tides in
 * the length of day), 3e-9 s of UT1, 2e-13 rad of Earth rotation, 0.01 mm at GEO radius; the
 * test measures up to 0.016 mm over 1975–2025 (hourly samples gave 0.13 mm).
 *
 * @internal
 */
import type { EopProvider } from '../../time';

/** Samples per UTC day (every 15 min). */
export const EOP_SAMPLES_PER_DAY = 96;

/** Offsets of the values in a sample and in {@link EopSampler.valuesInto}'s output. */
export const EOP_UT1_MINUS_TAI_S = 0;
export const EOP_XP_RAD = 1;
export const EOP_YP_RAD = 2;
export const EOP_LOD_S = 3;
export const EOP_DX_RAD = 4;
export const EOP_DY_RAD = 5;
/** Numbers per sample. */
export const EOP_SAMPLE_LENGTH = 6;

/** Samples kept before the memo is emptied (about 4 months); they are pure, so this is safe. */
const MAX_MEMO_SAMPLES = 12_000;

/** Memoized samples of an {@link EopProvider}, every 15 min of UTC. */
export class EopSampler {
  private readonly provider: EopProvider;
  private readonly samples = new Map<number, Float64Array>();
  // The pair of samples used last, kept to spare a map lookup per state in a sorted batch.
  private lastJ = Number.NaN;
  private lastA: Float64Array = new Float64Array(EOP_SAMPLE_LENGTH);
  private lastB: Float64Array | undefined;

  constructor(provider: EopProvider) {
    this.provider = provider;
  }

  /** The values at UTC MJD j / 96. */
  sample(j: number): Float64Array {
    let v = this.samples.get(j);
    if (v !== undefined) return v;
    if (this.samples.size >= MAX_MEMO_SAMPLES) this.samples.clear();
    const e = this.provider.at(j / EOP_SAMPLES_PER_DAY);
    v = new Float64Array(EOP_SAMPLE_LENGTH);
    v[EOP_UT1_MINUS_TAI_S] = e.ut1MinusTaiS;
    v[EOP_XP_RAD] = e.xpRad;
    v[EOP_YP_RAD] = e.ypRad;
    v[EOP_LOD_S] = e.lodS;
    v[EOP_DX_RAD] = e.dXRad;
    v[EOP_DY_RAD] = e.dYRad;
    this.samples.set(j, v);
    return v;
  }

  /**
   * Writes the six values at a UTC MJD into `out[offset …]`, interpolated linearly between the
   * two samples around it (only the earlier one when the date is a sample's own, so that the
   * last row of a table can be asked for under the 'error' policy).
   */
  valuesInto(out: Float64Array, offset: number, mjdUtc: number): void {
    const x = mjdUtc * EOP_SAMPLES_PER_DAY;
    const j = Math.floor(x);
    const w = x - j;
    if (j !== this.lastJ) {
      this.lastA = this.sample(j);
      this.lastB = undefined;
      this.lastJ = j;
    }
    const a = this.lastA;
    if (w === 0) {
      for (let k = 0; k < EOP_SAMPLE_LENGTH; k++) out[offset + k] = a[k]!;
      return;
    }
    let b = this.lastB;
    if (b === undefined) {
      b = this.sample(j + 1);
      this.lastB = b;
    }
    for (let k = 0; k < EOP_SAMPLE_LENGTH; k++) out[offset + k] = a[k]! + (b[k]! - a[k]!) * w;
  }
}
