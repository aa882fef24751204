/**
 * Benchmarks of initial orbit determination: solves per second of each method, and, for the
 * angles-only methods, on the simulated GEO data of the acceptance tests (1″ noise, three
 * observations over one night, or one 10-minute tracklet), side by side with ootk 7.0.3's
 * Gooding IOD on the same observations. The accuracy distributions over 100 cases are printed
 * under the tables (they are the figures of docs/guides/od.md).
 */
import {
  EpochUTC,
  GoodingIOD as OotkGooding,
  J2000 as OotkJ2000,
  type Kilometers as OotkKilometers,
  type KilometersPerSecond as OotkKilometersPerSecond,
  ObservationOptical as OotkObservation,
  RadecTopocentric as OotkRadec,
  type Radians as OotkRadians,
  Vector3D as OotkVector3D,
} from 'ootk';
import { type Vec3, vec3 } from '../src/math';
import {
  type AngleObservation,
  type AnglesIodResult,
  solveCircularOrbit,
  solveGauss,
  solveGibbs,
  solveGooding,
  solveHerrickGibbs,
  solveLambert,
  solveLaplace,
} from '../src/od/iod';
import {
  ARCSEC_RAD,
  drawThreeObservationCases,
  drawTrackletCases,
  elementsOf,
  fitAttributable,
  type GeoCase,
  percentile,
  truthAt,
} from '../test/od/iod/geoSimulation';
import type { BenchGroup } from './harness';

const CASES = 100;

function ootkObservation(o: AngleObservation): OotkObservation {
  const epoch = EpochUTC.fromDateTimeString(`${o.epoch.toIso('UTC', { fractionDigits: 3 })}Z`);
  const [x, y, z] = o.observerPositionKm;
  const km = (v: number) => v as OotkKilometers;
  const site = new OotkJ2000(
    epoch,
    new OotkVector3D(km(x), km(y), km(z)),
    new OotkVector3D(
      0 as OotkKilometersPerSecond,
      0 as OotkKilometersPerSecond,
      0 as OotkKilometersPerSecond,
    ),
  );
  const l = o.lineOfSight;
  const ra = Math.atan2(l[1], l[0]) as OotkRadians;
  return new OotkObservation(site, new OotkRadec(epoch, ra, Math.asin(l[2]) as OotkRadians));
}

interface Stats {
  readonly solved: number;
  readonly thrown: number;
  readonly posKm: number[];
  readonly smaKm: number[];
}

function stats(
  cases: readonly { c: GeoCase; obs: AngleObservation[] }[],
  solve: (
    c: GeoCase,
    obs: AngleObservation[],
  ) => { r: Vec3; v: Vec3; epoch: AngleObservation['epoch'] } | null,
): Stats {
  const posKm: number[] = [];
  const smaKm: number[] = [];
  let thrown = 0;
  for (const { c, obs } of cases) {
    let out: ReturnType<typeof solve> = null;
    try {
      out = solve(c, obs);
    } catch {
      thrown++;
      continue;
    }
    if (!out) continue;
    const t = truthAt(c, out.epoch);
    posKm.push(vec3.distance(out.r, t.positionKm));
    smaKm.push(
      Math.abs(elementsOf(out.r, out.v).aKm - elementsOf(t.positionKm, t.velocityKmS).aKm),
    );
  }
  return { solved: posKm.length, thrown, posKm, smaKm };
}

function line(name: string, s: Stats, n: number, tolKm: number): string {
  const f = (a: number[], p: number) => (a.length ? percentile(a, p).toPrecision(3) : '—');
  const within = s.posKm.filter((e) => e <= tolKm).length;
  return `${name}: solved ${s.solved}/${n}, threw ${s.thrown}; position error median ${f(s.posKm, 50)} km, p95 ${f(s.posKm, 95)} km, max ${s.posKm.length ? Math.max(...s.posKm).toPrecision(3) : '—'} km; |Δa| median ${f(s.smaKm, 50)} km, p95 ${f(s.smaKm, 95)} km, max ${s.smaKm.length ? Math.max(...s.smaKm).toPrecision(3) : '—'} km; within ${tolKm} km: ${within}/${n}`;
}

function fromResult(r: AnglesIodResult) {
  return r.ok ? { r: r.state.positionKm, v: r.state.velocityKmS, epoch: r.state.epoch } : null;
}

