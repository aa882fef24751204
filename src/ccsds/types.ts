import type { FrameId } from '../frames';
import type { Vec3 } from '../math';
import type { Epoch } from '../time';

/** The encodings of a CCSDS navigation data message. */
export type CcsdsEncoding = 'KVN' | 'XML';

/** The header every message starts with. */
export interface CcsdsHeader {
  /** Version of the standard, as written: `1.0`, `2.0` or `3.0` (TDM: `1.0`, `2.0`). */
  readonly version: string;
  /** COMMENT lines of the header, in order. */
  readonly comments: readonly string[];
  /** CLASSIFICATION (ODM 3.0). */
  readonly classification?: string;
  /** CREATION_DATE, always UTC; undefined when written empty (as CelesTrak does). */
  readonly creationDate?: Epoch;
  /** ORIGINATOR; undefined when written empty (as CelesTrak does). */
  readonly originator?: string;
  /** MESSAGE_ID (ODM 3.0, TDM 2.0). */
  readonly messageId?: string;
}

/** Metadata shared by OPM, OMM and OEM segments. */
export interface OdmMetadataCommon {
  /** COMMENT lines at the start of the metadata. */
  readonly comments: readonly string[];
  /** OBJECT_NAME. */
  readonly objectName: string;
  /** OBJECT_ID, usually the international designator `YYYY-NNNP{PP}`. */
  readonly objectId: string;
  /** CENTER_NAME, upper-cased (`EARTH`, `MARS BARYCENTER`, `SSB`…). */
  readonly centerName: string;
  /** REF_FRAME, upper-cased, as written (`EME2000`, `J2000`, `ITRF-93`, …). */
  readonly refFrame: string;
  /**
   * The osmose frame whose axes REF_FRAME names (`J2000` → `EME2000`, `ITRF2014` → `ITRF`,
   * `GTOD` → `PEF`, …), or undefined when there is none. The origin is CENTER_NAME's.
   */
  readonly frame?: FrameId;
  /** REF_FRAME_EPOCH, for frames of date that need one. */
  readonly refFrameEpoch?: Epoch;
  /** TIME_SYSTEM, upper-cased (`UTC`, `TAI`, `TT`, `GPS`, `TDB`, `TCB`, `TCG`, `UT1`, `MRT`…). */
  readonly timeSystem: string;
}

/** OPM metadata. */
export type OpmMetadata = OdmMetadataCommon;

/** OMM metadata. */
export interface OmmMetadata extends OdmMetadataCommon {
  /** MEAN_ELEMENT_THEORY (`SGP/SGP4`, `SGP4`, `SGP4-XP`, `DSST`, …). */
  readonly meanElementTheory: string;
}

/** OEM segment metadata. */
export interface OemMetadata extends OdmMetadataCommon {
  /** START_TIME: first instant covered. */
  readonly startTime: Epoch;
  /** USEABLE_START_TIME. */
  readonly useableStartTime?: Epoch;
  /** USEABLE_STOP_TIME. */
  readonly useableStopTime?: Epoch;
  /** STOP_TIME: last instant covered. */
  readonly stopTime: Epoch;
  /** INTERPOLATION method, upper-cased (`HERMITE`, `LAGRANGE`, `LINEAR`). */
  readonly interpolation?: string;
  /** INTERPOLATION_DEGREE. */
  readonly interpolationDegree?: number;
}

/** A state vector block (OPM) or one ephemeris line (OEM). */
export interface CcsdsStateVector {
  /** The instant. */
  readonly epoch: Epoch;
  /** Position X, Y, Z, km. */
  readonly positionKm: Vec3;
  /** Velocity X_DOT, Y_DOT, Z_DOT, km/s. */
  readonly velocityKmS: Vec3;
  /** Acceleration X_DDOT, Y_DDOT, Z_DDOT, km/s² (OEM 2.0+, optional). */
  readonly accelerationKmS2?: Vec3;
}

/** The OPM state vector block. */
export interface OpmStateVector extends CcsdsStateVector {
  /** COMMENT lines at the start of the block. */
  readonly comments: readonly string[];
}

/**
 * A 6×6 position-velocity covariance as the messages write it: the lower triangle, row by
 * row (CX_X; CY_X CY_Y; CZ_X CZ_Y CZ_Z; CX_DOT_X … CX_DOT_X_DOT; …; CZ_DOT_Z_DOT), 21 values
 * in km², km²/s and km²/s².
 */
export interface CcsdsCovariance {
  /** COMMENT lines at the start of the block. */
  readonly comments: readonly string[];
  /** EPOCH of the covariance (OEM only; OPM and OMM covariances are at the state's epoch). */
  readonly epoch?: Epoch;
  /** COV_REF_FRAME, upper-cased (`RTN`, `TNW`, `EME2000`…); the metadata REF_FRAME when absent. */
  readonly covRefFrame?: string;
  /** The 21 lower-triangle values, row-major, km², km²/s, km²/s². */
  readonly lowerTriangle: readonly number[];
}

