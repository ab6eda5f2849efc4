/* test_touch.c: a touchpoint logged from the screens, as a person sees it
** at 80x24: l on Clients asks the kind and the text, the cadence status
** changes at once, and Review's timeline shows it above the older
** touchpoint and the meeting, newest first; l on Prep too, and Esc leaves
** nothing behind.  The real binary in a pseudo-terminal read through
** libvterm.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

static void
exec_sql(const char *sql)
{
	sqlite3 *db;

	if (sqlite3_open(getenv("RAPPORT_DB"), &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		tap_fail(__FILE__, __LINE__, "SQL failed: %s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* Row of the screen holding text, or -1. */
static int
row_of(term *t, const char *text)
{
	int row = -1, col;

	return term_find(t, text, &row, &col) ? row : -1;
}

/* A client last met 30 days ago and emailed 20 days ago: overdue by 6
** days on a 5-14 cadence. */
static void
setup(const char *db)
{
	char sql[600];
	int64_t now = steps_now();

	steps_use_db(db);
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	steps_rapport("plan zoe Kickoff --item Budget:15");
	snprintf(sql, sizeof sql,
		 "UPDATE meetings SET state = 'ended', started_at = %lld, ended_at = %lld;"
		 "INSERT INTO touchpoints (client_id, at, text, kind)"
		 " SELECT id, %lld, 'sent the old deck', 'email' FROM clients;",
		 (long long)(now - 30 * 86400), (long long)(now - 30 * 86400 + 3600),
		 (long long)(now - 20 * 86400));
	exec_sql(sql);
}

static void
logged_from_clients_and_seen_in_review(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t = steps_start(argv, NULL, 24, 80);
	int fresh, old, meeting;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "overdue by 6 days");
	term_type(t, "l");
	SEE(t, "Touchpoint: e email · c call · m message · o other (with Zoë Lefèvre SARL)");
	term_type(t, "x");  /* not an answer: still asking */
	SEE(t, "e email · c call");
	term_type(t, "c");
	SEE(t, "Call with Zoë Lefèvre SARL:");
	/* Nothing typed: refused, and still asked, so the next key is not
	** taken for a touchpoint unawares. */
	term_key(t, "Enter");
	SEE(t, "touchpoint is empty");
	SEE(t, "Call with Zoë Lefèvre SARL:");
	CHECK_STR(steps_sql1("SELECT count(*) FROM touchpoints"), "1");
	term_type(t, "asked about the café 日本 🎉");
	term_key(t, "Enter");
	SEE(t, "call with Zoë Lefèvre SARL logged");
	/* The cadence starts again at once: no check-in for five days. */
	SEE(t, "too soon (5 more days)");
	CHECK(steps_unseen(t, "overdue", __FILE__, __LINE__));
	CHECK_STR(steps_sql1("SELECT kind || '=' || text FROM touchpoints ORDER BY id DESC LIMIT 1"),
		  "call=asked about the café 日本 🎉");

	term_type(t, "r");
	SEE(t, "1 meeting, 2 touchpoints, newest first");
	SEE(t, "12 months");
	SEE(t, "talk not recorded yet");
	SEE(t, "Kickoff  (0 notes)");
	term_wait_quiet(t, 200, 2000);
	fresh = row_of(t, "call       asked about the café");
	old = row_of(t, "email      sent the old deck");
	meeting = row_of(t, "ended      Kickoff  (0 notes)");
	CHECK(fresh > 0 && old > fresh && meeting > old);
	if (!(fresh > 0 && old > fresh && meeting > old)) {
		char *all = term_screen(t);

		printf("# %d %d %d\n%s\n", fresh, old, meeting, all);
		free(all);
	}
	{
		char want[64];

		snprintf(want, sizeof want, "%s ", steps_date(0));
		CHECK(fresh > 0 && row_of(t, want) == fresh);
	}
	/* Enter on the meeting opens it, as before. */
	term_key(t, "Down");
	term_key(t, "Down");
	term_key(t, "Enter");
	SEE(t, "Kickoff with Zoë Lefèvre SARL");
	term_key(t, "Esc");
	SEE(t, "newest first");
	term_type(t, "q");
	term_free(t);
}

