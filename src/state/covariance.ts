import { InvalidArgumentError } from '../errors';
import { type FrameId, isFrameId } from '../frames/frameId';
import { cholesky, DEFAULT_SYMMETRY_TOL, type DenseMatrix } from '../math';
import { Epoch } from '../time/epoch';
import type { TimeScale } from '../time/scales';
import { readSquareMatrix } from './internal/squareMatrix';

/**
 * Local orbital frames a covariance can be expressed in, defined by a reference state:
 *
 * - `RTN` (also called RSW, RIC): R along the position, N along the angular momentum r × v,
 *   T = N × R (along the velocity for a circular orbit).
 * - `TNW`: T along the velocity, W along the angular momentum, N = W × T.
 */
export type LocalOrbitalFrameId = 'RTN' | 'TNW';

/** The frame of a {@link Covariance}: a {@link FrameId} or a local orbital frame. */
export type CovarianceFrame = FrameId | LocalOrbitalFrameId;

/**
 * Default largest asymmetry accepted by {@link Covariance.create}, in correlation units:
 * |Aᵢⱼ − Aⱼᵢ| ≤ tol · max(√(AᵢᵢAⱼⱼ), |Aᵢⱼ|, |Aⱼᵢ|). The same convention and value as the
 * Cholesky factorisation of math/ (DEFAULT_SYMMETRY_TOL there), so that a matrix accepted
 * here is accepted there. Products such as Φ·P·Φᵀ leave asymmetries of order 1e-15 in these
 * units; 1e-10 accepts them with a wide margin and rejects a transposed or mis-indexed matrix.
 */
export const DEFAULT_COVARIANCE_SYMMETRY_TOL = DEFAULT_SYMMETRY_TOL;

/**
 * Default tolerance of the positive semi-definiteness test, in correlation units: the matrix
 * passes when its correlation matrix R = D^(−1/2)·A·D^(−1/2) (D the diagonal of A) plus
 * tol·I has a Cholesky factor, i.e. when no eigenvalue of R is below −tol. Rounding in a
 * covariance computed in double precision moves the eigenvalues of R by about n·1e-16; 1e-10
 * keeps a wide margin above that. A covariance printed with k significant digits (a CCSDS
 * file) has R perturbed by up to about n·10^(−k): read such matrices with a larger `psdTol`
 * (1e-6 for 7 digits) or with `checkPsd: false`.
 */
export const DEFAULT_PSD_TOL = 1e-10;

/** Options of {@link Covariance.create}. */
export interface CovarianceCreateOptions {
  /**
   * Reject a matrix that is not positive semi-definite (see {@link DEFAULT_PSD_TOL}).
   * Default true. False accepts any symmetric matrix with a non-negative diagonal; the
   * rotations of state/ use false, since a congruence J·C·Jᵀ preserves semi-definiteness.
   */
  readonly checkPsd?: boolean;
  /** Tolerance of the semi-definiteness test, correlation units; default {@link DEFAULT_PSD_TOL}. */
  readonly psdTol?: number;
  /**
   * Largest asymmetry accepted, correlation units; default
   * {@link DEFAULT_COVARIANCE_SYMMETRY_TOL}.
   */
  readonly symmetryTol?: number;
}

/** What {@link Covariance.create} takes. */
export interface CovarianceInit {
  /** The instant the covariance applies at. */
  readonly epoch: Epoch;
  /** The frame of its rows. */
  readonly frame: CovarianceFrame;
  /** The n×n matrix, as rows or as a row-major {@link DenseMatrix}. */
  readonly matrix: ReadonlyArray<ArrayLike<number>> | DenseMatrix;
  /**
   * Names of the rows (distinct, non-empty). Default for n = 6: `x y z vx vy vz` in an
   * inertial or Earth-fixed frame, `r t n vr vt vn` in RTN, `t n w vt vn vw` in TNW; for
   * n = 3 the first three of those. Required for other sizes.
   */
  readonly labels?: readonly string[];
  /**
   * Unit of each row's quantity (the standard deviation's unit; the variance is in its
   * square). Default for n = 6: km ×3 then km/s ×3; for n = 3: km ×3. Required for other
   * sizes; '' marks a dimensionless quantity.
   */
  readonly units?: readonly string[];
}

