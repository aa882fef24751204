/**
 * The Earth's gravity field as spherical harmonics, evaluated in ITRF.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../../errors';
import { addInto } from '../internal/addInto';
import { congruenceTransposeInto } from '../internal/mat';
import type { ForceContext, ForceEvaluator, ForceModel } from '../types';
import type { GravityField } from './gravityField';
import { SphericalHarmonicKernel } from './sphericalHarmonicKernel';

/** Options of {@link sphericalHarmonicGravity}. */
export interface SphericalHarmonicGravityOptions {
  /** The field (e.g. `egm2008Degree20()`, or one read with `parseIcgem`). */
  readonly field: GravityField;
  /** Highest degree evaluated (default the field's). */
  readonly degree?: number;
  /** Highest order evaluated (default min(degree, the field's order)). */
  readonly order?: number;
}

/**
 * The Earth's attraction from a spherical-harmonic field (central term included: do not add
 * {@link pointMassGravity}), evaluated in ITRF and rotated to GCRF with the rotation of the
 * run's {@link ForceContext}: a = Rᵀ a_ITRF(R r), ∂a/∂r = Rᵀ G_ITRF R. The recursion is
 * Cunningham's in fully normalised form (see `SphericalHarmonicKernel`), stable to degree and
 * order 120 and beyond. `addAcceleration` (the propagator without variational equations)
 * evaluates the acceleration alone; `addPartials` adds a second pass for the gradient.
 * Cost of the kernel alone on the 2-core test machine (CPU time, docs/performance.md): 0.3 µs
 * at 8×8 and 12 µs at 70×70 for the acceleration, 0.7 µs and 27 µs with the gradient.
 *
 * Accuracy: JGM-3 accelerations of Montenbruck & Gill's table within 7e-8 m/s² for
 * n = m = 2…20 (the remaining offset is the book's constants: test/propagation/forces).
 *
 * @param options - field, degree, order
 * @returns the force model
 * @throws {@link InvalidArgumentError} for a degree or order beyond the field's
 * @see Montenbruck & Gill, *Satellite Orbits* (2000), §3.2.4–3.2.5 and §7.2.2
 * @example
 * ```ts
 * const gravity = sphericalHarmonicGravity({ field: egm2008Degree20(), degree: 8 });
 * gravity.name; // 'gravity EGM2008 8×8'
 * ```
 */
export function sphericalHarmonicGravity(options: SphericalHarmonicGravityOptions): ForceModel {
  const field = options.field;
  const degree = options.degree ?? field.maxDegree;
  if (!Number.isInteger(degree) || degree < 0 || degree > field.maxDegree) {
    throw new InvalidArgumentError(
      'degree',
      degree,
      '',
      `must be an integer in 0…${field.maxDegree}`,
    );
  }
  const order = options.order ?? Math.min(degree, field.maxOrder);
  if (!Number.isInteger(order) || order < 0 || order > Math.min(degree, field.maxOrder)) {
    throw new InvalidArgumentError(
      'order',
      order,
      '',
      `must be an integer in 0…${Math.min(degree, field.maxOrder)}`,
    );
  }
  let accKernel: SphericalHarmonicKernel | undefined;
  let gradKernel: SphericalHarmonicKernel | undefined;
  return Object.freeze({
    name: `gravity ${field.name} ${degree}×${order}`,
    parameters: [],
    dependsOnVelocity: false,
    discontinuities: [],
    prepare(context: ForceContext): ForceEvaluator {
      accKernel ??= new SphericalHarmonicKernel(field, degree, order, false);
      const ka = accKernel;
      const a = new Float64Array(3);
      const g = new Float64Array(9);
      const gi = new Float64Array(9);
      const scratch = new Float64Array(9);
      return {
        parameterCount: 0,
        addAcceleration(acc, tS, y) {
          const r = context.gcrfToItrf(tS);
          const x0 = y[0]!;
          const x1 = y[1]!;
          const x2 = y[2]!;
          ka.accelerationInto(
            a,
            r[0]! * x0 + r[1]! * x1 + r[2]! * x2,
            r[3]! * x0 + r[4]! * x1 + r[5]! * x2,
            r[6]! * x0 + r[7]! * x1 + r[8]! * x2,
          );
          acc[0] = acc[0]! + r[0]! * a[0]! + r[3]! * a[1]! + r[6]! * a[2]!;
          acc[1] = acc[1]! + r[1]! * a[0]! + r[4]! * a[1]! + r[7]! * a[2]!;
          acc[2] = acc[2]! + r[2]! * a[0]! + r[5]! * a[1]! + r[8]! * a[2]!;
        },
        addPartials(acc, dAdR, _dAdV, _dAdP, tS, y) {
          gradKernel ??= new SphericalHarmonicKernel(field, degree, order, true);
          const r = context.gcrfToItrf(tS);
          const x0 = y[0]!;
          const x1 = y[1]!;
          const x2 = y[2]!;
          gradKernel.accelerationGradientInto(
            a,
            gi,
            r[0]! * x0 + r[1]! * x1 + r[2]! * x2,
            r[3]! * x0 + r[4]! * x1 + r[5]! * x2,
            r[6]! * x0 + r[7]! * x1 + r[8]! * x2,
          );
          acc[0] = acc[0]! + r[0]! * a[0]! + r[3]! * a[1]! + r[6]! * a[2]!;
          acc[1] = acc[1]! + r[1]! * a[0]! + r[4]! * a[1]! + r[7]! * a[2]!;
          acc[2] = acc[2]! + r[2]! * a[0]! + r[5]! * a[1]! + r[8]! * a[2]!;
          congruenceTransposeInto(g, r, gi, scratch);
          addInto(dAdR, g, 9);
        },
      };
    },
  });
}
