import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import { type Mat3, mat3, matMul, transpose } from '../../src/math';
import { Covariance } from '../../src/state/covariance';
import { rotateCovariance } from '../../src/state/rotateCovariance';
import { stateTransformJacobian } from '../../src/state/stateTransformJacobian';
import { Epoch } from '../../src/time/epoch';
import {
  absMatrix,
  expectMatricesClose,
  mul,
  outerTolerance,
  rotation,
  STATE_FC_PARAMS,
  sigmaScale,
  stateCovariance,
  tr,
  UNDERFLOW_TOL,
  UNIT_ROUNDOFF,
} from './arbitraries';

const T0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
const ZERO: Mat3 = [0, 0, 0, 0, 0, 0, 0, 0, 0];

/**
 * Relative tolerance of a rotation and its inverse applied in turn, against bᵢ·bⱼ with
 * b = |Rᵀ|·|R|·σ (see sigmaScale), which bounds every value the arithmetic goes through. Each
 * congruence sums 6·6 products per element, so the round trip rounds by about 2·γ₃₆ ≈ 8e-15
 * of that (Higham, Accuracy and Stability, §3.5), plus the non-orthogonality of R (a few u);
 * 1e-12, the relative tolerance asked of the round trip, leaves a margin of about 100.
 */
const ROUND_TRIP_REL_TOL = 1e-12;

/**
 * Tolerance of rotateCovariance against an independent J·C·Jᵀ (linalg's matMul), relative to
 * |J|·|C|·|J|ᵀ: both round by at most γ₁₂ ≈ 1.3e-15 of it, in different orders; 4·γ₁₂.
 */
const PRODUCT_REL_TOL = (4 * 12 * UNIT_ROUNDOFF) / (1 - 12 * UNIT_ROUNDOFF);

/**
 * A rotation preserves the trace of each 3×3 diagonal block; the trace is a sum of three
 * variances, each rounded by about γ₉ of the block's trace (|C_kl| ≤ √(C_kk·C_ll) for a
 * semi-definite C, so |M|·|C|·|M|ᵀ ≤ 3·trace elementwise); 3·3·γ₉ ≈ 1e-14, taken as 1e-13.
 */
const TRACE_REL_TOL = 1e-13;

function blockwise(R: Mat3): Float64Array {
  return stateTransformJacobian(R, ZERO).data;
}

function bound(J: Float64Array, C: Float64Array, n: number): Float64Array {
  const a = absMatrix(J);
  return mul(mul(a, absMatrix(C), n), tr(a, n), n);
}

