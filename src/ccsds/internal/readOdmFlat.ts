import { CcsdsParseError } from '../../errors';
import type { OmmMessage, OpmMessage } from '../types';
import { BlockBuilder, type ReadContext } from './blocks';
import { finishOdmMetadata, type Reader, toHeader } from './common';
import {
  type BlockSpec,
  type FieldSpec,
  HEADER_BLOCK,
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
import { unexpectedRecord } from './kvnLexer';
import { RecordKind } from './records';

const USER_BLOCK: BlockSpec = { name: 'userDefinedParameters', fields: [], byKeyword: new Map() };
const USER_PREFIX = 'USER_DEFINED_';

/** The blocks of OPM and OMM in the standard's order (header first). */
export const OPM_BLOCKS: readonly BlockSpec[] = [
  HEADER_BLOCK,
  OPM_META_BLOCK,
  STATE_BLOCK,
  KEPLERIAN_BLOCK,
  SPACECRAFT_BLOCK,
  ODM_COVARIANCE_BLOCK,
  MANEUVER_BLOCK,
  USER_BLOCK,
];
export const OMM_BLOCKS: readonly BlockSpec[] = [
  HEADER_BLOCK,
  OMM_META_BLOCK,
  MEAN_ELEMENTS_BLOCK,
  SPACECRAFT_BLOCK,
  TLE_BLOCK,
  ODM_COVARIANCE_BLOCK,
  USER_BLOCK,
];

interface Located {
  readonly index: number;
  readonly spec: FieldSpec | undefined;
}

function locate(blocks: readonly BlockSpec[], keyword: string): Located | undefined {
  if (keyword.startsWith(USER_PREFIX) && keyword.length > USER_PREFIX.length) {
    return { index: blocks.indexOf(USER_BLOCK), spec: undefined };
  }
  for (let i = 0; i < blocks.length; i++) {
    const spec = blocks[i]!.byKeyword.get(keyword);
    if (spec !== undefined) return { index: i, spec };
  }
  return undefined;
}

/**
 * Reads an OPM or an OMM (KVN, or XML turned into records): one run of keywords whose blocks
 * follow in the standard's order; a COMMENT belongs to the block of the keyword after it.
 * The reader is positioned after the version keyword.
 */
export function readOdmFlat(
  reader: Reader,
  type: 'OPM' | 'OMM',
  version: string,
  ctx: ReadContext,
): OpmMessage | OmmMessage {
  const blocks = type === 'OPM' ? OPM_BLOCKS : OMM_BLOCKS;
  const maneuverIndex = blocks.indexOf(MANEUVER_BLOCK);
  const userIndex = blocks.indexOf(USER_BLOCK);
  const done: {
    index: number;
    builder: BlockBuilder;
    endLine: number;
    user?: Record<string, string>;
  }[] = [];
  let current = new BlockBuilder(blocks[0]!, reader.line);
  let currentIndex = 0;
  let user: Record<string, string> | undefined;
  let pendingComments: string[] = [];
  const c = reader.cursor;
  const close = (endLine: number) => {
    current.comments.push(...pendingComments);
    pendingComments = [];
    done.push({ index: currentIndex, builder: current, endLine, ...(user ? { user } : {}) });
  };
  for (; reader.has; reader.advance()) {
    if (c.kind === RecordKind.Comment) {
      pendingComments.push(c.value);
      continue;
    }
    if (c.kind !== RecordKind.KeyValue) unexpectedRecord(c, `in an ${type}`);
    const where = locate(blocks, c.keyword);
    if (where === undefined) unexpectedRecord(c, `in an ${type}`);
    const newManeuver =
      where.index === maneuverIndex &&
      currentIndex === maneuverIndex &&
      c.keyword === 'MAN_EPOCH_IGNITION' &&
      current.has('MAN_EPOCH_IGNITION');
    if (where.index < currentIndex) {
      throw new CcsdsParseError(
        'unexpected-keyword',
        c.line,
        c.keyword,
        `${blocks[where.index]!.name} keyword after the ${blocks[currentIndex]!.name} block`,
      );
    }
    if (where.index > currentIndex || newManeuver) {
      const comments = pendingComments;
      pendingComments = [];
      done.push({
        index: currentIndex,
        builder: current,
        endLine: c.line,
        ...(user ? { user } : {}),
      });
      current = new BlockBuilder(blocks[where.index]!, c.line);
      current.comments.push(...comments);
      currentIndex = where.index;
      user = where.index === userIndex ? {} : undefined;
    } else if (pendingComments.length > 0) {
      current.comments.push(...pendingComments);
      pendingComments = [];
    }
    if (where.spec === undefined) {
      const name = c.keyword.slice(USER_PREFIX.length);
      if (user === undefined || name in user) {
        throw new CcsdsParseError('unexpected-keyword', c.line, c.keyword, 'given twice');
      }
      user[name] = c.valueText;
    } else {
      current.set(where.spec, c.value, c.unit, c.line, ctx, c.valueText);
    }
  }
  close(reader.line);

  // Finish in order: header, metadata (which gives the time system), then the data blocks.
  let header: Record<string, unknown> | undefined;
  let metadata: Record<string, unknown> | undefined;
  let codec: ReturnType<typeof finishOdmMetadata>['codec'] | undefined;
  const out: Record<string, unknown> = { type };
  const maneuvers: unknown[] = [];
  for (const d of done) {
    const spec = blocks[d.index]!;
    if (d.index === 0) {
      header = d.builder.finish(ctx.utc, d.endLine);
      continue;
    }
    if (d.index === 1) {
      const m = finishOdmMetadata(d.builder, ctx, d.endLine);
      metadata = m.values;
      codec = m.codec;
      continue;
    }
    if (codec === undefined) {
      throw new CcsdsParseError(
        'missing-keyword',
        d.builder.startLine,
        'OBJECT_NAME',
        'the metadata must come before the data',
      );
    }
    if (d.index === userIndex) {
      out.userDefined = { comments: d.builder.comments, parameters: d.user ?? {} };
      continue;
    }
    const values = d.builder.finish(codec, d.endLine);
    switch (spec) {
      case STATE_BLOCK:
        out.stateVector = values;
        break;
      case KEPLERIAN_BLOCK:
        if (values.trueAnomalyDeg === undefined && values.meanAnomalyDeg === undefined) {
          throw new CcsdsParseError(
            'missing-keyword',
            d.endLine,
            'TRUE_ANOMALY',
            'Keplerian elements need TRUE_ANOMALY or MEAN_ANOMALY',
          );
        }
        out.keplerianElements = values;
        break;
      case MEAN_ELEMENTS_BLOCK:
        if (values.semiMajorAxisKm === undefined && values.meanMotionRevPerDay === undefined) {
          throw new CcsdsParseError(
            'missing-keyword',
            d.endLine,
            'MEAN_MOTION',
            'mean elements need MEAN_MOTION or SEMI_MAJOR_AXIS',
          );
        }
        out.meanElements = values;
        break;
      case SPACECRAFT_BLOCK:
        out.spacecraft = values;
        break;
      case TLE_BLOCK:
        out.tleParameters = values;
        break;
      case ODM_COVARIANCE_BLOCK:
        out.covariance = values;
        break;
      case MANEUVER_BLOCK:
        maneuvers.push(values);
        break;
    }
  }
  if (header === undefined) {
    throw new CcsdsParseError(
      'missing-keyword',
      reader.line,
      'CREATION_DATE',
      'the header is empty',
    );
  }
  if (metadata === undefined) {
    throw new CcsdsParseError(
      'missing-keyword',
      reader.line,
      'OBJECT_NAME',
      'the metadata is missing',
    );
  }
  const first = type === 'OPM' ? 'stateVector' : 'meanElements';
  if (out[first] === undefined) {
    throw new CcsdsParseError(
      'missing-keyword',
      reader.line,
      'EPOCH',
      `the ${type} has no ${first} block`,
    );
  }
  const message: Record<string, unknown> = {
    type,
    header: toHeader(version, header),
    metadata,
  };
  for (const key of [
    'stateVector',
    'keplerianElements',
    'meanElements',
    'spacecraft',
    'tleParameters',
    'covariance',
  ]) {
    if (out[key] !== undefined) message[key] = out[key];
  }
  if (type === 'OPM') message.maneuvers = maneuvers;
  if (out.userDefined !== undefined) message.userDefined = out.userDefined;
  return message as unknown as OpmMessage | OmmMessage;
}
