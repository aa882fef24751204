import { DataFormatError } from '../../errors';
import { SECONDS_PER_DAY } from '../constants';
import { sha1Words, utf8Encode } from '../internal/sha1';
import { type LeapSecondEntry, LeapSecondTable } from '../leapSeconds';
import {
  type LeapSecondFileOptions,
  readCalendarDate,
  readDecimal,
  readInteger,
  splitLines,
} from './leapSecondFiles';

const DEFAULT_SOURCE = 'leap-seconds.list';
/** MJD of the NTP epoch 1900-01-01T00:00 UTC (the file's own "MJD = X/86400 + 15020"). */
const MJD_OF_NTP_EPOCH = 15020;
const COMMENT_DATE = /^(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{4})$/;

/** Options of {@link parseLeapSecondsList}. */
export interface LeapSecondsListOptions extends LeapSecondFileOptions {
  /**
   * Check the `#h` SHA-1 hash of the data (default true). When true, a file without a `#h`
   * line is rejected too.
   */
  readonly verifyChecksum?: boolean;
}

/**
 * Reads the IERS/NIST `leap-seconds.list` file (also shipped by the tz database): TAI−UTC
 * since 1972, dates given as NTP seconds since 1900-01-01T00:00 UTC.
 *
 * Data lines are `NTP_seconds TAI-UTC [# day month year]`; the NTP time must fall on a
 * midnight and, when the trailing comment is a date, it must be the same day. `#$` gives the
 * last update (→ `updatedMjd`) and `#@` the expiry (→ `expiresMjd`), both as NTP seconds.
 *
 * The integrity check follows the file's format: the SHA-1 hash on the `#h` line is taken
 * over the decimal digits of the `#$` line, the `#@` line and every data line (up to any `#`),
 * in file order, with everything else (spaces, tabs, comment lines, line ends) left out. The
 * five hexadecimal words of `#h` are compared as numbers, so a word printed without its
 * leading zeros still matches.
 *
 * @param text - the whole file
 * @param options - `source` (default `'leap-seconds.list'`) and `verifyChecksum` (default true)
 * @returns the table, with steps of TAI−UTC in s at 00:00 UTC of each listed date
 * @throws {@link DataFormatError} naming the 1-based line and quoting the field when a line
 *   is malformed, a time is not at midnight or disagrees with its commented date, the dates
 *   do not increase, `#$`/`#@`/`#h` is repeated or malformed, or the file holds no data line
 *   (line 0); on a hash mismatch, naming the `#h` line (line 0 when `#h` is missing)
 * @see https://hpiers.obspm.fr/iers/bul/bulc/ntp/leap-seconds.list
 *
 * @example
 * ```ts
 * const table = parseLeapSecondsList('#@\t3991593600\n2272060800\t10\t# 1 Jan 1972\n', {
 *   verifyChecksum: false,
 * });
 * table.taiMinusUtc(41317).valueS; // 10
 * table.expiresMjd; // 61219 (2026-06-28)
 * ```
 */
