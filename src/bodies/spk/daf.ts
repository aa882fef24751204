/**
 * NAIF's Double precision Array File (DAF) container, the format of SPK, binary PCK and CK
 * files (NAIF "DAF Required Reading"): 1024-byte records; a file record; a comment area; a
 * doubly linked list of summary records, each followed by a record of array names; and the
 * arrays themselves, addressed in 8-byte words from 1.
 *
 * Only IEEE files are read, in either byte order (`LTL-IEEE`, `BIG-IEEE`; pre-1990s files
 * without the field are recognised by their ND). The reader validates every count and
 * address against the file length, so that a truncated or corrupted file is reported with
 * the record at fault instead of being read as garbage.
 *
 * @packageDocumentation
 */
import { DataFormatError } from '../../errors';

/** Bytes in a DAF record. */
const RECORD_BYTES = 1024;
/** Bytes in a DAF word (one double). */
const WORD_BYTES = 8;
/** Words in a record (1024 / 8). */
const RECORD_WORDS = 128;
/** Control words at the start of a summary record: next, previous, count. */
const SUMMARY_CONTROL_WORDS = 3;
/**
 * The FTP validation string of the file record (bytes 700–727): characters that a text-mode
 * transfer would alter, between `FTPSTR:` and `:ENDFTP`.
 */
const FTP_STRING = 'FTPSTR:\r:\n:\r\n:\r\x00:\x81:\x10\xce:ENDFTP';
/** Byte offset of the FTP validation string in the file record. */
const FTP_OFFSET = 699;
/** Host byte order, to decide whether arrays can be copied without swapping bytes. */
const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * One array summary of a DAF: its ND doubles, its NI integers and its name. The last two
 * integers of every DAF summary are the array's first and last word addresses.
 *
 * @example
 * ```ts
 * // In an SPK file: doubles = [start ET, end ET] (TDB s past J2000),
 * // ints = [target, center, frame, type, startWord, endWord]
 * ```
 */
export interface DafSummary {
  /** Position of the summary in the file, 0-based, in summary-list order. */
  readonly index: number;
  /** The array's name (up to 8 · (ND + ⌈NI/2⌉) characters, trailing blanks removed). */
  readonly name: string;
  /** The ND double components. */
  readonly doubles: readonly number[];
  /** The NI integer components. */
  readonly ints: readonly number[];
  /** First word address of the array (1-based, inclusive). */
  readonly startWord: number;
  /** Last word address of the array (1-based, inclusive). */
  readonly endWord: number;
  /** 1-based number of the summary record that holds this summary. */
  readonly record: number;
}

/**
 * A parsed DAF container over caller-supplied bytes. The bytes are not copied: arrays are
 * read from them on demand by {@link DafFile.readDoubles}, which returns fresh copies.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const daf = DafFile.fromBytes(
 *   readFileSync('test/reference/jpl-de421/de421_excerpt_2021-2026.bsp'),
 *   'de421.bsp',
 * );
 * daf.idWord; // 'DAF/SPK'
 * daf.summaries.length; // 15
 * ```
 */
export class DafFile {
  /** Name of the file, for messages. */
  readonly source: string;
  /** The identification word, trailing blanks removed ('DAF/SPK', 'DAF/PCK', 'NAIF/DAF'…). */
  readonly idWord: string;
  /** Number of double components of each summary. */
  readonly nd: number;
  /** Number of integer components of each summary. */
  readonly ni: number;
  /** The internal file name (LOCIFN), trailing blanks removed. */
  readonly internalName: string;
  /** True for `LTL-IEEE` files, false for `BIG-IEEE`. */
  readonly littleEndian: boolean;
  /** Number of whole 8-byte words in the file. */
  readonly wordCount: number;
  /** The summaries, in the order of the summary list. */
  readonly summaries: readonly DafSummary[];
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly firstSummaryRecord: number;

  private constructor(
    source: string,
    header: FileRecord,
    bytes: Uint8Array,
    view: DataView,
    summaries: readonly DafSummary[],
  ) {
    this.source = source;
    this.idWord = header.idWord;
    this.nd = header.nd;
    this.ni = header.ni;
    this.internalName = header.internalName;
    this.littleEndian = header.littleEndian;
    this.wordCount = Math.floor(bytes.byteLength / WORD_BYTES);
    this.summaries = summaries;
    this.bytes = bytes;
    this.view = view;
    this.firstSummaryRecord = header.forward;
  }

  /**
   * Parses the file record and the summary list of a DAF.
   *
   * @param bytes - the whole file
   * @param source - name of the file, for messages
   * @returns the container
   * @throws {@link DataFormatError} (line 0, the 1-based record number in the message) for a
   *   file shorter than its records, a wrong identification word, a non-IEEE or unknown
   *   number format, impossible ND/NI, a file damaged by a text-mode transfer, a broken
   *   summary list, or an array address outside the file
   * @example
   * ```ts
   * import { readFileSync } from 'node:fs';
   * const daf = DafFile.fromBytes(
   *   readFileSync('test/reference/jpl-de421/de421_excerpt_2021-2026.bsp'),
   *   'de421.bsp',
   * );
   * [daf.nd, daf.ni, daf.littleEndian]; // [2, 6, true]
   * ```
   */
  static fromBytes(bytes: ArrayBuffer | ArrayBufferView, source: string): DafFile {
    // A plain Uint8Array view, also over a Node Buffer (whose slice() would not copy).
    const u8 = ArrayBuffer.isView(bytes)
      ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      : new Uint8Array(bytes);
    const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
    const header = readFileRecord(u8, view, source);
    const summaries = readSummaries(u8, view, header, source);
    return new DafFile(source, header, u8, view, summaries);
  }

