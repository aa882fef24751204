/**
 * The Earth's zonal harmonics J2…J6 about the GCRF z axis: the quick-study model.
 *
 * @packageDocumentation
 */
import { EGM2008 } from '../../../bodies';
import { InvalidArgumentError } from '../../../errors';
import { addInto } from '../internal/addInto';
import type { ForceContext, ForceEvaluator, ForceModel } from '../types';
import { GravityField, triangularIndex } from './gravityField';
import { SphericalHarmonicKernel } from './sphericalHarmonicKernel';

/**
 * EGM2008's unnormalised J2…J6 (tide-free), Jn = −√(2n + 1) · C̄n,0 with the C̄n,0 of the
 * model (Pavlis et al. 2012; the values of test/reference/gravity/EGM2008_120.gfc).
 */
export const EGM2008_J2_TO_J6: readonly number[] = Object.freeze([
  1.0826261738522e-3, -2.5324105185677e-6, -1.619897599917e-6, -2.2775359073084e-7,
  5.4066657628381e-7,
]);

/** Options of {@link zonalGravity}. */
export interface ZonalGravityOptions {
  /** Unnormalised J2, J3, … (any number, from J2), dimensionless (default EGM2008's J2…J6). */
  readonly j?: readonly number[];
  /** GM, km³/s² (default EGM2008's). */
  readonly gmKm3S2?: number;
  /** Reference radius of the J coefficients, km (default EGM2008's, 6378.1363). */
  readonly referenceRadiusKm?: number;
}

/**
 * The Earth's central attraction and zonal harmonics J2…Jn with the pole along the GCRF z
 * axis (no precession, nutation or polar motion: the usual quick-study model). The potential
 * is V = μ/r (1 − Σ Jn (R/r)ⁿ Pn(z/r)); it is time-independent in GCRF, so the energy
 * v²/2 − V is a constant of the motion. It includes the point mass: do not add
 * {@link pointMassGravity} too.
 *
 * @param options - J coefficients, GM, radius
 * @returns the force model
 * @throws {@link InvalidArgumentError} for a bad GM, radius or J
 * @see Vallado (2022), eq. 8-20 (the zonal potential)
 * @example
 * ```ts
 * const ctx = createForceContext(Epoch.fromIso('2024-01-01T00:00:00', 'UTC'));
 * const acc = new Float64Array(3);
 * zonalGravity().prepare(ctx).addAcceleration(acc, 0, new Float64Array([7000, 0, 0, 0, 7.5, 0]));
 * acc[0]; // ≈ -0.0081457
 * ```
 */
export function zonalGravity(options: ZonalGravityOptions = {}): ForceModel {
  const j = options.j ?? EGM2008_J2_TO_J6;
  const gm = options.gmKm3S2 ?? EGM2008.gmKm3S2;
  const radius = options.referenceRadiusKm ?? EGM2008.referenceRadiusKm;
  j.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new InvalidArgumentError(`j[${i}]`, v, '', 'must be finite');
  });
  const degree = j.length + 1;
  const size = triangularIndex(degree + 1, 0);
  const c = new Float64Array(size);
  c[0] = 1;
  for (let n = 2; n <= degree; n++) c[triangularIndex(n, 0)] = -j[n - 2]! / Math.sqrt(2 * n + 1);
  const field = GravityField.create({
    name: `J2…J${degree}`,
    gmKm3S2: gm,
    referenceRadiusKm: radius,
    maxDegree: degree,
    maxOrder: 0,
    cNormalized: c,
    sNormalized: new Float64Array(size),
  });
  let kernel: SphericalHarmonicKernel | undefined;
  return Object.freeze({
    name: `zonal J2…J${degree}`,
    parameters: [],
    dependsOnVelocity: false,
    discontinuities: [],
    prepare(_context: ForceContext): ForceEvaluator {
      kernel ??= new SphericalHarmonicKernel(field, degree, 0, true);
      const k = kernel;
      const a = new Float64Array(3);
      const g = new Float64Array(9);
      return {
        parameterCount: 0,
        addAcceleration(acc, _tS, y) {
          k.accelerationInto(a, y[0]!, y[1]!, y[2]!);
          addInto(acc, a, 3);
        },
        addPartials(acc, dAdR, _dAdV, _dAdP, _tS, y) {
          k.accelerationGradientInto(a, g, y[0]!, y[1]!, y[2]!);
          addInto(acc, a, 3);
          addInto(dAdR, g, 9);
        },
      };
    },
  });
}
