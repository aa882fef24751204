/**
 * The bundled coefficient data (`src/data/iers2010*.ts`) turned into fused series for
 * {@link sumFusedSeriesInto}. Each set is built on first use and kept (a private memo of
 * immutable derived data: importing this module computes nothing).
 *
 * @internal
 */
import {
  IERS2010_CIO_S_PLUS_XY_HALF,
  IERS2010_CIP_X,
  IERS2010_CIP_Y,
  IERS2010_GST,
  type Iers2010CipSeries,
} from '../../data/iers2010';
import { IAU2000A_NUTATION } from '../../data/iers2010Nutation';
import {
  type ArgumentSet,
  IERS2003_ARGUMENTS,
  MHB2000_LUNISOLAR_ARGUMENTS,
  MHB2000_PLANETARY_ARGUMENTS,
} from './fundamentalArguments';
import { buildFusedSeries, type FusedSeries, type SeriesContribution } from './seriesKernel';

/** Code of the character that encodes a multiplier of 0 in the bundled data. */
const MULTIPLIER_CODE_ZERO = 61;
const MULTIPLIERS = 14;

/**
 * Decodes the multiplier string of the bundled data into integers.
 *
 * @param text - 14 characters per term, code − 61 each
 * @returns the multipliers, 14 per term
 */
export function decodeMultipliers(text: string): Int8Array {
  const out = new Int8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) - MULTIPLIER_CODE_ZERO;
  return out;
}

/** Adds the contributions of one table 5.2x series to `out`, slot = firstSlot + power. */
function contributionsOf(
  series: Pick<Iers2010CipSeries, 'termCounts' | 'multipliers' | 'coefficientsHundredthUas'>,
  firstSlot: number,
  out: SeriesContribution[],
): void {
  const multipliers = decodeMultipliers(series.multipliers);
  const coefficients = series.coefficientsHundredthUas;
  let term = 0;
  series.termCounts.forEach((count, power) => {
    for (let i = 0; i < count; i++, term++) {
      out.push({
        multipliers,
        multiplierOffset: term * MULTIPLIERS,
        slot: firstSlot + power,
        // Hundredths of µas to µas; the quotient is the double nearest the printed decimal.
        sin: coefficients[2 * term]! / 100,
        cos: coefficients[2 * term + 1]! / 100,
      });
    }
  });
}

/** Slots of the CIP series: X t^0…t^4, Y t^0…t^4, s + XY/2 t^0…t^4. */
export const CIP_SLOT_X = 0;
export const CIP_SLOT_Y = 5;
export const CIP_SLOT_S = 10;
export const CIP_SLOT_COUNT = 15;

/** The tables 5.2a, 5.2b and 5.2d fused over their 1311 distinct arguments. */
export interface CipSeries {
  readonly fused: FusedSeries;
  /** The series of table 5.2d alone (for s given X, Y). */
  readonly sOnly: FusedSeries;
  readonly xPolynomialUas: readonly number[];
  readonly yPolynomialUas: readonly number[];
  readonly sPolynomialUas: readonly number[];
}

let cipCache: CipSeries | undefined;

/**
 * The CIP X, Y and s + XY/2 series (IERS Conventions 2010 tables 5.2a, 5.2b, 5.2d) with the
 * IERS 2003 fundamental arguments, as SOFA `iauXy06` and `iauS06` evaluate them.
 *
 * @returns the fused series and the polynomial parts, µas
 */
export function cipSeries(): CipSeries {
  if (cipCache === undefined) {
    const all: SeriesContribution[] = [];
    contributionsOf(IERS2010_CIP_X, CIP_SLOT_X, all);
    contributionsOf(IERS2010_CIP_Y, CIP_SLOT_Y, all);
    contributionsOf(IERS2010_CIO_S_PLUS_XY_HALF, CIP_SLOT_S, all);
    const sOnly: SeriesContribution[] = [];
    contributionsOf(IERS2010_CIO_S_PLUS_XY_HALF, 0, sOnly);
    cipCache = {
      fused: buildFusedSeries(all, CIP_SLOT_COUNT, IERS2003_ARGUMENTS),
      sOnly: buildFusedSeries(sOnly, 5, IERS2003_ARGUMENTS),
      xPolynomialUas: IERS2010_CIP_X.polynomialUas,
      yPolynomialUas: IERS2010_CIP_Y.polynomialUas,
      sPolynomialUas: IERS2010_CIO_S_PLUS_XY_HALF.polynomialUas,
    };
  }
  return cipCache;
}

let gstCache: FusedSeries | undefined;

/**
 * The series of table 5.2e (SOFA `iauEect00`'s complementary terms), slots t^0 and t^1, µas.
 *
 * @returns the fused series
 */
export function gstSeries(): FusedSeries {
  if (gstCache === undefined) {
    const all: SeriesContribution[] = [];
    contributionsOf(IERS2010_GST, 0, all);
    gstCache = buildFusedSeries(all, 2, IERS2003_ARGUMENTS);
  }
  return gstCache;
}

/** Slots of the nutation series: Δψ, Δψ·t, Δε, Δε·t (units of 0.1 µas). */
export const NUT_SLOT_DPSI = 0;
export const NUT_SLOT_DPSI_T = 1;
export const NUT_SLOT_DEPS = 2;
export const NUT_SLOT_DEPS_T = 3;
export const NUT_SLOT_COUNT = 4;

/** The IAU 2000A nutation as two fused series with SOFA's two sets of arguments. */
export interface NutationSeries {
  readonly lunisolar: FusedSeries;
  readonly planetary: FusedSeries;
}

let nutationCache: NutationSeries | undefined;

function nutationPart(first: number, count: number, argumentSet: ArgumentSet): FusedSeries {
  const multipliers = decodeMultipliers(IAU2000A_NUTATION.multipliers);
  const c = IAU2000A_NUTATION.coefficientsTenthUas;
  const all: SeriesContribution[] = [];
  for (let term = first; term < first + count; term++) {
    const o = 6 * term;
    const base = { multipliers, multiplierOffset: term * MULTIPLIERS };
    // A sin + A″ cos, A′ t sin, B″ sin + B cos, B′ t cos; products with both coefficients 0
    // are left out.
    const parts: [number, number, number][] = [
      [NUT_SLOT_DPSI, c[o]!, c[o + 2]!],
      [NUT_SLOT_DPSI_T, c[o + 1]!, 0],
      [NUT_SLOT_DEPS, c[o + 5]!, c[o + 3]!],
      [NUT_SLOT_DEPS_T, 0, c[o + 4]!],
    ];
    for (const [slot, sin, cos] of parts) {
      if (sin !== 0 || cos !== 0) all.push({ ...base, slot, sin, cos });
    }
  }
  return buildFusedSeries(all, NUT_SLOT_COUNT, argumentSet);
}

/**
 * The IAU 2000A nutation (SOFA `iauNut00a`'s coefficients, 0.1 µas), luni-solar terms with
 * SOFA's luni-solar arguments and planetary terms with its MHB2000 planetary arguments.
 *
 * @returns the two fused series
 */
export function nutation2000ASeries(): NutationSeries {
  if (nutationCache === undefined) {
    const nLs = IAU2000A_NUTATION.lunisolarCount;
    nutationCache = {
      lunisolar: nutationPart(0, nLs, MHB2000_LUNISOLAR_ARGUMENTS),
      planetary: nutationPart(nLs, IAU2000A_NUTATION.planetaryCount, MHB2000_PLANETARY_ARGUMENTS),
    };
  }
  return nutationCache;
}
