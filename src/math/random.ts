/**
 * A seeded pseudo-random generator that gives the same sequence on every platform, for
 * reproducible simulations (measurement noise, Monte Carlo covariance checks, test data).
 *
 * @packageDocumentation
 */
import { InvalidArgumentError } from '../errors';

/** 2³², the number of distinct 32-bit outputs. */
const TWO_POW_32 = 4294967296;
/** 2²⁶, the weight of the high part of a 53-bit draw. */
const TWO_POW_26 = 67108864;
/** 2⁵³, one past the largest integer below which every integer is a double. */
const TWO_POW_53 = 9007199254740992;
/** Weyl increment of SplitMix32: 2³²/φ rounded to odd (the golden-ratio constant). */
const SPLITMIX32_GAMMA = 0x9e3779b9;
/** First multiplier of Wellons' `lowbias32` finaliser (hash-prospector, 2018). */
const LOWBIAS32_M1 = 0x7feb352d;
/** Second multiplier of `lowbias32`. */
const LOWBIAS32_M2 = 0x846ca68b;
/** FNV-1a 32-bit offset basis (Fowler, Noll, Vo). */
const FNV1A32_OFFSET = 0x811c9dc5;
/** FNV-1a 32-bit prime. */
const FNV1A32_PRIME = 0x01000193;

/**
 * The complete state of a {@link SeededRandom}: enough to restore it with
 * {@link SeededRandom.fromState} and continue the same sequence.
 */
export interface SeededRandomState {
  /** The four 32-bit words s[0…3] of xoshiro128**, each an integer in [0, 2³²), not all 0. */
  readonly words: readonly [number, number, number, number];
  /** The second normal deviate of the last polar-method pair, not yet returned, or null. */
  readonly spareGaussian: number | null;
}

/**
 * Seeded pseudo-random numbers: xoshiro128** 1.1 (Blackman & Vigna) on four 32-bit words.
 *
 * Algorithm, exactly, so that any implementation can reproduce the sequence:
 *
 * - **Seeding.** A number seed must be an integer in [0, 2³²). A string seed is first hashed
 *   to such an integer by 32-bit FNV-1a over its UTF-8 bytes (two different strings collide
 *   with probability 2⁻³²). The integer x then starts a SplitMix32 sequence: four times,
 *   x ← x + 0x9E3779B9 (mod 2³²) and the next state word is `lowbias32(x)` (z ^= z>>>16;
 *   z *= 0x7FEB352D; z ^= z>>>15; z *= 0x846CA68B; z ^= z>>>16). Because `lowbias32` is a
 *   bijection and the four x differ, at most one word is 0, so the state is never all zero.
 * - **Step** (xoshiro128** 1.1, which scrambles s[1]; version 1.0 scrambled s[0]):
 *   result = rotl(s1 × 5, 7) × 9; t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
 *   s2 ^= t; s3 = rotl(s3, 11); all mod 2³².
 * - **nextFloat**: a = next() >>> 5, b = next() >>> 6, value (a·2²⁶ + b) / 2⁵³: every
 *   multiple of 2⁻⁵³ in [0, 1) equally likely (the `genrand_res53` recipe of MT19937).
 * - **nextInt(n)**: for n ≤ 2³², draw r = next() until r ≥ 2³² mod n, return r mod n; for
 *   larger n, the same with r = a·2²⁶ + b (53 bits) and 2⁵³ mod n. No modulo bias.
 * - **nextGaussian**: Marsaglia's polar method. Draw u = 2·nextFloat() − 1 and
 *   v = 2·nextFloat() − 1 until 0 < s = u² + v² < 1; with f = √(−2 ln s / s) return u·f and
 *   keep v·f for the next call. It needs one logarithm per two deviates and no sine or cosine
 *   (Box–Muller needs a logarithm, a sine and a cosine).
 *
 * The integer and uniform outputs are bit-for-bit identical everywhere, as they use only
 * 32-bit integer operations (`Math.imul`, shifts) and exact double arithmetic. Gaussian
 * deviates also go through `Math.log`, which JavaScript engines are allowed to round
 * differently in the last place: identical within one engine (V8 computes it with its own
 * fdlibm port on every OS), and otherwise equal to within a few units in the last place.
 *
 * All state is held in the instance (including the spare Gaussian deviate); there is no
 * module-level state. The generator is not cryptographic.
 *
 * @see D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
 *   47(4), 2021; reference code `xoshiro128starstar.c` (prng.di.unimi.it)
 * @see G. Marsaglia, T. A. Bray, "A convenient method for generating normal variables",
 *   SIAM Review 6(3), 1964
 * @see C. Wellons, "Prospecting for hash functions" (2018), for `lowbias32`
 *
 * @example
 * ```ts
 * const rng = SeededRandom.create('run-7');
 * const noiseArcsec = 0.5 * rng.nextGaussian();
 * const pick = rng.nextInt(6); // 0…5
 * const again = SeededRandom.create('run-7').nextGaussian() * 0.5;
 * again === noiseArcsec; // true: same seed, same draws
 * ```
 */
