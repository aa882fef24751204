/**
 * A GEO truth for the simulation and TDM tests: a ≈ 42,164 km, e = 3e-4, i = 1°, placed over
 * 30° W at the start (seen from Calern and La Silla), in the 2024 spring eclipse season so
 * that the Earth's shadow cuts the nights; two-body propagation (fast), 2.2 days.
 */
import { frameTransform } from '../../../src/frames';
import { pointMassGravity, propagateNumerical } from '../../../src/propagation';
import { stateFromKeplerian } from '../../../src/state';
import { Epoch } from '../../../src/time';

export const T0 = Epoch.fromIso('2024-03-01T12:00:00', 'UTC');

export function geoTruth(longitudeDeg = -30) {
  const lon = (longitudeDeg * Math.PI) / 180;
  const r = frameTransform('ITRF', 'GCRF', T0).rotation;
  const x = Math.cos(lon);
  const y = Math.sin(lon);
  const alpha = Math.atan2(r[3]! * x + r[4]! * y, r[0]! * x + r[1]! * y);
  const raan = 1.2;
  const argp = 0.7;
  const initialState = stateFromKeplerian(
    {
      semiMajorAxisKm: 42164.2,
      ecc: 3e-4,
      incRad: Math.PI / 180,
      raanRad: raan,
      argPeriapsisRad: argp,
      trueAnomalyRad: alpha - raan - argp,
    },
    { epoch: T0, frame: 'GCRF' },
  );
  const run = propagateNumerical({
    initialState,
    endEpoch: T0.plusSeconds(2.2 * 86400),
    forces: [pointMassGravity()],
  });
  return run.ephemeris!;
}
