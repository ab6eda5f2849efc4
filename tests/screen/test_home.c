/* test_home.c: the Clients and Prep screens, and the demo, as a person sees
** them: the real binary in a pseudo-terminal read through libvterm. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

/* Row of the screen holding text, or -1. */
static int
row_of(term *t, const char *text)
{
	int row = -1, col;

	return term_find(t, text, &row, &col) ? row : -1;
}

/* Does the row holding name (its first on screen) say status too?  The
** status column is as wide as its widest text, in any language. */
static bool
row_says(term *t, const char *name, const char *status)
{
	int row = -1, col;
	char *text;
	bool says;

	if (!term_find(t, name, &row, &col))
		return false;
	text = term_row(t, row);
	says = text && strstr(text, status) != NULL;
	free(text);
	return says;
}

/* On the Clients screen, move the selection to the client named. */
static void
select_client(term *t, const char *name)
{
	int row;

	term_wait_for(t, name, 5000);
	row = row_of(t, name);
	/* From the top: the selection may be anywhere. */
	for (int i = 0; i < 30; i++)
		term_type(t, "k");
	for (int i = 3; i < row; i++)
		term_type(t, "j");
}

static term *
start(const char *arg)
{
	const char *argv[] = {steps_bin, arg, NULL};
	return steps_start(argv, NULL, 24, 80);
}

static void
setup(void)
{
	char sql[256];
	sqlite3 *db;

	steps_use_db("home.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --org 'Lefèvre & fils' --cadence 5-14");
	steps_rapport("client add 'Acme Logistics' --cadence 7-21");
	steps_rapport("client add 'Björn AB' --cadence 5-10");
	steps_rapport("fact zoe 'back from a business trip to Bali'");
	steps_rapport("touch acme 'emailed the report'");
	/* Zoë was last contacted 20 days ago: overdue by 6. */
	snprintf(sql, sizeof sql,
		 "INSERT INTO touchpoints (client_id, at, text) VALUES (1, %lld, 'call')",
		 (long long)steps_now() - 20 * 86400);
	if (sqlite3_open(getenv("RAPPORT_DB"), &db) == SQLITE_OK)
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
}

