import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../src/errors';
import { DEFAULT_LEAP_SECONDS } from '../../src/time/defaultLeapSeconds';
import type { EopRow } from '../../src/time/eop';
import { parseCelestrakEop, parseCelestrakEopRows } from '../../src/time/parsers/celestrakEop';
import { parseEopC04, parseEopC04Rows } from '../../src/time/parsers/eopC04';
import { parseFinals2000A, parseFinals2000ARows } from '../../src/time/parsers/finals2000A';

/**
 * Agreement of IERS 14 C04 and finals2000A Bulletin A on UT1−UTC, 1992–2023. These are two
 * different solutions (combination vs rapid service): the fixture collection measured a
 * largest difference of 0.40 ms; 0.5 ms leaves room for rounding and is still 100 times
 * smaller than the 50 ms the two would differ by if one were shifted by a day.
 */
const C04_VS_FINALS_UT1_TOL_S = 0.5e-3;
/** Same comparison for the pole, arcsec: measured 1.5 mas in x and 2.1 mas in y. */
const C04_VS_FINALS_POLE_TOL_ARCSEC = 2.5e-3;
/** IERS 14 C04 vs 20 C04 (CelesTrak) on UT1−UTC since 1992: 0.42 ms measured. */
const C04_14_VS_20_UT1_TOL_S = 0.5e-3;

/** 1992-01-01, start of the span over which the fixture README compares the series. */
const MJD_1992 = 48622;

