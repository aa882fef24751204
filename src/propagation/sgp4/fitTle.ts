import { SGP4_WGS72 } from '../../bodies/constants';
import { InvalidArgumentError } from '../../errors';
import { solveLeastSquares } from '../../math';
import type { StateVector } from '../../state';
import type { Epoch } from '../../time';
import { propagateSgp4Batch } from './propagateSgp4Batch';
import { type Sgp4Options, Sgp4Satellite } from './sgp4Satellite';
import type { TleElements } from './tleElements';

/** Options of {@link fitTle}. */
export interface FitTleOptions extends Sgp4Options {
  /** Epoch of the fitted element set. Default: the first state's epoch. */
  readonly epoch?: Epoch;
  /**
   * Starting element set (its name, numbers and designator are kept in the result). Default:
   * the osculating elements of the first state, with B* = 0.
   */
  readonly initial?: TleElements;
  /**
   * Fit B* (default true). Set false for GEO and other orbits where drag is not observable
   * over the arc: B* is then held at the initial value.
   */
  readonly fitBstar?: boolean;
  /** Most Gauss–Newton iterations. Default 25. */
  readonly maxIterations?: number;
}

/** Result of {@link fitTle}. */
export interface FitTleResult {
  /** The fitted mean elements (TLE field units, angles in [0, 360) deg). */
  readonly elements: TleElements;
  /** RMS of the position residuals, km. */
  readonly rmsPositionKm: number;
  /** RMS of the velocity residuals, km/s. */
  readonly rmsVelocityKmS: number;
  /** Gauss–Newton iterations done. */
  readonly iterations: number;
  /** True when the last step changed the weighted RMS by less than 1e-9 of itself. */
  readonly converged: boolean;
}

const DEG = 180 / Math.PI;
const TWO_PI = 2 * Math.PI;

/**
 * Non-singular parameters (equinoctial: safe at e = 0 and i = 0, as GEO needs): mean motion
 * rev/day, e·cos ϖ, e·sin ϖ, tan(i/2)·cos Ω, tan(i/2)·sin Ω, mean longitude rad, B*.
 */
type Params = Float64Array;

function toParams(e: TleElements): Params {
  const w = (e.argOfPerigeeDeg + e.raanDeg) / DEG;
  const node = e.raanDeg / DEG;
  const t = Math.tan(e.inclinationDeg / DEG / 2);
  return Float64Array.of(
    e.meanMotionRevPerDay,
    e.eccentricity * Math.cos(w),
    e.eccentricity * Math.sin(w),
    t * Math.cos(node),
    t * Math.sin(node),
    (e.meanAnomalyDeg + e.argOfPerigeeDeg + e.raanDeg) / DEG,
    e.bstarPerEarthRadius,
  );
}

function wrapDeg(rad: number): number {
  const r = rad % TWO_PI;
  return (r < 0 ? r + TWO_PI : r) * DEG;
}

function fromParams(p: Params, base: TleElements): TleElements {
  const ecc = Math.hypot(p[1]!, p[2]!);
  const lonPerigee = Math.atan2(p[2]!, p[1]!);
  const node = Math.atan2(p[4]!, p[3]!);
  return {
    ...base,
    meanMotionRevPerDay: p[0]!,
    eccentricity: ecc,
    inclinationDeg: 2 * Math.atan(Math.hypot(p[3]!, p[4]!)) * DEG,
    raanDeg: wrapDeg(node),
    argOfPerigeeDeg: wrapDeg(lonPerigee - node),
    meanAnomalyDeg: wrapDeg(p[5]! - lonPerigee),
    bstarPerEarthRadius: p[6]!,
  };
}

