/* invite.h: a calendar invitation (iCalendar, RFC 5545) read for planning.
**
** `rapport plan CLIENT --from-ics FILE` takes the time, title, location and
** description of the first VEVENT of FILE; the description's agenda lines
** become agenda items ("Budget (15 min)", "- Budget:15" and "1. Budget" are
** understood), not its greeting, signature or join block (agenda_lines.c).  Parsing is libical's: folded lines, escapes,
** time zones (TZID with a VTIMEZONE, UTC, floating) and UTF-8 are its job.
*/
#ifndef RAPPORT_INVITE_H
#define RAPPORT_INVITE_H

#include <stddef.h>
#include <stdint.h>

#include "rapport/error.h"
#include "rapport/meeting.h"

typedef struct invite {
	char title[MEETING_TITLE_MAX * 4 + 1];  /* SUMMARY, "" when none */
	int64_t starts_at;        /* DTSTART as UTC seconds; 0 when none */
	int minutes;              /* DTEND - DTSTART or DURATION; 0 when none */
	char location[1024];      /* LOCATION, "" when none */
	char description[8192];   /* DESCRIPTION, "" when none (cut if longer) */
	agenda_spec items[AGENDA_ITEMS_MAX];  /* from the description's lines */
	size_t nitems;
} invite;

/* Read the first VEVENT of the iCalendar file at path into *out.
** A floating DTSTART (no zone) is local time.  Text is sanitized (no
** control characters) and must be valid UTF-8.  Returns RP_OK, or RP_EINVAL
** / RP_EIO with err saying what is wrong (not a calendar, no event, a file
** that cannot be read). */
enum rp_status invite_read(const char *path, invite *out, rp_error *err);

/* Turn one description line into an agenda item: leading bullets ("-",
** "*", "•", "1.", "1)") go; a trailing timebox "(15 min)", "(15')", "15 min",
** "- 15'" or ":15" is read as minutes.  Returns RP_OK, RP_ENOTFOUND for a
** line that holds no item (blank, a greeting, a sign-off, a phone number, a
** link, a disclaimer...; err says which), or RP_EINVAL for a line that
** cannot be a title. */
enum rp_status invite_line_item(const char *line, agenda_spec *out, rp_error *err);

#endif
