/**
 * A constant-thrust arc.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import type { Epoch } from '../../time';
import { rtnJacobianInto, rtnToInertialInto } from './internal/rtn';
import type { ForceContext, ForceEvaluator, ForceModel } from './types';

/** Options of {@link constantThrust}. */
export interface ConstantThrustOptions {
  /** Start of the arc. */
  readonly start: Epoch;
  /** End of the arc (after start). */
  readonly end: Epoch;
  /**
   * Acceleration vector, km/s², in `frame` (e.g. thrust / mass × direction; a 10 mN thruster on
   * 1000 kg gives 1e-8 km/s²).
   */
  readonly accelerationKmS2: readonly [number, number, number];
  /** Axes of the acceleration: `'RTN'` (turns with the orbit) or `'GCRF'` (fixed). */
  readonly frame: 'RTN' | 'GCRF';
}

/**
 * A constant acceleration between two epochs (mass loss neglected), in RTN or GCRF axes. The
 * propagator ends a step exactly at both epochs (they are listed in `discontinuities`), and
 * the arc is on for the segments between them. ∂a/∂r and ∂a/∂v of the RTN form come from
 * central differences of the RTN axes (1e-6 of |r| and |v|).
 *
 * @param options - the arc and its acceleration
 * @returns the force model
 * @throws {@link InvalidArgumentError} when end is not after start or the acceleration is not
 *   finite
 * @example
 * ```ts
 * const burn = constantThrust({
 *   start: Epoch.fromIso('2024-01-01T01:00:00', 'UTC'),
 *   end: Epoch.fromIso('2024-01-01T01:10:00', 'UTC'),
 *   accelerationKmS2: [0, 1e-8, 0],
 *   frame: 'RTN',
 * });
 * burn.discontinuities.length; // 2
 * ```
 */
export function constantThrust(options: ConstantThrustOptions): ForceModel {
  const { start, end, frame } = options;
  const u = Float64Array.from(options.accelerationKmS2);
  if (u.length !== 3 || !u.every(Number.isFinite)) {
    throw new InvalidArgumentError(
      'accelerationKmS2',
      options.accelerationKmS2,
      'km/s²',
      'must be three finite numbers',
    );
  }
  if (!(end.secondsSince(start) > 0)) {
    throw new InvalidArgumentError('end', end.toString(), '', 'must be after start');
  }
  return Object.freeze({
    name: `constant thrust (${frame})`,
    parameters: [],
    dependsOnVelocity: frame === 'RTN',
    discontinuities: Object.freeze([start, end]),
    prepare(context: ForceContext): ForceEvaluator {
      const t0 = start.secondsSince(context.referenceEpoch);
      const t1 = end.secondsSince(context.referenceEpoch);
      const q = new Float64Array(9);
      const jac = new Float64Array(18);
      const sy = new Float64Array(6);
      const sq = new Float64Array(9);
      let segmentOn: boolean | undefined;
      const on = (tS: number) => (segmentOn !== undefined ? segmentOn : tS >= t0 && tS < t1);
      const add = (acc: Float64Array, y: Float64Array) => {
        if (frame === 'GCRF') {
          for (let i = 0; i < 3; i++) acc[i] = acc[i]! + u[i]!;
          return;
        }
        rtnToInertialInto(q, y);
        for (let i = 0; i < 3; i++) {
          acc[i] = acc[i]! + q[3 * i]! * u[0]! + q[3 * i + 1]! * u[1]! + q[3 * i + 2]! * u[2]!;
        }
      };
      return {
        parameterCount: 0,
        beginSegment(fromS: number, toS: number) {
          const mid = 0.5 * (fromS + toS);
          segmentOn = mid > Math.min(t0, t1) && mid < Math.max(t0, t1);
        },
        addAcceleration(acc, tS, y) {
          if (on(tS)) add(acc, y);
        },
        addPartials(acc, dAdR, dAdV, _dAdP, tS, y) {
          if (!on(tS)) return;
          add(acc, y);
          if (frame === 'GCRF') return;
          rtnJacobianInto(jac, y, u, sy, sq);
          for (let i = 0; i < 3; i++) {
            for (let j = 0; j < 3; j++) {
              dAdR[3 * i + j] = dAdR[3 * i + j]! + jac[6 * i + j]!;
              dAdV[3 * i + j] = dAdV[3 * i + j]! + jac[6 * i + 3 + j]!;
            }
          }
        },
      };
    },
  });
}
