/**
 * Three-vectors: small pure functions returning new tuples, and `…Into(out, …)` twins that
 * write into a caller-owned array for hot loops (the gl-matrix pattern).
 *
 * Every function works in whatever unit its inputs carry (km, km/s, …): the result of `add`,
 * `sub`, `negate`, `scale`, `cross`, `norm` and `distance` is in the unit of the inputs (times
 * the scale factor's unit, or squared for `cross`, `dot` and `normSquared`); angles are in
 * radians.
 *
 * The `…Into` functions read all of their inputs before writing `out`, so `out` may be one of
 * the inputs (`addInto(a, a, b)` accumulates into `a`).
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors';

/** An immutable three-vector `[x, y, z]`. */
export type Vec3 = readonly [number, number, number];

/** A mutable three-vector, for code that owns its storage. */
export type MutableVec3 = [number, number, number];

/**
 * Anything from which a three-vector can be read: a {@link Vec3}, a plain array or a typed
 * array. Elements 0, 1 and 2 are read; a longer array (a state `[x, y, z, vx, vy, vz]` in a
 * `Float64Array`) is fine when the vector is at its start.
 */
export type Vec3Like = ArrayLike<number>;

/**
 * Storage that an `…Into` function writes elements 0, 1 and 2 of. Its length must be at least 3.
 */
export type Vec3Out = number[] | Float64Array;

/**
 * Builds a vector from its components.
 *
 * @param x - first component, in the caller's unit
 * @param y - second component, same unit
 * @param z - third component, same unit
 * @returns `[x, y, z]`
 *
 * @example
 * ```ts
 * fromValues(1, 2, 3); // [1, 2, 3]
 * ```
 */
export function fromValues(x: number, y: number, z: number): Vec3 {
  return [x, y, z];
}

/**
 * Copies the first three elements of an array-like into a new tuple.
 *
 * @param v - source, length ≥ 3
 * @returns `[v[0], v[1], v[2]]`
 *
 * @example
 * ```ts
 * fromArray(new Float64Array([7000, 0, 0, 0, 7.5, 0])); // [7000, 0, 0]
 * ```
 */
export function fromArray(v: Vec3Like): Vec3 {
  return [v[0]!, v[1]!, v[2]!];
}

/**
 * Sum a + b.
 *
 * @param a - first vector, any unit
 * @param b - second vector, same unit as `a`
 * @returns a + b, in the unit of the inputs
 *
 * @example
 * ```ts
 * add([1, 2, 3], [10, 20, 30]); // [11, 22, 33]
 * ```
 */
export function add(a: Vec3Like, b: Vec3Like): Vec3 {
  return [a[0]! + b[0]!, a[1]! + b[1]!, a[2]! + b[2]!];
}

/**
 * Writes a + b into `out`.
 *
 * @param out - destination, length ≥ 3 (may alias `a` or `b`)
 * @param a - first vector, any unit
 * @param b - second vector, same unit as `a`
 * @returns `out`
 *
 * @example
 * ```ts
 * const out = new Float64Array(3);
 * addInto(out, [1, 2, 3], [10, 20, 30]); // Float64Array [11, 22, 33]
 * ```
 */
