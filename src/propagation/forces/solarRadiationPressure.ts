/**
 * Solar radiation pressure on a cannonball, with conical shadows.
 *
 * @packageDocumentation
 */
import { AU_KM, WGS84_EQUATORIAL_RADIUS_KM } from '../../bodies';
import { InvalidArgumentError } from '../../errors';
import { addInverseSquare } from './internal/mat';
import { apparentDiscs, shadowFractionXyz } from './shadow';
import type { BodyPositionProvider, ForceContext, ForceEvaluator, ForceModel } from './types';

/**
 * Solar radiation pressure at 1 AU, N/m² (Montenbruck & Gill 2000, eq. 3.69: 4.56e-6, from a
 * solar flux of 1367 W/m²).
 */
export const SOLAR_PRESSURE_AT_1AU_N_M2 = 4.56e-6;

/** Step of the finite difference of the shadow fraction in the penumbra, km. */
const SHADOW_DIFFERENCE_STEP_KM = 1e-3;

/** Options of {@link solarRadiationPressure}. */
export interface SolarRadiationPressureOptions {
  /** Radiation pressure coefficient Cr (1 absorbing, 2 mirror; ~1.2–1.5 typical). */
  readonly cr: number;
  /** Area-to-mass ratio A/m, m²/kg. */
  readonly areaToMassM2Kg: number;
  /** The Sun (e.g. `lowPrecisionSun()`); share the same provider with the third-body model. */
  readonly sun: BodyPositionProvider;
  /**
   * Shadowing: `'conical'` (default; umbra and penumbra of the Earth, and of the Moon when
   * `moon` is given) or `'none'` (always lit).
   */
  readonly shadow?: 'conical' | 'none';
  /** The Moon, whose shadow is then included (optional). */
  readonly moon?: BodyPositionProvider;
  /** Radius of the Earth's shadow-casting sphere, km (default WGS84 equatorial radius). */
  readonly earthRadiusKm?: number;
}

/**
 * Radiation pressure of the Sun on a sphere (cannonball):
 * a = ν P☉ Cr (A/m) (1 AU/|d|)² d/|d|, with d = r − s the vector from the Sun to the
 * satellite and ν the visible fraction of the solar disc. Estimable parameters
 * `'srp.cr'` and `'srp.areaToMassM2Kg'` (∂a/∂p = a/p). ∂a/∂r includes the 1/|d|² geometry
 * and, in a penumbra, the gradient of ν (a central difference of the analytic ν, 1 m apart);
 * the Earth and Moon shadows multiply (a double eclipse is counted twice).
 *
 * @param options - Cr, A/m (m²/kg), the Sun, shadow settings
 * @returns the force model
 * @throws {@link InvalidArgumentError} for a Cr or A/m that is not finite and ≥ 0
 * @see Montenbruck & Gill, *Satellite Orbits* (2000), §3.4 (eq. 3.75, 3.79–3.86)
 * @example
 * ```ts
 * const srp = solarRadiationPressure({ cr: 1.3, areaToMassM2Kg: 0.02, sun: lowPrecisionSun() });
 * srp.parameters.map((p) => p.name); // ['srp.cr', 'srp.areaToMassM2Kg']
 * ```
 */
