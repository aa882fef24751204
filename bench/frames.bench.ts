/**
 * Benchmarks of the frames module, side by side with what users would otherwise use:
 *
 * - GCRF → ITRF for a batch of states (a week of 60 s steps): satellite.js's `gstime` +
 *   `eciToEcf` (a rotation by GMST of the date it is given, no UT1, no polar motion, no
 *   precession-nutation: the JavaScript baseline) against osmose's interpolated transform
 *   (IAU 2006/2000A with EOP), warm and cold, and TEME → ITRF for the like-for-like frame.
 * - The exact IAU 2006/2000A GCRS → ITRS transform per instant: ERFA's `eraC2t06a` in C (the
 *   reference implementation), the TypeScript kernel with the same arguments, and the public
 *   `frameTransform` from an Epoch.
 * - The accuracy of satellite.js and of osmose on Vallado's 2004-04-06 example, printed as
 *   notes under the first table.
 *
 * The sources under test are imported lazily, so the harness still runs (and says what it
 * skipped) while a module is being written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runErfaProgram } from './erfaBaseline';
import type { BenchCase, BenchGroup } from './harness';
import { importExport } from './importSource';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const VALLADO_FILE = `${ROOT_DIR}test/reference/vallado-frames/vallado_2004-04-06_example_3-14_3-15.json`;

/** States per batch: a week at 60 s steps. */
const BATCH_STATES = 10_000;
const BATCH_STEP_S = 60;
const BATCH_START_UTC = '2024-03-01T00:00:00';
/** Instants of the exact-transform group (as DATES in bench/erfa/c2t06a_bench.c). */
const EXACT_INSTANTS = 200;
const GEO_RADIUS_KM = 42164;
const GEO_SPEED_KM_S = 3.0747;
const RAD_PER_ARCSEC = Math.PI / 648000;
/** UT1 − TT and the pole used with eraC2t06a (identical in the C program). */
const UT1_MINUS_TT_DAYS = -64.184 / 86400;
const XP_RAD = 1e-6;
const YP_RAD = 2e-6;

// --- the code under test, loosely typed (imported lazily) -------------------------------------

type Vec3 = [number, number, number];
interface EpochInstance {
  plusSeconds(seconds: number): EpochInstance;
  toJd(scale: string): number;
  toJdParts(scale: string, options?: object): readonly [number, number];
}
interface EpochClass {
  fromIso(text: string, scale: string): EpochInstance;
  fromJd(jd1: number, jd2: number, scale: string): EpochInstance;
}
interface FrameTransformLike {
  readonly rotation: readonly number[];
  readonly rotationRate: readonly number[];
}
interface InterpolatedTransformLike {
  at(epoch: EpochInstance): FrameTransformLike;
  transformBatchInto(
    out: Float64Array,
    epochs: readonly EpochInstance[] | { start: EpochInstance; offsetsS: ArrayLike<number> },
    states: ArrayLike<number>,
  ): Float64Array;
}
type FrameTransformFn = (
  from: string,
  to: string,
  epoch: EpochInstance,
  options?: object,
) => FrameTransformLike;
type ApplyFn = (x: FrameTransformLike, r: Vec3, v: Vec3) => { positionKm: Vec3; velocityKmS: Vec3 };
type CreateFn = (from: string, to: string, options?: object) => InterpolatedTransformLike;
type C2tFn = (
  out: Float64Array,
  tt1: number,
  tt2: number,
  ut1: number,
  ut2: number,
  xp: number,
  yp: number,
) => Float64Array;
interface SatelliteJs {
  gstime(jdUt1: number): number;
  eciToEcf(
    p: { x: number; y: number; z: number },
    gmst: number,
  ): { x: number; y: number; z: number };
  ecfToEci(
    p: { x: number; y: number; z: number },
    gmst: number,
  ): { x: number; y: number; z: number };
}
interface TimeModule {
  Epoch: EpochClass;
  DEFAULT_TIME_DATA: { leapSeconds: unknown; eop: { withOptions(o: object): unknown } };
}

async function importSatelliteJs(): Promise<SatelliteJs | string> {
  try {
    return (await import('satellite.js')) as unknown as SatelliteJs;
  } catch (e) {
    return `satellite.js is not installed (${e instanceof Error ? e.message : String(e)})`;
  }
}

// --- inputs ------------------------------------------------------------------------------------

/** GEO-like states on a circle, 6 numbers each (km, km/s). */
function geoStates(count: number): Float64Array {
  const states = new Float64Array(6 * count);
  for (let i = 0; i < count; i++) {
    const a = 0.37 * i;
    states.set(
      [
        GEO_RADIUS_KM * Math.cos(a),
        GEO_RADIUS_KM * Math.sin(a),
        100 * Math.sin(3 * a),
        -GEO_SPEED_KM_S * Math.sin(a),
        GEO_SPEED_KM_S * Math.cos(a),
        0.001,
      ],
      6 * i,
    );
  }
  return states;
}

