/* invite.c: a calendar invitation read for planning.  See invite.h.
**
** libical does the iCalendar work: unfolding (even a fold that splits a
** UTF-8 character), unescaping "\n", "\," and "\;", and VTIMEZONE rules.
** This file picks the VEVENT (for a series, the occurrence that has not
** ended, through libical's recurrence iterator), turns its times into UTC
** seconds, keeps its identity (UID, SEQUENCE, cancellation, organizer and
** attendees) and turns its description into agenda items.
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
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <libical/ical.h>

#include "agenda_lines.h"
#include "field.h"
#include "ical.h"
#include "rapport/text.h"
#include "rapport/i18n.h"

#define INVITE_FILE_MAX (1024 * 1024)  /* bytes; invitations are a few KiB */

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
		return rp_fail(err, RP_EIO, _("cannot open %s: %s"), path, strerror(errno));
	/* One byte more than allowed tells a file that is too large. */
	if ((buf = malloc(INVITE_FILE_MAX + 2)) == NULL) {
		status = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	len = fread(buf, 1, INVITE_FILE_MAX + 1, f);
	if (ferror(f)) {
		status = rp_fail(err, RP_EIO, _("cannot read %s: %s"), path, strerror(errno));
		goto out;
	}
	if (len > INVITE_FILE_MAX) {
		status = rp_fail(err, RP_EINVAL,
				 _("%s is too large for an invitation (more than %d KiB)"), path,
				 INVITE_FILE_MAX / 1024);
		goto out;
	}
	if (memchr(buf, '\0', len) != NULL) {
		status = rp_fail(err, RP_EINVAL,
				 _("%s is not an iCalendar file (it holds binary data)"), path);
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
			return rp_fail(err, RP_EINVAL, _("%s: the event's %s cannot be read"), path,
				       name);
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
		return rp_fail(err, RP_EINVAL, _("%s: the event's %s cannot be read"), path, name);
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

		text_copy_cut(zone, sizeof zone, shown ? shown : "?", 60);
		status = rp_fail(err, RP_EINVAL,
				 _("%s: unknown time zone \"%s\" in %s (no VTIMEZONE in the file,"
				   " not in the system's zoneinfo)"),
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
		return rp_fail(err, RP_EINVAL, _("%s: the event's %s is out of range"), path, name);
	*out = (int64_t)secs;
	return RP_OK;
}

/* Set *starts_at and *minutes from event's DTSTART and DTEND or DURATION
** (0 when it has none).  An all-day event has a start (its local
** midnight) but no length. */
static enum rp_status
read_times(icalcomponent *event, const char *path, int64_t *starts_at, int *minutes,
	   rp_error *err)
{
	icalproperty *start = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
	icalproperty *end = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY);
	icalproperty *duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY);
	struct icaltimetype t;
	enum rp_status status;
	int64_t ends_at, seconds = 0;

	*starts_at = 0;
	*minutes = 0;

	if ((status = check_dropped(event, path, "DTSTART", err)) != RP_OK ||
	    (status = check_dropped(event, path, "DTEND", err)) != RP_OK ||
	    (status = check_dropped(event, path, "DURATION", err)) != RP_OK)
		return status;
	if (start == NULL)
		return RP_OK;
	t = icalcomponent_get_dtstart(event);
	if ((status = utc_seconds(t, start, "DTSTART", path, starts_at, err)) != RP_OK)
		return status;
	if (t.is_date)
		return RP_OK;
	if (end != NULL) {
		if ((status = utc_seconds(icalcomponent_get_dtend(event), end, "DTEND", path,
					  &ends_at, err)) != RP_OK)
			return status;
		seconds = ends_at - *starts_at;
	} else if (duration != NULL) {
		seconds = icaldurationtype_as_int(icalproperty_get_duration(duration));
	}
	if (seconds < 0)
		return rp_fail(err, RP_EINVAL, _("%s: the event ends before it starts"), path);
	if (seconds / 60 > MEETING_MINUTES_MAX)
		return rp_fail(err, RP_EINVAL,
			       _("%s: the event lasts %lld minutes; a meeting lasts at most %d"),
			       path, (long long)(seconds / 60), MEETING_MINUTES_MAX);
	*minutes = (int)(seconds / 60);
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
		return rp_fail(err, RP_EINVAL, _("%s: %s is not valid UTF-8"), path, name);
	if ((s = text_sanitize(value, newline)) == NULL)
		return rp_fail(err, RP_ENOMEM, _("out of memory"));
	text_trim(s);
	if (text_visible(s))
		text_copy_cut(dst, size, s, max_chars);
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

/* ---- Who: the organizer and the attendees ------------------------------- */

/* The mail address of a calendar user ("mailto:zoe@acme.fr") into
** dst[size]; "" for anything else (a urn:uuid:, a URL, not valid text). */
static void
read_address(const char *value, char *dst, size_t size)
{
	char *s;

	dst[0] = '\0';
	if (value == NULL)
		return;
	if (strncasecmp(value, "mailto:", 7) == 0)
		value += 7;
	else if (strchr(value, ':') != NULL)
		return;
	if (strlen(value) >= size || strchr(value, '@') == NULL ||
	    !text_utf8_valid(value, strlen(value)) || (s = text_sanitize(value, " ")) == NULL)
		return;
	text_trim(s);
	if (s[0] != '\0' && strchr(s, ' ') == NULL)
		snprintf(dst, size, "%s", s);
	free(s);
}

/* Read an ORGANIZER (organizer) or ATTENDEE property into *a.  False when
** it names nobody (no CN, no mail address). */
static bool
read_attendee(icalproperty *p, bool organizer, invite_attendee *a)
{
	icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER);
	icalparameter *role = icalproperty_get_first_parameter(p, ICAL_ROLE_PARAMETER);
	icalparameter *cutype = icalproperty_get_first_parameter(p, ICAL_CUTYPE_PARAMETER);
	const char *name = cn ? icalparameter_get_cn(cn) : NULL;
	char *s;

	memset(a, 0, sizeof *a);
	read_address(organizer ? icalproperty_get_organizer(p) : icalproperty_get_attendee(p),
		     a->email, sizeof a->email);
	if (name != NULL && text_utf8_valid(name, strlen(name)) &&
	    (s = text_sanitize(name, " ")) != NULL) {
		text_trim(s);
		/* Some clients write the address again as the name. */
		if (text_visible(s) && strcasecmp(s, a->email) != 0)
			text_copy_cut(a->name, sizeof a->name, s, INVITE_NAME_MAX);
		free(s);
	}
	if (organizer)
		a->role = INVITE_ORGANIZER;
	else if (cutype != NULL && (icalparameter_get_cutype(cutype) == ICAL_CUTYPE_ROOM ||
				    icalparameter_get_cutype(cutype) == ICAL_CUTYPE_RESOURCE))
		a->role = INVITE_RESOURCE;
	else if (role != NULL && (icalparameter_get_role(role) == ICAL_ROLE_OPTPARTICIPANT ||
				  icalparameter_get_role(role) == ICAL_ROLE_NONPARTICIPANT))
		a->role = INVITE_OPTIONAL;
	else
		a->role = INVITE_ATTENDEE;
	return a->name[0] != '\0' || a->email[0] != '\0';
}