  /**
   * Copies the words `startWord … endWord` (1-based, inclusive) out of the file as doubles in
   * host order.
   *
   * @param startWord - first word address, 1-based
   * @param endWord - last word address, 1-based, ≥ startWord − 1 (an empty range is allowed)
   * @returns a new array of `endWord − startWord + 1` doubles
   * @throws {@link DataFormatError} when the range lies outside the file
   * @example
   * ```ts
   * import { readFileSync } from 'node:fs';
   * const daf = DafFile.fromBytes(
   *   readFileSync('test/reference/jpl-de421/de421_excerpt_2021-2026.bsp'),
   *   'de421.bsp',
   * );
   * const s = daf.summaries[10]!; // EMB → Moon
   * const trailer = daf.readDoubles(s.endWord - 3, s.endWord); // INIT, INTLEN, RSIZE, N
   * trailer[3]; // 366
   * ```
   */
  readDoubles(startWord: number, endWord: number): Float64Array {
    if (
      !Number.isInteger(startWord) ||
      !Number.isInteger(endWord) ||
      startWord < 1 ||
      endWord < startWord - 1 ||
      endWord > this.wordCount
    ) {
      throw new DataFormatError(
        this.source,
        0,
        `words ${startWord}…${endWord} lie outside the file (words 1…${this.wordCount}, record ${recordOfWord(endWord)})`,
      );
    }
    const count = endWord - startWord + 1;
    const offset = (startWord - 1) * WORD_BYTES;
    if (this.littleEndian === HOST_LITTLE_ENDIAN) {
      const copy = new Uint8Array(count * WORD_BYTES);
      copy.set(this.bytes.subarray(offset, offset + count * WORD_BYTES));
      return new Float64Array(copy.buffer);
    }
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      out[i] = this.view.getFloat64(offset + i * WORD_BYTES, this.littleEndian);
    }
    return out;
  }

  /**
   * The comment area (records 2 to the first summary record − 1) as text: each record holds
   * up to 1000 characters, NUL ends a line and EOT ends the text.
   *
   * @returns the comment, lines separated by '\n' ('' when the file has none)
   * @example
   * ```ts
   * import { readFileSync } from 'node:fs';
   * const daf = DafFile.fromBytes(
   *   readFileSync('test/reference/jpl-de421/de421_excerpt_2021-2026.bsp'),
   *   'de421.bsp',
   * );
   * daf.readComment().startsWith('; de421.bsp LOG FILE'); // true
   * ```
   */
  readComment(): string {
    const parts: string[] = [];
    for (let record = 2; record < this.firstSummaryRecord; record++) {
      const start = (record - 1) * RECORD_BYTES;
      for (let i = 0; i < 1000; i++) {
        const code = this.bytes[start + i]!;
        if (code === 4) return parts.join('');
        parts.push(code === 0 ? '\n' : String.fromCharCode(code));
      }
    }
    return parts.join('');
  }
}

interface FileRecord {
  readonly idWord: string;
  readonly nd: number;
  readonly ni: number;
  readonly internalName: string;
  readonly littleEndian: boolean;
  readonly forward: number;
}

