export type { KeplerStatus } from './keplerUniversal';
export { keplerPropagateInto } from './keplerUniversal';
export type { PropagateKeplerOptions } from './propagateKepler';
export { propagateKepler } from './propagateKepler';
