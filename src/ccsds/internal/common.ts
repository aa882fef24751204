import { CcsdsParseError } from '../../errors';
import type { FrameId } from '../../frames';
import { ccsdsFrameToFrameId } from '../frames';
import type { CcsdsEpochCodec } from '../options';
import type { CcsdsHeader } from '../types';
import { BlockBuilder, type ReadContext } from './blocks';
import { epochCodecFor } from './epochs';
import { type BlockSpec, HEADER_BLOCK } from './fields';
import { unexpectedRecord } from './kvnLexer';
import { keywordOf, kindOf, type RecordCursor, RecordKind } from './records';

/** A cursor with one record of look-ahead: `has` says whether the current record is valid. */
export class Reader {
  readonly cursor: RecordCursor;
  has: boolean;

  constructor(cursor: RecordCursor) {
    this.cursor = cursor;
    this.has = cursor.next();
  }

  advance(): void {
    this.has = this.cursor.next();
  }

  /** Line of the current record, or the last line at the end. */
  get line(): number {
    return this.has ? this.cursor.line : this.cursor.lastLine;
  }
}

/**
 * Reads the header of an OEM or TDM in KVN, up to META_START (left as the current record),
 * and returns its finished values. The reader is positioned after the version keyword.
 *
 * @throws {@link CcsdsParseError} for a record that does not belong in a header, or a
 *   missing mandatory keyword
 */
export function readKvnHeader(
  reader: Reader,
  ctx: ReadContext,
  messageType: string,
): Record<string, unknown> {
  const c = reader.cursor;
  const header = new BlockBuilder(HEADER_BLOCK, reader.line);
  for (; reader.has; reader.advance()) {
    if (kindOf(c) === RecordKind.Comment) header.comments.push(c.value);
    else if (kindOf(c) === RecordKind.KeyValue) {
      const spec = HEADER_BLOCK.byKeyword.get(c.keyword);
      if (spec === undefined) unexpectedRecord(c, `in the ${messageType} header`);
      header.set(spec, c.value, c.unit, c.line, ctx, c.valueText);
    } else if (kindOf(c) === RecordKind.Start && keywordOf(c) === 'META') break;
    else unexpectedRecord(c, `in the ${messageType} header`);
  }
  return header.finish(ctx.utc, reader.line);
}

/**
 * Reads a metadata section META_START…META_STOP in KVN into a builder of `spec` (not
 * finished: its dates wait for the time system). The current record must be META_START; on
 * return it is META_STOP, whose line is `metaStop`.
 *
 * @throws {@link CcsdsParseError} for a record other than META_START, a record that does not
 *   belong in the metadata, or a section that is not closed
 */
export function readKvnMetadata(
  reader: Reader,
  ctx: ReadContext,
  spec: BlockSpec,
  messageType: string,
): { meta: BlockBuilder; metaStop: number } {
  const c = reader.cursor;
  if (!(kindOf(c) === RecordKind.Start && keywordOf(c) === 'META'))
    unexpectedRecord(c, `between ${messageType} segments`);
  const meta = new BlockBuilder(spec, c.line);
  reader.advance();
  for (; reader.has; reader.advance()) {
    if (kindOf(c) === RecordKind.Comment) meta.comments.push(c.value);
    else if (kindOf(c) === RecordKind.KeyValue) {
      const field = spec.byKeyword.get(c.keyword);
      if (field === undefined) unexpectedRecord(c, `in ${messageType} metadata`);
      meta.set(field, c.value, c.unit, c.line, ctx, c.valueText);
    } else if (kindOf(c) === RecordKind.Stop && keywordOf(c) === 'META') break;
    else unexpectedRecord(c, `in ${messageType} metadata`);
  }
  const metaStop = reader.line;
  if (!reader.has) {
    throw new CcsdsParseError(
      'missing-keyword',
      metaStop,
      'META_STOP',
      'the metadata is not closed',
    );
  }
  return { meta, metaStop };
}

/** The header object from its finished block. */
export function toHeader(version: string, values: Record<string, unknown>): CcsdsHeader {
  return { version, ...values } as unknown as CcsdsHeader;
}

/** Maps REF_FRAME through the caller's mapper and the built-in table. */
export function resolveFrame(
  name: string | undefined,
  ctx: ReadContext,
  line: number,
  keyword: string,
): FrameId | undefined {
  if (name === undefined) return undefined;
  const mapped = ctx.options?.frameMapper?.(name) ?? ccsdsFrameToFrameId(name);
  if (mapped === undefined && ctx.options?.unknownFrames === 'reject') {
    throw new CcsdsParseError(
      'invalid-frame',
      line,
      keyword,
      `"${name}" is not a frame osmose knows (pass frameMapper, or unknownFrames: 'keep')`,
    );
  }
  return mapped;
}

/** The codec of a metadata block's TIME_SYSTEM (undefined when absent). */
export function metadataCodec(
  meta: BlockBuilder,
  ctx: ReadContext,
  endLine: number,
): CcsdsEpochCodec | undefined {
  const ts = meta.values.timeSystem as string | undefined;
  if (ts === undefined) return undefined;
  return epochCodecFor(ts, ctx.options, meta.lines.get('TIME_SYSTEM') ?? endLine);
}

/** Finishes ODM metadata: dates, mandatory keywords, the frame. */
export function finishOdmMetadata(
  meta: BlockBuilder,
  ctx: ReadContext,
  endLine: number,
): { values: Record<string, unknown>; codec: CcsdsEpochCodec } {
  if (meta.values.timeSystem === undefined) {
    throw new CcsdsParseError(
      'missing-keyword',
      endLine,
      'TIME_SYSTEM',
      'mandatory keyword missing from the metadata',
    );
  }
  const codec = metadataCodec(meta, ctx, endLine) as CcsdsEpochCodec;
  const values = meta.finish(codec, endLine);
  const frame = resolveFrame(
    values.refFrame as string,
    ctx,
    meta.lines.get('REF_FRAME') ?? endLine,
    'REF_FRAME',
  );
  if (frame !== undefined) values.frame = frame;
  return { values, codec };
}
