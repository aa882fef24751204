/**
 * The shared caches of one propagation run: body positions and the GCRF → ITRF rotation,
 * sampled on fixed grids and interpolated.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import { createInterpolatedTransform, type FrameTransformOptions } from '../../frames';
import type { Epoch } from '../../time';
import { NodeCache } from './internal/nodeCache';
import type { BodyPositionProvider, ForceContext } from './types';

/**
 * Default spacing of the body-position nodes, s: 4 h. With the 8-point Lagrange polynomial
 * the interpolated low-precision Moon differs from the provider's by 4e-7 km and the Sun by
 * 1.2e-5 km at most (measured over 3 days; test/propagation/forces/forceModels.test.ts holds
 * them to 1e-4 and 1e-3 km): relative errors of 1e-12 and 1e-13, far below the models' own.
 */
export const BODY_NODE_SPACING_S = 14400;
/**
 * Default spacing of the Earth-rotation nodes, s: 2 h. What is interpolated is the rotation
 * with the nominal Earth rotation taken out, which varies slowly (precession-nutation, polar
 * motion seen from the rotating frame, the drift of UT1). Against the exact `frameTransform`
 * with the bundled EOP it errs by up to 1e-10 rad (3 µm at GEO radius): the daily kinks of
 * the linearly interpolated EOP table, which a smooth interpolant rounds off.
 */
export const ROTATION_NODE_SPACING_S = 7200;

/** Nominal ERA rate, rad/s (IERS Conventions 2010, eq. 5.15). */
const ERA_RATE_RAD_S = (2 * Math.PI * 1.0027378119113546) / 86400;

/** Options of {@link createForceContext}. */
export interface ForceContextOptions {
  /**
   * Time data and Earth orientation options of the GCRF → ITRF rotation (those of
   * `frameTransform`; default the bundled time data, CIO chain).
   */
  readonly frames?: FrameTransformOptions;
  /** Spacing of the body-position nodes, s (default {@link BODY_NODE_SPACING_S}). */
  readonly bodyNodeSpacingS?: number;
  /** Spacing of the Earth-rotation nodes, s (default {@link ROTATION_NODE_SPACING_S}). */
  readonly rotationNodeSpacingS?: number;
}

/**
 * Creates the context that force models are prepared with: the time origin, and caches of
 * body positions and of the GCRF → ITRF rotation shared by the models of a run.
 *
 * Body positions are computed exactly (by the provider) at nodes tₖ = k · 4 h from the
 * reference epoch and interpolated between them with the 8-point Lagrange polynomial. The
 * rotation R(t) = R3(θ(t)) · S(t) is split into the nominal Earth rotation θ(t) = ω t,
 * evaluated exactly, and a slowly varying remainder S(t), computed at nodes 2 h apart with
 * `createInterpolatedTransform('GCRF', 'ITRF')` and interpolated the same way. Nodes are
 * computed when first needed and kept, so results do not depend on the order of the queries.
 *
 * @param referenceEpoch - the epoch of tS = 0
 * @param options - frame options and node spacings
 * @returns the context
 * @throws {@link InvalidArgumentError} for a non-positive node spacing
 * @example
 * ```ts
 * const ctx = createForceContext(Epoch.fromIso('2024-03-01T00:00:00', 'UTC'));
 * const r = ctx.gcrfToItrf(600);
 * Math.hypot(...r.subarray(0, 3)); // ≈ 1 (a row of a rotation)
 * ```
 */
export function createForceContext(
  referenceEpoch: Epoch,
  options: ForceContextOptions = {},
): ForceContext {
  const bodyStep = options.bodyNodeSpacingS ?? BODY_NODE_SPACING_S;
  const rotationStep = options.rotationNodeSpacingS ?? ROTATION_NODE_SPACING_S;
  for (const [name, v] of [
    ['bodyNodeSpacingS', bodyStep],
    ['rotationNodeSpacingS', rotationStep],
  ] as const) {
    if (!(Number.isFinite(v) && v > 0)) {
      throw new InvalidArgumentError(name, v, 's', 'must be finite and > 0');
    }
  }
  const bodies = new Map<BodyPositionProvider, NodeCache>();
  let rotation: NodeCache | undefined;
  const rotationOut = new Float64Array(9);
  let lastRotationT = Number.NaN;
  return {
    referenceEpoch,
    bodyPosition(provider: BodyPositionProvider, tS: number): Float64Array {
      let cache = bodies.get(provider);
      if (cache === undefined) {
        cache = new NodeCache(3, bodyStep, (out, t) =>
          provider.positionInto(out, referenceEpoch.plusSeconds(t)),
        );
        bodies.set(provider, cache);
      }
      return cache.at(tS);
    },
    gcrfToItrf(tS: number): Float64Array {
      if (tS === lastRotationT) return rotationOut;
      if (rotation === undefined) {
        const transform = createInterpolatedTransform('GCRF', 'ITRF', {
          ...options.frames,
          velocity: 'earthRotation',
        });
        rotation = new NodeCache(9, rotationStep, (out, t) => {
          const m = transform.at(referenceEpoch.plusSeconds(t)).rotation;
          // S = R3(θ)ᵀ · M, R3(θ) = [[c, s, 0], [−s, c, 0], [0, 0, 1]].
          const c = Math.cos(ERA_RATE_RAD_S * t);
          const s = Math.sin(ERA_RATE_RAD_S * t);
          for (let j = 0; j < 3; j++) {
            out[j] = c * m[j]! - s * m[3 + j]!;
            out[3 + j] = s * m[j]! + c * m[3 + j]!;
            out[6 + j] = m[6 + j]!;
          }
        });
      }
      const sm = rotation.at(tS);
      const c = Math.cos(ERA_RATE_RAD_S * tS);
      const s = Math.sin(ERA_RATE_RAD_S * tS);
      for (let j = 0; j < 3; j++) {
        rotationOut[j] = c * sm[j]! + s * sm[3 + j]!;
        rotationOut[3 + j] = -s * sm[j]! + c * sm[3 + j]!;
        rotationOut[6 + j] = sm[6 + j]!;
      }
      lastRotationT = tS;
      return rotationOut;
    },
  };
}
