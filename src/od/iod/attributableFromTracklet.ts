import type { Site } from '../../frames/topocentric';
import type { Attributable } from '../tracklets/attributable';
import { type AngleObservationFromSiteOptions, angleObservationFromSite } from './angleObservation';
import type { AttributableObservation } from './circularShortArc';

/**
 * The input of {@link solveCircularOrbit} from a fitted tracklet: the attributable (α, δ, α̇,
 * δ̇ at its reference epoch, from `fitAttributable`) with the observing site's inertial
 * position and velocity at that epoch (through the ITRF → GCRF or EME2000 transform with EOP).
 *
 * @param attributable - a fitted attributable; its axes (GCRF or EME2000) become the frame
 * @param site - the site of the attributable's sensor
 * @param options - transform options (time data, EOP) or a prepared `transformAt`
 * @returns the attributable observation
 * @throws {@link MissingDataError} when the EOP do not cover the epoch
 *
 * @example
 * ```ts
 * const calern = createSiteDeg({ latitudeDeg: 43.7528, longitudeDeg: 6.9222, heightKm: 1.27 });
 * const obs = attributableObservationFromSite(
 *   {
 *     sensorId: 'CALERN', axes: 'GCRF', epoch: Epoch.fromIso('2024-03-01T22:00:00', 'UTC'),
 *     rightAscensionRad: 1.2, declinationRad: 0.05, rightAscensionRateRadS: 7.3e-5,
 *     declinationRateRadS: 0, covariance: [], degree: 1, pointCount: 6, rmsNormalized: 1,
 *   },
 *   calern,
 * );
 * obs.frame; // 'GCRF'
 * ```
 */
export function attributableObservationFromSite(
  attributable: Attributable,
  site: Site,
  options: Omit<AngleObservationFromSiteOptions, 'frame'> = {},
): AttributableObservation {
  const observation = angleObservationFromSite(
    site,
    attributable.epoch,
    attributable.rightAscensionRad,
    attributable.declinationRad,
    { ...options, frame: attributable.axes },
  );
  return {
    epoch: attributable.epoch,
    frame: attributable.axes,
    rightAscensionRad: attributable.rightAscensionRad,
    declinationRad: attributable.declinationRad,
    rightAscensionRateRadS: attributable.rightAscensionRateRadS,
    declinationRateRadS: attributable.declinationRateRadS,
    observerPositionKm: observation.observerPositionKm,
    observerVelocityKmS: observation.observerVelocityKmS ?? [0, 0, 0],
  };
}
