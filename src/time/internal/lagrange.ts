/**
 * Lagrange interpolation over a window of tabulated points, in the product form
 * ∑ⱼ yⱼ ∏ₖ≠ⱼ (x − xₖ)/(xⱼ − xₖ) (Abramowitz & Stegun 25.2.2). At a node the weights are
 * exactly 1 and 0, so the tabulated value comes back unchanged.
 */

/**
 * Value at `x` of the polynomial through the points `(xs[start + j], ys[start + j])`,
 * j = 0 … count − 1. The abscissae must be distinct. Allocates nothing.
 *
 * @param xs - abscissae (any unit)
 * @param ys - ordinates (any unit)
 * @param start - index of the first point of the window
 * @param count - number of points in the window (≥ 1)
 * @param x - where to evaluate, in the unit of `xs`
 * @returns the interpolated ordinate, in the unit of `ys`
 * @internal
 */
export function lagrangeAt(
  xs: Float64Array,
  ys: Float64Array,
  start: number,
  count: number,
  x: number,
): number {
  let sum = 0;
  const end = start + count;
  for (let j = start; j < end; j++) {
    const xj = xs[j]!;
    let weight = 1;
    for (let k = start; k < end; k++) {
      if (k !== j) {
        const xk = xs[k]!;
        weight *= (x - xk) / (xj - xk);
      }
    }
    sum += weight * ys[j]!;
  }
  return sum;
}
