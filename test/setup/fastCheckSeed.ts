/**
 * fast-check's seed from OSMOSE_FC_SEED when it is set (CI sets one, so that every CI run
 * checks the same cases); otherwise each run draws a new seed and explores new cases, and a
 * failure prints the seed and path that reproduce it.
 */
import fc from 'fast-check';

const seed = process.env.OSMOSE_FC_SEED;
if (seed !== undefined && seed !== '') {
  const value = Number(seed);
  if (!Number.isInteger(value)) throw new Error(`OSMOSE_FC_SEED = ${seed} is not an integer`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: value });
}
