/** Small fixed-size kernels of the force models (row-major 3×3 matrices). */

/** out = Rᵀ · G · R (3×3 row-major), with a 9-number scratch. */
export function congruenceTransposeInto(
  out: Float64Array,
  r: Float64Array,
  g: Float64Array,
  scratch: Float64Array,
): void {
  // scratch = G · R
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      scratch[3 * i + j] =
        g[3 * i]! * r[j]! + g[3 * i + 1]! * r[3 + j]! + g[3 * i + 2]! * r[6 + j]!;
    }
  }
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      out[3 * i + j] =
        r[i]! * scratch[j]! + r[3 + i]! * scratch[3 + j]! + r[6 + i]! * scratch[6 + j]!;
    }
  }
}

/**
 * Adds μ-point-mass terms: acc += k·d/|d|³ and grad += k·(I/|d|³ − 3 d dᵀ/|d|⁵) for the
 * field of a point at the origin seen at d (k = −μ for the attraction towards the origin).
 */
export function addInverseSquare(
  acc: Float64Array,
  grad: Float64Array | undefined,
  k: number,
  dx: number,
  dy: number,
  dz: number,
): void {
  const d2 = dx * dx + dy * dy + dz * dz;
  const d = Math.sqrt(d2);
  const f = k / (d2 * d);
  acc[0] = acc[0]! + f * dx;
  acc[1] = acc[1]! + f * dy;
  acc[2] = acc[2]! + f * dz;
  if (grad === undefined) return;
  const g = (3 * f) / d2;
  grad[0] = grad[0]! + f - g * dx * dx;
  grad[1] = grad[1]! - g * dx * dy;
  grad[2] = grad[2]! - g * dx * dz;
  grad[3] = grad[3]! - g * dy * dx;
  grad[4] = grad[4]! + f - g * dy * dy;
  grad[5] = grad[5]! - g * dy * dz;
  grad[6] = grad[6]! - g * dz * dx;
  grad[7] = grad[7]! - g * dz * dy;
  grad[8] = grad[8]! + f - g * dz * dz;
}
