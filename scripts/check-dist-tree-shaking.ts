/**
 * Tree-shaking check of the published build (run after `npm run build`): an application that
 * imports only `Epoch`, from either entry and either subpath, must not carry the bundled EOP
 * table, while one that imports `DEFAULT_TIME_DATA` must. The unit test
 * test/bundle-size.test.ts checks the same on the sources; this checks what npm ships, where
 * all modules share one chunk and only statement-level purity lets a bundler drop the data.
 *
 * Run: npx tsx scripts/check-dist-tree-shaking.ts
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
/** A string that appears in the bundled EOP data and nowhere else. */
const EOP_MARKER = 'finals2000A.all (IERS Bulletin A';

async function bundleSize(entry: string): Promise<{ bytes: number; hasEop: boolean }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    // Resolve dependencies (saxes) as a browser application's bundler would; 'neutral' sets no
    // main fields of its own.
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { bytes: code.length, hasEop: code.includes(EOP_MARKER) };
}

if (!existsSync(`${root}dist/index.js`)) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

const cases = [
  {
    what: '{ Epoch } from osmose/time',
    entry: "import { Epoch } from './dist/time/index.js'; console.log(Epoch);",
    eop: false,
  },
  {
    what: '{ Epoch } from osmose',
    entry: "import { Epoch } from './dist/index.js'; console.log(Epoch);",
    eop: false,
  },
  {
    what: '{ DEFAULT_TIME_DATA } from osmose/time',
    entry:
      "import { DEFAULT_TIME_DATA } from './dist/time/index.js'; console.log(DEFAULT_TIME_DATA);",
    eop: true,
  },
];
let failed = 0;
for (const c of cases) {
  const { bytes, hasEop } = await bundleSize(c.entry);
  const ok = hasEop === c.eop;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${c.what}: ${(bytes / 1024).toFixed(1)} kB minified, EOP table ${hasEop ? 'included' : 'absent'}${ok ? '' : ` (expected ${c.eop ? 'included' : 'absent'})`}`,
  );
}
process.exit(failed === 0 ? 0 : 1);
