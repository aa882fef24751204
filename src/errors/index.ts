/**
 * Typed errors of osmose. Every error thrown by the library is an {@link AstroError}; its
 * `code` tells which subclass it is, and its fields carry the offending value and its unit.
 *
 * @packageDocumentation
 */

/** The codes of {@link AstroError}, one per subclass. */
export type AstroErrorCode =
  | 'INVALID_ARGUMENT'
  | 'TIME_FORMAT'
  | 'TIME_RANGE'
  | 'DATA_FORMAT'
  | 'DATA_RANGE'
  | 'MISSING_DATA'
  | 'FRAME_MISMATCH'
  | 'CCSDS_PARSE';

/**
 * Base class of every error thrown by osmose.
 *
 * @example
 * ```ts
 * import { AstroError, Epoch } from 'osmose';
 * try {
 *   Epoch.fromIso('2025-02-30T00:00:00', 'UTC');
 * } catch (e) {
 *   if (e instanceof AstroError) console.log(e.code); // 'TIME_FORMAT'
 * }
 * ```
 */
export class AstroError extends Error {
  /** Which kind of failure this is; each subclass has its own code. */
  readonly code: AstroErrorCode;

  /**
   * @param code - the kind of failure
   * @param message - a sentence naming the value at fault and its unit
   */
  constructor(code: AstroErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * An argument is outside its domain (not finite, out of range, wrong kind).
 *
 * @example
 * ```ts
 * new InvalidArgumentError('fractionDigits', 15, 'digits', 'must be an integer in 0..12').message;
 * // 'fractionDigits = 15 digits: must be an integer in 0..12'
 * ```
 */
export class InvalidArgumentError extends AstroError {
  /** Name of the argument, as in the signature. */
  readonly argument: string;
  /** The value received. */
  readonly value: unknown;
  /** Unit of the value ('' for dimensionless or non-numeric values). */
  readonly unit: string;

  /**
   * @param argument - name of the argument
   * @param value - value received
   * @param unit - unit of the value, '' when it has none
   * @param reason - what the value should have been
   */
  constructor(argument: string, value: unknown, unit: string, reason: string) {
    super(
      'INVALID_ARGUMENT',
      `${argument} = ${formatValue(value)}${unit ? ` ${unit}` : ''}: ${reason}`,
    );
    this.argument = argument;
    this.value = value;
    this.unit = unit;
  }
}

/**
 * A date/time text could not be read: bad syntax, impossible calendar date, hour 24, or a
 * leap second on a day without one.
 *
 * @example
 * ```ts
 * new TimeFormatError('2025-02-30', 'day 30 does not exist in February 2025').message;
 * // 'cannot read time "2025-02-30": day 30 does not exist in February 2025'
 * ```
 */
export class TimeFormatError extends AstroError {
  /** The text as received. */
  readonly text: string;
  /** What is wrong with it. */
  readonly reason: string;

  /**
   * @param text - the text as received
   * @param reason - what is wrong with it
   */
  constructor(text: string, reason: string) {
    super('TIME_FORMAT', `cannot read time "${text}": ${reason}`);
    this.text = text;
    this.reason = reason;
  }
}

/**
 * An instant lies where a time scale is not defined by the data at hand (for example UTC
 * before 1961-01-01, where no TAI−UTC relation is tabulated).
 *
 * @example
 * ```ts
 * new TimeRangeError('UTC', 36000, 'MJD', 'UTC is defined from MJD 37300 (1961-01-01)').message;
 * // 'UTC 36000 MJD: UTC is defined from MJD 37300 (1961-01-01)'
 * ```
 */
export class TimeRangeError extends AstroError {
  /** The time scale concerned. */
  readonly scale: string;
  /** The instant, in `unit`. */
  readonly value: number;
  /** Unit of `value` (e.g. 'MJD', 's'). */
  readonly unit: string;

  /**
   * @param scale - the time scale concerned
   * @param value - the instant, in `unit`
   * @param unit - unit of the value
   * @param reason - why the instant cannot be handled
   */
  constructor(scale: string, value: number, unit: string, reason: string) {
    super('TIME_RANGE', `${scale} ${value} ${unit}: ${reason}`);
    this.scale = scale;
    this.value = value;
    this.unit = unit;
  }
}

/**
 * A data file (leap seconds, EOP, CCSDS message…) is malformed. Names the source, the
 * 1-based line and, where it applies, the keyword or column.
 *
 * @example
 * ```ts
 * new DataFormatError('tai-utc.dat', 12, 'JD 2437300.5 does not match 1961 JAN 2').message;
 * // 'tai-utc.dat line 12: JD 2437300.5 does not match 1961 JAN 2'
 * ```
 */
export class DataFormatError extends AstroError {
  /** Name of the file or format being read. */
  readonly source: string;
  /** 1-based line number (0 when the fault is not on one line, e.g. a checksum). */
  readonly line: number;
  /** Keyword or column at fault, when there is one. */
  readonly keyword: string | undefined;

  /**
   * @param source - name of the file or format
   * @param line - 1-based line number, 0 for a whole-file fault
   * @param reason - what is wrong
   * @param keyword - keyword or column at fault
   */
  constructor(source: string, line: number, reason: string, keyword?: string) {
    super(
      'DATA_FORMAT',
      `${source}${line > 0 ? ` line ${line}` : ''}${keyword ? ` (${keyword})` : ''}: ${reason}`,
    );
    this.source = source;
    this.line = line;
    this.keyword = keyword;
  }
}

/**
 * A value was asked of a table outside the span it covers, under a policy that forbids
 * extrapolation.
 *
 * @example
 * ```ts
 * new DataRangeError('EOP', 70000, 'MJD', 41684, 61323).message;
 * // 'EOP: 70000 MJD is outside the table (41684…61323 MJD)'
 * ```
 */
export class DataRangeError extends AstroError {
  /** Which table. */
  readonly table: string;
  /** The argument asked for, in `unit`. */
  readonly value: number;
  /** Unit of the argument. */
  readonly unit: string;
  /** First argument covered. */
  readonly first: number;
  /** Last argument covered. */
  readonly last: number;

  /**
   * @param table - which table
   * @param value - the argument asked for
   * @param unit - its unit
   * @param first - first argument the table covers
   * @param last - last argument the table covers
   */
  constructor(table: string, value: number, unit: string, first: number, last: number) {
    super(
      'DATA_RANGE',
      `${table}: ${value} ${unit} is outside the table (${first}…${last} ${unit})`,
    );
    this.table = table;
    this.value = value;
    this.unit = unit;
    this.first = first;
    this.last = last;
  }
}

/**
 * A computation needs data that was not supplied (for example UT1 without EOP).
 *
 * @example
 * ```ts
 * new MissingDataError('EOP', 'UT1 needs Earth orientation parameters: pass timeData').message;
 * // 'EOP missing: UT1 needs Earth orientation parameters: pass timeData'
 * ```
 */
export class MissingDataError extends AstroError {
  /** Which data is missing. */
  readonly data: string;

  /**
   * @param data - which data is missing
   * @param reason - what needed it and how to supply it
   */
  constructor(data: string, reason: string) {
    super('MISSING_DATA', `${data} missing: ${reason}`);
    this.data = data;
  }
}

/**
 * Two values that must share a reference frame (or an epoch) do not.
 *
 * @example
 * ```ts
 * new FrameMismatchError('difference of two states', 'GCRF', 'TEME').message;
 * // 'difference of two states: frames differ (GCRF vs TEME); transform one first'
 * ```
 */
export class FrameMismatchError extends AstroError {
  /** The frame of the first operand. */
  readonly expected: string;
  /** The frame of the second operand. */
  readonly actual: string;

  /**
   * @param operation - what was attempted
   * @param expected - the frame of the first operand
   * @param actual - the frame of the second operand
   */
  constructor(operation: string, expected: string, actual: string) {
    super(
      'FRAME_MISMATCH',
      `${operation}: frames differ (${expected} vs ${actual}); transform one first`,
    );
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * What went wrong in a CCSDS message, one value per family of faults (see
 * {@link CcsdsParseError}).
 *
 * - `unsupported-message`: not an OEM, OMM, OPM or TDM (an OCM, AEM, CDM…, or not CCSDS).
 * - `unsupported-version`: a version number the reader does not know.
 * - `malformed-xml`: the XML is not well formed.
 * - `doctype-refused`: the XML has a DOCTYPE (never resolved: refused outright).
 * - `unexpected-element`: an XML element out of place.
 * - `unexpected-keyword`: a keyword unknown here, or out of place.
 * - `missing-keyword`: a mandatory keyword is absent or empty.
 * - `unparsable-line`: a data line (ephemeris line, covariance row) that cannot be read.
 * - `unparsable-value`: a keyword's value that cannot be read (number, date, list).
 * - `unknown-time-system`: a TIME_SYSTEM that is not a CCSDS time system.
 * - `missing-time-system`: a date read while the time system is not known.
 * - `missing-time-reference`: MET/MRT/SCLK (or another time system) without the reference
 *   the caller must supply.
 * - `inconsistent-time-systems`: OEM segments in different time systems.
 * - `epoch-out-of-range`: a data epoch outside START_TIME…STOP_TIME.
 * - `incomplete-covariance`: a covariance matrix that ends before its last row.
 * - `incompatible-units`: a bracketed unit that the unit policy refuses.
 * - `invalid-frame`: a frame name refused (only when the caller asks unknown frames to be
 *   refused).
 */
export type CcsdsParseErrorKind =
  | 'unsupported-message'
  | 'unsupported-version'
  | 'malformed-xml'
  | 'doctype-refused'
  | 'unexpected-element'
  | 'unexpected-keyword'
  | 'missing-keyword'
  | 'unparsable-line'
  | 'unparsable-value'
  | 'unknown-time-system'
  | 'missing-time-system'
  | 'missing-time-reference'
  | 'inconsistent-time-systems'
  | 'epoch-out-of-range'
  | 'incomplete-covariance'
  | 'incompatible-units'
  | 'invalid-frame';

/**
 * A CCSDS navigation data message (OEM, OMM, OPM, TDM, in KVN or XML) is malformed or
 * cannot be read as asked. Names the 1-based line, the keyword (or XML element) at fault,
 * the reason, and the family of the fault in `kind`.
 *
 * @example
 * ```ts
 * new CcsdsParseError('unexpected-keyword', 19, 'WRONG_KEYWORD', 'not an OEM metadata keyword').message;
 * // 'CCSDS line 19 (WRONG_KEYWORD): not an OEM metadata keyword'
 * ```
 */
export class CcsdsParseError extends AstroError {
  /** Family of the fault. */
  readonly kind: CcsdsParseErrorKind;
  /** 1-based line number (0 when the fault is not on one line, e.g. an empty text). */
  readonly line: number;
  /** Keyword or XML element at fault, when there is one. */
  readonly keyword: string | undefined;
  /** What is wrong. */
  readonly reason: string;

  /**
   * @param kind - family of the fault
   * @param line - 1-based line number, 0 for a whole-message fault
   * @param keyword - keyword or element at fault, undefined when none
   * @param reason - what is wrong
   * @param options - the error that caused this one, if any
   */
  constructor(
    kind: CcsdsParseErrorKind,
    line: number,
    keyword: string | undefined,
    reason: string,
    options?: { readonly cause?: unknown },
  ) {
    super(
      'CCSDS_PARSE',
      `CCSDS${line > 0 ? ` line ${line}` : ''}${keyword ? ` (${keyword})` : ''}: ${reason}`,
    );
    this.kind = kind;
    this.line = line;
    this.keyword = keyword;
    this.reason = reason;
    if (options?.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
    }
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === undefined || value === null) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
