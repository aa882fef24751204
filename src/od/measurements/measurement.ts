/**
 * Measurement values: what a sensor reported at an instant, with its standard deviations.
 * Immutable; angles in radians, distances in km, rates in km/s inside. Degree and arcsecond
 * factories (`RaDec.fromDeg`, `AzEl.fromDeg`) are the boundary for people and files.
 *
 * The epoch of every measurement is its time tag: the instant of reception at the sensor as
 * the sensor's clock gave it (a sensor time bias, when estimated, says how late that clock
 * is; see `Sensor`).
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import type { Vec3 } from '../../math';
import type { Epoch } from '../../time';

/** The kinds of measurement, one per value class. */
export type MeasurementKind =
  | 'RADEC'
  | 'AZEL'
  | 'RANGE'
  | 'RANGE_RATE'
  | 'POSITION'
  | 'POSITION_VELOCITY';

/** The celestial axes of a right ascension and declination: GCRF or EME2000 (J2000). */
export type RaDecAxes = 'GCRF' | 'EME2000';

/** Any measurement value. */
export type Measurement = RaDec | AzEl | Range | RangeRate | Position | PositionVelocityMeasurement;

/** What every measurement value has. */
export interface MeasurementCommon {
  /** Which kind of measurement. */
  readonly kind: MeasurementKind;
  /** Time tag: reception at the sensor, as the sensor's clock gave it. */
  readonly epoch: Epoch;
  /** Identifier of the sensor that made it (see `Sensor.id`). */
  readonly sensorId: string;
  /** Its components in internal units (rad, km, km/s), in the order of the model. */
  readonly values: readonly number[];
  /** One standard deviation per component, same units and order as `values`. */
  readonly sigmas: readonly number[];
}

const TWO_PI = 2 * Math.PI;
const RAD_PER_DEG = Math.PI / 180;
const RAD_PER_ARCSEC = Math.PI / 648000;

/** Fields shared by the factories of every measurement. */
export interface MeasurementInit {
  /** Time tag: reception at the sensor. */
  readonly epoch: Epoch;
  /** Identifier of the sensor, not empty. */
  readonly sensorId: string;
}

/** Input of {@link RaDec.create}. */
export interface RaDecInit extends MeasurementInit {
  /** Right ascension, rad (any value: reduced to [0, 2π)). */
  readonly rightAscensionRad: number;
  /** Declination, rad, in [−π/2, π/2]. */
  readonly declinationRad: number;
  /**
   * Standard deviation of the right-ascension coordinate, rad (> 0). An on-sky σ (the
   * same across and along) converts as σ / cos δ.
   */
  readonly sigmaRightAscensionRad: number;
  /** Standard deviation of the declination, rad (> 0). */
  readonly sigmaDeclinationRad: number;
  /** Axes of the angles; default `'GCRF'`. */
  readonly axes?: RaDecAxes;
}

/** Input of {@link RaDec.fromDeg}. */
export interface RaDecDegInit extends MeasurementInit {
  /** Right ascension, degrees. */
  readonly rightAscensionDeg: number;
  /** Declination, degrees, in [−90, 90]. */
  readonly declinationDeg: number;
  /** Standard deviation of the right-ascension coordinate, arcsec (> 0). */
  readonly sigmaRightAscensionArcsec: number;
  /** Standard deviation of the declination, arcsec (> 0). */
  readonly sigmaDeclinationArcsec: number;
  /** Axes of the angles; default `'GCRF'`. */
  readonly axes?: RaDecAxes;
}

/**
 * A topocentric right ascension and declination (optical astrometry), in GCRF or EME2000
 * axes.
 *
 * @example
 * ```ts
 * const m = RaDec.fromDeg({
 *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
 *   sensorId: 'TAROT-CALERN',
 *   rightAscensionDeg: 120,
 *   declinationDeg: -6,
 *   sigmaRightAscensionArcsec: 1,
 *   sigmaDeclinationArcsec: 1,
 * });
 * m.declinationRad; // ≈ -0.10472
 * ```
 */
