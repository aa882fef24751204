export { DEFAULT_ABS_TOL, DEFAULT_MAX_STEPS, DEFAULT_REL_TOL } from './defaults';
export { DORMAND_PRINCE_54 } from './dormandPrince54';
export { DORMAND_PRINCE_853 } from './dormandPrince853';
export { ALL_INTEGRATORS } from './registry';
export { RUNGE_KUTTA_4 } from './rungeKutta4';
export { RUNGE_KUTTA_FEHLBERG_78 } from './rungeKuttaFehlberg78';
export type {
  DenseTrajectory,
  IntegrateOptions,
  IntegrationResult,
  IntegrationStatus,
  Integrator,
  OdeSystem,
  SwitchingFunction,
} from './types';
