/* test_followups.c: the Follow-ups screen as a person sees it at 80x24:
** f from Clients, overdue first and in red, done and undone, a new due date
** that re-sorts the list, a new owner, mine and theirs, the meeting a
** follow-up came from and back; then a narrow terminal.  The real binary
** in a pseudo-terminal read through libvterm.
*/
#include <glob.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

static int
row_of(term *t, const char *text)
{
	int row = -1, col;

	return term_find(t, text, &row, &col) ? row : -1;
}

/* Is the row holding text the selected one (reverse video)? */
static bool
selected(term *t, const char *text)
{
	int row = -1, col = 0;
	bool reverse = false;

	if (!term_find(t, text, &row, &col))
		return false;
	term_cell_attrs(t, row, col, NULL, NULL, NULL, &reverse);
	return reverse;
}

/* Wait (up to 5 s) for the row holding text to be the selected one; show
** the screen when it is not. */
static bool
becomes_selected(term *t, const char *text, int line)
{
	char *screen;

	for (int waited = 0; waited < 5000; waited += 50) {
		if (selected(t, text))
			return true;
		term_pump(t, 50);
	}
	screen = term_screen(t);
	tap_fail(__FILE__, line, "\"%s\" should be selected:\n%s", text, screen);
	free(screen);
	return false;
}
#define SELECTED(t, text) becomes_selected((t), (text), __LINE__)

/* The colour of the due date (after the number, "  1 ") of the row
** holding text. */
static int
due_colour(term *t, const char *text)
{
	int row = row_of(t, text), fg = -3;

	if (row >= 0)
		term_cell_attrs(t, row, 5, &fg, NULL, NULL, NULL);
	return fg;
}

