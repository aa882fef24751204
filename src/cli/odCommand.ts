/**
 * `osmose od <file.tdm> --sites <sites.json> [--initial <opm|oem|tle>]`: orbit determination
 * from a tracking data message. Reads the measurements, finds a first orbit by IOD when none is
 * given, fits it by batch least squares with the GEO force model, prints a summary and writes
 * the orbit (OPM), a sampled ephemeris (OEM) and a residual report (text and SVG).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import {
  oemFromStates,
  opmFromState,
  parseOem,
  parseOpm,
  parseTdm,
  stateFromOpm,
  statesFromOemSegment,
  writeOem,
  writeOpm,
} from '../ccsds';
import { AstroError } from '../errors';
import {
  type BatchLeastSquaresResult,
  estimateBatchLeastSquares,
  type OrbitDynamics,
} from '../od/batch';
import {
  angleObservationFromSite,
  attributableObservationFromSite,
  solveCircularOrbit,
  solveGooding,
} from '../od/iod';
import type { Measurement, RaDec, Sensor } from '../od/measurements';
import { tdmToMeasurements } from '../od/tdm';
import { fitAttributable, groupTracklets } from '../od/tracklets';
import {
  EGM2008_J2_TO_J6,
  egm2008Degree20,
  lowPrecisionMoon,
  lowPrecisionSun,
  pointMassGravity,
  propagateNumerical,
  solarRadiationPressure,
  sphericalHarmonicGravity,
  thirdBodyGravity,
  zonalGravity,
} from '../propagation';
import { parseTle, Sgp4Satellite, sgp4State, tleEpoch } from '../propagation/sgp4';
import { type StateVector, transformState } from '../state';
import { Epoch } from '../time';
import { parseArgs, UsageError } from './args';
import { residualPlotSvg } from './residualPlot';
import { readSensorCatalog } from './sensorCatalog';

/** Where the command writes: injectable for tests. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const OD_USAGE = `usage: osmose od <file.tdm> --sites <sites.json> [options]

  Orbit determination from the angles of a CCSDS TDM (KVN or XML).

  --sites <file>        sensor catalogue (JSON: id, latitudeDeg, longitudeDeg, heightKm, sigmaArcsec)
  --initial <file>      first orbit: an OPM, an OEM (its first state) or a TLE; default: IOD
  --model <name>        force model: geo (default: EGM2008 8×8, Sun, Moon, SRP), j2, two-body
  --cr <value>          SRP coefficient (default 1.3)
  --area-to-mass <m2/kg> SRP area-to-mass ratio (default 0.02)
  --estimate-srp        estimate Cr with the state
  --out <dir>           output folder (default osmose-od-<tdm name>)
  --name <text>         object name for the messages (default: the TDM's participant)
  --oem-step <s>        OEM sampling step, s (default 600)
  --quiet               no progress lines`;

const SPEC = {
  options: ['sites', 'initial', 'model', 'cr', 'area-to-mass', 'out', 'name', 'oem-step'],
  flags: ['estimate-srp', 'quiet', 'help'],
};

const RAD_TO_ARCSEC = 648000 / Math.PI;

/**
 * Runs `osmose od`.
 *
 * @returns the exit code: 0 when the fit converged, 1 when it did not, 2 for a usage or input error
 */
