import { describe, expect, it } from 'vitest';
import { NAIF_IDS } from '../../src/bodies/naifIds';
import { DafFile } from '../../src/bodies/spk/daf';
import { SpkKernel } from '../../src/bodies/spk/spkKernel';
import { DataFormatError } from '../../src/errors';
import { DE421, DE421_BYTES, DE421_FILE, DE421_ROWS } from './de421';
import { toBigEndian, withFloat64, withInt32, withText } from './spkBuilder';

/** Byte offset of record n (1-based). */
const rec = (n: number) => (n - 1) * 1024;
/** The excerpt's summary record (FWARD = 4). */
const SUMMARY_RECORD = 4;

/** Runs `read` and returns the DataFormatError it throws (fails if it throws something else). */
function formatError(read: () => unknown): DataFormatError {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFormatError);
    return e as DataFormatError;
  }
  return expect.fail('expected a DataFormatError');
}

const readSpk = (bytes: Uint8Array) => () => SpkKernel.fromBytes(bytes, { source: 'bad.bsp' });

describe('DafFile', () => {
  it('reads the file record, the 15 summaries, their names and the comment of the DE421 excerpt', () => {
    const daf = DafFile.fromBytes(DE421_BYTES, DE421_FILE);
    expect([daf.idWord, daf.nd, daf.ni, daf.internalName, daf.littleEndian]).toEqual([
      'DAF/SPK',
      2,
      6,
      'NIO2SPK',
      true,
    ]);
    expect(daf.summaries).toHaveLength(15);
    expect(daf.summaries[11]).toMatchObject({
      name: 'XE-0421LE-0421',
      doubles: [694267200, 820756800],
      ints: [399, 3, 1, 2, 40599, 55608],
      startWord: 40599,
      endWord: 55608,
      record: SUMMARY_RECORD,
    });
    expect(daf.readComment().split('\n')[0]).toBe('; de421.bsp LOG FILE');
    // Trailer of the EMB→Earth segment: INIT, INTLEN, RSIZE, N.
    expect(Array.from(daf.readDoubles(55605, 55608))).toEqual([694267200, 345600, 41, 366]);
  });

  it('reads the same states from an ArrayBuffer, from a view at an odd offset and from a big-endian copy', () => {
    const t = DE421_ROWS[77]!.tdbS;
    const expected = DE421.state(NAIF_IDS.MOON, NAIF_IDS.EARTH, t);
    const buffer = DE421_BYTES.slice().buffer;
    const padded = new Uint8Array(DE421_BYTES.length + 3);
    padded.set(DE421_BYTES, 3);
    const shifted = padded.subarray(3);
    const big = toBigEndian(DE421_BYTES);
    expect(DafFile.fromBytes(big, 'big.bsp').littleEndian).toBe(false);
    for (const bytes of [buffer, shifted, big]) {
      const kernel = SpkKernel.fromBytes(bytes);
      expect(kernel.state(NAIF_IDS.MOON, NAIF_IDS.EARTH, t)).toEqual(expected);
    }
  });

  it('copies the segment data, so that later changes to the bytes do not change the kernel', () => {
    const bytes = DE421_BYTES.slice();
    const kernel = SpkKernel.fromBytes(bytes);
    const t = DE421_ROWS[3]!.tdbS;
    const before = kernel.state(NAIF_IDS.SUN, NAIF_IDS.EARTH, t);
    bytes.fill(0, rec(SUMMARY_RECORD + 2));
    expect(kernel.state(NAIF_IDS.SUN, NAIF_IDS.EARTH, t)).toEqual(before);
  });
});

describe('malformed SPK files throw DataFormatError with the record at fault', () => {
  it('a file shorter than its file record', () => {
    const e = formatError(readSpk(DE421_BYTES.subarray(0, 700)));
    expect(e.line).toBe(0);
    expect(e.message).toMatch(/^bad\.bsp: record 1: the file is 700 bytes/);
  });

  it('a file truncated inside its data (arrays past the end)', () => {
    const e = formatError(readSpk(DE421_BYTES.subarray(0, 100_000)));
    expect(e.message).toContain(`record ${SUMMARY_RECORD}: summary 3 addresses words 11721…15537`);
  });

  it('a file truncated inside its summary record', () => {
    const e = formatError(readSpk(DE421_BYTES.subarray(0, rec(SUMMARY_RECORD) + 500)));
    expect(e.message).toContain('record 1: first summary record 4 is outside the file');
  });

  it('a bad identification word (magic)', () => {
    const e = formatError(readSpk(withText(DE421_BYTES, 0, 'XAF/SPK ')));
    expect(e.message).toContain('record 1: identification word "XAF/SPK "');
  });

  it('a DAF that is not an SPK', () => {
    const e = formatError(readSpk(withText(DE421_BYTES, 0, 'DAF/PCK ')));
    expect(e.message).toContain("'DAF/PCK' is not an SPK's");
  });

  it('a non-IEEE binary format', () => {
    const e = formatError(readSpk(withText(DE421_BYTES, 88, 'VAX-GFLT')));
    expect(e.message).toContain('binary format "VAX-GFLT" is not supported');
  });

  it('impossible ND and NI, and an SPK with other counts than ND = 2, NI = 6', () => {
    expect(formatError(readSpk(withInt32(DE421_BYTES, 8, 200))).message).toContain('ND = 200');
    expect(formatError(readSpk(withInt32(DE421_BYTES, 12, 5))).message).toContain(
      'an SPK file has ND = 2 and NI = 6',
    );
  });

  it('a file damaged by a text-mode transfer (FTP validation string)', () => {
    const e = formatError(readSpk(withText(DE421_BYTES, 699 + 8, '\n')));
    expect(e.message).toContain('text-mode (ASCII) transfer');
  });

  it('a summary record with an impossible count, a broken link or a loop', () => {
    const at = rec(SUMMARY_RECORD);
    expect(formatError(readSpk(withFloat64(DE421_BYTES, at + 16, 26))).message).toContain(
      'record 4: summary count 26',
    );
    expect(formatError(readSpk(withFloat64(DE421_BYTES, at + 8, 3))).message).toContain(
      'record 4: previous-record link 3',
    );
    expect(formatError(readSpk(withFloat64(DE421_BYTES, at, 4))).message).toContain(
      'record 4: the summary list loops back',
    );
    expect(formatError(readSpk(withFloat64(DE421_BYTES, at, 9999))).message).toContain(
      'record 4: next summary record 9999 is outside the file',
    );
  });

  it('a segment whose trailer does not match its length', () => {
    // RSIZE of the first segment (word 8739 of 641…8740) changed from 44 to 45.
    const e = formatError(readSpk(withFloat64(DE421_BYTES, (8739 - 1) * 8, 45)));
    expect(e.message).toContain(
      'record 4, summary 1 (Mercury barycenter relative to Solar System barycenter)',
    );
    expect(e.message).toContain('record size RSIZE = 45');
    const n = formatError(readSpk(withFloat64(DE421_BYTES, (8740 - 1) * 8, 183)));
    expect(n.message).toContain('N = 183 records of 44 words');
  });

  it('a segment with an empty coverage', () => {
    const at = rec(SUMMARY_RECORD) + 24;
    const e = formatError(readSpk(withFloat64(DE421_BYTES, at, 9e8)));
    expect(e.message).toContain('coverage 900000000…821102400 s TDB is empty');
  });
});
