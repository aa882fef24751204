/**
 * A CCSDS Tracking Data Message → measurement values, with the observer of each segment
 * found among its participants in the caller's sensor catalogue.
 *
 * @packageDocumentation
 */

import type { TdmMessage, TdmMetadata, TdmObservation } from '../../ccsds';
import { DataFormatError, InvalidArgumentError } from '../../errors';
import { SPEED_OF_LIGHT_KM_S as C_KM_S } from '../../frames';
import type { Epoch } from '../../time';
import {
  AzEl,
  type Measurement,
  RaDec,
  type RaDecAxes,
  Range,
  RangeRate,
  type Sensor,
} from '../measurements';
import { RAD_PER_DEG } from './internal/exactDegrees';

/** Options of {@link tdmToMeasurements}. */
export interface TdmToMeasurementsOptions {
  /** The sensor catalogue: a participant is a sensor when its name is a sensor's id. */
  readonly sensors: readonly Sensor[];
  /** Other participant names of sensors: name → sensor id (e.g. `{ TCA: 'TAROT-CALERN' }`). */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * Data keywords to skip on purpose (e.g. `['MAG', 'RECEIVE_FREQ_2']`); any other keyword
   * that is not converted is an error.
   */
  readonly ignoreKeywords?: readonly string[];
}

/** What was read from one segment. */
export interface TdmSegmentSummary {
  /** Index of the segment in the message, from 0. */
  readonly index: number;
  /** The observing sensor's id. */
  readonly sensorId: string;
  /** The other participant(s) of the path: the object. */
  readonly objectNames: readonly string[];
  /** Whether the path goes out and back to the sensor (`1,2,1`). */
  readonly roundTrip: boolean;
  /** Measurements made from it. */
  readonly count: number;
  /** Observations skipped through `ignoreKeywords`. */
  readonly ignored: number;
}

/** Result of {@link tdmToMeasurements}. */
export interface TdmMeasurements {
  /** The measurements, in time order (at equal epochs, in the order of the message). */
  readonly measurements: readonly Measurement[];
  /** One summary per segment. */
  readonly segments: readonly TdmSegmentSummary[];
}

const SOURCE = 'TDM';
const CONVERTED = new Set([
  'ANGLE_1',
  'ANGLE_2',
  'RANGE',
  'DOPPLER_INSTANTANEOUS',
  'DOPPLER_INTEGRATED',
]);

/**
 * Converts the data of a TDM into measurement values.
 *
 * - **Observer.** In each segment the participants of PATH (`2,1`, `1,2`, `1,2,1`…: the
 *   order does not matter) are looked up in `sensors` (by id, or through `aliases`); exactly
 *   one distinct participant must be a known sensor — the observer — and the others are the
 *   object. The time tags are taken as reception at the sensor (TIMETAG_REF = RECEIVE or
 *   absent).
 * - **Angles.** ANGLE_TYPE = RADEC with REFERENCE_FRAME EME2000 (→ `RaDec` in EME2000 axes),
 *   GCRF or ICRF (→ GCRF axes: the two share their axes to the frame bias' accuracy), and
 *   AZEL (→ `AzEl`); ANGLE_1 and ANGLE_2 in degrees, paired by epoch. σ: the sensor's angle
 *   σ, on-sky: σ for δ or the elevation, σ / cos δ (cos el) for α (azimuth).
 * - **Range.** RANGE with RANGE_UNITS km (default) or s (light seconds, × c), no
 *   RANGE_MODULUS; a one-way path gives the `Range` as written, a round trip (first
 *   participant = last) half the written value (the round-trip distance). σ: the sensor's
 *   range σ.
 * - **Range rate.** DOPPLER_INSTANTANEOUS and DOPPLER_INTEGRATED (km/s) are range rates,
 *   positive when the range grows, and become `RangeRate` as written (for a round trip: the
 *   rate of the one-way range, as the TDM gives the range rate of the spacecraft); the tag
 *   of an integrated Doppler is moved to the middle of INTEGRATION_INTERVAL following
 *   INTEGRATION_REF. σ: the sensor's range-rate σ.
 * - **Corrections.** With CORRECTIONS_APPLIED = NO, CORRECTION_ANGLE_1/2, CORRECTION_RANGE
 *   and CORRECTION_DOPPLER are added to the values; otherwise the values are used as written.
 *
 * Epochs come from the parsed message, which placed them on the time line through its
 * TIME_SYSTEM (`parseTdm` and `osmose/time`).
 *
 * @param message - a TDM (from `parseTdm`, or built)
 * @param options - the sensor catalogue, aliases, keywords to skip
 * @returns the measurements in time order and a summary per segment
 * @throws {@link DataFormatError} (source `TDM`, the keyword at fault, the segment and epoch
 *   in the message; the observation's line in the parsed text when the fault is an
 *   observation's and it has one, else line 0) for a data type that is not converted and not
 *   ignored, an ANGLE_TYPE or REFERENCE_FRAME other than those above,
 *   an ANGLE_1 without its ANGLE_2, a missing or single-difference PATH, a path with no
 *   known sensor or two, TIMETAG_REF = TRANSMIT, RANGE_UNITS = RU or a RANGE_MODULUS
 * @throws {@link InvalidArgumentError} for a sensor without the σ of a measurement it made,
 *   or a value the measurement refuses (a declination beyond ±90°)
 * @see CCSDS 503.0-B-2, Tracking Data Message (2020), §3.3 (metadata), §3.5 (data keywords)
 * @example
 * ```ts
 * const tdm = parseTdm(`CCSDS_TDM_VERS = 2.0
 * CREATION_DATE = 2024-03-02T00:00:00
 * ORIGINATOR = OSMOSE
 * META_START
 * TIME_SYSTEM = UTC
 * PARTICIPANT_1 = 2024-001A
 * PARTICIPANT_2 = TAROT-CALERN
 * MODE = SEQUENTIAL
 * PATH = 1,2
 * ANGLE_TYPE = RADEC
 * REFERENCE_FRAME = EME2000
 * META_STOP
 * DATA_START
 * ANGLE_1 = 2024-03-01T21:00:00 120.5
 * ANGLE_2 = 2024-03-01T21:00:00 -5.25
 * DATA_STOP`);
 * const { measurements } = tdmToMeasurements(tdm, { sensors: createExampleTelescopes() });
 * measurements[0]!.sensorId; // 'TAROT-CALERN'
 * measurements[0]!.values[1]; // ≈ -0.0916298
 * ```
 */
