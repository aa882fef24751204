/**
 * The peers' SGP4 workload (issue "SGP4/SDP4, TLE and OMM input"): 21 element sets — 6
 * near-Earth (00005, 06251, 28057, 29238, 88888 from SGP4-VER.TLE, and the ISS) and 15
 * deep-space — each propagated at 47,620 times evenly spaced over 0–1440 min
 * (1,000,020 propagations in all).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));

export const NEAR_EARTH_IDS = ['00005', '06251', '28057', '29238', '88888'] as const;
export const DEEP_SPACE_IDS = [
  '08195',
  '09880',
  '21897',
  '22674',
  '26975',
  '11801',
  '16925',
  '23599',
  '04632',
  '20413',
  '28129',
  '14128',
  '24208',
  '25954',
  '28626',
] as const;

export const ISS_LINES: readonly [string, string] = [
  '1 25544U 98067A   19156.50900463  .00001764  00000-0  38792-4 0  9991',
  '2 25544  51.6439 211.2001 0007417  17.6667  85.6398 15.51213210173347',
];

export const TIMES_PER_TLE = 47_620;

/** One element set of the workload: its two lines (cut at column 69) and its class. */
export interface WorkloadTle {
  readonly id: string;
  readonly lines: readonly [string, string];
  readonly deep: boolean;
}

/** The 21 element sets, near-Earth first. */
export function workloadTles(): WorkloadTle[] {
  const text = readFileSync(`${ROOT_DIR}test/reference/vallado-sgp4/SGP4-VER.TLE`, 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.startsWith('1 ') || l.startsWith('2 '));
  const find = (id: string): [string, string] => {
    // The first set of each number (20413 appears twice; the first is the 1440-min run).
    const k = lines.findIndex((l) => l.startsWith(`1 ${id}`));
    if (k < 0) throw new Error(`${id} is not in SGP4-VER.TLE`);
    return [lines[k] ?? '', (lines[k + 1] ?? '').slice(0, 69)];
  };
  return [
    ...NEAR_EARTH_IDS.map((id) => ({ id, lines: find(id), deep: false })),
    { id: '25544', lines: ISS_LINES, deep: false },
    ...DEEP_SPACE_IDS.map((id) => ({ id, lines: find(id), deep: true })),
  ];
}

/** 47,620 times evenly spaced over [0, 1440] min. */
export function workloadTimesMin(): Float64Array {
  const t = new Float64Array(TIMES_PER_TLE);
  for (let j = 0; j < TIMES_PER_TLE; j++) t[j] = (1440 * j) / (TIMES_PER_TLE - 1);
  return t;
}
