/**
 * A site's GCRF position, velocity and acceleration at many instants, cheaply: the exact
 * transforms (through `createInterpolatedTransform`) are evaluated on a fixed grid of anchor
 * instants 60 s apart, and between anchors the Earth's rotation is applied exactly about the
 * CIP with the celestial (precession-nutation) part carried to first order in time.
 *
 * R_GCRF←ITRF(t) = (Q₀ + Δ Q̇₀) · R₃(−ω Δ) · W₀, Δ = t − t_anchor, |Δ| ≤ 30 s, where Q₀ =
 * TIRS → GCRF at the anchor (it includes R₃(−ERA₀)), Q̇₀ its rate without the Earth's rotation,
 * ω the Earth's rotation rate (with LOD) and W₀ = ITRF → TIRS (polar motion, s′). The terms
 * left out: Q̈ Δ²/2 ≤ 1e-14 rad (nutation) and the change of W over 30 s (1e-13 rad). The
 * Earth turns at the LOD rate between anchors where `frameTransform` interpolates UT1 − UTC
 * linearly between daily values: the two differ by up to 2e-11 rad, 0.1 mm at the site
 * (test/od/measurements/reference.test.ts measures 0.04 mm). The anchors sit on a grid of
 * TAI seconds (multiples of 60 s), so results never depend on the order of the queries.
 */
import type { FrameTransformOptions, InterpolatedTransform, Site } from '../../../frames';
import { createInterpolatedTransform } from '../../../frames';
import { Epoch } from '../../../time';

/** Spacing of the anchor grid, s of TAI. */
export const ANCHOR_SPACING_S = 60;
/** Anchors kept in memory by one observer. */
const ANCHOR_CAPACITY = 512;

/** Layout of an anchor's Float64Array. */
const A_Q = 0; // Q₀, 9 numbers row-major
const A_QDOT = 9; // Q̇₀ without the Earth's rotation, 9
const A_W = 18; // W₀, 9
const A_P = 27; // site in TIRS, 3
const A_OMEGA = 30; // ω, rad/s
const ANCHOR_LENGTH = 31;

/**
 * Positions of the output of {@link SiteObserver.evaluateInto}: position (km), velocity
 * (km/s), acceleration (km/s²), then R_GCRF←ITRF (9) and Ṙ (9).
 */
export const OBS_R = 0;
export const OBS_V = 3;
export const OBS_A = 6;
export const OBS_ROT = 9;
export const OBS_ROT_RATE = 18;
export const OBS_LENGTH = 27;

/** The GCRF motion of one site, memoized per anchor. */
export class SiteObserver {
  private readonly toTirs: InterpolatedTransform;
  private readonly toGcrf: InterpolatedTransform;
  private readonly anchors = new Map<number, Float64Array>();
  private readonly siteItrfKm: readonly number[];

  constructor(site: Site, options: FrameTransformOptions | undefined) {
    this.toTirs = createInterpolatedTransform('ITRF', 'TIRS', options ?? {});
    this.toGcrf = createInterpolatedTransform('TIRS', 'GCRF', options ?? {});
    this.siteItrfKm = site.positionItrfKm;
  }

