/**
 * TLE reading, writing and checksums: the verification file's element sets (with the
 * checksum faults that expected_errors.json lists), then properties — format → parse round
 * trip, and every corrupted column reported with the field that owns it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../../src/errors';
import {
  formatAlpha5,
  formatTle,
  parseAlpha5,
  parseTle,
  parseTleCatalogue,
  type TleElements,
  tleChecksum,
} from '../../../src/propagation/sgp4';
import { readCases, readExpectedErrors } from './verificationSet';

const FC_RUNS = Number(process.env.OSMOSE_FC_RUNS ?? 200);

/** The ISS on 2020-06-25 (test/reference/celestrak-omm/stations_2020-06-25.tle). */
const ISS = [
  '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
  '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
] as const;

/**
 * Column → field, from the published format (Space-Track "Two-Line Element Set Format";
 * CelesTrak "FAQs: Two-Line Element Set Format"), written out here independently of the
 * parser's own table.
 */
const LINE1_FIELDS: readonly [number, number, string][] = [
  [1, 1, 'LINE_NUMBER'],
  [3, 7, 'NORAD_CAT_ID'],
  [8, 8, 'CLASSIFICATION_TYPE'],
  [10, 17, 'OBJECT_ID'],
  [19, 32, 'EPOCH'],
  [34, 43, 'MEAN_MOTION_DOT'],
  [45, 52, 'MEAN_MOTION_DDOT'],
  [54, 61, 'BSTAR'],
  [63, 63, 'EPHEMERIS_TYPE'],
  [65, 68, 'ELEMENT_SET_NO'],
  [69, 69, 'CHECKSUM'],
];
const LINE2_FIELDS: readonly [number, number, string][] = [
  [1, 1, 'LINE_NUMBER'],
  [3, 7, 'NORAD_CAT_ID'],
  [9, 16, 'INCLINATION'],
  [18, 25, 'RA_OF_ASC_NODE'],
  [27, 33, 'ECCENTRICITY'],
  [35, 42, 'ARG_OF_PERICENTER'],
  [44, 51, 'MEAN_ANOMALY'],
  [53, 63, 'MEAN_MOTION'],
  [64, 68, 'REV_AT_EPOCH'],
  [69, 69, 'CHECKSUM'],
];

/** The field that owns a column, and how the message names its columns. */
function fieldAt(
  fields: readonly [number, number, string][],
  column: number,
): { keyword: string; columns: string } {
  const f = fields.find(([a, b]) => column >= a && column <= b);
  if (f === undefined) return { keyword: 'SEPARATOR', columns: `column ${column}` };
  // The epoch is one field of the format but two numbers (year 19–20, day 21–32).
  if (f[2] === 'EPOCH')
    return { keyword: 'EPOCH', columns: column <= 20 ? 'columns 19–20' : 'columns 21–32' };
  return { keyword: f[2], columns: f[0] === f[1] ? `column ${f[0]}` : `columns ${f[0]}–${f[1]}` };
}