export class RaDec implements MeasurementCommon {
  /** Always `'RADEC'`. */
  readonly kind = 'RADEC' as const;
  /** Time tag: reception at the sensor. */
  readonly epoch: Epoch;
  /** Identifier of the sensor. */
  readonly sensorId: string;
  /** Right ascension, rad, in [0, 2π). */
  readonly rightAscensionRad: number;
  /** Declination, rad. */
  readonly declinationRad: number;
  /** Standard deviation of the right-ascension coordinate, rad. */
  readonly sigmaRightAscensionRad: number;
  /** Standard deviation of the declination, rad. */
  readonly sigmaDeclinationRad: number;
  /** Axes of the angles. */
  readonly axes: RaDecAxes;
  /** [α, δ], rad. */
  readonly values: readonly number[];
  /** [σα, σδ], rad. */
  readonly sigmas: readonly number[];

  private constructor(init: RaDecInit) {
    checkCommon(init);
    const ra = checkFinite('rightAscensionRad', init.rightAscensionRad, 'rad');
    const dec = checkFinite('declinationRad', init.declinationRad, 'rad');
    if (Math.abs(dec) > Math.PI / 2) {
      throw new InvalidArgumentError('declinationRad', dec, 'rad', 'must be in [−π/2, π/2]');
    }
    const axes = init.axes ?? 'GCRF';
    if (axes !== 'GCRF' && axes !== 'EME2000') {
      throw new InvalidArgumentError('axes', axes, '', "must be 'GCRF' or 'EME2000'");
    }
    this.epoch = init.epoch;
    this.sensorId = init.sensorId;
    this.rightAscensionRad = wrapTwoPi(ra);
    this.declinationRad = dec;
    this.sigmaRightAscensionRad = checkSigma(
      'sigmaRightAscensionRad',
      init.sigmaRightAscensionRad,
      'rad',
    );
    this.sigmaDeclinationRad = checkSigma('sigmaDeclinationRad', init.sigmaDeclinationRad, 'rad');
    this.axes = axes;
    this.values = Object.freeze([this.rightAscensionRad, dec]);
    this.sigmas = Object.freeze([this.sigmaRightAscensionRad, this.sigmaDeclinationRad]);
    Object.freeze(this);
  }

  /**
   * A right ascension and declination from radians.
   *
   * @param init - epoch, sensor, angles (rad), σ (rad), axes
   * @returns the measurement
   * @throws {@link InvalidArgumentError} when a value is not finite, |δ| > π/2, a σ is not
   *   positive, the sensor id is empty or the axes are unknown
   * @example
   * ```ts
   * const m = RaDec.create({
   *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
   *   sensorId: 'TAROT-CALERN',
   *   rightAscensionRad: -0.1,
   *   declinationRad: 0.2,
   *   sigmaRightAscensionRad: 5e-6,
   *   sigmaDeclinationRad: 5e-6,
   * });
   * m.rightAscensionRad; // ≈ 6.18319 (reduced to [0, 2π))
   * ```
   */
  static create(init: RaDecInit): RaDec {
    return new RaDec(init);
  }

  /**
   * A right ascension and declination from degrees, with σ in arcseconds.
   *
   * @param init - epoch, sensor, angles (deg), σ (arcsec), axes
   * @returns the measurement
   * @throws {@link InvalidArgumentError} as {@link RaDec.create}
   * @example
   * ```ts
   * const m = RaDec.fromDeg({
   *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
   *   sensorId: 'TAROT-CALERN',
   *   rightAscensionDeg: 10,
   *   declinationDeg: 20,
   *   sigmaRightAscensionArcsec: 0.5,
   *   sigmaDeclinationArcsec: 0.5,
   *   axes: 'EME2000',
   * });
   * m.sigmaDeclinationRad; // ≈ 2.424e-6
   * ```
   */
  static fromDeg(init: RaDecDegInit): RaDec {
    return new RaDec({
      epoch: init.epoch,
      sensorId: init.sensorId,
      rightAscensionRad: init.rightAscensionDeg * RAD_PER_DEG,
      declinationRad: init.declinationDeg * RAD_PER_DEG,
      sigmaRightAscensionRad: init.sigmaRightAscensionArcsec * RAD_PER_ARCSEC,
      sigmaDeclinationRad: init.sigmaDeclinationArcsec * RAD_PER_ARCSEC,
      ...(init.axes === undefined ? {} : { axes: init.axes }),
    });
  }
}

/** Input of {@link AzEl.create}. */
export interface AzElInit extends MeasurementInit {
  /** Azimuth, rad, from north towards east (any value: reduced to [0, 2π)). */
  readonly azimuthRad: number;
  /** Elevation, rad, in [−π/2, π/2]. */
  readonly elevationRad: number;
  /** Standard deviation of the azimuth coordinate, rad (> 0). */
  readonly sigmaAzimuthRad: number;
  /** Standard deviation of the elevation, rad (> 0). */
  readonly sigmaElevationRad: number;
}

