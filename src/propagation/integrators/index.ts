export type {
  DenseTrajectory,
  IntegrateOptions,
  IntegrationResult,
  IntegrationStatus,
  Integrator,
  OdeSystem,
} from './types';
