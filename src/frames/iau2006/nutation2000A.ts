import { julianCenturiesSinceJ2000, RAD_PER_ARCSEC, throwIfNotFinite } from '../internal/constants';
import { sumFusedSeriesInto } from '../internal/seriesKernel';
import {
  NUT_SLOT_COUNT,
  NUT_SLOT_DEPS,
  NUT_SLOT_DEPS_T,
  NUT_SLOT_DPSI,
  NUT_SLOT_DPSI_T,
  nutation2000ASeries,
} from '../internal/seriesTables';

/** Nutation in longitude and obliquity. */
export interface Nutation {
  /** Δψ, nutation in longitude, rad. */
  readonly dPsiRad: number;
  /** Δε, nutation in obliquity, rad. */
  readonly dEpsRad: number;
}

/** 0.1 µas to radians (SOFA's `U2R` of `iauNut00a`). */
const RAD_PER_TENTH_MICROARCSEC = RAD_PER_ARCSEC / 1e7;
/** Wallace & Capitaine (2006) eq. 5: Δψ is scaled by 1 + 0.4697e-6 + f, Δε by 1 + f. */
const DPSI_FACTOR = 0.4697e-6;
/** f = −2.7774e-6 t, the effect of the secular change of J2 (t in centuries). */
const J2_RATE = -2.7774e-6;

/**
 * Writes the IAU 2000A nutation with the IAU 2006 adjustments, [Δψ, Δε] in rad, into `out`.
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
 * nutation2000AInto([0, 0], 2400000.5, 53736.0)[0]; // -0.000009630912025821187
 * ```
 */
export function nutation2000AInto<T extends number[] | Float64Array>(
  out: T,
  ttJd1: number,
  ttJd2: number,
): T {
  if (!Number.isFinite(ttJd1 + ttJd2)) {
    throwIfNotFinite(['ttJd1', 'ttJd2'], ['d', 'd'], [ttJd1, ttJd2]);
  }
  const t = julianCenturiesSinceJ2000(ttJd1, ttJd2);
  const series = nutation2000ASeries();
  const ls = new Float64Array(NUT_SLOT_COUNT);
  const pl = new Float64Array(NUT_SLOT_COUNT);
  sumFusedSeriesInto(ls, series.lunisolar, t);
  sumFusedSeriesInto(pl, series.planetary, t);
  // Luni-solar and planetary parts converted apart and added, as SOFA iauNut00a does.
  const dp =
    (ls[NUT_SLOT_DPSI]! + ls[NUT_SLOT_DPSI_T]! * t) * RAD_PER_TENTH_MICROARCSEC +
    (pl[NUT_SLOT_DPSI]! + pl[NUT_SLOT_DPSI_T]! * t) * RAD_PER_TENTH_MICROARCSEC;
  const de =
    (ls[NUT_SLOT_DEPS]! + ls[NUT_SLOT_DEPS_T]! * t) * RAD_PER_TENTH_MICROARCSEC +
    (pl[NUT_SLOT_DEPS]! + pl[NUT_SLOT_DEPS_T]! * t) * RAD_PER_TENTH_MICROARCSEC;
  const fj2 = J2_RATE * t;
  out[0] = dp + dp * (DPSI_FACTOR + fj2);
  out[1] = de + de * fj2;
  return out;
}

/**
 * Nutation, IAU 2000A with the IAU 2006 adjustments ("IAU 2000A_R06"): the MHB2000
 * luni-solar and planetary series (1320 distinct arguments, free core nutation omitted), with
 * the factor 1 + 0.4697e-6 on Δψ and the J2-rate term −2.7774e-6 t on both components
 * (Wallace & Capitaine 2006, eq. 5), evaluated as SOFA `iauNut06a` does.
 *
 * The coefficients come from tables 5.3a and 5.3b of the IERS Conventions (2010), read back
 * to the IAU 2000A values (see `src/data/iers2010Nutation.ts`); the luni-solar and planetary
 * terms use SOFA's two sets of fundamental arguments. Agrees with ERFA `eraNut06a` within a
 * few 1e-18 rad over 1972–2050.
 *
 * @param ttJd1 - first part of the two-part Julian date, TT, days
 * @param ttJd2 - second part, days
 * @returns Δψ and Δε with respect to the mean equator and equinox of date, rad
 * @throws {@link InvalidArgumentError} when a date part is not finite
 * @see IERS Conventions (2010), §5.5.4 and tables 5.3a/b; SOFA `iauNut06a`, `iauNut00a`
 *
 * @example
 * ```ts
 * nutation2000ARad(2400000.5, 53736.0);
 * // { dPsiRad: -0.000009630912025821187, dEpsRad: 0.00004063238496887234 }
 * // (SOFA: -0.9630912025820308797e-5, 0.4063238496887249798e-4)
 * ```
 */
export function nutation2000ARad(ttJd1: number, ttJd2: number): Nutation {
  const out = nutation2000AInto([0, 0], ttJd1, ttJd2);
  return { dPsiRad: out[0]!, dEpsRad: out[1]! };
}
