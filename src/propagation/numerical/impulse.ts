/**
 * Crossing an impulsive maneuver, forward (v⁺ = v⁻ + Q Δv) or backward (v⁻ from v⁺, solved in
 * closed form for a Δv in RTN axes), with the state transition matrix and the parameter
 * sensitivities carried through the impulse map or its inverse.
 *
 * @packageDocumentation
 */
import { invertGeneralInto } from '../../math';
import { rtnJacobianInto, rtnToInertialInto } from '../forces/internal/rtn';
import { SENSITIVITY_OFFSET, STM_OFFSET } from './equationsOfMotion';

const IDENTITY = [1, 0, 0, 0, 1, 0, 0, 0, 1] as const;

/** One impulse as the propagator applies it. */
export interface Impulse {
  /** Δv, km/s, in RTN (radial, transverse, normal of the pre-impulse state) or GCRF axes. */
  readonly dv: Float64Array;
  /** Whether `dv` is in RTN axes. */
  readonly rtn: boolean;
  /** Sensitivity column of each Δv component (−1 when its sensitivity is not integrated). */
  readonly columns: Int32Array;
}

/**
 * Writes into `y[3..5]` the velocity before an RTN impulse from the velocity after it, and
 * returns the transverse speed before it, |r × v⁻| / |r| (km/s), or NaN when no state before
 * the impulse gives this one without reversing the sense of motion.
 *
 * The forward map is v⁺ = v⁻ + Q(r, v⁻) Δv with Q = [R̂ T̂ N̂], R̂ = r/|r|,
 * N̂ = r × v⁻/|r × v⁻|, T̂ = N̂ × R̂, and Δv = (ΔR, ΔT, ΔN). The axes belong to the state before,
 * which is what is sought; they are recovered exactly from the state after:
 *
 * - R̂ depends on r only, and r does not jump.
 * - Before the impulse v⁻ = v_r R̂ + v_t T̂ with v_t = |r × v⁻|/|r| > 0 (no N̂ part, by the
 *   definition of N̂). So v⁺ = (v_r + ΔR) R̂ + a T̂ + b N̂ with a = v_t + ΔT and b = ΔN.
 * - The part of v⁺ normal to R̂ is w = v⁺ − (v⁺·R̂) R̂ = a T̂ + b N̂, and
 *   u = R̂ × w = r × v⁺/|r| = a N̂ − b T̂ (this is r × v⁺ = r × v⁻ + r × QΔv divided by |r|).
 * - |w|² = a² + b², so a = ±√(|w|² − b²). Eliminating between w and u:
 *   T̂ = (a w − b u)/|w|² and N̂ = (b w + a u)/|w|².
 * - Then v⁻ = v⁺ − ΔR R̂ − ΔT T̂ − ΔN N̂.
 *
 * The sign of a: a = h⁺·N̂/|r| where h⁺ = r × v⁺, so a > 0 means the impulse keeps the
 * angular momentum's sense (h⁻·h⁺ > 0). With a < 0 a second pre-image exists (a state moving
 * the other way that the impulse turns round, needing ΔT < −v_t), and it cannot be told apart
 * from the state after the impulse alone: the positive root is taken, the only one with
 * h⁻·h⁺ > 0, and the answer is unique under that assumption. No pre-image exists, and NaN is
 * returned, when |w| ≤ |ΔN| or v_t = a − ΔT ≤ 0.
 *
 * No iteration: the result is exact up to rounding (forward map of the result within a few
 * ulps of v⁺).
 *
 * @param y - [x, y, z, vx, vy, vz] (km, km/s) after the impulse; velocity overwritten
 * @param dv - (ΔR, ΔT, ΔN), km/s
 * @returns v_t before the impulse, km/s, or NaN
 */
