import { CcsdsParseError } from '../../errors';
import type { FrameId } from '../../frames';
import { ccsdsFrameToFrameId } from '../frames';
import type { CcsdsEpochCodec } from '../options';
import type { CcsdsHeader } from '../types';
import type { BlockBuilder, ReadContext } from './blocks';
import { epochCodecFor } from './epochs';
import type { RecordCursor } from './records';

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
