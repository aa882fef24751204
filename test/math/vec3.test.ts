import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import { vec3 } from '../../src/math';
import { gamma, MATH_FC_PARAMS, UNIT_ROUNDOFF, vec3Km } from './arbitraries';

/**
 * Tolerance of the SOFA/ERFA vector tests t_pxp, t_pvm, t_sepp (t_erfa_c.c, liberfa/erfa).
 * Their expected values are written below with the shortest digits that give the same double
 * as ERFA's 19-digit literals.
 */
const ERFA_TOL = 1e-12;

/**
 * Relative tolerance for a 3-term dot product or cross product component compared with its
 * magnitude bound: γ₃ (three roundings), Higham Lemma 3.1, doubled for the test's own sum.
 */
const DOT3_REL_TOL = 2 * gamma(3);

/**
 * V8's Math.hypot is not correctly rounded (it returns 4.9999999999999995e+200 for
 * hypot(3e200, 4e200)): allow 2 ulp.
 */
const HYPOT_REL_TOL = 4 * UNIT_ROUNDOFF;

/** An angle computed through atan2(|a×b|, a·b) is accurate to a few ulp of the angle itself. */
const ANGLE_REL_TOL = 8 * UNIT_ROUNDOFF;

describe('vec3 against SOFA/ERFA test vectors', () => {
  // t_erfa_c.c (liberfa/erfa), t_pxp: a = (2, 2, 3), b = (1, 3, 4), a × b = (−1, −5, 4).
  it('cross reproduces ERFA t_pxp', () => {
    const c = vec3.cross([2, 2, 3], [1, 3, 4]);
    expect(Math.abs(c[0] + 1)).toBeLessThanOrEqual(ERFA_TOL);
    expect(Math.abs(c[1] + 5)).toBeLessThanOrEqual(ERFA_TOL);
    expect(Math.abs(c[2] - 4)).toBeLessThanOrEqual(ERFA_TOL);
  });

  // t_pvm: the modulus of p = (0.3, 1.2, −2.5) is 2.789265136196270604.
  it('norm reproduces the modulus of ERFA t_pvm', () => {
    expect(Math.abs(vec3.norm([0.3, 1.2, -2.5]) - 2.7892651361962706)).toBeLessThanOrEqual(
      ERFA_TOL,
    );
  });

  // t_sepp: the angle between (1, 0.1, 0.2) and (−3, 1e-3, 0.2) is 2.8603919190246607 rad.
  it('angleBetween reproduces ERFA t_sepp', () => {
    const a = vec3.angleBetween([1, 0.1, 0.2], [-3, 1e-3, 0.2]);
    expect(Math.abs(a - 2.8603919190246607)).toBeLessThanOrEqual(ERFA_TOL);
  });
});

