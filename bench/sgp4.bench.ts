/**
 * SGP4 throughput side by side with satellite.js 7.1.0 on the peers' workload (21 element
 * sets × 47,620 times over a day, see sgp4Workload.ts), split as in the issue: all 21,
 * the 6 near-Earth sets and the 15 deep-space sets. Cases:
 *
 * - satellite.js `sgp4(satrec, tsince)` in a loop (the baseline);
 * - osmose `propagateSgp4Batch` into preallocated arrays;
 * - osmose `propagateSgp4` one call at a time (the convenience API, allocating).
 *
 * A note under each table gives the largest position difference from satellite.js.
 */
import type { BenchGroup } from './harness';
import { importExport } from './importSource';
import { sgp4ParallelGroup } from './sgp4Parallel';
import { workloadTimesMin, workloadTles } from './sgp4Workload';

type Vec = { x: number; y: number; z: number };
type SatjsSgp4 = (satrec: unknown, t: number) => { position: Vec | boolean } | null | boolean;

interface Sgp4Api {
  parseTle(lines: readonly string[], options?: object): unknown;
  Sgp4Satellite: { fromTle(elements: unknown): unknown };
  createSgp4Catalogue(sats: readonly unknown[]): unknown;
  createSgp4BatchOutput(
    s: number,
    t: number,
  ): { xKm: Float64Array; yKm: Float64Array; zKm: Float64Array };
  propagateSgp4Batch(cat: unknown, times: { tsinceMin: Float64Array }, out: unknown): unknown;
  propagateSgp4(sat: unknown, t: number): { positionKm: readonly number[] };
}

const SUBSETS = [
  { label: 'all 21', pick: () => true },
  { label: 'near-Earth 6', pick: (deep: boolean) => !deep },
  { label: 'deep-space 15', pick: (deep: boolean) => deep },
] as const;

export async function sgp4BenchGroups(): Promise<BenchGroup[]> {
  const satjs = (await import('satellite.js')) as unknown as {
    twoline2satrec(l1: string, l2: string): unknown;
    sgp4: SatjsSgp4;
  };
  const api: Record<string, unknown> = {};
  for (const name of [
    'parseTle',
    'Sgp4Satellite',
    'createSgp4Catalogue',
    'createSgp4BatchOutput',
    'propagateSgp4Batch',
    'propagateSgp4',
  ]) {
    const v = await importExport('src/propagation/sgp4/index.ts', name);
    if (typeof v === 'string') {
      return [{ title: 'SGP4', itemsPerOp: 1, cases: [], notes: [v] }];
    }
    api[name] = v;
  }
  const o = api as unknown as Sgp4Api;
  const times = workloadTimesMin();
  const groups: BenchGroup[] = [];
  for (const subset of SUBSETS) {
    const tles = workloadTles().filter((t) => subset.pick(t.deep));
    const satrecs = tles.map((t) => satjs.twoline2satrec(t.lines[0], t.lines[1]));
    const sats = tles.map((t) =>
      o.Sgp4Satellite.fromTle(o.parseTle(t.lines, { checksum: 'lenient' })),
    );
    const catalogue = o.createSgp4Catalogue(sats);
    const out = o.createSgp4BatchOutput(sats.length, times.length);
    const tsince = { tsinceMin: times };
    let sink = 0;
    groups.push({
      title: `SGP4, ${subset.label} element sets × ${times.length.toLocaleString('en-US')} times, per propagation`,
      itemsPerOp: tles.length * times.length,
      cases: [
        {
          name: 'satellite.js 7.1.0 sgp4()',
          fn: () => {
            for (const rec of satrecs) {
              for (let j = 0; j < times.length; j++) {
                const r = satjs.sgp4(rec, times[j]!);
                if (r && typeof r === 'object' && typeof r.position === 'object')
                  sink += r.position.x;
              }
            }
            return sink;
          },
        },
        {
          name: 'osmose propagateSgp4Batch',
          fn: () => o.propagateSgp4Batch(catalogue, tsince, out),
        },
        {
          name: 'osmose propagateSgp4 (one call per sample)',
          fn: () => {
            for (const sat of sats) {
              for (let j = 0; j < times.length; j++)
                sink += o.propagateSgp4(sat, times[j]!).positionKm[0]!;
            }
            return sink;
          },
        },
      ],
      notes: () => {
        o.propagateSgp4Batch(catalogue, tsince, out);
        let worst = 0;
        satrecs.forEach((rec, s) => {
          for (let j = 0; j < times.length; j += 7) {
            const r = satjs.sgp4(rec, times[j]!);
            if (!r || typeof r !== 'object' || typeof r.position !== 'object') continue;
            const i = s * times.length + j;
            worst = Math.max(
              worst,
              Math.abs(r.position.x - out.xKm[i]!),
              Math.abs(r.position.y - out.yKm[i]!),
              Math.abs(r.position.z - out.zKm[i]!),
            );
          }
        });
        return [
          `max |Δr| osmose batch − satellite.js (every 7th time): ${worst.toExponential(2)} km`,
        ];
      },
    });
  }
  groups.push(await sgp4ParallelGroup());
  return groups;
}
