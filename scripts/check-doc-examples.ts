/**
 * Checks the TSDoc `@example` blocks of src/: every ```ts block inside an `@example` tag must
 * compile, run without throwing, and show true results.
 *
 * How a block becomes a program: its lines (without the leading ` * `) are written to
 * `.doc-examples/<n>-<file>-L<line>.ts` with imports added for the names it uses but neither
 * declares nor imports. A name is looked up, in this order, among the exports of the file that
 * holds the example, of src/index.ts (the public API), of src/math/index.ts (internal kernels),
 * then of any other file under src/. Imports the block writes itself are kept, with `osmose`
 * and `osmose/<module>` pointed at src/ and relative paths made relative to the new folder.
 *
 * Stages:
 * 1. Type-check: one TypeScript program over all generated files, with the options of
 *    tsconfig.json (`.doc-examples/tsconfig.json` extends it, so `npx tsc -p .doc-examples`
 *    reproduces a failure). Errors are reported at the source line of the example.
 * 2. Run: all blocks are imported one after the other in this process (run it with tsx).
 *    A block must not throw, unless its first line is a comment containing `throws`: then it
 *    must throw.
 * 3. Results: a statement followed by a `// <expected>` comment, on its line or alone on the next
 *    line, is checked when the comment starts with a literal: a number, a 'string', true, false,
 *    null, undefined, or an array / object of those (`[2453750.5, 0.892855139]`,
 *    `{ week: 1, secondsOfWeek: 0 }`, `Float64Array [3, 7]`). Prose may follow the literal after
 *    a comma, a colon or a space (`// 37 (2017-01-01)`). For an expression statement the value of
 *    the expression is checked (the argument, for `console.log(x)`); for `const x = …` the value
 *    of x. A checked statement that never executes (a guard was false, nothing was thrown) is a
 *    failure. Comments that are not literals are prose: counted, listed, not checked.
 *
 * Comparison rules:
 * - Strings, booleans, null and undefined: exactly.
 * - Numbers: relative tolerance 1e-12. A 0 inside an array is taken relative to the largest
 *   |value| of the array (`[0, -1, 0]` for a rotated unit vector), an absolute 1e-12 otherwise. A number printed with a fractional part (`0.892855139`), or any number of a
 *   comment that starts with `≈`, also passes within half a unit of its last printed digit (for
 *   an integer under `≈`: the finest printed unit among the numbers of its array, else 1).
 *   Integers without `≈` (`37`, `11520`) claim the exact value.
 * - A number ending in `…` (`0.043674121031…`) is a truncated value: the actual value must start
 *   with the printed digits.
 * - Arrays: same length and element by element; `…` as an element elides the elements there
 *   (`[1, …, 9]`). A typed-array name before the bracket requires that typed array; a plain
 *   bracket requires a plain Array.
 * - Objects: every printed key must match; `…` as an entry allows other keys, otherwise the
 *   value may have no other own enumerable keys.
 *
 * Usage: `npx tsx scripts/check-doc-examples.ts [--verbose] [--keep]`. `--verbose` lists every
 * block; `--keep` leaves `.doc-examples/` in place (it is also kept when something fails).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import ts from 'typescript';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
const SRC_DIR = join(ROOT_DIR, 'src');
const OUT_DIR = join(ROOT_DIR, '.doc-examples');
const HARNESS_NAME = '__docResult';
/** Key of the global function through which generated blocks report checked values. */
const SINK_KEY = 'osmose.docExamples.sink';

/** Relative tolerance on numbers: values printed in full keep 12 significant digits. */
const REL_TOL = 1e-12;
/** Absolute tolerance when the expected number (or its whole array) is 0. */
const ZERO_ABS_TOL = 1e-12;

// ---------------------------------------------------------------------------------------------
// Expected values: a small parser for the literal at the start of a result comment.

/** A parsed expected value. */
export type Expected =
  | {
      readonly kind: 'number';
      readonly value: number;
      /** Value of one unit of the last printed digit, or null for an integer written plainly. */
      readonly unit: number | null;
      /** The text ends with `…`: a truncated value. */
      readonly elided: boolean;
      readonly text: string;
    }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'constant'; readonly value: boolean | null | undefined }
  | {
      readonly kind: 'array';
      /** Elements before an elision mark (all of them when there is none). */
      readonly head: readonly Expected[];
      /** Elements after the elision mark, or null when there is none. */
      readonly tail: readonly Expected[] | null;
      /** Typed-array constructor name (`Float64Array`), or null for a plain array. */
      readonly typed: string | null;
    }
  | {
      readonly kind: 'object';
      readonly entries: readonly (readonly [string, Expected])[];
      readonly elided: boolean;
    };

