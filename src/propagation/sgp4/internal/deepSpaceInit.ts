/**
 * Deep-space (SDP4) initialisation: the lunar and solar perturbation coefficients (Hujsak's
 * DSCOM) and the secular and resonance terms (DSINIT), written from Hoots & Roehrich,
 * Spacetrack Report #3 (1980), §10–11, with the corrections of Vallado, Crawford, Hujsak &
 * Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753 (2006, rev. 2020).
 */
import * as L from './layout';

const TWO_PI = 2 * Math.PI;
/** Earth rotation rate in rad/min as SDP4 uses it (Spacetrack Report #3, "RPTIM"). */
export const RPTIM = 0.0043752690880113;
const ZES = 0.01675;
const ZEL = 0.0549;
const C1SS = 2.9864797e-6;
const C1L = 4.7968065e-7;
const ZSINIS = 0.39785416;
const ZCOSIS = 0.91744867;
const ZCOSGS = 0.1945905;
const ZSINGS = -0.98088458;
const ZNS = 1.19459e-5;
const ZNL = 1.5835218e-4;
// Resonance coefficients (Spacetrack Report #3, DSINIT).
const Q22 = 1.7891679e-6;
const Q31 = 2.1460748e-6;
const Q33 = 2.2123015e-7;
const ROOT22 = 1.7891679e-6;
const ROOT44 = 7.3636953e-9;
const ROOT54 = 2.1765803e-9;
const ROOT32 = 3.7393792e-7;
const ROOT52 = 1.1428639e-7;

/** The secular rates that sgp4init has computed before the deep-space part. */
export interface SecularRates {
  readonly mdot: number;
  readonly nodedot: number;
  readonly argpdot: number;
}

/** One set of third-body coefficients (DSCOM's s1…s7 and z1…z33 for the Sun or the Moon). */
interface ThirdBody {
  s1: number;
  s2: number;
  s3: number;
  s4: number;
  s5: number;
  s6: number;
  s7: number;
  z1: number;
  z2: number;
  z3: number;
  z11: number;
  z12: number;
  z13: number;
  z21: number;
  z22: number;
  z23: number;
  z31: number;
  z32: number;
  z33: number;
}

/** DSCOM's common block for one perturbing body of orientation (g, i, h) and constant cc. */
function thirdBody(
  zcosg: number,
  zsing: number,
  zcosi: number,
  zsini: number,
  zcosh: number,
  zsinh: number,
  cc: number,
  xnoi: number,
  cosim: number,
  sinim: number,
  cosomm: number,
  sinomm: number,
  em: number,
  emsq: number,
): ThirdBody {
  const betasq = 1 - emsq;
  const rtemsq = Math.sqrt(betasq);
  const a1 = zcosg * zcosh + zsing * zcosi * zsinh;
  const a3 = -zsing * zcosh + zcosg * zcosi * zsinh;
  const a7 = -zcosg * zsinh + zsing * zcosi * zcosh;
  const a8 = zsing * zsini;
  const a9 = zsing * zsinh + zcosg * zcosi * zcosh;
  const a10 = zcosg * zsini;
  const a2 = cosim * a7 + sinim * a8;
  const a4 = cosim * a9 + sinim * a10;
  const a5 = -sinim * a7 + cosim * a8;
  const a6 = -sinim * a9 + cosim * a10;
  const x1 = a1 * cosomm + a2 * sinomm;
  const x2 = a3 * cosomm + a4 * sinomm;
  const x3 = -a1 * sinomm + a2 * cosomm;
  const x4 = -a3 * sinomm + a4 * cosomm;
  const x5 = a5 * sinomm;
  const x6 = a6 * sinomm;
  const x7 = a5 * cosomm;
  const x8 = a6 * cosomm;
  const z31 = 12 * x1 * x1 - 3 * x3 * x3;
  const z32 = 24 * x1 * x2 - 6 * x3 * x4;
  const z33 = 12 * x2 * x2 - 3 * x4 * x4;
  let z1 = 3 * (a1 * a1 + a2 * a2) + z31 * emsq;
  let z2 = 6 * (a1 * a3 + a2 * a4) + z32 * emsq;
  let z3 = 3 * (a3 * a3 + a4 * a4) + z33 * emsq;
  const z11 = -6 * a1 * a5 + emsq * (-24 * x1 * x7 - 6 * x3 * x5);
  const z12 =
    -6 * (a1 * a6 + a3 * a5) + emsq * (-24 * (x2 * x7 + x1 * x8) - 6 * (x3 * x6 + x4 * x5));
  const z13 = -6 * a3 * a6 + emsq * (-24 * x2 * x8 - 6 * x4 * x6);
  const z21 = 6 * a2 * a5 + emsq * (24 * x1 * x5 - 6 * x3 * x7);
  const z22 = 6 * (a4 * a5 + a2 * a6) + emsq * (24 * (x2 * x5 + x1 * x6) - 6 * (x4 * x7 + x3 * x8));
  const z23 = 6 * a4 * a6 + emsq * (24 * x2 * x6 - 6 * x4 * x8);
  z1 = z1 + z1 + betasq * z31;
  z2 = z2 + z2 + betasq * z32;
  z3 = z3 + z3 + betasq * z33;
  const s3 = cc * xnoi;
  const s2 = (-0.5 * s3) / rtemsq;
  const s4 = s3 * rtemsq;
  const s1 = -15 * em * s4;
  const s5 = x1 * x3 + x2 * x4;
  const s6 = x2 * x3 + x1 * x4;
  const s7 = x2 * x4 - x1 * x3;
  return { s1, s2, s3, s4, s5, s6, s7, z1, z2, z3, z11, z12, z13, z21, z22, z23, z31, z32, z33 };
}

