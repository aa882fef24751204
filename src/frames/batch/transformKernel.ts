/**
 * The per-state kernel of the interpolated transforms: the frame tree as they compose it, the
 * edge rotations (and rates) from a few numbers per state, and their composition into R and Ṙ
 * or their direct application to a position and velocity.
 *
 * @internal
 */
import type { FrameId } from '../frameId';
import { evaluateInto, type FixedGridInterpolator } from './fixedGridInterpolator';

// ---------------------------------------------------------------------------------------------
// The tree. Every frame hangs from GCRF through at most one slow (celestial) edge and up to two
// fast (Earth rotation, polar motion) edges:
//   GCRF → CIRS (X, Y, s) → TIRS (ERA) → ITRF (W with s′)            [CIO chain]
//   GCRF → TEME (interpolated matrix) → PEF (GMST82) → ITRF (W)      [FK5 chain]
//   GCRF → EME2000, MOD, TOD, MOD_IAU2006, TOD_IAU2006 (interpolated matrices)
// PEF = R3(GMST82) · TEME equals the exact tree's R3(GAST82) · TOD, as GAST82 = GMST82 + Eq and
// TEME = R3(Eq) · TOD with the same Eq.

/** Edge kinds: GCRS → CIRS from X, Y, s. */
export const EDGE_CIO = 0;
/** GCRF → a celestial frame, as an interpolated matrix. */
export const EDGE_MATRIX = 1;
/** CIRS → TIRS: R3(ERA). */
export const EDGE_ERA = 2;
/** TEME → PEF: R3(GMST82). */
export const EDGE_GMST = 3;
/** TIRS or PEF → ITRF: polar motion W. */
export const EDGE_POLAR = 4;

/** One step of a path. */
export interface Edge {
  /** One of the EDGE_* kinds. */
  readonly kind: number;
  /** The child frame of the edge. */
  readonly frame: FrameId;
  /** First interpolated quantity of a slow edge (-1 for the others). */
  readonly slot: number;
  /** Walked from child to parent (applied as its transpose). */
  readonly inverse: boolean;
}

/** The parent of a frame in this module's tree. */
export function parentOf(frame: FrameId, chain: 'CIO' | 'FK5'): FrameId | undefined {
  switch (frame) {
    case 'GCRF':
      return undefined;
    case 'TIRS':
      return 'CIRS';
    case 'ITRF':
      return chain === 'CIO' ? 'TIRS' : 'PEF';
    case 'PEF':
      return 'TEME';
    default:
      return 'GCRF';
  }
}

/** The kind of the edge parent → frame. */
export function edgeKindOf(frame: FrameId): number {
  switch (frame) {
    case 'CIRS':
      return EDGE_CIO;
    case 'TIRS':
      return EDGE_ERA;
    case 'PEF':
      return EDGE_GMST;
    case 'ITRF':
      return EDGE_POLAR;
    default:
      return EDGE_MATRIX;
  }
}

/** Frames from `frame` up to (not including) GCRF. */
export function pathToRoot(frame: FrameId, chain: 'CIO' | 'FK5'): FrameId[] {
  const path: FrameId[] = [];
  for (let f: FrameId | undefined = frame; f !== undefined && f !== 'GCRF'; ) {
    path.push(f);
    f = parentOf(f, chain);
  }
  return path;
}

// ---------------------------------------------------------------------------------------------
// Per-state parameters, in one Float64Array.

/** TT seconds since J2000. */
export const P_TT_S = 0;
/** Earth rotation angle, rad. */
export const P_ERA_RAD = 1;
/** Its rate, rad/s. */
export const P_ERA_RATE_RAD_S = 2;
/** GMST82, rad. */
export const P_GMST_RAD = 3;
/** Its rate, rad/s. */
export const P_GMST_RATE_RAD_S = 4;
/** Pole coordinate x_p, rad. */
export const P_XP_RAD = 5;
/** Pole coordinate y_p, rad. */
export const P_YP_RAD = 6;
/** TIO locator s′, rad (0 on the FK5 chain). */
export const P_SP_RAD = 7;
/** Celestial pole offset dX, rad (0 when not applied). */
export const P_DX_RAD = 8;
/** Celestial pole offset dY, rad. */
export const P_DY_RAD = 9;
/** Numbers of the parameter array. */
export const P_LENGTH = 10;

