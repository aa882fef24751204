/**
 * Frame transforms prepared for many epochs: the slowly varying precession-nutation part
 * interpolated on a fixed grid of TT, the Earth's rotation and polar motion evaluated for each
 * state, and a batch loop over arrays of states.
 */
import { InvalidArgumentError, MissingDataError } from '../../errors';
import type { Mat3 } from '../../math';
import { DEFAULT_TIME_DATA, type EopValues, Epoch, type TimeData } from '../../time';
import { type FrameId, isFrameId } from '../frameId';
import {
  type FixedEop,
  type FrameTransform,
  type FrameTransformOptions,
  frameTransformPair,
} from '../frameTransform';
import { gmst1982Rad } from '../iau1980/gmst1982';
import { cipXYs2000BInto, cipXYsRad } from '../iau2006/cipXys';
import { earthRotationAngleRad } from '../iau2006/earthRotationAngle';
import { type CioChainBatch, cioChainBatchInto } from './cioChainBatch';
import {
  EOP_DX_RAD,
  EOP_DY_RAD,
  EOP_LOD_S,
  EOP_SAMPLE_LENGTH,
  EOP_UT1_MINUS_TAI_S,
  EOP_XP_RAD,
  EOP_YP_RAD,
  EopSampler,
} from './eopSampler';
import { FixedGridInterpolator } from './fixedGridInterpolator';
import {
  EDGE_CIO,
  EDGE_ERA,
  EDGE_GMST,
  EDGE_MATRIX,
  EDGE_POLAR,
  type Edge,
  edgeKindOf,
  P_DX_RAD,
  P_DY_RAD,
  P_ERA_RAD,
  P_ERA_RATE_RAD_S,
  P_GMST_RAD,
  P_GMST_RATE_RAD_S,
  P_LENGTH,
  P_SP_RAD,
  P_TT_S,
  P_XP_RAD,
  P_YP_RAD,
  pathToRoot,
  TransformKernel,
} from './transformKernel';

/**
 * Spacing of the precession-nutation nodes of {@link createInterpolatedTransform}, s of TT:
 * node k sits at J2000 + k · 4 h, and each instant is interpolated through the 8 nodes around
 * it. Orekit uses the same 8 points 4 h apart and cites errors below 4e-15 rad; on X, Y, s of
 * IAU 2006/2000A osmose measures 2e-17 rad over 1980–2030.
 *
 * @example
 * ```ts
 * PRECESSION_NUTATION_NODE_SPACING_S / 3600; // 4 (hours)
 * ```
 */
export const PRECESSION_NUTATION_NODE_SPACING_S = 14400;

/** Earth's nominal rotation rate, rad/s (IERS Conventions 2010, §1.2), as the exact edges. */
const EARTH_ROTATION_RAD_S = 7.292115146706979e-5;
/**
 * ERA rate, rad per second of UT1: 2π · 1.00273781191135448 / 86400 (IERS 2010, eq. 5.15;
 * the factor as the nearest double).
 */
const ERA_RAD_PER_UT1_S = (2 * Math.PI * 1.0027378119113546) / 86400;
/** Seconds of time to radians (SOFA DS2R). */
const RAD_PER_SECOND_OF_TIME = 7.27220521664304e-5;
/** GMST82 polynomial, seconds of time per Julian century of UT1 (Aoki et al. 1982). */
const GMST82_B_S = 8640184.812866;
const GMST82_C_S = 0.093104;
const GMST82_D_S = -6.2e-6;
/** GMST82 advances 1.002737909350795 s per s of UT1 at J2000 (the exact edges' rate). */
const GMST82_RATE_AT_J2000 = 1.002737909350795;
/** Its secular change per Julian century, s/s. */
const GMST82_RATE_PER_CENTURY = 5.9006e-11;
const SECONDS_PER_DAY = 86400;
const SECONDS_PER_CENTURY = 86400 * 36525;
/** s′ = −47 µas per century of TT (IERS 2010, eq. 5.13), rad/s. */
const TIO_LOCATOR_RAD_PER_S = (-47e-6 * (Math.PI / 648000)) / SECONDS_PER_CENTURY;

