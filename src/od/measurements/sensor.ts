/**
 * Sensors: telescopes and radars at geodetic sites, with their noise and their constant
 * biases. Every bias is a named estimable parameter, `${sensorId}.${name}` (e.g.
 * `TAROT-CALERN.raBias`), whose value here is the a-priori one that the measurement models
 * use unless the caller passes other values.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import type { RefractionConditions, Site } from '../../frames';

/** What a sensor measures: angles (telescope), or range, range rate and angles (radar). */
export type SensorKind = 'telescope' | 'radar';

/**
 * The names of the per-sensor parameters. Angle biases are added to the predicted angle
 * (measured = true + bias); the range and range-rate biases likewise; the time bias is how
 * late the sensor's time tags are (true reception = tag − timeBias).
 */
export type SensorParameter =
  | 'raBias'
  | 'decBias'
  | 'azBias'
  | 'elBias'
  | 'rangeBias'
  | 'rangeRateBias'
  | 'timeBias';

/** The values of a sensor's biases, internal units. */
export interface SensorBiases {
  /** Right-ascension bias, rad. */
  readonly raBiasRad: number;
  /** Declination bias, rad. */
  readonly decBiasRad: number;
  /** Azimuth bias, rad. */
  readonly azBiasRad: number;
  /** Elevation bias, rad. */
  readonly elBiasRad: number;
  /** Range bias, km. */
  readonly rangeBiasKm: number;
  /** Range-rate bias, km/s. */
  readonly rangeRateBiasKmS: number;
  /** Time-tag bias, s (true reception = tag − timeBiasS). */
  readonly timeBiasS: number;
}

/** A telescope or a radar: where it is, how noisy it is, and its biases. */
export interface Sensor {
  /** Unique identifier, the prefix of its parameter names. */
  readonly id: string;
  /** Telescope or radar. */
  readonly kind: SensorKind;
  /** The geodetic site (see `createSiteDeg`). */
  readonly site: Site;
  /** Standard deviation of each angle it measures, rad (undefined: it measures none). */
  readonly angleSigmaRad: number | undefined;
  /** Standard deviation of its ranges, km (undefined for a telescope). */
  readonly rangeSigmaKm: number | undefined;
  /** Standard deviation of its range rates, km/s (undefined for a telescope). */
  readonly rangeRateSigmaKmS: number | undefined;
  /** A-priori values of its biases. */
  readonly biases: SensorBiases;
  /** Atmosphere for the refraction of its elevations (default 1010 hPa, 10 °C). */
  readonly refraction: RefractionConditions | undefined;
}

/** Bias values at the boundary (arcsec, km, s), all optional with default 0. */
export interface SensorBiasesInit {
  /** Right-ascension bias, arcsec. */
  readonly raBiasArcsec?: number;
  /** Declination bias, arcsec. */
  readonly decBiasArcsec?: number;
  /** Azimuth bias, arcsec. */
  readonly azBiasArcsec?: number;
  /** Elevation bias, arcsec. */
  readonly elBiasArcsec?: number;
  /** Range bias, km. */
  readonly rangeBiasKm?: number;
  /** Range-rate bias, km/s. */
  readonly rangeRateBiasKmS?: number;
  /** Time-tag bias, s. */
  readonly timeBiasS?: number;
}

/** Input of {@link createTelescope}. */
export interface TelescopeInit extends SensorBiasesInit {
  /** Identifier, non-empty. */
  readonly id: string;
  /** The site. */
  readonly site: Site;
  /** Standard deviation of each angle, arcsec (> 0). */
  readonly sigmaArcsec: number;
  /** Atmosphere for refraction (az/el only). */
  readonly refraction?: RefractionConditions;
}

/** Input of {@link createRadar}. */
export interface RadarInit extends SensorBiasesInit {
  /** Identifier, non-empty. */
  readonly id: string;
  /** The site. */
  readonly site: Site;
  /** Standard deviation of the range, km (> 0). */
  readonly rangeSigmaKm: number;
  /** Standard deviation of the range rate, km/s (> 0); omit if it measures none. */
  readonly rangeRateSigmaKmS?: number;
  /** Standard deviation of each angle, arcsec (> 0); omit if it measures none. */
  readonly angleSigmaArcsec?: number;
  /** Atmosphere for refraction (az/el only). */
  readonly refraction?: RefractionConditions;
}

const RAD_PER_ARCSEC = Math.PI / 648000;

/**
 * The name of a sensor parameter as estimators list it.
 *
 * @param sensorId - the sensor's identifier
 * @param parameter - which parameter
 * @returns `${sensorId}.${parameter}`
 * @example
 * ```ts
 * sensorParameterName('TAROT-CALERN', 'raBias'); // 'TAROT-CALERN.raBias'
 * ```
 */
export function sensorParameterName(sensorId: string, parameter: SensorParameter): string {
  return `${sensorId}.${parameter}`;
}

