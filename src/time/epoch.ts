import { InvalidArgumentError, MissingDataError, TimeFormatError } from '../errors';
import {
  DAYS_PER_JULIAN_CENTURY,
  JD_MJD0,
  L_B,
  L_G,
  MJD_GPS_EPOCH,
  MJD_J2000,
  SECONDS_PER_DAY,
  SECONDS_PER_WEEK,
  T0_J2000_FRAC_S,
  T0_J2000_WHOLE_S,
  TAI_MINUS_GPS_S,
  TDB0_S,
} from './constants';
import { DEFAULT_LEAP_SECONDS } from './defaultLeapSeconds';
import type { EopValues } from './eop';
import { calendarFromMjdInto, dayOfYear, daysInMonth, mjdFromCalendar } from './internal/calendar';
import { tdbMinusTtS } from './internal/dtdb';
import { type IsoFields, MAX_FRACTION_DIGITS, padInt, parseIsoInto, pow10 } from './internal/iso';
import type { LeapSecondTable } from './leapSeconds';
import { isTimeScale, type TimeScale } from './scales';
import type { TimeData } from './timeData';

/**
 * Where an observer sits for the topocentric terms of TDB−TT (a few microseconds): the
 * quantities SOFA's `iauDtdb` takes.
 */
export interface TdbObserver {
  /** East longitude, rad. */
  readonly eastLongitudeRad: number;
  /** Distance from the Earth's spin axis, km. */
  readonly spinAxisDistanceKm: number;
  /** Distance north of the equatorial plane, km. */
  readonly equatorialPlaneDistanceKm: number;
}

/** Data and settings a conversion may use; every field is optional. */
export interface TimeOptions {
  /**
   * Leap seconds and EOP. Default: the bundled leap-second table and no EOP (so UT1 then
   * needs `ut1MinusUtcS`). Pass {@link DEFAULT_TIME_DATA} for the bundled EOP.
   */
  readonly timeData?: TimeData;
  /**
   * A fixed UT1−UTC, s, used instead of EOP (as in textbook examples that quote dUT1). UT1 so
   * defined steps with UTC at a leap second, so a UT1 reading within the second before the
   * step matches two instants; use EOP for spans that cross a leap second.
   */
  readonly ut1MinusUtcS?: number;
  /**
   * Observer for the topocentric terms of TDB−TT; geocentric TDB when omitted. The terms
   * take the time of day from UTC (an error below 0.2 ns against UT1).
   */
  readonly observer?: TdbObserver;
}

/** Options of {@link Epoch.toIso}. */
export interface IsoFormatOptions extends TimeOptions {
  /** Digits after the decimal point, 0..12. Default 9 (nanoseconds). */
  readonly fractionDigits?: number;
  /** Write the date as year and day of year (`2007-064T…`). Default false. */
  readonly dayOfYear?: boolean;
  /** Append `Z` (allowed for UTC only). Default false. */
  readonly utcDesignator?: boolean;
}

/** A calendar date and time of day in some scale. */
export interface CalendarFields {
  /** Year (proleptic Gregorian). */
  readonly year: number;
  /** Month, 1..12. */
  readonly month: number;
  /** Day of month, 1..31. */
  readonly day: number;
  /** Hour, 0..23. Default 0. */
  readonly hour?: number;
  /** Minute, 0..59. Default 0. */
  readonly minute?: number;
  /** Second with its fraction, [0, 60), or [60, 61) inside a UTC leap second. Default 0. */
  readonly second?: number;
}

/** A calendar date and time of day as read from an {@link Epoch}. */
export interface CalendarDateTime {
  /** Year. */
  readonly year: number;
  /** Month, 1..12. */
  readonly month: number;
  /** Day of month. */
  readonly day: number;
  /** Day of year, 1..366. */
  readonly dayOfYear: number;
  /** Hour, 0..23. */
  readonly hour: number;
  /** Minute, 0..59. */
  readonly minute: number;
  /** Whole seconds, 0..60 (60 inside a UTC leap second). */
  readonly second: number;
  /** Fraction of the second, [0, 1). */
  readonly fraction: number;
}

/** A two-part Julian or modified Julian date: the value is `[0] + [1]`. */
export type TwoPartDate = readonly [number, number];

/** The time data in force at an instant: see {@link Epoch.timeDataAt}. */
export interface TimeDataAt {
  /** UTC modified Julian date of the instant (SOFA's quasi-MJD inside a leap second). */
  readonly mjdUtc: number;
  /** TAI−UTC, s. */
  readonly taiMinusUtcS: number;
  /** True past the leap-second table's expiry: a leap second announced since is unknown. */
  readonly leapSecondsBeyondExpiry: boolean;
  /** EOP values and their status, when the time data has EOP. */
  readonly eop: EopValues | undefined;
}

/** GPS week and seconds into it. */
export interface GpsWeekSeconds {
  /** Weeks since 1980-01-06T00:00:00 UTC (not rolled over at 1024). */
  readonly week: number;
  /** Seconds into the week, [0, 604800). */
  readonly secondsOfWeek: number;
}

// Offsets of the scales fixed to TAI, as whole seconds and fraction.
const TT_WHOLE = 32;
const TT_FRAC = 0.184;
const ELG = L_G / (1 - L_G); // TCG−TT per second of TT since T0
const ELB = L_B / (1 - L_B); // TCB−TDB per second of TDB since T0
const MJD_J2000_MIDNIGHT = 51544; // J2000 is at 12:00, half a day after this midnight
const HALF_DAY_S = SECONDS_PER_DAY / 2;
// GPS-scale seconds since J2000 of the GPS origin 1980-01-06T00:00:00 (GPS).
const GPS_ORIGIN_S = (MJD_GPS_EPOCH - MJD_J2000) * SECONDS_PER_DAY;
const UNIX_EPOCH_MJD = 40587;

