/**
 * Evaluation of Poisson series Σ_k t^k Σ_i (S_ik sin ARG_i + C_ik cos ARG_i) over Float64Array
 * coefficient data, the engine of the nutation and CIP kernels.
 *
 * Several series that share arguments (X, Y and s + XY/2; Δψ and Δε) are fused: each distinct
 * argument is evaluated once, as a polynomial in t whose coefficients were combined from the
 * fundamental arguments when the tables were built, its sine and cosine are taken once with an
 * inlined kernel, and the products go to every sum ("slot": one series, one power of t) that
 * uses that argument. Terms are visited from the last argument to the first, so that the
 * small terms (the tables are sorted by decreasing amplitude) are summed first, as SOFA does.
 *
 * @internal
 */
import {
  ARGUMENT_COUNT,
  ARGUMENT_POLY_LENGTH,
  type ArgumentSet,
  argumentPolynomialInto,
} from './fundamentalArguments';

/** One product S sin ARG + C cos ARG going to one slot. */
export interface SeriesContribution {
  /** The 14 multipliers of ARG (l, l′, F, D, Ω, L_Me … L_Ne, p_A). */
  readonly multipliers: ArrayLike<number>;
  /** Index of the first multiplier in `multipliers`. */
  readonly multiplierOffset: number;
  /** Which sum the product is added to. */
  readonly slot: number;
  /** Coefficient of sin ARG. */
  readonly sin: number;
  /** Coefficient of cos ARG. */
  readonly cos: number;
}

/**
 * Fused series ready for {@link sumFusedSeriesInto}. The two slots that most arguments feed
 * (X and Y at t^0; Δψ and Δε) are "primary": their coefficients are stored four per argument
 * and summed in registers. The other contributions are listed per argument.
 */
export interface FusedSeries {
  /** Number of distinct arguments. */
  readonly argumentCount: number;
  /** [c0 … c4] of each argument, rad per century^k; c0 in [0, 2π). */
  readonly argumentPolynomials: Float64Array;
  /** The two primary slots. */
  readonly primarySlots: readonly [number, number];
  /** Per argument: sin and cos coefficients of the first primary slot, then of the second. */
  readonly primary: Float64Array;
  /** Other contributions of argument i: entries termStart[i] … termStart[i + 1] − 1. */
  readonly termStart: Int32Array;
  /** Slot of each other contribution. */
  readonly termSlot: Int32Array;
  /** Sine coefficient of each other contribution. */
  readonly termSin: Float64Array;
  /** Cosine coefficient of each other contribution. */
  readonly termCos: Float64Array;
  /** Number of slots. */
  readonly slotCount: number;
  /** |t| (centuries) up to which every argument stays within the fast sine kernel's range. */
  readonly maxAbsTFast: number;
}

/** One contribution of a fused series, as {@link listContributions} returns it. */
export interface FusedContribution {
  /** Index of the argument. */
  readonly argument: number;
  readonly slot: number;
  readonly sin: number;
  readonly cos: number;
}

/**
 * Every non-zero contribution of fused series, primary and other (for tests and checks).
 *
 * @param series - the fused series
 * @returns the contributions, argument by argument
 */
export function listContributions(series: FusedSeries): FusedContribution[] {
  const out: FusedContribution[] = [];
  for (let a = 0; a < series.argumentCount; a++) {
    for (let k = 0; k < 2; k++) {
      const sin = series.primary[4 * a + 2 * k]!;
      const cos = series.primary[4 * a + 2 * k + 1]!;
      if (sin !== 0 || cos !== 0)
        out.push({ argument: a, slot: series.primarySlots[k]!, sin, cos });
    }
    for (let m = series.termStart[a]!; m < series.termStart[a + 1]!; m++) {
      out.push({
        argument: a,
        slot: series.termSlot[m]!,
        sin: series.termSin[m]!,
        cos: series.termCos[m]!,
      });
    }
  }
  return out;
}

/** Largest |ARG| (rad) for the fast kernel: n = round(ARG · 2/π) stays below 2^20. */
const FAST_MAX_ABS_ARG = 1600000;

/**
 * Builds fused series from their contributions. Arguments are numbered in order of first
 * appearance, and each keeps its contributions in the order given.
 *
 * @param contributions - every product of every series
 * @param slotCount - number of sums
 * @param argumentSet - the fundamental arguments ARG is built from
 * @returns the fused series
 */