export function removeRtnImpulseInto(y: Float64Array, dv: ArrayLike<number>): number {
  const rn = Math.hypot(y[0]!, y[1]!, y[2]!);
  const rx = y[0]! / rn;
  const ry = y[1]! / rn;
  const rz = y[2]! / rn;
  const vx = y[3]!;
  const vy = y[4]!;
  const vz = y[5]!;
  const vr = vx * rx + vy * ry + vz * rz;
  const wx = vx - vr * rx;
  const wy = vy - vr * ry;
  const wz = vz - vr * rz;
  const ux = ry * wz - rz * wy;
  const uy = rz * wx - rx * wz;
  const uz = rx * wy - ry * wx;
  const w2 = wx * wx + wy * wy + wz * wz;
  const dR = dv[0]!;
  const dT = dv[1]!;
  const b = dv[2]!;
  const d = w2 - b * b;
  if (!(d > 0)) return Number.NaN;
  const a = Math.sqrt(d);
  const vt = a - dT;
  if (!(vt > 0)) return Number.NaN;
  const tx = (a * wx - b * ux) / w2;
  const ty = (a * wy - b * uy) / w2;
  const tz = (a * wz - b * uz) / w2;
  const nx = (b * wx + a * ux) / w2;
  const ny = (b * wy + a * uy) / w2;
  const nz = (b * wz + a * uz) / w2;
  y[3] = vx - dR * rx - dT * tx - b * nx;
  y[4] = vy - dR * ry - dT * ty - b * ny;
  y[5] = vz - dR * rz - dT * tz - b * nz;
  return vt;
}

/**
 * Applies impulses to the augmented state [r, v, Φ, S] (Φ 6×6 at {@link STM_OFFSET}, S 6×np at
 * {@link SENSITIVITY_OFFSET}), forward or backward. Holds its scratch arrays: one per run.
 *
 * Forward, the impulse map is F(y, p) = (r, v + Q(y) Δv), with Jacobian
 * J = [[I, 0], [D_r, I + D_v]], D = ∂(Q Δv)/∂y at the state before (3×6, central differences
 * of the RTN axes; D = 0 in GCRF), and ∂F/∂Δv = [0; Q]. So Φ⁺ = J Φ⁻ and S⁺ = J S⁻ + [0; Q] in
 * the Δv columns.
 *
 * Backward, y⁻ = G(y⁺, p) with F(G(y⁺, p), p) = y⁺; differentiating,
 * ∂G/∂y⁺ = J⁻¹ and ∂G/∂p = −J⁻¹ ∂F/∂p, with J evaluated at y⁻. So Φ⁻ = J⁻¹ Φ⁺ and
 * S⁻ = J⁻¹ (S⁺ − [0; Q] in the Δv columns), where for any 6-row block M = [M_r; M_v],
 * J⁻¹ M = [M_r; (I + D_v)⁻¹ (M_v − D_r M_r)].
 */
export class ImpulseMap {
  private readonly variational: boolean;
  private readonly np: number;
  private readonly q = new Float64Array(9);
  private readonly jac = new Float64Array(18);
  private readonly scratchY = new Float64Array(6);
  private readonly scratchQ = new Float64Array(9);
  private readonly pre = new Float64Array(6);
  private readonly a = new Float64Array(9);
  private readonly aInv = new Float64Array(9);

  /**
   * @param variational - whether y carries Φ and S
   * @param np - number of sensitivity columns
   */
  constructor(variational: boolean, np: number) {
    this.variational = variational;
    this.np = variational ? np : 0;
  }

  /**
   * v⁺ = v⁻ + Q Δv, Φ⁺ = J Φ⁻, S⁺ = J S⁻ + [0; Q].
   *
   * @param y - augmented state before the impulse, overwritten by the state after
   * @param impulse - the impulse
   */
  applyForward(y: Float64Array, impulse: Impulse): void {
    const q = this.q;
    if (impulse.rtn) rtnToInertialInto(q, y);
    else q.set(IDENTITY);
    if (this.variational && impulse.rtn) {
      rtnJacobianInto(this.jac, y, impulse.dv, this.scratchY, this.scratchQ);
      addJacobianTimes(y, STM_OFFSET, 6, this.jac);
      if (this.np > 0) addJacobianTimes(y, SENSITIVITY_OFFSET, this.np, this.jac);
    }
    const dv = impulse.dv;
    for (let i = 0; i < 3; i++) {
      y[3 + i] = y[3 + i]! + q[3 * i]! * dv[0]! + q[3 * i + 1]! * dv[1]! + q[3 * i + 2]! * dv[2]!;
    }
    this.#addQToColumns(y, impulse, 1);
  }