export function tdmToMeasurements(
  message: TdmMessage,
  options: TdmToMeasurementsOptions,
): TdmMeasurements {
  if (message === null || typeof message !== 'object' || message.type !== 'TDM') {
    throw new InvalidArgumentError('message', message?.type, '', 'must be a TDM message');
  }
  const byId = new Map<string, Sensor>();
  for (const s of options.sensors ?? []) byId.set(s.id, s);
  const aliases = options.aliases ?? {};
  const ignore = new Set(options.ignoreKeywords ?? []);
  const lookup = (name: string): Sensor | undefined =>
    byId.get(name) ?? (Object.hasOwn(aliases, name) ? byId.get(aliases[name]!) : undefined);

  const out: { m: Measurement; order: number }[] = [];
  const summaries: TdmSegmentSummary[] = [];
  message.segments.forEach((segment, index) => {
    const meta = segment.metadata;
    const where = `segment ${index + 1}`;
    const { sensor, objectNames, roundTrip } = observerOf(meta, where, lookup);
    const start = out.length;
    let ignored = 0;
    const angleMode = angleModeOf(meta, segment.observations, where);
    const pending = new Map<string, TdmObservation[]>();
    const applyCorrections = meta.correctionsApplied === 'NO';
    if (meta.timetagRef === 'TRANSMIT') {
      fail(
        where,
        'time tags at transmission are not converted (reception only)',
        'TIMETAG_REF',
        meta,
      );
    }
    for (const o of segment.observations) {
      if (!CONVERTED.has(o.keyword)) {
        if (ignore.has(o.keyword)) {
          ignored++;
          continue;
        }
        fail(
          where,
          `data type ${o.keyword} at ${iso(o.epoch)} is not converted to a measurement (pass it in ignoreKeywords to skip it)`,
          o.keyword,
          o.line,
        );
      }
      if (ignore.has(o.keyword)) {
        ignored++;
        continue;
      }
      switch (o.keyword) {
        case 'ANGLE_1':
        case 'ANGLE_2': {
          const key = epochKey(o.epoch);
          const other = pending.get(key);
          const partner = other?.findIndex((p) => p.keyword !== o.keyword) ?? -1;
          if (other === undefined || partner < 0) {
            if (other === undefined) pending.set(key, [o]);
            else other.push(o);
            break;
          }
          const p = other.splice(partner, 1)[0]!;
          if (other.length === 0) pending.delete(key);
          const [a1, a2] = o.keyword === 'ANGLE_1' ? [o, p] : [p, o];
          let d1 = a1.value;
          let d2 = a2.value;
          if (applyCorrections) {
            d1 += meta.correctionAngle1Deg ?? 0;
            d2 += meta.correctionAngle2Deg ?? 0;
          }
          out.push({
            m: angleMeasurement(angleMode!, sensor, a1.epoch, d1 * RAD_PER_DEG, d2 * RAD_PER_DEG),
            order: out.length,
          });
          break;
        }
        case 'RANGE': {
          let value = o.value;
          if (applyCorrections) value += meta.correctionRange ?? 0;
          out.push({
            m: Range.create({
              epoch: o.epoch,
              sensorId: sensor.id,
              rangeKm: rangeKmOf(meta, value, roundTrip, where),
              sigmaKm: sigmaOf(sensor, sensor.rangeSigmaKm, 'rangeSigmaKm', 'km'),
            }),
            order: out.length,
          });
          break;
        }
        default: {
          // DOPPLER_INSTANTANEOUS, DOPPLER_INTEGRATED: range rates, km/s.
          let value = o.value;
          if (applyCorrections) value += meta.correctionDopplerKmS ?? 0;
          const epoch =
            o.keyword === 'DOPPLER_INTEGRATED' ? integrationMiddle(meta, o.epoch, where) : o.epoch;
          out.push({
            m: RangeRate.create({
              epoch,
              sensorId: sensor.id,
              rangeRateKmS: value,
              sigmaKmS: sigmaOf(sensor, sensor.rangeRateSigmaKmS, 'rangeRateSigmaKmS', 'km/s'),
            }),
            order: out.length,
          });
        }
      }
    }
    for (const left of pending.values()) {
      const o = left[0]!;
      fail(
        where,
        `${o.keyword} at ${iso(o.epoch)} has no ${o.keyword === 'ANGLE_1' ? 'ANGLE_2' : 'ANGLE_1'} at the same epoch`,
        o.keyword,
        o.line,
      );
    }
    summaries.push(
      Object.freeze({
        index,
        sensorId: sensor.id,
        objectNames: Object.freeze(objectNames),
        roundTrip,
        count: out.length - start,
        ignored,
      }),
    );
  });
  out.sort((a, b) => a.m.epoch.secondsSince(b.m.epoch) || a.order - b.order);
  return Object.freeze({
    measurements: Object.freeze(out.map((x) => x.m)),
    segments: Object.freeze(summaries),
  });
}

