/**
 * The fast date paths of the CCSDS codecs give exactly what Epoch.fromIso reads and what
 * Epoch.toIso writes (12 digits, trailing zeros dropped), including across UTC days with a
 * leap second, before 1972 and in the scales without a whole-second offset to TAI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScaleEpochCodec, trimFraction } from '../../src/ccsds/internal/epochs';
import { Epoch, type TimeScale } from '../../src/time';
import { FC_PARAMS } from '../arbitraries';

const SCALES: readonly TimeScale[] = ['UTC', 'TAI', 'TT', 'GPS', 'TCG', 'TDB'];
/** Seconds from 1962 to 2040 around a leap second (2016-12-31) and elsewhere. */
const LEAP_2016_END = Epoch.fromIso('2016-12-31T23:59:59', 'UTC');
const instant = fc.oneof(
  fc.double({ min: -2, max: 3, noNaN: true }).map((d) => LEAP_2016_END.plusSeconds(d)),
  fc
    .tuple(
      fc.integer({ min: -1_200_000_000, max: 1_250_000_000 }),
      fc.integer({ min: 0, max: 999_999_999 }),
    )
    .map(([s, ns]) =>
      Epoch.fromIso('2000-01-01T12:00:00', 'TAI')
        .plusSeconds(s)
        .plusSeconds(ns * 1e-9),
    ),
);

describe('CCSDS date codecs', () => {
  it('read exactly as Epoch.fromIso, consecutive dates sharing a day included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCALES),
        fc.array(instant, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        (scale, epochs, digits, doy) => {
          const codec = new ScaleEpochCodec(scale, undefined);
          for (const e of epochs) {
            for (const t of [e, e.plusSeconds(1.5)]) {
              const text = t.toIso(scale, { fractionDigits: digits, dayOfYear: doy });
              const want = Epoch.fromIso(text, scale);
              expect(codec.read(text).secondsSince(want)).toBe(0);
              expect(codec.read(text).compare(want)).toBe(0);
            }
          }
        },
      ),
      FC_PARAMS,
    );
  });

  it('write exactly as Epoch.toIso with 12 digits, trailing zeros dropped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCALES),
        fc.array(instant, { minLength: 1, maxLength: 4 }),
        (scale, epochs) => {
          const codec = new ScaleEpochCodec(scale, undefined);
          for (const e of epochs) {
            for (const t of [e, e.plusSeconds(0.25), e.plusSeconds(1)]) {
              expect(codec.write(t)).toBe(trimFraction(t.toIso(scale, { fractionDigits: 12 })));
            }
          }
        },
      ),
      FC_PARAMS,
    );
  });
});
