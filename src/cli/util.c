/* util.c: messages, opening the database, local time for the command line. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "rapport/i18n.h"
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
	/* The "rapport: " prefix is the program's name, in every language. */
	fprintf(stderr, "rapport: %s\n", clean ? clean : _("out of memory"));
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
	cli_error(_("%s (see rapport --help)"), msg);
	return EXIT_USAGE;
}

int
cli_fail(const rp_error *err)
{
	cli_error("%s", err->msg[0] ? err->msg : rp_status_text(err->status));
	return EXIT_FAIL;
}

void
cli_say(const char *fmt, ...)
{
	char msg[2048];
	char *clean;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	clean = text_sanitize(msg, " ");
	puts(clean ? clean : msg);
	free(clean);
}

void
cli_print_text(const char *text)
{
	char *clean = text_sanitize(text, " ");

	fputs(clean ? clean : "", stdout);
	free(clean);
}

char *
cli_quote_arg(const char *text)
{
	char *clean = text_sanitize(text, " "), *out;
	const char *p = clean ? clean : "";
	size_t n = 0;

	/* Plain words as they are; anything a shell would split or expand
	** in single quotes, a quote inside as '\''. */
	if (*p && strpbrk(p, " \t'\"$`\\!*?[](){}&;|<>~#") == NULL)
		return clean;
	if ((out = malloc(strlen(p) * 4 + 3)) == NULL) {
		free(clean);
		return NULL;
	}
	out[n++] = '\'';
	for (; *p; p++)
		if (*p == '\'') {
			memcpy(out + n, "'\\''", 4);
			n += 4;
		} else {
			out[n++] = *p;
		}
	out[n++] = '\'';
	out[n] = '\0';
	free(clean);
	return out;
}

void
cli_print_arg(const char *text)
{
	char *arg = cli_quote_arg(text);

	fputs(arg ? arg : "", stdout);
	free(arg);
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
	else if (mode == STORE_WRITE)
		c->wrote = true;  /* the day's snapshot is taken as the command ends */
	return st;
}

rp_date
cli_today(const cli *c)
{
	return date_local(rp_clock_now(&c->clock));
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

enum rp_status
cli_parse_when(const cli *c, const char *text, int64_t *out, rp_error *err)
{
	enum rp_status s = date_parse_when_from(text, rp_clock_now(&c->clock), out, err);

	if (s != RP_OK && err) {
		char msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s", err->msg);
		rp_fail(err, s, _("--at: %s"), msg);
	}
	return s;
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
			cli_usage(_("%s needs a value"), arg);
		else
			cli_usage(_("unknown option %s for '%s'"), arg, argv[0]);
		*bad = 1;
		return -1;
	}
	return ch;
}