/** OPM and OMM Keplerian or mean elements share these. */
export interface CcsdsElementsCommon {
  /** COMMENT lines at the start of the block. */
  readonly comments: readonly string[];
  /** ECCENTRICITY. */
  readonly eccentricity: number;
  /** INCLINATION, deg. */
  readonly inclinationDeg: number;
  /** RA_OF_ASC_NODE, deg. */
  readonly raOfAscNodeDeg: number;
  /** ARG_OF_PERICENTER, deg. */
  readonly argOfPericenterDeg: number;
  /** GM, km³/s². */
  readonly gmKm3S2?: number;
}

/** OPM osculating Keplerian elements. */
export interface OpmKeplerianElements extends CcsdsElementsCommon {
  /** SEMI_MAJOR_AXIS, km. */
  readonly semiMajorAxisKm: number;
  /** TRUE_ANOMALY, deg (one of the two anomalies is given). */
  readonly trueAnomalyDeg?: number;
  /** MEAN_ANOMALY, deg. */
  readonly meanAnomalyDeg?: number;
}

/** OMM mean elements. */
export interface OmmMeanElements extends CcsdsElementsCommon {
  /** EPOCH of the elements. */
  readonly epoch: Epoch;
  /** SEMI_MAJOR_AXIS, km (or MEAN_MOTION). */
  readonly semiMajorAxisKm?: number;
  /** MEAN_MOTION, rev/day (or SEMI_MAJOR_AXIS). */
  readonly meanMotionRevPerDay?: number;
  /** MEAN_ANOMALY, deg. */
  readonly meanAnomalyDeg: number;
}

/** Spacecraft parameters (OPM, OMM). */
export interface CcsdsSpacecraftParameters {
  /** COMMENT lines at the start of the block. */
  readonly comments: readonly string[];
  /** MASS, kg. */
  readonly massKg?: number;
  /** SOLAR_RAD_AREA, m². */
  readonly solarRadAreaM2?: number;
  /** SOLAR_RAD_COEFF. */
  readonly solarRadCoeff?: number;
  /** DRAG_AREA, m². */
  readonly dragAreaM2?: number;
  /** DRAG_COEFF. */
  readonly dragCoeff?: number;
}

/**
 * OMM TLE-related parameters. MEAN_MOTION_DOT and MEAN_MOTION_DDOT are kept as written; see
 * {@link ommToSgp4Record} for how they relate to the TLE fields.
 */
export interface OmmTleParameters {
  /** COMMENT lines at the start of the block. */
  readonly comments: readonly string[];
  /** EPHEMERIS_TYPE (0 for SGP4). */
  readonly ephemerisType?: number;
  /** CLASSIFICATION_TYPE (`U`, `C`, `S`). */
  readonly classificationType?: string;
  /** NORAD_CAT_ID. */
  readonly noradCatId?: number;
  /** ELEMENT_SET_NO. */
  readonly elementSetNo?: number;
  /** REV_AT_EPOCH. */
  readonly revAtEpoch?: number;
  /** BSTAR, 1/Earth radii. */
  readonly bstarPerEarthRadii?: number;
  /** BTERM (SGP4-XP), m²/kg. */
  readonly btermM2Kg?: number;
  /** MEAN_MOTION_DOT, rev/day². */
  readonly meanMotionDotRevPerDay2?: number;
  /** MEAN_MOTION_DDOT, rev/day³. */
  readonly meanMotionDdotRevPerDay3?: number;
  /** AGOM (SGP4-XP), m²/kg. */
  readonly agomM2Kg?: number;
}

/** An OPM maneuver. */
export interface OpmManeuver {
  /** COMMENT lines at the start of the block. */
  readonly comments: readonly string[];
  /** MAN_EPOCH_IGNITION. */
  readonly epochIgnition: Epoch;
  /** MAN_DURATION, s (0 for an impulse); optional in practice, mandatory in the standard. */
  readonly durationS?: number;
  /** MAN_DELTA_MASS, kg (negative); optional in practice, mandatory in the standard. */
  readonly deltaMassKg?: number;
  /** MAN_REF_FRAME, upper-cased (`RTN`, `TNW`, `EME2000`…). */
  readonly refFrame: string;
  /** MAN_DV_1, MAN_DV_2, MAN_DV_3, km/s. */
  readonly dvKmS: Vec3;
}

/** USER_DEFINED_x parameters, in order. */
export interface CcsdsUserDefined {
  /** COMMENT lines at the start of the block. */
  readonly comments: readonly string[];
  /** Values by parameter name (the keyword without `USER_DEFINED_`). */
  readonly parameters: Readonly<Record<string, string>>;
}

