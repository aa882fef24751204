/**
 * Astronomical refraction for elevations: Bennett's formula (from the apparent elevation) and
 * Sæmundsson's (from the true, geometric elevation), for the standard conditions 1010 hPa and
 * 10 °C, scaled by P/1010 · 283/(273 + T) for others.
 *
 * Sizes: 34.5′ on the horizon, 9.9′ at 5°, 5.4′ at 10°, 1.7′ at 30°, 1.0′ at 45°, 0 at the
 * zenith. A GEO object seen from Calern (43.75° N) at its highest, 39.6° of elevation, is
 * lifted by 1.22′ = 73″.
 *
 * Accuracy: Bennett's formula reproduces Garfinkel's refraction algorithm to 0.07′ (4″)
 * between 0° and 90°, and Sæmundsson's agrees with Bennett's to 0.1′ (Meeus). Both describe a
 * mean atmosphere: against ERFA's `eraRefco` model (ray traced, 1010 hPa, 10 °C, dry, 0.574 µm)
 * they run 2–3 % high (1.8″ at 45°, 6.5″ at 10°), and near the horizon the real refraction
 * varies by several arcminutes with the temperature profile. Use them for pointing and
 * visibility, not for the reduction of precise astrometry.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors';

/** Pressure and temperature at the site. */
export interface RefractionConditions {
  /** Air pressure at the site, hPa (= mbar); default 1010 hPa. */
  readonly pressureHpa?: number;
  /** Air temperature at the site, °C; default 10 °C. */
  readonly temperatureC?: number;
}

/** Below this elevation the formulas are not used and the refraction is 0, deg (Skyfield's). */
const LOWEST_ELEVATION_DEG = -1;

const RAD_PER_DEG = Math.PI / 180;
const RAD_PER_ARCMIN = Math.PI / 10800;

/**
 * Refraction of a target at a given true (geometric, airless) elevation, by Sæmundsson's
 * formula R = 1.02′ / tan(h + 10.3° / (h + 5.11°)), h in degrees. Add it to the true elevation
 * for the apparent one (see {@link refractElevation}).
 *
 * The value is 0 below −1° (a target that far under the horizon is not seen; the formula is
 * not meant for it) and is never negative (the formula dips to −0.1″ at the zenith).
 *
 * @param elevationRad - true elevation, rad
 * @param conditions - pressure (hPa) and temperature (°C); default 1010 hPa and 10 °C
 * @returns refraction, rad (≥ 0)
 * @throws {@link InvalidArgumentError} when the pressure is negative or the temperature is
 *   not above −273 °C
 * @see Sæmundsson, Þ., Sky and Telescope 72 (1986) 70; Meeus, Astronomical Algorithms, 2nd ed.
 *   (1998), eq. 16.4
 *
 * @example
 * ```ts
 * refractionFromTrueElevation(Math.PI / 4) / (Math.PI / 10800); // ≈ 1.0127 (arcmin)
 * ```
 */
export function refractionFromTrueElevation(
  elevationRad: number,
  conditions: RefractionConditions = {},
): number {
  const scale = conditionsScale(conditions);
  const hDeg = elevationRad / RAD_PER_DEG;
  if (!(hDeg >= LOWEST_ELEVATION_DEG)) return 0;
  const rArcmin = 1.02 / Math.tan((hDeg + 10.3 / (hDeg + 5.11)) * RAD_PER_DEG);
  return Math.max(0, rArcmin) * RAD_PER_ARCMIN * scale;
}

/**
 * Refraction of a target seen at a given apparent (observed) elevation, by Bennett's formula
 * R = 1′ / tan(h₀ + 7.31° / (h₀ + 4.4°)), h₀ in degrees. Subtract it from the apparent
 * elevation for the true one (see {@link unrefractElevation}).
 *
 * The value is 0 below −1° and never negative (the formula dips to −0.08″ at the zenith).
 *
 * @param apparentElevationRad - apparent elevation, rad
 * @param conditions - pressure (hPa) and temperature (°C); default 1010 hPa and 10 °C
 * @returns refraction, rad (≥ 0)
 * @throws {@link InvalidArgumentError} when the pressure is negative or the temperature is
 *   not above −273 °C
 * @see Bennett, G.G., The calculation of astronomical refraction in marine navigation,
 *   Journal of Navigation 35 (1982) 255–259; Meeus, Astronomical Algorithms, 2nd ed. (1998),
 *   eq. 16.3
 *
 * @example
 * ```ts
 * refractionFromApparentElevation(0) / (Math.PI / 10800); // ≈ 34.48 (arcmin, on the horizon)
 * ```
 */
export function refractionFromApparentElevation(
  apparentElevationRad: number,
  conditions: RefractionConditions = {},
): number {
  const scale = conditionsScale(conditions);
  const hDeg = apparentElevationRad / RAD_PER_DEG;
  if (!(hDeg >= LOWEST_ELEVATION_DEG)) return 0;
  const rArcmin = 1 / Math.tan((hDeg + 7.31 / (hDeg + 4.4)) * RAD_PER_DEG);
  return Math.max(0, rArcmin) * RAD_PER_ARCMIN * scale;
}

/**
 * Apparent elevation of a target from its true (geometric) elevation: h + R(h), with R from
 * {@link refractionFromTrueElevation}.
 *
 * @param elevationRad - true elevation, rad
 * @param conditions - pressure (hPa) and temperature (°C); default 1010 hPa and 10 °C
 * @returns apparent elevation, rad
 * @throws {@link InvalidArgumentError} for impossible conditions
 *
 * @example
 * ```ts
 * refractElevation((10 * Math.PI) / 180) * (180 / Math.PI); // ≈ 10.0901 (deg)
 * ```
 */
export function refractElevation(
  elevationRad: number,
  conditions: RefractionConditions = {},
): number {
  return elevationRad + refractionFromTrueElevation(elevationRad, conditions);
}

/**
 * True (geometric) elevation of a target from its apparent elevation: h₀ − R(h₀), with R from
 * {@link refractionFromApparentElevation}.
 *
 * @param apparentElevationRad - apparent elevation, rad
 * @param conditions - pressure (hPa) and temperature (°C); default 1010 hPa and 10 °C
 * @returns true elevation, rad
 * @throws {@link InvalidArgumentError} for impossible conditions
 *
 * @example
 * ```ts
 * unrefractElevation((10 * Math.PI) / 180) * (180 / Math.PI); // ≈ 9.9101 (deg)
 * ```
 */
export function unrefractElevation(
  apparentElevationRad: number,
  conditions: RefractionConditions = {},
): number {
  return apparentElevationRad - refractionFromApparentElevation(apparentElevationRad, conditions);
}

/** Meeus (1998), ch. 16: refraction scales as P/1010 · 283/(273 + T). */
function conditionsScale(conditions: RefractionConditions): number {
  const pressureHpa = conditions.pressureHpa ?? 1010;
  const temperatureC = conditions.temperatureC ?? 10;
  if (!(pressureHpa >= 0 && Number.isFinite(pressureHpa))) {
    throw new InvalidArgumentError('pressureHpa', pressureHpa, 'hPa', 'must be finite and ≥ 0');
  }
  if (!(temperatureC > -273 && Number.isFinite(temperatureC))) {
    throw new InvalidArgumentError(
      'temperatureC',
      temperatureC,
      '°C',
      'must be finite and above −273 °C',
    );
  }
  return (pressureHpa / 1010) * (283 / (273 + temperatureC));
}
