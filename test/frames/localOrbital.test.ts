import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import {
  LOCAL_ORBITAL_FRAME_TYPES,
  type LocalOrbitalFrameType,
  localOrbitalRotation,
  lvlhRotation,
  rtnRotation,
  tnwRotation,
} from '../../src/frames/localOrbital';
import { type Mat3, mat3, type Vec3, vec3 } from '../../src/math';
import { FC_PARAMS } from '../arbitraries';

/**
 * Orthonormality and determinant: the axes are unit vectors and cross products of unit
 * vectors, each rounded a few times (a few ulp of 1 = 2.2e-16).
 */
const ORTHONORMAL_TOL = 1e-15;

/**
 * Axis directions on the analytic circular orbits: sines and cosines of the orbit angles
 * rounded a few times, compared with the same expressions built independently.
 */
const AXIS_TOL = 1e-15;

/**
 * Components of r and h in the local frame that must vanish, relative to |r| or |h|. A unit
 * vector computed from r differs from r/|r| by a few ulp; the Gram–Schmidt step keeps the
 * momentum axis orthogonal to r̂ (or v̂) to the same level even for nearly radial velocities.
 */
const ZERO_COMPONENT_REL_TOL = 1e-15;

/** Rows of a matrix. */
const rowsOf = (m: Mat3): [Vec3, Vec3, Vec3] => [
  [m[0], m[1], m[2]],
  [m[3], m[4], m[5]],
  [m[6], m[7], m[8]],
];

function expectAxis(actual: Vec3, expected: Vec3, what: string): void {
  expect(vec3.distance(actual, expected), what).toBeLessThanOrEqual(AXIS_TOL);
}

/**
 * A circular orbit of radius rKm, inclination i, right ascension of the ascending node Ω, at
 * argument of latitude u: position, velocity and the unit vectors r̂, v̂ (along-track) and ĥ
 * from the rotation R3(−Ω) R1(−i) R3(−u) of the orbit plane, written out by hand.
 */
function circular(rKm: number, incRad: number, raanRad: number, uRad: number) {
  const cO = Math.cos(raanRad);
  const sO = Math.sin(raanRad);
  const ci = Math.cos(incRad);
  const si = Math.sin(incRad);
  const cu = Math.cos(uRad);
  const su = Math.sin(uRad);
  const rHat: Vec3 = [cO * cu - sO * su * ci, sO * cu + cO * su * ci, su * si];
  const tHat: Vec3 = [-cO * su - sO * cu * ci, -sO * su + cO * cu * ci, cu * si];
  const hHat: Vec3 = [sO * si, -cO * si, ci];
  const speed = Math.sqrt(398600.4418 / rKm);
  return {
    r: vec3.scale(rHat, rKm),
    v: vec3.scale(tHat, speed),
    rHat,
    tHat,
    hHat,
  };
}

/** A state with a well-defined orbital plane, anywhere from LEO to beyond GEO. */
const stateArb = fc
  .tuple(
    fc.tuple(
      fc.double({ min: -1e5, max: 1e5, noNaN: true }),
      fc.double({ min: -1e5, max: 1e5, noNaN: true }),
      fc.double({ min: -1e5, max: 1e5, noNaN: true }),
    ),
    fc.tuple(
      fc.double({ min: -12, max: 12, noNaN: true }),
      fc.double({ min: -12, max: 12, noNaN: true }),
      fc.double({ min: -12, max: 12, noNaN: true }),
    ),
  )
  .filter(([r, v]) => {
    const rn = vec3.norm(r);
    const vn = vec3.norm(v);
    // At least 1 km and 1 m/s, and v at least 1e-9 rad off the radial direction.
    return rn > 1 && vn > 1e-3 && vec3.norm(vec3.cross(r, v)) > 1e-9 * rn * vn;
  });

describe('local orbital frames on circular orbits', () => {
  const orbits = [
    circular(7000, 0, 0, 0),
    circular(6878, 0.9, 1.2, 2.5),
    circular(42164, 0.001, -2.0, 4.0),
    circular(26560, 1.0, 3.0, -1.0),
  ];

  it('RTN has rows r̂, along-track and ĥ (RSW of Vallado)', () => {
    for (const o of orbits) {
      const [r, t, n] = rowsOf(rtnRotation(o.r, o.v));
      expectAxis(r, o.rHat, 'R');
      expectAxis(t, o.tHat, 'T');
      expectAxis(n, o.hHat, 'N');
    }
  });

  it('TNW has rows along-track, −r̂ and ĥ (Orekit TNW, CCSDS TNW)', () => {
    for (const o of orbits) {
      const [t, n, w] = rowsOf(tnwRotation(o.r, o.v));
      expectAxis(t, o.tHat, 'T');
      expectAxis(n, vec3.negate(o.rHat), 'N');
      expectAxis(w, o.hHat, 'W');
    }
  });

  it('LVLH has rows along-track, −ĥ and −r̂ (CCSDS LVLH, Orekit LVLH_CCSDS)', () => {
    for (const o of orbits) {
      const [x, y, z] = rowsOf(lvlhRotation(o.r, o.v));
      expectAxis(x, o.tHat, 'X');
      expectAxis(y, vec3.negate(o.hHat), 'Y');
      expectAxis(z, vec3.negate(o.rHat), 'Z');
    }
  });

  it('maps the position and velocity of the orbit to the expected local components', () => {
    const o = circular(6878, 0.9, 1.2, 2.5);
    const rKm = vec3.norm(o.r);
    const vKmS = vec3.norm(o.v);
    const rtnR = mat3.multiplyVec(rtnRotation(o.r, o.v), o.r);
    expect(vec3.distance(rtnR, [rKm, 0, 0])).toBeLessThanOrEqual(1e-15 * rKm * 4);
    const tnwV = mat3.multiplyVec(tnwRotation(o.r, o.v), o.v);
    expect(vec3.distance(tnwV, [vKmS, 0, 0])).toBeLessThanOrEqual(1e-15 * vKmS * 4);
    const lvlhR = mat3.multiplyVec(lvlhRotation(o.r, o.v), o.r);
    expect(vec3.distance(lvlhR, [0, 0, -rKm])).toBeLessThanOrEqual(1e-15 * rKm * 4);
  });
});

