/**
 * The hot loop of a start + offsets batch along the CIO chain, GCRF ↔ CIRS ↔ TIRS ↔ ITRF, in
 * one function: the same arithmetic as the general kernel (interpolated X, Y, s; Q in closed
 * form; ERA advanced from the start; W from the pole coordinates), with every intermediate in
 * a local so that nothing goes through memory between the steps. The general kernel takes
 * about twice as long per state.
 *
 * @internal
 */
import type { EopSampler } from './eopSampler';
import type { FixedGridInterpolator } from './fixedGridInterpolator';

/** Offsets in an EOP sample (as in eopSampler.ts). */
const UT1_MINUS_TAI = 0;
const XP = 1;
const YP = 2;
const LOD = 3;
const DX = 4;
const DY = 5;
const SECONDS_PER_DAY = 86400;
/** EOP samples per day (EOP_SAMPLES_PER_DAY of eopSampler.ts), and their spacing, s. */
const SAMPLES_PER_DAY = 96;
const SECONDS_PER_SAMPLE = SECONDS_PER_DAY / SAMPLES_PER_DAY;
/** Earth's nominal rotation rate, rad/s (IERS Conventions 2010), as the exact TIRS edge. */
const EARTH_ROTATION_RAD_S = 7.292115146706979e-5;
/**
 * ERA rate, rad per second of UT1: 2π · 1.00273781191135448 / 86400 (IERS 2010, eq. 5.15;
 * the factor as the nearest double).
 */
const ERA_RAD_PER_UT1_S = (2 * Math.PI * 1.0027378119113546) / 86400;
/** s′ = −47 µas per Julian century of TT (IERS 2010, eq. 5.13), rad/s. */
const TIO_LOCATOR_RAD_PER_S = (-47e-6 * (Math.PI / 648000)) / (86400 * 36525);

/** What the loop needs, fixed for one batch. */
export interface CioChainBatch {
  /** Index on the chain (0 GCRF, 1 CIRS, 2 TIRS, 3 ITRF) of the source frame. */
  readonly fromIndex: number;
  /** Index of the target frame. */
  readonly toIndex: number;
  /** Interpolator whose quantities 0, 1, 2 are X, Y, s (rad); needed when GCRF is an end. */
  readonly interpolator: FixedGridInterpolator | undefined;
  /** EOP samples, or undefined for fixed values. */
  readonly sampler: EopSampler | undefined;
  /** Fixed EOP values when there is no sampler: x_p, y_p, dX, dY (rad), LOD (s). */
  readonly fixedXpRad: number;
  readonly fixedYpRad: number;
  readonly fixedDxRad: number;
  readonly fixedDyRad: number;
  readonly fixedLodS: number;
  /** Add dX, dY to X, Y. */
  readonly poleOffsets: boolean;
  /** Include the precession-nutation rate. */
  readonly fullVelocity: boolean;
  /** TT seconds since J2000 at the start. */
  readonly ttStartS: number;
  /** ERA at the start, rad. */
  readonly eraStartRad: number;
  /** UTC MJD at the start. */
  readonly mjdUtcStart: number;
}

/**
 * Transforms the states of a start + offsets batch along the CIO chain.
 *
 * @param out - destination, 6 per state
 * @param states - positions (km) and velocities (km/s), 6 per state
 * @param offsetsS - elapsed SI seconds from the start, one per state
 * @param b - the batch's constants
 */
