/**
 * The fraction of the Sun's disc seen from a point, with one occulting sphere, and the
 * apparent geometry of the two discs that it (and the eclipse event detectors) are built on.
 *
 * @packageDocumentation
 */

/**
 * Apparent geometry of the Sun and an occulting sphere seen from a point, as flat discs,
 * handed to `read`: a = asin(R☉/|s − r|), the Sun's apparent radius; b = asin(R_b/|o − r|),
 * the occulter's apparent radius (π/2 when the point is inside the occulter: it then hides
 * the half-sky below its tangent plane, a horizon); c, the angle between the two centres
 * (atan2 of the cross and dot products, accurate near 0 and π). All rad. The point is in
 * the umbra when c ≤ b − a and in sunlight when c ≥ a + b: {@link shadowFraction} and the
 * eclipse detectors of `events` both read these same three numbers, so that they agree
 * outside the occulter (inside it the fraction is 0 while b = π/2 makes a horizon).
 *
 * @param x - point x, km (any frame, the same as the others)
 * @param y - point y, km
 * @param z - point z, km
 * @param sunKm - Sun position, km
 * @param occulterKm - centre of the occulting body, km
 * @param sunRadiusKm - radius of the Sun, km
 * @param occulterRadiusKm - radius of the occulting body, km
 * @param read - receives a, b, c (rad) and returns the result (called once, synchronously)
 * @returns what `read` returns
 * @see Montenbruck & Gill, *Satellite Orbits* (2000), §3.4.2, eq. 3.82–3.84
 * @example
 * ```ts
 * // From GEO behind the Earth: the Sun (a ≈ 0.27°) centred on the Earth (b ≈ 8.7°), c = 0.
 * const umbraMarginRad = apparentDiscs(-42164, 0, 0, [1.496e8, 0, 0], [0, 0, 0], 695700, 6378.137,
 *   (a, b, c) => c - (b - a));
 * umbraMarginRad; // ≈ -0.1472
 * ```
 */
export function apparentDiscs<T>(
  x: number,
  y: number,
  z: number,
  sunKm: ArrayLike<number>,
  occulterKm: ArrayLike<number>,
  sunRadiusKm: number,
  occulterRadiusKm: number,
  read: (aRad: number, bRad: number, cRad: number) => T,
): T {
  const sx = sunKm[0]! - x;
  const sy = sunKm[1]! - y;
  const sz = sunKm[2]! - z;
  const ox = occulterKm[0]! - x;
  const oy = occulterKm[1]! - y;
  const oz = occulterKm[2]! - z;
  const sd = Math.sqrt(sx * sx + sy * sy + sz * sz);
  const od = Math.sqrt(ox * ox + oy * oy + oz * oz);
  const cx = sy * oz - sz * oy;
  const cy = sz * ox - sx * oz;
  const cz = sx * oy - sy * ox;
  return read(
    Math.asin(Math.min(1, sunRadiusKm / sd)),
    Math.asin(Math.min(1, occulterRadiusKm / od)),
    Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), sx * ox + sy * oy + sz * oz),
  );
}

/**
 * Conical shadow function: the fraction ν of the solar disc visible from the satellite when a
 * spherical body may hide part of it (1 in sunlight, 0 in the umbra, between them in the
 * penumbra, 1 − b²/a² in the annular zone). The discs are treated as flat circles of apparent
 * radii a = asin(R☉/|s − r|) and b = asin(R_b/|o − r|) at apparent separation c (see
 * `apparentDiscs`, shared with the eclipse detectors); a point inside the occulting body
 * gets 0.
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
  const ox = occulterKm[0]! - x;
  const oy = occulterKm[1]! - y;
  const oz = occulterKm[2]! - z;
  if (Math.sqrt(ox * ox + oy * oy + oz * oz) <= occulterRadiusKm) return 0;
  return apparentDiscs(
    x,
    y,
    z,
    sunKm,
    occulterKm,
    sunRadiusKm,
    occulterRadiusKm,
    visibleDiscFraction,
  );
}

/**
 * Visible fraction of a disc of radius a partly covered by a disc of radius b whose centre
 * is c away (all rad, flat discs): the overlap area of two circles.
 */
function visibleDiscFraction(a: number, b: number, c: number): number {
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
