import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAIF_IDS, SpkKernel } from '../../../src/bodies';
import { InvalidArgumentError } from '../../../src/errors';
import {
  createSiteDeg,
  type FrameId,
  frameTransform,
  transformPositionVelocity,
  type Vec3Like,
} from '../../../src/frames';
import { Ephemeris } from '../../../src/propagation/ephemeris';
import {
  type EclipseDetectorOptions,
  type EventOccurrence,
  eclipseDetector,
  findEvents,
} from '../../../src/propagation/events';
import { shadowFraction, spkBody } from '../../../src/propagation/forces';
import { propagateKepler } from '../../../src/propagation/kepler';
import { StateVector } from '../../../src/state';
import { DEFAULT_TIME_DATA, Epoch } from '../../../src/time';
import { expectCloseS } from '../../helpers/expect';

const FC_RUNS = Number(process.env.OSMOSE_FC_RUNS ?? 200);

const NASA = JSON.parse(
  readFileSync(
    new URL('../../reference/nasa-eclipse-2024/se2024-04-08.json', import.meta.url),
    'utf8',
  ),
) as {
  besselianElements: {
    t0Tdt: string;
    x: number[];
    y: number[];
    dDeg: number[];
    l1: number[];
    l2: number[];
    muDeg: number[];
    tanF1: number;
    tanF2: number;
    k1Penumbra: number;
    k2Umbra: number;
  };
  greatestEclipse: { tdt: string; latitude: string; longitude: string; centralDurationS: number };
  solarSemiDiameterAt1AuArcsec: number;
};
const DE421 = SpkKernel.fromBytes(
  readFileSync(new URL('../../reference/jpl-de421/de421_excerpt_2021-2026.bsp', import.meta.url)),
);

/** Equatorial radius that NASA's lunar radii k1, k2 are in units of (WGS84), km. */
const EARTH_RADIUS_FOR_K_KM = 6378.137;
const AU_KM = 149597870.7;
const ARCSEC = Math.PI / (180 * 3600);
/** NASA's Sun (959.63″ at 1 AU), Moon for the umbra (k2) and for the penumbra (k1), km. */
const NASA_SUN_RADIUS_KM = AU_KM * Math.tan(NASA.solarSemiDiameterAt1AuArcsec * ARCSEC);
const NASA_MOON_UMBRA_KM = NASA.besselianElements.k2Umbra * EARTH_RADIUS_FOR_K_KM;
const NASA_MOON_PENUMBRA_KM = NASA.besselianElements.k1Penumbra * EARTH_RADIUS_FOR_K_KM;

/**
 * Contacts against the Besselian elements: the elements carry 7 decimals (x, y to 1e-7 Earth
 * radius, 0.6 m; tan f to 1e-7, < 1 m), and were made from VSOP87/ELP2000-82 where we read
 * DE421; 1 s of contact time is 500–750 m of shadow at the 0.5–0.75 km/s the shadow sweeps
 * the site, 0.3″ of the Moon's direction: a bound on the two ephemerides' difference.
 */
const CONTACT_TOL_S = 1;
/** The published central duration is rounded to the second (0.5 s) plus the same 0.5 s. */
const DURATION_TOL_S = 1;
/**
 * Mid-totality at the published greatest-eclipse point against the instant of greatest
 * eclipse: the point was placed with ΔT = 74.0 s where the Earth's real ΔT was 69.2 s, 4.8 s
 * of rotation (2 km at 25°N), up to 2.7 s at the shadow's ~0.75 km/s there.
 */
const GREATEST_ECLIPSE_TOL_S = 3;
/**
 * With the IAU radii (Moon 1737.4 km, 0.77 km more than NASA's k2; Sun 695,700 km, 290 km
 * less) the umbra is ~1.5 km wider at the site: ~4 s more totality at 0.75 km/s; 5 s bound.
 */
const IAU_RADII_DURATION_TOL_S = 5;
/**
 * The analytic Moon (0.27° from DE421 at most, test/bodies) is up to 1,800 km off at the
 * Moon's distance, and so is its shadow at the Earth; at 0.5–0.9 km/s of shadow speed over
 * the ground that is up to an hour of contact time.
 */