/** Below this angle sin and cos come from their Taylor series (exact to rounding), rad. */
const SMALL_ANGLE_RAD = 1e-4;

/** sin x: for |x| < 1e-4 the series x − x³/6 + x⁵/120 (next term < 2e-32), else Math.sin. */
function sinSmall(x: number): number {
  if (!(Math.abs(x) < SMALL_ANGLE_RAD)) return Math.sin(x);
  const x2 = x * x;
  return x * (1 - (x2 / 6) * (1 - x2 / 20));
}

/** cos x: for |x| < 1e-4 the series 1 − x²/2 + x⁴/24 (next term < 2e-27), else Math.cos. */
function cosSmall(x: number): number {
  if (!(Math.abs(x) < SMALL_ANGLE_RAD)) return Math.cos(x);
  const x2 = x * x;
  return 1 - (x2 / 2) * (1 - x2 / 12);
}

/** Numbers per edge in the kernel's store: E then Ė, row-major. */
const EDGE_STRIDE = 18;

/**
 * Scratch and arithmetic of one transform path: fill {@link TransformKernel.params}, call
 * {@link TransformKernel.prepare}, then read R and Ṙ with {@link TransformKernel.compose} or
 * apply them to a state with {@link TransformKernel.applyInto}. One kernel per call of `at` or
 * per batch; it allocates nothing per state.
 */
export class TransformKernel {
  /** Per-state parameters (P_*). */
  readonly params = new Float64Array(P_LENGTH);
  /** R after {@link compose}, row-major. */
  readonly r = new Float64Array(9);
  /** Ṙ after {@link compose}, row-major, 1/s. */
  readonly rDot = new Float64Array(9);
  private readonly kinds: Int32Array;
  private readonly slots: Int32Array;
  private readonly inverse: Uint8Array;
  /** 1 where the edge's Ė is zero (polar motion; slow edges under 'earthRotation'). */
  private readonly rateFree: Uint8Array;
  private readonly m: Float64Array;
  private readonly interpolator: FixedGridInterpolator | undefined;
  private readonly fullVelocity: boolean;
  /** Interpolated values and rates, [value, rate per s] per quantity. */
  private readonly slow: Float64Array;
  private readonly tmp = new Float64Array(18);
  private lastInterval = Number.NaN;
  private coefficients: Float64Array = new Float64Array(0);

  constructor(
    edges: readonly Edge[],
    interpolator: FixedGridInterpolator | undefined,
    fullVelocity: boolean,
  ) {
    const n = edges.length;
    this.kinds = Int32Array.from(edges, (e) => e.kind);
    this.slots = Int32Array.from(edges, (e) => e.slot);
    this.inverse = Uint8Array.from(edges, (e) => (e.inverse ? 1 : 0));
    this.rateFree = Uint8Array.from(edges, (e) =>
      e.kind === EDGE_POLAR || (!fullVelocity && (e.kind === EDGE_CIO || e.kind === EDGE_MATRIX))
        ? 1
        : 0,
    );
    this.m = new Float64Array(EDGE_STRIDE * n);
    this.interpolator = interpolator;
    this.fullVelocity = fullVelocity;
    this.slow = new Float64Array(2 * (interpolator?.count ?? 0));
  }

  /** Computes every edge's E and Ė from the parameters. */
  prepare(): void {
    if (this.interpolator !== undefined) this.interpolate(this.interpolator);
    const kinds = this.kinds;
    const p = this.params;
    for (let i = 0; i < kinds.length; i++) {
      const b = EDGE_STRIDE * i;
      switch (kinds[i]) {
        case EDGE_CIO:
          this.cioInto(b, this.slots[i]!);
          break;
        case EDGE_MATRIX:
          this.matrixInto(b, this.slots[i]!);
          break;
        case EDGE_ERA:
          this.rotation3Into(b, p[P_ERA_RAD]!, p[P_ERA_RATE_RAD_S]!);
          break;
        case EDGE_GMST:
          this.rotation3Into(b, p[P_GMST_RAD]!, p[P_GMST_RATE_RAD_S]!);
          break;
        default:
          this.polarMotionInto(b, p[P_XP_RAD]!, p[P_YP_RAD]!, p[P_SP_RAD]!);
      }
    }
  }