/** A result comment parsed as an expected value. */
export interface ExpectedComment {
  readonly expected: Expected;
  /** The comment starts with `≈`. */
  readonly approx: boolean;
}

const TYPED_ARRAYS = new Set([
  'Float64Array',
  'Float32Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
  'BigInt64Array',
  'BigUint64Array',
]);

class LiteralParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  get rest(): string {
    return this.text.slice(this.pos);
  }

  private skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private peek(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  private expect(s: string): void {
    this.skipSpaces();
    if (!this.peek(s)) throw new SyntaxError(`expected ${s} at ${this.pos}`);
    this.pos += s.length;
  }

  /** Parses one value; throws SyntaxError when the text there is not a literal. */
  value(): Expected {
    this.skipSpaces();
    const rest = this.rest;
    const word = /^[A-Za-z_$][\w$]*/.exec(rest)?.[0];
    if (word !== undefined) {
      const constants: Record<string, boolean | null | undefined> = {
        true: true,
        false: false,
        null: null,
        undefined: undefined,
      };
      if (word in constants) {
        this.pos += word.length;
        return { kind: 'constant', value: constants[word] };
      }
      if (word === 'NaN' || word === 'Infinity') {
        this.pos += word.length;
        return { kind: 'number', value: Number(word), unit: null, elided: false, text: word };
      }
      if (TYPED_ARRAYS.has(word)) {
        this.pos += word.length;
        const count = /^\(\d+\)/.exec(this.rest)?.[0];
        if (count) this.pos += count.length;
        this.skipSpaces();
        if (!this.peek('[')) throw new SyntaxError('typed array without elements');
        const array = this.array();
        if (array.kind !== 'array') throw new SyntaxError('typed array without elements');
        return { ...array, typed: word };
      }
      throw new SyntaxError(`not a literal: ${word}`);
    }
    const c = rest[0];
    if (c === '[') return this.array();
    if (c === '{') return this.object();
    if (c === "'" || c === '"') return { kind: 'string', value: this.string() };
    return this.number();
  }

  private number(): Expected {
    const m = /^([-−]?)(\d+(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?(…)?/.exec(this.rest);
    if (m) {
      const [all, sign = '', mantissa = '', frac1, frac2, exponent, elision] = m;
      this.pos += all.length;
      const value = Number(`${sign ? '-' : ''}${mantissa}${exponent ? `e${exponent}` : ''}`);
      const fraction = frac1 ?? frac2;
      const exp = exponent ? Number(exponent) : 0;
      const printed = fraction !== undefined || exponent !== undefined;
      const unit = 10 ** (exp - (fraction?.length ?? 0));
      return {
        kind: 'number',
        value,
        unit: printed || elision ? unit : null,
        elided: elision !== undefined,
        text: all,
      };
    }
    if (/^[-−]Infinity\b/.test(this.rest)) {
      this.pos += '-Infinity'.length;
      return { kind: 'number', value: -Infinity, unit: null, elided: false, text: '-Infinity' };
    }
    throw new SyntaxError(`not a literal at ${this.pos}`);
  }

  private string(): string {
    const quote = this.text[this.pos];
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] ?? '';
      this.pos++;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.pos] ?? '';
      this.pos++;
      const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0' };
      if (e === 'u') {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.rest)?.[0];
        if (!hex) throw new SyntaxError('bad \\u escape');
        out += String.fromCharCode(Number.parseInt(hex, 16));
        this.pos += 4;
      } else {
        out += escapes[e] ?? e;
      }
    }
    throw new SyntaxError('unterminated string');
  }

  private array(): Expected {
    this.expect('[');
    const head: Expected[] = [];
    let tail: Expected[] | null = null;
    for (;;) {
      this.skipSpaces();
      if (this.peek(']')) break;
      if (this.peek('…')) {
        if (tail) throw new SyntaxError('two elisions');
        this.pos += 1;
        tail = [];
      } else {
        (tail ?? head).push(this.value());
      }
      this.skipSpaces();
      if (this.peek(',')) this.pos++;
      else if (!this.peek(']')) throw new SyntaxError('expected , or ]');
    }
    this.pos++;
    return { kind: 'array', head, tail, typed: null };
  }

  private object(): Expected {
    this.expect('{');
    const entries: [string, Expected][] = [];
    let elided = false;
    for (;;) {
      this.skipSpaces();
      if (this.peek('}')) break;
      if (this.peek('…')) {
        this.pos += 1;
        elided = true;
      } else {
        let key: string;
        const c = this.text[this.pos];
        if (c === "'" || c === '"') key = this.string();
        else {
          const id = /^[A-Za-z_$][\w$]*|^\d+/.exec(this.rest)?.[0];
          if (!id) throw new SyntaxError('expected a key');
          key = id;
          this.pos += id.length;
        }
        this.expect(':');
        entries.push([key, this.value()]);
      }
      this.skipSpaces();
      if (this.peek(',')) this.pos++;
      else if (!this.peek('}')) throw new SyntaxError('expected , or }');
    }
    this.pos++;
    return { kind: 'object', entries, elided };
  }
}

