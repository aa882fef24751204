/**
 * Architecture rules of osmose (docs: ARCHITECTURE.md, "Modules and the import DAG"), checked
 * over the import statements of every .ts file under src/.
 *
 * The checker reads sources with regular expressions after masking comments, string contents
 * and regular-expression literals (so that a TSDoc `@example` or a string holding
 * `import … from` is not taken for an import), then applies one rule per test. A self-test
 * feeds it synthetic imports that each rule must reject, and legal ones that no rule may
 * reject, so a checker that stops seeing violations fails here too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC_DIR = fileURLToPath(new URL('../src/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// The model: files and import edges, with paths relative to src/ in POSIX form.

type ImportKind = 'import' | 're-export' | 'side-effect' | 'dynamic' | 'require';

interface ImportEdge {
  /** Importing file, relative to src/ ('time/epoch.ts', 'index.ts'). */
  readonly from: string;
  /** The specifier as written, or null when it is computed (`import(name)`). */
  readonly specifier: string | null;
  readonly kind: ImportKind;
  /** 1-based line of the statement in the importing file. */
  readonly line: number;
}

interface SourceGraph {
  readonly files: readonly string[];
  readonly edges: readonly ImportEdge[];
}

interface Violation {
  readonly rule: string;
  readonly where: string;
  readonly reason: string;
}

/** Pseudo-module of src/index.ts, the package barrel. */
const ROOT = '<root>';

/**
 * Layers from the bottom up (ARCHITECTURE.md): a module may import only from modules in a lower
 * layer. Modules that share a layer are handled by their own rules (leaves, siblings).
 */
const LAYER: Readonly<Record<string, number>> = {
  errors: 0,
  math: 0,
  time: 1,
  frames: 2,
  bodies: 3,
  state: 4,
  propagation: 5,
  ccsds: 6,
  od: 7,
  association: 8,
  maneuver: 8,
  scheduler: 8,
  cli: 9,
};

/** Modules that may be imported by anyone and import nothing themselves. */
const DATA = 'data';

const KNOWN_MODULES = new Set([...Object.keys(LAYER), DATA]);

const SIBLINGS = new Set(['association', 'maneuver', 'scheduler']);

/** What ccsds may read: value types only, never propagation or od. */
const CCSDS_ALLOWED = new Set([
  'ccsds',
  'errors',
  'math',
  'time',
  'frames',
  'bodies',
  'state',
  DATA,
]);

const NODE_BUILTINS = new Set(builtinModules);

// ---------------------------------------------------------------------------------------------
// Reading sources.

const KEYWORDS_BEFORE_REGEX = new Set([
  'return',
  'typeof',
  'instanceof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
]);

/** True when a `/` after `before` (the masked text so far) starts a regex, not a division. */
function regexMayStart(before: string): boolean {
  let j = before.length - 1;
  while (j >= 0 && /\s/.test(before[j] ?? '')) j--;
  if (j < 0) return true;
  const last = before[j] ?? '';
  if (/[\w$]/.test(last)) {
    let k = j;
    while (k >= 0 && /[\w$]/.test(before[k] ?? '')) k--;
    return KEYWORDS_BEFORE_REGEX.has(before.slice(k + 1, j + 1));
  }
  return !/[)\]]/.test(last);
}

/** Blank every character but newlines, so that offsets and line numbers are kept. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/**
 * Masks comments, the contents of string and template literals, and regex literals with
 * spaces; quotes, code and newlines are kept, so offsets into the result are offsets into the
 * source.
 */
