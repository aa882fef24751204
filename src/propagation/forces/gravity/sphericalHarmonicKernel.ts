/**
 * Acceleration and gravity gradient of a spherical-harmonic field in the body-fixed frame, by
 * Cunningham's recursion of the solid harmonics written in fully normalised form.
 *
 * With Unm = (R/r)ⁿ⁺¹ Pnm(sin φ) e^{imλ} = Vnm + i·Wnm (Montenbruck & Gill 2000, §3.2.4) the
 * potential is V = GM/R Σ Re[(Cnm − i·Snm) Unm], and the three operators D₊ = ∂x + i∂y,
 * D₋ = ∂x − i∂y and ∂z map a solid harmonic onto those of the next degree (ibid. eq. 3.33,
 * rewritten with complex numbers):
 *
 *   D₊ Unm = −Un+1,m+1 / R,   D₋ Unm = (n−m+1)(n−m+2) Un+1,m−1 / R,   ∂z Unm = −(n−m+1) Un+1,m / R,
 *
 * with D₋ Un0 = −conj(Un+1,1) / R. The acceleration is ∂x = (D₊ + D₋)/2, ∂y = (D₊ − D₋)/2i,
 * and the gradient follows from the products of two operators (D₊D₋ = −∂z², Laplace).
 *
 * Every term Cnm · (operator) Unm lands on one harmonic of degree n + 1 (n + 2 for the
 * gradient). The kernel therefore precomputes, for each of those harmonics Ūn′m′ (normalised:
 * Ūnm = Nnm Unm, so that the recursion is the stable one of the fully normalised Legendre
 * functions), two real weights per output (ax, ay, az; and the six gradient entries) that fold
 * the coefficients, the operator factors and the normalisation ratios Nnm/Nn′m′ together. An
 * evaluation is then one pass over the harmonics, column by column (fixed m′), with the
 * recursion held in registers: no array of harmonics, no allocation.
 *
 * Stability: the normalised recursion is that of the fully normalised Legendre functions
 * (Holmes & Featherstone 2002 discuss its range); it is used here to degree 120 and beyond.
 * Cartesian throughout, so no singularity at the poles.
 *
 * @packageDocumentation
 */
import type { GravityField } from './gravityField';

/** Number of outputs of the acceleration table (ax, ay, az) and of the gradient table. */
const ACC_OUT = 3;
const GRAD_OUT = 6;

/** a!/b! for nearby a, b (|a − b| ≤ 6), as a product. */
function factorialRatio(a: number, b: number): number {
  let r = 1;
  if (a >= b) for (let k = b + 1; k <= a; k++) r *= k;
  else for (let k = a + 1; k <= b; k++) r /= k;
  return r;
}

/** N(n, m) / N(n2, m2), with Nnm² = (2 − δ0m)(2n + 1)(n − m)!/(n + m)!. */
function normalizationRatio(n: number, m: number, n2: number, m2: number): number {
  const r2 =
    ((m === 0 ? 1 : 2) / (m2 === 0 ? 1 : 2)) *
    ((2 * n + 1) / (2 * n2 + 1)) *
    factorialRatio(n - m, n2 - m2) *
    factorialRatio(n2 + m2, n + m);
  return Math.sqrt(r2);
}

/**
 * The evaluation tables of one field to one degree and order: recursion coefficients and
 * output weights, as flat `Float64Array`s in column order (m′, then n′).
 */
export class SphericalHarmonicKernel {
  /** GM, km³/s². */
  readonly gmKm3S2: number;
  /** Reference radius, km. */
  readonly radiusKm: number;
  /** Degree and order evaluated. */
  readonly degree: number;
  readonly order: number;
  /** Whether the gradient tables were built. */
  readonly hasGradient: boolean;
  /** Highest degree of the harmonics (degree + 2 with the gradient, else degree + 1). */
  private readonly top: number;
  /** Start of column m′ in the column-ordered arrays. */
  private readonly columnStart: Int32Array;
  /** Sectoral factor of column m′: Ūm′m′ = sect[m′] (x′ + i y′) Ūm′−1,m′−1. */
  private readonly sect: Float64Array;
  /** Vertical recursion: Ūn′m′ = a z′ Ūn′−1,m′ − b ρ Ūn′−2,m′. */
  private readonly recA: Float64Array;
  private readonly recB: Float64Array;
  /** Weights of the acceleration: 6 per harmonic (α, β for ax, ay, az). */
  private readonly accW: Float64Array;
  /** Weights of the gradient: 12 per harmonic (α, β for xx, yy, zz, xy, xz, yz). */
  private readonly gradW: Float64Array;
  /** Highest column m′ with acceleration / gradient weights. */
  private readonly accColumns: number;
  private readonly gradColumns: number;

