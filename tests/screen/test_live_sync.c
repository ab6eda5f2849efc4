/* test_live_sync.c: one meeting in two windows, quitting after the Recap,
** and which meeting `m` and `rapport meet` start.
**
** The real binary runs in pseudo-terminals read through libvterm, at the
** fixed clock of steps.h; each test has its own database, checked with SQL.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

/* Start `rapport ARGS...` (up to three arguments) at 24x80. */
static term *
run3(const char *a, const char *b, const char *c)
{
	const char *argv[] = {steps_bin, a, b, c, NULL};

	return steps_start(argv, NULL, 24, 80);
}

/* Is text nowhere on the screen (after the program ended)? */
static bool
unseen(term *t, const char *text, int line)
{
	if (term_find(t, text, NULL, NULL) == 0)
		return true;
	char *all = term_screen(t);
	tap_fail(__FILE__, line, "\"%s\" is on the screen:\n%s", text, all ? all : "");
	free(all);
	return false;
}

static void
quitting_after_the_recap_says_ended(void)
{
	term *t;

	steps_use_db("recap.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	for (int how = 0; how < 2; how++) {
		/* Leave the Recap with Ctrl-C, then with q: the meeting ended. */
		t = run3("meet", "zoe", NULL);
		CHECK(t != NULL);
		if (t == NULL)
			return;
		SEE(t, "┌ Notes");
		term_type(t, how ? "= second call" : "= first call");
		term_key(t, "Enter");
		SEE(t, how ? "second call" : "first call");
		term_key(t, "C-x");
		SEE(t, "End the meeting now? y / n");
		term_type(t, "y");
		SEE(t, "rapport · recap");
		if (how)
			term_type(t, "q");
		else
			term_key(t, "C-c");
		CHECK_INT(term_wait_exit(t, 5000), 0);
		SEE(t, how ? "meeting 2 with Zoë Lefèvre SARL ended: 1 note, 1 decision"
			   : "meeting 1 with Zoë Lefèvre SARL ended: 1 note, 1 decision");
		unseen(t, "still open", __LINE__);
		term_free(t);
	}
	CHECK_STR(steps_sql1("SELECT group_concat(state, ' ') FROM meetings"), "ended ended");
}

/* Wait up to ms for text on the screen; false (after a message and the
** screen) if it does not come. */
static bool
see_within(term *t, const char *text, int ms, int line)
{
	char *all;

	if (term_wait_for(t, text, ms))
		return true;
	all = term_screen(t);
	tap_fail(__FILE__, line, "\"%s\" not on screen within %d ms:\n%s", text, ms,
		 all ? all : "");
	free(all);
	return false;
}

/* Is text on the row the cursor is on (the line being typed)? */
static bool
on_cursor_row(term *t, const char *text, int line)
{
	int row = -1;
	char *r;
	bool ok;

	term_wait_quiet(t, 200, 3000);
	term_cursor(t, &row, NULL);
	r = term_row(t, row);
	ok = r && strstr(r, text) != NULL;
	if (!ok)
		tap_fail(__FILE__, line, "\"%s\" is not on the cursor's row %d: \"%s\"", text, row,
			 r ? r : "");
	free(r);
	return ok;
}

static void
two_windows_show_one_meeting(void)
{
	term *a, *b;

	steps_use_db("two.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	steps_rapport("plan zoe Kickoff --item 'Small talk:5' --item 'Budget:15'");
	a = run3("meet", "zoe", NULL);
	CHECK(a != NULL);
	if (a == NULL)
		return;
	SEE(a, "┌ Notes");
	b = run3("meet", "zoe", NULL);
	CHECK(b != NULL);
	if (b == NULL)
		goto out;
	SEE(b, "┌ Notes");
	CHECK_STR(steps_sql1("SELECT count(*) FROM meetings"), "1");

	/* A note typed in one window shows in the other within a second or
	** two, accents and wide characters as typed. */
	term_type(a, "+ Excel, café 日本語");
	term_key(a, "Enter");
	SEE(a, "Excel, café 日本語");
	see_within(b, "Excel, café 日本語", 2500, __LINE__);
	term_type(b, "! worried the API slips");
	term_key(b, "Enter");
	SEE(b, "worried the API slips");
	see_within(a, "worried the API slips", 2500, __LINE__);
	/* Agenda changes follow too. */
	term_key(b, "C-n");
	SEE(b, "▶ Small talk");
	see_within(a, "▶ Small talk", 2500, __LINE__);

	/* A draft half typed in b stays while a's notes arrive. */
	term_type(b, "= phased roll");
	term_type(a, "note from a");
	term_key(a, "Enter");
	see_within(b, "note from a", 2500, __LINE__);
	on_cursor_row(b, "= phased roll", __LINE__);
	term_type(b, "out");
	term_key(b, "Enter");
	see_within(a, "phased rollout", 2500, __LINE__);

	/* One window ends the meeting... */
	term_key(a, "C-x");
	SEE(a, "End the meeting now? y / n");
	term_type(a, "y");
	SEE(a, "rapport · recap");
	/* ...the other says so, and does not file a note into it. */
	see_within(b, "ended in another window", 2500, __LINE__);
	term_type(b, "> send the plan @me");
	term_key(b, "Enter");
	SEE(b, "ended in another window: not saved");
	on_cursor_row(b, "> send the plan @me", __LINE__);
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text LIKE 'send the plan%'"), "0");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), "4");
	/* Ctrl-C leaves, and says what became of the meeting. */
	term_key(b, "C-c");
	CHECK_INT(term_wait_exit(b, 5000), 0);
	SEE(b, "meeting 1 with Zoë Lefèvre SARL ended: 4 notes");
	unseen(b, "still open", __LINE__);
	term_type(a, "q");
	CHECK_INT(term_wait_exit(a, 5000), 0);
	SEE(a, "ended: 4 notes");
out:
	term_free(a);
	term_free(b);
	CHECK_STR(steps_sql1("SELECT state FROM meetings WHERE id = 1"), "ended");
}

int
main(void)
{
	const char *why = steps_init();

	if (why != NULL) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	RUN(quitting_after_the_recap_says_ended);
	RUN(two_windows_show_one_meeting);
	return tap_done();
}