/* Is an attendee with this address kept already?  Google lists the
** organizer among the attendees too. */
static bool
address_kept(const invite *out, const char *email)
{
	for (size_t i = 0; email[0] != '\0' && i < out->nattendees; i++)
		if (strcasecmp(out->attendees[i].email, email) == 0)
			return true;
	return false;
}

/* The organizer, then the attendees of event, at most INVITE_ATTENDEES_MAX. */
static void
read_attendees(icalcomponent *event, invite *out)
{
	icalproperty *p;
	invite_attendee *a;

	out->nattendees = 0;
	p = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY);
	if (p != NULL && read_attendee(p, true, &out->attendees[0]))
		out->nattendees = 1;
	for (p = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
	     p != NULL && out->nattendees < INVITE_ATTENDEES_MAX;
	     p = icalcomponent_get_next_property(event, ICAL_ATTENDEE_PROPERTY)) {
		a = &out->attendees[out->nattendees];
		if (read_attendee(p, false, a) && !address_kept(out, a->email))
			out->nattendees++;
	}
}

/* ---- When: the occurrence of a series ----------------------------------- */

#define OCCURRENCES_MAX 100000  /* a daily series over 270 years */
#define EXCEPTIONS_MAX 1000     /* EXDATEs and overriding VEVENTs read */

