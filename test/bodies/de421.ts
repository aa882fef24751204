/**
 * The DE421 excerpt and its Sun/Moon table (test/reference/jpl-de421), loaded once for the
 * bodies tests.
 */
import { readFileSync } from 'node:fs';
import { SpkKernel } from '../../src/bodies/spk/spkKernel';

const DIR = new URL('../reference/jpl-de421/', import.meta.url);

/** File name of the SPK excerpt. */
export const DE421_FILE = 'de421_excerpt_2021-2026.bsp';

/** The raw bytes of the DE421 excerpt. */
export const DE421_BYTES: Uint8Array = new Uint8Array(readFileSync(new URL(DE421_FILE, DIR)));

/** The excerpt as a kernel. */
export const DE421 = SpkKernel.fromBytes(DE421_BYTES, { source: DE421_FILE });

/** One row of sun_moon_geocentric_de421.csv. */
export interface De421Row {
  /** The Julian date as jplephem received it (one double). */
  readonly jdTdb: number;
  /** TDB seconds past J2000 as jplephem forms them: (jd − 2451545) · 86400, one rounding. */
  readonly tdbS: number;
  readonly sunKm: readonly [number, number, number];
  readonly sunKmS: readonly [number, number, number];
  readonly moonKm: readonly [number, number, number];
  readonly moonKmS: readonly [number, number, number];
}

function parseRows(text: string): De421Row[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines.shift();
  if (header === undefined || !header.startsWith('jd_tdb,tdb_iso,sun_x_km')) {
    throw new Error(`unexpected CSV header: ${header}`);
  }
  return lines.map((line) => {
    const f = line.split(',');
    const v = f.slice(2).map(Number);
    if (v.length !== 12 || v.some((x) => !Number.isFinite(x))) throw new Error(`bad row ${line}`);
    const jdTdb = Number(f[0]);
    const triple = (i: number) => [v[i]!, v[i + 1]!, v[i + 2]!] as const;
    return {
      jdTdb,
      tdbS: (jdTdb - 2451545) * 86400,
      sunKm: triple(0),
      sunKmS: triple(3),
      moonKm: triple(6),
      moonKmS: triple(9),
    };
  });
}

/** The 150 rows of the table. */
export const DE421_ROWS: readonly De421Row[] = parseRows(
  readFileSync(new URL('sun_moon_geocentric_de421.csv', DIR), 'utf8'),
);

/** Start of the coverage shared by Sun, Earth and Moon: JD 2459580.5 TDB, in TDB s past J2000. */
export const COMMON_START_S = 694267200;
/** End of that coverage: JD 2461044.5 TDB, in TDB s past J2000. */
export const COMMON_END_S = 820756800;