/** Osculating elements of a state as a starting element set (WGS-72 μ). */
function osculating(s: StateVector, base: TleElements): TleElements {
  const mu = SGP4_WGS72.gmKm3S2;
  const r = s.positionKm;
  const v = s.velocityKmS;
  const h = [r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]];
  const rm = Math.hypot(r[0], r[1], r[2]);
  const v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
  const rv = r[0] * v[0] + r[1] * v[1] + r[2] * v[2];
  const ev = [0, 1, 2].map((k) => ((v2 - mu / rm) * r[k]! - rv * v[k]!) / mu);
  const a = 1 / (2 / rm - v2 / mu);
  const hm = Math.hypot(h[0]!, h[1]!, h[2]!);
  const incl = Math.acos(h[2]! / hm);
  const node = Math.atan2(h[0]!, -h[1]!);
  const ecc = Math.hypot(ev[0]!, ev[1]!, ev[2]!);
  // Arguments of latitude and perigee from the node line n and q = ĥ × n in the plane.
  const n = [Math.cos(node), Math.sin(node), 0];
  const hh = [h[0]! / hm, h[1]! / hm, h[2]! / hm];
  const q = [
    hh[1]! * n[2]! - hh[2]! * n[1]!,
    hh[2]! * n[0]! - hh[0]! * n[2]!,
    hh[0]! * n[1]! - hh[1]! * n[0]!,
  ];
  const dotn = (x: readonly number[]) => x[0]! * n[0]! + x[1]! * n[1]! + x[2]! * n[2]!;
  const dotq = (x: readonly number[]) => x[0]! * q[0]! + x[1]! * q[1]! + x[2]! * q[2]!;
  const u = Math.atan2(dotq(r), dotn(r));
  const w = Math.atan2(dotq(ev), dotn(ev));
  const nu = u - w;
  const E = 2 * Math.atan(Math.sqrt((1 - ecc) / (1 + ecc)) * Math.tan(nu / 2));
  const M = E - ecc * Math.sin(E);
  return {
    ...base,
    meanMotionRevPerDay: (Math.sqrt(mu / (a * a * a)) * 86400) / TWO_PI,
    eccentricity: ecc,
    inclinationDeg: incl * DEG,
    raanDeg: wrapDeg(node),
    argOfPerigeeDeg: wrapDeg(w),
    meanAnomalyDeg: wrapDeg(M),
  };
}

/**
 * Fits mean elements (a TLE) to a sequence of TEME states by Gauss–Newton least squares on
 * SGP4 itself, with equinoctial parameters (safe at e = 0 and i = 0) and B* free or held.
 *
 * @param states - TEME states (km, km/s), at least 4
 * @param options - epoch, starting elements, B* policy, iterations, gravity model
 * @returns the fitted elements, the position (km) and velocity (km/s) RMS, iterations
 * @throws {@link InvalidArgumentError} for fewer than 4 states or a state not in TEME
 * @see Vallado & Crawford (2008), "SGP4 orbit determination", AIAA 2008-6770
 * @example
 * ```ts
 * const sat = Sgp4Satellite.fromTle(parseTle([
 *   '1 25544U 98067A   20177.54743984  .00000643  00000-0  19557-4 0  9995',
 *   '2 25544  51.6448 307.0852 0002519  82.7533 354.3691 15.49459678233311',
 * ]));
 * const states = [0, 1, 2, 3, 4, 5].map((k) => sgp4State(sat, tleEpoch(sat.elements).plusSeconds(k * 1200)).state!);
 * const fit = fitTle(states, { initial: sat.elements });
 * fit.rmsPositionKm < 1e-3; // true
 * ```
 */