/* One occurrence: its start in the series (what RECURRENCE-ID names), and
** where and how long it is after any VEVENT overriding it. */
typedef struct occurrence {
	int64_t id_at;
	int64_t starts_at;
	int minutes;
	icalcomponent *event;  /* the series' VEVENT or the one overriding this occurrence */
} occurrence;

typedef struct override {
	int64_t id_at;
	size_t order;  /* in the file */
	icalcomponent *event;
} override;

/* A series being walked, and what the walk found. */
typedef struct series {
	const char *path;
	icalcomponent *master;
	int64_t now;
	int minutes;                 /* the series' length */
	bool all_day;                /* a day long when it has no length */
	int64_t exdates[EXCEPTIONS_MAX];
	size_t nexdates;
	override overrides[EXCEPTIONS_MAX];
	size_t noverrides;
	int64_t walk_from;           /* RRULEs are walked from about here (see walk_start) */
	bool any, have_next;
	bool capped;                 /* OCCURRENCES_MAX reached before the next one */
	occurrence first, next, last;
} series;

/* t with the zone its TZID parameter names, when libical left it floating:
** the file's VTIMEZONE, else the system's zoneinfo.  Properties other than
** DTSTART and DTEND (RDATE, EXDATE, RECURRENCE-ID) come without it. */
static struct icaltimetype
with_zone(icalcomponent *calendar, icalproperty *p, struct icaltimetype t)
{
	icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	icaltimezone *zone = NULL;
	const char *name;

	if (t.zone != NULL || t.is_date || tzid == NULL || (name = icalparameter_get_tzid(tzid)) == NULL)
		return t;
	if (calendar != NULL)
		zone = icalcomponent_get_timezone(calendar, name);
	if (zone == NULL)
		zone = icaltimezone_get_builtin_timezone(name);
	if (zone != NULL)
		t.zone = zone;
	return t;
}

/* The UTC seconds of property p's time t (name for messages). */
static enum rp_status
prop_seconds(icalcomponent *calendar, icalproperty *p, struct icaltimetype t, const char *name,
	     const char *path, int64_t *out, rp_error *err)
{
	return utc_seconds(with_zone(calendar, p, t), p, name, path, out, err);
}