let construct: (s: number, f: number) => Epoch;

/**
 * An instant, independent of any time scale. Immutable.
 *
 * Stored as whole TAI seconds since J2000 (2000-01-01T12:00:00 TAI) and a fraction of a
 * second, so that every conversion that is exact by definition (TAI, TT, GPS, TCG, and UTC
 * given the leap-second table) keeps nanoseconds over centuries. Factories read a
 * representation in a scale (`fromIso`, `fromJd`, `fromMjd`, `fromCalendar`,
 * `fromGpsWeekSeconds`, `fromDate`); readers write one (`toIso`, `toJdParts`, `toMjd`, …).
 *
 * UTC is defined from 1961-01-01 (the start of the TAI−UTC table); earlier UTC dates throw
 * {@link TimeRangeError}. Inside a leap second UTC reads 23:59:60.x. UT1 needs EOP through
 * `timeData` or a fixed `ut1MinusUtcS`.
 *
 * @example
 * ```ts
 * const t = Epoch.fromIso('2016-12-31T23:59:60.5', 'UTC');
 * t.toIso('TAI'); // '2017-01-01T00:00:36.500000000'
 * t.toIso('UTC', { fractionDigits: 1 }); // '2016-12-31T23:59:60.5'
 * ```
 */
export class Epoch {
  /** Whole TAI seconds since J2000 TAI. */
  private readonly s: number;
  /** Fraction of a TAI second, [0, 1). */
  private readonly f: number;

  private constructor(s: number, f: number) {
    this.s = s;
    this.f = f;
  }

  static {
    construct = (s, f) => new Epoch(s, f);
  }

  // ---------------------------------------------------------------- factories

  /**
   * Reads an ISO 8601 date-time in a scale: `YYYY-MM-DDTHH:MM:SS[.f]` or the ordinal form
   * `YYYY-DDDTHH:MM:SS[.f]`, with up to 12 fractional digits and an optional trailing `Z`
   * (UTC only). A date alone means 00:00:00.
   *
   * @param text - the date-time
   * @param scale - the scale it is written in
   * @param options - leap-second data (for UTC) and EOP (for UT1)
   * @returns the instant
   * @throws {@link TimeFormatError} for bad syntax, an impossible date, hour 24, a leap second
   *   on a day without one, or `Z` with a scale other than UTC
   * @throws {@link TimeRangeError} for UTC before 1961
   * @example
   * ```ts
   * Epoch.fromIso('2007-064T10:34:41.4264', 'UTC').toIso('UTC', { fractionDigits: 4 });
   * // '2007-03-05T10:34:41.4264'
   * ```
   */
  static fromIso(text: string, scale: TimeScale, options?: TimeOptions): Epoch {
    const scratch2 = [0, 0];
    const isoScratch: IsoFields = { mjd: 0, sodWhole: 0, fraction: 0, utcDesignator: false };
    parseIsoInto(isoScratch, text);
    if (isoScratch.utcDesignator && scale !== 'UTC') {
      throw new TimeFormatError(text, `"Z" marks UTC but the scale given is ${scale}`);
    }
    const { mjd, sodWhole, fraction } = isoScratch;
    if (scale === 'UTC') {
      const table = leapTable(options);
      // 86400 s plus the leap second, or minus the negative steps of 1961 and 1968.
      const dayLength = table.dayLengthS(mjd);
      if (sodWhole + fraction >= dayLength) {
        throw new TimeFormatError(
          text,
          sodWhole >= SECONDS_PER_DAY
            ? 'this UTC day has no leap second'
            : `this UTC day ends after ${dayLength} s (a negative step of TAI−UTC)`,
        );
      }
      table.utcToTaiInto(scratch2, mjd, sodWhole, fraction);
      return new Epoch(scratch2[0]!, scratch2[1]!);
    }
    if (sodWhole >= SECONDS_PER_DAY) {
      throw new TimeFormatError(text, `second 60 exists only in UTC, not in ${scale}`);
    }
    return fromScaleSeconds(
      (mjd - MJD_J2000_MIDNIGHT) * SECONDS_PER_DAY - HALF_DAY_S + sodWhole,
      fraction,
      scale,
      options,
    );
  }

  /**
   * An instant from a Julian date in a scale, in two parts as SOFA takes it: the date is
   * jd1 + jd2, and splitting it (for example the JD of 00:00 and the fraction of the day)
   * keeps the precision. Either part may hold the larger value. For UTC, the day's fraction
   * is scaled by the length of that UTC day (86401 s on a leap-second day), as SOFA does.
   *
   * @param jd1 - first part of the Julian date, days
   * @param jd2 - second part, days (0 when the date is given whole)
   * @param scale - the scale
   * @param options - leap seconds (UTC) and EOP (UT1)
   * @returns the instant
   * @throws {@link InvalidArgumentError} for a non-finite date
   * @example
   * ```ts
   * Epoch.fromJd(2453750.5, 0.892482639, 'TAI').toJdParts('TT'); // [2453750.5, 0.892855139]
   * ```
   */
  static fromJd(jd1: number, jd2: number, scale: TimeScale, options?: TimeOptions): Epoch {
    checkFinite('jd1', jd1, 'd');
    checkFinite('jd2', jd2, 'd');
    // Take the MJD offset off the larger part: the subtraction is then exact, whichever
    // order the caller split the date in.
    return Math.abs(jd1) >= Math.abs(jd2)
      ? Epoch.fromMjdSplit(jd1 - JD_MJD0, jd2, scale, options)
      : Epoch.fromMjdSplit(jd1, jd2 - JD_MJD0, scale, options);
  }

