import { CcsdsParseError } from '../../errors';
import { type RecordCursor, RecordKind } from './records';

const BLOCK_MARKERS: ReadonlyMap<string, [RecordKind, string]> = new Map([
  ['META_START', [RecordKind.Start, 'META']],
  ['META_STOP', [RecordKind.Stop, 'META']],
  ['DATA_START', [RecordKind.Start, 'DATA']],
  ['DATA_STOP', [RecordKind.Stop, 'DATA']],
  ['COVARIANCE_START', [RecordKind.Start, 'COVARIANCE']],
  ['COVARIANCE_STOP', [RecordKind.Stop, 'COVARIANCE']],
]);

/** The blanks the lexer trims from both ends of a line. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xfeff || c === 0xa0;
}

function isKeywordChar(c: number): boolean {
  // A-Z, 0-9, '_' (CCSDS keywords are upper case; lower case is accepted and upper-cased)
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || (c >= 97 && c <= 122);
}

/**
 * The one KVN lexer: splits the text into lines and classifies each one as a comment, a
 * block marker, a `KEYWORD = value [unit]` pair or a data line. Blank lines are skipped.
 * Leading and trailing blanks (spaces, tabs, CR) are dropped; a value's trailing `[unit]`
 * is split off.
 */
export class KvnLexer implements RecordCursor {
  kind: RecordKind = RecordKind.Comment;
  keyword = '';
  value = '';
  unit: string | undefined = undefined;
  valueText = '';
  line = 0;
  get epochLine(): number {
    return this.line;
  }
  readonly lastLine: number;
  private pos = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    let lines = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    this.lastLine = lines;
  }

  /** The whole message text (for a reader that scans a run of lines itself). */
  get source(): string {
    return this.text;
  }

  /** Offset in {@link source} where the line after the current record starts. */
  get offset(): number {
    return this.pos;
  }

  /**
   * Continues after lines that a reader consumed itself: the next record is looked for from
   * `pos`, the start of line `line + 1`.
   */
  skipTo(pos: number, line: number): void {
    this.pos = pos;
    this.line = line;
  }

  next(): boolean {
    const text = this.text;
    const n = text.length;
    while (this.pos <= n) {
      let end = text.indexOf('\n', this.pos);
      if (end < 0) end = n;
      const start = this.pos;
      this.pos = end + 1;
      this.line++;
      let a = start;
      let b = end;
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      if (a === b) continue;
      this.classify(a, b);
      return true;
    }
    return false;
  }

  private classify(a: number, b: number): void {
    const text = this.text;
    // The keyword: a run of keyword characters at the start of the line.
    let k = a;
    while (k < b && isKeywordChar(text.charCodeAt(k))) k++;
    const first = text.charCodeAt(a);
    const startsLikeKeyword = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
    this.unit = undefined;
    this.valueText = '';
    if (startsLikeKeyword && k > a) {
      const word = text.slice(a, k);
      if (word === 'COMMENT' && (k === b || isSpace(text.charCodeAt(k)))) {
        this.kind = RecordKind.Comment;
        this.keyword = 'COMMENT';
        let c = k;
        while (c < b && isSpace(text.charCodeAt(c))) c++;
        this.value = text.slice(c, b);
        return;
      }
      if (k === b) {
        const marker = BLOCK_MARKERS.get(word);
        if (marker !== undefined) {
          this.kind = marker[0];
          this.keyword = marker[1];
          this.value = '';
          return;
        }
      }
      let e = k;
      while (e < b && isSpace(text.charCodeAt(e))) e++;
      if (e < b && text.charCodeAt(e) === 61 /* = */) {
        this.kind = RecordKind.KeyValue;
        this.keyword = word.toUpperCase();
        let v = e + 1;
        while (v < b && isSpace(text.charCodeAt(v))) v++;
        let w = b;
        if (w > v && text.charCodeAt(w - 1) === 93 /* ] */) {
          const open = text.lastIndexOf('[', w - 1);
          if (open >= v) {
            this.unit = text.slice(open + 1, w - 1).trim();
            w = open;
            while (w > v && isSpace(text.charCodeAt(w - 1))) w--;
          }
        }
        this.value = text.slice(v, w);
        this.valueText = text.slice(v, b);
        return;
      }
      if (k === b || isSpace(text.charCodeAt(k))) {
        // A word alone or followed by other words, with no '=': a keyword line that lost its
        // '=' or a data line; which one is for the reader to decide.
        this.kind = RecordKind.Data;
        this.keyword = word;
        this.value = text.slice(a, b);
        return;
      }
    }
    this.kind = RecordKind.Data;
    this.keyword = '';
    this.value = text.slice(a, b);
  }
}

/** Throws the error of a record that the reader did not expect. */
export function unexpectedRecord(cursor: RecordCursor, where: string): never {
  switch (cursor.kind) {
    case RecordKind.KeyValue:
      throw new CcsdsParseError(
        'unexpected-keyword',
        cursor.line,
        cursor.keyword,
        `keyword not expected ${where}`,
      );
    case RecordKind.Start:
    case RecordKind.Stop:
      throw new CcsdsParseError(
        'unexpected-keyword',
        cursor.line,
        `${cursor.keyword}_${cursor.kind === RecordKind.Start ? 'START' : 'STOP'}`,
        `block marker not expected ${where}`,
      );
    default:
      throw new CcsdsParseError(
        'unparsable-line',
        cursor.line,
        cursor.keyword || undefined,
        `cannot read "${clip(cursor.value)}" ${where}`,
      );
  }
}

/** The start of a long text, for messages. */
export function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