static int
cmp_time(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Overrides in the order of their occurrence, the file's order among
** those of the same one (the first is taken). */
static int
cmp_override(const void *a, const void *b)
{
	const override *x = a, *y = b;

	if (x->id_at != y->id_at)
		return (x->id_at > y->id_at) - (x->id_at < y->id_at);
	return (x->order > y->order) - (x->order < y->order);
}

/* The EXDATEs and overrides are sorted once (sort_exceptions), so that
** each step of a long walk looks them up in log time. */
static bool
excluded(const series *sr, int64_t at)
{
	return bsearch(&at, sr->exdates, sr->nexdates, sizeof sr->exdates[0], cmp_time) != NULL;
}

/* The first VEVENT overriding the occurrence that starts at id_at, or NULL. */
static const override *
override_of(const series *sr, int64_t id_at)
{
	size_t lo = 0, hi = sr->noverrides;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sr->overrides[mid].id_at < id_at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sr->noverrides && sr->overrides[lo].id_at == id_at ? &sr->overrides[lo] : NULL;
}

static void
sort_exceptions(series *sr)
{
	qsort(sr->exdates, sr->nexdates, sizeof sr->exdates[0], cmp_time);
	qsort(sr->overrides, sr->noverrides, sizeof sr->overrides[0], cmp_override);
}

/* Take the occurrence of the series that starts at id_at into account:
** an overriding VEVENT moves, retitles or (STATUS:CANCELLED) removes it.
** The next is the earliest that has not ended at sr->now. */
static enum rp_status
consider(series *sr, int64_t id_at, rp_error *err)
{
	occurrence o = { .id_at = id_at, .starts_at = id_at, .minutes = sr->minutes,
			 .event = sr->master };
	enum rp_status s;
	int64_t ends_at;

	const override *ov;

	if (excluded(sr, id_at))
		return RP_OK;
	if ((ov = override_of(sr, id_at)) != NULL) {
		o.event = ov->event;
		if (icalcomponent_get_status(o.event) == ICAL_STATUS_CANCELLED)
			return RP_OK;
		if ((s = read_times(o.event, sr->path, &o.starts_at, &o.minutes, err)) != RP_OK)
			return s;
		if (o.starts_at == 0)
			o.starts_at = id_at;
	}
	if (!sr->any || o.id_at < sr->first.id_at)
		sr->first = o;
	if (!sr->any || o.starts_at > sr->last.starts_at)
		sr->last = o;
	sr->any = true;
	ends_at = o.starts_at + (o.minutes > 0 ? (int64_t)o.minutes * 60 : sr->all_day ? 86400 : 0);
	if (ends_at > sr->now && (!sr->have_next || o.starts_at < sr->next.starts_at)) {
		sr->next = o;
		sr->have_next = true;
	}
	return RP_OK;
}

/* The EXDATEs of the series and the VEVENTs of the same UID that override
** one of its occurrences (RECURRENCE-ID). */
static enum rp_status
read_exceptions(icalcomponent *calendar, series *sr, const char *uid, rp_error *err)
{
	icalcomponent *ev;
	icalproperty *p;
	enum rp_status s;
	int64_t at;

	for (p = icalcomponent_get_first_property(sr->master, ICAL_EXDATE_PROPERTY);
	     p != NULL && sr->nexdates < EXCEPTIONS_MAX;
	     p = icalcomponent_get_next_property(sr->master, ICAL_EXDATE_PROPERTY)) {
		if ((s = prop_seconds(calendar, p, icalproperty_get_exdate(p), "EXDATE", sr->path,
				      &at, err)) != RP_OK)
			return s;
		sr->exdates[sr->nexdates++] = at;
	}
	for (ev = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
	     ev != NULL && sr->noverrides < EXCEPTIONS_MAX;
	     ev = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
		const char *other = icalcomponent_get_uid(ev);

		p = icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY);
		if (ev == sr->master || p == NULL || other == NULL || uid == NULL ||
		    strcmp(other, uid) != 0)
			continue;
		if ((s = prop_seconds(calendar, p, icalproperty_get_recurrenceid(p), "RECURRENCE-ID",
				      sr->path, &at, err)) != RP_OK)
			return s;
		sr->overrides[sr->noverrides].id_at = at;
		sr->overrides[sr->noverrides].order = sr->noverrides;
		sr->overrides[sr->noverrides++].event = ev;
	}
	sort_exceptions(sr);
	return RP_OK;
}

/* Where to walk rule from, in UTC seconds: a while before now, so that a
** series begun years ago (every minute since 2020) is not walked from its
** DTSTART, through the cap, to be called past.  The while is the
** occurrence's length, at least a day, so an occurrence still running
** counts, and a day more for the zone a floating UNTIL or DTSTART is in.
** A series that ended (UNTIL) before now is walked to its end from a
** while before it.  0: walk from DTSTART (COUNT needs it: the count is
** from there). */
static int64_t
walk_start(const series *sr, struct icalrecurrencetype rule, struct icaltimetype dtstart)
{
	int64_t margin = (sr->minutes * 60 > 86400 ? (int64_t)sr->minutes * 60 : 86400) + 86400;
	int64_t until, from = sr->now;

	if (rule.count > 0)
		return 0;
	if (!icaltime_is_null_time(rule.until)) {
		until = (int64_t)icaltime_as_timet_with_zone(
			rule.until, rule.until.zone ? rule.until.zone : dtstart.zone);
		if (until < from)
			from = until;
	}
	return from - margin;
}

