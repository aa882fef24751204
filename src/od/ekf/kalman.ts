/**
 * The linear-algebra steps of an extended Kalman filter and its Rauch–Tung–Striebel smoother,
 * on plain row-major arrays: prediction through a transition matrix with process noise, the
 * measurement update (Joseph form, several measurement components at once) with an innovation
 * gate, and the backward smoothing pass.
 *
 * The orbit-determination filter builds on these with a propagator (for the state and its
 * transition matrix) and measurement models (for residuals and partials).
 */
import { InvalidArgumentError } from '../../errors';
import { chiSquareQuantile, invertSpdInto, multiplySmall } from '../../math';

/** A state estimate and its covariance. Arrays are row-major; nothing here mutates them. */
export interface KalmanEstimate {
  /** State, length n, in the caller's units. */
  readonly x: Float64Array;
  /** Covariance, n×n row-major, in those units squared. */
  readonly P: Float64Array;
}

/** A measurement update's inputs, linearised at the predicted state. */
export interface KalmanMeasurement {
  /** Innovation z − h(x̂⁻), length m, in the measurement's units (angles wrapped by the caller). */
  readonly residual: ArrayLike<number>;
  /** ∂h/∂x at x̂⁻, m×n row-major. */
  readonly H: ArrayLike<number>;
  /** Measurement noise covariance, m×m row-major (diagonal σ² for independent components). */
  readonly R: ArrayLike<number>;
}

/** Settings of {@link kalmanUpdate}. */
export interface KalmanUpdateOptions {
  /**
   * Innovation gate: the update is rejected when the normalized innovation squared exceeds the
   * χ²(m) quantile of this probability. Default 0.9999 (about 4σ for one component); `1`
   * turns the gate off.
   */
  readonly gateProbability?: number;
  /**
   * The gate's threshold on the NIS, when the caller has computed it (the χ²(m) quantile of
   * `gateProbability`, which costs more than a small update): it then replaces
   * `gateProbability`.
   */
  readonly gateThreshold?: number;
}

/** What {@link kalmanUpdate} returns. */
export interface KalmanUpdateResult extends KalmanEstimate {
  /** Whether the measurement passed the gate and was used. When false, x and P are the prior's. */
  readonly accepted: boolean;
  /** Normalized innovation squared νᵀS⁻¹ν (dimensionless), χ²(m) for a consistent filter. */
  readonly nis: number;
  /** Its degrees of freedom, m. */
  readonly dof: number;
  /** The gate's threshold on the NIS (Infinity when the gate is off). */
  readonly gateThreshold: number;
  /** Innovation covariance S = H P Hᵀ + R, m×m row-major. */
  readonly innovationCovariance: Float64Array;
}

/** One step of a filter run, as the smoother needs it. */
export interface KalmanStepRecord {
  /** Transition matrix from the previous step's epoch to this one, n×n (identity for the first). */
  readonly phi: Float64Array;
  /** Predicted estimate at this step (before its measurements). */
  readonly predicted: KalmanEstimate;
  /** Updated estimate at this step (after its measurements; equal to `predicted` if none). */
  readonly updated: KalmanEstimate;
}

/**
 * Propagates an estimate: x⁻ = Φ x (or the caller's nonlinear propagation, passed as `x`),
 * P⁻ = Φ P Φᵀ + Q, symmetrised.
 *
 * @param estimate - x and P at the previous epoch
 * @param phi - transition matrix Φ (n×n row-major)
 * @param Q - process noise covariance (n×n row-major), or undefined for none
 * @param propagatedX - the propagated state when it comes from a nonlinear propagator (EKF);
 *   default Φ·x (linear filter)
 * @returns the predicted estimate
 * @throws {@link InvalidArgumentError} when sizes disagree
 *
 * @example
 * ```ts
 * // Constant velocity, 1 s step: position gains the velocity, variances grow.
 * const p = kalmanPredict(
 *   { x: Float64Array.of(0, 1), P: Float64Array.of(1, 0, 0, 1) },
 *   Float64Array.of(1, 1, 0, 1),
 *   undefined,
 * );
 * p.x[0]; // 1
 * p.P[0]; // 2
 * ```
 */
