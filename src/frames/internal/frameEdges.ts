/**
 * The edges of the frame tree: for each frame but GCRF, its parent and the rotation (with
 * rate) that takes parent coordinates to its own, r_child = R · r_parent.
 */
import { MissingDataError } from '../../errors';
import type { EopValues, Epoch, TimeData } from '../../time';
import type { FrameId } from '../frameId';
import {
  biasPrecession2006Into,
  celestialToIntermediateInto,
  cipXYs2000BInto,
  cipXYsRad,
  earthRotationAngleRad,
  equationOfEquinoxes1994Rad,
  frameBias2006Into,
  gmst1982Rad,
  meanObliquity1980Rad,
  meanObliquity2006Rad,
  nutation1980Rad,
  nutation2000ARad,
  nutation2000BRad,
  polarMotionInto,
  precession1976Into,
  tioLocatorRad,
} from './orientationKernels';

/** Earth's nominal rotation rate, rad/s (IERS Conventions 2010, §1.2; Vallado uses it too). */
const EARTH_ROTATION_RAD_S = 7.292115146706979e-5;
const SECONDS_PER_DAY = 86400;
/** 2π / 86400: one turn per day, rad/s; GMST82 advances 1.0027379… turns per UT1 day. */
const GMST82_RAD_PER_UT1_S = (2 * Math.PI) / 86400;
/** Half-step of the central difference giving precession-nutation rates, s. */
const RATE_HALF_STEP_S = 600;

/**
 * Earth orientation values fixed by the caller instead of read from an EOP table (as in
 * worked examples). Missing fields are 0.
 */
export interface FixedEop {
  /** UT1−UTC, s. */
  readonly ut1MinusUtcS?: number;
  /** Pole coordinate x_p, rad. */
  readonly xpRad?: number;
  /** Pole coordinate y_p, rad. */
  readonly ypRad?: number;
  /** Excess length of day, s. */
  readonly lodS?: number;
  /** Celestial pole offset dX (IAU 2000A), rad. */
  readonly dXRad?: number;
  /** Celestial pole offset dY (IAU 2000A), rad. */
  readonly dYRad?: number;
  /** Nutation correction δΔψ to the IAU 1980 model (FK5 chain), rad. */
  readonly dPsi1980Rad?: number;
  /** Nutation correction δΔε to the IAU 1980 model (FK5 chain), rad. */
  readonly dEps1980Rad?: number;
}

/** What the edges of one transform share, computed once. */
export interface EdgeContext {
  readonly epoch: Epoch;
  readonly timeData: TimeData;
  readonly fixedEop: FixedEop | undefined;
  readonly poleOffsets: boolean;
  readonly fullVelocity: boolean;
  readonly itrfChain: 'CIO' | 'FK5';
  /** The IAU 2006 chains use the IAU 2000B nutation instead of IAU 2000A. */
  readonly nutation2000B: boolean;
  readonly cache: Map<string, unknown>;
}

const PARENT: Readonly<Record<Exclude<FrameId, 'GCRF'>, FrameId>> = {
  EME2000: 'GCRF',
  CIRS: 'GCRF',
  TIRS: 'CIRS',
  ITRF: 'TIRS',
  MOD: 'GCRF',
  TOD: 'MOD',
  PEF: 'TOD',
  TEME: 'TOD',
  MOD_IAU2006: 'GCRF',
  TOD_IAU2006: 'MOD_IAU2006',
};

/** The parent of a frame in the tree (ITRF hangs from PEF under the FK5 chain). */
export function parentOf(frame: FrameId, itrfChain: 'CIO' | 'FK5'): FrameId | undefined {
  if (frame === 'GCRF') return undefined;
  if (frame === 'ITRF' && itrfChain === 'FK5') return 'PEF';
  return PARENT[frame];
}

