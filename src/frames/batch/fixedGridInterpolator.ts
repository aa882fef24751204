/**
 * Interpolation of slowly varying functions of time on a fixed, absolute grid: the node values
 * are computed on demand and memoized, and each grid interval gets the polynomial of degree 7
 * through the 8 nodes centred on it (Lagrange), stored in powers of the local time. A result
 * depends only on the query instant, never on what was asked before: the nodes sit at fixed
 * instants and their values are pure functions of the node index.
 *
 * The scheme is Orekit's precession-nutation cache (8 points 4 h apart), written anew.
 *
 * @internal
 */

/** Nodes in one interpolation window. */
export const WINDOW_NODES = 8;

/** Nodes of the window before the interval's own left node (the window is k − 3 … k + 4). */
const NODES_BEFORE = WINDOW_NODES / 2 - 1;

/**
 * Intervals kept before the memo is emptied (about 2 years of 4 h intervals). Emptying it
 * costs recomputation only: every value is a pure function of its index.
 */
const MAX_MEMO_INTERVALS = 4096;

/**
 * Power coefficients of the Lagrange basis on the nodes u = −3 … 4: entry [p · 8 + j] is the
 * coefficient of u^p in the basis polynomial of node j, Π_{m≠j} (u − u_m) / (u_j − u_m).
 * The numerators are integer polynomials formed exactly; each entry is rounded once (the
 * u^0 row is exactly 0 or 1, so the polynomial passes through its left node bitwise).
 */
const LAGRANGE_TO_POWERS: Float64Array = /* @__PURE__ */ lagrangeToPowers();

function lagrangeToPowers(): Float64Array {
  const n = WINDOW_NODES;
  const out = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    // Multiply out Π_{m≠j} (u − u_m) in integers, lowest power first.
    let poly = [1];
    let denominator = 1;
    for (let m = 0; m < n; m++) {
      if (m === j) continue;
      const root = m - NODES_BEFORE;
      const next = new Array<number>(poly.length + 1).fill(0);
      for (let p = 0; p < poly.length; p++) {
        next[p + 1] = next[p + 1]! + poly[p]!;
        next[p] = next[p]! - root * poly[p]!;
      }
      poly = next;
      denominator *= j - m;
    }
    for (let p = 0; p < n; p++) out[p * n + j] = poly[p]! / denominator;
  }
  return out;
}

/**
 * Values of the functions at one node: writes `count` numbers into `out` for the node at
 * index `k` of the grid.
 */
export type NodeValuesInto = (out: Float64Array, k: number) => void;

/**
 * Memoized piecewise-polynomial interpolation of `count` functions on a grid of spacing
 * `stepS` seconds with nodes at k · stepS (k any integer).
 */
export class FixedGridInterpolator {
  /** Functions interpolated together. */
  readonly count: number;
  /** Grid spacing, s. */
  readonly stepS: number;
  private readonly nodeValuesInto: NodeValuesInto;
  private readonly nodes = new Map<number, Float64Array>();
  private readonly intervals = new Map<number, Float64Array>();

  constructor(count: number, stepS: number, nodeValuesInto: NodeValuesInto) {
    this.count = count;
    this.stepS = stepS;
    this.nodeValuesInto = nodeValuesInto;
  }

  /**
   * The polynomial coefficients of interval k (between nodes k and k + 1): entry
   * [q · 8 + p] is the coefficient of u^p of function q, u = t / stepS − k in [0, 1].
   */
  coefficients(k: number): Float64Array {
    let c = this.intervals.get(k);
    if (c !== undefined) return c;
    if (this.intervals.size >= MAX_MEMO_INTERVALS) {
      this.intervals.clear();
      this.nodes.clear();
    }
    const n = WINDOW_NODES;
    const count = this.count;
    c = new Float64Array(count * n);
    for (let j = 0; j < n; j++) {
      const values = this.node(k - NODES_BEFORE + j);
      for (let q = 0; q < count; q++) {
        const v = values[q]!;
        for (let p = 0; p < n; p++)
          c[q * n + p] = c[q * n + p]! + LAGRANGE_TO_POWERS[p * n + j]! * v;
      }
    }
    this.intervals.set(k, c);
    return c;
  }

  private node(k: number): Float64Array {
    let v = this.nodes.get(k);
    if (v === undefined) {
      v = new Float64Array(this.count);
      this.nodeValuesInto(v, k);
      this.nodes.set(k, v);
    }
    return v;
  }
}

/**
 * Value and time derivative of function q of an interval's polynomial at local time u:
 * writes out[offset] = f(u) and out[offset + 1] = df/dt (per second).
 */
export function evaluateInto(
  out: Float64Array,
  offset: number,
  coefficients: Float64Array,
  q: number,
  u: number,
  stepS: number,
): void {
  const b = q * WINDOW_NODES;
  const c = coefficients;
  out[offset] =
    c[b]! +
    u *
      (c[b + 1]! +
        u *
          (c[b + 2]! +
            u * (c[b + 3]! + u * (c[b + 4]! + u * (c[b + 5]! + u * (c[b + 6]! + u * c[b + 7]!))))));
  out[offset + 1] =
    (c[b + 1]! +
      u *
        (2 * c[b + 2]! +
          u *
            (3 * c[b + 3]! +
              u *
                (4 * c[b + 4]! + u * (5 * c[b + 5]! + u * (6 * c[b + 6]! + u * 7 * c[b + 7]!)))))) /
    stepS;
}