static void
clients_are_ranked_and_edited(void)
{
	term *t = start(NULL);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	SEE(t, "overdue by 6 days");
	SEE(t, "Björn AB");
	SEE(t, "Acme Logistics");
	term_wait_quiet(t, 200, 2000);
	/* Most pressing first: overdue, never contacted, too soon. */
	CHECK(row_of(t, "overdue by 6 days") == row_of(t, "Zoë Lefèvre SARL"));
	CHECK(row_of(t, "no contact yet") == row_of(t, "Björn AB"));
	CHECK(row_of(t, "too soon (7 more days)") == row_of(t, "Acme Logistics"));
	CHECK(row_of(t, "Zoë Lefèvre SARL") < row_of(t, "Björn AB"));
	CHECK(row_of(t, "Björn AB") < row_of(t, "Acme Logistics"));

	term_type(t, "n");
	SEE(t, "Name:");
	term_type(t, "Chloé 日本");
	term_key(t, "Enter");
	SEE(t, "Organisation");
	term_key(t, "Enter");
	SEE(t, "Check in every MIN-MAX days:");
	term_key(t, "C-u");
	term_type(t, "3-7\r");
	SEE(t, "client added");
	SEE(t, "Chloé 日本");
	CHECK_STR(steps_sql1("SELECT cadence_min || '-' || cadence_max FROM clients WHERE name = 'Chloé 日本'"),
		  "3-7");

	/* A bad cadence is said, and asked again. */
	term_type(t, "n");
	term_type(t, "Dan\r\r");
	term_key(t, "C-u");
	term_type(t, "9-3\r");
	SEE(t, "the minimum is more than the maximum");
	term_key(t, "Esc");

	/* x archives the selected client; y answers at once. */
	term_type(t, "n");
	term_type(t, "Temp client\r\r\r");
	SEE(t, "client added");
	select_client(t, "Temp client");
	SEE(t, "Temp client");
	CHECK(row_says(t, "Temp client", "no contact yet"));
	term_type(t, "x");
	SEE(t, "Archive Temp client? y / n:");
	term_type(t, "y");
	SEE(t, "Temp client archived");
	/* Out of the list: only the message names it now. */
	CHECK(!row_says(t, "Temp client", "no contact yet"));
	CHECK_STR(steps_sql1("SELECT archived_at IS NOT NULL FROM clients WHERE name = 'Temp client'"), "1");

	/* ? shows the keys; any key closes them. */
	term_type(t, "?");
	SEE(t, "rapport · clients · keys");
	SEE(t, "archive the client (its history stays)");
	term_type(t, " ");
	SEE(t, "rapport · clients, the most pressing");

	/* r reviews the selected client's meetings; Esc comes back. */
	term_type(t, "r");
	SEE(t, "rapport · review · Zoë Lefèvre SARL · 0 meetings");
	term_key(t, "Esc");
	SEE(t, "rapport · clients");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
prep_shows_and_edits(void)
{
	term *t = start(NULL);

	SEE(t, "rapport · clients");
	term_key(t, "Enter");  /* Zoë, first */
	SEE(t, "rapport · prep · Zoë Lefèvre SARL · overdue by");
	SEE(t, "travel  back from a business trip to Bali");
	SEE(t, "How was your trip to Bali?");
	SEE(t, "none planned");

	/* Openers: d marks the first one asked (used). */
	term_key(t, "Tab");
	term_type(t, "d");
	SEE(t, "opener marked as used today");
	CHECK_STR(steps_sql1("SELECT key FROM opener_uses"), "fact:1");

	/* Next meeting: adding an item plans it. */
	term_key(t, "Tab");
	term_key(t, "Tab");
	term_type(t, "a");
	SEE(t, "Agenda item (TITLE:MINUTES):");
	term_type(t, "Budget:15\r");
	SEE(t, "1. Budget 15'");
	CHECK_STR(steps_sql1("SELECT state FROM meetings WHERE id = 1"), "planned");
	term_type(t, "t");  /* on the item just added: its walkthrough */
	SEE(t, "Walkthrough (MEMBER|WHAT|MINUTES|DEPENDS ON):");
	term_type(t, "Alice|built the importer|16h|API keys\r");
	term_key(t, "Down");  /* the walkthrough line, below the history's lines */
	SEE(t, "Alice: built the importer (16h), depends on API keys");
	term_type(t, "A");  /* a template's items */
	term_type(t, "weekly\r");
	SEE(t, "6. Next steps 5'");
	/* The last item added stays selected: move Next steps up to fifth. */
	term_type(t, "K");
	SEE(t, "5. Next steps 5'");

	/* A fact, with its kind named. */
	term_key(t, "BTab");
	term_key(t, "BTab");
	term_key(t, "BTab");
	term_type(t, "a");
	SEE(t, "Fact ([kind:] text):");
	term_type(t, "sport: plays padel\r");
	SEE(t, "sport   plays padel");
	CHECK_STR(steps_sql1("SELECT kind FROM facts WHERE text = 'plays padel'"), "sport");

	term_key(t, "Esc");
	SEE(t, "rapport · clients");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	CHECK_STR(steps_sql1("SELECT group_concat(title, '|') FROM (SELECT title FROM agenda_items"
		       " WHERE meeting_id = 1 ORDER BY position)"),
		  "Budget|Small talk|Progress since last week|Blockers|Next steps|Decisions needed");
}

static void
meet_from_home_and_back(void)
{
	term *t = start(NULL);
	int row;

	SEE(t, "rapport · clients");
	term_type(t, "m");   /* Zoë: her planned meeting, live */
	SEE(t, "┌ Notes");
	SEE(t, "Budget");
	term_type(t, "= go ahead\r");
	SEE(t, "= go ahead");
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n");
	term_type(t, "y");
	/* The recap: the decision, then back to the clients. */
	SEE(t, "rapport · recap · Meeting with Zoë Lefèvre SARL");
	SEE(t, "go ahead");
	SEE(t, "not before");
	term_type(t, "q");
	SEE(t, "rapport · clients");
	/* A meeting today is a contact: Zoë is now too soon. */
	SEE(t, "too soon (5 more days)");
	row = row_of(t, "Zoë Lefèvre SARL");
	CHECK(row >= 0 && row == row_of(t, "too soon (5 more days)"));
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	CHECK_STR(steps_sql1("SELECT state FROM meetings WHERE id = 1"), "ended");
}

static void
recap_fixes_exports_and_plans(void)
{
	term *t = start(NULL);
	char path[600], want[64], *md;
	size_t len = 0;

	snprintf(path, sizeof path, "%s", fixture_path("recap-export.md"));
	snprintf(want, sizeof want, "%s", steps_date(3));  /* ^+3d */
	SEE(t, "rapport · clients");
	select_client(t, "Björn AB");
	term_type(t, "m");
	SEE(t, "┌ Notes");
	term_type(t, "> send the deck\r");
	SEE(t, "> send the deck");
	term_type(t, "? is the budget approved\r");
	SEE(t, "? is the budget approved");
	term_key(t, "C-x");
	term_type(t, "y");
	SEE(t, "rapport · recap");
	term_key(t, "F1");
	SEE(t, "rapport · recap · keys");
	term_key(t, "Esc");
	SEE(t, "send the deck · who? (o) · when? (w)");
	SEE(t, "is the budget approved");
	term_type(t, "o");
	SEE(t, "Owner:");
	term_type(t, "me\r");
	SEE(t, "send the deck · @me");
	term_type(t, "w");  /* when: the due date */
	term_type(t, "+3d\r");
	SEE(t, steps_day(3));
	CHECK_STR(steps_sql1("SELECT owner || ' ' || due FROM followups WHERE text = 'send the deck'"),
		  (snprintf(path + 500, 90, "me %s", want), path + 500));
	snprintf(path, sizeof path, "%s", fixture_path("recap-export.md"));
	term_type(t, "E");
	SEE(t, "Export to (.md, .json or .ics):");
	term_key(t, "C-u");
	term_type(t, path);
	term_key(t, "Enter");
	SEE(t, "exported to");
	md = fixture_slurp(path, &len);
	CHECK(md && strncmp(md, "# Meeting — Björn AB", strlen("# Meeting — Björn AB")) == 0);
	CHECK(md && strstr(md, "- Send the deck — me, by ") != NULL);
	CHECK(md && strstr(md, "- Is the budget approved?") != NULL);
	free(md);
	/* The calendar's: the action, the client's check-in, and what was
	** exported remembered for the next time. */
	snprintf(path, sizeof path, "%s", fixture_path("recap-export.ics"));
	term_type(t, "E");
	SEE(t, "Export to (.md, .json or .ics):");
	term_key(t, "C-u");
	term_type(t, path);
	term_key(t, "Enter");
	SEE(t, "exported to");
	md = fixture_slurp(path, &len);
	CHECK(md && strstr(md, "SUMMARY:Björn AB: send the deck\r\n") != NULL);
	CHECK(md && strstr(md, "SUMMARY:Check in with Björn AB\r\n") != NULL);
	free(md);
	CHECK_STR(steps_sql1("SELECT count(*) FROM calendar_objects"), "2");
	/* Exporting again to the same name does not overwrite it. */
	term_type(t, "E");
	term_key(t, "C-u");
	term_type(t, path);
	term_key(t, "Enter");
	SEE(t, "already exists");
	/* Asked again, the name kept to be changed; Esc drops it. */
	SEE(t, "Export to (.md, .json or .ics):");
	term_key(t, "Esc");
	CHECK(term_wait_gone(t, "Export to", 3000));
	term_type(t, "p");
	SEE(t, "Next meeting (date and time):");
	term_key(t, "Enter");
	SEE(t, "rapport · prep · Björn AB");
	CHECK_STR(steps_sql1("SELECT count(*) FROM meetings WHERE state = 'planned' AND client_id ="
		       " (SELECT id FROM clients WHERE name = 'Björn AB') AND planned_at IS NOT NULL"),
		  "1");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
review_and_search(void)
{
	term *t = start(NULL);
	int row;

	SEE(t, "rapport · clients");
	term_type(t, "/");
	SEE(t, "Search:");
	term_type(t, "lefevre\r");
	SEE(t, "rapport · search · \"lefevre\"");
	SEE(t, "Zoë Lefèvre SARL  client");
	term_type(t, "/");
	term_key(t, "C-u");
	term_type(t, "ahead\r");
	SEE(t, "decision  go ahead");
	term_key(t, "Enter");
	SEE(t, "rapport · review · Meeting with Zoë Lefèvre SARL");
	/* The meeting opens at that note: its line is the selected one. */
	row = -1;
	{
		int col;

		term_wait_for(t, "= go ahead", 5000);
		term_find(t, "= go ahead", &row, &col);
	}
	if (row <= 0) {
		char *screen = term_screen(t);

		tap_fail(__FILE__, __LINE__, "the note is not on screen:\n%s", screen);
		free(screen);
	}
	if (row > 0) {
		int fg, bg;
		bool bold, reverse = false;

		CHECK(term_cell_attrs(t, row, 3, &fg, &bg, &bold, &reverse) && reverse);
	}
	term_key(t, "Esc");
	SEE(t, "rapport · search");
	term_key(t, "Esc");
	SEE(t, "rapport · clients");
	/* Review of Björn: his meeting, its follow-ups. */
	select_client(t, "Björn AB");
	term_type(t, "r");
	SEE(t, "rapport · review · Björn AB");
	/* Newest first: the meeting planned from the recap, then the one held. */
	SEE(t, "planned");
	term_type(t, "j");
	term_key(t, "Enter");
	SEE(t, "Follow-ups");
	for (int i = 0; i < 20; i++)
		term_type(t, "j");
	term_type(t, "d");
	SEE(t, "[done] send the deck");
	CHECK_STR(steps_sql1("SELECT status FROM followups WHERE text = 'send the deck'"), "done");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
the_demo_shows_every_screen(void)
{
	const char *argv[] = {steps_bin, "--demo", NULL};
	term *t = steps_start(argv, NULL, 30, 100);

	SEE(t, "rapport · clients");
	SEE(t, "overdue by 2 days");
	SEE(t, "due today");
	SEE(t, "no contact yet");
	SEE(t, "too soon");
	SEE(t, "山田商事");
	term_key(t, "Enter");
	SEE(t, "12 months");  /* the history at a glance, on top */
	SEE(t, "How was your trip to Bali?");
	/* What is open, and the agenda's walkthroughs, further down. */
	term_key(t, "End");
	SEE(t, "overdue · send the revised plan");
	SEE(t, "Open questions");
	SEE(t, "Concerns last time");
	SEE(t, "(carried 1×)");
	term_key(t, "End");  /* the end of the agenda, below the first screen */
	SEE(t, "Alice: built the importer (16h)");
	SEE(t, "sign the contract · theirs @Zoë Lefèvre");  /* @zoe is a person */
	/* The demo's next meeting is planned two days ahead: m on Prep asks,
	** Esc comes back to Prep, p starts it. */
	term_type(t, "m");
	SEE(t, "Start the meeting planned for");
	term_key(t, "Esc");
	SEE(t, "How was your trip to Bali?");
	term_type(t, "m");
	SEE(t, "Start the meeting planned for");
	term_type(t, "p");
	SEE(t, "┌ Prompts");
	SEE(t, "Weekly status");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A client met every week for five years: Review shows the newest page at
** once, and older pages follow as the selection goes down, back to the
** first meeting; the title counts what is shown. */
static void
review_pages_back_through_the_years(void)
{
	char sql[600];
	sqlite3 *db;
	term *t;

	steps_use_db("long.db");
	steps_rapport("client add 'Longtime Ltd' --cadence 5-10");
	snprintf(sql, sizeof sql,
		 "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 250)"
		 " INSERT INTO meetings (client_id, title, state, created_at, started_at, ended_at)"
		 " SELECT 1, printf('Weekly %%03d', n), 'ended', %lld - n * 604800,"
		 " %lld - n * 604800, %lld - n * 604800 + 1800 FROM i",
		 (long long)steps_now(), (long long)steps_now(), (long long)steps_now());
	if (sqlite3_open(getenv("RAPPORT_DB"), &db) == SQLITE_OK)
		CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	t = start(NULL);
	SEE(t, "Longtime Ltd");
	term_type(t, "r");
	/* A screenful first (24 rows), then pages of 100. */
	SEE(t, "rapport · review · Longtime Ltd · 24 meetings, 0 touchpoints shown");
	SEE(t, "Weekly 001");
	term_type(t, "G");
	SEE(t, "124 meetings, 0 touchpoints shown");
	term_type(t, "G");
	SEE(t, "224 meetings, 0 touchpoints shown");
	term_type(t, "G");
	SEE(t, "rapport · review · Longtime Ltd · 250 meetings, 0 touchpoints, newest first");
	term_type(t, "G");
	SEE(t, "Weekly 250");
	/* Back up to the newest, and into one of the oldest. */
	term_type(t, "g");
	SEE(t, "Weekly 001");
	term_type(t, "G");
	SEE(t, "Weekly 250");
	term_key(t, "Enter");
	SEE(t, "rapport · review · Weekly 250");
	term_key(t, "Esc");
	SEE(t, "250 meetings, 0 touchpoints, newest first");
	SEE(t, "Weekly 250");
	term_type(t, "q");
	SEE(t, "rapport · clients");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	steps_use_db("home.db");
}

int
main(void)
{
	const char *why = steps_init();

	if (why != NULL) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	setup();
	RUN(clients_are_ranked_and_edited);
	RUN(prep_shows_and_edits);
	RUN(meet_from_home_and_back);
	RUN(recap_fixes_exports_and_plans);
	RUN(review_and_search);
	RUN(the_demo_shows_every_screen);
	RUN(review_pages_back_through_the_years);
	return tap_done();
}