/**
 * A telescope measuring right ascension and declination (or azimuth and elevation).
 *
 * @param init - identifier, site, σ (arcsec), biases (arcsec, s), refraction conditions
 * @returns the frozen sensor
 * @throws {@link InvalidArgumentError} when the id is empty, σ is not positive or a bias is
 *   not finite
 * @see Orekit `GroundStation` and `ParameterDriver` (named, estimable sensor parameters)
 * @example
 * ```ts
 * const site = createSiteDeg({ latitudeDeg: 43.75203, longitudeDeg: 6.92353, heightKm: 1.32 });
 * const t = createTelescope({ id: 'TAROT-CALERN', site, sigmaArcsec: 1, timeBiasS: 0.01 });
 * t.biases.timeBiasS; // 0.01
 * ```
 */
export function createTelescope(init: TelescopeInit): Sensor {
  checkId(init.id);
  return Object.freeze({
    id: init.id,
    kind: 'telescope',
    site: init.site,
    angleSigmaRad: positive('sigmaArcsec', init.sigmaArcsec, 'arcsec') * RAD_PER_ARCSEC,
    rangeSigmaKm: undefined,
    rangeRateSigmaKmS: undefined,
    biases: biasesFrom(init),
    refraction: init.refraction,
  });
}

/**
 * A radar measuring range, and optionally range rate and azimuth/elevation.
 *
 * @param init - identifier, site, σ of each observable (km, km/s, arcsec), biases
 * @returns the frozen sensor
 * @throws {@link InvalidArgumentError} when the id is empty, a σ is not positive or a bias
 *   is not finite
 * @example
 * ```ts
 * const site = createSiteDeg({ latitudeDeg: 48.6, longitudeDeg: 2.3, heightKm: 0.1 });
 * const r = createRadar({ id: 'RADAR-1', site, rangeSigmaKm: 0.01, rangeBiasKm: 0.002 });
 * r.biases.rangeBiasKm; // 0.002
 * ```
 */
export function createRadar(init: RadarInit): Sensor {
  checkId(init.id);
  return Object.freeze({
    id: init.id,
    kind: 'radar',
    site: init.site,
    angleSigmaRad:
      init.angleSigmaArcsec === undefined
        ? undefined
        : positive('angleSigmaArcsec', init.angleSigmaArcsec, 'arcsec') * RAD_PER_ARCSEC,
    rangeSigmaKm: positive('rangeSigmaKm', init.rangeSigmaKm, 'km'),
    rangeRateSigmaKmS:
      init.rangeRateSigmaKmS === undefined
        ? undefined
        : positive('rangeRateSigmaKmS', init.rangeRateSigmaKmS, 'km/s'),
    biases: biasesFrom(init),
    refraction: init.refraction,
  });
}

/**
 * A copy of a sensor with other bias values (for example after an estimation).
 *
 * @param sensor - the sensor
 * @param biases - the values to replace, internal units (rad, km, km/s, s)
 * @returns a new frozen sensor
 * @throws {@link InvalidArgumentError} when a value is not finite
 * @example
 * ```ts
 * const site = createSiteDeg({ latitudeDeg: 43.75203, longitudeDeg: 6.92353, heightKm: 1.32 });
 * const t = createTelescope({ id: 'T', site, sigmaArcsec: 1 });
 * withSensorBiases(t, { raBiasRad: 1e-6 }).biases.raBiasRad; // 0.000001
 * ```
 */
export function withSensorBiases(sensor: Sensor, biases: Partial<SensorBiases>): Sensor {
  const merged = { ...sensor.biases, ...biases };
  for (const [name, value] of Object.entries(merged)) finite(name, value, '');
  return Object.freeze({ ...sensor, biases: Object.freeze(merged) });
}

function biasesFrom(init: SensorBiasesInit): SensorBiases {
  return Object.freeze({
    raBiasRad: finite('raBiasArcsec', init.raBiasArcsec ?? 0, 'arcsec') * RAD_PER_ARCSEC,
    decBiasRad: finite('decBiasArcsec', init.decBiasArcsec ?? 0, 'arcsec') * RAD_PER_ARCSEC,
    azBiasRad: finite('azBiasArcsec', init.azBiasArcsec ?? 0, 'arcsec') * RAD_PER_ARCSEC,
    elBiasRad: finite('elBiasArcsec', init.elBiasArcsec ?? 0, 'arcsec') * RAD_PER_ARCSEC,
    rangeBiasKm: finite('rangeBiasKm', init.rangeBiasKm ?? 0, 'km'),
    rangeRateBiasKmS: finite('rangeRateBiasKmS', init.rangeRateBiasKmS ?? 0, 'km/s'),
    timeBiasS: finite('timeBiasS', init.timeBiasS ?? 0, 's'),
  });
}

function checkId(id: string): void {
  if (typeof id !== 'string' || id === '') {
    throw new InvalidArgumentError('id', id, '', 'must be a non-empty string');
  }
}

function finite(name: string, value: number, unit: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, unit, 'must be a finite number');
  }
  return value;
}

function positive(name: string, value: number, unit: string): number {
  if (typeof value !== 'number' || !(value > 0 && Number.isFinite(value))) {
    throw new InvalidArgumentError(name, value, unit, 'must be positive and finite');
  }
  return value;
}
