/**
 * Location of the zeros of switching functions along an ephemeris.
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../../errors';
import { Epoch } from '../../time';
import { Ephemeris } from '../ephemeris/ephemeris';
import { brentRoot } from './internal/brentRoot';
import type { EventDetector, EventInput, EventOccurrence } from './types';

/** Options of {@link findEvents}. */
export interface FindEventsOptions {
  /**
   * Largest interval between two evaluations of g while scanning, s (default 60). Two
   * events closer than this (a short eclipse, a grazing pass) may be missed: pick it below
   * the shortest interval between events you need.
   */
  readonly maxCheckIntervalS?: number;
  /** Convergence tolerance on the time of each event, s (default 1e-3). */
  readonly toleranceS?: number;
  /** Start of the search (default the ephemeris's start). */
  readonly start?: Epoch;
  /** End of the search (default the ephemeris's end). */
  readonly end?: Epoch;
  /** Iteration budget of each root search (default 100). */
  readonly maxIterations?: number;
}

function positive(name: string, value: number, unit: string): number {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(name, value, unit, 'must be a positive finite number');
  }
  return value;
}

/**
 * The events of one or more detectors along an ephemeris, in time order.
 *
 * Each g is evaluated at steps of at most `maxCheckIntervalS` over the span; every sign
 * change between two samples is then located by Brent's method to `toleranceS`. A zero of
 * g counts as positive, so a g that touches 0 without changing sign is no event. Events
 * whose g changes sign twice within one check interval are not seen (see
 * `maxCheckIntervalS`).
 *
 * @param ephemeris - where to search
 * @param detectors - one detector or several
 * @param options - check interval, tolerance, sub-span
 * @returns the occurrences, sorted by epoch (ties keep the order of the detectors)
 * @throws {@link InvalidArgumentError} for a bad option, or a start/end outside the span
 * @throws whatever a detector's g throws
 * @see Brent (1973), ch. 4; Montenbruck & Gill, Satellite Orbits (2000), §4.4 (event
 *   location on dense output)
 * @example
 * ```ts
 * const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
 * const s0 = StateVector.create({ epoch: t0, frame: 'GCRF', positionKm: [7000, 0, 0], velocityKmS: [0, 5, 5] });
 * const samples = [];
 * for (let t = 0; t <= 7200; t += 60) samples.push(propagateKepler(s0, t0.plusSeconds(t)));
 * const events = findEvents(Ephemeris.fromStates(samples), nodeDetector());
 * events[0]!.label; // 'descending-node'
 * ```
 */
export function findEvents(
  ephemeris: Ephemeris,
  detectors: EventDetector | readonly EventDetector[],
  options: FindEventsOptions = {},
): EventOccurrence[] {
  if (!(ephemeris instanceof Ephemeris)) {
    throw new InvalidArgumentError('ephemeris', String(ephemeris), '', 'must be an Ephemeris');
  }
  const list: readonly EventDetector[] = Array.isArray(detectors)
    ? detectors
    : [detectors as EventDetector];
  list.forEach((d, k) => {
    if (d === null || typeof d !== 'object' || typeof d.g !== 'function') {
      throw new InvalidArgumentError(`detectors[${k}]`, String(d), '', 'must be an EventDetector');
    }
  });
  const checkS = positive('maxCheckIntervalS', options.maxCheckIntervalS ?? 60, 's');
  const tolS = positive('toleranceS', options.toleranceS ?? 1e-3, 's');
  const maxIterations = options.maxIterations ?? 100;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new InvalidArgumentError('maxIterations', maxIterations, '', 'must be an integer ≥ 1');
  }
  const origin = ephemeris.startEpoch;
  const spanS = ephemeris.durationS;
  const readBound = (name: string, e: Epoch | undefined, fallback: number): number => {
    if (e === undefined) return fallback;
    if (!(e instanceof Epoch))
      throw new InvalidArgumentError(name, String(e), '', 'must be an Epoch');
    const t = e.secondsSince(origin);
    if (!(t >= -1e-9 && t <= spanS + 1e-9)) {
      throw new InvalidArgumentError(
        name,
        `${e.toIso('TAI')} TAI`,
        '',
        `is outside the ephemeris (${origin.toIso('TAI')} TAI + ${spanS} s)`,
      );
    }
    return Math.min(Math.max(t, 0), spanS);
  };
  const t0 = readBound('start', options.start, 0);
  const t1 = readBound('end', options.end, spanS);
  if (!(t1 >= t0))
    throw new InvalidArgumentError('end', t1, 's', `must not be before start (${t0} s)`);

  const pv = new Float64Array(6);
  const evaluate = (d: EventDetector, tS: number): number => {
    const epoch = origin.plusSeconds(tS);
    ephemeris.positionVelocityInto(pv, epoch);
    const input: EventInput = {
      epoch,
      tS,
      startEpoch: origin,
      positionVelocity: pv,
      frame: ephemeris.frame,
    };
    return d.g(input);
  };
  const found: { tS: number; order: number; occurrence: EventOccurrence }[] = [];
  const steps = Math.max(1, Math.ceil((t1 - t0) / checkS));
  list.forEach((d, order) => {
    let ta = t0;
    let ga = evaluate(d, ta);
    for (let k = 1; k <= steps; k++) {
      const tb = k === steps ? t1 : t0 + ((t1 - t0) * k) / steps;
      const gb = evaluate(d, tb);
      const negA = ga < 0;
      const negB = gb < 0;
      if (negA !== negB && Number.isFinite(ga) && Number.isFinite(gb)) {
        const root = brentRoot((t) => evaluate(d, t), ta, tb, ga, gb, tolS, maxIterations);
        const increasing = negA;
        found.push({
          tS: root,
          order,
          occurrence: Object.freeze({
            epoch: origin.plusSeconds(root),
            detector: d.name,
            direction: increasing ? 'increasing' : 'decreasing',
            label:
              (increasing ? d.increasingLabel : d.decreasingLabel) ??
              (increasing ? 'increasing' : 'decreasing'),
          }),
        });
      }
      ta = tb;
      ga = gb;
    }
  });
  found.sort((x, y) => x.tS - y.tS || x.order - y.order);
  return found.map((f) => f.occurrence);
}
