/**
 * SGP4 initialisation (sgp4init and initl): from the mean elements of one element set to the
 * constants of its record. Written from Hoots & Roehrich, Spacetrack Report #3 (1980), §6
 * and §10, with the corrections of Vallado et al., "Revisiting Spacetrack Report #3", AIAA
 * 2006-6753 (perigee-dependent s and q0, the Kozai → Brouwer mean motion, deep-space
 * threshold at a 225 min period, error codes instead of early exits).
 */
import type { Sgp4GravityConstants } from '../../../bodies/constants';
import { initialiseDeepSpace } from './deepSpaceInit';
import { gmst1982, siderealAngleAfspc } from './gmst1982';
import * as L from './layout';

/** The mean elements that sgp4init takes, in SGP4's internal units. */
export interface Sgp4MeanElements {
  /** Days since 1950 January 0.0 UTC. */
  readonly epoch1950: number;
  /** Kozai mean motion, rad/min. */
  readonly noKozaiRadMin: number;
  readonly ecco: number;
  readonly incloRad: number;
  readonly nodeoRad: number;
  readonly argpoRad: number;
  readonly moRad: number;
  /** B*, 1/ER. */
  readonly bstar: number;
}

/**
 * Writes the record of one element set at `r[o … o + RECORD_LENGTH)`.
 *
 * @param r - the record array
 * @param o - offset of the record
 * @param el - the mean elements at epoch
 * @param grav - gravity constants
 * @param opsmodeA - true for the AFSPC sidereal angle and node handling (opsmode 'a')
 */
