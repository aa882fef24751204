/**
 * Builds the coefficient data of the Earth-orientation kernels from the reference copies in
 * `test/reference/iers-conventions/`:
 *
 * - `src/data/iers2010.ts`: IERS Conventions (2010) tables 5.2a (CIP X), 5.2b (CIP Y),
 *   5.2d (s + XY/2) and 5.2e (GST − ERA), polynomial parts and series, as published;
 * - `src/data/iers2010Nutation.ts`: the IAU 2000A nutation series (SOFA `iauNut00a`'s
 *   coefficients) recovered from tables 5.3a (Δψ) and 5.3b (Δε);
 * - `src/data/iers2010Nut80.ts`: the 106 terms of the IAU 1980 nutation from Vallado's
 *   `nut80.dat`, in the order of the term numbers.
 *
 * Every table must hold exactly the number of terms per block that the fixture README lists
 * (and that the tables announce); the script throws otherwise.
 *
 * Run: `npx tsx scripts/generate-iers-tables.ts`
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type IersSeriesTable,
  MULTIPLIERS_PER_TERM,
  parseIersSeriesTable,
  parseNut80Dat,
} from '../src/frames/internal/iersTables';
import { nutation2000AFromIersTables } from '../src/frames/internal/nutation2000AFromTables';

const referenceDir = new URL('../test/reference/iers-conventions/', import.meta.url);
const dataDir = new URL('../src/data/', import.meta.url);

/** Term counts per block (j = 0, 1, …), from the fixture README and the tables' headers. */
const EXPECTED_COUNTS: Readonly<Record<string, readonly number[]>> = {
  'tab5.2a.txt': [1306, 253, 36, 4, 1],
  'tab5.2b.txt': [962, 277, 30, 5, 1],
  'tab5.2d.txt': [33, 3, 25, 4, 1],
  'tab5.2e.txt': [33, 1],
  'tab5.3a.txt': [1320, 38],
  'tab5.3b.txt': [1037, 19],
};
const NUT80_COUNT = 106;

/** Multipliers are written one character each: code 61 + k ('=' is 0, '>' is 1, '<' is −1). */
const MULTIPLIER_CODE_ZERO = 61;

function read(name: string): string {
  return readFileSync(new URL(name, referenceDir), 'utf8');
}

function parseChecked(name: string): IersSeriesTable {
  const table = parseIersSeriesTable(read(name), name);
  const counts = table.blocks.map((b) => b.terms.length);
  const expected = EXPECTED_COUNTS[name]!;
  if (counts.join('/') !== expected.join('/')) {
    throw new Error(`${name}: term counts ${counts.join('/')}, expected ${expected.join('/')}`);
  }
  return table;
}

function encodeMultipliers(multipliers: readonly number[]): string {
  if (multipliers.length !== MULTIPLIERS_PER_TERM) throw new Error('14 multipliers expected');
  return multipliers
    .map((k) => {
      if (!Number.isInteger(k) || k < -21 || k > 20)
        throw new Error(`multiplier ${k} out of range`);
      return String.fromCharCode(MULTIPLIER_CODE_ZERO + k);
    })
    .join('');
}

function hundredths(value: number): number {
  const h = Math.round(value * 100);
  if (Math.abs(h - value * 100) > 1e-6) throw new Error(`${value} has more than two decimals`);
  return h;
}

/** Splits a long string literal into lines of at most `width` characters, joined with +. */
function stringLiteral(text: string, indent: string, width = 90): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += width) parts.push(`'${text.slice(i, i + width)}'`);
  return parts.join(` +\n${indent}`);
}

function numberList(values: readonly number[]): string {
  return `[${values.join(', ')}]`;
}

