import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameMismatchError, InvalidArgumentError } from '../../src/errors';
import { type Mat3, mat3, vec3 } from '../../src/math';
import { Covariance } from '../../src/state/covariance';
import {
  covarianceFromLocalOrbital,
  covarianceToLocalOrbital,
  type LocalOrbitalVelocity,
} from '../../src/state/localOrbitalCovariance';
import { stateTransformJacobian } from '../../src/state/stateTransformJacobian';
import { StateVector } from '../../src/state/stateVector';
import { Epoch } from '../../src/time/epoch';
import {
  expectMatricesClose,
  jacobianPadding,
  mul,
  orbitState,
  outerTolerance,
  psdStateMatrix,
  STATE_FC_PARAMS,
  sigmaScale,
  tr,
  UNDERFLOW_TOL,
  UNIT_ROUNDOFF,
} from './arbitraries';

const T0 = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');

/** GEO radius, km, and circular speed √(μ/a) with μ = 398600.4418 km³/s² (EGM96), km/s. */
const A_KM = 42164;
const V_KMS = Math.sqrt(398600.4418 / A_KM);

/** RTN standard deviations used by the hand-computed cases: km, then km/s. */
const SIGMA_R = 0.1;
const SIGMA_T = 1;
const SIGMA_N = 0.2;
const SIGMA_VR = 2e-5;
const SIGMA_VT = 1e-5;
const SIGMA_VN = 3e-5;

/**
 * Hand-computed cases: each expected element is a sum of at most three products of sines and
 * cosines (correct to 1 ulp) with variances ≤ 1 km²; the computed values carry a few more
 * roundings. 1e-15 km² is about 9 units of the last place of 1 km².
 */
const HAND_POS_TOL_KM2 = 1e-15;
/** The same for the velocity block, whose variances are ≤ 9e-10 km²/s²: 9e-10 × 9 u. */
const HAND_VEL_TOL_KM2S2 = 1e-24;
/** The position–velocity block (ω·σ² ≤ 1.5e-4 km²/s): 1e-19 km²/s. */
const HAND_CROSS_TOL_KM2S = 1e-19;

/**
 * The round trip to a local frame and back, relative to bᵢ·bⱼ with b = |J⁻¹|·|J|·σ (see
 * sigmaScale): two congruences of 6×6 matrices round by about 2·γ₃₆ ≈ 8e-15 (Higham,
 * Accuracy and Stability, §3.5), and the computed inverse differs from the exact one by the
 * non-orthogonality of the axes (a few u); 1e-12, the relative tolerance asked of the round
 * trip, leaves a margin of about 100.
 */
const ROUND_TRIP_REL_TOL = 1e-12;

function rtnDiagonal(): number[][] {
  const d = [SIGMA_R, SIGMA_T, SIGMA_N, SIGMA_VR, SIGMA_VT, SIGMA_VN].map((s) => s * s);
  return d.map((v, i) => d.map((_, j) => (i === j ? v : 0)));
}

/** The state at argument of latitude θ on the circular equatorial GEO orbit, GCRF. */
function equatorial(thetaRad: number): StateVector {
  const c = Math.cos(thetaRad);
  const s = Math.sin(thetaRad);
  return StateVector.create({
    epoch: T0,
    frame: 'GCRF',
    positionKm: [A_KM * c, A_KM * s, 0],
    velocityKmS: [-V_KMS * s, V_KMS * c, 0],
  });
}

/** Tolerances per element of a 6×6 state covariance, by block. */
function handTolerances(): Float64Array {
  const t = new Float64Array(36);
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      t[6 * i + j] =
        i < 3 && j < 3
          ? HAND_POS_TOL_KM2
          : i >= 3 && j >= 3
            ? HAND_VEL_TOL_KM2S2
            : HAND_CROSS_TOL_KM2S;
    }
  }
  return t;
}

/** [ω×] for ω = (r × v)/|r|², 1/s. */
function skewOmega(s: StateVector): Mat3 {
  const h = vec3.cross(s.positionKm, s.velocityKmS);
  const r2 = vec3.normSquared(s.positionKm);
  const w = [h[0] / r2, h[1] / r2, h[2] / r2];
  return [0, -w[2]!, w[1]!, w[2]!, 0, -w[0]!, -w[1]!, w[0]!, 0];
}

