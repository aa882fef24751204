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
 * Sum by order: down a column the harmonics are Ūn′m′ = cn′ · Ūm′m′ with cn′ real (the
 * vertical recursion has real factors), so each output of a column is
 * α-sum · Re Ūm′m′ + β-sum · Im Ūm′m′ with α-sum = Σ α cn′ and β-sum = Σ β cn′. The column
 * variable is scaled, dn′ = cn′ / (a(m′+1) ⋯ a(n′)), so that its recursion
 * dn′ = z′ dn′−1 − e ρ dn′−2 has one stored factor per step (the scale goes into the
 * weights): per harmonic 4 flops of recursion and two multiply-adds per output.
 *
 * Layout: the factor e and the weights are interleaved in one array in the order the loop
 * reads them ([e, α₁, β₁, α₂, β₂, …] per harmonic, columns one after the other); the
 * acceleration table (7 numbers per harmonic) serves the propagator without variational
 * equations; with the gradient, a second pass over the gradient table (11 per harmonic: five
 * outputs carry the trace-free gradient) follows it. The evaluation is load-bound in V8, so the
 * fewer numbers per harmonic and the single address stream are what make it fast (against
 * the separate arrays of recursion factors and weights: 1.2× for the acceleration from the
 * interleaving and scaling, then 2× from a plain array of doubles instead of a
 * `Float64Array`; measured with bench/propagationEvaluations.ts and recorded in
 * docs/performance.md).
 *
 * Stability: the normalised recursion is that of the fully normalised Legendre functions
 * (Holmes & Featherstone 2002 discuss its range); it is used here to degree 120 and beyond.
 * Cartesian throughout, so no singularity at the poles.
 *
 * @packageDocumentation
 */
import {
  type ColumnSumsWasm,
  type CompiledColumnSums,
  compileColumnSums,
  harmonicStrideBytes,
  instantiateColumnSums,
} from './columnSumsWasm';
import type { GravityField } from './gravityField';

/**
 * The compiled column-sum module, shared by every kernel: compiled on the first kernel built
 * (null where WebAssembly SIMD is missing). A constant once set, not state.
 */
let columnSumsModule: CompiledColumnSums | null | undefined;

/** Which implementation of the column sums a kernel runs. */
export type KernelEngine = 'wasm' | 'js';

/** The WebAssembly side of a kernel: its memory views and the addresses in them. */
interface WasmSide {
  readonly exports: ColumnSumsWasm;
  readonly f64: Float64Array;
  readonly accStartsPtr: number;
  readonly accColumns: number;
  readonly gradStartsPtr: number;
  readonly gradColumns: number;
  readonly sectPtr: number;
  readonly outPtr: number;
}

/** Number of outputs of the acceleration table (ax, ay, az) and of the gradient table. */
const ACC_OUT = 3;
const GRAD_OUT = 5;

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

/** Numbers per harmonic in the acceleration table: a, b, then α, β for ax, ay, az. */
const ACC_STRIDE = 1 + 2 * ACC_OUT;
/** Numbers per harmonic in the gradient table: a, b, acceleration weights, gradient weights. */
const GRAD_STRIDE = 1 + 2 * GRAD_OUT;

/**
 * Column starts of a triangle of harmonics with columns m′ = 0…lastColumn and degrees
 * n′ = m′…lastDegree: start[m′] is the index of (m′, m′), start[lastColumn + 1] the count.
 */
function columnStarts(lastColumn: number, lastDegree: number): Int32Array {
  const start = new Int32Array(lastColumn + 2);
  for (let m = 0; m <= lastColumn; m++) start[m + 1] = start[m]! + (lastDegree - m + 1);
  return start;
}

