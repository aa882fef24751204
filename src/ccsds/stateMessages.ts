/**
 * Between the state value types (StateVector, Covariance) and the orbit messages: an OPM from
 * a state and its covariance, an OEM from a sequence of states, and back.
 */
import { InvalidArgumentError } from '../errors';
import type { FrameId } from '../frames/frameId';
import { Covariance } from '../state/covariance';
import { StateVector } from '../state/stateVector';
import type { Epoch } from '../time/epoch';
import { ccsdsFrameToFrameId, frameIdToCcsdsFrame } from './frames';
import type {
  CcsdsCovariance,
  CcsdsHeader,
  CcsdsStateVector,
  OdmMetadataCommon,
  OemMessage,
  OemSegment,
  OpmMessage,
} from './types';

/** What identifies the object and the message, for {@link opmFromState} and {@link oemFromStates}. */
export interface StateMessageInfo {
  /** OBJECT_NAME. */
  readonly objectName: string;
  /** OBJECT_ID (international designator, or any identifier). */
  readonly objectId: string;
  /** ORIGINATOR. */
  readonly originator: string;
  /** CREATION_DATE (written in UTC). */
  readonly creationDate: Epoch;
  /** TIME_SYSTEM of the data (default `UTC`). */
  readonly timeSystem?: string;
  /** Header COMMENT lines. */
  readonly comments?: readonly string[];
  /** Message version (default `3.0`). */
  readonly version?: string;
}

/**
 * An OPM holding a state and, optionally, its covariance (6×6, in the state's frame or in
 * RTN; written with COV_REF_FRAME).
 *
 * @param state - the state (Earth-centred; its frame becomes REF_FRAME)
 * @param covariance - a 6×6 covariance at the state's epoch, optional
 * @param info - object and message identification
 * @returns the message, ready for {@link writeOpm}
 * @throws {@link InvalidArgumentError} when the covariance is not 6×6 or not at the state's epoch
 * @see CCSDS 502.0-B-3 §3
 *
 * @example
 * ```ts
 * const state = StateVector.create({
 *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
 *   frame: 'GCRF',
 *   positionKm: [42164, 0, 0],
 *   velocityKmS: [0, 3.0747, 0],
 * });
 * const opm = opmFromState(state, undefined, {
 *   objectName: 'GEO-1',
 *   objectId: '2024-001A',
 *   originator: 'OSMOSE',
 *   creationDate: state.epoch,
 * });
 * opm.metadata.refFrame; // 'GCRF'
 * ```
 */
export function opmFromState(
  state: StateVector,
  covariance: Covariance | undefined,
  info: StateMessageInfo,
): OpmMessage {
  const metadata = metadataOf(state.frame, info);
  let cov: CcsdsCovariance | undefined;
  if (covariance !== undefined) {
    if (covariance.dim !== 6) {
      throw new InvalidArgumentError(
        'covariance.dim',
        covariance.dim,
        '',
        'an OPM covariance is 6×6',
      );
    }
    if (Math.abs(covariance.epoch.secondsSince(state.epoch)) > 1e-6) {
      throw new InvalidArgumentError(
        'covariance.epoch',
        covariance.epoch.toIso('UTC'),
        '',
        `must be the state's epoch ${state.epoch.toIso('UTC')}`,
      );
    }
    cov = {
      comments: [],
      covRefFrame:
        covariance.frame === 'RTN' || covariance.frame === 'TNW'
          ? covariance.frame
          : frameIdToCcsdsFrame(covariance.frame),
      lowerTriangle: lowerTriangle(covariance),
    };
  }
  return {
    type: 'OPM',
    header: headerOf(info),
    metadata,
    stateVector: { comments: [], ...ccsdsState(state) },
    ...(cov ? { covariance: cov } : {}),
    maneuvers: [],
  };
}

/**
 * An OEM of one segment holding states in time order (all in one frame).
 *
 * @param states - at least one state, in increasing time order, one frame
 * @param info - object and message identification
 * @param options - INTERPOLATION and its degree to declare (default `LAGRANGE`, 7)
 * @returns the message, ready for {@link writeOem}
 * @throws {@link InvalidArgumentError} for no states, mixed frames or decreasing epochs
 * @see CCSDS 502.0-B-3 §5
 *
 * @example
 * ```ts
 * const epoch = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const states = [0, 60].map((dt) =>
 *   StateVector.create({ epoch: epoch.plusSeconds(dt), frame: 'GCRF', positionKm: [42164, dt, 0], velocityKmS: [0, 3.0747, 0] }),
 * );
 * const oem = oemFromStates(states, { objectName: 'GEO-1', objectId: '2024-001A', originator: 'OSMOSE', creationDate: epoch });
 * oem.segments[0]!.states.length; // 2
 * ```
 */
export function oemFromStates(
  states: readonly StateVector[],
  info: StateMessageInfo,
  options: { readonly interpolation?: string; readonly interpolationDegree?: number } = {},
): OemMessage {
  if (states.length === 0) {
    throw new InvalidArgumentError('states.length', 0, '', 'an OEM needs at least one state');
  }
  const frame = states[0]!.frame;
  for (let i = 1; i < states.length; i++) {
    if (states[i]!.frame !== frame) {
      throw new InvalidArgumentError(
        `states[${i}].frame`,
        states[i]!.frame,
        '',
        `must be ${frame} like states[0]`,
      );
    }
    if (!(states[i]!.epoch.secondsSince(states[i - 1]!.epoch) > 0)) {
      throw new InvalidArgumentError(
        `states[${i}].epoch`,
        states[i]!.epoch.toIso('UTC'),
        '',
        'must follow the previous state',
      );
    }
  }
  const segment: OemSegment = {
    metadata: {
      ...metadataOf(frame, info),
      startTime: states[0]!.epoch,
      stopTime: states[states.length - 1]!.epoch,
      interpolation: options.interpolation ?? 'LAGRANGE',
      interpolationDegree: options.interpolationDegree ?? 7,
    },
    dataComments: [],
    states: states.map(ccsdsState),
    covariances: [],
  };
  return { type: 'OEM', header: headerOf(info), segments: [segment] };
}

