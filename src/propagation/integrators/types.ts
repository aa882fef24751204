/**
 * The contract between the ODE integrators and what they integrate (the numerical propagator,
 * its variational equations, tests on analytic systems).
 *
 * Time is a plain number of seconds from an origin the caller chooses (the propagator uses
 * seconds of TT since its initial epoch), so that the integrators know nothing of `Epoch`.
 */

/** A first-order system y′ = f(t, y) of `dimension` equations. */
export interface OdeSystem {
  /** Number of components of y. */
  readonly dimension: number;
  /**
   * Writes f(t, y) into `out` (length `dimension`). Must not keep `out` or `y`, nor write
   * into `y`; may be called at any t, in any order (rejected steps, dense output).
   *
   * @param out - receives dy/dt
   * @param tS - time, s from the caller's origin
   * @param y - state
   */
  derivativesInto(out: Float64Array, tS: number, y: Float64Array): void;
}

/** Settings of one integration. Every field is optional; each integrator states its defaults. */
export interface IntegrateOptions {
  /**
   * Absolute tolerance per component, in the unit of that component (km, km/s, …): one
   * number for all, or one per component. Adaptive methods only.
   */
  readonly absTol?: number | ArrayLike<number>;
  /** Relative tolerance (dimensionless). Adaptive methods only. */
  readonly relTol?: number;
  /** First step to try, s (its sign is taken from the direction of integration). */
  readonly initialStepS?: number;
  /** Smallest step magnitude allowed, s: below it the run stops with `'step-too-small'`. */
  readonly minStepS?: number;
  /** Largest step magnitude allowed, s. */
  readonly maxStepS?: number;
  /** Step budget (accepted + rejected): past it the run stops with `'max-steps'`. */
  readonly maxSteps?: number;
  /** Step of fixed-step methods, s (magnitude). */
  readonly fixedStepS?: number;
  /** Keep the dense output of every accepted step (default false). */
  readonly dense?: boolean;
  /**
   * Switching functions g(t, y): where one changes sign, f(t, y) is not smooth (a shadow
   * boundary, where the radiation pressure has a kink). An adaptive run ends a step exactly
   * at each zero and starts the next from there, so that no step straddles the kink (a step
   * that does loses the method's order and the accuracy its tolerance promises). Zeros are
   * found by sampling g along each accepted step on its cubic Hermite interpolant at most
   * {@link IntegrateOptions.maxCheckIntervalS} apart, then by bisection to a few ulps of t
   * (3e-11 s a day after the origin); a zero closer than that, or than `minStepS`, to either
   * end of a step is stepped over. A step taken back at a zero counts as rejected. Fixed-step
   * methods ignore them.
   */
  readonly switches?: readonly SwitchingFunction[];
  /**
   * Largest interval between two samples of the switching functions within a step, s
   * (default 300): a pair of zeros closer than this inside one step may go unseen.
   */
  readonly maxCheckIntervalS?: number;
}

/**
 * A function of (t, y) whose sign changes where the right-hand side of the system is not
 * smooth. It must not keep or write into `y`.
 *
 * @param tS - time, s from the caller's origin
 * @param y - state
 * @returns a number whose sign tells the side of the discontinuity
 */
export type SwitchingFunction = (tS: number, y: Float64Array) => number;

/**
 * How a run ended. Only `'ok'` means that `tS` is the requested end time; every other status
 * comes with the last time reached and the state there.
 */
export type IntegrationStatus = 'ok' | 'max-steps' | 'step-too-small' | 'non-finite';

/** The dense output of a run: y(t) anywhere inside the span covered by accepted steps. */
export interface DenseTrajectory {
  /** Number of components. */
  readonly dimension: number;
  /** Start of the covered span, s (the initial time of the run). */
  readonly t0S: number;
  /** End of the covered span, s (the time reached). */
  readonly t1S: number;
  /**
   * Writes y(t) into `out` and returns it.
   *
   * @throws {@link DataRangeError} when t is outside [min(t0S, t1S), max(t0S, t1S)]
   */
  evaluateInto(out: Float64Array, tS: number): Float64Array;
}

/** What {@link Integrator.integrate} returns. */
export interface IntegrationResult {
  /** How the run ended. */
  readonly status: IntegrationStatus;
  /** Time reached, s: the requested end time when `status` is `'ok'`. */
  readonly tS: number;
  /** State at `tS`. */
  readonly y: Float64Array;
  /** Accepted steps. */
  readonly steps: number;
  /** Rejected steps. */
  readonly rejectedSteps: number;
  /** Calls of {@link OdeSystem.derivativesInto}. */
  readonly evaluations: number;
  /** Dense output over [t0, tS], when it was asked for. */
  readonly dense: DenseTrajectory | undefined;
}

/** One integration method. Stateless: one instance may run many integrations at once. */
export interface Integrator {
  /** Short name, e.g. `'dormand-prince-853'`. */
  readonly name: string;
  /** Order of the solution that is propagated. */
  readonly order: number;
  /** Whether it controls its step from an error estimate. */
  readonly adaptive: boolean;
  /**
   * Integrates from t0 to t1 (either direction). Never throws for a numerical failure: the
   * status says it. Throws only for misuse (bad options, y0 of the wrong length).
   */
  integrate(
    system: OdeSystem,
    t0S: number,
    y0: ArrayLike<number>,
    t1S: number,
    options?: IntegrateOptions,
  ): IntegrationResult;
}
