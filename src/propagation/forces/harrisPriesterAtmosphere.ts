/**
 * The modified Harris–Priester atmosphere: tabulated minimum and maximum densities at mean
 * solar activity, and a diurnal bulge that follows the Sun.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import type { BodyPositionProvider } from './types';

/**
 * Heights of Montenbruck & Gill's Table 3.8, km (100 to 1000 km, 50 rows).
 */
const HEIGHTS_KM: readonly number[] = [
  100, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210, 220, 230, 240, 250, 260, 270, 280, 290,
  300, 320, 340, 360, 380, 400, 420, 440, 460, 480, 500, 520, 540, 560, 580, 600, 620, 640, 660,
  680, 700, 720, 740, 760, 780, 800, 840, 880, 920, 960, 1000,
];

/**
 * Minimum (night-side, antapex) density at each height, g/km³ (= 1e-12 kg/m³), mean solar
 * activity (Montenbruck & Gill 2000, Table 3.8).
 */
const RHO_MIN_G_KM3: readonly number[] = [
  4.974e5, 2.49e4, 8.377e3, 3.899e3, 2.122e3, 1.263e3, 8.008e2, 5.283e2, 3.617e2, 2.557e2, 1.839e2,
  1.341e2, 9.949e1, 7.488e1, 5.709e1, 4.403e1, 3.43e1, 2.697e1, 2.139e1, 1.708e1, 1.099e1, 7.214,
  4.824, 3.274, 2.249, 1.558, 1.091, 7.701e-1, 5.474e-1, 3.916e-1, 2.819e-1, 2.042e-1, 1.488e-1,
  1.092e-1, 8.07e-2, 6.012e-2, 4.519e-2, 3.43e-2, 2.632e-2, 2.043e-2, 1.607e-2, 1.281e-2, 1.036e-2,
  8.496e-3, 7.069e-3, 4.68e-3, 3.2e-3, 2.21e-3, 1.56e-3, 1.15e-3,
];

/**
 * Maximum (bulge apex) density at each height, g/km³ (= 1e-12 kg/m³), mean solar activity
 * (Montenbruck & Gill 2000, Table 3.8).
 */
const RHO_MAX_G_KM3: readonly number[] = [
  4.974e5, 2.49e4, 8.71e3, 4.059e3, 2.215e3, 1.344e3, 8.758e2, 6.01e2, 4.297e2, 3.162e2, 2.396e2,
  1.853e2, 1.455e2, 1.157e2, 9.308e1, 7.555e1, 6.182e1, 5.095e1, 4.226e1, 3.526e1, 2.511e1, 1.819e1,
  1.337e1, 9.955, 7.492, 5.684, 4.355, 3.362, 2.612, 2.042, 1.605, 1.267, 1.005, 7.997e-1, 6.39e-1,
  5.123e-1, 4.121e-1, 3.325e-1, 2.691e-1, 2.185e-1, 1.779e-1, 1.452e-1, 1.19e-1, 9.776e-2, 8.059e-2,
  5.741e-2, 4.21e-2, 3.13e-2, 2.36e-2, 1.81e-2,
];

/** g/km³ → kg/m³. */
const KG_M3_PER_G_KM3 = 1e-12;

/**
 * Lag of the bulge apex behind the Sun in right ascension, rad: 30°, the density peak at
 * about 14 h local solar time (Montenbruck & Gill 2000, §3.5.2).
 */
const BULGE_LAG_RAD = Math.PI / 6;

/** Lowest height of the table, km; below it the first band continues. */
export const HARRIS_PRIESTER_MIN_HEIGHT_KM = 100;
/** Highest height of the table, km; above it the density is zero. */
export const HARRIS_PRIESTER_MAX_HEIGHT_KM = 1000;

/**
 * An atmosphere whose density depends on where the point lies relative to the Sun (a diurnal
 * bulge), not on the altitude alone. {@link atmosphericDrag} accepts it in place of an
 * altitude-only {@link Atmosphere}: it reads the Sun from the run's shared body cache and
 * passes the altitude it computes, the position and the Sun, all geocentric GCRF.
 *
 * @example
 * ```ts
 * const atmosphere: SunDependentAtmosphere = harrisPriesterAtmosphere({ sun: lowPrecisionSun() });
 * atmosphere.sun.name; // 'Sun (low precision)'
 * ```
 */
