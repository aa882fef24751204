const TWO_PI = 2 * Math.PI;

/**
 * Greenwich mean sidereal time of IAU 1982 (Aoki et al. 1982) from a UT1 Julian date, as
 * SGP4 uses it for the deep-space resonance phase (Vallado et al. 2006, "gstime").
 *
 * @param jdUt1 - UT1 Julian date, days
 * @returns GMST in [0, 2π), rad
 */
export function gmst1982(jdUt1: number): number {
  const t = (jdUt1 - 2451545) / 36525;
  // Seconds of time: 67310.54841 + (876600 h + 8640184.812866 s) T + 0.093104 T² − 6.2e-6 T³.
  const seconds =
    -6.2e-6 * t * t * t + 0.093104 * t * t + (876600 * 3600 + 8640184.812866) * t + 67310.54841;
  // 240 s of time per degree.
  let theta = ((seconds * (Math.PI / 180)) / 240) % TWO_PI;
  if (theta < 0) theta += TWO_PI;
  return theta;
}

/**
 * The sidereal angle of the original AFSPC code (opsmode 'a'), from days since 1950 January
 * 0.0 (Vallado et al. 2006, initl: the 1970-based polynomial).
 *
 * @param epoch1950 - days since 1950 January 0.0
 * @returns the angle in [0, 2π), rad
 */
export function siderealAngleAfspc(epoch1950: number): number {
  const ts70 = epoch1950 - 7305;
  const ds70 = Math.floor(ts70 + 1e-8);
  const tfrac = ts70 - ds70;
  const c1 = 0.017202791694070362;
  const thgr70 = 1.7321343856509375;
  const fk5r = 5.075514194322695e-15;
  const c1p2p = c1 + TWO_PI;
  let gsto = (thgr70 + c1 * ds70 + c1p2p * tfrac + ts70 * ts70 * fk5r) % TWO_PI;
  if (gsto < 0) gsto += TWO_PI;
  return gsto;
}
