import { describe, expect, it } from 'vitest';
import { estimateBatchLeastSquares } from '../../../src/od/batch';
import { neesConsistency } from '../../../src/od/ekf';
import { StateVector } from '../../../src/state';
import { geoScenario, truthAt } from './geoScenario';

/**
 * Monte Carlo runs of the two-night GEO case (one noise seed each): 100 by default, as the
 * issue asks (about 13 s here); `OSMOSE_OD_NEES_RUNS` changes the count.
 */
const RUNS = Number(process.env.OSMOSE_OD_NEES_RUNS ?? 100);
/** Start 1 km and 0.1 m/s off the truth on each axis: the solution must not depend on it. */
const START_OFFSET_KM = 1;
const START_OFFSET_KM_S = 1e-4;

describe('estimateBatchLeastSquares Monte Carlo (issue 9 acceptance)', () => {
  it(`gives a NEES consistent with χ²(6) at 95 % over ${RUNS} seeds`, () => {
    const errors: Float64Array[] = [];
    const covariances: Float64Array[] = [];
    for (let seed = 1000; seed < 1000 + RUNS; seed++) {
      const scenario = geoScenario({ seed });
      const t = scenario.truthStart;
      const start = StateVector.create({
        epoch: t.epoch,
        frame: 'GCRF',
        positionKm: t.positionKm.map((v) => v + START_OFFSET_KM),
        velocityKmS: t.velocityKmS.map((v) => v - START_OFFSET_KM_S),
      });
      const fit = estimateBatchLeastSquares({
        measurements: scenario.measurements,
        sensors: scenario.sensors,
        initialState: start,
        dynamics: scenario.dynamics,
        // Editing would drop ~1 % of good points per component and bias the test: off here.
        editing: false,
      });
      expect(fit.converged).toBe(true);
      const truth = truthAt(scenario, t.epoch);
      errors.push(
        Float64Array.from([
          ...fit.state.positionKm.map((v, i) => v - truth.positionKm[i]!),
          ...fit.state.velocityKmS.map((v, i) => v - truth.velocityKmS[i]!),
        ]),
      );
      covariances.push(fit.covariance!.toFloat64Array());
    }
    const nees = neesConsistency(errors, covariances, 0.95);
    expect(nees.dof).toBe(6 * RUNS);
    expect(nees.consistent, nees.reason).toBe(true);
  }, 120_000);
});
