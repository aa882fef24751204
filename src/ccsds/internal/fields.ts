/**
 * The keywords of each block of each message: which field of the typed message each one
 * fills, how its value is read, and its standard unit. Readers and writers both walk these
 * tables, so a keyword is read and written the same way, in the standard's order.
 */

/** How a keyword's value is read. */
export type FieldKind =
  | 'text' // as written
  | 'upper' // upper-cased (enumerations, names compared without case)
  | 'number'
  | 'int'
  | 'epoch' // in the message's time system
  | 'utc' // CREATION_DATE
  | 'list' // comma-separated words
  | 'path'; // comma-separated participant numbers

/** One keyword. */
export interface FieldSpec {
  readonly kw: string;
  /** Field of the block object. */
  readonly field: string;
  readonly kind: FieldKind;
  /** Standard unit ('' dimensionless, '*' stated elsewhere); numbers only. */
  readonly unit?: string;
  /** Position in an array field (X, Y, Z → positionKm[0..2]; CX_X… → lowerTriangle). */
  readonly index?: number;
  /** Key in a record field (PARTICIPANT_n → participants[n]). */
  readonly key?: number;
  readonly required?: boolean;
  /** The keyword must be there but may be empty (CelesTrak's `<CREATION_DATE/>`). */
  readonly mayBeEmpty?: boolean;
}

/** A block: its keywords in the standard's order. */
export interface BlockSpec {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  /** Map from keyword to spec (built once). */
  readonly byKeyword: ReadonlyMap<string, FieldSpec>;
}

function block(name: string, fields: readonly FieldSpec[]): BlockSpec {
  return { name, fields, byKeyword: new Map(fields.map((f) => [f.kw, f])) };
}

const f = (
  kw: string,
  field: string,
  kind: FieldKind,
  extra: Partial<Pick<FieldSpec, 'unit' | 'index' | 'key' | 'required' | 'mayBeEmpty'>> = {},
): FieldSpec => ({ kw, field, kind, ...extra });

export const HEADER_BLOCK = block('header', [
  f('CLASSIFICATION', 'classification', 'text'),
  f('CREATION_DATE', 'creationDate', 'utc', { required: true, mayBeEmpty: true }),
  f('ORIGINATOR', 'originator', 'text', { required: true, mayBeEmpty: true }),
  f('MESSAGE_ID', 'messageId', 'text'),
]);

const ODM_META_COMMON: readonly FieldSpec[] = [
  f('OBJECT_NAME', 'objectName', 'text', { required: true }),
  f('OBJECT_ID', 'objectId', 'text', { required: true }),
  f('CENTER_NAME', 'centerName', 'upper', { required: true }),
  f('REF_FRAME', 'refFrame', 'upper', { required: true }),
  f('REF_FRAME_EPOCH', 'refFrameEpoch', 'epoch'),
  f('TIME_SYSTEM', 'timeSystem', 'upper', { required: true }),
];

export const OPM_META_BLOCK = block('metadata', ODM_META_COMMON);

export const OMM_META_BLOCK = block('metadata', [
  ...ODM_META_COMMON,
  f('MEAN_ELEMENT_THEORY', 'meanElementTheory', 'text', { required: true }),
]);

export const OEM_META_BLOCK = block('metadata', [
  ...ODM_META_COMMON,
  f('START_TIME', 'startTime', 'epoch', { required: true }),
  f('USEABLE_START_TIME', 'useableStartTime', 'epoch'),
  f('USEABLE_STOP_TIME', 'useableStopTime', 'epoch'),
  f('STOP_TIME', 'stopTime', 'epoch', { required: true }),
  f('INTERPOLATION', 'interpolation', 'upper'),
  f('INTERPOLATION_DEGREE', 'interpolationDegree', 'int'),
]);

