/* followup.h: follow-ups across clients, between the calls.
**
** What I owe whom and what they owe me: every open follow-up of the active
** clients (or of one), overdue first, with the meeting it came from; and
** the changes a PM makes to one between calls: done, dropped, open again,
** another owner, another due date.  Every change commits before it
** returns.  A loaded list owns everything it points to: followup_list_free()
** releases it.
*/
#ifndef RAPPORT_FOLLOWUP_H
#define RAPPORT_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/date.h"
#include "rapport/error.h"
#include "rapport/record.h"
#include "rapport/store.h"

#define FOLLOWUP_LIST_MAX 500  /* rows a list holds at most */

/* Is owner the client's to do rather than mine?  Mine are no owner, "me",
** "us" (and moi, nous, we, je, on ...), and anyone not named as the
** client's; theirs are "client", "them" (eux, elle ...), a word of the
** client's name or the start of one of three letters or more ("zoe" for
** "Zoë Lefèvre"), case and accents aside.  Prep and the follow-ups list
** decide alike through this one function. */
bool followup_owner_is_theirs(const char *owner, const char *client_name);

/* Register rp_theirs(owner, client_name), followup_owner_is_theirs() in
** SQL, which the list queries use, on a new connection: once, as the store
** opens it (registering again would expire its prepared statements, and
** fails while one is running).  Returns an SQLite result code. */
int followup_register(struct sqlite3 *db);

enum followup_side { FOLLOWUP_EITHER, FOLLOWUP_MINE, FOLLOWUP_THEIRS };

typedef struct followup_filter {
	int64_t client_id;        /* 0: every active client */
	enum followup_side side;
	bool overdue;             /* only those due before today */
	const char *due_by;       /* "YYYY-MM-DD": only those due on or before
	                             it; NULL for any */
	const char *today;        /* "YYYY-MM-DD", local: what is overdue */
	size_t limit;             /* at most this many (0 or above
	                             FOLLOWUP_LIST_MAX: FOLLOWUP_LIST_MAX) */
} followup_filter;

typedef struct followup {
	int64_t id;
	int64_t client_id;
	const char *client;        /* the client's name */
	const char *text;
	const char *owner;         /* NULL when nobody was named */
	const char *due;           /* "YYYY-MM-DD", NULL, or DATE_INVALID_TEXT
	                              for a stored date no calendar holds,
	                              which sorts and filters as NULL */
	int64_t meeting_id;        /* 0 when it came from no meeting */
	const char *meeting_title; /* NULL when meeting_id is 0 */
	int64_t meeting_at;        /* when it was held (else planned, else
	                              made), UTC; 0 when none */
	bool theirs;               /* linked to a person, or followup_owner_is_theirs() */
	int64_t person_id;         /* the client's person the owner names, 0 if none */
	bool overdue;              /* due before the filter's today */
} followup;

typedef struct followup_list {
	followup *items;           /* overdue first, then by due date, those
	                              without one last; then by id */
	size_t n;
	bool more;                 /* the limit cut the list */
	void *arena;               /* owns the strings; private */
} followup_list;

/* Load the open follow-ups that pass filter.  *out is allocated (even when
** empty); free with followup_list_free().  A filter.client_id that is no
** active client's gives an empty list. */
enum rp_status followup_list_load(store *st, const followup_filter *filter,
				  followup_list **out, rp_error *err);

void followup_list_free(followup_list *l);

/* Mark the open follow-up id done or dropped, or a closed one open again
** (through record_followup_status), now.  RP_ENOTFOUND when there is none;
** RP_EINVAL, nothing written, when it is not open to close or not closed
** to open ("follow-up 7 is already done"). */
enum rp_status followup_set_status(store *st, const rp_clock *clock, int64_t id,
				   enum followup_status status, rp_error *err);

/* Give follow-up id another owner, as typed after '@' (a leading '@' is
** taken off; NULL or blank: nobody).  The link to a person, made from the
** old text, is undone when the text changes.  RP_EINVAL for an owner with
** control characters or longer than NOTE_OWNER_MAX bytes. */
enum rp_status followup_set_owner(store *st, int64_t id, const char *owner, rp_error *err);

/* Give follow-up id another due date, typed as after '^' in a note ("fri",
** "^eow", "2026-12-04", "demain"), read relative to today; NULL, blank or
** "-" clears it.  RP_EINVAL, nothing written, for a date that does not
** parse.  Sets *due (when not NULL, 11 bytes) to the new date, "" when
** cleared. */
enum rp_status followup_set_due(store *st, int64_t id, const char *text, rp_date today,
				char *due, rp_error *err);

#endif