/**
 * The evaluation tables of one field to one degree and order: per harmonic, in column order
 * (m′, then n′), the vertical recursion factor and the output weights, interleaved in one
 * flat array of doubles.
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
  /** Sectoral factor of column m′: Ūm′m′ = sect[m′] (x′ + i y′) Ūm′−1,m′−1. */
  private readonly sect: Float64Array;
  /**
   * Acceleration table: columns 0…order+1, degrees m′…degree+1, {@link ACC_STRIDE} numbers
   * per harmonic: e of the scaled vertical recursion dn′ = z′ dn′−1 − e ρ dn′−2 (zero on the
   * sectoral harmonic, which starts the column, and on the next one), then α, β of ax, ay, az
   * (scaled by a(m′+1) ⋯ a(n′)).
   */
  private readonly accTable: readonly number[];
  /** Start of each column of the acceleration table, in harmonics. */
  private readonly accStart: Int32Array;
  /**
   * Gradient table: columns 0…order+2, degrees m′…degree+2, {@link GRAD_STRIDE} numbers per
   * harmonic: e, then α, β of gxx − gyy, gzz, gxy, gxz, gyz (scaled as in the acceleration
   * table).
   */
  private readonly gradTable: readonly number[];
  /** Start of each column of the gradient table, in harmonics. */
  private readonly gradStart: Int32Array;
  /**
   * Scratch of the sectoral harmonics of one evaluation (re, im per column). Evaluations are
   * synchronous and do not nest, so one array per kernel serves every caller.
   */
  private readonly scratch: Float64Array;
  /** The WebAssembly column sums, when they run. */
  private readonly wasm: WasmSide | undefined;
  /**
   * The column sums of one evaluation (acceleration at 0–2, gradient at 3–7): a view on the
   * WebAssembly output, or an array of its own for the JavaScript loops.
   */
  private readonly sums: Float64Array;
  /** The implementation of the column sums in use. */
  readonly engine: KernelEngine;

  /**
   * @param field - the field
   * @param degree - highest degree evaluated, ≤ field.maxDegree
   * @param order - highest order evaluated, ≤ degree and ≤ field.maxOrder
   * @param gradient - build the gradient tables too
   * @param engine - the column sums in WebAssembly (SIMD) where available, else JavaScript
   *   (default), or JavaScript always
   */
  constructor(
    field: GravityField,
    degree: number,
    order: number,
    gradient: boolean,
    engine: 'auto' | 'js' = 'auto',
  ) {
    this.gmKm3S2 = field.gmKm3S2;
    this.radiusKm = field.referenceRadiusKm;
    this.degree = degree;
    this.order = order;
    this.hasGradient = gradient;
    // Work layout of the weights while they are accumulated: every column 0…top, degrees
    // m′…top; packed into the interleaved tables at the end.
    const top = degree + (gradient ? 2 : 1);
    const columns = top + 1;
    const start = columnStarts(top, top);
    const size = start[columns]!;
    const idx = (n: number, m: number) => start[m]! + (n - m);
    this.sect = new Float64Array(columns);
    for (let m = 1; m < columns; m++) {
      this.sect[m] = (2 * m - 1) * normalizationRatio(m, m, m - 1, m - 1);
    }
    // Vertical recursion of the normalised solid harmonics, with z′ = zR/r², ρ = R²/r²:
    // Ūn′m′ = a z′ Ūn′−1,m′ − b ρ Ūn′−2,m′, a = (2n′−1)/(n′−m′) · N(n′,m′)/N(n′−1,m′),
    // b = (n′+m′−1)/(n′−m′) · N(n′,m′)/N(n′−2,m′) (Montenbruck & Gill 2000, eq. 3.30, times the
    // normalisation ratios).
    const recA = (n: number, m: number) =>
      ((2 * n - 1) / (n - m)) * normalizationRatio(n, m, n - 1, m);
    const recB = (n: number, m: number) =>
      n - 2 >= m ? ((n + m - 1) / (n - m)) * normalizationRatio(n, m, n - 2, m) : 0;
    const accW = new Float64Array(2 * ACC_OUT * size);
    const gradW = new Float64Array(gradient ? 2 * GRAD_OUT * size : 0);
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
        const acc = accW;
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
        const g = gradW;
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
        // xy = Im(F₊₊ − F₋₋)/4; xz = Re(F₊z + F₋z)/2; yz = Im(F₊z − F₋z)/2. The gradient is
        // trace-free (Laplace), so five outputs carry it: d = xx − yy = Re(F₊₊ + F₋₋)/2,
        // zz, xy, xz, yz; then xx = (d − zz)/2 and yy = −(d + zz)/2.
        put(0, pp, false, 0.5);
        put(0, mm, false, 0.5);
        put(1, zz, false, 1);
        put(2, pp, true, 0.25);
        put(2, mm, true, -0.25);
        put(3, pz, false, 0.5);
        put(3, mz, false, 0.5);
        put(4, pz, true, 0.5);
        put(4, mz, true, -0.5);
      }
    }

    // Interleave: per harmonic [a, b, weights…] in the order the evaluation loop reads them.
    const pack = (
      lastColumn: number,
      lastDegree: number,
      stride: number,
      withGradient: boolean,
    ): [Int32Array, Float64Array] => {
      const st = columnStarts(lastColumn, lastDegree);
      const table = new Float64Array(stride * st[lastColumn + 1]!);
      for (let m = 0; m <= lastColumn; m++) {
        // Scaled harmonics dn′ = cn′ / gn′ with gn′ = a(m′+1) ⋯ a(n′): the recursion becomes
        // dn′ = z′ dn′−1 − e ρ dn′−2 with e = b(n′) / (a(n′) a(n′−1)) (one factor per step
        // instead of two), and the weights carry gn′. For the normalised harmonics
        // e = 1/a(n′−1)² (b(n′) = a(n′)/a(n′−1)); gn′ stays below ~2^n′, far from overflow
        // for any degree a field has.
        let g = 1;
        let aPrevious = 1;
        for (let n = m; n <= lastDegree; n++) {
          const j = stride * (st[m]! + (n - m));
          const k = idx(n, m);
          if (n > m) {
            const a = recA(n, m);
            table[j] = n - 2 >= m ? recB(n, m) / (a * aPrevious) : 0;
            g *= a;
            aPrevious = a;
          }
          if (withGradient) {
            for (let o = 0; o < 2 * GRAD_OUT; o++)
              table[j + 1 + o] = g * gradW[2 * GRAD_OUT * k + o]!;
          } else {
            for (let o = 0; o < 2 * ACC_OUT; o++) table[j + 1 + o] = g * accW[2 * ACC_OUT * k + o]!;
          }
        }
      }
      return [st, table];
    };
    const [accStart, accTable] = pack(order + 1, degree + 1, ACC_STRIDE, false);
    const [gradStart, gradTable] = gradient
      ? pack(order + 2, degree + 2, GRAD_STRIDE, true)
      : [new Int32Array(1), new Float64Array(0)];
    this.accStart = accStart;
    this.gradStart = gradStart;
    if (engine === 'auto') columnSumsModule ??= compileColumnSums() ?? null;
    const module = engine === 'auto' ? columnSumsModule : null;
    if (module) {
      this.wasm = buildWasmSide(module, columns, [accStart, accTable], [gradStart, gradTable]);
      this.scratch = this.wasm.f64.subarray(
        this.wasm.sectPtr / 8,
        this.wasm.sectPtr / 8 + 2 * columns,
      );
      this.sums = this.wasm.f64.subarray(this.wasm.outPtr / 8, this.wasm.outPtr / 8 + 8);
      this.accTable = [];
      this.gradTable = [];
      this.engine = 'wasm';
    } else {
      this.wasm = undefined;
      this.scratch = new Float64Array(2 * columns);
      this.sums = new Float64Array(8);
      // A plain array of doubles (V8's packed-double elements) rather than the Float64Array:
      // the column loops read it 1.3–1.4× faster (bench/propagation.bench.ts history; the
      // typed array's data pointer and length cost loads that the packed array avoids).
      this.accTable = Array.from(accTable);
      this.gradTable = Array.from(gradTable);
      this.engine = 'js';
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
    const sums = this.columnSums(x * inv, y * inv, z * inv, R / Math.sqrt(r2), R * inv, false);
    const scale = this.gmKm3S2 / (R * R);
    out[0] = sums[0]! * scale;
    out[1] = sums[1]! * scale;
    out[2] = sums[2]! * scale;
  }

  /**
   * The column sums at the scaled position (x′, y′, z′) = (x, y, z)·R/r², with Ū00 = R/r and
   * ρ = R²/r²: ax,
   * ay, az (GM/R² units) at 0–2 and, with `gradient`, the five gradient sums d = gxx − gyy,
   * gzz, gxy, gxz, gyz (GM/R³ units) at 3–7 of the returned array (the kernel's own: read it
   * before the next call). The WebAssembly functions and the JavaScript loops fill the same
   * slots, so that what follows is one code path.
   */
  private columnSums(
    xs: number,
    ys: number,
    zs: number,
    u00: number,
    rho: number,
    gradient: boolean,
  ): Float64Array {
    const start = gradient ? this.gradStart : this.accStart;
    const s = this.sectoralInto(xs, ys, u00, start.length - 2);
    const w = this.wasm;
    if (w) {
      w.exports.columns3(zs, rho, w.accColumns, w.accStartsPtr, w.sectPtr, w.outPtr);
      if (gradient) {
        w.exports.columns5(zs, rho, w.gradColumns, w.gradStartsPtr, w.sectPtr, w.outPtr + 24);
      }
    } else {
      accelerationColumns(this.sums, this.accTable, this.accStart, s, zs, rho);
      if (gradient) gradientColumns(this.sums, this.gradTable, this.gradStart, s, zs, rho);
    }
    return this.sums;
  }

  /**
   * The sectoral harmonics Ūm′m′ = su + i·sv for m′ = 0…lastColumn, hoisted out of the column
   * loop (so that the loop keeps fewer numbers live): Ū00 = R/r,
   * Ūm′m′ = sect[m′] (x′ + i y′) Ūm′−1,m′−1 (Montenbruck & Gill 2000, eq. 3.29, normalised).
   * Written into the kernel's scratch array, which is returned.
   */
  private sectoralInto(xs: number, ys: number, u00: number, lastColumn: number): Float64Array {
    const s = this.scratch;
    const sect = this.sect;
    let su = u00;
    let sv = 0;
    s[0] = su;
    s[1] = 0;
    for (let m = 1; m <= lastColumn; m++) {
      const f = sect[m]!;
      const nu = f * (xs * su - ys * sv);
      sv = f * (xs * sv + ys * su);
      su = nu;
      s[2 * m] = su;
      s[2 * m + 1] = sv;
    }
    return s;
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
    const sums = this.columnSums(x * inv, y * inv, z * inv, R / Math.sqrt(r2), R * inv, true);
    const scale = this.gmKm3S2 / (R * R);
    acc[0] = sums[0]! * scale;
    acc[1] = sums[1]! * scale;
    acc[2] = sums[2]! * scale;
    // Trace-free (Laplace): gxx + gyy = −gzz, so d = gxx − gyy gives gxx and gyy.
    const gs = scale / R;
    const d = sums[3]! * gs;
    const gzz = sums[4]! * gs;
    const gxy = sums[5]! * gs;
    const gxz = sums[6]! * gs;
    const gyz = sums[7]! * gs;
    grad[0] = 0.5 * (d - gzz);
    grad[1] = gxy;
    grad[2] = gxz;
    grad[3] = gxy;
    grad[4] = -0.5 * (d + gzz);
    grad[5] = gyz;
    grad[6] = gxz;
    grad[7] = gyz;
    grad[8] = gzz;
  }
}

