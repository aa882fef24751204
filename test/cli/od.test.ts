import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseOem, parseOpm, stateFromOpm, writeTdm } from '../../src/ccsds';
import { runCli } from '../../src/cli/main';
import { measurementsToTdm } from '../../src/od/tdm';
import { geoScenario, truthAt } from '../od/batch/geoScenario';

/** Issue 9's bound on the position error at epoch for the two-night GEO case, km. */
const POSITION_BOUND_KM = 0.2;
/** OEM epochs are written with 9 decimals of a second: 0.5 ns of rounding, 1 ns allowed. */
const OEM_EPOCH_TOL_S = 1e-9;

const dir = mkdtempSync(join(tmpdir(), 'osmose-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('osmose od', () => {
  const scenario = geoScenario({ seed: 3 });
  const tdmPath = join(dir, 'geo.tdm');
  const sitesPath = join(dir, 'sites.json');
  writeFileSync(
    tdmPath,
    writeTdm(measurementsToTdm({ measurements: scenario.measurements, objectId: '2024-999A' })),
  );
  writeFileSync(
    sitesPath,
    JSON.stringify({
      sensors: scenario.sensors.map((s) => ({
        id: s.id,
        latitudeDeg: (s.site.latitudeRad * 180) / Math.PI,
        longitudeDeg: (s.site.longitudeRad * 180) / Math.PI,
        heightKm: s.site.heightKm,
        sigmaArcsec: (s.angleSigmaRad! * 648000) / Math.PI,
      })),
    }),
  );

  it('fits the two-night GEO case from IOD, prints the summary and writes OPM, OEM and residual reports', () => {
    const out = join(dir, 'out');
    const r = run(['od', tdmPath, '--sites', sitesPath, '--out', out]);
    expect(r.code, [...r.out, ...r.err].join('\n')).toBe(0);
    const text = r.out.join('\n');
    expect(text).toMatch(/batch least squares converged/);
    expect(text).toMatch(/post-fit \d+\.\d{3}″/);
    expect(text).toMatch(/1σ position R\/T\/N/);
    expect(r.err.some((l) => /^IOD: /.test(l))).toBe(true);
    expect(r.err.some((l) => /^iteration 1: /.test(l))).toBe(true);
    const opm = stateFromOpm(parseOpm(readFileSync(join(out, '2024-999A.opm'), 'utf8')));
    expect(opm.covariance?.dim).toBe(6);
    const truth = truthAt(scenario, opm.state.epoch);
    expect(opm.state.distanceKm(truth)).toBeLessThan(POSITION_BOUND_KM);
    const oem = parseOem(readFileSync(join(out, '2024-999A.oem'), 'utf8'));
    const states = oem.segments[0]!.states;
    expect(states.length).toBeGreaterThan(10);
    // The OEM starts at the first measurement; its epochs are written to the nanosecond.
    expect(
      Math.abs(states[0]!.epoch.secondsSince(scenario.measurements[0]!.epoch)),
    ).toBeLessThanOrEqual(OEM_EPOCH_TOL_S);
    const svg = readFileSync(join(out, '2024-999A-residuals.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]*>/);
    // An accessible name for the figure, as the SVG rules ask.
    expect(svg).toMatch(/^<svg[^>]*>\n<title>2024-999A: post-fit residuals, RMS [\d.]+″<\/title>/);
    expect(readFileSync(join(out, '2024-999A-residuals.txt'), 'utf8')).toMatch(/edited/);
  });

  it('reports usage errors with exit code 2 and names what is missing', () => {
    const noSites = run(['od', tdmPath]);
    expect(noSites.code).toBe(2);
    expect(noSites.err.join('\n')).toMatch(/--sites/);
    const unknown = run(['od', tdmPath, '--sites', sitesPath, '--bogus', '1']);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toMatch(/unknown option --bogus/);
    const missing = run(['od', join(dir, 'nope.tdm'), '--sites', sitesPath]);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(/nope\.tdm: no such file/);
    expect(run(['frobnicate']).code).toBe(2);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });

  it('rejects a sensor catalogue entry without its σ, naming the entry and the field', () => {
    const bad = join(dir, 'bad-sites.json');
    writeFileSync(bad, JSON.stringify([{ id: 'X', latitudeDeg: 1, longitudeDeg: 2, heightKm: 0 }]));
    const r = run(['od', tdmPath, '--sites', bad]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/sensors\[0\]\.sigmaArcsec/);
  });
});
