/* util.c: messages, opening the database, local time for the command line. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "rapport/text.h"

/* Write "rapport: " and the formatted message on stderr as one line. */
static void verror(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

static void
verror(const char *fmt, va_list ap)
{
	char msg[2048];
	char *clean;

	vsnprintf(msg, sizeof msg, fmt, ap);
	clean = text_sanitize(msg, " ");
	fprintf(stderr, "rapport: %s\n", clean ? clean : "out of memory");
	free(clean);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(fmt, ap);
	va_end(ap);
}

int
cli_usage(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cli_error("%s (see rapport --help)", msg);
	return EXIT_USAGE;
}

int
cli_fail(const rp_error *err)
{
	cli_error("%s", err->msg[0] ? err->msg : rp_status_text(err->status));
	return EXIT_FAIL;
}

void
cli_print_text(const char *text)
{
	char *clean = text_sanitize(text, " ");

	fputs(clean ? clean : "", stdout);
	free(clean);
}

store *
cli_open(cli *c, enum store_mode mode)
{
	rp_error err = {0};
	store *st;

	if (mode == STORE_WRITE && c->db_default && !cli_make_db_folder(c))
		return NULL;
	st = store_open(c->db_path, mode, &err);
	if (st == NULL)
		cli_fail(&err);
	return st;
}

rp_date
cli_today(const cli *c)
{
	time_t now = (time_t)rp_clock_now(&c->clock);
	struct tm tm;

	localtime_r(&now, &tm);
	return (rp_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

rp_date
cli_local_date(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	return (rp_date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

void
cli_format_local(int64_t t, bool date_only, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	snprintf(buf, size, date_only ? "%04d-%02d-%02d" : "%04d-%02d-%02d %02d:%02d",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

bool
cli_parse_int(const char *text, long min, long max, long *out)
{
	char *end;
	long v;

	if (text[0] < '0' || text[0] > '9' || strlen(text) > 9)
		return false;
	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || *end != '\0' || v < min || v > max)
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
	if (!cli_parse_int(hh, 0, 23, &h) || !cli_parse_int(mm, 0, 59, &m))
		return false;
	*hour = (int)h;
	*minute = (int)m;
	return true;
}

enum rp_status
cli_parse_when(const cli *c, const char *text, int64_t *out, rp_error *err)
{
	char buf[128], *time_part, *date_part;
	rp_date day = cli_today(c);
	int hour, minute;
	struct tm tm = {0};
	time_t t;
	enum rp_status s;

	if (strlen(text) >= sizeof buf || !text_utf8_valid(text, strlen(text)))
		return rp_fail(err, RP_EINVAL, "--at: not a date and time");
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
		if (date_part == NULL && date_parse_due(buf, day, &day, NULL) == RP_OK)
			return rp_fail(err, RP_EINVAL,
				       "--at \"%s\" needs a time too, like \"%s 14:00\"", text, text);
		return rp_fail(err, RP_EINVAL, "--at: \"%s\" is not a time (use HH:MM, 24-hour)",
			       time_part);
	}
	if (date_part != NULL) {
		rp_error derr = {0};

		if ((s = date_parse_due(date_part, day, &day, &derr)) != RP_OK)
			return rp_fail(err, RP_EINVAL, "--at: %s", derr.msg);
	}
	tm.tm_year = day.year - 1900;
	tm.tm_mon = day.month - 1;
	tm.tm_mday = day.day;
	tm.tm_hour = hour;
	tm.tm_min = minute;
	tm.tm_isdst = -1;
	{
		rp_date today = cli_today(c);

		/* A meeting is planned within a few years, not in 1970. */
		if (day.year < today.year - 10 || day.year > today.year + 10)
			return rp_fail(err, RP_EINVAL, "--at: %04d is too far from now", day.year);
	}
	t = mktime(&tm);
	if (t == (time_t)-1)
		return rp_fail(err, RP_EINVAL, "--at: \"%s\" is not a time this machine can represent",
			       text);
	/* mktime() moves a time the clocks skip (02:30 when they go forward):
	** say so rather than plan the meeting at another hour. */
	if (tm.tm_hour != hour || tm.tm_min != minute || tm.tm_mday != day.day)
		return rp_fail(err, RP_EINVAL,
			       "--at: %02d:%02d does not exist on %04d-%02d-%02d here (the clocks change)",
			       hour, minute, day.year, day.month, day.day);
	*out = (int64_t)t;
	return RP_OK;
}

int
cli_next_option(int argc, char **argv, const char *shortopts, const struct option *longopts,
		int *bad)
{
	int ch;

	opterr = 0;
	ch = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (ch == '?' || ch == ':') {
		const char *arg = argv[optind - 1];

		if (ch == ':')
			cli_usage("%s needs a value", arg);
		else
			cli_usage("unknown option %s for '%s'", arg, argv[0]);
		*bad = 1;
		return -1;
	}
	return ch;
}