/**
 * Fills the deep-space slots of a record whose near-Earth part (mean elements, gravity,
 * GSTO, secular rates) is already written.
 *
 * @param r - the record array
 * @param o - offset of the record
 * @param rates - mdot, nodedot, argpdot, rad/min
 */
export function initialiseDeepSpace(r: Float64Array, o: number, rates: SecularRates): void {
  const no = r[o + L.NO]!;
  const ecco = r[o + L.ECCO]!;
  const inclo = r[o + L.INCLO]!;
  const nodeo = r[o + L.NODEO]!;
  const argpo = r[o + L.ARGPO]!;
  const mo = r[o + L.MO]!;
  const xke = r[o + L.XKE]!;
  const gsto = r[o + L.GSTO]!;
  const epoch = r[o + L.EPOCH_1950]!;

  // --- DSCOM: lunar and solar coefficients at epoch (tc = 0).
  const snodm = Math.sin(nodeo);
  const cnodm = Math.cos(nodeo);
  const sinomm = Math.sin(argpo);
  const cosomm = Math.cos(argpo);
  const sinim = Math.sin(inclo);
  const cosim = Math.cos(inclo);
  const em = ecco;
  const emsq = em * em;
  const day = epoch + 18261.5;
  const xnodce = (4.523602 - 9.2422029e-4 * day) % TWO_PI;
  const stem = Math.sin(xnodce);
  const ctem = Math.cos(xnodce);
  const zcosil = 0.91375164 - 0.03568096 * ctem;
  const zsinil = Math.sqrt(1 - zcosil * zcosil);
  const zsinhl = (0.089683511 * stem) / zsinil;
  const zcoshl = Math.sqrt(1 - zsinhl * zsinhl);
  const gam = 5.8351514 + 0.001944368 * day;
  let zx = (0.39785416 * stem) / zsinil;
  const zy = zcoshl * ctem + 0.91744867 * zsinhl * stem;
  zx = Math.atan2(zx, zy);
  zx = gam + zx - xnodce;
  const zcosgl = Math.cos(zx);
  const zsingl = Math.sin(zx);
  const xnoi = 1 / no;
  const sun = thirdBody(
    ZCOSGS,
    ZSINGS,
    ZCOSIS,
    ZSINIS,
    cnodm,
    snodm,
    C1SS,
    xnoi,
    cosim,
    sinim,
    cosomm,
    sinomm,
    em,
    emsq,
  );
  const moon = thirdBody(
    zcosgl,
    zsingl,
    zcosil,
    zsinil,
    zcoshl * cnodm + zsinhl * snodm,
    snodm * zcoshl - cnodm * zsinhl,
    C1L,
    xnoi,
    cosim,
    sinim,
    cosomm,
    sinomm,
    em,
    emsq,
  );
  r[o + L.ZMOL] = (4.7199672 + 0.2299715 * day - gam) % TWO_PI;
  r[o + L.ZMOS] = (6.2565837 + 0.017201977 * day) % TWO_PI;
  // Solar periodic coefficients.
  r[o + L.SE2] = 2 * sun.s1 * sun.s6;
  r[o + L.SE3] = 2 * sun.s1 * sun.s7;
  r[o + L.SI2] = 2 * sun.s2 * sun.z12;
  r[o + L.SI3] = 2 * sun.s2 * (sun.z13 - sun.z11);
  r[o + L.SL2] = -2 * sun.s3 * sun.z2;
  r[o + L.SL3] = -2 * sun.s3 * (sun.z3 - sun.z1);
  r[o + L.SL4] = -2 * sun.s3 * (-21 - 9 * emsq) * ZES;
  r[o + L.SGH2] = 2 * sun.s4 * sun.z32;
  r[o + L.SGH3] = 2 * sun.s4 * (sun.z33 - sun.z31);
  r[o + L.SGH4] = -18 * sun.s4 * ZES;
  r[o + L.SH2] = -2 * sun.s2 * sun.z22;
  r[o + L.SH3] = -2 * sun.s2 * (sun.z23 - sun.z21);
  // Lunar periodic coefficients.
  r[o + L.EE2] = 2 * moon.s1 * moon.s6;
  r[o + L.E3] = 2 * moon.s1 * moon.s7;
  r[o + L.XI2] = 2 * moon.s2 * moon.z12;
  r[o + L.XI3] = 2 * moon.s2 * (moon.z13 - moon.z11);
  r[o + L.XL2] = -2 * moon.s3 * moon.z2;
  r[o + L.XL3] = -2 * moon.s3 * (moon.z3 - moon.z1);
  r[o + L.XL4] = -2 * moon.s3 * (-21 - 9 * emsq) * ZEL;
  r[o + L.XGH2] = 2 * moon.s4 * moon.z32;
  r[o + L.XGH3] = 2 * moon.s4 * (moon.z33 - moon.z31);
  r[o + L.XGH4] = -18 * moon.s4 * ZEL;
  r[o + L.XH2] = -2 * moon.s2 * moon.z22;
  r[o + L.XH3] = -2 * moon.s2 * (moon.z23 - moon.z21);

  // --- DSINIT: secular lunar-solar rates and the resonance terms.
  const nm = no;
  let irez = 0;
  if (nm < 0.0052359877 && nm > 0.0034906585) irez = 1;
  if (nm >= 8.26e-3 && nm <= 9.24e-3 && em >= 0.5) irez = 2;
  const nearEquatorial = inclo < 5.2359877e-2 || inclo > Math.PI - 5.2359877e-2;
  const ses = sun.s1 * ZNS * sun.s5;
  const sis = sun.s2 * ZNS * (sun.z11 + sun.z13);
  const sls = -ZNS * sun.s3 * (sun.z1 + sun.z3 - 14 - 6 * emsq);
  const sghs = sun.s4 * ZNS * (sun.z31 + sun.z33 - 6);
  let shs = -ZNS * sun.s2 * (sun.z21 + sun.z23);
  if (nearEquatorial) shs = 0;
  if (sinim !== 0) shs /= sinim;
  const sgs = sghs - cosim * shs;
  const dedt = ses + moon.s1 * ZNL * moon.s5;
  const didt = sis + moon.s2 * ZNL * (moon.z11 + moon.z13);
  const dmdt = sls - ZNL * moon.s3 * (moon.z1 + moon.z3 - 14 - 6 * emsq);
  const sghl = moon.s4 * ZNL * (moon.z31 + moon.z33 - 6);
  let shll = -ZNL * moon.s2 * (moon.z21 + moon.z23);
  if (nearEquatorial) shll = 0;
  let domdt = sgs + sghl;
  let dnodt = shs;
  if (sinim !== 0) {
    domdt -= (cosim / sinim) * shll;
    dnodt += shll / sinim;
  }
  r[o + L.DEDT] = dedt;
  r[o + L.DIDT] = didt;
  r[o + L.DMDT] = dmdt;
  r[o + L.DOMDT] = domdt;
  r[o + L.DNODT] = dnodt;
  r[o + L.IREZ] = irez;
  if (irez === 0) return;

  const theta = gsto % TWO_PI;
  const aonv = (nm / xke) ** (2 / 3);
  if (irez === 2) {
    // Half-day (12 h) resonance, Spacetrack Report #3 eqs. for the G and F functions, with
    // the eccentricity functions evaluated at the mean eccentricity at epoch.
    const cosisq = cosim * cosim;
    const e = ecco;
    const e2 = ecco * ecco;
    const eoc = e * e2;
    const g201 = -0.306 - (e - 0.64) * 0.44;
    let g211: number;
    let g310: number;
    let g322: number;
    let g410: number;
    let g422: number;
    let g520: number;
    if (e <= 0.65) {
      g211 = 3.616 - 13.247 * e + 16.29 * e2;
      g310 = -19.302 + 117.39 * e - 228.419 * e2 + 156.591 * eoc;
      g322 = -18.9068 + 109.7927 * e - 214.6334 * e2 + 146.5816 * eoc;
      g410 = -41.122 + 242.694 * e - 471.094 * e2 + 313.953 * eoc;
      g422 = -146.407 + 841.88 * e - 1629.014 * e2 + 1083.435 * eoc;
      g520 = -532.114 + 3017.977 * e - 5740.032 * e2 + 3708.276 * eoc;
    } else {
      g211 = -72.099 + 331.819 * e - 508.738 * e2 + 266.724 * eoc;
      g310 = -346.844 + 1582.851 * e - 2415.925 * e2 + 1246.113 * eoc;
      g322 = -342.585 + 1554.908 * e - 2366.899 * e2 + 1215.972 * eoc;
      g410 = -1052.797 + 4758.686 * e - 7193.992 * e2 + 3651.957 * eoc;
      g422 = -3581.69 + 16178.11 * e - 24462.77 * e2 + 12422.52 * eoc;
      g520 =
        e > 0.715
          ? -5149.66 + 29936.92 * e - 54087.36 * e2 + 31324.56 * eoc
          : 1464.74 - 4664.75 * e + 3763.64 * e2;
    }
    let g533: number;
    let g521: number;
    let g532: number;
    if (e < 0.7) {
      g533 = -919.2277 + 4988.61 * e - 9064.77 * e2 + 5542.21 * eoc;
      g521 = -822.71072 + 4568.6173 * e - 8491.4146 * e2 + 5337.524 * eoc;
      g532 = -853.666 + 4690.25 * e - 8624.77 * e2 + 5341.4 * eoc;
    } else {
      g533 = -37995.78 + 161616.52 * e - 229838.2 * e2 + 109377.94 * eoc;
      g521 = -51752.104 + 218913.95 * e - 309468.16 * e2 + 146349.42 * eoc;
      g532 = -40023.88 + 170470.89 * e - 242699.48 * e2 + 115605.82 * eoc;
    }
    const sini2 = sinim * sinim;
    const f220 = 0.75 * (1 + 2 * cosim + cosisq);
    const f221 = 1.5 * sini2;
    const f321 = 1.875 * sinim * (1 - 2 * cosim - 3 * cosisq);
    const f322 = -1.875 * sinim * (1 + 2 * cosim - 3 * cosisq);
    const f441 = 35 * sini2 * f220;
    const f442 = 39.375 * sini2 * sini2;
    const f522 =
      9.84375 *
      sinim *
      (sini2 * (1 - 2 * cosim - 5 * cosisq) + 0.33333333 * (-2 + 4 * cosim + 6 * cosisq));
    const f523 =
      sinim *
      (4.92187512 * sini2 * (-2 - 4 * cosim + 10 * cosisq) +
        6.56250012 * (1 + 2 * cosim - 3 * cosisq));
    const f542 = 29.53125 * sinim * (2 - 8 * cosim + cosisq * (-12 + 8 * cosim + 10 * cosisq));
    const f543 = 29.53125 * sinim * (-2 - 8 * cosim + cosisq * (12 + 8 * cosim - 10 * cosisq));
    const xno2 = nm * nm;
    const ainv2 = aonv * aonv;
    let temp1 = 3 * xno2 * ainv2;
    let temp = temp1 * ROOT22;
    r[o + L.D2201] = temp * f220 * g201;
    r[o + L.D2211] = temp * f221 * g211;
    temp1 *= aonv;
    temp = temp1 * ROOT32;
    r[o + L.D3210] = temp * f321 * g310;
    r[o + L.D3222] = temp * f322 * g322;
    temp1 *= aonv;
    temp = 2 * temp1 * ROOT44;
    r[o + L.D4410] = temp * f441 * g410;
    r[o + L.D4422] = temp * f442 * g422;
    temp1 *= aonv;
    temp = temp1 * ROOT52;
    r[o + L.D5220] = temp * f522 * g520;
    r[o + L.D5232] = temp * f523 * g532;
    temp = 2 * temp1 * ROOT54;
    r[o + L.D5421] = temp * f542 * g521;
    r[o + L.D5433] = temp * f543 * g533;
    r[o + L.XLAMO] = (mo + nodeo + nodeo - theta - theta) % TWO_PI;
    r[o + L.XFACT] = rates.mdot + dmdt + 2 * (rates.nodedot + dnodt - RPTIM) - no;
  } else {
    // One-day (synchronous) resonance.
    const g200 = 1 + emsq * (-2.5 + 0.8125 * emsq);
    const g310 = 1 + 2 * emsq;
    const g300 = 1 + emsq * (-6 + 6.60937 * emsq);
    const f220 = 0.75 * (1 + cosim) * (1 + cosim);
    const f311 = 0.9375 * sinim * sinim * (1 + 3 * cosim) - 0.75 * (1 + cosim);
    let f330 = 1 + cosim;
    f330 = 1.875 * f330 * f330 * f330;
    const del1 = 3 * nm * nm * aonv * aonv;
    r[o + L.DEL2] = 2 * del1 * f220 * g200 * Q22;
    r[o + L.DEL3] = 3 * del1 * f330 * g300 * Q33 * aonv;
    r[o + L.DEL1] = del1 * f311 * g310 * Q31 * aonv;
    r[o + L.XLAMO] = (mo + nodeo + argpo - theta) % TWO_PI;
    r[o + L.XFACT] =
      rates.mdot + (rates.argpdot + rates.nodedot) - RPTIM + dmdt + domdt + dnodt - no;
  }
}