  /**
   * @param field - the field
   * @param degree - highest degree evaluated, ≤ field.maxDegree
   * @param order - highest order evaluated, ≤ degree and ≤ field.maxOrder
   * @param gradient - build the gradient tables too
   */
  constructor(field: GravityField, degree: number, order: number, gradient: boolean) {
    this.gmKm3S2 = field.gmKm3S2;
    this.radiusKm = field.referenceRadiusKm;
    this.degree = degree;
    this.order = order;
    this.hasGradient = gradient;
    const top = degree + (gradient ? 2 : 1);
    this.top = top;
    this.accColumns = order + 1;
    this.gradColumns = gradient ? order + 2 : 0;
    const columns = top + 1;
    const start = new Int32Array(columns + 1);
    for (let m = 0; m < columns; m++) start[m + 1] = start[m]! + (top - m + 1);
    this.columnStart = start;
    const size = start[columns]!;
    const idx = (n: number, m: number) => start[m]! + (n - m);
    this.sect = new Float64Array(columns);
    for (let m = 1; m < columns; m++) {
      this.sect[m] = (2 * m - 1) * normalizationRatio(m, m, m - 1, m - 1);
    }
    this.recA = new Float64Array(size);
    this.recB = new Float64Array(size);
    for (let m = 0; m < columns; m++) {
      for (let n = m + 1; n <= top; n++) {
        const k = idx(n, m);
        this.recA[k] = ((2 * n - 1) / (n - m)) * normalizationRatio(n, m, n - 1, m);
        this.recB[k] =
          n - 2 >= m ? ((n + m - 1) / (n - m)) * normalizationRatio(n, m, n - 2, m) : 0;
      }
    }
    this.accW = new Float64Array(2 * ACC_OUT * size);
    this.gradW = new Float64Array(gradient ? 2 * GRAD_OUT * size : 0);
    // Adds c·Re(P·T) (or Im, or with T conjugated) to output `out` of a table, where
    // P = p + iq and T = Ū(n2, m2) = u + iv: weights α (of u) and β (of v).
    const add = (
      table: Float64Array,
      outputs: number,
      out: number,
      n2: number,
      m2: number,
      p: number,
      q: number,
      conj: boolean,
      imag: boolean,
      c: number,
    ) => {
      const k = (idx(n2, m2) * outputs + out) * 2;
      let alpha: number;
      let beta: number;
      if (!imag) {
        alpha = p;
        beta = conj ? q : -q;
      } else {
        alpha = q;
        beta = conj ? -p : p;
      }
      table[k] = table[k]! + c * alpha;
      table[k + 1] = table[k + 1]! + c * beta;
    };
    for (let n = 0; n <= degree; n++) {
      for (let m = 0; m <= Math.min(n, order); m++) {
        const cb = field.cNormalized(n, m);
        const sb = field.sNormalized(n, m);
        if (cb === 0 && sb === 0) continue;
        // Each term: C̃ · factor · N(n,m)/N(n2,m2) · Ū(n2,m2), C̃ = C̄ − i S̄.
        const term = (
          table: Float64Array,
          outputs: number,
          out: number,
          n2: number,
          m2: number,
          factor: number,
          conj: boolean,
          imag: boolean,
          c: number,
        ) => {
          const f = factor * normalizationRatio(n, m, n2, m2);
          add(table, outputs, out, n2, m2, f * cb, -f * sb, conj, imag, c);
        };
        const k1 = (n - m + 1) * (n - m + 2);
        // D₊: −Ū(n+1, m+1); D₋: k1 Ū(n+1, m−1), or −conj Ū(n+1, 1) for m = 0; ∂z: −(n−m+1) Ū(n+1, m).
        // ax = Re(F₊ + F₋)/2, ay = Im(F₊ − F₋)/2, az = Re(F_z).
        const acc = this.accW;
        term(acc, ACC_OUT, 0, n + 1, m + 1, -1, false, false, 0.5);
        term(acc, ACC_OUT, 1, n + 1, m + 1, -1, false, true, 0.5);
        if (m >= 1) {
          term(acc, ACC_OUT, 0, n + 1, m - 1, k1, false, false, 0.5);
          term(acc, ACC_OUT, 1, n + 1, m - 1, k1, false, true, -0.5);
        } else {
          term(acc, ACC_OUT, 0, n + 1, 1, -1, true, false, 0.5);
          term(acc, ACC_OUT, 1, n + 1, 1, -1, true, true, -0.5);
        }
        term(acc, ACC_OUT, 2, n + 1, m, -(n - m + 1), false, false, 1);
        if (!gradient) continue;
        const g = this.gradW;
        // D₊²: Ū(n+2, m+2).
        const pp = { n2: n + 2, m2: m + 2, f: 1, conj: false };
        // D₋²: k Ū(n+2, m−2); m = 1: −n(n+1) conj Ū(n+2, 1); m = 0: conj Ū(n+2, 2).
        const mm =
          m >= 2
            ? { n2: n + 2, m2: m - 2, f: k1 * (n - m + 3) * (n - m + 4), conj: false }
            : m === 1
              ? { n2: n + 2, m2: 1, f: -n * (n + 1), conj: true }
              : { n2: n + 2, m2: 2, f: 1, conj: true };
        // ∂z²: (n−m+1)(n−m+2) Ū(n+2, m).
        const zz = { n2: n + 2, m2: m, f: k1, conj: false };
        // D₊∂z: (n−m+1) Ū(n+2, m+1).
        const pz = { n2: n + 2, m2: m + 1, f: n - m + 1, conj: false };
        // D₋∂z: −(n−m+1)(n−m+2)(n−m+3) Ū(n+2, m−1); m = 0: (n+1) conj Ū(n+2, 1).
        const mz =
          m >= 1
            ? { n2: n + 2, m2: m - 1, f: -k1 * (n - m + 3), conj: false }
            : { n2: n + 2, m2: 1, f: n + 1, conj: true };
        type Op = typeof pp;
        const put = (out: number, op: Op, imag: boolean, c: number) =>
          term(g, GRAD_OUT, out, op.n2, op.m2, op.f, op.conj, imag, c);
        // xx = Re(F₊₊ + F₋₋ − 2F_zz)/4; yy = Re(−F₊₊ − F₋₋ − 2F_zz)/4; zz = Re F_zz;
        // xy = Im(F₊₊ − F₋₋)/4; xz = Re(F₊z + F₋z)/2; yz = Im(F₊z − F₋z)/2.
        put(0, pp, false, 0.25);
        put(0, mm, false, 0.25);
        put(0, zz, false, -0.5);
        put(1, pp, false, -0.25);
        put(1, mm, false, -0.25);
        put(1, zz, false, -0.5);
        put(2, zz, false, 1);
        put(3, pp, true, 0.25);
        put(3, mm, true, -0.25);
        put(4, pz, false, 0.5);
        put(4, mz, false, 0.5);
        put(5, pz, true, 0.5);
        put(5, mz, true, -0.5);
      }
    }
  }

