/**
 * Two-body propagation of any conic with the universal anomaly χ (the raw kernel).
 *
 * @packageDocumentation
 */

/**
 * How {@link keplerPropagateInto} ended: `'ok'` (the output holds the state at t0 + Δt),
 * `'not-converged'` (the universal Kepler equation was not solved to machine precision in
 * the iteration budget), `'non-finite'` (the state overflows, e.g. a hyperbola followed for
 * an absurdly long time) or `'invalid-input'` (a non-finite component or Δt, μ ≤ 0, or the
 * position at the origin). Only `'ok'` leaves a meaningful state in the output.
 */
export type KeplerStatus = 'ok' | 'not-converged' | 'non-finite' | 'invalid-input';

/** Iteration budget of the Laguerre–Conway solver (it needs 2 to 6 in practice). */
const MAX_ITERATIONS = 60;
/** Relative step of χ below which the solver stops: a few units in the last place. */
const CHI_RELATIVE_TOL = 4e-16;
/** Order of the Laguerre step (Conway 1986 uses n = 5). */
const LAGUERRE_N = 5;

/**
 * Writes the Stumpff functions c2(z) = (1 − cos √z)/z and c3(z) = (√z − sin √z)/z^{3/2}
 * (continued to z < 0 with cosh, sinh) into `out[0]`, `out[1]`.
 *
 * Small |z| by their series (no cancellation); c2 by the half-angle form 2 sin²(√z/2)/z
 * elsewhere, which has no cancellation either.
 */
function stumpffInto(out: Float64Array, z: number): void {
  if (Math.abs(z) < 0.5) {
    // c2 = Σ (−z)^k / (2k+2)!, c3 = Σ (−z)^k / (2k+3)!; 12 terms reach 0.5^12/26! ≪ ε.
    let term2 = 0.5;
    let term3 = 1 / 6;
    let c2 = term2;
    let c3 = term3;
    for (let k = 1; k < 12; k++) {
      term2 *= -z / ((2 * k + 1) * (2 * k + 2));
      term3 *= -z / ((2 * k + 2) * (2 * k + 3));
      c2 += term2;
      c3 += term3;
    }
    out[0] = c2;
    out[1] = c3;
  } else if (z > 0) {
    const s = Math.sqrt(z);
    const h = Math.sin(0.5 * s);
    out[0] = (2 * h * h) / z;
    out[1] = (s - Math.sin(s)) / (z * s);
  } else {
    const s = Math.sqrt(-z);
    const h = Math.sinh(0.5 * s);
    out[0] = (2 * h * h) / -z;
    out[1] = (Math.sinh(s) - s) / (-z * s);
  }
}

/**
 * Propagates a position and velocity on a two-body orbit of any kind (ellipse, parabola,
 * hyperbola, rectilinear) by Δt, forward or backward, with the universal anomaly χ.
 *
 * The universal Kepler equation √μ Δt = σ₀ χ² c2(z) + (1 − α r₀) χ³ c3(z) + r₀ χ, with
 * z = α χ², α = 2/r₀ − v₀²/μ and σ₀ = r₀·v₀/√μ, is solved by Laguerre's method (Conway 1986)
 * inside a bracket that shrinks at every step (its left side increases monotonically, its
 * derivative being r > 0), with bisection when a step leaves the bracket. Ellipses are first
 * brought back to within half a period of the start (the state after whole revolutions is
 * the same), so that many revolutions cost no accuracy. The Lagrange coefficients are then
 * formed from the universal functions U1, U2 (Battin 1999, §4.5), which avoids the
 * cancellation of g = Δt − χ³c3/√μ.
 *
 * Never throws: numerical trouble comes back as the status, and only `'ok'` leaves a valid
 * state in `out`. Allocates one small scratch array per call.
 *
 * @param out - receives [x, y, z, vx, vy, vz] at t0 + Δt, km and km/s (length ≥ 6); may be
 *   the same array as `rv0`
 * @param rv0 - [x, y, z, vx, vy, vz] at t0, km and km/s, in an inertial frame
 * @param dtS - Δt, s (negative to go back in time)
 * @param muKm3S2 - gravitational parameter μ, km³/s²
 * @returns `'ok'`, or the reason why `out` holds no valid state
 * @see Vallado (2013), Algorithm 8 (KEPLER) and Example 2-4; Curtis (2013), §3.7;
 *   Conway, "An improved algorithm due to Laguerre for the solution of Kepler's equation",
 *   Celestial Mechanics 39 (1986) 199–211; Battin (1999), §4.5 (universal functions)
 * @example
 * ```ts
 * // Vallado Example 2-4: 40 minutes on an elliptic LEO orbit
 * const out = new Float64Array(6);
 * const rv0 = [1131.34, -2282.343, 6672.423, -5.64305, 4.30333, 2.42879];
 * const status = keplerPropagateInto(out, rv0, 2400, 398600.4418); // 'ok'
 * out[0]; // ≈ -4219.7527
 * ```
 */