/* A sub-daily rule (HOURLY, MINUTELY, SECONDLY) walked from about from:
** its DTSTART moved on by whole intervals, as the rule would step, to the
** last one before from.  libical's icalrecur_iterator_set_start loses the
** interval's phase for these ("every 5 hours" from another hour). */
static struct icaltimetype
subdaily_start(struct icalrecurrencetype rule, struct icaltimetype dtstart, int64_t dtstart_at,
	       int64_t from)
{
	int64_t unit = rule.freq == ICAL_HOURLY_RECURRENCE   ? 3600
		       : rule.freq == ICAL_MINUTELY_RECURRENCE ? 60
							   : 1;
	int64_t step = unit * (rule.interval > 0 ? rule.interval : 1);
	int64_t steps = (from - dtstart_at) / step;

	if (steps <= 0 || steps * step > INT32_MAX)
		return dtstart;
	icaltime_adjust(&dtstart, 0, 0, 0, (int)(steps * step));
	return dtstart;
}

static bool
is_subdaily(struct icalrecurrencetype rule)
{
	return rule.freq == ICAL_HOURLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE ||
	       rule.freq == ICAL_SECONDLY_RECURRENCE;
}

/* libical's iterator for rule, set to begin about sr->walk_from (see
** walk_start), or from DTSTART. */
static icalrecur_iterator *
rule_iterator(series *sr, struct icalrecurrencetype rule, struct icaltimetype dtstart,
	      int64_t dtstart_at)
{
	int64_t from = walk_start(sr, rule, dtstart);
	icalrecur_iterator *it;
	struct icaltimetype t;

	sr->walk_from = from > dtstart_at ? from : dtstart_at;
	if (from <= dtstart_at)
		return icalrecur_iterator_new(rule, dtstart);
	if (is_subdaily(rule) && !dtstart.is_date)
		return icalrecur_iterator_new(rule, subdaily_start(rule, dtstart, dtstart_at, from));
	if ((it = icalrecur_iterator_new(rule, dtstart)) == NULL)
		return NULL;
	t = icaltime_from_timet_with_zone((time_t)from, dtstart.is_date, dtstart.zone);
	if (!icalrecur_iterator_set_start(it, t)) {
		/* Walked from DTSTART then, as libical can. */
		icalrecur_iterator_free(it);
		sr->walk_from = dtstart_at;
		return icalrecur_iterator_new(rule, dtstart);
	}
	return it;
}

/* The overrides of occurrences before where the walk begins: one may
** have been moved to now or later. */
static enum rp_status
consider_skipped(series *sr, int64_t first, rp_error *err)
{
	enum rp_status s;

	for (size_t i = 0; i < sr->noverrides && sr->overrides[i].id_at < sr->walk_from; i++) {
		if (sr->overrides[i].id_at == first ||
		    (i > 0 && sr->overrides[i - 1].id_at == sr->overrides[i].id_at))
			continue;
		if ((s = consider(sr, sr->overrides[i].id_at, err)) != RP_OK)
			return s;
	}
	return RP_OK;
}

