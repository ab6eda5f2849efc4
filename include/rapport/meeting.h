/* meeting.h: meetings, their agenda items and walkthrough entries. */
#ifndef RAPPORT_MEETING_H
#define RAPPORT_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/error.h"
#include "rapport/lang.h"
#include "rapport/store.h"

#define MEETING_TITLE_MAX 200     /* characters of a title */
#define MEETING_MINUTES_MAX 1440  /* a meeting or a timebox lasts a day at most */
#define AGENDA_ITEMS_MAX 100      /* items on one agenda */

enum meeting_state { MEETING_PLANNED, MEETING_LIVE, MEETING_ENDED, MEETING_CANCELLED };

/* A state's storage name ("planned", "live", "ended", "cancelled"), and
** back (anything else reads as planned). */
const char *meeting_state_name(enum meeting_state state);
enum meeting_state meeting_state_from(const char *name);

/* X-macro: agenda item status, storage name. */
#define AGENDA_STATUS_LIST(X)               \
	X(AGENDA_PENDING, "pending")        \
	X(AGENDA_ACTIVE, "active")          \
	X(AGENDA_DONE, "done")              \
	X(AGENDA_SKIPPED, "skipped")        \
	X(AGENDA_PARKED, "parked")

enum agenda_status {
#define AGENDA_STATUS_ENUM(s, name) s,
	AGENDA_STATUS_LIST(AGENDA_STATUS_ENUM)
#undef AGENDA_STATUS_ENUM
};

const char *agenda_status_name(enum agenda_status status);

/* An agenda item as asked for on the command line: "TITLE[:MINUTES]". */
typedef struct agenda_spec {
	char title[MEETING_TITLE_MAX * 4 + 1];
	int minutes;  /* 0 when no timebox was given */
} agenda_spec;

/* Parse "TITLE[:MINUTES]".  The timebox is the digits after the last colon,
** so a title may hold colons of its own ("Q3: budget:15").  Returns RP_OK or
** RP_EINVAL naming what is wrong. */
enum rp_status agenda_parse_spec(const char *text, agenda_spec *out, rp_error *err);

/* Check a title: valid UTF-8, no control characters, not blank, at most
** MEETING_TITLE_MAX characters. */
enum rp_status meeting_check_title(const char *title, const char *what, rp_error *err);

/* A walkthrough entry as typed: "MEMBER|WHAT[|MINUTES[|DEPENDS ON]]". */
typedef struct walk_spec {
	char member[MEETING_TITLE_MAX * 4 + 1];
	char did[4001];
	int minutes;                 /* -1 when not given */
	char depends_on[4001];       /* "" when none */
	size_t item;                 /* index into meeting_plan_args.items */
} walk_spec;

/* A walkthrough's duration as people read it: "16h", "1h30", or minutes
** followed by unit ("'" or " min") under an hour; "" when minutes < 0.
** Writes into buf (size bytes) and returns it. */
char *agenda_duration(int minutes, const char *unit, char *buf, size_t size);

/* Parse "MEMBER|WHAT[|MINUTES[|DEPENDS ON]]"; MINUTES may be "90", "90m",
** "16h" or "2h30".  Returns RP_OK or RP_EINVAL naming the part. */
enum rp_status agenda_parse_walk(const char *text, walk_spec *out, rp_error *err);

typedef struct meeting_plan_args {
	int64_t client_id;
	const char *title;         /* NULL: "Meeting" */
	int64_t planned_at;        /* UTC seconds; 0 when not set */
	int planned_minutes;       /* 0: the sum of all the timeboxes, carried ones too */
	const agenda_spec *items;  /* nitems of them, in order */
	size_t nitems;
	const walk_spec *walks;    /* nwalks, each naming its item */
	size_t nwalks;
	const char *location;      /* NULL when none */
	const char *description;   /* NULL when none */
	bool carry_none;           /* true: carry nothing over from last time */
} meeting_plan_args;

/* Create a planned meeting with its agenda, in one transaction: first the
** items carried over from the client's last meeting (agenda_carry_over,
** unless args->carry_none), then args->items.  Without args->planned_minutes the meeting is planned
** for the sum of all its timeboxes, the carried items' included.  Sets *id
** when not NULL. */
enum rp_status meeting_plan(store *st, const rp_clock *clock, const meeting_plan_args *args,
			    int64_t *id, rp_error *err);

/* The meeting `rapport meet CLIENT [TITLE]` opens, made live: the client's
** live meeting if one was left running (resumed as it was); else, with a
** title, the planned meeting of that title (case and accents aside), or a
** new one so named; without a title, the earliest planned meeting, or a new
** "Meeting".  Sets *id, and *resumed when an already live meeting was
** picked up. */
enum rp_status meeting_open(store *st, const rp_clock *clock, int64_t client_id,
			    const char *title, int64_t *id, bool *resumed, rp_error *err);

