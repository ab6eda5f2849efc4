/* invite.c: a calendar invitation read for planning.  See invite.h.
**
** libical does the iCalendar work: unfolding (even a fold that splits a
** UTF-8 character), unescaping "\n", "\," and "\;", and VTIMEZONE rules.
** This file picks the first VEVENT, turns its times into UTC seconds and
** its description into agenda items.
**
** Which description lines become agenda items is agenda_lines.c's
** business.
*/
#include "rapport/invite.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libical/ical.h>

#include "agenda_lines.h"
#include "field.h"
#include "ical.h"
#include "rapport/text.h"

#define INVITE_FILE_MAX (1024 * 1024)  /* bytes; invitations are a few KiB */
#define ELLIPSIS "\xE2\x80\xA6"        /* "…" */

/* Copy valid UTF-8 src into dst[size]: whole when it has at most max_chars
** characters and fits, else cut at a character boundary and ended with "…"
** so that a reader sees something is missing. */
static void
copy_cut(char *dst, size_t size, const char *src, size_t max_chars)
{
	size_t len = strlen(src), i = 0, chars = 0;
	uint32_t cp;
	int n;

	if (len < size && text_length(src) <= max_chars) {
		memcpy(dst, src, len + 1);
		return;
	}
	while (i < len && chars + 1 < max_chars) {
		n = text_utf8_decode(src + i, len - i, &cp);
		if (n == 0)
			n = 1;
		if (i + (size_t)n + sizeof ELLIPSIS > size)
			break;
		i += (size_t)n;
		chars++;
	}
	while (i > 0 && src[i - 1] == ' ')
		i--;
	memcpy(dst, src, i);
	memcpy(dst + i, ELLIPSIS, sizeof ELLIPSIS);
}

/* The agenda items of the description: see agenda_lines.c. */
static enum rp_status
read_items(const char *description, invite *out, rp_error *err)
{
	return agenda_lines_read(description, out, err);
}

/* Read at most INVITE_FILE_MAX bytes of path into a malloc'd string
** (*text, caller frees). */
static enum rp_status
read_file(const char *path, char **text, rp_error *err)
{
	enum rp_status status = RP_OK;
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len;

	*text = NULL;
	if (f == NULL)
		return rp_fail(err, RP_EIO, "cannot open %s: %s", path, strerror(errno));
	/* One byte more than allowed tells a file that is too large. */
	if ((buf = malloc(INVITE_FILE_MAX + 2)) == NULL) {
		status = rp_fail(err, RP_ENOMEM, "out of memory");
		goto out;
	}
	len = fread(buf, 1, INVITE_FILE_MAX + 1, f);
	if (ferror(f)) {
		status = rp_fail(err, RP_EIO, "cannot read %s: %s", path, strerror(errno));
		goto out;
	}
	if (len > INVITE_FILE_MAX) {
		status = rp_fail(err, RP_EINVAL, "%s is too large for an invitation (more than %d KiB)",
				 path, INVITE_FILE_MAX / 1024);
		goto out;
	}
	if (memchr(buf, '\0', len) != NULL) {
		status = rp_fail(err, RP_EINVAL, "%s is not an iCalendar file (it holds binary data)",
				 path);
		goto out;
	}
	buf[len] = '\0';
	*text = buf;
	buf = NULL;
out:
	free(buf);
	fclose(f);
	return status;
}

