/* export_ics.c: a recap as iCalendar, for the user's calendar.  See export.h.
**
** libical writes the file: RFC 5545 escaping of TEXT values (",", ";", "\",
** newlines), folding at 75 octets (never inside a UTF-8 character: it breaks
** after ";", ":" or " ", else before an ASCII or lead byte) and CRLF line
** ends.  This file only decides what goes in, and sanitizes every text first
** so no control character reaches a calendar (or a terminal that shows it).
**
** The UIDs are built from database ids, so exporting the same meeting again
** updates the calendar's entries instead of duplicating them.
*/
#include "rapport/export.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "ical.h"
#include "rapport/date.h"
#include "rapport/recap.h"
#include "rapport/text.h"

#define ICS_PRODID "-//rapport//rapport 0.1//EN"
#define ICS_CATEGORY "rapport"

/* Add prop to comp; false when libical could not make it.  Every value
** passed here is valid (never NULL), so that means out of memory. */
static bool
add_prop(icalcomponent *comp, icalproperty *prop)
{
	if (prop == NULL)
		return false;
	icalcomponent_add_property(comp, prop);
	return true;
}

/* An all-day date as libical wants it for VALUE=DATE. */
static struct icaltimetype
ical_date(rp_date d)
{
	struct icaltimetype t = icaltime_null_date();

	t.year = d.year;
	t.month = d.month;
	t.day = d.day;
	return t;
}

/* Read a stored due date, "YYYY-MM-DD" exactly.  False when it is not a
** real day: the store never writes one, so the caller reports it rather
** than guess. */
static bool
parse_due(const char *s, rp_date *out)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	for (i = 0; shape[i] != '\0'; i++) {
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return false;
	}
	if (s[i] != '\0')
		return false;
	out->year = atoi(s);
	out->month = atoi(s + 5);
	out->day = atoi(s + 8);
	return date_valid(out->year, out->month, out->day);
}