export interface SunDependentAtmosphere {
  /** Name of the model. */
  readonly name: string;
  /** The Sun whose direction the density follows. */
  readonly sun: BodyPositionProvider;
  /**
   * Density and its derivatives at a point, for a given Sun position.
   *
   * The density is a function ρ(h, r) of the altitude h and of the position r (through its
   * direction); the total gradient is ∇ρ = (∂ρ/∂h) ∇h + ∂ρ/∂r, which the caller assembles
   * with the gradient of its own altitude.
   *
   * @param out - receives ρ (kg/m³) at 0, ∂ρ/∂h at fixed position (kg/m³ per km) at 1, and
   *   ∂ρ/∂r at fixed altitude (kg/m³ per km, the three GCRF components) at 2, 3, 4
   * @param altitudeKm - altitude above the ellipsoid, km
   * @param positionKm - geocentric position, GCRF, km (the first three elements are read)
   * @param sunKm - geocentric position of the Sun, GCRF, km
   */
  densityAtInto(
    out: Float64Array,
    altitudeKm: number,
    positionKm: ArrayLike<number>,
    sunKm: ArrayLike<number>,
  ): void;
}

/** Options of {@link harrisPriesterAtmosphere}. */
export interface HarrisPriesterOptions {
  /** The Sun (e.g. `lowPrecisionSun()`; share the provider with the other models of the run). */
  readonly sun: BodyPositionProvider;
  /**
   * Exponent n of the bulge weight cosⁿ(ψ/2), in [2, 6]: 2 for low-inclination orbits, 6 for
   * polar ones (default 4, as Orekit).
   */
  readonly cosineExponent?: number;
}

/**
 * The modified Harris–Priester atmosphere of Montenbruck & Gill, for mean solar activity:
 *
 * ρ = ρ_min(h) + (ρ_max(h) − ρ_min(h)) cosⁿ(ψ/2),
 *
 * where ρ_min and ρ_max are interpolated exponentially between the heights of Table 3.8
 * (ρ(h) = ρ(hᵢ) exp((hᵢ − h)/Hᵢ), Hᵢ = (hᵢ − hᵢ₊₁)/ln(ρᵢ₊₁/ρᵢ)), and ψ is the angle between
 * the position and the apex of the diurnal bulge, which has the Sun's declination and lags it
 * by 30° in right ascension. cosⁿ(ψ/2) is evaluated as ((1 + cos ψ)/2)^(n/2).
 *
 * The right ascension is taken about the GCRF z axis (the drag force's frame) rather than the
 * true pole of date: the apex moves by at most 2 sin 15° ≈ 0.52 times the angle between the
 * two poles (0.28° by 2050, so 0.15°), far below the model's own error (tens of percent in
 * density).
 *
 * Outside the table: above 1000 km the density and its derivatives are zero (as in
 * Montenbruck & Gill and Orekit; at 1000 km itself the table value holds); below 100 km the
 * 100–120 km band continues (scale height 6.7 km), so that a decaying orbit keeps decaying
 * rather than meeting a vacuum or an exception in the middle of an integration.
 *
 * @param options - the Sun, the cosine exponent n
 * @returns the model, to give to {@link atmosphericDrag}
 * @throws {@link InvalidArgumentError} for a cosine exponent that is not a number in [2, 6],
 *   or a missing Sun
 * @see Montenbruck & Gill, *Satellite Orbits* (2000), §3.5.2, eq. 3.104–3.105, Table 3.8;
 *   Harris & Priester (1962)
 * @example
 * ```ts
 * const hp = harrisPriesterAtmosphere({ sun: lowPrecisionSun(), cosineExponent: 2 });
 * const out = new Float64Array(5);
 * // Sun on +x: the bulge apex is 30° east of it, the antapex 180° from there
 * const r = 6378.137 + 500;
 * hp.densityAtInto(out, 500, [r * Math.cos(Math.PI / 6), r * Math.sin(Math.PI / 6), 0], [AU_KM, 0, 0]);
 * out[0]; // ≈ 2.042e-12
 * hp.densityAtInto(out, 500, [-r * Math.cos(Math.PI / 6), -r * Math.sin(Math.PI / 6), 0], [AU_KM, 0, 0]);
 * out[0]; // ≈ 3.916e-13
 * ```
 */
