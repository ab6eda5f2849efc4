/* prep.h: what a PM looks at before a call, loaded whole for one client.
**
** The personal facts, the openers used before, the follow-ups still open on
** both sides, the next planned meeting (its agenda comes through
** session_load), and what the last meeting left unfinished.  Everything a
** prep points to is owned by it: prep_free() releases it.
*/
#ifndef RAPPORT_PREP_H
#define RAPPORT_PREP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/client.h"
#include "rapport/error.h"
#include "rapport/opener.h"
#include "rapport/store.h"

#define PREP_MARKS_MAX 900  /* bytes prep_fact_marks() may write */

typedef struct prep_fact {
	int64_t id;
	const char *kind;
	const char *text;
	int64_t learned_at;
	int64_t meeting_id;    /* 0 when not learned in a meeting */
	const char *person;    /* the person it is about, NULL for the client */
	rp_date until;         /* an opener until then; {0,0,0} for good */
	int64_t done_at;       /* 0 unless marked done */
	bool stale;            /* done, or past until: shown, no opener */
} prep_fact;

typedef struct prep_followup {
	int64_t id;
	const char *text;
	const char *owner;     /* NULL when nobody was named */
	const char *due;       /* "YYYY-MM-DD" or NULL */
	int64_t meeting_id;
	bool theirs;           /* the client's to do (owner names them) */
	int64_t person_id;     /* the person owner names (owner is then their
	                          name); 0 when none */
} prep_followup;

typedef struct prep_opener_use {
	const char *key;
	int64_t used_at;
} prep_opener_use;

typedef struct prep_note {
	int64_t id;
	int64_t at;
	const char *text;
} prep_note;

typedef struct prep_carry {
	const char *title;
	int carry_count;       /* what it will be once carried */
} prep_carry;

typedef struct prep {
	client who;
	prep_fact *facts;              /* newest first */
	size_t nfacts;
	prep_opener_use *uses;         /* newest first */
	size_t nuses;
	prep_followup *followups;      /* open ones: overdue first, then by due */
	size_t nfollowups;
	int64_t next_meeting;          /* earliest planned meeting, 0 when none */
	int64_t last_meeting;          /* latest ended meeting, 0 when none */
	prep_note *notes;              /* the next meeting's prep notes */
	size_t nnotes;
	prep_carry *carry;             /* unfinished last time, not yet carried */
	size_t ncarry;
	rp_date today;                 /* the day it was loaded for */
	void *arena;                   /* owns the strings; private */
} prep;

/* Load the preparation for client_id.  today ("YYYY-MM-DD", local) orders
** overdue follow-ups first.  *out is allocated; free with prep_free(). */
enum rp_status prep_load(store *st, int64_t client_id, const char *today, prep **out,
			 rp_error *err);

void prep_free(prep *p);

/* What is said after a fact about its person and how long it is an opener:
** " · Zoë Lefèvre", " · done", " · until 2027-01-31", " · until
** 2026-11-01, over" (each when it applies), into buf (size bytes).
** Returns buf; "" when nothing applies. */
char *prep_fact_marks(const prep_fact *f, char *buf, size_t size);

/* The openers for p's client (opener_generate() over its facts and the
** openers used before), at most max, in lang.  Returns how many. */
size_t prep_openers(const prep *p, enum opener_lang lang, opener *out, size_t max);

#endif
