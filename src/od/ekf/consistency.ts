import { InvalidArgumentError } from '../../errors';
import { chiSquareQuantile, invertSpdInto } from '../../math';

/** The outcome of a two-sided χ² consistency test. */
export interface ChiSquareConsistency {
  /**
   * Whether the statistic lies inside the two-sided acceptance interval; undefined when the
   * test has no degrees of freedom to stand on (see `reason`).
   */
  readonly consistent: boolean | undefined;
  /** The summed statistic (Σ NIS or Σ NEES). */
  readonly statistic: number;
  /** Its degrees of freedom. */
  readonly dof: number;
  /** The statistic divided by the number of samples (the mean NIS or NEES). */
  readonly mean: number;
  /** Lower bound of the acceptance interval for the summed statistic. */
  readonly lower: number;
  /** Upper bound. */
  readonly upper: number;
  /** A sentence saying what was tested, or why it could not be. */
  readonly reason: string;
}

/**
 * Two-sided χ² test of the normalized innovations squared of a filter run: Σ NISₖ must lie in
 * the central `probability` interval of χ²(Σ mₖ). A filter whose innovations are larger than
 * its covariance says (an unmodelled maneuver, too little process noise) fails above; one
 * with too much noise fails below.
 *
 * @param nis - NIS values of the accepted updates
 * @param dofs - their degrees of freedom (measurement dimensions), same length
 * @param probability - coverage of the acceptance interval, in (0, 1); default 0.95
 * @returns the statistic, its interval and the verdict (undefined with fewer than one dof)
 * @throws {@link InvalidArgumentError} when the lengths differ or a dof is not a positive integer
 * @see Bar-Shalom, Li & Kirubarajan (2001), §5.4.2
 *
 * @example
 * ```ts
 * nisConsistency([1.8, 2.3, 1.9, 2.1], [2, 2, 2, 2]).consistent; // true
 * ```
 */
export function nisConsistency(
  nis: readonly number[],
  dofs: readonly number[],
  probability = 0.95,
): ChiSquareConsistency {
  if (nis.length !== dofs.length) {
    throw new InvalidArgumentError(
      'dofs.length',
      dofs.length,
      '',
      `must equal nis.length (${nis.length})`,
    );
  }
  let statistic = 0;
  let dof = 0;
  for (let i = 0; i < nis.length; i++) {
    const m = dofs[i]!;
    if (!(Number.isInteger(m) && m > 0)) {
      throw new InvalidArgumentError(`dofs[${i}]`, m, '', 'must be a positive integer');
    }
    statistic += nis[i]!;
    dof += m;
  }
  return twoSided(statistic, dof, nis.length, probability, 'NIS');
}

/**
 * Two-sided χ² test of the normalized estimation error squared over Monte Carlo runs:
 * NEESᵢ = eᵢᵀ Pᵢ⁻¹ eᵢ with eᵢ the estimate minus the truth, Σ NEESᵢ ~ χ²(N·n) for a
 * consistent estimator.
 *
 * @param errors - estimation errors, one array of n per run
 * @param covariances - the estimator's covariances, n×n row-major, one per run
 * @param probability - coverage of the acceptance interval; default 0.95
 * @returns the statistic, its interval and the verdict (undefined with no runs)
 * @throws {@link InvalidArgumentError} when sizes disagree or a covariance is not positive definite
 * @see Bar-Shalom, Li & Kirubarajan (2001), §5.4.2
 *
 * @example
 * ```ts
 * neesConsistency([[1, 0], [0, -1], [1, 1]], [[1, 0, 0, 1], [1, 0, 0, 1], [1, 0, 0, 1]]).statistic; // 4
 * ```
 */
export function neesConsistency(
  errors: readonly ArrayLike<number>[],
  covariances: readonly ArrayLike<number>[],
  probability = 0.95,
): ChiSquareConsistency {
  if (errors.length !== covariances.length) {
    throw new InvalidArgumentError(
      'covariances.length',
      covariances.length,
      '',
      `must equal errors.length (${errors.length})`,
    );
  }
  let statistic = 0;
  let dof = 0;
  for (let r = 0; r < errors.length; r++) {
    const e = errors[r]!;
    const n = e.length;
    const P = covariances[r]!;
    if (P.length !== n * n) {
      throw new InvalidArgumentError(`covariances[${r}].length`, P.length, '', `must be ${n * n}`);
    }
    const Pinv = new Float64Array(n * n);
    if (!invertSpdInto(Pinv, P, n)) {
      throw new InvalidArgumentError(
        `covariances[${r}]`,
        '(matrix)',
        '',
        'is not positive definite',
      );
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Pinv[i * n + j]! * e[j]!;
      statistic += e[i]! * s;
    }
    dof += n;
  }
  return twoSided(statistic, dof, errors.length, probability, 'NEES');
}

function twoSided(
  statistic: number,
  dof: number,
  samples: number,
  probability: number,
  what: string,
): ChiSquareConsistency {
  if (!(probability > 0 && probability < 1)) {
    throw new InvalidArgumentError('probability', probability, '', 'must be in (0, 1)');
  }
  if (dof < 1) {
    return {
      consistent: undefined,
      statistic,
      dof,
      mean: Number.NaN,
      lower: Number.NaN,
      upper: Number.NaN,
      reason: `no ${what} samples: the test needs at least one degree of freedom`,
    };
  }
  const alpha = (1 - probability) / 2;
  const lower = chiSquareQuantile(alpha, dof);
  const upper = chiSquareQuantile(1 - alpha, dof);
  const consistent = statistic >= lower && statistic <= upper;
  return {
    consistent,
    statistic,
    dof,
    mean: statistic / samples,
    lower,
    upper,
    reason: `Σ ${what} = ${statistic.toPrecision(5)} over ${samples} samples, ${dof} dof: ${consistent ? 'inside' : 'outside'} the ${probability * 100} % interval [${lower.toPrecision(5)}, ${upper.toPrecision(5)}]`,
  };
}
