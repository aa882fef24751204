function leapDaysBefore(year: number): number {
  const y = year - 1;
  return Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
}

/** Whole days from 1950 January 0.0 to January 0.0 of `year` (Gregorian). */
export function daysFrom1950(year: number): number {
  return 365 * (year - 1950) + leapDaysBefore(year) - leapDaysBefore(1950);
}
