/* export_ics.c: calendar objects as iCalendar, for the user's calendar.
** See calendar.h.
**
** libical writes the file: RFC 5545 escaping of TEXT values (",", ";", "\",
** newlines), folding at 75 octets (never inside a UTF-8 character: it breaks
** after ";", ":" or " ", else before an ASCII or lead byte) and CRLF line
** ends.  This file only decides what goes in, and sanitizes every text first
** so no control character reaches a calendar (or a terminal that shows it).
**
** The UIDs, sequences and texts come from the core (calendar.c), so
** exporting the same objects again updates the calendar's entries instead
** of duplicating them.
*/
#include "rapport/calendar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "ical.h"
#include "rapport/date.h"
#include "rapport/text.h"
#include "rapport/i18n.h"

#define ICS_PRODID "-//rapport//rapport 0.1//EN"

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

/* A UTC date-time, as COMPLETED, CREATED and LAST-MODIFIED must be. */
static struct icaltimetype
ical_utc(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone());
}

/* Properties every component of ours carries. */
static bool
add_common(icalcomponent *comp, const char *uid, struct icaltimetype stamp, const char *summary)
{
	return add_prop(comp, icalproperty_new_uid(uid)) &&
	       add_prop(comp, icalproperty_new_dtstamp(stamp)) &&
	       add_prop(comp, icalproperty_new_summary(summary));
}

/* The properties of a task. */
static bool
add_task_props(icalcomponent *todo, const calendar_object *o)
{
	enum icalproperty_status status = o->status == FOLLOWUP_DONE	? ICAL_STATUS_COMPLETED
					  : o->status == FOLLOWUP_DROPPED ? ICAL_STATUS_CANCELLED
									  : ICAL_STATUS_NEEDSACTION;

	if (o->day.year != 0 && !add_prop(todo, icalproperty_new_due(ical_date(o->day))))
		return false;
	if (!add_prop(todo, icalproperty_new_status(status)))
		return false;
	if (o->status == FOLLOWUP_DONE && o->completed_at != 0 &&
	    (!add_prop(todo, icalproperty_new_completed(ical_utc(o->completed_at))) ||
	     !add_prop(todo, icalproperty_new_percentcomplete(100))))
		return false;
	return true;
}

/* The properties of a check-in: all day, and transparent, since it marks
** a day to call, not a busy slot. */
static bool
add_checkin_props(icalcomponent *event, const calendar_object *o)
{
	return add_prop(event, icalproperty_new_dtstart(ical_date(o->day))) &&
	       add_prop(event, icalproperty_new_dtend(ical_date(date_add_days(o->day, 1)))) &&
	       add_prop(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
}

/* One CATEGORIES for all of o's: several properties are allowed, but
** todoman reads only one.  libical writes the commas between them as they
** are and does not escape one inside a value, so a client named "Acme,
** Inc." is "Acme Inc." there, one category, not two. */
static bool
add_categories(icalcomponent *comp, const calendar_object *o)
{
	size_t len = 0, k;
	char *list, *w;
	bool ok;

	for (k = 0; k < o->ncategories; k++)
		len += strlen(o->categories[k]) + 1;
	if ((list = malloc(len + 1)) == NULL)
		return false;
	w = list;
	for (k = 0; k < o->ncategories; k++) {
		const char *c = o->categories[k];

		if (k > 0)
			*w++ = ',';
		for (; *c; c++)
			if (*c != ',')
				*w++ = *c;
	}
	*w = '\0';
	ok = add_prop(comp, icalproperty_new_categories(list));
	free(list);
	return ok;
}

/* One component for object o into cal.  RP_OK or RP_ENOMEM (left for the
** caller to report). */
static enum rp_status
add_object(icalcomponent *cal, const calendar_object *o, struct icaltimetype stamp)
{
	icalcomponent *comp = o->kind == CALENDAR_TODO ? icalcomponent_new_vtodo()
						       : icalcomponent_new_vevent();
	bool ok = comp != NULL && add_common(comp, o->uid, stamp, o->summary ? o->summary : "") &&
		  add_prop(comp, icalproperty_new_created(ical_utc(o->created_at))) &&
		  add_prop(comp, icalproperty_new_lastmodified(ical_utc(o->modified_at))) &&
		  add_prop(comp, icalproperty_new_sequence((int)o->sequence));

	if (ok && o->description && o->description[0])
		ok = add_prop(comp, icalproperty_new_description(o->description));
	if (ok && o->ncategories > 0)
		ok = add_categories(comp, o);
	if (ok)
		ok = o->kind == CALENDAR_TODO ? add_task_props(comp, o) : add_checkin_props(comp, o);
	if (!ok) {
		if (comp != NULL)
			icalcomponent_free(comp);
		return RP_ENOMEM;
	}
	icalcomponent_add_component(cal, comp);
	return RP_OK;
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

/* The texts come neutralised from the core (calendar.c): no control
** character reaches a calendar, nor a terminal that shows it.  Notes are
** never read, so private ones cannot leak. */
enum rp_status
ical_calendar_text(const calendar *c, size_t index, bool publish, int64_t now, char **out,
		   rp_error *err)
{
	enum rp_status status = RP_ENOMEM;
	icalcomponent *cal = NULL;
	char *text = NULL;
	size_t i;

	*out = NULL;
	if (c == NULL || index > c->n)
		return rp_fail(err, RP_EINVAL, _("no calendar object to write"));
	if ((cal = icalcomponent_new_vcalendar()) == NULL ||
	    !add_prop(cal, icalproperty_new_prodid(ICS_PRODID)) ||
	    !add_prop(cal, icalproperty_new_version("2.0")) ||
	    !add_prop(cal, icalproperty_new_calscale("GREGORIAN")) ||
	    (publish && !add_prop(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH))))
		goto out;
	for (i = index == c->n ? 0 : index; i < c->n; i++) {
		const calendar_object *o = &c->objects[i];

		if (add_object(cal, o, ical_utc(publish ? now : o->modified_at)) != RP_OK)
			goto out;
		if (index != c->n)
			break;
	}
	if ((text = icalcomponent_as_ical_string_r(cal)) == NULL ||
	    (*out = strdup(text)) == NULL)
		goto out;
	repair_line_ends(*out);
	status = RP_OK;
out:
	if (status == RP_ENOMEM)
		rp_fail(err, RP_ENOMEM, _("out of memory writing the calendar"));
	if (text != NULL)
		icalmemory_free_buffer(text);
	if (cal != NULL)
		icalcomponent_free(cal);
	return status;
}
