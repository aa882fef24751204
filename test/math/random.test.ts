import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors';
import { SeededRandom } from '../../src/math';

/**
 * First ten outputs of xoshiro128** 1.1 from the state words {1, 2, 3, 4}, as published in the
 * `reference` test of the Rust crate rand_xoshiro (rust-random/rngs,
 * rand_xoshiro/src/xoshiro128starstar.rs), produced there with Blackman & Vigna's reference
 * xoshiro128starstar.c. Facts restated as data.
 */
const PUBLISHED_1234 = [
  11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597,
  4258142804,
];

interface ReferenceCase {
  readonly seed?: number | string;
  readonly state: [number, number, number, number];
  readonly nextUint32: number[];
  readonly nextFloat: number[];
  readonly nextIntBounds: number[];
  readonly nextInt: number[];
  readonly nextGaussian: number[];
}

interface ReferenceFile {
  readonly fromWords: ReferenceCase[];
  readonly numberSeeds: ReferenceCase[];
  readonly stringSeeds: ReferenceCase[];
}

/** Output of scripts/reference/xoshiro/xoshiro_reference.c (see the README beside it). */
const REFERENCE: ReferenceFile = JSON.parse(
  readFileSync(new URL('../reference/xoshiro/reference-output.json', import.meta.url), 'utf8'),
);

/**
 * Gaussian deviates of the C reference go through glibc's log, ours through V8's Math.log;
 * both are within 1 ulp but may round differently, and sqrt/division are correctly rounded in
 * both, so the results may differ by a few ulp: 1e-15 relative is about 4.5 ulp.
 */
const GAUSSIAN_REL_TOL = 1e-15;

/** Number of draws of the statistical tests. */
const N_STAT = 100_000;
/** Width, in standard errors, of the acceptance band of the moment tests. */
const SIGMA_BAND = 5;
/**
 * Kolmogorov–Smirnov critical value at significance 0.001 for large N: 1.9495/√N (asymptotic
 * Kolmogorov distribution, e.g. Numerical Recipes 3rd ed. §14.3.3).
 */
const KS_CRIT_001 = 1.9495 / Math.sqrt(N_STAT);
/** χ² critical value with 5 degrees of freedom at significance 0.001 (standard tables). */
const CHI2_5DOF_CRIT_001 = 20.515;

function allCases(): Array<{ name: string; c: ReferenceCase; make: () => SeededRandom }> {
  return [
    ...REFERENCE.fromWords.map((c) => ({
      name: `state [${c.state.join(', ')}]`,
      c,
      make: () => SeededRandom.fromState({ words: c.state, spareGaussian: null }),
    })),
    ...REFERENCE.numberSeeds.map((c) => ({
      name: `seed ${c.seed}`,
      c,
      make: () => SeededRandom.create(c.seed as number),
    })),
    ...REFERENCE.stringSeeds.map((c) => ({
      name: `seed ${JSON.stringify(c.seed)}`,
      c,
      make: () => SeededRandom.create(c.seed as string),
    })),
  ];
}

describe('SeededRandom against the reference implementation', () => {
  it('reproduces the published xoshiro128** 1.1 outputs from state {1, 2, 3, 4}', () => {
    const rng = SeededRandom.fromState({ words: [1, 2, 3, 4], spareGaussian: null });
    expect(PUBLISHED_1234.map(() => rng.nextUint32())).toEqual(PUBLISHED_1234);
  });

  it('the C reference file agrees with the published outputs', () => {
    expect(REFERENCE.fromWords[0]!.nextUint32.slice(0, 10)).toEqual(PUBLISHED_1234);
  });

  it('reference file covers 8 generators', () => {
    expect(allCases()).toHaveLength(8);
  });

  for (const { name, c, make } of allCases()) {
    it(`${name}: seeding, nextUint32, nextFloat and nextInt match the C reference exactly`, () => {
      expect([...make().state().words]).toEqual(c.state);
      const a = make();
      expect(c.nextUint32.map(() => a.nextUint32())).toEqual(c.nextUint32);
      const b = make();
      expect(c.nextFloat.map(() => b.nextFloat())).toEqual(c.nextFloat);
      const d = make();
      const ints: number[] = [];
      for (let round = 0; round < c.nextInt.length / c.nextIntBounds.length; round++) {
        for (const bound of c.nextIntBounds) ints.push(d.nextInt(bound));
      }
      expect(ints).toEqual(c.nextInt);
    });

    it(`${name}: nextGaussian matches the C reference within ${GAUSSIAN_REL_TOL} relative`, () => {
      const g = make();
      for (const expected of c.nextGaussian) {
        const got = g.nextGaussian();
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(GAUSSIAN_REL_TOL * Math.abs(expected));
      }
    });
  }
});

