/**
 * A growable byte buffer for ASCII text, turned into a string once per chunk: the OEM writer
 * puts its ephemeris lines here digit by digit instead of building a string per number and
 * per line (string building, not formatting, was most of the writing time: every piece is a
 * heap object that the garbage collector then traces).
 */

/** The WHATWG TextDecoder of browsers and Node (typed here: the library has no DOM types). */
interface Utf8Decoder {
  decode(bytes: Uint8Array): string;
}

import { formatNumber } from './numbers';

const MINUS = 45;
const POINT = 46;
const ZERO = 48;

/** 10^9 and 10^6: the scales of the two exact tiers of {@link AsciiBuffer.number}. */
const E9 = 1e9;
const E6 = 1e6;

export class AsciiBuffer {
  private bytes: Uint8Array;
  /** Bytes written. */
  length = 0;
  private readonly decoder: Utf8Decoder;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(capacity, 256));
    const Decoder = (globalThis as unknown as { TextDecoder: new (label: string) => Utf8Decoder })
      .TextDecoder;
    this.decoder = new Decoder('utf-8');
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** The text written since the last call (ASCII bytes decode to the same characters). */
  take(): string {
    const text = this.decoder.decode(this.bytes.subarray(0, this.length));
    this.length = 0;
    return text;
  }

  /** One character code below 128 (room reserved by the caller). */
  byte(c: number): void {
    this.bytes[this.length++] = c;
  }

  /**
   * Appends a text if it is all ASCII and returns true; otherwise appends nothing and
   * returns false (room for `text.length` bytes reserved by the caller).
   */
  ascii(text: string): boolean {
    const n = text.length;
    const bytes = this.bytes;
    const at = this.length;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c > 127) return false;
      bytes[at + k] = c;
    }
    this.length = at + n;
    return true;
  }

  /**
   * Appends a number as {@link formatNumber} writes it (JavaScript's `String(x)`, and `-0`): the shortest text that reads
   * back as the same double (at most 24 characters; room reserved by the caller).
   *
   * Fast path, for the values an ephemeris usually holds: when |x| is in [1e-6, 1e9) and
   * equals the decimal r·10^-9 (|x| < 1e6) or r·10^-6 (|x| ≥ 1e6) with r = round(|x|·10^k),
   * that decimal has at most 15 significant digits and reads back as x (the test is
   * `r / 10^k === |x|`, the correctly rounded reading). Two decimals of at most 15
   * significant digits never read as the same double, so this one is the shortest that reads
   * back as x, i.e. the digits of `String(x)`, which writes every value in that range in
   * plain notation. Its integer part and fraction (trailing zeros dropped) are written from
   * two integers below 10^9. Anything else is copied from `String(x)`.
   */
  number(x: number): void {
    const m = x < 0 ? -x : x;
    if (m >= 1e-6 && m < 1e9) {
      const scale = m < E6 ? E9 : E6;
      const r = Math.round(m * scale);
      if (r / scale === m) {
        if (x < 0) this.bytes[this.length++] = MINUS;
        const whole = Math.floor(m);
        this.digits(whole);
        let fraction = r - whole * scale; // exact: integers below 2^53
        if (fraction !== 0) {
          let width = scale === E9 ? 9 : 6;
          while (fraction % 10 === 0) {
            fraction /= 10;
            width--;
          }
          this.bytes[this.length++] = POINT;
          this.padded(fraction, width);
        }
        return;
      }
    }
    // Zero, -0 (written '-0', see formatNumber), tiny, huge, or more digits.
    this.ascii(formatNumber(x));
  }

  /** A non-negative integer below 2^31, no leading zeros. */
  private digits(v: number): void {
    let width = 1;
    for (let p = 10; p <= v; p *= 10) width++;
    this.padded(v, width);
  }

  /** A non-negative integer below 2^31 on `width` digits, zero-padded on the left. */
  padded(v: number, width: number): void {
    const bytes = this.bytes;
    let at = this.length + width;
    this.length = at;
    let rest = v | 0;
    for (let k = 0; k < width; k++) {
      const q = (rest / 10) | 0;
      bytes[--at] = ZERO + rest - q * 10;
      rest = q;
    }
  }
}