describe('stateTransformJacobian', () => {
  it('places R on the diagonal blocks and Ṙ in the lower left block', () => {
    const R: Mat3 = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const Rd: Mat3 = [-1, -2, -3, -4, -5, -6, -7, -8, -9];
    const J = stateTransformJacobian(R, Rd);
    expect(J.rows).toBe(6);
    expect(J.cols).toBe(6);
    const rows = Array.from({ length: 6 }, (_, i) => Array.from(J.data.subarray(6 * i, 6 * i + 6)));
    expect(rows).toEqual([
      [1, 2, 3, 0, 0, 0],
      [4, 5, 6, 0, 0, 0],
      [7, 8, 9, 0, 0, 0],
      [-1, -2, -3, 1, 2, 3],
      [-4, -5, -6, 4, 5, 6],
      [-7, -8, -9, 7, 8, 9],
    ]);
  });

  it('maps (r, v) as r′ = R·r and v′ = R·v + Ṙ·r', () => {
    const R = mat3.multiply(mat3.rotationZ(0.3), mat3.rotationX(-1.1));
    // Ṙ of R3(θ) with θ̇ = 7.29e-5 rad/s, composed with the fixed R1.
    const w = 7.292115e-5;
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    const Rd = mat3.multiply([-s * w, c * w, 0, -c * w, -s * w, 0, 0, 0, 0], mat3.rotationX(-1.1));
    const J = stateTransformJacobian(R, Rd);
    const r = [7000, -1200, 300];
    const v = [1.2, 7.1, -0.4];
    const x = Array.from(J.data.subarray(0, 0));
    expect(x).toEqual([]);
    const y: number[] = [];
    for (let i = 0; i < 6; i++) {
      let acc = 0;
      for (let k = 0; k < 6; k++) acc += J.data[6 * i + k]! * [...r, ...v][k]!;
      y.push(acc);
    }
    const rr = mat3.multiplyVec(R, r);
    const vv = mat3.multiplyVec(R, v);
    const wr = mat3.multiplyVec(Rd, r);
    // Sums of 3 (position) and 6 (velocity) products of numbers up to 7000 km: γ₆·7000·|R| ≲ 1e-11.
    const POS_TOL_KM = 1e-11;
    const VEL_TOL_KMS = 1e-14;
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(y[i]! - rr[i]!)).toBeLessThanOrEqual(POS_TOL_KM);
      expect(Math.abs(y[3 + i]! - (vv[i]! + wr[i]!))).toBeLessThanOrEqual(VEL_TOL_KMS);
    }
  });

  it('rejects a matrix without 9 finite elements, naming its unit', () => {
    expect(() => stateTransformJacobian([1, 2, 3] as unknown as Mat3, ZERO)).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      stateTransformJacobian(mat3.identity(), [0, 0, 0, 0, Number.NaN, 0, 0, 0, 0]),
    ).toThrow('rotationRate[4] = NaN 1/s');
  });
});