  /**
   * Acceleration at a body-fixed position.
   *
   * @param out - receives ax, ay, az, km/s² (overwritten)
   * @param x - position, km
   * @param y - position, km
   * @param z - position, km
   */
  accelerationInto(out: Float64Array, x: number, y: number, z: number): void {
    const R = this.radiusKm;
    const r2 = x * x + y * y + z * z;
    const inv = R / r2;
    const xs = x * inv;
    const ys = y * inv;
    const zs = z * inv;
    const rho = R * inv;
    const sect = this.sect;
    const recA = this.recA;
    const recB = this.recB;
    const w = this.accW;
    const start = this.columnStart;
    const last = this.degree + 1;
    // Sectoral harmonic Ūm′m′ = su + i·sv; down a column Ūn′m′ = c · Ūm′m′ with c real
    // (the vertical recursion has real factors), so each column sums c·α and c·β.
    let su = R / Math.sqrt(r2);
    let sv = 0;
    let ax = 0;
    let ay = 0;
    let az = 0;
    const columns = this.accColumns;
    for (let m = 0; m <= columns; m++) {
      if (m > 0) {
        const f = sect[m]!;
        const nu = f * (xs * su - ys * sv);
        sv = f * (xs * sv + ys * su);
        su = nu;
      }
      let k = start[m]!;
      let j = 6 * k;
      let pa = w[j]!;
      let pb = w[j + 1]!;
      let qa = w[j + 2]!;
      let qb = w[j + 3]!;
      let ra = w[j + 4]!;
      let rb = w[j + 5]!;
      let c1 = 1;
      let c2 = 0;
      for (let n = m + 1; n <= last; n++) {
        k++;
        j += 6;
        const c = recA[k]! * zs * c1 - recB[k]! * rho * c2;
        c2 = c1;
        c1 = c;
        pa += w[j]! * c;
        pb += w[j + 1]! * c;
        qa += w[j + 2]! * c;
        qb += w[j + 3]! * c;
        ra += w[j + 4]! * c;
        rb += w[j + 5]! * c;
      }
      ax += pa * su + pb * sv;
      ay += qa * su + qb * sv;
      az += ra * su + rb * sv;
    }
    const scale = this.gmKm3S2 / (R * R);
    out[0] = ax * scale;
    out[1] = ay * scale;
    out[2] = az * scale;
  }

