/**
 * Parsed TDM observations keep their 1-based line (KVN: the data line; XML: the line of the
 * EPOCH element), so that a later step can point at the observation in the source. Checked
 * against the text of every valid TDM fixture.
 */
import { describe, expect, it } from 'vitest';
import { parseCcsdsAll, type TdmMessage, writeTdm } from '../../src/ccsds';
import { optionsFor, readReference } from './helpers';

const MANIFEST = JSON.parse(readReference('manifest.json')) as {
  files: Record<string, { message: string; valid: boolean | null }>;
};
const TDM_FILES = Object.entries(MANIFEST.files)
  .filter(([, e]) => e.valid === true && e.message === 'TDM')
  .map(([f]) => f);

describe('TDM observation lines', () => {
  it('the manifest lists valid TDM fixtures in both encodings', () => {
    expect(TDM_FILES.some((f) => f.endsWith('.txt'))).toBe(true);
    expect(TDM_FILES.some((f) => f.endsWith('.xml'))).toBe(true);
  });

  for (const file of TDM_FILES) {
    it(`${file}: every observation's line holds its epoch and keyword, in increasing order`, () => {
      const text = readReference(file);
      const lines = text.split(/\r?\n/);
      const xml = file.endsWith('.xml');
      const messages = parseCcsdsAll(text, optionsFor(file)) as TdmMessage[];
      let previous = 0;
      let count = 0;
      for (const o of messages.flatMap((m) => m.segments.flatMap((s) => s.observations))) {
        expect(o.line, `${file} ${o.keyword}`).toBeGreaterThan(previous);
        previous = o.line!;
        const at = lines[o.line! - 1]!;
        if (xml) {
          expect(at, `${file} line ${o.line}`).toMatch(/<EPOCH>/);
          // The value element follows within the same <observation>.
          const rest = lines.slice(o.line!).join('\n');
          const block = rest.slice(0, rest.indexOf('</observation>'));
          expect(block, `${file} line ${o.line}`).toContain(`<${o.keyword}>`);
        } else {
          expect(at.trim().split(/\s*=\s*/)[0], `${file} line ${o.line}`).toBe(o.keyword);
        }
        count++;
      }
      expect(count).toBeGreaterThan(0);
    });
  }

  it('the writers ignore the lines: a parsed TDM writes as the same TDM stripped of them', () => {
    const file = 'tdm/kvn/TDMExample8.txt';
    const [m] = parseCcsdsAll(readReference(file), optionsFor(file)) as TdmMessage[];
    const stripped: TdmMessage = {
      ...m!,
      segments: m!.segments.map((s) => ({
        ...s,
        observations: s.observations.map(({ keyword, epoch, value }) => ({
          keyword,
          epoch,
          value,
        })),
      })),
    };
    expect(m!.segments[0]!.observations[0]!.line).toBeGreaterThan(0);
    for (const encoding of ['KVN', 'XML'] as const) {
      expect(writeTdm(m!, { encoding })).toBe(writeTdm(stripped, { encoding }));
    }
  });
});