/* Walk the occurrences of master (its DTSTART, RRULEs and RDATEs) with
** libical's iterator until the next one is found, or to the end of a
** series that has one (COUNT, UNTIL).  An RRULE is walked from a while
** before now (rule_iterator), not from DTSTART, unless it counts. */
static enum rp_status
walk_series(icalcomponent *calendar, series *sr, rp_error *err)
{
	icalproperty *start = icalcomponent_get_first_property(sr->master, ICAL_DTSTART_PROPERTY);
	struct icaltimetype dtstart = icalcomponent_get_dtstart(sr->master), t;
	icalrecur_iterator *it;
	icalproperty *p;
	enum rp_status s;
	int64_t first, at;
	size_t n = 0;

	if ((s = utc_seconds(dtstart, start, "DTSTART", sr->path, &first, err)) != RP_OK ||
	    (s = consider(sr, first, err)) != RP_OK)
		return s;
	for (p = icalcomponent_get_first_property(sr->master, ICAL_RRULE_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(sr->master, ICAL_RRULE_PROPERTY)) {
		if ((it = rule_iterator(sr, icalproperty_get_rrule(p), dtstart, first)) == NULL)
			return rp_fail(err, RP_EINVAL, _("%s: the event's RRULE cannot be read"),
				       sr->path);
		if ((s = consider_skipped(sr, first, err)) != RP_OK) {
			icalrecur_iterator_free(it);
			return s;
		}
		for (t = icalrecur_iterator_next(it); !icaltime_is_null_time(t);
		     t = icalrecur_iterator_next(it), n++) {
			if (n >= OCCURRENCES_MAX) {
				sr->capped = !sr->have_next;
				break;
			}
			if (t.zone == NULL)
				t.zone = dtstart.zone;
			if ((s = utc_seconds(t, start, "RRULE", sr->path, &at, err)) != RP_OK)
				break;
			/* Overrides move an occurrence by hours or days, not
			** past the one after: the walk can stop here. */
			if (sr->have_next && at > sr->next.starts_at)
				break;
			if (at != first && (s = consider(sr, at, err)) != RP_OK)
				break;
		}
		icalrecur_iterator_free(it);
		if (s != RP_OK)
			return s;
	}
	for (p = icalcomponent_get_first_property(sr->master, ICAL_RDATE_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(sr->master, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype dp = icalproperty_get_rdate(p);

		t = icaltime_is_null_time(dp.time) ? dp.period.start : dp.time;
		if ((s = prop_seconds(calendar, p, t, "RDATE", sr->path, &at, err)) != RP_OK)
			return s;
		if (at != first && (s = consider(sr, at, err)) != RP_OK)
			return s;
	}
	return RP_OK;
}

/* "20261203T090000Z": the UTC start of an occurrence as RECURRENCE-ID
** names it, into buf (17 bytes). */
static void
recurrence_id(int64_t at, char *buf, size_t size)
{
	time_t t = (time_t)at;
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(buf, size, "%Y%m%dT%H%M%SZ", &tm) == 0)
		buf[0] = '\0';
}

/* Refuse an invitation wholly past: it was on the (local) day of at. */
static enum rp_status
fail_past(int64_t at, rp_error *err)
{
	time_t t = (time_t)at;
	char day[16] = "?";
	struct tm tm;

	if (localtime_r(&t, &tm) != NULL)
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
	return rp_fail(err, RP_EINVAL,
		       _("that meeting was on %s; add --past to log it after the fact"), day);
}

/* The VEVENT that stands for the invitation: the first without a
** RECURRENCE-ID (a single event, or a series), else the first (a file
** about one occurrence of a series, as an update or a cancellation of it
** is sent). */
static icalcomponent *
main_event(icalcomponent *calendar)
{
	icalcomponent *ev;

	for (ev = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); ev != NULL;
	     ev = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT))
		if (icalcomponent_get_first_property(ev, ICAL_RECURRENCEID_PROPERTY) == NULL)
			return ev;
	return icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
}

/* Choose the occurrence of a series (see invite_read), setting out's
** times, recurrence and past; *chosen is the VEVENT its text comes from. */
static enum rp_status
choose_occurrence(icalcomponent *calendar, icalcomponent *master, const char *path, int64_t now,
		  bool past, invite *out, icalcomponent **chosen, rp_error *err)
{
	series *sr = calloc(1, sizeof *sr);
	occurrence *o;
	enum rp_status s;

	if (sr == NULL)
		return rp_fail(err, RP_ENOMEM, _("out of memory"));
	sr->path = path;
	sr->master = master;
	sr->now = now;
	sr->all_day = icalcomponent_get_dtstart(master).is_date;
	if ((s = read_times(master, path, &out->starts_at, &sr->minutes, err)) != RP_OK ||
	    (s = read_exceptions(calendar, sr, icalcomponent_get_uid(master), err)) != RP_OK ||
	    (s = walk_series(calendar, sr, err)) != RP_OK)
		goto out;
	if (sr->capped && !sr->have_next) {
		s = rp_fail(err, RP_EINVAL,
			    _("%s: the series has more than %d occurrences before its next one;"
			      " rapport cannot find it"),
			    path, OCCURRENCES_MAX);
		goto out;
	}
	if (!sr->any) {
		s = rp_fail(err, RP_EINVAL,
			    _("%s: every occurrence of the series is excluded or cancelled"), path);
		goto out;
	}
	o = sr->have_next ? &sr->next : &sr->first;
	if (!sr->have_next && !past && !invite_is_cancel(out)) {
		s = fail_past(sr->last.starts_at, err);
		goto out;
	}
	out->past = !sr->have_next;
	out->starts_at = o->starts_at;
	out->minutes = o->minutes;
	recurrence_id(o->id_at, out->recurrence, sizeof out->recurrence);
	*chosen = o->event;
out:
	free(sr);
	return s;
}

