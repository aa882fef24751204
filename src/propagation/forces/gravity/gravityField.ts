/**
 * A spherical-harmonic gravity field: fully normalised coefficients C̄nm, S̄nm with the GM and
 * reference radius that scale them.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../../errors';

/** What {@link GravityField.create} takes. */
export interface GravityFieldInit {
  /** Name of the model, e.g. `'EGM2008'`. */
  readonly name: string;
  /** GM that scales the coefficients, km³/s². */
  readonly gmKm3S2: number;
  /** Reference radius that scales the coefficients, km. */
  readonly referenceRadiusKm: number;
  /** Highest degree. */
  readonly maxDegree: number;
  /** Highest order (default `maxDegree`). */
  readonly maxOrder?: number;
  /**
   * Fully normalised C̄nm at index n(n+1)/2 + m, for n = 0…maxDegree (absent orders zero);
   * copied.
   */
  readonly cNormalized: ArrayLike<number>;
  /** Fully normalised S̄nm, same layout; copied. */
  readonly sNormalized: ArrayLike<number>;
  /** Tide system of C̄2,0 (`'tide_free'`, `'zero_tide'`…), when the source says it. */
  readonly tideSystem?: string;
}

/** Index of (n, m) in the triangular coefficient arrays: n(n + 1)/2 + m. */
export function triangularIndex(n: number, m: number): number {
  return (n * (n + 1)) / 2 + m;
}

/**
 * A spherical-harmonic model of the Earth's gravity potential
 * V = GM/r Σ (R/r)ⁿ P̄nm(sin φ) (C̄nm cos mλ + S̄nm sin mλ), with fully normalised
 * coefficients (the 4π normalisation of geodesy, as ICGEM and NGA publish them).
 * Immutable.
 *
 * @example
 * ```ts
 * const field = egm2008Degree20();
 * field.maxDegree; // 20
 * field.cNormalized(2, 0); // -0.000484165143790815
 * ```
 */
export class GravityField {
  /** Name of the model. */
  readonly name: string;
  /** GM that scales the coefficients, km³/s². */
  readonly gmKm3S2: number;
  /** Reference radius, km. */
  readonly referenceRadiusKm: number;
  /** Highest degree. */
  readonly maxDegree: number;
  /** Highest order. */
  readonly maxOrder: number;
  /** Tide system, when the source states it. */
  readonly tideSystem: string | undefined;
  readonly #c: Float64Array;
  readonly #s: Float64Array;

  private constructor(init: GravityFieldInit, c: Float64Array, s: Float64Array) {
    this.name = init.name;
    this.gmKm3S2 = init.gmKm3S2;
    this.referenceRadiusKm = init.referenceRadiusKm;
    this.maxDegree = init.maxDegree;
    this.maxOrder = init.maxOrder ?? init.maxDegree;
    this.tideSystem = init.tideSystem;
    this.#c = c;
    this.#s = s;
    Object.freeze(this);
  }

  /**
   * Builds a field from its constants and coefficient arrays (copied).
   *
   * @param init - name, GM (km³/s²), radius (km), degree and order, coefficients
   * @returns the field
   * @throws {@link InvalidArgumentError} for a non-positive GM or radius, a bad degree or
   *   order, arrays of the wrong length or non-finite coefficients
   * @example
   * ```ts
   * // a field of J2 alone (C̄2,0 = −J2/√5)
   * const c = [1, 0, 0, -1.0826e-3 / Math.sqrt(5), 0, 0];
   * const f = GravityField.create({
   *   name: 'J2', gmKm3S2: 398600.4418, referenceRadiusKm: 6378.137, maxDegree: 2,
   *   cNormalized: c, sNormalized: new Array(6).fill(0),
   * });
   * f.unnormalizedC(2, 0); // ≈ -1.0826e-3
   * ```
   */
  static create(init: GravityFieldInit): GravityField {
    positive('gmKm3S2', init.gmKm3S2, 'km³/s²');
    positive('referenceRadiusKm', init.referenceRadiusKm, 'km');
    const n = init.maxDegree;
    if (!Number.isInteger(n) || n < 0) {
      throw new InvalidArgumentError('maxDegree', n, '', 'must be an integer ≥ 0');
    }
    const m = init.maxOrder ?? n;
    if (!Number.isInteger(m) || m < 0 || m > n) {
      throw new InvalidArgumentError('maxOrder', m, '', `must be an integer in 0…${n}`);
    }
    const size = triangularIndex(n + 1, 0);
    const c = copyCoefficients('cNormalized', init.cNormalized, size, m);
    const s = copyCoefficients('sNormalized', init.sNormalized, size, m);
    return new GravityField(init, c, s);
  }

  /**
   * Fully normalised C̄nm (0 beyond the field's degree or order).
   *
   * @param n - degree
   * @param m - order, 0…n
   * @returns C̄nm, dimensionless
   * @throws {@link InvalidArgumentError} unless 0 ≤ m ≤ n are integers
   * @example
   * ```ts
   * egm2008Degree20().cNormalized(2, 2); // 0.00000243938357328313
   * ```
   */
  cNormalized(n: number, m: number): number {
    checkDegreeOrder(n, m);
    return n > this.maxDegree || m > this.maxOrder ? 0 : this.#c[triangularIndex(n, m)]!;
  }

