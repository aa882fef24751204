/**
 * The line of sight from a site to a target with light time, and its partial derivatives:
 * the kernel shared by the RA/Dec, Az/El, range and range-rate models.
 *
 * Geometry (Seidelmann 1992, §3.315; Montenbruck & Gill 2000, §6.2.1): the site o(t) at
 * the true reception instant t (tag − time bias), the target at emission t − τ with
 * c τ = |r(t − τ) − o(t)|, ρ = r(t − τ) − o(t).
 *
 * Partial derivatives with respect to the target state x = (r, v) at a reference instant:
 * - from a state (the EKF form): the state is carried from its epoch to the emission by a
 *   second-order Taylor step with the two-body acceleration held constant,
 *   r(s) = r₀ + v₀ s + a₀ s²/2, v(s) = v₀ + a₀ s, a₀ = −μ r₀/|r₀|³, so that
 *   ∂(r, v)(s)/∂(r₀, v₀) = [[I + G s²/2, s I], [G s, I]], G = ∂a/∂r. The light-time chain
 *   rule is exact for this motion: δρ = M δr(s), M = I − v ρ̂ᵀ / (c + ρ̂·v).
 * - from a trajectory (the batch form): the partials are with respect to the state at the
 *   emission instant (the caller multiplies by its STM); the same M, and the velocity at
 *   emission moves with δs through the two-body acceleration (the trajectory's own
 *   acceleration differs by J2 and third bodies: 1e-3 relative, on a term that is itself
 *   1e-5 of the range-rate partials).
 */
import { SPEED_OF_LIGHT_KM_S as C_KM_S } from '../../../frames';

export { C_KM_S };

import { InvalidArgumentError } from '../../../errors';
import { applyAberration, correctLightTime } from '../../../frames';
import type { Vec3Like } from '../../../math';
import type { Epoch } from '../../../time';
import { OBS_A, OBS_LENGTH, OBS_V, type SiteObserver } from './siteObserver';

/** Speed of light in vacuum, km/s (exact by the SI definition of the metre). */
/** GM of the Earth for the short Taylor steps, km³/s² (WGS84; any GM within 1e-6 would do). */
const GM_KM3_S2 = 398600.4418;

/** What the corrections of a topocentric model are. */
export interface LineOfSightSettings {
  readonly lightTime: boolean;
  readonly diurnalAberration: boolean;
  readonly annualVelocityAt: ((epoch: Epoch) => Vec3Like) | undefined;
}

/** Scratch state of one evaluation, reused by one model (never shared between models). */
export class LineOfSightKernel {
  /** Observer state and rotation (layout OBS_* of siteObserver.ts). */
  readonly obs = new Float64Array(OBS_LENGTH);
  /** ρ, km. */
  readonly rho = new Float64Array(3);
  /** ρ̂. */
  readonly rhoHat = new Float64Array(3);
  /** |ρ|, km. */
  rangeKm = 0;
  /** τ, s. */
  lightTimeS = 0;
  /** Whether the light-time iteration converged. */
  converged = true;
  /** Emission minus reference instant of the state, s (0 for a trajectory). */
  spanS = 0;
  /** Target velocity at emission, km/s. */
  readonly vE = new Float64Array(3);
  /** Target acceleration used for the rates, km/s². */
  readonly aE = new Float64Array(3);
  /** ∂r_e/∂x and ∂v_e/∂x before the light-time terms, 3×6 each, row-major. */
  readonly phiR = new Float64Array(18);
  readonly phiV = new Float64Array(18);
  /** ∂ρ/∂x, 3×6. */
  readonly dRho = new Float64Array(18);
  /** dρ/dt at fixed state, km/s, and dτ/dt. */
  readonly rhoDot = new Float64Array(3);
  tauDot = 0;
  /** c + ρ̂·v_e, km/s. */
  private den = C_KM_S;
  /** Apparent unit direction in GCRF, its Jacobian ∂u/∂ρ (3×3, 1/km) and du/dt (1/s). */
  readonly u = new Float64Array(3);
  readonly dU = new Float64Array(9);
  readonly uDot = new Float64Array(3);
  /** Reused for the trajectory form. */
  private readonly stateScratch = new Float64Array(6);
  private readonly annualScratch = new Float64Array(3);
  private readonly aberrationScratch = new Float64Array(9);
  private annualKey0 = Number.NaN;
  private annualKey1 = Number.NaN;