  /**
   * An instant from a modified Julian date (JD − 2400000.5) in a scale, in two parts as
   * {@link Epoch.fromJd}. UTC is handled as there.
   *
   * @param mjd1 - first part of the modified Julian date, days
   * @param mjd2 - second part, days (0 when the date is given whole)
   * @param scale - the scale
   * @param options - leap seconds (UTC) and EOP (UT1)
   * @returns the instant
   * @throws {@link InvalidArgumentError} for a non-finite date
   * @example
   * ```ts
   * Epoch.fromMjd(51544, 0.5, 'TT').toIso('TT', { fractionDigits: 0 }); // '2000-01-01T12:00:00'
   * ```
   */
  static fromMjd(mjd1: number, mjd2: number, scale: TimeScale, options?: TimeOptions): Epoch {
    checkFinite('mjd1', mjd1, 'd');
    checkFinite('mjd2', mjd2, 'd');
    return Epoch.fromMjdSplit(mjd1, mjd2, scale, options);
  }

  /**
   * An instant from Julian centuries of 36525 days since J2000 in a scale (the `T` of the IAU
   * models). One number: about 0.1 µs resolution in the 21st century.
   *
   * @param centuries - T, Julian centuries since JD 2451545.0
   * @param scale - the scale
   * @param options - leap seconds (UTC) and EOP (UT1)
   * @returns the instant
   * @throws {@link InvalidArgumentError} for a non-finite value
   * @example
   * ```ts
   * Epoch.fromJulianCenturies(0, 'TT').toIso('TT', { fractionDigits: 0 }); // '2000-01-01T12:00:00'
   * ```
   */
  static fromJulianCenturies(centuries: number, scale: TimeScale, options?: TimeOptions): Epoch {
    checkFinite('centuries', centuries, 'Julian centuries');
    const days = centuries * DAYS_PER_JULIAN_CENTURY;
    const whole = Math.floor(days);
    return Epoch.fromMjdSplit(MJD_J2000 + whole, days - whole, scale, options);
  }

  /**
   * An instant from a calendar date and time of day in a scale.
   *
   * @param fields - year, month, day, and optional hour, minute, second (with fraction)
   * @param scale - the scale
   * @param options - leap seconds (UTC) and EOP (UT1)
   * @returns the instant
   * @throws {@link InvalidArgumentError} for a field out of range
   * @example
   * ```ts
   * const fields = { year: 2004, month: 4, day: 6, hour: 7, minute: 51, second: 28.386009 };
   * Epoch.fromCalendar(fields, 'UTC').toIso('UTC', { fractionDigits: 6 }); // '2004-04-06T07:51:28.386009'
   * ```
   */
  static fromCalendar(fields: CalendarFields, scale: TimeScale, options?: TimeOptions): Epoch {
    const scratch2 = [0, 0];
    const { year, month, day, hour = 0, minute = 0, second = 0 } = fields;
    checkInt('year', year, 0, 9999);
    checkInt('month', month, 1, 12);
    checkInt('day', day, 1, daysInMonth(year, month));
    checkInt('hour', hour, 0, 23);
    checkInt('minute', minute, 0, 59);
    checkFinite('second', second, 's');
    if (second < 0 || second >= 61) {
      throw new InvalidArgumentError('second', second, 's', 'must be in [0, 61)');
    }
    const whole = Math.floor(second);
    const frac = second - whole;
    const mjd = mjdFromCalendar(year, month, day);
    const sodWhole = hour * 3600 + minute * 60 + whole;
    if (whole >= 60 && (scale !== 'UTC' || hour !== 23 || minute !== 59)) {
      throw new InvalidArgumentError(
        'second',
        second,
        's',
        'must be below 60 except at 23:59 UTC on a day with a leap second',
      );
    }
    if (scale === 'UTC') {
      const table = leapTable(options);
      if (sodWhole + frac >= table.dayLengthS(mjd)) {
        throw new InvalidArgumentError('second', second, 's', 'past the end of this UTC day');
      }
      table.utcToTaiInto(scratch2, mjd, sodWhole, frac);
      return new Epoch(scratch2[0]!, scratch2[1]!);
    }
    return fromScaleSeconds(
      (mjd - MJD_J2000_MIDNIGHT) * SECONDS_PER_DAY - HALF_DAY_S + sodWhole,
      frac,
      scale,
      options,
    );
  }

  /**
   * An instant from seconds since J2000 (JD 2451545.0, i.e. 2000-01-01T12:00:00) of a scale
   * other than UTC, given as a whole part and a fraction for full precision.
   *
   * @param seconds - seconds since J2000 in `scale`, s
   * @param scale - any scale but UTC (whose seconds are ambiguous across leap seconds)
   * @param fraction - an extra fraction of a second added to `seconds`, s. Default 0.
   * @param options - EOP for UT1
   * @returns the instant
   * @throws {@link InvalidArgumentError} for UTC or a non-finite value
   * @example
   * ```ts
   * Epoch.fromSecondsSinceJ2000(0, 'TT').toIso('TAI'); // '2000-01-01T11:59:27.816000000'
   * ```
   */
  static fromSecondsSinceJ2000(
    seconds: number,
    scale: Exclude<TimeScale, 'UTC'>,
    fraction = 0,
    options?: TimeOptions,
  ): Epoch {
    checkFinite('seconds', seconds, 's');
    checkFinite('fraction', fraction, 's');
    if ((scale as TimeScale) === 'UTC') {
      throw new InvalidArgumentError(
        'scale',
        scale,
        '',
        'UTC seconds are ambiguous; use fromIso or fromMjd',
      );
    }
    const w = Math.floor(seconds);
    return fromScaleSeconds(w, seconds - w + fraction, scale, options);
  }

