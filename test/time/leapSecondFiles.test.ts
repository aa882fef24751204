import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUNDLED_LEAP_SECONDS } from '../../src/data/leapSeconds';
import { DataFormatError, TimeRangeError } from '../../src/errors';
import { DEFAULT_LEAP_SECONDS } from '../../src/time/defaultLeapSeconds';
import { sha1Hex, sha1Words, utf8Encode } from '../../src/time/internal/sha1';
import type { LeapSecondTable } from '../../src/time/leapSeconds';
import { parseLeapSecondDat } from '../../src/time/parsers/leapSecondDat';
import { parseLeapSecondsList } from '../../src/time/parsers/leapSecondsList';
import { parseTaiUtcDat } from '../../src/time/parsers/taiUtcDat';
import { FC_PARAMS } from '../arbitraries';
import { expectCloseS } from '../helpers/expect';

/** Orekit's tolerance on TAI−UTC in TAIUTCDatAFilesLoaderTest (and the fixture README's). */
const DAT_TOL_S = 1e-10;
/**
 * 0.5 ms expressed in days: "just before midnight" in the step tests (any instant inside the
 * last second of the day would do).
 */
const JUST_BEFORE_DAY = 0.5e-3 / 86400;

const referenceDir = new URL('../reference/iers-leap-seconds/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, referenceDir), 'utf8');

/** MJD of a Gregorian date, through the platform's Date (independent of src/). */
function mjdOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 40587;
}

/**
 * The 28 dates at whose 00:00 UTC TAI−UTC stepped by +1 s (the first, 1972-01-01, starts the
 * 10 s era), from the IERS Bulletin C history; written here independently of the files.
 */
const STEP_DATES = [
  '1972-01-01',
  '1972-07-01',
  '1973-01-01',
  '1974-01-01',
  '1975-01-01',
  '1976-01-01',
  '1977-01-01',
  '1978-01-01',
  '1979-01-01',
  '1980-01-01',
  '1981-07-01',
  '1982-07-01',
  '1983-07-01',
  '1985-07-01',
  '1988-01-01',
  '1990-01-01',
  '1991-01-01',
  '1992-07-01',
  '1993-07-01',
  '1994-07-01',
  '1996-01-01',
  '1997-07-01',
  '1999-01-01',
  '2006-01-01',
  '2009-01-01',
  '2012-07-01',
  '2015-07-01',
  '2017-01-01',
] as const;
const STEP_MJDS = STEP_DATES.map((iso) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return mjdOf(y, m, d);
});
const MJD_1972 = STEP_MJDS[0]!;
const LAST_STEP_MJD = STEP_MJDS.at(-1)!;

/** TAI−UTC from 1972 on, from the step dates alone: 10 s plus one per step passed. */
function expectedWholeSeconds(mjd: number): number {
  return 9 + STEP_MJDS.filter((s) => s <= mjd).length;
}

/** The file with one line replaced (the line must occur exactly once). */
function replaceLine(text: string, oldLine: string, newLine: string): string {
  const lines = text.split('\n');
  const index = lines.indexOf(oldLine);
  if (index < 0 || lines.lastIndexOf(oldLine) !== index) throw new Error(`no unique "${oldLine}"`);
  lines[index] = newLine;
  return lines.join('\n');
}

