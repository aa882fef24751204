import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataFormatError, InvalidArgumentError } from '../../../src/errors';
import {
  EGM2008_J2_TO_J6,
  egm2008Degree20,
  GravityField,
  legendreNormalization,
  parseEgmAscii,
  parseIcgem,
} from '../../../src/propagation/forces';
import { SphericalHarmonicKernel } from '../../../src/propagation/forces/gravity/sphericalHarmonicKernel';
import { FC_PARAMS } from '../../arbitraries';

const DIR = new URL('../../reference/gravity/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DIR), 'utf8');
const JGM3 = parseIcgem(read('JGM3.gfc'), { source: 'JGM3.gfc' });
const EGM2008 = parseIcgem(read('EGM2008_120.gfc'), { source: 'EGM2008_120.gfc' });
const EGM96 = parseEgmAscii(read('EGM96-truncated-21x21.ascii'), { name: 'EGM96' });

/** brahe's and the fixture README's tolerance on the JGM-3 table, m/s² (per component). */
const JGM3_ACCEL_TOL_M_S2 = 1e-7;
/** Round trip normalised → unnormalised → normalised: the fixture README's ~1e-15 relative. */
const NORMALIZATION_ROUND_TRIP_REL = 4e-16;

describe('parseIcgem and parseEgmAscii read the reference files exactly', () => {
  it('JGM-3: degree 70, GM and R from the header, C̄2,0, C̄70,70 and S̄70,70', () => {
    expect(JGM3.name).toBe('JGM3');
    expect(JGM3.maxDegree).toBe(70);
    expect(JGM3.maxOrder).toBe(70);
    expect(JGM3.gmKm3S2).toBe(0.3986004415e15 * 1e-9);
    expect(JGM3.referenceRadiusKm).toBe(0.63781363e7 * 1e-3);
    expect(JGM3.tideSystem).toBeUndefined();
    expect(JGM3.cNormalized(2, 0)).toBe(-0.484169548456e-3);
    expect(-Math.sqrt(5) * JGM3.cNormalized(2, 0)).toBeCloseTo(1.082636022983e-3, 15);
    expect(JGM3.cNormalized(70, 70)).toBe(-0.6430693337e-9);
    expect(JGM3.sNormalized(70, 70)).toBe(-0.186195961771e-9);
  });

  it('EGM2008: degree 120, d exponents, tide-free, C̄2,1, S̄2,1, C̄120,120, degree 1 zero', () => {
    expect(EGM2008.maxDegree).toBe(120);
    expect(EGM2008.tideSystem).toBe('tide_free');
    expect(EGM2008.cNormalized(0, 0)).toBe(1);
    expect(EGM2008.cNormalized(2, 0)).toBe(-0.484165143790815e-3);
    expect(-Math.sqrt(5) * EGM2008.cNormalized(2, 0)).toBeCloseTo(1.0826261738522e-3, 16);
    expect(EGM2008.cNormalized(2, 1)).toBe(-0.206615509074176e-9);
    expect(EGM2008.sNormalized(2, 1)).toBe(0.138441389137979e-8);
    expect(EGM2008.cNormalized(120, 120)).toBe(-0.650974846637476e-9);
    expect(EGM2008.cNormalized(1, 0)).toBe(0);
    expect(EGM2008.cNormalized(1, 1)).toBe(0);
    expect(EGM2008.sNormalized(1, 1)).toBe(0);
  });

  it('EGM96 (NGA ASCII, truncated by Orekit): degree 21 and C̄2,0', () => {
    expect(EGM96.maxDegree).toBe(21);
    expect(EGM96.cNormalized(2, 0)).toBe(-0.484165371736e-3);
    expect(-Math.sqrt(5) * EGM96.cNormalized(2, 0)).toBeCloseTo(1.0826266835532e-3, 16);
    expect(EGM96.gmKm3S2).toBe(398600.4415);
  });

  it('the row counts are those of the README (2556, 7379 and 21×21 rows)', () => {
    const count = (text: string, re: RegExp) => text.split('\n').filter((l) => re.test(l)).length;
    expect(count(read('JGM3.gfc'), /^gfc\s/)).toBe(2556);
    expect(count(read('EGM2008_120.gfc'), /^gfc\s/)).toBe(7379);
    // 0 0, then n = 2…21 complete: 1 + (22·23/2 − 3) rows.
    expect(count(read('EGM96-truncated-21x21.ascii'), /\S/)).toBe(1 + (22 * 23) / 2 - 3);
  });

  it('the bundled EGM2008 20×20 is the reference file truncated to 20, coefficient for coefficient', () => {
    const bundled = egm2008Degree20();
    expect(bundled.gmKm3S2).toBe(EGM2008.gmKm3S2);
    expect(bundled.referenceRadiusKm).toBe(EGM2008.referenceRadiusKm);
    for (let n = 0; n <= 20; n++) {
      for (let m = 0; m <= n; m++) {
        expect(bundled.cNormalized(n, m)).toBe(EGM2008.cNormalized(n, m));
        expect(bundled.sNormalized(n, m)).toBe(EGM2008.sNormalized(n, m));
      }
    }
    expect(bundled.cNormalized(21, 0)).toBe(0);
  });

  it('EGM2008_J2_TO_J6 are −√(2n+1) C̄n,0 of the reference file to their 14 digits', () => {
    EGM2008_J2_TO_J6.forEach((j, i) => {
      const n = i + 2;
      const fromFile = -Math.sqrt(2 * n + 1) * EGM2008.cNormalized(n, 0);
      // the constants are written with 14 significant digits
      expect(Math.abs(j / fromFile - 1)).toBeLessThan(1e-13);
    });
  });
});

describe('the field is evaluated to the JGM-3 reference table', () => {
  const rows = read('expected_accel_jgm3.csv')
    .split('\n')
    .filter((l) => /^\d/.test(l))
    .map((l) => l.split(',').map(Number));
  it.each(rows.flatMap((r) => (['auto', 'js'] as const).map((e) => [r[0]!, e, r] as const)))(
    'n = m = %i (%s column sums): acceleration within 1e-7 m/s² per component',
    (n, engine, row) => {
      const kernel = new SphericalHarmonicKernel(JGM3, n, n, false, engine);
      const out = new Float64Array(3);
      kernel.accelerationInto(out, 6525.919, 1710.416, 2508.886);
      for (let i = 0; i < 3; i++) {
        expect(Math.abs(out[i]! * 1e3 - row[2 + i]!)).toBeLessThanOrEqual(JGM3_ACCEL_TOL_M_S2);
      }
    },
  );
});

describe('truncation and normalisation', () => {
  it('EGM2008 limited to 70 at parse time, by truncate() and in full give the same first 70 degrees', () => {
    const parsed70 = parseIcgem(read('EGM2008_120.gfc'), { maxDegree: 70 });
    const truncated = EGM2008.truncate(70);
    expect(parsed70.maxDegree).toBe(70);
    for (let n = 0; n <= 70; n++) {
      for (let m = 0; m <= n; m++) {
        expect(parsed70.cNormalized(n, m)).toBe(EGM2008.cNormalized(n, m));
        expect(truncated.sNormalized(n, m)).toBe(EGM2008.sNormalized(n, m));
      }
    }
    // and the accelerations agree bit for bit
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    new SphericalHarmonicKernel(parsed70, 70, 70, false).accelerationInto(a, 7000, -1200, 300);
    new SphericalHarmonicKernel(EGM2008, 70, 70, false).accelerationInto(b, 7000, -1200, 300);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('a field limited in order has zero coefficients above it', () => {
    const f = EGM2008.truncate(10, 4);
    expect(f.cNormalized(10, 5)).toBe(0);
    expect(f.cNormalized(10, 4)).toBe(EGM2008.cNormalized(10, 4));
  });

  it('Nnm matches the factorial formula where factorials are exact', () => {
    const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
    for (let n = 0; n <= 15; n++) {
      for (let m = 0; m <= n; m++) {
        const exact = Math.sqrt(((m === 0 ? 1 : 2) * (2 * n + 1) * fact(n - m)) / fact(n + m));
        expect(Math.abs(legendreNormalization(n, m) / exact - 1)).toBeLessThan(4e-16);
      }
    }
  });

  it('normalised → unnormalised → normalised is exact to ~1e-15 (EGM2008, n ≤ 120, m ≤ 60)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 60 }), (n, m0) => {
        const m = Math.min(n, m0);
        const c = EGM2008.cNormalized(n, m);
        const back = EGM2008.unnormalizedC(n, m) / legendreNormalization(n, m);
        expect(Math.abs(back - c)).toBeLessThanOrEqual(NORMALIZATION_ROUND_TRIP_REL * Math.abs(c));
      }),
      FC_PARAMS,
    );
  });

  it('an unnormalised ICGEM file is converted to the normalised coefficients', () => {
    const header = 'earth_gravity_constant 3.986004415e14\nradius 6378136.3\nmax_degree 2\n';
    const text = `${header}norm unnormalized\nend_of_head\ngfc 2 0 -1.0826261738522e-3 0\n`;
    const f = parseIcgem(text);
    // J2 written with 14 significant digits: the normalised value agrees to that precision
    expect(Math.abs(f.cNormalized(2, 0) / -0.484165143790815e-3 - 1)).toBeLessThan(1e-13);
  });
});