export const STATE_BLOCK = block('stateVector', [
  f('EPOCH', 'epoch', 'epoch', { required: true }),
  f('X', 'positionKm', 'number', { unit: 'km', index: 0, required: true }),
  f('Y', 'positionKm', 'number', { unit: 'km', index: 1, required: true }),
  f('Z', 'positionKm', 'number', { unit: 'km', index: 2, required: true }),
  f('X_DOT', 'velocityKmS', 'number', { unit: 'km/s', index: 0, required: true }),
  f('Y_DOT', 'velocityKmS', 'number', { unit: 'km/s', index: 1, required: true }),
  f('Z_DOT', 'velocityKmS', 'number', { unit: 'km/s', index: 2, required: true }),
]);

const ANGLES: readonly FieldSpec[] = [
  f('ECCENTRICITY', 'eccentricity', 'number', { unit: '', required: true }),
  f('INCLINATION', 'inclinationDeg', 'number', { unit: 'deg', required: true }),
  f('RA_OF_ASC_NODE', 'raOfAscNodeDeg', 'number', { unit: 'deg', required: true }),
  f('ARG_OF_PERICENTER', 'argOfPericenterDeg', 'number', { unit: 'deg', required: true }),
];

export const KEPLERIAN_BLOCK = block('keplerianElements', [
  f('SEMI_MAJOR_AXIS', 'semiMajorAxisKm', 'number', { unit: 'km', required: true }),
  ...ANGLES,
  f('TRUE_ANOMALY', 'trueAnomalyDeg', 'number', { unit: 'deg' }),
  f('MEAN_ANOMALY', 'meanAnomalyDeg', 'number', { unit: 'deg' }),
  f('GM', 'gmKm3S2', 'number', { unit: 'km**3/s**2', required: true }),
]);

export const MEAN_ELEMENTS_BLOCK = block('meanElements', [
  f('EPOCH', 'epoch', 'epoch', { required: true }),
  f('SEMI_MAJOR_AXIS', 'semiMajorAxisKm', 'number', { unit: 'km' }),
  f('MEAN_MOTION', 'meanMotionRevPerDay', 'number', { unit: 'rev/day' }),
  ...ANGLES,
  f('MEAN_ANOMALY', 'meanAnomalyDeg', 'number', { unit: 'deg', required: true }),
  f('GM', 'gmKm3S2', 'number', { unit: 'km**3/s**2' }),
]);

export const SPACECRAFT_BLOCK = block('spacecraftParameters', [
  f('MASS', 'massKg', 'number', { unit: 'kg' }),
  f('SOLAR_RAD_AREA', 'solarRadAreaM2', 'number', { unit: 'm**2' }),
  f('SOLAR_RAD_COEFF', 'solarRadCoeff', 'number', { unit: '' }),
  f('DRAG_AREA', 'dragAreaM2', 'number', { unit: 'm**2' }),
  f('DRAG_COEFF', 'dragCoeff', 'number', { unit: '' }),
]);

export const TLE_BLOCK = block('tleParameters', [
  f('EPHEMERIS_TYPE', 'ephemerisType', 'int'),
  f('CLASSIFICATION_TYPE', 'classificationType', 'text'),
  f('NORAD_CAT_ID', 'noradCatId', 'int'),
  f('ELEMENT_SET_NO', 'elementSetNo', 'int'),
  f('REV_AT_EPOCH', 'revAtEpoch', 'int'),
  f('BSTAR', 'bstarPerEarthRadii', 'number', { unit: '1/ER' }),
  f('BTERM', 'btermM2Kg', 'number', { unit: 'm**2/kg' }),
  f('MEAN_MOTION_DOT', 'meanMotionDotRevPerDay2', 'number', { unit: 'rev/day**2' }),
  f('MEAN_MOTION_DDOT', 'meanMotionDdotRevPerDay3', 'number', { unit: 'rev/day**3' }),
  f('AGOM', 'agomM2Kg', 'number', { unit: 'm**2/kg' }),
]);

const AXES = ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT'] as const;

