/**
 * The χ² distribution: cumulative distribution and quantiles, for consistency tests of
 * estimators (NIS, NEES, post-fit residuals) and for gating measurements.
 *
 * The CDF of χ²(k) at x is the regularized lower incomplete gamma function P(k/2, x/2),
 * evaluated by its power series below a + 1 and by the Lentz continued fraction of the upper
 * function Q above (Press et al., Numerical Recipes, 3rd ed., §6.2; Abramowitz & Stegun
 * 6.5.29 and 6.5.31). Quantiles invert it by Newton steps on a bracket kept by bisection.
 */
import { InvalidArgumentError } from '../errors';

/** Relative accuracy the series and continued fraction aim for. */
const EPS = 1e-15;
/** Iteration cap of the series and the continued fraction (convergence takes < 200 for a ≤ 1e4). */
const MAX_TERMS = 10_000;
/** Smallest number the Lentz algorithm uses in place of 0. */
const TINY = 1e-300;

// Lanczos approximation of ln Γ (g = 7, 9 coefficients; Godfrey's set), accurate to about
// 1e-15 relative for positive arguments.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/**
 * ln Γ(a) for a > 0.
 *
 * @param a - argument, > 0
 * @returns ln Γ(a)
 * @throws {@link InvalidArgumentError} when a is not a positive finite number
 *
 * @example
 * ```ts
 * logGamma(5); // ≈ 3.1780538303479458 (ln 24)
 * ```
 */
