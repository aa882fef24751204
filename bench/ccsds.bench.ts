/**
 * CCSDS benchmarks: parse and write a generated 100,000-state OEM (9.8 MB) against a
 * baseline that only splits lines and calls parseFloat on every number, and the streaming
 * writer's heap as the file grows. The figures are per MB of KVN text.
 */

import type { OemMessage } from '../src/ccsds';
import { OemStreamWriter, parseOem, writeOem } from '../src/ccsds';
import { Epoch } from '../src/time';
import type { BenchGroup } from './harness';

const STATES = 100_000;
const STEP_S = 60;

function generateOem(): string {
  const t0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
  const lines = [
    'CCSDS_OEM_VERS = 2.0',
    'CREATION_DATE = 2024-03-01T00:00:00',
    'ORIGINATOR = OSMOSE BENCH',
    'META_START',
    'OBJECT_NAME = GEO SAT',
    'OBJECT_ID = 2024-001A',
    'CENTER_NAME = EARTH',
    'REF_FRAME = EME2000',
    'TIME_SYSTEM = UTC',
    `START_TIME = ${t0.toIso('UTC', { fractionDigits: 3 })}`,
    `STOP_TIME = ${t0.plusSeconds((STATES - 1) * STEP_S).toIso('UTC', { fractionDigits: 3 })}`,
    'META_STOP',
  ];
  const n = (2 * Math.PI) / 86164;
  for (let i = 0; i < STATES; i++) {
    const t = i * STEP_S;
    const c = Math.cos(n * t);
    const s = Math.sin(n * t);
    lines.push(
      `${t0.plusSeconds(t).toIso('UTC', { fractionDigits: 3 })} ${(42164.137 * c).toFixed(6)} ${(42164.137 * s).toFixed(6)} ${(12.5 * s).toFixed(6)} ${(-3.07466 * s).toFixed(9)} ${(3.07466 * c).toFixed(9)} ${(0.0009 * c).toFixed(9)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The baseline: split lines and parseFloat every number (the epoch left as text). */
function baseline(text: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 7 || parts[0]!.length < 19) continue;
    for (let k = 1; k < 7; k++) sum += Number.parseFloat(parts[k]!);
  }
  return sum;
}

export async function ccsdsBenchGroups(): Promise<BenchGroup[]> {
  const text = generateOem();
  const megabytes = text.length / 1e6;
  let parsed: OemMessage = parseOem(text);
  let sink: unknown;
  const heap: string[] = [];
  return [
    {
      title: `CCSDS OEM, ${STATES} states (${megabytes.toFixed(1)} MB KVN); items are MB`,
      itemsPerOp: megabytes,
      cases: [
        {
          name: 'baseline: split lines + parseFloat (no epochs)',
          fn: () => (sink = baseline(text)),
        },
        { name: 'osmose parseOem (epochs to Epoch, exact)', fn: () => (parsed = parseOem(text)) },
        { name: 'osmose writeOem (KVN)', fn: () => (sink = writeOem(parsed)) },
        {
          name: 'osmose OemStreamWriter to a counting sink',
          fn: () => {
            let chars = 0;
            const w = new OemStreamWriter((c) => (chars += c.length), parsed.header);
            const seg = parsed.segments[0]!;
            w.beginSegment(seg.metadata);
            for (const s of seg.states) w.writeState(s);
            w.end();
            sink = chars;
          },
        },
      ],
      notes: () => {
        // Streaming heap: write 4× the states (repeating the epochs' day range is not
        // needed: the writer keeps no state) and sample the heap every 100,000 lines.
        const seg = parsed.segments[0]!;
        const last = seg.states[seg.states.length - 1]!;
        const meta = { ...seg.metadata, stopTime: last.epoch };
        let chars = 0;
        const w = new OemStreamWriter((c) => (chars += c.length), parsed.header);
        w.beginSegment(meta);
        const gc = (globalThis as { gc?: () => void }).gc;
        for (let round = 0; round < 4; round++) {
          for (const s of seg.states) w.writeState(s);
          gc?.();
          heap.push(
            `${((round + 1) * STATES).toLocaleString('en')} lines: heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB, written ${(chars / 1e6).toFixed(1)} MB`,
          );
        }
        w.end();
        void sink;
        return [
          'streaming writer heap as the output grows (the parsed message itself stays in memory):',
          ...heap,
          gc === undefined
            ? '(run with node --expose-gc for heap figures after collection)'
            : '(after gc)',
        ];
      },
    },
  ];
}
