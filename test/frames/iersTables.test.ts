import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  IERS2010_CIO_S_PLUS_XY_HALF,
  IERS2010_CIP_X,
  IERS2010_CIP_Y,
  IERS2010_GST,
} from '../../src/data/iers2010';
import { IAU1980_NUTATION } from '../../src/data/iers2010Nut80';
import { IAU2000A_NUTATION } from '../../src/data/iers2010Nutation';
import { DataFormatError } from '../../src/errors';
import {
  type IersSeriesTable,
  parseIersSeriesTable,
  parseNut80Dat,
} from '../../src/frames/internal/iersTables';
import { nutation2000AFromIersTables } from '../../src/frames/internal/nutation2000AFromTables';
import { decodeMultipliers } from '../../src/frames/internal/seriesTables';

const DIR = new URL('../reference/iers-conventions/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, DIR), 'utf8');
const parse = (name: string): IersSeriesTable => parseIersSeriesTable(read(name), name);

/** Term counts per block, as the fixture README lists them (and the tables announce them). */
const EXPECTED_COUNTS: readonly [string, readonly number[]][] = [
  ['tab5.2a.txt', [1306, 253, 36, 4, 1]],
  ['tab5.2b.txt', [962, 277, 30, 5, 1]],
  ['tab5.2d.txt', [33, 3, 25, 4, 1]],
  ['tab5.2e.txt', [33, 1]],
  ['tab5.3a.txt', [1320, 38]],
  ['tab5.3b.txt', [1037, 19]],
];

/** The data files hold integers of 0.01 µas: the tables print two decimals. */
const HUNDREDTHS_PER_UAS = 100;

describe('parseIersSeriesTable on the IERS Conventions (2010) tables', () => {
  for (const [name, counts] of EXPECTED_COUNTS) {
    it(`finds ${counts.join('/')} terms in the blocks of ${name}`, () => {
      const table = parse(name);
      expect(table.blocks.map((b) => b.terms.length)).toEqual(counts);
      expect(table.blocks.map((b) => b.declaredTerms)).toEqual(counts);
      expect(table.blocks.map((b) => b.power)).toEqual(counts.map((_, j) => j));
      for (const term of table.blocks.flatMap((b) => b.terms)) {
        expect(term.multipliers).toHaveLength(14);
      }
    });
  }

  it('reads the polynomial parts of tables 5.2a, 5.2b, 5.2d (µas) and 5.2e (arcsec)', () => {
    expect(parse('tab5.2a.txt').polynomial).toEqual({
      unit: 'microarcsecond',
      coefficients: [-16617, 2004191898, -429782.9, -198618.34, 7.578, 5.9285],
    });
    expect(parse('tab5.2b.txt').polynomial?.coefficients).toEqual([
      -6951, -25896, -22407274.7, 1900.59, 1112.526, 0.1358,
    ]);
    expect(parse('tab5.2d.txt').polynomial?.coefficients).toEqual([
      94, 3808.65, -122.68, -72574.11, 27.98, 15.62,
    ]);
    expect(parse('tab5.2e.txt').polynomial).toEqual({
      unit: 'arcsecond',
      coefficients: [0.014506, 4612.156534, 1.3915817, -0.00000044, -0.000029956, -0.0000000368],
    });
    expect(parse('tab5.3a.txt').polynomial).toBeUndefined();
  });

  it('reads the first and last rows of table 5.2a as printed', () => {
    const table = parse('tab5.2a.txt');
    const first = table.blocks[0]!.terms[0]!;
    expect(first).toMatchObject({ index: 1, sinCoefficient: -6844318.44, cosCoefficient: 1328.67 });
    expect(first.multipliers).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const last = table.blocks[4]!.terms[0]!;
    expect(last).toMatchObject({ index: 1600, sinCoefficient: -0.1, cosCoefficient: -0.02 });
  });

  it('reads the sine column first in every table (5.3b prints B″ then B)', () => {
    expect(parse('tab5.3b.txt').coefficientColumns).toEqual(['B"_i', 'B_i']);
    const row1 = parse('tab5.3b.txt').blocks[0]!.terms[0]!;
    expect(row1.sinCoefficient).toBe(1537.7);
    expect(row1.cosCoefficient).toBe(9205233.1);
  });

  it('reads the row of table 5.2e that has a tab between two columns', () => {
    const row15 = parse('tab5.2e.txt').blocks[0]!.terms[14]!;
    expect(row15.multipliers).toEqual([0, 0, 4, -4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('parseIersSeriesTable on broken input', () => {
  const header = [
    'Table 5.2d: test',
    '',
    "    i    C_{s,j})_i      C_{c,j})_i    l    l'   F    D   Om L_Me L_Ve  L_E L_Ma  L_J L_Sa  L_U L_Ne  p_A",
  ];
  const row = (i: number, s = '-2640.73') =>
    `   ${i}   ${s}    0.39    0    0    0    0    1    0    0    0    0    0    0    0    0    0`;

  it('throws DataFormatError on the header line when a block holds fewer rows than announced', () => {
    const text = [...header, 'j = 0  Number of terms = 2', row(1)].join('\n');
    expect(() => parseIersSeriesTable(text, 't.txt')).toThrow(DataFormatError);
    expect(() => parseIersSeriesTable(text, 't.txt')).toThrow(
      't.txt line 4 (Number of terms): block j = 0 announces 2 terms but holds 1',
    );
  });

  it('throws on a row with a field missing, naming its line', () => {
    const short = row(1).replace(/\s+0$/, '');
    const text = [...header, 'j = 0  Number of terms = 1', short].join('\n');
    expect(() => parseIersSeriesTable(text, 't.txt')).toThrow(
      't.txt line 5: a term row needs 17 fields, found 16',
    );
  });

  it('throws on a coefficient that is not a number', () => {
    const text = [...header, 'j = 0  Number of terms = 1', row(1, '-2640.7x')].join('\n');
    expect(() => parseIersSeriesTable(text, 't.txt')).toThrow(/line 5 \(coefficient\)/);
  });

  it('throws when the term numbers skip one', () => {
    const text = [...header, 'j = 0  Number of terms = 2', row(1), row(3)].join('\n');
    expect(() => parseIersSeriesTable(text, 't.txt')).toThrow(
      't.txt line 6 (i): term number 3 where 2 was expected',
    );
  });

  it('throws when a row comes before the first block', () => {
    expect(() => parseIersSeriesTable([...header, row(1)].join('\n'), 't.txt')).toThrow(
      /before the first/,
    );
  });
});

describe('parseNut80Dat', () => {
  it('reads the 106 terms of nut80.dat, the first being 0 0 0 0 1 -171996 -174.2 92025 8.9', () => {
    const terms = parseNut80Dat(read('nut80.dat'), 'nut80.dat');
    expect(terms).toHaveLength(106);
    expect(terms[0]).toMatchObject({
      multipliers: [0, 0, 0, 0, 1],
      dPsiSin: -171996,
      dPsiSinRate: -174.2,
      dEpsCos: 92025,
      dEpsCosRate: 8.9,
      termNumber: 1,
    });
  });

  it('finds the one labelling slip of nut80.dat: term 58 printed twice, 59 missing', () => {
    const numbers = parseNut80Dat(read('nut80.dat'), 'nut80.dat').map((t) => t.termNumber);
    const missing = Array.from({ length: 106 }, (_, i) => i + 1).filter(
      (n) => !numbers.includes(n),
    );
    expect(missing).toEqual([59]);
    expect(numbers.filter((n) => n === 58)).toHaveLength(2);
  });

  it('throws when a file holds fewer than 106 terms', () => {
    const oneLine = ' 0  0  0  0  1 -171996 -174.2 92025  8.9    1\r\n';
    expect(() => parseNut80Dat(oneLine, 'nut80.dat')).toThrow(
      'nut80.dat: expected 106 terms, found 1',
    );
  });
});

/** Compares a bundled series with the parse of its reference copy, term by term. */
function expectSameSeries(
  data: {
    termCounts: readonly number[];
    multipliers: string;
    coefficientsHundredthUas: readonly number[];
  },
  table: IersSeriesTable,
): void {
  const terms = table.blocks.flatMap((b) => b.terms);
  expect(data.termCounts).toEqual(table.blocks.map((b) => b.terms.length));
  const multipliers = decodeMultipliers(data.multipliers);
  expect(multipliers).toHaveLength(14 * terms.length);
  expect(data.coefficientsHundredthUas).toHaveLength(2 * terms.length);
  terms.forEach((term, i) => {
    expect([...multipliers.subarray(14 * i, 14 * i + 14)]).toEqual(term.multipliers);
    expect(data.coefficientsHundredthUas[2 * i]! / HUNDREDTHS_PER_UAS).toBe(term.sinCoefficient);
    expect(data.coefficientsHundredthUas[2 * i + 1]! / HUNDREDTHS_PER_UAS).toBe(
      term.cosCoefficient,
    );
  });
}

describe('the bundled data src/data/iers2010*.ts', () => {
  it('holds tables 5.2a, 5.2b, 5.2d and 5.2e exactly as the reference copies print them', () => {
    expectSameSeries(IERS2010_CIP_X, parse('tab5.2a.txt'));
    expectSameSeries(IERS2010_CIP_Y, parse('tab5.2b.txt'));
    expectSameSeries(IERS2010_CIO_S_PLUS_XY_HALF, parse('tab5.2d.txt'));
    expectSameSeries(IERS2010_GST, parse('tab5.2e.txt'));
    expect(IERS2010_CIP_X.polynomialUas).toEqual(parse('tab5.2a.txt').polynomial?.coefficients);
    expect(IERS2010_GST.polynomialArcsec).toEqual(parse('tab5.2e.txt').polynomial?.coefficients);
  });

  it('holds the IAU 2000A series recovered from tables 5.3a and 5.3b: 662 + 658 terms', () => {
    const series = nutation2000AFromIersTables(parse('tab5.3a.txt'), parse('tab5.3b.txt'));
    expect(IAU2000A_NUTATION.lunisolarCount).toBe(662);
    expect(IAU2000A_NUTATION.planetaryCount).toBe(658);
    expect(series.lunisolarCount).toBe(IAU2000A_NUTATION.lunisolarCount);
    const multipliers = decodeMultipliers(IAU2000A_NUTATION.multipliers);
    series.terms.forEach((term, i) => {
      expect([...multipliers.subarray(14 * i, 14 * i + 14)]).toEqual(term.multipliers);
      expect(IAU2000A_NUTATION.coefficientsTenthUas.slice(6 * i, 6 * i + 6)).toEqual([
        term.dPsiSin,
        term.dPsiSinT,
        term.dPsiCos,
        term.dEpsCos,
        term.dEpsCosT,
        term.dEpsSin,
      ]);
    });
  });

  it('recovers SOFA iauNut00a coefficients for the largest terms (0.1 µas units)', () => {
    const series = nutation2000AFromIersTables(parse('tab5.3a.txt'), parse('tab5.3b.txt'));
    // SOFA iauNut00a, luni-solar term 1 (Ω) and term 7 (l), restated in 0.1 µas.
    expect(series.terms[0]).toMatchObject({
      dPsiSin: -172064161,
      dPsiSinT: -174666,
      dPsiCos: 33386,
      dEpsCos: 92052331,
      dEpsCosT: 9086,
      dEpsSin: 15377,
    });
    const l = series.terms.find((t) => t.multipliers.join() === '1,0,0,0,0,0,0,0,0,0,0,0,0,0');
    expect(l).toMatchObject({ dPsiSin: 711159, dPsiSinT: 73, dPsiCos: -872 });
    expect(series.dropped).toHaveLength(11);
  });

  it('holds the 106 IAU 1980 terms in the order of their term numbers', () => {
    expect(IAU1980_NUTATION.multipliers).toHaveLength(5 * 106);
    expect(IAU1980_NUTATION.coefficients).toHaveLength(4 * 106);
    // Term 2 is 2Ω and term 59 the row nut80.dat mislabels 58.
    expect(IAU1980_NUTATION.multipliers.slice(5, 10)).toEqual([0, 0, 0, 0, 2]);
    expect(IAU1980_NUTATION.coefficients.slice(4, 8)).toEqual([2062, 0.2, -895, 0.5]);
    expect(IAU1980_NUTATION.multipliers.slice(5 * 58, 5 * 59)).toEqual([1, 0, 2, -2, 1]);
    const fromFile = parseNut80Dat(read('nut80.dat'), 'nut80.dat');
    for (let j = 0; j < 106; j++) {
      const k = IAU1980_NUTATION.multipliers.slice(5 * j, 5 * j + 5).join();
      const row = fromFile.find((t) => t.multipliers.join() === k);
      expect(row?.dPsiSin).toBe(IAU1980_NUTATION.coefficients[4 * j]);
      expect(row?.dEpsCos).toBe(IAU1980_NUTATION.coefficients[4 * j + 2]);
    }
  });
});
