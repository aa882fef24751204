/** Seconds in a day of 86400 SI seconds. */
export const SECONDS_PER_DAY = 86400;
/** Julian date of J2000.0 (2000-01-01T12:00:00 in the scale at hand). */
export const JD_J2000 = 2451545.0;
/** Modified Julian date of J2000.0. */
export const MJD_J2000 = 51544.5;
/** Julian date of MJD 0 (1858-11-17T00:00). */
export const JD_MJD0 = 2400000.5;
/** Days in a Julian century. */
export const DAYS_PER_JULIAN_CENTURY = 36525;
/** TT − TAI, s (IAU 1991 Resolution A4, exact by definition). */
export const TT_MINUS_TAI_S = 32.184;
/** TAI − GPS time, s (GPS time was set to UTC at 1980-01-06, when TAI−UTC was 19 s). */
export const TAI_MINUS_GPS_S = 19;
/** L_G, the rate of TCG relative to TT (IAU 2000 Resolution B1.9, defining constant). */
export const L_G = 6.969290134e-10;
/** L_B, the rate of TCB relative to TDB (IAU 2006 Resolution B3, defining constant). */
export const L_B = 1.550519768e-8;
/** TDB0, the offset of TDB at T0, s (IAU 2006 Resolution B3). */
export const TDB0_S = -6.55e-5;
/**
 * T0 = 1977-01-01T00:00:32.184 TT (JD 2443144.5003725 in TT, TCG and TCB), as whole
 * seconds since J2000 plus a fraction: (2443144.5003725 − 2451545.0) × 86400 s.
 */
export const T0_J2000_WHOLE_S = -725803168;
/** Fraction of a second of T0 (see {@link T0_J2000_WHOLE_S}). */
export const T0_J2000_FRAC_S = 0.184;
/** MJD of the GPS time origin, 1980-01-06T00:00:00 UTC. */
export const MJD_GPS_EPOCH = 44244;
/** Seconds in a GPS week. */
export const SECONDS_PER_WEEK = 604800;
