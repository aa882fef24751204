import { DORMAND_PRINCE_54 } from './dormandPrince54';
import { DORMAND_PRINCE_853 } from './dormandPrince853';
import { RUNGE_KUTTA_4 } from './rungeKutta4';
import { RUNGE_KUTTA_FEHLBERG_78 } from './rungeKuttaFehlberg78';
import type { Integrator } from './types';

/**
 * Every integrator of osmose, for tests and studies that run the same problem through each.
 * Order: DOP853, RKF78, DOPRI5, RK4.
 *
 * @example
 * ```ts
 * ALL_INTEGRATORS.map((m) => m.name);
 * // ['dormand-prince-853', 'runge-kutta-fehlberg-78', 'dormand-prince-54', 'runge-kutta-4']
 * ```
 */
export const ALL_INTEGRATORS: readonly Integrator[] = Object.freeze([
  DORMAND_PRINCE_853,
  RUNGE_KUTTA_FEHLBERG_78,
  DORMAND_PRINCE_54,
  RUNGE_KUTTA_4,
]);
