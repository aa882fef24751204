/**
 * Vallado's low-precision analytical position of the Sun (Vallado, *Fundamentals of
 * Astrodynamics and Applications*, 5th ed., 2022, Algorithm 29), which is the *Astronomical
 * Almanac*'s low-precision solar formula: mean longitude L = 280.460° + 0.9856474°/day and
 * mean anomaly g = 357.528° + 0.9856003°/day (written per Julian century below), ecliptic
 * longitude λ = L + 1.915° sin g + 0.020° sin 2g, distance from a two-term series in AU,
 * rotated to the equator by the obliquity. As in the book's software (valladopy 0.4.1, which
 * prints the Example 5-1 result), the distance uses the longer coefficients 1.000140612,
 * 0.016708617, 0.000139589 (the short 1.00014, 0.01671, 0.00014 move the result by ~40 km)
 * and the obliquity is 23.439291° − 0.0130042° T.
 *
 * λ is counted from the mean equinox of date and ε is the mean obliquity of date, so the
 * result is in MOD (mean equator and equinox of date).
 *
 * @packageDocumentation
 */
import type { Vec3 } from '../math';
import type { TdbInstant } from './bodyState';
import { AU_KM } from './constants';
import { tdbSecondsInto } from './internal/tdbSeconds';

/** Seconds in a Julian century of 36525 days. */
const SECONDS_PER_JULIAN_CENTURY = 36525 * 86400;
const DEG_TO_RAD = Math.PI / 180;

/**
 * Geocentric position of the Sun by Vallado's low-precision algorithm (Algorithm 29).
 *
 * Frame: mean equator and mean equinox of date (MOD), geocentric. To compare with an ICRF
 * ephemeris, precess the ICRF vector to the date first (about 0.33° in 2024).
 *
 * Accuracy: Vallado and the *Astronomical Almanac* state about 0.01° for 1950–2050. Against
 * JPL DE421 precessed to MOD (IAU 1976), at 150 epochs of 2022–2025, osmose measures at most
 * 0.011° (mean 0.004°) in direction and 12,400 km in distance (test/bodies/lowPrecision.test.ts).
 * Part of the direction error is the ~0.006° of annual aberration that the Almanac's mean
 * longitude includes (it aims at apparent positions).
 *
 * Time: the algorithm's argument is Julian centuries of TDB since J2000 (the book evaluates
 * the mean longitude with UT1; the ~69 s between them moves the Sun by 0.0008°, well within
 * the algorithm's error).
 *
 * @param time - an Epoch, or TDB seconds since J2000
 * @returns the Sun's position, km, MOD
 * @throws {@link InvalidArgumentError} for a non-finite number of seconds
 * @see Vallado (2022), Algorithm 29 and Example 5-1
 * @example
 * ```ts
 * // Vallado Example 5-1: 2006-04-01 23:58:54.816 UTC, evaluated as JD 2453827.4992455556
 * // (the book's software prints [1.46186375e+08 2.87882000e+07 1.24807271e+07] km)
 * sunPositionLowPrecision(Epoch.fromJd(2453827, 0.4992455556, 'TDB'));
 * // ≈ [146186375.5, 28788200.0, 12480727.1]
 * ```
 */
export function sunPositionLowPrecision(time: TdbInstant): Vec3 {
  const t = tdbSecondsInto([0, 0], time, 'time');
  const centuries = (t[0]! + t[1]!) / SECONDS_PER_JULIAN_CENTURY;
  const meanLongitudeDeg = 280.46 + 36000.771285 * centuries;
  const meanAnomalyRad = (357.528 + 35999.050957 * centuries) * DEG_TO_RAD;
  const eclipticLongitudeRad =
    (meanLongitudeDeg + 1.915 * Math.sin(meanAnomalyRad) + 0.02 * Math.sin(2 * meanAnomalyRad)) *
    DEG_TO_RAD;
  const distanceAu =
    1.000140612 -
    0.016708617 * Math.cos(meanAnomalyRad) -
    0.000139589 * Math.cos(2 * meanAnomalyRad);
  const obliquityRad = (23.439291 - 0.0130042 * centuries) * DEG_TO_RAD;
  const r = distanceAu * AU_KM;
  const sinLon = Math.sin(eclipticLongitudeRad);
  return [
    r * Math.cos(eclipticLongitudeRad),
    r * Math.cos(obliquityRad) * sinLon,
    r * Math.sin(obliquityRad) * sinLon,
  ];
}