describe('SeededRandom behaviour', () => {
  it('nextFloat carries 53 random bits, not 32', () => {
    const rng = SeededRandom.create(2024);
    let below32 = 0;
    for (let i = 0; i < 1000; i++) {
      const u = rng.nextFloat();
      const scaled = u * 2 ** 53;
      expect(Number.isInteger(scaled)).toBe(true);
      if (!Number.isInteger(u * 2 ** 32)) below32++;
    }
    // With 53 bits, a draw is a multiple of 2⁻³² with probability 2⁻²¹.
    expect(below32).toBeGreaterThan(990);
  });

  it('nextInt(1) is always 0 and nextInt stays in range', () => {
    const rng = SeededRandom.create('range');
    for (let i = 0; i < 100; i++) expect(rng.nextInt(1)).toBe(0);
    for (const n of [2, 7, 2 ** 31 + 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53]) {
      for (let i = 0; i < 200; i++) {
        const k = rng.nextInt(n);
        expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
      }
    }
  });

  it('generators with different seeds give different sequences', () => {
    const seq = (r: SeededRandom) => Array.from({ length: 4 }, () => r.nextUint32());
    expect(seq(SeededRandom.create(0))).not.toEqual(seq(SeededRandom.create(1)));
    expect(seq(SeededRandom.create('a'))).not.toEqual(seq(SeededRandom.create('b')));
  });

  it('clone continues the same sequence independently of the original', () => {
    const a = SeededRandom.create(77);
    a.nextGaussian(); // leaves a spare deviate
    const b = a.clone();
    const fromA = [a.nextGaussian(), a.nextFloat(), a.nextUint32()];
    const fromB = [b.nextGaussian(), b.nextFloat(), b.nextUint32()];
    expect(fromB).toEqual(fromA);
    // Advancing a did not move b: b's next value is the one a gave after the same draws.
    const c = SeededRandom.create(77);
    c.nextGaussian();
    const d = c.clone();
    for (let i = 0; i < 10; i++) c.nextUint32();
    const fresh = SeededRandom.create(77);
    fresh.nextGaussian();
    expect(d.nextGaussian()).toBe(fresh.nextGaussian());
  });

  it('state survives a JSON round trip, spare Gaussian included', () => {
    const a = SeededRandom.create('checkpoint');
    a.nextGaussian();
    const saved = a.state();
    expect(saved.spareGaussian).not.toBeNull();
    const b = SeededRandom.fromState(JSON.parse(JSON.stringify(saved)));
    expect(b.nextGaussian()).toBe(a.nextGaussian());
    expect(b.nextUint32()).toBe(a.nextUint32());
    expect(Object.isFrozen(saved)).toBe(true);
  });

  it('nextGaussianVector gives the values of successive nextGaussian calls', () => {
    const a = SeededRandom.create(5);
    const b = SeededRandom.create(5);
    const v = a.nextGaussianVector(7);
    expect(v).toHaveLength(7);
    for (const x of v) expect(x).toBe(b.nextGaussian());
    // 7 is odd: the spare of the fourth pair is kept for the next call.
    expect(a.nextGaussian()).toBe(b.nextGaussian());
    expect(a.nextGaussianVector(0)).toHaveLength(0);
  });

  it('two generators interleaved give the same values as each alone (no shared state)', () => {
    const a = SeededRandom.create(1);
    const b = SeededRandom.create(2);
    const interleaved: number[] = [];
    for (let i = 0; i < 5; i++) interleaved.push(a.nextGaussian(), b.nextGaussian());
    const a2 = SeededRandom.create(1);
    const b2 = SeededRandom.create(2);
    const alone = [
      ...Array.from({ length: 5 }, () => a2.nextGaussian()),
      ...Array.from({ length: 5 }, () => b2.nextGaussian()),
    ];
    expect(interleaved.filter((_, i) => i % 2 === 0)).toEqual(alone.slice(0, 5));
    expect(interleaved.filter((_, i) => i % 2 === 1)).toEqual(alone.slice(5));
  });

  it('rejects bad seeds, bounds, lengths and states with InvalidArgumentError', () => {
    for (const seed of [-1, 0.5, 2 ** 32, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => SeededRandom.create(seed)).toThrow(InvalidArgumentError);
    }
    const rng = SeededRandom.create(0);
    for (const n of [0, -3, 2.5, 2 ** 53 + 2, Number.NaN]) {
      expect(() => rng.nextInt(n)).toThrow(InvalidArgumentError);
    }
    expect(() => rng.nextGaussianVector(-1)).toThrow(InvalidArgumentError);
    expect(() => SeededRandom.fromState({ words: [0, 0, 0, 0], spareGaussian: null })).toThrow(
      /all-zero/,
    );
    expect(() =>
      SeededRandom.fromState({ words: [1, 2, 3, 2 ** 32], spareGaussian: null }),
    ).toThrow(/state\.words\[3\]/);
    expect(() =>
      SeededRandom.fromState({ words: [1, 2, 3, 4], spareGaussian: Number.NaN }),
    ).toThrow(InvalidArgumentError);
  });
});

