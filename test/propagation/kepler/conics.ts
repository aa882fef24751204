/**
 * Independent two-body solutions for the tests: a state from conic elements by the perifocal
 * formulas, and the time on a conic by the classical anomalies (Kepler's equation for the
 * ellipse, its hyperbolic form, Barker's equation for the parabola), each solved here by plain
 * Newton iterations or in closed form. Nothing of src/ is used, so that the propagators can be
 * checked against them.
 */
import fc from 'fast-check';

/** A conic: semi-latus rectum p (km), eccentricity, angles (rad), true anomaly ν (rad). */
export interface Conic {
  readonly pKm: number;
  readonly ecc: number;
  readonly incRad: number;
  readonly raanRad: number;
  readonly argpRad: number;
  readonly nuRad: number;
}

/** Position and velocity [km, km/s] on a conic, by the perifocal formulas (Vallado Alg. 10). */
export function conicState(c: Conic, mu: number): number[] {
  const { pKm: p, ecc: e, nuRad: nu } = c;
  const r = p / (1 + e * Math.cos(nu));
  const pf = [r * Math.cos(nu), r * Math.sin(nu), 0];
  const s = Math.sqrt(mu / p);
  const vf = [-s * Math.sin(nu), s * (e + Math.cos(nu)), 0];
  const cO = Math.cos(c.raanRad);
  const sO = Math.sin(c.raanRad);
  const cw = Math.cos(c.argpRad);
  const sw = Math.sin(c.argpRad);
  const ci = Math.cos(c.incRad);
  const si = Math.sin(c.incRad);
  // Columns P and Q of R3(−Ω) R1(−i) R3(−ω).
  const P = [cO * cw - sO * sw * ci, sO * cw + cO * sw * ci, sw * si];
  const Q = [-cO * sw - sO * cw * ci, -sO * sw + cO * cw * ci, cw * si];
  const out: number[] = [];
  for (let k = 0; k < 3; k++) out.push(pf[0]! * P[k]! + pf[1]! * Q[k]!);
  for (let k = 0; k < 3; k++) out.push(vf[0]! * P[k]! + vf[1]! * Q[k]!);
  return out;
}

/** Time since periapsis at true anomaly ν, s (negative before periapsis). */
export function timeSincePeriapsisS(c: Conic, mu: number): number {
  const { pKm: p, ecc: e, nuRad: nu } = c;
  if (e === 1) {
    const d = Math.tan(nu / 2);
    return 0.5 * Math.sqrt((p * p * p) / mu) * (d + (d * d * d) / 3);
  }
  const a = p / (1 - e * e);
  if (e < 1) {
    const E = 2 * Math.atan(Math.sqrt((1 - e) / (1 + e)) * Math.tan(nu / 2));
    return (E - e * Math.sin(E)) / Math.sqrt(mu / (a * a * a));
  }
  const H = 2 * Math.atanh(Math.sqrt((e - 1) / (e + 1)) * Math.tan(nu / 2));
  return (e * Math.sinh(H) - H) / Math.sqrt(mu / -(a * a * a));
}

/** True anomaly at a time since periapsis, rad (the inverse of {@link timeSincePeriapsisS}). */
export function trueAnomalyAt(c: Omit<Conic, 'nuRad'>, tS: number, mu: number): number {
  const { pKm: p, ecc: e } = c;
  if (e === 1) {
    const b = 2 * tS * Math.sqrt(mu / (p * p * p));
    const w = Math.cbrt(1.5 * b + Math.sqrt(1 + 2.25 * b * b));
    return 2 * Math.atan(w - 1 / w);
  }
  const a = p / (1 - e * e);
  if (e < 1) {
    const n = Math.sqrt(mu / (a * a * a));
    const period = (2 * Math.PI) / n;
    const k = Math.round(tS / period);
    const M = (tS - k * period) * n;
    let E = M + e * Math.sin(M);
    for (let i = 0; i < 50; i++) {
      const dE = (E - e * Math.sin(E) - M) / (1 - e * Math.cos(E));
      E -= dE;
      if (Math.abs(dE) < 1e-16) break;
    }
    return 2 * Math.atan(Math.sqrt((1 + e) / (1 - e)) * Math.tan(E / 2)) + 2 * Math.PI * k;
  }
  const M = tS * Math.sqrt(mu / -(a * a * a));
  let H = Math.asinh(M / e);
  for (let i = 0; i < 100; i++) {
    const dH = (e * Math.sinh(H) - H - M) / (e * Math.cosh(H) - 1);
    H -= dH;
    if (Math.abs(dH) < 1e-16 * Math.max(1, Math.abs(H))) break;
  }
  return 2 * Math.atan(Math.sqrt((e + 1) / (e - 1)) * Math.tanh(H / 2));
}

/** Largest difference between two 6-vectors: [position km, velocity km/s]. */
export function stateDiff(a: ArrayLike<number>, b: ArrayLike<number>): [number, number] {
  const dr = Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
  const dv = Math.hypot(a[3]! - b[3]!, a[4]! - b[4]!, a[5]! - b[5]!);
  return [dr, dv];
}

/** Earth-like conics: periapsis 6,600–60,000 km, any orientation, ν away from asymptotes. */
export const conicArbitrary = (kind: 'ellipse' | 'hyperbola' | 'any'): fc.Arbitrary<Conic> => {
  const ecc =
    kind === 'ellipse'
      ? fc.double({ min: 0, max: 0.95, noNaN: true })
      : kind === 'hyperbola'
        ? fc.double({ min: 1.05, max: 4, noNaN: true })
        : fc.oneof(
            fc.double({ min: 0, max: 0.95, noNaN: true }),
            fc.double({ min: 1.05, max: 4, noNaN: true }),
          );
  return fc
    .record({
      rpKm: fc.double({ min: 6600, max: 60000, noNaN: true }),
      ecc,
      incRad: fc.double({ min: 0, max: Math.PI, noNaN: true }),
      raanRad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      argpRad: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
      nuFraction: fc.double({ min: -0.9, max: 0.9, noNaN: true }),
    })
    .map(({ rpKm, ecc: e, incRad, raanRad, argpRad, nuFraction }) => ({
      pKm: rpKm * (1 + e),
      ecc: e,
      incRad,
      raanRad,
      argpRad,
      // ν within 90 % of its range: (−π, π) for an ellipse, the asymptotes for a hyperbola.
      nuRad: nuFraction * (e < 1 ? Math.PI : Math.acos(-1 / e)),
    }));
};
