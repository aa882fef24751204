/**
 * Atmospheric drag with a co-rotating atmosphere.
 *
 * @packageDocumentation
 */
import { WGS84_EQUATORIAL_RADIUS_KM, WGS84_INVERSE_FLATTENING } from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import { type Atmosphere, exponentialAtmosphere } from './exponentialAtmosphere';
import type { SunDependentAtmosphere } from './harrisPriesterAtmosphere';
import type { ForceContext, ForceEvaluator, ForceModel } from './types';

/** Rotation rate of the atmosphere (the Earth's, IERS 2010 nominal), rad/s. */
const EARTH_ROTATION_RAD_S = 7.292115146706979e-5;
const FLATTENING = 1 / WGS84_INVERSE_FLATTENING;

/** Options of {@link atmosphericDrag}. */
export interface AtmosphericDragOptions {
  /** Drag coefficient Cd (≈ 2.2 for a compact satellite). */
  readonly cd: number;
  /** Area-to-mass ratio A/m, m²/kg. */
  readonly areaToMassM2Kg: number;
  /**
   * Density model (default {@link exponentialAtmosphere}): one of altitude alone, or one that
   * also follows the Sun ({@link harrisPriesterAtmosphere}).
   */
  readonly atmosphere?: Atmosphere | SunDependentAtmosphere;
}

/**
 * Drag: a = −½ ρ Cd (A/m) |v_r| v_r with v_r = v − ω⊕ × r, the velocity relative to an
 * atmosphere that turns with the Earth about the GCRF z axis. The altitude is that above the
 * WGS84 ellipsoid to first order in the flattening, h = |r| − a(1 − f sin²φ) with sin φ = z/|r|
 * (within ~0.1 km of the geodetic height). With a {@link SunDependentAtmosphere} the Sun is
 * read from the run's shared body cache and the density gradient adds the model's own
 * dependence on the position (the diurnal bulge) to the altitude term. Estimable parameters
 * `'drag.cd'` and `'drag.areaToMassM2Kg'`; ∂a/∂v and ∂a/∂r (through v_r and the density
 * gradient) are analytic.
 *
 * @param options - Cd, A/m (m²/kg), atmosphere
 * @returns the force model
 * @throws {@link InvalidArgumentError} for a Cd or A/m that is not finite and ≥ 0
 * @see Montenbruck & Gill, *Satellite Orbits* (2000), eq. 3.97 and §7.2.3
 * @example
 * ```ts
 * const drag = atmosphericDrag({ cd: 2.2, areaToMassM2Kg: 0.01 });
 * drag.dependsOnVelocity; // true
 * ```
 */
