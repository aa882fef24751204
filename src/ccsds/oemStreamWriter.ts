import { InvalidArgumentError } from '../errors';
import { AsciiBuffer } from './internal/asciiBuffer';
import { Emitter, escapeXml } from './internal/emit';
import { ScaleEpochCodec } from './internal/epochs';
import { COVARIANCE_BLOCK, OEM_META_BLOCK } from './internal/fields';
import { formatNumber } from './internal/numbers';
import { emitHeader, writeCodec, writeUtc } from './internal/writeCommon';
import type { CcsdsEpochCodec, CcsdsWriteOptions } from './options';
import type {
  CcsdsCovariance,
  CcsdsEncoding,
  CcsdsHeader,
  CcsdsStateVector,
  OemMetadata,
} from './types';

/** Options of {@link OemStreamWriter}. */
export interface OemStreamWriterOptions extends CcsdsWriteOptions {
  /** KVN (default) or XML. */
  readonly encoding?: CcsdsEncoding;
  /** Characters gathered before a chunk goes to the sink. Default 65536. */
  readonly chunkChars?: number;
}

const DEFAULT_CHUNK_CHARS = 65_536;
/** Room for an ephemeris line besides its date: 9 numbers of at most 24 characters, blanks. */
const LINE_BYTES = 9 * 25 + 1;
/** Room for a date written by ScaleEpochCodec.writeInto. */
const DATE_BYTES = 40;
const SPACE = 32;
const NEWLINE = 10;
const XML_STATE_KEYWORDS = ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT', 'X_DDOT', 'Y_DDOT', 'Z_DDOT'];

/**
 * Writes an OEM one state at a time in constant memory: the text goes to a caller-supplied
 * sink in chunks of about `chunkChars` characters, so an ephemeris of any length can be
 * streamed to a file, a socket or a hash without being held whole.
 *
 * Numbers are written in JavaScript's shortest round-trip form (`String(x)`), which reads
 * back as the very same double; dates with up to 12 fractional digits (trailing zeros
 * dropped), which reads back within 0.5 ps.
 *
 * @example
 * ```ts
 * const chunks: string[] = [];
 * const t0 = Epoch.fromIso('2024-01-01T00:00:00', 'UTC');
 * const w = new OemStreamWriter((s) => chunks.push(s), {
 *   version: '2.0', comments: [], creationDate: t0, originator: 'OSMOSE',
 * });
 * w.beginSegment({
 *   comments: [], objectName: 'SAT', objectId: '2024-001A', centerName: 'EARTH',
 *   refFrame: 'EME2000', timeSystem: 'UTC', startTime: t0, stopTime: t0.plusSeconds(60),
 * });
 * w.writeState({ epoch: t0, positionKm: [7000, 0, 0], velocityKmS: [0, 7.5, 0] });
 * w.end();
 * chunks.join('').includes('2024-01-01T00:00:00 7000 0 0 0 7.5 0'); // true
 * ```
 */
export class OemStreamWriter {
  private readonly sink: (chunk: string) => void;
  private readonly emitter: Emitter;
  private readonly options: OemStreamWriterOptions | undefined;
  private readonly xml: boolean;
  private readonly chunkChars: number;
  private readonly utc: CcsdsEpochCodec;
  /** The text of the current chunk: strings, and ephemeris lines written as bytes. */
  private readonly parts: string[] = [];
  private readonly bytes: AsciiBuffer;
  private chars = 0;
  private codec: CcsdsEpochCodec | undefined;
  private segmentOpen = false;
  private covariancesWritten = false;
  private ended = false;
  private start: CcsdsStateVector['epoch'] | undefined;
  private stop: CcsdsStateVector['epoch'] | undefined;
  private indent = '';