/* Fail when libical dropped property name of event as unreadable: it then
** leaves an X-LIC-ERROR naming it, and the time would silently be lost. */
static enum rp_status
check_dropped(icalcomponent *event, const char *path, const char *name, rp_error *err)
{
	icalproperty *p;
	const char *text;
	char needle[32];

	snprintf(needle, sizeof needle, " %s ", name);
	for (p = icalcomponent_get_first_property(event, ICAL_XLICERROR_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(event, ICAL_XLICERROR_PROPERTY)) {
		text = icalproperty_get_xlicerror(p);
		if (text != NULL && strstr(text, needle) != NULL)
			return rp_fail(err, RP_EINVAL, "%s: the event's %s cannot be read", path, name);
	}
	return RP_OK;
}

/* UTC seconds of t, the value of property prop (name: DTSTART or DTEND).
** A zone comes from the file's VTIMEZONE or, failing that, libical's
** copy of the system zoneinfo; UTC is "Z"; a time with neither, or a date
** (all-day event, read as its midnight), is local time. */
static enum rp_status
utc_seconds(struct icaltimetype t, icalproperty *prop, const char *name, const char *path,
	    int64_t *out, rp_error *err)
{
	icalparameter *tzid = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
	struct tm tm;
	time_t secs;

	if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
		return rp_fail(err, RP_EINVAL, "%s: the event's %s cannot be read", path, name);
	if (t.zone != NULL && !t.is_date) {
		*out = (int64_t)icaltime_as_timet_with_zone(t, t.zone);
		return RP_OK;
	}
	/* libical leaves an unknown TZID floating; local time would be a
	** silent guess, hours off. */
	if (tzid != NULL && !t.is_date) {
		/* Cut by characters: "%.80s" could end the message inside one. */
		char *shown = text_sanitize(icalparameter_get_tzid(tzid), " "), zone[256];
		enum rp_status status;

		copy_cut(zone, sizeof zone, shown ? shown : "?", 60);
		status = rp_fail(err, RP_EINVAL,
				 "%s: unknown time zone \"%s\" in %s (no VTIMEZONE in the file,"
				 " not in the system's zoneinfo)",
				 path, zone, name);
		free(shown);
		return status;
	}
	memset(&tm, 0, sizeof tm);
	tm.tm_year = t.year - 1900;
	tm.tm_mon = t.month - 1;
	tm.tm_mday = t.day;
	tm.tm_hour = t.is_date ? 0 : t.hour;
	tm.tm_min = t.is_date ? 0 : t.minute;
	tm.tm_sec = t.is_date ? 0 : t.second;
	tm.tm_isdst = -1;
	if ((secs = mktime(&tm)) == (time_t)-1)
		return rp_fail(err, RP_EINVAL, "%s: the event's %s is out of range", path, name);
	*out = (int64_t)secs;
	return RP_OK;
}

/* Set out->starts_at and out->minutes from DTSTART and DTEND or DURATION.
** An all-day event has a start (its local midnight) but no length. */
static enum rp_status
read_times(icalcomponent *event, const char *path, invite *out, rp_error *err)
{
	icalproperty *start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
	icalproperty *end = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
	icalproperty *duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY);
	struct icaltimetype t;
	enum rp_status status;
	int64_t ends_at, seconds = 0;

	if ((status = check_dropped(event, path, "DTSTART", err)) != RP_OK ||
	    (status = check_dropped(event, path, "DTEND", err)) != RP_OK ||
	    (status = check_dropped(event, path, "DURATION", err)) != RP_OK)
		return status;
	if (start == NULL)
		return RP_OK;
	t = icalcomponent_get_dtstart(event);
	if ((status = utc_seconds(t, start, "DTSTART", path, &out->starts_at, err)) != RP_OK)
		return status;
	if (t.is_date)
		return RP_OK;
	if (end != NULL) {
		if ((status = utc_seconds(icalcomponent_get_dtend(event), end, "DTEND", path,
					  &ends_at, err)) != RP_OK)
			return status;
		seconds = ends_at - out->starts_at;
	} else if (duration != NULL) {
		seconds = icaldurationtype_as_int(icalproperty_get_duration(duration));
	}
	if (seconds < 0)
		return rp_fail(err, RP_EINVAL, "%s: the event ends before it starts", path);
	if (seconds / 60 > MEETING_MINUTES_MAX)
		return rp_fail(err, RP_EINVAL,
			       "%s: the event lasts %lld minutes; a meeting lasts at most %d", path,
			       (long long)(seconds / 60), MEETING_MINUTES_MAX);
	out->minutes = (int)(seconds / 60);
	return RP_OK;
}