  /**
   * v⁻ from v⁺ ({@link removeRtnImpulseInto} for RTN, v⁺ − Δv in GCRF), Φ⁻ = J⁻¹ Φ⁺,
   * S⁻ = J⁻¹ (S⁺ − [0; Q]).
   *
   * @param y - augmented state after the impulse, overwritten by the state before
   * @param impulse - the impulse
   * @returns true, or false (y untouched) when no state before the impulse exists
   *   ({@link removeRtnImpulseInto} returned NaN) or I + D_v is singular
   */
  applyBackward(y: Float64Array, impulse: Impulse): boolean {
    const q = this.q;
    const dv = impulse.dv;
    if (!impulse.rtn) {
      q.set(IDENTITY);
      for (let i = 0; i < 3; i++) y[3 + i] = y[3 + i]! - dv[i]!;
      this.#addQToColumns(y, impulse, -1);
      return true;
    }
    const pre = this.pre;
    for (let i = 0; i < 6; i++) pre[i] = y[i]!;
    if (Number.isNaN(removeRtnImpulseInto(pre, dv))) return false;
    if (this.variational) {
      rtnJacobianInto(this.jac, pre, dv, this.scratchY, this.scratchQ);
      const a = this.a;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) a[3 * i + j] = (i === j ? 1 : 0) + this.jac[6 * i + 3 + j]!;
      }
      if (!invertGeneralInto(this.aInv, a, 3)) return false;
      rtnToInertialInto(q, pre);
      y[3] = pre[3]!;
      y[4] = pre[4]!;
      y[5] = pre[5]!;
      this.#addQToColumns(y, impulse, -1);
      applyInverseJacobian(y, STM_OFFSET, 6, this.jac, this.aInv);
      if (this.np > 0) applyInverseJacobian(y, SENSITIVITY_OFFSET, this.np, this.jac, this.aInv);
      return true;
    }
    y[3] = pre[3]!;
    y[4] = pre[4]!;
    y[5] = pre[5]!;
    return true;
  }

  /** Adds sign · Q to the velocity rows of the sensitivity columns of the Δv components. */
  #addQToColumns(y: Float64Array, impulse: Impulse, sign: 1 | -1): void {
    if (!this.variational) return;
    const np = this.np;
    const q = this.q;
    for (let c = 0; c < 3; c++) {
      const k = impulse.columns[c]!;
      if (k < 0) continue;
      for (let i = 0; i < 3; i++) {
        const idx = SENSITIVITY_OFFSET + np * (3 + i) + k;
        y[idx] = y[idx]! + sign * q[3 * i + c]!;
      }
    }
  }
}

/** M_v += D M for the 6×cols block M at `offset` (D 3×6 row-major). */
function addJacobianTimes(y: Float64Array, offset: number, cols: number, d: Float64Array): void {
  for (let j = 0; j < cols; j++) {
    const m0 = y[offset + j]!;
    const m1 = y[offset + cols + j]!;
    const m2 = y[offset + 2 * cols + j]!;
    const m3 = y[offset + 3 * cols + j]!;
    const m4 = y[offset + 4 * cols + j]!;
    const m5 = y[offset + 5 * cols + j]!;
    for (let i = 0; i < 3; i++) {
      const r = 6 * i;
      const add =
        d[r]! * m0 +
        d[r + 1]! * m1 +
        d[r + 2]! * m2 +
        d[r + 3]! * m3 +
        d[r + 4]! * m4 +
        d[r + 5]! * m5;
      const idx = offset + (3 + i) * cols + j;
      y[idx] = y[idx]! + add;
    }
  }
}

/** M_v ← (I + D_v)⁻¹ (M_v − D_r M_r) for the 6×cols block M at `offset`. */
function applyInverseJacobian(
  y: Float64Array,
  offset: number,
  cols: number,
  d: Float64Array,
  aInv: Float64Array,
): void {
  for (let j = 0; j < cols; j++) {
    const m0 = y[offset + j]!;
    const m1 = y[offset + cols + j]!;
    const m2 = y[offset + 2 * cols + j]!;
    const e0 = y[offset + 3 * cols + j]! - (d[0]! * m0 + d[1]! * m1 + d[2]! * m2);
    const e1 = y[offset + 4 * cols + j]! - (d[6]! * m0 + d[7]! * m1 + d[8]! * m2);
    const e2 = y[offset + 5 * cols + j]! - (d[12]! * m0 + d[13]! * m1 + d[14]! * m2);
    for (let i = 0; i < 3; i++) {
      y[offset + (3 + i) * cols + j] =
        aInv[3 * i]! * e0 + aInv[3 * i + 1]! * e1 + aInv[3 * i + 2]! * e2;
    }
  }
}
