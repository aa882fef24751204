import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Mat3, mat3, vec3 } from '../../src/math';
import { angleRad, gamma, MATH_FC_PARAMS, UNIT_ROUNDOFF, vec3Km } from './arbitraries';

/**
 * Test vectors of SOFA's t_sofa_c.c as carried over by ERFA's src/t_erfa_c.c (liberfa/erfa,
 * BSD-3): t_rx, t_ry, t_rz, t_rxp, t_rxr and t_pom00. Values are restated as data, each with
 * the shortest digits that give the same double as ERFA's 19-digit literal; ERFA's own
 * tolerance is 1e-12 for every element of these tests except the small off-diagonal elements
 * of t_pom00, which it checks to 1e-16.
 */
const ERFA_TOL = 1e-12;
/** ERFA's tolerance for the off-diagonal elements of eraPom00 (t_pom00). */
const ERFA_POM00_OFFDIAG_TOL = 1e-16;

/** The matrix r that t_rx, t_ry, t_rz, t_rxp and t_rxr start from. */
const ERFA_R: Mat3 = [2, 3, 2, 3, 2, 3, 3, 4, 5];
/** The angle of t_rx, t_ry and t_rz, rad. */
const ERFA_ANGLE_RAD = 0.3456789;

/**
 * Products of a few rotation matrices are orthonormal to a few γ₃ (each element is a 3-term
 * dot product of unit rows); 16·u leaves room for the products in the properties below.
 */
const ROTATION_TOL = 16 * UNIT_ROUNDOFF;

function expectMatClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number) {
  for (let k = 0; k < 9; k++) {
    const d = Math.abs(actual[k]! - expected[k]!);
    if (!(d <= tol)) {
      expect.fail(
        `element (${Math.floor(k / 3)}, ${k % 3}) differs by ${d.toExponential(3)} (tolerance ${tol}): ${actual[k]} vs ${expected[k]}`,
      );
    }
  }
}

describe('mat3 rotations against SOFA/ERFA', () => {
  it('rotationX(0.3456789)·r reproduces ERFA t_rx', () => {
    expectMatClose(
      mat3.multiply(mat3.rotationX(ERFA_ANGLE_RAD), ERFA_R),
      [
        2, 3, 2, 3.8390433882356123, 3.237033249594112, 4.5167143790059825, 1.8060304159245018,
        3.0857115453363724, 3.6877216839778733,
      ],
      ERFA_TOL,
    );
  });

  it('rotationY(0.3456789)·r reproduces ERFA t_ry', () => {
    expectMatClose(
      mat3.multiply(mat3.rotationY(ERFA_ANGLE_RAD), ERFA_R),
      [
        0.865184781897816, 1.4671949205393167, 0.18751379112744573, 3, 2, 3, 3.5002078928504274,
        4.7798890222622985, 5.3818991609037985,
      ],
      ERFA_TOL,
    );
  });

  it('rotationZ(0.3456789)·r reproduces ERFA t_rz', () => {
    expectMatClose(
      mat3.multiply(mat3.rotationZ(ERFA_ANGLE_RAD), ERFA_R),
      [
        2.8981977542089266, 3.5002078928504274, 2.8981977542089266, 2.1448659113096866,
        0.865184781897816, 2.1448659113096866, 3, 4, 5,
      ],
      ERFA_TOL,
    );
  });

  it('multiplyVec reproduces ERFA t_rxp and multiply reproduces t_rxr', () => {
    const rp = mat3.multiplyVec(ERFA_R, [0.2, 1.5, 0.1]);
    expect(Math.abs(rp[0] - 5.1)).toBeLessThanOrEqual(ERFA_TOL);
    expect(Math.abs(rp[1] - 3.9)).toBeLessThanOrEqual(ERFA_TOL);
    expect(Math.abs(rp[2] - 7.1)).toBeLessThanOrEqual(ERFA_TOL);
    expectMatClose(
      mat3.multiply(ERFA_R, [1, 2, 2, 4, 1, 1, 3, 0, 1]),
      [20, 7, 9, 20, 8, 11, 34, 10, 15],
      ERFA_TOL,
    );
  });

  it('Rx(−yp)·Ry(−xp)·Rz(sp) reproduces the polar-motion matrix of ERFA t_pom00', () => {
    // eraPom00 builds W from the identity by eraRz(sp), eraRy(−xp), eraRx(−yp), each of which
    // multiplies its rotation on the left.
    const xpRad = 2.55060238e-7;
    const ypRad = 1.860359247e-6;
    const spRad = -1.3671745807288915e-11;
    const w = mat3.multiply(
      mat3.rotationX(-ypRad),
      mat3.multiply(mat3.rotationY(-xpRad), mat3.rotationZ(spRad)),
    );
    const expected = [
      0.9999999999999675, -1.367174580728847e-11, 2.550602379999972e-7, 1.4146249479570297e-11,
      0.9999999999982695, -1.8603592469988663e-6, -2.5506023797412153e-7, 1.860359247002414e-6,
      0.999999999998237,
    ];
    for (let k = 0; k < 9; k++) {
      const tol = k % 4 === 0 ? ERFA_TOL : ERFA_POM00_OFFDIAG_TOL;
      expect(Math.abs(w[k]! - expected[k]!)).toBeLessThanOrEqual(tol);
    }
  });

  it('rotations turn the frame, not the vector (passive convention)', () => {
    // A fixed vector along x seen from a frame turned by +90° about z lies along −y.
    expectVecClose(mat3.multiplyVec(mat3.rotationZ(Math.PI / 2), [1, 0, 0]), [0, -1, 0]);
    expectVecClose(mat3.multiplyVec(mat3.rotationX(Math.PI / 2), [0, 1, 0]), [0, 0, -1]);
    expectVecClose(mat3.multiplyVec(mat3.rotationY(Math.PI / 2), [0, 0, 1]), [-1, 0, 0]);
  });
});

