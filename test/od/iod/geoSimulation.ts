/**
 * Simulated optical angles of GEO objects from three telescope sites, for the acceptance
 * tests and the benchmark of the IOD methods: two-body truths (Kepler propagation), the
 * site's inertial position with EOP, light time, 1″ Gaussian noise from a seeded generator,
 * and the visibility rules of a TAROT-like network (Sun below −12° at the site, object above
 * 20° elevation and outside the Earth's cylindrical shadow).
 *
 * Also: a least-squares quadratic fit of a tracklet into an attributable (α, δ, α̇, δ̇), as
 * od/tracklets provides it, so that these tests depend only on od/iod.
 */
import { EARTH_GM_KM3_S2, sunPositionLowPrecision } from '../../../src/bodies';
import {
  createInterpolatedTransform,
  createSiteDeg,
  type InterpolatedTransform,
  type Site,
  transformPositionVelocity,
} from '../../../src/frames';
import { mat3, SeededRandom, type Vec3, vec3 } from '../../../src/math';
import {
  type AngleObservation,
  type AttributableObservation,
  angleObservationFromSite,
} from '../../../src/od/iod';
import { keplerPropagateInto } from '../../../src/propagation/kepler';
import { StateVector } from '../../../src/state';
import { Epoch } from '../../../src/time';

export const MU = EARTH_GM_KM3_S2;
const C_KM_S = 299792.458;
const DEG = Math.PI / 180;
export const ARCSEC_RAD = Math.PI / 648000;
/** WGS 84 equatorial radius, km: the radius of the cylindrical shadow. */
const EARTH_RADIUS_KM = 6378.137;

/** The three sites of the network (geodetic, WGS 84). */
export const SITES: readonly { name: string; site: Site }[] = [
  // Calern plateau (Observatoire de la Côte d'Azur), France
  {
    name: 'Calern',
    site: createSiteDeg({ latitudeDeg: 43.7528, longitudeDeg: 6.9222, heightKm: 1.27 }),
  },
  // ESO La Silla, Chile
  {
    name: 'La Silla',
    site: createSiteDeg({ latitudeDeg: -29.2567, longitudeDeg: -70.73, heightKm: 2.347 }),
  },
  // Les Makes observatory, La Réunion
  {
    name: 'Les Makes',
    site: createSiteDeg({ latitudeDeg: -21.1992, longitudeDeg: 55.41, heightKm: 0.972 }),
  },
];

/** State from classical elements (perifocal → inertial), km and km/s. */
export function elementsToState(
  aKm: number,
  ecc: number,
  incRad: number,
  raanRad: number,
  argpRad: number,
  nuRad: number,
): { r: Vec3; v: Vec3 } {
  const p = aKm * (1 - ecc * ecc);
  const rMag = p / (1 + ecc * Math.cos(nuRad));
  const rPf: Vec3 = [rMag * Math.cos(nuRad), rMag * Math.sin(nuRad), 0];
  const k = Math.sqrt(MU / p);
  const vPf: Vec3 = [-k * Math.sin(nuRad), k * (ecc + Math.cos(nuRad)), 0];
  const m = mat3.multiply(
    mat3.multiply(mat3.rotationZ(-raanRad), mat3.rotationX(-incRad)),
    mat3.rotationZ(-argpRad),
  );
  return { r: mat3.multiplyVec(m, rPf), v: mat3.multiplyVec(m, vPf) };
}

/** Semi-major axis (km), eccentricity and inclination (rad) of a state. */
export function elementsOf(r: Vec3, v: Vec3): { aKm: number; ecc: number; incRad: number } {
  const rm = vec3.norm(r);
  const v2 = vec3.dot(v, v);
  const aKm = 1 / (2 / rm - v2 / MU);
  const h = vec3.cross(r, v);
  const hm = vec3.norm(h);
  const eVec = vec3.sub(vec3.scale(vec3.cross(v, h), 1 / MU), vec3.scale(r, 1 / rm));
  return { aKm, ecc: vec3.norm(eVec), incRad: Math.acos(h[2] / hm) };
}

/** One simulated GEO object seen from one site during one night. */
export interface GeoCase {
  readonly siteName: string;
  readonly site: Site;
  /** Truth at `nightStart`, GCRF. */
  readonly truth: StateVector;
  readonly nightStart: Epoch;
  readonly nightLengthS: number;
}

/** Truth state (GCRF) at an epoch. */
export function truthAt(c: GeoCase, epoch: Epoch): StateVector {
  const out = new Float64Array(6);
  const rv = [...c.truth.positionKm, ...c.truth.velocityKmS];
  const status = keplerPropagateInto(out, rv, epoch.secondsSince(c.truth.epoch), MU);
  if (status !== 'ok') throw new Error(`truth propagation failed: ${status}`);
  return StateVector.create({
    epoch,
    frame: 'GCRF',
    positionKm: out.subarray(0, 3),
    velocityKmS: out.subarray(3, 6),
  });
}

interface SiteGeometry {
  readonly positionKm: Vec3;
  readonly velocityKmS: Vec3;
  readonly up: Vec3;
}