export function runOd(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has('help')) {
    io.out(OD_USAGE);
    return 0;
  }
  const tdmPath = args.positional[0];
  if (tdmPath === undefined || args.positional.length > 1) {
    throw new UsageError('expected exactly one TDM file');
  }
  const sitesPath = args.options.get('sites');
  if (sitesPath === undefined) throw new UsageError('--sites <sites.json> is required');
  const quiet = args.flags.has('quiet');
  const progress = (line: string) => {
    if (!quiet) io.err(line);
  };

  const sensors = readSensorCatalog(readFileSync(sitesPath, 'utf8'), sitesPath);
  const tdm = parseTdm(readFileSync(tdmPath, 'utf8'));
  const { measurements, segments } = tdmToMeasurements(tdm, { sensors });
  const angles = measurements.filter((m): m is RaDec => m.kind === 'RADEC');
  if (angles.length < 3) {
    throw new UsageError(`${tdmPath}: ${angles.length} RA/Dec measurements; at least 3 are needed`);
  }
  const objectName = args.options.get('name') ?? segments[0]?.objectNames[0] ?? 'OBJECT';
  progress(
    `read ${measurements.length} measurements from ${segments.length} segments (${[...new Set(segments.map((s) => s.sensorId))].join(', ')})`,
  );

  const dynamics = dynamicsFor(
    args.options.get('model') ?? 'geo',
    numberOption(args.options, 'cr', 1.3),
    numberOption(args.options, 'area-to-mass', 0.02),
  );
  const initialPath = args.options.get('initial');
  const initial =
    initialPath !== undefined ? readInitialOrbit(initialPath) : iodOrbit(angles, sensors, progress);

  const result = estimateBatchLeastSquares({
    measurements,
    sensors,
    initialState: initial,
    dynamics,
    ...(args.flags.has('estimate-srp') ? { estimate: { srpCr: true } } : {}),
    onIteration: (it) =>
      progress(
        `iteration ${it.iteration}: RMS ${it.rms.toFixed(3)} σ, step ${it.stepSigma.toExponential(2)} σ, edited ${it.editedCount}`,
      ),
  });

  const outDir = resolve(
    args.options.get('out') ?? `osmose-od-${basename(tdmPath, extname(tdmPath))}`,
  );
  mkdirSync(outDir, { recursive: true });
  const summary = summaryLines(result, measurements, objectName);
  for (const line of summary) io.out(line);

  const stem = objectName.replace(/[^A-Za-z0-9_.-]+/g, '_');
  const info = {
    objectName,
    objectId: objectName,
    originator: 'OSMOSE',
    creationDate: Epoch.fromDate(new Date()),
    comments: [`osmose od: ${result.reason}`],
  };
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const path = join(outDir, name);
    writeFileSync(path, text);
    written.push(path);
  };
  const stateCovariance = result.covariance?.dim === 6 ? result.covariance : undefined;
  write(`${stem}.opm`, writeOpm(opmFromState(result.state, stateCovariance, info)));
  const ephemeris = sampleOrbit(
    result,
    dynamics,
    measurements,
    numberOption(args.options, 'oem-step', 600),
  );
  if (ephemeris.length > 0) write(`${stem}.oem`, writeOem(oemFromStates(ephemeris, info)));
  write(
    `${stem}-residuals.txt`,
    `${[...summary, '', ...residualTable(result, measurements)].join('\n')}\n`,
  );
  const factors = result.residuals.map((r) => {
    const m = measurements[r.index]!;
    return m.kind === 'RADEC' ? Math.cos(m.values[1]!) : 1;
  });
  write(
    `${stem}-residuals.svg`,
    residualPlotSvg(
      result.residuals,
      factors,
      `${objectName}: post-fit residuals, RMS ${result.postFitRmsArcsec.toFixed(3)}″`,
      measurements[0]!.epoch,
    ),
  );
  io.out('');
  for (const p of written) io.out(`wrote ${p}`);
  return result.converged ? 0 : 1;
}

function numberOption(
  options: ReadonlyMap<string, string>,
  name: string,
  fallback: number,
): number {
  const text = options.get(name);
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isFinite(v)) throw new UsageError(`--${name} ${text}: not a number`);
  return v;
}

function dynamicsFor(model: string, cr: number, areaToMassM2Kg: number): OrbitDynamics {
  switch (model) {
    case 'geo': {
      const sun = lowPrecisionSun();
      const moon = lowPrecisionMoon();
      return {
        forces: [
          sphericalHarmonicGravity({ field: egm2008Degree20(), degree: 8, order: 8 }),
          thirdBodyGravity(sun),
          thirdBodyGravity(moon),
        ],
        srp: { cr, areaToMassM2Kg, sun, moon },
      };
    }
    case 'j2':
      return { forces: [zonalGravity({ j: [EGM2008_J2_TO_J6[0]!] })] };
    case 'two-body':
      return { forces: [pointMassGravity()] };
    default:
      throw new UsageError(`--model ${model}: expected geo, j2 or two-body`);
  }
}

/** A first orbit from an OPM, an OEM or a TLE, in GCRF. */
function readInitialOrbit(path: string): StateVector {
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  let state: StateVector;
  if (
    ext === '.tle' ||
    ext === '.txt' ||
    /^\s*1 /.test(text.split('\n').find((l) => l.trim() !== '') ?? '')
  ) {
    const satellite = Sgp4Satellite.fromTle(parseTle(text));
    const at = tleEpoch(satellite.elements);
    const s = sgp4State(satellite, at, { frame: 'GCRF' });
    if (s.state === null)
      throw new UsageError(`${path}: SGP4 failed at the TLE epoch (status ${s.status})`);
    state = s.state;
  } else if (/CCSDS_OEM_VERS|<oem/i.test(text)) {
    const segment = parseOem(text).segments[0];
    if (segment === undefined) throw new UsageError(`${path}: the OEM has no segment`);
    state = statesFromOemSegment(segment)[0]!;
  } else {
    state = stateFromOpm(parseOpm(text)).state;
  }
  return state.frame === 'GCRF' ? state : transformState(state, 'GCRF');
}

