import { IAU2000B_LUNISOLAR_TERMS } from '../../data/iau2000B';
import {
  ARCSEC_PER_TURN,
  julianCenturiesSinceJ2000,
  RAD_PER_ARCSEC,
  throwIfNotFinite,
} from '../internal/constants';
import type { Nutation } from './nutation2000A';

/** 0.1 µas to radians, the unit of the series coefficients. */
const RAD_PER_TENTH_MICROARCSEC = RAD_PER_ARCSEC / 1e7;
/** Milliarcseconds to radians. */
const RAD_PER_MILLIARCSEC = RAD_PER_ARCSEC / 1e3;

/**
 * Fixed offsets standing in for the planetary nutation, −0.135 mas in Δψ and +0.388 mas in Δε:
 * Luzum's (2001) values for frame bias, precession and nutation applied one after the other,
 * as SOFA `iauNut00b` uses them (McCarthy & Luzum 2003 give −1.5835 and +1.6339 mas, tuned
 * for "total nutations" added to the IAU 1976 precession).
 */
const DPSI_PLANETARY_OFFSET_RAD = -0.135 * RAD_PER_MILLIARCSEC;
const DEPS_PLANETARY_OFFSET_RAD = 0.388 * RAD_PER_MILLIARCSEC;

// Delaunay arguments of IAU 2000B: Simon et al. (1994) truncated to their linear parts, in
// arcsec and arcsec per Julian century (McCarthy & Luzum 2003; SOFA iauNut00b). The constant
// terms of l′ and D are MHB_2000_SHORT's, rounded to 0.01 mas.
const L0_ARCSEC = 485868.249036;
const L1_ARCSEC = 1717915923.2178;
const LP0_ARCSEC = 1287104.79305;
const LP1_ARCSEC = 129596581.0481;
const F0_ARCSEC = 335779.526232;
const F1_ARCSEC = 1739527262.8478;
const D0_ARCSEC = 1072260.70369;
const D1_ARCSEC = 1602961601.209;
const OM0_ARCSEC = 450160.398036;
const OM1_ARCSEC = -6962890.5431;

/** Multipliers of the Delaunay arguments range over −2 … 4 in the IAU 2000B table. */
const MIN_MULTIPLIER = -2;
/** Doubles per term in {@link Iau2000BKernel.coefficients}: A, A′, A″, B, B′, B″. */
const COEFFICIENT_STRIDE = 6;

interface Iau2000BKernel {
  /** Per term and argument, the index of cos kα in that argument's {@link phasors}. */
  readonly phasorIndex: Int32Array;
  /** Per term, A, A′, A″, B, B′, B″ in 0.1 µas (and per century). */
  readonly coefficients: Float64Array;
}

/** The term table in the kernel's layout; built on first use. */
let kernelCache: Iau2000BKernel | undefined;

function kernel(): Iau2000BKernel {
  if (kernelCache === undefined) {
    const n = IAU2000B_LUNISOLAR_TERMS.length;
    const phasorIndex = new Int32Array(5 * n);
    const coefficients = new Float64Array(COEFFICIENT_STRIDE * n);
    for (let i = 0; i < n; i++) {
      const row = IAU2000B_LUNISOLAR_TERMS[i]!;
      for (let j = 0; j < 5; j++) {
        phasorIndex[5 * i + j] = 2 * (row[j]! - MIN_MULTIPLIER);
      }
      for (let j = 0; j < COEFFICIENT_STRIDE; j++) {
        coefficients[COEFFICIENT_STRIDE * i + j] = row[5 + j]!;
      }
    }
    kernelCache = { phasorIndex, coefficients };
  }
  return kernelCache;
}

/**
 * cos kα, sin kα for k = −2 … 4 (angle addition from one sine and one cosine), as
 * [cos(−2α), sin(−2α), cos(−α), sin(−α), 1, 0, cos α, sin α, …, cos 4α, sin 4α]. Each
 * power adds about one rounding, 1e-16 relative: 1e-20 rad on the largest term.
 */
function phasors(alphaRad: number): number[] {
  const c1 = Math.cos(alphaRad);
  const s1 = Math.sin(alphaRad);
  const c2 = c1 * c1 - s1 * s1;
  const s2 = 2 * s1 * c1;
  const c3 = c2 * c1 - s2 * s1;
  const s3 = s2 * c1 + c2 * s1;
  const c4 = c2 * c2 - s2 * s2;
  const s4 = 2 * s2 * c2;
  return [c2, -s2, c1, -s1, 1, 0, c1, s1, c2, s2, c3, s3, c4, s4];
}

/** A Delaunay argument c0 + c1 t in arcsec, reduced to one turn and converted to rad. */
function argumentRad(c0Arcsec: number, c1Arcsec: number, t: number): number {
  return ((c0Arcsec + c1Arcsec * t) % ARCSEC_PER_TURN) * RAD_PER_ARCSEC;
}

