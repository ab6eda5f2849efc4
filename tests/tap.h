/* tap.h: a very small TAP producer for the unit tests.
**
** Each test program calls TEST(name) blocks through tap_run() and ends with
** tap_done(), which prints the plan and returns the exit status.  Checks
** inside a test record the first failure with its file and line; a test
** passes when none of its checks failed.
*/
#ifndef RAPPORT_TAP_H
#define RAPPORT_TAP_H

#include <stdio.h>
#include <string.h>

extern int tap_count;       /* tests run so far */
extern int tap_failures;    /* tests that failed */
extern int tap_current_ok;  /* does the running test still pass? */

/* Run fn as one test named name, printing "ok N - name" or "not ok ...". */
void tap_run(const char *name, void (*fn)(void));

/* Report one test as skipped, with the reason it cannot run here:
** "ok N - name # SKIP reason".  tests/run-all counts it apart. */
void tap_skip(const char *name, const char *reason);

/* Print the plan line; returns 0 when every test passed, 1 otherwise. */
int tap_done(void);

/* Record a failed check (used by the macros). */
void tap_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define CHECK(cond)                                                        \
	do {                                                                \
		if (!(cond))                                                \
			tap_fail(__FILE__, __LINE__, "check failed: %s", #cond); \
	} while (0)

#define CHECK_INT(got, want)                                               \
	do {                                                                \
		long long g_ = (long long)(got), w_ = (long long)(want);    \
		if (g_ != w_)                                               \
			tap_fail(__FILE__, __LINE__, "%s is %lld, want %lld", #got, g_, w_); \
	} while (0)

#define CHECK_STR(got, want)                                               \
	do {                                                                \
		const char *g_ = (got), *w_ = (want);                       \
		if (g_ == NULL || w_ == NULL ? g_ != w_ : strcmp(g_, w_) != 0) \
			tap_fail(__FILE__, __LINE__, "%s is \"%s\", want \"%s\"", #got, \
				 g_ ? g_ : "(null)", w_ ? w_ : "(null)");   \
	} while (0)

#define RUN(fn) tap_run(#fn, fn)

#endif