/** What {@link stateFromOpm} returns. */
export interface OpmState {
  /** The state, in the frame REF_FRAME names. */
  readonly state: StateVector;
  /** The 6×6 covariance at the state's epoch, when the OPM has one. */
  readonly covariance: Covariance | undefined;
}

/**
 * The state of an OPM as a {@link StateVector}, and its covariance as a {@link Covariance}
 * when the message has one (in the frame COV_REF_FRAME names: the state's frame, RTN or TNW).
 *
 * @param opm - a parsed OPM
 * @returns the state and the covariance (or undefined)
 * @throws {@link InvalidArgumentError} when the centre is not the Earth, or REF_FRAME or
 *   COV_REF_FRAME has no osmose frame
 *
 * @example
 * ```ts
 * const epoch = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const s = StateVector.create({ epoch, frame: 'EME2000', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] });
 * const info = { objectName: 'GEO-1', objectId: '2024-001A', originator: 'OSMOSE', creationDate: epoch };
 * stateFromOpm(parseOpm(writeOpm(opmFromState(s, undefined, info)))).state.frame; // 'EME2000'
 * ```
 */
export function stateFromOpm(opm: OpmMessage): OpmState {
  const frame = earthFrameOf(opm.metadata);
  const state = stateOf(opm.stateVector, frame);
  let covariance: Covariance | undefined;
  if (opm.covariance !== undefined) {
    const ref = opm.covariance.covRefFrame ?? opm.metadata.refFrame;
    let covFrame: FrameId | 'RTN' | 'TNW';
    if (ref === 'RTN' || ref === 'TNW') {
      covFrame = ref;
    } else {
      const f = ccsdsFrameToFrameId(ref);
      if (f === undefined) {
        throw new InvalidArgumentError(
          'COV_REF_FRAME',
          ref,
          '',
          'has no osmose frame (see ccsdsFrameToFrameId)',
        );
      }
      covFrame = f;
    }
    covariance = Covariance.create({
      epoch: state.epoch,
      frame: covFrame,
      matrix: fromLowerTriangle(opm.covariance.lowerTriangle),
    });
  }
  return { state, covariance };
}

/**
 * The states of an OEM segment as {@link StateVector}s.
 *
 * @param segment - a parsed OEM segment
 * @returns its states, in order
 * @throws {@link InvalidArgumentError} when the centre is not the Earth or REF_FRAME has no
 *   osmose frame
 *
 * @example
 * ```ts
 * const epoch = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const s = StateVector.create({ epoch, frame: 'GCRF', positionKm: [42164, 0, 0], velocityKmS: [0, 3.0747, 0] });
 * const info = { objectName: 'GEO-1', objectId: '2024-001A', originator: 'OSMOSE', creationDate: epoch };
 * statesFromOemSegment(parseOem(writeOem(oemFromStates([s], info))).segments[0]!)[0]!.radiusKm; // 42164
 * ```
 */
export function statesFromOemSegment(segment: OemSegment): StateVector[] {
  const frame = earthFrameOf(segment.metadata);
  return segment.states.map((s) => stateOf(s, frame));
}

// ---------------------------------------------------------------------------------------------

function headerOf(info: StateMessageInfo): CcsdsHeader {
  return {
    version: info.version ?? '3.0',
    comments: info.comments ?? [],
    creationDate: info.creationDate,
    originator: info.originator,
  };
}

function metadataOf(frame: FrameId, info: StateMessageInfo): OdmMetadataCommon {
  return {
    comments: [],
    objectName: info.objectName,
    objectId: info.objectId,
    centerName: 'EARTH',
    refFrame: frameIdToCcsdsFrame(frame),
    frame,
    timeSystem: info.timeSystem ?? 'UTC',
  };
}

function ccsdsState(state: StateVector): CcsdsStateVector {
  return { epoch: state.epoch, positionKm: state.positionKm, velocityKmS: state.velocityKmS };
}

function earthFrameOf(metadata: OdmMetadataCommon): FrameId {
  if (metadata.centerName !== 'EARTH') {
    throw new InvalidArgumentError(
      'CENTER_NAME',
      metadata.centerName,
      '',
      'osmose states are Earth-centred: only EARTH is supported',
    );
  }
  if (metadata.frame !== undefined) return metadata.frame;
  throw new InvalidArgumentError(
    'REF_FRAME',
    metadata.refFrame,
    '',
    'has no osmose frame (see ccsdsFrameToFrameId)',
  );
}

function stateOf(s: CcsdsStateVector, frame: FrameId): StateVector {
  return StateVector.create({
    epoch: s.epoch,
    frame,
    positionKm: s.positionKm,
    velocityKmS: s.velocityKmS,
  });
}

function lowerTriangle(c: Covariance): number[] {
  const out: number[] = [];
  for (let i = 0; i < 6; i++) for (let j = 0; j <= i; j++) out.push(c.get(i, j));
  return out;
}

function fromLowerTriangle(values: readonly number[]): number[][] {
  const m = Array.from({ length: 6 }, () => new Array<number>(6).fill(0));
  let k = 0;
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j <= i; j++) {
      m[i]![j] = values[k]!;
      m[j]![i] = values[k]!;
      k++;
    }
  }
  return m;
}
