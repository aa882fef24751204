/**
 * The common tail of SGP4 and SDP4: Kepler's equation for the modified eccentric longitude,
 * the short-period J2 corrections and the unit vectors that give position and velocity
 * (Spacetrack Report #3, §6, equations for the "short period periodics" and "orientation
 * vectors", with Vallado et al. 2006's limit on the Newton step and its error codes 4 and 6).
 */

import { fmod2pi } from './fmod2pi';

/** Largest correction (rad) for which the series of sin and cos are used. */
const SMALL_ANGLE = 0.01;

/** The output columns of a batch, struct of arrays. */
export interface StateColumns {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly vz: Float64Array;
}

/** Writes NaN to sample `i` of every column (a sample with error 1–4 has no state). */
export function writeNaN(c: StateColumns, i: number): void {
  c.x[i] = Number.NaN;
  c.y[i] = Number.NaN;
  c.z[i] = Number.NaN;
  c.vx[i] = Number.NaN;
  c.vy[i] = Number.NaN;
  c.vz[i] = Number.NaN;
}

/**
 * Solves Kepler's equation and applies the short-period terms; writes the TEME state of
 * sample `i` (km, km/s).
 *
 * @returns 0, 4 (semi-latus rectum < 0: no state written) or 6 (radius below one Earth
 *   radius: state written)
 */
export function shortPeriodicInto(
  c: StateColumns,
  i: number,
  am: number,
  nm: number,
  ep: number,
  xincp: number,
  nodep: number,
  argpp: number,
  mp: number,
  sinip: number,
  cosip: number,
  aycof: number,
  xlcof: number,
  con41: number,
  x1mth2: number,
  x7thm1: number,
  xke: number,
  j2: number,
  radius: number,
  vkmpersec: number,
): number {
  // Long-period periodics (lower case of the modified equinoctial vector).
  const axnl = ep * Math.cos(argpp);
  let temp = 1 / (am * (1 - ep * ep));
  const aynl = ep * Math.sin(argpp) + temp * aycof;
  const xl = mp + argpp + nodep + temp * xlcof * axnl;

  // Kepler's equation for E + ω by Newton's method, the step held below 0.95 rad.
  const u = fmod2pi(xl - nodep);
  let eo1 = u;
  let tem5 = 9999.9;
  let ktr = 1;
  let sineo1 = 0;
  let coseo1 = 0;
  while (Math.abs(tem5) >= 1e-12 && ktr <= 10) {
    sineo1 = Math.sin(eo1);
    coseo1 = Math.cos(eo1);
    tem5 = 1 - coseo1 * axnl - sineo1 * aynl;
    tem5 = (u - aynl * coseo1 + axnl * sineo1 - eo1) / tem5;
    if (Math.abs(tem5) >= 0.95) tem5 = tem5 > 0 ? 0.95 : -0.95;
    eo1 += tem5;
    ktr++;
  }

  // Short-period preliminary quantities.
  const ecose = axnl * coseo1 + aynl * sineo1;
  const esine = axnl * sineo1 - aynl * coseo1;
  const el2 = axnl * axnl + aynl * aynl;
  const pl = am * (1 - el2);
  if (pl < 0) {
    writeNaN(c, i);
    return 4;
  }
  const rl = am * (1 - ecose);
  const rdotl = (Math.sqrt(am) * esine) / rl;
  const rvdotl = Math.sqrt(pl) / rl;
  const betal = Math.sqrt(1 - el2);
  temp = esine / (1 + betal);
  let sinu = (am / rl) * (sineo1 - aynl - axnl * temp);
  let cosu = (am / rl) * (coseo1 - axnl + aynl * temp);
  const sin2u = (cosu + cosu) * sinu;
  const cos2u = 1 - 2 * sinu * sinu;
  temp = 1 / pl;
  const temp1 = 0.5 * j2 * temp;
  const temp2 = temp1 * temp;

  // Short-period periodics.
  const mrt = rl * (1 - 1.5 * temp2 * betal * con41) + 0.5 * temp1 * x1mth2 * cos2u;
  const dsu = -0.25 * temp2 * x7thm1 * sin2u;
  const xnode = nodep + 1.5 * temp2 * cosip * sin2u;
  const dinc = 1.5 * temp2 * cosip * sinip * cos2u;
  const mvt = rdotl - (nm * temp1 * x1mth2 * sin2u) / xke;
  const rvdot = rvdotl + (nm * temp1 * (x1mth2 * cos2u + 1.5 * con41)) / xke;

  // Orientation vectors. The argument of latitude and the inclination move by less than
  // 1e-3 rad from values whose sine and cosine are at hand (u from sinu, cosu; i from
  // sinip, cosip), so their sines and cosines come from the addition formulas with a
  // series for the small angle (truncation below 1e-24) instead of atan2 and four calls.
  let sinsu: number;
  let cossu: number;
  let sini: number;
  let cosi: number;
  if (Math.abs(dsu) < SMALL_ANGLE && Math.abs(dinc) < SMALL_ANGLE) {
    const norm = 1 / Math.sqrt(sinu * sinu + cosu * cosu);
    sinu *= norm;
    cosu *= norm;
    let d2 = dsu * dsu;
    let sd = dsu * (1 - (d2 / 6) * (1 - d2 / 20));
    let cd = 1 - (d2 / 2) * (1 - (d2 / 12) * (1 - d2 / 30));
    sinsu = sinu * cd + cosu * sd;
    cossu = cosu * cd - sinu * sd;
    d2 = dinc * dinc;
    sd = dinc * (1 - (d2 / 6) * (1 - d2 / 20));
    cd = 1 - (d2 / 2) * (1 - (d2 / 12) * (1 - d2 / 30));
    sini = sinip * cd + cosip * sd;
    cosi = cosip * cd - sinip * sd;
  } else {
    const su = Math.atan2(sinu, cosu) + dsu;
    sinsu = Math.sin(su);
    cossu = Math.cos(su);
    sini = Math.sin(xincp + dinc);
    cosi = Math.cos(xincp + dinc);
  }
  const snod = Math.sin(xnode);
  const cnod = Math.cos(xnode);
  const xmx = -snod * cosi;
  const xmy = cnod * cosi;
  const ux = xmx * sinsu + cnod * cossu;
  const uy = xmy * sinsu + snod * cossu;
  const uz = sini * sinsu;
  const vx = xmx * cossu - cnod * sinsu;
  const vy = xmy * cossu - snod * sinsu;
  const vz = sini * cossu;
  c.x[i] = mrt * ux * radius;
  c.y[i] = mrt * uy * radius;
  c.z[i] = mrt * uz * radius;
  c.vx[i] = (mvt * ux + rvdot * vx) * vkmpersec;
  c.vy[i] = (mvt * uy + rvdot * vy) * vkmpersec;
  c.vz[i] = (mvt * uz + rvdot * vz) * vkmpersec;
  // Below one Earth radius the satellite has decayed; the state is still returned.
  return mrt < 1 ? 6 : 0;
}