/**
 * IOD: Gooding on the first, middle and last angles of the first 12 hours; when it fails, the
 * circular-orbit solution of the first tracklet.
 */
function iodOrbit(
  angles: readonly RaDec[],
  sensors: readonly Sensor[],
  progress: (l: string) => void,
): StateVector {
  const byId = new Map(sensors.map((s) => [s.id, s]));
  const first = angles[0]!.epoch;
  const night = angles.filter((m) => m.epoch.secondsSince(first) <= 12 * 3600);
  const picks = [night[0]!, night[Math.floor(night.length / 2)]!, night[night.length - 1]!];
  if (picks[2]!.epoch.secondsSince(picks[0]!.epoch) > 1800) {
    const gooding = solveGooding(
      picks.map((m) =>
        angleObservationFromSite(
          byId.get(m.sensorId)!.site,
          m.epoch,
          m.rightAscensionRad,
          m.declinationRad,
          {
            frame: m.axes,
          },
        ),
      ),
    );
    if (gooding.ok) {
      progress(
        `IOD: Gooding on 3 angles over ${(picks[2]!.epoch.secondsSince(picks[0]!.epoch) / 3600).toFixed(1)} h`,
      );
      return toGcrf(gooding.state);
    }
    progress(`IOD: Gooding failed (${gooding.message}); trying the first tracklet`);
  }
  const tracklet = groupTracklets(angles).tracklets[0];
  if (tracklet === undefined) throw new UsageError('IOD: no tracklet of 3 or more angles');
  const attributable = fitAttributable(tracklet);
  const circular = solveCircularOrbit(
    attributableObservationFromSite(attributable, byId.get(attributable.sensorId)!.site),
  );
  if (!circular.ok) throw new UsageError(`IOD failed: ${circular.message}; give --initial`);
  progress(`IOD: circular orbit from the first tracklet (${tracklet.measurements.length} angles)`);
  return toGcrf(circular.state);
}

function toGcrf(state: StateVector): StateVector {
  return state.frame === 'GCRF' ? state : transformState(state, 'GCRF');
}

function summaryLines(
  result: BatchLeastSquaresResult,
  measurements: readonly Measurement[],
  name: string,
): string[] {
  const s = result.state;
  const [sr, st, sn] = result.positionSigmaRtnKm;
  const [svr, svt, svn] = result.velocitySigmaRtnKmS;
  const lines = [
    `${name}: batch least squares ${result.converged ? 'converged' : 'did NOT converge'} (${result.status}) in ${result.iterations} iterations`,
    `  ${result.reason}`,
    `  measurements: ${measurements.length}, edited ${result.editedCount}`,
    `  RMS: pre-fit ${result.preFitRmsArcsec.toFixed(3)}″, post-fit ${result.postFitRmsArcsec.toFixed(3)}″ (${result.postFitRms.toFixed(3)} σ)`,
    `  residual χ² test: ${result.residualTest.consistent === undefined ? 'no degrees of freedom' : result.residualTest.consistent ? 'consistent' : 'INCONSISTENT'} (${result.residualTest.statistic.toFixed(1)} for ${result.residualTest.dof} dof, 99 % bound ${result.residualTest.threshold.toFixed(1)})`,
    `  epoch ${s.epoch.toIso('UTC', { fractionDigits: 3 })} UTC, GCRF`,
    `  r = [${s.positionKm.map((v) => v.toFixed(6)).join(', ')}] km`,
    `  v = [${s.velocityKmS.map((v) => v.toFixed(9)).join(', ')}] km/s`,
    `  1σ position R/T/N: ${[sr, st, sn].map((v) => (v * 1000).toFixed(1)).join(' / ')} m`,
    `  1σ velocity R/T/N: ${[svr, svt, svn].map((v) => (v * 1e6).toFixed(2)).join(' / ')} mm/s`,
    `  condition number ${result.conditionNumber.toExponential(2)}`,
  ];
  for (const p of result.parameters) lines.push(`  ${p.name} = ${p.value} ± ${p.sigma} ${p.unit}`);
  const bySite = new Map<string, { n: number; sum: number; edited: number }>();
  for (const r of result.residuals) {
    const m = measurements[r.index]!;
    const e = bySite.get(r.sensorId) ?? { n: 0, sum: 0, edited: 0 };
    if (r.edited) e.edited++;
    else if (m.kind === 'RADEC') {
      const ra = r.residuals[0]! * Math.cos(m.values[1]!) * RAD_TO_ARCSEC;
      const dec = r.residuals[1]! * RAD_TO_ARCSEC;
      e.sum += ra * ra + dec * dec;
      e.n += 2;
    }
    bySite.set(r.sensorId, e);
  }
  for (const [id, e] of [...bySite].sort()) {
    lines.push(
      `  ${id}: RMS ${e.n > 0 ? Math.sqrt(e.sum / e.n).toFixed(3) : '—'}″ over ${e.n / 2} RA/Dec pairs, ${e.edited} edited`,
    );
  }
  return lines;
}