/** CX_X, CY_X, CY_Y, … in lower-triangle row order, with their units. */
export const COVARIANCE_KEYWORDS: readonly { kw: string; unit: string }[] = (() => {
  const out: { kw: string; unit: string }[] = [];
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j <= i; j++) {
      const velocities = (i >= 3 ? 1 : 0) + (j >= 3 ? 1 : 0);
      const unit = velocities === 0 ? 'km**2' : velocities === 1 ? 'km**2/s' : 'km**2/s**2';
      out.push({ kw: `C${AXES[i]}_${AXES[j]}`, unit });
    }
  }
  return out;
})();

export const COVARIANCE_BLOCK = block('covarianceMatrix', [
  f('EPOCH', 'epoch', 'epoch'),
  f('COV_REF_FRAME', 'covRefFrame', 'upper'),
  ...COVARIANCE_KEYWORDS.map((c, k) =>
    f(c.kw, 'lowerTriangle', 'number', { unit: c.unit, index: k, required: true }),
  ),
]);

/** OPM/OMM covariance: no EPOCH of its own. */
export const ODM_COVARIANCE_BLOCK = block(
  COVARIANCE_BLOCK.name,
  COVARIANCE_BLOCK.fields.filter((s) => s.kw !== 'EPOCH'),
);

export const MANEUVER_BLOCK = block('maneuverParameters', [
  f('MAN_EPOCH_IGNITION', 'epochIgnition', 'epoch', { required: true }),
  f('MAN_DURATION', 'durationS', 'number', { unit: 's' }),
  f('MAN_DELTA_MASS', 'deltaMassKg', 'number', { unit: 'kg' }),
  f('MAN_REF_FRAME', 'refFrame', 'upper', { required: true }),
  f('MAN_DV_1', 'dvKmS', 'number', { unit: 'km/s', index: 0, required: true }),
  f('MAN_DV_2', 'dvKmS', 'number', { unit: 'km/s', index: 1, required: true }),
  f('MAN_DV_3', 'dvKmS', 'number', { unit: 'km/s', index: 2, required: true }),
]);

function indexed(prefix: string, field: string, kind: FieldKind, unit?: string): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (let n = 1; n <= 5; n++) {
    out.push(f(`${prefix}${n}`, field, kind, unit === undefined ? { key: n } : { key: n, unit }));
  }
  return out;
}

