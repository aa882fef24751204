import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import {
  Covariance,
  DEFAULT_COVARIANCE_SYMMETRY_TOL,
  DEFAULT_PSD_TOL,
  defaultCovarianceLabels,
  isCovarianceFrame,
} from '../../src/state/covariance';
import { Epoch } from '../../src/time/epoch';
import { psdStateMatrix, STATE_FC_PARAMS, stateCovariance } from './arbitraries';

const T0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');

/** A 6×6 state covariance: σ = 0.1, 0.2, 0.1 km and 1e-4 km/s, x–vy correlated by 0.5. */
function stateRows(): number[][] {
  return [
    [1e-2, 0, 0, 0, 5e-6, 0],
    [0, 4e-2, 0, 0, 0, 0],
    [0, 0, 1e-2, 0, 0, 0],
    [0, 0, 0, 1e-8, 0, 0],
    [5e-6, 0, 0, 0, 1e-8, 0],
    [0, 0, 0, 0, 0, 1e-8],
  ];
}

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidArgumentError);
    return (e as Error).message;
  }
  return expect.fail('expected an InvalidArgumentError');
}

/** The 2×2 covariance [[a, c], [c, b]] with labels p, q (km). */
function twoByTwo(a: number, b: number, c: number, options = {}): Covariance {
  return Covariance.create(
    {
      epoch: T0,
      frame: 'GCRF',
      matrix: [
        [a, c],
        [c, b],
      ],
      labels: ['p', 'q'],
      units: ['km', 'km'],
    },
    options,
  );
}

