import { CcsdsParseError } from '../../errors';
import type { Epoch } from '../../time';
import type { CcsdsEpochCodec } from '../options';
import type { CcsdsCovariance, CcsdsStateVector, OemMessage, OemSegment } from '../types';
import { BlockBuilder, type ReadContext } from './blocks';
import { finishOdmMetadata, type Reader, readKvnHeader, readKvnMetadata, toHeader } from './common';
import { readEphemerisBlock, type SlowLineReader } from './ephemerisBlock';
import { readEpoch, ScaleEpochCodec } from './epochs';
import { COVARIANCE_BLOCK, OEM_META_BLOCK } from './fields';
import { clip, KvnLexer, unexpectedRecord } from './kvnLexer';
import { readDecimal } from './numbers';
import { keywordOf, kindOf, RecordKind } from './records';

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Reads one ephemeris line `epoch x y z vx vy vz [ax ay az]` (km, km/s, km/s²).
 *
 * @throws {@link CcsdsParseError} (`unparsable-line`) for a wrong count or a bad number
 */
export function readEphemerisLine(
  text: string,
  line: number,
  codec: CcsdsEpochCodec,
): CcsdsStateVector {
  const n = text.length;
  const values = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  let count = -1;
  let epochText = '';
  let i = 0;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const a = i;
    while (i < n && !isBlank(text.charCodeAt(i))) i++;
    if (count < 0) {
      epochText = text.slice(a, i);
    } else {
      if (count >= 9) {
        throw new CcsdsParseError(
          'unparsable-line',
          line,
          undefined,
          `more than 10 fields in "${clip(text)}"`,
        );
      }
      const v = readDecimal(text, a, i);
      if (Number.isNaN(v)) {
        throw new CcsdsParseError(
          'unparsable-line',
          line,
          undefined,
          `"${text.slice(a, i)}" is not a number in "${clip(text)}"`,
        );
      }
      values[count] = v;
    }
    count++;
  }
  if (count !== 6 && count !== 9) {
    throw new CcsdsParseError(
      'unparsable-line',
      line,
      undefined,
      `an ephemeris line has an epoch and 6 or 9 numbers, not ${Math.max(count, 0)}: "${clip(text)}"`,
    );
  }
  let epoch: Epoch;
  try {
    epoch = readEpoch(codec, epochText, line, 'EPOCH');
  } catch (e) {
    const reason = e instanceof CcsdsParseError ? e.reason : String(e);
    throw new CcsdsParseError('unparsable-line', line, undefined, reason, { cause: e });
  }
  const state: CcsdsStateVector =
    count === 9
      ? {
          epoch,
          positionKm: [values[0]!, values[1]!, values[2]!],
          velocityKmS: [values[3]!, values[4]!, values[5]!],
          accelerationKmS2: [values[6]!, values[7]!, values[8]!],
        }
      : {
          epoch,
          positionKm: [values[0]!, values[1]!, values[2]!],
          velocityKmS: [values[3]!, values[4]!, values[5]!],
        };
  return state;
}

/** Reads covariance row `row` (0-based: row+1 numbers) into out at the triangle offset. */
function readCovarianceRow(text: string, row: number, out: number[], line: number): void {
  const n = text.length;
  let i = 0;
  let k = 0;
  const base = (row * (row + 1)) / 2;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const a = i;
    while (i < n && !isBlank(text.charCodeAt(i))) i++;
    if (k > row) {
      throw new CcsdsParseError(
        'unparsable-line',
        line,
        undefined,
        `covariance row ${row + 1} has more than ${row + 1} values: "${clip(text)}"`,
      );
    }
    const v = readDecimal(text, a, i);
    if (Number.isNaN(v)) {
      throw new CcsdsParseError(
        'unparsable-line',
        line,
        undefined,
        `"${text.slice(a, i)}" is not a number in "${clip(text)}"`,
      );
    }
    out[base + k] = v;
    k++;
  }
  if (k !== row + 1) {
    throw new CcsdsParseError(
      'unparsable-line',
      line,
      undefined,
      `covariance row ${row + 1} needs ${row + 1} values, not ${k}: "${clip(text)}"`,
    );
  }
}

interface MatrixInProgress {
  builder: BlockBuilder;
  rows: number;
  triangle: number[];
  startLine: number;
}