static void
exec_sql(const char *sql)
{
	sqlite3 *db;

	if (sqlite3_open(getenv("RAPPORT_DB"), &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		tap_fail(__FILE__, __LINE__, "SQL failed: %s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* Wait until the screen is still, then is text above other? */
static bool
above(term *t, const char *text, const char *other)
{
	int a, b;

	term_wait_quiet(t, 150, 2000);
	a = row_of(t, text);
	b = row_of(t, other);
	if (a < 0 || b < 0 || a >= b) {
		char *screen = term_screen(t);

		tap_fail(__FILE__, __LINE__, "\"%s\" (row %d) should be above \"%s\" (row %d):\n%s",
			 text, a, other, b, screen);
		free(screen);
		return false;
	}
	return true;
}

static void
setup(void)
{
	char sql[2000], d[4][16];

	/* steps_date() has one buffer: each date copied before the next. */
	snprintf(d[0], sizeof d[0], "%s", steps_date(-6));
	snprintf(d[1], sizeof d[1], "%s", steps_date(1));
	snprintf(d[2], sizeof d[2], "%s", steps_date(8));
	snprintf(d[3], sizeof d[3], "%s", steps_date(-20));
	steps_use_db("followups.db");
	steps_rapport("client add Acme");
	steps_rapport("client add 'Zoë Lefèvre SARL'");
	steps_rapport("plan acme Kickoff --item Budget:15");
	/* Overdue, tomorrow, in eight days, no date; one done already. */
	snprintf(sql, sizeof sql,
		 "UPDATE meetings SET state = 'ended', started_at = %lld, ended_at = %lld;"
		 "INSERT INTO followups (client_id, meeting_id, text, owner, due, created_at) VALUES"
		 " (1, 1, 'send the revised plan', 'me', '%s', 0),"
		 " (1, 1, 'sign the contract', 'acme', '%s', 0),"
		 " (2, NULL, 'book a room 日本語', NULL, NULL, 0),"
		 " (2, NULL, 'call the CFO', 'nous', '%s', 0),"
		 " (1, 1, 'long since done', 'me', '%s', 0);"
		 "UPDATE followups SET status = 'done' WHERE text = 'long since done';",
		 (long long)steps_now() - 7 * 86400, (long long)steps_now() - 7 * 86400 + 2400,
		 d[0], d[1], d[2], d[3]);
	exec_sql(sql);
}

static void
marks_done_and_redates(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t = steps_start(argv, NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	/* At 80 columns the key bar keeps whole hints, and f's is past them:
	** the help names it. */
	term_type(t, "?");
	SEE(t, "every open follow-up");
	term_type(t, " ");
	SEE(t, "rapport · clients");
	term_type(t, "f");
	SEE(t, "rapport · follow-ups, overdue first");
	SEE(t, "FOLLOW-UP");
	/* Overdue first, then by date, no date last; nothing closed. */
	CHECK(above(t, "send the revised plan", "sign the contract"));
	CHECK(above(t, "sign the contract", "call the CFO"));
	CHECK(above(t, "call the CFO", "book a room 日本語"));
	CHECK(UNSEEN(t, "long since done"));
	SELECTED(t, "send the revised plan");
	CHECK_INT(due_colour(t, "send the revised plan"), 1);  /* red: overdue */
	CHECK(due_colour(t, "call the CFO") != 1);
	SEE(t, "from \"Kickoff\" with Acme");

	/* d: done, gone from the list, on disk; u brings it back. */
	term_type(t, "d");
	SEE(t, "done: send the revised plan");
	term_wait_quiet(t, 150, 2000);
	CHECK_INT(row_of(t, "sign the contract"), 3);  /* the first row now */
	CHECK_STR(steps_sql1("SELECT status FROM followups WHERE text = 'send the revised plan'"),
		  "done");
	SELECTED(t, "sign the contract");  /* the next one */
	term_type(t, "u");
	SEE(t, "open again: send the revised plan");
	CHECK(above(t, "send the revised plan", "sign the contract"));
	CHECK_STR(steps_sql1("SELECT status || coalesce(closed_at, '') FROM followups"
			     " WHERE text = 'send the revised plan'"),
		  "open");

	/* w: a new due date, in the note's words; the list re-sorts. */
	term_type(t, "j");
	SELECTED(t, "sign the contract");
	term_type(t, "w");
	SEE(t, "Due (");
	term_key(t, "C-u");
	term_type(t, "someday\r");
	SEE(t, "due date \"someday\" not understood");
	CHECK_STR(steps_sql1("SELECT due FROM followups WHERE text = 'sign the contract'"),
		  steps_date(1));
	term_key(t, "C-u");
	term_type(t, "+10d\r");
	CHECK(term_wait_gone(t, "Due (", 3000));
	CHECK_STR(steps_sql1("SELECT due FROM followups WHERE text = 'sign the contract'"),
		  steps_date(10));
	CHECK(above(t, "call the CFO", "sign the contract"));
	CHECK(above(t, "sign the contract", "book a room 日本語"));
	SELECTED(t, "sign the contract");  /* followed to its new place */

	/* o: another owner; Tab: mine, then theirs. */
	term_type(t, "o");
	SEE(t, "Owner (blank for nobody): @");
	term_key(t, "C-u");
	term_type(t, "me\r");
	SEE(t, "owner changed");
	CHECK_STR(steps_sql1("SELECT owner FROM followups WHERE text = 'sign the contract'"), "me");
	term_key(t, "Tab");
	SEE(t, "mine (Tab: theirs)");
	SEE(t, "sign the contract");
	term_key(t, "Tab");
	SEE(t, "theirs (Tab: everyone's)");
	SEE(t, "Nothing open on this side");
	term_key(t, "Tab");
	SEE(t, "everyone's (Tab: mine)");

	/* Enter: the meeting it came from, in Review; Esc comes back. */
	term_type(t, "g");
	SELECTED(t, "send the revised plan");
	term_key(t, "Enter");
	SEE(t, "rapport · review · Kickoff with Acme");
	SEE(t, "[done] long since done");
	SELECTED(t, "[open] send the revised plan");  /* on the follow-up */
	term_key(t, "Esc");
	SEE(t, "rapport · follow-ups");
	term_wait_quiet(t, 150, 2000);
	SELECTED(t, "send the revised plan");

	/* The help lists the screen's keys. */
	term_key(t, "F1");
	SEE(t, "rapport · follow-ups · keys");
	SEE(t, "open again the last one closed here (undo)");
	term_type(t, " ");
	term_type(t, "q");
	SEE(t, "rapport · clients");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* Narrow: the side and owner columns go, the text stays; too small says so. */
static void
degrades_when_narrow(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t = steps_start(argv, NULL, 12, 40);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	term_type(t, "f");
	SEE(t, "rapport · follow-ups");
	SEE(t, "send the revise");
	CHECK(UNSEEN(t, "SIDE"));
	term_resize(t, 5, 20);
	SEE(t, "too small");
	term_resize(t, 24, 80);
	SEE(t, "SIDE");
	SEE(t, "call the CFO");
	term_type(t, "q");
	SEE(t, "rapport · clients");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* The text of the screen row holding text, "" when none (one buffer). */
static const char *
row_text(term *t, const char *text)
{
	static char buf[512];
	int row = row_of(t, text);
	char *r = row >= 0 ? term_row(t, row) : NULL;

	snprintf(buf, sizeof buf, "%s", r ? r : "");
	free(r);
	return buf;
}

/* Without colour, words: overdue and due today differ in more than bold;
** a day of another year has its year; each row has its number; and on a
** narrow terminal theirs keeps a letter of its own. */
static void
says_it_without_colour(void)
{
	const char *argv[] = {steps_bin, NULL};
	const char *env[] = {"NO_COLOR=1", NULL};
	term *t;

	/* The fixed clock: Thursday 26 November 2026. */
	steps_use_db("words.db");
	steps_rapport("client add Acme");
	steps_rapport("client add 'Zoë Lefèvre SARL'");
	exec_sql("INSERT INTO followups (client_id, text, owner, due, created_at) VALUES"
		 " (1, 'send the revised plan', 'me', '2026-11-20', 0),"
		 " (2, 'send the invoice', 'zoe', '2026-11-26', 0),"
		 " (1, 'plan next year', 'me', '2027-01-15', 0),"
		 " (2, 'left from last year', 'me', '2025-10-01', 0),"
		 " (1, 'tomorrow then', 'acme', '2026-11-27', 0);");
	t = steps_start(argv, env, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	term_type(t, "f");
	SEE(t, "FOLLOW-UP");
	term_wait_quiet(t, 150, 2000);
	CHECK(!term_any_color(t));
	CHECK_STR(row_text(t, "send the revised"),
		  "  1 20 Nov overdue     Acme              mine   @me        send the revised pl…");
	CHECK_STR(row_text(t, "send the invoice"),
		  "  2 today              Zoë Lefèvre SARL  theirs @zoe       send the invoice");
	CHECK_STR(row_text(t, "plan next year"),
		  "  3 2027-01-15         Acme              mine   @me        plan next year");
	CHECK_STR(row_text(t, "left from last year"),
		  "  4 2025-10-01 overdue Zoë Lefèvre SARL  mine   @me        left from last year");
	CHECK_STR(row_text(t, "tomorrow then"),
		  "  5 Fri 27 Nov         Acme              theirs @acme      tomorrow then");
	SEE(t, " ID DUE");
	SEE(t, "follow-up 4 · Zoë Lefèvre SARL · not from a meeting");  /* the selected one */

	/* At 60 columns the side is a letter, the overdue day goes. */
	term_resize(t, 24, 60);
	CHECK(term_wait_gone(t, "SIDE", 3000));
	term_wait_quiet(t, 150, 2000);
	CHECK_STR(row_text(t, "send the invoice"),
		  "  2 today      Zoë Lefèvr… T @zoe     send the invoice");
	CHECK_STR(row_text(t, "send the revised plan"),
		  "  1 overdue    Acme        M @me      send the revised plan");
	/* At 40 the number goes from the rows; the line below keeps it. */
	term_resize(t, 24, 40);
	CHECK(term_wait_gone(t, " ID ", 3000));
	term_wait_quiet(t, 150, 2000);
	CHECK_STR(row_text(t, "tomorrow"), " Fri 27 Nov Acme     T tomorrow then");
	SEE(t, "follow-up 4 ·");
	term_type(t, "q");
	SEE(t, "rapport · clients");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* rapport at local time when in zone tz: steps_start() is at STEPS_NOW in
** STEPS_TZ, and the zone is what this test is about. */
static term *
start_in_zone(const char *tz, const char *when, int rows, int cols)
{
	static const char *const where[] = {
		"/usr/lib/*/faketime/libfaketime.so.1",
		"/usr/lib/faketime/libfaketime.so.1",
		"/usr/local/lib/faketime/libfaketime.so.1",
	};
	char zone[64], preload[600] = "", faketime[64];
	const char *argv[] = {steps_bin, NULL};
	const char *env[] = {steps_db_env, zone, preload, faketime, NULL};
	glob_t g;

	for (size_t i = 0; i < sizeof where / sizeof where[0] && !preload[0]; i++) {
		if (glob(where[i], 0, NULL, &g) == 0 && g.gl_pathc > 0)
			snprintf(preload, sizeof preload, "LD_PRELOAD=%s", g.gl_pathv[0]);
		globfree(&g);
	}
	snprintf(zone, sizeof zone, "TZ=%s", tz);
	snprintf(faketime, sizeof faketime, "FAKETIME=@%s", when);
	return term_start(argv, env, rows, cols);
}

/* In India (UTC+5:30) the date changes at half past a UTC hour: what was
** due today is overdue from local midnight, without a key pressed. */
static void
midnight_in_india(void)
{
	term *t;

	steps_use_db("india.db");
	steps_rapport("client add Acme");
	exec_sql("INSERT INTO followups (client_id, text, owner, due, created_at) VALUES"
		 " (1, 'due on Thursday', 'me', '2026-11-26', 0);");
	t = start_in_zone("Asia/Kolkata", "2026-11-26 23:59:57", 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	term_type(t, "f");
	SEE(t, "due on Thursday");
	CHECK(strstr(row_text(t, "due on Thursday"), " today ") != NULL);
	/* 18:30 UTC: the UTC hour goes on, the local date does not. */
	CHECK(SEE_WITHIN(t, "26 Nov overdue", 10000));
	term_type(t, "q");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
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
	RUN(marks_done_and_redates);
	RUN(degrades_when_narrow);
	RUN(says_it_without_colour);
	RUN(midnight_in_india);
	return tap_done();
}