/** Standard normal CDF Φ(x) = erfc(−x/√2)/2 through Numerical Recipes' erfcc (|rel. err.| < 1.2e-7). */
function normalCdf(x: number): number {
  // Chebyshev fit of erfc, coefficients from Numerical Recipes in C (2nd ed.), §6.2, erfcc.
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfcZ = t * Math.exp(poly);
  return x >= 0 ? 1 - 0.5 * erfcZ : 0.5 * erfcZ;
}

/** Kolmogorov–Smirnov statistic D of a sample against a continuous CDF. */
function ksStatistic(sample: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(sample).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

describe('SeededRandom statistics (fixed seeds, so the outcome is reproducible)', () => {
  it(`mean, variance and kurtosis of ${N_STAT} Gaussians lie within ${SIGMA_BAND} standard errors`, () => {
    const z = SeededRandom.create('moments').nextGaussianVector(N_STAT);
    let mean = 0;
    for (const x of z) mean += x;
    mean /= N_STAT;
    let m2 = 0;
    let m4 = 0;
    for (const x of z) {
      const d = x - mean;
      m2 += d * d;
      m4 += d ** 4;
    }
    const variance = m2 / (N_STAT - 1);
    const kurtosis = m4 / N_STAT / (m2 / N_STAT) ** 2;
    // Standard errors for N(0, 1): mean 1/√N, variance √(2/(N−1)), kurtosis √(24/N).
    expect(Math.abs(mean)).toBeLessThanOrEqual(SIGMA_BAND / Math.sqrt(N_STAT));
    expect(Math.abs(variance - 1)).toBeLessThanOrEqual(SIGMA_BAND * Math.sqrt(2 / (N_STAT - 1)));
    expect(Math.abs(kurtosis - 3)).toBeLessThanOrEqual(SIGMA_BAND * Math.sqrt(24 / N_STAT));
  });

  it('nextFloat passes a Kolmogorov–Smirnov test against U(0, 1) at significance 0.001', () => {
    const rng = SeededRandom.create('ks-uniform');
    const u = new Float64Array(N_STAT);
    for (let i = 0; i < N_STAT; i++) u[i] = rng.nextFloat();
    expect(ksStatistic(u, (x) => x)).toBeLessThanOrEqual(KS_CRIT_001);
  });

  it('nextGaussian passes a Kolmogorov–Smirnov test against N(0, 1) at significance 0.001', () => {
    const z = SeededRandom.create('ks-normal').nextGaussianVector(N_STAT);
    expect(ksStatistic(z, normalCdf)).toBeLessThanOrEqual(KS_CRIT_001);
  });

  it('the KS test rejects a wrong distribution (sanity check of the test itself)', () => {
    const z = SeededRandom.create('ks-normal').nextGaussianVector(N_STAT);
    for (let i = 0; i < z.length; i++) z[i] = z[i]! * 1.05;
    expect(ksStatistic(z, normalCdf)).toBeGreaterThan(KS_CRIT_001);
  });

  it('nextInt(6) passes a χ² test of uniformity at significance 0.001', () => {
    const rng = SeededRandom.create('dice');
    const counts = [0, 0, 0, 0, 0, 0];
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[rng.nextInt(6)]!++;
    const expected = n / 6;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThanOrEqual(CHI2_5DOF_CRIT_001);
  });

  it('nextInt(3·2³⁰) has no modulo bias: the lowest third is drawn a third of the time', () => {
    // With r % n on raw 32-bit draws, r in [n, 2³²) folds onto [0, 2³⁰): the lowest third of the
    // range would be drawn half of the time instead of a third.
    const rng = SeededRandom.create('bias');
    const n = 3 * 2 ** 30;
    const draws = 20_000;
    let low = 0;
    for (let i = 0; i < draws; i++) if (rng.nextInt(n) < 2 ** 30) low++;
    // Binomial(draws, 1/3): standard error √(draws·(1/3)·(2/3)).
    const se = Math.sqrt((draws * 2) / 9);
    expect(Math.abs(low - draws / 3)).toBeLessThanOrEqual(SIGMA_BAND * se);
  });
});
