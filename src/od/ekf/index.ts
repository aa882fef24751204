export type { ChiSquareConsistency } from './consistency';
export { neesConsistency, nisConsistency } from './consistency';
export type {
  KalmanEstimate,
  KalmanMeasurement,
  KalmanStepRecord,
  KalmanUpdateOptions,
  KalmanUpdateResult,
} from './kalman';
export { kalmanPredict, kalmanUpdate, rtsSmooth } from './kalman';
export type { OrbitFilterOptions, OrbitFilterResult, OrbitFilterStep } from './orbitFilter';
export { runOrbitFilter } from './orbitFilter';
export type { RtnProcessNoiseOptions } from './processNoise';
export { rtnProcessNoise } from './processNoise';