const ANALYTIC_MOON_CONTACT_TOL_S = 3600;

/** ITRF against GCRF reductions of the same geometry: the searches' 1e-4 s, twice, and margin. */
const ITRF_GCRF_TOL_S = 1e-3;

/** GCRF position function of an SPK body, for the detectors' options. */
function spkPosition(naifId: number): (epoch: Epoch, frame: FrameId) => Vec3Like {
  const provider = spkBody(DE421, naifId);
  return (epoch, frame) => {
    const out = new Float64Array(3);
    provider.positionInto(out, epoch);
    if (frame === 'GCRF') return out;
    return transformPositionVelocity(
      frameTransform('GCRF', frame, epoch),
      [...out] as never,
      [0, 0, 0],
    ).positionKm;
  };
}
const sunDe421 = spkPosition(NAIF_IDS.SUN);
const moonDe421 = spkPosition(NAIF_IDS.MOON);

function dmsDeg(text: string): number {
  const [d, m, s, hemisphere] = text.split(' ');
  const v = Number(d) + Number(m) / 60 + Number(s) / 3600;
  return hemisphere === 'S' || hemisphere === 'W' ? -v : v;
}
const SITE_LAT_DEG = dmsDeg(NASA.greatestEclipse.latitude);
const SITE_LON_DEG = dmsDeg(NASA.greatestEclipse.longitude);
const SITE = createSiteDeg({ latitudeDeg: SITE_LAT_DEG, longitudeDeg: SITE_LON_DEG, heightKm: 0 });
const START = Epoch.fromIso('2024-04-08T16:30:00', 'TT');
const SPAN_S = 4 * 3600;

/** The ground site as an ephemeris in `frame`, sampled every minute. */
function siteEphemeris(frame: 'GCRF' | 'ITRF'): Ephemeris {
  const states: StateVector[] = [];
  for (let s = 0; s <= SPAN_S; s += 60) {
    const epoch = START.plusSeconds(s);
    const pv =
      frame === 'ITRF'
        ? { positionKm: SITE.positionItrfKm, velocityKmS: [0, 0, 0] as const }
        : transformPositionVelocity(
            frameTransform('ITRF', 'GCRF', epoch),
            SITE.positionItrfKm as never,
            [0, 0, 0],
          );
    states.push(StateVector.create({ epoch, frame, ...pv }));
  }
  return Ephemeris.fromStates(states);
}
const SITE_GCRF = siteEphemeris('GCRF');

function moonDetectors(extra: EclipseDetectorOptions = {}) {
  const common = { occultingBody: 'moon', sunPositionKm: sunDe421, moonPositionKm: moonDe421 };
  return [
    eclipseDetector({
      ...common,
      shadow: 'penumbra',
      moonRadiusKm: NASA_MOON_PENUMBRA_KM,
      sunRadiusKm: NASA_SUN_RADIUS_KM,
      ...extra,
    } as EclipseDetectorOptions),
    eclipseDetector({
      ...common,
      shadow: 'umbra',
      moonRadiusKm: NASA_MOON_UMBRA_KM,
      sunRadiusKm: NASA_SUN_RADIUS_KM,
      ...extra,
    } as EclipseDetectorOptions),
  ];
}

function contactsOf(events: readonly EventOccurrence[]): Record<string, Epoch> {
  return Object.fromEntries(events.map((e) => [e.label, e.epoch]));
}

/**
 * Contacts at the site from the Besselian elements (Explanatory Supplement 3rd ed. §11.2.3;
 * Meeus, Elements of Solar Eclipses, ch. 7): the observer's geocentric coordinates ξ, η, ζ in
 * the fundamental plane against the shadow's axis (x, y) and radii L = l − ζ tan f; a contact
 * where √((x − ξ)² + (y − η)²) = |L|. Roots by bisection on a 10 s grid, times in TT.
 */