  /**
   * Writes the site's GCRF state at the instant `epoch + offsetS` into `out` (layout OBS_*).
   *
   * @param out - length ≥ OBS_LENGTH
   * @param epoch - an instant
   * @param offsetS - seconds added to it (the time bias, taken with its sign), s
   */
  evaluateInto(out: Float64Array, epoch: Epoch, offsetS: number): Float64Array {
    const whole = epoch.taiWholeSeconds;
    const frac = epoch.taiFraction + offsetS;
    const k = Math.round((whole + frac) / ANCHOR_SPACING_S);
    const a = this.anchor(k);
    const dt = whole - k * ANCHOR_SPACING_S + frac;
    const w = a[A_OMEGA]!;
    const theta = w * dt;
    const c = Math.cos(theta);
    const s = Math.sin(theta);
    // Site in TIRS turned by +θ about z (R₃(−θ)), its rate and acceleration in that frame.
    const px = a[A_P]!;
    const py = a[A_P + 1]!;
    const pz = a[A_P + 2]!;
    const zx = c * px - s * py;
    const zy = s * px + c * py;
    const vx = -w * zy;
    const vy = w * zx;
    const ax = -w * w * zx;
    const ay = -w * w * zy;
    for (let i = 0; i < 3; i++) {
      const q0 = a[A_Q + 3 * i]! + dt * a[A_QDOT + 3 * i]!;
      const q1 = a[A_Q + 3 * i + 1]! + dt * a[A_QDOT + 3 * i + 1]!;
      const q2 = a[A_Q + 3 * i + 2]! + dt * a[A_QDOT + 3 * i + 2]!;
      const d0 = a[A_QDOT + 3 * i]!;
      const d1 = a[A_QDOT + 3 * i + 1]!;
      const d2 = a[A_QDOT + 3 * i + 2]!;
      out[OBS_R + i] = q0 * zx + q1 * zy + q2 * pz;
      out[OBS_V + i] = q0 * vx + q1 * vy + (d0 * zx + d1 * zy + d2 * pz);
      out[OBS_A + i] = q0 * ax + q1 * ay + 2 * (d0 * vx + d1 * vy);
      // Row i of (Q Z) and of its rate, then times W₀.
      const m0 = q0 * c + q1 * s;
      const m1 = -q0 * s + q1 * c;
      const m2 = q2;
      const n0 = d0 * c + d1 * s + w * m1;
      const n1 = -d0 * s + d1 * c - w * m0;
      const n2 = d2;
      for (let j = 0; j < 3; j++) {
        const w0j = a[A_W + j]!;
        const w1j = a[A_W + 3 + j]!;
        const w2j = a[A_W + 6 + j]!;
        out[OBS_ROT + 3 * i + j] = m0 * w0j + m1 * w1j + m2 * w2j;
        out[OBS_ROT_RATE + 3 * i + j] = n0 * w0j + n1 * w1j + n2 * w2j;
      }
    }
    return out;
  }

  private anchor(k: number): Float64Array {
    const found = this.anchors.get(k);
    if (found !== undefined) return found;
    const epoch = Epoch.fromSecondsSinceJ2000(k * ANCHOR_SPACING_S, 'TAI');
    const toTirs = this.toTirs.at(epoch);
    const toGcrf = this.toGcrf.at(epoch);
    const q = toGcrf.rotation;
    const qDot = toGcrf.rotationRate;
    const a = new Float64Array(ANCHOR_LENGTH);
    // ω from Qᵀ Q̇ = [ω ẑ×] + (precession-nutation rate): its (1, 0) element.
    const omegaZ = q[1]! * qDot[0]! + q[4]! * qDot[3]! + q[7]! * qDot[6]!;
    a[A_OMEGA] = omegaZ;
    for (let i = 0; i < 9; i++) a[A_Q + i] = q[i]!;
    // Q̇ without the rotation: Q̇ − Q [ω ẑ×]; [ω ẑ×] has (0,1) = −ω, (1,0) = ω.
    for (let i = 0; i < 3; i++) {
      a[A_QDOT + 3 * i] = qDot[3 * i]! - omegaZ * q[3 * i + 1]!;
      a[A_QDOT + 3 * i + 1] = qDot[3 * i + 1]! + omegaZ * q[3 * i]!;
      a[A_QDOT + 3 * i + 2] = qDot[3 * i + 2]!;
    }
    const w = toTirs.rotation;
    for (let i = 0; i < 9; i++) a[A_W + i] = w[i]!;
    const r = this.siteItrfKm;
    for (let i = 0; i < 3; i++) {
      a[A_P + i] = w[3 * i]! * r[0]! + w[3 * i + 1]! * r[1]! + w[3 * i + 2]! * r[2]!;
    }
    if (this.anchors.size >= ANCHOR_CAPACITY) {
      const oldest = this.anchors.keys().next().value;
      if (oldest !== undefined) this.anchors.delete(oldest);
    }
    this.anchors.set(k, a);
    return a;
  }
}
