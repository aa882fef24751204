/**
 * Tree-shaking guard: an application that imports `Epoch` alone must not carry the bundled
 * Earth orientation table (src/data/eop.ts, several hundred kB), which only
 * `DEFAULT_TIME_DATA` needs. Bundles the TypeScript sources with esbuild, as a browser
 * application's bundler would, and inspects the metafile.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const EPOCH_FILE = `${ROOT_DIR}src/time/epoch.ts`;
const DEFAULT_TIME_DATA_FILE = `${ROOT_DIR}src/time/defaultTimeData.ts`;
const EOP_DATA_FILE = `${ROOT_DIR}src/data/eop.ts`;

/** Metafile inputs (paths relative to the repository root) that belong to the EOP data. */
function isEopInput(path: string): boolean {
  return /^src\/data\/eop/.test(path) || /eop\.ts$/.test(path) || /defaultTimeData/.test(path);
}

interface BundleReport {
  readonly inputs: readonly string[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Bundles `entry` (TypeScript source, resolved from the repository root) for the browser. */
async function bundle(entry: string): Promise<BundleReport> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT_DIR, sourcefile: 'entry.ts', loader: 'ts' },
    absWorkingDir: ROOT_DIR,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    minify: true,
    treeShaking: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const metafile: Metafile = result.metafile;
  // metafile.inputs lists every file esbuild read, including those tree shaking dropped
  // whole; what reaches the bundle is an output's inputs with bytes in it.
  const contributing = Object.values(metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, use]) => use.bytesInOutput > 0)
      .map(([path]) => path),
  );
  return {
    inputs: contributing,
    bytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
  };
}

function formatSize(report: BundleReport): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  return `${kb(report.bytes)} minified, ${kb(report.gzipBytes)} gzipped, ${report.inputs.length} inputs`;
}

describe('bundle size', () => {
  it('an application importing only Epoch does not bundle the EOP table', async () => {
    const report = await bundle(
      "import { Epoch } from './src/time/index.ts';\nconsole.log(Epoch);\n",
    );
    console.info(`bundle of { Epoch } from src/time: ${formatSize(report)}`);
    expect(report.inputs).toContain('src/time/epoch.ts');
    expect(report.inputs.filter(isEopInput)).toEqual([]);
  });

  it('an application importing DEFAULT_TIME_DATA does bundle the EOP table', async () => {
    const report = await bundle(
      "import { DEFAULT_TIME_DATA } from './src/time/index.ts';\nconsole.log(DEFAULT_TIME_DATA);\n",
    );
    console.info(`bundle of { DEFAULT_TIME_DATA } from src/time: ${formatSize(report)}`);
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
