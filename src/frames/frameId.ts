/**
 * The reference frames osmose transforms between, named for what they are:
 *
 * - `GCRF`: Geocentric Celestial Reference Frame (the ICRS at the geocentre). The root.
 * - `EME2000`: mean equator and equinox of J2000.0 (the FK5 J2000 frame, GCRF through the
 *   IAU 2006 frame bias).
 * - `CIRS`, `TIRS`, `ITRF`: the IAU 2006/2000A CIO-based chain: celestial intermediate,
 *   terrestrial intermediate, and the terrestrial frame (with polar motion).
 * - `MOD`, `TOD`, `PEF`: the IAU 1976/1980 (FK5) chain: mean of date (precession), true of
 *   date (nutation, with the EOP corrections δΔψ, δΔε), pseudo Earth-fixed (GMST82 and the
 *   1994 equation of the equinoxes).
 * - `MOD_IAU2006`, `TOD_IAU2006`: the IAU 2006/2000A equinox-based chain (Vallado's "MOD" and
 *   "ERS"), whose true equator of date meets TIRS through GST.
 * - `TEME`: true equator, mean equinox: the frame of SGP4 output, as Vallado (2006) defines it.
 */
export type FrameId =
  | 'GCRF'
  | 'EME2000'
  | 'CIRS'
  | 'TIRS'
  | 'ITRF'
  | 'MOD'
  | 'TOD'
  | 'PEF'
  | 'MOD_IAU2006'
  | 'TOD_IAU2006'
  | 'TEME';

/**
 * Every {@link FrameId}, for iteration and validation.
 *
 * @example
 * ```ts
 * FRAME_IDS.includes('TEME'); // true
 * ```
 */
export const FRAME_IDS: readonly FrameId[] = /* @__PURE__ */ Object.freeze([
  'GCRF',
  'EME2000',
  'CIRS',
  'TIRS',
  'ITRF',
  'MOD',
  'TOD',
  'PEF',
  'MOD_IAU2006',
  'TOD_IAU2006',
  'TEME',
]);

/**
 * Whether a string names a {@link FrameId}.
 *
 * @param value - any string
 * @returns true for one of {@link FRAME_IDS}
 * @example
 * ```ts
 * isFrameId('ITRF'); // true
 * isFrameId('ECI'); // false
 * ```
 */
export function isFrameId(value: string): value is FrameId {
  return (FRAME_IDS as readonly string[]).includes(value);
}

/**
 * Whether a frame rotates with the Earth (its velocities include the Earth's rotation).
 *
 * @param frame - the frame
 * @returns true for ITRF, TIRS and PEF
 * @example
 * ```ts
 * isEarthFixed('ITRF'); // true
 * isEarthFixed('TEME'); // false
 * ```
 */
export function isEarthFixed(frame: FrameId): boolean {
  return frame === 'ITRF' || frame === 'TIRS' || frame === 'PEF';
}