  /**
   * An instant from a GPS week and seconds of week (weeks counted from 1980-01-06 without
   * the 1024-week roll-over).
   *
   * @param week - GPS week number
   * @param secondsOfWeek - seconds into the week, s
   * @returns the instant
   * @throws {@link InvalidArgumentError} for a non-integer week or non-finite seconds
   * @example
   * ```ts
   * Epoch.fromGpsWeekSeconds(0, 0).toIso('UTC', { fractionDigits: 0 }); // '1980-01-06T00:00:00'
   * ```
   */
  static fromGpsWeekSeconds(week: number, secondsOfWeek: number): Epoch {
    checkInt('week', week, -1e7, 1e7);
    checkFinite('secondsOfWeek', secondsOfWeek, 's');
    const w = Math.floor(secondsOfWeek);
    return fromScaleSeconds(GPS_ORIGIN_S + week * SECONDS_PER_WEEK + w, secondsOfWeek - w, 'GPS');
  }

  /**
   * An instant from a JavaScript `Date` (milliseconds of UTC, with no leap seconds).
   *
   * @param date - the date
   * @param options - leap seconds
   * @returns the instant
   * @throws {@link InvalidArgumentError} for an invalid Date
   * @example
   * ```ts
   * Epoch.fromDate(new Date(Date.UTC(2020, 0, 1))).toIso('UTC', { fractionDigits: 0 }); // '2020-01-01T00:00:00'
   * ```
   */
  static fromDate(date: Date, options?: TimeOptions): Epoch {
    const scratch2 = [0, 0];
    const ms = date.getTime();
    checkFinite('date', ms, 'ms');
    const dayOffset = Math.floor(ms / 86_400_000);
    const msOfDay = ms - dayOffset * 86_400_000;
    const sodWhole = Math.floor(msOfDay / 1000);
    leapTable(options).utcToTaiInto(
      scratch2,
      UNIX_EPOCH_MJD + dayOffset,
      sodWhole,
      (msOfDay - sodWhole * 1000) / 1000,
    );
    return new Epoch(scratch2[0]!, scratch2[1]!);
  }

  private static fromMjdSplit(
    a: number,
    b: number,
    scale: TimeScale,
    options?: TimeOptions,
  ): Epoch {
    const scratch2 = [0, 0];
    // Split both parts into whole days and fractions so that no digit is lost.
    const ai = Math.floor(a);
    const bi = Math.floor(b);
    let day = ai + bi;
    let frac = a - ai + (b - bi);
    if (frac >= 1) {
      frac -= 1;
      day += 1;
    }
    if (scale === 'UTC') {
      const table = leapTable(options);
      const sod = frac * table.dayLengthS(day);
      const w = Math.floor(sod);
      table.utcToTaiInto(scratch2, day, w, sod - w);
      return new Epoch(scratch2[0]!, scratch2[1]!);
    }
    const sod = frac * SECONDS_PER_DAY;
    const w = Math.floor(sod);
    return fromScaleSeconds(
      (day - MJD_J2000_MIDNIGHT) * SECONDS_PER_DAY - HALF_DAY_S + w,
      sod - w,
      scale,
      options,
    );
  }

  // ---------------------------------------------------------------- readers

  /**
   * Seconds since J2000 (JD 2451545.0) in a scale other than UTC, as a whole part and a
   * fraction in [0, 1): `[whole, fraction]`.
   *
   * @param scale - any scale but UTC
   * @param options - EOP for UT1, observer for TDB
   * @returns `[whole seconds, fraction]`, s
   * @throws {@link InvalidArgumentError} for UTC
   * @example
   * ```ts
   * Epoch.fromIso('2000-01-01T12:00:00', 'TT').toSecondsSinceJ2000('TT'); // [0, 0]
   * ```
   */
  toSecondsSinceJ2000(
    scale: Exclude<TimeScale, 'UTC'>,
    options?: TimeOptions,
  ): readonly [number, number] {
    const scratch2 = [0, 0];
    this.scaleSecondsInto(scratch2, scale, options);
    return [scratch2[0]!, scratch2[1]!];
  }

  /**
   * The Julian date in a scale, as two parts `[jd1, jd2]`: jd1 is the JD of 00:00 of the
   * day (…​.5) and jd2 the fraction of the day, [0, 1). For UTC the fraction is of that UTC
   * day's length (SOFA's convention, 86401 s on a leap-second day).
   *
   * @param scale - the scale
   * @param options - leap seconds, EOP, observer
   * @returns `[jd1, jd2]`, days
   * @example
   * ```ts
   * Epoch.fromIso('2006-01-15T21:24:37.5', 'UTC').toJdParts('TAI'); // [2453750.5, 0.89248263888…]
   * ```
   */
  toJdParts(scale: TimeScale, options?: TimeOptions): TwoPartDate {
    const scratch2 = [0, 0];
    this.mjdPartsInto(scratch2, scale, options);
    return [scratch2[0]! + JD_MJD0, scratch2[1]!];
  }

  /**
   * The Julian date in a scale as one number (about 20 µs resolution; use
   * {@link Epoch.toJdParts} for full precision).
   *
   * @param scale - the scale
   * @param options - leap seconds, EOP, observer
   * @returns Julian date, days
   * @example
   * ```ts
   * Epoch.fromIso('2000-01-01T12:00:00', 'TT').toJd('TT'); // 2451545
   * ```
   */
  toJd(scale: TimeScale, options?: TimeOptions): number {
    const scratch2 = [0, 0];
    this.mjdPartsInto(scratch2, scale, options);
    return scratch2[0]! + JD_MJD0 + scratch2[1]!;
  }