export function keplerPropagateInto(
  out: Float64Array,
  rv0: ArrayLike<number>,
  dtS: number,
  muKm3S2: number,
): KeplerStatus {
  const x0 = rv0[0]!;
  const y0 = rv0[1]!;
  const z0 = rv0[2]!;
  const vx0 = rv0[3]!;
  const vy0 = rv0[4]!;
  const vz0 = rv0[5]!;
  if (
    !Number.isFinite(x0 + y0 + z0 + vx0 + vy0 + vz0) ||
    !Number.isFinite(dtS) ||
    !(muKm3S2 > 0 && Number.isFinite(muKm3S2))
  ) {
    return 'invalid-input';
  }
  const r0 = Math.sqrt(x0 * x0 + y0 * y0 + z0 * z0);
  if (!(r0 > 0)) return 'invalid-input';
  if (dtS === 0) {
    out[0] = x0;
    out[1] = y0;
    out[2] = z0;
    out[3] = vx0;
    out[4] = vy0;
    out[5] = vz0;
    return 'ok';
  }
  const sqrtMu = Math.sqrt(muKm3S2);
  const v0Sq = vx0 * vx0 + vy0 * vy0 + vz0 * vz0;
  const alpha = 2 / r0 - v0Sq / muKm3S2; // 1/a, km⁻¹
  const sigma0 = (x0 * vx0 + y0 * vy0 + z0 * vz0) / sqrtMu;
  const oneMinusAlphaR0 = 1 - alpha * r0;

  let dt = dtS;
  if (alpha > 0) {
    // Whole revolutions change nothing: keep |Δt| ≤ P/2 (fmod-like reduction, exact in IEEE).
    const periodS = (2 * Math.PI) / (sqrtMu * alpha * Math.sqrt(alpha));
    if (Math.abs(dt) > 0.5 * periodS) dt -= periodS * Math.round(dt / periodS);
    if (dt === 0) {
      out[0] = x0;
      out[1] = y0;
      out[2] = z0;
      out[3] = vx0;
      out[4] = vy0;
      out[5] = vz0;
      return 'ok';
    }
  }
  const target = sqrtMu * dt; // km^{1/2}·km
  if (!Number.isFinite(target)) return 'non-finite';

  // Initial guess (Vallado, Algorithm 8): ellipse χ ≈ √μ Δt α; hyperbola from the
  // logarithmic asymptote; otherwise (near-parabolic) the smaller of the linear and cubic
  // estimates of the equation's growth.
  let chi: number;
  if (alpha * r0 > 1e-6) {
    chi = target * alpha;
  } else if (alpha * r0 < -1e-6) {
    const a = 1 / alpha;
    const sgn = Math.sign(dt);
    chi =
      sgn *
      Math.sqrt(-a) *
      Math.log(
        (-2 * muKm3S2 * alpha * dt) /
          (sigma0 * sqrtMu + sgn * Math.sqrt(-muKm3S2 * a) * oneMinusAlphaR0),
      );
  } else {
    chi = Math.sign(dt) * Math.min(Math.abs(target) / r0, Math.cbrt(6 * Math.abs(target)));
  }
  if (!Number.isFinite(chi) || Math.sign(chi) !== Math.sign(dt)) chi = target / r0;

  // F(χ) is increasing (F′ = r > 0) and F(0) = −√μ Δt, so the root is on the side of Δt.
  let lo = dt > 0 ? 0 : Number.NEGATIVE_INFINITY;
  let hi = dt > 0 ? Number.POSITIVE_INFINITY : 0;
  const c = new Float64Array(2);
  let converged = false;
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    const chiSq = chi * chi;
    const z = alpha * chiSq;
    stumpffInto(c, z);
    const c2 = c[0]!;
    const c3 = c[1]!;
    const u1 = chi * (1 - z * c3);
    const u2 = chiSq * c2;
    const u3 = chiSq * chi * c3;
    const f = sigma0 * u2 + oneMinusAlphaR0 * u3 + r0 * chi - target;
    const fp = sigma0 * u1 + oneMinusAlphaR0 * u2 + r0; // = r
    const fpp = sigma0 * (1 - z * c2) + oneMinusAlphaR0 * u1;
    if (!Number.isFinite(f) || !Number.isFinite(fp)) {
      // Overflow (hyperbola, χ far too large): the root is closer to 0 than χ.
      if (chi > 0) hi = Math.min(hi, chi);
      else lo = Math.max(lo, chi);
      chi = Number.isFinite(lo) && Number.isFinite(hi) ? 0.5 * (lo + hi) : 0.5 * chi;
      continue;
    }
    if (f === 0) {
      converged = true;
      break;
    }
    if (f < 0) lo = Math.max(lo, chi);
    else hi = Math.min(hi, chi);
    const disc = Math.abs(
      (LAGUERRE_N - 1) * (LAGUERRE_N - 1) * fp * fp - LAGUERRE_N * (LAGUERRE_N - 1) * f * fpp,
    );
    const delta = (LAGUERRE_N * f) / (fp + Math.sign(fp) * Math.sqrt(disc));
    let next = chi - delta;
    if (!(next > lo && next < hi)) {
      // Outside the bracket: bisect it when it is closed; a Newton step otherwise (it moves
      // towards the root from either side, so it stays inside the half-open bracket).
      next = Number.isFinite(lo) && Number.isFinite(hi) ? 0.5 * (lo + hi) : chi - f / fp;
    }
    const step = Math.abs(next - chi);
    chi = next;
    if (step <= CHI_RELATIVE_TOL * Math.abs(chi) || hi - lo <= CHI_RELATIVE_TOL * Math.abs(chi)) {
      converged = true;
      break;
    }
  }
  if (!converged) return 'not-converged';

  const chiSq = chi * chi;
  const z = alpha * chiSq;
  stumpffInto(c, z);
  const c2 = c[0]!;
  const c3 = c[1]!;
  const u1 = chi * (1 - z * c3);
  const u2 = chiSq * c2;
  const r = sigma0 * u1 + oneMinusAlphaR0 * u2 + r0;
  const f = 1 - u2 / r0;
  const g = (r0 * u1 + sigma0 * u2) / sqrtMu;
  const fDot = (-sqrtMu * u1) / (r * r0);
  const gDot = 1 - u2 / r;
  const x = f * x0 + g * vx0;
  const y = f * y0 + g * vy0;
  const zz = f * z0 + g * vz0;
  const vx = fDot * x0 + gDot * vx0;
  const vy = fDot * y0 + gDot * vy0;
  const vz = fDot * z0 + gDot * vz0;
  if (!Number.isFinite(x + y + zz + vx + vy + vz)) return 'non-finite';
  out[0] = x;
  out[1] = y;
  out[2] = zz;
  out[3] = vx;
  out[4] = vy;
  out[5] = vz;
  return 'ok';
}
