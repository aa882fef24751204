import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../../src/errors';
import { createSiteDeg } from '../../../src/frames';
import { Ephemeris } from '../../../src/propagation/ephemeris';
import {
  apsisDetector,
  type EventDetector,
  eclipseDetector,
  elevationDetector,
  findEvents,
  nodeDetector,
} from '../../../src/propagation/events';
import { DORMAND_PRINCE_853 } from '../../../src/propagation/integrators';
import { Epoch } from '../../../src/time';
import { MU_EARTH, twoBody } from '../integrators/problems';
import { conicState, timeSincePeriapsisS } from '../kepler/conics';

const T0 = Epoch.fromIso('2024-03-20T00:00:00', 'UTC');
const DAY_S = 86400;
/**
 * Event times against the analytic ones: the dense output is good to 1e-6 km, a few
 * microseconds of along-track time; the searches run at 1e-6 s. 1 ms leaves a wide margin.
 */
const EVENT_TIME_TOL_S = 1e-3;

/** A DP853 ephemeris of the two-body orbit from rv0 at T0 over spanS. */
function ephemerisOf(rv0: readonly number[], spanS: number): Ephemeris {
  const run = DORMAND_PRINCE_853.integrate(twoBody(), 0, rv0, spanS, {
    relTol: 1e-13,
    absTol: 1e-16,
    dense: true,
  });
  return Ephemeris.fromDenseTrajectory({
    referenceEpoch: T0,
    frame: 'GCRF',
    trajectory: run.dense!,
  });
}

function secondsOf(events: readonly { epoch: Epoch }[]): number[] {
  return events.map((e) => e.epoch.secondsSince(T0));
}

describe('node and apsis detectors on a two-body orbit', () => {
  // e = 0.2, i = 50°, Ω = 30°, ω = 70°, starting at ν = 20°.
  const conic = {
    pKm: 12000 * (1 - 0.04),
    ecc: 0.2,
    incRad: 0.8727,
    raanRad: 0.5236,
    argpRad: 1.2217,
    nuRad: 0.349,
  };
  const rv0 = conicState(conic, MU_EARTH);
  const a = 12000;
  const period = 2 * Math.PI * Math.sqrt(a ** 3 / MU_EARTH);
  const tp0 = timeSincePeriapsisS(conic, MU_EARTH); // time since the last periapsis at T0
  /** Times in [0, span] at which the orbit reaches true anomaly ν, analytically. */
  function timesAtTrueAnomaly(nu: number, spanS: number): number[] {
    const t = timeSincePeriapsisS({ ...conic, nuRad: nu }, MU_EARTH) - tp0;
    const out: number[] = [];
    for (let k = -2; k < 10; k++) {
      const tk = t + k * period;
      if (tk > 0 && tk < spanS) out.push(tk);
    }
    return out.sort((x, y) => x - y);
  }
  const span = 3 * period;
  const eph = ephemerisOf(rv0, span);

  it('finds the ascending and descending nodes at u = 0 and u = π', () => {
    const events = findEvents(eph, nodeDetector(), { toleranceS: 1e-6 });
    const asc = events.filter((e) => e.label === 'ascending-node');
    const desc = events.filter((e) => e.label === 'descending-node');
    const ascExpected = timesAtTrueAnomaly(-conic.argpRad, span);
    const descExpected = timesAtTrueAnomaly(Math.PI - conic.argpRad, span);
    expect(asc).toHaveLength(ascExpected.length);
    expect(desc).toHaveLength(descExpected.length);
    secondsOf(asc).forEach((t, k) => {
      expect(Math.abs(t - ascExpected[k]!)).toBeLessThanOrEqual(EVENT_TIME_TOL_S);
    });
    secondsOf(desc).forEach((t, k) => {
      expect(Math.abs(t - descExpected[k]!)).toBeLessThanOrEqual(EVENT_TIME_TOL_S);
    });
    expect(asc.every((e) => e.direction === 'increasing' && e.detector === 'node')).toBe(true);
  });

  it('finds periapsis and apoapsis passages at ν = 0 and ν = π', () => {
    const events = findEvents(eph, apsisDetector(), { toleranceS: 1e-6 });
    const peri = secondsOf(events.filter((e) => e.label === 'periapsis'));
    const apo = secondsOf(events.filter((e) => e.label === 'apoapsis'));
    const periExpected = timesAtTrueAnomaly(0, span);
    const apoExpected = timesAtTrueAnomaly(Math.PI, span);
    expect(peri).toHaveLength(periExpected.length);
    expect(apo).toHaveLength(apoExpected.length);
    peri.forEach((t, k) => {
      expect(Math.abs(t - periExpected[k]!)).toBeLessThanOrEqual(EVENT_TIME_TOL_S);
    });
    apo.forEach((t, k) => {
      expect(Math.abs(t - apoExpected[k]!)).toBeLessThanOrEqual(EVENT_TIME_TOL_S);
    });
  });

  it('returns the events of several detectors in time order, within a sub-span', () => {
    const start = T0.plusSeconds(period / 2);
    const end = T0.plusSeconds(2 * period);
    const events = findEvents(eph, [nodeDetector(), apsisDetector()], { start, end });
    const t = secondsOf(events);
    expect(t.length).toBeGreaterThanOrEqual(4);
    expect(t.every((x, k) => k === 0 || x >= t[k - 1]!)).toBe(true);
    expect(t[0]!).toBeGreaterThanOrEqual(period / 2);
    expect(t[t.length - 1]!).toBeLessThanOrEqual(2 * period);
  });
});

