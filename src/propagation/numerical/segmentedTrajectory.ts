/**
 * The dense output of a run made of several integrations end to end (split at maneuvers and
 * thrust-arc boundaries), as one trajectory.
 *
 * @packageDocumentation
 */
import { DataRangeError } from '../../errors';
import type { DenseTrajectory } from '../integrators/types';

/**
 * Consecutive trajectories in the direction of the run: at a shared end, the later one (after
 * the impulse) answers.
 */
export class SegmentedTrajectory implements DenseTrajectory {
  readonly dimension: number;
  readonly t0S: number;
  readonly t1S: number;
  private readonly segments: readonly DenseTrajectory[];
  private readonly forward: boolean;

  constructor(segments: readonly DenseTrajectory[]) {
    this.segments = segments;
    this.dimension = segments[0]!.dimension;
    this.t0S = segments[0]!.t0S;
    this.t1S = segments[segments.length - 1]!.t1S;
    this.forward = this.t1S >= this.t0S;
    Object.freeze(this);
  }

  evaluateInto(out: Float64Array, tS: number): Float64Array {
    const lo = Math.min(this.t0S, this.t1S);
    const hi = Math.max(this.t0S, this.t1S);
    if (!(tS >= lo && tS <= hi)) throw new DataRangeError('trajectory', tS, 's', lo, hi);
    const segs = this.segments;
    for (let i = segs.length - 1; i > 0; i--) {
      const s = segs[i]!;
      if (this.forward ? tS >= s.t0S : tS <= s.t0S) return s.evaluateInto(out, tS);
    }
    return segs[0]!.evaluateInto(out, tS);
  }
}
