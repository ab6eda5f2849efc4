/* export.h: a meeting written out for people and programs. */
#ifndef RAPPORT_EXPORT_H
#define RAPPORT_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/error.h"
#include "rapport/store.h"

/* What a meeting can be exported as. */
enum export_format {
	EXPORT_UNKNOWN,  /* a name that says none of the formats below */
	EXPORT_MD,       /* Markdown, export_markdown() */
	EXPORT_JSON,     /* export_json() */
	EXPORT_ICS,      /* iCalendar, export_ics() */
};

/* The format a file name's extension names: ".md", ".json" or ".ics", case
** aside ("x.MD", "x.Json").  Only the last extension of the last component
** counts, so "a.md.txt", a folder-like "dir.md/", a name that is only an
** extension (".ics"), a name without one, and NULL are EXPORT_UNKNOWN.
** Pure: the file system is not looked at. */
enum export_format export_format_of_name(const char *name);

/* "md", "json" or "ics" (the words of --format); NULL for EXPORT_UNKNOWN. */
const char *export_format_word(enum export_format format);

/* The whole of meeting id as one JSON object (DESIGN.md §5.1), indented,
** with a final newline.  Private notes are left out unless include_private.
** Talk still running counts up to the clock's now.  Control characters
** from stored text are neutralised (U+FFFD), not merely escaped, so a JSON
** reader cannot turn them back into escape sequences.  *out is
** malloc'd; the caller frees it. */
enum rp_status export_json(store *st, const rp_clock *clock, int64_t id, bool include_private,
			   char **out, rp_error *err);

struct recap;

/* A recap fit to paste into an email to the client, in Markdown: the
** decisions, the actions with owners and dates, the open questions, what
** the client told us (needs and concerns), what each team member did (from
** the walkthroughs), and the next check-in.  Never private notes, never
** personal facts.  Text is neutralised (no control characters) and Markdown
** characters in it are escaped.  *out is malloc'd; the caller frees it. */
enum rp_status export_markdown(const struct recap *r, char **out, rp_error *err);

/* Meeting id as iCalendar (RFC 5545), written by libical, for a person to
** import: a VTODO for each of its follow-ups with its status (open, done
** with COMPLETED, dropped as CANCELLED) and DUE date, and the client's
** one check-in (calendar.h), each with the SEQUENCE and LAST-MODIFIED
** calendar_stamp() gives it, which is why the store must be writable.
** The clock's now is the DTSTAMP.  Never notes, so never private ones.
** *out is malloc'd; the caller frees it. */
enum rp_status export_ics(store *st, const rp_clock *clock, int64_t id, char **out,
			  rp_error *err);

/* Would export_write(path, ..., force) refuse path before writing?  The
** same RP_EEXIST or RP_EINVAL (a folder) it would give, said before the
** export is made: an iCalendar export remembers what it exported, and
** must not when the file is then refused.  RP_OK otherwise. */
enum rp_status export_check_target(const char *path, bool force, rp_error *err);

/* Write data to path: a new file (0600), or over an existing one only with
** force.  Written to a temporary file and renamed, so a failure never
** leaves half a file.  A path that is not a regular file (a terminal,
** /dev/stdout, a FIFO, a device) is written to as it is, force or not:
** never renamed over.  RP_EIO says why a write failed. */
enum rp_status export_write(const char *path, const char *data, bool force, rp_error *err);

#endif
