/**
 * Proleptic Gregorian calendar ↔ modified Julian day number, in integer arithmetic.
 * The algorithm counts days from 1 March of year 0 so that the leap day falls at the end of
 * the counting year (the approach of Fliegel & Van Flandern 1968, restated for MJD).
 */

/** MJD of 0000-03-01 in the proleptic Gregorian calendar. */
const MJD_OF_0000_03_01 = -678881;

/** True when `year` is a leap year of the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in a month (1-based month). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/**
 * Integer MJD of a calendar date (no validation: the caller checks ranges).
 * Days are counted from 0000-03-01: 365 per year plus the leap days, and 153 days per
 * five months from March (the 31/30 pattern repeats every five months).
 */
export function mjdFromCalendar(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const m = month <= 2 ? month + 9 : month - 3; // 0 = March … 11 = February
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * m + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe + MJD_OF_0000_03_01;
}

/** Calendar date of an integer MJD, written into `out` as [year, month, day]. */
export function calendarFromMjdInto(out: number[] | Int32Array, mjd: number): void {
  const z = mjd - MJD_OF_0000_03_01;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  out[0] = year;
  out[1] = month;
  out[2] = day;
}

/** Calendar date of an integer MJD. */
export function calendarFromMjd(mjd: number): { year: number; month: number; day: number } {
  const out = [0, 0, 0];
  calendarFromMjdInto(out, mjd);
  return { year: out[0]!, month: out[1]!, day: out[2]! };
}

/** Day of year (1-based) of a calendar date. */
export function dayOfYear(year: number, month: number, day: number): number {
  return mjdFromCalendar(year, month, day) - mjdFromCalendar(year, 1, 1) + 1;
}
