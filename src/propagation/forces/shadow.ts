/**
 * The fraction of the Sun's disc seen from a point, with one occulting sphere.
 *
 * @packageDocumentation
 */

/**
 * Conical shadow function: the fraction ν of the solar disc visible from the satellite when a
 * spherical body may hide part of it (1 in sunlight, 0 in the umbra, between them in the
 * penumbra, 1 − b²/a² in the annular zone). The discs are treated as flat circles of apparent
 * radii a = asin(R☉/|s − r|) and b = asin(R_b/|o − r|) at apparent separation c.
 *
 * @param satelliteKm - satellite position, km (any frame, same as the others)
 * @param sunKm - Sun position, km
 * @param occulterKm - centre of the occulting body, km
 * @param sunRadiusKm - radius of the Sun, km
 * @param occulterRadiusKm - radius of the occulting body, km
 * @returns ν in [0, 1]
 * @see Montenbruck & Gill, *Satellite Orbits* (2000), §3.4.2, eq. 3.79–3.86
 * @example
 * ```ts
 * // behind the Earth, on the Sun–Earth line: umbra
 * shadowFraction([-7000, 0, 0], [1.496e8, 0, 0], [0, 0, 0], 695700, 6378.137); // 0
 * ```
 */
export function shadowFraction(
  satelliteKm: ArrayLike<number>,
  sunKm: ArrayLike<number>,
  occulterKm: ArrayLike<number>,
  sunRadiusKm: number,
  occulterRadiusKm: number,
): number {
  return shadowFractionXyz(
    satelliteKm[0]!,
    satelliteKm[1]!,
    satelliteKm[2]!,
    sunKm,
    occulterKm,
    sunRadiusKm,
    occulterRadiusKm,
  );
}

/** {@link shadowFraction} with the satellite position as three numbers (no allocation). */
export function shadowFractionXyz(
  x: number,
  y: number,
  z: number,
  sunKm: ArrayLike<number>,
  occulterKm: ArrayLike<number>,
  sunRadiusKm: number,
  occulterRadiusKm: number,
): number {
  const sx = sunKm[0]! - x;
  const sy = sunKm[1]! - y;
  const sz = sunKm[2]! - z;
  const ox = occulterKm[0]! - x;
  const oy = occulterKm[1]! - y;
  const oz = occulterKm[2]! - z;
  const sd = Math.sqrt(sx * sx + sy * sy + sz * sz);
  const od = Math.sqrt(ox * ox + oy * oy + oz * oz);
  if (od <= occulterRadiusKm) return 0;
  const a = Math.asin(Math.min(1, sunRadiusKm / sd));
  const b = Math.asin(occulterRadiusKm / od);
  const cosC = (sx * ox + sy * oy + sz * oz) / (sd * od);
  const c = Math.acos(Math.max(-1, Math.min(1, cosC)));
  if (c >= a + b) return 1;
  if (c <= b - a) return 0;
  if (c <= a - b) return 1 - (b * b) / (a * a);
  const xx = (c * c + a * a - b * b) / (2 * c);
  const yy = Math.sqrt(Math.max(0, a * a - xx * xx));
  const area =
    a * a * Math.acos(Math.max(-1, Math.min(1, xx / a))) +
    b * b * Math.acos(Math.max(-1, Math.min(1, (c - xx) / b))) -
    c * yy;
  return Math.max(0, Math.min(1, 1 - area / (Math.PI * a * a)));
}
