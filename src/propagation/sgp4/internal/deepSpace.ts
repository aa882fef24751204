/**
 * SDP4 (deep space, period ≥ 225 min) over a run of times for one record: secular gravity
 * and drag, the lunar-solar secular rates and the 12 h / 24 h resonance integrator (DSPACE),
 * the lunar-solar periodics with Lyddane's choice at low inclination (DPPER), then the common
 * short-period tail. From Spacetrack Report #3 §10–11 and Vallado et al. (2006, rev. 2020).
 *
 * The resonance integrator steps 720 min at a time from the epoch; its state (atime, xli,
 * xni) lives in locals for the run, so times in increasing order cost one step per 720 min,
 * and any order gives the same numbers (the steps always fall on multiples of 720 min).
 */
import { RPTIM } from './deepSpaceInit';
import { fmod2pi } from './fmod2pi';
import * as L from './layout';
import { type StateColumns, shortPeriodicInto, writeNaN } from './shortPeriodic';

const TWO_PI = 2 * Math.PI;
const X2O3 = 2 / 3;
const ZNS = 1.19459e-5;
const ZES = 0.01675;
const ZNL = 1.5835218e-4;
const ZEL = 0.0549;
// Resonance phase constants (Spacetrack Report #3, DSPACE).
const FASX2 = 0.13130908;
const FASX4 = 2.8843198;
const FASX6 = 0.37448087;
const G22 = 5.7686396;
const G32 = 0.95240898;
const G44 = 1.8014998;
const G52 = 1.050833;
const G54 = 4.4108898;
const STEP_MIN = 720;
/** Half the square of the step, min². */
const STEP2 = 259200;

/**
 * Propagates deep-space record `r[o…]` to `times[tFirst + j] + tOffsetMin` (min since
 * epoch) for j in [0, count), writing sample j at `outFirst + j`.
 */
