/**
 * Checks what `npm pack` would ship: the build, the README, changelog and licence, every file
 * that package.json `exports`/`main`/`types` points at; and none of the sources, tests,
 * reference data, scripts or benchmarks.
 *
 * Usage: `npm pack --dry-run --json > pack.json && npx tsx scripts/check-pack.ts pack.json`
 * (without an argument it runs `npm pack --dry-run --json` itself).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface PackReport {
  readonly name: string;
  readonly version: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));

const REQUIRED_FILES = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];

/** Paths that must never be published, with the reason printed when one is. */
const FORBIDDEN: readonly { readonly re: RegExp; readonly what: string }[] = [
  { re: /^src\//, what: 'TypeScript sources (the package ships dist/ only)' },
  { re: /^test\//, what: 'tests and test/reference data' },
  { re: /^scripts\//, what: 'maintenance scripts' },
  { re: /^bench\//, what: 'benchmarks' },
  { re: /^examples\//, what: 'examples' },
  { re: /^docs\//, what: 'docs (published on the web, not in the tarball)' },
  { re: /^(\.ci|\.changeset|\.github|coverage|node_modules|\.bench-tmp)\//, what: 'tooling' },
  { re: /\.(test|spec|bench)\.[cm]?[jt]sx?$/, what: 'test or bench files' },
  { re: /\.tgz$/, what: 'packed tarballs' },
];

/** Every file path a package.json `exports` map (or main/module/types) points at. */
function exportedFiles(pkg: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (node.startsWith('./')) out.add(node.slice(2));
    } else if (node && typeof node === 'object') {
      for (const value of Object.values(node)) walk(value);
    }
  };
  walk(pkg.exports);
  for (const key of ['main', 'module', 'types']) walk(pkg[key]);
  return [...out].filter((p) => !p.includes('*'));
}

function readReport(): PackReport {
  const arg = process.argv[2];
  const json =
    arg !== undefined
      ? readFileSync(arg, 'utf8')
      : execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
          cwd: ROOT_DIR,
          encoding: 'utf8',
        });
  const parsed = JSON.parse(json) as PackReport[];
  const report = parsed[0];
  if (!report) throw new Error('npm pack --json returned no package');
  return report;
}

function main(): number {
  const report = readReport();
  const pkg = JSON.parse(readFileSync(`${ROOT_DIR}package.json`, 'utf8')) as Record<
    string,
    unknown
  >;
  const shipped = new Set(report.files.map((f) => f.path));
  const problems: string[] = [];

  if (![...shipped].some((p) => p.startsWith('dist/'))) problems.push('dist/ is not shipped');
  for (const file of [...REQUIRED_FILES, ...exportedFiles(pkg)]) {
    if (!shipped.has(file)) problems.push(`${file} is missing from the tarball`);
  }
  for (const path of shipped) {
    const hit = FORBIDDEN.find((f) => f.re.test(path));
    if (hit) problems.push(`${path} is shipped but must not be (${hit.what})`);
  }

  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `${report.name}@${report.version}: ${report.files.length} files, ` +
      `${kb(report.size)} packed, ${kb(report.unpackedSize)} unpacked`,
  );
  for (const f of report.files) console.log(`  ${f.path} (${kb(f.size)})`);
  if (problems.length > 0) {
    for (const p of problems) console.error(`pack check: ${p}`);
    return 1;
  }
  console.log('pack check: contents as expected');
  return 0;
}

process.exitCode = main();
