/**
 * The RTN (radial, transverse, normal) axes of a state, and the derivative of an RTN vector
 * mapped to inertial axes with respect to the state.
 */

/**
 * Writes Q = [R̂ T̂ N̂] (columns; row-major 3×3) so that u_inertial = Q · u_RTN, with
 * R̂ = r/|r|, N̂ = r × v/|r × v|, T̂ = N̂ × R̂.
 */
export function rtnToInertialInto(out: Float64Array, y: ArrayLike<number>): Float64Array {
  const x = y[0]!;
  const yy = y[1]!;
  const z = y[2]!;
  const r = Math.sqrt(x * x + yy * yy + z * z);
  const rx = x / r;
  const ry = yy / r;
  const rz = z / r;
  let nx = yy * y[5]! - z * y[4]!;
  let ny = z * y[3]! - x * y[5]!;
  let nz = x * y[4]! - yy * y[3]!;
  const h = Math.sqrt(nx * nx + ny * ny + nz * nz);
  nx /= h;
  ny /= h;
  nz /= h;
  out[0] = rx;
  out[3] = ry;
  out[6] = rz;
  out[1] = ny * rz - nz * ry;
  out[4] = nz * rx - nx * rz;
  out[7] = nx * ry - ny * rx;
  out[2] = nx;
  out[5] = ny;
  out[8] = nz;
  return out;
}

/**
 * ∂(Q(y) u)/∂y for a fixed RTN vector u: a 3×6 matrix (row-major, ∂w_i/∂y_j at 6i + j), by
 * central differences with steps 1e-6 of |r| and |v| (truncation error ~1e-12 relative).
 */
export function rtnJacobianInto(
  out: Float64Array,
  y: ArrayLike<number>,
  u: ArrayLike<number>,
  scratchY: Float64Array,
  scratchQ: Float64Array,
): Float64Array {
  const rn = Math.hypot(y[0]!, y[1]!, y[2]!);
  const vn = Math.hypot(y[3]!, y[4]!, y[5]!);
  for (let j = 0; j < 6; j++) {
    const h = 1e-6 * (j < 3 ? rn : vn);
    for (let k = 0; k < 6; k++) scratchY[k] = y[k]!;
    scratchY[j] = y[j]! + h;
    rtnToInertialInto(scratchQ, scratchY);
    for (let i = 0; i < 3; i++) {
      out[6 * i + j] =
        scratchQ[3 * i]! * u[0]! + scratchQ[3 * i + 1]! * u[1]! + scratchQ[3 * i + 2]! * u[2]!;
    }
    scratchY[j] = y[j]! - h;
    rtnToInertialInto(scratchQ, scratchY);
    for (let i = 0; i < 3; i++) {
      const minus =
        scratchQ[3 * i]! * u[0]! + scratchQ[3 * i + 1]! * u[1]! + scratchQ[3 * i + 2]! * u[2]!;
      out[6 * i + j] = (out[6 * i + j]! - minus) / (2 * h);
    }
  }
  return out;
}
