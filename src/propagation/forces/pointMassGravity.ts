/**
 * The Earth as a point mass.
 *
 * @packageDocumentation
 */
import { EGM2008 } from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import { addInverseSquare } from './internal/mat';
import type { ForceContext, ForceEvaluator, ForceModel } from './types';

/** Options of {@link pointMassGravity}. */
export interface PointMassGravityOptions {
  /** GM of the Earth, km³/s² (default EGM2008's, 398600.4415). */
  readonly gmKm3S2?: number;
}

/**
 * Two-body attraction of the Earth: a = −μ r/|r|³, ∂a/∂r = −μ (I/|r|³ − 3 r rᵀ/|r|⁵).
 *
 * @param options - GM
 * @returns the force model
 * @throws {@link InvalidArgumentError} for a GM that is not finite and positive
 * @see Montenbruck & Gill, *Satellite Orbits* (2000), eq. 3.1 and 7.42
 * @example
 * ```ts
 * const ctx = createForceContext(Epoch.fromIso('2024-01-01T00:00:00', 'UTC'));
 * const acc = new Float64Array(3);
 * pointMassGravity().prepare(ctx).addAcceleration(acc, 0, new Float64Array([42164, 0, 0, 0, 3.07, 0]));
 * acc[0]; // ≈ -0.00022420958
 * ```
 */
export function pointMassGravity(options: PointMassGravityOptions = {}): ForceModel {
  const gm = options.gmKm3S2 ?? EGM2008.gmKm3S2;
  if (!(Number.isFinite(gm) && gm > 0)) {
    throw new InvalidArgumentError('gmKm3S2', gm, 'km³/s²', 'must be finite and > 0');
  }
  return Object.freeze({
    name: 'point-mass Earth',
    parameters: [],
    dependsOnVelocity: false,
    discontinuities: [],
    prepare(_context: ForceContext): ForceEvaluator {
      return {
        parameterCount: 0,
        addAcceleration(acc, _tS, y) {
          addInverseSquare(acc, undefined, -gm, y[0]!, y[1]!, y[2]!);
        },
        addPartials(acc, dAdR, _dAdV, _dAdP, _tS, y) {
          addInverseSquare(acc, dAdR, -gm, y[0]!, y[1]!, y[2]!);
        },
      };
    },
  });
}