  /**
   * Acceleration and gradient at a body-fixed position (the kernel must have been built with
   * `gradient`).
   *
   * @param acc - receives ax, ay, az, km/s² (overwritten)
   * @param grad - receives ∂a/∂r, 3×3 row-major, 1/s² (overwritten; symmetric)
   * @param x - position, km
   * @param y - position, km
   * @param z - position, km
   */
  accelerationGradientInto(
    acc: Float64Array,
    grad: Float64Array,
    x: number,
    y: number,
    z: number,
  ): void {
    const R = this.radiusKm;
    const r2 = x * x + y * y + z * z;
    const inv = R / r2;
    const xs = x * inv;
    const ys = y * inv;
    const zs = z * inv;
    const rho = R * inv;
    const sect = this.sect;
    const recA = this.recA;
    const recB = this.recB;
    const w = this.accW;
    const g = this.gradW;
    const start = this.columnStart;
    const top = this.top;
    const accLast = this.degree + 1;
    const accColumns = this.accColumns;
    let su = R / Math.sqrt(r2);
    let sv = 0;
    let ax = 0;
    let ay = 0;
    let az = 0;
    let gxx = 0;
    let gyy = 0;
    let gzz = 0;
    let gxy = 0;
    let gxz = 0;
    let gyz = 0;
    const columns = this.gradColumns;
    for (let m = 0; m <= columns; m++) {
      if (m > 0) {
        const f = sect[m]!;
        const nu = f * (xs * su - ys * sv);
        sv = f * (xs * sv + ys * su);
        su = nu;
      }
      let k = start[m]!;
      let u = su;
      let v = sv;
      let u1 = 0;
      let v1 = 0;
      const accTop = m <= accColumns ? accLast : -1;
      for (let n = m; n <= top; n++) {
        if (n > m) {
          const a = recA[k]! * zs;
          const b = recB[k]! * rho;
          const nu = a * u - b * u1;
          const nv = a * v - b * v1;
          u1 = u;
          v1 = v;
          u = nu;
          v = nv;
        }
        if (n <= accTop) {
          const j = 6 * k;
          ax += w[j]! * u + w[j + 1]! * v;
          ay += w[j + 2]! * u + w[j + 3]! * v;
          az += w[j + 4]! * u + w[j + 5]! * v;
        }
        const j = 12 * k;
        gxx += g[j]! * u + g[j + 1]! * v;
        gyy += g[j + 2]! * u + g[j + 3]! * v;
        gzz += g[j + 4]! * u + g[j + 5]! * v;
        gxy += g[j + 6]! * u + g[j + 7]! * v;
        gxz += g[j + 8]! * u + g[j + 9]! * v;
        gyz += g[j + 10]! * u + g[j + 11]! * v;
        k++;
      }
    }
    const scale = this.gmKm3S2 / (R * R);
    acc[0] = ax * scale;
    acc[1] = ay * scale;
    acc[2] = az * scale;
    const gs = scale / R;
    grad[0] = gxx * gs;
    grad[1] = gxy * gs;
    grad[2] = gxz * gs;
    grad[3] = gxy * gs;
    grad[4] = gyy * gs;
    grad[5] = gyz * gs;
    grad[6] = gxz * gs;
    grad[7] = gyz * gs;
    grad[8] = gzz * gs;
  }
}