describe('Covariance.create', () => {
  it('keeps the epoch and frame and gives a 6×6 matrix its default labels and units', () => {
    const c = Covariance.create({ epoch: T0, frame: 'TEME', matrix: stateRows() });
    expect(c.dim).toBe(6);
    expect(c.frame).toBe('TEME');
    expect(c.epoch.equals(T0)).toBe(true);
    expect(c.labels).toEqual(['x', 'y', 'z', 'vx', 'vy', 'vz']);
    expect(c.units).toEqual(['km', 'km', 'km', 'km/s', 'km/s', 'km/s']);
    expect(c.toArray()).toEqual(stateRows());
  });

  it('labels the rows of local orbital frames after their axes', () => {
    const rtn = Covariance.create({ epoch: T0, frame: 'RTN', matrix: stateRows() });
    expect(rtn.labels).toEqual(['r', 't', 'n', 'vr', 'vt', 'vn']);
    const tnw = Covariance.create({ epoch: T0, frame: 'TNW', matrix: stateRows() });
    expect(tnw.labels).toEqual(['t', 'n', 'w', 'vt', 'vn', 'vw']);
    expect(defaultCovarianceLabels('ITRF', 3)).toEqual(['x', 'y', 'z']);
  });

  it('requires labels and units for sizes other than 3 and 6, and takes them when given', () => {
    const m = [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, 0, 0.25],
    ];
    expect(messageOf(() => Covariance.create({ epoch: T0, frame: 'GCRF', matrix: m }))).toContain(
      'labels',
    );
    expect(
      messageOf(() =>
        Covariance.create({ epoch: T0, frame: 'GCRF', matrix: m, labels: ['x', 'y', 'z', 'cd'] }),
      ),
    ).toContain('units');
    const c = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: m,
      labels: ['x', 'y', 'z', 'cd'],
      units: ['km', 'km', 'km', ''],
    });
    expect(c.sigmas()).toEqual([1, 1, 1, 0.5]);
    expect(c.units[3]).toBe('');
  });

  it('rejects labels that are repeated, empty or of the wrong count', () => {
    const m = [
      [1, 0],
      [0, 1],
    ];
    const base = { epoch: T0, frame: 'GCRF' as const, matrix: m, units: ['km', 'km'] };
    expect(messageOf(() => Covariance.create({ ...base, labels: ['a', 'a'] }))).toContain(
      'labels[1] = "a": appears twice',
    );
    expect(messageOf(() => Covariance.create({ ...base, labels: ['a', ''] }))).toContain(
      'labels[1]',
    );
    expect(messageOf(() => Covariance.create({ ...base, labels: ['a'] }))).toContain('labels');
  });

  it('accepts a DenseMatrix as well as rows', () => {
    const rows = stateRows();
    const data = Float64Array.from(rows.flat());
    const c = Covariance.create({ epoch: T0, frame: 'GCRF', matrix: { rows: 6, cols: 6, data } });
    expect(c.toArray()).toEqual(rows);
  });

  it('rejects a matrix that is not square, naming the row', () => {
    expect(
      messageOf(() =>
        Covariance.create({
          epoch: T0,
          frame: 'GCRF',
          matrix: [
            [1, 0, 0],
            [0, 1],
            [0, 0, 1],
          ],
        }),
      ),
    ).toContain('matrix[1] = "a row of length 2"');
    expect(
      messageOf(() =>
        Covariance.create({
          epoch: T0,
          frame: 'GCRF',
          matrix: { rows: 2, cols: 3, data: new Float64Array(6) },
          labels: ['a', 'b'],
          units: ['km', 'km'],
        }),
      ),
    ).toContain('matrix = "2×3"');
  });

  it('names a non-finite element with its indices and unit', () => {
    const m = stateRows();
    m[2]![3] = Number.NaN;
    expect(messageOf(() => Covariance.create({ epoch: T0, frame: 'GCRF', matrix: m }))).toContain(
      'matrix[2][3] = NaN km·km/s: must be finite',
    );
  });

  it('names a negative variance with its unit', () => {
    const m = stateRows();
    m[3]![3] = -1e-8;
    expect(messageOf(() => Covariance.create({ epoch: T0, frame: 'GCRF', matrix: m }))).toContain(
      'matrix[3][3] = -1e-8 (km/s)²: the variance of vx must be ≥ 0',
    );
  });

  it('rejects an asymmetric matrix and symmetrises one that is symmetric within the tolerance', () => {
    const bad = stateRows();
    bad[0]![4] = 6e-6;
    expect(messageOf(() => Covariance.create({ epoch: T0, frame: 'GCRF', matrix: bad }))).toContain(
      'matrix[0][4] = 0.000006 km·km/s: differs from matrix[4][0] = 0.000005',
    );

    // Off by 1e-12 in correlation units (√(1e-2·1e-8) = 1e-5, so 1e-17 km²/s), below 1e-10.
    const near = stateRows();
    near[0]![4] = 5e-6 + 1e-17;
    const c = Covariance.create({ epoch: T0, frame: 'GCRF', matrix: near });
    expect(c.get(0, 4)).toBe(c.get(4, 0));
    expect(c.get(0, 4)).toBe(0.5 * (near[0]![4]! + near[4]![0]!));
    expect(DEFAULT_COVARIANCE_SYMMETRY_TOL).toBe(1e-10);
  });

  it('applies the symmetry tolerance in correlation units, whatever the units of the rows', () => {
    // The same relative asymmetry 1e-11 passes with rows scaled by 1e3 and 1e-6.
    for (const [sp, sq] of [
      [1, 1],
      [1e3, 1e-6],
    ] as const) {
      const m = [
        [sp * sp, 0.5 * sp * sq],
        [0.5 * sp * sq * (1 + 2e-11), sq * sq],
      ];
      const c = Covariance.create({
        epoch: T0,
        frame: 'GCRF',
        matrix: m,
        labels: ['p', 'q'],
        units: ['km', 'km/s'],
      });
      expect(c.get(0, 1)).toBe(c.get(1, 0));
      const m2 = [m[0]!, [0.5 * sp * sq * (1 + 4e-10), sq * sq]];
      expect(() =>
        Covariance.create({
          epoch: T0,
          frame: 'GCRF',
          matrix: m2,
          labels: ['p', 'q'],
          units: ['km', 'km/s'],
        }),
      ).toThrow(InvalidArgumentError);
    }
  });

  it('rejects a matrix that is not positive semi-definite unless told not to check', () => {
    expect(messageOf(() => twoByTwo(1, 1, 2))).toContain('is not positive semi-definite');
    const c = twoByTwo(1, 1, 2, { checkPsd: false });
    expect(c.isPositiveSemiDefinite()).toBe(false);
    expect(c.get(0, 1)).toBe(2);
  });

  it('rejects an unknown frame and an epoch that is not an Epoch', () => {
    expect(
      messageOf(() =>
        Covariance.create({ epoch: T0, frame: 'LVLH' as 'RTN', matrix: stateRows() }),
      ),
    ).toContain('frame = "LVLH"');
    expect(
      messageOf(() =>
        Covariance.create({ epoch: 0 as unknown as Epoch, frame: 'GCRF', matrix: stateRows() }),
      ),
    ).toContain('must be an Epoch');
    expect(isCovarianceFrame('TNW')).toBe(true);
    expect(isCovarianceFrame('ECI')).toBe(false);
  });
});