/** The plain-data form of a {@link Covariance}: see {@link Covariance.toJSON}. */
export interface CovarianceJson {
  /** ISO 8601 date-time in `scale`. */
  readonly epoch: string;
  /** The time scale of `epoch` (`'TAI'` when written by {@link Covariance.toJSON}). */
  readonly scale: TimeScale;
  /** The frame of the rows. */
  readonly frame: CovarianceFrame;
  /** Row names. */
  readonly labels: readonly string[];
  /** Row units. */
  readonly units: readonly string[];
  /** The matrix, as rows; element (i, j) is in units[i]·units[j]. */
  readonly matrix: readonly (readonly number[])[];
}

/** Outcome of a positive semi-definiteness test. */
type PsdVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const INERTIAL_LABELS = ['x', 'y', 'z', 'vx', 'vy', 'vz'] as const;
const RTN_LABELS = ['r', 't', 'n', 'vr', 'vt', 'vn'] as const;
const TNW_LABELS = ['t', 'n', 'w', 'vt', 'vn', 'vw'] as const;
const STATE_UNITS = ['km', 'km', 'km', 'km/s', 'km/s', 'km/s'] as const;

/**
 * A covariance matrix: symmetric, positive semi-definite (unless created with
 * `checkPsd: false`), with its size, frame, epoch and the names and units of its rows.
 * Immutable; stored row-major in a private `Float64Array`.
 *
 * Element (i, j) is in units[i]·units[j]: a 6×6 state covariance holds km² in its position
 * block, km²/s² in its velocity block and km²/s between them.
 *
 * @example
 * ```ts
 * const c = Covariance.create({
 *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
 *   frame: 'GCRF',
 *   matrix: [
 *     [1e-2, 0, 0, 0, 0, 0],
 *     [0, 4e-2, 0, 0, 0, 0],
 *     [0, 0, 1e-2, 0, 0, 0],
 *     [0, 0, 0, 1e-8, 0, 0],
 *     [0, 0, 0, 0, 1e-8, 0],
 *     [0, 0, 0, 0, 0, 1e-8],
 *   ],
 * });
 * c.labels; // ['x', 'y', 'z', 'vx', 'vy', 'vz']
 * c.sigmas(); // ≈ [0.1, 0.2, 0.1, 0.0001, 0.0001, 0.0001]
 * ```
 */
export class Covariance {
  /** The instant it applies at. */
  readonly epoch: Epoch;
  /** The frame of its rows. */
  readonly frame: CovarianceFrame;
  /** Number of rows (and columns). */
  readonly dim: number;
  /** Names of the rows (frozen). */
  readonly labels: readonly string[];
  /** Units of the rows' quantities (frozen): element (i, j) is in units[i]·units[j]. */
  readonly units: readonly string[];
  /** Row-major elements, exactly symmetric. Never exposed. */
  readonly #data: Float64Array;

  private constructor(
    epoch: Epoch,
    frame: CovarianceFrame,
    dim: number,
    data: Float64Array,
    labels: readonly string[],
    units: readonly string[],
  ) {
    this.epoch = epoch;
    this.frame = frame;
    this.dim = dim;
    this.#data = data;
    this.labels = labels;
    this.units = units;
    Object.freeze(this);
  }

