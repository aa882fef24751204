import { describe, expect, it } from 'vitest';
import { AU_KM, SUN_RADIUS_KM } from '../../../src/bodies';
import { frameTransform } from '../../../src/frames';
import {
  atmosphericDrag,
  constantThrust,
  createForceContext,
  egm2008Degree20,
  type ForceContext,
  type ForceModel,
  lowPrecisionMoon,
  lowPrecisionSun,
  pointMassGravity,
  shadowFraction,
  solarRadiationPressure,
  sphericalHarmonicGravity,
  thirdBodyGravity,
  zonalGravity,
} from '../../../src/propagation/forces';
import { Epoch } from '../../../src/time';

const T0 = Epoch.fromIso('2024-06-01T00:00:00', 'UTC');
const SUN = lowPrecisionSun();
const MOON = lowPrecisionMoon();
const FIELD = egm2008Degree20();
const GEO = new Float64Array([42164, 120, 60, -0.008, 3.0746, 0.012]);
const LEO = new Float64Array([6778, 300, -200, -0.2, 5.2, 5.5]);

/**
 * Partials against central differences of the acceleration, relative to the largest element
 * of the matrix. The differences err by (h/r)² ≈ 1e-9 for the gravity fields at h = 0.1 km,
 * and by roundoff ε|a|/h elsewhere; 1e-6 leaves three orders of margin.
 */
const PARTIAL_REL_TOL = 1e-6;
/** Symmetry of ∂a/∂r of a conservative field, relative to its largest element (rounding). */
const SYMMETRY_REL_TOL = 1e-12;

interface Partials {
  acc: Float64Array;
  dAdR: Float64Array;
  dAdV: Float64Array;
  dAdP: Float64Array;
}

function partials(model: ForceModel, ctx: ForceContext, tS: number, y: Float64Array): Partials {
  const e = model.prepare(ctx);
  const out = {
    acc: new Float64Array(3),
    dAdR: new Float64Array(9),
    dAdV: new Float64Array(9),
    dAdP: new Float64Array(3 * Math.max(1, model.parameters.length)),
  };
  e.addPartials(out.acc, out.dAdR, out.dAdV, out.dAdP, tS, y);
  return out;
}

function accelerationOf(model: ForceModel, ctx: ForceContext, tS: number, y: Float64Array) {
  const acc = new Float64Array(3);
  const e = model.prepare(ctx);
  e.beginSegment?.(tS - 1, tS + 1);
  e.addAcceleration(acc, tS, y);
  return acc;
}

/** Worst |analytic − difference| / max|element| over ∂a/∂r (h km) and ∂a/∂v (hv km/s). */
function worstPartialError(
  model: ForceModel,
  tS: number,
  y: Float64Array,
  h: number,
  hv: number,
): number {
  const ctx = createForceContext(T0);
  const p = partials(model, ctx, tS, y);
  let worst = 0;
  for (const [block, step, offset] of [
    [p.dAdR, h, 0],
    [p.dAdV, hv, 3],
  ] as const) {
    const fd = new Float64Array(9);
    for (let j = 0; j < 3; j++) {
      const yp = Float64Array.from(y);
      const ym = Float64Array.from(y);
      yp[offset + j]! += step;
      ym[offset + j]! -= step;
      const ap = accelerationOf(model, ctx, tS, yp);
      const am = accelerationOf(model, ctx, tS, ym);
      for (let i = 0; i < 3; i++) fd[3 * i + j] = (ap[i]! - am[i]!) / (2 * step);
    }
    const scale = Math.max(...fd.map(Math.abs), ...block.map(Math.abs));
    if (scale === 0) continue;
    for (let k = 0; k < 9; k++) worst = Math.max(worst, Math.abs(block[k]! - fd[k]!) / scale);
  }
  return worst;
}

