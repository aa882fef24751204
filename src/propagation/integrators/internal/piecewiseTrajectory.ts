/**
 * The dense output of a run, as one interpolant per accepted step.
 *
 * @packageDocumentation
 */
import { DataRangeError } from '../../../errors';
import type { DenseTrajectory } from '../types';

/**
 * Evaluates one segment at a time inside it: writes y(t) into `out` from the segment's stored
 * numbers (`data[offset … offset + blocks·n)`), its start time and signed length.
 */
export type SegmentEvaluator = (
  out: Float64Array,
  data: Float64Array,
  offset: number,
  tStartS: number,
  stepS: number,
  tS: number,
) => void;

/**
 * Evaluates the continuous extensions of Hairer's codes, written as
 * y(θ) = b0 + θ(b1 + (1−θ)(b2 + θ(b3 + (1−θ)(…)))) with θ = (t − t_start)/h and `blocks`
 * vectors b_k stored one after the other: 4 blocks give the cubic Hermite interpolant, 5 the
 * dense output of DOPRI5, 8 that of DOP853 (Hairer, Nørsett & Wanner, Solving ODEs I, §II.6).
 */
export function alternatingPolynomialEvaluator(n: number, blocks: number): SegmentEvaluator {
  return (out, data, offset, tStartS, stepS, tS) => {
    const theta = (tS - tStartS) / stepS;
    const theta1 = 1 - theta;
    for (let i = 0; i < n; i++) {
      let acc = data[offset + (blocks - 1) * n + i]!;
      for (let k = blocks - 1; k >= 1; k--) {
        acc = data[offset + (k - 1) * n + i]! + ((k & 1) === 1 ? theta : theta1) * acc;
      }
      out[i] = acc;
    }
  };
}

/**
 * Writes the first four blocks of the alternating form (see
 * {@link alternatingPolynomialEvaluator}) of a step from (t, y, f0) to (t + h, yNew, fNew) at
 * `buf[off …]`: y, Δy, h·f0 − Δy and Δy − h·fNew − (h·f0 − Δy). Alone they are the cubic
 * Hermite interpolant; DOPRI5 and DOP853 add their higher blocks after them.
 */
export function writeHermiteBlocks(
  buf: Float64Array,
  off: number,
  n: number,
  hS: number,
  y: Float64Array,
  yNew: Float64Array,
  f0: Float64Array,
  fNew: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const dy = yNew[i]! - y[i]!;
    const b2 = hS * f0[i]! - dy;
    buf[off + i] = y[i]!;
    buf[off + n + i] = dy;
    buf[off + 2 * n + i] = b2;
    buf[off + 3 * n + i] = dy - hS * fNew[i]! - b2;
  }
}

/**
 * The accepted steps of a run with the numbers of their interpolants, growing as the run
 * goes (the storage doubles when full, so recording a step allocates nothing in the steady
 * state). Implements {@link DenseTrajectory} once {@link finish} has been called.
 */
export class PiecewiseTrajectory implements DenseTrajectory {
  readonly dimension: number;
  readonly t0S: number;
  private tEndS: number;
  private readonly perSegment: number;
  private readonly evaluate: SegmentEvaluator;
  private starts: Float64Array;
  private steps: Float64Array;
  private data: Float64Array;
  private count = 0;
  private readonly yEnd: Float64Array;
  /** Index of the segment found last (sequential evaluations start their search there). */
  private hint = 0;

  constructor(dimension: number, t0S: number, blocks: number, evaluate: SegmentEvaluator) {
    this.dimension = dimension;
    this.t0S = t0S;
    this.tEndS = t0S;
    this.perSegment = blocks * dimension;
    this.evaluate = evaluate;
    const capacity = 16;
    this.starts = new Float64Array(capacity);
    this.steps = new Float64Array(capacity);
    this.data = new Float64Array(capacity * this.perSegment);
    this.yEnd = new Float64Array(dimension);
  }

  /** End of the covered span, s (the time reached; t0S until the run finishes). */
  get t1S(): number {
    return this.tEndS;
  }

  /** Number of segments (accepted steps) recorded. */
  get segmentCount(): number {
    return this.count;
  }

  /**
   * Opens a segment [tStartS, tStartS + stepS] and returns the offset in {@link buffer} at
   * which its `blocks · dimension` numbers are to be written.
   */
  addSegment(tStartS: number, stepS: number): number {
    if (this.count === this.starts.length) this.grow();
    const k = this.count++;
    this.starts[k] = tStartS;
    this.steps[k] = stepS;
    return k * this.perSegment;
  }

  /** Removes the segment recorded last (a step taken back). */
  dropLast(): void {
    if (this.count > 0) this.count--;
    this.hint = 0;
  }

  /** The storage the segments write into (changes when it grows: read it after addSegment). */
  get buffer(): Float64Array {
    return this.data;
  }

  /** Closes the trajectory at the time reached and the state there. */
  finish(t1S: number, y1: Float64Array): void {
    this.tEndS = t1S;
    this.yEnd.set(y1);
  }

  evaluateInto(out: Float64Array, tS: number): Float64Array {
    const lo = Math.min(this.t0S, this.t1S);
    const hi = Math.max(this.t0S, this.t1S);
    if (!(tS >= lo && tS <= hi)) {
      throw new DataRangeError('dense trajectory', tS, 's', lo, hi);
    }
    if (tS === this.t1S && this.count > 0) {
      out.set(this.yEnd);
      return out;
    }
    if (this.count === 0) {
      out.set(this.yEnd);
      return out;
    }
    const k = this.find(tS);
    this.evaluate(out, this.data, k * this.perSegment, this.starts[k]!, this.steps[k]!, tS);
    return out;
  }

  /** The segment that holds t (the last one whose start is not past t in the run's direction). */
  private find(tS: number): number {
    const forward = this.t1S >= this.t0S;
    const starts = this.starts;
    const last = this.count - 1;
    // Sequential access: the hint segment or the next one.
    const h = this.hint;
    if (this.inside(h, tS, forward)) return h;
    if (h < last && this.inside(h + 1, tS, forward)) {
      this.hint = h + 1;
      return h + 1;
    }
    let a = 0;
    let b = last;
    while (a < b) {
      const m = (a + b + 1) >> 1;
      const past = forward ? starts[m]! <= tS : starts[m]! >= tS;
      if (past) a = m;
      else b = m - 1;
    }
    this.hint = a;
    return a;
  }

  private inside(k: number, tS: number, forward: boolean): boolean {
    const s = this.starts[k]!;
    const e = k + 1 < this.count ? this.starts[k + 1]! : this.t1S;
    return forward ? tS >= s && tS < e : tS <= s && tS > e;
  }

  private grow(): void {
    const capacity = this.starts.length * 2;
    const starts = new Float64Array(capacity);
    starts.set(this.starts);
    const steps = new Float64Array(capacity);
    steps.set(this.steps);
    const data = new Float64Array(capacity * this.perSegment);
    data.set(this.data);
    this.starts = starts;
    this.steps = steps;
    this.data = data;
  }
}