export function logGamma(a: number): number {
  if (!(a > 0) || !Number.isFinite(a)) {
    throw new InvalidArgumentError('a', a, '', 'must be a positive finite number');
  }
  if (a < 0.5) {
    // Reflection: Γ(a) Γ(1 − a) = π / sin(πa).
    return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  }
  const z = a - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
 *
 * @param a - shape, > 0
 * @param x - argument, ≥ 0
 * @returns P(a, x) in [0, 1]
 * @throws {@link InvalidArgumentError} when a ≤ 0, x < 0 or either is not finite
 *
 * @example
 * ```ts
 * regularizedGammaP(1, 1); // ≈ 0.6321205588285577 (1 − e⁻¹)
 * ```
 */
export function regularizedGammaP(a: number, x: number): number {
  checkGammaArguments(a, x);
  if (x === 0) return 0;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/**
 * The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), accurate in its
 * own right where Q is tiny.
 *
 * @param a - shape, > 0
 * @param x - argument, ≥ 0
 * @returns Q(a, x) in [0, 1]
 * @throws {@link InvalidArgumentError} when a ≤ 0, x < 0 or either is not finite
 *
 * @example
 * ```ts
 * regularizedGammaQ(1, 40); // ≈ 4.248354255291589e-18 (e⁻⁴⁰)
 * ```
 */
export function regularizedGammaQ(a: number, x: number): number {
  checkGammaArguments(a, x);
  if (x === 0) return 1;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

/**
 * The cumulative distribution function of χ² with `dof` degrees of freedom at x.
 *
 * @param x - the value, ≥ 0 (dimensionless)
 * @param dof - degrees of freedom, > 0 (need not be an integer)
 * @returns Pr(χ² ≤ x)
 * @throws {@link InvalidArgumentError} when x < 0, dof ≤ 0 or either is not finite
 *
 * @example
 * ```ts
 * chiSquareCdf(12.591587243743977, 6); // ≈ 0.95
 * ```
 */
export function chiSquareCdf(x: number, dof: number): number {
  checkDof(dof);
  if (!(x >= 0) || !Number.isFinite(x)) {
    throw new InvalidArgumentError('x', x, '', 'must be a finite number ≥ 0');
  }
  return regularizedGammaP(dof / 2, x / 2);
}

/**
 * The survival function of χ²: Pr(χ² > x), accurate for tiny tail probabilities.
 *
 * @param x - the value, ≥ 0
 * @param dof - degrees of freedom, > 0
 * @returns Pr(χ² > x)
 * @throws {@link InvalidArgumentError} when x < 0, dof ≤ 0 or either is not finite
 *
 * @example
 * ```ts
 * chiSquareSurvival(3.841458820694124, 1); // ≈ 0.05
 * ```
 */
export function chiSquareSurvival(x: number, dof: number): number {
  checkDof(dof);
  if (!(x >= 0) || !Number.isFinite(x)) {
    throw new InvalidArgumentError('x', x, '', 'must be a finite number ≥ 0');
  }
  return regularizedGammaQ(dof / 2, x / 2);
}

/**
 * The quantile of χ² with `dof` degrees of freedom: the x with Pr(χ² ≤ x) = p.
 *
 * @param p - probability, in (0, 1)
 * @param dof - degrees of freedom, > 0
 * @returns x ≥ 0, to about 1e-13 relative
 * @throws {@link InvalidArgumentError} when p is not in (0, 1) or dof ≤ 0
 *
 * @example
 * ```ts
 * chiSquareQuantile(0.95, 2); // ≈ 5.991464547107979
 * ```
 */
export function chiSquareQuantile(p: number, dof: number): number {
  checkDof(dof);
  if (!(p > 0 && p < 1)) {
    throw new InvalidArgumentError('p', p, '', 'must be a probability in (0, 1)');
  }
  const a = dof / 2;
  const logGammaA = logGamma(a);
  // Solve in u = ln(x/2) so that tiny quantiles (P ~ y^a near 0) are found to full relative
  // accuracy: ln P(a, y) = ln p in the lower half, ln Q(a, y) = ln(1 − p) in the upper half,
  // where Q keeps its digits. Newton steps, kept inside a bracket by bisection.
  const lower = p <= 0.5;
  const target = lower ? Math.log(p) : Math.log1p(-p);
  const g = (u: number): number => {
    const y = Math.exp(u);
    return (lower ? Math.log(regularizedGammaP(a, y)) : Math.log(regularizedGammaQ(a, y))) - target;
  };
  // g is increasing in u for the lower half, decreasing for the upper: orient it.
  const sign = lower ? 1 : -1;
  // Start: Wilson–Hilferty where it is positive, else the small-y form P ≈ y^a / Γ(a + 1).
  const z = normalQuantile(p);
  const h = 2 / (9 * dof);
  const wh = dof * (1 - h + z * Math.sqrt(h)) ** 3;
  let u = wh > 0 && p > 0.01 ? Math.log(wh / 2) : (Math.log(p) + logGamma(a + 1)) / a;
  let lo = u - 1;
  while (sign * g(lo) > 0) lo -= Math.max(1, Math.abs(lo));
  let hi = u + 1;
  while (sign * g(hi) < 0) hi += Math.max(1, Math.abs(hi));
  if (!(u > lo && u < hi)) u = 0.5 * (lo + hi);
  for (let i = 0; i < 200; i++) {
    const f = g(u);
    if (f === 0) break;
    if (sign * f < 0) lo = u;
    else hi = u;
    const y = Math.exp(u);
    const logDensity = (a - 1) * Math.log(y) - y - logGammaA;
    const tail = lower ? regularizedGammaP(a, y) : regularizedGammaQ(a, y);
    // d ln P / du = y · density / P;  d ln Q / du = −y · density / Q.
    const slope = (sign * y * Math.exp(logDensity)) / tail;
    let next = u - f / slope;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = 0.5 * (lo + hi);
    const done = Math.abs(next - u) <= 1e-15 * Math.max(1, Math.abs(u));
    u = next;
    if (done || hi - lo <= 1e-15 * Math.max(1, Math.abs(u))) break;
  }
  return 2 * Math.exp(u);
}

/**
 * Quantile of the standard normal distribution (Acklam's rational approximation, relative
 * error below 1.2e-9), used as a starting point.
 */
function normalQuantile(p: number): number {
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
    -3.066479806614716e1, 2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
    -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - pLow) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

function checkDof(dof: number): void {
  if (!(dof > 0) || !Number.isFinite(dof)) {
    throw new InvalidArgumentError(
      'dof',
      dof,
      '',
      'degrees of freedom must be a positive finite number',
    );
  }
}

function checkGammaArguments(a: number, x: number): void {
  if (!(a > 0) || !Number.isFinite(a)) {
    throw new InvalidArgumentError('a', a, '', 'must be a positive finite number');
  }
  if (!(x >= 0) || !Number.isFinite(x)) {
    throw new InvalidArgumentError('x', x, '', 'must be a finite number ≥ 0');
  }
}

/** P(a, x) by its series, for x < a + 1 (A&S 6.5.29). */
function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  let ap = a;
  for (let n = 0; n < MAX_TERMS; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Q(a, x) by its continued fraction (modified Lentz), for x ≥ a + 1 (A&S 6.5.31). */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}