/* UID, SEQUENCE, METHOD and STATUS of event, in calendar. */
static enum rp_status
read_identity(icalcomponent *calendar, icalcomponent *event, const char *path, invite *out,
	      rp_error *err)
{
	int sequence = icalcomponent_get_sequence(event);

	out->sequence = sequence > 0 ? sequence : 0;
	out->method_cancel = icalcomponent_get_method(calendar) == ICAL_METHOD_CANCEL;
	out->status_cancelled = icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED;
	return read_text(icalcomponent_get_uid(event), path, "UID", " ", out->uid, sizeof out->uid,
			 SIZE_MAX, NULL, err);
}

/* Is an event of this length, starting at starts_at, over at now? */
static bool
is_over(int64_t starts_at, int minutes, bool all_day, int64_t now)
{
	if (starts_at == 0)
		return false;
	return starts_at + (minutes > 0 ? (int64_t)minutes * 60 : all_day ? 86400 : 0) <= now;
}

/* The event's time: a series' occurrence, a single event's own, or the
** occurrence a file about one occurrence names.  *chosen is the VEVENT
** the text comes from. */
static enum rp_status
read_when(icalcomponent *calendar, icalcomponent *event, const char *path, int64_t now,
	  bool past, invite *out, icalcomponent **chosen, rp_error *err)
{
	icalproperty *rid = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY);
	enum rp_status s;
	int64_t at;

	*chosen = event;
	if (icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY) != NULL && rid == NULL &&
	    (icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY) != NULL ||
	     icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY) != NULL))
		return choose_occurrence(calendar, event, path, now, past, out, chosen, err);
	if ((s = read_times(event, path, &out->starts_at, &out->minutes, err)) != RP_OK)
		return s;
	if (rid != NULL) {
		if ((s = prop_seconds(calendar, rid, icalproperty_get_recurrenceid(rid),
				      "RECURRENCE-ID", path, &at, err)) != RP_OK)
			return s;
		recurrence_id(at, out->recurrence, sizeof out->recurrence);
		out->one_occurrence = true;
	}
	if (is_over(out->starts_at, out->minutes, icalcomponent_get_dtstart(event).is_date, now)) {
		if (!past && !invite_is_cancel(out))
			return fail_past(out->starts_at, err);
		out->past = true;
	}
	return RP_OK;
}

enum rp_status
ical_invite_read(const char *path, int64_t now, bool past, invite *out, rp_error *err)
{
	enum rp_status status;
	icalcomponent *root = NULL, *calendar, *event, *chosen;
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
				 _("%s is not an iCalendar file (no BEGIN:VCALENDAR ... END:VCALENDAR)"),
				 path);
		goto out;
	}
	if ((event = main_event(calendar)) == NULL) {
		status = rp_fail(err, RP_EINVAL, _("%s holds no event (VEVENT)"), path);
		goto out;
	}
	if ((status = check_dropped(event, path, "DTSTART", err)) != RP_OK ||
	    (status = read_identity(calendar, event, path, out, err)) != RP_OK ||
	    (status = read_when(calendar, event, path, now, past, out, &chosen, err)) != RP_OK)
		goto out;
	read_attendees(icalcomponent_get_first_property(chosen, ICAL_ATTENDEE_PROPERTY) != NULL ||
			       icalcomponent_get_first_property(chosen, ICAL_ORGANIZER_PROPERTY) != NULL
		       ? chosen
		       : event,
		       out);
	if ((status = read_text(icalcomponent_get_summary(chosen), path, "SUMMARY", " ",
				out->title, sizeof out->title, MEETING_TITLE_MAX, NULL,
				err)) != RP_OK ||
	    (status = read_text(icalcomponent_get_location(chosen), path, "LOCATION", " ",
				out->location, sizeof out->location, SIZE_MAX, NULL, err)) != RP_OK ||
	    (status = read_text(icalcomponent_get_description(chosen), path, "DESCRIPTION", "\n",
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