/** An Orbit Parameter Message. */
export interface OpmMessage {
  /** Message type. */
  readonly type: 'OPM';
  /** Header. */
  readonly header: CcsdsHeader;
  /** Metadata. */
  readonly metadata: OpmMetadata;
  /** State vector. */
  readonly stateVector: OpmStateVector;
  /** Osculating Keplerian elements, when given. */
  readonly keplerianElements?: OpmKeplerianElements;
  /** Spacecraft parameters, when given. */
  readonly spacecraft?: CcsdsSpacecraftParameters;
  /** Covariance, when given. */
  readonly covariance?: CcsdsCovariance;
  /** Maneuvers, in order (possibly none). */
  readonly maneuvers: readonly OpmManeuver[];
  /** User-defined parameters, when given. */
  readonly userDefined?: CcsdsUserDefined;
}

/** An Orbit Mean-elements Message. */
export interface OmmMessage {
  /** Message type. */
  readonly type: 'OMM';
  /** Header. */
  readonly header: CcsdsHeader;
  /** Metadata. */
  readonly metadata: OmmMetadata;
  /** Mean elements. */
  readonly meanElements: OmmMeanElements;
  /** Spacecraft parameters, when given. */
  readonly spacecraft?: CcsdsSpacecraftParameters;
  /** TLE-related parameters, when given. */
  readonly tleParameters?: OmmTleParameters;
  /** Covariance, when given. */
  readonly covariance?: CcsdsCovariance;
  /** User-defined parameters, when given. */
  readonly userDefined?: CcsdsUserDefined;
}

/** One OEM segment: metadata, ephemeris lines, covariances. */
export interface OemSegment {
  /** Metadata. */
  readonly metadata: OemMetadata;
  /** COMMENT lines at the start of the data. */
  readonly dataComments: readonly string[];
  /** Ephemeris lines, in order. */
  readonly states: readonly CcsdsStateVector[];
  /** Covariances (between COVARIANCE_START and COVARIANCE_STOP), in order. */
  readonly covariances: readonly CcsdsCovariance[];
}

/** An Orbit Ephemeris Message. */
export interface OemMessage {
  /** Message type. */
  readonly type: 'OEM';
  /** Header. */
  readonly header: CcsdsHeader;
  /** Segments, in order. */
  readonly segments: readonly OemSegment[];
}

