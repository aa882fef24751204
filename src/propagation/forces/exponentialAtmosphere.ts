/**
 * The piecewise exponential atmosphere of Vallado's table.
 *
 * @packageDocumentation
 */

/**
 * Base altitude (km), nominal density (kg/m³) and scale height (km) of each band, from 0 to
 * 1000 km (Vallado, *Fundamentals of Astrodynamics and Applications*, 4th ed., Table 8-4,
 * after the CIRA-72 and U.S. Standard Atmosphere 1976).
 */
const BANDS: readonly (readonly [number, number, number])[] = [
  [0, 1.225, 7.249],
  [25, 3.899e-2, 6.349],
  [30, 1.774e-2, 6.682],
  [40, 3.972e-3, 7.554],
  [50, 1.057e-3, 8.382],
  [60, 3.206e-4, 7.714],
  [70, 8.77e-5, 6.549],
  [80, 1.905e-5, 5.799],
  [90, 3.396e-6, 5.382],
  [100, 5.297e-7, 5.877],
  [110, 9.661e-8, 7.263],
  [120, 2.438e-8, 9.473],
  [130, 8.484e-9, 12.636],
  [140, 3.845e-9, 16.149],
  [150, 2.07e-9, 22.523],
  [180, 5.464e-10, 29.74],
  [200, 2.789e-10, 37.105],
  [250, 7.248e-11, 45.546],
  [300, 2.418e-11, 53.628],
  [350, 9.518e-12, 53.298],
  [400, 3.725e-12, 58.515],
  [450, 1.585e-12, 60.828],
  [500, 6.967e-13, 63.822],
  [600, 1.454e-13, 71.835],
  [700, 3.614e-14, 88.667],
  [800, 1.17e-14, 124.64],
  [900, 5.245e-15, 181.05],
  [1000, 3.019e-15, 268],
];

/** A model of the air density as a function of altitude. */
export interface Atmosphere {
  /** Name of the model. */
  readonly name: string;
  /**
   * Density and its derivative at an altitude.
   *
   * @param out - receives ρ (kg/m³) at 0 and dρ/dh (kg/m³ per km) at 1
   * @param altitudeKm - altitude above the ellipsoid, km
   */
  densityInto(out: Float64Array, altitudeKm: number): void;
}

/**
 * Vallado's exponential atmosphere: ρ = ρ₀ exp(−(h − h₀)/H) in 28 bands from 0 to 1000 km
 * (above 1000 km, the last band continues; below 0, the first). A static, mean-activity
 * model: good for tests and quick LEO studies, not for precise decay prediction.
 *
 * @returns the model
 * @see Vallado (2013), §8.6.2 and Table 8-4
 * @example
 * ```ts
 * const out = new Float64Array(2);
 * exponentialAtmosphere().densityInto(out, 400);
 * out[0]; // ≈ 3.725e-12
 * ```
 */
export function exponentialAtmosphere(): Atmosphere {
  return Object.freeze({
    name: 'exponential (Vallado Table 8-4)',
    densityInto(out: Float64Array, altitudeKm: number): void {
      let i = BANDS.length - 1;
      while (i > 0 && altitudeKm < BANDS[i]![0]) i--;
      const [h0, rho0, scale] = BANDS[i]!;
      const rho = rho0 * Math.exp(-(altitudeKm - h0) / scale);
      out[0] = rho;
      out[1] = -rho / scale;
    },
  });
}
