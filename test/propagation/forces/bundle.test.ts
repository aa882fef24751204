/**
 * Tree-shaking guard: an application that uses the force models without the bundled gravity
 * field must not carry src/data/egm2008Degree20.ts; one that calls egm2008Degree20() must.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT_DIR = fileURLToPath(new URL('../../..', import.meta.url));

async function bundledInputs(entry: string): Promise<string[]> {
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
  return Object.values(result.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, use]) => use.bytesInOutput > 0)
      .map(([path]) => path),
  );
}

describe('the bundled EGM2008 20×20 is tree-shaken away when unused', () => {
  it('an application using point-mass and zonal gravity does not carry it', async () => {
    const inputs = await bundledInputs(
      "import { pointMassGravity, zonalGravity } from './src/propagation/forces';\nconsole.log(pointMassGravity(), zonalGravity());",
    );
    expect(inputs.some((p) => p.includes('pointMassGravity'))).toBe(true);
    expect(inputs.some((p) => p.includes('data/egm2008Degree20'))).toBe(false);
  });

  it('an application calling egm2008Degree20() carries it', async () => {
    const inputs = await bundledInputs(
      "import { egm2008Degree20 } from './src/propagation/forces';\nconsole.log(egm2008Degree20());",
    );
    expect(inputs.some((p) => p.includes('data/egm2008Degree20'))).toBe(true);
  });
});
