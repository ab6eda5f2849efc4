/* session.h: one meeting as the live screen sees it.
**
** A session is a snapshot loaded whole from the store: the meeting, its
** client, agenda (with walkthroughs), notes, talk segments, the client's
** personal facts, and which prompts were used or dismissed.  The screen
** loads it again after each change it makes; a meeting is small.  The prompt
** engine reads it and nothing else, so it can be built by hand in tests.
**
** Everything a session points to is owned by it: session_free() releases
** all of it.  A note just saved is added with session_add_note() rather
** than by loading the whole meeting again, so Enter costs the same at note
** 300 as at note 1.
*/
#ifndef RAPPORT_SESSION_H
#define RAPPORT_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/date.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "rapport/note.h"

typedef struct session_walk {
	const char *member;      /* "Alice" */
	const char *did;         /* "built the importer" */
	int minutes;             /* -1 when not known */
	const char *depends_on;  /* NULL when none */
} session_walk;

typedef struct session_item {
	int64_t id;
	int position;                /* 1-based */
	const char *title;
	int timebox_minutes;         /* 0 when none (or not valid) */
	bool timebox_invalid;        /* the file holds a timebox that is not 1..1440
				      * minutes: shown "?", counted as none */
	enum agenda_status status;
	int carry_count;             /* meetings it was carried over */
	int64_t started_at;          /* start of the running stretch; 0 unless active */
	int64_t spent_seconds;       /* earlier stretches */
	const session_walk *walk;    /* nwalk entries, in order */
	size_t nwalk;
} session_item;

typedef struct session_note {
	int64_t id;
	int64_t at;               /* UTC seconds */
	enum note_kind kind;
	const char *text;         /* as typed, without the prefix */
	int64_t item_id;          /* 0 when none */
	bool has_owner;           /* actions: the follow-up has an owner */
	bool has_due;             /* actions: the follow-up has a due date */
} session_note;

enum talk_side { TALK_SIDE_YOU, TALK_SIDE_CLIENT };

typedef struct session_talk {
	enum talk_side speaker;
	int64_t started_at;
	int64_t ended_at;         /* 0 while it runs */
} session_talk;

typedef struct session_fact {
	int64_t id;
	const char *kind;         /* "travel" */
	const char *text;
	int64_t learned_at;       /* UTC seconds */
	rp_date learned_on;       /* the same, as a local date */
	int64_t meeting_id;       /* 0 when not learned in a meeting */
	rp_date until;            /* no small talk past it; {0,0,0} for good */
	const char *person;       /* the person it is about, NULL for the client */
} session_fact;

typedef struct session {
	int64_t meeting_id;
	int64_t client_id;
	const char *client_name;
	const char *title;
	enum meeting_state state;
	int64_t planned_at;        /* 0 when not set */
	int64_t started_at;        /* 0 when planned */
	int64_t ended_at;          /* 0 unless ended */
	int planned_minutes;       /* 0 when not set */
	int cadence_min;           /* the client's, days */
	int cadence_max;
	enum rp_lang lang;         /* the client's: what the prompts say to them
				    * (RP_LANG_EN when built by hand and zeroed) */

	session_item *items;       /* by position */
	size_t nitems;
	session_note *notes;       /* live notes, oldest first (by time, then id) */
	size_t nnotes;
	size_t notes_cap;          /* room in notes, for session_add_note(); private */
	session_talk *talk;        /* oldest first */
	size_t ntalk;
	session_fact *facts;       /* all the client's facts, newest first */
	size_t nfacts;
	const char **prompts_done; /* keys of prompts used or dismissed */
	size_t nprompts_done;

	void *arena;               /* owns the strings; private */
} session;

/* Load meeting_id.  *out is allocated; free it with session_free().
** RP_ENOTFOUND when there is no such meeting. */
enum rp_status session_load(store *st, int64_t meeting_id, session **out, rp_error *err);

/* session_load() of the meeting and its agenda (items, walkthroughs) alone,
** for Prep and `rapport prep`, which show nothing else of it: no notes,
** talk, facts or prompts (their counts 0), so the client's facts are not
** read twice.  Free it with session_free(). */
enum rp_status session_load_agenda(store *st, int64_t meeting_id, session **out,
				   rp_error *err);

/* Add the note record_note() just saved as note_id, at `at`, on agenda item
** item_id (0 for none), as session_load() would read it back: in its place
** among the notes, its text copied, an action's owner and due date as its
** follow-up has them.  Nothing else a note can change is in a session but
** its client's facts, and a fact noted in this meeting is never small talk
** in it.  For a session from session_load(); false on no memory, s
** unchanged. */
bool session_add_note(session *s, int64_t note_id, int64_t at, int64_t item_id,
		      const parsed_note *note);

/* Free a session and everything it points to; NULL is fine. */
void session_free(session *s);

/* The active item, or NULL. */
const session_item *session_current_item(const session *s);

/* Seconds spent on item by `now` (earlier stretches plus the running one). */
int64_t session_item_elapsed(const session_item *item, int64_t now);

/* Seconds each side talked by `now`; longest uninterrupted client stretch. */
void session_talk_totals(const session *s, int64_t now, int64_t *you, int64_t *them,
			 int64_t *longest_client);

/* Who is talking now: TALK_SIDE_YOU, TALK_SIDE_CLIENT, or -1 for nobody. */
int session_talking(const session *s);

/* Was the prompt with this key used or dismissed? */
bool session_prompt_done(const session *s, const char *key);

#endif
