/**
 * START_TIME and STOP_TIME of a TDM segment bound its data (CCSDS 503.0-B-2 §3.3; both are
 * optional): an observation dated outside them is refused, at its line, as the OEM reader
 * refuses an ephemeris line outside its span. Fixtures: CCSDS 503.0-B-1 Figure D-2, with
 * the bounds edited.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTdm, type TdmMessage, writeTdm } from '../../src/ccsds';
import { CcsdsParseError } from '../../src/errors';
import { Epoch } from '../../src/time';
import { FC_PARAMS } from '../arbitraries';
import { readReference } from './helpers';

const KVN = readReference('tdm/kvn/TDMExample2.txt');
const XML = readReference('tdm/xml/TDMExample2.xml');

/** The error a parse throws, or undefined when it reads. */
function errorOf(text: string): CcsdsParseError | undefined {
  try {
    parseTdm(text);
    return undefined;
  } catch (e) {
    if (e instanceof CcsdsParseError) return e;
    throw e;
  }
}

/** 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  return i + 1;
}

describe('TDM data epochs outside START_TIME…STOP_TIME', () => {
  it('the fixture itself reads: its first observation is at START_TIME, the last before STOP_TIME', () => {
    const tdm = parseTdm(KVN);
    const seg = tdm.segments[0]!;
    expect(seg.observations[0]!.epoch.compare(seg.metadata.startTime!)).toBe(0);
    expect(seg.observations.at(-1)!.epoch.compare(seg.metadata.stopTime!)).toBeLessThan(0);
  });

  it('a KVN observation after STOP_TIME is refused at its line, with its keyword, epoch and the bounds', () => {
    const text = KVN.replace('STOP_TIME = 2005-159T17:41:40', 'STOP_TIME = 2005-159T17:41:03');
    const e = errorOf(text);
    expect(e?.kind).toBe('epoch-out-of-range');
    expect(e?.line).toBe(lineOf(text, '2005-159T17:41:04'));
    expect(e?.keyword).toBe('RECEIVE_FREQ_1');
    expect(e?.reason).toContain('2005-159T17:41:04');
    // The bounds, written back in the segment's time system (ISO calendar form).
    expect(e?.reason).toContain('START_TIME = 2005-06-08T17:41:00');
    expect(e?.reason).toContain('STOP_TIME = 2005-06-08T17:41:03');
  });

  it('a KVN observation before START_TIME is refused at its line', () => {
    const text = KVN.replace('START_TIME = 2005-159T17:41:00', 'START_TIME = 2005-159T17:41:00.5');
    const e = errorOf(text);
    expect(e?.kind).toBe('epoch-out-of-range');
    expect(e?.line).toBe(lineOf(text, 'TRANSMIT_FREQ_2 = 2005-159T17:41:00'));
    expect(e?.keyword).toBe('TRANSMIT_FREQ_2');
  });

  it('either bound alone is checked, and without both anything reads', () => {
    const noStart = KVN.replace(/^\s*START_TIME = .*\n/m, '');
    const noStop = KVN.replace(/^\s*STOP_TIME = .*\n/m, '');
    expect(noStart).not.toBe(KVN);
    expect(noStop).not.toBe(KVN);
    const lateStopOnly = noStart.replace(
      'STOP_TIME = 2005-159T17:41:40',
      'STOP_TIME = 2005-159T17:41:04',
    );
    const e1 = errorOf(lateStopOnly);
    expect(e1?.kind).toBe('epoch-out-of-range');
    expect(e1?.line).toBe(lineOf(lateStopOnly, '2005-159T17:41:05'));
    expect(e1?.reason).not.toContain('START_TIME');
    const earlyStartOnly = noStop.replace(
      'START_TIME = 2005-159T17:41:00',
      'START_TIME = 2005-159T17:41:02',
    );
    const e2 = errorOf(earlyStartOnly);
    expect(e2?.kind).toBe('epoch-out-of-range');
    expect(e2?.line).toBe(lineOf(earlyStartOnly, 'TRANSMIT_FREQ_2'));
    expect(e2?.reason).not.toContain('STOP_TIME');
    const neither = noStart.replace(/^\s*STOP_TIME = .*\n/m, '');
    expect(parseTdm(neither).segments[0]!.observations).toHaveLength(7);
  });

  it('the bounds are inclusive: STOP_TIME on the last observation reads', () => {
    const text = KVN.replace('STOP_TIME = 2005-159T17:41:40', 'STOP_TIME = 2005-159T17:41:05');
    expect(parseTdm(text).segments[0]!.observations).toHaveLength(7);
  });

  it('an XML observation after STOP_TIME is refused at the line of its EPOCH', () => {
    const text = XML.replace(
      '<STOP_TIME>2005-06-08T17:41:40.000</STOP_TIME>',
      '<STOP_TIME>2005-06-08T17:41:03.000</STOP_TIME>',
    );
    expect(text).not.toBe(XML);
    const e = errorOf(text);
    expect(e?.kind).toBe('epoch-out-of-range');
    expect(e?.line).toBe(lineOf(text, '<EPOCH>2005-06-08T17:41:04'));
    expect(e?.keyword).toBe('RECEIVE_FREQ_1');
  });
});

// ---- property: refused exactly when an epoch is out of bounds ------------------------------

const T0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
/** Whole seconds, so that bounds and epochs written and read back compare exactly. */
const second = fc.integer({ min: 0, max: 20 });

function tdmWith(
  startS: number | undefined,
  stopS: number | undefined,
  obsS: readonly number[],
): TdmMessage {
  return {
    type: 'TDM',
    header: { version: '2.0', comments: [], creationDate: T0, originator: 'OSMOSE' },
    segments: [
      {
        metadata: {
          comments: [],
          timeSystem: 'UTC',
          ...(startS === undefined ? {} : { startTime: T0.plusSeconds(startS) }),
          ...(stopS === undefined ? {} : { stopTime: T0.plusSeconds(stopS) }),
          participants: { 1: 'CALERN', 2: 'SAT' },
          mode: 'SEQUENTIAL',
          path: [2, 1],
        },
        dataComments: [],
        observations: obsS.map((s, i) => ({
          keyword: 'RANGE',
          epoch: T0.plusSeconds(s),
          value: i,
        })),
      },
    ],
  };
}

describe('TDM bounds, property', () => {
  it('a written TDM reads back exactly when every epoch lies within its bounds, else fails at the first one outside', () => {
    fc.assert(
      fc.property(
        fc.option(second, { nil: undefined }),
        fc.option(second, { nil: undefined }),
        fc.array(second, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('KVN', 'XML'),
        (startS, stopS, obsS, encoding) => {
          const text = writeTdm(tdmWith(startS, stopS, obsS), { encoding });
          const outside = obsS.findIndex(
            (s) => (startS !== undefined && s < startS) || (stopS !== undefined && s > stopS),
          );
          const e = errorOf(text);
          if (outside < 0) {
            expect(e).toBeUndefined();
          } else {
            expect(e?.kind).toBe('epoch-out-of-range');
            expect(e?.keyword).toBe('RANGE');
            // The observation at fault is the first outside: its value is its index.
            const line = text.split('\n')[e!.line - 1]!;
            const valueLine = encoding === 'KVN' ? line : text.split('\n')[e!.line]!;
            expect(valueLine).toMatch(new RegExp(`[ >]${outside}(</RANGE>)?\\s*$`));
          }
        },
      ),
      FC_PARAMS,
    );
  });
});