describe('∂a/∂r and ∂a/∂v agree with central differences of the acceleration', () => {
  it.each([
    ['point mass (GEO)', pointMassGravity(), GEO],
    ['zonal J2…J6 (LEO)', zonalGravity(), LEO],
    ['EGM2008 20×20 in ITRF (LEO)', sphericalHarmonicGravity({ field: FIELD }), LEO],
    ['EGM2008 8×8 in ITRF (GEO)', sphericalHarmonicGravity({ field: FIELD, degree: 8 }), GEO],
    ['Sun (GEO)', thirdBodyGravity(SUN), GEO],
    ['Moon (GEO)', thirdBodyGravity(MOON), GEO],
    ['SRP, sunlit (GEO)', solarRadiationPressure({ cr: 1.3, areaToMassM2Kg: 0.02, sun: SUN }), GEO],
    ['drag (LEO, 400 km)', atmosphericDrag({ cd: 2.2, areaToMassM2Kg: 0.01 }), LEO],
    [
      'RTN thrust (GEO)',
      constantThrust({
        start: T0.plusSeconds(-10),
        end: T0.plusSeconds(3600),
        accelerationKmS2: [1e-8, 2e-8, -1e-8],
        frame: 'RTN',
      }),
      GEO,
    ],
  ] as const)('%s within 1e-6 of the largest element', (_name, model, y) => {
    expect(worstPartialError(model, 1000, y, 0.1, 1e-5)).toBeLessThan(PARTIAL_REL_TOL);
  });

  it('conservative fields have a symmetric ∂a/∂r, and the spherical harmonics a trace-free one', () => {
    const ctx = createForceContext(T0);
    for (const model of [
      pointMassGravity(),
      zonalGravity(),
      sphericalHarmonicGravity({ field: FIELD }),
      thirdBodyGravity(MOON),
    ]) {
      const g = partials(model, ctx, 500, LEO).dAdR;
      const scale = Math.max(...g.map(Math.abs));
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < i; j++) {
          expect(Math.abs(g[3 * i + j]! - g[3 * j + i]!) / scale).toBeLessThan(SYMMETRY_REL_TOL);
        }
      }
      // Laplace: ∇·a = 0 outside the masses.
      expect(Math.abs(g[0]! + g[4]! + g[8]!) / scale).toBeLessThan(SYMMETRY_REL_TOL);
    }
  });
});

describe('∂a/∂p agree with central differences over the parameter', () => {
  /** Central differences of a linear dependence: rounding only (relative to |∂a/∂p|). */
  const PARAMETER_REL_TOL = 1e-9;
  it.each([
    [
      'srp.cr',
      (v: number) => solarRadiationPressure({ cr: v, areaToMassM2Kg: 0.02, sun: SUN }),
      1.3,
      0,
      GEO,
    ],
    [
      'srp.areaToMassM2Kg',
      (v: number) => solarRadiationPressure({ cr: 1.3, areaToMassM2Kg: v, sun: SUN }),
      0.02,
      1,
      GEO,
    ],
    ['drag.cd', (v: number) => atmosphericDrag({ cd: v, areaToMassM2Kg: 0.01 }), 2.2, 0, LEO],
    [
      'drag.areaToMassM2Kg',
      (v: number) => atmosphericDrag({ cd: 2.2, areaToMassM2Kg: v }),
      0.01,
      1,
      LEO,
    ],
  ] as const)('%s', (name, make, value, column, y) => {
    const ctx = createForceContext(T0);
    const model = make(value);
    expect(model.parameters[column]!.name).toBe(name);
    const p = partials(model, ctx, 100, y).dAdP;
    const h = value * 1e-4;
    const ap = accelerationOf(make(value + h), ctx, 100, y);
    const am = accelerationOf(make(value - h), ctx, 100, y);
    for (let i = 0; i < 3; i++) {
      const fd = (ap[i]! - am[i]!) / (2 * h);
      expect(Math.abs(p[3 * column + i]! - fd)).toBeLessThanOrEqual(
        PARAMETER_REL_TOL * Math.hypot(p[3 * column]!, p[3 * column + 1]!, p[3 * column + 2]!),
      );
    }
  });
});