/** The CIO chain, top down, as the fused batch loop indexes it. */
const CIO_CHAIN: readonly FrameId[] = ['GCRF', 'CIRS', 'TIRS', 'ITRF'];

/** A series of instants given as a start and elapsed seconds, the fast input of a batch. */
export interface EpochOffsets {
  /** The instant the offsets count from. */
  readonly start: Epoch;
  /** Elapsed time from `start` of each state, SI seconds (as TAI counts them). */
  readonly offsetsS: ArrayLike<number>;
}

/** Options of {@link createInterpolatedTransform}: those of `frameTransform`. */
export type InterpolatedTransformOptions = FrameTransformOptions;

/**
 * A frame transform prepared for many epochs: {@link InterpolatedTransform.at} gives the same
 * rotation as `frameTransform` (within the interpolation error), and
 * {@link InterpolatedTransform.transformBatchInto} applies it to arrays of states.
 */
export interface InterpolatedTransform {
  /** Source frame. */
  readonly from: FrameId;
  /** Target frame. */
  readonly to: FrameId;
  /**
   * The rotation and rate at an instant.
   *
   * @param epoch - the instant
   * @returns R and Ṙ, as `frameTransform` returns them
   * @throws {@link MissingDataError} when Earth orientation is needed and there is no EOP
   * @throws {@link DataRangeError} where the EOP policy gives no value
   */
  at(epoch: Epoch): FrameTransform;
  /**
   * Transforms states (x, y, z in km, vx, vy, vz in km/s: 6 numbers per state) from `from` to
   * `to`: r' = R r, v' = R v + Ṙ r. The {@link EpochOffsets} form is the fast one: it forms
   * no Epoch or Julian date per state and allocates nothing per state (unless the offsets
   * reach across a leap second, where it falls back on Epoch arithmetic). Results do not
   * depend on the order of the states.
   *
   * @param out - destination, length ≥ 6 · count (may be `states` itself)
   * @param epochs - one Epoch per state, or a start and offsets
   * @param states - 6 · count numbers
   * @returns `out`
   * @throws {@link InvalidArgumentError} when the lengths do not match
   */
  transformBatchInto(
    out: Float64Array,
    epochs: readonly Epoch[] | EpochOffsets,
    states: ArrayLike<number>,
  ): Float64Array;
}

/** Which per-state parameters a path needs. */
interface Needs {
  readonly era: boolean;
  readonly gmst: boolean;
  readonly polar: boolean;
  readonly poleOffsets: boolean;
  readonly eop: boolean;
}

/**
 * Prepares the transform from one frame to another for many epochs: the precession-nutation
 * part (X, Y, s of the CIO chain; the matrices of the equinox-based and FK5 frames) is sampled
 * every 4 h of TT on a fixed grid aligned with J2000 and interpolated with the Lagrange
 * polynomial through the 8 nodes centred on each instant; the Earth rotation angle (or GMST82
 * for PEF), polar motion, s′ and the EOP values (dX, dY included) are evaluated for each
 * instant. The node values are computed when first needed and memoized inside the returned
 * object (its only mutable state), so a result never depends on the order of the queries.
 *
 * Accuracy against `frameTransform` with the same options (test/frames/
 * interpolatedTransform.test.ts: 2000 epochs 1980–2030, and every frame pair): rotations
 * agree within 4e-15 rad (6e-16 rad measured, 2e-5 mm at GEO radius); the interpolation
 * itself errs by 2e-17 rad, the rest is rounding. The {@link EpochOffsets} batch advances the
 * Earth rotation angle from the start and reads the EOP from samples 15 min apart: it agrees
 * with `at` to 0.004 mm at GEO for linearly interpolated EOP tables such as the bundled one
 * (the rounding of the Julian-date form of the angle), to 0.03 mm for tables interpolated
 * with Lagrange polynomials.
 *
 * Cost (docs/performance.md): about 2.3× satellite.js's GMST-only `gstime` + `eciToEcf` per
 * GCRF ↔ ITRF state once the nodes are computed (≈ 25 µs per 4 h node, kept by the object).
 *
 * @param from - source frame
 * @param to - target frame
 * @param options - as for `frameTransform`: time data, fixed EOP, pole offsets, velocity, ITRF
 *   chain
 * @returns the prepared transform
 * @throws {@link InvalidArgumentError} for an unknown frame
 * @see Orekit `InterpolatingTransformProvider` and the precession-nutation cache of
 *   `IERSConventions` (8 points, 4 h apart)
 * @example
 * ```ts
 * const toItrf = createInterpolatedTransform('GCRF', 'ITRF', { timeData: DEFAULT_TIME_DATA });
 * const start = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const states = new Float64Array([42164, 0, 0, 0, 3.0747, 0, 42164, 0, 0, 0, 3.0747, 0]);
 * const out = toItrf.transformBatchInto(new Float64Array(12), { start, offsetsS: [0, 60] }, states);
 * Math.hypot(...out.subarray(6, 9)); // ≈ 42164 (km: a rotation keeps lengths)
 * ```
 */
