/**
 * The fundamental arguments of the nutation theory, as polynomials in t (Julian centuries of
 * TT since J2000.0), and the polynomial of a whole series argument ARG = Σ kᵢ Fᵢ(t).
 *
 * Three sets are used:
 *
 * - {@link IERS2003_ARGUMENTS}: IERS Conventions (2003) and (2010), eqs. 5.43 (Delaunay
 *   arguments, Simon et al. 1994) and 5.44 (planetary longitudes, Souchay et al. 1999;
 *   general precession in longitude, Kinoshita & Souchay 1990). The CIP X, Y, s series and
 *   the GST series use these, as SOFA `iauXy06`, `iauS06`, `iauEect00` do (`iauFal03` …
 *   `iauFapa03`).
 * - {@link MHB2000_LUNISOLAR_ARGUMENTS} and {@link MHB2000_PLANETARY_ARGUMENTS}: the
 *   arguments with which SOFA `iauNut00a` (and so `iauNut06a`) evaluates the luni-solar and
 *   planetary parts of the IAU 2000A nutation, as the MHB2000 code of Mathews, Herring &
 *   Buffett (2002) does: l′ and D of MHB2000 for the luni-solar terms; linear l, F, D, Ω and
 *   Neptune's longitude of MHB2000 for the planetary terms.
 *
 * Each argument is stored as the coefficients of t^0 … t^4 in radians per century^k, so the
 * argument of a term is one polynomial whose coefficients are computed once per series.
 *
 * @internal
 */
import { ARCSEC_PER_TURN, RAD_PER_ARCSEC, TWO_PI } from './constants';

/** Number of fundamental arguments: l, l′, F, D, Ω, L_Me, L_Ve, L_E, L_Ma, L_J, L_Sa, L_U, L_Ne, p_A. */
export const ARGUMENT_COUNT = 14;
/** Degree + 1 of the argument polynomials (t^0 … t^4). */
export const ARGUMENT_POLY_LENGTH = 5;

/** A set of 14 fundamental arguments, each as [c0, c1, c2, c3, c4] in rad per century^k. */
export type ArgumentSet = readonly (readonly [number, number, number, number, number])[];

type Poly5 = readonly [number, number, number, number, number];

function arcsec(c: Poly5): Poly5 {
  return [
    (c[0] % ARCSEC_PER_TURN) * RAD_PER_ARCSEC,
    c[1] * RAD_PER_ARCSEC,
    c[2] * RAD_PER_ARCSEC,
    c[3] * RAD_PER_ARCSEC,
    c[4] * RAD_PER_ARCSEC,
  ];
}

function linear(c0Rad: number, c1Rad: number): Poly5 {
  return [c0Rad, c1Rad, 0, 0, 0];
}

// IERS Conventions (2010) eq. 5.43, arcsec (SOFA iauFal03, iauFalp03, iauFaf03, iauFad03,
// iauFaom03).
/** l, mean anomaly of the Moon. */
const L_IERS = arcsec([485868.249036, 1717915923.2178, 31.8792, 0.051635, -0.0002447]);
/** l′, mean anomaly of the Sun. */
const LP_IERS = arcsec([1287104.793048, 129596581.0481, -0.5532, 0.000136, -0.00001149]);
/** F = L − Ω, L the mean longitude of the Moon. */
const F_IERS = arcsec([335779.526232, 1739527262.8478, -12.7512, -0.001037, 0.00000417]);
/** D, mean elongation of the Moon from the Sun. */
const D_IERS = arcsec([1072260.703692, 1602961601.209, -6.3706, 0.006593, -0.00003169]);
/** Ω, mean longitude of the Moon's ascending node. */
const OM_IERS = arcsec([450160.398036, -6962890.5431, 7.4722, 0.007702, -0.00005939]);

// IERS Conventions (2010) eq. 5.44, rad and rad/century (SOFA iauFame03 … iauFapa03).
const ME = linear(4.402608842, 2608.7903141574);
const VE = linear(3.176146697, 1021.3285546211);
const EA = linear(1.753470314, 628.3075849991);
const MA = linear(6.203480913, 334.06124267);
const JU = linear(0.599546497, 52.9690962641);
const SA = linear(0.874016757, 21.329910496);
const UR = linear(5.481293872, 7.4781598567);
const NE_IERS = linear(5.311886287, 3.8133035638);
/** p_A, general accumulated precession in longitude: 0.02438175 t + 0.00000538691 t². */
const PA: Poly5 = [0, 0.02438175, 0.00000538691, 0, 0];

