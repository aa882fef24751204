import { InvalidArgumentError } from '../../errors';
import { JD_J2000 } from '../constants';
import { FB_T0, FB_T1, FB_T2, FB_T3, FB_T4 } from './fairheadBretagnon';

/** Days in a Julian millennium, the time unit of the Fairhead & Bretagnon series. */
const DAYS_PER_JULIAN_MILLENNIUM = 365250;
/** 2π, as the double SOFA uses (D2PI). */
const TWO_PI = 6.283185307179586;
/** Radians per degree, as the double SOFA uses (DD2R). */
const RAD_PER_DEG = 0.017453292519943295;

// A sine for the series loop. V8's Math.sin is a call into C with fdlibm's general reduction;
// inlining a short kernel halves the time of the 787-term sum. Reduction x = nπ + r with
// |r| ≤ π/2 (Cody & Waite, π in two parts), then sin x = (−1)^n sin r, with sin r from its
// Taylor series to r^19 (truncation < 3e-16 at π/2). Its error is a few 1e-16 (absolute), so the
// sum moves by < 1e-18 s against Math.sin.
/** 1/π. */
const INV_PI = 0.3183098861837907;
/** π truncated to 32 significant bits, so that n·PI_HI is exact for |n| < 2^21. */
const PI_HI = 3.1415926534682512;
/** π − PI_HI, rounded. */
const PI_LO = 1.2154201013012384e-10;
/** 1.5·2^52: adding and subtracting it rounds a double of magnitude < 2^51 to an integer. */
const ROUND_MAGIC = 6755399441055744;
// (−1)^k / (2k+1)!, k = 1 … 9.
const S3 = -1 / 6;
const S5 = 1 / 120;
const S7 = -1 / 5040;
const S9 = 1 / 362880;
const S11 = -1 / 39916800;
const S13 = 1 / 6227020800;
const S15 = -1 / 1307674368000;
const S17 = 1 / 355687428096000;
const S19 = -1 / 121645100408832000;
/**
 * Largest |T| (Julian millennia) for the fast kernel: arguments then stay below
 * 163096 rad/millennium × 20 + 2π ≈ 3.3e6 rad, where n < 2^21 keeps n·PI_HI exact.
 */
const FAST_SIN_MAX_ABS_T = 20;
/** Values per term in the coefficient blocks (a local copy keeps the hot loop free of loads). */
const STRIDE = 3;

/**
 * Σ_j A_j sin(ω_j t + φ_j) over one block of triples (A, ω, φ), with the inlined sine kernel.
 * Terms are summed from the last to the first, smallest first, in SOFA's order. Exported for
 * the tests of the kernel only.
 *
 * @param block - flat triples: amplitude (any unit), frequency (rad per unit of t), phase (rad)
 * @param t - time argument; |ω t + φ| must stay below about 3.3e6 rad (2^21 π/2)
 * @returns the sum, in the unit of the amplitudes
 *
 * @example
 * ```ts
 * sumSineBlock(new Float64Array([2, 1, 0]), Math.PI / 6); // 1, to rounding (2 sin 30°)
 * ```
 */
export function sumSineBlock(block: Float64Array, t: number): number {
  let sum = 0;
  for (let i = block.length - STRIDE; i >= 0; i -= STRIDE) {
    const x = block[i + 1]! * t + block[i + 2]!;
    const n = x * INV_PI + ROUND_MAGIC - ROUND_MAGIC;
    const r = x - n * PI_HI - n * PI_LO;
    const r2 = r * r;
    const tail = S13 + r2 * (S15 + r2 * (S17 + r2 * S19));
    const sinR = r + r * r2 * (S3 + r2 * (S5 + r2 * (S7 + r2 * (S9 + r2 * (S11 + r2 * tail)))));
    // n is an integer below 2^21 in magnitude, so n & 1 is its parity.
    sum += block[i]! * (1 - 2 * (n & 1)) * sinR;
  }
  return sum;
}

/** As {@link sumSineBlock} with Math.sin, for dates beyond the fast kernel's range. */
function sumBlockMathSin(block: Float64Array, t: number): number {
  let sum = 0;
  for (let i = block.length - STRIDE; i >= 0; i -= STRIDE) {
    sum += block[i]! * Math.sin(block[i + 1]! * t + block[i + 2]!);
  }
  return sum;
}

function checkFinite(argument: string, value: number, unit: string): void {
  if (!Number.isFinite(value)) {
    throw new InvalidArgumentError(argument, value, unit, 'must be a finite number');
  }
}

/**
 * TDB − TT for an observer on the Earth: the full Fairhead & Bretagnon (1990) series (787
 * terms) for the geocenter, the adjustments to JPL planetary masses, and the topocentric
 * terms of Moyer (1981) and Murray (1983), as in IAU SOFA `iauDtdb` / ERFA `eraDtdb`.
 *
 * The date is formally TDB; TT may be given instead with no practical effect (TDB − TT changes
 * by less than 3.5e-10 s per second, so the 1.7 ms between them moves the result by < 1e-12 s).
 * Splitting the Julian date as (2451545.0, days since J2000) keeps the most resolution.
 * The topocentric terms vanish when both distances are 0, and are below 3.2 µs for any
 * observer on the Earth. SOFA states an accuracy of ±3 ns against numerical time ephemerides
 * (JPL DE405) over 1950–2050.
 *
 * @param jd1 - first part of the two-part Julian date, TDB (or TT), days
 * @param jd2 - second part of the two-part Julian date, days; the date is jd1 + jd2
 * @param ut1FractionOfDay - UT1 as a fraction of a day (only its fractional part is used)
 * @param eastLongitudeRad - east longitude of the observer, rad
 * @param spinAxisDistanceKm - distance of the observer from the Earth's spin axis, km
 * @param equatorialPlaneDistanceKm - distance of the observer north of the equatorial plane, km
 * @returns TDB − TT, s
 * @throws {@link InvalidArgumentError} when an argument is not a finite number
 * @see L. Fairhead & P. Bretagnon, Astron. Astrophys. 229, 240–247 (1990)
 * @see IAU SOFA `iauDtdb`; ERFA `eraDtdb` (src/dtdb.c)
 *
 * @example
 * ```ts
 * // SOFA's test case: 1992-11-13 02:57:07 TDB, an observer at 5525.242 km from the axis
 * tdbMinusTtS(2448939.5, 0.123, 0.76543, 5.0123, 5525.242, 3190.0); // -0.001280368005936999
 * ```
 */