/**
 * The column sums of the acceleration (in units of GM/R²): for each column m′, the scaled
 * vertical recursion d (d = 1 on the sectoral harmonic, dn′ = z′ dn′−1 − e ρ dn′−2) and the
 * sums Σ α d, Σ β d of ax, ay, az, combined with the sectoral harmonic su + i·sv of the column.
 *
 * @param out - receives ax, ay, az, GM/R² units (overwritten)
 * @param t - acceleration table (7 numbers per harmonic)
 * @param start - column starts, in harmonics
 * @param s - sectoral harmonics, re and im per column
 * @param zs - z′ = zR/r²
 * @param rho - ρ = R²/r²
 */
function accelerationColumns(
  out: Float64Array,
  t: readonly number[],
  start: Int32Array,
  s: Float64Array,
  zs: number,
  rho: number,
): void {
  const lastColumn = start.length - 2;
  const zs2 = zs * zs;
  let ax = 0;
  let ay = 0;
  let az = 0;
  for (let m = 0; m <= lastColumn; m++) {
    let j = 7 * start[m]!;
    const end = 7 * start[m + 1]!;
    let pa = t[j + 1]!;
    let pb = t[j + 2]!;
    let qa = t[j + 3]!;
    let qb = t[j + 4]!;
    let ra = t[j + 5]!;
    let rb = t[j + 6]!;
    let c1 = 1;
    let c2 = 0;
    // Two harmonics per iteration, then the odd one out. Both come straight from the two
    // before them (d = zs·c − k′·c1 rewritten with c substituted), so the chain of dependent
    // operations is one multiply and one subtraction per two harmonics, not per harmonic.
    for (j += 7; j + 7 < end; j += 14) {
      const k = t[j]! * rho;
      const c = zs * c1 - k * c2;
      const d = (zs2 - t[j + 7]! * rho) * c1 - zs * k * c2;
      c2 = c;
      c1 = d;
      pa += t[j + 1]! * c + t[j + 8]! * d;
      pb += t[j + 2]! * c + t[j + 9]! * d;
      qa += t[j + 3]! * c + t[j + 10]! * d;
      qb += t[j + 4]! * c + t[j + 11]! * d;
      ra += t[j + 5]! * c + t[j + 12]! * d;
      rb += t[j + 6]! * c + t[j + 13]! * d;
    }
    if (j < end) {
      const c = zs * c1 - t[j]! * rho * c2;
      pa += t[j + 1]! * c;
      pb += t[j + 2]! * c;
      qa += t[j + 3]! * c;
      qb += t[j + 4]! * c;
      ra += t[j + 5]! * c;
      rb += t[j + 6]! * c;
    }
    const su = s[2 * m]!;
    const sv = s[2 * m + 1]!;
    ax += pa * su + pb * sv;
    ay += qa * su + qb * sv;
    az += ra * su + rb * sv;
  }
  out[0] = ax;
  out[1] = ay;
  out[2] = az;
}