function seriesEntry(
  name: string,
  table: IersSeriesTable,
  polynomialField: 'polynomialUas' | 'polynomialArcsec',
  summary: string,
): string {
  const expectedUnit = polynomialField === 'polynomialUas' ? 'microarcsecond' : 'arcsecond';
  if (table.polynomial?.unit !== expectedUnit) {
    throw new Error(`${table.source}: polynomial part in ${table.polynomial?.unit ?? 'nothing'}`);
  }
  const terms = table.blocks.flatMap((b) => b.terms);
  const multipliers = terms.map((t) => encodeMultipliers(t.multipliers)).join('');
  const coefficients = terms.flatMap((t) => [
    hundredths(t.sinCoefficient),
    hundredths(t.cosCoefficient),
  ]);
  return `/** ${summary} */
export const ${name}: ${polynomialField === 'polynomialUas' ? 'Iers2010CipSeries' : 'Iers2010GstSeries'} = {
  table: '${table.title.replace(/'/g, "\\'").replace(/\s+/g, ' ')}',
  ${polynomialField}: ${numberList(table.polynomial.coefficients)},
  termCounts: ${numberList(table.blocks.map((b) => b.terms.length))},
  multipliers:
    ${stringLiteral(multipliers, '    ')},
  coefficientsHundredthUas: ${numberList(coefficients)},
};
`;
}

// ------------------------------------------------------------------ tables 5.2a, b, d, e
const tableX = parseChecked('tab5.2a.txt');
const tableY = parseChecked('tab5.2b.txt');
const tableS = parseChecked('tab5.2d.txt');
const tableE = parseChecked('tab5.2e.txt');
const tablePsi = parseChecked('tab5.3a.txt');
const tableEps = parseChecked('tab5.3b.txt');

const EXPECTED_COLUMNS: Readonly<Record<string, string>> = {
  'tab5.2a.txt': 'a_{s,j})_i a_{c,j})_i',
  'tab5.2b.txt': 'b_{s,j})_i b_{c,j})_i',
  'tab5.2d.txt': 'C_{s,j})_i C_{c,j})_i',
  'tab5.2e.txt': "C'_{s,j})_i C'_{c,j})_i",
  'tab5.3a.txt': 'A_i A"_i',
  'tab5.3b.txt': 'B"_i B_i',
};
for (const table of [tableX, tableY, tableS, tableE, tablePsi, tableEps]) {
  const columns = table.coefficientColumns.join(' ');
  if (columns !== EXPECTED_COLUMNS[table.source]) {
    throw new Error(`${table.source}: columns "${columns}" are not the expected sin, cos pair`);
  }
}

const header = `// Generated by scripts/generate-iers-tables.ts from test/reference/iers-conventions/
// (the electronic tables of Chapter 5 of the IERS Conventions 2010, IERS Technical Note 36);
// do not edit.`;

const encodingDoc = ` * Each series is stored term after term, blocks j = 0, 1, … in turn (\`termCounts\` terms
 * each), in the order of the published table:
 *
 * - \`multipliers\`: 14 characters per term, the multipliers of l, l′, F, D, Ω, L_Me, L_Ve,
 *   L_E, L_Ma, L_J, L_Sa, L_U, L_Ne, p_A; the character code minus ${MULTIPLIER_CODE_ZERO} is the
 *   multiplier ('=' is 0, '>' is 1, '<' is −1, '?' is 2 …).
 * - \`coefficientsHundredthUas\`: two integers per term, the coefficients of sin ARG and of
 *   cos ARG in units of 0.01 µas (per Julian century^j), exactly as printed.`;

const cipFile = `${header}

/**
 * A series of tables 5.2a, 5.2b or 5.2d: polynomial part plus Poisson series, in µas, with t
 * in Julian centuries of TT since J2000.0:
 * value = Σ_j polynomialUas[j] t^j + Σ_j t^j Σ_i (S_ij sin ARG_i + C_ij cos ARG_i).
 *
${encodingDoc}
 */
export interface Iers2010CipSeries {
  /** Title line of the table. */
  readonly table: string;
  /** Polynomial part, µas per century^j, j = 0 … 5. */
  readonly polynomialUas: readonly number[];
  /** Number of terms in the blocks j = 0, 1, …. */
  readonly termCounts: readonly number[];
  /** Argument multipliers, 14 characters per term. */
  readonly multipliers: string;
  /** Sine and cosine coefficients per term, 0.01 µas. */
  readonly coefficientsHundredthUas: readonly number[];
}

/**
 * Table 5.2e: GST = ERA + polynomial part + Δψ cos ε_A + the series (the "complementary
 * terms" of the equation of the equinoxes, SOFA \`iauEect00\`). The polynomial is in arcsec,
 * the series in µas, encoded as {@link Iers2010CipSeries}.
 */
export interface Iers2010GstSeries {
  /** Title line of the table. */
  readonly table: string;
  /** Polynomial part, arcsec per century^j, j = 0 … 5. */
  readonly polynomialArcsec: readonly number[];
  /** Number of terms in the blocks j = 0, 1. */
  readonly termCounts: readonly number[];
  /** Argument multipliers, 14 characters per term. */
  readonly multipliers: string;
  /** Sine and cosine coefficients per term, 0.01 µas. */
  readonly coefficientsHundredthUas: readonly number[];
}

${seriesEntry('IERS2010_CIP_X', tableX, 'polynomialUas', 'Table 5.2a: the X coordinate of the CIP in the GCRS (IAU 2006/2000A), µas.')}
${seriesEntry('IERS2010_CIP_Y', tableY, 'polynomialUas', 'Table 5.2b: the Y coordinate of the CIP in the GCRS (IAU 2006/2000A), µas.')}
${seriesEntry('IERS2010_CIO_S_PLUS_XY_HALF', tableS, 'polynomialUas', 'Table 5.2d: s + XY/2, s being the CIO locator (IAU 2006/2000A), µas.')}
${seriesEntry('IERS2010_GST', tableE, 'polynomialArcsec', 'Table 5.2e: GST − ERA − Δψ cos ε_A (IAU 2006/2000A): polynomial in arcsec, series in µas.')}`;