  /**
   * Starts a message and writes its header.
   *
   * @param sink - receives the text in chunks, in order
   * @param header - the header (version `1.0`, `2.0` or `3.0`)
   * @param options - encoding, units, chunk size, time-system references
   * @throws {@link InvalidArgumentError} for a chunk size that is not a positive integer
   */
  constructor(
    sink: (chunk: string) => void,
    header: CcsdsHeader,
    options?: OemStreamWriterOptions,
  ) {
    this.sink = sink;
    this.options = options;
    this.xml = options?.encoding === 'XML';
    const chunk = options?.chunkChars ?? DEFAULT_CHUNK_CHARS;
    if (!Number.isInteger(chunk) || chunk < 1) {
      throw new InvalidArgumentError(
        'chunkChars',
        chunk,
        'characters',
        'must be a positive integer',
      );
    }
    this.chunkChars = chunk;
    this.bytes = new AsciiBuffer(Math.min(chunk, DEFAULT_CHUNK_CHARS) + LINE_BYTES);
    this.emitter = new Emitter(this.xml, options?.units ?? false, (line) => this.line(line));
    this.utc = writeUtc(options);
    this.emitter.start('OEM', header.version);
    emitHeader(this.emitter, header, this.utc);
    this.emitter.open('body');
    this.indent = '        ';
  }

  private line(text: string): void {
    this.takeBytes();
    this.parts.push(text, '\n');
    this.chars += text.length + 1;
    if (this.chars >= this.chunkChars) this.flush();
  }

  /** Moves the ephemeris lines written as bytes into the chunk's strings. */
  private takeBytes(): void {
    if (this.bytes.length > 0) this.parts.push(this.bytes.take());
  }

  private flush(): void {
    this.takeBytes();
    if (this.chars > 0) {
      // One join per chunk: a flat string, whatever the number of pieces.
      this.sink(this.parts.length === 1 ? this.parts[0]! : this.parts.join(''));
      this.parts.length = 0;
      this.chars = 0;
    }
  }

  private closeSegment(): void {
    if (!this.segmentOpen) return;
    this.emitter.close('data');
    this.emitter.close('segment');
    this.emitter.blank();
    this.segmentOpen = false;
  }

  private checkOpen(): void {
    if (this.ended) {
      throw new InvalidArgumentError(
        'writer',
        'ended',
        '',
        'the OEM has been ended: start a new writer',
      );
    }
  }

  /**
   * Starts a segment: writes its metadata and the comments that open its data.
   *
   * @param metadata - the segment's metadata (its TIME_SYSTEM sets how dates are written)
   * @param dataComments - COMMENT lines before the ephemeris lines
   * @throws {@link InvalidArgumentError} for a time system that cannot be written (MRT without
   *   its reference epoch…) or a writer already ended
   */
  beginSegment(metadata: OemMetadata, dataComments: readonly string[] = []): void {
    this.checkOpen();
    this.closeSegment();
    const e = this.emitter;
    this.codec = writeCodec(metadata.timeSystem, this.options);
    this.start = metadata.startTime;
    this.stop = metadata.stopTime;
    e.open('segment');
    e.open('metadata', 'META_START');
    e.comments(metadata.comments);
    e.block(OEM_META_BLOCK, metadata, this.codec, this.utc);
    e.close('metadata', 'META_STOP');
    e.blank();
    e.open('data');
    e.comments(dataComments);
    this.segmentOpen = true;
    this.covariancesWritten = false;
  }

