/*
 * ERFA baseline for bench/time.bench.ts: times eraDtdb (TDB-TT, Fairhead & Bretagnon 1990
 * series as in SOFA) over the same dates as the TypeScript series, and prints the mean cost
 * of one call.
 *
 * Build: cc -O2 dtdb_bench.c -o dtdb_bench -lerfa -lm
 * Usage: dtdb_bench [passes]     (one pass = DATES calls)
 * Output: "ns_per_call <ns>" (best of ROUNDS rounds) and "checksum <sum of one pass, s>".
 */
#include <erfa.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define DATES 10000
#define ROUNDS 5
#define JD_1972 2441317.5 /* 1972-01-01T00:00 */
#define SPAN_DAYS 28490   /* to 2049-12-31 */

static double jd1[DATES], jd2[DATES];

/* Same dates as bench/time.bench.ts (dtdbDates): integer arithmetic, then one division. */
static void make_dates(void) {
  for (long i = 0; i < DATES; i++) {
    jd1[i] = JD_1972 + (double)((i * 7919) % SPAN_DAYS);
    jd2[i] = (double)((i * 104729) % 86400) / 86400.0;
  }
}

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(int argc, char **argv) {
  long passes = argc > 1 ? atol(argv[1]) : 1;
  if (passes < 1) passes = 1;
  make_dates();

  /* Geocentric observer (elong = u = v = 0), UT1 day fraction taken as the TT one. */
  double checksum = 0.0;
  for (int i = 0; i < DATES; i++) checksum += eraDtdb(jd1[i], jd2[i], jd2[i], 0.0, 0.0, 0.0);

  double best = -1.0;
  volatile double sink = 0.0;
  for (int r = 0; r < ROUNDS; r++) {
    double acc = 0.0;
    double t0 = now_ns();
    for (long p = 0; p < passes; p++)
      for (int i = 0; i < DATES; i++) acc += eraDtdb(jd1[i], jd2[i], jd2[i], 0.0, 0.0, 0.0);
    double per_call = (now_ns() - t0) / ((double)passes * DATES);
    sink += acc;
    if (best < 0.0 || per_call < best) best = per_call;
  }
  printf("ns_per_call %.2f\n", best);
  printf("checksum %.17g\n", checksum);
  return sink == 0.12345 ? 1 : 0;
}
