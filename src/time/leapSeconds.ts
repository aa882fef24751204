import { DataFormatError, InvalidArgumentError, TimeRangeError } from '../errors';
import { MJD_J2000, SECONDS_PER_DAY } from './constants';

/** Below this, a difference of TAI−UTC between two segments is rounding, not a step, s. */
const JUMP_ROUNDING_S = 1e-9;

/**
 * One segment of the TAI−UTC relation, in force from 00:00 UTC of `startMjd` until the next
 * segment starts: TAI−UTC = `offsetS` + (MJD_UTC − `refMjd`) × `rateSPerDay`.
 *
 * From 1972 on `rateSPerDay` is 0 and `offsetS` is the integer count of leap seconds; the
 * 1961–1971 segments of USNO `tai-utc.dat` drift linearly.
 */
export interface LeapSecondEntry {
  /** UTC modified Julian date (an integer day) at whose 00:00 UTC the segment starts. */
  readonly startMjd: number;
  /** Constant part of TAI−UTC, s. */
  readonly offsetS: number;
  /** Reference MJD of the drift term (0 when `rateSPerDay` is 0). */
  readonly refMjd: number;
  /** Drift of TAI−UTC, s per day of UTC (0 from 1972). */
  readonly rateSPerDay: number;
}

/** Options of {@link LeapSecondTable.create}. */
export interface LeapSecondTableOptions {
  /** Last UTC MJD for which the publisher vouches for the table (its "expires" date). */
  readonly expiresMjd?: number;
  /** UTC MJD of the table's last update, when the file states it. */
  readonly updatedMjd?: number;
  /** Name of the file or product the table was read from. */
  readonly source?: string;
}

/** TAI−UTC at one UTC date, with whether the table vouches for it. */
export interface TaiMinusUtc {
  /** TAI−UTC, s. */
  readonly valueS: number;
  /** True when the date is past the table's expiry: the value is the last one held. */
  readonly beyondExpiry: boolean;
}

/**
 * The TAI−UTC history: a validated, immutable list of {@link LeapSecondEntry}, with the
 * conversions between UTC calendar days and TAI that use it.
 *
 * Before the first entry (1961-01-01 for USNO's table) UTC is undefined and every lookup
 * throws {@link TimeRangeError}; past the last entry the last value holds, and
 * {@link LeapSecondTable.taiMinusUtc} says whether the date is past the table's expiry.
 *
 * @example
 * ```ts
 * const table = LeapSecondTable.create([
 *   { startMjd: 41317, offsetS: 10, refMjd: 0, rateSPerDay: 0 },
 *   { startMjd: 41499, offsetS: 11, refMjd: 0, rateSPerDay: 0 },
 * ]);
 * table.taiMinusUtc(41400).valueS; // 10
 * ```
 */
export class LeapSecondTable {
  /** The segments, in chronological order. */
  readonly entries: readonly LeapSecondEntry[];
  /** Last UTC MJD vouched for by the publisher, or undefined when the file gives none. */
  readonly expiresMjd: number | undefined;
  /** UTC MJD of the last update, when known. */
  readonly updatedMjd: number | undefined;
  /** Where the table came from. */
  readonly source: string;

  // Columnar copies for the hot lookups.
  private readonly startMjd: Float64Array;
  private readonly offsetS: Float64Array;
  private readonly refMjd: Float64Array;
  private readonly rate: Float64Array;
  /** TAI at the start of each segment, whole seconds since J2000 (TAI, JD 2451545.0). */
  private readonly taiStartS: Float64Array;
  /** TAI at the start of each segment, fraction of a second in [0, 1). */
  private readonly taiStartF: Float64Array;
  /** Jump of TAI−UTC at the start of each segment, in seconds of the UTC clock (0 for the first). */
  private readonly jumpS: Float64Array;

