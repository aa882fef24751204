/**
 * The CCSDS number reader gives the same double as Number() on every decimal text of the
 * grammar, fast path or not, and refuses what the grammar does not allow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/ccsds/internal/numbers';
import { FC_PARAMS } from '../arbitraries';

const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{0,${max}}$`));
const decimal = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    digits(20),
    fc.option(digits(20)),
    fc.option(
      fc.tuple(
        fc.constantFrom('e', 'E'),
        fc.constantFrom('', '-', '+'),
        fc.stringMatching(/^[0-9]{1,3}$/),
      ),
    ),
  )
  .filter(([, int, frac]) => int.length + (frac ?? '').length > 0)
  .map(
    ([sign, int, frac, exp]) =>
      `${sign}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : exp.join('')}`,
  );

describe('CCSDS numbers', () => {
  it('read as the same double as Number()', () => {
    fc.assert(
      fc.property(decimal, (text) => {
        const want = Number(text);
        const got = readNumber(text);
        if (Number.isFinite(want)) expect(Object.is(got, want), text).toBe(true);
        else expect(got).toBeNaN();
      }),
      FC_PARAMS,
    );
  });

  it('any double written by String() reads back unchanged', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        // String(-0) is '0': zero reads back as +0, every other double as itself
        expect(readNumber(String(x))).toBe(x === 0 ? 0 : x);
      }),
      FC_PARAMS,
    );
  });

  it('refuses what the grammar does not allow', () => {
    for (const bad of [
      '',
      '-',
      '.',
      'e5',
      '1e',
      '0x1F',
      'Infinity',
      'NaN',
      '1,5',
      '1.5.2',
      ' 1',
      '1e999',
      '1d5',
    ]) {
      expect(readNumber(bad), bad).toBeNaN();
    }
  });
});
