/**
 * The fast writing paths of the OEM writer (numbers and dates written as bytes) give the same
 * text as the string path: formatNumber (JavaScript's String(x), and -0) for numbers, the
 * codec's write (Epoch.toIso with 12 digits, trailing zeros dropped) for dates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CcsdsEpochCodec, type CcsdsStateVector, OemStreamWriter } from '../../src/ccsds';
import { AsciiBuffer } from '../../src/ccsds/internal/asciiBuffer';
import { ScaleEpochCodec, trimFraction } from '../../src/ccsds/internal/epochs';
import { formatNumber } from '../../src/ccsds/internal/numbers';
import { Epoch, type TimeScale } from '../../src/time';
import { FC_PARAMS } from '../arbitraries';

const HEADER = {
  version: '2.0',
  comments: [],
  creationDate: Epoch.fromIso('2024-01-01T00:00:00', 'UTC'),
  originator: 'TEST',
};

function written(x: number): string {
  const b = new AsciiBuffer(64);
  b.reserve(32);
  b.number(x);
  return b.take();
}

/** Doubles read from short decimals, as ephemerides hold them, across the fast path's range. */
const shortDecimal = fc
  .tuple(
    fc.double({ min: 1, max: 10, noNaN: true }),
    fc.integer({ min: -8, max: 10 }),
    fc.integer({ min: 0, max: 12 }),
    fc.boolean(),
  )
  .map(([m, e, digits, negative]) => {
    const x = Number((m * 10 ** e).toFixed(Math.min(digits, 100)));
    return negative ? -x : x;
  });

/** Fractions of a second, with some within 0.5 ps of the next second (12 digits round up). */
const fraction = fc.oneof(
  fc.integer({ min: 0, max: 999_999_999 }).map((ns) => ns * 1e-9),
  fc.constantFrom(0.9999999999996, 0.9999999999994, 5e-13, 4e-13, 0),
);

describe('OEM writing fast paths', () => {
  it('write numbers as formatNumber does', () => {
    const edges = [
      0,
      -0,
      1e-6,
      -1e-6,
      9.99e-7,
      1e-7,
      1,
      0.1,
      0.5,
      999999.999999999,
      1e6,
      999999999.999999,
      1e9,
      1e21,
      42164.137,
      -3.07466,
      0.1 + 0.2,
      2 ** 53,
      Number.MIN_VALUE,
      Number.MAX_VALUE,
      Number.POSITIVE_INFINITY,
      123456.123456789,
      1234567.123456,
    ];
    for (const x of edges) expect(written(x), String(x)).toBe(formatNumber(x));
    fc.assert(
      fc.property(
        fc.oneof(shortDecimal, fc.double({ noNaN: true, noDefaultInfinity: true })),
        (x) => {
          expect(written(x)).toBe(formatNumber(x));
        },
      ),
      FC_PARAMS,
    );
  });

  it('write dates into bytes as the codec writes them as text', () => {
    let fastWrites = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<TimeScale>('UTC', 'TAI', 'GPS', 'TT'),
        fc.integer({ min: -1_000_000_000, max: 1_200_000_000 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 90_000 }), fraction), {
          minLength: 1,
          maxLength: 8,
        }),
        (scale, startS, steps) => {
          const codec = new ScaleEpochCodec(scale, undefined);
          const t0 = Epoch.fromIso('2000-01-01T12:00:00', 'TAI').plusSeconds(startS);
          codec.write(t0); // primes the day, as START_TIME does in a segment
          const buffer = new AsciiBuffer(64);
          for (const [s, f] of steps) {
            const t = t0.plusSeconds(s).plusSeconds(f);
            buffer.reserve(40);
            if (codec.writeInto(t, buffer)) {
              fastWrites++;
              expect(buffer.take()).toBe(trimFraction(t.toIso(scale, { fractionDigits: 12 })));
            } else {
              expect(buffer.length).toBe(0);
              codec.write(t);
            }
          }
        },
      ),
      FC_PARAMS,
    );
    expect(fastWrites).toBeGreaterThan(0);
  });

  it('write ephemeris lines as the string path does, in any chunk size', () => {
    const finite = fc.oneof(shortDecimal, fc.double({ noNaN: true, noDefaultInfinity: true }));
    const vec3 = fc.tuple(finite, finite, finite);
    // A caller's codec with non-ASCII text takes the string path for its lines.
    const odd: CcsdsEpochCodec = {
      read: (text) => Epoch.fromIso(text.replace('é', ''), 'UTC'),
      write: (epoch) => `${epoch.toIso('UTC', { fractionDigits: 3 })}é`,
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 400_000 }), vec3, vec3, fc.option(vec3)), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.constantFrom(1, 100, 65_536),
        fc.constantFrom<'UTC' | 'TAI' | 'ODD'>('UTC', 'TAI', 'ODD'),
        (rows, chunkChars, system) => {
          const t0 = Epoch.fromIso('2016-12-30T00:00:00.25', 'UTC');
          const states: CcsdsStateVector[] = rows
            .map(([ms, p, v, a]) => ({
              epoch: t0.plusSeconds(ms * 0.7503),
              positionKm: p,
              velocityKmS: v,
              ...(a === null ? {} : { accelerationKmS2: a }),
            }))
            .sort((x, y) => x.epoch.compare(y.epoch));
          const timeSystem = system === 'ODD' ? 'MET' : system;
          const options = system === 'ODD' ? { timeSystems: { MET: odd } } : {};
          const chunks: string[] = [];
          const w = new OemStreamWriter((c) => chunks.push(c), HEADER, {
            ...options,
            chunkChars,
          });
          w.beginSegment({
            comments: [],
            objectName: 'SAT',
            objectId: '2024-001A',
            centerName: 'EARTH',
            refFrame: 'EME2000',
            timeSystem,
            startTime: states[0]!.epoch,
            stopTime: states[states.length - 1]!.epoch,
          });
          for (const s of states) w.writeState(s);
          w.end();
          const text = chunks.join('');
          // Each chunk but the last ends with the line that took it to chunkChars.
          for (const c of chunks.slice(0, -1)) {
            expect(c.length).toBeGreaterThanOrEqual(chunkChars);
            const lastLineStart = c.length < 2 ? 0 : c.lastIndexOf('\n', c.length - 2) + 1;
            expect(lastLineStart).toBeLessThan(chunkChars);
          }
          const reference =
            system === 'ODD' ? odd : new ScaleEpochCodec(system as TimeScale, undefined);
          const want = states.map((s) =>
            [
              reference.write(s.epoch),
              ...[...s.positionKm, ...s.velocityKmS, ...(s.accelerationKmS2 ?? [])].map(
                formatNumber,
              ),
            ].join(' '),
          );
          const lines = text.split('\n');
          const first = lines.indexOf('META_STOP') + 2;
          expect(lines.slice(first, first + states.length)).toEqual(want);
        },
      ),
      FC_PARAMS,
    );
  });
});