/**
 * Parses a result comment (the text after `//`). Returns null when it does not start with a
 * literal (prose), or when the literal runs on into something that is not prose (`0 <= u < 1`).
 */
export function parseExpectedComment(comment: string): ExpectedComment | null {
  let text = comment.trim();
  const approx = text.startsWith('≈');
  if (approx) text = text.slice(1).trim();
  const parser = new LiteralParser(text);
  let expected: Expected;
  try {
    expected = parser.value();
  } catch (e) {
    if (e instanceof SyntaxError) return null;
    throw e;
  }
  const rest = parser.rest;
  // What may follow the literal: nothing, or prose after a separator.
  if (rest.trim() === '' || /^\s*[,:;]/.test(rest) || /^\s+[(\p{L}]/u.test(rest)) {
    return { expected, approx };
  }
  return null;
}

/**
 * What the numbers of one array share: the largest |value| (the scale of the tolerance of its
 * zeros) and the finest printed unit (the precision of its integers under `≈`).
 */
function numbersScale(items: readonly Expected[]): { scale: number; unit: number | null } {
  let scale = 0;
  let unit: number | null = null;
  for (const item of items) {
    if (item.kind !== 'number' || !Number.isFinite(item.value)) continue;
    scale = Math.max(scale, Math.abs(item.value));
    if (item.unit !== null && !item.elided) unit = Math.min(unit ?? Infinity, item.unit);
  }
  return { scale, unit };
}

function show(value: unknown): string {
  return inspect(value, { depth: 4, maxArrayLength: 20, breakLength: Infinity, compact: true });
}

function compareNumber(
  e: Extract<Expected, { kind: 'number' }>,
  actual: unknown,
  approx: boolean,
  scale: number,
  siblingUnit: number | null,
  path: string,
): string[] {
  const a = typeof actual === 'bigint' ? Number(actual) : actual;
  if (typeof a !== 'number') return [`${path}: expected the number ${e.text}, got ${show(actual)}`];
  if (Number.isNaN(e.value) || !Number.isFinite(e.value)) {
    return Object.is(a, e.value) ? [] : [`${path}: expected ${e.text}, got ${show(a)}`];
  }
  const relTol = scale === 0 ? ZERO_ABS_TOL : REL_TOL * scale;
  if (e.elided && e.unit !== null) {
    // A truncated value: |a| lies in [|e|, |e| + unit), and has the sign of e.
    const lo = Math.abs(e.value) - relTol;
    const hi = Math.abs(e.value) + e.unit + relTol;
    const sameSign = e.value === 0 || Math.sign(a) === Math.sign(e.value);
    const ok = sameSign && Math.abs(a) >= lo && Math.abs(a) < hi;
    return ok ? [] : [`${path}: expected a value starting ${e.text}, got ${show(a)}`];
  }
  let tol = relTol;
  const printedUnit = e.unit ?? (approx ? (siblingUnit ?? 1) : null);
  if (printedUnit !== null) tol = Math.max(tol, 0.5 * printedUnit + relTol);
  const err = Math.abs(a - e.value);
  if (err <= tol) return [];
  return [`${path}: expected ${e.text}, got ${show(a)} (off by ${err.toPrecision(3)}, tol ${tol})`];
}

/**
 * Compares an actual value with an expected one under the rules of this script; returns the
 * mismatches (empty when the value matches).
 */
export function compareWithExpected(
  expected: Expected,
  actual: unknown,
  approx = false,
  path = 'value',
  siblings?: { readonly scale: number; readonly unit: number | null },
): string[] {
  switch (expected.kind) {
    case 'number': {
      // Each number is relative to itself; a 0 inside an array, to the array's largest number.
      const scale = expected.value === 0 ? (siblings?.scale ?? 0) : Math.abs(expected.value);
      return compareNumber(expected, actual, approx, scale, siblings?.unit ?? null, path);
    }
    case 'string':
      return actual === expected.value
        ? []
        : [`${path}: expected ${show(expected.value)}, got ${show(actual)}`];
    case 'constant':
      return actual === expected.value
        ? []
        : [`${path}: expected ${show(expected.value)}, got ${show(actual)}`];
    case 'array': {
      let items: ArrayLike<unknown>;
      if (expected.typed !== null) {
        const name = (actual as { constructor?: { name?: string } } | null)?.constructor?.name;
        if (!ArrayBuffer.isView(actual) || name !== expected.typed) {
          return [`${path}: expected a ${expected.typed}, got ${show(actual)}`];
        }
        items = actual as unknown as ArrayLike<unknown>;
      } else {
        if (!Array.isArray(actual)) return [`${path}: expected an Array, got ${show(actual)}`];
        items = actual;
      }
      const { head, tail } = expected;
      const minLength = head.length + (tail?.length ?? 0);
      if (tail === null ? items.length !== head.length : items.length < minLength) {
        return [
          `${path}: expected ${tail === null ? '' : 'at least '}${minLength} elements, got ${items.length}: ${show(actual)}`,
        ];
      }
      const siblings = numbersScale([...head, ...(tail ?? [])]);
      const out: string[] = [];
      head.forEach((item, k) => {
        out.push(...compareWithExpected(item, items[k], approx, `${path}[${k}]`, siblings));
      });
      const offset = items.length - (tail?.length ?? 0);
      tail?.forEach((item, k) => {
        const at = offset + k;
        out.push(...compareWithExpected(item, items[at], approx, `${path}[${at}]`, siblings));
      });
      return out;
    }
    case 'object': {
      if (typeof actual !== 'object' || actual === null) {
        return [`${path}: expected an object, got ${show(actual)}`];
      }
      const record = actual as Record<string, unknown>;
      const out: string[] = [];
      for (const [key, item] of expected.entries) {
        if (!(key in record)) {
          out.push(`${path}.${key}: missing from ${show(actual)}`);
          continue;
        }
        out.push(...compareWithExpected(item, record[key], approx, `${path}.${key}`));
      }
      if (!expected.elided) {
        const known = new Set(expected.entries.map(([key]) => key));
        const extra = Object.keys(record).filter((key) => !known.has(key));
        if (extra.length > 0) out.push(`${path}: unexpected keys ${extra.join(', ')}`);
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Extraction of the blocks.

interface ExampleBlock {
  /** 1-based index, also the order of runs. */
  readonly index: number;
  /** Absolute path of the source file. */
  readonly sourceFile: string;
  /** Path relative to the repository root, POSIX form. */
  readonly sourcePath: string;
  /** 1-based line of the `@example` tag. */
  readonly exampleLine: number;
  readonly code: string;
  /** 1-based source line of each line of `code`. */
  readonly lineMap: readonly number[];
  /** First line is a comment containing `throws`: the block must throw. */
  readonly expectsThrow: boolean;
}

function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTsFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

function posixPath(path: string): string {
  return path.split(sep).join('/');
}

/** Start offsets and texts of the `/** … *\/` comments of a file, in order. */
function docComments(fileName: string, text: string): { pos: number; text: string }[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const seen = new Map<number, string>();
  const visit = (node: ts.Node): void => {
    for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
      const body = text.slice(range.pos, range.end);
      if (body.startsWith('/**') && !seen.has(range.pos)) seen.set(range.pos, body);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  visit(sf.endOfFileToken);
  return [...seen.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([pos, body]) => ({ pos, text: body }));
}

/** The ```ts blocks under `@example` tags of one file. */
export function extractExampleBlocks(
  sourceFile: string,
  text: string,
): Omit<ExampleBlock, 'index'>[] {
  const blocks: Omit<ExampleBlock, 'index'>[] = [];
  const sourcePath = posixPath(relative(ROOT_DIR, sourceFile));
  for (const comment of docComments(sourceFile, text)) {
    const firstLine = text.slice(0, comment.pos).split('\n').length;
    const lines = comment.text.split('\n');
    let inExample = false;
    let exampleLine = 0;
    let fence: { marker: string; isTs: boolean; start: number; body: string[] } | null = null;
    lines.forEach((raw, k) => {
      let line = raw;
      if (k === 0) line = line.replace(/^\s*\/\*\*/, '');
      if (k === lines.length - 1) line = line.replace(/\*\/\s*$/, '');
      line = line.replace(/^\s*\* ?/, '');
      const lineNo = firstLine + k;
      const trimmed = line.trim();
      if (fence) {
        if (trimmed.startsWith(fence.marker)) {
          if (fence.isTs) {
            const body = fence.body;
            const firstCode = body.find((l) => l.trim() !== '')?.trim() ?? '';
            blocks.push({
              sourceFile,
              sourcePath,
              exampleLine,
              code: body.join('\n'),
              lineMap: body.map((_, j) => fence!.start + 1 + j),
              expectsThrow: /^\/\/.*\bthrows\b/.test(firstCode),
            });
          }
          fence = null;
        } else {
          fence.body.push(line);
        }
        return;
      }
      const open = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(trimmed);
      if (open) {
        const lang = open[2] ?? '';
        fence = {
          marker: open[1] ?? '```',
          isTs: inExample && (lang === 'ts' || lang === 'typescript'),
          start: lineNo,
          body: [],
        };
        return;
      }
      const tag = /^@(\w+)/.exec(trimmed);
      if (tag) {
        inExample = tag[1] === 'example';
        if (inExample) exampleLine = lineNo;
      }
    });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Names the blocks may use: exports of src modules.

interface ExportedName {
  /** Module path for the generated import, relative to OUT_DIR, extensionless. */
  readonly specifier: string;
  readonly isValue: boolean;
}

function loadCompilerOptions(configPath: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  return parsed;
}

function importSpecifier(file: string): string {
  const rel = posixPath(relative(OUT_DIR, file)).replace(/\.ts$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Exported names of every src file: name → where it comes from, per file. */
function collectExports(program: ts.Program, files: readonly string[]) {
  const checker = program.getTypeChecker();
  const byFile = new Map<string, Map<string, ExportedName>>();
  for (const file of files) {
    const names = new Map<string, ExportedName>();
    const sf = program.getSourceFile(file);
    const moduleSymbol = sf ? checker.getSymbolAtLocation(sf) : undefined;
    if (moduleSymbol) {
      for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
        if (symbol.name === 'default') continue;
        const target =
          symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        names.set(symbol.name, {
          specifier: importSpecifier(file),
          isValue: (target.flags & ts.SymbolFlags.Value) !== 0,
        });
      }
    }
    byFile.set(resolve(file), names);
  }
  return byFile;
}

// ---------------------------------------------------------------------------------------------
// Generation of the programs.

interface ResultCheck {
  readonly id: number;
  readonly block: ExampleBlock;
  /** 1-based source line of the comment. */
  readonly line: number;
  readonly comment: string;
  readonly parsed: ExpectedComment;
}

interface ProseComment {
  readonly block: ExampleBlock;
  readonly line: number;
  readonly comment: string;
}

interface GeneratedBlock {
  readonly block: ExampleBlock;
  readonly file: string;
  /** Lines added before the block's code. */
  readonly headerLines: number;
  readonly checks: readonly ResultCheck[];
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isVariableDeclaration(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isInterfaceDeclaration(parent) ||
      ts.isTypeAliasDeclaration(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isBindingElement(parent) ||
      ts.isImportSpecifier(parent) ||
      ts.isImportClause(parent) ||
      ts.isNamespaceImport(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassExpression(parent)) &&
    parent.name === node
  );
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) {
    return (ts.isPropertyAccessExpression(parent) ? parent.name : parent.right) === node;
  }
  return (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === node
  );
}

function rewriteSpecifier(specifier: string, sourceFile: string): string {
  const osmose = /^osmose(?:\/([\w-]+))?$/.exec(specifier);
  if (osmose) {
    return importSpecifier(join(SRC_DIR, osmose[1] ?? '', 'index.ts'));
  }
  if (specifier.startsWith('.')) {
    return importSpecifier(`${resolve(dirname(sourceFile), specifier)}.ts`);
  }
  return specifier;
}

/** The comment text after `//`, or null when the range is not a `//` comment. */
function lineCommentText(code: string, range: ts.CommentRange): string | null {
  if (range.kind !== ts.SyntaxKind.SingleLineCommentTrivia) return null;
  return code.slice(range.pos + 2, range.end).trim();
}

function generateBlock(
  block: ExampleBlock,
  exportsByFile: Map<string, Map<string, ExportedName>>,
  lookupOrder: readonly string[],
  nextCheckId: () => number,
  prose: ProseComment[],
): GeneratedBlock {
  const code = block.code;
  const sf = ts.createSourceFile('block.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** Edits of the code: at `pos`, `remove` characters replaced by `text`. */
  const edits: { pos: number; remove: number; text: string }[] = [];
  const declared = new Set<string>();
  const used = new Set<string>();
  const checks: ResultCheck[] = [];
  const lineOf = (pos: number) => block.lineMap[sf.getLineAndCharacterOfPosition(pos).line] ?? 0;

  const attachCheck = (statement: ts.Statement): string | null => {
    // The comment on the statement's line, else a comment alone on the next line.
    const trailing = ts.getTrailingCommentRanges(code, statement.end)?.[0];
    let comment = trailing ? lineCommentText(code, trailing) : null;
    let commentPos = trailing?.pos ?? 0;
    let nextLineOnly = false;
    if (comment === null && !trailing) {
      const leading = ts.getLeadingCommentRanges(code, statement.end)?.[0];
      const endLine = sf.getLineAndCharacterOfPosition(statement.end).line;
      if (leading && sf.getLineAndCharacterOfPosition(leading.pos).line === endLine + 1) {
        comment = lineCommentText(code, leading);
        commentPos = leading.pos;
        nextLineOnly = true;
      }
    }
    if (comment === null || comment === '') return null;
    const parsed = parseExpectedComment(comment);
    if (!parsed) {
      // A comment alone on the next line may just as well introduce what follows.
      if (!nextLineOnly) prose.push({ block, line: lineOf(commentPos), comment });
      return null;
    }
    const id = nextCheckId();
    checks.push({ id, block, line: lineOf(commentPos), comment, parsed });
    return `${HARNESS_NAME}(${id}, `;
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier;
      const target = rewriteSpecifier(spec.text, block.sourceFile);
      edits.push({ pos: spec.getStart(sf) + 1, remove: spec.text.length, text: target });
    }
    if (ts.isIdentifier(node)) {
      if (isDeclarationName(node)) declared.add(node.text);
      else if (!isPropertyName(node)) used.add(node.text);
    }
    if (ts.isExpressionStatement(node)) {
      const prefix = attachCheck(node);
      if (prefix) {
        let expr = node.expression;
        // console.log(x): check x.
        if (
          ts.isCallExpression(expr) &&
          expr.arguments.length === 1 &&
          expr.expression.getText(sf) === 'console.log'
        ) {
          expr = expr.arguments[0]!;
        }
        edits.push({ pos: expr.getStart(sf), remove: 0, text: `${prefix}(` });
        edits.push({ pos: expr.end, remove: 0, text: '))' });
      }
    } else if (ts.isVariableStatement(node)) {
      const decls = node.declarationList.declarations;
      const only = decls.length === 1 ? decls[0] : undefined;
      if (only && ts.isIdentifier(only.name)) {
        const prefix = attachCheck(node);
        if (prefix) edits.push({ pos: node.end, remove: 0, text: ` ${prefix}${only.name.text});` });
      } else {
        attachCheck(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);

  // Apply the edits from the end, so that earlier positions stay valid. None adds a line.
  let body = code;
  const sorted = edits
    .map((edit, order) => ({ ...edit, order }))
    .sort((a, b) => b.pos - a.pos || b.order - a.order);
  for (const edit of sorted) {
    body = body.slice(0, edit.pos) + edit.text + body.slice(edit.pos + edit.remove);
  }

  // Imports for the names used but not declared: from the file of the example first.
  const own = exportsByFile.get(resolve(block.sourceFile));
  const bySpecifier = new Map<string, string[]>();
  for (const name of [...used].sort()) {
    if (declared.has(name)) continue;
    let found: ExportedName | undefined = own?.get(name);
    for (const file of lookupOrder) {
      if (found) break;
      found = exportsByFile.get(file)?.get(name);
    }
    if (!found) continue;
    const list = bySpecifier.get(found.specifier) ?? [];
    list.push(found.isValue ? name : `type ${name}`);
    bySpecifier.set(found.specifier, list);
  }
  const header = [`import { ${HARNESS_NAME} } from './_harness';`];
  for (const [specifier, names] of bySpecifier) {
    header.push(`import { ${names.join(', ')} } from '${specifier}';`);
  }
  const slug = block.sourcePath
    .replace(/^src\//, '')
    .replace(/\.ts$/, '')
    .replace(/\W+/g, '-');
  const file = join(
    OUT_DIR,
    `${String(block.index).padStart(3, '0')}-${slug}-L${block.exampleLine}.ts`,
  );
  writeFileSync(file, `${header.join('\n')}\n${body}\n\nexport {};\n`);
  return { block, file, headerLines: header.length, checks };
}

const HARNESS_SOURCE = `// Generated by scripts/check-doc-examples.ts: reports the values of checked statements.
type Sink = (id: number, value: unknown) => void;

/** Reports \`value\` as the result of check \`id\`, and returns it. */
export function ${HARNESS_NAME}<T>(id: number, value: T): T {
  const sink = (globalThis as Record<symbol, Sink | undefined>)[Symbol.for('${SINK_KEY}')];
  sink?.(id, value);
  return value;
}
`;

// ---------------------------------------------------------------------------------------------
// Main.

interface Failure {
  readonly block: ExampleBlock;
  readonly stage: 'type-check' | 'run' | 'result';
  readonly where: string;
  readonly message: string;
}

function locate(generated: GeneratedBlock, line0: number): string {
  const codeLine = line0 - generated.headerLines;
  const sourceLine =
    codeLine >= 0 ? generated.block.lineMap[codeLine] : generated.block.exampleLine;
  return `${generated.block.sourcePath}:${sourceLine ?? generated.block.exampleLine}`;
}

async function main(): Promise<number> {
  const verbose = process.argv.includes('--verbose');
  const keep = process.argv.includes('--keep');

  const srcFiles = listTsFiles(SRC_DIR);
  const rawBlocks = srcFiles.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return text.includes('@example') ? extractExampleBlocks(file, text) : [];
  });
  const blocks: ExampleBlock[] = rawBlocks.map((b, k) => ({ ...b, index: k + 1 }));

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, '_harness.ts'), HARNESS_SOURCE);
  writeFileSync(
    join(OUT_DIR, 'tsconfig.json'),
    `${JSON.stringify({ extends: '../tsconfig.json', include: ['*.ts'] }, null, 2)}\n`,
  );

  // Exports of src, from one program over src/.
  const rootConfig = loadCompilerOptions(join(ROOT_DIR, 'tsconfig.json'));
  const srcProgram = ts.createProgram({ rootNames: srcFiles, options: rootConfig.options });
  const exportsByFile = collectExports(srcProgram, srcFiles);
  const lookupOrder = [
    resolve(SRC_DIR, 'index.ts'),
    resolve(SRC_DIR, 'math', 'index.ts'),
    ...srcFiles.map((f) => resolve(f)),
  ];

  let checkId = 0;
  const prose: ProseComment[] = [];
  const generated = blocks.map((block) =>
    generateBlock(block, exportsByFile, lookupOrder, () => ++checkId, prose),
  );
  const byFile = new Map(generated.map((g) => [resolve(g.file), g]));
  const checks = new Map(generated.flatMap((g) => g.checks.map((c) => [c.id, c] as const)));

  const failures: Failure[] = [];
  const failedBlocks = new Set<ExampleBlock>();
  const fail = (f: Failure) => {
    failures.push(f);
    failedBlocks.add(f.block);
  };

  // 1. Type-check, one program for every block.
  const docConfig = loadCompilerOptions(join(OUT_DIR, 'tsconfig.json'));
  const docProgram = ts.createProgram({
    rootNames: docConfig.fileNames,
    options: docConfig.options,
    oldProgram: srcProgram,
  });
  const typeFailed = new Set<ExampleBlock>();
  const otherDiagnostics: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(docProgram)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const g = d.file ? byFile.get(resolve(d.file.fileName)) : undefined;
    if (!g || d.start === undefined || !d.file) {
      const where = d.file ? posixPath(relative(ROOT_DIR, d.file.fileName)) : 'tsc';
      otherDiagnostics.push(`${where}: TS${d.code} ${message}`);
      continue;
    }
    const line0 = d.file.getLineAndCharacterOfPosition(d.start).line;
    typeFailed.add(g.block);
    fail({
      block: g.block,
      stage: 'type-check',
      where: locate(g, line0),
      message: `TS${d.code} ${message}`,
    });
  }

  // 2 and 3. Run every block in this process; the harness hands each checked value over.
  const reached = new Set<number>();
  /** With --verbose, the checked values of the block being run. */
  const details: string[] = [];
  let resultsChecked = 0;
  (globalThis as Record<symbol, unknown>)[Symbol.for(SINK_KEY)] = (id: number, value: unknown) => {
    const check = checks.get(id);
    if (!check) return;
    if (!reached.has(id)) resultsChecked++;
    reached.add(id);
    const mismatches = compareWithExpected(check.parsed.expected, value, check.parsed.approx);
    if (verbose) {
      const state = mismatches.length === 0 ? 'ok  ' : 'FAIL';
      details.push(`  ${state} line ${check.line}: // ${check.comment} ← ${show(value)}`);
    }
    for (const message of mismatches) {
      fail({
        block: check.block,
        stage: 'result',
        where: `${check.block.sourcePath}:${check.line}`,
        message: `// ${check.comment} → ${message}`,
      });
    }
  };
  let ran = 0;
  const quiet = () => {};
  for (const g of generated) {
    const saved = { log: console.log, info: console.info, warn: console.warn };
    console.log = quiet;
    console.info = quiet;
    console.warn = quiet;
    let thrown: unknown = null;
    let threw = false;
    try {
      await import(pathToFileURL(g.file).href);
    } catch (e) {
      threw = true;
      thrown = e;
    } finally {
      Object.assign(console, saved);
    }
    const where = `${g.block.sourcePath}:${g.block.exampleLine}`;
    if (threw && !g.block.expectsThrow) {
      const message = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : show(thrown);
      fail({ block: g.block, stage: 'run', where, message: `threw ${message}` });
    } else if (!threw && g.block.expectsThrow) {
      fail({ block: g.block, stage: 'run', where, message: 'marked `throws` but did not throw' });
    } else {
      ran++;
    }
    for (const check of g.checks) {
      if (!reached.has(check.id)) {
        fail({
          block: g.block,
          stage: 'result',
          where: `${g.block.sourcePath}:${check.line}`,
          message: `// ${check.comment} → the statement never ran`,
        });
      }
    }
    if (verbose) {
      const state = failedBlocks.has(g.block) ? 'FAIL' : 'ok  ';
      console.log(`${state} ${where} (${g.checks.length} result(s))`);
      for (const line of details.splice(0)) console.log(line);
    }
  }

  for (const f of failures) console.log(`FAIL ${f.where} [${f.stage}] ${f.message}`);
  if (otherDiagnostics.length > 0) {
    console.log(`note: ${otherDiagnostics.length} type error(s) outside the examples:`);
    for (const d of otherDiagnostics) console.log(`  ${d}`);
  }
  if (prose.length > 0) {
    console.log(`prose comments, not checked (${prose.length}):`);
    for (const p of prose) console.log(`  ${p.block.sourcePath}:${p.line}: // ${p.comment}`);
  }
  const typeChecked = blocks.length - typeFailed.size;
  console.log(
    `doc examples: ${blocks.length} blocks, ${typeChecked} type-checked, ${ran} ran, ` +
      `${resultsChecked} results checked, ${prose.length} prose comments skipped, ` +
      `${failedBlocks.size} failed`,
  );
  if (failedBlocks.size === 0 && !keep) rmSync(OUT_DIR, { recursive: true, force: true });
  else console.log(`generated programs kept in ${posixPath(relative(process.cwd(), OUT_DIR))}/`);
  return failedBlocks.size === 0 ? 0 : 1;
}

const invokedPath = process.argv[1] ? resolve(process.argv[1]) : '';
if (existsSync(invokedPath) && pathToFileURL(invokedPath).href === import.meta.url) {
  process.exitCode = await main();
}
