/* cmd_followups.c: rapport followups, done, drop: what is owed, across
** clients, and closing it from a script. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/client.h"
#include "rapport/followup.h"
#include "rapport/i18n.h"
#include "rapport/json.h"
#include "rapport/text.h"

enum { COL_ID, COL_DUE, COL_CLIENT, COL_SIDE, COL_OWNER, COL_TEXT, COL_FROM, NCOLS };

/* "overdue", "today" or "" for a follow-up due on due, today being today. */
static const char *
due_word(const followup *f, const char *today)
{
	if (f->overdue)
		return _(" overdue");
	if (f->due && strcmp(f->due, today) == 0)
		return _(" today");
	return "";
}

/* The cells of f (malloc'd, sanitized) into row; false when out of memory. */
static bool
fill_row(const followup *f, const char *today, char **row)
{
	char buf[64], when[16];

	snprintf(buf, sizeof buf, "%lld", (long long)f->id);
	row[COL_ID] = strdup(buf);
	snprintf(buf, sizeof buf, "%s%s", f->due ? f->due : "-", due_word(f, today));
	row[COL_DUE] = strdup(buf);
	row[COL_CLIENT] = text_sanitize(f->client, " ");
	row[COL_SIDE] = strdup(f->theirs ? _("theirs") : _("mine"));
	row[COL_TEXT] = text_sanitize(f->text, " ");
	if (f->owner) {
		char *owner = text_sanitize(f->owner, " ");

		row[COL_OWNER] = owner ? malloc(strlen(owner) + 2) : NULL;
		if (row[COL_OWNER])
			sprintf(row[COL_OWNER], "@%s", owner);
		free(owner);
	} else {
		row[COL_OWNER] = strdup("-");
	}
	if (f->meeting_id) {
		char *title = text_sanitize(f->meeting_title, " ");
		size_t size = (title ? strlen(title) : 0) + 64;

		date_format_local(f->meeting_at, false, when, sizeof when);
		row[COL_FROM] = title ? malloc(size) : NULL;
		if (row[COL_FROM])
			snprintf(row[COL_FROM], size, "#%lld %s, %s", (long long)f->meeting_id,
				 title, when);
		free(title);
	} else {
		row[COL_FROM] = strdup("-");
	}
	for (int k = 0; k < NCOLS; k++)
		if (row[k] == NULL)
			return false;
	return true;
}