export class SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number;
  private hasSpare: boolean;

  private constructor(s0: number, s1: number, s2: number, s3: number, spare: number | null) {
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    this.spare = spare ?? 0;
    this.hasSpare = spare !== null;
  }

  /**
   * A generator seeded from a 32-bit integer or a string (see the class documentation for
   * the exact seeding).
   *
   * @param seed - an integer in [0, 2³²), or any string
   * @returns a new generator; two generators created with the same seed give the same sequence
   * @throws {@link InvalidArgumentError} when a number seed is not an integer in [0, 2³²)
   *
   * @example
   * ```ts
   * SeededRandom.create(42).nextUint32() === SeededRandom.create(42).nextUint32(); // true
   * ```
   */
  static create(seed: number | string): SeededRandom {
    let x: number;
    if (typeof seed === 'string') {
      x = fnv1a32Utf8(seed);
    } else {
      if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
        throw new InvalidArgumentError(
          'seed',
          seed,
          '',
          'a number seed must be an integer in [0, 4294967295]; pass a string for other seeds',
        );
      }
      x = seed;
    }
    x = (x + SPLITMIX32_GAMMA) >>> 0;
    const s0 = lowbias32(x);
    x = (x + SPLITMIX32_GAMMA) >>> 0;
    const s1 = lowbias32(x);
    x = (x + SPLITMIX32_GAMMA) >>> 0;
    const s2 = lowbias32(x);
    x = (x + SPLITMIX32_GAMMA) >>> 0;
    const s3 = lowbias32(x);
    return new SeededRandom(s0, s1, s2, s3, null);
  }

  /**
   * A generator restored from a saved {@link SeededRandomState}, or started from chosen
   * state words (as the reference implementation is).
   *
   * @param state - the state, as returned by {@link SeededRandom.state}
   * @returns a generator that continues the saved sequence
   * @throws {@link InvalidArgumentError} when a word is not an integer in [0, 2³²), when all
   *   words are 0 (xoshiro's one forbidden state), or when the spare deviate is not finite
   *
   * @example
   * ```ts
   * const a = SeededRandom.fromState({ words: [1, 2, 3, 4], spareGaussian: null });
   * a.nextUint32(); // 11520, the reference implementation's first output
   * ```
   */
  static fromState(state: SeededRandomState): SeededRandom {
    const w = state.words;
    for (let i = 0; i < 4; i++) {
      const v = w[i];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= TWO_POW_32) {
        throw new InvalidArgumentError(
          `state.words[${i}]`,
          v,
          '',
          'must be an integer in [0, 4294967295]',
        );
      }
    }
    if (w[0] === 0 && w[1] === 0 && w[2] === 0 && w[3] === 0) {
      throw new InvalidArgumentError(
        'state.words',
        w,
        '',
        'the all-zero state is a fixed point of xoshiro128** and is not allowed',
      );
    }
    const spare = state.spareGaussian;
    if (spare !== null && !Number.isFinite(spare)) {
      throw new InvalidArgumentError('state.spareGaussian', spare, '', 'must be finite or null');
    }
    return new SeededRandom(w[0], w[1], w[2], w[3], spare);
  }

  /**
   * The next 32-bit output of xoshiro128**.
   *
   * @returns an integer in [0, 2³²), every value equally likely
   *
   * @example
   * ```ts
   * SeededRandom.fromState({ words: [1, 2, 3, 4], spareGaussian: null }).nextUint32(); // 11520
   * ```
   */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    this.s1 = (s1 ^ s2) >>> 0;
    this.s0 = (s0 ^ s3) >>> 0;
    this.s2 = (s2 ^ (s1 << 9)) >>> 0;
    this.s3 = ((s3 << 11) | (s3 >>> 21)) >>> 0;
    return r;
  }

  /**
   * A uniform deviate with 53 random bits, from two 32-bit outputs.
   *
   * @returns a multiple of 2⁻⁵³ in [0, 1), all equally likely
   *
   * @example
   * ```ts
   * const u = SeededRandom.create(1).nextFloat(); // 0 <= u < 1
   * ```
   */
  nextFloat(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  /**
   * A uniform integer in [0, maxExclusive), without modulo bias (rejection sampling).
   *
   * @param maxExclusive - number of possible values, an integer in [1, 2⁵³]
   * @returns an integer in [0, maxExclusive)
   * @throws {@link InvalidArgumentError} when `maxExclusive` is not an integer in [1, 2⁵³]
   *
   * @example
   * ```ts
   * const die = SeededRandom.create('dice').nextInt(6) + 1; // 1…6
   * ```
   */
  nextInt(maxExclusive: number): number {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_53) {
      throw new InvalidArgumentError(
        'maxExclusive',
        maxExclusive,
        '',
        'must be an integer in [1, 2^53]',
      );
    }
    if (maxExclusive <= TWO_POW_32) {
      // Values below 2^32 mod n would be over-represented after `% n`: reject them.
      const threshold = TWO_POW_32 % maxExclusive;
      for (;;) {
        const r = this.nextUint32();
        if (r >= threshold) return r % maxExclusive;
      }
    }
    const threshold = TWO_POW_53 % maxExclusive;
    for (;;) {
      const a = this.nextUint32() >>> 5;
      const b = this.nextUint32() >>> 6;
      const r = a * TWO_POW_26 + b;
      if (r >= threshold) return r % maxExclusive;
    }
  }

  /**
   * A standard normal deviate (mean 0, variance 1) by Marsaglia's polar method. Deviates come
   * in pairs; the second of each pair is kept in this instance and returned by the next call.
   *
   * @returns a draw from N(0, 1)
   *
   * @example
   * ```ts
   * const rng = SeededRandom.create(7);
   * const raArcsec = 12.3 + 0.4 * rng.nextGaussian(); // σ = 0.4″ noise
   * ```
   */
  nextGaussian(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextFloat() - 1;
      v = 2 * this.nextFloat() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /**
   * `n` successive standard normal deviates (the same values as `n` calls of
   * {@link SeededRandom.nextGaussian}).
   *
   * @param n - how many, a non-negative integer
   * @returns a new array of `n` draws from N(0, 1)
   * @throws {@link InvalidArgumentError} when `n` is not a non-negative integer
   *
   * @example
   * ```ts
   * const noiseKm = SeededRandom.create(3).nextGaussianVector(3).map((z) => 0.01 * z);
   * ```
   */
  nextGaussianVector(n: number): Float64Array {
    if (!Number.isInteger(n) || n < 0) {
      throw new InvalidArgumentError('n', n, '', 'must be a non-negative integer');
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.nextGaussian();
    return out;
  }

  /**
   * An independent copy in the same state: both continue with the same sequence, and drawing
   * from one does not advance the other.
   *
   * @returns a new generator
   *
   * @example
   * ```ts
   * const a = SeededRandom.create(5);
   * const b = a.clone();
   * a.nextFloat() === b.nextFloat(); // true
   * ```
   */
  clone(): SeededRandom {
    return new SeededRandom(this.s0, this.s1, this.s2, this.s3, this.hasSpare ? this.spare : null);
  }

  /**
   * A snapshot of the complete state, plain data (JSON-serialisable) that
   * {@link SeededRandom.fromState} turns back into a generator.
   *
   * @returns the current state
   *
   * @example
   * ```ts
   * const rng = SeededRandom.create(9);
   * rng.nextGaussian(); // leaves a spare deviate in the state
   * const saved = JSON.stringify(rng.state());
   * const resumed = SeededRandom.fromState(JSON.parse(saved));
   * ```
   */
  state(): SeededRandomState {
    return Object.freeze({
      words: Object.freeze([this.s0, this.s1, this.s2, this.s3] as const),
      spareGaussian: this.hasSpare ? this.spare : null,
    });
  }
}

/** Wellons' `lowbias32` integer hash (a bijection of 32-bit integers). */
function lowbias32(x: number): number {
  let z = x;
  z ^= z >>> 16;
  z = Math.imul(z, LOWBIAS32_M1);
  z ^= z >>> 15;
  z = Math.imul(z, LOWBIAS32_M2);
  z ^= z >>> 16;
  return z >>> 0;
}

/**
 * 32-bit FNV-1a of the UTF-8 encoding of `text`. Lone surrogates are encoded as U+FFFD, as
 * the WHATWG `TextEncoder` does (which is not used here because it is not part of ES2022).
 */
function fnv1a32Utf8(text: string): number {
  let h = FNV1A32_OFFSET;
  const byte = (b: number): void => {
    h = Math.imul(h ^ b, FNV1A32_PRIME);
  };
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const lo = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      } else {
        cp = 0xfffd;
      }
    } else if (cp >= 0xdc00 && cp <= 0xdfff) {
      cp = 0xfffd;
    }
    if (cp < 0x80) {
      byte(cp);
    } else if (cp < 0x800) {
      byte(0xc0 | (cp >>> 6));
      byte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      byte(0xe0 | (cp >>> 12));
      byte(0x80 | ((cp >>> 6) & 0x3f));
      byte(0x80 | (cp & 0x3f));
    } else {
      byte(0xf0 | (cp >>> 18));
      byte(0x80 | ((cp >>> 12) & 0x3f));
      byte(0x80 | ((cp >>> 6) & 0x3f));
      byte(0x80 | (cp & 0x3f));
    }
  }
  return h >>> 0;
}
