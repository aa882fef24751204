/**
 * Generates the bundled demo dataset of `npm run demo` (examples/data/):
 *
 * - `sites.json`: the sensor catalogue (TAROT Calern and La Silla, 1″ each);
 * - `geo-two-nights.truth.json`: the truth state (GCRF) at the start, the force model and
 *   the simulation settings;
 * - `geo-two-nights.tdm`: the simulated RA/Dec (EME2000) of two nights, as a CCSDS TDM (KVN).
 *
 * The truth is a GEO object (a = 42,164.2 km, e = 3e-4, i = 1°) over 30° W, propagated with
 * EGM2008 8×8, the Sun, the Moon and solar radiation pressure (conical Earth and Moon shadow);
 * the measurements come from `simulateMeasurements` (tracklets of 6 points over 10 min every
 * 2 h, Sun below −12°, elevation above 20°, outside the Earth's shadow, light time on, no
 * aberration, seed `geo-two-nights`). Deterministic: running it again rewrites the same files.
 *
 * Run: `npm run generate:demo`
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeTdm } from '../src/ccsds';
import { createSiteDeg, frameTransform } from '../src/frames';
import {
  createTelescope,
  EXAMPLE_SITES,
  measurementsToTdm,
  type Sensor,
  simulateMeasurements,
} from '../src/od';
import {
  egm2008Degree20,
  lowPrecisionMoon,
  lowPrecisionSun,
  propagateNumerical,
  solarRadiationPressure,
  sphericalHarmonicGravity,
  thirdBodyGravity,
} from '../src/propagation';
import { stateFromKeplerian, subSatelliteLongitudeDeg } from '../src/state';
import { Epoch } from '../src/time';

const OUT = new URL('../examples/data/', import.meta.url);
const SEED = 'geo-two-nights';
const OBJECT_ID = 'GEO-DEMO-1';
const SIGMA_ARCSEC = 1;
/** Start of the truth: noon UTC, before the first night at Calern. */
const T0 = Epoch.fromIso('2024-01-15T12:00:00', 'UTC');
const LONGITUDE_DEG = -30;
const ELEMENTS = {
  semiMajorAxisKm: 42164.2,
  ecc: 3e-4,
  incRad: (1 * Math.PI) / 180,
  raanRad: 1.2,
  argPeriapsisRad: 0.7,
};
const SRP = { cr: 1.3, areaToMassM2Kg: 0.02 };
const CADENCE = { pointsPerTracklet: 6, pointSpacingS: 120, trackletSpacingS: 7200 } as const;
const CONSTRAINTS = { maxSunElevationDeg: -12, minElevationDeg: 20, excludeEarthShadow: true };
const RELTOL = 1e-12;

// The sensor catalogue: Calern and La Silla from the example sites.
const siteIds = ['TAROT-CALERN', 'TAROT-LA-SILLA'];
const catalogue = siteIds.map((id) => {
  const s = EXAMPLE_SITES.find((x) => x.id === id)!;
  return {
    id: s.id,
    name: s.name,
    latitudeDeg: s.latitudeDeg,
    longitudeDeg: s.longitudeDeg,
    heightKm: s.heightKm,
    sigmaArcsec: SIGMA_ARCSEC,
  };
});
const sensors: Sensor[] = catalogue.map((c) =>
  createTelescope({
    id: c.id,
    site: createSiteDeg({
      latitudeDeg: c.latitudeDeg,
      longitudeDeg: c.longitudeDeg,
      heightKm: c.heightKm,
    }),
    sigmaArcsec: c.sigmaArcsec,
  }),
);

