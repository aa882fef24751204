/**
 * Evaluation of an SPK type 3 record (NAIF "SPK Required Reading", §Type 3: Chebyshev,
 * position and velocity). Each of the six components has its own Chebyshev series Σ cₖ Tₖ(s);
 * the velocity comes from its own coefficients, not from differentiating the position.
 *
 * @packageDocumentation
 */
import { type ChebyshevSegment, chebyshevRecordOffset } from './chebyshevSegment';

/**
 * Adds `sign` times the state of a type 3 segment at an instant to `out`.
 *
 * @param out - accumulator `[x, y, z, vx, vy, vz]`, km and km/s; elements 0…5 are updated
 * @param sign - +1 to add the state, −1 to subtract it
 * @param segment - a type 3 segment
 * @param wholeS - TDB seconds past J2000, whole part (or the whole value)
 * @param fractionS - TDB seconds past J2000, fraction
 * @returns nothing; `out` holds the sum
 * @example
 * ```ts
 * // degree 0: constant position [1, 2, 3] km and velocity [4, 5, 6] km/s
 * const data = new Float64Array([50, 50, 1, 2, 3, 4, 5, 6, 0, 100, 8, 1]);
 * const segment = readChebyshevSegment(data, 3, 'test.bsp', 'summary 1');
 * const out = [0, 0, 0, 0, 0, 0];
 * addChebyshevType3StateInto(out, -1, segment, 10, 0);
 * out; // [-1, -2, -3, -4, -5, -6]
 * ```
 */
export function addChebyshevType3StateInto(
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
  const i0 = base + 2;
  let x = data[i0]!;
  let y = data[i0 + n]!;
  let z = data[i0 + 2 * n]!;
  let vx = data[i0 + 3 * n]!;
  let vy = data[i0 + 4 * n]!;
  let vz = data[i0 + 5 * n]!;
  const twoS = s + s;
  let tPrevious = 1;
  let t = s;
  for (let k = 1; k < n; k++) {
    if (k > 1) {
      const tNext = twoS * t - tPrevious;
      tPrevious = t;
      t = tNext;
    }
    x += data[i0 + k]! * t;
    y += data[i0 + n + k]! * t;
    z += data[i0 + 2 * n + k]! * t;
    vx += data[i0 + 3 * n + k]! * t;
    vy += data[i0 + 4 * n + k]! * t;
    vz += data[i0 + 5 * n + k]! * t;
  }
  out[0]! += sign * x;
  out[1]! += sign * y;
  out[2]! += sign * z;
  out[3]! += sign * vx;
  out[4]! += sign * vy;
  out[5]! += sign * vz;
}