/* A malloc'd printf; NULL when out of memory. */
static char *
format_alloc(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
format_alloc(const char *fmt, ...)
{
	va_list ap;
	char *buf;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || (buf = malloc((size_t)len + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return buf;
}

/* Properties every component of ours carries. */
static bool
add_common(icalcomponent *comp, const char *uid, struct icaltimetype stamp, const char *summary)
{
	return add_prop(comp, icalproperty_new_uid(uid)) &&
	       add_prop(comp, icalproperty_new_dtstamp(stamp)) &&
	       add_prop(comp, icalproperty_new_summary(summary));
}

/* One VTODO for follow-up f into cal.  The description names the meeting
** (title, client and day come sanitized and flattened from the caller) so
** the task still makes sense in a calendar far from rapport.  RP_EINVAL
** (reported) for a due date that is not one; RP_ENOMEM is left for
** export_ics to report. */
static enum rp_status
add_todo(icalcomponent *cal, const recap *r, const recap_followup *f,
	 struct icaltimetype stamp, const char *title, const char *client, rp_error *err)
{
	enum rp_status status = RP_ENOMEM;
	icalcomponent *todo = NULL;
	char *uid = NULL, *summary = NULL, *owner = NULL, *desc = NULL;
	char day[11];
	rp_date due = {0, 0, 0};
	bool has_due = f->due != NULL && f->due[0] != '\0';  /* "" is no date */

	if (has_due && !parse_due(f->due, &due)) {
		char *shown = text_sanitize(f->due, " ");

		status = rp_fail(err, RP_EINVAL,
				 "follow-up %" PRId64 " has a due date that is not a date: \"%s\"",
				 f->id, shown ? shown : "?");
		free(shown);
		goto out;
	}
	date_format(r->day, day);
	if ((uid = format_alloc("rapport-followup-%" PRId64 "-meeting-%" PRId64, f->id,
				r->s->meeting_id)) == NULL ||
	    (summary = text_sanitize(f->text ? f->text : "", " ")) == NULL)
		goto out;
	if (f->owner != NULL && f->owner[0] != '\0') {
		if ((owner = text_sanitize(f->owner, " ")) == NULL ||
		    (desc = format_alloc("Owner: %s\nFrom the meeting \"%s\" with %s on %s", owner,
					 title, client, day)) == NULL)
			goto out;
	} else if ((desc = format_alloc("From the meeting \"%s\" with %s on %s", title, client,
					day)) == NULL) {
		goto out;
	}
	if ((todo = icalcomponent_new_vtodo()) == NULL || !add_common(todo, uid, stamp, summary) ||
	    (has_due && !add_prop(todo, icalproperty_new_due(ical_date(due)))) ||
	    !add_prop(todo, icalproperty_new_status(ICAL_STATUS_NEEDSACTION)) ||
	    !add_prop(todo, icalproperty_new_description(desc)) ||
	    !add_prop(todo, icalproperty_new_categories(ICS_CATEGORY)))
		goto out;
	icalcomponent_add_component(cal, todo);
	todo = NULL;
	status = RP_OK;
out:
	if (todo != NULL)
		icalcomponent_free(todo);
	free(uid);
	free(summary);
	free(owner);
	free(desc);
	return status;
}

/* The VEVENT for the next check-in: all day on the suggested date, and
** transparent, since it marks a deadline to call, not a busy slot.
** RP_OK or RP_ENOMEM (left for export_ics to report). */
static enum rp_status
add_checkin(icalcomponent *cal, const recap *r, struct icaltimetype stamp, const char *client)
{
	enum rp_status status = RP_ENOMEM;
	icalcomponent *event = NULL;
	char *uid = NULL, *summary = NULL, *desc = NULL;
	char from[11], to[11];

	date_format(r->next_from, from);
	date_format(r->next_to, to);
	if ((uid = format_alloc("rapport-checkin-meeting-%" PRId64, r->s->meeting_id)) == NULL ||
	    (summary = format_alloc("Check in with %s", client)) == NULL ||
	    (desc = format_alloc("Not before %s, by %s (cadence %d-%d days).", from, to,
				 r->s->cadence_min, r->s->cadence_max)) == NULL)
		goto out;
	if ((event = icalcomponent_new_vevent()) == NULL ||
	    !add_common(event, uid, stamp, summary) ||
	    !add_prop(event, icalproperty_new_dtstart(ical_date(r->next_suggested))) ||
	    !add_prop(event, icalproperty_new_dtend(ical_date(date_add_days(r->next_suggested, 1)))) ||
	    !add_prop(event, icalproperty_new_description(desc)) ||
	    !add_prop(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT)))
		goto out;
	icalcomponent_add_component(cal, event);
	event = NULL;
	status = RP_OK;
out:
	if (event != NULL)
		icalcomponent_free(event);
	free(uid);
	free(summary);
	free(desc);
	return status;
}

/* Take out the folds libical puts at a line end.  libical 3.0 counts the
** CR of CRLF as content: a line that reaches 75 octets with it gets its
** fold inside the CRLF ("\r" "\r\n " "\n": a bare CR, then a line of one
** blank), and one that reaches 75 with its LF gets an empty continuation
** line ("\r\n " "\r\n").  Texts are sanitized, so neither sequence is
** ever content.  Works in place. */
static void
repair_line_ends(char *s)
{
	static const char *const bad[] = { "\r\r\n \n", "\r\n \r\n" };
	char *in = s, *o = s;
	size_t k;

	while (*in != '\0') {
		for (k = 0; k < sizeof bad / sizeof bad[0]; k++)
			if (strncmp(in, bad[k], strlen(bad[k])) == 0)
				break;
		if (k < sizeof bad / sizeof bad[0]) {
			memcpy(o, "\r\n", 2);
			o += 2;
			in += strlen(bad[k]);
		} else {
			*o++ = *in++;
		}
	}
	*o = '\0';
}

/* Only open follow-ups become tasks: done and dropped ones would land in
** the calendar as work still to do.  Notes are never read, so private ones
** cannot leak. */
enum rp_status
ical_export_ics(const struct recap *r, int64_t now, char **out, rp_error *err)
{
	enum rp_status status = RP_ENOMEM;
	icalcomponent *cal = NULL;
	char *title = NULL, *client = NULL, *text = NULL;
	struct icaltimetype stamp;
	size_t i;

	*out = NULL;
	if (r == NULL || r->s == NULL)
		return rp_fail(err, RP_EINVAL, "no meeting to export");
	stamp = icaltime_from_timet_with_zone((time_t)now, 0, icaltimezone_get_utc_timezone());
	if ((title = text_sanitize(r->s->title ? r->s->title : "", " ")) == NULL ||
	    (client = text_sanitize(r->s->client_name ? r->s->client_name : "", " ")) == NULL)
		goto out;
	if ((cal = icalcomponent_new_vcalendar()) == NULL ||
	    !add_prop(cal, icalproperty_new_prodid(ICS_PRODID)) ||
	    !add_prop(cal, icalproperty_new_version("2.0")) ||
	    !add_prop(cal, icalproperty_new_calscale("GREGORIAN")) ||
	    !add_prop(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH)))
		goto out;
	for (i = 0; i < r->nfollowups; i++) {
		if (r->followups[i].status != FOLLOWUP_OPEN)
			continue;
		if ((status = add_todo(cal, r, &r->followups[i], stamp, title, client, err)) != RP_OK)
			goto out;
	}
	if (r->next_suggested.year != 0 &&
	    (status = add_checkin(cal, r, stamp, client)) != RP_OK)
		goto out;
	status = RP_ENOMEM;
	if ((text = icalcomponent_as_ical_string_r(cal)) == NULL ||
	    (*out = strdup(text)) == NULL)
		goto out;
	repair_line_ends(*out);
	status = RP_OK;
out:
	if (status == RP_ENOMEM)
		rp_fail(err, RP_ENOMEM, "out of memory writing the calendar");
	if (text != NULL)
		icalmemory_free_buffer(text);
	if (cal != NULL)
		icalcomponent_free(cal);
	free(title);
	free(client);
	return status;
}