let itrfToGcrf: InterpolatedTransform | null = null;

/** ITRF → GCRF, interpolated (8-point Lagrange on a 4 h grid of the exact IAU 2006/2000A). */
export function itrfToGcrfAt(epoch: Epoch) {
  itrfToGcrf ??= createInterpolatedTransform('ITRF', 'GCRF');
  return itrfToGcrf.at(epoch);
}

function siteGeometry(site: Site, epoch: Epoch): SiteGeometry {
  const x = itrfToGcrfAt(epoch);
  const pv = transformPositionVelocity(x, site.positionItrfKm, [0, 0, 0]);
  const upItrf: Vec3 = [site.enuFromItrf[6], site.enuFromItrf[7], site.enuFromItrf[8]];
  return {
    positionKm: pv.positionKm,
    velocityKmS: pv.velocityKmS,
    up: mat3.multiplyVec(x.rotation, upItrf),
  };
}

function elevationRad(g: SiteGeometry, target: Vec3): number {
  const d = vec3.normalize(vec3.sub(target, g.positionKm));
  return Math.asin(vec3.dot(d, g.up));
}

/** Sun below −12°, the object above 20° and outside the Earth's cylindrical shadow. */
function visible(c: GeoCase, epoch: Epoch, positionKm: Vec3): boolean {
  const g = siteGeometry(c.site, epoch);
  const sun = sunPositionLowPrecision(epoch);
  if (elevationRad(g, sun) > -12 * DEG) return false;
  if (elevationRad(g, positionKm) < 20 * DEG) return false;
  const sunDir = vec3.normalize(sun);
  const along = vec3.dot(positionKm, sunDir);
  const perp = vec3.norm(vec3.sub(positionKm, vec3.scale(sunDir, along)));
  return !(along < 0 && perp < EARTH_RADIUS_KM);
}

/**
 * Draws a GEO case: a night at one of the sites in 2024 (Sun below −12°), and an orbit with
 * a ≈ 42,164 km, e ≤ 6e-4, i ≤ 2°, placed at a longitude within ±35° of the site's.
 */
export function drawGeoCase(rng: SeededRandom, siteIndex: number): GeoCase | null {
  const { name, site } = SITES[siteIndex % SITES.length]!;
  const day = rng.nextInt(366);
  const lonDeg = (site.longitudeRad * 180) / Math.PI;
  // Local noon, UTC, then a scan of the following 24 h by 10 min for the dark interval.
  const noon = Epoch.fromIso('2024-01-01T12:00:00', 'UTC').plusSeconds(
    day * 86400 - (lonDeg / 15) * 3600,
  );
  let start: Epoch | null = null;
  let lengthS = 0;
  for (let k = 0; k <= 144; k++) {
    const t = noon.plusSeconds(k * 600);
    const dark = elevationRad(siteGeometry(site, t), sunPositionLowPrecision(t)) < -12 * DEG;
    if (dark && start === null) start = t;
    if (!dark && start !== null) {
      lengthS = t.secondsSince(start) - 600;
      break;
    }
  }
  if (start === null || lengthS < 4 * 3600) return null;
  const mid = start.plusSeconds(lengthS / 2);
  // Orbit: sub-satellite longitude near the site's at mid-night.
  const lonSatRad = site.longitudeRad + (rng.nextFloat() * 70 - 35) * DEG;
  const x = itrfToGcrfAt(mid);
  const dir = mat3.multiplyVec(x.rotation, [Math.cos(lonSatRad), Math.sin(lonSatRad), 0]);
  const alphaRad = Math.atan2(dir[1], dir[0]);
  const aKm = 42164.17 + 2 * rng.nextGaussian();
  const ecc = 6e-4 * rng.nextFloat();
  const incRad = 2 * DEG * rng.nextFloat();
  const raanRad = 2 * Math.PI * rng.nextFloat();
  const argpRad = 2 * Math.PI * rng.nextFloat();
  const { r, v } = elementsToState(
    aKm,
    ecc,
    incRad,
    raanRad,
    argpRad,
    alphaRad - raanRad - argpRad,
  );
  const atMid = StateVector.create({ epoch: mid, frame: 'GCRF', positionKm: r, velocityKmS: v });
  const c0: GeoCase = {
    siteName: name,
    site,
    truth: atMid,
    nightStart: start,
    nightLengthS: lengthS,
  };
  return { ...c0, truth: truthAt(c0, start) };
}

/**
 * One noisy RA/Dec observation at reception epoch `epoch` (light time solved on the truth),
 * as an IOD observation from the site; null when the object is not visible then.
 */
