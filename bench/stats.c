/* stats.c: see stats.h. */
#define _GNU_SOURCE
#include "stats.h"

#include <stdlib.h>
#include <string.h>

double
bench_ms(clockid_t id)
{
	struct timespec t;

	clock_gettime(id, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int
bench_by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
bench_median(const double *v, size_t n)
{
	double *t, m;

	if (n == 0 || (t = malloc(n * sizeof *t)) == NULL)
		return 0;
	memcpy(t, v, n * sizeof *v);
	qsort(t, n, sizeof *t, bench_by_value);
	m = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
	free(t);
	return m;
}