describe('rotateCovariance', () => {
  it('rotates a 3×3 covariance by a quarter turn about z as the axes say', () => {
    const c = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: [
        [4, 1, 0],
        [1, 1, 0],
        [0, 0, 9],
      ],
    });
    // Axes turned by 90° about z: x′ = y, y′ = −x, so C′ = [[1, −1, 0], [−1, 4, 0], [0, 0, 9]].
    const r = rotateCovariance(c, [0, 1, 0, -1, 0, 0, 0, 0, 1], 'EME2000');
    expect(r.frame).toBe('EME2000');
    expect(r.toArray()).toEqual([
      [1, -1, 0],
      [-1, 4, 0],
      [0, 0, 9],
    ]);
    expect(r.epoch.equals(T0)).toBe(true);
  });

  it('applies a Mat3 blockwise, as the 6×6 Jacobian with Ṙ = 0', () => {
    fc.assert(
      fc.property(stateCovariance(), rotation, (c, R) => {
        const a = rotateCovariance(c, R, 'TEME');
        const b = rotateCovariance(c, stateTransformJacobian(R, ZERO), 'TEME');
        expect(a.toArray()).toEqual(b.toArray());
      }),
      STATE_FC_PARAMS,
    );
  });

  it('agrees with an independent J·C·Jᵀ to rounding', () => {
    let worst = 0;
    fc.assert(
      fc.property(stateCovariance(), rotation, rotation, (c, R, Rd0) => {
        // A general Jacobian [[R, 0], [Ṙ, R]] with Ṙ of order 1e-3/s.
        const Rd = Rd0.map((x) => x * 1e-3) as unknown as Mat3;
        const J = stateTransformJacobian(R, Rd);
        const C = c.toFloat64Array();
        const ref = matMul(matMul(J, { rows: 6, cols: 6, data: C }), transpose(J)).data;
        const tol = bound(J.data, C, 6).map((b) => PRODUCT_REL_TOL * b + UNDERFLOW_TOL);
        const got = rotateCovariance(c, J, 'TEME').toFloat64Array();
        worst = Math.max(worst, expectMatricesClose(got, ref, tol, 6, 'J·C·Jᵀ'));
      }),
      STATE_FC_PARAMS,
    );
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('keeps a covariance exactly symmetric and positive semi-definite under random rotations', () => {
    fc.assert(
      fc.property(stateCovariance(), rotation, (c, R) => {
        const r = rotateCovariance(c, R, 'EME2000');
        for (let i = 0; i < 6; i++) {
          for (let j = 0; j < i; j++) expect(r.get(i, j)).toBe(r.get(j, i));
        }
        expect(r.isPositiveSemiDefinite()).toBe(true);
        for (const b of [0, 3]) {
          let before = 0;
          let after = 0;
          for (let k = b; k < b + 3; k++) {
            before += c.get(k, k);
            after += r.get(k, k);
          }
          expect(Math.abs(after - before)).toBeLessThanOrEqual(TRACE_REL_TOL * before);
        }
      }),
      STATE_FC_PARAMS,
    );
  });

  it('maps the covariance x·xᵀ of one deviation x to (J·x)·(J·x)ᵀ', () => {
    const x = [0.3, -0.1, 0.2, 1e-4, 2e-4, -3e-4];
    const C = x.map((a) => x.map((b) => a * b));
    const c = Covariance.create({ epoch: T0, frame: 'TOD', matrix: C });
    const R = mat3.multiply(mat3.rotationY(0.4), mat3.rotationZ(-2.2));
    const Rd = mat3.multiply(mat3.rotationX(1), [1e-4, 0, 0, 0, 2e-4, 0, 0, 0, -1e-4]);
    const J = stateTransformJacobian(R, Rd);
    const jx = [0, 1, 2, 3, 4, 5].map((i) =>
      x.reduce((s, xk, k) => s + J.data[6 * i + k]! * xk, 0),
    );
    const expected = Float64Array.from(jx.flatMap((a) => jx.map((b) => a * b)));
    const got = rotateCovariance(c, J, 'MOD').toFloat64Array();
    const tol = bound(J.data, Float64Array.from(C.flat()), 6).map((b) => PRODUCT_REL_TOL * b);
    expectMatricesClose(got, expected, tol, 6, '(J·x)(J·x)ᵀ');
  });

  it('undoes itself with the inverse rotation within a relative 1e-12', () => {
    let worst = 0;
    fc.assert(
      fc.property(stateCovariance(), rotation, (c, R) => {
        const there = rotateCovariance(c, R, 'TEME');
        const back = rotateCovariance(there, mat3.transpose(R), 'GCRF');
        expect(back.frame).toBe('GCRF');
        const J = blockwise(R);
        const Ji = blockwise(mat3.transpose(R));
        const C = c.toFloat64Array();
        const b = sigmaScale(mul(absMatrix(Ji), absMatrix(J), 6), c.sigmas(), 6);
        const tol = outerTolerance(b, ROUND_TRIP_REL_TOL, 2 * UNDERFLOW_TOL);
        worst = Math.max(
          worst,
          expectMatricesClose(back.toFloat64Array(), C, tol, 6, 'round trip'),
        );
      }),
      STATE_FC_PARAMS,
    );
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('relabels default labels for the new frame and keeps custom ones', () => {
    const c = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    });
    expect(rotateCovariance(c, mat3.identity(), 'RTN').labels).toEqual(['r', 't', 'n']);
    expect(rotateCovariance(c, mat3.identity(), 'TNW').labels).toEqual(['t', 'n', 'w']);
    expect(rotateCovariance(c, mat3.identity(), 'ITRF').labels).toEqual(['x', 'y', 'z']);
    const custom = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
      labels: ['a', 'b', 'c'],
    });
    expect(rotateCovariance(custom, mat3.identity(), 'RTN').labels).toEqual(['a', 'b', 'c']);
    expect(
      rotateCovariance(custom, mat3.identity(), 'RTN', { labels: ['p', 'q', 'r'] }).labels,
    ).toEqual(['p', 'q', 'r']);
  });

  it('rotates the state rows of a 9×9 covariance with a full Jacobian and keeps the others', () => {
    const n = 9;
    const m = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 1 + i : i + j === 8 ? 0.1 : 0)),
    );
    const c = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: m,
      labels: ['x', 'y', 'z', 'vx', 'vy', 'vz', 'cd', 'cr', 'bias'],
      units: ['km', 'km', 'km', 'km/s', 'km/s', 'km/s', '', '', 'km'],
    });
    const R = mat3.rotationZ(1);
    const J6 = stateTransformJacobian(R, mat3.multiply([0, 1e-3, 0, -1e-3, 0, 0, 0, 0, 0], R));
    const J = new Float64Array(n * n);
    for (let i = 0; i < 6; i++) J.set(J6.data.subarray(6 * i, 6 * i + 6), n * i);
    for (let i = 6; i < n; i++) J[n * i + i] = 1;
    const r = rotateCovariance(c, { rows: n, cols: n, data: J }, 'TEME');
    expect(r.dim).toBe(9);
    expect(r.units).toEqual(c.units);
    expect(r.labels).toEqual(c.labels);
    // The parameter block is untouched (each element is 1·C·1 plus exact zeros).
    for (let i = 6; i < n; i++) for (let j = 6; j < n; j++) expect(r.get(i, j)).toBe(c.get(i, j));
    // Cross terms state × parameter: J6 times the column, a sum of up to 6 products of
    // numbers ≤ 1 × 0.1: γ₆·0.6 ≈ 4e-16 as tolerance.
    const CROSS_TOL = 6 * UNIT_ROUNDOFF * 0.6 * 1.01;
    for (let j = 6; j < n; j++) {
      for (let i = 0; i < 6; i++) {
        let expected = 0;
        for (let k = 0; k < 6; k++) expected += J6.data[6 * i + k]! * c.get(k, j);
        expect(Math.abs(r.get(i, j) - expected)).toBeLessThanOrEqual(CROSS_TOL);
      }
    }
    // A Mat3 instead turns every block of three rows, the parameters too: their trace stays.
    const b = rotateCovariance(c, R, 'TEME');
    const trace = (x: Covariance) => x.get(6, 6) + x.get(7, 7) + x.get(8, 8);
    expect(Math.abs(trace(b) - trace(c))).toBeLessThanOrEqual(TRACE_REL_TOL * trace(c));
    expect(b.get(6, 6)).not.toBe(c.get(6, 6));
  });

  it('rejects a Jacobian of the wrong size, a Mat3 for a size not a multiple of 3, and unknown frames', () => {
    const c = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    });
    expect(() =>
      rotateCovariance(c, stateTransformJacobian(mat3.identity(), ZERO), 'TEME'),
    ).toThrow('jacobian = "6×6": must be 3×3');
    expect(() =>
      rotateCovariance(
        c,
        [
          [1, 0, 0],
          [0, Number.NaN, 0],
          [0, 0, 1],
        ],
        'TEME',
      ),
    ).toThrow('jacobian[1][1] = NaN');
    expect(() => rotateCovariance(c, mat3.identity(), 'ECI' as 'TEME')).toThrow(
      InvalidArgumentError,
    );
    const four = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: [
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
      ],
      labels: ['a', 'b', 'c', 'd'],
      units: ['km', 'km', 'km', 'km'],
    });
    expect(() => rotateCovariance(four, mat3.identity(), 'TEME')).toThrow('multiple of 3');
  });

  it('does not modify its inputs', () => {
    const c = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: [
        [4, 1, 0],
        [1, 1, 0],
        [0, 0, 9],
      ],
    });
    const R = [...mat3.rotationZ(0.3)] as unknown as Mat3;
    const before = JSON.stringify([c, R]);
    const rows = [
      [1, 0.5, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const rowsBefore = JSON.stringify(rows);
    rotateCovariance(c, R, 'TEME');
    rotateCovariance(c, rows, 'TEME');
    expect(JSON.stringify([c, R])).toBe(before);
    expect(JSON.stringify(rows)).toBe(rowsBefore);
  });
});
