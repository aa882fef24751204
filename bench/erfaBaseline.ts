/**
 * The ERFA C baselines of the benchmarks: compile a program of bench/erfa/ against Debian's
 * liberfa, run it, and read its `ns_per_call` and `checksum` lines; where `cc` or liberfa is
 * missing, fall back on the figure recorded in docs/performance.md under a marker comment.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExternalFigure } from './harness';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const PERFORMANCE_DOC = `${ROOT_DIR}docs/performance.md`;
const BUILD_DIR = `${ROOT_DIR}.bench-tmp`;

/** What one ERFA program gave: its figure (or why there is none) and its checksum. */
export interface ErfaRun {
  readonly figure: ExternalFigure | string;
  readonly checksum?: number;
}

/** One ERFA benchmark program. */
export interface ErfaProgram {
  /** File name under bench/erfa/, e.g. `dtdb_bench.c`. */
  readonly source: string;
  /** Its command-line arguments. */
  readonly args: readonly string[];
  /** Marker in docs/performance.md holding the last recorded figure, e.g. `erfa-dtdb`. */
  readonly marker: string;
  /** Time limit of one run, ms. */
  readonly timeoutMs: number;
}

function commandExists(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Compiles and runs an ERFA program, or falls back on its recorded figure. */
export function runErfaProgram(program: ErfaProgram): ErfaRun {
  const exe = `${BUILD_DIR}/${program.source.replace(/\.c$/, '')}`;
  const why = buildReason(`${ROOT_DIR}bench/erfa/${program.source}`, exe);
  if (why === null) {
    const out = spawnSync(exe, [...program.args], { encoding: 'utf8', timeout: program.timeoutMs });
    const ns = /ns_per_call\s+([0-9.eE+-]+)/.exec(out.stdout ?? '');
    const sum = /checksum\s+([0-9.eE+-]+)/.exec(out.stdout ?? '');
    if (out.status === 0 && ns?.[1] && sum?.[1]) {
      return {
        figure: { nsPerItem: Number(ns[1]), label: 'C, cc -O2, liberfa, best of 5 passes' },
        checksum: Number(sum[1]),
      };
    }
    console.log(`  ERFA baseline failed to run: ${out.stderr || out.error?.message}`);
  } else {
    console.log(`  ERFA baseline unavailable here (${why}); using the recorded figure.`);
  }
  const doc = existsSync(PERFORMANCE_DOC) ? readFileSync(PERFORMANCE_DOC, 'utf8') : '';
  const marker = new RegExp(`<!--\\s*${program.marker}-ns-per-call:\\s*([0-9.]+)\\s*-->`);
  const recorded = marker.exec(doc)?.[1];
  if (recorded === undefined) return { figure: 'no recorded figure in docs/performance.md' };
  return {
    figure: {
      nsPerItem: Number(recorded),
      label: 'recorded in docs/performance.md, not measured in this run',
    },
  };
}

/** Builds the program; returns null on success, or why it could not be built. */
function buildReason(source: string, exe: string): string | null {
  if (!commandExists('cc')) return 'no C compiler `cc`';
  mkdirSync(BUILD_DIR, { recursive: true });
  const cc = spawnSync('cc', ['-O2', source, '-o', exe, '-lerfa', '-lm'], { encoding: 'utf8' });
  if (cc.status !== 0) {
    return `cc could not build against liberfa (Debian: apt-get install liberfa-dev): ${cc.stderr.trim().split('\n')[0]}`;
  }
  return null;
}
