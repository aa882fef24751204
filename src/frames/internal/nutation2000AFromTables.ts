/**
 * Recovers the IAU 2000A nutation series, as SOFA `iauNut00a` tabulates it, from tables 5.3a
 * (Δψ) and 5.3b (Δε) of the IERS Conventions (2010). Used by
 * `scripts/generate-iers-tables.ts` and by the tests; not by the kernels.
 *
 * Why: the IERS tables print the "IAU 2000_R06" series, the IAU 2000A amplitudes (multiples of
 * 0.1 µas) with the IAU 2006 adjustments of Wallace & Capitaine (2006) folded in and rounded
 * to 0.01 µas, but only for some terms:
 *
 * - Δψ amplitudes × (1 + 0.4697e-6) where that moves them by ≥ 0.1 µas (the three largest),
 * - a J2-rate term −2.7774e-6 · t · amplitude added to the t·sin Δψ coefficients of the larger
 *   luni-solar terms and to the t·cos Δε coefficients of the four largest,
 * - out-of-phase t·cos Δψ and t·sin Δε terms (largest 2.89 µas/century) that SOFA does not
 *   have.
 *
 * SOFA `iauNut06a` applies the adjustments to every term instead. To reproduce it, each
 * printed value is read back to the 0.1 µas grid of IAU 2000A: a value already on the grid is
 * taken as printed; otherwise the adjustment is undone and the result must land within
 * 0.0052 µas of the grid (0.005 of rounding, plus slack). For the t coefficients the order is
 * reversed (undo first, then as printed), because the adjusted value of a small rate can be on
 * the grid by chance (7.10 = 7.3 − 0.20 µas/century for the term in l). Any value that reads
 * neither way throws. The out-of-phase t terms are left out and listed.
 *
 * The result was checked term by term against the tables compiled into ERFA 2.0.0
 * (`scripts/reference/frames-kernels/check_nutation_coefficients.py`): the 1320 arguments
 * carry exactly SOFA's coefficients, with SOFA's 38 repeated frequencies merged.
 *
 * @internal
 */
import { DataFormatError } from '../../errors';
import { type IersSeriesTable, type IersSeriesTerm, MULTIPLIERS_PER_TERM } from './iersTables';

/** The factor of Wallace & Capitaine (2006) eq. 5 on the Δψ amplitudes, minus 1. */
export const NUTATION_2006_DPSI_FACTOR = 0.4697e-6;
/** The J2 rate term of Wallace & Capitaine (2006) eq. 5, per Julian century. */
export const NUTATION_2006_J2_RATE = -2.7774e-6;

/** One term of the IAU 2000A nutation, coefficients in units of 0.1 µas (and per century). */
export interface Nutation2000ATerm {
  /** The 14 multipliers (l, l′, F, D, Ω, L_Me … L_Ne, p_A), as printed in table 5.3a. */
  readonly multipliers: readonly number[];
  /** True when a planetary multiplier is not 0 (SOFA's planetary series). */
  readonly planetary: boolean;
  /** Δψ: coefficient of sin ARG. */
  readonly dPsiSin: number;
  /** Δψ: coefficient of t · sin ARG. */
  readonly dPsiSinT: number;
  /** Δψ: coefficient of cos ARG. */
  readonly dPsiCos: number;
  /** Δε: coefficient of cos ARG. */
  readonly dEpsCos: number;
  /** Δε: coefficient of t · cos ARG. */
  readonly dEpsCosT: number;
  /** Δε: coefficient of sin ARG. */
  readonly dEpsSin: number;
}

/** A term of the IERS tables that SOFA's IAU 2000A does not have. */
export interface DroppedNutationTerm {
  readonly series: 'dPsi t·cos' | 'dEps t·sin';
  readonly multipliers: readonly number[];
  /** Printed value, µas per century. */
  readonly valueUas: number;
}

/** The result of {@link nutation2000AFromIersTables}. */
export interface Nutation2000ASeries {
  /** Luni-solar terms first (in the order of table 5.3a), then planetary ones. */
  readonly terms: readonly Nutation2000ATerm[];
  /** Number of luni-solar terms (the first ones of `terms`). */
  readonly lunisolarCount: number;
  /** Out-of-phase t terms of the tables, left out. */
  readonly dropped: readonly DroppedNutationTerm[];
}