export function initialiseRecord(
  r: Float64Array,
  o: number,
  el: Sgp4MeanElements,
  grav: Sgp4GravityConstants,
  opsmodeA: boolean,
): void {
  r.fill(0, o, o + L.RECORD_LENGTH);
  const radius = grav.radiusKm;
  const xke = grav.xkePerMin;
  const j2 = grav.j2;
  const j3oj2 = grav.j3 / j2;
  const j4 = grav.j4;
  const x2o3 = 2 / 3;
  const ecco = el.ecco;
  const inclo = el.incloRad;
  const argpo = el.argpoRad;
  const mo = el.moRad;
  const bstar = el.bstar;
  r[o + L.XKE] = xke;
  r[o + L.J2] = j2;
  r[o + L.J3OJ2] = j3oj2;
  r[o + L.RADIUS_KM] = radius;
  r[o + L.VKMPERSEC] = (radius * xke) / 60;
  r[o + L.OPSMODE_A] = opsmodeA ? 1 : 0;
  r[o + L.EPOCH_1950] = el.epoch1950;
  r[o + L.ECCO] = ecco;
  r[o + L.INCLO] = inclo;
  r[o + L.NODEO] = el.nodeoRad;
  r[o + L.ARGPO] = argpo;
  r[o + L.MO] = mo;
  r[o + L.BSTAR] = bstar;

  // --- initl: the Brouwer mean motion from the Kozai one (Spacetrack Report #3, §6).
  const eccsq = ecco * ecco;
  const omeosq = 1 - eccsq;
  const rteosq = Math.sqrt(omeosq);
  const cosio = Math.cos(inclo);
  const cosio2 = cosio * cosio;
  const ak = (xke / el.noKozaiRadMin) ** x2o3;
  const d1 = (0.75 * j2 * (3 * cosio2 - 1)) / (rteosq * omeosq);
  let del = d1 / (ak * ak);
  const adel = ak * (1 - del * del - del * (1 / 3 + (134 * del * del) / 81));
  del = d1 / (adel * adel);
  const no = el.noKozaiRadMin / (1 + del);
  const ao = (xke / no) ** x2o3;
  const sinio = Math.sin(inclo);
  const po = ao * omeosq;
  const con42 = 1 - 5 * cosio2;
  const con41 = -con42 - cosio2 - cosio2;
  const posq = po * po;
  const rp = ao * (1 - ecco);
  r[o + L.NO] = no;
  r[o + L.GSTO] = opsmodeA ? siderealAngleAfspc(el.epoch1950) : gmst1982(el.epoch1950 + 2433281.5);

  // --- sgp4init: drag and secular coefficients.
  const ss = 78 / radius + 1;
  const qzms2t = ((120 - 78) / radius) ** 4;
  // Simplified drag model when the perigee is below 220 km.
  let isimp = rp < 220 / radius + 1 ? 1 : 0;
  // The atmosphere's s and (q0 − s)^4 move down with a perigee below 156 km (Vallado 2006).
  let sfour = ss;
  let qzms24 = qzms2t;
  const perige = (rp - 1) * radius;
  if (perige < 156) {
    sfour = perige - 78;
    if (perige < 98) sfour = 20;
    qzms24 = ((120 - sfour) / radius) ** 4;
    sfour = sfour / radius + 1;
  }
  const pinvsq = 1 / posq;
  const tsi = 1 / (ao - sfour);
  const eta = ao * ecco * tsi;
  const etasq = eta * eta;
  const eeta = ecco * eta;
  const psisq = Math.abs(1 - etasq);
  const coef = qzms24 * tsi ** 4;
  const coef1 = coef / psisq ** 3.5;
  const cc2 =
    coef1 *
    no *
    (ao * (1 + 1.5 * etasq + eeta * (4 + etasq)) +
      ((0.375 * j2 * tsi) / psisq) * con41 * (8 + 3 * etasq * (8 + etasq)));
  const cc1 = bstar * cc2;
  let cc3 = 0;
  if (ecco > 1e-4) cc3 = (-2 * coef * tsi * j3oj2 * no * sinio) / ecco;
  const x1mth2 = 1 - cosio2;
  const cc4 =
    2 *
    no *
    coef1 *
    ao *
    omeosq *
    (eta * (2 + 0.5 * etasq) +
      ecco * (0.5 + 2 * etasq) -
      ((j2 * tsi) / (ao * psisq)) *
        (-3 * con41 * (1 - 2 * eeta + etasq * (1.5 - 0.5 * eeta)) +
          0.75 * x1mth2 * (2 * etasq - eeta * (1 + etasq)) * Math.cos(2 * argpo)));
  const cc5 = 2 * coef1 * ao * omeosq * (1 + 2.75 * (etasq + eeta) + eeta * etasq);
  const cosio4 = cosio2 * cosio2;
  const temp1 = 1.5 * j2 * pinvsq * no;
  const temp2 = 0.5 * temp1 * j2 * pinvsq;
  const temp3 = -0.46875 * j4 * pinvsq * pinvsq * no;
  const mdot =
    no + 0.5 * temp1 * rteosq * con41 + 0.0625 * temp2 * rteosq * (13 - 78 * cosio2 + 137 * cosio4);
  const argpdot =
    -0.5 * temp1 * con42 +
    0.0625 * temp2 * (7 - 114 * cosio2 + 395 * cosio4) +
    temp3 * (3 - 36 * cosio2 + 49 * cosio4);
  const xhdot1 = -temp1 * cosio;
  const nodedot = xhdot1 + (0.5 * temp2 * (4 - 19 * cosio2) + 2 * temp3 * (3 - 7 * cosio2)) * cosio;
  r[o + L.MDOT] = mdot;
  r[o + L.ARGPDOT] = argpdot;
  r[o + L.NODEDOT] = nodedot;
  r[o + L.CC1] = cc1;
  r[o + L.CC4] = cc4;
  r[o + L.CC5] = cc5;
  r[o + L.ETA] = eta;
  r[o + L.CON41] = con41;
  r[o + L.X1MTH2] = x1mth2;
  r[o + L.OMGCOF] = bstar * cc3 * Math.cos(argpo);
  r[o + L.XMCOF] = ecco > 1e-4 ? (-x2o3 * coef * bstar) / eeta : 0;
  r[o + L.NODECF] = 3.5 * omeosq * xhdot1 * cc1;
  r[o + L.T2COF] = 1.5 * cc1;
  // Guard against division by zero at i = 180° (Vallado 2006).
  const onePlusCos = Math.abs(cosio + 1) > 1.5e-12 ? 1 + cosio : 1.5e-12;
  r[o + L.XLCOF] = (-0.25 * j3oj2 * sinio * (3 + 5 * cosio)) / onePlusCos;
  r[o + L.AYCOF] = -0.5 * j3oj2 * sinio;
  r[o + L.DELMO] = (1 + eta * Math.cos(mo)) ** 3;
  r[o + L.SINMAO] = Math.sin(mo);
  r[o + L.X7THM1] = 7 * cosio2 - 1;

  // Deep space when the period is 225 min or more.
  if ((2 * Math.PI) / no >= 225) {
    r[o + L.DEEP] = 1;
    isimp = 1;
    initialiseDeepSpace(r, o, { mdot, nodedot, argpdot });
  }
  r[o + L.ISIMP] = isimp;
  if (isimp !== 1) {
    const cc1sq = cc1 * cc1;
    const d2 = 4 * ao * tsi * cc1sq;
    const temp = (d2 * tsi * cc1) / 3;
    const d3 = (17 * ao + sfour) * temp;
    const d4 = 0.5 * temp * ao * tsi * (221 * ao + 31 * sfour) * cc1;
    r[o + L.D2] = d2;
    r[o + L.D3] = d3;
    r[o + L.D4] = d4;
    r[o + L.T3COF] = d2 + 2 * cc1sq;
    r[o + L.T4COF] = 0.25 * (3 * d3 + cc1 * (12 * d2 + 10 * cc1sq));
    r[o + L.T5COF] = 0.2 * (3 * d4 + 12 * cc1 * d3 + 6 * d2 * d2 + 15 * cc1sq * (2 * d2 + cc1sq));
  }
}
