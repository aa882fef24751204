/**
 * Write → read round trips: every valid fixture, in KVN and in XML, and random messages from
 * fast-check. Numbers must come back exactly (the writers print the shortest text that reads
 * back as the same double), dates within 1 ns (EPOCH_ROUND_TRIP_TOL_S).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CcsdsMessage,
  type OemMessage,
  OemStreamWriter,
  type OmmMessage,
  type OpmMessage,
  parseCcsds,
  parseCcsdsAll,
  type TdmMessage,
  writeCcsds,
} from '../../src/ccsds';
import { Epoch } from '../../src/time';
import { FC_PARAMS } from '../arbitraries';
import { firstDifference, optionsFor, readReference } from './helpers';

const MANIFEST = JSON.parse(readReference('manifest.json')) as {
  files: Record<string, { message: string; valid: boolean | null }>;
};
const VALID = Object.entries(MANIFEST.files)
  .filter(
    ([f, e]) =>
      e.valid === true && /^(OEM|OMM|OPM|TDM)$/.test(e.message) && !/\.(csv|json)$/.test(f),
  )
  .map(([f]) => f);

describe('write → read of every valid fixture', () => {
  for (const file of VALID) {
    it(`${file} survives KVN and XML writing`, () => {
      const options = optionsFor(file);
      for (const original of parseCcsdsAll(readReference(file), options)) {
        for (const encoding of ['KVN', 'XML'] as const) {
          const text = writeCcsds(original, { ...options, units: false, encoding });
          const again = parseCcsds(text, options);
          expect(firstDifference(again, original), `${encoding}`).toBeUndefined();
          // with units written, too
          const withUnits = parseCcsds(
            writeCcsds(original, { ...options, encoding, units: true }),
            { ...options, units: 'strict' },
          );
          expect(firstDifference(withUnits, original), `${encoding} with units`).toBeUndefined();
        }
      }
    });
  }
});

// ---- random messages --------------------------------------------------------------------

const T0 = Epoch.fromIso('2000-01-01T00:00:00', 'UTC');
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const vec3 = fc.tuple(finite, finite, finite);
const word = fc.stringMatching(/^[A-Z][A-Z0-9 -]{0,14}[A-Z0-9]$/);
const comment = fc
  .stringMatching(/^[A-Za-z0-9][ -~]{0,30}$/)
  .map((s) => s.replace(/[<>&"]/g, '').trim());
const comments = fc.array(comment, { maxLength: 2 });
/** Instants 2000–2040 to the microsecond, in a scale of the list. */
const offsetUs = fc.integer({ min: 0, max: 40 * 365 * 86400 * 1e6 });
const timeSystem = fc.constantFrom('UTC', 'TAI', 'TT', 'GPS', 'TDB', 'TCG');
const header = fc.record({
  version: fc.constant('2.0'),
  comments,
  creationDate: offsetUs.map((u) => T0.plusSeconds(Math.floor(u / 1e6))),
  originator: word,
});

const oem: fc.Arbitrary<OemMessage> = fc
  .tuple(
    header,
    timeSystem,
    fc.array(fc.tuple(vec3, vec3, fc.option(vec3, { nil: undefined })), {
      minLength: 1,
      maxLength: 5,
    }),
    offsetUs,
    comments,
  )
  .map(([h, ts, rows, start, dc]) => {
    const t0 = T0.plusSeconds(start / 1e6);
    const states = rows.map(([p, v, a], i) => ({
      epoch: t0.plusSeconds(60 * i + 0.125),
      positionKm: p,
      velocityKmS: v,
      ...(a === undefined ? {} : { accelerationKmS2: a }),
    }));
    return {
      type: 'OEM' as const,
      header: h,
      segments: [
        {
          metadata: {
            comments: [],
            objectName: 'SAT',
            objectId: '2024-001A',
            centerName: 'EARTH',
            refFrame: 'EME2000',
            frame: 'EME2000' as const,
            timeSystem: ts,
            startTime: t0,
            stopTime: t0.plusSeconds(60 * rows.length),
          },
          dataComments: dc,
          states,
          covariances: [
            {
              comments: [],
              epoch: t0,
              covRefFrame: 'RTN',
              lowerTriangle: rows[0]![0]
                .concat(
                  rows[0]![1],
                  rows[0]![0],
                  rows[0]![1],
                  rows[0]![0],
                  rows[0]![1],
                  rows[0]![0],
                )
                .slice(0, 21),
            },
          ],
        },
      ],
    };
  });