function besselianContacts(deltaTS: number): { p: number[]; u: number[] } {
  const el = NASA.besselianElements;
  const poly = (c: readonly number[], t: number) => c.reduceRight((acc, k) => acc * t + k, 0);
  const rad = Math.PI / 180;
  const bOverA = 0.99664719; // 1 − f of the ellipsoid of the reduction (Meeus ch. 7)
  const u = Math.atan(bOverA * Math.tan(SITE_LAT_DEG * rad));
  const rhoSin = bOverA * Math.sin(u);
  const rhoCos = Math.cos(u);
  const miss = (tH: number, umbra: boolean): number => {
    const d = poly(el.dDeg, tH) * rad;
    // Hour angle: μ minus the west longitude, μ being ephemeris time (1.002738 × 15″/s of ΔT).
    const h = (poly(el.muDeg, tH) + SITE_LON_DEG - 0.00417807 * deltaTS) * rad;
    const xi = rhoCos * Math.sin(h);
    const eta = rhoSin * Math.cos(d) - rhoCos * Math.cos(h) * Math.sin(d);
    const zeta = rhoSin * Math.sin(d) + rhoCos * Math.cos(h) * Math.cos(d);
    const m = Math.hypot(poly(el.x, tH) - xi, poly(el.y, tH) - eta);
    const radius = umbra
      ? Math.abs(poly(el.l2, tH) - zeta * el.tanF2)
      : poly(el.l1, tH) - zeta * el.tanF1;
    return m - radius;
  };
  const roots = (umbra: boolean): number[] => {
    const out: number[] = [];
    const stepH = 10 / 3600;
    for (let a = -3; a < 3; a += stepH) {
      let lo = a;
      let hi = a + stepH;
      const fLo = miss(lo, umbra);
      if (fLo < 0 === miss(hi, umbra) < 0) continue;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (miss(mid, umbra) < 0 === fLo < 0) lo = mid;
        else hi = mid;
      }
      out.push(((lo + hi) / 2) * 3600);
    }
    return out;
  };
  return { p: roots(false), u: roots(true) };
}

