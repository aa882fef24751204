import { DataRangeError, InvalidArgumentError } from '../errors';
import { lagrangeAt } from './internal/lagrange';
import type { LeapSecondTable } from './leapSeconds';
import type { EopProvider } from './timeData';

/** Radians in one second of arc: π / (180 × 3600). */
const RAD_PER_ARCSEC = Math.PI / 648000;

/**
 * Span over which the `'predict'` extrapolation takes the mean rate of UT1−TAI, days. A month
 * averages out the fortnightly and monthly zonal tides in UT1 (IERS Conventions 2010, ch. 8)
 * while following the seasonal trend.
 */
const PREDICT_SLOPE_SPAN_DAYS = 30;

/** Default number of rows in a Lagrange window (cubic, as in Orekit's EOP interpolation). */
const DEFAULT_LAGRANGE_POINTS = 4;

/** Largest Lagrange window accepted; wider polynomials through daily data only ring. */
const MAX_LAGRANGE_POINTS = 16;

/**
 * One day of Earth orientation parameters, at 00:00 UTC of `mjd`, in the units of the IERS
 * files. Every field is a finite number: a day without UT1−UTC is not a row.
 */
export interface EopRow {
  /** UTC modified Julian date, an integer day (the values hold at 00:00 UTC). */
  readonly mjd: number;
  /** Pole coordinate x_p, arcsec. */
  readonly xpArcsec: number;
  /** Pole coordinate y_p, arcsec. */
  readonly ypArcsec: number;
  /** UT1−UTC, s. */
  readonly ut1MinusUtcS: number;
  /** Excess of the length of day over 86400 s, s. */
  readonly lodS: number;
  /** Celestial pole offset dX with respect to IAU 2006/2000A, arcsec. */
  readonly dXArcsec: number;
  /** Celestial pole offset dY with respect to IAU 2006/2000A, arcsec. */
  readonly dYArcsec: number;
  /** True when the publisher flags the row as a prediction rather than a measurement. */
  readonly predicted: boolean;
}

/**
 * How values between rows are computed: `'linear'` between the two neighbouring rows (the
 * default, as astropy does), or `'lagrange'` through a centred window of rows.
 */
export type EopInterpolation = 'linear' | 'lagrange';

/**
 * What happens outside the table:
 * - `'error'`: throw {@link DataRangeError};
 * - `'hold'`: keep the values of the nearest row at either end, however far (UT1−TAI is held,
 *   so UT1−UTC still follows leap seconds);
 * - `'predict'` (default): after the last row, extrapolate UT1−TAI linearly with its mean
 *   rate over the last 30 days and hold the other parameters, for at most
 *   {@link EopTableOptions.predictionDays} days (default 366, the span of the IERS Bulletin A
 *   predictions); further on, and before the first row, throw {@link DataRangeError}: a linear
 *   UT1 extrapolation is off by tens of milliseconds within a year and by seconds within
 *   decades.
 */
export type EopExtrapolation = 'error' | 'hold' | 'predict';

/**
 * How a value returned by {@link EopTable.at} was obtained: `'interpolated'` inside the table,
 * `'held'` or `'predicted'` outside it (under the extrapolation of the same name).
 */
export type EopStatus = 'interpolated' | 'held' | 'predicted';

/** Earth orientation parameters at one instant, in radians and seconds. */
export interface EopValues {
  /** The UTC modified Julian date asked for. */
  readonly mjdUtc: number;
  /** Pole coordinate x_p, rad. */
  readonly xpRad: number;
  /** Pole coordinate y_p, rad. */
  readonly ypRad: number;
  /** UT1−UTC, s (UT1−TAI plus TAI−UTC at `mjdUtc`). */
  readonly ut1MinusUtcS: number;
  /** UT1−TAI, s: the quantity interpolated, free of the leap-second steps. */
  readonly ut1MinusTaiS: number;
  /** Excess of the length of day over 86400 s, s. */
  readonly lodS: number;
  /** Celestial pole offset dX, rad. */
  readonly dXRad: number;
  /** Celestial pole offset dY, rad. */
  readonly dYRad: number;
  /** Whether the values were interpolated, held or extrapolated. */
  readonly status: EopStatus;
  /** True when a row that went into the values is flagged as predicted by its publisher. */
  readonly fromPredictedRows: boolean;
}

