import type { CcsdsWriteOptions } from '../options';
import type { CcsdsCovariance, OmmMessage, OpmMessage } from '../types';
import { Emitter } from './emit';
import {
  KEPLERIAN_BLOCK,
  MANEUVER_BLOCK,
  MEAN_ELEMENTS_BLOCK,
  ODM_COVARIANCE_BLOCK,
  OMM_META_BLOCK,
  OPM_META_BLOCK,
  SPACECRAFT_BLOCK,
  STATE_BLOCK,
  TLE_BLOCK,
} from './fields';
import { emitHeader, writeCodec, writeUtc } from './writeCommon';

/** Writes an OPM or an OMM, line by line, into a sink. */
export function emitOdm(
  message: OpmMessage | OmmMessage,
  xml: boolean,
  options: CcsdsWriteOptions | undefined,
  sink: (line: string) => void,
): void {
  const e = new Emitter(xml, options?.units ?? false, sink);
  const utc = writeUtc(options);
  const codec = writeCodec(message.metadata.timeSystem, options);
  e.start(message.type, message.header.version);
  emitHeader(e, message.header, utc);
  e.open('body');
  e.open('segment');
  e.open('metadata');
  e.comments(message.metadata.comments);
  e.block(message.type === 'OPM' ? OPM_META_BLOCK : OMM_META_BLOCK, message.metadata, codec, utc);
  e.close('metadata');
  e.blank();
  e.open('data');
  const section = (
    name: string,
    values: { comments: readonly string[] } | undefined,
    spec: typeof STATE_BLOCK,
  ) => {
    if (values === undefined) return;
    e.open(name);
    e.comments(values.comments);
    e.block(spec, values, codec, utc);
    e.close(name);
    e.blank();
  };
  if (message.type === 'OPM') {
    section('stateVector', message.stateVector, STATE_BLOCK);
    section('keplerianElements', message.keplerianElements, KEPLERIAN_BLOCK);
    section('spacecraftParameters', message.spacecraft, SPACECRAFT_BLOCK);
    covariance(e, message.covariance, codec, utc);
    for (const m of message.maneuvers) section('maneuverParameters', m, MANEUVER_BLOCK);
  } else {
    section('meanElements', message.meanElements, MEAN_ELEMENTS_BLOCK);
    section('spacecraftParameters', message.spacecraft, SPACECRAFT_BLOCK);
    section('tleParameters', message.tleParameters, TLE_BLOCK);
    covariance(e, message.covariance, codec, utc);
  }
  const user = message.userDefined;
  if (user !== undefined) {
    e.open('userDefinedParameters');
    e.comments(user.comments);
    for (const [k, v] of Object.entries(user.parameters)) e.userDefined(k, v);
    e.close('userDefinedParameters');
  }
  e.close('data');
  e.close('segment');
  e.close('body');
  e.end(message.type);
}

function covariance(
  e: Emitter,
  c: CcsdsCovariance | undefined,
  codec: ReturnType<typeof writeCodec>,
  utc: ReturnType<typeof writeUtc>,
): void {
  if (c === undefined) return;
  e.open('covarianceMatrix');
  e.comments(c.comments);
  e.block(ODM_COVARIANCE_BLOCK, c, codec, utc);
  e.close('covarianceMatrix');
  e.blank();
}