describe('Moon shadow events: the total solar eclipse of 2024-04-08 (NASA, Espenak)', () => {
  const t0 = Epoch.fromIso(NASA.besselianElements.t0Tdt, 'TT');
  const [ttWhole, ttFraction] = t0.toSecondsSinceJ2000('TT');
  const [ut1Whole, ut1Fraction] = t0.toSecondsSinceJ2000('UT1', { timeData: DEFAULT_TIME_DATA });
  const deltaTS = ttWhole - ut1Whole + (ttFraction - ut1Fraction);
  const bessel = besselianContacts(deltaTS);
  const events = findEvents(SITE_GCRF, moonDetectors(), {
    maxCheckIntervalS: 60,
    toleranceS: 1e-4,
  });
  const c = contactsOf(events);

  it('finds the four contacts at the greatest-eclipse point, in order', () => {
    expect(events.map((e) => e.label)).toEqual([
      'moon-penumbra-entry',
      'moon-umbra-entry',
      'moon-umbra-exit',
      'moon-penumbra-exit',
    ]);
  });

  it('matches the four contacts from the published Besselian elements within 1 s', () => {
    expect(bessel.p).toHaveLength(2);
    expect(bessel.u).toHaveLength(2);
    const expected: [string, number][] = [
      ['moon-penumbra-entry', bessel.p[0]!],
      ['moon-umbra-entry', bessel.u[0]!],
      ['moon-umbra-exit', bessel.u[1]!],
      ['moon-penumbra-exit', bessel.p[1]!],
    ];
    for (const [label, tS] of expected) {
      expectCloseS(c[label]!.secondsSince(t0), tS, CONTACT_TOL_S, label);
    }
  });

  it('lasts the published 4 m 28 s of totality, centred on greatest eclipse', () => {
    const entry = c['moon-umbra-entry']!;
    const exit = c['moon-umbra-exit']!;
    const durationS = exit.secondsSince(entry);
    expectCloseS(durationS, NASA.greatestEclipse.centralDurationS, DURATION_TOL_S, 'totality');
    const greatest = Epoch.fromIso(NASA.greatestEclipse.tdt, 'TT');
    const midS = entry.plusSeconds(durationS / 2).secondsSince(greatest);
    expectCloseS(midS, 0, GREATEST_ECLIPSE_TOL_S, 'mid-totality − greatest eclipse');
  });

  it('lasts about 4 s longer with the IAU radii of the Sun and the Moon (the defaults)', () => {
    const umbra = findEvents(
      SITE_GCRF,
      eclipseDetector({
        occultingBody: 'moon',
        sunPositionKm: sunDe421,
        moonPositionKm: moonDe421,
      }),
      { maxCheckIntervalS: 60, toleranceS: 1e-4 },
    );
    expect(umbra).toHaveLength(2);
    const durationS = umbra[1]!.epoch.secondsSince(umbra[0]!.epoch);
    expect(durationS).toBeGreaterThan(NASA.greatestEclipse.centralDurationS);
    expectCloseS(
      durationS,
      NASA.greatestEclipse.centralDurationS,
      IAU_RADII_DURATION_TOL_S,
      'IAU-radii totality',
    );
  });

  it('needs the light time: without it every contact is late by more than half a minute', () => {
    // The Sun seen 499 s late is 20.5″ away, which moves the shadow ~37 km along its path.
    const late = contactsOf(
      findEvents(SITE_GCRF, moonDetectors({ lightTime: false }), {
        maxCheckIntervalS: 60,
        toleranceS: 1e-3,
      }),
    );
    for (const label of Object.keys(c)) {
      expect(late[label]!.secondsSince(c[label]!)).toBeGreaterThan(30);
    }
  });

  it('finds the same contacts from an ITRF ephemeris of the site (light time in a rotating frame)', () => {
    const itrf = contactsOf(
      findEvents(siteEphemeris('ITRF'), moonDetectors(), {
        maxCheckIntervalS: 60,
        toleranceS: 1e-4,
      }),
    );
    // Two reductions of the same geometry: the detector's interpolated frame rotations
    // (4e-15 rad) against the exact ones of the test's position functions; the searches
    // stop within 1e-4 s.
    for (const label of Object.keys(c)) {
      expectCloseS(itrf[label]!.secondsSince(c[label]!), 0, ITRF_GCRF_TOL_S, label);
    }
  });

  it('with the default analytic Moon and Sun, finds the partial phase within an hour', () => {
    const analytic = contactsOf(
      findEvents(SITE_GCRF, eclipseDetector({ occultingBody: 'moon', shadow: 'penumbra' }), {
        maxCheckIntervalS: 60,
      }),
    );
    for (const label of ['moon-penumbra-entry', 'moon-penumbra-exit']) {
      expect(analytic[label]).toBeDefined();
      expectCloseS(analytic[label]!.secondsSince(c[label]!), 0, ANALYTIC_MOON_CONTACT_TOL_S, label);
    }
  });

  it('sees no Earth-shadow event there (the Sun stands ~70° high)', () => {
    const earth = findEvents(SITE_GCRF, [
      eclipseDetector({ sunPositionKm: sunDe421 }),
      eclipseDetector({ shadow: 'penumbra', sunPositionKm: sunDe421 }),
    ]);
    expect(earth).toEqual([]);
  });
});

