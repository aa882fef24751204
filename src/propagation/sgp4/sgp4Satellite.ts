import {
  SGP4_WGS72,
  SGP4_WGS72_OLD,
  SGP4_WGS84,
  type Sgp4GravityConstants,
} from '../../bodies/constants';
import { InvalidArgumentError } from '../../errors';
import { daysFrom1950 } from './internal/epochDays';
import { initialiseRecord } from './internal/initialise';
import * as L from './internal/layout';
import { propagateRecordInto, SingleSampleScratch } from './internal/propagateRecord';
import type { TleElements } from './tleElements';

/** The gravity constant sets of SGP4 (Vallado et al. 2006, getgravconst). */
export type Sgp4GravityModel = 'wgs72' | 'wgs72old' | 'wgs84';

/**
 * SGP4 operation mode: `'i'` (improved, default: the sidereal angle from the IAU 1982 GMST
 * and no node wrap) or `'a'` (the original AFSPC code's sidereal angle and node handling).
 */
export type Sgp4OpsMode = 'i' | 'a';

/**
 * Status of one SGP4 sample, as the reference code's error codes (Vallado et al. 2006,
 * sgp4): 0 success; 1 mean eccentricity out of [−0.001, 1); 2 mean motion < 0;
 * 3 perturbed eccentricity out of [0, 1]; 4 semi-latus rectum < 0; 5 sub-orbital epoch
 * elements (no longer raised); 6 radius below one Earth radius (decayed; the state is
 * still returned).
 */
export type Sgp4Status = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * What each {@link Sgp4Status} means.
 *
 * @example
 * ```ts
 * SGP4_STATUS_MESSAGES[6]; // 'radius below one Earth radius: the satellite has decayed'
 * ```
 */
export const SGP4_STATUS_MESSAGES: Readonly<Record<Sgp4Status, string>> = Object.freeze({
  0: 'success',
  1: 'mean eccentricity outside [-0.001, 1)',
  2: 'mean motion below zero',
  3: 'perturbed eccentricity outside [0, 1]',
  4: 'semi-latus rectum below zero',
  5: 'epoch elements are sub-orbital',
  6: 'radius below one Earth radius: the satellite has decayed',
});

/** Options of {@link Sgp4Satellite.fromTle}. */
export interface Sgp4Options {
  /** Gravity constants. Default `'wgs72'`, the set TLEs are fitted with. */
  readonly gravity?: Sgp4GravityModel;
  /** Operation mode. Default `'i'`. */
  readonly opsMode?: Sgp4OpsMode;
}

const GRAVITY: Readonly<Record<Sgp4GravityModel, Sgp4GravityConstants>> = {
  wgs72: SGP4_WGS72,
  wgs72old: SGP4_WGS72_OLD,
  wgs84: SGP4_WGS84,
};

const DEG = Math.PI / 180;
/** Minutes per day over 2π: rev/day → rad/min divides by it (Vallado's xpdotp). */
const XPDOTP = 1440 / (2 * Math.PI);
/** Julian date of 1950 January 0.0. */
const JD_1950_JAN_0 = 2433281.5;

/**
 * A satellite ready for SGP4: an element set with the constants that SGP4's initialisation
 * derives from it, flattened into one Float64Array record.
 *
 * @example
 * ```ts
 * const sat = Sgp4Satellite.fromTle(parseTle([
 *   '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
 *   '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
 * ]));
 * sat.isDeepSpace; // false
 * sat.initStatus; // 0
 * ```
 */
export class Sgp4Satellite {
  /** The element set it was built from. */
  readonly elements: TleElements;
  /** Gravity constants used. */
  readonly gravity: Sgp4GravityModel;
  /** Operation mode used. */
  readonly opsMode: Sgp4OpsMode;
  /** True for SDP4 (period ≥ 225 min), false for SGP4. */
  readonly isDeepSpace: boolean;
  /**
   * The status SGP4 gives at the epoch (tsince = 0); non-zero means the element set cannot
   * be propagated even at its own epoch (the reference's sgp4init return).
   */
  readonly initStatus: Sgp4Status;
  /**
   * The initialised record (opaque layout, do not modify); {@link createSgp4Catalogue}
   * copies it.
   * @internal
   */
  readonly record: Float64Array;
  /** Arrays of single-sample calls, made on the first one. */
  #single: SingleSampleScratch | undefined;

