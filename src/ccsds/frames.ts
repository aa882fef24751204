import type { FrameId } from '../frames';

const FRAME_OF: Readonly<Record<string, FrameId>> = {
  EME2000: 'EME2000',
  J2000: 'EME2000',
  GCRF: 'GCRF',
  ICRF: 'GCRF',
  TEME: 'TEME',
  TOD: 'TOD',
  MOD: 'MOD',
  GTOD: 'PEF',
  PEF: 'PEF',
  CIRF: 'CIRS',
  CIRS: 'CIRS',
  TIRF: 'TIRS',
  TIRS: 'TIRS',
};

const ITRF_NAME = /^ITRF(?:[-_]?\d{2,4})?$/;

/**
 * The osmose frame whose axes a CCSDS REF_FRAME (or COV_REF_FRAME, REFERENCE_FRAME) names,
 * or undefined. `J2000` is EME2000; `ICRF` has the GCRF's axes (the origin is CENTER_NAME's);
 * every ITRF realisation (`ITRF-93`, `ITRF-97`, `ITRF2000`, …, `ITRF2020`) maps to `ITRF`,
 * the differences between realisations (centimetres) being below what osmose models; `GTOD`
 * (Greenwich true of date) is the IAU 1976/1980 pseudo Earth-fixed frame, `PEF`. MOD and
 * TOD are the IAU 1976/1980 frames of date.
 *
 * @param name - the frame name as written (any case)
 * @returns the frame, or undefined for a name with no osmose equivalent (`RTN`, `ZZRF`…)
 * @see SANA registry of CCSDS reference frames; CCSDS 502.0-B-3 Annex B
 * @example
 * ```ts
 * ccsdsFrameToFrameId('J2000'); // 'EME2000'
 * ccsdsFrameToFrameId('ITRF-93'); // 'ITRF'
 * ccsdsFrameToFrameId('RTN'); // undefined
 * ```
 */
export function ccsdsFrameToFrameId(name: string): FrameId | undefined {
  const n = name.trim().toUpperCase();
  return FRAME_OF[n] ?? (ITRF_NAME.test(n) ? 'ITRF' : undefined);
}

/**
 * The CCSDS name to write for an osmose frame (the inverse of {@link ccsdsFrameToFrameId} on
 * its canonical names).
 *
 * @param frame - the frame
 * @returns the REF_FRAME text, e.g. `EME2000`, `GCRF`, `ITRF2014`… (`ITRF` for ITRF)
 * @example
 * ```ts
 * frameIdToCcsdsFrame('PEF'); // 'GTOD'
 * ```
 */
export function frameIdToCcsdsFrame(frame: FrameId): string {
  switch (frame) {
    case 'PEF':
      return 'GTOD';
    case 'CIRS':
      return 'CIRF';
    case 'TIRS':
      return 'TIRF';
    default:
      return frame;
  }
}

const CENTER_ALIASES: Readonly<Record<string, string>> = {
  'SOLAR SYSTEM BARYCENTER': 'SSB',
  SSB: 'SSB',
  'EARTH BARYCENTER': 'EMB',
  'EARTH-MOON BARYCENTER': 'EMB',
  'EARTH MOON BARYCENTER': 'EMB',
  EMB: 'EMB',
};

/**
 * The canonical form of a CENTER_NAME: upper case, single spaces, and the spellings of the
 * two barycentres merged (`SOLAR SYSTEM BARYCENTER` → `SSB`; `EARTH BARYCENTER`,
 * `EARTH-MOON BARYCENTER`, `EARTH MOON BARYCENTER` → `EMB`). Other names are returned upper
 * cased; whether a body of that name exists is for the caller to decide.
 *
 * @param name - CENTER_NAME as written
 * @returns the canonical name
 * @example
 * ```ts
 * canonicalCenterName('Earth-Moon Barycenter'); // 'EMB'
 * canonicalCenterName('earth'); // 'EARTH'
 * ```
 */
export function canonicalCenterName(name: string): string {
  const n = name.trim().toUpperCase().replace(/\s+/g, ' ');
  return CENTER_ALIASES[n] ?? n;
}