function errorOf(f: () => unknown): DataFormatError {
  try {
    f();
  } catch (e) {
    if (e instanceof DataFormatError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('parseTle on known element sets', () => {
  it('reads every field of the ISS set', () => {
    const t = parseTle(ISS);
    expect(t).toEqual({
      name: '',
      satelliteNumber: 25544,
      classification: 'U',
      internationalDesignator: '98067A',
      epochYear: 2020,
      epochDayOfYear: 177.54743984,
      meanMotionDotOver2RevPerDay2: 0.00000643,
      meanMotionDdotOver6RevPerDay3: 0,
      bstarPerEarthRadius: 0.19557e-4,
      ephemerisType: 0,
      elementSetNumber: 999,
      inclinationDeg: 51.6448,
      raanDeg: 307.0852,
      eccentricity: 0.0002519,
      argOfPerigeeDeg: 82.7533,
      meanAnomalyDeg: 354.3691,
      meanMotionRevPerDay: 15.49459678,
      revolutionNumber: 23331,
    });
  });

  it('reads all 33 sets of SGP4-VER.TLE in lenient mode, blank designators included', () => {
    const sets = readCases().map((c) => parseTle([c.line1, c.line2], { checksum: 'lenient' }));
    expect(sets).toHaveLength(33);
    const s11801 = sets.find((s) => s.satelliteNumber === 11801)!;
    expect(s11801.internationalDesignator).toBe('');
    expect(s11801.ephemerisType).toBe(0);
    expect(sets.find((s) => s.satelliteNumber === 22312)?.meanMotionDotOver2RevPerDay2).toBe(
      0.99999999,
    );
    // 04632's epoch 04031.91070959 is 31 January 2004.
    expect(sets.find((s) => s.satelliteNumber === 4632)?.epochYear).toBe(2004);
  });

  it('finds exactly the checksum faults that expected_errors.json lists, in strict mode', () => {
    const listed = readExpectedErrors().tle_checksum_failures.lines;
    const found: { satnum: number; line: number; expected: number; found: number }[] = [];
    for (const c of readCases()) {
      for (const [k, line] of [c.line1, c.line2].entries()) {
        const given = Number(line.charAt(68));
        if (given !== tleChecksum(line)) {
          found.push({
            satnum: Number(line.slice(2, 7)),
            line: k + 1,
            expected: tleChecksum(line),
            found: given,
          });
        }
      }
      const strict = () => parseTle([c.line1, c.line2]);
      if (found.some((f) => f.satnum === Number(c.line1.slice(2, 7)))) {
        expect(errorOf(strict).keyword).toBe('CHECKSUM');
      } else {
        expect(strict).not.toThrow();
      }
    }
    expect(found).toEqual(listed);
  });

  it('reads a three-line set with Space-Track’s "0 " title prefix', () => {
    expect(parseTle(['0 ISS (ZARYA)', ...ISS]).name).toBe('ISS (ZARYA)');
    expect(parseTle(`ISS (ZARYA)\r\n${ISS[0]}\r\n${ISS[1]}\r\n`).name).toBe('ISS (ZARYA)');
  });

  it('reads a catalogue of two- and three-line sets and reports the line of a fault', () => {
    const text = ['ISS', ...ISS, '', ...ISS].join('\n');
    expect(parseTleCatalogue(text).map((t) => t.name)).toEqual(['ISS', '']);
    const broken = ['ISS', ...ISS, ISS[0], ISS[1].replace('51.6448', '51.6X48')].join('\n');
    const e = errorOf(() => parseTleCatalogue(broken, { checksum: 'lenient' }));
    expect([e.line, e.keyword]).toEqual([5, 'INCLINATION']);
    expect(e.message).toMatch(/columns 9–16/);
  });

  it('reads Alpha-5 catalogue numbers', () => {
    expect(parseAlpha5('A0001')).toBe(100001);
    expect(parseAlpha5('Z9999')).toBe(339999);
    expect(parseAlpha5('I0001')).toBe(-1);
    expect(formatAlpha5(339999)).toBe('Z9999');
    const line1 = `1 B1234U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  999`;
    const line2 = `2 B1234  51.6448 307.0852 0002519  82.7533 354.3691 15.4945967823331`;
    const t = parseTle([line1 + tleChecksum(line1), line2 + tleChecksum(line2)]);
    expect(t.satelliteNumber).toBe(111234);
  });

  it('refuses a line 2 whose catalogue number differs from line 1', () => {
    const l2 = ISS[1].replace('25544', '25545');
    const e = errorOf(() => parseTle([ISS[0], l2], { checksum: 'lenient' }));
    expect([e.line, e.keyword]).toEqual([2, 'NORAD_CAT_ID']);
  });
});

describe('formatTle', () => {
  it('writes the ISS set back to its own text', () => {
    expect(formatTle(parseTle(ISS))).toEqual([...ISS]);
  });

  it('writes each verification set to text that reads back to the same set', () => {
    for (const c of readCases()) {
      const t = parseTle([c.line1, c.line2], { checksum: 'lenient' });
      expect(parseTle(formatTle(t))).toEqual(t);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

/** An element set on the grid of values the TLE fields can hold. */
const tleArb: fc.Arbitrary<TleElements> = fc.record({
  name: fc.constantFrom('', 'ISS (ZARYA)', 'SL-12 R/B'),
  satelliteNumber: fc.integer({ min: 0, max: 339999 }),
  classification: fc.constantFrom('U', 'C', 'S', ''),
  internationalDesignator: fc.constantFrom('', '98067A', '58002B', '83020D  '.trim(), '20001ABC'),
  epochYear: fc.integer({ min: 1957, max: 2056 }),
  epochDayOfYear: fc.integer({ min: 100_000_000, max: 36_599_999_999 }).map((k) => k / 1e8),
  meanMotionDotOver2RevPerDay2: fc
    .integer({ min: -99_999_999, max: 99_999_999 })
    .map((k) => k / 1e8 + 0),
  meanMotionDdotOver6RevPerDay3: fc
    .tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -9, max: 9 }))
    .map(
      ([m, e]) => Number(`${m < 0 ? '-' : ''}0.${String(Math.abs(m)).padStart(5, '0')}e${e}`) + 0,
    ),
  bstarPerEarthRadius: fc
    .tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -9, max: 9 }))
    .map(
      ([m, e]) => Number(`${m < 0 ? '-' : ''}0.${String(Math.abs(m)).padStart(5, '0')}e${e}`) + 0,
    ),
  ephemerisType: fc.constantFrom(0, 2),
  elementSetNumber: fc.integer({ min: 0, max: 9999 }),
  inclinationDeg: fc.integer({ min: 0, max: 1_800_000 }).map((k) => k / 1e4),
  raanDeg: fc.integer({ min: 0, max: 3_599_999 }).map((k) => k / 1e4),
  eccentricity: fc.integer({ min: 0, max: 9_999_999 }).map((k) => k / 1e7),
  argOfPerigeeDeg: fc.integer({ min: 0, max: 3_599_999 }).map((k) => k / 1e4),
  meanAnomalyDeg: fc.integer({ min: 0, max: 3_599_999 }).map((k) => k / 1e4),
  meanMotionRevPerDay: fc.integer({ min: 1, max: 1_999_999_999 }).map((k) => k / 1e8),
  revolutionNumber: fc.integer({ min: 0, max: 99999 }),
});

describe('TLE properties', () => {
  it('format → parse gives back the element set', () => {
    fc.assert(
      fc.property(tleArb, (t) => {
        expect(parseTle(formatTle(t))).toEqual(t);
      }),
      { numRuns: FC_RUNS },
    );
  });

  it('corrupting any column of either line is reported with the field that owns it', () => {
    fc.assert(
      fc.property(
        tleArb,
        fc.integer({ min: 0, max: 1 }),
        fc.integer({ min: 1, max: 69 }),
        fc.constantFrom('#', '?', '!', '@', '%'),
        (t, lineIndex, column, bad) => {
          const lines = formatTle(t, { title: false });
          const line = lines[lineIndex]!;
          lines[lineIndex] = `${line.slice(0, column - 1)}${bad}${line.slice(column)}`;
          const e = errorOf(() => parseTle(lines));
          const fields = lineIndex === 0 ? LINE1_FIELDS : LINE2_FIELDS;
          const expected = fieldAt(fields, column);
          expect(e.keyword).toBe(expected.keyword);
          expect(e.line).toBe(lineIndex + 1);
          expect(e.message).toContain(expected.columns);
        },
      ),
      { numRuns: FC_RUNS },
    );
  });

  it('a changed digit in a numeric field is caught by the checksum in strict mode only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 9, max: 68 }), (li, col) => {
        const lines: string[] = [...ISS];
        const line = lines[li]!;
        const c = line.charAt(col - 1);
        fc.pre(/\d/.test(c));
        // c → c ± 5 keeps the digit sum's parity apart from 10: the checksum always changes,
        // and a digit stays a digit, so only the checksum can tell.
        const d = String((Number(c) + 5) % 10);
        lines[li] = `${line.slice(0, col - 1)}${d}${line.slice(col)}`;
        let e: DataFormatError | undefined;
        try {
          parseTle(lines);
        } catch (err) {
          e = err as DataFormatError;
        }
        expect(
          e?.keyword === 'CHECKSUM' ||
            e?.keyword === 'EPOCH' ||
            e?.keyword?.startsWith('MEAN') ||
            e?.keyword === 'INCLINATION' ||
            e?.keyword === 'RA_OF_ASC_NODE',
        ).toBe(true);
        if (e?.keyword === 'CHECKSUM')
          expect(() => parseTle(lines, { checksum: 'lenient' })).not.toThrow();
      }),
      { numRuns: FC_RUNS },
    );
  });
});
