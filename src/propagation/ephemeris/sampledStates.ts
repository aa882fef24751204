/**
 * Interpolation of a table of states: Hermite (positions with velocities) or Lagrange.
 *
 * @packageDocumentation
 */

/** How {@link Ephemeris.fromStates} interpolates a table of states: Hermite or Lagrange. */
export type SampleInterpolation = 'hermite' | 'lagrange';

/**
 * A table of states (times in s from the first, [r, v] per sample) interpolated over a
 * sliding window of `nodes` samples centred on the time asked for.
 *
 * Hermite: the polynomial of degree 2m − 1 through the m positions with the m velocities as
 * its derivatives, and its derivative as the velocity (Numerical Recipes §3.5). Lagrange: one
 * polynomial of degree m − 1 per component of position and of velocity.
 *
 * @internal Used by {@link Ephemeris.fromStates}.
 */
export class SampledStates {
  private readonly timesS: Float64Array;
  private readonly values: Float64Array;
  private readonly nodes: number;
  private readonly hermite: boolean;
  /** Lagrange basis values and derivatives at the time asked for (scratch). */
  private readonly basis: Float64Array;
  private readonly basisRate: Float64Array;

  constructor(
    timesS: Float64Array,
    values: Float64Array,
    nodes: number,
    interpolation: SampleInterpolation,
  ) {
    this.timesS = timesS;
    this.values = values;
    this.nodes = nodes;
    this.hermite = interpolation === 'hermite';
    this.basis = new Float64Array(nodes);
    this.basisRate = new Float64Array(nodes);
  }

  evaluateInto(out: Float64Array, tS: number): void {
    const times = this.timesS;
    const n = times.length;
    // Last sample at or before t (binary search), then the window around it.
    let a = 0;
    let b = n - 1;
    while (a < b) {
      const m = (a + b + 1) >> 1;
      if (times[m]! <= tS) a = m;
      else b = m - 1;
    }
    if (times[a] === tS) {
      for (let i = 0; i < 6; i++) out[i] = this.values[6 * a + i]!;
      return;
    }
    const m = this.nodes;
    const start = Math.max(0, Math.min(n - m, a - ((m - 1) >> 1)));
    const L = this.basis;
    const dL = this.basisRate;
    // Lagrange basis L_j(t) and L_j′(t) = L_j(t) Σ_{k≠j} 1/(t − t_k) (t is not a node here).
    for (let j = 0; j < m; j++) {
      const tj = times[start + j]!;
      let num = 1;
      let den = 1;
      let sumInv = 0;
      for (let k = 0; k < m; k++) {
        if (k === j) continue;
        const tk = times[start + k]!;
        num *= tS - tk;
        den *= tj - tk;
        sumInv += 1 / (tS - tk);
      }
      L[j] = num / den;
      dL[j] = L[j]! * sumInv;
    }
    const v = this.values;
    if (!this.hermite) {
      for (let i = 0; i < 6; i++) {
        let acc = 0;
        for (let j = 0; j < m; j++) acc += L[j]! * v[6 * (start + j) + i]!;
        out[i] = acc;
      }
      return;
    }
    for (let i = 0; i < 6; i++) out[i] = 0;
    for (let j = 0; j < m; j++) {
      const tj = times[start + j]!;
      // L_j′(t_j) = Σ_{k≠j} 1/(t_j − t_k).
      let c = 0;
      for (let k = 0; k < m; k++) if (k !== j) c += 1 / (tj - times[start + k]!);
      const lj = L[j]!;
      const dlj = dL[j]!;
      const dt = tS - tj;
      const a0 = 1 - 2 * c * dt;
      const h0 = a0 * lj * lj; // basis of the value
      const h1 = dt * lj * lj; // basis of the derivative
      const dh0 = -2 * c * lj * lj + 2 * a0 * lj * dlj;
      const dh1 = lj * lj + 2 * dt * lj * dlj;
      const off = 6 * (start + j);
      for (let i = 0; i < 3; i++) {
        const r = v[off + i]!;
        const rd = v[off + 3 + i]!;
        out[i] = out[i]! + h0 * r + h1 * rd;
        out[3 + i] = out[3 + i]! + dh0 * r + dh1 * rd;
      }
    }
  }
}