/**
 * An elementwise bound on |J| for J = [[M, 0], [−M·[ω×], M]] ('to') or on |J⁻¹| for
 * J⁻¹ = [[Mᵀ, 0], [[ω×]·Mᵀ, Mᵀ]] ('from'), as computed here or in frames/: the products are
 * formed from absolute values (so that cancellation in M·[ω×] does not hide the size of the
 * terms that round) and padded by {@link jacobianPadding}.
 */
function absJacobianBound(M: Mat3, W: Mat3, direction: 'to' | 'from'): Float64Array {
  const absM = M.map(Math.abs) as unknown as Mat3;
  const absW = W.map(Math.abs) as unknown as Mat3;
  const w = Math.hypot(W[7], W[2], W[3]);
  const J =
    direction === 'to'
      ? stateTransformJacobian(absM, mat3.multiply(absM, absW))
      : stateTransformJacobian(mat3.transpose(absM), mat3.multiply(absW, mat3.transpose(absM)));
  const pad = jacobianPadding(w);
  return J.data.map((x, k) => x + pad[k]!);
}

/** |ω| = |r × v|/|r|², rad/s. */
function omegaNorm(s: StateVector): number {
  return vec3.norm(vec3.cross(s.positionKm, s.velocityKmS)) / vec3.normSquared(s.positionKm);
}

/** RTN axes computed here from their definition, as rows. */
function rtnAxes(s: StateVector): Mat3 {
  const R = vec3.normalize(s.positionKm);
  const N = vec3.normalize(vec3.cross(s.positionKm, s.velocityKmS));
  return mat3.fromRows(R, vec3.cross(N, R), N);
}

describe('covarianceFromLocalOrbital on a circular equatorial orbit', () => {
  it('is the identity where R = x̂, T = ŷ, N = ẑ', () => {
    const ref = equatorial(0);
    const c = Covariance.create({ epoch: T0, frame: 'RTN', matrix: rtnDiagonal() });
    const g = covarianceFromLocalOrbital(c, ref);
    expect(g.frame).toBe('GCRF');
    expect(g.labels).toEqual(['x', 'y', 'z', 'vx', 'vy', 'vz']);
    expectMatricesClose(
      g.toFloat64Array(),
      Float64Array.from(rtnDiagonal().flat()),
      handTolerances(),
      6,
      'θ = 0',
    );
  });

  it('turns a diagonal RTN covariance into the hand-computed inertial one at θ = 30°', () => {
    const th = Math.PI / 6;
    const c = Math.cos(th);
    const s = Math.sin(th);
    const cov = Covariance.create({ epoch: T0, frame: 'RTN', matrix: rtnDiagonal() });
    const g = covarianceFromLocalOrbital(cov, equatorial(th));
    // R = (c, s, 0), T = (−s, c, 0): x = c·δR − s·δT, y = s·δR + c·δT, z = δN.
    const block = (a2: number, b2: number, n2: number) => [
      [c * c * a2 + s * s * b2, c * s * (a2 - b2), 0],
      [c * s * (a2 - b2), s * s * a2 + c * c * b2, 0],
      [0, 0, n2],
    ];
    const p = block(SIGMA_R ** 2, SIGMA_T ** 2, SIGMA_N ** 2);
    const v = block(SIGMA_VR ** 2, SIGMA_VT ** 2, SIGMA_VN ** 2);
    const expected = [
      [...p[0]!, 0, 0, 0],
      [...p[1]!, 0, 0, 0],
      [...p[2]!, 0, 0, 0],
      [0, 0, 0, ...v[0]!],
      [0, 0, 0, ...v[1]!],
      [0, 0, 0, ...v[2]!],
    ];
    expectMatricesClose(
      g.toFloat64Array(),
      Float64Array.from(expected.flat()),
      handTolerances(),
      6,
      'θ = 30°',
    );
  });

  it('adds ω × δr to the velocity with the rotating-frame option, as computed by hand', () => {
    const w = V_KMS / A_KM; // rad/s
    const cov = Covariance.create({ epoch: T0, frame: 'RTN', matrix: rtnDiagonal() });
    const g = covarianceFromLocalOrbital(cov, equatorial(0), { velocity: 'rotatingFrame' });
    // δv = δv_RTN + ω ẑ × δr = (δvR − ω·δT, δvT + ω·δR, δvN) at θ = 0.
    const r2 = SIGMA_R ** 2;
    const t2 = SIGMA_T ** 2;
    const expected = [
      [r2, 0, 0, 0, w * r2, 0],
      [0, t2, 0, -w * t2, 0, 0],
      [0, 0, SIGMA_N ** 2, 0, 0, 0],
      [0, -w * t2, 0, SIGMA_VR ** 2 + w * w * t2, 0, 0],
      [w * r2, 0, 0, 0, SIGMA_VT ** 2 + w * w * r2, 0],
      [0, 0, 0, 0, 0, SIGMA_VN ** 2],
    ];
    expectMatricesClose(
      g.toFloat64Array(),
      Float64Array.from(expected.flat()),
      handTolerances(),
      6,
      'rotating frame',
    );
  });
});