describe('Covariance.isPositiveSemiDefinite', () => {
  it('accepts singular matrices and correlations of 1 within the tolerance, not beyond', () => {
    expect(twoByTwo(1, 1, 1).isPositiveSemiDefinite()).toBe(true);
    // Correlation 1 + 1e-12: smallest eigenvalue of the correlation matrix −1e-12 > −1e-10.
    expect(twoByTwo(1, 1, 1 + 1e-12, { checkPsd: false }).isPositiveSemiDefinite()).toBe(true);
    // Correlation 1 + 1e-8: −1e-8 < −1e-10.
    expect(twoByTwo(1, 1, 1 + 1e-8, { checkPsd: false }).isPositiveSemiDefinite()).toBe(false);
    expect(
      twoByTwo(1, 1, 1 + 1e-8, { checkPsd: false }).isPositiveSemiDefinite({ psdTol: 1e-6 }),
    ).toBe(true);
    expect(DEFAULT_PSD_TOL).toBe(1e-10);
  });

  it('gives the same verdict whatever the units of the rows', () => {
    for (const rho of [0.3, 1, 1 + 1e-12, 1 + 1e-8, 2]) {
      const verdicts = [
        [1, 1],
        [1e3, 1e-6],
        [1e-9, 1e4],
      ].map(([sp, sq]) =>
        twoByTwo(sp! * sp!, sq! * sq!, rho * sp! * sq!, {
          checkPsd: false,
        }).isPositiveSemiDefinite(),
      );
      expect(new Set(verdicts).size).toBe(1);
      expect(verdicts[0]).toBe(rho <= 1 + 1e-10);
    }
  });

  it('accepts a zero variance with zero (or underflow-size) covariances and rejects one with a covariance', () => {
    expect(twoByTwo(0, 1, 0).isPositiveSemiDefinite()).toBe(true);
    // Covariances of underflow size pass: n·2⁻¹⁰²² ≈ 4.5e-308 as the variance's uncertainty
    // allows |c| up to about √(1e-10 · 4.5e-308 · 1) ≈ 2e-159 km².
    expect(twoByTwo(0, 1, 1e-300).isPositiveSemiDefinite()).toBe(true);
    expect(messageOf(() => twoByTwo(0, 1, 1e-150))).toContain(
      'p has zero variance but a non-zero covariance',
    );
    expect(messageOf(() => twoByTwo(1, 0, 1e-150))).toContain(
      'q has zero variance but a non-zero covariance',
    );
  });

  it('holds for every S·A·Aᵀ·S of any rank', () => {
    fc.assert(
      fc.property(stateCovariance(), (c) => {
        expect(c.isPositiveSemiDefinite()).toBe(true);
      }),
      STATE_FC_PARAMS,
    );
  });

  it('fails when one eigenvalue is made negative', () => {
    // A·Aᵀ with the last eigen-direction reflected: C − 2·λ·e·eᵀ where e is a unit vector with
    // C·e = λ·e. Built from a diagonal matrix turned by a known rotation.
    const d = [4, 1, 0.25, -0.01];
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    // Rotation in the (0, 3) and (1, 2) planes.
    const q = [
      [c, 0, 0, -s],
      [0, c, s, 0],
      [0, -s, c, 0],
      [s, 0, 0, c],
    ];
    const m = q.map((qi) => q.map((qj) => qi.reduce((acc, v, k) => acc + v * d[k]! * qj[k]!, 0)));
    const cov = Covariance.create(
      {
        epoch: T0,
        frame: 'GCRF',
        matrix: m,
        labels: ['a', 'b', 'c', 'd'],
        units: ['km', 'km', 'km', 'km'],
        // m is symmetric to rounding only
      },
      { checkPsd: false },
    );
    expect(cov.isPositiveSemiDefinite()).toBe(false);
  });
});

