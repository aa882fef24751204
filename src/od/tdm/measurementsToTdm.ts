/**
 * Measurements → a CCSDS Tracking Data Message (the message object; `writeTdm` of
 * `osmose/ccsds` makes the text).
 *
 * @packageDocumentation
 */
import type { TdmMessage, TdmMetadata, TdmObservation, TdmSegment } from '../../ccsds';
import { InvalidArgumentError } from '../../errors';
import { Epoch } from '../../time';
import type { Measurement } from '../measurements';
import { degreesForExactRadians } from './internal/exactDegrees';

/** Options of {@link measurementsToTdm}. */
export interface MeasurementsToTdmOptions {
  /** RA/Dec, Az/El, range or range-rate measurements, any sensors, any order. */
  readonly measurements: readonly Measurement[];
  /** Name of the observed object, written as PARTICIPANT_2 (e.g. `2024-001A`). */
  readonly objectId: string;
  /** ORIGINATOR (default `OSMOSE`). */
  readonly originator?: string;
  /** CREATION_DATE (default: the last measurement's epoch, so the output is reproducible). */
  readonly creationDate?: Epoch;
  /** MESSAGE_ID (TDM 2.0), optional. */
  readonly messageId?: string;
  /** COMMENT lines of the header. */
  readonly comments?: readonly string[];
  /**
   * Write for each angle, where one exists, the degree value whose conversion back
   * (deg · π/180) gives the radians exactly (default true: 91.5 % of angles read back
   * bit-exact, the rest within 1 ulp); false writes rad · 180/π (86.5 % exact, the rest
   * within 1 ulp).
   */
  readonly exactRadians?: boolean;
}

const DEG_PER_RAD = 180 / Math.PI;

/**
 * Builds a TDM (version 2.0) from measurements: one segment per sensor, kind of measurement
 * (and RA/Dec axes), in order of first appearance, each with PARTICIPANT_1 = the sensor id,
 * PARTICIPANT_2 = the object, MODE = SEQUENTIAL, PATH = 2,1 (the signal goes from the object
 * to the sensor), TIME_SYSTEM = UTC, START_TIME/STOP_TIME, and the data in time order:
 *
 * - RA/Dec: ANGLE_TYPE = RADEC, REFERENCE_FRAME = EME2000 or GCRF (the measurement's axes),
 *   ANGLE_1 = α, ANGLE_2 = δ in degrees;
 * - Az/El: ANGLE_TYPE = AZEL, ANGLE_1 = azimuth, ANGLE_2 = elevation in degrees;
 * - range: RANGE in km (RANGE_UNITS = km), one way, as the `Range` value is;
 * - range rate: DOPPLER_INSTANTANEOUS in km/s, positive when the range grows.
 *
 * σ are not written (TDM has no keyword for them): the reader takes them from the sensors.
 * Write the message with `writeTdm`, whose numbers are the shortest text that reads back to
 * the same double.
 *
 * @param options - measurements, object name, header fields
 * @returns the TDM message
 * @throws {@link InvalidArgumentError} for no measurements, an empty object id, or a position
 *   or position-velocity measurement (TDM has no keyword for them)
 * @see CCSDS 503.0-B-2, Tracking Data Message (2020), §3.3–3.5
 * @example
 * ```ts
 * const m = RaDec.fromDeg({
 *   epoch: Epoch.fromIso('2024-03-01T21:00:00', 'UTC'), sensorId: 'TAROT-CALERN',
 *   rightAscensionDeg: 120, declinationDeg: -6, sigmaRightAscensionArcsec: 1,
 *   sigmaDeclinationArcsec: 1, axes: 'EME2000',
 * });
 * const tdm = measurementsToTdm({ measurements: [m], objectId: '2024-001A' });
 * tdm.segments[0]!.metadata.path; // [2, 1]
 * writeTdm(tdm).includes('ANGLE_1              = 2024-03-01T21:00:00 120'); // true
 * ```
 */