export function createInterpolatedTransform(
  from: FrameId,
  to: FrameId,
  options: InterpolatedTransformOptions = {},
): InterpolatedTransform {
  for (const [name, f] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (typeof f !== 'string' || !isFrameId(f)) {
      throw new InvalidArgumentError(name, f, '', 'not a frame (see FRAME_IDS)');
    }
  }
  return new InterpolatedFrameTransform(from, to, options);
}

class InterpolatedFrameTransform implements InterpolatedTransform {
  readonly from: FrameId;
  readonly to: FrameId;
  private readonly timeData: TimeData;
  private readonly fixedEop: FixedEop | undefined;
  private readonly fullVelocity: boolean;
  private readonly chain: 'CIO' | 'FK5';
  /** Edges from `from` up to the common ancestor (inverted), then down to `to`. */
  private readonly edges: readonly Edge[];
  private readonly needs: Needs;
  private readonly interpolator: FixedGridInterpolator | undefined;
  /** The kernel `at` reuses (see there). */
  private readonly atKernel: TransformKernel;
  private readonly eopSampler: EopSampler | undefined;
  /** Chain indices of the two frames when both are on the CIO chain (the fused batch loop). */
  private readonly cioChain: { readonly from: number; readonly to: number } | undefined;

  constructor(from: FrameId, to: FrameId, options: InterpolatedTransformOptions) {
    this.from = from;
    this.to = to;
    this.timeData = options.timeData ?? DEFAULT_TIME_DATA;
    this.fixedEop = options.eop;
    this.fullVelocity = (options.velocity ?? 'full') === 'full';
    this.chain = options.itrfChain ?? 'CIO';
    const upPath = pathToRoot(from, this.chain);
    const downPath = pathToRoot(to, this.chain);
    while (
      upPath.length > 0 &&
      downPath.length > 0 &&
      upPath[upPath.length - 1] === downPath[downPath.length - 1]
    ) {
      upPath.pop();
      downPath.pop();
    }
    // Interpolated quantities: X, Y, s for CIRS, 9 matrix elements for another celestial frame.
    const slowFrames: FrameId[] = [];
    const slots = new Map<FrameId, number>();
    let count = 0;
    const makeEdge = (frame: FrameId, inverse: boolean): Edge => {
      const kind = edgeKindOf(frame);
      if ((kind === EDGE_CIO || kind === EDGE_MATRIX) && !slots.has(frame)) {
        slots.set(frame, count);
        slowFrames.push(frame);
        count += kind === EDGE_CIO ? 3 : 9;
      }
      return { kind, frame, slot: slots.get(frame) ?? -1, inverse };
    };
    this.edges = [
      ...upPath.map((f) => makeEdge(f, true)),
      ...downPath.reverse().map((f) => makeEdge(f, false)),
    ];
    const has = (kind: number) => this.edges.some((e) => e.kind === kind);
    const era = has(EDGE_ERA);
    const gmst = has(EDGE_GMST);
    const polar = has(EDGE_POLAR);
    const poleOffsets = has(EDGE_CIO) && (options.celestialPoleOffsets ?? true);
    this.needs = { era, gmst, polar, poleOffsets, eop: era || gmst || polar || poleOffsets };
    this.interpolator =
      count === 0
        ? undefined
        : new FixedGridInterpolator(
            count,
            PRECESSION_NUTATION_NODE_SPACING_S,
            nodeValues(slowFrames, slots, options),
          );
    const fromIndex = CIO_CHAIN.indexOf(from);
    const toIndex = CIO_CHAIN.indexOf(to);
    this.cioChain =
      this.chain === 'CIO' && fromIndex >= 0 && toIndex >= 0
        ? { from: fromIndex, to: toIndex }
        : undefined;
    const provider = this.timeData.eop;
    this.eopSampler =
      this.needs.eop && this.fixedEop === undefined && provider !== undefined
        ? new EopSampler(provider)
        : undefined;
    this.atKernel = this.kernel();
    Object.freeze(this);
  }