  private constructor(elements: TleElements, gravity: Sgp4GravityModel, opsMode: Sgp4OpsMode) {
    this.elements = elements;
    this.gravity = gravity;
    this.opsMode = opsMode;
    this.record = new Float64Array(L.RECORD_LENGTH);
    initialiseRecord(
      this.record,
      0,
      {
        epoch1950: epochDays1950(elements),
        noKozaiRadMin: elements.meanMotionRevPerDay / XPDOTP,
        ecco: elements.eccentricity,
        incloRad: elements.inclinationDeg * DEG,
        nodeoRad: elements.raanDeg * DEG,
        argpoRad: elements.argOfPerigeeDeg * DEG,
        moRad: elements.meanAnomalyDeg * DEG,
        bstar: elements.bstarPerEarthRadius,
      },
      GRAVITY[gravity],
      opsMode === 'a',
    );
    this.isDeepSpace = this.record[L.DEEP] === 1;
    const scratch = new Float64Array(6);
    this.initStatus = propagateRecordInto(scratch, this.record, 0, 0) as Sgp4Status;
    this.record[L.INIT_STATUS] = this.initStatus;
  }

  /**
   * Initialises SGP4 for an element set (from a TLE or an OMM).
   *
   * @param elements - the element set
   * @param options - gravity constants and operation mode
   * @returns the satellite
   * @throws {@link InvalidArgumentError} for an SGP4-XP element set (ephemeris type 4), an
   *   unknown gravity model or mode, or elements SGP4 cannot start from (e ∉ [0, 1), mean
   *   motion ≤ 0 rev/day, a non-finite value)
   * @see Vallado et al. (2006), "Revisiting Spacetrack Report #3", AIAA 2006-6753, sgp4init
   * @example
   * ```ts
   * const tle = parseTle([
   *   '1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753',
   *   '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667',
   * ]);
   * Sgp4Satellite.fromTle(tle, { gravity: 'wgs72' }).initStatus; // 0
   * ```
   */
  static fromTle(elements: TleElements, options: Sgp4Options = {}): Sgp4Satellite {
    const gravity = options.gravity ?? 'wgs72';
    const opsMode = options.opsMode ?? 'i';
    if (!(gravity in GRAVITY)) {
      throw new InvalidArgumentError(
        'gravity',
        gravity,
        '',
        "must be 'wgs72', 'wgs72old' or 'wgs84'",
      );
    }
    if (opsMode !== 'i' && opsMode !== 'a') {
      throw new InvalidArgumentError('opsMode', opsMode, '', "must be 'i' or 'a'");
    }
    if (elements.ephemerisType === 4) {
      throw new InvalidArgumentError(
        'ephemerisType',
        4,
        '',
        `element set ${elements.satelliteNumber} is SGP4-XP (ephemeris type 4), which SGP4 cannot propagate`,
      );
    }
    const e = elements.eccentricity;
    if (!(e >= 0 && e < 1)) {
      throw new InvalidArgumentError('eccentricity', e, '', 'must be in [0, 1)');
    }
    const n = elements.meanMotionRevPerDay;
    if (!(n > 0 && Number.isFinite(n))) {
      throw new InvalidArgumentError('meanMotionRevPerDay', n, 'rev/day', 'must be > 0');
    }
    for (const key of [
      'inclinationDeg',
      'raanDeg',
      'argOfPerigeeDeg',
      'meanAnomalyDeg',
      'bstarPerEarthRadius',
      'epochDayOfYear',
      'epochYear',
    ] as const) {
      if (!Number.isFinite(elements[key])) {
        throw new InvalidArgumentError(key, elements[key], '', 'must be finite');
      }
    }
    return new Sgp4Satellite(elements, gravity, opsMode);
  }

  /**
   * One sample into `out` ([x, y, z, vx, vy, vz], km and km/s, TEME), with arrays reused
   * across this satellite's calls: the kernel of `propagateSgp4`.
   *
   * @param out - receives the state (NaN for statuses 1–4)
   * @param tsinceMin - minutes since the element set's epoch
   * @returns the status
   * @internal
   */
  sampleInto(out: Float64Array | number[], tsinceMin: number): Sgp4Status {
    this.#single ??= new SingleSampleScratch();
    return this.#single.run(out, this.record, 0, tsinceMin) as Sgp4Status;
  }
}

/**
 * Days since 1950 January 0.0 UTC of the element set's epoch, computed as the reference
 * does: a Julian date (midnight + fraction of day) rounded to a double, minus JD 2433281.5.
 * The rounding at Julian-date magnitude (up to 2.3e-10 d) is kept on purpose: the
 * lunar-solar terms of very eccentric deep-space orbits (WIND, 23333) move by up to 4 µm
 * with it, more than the verification tolerance allows.
 */
function epochDays1950(e: TleElements): number {
  const whole = Math.floor(e.epochDayOfYear);
  const jd = JD_1950_JAN_0 + daysFrom1950(e.epochYear) + whole + (e.epochDayOfYear - whole);
  return jd - JD_1950_JAN_0;
}
