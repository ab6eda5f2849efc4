/* clock.h: time as the caller decides it.
**
** The core never reads the system clock.  Whatever needs "now" is handed an
** rp_clock; the command line and the screens pass the system clock, tests
** pass a fixed one.  Times are UTC seconds since the epoch.
*/
#ifndef RAPPORT_CLOCK_H
#define RAPPORT_CLOCK_H

#include <stdint.h>

typedef struct rp_clock {
	int64_t (*now)(void *ctx);  /* current UTC time in seconds */
	void *ctx;                  /* passed to now() */
} rp_clock;

static inline int64_t
rp_clock_now(const rp_clock *clock)
{
	return clock->now(clock->ctx);
}

#endif
