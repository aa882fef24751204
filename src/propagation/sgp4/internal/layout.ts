/**
 * Layout of an initialised SGP4 record: the constants that sgp4init derives from one element
 * set, flattened into consecutive slots of a Float64Array so that a catalogue is one typed
 * array (and can be handed to a worker without copying object graphs). The names follow the
 * symbols of Hoots & Roehrich (1980) and Vallado et al. (2006).
 */

// Mean elements at epoch (no_unkozai is the Brouwer mean motion, rad/min).
export const NO = 0;
export const ECCO = 1;
export const INCLO = 2;
export const NODEO = 3;
export const ARGPO = 4;
export const MO = 5;
export const BSTAR = 6;
// Secular rates and drag coefficients.
export const MDOT = 7;
export const ARGPDOT = 8;
export const NODEDOT = 9;
export const NODECF = 10;
export const CC1 = 11;
export const CC4 = 12;
export const CC5 = 13;
export const T2COF = 14;
export const OMGCOF = 15;
export const XMCOF = 16;
export const ETA = 17;
export const DELMO = 18;
export const SINMAO = 19;
export const D2 = 20;
export const D3 = 21;
export const D4 = 22;
export const T3COF = 23;
export const T4COF = 24;
export const T5COF = 25;
/** 1 when the simplified drag model applies (perigee below 220 km, or deep space). */
export const ISIMP = 26;
/** 0 near-Earth (SGP4), 1 deep-space (SDP4). */
export const DEEP = 27;
export const CON41 = 28;
export const X1MTH2 = 29;
export const X7THM1 = 30;
export const XLCOF = 31;
export const AYCOF = 32;
// Gravity model.
export const XKE = 33;
export const J2 = 34;
export const J3OJ2 = 35;
export const RADIUS_KM = 36;
export const VKMPERSEC = 37;
/** Greenwich sidereal angle at epoch, rad. */
export const GSTO = 38;
/** 0 for opsmode 'i', 1 for opsmode 'a'. */
export const OPSMODE_A = 39;
/** Epoch, days since 1950 January 0.0 UTC. */
export const EPOCH_1950 = 40;
/** Status of the check at tsince = 0 (0 or an error code). */
export const INIT_STATUS = 41;
// Deep space: resonance.
export const IREZ = 42;
export const D2201 = 43;
export const D2211 = 44;
export const D3210 = 45;
export const D3222 = 46;
export const D4410 = 47;
export const D4422 = 48;
export const D5220 = 49;
export const D5232 = 50;
export const D5421 = 51;
export const D5433 = 52;
export const DEDT = 53;
export const DIDT = 54;
export const DMDT = 55;
export const DNODT = 56;
export const DOMDT = 57;
export const DEL1 = 58;
export const DEL2 = 59;
export const DEL3 = 60;
export const XFACT = 61;
export const XLAMO = 62;
// Deep space: lunar-solar periodics.
export const E3 = 63;
export const EE2 = 64;
export const SE2 = 65;
export const SE3 = 66;
export const SGH2 = 67;
export const SGH3 = 68;
export const SGH4 = 69;
export const SH2 = 70;
export const SH3 = 71;
export const SI2 = 72;
export const SI3 = 73;
export const SL2 = 74;
export const SL3 = 75;
export const SL4 = 76;
export const XGH2 = 77;
export const XGH3 = 78;
export const XGH4 = 79;
export const XH2 = 80;
export const XH3 = 81;
export const XI2 = 82;
export const XI3 = 83;
export const XL2 = 84;
export const XL3 = 85;
export const XL4 = 86;
export const ZMOL = 87;
export const ZMOS = 88;

/** Slots per record. */
export const RECORD_LENGTH = 89;