  /**
   * The modified Julian date in a scale, as two parts `[day, fraction]` (day an integer).
   *
   * @param scale - the scale
   * @param options - leap seconds, EOP, observer
   * @returns `[integer MJD, fraction of day]`
   * @example
   * ```ts
   * Epoch.fromIso('2004-04-06T12:00:00', 'UTC').toMjdParts('UTC'); // [53101, 0.5]
   * ```
   */
  toMjdParts(scale: TimeScale, options?: TimeOptions): TwoPartDate {
    const scratch2 = [0, 0];
    this.mjdPartsInto(scratch2, scale, options);
    return [scratch2[0]!, scratch2[1]!];
  }

  /**
   * The modified Julian date in a scale as one number (about 1 µs resolution).
   *
   * @param scale - the scale
   * @param options - leap seconds, EOP, observer
   * @returns modified Julian date, days
   * @example
   * ```ts
   * Epoch.fromIso('2004-04-06T12:00:00', 'UTC').toMjd('UTC'); // 53101.5
   * ```
   */
  toMjd(scale: TimeScale, options?: TimeOptions): number {
    const scratch2 = [0, 0];
    this.mjdPartsInto(scratch2, scale, options);
    return scratch2[0]! + scratch2[1]!;
  }

  /**
   * Julian centuries of 36525 days since J2000 in a scale (the `T` of the IAU models).
   *
   * @param scale - the scale (TT for precession-nutation, UT1 for sidereal time, TDB for
   *   planetary theories)
   * @param options - leap seconds, EOP, observer
   * @returns T, Julian centuries
   * @example
   * ```ts
   * Epoch.fromIso('2004-05-14T16:43:00', 'UTC').toJulianCenturies('TT'); // 0.04367412103075…
   * ```
   */
  toJulianCenturies(scale: TimeScale, options?: TimeOptions): number {
    const scratch2 = [0, 0];
    this.mjdPartsInto(scratch2, scale, options);
    return (scratch2[0]! - MJD_J2000 + scratch2[1]!) / DAYS_PER_JULIAN_CENTURY;
  }

  /**
   * The calendar date and time of day in a scale; inside a UTC leap second `second` is 60.
   *
   * @param scale - the scale
   * @param options - leap seconds, EOP, observer
   * @returns the calendar fields
   * @example
   * ```ts
   * Epoch.fromIso('2016-12-31T23:59:60.25', 'UTC').toCalendar('UTC').second; // 60
   * ```
   */
  toCalendar(scale: TimeScale, options?: TimeOptions): CalendarDateTime {
    const scratch3 = [0, 0, 0];
    const calScratch = [0, 0, 0];
    this.daySecondsInto(scratch3, scale, options);
    const day = scratch3[0]!;
    const sod = scratch3[1]!;
    const fraction = scratch3[2]!;
    calendarFromMjdInto(calScratch, day);
    const [year, month, dom] = calScratch as [number, number, number];
    const hms = splitSod(sod);
    return {
      year,
      month,
      day: dom,
      dayOfYear: dayOfYear(year, month, dom),
      hour: hms[0],
      minute: hms[1],
      second: hms[2],
      fraction,
    };
  }

  /**
   * ISO 8601 text in a scale, rounded to `fractionDigits` (default 9). A UTC leap second is
   * written 23:59:60.x.
   *
   * @param scale - the scale
   * @param options - digits, ordinal-date form, `Z`, and the time data
   * @returns the text, e.g. `2004-04-06T07:51:28.386009000`
   * @throws {@link InvalidArgumentError} for digits outside 0..12, `Z` with a scale other than
   *   UTC, or a year outside 0..9999
   * @example
   * ```ts
   * Epoch.fromIso('2007-03-05T10:34:41.4264Z', 'UTC').toIso('UTC', { dayOfYear: true, fractionDigits: 4 });
   * // '2007-064T10:34:41.4264'
   * ```
   */
  toIso(scale: TimeScale, options?: IsoFormatOptions): string {
    const scratch3 = [0, 0, 0];
    const calScratch = [0, 0, 0];
    const digits = options?.fractionDigits ?? 9;
    if (!Number.isInteger(digits) || digits < 0 || digits > MAX_FRACTION_DIGITS) {
      throw new InvalidArgumentError(
        'fractionDigits',
        digits,
        'digits',
        `must be an integer in 0..${MAX_FRACTION_DIGITS}`,
      );
    }
    if (options?.utcDesignator && scale !== 'UTC') {
      throw new InvalidArgumentError('utcDesignator', true, '', `"Z" marks UTC, not ${scale}`);
    }
    this.daySecondsInto(scratch3, scale, options);
    let day = scratch3[0]!;
    let sod = scratch3[1]!;
    const unit = pow10(digits);
    let units = Math.round(scratch3[2]! * unit);
    if (units >= unit) {
      units -= unit;
      sod += 1;
      const dayLength = scale === 'UTC' ? leapTable(options).dayLengthS(day) : SECONDS_PER_DAY;
      if (sod + units / unit >= dayLength) {
        // Rounded up into the next day (dayLength is whole since 1972; before, the 1960s
        // fractional steps leave a remainder below one printed unit).
        const rest = sod + units / unit - dayLength;
        day += 1;
        sod = Math.floor(rest);
        units = Math.round((rest - sod) * unit);
      }
    }
    calendarFromMjdInto(calScratch, day);
    const year = calScratch[0]!;
    if (year < 0 || year > 9999) {
      throw new InvalidArgumentError(
        'year',
        year,
        '',
        'ISO 8601 text is written for years 0..9999',
      );
    }
    const hms = splitSod(sod);
    let text = padInt(year, 4);
    if (options?.dayOfYear) {
      text += `-${padInt(dayOfYear(year, calScratch[1]!, calScratch[2]!), 3)}`;
    } else {
      text += `-${padInt(calScratch[1]!, 2)}-${padInt(calScratch[2]!, 2)}`;
    }
    text += `T${padInt(hms[0], 2)}:${padInt(hms[1], 2)}:${padInt(hms[2], 2)}`;
    if (digits > 0) text += `.${padInt(units, digits)}`;
    if (options?.utcDesignator) text += 'Z';
    return text;
  }