  /** R and Ṙ of the whole path into {@link r} and {@link rDot} (after {@link prepare}). */
  compose(): void {
    for (let i = 0; i < this.kinds.length; i++) {
      const kind = this.kinds[i];
      if (kind === EDGE_ERA || kind === EDGE_GMST) this.expandRotation3(EDGE_STRIDE * i);
    }
    const r = this.r;
    const rd = this.rDot;
    r.fill(0);
    r[0] = 1;
    r[4] = 1;
    r[8] = 1;
    rd.fill(0);
    const m = this.m;
    const t = this.tmp;
    for (let i = 0; i < this.kinds.length; i++) {
      const b = EDGE_STRIDE * i;
      const inv = this.inverse[i] === 1;
      // (R, Ṙ) ← (E′R, E′Ṙ + Ė′R), E′ = E or Eᵀ; d(Eᵀ)/dt = Ėᵀ.
      for (let row = 0; row < 3; row++) {
        const e0 = inv ? m[b + row]! : m[b + 3 * row]!;
        const e1 = inv ? m[b + 3 + row]! : m[b + 3 * row + 1]!;
        const e2 = inv ? m[b + 6 + row]! : m[b + 3 * row + 2]!;
        const f0 = inv ? m[b + 9 + row]! : m[b + 9 + 3 * row]!;
        const f1 = inv ? m[b + 12 + row]! : m[b + 9 + 3 * row + 1]!;
        const f2 = inv ? m[b + 15 + row]! : m[b + 9 + 3 * row + 2]!;
        for (let col = 0; col < 3; col++) {
          const r0 = r[col]!;
          const r1 = r[3 + col]!;
          const r2 = r[6 + col]!;
          t[3 * row + col] = e0 * r0 + e1 * r1 + e2 * r2;
          t[9 + 3 * row + col] =
            e0 * rd[col]! + e1 * rd[3 + col]! + e2 * rd[6 + col]! + f0 * r0 + f1 * r1 + f2 * r2;
        }
      }
      for (let k = 0; k < 9; k++) {
        r[k] = t[k]!;
        rd[k] = t[9 + k]!;
      }
    }
  }