// ------------------------------------------------------------------ tables 5.3a, b → IAU 2000A
const nutation = nutation2000AFromIersTables(tablePsi, tableEps);
const nutationTerms = nutation.terms;
const planetaryCount = nutationTerms.length - nutation.lunisolarCount;
const largestDropped = nutation.dropped.reduce((m, d) => Math.max(m, Math.abs(d.valueUas)), 0);
const nutationFile = `${header}

/**
 * The IAU 2000A nutation series (MHB2000 luni-solar and planetary terms, free core nutation
 * omitted) with the coefficients of SOFA \`iauNut00a\`, recovered from tables 5.3a (Δψ) and
 * 5.3b (Δε) of the IERS Conventions (2010) by
 * \`src/frames/internal/nutation2000AFromTables.ts\`: the tables print the amplitudes with
 * part of the IAU 2006 adjustments folded in and rounded to 0.01 µas; they are read back to
 * IAU 2000A's 0.1 µas grid so that the adjustments can be applied to every term as SOFA
 * \`iauNut06a\` does. ${nutation.dropped.length} out-of-phase t terms of the tables (largest ${largestDropped} µas per
 * century), which SOFA does not have, are left out.
 *
 * With t in Julian centuries of TT since J2000.0 and ARG = Σ kᵢ Fᵢ:
 * Δψ = Σ (A + A′ t) sin ARG + A″ cos ARG, Δε = Σ (B + B′ t) cos ARG + B″ sin ARG.
 *
 * - \`multipliers\`: 14 characters per term (l, l′, F, D, Ω, L_Me … L_Ne, p_A), character
 *   code minus ${MULTIPLIER_CODE_ZERO}.
 * - \`coefficientsTenthUas\`: six integers per term, A, A′, A″, B, B′, B″ in units of
 *   0.1 µas (per century for A′, B′).
 *
 * The first \`lunisolarCount\` terms are luni-solar (only l, l′, F, D, Ω occur), the other
 * \`planetaryCount\` planetary (SOFA evaluates the two with slightly different arguments).
 */
export interface Iau2000ANutationSeries {
  /** Number of luni-solar terms (stored first). */
  readonly lunisolarCount: number;
  /** Number of planetary terms (stored after the luni-solar ones). */
  readonly planetaryCount: number;
  /** Argument multipliers, 14 characters per term. */
  readonly multipliers: string;
  /** A, A′, A″, B, B′, B″ per term, 0.1 µas. */
  readonly coefficientsTenthUas: readonly number[];
}

/** IAU 2000A nutation, SOFA's coefficients, from IERS Conventions (2010) tables 5.3a/5.3b. */
export const IAU2000A_NUTATION: Iau2000ANutationSeries = {
  lunisolarCount: ${nutation.lunisolarCount},
  planetaryCount: ${planetaryCount},
  multipliers:
    ${stringLiteral(nutationTerms.map((t) => encodeMultipliers(t.multipliers)).join(''), '    ')},
  coefficientsTenthUas: ${numberList(
    nutationTerms.flatMap((t) => [
      t.dPsiSin,
      t.dPsiSinT,
      t.dPsiCos,
      t.dEpsCos,
      t.dEpsCosT,
      t.dEpsSin,
    ]),
  )},
};
`;

