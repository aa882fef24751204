/**
 * Weights of the 8-point Lagrange polynomial on equally spaced nodes 0…7, at abscissa x (in
 * node spacings): the interpolant is Σ wᵢ fᵢ.
 */

/** 1 / Π_{j≠i} (i − j) for i = 0…7. */
const DENOMINATORS = (() => {
  const d = new Float64Array(8);
  for (let i = 0; i < 8; i++) {
    let p = 1;
    for (let j = 0; j < 8; j++) if (j !== i) p *= i - j;
    d[i] = 1 / p;
  }
  return d;
})();

/**
 * Writes the 8 weights at x into `out`. Exact at the nodes.
 *
 * @param out - 8 numbers
 * @param x - abscissa, in node spacings from node 0 (best in [3, 4])
 */
export function lagrange8WeightsInto(out: Float64Array, x: number): void {
  // Π (x − j) over all j, divided by (x − i), without dividing by zero at a node.
  for (let i = 0; i < 8; i++) {
    let p = DENOMINATORS[i]!;
    for (let j = 0; j < 8; j++) if (j !== i) p *= x - j;
    out[i] = p;
  }
}