describe('local orbital frames on any state (fast-check)', () => {
  it('are proper rotations, orthonormal to 1e-15', () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom(...LOCAL_ORBITAL_FRAME_TYPES), ([r, v], type) => {
        const m = localOrbitalRotation(type, r, v);
        return (
          mat3.orthonormalityError(m) <= ORTHONORMAL_TOL &&
          Math.abs(mat3.determinant(m) - 1) <= ORTHONORMAL_TOL
        );
      }),
      FC_PARAMS,
    );
  });

  it('put r, v and h = r × v on the axes their definitions name', () => {
    fc.assert(
      fc.property(stateArb, ([r, v]) => {
        const h = vec3.cross(r, v);
        const rn = vec3.norm(r);
        const hn = vec3.norm(h);
        const small = (x: number, scale: number) => Math.abs(x) <= ZERO_COMPONENT_REL_TOL * scale;
        const rtn = rtnRotation(r, v);
        const rR = mat3.multiplyVec(rtn, r);
        const hR = mat3.multiplyVec(rtn, h);
        const tnw = tnwRotation(r, v);
        const vT = mat3.multiplyVec(tnw, v);
        const hT = mat3.multiplyVec(tnw, h);
        const lvlh = lvlhRotation(r, v);
        const rL = mat3.multiplyVec(lvlh, r);
        const hL = mat3.multiplyVec(lvlh, h);
        const vn = vec3.norm(v);
        return (
          // RTN: r along +R, h along +N, and v has a positive T component (prograde).
          rR[0] > 0 &&
          small(rR[1], rn) &&
          small(rR[2], rn) &&
          hR[2] > 0 &&
          small(hR[0], 4 * hn) &&
          small(hR[1], 4 * hn) &&
          mat3.multiplyVec(rtn, v)[1] > 0 &&
          // TNW: v along +T, h along +W.
          vT[0] > 0 &&
          small(vT[1], vn) &&
          small(vT[2], vn) &&
          hT[2] > 0 &&
          // LVLH: r along −Z, h along −Y.
          rL[2] < 0 &&
          small(rL[0], rn) &&
          small(rL[1], rn) &&
          hL[1] < 0
        );
      }),
      FC_PARAMS,
    );
  });

  it('dispatches localOrbitalRotation to the function of each type', () => {
    const r: Vec3 = [7000, -1200, 300];
    const v: Vec3 = [1.1, 7.3, 0.4];
    const direct: Record<LocalOrbitalFrameType, Mat3> = {
      RTN: rtnRotation(r, v),
      TNW: tnwRotation(r, v),
      LVLH: lvlhRotation(r, v),
    };
    expect(LOCAL_ORBITAL_FRAME_TYPES).toEqual(['RTN', 'TNW', 'LVLH']);
    for (const type of LOCAL_ORBITAL_FRAME_TYPES) {
      expect(localOrbitalRotation(type, r, v)).toEqual(direct[type]);
    }
  });

  it('stays orthonormal when the velocity is nearly radial', () => {
    const r: Vec3 = [7000, 1, 0];
    const v: Vec3 = [7.5, 1e-9 + 7.5 / 7000, 1e-12];
    for (const type of LOCAL_ORBITAL_FRAME_TYPES) {
      expect(mat3.orthonormalityError(localOrbitalRotation(type, r, v))).toBeLessThanOrEqual(
        ORTHONORMAL_TOL,
      );
    }
  });

  it('rejects states that define no orbital plane', () => {
    expect(() => rtnRotation([0, 0, 0], [1, 0, 0])).toThrow(InvalidArgumentError);
    expect(() => rtnRotation([7000, 0, 0], [7, 0, 0])).toThrow(/r × v = 0/);
    expect(() => tnwRotation([7000, 0, 0], [0, 0, 0])).toThrow(InvalidArgumentError);
    expect(() => lvlhRotation([7000, 0, 0], [Number.NaN, 1, 0])).toThrow(InvalidArgumentError);
    expect(() =>
      localOrbitalRotation('QSW' as LocalOrbitalFrameType, [7000, 0, 0], [0, 7, 0]),
    ).toThrow(InvalidArgumentError);
  });
});