  at(epoch: Epoch): FrameTransform {
    // One kernel per object for `at`: building one costs more than the evaluation itself, and
    // its only state (the Lagrange weights of the last 4 h interval) depends on the interval
    // alone, so reusing it cannot make a result depend on the order of the queries.
    const k = this.atKernel;
    this.paramsAt(k.params, epoch);
    k.prepare();
    k.compose();
    return {
      from: this.from,
      to: this.to,
      epoch,
      rotation: Object.freeze(Array.from(k.r)) as unknown as Mat3,
      rotationRate: Object.freeze(Array.from(k.rDot)) as unknown as Mat3,
    };
  }

  transformBatchInto(
    out: Float64Array,
    epochs: readonly Epoch[] | EpochOffsets,
    states: ArrayLike<number>,
  ): Float64Array {
    const list = Array.isArray(epochs) ? (epochs as readonly Epoch[]) : undefined;
    const offsetsS = list === undefined ? (epochs as EpochOffsets).offsetsS : undefined;
    const n = list !== undefined ? list.length : offsetsS!.length;
    if (states.length !== 6 * n) {
      throw new InvalidArgumentError(
        'states.length',
        states.length,
        'numbers',
        `must be 6 per epoch (${6 * n} for ${n} epochs)`,
      );
    }
    if (out.length < 6 * n) {
      throw new InvalidArgumentError('out.length', out.length, 'numbers', `must be ≥ ${6 * n}`);
    }
    const k = this.kernel();
    const p = k.params;
    if (list !== undefined) {
      for (let i = 0; i < n; i++) {
        this.paramsAt(p, list[i]!);
        k.prepare();
        k.applyInto(out, states, 6 * i);
      }
      return out;
    }
    const start = (epochs as EpochOffsets).start;
    const fast = this.offsetsPath(start, offsetsS!);
    if (fast !== undefined && this.cioChain !== undefined) {
      cioChainBatchInto(out, states, offsetsS!, fast.cioChainBatch(this.cioChain));
      return out;
    }
    for (let i = 0; i < n; i++) {
      const dtS = offsetsS![i]!;
      if (fast === undefined) this.paramsAt(p, start.plusSeconds(dtS));
      else fast.paramsInto(p, dtS);
      k.prepare();
      k.applyInto(out, states, 6 * i);
    }
    return out;
  }

  private kernel(): TransformKernel {
    return new TransformKernel(this.edges, this.interpolator, this.fullVelocity);
  }