function maskSource(source: string): string {
  let out = '';
  let i = 0;
  const n = source.length;

  const skipQuoted = (start: number, quote: string): number => {
    let j = start + 1;
    while (j < n && source[j] !== quote && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, n);
  };

  // Masks code until the `}` that closes a template `${`, or the end of the source.
  const maskCode = (closeOnBrace: boolean): void => {
    let depth = 0;
    while (i < n) {
      const c = source[i] ?? '';
      const next = source[i + 1] ?? '';
      if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i);
        const stop = end < 0 ? n : end;
        out += blank(source.slice(i, stop));
        i = stop;
      } else if (c === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        const stop = end < 0 ? n : end + 2;
        out += blank(source.slice(i, stop));
        i = stop;
      } else if (c === "'" || c === '"') {
        const stop = skipQuoted(i, c);
        out += c + blank(source.slice(i + 1, stop - 1)) + (stop - 1 > i ? source[stop - 1] : '');
        i = stop;
      } else if (c === '`') {
        out += '`';
        i++;
        maskTemplate();
      } else if (c === '/' && regexMayStart(out)) {
        const stop = regexEnd(i);
        if (stop < 0) {
          out += c;
          i++;
        } else {
          out += blank(source.slice(i, stop));
          i = stop;
        }
      } else {
        if (closeOnBrace) {
          if (c === '{') depth++;
          if (c === '}') {
            if (depth === 0) return;
            depth--;
          }
        }
        out += c;
        i++;
      }
    }
  };

  // Masks the text of a template literal whose opening backtick is already emitted.
  const maskTemplate = (): void => {
    while (i < n) {
      const c = source[i] ?? '';
      if (c === '\\') {
        out += blank(source.slice(i, i + 2));
        i += 2;
      } else if (c === '`') {
        out += '`';
        i++;
        return;
      } else if (c === '$' && source[i + 1] === '{') {
        out += '${';
        i += 2;
        maskCode(true);
        if (i < n) {
          out += '}';
          i++;
        }
      } else {
        out += c === '\n' ? '\n' : ' ';
        i++;
      }
    }
  };

  // End (exclusive) of a regex literal starting at `start`, or -1 when the line has none.
  const regexEnd = (start: number): number => {
    let j = start + 1;
    let inClass = false;
    while (j < n) {
      const c = source[j];
      if (c === '\n') return -1;
      if (c === '\\') j += 2;
      else {
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) break;
        j++;
      }
    }
    if (j >= n) return -1;
    j++;
    while (j < n && /[a-z]/.test(source[j] ?? '')) j++;
    return j;
  };

  maskCode(false);
  return out;
}