/** Input of {@link AzEl.fromDeg}. */
export interface AzElDegInit extends MeasurementInit {
  /** Azimuth, degrees from north towards east. */
  readonly azimuthDeg: number;
  /** Elevation, degrees. */
  readonly elevationDeg: number;
  /** Standard deviation of the azimuth coordinate, arcsec (> 0). */
  readonly sigmaAzimuthArcsec: number;
  /** Standard deviation of the elevation, arcsec (> 0). */
  readonly sigmaElevationArcsec: number;
}

/**
 * An azimuth and elevation in the site's horizon frame (radar or alt-az telescope).
 *
 * @example
 * ```ts
 * const m = AzEl.fromDeg({
 *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
 *   sensorId: 'RADAR-1',
 *   azimuthDeg: 180,
 *   elevationDeg: 40,
 *   sigmaAzimuthArcsec: 36,
 *   sigmaElevationArcsec: 36,
 * });
 * m.azimuthRad; // ≈ 3.14159
 * ```
 */
export class AzEl implements MeasurementCommon {
  /** Always `'AZEL'`. */
  readonly kind = 'AZEL' as const;
  /** Time tag: reception at the sensor. */
  readonly epoch: Epoch;
  /** Identifier of the sensor. */
  readonly sensorId: string;
  /** Azimuth, rad, in [0, 2π), from north towards east. */
  readonly azimuthRad: number;
  /** Elevation, rad. */
  readonly elevationRad: number;
  /** Standard deviation of the azimuth, rad. */
  readonly sigmaAzimuthRad: number;
  /** Standard deviation of the elevation, rad. */
  readonly sigmaElevationRad: number;
  /** [az, el], rad. */
  readonly values: readonly number[];
  /** [σaz, σel], rad. */
  readonly sigmas: readonly number[];

  private constructor(init: AzElInit) {
    checkCommon(init);
    const az = checkFinite('azimuthRad', init.azimuthRad, 'rad');
    const el = checkFinite('elevationRad', init.elevationRad, 'rad');
    if (Math.abs(el) > Math.PI / 2) {
      throw new InvalidArgumentError('elevationRad', el, 'rad', 'must be in [−π/2, π/2]');
    }
    this.epoch = init.epoch;
    this.sensorId = init.sensorId;
    this.azimuthRad = wrapTwoPi(az);
    this.elevationRad = el;
    this.sigmaAzimuthRad = checkSigma('sigmaAzimuthRad', init.sigmaAzimuthRad, 'rad');
    this.sigmaElevationRad = checkSigma('sigmaElevationRad', init.sigmaElevationRad, 'rad');
    this.values = Object.freeze([this.azimuthRad, el]);
    this.sigmas = Object.freeze([this.sigmaAzimuthRad, this.sigmaElevationRad]);
    Object.freeze(this);
  }

  /**
   * An azimuth and elevation from radians.
   *
   * @param init - epoch, sensor, angles (rad), σ (rad)
   * @returns the measurement
   * @throws {@link InvalidArgumentError} when a value is not finite, |el| > π/2, a σ is not
   *   positive or the sensor id is empty
   * @example
   * ```ts
   * const m = AzEl.create({
   *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
   *   sensorId: 'RADAR-1',
   *   azimuthRad: 1,
   *   elevationRad: 0.5,
   *   sigmaAzimuthRad: 1e-4,
   *   sigmaElevationRad: 1e-4,
   * });
   * m.values; // [1, 0.5]
   * ```
   */
  static create(init: AzElInit): AzEl {
    return new AzEl(init);
  }

  /**
   * An azimuth and elevation from degrees, with σ in arcseconds.
   *
   * @param init - epoch, sensor, angles (deg), σ (arcsec)
   * @returns the measurement
   * @throws {@link InvalidArgumentError} as {@link AzEl.create}
   * @example
   * ```ts
   * const m = AzEl.fromDeg({
   *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
   *   sensorId: 'RADAR-1',
   *   azimuthDeg: 90,
   *   elevationDeg: 30,
   *   sigmaAzimuthArcsec: 36,
   *   sigmaElevationArcsec: 36,
   * });
   * m.elevationRad; // ≈ 0.523599
   * ```
   */
  static fromDeg(init: AzElDegInit): AzEl {
    return new AzEl({
      epoch: init.epoch,
      sensorId: init.sensorId,
      azimuthRad: init.azimuthDeg * RAD_PER_DEG,
      elevationRad: init.elevationDeg * RAD_PER_DEG,
      sigmaAzimuthRad: init.sigmaAzimuthArcsec * RAD_PER_ARCSEC,
      sigmaElevationRad: init.sigmaElevationArcsec * RAD_PER_ARCSEC,
    });
  }
}