/* Copy a TEXT property value into dst[size]: valid UTF-8 required, control
** characters neutralised (line breaks become newline), blanks trimmed, cut
** to max_chars.  Sets *whole (caller frees) to the sanitized text before
** the cut when whole is not NULL. */
static enum rp_status
read_text(const char *value, const char *path, const char *name, const char *newline,
	  char *dst, size_t size, size_t max_chars, char **whole, rp_error *err)
{
	char *s;

	dst[0] = '\0';
	if (value == NULL)
		return RP_OK;
	if (!text_utf8_valid(value, strlen(value)))
		return rp_fail(err, RP_EINVAL, "%s: %s is not valid UTF-8", path, name);
	if ((s = text_sanitize(value, newline)) == NULL)
		return rp_fail(err, RP_ENOMEM, "out of memory");
	text_trim(s);
	if (text_visible(s))
		copy_cut(dst, size, s, max_chars);
	if (whole != NULL)
		*whole = s;
	else
		free(s);
	return RP_OK;
}

/* icalparser_parse_string with stderr sent to /dev/null: libical prints
** some parse warnings itself ("Encountered END before BEGIN"), and the core
** never prints, least of all under the curses screen.  If stderr cannot be
** moved aside, the file is parsed all the same. */
static icalcomponent *
parse_quietly(const char *text)
{
	icalcomponent *root;
	int saved, null_fd;

	fflush(stderr);
	saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
	null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null_fd >= 0)
		dup2(null_fd, STDERR_FILENO);
	root = icalparser_parse_string(text);
	if (saved >= 0 && null_fd >= 0) {
		fflush(stderr);
		dup2(saved, STDERR_FILENO);
	}
	if (null_fd >= 0)
		close(null_fd);
	if (saved >= 0)
		close(saved);
	return root;
}

/* The VCALENDAR of root: root itself, or the first of several. */
static icalcomponent *
calendar_of(icalcomponent *root)
{
	if (root == NULL)
		return NULL;
	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT)
		return root;
	if (icalcomponent_isa(root) == ICAL_XROOT_COMPONENT)
		return icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
	return NULL;
}

enum rp_status
ical_invite_read(const char *path, invite *out, rp_error *err)
{
	enum rp_status status;
	icalcomponent *root = NULL, *calendar, *event;
	char *text = NULL, *description = NULL;
	const char *start;

	memset(out, 0, sizeof *out);
	if ((status = read_file(path, &text, err)) != RP_OK)
		goto out;
	/* A byte order mark, as some Windows tools write, is not content. */
	start = strncmp(text, "\xEF\xBB\xBF", 3) == 0 ? text + 3 : text;
	root = parse_quietly(start);
	if ((calendar = calendar_of(root)) == NULL) {
		status = rp_fail(err, RP_EINVAL,
				 "%s is not an iCalendar file (no BEGIN:VCALENDAR ... END:VCALENDAR)",
				 path);
		goto out;
	}
	if ((event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT)) == NULL) {
		status = rp_fail(err, RP_EINVAL, "%s holds no event (VEVENT)", path);
		goto out;
	}
	if ((status = read_times(event, path, out, err)) != RP_OK)
		goto out;
	if ((status = read_text(icalcomponent_get_summary(event), path, "SUMMARY", " ",
				out->title, sizeof out->title, MEETING_TITLE_MAX, NULL,
				err)) != RP_OK ||
	    (status = read_text(icalcomponent_get_location(event), path, "LOCATION", " ",
				out->location, sizeof out->location, SIZE_MAX, NULL, err)) != RP_OK ||
	    (status = read_text(icalcomponent_get_description(event), path, "DESCRIPTION", "\n",
				out->description, sizeof out->description, SIZE_MAX, &description,
				err)) != RP_OK)
		goto out;
	/* Items come from the whole description, not the copy cut to fit. */
	if (description != NULL)
		status = read_items(description, out, err);
out:
	free(description);
	if (root != NULL)
		icalcomponent_free(root);
	free(text);
	if (status != RP_OK)
		memset(out, 0, sizeof *out);
	return status;
}
