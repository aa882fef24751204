/**
 * Mutations of valid fixtures (deleted lines, swapped keywords, garbage numbers, truncation,
 * random bytes) only ever give a CcsdsParseError or a message that reads: never another
 * exception, never a hang. A message returned is whole: it writes and reads back the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCcsdsAll, writeCcsds } from '../../src/ccsds';
import { CcsdsParseError } from '../../src/errors';
import { FC_PARAMS } from '../arbitraries';
import { firstDifference, optionsFor, readReference } from './helpers';

const SOURCES = [
  'oem/OEMExample1.txt',
  'oem/OEMExample3.xml',
  'omm/OMMExample3.txt',
  'omm/OMMExample2.xml',
  'opm/OPMExample2.txt',
  'opm/OPMExample3.xml',
  'tdm/kvn/TDMExample4.txt',
  'tdm/xml/TDMExample8.xml',
];
const TEXTS = SOURCES.map((f) => ({ file: f, lines: readReference(f).split('\n') }));
const GARBAGE = [
  'x',
  '1e999',
  'NaN',
  '-',
  '.',
  '0x1F',
  '1,5',
  '',
  '9999-99-99T99:99:99',
  '[km]',
  '=',
  '<',
  '&amp;',
  ']]>',
  '\u0000',
  'é',
];

type Mutation = (lines: string[]) => string[];

const guard =
  (m: Mutation): Mutation =>
  (ls) =>
    ls.length === 0 ? ls : m(ls);

const mutation: fc.Arbitrary<Mutation> = fc
  .oneof(
    fc.nat().map((k) => (ls: string[]) => ls.filter((_, i) => i !== k % ls.length)),
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (ls: string[]) => {
      const out = [...ls];
      const i = a % ls.length;
      const j = b % ls.length;
      [out[i], out[j]] = [out[j]!, out[i]!];
      return out;
    }),
    fc.tuple(fc.nat(), fc.constantFrom(...GARBAGE)).map(([k, g]) => (ls: string[]) => {
      const out = [...ls];
      const i = k % ls.length;
      // replace the last number-like token (or the value after '=', or an element's text)
      out[i] = out[i]!.replace(/[-+]?\d[\d.eE+-]*(?!.*\d)/, g);
      return out;
    }),
    fc.nat().map((k) => (ls: string[]) => ls.slice(0, k % (ls.length + 1))),
    fc
      .tuple(fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 8 }))
      .map(([k, c, junk]) => (ls: string[]) => {
        const out = [...ls];
        const i = k % ls.length;
        const line = out[i]!;
        const at = c % (line.length + 1);
        out[i] = line.slice(0, at) + junk + line.slice(at);
        return out;
      }),
  )
  .map(guard);

describe('text values that end in a bracket', () => {
  // Found by the mutation property below: `<OBJECT_NAME>GOES[km]</OBJECT_NAME>` written as KVN
  // came back as "GOES [km]" (the KVN reader split the bracket off as a unit, then joined it
  // back with a space). A bracket after a text is part of the text, kept as written.
  it('keep their exact text through KVN and XML', () => {
    const xml = readReference('omm/OMMExample2.xml').replace('GOES-9', 'GOES[km]');
    const m = parseCcsdsAll(xml)[0]!;
    for (const encoding of ['KVN', 'XML'] as const) {
      const again = parseCcsdsAll(writeCcsds(m, { encoding }))[0]!;
      expect(firstDifference(again, m)).toBeUndefined();
      expect((again as { metadata: { objectName: string } }).metadata.objectName).toBe('GOES[km]');
    }
    const kvn = readReference('omm/OMMExample1.txt').replace('GOES 9', 'GOES  [A]');
    const k = parseCcsdsAll(kvn)[0]! as { metadata: { objectName: string } };
    expect(k.metadata.objectName).toBe('GOES  [A]');
  });
});

describe('mutated fixtures', () => {
  it('give a CcsdsParseError or a whole message, nothing else', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, muts) => {
        const { file, lines } = TEXTS[which % TEXTS.length]!;
        const text = muts.reduce((ls, m) => m(ls), lines).join('\n');
        const options = optionsFor(file);
        let messages: ReturnType<typeof parseCcsdsAll>;
        try {
          messages = parseCcsdsAll(text, options);
        } catch (e) {
          if (!(e instanceof CcsdsParseError)) throw e;
          expect(e.line).toBeGreaterThanOrEqual(0);
          return;
        }
        for (const m of messages) {
          const again = parseCcsdsAll(writeCcsds(m, { ...options, units: false }), options)[0];
          expect(firstDifference(again, m)).toBeUndefined();
        }
      }),
      FC_PARAMS,
    );
  });

  it('random bytes give a CcsdsParseError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(() => parseCcsdsAll(bytes)).toThrow(CcsdsParseError);
      }),
      FC_PARAMS,
    );
  });
});