describe('covarianceToLocalOrbital', () => {
  it('puts a position uncertainty along r̂ entirely on R, and one along v̂ entirely on T of TNW', () => {
    // 1 km² variance: û·ûᵀ is 1 within 3u on its trace, the frame's axes are unit within 3u,
    // and the congruence rounds by γ₁₂ times |M|·|C|·|M|ᵀ ≤ 3 km²: about 42u in all.
    const POS_TOL_KM2 = 48 * UNIT_ROUNDOFF;
    fc.assert(
      fc.property(orbitState, (ref) => {
        for (const [frame, axis] of [
          ['RTN', ref.positionKm],
          ['TNW', ref.velocityKmS],
        ] as const) {
          const u = vec3.normalize(axis);
          const m = [0, 1, 2, 3, 4, 5].map((i) =>
            [0, 1, 2, 3, 4, 5].map((j) => (i < 3 && j < 3 ? u[i]! * u[j]! : i === j ? 1e-8 : 0)),
          );
          const c = Covariance.create({ epoch: ref.epoch, frame: ref.frame, matrix: m });
          const l = covarianceToLocalOrbital(c, ref, { frame });
          expect(l.frame).toBe(frame);
          expect(Math.abs(l.get(0, 0) - 1)).toBeLessThanOrEqual(POS_TOL_KM2);
          for (const [i, j] of [
            [1, 1],
            [2, 2],
            [0, 1],
            [0, 2],
            [1, 2],
          ]) {
            expect(Math.abs(l.get(i!, j!))).toBeLessThanOrEqual(POS_TOL_KM2);
          }
        }
      }),
      STATE_FC_PARAMS,
    );
  });

  it('uses the Jacobian [[M, 0], [−M·[ω×], M]] with the rotating-frame option', () => {
    // Both sides round by at most γ₁₂ of bᵢ·bⱼ (sums of 6·6 products bounded by it): 4·γ₁₂.
    const TOL_REL = (4 * 12 * UNIT_ROUNDOFF) / (1 - 12 * UNIT_ROUNDOFF);
    fc.assert(
      fc.property(orbitState, psdStateMatrix, (ref, m) => {
        const c = Covariance.create({ epoch: ref.epoch, frame: ref.frame, matrix: m });
        const got = covarianceToLocalOrbital(c, ref, { velocity: 'rotatingFrame' });
        const M = rtnAxes(ref);
        const J = stateTransformJacobian(
          M,
          mat3.multiply(
            M,
            skewOmega(ref).map((x) => -x),
          ),
        ).data;
        const C = c.toFloat64Array();
        const expected = mul(mul(J, C, 6), tr(J, 6), 6);
        // J here and in frames/ differ by up to ΔJ (jacobianPadding), which changes element
        // (i, j) by up to pᵢ·bⱼ + bᵢ·pⱼ with p = ΔJ·σ; both round by γ₁₂ of bᵢ·bⱼ on top.
        const w = omegaNorm(ref);
        const b = sigmaScale(absJacobianBound(M, skewOmega(ref), 'to'), c.sigmas(), 6);
        const p = sigmaScale(jacobianPadding(w), c.sigmas(), 6);
        const tol = outerTolerance(b, TOL_REL, 2 * UNDERFLOW_TOL).map(
          (t, k) => t + p[Math.floor(k / 6)]! * b[k % 6]! + b[Math.floor(k / 6)]! * p[k % 6]!,
        );
        expectMatricesClose(got.toFloat64Array(), expected, tol, 6, 'rotating RTN');
      }),
      STATE_FC_PARAMS,
    );
  });

  const cases: readonly (readonly ['RTN' | 'TNW', LocalOrbitalVelocity])[] = [
    ['RTN', 'blockwise'],
    ['RTN', 'rotatingFrame'],
    ['TNW', 'blockwise'],
  ];
  for (const [frame, velocity] of cases) {
    it(`round-trips ${frame} (${velocity}) within a relative 1e-12`, () => {
      let worst = 0;
      fc.assert(
        fc.property(orbitState, psdStateMatrix, (ref, m) => {
          const c = Covariance.create({ epoch: ref.epoch, frame: ref.frame, matrix: m });
          const local = covarianceToLocalOrbital(c, ref, { frame, velocity });
          expect(local.frame).toBe(frame);
          const back = covarianceFromLocalOrbital(local, ref, { velocity });
          expect(back.frame).toBe(ref.frame);
          expect(back.labels).toEqual(c.labels);
          // The scale of every value the arithmetic goes through: b = |J⁻¹|·|J|·σ.
          const M = frame === 'RTN' ? rtnAxes(ref) : tnwAxes(ref);
          const W =
            velocity === 'rotatingFrame' ? skewOmega(ref) : ([0, 0, 0, 0, 0, 0, 0, 0, 0] as Mat3);
          const absJ = absJacobianBound(M, W, 'to');
          const absJi = absJacobianBound(M, W, 'from');
          const C = c.toFloat64Array();
          const b = sigmaScale(mul(absJi, absJ, 6), c.sigmas(), 6);
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
  }

  it('keeps the result symmetric and positive semi-definite', () => {
    fc.assert(
      fc.property(orbitState, psdStateMatrix, fc.boolean(), (ref, m, rotating) => {
        const c = Covariance.create({ epoch: ref.epoch, frame: ref.frame, matrix: m });
        const l = covarianceToLocalOrbital(c, ref, {
          velocity: rotating ? 'rotatingFrame' : 'blockwise',
        });
        for (let i = 0; i < 6; i++)
          for (let j = 0; j < i; j++) expect(l.get(i, j)).toBe(l.get(j, i));
        expect(l.isPositiveSemiDefinite()).toBe(true);
      }),
      STATE_FC_PARAMS,
    );
  });

  it('handles a 3×3 position covariance and leaves extra parameter rows in place', () => {
    const ref = equatorial(Math.PI / 2); // R = ŷ, T = −x̂, N = ẑ
    const c3 = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: [
        [1, 0, 0],
        [0, 4, 0],
        [0, 0, 9],
      ],
    });
    const l3 = covarianceToLocalOrbital(c3, ref);
    expect(l3.labels).toEqual(['r', 't', 'n']);
    // cos(π/2) ≈ 6e-17 leaves terms of 6e-17 × 4 km² at most.
    const QUARTER_TURN_TOL_KM2 = 1e-15;
    expectMatricesClose(
      l3.toFloat64Array(),
      [4, 0, 0, 0, 1, 0, 0, 0, 9],
      QUARTER_TURN_TOL_KM2,
      3,
      'RTN of 3×3',
    );

    const n = 7;
    const m = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 1 : (i === 6) !== (j === 6) ? 0.1 : 0)),
    );
    const c7 = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: m,
      labels: ['x', 'y', 'z', 'vx', 'vy', 'vz', 'cd'],
      units: ['km', 'km', 'km', 'km/s', 'km/s', 'km/s', ''],
    });
    const l7 = covarianceToLocalOrbital(c7, ref);
    expect(l7.labels).toEqual(['r', 't', 'n', 'vr', 'vt', 'vn', 'cd']);
    expect(l7.get(6, 6)).toBe(1);
    // The cd column turns like a vector: (0.1, 0.1, 0.1) → R = y, T = −x, N = z.
    const COLUMN_TOL = 1e-16;
    const expectedColumn = [0.1, -0.1, 0.1, 0.1, -0.1, 0.1];
    for (let i = 0; i < 6; i++) {
      expect(Math.abs(l7.get(i, 6) - expectedColumn[i]!)).toBeLessThanOrEqual(COLUMN_TOL);
    }
  });
});