describe('Moon shadow events against the SRP shadow function (internal consistency)', () => {
  // A GEO-radius satellite crossing the axis of the Moon's shadow at greatest eclipse.
  const tStar = Epoch.fromIso(NASA.greatestEclipse.tdt, 'TT');
  const s = sunDe421(tStar, 'GCRF');
  const m = moonDe421(tStar, 'GCRF');
  const axis = [m[0]! - s[0]!, m[1]! - s[1]!, m[2]! - s[2]!];
  const axisNorm = Math.hypot(axis[0]!, axis[1]!, axis[2]!);
  const u = axis.map((v) => v / axisNorm);
  const radiusKm = 42164;
  const mu = m[0]! * u[0]! + m[1]! * u[1]! + m[2]! * u[2]!;
  const m2 = m[0]! ** 2 + m[1]! ** 2 + m[2]! ** 2;
  // The nearer (Moon-side) point of the axis at radiusKm from the geocentre.
  const lambda = -mu - Math.sqrt(mu * mu - m2 + radiusKm * radiusKm);
  const p = [0, 1, 2].map((i) => m[i]! + lambda * u[i]!) as [number, number, number];
  const w = [p[1] * u[2]! - p[2] * u[1]!, p[2] * u[0]! - p[0] * u[2]!, p[0] * u[1]! - p[1] * u[0]!];
  const wNorm = Math.hypot(w[0]!, w[1]!, w[2]!);
  const speed = Math.sqrt(398600.4418 / radiusKm);
  const v = w.map((x) => (x / wNorm) * speed) as [number, number, number];
  const s0 = StateVector.create({ epoch: tStar, frame: 'GCRF', positionKm: p, velocityKmS: v });
  const samples: StateVector[] = [];
  for (let t = -7200; t <= 7200; t += 60) samples.push(propagateKepler(s0, tStar.plusSeconds(t)));
  const eph = Ephemeris.fromStates(samples);
  const options = {
    occultingBody: 'moon',
    sunPositionKm: sunDe421,
    moonPositionKm: moonDe421,
    lightTime: false,
  } as const;

  it('puts the sign changes of g where the lit fraction leaves 1 and reaches 0', () => {
    const events = findEvents(
      eph,
      [eclipseDetector({ ...options, shadow: 'penumbra' }), eclipseDetector({ ...options })],
      { maxCheckIntervalS: 30, toleranceS: 1e-4 },
    );
    expect(events.map((e) => e.label)).toEqual([
      'moon-penumbra-entry',
      'moon-umbra-entry',
      'moon-umbra-exit',
      'moon-penumbra-exit',
    ]);
    // Independent scan of the shadow function at 0.5 s: where ν < 1 and where ν = 0 begin, end.
    const nu = (tS: number) => {
      const epoch = eph.startEpoch.plusSeconds(tS);
      const r = eph.stateAt(epoch).positionKm;
      return shadowFraction(r, sunDe421(epoch, 'GCRF'), moonDe421(epoch, 'GCRF'), 695700, 1737.4);
    };
    const stepS = 0.5;
    const brackets: Record<string, number> = {};
    let prev = nu(0);
    for (let t = stepS; t <= eph.durationS; t += stepS) {
      const cur = nu(t);
      if (prev === 1 && cur < 1) brackets['moon-penumbra-entry'] = t;
      if (prev < 1 && cur === 1) brackets['moon-penumbra-exit'] = t;
      if (prev > 0 && cur === 0) brackets['moon-umbra-entry'] = t;
      if (prev === 0 && cur > 0) brackets['moon-umbra-exit'] = t;
      prev = cur;
    }
    expect(Object.keys(brackets)).toHaveLength(4);
    for (const e of events) {
      const tS = e.epoch.secondsSince(eph.startEpoch);
      // The event lies in the half-second step where the shadow function changed regime.
      expect(tS).toBeGreaterThan(brackets[e.label]! - stepS - 1e-3);
      expect(tS).toBeLessThanOrEqual(brackets[e.label]! + 1e-3);
    }
  });
});