/** Options of {@link EopTable.fromRows} and of the EOP file readers. */
export interface EopTableOptions {
  /** Interpolation between rows (default `'linear'`). */
  readonly interpolation?: EopInterpolation;
  /** Rows in the Lagrange window, an integer in 2…16 (default 4). */
  readonly lagrangePoints?: number;
  /** Policy outside the table (default `'predict'`). */
  readonly extrapolation?: EopExtrapolation;
  /**
   * How far past the last row `'predict'` extrapolates, days (default 366; 0 or more).
   */
  readonly predictionDays?: number;
  /** Name of the file or product the rows come from, used in errors. */
  readonly source?: string;
}

/** A stretch of days missing from a table: rows `beforeMjd` and `afterMjd` are neighbours. */
export interface EopGap {
  /** MJD of the row before the gap. */
  readonly beforeMjd: number;
  /** MJD of the row after the gap. */
  readonly afterMjd: number;
}

/** The columns of a table, shared between the tables that {@link EopTable.withOptions} makes. */
interface EopColumns {
  readonly mjd: Float64Array;
  readonly xpArcsec: Float64Array;
  readonly ypArcsec: Float64Array;
  readonly ut1MinusUtcS: Float64Array;
  readonly ut1MinusTaiS: Float64Array;
  readonly lodS: Float64Array;
  readonly dXArcsec: Float64Array;
  readonly dYArcsec: Float64Array;
  readonly predicted: Uint8Array;
  readonly gaps: readonly EopGap[];
  /** Mean rate of UT1−TAI over the last 30 days, s/day. */
  readonly endRateSPerDay: number;
  readonly leapSeconds: LeapSecondTable;
}

interface ResolvedOptions {
  readonly predictionDays: number;
  readonly interpolation: EopInterpolation;
  readonly lagrangePoints: number;
  readonly extrapolation: EopExtrapolation;
  readonly source: string;
}

const ROW_KEYS = [
  ['xpArcsec', 'arcsec'],
  ['ypArcsec', 'arcsec'],
  ['ut1MinusUtcS', 's'],
  ['lodS', 's'],
  ['dXArcsec', 'arcsec'],
  ['dYArcsec', 'arcsec'],
] as const;

/**
 * A daily table of Earth orientation parameters (polar motion, UT1−UTC, LOD, celestial pole
 * offsets) with its interpolation and extrapolation policy. Immutable; the columns are held
 * in `Float64Array`s.
 *
 * UT1 is interpolated as UT1−TAI, computed for each row as UT1−UTC − (TAI−UTC), so that the
 * +1 s step of UT1−UTC at a leap second does not leak into the days around it; UT1−UTC at an
 * instant is then the interpolated UT1−TAI plus TAI−UTC at that instant.
 *
 * Build one with {@link EopTable.fromRows} or with a file reader (`parseFinals2000A`,
 * `parseEopC04`, `parseCelestrakEop`); `DEFAULT_EOP` is the table bundled with osmose.
 *
 * @example
 * ```ts
 * const table = EopTable.fromRows(
 *   [
 *     { mjd: 53101, xpArcsec: -0.140722, ypArcsec: 0.333536, ut1MinusUtcS: -0.4399498,
 *       lodS: 0.0015244, dXArcsec: -0.000104, dYArcsec: -0.000042, predicted: false },
 *     { mjd: 53102, xpArcsec: -0.14016, ypArcsec: 0.336396, ut1MinusUtcS: -0.4414071,
 *       lodS: 0.0013591, dXArcsec: -0.000093, dYArcsec: -0.000067, predicted: false },
 *   ],
 *   DEFAULT_LEAP_SECONDS,
 * );
 * table.at(53101.5).ut1MinusUtcS; // ≈ -0.44067845 (finals2000A rows of 2004-04-06/07)
 * ```
 */
