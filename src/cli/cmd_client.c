/* cmd_client.c: client add, clients, fact, touch. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/cadence.h"
#include "rapport/client.h"
#include "rapport/lang.h"
#include "rapport/fact.h"
#include "rapport/i18n.h"
#include "rapport/person.h"
#include "rapport/record.h"
#include "rapport/text.h"
#include "width.h"

/* True, after saying how to restore it, when the client named name (case
** and accents aside) is archived.  There is no one to ask in a script
** whether to restore it, so client add never does it unasked. */
static bool
archived_same_name(store *st, const char *name)
{
	rp_error ignored = {0};
	client old;

	if (client_name_taken(st, name, 0, &old, &ignored) != RP_EEXIST || old.archived_at == 0)
		return false;
	if (strchr(old.name, ' ') != NULL)
		cli_error(_("%s is archived: rapport client restore \"%s\" brings it back"),
			  old.name, old.name);
	else
		cli_error(_("%s is archived: rapport client restore %s brings it back"), old.name,
			  old.name);
	return true;
}

static int
client_add_main(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"org", required_argument, NULL, 'o'},
		{"cadence", required_argument, NULL, 'c'},
		{"lang", required_argument, NULL, 'l'},
		{0, 0, 0, 0},
	};
	enum rp_lang lang = lang_user();
	const char *org = NULL;
	int cmin = CLIENT_CADENCE_MIN, cmax = CLIENT_CADENCE_MAX;
	rp_error err = {0};
	int64_t id;
	store *st;
	int ch, bad = 0, rc;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		if (ch == 'o') {
			org = optarg;
		} else if (ch == 'c') {
			if (client_parse_cadence(optarg, &cmin, &cmax, &err) != RP_OK)
				return cli_fail(&err);
		} else if (ch == 'l') {
			if (!lang_parse(optarg, &lang))
				return cli_usage(_("--lang takes en or fr, not '%s'"), optarg);
		}
	}
	if (bad)
		return EXIT_USAGE;
	if (optind + 1 != argc)
		return cli_usage(_("client add takes one NAME (quote a name with spaces)"));
	/* Check before opening: bad input never creates a database. */
	if (client_check_name(argv[optind], N_("client name"), &err) != RP_OK ||
	    (org && client_check_name(org, N_("organisation"), &err) != RP_OK))
		return cli_fail(&err);
	if ((st = cli_open(c, STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	rc = client_add_in(st, &c->clock, argv[optind], org, cmin, cmax, lang, &id, &err);
	if (rc == RP_EEXIST && archived_same_name(st, argv[optind])) {
		store_close(st);
		return EXIT_FAIL;
	}
	if (rc == RP_OK) {
		client cl;

		if (client_get(st, id, &cl, &err) == RP_OK)
			/* TRANSLATORS: the client's name, the cadence's days (5-14)
			** and the language spoken to them ("English", "français"). */
			cli_say(P_("added client %s (check in every %d-%d day; %s)",
				   "added client %s (check in every %d-%d days; %s)", cl.cadence_max),
				cl.name, cl.cadence_min, cl.cadence_max, lang_name(cl.lang));
	}
	store_close(st);
	return rc == RP_OK && err.status == RP_OK ? EXIT_OK : cli_fail(&err);
}

/* client restore NAME: an archived client back in the lists. */
static int
client_restore_main(cli *c, int argc, char **argv)
{
	rp_error err = {0};
	struct stat sb;
	client cl;
	store *st;

	if (argc != 2)
		return cli_usage(_("client restore takes one NAME (quote a name with spaces)"));
	if (stat(c->db_path, &sb) != 0 && errno == ENOENT) {
		cli_error(_("no archived client matches \"%s\" (there are no clients yet)"), argv[1]);
		return EXIT_FAIL;
	}
	if ((st = cli_open(c, STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	if (client_find_archived(st, argv[1], &cl, &err) != RP_OK) {
		client active;
		rp_error ignored = {0};

		/* "Not archived" says more than "no archived client matches". */
		if (err.status == RP_ENOTFOUND &&
		    client_find(st, argv[1], &active, &ignored) == RP_OK)
			rp_fail(&err, RP_EINVAL, _("%s is not archived"), active.name);
		store_close(st);
		return cli_fail(&err);
	}
	if (client_restore(st, cl.id, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	cli_say(_("restored client %s"), cl.name);
	store_close(st);
	return EXIT_OK;
}

/* client archive NAME: out of the lists, its history kept. */
static int
client_archive_main(cli *c, int argc, char **argv)
{
	rp_error err = {0};
	struct stat sb;
	client cl;
	store *st;

	if (argc != 2)
		return cli_usage(_("client archive takes one NAME (quote a name with spaces)"));
	if (stat(c->db_path, &sb) != 0 && errno == ENOENT) {
		cli_error(_("no client matches \"%s\" (there are no clients yet)"), argv[1]);
		return EXIT_FAIL;
	}
	if ((st = cli_open(c, STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	if (client_find(st, argv[1], &cl, &err) != RP_OK) {
		client old;
		rp_error ignored = {0};

		/* "Already archived" says more than "no client matches". */
		if (err.status == RP_ENOTFOUND &&
		    client_find_archived(st, argv[1], &old, &ignored) == RP_OK)
			rp_fail(&err, RP_EINVAL, _("%s is already archived"), old.name);
		store_close(st);
		return cli_fail(&err);
	}
	if (client_archive(st, &c->clock, cl.id, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	cli_say(_("archived client %s (rapport client restore brings it back)"), cl.name);
	store_close(st);
	return EXIT_OK;
}

/* client lang NAME en|fr: the language what is said and sent to the
** client is in. */
static int
client_lang_main(cli *c, int argc, char **argv)
{
	enum rp_lang lang;
	rp_error err = {0};
	client cl;
	store *st;

	if (argc != 3)
		return cli_usage(_("client lang takes NAME and en or fr"));
	if (!lang_parse(argv[2], &lang))
		return cli_usage(_("client lang takes en or fr, not '%s'"), argv[2]);
	if ((st = cli_open_client(c, argv[1], STORE_WRITE, &cl)) == NULL)
		return EXIT_FAIL;
	if (client_set_lang(st, cl.id, lang, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	store_close(st);
	cli_say(_("%s now speaks %s"), cl.name, lang_name(lang));
	return EXIT_OK;
}

int
cmd_client(cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(_("client needs a subcommand: client add NAME, client archive NAME, "
				   "client restore NAME, client lang NAME en|fr"));
	if (strcmp(argv[1], "add") == 0)
		return client_add_main(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "archive") == 0)
		return client_archive_main(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "restore") == 0)
		return client_restore_main(c, argc - 1, argv + 1);
	if (strcmp(argv[1], "lang") == 0)
		return client_lang_main(c, argc - 1, argv + 1);
	return cli_usage(_("unknown subcommand 'client %s'"), argv[1]);
}

/* One row of `rapport clients`: its cells, sanitized (malloc'd). */
enum { COL_NAME, COL_ORG, COL_CADENCE, COL_LAST, COL_STATUS, COL_LANG, NCOLS };

struct row {
	char *cell[NCOLS];
};

/* Print rows: tab-separated for scripts, or, on a terminal, in columns
** aligned by display width (a CJK character takes two) under a heading. */
static void
print_rows(struct row *rows, size_t n, bool aligned, const char *const *heading)
{
	int widths[NCOLS] = {0};

	if (aligned) {
		for (int k = 0; k < NCOLS; k++)
			widths[k] = width_str(_(heading[k]));
		for (size_t i = 0; i < n; i++)
			for (int k = 0; k < NCOLS; k++)
				if (width_str(rows[i].cell[k]) > widths[k])
					widths[k] = width_str(rows[i].cell[k]);
		for (int k = 0; k < NCOLS; k++)
			printf("%s%*s", _(heading[k]),
			       k + 1 < NCOLS ? widths[k] - width_str(_(heading[k])) + 2 : 0, "");
		putchar('\n');
	}
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < NCOLS; k++) {
			const char *cell = rows[i].cell[k];

			fputs(cell, stdout);
			if (k + 1 == NCOLS)
				break;
			if (aligned)
				printf("%*s", widths[k] - width_str(cell) + 2, "");
			else
				putchar('\t');
		}
		putchar('\n');
	}
}

/* clients --json: the ranking (or the archived clients), as rapport(1)
** documents it. */
static int
clients_json(const client_status *order, const client *archived, size_t n)
{
	const client **list = n ? calloc(n, sizeof *list) : NULL;
	cadence *where = order && n ? calloc(n, sizeof *where) : NULL;

	if (n && (list == NULL || (order && where == NULL))) {
		free(list);
		free(where);
		cli_error(_("out of memory"));
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < n; i++) {
		list[i] = order ? &order[i].c : &archived[i];
		if (order)
			where[i] = order[i].where;
	}
	cli_clients_json(list, where, n);
	free(list);
	free(where);
	return EXIT_OK;
}

int
cmd_clients(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"archived", no_argument, NULL, 'a'},
		{"json", no_argument, NULL, 'j'},
		{0, 0, 0, 0},
	};
	/* TRANSLATORS: the headings of rapport clients on a terminal. */
	static const char *const heading[NCOLS] = {N_("NAME"), N_("ORGANISATION"), N_("CADENCE"),
						   N_("LAST CONTACT"), N_("STATUS"), N_("LANG")};
	static const char *const heading_archived[NCOLS] = {
		N_("NAME"), N_("ORGANISATION"), N_("CADENCE"), N_("LAST CONTACT"), N_("ARCHIVED"),
		N_("LANG")};
	client_status *order = NULL;
	client *archived = NULL;
	struct row *rows = NULL;
	size_t n = 0, done = 0;
	rp_error err = {0};
	rp_error open_err = {0};
	bool want_archived = false, oom = false, json = false;
	store *st;
	int ch, bad = 0, rc = EXIT_FAIL;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1)
		if (ch == 'a')
			want_archived = true;
		else if (ch == 'j')
			json = true;
	if (bad)
		return EXIT_USAGE;
	if (optind != argc)
		return cli_usage(_("clients takes no arguments"));
	st = store_open(c->db_path, STORE_READ, &open_err);
	if (st == NULL) {
		/* No database yet is no clients yet, not an error. */
		if (open_err.status == RP_ENOTFOUND)
			return json ? clients_json(NULL, NULL, 0) : EXIT_OK;
		return cli_fail(&open_err);
	}
	if (want_archived ? client_list_archived(st, &archived, &n, &err) != RP_OK
			  : client_ranking(st, cli_today(c), &order, &n, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	store_close(st);
	if (json) {
		rc = clients_json(order, archived, n);
		free(order);
		free(archived);
		return rc;
	}
	/* One client a line, most pressing first (archived ones by name):
	** name, organisation (or "-"), cadence, last contact (local date, or
	** "never"), status (or the day it was archived), the client's language
	** ("en", "fr": what is said and sent to them). */
	if (n && (rows = calloc(n, sizeof *rows)) == NULL)
		oom = true;
	for (; !oom && done < n; done++) {
		const client *cl = want_archived ? &archived[done] : &order[done].c;
		char last[64], span[32], status[64];

		snprintf(last, sizeof last, "%s", _("never"));
		if (cl->last_contact)
			date_format_local(cl->last_contact, false, last, sizeof last);
		snprintf(span, sizeof span, "%d-%d", cl->cadence_min, cl->cadence_max);
		if (want_archived)
			date_format_local(cl->archived_at, false, status, sizeof status);
		else
			cadence_describe(order[done].where, status, sizeof status);
		rows[done].cell[COL_NAME] = text_sanitize(cl->name, " ");
		rows[done].cell[COL_ORG] = text_sanitize(cl->org[0] ? cl->org : "-", " ");
		rows[done].cell[COL_CADENCE] = strdup(span);
		rows[done].cell[COL_LAST] = strdup(last);
		rows[done].cell[COL_STATUS] = strdup(status);
		rows[done].cell[COL_LANG] = strdup(lang_code(cl->lang));
		for (int k = 0; k < NCOLS; k++)
			if (rows[done].cell[k] == NULL)
				oom = true;
	}
	if (oom) {
		cli_error(_("out of memory"));
		goto out;
	}
	print_rows(rows, n, n > 0 && isatty(STDOUT_FILENO),
		   want_archived ? heading_archived : heading);
	rc = EXIT_OK;
out:
	for (size_t i = 0; i < done; i++)
		for (int k = 0; k < NCOLS; k++)
			free(rows[i].cell[k]);
	free(rows);
	free(order);
	free(archived);
	return rc;
}

store *
cli_open_client(cli *c, const char *query, enum store_mode mode, client *out)
{
	rp_error err = {0};
	struct stat sb;
	store *st;

	/* Without a database there is no client; do not create one for that. */
	if (stat(c->db_path, &sb) != 0) {
		if (errno == ENOENT)
			cli_error(_("no client matches \"%s\" (there are no clients yet)"), query);
		else
			cli_error(_("cannot open database %s: %s"), c->db_path, strerror(errno));
		return NULL;
	}
	if ((st = cli_open(c, mode)) == NULL)
		return NULL;
	if (client_find(st, query, out, &err) != RP_OK) {
		cli_fail(&err);
		store_close(st);
		return NULL;
	}
	return st;
}

/* fact_add (which gives it to the person its "Name:" lead names), with
** the person it is about (--person) and the day it stops being an opener
** (--until), all or nothing. */
static enum rp_status
fact_add_more(store *st, const cli *c, int64_t client_id, enum fact_kind kind, const char *text,
	      const char *who, const char *until, int64_t *id, rp_error *err)
{
	rp_date day = {0, 0, 0};
	rp_error why = {0};
	person p = {0};
	enum rp_status s;

	if (until && date_parse_due(until, cli_today(c), &day, &why) != RP_OK)
		return rp_fail(err, RP_EINVAL, _("--until: %s"), why.msg);
	if (who && (s = person_find(st, client_id, who, &p, err)) != RP_OK)
		return s;
	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = fact_add(st, &c->clock, client_id, kind, text, 0, 0, id, err);
	if (s == RP_OK && who)
		s = fact_set_person(st, *id, p.id, err);
	if (s == RP_OK && until)
		s = fact_set_until(st, *id, day, err);
	if (s != RP_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, err);
}

/* What fact says it noted: a whole sentence for each kind. */
static void
say_noted(enum fact_kind kind, const char *name)
{
	switch (kind) {
	case FACT_FAMILY: cli_say(_("noted a family fact about %s"), name); break;
	case FACT_TRAVEL: cli_say(_("noted a travel fact about %s"), name); break;
	case FACT_HOBBY: cli_say(_("noted a hobby fact about %s"), name); break;
	case FACT_SPORT: cli_say(_("noted a sport fact about %s"), name); break;
	case FACT_FOOD: cli_say(_("noted a food fact about %s"), name); break;
	case FACT_WORK: cli_say(_("noted a work fact about %s"), name); break;
	default: cli_say(_("noted a fact about %s"), name); break;
	}
}

int
cmd_fact(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, 'k'},
		{"person", required_argument, NULL, 'p'},
		{"until", required_argument, NULL, 'u'},
		{0, 0, 0, 0},
	};
	const char *who = NULL, *until = NULL;
	int kind = -1, ch, bad = 0;
	rp_error err = {0};
	int64_t id = 0;
	client cl;
	store *st;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		if (ch == 'k' && (kind = fact_kind_from_name(optarg)) < 0) {
			cli_error(_("--kind must be family, travel, hobby, sport, food, work or other"));
			return EXIT_FAIL;
		}
		if (ch == 'p')
			who = optarg;
		if (ch == 'u')
			until = optarg;
	}
	if (bad)
		return EXIT_USAGE;
	if (optind + 2 != argc)
		return cli_usage(_("fact takes CLIENT and TEXT (quote the text)"));
	if ((st = cli_open_client(c, argv[optind], STORE_WRITE, &cl)) == NULL)
		return EXIT_FAIL;
	if (kind < 0)
		kind = fact_kind_guess(argv[optind + 1]);
	if (fact_add_more(st, c, cl.id, (enum fact_kind)kind, argv[optind + 1], who, until, &id,
			  &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	say_noted((enum fact_kind)kind, cl.name);
	store_close(st);
	return EXIT_OK;
}

/* What touch says it logged, and what --undo says it removed (the day and
** time, the client, the touchpoint's text): a sentence for each kind. */
static void
say_logged(enum touch_kind kind, const char *name)
{
	switch (kind) {
	case TOUCH_EMAIL: cli_say(_("logged an email with %s"), name); break;
	case TOUCH_CALL: cli_say(_("logged a call with %s"), name); break;
	case TOUCH_MESSAGE: cli_say(_("logged a message with %s"), name); break;
	default: cli_say(_("logged a touchpoint with %s"), name); break;
	}
}

static void
say_removed(enum touch_kind kind, const char *day, const char *name, const char *text)
{
	switch (kind) {
	case TOUCH_EMAIL: cli_say(_("removed the email of %s with %s: %s"), day, name, text); break;
	case TOUCH_CALL: cli_say(_("removed the call of %s with %s: %s"), day, name, text); break;
	case TOUCH_MESSAGE:
		cli_say(_("removed the message of %s with %s: %s"), day, name, text);
		break;
	default: cli_say(_("removed the touchpoint of %s with %s: %s"), day, name, text); break;
	}
}

/* rapport touch CLIENT --undo: the client's latest touchpoint removed
** (one logged by mistake), and what it was said. */
static int
touch_undo(cli *c, const char *query)
{
	rp_error err = {0};
	touch_gone gone = {0};
	char day[32];
	client cl;
	store *st;

	if ((st = cli_open_client(c, query, STORE_WRITE, &cl)) == NULL)
		return EXIT_FAIL;
	if (record_touch_undo(st, cl.id, &gone, &err) != RP_OK) {
		store_close(st);
		if (err.status == RP_ENOTFOUND) {
			cli_error(_("no touchpoint logged with %s"), cl.name);
			return EXIT_FAIL;
		}
		return cli_fail(&err);
	}
	store_close(st);
	date_format_local(gone.at, true, day, sizeof day);
	say_removed(gone.kind, day, cl.name, gone.text);
	free(gone.text);
	return EXIT_OK;
}

/* --at for what happened: the words of plan --at, and "yesterday 15:00"
** ("hier 15h00" too: a time alone is read on that day). */
static enum rp_status
touch_parse_at(const cli *c, const char *text, int64_t *out, rp_error *err)
{
	static const char *const words[] = {"yesterday ", "hier "};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t n = strlen(words[i]);

		if (strncasecmp(text, words[i], n) == 0 &&
		    date_parse_when(text + n, date_add_days(cli_today(c), -1), out, err) == RP_OK)
			return RP_OK;
	}
	return cli_parse_when(c, text, out, err);
}

/* The clock a touchpoint logged --at WHEN is stamped with: stopped there. */
static int64_t
at_now(void *ctx)
{
	return *(const int64_t *)ctx;
}

/* rapport touch CLIENT TEXT [--kind K] [--at WHEN]: without --kind, a kind
** word opening the text ("call: ...", "appel : ...") gives it; else other.
** --at: when it happened (yesterday's call logged today), never ahead.
** rapport touch CLIENT --undo: touch_undo(). */
int
cmd_touch(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, 'k'},
		{"undo", no_argument, NULL, 'u'},
		{"at", required_argument, NULL, 'a'},
		{0, 0, 0, 0},
	};
	const char *at_text = NULL;
	int64_t at = 0;
	rp_clock when = {.now = at_now, .ctx = &at};
	bool undo = false;
	enum touch_kind kind = TOUCH_OTHER;
	bool kind_given = false;
	rp_error err = {0};
	const char *text;
	int ch, bad = 0, k;
	client cl;
	store *st;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		if (ch == 'u')
			undo = true;
		if (ch == 'a')
			at_text = optarg;
		if (ch != 'k')
			continue;
		if ((k = touch_kind_from_name(optarg)) < 0) {
			cli_error(_("--kind must be email, call, message or other"));
			return EXIT_USAGE;
		}
		kind = (enum touch_kind)k;
		kind_given = true;
	}
	if (bad)
		return EXIT_USAGE;
	if (undo && (optind + 1 != argc || kind_given || at_text))
		return cli_usage(_("touch --undo takes only CLIENT"));
	if (undo)
		return touch_undo(c, argv[optind]);
	if (optind + 2 != argc)
		return cli_usage(_("touch takes CLIENT and TEXT (quote the text)"));
	text = argv[optind + 1];
	if (!kind_given)
		text = touch_kind_lead(text, &kind);
	if (at_text) {
		if (touch_parse_at(c, at_text, &at, &err) != RP_OK)
			return cli_fail(&err);
		if (at > rp_clock_now(&c->clock)) {
			cli_error(_("--at %s is ahead: a touchpoint is logged once it happened"),
				  at_text);
			return EXIT_FAIL;
		}
	}
	if ((st = cli_open_client(c, argv[optind], STORE_WRITE, &cl)) == NULL)
		return EXIT_FAIL;
	if (record_touch(st, at_text ? &when : &c->clock, cl.id, kind, text, NULL, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	say_logged(kind, cl.name);
	store_close(st);
	return EXIT_OK;
}
