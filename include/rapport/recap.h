/* recap.h: a meeting after the call, loaded whole for the Recap screen and
** the exports.
**
** The meeting itself (a session: agenda, walkthroughs, notes, talk), the
** follow-ups it gave rise to, the facts learned in it, and the next
** check-in the client's cadence suggests.  Everything a recap points to is
** owned by it: recap_free() releases it.
*/
#ifndef RAPPORT_RECAP_H
#define RAPPORT_RECAP_H

#include <stddef.h>
#include <stdint.h>

#include "rapport/date.h"
#include "rapport/error.h"
#include "rapport/lang.h"
#include "rapport/record.h"
#include "rapport/session.h"
#include "rapport/store.h"

typedef struct recap_followup {
	int64_t id;
	const char *text;
	const char *owner;             /* NULL when nobody was named */
	const char *due;               /* "YYYY-MM-DD" or NULL */
	enum followup_status status;
	int64_t note_id;               /* the action note it came from, 0 if none */
} recap_followup;

typedef struct recap {
	session *s;                    /* the meeting; owned */
	recap_followup *followups;     /* from this meeting, in the order noted */
	size_t nfollowups;
	rp_date day;                   /* local date of the meeting (started, else
	                                  planned, else created) */
	rp_date next_from;             /* the next check-in: not before... */
	rp_date next_to;               /* ...and by */
	rp_date next_suggested;        /* the middle of that window */
	enum rp_lang lang;             /* the client's: what the exports say it in */
	void *arena;                   /* owns the strings; private */
} recap;

/* Load meeting_id for a recap.  *out is allocated; free with recap_free(). */
enum rp_status recap_load(store *st, int64_t meeting_id, recap **out, rp_error *err);

void recap_free(recap *r);

/* Change a follow-up's owner (NULL or "" for nobody). */
enum rp_status recap_set_owner(store *st, int64_t followup_id, const char *owner, rp_error *err);

/* Change a follow-up's due date (NULL for none). */
enum rp_status recap_set_due(store *st, int64_t followup_id, const rp_date *due, rp_error *err);

#endif
