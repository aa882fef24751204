/**
 * Test helpers that write SPK files in memory: a minimal writer of type 2/3 segments (for
 * synthetic kernels whose exact answer is known), a byte-order converter (to read a
 * big-endian copy of a real file), and small byte-patching helpers for malformed files.
 *
 * The layout follows NAIF's DAF and SPK Required Reading: record 1 is the file record, the
 * summary list starts at record 2 (no comment area), the names follow in record 3, and the
 * arrays start at record 4 (word 385).
 */

/** A synthetic Chebyshev segment. Each record is `[MID, RADIUS, ...coefficients]`. */
export interface SyntheticSegment {
  readonly target: number;
  readonly center: number;
  readonly frame?: number;
  readonly type: number;
  readonly startS: number;
  readonly endS: number;
  readonly initS: number;
  readonly intervalS: number;
  readonly records: readonly (readonly number[])[];
  readonly name?: string;
}

const RECORD = 1024;
const FTP = 'FTPSTR:\r:\n:\r\n:\r\x00:\x81:\x10\xce:ENDFTP';

function writeAscii(bytes: Uint8Array, offset: number, text: string, width: number): void {
  for (let i = 0; i < width; i++) bytes[offset + i] = i < text.length ? text.charCodeAt(i) : 32;
}

/** Writes a little-endian SPK holding `segments` (at most 25, one summary record). */
export function buildSpk(segments: readonly SyntheticSegment[]): Uint8Array {
  const arrays = segments.map((s) => {
    const size = s.records[0]?.length ?? 0;
    return [...s.records.flat(), s.initS, s.intervalS, size, s.records.length];
  });
  const dataWords = arrays.reduce((n, a) => n + a.length, 0);
  const firstDataWord = 3 * 128 + 1;
  const totalBytes = 3 * RECORD + dataWords * 8;
  const bytes = new Uint8Array(Math.ceil(totalBytes / RECORD) * RECORD);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'DAF/SPK ', 8);
  view.setInt32(8, 2, true);
  view.setInt32(12, 6, true);
  writeAscii(bytes, 16, 'osmose synthetic SPK', 60);
  view.setInt32(76, 2, true);
  view.setInt32(80, 2, true);
  view.setInt32(84, firstDataWord + dataWords, true);
  writeAscii(bytes, 88, 'LTL-IEEE', 8);
  for (let i = 0; i < FTP.length; i++) bytes[699 + i] = FTP.charCodeAt(i);
  // Summary record 2, names in record 3.
  view.setFloat64(RECORD, 0, true);
  view.setFloat64(RECORD + 8, 0, true);
  view.setFloat64(RECORD + 16, segments.length, true);
  let word = firstDataWord;
  segments.forEach((s, k) => {
    const at = RECORD + 24 + k * 40;
    view.setFloat64(at, s.startS, true);
    view.setFloat64(at + 8, s.endS, true);
    const ints = [s.target, s.center, s.frame ?? 1, s.type, word, word + arrays[k]!.length - 1];
    for (let i = 0; i < ints.length; i++) view.setInt32(at + 16 + i * 4, ints[i]!, true);
    writeAscii(bytes, 2 * RECORD + k * 40, s.name ?? `SYNTHETIC ${k + 1}`, 40);
    const array = arrays[k]!;
    for (let i = 0; i < array.length; i++) view.setFloat64((word - 1 + i) * 8, array[i]!, true);
    word += array.length;
  });
  return bytes;
}

function swap(bytes: Uint8Array, offset: number, width: number): void {
  for (let i = 0; i < width / 2; i++) {
    const a = bytes[offset + i]!;
    bytes[offset + i] = bytes[offset + width - 1 - i]!;
    bytes[offset + width - 1 - i] = a;
  }
}

/**
 * A big-endian (`BIG-IEEE`) copy of a little-endian SPK file: every integer and double of the
 * file record, the summary records and the arrays is byte-swapped; text is left alone.
 */
export function toBigEndian(little: Uint8Array): Uint8Array {
  const out = little.slice();
  const view = new DataView(little.buffer, little.byteOffset, little.byteLength);
  const nd = view.getInt32(8, true);
  const ni = view.getInt32(12, true);
  const forward = view.getInt32(76, true);
  for (const offset of [8, 12, 76, 80, 84]) swap(out, offset, 4);
  writeAscii(out, 88, 'BIG-IEEE', 8);
  const summaryWords = nd + Math.ceil(ni / 2);
  let record = forward;
  while (record !== 0) {
    const base = (record - 1) * RECORD;
    const next = view.getFloat64(base, true);
    const count = view.getFloat64(base + 16, true);
    for (let i = 0; i < 3; i++) swap(out, base + i * 8, 8);
    for (let k = 0; k < count; k++) {
      const at = base + 24 + k * summaryWords * 8;
      for (let i = 0; i < nd; i++) swap(out, at + i * 8, 8);
      for (let i = 0; i < ni; i++) swap(out, at + nd * 8 + i * 4, 4);
      const startWord = view.getInt32(at + nd * 8 + (ni - 2) * 4, true);
      const endWord = view.getInt32(at + nd * 8 + (ni - 1) * 4, true);
      for (let w = startWord; w <= endWord; w++) swap(out, (w - 1) * 8, 8);
    }
    record = next;
  }
  return out;
}

/** A copy of `bytes` with a little-endian int32 replaced at `offset`. */
export function withInt32(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setInt32(offset, value, true);
  return out;
}

/** A copy of `bytes` with a little-endian double replaced at `offset`. */
export function withFloat64(bytes: Uint8Array, offset: number, value: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setFloat64(offset, value, true);
  return out;
}

/** A copy of `bytes` with ASCII text written at `offset`. */
export function withText(bytes: Uint8Array, offset: number, text: string): Uint8Array {
  const out = bytes.slice();
  for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  return out;
}