/** TDM metadata (CCSDS 503.0-B-1 and -B-2). Indexed keywords are keyed by their index. */
export interface TdmMetadata {
  /** COMMENT lines at the start of the metadata. */
  readonly comments: readonly string[];
  /** TRACK_ID (TDM 2.0). */
  readonly trackId?: string;
  /** DATA_TYPES (TDM 2.0), the comma-separated list. */
  readonly dataTypes?: readonly string[];
  /** TIME_SYSTEM, upper-cased. */
  readonly timeSystem: string;
  /** START_TIME. */
  readonly startTime?: Epoch;
  /** STOP_TIME. */
  readonly stopTime?: Epoch;
  /** PARTICIPANT_n by n (1..5). */
  readonly participants: Readonly<Record<number, string>>;
  /** MODE (`SEQUENTIAL`, `SINGLE_DIFF`). */
  readonly mode?: string;
  /** PATH as participant numbers in signal order (`2,1` → [2, 1]). */
  readonly path?: readonly number[];
  /** PATH_1 (single-difference mode). */
  readonly path1?: readonly number[];
  /** PATH_2 (single-difference mode). */
  readonly path2?: readonly number[];
  /** EPHEMERIS_NAME_n by n (TDM 2.0). */
  readonly ephemerisNames?: Readonly<Record<number, string>>;
  /** TRANSMIT_BAND. */
  readonly transmitBand?: string;
  /** RECEIVE_BAND. */
  readonly receiveBand?: string;
  /** TURNAROUND_NUMERATOR. */
  readonly turnaroundNumerator?: number;
  /** TURNAROUND_DENOMINATOR. */
  readonly turnaroundDenominator?: number;
  /** TIMETAG_REF (`TRANSMIT`, `RECEIVE`). */
  readonly timetagRef?: string;
  /** INTEGRATION_INTERVAL, s. */
  readonly integrationIntervalS?: number;
  /** INTEGRATION_REF (`START`, `MIDDLE`, `END`). */
  readonly integrationRef?: string;
  /** FREQ_OFFSET, Hz. */
  readonly freqOffsetHz?: number;
  /** RANGE_MODE (`COHERENT`, `CONSTANT`, `ONE_WAY`). */
  readonly rangeMode?: string;
  /** RANGE_MODULUS, in RANGE_UNITS. */
  readonly rangeModulus?: number;
  /** RANGE_UNITS (`km`, `s`, `RU`), as written. */
  readonly rangeUnits?: string;
  /** ANGLE_TYPE (`AZEL`, `RADEC`, `XEYN`, `XSYE`, or another, as written upper-cased). */
  readonly angleType?: string;
  /** REFERENCE_FRAME of RADEC angles, upper-cased as written. */
  readonly referenceFrame?: string;
  /** The osmose frame of REFERENCE_FRAME, when there is one. */
  readonly referenceFrameId?: FrameId;
  /** INTERPOLATION (TDM 2.0). */
  readonly interpolation?: string;
  /** INTERPOLATION_DEGREE (TDM 2.0). */
  readonly interpolationDegree?: number;
  /** DOPPLER_COUNT_BIAS, Hz (TDM 2.0). */
  readonly dopplerCountBiasHz?: number;
  /** DOPPLER_COUNT_SCALE (TDM 2.0). */
  readonly dopplerCountScale?: number;
  /** DOPPLER_COUNT_ROLLOVER (`YES`, `NO`; TDM 2.0). */
  readonly dopplerCountRollover?: string;
  /** TRANSMIT_DELAY_n by participant n, s. */
  readonly transmitDelaysS?: Readonly<Record<number, number>>;
  /** RECEIVE_DELAY_n by participant n, s. */
  readonly receiveDelaysS?: Readonly<Record<number, number>>;
  /** DATA_QUALITY (`RAW`, `VALIDATED`, `DEGRADED`). */
  readonly dataQuality?: string;
  /** CORRECTION_ANGLE_1, deg. */
  readonly correctionAngle1Deg?: number;
  /** CORRECTION_ANGLE_2, deg. */
  readonly correctionAngle2Deg?: number;
  /** CORRECTION_DOPPLER, km/s. */
  readonly correctionDopplerKmS?: number;
  /** CORRECTION_MAG. */
  readonly correctionMag?: number;
  /** CORRECTION_RANGE, in RANGE_UNITS. */
  readonly correctionRange?: number;
  /** CORRECTION_RCS, m². */
  readonly correctionRcsM2?: number;
  /** CORRECTION_RECEIVE, Hz. */
  readonly correctionReceiveHz?: number;
  /** CORRECTION_TRANSMIT, Hz. */
  readonly correctionTransmitHz?: number;
  /** CORRECTION_ABERRATION_YEARLY, deg (TDM 2.0). */
  readonly correctionAberrationYearlyDeg?: number;
  /** CORRECTION_ABERRATION_DIURNAL, deg (TDM 2.0). */
  readonly correctionAberrationDiurnalDeg?: number;
  /** CORRECTIONS_APPLIED (`YES`, `NO`). */
  readonly correctionsApplied?: string;
  /**
   * 1-based line of META_START (KVN) or of the `<metadata>` element (XML) in the text it was
   * read from, for error messages downstream. Set by the readers, ignored by the writers;
   * undefined for metadata built in code. Not part of the content.
   */
  readonly line?: number;
  /**
   * 1-based line of each metadata keyword read (KVN: its line; XML: its element's), by
   * keyword (`'ANGLE_TYPE'`, `'PATH'`…); as {@link TdmMetadata.line}, not part of the content.
   */
  readonly keywordLines?: Readonly<Record<string, number>>;
}

/** One TDM observation, raw: the data keyword, its epoch and its value in the TDM's units. */
export interface TdmObservation {
  /** Data keyword (`RANGE`, `ANGLE_1`, `RECEIVE_FREQ_2`, …). */
  readonly keyword: string;
  /** The instant. */
  readonly epoch: Epoch;
  /** The value, in the unit the standard gives for the keyword (deg, Hz, RANGE_UNITS…). */
  readonly value: number;
  /**
   * 1-based line of the observation in the text it was read from (KVN: its line; XML: the
   * line of its EPOCH element), for error messages downstream. Set by the readers, ignored by
   * the writers; undefined for an observation built in code. Not part of the content: the
   * same observation has other lines in KVN and XML, or after a rewrite.
   */
  readonly line?: number;
}

/** One TDM segment. */
export interface TdmSegment {
  /** Metadata. */
  readonly metadata: TdmMetadata;
  /** COMMENT lines at the start of the data. */
  readonly dataComments: readonly string[];
  /** Observations, in order. */
  readonly observations: readonly TdmObservation[];
}

/** A Tracking Data Message. */
export interface TdmMessage {
  /** Message type. */
  readonly type: 'TDM';
  /** Header. */
  readonly header: CcsdsHeader;
  /** Segments, in order. */
  readonly segments: readonly TdmSegment[];
}

/** Any message this module reads. */
export type CcsdsMessage = OemMessage | OmmMessage | OpmMessage | TdmMessage;