/** The IOD benchmark groups. */
export async function iodBenchGroups(): Promise<BenchGroup[]> {
  const night = drawThreeObservationCases('osmose-iod-night', CASES, ARCSEC_RAD);
  const tracklets = drawTrackletCases('osmose-iod-tracklet', CASES, ARCSEC_RAD);
  const attributables = tracklets.map(({ c, obs }) => fitAttributable(c, obs));
  let k = 0;
  const next = () => night[k++ % night.length]!.obs;
  let j = 0;
  const nextAttributable = () => attributables[j++ % attributables.length]!;

  const positions: BenchGroup = {
    title: 'Position-based IOD (one solve per call)',
    itemsPerOp: 1,
    cases: [
      {
        name: 'solveGibbs (Vallado Ex. 7-3)',
        fn: () => solveGibbs([0, 0, 6378.137], [0, -4464.696, -5102.509], [0, 5740.323, 3189.068]),
      },
      {
        name: 'solveHerrickGibbs (Vallado Ex. 7-4)',
        fn: () =>
          solveHerrickGibbs(
            [3419.85564, 6019.82602, 2784.60022],
            [2935.91195, 6326.18324, 2660.59584],
            [2434.95202, 6597.38674, 2521.52311],
            0,
            76.48,
            153.04,
          ),
      },
      {
        name: 'solveLambert, 0 rev (Vallado Ex. 7-5)',
        fn: () => solveLambert([15945.34, 0, 0], [12214.83899, 10249.46731, 0], 4560),
      },
      {
        name: 'solveLambert, 0 and 1 rev (Der Ex. II, 3 solutions)',
        fn: () =>
          solveLambert(
            [22592.145603, -1599.915239, -19783.950506],
            [1922.067697, 4054.157051, -8925.727465],
            36000,
            {
              maxRevolutions: 1,
            },
          ),
      },
    ],
  };

  // ootk prints convergence diagnostics through console.warn on every failure: muted here.
  const ootkSolve = (obs: AngleObservation[]) => {
    const [a, b, c] = obs.map(ootkObservation) as [
      OotkObservation,
      OotkObservation,
      OotkObservation,
    ];
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      return new OotkGooding().estimate(a, b, c);
    } finally {
      console.warn = warn;
    }
  };
  const angles: BenchGroup = {
    title:
      'Angles-only IOD on simulated GEO data, 1″ noise (one solve per call, 100 cases in turn)',
    itemsPerOp: 1,
    cases: [
      { name: 'solveGooding, 3 obs over one night', fn: () => solveGooding(next()) },
      {
        name: 'ootk 7.0.3 GoodingIOD.estimate, same data',
        fn: () => {
          try {
            return ootkSolve(next());
          } catch (e) {
            return e;
          }
        },
      },
      { name: 'solveGauss (refined), 3 obs over one night', fn: () => solveGauss(next()) },
      { name: 'solveLaplace, 3 obs over one night', fn: () => solveLaplace(next()) },
      {
        name: 'solveCircularOrbit, one 10-min tracklet',
        fn: () => solveCircularOrbit(nextAttributable()),
      },
    ],
    notes: () => {
      const tol = 5;
      const ootk = stats(night, (_c, obs) => {
        const s = ootkSolve(obs);
        const epoch = obs[1]!.epoch;
        return {
          r: [s.position.x, s.position.y, s.position.z] as Vec3,
          v: [s.velocity.x, s.velocity.y, s.velocity.z] as Vec3,
          epoch,
        };
      });
      const ootkTracklet = stats(tracklets, (_c, obs) => {
        const s = ootkSolve([obs[0]!, obs[3]!, obs[5]!]);
        return {
          r: [s.position.x, s.position.y, s.position.z] as Vec3,
          v: [s.velocity.x, s.velocity.y, s.velocity.z] as Vec3,
          epoch: obs[3]!.epoch,
        };
      });
      return [
        line(
          'solveGooding, night',
          stats(night, (_c, obs) => fromResult(solveGooding(obs))),
          CASES,
          tol,
        ),
        line(
          'solveGauss, night',
          stats(night, (_c, obs) => fromResult(solveGauss(obs))),
          CASES,
          tol,
        ),
        line(
          'solveLaplace, night',
          stats(night, (_c, obs) => fromResult(solveLaplace(obs))),
          CASES,
          tol,
        ),
        line('ootk GoodingIOD, night', ootk, CASES, tol),
        line(
          'solveCircularOrbit, one tracklet',
          stats(tracklets, (c, obs) => fromResult(solveCircularOrbit(fitAttributable(c, obs)))),
          CASES,
          1000,
        ),
        line(
          'solveGooding, one tracklet (obs 1, 4, 6)',
          stats(tracklets, (_c, obs) => fromResult(solveGooding([obs[0]!, obs[3]!, obs[5]!]))),
          CASES,
          1000,
        ),
        line('ootk GoodingIOD, one tracklet (obs 1, 4, 6)', ootkTracklet, CASES, 1000),
      ];
    },
  };
  return [positions, angles];
}
