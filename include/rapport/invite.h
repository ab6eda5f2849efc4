/* invite.h: a calendar invitation (iCalendar, RFC 5545) read for planning.
**
** `rapport plan CLIENT --from-ics FILE` takes the time, title, location and
** description of the first VEVENT of FILE; the description's agenda lines
** become agenda items ("Budget (15 min)", "- Budget:15" and "1. Budget" are
** understood), not its greeting, signature or join block (agenda_lines.c).  Parsing is libical's: folded lines, escapes,
** time zones (TZID with a VTIMEZONE, UTC, floating) and UTF-8 are its job.
**
** The invitation's identity is kept too (UID, SEQUENCE, METHOD:CANCEL or
** STATUS:CANCELLED, ORGANIZER and ATTENDEEs), so that importing it again
** updates or cancels the meeting it planned (invite_apply).  A recurring
** invitation (RRULE, RDATE, EXDATE, and VEVENTs of the same UID whose
** RECURRENCE-ID moves, retitles or cancels one occurrence) stands for the
** occurrence that has not ended at `now`.
*/
#ifndef RAPPORT_INVITE_H
#define RAPPORT_INVITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/error.h"
#include "rapport/meeting.h"

#define INVITE_UID_MAX 1024        /* bytes of a UID kept; Exchange's are ~120 */
#define INVITE_ATTENDEES_MAX 100   /* organizer and attendees kept, in order */
#define INVITE_NAME_MAX 200        /* characters of an attendee's name (CN) */

enum invite_role { INVITE_ORGANIZER, INVITE_ATTENDEE, INVITE_OPTIONAL, INVITE_RESOURCE };

/* "organizer", "attendee", "optional", "resource": attendees.role. */
const char *invite_role_name(enum invite_role role);

/* The ORGANIZER or one ATTENDEE.  A room or a resource (CUTYPE=ROOM or
** RESOURCE) is INVITE_RESOURCE whatever its ROLE; ROLE=OPT-PARTICIPANT
** and NON-PARTICIPANT are INVITE_OPTIONAL. */
typedef struct invite_attendee {
	char name[INVITE_NAME_MAX * 4 + 1];  /* CN, "" when none */
	char email[321];                    /* the mailto: address, "" when none */
	enum invite_role role;
} invite_attendee;

typedef struct invite {
	char uid[INVITE_UID_MAX + 1];  /* UID, "" when none */
	int sequence;                  /* SEQUENCE, 0 when none */
	bool method_cancel;            /* the calendar's METHOD is CANCEL */
	bool status_cancelled;         /* the event's STATUS is CANCELLED */
	char recurrence[17];           /* the occurrence as RECURRENCE-ID names it, in UTC
					  ("20261203T090000Z"); "" when it does not repeat */
	bool one_occurrence;           /* the file names one occurrence only (a VEVENT
					  with a RECURRENCE-ID and no series) */
	bool past;                     /* wholly past: the first occurrence was taken */
	invite_attendee attendees[INVITE_ATTENDEES_MAX];
	size_t nattendees;
	char title[MEETING_TITLE_MAX * 4 + 1];  /* SUMMARY, "" when none */
	int64_t starts_at;        /* DTSTART as UTC seconds; 0 when none */
	int minutes;              /* DTEND - DTSTART or DURATION; 0 when none */
	char location[1024];      /* LOCATION, "" when none */
	char description[8192];   /* DESCRIPTION, "" when none (cut if longer) */
	agenda_spec items[AGENDA_ITEMS_MAX];  /* from the description's lines */
	size_t nitems;
} invite;

/* Read the event of the iCalendar file at path into *out: its first
** VEVENT, or for a series the occurrence that has not ended at now (UTC
** seconds, the caller's clock): the first one whose end (its start when it
** has no length) is after now, an overriding VEVENT's time and text taken
** for it, a cancelled one skipped; a series without COUNT is walked from
** a little before now, not from DTSTART, and one whose next occurrence is
** more than 100,000 on is RP_EINVAL, saying so.  An event wholly before now is RP_EINVAL
** ("that meeting was on 2012-06-28; add --past ...") unless past is true:
** then its first occurrence is taken and out->past set.  A cancellation
** (out->method_cancel or status_cancelled) is read whenever it was.
** A floating DTSTART (no zone) is local time.  Text is sanitized (no
** control characters) and must be valid UTF-8.  Returns RP_OK, or RP_EINVAL
** / RP_EIO with err saying what is wrong (not a calendar, no event, a file
** that cannot be read). */
enum rp_status invite_read(const char *path, int64_t now, bool past, invite *out,
			   rp_error *err);

/* Is this invitation a cancellation (METHOD:CANCEL or STATUS:CANCELLED)? */
bool invite_is_cancel(const invite *inv);

