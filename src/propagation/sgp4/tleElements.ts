/**
 * The mean element set of a two-line element set (TLE), in the units and conventions of the
 * TLE's own fields.
 *
 * @example
 * ```ts
 * const tle = parseTle([
 *   '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
 *   '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
 * ]);
 * tle.inclinationDeg; // 51.6448
 * tle.meanMotionRevPerDay; // 15.49459678
 * ```
 */
export interface TleElements {
  /** Object name from the title line of a three-line set, '' when there is none. */
  readonly name: string;
  /** Catalogue number, 0…339999 (Alpha-5 numbers above 99999). */
  readonly satelliteNumber: number;
  /** Classification: 'U', 'C', 'S', or '' when the column is blank. */
  readonly classification: string;
  /** International designator as written in columns 10–17 (e.g. '98067A'), '' when blank. */
  readonly internationalDesignator: string;
  /** Epoch year, four digits (two-digit years 57–99 are 1957–1999, 00–56 are 2000–2056). */
  readonly epochYear: number;
  /** Epoch day of the year, 1-based with its fraction (1.5 is 1 January 12:00 UTC), days. */
  readonly epochDayOfYear: number;
  /**
   * The TLE's first-derivative field: half the first time derivative of the mean motion,
   * ṅ/2, rev/day². SGP4 does not use it.
   */
  readonly meanMotionDotOver2RevPerDay2: number;
  /**
   * The TLE's second-derivative field: a sixth of the second time derivative of the mean
   * motion, n̈/6, rev/day³. SGP4 does not use it.
   */
  readonly meanMotionDdotOver6RevPerDay3: number;
  /** B*, SGP4's drag term, in inverse Earth radii (1/ER). */
  readonly bstarPerEarthRadius: number;
  /** Ephemeris type (0 for SGP4; 4 is SGP4-XP, which SGP4 refuses). Blank reads as 0. */
  readonly ephemerisType: number;
  /** Element set number, 0…9999. */
  readonly elementSetNumber: number;
  /** Mean inclination, degrees. */
  readonly inclinationDeg: number;
  /** Mean right ascension of the ascending node, degrees. */
  readonly raanDeg: number;
  /** Mean eccentricity, in [0, 1). */
  readonly eccentricity: number;
  /** Mean argument of perigee, degrees. */
  readonly argOfPerigeeDeg: number;
  /** Mean anomaly, degrees. */
  readonly meanAnomalyDeg: number;
  /** Kozai mean motion, revolutions per day. */
  readonly meanMotionRevPerDay: number;
  /** Revolution number at epoch, 0…99999. */
  readonly revolutionNumber: number;
}