export function buildFusedSeries(
  contributions: readonly SeriesContribution[],
  slotCount: number,
  argumentSet: ArgumentSet,
): FusedSeries {
  const index = new Map<string, number>();
  const groups: SeriesContribution[][] = [];
  const keys: SeriesContribution[] = [];
  for (const c of contributions) {
    // One character per multiplier (|k| < 100): a short, exact key.
    let key = '';
    for (let i = 0; i < ARGUMENT_COUNT; i++) {
      key += String.fromCharCode(100 + c.multipliers[c.multiplierOffset + i]!);
    }
    let a = index.get(key);
    if (a === undefined) {
      a = groups.length;
      index.set(key, a);
      groups.push([]);
      keys.push(c);
    }
    groups[a]!.push(c);
  }
  const argumentCount = groups.length;
  // The two slots with the most contributions become the primary ones.
  const perSlot = new Array<number>(slotCount).fill(0);
  for (const c of contributions) perSlot[c.slot]!++;
  const bySize = perSlot.map((n, slot) => [n, slot] as const).sort((x, y) => y[0] - x[0]);
  const primarySlots: [number, number] = [bySize[0]![1], bySize[1]?.[1] ?? bySize[0]![1]];
  const primary = new Float64Array(4 * argumentCount);
  const others = contributions.filter(
    (c) => c.slot !== primarySlots[0] && c.slot !== primarySlots[1],
  );
  const argumentPolynomials = new Float64Array(argumentCount * ARGUMENT_POLY_LENGTH);
  const termStart = new Int32Array(argumentCount + 1);
  const termSlot = new Int32Array(others.length);
  const termSin = new Float64Array(others.length);
  const termCos = new Float64Array(others.length);
  let m = 0;
  for (let a = 0; a < argumentCount; a++) {
    const first = keys[a]!;
    argumentPolynomialInto(
      argumentPolynomials,
      a * ARGUMENT_POLY_LENGTH,
      argumentSet,
      first.multipliers,
      first.multiplierOffset,
    );
    termStart[a] = m;
    for (const c of groups[a]!) {
      const k = c.slot === primarySlots[0] ? 0 : c.slot === primarySlots[1] ? 1 : -1;
      if (k >= 0) {
        primary[4 * a + 2 * k]! += c.sin;
        primary[4 * a + 2 * k + 1]! += c.cos;
        continue;
      }
      termSlot[m] = c.slot;
      termSin[m] = c.sin;
      termCos[m] = c.cos;
      m++;
    }
  }
  termStart[argumentCount] = m;

  // Largest T with |ARG(t)| ≤ Σ_k |c_k| T^k ≤ FAST_MAX_ABS_ARG for every argument (bisection).
  const bound = (tAbs: number): number => {
    let worst = 0;
    for (let a = 0; a < argumentCount; a++) {
      const o = a * ARGUMENT_POLY_LENGTH;
      let s = 0;
      for (let p = ARGUMENT_POLY_LENGTH - 1; p >= 0; p--) {
        s = s * tAbs + Math.abs(argumentPolynomials[o + p]!);
      }
      worst = Math.max(worst, s);
    }
    return worst;
  };
  // To 1e-5 century; |t| beyond 100 centuries always takes the Math.sin path.
  let lo = 0;
  let hi = 100;
  for (let k = 0; k < 24; k++) {
    const mid = 0.5 * (lo + hi);
    if (bound(mid) <= FAST_MAX_ABS_ARG) lo = mid;
    else hi = mid;
  }

  return {
    argumentCount,
    argumentPolynomials,
    primarySlots,
    primary,
    termStart,
    termSlot,
    termSin,
    termCos,
    slotCount,
    maxAbsTFast: lo,
  };
}

// The sine and cosine kernel of the loop. Reduction ARG = n·π/2 + r, |r| ≤ π/4, with π/2 in two
// parts (Cody & Waite; PIO2_HI has 33 significant bits, so n·PIO2_HI is exact for |n| < 2^20),
// then the minimax polynomials of fdlibm's __kernel_sin and __kernel_cos (error < 2^-58 on
// |r| ≤ π/4), evaluated in Estrin's scheme to shorten the dependency chains, and the quadrant
// n mod 4 applied without branches. Each value is within 2e-16 of Math.sin / Math.cos; against
// the largest amplitude of the tables (17.2″ ≈ 8.3e-5 rad) that is below 2e-20 rad.
/** 2/π. */
const TWO_OVER_PI = 0.6366197723675814;
/** π/2 rounded to 33 significant bits (fdlibm `pio2_1`). */
const PIO2_HI = 1.5707963267341256;
/** π/2 − PIO2_HI (fdlibm `pio2_1t`). */
const PIO2_LO = 6.077100506506192e-11;
/** 1.5·2^52: adding and subtracting it rounds a double below 2^51 to the nearest integer. */
const ROUND_MAGIC = 6755399441055744;
// fdlibm k_sin.c: sin r ≈ r + r³ (S1 + S2 r² + … + S6 r¹⁰).
const S1 = -0.16666666666666632;
const S2 = 0.00833333333332249;
const S3 = -0.0001984126982985795;
const S4 = 0.0000027557313707070068;
const S5 = -2.5050760253406863e-8;
const S6 = 1.58969099521155e-10;
// fdlibm k_cos.c: cos r ≈ 1 − r²/2 + r⁴ (C1 + C2 r² + … + C6 r¹⁰).
const C1 = 0.0416666666666666;
const C2 = -0.001388888888887411;
const C3 = 0.00002480158728947673;
const C4 = -2.7557314351390663e-7;
const C5 = 2.087572321298175e-9;
const C6 = -1.1359647557788195e-11;