  /**
   * Applies the path edge by edge to one state: out[o … o+5] ← (r′, v′) of states[o … o+5],
   * r′ = E r and v′ = E v + Ė r at each step (Eᵀ and Ėᵀ for an edge walked upwards).
   */
  applyInto(out: Float64Array, states: ArrayLike<number>, o: number): void {
    let x = states[o]!;
    let y = states[o + 1]!;
    let z = states[o + 2]!;
    let vx = states[o + 3]!;
    let vy = states[o + 4]!;
    let vz = states[o + 5]!;
    const m = this.m;
    for (let i = 0; i < this.kinds.length; i++) {
      const b = EDGE_STRIDE * i;
      let nx: number;
      let ny: number;
      let nz: number;
      let nvx: number;
      let nvy: number;
      let nvz: number;
      const kind = this.kinds[i];
      if (kind === EDGE_ERA || kind === EDGE_GMST) {
        // R3(θ) r and R3(θ) v + θ̇ R3′(θ) r, where R3′(θ) r = (y′, −x′, 0) with r′ = R3(θ) r;
        // upwards R3(−θ) and −θ̇: R3′(θ)ᵀ r = (−y′, x′, 0) with r′ = R3(θ)ᵀ r.
        const c = m[b]!;
        const s = this.inverse[i] === 1 ? -m[b + 1]! : m[b + 1]!;
        const w = this.inverse[i] === 1 ? -m[b + 2]! : m[b + 2]!;
        nx = c * x + s * y;
        ny = c * y - s * x;
        nz = z;
        nvx = c * vx + s * vy + w * ny;
        nvy = c * vy - s * vx - w * nx;
        nvz = vz;
      } else if (this.inverse[i] === 1) {
        nx = m[b]! * x + m[b + 3]! * y + m[b + 6]! * z;
        ny = m[b + 1]! * x + m[b + 4]! * y + m[b + 7]! * z;
        nz = m[b + 2]! * x + m[b + 5]! * y + m[b + 8]! * z;
        nvx = m[b]! * vx + m[b + 3]! * vy + m[b + 6]! * vz;
        nvy = m[b + 1]! * vx + m[b + 4]! * vy + m[b + 7]! * vz;
        nvz = m[b + 2]! * vx + m[b + 5]! * vy + m[b + 8]! * vz;
        if (this.rateFree[i] === 0) {
          nvx += m[b + 9]! * x + m[b + 12]! * y + m[b + 15]! * z;
          nvy += m[b + 10]! * x + m[b + 13]! * y + m[b + 16]! * z;
          nvz += m[b + 11]! * x + m[b + 14]! * y + m[b + 17]! * z;
        }
      } else {
        nx = m[b]! * x + m[b + 1]! * y + m[b + 2]! * z;
        ny = m[b + 3]! * x + m[b + 4]! * y + m[b + 5]! * z;
        nz = m[b + 6]! * x + m[b + 7]! * y + m[b + 8]! * z;
        nvx = m[b]! * vx + m[b + 1]! * vy + m[b + 2]! * vz;
        nvy = m[b + 3]! * vx + m[b + 4]! * vy + m[b + 5]! * vz;
        nvz = m[b + 6]! * vx + m[b + 7]! * vy + m[b + 8]! * vz;
        if (this.rateFree[i] === 0) {
          nvx += m[b + 9]! * x + m[b + 10]! * y + m[b + 11]! * z;
          nvy += m[b + 12]! * x + m[b + 13]! * y + m[b + 14]! * z;
          nvz += m[b + 15]! * x + m[b + 16]! * y + m[b + 17]! * z;
        }
      }
      x = nx;
      y = ny;
      z = nz;
      vx = nvx;
      vy = nvy;
      vz = nvz;
    }
    out[o] = x;
    out[o + 1] = y;
    out[o + 2] = z;
    out[o + 3] = vx;
    out[o + 4] = vy;
    out[o + 5] = vz;
  }

  private interpolate(interpolator: FixedGridInterpolator): void {
    const step = interpolator.stepS;
    const x = this.params[P_TT_S]! / step;
    const k = Math.floor(x);
    const u = x - k;
    if (k !== this.lastInterval) {
      this.coefficients = interpolator.coefficients(k);
      this.lastInterval = k;
    }
    const c = this.coefficients;
    const slow = this.slow;
    for (let q = 0; q < interpolator.count; q++) evaluateInto(slow, 2 * q, c, q, u, step);
  }

  private matrixInto(b: number, slot: number): void {
    const v = this.slow;
    const m = this.m;
    const full = this.fullVelocity;
    for (let j = 0; j < 9; j++) {
      m[b + j] = v[2 * (slot + j)]!;
      m[b + 9 + j] = full ? v[2 * (slot + j) + 1]! : 0;
    }
  }