export function deepSpaceRun(
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
  const t2cof = r[o + L.T2COF]!;
  const xke = r[o + L.XKE]!;
  const j2 = r[o + L.J2]!;
  const j3oj2 = r[o + L.J3OJ2]!;
  const radius = r[o + L.RADIUS_KM]!;
  const vkmpersec = r[o + L.VKMPERSEC]!;
  const gsto = r[o + L.GSTO]!;
  const opsA = r[o + L.OPSMODE_A] === 1;
  const irez = r[o + L.IREZ]!;
  const d2201 = r[o + L.D2201]!;
  const d2211 = r[o + L.D2211]!;
  const d3210 = r[o + L.D3210]!;
  const d3222 = r[o + L.D3222]!;
  const d4410 = r[o + L.D4410]!;
  const d4422 = r[o + L.D4422]!;
  const d5220 = r[o + L.D5220]!;
  const d5232 = r[o + L.D5232]!;
  const d5421 = r[o + L.D5421]!;
  const d5433 = r[o + L.D5433]!;
  const dedt = r[o + L.DEDT]!;
  const didt = r[o + L.DIDT]!;
  const dmdt = r[o + L.DMDT]!;
  const dnodt = r[o + L.DNODT]!;
  const domdt = r[o + L.DOMDT]!;
  const del1 = r[o + L.DEL1]!;
  const del2 = r[o + L.DEL2]!;
  const del3 = r[o + L.DEL3]!;
  const xfact = r[o + L.XFACT]!;
  const xlamo = r[o + L.XLAMO]!;
  const e3 = r[o + L.E3]!;
  const ee2 = r[o + L.EE2]!;
  const se2 = r[o + L.SE2]!;
  const se3 = r[o + L.SE3]!;
  const sgh2 = r[o + L.SGH2]!;
  const sgh3 = r[o + L.SGH3]!;
  const sgh4 = r[o + L.SGH4]!;
  const sh2 = r[o + L.SH2]!;
  const sh3 = r[o + L.SH3]!;
  const si2 = r[o + L.SI2]!;
  const si3 = r[o + L.SI3]!;
  const sl2 = r[o + L.SL2]!;
  const sl3 = r[o + L.SL3]!;
  const sl4 = r[o + L.SL4]!;
  const xgh2 = r[o + L.XGH2]!;
  const xgh3 = r[o + L.XGH3]!;
  const xgh4 = r[o + L.XGH4]!;
  const xh2 = r[o + L.XH2]!;
  const xh3 = r[o + L.XH3]!;
  const xi2 = r[o + L.XI2]!;
  const xi3 = r[o + L.XI3]!;
  const xl2 = r[o + L.XL2]!;
  const xl3 = r[o + L.XL3]!;
  const xl4 = r[o + L.XL4]!;
  const zmol = r[o + L.ZMOL]!;
  const zmos = r[o + L.ZMOS]!;
  const amFactorNo = (xke / no) ** X2O3;
  const bstarCc4 = bstar * cc4;
  // Resonance integrator state, kept across the run.
  let atime = 0;
  let xli = xlamo;
  let xni = no;

  for (let j = 0; j < count; j++) {
    const i = outFirst + j;
    const t = times[tFirst + j]! + tOffsetMin;
    // Secular gravity and drag (the simplified drag model always applies in deep space).
    const xmdf = mo + mdot * t;
    let argpm = argpo + argpdot * t;
    const t2 = t * t;
    let nodem = nodeo + nodedot * t + nodecf * t2;
    let mm = xmdf;
    const tempa = 1 - cc1 * t;
    const tempe = bstarCc4 * t;
    const templ = t2cof * t2;

    // DSPACE: lunar-solar secular rates and resonance.
    const theta = fmod2pi(gsto + t * RPTIM);
    let em = ecco + dedt * t;
    const inclm = inclo + didt * t;
    argpm += domdt * t;
    nodem += dnodt * t;
    mm += dmdt * t;
    let nm = no;
    let amFactor = amFactorNo;
    if (irez !== 0) {
      if (atime === 0 || t * atime <= 0 || Math.abs(t) < Math.abs(atime)) {
        atime = 0;
        xni = no;
        xli = xlamo;
      }
      const delt = t > 0 ? STEP_MIN : -STEP_MIN;
      let ft = 0;
      let xndt = 0;
      let xldot = 0;
      let xnddt = 0;
      for (;;) {
        if (irez !== 2) {
          xndt =
            del1 * Math.sin(xli - FASX2) +
            del2 * Math.sin(2 * (xli - FASX4)) +
            del3 * Math.sin(3 * (xli - FASX6));
          xldot = xni + xfact;
          xnddt =
            del1 * Math.cos(xli - FASX2) +
            2 * del2 * Math.cos(2 * (xli - FASX4)) +
            3 * del3 * Math.cos(3 * (xli - FASX6));
          xnddt *= xldot;
        } else {
          const xomi = argpo + argpdot * atime;
          const x2omi = xomi + xomi;
          const x2li = xli + xli;
          xndt =
            d2201 * Math.sin(x2omi + xli - G22) +
            d2211 * Math.sin(xli - G22) +
            d3210 * Math.sin(xomi + xli - G32) +
            d3222 * Math.sin(-xomi + xli - G32) +
            d4410 * Math.sin(x2omi + x2li - G44) +
            d4422 * Math.sin(x2li - G44) +
            d5220 * Math.sin(xomi + xli - G52) +
            d5232 * Math.sin(-xomi + xli - G52) +
            d5421 * Math.sin(xomi + x2li - G54) +
            d5433 * Math.sin(-xomi + x2li - G54);
          xldot = xni + xfact;
          xnddt =
            d2201 * Math.cos(x2omi + xli - G22) +
            d2211 * Math.cos(xli - G22) +
            d3210 * Math.cos(xomi + xli - G32) +
            d3222 * Math.cos(-xomi + xli - G32) +
            d5220 * Math.cos(xomi + xli - G52) +
            d5232 * Math.cos(-xomi + xli - G52) +
            2 *
              (d4410 * Math.cos(x2omi + x2li - G44) +
                d4422 * Math.cos(x2li - G44) +
                d5421 * Math.cos(xomi + x2li - G54) +
                d5433 * Math.cos(-xomi + x2li - G54));
          xnddt *= xldot;
        }
        if (Math.abs(t - atime) < STEP_MIN) {
          ft = t - atime;
          break;
        }
        xli = xli + xldot * delt + xndt * STEP2;
        xni = xni + xndt * delt + xnddt * STEP2;
        atime += delt;
      }
      nm = xni + xndt * ft + xnddt * ft * ft * 0.5;
      const xl = xli + xldot * ft + xndt * ft * ft * 0.5;
      mm = irez !== 1 ? xl - 2 * nodem + 2 * theta : xl - nodem - argpm + theta;
      nm = no + (nm - no);
      amFactor = (xke / nm) ** X2O3;
    }
    if (nm <= 0) {
      writeNaN(c, i);
      status[i] = 2;
      continue;
    }
    const am = amFactor * tempa * tempa;
    nm = xke / (am * Math.sqrt(am));
    em -= tempe;
    if (em >= 1 || em < -0.001) {
      writeNaN(c, i);
      status[i] = 1;
      continue;
    }
    if (em < 1e-6) em = 1e-6;
    mm += no * templ;
    let xlm = mm + argpm + nodem;
    nodem = fmod2pi(nodem);
    argpm = fmod2pi(argpm);
    xlm = fmod2pi(xlm);
    mm = fmod2pi(xlm - argpm - nodem);

    // DPPER: lunar-solar periodics, applied to the mean elements.
    let zm = zmos + ZNS * t;
    let zf = zm + 2 * ZES * Math.sin(zm);
    let sinzf = Math.sin(zf);
    let f2 = 0.5 * sinzf * sinzf - 0.25;
    let f3 = -0.5 * sinzf * Math.cos(zf);
    const ses = se2 * f2 + se3 * f3;
    const sis = si2 * f2 + si3 * f3;
    const sls = sl2 * f2 + sl3 * f3 + sl4 * sinzf;
    const sghs = sgh2 * f2 + sgh3 * f3 + sgh4 * sinzf;
    const shs = sh2 * f2 + sh3 * f3;
    zm = zmol + ZNL * t;
    zf = zm + 2 * ZEL * Math.sin(zm);
    sinzf = Math.sin(zf);
    f2 = 0.5 * sinzf * sinzf - 0.25;
    f3 = -0.5 * sinzf * Math.cos(zf);
    const sel = ee2 * f2 + e3 * f3;
    const sil = xi2 * f2 + xi3 * f3;
    const sll = xl2 * f2 + xl3 * f3 + xl4 * sinzf;
    const sghl = xgh2 * f2 + xgh3 * f3 + xgh4 * sinzf;
    const shll = xh2 * f2 + xh3 * f3;
    const pe = ses + sel;
    const pinc = sis + sil;
    const pl = sls + sll;
    let pgh = sghs + sghl;
    let ph = shs + shll;
    let xincp = inclm + pinc;
    const ep = em + pe;
    let argpp = argpm;
    let nodep = nodem;
    let mp = mm;
    let sinip = Math.sin(xincp);
    const cosip = Math.cos(xincp);
    if (xincp >= 0.2) {
      ph /= sinip;
      pgh -= cosip * ph;
      argpp += pgh;
      nodep += ph;
      mp += pl;
    } else {
      // Lyddane's modification at low inclination: apply the periodics to the
      // non-singular variables (sin i sin Ω, sin i cos Ω) and the longitude.
      const sinop = Math.sin(nodep);
      const cosop = Math.cos(nodep);
      let alfdp = sinip * sinop;
      let betdp = sinip * cosop;
      const dalf = ph * cosop + pinc * cosip * sinop;
      const dbet = -ph * sinop + pinc * cosip * cosop;
      alfdp += dalf;
      betdp += dbet;
      nodep = fmod2pi(nodep);
      if (nodep < 0 && opsA) nodep += TWO_PI;
      let xls = mp + argpp + cosip * nodep;
      const dls = pl + pgh - pinc * nodep * sinip;
      xls += dls;
      const xnoh = nodep;
      nodep = Math.atan2(alfdp, betdp);
      if (nodep < 0 && opsA) nodep += TWO_PI;
      if (Math.abs(xnoh - nodep) > Math.PI) {
        if (nodep < xnoh) nodep += TWO_PI;
        else nodep -= TWO_PI;
      }
      mp += pl;
      argpp = xls - mp - cosip * nodep;
    }
    if (xincp < 0) {
      // sin and cos of the inclination follow its sign change exactly (sin is odd).
      xincp = -xincp;
      sinip = -sinip;
      nodep += Math.PI;
      argpp -= Math.PI;
    }
    if (ep < 0 || ep > 1) {
      writeNaN(c, i);
      status[i] = 3;
      continue;
    }
    const aycof = -0.5 * j3oj2 * sinip;
    const onePlusCos = Math.abs(cosip + 1) > 1.5e-12 ? 1 + cosip : 1.5e-12;
    const xlcof = (-0.25 * j3oj2 * sinip * (3 + 5 * cosip)) / onePlusCos;
    const cosisq = cosip * cosip;
    status[i] = shortPeriodicInto(
      c,
      i,
      am,
      nm,
      ep,
      xincp,
      nodep,
      argpp,
      mp,
      sinip,
      cosip,
      aycof,
      xlcof,
      3 * cosisq - 1,
      1 - cosisq,
      7 * cosisq - 1,
      xke,
      j2,
      radius,
      vkmpersec,
    );
  }
}