/** Tolerance, in 0.01 µas, of a value read back to the 0.1 µas grid (0.005 µas rounding + slack). */
const GRID_SLACK_HUNDREDTHS = 0.52;

interface Accumulated {
  multipliers: number[];
  /** Values in 0.01 µas, in the sign convention of `multipliers`. */
  a: number;
  aCos: number;
  aT: number;
  aTCos: number;
  b: number;
  bSin: number;
  bT: number;
  bTSin: number;
  line: number;
  order: number;
}

function hundredths(value: number, source: string, line: number): number {
  const h = Math.round(value * 100);
  if (Math.abs(h - value * 100) > 1e-6 * Math.max(1, Math.abs(h))) {
    throw new DataFormatError(source, line, `${value} µas has more than two decimals`);
  }
  return h;
}

/** Reads a value in 0.01 µas back to the 0.1 µas grid, in units of 0.1 µas. */
function onGrid(h: number): number | undefined {
  // + 0 turns −0 into 0.
  return h % 10 === 0 ? h / 10 + 0 : undefined;
}

function nearGrid(x: number): number | undefined {
  const g = Math.round(x / 10);
  return Math.abs(x - 10 * g) <= GRID_SLACK_HUNDREDTHS ? g + 0 : undefined;
}

/**
 * The IAU 2000A nutation series (luni-solar and planetary, SOFA's coefficients) recovered from
 * tables 5.3a and 5.3b of the IERS Conventions (2010).
 *
 * @param dPsiTable - table 5.3a, parsed
 * @param dEpsTable - table 5.3b, parsed
 * @returns the terms in units of 0.1 µas, luni-solar first, and the out-of-phase t terms
 *   that were left out
 * @throws {@link DataFormatError} when a table does not have blocks j = 0 and j = 1 only, a t
 *   term has no j = 0 term with the same argument, a value cannot be read back to the
 *   0.1 µas grid, or a planetary term has an l′ multiplier or a t coefficient
 *
 * @example
 * ```ts
 * // parse tab5.3a.txt and tab5.3b.txt with parseIersSeriesTable, then:
 * // nutation2000AFromIersTables(a, b).terms[0].dPsiSin; // -172064161 (0.1 µas)
 * ```
 */
