import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { equationOfEquinoxes1994Rad } from '../../src/frames/iau1980/equationOfEquinoxes1994';
import { gmst1982Rad } from '../../src/frames/iau1980/gmst1982';
import { meanObliquity1980Rad } from '../../src/frames/iau1980/meanObliquity1980';
import { nutation1980Rad } from '../../src/frames/iau1980/nutation1980';
import { precessionMatrix1976 } from '../../src/frames/iau1980/precession1976';
import { celestialToTerrestrialMatrix2006A } from '../../src/frames/iau2006/celestialToTerrestrial2006A';
import {
  cioLocatorRad,
  cipXYRad,
  cipXYsFromPrecessionNutationRad,
} from '../../src/frames/iau2006/cipXys';
import { earthRotationAngleRad } from '../../src/frames/iau2006/earthRotationAngle';
import { equationOfEquinoxes2006ARad, gast2006ARad } from '../../src/frames/iau2006/gast2006A';
import { gmst2006Rad } from '../../src/frames/iau2006/gmst2006';
import { nutation2000ARad } from '../../src/frames/iau2006/nutation2000A';
import { polarMotionMatrix } from '../../src/frames/iau2006/polarMotion';
import { precessionNutationMatrix2006A } from '../../src/frames/iau2006/precessionNutation2006A';
import { tioLocatorRad } from '../../src/frames/iau2006/tioLocator';

interface Expected {
  readonly expected: number;
  readonly tol: number;
}
interface MatrixEntry extends Expected {
  readonly row: number;
  readonly col: number;
}
interface SofaCase {
  readonly function: string;
  readonly inputs: Record<string, number | [number, number]>;
  readonly outputs: Record<string, Expected | MatrixEntry[]>;
}

const VECTORS = JSON.parse(
  readFileSync(
    new URL('../reference/sofa-erfa/sofa_erfa_test_vectors.json', import.meta.url),
    'utf8',
  ),
) as { cases: SofaCase[] };

/** The time-scale vectors, tested by the time module. */
const TIME_FUNCTIONS = new Set(['dat', 'utctai', 'taitt', 'utcut1', 'dtdb']);

type Outputs = Record<string, number | readonly number[]>;
const jd = (v: number | [number, number] | undefined): [number, number] => v as [number, number];
const num = (v: number | [number, number] | undefined): number => v as number;

/** Each SOFA function of the vectors, evaluated with the osmose kernel that replaces it. */
const KERNELS: Record<string, (i: SofaCase['inputs']) => Outputs> = {
  c2t06a: (i) => ({
    matrix: celestialToTerrestrialMatrix2006A(
      ...jd(i.tt_jd),
      ...jd(i.ut1_jd),
      num(i.xp_rad),
      num(i.yp_rad),
    ),
  }),
  gmst82: (i) => ({ gmst_rad: gmst1982Rad(...jd(i.ut1_jd)) }),
  gmst06: (i) => ({ gmst_rad: gmst2006Rad(...jd(i.ut1_jd), ...jd(i.tt_jd)) }),
  gst06a: (i) => ({ gast_rad: gast2006ARad(...jd(i.ut1_jd), ...jd(i.tt_jd)) }),
  era00: (i) => ({ era_rad: earthRotationAngleRad(...jd(i.ut1_jd)) }),
  ee06a: (i) => ({ ee_rad: equationOfEquinoxes2006ARad(...jd(i.tt_jd)) }),
  eqeq94: (i) => ({ eqeq_rad: equationOfEquinoxes1994Rad(...jd(i.tt_jd)) }),
  obl80: (i) => ({ eps0_rad: meanObliquity1980Rad(...jd(i.tt_jd)) }),
  nut80: (i) => {
    const n = nutation1980Rad(...jd(i.tt_jd));
    return { dpsi_rad: n.dPsiRad, deps_rad: n.dEpsRad };
  },
  nut06a: (i) => {
    const n = nutation2000ARad(...jd(i.tt_jd));
    return { dpsi_rad: n.dPsiRad, deps_rad: n.dEpsRad };
  },
  pmat76: (i) => ({ matrix: precessionMatrix1976(...jd(i.tt_jd)) }),
  pnm06a: (i) => ({ matrix: precessionNutationMatrix2006A(...jd(i.tt_jd)) }),
  xy06: (i) => {
    const r = cipXYRad(...jd(i.tt_jd));
    return { x: r.xRad, y: r.yRad };
  },
  s06: (i) => ({ s: cioLocatorRad(...jd(i.tt_jd), num(i.x), num(i.y)) }),
  xys06a: (i) => {
    const r = cipXYsFromPrecessionNutationRad(...jd(i.tt_jd));
    return { x: r.xRad, y: r.yRad, s: r.sRad };
  },
  sp00: (i) => ({ sp: tioLocatorRad(...jd(i.tt_jd)) }),
  pom00: (i) => ({
    matrix: polarMotionMatrix(num(i.xp_rad), num(i.yp_rad), num(i.sp_rad)),
  }),
};

