/* test_lists.c: every list screen scrolls, as a person sees it at 80x24:
** the Recap down to its last line (the next check-in), Prep with a "more
** below" mark, a long Clients list, and the search field offering the last
** query.  The real binary in a pseudo-terminal read through libvterm.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "rapport/date.h"
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

/* Is the row holding text drawn in reverse video (the selection)? */
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

/* Wait (up to 5 s) for the row holding text to be the selected one. */
static bool
becomes_selected(term *t, const char *text)
{
	for (int waited = 0; waited < 5000; waited += 50) {
		if (selected(t, text))
			return true;
		term_pump(t, 50);
	}
	return false;
}

/* The row in reverse video, as text ("" when none). */
static char *
selected_row(term *t, int rows)
{
	for (int r = 0; r < rows - 1; r++) {
		bool reverse = false;

		term_cell_attrs(t, r, 2, NULL, NULL, NULL, &reverse);
		if (reverse)
			return term_row(t, r);
	}
	return strdup("");
}

/* "Tue 1 Dec" for steps_date(days): the Recap's days, from the fixed
** clock's date with the core's calendar, never written in by hand. */
static const char *
short_day(int days)
{
	static char buf[DATE_SHORT_MAX];
	rp_date d;

	if (sscanf(steps_date(days), "%d-%d-%d", &d.year, &d.month, &d.day) != 3)
		return "?";
	return date_format_short_in(RP_LANG_EN, d, buf, sizeof buf);
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

static void
not_on_screen(term *t, const char *text, int line)
{
	term_wait_quiet(t, 200, 2000);
	if (row_of(t, text) >= 0) {
		char *screen = term_screen(t);

		tap_fail(__FILE__, line, "\"%s\" should not be on screen:\n%s", text, screen);
		free(screen);
	}
}
#define NOT_SEEN(t, text) not_on_screen((t), (text), __LINE__)

static void
setup(void)
{
	steps_use_db("lists.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	steps_rapport("plan zoe Kickoff --item Budget:15 --item 'Calendrier — étapes:10'"
		      " --item 'Next steps:5'");
}

/* A meeting with more to recap than 80x24 shows. */
static void
the_recap_scrolls_to_its_last_line(void)
{
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};
	static const char *const notes[] = {
		"= phased rollout", "= Alice owns the importer", "> send the plan @me ^fri",
		"> book a demo", "? can we self-host", "? who signs off",
		"! worried the API slips", "! 日本語 budget concern", "+ export to Excel by March",
		"+ a dashboard for the board", "\" we cannot afford another slip",
		"\" the last vendor never listened", "* back from Bali 🌴",
	};
	term *t = steps_start(argv, NULL, 24, 80);
	char from[DATE_SHORT_MAX + 16];

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "┌ Notes");
	term_key(t, "C-n");  /* Budget starts */
	SEE(t, "Budget");
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		term_type(t, notes[i]);
		term_key(t, "Enter");
		term_wait_quiet(t, 100, 2000);
	}
	SEE(t, "back from Bali");
	/* Eighteen minutes on Budget, as if the call had run that long (the
	** running stretch folded in, so a slow machine adds nothing). */
	exec_sql("UPDATE agenda_items SET spent_seconds = 18 * 60, started_at = NULL"
		 " WHERE title = 'Budget'");
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n");
	term_type(t, "y");
	SEE(t, "rapport · recap");
	SEE(t, "Actions");
	/* The first action is selected, the rest is below the fold. */
	CHECK(becomes_selected(t, "send the plan"));
	SEE(t, "more below");
	NOT_SEEN(t, "Next check-in");
	/* G: the last line, the next check-in, with a mark of what is above. */
	term_type(t, "G");
	SEE(t, "Next check-in");
	snprintf(from, sizeof from, "not before %s,", short_day(5));
	SEE(t, from);
	SEE(t, "more above");
	NOT_SEEN(t, "more below");
	/* The client's own words, and the time spent against the timebox. */
	SEE(t, "\"we cannot afford another slip\"");
	SEE(t, "Budget  18'/15'  (unfinished)");
	SEE(t, "Calendrier — étapes  0'/10'  (not reached)");
	/* Back to the top with g, then down again with j alone. */
	term_type(t, "g");
	SEE(t, "Decisions");
	SEE(t, "more below");
	NOT_SEEN(t, "Next check-in");
	for (int i = 0; i < 40; i++)
		term_type(t, "j");
	SEE(t, "Next check-in");
	SEE(t, "not before");
	NOT_SEEN(t, "more below");
	/* The actions went out of view: nothing is selected, so o, w, d, x act
	** on nothing hidden.  k comes back to the last action. */
	for (int i = 0; i < 40 && !selected(t, "book a demo"); i++) {
		term_type(t, "k");
		term_wait_quiet(t, 50, 1000);
	}
	CHECK(becomes_selected(t, "book a demo"));
	/* The help lists the keys, one meaning each. */
	term_key(t, "F1");
	SEE(t, "rapport · recap · keys");
	SEE(t, "when: its due date");
	SEE(t, "the first / the last line");
	term_type(t, " ");
	SEE(t, "w due");
	term_type(t, "w");
	SEE(t, "Due (");
	/* A date not understood is said, and asked again with the text kept:
	** the keys that follow are not the Recap's. */
	term_type(t, "someday\r");
	SEE(t, "not understood");
	SEE(t, "someday");
	term_key(t, "C-u");
	term_type(t, "+2d\r");
	SEE(t, steps_day(2));
	CHECK_STR(steps_sql1("SELECT due FROM followups WHERE text = 'book a demo'"), steps_date(2));
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
prep_marks_what_is_below_and_scrolls(void)
{
	const char *home[] = {steps_bin, NULL};
	term *t;

	steps_rapport("fact zoe 'runs the Paris marathon' --kind sport");
	steps_rapport("fact zoe 'two kids, 日本語 lessons' --kind family");
	steps_rapport("fact zoe 'loves ramen 🍜' --kind food");
	steps_rapport("plan zoe Weekly --item Budget:15 --item Hiring:10 --item Roadmap:10"
		      " --item Risks:10 --item 'Next steps:5' --item 'Any other business:5'");
	t = steps_start(home, NULL, 24, 80);
	SEE(t, "rapport · clients");
	term_key(t, "Enter");
	SEE(t, "rapport · prep · Zoë Lefèvre SARL");
	SEE(t, "more below");
	NOT_SEEN(t, "Prep notes");
	/* End: the last section, the first rows under a mark. */
	term_key(t, "End");
	SEE(t, "Prep notes");
	SEE(t, "more above");
	NOT_SEEN(t, "more below");
	/* The selection is on screen: the last row (People, the last section). */
	{
		char *row = selected_row(t, 24);

		CHECK(strstr(row, "nobody yet: a adds one") != NULL);
		free(row);
	}
	/* PgUp goes back a page, Home to the first line. */
	term_key(t, "PageUp");
	SEE(t, "more below");
	term_key(t, "Home");
	SEE(t, "Personal");
	NOT_SEEN(t, "more above");
	/* Smaller: the selection stays in view. */
	for (int i = 0; i < 12; i++)
		term_type(t, "j");
	term_wait_quiet(t, 200, 2000);
	{
		char *before = selected_row(t, 24), *after;

		term_resize(t, 14, 60);
		term_wait_quiet(t, 300, 3000);
		after = selected_row(t, 14);
		CHECK(before[0] != '\0');
		CHECK(after[0] != '\0');
		/* The same row, cut to the narrower screen. */
		CHECK(strncmp(before, after, 20) == 0);
		free(before);
		free(after);
	}
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
a_long_clients_list_scrolls(void)
{
	const char *argv[] = {steps_bin, NULL};
	char cmd[200];
	term *t;

	for (int i = 1; i <= 30; i++) {
		snprintf(cmd, sizeof cmd, "client add 'Client %02d 日本' --cadence 5-14", i);
		steps_rapport(cmd);
	}
	t = steps_start(argv, NULL, 24, 80);
	SEE(t, "rapport · clients");
	SEE(t, "Client 01 日本");
	SEE(t, "more below");
	NOT_SEEN(t, "Client 30 日本");
	CHECK(becomes_selected(t, "Client 01 日本"));  /* the first, most pressing */
	/* j past the bottom scrolls, the selection following. */
	for (int i = 0; i < 25; i++)
		term_type(t, "j");
	SEE(t, "more above");
	term_wait_quiet(t, 200, 2000);
	{
		char *row = selected_row(t, 24);

		CHECK(strstr(row, "Client") != NULL);
		free(row);
	}
	/* G: the last row, Zoë (too soon after her meeting) below the others. */
	term_type(t, "G");
	SEE(t, "Client 30 日本");
	NOT_SEEN(t, "more below");
	CHECK(becomes_selected(t, "Zoë Lefèvre SARL"));
	term_key(t, "PageUp");
	SEE(t, "more below");
	term_type(t, "g");
	SEE(t, "Client 01 日本");
	NOT_SEEN(t, "more above");
	/* Enter opens the selected client: the one shown selected. */
	term_key(t, "PageDown");
	term_wait_quiet(t, 200, 2000);
	{
		char *row = selected_row(t, 24), *name = strstr(row, "Client ");
		char want[64] = "";

		if (name)
			snprintf(want, sizeof want, "rapport · prep · %.12s", name);
		term_key(t, "Enter");
		CHECK(name != NULL);
		SEE(t, want);
		free(row);
	}
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
search_offers_the_last_query(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t = steps_start(argv, NULL, 24, 80);

	SEE(t, "rapport · clients");
	term_type(t, "/");
	SEE(t, "Search:");
	term_type(t, "rollout\r");
	SEE(t, "rapport · search · \"rollout\"");
	/* / again: the last query, selected: typing replaces it whole. */
	term_type(t, "/");
	SEE(t, "Search: rollout");
	term_type(t, "slip\r");
	SEE(t, "rapport · search · \"slip\"");
	/* Arrows keep it for editing. */
	term_type(t, "/");
	SEE(t, "Search: slip");
	term_key(t, "End");
	term_type(t, "*\r");
	SEE(t, "rapport · search · \"slip*\"");
	/* Back home, / still offers it. */
	term_key(t, "Esc");
	SEE(t, "rapport · clients");
	term_type(t, "/");
	SEE(t, "Search: slip*");
	term_key(t, "Esc");
	SEE(t, "rapport · clients");

	/* A search from inside a meeting: Esc from the hit opened comes back
	** to the results, and Esc from them to the meeting. */
	term_type(t, "G");  /* Zoë, the last */
	term_type(t, "r");
	SEE(t, "rapport · review · Zoë Lefèvre SARL");
	term_key(t, "End");  /* the oldest: the meeting held */
	term_key(t, "Enter");
	SEE(t, "rapport · review · Kickoff with Zoë Lefèvre SARL");
	term_type(t, "/");
	term_type(t, "importer\r");
	SEE(t, "rapport · search · \"importer\"");
	term_key(t, "Enter");
	SEE(t, "Alice owns the importer");
	SEE(t, "rapport · review · Kickoff");
	term_key(t, "Esc");
	SEE(t, "rapport · search · \"importer\"");
	term_key(t, "Esc");
	SEE(t, "rapport · review · Kickoff with Zoë Lefèvre SARL");
	/* The same keys as on the Recap: x drops the last follow-up, u opens
	** it again. */
	term_type(t, "G");
	term_type(t, "x");
	SEE(t, "[dropped] book a demo");
	CHECK_STR(steps_sql1("SELECT status FROM followups WHERE text = 'book a demo'"), "dropped");
	term_type(t, "u");
	SEE(t, "[open] book a demo");
	CHECK_STR(steps_sql1("SELECT status FROM followups WHERE text = 'book a demo'"), "open");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* Tab on Clients lists the archived clients; u restores one; n with an
** archived client's name offers to restore it rather than fail. */
static void
archived_clients_come_back(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t;

	steps_use_db("archive.db");
	steps_rapport("client add Acme");
	steps_rapport("client add 'Björn AB'");
	steps_rapport("client add 'Zoë Lefèvre SARL'");
	CHECK_INT(steps_rapport("fact björn 'sails every summer'"), 0);
	CHECK_INT(steps_rapport("client archive björn"), 0);
	CHECK(steps_sql1("SELECT archived_at FROM clients WHERE name = 'Björn AB'")[0] != '\0');
	t = steps_start(argv, NULL, 24, 80);
	SEE(t, "rapport · clients");
	SEE(t, "Zoë Lefèvre SARL");
	NOT_SEEN(t, "Björn AB");
	/* Search still finds an archived client's history, and says so. */
	term_type(t, "/");
	SEE(t, "Search:");
	term_type(t, "sails\r");
	SEE(t, "Björn AB (archived)");
	term_key(t, "Esc");
	SEE(t, "rapport · clients, the most pressing");
	term_key(t, "Tab");
	SEE(t, "rapport · archived clients");
	SEE(t, "Björn AB");
	SEE(t, steps_date(0));  /* archived today */
	NOT_SEEN(t, "Acme");
	CHECK(becomes_selected(t, "Björn AB"));
	term_type(t, "u");
	SEE(t, "Björn AB restored");
	SEE(t, "rapport · clients, the most pressing");
	CHECK(becomes_selected(t, "Björn AB"));
	CHECK_STR(steps_sql1("SELECT count(*) FROM clients WHERE archived_at IS NULL"), "3");
	/* None archived now: the list says so, and how to archive one. */
	term_key(t, "Tab");
	SEE(t, "No archived clients: x on a client archives it.");
	term_key(t, "Esc");
	SEE(t, "rapport · clients, the most pressing");
	/* Archive Acme on the screen, then try to add it again. */
	term_type(t, "g");
	CHECK(becomes_selected(t, "Acme"));
	CHECK(row_says(t, "Acme", "no contact yet"));
	term_type(t, "x");
	SEE(t, "Archive Acme? y / n");
	term_type(t, "y");
	SEE(t, "Acme archived");
	CHECK(!row_says(t, "Acme", "no contact yet"));
	term_type(t, "n");
	SEE(t, "Name:");
	term_type(t, "ACME\r");
	/* Asked at once, not after the organisation and the cadence. */
	SEE(t, "Acme is archived: restore it? y / n");
	term_type(t, "y");
	SEE(t, "Acme restored");
	CHECK_STR(steps_sql1("SELECT count(*) FROM clients"), "3");
	CHECK_STR(steps_sql1("SELECT count(*) FROM clients WHERE archived_at IS NULL"), "3");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A note longer than the screen is wide is wrapped, not cut, in the Recap
** and in Review, and wrapped again to a new width after a resize. */
static void
long_notes_are_read_whole(void)
{
	const char *meet[] = {steps_bin, "meet", "acme", NULL};
	const char *home[] = {steps_bin, NULL};
	term *t;

	steps_use_db("long.db");
	steps_rapport("client add Acme");
	t = steps_start(meet, NULL, 24, 80);
	SEE(t, "┌ Notes");
	term_type(t, "! worried that the API integration slips again because the vendor keeps"
		     " changing the authentication scheme and nobody owns it, alas\r");
	SEE(t, "worried that the API");
	term_type(t, "> send the revised plan with every milestone, dependency, risk and owner"
		     " spelled out for the steering committee @me ^fri\r");
	SEE(t, "send the revised plan");
	term_key(t, "C-x");
	SEE(t, "End the meeting now?");
	term_type(t, "y");
	SEE(t, "rapport · recap");
	SEE(t, "alas");
	/* A long action keeps its owner and due date in sight. */
	SEE(t, "@me · due Fri 27 Nov");
	term_key(t, "Esc");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);

	t = steps_start(home, NULL, 24, 80);
	SEE(t, "rapport · clients");
	term_type(t, "r");
	SEE(t, "rapport · review");
	term_key(t, "Enter");
	SEE(t, "Notes");
	SEE(t, "alas");
	SEE(t, "@me due Fri 27 Nov");
	term_resize(t, 20, 50);
	SEE(t, "alas");
	term_resize(t, 24, 80);
	SEE(t, "alas");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* At 60x20 the live screen's Agenda pane is two rows high: it says how
** many items it hides, and j keeps the selected one in view. */
static void
a_short_agenda_pane_counts_what_it_hides(void)
{
	const char *meet[] = {steps_bin, "meet", "acme", NULL};
	term *t;

	steps_use_db("short-agenda.db");
	steps_rapport("client add Acme");
	steps_rapport("plan acme Weekly --item 'Budget révisé:15' --item 'Planning:10'"
		      " --item '見積もり:5' --item 'Risques:5' --item 'Next steps:5'");
	t = steps_start(meet, NULL, 20, 60);
	SEE(t, "Budget révisé");
	SEE(t, "↓ 3 more");
	term_key(t, "Tab");
	term_type(t, "jjjj");
	SEE(t, "Next steps");
	SEE(t, "↑ 3 more");
	CHECK(becomes_selected(t, "Next steps"));
	/* g and G go to the ends, as in every list; the pane keeps the keys. */
	term_type(t, "g");
	CHECK(becomes_selected(t, "Budget révisé"));
	term_type(t, "G");
	CHECK(becomes_selected(t, "Next steps"));
	term_key(t, "Home");
	CHECK(becomes_selected(t, "Budget révisé"));
	CHECK(!term_find(t, "> g", NULL, NULL));
	term_key(t, "C-c");
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
	RUN(the_recap_scrolls_to_its_last_line);
	RUN(prep_marks_what_is_below_and_scrolls);
	RUN(a_long_clients_list_scrolls);
	RUN(search_offers_the_last_query);
	RUN(archived_clients_come_back);
	RUN(long_notes_are_read_whole);
	RUN(a_short_agenda_pane_counts_what_it_hides);
	return tap_done();
}
