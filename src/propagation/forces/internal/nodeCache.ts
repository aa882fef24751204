/**
 * A function of time sampled lazily on the fixed grid tₖ = k · spacing (k any integer, so that
 * runs backwards work too) and interpolated with the 8-point Lagrange polynomial through the
 * nodes around t. Node values are memoized, so the result at t does not depend on the order
 * of the queries.
 */
import { lagrange8WeightsInto } from './lagrange8';

export class NodeCache {
  readonly width: number;
  readonly spacingS: number;
  private readonly sample: (out: Float64Array, tS: number) => void;
  private readonly nodes = new Map<number, Float64Array>();
  private readonly window: Float64Array[] = [];
  private windowStart = Number.NaN;
  private readonly weights = new Float64Array(8);
  private lastT = Number.NaN;
  /** The interpolated value at the last t asked for. */
  readonly value: Float64Array;

  /**
   * @param width - numbers per node
   * @param spacingS - node spacing, s
   * @param sample - writes the exact value at tS
   */
  constructor(width: number, spacingS: number, sample: (out: Float64Array, tS: number) => void) {
    this.width = width;
    this.spacingS = spacingS;
    this.sample = sample;
    this.value = new Float64Array(width);
  }

  /** The interpolated value at tS (the returned array is reused by the next call). */
  at(tS: number): Float64Array {
    if (tS === this.lastT) return this.value;
    const h = this.spacingS;
    const u = tS / h;
    const k0 = Math.floor(u) - 3;
    if (k0 !== this.windowStart) {
      for (let i = 0; i < 8; i++) this.window[i] = this.node(k0 + i);
      this.windowStart = k0;
    }
    const w = this.weights;
    lagrange8WeightsInto(w, u - k0);
    const out = this.value;
    const width = this.width;
    const win = this.window;
    for (let c = 0; c < width; c++) {
      let s = 0;
      for (let i = 0; i < 8; i++) s += w[i]! * win[i]![c]!;
      out[c] = s;
    }
    this.lastT = tS;
    return out;
  }

  private node(k: number): Float64Array {
    let v = this.nodes.get(k);
    if (v === undefined) {
      v = new Float64Array(this.width);
      this.sample(v, k * this.spacingS);
      this.nodes.set(k, v);
    }
    return v;
  }
}
