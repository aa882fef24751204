/**
 * A small layer over tinybench: a group of cases measured side by side, printed as one table
 * with throughput, mean time and the ratio to the group's baseline.
 *
 * A case either runs in this process (`fn`, timed by tinybench) or supplies an external figure
 * (`external`, e.g. the ERFA C baseline), which is printed with its label but not re-timed.
 */
import { Bench } from 'tinybench';

/** One measured case of a group. */
export interface BenchCase {
  /** Row label. */
  readonly name: string;
  /** Work of one tinybench iteration; it must process `itemsPerOp` items. */
  readonly fn?: () => unknown;
  /** Untimed preparation before each iteration (e.g. rebuilding inputs to defeat memoization). */
  readonly beforeEach?: () => void;
  /** A figure measured elsewhere, in ns per item, with where it comes from. */
  readonly external?: () => Promise<ExternalFigure | string>;
}

/** A figure measured outside tinybench. */
export interface ExternalFigure {
  readonly nsPerItem: number;
  /** Shown after the name, e.g. 'C, cc -O2, best of 5' or 'recorded in docs/performance.md'. */
  readonly label: string;
}

/** A group of cases sharing one baseline (the first case). */
export interface BenchGroup {
  readonly title: string;
  /** Items processed by one call of each case's `fn` (results are reported per item). */
  readonly itemsPerOp: number;
  readonly cases: readonly BenchCase[];
  /** Lines printed under the table; a function is called after the cases have run. */
  readonly notes?: readonly string[] | (() => readonly string[]);
}

/** One row of a printed table. */
export interface BenchRow {
  readonly name: string;
  readonly itemsPerS: number;
  readonly nsPerItem: number;
  readonly rmePercent: number | undefined;
  readonly ratio: number;
}

/** Options of {@link runGroup}. */
export interface RunOptions {
  /** Time budget per case, ms. */
  readonly timeMs: number;
  /** Warm-up budget per case, ms. */
  readonly warmupMs: number;
}

async function measure(c: BenchCase, group: BenchGroup, options: RunOptions) {
  if (c.external) {
    const figure = await c.external();
    if (typeof figure === 'string') return { skipped: figure };
    return {
      name: `${c.name} (${figure.label})`,
      nsPerItem: figure.nsPerItem,
      rmePercent: undefined,
    };
  }
  if (!c.fn) return { skipped: 'no function to run' };
  const bench = new Bench({
    time: options.timeMs,
    warmupTime: options.warmupMs,
    iterations: 5,
    warmupIterations: 2,
    throws: true,
  });
  bench.add(c.name, c.fn, c.beforeEach ? { beforeEach: c.beforeEach } : {});
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (!result || !('latency' in result)) return { skipped: `no result (${result?.state})` };
  return {
    name: c.name,
    nsPerItem: (result.latency.mean * 1e6) / group.itemsPerOp,
    rmePercent: result.latency.rme,
  };
}

function fmt(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(digits);
}

/** Runs a group and returns its rows; prints the table as it goes. */
export async function runGroup(group: BenchGroup, options: RunOptions): Promise<BenchRow[]> {
  console.log(`\n## ${group.title}\n`);
  const rows: BenchRow[] = [];
  let baselineNs: number | undefined;
  for (const c of group.cases) {
    const m = await measure(c, group, options);
    if ('skipped' in m) {
      console.log(`  (${c.name}: skipped, ${m.skipped})`);
      continue;
    }
    baselineNs ??= m.nsPerItem;
    rows.push({
      name: m.name,
      itemsPerS: 1e9 / m.nsPerItem,
      nsPerItem: m.nsPerItem,
      rmePercent: m.rmePercent,
      ratio: m.nsPerItem / baselineNs,
    });
  }
  console.log(formatTable(rows));
  const notes = typeof group.notes === 'function' ? group.notes() : (group.notes ?? []);
  for (const note of notes) console.log(`  note: ${note}`);
  return rows;
}

/** A Markdown table: case, ops/s, mean ns, ±rme, time relative to the first row. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['case', 'ops/s', 'mean (ns)', '± rme', 'time ÷ baseline'];
  const body = rows.map((r) => [
    r.name,
    fmt(r.itemsPerS),
    fmt(r.nsPerItem),
    r.rmePercent === undefined ? '—' : `${r.rmePercent.toFixed(1)} %`,
    `${r.ratio.toFixed(2)}×`,
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((b) => (b[k] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, k) => (k === 0 ? c.padEnd(widths[k] ?? 0) : c.padStart(widths[k] ?? 0))).join(' | ')} |`;
  // Separator row as Biome's Markdown formatter writes it, so pasted tables pass `npm run lint`.
  const rule = line(widths.map((w, k) => (k === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)));
  return [line(header), rule, ...body.map(line)].join('\n');
}