export function solarRadiationPressure(options: SolarRadiationPressureOptions): ForceModel {
  const { cr, areaToMassM2Kg, sun } = options;
  for (const [name, v, unit] of [
    ['cr', cr, ''],
    ['areaToMassM2Kg', areaToMassM2Kg, 'm²/kg'],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new InvalidArgumentError(name, v, unit, 'must be finite and ≥ 0');
    }
  }
  const conical = (options.shadow ?? 'conical') === 'conical';
  const moon = options.moon;
  const earthRadius = options.earthRadiusKm ?? WGS84_EQUATORIAL_RADIUS_KM;
  // P☉ (N/m² = kg/(m s²)) × A/m (m²/kg) = m/s², × 1e-3 → km/s²; times AU² for the 1/d² law.
  const kFull = SOLAR_PRESSURE_AT_1AU_N_M2 * cr * areaToMassM2Kg * 1e-3 * AU_KM * AU_KM;
  const origin = new Float64Array(3);
  return Object.freeze({
    name: 'solar radiation pressure (cannonball)',
    parameters: Object.freeze([
      { name: 'srp.cr', value: cr, unit: '' },
      { name: 'srp.areaToMassM2Kg', value: areaToMassM2Kg, unit: 'm²/kg' },
    ]),
    dependsOnVelocity: false,
    discontinuities: [],
    prepare(context: ForceContext): ForceEvaluator {
      const a = new Float64Array(3);
      const sunRadius = sun.radiusKm;
      const nu = (
        x: number,
        y: number,
        z: number,
        s: Float64Array,
        m: Float64Array | undefined,
      ) => {
        if (!conical) return 1;
        let v = shadowFractionXyz(x, y, z, s, origin, sunRadius, earthRadius);
        if (m !== undefined && v > 0)
          v *= shadowFractionXyz(x, y, z, s, m, sunRadius, moon!.radiusKm);
        return v;
      };
      const evaluate = (
        acc: Float64Array,
        dAdR: Float64Array | undefined,
        dAdP: Float64Array | undefined,
        tS: number,
        y: Float64Array,
      ) => {
        const s = context.bodyPosition(sun, tS);
        const m = moon === undefined ? undefined : context.bodyPosition(moon, tS);
        const x0 = y[0]!;
        const x1 = y[1]!;
        const x2 = y[2]!;
        const v = nu(x0, x1, x2, s, m);
        if (v === 0) return;
        a[0] = 0;
        a[1] = 0;
        a[2] = 0;
        const dx = x0 - s[0]!;
        const dy = x1 - s[1]!;
        const dz = x2 - s[2]!;
        addInverseSquare(a, dAdR === undefined ? undefined : scratchGrad, kFull * v, dx, dy, dz);
        acc[0] = acc[0]! + a[0]!;
        acc[1] = acc[1]! + a[1]!;
        acc[2] = acc[2]! + a[2]!;
        if (dAdR === undefined || dAdP === undefined) return;
        for (let i = 0; i < 9; i++) {
          dAdR[i] = dAdR[i]! + scratchGrad[i]!;
          scratchGrad[i] = 0;
        }
        if (v < 1) {
          // ∂a/∂r += (a/ν) ∇ν, ∇ν by central differences of the analytic ν.
          const h = SHADOW_DIFFERENCE_STEP_KM;
          const gx = (nu(x0 + h, x1, x2, s, m) - nu(x0 - h, x1, x2, s, m)) / (2 * h);
          const gy = (nu(x0, x1 + h, x2, s, m) - nu(x0, x1 - h, x2, s, m)) / (2 * h);
          const gz = (nu(x0, x1, x2 + h, s, m) - nu(x0, x1, x2 - h, s, m)) / (2 * h);
          for (let i = 0; i < 3; i++) {
            const f = a[i]! / v;
            dAdR[3 * i] = dAdR[3 * i]! + f * gx;
            dAdR[3 * i + 1] = dAdR[3 * i + 1]! + f * gy;
            dAdR[3 * i + 2] = dAdR[3 * i + 2]! + f * gz;
          }
        }
        for (let i = 0; i < 3; i++) {
          if (cr > 0) dAdP[i] = dAdP[i]! + a[i]! / cr;
          if (areaToMassM2Kg > 0) dAdP[3 + i] = dAdP[3 + i]! + a[i]! / areaToMassM2Kg;
        }
        if (cr === 0 || areaToMassM2Kg === 0) {
          // a = 0 then; its derivative with respect to the null factor is not.
          const unit = SOLAR_PRESSURE_AT_1AU_N_M2 * 1e-3 * AU_KM * AU_KM * v;
          const d3 = (dx * dx + dy * dy + dz * dz) ** 1.5;
          for (let i = 0; i < 3; i++) {
            const dir = (i === 0 ? dx : i === 1 ? dy : dz) / d3;
            if (cr === 0) dAdP[i] = dAdP[i]! + unit * areaToMassM2Kg * dir;
            if (areaToMassM2Kg === 0) dAdP[3 + i] = dAdP[3 + i]! + unit * cr * dir;
          }
        }
      };
      const scratchGrad = new Float64Array(9);
      // The shadow fraction has kinks where the discs start and stop overlapping (penumbra
      // boundary, c = a + b) and where one disc starts or stops covering the other (umbra or
      // annular boundary, c = |b − a|), for the Earth and for the Moon.
      // The readers of the disc geometry, made once (the functions run at every step).
      const penumbraMargin = (aRad: number, bRad: number, cRad: number) => cRad - (aRad + bRad);
      const umbraMargin = (aRad: number, bRad: number, cRad: number) =>
        cRad - Math.abs(bRad - aRad);
      const boundaries = (occulter: () => ArrayLike<number>, radiusKm: number) =>
        [penumbraMargin, umbraMargin].map(
          (margin) => (tS: number, y: Float64Array) =>
            apparentDiscs(
              y[0]!,
              y[1]!,
              y[2]!,
              context.bodyPosition(sun, tS),
              occulter(),
              sunRadius,
              radiusKm,
              margin,
            ),
        );
      const moonAt = new Float64Array(3);
      const switchingFunctions = conical
        ? [
            ...boundaries(() => origin, earthRadius),
            ...(moon === undefined
              ? []
              : boundaries(() => moonAt, moon.radiusKm).map(
                  (g) => (tS: number, y: Float64Array) => {
                    moonAt.set(context.bodyPosition(moon, tS));
                    return g(tS, y);
                  },
                )),
          ]
        : [];
      return {
        parameterCount: 2,
        switchingFunctions,
        addAcceleration(acc, tS, y) {
          evaluate(acc, undefined, undefined, tS, y);
        },
        addPartials(acc, dAdR, _dAdV, dAdP, tS, y) {
          evaluate(acc, dAdR, dAdP, tS, y);
        },
      };
    },
  });
}