export function tdbMinusTtS(
  jd1: number,
  jd2: number,
  ut1FractionOfDay: number,
  eastLongitudeRad: number,
  spinAxisDistanceKm: number,
  equatorialPlaneDistanceKm: number,
): number {
  // One combined test on the hot path; the individual checks only run to name the culprit.
  if (
    !Number.isFinite(
      jd1 +
        jd2 +
        ut1FractionOfDay +
        eastLongitudeRad +
        spinAxisDistanceKm +
        equatorialPlaneDistanceKm,
    )
  ) {
    checkFinite('jd1', jd1, 'd');
    checkFinite('jd2', jd2, 'd');
    checkFinite('ut1FractionOfDay', ut1FractionOfDay, 'd');
    checkFinite('eastLongitudeRad', eastLongitudeRad, 'rad');
    checkFinite('spinAxisDistanceKm', spinAxisDistanceKm, 'km');
    checkFinite('equatorialPlaneDistanceKm', equatorialPlaneDistanceKm, 'km');
    // Finite values whose sum overflows are valid inputs: fall through.
  }

  const t = (jd1 - JD_J2000 + jd2) / DAYS_PER_JULIAN_MILLENNIUM;
  const u = spinAxisDistanceKm;
  const v = equatorialPlaneDistanceKm;

  // Topocentric terms (Moyer 1981, Murray 1983): local solar time and the mean arguments of
  // Simon et al. (1994), degrees with rates in arcsec per millennium.
  const tsol = (ut1FractionOfDay % 1) * TWO_PI + eastLongitudeRad;
  const w = t / 3600;
  const elsun = ((280.46645683 + 1296027711.03429 * w) % 360) * RAD_PER_DEG;
  const emsun = ((357.52910918 + 1295965810.481 * w) % 360) * RAD_PER_DEG;
  const d = ((297.85019547 + 16029616012.09 * w) % 360) * RAD_PER_DEG;
  const elj = ((34.35151874 + 109306899.89453 * w) % 360) * RAD_PER_DEG;
  const els = ((50.0774443 + 44046398.47038 * w) % 360) * RAD_PER_DEG;
  // Summed left to right in SOFA's order; the coefficients are s/km.
  const wt =
    0.00029e-10 * u * Math.sin(tsol + elsun - els) +
    0.001e-10 * u * Math.sin(tsol - 2 * emsun) +
    0.00133e-10 * u * Math.sin(tsol - d) +
    0.00133e-10 * u * Math.sin(tsol + elsun - elj) -
    0.00229e-10 * u * Math.sin(tsol + 2 * elsun + emsun) -
    0.022e-10 * v * Math.cos(elsun + emsun) +
    0.05312e-10 * u * Math.sin(tsol - emsun) -
    0.13677e-10 * u * Math.sin(tsol + 2 * elsun) -
    1.3184e-10 * v * Math.cos(elsun) +
    3.17679e-10 * u * Math.sin(tsol);

  // Fairhead & Bretagnon series, a polynomial in t whose coefficients are Fourier sums.
  const sumBlock = Math.abs(t) <= FAST_SIN_MAX_ABS_T ? sumSineBlock : sumBlockMathSin;
  const w0 = sumBlock(FB_T0, t);
  const w1 = sumBlock(FB_T1, t);
  const w2 = sumBlock(FB_T2, t);
  const w3 = sumBlock(FB_T3, t);
  const w4 = sumBlock(FB_T4, t);
  const wf = t * (t * (t * (t * w4 + w3) + w2) + w1) + w0;

  // Adjustment from the IAU planetary masses of the series to the JPL ones (SOFA).
  const wj =
    0.00065e-6 * Math.sin(6069.776754 * t + 4.021194) +
    0.00033e-6 * Math.sin(213.299095 * t + 5.543132) +
    -0.00196e-6 * Math.sin(6208.294251 * t + 5.696701) +
    -0.00173e-6 * Math.sin(74.781599 * t + 2.4359) +
    0.03638e-6 * t * t;

  return wt + wf + wj;
}

/**
 * TDB − TT at the geocenter: {@link tdbMinusTtS} with the observer at the Earth's center, so
 * the topocentric terms vanish and only the Fairhead & Bretagnon series (with SOFA's JPL-mass
 * adjustment) remains.
 *
 * @param jd1 - first part of the two-part Julian date, TDB (or TT), days
 * @param jd2 - second part of the two-part Julian date, days; the date is jd1 + jd2
 * @returns TDB − TT, s
 * @throws {@link InvalidArgumentError} when jd1 or jd2 is not a finite number
 * @see L. Fairhead & P. Bretagnon, Astron. Astrophys. 229, 240–247 (1990)
 *
 * @example
 * ```ts
 * tdbMinusTtGeocentricS(2451545.0, 0); // -0.00009930719894379447 (s) at J2000.0
 * ```
 */
export function tdbMinusTtGeocentricS(jd1: number, jd2: number): number {
  return tdbMinusTtS(jd1, jd2, 0, 0, 0, 0);
}