export function addInto<T extends Vec3Out>(out: T, a: Vec3Like, b: Vec3Like): T {
  const x = a[0]! + b[0]!;
  const y = a[1]! + b[1]!;
  const z = a[2]! + b[2]!;
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

/**
 * Difference a − b.
 *
 * @param a - first vector, any unit
 * @param b - vector subtracted, same unit as `a`
 * @returns a − b, in the unit of the inputs
 *
 * @example
 * ```ts
 * sub([11, 22, 33], [1, 2, 3]); // [10, 20, 30]
 * ```
 */
export function sub(a: Vec3Like, b: Vec3Like): Vec3 {
  return [a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!];
}

/**
 * Writes a − b into `out`.
 *
 * @param out - destination, length ≥ 3 (may alias `a` or `b`)
 * @param a - first vector, any unit
 * @param b - vector subtracted, same unit as `a`
 * @returns `out`
 *
 * @example
 * ```ts
 * subInto([0, 0, 0], [11, 22, 33], [1, 2, 3]); // [10, 20, 30]
 * ```
 */
export function subInto<T extends Vec3Out>(out: T, a: Vec3Like, b: Vec3Like): T {
  const x = a[0]! - b[0]!;
  const y = a[1]! - b[1]!;
  const z = a[2]! - b[2]!;
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

/**
 * Product s · v.
 *
 * @param v - vector, any unit
 * @param s - scale factor (its unit multiplies the vector's)
 * @returns s · v
 *
 * @example
 * ```ts
 * scale([1, -2, 3], 2); // [2, -4, 6]
 * ```
 */
export function scale(v: Vec3Like, s: number): Vec3 {
  return [v[0]! * s, v[1]! * s, v[2]! * s];
}

/**
 * Writes s · v into `out`.
 *
 * @param out - destination, length ≥ 3 (may alias `v`)
 * @param v - vector, any unit
 * @param s - scale factor
 * @returns `out`
 *
 * @example
 * ```ts
 * scaleInto([0, 0, 0], [1, -2, 3], 2); // [2, -4, 6]
 * ```
 */
export function scaleInto<T extends Vec3Out>(out: T, v: Vec3Like, s: number): T {
  const x = v[0]! * s;
  const y = v[1]! * s;
  const z = v[2]! * s;
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

/**
 * Writes a + s · b into `out` (the "axpy" step of integrators and filters).
 *
 * @param out - destination, length ≥ 3 (may alias `a` or `b`)
 * @param a - base vector, any unit
 * @param b - increment direction (unit of `a` divided by the unit of `s`)
 * @param s - scale factor of `b` (a step size, s, …)
 * @returns `out`
 *
 * @example
 * ```ts
 * // position after 10 s at constant velocity
 * scaleAndAddInto([0, 0, 0], [7000, 0, 0], [0, 7.5, 0], 10); // [7000, 75, 0]
 * ```
 */
export function scaleAndAddInto<T extends Vec3Out>(out: T, a: Vec3Like, b: Vec3Like, s: number): T {
  const x = a[0]! + s * b[0]!;
  const y = a[1]! + s * b[1]!;
  const z = a[2]! + s * b[2]!;
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

/**
 * Opposite −v.
 *
 * @param v - vector, any unit
 * @returns −v, same unit
 *
 * @example
 * ```ts
 * negate([1, -2, 0]); // [-1, 2, -0]
 * ```
 */
export function negate(v: Vec3Like): Vec3 {
  return [-v[0]!, -v[1]!, -v[2]!];
}

/**
 * Writes −v into `out`.
 *
 * @param out - destination, length ≥ 3 (may alias `v`)
 * @param v - vector, any unit
 * @returns `out`
 *
 * @example
 * ```ts
 * negateInto([0, 0, 0], [1, -2, 3]); // [-1, 2, -3]
 * ```
 */
export function negateInto<T extends Vec3Out>(out: T, v: Vec3Like): T {
  out[0] = -v[0]!;
  out[1] = -v[1]!;
  out[2] = -v[2]!;
  return out;
}

/**
 * Scalar product a · b.
 *
 * @param a - first vector, any unit
 * @param b - second vector, any unit
 * @returns a · b, in the product of the two units
 *
 * @example
 * ```ts
 * dot([1, 2, 3], [4, -5, 6]); // 12
 * ```
 */
export function dot(a: Vec3Like, b: Vec3Like): number {
  return a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
}

/**
 * Vector product a × b (right-handed).
 *
 * @param a - first vector, any unit
 * @param b - second vector, any unit
 * @returns a × b, in the product of the two units
 *
 * @example
 * ```ts
 * cross([1, 0, 0], [0, 1, 0]); // [0, 0, 1]
 * ```
 */
export function cross(a: Vec3Like, b: Vec3Like): Vec3 {
  const ax = a[0]!;
  const ay = a[1]!;
  const az = a[2]!;
  const bx = b[0]!;
  const by = b[1]!;
  const bz = b[2]!;
  return [ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx];
}

/**
 * Writes a × b into `out`.
 *
 * @param out - destination, length ≥ 3 (may alias `a` or `b`)
 * @param a - first vector, any unit
 * @param b - second vector, any unit
 * @returns `out`
 *
 * @example
 * ```ts
 * // specific angular momentum h = r × v, km²/s
 * crossInto(new Float64Array(3), [7000, 0, 0], [0, 7.5, 0]); // Float64Array [0, 0, 52500]
 * ```
 */
export function crossInto<T extends Vec3Out>(out: T, a: Vec3Like, b: Vec3Like): T {
  const ax = a[0]!;
  const ay = a[1]!;
  const az = a[2]!;
  const bx = b[0]!;
  const by = b[1]!;
  const bz = b[2]!;
  out[0] = ay * bz - az * by;
  out[1] = az * bx - ax * bz;
  out[2] = ax * by - ay * bx;
  return out;
}

/**
 * Squared Euclidean length |v|².
 *
 * @param v - vector, any unit
 * @returns |v|², in the square of the vector's unit
 *
 * @example
 * ```ts
 * normSquared([3, 4, 12]); // 169
 * ```
 */
export function normSquared(v: Vec3Like): number {
  const x = v[0]!;
  const y = v[1]!;
  const z = v[2]!;
  return x * x + y * y + z * z;
}

/**
 * Euclidean length |v|.
 *
 * Computed as `Math.hypot`, which scales internally, so that vectors whose squared length
 * would overflow or underflow a double still get a correct length.
 *
 * @param v - vector, any unit
 * @returns |v|, in the vector's unit
 *
 * @example
 * ```ts
 * norm([3, 4, 12]); // 13
 * ```
 */
export function norm(v: Vec3Like): number {
  return Math.hypot(v[0]!, v[1]!, v[2]!);
}

/**
 * Unit vector v / |v|.
 *
 * @param v - vector, any unit, not zero
 * @returns v / |v| (dimensionless)
 * @throws {@link InvalidArgumentError} when |v| is 0 or not finite
 *
 * @example
 * ```ts
 * normalize([0, 3, 4]); // [0, 0.6, 0.8]
 * ```
 */
export function normalize(v: Vec3Like): Vec3 {
  const n = checkedNorm(v);
  return [v[0]! / n, v[1]! / n, v[2]! / n];
}

/**
 * Writes v / |v| into `out`.
 *
 * @param out - destination, length ≥ 3 (may alias `v`)
 * @param v - vector, any unit, not zero
 * @returns `out`
 * @throws {@link InvalidArgumentError} when |v| is 0 or not finite (then `out` is untouched)
 *
 * @example
 * ```ts
 * normalizeInto([0, 0, 0], [0, 3, 4]); // [0, 0.6, 0.8]
 * ```
 */
export function normalizeInto<T extends Vec3Out>(out: T, v: Vec3Like): T {
  const n = checkedNorm(v);
  out[0] = v[0]! / n;
  out[1] = v[1]! / n;
  out[2] = v[2]! / n;
  return out;
}

/**
 * Euclidean distance |a − b|.
 *
 * @param a - first point, any unit
 * @param b - second point, same unit
 * @returns |a − b|, in the unit of the inputs
 *
 * @example
 * ```ts
 * distance([1, 1, 1], [4, 5, 13]); // 13
 * ```
 */
export function distance(a: Vec3Like, b: Vec3Like): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

/**
 * Angle between two vectors, in [0, π].
 *
 * Computed as atan2(|a × b|, a · b), which keeps full precision for nearly parallel and
 * nearly opposite vectors, where acos(a·b / |a||b|) loses half of the digits (for an angle of
 * 1e-8 rad the cosine rounds to 1 and acos returns 0). The lengths of the vectors do not
 * matter: a vector whose largest component lies outside 2^±300 is first scaled by an exact
 * power of two, so that no product overflows or underflows. If either vector is zero the
 * angle is 0 (atan2(0, 0)); if a component is not finite it is NaN.
 *
 * @param a - first vector, any unit
 * @param b - second vector, any unit
 * @returns the angle between them, rad, in [0, π]
 * @see SOFA `iauSepp`, which uses the same formula
 *
 * @example
 * ```ts
 * angleBetween([1, 0, 0], [0, 2, 0]); // 1.5707963267948966 (π/2)
 * ```
 */
export function angleBetween(a: Vec3Like, b: Vec3Like): number {
  let ax = a[0]!;
  let ay = a[1]!;
  let az = a[2]!;
  let bx = b[0]!;
  let by = b[1]!;
  let bz = b[2]!;
  const fa = rescaleFactors(Math.max(Math.abs(ax), Math.abs(ay), Math.abs(az)));
  if (fa !== undefined) {
    ax = ax * fa[0] * fa[1];
    ay = ay * fa[0] * fa[1];
    az = az * fa[0] * fa[1];
  }
  const fb = rescaleFactors(Math.max(Math.abs(bx), Math.abs(by), Math.abs(bz)));
  if (fb !== undefined) {
    bx = bx * fb[0] * fb[1];
    by = by * fb[0] * fb[1];
    bz = bz * fb[0] * fb[1];
  }
  const cx = ay * bz - az * by;
  const cy = az * bx - ax * bz;
  const cz = ax * by - ay * bx;
  return Math.atan2(Math.hypot(cx, cy, cz), ax * bx + ay * by + az * bz);
}

/** 2^300: components beyond 2^±300 could make products of two of them overflow or underflow. */
const RESCALE_ABOVE = 2 ** 300;
/** 2^−300. */
const RESCALE_BELOW = 2 ** -300;

/**
 * Two powers of two whose product brings `maxAbs` near 1 (two factors, because 2^1074, needed
 * for the smallest subnormal, is not a double), or undefined when no rescaling is needed.
 * Multiplying by a power of two is exact for every result that stays normal.
 */
function rescaleFactors(maxAbs: number): readonly [number, number] | undefined {
  if (!(maxAbs > RESCALE_ABOVE || (maxAbs < RESCALE_BELOW && maxAbs > 0))) return undefined;
  const k = -Math.floor(Math.log2(maxAbs));
  const half = Math.trunc(k / 2);
  return [2 ** half, 2 ** (k - half)];
}

function checkedNorm(v: Vec3Like): number {
  const n = Math.hypot(v[0]!, v[1]!, v[2]!);
  if (!(n > 0) || n === Number.POSITIVE_INFINITY) {
    throw new InvalidArgumentError(
      'v',
      [v[0], v[1], v[2]],
      '',
      'cannot normalize a vector whose length is 0 or not finite',
    );
  }
  return n;
}