/* What a meeting started now for a client would be, before anything
** changes: `rapport meet` and the Clients screen's `m` decide (or ask)
** from it. */
typedef struct meeting_choice {
	int64_t live;          /* the client's live meeting (resumed as it is), 0 if none */
	int64_t planned;       /* the planned meeting it would take, 0 if none */
	char planned_title[MEETING_TITLE_MAX * 4 + 1];
	int64_t planned_at;    /* when that one is planned (UTC), 0 when not set */
	bool planned_today;    /* planned for today, or with no date: taken as now */
	int pending;           /* items left unfinished last time, carried nowhere yet */
	char pending_titles[300];  /* the first of them, "Budget, Timeline, …" */
} meeting_choice;

/* Fill *out for client_id at clock's time.  With a title the planned
** meeting considered is the one of that title (case and accents aside),
** else the earliest planned one.  Changes nothing. */
enum rp_status meeting_choose(store *st, const rp_clock *clock, int64_t client_id,
			      const char *title, meeting_choice *out, rp_error *err);

/* Start a new meeting for client_id now (titled "Meeting" when title is
** NULL), with the items left unfinished last time carried over only when
** carry is true.  Sets *id. */
enum rp_status meeting_open_new(store *st, const rp_clock *clock, int64_t client_id,
				const char *title, bool carry, int64_t *id, rp_error *err);

/* The client's next planned meeting (the earliest); RP_ENOTFOUND if none. */
enum rp_status meeting_next_planned(store *st, int64_t client_id, int64_t *id, rp_error *err);

/* Meetings in time (schedule.c). */

/* A meeting in a list across clients, as `rapport meetings` shows it. */
typedef struct meeting_entry {
	int64_t id;
	int64_t client_id;
	char client[200 * 4 + 1];  /* the client's name (CLIENT_NAME_MAX, client.h) */
	char title[MEETING_TITLE_MAX * 4 + 1];
	enum meeting_state state;
	int64_t planned_at;        /* UTC; 0 when not set (so for every time) */
	int64_t started_at;
	int64_t ended_at;
	int64_t cancelled_at;
	int planned_minutes;       /* 0 when not set */
	int items;                 /* agenda items */
	int notes;                 /* notes taken live */
} meeting_entry;

/* Meeting id as a list shows it; RP_ENOTFOUND ("no meeting 9") if none. */
enum rp_status meeting_get(store *st, int64_t id, meeting_entry *out, rp_error *err);

enum meeting_span {
	MEETINGS_UPCOMING,  /* planned: the soonest first, undated ones last */
	MEETINGS_PAST,      /* live, ended or cancelled: the newest first */
};

/* At most limit meetings of client_id (0: of every client not archived),
** upcoming or past.  A past meeting's time is when it started; a cancelled
** one's when it was planned for, else when it was cancelled.  Each list
** costs what its limit and the meetings planned or cancelled cost, never
** the whole history: it reads through the indexes meetings_planned,
** meetings_started and meetings_client.  *out is malloc'd (caller frees;
** NULL when none). */
enum rp_status meeting_find(store *st, int64_t client_id, enum meeting_span span, size_t limit,
			    meeting_entry **out, size_t *n, rp_error *err);

/* Each client's next planned meeting (the earliest, as meeting_next_planned
** picks it), for the Clients screen: one query over the planned meetings
** alone.  *out is malloc'd (caller frees), ordered by client_id. */
typedef struct meeting_next {
	int64_t client_id;
	int64_t id;
	int64_t planned_at;        /* 0 when it has no date */
} meeting_next;

enum rp_status meeting_next_all(store *st, meeting_next **out, size_t *n, rp_error *err);

/* The entry of client_id in a meeting_next_all() list, or NULL. */
const meeting_next *meeting_next_of(const meeting_next *v, size_t n, int64_t client_id);

/* Move planned meeting id to planned_at (UTC seconds).  RP_ENOTFOUND for
** no such meeting, RP_EINVAL for one not planned (live, ended,
** cancelled), each saying so. */
enum rp_status meeting_reschedule(store *st, int64_t id, int64_t planned_at, rp_error *err);

/* Give planned meeting id a new title (checked as meeting_check_title). */
enum rp_status meeting_retitle(store *st, int64_t id, const char *title, rp_error *err);

/* Cancel planned meeting id, now.  Its agenda stays as it is, pending: it
** is carried into the client's next meeting, at once when one is planned
** already (*carried_into is then that meeting, else 0; may be NULL), else
** when one is planned or started.  A cancelled meeting is no contact. */
enum rp_status meeting_cancel(store *st, const rp_clock *clock, int64_t id,
			      int64_t *carried_into, rp_error *err);

/* Discard live meeting id, which has no notes: started by mistake, or the
** client did not come.  One that was planned (it has a date, prep notes,
** or was made at least a minute before it started) goes back to planned
** as it was: its agenda's items pending with no time spent, no talk
** recorded.  One started on the spot is deleted, and what it had carried
** waits again.  *deleted (may be NULL) says which.  A meeting with notes,
** or not live, is RP_EINVAL. */
enum rp_status meeting_discard(store *st, int64_t id, bool *deleted, rp_error *err);