type AngleMode = { kind: 'RADEC'; axes: RaDecAxes } | { kind: 'AZEL' };

function angleModeOf(
  meta: TdmMetadata,
  observations: readonly TdmObservation[],
  where: string,
): AngleMode | undefined {
  if (!observations.some((o) => o.keyword === 'ANGLE_1' || o.keyword === 'ANGLE_2')) {
    return undefined;
  }
  const type = meta.angleType;
  if (type === undefined) fail(where, 'angles without ANGLE_TYPE', 'ANGLE_TYPE', meta);
  if (type === 'AZEL') return { kind: 'AZEL' };
  if (type !== 'RADEC') {
    fail(where, `ANGLE_TYPE ${type} is not converted (RADEC and AZEL are)`, 'ANGLE_TYPE', meta);
  }
  const frame = meta.referenceFrame;
  if (frame === 'EME2000') return { kind: 'RADEC', axes: 'EME2000' };
  if (frame === 'GCRF' || frame === 'ICRF') return { kind: 'RADEC', axes: 'GCRF' };
  return fail(
    where,
    `RADEC angles in REFERENCE_FRAME ${frame ?? '(absent)'} are not converted (EME2000, GCRF and ICRF are)`,
    'REFERENCE_FRAME',
    meta,
  );
}

function angleMeasurement(
  mode: AngleMode,
  sensor: Sensor,
  epoch: Epoch,
  a1Rad: number,
  a2Rad: number,
): Measurement {
  const sigma = sigmaOf(sensor, sensor.angleSigmaRad, 'angleSigmaRad', 'rad');
  // An on-sky σ: the first angle's coordinate σ is σ / cos of the second (as simulated).
  const sigma1 = sigma / Math.cos(a2Rad);
  if (mode.kind === 'AZEL') {
    return AzEl.create({
      epoch,
      sensorId: sensor.id,
      azimuthRad: a1Rad,
      elevationRad: a2Rad,
      sigmaAzimuthRad: sigma1,
      sigmaElevationRad: sigma,
    });
  }
  return RaDec.create({
    epoch,
    sensorId: sensor.id,
    rightAscensionRad: a1Rad,
    declinationRad: a2Rad,
    sigmaRightAscensionRad: sigma1,
    sigmaDeclinationRad: sigma,
    axes: mode.axes,
  });
}

