/**
 * The record stream that every message reader consumes, whatever the encoding: the KVN
 * lexer produces it from lines, the XML reader from elements. One record at a time, in a
 * reused cursor (no allocation per record on the KVN path).
 */

/** What a record is. */
export enum RecordKind {
  /** `KEYWORD = value [unit]`; also an XML leaf element. */
  KeyValue = 0,
  /** A COMMENT line or element; `value` is its text. */
  Comment = 1,
  /** A block opens: `keyword` is META, DATA or COVARIANCE. */
  Start = 2,
  /** A block closes: `keyword` is META, DATA or COVARIANCE. */
  Stop = 3,
  /** A line that is not a keyword (an OEM ephemeris line, a covariance row): `value`. */
  Data = 4,
}

/** A cursor over records. */
export interface RecordCursor {
  /** Moves to the next record; false at the end (the fields then keep the last record). */
  next(): boolean;
  /** Kind of the current record. */
  kind: RecordKind;
  /** Keyword (KeyValue), block name (Start/Stop), '' otherwise. */
  keyword: string;
  /** Value (KeyValue), text (Comment, Data). */
  value: string;
  /** Unit given with the value (KVN `[km]`, XML `units="km"`), or undefined. */
  unit: string | undefined;
  /**
   * The value as written, a KVN bracket included (text fields keep it: a bracket after a
   * text is part of the text); XML: the value, with ` [unit]` when a units attribute is set.
   */
  valueText: string;
  /** 1-based line of the record. */
  line: number;
  /** Line of the date of a TDM observation (XML puts it on its own line; KVN: `line`). */
  epochLine: number;
  /** 1-based line of the last line of the text (for faults at the end). */
  readonly lastLine: number;
}

/** The kind of the current record (a call, so that checks do not narrow across advances). */
export function kindOf(cursor: RecordCursor): RecordKind {
  return cursor.kind;
}

/** The keyword of the current record (a call, for the same reason). */
export function keywordOf(cursor: RecordCursor): string {
  return cursor.keyword;
}
