/* timeline.h: a client's history as one list, meetings and touchpoints
** together, newest first (Review's list of a client). */
#ifndef RAPPORT_TIMELINE_H
#define RAPPORT_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/error.h"
#include "rapport/store.h"

/* Entries loaded at most at once (a page): the newest ones first.  Review's
** first frame reads one page, so it stays quick whatever the history; the
** older pages follow as the list scrolls (timeline_load_more). */
#define TIMELINE_MAX 100

typedef struct timeline_entry {
	bool touch;          /* a touchpoint; else a meeting */
	int64_t id;          /* the meeting's or the touchpoint's */
	int64_t at;          /* UTC: started, else planned, else created; a
	                        touchpoint's time */
	const char *what;    /* a meeting's state (planned, live, ended,
	                        cancelled), a touchpoint's kind (email, call,
	                        message, other) */
	const char *text;    /* the meeting's title, the touchpoint's text */
	int notes;           /* a meeting's live notes */
} timeline_entry;

typedef struct timeline {
	timeline_entry *entries;
	size_t n;
	bool more;           /* older entries were left out */
	int64_t client_id;   /* whose history; private, as are the rest */
	size_t cap;
	void *arena;         /* owns the strings */
} timeline;

/* The newest limit (at most TIMELINE_MAX) entries of client_id's history.
** Each query walks an index from the newest end and stops at the limit, so
** the cost does not grow with the history.  *out is allocated; free it
** with timeline_free(). */
enum rp_status timeline_load(store *st, int64_t client_id, size_t limit, timeline **out,
			     rp_error *err);

/* The next limit (at most TIMELINE_MAX) older entries, appended to t when
** t->more, which then says whether there are older ones still.  Read from
** where the last page stopped, so a page costs the same at the end of a
** long history as at its start.  On failure t is as it was. */
enum rp_status timeline_load_more(store *st, timeline *t, size_t limit, rp_error *err);

void timeline_free(timeline *t);

#endif