// ------------------------------------------------------------------ nut80.dat
// nut80.dat labels two rows "58": line 38 (0 0 2 2 1, term 58) and line 45 (1 0 2 -2 1), which
// is term 59 of the series (Explanatory Supplement 1992, Table 3.222.1; SOFA iauNut80 row 59);
// 59 is the one number missing. The fix is applied only if the file still has that typo.
const NUT80_LABEL_FIXES: readonly { line: number; printed: number; termNumber: number }[] = [
  { line: 45, printed: 58, termNumber: 59 },
];
const nut80 = parseNut80Dat(read('nut80.dat'), 'nut80.dat', NUT80_COUNT)
  .map((term) => {
    const fix = NUT80_LABEL_FIXES.find((f) => f.line === term.line);
    if (fix === undefined) return term;
    if (term.termNumber !== fix.printed) {
      throw new Error(`nut80.dat line ${fix.line} no longer reads ${fix.printed}: drop the fix`);
    }
    return { ...term, termNumber: fix.termNumber };
  })
  .sort((a, b) => a.termNumber - b.termNumber);
if (nut80.some((t, i) => t.termNumber !== i + 1)) {
  throw new Error('nut80.dat: the term numbers are not 1 … 106, each once');
}
const nut80Arguments = new Set(nut80.map((t) => t.multipliers.join(',')));
if (nut80Arguments.size !== NUT80_COUNT) {
  throw new Error('nut80.dat: two terms have the same argument');
}
const nut80File = `// Generated by scripts/generate-iers-tables.ts from test/reference/iers-conventions/nut80.dat
// (Vallado's file of the IAU 1980 nutation series); do not edit.

/**
 * The IAU 1980 nutation series (Seidelmann 1982; Explanatory Supplement 1992, Table 3.222.1):
 * ${NUT80_COUNT} terms in the order of their term numbers, with t in Julian centuries of TT since
 * J2000.0 and ARG = k_l l + k_l′ l′ + k_F F + k_D D + k_Ω Ω:
 * Δψ = Σ (A + B t) sin ARG, Δε = Σ (C + D t) cos ARG.
 *
 * - \`multipliers\`: five integers per term, k_l, k_l′, k_F, k_D, k_Ω.
 * - \`coefficients\`: four numbers per term, A, B, C, D in 0.0001″ (per century for B, D).
 */
export interface Iau1980NutationSeries {
  /** Multipliers of l, l′, F, D, Ω, five per term. */
  readonly multipliers: readonly number[];
  /** A, B, C, D per term, 0.0001″ (and per century). */
  readonly coefficients: readonly number[];
}

/** IAU 1980 nutation, ${NUT80_COUNT} terms, from nut80.dat. */
export const IAU1980_NUTATION: Iau1980NutationSeries = {
  multipliers: ${numberList(nut80.flatMap((t) => [...t.multipliers]))},
  coefficients: ${numberList(nut80.flatMap((t) => [t.dPsiSin, t.dPsiSinRate, t.dEpsCos, t.dEpsCosRate]))},
};
`;

const outputs: [string, string][] = [
  ['iers2010.ts', cipFile],
  ['iers2010Nutation.ts', nutationFile],
  ['iers2010Nut80.ts', nut80File],
];
for (const [name, text] of outputs) {
  const url = new URL(name, dataDir);
  writeFileSync(url, text);
  console.log(`wrote ${fileURLToPath(url)} (${(text.length / 1024).toFixed(1)} kB)`);
}
// Biome's layout of the generated files, so that a rerun leaves them unchanged.
const biome = fileURLToPath(new URL('../node_modules/@biomejs/biome/bin/biome', import.meta.url));
const formatted = spawnSync(
  process.execPath,
  [biome, 'format', '--write', ...outputs.map(([name]) => fileURLToPath(new URL(name, dataDir)))],
  { stdio: 'inherit' },
);
if (formatted.status !== 0) throw new Error('biome format failed on the generated files');
console.log(
  `IAU 2000A: ${nutation.lunisolarCount} luni-solar + ${planetaryCount} planetary terms; ` +
    `${nutation.dropped.length} out-of-phase t terms left out (largest ${largestDropped} µas/century)`,
);