export function nutation2000AFromIersTables(
  dPsiTable: IersSeriesTable,
  dEpsTable: IersSeriesTable,
): Nutation2000ASeries {
  for (const table of [dPsiTable, dEpsTable]) {
    if (table.blocks.length !== 2) {
      throw new DataFormatError(
        table.source,
        0,
        `expected blocks j = 0 and j = 1, found ${table.blocks.length}`,
      );
    }
  }
  const byKey = new Map<string, Accumulated>();
  const keyOf = (m: readonly number[]): string => m.join(',');
  const negatedKeyOf = (m: readonly number[]): string => m.map((k) => -k).join(',');

  // Finds (or, for j = 0, creates) the term of an argument; sign −1 when the row prints the
  // negated multipliers (sin coefficients then change sign).
  const locate = (
    term: IersSeriesTerm,
    create: boolean,
    source: string,
  ): { acc: Accumulated; sign: number } => {
    const direct = byKey.get(keyOf(term.multipliers));
    if (direct) return { acc: direct, sign: 1 };
    const negated = byKey.get(negatedKeyOf(term.multipliers));
    if (negated) return { acc: negated, sign: -1 };
    if (!create) {
      throw new DataFormatError(source, term.line, 't term without a j = 0 term of its argument');
    }
    const acc: Accumulated = {
      multipliers: [...term.multipliers],
      a: 0,
      aCos: 0,
      aT: 0,
      aTCos: 0,
      b: 0,
      bSin: 0,
      bT: 0,
      bTSin: 0,
      line: term.line,
      order: byKey.size,
    };
    byKey.set(keyOf(term.multipliers), acc);
    return { acc, sign: 1 };
  };

  const [psi0, psi1] = dPsiTable.blocks;
  const [eps0, eps1] = dEpsTable.blocks;
  const src = (t: IersSeriesTable) => t.source;
  for (const term of psi0!.terms) {
    const { acc, sign } = locate(term, true, src(dPsiTable));
    acc.a += sign * hundredths(term.sinCoefficient, src(dPsiTable), term.line);
    acc.aCos += hundredths(term.cosCoefficient, src(dPsiTable), term.line);
  }
  for (const term of eps0!.terms) {
    const { acc, sign } = locate(term, true, src(dEpsTable));
    acc.bSin += sign * hundredths(term.sinCoefficient, src(dEpsTable), term.line);
    acc.b += hundredths(term.cosCoefficient, src(dEpsTable), term.line);
  }
  for (const term of psi1!.terms) {
    const { acc, sign } = locate(term, false, src(dPsiTable));
    acc.aT += sign * hundredths(term.sinCoefficient, src(dPsiTable), term.line);
    acc.aTCos += hundredths(term.cosCoefficient, src(dPsiTable), term.line);
  }
  for (const term of eps1!.terms) {
    const { acc, sign } = locate(term, false, src(dEpsTable));
    acc.bTSin += sign * hundredths(term.sinCoefficient, src(dEpsTable), term.line);
    acc.bT += hundredths(term.cosCoefficient, src(dEpsTable), term.line);
  }

  const factor = 1 + NUTATION_2006_DPSI_FACTOR;
  const fail = (acc: Accumulated, what: string, h: number): never => {
    throw new DataFormatError(
      src(dPsiTable),
      acc.line,
      `${what} = ${h / 100} µas cannot be read back to the 0.1 µas grid of IAU 2000A`,
    );
  };
  // Amplitude: as printed if on the grid, else undo the factor.
  const amplitude = (acc: Accumulated, what: string, h: number, f: number): number =>
    onGrid(h) ?? nearGrid(h / f) ?? fail(acc, what, h);
  // Rate: undo the J2 term (and factor) first, else as printed.
  const rate = (acc: Accumulated, what: string, h: number, amp: number, f: number): number =>
    nearGrid((h - NUTATION_2006_J2_RATE * 10 * amp) / f) ?? onGrid(h) ?? fail(acc, what, h);

  const lunisolar: Nutation2000ATerm[] = [];
  const planetary: Nutation2000ATerm[] = [];
  const dropped: DroppedNutationTerm[] = [];
  const all = [...byKey.values()].sort((x, y) => x.order - y.order);
  for (const acc of all) {
    const dPsiSin = amplitude(acc, 'Δψ sin', acc.a, factor);
    const dPsiCos = amplitude(acc, 'Δψ cos', acc.aCos, factor);
    const dEpsCos = amplitude(acc, 'Δε cos', acc.b, 1);
    const dEpsSin = amplitude(acc, 'Δε sin', acc.bSin, 1);
    const dPsiSinT = rate(acc, 'Δψ t·sin', acc.aT, dPsiSin, factor);
    const dEpsCosT = rate(acc, 'Δε t·cos', acc.bT, dEpsCos, 1);
    if (acc.aTCos !== 0) {
      dropped.push({
        series: 'dPsi t·cos',
        multipliers: acc.multipliers,
        valueUas: acc.aTCos / 100,
      });
    }
    if (acc.bTSin !== 0) {
      dropped.push({
        series: 'dEps t·sin',
        multipliers: acc.multipliers,
        valueUas: acc.bTSin / 100,
      });
    }
    const isPlanetary = acc.multipliers.slice(5, MULTIPLIERS_PER_TERM).some((k) => k !== 0);
    if (isPlanetary && (acc.multipliers[1] !== 0 || dPsiSinT !== 0 || dEpsCosT !== 0)) {
      throw new DataFormatError(
        src(dPsiTable),
        acc.line,
        'a planetary term has an l′ multiplier or a t coefficient, unlike IAU 2000A',
      );
    }
    const term: Nutation2000ATerm = {
      multipliers: acc.multipliers,
      planetary: isPlanetary,
      dPsiSin,
      dPsiSinT,
      dPsiCos,
      dEpsCos,
      dEpsCosT,
      dEpsSin,
    };
    (isPlanetary ? planetary : lunisolar).push(term);
  }
  return { terms: [...lunisolar, ...planetary], lunisolarCount: lunisolar.length, dropped };
}