/** cos(π/2) is 6.1e-17, not 0: one ulp of 1 covers it. */
const QUARTER_TURN_TOL = 2 * UNIT_ROUNDOFF;

function expectVecClose(actual: ArrayLike<number>, expected: ArrayLike<number>) {
  for (let k = 0; k < 3; k++) {
    expect(Math.abs(actual[k]! - expected[k]!)).toBeLessThanOrEqual(QUARTER_TURN_TOL);
  }
}

describe('mat3 on hand-computed cases', () => {
  it('builds from rows and gives them back', () => {
    const m = mat3.fromRows([1, 2, 3], [4, 5, 6], [7, 8, 9]);
    expect(m).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(mat3.toRows(m)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it('transposes and multiplies by the transpose', () => {
    expect(mat3.transpose([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([1, 4, 7, 2, 5, 8, 3, 6, 9]);
    // r = ERFA_R: Rᵀ·(0.2, 1.5, 0.1) = (0.4 + 4.5 + 0.3, 0.6 + 3 + 0.4, 0.4 + 4.5 + 0.5)
    const v = mat3.transposeMultiplyVec(ERFA_R, [0.2, 1.5, 0.1]);
    expect(v[0]).toBeCloseTo(5.2, 14);
    expect(v[1]).toBeCloseTo(4.0, 14);
    expect(v[2]).toBeCloseTo(5.4, 14);
  });

  it('computes determinants', () => {
    expect(mat3.determinant(mat3.identity())).toBe(1);
    expect(mat3.determinant([2, 0, 0, 0, 3, 0, 0, 0, 4])).toBe(24);
    // 2(2·5 − 3·4) − 3(3·5 − 3·3) + 2(3·4 − 2·3) = −4 − 18 + 12
    expect(mat3.determinant(ERFA_R)).toBe(-10);
    expect(mat3.determinant([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe(0);
  });

  it('tells orthonormal matrices, reflections and rotations apart', () => {
    expect(mat3.isOrthonormal(mat3.rotationY(0.3))).toBe(true);
    expect(mat3.isRotation(mat3.rotationY(0.3))).toBe(true);
    const reflection = [-1, 0, 0, 0, 1, 0, 0, 0, 1];
    expect(mat3.isOrthonormal(reflection)).toBe(true);
    expect(mat3.isRotation(reflection)).toBe(false);
    expect(mat3.isOrthonormal([1, 0, 0, 0, 1, 0, 0, 0, 1.001])).toBe(false);
    expect(mat3.isOrthonormal([1, 0, 0, 0, 1, 0, 0, 0, 1 + 1e-9], 1e-8)).toBe(true);
    expect(mat3.isOrthonormal([1, 0, 0, 0, Number.NaN, 0, 0, 0, 1])).toBe(false);
  });

  it('…Into forms write into a Float64Array and allow aliasing', () => {
    const a = Float64Array.from(mat3.rotationX(0.4));
    const expected = mat3.multiply(mat3.rotationX(0.4), mat3.rotationZ(1.1));
    expect(Array.from(mat3.multiplyInto(a, a, mat3.rotationZ(1.1)))).toEqual([...expected]);
    const b = Float64Array.from(mat3.rotationZ(1.1));
    expect(Array.from(mat3.multiplyInto(b, mat3.rotationX(0.4), b))).toEqual([...expected]);
    const t = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(mat3.transposeInto(t, t)).toEqual([1, 4, 7, 2, 5, 8, 3, 6, 9]);
    const v = [0.2, 1.5, 0.1];
    expect(mat3.multiplyVecInto(v, ERFA_R, v)).toEqual([
      ...mat3.multiplyVec(ERFA_R, [0.2, 1.5, 0.1]),
    ]);
    const w = [0.2, 1.5, 0.1];
    expect(mat3.transposeMultiplyVecInto(w, ERFA_R, w)).toEqual([
      ...mat3.transposeMultiplyVec(ERFA_R, [0.2, 1.5, 0.1]),
    ]);
  });
});

describe('mat3 properties', () => {
  const axes = [mat3.rotationX, mat3.rotationY, mat3.rotationZ] as const;
  const axis = fc.constantFrom(0, 1, 2);

  it('a rotation is a proper rotation and R(θ)ᵀ = R(−θ)', () => {
    fc.assert(
      fc.property(axis, angleRad, (k, t) => {
        const r = axes[k]!(t);
        expect(mat3.orthonormalityError(r)).toBeLessThanOrEqual(ROTATION_TOL);
        expect(Math.abs(mat3.determinant(r) - 1)).toBeLessThanOrEqual(ROTATION_TOL);
        expectMatClose(mat3.transpose(r), axes[k]!(-t), 0);
      }),
      MATH_FC_PARAMS,
    );
  });

  it('rotations about one axis compose by adding angles', () => {
    fc.assert(
      fc.property(axis, angleRad, angleRad, (k, a, b) => {
        const product = mat3.multiply(axes[k]!(a), axes[k]!(b));
        // Elements of R(a)·R(b) are 2-term sums of products of sines and cosines, each within
        // an ulp: γ₄ bounds the difference, and R(a + b) adds the rounding of a + b (≤ ulp(8π)).
        const tol = gamma(4) + 2 * UNIT_ROUNDOFF * 8 * Math.PI;
        expectMatClose(product, axes[k]!(a + b), tol);
      }),
      MATH_FC_PARAMS,
    );
  });

  it('a product of rotations preserves lengths and is undone by its transpose', () => {
    fc.assert(
      fc.property(angleRad, angleRad, angleRad, vec3Km, (a, b, c, v) => {
        const r = mat3.multiply(
          mat3.rotationZ(a),
          mat3.multiply(mat3.rotationX(b), mat3.rotationZ(c)),
        );
        expect(mat3.isRotation(r, ROTATION_TOL)).toBe(true);
        const n = vec3.norm(v);
        const rv = mat3.multiplyVec(r, v);
        expect(Math.abs(vec3.norm(rv) - n)).toBeLessThanOrEqual(ROTATION_TOL * n);
        const back = mat3.transposeMultiplyVec(r, rv);
        expect(vec3.distance(back, v)).toBeLessThanOrEqual(2 * ROTATION_TOL * n);
      }),
      MATH_FC_PARAMS,
    );
  });

  it('multiply is associative with multiplyVec: (A·B)·v = A·(B·v)', () => {
    fc.assert(
      fc.property(angleRad, angleRad, vec3Km, (a, b, v) => {
        const A = mat3.rotationY(a);
        const B = mat3.rotationZ(b);
        const lhs = mat3.multiplyVec(mat3.multiply(A, B), v);
        const rhs = mat3.multiplyVec(A, mat3.multiplyVec(B, v));
        expect(vec3.distance(lhs, rhs)).toBeLessThanOrEqual(2 * ROTATION_TOL * vec3.norm(v));
      }),
      MATH_FC_PARAMS,
    );
  });
});
