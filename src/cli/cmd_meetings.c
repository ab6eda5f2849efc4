/* cmd_meetings.c: meetings in time: meetings, cancel, discard. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/client.h"
#include "rapport/i18n.h"
#include "rapport/json.h"
#include "rapport/meeting.h"
#include "rapport/text.h"

#define MEETINGS_LIMIT 20   /* of each list, unless --limit says */

enum { COL_ID, COL_WHEN, COL_CLIENT, COL_TITLE, COL_STATE, NCOLS };

/* When a meeting is shown as being: started, else planned for, else (a
** cancelled one with no date) cancelled; 0 for an undated planned one. */
static int64_t
shown_when(const meeting_entry *m)
{
	if (m->started_at)
		return m->started_at;
	if (m->planned_at)
		return m->planned_at;
	return m->state == MEETING_CANCELLED ? m->cancelled_at : 0;
}

/* The STATE cell: planned, live, ended or cancelled, and missed: still
** planned, over an hour gone by, as Clients and Prep say, not something to
** come. */
static const char *
state_word(const meeting_entry *m, int64_t now)
{
	if (m->state == MEETING_PLANNED && meeting_missed(m->planned_at, now))
		return C_("meeting state", "missed");
	switch (m->state) {
	case MEETING_LIVE: return C_("meeting state", "live");
	case MEETING_ENDED: return C_("meeting state", "ended");
	case MEETING_CANCELLED: return C_("meeting state", "cancelled");
	default: return C_("meeting state", "planned");
	}
}

/* The cells of m, sanitized, into cell (each malloc'd); false when out of
** memory. */
static bool
cells_of(const meeting_entry *m, int64_t now, char **cell)
{
	char id[24], when[32] = "-";
	int64_t t = shown_when(m);

	snprintf(id, sizeof id, "%lld", (long long)m->id);
	if (t)
		date_format_local(t, true, when, sizeof when);
	cell[COL_ID] = strdup(id);
	cell[COL_WHEN] = strdup(when);
	cell[COL_CLIENT] = text_sanitize(m->client, " ");
	cell[COL_TITLE] = text_sanitize(m->title, " ");
	cell[COL_STATE] = strdup(state_word(m, now));
	for (int k = 0; k < NCOLS; k++)
		if (cell[k] == NULL)
			return false;
	return true;
}

/* The meetings as lines: tab-separated for scripts, or on a terminal in
** columns aligned by display width under a heading. */
static bool
print_table(const meeting_entry *v, size_t n, int64_t now, bool aligned)
{
	/* TRANSLATORS: the headings of rapport meetings on a terminal. */
	static const char *const heading[NCOLS] = {N_("ID"), N_("WHEN"), N_("CLIENT"), N_("TITLE"),
						   N_("STATE")};
	char **cells = calloc(n ? n * NCOLS : 1, sizeof *cells);
	bool ok = cells != NULL;

	for (size_t i = 0; ok && i < n; i++)
		ok = cells_of(&v[i], now, cells + i * NCOLS);
	if (ok)
		cli_print_table(cells, n, NCOLS, aligned, heading);
	for (size_t i = 0; cells && i < n * NCOLS; i++)
		free(cells[i]);
	free(cells);
	return ok;
}

static void
print_json(const meeting_entry *v, size_t n)
{
	json_writer w;

	json_begin(&w, stdout);
	json_array(&w);
	for (size_t i = 0; i < n; i++) {
		const meeting_entry *m = &v[i];

		json_object(&w);
		json_key_int(&w, "id", m->id);
		json_key_int(&w, "client_id", m->client_id);
		json_key_string(&w, "client", m->client);
		json_key_string(&w, "title", m->title);
		json_key_string(&w, "state", meeting_state_name(m->state));
		json_key_time(&w, "planned_at", m->planned_at);
		json_key(&w, "planned_minutes");
		if (m->planned_minutes)
			json_int(&w, m->planned_minutes);
		else
			json_null(&w);
		json_key_time(&w, "started_at", m->started_at);
		json_key_time(&w, "ended_at", m->ended_at);
		json_key_time(&w, "cancelled_at", m->cancelled_at);
		json_key_int(&w, "agenda_items", m->items);
		json_key_int(&w, "notes", m->notes);
		json_end(&w);
	}
	json_end(&w);
}

/* The database, if there is one, for a command that changes a meeting:
** NULL after saying so (a missing one is not created for that). */
static store *
open_meetings(cli *c, const char *what)
{
	struct stat sb;

	if (stat(c->db_path, &sb) != 0) {
		if (errno == ENOENT)
			cli_error(_("no meeting %s (there are no meetings yet)"), what);
		else
			cli_error(_("cannot open database %s: %s"), c->db_path, strerror(errno));
		return NULL;
	}
	return cli_open(c, STORE_WRITE);
}

/* A meeting number as typed; false after saying why. */
static bool
parse_id(const char *text, const char *command, int64_t *id)
{
	long v;

	if (!cli_parse_int(text, 1, 999999999, &v)) {
		cli_error(_("%s takes a meeting number, not \"%.40s\" (rapport meetings lists them)"),
			  command, text);
		return false;
	}
	*id = v;
	return true;
}

