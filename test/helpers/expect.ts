import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tolS, printing the difference in seconds. */
export function expectCloseS(actual: number, expected: number, tolS: number, what = ''): void {
  const diff = Math.abs(actual - expected);
  if (!(diff <= tolS)) {
    expect.fail(
      `${what} differs by ${diff.toExponential(3)} s (tolerance ${tolS} s): ${actual} vs ${expected}`,
    );
  }
}

/**
 * Asserts two two-part dates (days) agree within tolS seconds: the parts are subtracted
 * separately so that no digit is lost.
 */
export function expectTwoPartCloseS(
  actual: readonly [number, number],
  expected: readonly [number, number],
  tolS: number,
  what = '',
): void {
  const diffS = (actual[0] - expected[0] + (actual[1] - expected[1])) * 86400;
  if (!(Math.abs(diffS) <= tolS)) {
    expect.fail(
      `${what} differs by ${diffS.toExponential(3)} s (tolerance ${tolS} s): [${actual}] vs [${expected}]`,
    );
  }
}