describe('eclipse detector', () => {
  const AU = 149597870.7;
  const R_E = 6378.137;
  const R_S = 695700;
  const R = 42164.17;
  const n = Math.sqrt(MU_EARTH / R ** 3);
  const fixedSun = () => [AU, 0, 0] as const;
  // Equatorial circular orbit starting at φ = 0 (towards the Sun), counter-clockwise.
  const eph = ephemerisOf([R, 0, 0, 0, R * n, 0], DAY_S);

  it('finds umbra and penumbra boundaries where the tangent cones cut the orbit', () => {
    // Independent geometry: the umbra cone has its apex L = D·R⊕/(R⊙ − R⊕) behind the
    // Earth and half-angle α = asin((R⊙ − R⊕)/D); a point at angle ψ from the anti-Sun axis
    // on a circle of radius R is on it when R sin(ψ + α) = L sin α. The penumbra cone has its
    // apex L′ = D·R⊕/(R⊙ + R⊕) towards the Sun and β = asin((R⊙ + R⊕)/D):
    // R sin(ψ − β) = L′ sin β.
    const alpha = Math.asin((R_S - R_E) / AU);
    const L = (AU * R_E) / (R_S - R_E);
    const psiUmbra = Math.asin((L * Math.sin(alpha)) / R) - alpha;
    const beta = Math.asin((R_S + R_E) / AU);
    const Lp = (AU * R_E) / (R_S + R_E);
    const psiPenumbra = Math.asin((Lp * Math.sin(beta)) / R) + beta;
    const opts = { sunPositionKm: fixedSun, earthRadiusKm: R_E, sunRadiusKm: R_S };
    for (const [shadow, psi] of [
      ['umbra', psiUmbra],
      ['penumbra', psiPenumbra],
    ] as const) {
      const events = findEvents(eph, eclipseDetector({ ...opts, shadow }), { toleranceS: 1e-6 });
      expect(events.map((e) => e.label)).toEqual([`${shadow}-entry`, `${shadow}-exit`]);
      const [entry, exit] = secondsOf(events);
      expect(Math.abs(entry! - (Math.PI - psi) / n)).toBeLessThanOrEqual(EVENT_TIME_TOL_S);
      expect(Math.abs(exit! - (Math.PI + psi) / n)).toBeLessThanOrEqual(EVENT_TIME_TOL_S);
    }
  });

  it('finds a GEO eclipse of about 70 minutes at the March equinox with the default Sun', () => {
    // Longest GEO eclipses, near the equinoxes: 69–72 min of umbra (Soop 1994, §5.2).
    const ephGeo = ephemerisOf([R, 0, 0, 0, R * n, 0], DAY_S);
    const events = findEvents(ephGeo, eclipseDetector(), { maxCheckIntervalS: 300 });
    expect(events.map((e) => e.label)).toEqual(['umbra-entry', 'umbra-exit']);
    const minutes = events[1]!.epoch.secondsSince(events[0]!.epoch) / 60;
    expect(minutes).toBeGreaterThan(65);
    expect(minutes).toBeLessThan(73);
  });
});