export class EopTable implements EopProvider {
  private readonly columns: EopColumns;
  private readonly options: ResolvedOptions;
  /** True when the rows are consecutive days, so that a row's index is mjd − firstMjd. */
  private readonly daily: boolean;

  private constructor(columns: EopColumns, options: ResolvedOptions) {
    this.columns = columns;
    this.options = options;
    this.daily = columns.gaps.length === 0;
  }

  /**
   * Builds a table from rows, checking them. Gaps between days are allowed (values are
   * interpolated across them) and listed in {@link EopTable.gaps}.
   *
   * @param rows - at least 2 rows, with integer MJDs in strictly increasing order and finite
   *   values, in the units of {@link EopRow}
   * @param leapSeconds - the TAI−UTC history, used to form UT1−TAI for each row and UT1−UTC
   *   at each instant
   * @param options - interpolation, extrapolation and source name
   * @returns the table
   * @throws {@link InvalidArgumentError} when there are fewer than 2 rows, a value is not
   *   finite, an MJD is not a whole day or out of order, or an option is invalid
   * @throws {@link TimeRangeError} when a row is dated before the leap-second table starts
   */
  static fromRows(
    rows: readonly EopRow[],
    leapSeconds: LeapSecondTable,
    options: EopTableOptions = {},
  ): EopTable {
    const resolved = resolveOptions(options, undefined);
    const n = rows.length;
    if (n < 2) {
      throw new InvalidArgumentError(
        'rows.length',
        n,
        'rows',
        'an EOP table needs at least 2 rows',
      );
    }
    const mjd = new Float64Array(n);
    const xpArcsec = new Float64Array(n);
    const ypArcsec = new Float64Array(n);
    const ut1MinusUtcS = new Float64Array(n);
    const ut1MinusTaiS = new Float64Array(n);
    const lodS = new Float64Array(n);
    const dXArcsec = new Float64Array(n);
    const dYArcsec = new Float64Array(n);
    const predicted = new Uint8Array(n);
    const gaps: EopGap[] = [];
    let previous = -Infinity;
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      if (!Number.isInteger(row.mjd)) {
        throw new InvalidArgumentError(`rows[${i}].mjd`, row.mjd, 'MJD', 'must be a whole day');
      }
      if (row.mjd <= previous) {
        throw new InvalidArgumentError(
          `rows[${i}].mjd`,
          row.mjd,
          'MJD',
          `must come after the previous row (MJD ${previous})`,
        );
      }
      for (const [key, unit] of ROW_KEYS) {
        if (!Number.isFinite(row[key])) {
          throw new InvalidArgumentError(`rows[${i}].${key}`, row[key], unit, 'must be finite');
        }
      }
      if (typeof row.predicted !== 'boolean') {
        throw new InvalidArgumentError(
          `rows[${i}].predicted`,
          row.predicted,
          '',
          'must be a boolean',
        );
      }
      if (i > 0 && row.mjd !== previous + 1) gaps.push({ beforeMjd: previous, afterMjd: row.mjd });
      previous = row.mjd;
      mjd[i] = row.mjd;
      xpArcsec[i] = row.xpArcsec;
      ypArcsec[i] = row.ypArcsec;
      ut1MinusUtcS[i] = row.ut1MinusUtcS;
      ut1MinusTaiS[i] = row.ut1MinusUtcS - leapSeconds.taiMinusUtc(row.mjd).valueS;
      lodS[i] = row.lodS;
      dXArcsec[i] = row.dXArcsec;
      dYArcsec[i] = row.dYArcsec;
      predicted[i] = row.predicted ? 1 : 0;
    }
    const columns: EopColumns = {
      mjd,
      xpArcsec,
      ypArcsec,
      ut1MinusUtcS,
      ut1MinusTaiS,
      lodS,
      dXArcsec,
      dYArcsec,
      predicted,
      gaps: Object.freeze(gaps.map((g) => Object.freeze(g))),
      endRateSPerDay: meanRate(mjd, ut1MinusTaiS),
      leapSeconds,
    };
    checkLagrangePoints(resolved, n);
    return new EopTable(columns, resolved);
  }

  /**
   * The same rows under other options; the columns are shared, not copied.
   *
   * @param options - options to change; those left out keep their current value
   * @returns a new table
   * @throws {@link InvalidArgumentError} when an option is invalid
   *
   * @example
   * ```ts
   * const strict = DEFAULT_EOP.withOptions({ extrapolation: 'error' });
   * strict.length === DEFAULT_EOP.length; // true: the same rows
   * try {
   *   strict.at(70000); // in 2050, after the last row
   * } catch (e) {
   *   if (e instanceof DataRangeError) console.log(e.code); // 'DATA_RANGE'
   * }
   * ```
   */
  withOptions(options: EopTableOptions): EopTable {
    const resolved = resolveOptions(options, this.options);
    checkLagrangePoints(resolved, this.length);
    return new EopTable(this.columns, resolved);
  }

  /** Number of rows. */
  get length(): number {
    return this.columns.mjd.length;
  }

  /** UTC MJD of the first row. */
  get firstMjd(): number {
    return this.columns.mjd[0]!;
  }

  /** UTC MJD of the last row. */
  get lastMjd(): number {
    return this.columns.mjd[this.columns.mjd.length - 1]!;
  }

  /** Name of the file or product the rows come from. */
  get source(): string {
    return this.options.source;
  }

  /** Interpolation between rows. */
  get interpolation(): EopInterpolation {
    return this.options.interpolation;
  }

  /** Rows in a Lagrange window (used when {@link EopTable.interpolation} is `'lagrange'`). */
  get lagrangePoints(): number {
    return this.options.lagrangePoints;
  }

  /** Policy outside the table. */
  get extrapolation(): EopExtrapolation {
    return this.options.extrapolation;
  }

  /** How far past the last row the `'predict'` policy reaches, days. */
  get predictionDays(): number {
    return this.options.predictionDays;
  }

  /** Days missing between consecutive rows (empty for a gapless daily table). */
  get gaps(): readonly EopGap[] {
    return this.columns.gaps;
  }

  /** UTC MJD of the first row flagged as predicted, or undefined when there is none. */
  get firstPredictedMjd(): number | undefined {
    const { predicted, mjd } = this.columns;
    for (let i = 0; i < predicted.length; i++) {
      if (predicted[i] === 1) return mjd[i];
    }
    return undefined;
  }

  /**
   * Row `index`, as given to {@link EopTable.fromRows}.
   *
   * @param index - 0 … length − 1
   * @returns a new row object
   * @throws {@link InvalidArgumentError} when the index is not an integer in range
   */
  row(index: number): EopRow {
    const c = this.columns;
    if (!Number.isInteger(index) || index < 0 || index >= c.mjd.length) {
      throw new InvalidArgumentError(
        'index',
        index,
        '',
        `must be an integer in 0…${c.mjd.length - 1}`,
      );
    }
    return {
      mjd: c.mjd[index]!,
      xpArcsec: c.xpArcsec[index]!,
      ypArcsec: c.ypArcsec[index]!,
      ut1MinusUtcS: c.ut1MinusUtcS[index]!,
      lodS: c.lodS[index]!,
      dXArcsec: c.dXArcsec[index]!,
      dYArcsec: c.dYArcsec[index]!,
      predicted: c.predicted[index] === 1,
    };
  }

  /**
   * All parameters at a UTC instant, under the table's interpolation and extrapolation.
   * At a row's own MJD the row's values come back exactly (UT1−UTC included).
   *
   * @param mjdUtc - UTC modified Julian date (fractional)
   * @returns angles in rad, times in s, and how they were obtained
   * @throws {@link InvalidArgumentError} when `mjdUtc` is not finite
   * @throws {@link DataRangeError} outside the table under the `'error'` policy
   * @throws {@link TimeRangeError} before the start of the leap-second table
   *
   * @example
   * ```ts
   * const v = DEFAULT_EOP.at(60000.25);
   * v.ut1MinusUtcS; // ≈ -0.01525 s (2023-02-25T06:00 UTC)
   * v.status; // 'interpolated'
   * ```
   */
  at(mjdUtc: number): EopValues {
    checkMjd(mjdUtc);
    const c = this.columns;
    const n = c.mjd.length;
    const outside = mjdUtc < c.mjd[0]! || mjdUtc > c.mjd[n - 1]!;
    if (outside) this.checkInside(mjdUtc);
    const taiMinusUtcS = c.leapSeconds.taiMinusUtc(mjdUtc).valueS;
    let node = -1;
    if (outside) {
      const first = mjdUtc < c.mjd[0]!;
      const i = first ? 0 : n - 1;
      // checkInside let through only 'hold' (either end) and 'predict' (after the end).
      const predict = this.options.extrapolation === 'predict';
      const ut1MinusTaiS =
        c.ut1MinusTaiS[i]! + (predict ? c.endRateSPerDay * (mjdUtc - c.mjd[i]!) : 0);
      return {
        mjdUtc,
        xpRad: c.xpArcsec[i]! * RAD_PER_ARCSEC,
        ypRad: c.ypArcsec[i]! * RAD_PER_ARCSEC,
        ut1MinusUtcS: ut1MinusTaiS + taiMinusUtcS,
        ut1MinusTaiS,
        lodS: c.lodS[i]!,
        dXRad: c.dXArcsec[i]! * RAD_PER_ARCSEC,
        dYRad: c.dYArcsec[i]! * RAD_PER_ARCSEC,
        status: predict ? 'predicted' : 'held',
        fromPredictedRows: c.predicted[i] === 1,
      };
    }
    const i = this.bracket(mjdUtc);
    if (c.mjd[i] === mjdUtc) node = i;
    else if (c.mjd[i + 1] === mjdUtc) node = i + 1;
    if (node >= 0) {
      return {
        mjdUtc,
        xpRad: c.xpArcsec[node]! * RAD_PER_ARCSEC,
        ypRad: c.ypArcsec[node]! * RAD_PER_ARCSEC,
        ut1MinusUtcS: c.ut1MinusUtcS[node]!,
        ut1MinusTaiS: c.ut1MinusTaiS[node]!,
        lodS: c.lodS[node]!,
        dXRad: c.dXArcsec[node]! * RAD_PER_ARCSEC,
        dYRad: c.dYArcsec[node]! * RAD_PER_ARCSEC,
        status: 'interpolated',
        fromPredictedRows: c.predicted[node] === 1,
      };
    }
    const ut1MinusTaiS = this.interpolate(c.ut1MinusTaiS, mjdUtc, i);
    let fromPredictedRows = false;
    const start = this.windowStart(i);
    const end = start + (this.options.interpolation === 'linear' ? 2 : this.options.lagrangePoints);
    for (let k = start; k < end; k++) {
      if (c.predicted[k] === 1) fromPredictedRows = true;
    }
    return {
      mjdUtc,
      xpRad: this.interpolate(c.xpArcsec, mjdUtc, i) * RAD_PER_ARCSEC,
      ypRad: this.interpolate(c.ypArcsec, mjdUtc, i) * RAD_PER_ARCSEC,
      ut1MinusUtcS: ut1MinusTaiS + taiMinusUtcS,
      ut1MinusTaiS,
      lodS: this.interpolate(c.lodS, mjdUtc, i),
      dXRad: this.interpolate(c.dXArcsec, mjdUtc, i) * RAD_PER_ARCSEC,
      dYRad: this.interpolate(c.dYArcsec, mjdUtc, i) * RAD_PER_ARCSEC,
      status: 'interpolated',
      fromPredictedRows,
    };
  }

  /**
   * UT1−TAI at a UTC instant, under the same policy as {@link EopTable.at}, without
   * allocating: the path that time-scale conversions take.
   *
   * @param mjdUtc - UTC modified Julian date (fractional)
   * @returns UT1−TAI, s
   * @throws {@link InvalidArgumentError} when `mjdUtc` is not finite
   * @throws {@link DataRangeError} outside the table under the `'error'` policy
   *
   * @example
   * ```ts
   * // 2017-01-01: UT1−UTC = 0.5912821 s, TAI−UTC = 37 s
   * DEFAULT_EOP.ut1MinusTaiS(57754); // -36.4087179 s
   * ```
   */
  ut1MinusTaiS(mjdUtc: number): number {
    checkMjd(mjdUtc);
    const c = this.columns;
    const n = c.mjd.length;
    if (mjdUtc < c.mjd[0]!) {
      this.checkInside(mjdUtc); // only 'hold' reaches before the first row
      return c.ut1MinusTaiS[0]!;
    }
    if (mjdUtc > c.mjd[n - 1]!) {
      this.checkInside(mjdUtc);
      const held = c.ut1MinusTaiS[n - 1]!;
      return this.options.extrapolation === 'predict'
        ? held + c.endRateSPerDay * (mjdUtc - c.mjd[n - 1]!)
        : held;
    }
    return this.interpolate(c.ut1MinusTaiS, mjdUtc, this.bracket(mjdUtc));
  }

  /**
   * Throws where the policy gives no value (the caller has found `mjdUtc` outside the
   * table): always under 'error'; under 'predict' before the first row and past the
   * prediction span.
   */
  private checkInside(mjdUtc: number): void {
    const { extrapolation, predictionDays, source } = this.options;
    if (extrapolation === 'hold') return;
    const last = this.lastMjd;
    if (extrapolation === 'predict') {
      if (mjdUtc > last && mjdUtc - last <= predictionDays) return;
      throw new DataRangeError(
        `EOP (${source}, 'predict' reaches ${predictionDays} d past the last row)`,
        mjdUtc,
        'MJD',
        this.firstMjd,
        last + predictionDays,
      );
    }
    throw new DataRangeError(`EOP (${source})`, mjdUtc, 'MJD', this.firstMjd, last);
  }

  /** Index i ≤ length − 2 with mjd[i] ≤ t ≤ mjd[i + 1], for t inside the table. */
  private bracket(mjdUtc: number): number {
    const mjd = this.columns.mjd;
    const last = mjd.length - 2;
    if (this.daily) {
      // Exact: mjdUtc and firstMjd are multiples of ulp(mjdUtc) and the difference is smaller.
      const i = Math.floor(mjdUtc - mjd[0]!);
      return Math.min(i, last);
    }
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (mjd[mid]! <= mjdUtc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * First row of the interpolation window of the interval [i, i + 1]: i itself for linear
   * interpolation; for Lagrange the window centred on the interval, clamped to the table.
   */
  private windowStart(i: number): number {
    if (this.options.interpolation === 'linear') return i;
    const count = this.options.lagrangePoints;
    const start = i + 1 - Math.ceil(count / 2);
    const maxStart = this.columns.mjd.length - count;
    return Math.max(0, Math.min(start, maxStart));
  }

  /** One column at t in [mjd[i], mjd[i + 1]]. */
  private interpolate(column: Float64Array, mjdUtc: number, i: number): number {
    const mjd = this.columns.mjd;
    if (this.options.interpolation === 'lagrange') {
      return lagrangeAt(mjd, column, this.windowStart(i), this.options.lagrangePoints, mjdUtc);
    }
    const t0 = mjd[i]!;
    const t1 = mjd[i + 1]!;
    const a = column[i]!;
    const b = column[i + 1]!;
    const f = (mjdUtc - t0) / (t1 - t0);
    // Stepping from the nearer end keeps the result between a and b in floating point: the
    // step is at most half of (b − a) rounded, so it cannot carry past the far end.
    return f <= 0.5 ? a + (b - a) * f : b - (b - a) * (1 - f);
  }
}

/** Default reach of the `'predict'` policy past the last row, days (IERS Bulletin A span). */
const DEFAULT_PREDICTION_DAYS = 366;

function checkMjd(mjdUtc: number): void {
  if (!Number.isFinite(mjdUtc)) {
    throw new InvalidArgumentError('mjdUtc', mjdUtc, 'MJD', 'must be finite');
  }
}

function resolveOptions(
  options: EopTableOptions,
  base: ResolvedOptions | undefined,
): ResolvedOptions {
  const interpolation = options.interpolation ?? base?.interpolation ?? 'linear';
  if (interpolation !== 'linear' && interpolation !== 'lagrange') {
    throw new InvalidArgumentError(
      'interpolation',
      interpolation,
      '',
      "must be 'linear' or 'lagrange'",
    );
  }
  const extrapolation = options.extrapolation ?? base?.extrapolation ?? 'predict';
  if (extrapolation !== 'error' && extrapolation !== 'hold' && extrapolation !== 'predict') {
    throw new InvalidArgumentError(
      'extrapolation',
      extrapolation,
      '',
      "must be 'error', 'hold' or 'predict'",
    );
  }
  const lagrangePoints = options.lagrangePoints ?? base?.lagrangePoints ?? DEFAULT_LAGRANGE_POINTS;
  if (
    !Number.isInteger(lagrangePoints) ||
    lagrangePoints < 2 ||
    lagrangePoints > MAX_LAGRANGE_POINTS
  ) {
    throw new InvalidArgumentError(
      'lagrangePoints',
      lagrangePoints,
      'rows',
      `must be an integer in 2…${MAX_LAGRANGE_POINTS}`,
    );
  }
  const source = options.source ?? base?.source ?? 'EOP table';
  const predictionDays = options.predictionDays ?? base?.predictionDays ?? DEFAULT_PREDICTION_DAYS;
  if (!(predictionDays >= 0) || !Number.isFinite(predictionDays)) {
    throw new InvalidArgumentError(
      'predictionDays',
      predictionDays,
      'd',
      'must be a finite number of days, 0 or more',
    );
  }
  return { interpolation, extrapolation, lagrangePoints, predictionDays, source };
}

function checkLagrangePoints(options: ResolvedOptions, length: number): void {
  const { lagrangePoints, interpolation } = options;
  if (interpolation === 'lagrange' && lagrangePoints > length) {
    throw new InvalidArgumentError(
      'lagrangePoints',
      lagrangePoints,
      'rows',
      `must not exceed the number of rows (${length})`,
    );
  }
}

/**
 * Mean rate of UT1−TAI over the last {@link PREDICT_SLOPE_SPAN_DAYS} days of the
 * table (over the two end rows when they are further apart), s/day.
 */
function meanRate(mjd: Float64Array, ut1MinusTaiS: Float64Array): number {
  const last = mjd.length - 1;
  let j = last - 1;
  while (j > 0 && mjd[j - 1]! >= mjd[last]! - PREDICT_SLOPE_SPAN_DAYS) j--;
  return (ut1MinusTaiS[last]! - ut1MinusTaiS[j]!) / (mjd[last]! - mjd[j]!);
}