/* Turn one description line into an agenda item: leading bullets ("-",
** "*", "•", "1.", "1)") go; a trailing timebox "(15 min)", "(15')", "15 min",
** "- 15'" or ":15" is read as minutes.  Returns RP_OK, RP_ENOTFOUND for a
** line that holds no item (blank, a greeting, a sign-off, a phone number, a
** link, a disclaimer...; err says which), or RP_EINVAL for a line that
** cannot be a title. */
enum rp_status invite_line_item(const char *line, agenda_spec *out, rp_error *err);

/* The agenda items a whole description gives, as invite_read() takes them
** (lists, sentences, what a sign-off or a disclaimer ends), into
** out->items and out->nitems; the rest of *out is left alone. */
enum rp_status invite_description_items(const char *description, invite *out, rp_error *err);

/* ---- Applying an invitation to a client's meetings (invite_apply.c) ---- */

enum invite_outcome {
	INVITE_PLANNED,    /* a new meeting, keeping the invitation's identity */
	INVITE_UPDATED,    /* the planned meeting, brought to a higher SEQUENCE */
	INVITE_UNCHANGED,  /* the planned meeting is at this SEQUENCE or a later one */
	INVITE_ADVANCED,   /* the planned meeting stood for an occurrence over: moved to
			      the series' next (its time and occurrence only) */
	INVITE_HELD,       /* this meeting (this occurrence) is live, ended or cancelled */
	INVITE_CANCELLED,  /* the planned meeting (or each of a series) cancelled */
};

typedef struct invite_result {
	enum invite_outcome outcome;
	int64_t meeting;          /* the meeting planned, updated, left or cancelled (the first) */
	enum meeting_state state; /* INVITE_HELD: that meeting's state */
	int sequence;             /* INVITE_UNCHANGED: the SEQUENCE the meeting is at */
	size_t cancelled;         /* meetings cancelled */
	int64_t carried_into;     /* a cancelled agenda went there (0: it waits) */
	bool logged;              /* INVITE_PLANNED with inv->past: recorded as held */
	bool moved;               /* moved_from -> planned_at */
	int64_t moved_from, planned_at;  /* INVITE_UNCHANGED: planned_at, the meeting's time */
	bool retitled;            /* old_title -> the invitation's */
	char old_title[MEETING_TITLE_MAX * 4 + 1];
	bool relocated;           /* another LOCATION */
	bool resized;             /* another length */
	int items_added, items_removed;
	int people_added;         /* the client's people made from attendees, named in people */
	char people[512];         /* "Zoë Lefèvre, Marc Petit", cut with "…" */
} invite_result;

typedef struct invite_apply_args {
	int64_t client_id;
	const invite *inv;
	const meeting_plan_args *plan;  /* the meeting to plan when none comes from inv:
					   its time, title, items (inv's first), ... */
	bool hand_changes;              /* plan holds the caller's own time, title, length or
					   items: refused when inv updates or cancels a meeting */
	const char *const *mine;        /* the user's own mail addresses, NULL-terminated
					   (NULL: none known) */
} invite_apply_args;

/* Apply an invitation to the client's meetings, in one transaction, and
** say in *out what happened:
**   - no meeting has its UID: plan a->plan, keeping UID, SEQUENCE and the
**     occurrence, the invitation's agenda lines marked as such;
**   - a planned meeting of the client has it: a higher SEQUENCE updates its
**     time, length, title, location, description and the agenda lines the
**     invitation gave that are still pending and unedited (gone ones are
**     removed, new ones added; items made or edited by hand stay); an equal
**     or lower one changes nothing (INVITE_UNCHANGED), unless the meeting
**     stands for an occurrence of the series that is over (by its own
**     time too) and inv's is a later one: then it moves there
**     (INVITE_ADVANCED; its agenda, title and SEQUENCE stay);
**   - this occurrence's meeting took place or was cancelled: INVITE_HELD,
**     nothing changed; a series' next occurrence is planned anew;
**   - a cancellation (invite_is_cancel) cancels the planned meeting of that
**     UID (of that occurrence when the file names one), as meeting_cancel
**     does; none is RP_ENOTFOUND.
** Another client's meeting of that UID is RP_EEXIST, naming it.  Attendees
** are kept with the meeting; those who are neither rooms nor resources,
** nor the user (a->mine) nor at the user's mail domain (colleagues), nor
** already among the client's people (same name, case and accents aside,
** or same address) become the client's people.  Grows with the meetings
** of that UID (index meetings_ical) and the client's people. */
enum rp_status invite_apply(store *st, const rp_clock *clock, const invite_apply_args *a,
			    invite_result *out, rp_error *err);

#endif