describe('malformed files are rejected with the line', () => {
  const header =
    'earth_gravity_constant 3.986004415e14\nradius 6378136.3\nmax_degree 2\nend_of_head\n';
  it.each([
    ['a missing keyword', 'radius 6378136.3\nmax_degree 2\nend_of_head\n', 0],
    ['a repeated coefficient', `${header}gfc 2 0 1e-3 0\ngfc 2 0 1e-3 0\n`, 6],
    ['an order above the degree', `${header}gfc 2 3 1e-3 0\n`, 5],
    ['a degree above max_degree', `${header}gfc 3 0 1e-3 0\n`, 5],
    ['a bad number', `${header}gfc 2 0 1x-3 0\n`, 5],
    ['a time-variable row', `${header}gfct 2 0 1e-3 0 0 0 20000101\n`, 5],
  ])('%s', (_what, text, line) => {
    try {
      parseIcgem(text);
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(DataFormatError);
      expect((e as DataFormatError).line).toBe(line);
    }
  });

  it('an EGM row with an order above its degree', () => {
    expect(() => parseEgmAscii(' 0 0 1 0\n 2 3 1e-3 0\n')).toThrow(/line 2/);
  });

  it('a truncation above the file degree is an argument error', () => {
    expect(() => parseIcgem(read('JGM3.gfc'), { maxDegree: 71 })).toThrow(InvalidArgumentError);
    expect(() => GravityField.create({ ...baseInit(), maxDegree: -1 })).toThrow(
      InvalidArgumentError,
    );
  });
});

function baseInit() {
  return {
    name: 'x',
    gmKm3S2: 1,
    referenceRadiusKm: 1,
    maxDegree: 0,
    cNormalized: [1],
    sNormalized: [0],
  };
}
