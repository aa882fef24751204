import { CcsdsParseError } from '../../errors';
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

/** Reads `epoch value` of a TDM data line. */
function readObservation(
  keyword: string,
  text: string,
  line: number,
  epochLine: number,
  codec: CcsdsEpochCodec | undefined,
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
  return { keyword, epoch: readEpoch(codec, parts[0]!, epochLine, keyword), value };
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
        observations.push(readObservation(c.keyword, c.value, c.line, c.epochLine, codec));
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