describe('Covariance readers', () => {
  it('gives standard deviations and correlations', () => {
    const c = Covariance.create({ epoch: T0, frame: 'GCRF', matrix: stateRows() });
    const s = c.sigmas();
    const expected = [0.1, 0.2, 0.1, 1e-4, 1e-4, 1e-4];
    // √ is correctly rounded, and the variances are the doubles nearest to 1e-2, 4e-2, 1e-8:
    // the roots are within 1 ulp (relative 2⁻⁵²) of the literals.
    const SIGMA_REL_TOL = 2 ** -52;
    for (let i = 0; i < 6; i++) {
      expect(Math.abs(s[i]! - expected[i]!)).toBeLessThanOrEqual(expected[i]! * SIGMA_REL_TOL);
    }
    const r = c.correlation();
    expect(Math.abs(r[0]![4]! - 0.5)).toBeLessThanOrEqual(4.5e-16);
    expect(r[4]![0]).toBe(r[0]![4]);
    expect(r[1]![1]).toBe(1);
    expect(r[1]![2]).toBe(0);
  });

  it('gives a correlation of 0 with a row of zero variance', () => {
    expect(twoByTwo(0, 4, 0).correlation()).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('reads elements by index and rejects indices outside the matrix', () => {
    const c = Covariance.create({ epoch: T0, frame: 'GCRF', matrix: stateRows() });
    expect(c.get(4, 0)).toBe(5e-6);
    expect(messageOf(() => c.get(6, 0))).toContain('i = 6: must be an index in 0…5');
    expect(messageOf(() => c.get(0, 1.5))).toContain('j = 1.5');
  });

  it('round-trips through JSON: elements exactly, epoch to 0.5 ns', () => {
    fc.assert(
      fc.property(stateCovariance('TEME'), (c) => {
        const back = Covariance.fromJSON(JSON.parse(JSON.stringify(c)));
        expect(back.frame).toBe('TEME');
        expect(back.labels).toEqual(c.labels);
        expect(back.units).toEqual(c.units);
        expect(back.toArray()).toEqual(c.toArray().map((row) => row.map((x) => x + 0)));
        expect(Math.abs(back.epoch.secondsSince(c.epoch))).toBeLessThanOrEqual(0.5e-9 + 1e-15);
      }),
      STATE_FC_PARAMS,
    );
  });
});

describe('Covariance immutability', () => {
  it('does not modify its input, even when it symmetrises it', () => {
    fc.assert(
      fc.property(psdStateMatrix, (m) => {
        // Make it asymmetric at the 1e-13 level (correlation units), which create() accepts.
        const input = m.map((row) => [...row]);
        input[0]![1] = input[0]![1]! + 1e-13 * Math.sqrt(input[0]![0]! * input[1]![1]!);
        const copy = input.map((row) => [...row]);
        const dense = { rows: 6, cols: 6, data: Float64Array.from(input.flat()) };
        const denseCopy = Float64Array.from(dense.data);
        Covariance.create({ epoch: T0, frame: 'GCRF', matrix: input });
        Covariance.create({ epoch: T0, frame: 'GCRF', matrix: dense });
        expect(input).toEqual(copy);
        expect(dense.data).toEqual(denseCopy);
      }),
      STATE_FC_PARAMS,
    );
  });

  it('does not share storage with its input or its outputs', () => {
    const rows = stateRows();
    const data = Float64Array.from(rows.flat());
    const a = Covariance.create({ epoch: T0, frame: 'GCRF', matrix: rows });
    const b = Covariance.create({ epoch: T0, frame: 'GCRF', matrix: { rows: 6, cols: 6, data } });
    rows[0]![0] = 99;
    data[0] = 99;
    expect(a.get(0, 0)).toBe(1e-2);
    expect(b.get(0, 0)).toBe(1e-2);
    a.toArray()[1]![1] = 99;
    a.toFloat64Array()[7] = 99;
    expect(a.get(1, 1)).toBe(4e-2);
  });

  it('is frozen, with frozen labels, units and sigmas', () => {
    const c = Covariance.create({ epoch: T0, frame: 'GCRF', matrix: stateRows() });
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.labels)).toBe(true);
    expect(Object.isFrozen(c.units)).toBe(true);
    expect(Object.isFrozen(c.sigmas())).toBe(true);
    expect(() => {
      (c as unknown as { dim: number }).dim = 3;
    }).toThrow(TypeError);
    expect(() => {
      (c.labels as string[])[0] = 'q';
    }).toThrow(TypeError);
  });
});
