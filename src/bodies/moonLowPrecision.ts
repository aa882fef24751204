/**
 * Vallado's low-precision analytical position of the Moon (Vallado, *Fundamentals of
 * Astrodynamics and Applications*, 5th ed., 2022, Algorithm 31, after the *Astronomical
 * Almanac*'s low-precision lunar formulas): the ecliptic longitude and latitude from the
 * largest periodic terms, the distance from the horizontal parallax (r = R⊕ / sin π), and
 * the rotation to the equator by the mean obliquity of date.
 *
 * @packageDocumentation
 */
import type { Vec3 } from '../math';
import type { TdbInstant } from './bodyState';
import { tdbSecondsInto } from './internal/tdbSeconds';

/** Seconds in a Julian century of 36525 days. */
const SECONDS_PER_JULIAN_CENTURY = 36525 * 86400;
const DEG_TO_RAD = Math.PI / 180;
/**
 * Earth radius that turns the horizontal parallax into a distance, km: Vallado's RE (the
 * EGM96/EGM2008 reference radius, 6378.1363 km).
 */
const PARALLAX_EARTH_RADIUS_KM = 6378.1363;

/** sin of an angle in degrees. */
function sinDeg(angleDeg: number): number {
  return Math.sin(angleDeg * DEG_TO_RAD);
}

/** cos of an angle in degrees. */
function cosDeg(angleDeg: number): number {
  return Math.cos(angleDeg * DEG_TO_RAD);
}

/**
 * Geocentric position of the Moon by Vallado's low-precision algorithm (Algorithm 31).
 *
 * Frame: mean equator and mean equinox of date (MOD), geocentric: the longitude is counted
 * from the mean equinox of date and the obliquity is the mean obliquity of date.
 *
 * Accuracy: the *Astronomical Almanac* gives about 0.3° in longitude and 0.2° in latitude.
 * Against JPL DE421 precessed to MOD (IAU 1976), at 150 epochs of 2022–2025, osmose measures
 * at most 0.27° in direction and 1,100 km in distance (test/bodies/lowPrecision.test.ts).
 *
 * Time: Julian centuries of TDB since J2000 (Vallado's T_TDB).
 *
 * @param time - an Epoch, or TDB seconds since J2000
 * @returns the Moon's position, km, MOD
 * @throws {@link InvalidArgumentError} for a non-finite number of seconds
 * @see Vallado (2022), Algorithm 31 and Example 5-3
 * @example
 * ```ts
 * // Vallado Example 5-3: 1994-04-28 0h UTC, evaluated at JD(UT1) 2449470.499302396
 * moonPositionLowPrecision(Epoch.fromJd(2449470, 0.499302396, 'TDB'));
 * // ≈ [-134300.1488, -311544.8919, -126688.4673] (the book: -134300.14875768, -311544.89187406,
 * // -126688.46735048)
 * ```
 */
export function moonPositionLowPrecision(time: TdbInstant): Vec3 {
  const t = tdbSecondsInto([0, 0], time, 'time');
  const T = (t[0]! + t[1]!) / SECONDS_PER_JULIAN_CENTURY;
  // Arguments of the periodic terms shared by longitude and parallax, degrees.
  const a1 = 134.9 + 477198.85 * T;
  const a2 = 259.2 - 413335.38 * T;
  const a3 = 235.7 + 890534.23 * T;
  const a4 = 269.9 + 954397.7 * T;
  const longitudeDeg =
    218.32 +
    481267.8813 * T +
    6.29 * sinDeg(a1) -
    1.27 * sinDeg(a2) +
    0.66 * sinDeg(a3) +
    0.21 * sinDeg(a4) -
    0.19 * sinDeg(357.5 + 35999.05 * T) -
    0.11 * sinDeg(186.6 + 966404.05 * T);
  const latitudeDeg =
    5.13 * sinDeg(93.3 + 483202.03 * T) +
    0.28 * sinDeg(228.2 + 960400.87 * T) -
    0.28 * sinDeg(318.3 + 6003.18 * T) -
    0.17 * sinDeg(217.6 - 407332.2 * T);
  const parallaxDeg =
    0.9508 + 0.0518 * cosDeg(a1) + 0.0095 * cosDeg(a2) + 0.0078 * cosDeg(a3) + 0.0028 * cosDeg(a4);
  const obliquityDeg = 23.439291 - 0.0130042 * T - 1.64e-7 * T * T + 5.04e-7 * T * T * T;
  const r = PARALLAX_EARTH_RADIUS_KM / sinDeg(parallaxDeg);
  const cosLat = cosDeg(latitudeDeg);
  const sinLat = sinDeg(latitudeDeg);
  const cosLon = cosDeg(longitudeDeg);
  const sinLon = sinDeg(longitudeDeg);
  const cosEps = cosDeg(obliquityDeg);
  const sinEps = sinDeg(obliquityDeg);
  return [
    r * cosLat * cosLon,
    r * (cosEps * cosLat * sinLon - sinEps * sinLat),
    r * (sinEps * cosLat * sinLon + cosEps * sinLat),
  ];
}