export function measurementsToTdm(options: MeasurementsToTdmOptions): TdmMessage {
  const { measurements, objectId } = options;
  if (!Array.isArray(measurements) || measurements.length === 0) {
    throw new InvalidArgumentError('measurements', measurements, '', 'must be a non-empty array');
  }
  if (typeof objectId !== 'string' || objectId.trim() === '') {
    throw new InvalidArgumentError('objectId', objectId, '', 'must be a non-empty string');
  }
  const exact = options.exactRadians ?? true;
  const deg = exact ? degreesForExactRadians : (rad: number) => rad * DEG_PER_RAD;
  const groups = new Map<string, Measurement[]>();
  for (const m of measurements) {
    if (m.kind === 'POSITION' || m.kind === 'POSITION_VELOCITY') {
      throw new InvalidArgumentError(
        'measurements',
        m.kind,
        '',
        'TDM has no keyword for positions; write them as an OEM',
      );
    }
    const key = `${m.sensorId}\u0000${m.kind}\u0000${m.kind === 'RADEC' ? m.axes : ''}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = [];
      groups.set(key, g);
    }
    g.push(m);
  }
  let last = measurements[0]!.epoch;
  const segments: TdmSegment[] = [];
  for (const group of groups.values()) {
    // A stable sort keeps the input order of equal epochs.
    const sorted = [...group].sort((a, b) => a.epoch.secondsSince(b.epoch));
    const first = sorted[0]!;
    const stop = sorted[sorted.length - 1]!.epoch;
    if (stop.secondsSince(last) > 0) last = stop;
    const observations: TdmObservation[] = [];
    const extra: Partial<{ -readonly [K in keyof TdmMetadata]: TdmMetadata[K] }> = {};
    switch (first.kind) {
      case 'RADEC':
        extra.angleType = 'RADEC';
        extra.referenceFrame = first.axes;
        break;
      case 'AZEL':
        extra.angleType = 'AZEL';
        break;
      case 'RANGE':
        extra.rangeMode = 'COHERENT';
        extra.rangeUnits = 'km';
        break;
      default:
        break;
    }
    for (const m of sorted) {
      switch (m.kind) {
        case 'RADEC':
          observations.push({
            keyword: 'ANGLE_1',
            epoch: m.epoch,
            value: deg(m.rightAscensionRad),
          });
          observations.push({ keyword: 'ANGLE_2', epoch: m.epoch, value: deg(m.declinationRad) });
          break;
        case 'AZEL':
          observations.push({ keyword: 'ANGLE_1', epoch: m.epoch, value: deg(m.azimuthRad) });
          observations.push({ keyword: 'ANGLE_2', epoch: m.epoch, value: deg(m.elevationRad) });
          break;
        case 'RANGE':
          observations.push({ keyword: 'RANGE', epoch: m.epoch, value: m.rangeKm });
          break;
        case 'RANGE_RATE':
          observations.push({
            keyword: 'DOPPLER_INSTANTANEOUS',
            epoch: m.epoch,
            value: m.rangeRateKmS,
          });
          break;
        default:
          break;
      }
    }
    const metadata: TdmMetadata = {
      comments: [],
      timeSystem: 'UTC',
      startTime: first.epoch,
      stopTime: stop,
      participants: { 1: first.sensorId, 2: objectId },
      mode: 'SEQUENTIAL',
      path: [2, 1],
      ...extra,
    };
    segments.push({ metadata, dataComments: [], observations });
  }
  const creationDate = options.creationDate ?? last;
  if (!(creationDate instanceof Epoch)) {
    throw new InvalidArgumentError('creationDate', creationDate, '', 'must be an Epoch');
  }
  return {
    type: 'TDM',
    header: {
      version: '2.0',
      comments: options.comments ?? [],
      creationDate,
      originator: options.originator ?? 'OSMOSE',
      ...(options.messageId === undefined ? {} : { messageId: options.messageId }),
    },
    segments,
  };
}
