import { CcsdsParseError } from '../../errors';
import type { Epoch } from '../../time';
import type { CcsdsEpochCodec } from '../options';
import type { TdmMessage, TdmObservation, TdmSegment } from '../types';
import type { ReadContext } from './blocks';
import {
  metadataCodec,
  type Reader,
  readKvnHeader,
  readKvnMetadata,
  resolveFrame,
  toHeader,
} from './common';
import { readEpoch } from './epochs';
import { TDM_DATA_KEYWORDS, TDM_META_BLOCK } from './fields';
import { clip, unexpectedRecord } from './kvnLexer';
import { readNumber } from './numbers';
import { keywordOf, kindOf, RecordKind } from './records';

/** START_TIME and STOP_TIME of a segment, when given: they bound its data (503.0-B-2 §3.3). */
interface DataBounds {
  readonly start: Epoch | undefined;
  readonly stop: Epoch | undefined;
}

/**
 * Reads `epoch value` of a TDM data line, and checks the epoch against START_TIME and
 * STOP_TIME. The observation keeps the line of its epoch (KVN: the data line itself).
 */
function readObservation(
  keyword: string,
  text: string,
  line: number,
  epochLine: number,
  codec: CcsdsEpochCodec | undefined,
  bounds: DataBounds,
): TdmObservation {
  const parts = text.split(/[ \t]+/);
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    throw new CcsdsParseError(
      'unparsable-value',
      line,
      keyword,
      `a TDM data line is "keyword = epoch value", not "${clip(text)}"`,
    );
  }
  if (codec === undefined) {
    throw new CcsdsParseError(
      'missing-time-system',
      epochLine,
      keyword,
      'date read while TIME_SYSTEM is not known',
    );
  }
  const value = readNumber(parts[1]!);
  if (Number.isNaN(value)) {
    throw new CcsdsParseError('unparsable-value', line, keyword, `"${parts[1]}" is not a number`);
  }
  const epoch = readEpoch(codec, parts[0]!, epochLine, keyword);
  const { start, stop } = bounds;
  if (
    (start !== undefined && epoch.compare(start) < 0) ||
    (stop !== undefined && epoch.compare(stop) > 0)
  ) {
    throw new CcsdsParseError(
      'epoch-out-of-range',
      epochLine,
      keyword,
      outOfBoundsReason(parts[0]!, codec, bounds),
    );
  }
  return { keyword, epoch, value, line: epochLine };
}

/** Why an epoch is refused: the epoch as written and the bounds the metadata gives. */
function outOfBoundsReason(text: string, codec: CcsdsEpochCodec, bounds: DataBounds): string {
  const given: string[] = [];
  if (bounds.start !== undefined) given.push(`START_TIME = ${codec.write(bounds.start)}`);
  if (bounds.stop !== undefined) given.push(`STOP_TIME = ${codec.write(bounds.stop)}`);
  return `epoch ${text} is outside the span of the segment's data (${given.join(', ')})`;
}

/**
 * Reads a TDM: header, then segments of metadata (META_START…META_STOP) and data
 * (DATA_START…DATA_STOP). Segments may use different time systems. The reader is positioned
 * after the version keyword.
 */
export function readTdm(reader: Reader, version: string, ctx: ReadContext): TdmMessage {
  const c = reader.cursor;
  const headerValues = readKvnHeader(reader, ctx, 'TDM');
  const segments: TdmSegment[] = [];
  while (reader.has) {
    const { meta, metaStop } = readKvnMetadata(reader, ctx, TDM_META_BLOCK, 'TDM');
    // Without TIME_SYSTEM, the fault shows at the first date that needs it (as Orekit).
    const codec = metadataCodec(meta, ctx, metaStop);
    const participants = meta.values.participants as Record<number, string> | undefined;
    if (participants?.[1] === undefined) {
      throw new CcsdsParseError(
        'missing-keyword',
        metaStop,
        'PARTICIPANT_1',
        'mandatory keyword missing from the TDM metadata',
      );
    }
    // A metadata date without TIME_SYSTEM fails here, at its own line.
    const metadata = meta.finish(codec, metaStop);
    metadata.line = meta.startLine;
    metadata.keywordLines = Object.fromEntries(meta.lines);
    const bounds: DataBounds = {
      start: metadata.startTime as Epoch | undefined,
      stop: metadata.stopTime as Epoch | undefined,
    };
    reader.advance();
    if (!reader.has || !(kindOf(c) === RecordKind.Start && keywordOf(c) === 'DATA')) {
      if (!reader.has)
        throw new CcsdsParseError(
          'missing-keyword',
          reader.line,
          'DATA_START',
          'a TDM segment needs its data',
        );
      unexpectedRecord(c, 'after TDM metadata (expected DATA_START)');
    }
    reader.advance();
    const dataComments: string[] = [];
    const observations: TdmObservation[] = [];
    let closed = false;
    for (; reader.has; reader.advance()) {
      if (kindOf(c) === RecordKind.Comment) dataComments.push(c.value);
      else if (kindOf(c) === RecordKind.KeyValue) {
        if (!TDM_DATA_KEYWORDS.has(c.keyword)) unexpectedRecord(c, 'in TDM data');
        observations.push(readObservation(c.keyword, c.value, c.line, c.epochLine, codec, bounds));
      } else if (kindOf(c) === RecordKind.Stop && keywordOf(c) === 'DATA') {
        closed = true;
        break;
      } else unexpectedRecord(c, 'in TDM data');
    }
    if (!closed) {
      throw new CcsdsParseError(
        'missing-keyword',
        reader.line,
        'DATA_STOP',
        'the data section is not closed',
      );
    }
    if (metadata.timeSystem === undefined) {
      throw new CcsdsParseError(
        'missing-keyword',
        metaStop,
        'TIME_SYSTEM',
        'mandatory keyword missing from the TDM metadata',
      );
    }
    const frameName = metadata.referenceFrame as string | undefined;
    if (frameName !== undefined) {
      const id = resolveFrame(
        frameName,
        { ...ctx, options: { ...ctx.options, unknownFrames: 'keep' } },
        meta.lines.get('REFERENCE_FRAME') ?? metaStop,
        'REFERENCE_FRAME',
      );
      if (id !== undefined) metadata.referenceFrameId = id;
    }
    segments.push({
      metadata: metadata as unknown as TdmSegment['metadata'],
      dataComments,
      observations,
    });
    reader.advance();
  }
  if (segments.length === 0) {
    throw new CcsdsParseError(
      'missing-keyword',
      reader.line,
      'META_START',
      'a TDM needs at least one segment',
    );
  }
  return { type: 'TDM', header: toHeader(version, headerValues), segments };
}
