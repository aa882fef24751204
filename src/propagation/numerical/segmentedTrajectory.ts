/**
 * The dense output of a run made of several integrations end to end (split at maneuvers and
 * thrust-arc boundaries), as one trajectory.
 *
 * @packageDocumentation
 */
import { DataRangeError } from '../../errors';
import type { DenseTrajectory } from '../integrators/types';

/**
 * Consecutive trajectories in the direction of the run (forward or backward). At an epoch two
 * of them share, the one later in time answers, whatever the direction of the run: after an
 * impulse there, the post-impulse state. At the two ends of the span only one side exists:
 * the state inside the span.
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
    const last = segs.length - 1;
    if (this.forward) {
      // segment i covers [t0S, t1S]; the latest one that starts at or before tS
      for (let i = last; i > 0; i--) {
        if (tS >= segs[i]!.t0S) return segs[i]!.evaluateInto(out, tS);
      }
      return segs[0]!.evaluateInto(out, tS);
    }
    // backward, segment i covers [t1S, t0S]; the first one (latest in time) that ends at or
    // before tS
    for (let i = 0; i < last; i++) {
      if (tS >= segs[i]!.t1S) return segs[i]!.evaluateInto(out, tS);
    }
    return segs[last]!.evaluateInto(out, tS);
  }
}