/** 1-based number of the line of `text` that starts with `prefix`. */
function lineNumberOf(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starting with "${prefix}"`);
  return index + 1;
}

/** Runs `f` and returns the DataFormatError it throws (fails the test otherwise). */
function formatErrorOf(f: () => unknown): DataFormatError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DataFormatError);
    return e as DataFormatError;
  }
  return expect.fail('expected a DataFormatError');
}

const leapSecondDatText = read('Leap_Second.dat');
const leapSecondsListText = read('leap-seconds.list');
const taiUtcDatText = read('tai-utc.dat');
const variant = (name: string): string => read(`variants/${name}`);

type TableName = 'Leap_Second.dat' | 'leap-seconds.list' | 'tai-utc.dat';
const TABLE_NAMES: readonly TableName[] = ['Leap_Second.dat', 'leap-seconds.list', 'tai-utc.dat'];
let parsed: Record<TableName, LeapSecondTable> | undefined;
/** The three reference tables, parsed on first use (a parser failure fails tests, not the file). */
function tables(): Record<TableName, LeapSecondTable> {
  parsed ??= {
    'Leap_Second.dat': parseLeapSecondDat(leapSecondDatText),
    'leap-seconds.list': parseLeapSecondsList(leapSecondsListText),
    'tai-utc.dat': parseTaiUtcDat(taiUtcDatText),
  };
  return parsed;
}
const leapSecondDat = (): LeapSecondTable => tables()['Leap_Second.dat'];
const leapSecondsList = (): LeapSecondTable => tables()['leap-seconds.list'];
const taiUtcDat = (): LeapSecondTable => tables()['tai-utc.dat'];

describe('sha1', () => {
  it('sha1Hex gives the FIPS 180 example digests', () => {
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
    expect(sha1Hex('a'.repeat(1_000_000))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });

  it('sha1Hex matches node:crypto at every length around the 64-byte block boundaries', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha1Hex(text), `length ${n}`).toBe(createHash('sha1').update(text).digest('hex'));
    }
  });

  it('sha1Hex matches node:crypto on random strings, lone surrogates included', () => {
    const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: utf16Unit, maxLength: 300 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(sha1Hex(s)).toBe(createHash('sha1').update(s, 'utf8').digest('hex'));
      }),
      FC_PARAMS,
    );
  });

  it('sha1Words matches node:crypto on random byte strings', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const hex = sha1Words(bytes)
          .map((w) => w.toString(16).padStart(8, '0'))
          .join('');
        expect(hex).toBe(createHash('sha1').update(bytes).digest('hex'));
      }),
      FC_PARAMS,
    );
  });

  it('utf8Encode matches the platform TextEncoder', () => {
    const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string({ unit: utf16Unit, maxLength: 100 }), (s) => {
        expect(Array.from(utf8Encode(s))).toEqual(Array.from(new TextEncoder().encode(s)));
      }),
      FC_PARAMS,
    );
  });
});

describe('leap-second files: the three tables from 1972 on', () => {
  it('parses Leap_Second.dat into 28 steps of 10 s … 37 s, with its expiry and update', () => {
    expect(leapSecondDat().entries).toHaveLength(28);
    expect(leapSecondDat().entries.map((e) => e.offsetS)).toEqual(
      Array.from({ length: 28 }, (_, k) => 10 + k),
    );
    expect(leapSecondDat().expiresMjd).toBe(mjdOf(2027, 6, 28));
    // "issued in July 2026": the file gives the month only, the first day is taken.
    expect(leapSecondDat().updatedMjd).toBe(mjdOf(2026, 7, 1));
    expect(leapSecondDat().source).toBe('Leap_Second.dat');
  });

  it('parses leap-seconds.list into 28 steps, with #$ 2025-07-07 and #@ 2026-06-28', () => {
    expect(leapSecondsList().entries).toHaveLength(28);
    expect(leapSecondsList().updatedMjd).toBe(mjdOf(2025, 7, 7));
    expect(leapSecondsList().expiresMjd).toBe(mjdOf(2026, 6, 28));
  });

  it('parses tai-utc.dat into 13 drifting segments from 1961 and 28 steps from 1972', () => {
    expect(taiUtcDat().entries).toHaveLength(41);
    expect(taiUtcDat().entries.filter((e) => e.rateSPerDay !== 0)).toHaveLength(13);
    expect(taiUtcDat().firstMjd).toBe(mjdOf(1961, 1, 1));
    expect(taiUtcDat().expiresMjd).toBeUndefined();
    // The segments drift against a reference MJD; the 1972+ steps do not (refMjd stored as 0).
    expect(taiUtcDat().entries[2]).toEqual({
      startMjd: 37665,
      offsetS: 1.845858,
      refMjd: 37665,
      rateSPerDay: 0.0011232,
    });
    expect(taiUtcDat().entries[13]).toEqual({
      startMjd: 41317,
      offsetS: 10,
      refMjd: 0,
      rateSPerDay: 0,
    });
  });

  it.each(TABLE_NAMES)('%s puts its steps at 00:00 UTC of the 28 listed dates', (name) => {
    const table = tables()[name];
    const steps = table.entries.filter((e) => e.startMjd >= MJD_1972);
    expect(steps.map((e) => e.startMjd)).toEqual(STEP_MJDS);
    for (const mjd of STEP_MJDS.slice(1)) {
      expect(table.taiMinusUtc(mjd).valueS - table.taiMinusUtc(mjd - JUST_BEFORE_DAY).valueS).toBe(
        1,
      );
      expect(table.dayLengthS(mjd - 1)).toBe(86401);
      expect(table.dayLengthS(mjd)).toBe(86400);
    }
  });

  it.each(TABLE_NAMES)('%s gives TAI−UTC at each step date and the day before', (name) => {
    const table = tables()[name];
    STEP_MJDS.forEach((mjd, k) => {
      expect(table.taiMinusUtc(mjd).valueS).toBe(10 + k);
      if (k > 0) {
        expect(table.taiMinusUtc(mjd - 1).valueS).toBe(9 + k);
        expect(table.taiMinusUtc(mjd - JUST_BEFORE_DAY).valueS).toBe(9 + k);
      }
    });
  });

  it('the three tables agree on every day from 1972-01-01 to the last step, in whole seconds', () => {
    for (let mjd = MJD_1972; mjd <= LAST_STEP_MJD + 366; mjd++) {
      const expected = expectedWholeSeconds(mjd);
      for (const [name, table] of Object.entries(tables())) {
        const value = table.taiMinusUtc(mjd).valueS;
        if (value !== expected) expect.fail(`${name} at MJD ${mjd}: ${value} s, not ${expected} s`);
      }
    }
  });

  it('2016-12-31T23:59:60.5 UTC exists in every table and survives UTC → TAI → UTC', () => {
    for (const table of Object.values(tables())) {
      const tai = [0, 0];
      table.utcToTaiInto(tai, LAST_STEP_MJD - 1, 86400, 0.5);
      const utc = [0, 0, 0];
      table.taiToUtcInto(utc, tai[0]!, tai[1]!);
      expect(utc).toEqual([LAST_STEP_MJD - 1, 86400, 0.5]);
    }
  });

  it('the three tables agree at random instants from 1972 to the Leap_Second.dat expiry', () => {
    const mjd = fc.double({ min: MJD_1972, max: mjdOf(2027, 6, 28), noNaN: true });
    fc.assert(
      fc.property(mjd, (t) => {
        const values = Object.values(tables()).map((table) => table.taiMinusUtc(t).valueS);
        expect(values).toEqual([
          expectedWholeSeconds(Math.floor(t)),
          expectedWholeSeconds(Math.floor(t)),
          expectedWholeSeconds(Math.floor(t)),
        ]);
      }),
      FC_PARAMS,
    );
  });

  it('Leap_Second.dat flags dates after 28 June 2027 as beyond its expiry, not earlier ones', () => {
    const expires = mjdOf(2027, 6, 28);
    expect(leapSecondDat().taiMinusUtc(expires - 1)).toEqual({ valueS: 37, beyondExpiry: false });
    expect(leapSecondDat().taiMinusUtc(expires)).toEqual({ valueS: 37, beyondExpiry: false });
    expect(leapSecondDat().taiMinusUtc(expires + 1)).toEqual({ valueS: 37, beyondExpiry: true });
    expect(leapSecondDat().taiMinusUtc(mjdOf(2030, 1, 1)).beyondExpiry).toBe(true);
  });

  it('leap-seconds.list flags dates after its #@ expiry (2026-06-28) as beyond it', () => {
    const expires = mjdOf(2026, 6, 28);
    expect(leapSecondsList().taiMinusUtc(expires - 1).beyondExpiry).toBe(false);
    expect(leapSecondsList().taiMinusUtc(expires + 1).beyondExpiry).toBe(true);
  });
});

describe('tai-utc.dat against expected_tai_minus_utc.csv (Orekit, ERFA)', () => {
  const rows = read('expected_tai_minus_utc.csv')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('utc_date'))
    .map((l) => {
      const [date, value] = l.split(',') as [string, string];
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      return { date, mjd: mjdOf(y, m, d), valueS: Number(value) };
    });
  const from1961 = rows.filter((r) => r.mjd >= mjdOf(1961, 1, 1));

  it('reads all 22 rows, 21 of them from 1961', () => {
    expect(rows).toHaveLength(22);
    expect(from1961).toHaveLength(21);
  });

  it.each(from1961)('gives TAI−UTC at $date within 1e-10 s', ({ date, mjd, valueS }) => {
    expectCloseS(taiUtcDat().taiMinusUtc(mjd).valueS, valueS, DAT_TOL_S, `tai-utc.dat ${date}`);
    expectCloseS(
      DEFAULT_LEAP_SECONDS.taiMinusUtc(mjd).valueS,
      valueS,
      DAT_TOL_S,
      `default ${date}`,
    );
    if (mjd >= MJD_1972) {
      expect(leapSecondDat().taiMinusUtc(mjd).valueS).toBe(valueS);
      expect(leapSecondsList().taiMinusUtc(mjd).valueS).toBe(valueS);
    }
  });

  it('refuses UTC on 1950-01-01 with TimeRangeError: UTC before 1961 is not data (Orekit assumes UTC = TAI)', () => {
    const row = rows.find((r) => r.date === '1950-01-01')!;
    expect(() => taiUtcDat().taiMinusUtc(row.mjd)).toThrow(TimeRangeError);
    expect(() => DEFAULT_LEAP_SECONDS.taiMinusUtc(row.mjd)).toThrow(TimeRangeError);
    expect(() => taiUtcDat().taiMinusUtc(mjdOf(1961, 1, 1) - JUST_BEFORE_DAY)).toThrow(
      TimeRangeError,
    );
  });
});

describe('tai-utc.dat variants (Orekit test files)', () => {
  // 2015-07-07 is MJD 57210; the last line of both files drifts from its reference MJD 39126.
  const MJD_2015_07_07 = mjdOf(2015, 7, 7);

  it('uses MJD 39126, the last line’s reference, for the 18084 days to 2015-07-07', () => {
    expect(MJD_2015_07_07 - 39126).toBe(18084);
  });

  it('rejects tai-utc-format-error.dat at line 7, quoting the broken day field', () => {
    const e = formatErrorOf(() =>
      parseTaiUtcDat(variant('tai-utc-format-error.dat'), { source: 'format-error' }),
    );
    expect(e.line).toBe(7);
    expect(e.source).toBe('format-error');
    expect(e.message).toContain('"99999999999999999999999"');
  });

  it('rejects tai-utc-inconsistent-date.dat at line 16, where JD 2499999.5 is not 1973 JAN 1', () => {
    const e = formatErrorOf(() => parseTaiUtcDat(variant('tai-utc-inconsistent-date.dat')));
    expect(e.line).toBe(16);
    expect(e.keyword).toBe('JD');
    expect(e.message).toContain('"2499999.5"');
  });

  it('rejects tai-utc-non-chronological.dat at line 9, where 1973 follows 1975', () => {
    const e = formatErrorOf(() => parseTaiUtcDat(variant('tai-utc-non-chronological.dat')));
    expect(e.line).toBe(9);
    expect(e.message).toContain(`MJD ${mjdOf(1973, 1, 1)}`);
  });

  it('reads tai-utc-only-pre-1972-data.dat and keeps the 1968 drift running: 4.21317 + 18084 × 0.002592 s at 2015-07-07', () => {
    const table = parseTaiUtcDat(variant('tai-utc-only-pre-1972-data.dat'));
    expect(table.entries).toHaveLength(13);
    expectCloseS(table.taiMinusUtc(MJD_2015_07_07).valueS, 4.21317 + 18084 * 0.002592, DAT_TOL_S);
  });

  it('reads tai-utc-modified-linear.dat and keeps its last drift running: 2.6 + 18084 × 0.006048 s at 2015-07-07', () => {
    const table = parseTaiUtcDat(variant('tai-utc-modified-linear.dat'));
    expect(table.entries).toHaveLength(13);
    expectCloseS(table.taiMinusUtc(MJD_2015_07_07).valueS, 2.6 + 18084 * 0.006048, DAT_TOL_S);
    // Its first line drifts at 0.000864 s/day from 1.4 s at MJD 37300.
    expectCloseS(table.taiMinusUtc(37310).valueS, 1.4 + 10 * 0.000864, DAT_TOL_S);
  });

  it('reads tai-utc-with-inserted-comment-lines.dat exactly like tai-utc.dat, skipping the prose', () => {
    const text = variant('tai-utc-with-inserted-comment-lines.dat');
    expect(text).toContain('These lines have been manually inserted');
    const table = parseTaiUtcDat(text);
    expect(table.entries).toEqual(taiUtcDat().entries);
  });

  it('rejects a line that starts like a data line but is cut short, and skips prose around it', () => {
    const good = ' 1972 JAN  1 =JD 2441317.5  TAI-UTC=  10.0       S + (MJD - 41317.) X 0.0      S';
    const cut = ' 1972 JUL  1 =JD 2441499.5  TAI-UTC=  11.0       S + (MJD - 41317.) X';
    const prose = 'TAI-UTC history, from the USNO (see the header of the real file)';
    expect(parseTaiUtcDat([prose, good].join('\n')).entries).toHaveLength(1);
    const e = formatErrorOf(() => parseTaiUtcDat([prose, good, cut].join('\n')));
    expect(e.line).toBe(3);
    expect(e.message).toContain('1972 JUL  1 =JD 2441499.5');
  });

  it('rejects a data line whose drift value is not a number, quoting it', () => {
    const bad = ' 1966 JAN  1 =JD 2439126.5  TAI-UTC=   4.3131700 S + (MJD - 39126.) X 0.0025x2 S';
    const e = formatErrorOf(() => parseTaiUtcDat(bad));
    expect(e.line).toBe(1);
    expect(e.keyword).toBe('drift');
    expect(e.message).toContain('"0.0025x2"');
  });
});

describe('leap-second files: errors name the line and quote the field', () => {
  it.each([
    ['parseLeapSecondDat', parseLeapSecondDat],
    ['parseLeapSecondsList', parseLeapSecondsList],
    ['parseTaiUtcDat', parseTaiUtcDat],
  ] as const)('%s rejects an empty file and a file of comments only (line 0)', (_, parse) => {
    expect(formatErrorOf(() => parse('')).line).toBe(0);
    expect(formatErrorOf(() => parse('#  nothing here\n#\n')).line).toBe(0);
  });

  it('parseLeapSecondDat rejects an MJD that does not match its calendar date', () => {
    const text = replaceLine(
      leapSecondDatText,
      '    41683.0    1  1 1973       12',
      '    41683.0    2  1 1973       12',
    );
    const e = formatErrorOf(() => parseLeapSecondDat(text));
    expect(e.line).toBe(lineNumberOf(leapSecondDatText, '    41683.0'));
    expect(e.keyword).toBe('MJD');
    expect(e.message).toContain('"41683.0"');
  });

  it('parseLeapSecondDat rejects a fractional MJD and an unreadable TAI−UTC', () => {
    const line = lineNumberOf(leapSecondDatText, '    42048.0');
    const fractional = replaceLine(
      leapSecondDatText,
      '    42048.0    1  1 1974       13',
      '    42048.5    1  1 1974       13',
    );
    const e1 = formatErrorOf(() => parseLeapSecondDat(fractional));
    expect([e1.line, e1.message.includes('"42048.5"')]).toEqual([line, true]);
    const letter = replaceLine(
      leapSecondDatText,
      '    42048.0    1  1 1974       13',
      '    42048.0    1  1 1974       1B',
    );
    const e2 = formatErrorOf(() => parseLeapSecondDat(letter));
    expect([e2.line, e2.keyword, e2.message.includes('"1B"')]).toEqual([line, 'TAI-UTC', true]);
  });

  it('parseLeapSecondDat rejects an expiry date that does not exist', () => {
    const text = replaceLine(
      leapSecondDatText,
      '#  File expires on 28 June 2027',
      '#  File expires on 31 June 2027',
    );
    const e = formatErrorOf(() => parseLeapSecondDat(text));
    expect(e.line).toBe(lineNumberOf(leapSecondDatText, '#  File expires on'));
    expect(e.message).toContain('"31"');
  });

  it('parseLeapSecondsList rejects an NTP time that is not at midnight', () => {
    const text = replaceLine(
      leapSecondsListText,
      '2303683200      12      # 1 Jan 1973',
      '2303683201      12      # 1 Jan 1973',
    );
    const e = formatErrorOf(() => parseLeapSecondsList(text));
    expect(e.line).toBe(lineNumberOf(leapSecondsListText, '2303683200'));
    expect(e.message).toContain('"2303683201"');
  });

  it('parseLeapSecondsList rejects a date comment that contradicts the NTP time', () => {
    const text = replaceLine(
      leapSecondsListText,
      '2303683200      12      # 1 Jan 1973',
      '2303683200      12      # 1 Jan 1974',
    );
    const e = formatErrorOf(() => parseLeapSecondsList(text));
    expect(e.line).toBe(lineNumberOf(leapSecondsListText, '2303683200'));
    expect(e.message).toContain('"2303683200"');
    expect(e.message).toContain('1 Jan 1974');
  });

  it('parseLeapSecondsList rejects a data line with a third field', () => {
    const text = replaceLine(
      leapSecondsListText,
      '2303683200      12      # 1 Jan 1973',
      '2303683200      12   7   # 1 Jan 1973',
    );
    const e = formatErrorOf(() => parseLeapSecondsList(text));
    expect(e.line).toBe(lineNumberOf(leapSecondsListText, '2303683200'));
    expect(e.message).toContain('"2303683200      12   7"');
  });
});

describe('leap-seconds.list SHA-1 check', () => {
  const hashLine = lineNumberOf(leapSecondsListText, '#h');

  it('accepts the file as published, and gives the same table with the check off', () => {
    expect(() => parseLeapSecondsList(leapSecondsListText)).not.toThrow();
    expect(parseLeapSecondsList(leapSecondsListText, { verifyChecksum: false }).entries).toEqual(
      leapSecondsList().entries,
    );
  });

  it('fails on a one-digit change of a data line, naming the #h line', () => {
    const corrupted = replaceLine(
      leapSecondsListText,
      '3644697600      36      # 1 Jul 2015',
      '3644697600      35      # 1 Jul 2015',
    );
    const e = formatErrorOf(() => parseLeapSecondsList(corrupted));
    expect(e.line).toBe(hashLine);
    expect(e.keyword).toBe('#h');
    expect(e.message).toContain('49db2447 571e5e1b 2f002a53 9c8da8e4 39b8e49e');
    // Unchecked, the corrupted value goes through: the hash is what caught it.
    const unchecked = parseLeapSecondsList(corrupted, { verifyChecksum: false });
    expect(unchecked.taiMinusUtc(mjdOf(2015, 7, 2)).valueS).toBe(35);
  });

  it('fails on a one-digit change of the #@ expiry, which the hash covers too', () => {
    const corrupted = replaceLine(leapSecondsListText, '#@\t3991593600', '#@\t3991593700');
    expect(formatErrorOf(() => parseLeapSecondsList(corrupted)).line).toBe(hashLine);
  });

  it('fails on a one-digit change of the #h line itself', () => {
    const corrupted = replaceLine(
      leapSecondsListText,
      '#h\t49db2447 571e5e1b 2f002a53 9c8da8e4 39b8e49e',
      '#h\t49db2447 571e5e1b 2f002a53 9c8da8e4 39b8e49f',
    );
    expect(formatErrorOf(() => parseLeapSecondsList(corrupted)).line).toBe(hashLine);
  });

  it('ignores spacing, line ends and comments, as the hash does', () => {
    const respaced = leapSecondsListText
      .replace(/\t/g, '    ')
      .replace(/# 1 Jan 1972/, '# first entry')
      .replace(/\n/g, '\r\n');
    expect(parseLeapSecondsList(respaced).entries).toEqual(leapSecondsList().entries);
  });

  it('rejects a file without #h unless the check is off', () => {
    const text = leapSecondsListText
      .split('\n')
      .filter((l) => !l.startsWith('#h'))
      .join('\n');
    const e = formatErrorOf(() => parseLeapSecondsList(text));
    expect([e.line, e.keyword]).toEqual([0, '#h']);
    expect(parseLeapSecondsList(text, { verifyChecksum: false }).entries).toHaveLength(28);
  });

  it('accepts #h words printed without their leading zeros', () => {
    // Build small files, hashing with node:crypto the digits of #$, #@ and the data lines,
    // until one hash has a word that starts with a zero.
    for (let updated = 1; updated < 1000; updated++) {
      const body = `#$ ${updated}\n#@ 3991593600\n2272060800 10 # 1 Jan 1972\n`;
      const digits = `${updated}3991593600227206080010`;
      const hex = createHash('sha1').update(digits).digest('hex');
      const words = hex.match(/.{8}/g)!;
      if (!words.some((w) => w.startsWith('0'))) continue;
      const stripped = words.map((w) => w.replace(/^0+(?=.)/, ''));
      const table = parseLeapSecondsList(`${body}#h ${stripped.join(' ')}\n`);
      expect(table.entries).toHaveLength(1);
      return;
    }
    expect.fail('no hash with a leading-zero word found');
  });
});

describe('DEFAULT_LEAP_SECONDS (bundled)', () => {
  it('equals tai-utc.dat before 1972 followed by Leap_Second.dat, with its expiry and update', () => {
    const expected = [
      ...taiUtcDat().entries.filter((e) => e.startMjd < MJD_1972),
      ...leapSecondDat().entries,
    ];
    expect(DEFAULT_LEAP_SECONDS.entries).toEqual(expected);
    expect(DEFAULT_LEAP_SECONDS.expiresMjd).toBe(leapSecondDat().expiresMjd);
    expect(DEFAULT_LEAP_SECONDS.updatedMjd).toBe(leapSecondDat().updatedMjd);
    expect(DEFAULT_LEAP_SECONDS.source).toBe(BUNDLED_LEAP_SECONDS.source);
  });

  it('starts on 1961-01-01 and holds 37 s from 2017-01-01', () => {
    expect(DEFAULT_LEAP_SECONDS.firstMjd).toBe(mjdOf(1961, 1, 1));
    expect(DEFAULT_LEAP_SECONDS.taiMinusUtc(mjdOf(2026, 1, 1))).toEqual({
      valueS: 37,
      beyondExpiry: false,
    });
  });
});