/**
 * Writes the IAU 2000B nutation, [Δψ, Δε] in rad, into `out`.
 *
 * @param out - destination, length ≥ 2
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns `out`
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @internal
 *
 * @example
 * ```ts
 * nutation2000BInto(new Float64Array(2), 2400000.5, 53736.0)[0]; // -0.000009632552291148325
 * ```
 */
export function nutation2000BInto<T extends number[] | Float64Array>(
  out: T,
  ttJd1: number,
  ttJd2: number,
): T {
  if (!Number.isFinite(ttJd1 + ttJd2)) {
    throwIfNotFinite(['ttJd1', 'ttJd2'], ['d', 'd'], [ttJd1, ttJd2]);
  }
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  const pl = phasors(argumentRad(L0_ARCSEC, L1_ARCSEC, t));
  const plp = phasors(argumentRad(LP0_ARCSEC, LP1_ARCSEC, t));
  const pf = phasors(argumentRad(F0_ARCSEC, F1_ARCSEC, t));
  const pd = phasors(argumentRad(D0_ARCSEC, D1_ARCSEC, t));
  const pom = phasors(argumentRad(OM0_ARCSEC, OM1_ARCSEC, t));
  const { phasorIndex: k, coefficients: x } = kernel();
  let dp = 0;
  let de = 0;
  // cos ARG and sin ARG of each term as the product of the five phasors e^{i k α}: ten sines
  // and cosines per call instead of two per term. Smallest terms first, as SOFA sums them.
  for (let i = IAU2000B_LUNISOLAR_TERMS.length - 1; i >= 0; i--) {
    const p = 5 * i;
    let c = pl[k[p]!]!;
    let s = pl[k[p]! + 1]!;
    let cj = plp[k[p + 1]!]!;
    let sj = plp[k[p + 1]! + 1]!;
    let cNew = c * cj - s * sj;
    s = s * cj + c * sj;
    c = cNew;
    cj = pf[k[p + 2]!]!;
    sj = pf[k[p + 2]! + 1]!;
    cNew = c * cj - s * sj;
    s = s * cj + c * sj;
    c = cNew;
    cj = pd[k[p + 3]!]!;
    sj = pd[k[p + 3]! + 1]!;
    cNew = c * cj - s * sj;
    s = s * cj + c * sj;
    c = cNew;
    cj = pom[k[p + 4]!]!;
    sj = pom[k[p + 4]! + 1]!;
    cNew = c * cj - s * sj;
    s = s * cj + c * sj;
    c = cNew;
    const q = COEFFICIENT_STRIDE * i;
    dp += (x[q]! + x[q + 1]! * t) * s + x[q + 2]! * c;
    de += (x[q + 3]! + x[q + 4]! * t) * c + x[q + 5]! * s;
  }
  out[0] = dp * RAD_PER_TENTH_MICROARCSEC + DPSI_PLANETARY_OFFSET_RAD;
  out[1] = de * RAD_PER_TENTH_MICROARCSEC + DEPS_PLANETARY_OFFSET_RAD;
  return out;
}

/**
 * Nutation, IAU 2000B: the abridged model of McCarthy & Luzum (2003), 77 luni-solar terms
 * with Delaunay arguments linear in t, plus fixed offsets (−0.135 mas in Δψ, +0.388 mas in
 * Δε) in place of the planetary terms, evaluated as SOFA `iauNut00b` does.
 *
 * About 20 times cheaper than {@link nutation2000ARad}. Accuracy (the IAU and IERS state 1 mas
 * for the pole from 1900 to 2100): over 1995–2050, against IAU 2006/2000A, Δψ differs by up to
 * 2.52 mas and Δε by up to 0.93 mas; the pole (Δψ sin ε, Δε) by up to 1.006 mas, which is
 * 0.21 m at GEO radius (42,164 km) once the equation of the equinoxes has absorbed Δψ cos ε
 * (GCRS → TIRS/ITRS); the whole rotation (true of date) by up to 2.52 mas, 0.51 m at GEO.
 * Agrees with ERFA `eraNut00b` within 1e-19 rad. The arguments are linear in t, so the model
 * is meant for dates within a century or so of J2000.0.
 *
 * Like `iauNut00b` this is the nutation alone: no frame bias and no precession-rate
 * corrections. Used in place of {@link nutation2000ARad} with the IAU 2006 precession it
 * gives an IAU 2006/2000B equinox-based chain.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns Δψ and Δε with respect to the mean equator and equinox of date, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see McCarthy & Luzum (2003), Cel. Mech. Dyn. Astr. 85, 37-49; IERS Conventions (2010)
 *   §5.5.1; SOFA `iauNut00b`
 *
 * @example
 * ```ts
 * nutation2000BRad(2400000.5, 53736.0);
 * // { dPsiRad: -0.000009632552291148325, dEpsRad: 0.00004063197106621162 }
 * // (SOFA: -0.9632552291148362783e-5, 0.4063197106621159367e-4)
 * ```
 */
export function nutation2000BRad(ttJd1: number, ttJd2: number): Nutation {
  const out = nutation2000BInto([0, 0], ttJd1, ttJd2);
  return { dPsiRad: out[0]!, dEpsRad: out[1]! };
}
