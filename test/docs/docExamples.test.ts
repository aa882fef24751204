/**
 * Tests of scripts/check-doc-examples.ts, the checker of the TSDoc `@example` blocks: how it
 * reads result comments, how it compares values with them, and which blocks it extracts. The
 * checker itself runs over src/ in CI (`npm run doc-examples`); these tests make sure that a
 * wrong result comment would make it fail.
 */
import { describe, expect, it } from 'vitest';
import {
  compareWithExpected,
  type ExpectedComment,
  extractExampleBlocks,
  parseExpectedComment,
} from '../../scripts/check-doc-examples';

/** Parses a comment that must be a literal. */
function literal(comment: string): ExpectedComment {
  const parsed = parseExpectedComment(comment);
  if (!parsed) throw new Error(`not read as a literal: ${comment}`);
  return parsed;
}

/** Mismatches of `actual` against the result comment `comment`. */
function mismatches(comment: string, actual: unknown): string[] {
  const { expected, approx } = literal(comment);
  return compareWithExpected(expected, actual, approx);
}

describe('parseExpectedComment', () => {
  it('reads numbers, strings, constants, arrays, typed arrays and objects', () => {
    expect(literal("'2017-01-01T00:00:36.500000000'").expected).toEqual({
      kind: 'string',
      value: '2017-01-01T00:00:36.500000000',
    });
    expect(literal('false').expected).toEqual({ kind: 'constant', value: false });
    expect(literal('[2453750.5, 0.892855139]').expected).toMatchObject({
      kind: 'array',
      typed: null,
      head: [{ value: 2453750.5 }, { value: 0.892855139, unit: 1e-9 }],
      tail: null,
    });
    expect(literal('Float64Array(2) [3, 7]').expected).toMatchObject({
      kind: 'array',
      typed: 'Float64Array',
    });
    expect(literal('{ week: 1, secondsOfWeek: 0 }').expected).toMatchObject({
      kind: 'object',
      elided: false,
      entries: [
        ['week', { value: 1 }],
        ['secondsOfWeek', { value: 0 }],
      ],
    });
  });

  it('reads escapes and the other quote inside strings', () => {
    expect(literal(`'cannot read time "2025-02-30"'`).expected).toEqual({
      kind: 'string',
      value: 'cannot read time "2025-02-30"',
    });
    expect(literal("'it\\'s'").expected).toEqual({ kind: 'string', value: "it's" });
  });

  it('keeps a literal followed by prose after a comma, a colon or a space', () => {
    expect(literal('37 (2017-01-01)').expected).toMatchObject({ value: 37 });
    expect(literal('false: eigenvalues 3 and −1').expected).toMatchObject({ value: false });
    expect(literal('11520, the reference output').expected).toMatchObject({ value: 11520 });
    expect(literal('-36.4087179 s').expected).toMatchObject({ value: -36.4087179 });
    expect(literal('≈ 4.315762 (drifting UTC)').approx).toBe(true);
  });

  it('reads ranges, relations and expressions as prose', () => {
    for (const prose of [
      '0…5',
      '0 <= u < 1',
      '=== noiseArcsec',
      'leaves a spare deviate in the state',
      'rotationZ(0.3), to rounding',
      'km²/s',
      '1 + 2',
    ]) {
      expect(parseExpectedComment(prose), prose).toBeNull();
    }
  });
});