export function harrisPriesterAtmosphere(options: HarrisPriesterOptions): SunDependentAtmosphere {
  const n = options.cosineExponent ?? 4;
  if (!(typeof n === 'number' && n >= 2 && n <= 6)) {
    throw new InvalidArgumentError(
      'cosineExponent',
      n,
      '',
      'must be a number in [2, 6] (2 for low inclinations, 6 for polar orbits)',
    );
  }
  const sun = options.sun;
  if (sun === undefined || sun === null || typeof sun.positionInto !== 'function') {
    throw new InvalidArgumentError('sun', sun, '', 'give a body position provider for the Sun');
  }
  const half = n / 2;
  const bands = HEIGHTS_KM.length - 1;
  // Per band: base height, base densities (kg/m³) and inverse scale heights (1/km).
  const h0 = new Float64Array(bands);
  const min0 = new Float64Array(bands);
  const max0 = new Float64Array(bands);
  const minK = new Float64Array(bands);
  const maxK = new Float64Array(bands);
  for (let i = 0; i < bands; i++) {
    const dh = HEIGHTS_KM[i + 1]! - HEIGHTS_KM[i]!;
    h0[i] = HEIGHTS_KM[i]!;
    min0[i] = RHO_MIN_G_KM3[i]! * KG_M3_PER_G_KM3;
    max0[i] = RHO_MAX_G_KM3[i]! * KG_M3_PER_G_KM3;
    minK[i] = Math.log(RHO_MIN_G_KM3[i]! / RHO_MIN_G_KM3[i + 1]!) / dh;
    maxK[i] = Math.log(RHO_MAX_G_KM3[i]! / RHO_MAX_G_KM3[i + 1]!) / dh;
  }
  const cosLag = Math.cos(BULGE_LAG_RAD);
  const sinLag = Math.sin(BULGE_LAG_RAD);
  return Object.freeze({
    name: `Harris–Priester, n = ${n}`,
    sun,
    densityAtInto(
      out: Float64Array,
      altitudeKm: number,
      positionKm: ArrayLike<number>,
      sunKm: ArrayLike<number>,
    ): void {
      if (altitudeKm > HARRIS_PRIESTER_MAX_HEIGHT_KM) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        out[3] = 0;
        out[4] = 0;
        return;
      }
      // The band [hᵢ, hᵢ₊₁) holding the altitude (the first below 100 km, the last at 1000 km).
      let lo = 0;
      let hi = bands - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (altitudeKm >= h0[mid]!) lo = mid;
        else hi = mid - 1;
      }
      const dh = altitudeKm - h0[lo]!;
      const kMin = minK[lo]!;
      const kMax = maxK[lo]!;
      const rhoMin = min0[lo]! * Math.exp(-kMin * dh);
      const rhoMax = max0[lo]! * Math.exp(-kMax * dh);
      // Apex: the Sun's direction turned by the lag about z (same declination, α + 30°).
      const sx = sunKm[0]!;
      const sy = sunKm[1]!;
      const sz = sunKm[2]!;
      const sInv = 1 / Math.sqrt(sx * sx + sy * sy + sz * sz);
      const bx = (sx * cosLag - sy * sinLag) * sInv;
      const by = (sx * sinLag + sy * cosLag) * sInv;
      const bz = sz * sInv;
      const x = positionKm[0]!;
      const y = positionKm[1]!;
      const z = positionKm[2]!;
      const rInv = 1 / Math.sqrt(x * x + y * y + z * z);
      const cosPsi = (bx * x + by * y + bz * z) * rInv;
      // cos²(ψ/2) = (1 + cos ψ)/2, kept in [0, 1] against rounding at the apex and antapex.
      const q = Math.min(1, Math.max(0, 0.5 + 0.5 * cosPsi));
      const qPow = q ** (half - 1);
      const weight = qPow * q;
      const spread = rhoMax - rhoMin;
      out[0] = rhoMin + spread * weight;
      out[1] = -kMin * rhoMin - (kMax * rhoMax - kMin * rhoMin) * weight;
      // ∂ρ/∂r at fixed h = spread · d(q^(n/2))/dcosψ · ∇cos ψ, ∇cos ψ = (b − cos ψ r̂)/|r|.
      const g = spread * 0.5 * half * qPow * rInv;
      out[2] = g * (bx - cosPsi * x * rInv);
      out[3] = g * (by - cosPsi * y * rInv);
      out[4] = g * (bz - cosPsi * z * rInv);
    },
  });
}