  /**
   * Fully normalised S̄nm (0 beyond the field's degree or order, and for m = 0).
   *
   * @param n - degree
   * @param m - order, 0…n
   * @returns S̄nm, dimensionless
   * @throws {@link InvalidArgumentError} unless 0 ≤ m ≤ n are integers
   * @example
   * ```ts
   * egm2008Degree20().sNormalized(2, 2); // -0.00000140027370385934
   * ```
   */
  sNormalized(n: number, m: number): number {
    checkDegreeOrder(n, m);
    return n > this.maxDegree || m > this.maxOrder ? 0 : this.#s[triangularIndex(n, m)]!;
  }

  /**
   * Unnormalised Cnm = Nnm · C̄nm ({@link legendreNormalization}).
   *
   * @param n - degree
   * @param m - order
   * @returns Cnm, dimensionless
   * @throws {@link InvalidArgumentError} unless 0 ≤ m ≤ n are integers
   * @example
   * ```ts
   * -egm2008Degree20().unnormalizedC(2, 0); // ≈ 1.0826261738522e-3 (J2)
   * ```
   */
  unnormalizedC(n: number, m: number): number {
    return this.cNormalized(n, m) * legendreNormalization(n, m);
  }

  /**
   * Unnormalised Snm = Nnm · S̄nm.
   *
   * @param n - degree
   * @param m - order
   * @returns Snm, dimensionless
   * @throws {@link InvalidArgumentError} unless 0 ≤ m ≤ n are integers
   * @example
   * ```ts
   * egm2008Degree20().unnormalizedS(2, 2); // ≈ -9.0387e-7
   * ```
   */
  unnormalizedS(n: number, m: number): number {
    return this.sNormalized(n, m) * legendreNormalization(n, m);
  }

  /**
   * The same field limited to a lower degree and order (the coefficients are those of this
   * field, unchanged).
   *
   * @param maxDegree - highest degree kept, ≤ this field's
   * @param maxOrder - highest order kept, ≤ maxDegree (default maxDegree, capped at this field's)
   * @returns the truncated field
   * @throws {@link InvalidArgumentError} for a degree above the field's or a bad order
   * @example
   * ```ts
   * egm2008Degree20().truncate(8).maxDegree; // 8
   * ```
   */
  truncate(maxDegree: number, maxOrder?: number): GravityField {
    if (!Number.isInteger(maxDegree) || maxDegree < 0 || maxDegree > this.maxDegree) {
      throw new InvalidArgumentError(
        'maxDegree',
        maxDegree,
        '',
        `must be an integer in 0…${this.maxDegree} (the field's degree)`,
      );
    }
    const order = maxOrder ?? Math.min(maxDegree, this.maxOrder);
    if (!Number.isInteger(order) || order < 0 || order > maxDegree) {
      throw new InvalidArgumentError('maxOrder', order, '', `must be an integer in 0…${maxDegree}`);
    }
    const size = triangularIndex(maxDegree + 1, 0);
    return GravityField.create({
      name: this.name,
      gmKm3S2: this.gmKm3S2,
      referenceRadiusKm: this.referenceRadiusKm,
      maxDegree,
      maxOrder: order,
      cNormalized: this.#c.subarray(0, size),
      sNormalized: this.#s.subarray(0, size),
      ...(this.tideSystem === undefined ? {} : { tideSystem: this.tideSystem }),
    });
  }
}

/**
 * The factor Nnm between unnormalised and fully normalised coefficients, Cnm = Nnm · C̄nm
 * (and P̄nm = Nnm · Pnm): Nnm = √((2 − δ0m)(2n + 1)(n − m)!/(n + m)!). Computed as a running
 * product of 1/k for k = n − m + 1 … n + m, so no factorial overflows; the result itself
 * underflows to 0 for orders above ~150.
 *
 * @param n - degree
 * @param m - order, 0…n
 * @returns Nnm, dimensionless
 * @throws {@link InvalidArgumentError} unless 0 ≤ m ≤ n are integers
 * @see Heiskanen & Moritz, *Physical Geodesy* (1967), eq. 1-73
 * @example
 * ```ts
 * legendreNormalization(2, 0); // ≈ 2.2360679775 (√5)
 * ```
 */
export function legendreNormalization(n: number, m: number): number {
  checkDegreeOrder(n, m);
  let ratio = 1;
  for (let k = n - m + 1; k <= n + m; k++) ratio /= k;
  return Math.sqrt((m === 0 ? 1 : 2) * (2 * n + 1) * ratio);
}

function checkDegreeOrder(n: number, m: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(m) || n < 0 || m < 0 || m > n) {
    throw new InvalidArgumentError('(n, m)', [n, m], '', 'must be integers with 0 ≤ m ≤ n');
  }
}

function positive(name: string, value: number, unit: string): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new InvalidArgumentError(name, value, unit, 'must be finite and > 0');
  }
}

function copyCoefficients(
  name: string,
  values: ArrayLike<number>,
  size: number,
  maxOrder: number,
): Float64Array {
  if (values.length < size) {
    throw new InvalidArgumentError(
      `${name}.length`,
      values.length,
      'coefficients',
      `must be ≥ ${size} (n(n+1)/2 + m for n up to the degree)`,
    );
  }
  const out = new Float64Array(size);
  for (let n = 0, i = 0; i < size; n++) {
    for (let m = 0; m <= n; m++, i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) {
        throw new InvalidArgumentError(`${name}[${n},${m}]`, v, '', 'must be finite');
      }
      out[i] = m > maxOrder ? 0 : v;
    }
  }
  return out;
}