describe('vec3 on hand-computed cases', () => {
  it('adds, subtracts, scales, negates and takes dot products', () => {
    expect(vec3.add([1, 2, 3], [10, 20, 30])).toEqual([11, 22, 33]);
    expect(vec3.sub([11, 22, 33], [1, 2, 3])).toEqual([10, 20, 30]);
    expect(vec3.scale([1, -2, 3], 2)).toEqual([2, -4, 6]);
    expect(vec3.negate([1, -2, 3])).toEqual([-1, 2, -3]);
    expect(vec3.dot([1, 2, 3], [4, -5, 6])).toBe(12);
    expect(vec3.normSquared([3, 4, 12])).toBe(169);
    expect(vec3.norm([3, 4, 12])).toBe(13);
    expect(vec3.distance([1, 1, 1], [4, 5, 13])).toBe(13);
    expect(vec3.normalize([0, 3, 4])).toEqual([0, 0.6, 0.8]);
  });

  it('crosses the basis vectors right-handedly', () => {
    expect(vec3.cross([1, 0, 0], [0, 1, 0])).toEqual([0, 0, 1]);
    expect(vec3.cross([0, 1, 0], [0, 0, 1])).toEqual([1, 0, 0]);
    expect(vec3.cross([0, 0, 1], [1, 0, 0])).toEqual([0, 1, 0]);
  });

  it('norm does not overflow or underflow where the squared norm would', () => {
    expect(Math.abs(vec3.norm([3e200, 4e200, 0]) - 5e200)).toBeLessThanOrEqual(
      HYPOT_REL_TOL * 5e200,
    );
    expect(Math.abs(vec3.norm([3e-200, 4e-200, 0]) - 5e-200)).toBeLessThanOrEqual(
      HYPOT_REL_TOL * 5e-200,
    );
    expect(vec3.normSquared([3e200, 4e200, 0])).toBe(Number.POSITIVE_INFINITY);
  });

  it('angleBetween keeps full precision for a 1e-10 rad angle, where acos returns 0', () => {
    const thetaRad = 1e-10;
    const a = [1, 0, 0] as const;
    const b = [Math.cos(thetaRad), Math.sin(thetaRad), 0] as const;
    const naive = Math.acos(vec3.dot(a, b) / (vec3.norm(a) * vec3.norm(b)));
    expect(naive).toBe(0);
    const got = vec3.angleBetween(a, b);
    expect(Math.abs(got - thetaRad)).toBeLessThanOrEqual(ANGLE_REL_TOL * thetaRad);
  });

  it('angleBetween resolves π − 1e-10 rad for nearly opposite vectors', () => {
    const thetaRad = 1e-10;
    const got = vec3.angleBetween([1, 0, 0], [-Math.cos(thetaRad), Math.sin(thetaRad), 0]);
    // π − θ is represented only to one ulp of π (4.4e-16 rad).
    expect(Math.abs(got - (Math.PI - thetaRad))).toBeLessThanOrEqual(2 * UNIT_ROUNDOFF * Math.PI);
  });

  it('angleBetween does not depend on the lengths of the vectors', () => {
    const a = vec3.angleBetween([1, 2, 3], [-2, 0.5, 1]);
    const b = vec3.angleBetween([1e-150, 2e-150, 3e-150], [-2e150, 0.5e150, 1e150]);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(ANGLE_REL_TOL * a);
  });

  it('angleBetween handles vectors whose products would overflow or underflow', () => {
    expect(vec3.angleBetween([0, 0, 5e-324], [0, -0, 5e-324])).toBe(0);
    expect(vec3.angleBetween([0, 0, 5e-324], [0, 0, -5e-324])).toBe(Math.PI);
    const right = vec3.angleBetween([1e300, 0, 0], [0, 1e-300, 1e-300]);
    expect(Math.abs(right - Math.PI / 2)).toBeLessThanOrEqual(ANGLE_REL_TOL * Math.PI);
    const t = vec3.angleBetween([1e-310, 2e-310, 3e-310], [-2e305, 0.5e305, 1e305]);
    const ref = vec3.angleBetween([1, 2, 3], [-2, 0.5, 1]);
    expect(Math.abs(t - ref)).toBeLessThanOrEqual(1e-10 * ref);
  });

  it('angleBetween of a zero vector is 0', () => {
    expect(vec3.angleBetween([0, 0, 0], [1, 2, 3])).toBe(0);
  });

  it('normalize rejects a zero or infinite vector with InvalidArgumentError', () => {
    expect(() => vec3.normalize([0, 0, 0])).toThrow(InvalidArgumentError);
    expect(() => vec3.normalize([Number.POSITIVE_INFINITY, 0, 0])).toThrow(InvalidArgumentError);
    const out = [7, 8, 9];
    expect(() => vec3.normalizeInto(out, [0, 0, 0])).toThrow(/length is 0/);
    expect(out).toEqual([7, 8, 9]);
  });
});