  /**
   * GPS week and seconds of week.
   *
   * @returns week (no roll-over) and seconds into it, s
   * @example
   * ```ts
   * Epoch.fromIso('1980-01-13T00:00:00', 'UTC').toGpsWeekSeconds(); // { week: 1, secondsOfWeek: 0 }
   * ```
   */
  toGpsWeekSeconds(): GpsWeekSeconds {
    const s = this.s - TAI_MINUS_GPS_S - GPS_ORIGIN_S;
    const week = Math.floor(s / SECONDS_PER_WEEK);
    const secondsOfWeek = s - week * SECONDS_PER_WEEK + this.f;
    // Within 6e-11 s of the week's end the sum rounds to 604800: that is the next week.
    return secondsOfWeek < SECONDS_PER_WEEK
      ? { week, secondsOfWeek }
      : { week: week + 1, secondsOfWeek: 0 };
  }

  /**
   * A JavaScript `Date` (milliseconds of UTC, rounded down). `Date` has no leap seconds: an
   * instant inside one maps to 23:59:59.999.
   *
   * @param options - leap seconds
   * @returns the Date
   * @example
   * ```ts
   * Epoch.fromIso('2020-01-01T00:00:00.0015', 'UTC').toDate().toISOString(); // '2020-01-01T00:00:00.001Z'
   * ```
   */
  toDate(options?: TimeOptions): Date {
    const scratch3 = [0, 0, 0];
    leapTable(options).taiToUtcInto(scratch3, this.s, this.f);
    const day = scratch3[0]!;
    let ms = Math.floor(scratch3[1]! * 1000 + scratch3[2]! * 1000);
    if (ms >= 86_400_000) ms = 86_399_999;
    return new Date((day - UNIX_EPOCH_MJD) * 86_400_000 + ms);
  }

