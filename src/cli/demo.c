/* demo.c: rapport --demo: the screens on a throw-away database of sample
** clients, so a newcomer sees every screen populated at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/client.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/person.h"
#include "rapport/record.h"
#include "tui.h"

#define DAY 86400

/* A clock the seeding moves around in the past. */
static int64_t
moving_now(void *ctx)
{
	return *(int64_t *)ctx;
}

typedef struct seeder {
	store *st;
	rp_clock clock;
	int64_t at;          /* the seeding clock */
	int64_t now_base;    /* the real now */
	rp_error err;
	bool failed;
} seeder;

static void
check(seeder *sd, enum rp_status s)
{
	if (s != RP_OK && !sd->failed) {
		sd->failed = true;
		cli_error("demo: %s", sd->err.msg);
	}
}

static void
note(seeder *sd, int64_t meeting, int64_t item, const char *line)
{
	parsed_note p;
	rp_date today = date_local(sd->at);

	sd->at += 90;
	check(sd, note_parse_line(line, today, &p, &sd->err));
	check(sd, record_note(sd->st, &sd->clock, meeting, item, NOTE_PHASE_LIVE, &p, NULL, &sd->err));
}

/* A past meeting `days_ago` days ago with its notes; items by position get
** the statuses in marks ("d" done, "p" parked, "-" left pending). */
static int64_t
past_meeting(seeder *sd, int64_t client_id, int days_ago, const char *title,
	     const agenda_spec *items, size_t nitems, const char *marks, const char *const *lines)
{
	meeting_plan_args args = {.client_id = client_id, .title = title, .items = items,
				  .nitems = nitems, .planned_minutes = 45};
	int64_t m = 0, item = 0;

	sd->at = sd->now_base - (int64_t)days_ago * DAY - 2 * DAY;
	check(sd, meeting_plan(sd->st, &sd->clock, &args, &m, &sd->err));
	sd->at += 2 * DAY;
	check(sd, meeting_start(sd->st, &sd->clock, m, &sd->err));
	check(sd, record_talk(sd->st, &sd->clock, m, TALK_CLIENT, &sd->err));
	if (nitems && agenda_item_at(sd->st, m, 1, &item, &sd->err) == RP_OK)
		check(sd, agenda_start_item(sd->st, &sd->clock, item, &sd->err));
	for (size_t i = 0; lines && lines[i]; i++) {
		note(sd, m, item, lines[i]);
		if (i % 3 == 2)
			check(sd, record_talk(sd->st, &sd->clock, m, i % 2 ? TALK_YOU : TALK_CLIENT,
					      &sd->err));
	}
	for (size_t i = 0; marks && marks[i]; i++) {
		enum agenda_status to = marks[i] == 'd' ? AGENDA_DONE : AGENDA_PARKED;

		if (marks[i] == '-' || agenda_item_at(sd->st, m, (int)i + 1, &item, &sd->err) != RP_OK)
			continue;
		check(sd, agenda_set_status(sd->st, &sd->clock, item, to, &sd->err));
	}
	sd->at += 40 * 60;
	check(sd, meeting_end(sd->st, &sd->clock, m, &sd->err));
	return m;
}

static int64_t
add_client(seeder *sd, const char *name, const char *org, int min, int max)
{
	int64_t id = 0;

	sd->at = sd->now_base - 60 * DAY;
	check(sd, client_add(sd->st, &sd->clock, name, org, min, max, &id, &sd->err));
	return id;
}

static void
fact(seeder *sd, int64_t client_id, enum fact_kind kind, const char *text, int days_ago)
{
	sd->at = sd->now_base - (int64_t)days_ago * DAY;
	check(sd, fact_add(sd->st, &sd->clock, client_id, kind, text, 0, 0, NULL, &sd->err));
}

static void
add_person(seeder *sd, int64_t client_id, const char *name, const char *role,
	   const char *email)
{
	person_fields f = {.name = name, .role = role, .email = email};

	check(sd, person_add(sd->st, &sd->clock, client_id, &f, NULL, &sd->err));
}

