/* history.h: a relationship at a glance.
**
** From a client's contacts over the last twelve months (meetings held and
** touchpoints, as local days), the cadence window, the talk share of the
** latest meetings and the follow-ups, three short lines a person reads in
** two seconds:
**
**   12 months ··▂·▂·▄·+··!!!▂·▂··▂·▂···▂·▂·▄··▂·▂·▂··▂·▂·▂··▂·▂··▂·▂··▂
**   2 gaps overdue, 1 too soon: every 9 days, want 5-14
**   talk ▃▄▆▄▃▃ you 41%, aim 43% · follow-ups ▁▂▃▂▁ ▂▃▂▁▂▃▂▂ 3 open, 12 closed
**
** One cell a week, the last one ending today: ▂▄▆█ one to four or more
** contacts that week, + a contact too soon after the one before it (under
** the minimum), ! a week that was overdue (past the maximum) without a
** contact, · a quiet week.  Without Unicode: o (one contact), O (two or
** more), + ! and '.'.
**
** Everything here is pure (no clock, no store) but history_load(), which
** reads the store, and history_unicode(), which reads the environment.
*/
#ifndef RAPPORT_HISTORY_H
#define RAPPORT_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/date.h"
#include "rapport/error.h"
#include "rapport/store.h"

#define HISTORY_WEEKS 52        /* cells of the contacts strip */
#define HISTORY_DAYS (HISTORY_WEEKS * 7)
#define HISTORY_TALKS 6         /* latest meetings whose talk share is drawn */
#define HISTORY_TALKS_ASCII 4   /* of which the ASCII line gives figures */
#define HISTORY_BUCKETS 13      /* four-week cells of the follow-ups strip */
#define HISTORY_TALK_AIM 43     /* % talking of the best-converting calls */
#define HISTORY_CONTACTS_MAX 4000  /* contacts read: more than ten a day */
#define HISTORY_FOLLOWUPS_MAX 2000
#define HISTORY_LINE_MAX 400    /* bytes of one line, with room for UTF-8 */

typedef struct history_followup {
	rp_date opened;
	rp_date closed;         /* done or dropped; year 0 while open */
} history_followup;

typedef struct history {
	rp_date today;
	int cadence_min, cadence_max;   /* days */
	const rp_date *contacts;  /* days of contacts, oldest first (several on
	                             one day are several contacts); the last one
	                             before the twelve months may lead */
	size_t ncontacts;
	int talk[HISTORY_TALKS];  /* your share, in %, of the latest meetings
	                             whose talk was recorded, oldest first */
	size_t ntalk;
	const history_followup *followups;  /* open, or closed within the
	                                       twelve months; any order */
	size_t nfollowups;
} history;

/* What the contacts say about the cadence over the twelve months. */
typedef struct history_health {
	int contacts;        /* in the twelve months */
	int overdue_gaps;    /* gaps past the maximum, the one running now too */
	bool overdue_now;    /* today is past the maximum */
	int too_soon;        /* contacts under the minimum after the one before */
	int every;           /* the average gap in days; 0 with fewer than two */
} history_health;

history_health history_assess(const history *h);

/* The contacts strip: HISTORY_WEEKS cells, into buf (size bytes, at least
** HISTORY_LINE_MAX); returns buf. */
char *history_strip(const history *h, bool unicode, char *buf, size_t size);

/* The verdict: "healthy: every 9 days, within 5-14", "2 gaps overdue, 1
** too soon: every 16 days, want 5-14", "overdue now, no contact in 12
** months", "no contact yet".  Returns buf. */
char *history_legend(const history *h, char *buf, size_t size);

/* "talk ▃▄▆▄▃▃ you 41%, aim 43%" (ASCII: "talk 38 41 52 47: you 44%, aim
** 43%"), "talk not recorded yet".  Returns buf. */
char *history_talk(const history *h, bool unicode, char *buf, size_t size);

/* "follow-ups ▁▂▃▂ 3 open, 12 closed": how many were open at the end of
** each four-week cell (the tallest cell the most), how many are open
** today, how many were closed in the twelve months; "follow-ups none".
** Returns buf. */
char *history_followups(const history *h, bool unicode, char *buf, size_t size);

/* The three lines drawn by Prep, Review and `rapport prep`: the strip
** behind "12 months ", the legend, then talk and follow-ups. */
void history_lines(const history *h, bool unicode, char lines[3][HISTORY_LINE_MAX]);

/* The history of client_id up to today (the local date), read from the
** store: the twelve months of contacts and the one before them, the talk of
** the latest HISTORY_TALKS meetings held, the follow-ups open or closed in
** the twelve months.  Every query is bounded (an index range, a LIMIT).
** *out is allocated; free it with history_free(). */
enum rp_status history_load(store *st, int64_t client_id, rp_date today, history **out,
			    rp_error *err);

void history_free(history *h);

/* Does the terminal show the strip's glyphs?  True when the environment's
** locale (the first of LC_ALL, LC_CTYPE, LANG that is set) is a UTF-8
** one; false for C, POSIX or none. */
bool history_unicode(void);

#endif