static int
print_text(const followup_list *l, const char *today)
{
	/* TRANSLATORS: the column headings of rapport followups, in capitals. */
	static const char *const words[NCOLS] = {N_("ID"),    N_("DUE"),       N_("CLIENT"),
						 N_("SIDE"),  N_("OWNER"),     N_("FOLLOW-UP"),
						 N_("FROM")};
	const char *heading[NCOLS];
	char **cells = l->n ? calloc(l->n * NCOLS, sizeof *cells) : NULL;
	bool oom = l->n && cells == NULL;
	size_t i;

	for (int k = 0; k < NCOLS; k++)
		heading[k] = _(words[k]);
	for (i = 0; !oom && i < l->n; i++)
		oom = !fill_row(&l->items[i], today, cells + i * NCOLS);
	if (!oom)
		cli_print_table(cells, l->n, NCOLS, l->n > 0 && isatty(STDOUT_FILENO), heading);
	for (size_t k = 0; cells && k < l->n * NCOLS; k++)
		free(cells[k]);
	free(cells);
	if (oom) {
		cli_error("%s", _("out of memory"));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* The schema is in rapport(1), FOLLOWUPS JSON: keep them together. */
static void
print_json(const followup_list *l, const char *today)
{
	json_writer w;

	json_begin(&w, stdout);
	json_object(&w);
	json_key(&w, "today");
	json_date(&w, today);
	json_key(&w, "more");
	json_bool(&w, l->more);
	json_key(&w, "followups");
	json_array(&w);
	for (size_t i = 0; i < l->n; i++) {
		const followup *f = &l->items[i];

		json_object(&w);
		json_key_int(&w, "id", f->id);
		json_key(&w, "client");
		json_object(&w);
		json_key_int(&w, "id", f->client_id);
		json_key_string(&w, "name", f->client);
		json_end(&w);
		json_key_string(&w, "text", f->text);
		json_key_string(&w, "owner", f->owner);
		json_key(&w, "person_id");
		if (f->person_id)
			json_int(&w, f->person_id);
		else
			json_null(&w);
		json_key_string(&w, "side", f->theirs ? "theirs" : "mine");
		json_key(&w, "due");
		json_date(&w, f->due);
		json_key(&w, "overdue");
		json_bool(&w, f->overdue);
		json_key_string(&w, "status", "open");
		json_key(&w, "meeting");
		if (f->meeting_id) {
			json_object(&w);
			json_key_int(&w, "id", f->meeting_id);
			json_key_string(&w, "title", f->meeting_title);
			json_key_time(&w, "at", f->meeting_at);
			json_end(&w);
		} else {
			json_null(&w);
		}
		json_end(&w);
	}
	json_end(&w);
	json_end(&w);
}

/* The last day --due text lets through, into ymd (11 bytes): as after ^
** in a note, except that a weekday name that is today's means today ("by
** Friday" asked on a Friday is not next week's).  False after saying why
** on stderr: a bad --due is a usage error. */
static bool
due_by_day(const char *text, rp_date today, char *ymd)
{
	char this_day[64];
	rp_error err = {0};
	const char *msg;
	rp_date d;

	if (*text == '^')
		text++;
	while (*text == ' ' || *text == '\t')
		text++;
	if (*text == '\0') {
		cli_error("%s", _("--due needs a date (fri, eow, 2026-12-04)"));
		return false;
	}
	/* "this fri" is the coming Friday, today on a Friday; for any
	** other text it is no date at all, and the text is read alone. */
	snprintf(this_day, sizeof this_day, "this %s", text);
	if (date_parse_due(this_day, today, &d, &err) != RP_OK &&
	    date_parse_due(text, today, &d, &err) != RP_OK) {
		msg = strncmp(err.msg, "due date ", 9) == 0 ? err.msg + 9 : err.msg;
		cli_error(_("--due: %s"), msg);
		return false;
	}
	date_format(d, ymd);
	return true;
}

/* Nothing to list: no database yet, for a list across clients. */
static bool
no_database(const cli *c)
{
	struct stat sb;

	return stat(c->db_path, &sb) != 0 && errno == ENOENT;
}

int
cmd_followups(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"mine", no_argument, NULL, 'm'},
		{"theirs", no_argument, NULL, 't'},
		{"overdue", no_argument, NULL, 'o'},
		{"due", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, 'j'},
		{0, 0, 0, 0},
	};
	rp_date today = cli_today(c);
	char today_s[16], due_by[16] = "";
	followup_filter filter = {.today = today_s};
	followup_list *l = NULL;
	rp_error err = {0};
	bool json = false, mine = false, theirs = false;
	store *st;
	client cl;
	int ch, bad = 0, rc;

	date_format(today, today_s);
	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		if (ch == 'm') {
			mine = true;
		} else if (ch == 't') {
			theirs = true;
		} else if (ch == 'o') {
			filter.overdue = true;
		} else if (ch == 'd') {
			/* Read before opening: a bad date never touches the file. */
			if (!due_by_day(optarg, today, due_by))
				return EXIT_USAGE;
			filter.due_by = due_by;
		} else if (ch == 'j') {
			json = true;
		}
	}
	if (bad)
		return EXIT_USAGE;
	if (mine && theirs)
		return cli_usage("%s", _("--mine and --theirs together list nothing: give one or"
					 " neither"));
	if (optind + 1 < argc)
		return cli_usage("%s", _("followups takes at most one CLIENT: quote a name with"
					 " spaces"));
	filter.side = mine ? FOLLOWUP_MINE : theirs ? FOLLOWUP_THEIRS : FOLLOWUP_EITHER;
	if (optind < argc) {
		if ((st = cli_open_client(c, argv[optind], STORE_READ, &cl)) == NULL)
			return EXIT_FAIL;
		filter.client_id = cl.id;
	} else if (no_database(c)) {
		followup_list none = {0};

		if (json)
			print_json(&none, today_s);
		return EXIT_OK;
	} else if ((st = cli_open(c, STORE_READ)) == NULL) {
		return EXIT_FAIL;
	}
	if (followup_list_load(st, &filter, &l, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	store_close(st);
	if (json) {
		print_json(l, today_s);
		rc = EXIT_OK;
	} else {
		rc = print_text(l, today_s);
		if (rc == EXIT_OK && l->more)
			cli_error(P_("only the first %zu is listed: narrow with CLIENT, --due or"
				     " --overdue",
				     "only the first %zu are listed: narrow with CLIENT, --due or"
				     " --overdue", l->n), l->n);
	}
	followup_list_free(l);
	return rc;
}

/* done ID, drop ID: one follow-up closed. */
static int
close_followup(cli *c, int argc, char **argv, enum followup_status to)
{
	rp_error err = {0};
	long id;
	store *st;

	if (argc != 2)
		return cli_usage(_("%s takes one follow-up ID, a number rapport followups shows"),
				 argv[0]);
	if (!cli_parse_int(argv[1], 1, 999999999, &id))
		return cli_usage(_("%s: \"%s\" is not a follow-up ID: give a number rapport"
				   " followups shows"), argv[0], argv[1]);
	if (no_database(c)) {
		cli_error(_("no follow-up %ld (there are no clients yet)"), id);
		return EXIT_FAIL;
	}
	if ((st = cli_open(c, STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	if (followup_set_status(st, &c->clock, id, to, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	store_close(st);
	printf(to == FOLLOWUP_DONE ? _("follow-up %ld done\n") : _("follow-up %ld dropped\n"), id);
	return EXIT_OK;
}

int
cmd_done(cli *c, int argc, char **argv)
{
	return close_followup(c, argc, argv, FOLLOWUP_DONE);
}

int
cmd_drop(cli *c, int argc, char **argv)
{
	return close_followup(c, argc, argv, FOLLOWUP_DROPPED);
}