static void
logged_from_prep(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t = steps_start(argv, NULL, 24, 80);
	const char *before;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "Zoë Lefèvre SARL");
	term_key(t, "Enter");
	SEE(t, "rapport · prep");
	SEE(t, "12 months");
	/* Esc on the kind: nothing is logged. */
	before = steps_sql1("SELECT count(*) FROM touchpoints");
	CHECK_STR(before, "2");
	term_type(t, "l");
	SEE(t, "e email · c call");
	term_key(t, "Esc");
	term_wait_quiet(t, 200, 2000);
	CHECK(steps_unseen(t, "e email · c call", __FILE__, __LINE__));
	term_type(t, "l");
	term_type(t, "m");
	SEE(t, "Message with Zoë Lefèvre SARL:");
	term_key(t, "Esc");
	term_wait_quiet(t, 200, 2000);
	CHECK_STR(steps_sql1("SELECT count(*) FROM touchpoints"), "2");
	/* Other, with a French kind word in the text: a call. */
	term_type(t, "l");
	term_key(t, "Enter");
	SEE(t, "Touchpoint with Zoë Lefèvre SARL:");
	term_type(t, "appel : relance du devis");
	term_key(t, "Enter");
	SEE(t, "call with Zoë Lefèvre SARL logged");
	CHECK_STR(steps_sql1("SELECT kind || '=' || text FROM touchpoints ORDER BY id DESC LIMIT 1"),
		  "call=relance du devis");
	/* The heading's status, right after the name at 80 columns, says
	** the cadence starts again today. */
	SEE(t, "rapport · prep · Zoë Lefèvre SARL · too soon (5 more days) · last contact");
	term_type(t, "q");
	term_free(t);
}

/* On a narrow screen the strip gives up its oldest weeks, never the
** newest, where the overdue gap of today is; resized, it fits again. */
static void
the_strip_keeps_its_newest_weeks_when_narrow(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t;
	int row;
	char *line;

	setup("touch-narrow.db");
	t = steps_start(argv, NULL, 20, 60);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "overdue by 6 days");
	term_key(t, "Enter");
	SEE(t, "49 weeks");
	row = row_of(t, "49 weeks");
	line = row >= 0 ? term_row(t, row) : NULL;
	/* The newest week, overdue since the 15th day: "!" at the end. */
	CHECK(line != NULL && strlen(line) > 0 && line[strlen(line) - 1] == '!');
	free(line);
	term_resize(t, 24, 80);
	SEE(t, "12 months");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A touchpoint logged by mistake, corrected then removed from Review's
** timeline: e offers its text ("email:" changes its kind), x asks first;
** the cadence follows at once, the search index too; a touchpoint gone
** meanwhile is said so, nothing else changed. */
static void
corrected_and_removed_in_review(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t;

	setup("touch-fix.db");
	t = steps_start(argv, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "overdue by 6 days");
	term_type(t, "lc");
	SEE(t, "Call with Zoë Lefèvre SARL:");
	term_type(t, "the wrong client");
	term_key(t, "Enter");
	SEE(t, "too soon (5 more days)");
	term_type(t, "r");
	SEE(t, "call       the wrong client");
	term_type(t, "e");
	SEE(t, "Call with Zoë Lefèvre SARL: the wrong client");
	/* Enter on the text as it was changes nothing. */
	term_key(t, "Enter");
	term_wait_quiet(t, 200, 2000);
	CHECK_STR(steps_sql1("SELECT kind || '=' || text FROM touchpoints ORDER BY id DESC LIMIT 1"),
		  "call=the wrong client");
	term_type(t, "e");
	SEE(t, "Call with Zoë Lefèvre SARL: the wrong client");
	term_key(t, "C-u");
	term_type(t, "email: the right déck 日本");
	term_key(t, "Enter");
	SEE(t, "email with Zoë Lefèvre SARL changed");
	SEE(t, "email      the right déck 日本");
	CHECK(steps_unseen(t, "wrong client", __FILE__, __LINE__));
	CHECK_STR(steps_sql1("SELECT kind || '=' || text FROM touchpoints ORDER BY id DESC LIMIT 1"),
		  "email=the right déck 日本");
	CHECK_STR(steps_sql1("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'deck'"),
		  "2");  /* the old deck and the right one, accents aside */
	CHECK_STR(steps_sql1("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'wrong'"),
		  "0");
	/* x asks first: n keeps it. */
	term_type(t, "x");
	SEE(t, "Remove the email with Zoë Lefèvre SARL, \"the right déck 日本\"? y / n");
	term_type(t, "n");
	term_wait_quiet(t, 200, 2000);
	CHECK_STR(steps_sql1("SELECT count(*) FROM touchpoints"), "2");
	term_type(t, "x");
	SEE(t, "? y / n");
	term_type(t, "y");
	SEE(t, "email with Zoë Lefèvre SARL removed");
	SEE(t, "1 meeting, 1 touchpoint, newest first");
	CHECK(steps_unseen(t, "the right déck", __FILE__, __LINE__));
	CHECK_STR(steps_sql1("SELECT count(*) FROM touchpoints"), "1");
	CHECK_STR(steps_sql1("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'right'"), "0");
	/* The selection is on the older touchpoint now; another window
	** removes it first: said, and nothing else changes. */
	SEE(t, "email      sent the old deck");
	exec_sql("DELETE FROM touchpoints");
	term_type(t, "x");
	SEE(t, "? y / n");
	term_type(t, "y");
	SEE(t, "no touchpoint 1");
	CHECK_STR(steps_sql1("SELECT count(*) FROM meetings"), "1");
	/* Back home, the status counts from the meeting 30 days ago again. */
	term_key(t, "Esc");
	SEE(t, "overdue by 16 days");
	term_type(t, "q");
	term_free(t);
}

