/**
 * TDB − TT by the Fairhead & Bretagnon (1990) series, for callers who need the offset itself
 * (for example to evaluate a planetary theory at TDB from a TT argument). {@link Epoch}
 * applies it whenever TDB or TCB is asked for.
 */
export { tdbMinusTtGeocentricS, tdbMinusTtS } from './internal/dtdb';
