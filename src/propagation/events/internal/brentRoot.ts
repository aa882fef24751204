/**
 * Brent's method for a root inside a bracket.
 *
 * @packageDocumentation
 */

/**
 * A root of f in [a, b] where f(a) and f(b) have opposite signs (or one is 0), to within
 * `tolX` in x: Brent's combination of bisection, secant and inverse quadratic interpolation
 * (never slower than bisection, superlinear near a simple root).
 *
 * @param f - the function
 * @param a - one end of the bracket
 * @param b - the other end
 * @param fa - f(a)
 * @param fb - f(b)
 * @param tolX - absolute tolerance on x (> 0)
 * @param maxIterations - iteration budget
 * @returns the root estimate (the end of the final bracket with the smaller |f|)
 * @see Brent, Algorithms for Minimization without Derivatives (1973), ch. 4 (zero);
 *   Press et al., Numerical Recipes, 3rd ed. (2007), §9.3
 */
export function brentRoot(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tolX: number,
  maxIterations: number,
): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < maxIterations; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolX;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Secant (two points) or inverse quadratic interpolation (three).
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}
