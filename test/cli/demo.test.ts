import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOpm, stateFromOpm } from '../../src/ccsds';
import { runCli } from '../../src/cli/main';
import { chiSquareQuantile, invertSpdInto } from '../../src/math';
import {
  egm2008Degree20,
  lowPrecisionMoon,
  lowPrecisionSun,
  propagateNumerical,
  solarRadiationPressure,
  sphericalHarmonicGravity,
  thirdBodyGravity,
} from '../../src/propagation';
import { StateVector } from '../../src/state';
import { Epoch } from '../../src/time';

/**
 * `npm run demo` is `osmose od` on examples/data (README quick start). This runs the same
 * command line and checks the fit against the dataset's truth: issue 9's acceptance bounds for
 * the two-night GEO case, post-fit RMS within ±10 % of the 1″ noise, position error at epoch
 * below 200 m and within 3σ of the formal covariance.
 */
const NOISE_ARCSEC = 1;
const RMS_TOLERANCE = 0.1;
const POSITION_BOUND_KM = 0.2;
/**
 * "Within 3σ" for a 3-D error: the Mahalanobis distance below the radius that holds the same
 * 99.73 % probability as ±3σ in one dimension, √χ²₃(0.9973) ≈ 3.76.
 */
const MAHALANOBIS_BOUND = Math.sqrt(chiSquareQuantile(0.9973, 3));

const dir = mkdtempSync(join(tmpdir(), 'osmose-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run demo (osmose od on examples/data)', () => {
  it('converges from IOD to within 200 m and 3σ of the truth, with the RMS at the noise level', () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCli(
      [
        'od',
        'examples/data/geo-two-nights.tdm',
        '--sites',
        'examples/data/sites.json',
        '--out',
        dir,
      ],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    expect(code, [...out, ...err].join('\n')).toBe(0);
    const rms = Number(/post-fit ([\d.]+)″/.exec(out.join('\n'))?.[1]);
    expect(Math.abs(rms - NOISE_ARCSEC)).toBeLessThanOrEqual(RMS_TOLERANCE * NOISE_ARCSEC);

    const truthJson = JSON.parse(readFileSync('examples/data/geo-two-nights.truth.json', 'utf8'));
    const truth0 = StateVector.create({
      epoch: Epoch.fromIso(truthJson.epochUtc, 'UTC'),
      frame: 'GCRF',
      positionKm: truthJson.positionKm,
      velocityKmS: truthJson.velocityKmS,
    });
    const fit = stateFromOpm(
      parseOpm(readFileSync(join(dir, `${truthJson.objectId}.opm`), 'utf8')),
    );
    const sun = lowPrecisionSun();
    const moon = lowPrecisionMoon();
    const run = propagateNumerical({
      initialState: truth0,
      endEpoch: fit.state.epoch,
      forces: [
        sphericalHarmonicGravity({ field: egm2008Degree20(), degree: 8, order: 8 }),
        thirdBodyGravity(sun),
        thirdBodyGravity(moon),
        solarRadiationPressure({ cr: 1.3, areaToMassM2Kg: 0.02, sun, moon }),
      ],
      relTol: 1e-12,
    });
    expect(run.status).toBe('ok');
    const truth = run.ephemeris!.stateAt(fit.state.epoch);
    const d = [0, 1, 2].map((i) => fit.state.positionKm[i]! - truth.positionKm[i]!);
    const errorKm = Math.hypot(d[0]!, d[1]!, d[2]!);
    // Mahalanobis distance of the position error under the formal 3×3 covariance.
    const covInverse = new Float64Array(9);
    expect(
      invertSpdInto(
        covInverse,
        fit
          .covariance!.toArray()
          .slice(0, 3)
          .flatMap((row) => row.slice(0, 3)),
        3,
      ),
    ).toBe(true);
    const w = [0, 1, 2].map((i) =>
      [0, 1, 2].reduce((s, j) => s + covInverse[3 * i + j]! * d[j]!, 0),
    );
    const mahalanobis = Math.sqrt(d.reduce((s, v, i) => s + v * w[i]!, 0));
    console.info(
      `demo: RMS ${rms}″, position error ${(errorKm * 1000).toFixed(1)} m, ${mahalanobis.toFixed(2)} σ (Mahalanobis)`,
    );
    expect(errorKm).toBeLessThan(POSITION_BOUND_KM);
    expect(mahalanobis).toBeLessThan(MAHALANOBIS_BOUND);
  });
});