/** Writes R and Ṙ of the edge parent → `frame`. */
export function edgeFromParentInto(
  r: Float64Array,
  rDot: Float64Array,
  frame: FrameId,
  ctx: EdgeContext,
): void {
  switch (frame) {
    case 'GCRF':
      setIdentity(r);
      rDot.fill(0);
      return;
    case 'EME2000':
      frameBias2006Into(r);
      rDot.fill(0);
      return;
    case 'TIRS':
      earthRotationInto(
        r,
        rDot,
        earthRotationAngleRad(...ut1Parts(ctx)),
        ctx,
        EARTH_ROTATION_RAD_S,
      );
      return;
    case 'PEF': {
      // GAST82 turns at the mean sidereal rate, faster than the ERA by the precession in right
      // ascension (3e-7 km/s at GEO). 'earthRotation' keeps Vallado's single rate for both.
      const [tt1, tt2] = ttParts(ctx);
      const t = (tt1 - 2451545 + tt2) / 36525;
      // The equation of the equinoxes moves too (its semiannual nutation term: ~2.6e-12 rad/s).
      let rate = EARTH_ROTATION_RAD_S;
      if (ctx.fullVelocity) {
        const dd = RATE_HALF_STEP_S / SECONDS_PER_DAY;
        const eqRate =
          (equationOfEquinoxes1980Rad(tt1, tt2 + dd, ctx) -
            equationOfEquinoxes1980Rad(tt1, tt2 - dd, ctx)) /
          (2 * RATE_HALF_STEP_S);
        rate = GMST82_RAD_PER_UT1_S * (1.002737909350795 + 5.9006e-11 * t) + eqRate;
      }
      earthRotationInto(r, rDot, gast1982Rad(ctx), ctx, rate);
      return;
    }
    case 'ITRF': {
      const eop = eopAt(ctx);
      const sp = ctx.itrfChain === 'FK5' ? 0 : tioLocatorRad(...ttParts(ctx));
      polarMotionInto(r, eop.xpRad, eop.ypRad, sp);
      rDot.fill(0);
      return;
    }
    default: {
      // Celestial edges: the slowly moving precession-nutation rotations.
      const [tt1, tt2] = ttParts(ctx);
      celestialEdgeInto(r, frame, tt1, tt2, ctx);
      if (!ctx.fullVelocity) {
        rDot.fill(0);
        return;
      }
      const plus = new Float64Array(9);
      const minus = new Float64Array(9);
      const dd = RATE_HALF_STEP_S / SECONDS_PER_DAY;
      celestialEdgeInto(plus, frame, tt1, tt2 + dd, ctx);
      celestialEdgeInto(minus, frame, tt1, tt2 - dd, ctx);
      for (let k = 0; k < 9; k++) rDot[k] = (plus[k]! - minus[k]!) / (2 * RATE_HALF_STEP_S);
    }
  }
}

function celestialEdgeInto(
  r: Float64Array,
  frame: FrameId,
  tt1: number,
  tt2: number,
  ctx: EdgeContext,
): void {
  switch (frame) {
    case 'CIRS': {
      const { xRad, yRad, sRad } = ctx.nutation2000B ? cip2000B(tt1, tt2) : cipXYsRad(tt1, tt2);
      const eop = ctx.poleOffsets ? eopAt(ctx) : undefined;
      celestialToIntermediateInto(r, xRad + (eop?.dXRad ?? 0), yRad + (eop?.dYRad ?? 0), sRad);
      return;
    }
    case 'MOD':
      precession1976Into(r, tt1, tt2);
      return;
    case 'TOD': {
      const { dPsiRad, dEpsRad } = nutation1980Corrected(tt1, tt2, ctx);
      nutationMatrixInto(r, meanObliquity1980Rad(tt1, tt2), dPsiRad, dEpsRad);
      return;
    }
    case 'TEME': {
      // r_TEME = R3(Eq) · r_TOD: the x axis moves back from the true to the mean equinox.
      rotation3Into(r, equationOfEquinoxes1980Rad(tt1, tt2, ctx));
      return;
    }
    case 'MOD_IAU2006':
      biasPrecession2006Into(r, tt1, tt2);
      return;
    case 'TOD_IAU2006': {
      const { dPsiRad, dEpsRad } = ctx.nutation2000B
        ? nutation2000BRad(tt1, tt2)
        : nutation2000ARad(tt1, tt2);
      nutationMatrixInto(r, meanObliquity2006Rad(tt1, tt2), dPsiRad, dEpsRad);
      return;
    }
    default:
      throw new Error(`no celestial edge for ${frame}`);
  }
}

/** X, Y, s of the CIP with the IAU 2000B nutation. */
function cip2000B(tt1: number, tt2: number): { xRad: number; yRad: number; sRad: number } {
  const xys = cipXYs2000BInto([0, 0, 0], tt1, tt2);
  return { xRad: xys[0]!, yRad: xys[1]!, sRad: xys[2]! };
}

/** IAU 1980 nutation plus the EOP corrections δΔψ, δΔε when pole offsets are on. */
function nutation1980Corrected(
  tt1: number,
  tt2: number,
  ctx: EdgeContext,
): { dPsiRad: number; dEpsRad: number } {
  const n = nutation1980Rad(tt1, tt2);
  if (!ctx.poleOffsets) return n;
  return {
    dPsiRad: n.dPsiRad + (ctx.fixedEop?.dPsi1980Rad ?? 0),
    dEpsRad: n.dEpsRad + (ctx.fixedEop?.dEps1980Rad ?? 0),
  };
}

/**
 * Equation of the equinoxes of the FK5 chain: IAU 1994 (Δψ cos ε₀ and the 1997 kinematic
 * terms) plus δΔψ cos ε₀ when corrections apply (Vallado 2006; makes TEME → TOD agree with
 * his example to 0.05 mm).
 */
function equationOfEquinoxes1980Rad(tt1: number, tt2: number, ctx: EdgeContext): number {
  const eq = equationOfEquinoxes1994Rad(tt1, tt2);
  if (!ctx.poleOffsets) return eq;
  return eq + (ctx.fixedEop?.dPsi1980Rad ?? 0) * Math.cos(meanObliquity1980Rad(tt1, tt2));
}