/**
 * Adds every product of fused series at t into `acc[slot]`.
 *
 * @param acc - sums, one per slot (length ≥ `series.slotCount`); added to, not cleared
 * @param series - the fused series
 * @param t - Julian centuries of TT since J2000.0
 */
export function sumFusedSeriesInto(acc: Float64Array, series: FusedSeries, t: number): void {
  if (!(Math.abs(t) <= series.maxAbsTFast)) {
    sumFusedSeriesMathInto(acc, series, t);
    return;
  }
  const poly = series.argumentPolynomials;
  const pr = series.primary;
  const start = series.termStart;
  const slot = series.termSlot;
  const cs = series.termSin;
  const cc = series.termCos;
  const t2 = t * t;
  let sumA = 0;
  let sumB = 0;
  let end = start[series.argumentCount]!;
  for (let a = series.argumentCount - 1; a >= 0; a--) {
    const o = a * 5;
    const x =
      poly[o]! + t * poly[o + 1]! + t2 * (poly[o + 2]! + t * poly[o + 3]! + t2 * poly[o + 4]!);
    const n = x * TWO_OVER_PI + ROUND_MAGIC - ROUND_MAGIC;
    const r = x - n * PIO2_HI - n * PIO2_LO;
    const z = r * r;
    const z2 = z * z;
    const z4 = z2 * z2;
    const sr = r + r * z * (S1 + z * S2 + z2 * (S3 + z * S4) + z4 * (S5 + z * S6));
    const cr = 1 - 0.5 * z + z2 * (C1 + z * C2 + z2 * (C3 + z * C4) + z4 * (C5 + z * C6));
    // Quadrant q = n mod 4: (sin, cos) = (sr, cr), (cr, −sr), (−sr, −cr), (−cr, sr).
    const q = n & 3;
    const swap = q & 1;
    const keep = 1 - swap;
    const sinX = (1 - (q & 2)) * (sr * keep + cr * swap);
    const cosX = (1 - ((q + 1) & 2)) * (cr * keep + sr * swap);
    const p = 4 * a;
    sumA += pr[p]! * sinX + pr[p + 1]! * cosX;
    sumB += pr[p + 2]! * sinX + pr[p + 3]! * cosX;
    const begin = start[a]!;
    for (let m = begin; m < end; m++) {
      acc[slot[m]!]! += cs[m]! * sinX + cc[m]! * cosX;
    }
    end = begin;
  }
  acc[series.primarySlots[0]]! += sumA;
  acc[series.primarySlots[1]]! += sumB;
}

/** As {@link sumFusedSeriesInto} with Math.sin and Math.cos, for any t. */
function sumFusedSeriesMathInto(acc: Float64Array, series: FusedSeries, t: number): void {
  const poly = series.argumentPolynomials;
  const pr = series.primary;
  const start = series.termStart;
  let sumA = 0;
  let sumB = 0;
  let end = start[series.argumentCount]!;
  for (let a = series.argumentCount - 1; a >= 0; a--) {
    const o = a * 5;
    const x =
      poly[o]! + t * (poly[o + 1]! + t * (poly[o + 2]! + t * (poly[o + 3]! + t * poly[o + 4]!)));
    const sinX = Math.sin(x);
    const cosX = Math.cos(x);
    const p = 4 * a;
    sumA += pr[p]! * sinX + pr[p + 1]! * cosX;
    sumB += pr[p + 2]! * sinX + pr[p + 3]! * cosX;
    const begin = start[a]!;
    for (let m = begin; m < end; m++) {
      acc[series.termSlot[m]!]! += series.termSin[m]! * sinX + series.termCos[m]! * cosX;
    }
    end = begin;
  }
  acc[series.primarySlots[0]]! += sumA;
  acc[series.primarySlots[1]]! += sumB;
}
