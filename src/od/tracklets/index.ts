/**
 * Tracklets: consecutive RA/Dec measurements of one sensor grouped in time, and their
 * attributables (α, δ, α̇, δ̇ with covariance) from a weighted polynomial fit.
 *
 * @packageDocumentation
 */
export type { Attributable, FitAttributableOptions } from './attributable';
export { fitAttributable, QUADRATIC_MIN_POINTS } from './attributable';
export type { GroupTrackletsOptions, GroupTrackletsResult, Tracklet } from './groupTracklets';
export { groupTracklets } from './groupTracklets';