/**
 * The column sums of the gradient (GM/R³ units), as {@link accelerationColumns} over the
 * 11-number harmonics of the gradient table (a separate pass: the ten column sums and the
 * recursion then fit in the registers, which measured 12–15 % faster than one pass carrying
 * the acceleration too). Writes d = gxx − gyy, gzz, gxy, gxz, gyz at 3–7 of `sums` (the
 * gradient is trace-free, so five sums carry it).
 *
 * @param sums - receives the five sums at 3–7 (overwritten there)
 * @param t - gradient table (11 numbers per harmonic)
 * @param start - column starts, in harmonics
 * @param s - sectoral harmonics, re and im per column
 * @param zs - z′ = zR/r²
 * @param rho - ρ = R²/r²
 */
function gradientColumns(
  sums: Float64Array,
  t: readonly number[],
  start: Int32Array,
  s: Float64Array,
  zs: number,
  rho: number,
): void {
  const lastColumn = start.length - 2;
  let gd = 0;
  let gzz = 0;
  let gxy = 0;
  let gxz = 0;
  let gyz = 0;
  for (let m = 0; m <= lastColumn; m++) {
    let j = 11 * start[m]!;
    const end = 11 * start[m + 1]!;
    let da = t[j + 1]!;
    let db = t[j + 2]!;
    let za = t[j + 3]!;
    let zb = t[j + 4]!;
    let xya = t[j + 5]!;
    let xyb = t[j + 6]!;
    let xza = t[j + 7]!;
    let xzb = t[j + 8]!;
    let yza = t[j + 9]!;
    let yzb = t[j + 10]!;
    let c1 = 1;
    let c2 = 0;
    for (j += 11; j < end; j += 11) {
      const c = zs * c1 - t[j]! * rho * c2;
      c2 = c1;
      c1 = c;
      da += t[j + 1]! * c;
      db += t[j + 2]! * c;
      za += t[j + 3]! * c;
      zb += t[j + 4]! * c;
      xya += t[j + 5]! * c;
      xyb += t[j + 6]! * c;
      xza += t[j + 7]! * c;
      xzb += t[j + 8]! * c;
      yza += t[j + 9]! * c;
      yzb += t[j + 10]! * c;
    }
    const su = s[2 * m]!;
    const sv = s[2 * m + 1]!;
    gd += da * su + db * sv;
    gzz += za * su + zb * sv;
    gxy += xya * su + xyb * sv;
    gxz += xza * su + xzb * sv;
    gyz += yza * su + yzb * sv;
  }
  sums[3] = gd;
  sums[4] = gzz;
  sums[5] = gxy;
  sums[6] = gxz;
  sums[7] = gyz;
}

