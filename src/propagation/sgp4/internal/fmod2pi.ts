/**
 * x mod 2π with the result of C's fmod(x, 2π) bit for bit (sign of x, |r| < 2π), without the
 * runtime's generic floating-point remainder. 2π (the double) is split into a high part of 26
 * significant bits and an exact low part, so that k·hi and k·lo are exact for |k| < 2^26 and
 * both subtractions are exact (Sterbenz); the quotient's rounding is corrected by one step.
 * Beyond |x| ≈ 4e8 rad it falls back to `%`.
 */
const TWO_PI = 2 * Math.PI;
/** 2π with its 27 lowest significand bits cleared. */
const HI = 6.283185243606567;
/** 2π − HI, exact. */
const LO = TWO_PI - HI;
const LIMIT = 4e8;

export function fmod2pi(x: number): number {
  if (!(Math.abs(x) < LIMIT)) return x % TWO_PI;
  let k = Math.trunc(x / TWO_PI);
  let r = x - k * HI - k * LO;
  if (x >= 0) {
    if (r < 0) {
      k -= 1;
      r = x - k * HI - k * LO;
    } else if (r >= TWO_PI) {
      k += 1;
      r = x - k * HI - k * LO;
    }
  } else if (r > 0) {
    k += 1;
    r = x - k * HI - k * LO;
  } else if (r <= -TWO_PI) {
    k -= 1;
    r = x - k * HI - k * LO;
  }
  // fmod keeps the sign of x on an exact multiple (−0 for negative x).
  return r === 0 ? x * 0 : r;
}
