/**
 * Reads Vallado's verification set (test/reference/vallado-sgp4): the element sets of
 * SGP4-VER.TLE with their start/stop/step columns, the times the reference driver
 * propagates to, and the blocks of tcppver.out.
 */
import { readFileSync } from 'node:fs';

const DIR = new URL('../../reference/vallado-sgp4/', import.meta.url);

/** One element set of SGP4-VER.TLE and its run. */
export interface VerificationCase {
  readonly line1: string;
  /** Line 2 cut at column 69. */
  readonly line2: string;
  readonly startMin: number;
  readonly stopMin: number;
  readonly stepMin: number;
}

/** One block of tcppver.out: satellite number and its rows of numbers and date text. */
export interface ReferenceBlock {
  readonly satnum: number;
  readonly rows: readonly { readonly values: readonly number[]; readonly text: string }[];
}

export function readCases(): VerificationCase[] {
  const lines = readFileSync(new URL('SGP4-VER.TLE', DIR), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.startsWith('1 ') || l.startsWith('2 '));
  const out: VerificationCase[] = [];
  for (let k = 0; k < lines.length; k += 2) {
    const l2 = lines[k + 1] ?? '';
    const [startMin = 0, stopMin = 0, stepMin = 0] = l2.slice(69).trim().split(/\s+/).map(Number);
    out.push({ line1: lines[k] ?? '', line2: l2.slice(0, 69), startMin, stopMin, stepMin });
  }
  return out;
}

export function readReference(): ReferenceBlock[] {
  const blocks: { satnum: number; rows: { values: number[]; text: string }[] }[] = [];
  for (const line of readFileSync(new URL('tcppver.out', DIR), 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    if (line.endsWith('xx')) blocks.push({ satnum: Number(line.split(' ')[0]), rows: [] });
    else blocks.at(-1)?.rows.push({ values: line.trim().split(/\s+/).map(Number), text: line });
  }
  return blocks;
}

/**
 * The times of the reference driver (testcpp.cpp in the AIAA 2006-6753 files): t = 0 first,
 * then from start by step, the last step clipped to stop, each time accumulated in floating
 * point as the driver does (its loop decides whether a last line at stop is printed).
 */
export function driverTimes(c: VerificationCase): number[] {
  const times = [0];
  let t = c.startMin;
  if (Math.abs(t) > 1e-8) t -= c.stepMin;
  while (t < c.stopMin) {
    t += c.stepMin;
    if (t > c.stopMin) t = c.stopMin;
    times.push(t);
  }
  return times;
}

/** The expected error cases (expected_errors.json). */
export function readExpectedErrors(): {
  cases: {
    satnum: number;
    error_tsince: number;
    error_code: number;
    last_good_tsince: number | null;
  }[];
  tle_checksum_failures: {
    lines: { satnum: number; line: number; expected: number; found: number }[];
  };
} {
  return JSON.parse(readFileSync(new URL('expected_errors.json', DIR), 'utf8'));
}