/**
 * TT dates of the exact group, identical to `make_dates` in bench/erfa/c2t06a_bench.c
 * (integer arithmetic, then one division), so that the checksums of C and TypeScript can be
 * compared.
 */
export function c2tDates(count: number): { jd1: Float64Array; jd2: Float64Array } {
  const jd1 = new Float64Array(count);
  const jd2 = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    jd1[i] = 2441317.5 + ((i * 7919) % 28490);
    jd2[i] = ((i * 104729) % 86400) / 86400;
  }
  return { jd1, jd2 };
}

// --- accuracy on Vallado's example -------------------------------------------------------------

interface ValladoState {
  r_km: Vec3;
  v_kms: Vec3;
}

/**
 * Position errors (m) on Vallado's 2004-04-06 example, ITRF → GCRF (Table 3-6, CIO chain with
 * dX, dY) and ITRF → TEME, for satellite.js (fed JD(UTC), as `gstime(date)` does, and JD(UT1))
 * and osmose (exact and interpolated, with Vallado's EOP values and with the bundled EOP).
 */
function valladoAccuracyNotes(
  sat: SatelliteJs | string,
  time: TimeModule | string,
  frameTransform: FrameTransformFn | string,
  apply: ApplyFn | string,
  create: CreateFn | string,
): string[] {
  if (!existsSync(VALLADO_FILE)) return [`accuracy: ${VALLADO_FILE} is missing`];
  const example = JSON.parse(readFileSync(VALLADO_FILE, 'utf8'));
  const e = example.epoch;
  const itrf: ValladoState = example.states.ITRF;
  const gcrf: ValladoState = example.states.GCRF_iau2006_cio_with_dX_dY;
  const teme: ValladoState = example.states.TEME;
  const errorM = (a: readonly number[], b: readonly number[]) =>
    1000 * Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
  const fmt = (m: number) => {
    if (m >= 1) return `${m.toFixed(1)} m`;
    if (m >= 0.01) return `${(m * 100).toFixed(1)} cm`;
    return `${(m * 1000).toPrecision(2)} mm`;
  };
  const notes: string[] = [];
  if (typeof sat !== 'string') {
    const r = { x: itrf.r_km[0], y: itrf.r_km[1], z: itrf.r_km[2] };
    for (const [label, jd] of [
      ['JD(UTC), as gstime(date)', e.jd_ut1 - e.dut1_s / 86400],
      ['JD(UT1)', e.jd_ut1],
    ] as const) {
      const p = sat.ecfToEci(r, sat.gstime(jd));
      const out = [p.x, p.y, p.z];
      notes.push(
        `Vallado 2004-04-06, satellite.js ecfToEci(ITRF r, gstime(${label})): ` +
          `${fmt(errorM(out, teme.r_km))} from TEME, ${fmt(errorM(out, gcrf.r_km))} from GCRF`,
      );
    }
  } else {
    notes.push(`accuracy of satellite.js: ${sat}`);
  }
  if (
    typeof time === 'string' ||
    typeof frameTransform === 'string' ||
    typeof apply === 'string' ||
    typeof create === 'string'
  ) {
    notes.push('accuracy of osmose: the frames module is not available');
    return notes;
  }
  const epoch = time.Epoch.fromIso(e.utc, 'UTC');
  const [utc1, utc2] = epoch.toJdParts('UTC');
  const valladoEop = {
    ut1MinusUtcS: (e.jd_ut1 - utc1 - utc2) * 86400,
    xpRad: e.xp_arcsec * RAD_PER_ARCSEC,
    ypRad: e.yp_arcsec * RAD_PER_ARCSEC,
    lodS: e.lod_s,
    dXRad: e.dX_2000_arcsec * RAD_PER_ARCSEC,
    dYRad: e.dY_2000_arcsec * RAD_PER_ARCSEC,
    dPsi1980Rad: e.ddpsi_1980_arcsec * RAD_PER_ARCSEC,
    dEps1980Rad: e.ddeps_1980_arcsec * RAD_PER_ARCSEC,
  };
  const runs: [string, object][] = [
    ["Vallado's EOP", { eop: valladoEop }],
    ['bundled EOP', { timeData: time.DEFAULT_TIME_DATA }],
  ];
  for (const [label, options] of runs) {
    const toGcrf = { ...options, velocity: 'earthRotation' };
    const toTeme = { ...toGcrf, itrfChain: 'FK5' };
    const exactG = apply(frameTransform('ITRF', 'GCRF', epoch, toGcrf), itrf.r_km, itrf.v_kms);
    const exactT = apply(frameTransform('ITRF', 'TEME', epoch, toTeme), itrf.r_km, itrf.v_kms);
    const fastG = apply(create('ITRF', 'GCRF', toGcrf).at(epoch), itrf.r_km, itrf.v_kms);
    const fastT = apply(create('ITRF', 'TEME', toTeme).at(epoch), itrf.r_km, itrf.v_kms);
    notes.push(
      `Vallado 2004-04-06, osmose with ${label}: ITRF → GCRF ${fmt(errorM(exactG.positionKm, gcrf.r_km))} ` +
        `exact, ${fmt(errorM(fastG.positionKm, gcrf.r_km))} interpolated; ITRF → TEME ` +
        `${fmt(errorM(exactT.positionKm, teme.r_km))} exact, ${fmt(errorM(fastT.positionKm, teme.r_km))} interpolated`,
    );
  }
  return notes;
}

