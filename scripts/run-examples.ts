/**
 * Runs every examples/*.ts with tsx and, when README.md has TypeScript code blocks, type-checks
 * and runs those too. Exits non-zero when any of them fails. (The examples themselves are
 * type-checked by `npm run typecheck`, as tsconfig.json includes examples/.)
 *
 * README blocks: every ```ts or ```typescript block is one standalone program. Imports of
 * `osmose` and `osmose/<module>` are pointed at the sources (src/index.ts, src/<module>/index.ts).
 * A block whose fence carries `no-run` (```ts no-run), or that follows an
 * `<!-- no-run -->` comment, is left out.
 *
 * Usage: `npm run examples` (add `-- --verbose` to see what each program prints, or
 * `-- --readme=<file>` to check another Markdown file).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES_DIR = join(ROOT_DIR, 'examples');
const README =
  process.argv.find((a) => a.startsWith('--readme='))?.slice('--readme='.length) ??
  join(ROOT_DIR, 'README.md');
const RUN_TIMEOUT_MS = 120_000;
const verbose = process.argv.includes('--verbose');

interface Program {
  /** What to call it in the report. */
  readonly label: string;
  /** Path of the file to run. */
  readonly file: string;
}

/** Runs one program with `node --import tsx`; returns true when it exits with 0. */
function runProgram(program: Program): boolean {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', program.file], {
    cwd: ROOT_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: RUN_TIMEOUT_MS,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  const why = result.error
    ? result.error.message
    : result.signal
      ? `killed by ${result.signal}`
      : `exit code ${result.status}`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${program.label} (${seconds} s${ok ? '' : `, ${why}`})`);
  if (!ok || verbose) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd();
    if (output) console.log(output.replace(/^/gm, '     | '));
  }
  return ok;
}

/** The ```ts blocks of a Markdown text that should run, with their 1-based starting line. */
export function extractTsBlocks(markdown: string): { line: number; code: string }[] {
  const lines = markdown.split('\n');
  const blocks: { line: number; code: string }[] = [];
  let previous = '';
  for (let k = 0; k < lines.length; k++) {
    const fence = /^(\s*)(`{3,}|~{3,})\s*(ts|typescript)\b(.*)$/.exec(lines[k] ?? '');
    if (!fence) {
      if ((lines[k] ?? '').trim() !== '') previous = (lines[k] ?? '').trim();
      continue;
    }
    const [, indent = '', marker = '```', , info = ''] = fence;
    const start = k + 1;
    const body: string[] = [];
    k++;
    while (k < lines.length && !(lines[k] ?? '').trim().startsWith(marker)) {
      body.push(
        (lines[k] ?? '').startsWith(indent)
          ? (lines[k] ?? '').slice(indent.length)
          : (lines[k] ?? ''),
      );
      k++;
    }
    const skip = /\bno-run\b/.test(info) || /<!--\s*no-run\s*-->/.test(previous);
    if (!skip) blocks.push({ line: start, code: body.join('\n') });
    previous = '';
  }
  return blocks;
}

/** Points `osmose` and `osmose/<module>` imports at the TypeScript sources. */
function pointAtSources(code: string): string {
  return code.replace(/(['"])osmose(?:\/([\w-]+))?\1/g, (_m, quote: string, sub?: string) => {
    const target = sub ? join(ROOT_DIR, 'src', sub, 'index.ts') : join(ROOT_DIR, 'src', 'index.ts');
    return `${quote}${target}${quote}`;
  });
}

/** Writes README blocks to a temporary folder, type-checks them, and returns them to run. */
function prepareReadmeBlocks(dir: string): { programs: Program[]; typecheckOk: boolean } {
  if (!existsSync(README)) {
    console.log(`${README}: none, no code blocks to check`);
    return { programs: [], typecheckOk: true };
  }
  const blocks = extractTsBlocks(readFileSync(README, 'utf8'));
  if (blocks.length === 0) {
    console.log('README.md: no ```ts blocks to check');
    return { programs: [], typecheckOk: true };
  }
  const programs = blocks.map((block, k) => {
    // .mts: an ES module wherever the folder is (top-level await works); `export {}` keeps
    // blocks that import nothing from sharing top-level names.
    const file = join(dir, `readme-${String(k + 1).padStart(2, '0')}.mts`);
    writeFileSync(file, `${pointAtSources(block.code)}\n\nexport {};\n`);
    return { label: `README.md:${block.line}`, file };
  });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(ROOT_DIR, 'tsconfig.json'),
      compilerOptions: {
        noEmit: true,
        allowImportingTsExtensions: true,
        typeRoots: [join(ROOT_DIR, 'node_modules', '@types')],
      },
      include: ['*.mts'],
    }),
  );
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT_DIR, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir, '--pretty', 'false'],
    { cwd: dir, encoding: 'utf8', timeout: RUN_TIMEOUT_MS },
  );
  const typecheckOk = tsc.status === 0;
  console.log(`${typecheckOk ? 'ok  ' : 'FAIL'} type-check of ${blocks.length} README.md block(s)`);
  if (!typecheckOk) {
    // Name blocks by their README line rather than by the temporary file.
    let report = `${tsc.stdout}${tsc.stderr}`.trimEnd();
    for (const p of programs) report = report.split(basename(p.file)).join(p.label);
    console.log(report.replace(/^/gm, '     | '));
  }
  return { programs, typecheckOk };
}

function main(): number {
  const examples = existsSync(EXAMPLES_DIR)
    ? readdirSync(EXAMPLES_DIR)
        .filter((f) => f.endsWith('.ts'))
        .sort()
    : [];
  if (examples.length === 0) console.log('examples/: no examples to run');
  let passed = 0;
  let failures = 0;
  const tally = (ok: boolean) => {
    if (ok) passed++;
    else failures++;
  };
  for (const name of examples) {
    tally(runProgram({ label: `examples/${name}`, file: join(EXAMPLES_DIR, name) }));
  }

  const dir = mkdtempSync(join(tmpdir(), 'osmose-readme-'));
  try {
    const { programs, typecheckOk } = prepareReadmeBlocks(dir);
    if (!typecheckOk) failures++;
    for (const program of programs) tally(runProgram(program));
    console.log(`examples: ${passed} ran cleanly, ${failures} failed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