describe('local orbital covariance errors', () => {
  const ref = equatorial(0);
  const gcrf = Covariance.create({ epoch: T0, frame: 'GCRF', matrix: rtnDiagonal() });
  const rtn = Covariance.create({ epoch: T0, frame: 'RTN', matrix: rtnDiagonal() });

  it('throws FrameMismatchError when the covariance is not in the reference frame', () => {
    const teme = Covariance.create({ epoch: T0, frame: 'TEME', matrix: rtnDiagonal() });
    expect(() => covarianceToLocalOrbital(teme, ref)).toThrow(FrameMismatchError);
    expect(() => covarianceFromLocalOrbital(gcrf, ref)).toThrow(FrameMismatchError);
  });

  it('names both epochs when the covariance and the reference state disagree', () => {
    const later = Covariance.create({
      epoch: T0.plusSeconds(1),
      frame: 'GCRF',
      matrix: rtnDiagonal(),
    });
    expect(() => covarianceToLocalOrbital(later, ref)).toThrow(
      'cov.epoch = "2024-03-01T00:00:38.000000000 TAI": differs from 2024-03-01T00:00:37.000000000 TAI by 1 s',
    );
    expect(covarianceToLocalOrbital(later, ref, { epochToleranceS: 2 }).frame).toBe('RTN');
  });

  it('refuses an Earth-fixed reference, a rotating TNW, and sizes it cannot split', () => {
    const itrfRef = StateVector.create({ ...ref, frame: 'ITRF' });
    const itrf = Covariance.create({ epoch: T0, frame: 'ITRF', matrix: rtnDiagonal() });
    expect(() => covarianceToLocalOrbital(itrf, itrfRef)).toThrow('reference.frame = "ITRF"');
    expect(() =>
      covarianceToLocalOrbital(gcrf, ref, { frame: 'TNW', velocity: 'rotatingFrame' }),
    ).toThrow(InvalidArgumentError);
    const c4 = Covariance.create({
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
    expect(() => covarianceToLocalOrbital(c4, ref)).toThrow('cov.dim = 4');
    const c3 = Covariance.create({
      epoch: T0,
      frame: 'GCRF',
      matrix: [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    });
    expect(() => covarianceToLocalOrbital(c3, ref, { velocity: 'rotatingFrame' })).toThrow(
      'cov.dim = 3',
    );
  });

  it('refuses a reference whose velocity is parallel to its position', () => {
    const radial = StateVector.create({
      epoch: T0,
      frame: 'GCRF',
      positionKm: [7000, 0, 0],
      velocityKmS: [3, 0, 0],
    });
    expect(() => covarianceToLocalOrbital(gcrf, radial)).toThrow(InvalidArgumentError);
  });

  it('does not modify its inputs', () => {
    const before = JSON.stringify([rtn, ref]);
    covarianceFromLocalOrbital(rtn, ref, { velocity: 'rotatingFrame' });
    covarianceToLocalOrbital(gcrf, ref);
    expect(JSON.stringify([rtn, ref])).toBe(before);
  });
});

/** TNW axes computed here from their definition, as rows. */
function tnwAxes(s: StateVector): Mat3 {
  const T = vec3.normalize(s.velocityKmS);
  const W = vec3.normalize(vec3.cross(s.positionKm, s.velocityKmS));
  return mat3.fromRows(T, vec3.cross(W, T), W);
}