/* Fill st with the sample clients; false after reporting. */
static bool
seed(store *st, const cli *c)
{
	seeder sd = {.st = st, .now_base = rp_clock_now(&c->clock)};
	int64_t zoe, acme, bjorn, nadia, next, item;
	char overdue[64], soon[64];
	static const agenda_spec kickoff[] = {{"Budget", 15}, {"Timeline", 10}, {"Hiring plan", 5}};
	static const agenda_spec review[] = {{"Progress", 10}, {"Risks", 10}};
	meeting_plan_args plan = {0};
	agenda_spec weekly[AGENDA_ITEMS_MAX];
	const char *title;
	size_t n;

	sd.clock = (rp_clock){.now = moving_now, .ctx = &sd.at};
	snprintf(overdue, sizeof overdue, "> send the revised plan @me ^%s",
		 date_format(date_local(sd.now_base - 3 * DAY), (char[11]){0}));
	snprintf(soon, sizeof soon, "> book the demo room @me ^%s",
		 date_format(date_local(sd.now_base + 5 * DAY), (char[11]){0}));
	{
		const char *const zoe_lines[] = {
			"* back from a business trip to Bali, loved it",
			"they reorganised the sales team #sales",
			"+ needs the export to Excel by March #export",
			"! worried the API slips again #api",
			"? can we self-host the dashboard",
			"= go with the phased rollout",
			overdue,
			"> sign the contract @zoe",
			"\" we can't afford another slip",
			"~ seemed tense about the budget",
			NULL,
		};

		zoe = add_client(&sd, "Zoë Lefèvre SARL", "Lefèvre & fils", 5, 14);
		/* Her "@zoe" below is hers. */
		add_person(&sd, zoe, "Zoë Lefèvre", "CEO", "zoe@lefevre.example");
		add_person(&sd, zoe, "Luc Martin", "CTO", NULL);
		fact(&sd, zoe, FACT_SPORT, "runs the Paris marathon in April", 40);
		past_meeting(&sd, zoe, 16, "Kickoff", kickoff, 3, "-dp", zoe_lines);
	}
	{
		const char *const bjorn_lines[] = {
			"+ wants a weekly status email #reporting",
			"= Björn owns the sign-off",
			soon,
			NULL,
		};

		bjorn = add_client(&sd, "Björn Andersson AB", NULL, 5, 10);
		fact(&sd, bjorn, FACT_FAMILY, "his daughter starts university in Uppsala", 30);
		past_meeting(&sd, bjorn, 10, "Review", review, 2, "dd", bjorn_lines);
	}
	{
		const char *const nadia_lines[] = {
			"* loves the restaurant at Septime",
			"! the budget may be cut in Q1",
			"? who signs off on the invoices",
			NULL,
		};

		nadia = add_client(&sd, "Nadia Haddad Conseil", "Haddad & associés", 5, 14);
		past_meeting(&sd, nadia, 8, "Point mensuel", review, 2, "d-", nadia_lines);
	}
	acme = add_client(&sd, "Acme Logistics", "Acme Group", 7, 21);
	sd.at = sd.now_base - 3 * DAY;
	check(&sd, record_touch(st, &sd.clock, acme, TOUCH_EMAIL, "emailed the quarterly report", NULL, &sd.err));
	add_client(&sd, "山田商事 (Yamada Shoji)", NULL, 3, 7);

	/* Zoë's next meeting: a weekly status in two days, with the items left
	** from the kickoff and a walkthrough of the importer. */
	n = agenda_template("weekly", weekly, AGENDA_ITEMS_MAX - 1, &title);
	weekly[n++] = (agenda_spec){"Importer demo", 15};
	sd.at = sd.now_base - 3600;
	plan = (meeting_plan_args){.client_id = zoe, .title = title, .items = weekly, .nitems = n,
				   .planned_at = sd.now_base + 2 * DAY, .planned_minutes = 45};
	check(&sd, meeting_plan(st, &sd.clock, &plan, &next, &sd.err));
	/* The demo item comes last, after what was carried over. */
	item = 0;
	for (int pos = 1; agenda_item_at(st, next, pos, &item, &sd.err) == RP_OK; pos++)
		;
	if (item) {
		check(&sd, agenda_add_walkthrough(st, item, "Alice", "built the importer", 960,
						  "the client's API keys", NULL, &sd.err));
		check(&sd, agenda_add_walkthrough(st, item, "Marc", "tested it on last month's data",
						  240, NULL, NULL, &sd.err));
	}
	check(&sd, record_prep_note(st, &sd.clock, next, "ask how the new sales team is settling in",
				    NULL, &sd.err));
	return !sd.failed;
}

int
cli_demo(cli *c)
{
	const char *tmp = getenv("TMPDIR");
	char folder[512], path[600], side[620], msg[512] = "";
	rp_error err = {0};
	enum tui_exit how;
	store *st;
	int rc = EXIT_FAIL;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("--demo needs a terminal");
		return EXIT_FAIL;
	}
	snprintf(folder, sizeof folder, "%s/rapport-demo-XXXXXX",
		 tmp && *tmp && strlen(tmp) < 400 ? tmp : "/tmp");
	if (mkdtemp(folder) == NULL) {
		cli_error("cannot make a folder for the demo in %s", tmp && *tmp ? tmp : "/tmp");
		return EXIT_FAIL;
	}
	snprintf(path, sizeof path, "%s/demo.db", folder);
	if ((st = store_open(path, STORE_WRITE, &err)) == NULL) {
		cli_fail(&err);
		goto out;
	}
	if (seed(st, c)) {
		how = tui_home(st, &c->clock, msg, sizeof msg);
		if (how == TUI_FAILED)
			cli_error("%s", msg);
		else
			rc = EXIT_OK;
	}
	store_close(st);
out:
	/* A throw-away database: nothing of it stays.  Exports made from the
	** demo's screens go to the current folder, not here. */
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	if (rmdir(folder) != 0)
		cli_error("could not remove %s", folder);
	return rc;
}
