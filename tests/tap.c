/* tap.c: see tap.h. */
#include "tap.h"

#include <stdarg.h>

int tap_count;
int tap_failures;
int tap_current_ok;

void
tap_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	printf("# %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	tap_current_ok = 0;
}

void
tap_run(const char *name, void (*fn)(void))
{
	tap_current_ok = 1;
	fn();
	tap_count++;
	if (!tap_current_ok)
		tap_failures++;
	printf("%s %d - %s\n", tap_current_ok ? "ok" : "not ok", tap_count, name);
	fflush(stdout);
}

void
tap_skip(const char *name, const char *reason)
{
	tap_count++;
	printf("ok %d - %s # SKIP %s\n", tap_count, name, reason);
	fflush(stdout);
}

int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failures ? 1 : 0;
}