describe('vec3 …Into forms', () => {
  it('write into a Float64Array and return it', () => {
    const out = new Float64Array(3);
    const ret = vec3.crossInto(out, [7000, 0, 0], [0, 7.5, 0]);
    expect(ret).toBe(out);
    expect(Array.from(out)).toEqual([0, 0, 52500]);
  });

  it('read a vector at the start of a longer state array', () => {
    const stateKmKmS = new Float64Array([7000, 0, 0, 0, 7.5, 0]);
    expect(vec3.norm(stateKmKmS)).toBe(7000);
    expect(vec3.fromArray(stateKmKmS)).toEqual([7000, 0, 0]);
  });

  it('allow out to alias an input', () => {
    const a = [1, 2, 3];
    const b = [4, 5, 6];
    expect(vec3.crossInto(a, a, b)).toEqual([...vec3.cross([1, 2, 3], b)]);
    const c = [1, 2, 3];
    expect(vec3.crossInto(c, b, c)).toEqual([...vec3.cross(b, [1, 2, 3])]);
    const d = [1, 2, 3];
    vec3.addInto(d, d, d);
    expect(d).toEqual([2, 4, 6]);
    const e = [0, 3, 4];
    vec3.normalizeInto(e, e);
    expect(e).toEqual([0, 0.6, 0.8]);
  });

  it('scaleAndAddInto advances a position at constant velocity', () => {
    expect(vec3.scaleAndAddInto([0, 0, 0], [7000, 0, 0], [0, 7.5, 0], 10)).toEqual([7000, 75, 0]);
  });

  it('give the same results as the pure forms', () => {
    fc.assert(
      fc.property(vec3Km, vec3Km, fc.double({ min: -10, max: 10, noNaN: true }), (a, b, s) => {
        const out = [0, 0, 0];
        expect(vec3.addInto(out, a, b)).toEqual([...vec3.add(a, b)]);
        expect(vec3.subInto(out, a, b)).toEqual([...vec3.sub(a, b)]);
        expect(vec3.scaleInto(out, a, s)).toEqual([...vec3.scale(a, s)]);
        expect(vec3.negateInto(out, a)).toEqual([...vec3.negate(a)]);
        expect(vec3.crossInto(out, a, b)).toEqual([...vec3.cross(a, b)]);
      }),
      MATH_FC_PARAMS,
    );
  });

  it('pure forms do not modify frozen inputs', () => {
    const a = Object.freeze([1, 2, 3] as const);
    const b = Object.freeze([4, 5, 6] as const);
    vec3.add(a, b);
    vec3.cross(a, b);
    vec3.normalize(a);
    expect(a).toEqual([1, 2, 3]);
    expect(b).toEqual([4, 5, 6]);
  });
});

describe('vec3 properties', () => {
  it('a × b is orthogonal to a and to b', () => {
    fc.assert(
      fc.property(vec3Km, vec3Km, (a, b) => {
        const c = vec3.cross(a, b);
        // Each computed component of c errs by ≤ γ₂|a||b| (Cauchy–Schwarz on its two products),
        // which gives ≤ √3·γ₂|a|²|b| in c·a, and the dot itself adds ≤ γ₃|c||a|: < 6γ₃|a|²|b|.
        const bound = DOT3_REL_TOL * 3 * vec3.norm(a) ** 2 * vec3.norm(b);
        expect(Math.abs(vec3.dot(c, a))).toBeLessThanOrEqual(bound);
        const boundB = DOT3_REL_TOL * 3 * vec3.norm(a) * vec3.norm(b) ** 2;
        expect(Math.abs(vec3.dot(c, b))).toBeLessThanOrEqual(boundB);
      }),
      MATH_FC_PARAMS,
    );
  });

  it('angleBetween is symmetric, in [0, π], and complementary for −b', () => {
    fc.assert(
      fc.property(vec3Km, vec3Km, (a, b) => {
        const t = vec3.angleBetween(a, b);
        expect(vec3.angleBetween(b, a)).toBe(t);
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(Math.PI);
        if (vec3.norm(a) > 0 && vec3.norm(b) > 0) {
          const u = vec3.angleBetween(a, vec3.negate(b));
          expect(Math.abs(t + u - Math.PI)).toBeLessThanOrEqual(4 * UNIT_ROUNDOFF * Math.PI);
        }
      }),
      MATH_FC_PARAMS,
    );
  });

  it('normalize gives a unit vector along v', () => {
    fc.assert(
      fc.property(vec3Km, (v) => {
        fc.pre(vec3.norm(v) > 1e-300);
        const u = vec3.normalize(v);
        // |u| − 1: one rounding per component division plus hypot's own error (≤ 1 ulp).
        expect(Math.abs(vec3.norm(u) - 1)).toBeLessThanOrEqual(4 * UNIT_ROUNDOFF);
        // Each component of u carries one rounding (≤ u/2 relative), which turns it by at
        // most √3·u/2 rad; atan2 and the cross product add a few tenths of u more.
        expect(vec3.angleBetween(u, v)).toBeLessThanOrEqual(2 * UNIT_ROUNDOFF);
      }),
      MATH_FC_PARAMS,
    );
  });

  it('distance obeys the triangle inequality', () => {
    fc.assert(
      fc.property(vec3Km, vec3Km, vec3Km, (a, b, c) => {
        const lhs = vec3.distance(a, c);
        const rhs = vec3.distance(a, b) + vec3.distance(b, c);
        expect(lhs).toBeLessThanOrEqual(rhs * (1 + 4 * UNIT_ROUNDOFF));
      }),
      MATH_FC_PARAMS,
    );
  });
});
