/** The kernels' remainder by 2π equals the runtime's `%` (C fmod) bit for bit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fmod2pi } from '../../../src/propagation/sgp4/internal/fmod2pi';

const FC_RUNS = Number(process.env.OSMOSE_FC_RUNS ?? 200);
const TWO_PI = 2 * Math.PI;

describe('fmod2pi', () => {
  it('equals x % 2π exactly for angles SGP4 meets and beyond', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        expect(Object.is(fmod2pi(x), x % TWO_PI)).toBe(true);
      }),
      { numRuns: FC_RUNS * 50 },
    );
  });

  it('equals x % 2π next to multiples of 2π, where the quotient rounds', () => {
    for (let k = -2000; k <= 2000; k++) {
      const m = k * TWO_PI;
      for (const x of [
        m,
        m + Number.EPSILON * Math.abs(m),
        m - Number.EPSILON * Math.abs(m),
        m + 1e-300,
      ]) {
        expect(Object.is(fmod2pi(x), x % TWO_PI), `x = ${x}`).toBe(true);
      }
    }
  });
});
