/**
 * The fast reader of OEM data blocks (a loop over the text, dates and numbers read in place)
 * gives exactly what the ordinary line-by-line path gives: the same states, bit for bit, or
 * the same error on the same line. The ordinary path is forced by a caller-supplied codec
 * (the fast loop only runs with the built-in one) that reads dates with Epoch.fromIso.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CcsdsEpochCodec, type OemMessage, parseOem } from '../../src/ccsds';
import { ScaleEpochCodec } from '../../src/ccsds/internal/epochs';
import { CcsdsParseError } from '../../src/errors';
import { Epoch, type TimeScale } from '../../src/time';
import { FC_PARAMS } from '../arbitraries';
import { firstDifference } from './helpers';

/** Dates must come back identical, not merely close. */
const EXACT_S = 0;

const SCALES = ['UTC', 'TAI', 'TT', 'GPS', 'TDB'] as const;
/** START_TIME…STOP_TIME: three days around the 2016-12-31 leap second. */
const START_ISO = '2016-12-30T00:00:00';
const STOP_ISO = '2017-01-02T00:00:00';
const START = Epoch.fromIso(START_ISO, 'UTC');
/** Dates are drawn from 10 minutes before START_TIME to 10 minutes after STOP_TIME. */
const MARGIN_S = 600;
const SPAN_S = 3 * 86400 + 2 * MARGIN_S;
const LEAP_SECOND = Epoch.fromIso('2016-12-31T23:59:60', 'UTC');

/** The reference: dates through Epoch.fromIso, which also turns the fast loop off. */
function slowCodec(scale: TimeScale): CcsdsEpochCodec {
  return {
    read: (text) => Epoch.fromIso(text, scale),
    write: (epoch) => epoch.toIso(scale),
  };
}

const blanks = fc.constantFrom(' ', '  ', '\t', ' \t ');
const instant = fc
  .oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: SPAN_S }) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: -3, max: 3 })
        .map((k) => k + LEAP_SECOND.secondsSince(START) + MARGIN_S),
    },
  )
  .chain((s) =>
    fc
      .integer({ min: 0, max: 999_999 })
      .map((us) => START.plusSeconds(s - MARGIN_S).plusSeconds(us * 1e-6)),
  );
const date = (scale: TimeScale, junk: readonly string[] = ['']) =>
  fc
    .tuple(instant, fc.integer({ min: 0, max: 12 }), fc.boolean(), fc.constantFrom(...junk))
    .map(
      ([t, digits, doy, junk]) => t.toIso(scale, { fractionDigits: digits, dayOfYear: doy }) + junk,
    );