describe('eclipseDetector options', () => {
  it.each([
    [{ moonRadiusKm: 0 }, 'moonRadiusKm = 0 km'],
    [{ moonRadiusKm: -1737 }, 'moonRadiusKm = -1737 km'],
    [{ moonRadiusKm: Number.NaN }, 'moonRadiusKm = NaN km'],
    [{ sunRadiusKm: 0 }, 'sunRadiusKm = 0 km'],
    [{ earthRadiusKm: Number.POSITIVE_INFINITY }, 'earthRadiusKm = Infinity km'],
    [{ occultingBody: 'mars' }, 'occultingBody = "mars"'],
    [{ moonPositionKm: [0, 0, 0] }, 'moonPositionKm'],
    [{ lightTime: 'yes' }, 'lightTime'],
  ])('rejects %o with an InvalidArgumentError naming the value and its unit', (bad, text) => {
    const call = () => eclipseDetector({ occultingBody: 'moon', ...bad } as never);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(text);
  });

  it('names the Moon detectors and their labels apart from the Earth ones', () => {
    const d = eclipseDetector({ occultingBody: 'moon', shadow: 'penumbra' });
    expect([d.name, d.decreasingLabel, d.increasingLabel]).toEqual([
      'moon-penumbra',
      'moon-penumbra-entry',
      'moon-penumbra-exit',
    ]);
  });
});

describe('eclipse detector g against the shadow function (fast-check)', () => {
  // A Sun 0.98–1.02 AU away in any direction, a Moon-sized or Earth-sized occulter, and a
  // point placed behind it along the shadow axis with a lateral offset of up to twice the
  // occulter's radius, so that lit, penumbra, umbra and annular cases all occur.
  const unit = fc
    .tuple(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    )
    .filter(([x, y, z]) => Math.hypot(x, y, z) > 0.1)
    .map(([x, y, z]) => {
      const n = Math.hypot(x, y, z);
      return [x / n, y / n, z / n] as const;
    });
  const geometry = fc.record({
    sunDir: unit,
    sunAu: fc.double({ min: 0.98, max: 1.02, noNaN: true }),
    occulterKm: fc.tuple(
      fc.double({ min: -4e5, max: 4e5, noNaN: true }),
      fc.double({ min: -4e5, max: 4e5, noNaN: true }),
      fc.double({ min: -4e5, max: 4e5, noNaN: true }),
    ),
    body: fc.constantFrom('moon', 'earth') as fc.Arbitrary<'moon' | 'earth'>,
    behindKm: fc.double({ min: 2e3, max: 1.5e6, noNaN: true }),
    offset: unit,
    offsetRadii: fc.double({ min: 0, max: 2, noNaN: true }),
  });

  it('g < 0 for the umbra exactly where ν = 0, and g ≥ 0 for the penumbra where ν = 1', () => {
    fc.assert(
      fc.property(geometry, (g) => {
        const radiusKm = g.body === 'moon' ? 1737.4 : 6378.137;
        const occ = g.body === 'moon' ? g.occulterKm : ([0, 0, 0] as const);
        const sun = g.sunDir.map((d, i) => occ[i]! + d * g.sunAu * AU_KM);
        const r = [0, 1, 2].map(
          (i) => occ[i]! - g.sunDir[i]! * g.behindKm + g.offset[i]! * g.offsetRadii * radiusKm,
        );
        if (Math.hypot(r[0]! - occ[0]!, r[1]! - occ[1]!, r[2]! - occ[2]!) <= radiusKm) return;
        const opts = {
          occultingBody: g.body,
          sunPositionKm: () => sun,
          moonPositionKm: () => occ,
          earthRadiusKm: radiusKm,
          moonRadiusKm: radiusKm,
          sunRadiusKm: 695700,
        } as const;
        const input = {
          epoch: START,
          tS: 0,
          startEpoch: START,
          positionVelocity: Float64Array.from([...r, 0, 0, 0]),
          frame: 'GCRF' as const,
        };
        const gUmbra = eclipseDetector({ ...opts, shadow: 'umbra' }).g(input);
        const gPenumbra = eclipseDetector({ ...opts, shadow: 'penumbra' }).g(input);
        const fraction = shadowFraction(r, sun, occ, 695700, radiusKm);
        // Away from the boundaries themselves (1e-12 rad), where rounding decides.
        if (Math.abs(gUmbra) > 1e-12) expect(gUmbra < 0).toBe(fraction === 0);
        if (Math.abs(gPenumbra) > 1e-12) expect(gPenumbra >= 0).toBe(fraction === 1);
      }),
      { numRuns: FC_RUNS, verbose: 1 },
    );
  });
});
