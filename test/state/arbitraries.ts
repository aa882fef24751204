/**
 * fast-check arbitraries and shared helpers of the state/ tests.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { FRAME_IDS, type FrameId } from '../../src/frames/frameId';
import { type Mat3, mat3 } from '../../src/math';
import { Covariance } from '../../src/state/covariance';
import { StateVector } from '../../src/state/stateVector';
import { Epoch } from '../../src/time/epoch';
import { mjdParts1972To2100 } from '../arbitraries';

/** Number of runs of every state property; fixed so that CI does the same work each time. */
export const STATE_PROPERTY_RUNS = Number(process.env.OSMOSE_FC_RUNS ?? 200);

/** fast-check parameters: fixed run count; fast-check prints the seed and path on failure. */
export const STATE_FC_PARAMS = { numRuns: STATE_PROPERTY_RUNS, verbose: 1 } as const;

/** Unit roundoff of IEEE double precision, u = 2⁻⁵³. */
export const UNIT_ROUNDOFF = 2 ** -53;

/**
 * Absolute error that underflow adds to a 6×6 product such as J·C·Jᵀ: each of its 72
 * operations may lose up to the smallest subnormal, 2⁻¹⁰⁷⁴ (Higham, Accuracy and Stability
 * of Numerical Algorithms, 2nd ed., §2.1). Matters only for elements near 1e-320.
 */
export const UNDERFLOW_TOL = 72 * Number.MIN_VALUE;

/** An instant between 1972 and 2100 (a TAI MJD and a fraction of day). */
export const epoch: fc.Arbitrary<Epoch> = mjdParts1972To2100.map(([d, f]) =>
  Epoch.fromMjd(d, f, 'TAI'),
);

/** Any {@link FrameId}. */
export const frameId: fc.Arbitrary<FrameId> = fc.constantFrom(...FRAME_IDS);

/** A position component, km, within ±1e5 km (beyond GEO). */
export const positionComponentKm = fc.double({ min: -1e5, max: 1e5, noNaN: true });

/** A velocity component, km/s, within ±12 km/s. */
export const velocityComponentKmS = fc.double({ min: -12, max: 12, noNaN: true });

/** A triple of position components, km. */
export const positionKm = fc.tuple(positionComponentKm, positionComponentKm, positionComponentKm);

/** A triple of velocity components, km/s. */
export const velocityKmS = fc.tuple(
  velocityComponentKmS,
  velocityComponentKmS,
  velocityComponentKmS,
);

/** Any state in any frame. */
export const stateVector: fc.Arbitrary<StateVector> = fc
  .record({ epoch, frame: frameId, positionKm, velocityKmS })
  .map((init) => StateVector.create(init));

/**
 * An angle in rad in [−4π, 4π]; below 1e-100 rad it becomes 0, so that no rotation element
 * is subnormal (products of subnormals escape relative error bounds).
 */
export const angleRad = fc
  .double({ min: -4 * Math.PI, max: 4 * Math.PI, noNaN: true })
  .map((a) => (Math.abs(a) < 1e-100 ? 0 : a));

/** A rotation R3(a)·R2(b)·R1(c) from three random angles. */
export const rotation: fc.Arbitrary<Mat3> = fc
  .tuple(angleRad, angleRad, angleRad)
  .map(([a, b, c]) =>
    mat3.multiply(mat3.rotationZ(a), mat3.multiply(mat3.rotationY(b), mat3.rotationX(c))),
  );

/** A unit vector from two angles (uniform in longitude, any latitude). */
const unitVector = fc
  .tuple(
    fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
    fc.double({ min: -1, max: 1, noNaN: true }),
  )
  .map(([lon, sinLat]) => {
    const cosLat = Math.sqrt(1 - sinLat * sinLat);
    // Components below 1e-100 become 0, so that no product formed by the tests reaches the
    // subnormal range, where relative error bounds no longer hold.
    return [cosLat * Math.cos(lon), cosLat * Math.sin(lon), sinLat].map((x) =>
      Math.abs(x) < 1e-100 ? 0 : x,
    ) as unknown as readonly [number, number, number];
  });

/**
 * A reference state of an Earth orbit in an inertial frame: radius 6500…50,000 km, speed
 * 1…10 km/s, with the velocity at least 6° away from the radial direction (so that the orbit
 * plane, and with it RTN and TNW, is well defined).
 */
export const orbitState: fc.Arbitrary<StateVector> = fc
  .record({
    epoch,
    frame: fc.constantFrom<FrameId>('GCRF', 'EME2000', 'TEME', 'TOD', 'MOD', 'CIRS'),
    rHat: unitVector,
    vHat: unitVector,
    radiusKm: fc.double({ min: 6500, max: 50_000, noNaN: true }),
    speedKmS: fc.double({ min: 1, max: 10, noNaN: true }),
  })
  .filter(({ rHat, vHat }) => {
    const cx = rHat[1] * vHat[2] - rHat[2] * vHat[1];
    const cy = rHat[2] * vHat[0] - rHat[0] * vHat[2];
    const cz = rHat[0] * vHat[1] - rHat[1] * vHat[0];
    return Math.hypot(cx, cy, cz) > 0.1;
  })
  .map(({ epoch: t, frame, rHat, vHat, radiusKm, speedKmS }) =>
    StateVector.create({
      epoch: t,
      frame,
      positionKm: rHat.map((x) => x * radiusKm),
      velocityKmS: vHat.map((x) => x * speedKmS),
    }),
  );