  /**
   * The time data in force at this instant, and how far to trust it: TAI−UTC and whether the
   * leap-second table still vouches for the date, and (when `timeData` has EOP) the Earth
   * orientation parameters with their `status` (`'interpolated'`, `'held'` or `'predicted'`).
   * Conversions use exactly these values, so this is where an extrapolation shows.
   *
   * @param options - the time data; without EOP, `eop` is undefined
   * @returns the values and their status
   * @throws {@link TimeRangeError} before 1961 (UTC undefined)
   * @throws {@link DataRangeError} where the EOP policy gives no value
   * @example
   * ```ts
   * const t = Epoch.fromIso('2004-04-06T00:00:00', 'UTC');
   * const info = t.timeDataAt({ timeData: DEFAULT_TIME_DATA });
   * info.taiMinusUtcS; // 32
   * info.leapSecondsBeyondExpiry; // false
   * info.eop?.status; // 'interpolated'
   * info.eop?.ut1MinusUtcS; // -0.4399498
   * ```
   */
  timeDataAt(options?: TimeOptions): TimeDataAt {
    const table = leapTable(options);
    const scratch3 = [0, 0, 0];
    table.taiToUtcInto(scratch3, this.s, this.f);
    const day = scratch3[0]!;
    const mjdUtc = day + (scratch3[1]! + scratch3[2]!) / table.dayLengthS(day);
    const dat = table.taiMinusUtc(mjdUtc);
    return {
      mjdUtc,
      taiMinusUtcS: dat.valueS,
      leapSecondsBeyondExpiry: dat.beyondExpiry,
      eop: options?.timeData?.eop?.at(mjdUtc),
    };
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * Seconds elapsed since another instant (SI seconds, as counted by TAI).
   *
   * @param other - the earlier instant
   * @returns this − other, s
   * @example
   * ```ts
   * const a = Epoch.fromIso('2016-12-31T23:59:59', 'UTC');
   * Epoch.fromIso('2017-01-01T00:00:00', 'UTC').secondsSince(a); // 2 (a leap second between)
   * ```
   */
  secondsSince(other: Epoch): number {
    return this.s - other.s + (this.f - other.f);
  }

  /**
   * The instant a number of SI seconds later (earlier when negative).
   *
   * @param seconds - elapsed time, s
   * @returns a new instant
   * @throws {@link InvalidArgumentError} for a non-finite value
   * @example
   * ```ts
   * Epoch.fromIso('2016-12-31T23:59:59', 'UTC').plusSeconds(1).toIso('UTC', { fractionDigits: 0 });
   * // '2016-12-31T23:59:60'
   * ```
   */
  plusSeconds(seconds: number): Epoch {
    checkFinite('seconds', seconds, 's');
    const w = Math.floor(seconds);
    return make(this.s + w, this.f + (seconds - w));
  }

  /**
   * Compares two instants.
   *
   * @param other - the other instant
   * @returns a negative number, 0 or a positive number as this is before, equal to, or
   *   after `other`
   * @example
   * ```ts
   * Epoch.fromIso('2020-01-01', 'UTC').compare(Epoch.fromIso('2020-01-02', 'UTC')); // -1
   * ```
   */
  compare(other: Epoch): number {
    if (this.s !== other.s) return this.s < other.s ? -1 : 1;
    return this.f === other.f ? 0 : this.f < other.f ? -1 : 1;
  }

  /**
   * Whether two instants are the same, or within a tolerance.
   *
   * @param other - the other instant
   * @param toleranceS - largest difference accepted, s. Default 0.
   * @returns true when |this − other| ≤ toleranceS
   * @example
   * ```ts
   * Epoch.fromIso('2020-01-01T00:00:00', 'UTC').equals(Epoch.fromIso('2020-01-01T00:00:32.184', 'TT')); // false
   * ```
   */
  equals(other: Epoch, toleranceS = 0): boolean {
    return Math.abs(this.secondsSince(other)) <= toleranceS;
  }

  /** ISO 8601 text in TAI with nanoseconds and the scale named, for debugging. */
  toString(): string {
    return `${this.toIso('TAI')} TAI`;
  }

  // ---------------------------------------------------------------- internals

  /** Seconds since J2000 of a scale other than UTC: out = [whole, fraction in [0,1)]. */
  private scaleSecondsInto(out: number[], scale: TimeScale, options?: TimeOptions): void {
    const s = this.s;
    const f = this.f;
    switch (scale) {
      case 'TAI':
        normalizeInto(out, s, f);
        return;
      case 'TT':
        normalizeInto(out, s + TT_WHOLE, f + TT_FRAC);
        return;
      case 'GPS':
        normalizeInto(out, s - TAI_MINUS_GPS_S, f);
        return;
      case 'TCG': {
        const ts = s + TT_WHOLE;
        const tf = f + TT_FRAC;
        // TCG − TT = L_G/(1−L_G) × (TT − T0)
        normalizeInto(out, ts, tf + ELG * (ts - T0_J2000_WHOLE_S + (tf - T0_J2000_FRAC_S)));
        return;
      }
      case 'TDB':
        this.tdbInto(out, options);
        return;
      case 'TCB': {
        this.tdbInto(out, options);
        const bs = out[0]!;
        const bf = out[1]!;
        // TCB − TDB = [L_B (TDB − T0) − TDB0] / (1 − L_B)
        const d = ELB * (bs - T0_J2000_WHOLE_S + (bf - T0_J2000_FRAC_S)) - TDB0_S / (1 - L_B);
        normalizeInto(out, bs, bf + d);
        return;
      }
      case 'UT1':
        normalizeInto(out, s, f + ut1MinusTai(this, options));
        return;
      case 'UTC':
        throw new InvalidArgumentError('scale', scale, '', 'UTC has no uniform seconds count');
      default:
        throw new InvalidArgumentError('scale', scale, '', 'not a time scale');
    }
  }

  private tdbInto(out: number[], options?: TimeOptions): void {
    const ts = this.s + TT_WHOLE;
    const tf = this.f + TT_FRAC;
    normalizeInto(out, ts, tf);
    const d = tdbOffset(out[0]!, out[1]!, this, options);
    normalizeInto(out, out[0]!, out[1]! + d);
  }

  /** out = [integer MJD, fraction of day] in a scale (UTC: fraction of that day's length). */
  private mjdPartsInto(out: number[], scale: TimeScale, options?: TimeOptions): void {
    const scratch3 = [0, 0, 0];
    if (scale === 'UTC') {
      const table = leapTable(options);
      table.taiToUtcInto(scratch3, this.s, this.f);
      const day = scratch3[0]!;
      out[0] = day;
      out[1] = (scratch3[1]! + scratch3[2]!) / table.dayLengthS(day);
      carryWholeDay(out);
      return;
    }
    if (!isTimeScale(scale)) throw new InvalidArgumentError('scale', scale, '', 'not a time scale');
    this.scaleSecondsInto(out, scale, options);
    const fromMidnight = out[0]! + HALF_DAY_S;
    const days = Math.floor(fromMidnight / SECONDS_PER_DAY);
    out[1] = (fromMidnight - days * SECONDS_PER_DAY + out[1]!) / SECONDS_PER_DAY;
    out[0] = MJD_J2000_MIDNIGHT + days;
    carryWholeDay(out);
  }

  /** out = [integer MJD, whole seconds of day, fraction] in a scale. */
  private daySecondsInto(out: number[], scale: TimeScale, options?: TimeOptions): void {
    const scratch2 = [0, 0];
    if (scale === 'UTC') {
      leapTable(options).taiToUtcInto(out, this.s, this.f);
      return;
    }
    if (!isTimeScale(scale)) throw new InvalidArgumentError('scale', scale, '', 'not a time scale');
    this.scaleSecondsInto(scratch2, scale, options);
    const fromMidnight = scratch2[0]! + HALF_DAY_S;
    const days = Math.floor(fromMidnight / SECONDS_PER_DAY);
    out[0] = MJD_J2000_MIDNIGHT + days;
    out[1] = fromMidnight - days * SECONDS_PER_DAY;
    out[2] = scratch2[1]!;
  }

  /** @internal Whole TAI seconds since J2000 TAI. */
  get taiWholeSeconds(): number {
    return this.s;
  }

  /** @internal Fraction of the TAI second. */
  get taiFraction(): number {
    return this.f;
  }
}

// ------------------------------------------------------------------ helpers

/** From seconds since J2000 of a scale other than UTC (whole + fraction, any range). */
function fromScaleSeconds(s: number, f: number, scale: TimeScale, options?: TimeOptions): Epoch {
  const scratch2 = [0, 0];
  switch (scale) {
    case 'TAI':
      return make(s, f);
    case 'TT':
      return make(s - TT_WHOLE, f - TT_FRAC);
    case 'GPS':
      return make(s + TAI_MINUS_GPS_S, f);
    case 'TCG': {
      // TT = TCG − L_G (TCG − T0)   (IAU 2000 Resolution B1.9)
      const d = L_G * (s - T0_J2000_WHOLE_S + (f - T0_J2000_FRAC_S));
      return make(s - TT_WHOLE, f - TT_FRAC - d);
    }
    case 'TDB':
      return ttToTai(tdbToTt(s, f, options));
    case 'TCB': {
      // TDB = TCB − L_B (TCB − T0) + TDB0   (IAU 2006 Resolution B3)
      const d = -L_B * (s - T0_J2000_WHOLE_S + (f - T0_J2000_FRAC_S)) + TDB0_S;
      normalizeInto(scratch2, s, f + d);
      return ttToTai(tdbToTt(scratch2[0]!, scratch2[1]!, options));
    }
    case 'UT1': {
      // TAI = UT1 − (UT1−TAI)(t); UT1−TAI changes by < 1e-8 s per s, so two passes suffice.
      let tai = make(s, f);
      for (let k = 0; k < 2; k++) tai = make(s, f - ut1MinusTai(tai, options));
      return tai;
    }
    case 'UTC':
      throw new InvalidArgumentError('scale', scale, '', 'UTC has no uniform seconds count');
    default:
      throw new InvalidArgumentError('scale', scale, '', 'not a time scale');
  }
}

function make(s: number, f: number): Epoch {
  const scratch2 = [0, 0];
  normalizeInto(scratch2, s, f);
  return construct(scratch2[0]!, scratch2[1]!);
}

function normalizeInto(out: number[], s: number, f: number): void {
  if (f >= 1 || f < 0) {
    const k = Math.floor(f);
    s += k;
    f -= k;
    if (f >= 1) {
      // f was within one ulp below an integer: rounding pushed it to 1.
      f = 0;
      s += 1;
    }
  }
  out[0] = s;
  out[1] = f;
}

function leapTable(options?: TimeOptions): LeapSecondTable {
  return options?.timeData?.leapSeconds ?? DEFAULT_LEAP_SECONDS;
}

/** TDB − TT at TT seconds (ts, tf) since J2000, s. */
function tdbOffset(
  ts: number,
  tf: number,
  epoch: Epoch | undefined,
  options?: TimeOptions,
): number {
  const days = Math.floor((ts + HALF_DAY_S) / SECONDS_PER_DAY);
  const jd1 = JD_MJD0 + MJD_J2000_MIDNIGHT + days;
  const jd2 = (ts + HALF_DAY_S - days * SECONDS_PER_DAY + tf) / SECONDS_PER_DAY;
  const obs = options?.observer;
  if (obs === undefined) return tdbMinusTtS(jd1, jd2, 0, 0, 0, 0);
  let ut = 0;
  if (epoch !== undefined) {
    const scratch3 = [0, 0, 0];
    leapTable(options).taiToUtcInto(scratch3, epoch.taiWholeSeconds, epoch.taiFraction);
    ut = (scratch3[1]! + scratch3[2]!) / SECONDS_PER_DAY;
  }
  return tdbMinusTtS(
    jd1,
    jd2,
    ut,
    obs.eastLongitudeRad,
    obs.spinAxisDistanceKm,
    obs.equatorialPlaneDistanceKm,
  );
}

/** TT seconds (whole, fraction) of the instant whose TDB seconds are (s, f). */
function tdbToTt(s: number, f: number, options?: TimeOptions): [number, number] {
  const scratch2 = [0, 0];
  // TT = TDB − (TDB−TT)(TT): the series changes by < 1e-8 s per s, so three passes reach
  // the double-precision fixed point.
  let d = 0;
  for (let k = 0; k < 3; k++) {
    normalizeInto(scratch2, s, f - d);
    const probe = options?.observer
      ? make(scratch2[0]! - TT_WHOLE, scratch2[1]! - TT_FRAC)
      : undefined;
    d = tdbOffset(scratch2[0]!, scratch2[1]!, probe, options);
  }
  normalizeInto(scratch2, s, f - d);
  return [scratch2[0]!, scratch2[1]!];
}

function ttToTai([s, f]: [number, number]): Epoch {
  return make(s - TT_WHOLE, f - TT_FRAC);
}

/** UT1 − TAI at an instant, s, from the fixed dUT1 option or the EOP of `timeData`. */
function ut1MinusTai(epoch: Epoch, options?: TimeOptions): number {
  const scratch3 = [0, 0, 0];
  const table = leapTable(options);
  table.taiToUtcInto(scratch3, epoch.taiWholeSeconds, epoch.taiFraction);
  // The fraction is of this UTC day's length (SOFA's quasi-JD), so that inside a leap second
  // the date stays on the day it is labelled with and TAI−UTC keeps that day's value.
  const day = scratch3[0]!;
  const mjdUtc = day + (scratch3[1]! + scratch3[2]!) / table.dayLengthS(day);
  const fixed = options?.ut1MinusUtcS;
  if (fixed !== undefined) {
    checkFinite('ut1MinusUtcS', fixed, 's');
    if (Math.abs(fixed) > 1) {
      throw new InvalidArgumentError(
        'ut1MinusUtcS',
        fixed,
        's',
        'UT1−UTC is kept within ±0.9 s by the leap seconds; a larger value is not a dUT1',
      );
    }
    return fixed - table.taiMinusUtc(mjdUtc).valueS;
  }
  const eop = options?.timeData?.eop;
  if (eop === undefined) {
    throw new MissingDataError(
      'EOP',
      'UT1 needs Earth orientation parameters: pass { timeData: DEFAULT_TIME_DATA } (or your own), or a fixed ut1MinusUtcS',
    );
  }
  return eop.ut1MinusTaiS(mjdUtc);
}

/** A day fraction that rounded up to 1 is the next day's midnight. */
function carryWholeDay(out: number[]): void {
  if (out[1]! >= 1) {
    out[0] = out[0]! + 1;
    out[1] = 0;
  }
}

function splitSod(sod: number): [number, number, number] {
  if (sod >= SECONDS_PER_DAY) return [23, 59, 60 + (sod - SECONDS_PER_DAY)];
  const hour = Math.floor(sod / 3600);
  const rest = sod - hour * 3600;
  const minute = Math.floor(rest / 60);
  return [hour, minute, rest - minute * 60];
}

function checkFinite(name: string, value: number, unit: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, unit, 'must be a finite number');
  }
}

function checkInt(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(name, value, '', `must be an integer in ${min}..${max}`);
  }
}
