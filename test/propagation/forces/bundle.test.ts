/**
 * Tree-shaking guard: an application that uses the force models without the bundled gravity
 * field must not carry src/data/egm2008Degree20.ts; one that calls egm2008Degree20() must.
 */
import { describe, expect, it } from 'vitest';
import { bundle } from '../../helpers/bundle';

/** Inputs (paths relative to the repository root) that reach the bundle of `entry`. */
async function bundledInputs(entry: string): Promise<readonly string[]> {
  return (await bundle(entry)).inputs;
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