  /** The per-state parameters at an instant, as the exact edges compute them. */
  private paramsAt(p: Float64Array, epoch: Epoch): void {
    const [ttWhole, ttFrac] = epoch.toSecondsSinceJ2000('TT');
    const ttS = ttWhole + ttFrac;
    p[P_TT_S] = ttS;
    const needs = this.needs;
    if (!needs.eop) return;
    const eop = this.eopAt(epoch);
    if (needs.era || needs.gmst) {
      const fixed = this.fixedEop;
      const [u1, u2] =
        fixed !== undefined
          ? epoch.toJdParts('UT1', {
              timeData: this.timeData,
              ut1MinusUtcS: fixed.ut1MinusUtcS ?? 0,
            })
          : epoch.toJdParts('UT1', { timeData: this.timeData });
      const lodFactor = 1 - eop.lodS / SECONDS_PER_DAY;
      if (needs.era) {
        p[P_ERA_RAD] = earthRotationAngleRad(u1, u2);
        p[P_ERA_RATE_RAD_S] = EARTH_ROTATION_RAD_S * lodFactor;
      }
      if (needs.gmst) {
        p[P_GMST_RAD] = gmst1982Rad(u1, u2);
        p[P_GMST_RATE_RAD_S] = gmstRateRadS(this.fullVelocity, ttS) * lodFactor;
      }
    }
    p[P_XP_RAD] = eop.xpRad;
    p[P_YP_RAD] = eop.ypRad;
    p[P_SP_RAD] = this.chain === 'CIO' ? TIO_LOCATOR_RAD_PER_S * ttS : 0;
    p[P_DX_RAD] = needs.poleOffsets ? eop.dXRad : 0;
    p[P_DY_RAD] = needs.poleOffsets ? eop.dYRad : 0;
  }

  private eopAt(epoch: Epoch): EopNumbers {
    const fixed = this.fixedEop;
    if (fixed !== undefined) {
      return {
        xpRad: fixed.xpRad ?? 0,
        ypRad: fixed.ypRad ?? 0,
        lodS: fixed.lodS ?? 0,
        dXRad: fixed.dXRad ?? 0,
        dYRad: fixed.dYRad ?? 0,
      };
    }
    if (this.timeData.eop === undefined) throw missingEop();
    return epoch.timeDataAt({ timeData: this.timeData }).eop as EopValues;
  }

  /**
   * The fast path of a start + offsets batch, or undefined when the offsets reach across a
   * change of TAI−UTC or into a leap-second day, where UTC is not start + offset.
   */
  private offsetsPath(start: Epoch, offsetsS: ArrayLike<number>): OffsetsPath | undefined {
    const p0 = new Float64Array(P_LENGTH);
    this.paramsAt(p0, start);
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < offsetsS.length; i++) {
      const d = offsetsS[i]!;
      if (!Number.isFinite(d)) {
        throw new InvalidArgumentError(`offsetsS[${i}]`, d, 's', 'must be finite');
      }
      if (d < lo) lo = d;
      else if (d > hi) hi = d;
    }
    const setup: OffsetsSetup = {
      p0,
      interpolator: this.interpolator,
      fixedEop: this.fixedEop,
      needs: this.needs,
      fullVelocity: this.fullVelocity,
      chain: this.chain,
      sampler: this.eopSampler,
      mjdUtcStart: 0,
    };
    if (!this.needs.eop) return new OffsetsPath(setup);
    const leaps = this.timeData.leapSeconds;
    const mjdUtcStart = start.timeDataAt({ timeData: { leapSeconds: leaps } }).mjdUtc;
    const mjdLo = mjdUtcStart + lo / SECONDS_PER_DAY;
    const mjdHi = mjdUtcStart + hi / SECONDS_PER_DAY;
    const datLo = leaps.taiMinusUtc(mjdLo).valueS;
    // One TAI−UTC over the span (whole seconds: no 1960s drift), and no day of 86401 s.
    const uniform =
      Number.isInteger(datLo) &&
      leaps.taiMinusUtc(mjdHi).valueS === datLo &&
      leaps.dayLengthS(Math.floor(mjdHi)) === SECONDS_PER_DAY;
    return uniform ? new OffsetsPath({ ...setup, mjdUtcStart }) : undefined;
  }
}

interface EopNumbers {
  readonly xpRad: number;
  readonly ypRad: number;
  readonly lodS: number;
  readonly dXRad: number;
  readonly dYRad: number;
}