export function observe(
  c: GeoCase,
  epoch: Epoch,
  rng: SeededRandom,
  sigmaRad: number,
): AngleObservation | null {
  const g = siteGeometry(c.site, epoch);
  let rho = 0;
  let target: Vec3 = [0, 0, 0];
  for (let pass = 0; pass < 3; pass++) {
    target = truthAt(c, epoch.plusSeconds(-rho / C_KM_S)).positionKm;
    rho = vec3.distance(target, g.positionKm);
  }
  if (!visible(c, epoch, target)) return null;
  const d = vec3.sub(target, g.positionKm);
  const dec = Math.asin(d[2] / rho);
  const ra = Math.atan2(d[1], d[0]);
  return angleObservationFromSite(
    c.site,
    epoch,
    ra + (sigmaRad * rng.nextGaussian()) / Math.cos(dec),
    dec + sigmaRad * rng.nextGaussian(),
    { transformAt: itrfToGcrfAt },
  );
}

/** RA and Dec (rad) of an observation's line of sight. */
function raDecOf(o: AngleObservation): [number, number] {
  const l = o.lineOfSight;
  return [Math.atan2(l[1], l[0]), Math.asin(l[2])];
}

/**
 * The attributable of a tracklet: α and δ fitted each by a least-squares quadratic in time
 * about the middle epoch, which gives α, δ, α̇, δ̇ there; the observer's state at that epoch.
 */
export function fitAttributable(
  c: GeoCase,
  observations: readonly AngleObservation[],
): AttributableObservation {
  const t0 = observations[0]!.epoch;
  const tEnd = observations[observations.length - 1]!.epoch;
  const mid = t0.plusSeconds(tEnd.secondsSince(t0) / 2);
  const ts = observations.map((o) => o.epoch.secondsSince(mid));
  const [ra0] = raDecOf(observations[0]!);
  const ra = observations.map((o) => {
    let a = raDecOf(o)[0] - ra0;
    a -= 2 * Math.PI * Math.round(a / (2 * Math.PI));
    return a;
  });
  const dec = observations.map((o) => raDecOf(o)[1]);
  const quadraticFit = (y: number[]): [number, number] => {
    // Normal equations of y ≈ c0 + c1 t + c2 t², t scaled to minutes for conditioning.
    const s = ts.map((t) => t / 60);
    const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    const b = [0, 0, 0];
    for (let k = 0; k < s.length; k++) {
      const row = [1, s[k]!, s[k]! * s[k]!];
      for (let i = 0; i < 3; i++) {
        b[i]! += row[i]! * y[k]!;
        for (let j = 0; j < 3; j++) m[3 * i + j]! += row[i]! * row[j]!;
      }
    }
    const inv = mat3.transpose(invert3(m));
    const coef = mat3.multiplyVec(inv, b);
    return [coef[0], coef[1] / 60];
  };
  const [raMid, raRate] = quadraticFit(ra);
  const [decMid, decRate] = quadraticFit(dec);
  const g = siteGeometry(c.site, mid);
  return {
    epoch: mid,
    rightAscensionRad: ra0 + raMid,
    declinationRad: decMid,
    rightAscensionRateRadS: raRate,
    declinationRateRadS: decRate,
    observerPositionKm: g.positionKm,
    observerVelocityKmS: g.velocityKmS,
  };
}

/** Inverse of a symmetric 3×3 matrix by cofactors (transpose taken by the caller). */
function invert3(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = m as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    B / det,
    C / det,
    -(b * i - c * h) / det,
    (a * i - c * g) / det,
    -(a * h - b * g) / det,
    (b * f - c * e) / det,
    -(a * f - c * d) / det,
    (a * e - b * d) / det,
  ];
}

/** Percentile (nearest rank) of a sample. */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((x, y) => x - y);
  const k = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[k]!;
}

/** Draws `count` cases that have three visible observations spread over the night. */
export function drawThreeObservationCases(
  seed: string,
  count: number,
  sigmaRad: number,
): { c: GeoCase; obs: AngleObservation[] }[] {
  const rng = SeededRandom.create(seed);
  const out: { c: GeoCase; obs: AngleObservation[] }[] = [];
  let k = 0;
  while (out.length < count && k < 20 * count) {
    const c = drawGeoCase(rng, k++);
    if (!c) continue;
    const obs = [0.05, 0.5, 0.95].map((f) =>
      observe(c, c.nightStart.plusSeconds(f * c.nightLengthS), rng, sigmaRad),
    );
    if (obs.some((o) => o === null)) continue;
    out.push({ c, obs: obs as AngleObservation[] });
  }
  return out;
}

/** Draws `count` cases with one visible 10-minute tracklet of 6 points (every 2 min). */
export function drawTrackletCases(
  seed: string,
  count: number,
  sigmaRad: number,
): { c: GeoCase; obs: AngleObservation[] }[] {
  const rng = SeededRandom.create(seed);
  const out: { c: GeoCase; obs: AngleObservation[] }[] = [];
  let k = 0;
  while (out.length < count && k < 20 * count) {
    const c = drawGeoCase(rng, k++);
    if (!c) continue;
    const t0 = c.nightStart.plusSeconds(rng.nextFloat() * (c.nightLengthS - 600));
    const obs = [0, 120, 240, 360, 480, 600].map((dt) =>
      observe(c, t0.plusSeconds(dt), rng, sigmaRad),
    );
    if (obs.some((o) => o === null)) continue;
    out.push({ c, obs: obs as AngleObservation[] });
  }
  return out;
}
