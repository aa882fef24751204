/**
 * SGP4 (near-Earth, period < 225 min) over a run of times for one record: the secular
 * gravity and drag updates of Spacetrack Report #3 §6 (with Vallado et al. 2006's error
 * codes), then the common short-period tail. The record's constants are read once per run,
 * and the inclination-only terms are hoisted out of the loop (near-Earth inclination has no
 * secular change), so one sample costs the time-dependent arithmetic alone.
 */
import { fmod2pi } from './fmod2pi';
import * as L from './layout';
import { type StateColumns, shortPeriodicInto, writeNaN } from './shortPeriodic';

const X2O3 = 2 / 3;

/**
 * Propagates record `r[o…]` to `times[tFirst + j] + tOffsetMin` (min since epoch) for j in
 * [0, count), writing sample j at index `outFirst + j` of the columns and of `status`.
 */
export function nearEarthRun(
  r: Float64Array,
  o: number,
  times: ArrayLike<number>,
  tFirst: number,
  count: number,
  tOffsetMin: number,
  c: StateColumns,
  status: Uint8Array,
  outFirst: number,
): void {
  const no = r[o + L.NO]!;
  const ecco = r[o + L.ECCO]!;
  const inclo = r[o + L.INCLO]!;
  const nodeo = r[o + L.NODEO]!;
  const argpo = r[o + L.ARGPO]!;
  const mo = r[o + L.MO]!;
  const bstar = r[o + L.BSTAR]!;
  const mdot = r[o + L.MDOT]!;
  const argpdot = r[o + L.ARGPDOT]!;
  const nodedot = r[o + L.NODEDOT]!;
  const nodecf = r[o + L.NODECF]!;
  const cc1 = r[o + L.CC1]!;
  const cc4 = r[o + L.CC4]!;
  const cc5 = r[o + L.CC5]!;
  const t2cof = r[o + L.T2COF]!;
  const omgcof = r[o + L.OMGCOF]!;
  const xmcof = r[o + L.XMCOF]!;
  const eta = r[o + L.ETA]!;
  const delmo = r[o + L.DELMO]!;
  const sinmao = r[o + L.SINMAO]!;
  const d2 = r[o + L.D2]!;
  const d3 = r[o + L.D3]!;
  const d4 = r[o + L.D4]!;
  const t3cof = r[o + L.T3COF]!;
  const t4cof = r[o + L.T4COF]!;
  const t5cof = r[o + L.T5COF]!;
  const full = r[o + L.ISIMP] !== 1;
  const con41 = r[o + L.CON41]!;
  const x1mth2 = r[o + L.X1MTH2]!;
  const x7thm1 = r[o + L.X7THM1]!;
  const xlcof = r[o + L.XLCOF]!;
  const aycof = r[o + L.AYCOF]!;
  const xke = r[o + L.XKE]!;
  const j2 = r[o + L.J2]!;
  const radius = r[o + L.RADIUS_KM]!;
  const vkmpersec = r[o + L.VKMPERSEC]!;
  const sinim = Math.sin(inclo);
  const cosim = Math.cos(inclo);
  const amFactor = (xke / no) ** X2O3;
  const bstarCc4 = bstar * cc4;
  const bstarCc5 = bstar * cc5;

  for (let j = 0; j < count; j++) {
    const i = outFirst + j;
    const t = times[tFirst + j]! + tOffsetMin;
    const xmdf = mo + mdot * t;
    const argpdf = argpo + argpdot * t;
    const nodedf = nodeo + nodedot * t;
    let argpm = argpdf;
    let mm = xmdf;
    const t2 = t * t;
    let nodem = nodedf + nodecf * t2;
    let tempa = 1 - cc1 * t;
    let tempe = bstarCc4 * t;
    let templ = t2cof * t2;
    if (full) {
      const delomg = omgcof * t;
      const delmtemp = 1 + eta * Math.cos(xmdf);
      const delm = xmcof * (delmtemp * delmtemp * delmtemp - delmo);
      const temp = delomg + delm;
      mm = xmdf + temp;
      argpm = argpdf - temp;
      const t3 = t2 * t;
      const t4 = t3 * t;
      tempa = tempa - d2 * t2 - d3 * t3 - d4 * t4;
      tempe = tempe + bstarCc5 * (Math.sin(mm) - sinmao);
      templ = templ + t3cof * t3 + t4 * (t4cof + t * t5cof);
    }
    const am = amFactor * tempa * tempa;
    const nm = xke / (am * Math.sqrt(am));
    let em = ecco - tempe;
    if (em >= 1 || em < -0.001) {
      writeNaN(c, i);
      status[i] = 1;
      continue;
    }
    if (em < 1e-6) em = 1e-6;
    mm = mm + no * templ;
    let xlm = mm + argpm + nodem;
    nodem = fmod2pi(nodem);
    argpm = fmod2pi(argpm);
    xlm = fmod2pi(xlm);
    mm = fmod2pi(xlm - argpm - nodem);
    status[i] = shortPeriodicInto(
      c,
      i,
      am,
      nm,
      em,
      inclo,
      nodem,
      argpm,
      mm,
      sinim,
      cosim,
      aycof,
      xlcof,
      con41,
      x1mth2,
      x7thm1,
      xke,
      j2,
      radius,
      vkmpersec,
    );
  }
}