// In the masked text a string literal is its quotes around blanks, so each pattern ends with
// the quoted specifier; its original text is read back from the source at the same offsets.
const IMPORT_PATTERNS: readonly { kind: ImportKind; re: RegExp }[] = [
  { kind: 'import', re: /\bimport\s+[\w$*{},\s]*?\bfrom\s*(['"])[^'"\n]+\1/g },
  { kind: 're-export', re: /\bexport\s+[\w$*{},\s]*?\bfrom\s*(['"])[^'"\n]+\1/g },
  { kind: 'side-effect', re: /\bimport\s*(['"])[^'"\n]+\1/g },
  { kind: 'dynamic', re: /\bimport\s*\(\s*(['"`])[^'"`\n]+\1/g },
  { kind: 'require', re: /\brequire\s*\(\s*(['"])[^'"\n]+\1/g },
];

/** `import(` followed by anything but a literal: a specifier no rule can check. */
const COMPUTED_IMPORT = /\bimport\s*\((?=\s*[^\s'"`])/g;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/** The import edges of one source file. */
function parseImports(from: string, source: string): ImportEdge[] {
  const masked = maskSource(source);
  const edges: { offset: number; edge: ImportEdge }[] = [];
  for (const { kind, re } of IMPORT_PATTERNS) {
    for (const m of masked.matchAll(re)) {
      const quote = m[1] ?? '';
      const end = (m.index ?? 0) + m[0].length - 1;
      const start = masked.lastIndexOf(quote, end - 1) + 1;
      const text = source.slice(start, end);
      const specifier = quote === '`' && text.includes('${') ? null : text;
      const offset = m.index ?? 0;
      edges.push({ offset, edge: { from, specifier, kind, line: lineAt(source, offset) } });
    }
  }
  for (const m of masked.matchAll(COMPUTED_IMPORT)) {
    const offset = m.index ?? 0;
    edges.push({
      offset,
      edge: { from, specifier: null, kind: 'dynamic', line: lineAt(source, offset) },
    });
  }
  return edges.sort((a, b) => a.offset - b.offset).map((e) => e.edge);
}

function listSources(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...listSources(`${dir}/${entry.name}`, `${rel}/`));
    else if (/\.(c|m)?tsx?$/.test(entry.name)) out.push(rel);
  }
  return out.sort();
}

function readGraph(srcDir: string): SourceGraph {
  const files = listSources(srcDir);
  const edges = files.flatMap((f) => parseImports(f, readFileSync(`${srcDir}/${f}`, 'utf8')));
  return { files, edges };
}

// ---------------------------------------------------------------------------------------------
// Resolving specifiers to modules.

/** POSIX normalisation of `dir/spec`; null when the path climbs out of src/. */
function joinPath(dir: string, spec: string): string | null {
  const parts = dir === '' ? [] : dir.split('/');
  for (const seg of spec.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

function dirOf(file: string): string {
  const k = file.lastIndexOf('/');
  return k < 0 ? '' : file.slice(0, k);
}

/** Module of a file under src/: its top folder, ROOT for src/index.ts, else `./<file>`. */
function moduleOfFile(file: string): string {
  const k = file.indexOf('/');
  if (k >= 0) return file.slice(0, k);
  return /^index\.[cm]?tsx?$/.test(file) ? ROOT : `./${file}`;
}

type Target =
  | { readonly type: 'package'; readonly name: string }
  | { readonly type: 'outside' }
  | { readonly type: 'computed' }
  | { readonly type: 'src'; readonly path: string; readonly module: string };

function resolveTarget(edge: ImportEdge): Target {
  const spec = edge.specifier;
  if (spec === null) return { type: 'computed' };
  if (!spec.startsWith('.')) return { type: 'package', name: spec };
  const path = joinPath(dirOf(edge.from), spec);
  if (path === null) return { type: 'outside' };
  const segs = path.split('/');
  const head = (segs[0] ?? '').replace(/\.[cm]?[jt]sx?$/, '');
  if (segs.length > 1 || KNOWN_MODULES.has(head)) return { type: 'src', path, module: head };
  return { type: 'src', path, module: head === '' || head === 'index' ? ROOT : `./${head}` };
}

function isNodeBuiltin(name: string): boolean {
  if (name.startsWith('node:')) return true;
  return NODE_BUILTINS.has(name) || NODE_BUILTINS.has(name.split('/')[0] ?? '');
}

// ---------------------------------------------------------------------------------------------
// The rules. Each returns the reason an edge breaks it, or null.

interface Rule {
  readonly id: string;
  readonly title: string;
  readonly edge?: (from: string, target: Target, edge: ImportEdge) => string | null;
  readonly file?: (file: string) => string | null;
}

const RULES: readonly Rule[] = [
  {
    id: 'known-modules',
    title: 'every file and every relative import belongs to a module named in ARCHITECTURE.md',
    file: (file) => {
      const m = moduleOfFile(file);
      return m === ROOT || KNOWN_MODULES.has(m) ? null : `${m} is not a known module`;
    },
    edge: (_from, target) =>
      target.type === 'src' && target.module !== ROOT && !KNOWN_MODULES.has(target.module)
        ? `imports ${target.path}, which is in no known module`
        : null,
  },
  {
    id: 'inside-src',
    title: 'no relative import reaches outside src/',
    edge: (_from, target) => (target.type === 'outside' ? 'climbs out of src/' : null),
  },
  {
    id: 'literal-specifiers',
    title: 'every import specifier is a string literal the checker can read',
    edge: (_from, target) =>
      target.type === 'computed' ? 'uses a computed specifier, which no rule can check' : null,
  },
  {
    id: 'dag-order',
    title: 'a module imports only from modules below it in the DAG',
    edge: (from, target) => {
      if (from === ROOT || target.type !== 'src' || target.module === from) return null;
      if (target.module === ROOT) {
        return from === 'cli' ? null : 'imports the package barrel src/index.ts (only cli may)';
      }
      const a = LAYER[from];
      const b = LAYER[target.module];
      if (a === undefined || b === undefined || b <= a) return null;
      return `${from} (layer ${a}) imports ${target.module} (layer ${b}), which sits above it`;
    },
  },
  {
    id: 'leaves',
    title: 'errors imports nothing; math imports only errors and data',
    edge: (from, target) => {
      if (from === 'errors') {
        if (target.type === 'src' && target.module === 'errors') return null;
        return 'errors is a leaf and imports nothing outside itself';
      }
      if (from === 'math' && target.type === 'src') {
        return ['math', 'errors', DATA].includes(target.module)
          ? null
          : `math may import only errors and data, not ${target.module}`;
      }
      return null;
    },
  },
  {
    id: 'siblings',
    title: 'association, maneuver and scheduler do not import each other',
    edge: (from, target) =>
      target.type === 'src' &&
      SIBLINGS.has(from) &&
      SIBLINGS.has(target.module) &&
      target.module !== from
        ? `${from} imports its sibling ${target.module}`
        : null,
  },
  {
    id: 'ccsds-value-types',
    title: 'ccsds imports only errors, math, time, frames, bodies and state',
    edge: (from, target) =>
      from === 'ccsds' && target.type === 'src' && !CCSDS_ALLOWED.has(target.module)
        ? `ccsds depends on value types only, not on ${target.module}`
        : null,
  },
  {
    id: 'data-imports-nothing',
    title: 'data imports nothing',
    edge: (from, target) =>
      from === DATA && !(target.type === 'src' && target.module === DATA)
        ? 'data is generated and imports nothing outside itself'
        : null,
  },
  {
    id: 'internal-private',
    title: "no module imports another module's internal/ folder",
    edge: (from, target) =>
      target.type === 'src' &&
      target.module !== from &&
      target.path.split('/').slice(1).includes('internal')
        ? `reaches into ${target.path}, internal to ${target.module}`
        : null,
  },
  {
    id: 'no-node-builtins',
    title:
      'nothing outside src/cli and the node/ folders of modules imports node: modules or Node builtins',
    edge: (from, target, edge) =>
      from !== 'cli' &&
      !inNodeFolder(edge.from) &&
      target.type === 'package' &&
      isNodeBuiltin(target.name)
        ? `imports the Node builtin ${target.name}; src/ must run in browsers and workers`
        : null,
  },
  {
    id: 'node-folders-apart',
    title:
      'no file outside a node/ folder imports or re-exports from one (node/ has its own subpath)',
    edge: (_from, target, edge) =>
      target.type === 'src' && inNodeFolder(target.path) && !inNodeFolder(edge.from)
        ? `reaches into ${target.path}, which is Node-only and published as its own subpath`
        : null,
  },
];

/** True for a file under a `node/` folder inside a module (e.g. propagation/sgp4/node/…). */
function inNodeFolder(path: string): boolean {
  return path.split('/').slice(1, -1).includes('node') || /^[^/]+\/(.+\/)?node$/.test(path);
}

function check(graph: SourceGraph, rules: readonly Rule[] = RULES): Violation[] {
  const out: Violation[] = [];
  for (const rule of rules) {
    if (rule.file) {
      for (const file of graph.files) {
        const reason = rule.file(file);
        if (reason !== null) out.push({ rule: rule.id, where: `src/${file}`, reason });
      }
    }
    if (rule.edge) {
      for (const edge of graph.edges) {
        const reason = rule.edge(moduleOfFile(edge.from), resolveTarget(edge), edge);
        if (reason !== null) {
          const spec = edge.specifier === null ? '<computed>' : `'${edge.specifier}'`;
          out.push({
            rule: rule.id,
            where: `src/${edge.from}:${edge.line} (${edge.kind} ${spec})`,
            reason,
          });
        }
      }
    }
  }
  return out;
}

function describeViolations(violations: readonly Violation[]): string[] {
  return violations.map((v) => `${v.where}: ${v.reason}`);
}

// ---------------------------------------------------------------------------------------------
// The tests over src/.

const graph = readGraph(SRC_DIR);

describe('architecture of src/', () => {
  it('finds the source files and reads their imports', () => {
    expect(graph.files).toContain('index.ts');
    expect(graph.edges.length).toBeGreaterThan(0);
    // The barrel re-exports the errors module: the reader must see that edge.
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ from: 'index.ts', specifier: './errors', kind: 're-export' }),
    );
  });

  it.each(RULES.map((rule) => [rule.title, rule] as const))('%s', (_title, rule) => {
    expect(describeViolations(check(graph, [rule]))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Self-test: the checker must reject each kind of bad import, and accept legal ones.

interface SyntheticImport {
  readonly from: string;
  readonly specifier: string | null;
}

const BAD_IMPORTS: readonly (SyntheticImport & { readonly rule: string })[] = [
  { rule: 'known-modules', from: 'widgets/gizmo.ts', specifier: '../errors' },
  { rule: 'known-modules', from: 'time/epoch.ts', specifier: '../widgets/gizmo' },
  { rule: 'inside-src', from: 'time/epoch.ts', specifier: '../../package.json' },
  { rule: 'literal-specifiers', from: 'time/epoch.ts', specifier: null },
  { rule: 'dag-order', from: 'time/epoch.ts', specifier: '../frames' },
  { rule: 'dag-order', from: 'math/vec3.ts', specifier: '../time/epoch' },
  { rule: 'dag-order', from: 'propagation/sgp4/sgp4.ts', specifier: '../../od' },
  { rule: 'dag-order', from: 'scheduler/tasking.ts', specifier: '../cli/main' },
  { rule: 'dag-order', from: 'state/covariance.ts', specifier: '../index' },
  { rule: 'leaves', from: 'errors/index.ts', specifier: '../math' },
  { rule: 'leaves', from: 'errors/index.ts', specifier: '../data/eop' },
  { rule: 'leaves', from: 'errors/index.ts', specifier: 'ml-matrix' },
  { rule: 'leaves', from: 'math/vec3.ts', specifier: '../time' },
  { rule: 'siblings', from: 'association/gating.ts', specifier: '../maneuver' },
  { rule: 'siblings', from: 'scheduler/tasking.ts', specifier: '../association/gating' },
  { rule: 'ccsds-value-types', from: 'ccsds/oem.ts', specifier: '../propagation' },
  { rule: 'ccsds-value-types', from: 'ccsds/tdm.ts', specifier: '../od/measurements' },
  { rule: 'data-imports-nothing', from: 'data/eop.ts', specifier: '../time/timeData' },
  { rule: 'data-imports-nothing', from: 'data/eop.ts', specifier: 'ml-matrix' },
  { rule: 'internal-private', from: 'frames/iau2006.ts', specifier: '../time/internal/dtdb' },
  { rule: 'internal-private', from: 'index.ts', specifier: './time/internal/dtdb' },
  { rule: 'no-node-builtins', from: 'time/epoch.ts', specifier: 'node:fs' },
  { rule: 'no-node-builtins', from: 'math/rng.ts', specifier: 'crypto' },
  { rule: 'no-node-builtins', from: 'ccsds/kvn.ts', specifier: 'fs/promises' },
  { rule: 'no-node-builtins', from: 'propagation/sgp4/nodeRunner.ts', specifier: 'node:os' },
  { rule: 'node-folders-apart', from: 'propagation/sgp4/index.ts', specifier: './node' },
  { rule: 'node-folders-apart', from: 'propagation/index.ts', specifier: './sgp4/node/index' },
];

const GOOD_IMPORTS: readonly SyntheticImport[] = [
  { from: 'math/linalg.ts', specifier: '../errors' },
  { from: 'math/linalg.ts', specifier: 'ml-matrix' },
  { from: 'time/epoch.ts', specifier: '../errors' },
  { from: 'time/epoch.ts', specifier: '../math/vec3' },
  { from: 'time/epoch.ts', specifier: './internal/dtdb' },
  { from: 'time/defaultTimeData.ts', specifier: '../data/eop' },
  { from: 'data/eop.ts', specifier: './leapSeconds' },
  { from: 'frames/iau2006.ts', specifier: '../time' },
  { from: 'ccsds/oem.ts', specifier: '../state' },
  { from: 'od/batch/leastSquares.ts', specifier: '../../propagation/numerical' },
  { from: 'propagation/sgp4/sgp4.ts', specifier: '../numerical/internal/stages' },
  { from: 'scheduler/tasking.ts', specifier: '../od' },
  { from: 'propagation/sgp4/node/index.ts', specifier: 'node:worker_threads' },
  { from: 'propagation/sgp4/node/worker.ts', specifier: './protocol' },
  { from: 'propagation/sgp4/node/worker.ts', specifier: '../propagateSgp4Batch' },
  { from: 'cli/main.ts', specifier: 'node:fs' },
  { from: 'cli/main.ts', specifier: '../index' },
  { from: 'index.ts', specifier: './scheduler' },
];

function syntheticGraph(imports: readonly SyntheticImport[]): SourceGraph {
  return {
    files: [...new Set(imports.map((i) => i.from))],
    edges: imports.map((i) => ({ from: i.from, specifier: i.specifier, kind: 'import', line: 1 })),
  };
}

describe('architecture checker (self-test)', () => {
  it.each(BAD_IMPORTS)('rule $rule rejects $from importing $specifier', (bad) => {
    const rules = RULES.filter((r) => r.id === bad.rule);
    expect(rules).toHaveLength(1);
    expect(check(syntheticGraph([bad]), rules).length).toBeGreaterThan(0);
  });

  it('has a rejected example for every rule', () => {
    expect(new Set(BAD_IMPORTS.map((b) => b.rule))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it.each(GOOD_IMPORTS)('accepts $from importing $specifier', (good) => {
    expect(describeViolations(check(syntheticGraph([good])))).toEqual([]);
  });

  it('reads every import form and ignores comments, strings and regex literals', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      'import * as c from "./c";',
      "import d, {\n  type E,\n  f as g,\n} from './d';",
      "import './side-effect';",
      "export * from './h';",
      "export { i } from './i';",
      "export type { J } from './j';",
      "const k = await import('./k');",
      "type L = typeof import('./l');",
      "const m = require('./m');",
      'const n = await import(moduleName);',
      "// import { x } from './line-comment';",
      "/* export * from './block-comment'; */",
      "/** @example import { y } from 'osmose'; */",
      'const q = /[\'"]/g; const s = \'import z from "./in-a-string"\';',
      // A template literal with an import inside its ${…} placeholder (written with '$' + '{').
      "const t = `import w from './in-a-template' $" + "{import('./in-template-code')}`;",
      'const u = a / b; // import v from "./after-division"',
    ].join('\n');
    const edges = parseImports('time/sample.ts', source);
    expect(edges.map((e) => [e.kind, e.specifier, e.line])).toEqual([
      ['import', './a', 1],
      ['import', '../b', 2],
      ['import', './c', 3],
      ['import', './d', 4],
      ['side-effect', './side-effect', 8],
      ['re-export', './h', 9],
      ['re-export', './i', 10],
      ['re-export', './j', 11],
      ['dynamic', './k', 12],
      ['dynamic', './l', 13],
      ['require', './m', 14],
      ['dynamic', null, 15],
      ['dynamic', './in-template-code', 20],
    ]);
  });

  it('reports a bad import found in real source text, with its line', () => {
    const source = "import { Epoch } from '../time';\n\nimport { readFileSync } from 'node:fs';\n";
    const violations = check({
      files: ['math/sample.ts'],
      edges: parseImports('math/sample.ts', source),
    });
    expect(violations.map((v) => [v.rule, v.where])).toEqual([
      ['dag-order', "src/math/sample.ts:1 (import '../time')"],
      ['leaves', "src/math/sample.ts:1 (import '../time')"],
      ['no-node-builtins', "src/math/sample.ts:3 (import 'node:fs')"],
    ]);
  });
});
