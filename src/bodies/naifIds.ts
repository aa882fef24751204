/**
 * NAIF integer codes of the bodies and reference frames that JPL planetary ephemerides
 * (DE4xx SPK files) hold, after the NAIF "NAIF Integer ID codes" and "Frames" required
 * reading documents.
 *
 * @packageDocumentation
 */

/**
 * NAIF ids of the solar-system barycentre, the planetary-system barycentres, the Sun, the
 * planets and the Moon (the bodies of a DE4xx file).
 *
 * @example
 * ```ts
 * NAIF_IDS.MOON; // 301
 * NAIF_IDS.EARTH_MOON_BARYCENTER; // 3
 * ```
 */
export const NAIF_IDS = /* @__PURE__ */ Object.freeze({
  /** NAIF id of the solar system barycentre. */
  SOLAR_SYSTEM_BARYCENTER: 0,
  /** NAIF id of the mercury barycentre. */
  MERCURY_BARYCENTER: 1,
  /** NAIF id of the venus barycentre. */
  VENUS_BARYCENTER: 2,
  /** NAIF id of the earth moon barycentre. */
  EARTH_MOON_BARYCENTER: 3,
  /** NAIF id of the mars barycentre. */
  MARS_BARYCENTER: 4,
  /** NAIF id of the jupiter barycentre. */
  JUPITER_BARYCENTER: 5,
  /** NAIF id of the saturn barycentre. */
  SATURN_BARYCENTER: 6,
  /** NAIF id of the uranus barycentre. */
  URANUS_BARYCENTER: 7,
  /** NAIF id of the neptune barycentre. */
  NEPTUNE_BARYCENTER: 8,
  /** NAIF id of the pluto barycentre. */
  PLUTO_BARYCENTER: 9,
  /** NAIF id of the sun. */
  SUN: 10,
  /** NAIF id of the mercury. */
  MERCURY: 199,
  /** NAIF id of the venus. */
  VENUS: 299,
  /** NAIF id of the moon. */
  MOON: 301,
  /** NAIF id of the earth. */
  EARTH: 399,
  /** NAIF id of the mars. */
  MARS: 499,
  /** NAIF id of the jupiter. */
  JUPITER: 599,
  /** NAIF id of the saturn. */
  SATURN: 699,
  /** NAIF id of the uranus. */
  URANUS: 799,
  /** NAIF id of the neptune. */
  NEPTUNE: 899,
  /** NAIF id of the pluto. */
  PLUTO: 999,
} as const);

const BODY_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'Solar System barycenter'],
  [1, 'Mercury barycenter'],
  [2, 'Venus barycenter'],
  [3, 'Earth-Moon barycenter'],
  [4, 'Mars barycenter'],
  [5, 'Jupiter barycenter'],
  [6, 'Saturn barycenter'],
  [7, 'Uranus barycenter'],
  [8, 'Neptune barycenter'],
  [9, 'Pluto barycenter'],
  [10, 'Sun'],
  [199, 'Mercury'],
  [299, 'Venus'],
  [301, 'Moon'],
  [399, 'Earth'],
  [499, 'Mars'],
  [599, 'Jupiter'],
  [699, 'Saturn'],
  [799, 'Uranus'],
  [899, 'Neptune'],
  [999, 'Pluto'],
]);

/**
 * The name of a NAIF body id, for messages; `'body <id>'` for ids outside the DE4xx set.
 *
 * @param id - NAIF integer id
 * @returns the body's name
 * @example
 * ```ts
 * naifBodyName(399); // 'Earth'
 * naifBodyName(-82); // 'body -82'
 * ```
 */
export function naifBodyName(id: number): string {
  return BODY_NAMES.get(id) ?? `body ${id}`;
}

const FRAME_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'J2000'],
  [2, 'B1950'],
  [3, 'FK4'],
  [17, 'ECLIPJ2000'],
  [18, 'ECLIPB1950'],
]);

/**
 * The name of a NAIF inertial frame code, as found in SPK segment summaries; `'frame <id>'`
 * for codes this table does not hold. In DE4xx files frame 1 ('J2000') is the ICRF.
 *
 * @param id - NAIF frame code
 * @returns the frame's name
 * @example
 * ```ts
 * naifFrameName(1); // 'J2000'
 * ```
 */
export function naifFrameName(id: number): string {
  return FRAME_NAMES.get(id) ?? `frame ${id}`;
}
