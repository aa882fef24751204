import { TimeFormatError } from '../../errors';
import { daysInMonth, isLeapYear, mjdFromCalendar } from './calendar';

/** The fields of an ISO 8601 date-time, as read (a leap second has `second` = 60). */
export interface IsoFields {
  /** Integer MJD of the calendar day. */
  mjd: number;
  /** Whole seconds since 00:00 of the day (up to 86400 for 23:59:60). */
  sodWhole: number;
  /** Fraction of a second, [0, 1). */
  fraction: number;
  /** Whether the text ended with `Z`. */
  utcDesignator: boolean;
}

const C0 = 48; // '0'
const POW10 = [1, 10, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12] as const;
/** Most fractional digits read or written (picoseconds). */
export const MAX_FRACTION_DIGITS = 12;

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - C0;
  return c >= 0 && c <= 9 ? c : -1;
}

function twoDigits(text: string, i: number): number {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Reads `YYYY-MM-DD[THH:MM:SS[.f…]][Z]` or `YYYY-DDD[THH:MM:SS[.f…]][Z]`, with up to 12
 * fractional digits. Hour 24 and seconds 60 other than at 23:59:60 are refused here; whether
 * 23:59:60 exists on that day is for the caller (it depends on the scale and the leap-second
 * table).
 */
export function parseIsoInto(out: IsoFields, text: string): void {
  const n = text.length;
  if (n < 8) throw new TimeFormatError(text, 'expected YYYY-MM-DDTHH:MM:SS or YYYY-DDDTHH:MM:SS');
  const y0 = digit(text, 0);
  const y1 = digit(text, 1);
  const y2 = digit(text, 2);
  const y3 = digit(text, 3);
  if (y0 < 0 || y1 < 0 || y2 < 0 || y3 < 0 || text.charCodeAt(4) !== 45) {
    throw new TimeFormatError(text, 'expected a four-digit year and "-" at the start');
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  let i: number;
  let mjd: number;
  if (text.charCodeAt(7) === 45) {
    // Calendar date YYYY-MM-DD.
    const month = twoDigits(text, 5);
    const day = twoDigits(text, 8);
    if (month < 0 || day < 0 || n < 10) throw new TimeFormatError(text, 'expected YYYY-MM-DD');
    if (month < 1 || month > 12) throw new TimeFormatError(text, `month ${month} is not in 1..12`);
    if (day < 1 || day > daysInMonth(year, month)) {
      throw new TimeFormatError(text, `day ${day} does not exist in ${year}-${pad2(month)}`);
    }
    mjd = mjdFromCalendar(year, month, day);
    i = 10;
  } else {
    // Ordinal date YYYY-DDD.
    const d0 = digit(text, 5);
    const d1 = digit(text, 6);
    const d2 = digit(text, 7);
    if (d0 < 0 || d1 < 0 || d2 < 0)
      throw new TimeFormatError(text, 'expected YYYY-MM-DD or YYYY-DDD');
    const doy = d0 * 100 + d1 * 10 + d2;
    const last = isLeapYear(year) ? 366 : 365;
    if (doy < 1 || doy > last)
      throw new TimeFormatError(text, `day of year ${doy} is not in 1..${last}`);
    mjd = mjdFromCalendar(year, 1, 1) + doy - 1;
    i = 8;
  }
  let sodWhole = 0;
  let fraction = 0;
  let z = false;
  if (i < n) {
    const sep = text.charCodeAt(i);
    if (sep === 90 /* Z */ && i + 1 === n) {
      z = true;
      i++;
    } else if (sep !== 84 /* T */) {
      throw new TimeFormatError(text, `expected "T" after the date, found "${text[i]}"`);
    } else {
      const hour = twoDigits(text, i + 1);
      const minute = twoDigits(text, i + 4);
      const second = twoDigits(text, i + 7);
      if (
        hour < 0 ||
        minute < 0 ||
        second < 0 ||
        text.charCodeAt(i + 3) !== 58 ||
        text.charCodeAt(i + 6) !== 58 ||
        i + 9 > n
      ) {
        throw new TimeFormatError(text, 'expected THH:MM:SS after the date');
      }
      if (hour > 23) throw new TimeFormatError(text, `hour ${hour} is not in 0..23`);
      if (minute > 59) throw new TimeFormatError(text, `minute ${minute} is not in 0..59`);
      if (second > 60) throw new TimeFormatError(text, `second ${second} is not in 0..60`);
      if (second === 60 && (hour !== 23 || minute !== 59)) {
        throw new TimeFormatError(text, 'second 60 exists only at 23:59:60, in a leap second');
      }
      sodWhole = hour * 3600 + minute * 60 + second;
      i += 9;
      if (i < n && text.charCodeAt(i) === 46 /* . */) {
        i++;
        const start = i;
        let units = 0;
        while (i < n) {
          const d = digit(text, i);
          if (d < 0) break;
          units = units * 10 + d;
          i++;
        }
        const count = i - start;
        if (count === 0) throw new TimeFormatError(text, 'expected digits after the decimal point');
        if (count > MAX_FRACTION_DIGITS) {
          throw new TimeFormatError(
            text,
            `${count} fractional digits; at most ${MAX_FRACTION_DIGITS} are read (picoseconds)`,
          );
        }
        fraction = units / POW10[count]!;
      }
      if (i < n && text.charCodeAt(i) === 90 /* Z */) {
        z = true;
        i++;
      }
    }
  }
  if (i !== n)
    throw new TimeFormatError(text, `unexpected "${text.slice(i)}" at character ${i + 1}`);
  out.mjd = mjd;
  out.sodWhole = sodWhole;
  out.fraction = fraction;
  out.utcDesignator = z;
}

function pad2(v: number): string {
  return v < 10 ? `0${v}` : String(v);
}

const DIGITS = '0123456789';

/** Zero-padded decimal of a non-negative integer below 10^width. */
export function padInt(value: number, width: number): string {
  let s = '';
  for (let k = 0; k < width; k++) {
    s = DIGITS[value % 10]! + s;
    value = Math.floor(value / 10);
  }
  return s;
}

/** 10^n for n in 0..12. */
export function pow10(n: number): number {
  return POW10[n]!;
}