describe('compareWithExpected', () => {
  it('accepts a value within half a unit of the last printed decimal, and no further', () => {
    expect(mismatches('[2453750.5, 0.892855139]', [2453750.5, 0.8928551389999999])).toEqual([]);
    expect(mismatches('[2453750.5, 0.892855138]', [2453750.5, 0.8928551389999999])).toHaveLength(1);
    expect(mismatches('0.5', 0.5000001)).toEqual([]);
    expect(mismatches('0.5', 0.56)).toHaveLength(1);
  });

  it('takes an integer written without ≈ as exact, to 1e-12 relative', () => {
    expect(mismatches('37', 37)).toEqual([]);
    expect(mismatches('1, to rounding', 0.9999999999999999)).toEqual([]);
    expect(mismatches('37', 37.000001)).toHaveLength(1);
  });

  it('gives an integer under ≈ the finest printed unit of its array, or 1 alone', () => {
    expect(
      mismatches('≈ [6965.029157, -698.833917, 0]', [6965.02915694618, -698.83391652, 0]),
    ).toEqual([]);
    expect(
      mismatches('≈ [6965.029157, -698.833917, 0]', [6965.029157, -698.833917, 1e-5]),
    ).toHaveLength(1);
    expect(mismatches('≈ 13', 13.4)).toEqual([]);
    expect(mismatches('≈ 13', 13.6)).toHaveLength(1);
  });

  it('compares a number ending in … on its printed digits, truncated', () => {
    expect(mismatches('0.04367412103075…', 0.04367412103075012)).toEqual([]);
    // Rounded rather than truncated digits are wrong: the value does not start with them.
    expect(mismatches('0.043674121031…', 0.04367412103075012)).toHaveLength(1);
    expect(mismatches('-0.4399…', -0.43995)).toEqual([]);
    expect(mismatches('-0.4399…', 0.43995)).toHaveLength(1);
  });

  it('compares a 0 inside an array at the scale of the array', () => {
    expect(mismatches('[0, -1, 0] to rounding', [6.123233995736766e-17, -1, 0])).toEqual([]);
    expect(mismatches('[0, -1, 0]', [1e-9, -1, 0])).toHaveLength(1);
  });

  it('requires the typed array it names, and a plain Array for a plain bracket', () => {
    expect(mismatches('Float64Array [3, 7]', new Float64Array([3, 7]))).toEqual([]);
    expect(mismatches('Float64Array [3, 7]', [3, 7])).toHaveLength(1);
    expect(mismatches('[3, 7]', new Float64Array([3, 7]))).toHaveLength(1);
    expect(mismatches('[3, 7]', [3, 7, 9])).toHaveLength(1);
  });

  it('lets … stand for the elements or keys left out', () => {
    expect(mismatches('[1, …, 9]', [1, 2, 3, 9])).toEqual([]);
    expect(mismatches('[1, …, 9]', [1, 2, 3, 8])).toHaveLength(1);
    const row = { mjd: 53101, xpArcsec: -0.140722, lodS: 0.0015244, predicted: false };
    expect(mismatches('{ mjd: 53101, …, predicted: false }', row)).toEqual([]);
    expect(mismatches('{ mjd: 53101, predicted: false }', row)).toHaveLength(1);
    expect(mismatches('{ mjd: 53101, …, predicted: true }', row)).toHaveLength(1);
  });

  it('compares strings and constants exactly', () => {
    expect(mismatches("'interpolated'", 'interpolated')).toEqual([]);
    expect(mismatches("'interpolated'", 'predicted')).toHaveLength(1);
    expect(mismatches('true', 1)).toHaveLength(1);
    expect(mismatches('undefined', undefined)).toEqual([]);
  });
});

describe('extractExampleBlocks', () => {
  const source = [
    '/**', // line 1
    ' * Adds.',
    ' *',
    ' * ```ts',
    ' * notAnExample(); // 1',
    ' * ```',
    ' *',
    ' * @example', // line 8
    ' * ```ts',
    ' * add(1, 2); // 3', // line 10
    ' * if (x) {',
    ' *   y();', // line 12: indentation kept
    ' * }',
    ' * ```',
    ' * ```text',
    ' * not code',
    ' * ```',
    ' * @example', // line 18
    ' * ```ts',
    ' * // throws InvalidArgumentError',
    ' * add(NaN, 1);',
    ' * ```',
    ' */',
    'export function add(a: number, b: number): number {',
    '  return a + b;',
    '}',
  ].join('\n');
  const blocks = extractExampleBlocks('/virtual/src/add.ts', source);

  it('takes the ```ts blocks under @example tags only', () => {
    expect(blocks.map((b) => b.exampleLine)).toEqual([8, 18]);
    expect(blocks[0]?.code).toBe('add(1, 2); // 3\nif (x) {\n  y();\n}');
  });

  it('maps each line of a block to its line in the source file', () => {
    expect(blocks[0]?.lineMap).toEqual([10, 11, 12, 13]);
  });

  it('marks a block whose first line is a comment with "throws" as one that must throw', () => {
    expect(blocks.map((b) => b.expectsThrow)).toEqual([false, true]);
  });
});