/** GAST of the FK5 chain: GMST82 + the equation of the equinoxes above. */
function gast1982Rad(ctx: EdgeContext): number {
  const [tt1, tt2] = ttParts(ctx);
  return gmst1982Rad(...ut1Parts(ctx)) + equationOfEquinoxes1980Rad(tt1, tt2, ctx);
}

/** R3(θ) and its rate ω·dR3/dθ with ω = Ω(1 − LOD/86400), Ω per second of UT1. */
function earthRotationInto(
  r: Float64Array,
  rDot: Float64Array,
  thetaRad: number,
  ctx: EdgeContext,
  omegaPerUt1SecondRad: number,
): void {
  rotation3Into(r, thetaRad);
  const omega = omegaPerUt1SecondRad * (1 - eopAt(ctx).lodS / SECONDS_PER_DAY);
  const c = Math.cos(thetaRad);
  const s = Math.sin(thetaRad);
  rDot.fill(0);
  rDot[0] = -s * omega;
  rDot[1] = c * omega;
  rDot[3] = -c * omega;
  rDot[4] = -s * omega;
}

/** SOFA's R3 (eraRz): rotation of the frame about z by θ. */
function rotation3Into(r: Float64Array, thetaRad: number): void {
  const c = Math.cos(thetaRad);
  const s = Math.sin(thetaRad);
  r.fill(0);
  r[0] = c;
  r[1] = s;
  r[3] = -s;
  r[4] = c;
  r[8] = 1;
}

/** N = R1(−(ε + Δε)) · R3(−Δψ) · R1(ε) (as SOFA's numat). */
function nutationMatrixInto(
  r: Float64Array,
  epsRad: number,
  dPsiRad: number,
  dEpsRad: number,
): void {
  const ce = Math.cos(epsRad);
  const se = Math.sin(epsRad);
  const cp = Math.cos(dPsiRad);
  const sp = Math.sin(dPsiRad);
  const ct = Math.cos(epsRad + dEpsRad);
  const st = Math.sin(epsRad + dEpsRad);
  // Product written out: R1(−t) · R3(−ψ) · R1(e).
  r[0] = cp;
  r[1] = -sp * ce;
  r[2] = -sp * se;
  r[3] = ct * sp;
  r[4] = ct * cp * ce + st * se;
  r[5] = ct * cp * se - st * ce;
  r[6] = st * sp;
  r[7] = st * cp * ce - ct * se;
  r[8] = st * cp * se + ct * ce;
}

function setIdentity(r: Float64Array): void {
  r.fill(0);
  r[0] = 1;
  r[4] = 1;
  r[8] = 1;
}

function ttParts(ctx: EdgeContext): readonly [number, number] {
  let v = ctx.cache.get('tt') as readonly [number, number] | undefined;
  if (v === undefined) {
    v = ctx.epoch.toJdParts('TT', { timeData: ctx.timeData });
    ctx.cache.set('tt', v);
  }
  return v;
}

function ut1Parts(ctx: EdgeContext): readonly [number, number] {
  let v = ctx.cache.get('ut1') as readonly [number, number] | undefined;
  if (v === undefined) {
    // UT1 from the same EOP values as the other edges, so the table is read once per
    // transform: the JD of UT1 is the TAI JD of the instant shifted by UT1−TAI.
    v = ctx.epoch.plusSeconds(eopAt(ctx).ut1MinusTaiS).toJdParts('TAI');
    ctx.cache.set('ut1', v);
  }
  return v;
}

interface EopUsed {
  readonly ut1MinusTaiS: number;
  readonly xpRad: number;
  readonly ypRad: number;
  readonly lodS: number;
  readonly dXRad: number;
  readonly dYRad: number;
}

function eopAt(ctx: EdgeContext): EopUsed {
  let v = ctx.cache.get('eop') as EopUsed | undefined;
  if (v !== undefined) return v;
  const fixed = ctx.fixedEop;
  if (fixed !== undefined) {
    v = {
      ut1MinusTaiS:
        (fixed.ut1MinusUtcS ?? 0) - ctx.epoch.timeDataAt({ timeData: ctx.timeData }).taiMinusUtcS,
      xpRad: fixed.xpRad ?? 0,
      ypRad: fixed.ypRad ?? 0,
      lodS: fixed.lodS ?? 0,
      dXRad: fixed.dXRad ?? 0,
      dYRad: fixed.dYRad ?? 0,
    };
  } else {
    const provider = ctx.timeData.eop;
    if (provider === undefined) {
      throw new MissingDataError(
        'EOP',
        'this frame transform needs Earth orientation parameters: pass timeData with eop, or fixed eop values',
      );
    }
    const info = ctx.epoch.timeDataAt({ timeData: ctx.timeData });
    v = info.eop as EopValues;
  }
  ctx.cache.set('eop', v);
  return v;
}
