import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOem, parseOpm } from '../../src/ccsds/parse';
import {
  oemFromStates,
  opmFromState,
  stateFromOpm,
  statesFromOemSegment,
} from '../../src/ccsds/stateMessages';
import { writeOem, writeOpm } from '../../src/ccsds/write';
import { InvalidArgumentError } from '../../src/errors';
import { Covariance } from '../../src/state/covariance';
import { StateVector } from '../../src/state/stateVector';
import { Epoch } from '../../src/time';

const RUNS = Number(process.env.OSMOSE_FC_RUNS ?? 100);
const EPOCH = Epoch.fromIso('2024-03-01T12:34:56.789', 'UTC');
const INFO = {
  objectName: 'GEO-1',
  objectId: '2024-001A',
  originator: 'OSMOSE',
  creationDate: EPOCH,
};
/** Epochs are written to the nanosecond or finer: the round trip keeps them within 1 ns. */
const EPOCH_TOL_S = 1e-9;

const finiteKm = fc.double({ min: -1e5, max: 1e5, noNaN: true, noDefaultInfinity: true });
const finiteKmS = fc.double({ min: -20, max: 20, noNaN: true, noDefaultInfinity: true });

describe('states to OPM and OEM, and back', () => {
  it('a state and its covariance, in RTN or in the frame of the state, survive OPM write → parse exactly, in KVN and XML (property)', () => {
    fc.assert(
      fc.property(
        fc.tuple(finiteKm, finiteKm, finiteKm),
        fc.tuple(finiteKmS, finiteKmS, finiteKmS),
        fc.constantFrom('GCRF', 'EME2000', 'ITRF', 'TEME'),
        fc.array(fc.double({ min: 1e-8, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.constantFrom('KVN', 'XML'),
        fc.constantFrom('RTN', 'state frame'),
        (r, v, frame, sigmas, encoding, covFrameChoice) => {
          const state = StateVector.create({ epoch: EPOCH, frame, positionKm: r, velocityKmS: v });
          const matrix = sigmas.map((si, i) =>
            sigmas.map((sj, j) => (i === j ? si * si : 0.3 * si * sj)),
          );
          const covFrame = covFrameChoice === 'RTN' ? 'RTN' : frame;
          const cov = Covariance.create({ epoch: EPOCH, frame: covFrame, matrix });
          const text = writeOpm(opmFromState(state, cov, INFO), { encoding });
          const back = stateFromOpm(parseOpm(text));
          expect(back.state.frame).toBe(frame);
          expect(back.state.positionKm).toEqual(state.positionKm);
          expect(back.state.velocityKmS).toEqual(state.velocityKmS);
          expect(Math.abs(back.state.epoch.secondsSince(EPOCH))).toBeLessThanOrEqual(EPOCH_TOL_S);
          expect(back.covariance?.frame).toBe(covFrame);
          expect(back.covariance?.toArray()).toEqual(cov.toArray());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('states survive OEM write → parse exactly, in order and frame', () => {
    const states = [0, 60, 120.5].map((dt, i) =>
      StateVector.create({
        epoch: EPOCH.plusSeconds(dt),
        frame: 'EME2000',
        positionKm: [42164.123456789 + i, -0.1 * i, 1e-3],
        velocityKmS: [1e-4, 3.0747, -0.05],
      }),
    );
    const back = statesFromOemSegment(parseOem(writeOem(oemFromStates(states, INFO))).segments[0]!);
    expect(back).toHaveLength(3);
    back.forEach((s, i) => {
      expect(s.frame).toBe('EME2000');
      expect(s.positionKm).toEqual(states[i]!.positionKm);
      expect(s.velocityKmS).toEqual(states[i]!.velocityKmS);
      expect(Math.abs(s.epoch.secondsSince(states[i]!.epoch))).toBeLessThanOrEqual(EPOCH_TOL_S);
    });
  });

  it('refuses mixed frames, decreasing epochs and covariances at another epoch, naming them', () => {
    const a = StateVector.create({
      epoch: EPOCH,
      frame: 'GCRF',
      positionKm: [7000, 0, 0],
      velocityKmS: [0, 7.5, 0],
    });
    const b = StateVector.create({
      epoch: EPOCH.plusSeconds(60),
      frame: 'ITRF',
      positionKm: [7000, 0, 0],
      velocityKmS: [0, 7.5, 0],
    });
    const c = StateVector.create({
      epoch: EPOCH.plusSeconds(-60),
      frame: 'GCRF',
      positionKm: [7000, 0, 0],
      velocityKmS: [0, 7.5, 0],
    });
    expect(() => oemFromStates([a, b], INFO)).toThrow(/states\[1\]\.frame/);
    expect(() => oemFromStates([a, c], INFO)).toThrow(InvalidArgumentError);
    expect(() => oemFromStates([], INFO)).toThrow(/at least one/);
    const late = Covariance.create({
      epoch: EPOCH.plusSeconds(1),
      frame: 'GCRF',
      matrix: Array.from({ length: 6 }, (_, i) =>
        Array.from({ length: 6 }, (_, j) => (i === j ? 1 : 0)),
      ),
    });
    expect(() => opmFromState(a, late, INFO)).toThrow(/covariance\.epoch/);
  });
});