export function atmosphericDrag(options: AtmosphericDragOptions): ForceModel {
  const { cd, areaToMassM2Kg } = options;
  for (const [name, v, unit] of [
    ['cd', cd, ''],
    ['areaToMassM2Kg', areaToMassM2Kg, 'm²/kg'],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new InvalidArgumentError(name, v, unit, 'must be finite and ≥ 0');
    }
  }
  const atmosphere = options.atmosphere ?? exponentialAtmosphere();
  const w = EARTH_ROTATION_RAD_S;
  const re = WGS84_EQUATORIAL_RADIUS_KM;
  return Object.freeze({
    name: `drag (${atmosphere.name})`,
    parameters: Object.freeze([
      { name: 'drag.cd', value: cd, unit: '' },
      { name: 'drag.areaToMassM2Kg', value: areaToMassM2Kg, unit: 'm²/kg' },
    ]),
    dependsOnVelocity: true,
    discontinuities: [],
    prepare(context: ForceContext): ForceEvaluator {
      // ρ, ∂ρ/∂h, then ∂ρ/∂r at fixed h (zero for an altitude-only model).
      const density = new Float64Array(5);
      const sunDependent = 'densityAtInto' in atmosphere ? atmosphere : undefined;
      const altitudeOnly = 'densityAtInto' in atmosphere ? undefined : atmosphere;
      const evaluate = (
        acc: Float64Array,
        dAdR: Float64Array | undefined,
        dAdV: Float64Array | undefined,
        dAdP: Float64Array | undefined,
        tS: number,
        y: Float64Array,
      ) => {
        const x = y[0]!;
        const yy = y[1]!;
        const z = y[2]!;
        const r2 = x * x + yy * yy + z * z;
        const r = Math.sqrt(r2);
        const sin2 = (z * z) / r2;
        const h = r - re * (1 - FLATTENING * sin2);
        if (sunDependent !== undefined) {
          sunDependent.densityAtInto(density, h, y, context.bodyPosition(sunDependent.sun, tS));
        } else {
          altitudeOnly!.densityInto(density, h);
        }
        const rho = density[0]!;
        if (rho === 0) return;
        const vx = y[3]! + w * yy;
        const vy = y[4]! - w * x;
        const vz = y[5]!;
        const v = Math.sqrt(vx * vx + vy * vy + vz * vz);
        // ρ (kg/m³) · B (m²/kg) · v² (km²/s² → 1e6 m²/s²) = m/s² → ×1e-3 km/s²: factor 1e3.
        const k = -0.5 * cd * areaToMassM2Kg * 1e3;
        const f = k * rho * v;
        const ax = f * vx;
        const ay = f * vy;
        const az = f * vz;
        acc[0] = acc[0]! + ax;
        acc[1] = acc[1]! + ay;
        acc[2] = acc[2]! + az;
        if (dAdR === undefined || dAdV === undefined || dAdP === undefined) return;
        // ∂a/∂v_r = kρ (|v_r| I + v_r v_rᵀ / |v_r|).
        const g = v > 0 ? (k * rho) / v : 0;
        const m00 = f + g * vx * vx;
        const m01 = g * vx * vy;
        const m02 = g * vx * vz;
        const m11 = f + g * vy * vy;
        const m12 = g * vy * vz;
        const m22 = f + g * vz * vz;
        dAdV[0] = dAdV[0]! + m00;
        dAdV[1] = dAdV[1]! + m01;
        dAdV[2] = dAdV[2]! + m02;
        dAdV[3] = dAdV[3]! + m01;
        dAdV[4] = dAdV[4]! + m11;
        dAdV[5] = dAdV[5]! + m12;
        dAdV[6] = dAdV[6]! + m02;
        dAdV[7] = dAdV[7]! + m12;
        dAdV[8] = dAdV[8]! + m22;
        // ∂v_r/∂r = −[ω×] = [[0, ω, 0], [−ω, 0, 0], [0, 0, 0]]: columns x ← −ω·(col y), y ← ω·(col x).
        // ∇h = r̂ + a f ∇(sin²φ), ∇(z²/r²) = (2z/r²) e_z − (2z²/r⁴) r.
        // ∇ρ/ρ = (∂ρ/∂h ∇h + ∂ρ/∂r|h)/ρ; ∂a/∂r gains a ⊗ ∇ρ/ρ.
        const dRho = density[1]! / rho;
        const c1 = 1 / r - (re * FLATTENING * 2 * z * z) / (r2 * r2);
        const lx = dRho * x * c1 + density[2]! / rho;
        const ly = dRho * yy * c1 + density[3]! / rho;
        const lz = dRho * (z * c1 + (re * FLATTENING * 2 * z) / r2) + density[4]! / rho;
        dAdR[0] = dAdR[0]! - w * m01 + ax * lx;
        dAdR[1] = dAdR[1]! + w * m00 + ax * ly;
        dAdR[2] = dAdR[2]! + ax * lz;
        dAdR[3] = dAdR[3]! - w * m11 + ay * lx;
        dAdR[4] = dAdR[4]! + w * m01 + ay * ly;
        dAdR[5] = dAdR[5]! + ay * lz;
        dAdR[6] = dAdR[6]! - w * m12 + az * lx;
        dAdR[7] = dAdR[7]! + w * m02 + az * ly;
        dAdR[8] = dAdR[8]! + az * lz;
        if (cd > 0) {
          dAdP[0] = dAdP[0]! + ax / cd;
          dAdP[1] = dAdP[1]! + ay / cd;
          dAdP[2] = dAdP[2]! + az / cd;
        }
        if (areaToMassM2Kg > 0) {
          dAdP[3] = dAdP[3]! + ax / areaToMassM2Kg;
          dAdP[4] = dAdP[4]! + ay / areaToMassM2Kg;
          dAdP[5] = dAdP[5]! + az / areaToMassM2Kg;
        }
      };
      return {
        parameterCount: 2,
        addAcceleration(acc, tS, y) {
          evaluate(acc, undefined, undefined, undefined, tS, y);
        },
        addPartials(acc, dAdR, dAdV, dAdP, tS, y) {
          evaluate(acc, dAdR, dAdV, dAdP, tS, y);
        },
      };
    },
  });
}
