/**
 * The time scales osmose converts between.
 *
 * - `TAI`: International Atomic Time.
 * - `UTC`: Coordinated Universal Time (TAI minus the leap seconds, with the 1961–1971
 *   drifting segments; undefined before 1961).
 * - `TT`: Terrestrial Time, TAI + 32.184 s.
 * - `TDB`: Barycentric Dynamical Time, TT + the Fairhead & Bretagnon series.
 * - `TCG`: Geocentric Coordinate Time.
 * - `TCB`: Barycentric Coordinate Time.
 * - `UT1`: the Earth rotation angle as a time, UTC + (UT1−UTC) from Earth orientation data.
 * - `GPS`: GPS time, TAI − 19 s.
 */
export type TimeScale = 'TAI' | 'UTC' | 'TT' | 'TDB' | 'TCG' | 'TCB' | 'UT1' | 'GPS';

/**
 * Every {@link TimeScale}, for iteration and validation.
 *
 * @example
 * ```ts
 * TIME_SCALES.includes('TT'); // true
 * ```
 */
export const TIME_SCALES: readonly TimeScale[] = /* @__PURE__ */ Object.freeze([
  'TAI',
  'UTC',
  'TT',
  'TDB',
  'TCG',
  'TCB',
  'UT1',
  'GPS',
]);

/**
 * Whether a string names a {@link TimeScale}.
 *
 * @param value - any string
 * @returns true for one of {@link TIME_SCALES}
 * @example
 * ```ts
 * isTimeScale('UTC'); // true
 * isTimeScale('ET'); // false
 * ```
 */
export function isTimeScale(value: string): value is TimeScale {
  return (TIME_SCALES as readonly string[]).includes(value);
}