/**
 * A 6×6 positive semi-definite matrix S·A·Aᵀ·S of rank 1…6: A is 6×k with elements in
 * [−1, 1] (exact zeros frequent), S scales the position rows by 1e-3…10 km and the velocity
 * rows by 1e-6…1e-2 km/s, each row by up to a further decade either way.
 */
export const psdStateMatrix: fc.Arbitrary<number[][]> = fc
  .record({
    k: fc.integer({ min: 1, max: 6 }),
    elements: fc.array(
      fc.double({ min: -1, max: 1, noNaN: true }).map((x) => (Math.abs(x) < 1e-6 ? 0 : x)),
      { minLength: 36, maxLength: 36 },
    ),
    posScaleExp: fc.double({ min: -3, max: 1, noNaN: true }),
    velScaleExp: fc.double({ min: -6, max: -2, noNaN: true }),
    rowExp: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
      minLength: 6,
      maxLength: 6,
    }),
  })
  .map(({ k, elements, posScaleExp, velScaleExp, rowExp }) => {
    const s = rowExp.map((e, i) => 10 ** ((i < 3 ? posScaleExp : velScaleExp) + e));
    const m: number[][] = [];
    for (let i = 0; i < 6; i++) {
      const row: number[] = [];
      for (let j = 0; j < 6; j++) {
        let acc = 0;
        for (let p = 0; p < k; p++) acc += elements[i * 6 + p]! * elements[j * 6 + p]!;
        row.push(s[i]! * acc * s[j]!);
      }
      m.push(row);
    }
    return m;
  });

/** A 6×6 state covariance in an inertial frame at some epoch. */
export function stateCovariance(frame: FrameId = 'GCRF'): fc.Arbitrary<Covariance> {
  return fc
    .tuple(epoch, psdStateMatrix)
    .map(([t, matrix]) => Covariance.create({ epoch: t, frame, matrix }));
}

/** Elementwise absolute value of a row-major n×n matrix. */
export function absMatrix(a: ArrayLike<number>): Float64Array {
  return Float64Array.from(a, Math.abs);
}

/**
 * How far apart two computations of the same 6×6 Jacobian [[M, 0], [−M·[ω×], M]] of local
 * orbital axes (here and in frames/) may be, elementwise: 64u on the diagonal blocks and
 * 64u·|ω| (ω in rad/s) on the lower-left block. They differ in every element, exact zeros
 * included: the normal r × v/|r × v| carries about 2u/sin∠(r, v) of relative error, at most
 * 20u for the states of {@link orbitState} (sin ≥ 0.1), T or N inherits it, and each element
 * of M·[ω×] adds two products (2u·|ω|); 64u covers that with a margin.
 */
export function jacobianPadding(omegaRadS: number): Float64Array {
  const out = new Float64Array(36);
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      const pad = i < 3 && j >= 3 ? 0 : i >= 3 && j < 3 ? omegaRadS : 1;
      out[6 * i + j] = 64 * UNIT_ROUNDOFF * pad;
    }
  }
  return out;
}

/**
 * b = A·σ for a non-negative n×n matrix A (typically |J| or |J⁻¹|·|J|) and the standard
 * deviations σ of a covariance C. Since |C_kl| ≤ σ_k·σ_l for a semi-definite C, every term of
 * element (i, j) of A·|C|·Aᵀ, and so every intermediate value the rounding can act on, is
 * bounded by bᵢ·bⱼ: a rank-one scale that does not vanish where an element happens to be 0.
 */
export function sigmaScale(
  A: ArrayLike<number>,
  sigma: ArrayLike<number>,
  n: number,
): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += A[i * n + k]! * sigma[k]!;
    out[i] = s;
  }
  return out;
}

/** The n×n matrix rel·bᵢ·bⱼ + abs, row-major: tolerances from {@link sigmaScale}. */
export function outerTolerance(b: ArrayLike<number>, rel: number, abs: number): Float64Array {
  const n = b.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) out[i * n + j] = rel * b[i]! * b[j]! + abs;
  return out;
}

/** Product of two row-major n×n matrices, computed plainly (test reference). */
export function mul(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k]! * b[k * n + j]!;
      out[i * n + j] = s;
    }
  }
  return out;
}

/** Transpose of a row-major n×n matrix. */
export function tr(a: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = a[i * n + j]!;
  return out;
}

/**
 * Asserts that two n×n matrices agree elementwise within tol[i][j] (row-major), reporting the
 * worst element and returning the largest ratio |difference| / tolerance seen.
 */
export function expectMatricesClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: ArrayLike<number> | number,
  n: number,
  what = '',
): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      const t = typeof tol === 'number' ? tol : tol[k]!;
      const d = Math.abs(actual[k]! - expected[k]!);
      if (!(d <= t)) {
        expect.fail(
          `${what} element (${i}, ${j}) differs by ${d.toExponential(3)} (tolerance ${t.toExponential(3)}): ${actual[k]} vs ${expected[k]}`,
        );
      }
      if (t > 0) worst = Math.max(worst, d / t);
    }
  }
  return worst;
}
