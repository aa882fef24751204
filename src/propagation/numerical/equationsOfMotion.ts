/**
 * The equations of motion of a satellite under a set of force models, with or without the
 * variational equations of the state transition matrix and of the parameter sensitivities.
 *
 * @packageDocumentation
 */
import type { ForceEvaluator } from '../forces/types';
import type { OdeSystem } from '../integrators/types';

/** Index of Φ(i, j) in the augmented state: 6 + 6i + j. */
export const STM_OFFSET = 6;
/** Index of S(i, k) (∂y_i/∂p_k) in the augmented state: 42 + np·i + k. */
export const SENSITIVITY_OFFSET = 42;

/** Where the estimated parameters come from: evaluator e's column c goes to column k. */
export interface ParameterColumn {
  readonly evaluator: number;
  readonly column: number;
}

/**
 * ẏ = f(t, y) for y = [r, v] (dimension 6), or for the augmented y = [r, v, Φ, S]
 * (dimension 42 + 6·np) with Φ̇ = A Φ, Ṡ = A S + [0; ∂a/∂p], A = [[0, I], [∂a/∂r, ∂a/∂v]].
 * Allocates nothing per call. Counts its calls.
 */
export class EquationsOfMotion implements OdeSystem {
  readonly dimension: number;
  /** Number of calls of derivativesInto. */
  evaluations = 0;
  private readonly evaluators: readonly ForceEvaluator[];
  private readonly variational: boolean;
  private readonly np: number;
  private readonly acc = new Float64Array(3);
  private readonly dAdR = new Float64Array(9);
  private readonly dAdV = new Float64Array(9);
  /** One ∂a/∂p buffer per evaluator (3 per parameter of that evaluator). */
  private readonly dAdPs: readonly Float64Array[];
  /** Global column k ← (evaluator, column), for the estimated parameters that are forces'. */
  private readonly columns: readonly ParameterColumn[];
  private readonly columnEvaluator: Int32Array;
  private readonly columnIndex: Int32Array;

  /**
   * @param evaluators - the prepared force models
   * @param variational - integrate Φ and S too
   * @param parameterCount - np, the number of sensitivity columns (forces' and others')
   * @param columns - for each column k < np, where its ∂a/∂p comes from (undefined: none,
   *   e.g. a Δv whose effect enters at the impulse only)
   */
  constructor(
    evaluators: readonly ForceEvaluator[],
    variational: boolean,
    parameterCount: number,
    columns: readonly (ParameterColumn | undefined)[],
  ) {
    this.evaluators = evaluators;
    this.variational = variational;
    this.np = variational ? parameterCount : 0;
    this.dimension = variational ? SENSITIVITY_OFFSET + 6 * parameterCount : 6;
    this.dAdPs = evaluators.map((e) => new Float64Array(3 * Math.max(1, e.parameterCount)));
    this.columns = columns.filter((c): c is ParameterColumn => c !== undefined);
    this.columnEvaluator = Int32Array.from(columns, (c) => (c === undefined ? -1 : c.evaluator));
    this.columnIndex = Int32Array.from(columns, (c) => (c === undefined ? -1 : c.column));
  }

  derivativesInto(out: Float64Array, tS: number, y: Float64Array): void {
    this.evaluations++;
    const acc = this.acc;
    acc[0] = 0;
    acc[1] = 0;
    acc[2] = 0;
    out[0] = y[3]!;
    out[1] = y[4]!;
    out[2] = y[5]!;
    const evaluators = this.evaluators;
    if (!this.variational) {
      for (let e = 0; e < evaluators.length; e++) evaluators[e]!.addAcceleration(acc, tS, y);
      out[3] = acc[0]!;
      out[4] = acc[1]!;
      out[5] = acc[2]!;
      return;
    }
    const g = this.dAdR;
    const h = this.dAdV;
    g.fill(0);
    h.fill(0);
    for (let e = 0; e < evaluators.length; e++) {
      const p = this.dAdPs[e]!;
      p.fill(0);
      evaluators[e]!.addPartials(acc, g, h, p, tS, y);
    }
    out[3] = acc[0]!;
    out[4] = acc[1]!;
    out[5] = acc[2]!;
    // Φ̇: rows 0–2 are rows 3–5 of Φ; rows 3–5 are G Φ_r + H Φ_v.
    variationalInto(out, y, STM_OFFSET, 6, g, h);
    const np = this.np;
    if (np === 0) return;
    variationalInto(out, y, SENSITIVITY_OFFSET, np, g, h);
    const ce = this.columnEvaluator;
    const ci = this.columnIndex;
    for (let k = 0; k < np; k++) {
      const e = ce[k]!;
      if (e < 0) continue;
      const p = this.dAdPs[e]!;
      const c = 3 * ci[k]!;
      for (let i = 0; i < 3; i++) {
        const idx = SENSITIVITY_OFFSET + np * (3 + i) + k;
        out[idx] = out[idx]! + p[c + i]!;
      }
    }
  }

  /** Calls beginSegment of the evaluators that have it. */
  beginSegment(fromS: number, toS: number): void {
    for (const e of this.evaluators) e.beginSegment?.(fromS, toS);
  }

  /** Number of sensitivity columns fed by force models. */
  get forceParameterCount(): number {
    return this.columns.length;
  }
}

/** d/dt of a 6×cols block M stored at `offset` (row-major): [M_v; G M_r + H M_v]. */
function variationalInto(
  out: Float64Array,
  y: Float64Array,
  offset: number,
  cols: number,
  g: Float64Array,
  h: Float64Array,
): void {
  for (let j = 0; j < cols; j++) {
    const r0 = y[offset + j]!;
    const r1 = y[offset + cols + j]!;
    const r2 = y[offset + 2 * cols + j]!;
    const v0 = y[offset + 3 * cols + j]!;
    const v1 = y[offset + 4 * cols + j]!;
    const v2 = y[offset + 5 * cols + j]!;
    out[offset + j] = v0;
    out[offset + cols + j] = v1;
    out[offset + 2 * cols + j] = v2;
    for (let i = 0; i < 3; i++) {
      out[offset + (3 + i) * cols + j] =
        g[3 * i]! * r0 +
        g[3 * i + 1]! * r1 +
        g[3 * i + 2]! * r2 +
        h[3 * i]! * v0 +
        h[3 * i + 1]! * v1 +
        h[3 * i + 2]! * v2;
    }
  }
}
