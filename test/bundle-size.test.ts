/**
 * Tree-shaking guard: an application that imports `Epoch` alone must not carry the bundled
 * Earth orientation table (src/data/eop.ts, several hundred kB), which only
 * `DEFAULT_TIME_DATA` needs. Bundles the TypeScript sources with esbuild, as a browser
 * application's bundler would, and inspects the metafile.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundle, formatBundleSize, ROOT_DIR } from './helpers/bundle';

const EPOCH_FILE = `${ROOT_DIR}src/time/epoch.ts`;
const DEFAULT_TIME_DATA_FILE = `${ROOT_DIR}src/time/defaultTimeData.ts`;
const EOP_DATA_FILE = `${ROOT_DIR}src/data/eop.ts`;

/** Metafile inputs (paths relative to the repository root) that belong to the EOP data. */
function isEopInput(path: string): boolean {
  return /^src\/data\/eop/.test(path) || /eop\.ts$/.test(path) || /defaultTimeData/.test(path);
}

describe('bundle size', () => {
  it('an application importing only Epoch does not bundle the EOP table', async () => {
    const report = await bundle(
      "import { Epoch } from './src/time/index.ts';\nconsole.log(Epoch);\n",
    );
    console.info(`bundle of { Epoch } from src/time: ${formatBundleSize(report)}`);
    expect(report.inputs).toContain('src/time/epoch.ts');
    expect(report.inputs.filter(isEopInput)).toEqual([]);
  });

  it('an application importing DEFAULT_TIME_DATA does bundle the EOP table', async () => {
    const report = await bundle(
      "import { DEFAULT_TIME_DATA } from './src/time/index.ts';\nconsole.log(DEFAULT_TIME_DATA);\n",
    );
    console.info(`bundle of { DEFAULT_TIME_DATA } from src/time: ${formatBundleSize(report)}`);
    expect(report.inputs).toContain('src/data/eop.ts');
  });
  it('recognises the EOP inputs by path, and the files it checks exist', () => {
    for (const f of [EPOCH_FILE, DEFAULT_TIME_DATA_FILE, EOP_DATA_FILE])
      expect(existsSync(f)).toBe(true);
    expect(isEopInput('src/data/eop.ts')).toBe(true);
    expect(isEopInput('src/time/defaultTimeData.ts')).toBe(true);
    expect(isEopInput('src/time/epoch.ts')).toBe(false);
  });
});