  /**
   * GCRS → CIRS from X, Y, s in closed form (IERS Conventions 2010, eq. 5.10, transposed):
   * Q = R3(−s) · Pᵀ with Pᵀ = [[1 − aX², −aXY, −X], [−aXY, 1 − aY², −Y], [X, Y, Z]],
   * Z = √(1 − X² − Y²), a = 1 / (1 + Z); and its time derivative.
   */
  private cioInto(b: number, slot: number): void {
    const v = this.slow;
    const p = this.params;
    const x = v[2 * slot]! + p[P_DX_RAD]!;
    const y = v[2 * slot + 2]! + p[P_DY_RAD]!;
    const s = v[2 * slot + 4]!;
    const zz = Math.sqrt(1 - x * x - y * y);
    const a = 1 / (1 + zz);
    const p00 = 1 - a * x * x;
    const p01 = -a * x * y;
    const p11 = 1 - a * y * y;
    const cs = cosSmall(s);
    const ss = sinSmall(s);
    const m = this.m;
    // Rows 0 and 1 of R3(−s) · Pᵀ: cs·row0 − ss·row1 and ss·row0 + cs·row1.
    m[b] = cs * p00 - ss * p01;
    m[b + 1] = cs * p01 - ss * p11;
    m[b + 2] = -cs * x + ss * y;
    m[b + 3] = ss * p00 + cs * p01;
    m[b + 4] = ss * p01 + cs * p11;
    m[b + 5] = -ss * x - cs * y;
    m[b + 6] = x;
    m[b + 7] = y;
    m[b + 8] = zz;
    if (!this.fullVelocity) return;
    // The pole offsets are held constant over the rate, as the exact edge does.
    const xd = v[2 * slot + 1]!;
    const yd = v[2 * slot + 3]!;
    const sd = v[2 * slot + 5]!;
    // d/dt of Pᵀ: Ż = −(X Ẋ + Y Ẏ)/Z, ȧ = −a² Ż.
    const zd = -(x * xd + y * yd) / zz;
    const ad = -a * a * zd;
    const d00 = -ad * x * x - 2 * a * x * xd;
    const d01 = -ad * x * y - a * (xd * y + x * yd);
    const d11 = -ad * y * y - 2 * a * y * yd;
    // Q̇ = R3(−s) · Ṗᵀ + ṡ · R3′(−s) · Pᵀ, the rows of R3′(−s) being (−ss, −cs, 0), (cs, −ss, 0).
    m[b + 9] = cs * d00 - ss * d01 - sd * (ss * p00 + cs * p01);
    m[b + 10] = cs * d01 - ss * d11 - sd * (ss * p01 + cs * p11);
    m[b + 11] = -cs * xd + ss * yd + sd * (ss * x + cs * y);
    m[b + 12] = ss * d00 + cs * d01 + sd * (cs * p00 - ss * p01);
    m[b + 13] = ss * d01 + cs * d11 + sd * (cs * p01 - ss * p11);
    m[b + 14] = -ss * xd - cs * yd + sd * (ss * y - cs * x);
    m[b + 15] = xd;
    m[b + 16] = yd;
    m[b + 17] = zd;
  }

  /** R3(θ) (SOFA's Rz) by its cos, sin and rate θ̇ (the rest of the edge's slots unused). */
  private rotation3Into(b: number, thetaRad: number, rateRadS: number): void {
    const m = this.m;
    m[b] = Math.cos(thetaRad);
    m[b + 1] = Math.sin(thetaRad);
    m[b + 2] = rateRadS;
  }

  /** Expands a stored R3 edge into its full E and Ė, for {@link compose}. */
  private expandRotation3(b: number): void {
    const m = this.m;
    const c = m[b]!;
    const s = m[b + 1]!;
    const w = m[b + 2]!;
    m[b] = c;
    m[b + 1] = s;
    m[b + 2] = 0;
    m[b + 3] = -s;
    m[b + 4] = c;
    m[b + 5] = 0;
    m[b + 6] = 0;
    m[b + 7] = 0;
    m[b + 8] = 1;
    m[b + 9] = -s * w;
    m[b + 10] = c * w;
    m[b + 11] = 0;
    m[b + 12] = -c * w;
    m[b + 13] = -s * w;
    for (let k = 14; k < 18; k++) m[b + k] = 0;
  }

  /** W = R1(−y_p) · R2(−x_p) · R3(s′) (SOFA `iauPom00`) multiplied out; Ẇ = 0. */
  private polarMotionInto(b: number, xpRad: number, ypRad: number, spRad: number): void {
    const sx = sinSmall(xpRad);
    const cx = cosSmall(xpRad);
    const sy = sinSmall(ypRad);
    const cy = cosSmall(ypRad);
    const s3 = sinSmall(spRad);
    const c3 = cosSmall(spRad);
    const m = this.m;
    m[b] = cx * c3;
    m[b + 1] = cx * s3;
    m[b + 2] = sx;
    m[b + 3] = sy * sx * c3 - cy * s3;
    m[b + 4] = cy * c3 + sy * sx * s3;
    m[b + 5] = -sy * cx;
    m[b + 6] = -sy * s3 - cy * sx * c3;
    m[b + 7] = sy * c3 - cy * sx * s3;
    m[b + 8] = cy * cx;
    for (let k = 9; k < 18; k++) m[b + k] = 0;
  }
}