/** The IERS Conventions (2003/2010) fundamental arguments (SOFA `iauFa…03`). */
export const IERS2003_ARGUMENTS: ArgumentSet = [
  L_IERS,
  LP_IERS,
  F_IERS,
  D_IERS,
  OM_IERS,
  ME,
  VE,
  EA,
  MA,
  JU,
  SA,
  UR,
  NE_IERS,
  PA,
];

/**
 * The arguments of the luni-solar part of IAU 2000A as SOFA `iauNut00a` takes them: l, F, Ω
 * of the IERS Conventions, l′ and D of the MHB2000 code (arcsec).
 */
export const MHB2000_LUNISOLAR_ARGUMENTS: ArgumentSet = [
  L_IERS,
  arcsec([1287104.79305, 129596581.0481, -0.5532, 0.000136, -0.00001149]),
  F_IERS,
  arcsec([1072260.70369, 1602961601.209, -6.3706, 0.006593, -0.00003169]),
  OM_IERS,
  ME,
  VE,
  EA,
  MA,
  JU,
  SA,
  UR,
  NE_IERS,
  PA,
];

/**
 * The arguments of the planetary part of IAU 2000A as SOFA `iauNut00a` takes them: linear l,
 * F, D, Ω and L_Ne of the MHB2000 code (rad, rad/century), the other longitudes and p_A of the
 * IERS Conventions. l′ does not occur in the planetary terms.
 */
export const MHB2000_PLANETARY_ARGUMENTS: ArgumentSet = [
  linear(2.35555598, 8328.6914269554),
  LP_IERS,
  linear(1.627905234, 8433.466158131),
  linear(5.198466741, 7771.3771468121),
  linear(2.1824392, -33.757045),
  ME,
  VE,
  EA,
  MA,
  JU,
  SA,
  UR,
  linear(5.321159, 3.8127774),
  PA,
];

/**
 * The 14 IERS Conventions fundamental arguments at t, each reduced to (−2π, 2π) as SOFA's
 * `iauFal03` … `iauFane03` do (`iauFapa03` is not reduced).
 *
 * @param t - Julian centuries of TT since J2000.0
 * @returns [l, l′, F, D, Ω, L_Me, L_Ve, L_E, L_Ma, L_J, L_Sa, L_U, L_Ne, p_A], rad
 *
 * @example
 * ```ts
 * fundamentalArgumentsRad(0)[0]; // 2.355555743493879 (l at J2000.0)
 * ```
 */
export function fundamentalArgumentsRad(t: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < ARGUMENT_COUNT; i++) {
    const c = IERS2003_ARGUMENTS[i]!;
    const v = c[0] + t * (c[1] + t * (c[2] + t * (c[3] + t * c[4])));
    out.push(i === ARGUMENT_COUNT - 1 ? v : v % TWO_PI);
  }
  return out;
}

/**
 * Writes the polynomial of ARG = Σ kᵢ Fᵢ(t) for one term: c0 reduced to [0, 2π), then the
 * coefficients of t … t^4.
 *
 * @param out - destination
 * @param offset - index of c0 in `out`
 * @param argumentSet - the fundamental arguments to combine
 * @param multipliers - the 14 multipliers kᵢ
 * @param multiplierOffset - index of k₀ in `multipliers`
 */
export function argumentPolynomialInto(
  out: Float64Array,
  offset: number,
  argumentSet: ArgumentSet,
  multipliers: ArrayLike<number>,
  multiplierOffset: number,
): void {
  for (let p = 0; p < ARGUMENT_POLY_LENGTH; p++) {
    let c = 0;
    for (let i = 0; i < ARGUMENT_COUNT; i++) {
      const k = multipliers[multiplierOffset + i]!;
      if (k !== 0) c += k * argumentSet[i]![p]!;
    }
    out[offset + p] = p === 0 ? ((c % TWO_PI) + TWO_PI) % TWO_PI : c;
  }
}
