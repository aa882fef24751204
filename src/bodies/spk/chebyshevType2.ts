/**
 * Evaluation of an SPK type 2 record (NAIF "SPK Required Reading", §Type 2: Chebyshev,
 * position only). Position is the Chebyshev sum Σ cₖ Tₖ(s) of each coordinate; velocity is
 * its time derivative Σ cₖ T′ₖ(s) / RADIUS, with the recurrences Tₖ = 2s Tₖ₋₁ − Tₖ₋₂ and
 * T′ₖ = 2 Tₖ₋₁ + 2s T′ₖ₋₁ − T′ₖ₋₂.
 *
 * @packageDocumentation
 */
import { type ChebyshevSegment, chebyshevRecordOffset } from './chebyshevSegment';

/**
 * Adds `sign` times the state of a type 2 segment at an instant to `out` (position in the
 * segment's unit, km for SPK; velocity in that unit per second).
 *
 * @param out - accumulator `[x, y, z, vx, vy, vz]`, km and km/s; elements 0…5 are updated
 * @param sign - +1 to add the state, −1 to subtract it
 * @param segment - a type 2 segment
 * @param wholeS - TDB seconds past J2000, whole part (or the whole value)
 * @param fractionS - TDB seconds past J2000, fraction
 * @returns nothing; `out` holds the sum
 * @example
 * ```ts
 * // x(t) = 1 + 2 s, y = 3 + 4 s, z = 5 + 6 s on one record centred at 50 s, radius 50 s
 * const data = new Float64Array([50, 50, 1, 2, 3, 4, 5, 6, 0, 100, 8, 1]);
 * const segment = readChebyshevSegment(data, 2, 'test.bsp', 'summary 1');
 * const out = [0, 0, 0, 0, 0, 0];
 * addChebyshevType2StateInto(out, 1, segment, 75, 0);
 * out; // [2, 5, 8, 0.04, 0.08, 0.12]
 * ```
 */
export function addChebyshevType2StateInto(
  out: number[] | Float64Array,
  sign: number,
  segment: ChebyshevSegment,
  wholeS: number,
  fractionS: number,
): void {
  const data = segment.data;
  const n = segment.coefficientCount;
  const base = chebyshevRecordOffset(segment, wholeS, fractionS);
  const mid = data[base]!;
  const radius = data[base + 1]!;
  const s = (wholeS - mid + fractionS) / radius;
  const ix = base + 2;
  const iy = ix + n;
  const iz = iy + n;
  let x = data[ix]!;
  let y = data[iy]!;
  let z = data[iz]!;
  let vx = 0;
  let vy = 0;
  let vz = 0;
  if (n > 1) {
    x += data[ix + 1]! * s;
    y += data[iy + 1]! * s;
    z += data[iz + 1]! * s;
    vx = data[ix + 1]!;
    vy = data[iy + 1]!;
    vz = data[iz + 1]!;
    const twoS = s + s;
    let t0 = 1;
    let t1 = s;
    let d0 = 0;
    let d1 = 1;
    for (let k = 2; k < n; k++) {
      const t2 = twoS * t1 - t0;
      const d2 = twoS * d1 - d0 + t1 + t1;
      x += data[ix + k]! * t2;
      y += data[iy + k]! * t2;
      z += data[iz + k]! * t2;
      vx += data[ix + k]! * d2;
      vy += data[iy + k]! * d2;
      vz += data[iz + k]! * d2;
      t0 = t1;
      t1 = t2;
      d0 = d1;
      d1 = d2;
    }
  }
  const rate = sign / radius;
  out[0]! += sign * x;
  out[1]! += sign * y;
  out[2]! += sign * z;
  out[3]! += rate * vx;
  out[4]! += rate * vy;
  out[5]! += rate * vz;
}
