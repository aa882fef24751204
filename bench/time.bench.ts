/**
 * Benchmarks of the time module, side by side with the baselines users would otherwise use:
 *
 * - ISO 8601 parsing: `Date.parse` (milliseconds, no leap seconds) against `Epoch.fromIso`
 *   (nanoseconds, UTC with leap seconds) over the same 10 000 instants.
 * - UTC → TDB: ERFA's `eraDtdb` in C (the reference implementation), the TypeScript series
 *   `tdbMinusTtS` called directly, and the whole public path `epoch.toJdParts('TDB')`.
 *
 * The sources under test are imported lazily, so the harness still runs (and says what it
 * skipped) while a module is being written.
 */
import { runErfaProgram } from './erfaBaseline';
import type { BenchGroup } from './harness';
import { importExport } from './importSource';

/** Inputs per group: 10 000 instants between 1972 and 2050. */
const ITEMS = 10_000;

// --- inputs ------------------------------------------------------------------------------------

/** mulberry32: a small deterministic PRNG, so every run parses the same strings. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The same instants as ISO text: nanoseconds for Epoch, milliseconds (with Z) for Date. */
export function isoInputs(count: number): { epochIso: string[]; dateIso: string[] } {
  const rand = prng(20_260_101);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const epochIso: string[] = [];
  const dateIso: string[] = [];
  for (let k = 0; k < count; k++) {
    const year = int(1972, 2050);
    const month = int(1, 12);
    // Day 1–28 is valid in every month; 23:59:60 is left out as Date.parse rejects it.
    const day = int(1, 28);
    const stem = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}`;
    const ns = int(0, 999_999_999);
    epochIso.push(`${stem}.${pad(ns, 9)}`);
    dateIso.push(`${stem}.${pad(Math.floor(ns / 1e6), 3)}Z`);
  }
  return { epochIso, dateIso };
}

/**
 * Dates of the TDB−TT series, identical to `make_dates` in bench/erfa/dtdb_bench.c (integer
 * arithmetic, then one division), so the checksums of C and TypeScript can be compared.
 */
export function dtdbDates(count: number): { jd1: Float64Array; jd2: Float64Array } {
  const jd1 = new Float64Array(count);
  const jd2 = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    jd1[i] = 2441317.5 + ((i * 7919) % 28490);
    jd2[i] = ((i * 104729) % 86400) / 86400;
  }
  return { jd1, jd2 };
}

// --- lazy imports of the code under test -------------------------------------------------------

interface EpochInstance {
  toJdParts(scale: string): unknown;
}
interface EpochClass {
  fromIso(text: string, scale: string): EpochInstance;
}
type TdbMinusTt = (
  jd1: number,
  jd2: number,
  ut: number,
  elong: number,
  u: number,
  v: number,
) => number;

// --- the groups --------------------------------------------------------------------------------

/** The benchmark groups of the time module. */
export async function timeBenchGroups(): Promise<BenchGroup[]> {
  const { epochIso, dateIso } = isoInputs(ITEMS);
  const Epoch = await importExport<EpochClass>('src/time/epoch.ts', 'Epoch');
  const tdbMinusTtS = await importExport<TdbMinusTt>('src/time/internal/dtdb.ts', 'tdbMinusTtS');

  // Results go to a module-level sink so that the engine cannot drop the calls as dead code.
  let sink: unknown;

  let epochSkip = typeof Epoch === 'string' ? Epoch : null;
  if (typeof Epoch !== 'string' && epochIso[0] !== undefined) {
    try {
      Epoch.fromIso(epochIso[0], 'UTC').toJdParts('TDB');
    } catch (e) {
      epochSkip = `Epoch.fromIso/toJdParts threw on ${epochIso[0]}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const epochApi = epochSkip === null && typeof Epoch !== 'string' ? Epoch : null;

  const parsing: BenchGroup = {
    title: `ISO 8601 parsing, ${ITEMS.toLocaleString('en-US')} instants 1972–2050 (per string)`,
    itemsPerOp: ITEMS,
    cases: [
      {
        name: 'Date.parse (ms, …Z)',
        fn: () => {
          for (let k = 0; k < ITEMS; k++) sink = Date.parse(dateIso[k] as string);
        },
      },
      epochApi
        ? {
            name: "Epoch.fromIso(s, 'UTC') (ns)",
            fn: () => {
              for (let k = 0; k < ITEMS; k++) sink = epochApi.fromIso(epochIso[k] as string, 'UTC');
            },
          }
        : { name: 'Epoch.fromIso', external: async () => epochSkip ?? 'unavailable' },
    ],
    notes: [
      'Date.parse reads milliseconds with a Z suffix; Epoch.fromIso reads 9 fractional digits ' +
        'and resolves leap seconds, so it does more work per string.',
    ],
  };

  const dates = dtdbDates(ITEMS);
  let erfaChecksum: number | undefined;
  let tsChecksum: number | undefined;
  let epochs: EpochInstance[] = [];
  const buildEpochs = () => {
    if (epochApi) epochs = epochIso.map((s) => epochApi.fromIso(s, 'UTC'));
  };

  const tdb: BenchGroup = {
    title: `UTC → TDB, ${ITEMS.toLocaleString('en-US')} instants 1972–2050 (per instant)`,
    itemsPerOp: ITEMS,
    cases: [
      {
        name: 'ERFA eraDtdb',
        external: async () => {
          const run = runErfaProgram({
            source: 'dtdb_bench.c',
            args: ['1'],
            marker: 'erfa-dtdb',
            timeoutMs: 60_000,
          });
          erfaChecksum = run.checksum;
          return run.figure;
        },
      },
      typeof tdbMinusTtS === 'string'
        ? { name: 'tdbMinusTtS', external: async () => tdbMinusTtS }
        : {
            name: 'tdbMinusTtS (TS series, direct)',
            fn: () => {
              let acc = 0;
              for (let i = 0; i < ITEMS; i++) {
                const d2 = dates.jd2[i] as number;
                acc += tdbMinusTtS(dates.jd1[i] as number, d2, d2, 0, 0, 0);
              }
              tsChecksum = acc;
              sink = acc;
            },
          },
      epochApi
        ? {
            name: "epoch.toJdParts('TDB') on UTC epochs",
            // Fresh epochs before each iteration (untimed), so no memoized value is reused.
            beforeEach: buildEpochs,
            fn: () => {
              for (const e of epochs) sink = e.toJdParts('TDB');
            },
          }
        : { name: "epoch.toJdParts('TDB')", external: async () => epochSkip ?? 'unavailable' },
    ],
    notes: () => [
      'eraDtdb and tdbMinusTtS get the same dates (TT JD split in two, UT1 fraction = TT ' +
        'fraction, geocentric observer); the Epoch row also converts UTC → TAI → TT.',
      erfaChecksum === undefined || tsChecksum === undefined
        ? 'checksum against ERFA: not available in this run'
        : `sum of TDB−TT over the ${ITEMS} dates: ERFA ${erfaChecksum.toExponential(12)} s, ` +
          `TypeScript ${tsChecksum.toExponential(12)} s ` +
          `(difference ${Math.abs(erfaChecksum - tsChecksum).toExponential(2)} s)`,
    ],
  };
  void sink;
  return [parsing, tdb];
}