describe('Earth-orientation kernels against the IAU SOFA / ERFA test vectors', () => {
  it('covers every frame function of the vector file (17 of 22; the other 5 are time scales)', () => {
    const frameFunctions = VECTORS.cases
      .map((c) => c.function)
      .filter((f) => !TIME_FUNCTIONS.has(f));
    expect(frameFunctions.sort()).toEqual(Object.keys(KERNELS).sort());
    expect(VECTORS.cases).toHaveLength(22);
  });

  for (const c of VECTORS.cases.filter((v) => !TIME_FUNCTIONS.has(v.function))) {
    it(`reproduces SOFA's ${c.function} test within each value's own tolerance`, () => {
      const actual = KERNELS[c.function]!(c.inputs);
      for (const [key, spec] of Object.entries(c.outputs)) {
        const entries: readonly (Expected | MatrixEntry)[] = Array.isArray(spec) ? spec : [spec];
        for (const e of entries) {
          const value =
            'row' in e
              ? (actual[key] as readonly number[])[3 * (e.row - 1) + e.col - 1]!
              : (actual[key] as number);
          const diff = Math.abs(value - e.expected);
          const where = 'row' in e ? `${key}[${e.row}][${e.col}]` : key;
          expect(diff, `${c.function} ${where}: ${value} vs ${e.expected}`).toBeLessThanOrEqual(
            e.tol,
          );
        }
      }
    });
  }
});

/** The examples give GMST to 1e-9° (their `tolerance`). */
const GMST_EXAMPLE_TOL_DEG = 1e-9;
const DEG_PER_RAD = 180 / Math.PI;

describe('gmst1982Rad on the worked examples of test/reference/time-examples', () => {
  // Copied from expected_time_examples.json: ids vallado-3-5-gmst and gmst-j2000.
  it('gives 152.57878781° at JD(UT1) 2448855.009722222 (Vallado Example 3-5, 1992-08-20 12:14 UT1)', () => {
    const gmstDeg = gmst1982Rad(2448855.009722222, 0) * DEG_PER_RAD;
    expect(Math.abs(gmstDeg - 152.57878781)).toBeLessThanOrEqual(GMST_EXAMPLE_TOL_DEG);
    // LST at 104° W, as the example continues.
    expect(Math.abs(gmstDeg - 104 - 48.57878781)).toBeLessThanOrEqual(GMST_EXAMPLE_TOL_DEG);
  });

  it('gives 280.460618375° at JD(UT1) 2451545.0 (valladopy, J2000.0)', () => {
    const gmstDeg = gmst1982Rad(2451545.0, 0) * DEG_PER_RAD;
    expect(Math.abs(gmstDeg - 280.460618375)).toBeLessThanOrEqual(GMST_EXAMPLE_TOL_DEG);
  });

  it('reads the example file the values were copied from', () => {
    const examples = JSON.parse(
      readFileSync(
        new URL('../reference/time-examples/expected_time_examples.json', import.meta.url),
        'utf8',
      ),
    ) as { examples: { id: string; input: { JD_UT1: number }; expected: { GMST_deg: number } }[] };
    for (const id of ['vallado-3-5-gmst', 'gmst-j2000']) {
      const ex = examples.examples.find((e) => e.id === id)!;
      const gmstDeg = gmst1982Rad(ex.input.JD_UT1, 0) * DEG_PER_RAD;
      expect(Math.abs(gmstDeg - ex.expected.GMST_deg)).toBeLessThanOrEqual(GMST_EXAMPLE_TOL_DEG);
    }
  });
});
