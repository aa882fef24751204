/**
 * The fast reader of a KVN OEM data block: a tight loop over the message text that reads the
 * ephemeris lines straight from it, without cutting lines, fields or dates out of it and
 * without going through the lexer's records.
 *
 * It only takes the lines it is sure of: a date that {@link ScaleEpochCodec.readRange} reads
 * without `Epoch.fromIso`, inside START_TIME…STOP_TIME, then 6 or 9 plain decimals
 * (`[+-]digits[.digits]`, at most 15 significant digits, read by the same exact arithmetic
 * as {@link readDecimal}'s fast path). Any other line that is not a keyword line goes to the
 * ordinary line reader, which gives the same state or throws the usual error with its line;
 * a line that starts with a letter (COMMENT, META_START, COVARIANCE_START…) ends the run and
 * goes back to the lexer. The states are therefore exactly those of the ordinary path.
 */
import type { Epoch } from '../../time';
import type { CcsdsStateVector } from '../types';
import type { ScaleEpochCodec } from './epochs';
import { isSpace, type KvnLexer } from './kvnLexer';

/** The exact powers of ten (every one up to 1e22 is a double). */
const EXACT_POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Reads one ephemeris line by the ordinary path: the state, or the line's error. */
export type SlowLineReader = (text: string, line: number) => CcsdsStateVector;

/**
 * Scans the ephemeris lines of one data block. One instance per block; `i` is the cursor in
 * the text, `b` the end of the current line (trailing blanks dropped).
 */
class EphemerisScanner {
  private readonly text: string;
  private i = 0;
  private b = 0;

  constructor(text: string) {
    this.text = text;
  }

  /**
   * The next blank-separated field of the line as a plain decimal, or NaN when it is
   * missing, has another form, more than 15 significant digits, or is not followed by a
   * blank or the line's end. The value is `digits / 10^decimals`: both exact doubles, one
   * correctly rounded division, the double `Number()` gives.
   */
  private number(): number {
    const text = this.text;
    const b = this.b;
    let i = this.i;
    while (i < b && isBlank(text.charCodeAt(i))) i++;
    if (i >= b) return Number.NaN;
    let negative = false;
    let c = text.charCodeAt(i);
    if (c === 45 || c === 43) {
      negative = c === 45;
      i++;
    }
    const first = i;
    let mantissa = 0;
    let digits = 0; // significant digits (leading zeros do not count)
    let decimals = 0;
    let point = -1;
    for (; i < b; i++) {
      c = text.charCodeAt(i);
      const d = c - 48;
      if (d >= 0 && d <= 9) {
        if (mantissa !== 0 || d !== 0) digits++;
        mantissa = mantissa * 10 + d;
      } else if (c === 46 && point < 0) {
        point = i;
      } else break;
    }
    if (point >= 0) decimals = i - point - 1;
    // No digit at all ('-', '.'), too many digits, or something other than a blank after.
    if (i - first === (point >= 0 ? 1 : 0) || digits > 15 || decimals > 22) return Number.NaN;
    if (i < b && !isBlank(c)) return Number.NaN;
    this.i = i;
    const v = mantissa / EXACT_POW10[decimals]!;
    return negative ? -v : v;
  }

  /**
   * The state of the line text[a, b), or undefined when the line is not in the fast form.
   */
  line(
    a: number,
    b: number,
    codec: ScaleEpochCodec,
    start: Epoch,
    stop: Epoch,
  ): CcsdsStateVector | undefined {
    const text = this.text;
    let i = a;
    while (i < b && !isBlank(text.charCodeAt(i))) i++;
    const epoch = codec.readRange(text, a, i);
    if (epoch === undefined || epoch.compare(start) < 0 || epoch.compare(stop) > 0) {
      return undefined;
    }
    this.i = i;
    this.b = b;
    const x = this.number();
    const y = this.number();
    const z = this.number();
    const vx = this.number();
    const vy = this.number();
    const vz = this.number();
    // NaN in any of them makes the sum NaN: one test for the six.
    if (Number.isNaN(x + y + z + vx + vy + vz)) return undefined;
    if (this.i === b) {
      return { epoch, positionKm: [x, y, z], velocityKmS: [vx, vy, vz] };
    }
    const ax = this.number();
    const ay = this.number();
    const az = this.number();
    if (Number.isNaN(ax + ay + az) || this.i !== b) return undefined;
    return {
      epoch,
      positionKm: [x, y, z],
      velocityKmS: [vx, vy, vz],
      accelerationKmS2: [ax, ay, az],
    };
  }
}

/**
 * Reads the ephemeris lines that follow the lexer's current record, up to the first line
 * that starts with a letter (or the end), appending their states; the lexer is then left
 * just before that line, so that its next record is the one that ended the block.
 *
 * @param lexer - the lexer, its current record being the block's latest data line
 * @param codec - the segment's date codec
 * @param start - START_TIME of the segment
 * @param stop - STOP_TIME of the segment
 * @param slow - the ordinary line reader, for lines not in the fast form
 * @param states - receives the states
 * @throws the ordinary line reader's error for a bad line, with its line number
 */
export function readEphemerisBlock(
  lexer: KvnLexer,
  codec: ScaleEpochCodec,
  start: Epoch,
  stop: Epoch,
  slow: SlowLineReader,
  states: CcsdsStateVector[],
): void {
  const text = lexer.source;
  const n = text.length;
  const scanner = new EphemerisScanner(text);
  let pos = lexer.offset;
  let line = lexer.line;
  while (pos <= n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    // The line's content, trimmed as the lexer trims it.
    let a = pos;
    let b = end;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (a < b) {
      const c = text.charCodeAt(a);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) break; // a keyword: the lexer's
      states.push(scanner.line(a, b, codec, start, stop) ?? slow(text.slice(a, b), line + 1));
    }
    pos = end + 1;
    line++;
  }
  lexer.skipTo(pos, line);
}