export function parseLeapSecondsList(
  text: string,
  options: LeapSecondsListOptions = {},
): LeapSecondTable {
  const source = options.source ?? DEFAULT_SOURCE;
  const verifyChecksum = options.verifyChecksum ?? true;
  const lines = splitLines(text);
  const entries: LeapSecondEntry[] = [];
  let hashed = '';
  let expiresMjd: number | undefined;
  let updatedMjd: number | undefined;
  let hashWords: number[] | undefined;
  let hashLine = 0;
  let previousMjd = -Infinity;

  const readNtpMjd = (field: string, lineNo: number, name: string): number => {
    const ntpS = readInteger(field, source, lineNo, name);
    if (ntpS % SECONDS_PER_DAY !== 0) {
      throw new DataFormatError(
        source,
        lineNo,
        `${name} "${field}" s is not a multiple of 86400 s (not at 00:00 UTC)`,
        name,
      );
    }
    return ntpS / SECONDS_PER_DAY + MJD_OF_NTP_EPOCH;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '') continue;

    if (trimmed.startsWith('#$') || trimmed.startsWith('#@')) {
      const keyword = trimmed.slice(0, 2);
      const fields = trimmed.slice(2).trim().split(/\s+/);
      if (fields.length !== 1) {
        throw new DataFormatError(
          source,
          lineNo,
          `expected one NTP time after ${keyword}, found "${trimmed.slice(2).trim()}"`,
          keyword,
        );
      }
      const already = keyword === '#$' ? updatedMjd : expiresMjd;
      if (already !== undefined) {
        throw new DataFormatError(source, lineNo, `${keyword} appears twice`, keyword);
      }
      const ntpS = readInteger(fields[0]!, source, lineNo, keyword);
      const mjd = ntpS / SECONDS_PER_DAY + MJD_OF_NTP_EPOCH;
      if (keyword === '#$') updatedMjd = mjd;
      else expiresMjd = mjd;
      hashed += digitsOf(trimmed.slice(2));
      continue;
    }
    if (trimmed.startsWith('#h')) {
      if (hashWords !== undefined) {
        throw new DataFormatError(source, lineNo, '#h appears twice', '#h');
      }
      hashWords = readHashWords(trimmed.slice(2).trim(), source, lineNo);
      hashLine = lineNo;
      continue;
    }
    if (trimmed.startsWith('#')) continue;

    const hashAt = trimmed.indexOf('#');
    const data = (hashAt < 0 ? trimmed : trimmed.slice(0, hashAt)).trim();
    const comment = hashAt < 0 ? '' : trimmed.slice(hashAt + 1).trim();
    const fields = data.split(/\s+/);
    if (fields.length !== 2) {
      throw new DataFormatError(
        source,
        lineNo,
        `expected 2 fields "NTP_seconds TAI-UTC", found ${fields.length} in "${data}"`,
      );
    }
    const mjd = readNtpMjd(fields[0]!, lineNo, 'NTP time');
    const offsetS = readDecimal(fields[1]!, source, lineNo, 'TAI-UTC');
    const dateMatch = COMMENT_DATE.exec(comment);
    if (dateMatch) {
      const dateMjd = readCalendarDate(dateMatch[1]!, dateMatch[2]!, dateMatch[3]!, source, lineNo);
      if (dateMjd !== mjd) {
        throw new DataFormatError(
          source,
          lineNo,
          `NTP time "${fields[0]}" (MJD ${mjd}) does not match the date "${comment}" (MJD ${dateMjd})`,
          'NTP time',
        );
      }
    }
    LeapSecondTable.assertIncreasing(source, lineNo, previousMjd, mjd);
    previousMjd = mjd;
    entries.push({ startMjd: mjd, offsetS, refMjd: 0, rateSPerDay: 0 });
    hashed += digitsOf(data);
  }

  if (entries.length === 0) {
    throw new DataFormatError(source, 0, 'no data line "NTP_seconds TAI-UTC" found');
  }
  if (verifyChecksum) {
    if (hashWords === undefined) {
      throw new DataFormatError(
        source,
        0,
        'no #h line: the SHA-1 hash cannot be checked (pass verifyChecksum: false to skip it)',
        '#h',
      );
    }
    const actual = sha1Words(utf8Encode(hashed));
    if (actual.some((word, k) => word !== hashWords![k])) {
      throw new DataFormatError(
        source,
        hashLine,
        `SHA-1 of the data is ${actual.map(hex8).join(' ')} but the file gives ${hashWords.map(hex8).join(' ')}`,
        '#h',
      );
    }
  }
  return LeapSecondTable.create(entries, { expiresMjd, updatedMjd, source });
}

function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

function hex8(word: number): string {
  return word.toString(16).padStart(8, '0');
}

function readHashWords(text: string, source: string, lineNo: number): number[] {
  const words = text.split(/\s+/);
  if (words.length !== 5 || !words.every((w) => /^[0-9a-fA-F]{1,8}$/.test(w))) {
    throw new DataFormatError(
      source,
      lineNo,
      `expected five hexadecimal words of at most 8 digits after #h, found "${text}"`,
      '#h',
    );
  }
  return words.map((w) => Number.parseInt(w, 16));
}