describe('shadows', () => {
  const sunKm = [AU_KM, 0, 0];
  const earth = [0, 0, 0];
  it('full light, umbra, and a penumbra that decreases monotonically into the shadow', () => {
    expect(shadowFraction([42164, 0, 0], sunKm, earth, SUN_RADIUS_KM, 6378.137)).toBe(1);
    expect(shadowFraction([-42164, 0, 0], sunKm, earth, SUN_RADIUS_KM, 6378.137)).toBe(0);
    let previous = 1;
    let partial = 0;
    for (let z = 6800; z >= 5800; z -= 10) {
      const nu = shadowFraction([-42164, 0, z], sunKm, earth, SUN_RADIUS_KM, 6378.137);
      expect(nu).toBeLessThanOrEqual(previous);
      if (nu > 0 && nu < 1) partial++;
      previous = nu;
    }
    expect(previous).toBe(0);
    // the GEO penumbra is ~360 km wide (apparent solar diameter 0.53° × 42164 km / 1.06)
    expect(partial * 10).toBeGreaterThan(250);
    expect(partial * 10).toBeLessThan(450);
  });

  it('an annular eclipse leaves 1 − b²/a² of the disc', () => {
    // a body of half the Sun's apparent radius, centred on the Sun's direction
    const d = 1e6;
    const r = (SUN_RADIUS_KM / AU_KM) * d * 0.5;
    const nu = shadowFraction([0, 0, 0], sunKm, [d, 0, 0], SUN_RADIUS_KM, r);
    const a = Math.asin(SUN_RADIUS_KM / AU_KM);
    const b = Math.asin(r / d);
    expect(nu).toBeCloseTo(1 - (b * b) / (a * a), 12);
  });

  it('SRP partials hold inside the Earth penumbra (with the gradient of the shadow fraction)', () => {
    const ctx = createForceContext(T0);
    const s = ctx.bodyPosition(SUN, 0);
    const u = Array.from(s, (v) => -v / Math.hypot(s[0]!, s[1]!, s[2]!));
    // a point 42164 km behind the Earth, moved sideways until ν is about one half
    const side = [u[1]!, -u[0]!, 0].map((v) => v / Math.hypot(u[0]!, u[1]!));
    const at = (k: number) =>
      new Float64Array([
        42164 * u[0]! + k * side[0]!,
        42164 * u[1]! + k * side[1]!,
        42164 * u[2]! + k * side[2]!,
        0,
        3,
        0,
      ]);
    let lo = 5000;
    let hi = 8000;
    for (let i = 0; i < 60; i++) {
      const mid = 0.5 * (lo + hi);
      const nu = shadowFraction(at(mid), s, [0, 0, 0], SUN_RADIUS_KM, 6378.137);
      if (nu < 0.5) lo = mid;
      else hi = mid;
    }
    const y = at(lo);
    const model = solarRadiationPressure({ cr: 1.3, areaToMassM2Kg: 0.02, sun: SUN });
    // step 0.01 km: the shadow fraction varies over ~360 km, its second derivative is small
    expect(worstPartialError(model, 0, y, 0.01, 1e-5)).toBeLessThan(1e-5);
  });
});

describe('the force context', () => {
  /**
   * The interpolated rotation against the exact `frameTransform` GCRF → ITRF (IAU 2006/2000A
   * with the bundled EOP). The bundled EOP are interpolated linearly from day to day, so UT1
   * and the pole have a kink at each midnight; a smooth 8-point interpolant across a kink errs
   * by ~7e-11 rad (measured), 3 µm at GEO radius. 2e-10 rad leaves a factor 3.
   */
  const ROTATION_TOL_RAD = 2e-10;
  it('the GCRF → ITRF rotation matches frameTransform within 2e-10 rad over two days', () => {
    const ctx = createForceContext(T0);
    let worst = 0;
    for (let t = -3000; t <= 2 * 86400; t += 3607.3) {
      const r = ctx.gcrfToItrf(t);
      const exact = frameTransform('GCRF', 'ITRF', T0.plusSeconds(t)).rotation;
      for (let k = 0; k < 9; k++) worst = Math.max(worst, Math.abs(r[k]! - exact[k]!));
    }
    expect(worst).toBeLessThan(ROTATION_TOL_RAD);
  });

  /**
   * Lagrange 8-point at 4 h nodes: measured 1.2e-5 km (Sun) and 4e-7 km (Moon) over 3 days;
   * a factor ~100 of margin, and far below the analytic series' own error (0.01°–0.3°).
   */
  const BODY_INTERPOLATION_TOL_KM = { Sun: 1e-3, Moon: 1e-4 };
  it('interpolated Sun and Moon positions match the providers between the nodes', () => {
    const ctx = createForceContext(T0);
    const direct = new Float64Array(3);
    for (const [name, body] of [
      ['Sun', SUN],
      ['Moon', MOON],
    ] as const) {
      let worst = 0;
      for (let t = 0; t <= 3 * 86400; t += 1234.5) {
        const p = ctx.bodyPosition(body, t);
        body.positionInto(direct, T0.plusSeconds(t));
        worst = Math.max(
          worst,
          Math.hypot(p[0]! - direct[0]!, p[1]! - direct[1]!, p[2]! - direct[2]!),
        );
      }
      expect(worst).toBeLessThan(BODY_INTERPOLATION_TOL_KM[name]);
    }
  });

  it('results do not depend on the order of the queries', () => {
    const a = createForceContext(T0);
    const b = createForceContext(T0);
    const times = [0, 50000, 12345, -7000, 86400];
    const fa = times.map((t) => Array.from(a.bodyPosition(MOON, t)));
    const fb = [...times]
      .reverse()
      .map((t) => Array.from(b.bodyPosition(MOON, t)))
      .reverse();
    expect(fa).toEqual(fb);
  });
});