function observerOf(
  meta: TdmMetadata,
  where: string,
  lookup: (name: string) => Sensor | undefined,
): { sensor: Sensor; objectNames: string[]; roundTrip: boolean } {
  if (meta.path1 !== undefined || meta.path2 !== undefined) {
    const keyword = meta.path1 !== undefined ? 'PATH_1' : 'PATH_2';
    fail(where, 'single-difference data (PATH_1, PATH_2) are not converted', keyword, meta);
  }
  const path = meta.path;
  if (path === undefined || path.length < 2) {
    fail(where, 'PATH must give the signal path (e.g. 2,1)', 'PATH', meta);
  }
  const sensors = new Map<string, Sensor>();
  const objects: string[] = [];
  for (const n of path) {
    const name = meta.participants[n];
    if (name === undefined)
      fail(where, `PATH names participant ${n}, not defined`, `PARTICIPANT_${n}`, meta);
    const s = lookup(name);
    if (s !== undefined) sensors.set(s.id, s);
    else if (!objects.includes(name)) objects.push(name);
  }
  if (sensors.size !== 1) {
    const names = path.map((n) => `PARTICIPANT_${n} = ${meta.participants[n]}`).join(', ');
    fail(
      where,
      sensors.size === 0
        ? `no participant of the path is a known sensor (${names})`
        : `more than one participant of the path is a known sensor (${names})`,
      `PARTICIPANT_${path[0]}`,
      meta,
    );
  }
  const sensor = [...sensors.values()][0]!;
  const roundTrip = path.length >= 3 && path[0] === path[path.length - 1];
  return { sensor, objectNames: objects, roundTrip };
}

function rangeKmOf(meta: TdmMetadata, value: number, roundTrip: boolean, where: string): number {
  if (meta.rangeModulus !== undefined && meta.rangeModulus !== 0) {
    fail(where, 'ambiguous ranges (RANGE_MODULUS) are not resolved', 'RANGE_MODULUS', meta);
  }
  const units = (meta.rangeUnits ?? 'km').toLowerCase();
  let km: number;
  if (units === 'km') km = value;
  else if (units === 's') km = value * C_KM_S;
  else {
    return fail(
      where,
      `RANGE_UNITS ${meta.rangeUnits} is not converted (km and s are)`,
      'RANGE_UNITS',
      meta,
    );
  }
  return roundTrip ? km / 2 : km;
}

function integrationMiddle(meta: TdmMetadata, epoch: Epoch, where: string): Epoch {
  const interval = meta.integrationIntervalS;
  if (interval === undefined) {
    return fail(
      where,
      'DOPPLER_INTEGRATED needs INTEGRATION_INTERVAL',
      'INTEGRATION_INTERVAL',
      meta,
    );
  }
  const ref = meta.integrationRef ?? 'MIDDLE';
  if (ref === 'START') return epoch.plusSeconds(interval / 2);
  if (ref === 'END') return epoch.plusSeconds(-interval / 2);
  return epoch;
}

function sigmaOf(sensor: Sensor, sigma: number | undefined, name: string, unit: string): number {
  if (sigma === undefined) {
    throw new InvalidArgumentError(
      `sensors[${sensor.id}].${name}`,
      sigma,
      unit,
      'is needed for the measurements of this segment',
    );
  }
  return sigma;
}

/** A key equal for equal instants (Epoch is two numbers; the ISO text of TAI is exact). */
function epochKey(epoch: Epoch): string {
  return epoch.toIso('TAI', { fractionDigits: 12 });
}

function iso(epoch: Epoch): string {
  return epoch.toIso('UTC');
}

/**
 * Throws the DataFormatError of a fault, at the observation's line (a number), or at the
 * metadata keyword's line (the metadata given: its keyword's line, else the line where the
 * metadata starts, for a keyword that is missing); 0 when the message was built in code.
 */
function fail(where: string, reason: string, keyword: string, at?: number | TdmMetadata): never {
  const line = typeof at === 'object' ? (at.keywordLines?.[keyword] ?? at.line) : at;
  throw new DataFormatError(SOURCE, line ?? 0, `${where}: ${reason}`, keyword);
}