export function fitTle(states: readonly StateVector[], options: FitTleOptions = {}): FitTleResult {
  if (states.length < 4) {
    throw new InvalidArgumentError('states.length', states.length, '', 'must be at least 4');
  }
  states.forEach((s, k) => {
    if (s.frame !== 'TEME') {
      throw new InvalidArgumentError(`states[${k}].frame`, s.frame, '', "must be 'TEME'");
    }
  });
  const epoch = options.epoch ?? states[0]!.epoch;
  const cal = epoch.toCalendar('UTC');
  const dayOfYear =
    cal.dayOfYear + (cal.hour * 3600 + cal.minute * 60 + cal.second + cal.fraction) / 86400;
  const seed: TleElements = options.initial ?? {
    name: '',
    satelliteNumber: 0,
    classification: 'U',
    internationalDesignator: '',
    epochYear: cal.year,
    epochDayOfYear: dayOfYear,
    meanMotionDotOver2RevPerDay2: 0,
    meanMotionDdotOver6RevPerDay3: 0,
    bstarPerEarthRadius: 0,
    ephemerisType: 0,
    elementSetNumber: 0,
    inclinationDeg: 0,
    raanDeg: 0,
    eccentricity: 0,
    argOfPerigeeDeg: 0,
    meanAnomalyDeg: 0,
    meanMotionRevPerDay: 1,
    revolutionNumber: 0,
  };
  const base: TleElements = { ...seed, epochYear: cal.year, epochDayOfYear: dayOfYear };
  const start = options.initial ? base : osculating(states[0]!, base);
  const fitBstar = options.fitBstar ?? true;
  const maxIterations = options.maxIterations ?? 25;
  const sgp4Options: Sgp4Options = {
    gravity: options.gravity ?? 'wgs72',
    opsMode: options.opsMode ?? 'i',
  };
  const tsinceMin = states.map((s) => s.epoch.secondsSince(epoch) / 60);
  const m = states.length;
  // Velocity residuals weighted by the time the orbit takes to turn one radian.
  const tauS = 86400 / (TWO_PI * start.meanMotionRevPerDay);

  const residuals = (p: Params): Float64Array | null => {
    const el = fromParams(p, base);
    if (!(el.eccentricity < 1 && el.meanMotionRevPerDay > 0)) return null;
    const out = propagateSgp4Batch([Sgp4Satellite.fromTle(el, sgp4Options)], { tsinceMin });
    const r = new Float64Array(6 * m);
    for (let j = 0; j < m; j++) {
      if (out.status[j] !== 0) return null;
      const s = states[j]!;
      r[6 * j] = s.positionKm[0] - out.xKm[j]!;
      r[6 * j + 1] = s.positionKm[1] - out.yKm[j]!;
      r[6 * j + 2] = s.positionKm[2] - out.zKm[j]!;
      r[6 * j + 3] = (s.velocityKmS[0] - out.vxKmS[j]!) * tauS;
      r[6 * j + 4] = (s.velocityKmS[1] - out.vyKmS[j]!) * tauS;
      r[6 * j + 5] = (s.velocityKmS[2] - out.vzKmS[j]!) * tauS;
    }
    return r;
  };
  const cost = (r: Float64Array) => {
    let s = 0;
    for (let k = 0; k < r.length; k++) s += r[k]! * r[k]!;
    return s;
  };

  let p = toParams(start);
  let r = residuals(p);
  if (r === null) {
    throw new InvalidArgumentError(
      'initial',
      'elements',
      '',
      'SGP4 cannot propagate the starting elements over the states',
    );
  }
  let c = cost(r);
  const nParams = fitBstar ? 7 : 6;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const J: number[][] = Array.from({ length: 6 * m }, () => new Array<number>(nParams).fill(0));
    for (let k = 0; k < nParams; k++) {
      const h = k === 0 ? 1e-7 * p[0]! : k === 6 ? 1e-6 * Math.max(Math.abs(p[6]!), 1e-4) : 1e-7;
      const q = Float64Array.from(p);
      q[k] = q[k]! + h;
      const rq = residuals(q);
      if (rq === null) continue;
      // r = observed − model, so ∂model/∂p = −∂r/∂p.
      for (let i = 0; i < 6 * m; i++) J[i]![k] = (r[i]! - rq[i]!) / h;
    }
    const step = solveLeastSquares(J, r).x;
    // Halve the step until the cost does not grow (a plain safeguard on Gauss–Newton).
    let lambda = 1;
    let accepted = false;
    for (let tries = 0; tries < 10 && !accepted; tries++) {
      const q = Float64Array.from(p);
      for (let k = 0; k < nParams; k++) q[k] = q[k]! + lambda * step[k]!;
      const rq = residuals(q);
      if (rq !== null && cost(rq) <= c) {
        converged = c - cost(rq) <= 1e-9 * c || cost(rq) === 0;
        p = q;
        r = rq;
        c = cost(rq);
        accepted = true;
      } else lambda /= 2;
    }
    if (!accepted) converged = true;
  }
  let sp = 0;
  let sv = 0;
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < 3; k++) {
      sp += r[6 * j + k]! ** 2;
      sv += (r[6 * j + 3 + k]! / tauS) ** 2;
    }
  }
  return {
    elements: Object.freeze(fromParams(p, base)),
    rmsPositionKm: Math.sqrt(sp / (3 * m)),
    rmsVelocityKmS: Math.sqrt(sv / (3 * m)),
    iterations,
    converged,
  };
}