/** Reads the covariance section (from after COVARIANCE_START to COVARIANCE_STOP). */
function readCovariances(
  reader: Reader,
  ctx: ReadContext,
  codec: CcsdsEpochCodec,
): CcsdsCovariance[] {
  const c = reader.cursor;
  const out: CcsdsCovariance[] = [];
  let m: MatrixInProgress | undefined;
  let comments: string[] = [];
  const finish = (line: number, keyword: string | undefined) => {
    if (m === undefined) return;
    const keywordForm = m.builder.has('CX_X');
    if (!keywordForm && m.rows < 6) {
      throw new CcsdsParseError(
        'incomplete-covariance',
        line,
        keyword,
        `the covariance that starts at line ${m.startLine} ends after ${m.rows} of its 6 rows`,
      );
    }
    if (!m.builder.has('EPOCH')) {
      throw new CcsdsParseError(
        'missing-keyword',
        line,
        'EPOCH',
        'an OEM covariance needs an EPOCH',
      );
    }
    const values = m.builder.finish(
      codec,
      line,
      keywordForm ? undefined : (s) => s.index !== undefined,
    );
    if (!keywordForm) values.lowerTriangle = m.triangle;
    else if (
      (values.lowerTriangle as number[]).length !== 21 ||
      (values.lowerTriangle as number[]).includes(undefined as unknown as number)
    ) {
      throw new CcsdsParseError(
        'incomplete-covariance',
        line,
        keyword,
        'a covariance needs its 21 values',
      );
    }
    out.push(values as unknown as CcsdsCovariance);
    m = undefined;
  };
  for (; reader.has; reader.advance()) {
    switch (kindOf(c)) {
      case RecordKind.Comment:
        if (m === undefined) comments.push(c.value);
        else m.builder.comments.push(c.value);
        continue;
      case RecordKind.Stop:
        if (c.keyword !== 'COVARIANCE') unexpectedRecord(c, 'in a covariance section');
        finish(c.line, 'COVARIANCE_STOP');
        reader.advance();
        return out;
      case RecordKind.KeyValue: {
        if (c.keyword === 'EPOCH') {
          finish(c.line, 'EPOCH');
          m = {
            builder: new BlockBuilder(COVARIANCE_BLOCK, c.line),
            rows: 0,
            triangle: [],
            startLine: c.line,
          };
          m.builder.comments.push(...comments);
          comments = [];
        }
        const spec = COVARIANCE_BLOCK.byKeyword.get(c.keyword);
        if (spec === undefined || m === undefined) unexpectedRecord(c, 'in a covariance section');
        if (spec.kw.startsWith('C') && spec.kw !== 'COV_REF_FRAME' && m.rows > 0) {
          unexpectedRecord(c, 'in a covariance given as rows');
        }
        m.builder.set(spec, c.value, c.unit, c.line, ctx, c.valueText);
        continue;
      }
      case RecordKind.Data:
        if (m === undefined || m.rows >= 6 || m.builder.has('CX_X')) {
          throw new CcsdsParseError(
            'unparsable-line',
            c.line,
            undefined,
            `"${clip(c.value)}" is not expected here (a covariance has 6 rows after its EPOCH)`,
          );
        }
        readCovarianceRow(c.value, m.rows, m.triangle, c.line);
        m.rows++;
        continue;
      default:
        unexpectedRecord(c, 'in a covariance section');
    }
  }
  throw new CcsdsParseError(
    'missing-keyword',
    reader.line,
    'COVARIANCE_STOP',
    'the covariance section is not closed',
  );
}

/**
 * Reads an OEM: header, then segments of metadata (META_START…META_STOP), ephemeris lines
 * and an optional covariance section. The reader is positioned after the version keyword.
 */
export function readOem(reader: Reader, version: string, ctx: ReadContext): OemMessage {
  const c = reader.cursor;
  const headerValues = readKvnHeader(reader, ctx, 'OEM');
  const segments: OemSegment[] = [];
  let firstTimeSystem: string | undefined;
  while (reader.has) {
    const { meta, metaStop } = readKvnMetadata(reader, ctx, OEM_META_BLOCK, 'OEM');
    const { values: metadata, codec } = finishOdmMetadata(meta, ctx, metaStop);
    const timeSystem = metadata.timeSystem as string;
    if (firstTimeSystem === undefined) firstTimeSystem = timeSystem;
    else if (timeSystem !== firstTimeSystem) {
      throw new CcsdsParseError(
        'inconsistent-time-systems',
        meta.lines.get('TIME_SYSTEM') ?? metaStop,
        'TIME_SYSTEM',
        `segments of one OEM must share a time system: ${firstTimeSystem} then ${timeSystem}`,
      );
    }
    const start = metadata.startTime as Epoch;
    const stop = metadata.stopTime as Epoch;
    const readLine: SlowLineReader = (text, line) => {
      const s = readEphemerisLine(text, line, codec);
      if (s.epoch.compare(start) < 0 || s.epoch.compare(stop) > 0) {
        throw new CcsdsParseError(
          'epoch-out-of-range',
          line,
          undefined,
          `epoch ${text.split(/\s+/)[0]} is outside START_TIME…STOP_TIME`,
        );
      }
      return s;
    };
    reader.advance();
    const dataComments: string[] = [];
    const states: CcsdsStateVector[] = [];
    let covariances: CcsdsCovariance[] = [];
    let covarianceSeen = false;
    while (reader.has) {
      const kind = kindOf(c);
      if (kind === RecordKind.Data) {
        if (covarianceSeen) unexpectedRecord(c, 'after the covariance section');
        states.push(readLine(c.value, c.line));
        // The lines that follow, by the dedicated loop over the text when the dates have a
        // fast path; it stops before the next keyword line, which the lexer then reads.
        if (c instanceof KvnLexer && codec instanceof ScaleEpochCodec) {
          readEphemerisBlock(c, codec, start, stop, readLine, states);
        }
        reader.advance();
      } else if (kind === RecordKind.Comment) {
        if (states.length > 0 || covarianceSeen) {
          // A comment among the data lines: the standard puts them first; keep it with them.
          dataComments.push(c.value);
        } else dataComments.push(c.value);
        reader.advance();
      } else if (kind === RecordKind.Start && keywordOf(c) === 'COVARIANCE') {
        if (covarianceSeen) unexpectedRecord(c, 'after a covariance section');
        covarianceSeen = true;
        reader.advance();
        covariances = readCovariances(reader, ctx, codec);
      } else if (kind === RecordKind.Start && keywordOf(c) === 'META') {
        break;
      } else {
        unexpectedRecord(c, 'among OEM ephemeris lines');
      }
    }
    segments.push({
      metadata: metadata as unknown as OemSegment['metadata'],
      dataComments,
      states,
      covariances,
    });
  }
  if (segments.length === 0) {
    throw new CcsdsParseError(
      'missing-keyword',
      reader.line,
      'META_START',
      'an OEM needs at least one segment',
    );
  }
  return { type: 'OEM', header: toHeader(version, headerValues), segments };
}