/** GMST82's rate per second of UT1 before the LOD factor, as the exact PEF edge takes it. */
function gmstRateRadS(fullVelocity: boolean, ttS: number): number {
  if (!fullVelocity) return EARTH_ROTATION_RAD_S;
  return (
    RAD_PER_SECOND_OF_TIME *
    (GMST82_RATE_AT_J2000 + (GMST82_RATE_PER_CENTURY * ttS) / SECONDS_PER_CENTURY)
  );
}

function missingEop(): MissingDataError {
  return new MissingDataError(
    'EOP',
    'this frame transform needs Earth orientation parameters: pass timeData with eop, or fixed eop values',
  );
}

interface OffsetsSetup {
  /** Parameters at the start. */
  readonly p0: Float64Array;
  readonly interpolator: FixedGridInterpolator | undefined;
  readonly fixedEop: FixedEop | undefined;
  readonly needs: Needs;
  readonly fullVelocity: boolean;
  readonly chain: 'CIO' | 'FK5';
  /** EOP samples, or undefined for fixed EOP (or when no EOP is needed). */
  readonly sampler: EopSampler | undefined;
  /** UTC MJD of the start. */
  readonly mjdUtcStart: number;
}

/**
 * Parameters of the states of a start + offsets batch from those of the start: TT advanced by
 * the offset; ERA and GMST82 advanced by the elapsed UT1 (the offset plus the change of UT1−TAI
 * between the EOP samples), so that no Julian date is formed per state; polar motion,
 * LOD and dX, dY from the samples.
 */
class OffsetsPath {
  private readonly setup: OffsetsSetup;
  private readonly p0: Float64Array;
  private readonly needsEop: boolean;
  private readonly era: boolean;
  private readonly gmst: boolean;
  private readonly poleOffsets: boolean;
  private readonly cio: boolean;
  private readonly fullVelocity: boolean;
  private readonly sampler: EopSampler | undefined;
  private readonly mjdUtcStart: number;
  private readonly ut1MinusTaiStartS: number;
  private readonly eop = new Float64Array(EOP_SAMPLE_LENGTH);
  private readonly fixedLodFactor: number;

  constructor(setup: OffsetsSetup) {
    this.setup = setup;
    this.fixedLodFactor = 1 - (setup.fixedEop?.lodS ?? 0) / SECONDS_PER_DAY;
    this.p0 = setup.p0;
    this.needsEop = setup.needs.eop;
    this.era = setup.needs.era;
    this.gmst = setup.needs.gmst;
    this.poleOffsets = setup.needs.poleOffsets;
    this.cio = setup.chain === 'CIO';
    this.fullVelocity = setup.fullVelocity;
    this.sampler = setup.needs.eop ? setup.sampler : undefined;
    this.mjdUtcStart = setup.mjdUtcStart;
    if (this.sampler !== undefined) {
      this.sampler.valuesInto(this.eop, 0, setup.mjdUtcStart);
      this.ut1MinusTaiStartS = this.eop[EOP_UT1_MINUS_TAI_S]!;
    } else {
      this.ut1MinusTaiStartS = 0;
    }
  }

  /** The constants of the fused CIO-chain loop for this batch. */
  cioChainBatch(chain: { readonly from: number; readonly to: number }): CioChainBatch {
    const { p0, fixedEop } = this.setup;
    return {
      fromIndex: chain.from,
      toIndex: chain.to,
      interpolator: this.setup.interpolator,
      sampler: this.sampler,
      fixedXpRad: p0[P_XP_RAD]!,
      fixedYpRad: p0[P_YP_RAD]!,
      fixedDxRad: p0[P_DX_RAD]!,
      fixedDyRad: p0[P_DY_RAD]!,
      fixedLodS: fixedEop?.lodS ?? 0,
      poleOffsets: this.poleOffsets,
      fullVelocity: this.fullVelocity,
      ttStartS: p0[P_TT_S]!,
      eraStartRad: p0[P_ERA_RAD]!,
      mjdUtcStart: this.mjdUtcStart,
    };
  }

