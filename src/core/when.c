/* when.c: local dates and times: what a UTC time is here, and a meeting time
** as typed ("fri 14:00"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rapport/date.h"
#include "rapport/text.h"
#include "rapport/i18n.h"

/* The local broken-down time of t, or false when t is not a valid time
** (a stored number another tool wrote: localtime_r would give a year in
** the millions, or fail and leave tm unset). */
static bool
local_tm(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	if (!date_time_valid(t) || localtime_r(&tt, tm) == NULL)
		return false;
	return tm->tm_year + 1900 >= 1 && tm->tm_year + 1900 <= 9999;
}

rp_date
date_local(int64_t t)
{
	struct tm tm;

	if (!local_tm(t, &tm))
		return (rp_date){0, 0, 0};
	return (rp_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

char *
date_format_local(int64_t t, bool with_time, char *buf, size_t size)
{
	struct tm tm;

	if (!local_tm(t, &tm)) {
		snprintf(buf, size, "%s", DATE_INVALID_TEXT);
		return buf;
	}
	snprintf(buf, size, with_time ? "%04d-%02d-%02d %02d:%02d" : "%04d-%02d-%02d",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
	return buf;
}

char *
date_format_local_short(int64_t t, char *buf, size_t size)
{
	char day[DATE_SHORT_MAX];
	struct tm tm;

	if (!local_tm(t, &tm)) {
		snprintf(buf, size, "%s", DATE_INVALID_TEXT);
		return buf;
	}
	date_format_short((rp_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}, day, sizeof day);
	snprintf(buf, size, "%s %02d:%02d", day, tm.tm_hour, tm.tm_min);
	return buf;
}

/* One or two digits, at most max. */
static bool
parse_digits(const char *t, long max, long *out)
{
	char *end;
	long v;

	if (t[0] < '0' || t[0] > '9' || strlen(t) > 2)
		return false;
	v = strtol(t, &end, 10);
	if (*end != '\0' || v > max)
		return false;
	*out = v;
	return true;
}

/* Parse "H:MM" or "HH:MM" (24-hour). */
static bool
parse_clock_time(const char *text, int *hour, int *minute)
{
	long h, m;
	char hh[3] = "", mm[3] = "";
	const char *colon = strchr(text, ':');

	if (colon == NULL || colon - text < 1 || colon - text > 2 || strlen(colon + 1) != 2)
		return false;
	memcpy(hh, text, (size_t)(colon - text));
	memcpy(mm, colon + 1, 2);
	if (!parse_digits(hh, 23, &h) || !parse_digits(mm, 59, &m))
		return false;
	*hour = (int)h;
	*minute = (int)m;
	return true;
}

enum rp_status
date_parse_when(const char *text, rp_date today, int64_t *out, rp_error *err)
{
	char buf[128], *time_part, *date_part;
	rp_date day = today;
	int hour, minute;
	struct tm tm = {0};
	time_t t;
	enum rp_status s;

	if (strlen(text) >= sizeof buf || !text_utf8_valid(text, strlen(text)))
		return rp_fail(err, RP_EINVAL, "%s", _("not a date and time"));
	snprintf(buf, sizeof buf, "%s", text);
	text_trim(buf);
	/* The time is the last word; "2026-12-01T14:00" is split at the T. */
	time_part = strrchr(buf, ' ');
	if (time_part == NULL && strlen(buf) > 10 && buf[10] == 'T')
		time_part = buf + 10;
	if (time_part != NULL) {
		*time_part++ = '\0';
		date_part = buf;
		text_trim(date_part);
	} else {
		time_part = buf;
		date_part = NULL;
	}
	if (!parse_clock_time(time_part, &hour, &minute)) {
		/* "tomorrow", "next week": a date alone, the time forgotten. */
		if (date_parse_due(text, day, &day, NULL) == RP_OK)
			return rp_fail(err, RP_EINVAL,
				       _("\"%s\" needs a time too, like \"%s 14:00\""), text, text);
		return rp_fail(err, RP_EINVAL, _("\"%s\" is not a time (use HH:MM, 24-hour)"),
			       time_part);
	}
	if (date_part != NULL) {
		rp_error derr = {0};

		if ((s = date_parse_due(date_part, day, &day, &derr)) != RP_OK)
			return rp_fail(err, RP_EINVAL, "%s", derr.msg);
	}
	tm.tm_year = day.year - 1900;
	tm.tm_mon = day.month - 1;
	tm.tm_mday = day.day;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_isdst = -1;
	/* A meeting is planned within a few years, not in 1970. */
	if (day.year < today.year - 10 || day.year > today.year + 10)
		return rp_fail(err, RP_EINVAL, _("%04d is too far from now"), day.year);
	t = mktime(&tm);
	if (t == (time_t)-1)
		return rp_fail(err, RP_EINVAL, _("\"%s\" is not a time this machine can represent"),
			       text);
	/* mktime() moves a time the clocks skip (02:30 when they go forward):
	** say so rather than plan the meeting at another hour. */
	if (tm.tm_hour != hour || tm.tm_min != minute || tm.tm_mday != day.day)
		return rp_fail(err, RP_EINVAL,
			       _("%02d:%02d does not exist on %04d-%02d-%02d here (the clocks change)"),
			       hour, minute, day.year, day.month, day.day);
	*out = (int64_t)t;
	return RP_OK;
}


enum rp_status
date_parse_when_from(const char *text, int64_t now, int64_t *out, rp_error *err)
{
	rp_date today = date_local(now), named;
	enum rp_status s = date_parse_when(text, today, out, err);
	char buf[128], *time_part;
	int64_t at_today;

	if (s != RP_OK)
		return s;
	/* "fri 14:00" on a Friday morning is this afternoon, not next week:
	** a weekday naming today, at a time still ahead. */
	snprintf(buf, sizeof buf, "this %s", text);
	if ((time_part = strrchr(buf, ' ')) == NULL)
		return RP_OK;
	*time_part = '\0';
	if (date_parse_due(buf, today, &named, NULL) != RP_OK ||
	    date_to_days(named) != date_to_days(today) ||
	    date_parse_when(time_part + 1, today, &at_today, NULL) != RP_OK)
		return RP_OK;
	if (at_today > now && *out != at_today && strchr(text, ' ') != NULL)
		*out = at_today;
	return RP_OK;
}
