/* prep.h: what a PM looks at before a call, loaded whole for one client.
**
** The personal facts, the openers used before, the follow-ups still open on
** both sides, the next planned meeting (its agenda comes through
** session_load), what the last meeting left unfinished, and what earlier
** meetings left open: questions not answered, last time's concerns, the
** client's own words.  Everything a
** prep points to is owned by it: prep_free() releases it.
*/
#ifndef RAPPORT_PREP_H
#define RAPPORT_PREP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/client.h"
#include "rapport/clock.h"
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

/* A note said in an earlier meeting that Prep brings back: an open
** question, a concern of last time, a quote. */
typedef struct prep_said {
	int64_t id;            /* the note */
	int64_t at;
	int64_t meeting_id;
	const char *text;
} prep_said;

/* How far back Prep looks, so it costs the same on ten years of meetings
** as on one: open questions and quotes come from the client's latest
** meetings held (started), at most so many of them. */
#define PREP_QUESTION_MEETINGS 12
#define PREP_QUESTIONS_MAX 50
#define PREP_CONCERNS_MAX 20
#define PREP_QUOTE_MEETINGS 24
#define PREP_QUOTES_MAX 5
#define PREP_NOTES_MAX 200
#define PREP_FACTS_MAX 50       /* the newest facts a prep holds */
#define PREP_FOLLOWUPS_MAX 20   /* the open follow-ups it holds, first ones */

typedef struct prep_carry {
	const char *title;
	int carry_count;       /* what it will be once carried */
} prep_carry;

typedef struct prep {
	client who;
	prep_fact *facts;              /* newest first, PREP_FACTS_MAX at most */
	size_t nfacts;
	bool facts_older;              /* the client has older facts than these */
	prep_opener_use *uses;         /* newest first */
	size_t nuses;
	prep_followup *followups;      /* open ones: overdue first, then by due,
	                                  then undated; PREP_FOLLOWUPS_MAX at most */
	size_t nfollowups;
	size_t followups_open;         /* how many are open: nfollowups and more */
	int64_t next_meeting;          /* earliest planned meeting, 0 when none */
	int64_t last_meeting;          /* latest ended meeting, 0 when none */
	prep_note *notes;              /* the next meeting's prep notes */
	size_t nnotes;
	prep_carry *carry;             /* unfinished last time, not yet carried */
	size_t ncarry;
	prep_said *questions;          /* still open, from the last meetings held;
	                                  newest first */
	size_t nquestions;
	prep_said *concerns;           /* raised in the last ended meeting, in order */
	size_t nconcerns;
	prep_said *quotes;             /* the client's words, newest first */
	size_t nquotes;
	rp_date today;                 /* the day it was loaded for */
	bool partial;                  /* prep_load_first() read the facts
	                                  alone: everything after them empty */
	void *arena;                   /* owns the strings; private */
} prep;

/* Load the preparation for client_id.  today ("YYYY-MM-DD", local) orders
** overdue follow-ups first.  *out is allocated; free with prep_free(). */
enum rp_status prep_load(store *st, int64_t client_id, const char *today, prep **out,
			 rp_error *err);

/* What a first screenful of rows can show, for Prep's first frame: the
** client and its newest facts, at most rows.  When the client has that
** many, nothing below them can be on the screen: the rest is not read and
** p->partial is set (prep_load() reads it all); else it is prep_load()'s
** whole prep, but for the facts past rows, and p->partial is false. */
enum rp_status prep_load_first(store *st, int64_t client_id, const char *today, int rows,
			       prep **out, rp_error *err);

void prep_free(prep *p);

/* What is said after a fact about its person and how long it is an opener:
** " · Zoë Lefèvre", " · done", " · until 2027-01-31", " · until
** 2026-11-01, over" (each when it applies), into buf (size bytes).
** Returns buf; "" when nothing applies. */
char *prep_fact_marks(const prep_fact *f, char *buf, size_t size);

/* The openers for p's client (opener_generate() over its facts and the
** openers used before), at most max, in the client's language.  Returns
** how many. */
size_t prep_openers(const prep *p, opener *out, size_t max);

/* Close an open question (note_id, a note of kind question): Prep no
** longer brings it back.  A later decision answered it, or it no longer
** matters; which, the user knows.  RP_ENOTFOUND when there is no such
** note, RP_EINVAL when it is not a question or is closed already. */
enum rp_status prep_question_close(store *st, const rp_clock *clock, int64_t note_id,
				   rp_error *err);

/* Open a closed question again.  RP_ENOTFOUND, or RP_EINVAL when it is not
** a question or is open. */
enum rp_status prep_question_reopen(store *st, int64_t note_id, rp_error *err);

/* The prep notes written for meeting_id before the call, oldest first, at
** most PREP_NOTES_MAX: for the live screen and the Recap.  *out is
** allocated; free it with prep_notes_free(). */
typedef struct prep_notes {
	prep_note *notes;
	size_t n;
	void *arena;                   /* owns the strings; private */
} prep_notes;

enum rp_status prep_notes_load(store *st, int64_t meeting_id, prep_notes **out, rp_error *err);
void prep_notes_free(prep_notes *pn);

#endif
