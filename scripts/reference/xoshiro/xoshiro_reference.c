/*
 * Independent C implementation of the generator documented in src/math/random.ts
 * (xoshiro128** 1.1 seeded through SplitMix32 with the lowbias32 finaliser, FNV-1a for string
 * seeds, 53-bit floats, unbiased bounded integers, Marsaglia polar Gaussians).
 *
 * Written for osmose from the published description of the algorithms, with unsigned 32-bit
 * and 64-bit C arithmetic instead of JavaScript's Math.imul and >>> so that the two
 * implementations share no code. It prints JSON on stdout; see README.md.
 *
 * Build and run:  gcc -std=c11 -O2 -Wall -o xoshiro_reference xoshiro_reference.c -lm
 *                 ./xoshiro_reference > reference-output.json
 */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  uint32_t s[4];
  int has_spare;
  double spare;
} rng_t;

static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

/* xoshiro128** version 1.1: the scrambler reads s[1]. */
static uint32_t next_u32(rng_t *r) {
  uint32_t *s = r->s;
  const uint32_t result = rotl(s[1] * 5u, 7) * 9u;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

static uint32_t lowbias32(uint32_t z) {
  z ^= z >> 16;
  z *= 0x7feb352du;
  z ^= z >> 15;
  z *= 0x846ca68bu;
  z ^= z >> 16;
  return z;
}

static void seed_u32(rng_t *r, uint32_t x) {
  for (int i = 0; i < 4; i++) {
    x += 0x9e3779b9u;
    r->s[i] = lowbias32(x);
  }
  r->has_spare = 0;
  r->spare = 0.0;
}

/* The C string literal below is UTF-8 already, so hashing its bytes is FNV-1a over UTF-8. */
static uint32_t fnv1a32(const char *bytes) {
  uint32_t h = 0x811c9dc5u;
  for (const unsigned char *p = (const unsigned char *)bytes; *p; p++) {
    h ^= *p;
    h *= 0x01000193u;
  }
  return h;
}

static uint64_t next_53(rng_t *r) {
  const uint64_t a = next_u32(r) >> 5;
  const uint64_t b = next_u32(r) >> 6;
  return (a << 26) | b;
}

static double next_float(rng_t *r) { return (double)next_53(r) / 9007199254740992.0; }

static uint64_t next_int(rng_t *r, uint64_t n) {
  if (n <= 4294967296ull) {
    const uint64_t threshold = 4294967296ull % n;
    for (;;) {
      const uint64_t x = next_u32(r);
      if (x >= threshold) return x % n;
    }
  }
  const uint64_t threshold = 9007199254740992ull % n;
  for (;;) {
    const uint64_t x = next_53(r);
    if (x >= threshold) return x % n;
  }
}

static double next_gaussian(rng_t *r) {
  if (r->has_spare) {
    r->has_spare = 0;
    return r->spare;
  }
  double u, v, s;
  do {
    u = 2.0 * next_float(r) - 1.0;
    v = 2.0 * next_float(r) - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double f = sqrt(-2.0 * log(s) / s);
  r->spare = v * f;
  r->has_spare = 1;
  return u * f;
}

#define N_UINT 20
#define N_FLOAT 10
#define N_GAUSS 20
#define N_INT_ROUNDS 4

static const uint64_t INT_BOUNDS[] = {
    1ull,          2ull,          3ull,          6ull,           10ull,
    1000ull,       2147483649ull, 4294967295ull, 4294967296ull,  4294967297ull,
    1000000000000ull, 9007199254740991ull, 9007199254740992ull,
};
#define N_BOUNDS (sizeof INT_BOUNDS / sizeof INT_BOUNDS[0])

static void print_sequences(const rng_t *start) {
  rng_t r;

  printf("      \"state\": [%" PRIu32 ", %" PRIu32 ", %" PRIu32 ", %" PRIu32 "],\n", start->s[0],
         start->s[1], start->s[2], start->s[3]);

  r = *start;
  printf("      \"nextUint32\": [");
  for (int i = 0; i < N_UINT; i++) printf("%s%" PRIu32, i ? ", " : "", next_u32(&r));
  printf("],\n");

  r = *start;
  printf("      \"nextFloat\": [");
  for (int i = 0; i < N_FLOAT; i++) printf("%s%.17g", i ? ", " : "", next_float(&r));
  printf("],\n");

  r = *start;
  printf("      \"nextIntBounds\": [");
  for (size_t j = 0; j < N_BOUNDS; j++) printf("%s%" PRIu64, j ? ", " : "", INT_BOUNDS[j]);
  printf("],\n");
  printf("      \"nextInt\": [");
  for (int round = 0; round < N_INT_ROUNDS; round++) {
    for (size_t j = 0; j < N_BOUNDS; j++) {
      printf("%s%" PRIu64, (round || j) ? ", " : "", next_int(&r, INT_BOUNDS[j]));
    }
  }
  printf("],\n");

  r = *start;
  printf("      \"nextGaussian\": [");
  for (int i = 0; i < N_GAUSS; i++) printf("%s%.17g", i ? ", " : "", next_gaussian(&r));
  printf("]\n");
}

int main(void) {
  static const uint32_t NUMBER_SEEDS[] = {0u, 1u, 42u, 4294967295u};
  /* "osmose", the empty string, and non-ASCII text (2-, 3- and 4-byte UTF-8 sequences). */
  static const char *const STRING_SEEDS[] = {"osmose", "", "Calern → Les Makes, été 🛰"};
  rng_t r;

  printf("{\n");
  printf("  \"generator\": \"xoshiro128** 1.1, SplitMix32/lowbias32 seeding, FNV-1a string "
         "hash, 53-bit floats, rejection-sampled integers, Marsaglia polar Gaussians\",\n");

  printf("  \"fromWords\": [\n    {\n");
  r.s[0] = 1u;
  r.s[1] = 2u;
  r.s[2] = 3u;
  r.s[3] = 4u;
  r.has_spare = 0;
  r.spare = 0.0;
  print_sequences(&r);
  printf("    }\n  ],\n");

  printf("  \"numberSeeds\": [\n");
  for (size_t i = 0; i < sizeof NUMBER_SEEDS / sizeof NUMBER_SEEDS[0]; i++) {
    seed_u32(&r, NUMBER_SEEDS[i]);
    printf("    {\n      \"seed\": %" PRIu32 ",\n", NUMBER_SEEDS[i]);
    print_sequences(&r);
    printf("    }%s\n", i + 1 < sizeof NUMBER_SEEDS / sizeof NUMBER_SEEDS[0] ? "," : "");
  }
  printf("  ],\n");

  printf("  \"stringSeeds\": [\n");
  for (size_t i = 0; i < sizeof STRING_SEEDS / sizeof STRING_SEEDS[0]; i++) {
    const uint32_t h = fnv1a32(STRING_SEEDS[i]);
    seed_u32(&r, h);
    /* The seeds hold no character that JSON needs to escape. */
    printf("    {\n      \"seed\": \"%s\",\n      \"fnv1a32\": %" PRIu32 ",\n", STRING_SEEDS[i], h);
    print_sequences(&r);
    printf("    }%s\n", i + 1 < sizeof STRING_SEEDS / sizeof STRING_SEEDS[0] ? "," : "");
  }
  printf("  ]\n}\n");
  return 0;
}