export function kalmanPredict(
  estimate: KalmanEstimate,
  phi: ArrayLike<number>,
  Q: ArrayLike<number> | undefined,
  propagatedX?: ArrayLike<number>,
): KalmanEstimate {
  const n = estimate.x.length;
  checkSquare('P', estimate.P, n);
  checkSquare('phi', phi, n);
  if (Q !== undefined) checkSquare('Q', Q, n);
  let x: Float64Array;
  if (propagatedX !== undefined) {
    if (propagatedX.length !== n) {
      throw new InvalidArgumentError('propagatedX.length', propagatedX.length, '', `must be ${n}`);
    }
    x = Float64Array.from(propagatedX);
  } else {
    x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += phi[i * n + k]! * estimate.x[k]!;
      x[i] = s;
    }
  }
  const PhiP = multiplySmall(phi, n, n, estimate.P, n);
  const P = multiplyTransposeB(PhiP, n, n, phi, n);
  if (Q !== undefined) for (let k = 0; k < n * n; k++) P[k] = P[k]! + Q[k]!;
  symmetrizeInPlace(P, n);
  return { x, P };
}

/**
 * The measurement update of a Kalman filter, all components at once: S = HPHᵀ + R,
 * K = PHᵀS⁻¹, x⁺ = x⁻ + Kν, and the Joseph form P⁺ = (I − KH)P(I − KH)ᵀ + KRKᵀ, which keeps
 * P symmetric positive semi-definite under rounding. The update is refused (and the prior
 * returned) when the NIS exceeds the gate, or when S is not positive definite.
 *
 * @param prior - predicted estimate x⁻, P⁻
 * @param measurement - innovation ν, partials H and noise R
 * @param options - innovation gate
 * @returns the updated estimate, whether it was accepted, the NIS and S
 * @throws {@link InvalidArgumentError} when sizes disagree
 * @see Bar-Shalom, Li & Kirubarajan, Estimation with Applications to Tracking and Navigation
 *   (2001), §5.2 and §5.4 (NIS); Bucy & Joseph (1968) for the covariance form
 *
 * @example
 * ```ts
 * // A scalar measured with σ = 1 from a prior of variance 1: the variance halves.
 * const u = kalmanUpdate(
 *   { x: Float64Array.of(0), P: Float64Array.of(1) },
 *   { residual: [2], H: [1], R: [1] },
 * );
 * u.x[0]; // 1
 * u.P[0]; // 0.5
 * u.nis; // 2
 * ```
 */
export function kalmanUpdate(
  prior: KalmanEstimate,
  measurement: KalmanMeasurement,
  options: KalmanUpdateOptions = {},
): KalmanUpdateResult {
  const n = prior.x.length;
  const m = measurement.residual.length;
  checkSquare('P', prior.P, n);
  if (measurement.H.length !== m * n) {
    throw new InvalidArgumentError('H.length', measurement.H.length, '', `must be ${m} × ${n}`);
  }
  checkSquare('R', measurement.R, m);
  const gateProbability = options.gateProbability ?? 0.9999;
  if (!(gateProbability > 0 && gateProbability <= 1)) {
    throw new InvalidArgumentError('gateProbability', gateProbability, '', 'must be in (0, 1]');
  }
  const H = measurement.H;
  const PHt = multiplyTransposeB(prior.P, n, n, H, m); // n×m
  const S = multiplySmall(H, m, n, PHt, m); // m×m
  for (let k = 0; k < m * m; k++) S[k] = S[k]! + measurement.R[k]!;
  symmetrizeInPlace(S, m);
  if (options.gateThreshold !== undefined && !(options.gateThreshold > 0)) {
    throw new InvalidArgumentError('gateThreshold', options.gateThreshold, '', 'must be > 0');
  }
  const gateThreshold =
    options.gateThreshold ??
    (gateProbability === 1 ? Number.POSITIVE_INFINITY : chiSquareQuantile(gateProbability, m));
  const Sinv = invertSpd(S, m);
  if (Sinv === undefined) {
    return {
      x: prior.x,
      P: prior.P,
      accepted: false,
      nis: Number.NaN,
      dof: m,
      gateThreshold,
      innovationCovariance: S,
    };
  }
  const nu = Float64Array.from(measurement.residual);
  let nis = 0;
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += Sinv[i * m + j]! * nu[j]!;
    nis += nu[i]! * s;
  }
  if (!(nis <= gateThreshold)) {
    return {
      x: prior.x,
      P: prior.P,
      accepted: false,
      nis,
      dof: m,
      gateThreshold,
      innovationCovariance: S,
    };
  }
  const K = multiplySmall(PHt, n, m, Sinv, m); // n×m
  const x = Float64Array.from(prior.x);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < m; j++) s += K[i * m + j]! * nu[j]!;
    x[i] = x[i]! + s;
  }
  // Joseph form.
  const IKH = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += K[i * m + k]! * H[k * n + j]!;
      IKH[i * n + j] = (i === j ? 1 : 0) - s;
    }
  }
  const A = multiplySmall(IKH, n, n, prior.P, n);
  const P = multiplyTransposeB(A, n, n, IKH, n);
  const KR = multiplySmall(K, n, m, measurement.R, m);
  const KRKt = multiplyTransposeB(KR, n, m, K, n);
  for (let k = 0; k < n * n; k++) P[k] = P[k]! + KRKt[k]!;
  symmetrizeInPlace(P, n);
  return { x, P, accepted: true, nis, dof: m, gateThreshold, innovationCovariance: S };
}