const referenceDir = new URL('../reference/iers-eop/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, referenceDir), 'utf8');

const FINALS = read('finals2000A.all');
const C04 = read('EOP_14_C04_IAU2000A_1962-2023.txt');
const CELESTRAK = read('EOP-All-v1.1_2025-01-10.txt');

/** The text with 1-based line `lineNo` replaced by `make(old line)`. */
function editLine(text: string, lineNo: number, make: (line: string) => string): string {
  const lines = text.split('\n');
  const old = lines[lineNo - 1];
  if (old === undefined) throw new Error(`no line ${lineNo}`);
  lines[lineNo - 1] = make(old);
  return lines.join('\n');
}

/** 1-based number of the first line that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

/** The first `count` lines of a text. */
function head(text: string, count: number): string {
  return text.split('\n').slice(0, count).join('\n');
}

/** Runs `parse` and returns the DataFormatError it must throw. */
function formatError(parse: () => unknown): DataFormatError {
  try {
    parse();
  } catch (e) {
    if (e instanceof DataFormatError) return e;
    throw e;
  }
  throw new Error('no DataFormatError thrown');
}

function rowAt<T extends EopRow>(rows: readonly T[], mjd: number): T {
  const row = rows.find((r) => r.mjd === mjd);
  if (row === undefined) throw new Error(`no row for MJD ${mjd}`);
  return row;
}

describe('parseFinals2000ARows', () => {
  const parsed = parseFinals2000ARows(FINALS);

  it('reads the Bulletin A row of 2004-04-06 (MJD 53101) with the printed values', () => {
    expect(rowAt(parsed.bulletinA, 53101)).toEqual({
      mjd: 53101,
      xpArcsec: -0.140722,
      ypArcsec: 0.333536,
      ut1MinusUtcS: -0.4399498,
      lodS: 0.0015244, // 1.5244 ms
      dXArcsec: -0.000104, // -0.104 mas
      dYArcsec: -0.000042, // -0.042 mas
      predicted: false,
    });
  });

  it('reads the Bulletin B columns of MJD 53101', () => {
    const row = rowAt(parsed.bulletinB, 53101);
    expect(row.xpArcsec).toBe(-0.14072);
    expect(row.ypArcsec).toBe(0.33327);
    expect(row.ut1MinusUtcS).toBe(-0.439962);
    expect(row.dXArcsec).toBe(-0.000218);
    expect(row.dYArcsec).toBe(-0.000195);
    expect(row.predicted).toBe(false);
  });

  it('keeps 19955 of the 20005 lines: 19582 measured rows, 373 predicted, 50 date-only lines skipped', () => {
    const lines = FINALS.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(20005);
    // Counted on the raw text: the Bulletin A UT1 flag is byte 58.
    const finalFlags = lines.filter((l) => l.charAt(57) === 'I').length;
    expect(finalFlags).toBe(19582);
    expect(parsed.bulletinA).toHaveLength(19955);
    expect(parsed.bulletinA.filter((r) => !r.predicted)).toHaveLength(finalFlags);
    expect(parsed.skippedLines).toBe(50);
    expect(parsed.bulletinA[0]!.mjd).toBe(41684); // 1973-01-02
    expect(parsed.bulletinA.at(-1)!.mjd).toBe(61638); // 2027-08-21
    // Measured rows first, then the predictions, from 2026-08-14.
    const firstPredicted = parsed.bulletinA.findIndex((r) => r.predicted);
    expect(parsed.bulletinA[firstPredicted]!.mjd).toBe(61266);
    expect(parsed.bulletinA.slice(firstPredicted).every((r) => r.predicted)).toBe(true);
  });

  it('fills the blank LOD and dX, dY at the end of the file with the last values given', () => {
    // LOD is blank from 2026-08-13 (MJD 61265, the last measured day), dX/dY from MJD 61347.
    expect(parsed.filledLod).toBe(61638 - 61265 + 1);
    expect(parsed.filledNutation).toBe(61638 - 61347 + 1);
    const lastLod = rowAt(parsed.bulletinA, 61264).lodS;
    expect(lastLod).toBe(0.0002511);
    expect(rowAt(parsed.bulletinA, 61638).lodS).toBe(lastLod);
    expect(rowAt(parsed.bulletinA, 61638).dXArcsec).toBe(rowAt(parsed.bulletinA, 61346).dXArcsec);
  });

  it('reads the two-digit years of both centuries', () => {
    expect(rowAt(parsed.bulletinA, 51543).ut1MinusUtcS).toBe(0.356468); // 1999-12-31, printed 0.3564680
    expect(rowAt(parsed.bulletinA, 51544).ut1MinusUtcS).toBe(0.3554779); // 2000-01-01, year "0"
  });

  it('builds a Bulletin B table that stops with the Bulletin B columns', () => {
    const table = parseFinals2000A(FINALS, DEFAULT_LEAP_SECONDS, { useBulletinB: true });
    expect(table.length).toBe(parsed.bulletinB.length);
    expect(table.lastMjd).toBe(61222);
    expect(table.firstPredictedMjd).toBeUndefined();
    expect(table.at(53101).ut1MinusUtcS).toBe(-0.439962);
  });

  it('names the line and column of a truncated line', () => {
    const line = lineOf(FINALS, ' 53101.00 ');
    const cutInUt1 = editLine(FINALS, line, (l) => l.slice(0, 63));
    const e1 = formatError(() => parseFinals2000ARows(cutInUt1));
    expect(e1.line).toBe(line);
    expect(e1.keyword).toBe('UT1_UTC_A');
    const cutInY = editLine(FINALS, line, (l) => l.slice(0, 42));
    const e2 = formatError(() => parseFinals2000ARows(cutInY));
    expect(e2.line).toBe(line);
    expect(e2.keyword).toBe('PM_y_A');
    expect(e2.message).toContain(`line ${line}`);
  });

  it('names the line and column of a non-numeric field', () => {
    const text = editLine(
      head(FINALS, 300),
      200,
      (l) => `${l.slice(0, 18)} 0.12x456${l.slice(27)}`,
    );
    const e = formatError(() => parseFinals2000ARows(text));
    expect(e.line).toBe(200);
    expect(e.keyword).toBe('PM_x_A');
    expect(e.message).toContain('0.12x456');
  });

  it('rejects an MJD that contradicts the date, and lines out of order', () => {
    const wrongMjd = editLine(
      head(FINALS, 300),
      150,
      (l) => `${l.slice(0, 7)}${'41000.00'}${l.slice(15)}`,
    );
    expect(formatError(() => parseFinals2000ARows(wrongMjd)).line).toBe(150);
    const lines = head(FINALS, 300).split('\n');
    [lines[99], lines[100]] = [lines[100]!, lines[99]!];
    const e = formatError(() => parseFinals2000ARows(lines.join('\n')));
    expect(e.line).toBe(101);
    expect(e.keyword).toBe('MJD');
  });

  it('rejects a blank LOD followed by rows that give it', () => {
    const text = editLine(
      head(FINALS, 300),
      120,
      (l) => `${l.slice(0, 79)}${' '.repeat(7)}${l.slice(86)}`,
    );
    const e = formatError(() => parseFinals2000ARows(text));
    expect(e.line).toBe(120);
    expect(e.keyword).toBe('LOD');
  });

  it('rejects a UT1 value after the date-only lines', () => {
    const lines = FINALS.split('\n');
    let lastData = lines.length - 1;
    while (lines[lastData]!.slice(58, 68).trim() === '') lastData--;
    const text = [...lines.slice(0, lastData), lines[lastData + 1]!, lines[lastData]!].join('\n');
    // The data line now comes after a date-only line, and its MJD goes backwards: either fault
    // is reported on the line that was moved.
    expect(formatError(() => parseFinals2000ARows(text)).line).toBe(lastData + 2);
  });
});

describe('parseEopC04Rows', () => {
  const rows = parseEopC04Rows(C04);

  it('reads the row of 2004-04-06 (MJD 53101) with the printed values', () => {
    expect(rowAt(rows, 53101)).toEqual({
      mjd: 53101,
      xpArcsec: -0.140865,
      ypArcsec: 0.333414,
      ut1MinusUtcS: -0.4399623,
      lodS: 0.0015308,
      dXArcsec: -0.000122,
      dYArcsec: -0.000107,
      predicted: false,
    });
  });

  it('reads 22383 daily rows, MJD 37665 … 60047, without gaps', () => {
    expect(rows).toHaveLength(22383);
    expect(rows[0]!.mjd).toBe(37665);
    expect(rows.at(-1)!.mjd).toBe(60047);
    const table = parseEopC04(C04, DEFAULT_LEAP_SECONDS);
    expect(table.gaps).toEqual([]);
    expect(table.length).toBe(60047 - 37665 + 1);
  });

  it('names the line of a truncated line and of a non-numeric field', () => {
    const line = lineOf(C04, '2004   4   6  53101');
    const truncated = editLine(C04, line, (l) => l.slice(0, 60));
    expect(formatError(() => parseEopC04Rows(truncated)).line).toBe(line);
    const cutInField = editLine(C04, line, (l) => l.slice(0, l.length - 3));
    const e = formatError(() => parseEopC04Rows(cutInField));
    expect(e.line).toBe(line);
    expect(e.keyword).toBe('dY Err');
    const text = editLine(C04, line, (l) => l.replace('-0.4399623', '-0.43996z3'));
    const e2 = formatError(() => parseEopC04Rows(text));
    expect(e2.line).toBe(line);
    expect(e2.keyword).toBe('UT1-UTC');
  });

  it('rejects a file without data lines', () => {
    expect(formatError(() => parseEopC04Rows(head(C04, 14))).line).toBe(0);
  });
});

describe('parseCelestrakEopRows', () => {
  const rows = parseCelestrakEopRows(CELESTRAK, { leapSeconds: DEFAULT_LEAP_SECONDS });

  it('reads the row of 2004-04-06 (MJD 53101) with the printed values, dψ, dε and DAT', () => {
    expect(rowAt(rows, 53101)).toEqual({
      mjd: 53101,
      xpArcsec: -0.140857,
      ypArcsec: 0.333539,
      ut1MinusUtcS: -0.4399552,
      lodS: 0.0015095,
      dPsiArcsec: -0.052181,
      dEpsArcsec: -0.003943,
      dXArcsec: -0.000097,
      dYArcsec: -0.000098,
      taiMinusUtcS: 32,
      predicted: false,
    });
  });

  it('reads 23021 observed and 181 predicted rows', () => {
    const observed = rows.filter((r) => !r.predicted);
    const predicted = rows.filter((r) => r.predicted);
    expect(observed).toHaveLength(23021);
    expect(predicted).toHaveLength(181);
    expect(observed.at(-1)!.mjd).toBe(60685); // 2025-01-10
    expect(predicted[0]!.mjd).toBe(60686);
    expect(predicted.at(-1)!.mjd).toBe(60866); // 2025-07-10
    const table = parseCelestrakEop(CELESTRAK, DEFAULT_LEAP_SECONDS);
    expect(table.firstPredictedMjd).toBe(60686);
    expect(table.at(60700).fromPredictedRows).toBe(true);
  });

  it('rejects a DAT column that contradicts the leap-second table', () => {
    const line = lineOf(CELESTRAK, '2004 04 06 53101');
    const text = editLine(CELESTRAK, line, (l) => l.replace(/ 32$/, ' 33'));
    const e = formatError(() => parseCelestrakEop(text, DEFAULT_LEAP_SECONDS));
    expect(e.line).toBe(line);
    expect(e.keyword).toBe('DAT');
    // Without a leap-second table to check against, the rows are read as printed.
    expect(rowAt(parseCelestrakEopRows(text), 53101).taiMinusUtcS).toBe(33);
  });

  it('rejects a section whose row count contradicts NUM_OBSERVED_POINTS', () => {
    const text = editLine(
      CELESTRAK,
      lineOf(CELESTRAK, 'NUM_OBSERVED_POINTS'),
      () => 'NUM_OBSERVED_POINTS 23020',
    );
    const e = formatError(() => parseCelestrakEopRows(text));
    expect(e.line).toBe(lineOf(CELESTRAK, 'END OBSERVED'));
    expect(e.keyword).toBe('NUM_OBSERVED_POINTS');
  });

  it('names the line of a truncated row and of a non-numeric field, and rejects an unclosed section', () => {
    const line = lineOf(CELESTRAK, '2004 04 06 53101');
    const truncated = editLine(CELESTRAK, line, (l) => l.slice(0, 50));
    expect(formatError(() => parseCelestrakEopRows(truncated)).line).toBe(line);
    const bad = editLine(CELESTRAK, line, (l) => l.replace('-0.052181', '-0.05218a'));
    const e = formatError(() => parseCelestrakEopRows(bad));
    expect(e.line).toBe(line);
    expect(e.keyword).toBe('dPsi');
    const unclosed = CELESTRAK.replace('END PREDICTED', '');
    expect(formatError(() => parseCelestrakEopRows(unclosed)).keyword).toBe('END');
  });
});

describe('agreement between the series (a sanity bound, not an accuracy claim)', () => {
  const finals = parseFinals2000ARows(FINALS).bulletinA;
  const c04 = parseEopC04Rows(C04);
  const c20 = parseCelestrakEopRows(CELESTRAK);

  /** Largest |a − b| of a field over the days both series hold from 1992 on. */
  function maxDifference(
    a: readonly EopRow[],
    b: readonly EopRow[],
    key: 'ut1MinusUtcS' | 'xpArcsec' | 'ypArcsec',
  ): { max: number; days: number } {
    const byMjd = new Map(b.map((r) => [r.mjd, r]));
    let max = 0;
    let days = 0;
    for (const r of a) {
      const other = byMjd.get(r.mjd);
      if (r.mjd < MJD_1992 || other === undefined || r.predicted || other.predicted) continue;
      max = Math.max(max, Math.abs(r[key] - other[key]));
      days++;
    }
    return { max, days };
  }

  it(`IERS 14 C04 and finals2000A Bulletin A agree on UT1−UTC within ${C04_VS_FINALS_UT1_TOL_S * 1e3} ms from 1992 to 2023`, () => {
    const ut1 = maxDifference(c04, finals, 'ut1MinusUtcS');
    const x = maxDifference(c04, finals, 'xpArcsec');
    const y = maxDifference(c04, finals, 'ypArcsec');
    console.info(
      `C04 14 vs finals A over ${ut1.days} days: max |ΔUT1| = ${(ut1.max * 1e3).toFixed(3)} ms, ` +
        `|Δx| = ${(x.max * 1e3).toFixed(2)} mas, |Δy| = ${(y.max * 1e3).toFixed(2)} mas`,
    );
    expect(ut1.days).toBe(60047 - MJD_1992 + 1);
    expect(ut1.max).toBeLessThanOrEqual(C04_VS_FINALS_UT1_TOL_S);
    expect(x.max).toBeLessThanOrEqual(C04_VS_FINALS_POLE_TOL_ARCSEC);
    expect(y.max).toBeLessThanOrEqual(C04_VS_FINALS_POLE_TOL_ARCSEC);
  });

  it(`IERS 14 C04 and 20 C04 (CelesTrak) agree on UT1−UTC within ${C04_14_VS_20_UT1_TOL_S * 1e3} ms from 1992`, () => {
    const ut1 = maxDifference(c04, c20, 'ut1MinusUtcS');
    console.info(
      `C04 14 vs 20 C04 over ${ut1.days} days: max |ΔUT1| = ${(ut1.max * 1e3).toFixed(3)} ms`,
    );
    expect(ut1.days).toBe(60047 - MJD_1992 + 1);
    expect(ut1.max).toBeLessThanOrEqual(C04_14_VS_20_UT1_TOL_S);
  });
});
