/*
 * ERFA baseline for bench/frames.bench.ts: times eraC2t06a (the GCRS -> ITRS matrix of
 * IAU 2006/2000A, CIO based: X, Y from the full precession-nutation model, s, ERA, polar
 * motion) over the same dates as the TypeScript kernel, and prints the mean cost of one call.
 *
 * Build: cc -O2 c2t06a_bench.c -o c2t06a_bench -lerfa -lm
 * Usage: c2t06a_bench [passes]     (one pass = DATES calls)
 * Output: "ns_per_call <ns>" (best of ROUNDS rounds) and "checksum <sum over one pass of the
 * matrix element [0][0]>".
 */
#include <erfa.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define DATES 200
#define ROUNDS 5
#define JD_1972 2441317.5 /* 1972-01-01T00:00 */
#define SPAN_DAYS 28490   /* to 2049-12-31 */
#define UT1_MINUS_TT_DAYS (-64.184 / 86400.0)
#define XP_RAD 1.0e-6
#define YP_RAD 2.0e-6

static double jd1[DATES], jd2[DATES];

/* Same dates as bench/frames.bench.ts (c2tDates): integer arithmetic, then one division. */
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

  double rc2t[3][3];
  double checksum = 0.0;
  for (int i = 0; i < DATES; i++) {
    eraC2t06a(jd1[i], jd2[i], jd1[i], jd2[i] + UT1_MINUS_TT_DAYS, XP_RAD, YP_RAD, rc2t);
    checksum += rc2t[0][0];
  }

  double best = -1.0;
  volatile double sink = 0.0;
  for (int r = 0; r < ROUNDS; r++) {
    double acc = 0.0;
    double t0 = now_ns();
    for (long p = 0; p < passes; p++)
      for (int i = 0; i < DATES; i++) {
        eraC2t06a(jd1[i], jd2[i], jd1[i], jd2[i] + UT1_MINUS_TT_DAYS, XP_RAD, YP_RAD, rc2t);
        acc += rc2t[0][0];
      }
    double per_call = (now_ns() - t0) / ((double)passes * DATES);
    sink += acc;
    if (best < 0.0 || per_call < best) best = per_call;
  }
  printf("ns_per_call %.2f\n", best);
  printf("checksum %.17g\n", checksum);
  return sink == 0.12345 ? 1 : 0;
}
