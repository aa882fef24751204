/**
 * Default settings of the adaptive integrators.
 *
 * @packageDocumentation
 */

/**
 * Default relative tolerance of the adaptive integrators (dimensionless).
 *
 * @example
 * ```ts
 * DEFAULT_REL_TOL; // 1e-10
 * ```
 */
export const DEFAULT_REL_TOL = 1e-10;

/**
 * Default absolute tolerance of the adaptive integrators, in each component's unit (km,
 * km/s for orbits: 0.1 µm and 0.1 µm/s).
 *
 * @example
 * ```ts
 * DEFAULT_ABS_TOL; // 1e-10
 * ```
 */
export const DEFAULT_ABS_TOL = 1e-10;

/**
 * Default step budget of a run (accepted + rejected steps), as in Hairer's codes.
 *
 * @example
 * ```ts
 * DEFAULT_MAX_STEPS; // 100000
 * ```
 */
export const DEFAULT_MAX_STEPS = 100_000;