  constructor(
    private readonly observer: SiteObserver,
    readonly settings: LineOfSightSettings,
  ) {}

  /** The observer at tag − timeBias. */
  observe(tag: Epoch, timeBiasS: number): void {
    this.observer.evaluateInto(this.obs, tag, -timeBiasS);
  }

  /**
   * Emission geometry from a GCRF state given at `dtS` seconds before the true reception
   * (dtS = t_true − t_state).
   */
  fromState(state: ArrayLike<number>, dtS: number): void {
    const rx = state[0]!;
    const ry = state[1]!;
    const rz = state[2]!;
    const vx = state[3]!;
    const vy = state[4]!;
    const vz = state[5]!;
    const r2 = rx * rx + ry * ry + rz * rz;
    const r = Math.sqrt(r2);
    const k = -GM_KM3_S2 / (r2 * r);
    const ax = k * rx;
    const ay = k * ry;
    const az = k * rz;
    const o = this.obs;
    let tau = 0;
    if (this.settings.lightTime) {
      const lt = correctLightTime(o, (offsetS) => {
        const s = dtS + offsetS;
        const h = 0.5 * s * s;
        return [rx + vx * s + ax * h, ry + vy * s + ay * h, rz + vz * s + az * h];
      });
      tau = lt.lightTimeS;
      this.converged = lt.converged;
    } else {
      this.converged = true;
    }
    const s = dtS - tau;
    const h = 0.5 * s * s;
    this.lightTimeS = tau;
    this.spanS = s;
    this.rho[0] = rx + vx * s + ax * h - o[0]!;
    this.rho[1] = ry + vy * s + ay * h - o[1]!;
    this.rho[2] = rz + vz * s + az * h - o[2]!;
    this.vE[0] = vx + ax * s;
    this.vE[1] = vy + ay * s;
    this.vE[2] = vz + az * s;
    this.aE[0] = ax;
    this.aE[1] = ay;
    this.aE[2] = az;
    // G = ∂a/∂r = (μ/r³)(3 r̂ r̂ᵀ − I) = −k (3 r̂ r̂ᵀ − I).
    const ux = rx / r;
    const uy = ry / r;
    const uz = rz / r;
    const un = [ux, uy, uz];
    const phiR = this.phiR;
    const phiV = this.phiV;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const g = -k * (3 * un[i]! * un[j]! - (i === j ? 1 : 0));
        phiR[6 * i + j] = (i === j ? 1 : 0) + h * g;
        phiR[6 * i + 3 + j] = i === j ? s : 0;
        phiV[6 * i + j] = s * g;
        phiV[6 * i + 3 + j] = i === j ? 1 : 0;
      }
    }
    this.finishRange();
  }

  /**
   * Emission geometry from a trajectory, iterating the light time on it; the partials refer
   * to the state at the emission instant. Returns the emission offset from the true
   * reception, s (−τ).
   */
  fromTrajectory(
    trajectory: { positionVelocityInto(out: Float64Array, epoch: Epoch): Float64Array },
    tag: Epoch,
    timeBiasS: number,
  ): number {
    const buf = this.stateScratch;
    const reception = timeBiasS === 0 ? tag : tag.plusSeconds(-timeBiasS);
    let tau = 0;
    if (this.settings.lightTime) {
      const lt = correctLightTime(this.obs, (offsetS) => {
        trajectory.positionVelocityInto(
          buf,
          offsetS === 0 ? reception : reception.plusSeconds(offsetS),
        );
        return buf;
      });
      // The buffer holds the state at the last offset evaluated, −τ (see correctLightTime).
      tau = lt.lightTimeS;
      this.converged = lt.converged;
    } else {
      trajectory.positionVelocityInto(buf, reception);
      this.converged = true;
    }
    const o = this.obs;
    this.lightTimeS = tau;
    this.spanS = 0;
    const r = Math.hypot(buf[0]!, buf[1]!, buf[2]!);
    const k = -GM_KM3_S2 / (r * r * r);
    for (let i = 0; i < 3; i++) {
      this.rho[i] = buf[i]! - o[i]!;
      this.vE[i] = buf[3 + i]!;
      this.aE[i] = k * buf[i]!;
    }
    this.phiR.fill(0);
    this.phiV.fill(0);
    for (let i = 0; i < 3; i++) {
      this.phiR[6 * i + i] = 1;
      this.phiV[6 * i + 3 + i] = 1;
    }
    this.finishRange();
    return -tau;
  }

  /** ρ̂, |ρ|, ∂ρ/∂x (with the light-time factor M), ρ̇ and τ̇. */
  private finishRange(): void {
    const rho = this.rho;
    const n = Math.hypot(rho[0]!, rho[1]!, rho[2]!);
    if (!(n > 0 && Number.isFinite(n))) {
      throw new InvalidArgumentError(
        'target',
        [rho[0], rho[1], rho[2]],
        'km',
        'must be away from the site, at a finite distance',
      );
    }
    this.rangeKm = n;
    const ph = this.rhoHat;
    ph[0] = rho[0]! / n;
    ph[1] = rho[1]! / n;
    ph[2] = rho[2]! / n;
    const v = this.vE;
    const o = this.obs;
    const dRho = this.dRho;
    const phiR = this.phiR;
    if (this.settings.lightTime) {
      const rv = ph[0]! * v[0]! + ph[1]! * v[1]! + ph[2]! * v[2]!;
      const den = C_KM_S + rv;
      this.den = den;
      // M = I − v ρ̂ᵀ / D; row j of ρ̂ᵀ Φ is needed for every i.
      for (let j = 0; j < 6; j++) {
        const pj = (ph[0]! * phiR[j]! + ph[1]! * phiR[6 + j]! + ph[2]! * phiR[12 + j]!) / den;
        for (let i = 0; i < 3; i++) dRho[6 * i + j] = phiR[6 * i + j]! - v[i]! * pj;
      }
      const dv0 = v[0]! - o[OBS_V]!;
      const dv1 = v[1]! - o[OBS_V + 1]!;
      const dv2 = v[2]! - o[OBS_V + 2]!;
      this.tauDot = (ph[0]! * dv0 + ph[1]! * dv1 + ph[2]! * dv2) / den;
    } else {
      this.den = C_KM_S;
      dRho.set(phiR);
      this.tauDot = 0;
    }
    const f = 1 - this.tauDot;
    for (let i = 0; i < 3; i++) this.rhoDot[i] = f * v[i]! - o[OBS_V + i]!;
  }

  /**
   * ∂ρ̇/∂x (3×6) into `out`, for the range-rate model.
   * ρ̇ = (1 − τ̇) v_e − v_o, τ̇ = ρ̂·(v_e − v_o) / (c + ρ̂·v_e).
   */
  rhoDotPartialsInto(out: Float64Array): void {
    const ph = this.rhoHat;
    const n = this.rangeKm;
    const v = this.vE;
    const a = this.aE;
    const o = this.obs;
    const dRho = this.dRho;
    const phiV = this.phiV;
    const lt = this.settings.lightTime;
    const den = this.den;
    const f = 1 - this.tauDot;
    const w0 = v[0]! - o[OBS_V]!;
    const w1 = v[1]! - o[OBS_V + 1]!;
    const w2 = v[2]! - o[OBS_V + 2]!;
    const num = ph[0]! * w0 + ph[1]! * w1 + ph[2]! * w2;
    for (let j = 0; j < 6; j++) {
      const d0 = dRho[j]!;
      const d1 = dRho[6 + j]!;
      const d2 = dRho[12 + j]!;
      // δs = −ρ̂·δρ / c (emission moves), δv_e = Φ_v δx + a δs.
      const ds = lt ? -(ph[0]! * d0 + ph[1]! * d1 + ph[2]! * d2) / C_KM_S : 0;
      const dv0 = phiV[j]! + a[0]! * ds;
      const dv1 = phiV[6 + j]! + a[1]! * ds;
      const dv2 = phiV[12 + j]! + a[2]! * ds;
      let dTauDot = 0;
      if (lt) {
        // δρ̂ = (I − ρ̂ρ̂ᵀ) δρ / n
        const pd = ph[0]! * d0 + ph[1]! * d1 + ph[2]! * d2;
        const h0 = (d0 - ph[0]! * pd) / n;
        const h1 = (d1 - ph[1]! * pd) / n;
        const h2 = (d2 - ph[2]! * pd) / n;
        const pdv = ph[0]! * dv0 + ph[1]! * dv1 + ph[2]! * dv2;
        const dNum = h0 * w0 + h1 * w1 + h2 * w2 + pdv;
        const dDen = h0 * v[0]! + h1 * v[1]! + h2 * v[2]! + pdv;
        dTauDot = dNum / den - (num * dDen) / (den * den);
      }
      out[j] = -dTauDot * v[0]! + f * dv0;
      out[6 + j] = -dTauDot * v[1]! + f * dv1;
      out[12 + j] = -dTauDot * v[2]! + f * dv2;
    }
  }

  /** d²ρ/dt² at fixed state, km/s², into `out` (for the range-rate time-bias partial). */
  rhoDDotInto(out: Float64Array): void {
    const ph = this.rhoHat;
    const n = this.rangeKm;
    const v = this.vE;
    const a = this.aE;
    const o = this.obs;
    const rd = this.rhoDot;
    const f = 1 - this.tauDot;
    let tauDDot = 0;
    if (this.settings.lightTime) {
      const pr = ph[0]! * rd[0]! + ph[1]! * rd[1]! + ph[2]! * rd[2]!;
      let dNum = 0;
      let dDen = 0;
      let num = 0;
      for (let i = 0; i < 3; i++) {
        const hd = (rd[i]! - ph[i]! * pr) / n; // dρ̂/dt
        const w = v[i]! - o[OBS_V + i]!;
        const wd = f * a[i]! - o[OBS_A + i]!;
        num += ph[i]! * w;
        dNum += hd * w + ph[i]! * wd;
        dDen += hd * v[i]! + ph[i]! * a[i]! * f;
      }
      const den = this.den;
      tauDDot = dNum / den - (num * dDen) / (den * den);
    }
    for (let i = 0; i < 3; i++) {
      out[i] = -tauDDot * v[i]! + f * f * a[i]! - o[OBS_A + i]!;
    }
  }

  /**
   * The apparent direction u (unit, GCRF) with the aberration switches, ∂u/∂ρ and du/dt.
   *
   * Aberration for an observer moving at β c (SOFA `eraAb` without deflection):
   * q = p/γ + (1 + p·β / (1 + 1/γ)) β, u = q/|q|, so ∂q/∂p = I/γ + β βᵀ / (1 + 1/γ), and
   * ∂u/∂ρ = (I − u uᵀ) ∂q/∂p (I − p pᵀ) / (|q| |ρ|). The rate of β (the site's centripetal
   * acceleration / c, 1e-10 /s) enters du/dt to first order in β.
   */
  direction(reception: Epoch | undefined): void {
    const ph = this.rhoHat;
    const n = this.rangeKm;
    const u = this.u;
    const dU = this.dU;
    const settings = this.settings;
    const o = this.obs;
    let bx = 0;
    let by = 0;
    let bz = 0;
    let abx = 0;
    let aby = 0;
    let abz = 0;
    const annual = settings.annualVelocityAt;
    if (annual !== undefined && reception !== undefined) {
      const va = this.annualAt(annual, reception);
      bx += va[0]!;
      by += va[1]!;
      bz += va[2]!;
    }
    if (settings.diurnalAberration) {
      bx += o[OBS_V]!;
      by += o[OBS_V + 1]!;
      bz += o[OBS_V + 2]!;
      abx = o[OBS_A]! / C_KM_S;
      aby = o[OBS_A + 1]! / C_KM_S;
      abz = o[OBS_A + 2]! / C_KM_S;
    }
    const aberrated = annual !== undefined || settings.diurnalAberration;
    if (!aberrated) {
      u.set(ph);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) dU[3 * i + j] = ((i === j ? 1 : 0) - ph[i]! * ph[j]!) / n;
      }
    } else {
      const p = applyAberration(ph, [bx, by, bz]);
      u[0] = p[0];
      u[1] = p[1];
      u[2] = p[2];
      bx /= C_KM_S;
      by /= C_KM_S;
      bz /= C_KM_S;
      const invGamma = Math.sqrt(1 - (bx * bx + by * by + bz * bz));
      const pb = ph[0]! * bx + ph[1]! * by + ph[2]! * bz;
      const w = 1 + pb / (1 + invGamma);
      // |q| = q·u, q = p/γ + w β.
      const qn =
        invGamma * (ph[0]! * p[0] + ph[1]! * p[1] + ph[2]! * p[2]) +
        w * (bx * p[0] + by * p[1] + bz * p[2]);
      const beta = [bx, by, bz];
      const k = 1 / (1 + invGamma);
      // A = (I − u uᵀ) ∂q/∂p / |q|, then dU = A (I − p pᵀ) / n.
      const A = this.aberrationScratch;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          let sum = 0;
          for (let m = 0; m < 3; m++) {
            const proj = (i === m ? 1 : 0) - p[i]! * p[m]!;
            const dq = (m === j ? invGamma : 0) + k * beta[m]! * beta[j]!;
            sum += proj * dq;
          }
          A[3 * i + j] = sum / qn;
        }
      }
      for (let i = 0; i < 3; i++) {
        const ap = A[3 * i]! * ph[0]! + A[3 * i + 1]! * ph[1]! + A[3 * i + 2]! * ph[2]!;
        for (let j = 0; j < 3; j++) dU[3 * i + j] = (A[3 * i + j]! - ap * ph[j]!) / n;
      }
    }
    const rd = this.rhoDot;
    const ua = u[0]! * abx + u[1]! * aby + u[2]! * abz;
    const ud = this.uDot;
    const uRate = (i: number, ab: number) =>
      dU[3 * i]! * rd[0]! + dU[3 * i + 1]! * rd[1]! + dU[3 * i + 2]! * rd[2]! - u[i]! * ua + ab;
    ud[0] = uRate(0, abx);
    ud[1] = uRate(1, aby);
    ud[2] = uRate(2, abz);
  }

  private annualAt(fn: (epoch: Epoch) => Vec3Like, epoch: Epoch): Float64Array {
    const k0 = epoch.taiWholeSeconds;
    const k1 = epoch.taiFraction;
    if (k0 !== this.annualKey0 || k1 !== this.annualKey1) {
      const v = fn(epoch);
      for (let i = 0; i < 3; i++) {
        const x = v[i]!;
        if (!Number.isFinite(x)) {
          throw new InvalidArgumentError('annualAberration(epoch)', v, 'km/s', 'must be finite');
        }
        this.annualScratch[i] = x;
      }
      this.annualKey0 = k0;
      this.annualKey1 = k1;
    }
    return this.annualScratch;
  }
}
