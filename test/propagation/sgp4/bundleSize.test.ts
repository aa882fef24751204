/**
 * Bundle budget of the issue: an application that imports only TLE parsing and SGP4 carries
 * at most 25 KB of minified code (satellite.js: about 20 KB). Bundled from the sources with
 * esbuild as a browser application's bundler would, in the manner of test/bundle-size.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { bundle } from '../../helpers/bundle';

/** The budget, bytes of minified code. */
const BUDGET_BYTES = 25 * 1024;

describe('bundle size of TLE parsing + SGP4', () => {
  it('parseTle, Sgp4Satellite and propagateSgp4 fit in 25 KB minified, without ml-matrix or EOP', async () => {
    const report = await bundle(
      "import { parseTle, propagateSgp4, Sgp4Satellite } from './src/propagation/sgp4/index.ts';\n" +
        'console.log(propagateSgp4(Sgp4Satellite.fromTle(parseTle(process.argv.slice(2))), 0));\n',
    );
    console.info(
      `parseTle + SGP4: ${(report.bytes / 1024).toFixed(1)} KB minified, ${(report.gzipBytes / 1024).toFixed(1)} KB gzipped`,
    );
    expect(report.inputs).toContain('src/propagation/sgp4/internal/deepSpace.ts');
    expect(report.inputs.filter((p) => /ml-matrix|src\/data\/eop/.test(p))).toEqual([]);
    expect(report.bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