function readFileRecord(bytes: Uint8Array, view: DataView, source: string): FileRecord {
  if (bytes.byteLength < RECORD_BYTES) {
    throw new DataFormatError(
      source,
      0,
      `record 1: the file is ${bytes.byteLength} bytes, shorter than its ${RECORD_BYTES}-byte file record`,
    );
  }
  const rawId = ascii(bytes, 0, 8);
  const idWord = trimField(rawId);
  if (!rawId.startsWith('DAF/') && rawId !== 'NAIF/DAF') {
    throw new DataFormatError(
      source,
      0,
      `record 1: identification word ${JSON.stringify(rawId)} is not a DAF's ('DAF/xxxx' or 'NAIF/DAF')`,
    );
  }
  const format = ascii(bytes, 88, 96);
  let littleEndian: boolean;
  if (format === 'LTL-IEEE') littleEndian = true;
  else if (format === 'BIG-IEEE') littleEndian = false;
  else if (/^[\0 ]*$/.test(format)) {
    // Files older than the binary file format field: the byte order that gives a sensible
    // ND is the file's.
    const ndLittle = view.getInt32(8, true);
    littleEndian = ndLittle >= 0 && ndLittle <= 124;
  } else {
    throw new DataFormatError(
      source,
      0,
      `record 1: binary format ${JSON.stringify(format)} is not supported (only LTL-IEEE and BIG-IEEE)`,
    );
  }
  const nd = view.getInt32(8, littleEndian);
  const ni = view.getInt32(12, littleEndian);
  if (nd < 0 || nd > 124 || ni < 2 || ni > 250 || nd + Math.ceil(ni / 2) > 125) {
    throw new DataFormatError(
      source,
      0,
      `record 1: ND = ${nd} and NI = ${ni} are impossible (0 ≤ ND ≤ 124, 2 ≤ NI ≤ 250, ND + ⌈NI/2⌉ ≤ 125)`,
    );
  }
  if (ascii(bytes, FTP_OFFSET, FTP_OFFSET + 7) === 'FTPSTR:') {
    const ftp = ascii(bytes, FTP_OFFSET, FTP_OFFSET + FTP_STRING.length);
    if (ftp !== FTP_STRING) {
      throw new DataFormatError(
        source,
        0,
        'record 1: the FTP validation string is altered; the file was damaged by a text-mode (ASCII) transfer',
      );
    }
  }
  const forward = view.getInt32(76, littleEndian);
  const recordCount = Math.floor(bytes.byteLength / RECORD_BYTES);
  if (forward < 2 || forward > recordCount) {
    throw new DataFormatError(
      source,
      0,
      `record 1: first summary record ${forward} is outside the file (records 2…${recordCount})`,
    );
  }
  return {
    idWord,
    nd,
    ni,
    internalName: trimField(ascii(bytes, 16, 76)),
    littleEndian,
    forward,
  };
}

function readSummaries(
  bytes: Uint8Array,
  view: DataView,
  header: FileRecord,
  source: string,
): DafSummary[] {
  const { nd, ni, littleEndian } = header;
  const summaryWords = nd + Math.ceil(ni / 2);
  const perRecord = Math.floor((RECORD_WORDS - SUMMARY_CONTROL_WORDS) / summaryWords);
  const nameChars = WORD_BYTES * summaryWords;
  const recordCount = Math.floor(bytes.byteLength / RECORD_BYTES);
  const wordCount = Math.floor(bytes.byteLength / WORD_BYTES);
  const summaries: DafSummary[] = [];
  const visited = new Set<number>();
  let record = header.forward;
  let previous = 0;
  while (record !== 0) {
    if (visited.has(record)) {
      throw new DataFormatError(
        source,
        0,
        `record ${record}: the summary list loops back to a record already read`,
      );
    }
    visited.add(record);
    const base = (record - 1) * RECORD_BYTES;
    const next = view.getFloat64(base, littleEndian);
    const prev = view.getFloat64(base + 8, littleEndian);
    const count = view.getFloat64(base + 16, littleEndian);
    if (!Number.isInteger(count) || count < 0 || count > perRecord) {
      throw new DataFormatError(
        source,
        0,
        `record ${record}: summary count ${count} is not an integer in 0…${perRecord}`,
      );
    }
    if (!Number.isInteger(next) || next < 0 || next > recordCount || (next !== 0 && next < 2)) {
      throw new DataFormatError(
        source,
        0,
        `record ${record}: next summary record ${next} is outside the file (records 2…${recordCount})`,
      );
    }
    if (prev !== previous) {
      throw new DataFormatError(
        source,
        0,
        `record ${record}: previous-record link ${prev} should be ${previous}`,
      );
    }
    const nameBase = record * RECORD_BYTES;
    if (nameBase + count * nameChars > bytes.byteLength) {
      throw new DataFormatError(
        source,
        0,
        `record ${record + 1}: the name record of summary record ${record} is cut off by the end of the file`,
      );
    }
    for (let k = 0; k < count; k++) {
      const at = base + (SUMMARY_CONTROL_WORDS + k * summaryWords) * WORD_BYTES;
      const doubles: number[] = [];
      for (let i = 0; i < nd; i++) doubles.push(view.getFloat64(at + i * WORD_BYTES, littleEndian));
      const ints: number[] = [];
      const intBase = at + nd * WORD_BYTES;
      for (let i = 0; i < ni; i++) ints.push(view.getInt32(intBase + i * 4, littleEndian));
      const startWord = ints[ni - 2]!;
      const endWord = ints[ni - 1]!;
      if (startWord < 1 || endWord < startWord - 1 || endWord > wordCount) {
        throw new DataFormatError(
          source,
          0,
          `record ${record}: summary ${k + 1} addresses words ${startWord}…${endWord}, outside the file (words 1…${wordCount})`,
        );
      }
      summaries.push({
        index: summaries.length,
        name: trimField(ascii(bytes, nameBase + k * nameChars, nameBase + (k + 1) * nameChars)),
        doubles,
        ints,
        startWord,
        endWord,
        record,
      });
    }
    previous = record;
    record = next;
  }
  return summaries;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/** Removes the trailing blanks and NULs that pad DAF character fields. */
function trimField(text: string): string {
  return text.replace(/[\s\0]+$/, '');
}

function recordOfWord(word: number): number {
  return Math.floor(((word - 1) * WORD_BYTES) / RECORD_BYTES) + 1;
}