export function cioChainBatchInto(
  out: Float64Array,
  states: ArrayLike<number>,
  offsetsS: ArrayLike<number>,
  b: CioChainBatch,
): void {
  const down = b.toIndex > b.fromIndex;
  const top = Math.min(b.fromIndex, b.toIndex);
  const bottom = Math.max(b.fromIndex, b.toIndex);
  const useQ = top === 0 && bottom >= 1;
  const useR = top <= 1 && bottom >= 2;
  const useW = top <= 2 && bottom === 3;
  const interpolator = b.interpolator;
  const stepS = interpolator?.stepS ?? 1;
  const sampler = b.sampler;
  const needsEop = sampler !== undefined && (useR || useW || (useQ && b.poleOffsets));
  const eop = new Float64Array(6);
  let ut1MinusTaiStartS = 0;
  if (needsEop) {
    sampler.valuesInto(eop, 0, b.mjdUtcStart);
    ut1MinusTaiStartS = eop[UT1_MINUS_TAI]!;
  }
  const sampleStart = b.mjdUtcStart * SAMPLES_PER_DAY;
  let lastJ = Number.NaN;
  let ea: Float64Array = eop;
  let eb: Float64Array = eop;
  let lastK = Number.NaN;
  let c: Float64Array = new Float64Array(0);
  for (let i = 0; i < offsetsS.length; i++) {
    const dtS = offsetsS[i]!;
    const ttS = b.ttStartS + dtS;
    let du = dtS;
    let xp = b.fixedXpRad;
    let yp = b.fixedYpRad;
    let dX = b.fixedDxRad;
    let dY = b.fixedDyRad;
    let lodS = b.fixedLodS;
    if (needsEop) {
      // The EOP samples around the instant, linearly (as EopSampler.valuesInto, inlined).
      const h = sampleStart + dtS / SECONDS_PER_SAMPLE;
      const j = Math.floor(h);
      const f = h - j;
      if (j !== lastJ) {
        ea = sampler!.sample(j);
        eb = f === 0 ? ea : sampler!.sample(j + 1);
        lastJ = f === 0 ? Number.NaN : j;
      }
      du += ea[UT1_MINUS_TAI]! + (eb[UT1_MINUS_TAI]! - ea[UT1_MINUS_TAI]!) * f - ut1MinusTaiStartS;
      xp = ea[XP]! + (eb[XP]! - ea[XP]!) * f;
      yp = ea[YP]! + (eb[YP]! - ea[YP]!) * f;
      dX = ea[DX]! + (eb[DX]! - ea[DX]!) * f;
      dY = ea[DY]! + (eb[DY]! - ea[DY]!) * f;
      lodS = ea[LOD]! + (eb[LOD]! - ea[LOD]!) * f;
    }
    if (!b.poleOffsets) {
      dX = 0;
      dY = 0;
    }

    const o = 6 * i;
    let x = states[o]!;
    let y = states[o + 1]!;
    let z = states[o + 2]!;
    let vx = states[o + 3]!;
    let vy = states[o + 4]!;
    let vz = states[o + 5]!;

    // Q and Q̇ (see TransformKernel.cioInto for the closed form).
    let q0 = 1;
    let q1 = 0;
    let q2 = 0;
    let q3 = 0;
    let q4 = 1;
    let q5 = 0;
    let q6 = 0;
    let q7 = 0;
    let q8 = 1;
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let d4 = 0;
    let d5 = 0;
    let d6 = 0;
    let d7 = 0;
    let d8 = 0;
    if (useQ) {
      const xk = ttS / stepS;
      const k = Math.floor(xk);
      const u = xk - k;
      if (k !== lastK) {
        c = interpolator!.coefficients(k);
        lastK = k;
      }
      const cx = heptic(c, 0, u);
      const cy = heptic(c, 8, u);
      const s = heptic(c, 16, u);
      const px = cx + dX;
      const py = cy + dY;
      const zz = Math.sqrt(1 - px * px - py * py);
      const a = 1 / (1 + zz);
      const p00 = 1 - a * px * px;
      const p01 = -a * px * py;
      const p11 = 1 - a * py * py;
      // |s| < 1e-5 rad over ±1000 years: the series are exact to rounding (see sinSmall).
      const s2 = s * s;
      const ss = s * (1 - (s2 / 6) * (1 - s2 / 20));
      const cs = 1 - (s2 / 2) * (1 - s2 / 12);
      q0 = cs * p00 - ss * p01;
      q1 = cs * p01 - ss * p11;
      q2 = -cs * px + ss * py;
      q3 = ss * p00 + cs * p01;
      q4 = ss * p01 + cs * p11;
      q5 = -ss * px - cs * py;
      q6 = px;
      q7 = py;
      q8 = zz;
      if (b.fullVelocity) {
        const xd = hepticDerivative(c, 0, u) / stepS;
        const yd = hepticDerivative(c, 8, u) / stepS;
        const sd = hepticDerivative(c, 16, u) / stepS;
        const zd = -(px * xd + py * yd) / zz;
        const ad = -a * a * zd;
        const e00 = -ad * px * px - 2 * a * px * xd;
        const e01 = -ad * px * py - a * (xd * py + px * yd);
        const e11 = -ad * py * py - 2 * a * py * yd;
        d0 = cs * e00 - ss * e01 - sd * (ss * p00 + cs * p01);
        d1 = cs * e01 - ss * e11 - sd * (ss * p01 + cs * p11);
        d2 = -cs * xd + ss * yd + sd * (ss * px + cs * py);
        d3 = ss * e00 + cs * e01 + sd * (cs * p00 - ss * p01);
        d4 = ss * e01 + cs * e11 + sd * (cs * p01 - ss * p11);
        d5 = -ss * xd - cs * yd + sd * (ss * py - cs * px);
        d6 = xd;
        d7 = yd;
        d8 = zd;
      }
    }

    // R3(ERA) and its rate.
    let ct = 1;
    let st = 0;
    let w = 0;
    if (useR) {
      const theta = b.eraStartRad + ERA_RAD_PER_UT1_S * du;
      ct = Math.cos(theta);
      st = Math.sin(theta);
      w = EARTH_ROTATION_RAD_S * (1 - lodS / SECONDS_PER_DAY);
    }

    // W (see TransformKernel.polarMotionInto).
    let w0 = 1;
    let w1 = 0;
    let w2 = 0;
    let w3 = 0;
    let w4 = 1;
    let w5 = 0;
    let w6 = 0;
    let w7 = 0;
    let w8 = 1;
    if (useW) {
      const sp = TIO_LOCATOR_RAD_PER_S * ttS;
      const xp2 = xp * xp;
      const yp2 = yp * yp;
      const sp2 = sp * sp;
      const sx = xp * (1 - (xp2 / 6) * (1 - xp2 / 20));
      const cx = 1 - (xp2 / 2) * (1 - xp2 / 12);
      const sy = yp * (1 - (yp2 / 6) * (1 - yp2 / 20));
      const cy = 1 - (yp2 / 2) * (1 - yp2 / 12);
      const s3 = sp * (1 - (sp2 / 6) * (1 - sp2 / 20));
      const c3 = 1 - (sp2 / 2) * (1 - sp2 / 12);
      w0 = cx * c3;
      w1 = cx * s3;
      w2 = sx;
      w3 = sy * sx * c3 - cy * s3;
      w4 = cy * c3 + sy * sx * s3;
      w5 = -sy * cx;
      w6 = -sy * s3 - cy * sx * c3;
      w7 = sy * c3 - cy * sx * s3;
      w8 = cy * cx;
    }

    if (down) {
      if (useQ) {
        const nx = q0 * x + q1 * y + q2 * z;
        const ny = q3 * x + q4 * y + q5 * z;
        const nz = q6 * x + q7 * y + q8 * z;
        const nvx = q0 * vx + q1 * vy + q2 * vz + d0 * x + d1 * y + d2 * z;
        const nvy = q3 * vx + q4 * vy + q5 * vz + d3 * x + d4 * y + d5 * z;
        const nvz = q6 * vx + q7 * vy + q8 * vz + d6 * x + d7 * y + d8 * z;
        x = nx;
        y = ny;
        z = nz;
        vx = nvx;
        vy = nvy;
        vz = nvz;
      }
      if (useR) {
        const nx = ct * x + st * y;
        const ny = ct * y - st * x;
        const nvx = ct * vx + st * vy + w * ny;
        const nvy = ct * vy - st * vx - w * nx;
        x = nx;
        y = ny;
        vx = nvx;
        vy = nvy;
      }
      if (useW) {
        const nx = w0 * x + w1 * y + w2 * z;
        const ny = w3 * x + w4 * y + w5 * z;
        const nz = w6 * x + w7 * y + w8 * z;
        const nvx = w0 * vx + w1 * vy + w2 * vz;
        const nvy = w3 * vx + w4 * vy + w5 * vz;
        const nvz = w6 * vx + w7 * vy + w8 * vz;
        x = nx;
        y = ny;
        z = nz;
        vx = nvx;
        vy = nvy;
        vz = nvz;
      }
    } else {
      if (useW) {
        const nx = w0 * x + w3 * y + w6 * z;
        const ny = w1 * x + w4 * y + w7 * z;
        const nz = w2 * x + w5 * y + w8 * z;
        const nvx = w0 * vx + w3 * vy + w6 * vz;
        const nvy = w1 * vx + w4 * vy + w7 * vz;
        const nvz = w2 * vx + w5 * vy + w8 * vz;
        x = nx;
        y = ny;
        z = nz;
        vx = nvx;
        vy = nvy;
        vz = nvz;
      }
      if (useR) {
        // R3(θ)ᵀ = R3(−θ) and rate −θ̇.
        const nx = ct * x - st * y;
        const ny = ct * y + st * x;
        const nvx = ct * vx - st * vy - w * ny;
        const nvy = ct * vy + st * vx + w * nx;
        x = nx;
        y = ny;
        vx = nvx;
        vy = nvy;
      }
      if (useQ) {
        const nx = q0 * x + q3 * y + q6 * z;
        const ny = q1 * x + q4 * y + q7 * z;
        const nz = q2 * x + q5 * y + q8 * z;
        const nvx = q0 * vx + q3 * vy + q6 * vz + d0 * x + d3 * y + d6 * z;
        const nvy = q1 * vx + q4 * vy + q7 * vz + d1 * x + d4 * y + d7 * z;
        const nvz = q2 * vx + q5 * vy + q8 * vz + d2 * x + d5 * y + d8 * z;
        x = nx;
        y = ny;
        z = nz;
        vx = nvx;
        vy = nvy;
        vz = nvz;
      }
    }
    out[o] = x;
    out[o + 1] = y;
    out[o + 2] = z;
    out[o + 3] = vx;
    out[o + 4] = vy;
    out[o + 5] = vz;
  }
}

/** c₀ + c₁u + … + c₇u⁷, the 8 coefficients starting at `o` (Horner, unrolled for the hot loop). */
function heptic(c: ArrayLike<number>, o: number, u: number): number {
  return (
    c[o]! +
    u *
      (c[o + 1]! +
        u *
          (c[o + 2]! +
            u * (c[o + 3]! + u * (c[o + 4]! + u * (c[o + 5]! + u * (c[o + 6]! + u * c[o + 7]!))))))
  );
}

/** d/du of {@link heptic}: c₁ + 2c₂u + … + 7c₇u⁶ (unrolled). */
function hepticDerivative(c: ArrayLike<number>, o: number, u: number): number {
  return (
    c[o + 1]! +
    u *
      (2 * c[o + 2]! +
        u *
          (3 * c[o + 3]! +
            u * (4 * c[o + 4]! + u * (5 * c[o + 5]! + u * (6 * c[o + 6]! + u * 7 * c[o + 7]!)))))
  );
}