  /**
   * A covariance from its matrix. The matrix is checked for squareness, finite elements, a
   * non-negative diagonal and symmetry (within `symmetryTol`, correlation units), then
   * replaced by its exact symmetric part (A + Aᵀ)/2 and, unless `checkPsd` is false, tested
   * for positive semi-definiteness. The input is copied, never modified.
   *
   * @param init - epoch, frame, matrix, and optionally labels and units of the rows
   * @param options - `checkPsd` (default true), `psdTol`, `symmetryTol`
   * @returns the covariance
   * @throws {@link InvalidArgumentError} for an unknown frame, a non-square or non-finite
   *   matrix, a negative variance, an asymmetric element (each named with its indices and
   *   unit, e.g. `matrix[3][3] = -1e-8 (km/s)²`), missing or malformed labels or units, or a
   *   matrix that is not positive semi-definite
   * @example
   * ```ts
   * const c = Covariance.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'RTN',
   *   matrix: [[4, 1, 0], [1, 9, 0], [0, 0, 1]],
   * });
   * c.labels; // ['r', 't', 'n']
   * c.get(0, 1); // 1
   * ```
   */
  static create(init: CovarianceInit, options: CovarianceCreateOptions = {}): Covariance {
    if (init === null || typeof init !== 'object') {
      throw new InvalidArgumentError('init', init, '', 'must be an object');
    }
    const { epoch, frame } = init;
    if (!(epoch instanceof Epoch)) {
      throw new InvalidArgumentError('epoch', typeName(epoch), '', 'must be an Epoch');
    }
    if (!isCovarianceFrame(frame)) {
      throw new InvalidArgumentError('frame', frame, '', 'not a FrameId, RTN or TNW');
    }
    const symmetryTol = readTol(
      options.symmetryTol,
      'symmetryTol',
      DEFAULT_COVARIANCE_SYMMETRY_TOL,
    );
    const psdTol = readTol(options.psdTol, 'psdTol', DEFAULT_PSD_TOL);
    const checkPsd = options.checkPsd ?? true;

    // Labels and units first, so that the messages about elements can name their units.
    const dimHint = matrixRowCount(init.matrix);
    if (dimHint === undefined) readSquareMatrix(init.matrix, 'matrix'); // throws its message
    const labels = readLabels(init.labels, frame, dimHint);
    const units = readUnits(init.units, dimHint);
    const unitOf = (i: number, j: number) => elementUnit(units[i] ?? '', units[j] ?? '');
    const { n, data } = readSquareMatrix(init.matrix, 'matrix', unitOf);

    for (let i = 0; i < n; i++) {
      const aii = data[i * n + i]!;
      if (!(aii >= 0)) {
        throw new InvalidArgumentError(
          `matrix[${i}][${i}]`,
          aii,
          unitOf(i, i),
          `the variance of ${labels[i]} must be ≥ 0`,
        );
      }
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const aij = data[i * n + j]!;
        const aji = data[j * n + i]!;
        const scale = Math.max(
          Math.sqrt(data[i * n + i]! * data[j * n + j]!),
          Math.abs(aij),
          Math.abs(aji),
        );
        if (Math.abs(aij - aji) > symmetryTol * scale) {
          throw new InvalidArgumentError(
            `matrix[${i}][${j}]`,
            aij,
            unitOf(i, j),
            `differs from matrix[${j}][${i}] = ${aji} by more than ${symmetryTol} in correlation units: a covariance must be symmetric`,
          );
        }
        const mean = 0.5 * (aij + aji);
        data[i * n + j] = mean;
        data[j * n + i] = mean;
      }
    }
    if (checkPsd) {
      const verdict = testPsd(data, n, psdTol, labels);
      if (!verdict.ok) {
        throw new InvalidArgumentError(
          'matrix',
          `${n}×${n}`,
          '',
          `is not positive semi-definite: ${verdict.reason}; pass { checkPsd: false } to accept it`,
        );
      }
    }
    return new Covariance(epoch, frame, n, data, labels, units);
  }

  /**
   * Reads the plain-data form written by {@link toJSON}.
   *
   * @param json - epoch text and scale, frame, labels, units and matrix rows
   * @param options - as for {@link create}
   * @returns the covariance
   * @throws {@link TimeFormatError} for an unreadable epoch
   * @throws {@link InvalidArgumentError} as {@link create} does
   * @example
   * ```ts
   * const c = Covariance.fromJSON({
   *   epoch: '2024-03-01T00:00:37',
   *   scale: 'TAI',
   *   frame: 'TEME',
   *   labels: ['x', 'y', 'z'],
   *   units: ['km', 'km', 'km'],
   *   matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
   * });
   * c.dim; // 3
   * ```
   */
  static fromJSON(json: CovarianceJson, options: CovarianceCreateOptions = {}): Covariance {
    if (json === null || typeof json !== 'object') {
      throw new InvalidArgumentError('json', json, '', 'must be an object');
    }
    return Covariance.create(
      {
        epoch: Epoch.fromIso(json.epoch, json.scale),
        frame: json.frame,
        matrix: json.matrix,
        labels: json.labels,
        units: json.units,
      },
      options,
    );
  }

  /**
   * Element (i, j), in units[i]·units[j].
   *
   * @param i - 0-based row
   * @param j - 0-based column
   * @returns the element
   * @throws {@link InvalidArgumentError} for an index outside 0…dim−1
   * @example
   * ```ts
   * const c = Covariance.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   matrix: [[4, 1, 0], [1, 9, 0], [0, 0, 1]],
   * });
   * c.get(1, 1); // 9
   * ```
   */
  get(i: number, j: number): number {
    this.checkIndex(i, 'i');
    this.checkIndex(j, 'j');
    return this.#data[i * this.dim + j]!;
  }

  /**
   * The matrix as new rows (`number[][]`).
   *
   * @returns a fresh copy
   * @example
   * ```ts
   * const c = Covariance.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   matrix: [[4, 1], [1, 9]],
   *   labels: ['x', 'y'],
   *   units: ['km', 'km'],
   * });
   * c.toArray(); // [[4, 1], [1, 9]]
   * ```
   */
  toArray(): number[][] {
    const n = this.dim;
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) rows.push(Array.from(this.#data.subarray(i * n, (i + 1) * n)));
    return rows;
  }

  /**
   * The matrix as a new row-major `Float64Array` of dim² elements (for kernels that work on
   * typed arrays).
   *
   * @returns a fresh copy
   * @example
   * ```ts
   * const c = Covariance.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   matrix: [[4, 1], [1, 9]],
   *   labels: ['x', 'y'],
   *   units: ['km', 'km'],
   * });
   * c.toFloat64Array(); // Float64Array [4, 1, 1, 9]
   * ```
   */
  toFloat64Array(): Float64Array {
    return Float64Array.from(this.#data);
  }

  /**
   * Standard deviations: the square roots of the diagonal. Element i is in `units[i]`.
   *
   * @returns a frozen array of dim values
   * @example
   * ```ts
   * const c = Covariance.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   matrix: [[4, 1, 0], [1, 9, 0], [0, 0, 1]],
   * });
   * c.sigmas(); // [2, 3, 1]
   * c.units; // ['km', 'km', 'km']
   * ```
   */
  sigmas(): readonly number[] {
    const n = this.dim;
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(Math.sqrt(this.#data[i * n + i]!));
    return Object.freeze(out);
  }

  /**
   * The correlation matrix ρᵢⱼ = Aᵢⱼ / √(AᵢᵢAⱼⱼ) (dimensionless, 1 on the diagonal). A row
   * of zero variance is uncorrelated with every other: its off-diagonal correlations are 0
   * (a semi-definite matrix has Aᵢⱼ = 0 there anyway) and its diagonal 1.
   *
   * @returns new rows
   * @example
   * ```ts
   * const c = Covariance.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   matrix: [[4, 3, 0], [3, 9, 0], [0, 0, 1]],
   * });
   * c.correlation(); // [[1, 0.5, 0], [0.5, 1, 0], [0, 0, 1]]
   * ```
   */
  correlation(): number[][] {
    const n = this.dim;
    const s = this.sigmas();
    const rows: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row: number[] = [];
      for (let j = 0; j < n; j++) {
        if (i === j) row.push(1);
        else {
          const d = s[i]! * s[j]!;
          row.push(d > 0 ? this.#data[i * n + j]! / d : 0);
        }
      }
      rows.push(row);
    }
    return rows;
  }

  /**
   * Whether the matrix is positive semi-definite to within `psdTol`: the Cholesky
   * factorisation of its correlation matrix plus psdTol·I succeeds (no eigenvalue of the
   * correlation matrix below −psdTol). The test does not depend on the units of the rows,
   * except at the underflow threshold: each variance is taken as uncertain by dim·2⁻¹⁰²²
   * (about 1e-307 in its unit), so a row of zero variance passes when its covariances are 0
   * or of underflow size (below about 1e-159 times the other row's σ), and fails otherwise.
   *
   * @param options - `psdTol`, correlation units; default {@link DEFAULT_PSD_TOL}
   * @returns true when positive semi-definite within the tolerance
   * @throws {@link InvalidArgumentError} for a negative or non-finite `psdTol`
   * @example
   * ```ts
   * const t = Epoch.fromIso('2024-03-01T00:00:00', 'UTC');
   * const m = [[1, 2, 0], [2, 1, 0], [0, 0, 1]]; // eigenvalues 3, 1, −1
   * Covariance.create({ epoch: t, frame: 'GCRF', matrix: m }, { checkPsd: false }).isPositiveSemiDefinite(); // false
   * ```
   */
  isPositiveSemiDefinite(options: { readonly psdTol?: number } = {}): boolean {
    const tol = readTol(options.psdTol, 'psdTol', DEFAULT_PSD_TOL);
    return testPsd(this.#data, this.dim, tol, this.labels).ok;
  }

  /**
   * The covariance as plain data (what `JSON.stringify` writes): epoch in ISO 8601 TAI with
   * nanoseconds, frame, labels, units, and the matrix as rows. {@link fromJSON} reads it
   * back; the epoch survives to 0.5 ns, the elements exactly (JSON writes −0 as 0).
   *
   * @returns a new plain object
   * @example
   * ```ts
   * const c = Covariance.create({
   *   epoch: Epoch.fromIso('2024-03-01T00:00:00', 'UTC'),
   *   frame: 'GCRF',
   *   matrix: [[4, 1, 0], [1, 9, 0], [0, 0, 1]],
   * });
   * c.toJSON().epoch; // '2024-03-01T00:00:37.000000000'
   * c.toJSON().matrix; // [[4, 1, 0], [1, 9, 0], [0, 0, 1]]
   * ```
   */
  toJSON(): CovarianceJson {
    return {
      epoch: this.epoch.toIso('TAI'),
      scale: 'TAI',
      frame: this.frame,
      labels: [...this.labels],
      units: [...this.units],
      matrix: this.toArray(),
    };
  }

  /** Frame, epoch (TAI), labels and standard deviations, for debugging. */
  toString(): string {
    const s = this.sigmas();
    const parts = this.labels.map((l, i) => `σ_${l}=${s[i]} ${this.units[i]}`.trimEnd());
    return `Covariance(${this.dim}×${this.dim} ${this.frame} ${this.epoch.toString()} ${parts.join(', ')})`;
  }

  private checkIndex(k: number, name: string): void {
    if (!Number.isInteger(k) || k < 0 || k >= this.dim) {
      throw new InvalidArgumentError(name, k, '', `must be an index in 0…${this.dim - 1}`);
    }
  }
}

/**
 * The default row labels of a 3×3 (position) or 6×6 (position, velocity) covariance in a
 * frame: `x y z vx vy vz` for a {@link FrameId}, `r t n vr vt vn` for RTN, `t n w vt vn vw`
 * for TNW.
 *
 * @param frame - the frame
 * @param dim - 3 or 6
 * @returns a frozen array of `dim` labels
 * @throws {@link InvalidArgumentError} for another size or an unknown frame
 * @example
 * ```ts
 * defaultCovarianceLabels('RTN', 6); // ['r', 't', 'n', 'vr', 'vt', 'vn']
 * defaultCovarianceLabels('ITRF', 3); // ['x', 'y', 'z']
 * ```
 */
export function defaultCovarianceLabels(frame: CovarianceFrame, dim: number): readonly string[] {
  if (dim !== 3 && dim !== 6) {
    throw new InvalidArgumentError('dim', dim, '', 'default labels exist for 3 and 6 rows only');
  }
  if (!isCovarianceFrame(frame)) {
    throw new InvalidArgumentError('frame', frame, '', 'not a FrameId, RTN or TNW');
  }
  const all = frame === 'RTN' ? RTN_LABELS : frame === 'TNW' ? TNW_LABELS : INERTIAL_LABELS;
  return Object.freeze(all.slice(0, dim));
}

/**
 * Whether a value names a {@link CovarianceFrame}.
 *
 * @param value - anything
 * @returns true for a {@link FrameId}, `'RTN'` or `'TNW'`
 * @example
 * ```ts
 * isCovarianceFrame('RTN'); // true
 * isCovarianceFrame('ECI'); // false
 * ```
 */
export function isCovarianceFrame(value: unknown): value is CovarianceFrame {
  return typeof value === 'string' && (value === 'RTN' || value === 'TNW' || isFrameId(value));
}

/**
 * The labels a covariance should carry after a change of frame: when its first 6 (or 3)
 * labels are the defaults of `from`, they become the defaults of `to`; others stay.
 *
 * @internal Used by the rotations of state/.
 */
export function relabelForFrame(
  labels: readonly string[],
  from: CovarianceFrame,
  to: CovarianceFrame,
): readonly string[] {
  const k = labels.length >= 6 ? 6 : labels.length >= 3 ? 3 : 0;
  if (k === 0) return labels;
  const fromDefaults = defaultCovarianceLabels(from, k);
  for (let i = 0; i < k; i++) if (labels[i] !== fromDefaults[i]) return labels;
  return Object.freeze([...defaultCovarianceLabels(to, k), ...labels.slice(k)]);
}

// ------------------------------------------------------------------ helpers

/**
 * Smallest positive normal double, 2⁻¹⁰²²: below it a variance has lost relative precision
 * to underflow, so the semi-definiteness test counts a variance as uncertain by n times this.
 */
const MIN_NORMAL = 2 ** -1022;

/**
 * Positive semi-definiteness of a symmetric matrix with a non-negative diagonal, tested on
 * its correlation matrix plus tol·I (Cholesky). The scaling uses √(Aᵢᵢ + n·2⁻¹⁰²²), so that a
 * row whose variance is 0 (or underflowed) passes when its covariances are 0 or at underflow
 * level, and fails otherwise.
 */
function testPsd(
  data: Float64Array,
  n: number,
  tol: number,
  labels: readonly string[],
): PsdVerdict {
  const floor = n * MIN_NORMAL;
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = Math.sqrt(data[i * n + i]! + floor);
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      r[i * n + j] = data[i * n + j]! / (s[i]! * s[j]!) + (i === j ? tol : 0);
    }
  }
  const f = cholesky({ rows: n, cols: n, data: r });
  if (f.ok) return { ok: true };
  const k = f.pivotIndex;
  // The usual cause when a variance is 0: a covariance that should be 0 with it.
  let why = '';
  for (let j = 0; j <= k; j++) {
    const other = j === k ? -1 : k;
    if (data[j * n + j] === 0 && (other < 0 || data[j * n + other] !== 0)) {
      why = `: ${labels[j]} has zero variance but a non-zero covariance`;
      break;
    }
  }
  return {
    ok: false,
    reason: `the correlation matrix + ${tol}·I has Cholesky pivot ${k} (${labels[k]}) = ${f.pivotValue}${why}`,
  };
}

function matrixRowCount(m: unknown): number | undefined {
  if (Array.isArray(m)) return m.length;
  if (m !== null && typeof m === 'object' && typeof (m as DenseMatrix).rows === 'number') {
    return (m as DenseMatrix).rows;
  }
  return undefined;
}

function readLabels(
  labels: readonly string[] | undefined,
  frame: CovarianceFrame,
  n: number | undefined,
): readonly string[] {
  if (labels === undefined) {
    if (n === 3 || n === 6) return defaultCovarianceLabels(frame, n);
    throw new InvalidArgumentError(
      'labels',
      labels,
      '',
      `are required for a ${n}×${n} matrix (defaults exist for 3×3 and 6×6)`,
    );
  }
  if (!Array.isArray(labels) || labels.length !== n) {
    throw new InvalidArgumentError(
      'labels',
      Array.isArray(labels) ? `${labels.length} labels` : labels,
      '',
      `must be an array of ${n} strings, one per row`,
    );
  }
  const seen = new Set<string>();
  labels.forEach((l, i) => {
    if (typeof l !== 'string' || l === '') {
      throw new InvalidArgumentError(`labels[${i}]`, l, '', 'must be a non-empty string');
    }
    if (seen.has(l)) throw new InvalidArgumentError(`labels[${i}]`, l, '', 'appears twice');
    seen.add(l);
  });
  return Object.freeze([...labels]);
}

function readUnits(units: readonly string[] | undefined, n: number | undefined): readonly string[] {
  if (units === undefined) {
    if (n === 6) return Object.freeze([...STATE_UNITS]);
    if (n === 3) return Object.freeze(STATE_UNITS.slice(0, 3));
    throw new InvalidArgumentError(
      'units',
      units,
      '',
      `are required for a ${n}×${n} matrix (defaults exist for 3×3 and 6×6)`,
    );
  }
  if (!Array.isArray(units) || units.length !== n) {
    throw new InvalidArgumentError(
      'units',
      Array.isArray(units) ? `${units.length} units` : units,
      '',
      `must be an array of ${n} strings, one per row ('' for a dimensionless row)`,
    );
  }
  units.forEach((u, i) => {
    if (typeof u !== 'string') {
      throw new InvalidArgumentError(`units[${i}]`, u, '', 'must be a string');
    }
  });
  return Object.freeze([...units]);
}

/** Unit of element (i, j): the square of a row unit on the diagonal, the product elsewhere. */
function elementUnit(a: string, b: string): string {
  if (a === b) return a === '' ? '' : /^[\w]+$/.test(a) ? `${a}²` : `(${a})²`;
  if (a === '') return b;
  if (b === '') return a;
  return `${a}·${b}`;
}

function readTol(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new InvalidArgumentError(
      name,
      value,
      '',
      'must be a finite number ≥ 0 (correlation units)',
    );
  }
  return value;
}

function typeName(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return Object.prototype.toString.call(value);
}