/** Input of {@link Range.create}. */
export interface RangeInit extends MeasurementInit {
  /** Range, km (> 0). */
  readonly rangeKm: number;
  /** Standard deviation, km (> 0). */
  readonly sigmaKm: number;
}

/**
 * A one-way range: the distance from the site at reception to the target at emission (with
 * light time), km. A radar's round-trip range halved agrees with it to (v_site · ρ̂) τ, a few
 * metres for LEO (see docs/guides/od.md).
 *
 * @example
 * ```ts
 * const m = Range.create({
 *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
 *   sensorId: 'RADAR-1',
 *   rangeKm: 1234.5,
 *   sigmaKm: 0.01,
 * });
 * m.values; // [1234.5]
 * ```
 */
export class Range implements MeasurementCommon {
  /** Always `'RANGE'`. */
  readonly kind = 'RANGE' as const;
  /** Time tag: reception at the sensor. */
  readonly epoch: Epoch;
  /** Identifier of the sensor. */
  readonly sensorId: string;
  /** Range, km. */
  readonly rangeKm: number;
  /** Standard deviation, km. */
  readonly sigmaKm: number;
  /** [range], km. */
  readonly values: readonly number[];
  /** [σ], km. */
  readonly sigmas: readonly number[];

  private constructor(init: RangeInit) {
    checkCommon(init);
    const r = checkFinite('rangeKm', init.rangeKm, 'km');
    if (!(r > 0)) throw new InvalidArgumentError('rangeKm', r, 'km', 'must be positive');
    this.epoch = init.epoch;
    this.sensorId = init.sensorId;
    this.rangeKm = r;
    this.sigmaKm = checkSigma('sigmaKm', init.sigmaKm, 'km');
    this.values = Object.freeze([r]);
    this.sigmas = Object.freeze([this.sigmaKm]);
    Object.freeze(this);
  }

  /**
   * A range measurement.
   *
   * @param init - epoch, sensor, range (km), σ (km)
   * @returns the measurement
   * @throws {@link InvalidArgumentError} when the range or σ is not positive and finite, or
   *   the sensor id is empty
   * @example
   * ```ts
   * const m = Range.create({
   *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
   *   sensorId: 'RADAR-1',
   *   rangeKm: 900,
   *   sigmaKm: 0.005,
   * });
   * m.sigmas; // [0.005]
   * ```
   */
  static create(init: RangeInit): Range {
    return new Range(init);
  }
}

/** Input of {@link RangeRate.create}. */
export interface RangeRateInit extends MeasurementInit {
  /** Range rate, km/s (positive when receding). */
  readonly rangeRateKmS: number;
  /** Standard deviation, km/s (> 0). */
  readonly sigmaKmS: number;
}

/**
 * A range rate: the time derivative of the one-way range at reception, km/s (as a Doppler
 * measurement converted to velocity).
 *
 * @example
 * ```ts
 * const m = RangeRate.create({
 *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
 *   sensorId: 'RADAR-1',
 *   rangeRateKmS: -1.5,
 *   sigmaKmS: 1e-4,
 * });
 * m.values; // [-1.5]
 * ```
 */
export class RangeRate implements MeasurementCommon {
  /** Always `'RANGE_RATE'`. */
  readonly kind = 'RANGE_RATE' as const;
  /** Time tag: reception at the sensor. */
  readonly epoch: Epoch;
  /** Identifier of the sensor. */
  readonly sensorId: string;
  /** Range rate, km/s. */
  readonly rangeRateKmS: number;
  /** Standard deviation, km/s. */
  readonly sigmaKmS: number;
  /** [range rate], km/s. */
  readonly values: readonly number[];
  /** [σ], km/s. */
  readonly sigmas: readonly number[];

  private constructor(init: RangeRateInit) {
    checkCommon(init);
    this.epoch = init.epoch;
    this.sensorId = init.sensorId;
    this.rangeRateKmS = checkFinite('rangeRateKmS', init.rangeRateKmS, 'km/s');
    this.sigmaKmS = checkSigma('sigmaKmS', init.sigmaKmS, 'km/s');
    this.values = Object.freeze([this.rangeRateKmS]);
    this.sigmas = Object.freeze([this.sigmaKmS]);
    Object.freeze(this);
  }