  /**
   * Writes one ephemeris line.
   *
   * @param state - epoch, position (km), velocity (km/s) and optional acceleration (km/s²)
   * @throws {@link InvalidArgumentError} outside a segment, after its covariances, or for an
   *   epoch outside the segment's START_TIME…STOP_TIME
   */
  writeState(state: CcsdsStateVector): void {
    const codec = this.codec;
    if (!this.segmentOpen || codec === undefined || this.covariancesWritten) {
      throw new InvalidArgumentError(
        'state',
        'ephemeris line',
        '',
        'write it inside a segment, before its covariances',
      );
    }
    const t = state.epoch;
    if (t.compare(this.start!) < 0 || t.compare(this.stop!) > 0) {
      throw new InvalidArgumentError(
        'state.epoch',
        t.toString(),
        '',
        'outside the segment START_TIME…STOP_TIME',
      );
    }
    const p = state.positionKm;
    const v = state.velocityKmS;
    const a = state.accelerationKmS2;
    if (!this.xml) {
      // Written as bytes, digit by digit (see AsciiBuffer): the same text as
      // `${codec.write(t)} ${formatNumber(p[0])} …`, without a string per number or date.
      const bytes = this.bytes;
      const before = bytes.length;
      bytes.reserve(DATE_BYTES + LINE_BYTES);
      const fastDate = codec instanceof ScaleEpochCodec && codec.writeInto(t, bytes);
      const epoch = fastDate ? '' : codec.write(t);
      if (!fastDate) bytes.reserve(epoch.length + LINE_BYTES);
      if (fastDate || bytes.ascii(epoch)) {
        for (let k = 0; k < 3; k++) {
          bytes.byte(SPACE);
          bytes.number(p[k]!);
        }
        for (let k = 0; k < 3; k++) {
          bytes.byte(SPACE);
          bytes.number(v[k]!);
        }
        if (a !== undefined) {
          for (let k = 0; k < 3; k++) {
            bytes.byte(SPACE);
            bytes.number(a[k]!);
          }
        }
        bytes.byte(NEWLINE);
        this.chars += bytes.length - before;
        if (this.chars >= this.chunkChars) this.flush();
        return;
      }
      // A date with other than ASCII characters (a caller's codec): as a string.
      let text = `${epoch} ${formatNumber(p[0])} ${formatNumber(p[1])} ${formatNumber(p[2])} ${formatNumber(v[0])} ${formatNumber(v[1])} ${formatNumber(v[2])}`;
      if (a !== undefined)
        text += ` ${formatNumber(a[0])} ${formatNumber(a[1])} ${formatNumber(a[2])}`;
      this.line(text);
      return;
    }
    const epoch = codec.write(t);
    const values = a === undefined ? [...p, ...v] : [...p, ...v, ...a];
    const ind = this.indent;
    let text = `${ind}<stateVector>\n${ind}  <EPOCH>${escapeXml(epoch)}</EPOCH>\n`;
    for (let k = 0; k < values.length; k++) {
      const kw = XML_STATE_KEYWORDS[k]!;
      text += `${ind}  <${kw}>${formatNumber(values[k]!)}</${kw}>\n`;
    }
    this.line(`${text}${ind}</stateVector>`);
  }

  /**
   * Writes the covariance section of the current segment (after its ephemeris lines).
   *
   * @param covariances - the matrices, each with its EPOCH
   * @throws {@link InvalidArgumentError} outside a segment, twice in one segment, or for a
   *   matrix without EPOCH or without its 21 values
   */
  writeCovariances(covariances: readonly CcsdsCovariance[]): void {
    const codec = this.codec;
    if (!this.segmentOpen || codec === undefined || this.covariancesWritten) {
      throw new InvalidArgumentError(
        'covariances',
        'section',
        '',
        'write it once per segment, after the states',
      );
    }
    this.covariancesWritten = true;
    if (covariances.length === 0) return;
    const e = this.emitter;
    e.blank();
    e.open(undefined, 'COVARIANCE_START');
    for (const c of covariances) {
      if (c.epoch === undefined || c.lowerTriangle.length !== 21) {
        throw new InvalidArgumentError(
          'covariance',
          c.lowerTriangle.length,
          'values',
          'an OEM covariance needs an EPOCH and 21 values',
        );
      }
      e.open('covarianceMatrix');
      e.comments(c.comments);
      if (this.xml) {
        e.block(COVARIANCE_BLOCK, c, codec, this.utc);
      } else {
        e.field('EPOCH', codec.write(c.epoch));
        if (c.covRefFrame !== undefined) e.field('COV_REF_FRAME', c.covRefFrame);
        let k = 0;
        for (let row = 0; row < 6; row++) {
          const parts: string[] = [];
          for (let col = 0; col <= row; col++) parts.push(formatNumber(c.lowerTriangle[k++]!));
          e.raw(parts.join(' '));
        }
      }
      e.close('covarianceMatrix');
    }
    e.close(undefined, 'COVARIANCE_STOP');
  }

  /** Closes the message and hands the last chunk to the sink. */
  end(): void {
    this.checkOpen();
    this.closeSegment();
    this.emitter.close('body');
    this.emitter.end('OEM');
    this.ended = true;
    this.flush();
  }
}