// The truth: true longitude placed over LONGITUDE_DEG at T0.
const lon = (LONGITUDE_DEG * Math.PI) / 180;
const r = frameTransform('ITRF', 'GCRF', T0).rotation;
const alpha = Math.atan2(
  r[3]! * Math.cos(lon) + r[4]! * Math.sin(lon),
  r[0]! * Math.cos(lon) + r[1]! * Math.sin(lon),
);
const initialState = stateFromKeplerian(
  { ...ELEMENTS, trueAnomalyRad: alpha - ELEMENTS.raanRad - ELEMENTS.argPeriapsisRad },
  { epoch: T0, frame: 'GCRF' },
);
const sun = lowPrecisionSun();
const moon = lowPrecisionMoon();
const end = T0.plusSeconds(2 * 86400);
const run = propagateNumerical({
  initialState,
  endEpoch: end.plusSeconds(60),
  forces: [
    sphericalHarmonicGravity({ field: egm2008Degree20(), degree: 8 }),
    thirdBodyGravity(sun),
    thirdBodyGravity(moon),
    solarRadiationPressure({ ...SRP, sun, moon }),
  ],
  relTol: RELTOL,
});
if (run.status !== 'ok' || run.ephemeris === undefined) {
  throw new Error(`truth propagation failed: ${run.status}`);
}

const sim = simulateMeasurements({
  trajectory: run.ephemeris,
  sensors,
  start: T0.plusSeconds(60),
  end,
  cadence: CADENCE,
  constraints: CONSTRAINTS,
  seed: SEED,
  axes: 'EME2000',
});

const tdm = measurementsToTdm({
  measurements: sim.measurements,
  objectId: OBJECT_ID,
  originator: 'OSMOSE',
  creationDate: end,
  comments: [
    `Simulated by scripts/generate-demo-data.ts (osmose simulateMeasurements, seed ${SEED})`,
    `Truth: examples/data/geo-two-nights.truth.json; sensors: examples/data/sites.json`,
  ],
});

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
writeFileSync(
  new URL('sites.json', OUT),
  json({
    description:
      'Sensor catalogue of the demo: telescope id (the TDM participant name), name, geodetic ' +
      'latitude and longitude (degrees, WGS84, east positive), height above the WGS84 ' +
      'ellipsoid (km) and the on-sky standard deviation of each angle (arcsec).',
    sensors: catalogue,
  }),
);
writeFileSync(
  new URL('geo-two-nights.truth.json', OUT),
  json({
    description:
      'Truth of the demo dataset: the state at epoch (GCRF, km and km/s), the force model ' +
      'that propagated it and the simulation settings of geo-two-nights.tdm.',
    objectId: OBJECT_ID,
    epochUtc: T0.toIso('UTC', { fractionDigits: 3 }),
    frame: 'GCRF',
    positionKm: [...initialState.positionKm],
    velocityKmS: [...initialState.velocityKmS],
    elements: { ...ELEMENTS, subSatelliteLongitudeDeg: subSatelliteLongitudeDeg(initialState) },
    forceModel: {
      gravity: { field: 'EGM2008 (bundled egm2008Degree20)', degree: 8, order: 8 },
      thirdBodies: ['Sun (lowPrecisionSun)', 'Moon (lowPrecisionMoon)'],
      solarRadiationPressure: { ...SRP, shadow: 'conical, Earth and Moon, with penumbra' },
      integrator: { name: 'DOP853', relTol: RELTOL },
    },
    simulation: {
      start: T0.plusSeconds(60).toIso('UTC', { fractionDigits: 0 }),
      end: end.toIso('UTC', { fractionDigits: 0 }),
      cadence: CADENCE,
      constraints: { ...CONSTRAINTS, shadow: 'conical, umbra and penumbra excluded' },
      seed: SEED,
      measurementModel: { lightTime: true, annualAberration: false, diurnalAberration: false },
      axes: 'EME2000',
      noise: `Gaussian, ${SIGMA_ARCSEC} arcsec on-sky per angle`,
    },
    statistics: {
      measurements: sim.measurements.length,
      tracklets: sim.trackletCount,
      perSensor: sim.perSensor,
      rejected: sim.rejected,
    },
  }),
);
writeFileSync(new URL('geo-two-nights.tdm', OUT), writeTdm(tdm));
// The JSON files in the repository's format (Biome), so that `npm run lint` accepts them.
execFileSync('npx', ['biome', 'format', '--write', fileURLToPath(OUT)], { stdio: 'ignore' });

process.stdout.write(
  `${sim.measurements.length} measurements in ${sim.trackletCount} tracklets\n${JSON.stringify(sim.perSensor, null, 1)}\n`,
);