/* Was a meeting planned for planned_at (UTC seconds, 0: no time) missed
** by now?  Over an hour gone by and still planned: the Clients screen and
** Prep say so, rather than call it the next meeting. */
#define MEETING_MISSED_AFTER 3600
bool meeting_missed(int64_t planned_at, int64_t now);

/* Mark a planned meeting live, now.  A meeting already live is left as it
** is (resumed); an ended one is RP_EINVAL. */
enum rp_status meeting_start(store *st, const rp_clock *clock, int64_t id, rp_error *err);

/* Is meeting id live?  RP_OK; RP_EINVAL ("meeting 3 has ended") when it
** is planned or ended; RP_ENOTFOUND; or an error reading it. */
enum rp_status meeting_check_live(store *st, int64_t id, rp_error *err);

/* End a live meeting now: the active item and the running talk segment are
** closed with it, and what was left unfinished is carried into the client's
** next planned meeting, if one is planned already. */
enum rp_status meeting_end(store *st, const rp_clock *clock, int64_t id, rp_error *err);

/* The meeting `rapport export last` means: the one most recently started
** (live or ended); when none has started, the one most recently planned.
** RP_ENOTFOUND when there are no meetings. */
enum rp_status meeting_last(store *st, int64_t *id, rp_error *err);

/* Does meeting id exist?  RP_OK, RP_ENOTFOUND, or an error. */
enum rp_status meeting_exists(store *st, int64_t id, rp_error *err);

/* Add a walkthrough entry to agenda item item_id, after the others.
** minutes < 0 and depends_on NULL mean not known. */
enum rp_status agenda_add_walkthrough(store *st, int64_t item_id, const char *member,
				      const char *did, int minutes, const char *depends_on,
				      int64_t *id, rp_error *err);

/* Remove walkthrough entry `index` (0-based, in order) of item_id. */
enum rp_status agenda_remove_walkthrough(store *st, int64_t item_id, int index, rp_error *err);

/* Make item item_id of its live meeting the active one, now: the item that
** was active goes back to pending (or stays done) with its time kept. */
enum rp_status agenda_start_item(store *st, const rp_clock *clock, int64_t item_id,
				 rp_error *err);

/* Set an item's status (done, skipped, parked, pending).  An active item
** that leaves that state keeps the time spent on it.  The agenda of an
** ended meeting stays as it was left: RP_EINVAL (so do agenda_add_item and
** agenda_edit_item). */
enum rp_status agenda_set_status(store *st, const rp_clock *clock, int64_t item_id,
				 enum agenda_status status, rp_error *err);

/* Planned length: a meeting's planned_minutes that follows its timeboxes
** (none set, or equal to their sum) stays their sum as items are carried
** in, added, edited or removed; a length someone chose otherwise stays. */

/* Add an item at the end of meeting_id's agenda.  Sets *item_id when not
** NULL. */
enum rp_status agenda_add_item(store *st, int64_t meeting_id, const agenda_spec *spec,
			       int64_t *item_id, rp_error *err);

/* Change an item's title and timebox (spec->minutes 0: no timebox).  An
** item edited by hand is no longer the invitation's line (from_invite):
** an updated invitation leaves it as it is. */
enum rp_status agenda_edit_item(store *st, int64_t item_id, const agenda_spec *spec,
				rp_error *err);

/* Remove item_id from its agenda (with its walkthrough); the items after
** it move up. */
enum rp_status agenda_remove_item(store *st, int64_t item_id, rp_error *err);

/* Move item_id to position to (1-based, clamped), the others shifting. */
enum rp_status agenda_move_item(store *st, int64_t item_id, int to, rp_error *err);

/* Copy into meeting_id the items left unfinished (pending or parked) in its
** client's last ended meeting before it, and the agendas of the client's
** meetings cancelled since that one ended, each with its walkthrough, carry
** count plus one and a link to where it came from.  An item already carried
** (into this meeting or another) is not carried again.  A planned length
** that followed the timeboxes (none, or their sum) grows by the carried
** items' timeboxes; a length someone chose stays.  Sets *carried (may be
** NULL) to how many were. */
enum rp_status agenda_carry_over(store *st, int64_t meeting_id, int *carried, rp_error *err);

/* A built-in agenda: "kickoff", "weekly", "steering" or "retro".  Writes up
** to max items to out and returns how many, or 0 for an unknown name;
** *title (may be NULL) gets the meeting title it suggests. */
size_t agenda_template(const char *name, agenda_spec *out, size_t max, const char **title);

/* The same, in lang: the agenda is shared with the client, so it is in the
** client's language (the names stay English: they are what is typed). */
size_t agenda_template_in(enum rp_lang lang, const char *name, agenda_spec *out, size_t max,
			  const char **title);

/* The names of the built-in agendas, NULL-terminated. */
extern const char *const agenda_template_names[];

/* Id of the item at position (1-based) of meeting_id; RP_ENOTFOUND if none. */
enum rp_status agenda_item_at(store *st, int64_t meeting_id, int position, int64_t *item_id,
			      rp_error *err);

#endif
