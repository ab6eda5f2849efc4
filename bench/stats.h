/* stats.h: what the benchmarks share: a clock in milliseconds and the
** median of their runs. */
#ifndef RAPPORT_BENCH_STATS_H
#define RAPPORT_BENCH_STATS_H

#include <stddef.h>
#include <time.h>

/* Clock id (CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID) in milliseconds. */
double bench_ms(clockid_t id);

/* qsort()'s order of two doubles, smallest first. */
int bench_by_value(const void *a, const void *b);

/* The median of v[0..n) (the mean of the middle two when n is even), v
** left as it is; 0 for none, or on no memory. */
double bench_median(const double *v, size_t n);

#endif