/* A text refused (too long) is offered again whole, "call:" and all; the
** kind it names is taken when it is saved, not before, so the prefix is
** not stored.  Ctrl-C in the text quits, the text left in the terminal. */
static void
a_refused_text_keeps_its_kind_word_and_ctrl_c_keeps_the_text(void)
{
	const char *argv[] = {steps_bin, NULL};
	char *long_text = malloc(2100);
	term *t;

	setup("touch-retry.db");
	t = steps_start(argv, NULL, 24, 120);  /* the line left fits unwrapped */
	CHECK(t != NULL && long_text != NULL);
	if (t == NULL || long_text == NULL) {
		free(long_text);
		term_free(t);
		return;
	}
	SEE(t, "overdue by 6 days");
	term_type(t, "l");
	term_key(t, "Enter");
	SEE(t, "Touchpoint with Zoë Lefèvre SARL:");
	memset(long_text, 'z', 2050);
	long_text[2050] = '\0';
	term_type(t, "call: short ");
	term_type(t, long_text);
	term_key(t, "Enter");
	SEE(t, "too long");
	SEE(t, "Touchpoint with Zoë Lefèvre SARL:");
	CHECK_STR(steps_sql1("SELECT count(*) FROM touchpoints"), "1");
	term_key(t, "C-w");  /* the long word goes, "call: short " stays */
	term_key(t, "Enter");
	SEE(t, "call with Zoë Lefèvre SARL logged");
	CHECK_STR(steps_sql1("SELECT kind || '=' || text FROM touchpoints ORDER BY id DESC LIMIT 1"),
		  "call=short");
	free(long_text);

	term_type(t, "lm");
	SEE(t, "Message with Zoë Lefèvre SARL:");
	term_type(t, "half typé 日本");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "not saved (still in the dialog when you quit): Message with Zoë Lefèvre SARL:"
	       " half typé 日本");
	CHECK_STR(steps_sql1("SELECT count(*) FROM touchpoints"), "2");
	term_free(t);
}

/* Any list screen's dialog: Ctrl-C quits from it, and what was typed is
** printed as rapport leaves (a new client's name half typed here); a
** dialog left as it was asked (nothing typed) prints nothing. */
static void
ctrl_c_in_any_dialog_keeps_the_text(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t;

	setup("touch-ctrl-c.db");
	t = steps_start(argv, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "overdue by 6 days");
	term_type(t, "n");
	SEE(t, "Name:");
	term_type(t, "Half Typed Ltd");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "not saved (still in the dialog when you quit): Name: Half Typed Ltd");
	term_free(t);
	CHECK_STR(steps_sql1("SELECT count(*) FROM clients"), "1");

	t = steps_start(argv, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "overdue by 6 days");
	term_type(t, "r");
	SEE(t, "sent the old deck");
	term_type(t, "e");
	SEE(t, "Email with Zoë Lefèvre SARL: sent the old deck");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_wait_quiet(t, 200, 1000);
	CHECK(steps_unseen(t, "not saved", __FILE__, __LINE__));
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
	setup("touch.db");
	RUN(logged_from_clients_and_seen_in_review);
	RUN(logged_from_prep);
	RUN(the_strip_keeps_its_newest_weeks_when_narrow);
	RUN(corrected_and_removed_in_review);
	RUN(a_refused_text_keeps_its_kind_word_and_ctrl_c_keeps_the_text);
	RUN(ctrl_c_in_any_dialog_keeps_the_text);
	return tap_done();
}