  paramsInto(p: Float64Array, dtS: number): void {
    const p0 = this.p0;
    const ttS = p0[P_TT_S]! + dtS;
    p[P_TT_S] = ttS;
    if (!this.needsEop) return;
    p[P_SP_RAD] = this.cio ? TIO_LOCATOR_RAD_PER_S * ttS : 0;
    // Elapsed UT1, s, and the LOD factor of the rates.
    let du = dtS;
    let lodFactor: number;
    const sampler = this.sampler;
    if (sampler !== undefined) {
      const e = this.eop;
      sampler.valuesInto(e, 0, this.mjdUtcStart + dtS / SECONDS_PER_DAY);
      du += e[EOP_UT1_MINUS_TAI_S]! - this.ut1MinusTaiStartS;
      lodFactor = 1 - e[EOP_LOD_S]! / SECONDS_PER_DAY;
      p[P_XP_RAD] = e[EOP_XP_RAD]!;
      p[P_YP_RAD] = e[EOP_YP_RAD]!;
      p[P_DX_RAD] = this.poleOffsets ? e[EOP_DX_RAD]! : 0;
      p[P_DY_RAD] = this.poleOffsets ? e[EOP_DY_RAD]! : 0;
    } else {
      // Fixed EOP: UT1−TAI is constant while TAI−UTC is.
      lodFactor = this.fixedLodFactor;
      p[P_XP_RAD] = p0[P_XP_RAD]!;
      p[P_YP_RAD] = p0[P_YP_RAD]!;
      p[P_DX_RAD] = p0[P_DX_RAD]!;
      p[P_DY_RAD] = p0[P_DY_RAD]!;
    }
    if (this.era) {
      p[P_ERA_RAD] = p0[P_ERA_RAD]! + ERA_RAD_PER_UT1_S * du;
      p[P_ERA_RATE_RAD_S] = EARTH_ROTATION_RAD_S * lodFactor;
    }
    if (this.gmst) {
      // GMST82(t) − GMST82(t0) from its polynomial in centuries of UT1; TT stands in for UT1
      // in the quadratic and cubic terms (a minute apart: under 1e-18 rad there).
      const t0 = p0[P_TT_S]! / SECONDS_PER_CENTURY;
      const t = t0 + du / SECONDS_PER_CENTURY;
      const dt = t - t0;
      const linearS = (1 + GMST82_B_S / SECONDS_PER_CENTURY) * du;
      const higherS = GMST82_C_S * dt * (t + t0) + GMST82_D_S * dt * (t * t + t * t0 + t0 * t0);
      p[P_GMST_RAD] = p0[P_GMST_RAD]! + RAD_PER_SECOND_OF_TIME * (linearS + higherS);
      p[P_GMST_RATE_RAD_S] = gmstRateRadS(this.fullVelocity, ttS) * lodFactor;
    }
  }
}

/** Node values of the slow edges: X, Y, s of the CIP; matrices GCRF → frame. */
function nodeValues(
  frames: readonly FrameId[],
  slots: ReadonlyMap<FrameId, number>,
  options: FrameTransformOptions,
): (out: Float64Array, k: number) => void {
  // The celestial matrices need no EOP and no rate.
  const nodeOptions: FrameTransformOptions = { ...options, velocity: 'earthRotation' };
  return (out, k) => {
    const nodeEpoch = Epoch.fromSecondsSinceJ2000(k * PRECESSION_NUTATION_NODE_SPACING_S, 'TT');
    for (const frame of frames) {
      const slot = slots.get(frame)!;
      if (frame === 'CIRS') {
        const [tt1, tt2] = nodeEpoch.toJdParts('TT');
        if (options.nutation === 'IAU2000B') {
          cipXYs2000BInto(out.subarray(slot, slot + 3), tt1, tt2);
        } else {
          const { xRad, yRad, sRad } = cipXYsRad(tt1, tt2);
          out[slot] = xRad;
          out[slot + 1] = yRad;
          out[slot + 2] = sRad;
        }
      } else {
        const m = frameTransformPair('GCRF', frame, nodeEpoch, nodeOptions).r;
        for (let j = 0; j < 9; j++) out[slot + j] = m[j]!;
      }
    }
  };
}