  /**
   * A range-rate measurement.
   *
   * @param init - epoch, sensor, range rate (km/s), σ (km/s)
   * @returns the measurement
   * @throws {@link InvalidArgumentError} when a value is not finite, σ is not positive or the
   *   sensor id is empty
   * @example
   * ```ts
   * const m = RangeRate.create({
   *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
   *   sensorId: 'RADAR-1',
   *   rangeRateKmS: 0.25,
   *   sigmaKmS: 1e-5,
   * });
   * m.rangeRateKmS; // 0.25
   * ```
   */
  static create(init: RangeRateInit): RangeRate {
    return new RangeRate(init);
  }
}

/** Input of {@link Position.create}. */
export interface PositionInit extends MeasurementInit {
  /** Position in GCRF, km. */
  readonly positionKm: ArrayLike<number>;
  /** Standard deviation, km: one for all three components, or one each (> 0). */
  readonly sigmaKm: number | ArrayLike<number>;
}

/**
 * A position of the target in GCRF (a GNSS fix, or a position from another catalogue),
 * km.
 *
 * @example
 * ```ts
 * const m = Position.create({
 *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
 *   sensorId: 'GNSS',
 *   positionKm: [7000, 0, 0],
 *   sigmaKm: 0.01,
 * });
 * m.sigmas; // [0.01, 0.01, 0.01]
 * ```
 */
export class Position implements MeasurementCommon {
  /** Always `'POSITION'`. */
  readonly kind = 'POSITION' as const;
  /** Time tag. */
  readonly epoch: Epoch;
  /** Identifier of the sensor. */
  readonly sensorId: string;
  /** Frame of the position: always GCRF. */
  readonly frame = 'GCRF' as const;
  /** Position, km. */
  readonly positionKm: Vec3;
  /** [x, y, z], km. */
  readonly values: readonly number[];
  /** [σx, σy, σz], km. */
  readonly sigmas: readonly number[];

  private constructor(init: PositionInit) {
    checkCommon(init);
    this.epoch = init.epoch;
    this.sensorId = init.sensorId;
    this.positionKm = Object.freeze(checkTriple('positionKm', init.positionKm, 'km')) as Vec3;
    this.values = Object.freeze([...this.positionKm]);
    this.sigmas = Object.freeze(sigmaTriple('sigmaKm', init.sigmaKm, 'km'));
    Object.freeze(this);
  }

  /**
   * A GCRF position measurement.
   *
   * @param init - epoch, sensor, position (km), σ (km)
   * @returns the measurement
   * @throws {@link InvalidArgumentError} when a component is not finite, a σ is not positive
   *   or the sensor id is empty
   * @example
   * ```ts
   * const m = Position.create({
   *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
   *   sensorId: 'GNSS',
   *   positionKm: [7000, 10, 20],
   *   sigmaKm: [0.01, 0.01, 0.02],
   * });
   * m.values; // [7000, 10, 20]
   * ```
   */
  static create(init: PositionInit): Position {
    return new Position(init);
  }
}

/** Input of {@link PositionVelocityMeasurement.create}. */
export interface PositionVelocityInit extends MeasurementInit {
  /** Position in GCRF, km. */
  readonly positionKm: ArrayLike<number>;
  /** Velocity in GCRF, km/s. */
  readonly velocityKmS: ArrayLike<number>;
  /** Standard deviation of the position, km: one for all, or one each (> 0). */
  readonly sigmaPositionKm: number | ArrayLike<number>;
  /** Standard deviation of the velocity, km/s: one for all, or one each (> 0). */
  readonly sigmaVelocityKmS: number | ArrayLike<number>;
}

/**
 * A position and velocity of the target in GCRF (km, km/s).
 *
 * @example
 * ```ts
 * const m = PositionVelocityMeasurement.create({
 *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
 *   sensorId: 'GNSS',
 *   positionKm: [7000, 0, 0],
 *   velocityKmS: [0, 7.5, 0],
 *   sigmaPositionKm: 0.01,
 *   sigmaVelocityKmS: 1e-5,
 * });
 * m.values.length; // 6
 * ```
 */
