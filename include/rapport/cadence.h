/* cadence.h: checking in neither too often nor too rarely.
**
** Pure.  Each client has a minimum and a maximum number of days between
** contacts; the last contact (a meeting held or a touchpoint) says where the
** client stands today.  Days are local calendar days: the caller turns the
** last contact's time into its local date.
*/
#ifndef RAPPORT_CADENCE_H
#define RAPPORT_CADENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/date.h"

/* In ranking order: the most pressing first. */
enum cadence_kind {
	CADENCE_OVERDUE,    /* past the maximum: days = how many days past */
	CADENCE_DUE_TODAY,  /* the maximum is today */
	CADENCE_NEVER,      /* no contact yet: a first check-in is due */
	CADENCE_DUE_IN,     /* between minimum and maximum: days = until the maximum */
	CADENCE_TOO_SOON,   /* under the minimum: days = until the minimum */
};

typedef struct cadence {
	enum cadence_kind kind;
	int days;
} cadence;

/* Where a client stands on `today`, last contacted on `last` (ignored when
** !contacted; an invalid date counts as no contact), with a cadence of
** min..max days. */
cadence cadence_compute(bool contacted, rp_date last, rp_date today, int min, int max);

/* Ranking: negative when a is more pressing than b.  Overdue first (most
** overdue first), then due today, never contacted, due soonest; too soon
** last (the window that opens soonest first). */
int cadence_compare(cadence a, cadence b);

/* "overdue by 3 days", "due today", "no contact yet", "due in 4 days",
** "too soon (2 more days)", into buf (size bytes).  Returns buf. */
char *cadence_describe(cadence c, char *buf, size_t size);

/* The window for the next check-in after a contact on `day`: from day + min
** to day + max. */
void cadence_window(rp_date day, int min, int max, rp_date *from, rp_date *to);

/* The day to suggest in the window from..to: the middle, neither too soon
** nor too late, on a working day: a weekend moves to the Monday after, or
** the Friday before when Monday is past the window. */
rp_date cadence_suggest(rp_date from, rp_date to);

#endif