// --- the groups --------------------------------------------------------------------------------

/** The benchmark groups of the frames module. */
export async function framesBenchGroups(): Promise<BenchGroup[]> {
  const sat = await importSatelliteJs();
  const time = (await import(pathToFileURL(`${ROOT_DIR}src/time/index.ts`).href).catch(
    (e: unknown) => `importing src/time failed: ${String(e)}`,
  )) as TimeModule | string;
  const frameTransform = await importExport<FrameTransformFn>(
    'src/frames/frameTransform.ts',
    'frameTransform',
  );
  const apply = await importExport<ApplyFn>(
    'src/frames/frameTransform.ts',
    'transformPositionVelocity',
  );
  const create = await importExport<CreateFn>(
    'src/frames/batch/interpolatedTransform.ts',
    'createInterpolatedTransform',
  );
  const c2t = await importExport<C2tFn>(
    'src/frames/iau2006/celestialToTerrestrial2006A.ts',
    'celestialToTerrestrial2006AInto',
  );

  // Results go to a module-level sink so that the engine cannot drop the calls as dead code.
  let sink: unknown;

  // --- batch group
  const states = geoStates(BATCH_STATES);
  const out = new Float64Array(6 * BATCH_STATES);
  const offsetsS = Float64Array.from({ length: BATCH_STATES }, (_, i) => i * BATCH_STEP_S);
  const skipTime = typeof time === 'string' ? time : null;
  const Epoch = typeof time === 'string' ? null : time.Epoch;
  const start = Epoch?.fromIso(BATCH_START_UTC, 'UTC');
  const epochs = start ? Array.from(offsetsS, (d) => start.plusSeconds(d)) : [];
  const timeData = typeof time === 'string' ? undefined : time.DEFAULT_TIME_DATA;
  const bundled = { timeData };

  const satCase: BenchCase =
    typeof sat === 'string'
      ? { name: 'satellite.js gstime + eciToEcf', external: async () => sat }
      : (() => {
          const positions = Array.from({ length: BATCH_STATES }, (_, i) => ({
            x: states[6 * i]!,
            y: states[6 * i + 1]!,
            z: states[6 * i + 2]!,
          }));
          const jd0 = start ? start.toJd('UTC') : 2460370.5;
          const jds = Float64Array.from(offsetsS, (d) => jd0 + d / 86400);
          return {
            name: 'satellite.js gstime(jd) + eciToEcf (position only, GMST of UTC)',
            fn: () => {
              for (let i = 0; i < BATCH_STATES; i++) {
                sink = sat.eciToEcf(positions[i]!, sat.gstime(jds[i]!));
              }
            },
          };
        })();

  const batchCases: BenchCase[] = [satCase];
  if (typeof create === 'string' || start === undefined) {
    batchCases.push({
      name: 'osmose interpolated batch',
      external: async () => (typeof create === 'string' ? create : (skipTime ?? 'no Epoch')),
    });
  } else {
    const warm = create('GCRF', 'ITRF', bundled);
    const warmTeme = create('TEME', 'ITRF', { ...bundled, itrfChain: 'FK5' });
    let cold = create('GCRF', 'ITRF', bundled);
    batchCases.push(
      {
        name: 'osmose GCRF → ITRF interpolated, start + offsets (memo warm)',
        fn: () => {
          sink = warm.transformBatchInto(out, { start, offsetsS }, states);
        },
      },
      {
        name: 'osmose GCRF → ITRF interpolated, start + offsets (fresh transform: nodes computed)',
        beforeEach: () => {
          cold = create('GCRF', 'ITRF', bundled);
        },
        fn: () => {
          sink = cold.transformBatchInto(out, { start, offsetsS }, states);
        },
      },
      {
        name: 'osmose GCRF → ITRF interpolated, one Epoch per state (memo warm)',
        fn: () => {
          sink = warm.transformBatchInto(out, epochs, states);
        },
      },
      {
        name: "osmose TEME → ITRF interpolated (itrfChain 'FK5'), start + offsets",
        fn: () => {
          sink = warmTeme.transformBatchInto(out, { start, offsetsS }, states);
        },
      },
    );
  }

  const batch: BenchGroup = {
    title: `GCRF → ITRF states, a batch of ${BATCH_STATES.toLocaleString('en-US')} at ${BATCH_STEP_S} s steps from ${BATCH_START_UTC} UTC (per state)`,
    itemsPerOp: BATCH_STATES,
    cases: batchCases,
    notes: () => [
      'satellite.js rotates the position only, by GMST82 of the Julian date it is given (users ' +
        'pass UTC), and calls it ECI → ECF; osmose transforms position and velocity with IAU ' +
        '2006/2000A, UT1, polar motion, dX/dY and LOD from the bundled EOP.',
      'interpolated rows: precession-nutation from 8 nodes 4 h apart (≈ 25 µs each, computed ' +
        'once per transform object); ERA, polar motion and the EOP per state.',
      ...valladoAccuracyNotes(sat, time, frameTransform, apply, create),
    ],
  };

  // --- exact group
  const dates = c2tDates(EXACT_INSTANTS);
  let erfaChecksum: number | undefined;
  let tsChecksum: number | undefined;
  const exactCases: BenchCase[] = [
    {
      name: 'ERFA eraC2t06a (matrix only)',
      external: async () => {
        const run = runErfaProgram({
          source: 'c2t06a_bench.c',
          args: ['3'],
          marker: 'erfa-c2t06a',
          timeoutMs: 120_000,
        });
        erfaChecksum = run.checksum;
        return run.figure;
      },
    },
  ];
  if (typeof c2t === 'string') {
    exactCases.push({ name: 'celestialToTerrestrial2006AInto', external: async () => c2t });
  } else {
    const m = new Float64Array(9);
    exactCases.push({
      name: 'osmose celestialToTerrestrial2006AInto (TS kernel, same arguments)',
      fn: () => {
        let acc = 0;
        for (let i = 0; i < EXACT_INSTANTS; i++) {
          const d1 = dates.jd1[i]!;
          const d2 = dates.jd2[i]!;
          c2t(m, d1, d2, d1, d2 + UT1_MINUS_TT_DAYS, XP_RAD, YP_RAD);
          acc += m[0]!;
        }
        tsChecksum = acc;
        sink = acc;
      },
    });
  }
  if (typeof frameTransform === 'string' || typeof apply === 'string' || Epoch === null) {
    exactCases.push({
      name: 'osmose frameTransform',
      external: async () => (typeof frameTransform === 'string' ? frameTransform : 'unavailable'),
    });
  } else if (typeof time !== 'string') {
    const hold = {
      timeData: {
        leapSeconds: time.DEFAULT_TIME_DATA.leapSeconds,
        eop: time.DEFAULT_TIME_DATA.eop.withOptions({ extrapolation: 'hold' }),
      },
    };
    const exactEpochs = Array.from(dates.jd1, (d1, i) => Epoch.fromJd(d1, dates.jd2[i]!, 'TT'));
    for (const velocity of ['earthRotation', 'full'] as const) {
      const options = { ...hold, velocity };
      exactCases.push({
        name: `osmose frameTransform('GCRF', 'ITRF', epoch) + apply, velocity '${velocity}'`,
        fn: () => {
          for (let i = 0; i < EXACT_INSTANTS; i++) {
            const x = frameTransform('GCRF', 'ITRF', exactEpochs[i]!, options);
            sink = apply(x, [GEO_RADIUS_KM, 0, 0], [0, GEO_SPEED_KM_S, 0]);
          }
        },
      });
    }
  }
  const exact: BenchGroup = {
    title: `GCRS → ITRS exact (IAU 2006/2000A), ${EXACT_INSTANTS} instants 1972–2050 (per instant)`,
    itemsPerOp: EXACT_INSTANTS,
    cases: exactCases,
    notes: () => [
      'eraC2t06a and celestialToTerrestrial2006AInto take the same TT and UT1 Julian dates and ' +
        'pole; frameTransform starts from an Epoch and reads the bundled EOP (UTC → TT, UT1, ' +
        "polar motion, dX/dY, LOD) and returns R and Ṙ; 'earthRotation' evaluates the series " +
        "once, 'full' three times (the precession-nutation rate by central differences).",
      erfaChecksum === undefined || tsChecksum === undefined
        ? 'checksum against ERFA: not available in this run'
        : `sum of the matrix element [0][0] over the ${EXACT_INSTANTS} instants: ERFA ` +
          `${erfaChecksum.toExponential(15)}, TypeScript ${tsChecksum.toExponential(15)} ` +
          `(difference ${Math.abs(erfaChecksum - tsChecksum).toExponential(2)})`,
    ],
  };
  void sink;
  return [batch, exact];
}