const number = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toFixed(6)),
  },
  { weight: 4, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }).map((x) => x.toFixed(9)) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 999 }).map((k) => `+00${k}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '.5',
      '-5.',
      '0',
      '-0',
      '-0.000',
      '12345678901234567',
      '0.1234567890123456',
      '0.30000000000000004',
      '1.5e3',
    ),
  },
);
/** Not numbers: a line with one of these is refused, by both paths alike. */
const notNumber = fc.constantFrom('1.2.3', '-', '.', '1e', '1x', 'abc', '1,5', '1e999', '--1');
const line = (scale: TimeScale, fields: fc.Arbitrary<string[]>, junk?: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom('', '', ' ', '\t'),
      date(scale, junk),
      fields,
      fc.array(blanks, { minLength: 10, maxLength: 10 }),
      fc.constantFrom('', '', ' ', '\r', ' \u00a0'),
    )
    .map(
      ([lead, d, values, gaps, trail]) =>
        `${lead}${d}${values.map((x, k) => gaps[k]! + x).join('')}${trail}`,
    );
/** A line of 6 or 9 numbers. */
const dataLine = (scale: TimeScale) =>
  line(
    scale,
    fc.constantFrom(6, 9).chain((k) => fc.array(number, { minLength: k, maxLength: k })),
  );
/** A line with a wrong count of numbers, a field that is not a number, or an odd date. */
const badLine = (scale: TimeScale) =>
  line(
    scale,
    fc.oneof(
      fc
        .constantFrom(0, 5, 7, 8, 10)
        .chain((k) => fc.array(number, { minLength: k, maxLength: k })),
      fc
        .tuple(fc.array(number, { minLength: 6, maxLength: 6 }), fc.nat(5), notNumber)
        .map(([v, k, bad]) => v.map((x, j) => (j === k ? bad : x))),
      fc.array(number, { minLength: 6, maxLength: 6 }),
    ),
    // A date with something after it (fast path refused; Epoch.fromIso may accept `Z`).
    ['', 'x', '.', 'Z'],
  );
const lines = (scale: TimeScale) =>
  fc.array(
    fc.oneof(
      { weight: 30, arbitrary: dataLine(scale) },
      { weight: 1, arbitrary: badLine(scale) },
      { weight: 1, arbitrary: fc.constantFrom('', '   ', 'COMMENT in the data', '1', '- 5') },
    ),
    { minLength: 1, maxLength: 20 },
  );

function oem(scale: TimeScale, body: readonly string[], tail: string): string {
  return [
    'CCSDS_OEM_VERS = 2.0',
    'CREATION_DATE = 2024-01-01T00:00:00',
    'ORIGINATOR = TEST',
    'META_START',
    'OBJECT_NAME = SAT',
    'OBJECT_ID = 2024-001A',
    'CENTER_NAME = EARTH',
    'REF_FRAME = EME2000',
    `TIME_SYSTEM = ${scale}`,
    `START_TIME = ${START_ISO}`,
    `STOP_TIME = ${STOP_ISO}`,
    'META_STOP',
    ...body,
    tail,
  ].join('\n');
}

type Outcome = { message: OemMessage } | { error: CcsdsParseError };

function outcome(run: () => OemMessage): Outcome {
  try {
    return { message: run() };
  } catch (e) {
    if (e instanceof CcsdsParseError) return { error: e };
    throw e;
  }
}

describe('OEM data-block fast reader', () => {
  it('gives the states or the error of the ordinary line reader', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...SCALES)
          .chain((scale) =>
            fc.tuple(
              fc.constant(scale),
              lines(scale),
              fc.constantFrom('', '', 'COMMENT end', 'META_START', 'COVARIANCE_START'),
            ),
          ),
        ([scale, body, tail]) => {
          const text = oem(scale, body, tail);
          const fast = outcome(() => parseOem(text));
          const slow = outcome(() =>
            parseOem(text, { timeSystems: { [scale]: slowCodec(scale) } }),
          );
          if ('error' in slow) {
            expect('error' in fast ? fast.error.message : 'no error').toBe(slow.error.message);
            if ('error' in fast) {
              expect([fast.error.line, fast.error.keyword, fast.error.kind]).toEqual([
                slow.error.line,
                slow.error.keyword,
                slow.error.kind,
              ]);
            }
          } else {
            expect('error' in fast ? fast.error.message : undefined).toBeUndefined();
            if ('message' in fast) {
              expect(firstDifference(fast.message, slow.message, EXACT_S)).toBeUndefined();
            }
          }
        },
      ),
      FC_PARAMS,
    );
  });

  it('refuses every malformed field at every place as the ordinary reader does', () => {
    const good = ['1', '-2.5', '+3.25', '.5', '5.', '-0'];
    const bad = ['1.2.3', '-', '.', '+', '1e', '1x', 'x1', 'abc', '1,5', '1e999', '--1', '1-'];
    for (const count of [6, 9]) {
      for (let k = 0; k < count; k++) {
        for (const b of bad) {
          const values = Array.from({ length: count }, (_, j) => (j === k ? b : good[j % 6]!));
          const text = oem(
            'UTC',
            [`2016-12-31T12:00:00 ${good.join(' ')}`, `2016-12-31T12:00:01 ${values.join(' ')}`],
            '',
          );
          const fast = outcome(() => parseOem(text));
          const slow = outcome(() => parseOem(text, { timeSystems: { UTC: slowCodec('UTC') } }));
          expect('error' in fast && fast.error.message, `${count} ${k} ${b}`).toBe(
            'error' in slow && slow.error.message,
          );
        }
      }
    }
  });

  it('reads a block of well-formed lines with the fast path, exactly', () => {
    // Many plain lines (no error), so that the comparison covers long runs across days.
    const scale = 'UTC';
    const t0 = Epoch.fromIso(START_ISO, scale);
    const body: string[] = [];
    for (let k = 0; k < 2000; k++) {
      const t = t0.plusSeconds(k * 61.125);
      const x = Math.sin(k) * 42164.137;
      body.push(
        `${t.toIso(scale, { fractionDigits: 3 })} ${x.toFixed(6)} ${(-x).toFixed(6)} 12.5 -3.074660123 ${Math.cos(k).toFixed(9)} 0.0009`,
      );
    }
    const text = oem(scale, body, '');
    const fast = parseOem(text);
    const slow = parseOem(text, { timeSystems: { UTC: slowCodec('UTC') } });
    expect(fast.segments[0]!.states).toHaveLength(2000);
    expect(firstDifference(fast, slow, EXACT_S)).toBeUndefined();
  });

  it('reads dates inside a longer text exactly as Epoch.fromIso reads them alone', () => {
    let fastReads = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...SCALES),
        fc.array(date('UTC'), { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 3 }),
        (scale, texts, around) => {
          const codec = new ScaleEpochCodec(scale, undefined);
          for (const t of texts) {
            const line = `${around}${t}${around}`;
            const got = codec.readRange(line, around.length, around.length + t.length);
            if (got === undefined) continue; // not the fast form: Epoch.fromIso decides
            expect(got.compare(Epoch.fromIso(t, scale))).toBe(0);
            fastReads++;
          }
        },
      ),
      FC_PARAMS,
    );
    // Most generated dates are in the fast form: the comparison did happen.
    expect(fastReads).toBeGreaterThan(0);
  });
});
