/**
 * Benchmarks of the measurement models: RA/Dec evaluations with their partial derivatives
 * (∂h/∂x, 2×6, and ∂h/∂p, 2×3) per second, through the fast path `predictInto`, with the
 * corrections off and on, against the frames module's `observeRaDec` (the same value with
 * the exact frame transform per call and no partials). The target for the EKF is
 * ≥ 10 000 updates per second with the full force model, so a model evaluation should cost a
 * small fraction of 100 µs.
 */
import type { BenchCase, BenchGroup } from './harness';
import { importExport } from './importSource';

/** Measurements per tinybench iteration: a night of 0.5 s steps would be many more. */
const EVALUATIONS = 2000;
const STEP_S = 0.5;
/** A spread of epochs 5 min apart: every evaluation needs a new 60 s anchor of the site. */
const SPREAD_STEP_S = 300;

type Vec3 = [number, number, number];
interface EpochLike {
  plusSeconds(s: number): EpochLike;
}
interface ModelLike {
  predictInto(
    v: Float64Array,
    hx: Float64Array | undefined,
    hp: Float64Array | undefined,
    epoch: EpochLike,
    state: ArrayLike<number>,
    stateEpoch: EpochLike,
  ): number;
  predict(epoch: EpochLike, target: unknown): { values: readonly number[] };
}

/** The bench groups of the measurement models. */
export async function measurementsBenchGroups(): Promise<BenchGroup[]> {
  const time = await importExport<{ fromIso(t: string, s: string): EpochLike }>(
    'src/time/index.ts',
    'Epoch',
  );
  const frames = await import('../src/frames');
  const meas = await import('../src/od/measurements');
  if (typeof time === 'string')
    return [{ title: 'measurements', itemsPerOp: 1, cases: [], notes: [time] }];
  const Epoch = time;
  const [sensor] = meas.createExampleTelescopes();
  const site = sensor!.site;
  const t0 = Epoch.fromIso('2024-03-01T21:00:00', 'UTC');
  const epochs = Array.from({ length: EVALUATIONS }, (_, i) => t0.plusSeconds(i * STEP_S));
  const spread = Array.from({ length: EVALUATIONS }, (_, i) => t0.plusSeconds(i * SPREAD_STEP_S));
  // A GEO state (GCRF) seen from Calern; the EKF form passes it at the tag.
  const state = [-22000, 35980, 1200, -2.62, -1.6, 0.05];
  const earthVelocity = (): Vec3 => [-9.967, -26.017, -11.277];
  const v = new Float64Array(2);
  const hx = new Float64Array(12);
  const hp = new Float64Array(6);
  let sink = 0;
  const run = (model: ModelLike, list: readonly EpochLike[]) => () => {
    for (const e of list) sink += model.predictInto(v, hx, hp, e, state, e);
    return sink;
  };
  const model = (o: object) => meas.createRaDecModel(sensor!, o) as unknown as ModelLike;
  const target = {
    positionKm: state.slice(0, 3) as Vec3,
    velocityKmS: state.slice(3) as Vec3,
  };
  const cases: BenchCase[] = [
    {
      name: 'frames observeRaDec, light time + diurnal (exact transform per call, no partials)',
      fn: () => {
        for (const e of epochs) {
          sink += frames.observeRaDec(site, target, e as never, {
            lightTime: true,
            diurnalAberration: true,
          }).rightAscensionRad;
        }
        return sink;
      },
    },
    { name: 'predictInto, geometric', fn: run(model({ lightTime: false }), epochs) },
    { name: 'predictInto, light time', fn: run(model({ lightTime: true }), epochs) },
    {
      name: 'predictInto, light time + annual + diurnal aberration',
      fn: run(model({ diurnalAberration: true, annualAberration: earthVelocity }), epochs),
    },
    {
      name: 'predictInto, light time + aberration, EME2000',
      fn: run(
        model({ diurnalAberration: true, annualAberration: earthVelocity, axes: 'EME2000' }),
        epochs,
      ),
    },
    {
      // 2000 anchors cycle through a memo of 512: each evaluation computes its anchor (two
      // interpolated transforms); the precession-nutation nodes stay warm.
      name: 'predictInto, light time + aberration, epochs 5 min apart (new site anchor each)',
      fn: run(model({ diurnalAberration: true, annualAberration: earthVelocity }), spread),
    },
  ];
  return [
    {
      title: `RA/Dec measurement evaluations with partials (GEO from Calern), per evaluation (${EVALUATIONS} per iteration)`,
      itemsPerOp: EVALUATIONS,
      cases,
      notes: () => [
        'Partials: ∂(α, δ)/∂x (2×6) and ∂(α, δ)/∂(raBias, decBias, timeBias) (2×3) on every row but the first.',
        `(sink ${Number.isFinite(sink) ? 'finite' : 'NaN'})`,
      ],
    },
  ];
}