const opm: fc.Arbitrary<OpmMessage> = fc
  .tuple(
    header,
    timeSystem,
    vec3,
    vec3,
    offsetUs,
    fc.array(fc.tuple(finite, vec3), { maxLength: 2 }),
    fc.dictionary(fc.stringMatching(/^[A-Z]{1,8}$/), word, { maxKeys: 2 }),
  )
  .map(([h, ts, p, v, t, mans, user]) => ({
    type: 'OPM' as const,
    header: h,
    metadata: {
      comments: [],
      objectName: 'SAT',
      objectId: '2024-001A',
      centerName: 'EARTH',
      refFrame: 'GCRF',
      frame: 'GCRF' as const,
      timeSystem: ts,
    },
    stateVector: { comments: [], epoch: T0.plusSeconds(t / 1e6), positionKm: p, velocityKmS: v },
    maneuvers: mans.map(([d, dv], i) => ({
      comments: [],
      epochIgnition: T0.plusSeconds(t / 1e6 + i),
      durationS: d,
      refFrame: 'RTN',
      dvKmS: dv,
    })),
    ...(Object.keys(user).length > 0 ? { userDefined: { comments: [], parameters: user } } : {}),
  }));

const omm: fc.Arbitrary<OmmMessage> = fc
  .tuple(header, offsetUs, finite, finite, finite, fc.integer({ min: 0, max: 99999 }))
  .map(([h, t, n, e, i, norad]) => ({
    type: 'OMM' as const,
    header: h,
    metadata: {
      comments: [],
      objectName: 'SAT',
      objectId: '2024-001A',
      centerName: 'EARTH',
      refFrame: 'TEME',
      frame: 'TEME' as const,
      timeSystem: 'UTC',
      meanElementTheory: 'SGP4',
    },
    meanElements: {
      comments: [],
      epoch: T0.plusSeconds(t / 1e6),
      meanMotionRevPerDay: n,
      eccentricity: e,
      inclinationDeg: i,
      raOfAscNodeDeg: 1,
      argOfPericenterDeg: 2,
      meanAnomalyDeg: 3,
    },
    tleParameters: { comments: [], noradCatId: norad, bstarPerEarthRadii: e },
  }));

const tdm: fc.Arbitrary<TdmMessage> = fc
  .tuple(
    header,
    timeSystem,
    fc.array(
      fc.tuple(
        fc.constantFrom('RANGE', 'ANGLE_1', 'ANGLE_2', 'DOPPLER_INTEGRATED'),
        finite,
        offsetUs,
      ),
      { maxLength: 6 },
    ),
    fc.constantFrom([2, 1], [1, 2, 1], [1, 2, 3, 2, 1]),
  )
  .map(([h, ts, obs, path]) => ({
    type: 'TDM' as const,
    header: h,
    segments: [
      {
        metadata: {
          comments: [],
          timeSystem: ts,
          participants: { 1: 'CALERN', 2: 'SAT', 3: 'RELAY' },
          mode: 'SEQUENTIAL',
          path,
          angleType: 'RADEC',
          referenceFrame: 'EME2000',
          referenceFrameId: 'EME2000' as const,
        },
        dataComments: [],
        observations: obs.map(([keyword, value, t]) => ({
          keyword,
          value,
          epoch: T0.plusSeconds(t / 1e6),
        })),
      },
    ],
  }));

function survives(message: CcsdsMessage): void {
  for (const encoding of ['KVN', 'XML'] as const) {
    const again = parseCcsds(writeCcsds(message, { encoding }));
    expect(firstDifference(again, message), encoding).toBeUndefined();
  }
}

describe('random messages survive write → read', () => {
  it('random OEMs survive KVN and XML writing', () =>
    fc.assert(fc.property(oem, survives), FC_PARAMS));
  it('random OPMs survive KVN and XML writing', () =>
    fc.assert(fc.property(opm, survives), FC_PARAMS));
  it('random OMMs survive KVN and XML writing', () =>
    fc.assert(fc.property(omm, survives), FC_PARAMS));
  it('random TDMs survive KVN and XML writing', () =>
    fc.assert(fc.property(tdm, survives), FC_PARAMS));
});

describe('the streaming OEM writer', () => {
  it('writes in chunks no larger than asked (plus one line) and the same text as writeOem', () => {
    const [m] = parseCcsdsAll(readReference('oem/OEMExample5.txt')) as OemMessage[];
    const chunks: string[] = [];
    const w = new OemStreamWriter((c) => chunks.push(c), m!.header, { chunkChars: 512 });
    for (const s of m!.segments) {
      w.beginSegment(s.metadata, s.dataComments);
      for (const st of s.states) w.writeState(st);
      w.writeCovariances(s.covariances);
    }
    w.end();
    expect(chunks.length).toBeGreaterThan(5);
    const LONGEST_LINE_CHARS = 200;
    for (const c of chunks) expect(c.length).toBeLessThan(512 + LONGEST_LINE_CHARS);
    expect(chunks.join('')).toBe(writeCcsds(m!));
  });
});