int
cmd_meetings(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"upcoming", no_argument, NULL, 'u'},
		{"past", no_argument, NULL, 'p'},
		{"limit", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{0, 0, 0, 0},
	};
	meeting_entry *up = NULL, *past = NULL, *all = NULL;
	size_t nup = 0, npast = 0;
	bool want_up = false, want_past = false, json = false;
	rp_error err = {0}, open_err = {0};
	long limit = MEETINGS_LIMIT;
	int64_t client_id = 0;
	store *st = NULL;
	client cl;
	int ch, bad = 0, rc = EXIT_FAIL;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		switch (ch) {
		case 'u': want_up = true; break;
		case 'p': want_past = true; break;
		case 'j': json = true; break;
		case 'l':
			if (!cli_parse_int(optarg, 1, 10000, &limit)) {
				cli_error(_("--limit must be 1 to 10000"));
				return EXIT_FAIL;
			}
			break;
		}
	}
	if (bad)
		return EXIT_USAGE;
	if (want_up && want_past)
		return cli_usage(
			_("meetings takes --upcoming or --past, not both (neither: both lists)"));
	if (argc - optind > 1)
		return cli_usage(_("meetings takes at most one CLIENT (quote a name with spaces)"));
	if (!want_up && !want_past)
		want_up = want_past = true;
	if (optind < argc) {
		if ((st = cli_open_client(c, argv[optind], STORE_READ, &cl)) == NULL)
			return EXIT_FAIL;
		client_id = cl.id;
	} else if ((st = store_open(c->db_path, STORE_READ, &open_err)) == NULL) {
		/* No database yet is no meetings yet, not an error. */
		if (open_err.status != RP_ENOTFOUND)
			return cli_fail(&open_err);
		if (json)
			print_json(NULL, 0);
		return EXIT_OK;
	}
	if ((want_up && meeting_find(st, client_id, MEETINGS_UPCOMING, (size_t)limit, &up, &nup,
				     &err) != RP_OK) ||
	    (want_past && meeting_find(st, client_id, MEETINGS_PAST, (size_t)limit, &past, &npast,
				       &err) != RP_OK)) {
		rc = cli_fail(&err);
		goto out;
	}
	/* What is coming (soonest first), then what has been (newest first). */
	if (nup + npast && (all = malloc((nup + npast) * sizeof *all)) == NULL) {
		cli_error(_("out of memory"));
		goto out;
	}
	if (nup)
		memcpy(all, up, nup * sizeof *all);
	if (npast)
		memcpy(all + nup, past, npast * sizeof *all);
	if (json)
		print_json(all, nup + npast);
	else if (!print_table(all, nup + npast, rp_clock_now(&c->clock),
				 nup + npast > 0 && isatty(STDOUT_FILENO))) {
		cli_error(_("out of memory"));
		goto out;
	}
	rc = EXIT_OK;
out:
	store_close(st);
	free(up);
	free(past);
	free(all);
	return rc;
}

/* "meeting 5 with Acme (Kickoff, 2026-12-16 14:00)", the words a sentence
** about m names it with, into buf (cli_say sanitizes them). */
static void
meeting_words(const meeting_entry *m, char *buf, size_t size)
{
	char when[32];

	if (m->planned_at)
		snprintf(buf, size, _("meeting %lld with %s (%s, %s)"), (long long)m->id, m->client,
			 m->title, date_format_local(m->planned_at, true, when, sizeof when));
	else
		snprintf(buf, size, _("meeting %lld with %s (%s)"), (long long)m->id, m->client,
			 m->title);
}

int
cmd_cancel(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"next", no_argument, NULL, 'n'},
		{0, 0, 0, 0},
	};
	meeting_entry m;
	char what[512];
	rp_error err = {0};
	int64_t id = 0, into = 0;
	bool next = false;
	store *st = NULL;
	client cl;
	int ch, bad = 0, rc = EXIT_FAIL;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1)
		if (ch == 'n')
			next = true;
	if (bad)
		return EXIT_USAGE;
	if (optind + 1 != argc)
		return cli_usage(_("cancel takes a MEETING number, or CLIENT --next"));
	if (next) {
		if ((st = cli_open_client(c, argv[optind], STORE_WRITE, &cl)) == NULL)
			return EXIT_FAIL;
		if (meeting_next_planned(st, cl.id, &id, &err) != RP_OK) {
			if (err.status == RP_ENOTFOUND)
				cli_error(_("%s has no planned meeting to cancel"), cl.name);
			else
				cli_fail(&err);
			goto out;
		}
	} else {
		if (!parse_id(argv[optind], "cancel", &id) ||
		    (st = open_meetings(c, argv[optind])) == NULL)
			return EXIT_FAIL;
	}
	if (meeting_get(st, id, &m, &err) != RP_OK ||
	    meeting_cancel(st, &c->clock, id, &into, &err) != RP_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	meeting_words(&m, what, sizeof what);
	/* TRANSLATORS: %s is "meeting 5 with Acme (Kickoff, 2026-12-16 14:00)". */
	if (m.items && into)
		cli_say(_("cancelled %s: its agenda waits in meeting %lld"), what, (long long)into);
	else if (m.items)
		cli_say(_("cancelled %s: its agenda waits for the next meeting"), what);
	else
		cli_say(_("cancelled %s"), what);
	rc = EXIT_OK;
out:
	store_close(st);
	return rc;
}

int
cmd_discard(cli *c, int argc, char **argv)
{
	meeting_entry m;
	char what[512];
	rp_error err = {0};
	bool deleted = false;
	int64_t id;
	store *st;

	if (argc != 2)
		return cli_usage(_("discard takes one MEETING number"));
	if (!parse_id(argv[1], "discard", &id) || (st = open_meetings(c, argv[1])) == NULL)
		return EXIT_FAIL;
	if (meeting_get(st, id, &m, &err) != RP_OK ||
	    meeting_discard(st, id, &deleted, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	meeting_words(&m, what, sizeof what);
	if (deleted)
		cli_say(_("discarded %s: started on the spot, so it is gone"), what);
	else
		cli_say(_("discarded %s: planned again, its agenda as it was"), what);
	store_close(st);
	return EXIT_OK;
}