export class PositionVelocityMeasurement implements MeasurementCommon {
  /** Always `'POSITION_VELOCITY'`. */
  readonly kind = 'POSITION_VELOCITY' as const;
  /** Time tag. */
  readonly epoch: Epoch;
  /** Identifier of the sensor. */
  readonly sensorId: string;
  /** Frame of the state: always GCRF. */
  readonly frame = 'GCRF' as const;
  /** Position, km. */
  readonly positionKm: Vec3;
  /** Velocity, km/s. */
  readonly velocityKmS: Vec3;
  /** [x, y, z, vx, vy, vz], km and km/s. */
  readonly values: readonly number[];
  /** σ of the six components, km and km/s. */
  readonly sigmas: readonly number[];

  private constructor(init: PositionVelocityInit) {
    checkCommon(init);
    this.epoch = init.epoch;
    this.sensorId = init.sensorId;
    this.positionKm = Object.freeze(checkTriple('positionKm', init.positionKm, 'km')) as Vec3;
    this.velocityKmS = Object.freeze(checkTriple('velocityKmS', init.velocityKmS, 'km/s')) as Vec3;
    this.values = Object.freeze([...this.positionKm, ...this.velocityKmS]);
    this.sigmas = Object.freeze([
      ...sigmaTriple('sigmaPositionKm', init.sigmaPositionKm, 'km'),
      ...sigmaTriple('sigmaVelocityKmS', init.sigmaVelocityKmS, 'km/s'),
    ]);
    Object.freeze(this);
  }

  /**
   * A GCRF position-velocity measurement.
   *
   * @param init - epoch, sensor, position (km), velocity (km/s), σ (km, km/s)
   * @returns the measurement
   * @throws {@link InvalidArgumentError} when a component is not finite, a σ is not positive
   *   or the sensor id is empty
   * @example
   * ```ts
   * const m = PositionVelocityMeasurement.create({
   *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'),
   *   sensorId: 'GNSS',
   *   positionKm: [7000, 0, 0],
   *   velocityKmS: [0, 7.5, 0],
   *   sigmaPositionKm: [0.01, 0.01, 0.01],
   *   sigmaVelocityKmS: 1e-5,
   * });
   * m.sigmas[3]; // 0.00001
   * ```
   */
  static create(init: PositionVelocityInit): PositionVelocityMeasurement {
    return new PositionVelocityMeasurement(init);
  }
}

/**
 * The number of components of each kind of measurement.
 *
 * @example
 * ```ts
 * MEASUREMENT_DIMENSIONS.RADEC; // 2
 * ```
 */
export const MEASUREMENT_DIMENSIONS: Readonly<Record<MeasurementKind, number>> = Object.freeze({
  RADEC: 2,
  AZEL: 2,
  RANGE: 1,
  RANGE_RATE: 1,
  POSITION: 3,
  POSITION_VELOCITY: 6,
});

function checkCommon(init: MeasurementInit): void {
  if (typeof init.sensorId !== 'string' || init.sensorId === '') {
    throw new InvalidArgumentError('sensorId', init.sensorId, '', 'must be a non-empty string');
  }
  if (init.epoch === undefined || init.epoch === null) {
    throw new InvalidArgumentError('epoch', init.epoch, '', 'must be an Epoch');
  }
}

function checkFinite(name: string, value: number, unit: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, unit, 'must be a finite number');
  }
  return value;
}

function checkSigma(name: string, value: number, unit: string): number {
  if (typeof value !== 'number' || !(value > 0 && Number.isFinite(value))) {
    throw new InvalidArgumentError(name, value, unit, 'must be positive and finite');
  }
  return value;
}

function checkTriple(name: string, value: ArrayLike<number>, unit: string): number[] {
  if (value === undefined || value === null || value.length !== 3) {
    throw new InvalidArgumentError(name, value, unit, 'must have 3 components');
  }
  return [0, 1, 2].map((i) => checkFinite(`${name}[${i}]`, value[i]!, unit));
}

function sigmaTriple(name: string, value: number | ArrayLike<number>, unit: string): number[] {
  if (typeof value === 'number') {
    const s = checkSigma(name, value, unit);
    return [s, s, s];
  }
  if (value === undefined || value === null || value.length !== 3) {
    throw new InvalidArgumentError(name, value, unit, 'must be one number or 3 components');
  }
  return [0, 1, 2].map((i) => checkSigma(`${name}[${i}]`, value[i]!, unit));
}

function wrapTwoPi(angleRad: number): number {
  const a = angleRad - TWO_PI * Math.floor(angleRad / TWO_PI);
  return a >= TWO_PI ? 0 : a;
}