/**
 * The Rauch–Tung–Striebel fixed-interval smoother over the records of a forward filter run:
 * from the last step backwards, C = P⁺ₖ Φₖ₊₁ᵀ (P⁻ₖ₊₁)⁻¹, x̂ₖ = x⁺ₖ + C (x̂ₖ₊₁ − x⁻ₖ₊₁),
 * Pₖ = P⁺ₖ + C (Pₖ₊₁ − P⁻ₖ₊₁) Cᵀ.
 *
 * @param records - the filter's steps in time order; `phi` of step k+1 maps step k to k+1
 * @returns the smoothed estimates, one per record, in the same order
 * @throws {@link InvalidArgumentError} when a predicted covariance is not positive definite
 * @see Rauch, Tung & Striebel (1965), AIAA J. 3, 1445; Tapley, Schutz & Born (2004), §5.4
 *
 * @example
 * ```ts
 * const step = (x: number, p: number) => ({ x: Float64Array.of(x), P: Float64Array.of(p) });
 * const smoothed = rtsSmooth([
 *   { phi: Float64Array.of(1), predicted: step(0, 4), updated: step(0, 2) },
 *   { phi: Float64Array.of(1), predicted: step(0, 3), updated: step(1, 1) },
 * ]);
 * smoothed[0]!.x[0]; // ≈ 0.6666666666666666 (the later measurement pulls the first step)
 * ```
 */
export function rtsSmooth(records: readonly KalmanStepRecord[]): KalmanEstimate[] {
  const count = records.length;
  if (count === 0) return [];
  const n = records[0]!.updated.x.length;
  const out: KalmanEstimate[] = new Array(count);
  out[count - 1] = records[count - 1]!.updated;
  for (let k = count - 2; k >= 0; k--) {
    const current = records[k]!.updated;
    const nextRecord = records[k + 1]!;
    const predictedInverse = invertSpd(nextRecord.predicted.P, n);
    if (predictedInverse === undefined) {
      throw new InvalidArgumentError(
        `records[${k + 1}].predicted.P`,
        '(matrix)',
        '',
        'is not positive definite: the smoother gain cannot be formed',
      );
    }
    const PPhiT = multiplyTransposeB(current.P, n, n, nextRecord.phi, n);
    const C = multiplySmall(PPhiT, n, n, predictedInverse, n);
    const smoothedNext = out[k + 1]!;
    const dx = new Float64Array(n);
    for (let i = 0; i < n; i++) dx[i] = smoothedNext.x[i]! - nextRecord.predicted.x[i]!;
    const x = Float64Array.from(current.x);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += C[i * n + j]! * dx[j]!;
      x[i] = x[i]! + s;
    }
    const dP = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) dP[i] = smoothedNext.P[i]! - nextRecord.predicted.P[i]!;
    const CdP = multiplySmall(C, n, n, dP, n);
    const correction = multiplyTransposeB(CdP, n, n, C, n);
    const P = Float64Array.from(current.P);
    for (let i = 0; i < n * n; i++) P[i] = P[i]! + correction[i]!;
    symmetrizeInPlace(P, n);
    out[k] = { x, P };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A·Bᵀ for the small matrices of the steps (A·B is `multiplySmall` of the math kernels).

/** A (r×c) · Bᵀ where B is k×c → r×k. */
function multiplyTransposeB(
  A: ArrayLike<number>,
  r: number,
  c: number,
  B: ArrayLike<number>,
  k: number,
): Float64Array {
  const out = new Float64Array(r * k);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let p = 0; p < c; p++) s += A[i * c + p]! * B[j * c + p]!;
      out[i * k + j] = s;
    }
  }
  return out;
}

function symmetrizeInPlace(M: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * (M[i * n + j]! + M[j * n + i]!);
      M[i * n + j] = v;
      M[j * n + i] = v;
    }
  }
}

/** Inverse of a symmetric positive-definite matrix (new array); undefined when it is not. */
function invertSpd(A: ArrayLike<number>, n: number): Float64Array | undefined {
  const out = new Float64Array(n * n);
  return invertSpdInto(out, A, n) ? out : undefined;
}

function checkSquare(name: string, M: ArrayLike<number>, n: number): void {
  if (M.length !== n * n) {
    throw new InvalidArgumentError(
      `${name}.length`,
      M.length,
      '',
      `must be ${n} × ${n} = ${n * n}`,
    );
  }
}