  private constructor(entries: readonly LeapSecondEntry[], options: LeapSecondTableOptions) {
    this.entries = Object.freeze(entries.map((e) => Object.freeze({ ...e })));
    this.expiresMjd = options.expiresMjd;
    this.updatedMjd = options.updatedMjd;
    this.source = options.source ?? 'leap-second table';
    const n = entries.length;
    this.startMjd = new Float64Array(n);
    this.offsetS = new Float64Array(n);
    this.refMjd = new Float64Array(n);
    this.rate = new Float64Array(n);
    this.taiStartS = new Float64Array(n);
    this.taiStartF = new Float64Array(n);
    this.jumpS = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const e = entries[i]!;
      this.startMjd[i] = e.startMjd;
      this.offsetS[i] = e.offsetS;
      this.refMjd[i] = e.refMjd;
      this.rate[i] = e.rateSPerDay;
      const dat = e.offsetS + (e.startMjd - e.refMjd) * e.rateSPerDay;
      const datWhole = Math.floor(dat);
      this.taiStartS[i] = (e.startMjd - MJD_J2000) * SECONDS_PER_DAY + datWhole;
      this.taiStartF[i] = dat - datWhole;
      if (i > 0) {
        const p = entries[i - 1]!;
        // The jump in SI seconds, expressed in seconds of the drifting UTC of the segment it
        // ends (UTC ran slower than TAI by 1 + rate/86400 before 1972): that is how long the
        // extra 23:59:60.x reads on the UTC clock.
        const jump =
          (dat - (p.offsetS + (e.startMjd - p.refMjd) * p.rateSPerDay)) /
          (1 + p.rateSPerDay / SECONDS_PER_DAY);
        // Segments that meet without a step (1962-01-01) differ by rounding only: no step.
        this.jumpS[i] = Math.abs(jump) < JUMP_ROUNDING_S ? 0 : jump;
      }
    }
  }

  /**
   * Builds a table from its segments, checking that they are finite, that start days are
   * integers in strictly increasing order.
   *
   * @param entries - segments in chronological order
   * @param options - expiry, update date and source name
   * @returns the table
   * @throws {@link InvalidArgumentError} when a segment is not finite, not on a whole day, or
   *   out of order, or when the list is empty
   */
  static create(
    entries: readonly LeapSecondEntry[],
    options: LeapSecondTableOptions = {},
  ): LeapSecondTable {
    if (entries.length === 0) {
      throw new InvalidArgumentError(
        'entries',
        entries,
        '',
        'a leap-second table needs at least one entry',
      );
    }
    let previous = -Infinity;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      for (const key of ['startMjd', 'offsetS', 'refMjd', 'rateSPerDay'] as const) {
        if (!Number.isFinite(e[key])) {
          throw new InvalidArgumentError(`entries[${i}].${key}`, e[key], '', 'must be finite');
        }
      }
      if (!Number.isInteger(e.startMjd)) {
        throw new InvalidArgumentError(
          `entries[${i}].startMjd`,
          e.startMjd,
          'MJD',
          'must be a whole day',
        );
      }
      if (e.startMjd <= previous) {
        throw new InvalidArgumentError(
          `entries[${i}].startMjd`,
          e.startMjd,
          'MJD',
          `must come after the previous entry (MJD ${previous})`,
        );
      }
      previous = e.startMjd;
    }
    for (const key of ['expiresMjd', 'updatedMjd'] as const) {
      const v = options[key];
      if (v !== undefined && !Number.isFinite(v)) {
        throw new InvalidArgumentError(key, v, 'MJD', 'must be finite');
      }
    }
    return new LeapSecondTable(entries, options);
  }

  /** UTC MJD from which the table defines UTC. */
  get firstMjd(): number {
    return this.startMjd[0]!;
  }

  /**
   * TAI−UTC at a UTC date.
   *
   * @param mjdUtc - UTC modified Julian date, possibly fractional (the drift of the 1961–1971
   *   segments is evaluated at it)
   * @returns TAI−UTC in seconds and whether the date is past the table's expiry
   * @throws {@link TimeRangeError} before the table's first entry
   * @throws {@link InvalidArgumentError} for a date that is not finite
   */
  taiMinusUtc(mjdUtc: number): TaiMinusUtc {
    if (!Number.isFinite(mjdUtc)) {
      throw new InvalidArgumentError('mjdUtc', mjdUtc, 'MJD', 'must be a finite date');
    }
    const i = this.indexOfMjd(mjdUtc);
    return {
      valueS: this.offsetS[i]! + (mjdUtc - this.refMjd[i]!) * this.rate[i]!,
      beyondExpiry: this.expiresMjd !== undefined && mjdUtc > this.expiresMjd,
    };
  }

  /**
   * Length of a UTC day as read on the UTC clock: 86400 s plus the jump of TAI−UTC at the
   * following midnight (86401 s on a day that ends with a leap second; before 1972 the
   * fractional steps, in seconds of the drifting UTC).
   *
   * @param dayMjd - the UTC day, an integer MJD
   * @returns the day's length in SI seconds
   */
  dayLengthS(dayMjd: number): number {
    const next = this.indexOfStart(dayMjd + 1);
    return next < 0 ? SECONDS_PER_DAY : SECONDS_PER_DAY + this.jumpS[next]!;
  }

  /**
   * Index of the segment in force on a UTC date.
   *
   * @internal
   */
  indexOfMjd(mjdUtc: number): number {
    const starts = this.startMjd;
    let i = starts.length - 1;
    // Most dates are recent: walk back from the end (a handful of steps at worst).
    while (i >= 0 && starts[i]! > mjdUtc) i--;
    if (i < 0) {
      throw new TimeRangeError(
        'UTC',
        mjdUtc,
        'MJD',
        `UTC is defined only from MJD ${starts[0]} in ${this.source} (TAI−UTC is not tabulated earlier)`,
      );
    }
    return i;
  }

  private indexOfStart(mjd: number): number {
    const starts = this.startMjd;
    for (let i = starts.length - 1; i >= 0; i--) {
      const s = starts[i]!;
      if (s === mjd) return i;
      if (s < mjd) return -1;
    }
    return -1;
  }

  /**
   * TAI of a UTC instant given as a day and seconds into it, as whole seconds since J2000
   * TAI plus a fraction. `out[0]` gets the whole seconds, `out[1]` the fraction in [0, 1).
   * `secondsOfDay` may reach the day's length (86401 s on a leap-second day).
   *
   * @internal
   */
  utcToTaiInto(
    out: Float64Array | number[],
    dayMjd: number,
    sodWhole: number,
    sodFrac: number,
  ): void {
    const i = this.indexOfMjd(dayMjd);
    const rate = this.rate[i]!;
    let dat = this.offsetS[i]!;
    if (rate !== 0)
      dat += (dayMjd + (sodWhole + sodFrac) / SECONDS_PER_DAY - this.refMjd[i]!) * rate;
    const datWhole = Math.floor(dat);
    let s = (dayMjd - MJD_J2000) * SECONDS_PER_DAY + sodWhole + datWhole;
    let f = sodFrac + (dat - datWhole);
    if (f >= 1) {
      f -= 1;
      s += 1;
    }
    out[0] = s;
    out[1] = f;
  }

  /**
   * UTC day and seconds of day of a TAI instant (whole seconds since J2000 TAI plus a
   * fraction). Writes `out[0]` = day (integer MJD), `out[1]` = whole seconds of day,
   * `out[2]` = fraction of a second. Seconds of day reach 86400 and beyond only inside a
   * positive leap second.
   *
   * @internal
   */
  taiToUtcInto(out: Float64Array | number[], taiS: number, taiF: number): void {
    const ts = this.taiStartS;
    const tf = this.taiStartF;
    let i = ts.length - 1;
    while (i >= 0 && (ts[i]! > taiS || (ts[i] === taiS && tf[i]! > taiF))) i--;
    if (i < 0) {
      throw new TimeRangeError(
        'TAI',
        taiS + taiF,
        's since J2000',
        `UTC is defined only from MJD ${this.startMjd[0]} in ${this.source}`,
      );
    }
    // Elapsed TAI since the segment started, then UTC seconds since its first midnight.
    let ds = taiS - ts[i]!;
    let df = taiF - tf[i]!;
    if (df < 0) {
      df += 1;
      ds -= 1;
    }
    const rate = this.rate[i]!;
    if (rate !== 0) {
      // TAI runs faster than the drifting UTC by (1 + rate/86400): UTC elapsed = x − c with
      // c = x·rate/(86400 + rate). Only the small correction c is computed in one double, so
      // the two-part elapsed time keeps its nanoseconds.
      const c = ((ds + df) * rate) / (SECONDS_PER_DAY + rate);
      const cw = Math.floor(c);
      ds -= cw;
      df -= c - cw;
      if (df < 0) {
        df += 1;
        ds -= 1;
      }
    }
    const start = this.startMjd[i]!;
    let day = start + Math.floor(ds / SECONDS_PER_DAY);
    let sod = ds - (day - start) * SECONDS_PER_DAY;
    if (i + 1 < ts.length) {
      const nextStart = this.startMjd[i + 1]!;
      if (day >= nextStart) {
        // TAI has not reached the next segment although the UTC clock passed its midnight:
        // a positive leap second, counted as 23:59:60.x of the day before.
        const over = day - (nextStart - 1);
        day = nextStart - 1;
        sod += over * SECONDS_PER_DAY;
      }
    }
    out[0] = day;
    out[1] = sod;
    out[2] = df;
  }

  /**
   * Checks a parsed line-oriented source for chronological order; shared by the parsers.
   *
   * @internal
   */
  static assertIncreasing(source: string, line: number, previousMjd: number, mjd: number): void {
    if (mjd <= previousMjd) {
      throw new DataFormatError(
        source,
        line,
        `MJD ${mjd} does not come after the previous entry (MJD ${previousMjd})`,
      );
    }
  }
}
