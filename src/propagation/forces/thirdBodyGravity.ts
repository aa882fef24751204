/**
 * A third body (Sun, Moon…) as a point mass, with the indirect term.
 *
 * @packageDocumentation
 */
import { addInverseSquare } from './internal/mat';
import type { BodyPositionProvider, ForceContext, ForceEvaluator, ForceModel } from './types';

/**
 * The perturbation of a third body on a satellite of the Earth:
 * a = μ_b ((s − r)/|s − r|³ − s/|s|³), the direct attraction less the attraction of the body
 * on the Earth (the indirect term, because GCRF is centred on the accelerated Earth);
 * ∂a/∂r = μ_b (3 d dᵀ/|d|⁵ − I/|d|³) with d = r − s. The body's position comes from the
 * run's sampled cache of the provider ({@link createForceContext}).
 *
 * @param body - the body: `lowPrecisionSun()`, `lowPrecisionMoon()`, `spkBody(kernel, id)`
 * @returns the force model
 * @see Montenbruck & Gill, *Satellite Orbits* (2000), eq. 3.37 and 7.43
 * @example
 * ```ts
 * const moon = thirdBodyGravity(lowPrecisionMoon());
 * moon.name; // 'third body Moon (low precision)'
 * ```
 */
export function thirdBodyGravity(body: BodyPositionProvider): ForceModel {
  const gm = body.gmKm3S2;
  return Object.freeze({
    name: `third body ${body.name}`,
    parameters: [],
    dependsOnVelocity: false,
    discontinuities: [],
    prepare(context: ForceContext): ForceEvaluator {
      const add = (
        acc: Float64Array,
        grad: Float64Array | undefined,
        tS: number,
        y: Float64Array,
      ) => {
        const s = context.bodyPosition(body, tS);
        const sx = s[0]!;
        const sy = s[1]!;
        const sz = s[2]!;
        addInverseSquare(acc, grad, -gm, y[0]! - sx, y[1]! - sy, y[2]! - sz);
        addInverseSquare(acc, undefined, -gm, sx, sy, sz);
      };
      return {
        parameterCount: 0,
        addAcceleration(acc, tS, y) {
          add(acc, undefined, tS, y);
        },
        addPartials(acc, dAdR, _dAdV, _dAdP, tS, y) {
          add(acc, dAdR, tS, y);
        },
      };
    },
  });
}