describe('elevation detector', () => {
  const site = createSiteDeg({ latitudeDeg: 43.7546, longitudeDeg: 6.9216, heightKm: 1.27 });
  const i = (51.6 * Math.PI) / 180;
  const v = Math.sqrt(MU_EARTH / 6778.137);
  // Passes over Calern start about 14 h after T0 on this orbit: a 4-hour window holds three.
  const eph = ephemerisOf([6778.137, 0, 0, 0, v * Math.cos(i), v * Math.sin(i)], 18 * 3600);
  const window = { start: T0.plusSeconds(14 * 3600), end: T0.plusSeconds(18 * 3600) };

  it('locates rises and sets where the elevation crosses the mask, as a 10 s scan brackets them', () => {
    const detector = elevationDetector({ site, minElevationDeg: 10 });
    const events = findEvents(eph, detector, {
      ...window,
      maxCheckIntervalS: 30,
      toleranceS: 1e-4,
    });
    expect(events.length).toBeGreaterThanOrEqual(2);
    // Independent scan at 10 s: each found event lies in a 10 s interval where g changes sign.
    const g = (tS: number) => {
      const epoch = T0.plusSeconds(tS);
      const pv = eph.positionVelocityInto(new Float64Array(6), epoch);
      return detector.g({ epoch, tS, startEpoch: T0, positionVelocity: pv, frame: 'GCRF' });
    };
    const crossings: number[] = [];
    for (let t = 14 * 3600; t + 10 <= 18 * 3600; t += 10)
      if (g(t) < 0 !== g(t + 10) < 0) crossings.push(t);
    expect(events).toHaveLength(crossings.length);
    secondsOf(events).forEach((t, k) => {
      expect(t).toBeGreaterThanOrEqual(crossings[k]!);
      expect(t).toBeLessThanOrEqual(crossings[k]! + 10);
      // At the event, g is 0 to within its rate (< 1e-3 rad/s in LEO) times the tolerance.
      expect(Math.abs(g(t))).toBeLessThanOrEqual(1e-3 * 1e-4);
    });
    expect(events[0]!.label).toBe('rise');
  });

  it('takes an azimuth-dependent mask', () => {
    // 0° to the north rising to 20° to the south (continuous, as g must be).
    const northOnly = elevationDetector({
      site,
      minElevationDeg: (az) => ((20 * Math.PI) / 180) * 0.5 * (1 - Math.cos(az)),
    });
    const plain = elevationDetector({ site });
    const a = findEvents(eph, northOnly, { ...window, maxCheckIntervalS: 30 });
    const b = findEvents(eph, plain, { ...window, maxCheckIntervalS: 30 });
    expect(a.length).toBeGreaterThan(0);
    // The mask only raises the horizon: no more passes than without it, and each event is
    // on the mask (g = 0 to the rate of g, < 1e-3 rad/s, times the 1e-3 s tolerance).
    expect(a.length).toBeLessThanOrEqual(b.length);
    for (const e of a) {
      const pv = eph.positionVelocityInto(new Float64Array(6), e.epoch);
      const tS = e.epoch.secondsSince(T0);
      const gMask = northOnly.g({
        epoch: e.epoch,
        tS,
        startEpoch: T0,
        positionVelocity: pv,
        frame: 'GCRF',
      });
      expect(Math.abs(gMask)).toBeLessThanOrEqual(1e-6);
    }
  });
});

describe('findEvents arguments', () => {
  const eph = ephemerisOf([7000, 0, 0, 0, 5, 5], 3600);
  it('accepts user detectors and refuses bad options', () => {
    const custom: EventDetector = {
      name: 'x',
      g: ({ positionVelocity: p }) => p[0]!,
    };
    const events = findEvents(eph, custom);
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]!.label).toBe('decreasing');
    expect(() => findEvents(eph, custom, { maxCheckIntervalS: 0 })).toThrow(InvalidArgumentError);
    expect(() => findEvents(eph, custom, { toleranceS: -1 })).toThrow(/toleranceS/);
    expect(() => findEvents(eph, custom, { start: T0.plusSeconds(-10) })).toThrow(/outside/);
    expect(() => findEvents(eph, { name: 'bad' } as unknown as EventDetector)).toThrow(
      /EventDetector/,
    );
  });
});
