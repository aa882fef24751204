/**
 * Runge–Kutta coefficient rows in sparse form, and the stage combination over them.
 *
 * @packageDocumentation
 */

/** Rows of a Butcher matrix (or weights) as (stage index, coefficient) pairs per row. */
export interface SparseRows {
  /** Start of row r in `cols`/`coefs` is `rowStart[r]`, its end `rowStart[r + 1]`. */
  readonly rowStart: Int32Array;
  readonly cols: Int32Array;
  readonly coefs: Float64Array;
}

/** Packs rows given as `[[stage, coefficient], …]` (zero coefficients left out). */
export function sparseRows(rows: readonly (readonly (readonly [number, number])[])[]): SparseRows {
  const rowStart = new Int32Array(rows.length + 1);
  let total = 0;
  rows.forEach((row, r) => {
    rowStart[r] = total;
    total += row.length;
  });
  rowStart[rows.length] = total;
  const cols = new Int32Array(total);
  const coefs = new Float64Array(total);
  let k = 0;
  for (const row of rows) {
    for (const [col, coef] of row) {
      cols[k] = col;
      coefs[k] = coef;
      k++;
    }
  }
  return { rowStart, cols, coefs };
}

/**
 * out = base + h · Σ_j a_rj k_j over the nonzero coefficients of row r, with the stages k_j
 * stored one after the other in `k` (stage j at offset j·n). Without `base`, out = Σ a_rj k_j
 * (times h).
 */
export function combineInto(
  out: Float64Array,
  rows: SparseRows,
  r: number,
  k: Float64Array,
  n: number,
  hS: number,
  base: Float64Array | undefined,
): void {
  const start = rows.rowStart[r]!;
  const end = rows.rowStart[r + 1]!;
  const cols = rows.cols;
  const coefs = rows.coefs;
  {
    const off = cols[start]! * n;
    const a = coefs[start]!;
    for (let i = 0; i < n; i++) out[i] = a * k[off + i]!;
  }
  for (let m = start + 1; m < end; m++) {
    const off = cols[m]! * n;
    const a = coefs[m]!;
    for (let i = 0; i < n; i++) out[i] = out[i]! + a * k[off + i]!;
  }
  if (base === undefined) {
    for (let i = 0; i < n; i++) out[i] = hS * out[i]!;
  } else {
    for (let i = 0; i < n; i++) out[i] = base[i]! + hS * out[i]!;
  }
}

/** The stages of one step stored one after the other, with a view on each and a stage state. */
export interface StageWork {
  /** Stage j at offset j·n. */
  readonly k: Float64Array;
  /** `views[j]` is stage j (a subarray of `k`). */
  readonly views: readonly Float64Array[];
  /** The state at which the next stage is evaluated. */
  readonly yStage: Float64Array;
}

/** Allocates the work of `stages` stages of dimension n (once per run). */
export function makeStageWork(stages: number, n: number): StageWork {
  const k = new Float64Array(stages * n);
  const views: Float64Array[] = [];
  for (let j = 0; j < stages; j++) views.push(k.subarray(j * n, (j + 1) * n));
  return { k, views, yStage: new Float64Array(n) };
}