/**
 * Lays the tables out in a WebAssembly memory for the column sums of columnSumsWasm.ts:
 * column starts (byte addresses), the sectoral pairs, 8 output doubles, then each table with
 * its harmonics at the module's stride (e, unused, then the weight pairs).
 */
function buildWasmSide(
  module: CompiledColumnSums,
  sectoralColumns: number,
  [accStart, accTable]: readonly [Int32Array, Float64Array],
  [gradStart, gradTable]: readonly [Int32Array, Float64Array],
): WasmSide {
  const align = (n: number, a: number) => Math.ceil(n / a) * a;
  const accStartsPtr = 0;
  const gradStartsPtr = align(accStartsPtr + 4 * accStart.length, 16);
  const sectPtr = align(gradStartsPtr + 4 * gradStart.length, 16);
  const outPtr = align(sectPtr + 16 * sectoralColumns, 64);
  const accPtr = outPtr + 64;
  const accStride = harmonicStrideBytes(ACC_OUT);
  const gradPtr = align(accPtr + accStride * accStart[accStart.length - 1]!, 64);
  const gradStride = harmonicStrideBytes(GRAD_OUT);
  const end = gradPtr + gradStride * gradStart[gradStart.length - 1]!;
  const { buffer, exports } = instantiateColumnSums(module, end);
  const f64 = new Float64Array(buffer);
  const i32 = new Int32Array(buffer);
  const place = (
    start: Int32Array,
    table: Float64Array,
    startsPtr: number,
    tablePtr: number,
    stride: number,
    numbers: number,
  ) => {
    for (let m = 0; m < start.length; m++) i32[startsPtr / 4 + m] = tablePtr + stride * start[m]!;
    const count = start[start.length - 1]!;
    for (let h = 0; h < count; h++) {
      const to = (tablePtr + stride * h) / 8;
      f64[to] = table[numbers * h]!;
      for (let k = 1; k < numbers; k++) f64[to + 1 + k] = table[numbers * h + k]!;
    }
  };
  place(accStart, accTable, accStartsPtr, accPtr, accStride, ACC_STRIDE);
  if (gradTable.length > 0)
    place(gradStart, gradTable, gradStartsPtr, gradPtr, gradStride, GRAD_STRIDE);
  return {
    exports,
    f64,
    accStartsPtr,
    accColumns: accStart.length - 1,
    gradStartsPtr,
    gradColumns: gradStart.length - 1,
    sectPtr,
    outPtr,
  };
}