function residualTable(
  result: BatchLeastSquaresResult,
  measurements: readonly Measurement[],
): string[] {
  const lines = [
    'epoch (UTC)                    sensor            kind   residuals (″ on sky, or km, km/s)   normalized   edited',
  ];
  for (const r of result.residuals) {
    const m = measurements[r.index]!;
    const values =
      m.kind === 'RADEC' || m.kind === 'AZEL'
        ? [
            r.residuals[0]! * Math.cos(m.values[1]!) * RAD_TO_ARCSEC,
            r.residuals[1]! * RAD_TO_ARCSEC,
          ]
        : [...r.residuals];
    lines.push(
      [
        r.epoch.toIso('UTC', { fractionDigits: 3 }).padEnd(30),
        r.sensorId.padEnd(17),
        r.kind.padEnd(6),
        values
          .map((v) => v.toFixed(4).padStart(10))
          .join(' ')
          .padEnd(35),
        r.normalized
          .map((v) => v.toFixed(2).padStart(7))
          .join(' ')
          .padEnd(12),
        r.edited ? 'yes' : '',
      ].join(' '),
    );
  }
  return lines;
}

/** The fitted orbit sampled every `stepS` over the span of the measurements (both ends kept). */
function sampleOrbit(
  result: BatchLeastSquaresResult,
  dynamics: OrbitDynamics,
  measurements: readonly Measurement[],
  stepS: number,
): StateVector[] {
  if (!(stepS > 0)) throw new UsageError(`--oem-step ${stepS}: must be > 0`);
  const start = measurements[0]!.epoch;
  const end = measurements[measurements.length - 1]!.epoch;
  const cr = result.parameters.find((p) => p.name === 'srp.cr')?.value;
  const am = result.parameters.find((p) => p.name === 'srp.areaToMassM2Kg')?.value;
  const forces = [...dynamics.forces];
  if (dynamics.srp !== undefined) {
    forces.push(
      solarRadiationPressure({
        ...dynamics.srp,
        ...(cr !== undefined ? { cr } : {}),
        ...(am !== undefined ? { areaToMassM2Kg: am } : {}),
      }),
    );
  }
  const epoch0 = result.state.epoch;
  const runs = [start, end]
    .filter((e) => Math.abs(e.secondsSince(epoch0)) > 0)
    .map((e) => propagateNumerical({ initialState: result.state, endEpoch: e, forces }));
  for (const run of runs) {
    if (run.status !== 'ok') return [];
  }
  const span = end.secondsSince(start);
  const count = Math.floor(span / stepS);
  const epochs = Array.from({ length: count + 1 }, (_, k) => start.plusSeconds(k * stepS));
  if (span - count * stepS > 1e-6) epochs.push(end);
  return epochs.map((e) => {
    const dt = e.secondsSince(epoch0);
    if (Math.abs(dt) < 1e-9) return result.state;
    const run = runs.find((r) => {
      const a = r.ephemeris!.startEpoch.secondsSince(e);
      const b = r.ephemeris!.endEpoch.secondsSince(e);
      return a * b <= 0;
    });
    return run!.ephemeris!.stateAt(e);
  });
}

/** Formats an error for the terminal: typed errors by their message, others with their stack. */
export function describeError(e: unknown): string {
  if (e instanceof UsageError) return `osmose: ${e.message}`;
  if (e instanceof AstroError) return `osmose: ${e.message}`;
  if (e instanceof Error && 'code' in e && (e as NodeJS.ErrnoException).code === 'ENOENT') {
    return `osmose: ${(e as NodeJS.ErrnoException).path}: no such file`;
  }
  return `osmose: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}