export const TDM_META_BLOCK = block('metadata', [
  f('TRACK_ID', 'trackId', 'text'),
  f('DATA_TYPES', 'dataTypes', 'list'),
  f('TIME_SYSTEM', 'timeSystem', 'upper'),
  f('START_TIME', 'startTime', 'epoch'),
  f('STOP_TIME', 'stopTime', 'epoch'),
  ...indexed('PARTICIPANT_', 'participants', 'text'),
  f('MODE', 'mode', 'upper'),
  f('PATH', 'path', 'path'),
  f('PATH_1', 'path1', 'path'),
  f('PATH_2', 'path2', 'path'),
  ...indexed('EPHEMERIS_NAME_', 'ephemerisNames', 'text'),
  f('TRANSMIT_BAND', 'transmitBand', 'upper'),
  f('RECEIVE_BAND', 'receiveBand', 'upper'),
  f('TURNAROUND_NUMERATOR', 'turnaroundNumerator', 'int'),
  f('TURNAROUND_DENOMINATOR', 'turnaroundDenominator', 'int'),
  f('TIMETAG_REF', 'timetagRef', 'upper'),
  f('INTEGRATION_INTERVAL', 'integrationIntervalS', 'number', { unit: 's' }),
  f('INTEGRATION_REF', 'integrationRef', 'upper'),
  f('FREQ_OFFSET', 'freqOffsetHz', 'number', { unit: 'Hz' }),
  f('RANGE_MODE', 'rangeMode', 'upper'),
  f('RANGE_MODULUS', 'rangeModulus', 'number', { unit: '*' }),
  f('RANGE_UNITS', 'rangeUnits', 'text'),
  f('ANGLE_TYPE', 'angleType', 'upper'),
  f('REFERENCE_FRAME', 'referenceFrame', 'upper'),
  f('INTERPOLATION', 'interpolation', 'upper'),
  f('INTERPOLATION_DEGREE', 'interpolationDegree', 'int'),
  f('DOPPLER_COUNT_BIAS', 'dopplerCountBiasHz', 'number', { unit: 'Hz' }),
  f('DOPPLER_COUNT_SCALE', 'dopplerCountScale', 'number', { unit: '' }),
  f('DOPPLER_COUNT_ROLLOVER', 'dopplerCountRollover', 'upper'),
  ...indexed('TRANSMIT_DELAY_', 'transmitDelaysS', 'number', 's'),
  ...indexed('RECEIVE_DELAY_', 'receiveDelaysS', 'number', 's'),
  f('DATA_QUALITY', 'dataQuality', 'upper'),
  f('CORRECTION_ANGLE_1', 'correctionAngle1Deg', 'number', { unit: 'deg' }),
  f('CORRECTION_ANGLE_2', 'correctionAngle2Deg', 'number', { unit: 'deg' }),
  f('CORRECTION_DOPPLER', 'correctionDopplerKmS', 'number', { unit: 'km/s' }),
  f('CORRECTION_MAG', 'correctionMag', 'number', { unit: '' }),
  f('CORRECTION_RANGE', 'correctionRange', 'number', { unit: '*' }),
  f('CORRECTION_RCS', 'correctionRcsM2', 'number', { unit: 'm**2' }),
  f('CORRECTION_RECEIVE', 'correctionReceiveHz', 'number', { unit: 'Hz' }),
  f('CORRECTION_TRANSMIT', 'correctionTransmitHz', 'number', { unit: 'Hz' }),
  f('CORRECTION_ABERRATION_YEARLY', 'correctionAberrationYearlyDeg', 'number', { unit: 'deg' }),
  f('CORRECTION_ABERRATION_DIURNAL', 'correctionAberrationDiurnalDeg', 'number', {
    unit: 'deg',
  }),
  f('CORRECTIONS_APPLIED', 'correctionsApplied', 'upper'),
]);

/** TDM data keywords (CCSDS 503.0-B-2 §3.5; the 1.0 keywords are a subset). */
export const TDM_DATA_KEYWORDS: ReadonlySet<string> = new Set([
  'ANGLE_1',
  'ANGLE_2',
  'CARRIER_POWER',
  'CLOCK_BIAS',
  'CLOCK_DRIFT',
  'DOPPLER_COUNT',
  'DOPPLER_INSTANTANEOUS',
  'DOPPLER_INTEGRATED',
  'DOR',
  'MAG',
  'PC_N0',
  'PR_N0',
  'PRESSURE',
  'RANGE',
  'RCS',
  'RECEIVE_FREQ',
  'RECEIVE_FREQ_1',
  'RECEIVE_FREQ_2',
  'RECEIVE_FREQ_3',
  'RECEIVE_FREQ_4',
  'RECEIVE_FREQ_5',
  'RECEIVE_PHASE_CT_1',
  'RECEIVE_PHASE_CT_2',
  'RECEIVE_PHASE_CT_3',
  'RECEIVE_PHASE_CT_4',
  'RECEIVE_PHASE_CT_5',
  'RHUMIDITY',
  'STEC',
  'TEMPERATURE',
  'TRANSMIT_FREQ_1',
  'TRANSMIT_FREQ_2',
  'TRANSMIT_FREQ_3',
  'TRANSMIT_FREQ_4',
  'TRANSMIT_FREQ_5',
  'TRANSMIT_FREQ_RATE_1',
  'TRANSMIT_FREQ_RATE_2',
  'TRANSMIT_FREQ_RATE_3',
  'TRANSMIT_FREQ_RATE_4',
  'TRANSMIT_FREQ_RATE_5',
  'TRANSMIT_PHASE_CT_1',
  'TRANSMIT_PHASE_CT_2',
  'TRANSMIT_PHASE_CT_3',
  'TRANSMIT_PHASE_CT_4',
  'TRANSMIT_PHASE_CT_5',
  'TROPO_DRY',
  'TROPO_WET',
  'VLBI_DELAY',
]);
