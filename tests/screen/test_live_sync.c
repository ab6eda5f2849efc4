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
#include "rapport/date.h"
#include "steps.h"
#include "tap.h"

/* Start `rapport ARGS...` (up to three arguments) at 24x80. */
static term *
run3(const char *a, const char *b, const char *c)
{
	const char *argv[] = {steps_bin, a, b, c, NULL};

	return steps_start(argv, NULL, 24, 80);
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
		UNSEEN(t, "still open");
		term_free(t);
	}
	CHECK_STR(steps_sql1("SELECT group_concat(state, ' ') FROM meetings"), "ended ended");
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
	SEE_WITHIN(b, "Excel, café 日本語", 2500);
	term_type(b, "! worried the API slips");
	term_key(b, "Enter");
	SEE(b, "worried the API slips");
	SEE_WITHIN(a, "worried the API slips", 2500);
	/* Agenda changes follow too. */
	term_key(b, "C-n");
	SEE(b, "▶ Small talk");
	SEE_WITHIN(a, "▶ Small talk", 2500);

	/* A draft half typed in b stays while a's notes arrive. */
	term_type(b, "= phased roll");
	term_type(a, "note from a");
	term_key(a, "Enter");
	SEE_WITHIN(b, "note from a", 2500);
	on_cursor_row(b, "= phased roll", __LINE__);
	term_type(b, "out");
	term_key(b, "Enter");
	SEE_WITHIN(a, "phased rollout", 2500);

	/* One window ends the meeting... */
	term_key(a, "C-x");
	SEE(a, "End the meeting now? y / n");
	term_type(a, "y");
	SEE(a, "rapport · recap");
	/* ...the other says so, and does not file a note into it. */
	SEE_WITHIN(b, "ended in another window", 2500);
	term_type(b, "> send the plan @me");
	term_key(b, "Enter");
	SEE(b, "ended in another window: not saved");
	on_cursor_row(b, "> send the plan @me", __LINE__);
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text LIKE 'send the plan%'"), "0");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), "4");
	/* Ctrl-C asks first (a note is not saved), then leaves, and says
	** what became of the meeting. */
	term_key(b, "C-c");
	SEE(b, "1 note is not saved: quit, keeping it in a file? y / n");
	term_type(b, "y");
	CHECK_INT(term_wait_exit(b, 5000), 1);
	SEE(b, "meeting 1 with Zoë Lefèvre SARL ended: 4 notes");
	/* What was on the line stays in the terminal, to copy, and in the
	** recovery file, to paste. */
	SEE(b, "not saved (the meeting had ended): > send the plan @me");
	SEE(b, "rapport: 1 note was not saved; it is in");
	UNSEEN(b, "still open");
	term_type(a, "q");
	CHECK_INT(term_wait_exit(a, 5000), 0);
	SEE(a, "ended: 4 notes");
out:
	term_free(a);
	term_free(b);
	CHECK_STR(steps_sql1("SELECT state FROM meetings WHERE id = 1"), "ended");
}

/* "Thu 10 Dec" for steps_date(days), worked out from the fixed clock's
** date with the core's calendar, never written in by hand. */
static const char *
day_label(int days)
{
	static const char *const wd[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
	static const char *const mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	static char buf[32];
	rp_date d;

	if (sscanf(steps_date(days), "%d-%d-%d", &d.year, &d.month, &d.day) != 3)
		return "?";
	snprintf(buf, sizeof buf, "%s %d %s", wd[date_weekday(d)], d.day, mo[d.month - 1]);
	return buf;
}

/* Plan "Later" for `days` days after the fixed clock, at 14:00. */
static void
plan_later(int days)
{
	char cmd[200];

	snprintf(cmd, sizeof cmd, "plan zoe Later --at '%s 14:00' --item 'Demo:10'", steps_date(days));
	CHECK_INT(steps_rapport(cmd), 0);
}

/* End the live meeting shown in t (Ctrl-X, y) and leave the Recap with q. */
static void
end_meeting(term *t)
{
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n");
	term_type(t, "y");
	SEE(t, "rapport · recap");
	term_type(t, "q");
}

static void
m_asks_about_a_meeting_planned_two_weeks_ahead(void)
{
	const char *argv[] = {steps_bin, NULL};
	char question[120];
	term *t;

	steps_use_db("far.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	plan_later(14);
	snprintf(question, sizeof question, "Start the meeting planned for %s now, or a new one?",
		 day_label(14));
	t = steps_start(argv, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "Zoë Lefèvre SARL");
	/* m asks; Esc goes back and nothing has started. */
	term_type(t, "m");
	SEE(t, question);
	SEE(t, "Later, ");
	term_key(t, "Esc");
	SEE(t, "rapport · clients");
	CHECK_STR(steps_sql1("SELECT group_concat(state, ' ') FROM meetings"), "planned");
	/* n: a new meeting; the planned one stays planned. */
	term_type(t, "m");
	SEE(t, question);
	term_type(t, "n");
	SEE(t, "┌ Notes · Meeting");
	CHECK_STR(steps_sql1("SELECT group_concat(id || ':' || state, ' ') FROM meetings"),
		  "1:planned 2:live");
	end_meeting(t);
	SEE(t, "rapport · clients");
	/* Asked again, p: the planned one starts, with its agenda. */
	term_type(t, "m");
	SEE(t, question);
	term_type(t, "p");
	SEE(t, "┌ Notes · Later");
	SEE(t, "Demo");
	CHECK_STR(steps_sql1("SELECT group_concat(id || ':' || state, ' ') FROM meetings"),
		  "1:live 2:ended");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);

	/* At 60x20 the question is whole, on two lines. */
	steps_use_db("far60.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	plan_later(14);
	t = steps_start(argv, NULL, 20, 60);
	SEE(t, "Zoë Lefèvre SARL");
	term_type(t, "m");
	snprintf(question, sizeof question, "Start the meeting planned for %s now,", day_label(14));
	SEE(t, question);
	SEE(t, "or a new one?");
	term_type(t, "q");
	SEE(t, "rapport · clients");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	CHECK_STR(steps_sql1("SELECT group_concat(state, ' ') FROM meetings"), "planned");
}

static void
m_takes_a_meeting_planned_today(void)
{
	const char *argv[] = {steps_bin, NULL};
	char cmd[200];
	term *t;

	steps_use_db("today.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	/* Today, a little later than the fixed clock's 10:00. */
	snprintf(cmd, sizeof cmd, "plan zoe Today --at '%s 10:30' --item 'Budget:15'", steps_date(0));
	CHECK_INT(steps_rapport(cmd), 0);
	plan_later(14);
	t = steps_start(argv, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "Zoë Lefèvre SARL");
	term_type(t, "m");
	SEE(t, "┌ Notes · Today");
	UNSEEN(t, "or a new one?");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	CHECK_STR(steps_sql1("SELECT group_concat(id || ':' || state, ' ') FROM meetings"),
		  "1:live 2:planned");
}

static void
rapport_meet_starts_a_new_one_and_says_so(void)
{
	char notice[120];
	term *t;

	steps_use_db("cli.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	/* Nothing planned: --planned says so, before any screen. */
	t = run3("meet", "zoe", "--planned");
	CHECK_INT(term_wait_exit(t, 5000), 1);
	SEE(t, "rapport: no planned meeting for Zoë Lefèvre SARL");
	term_free(t);
	t = run3("meet", "--planned", "zoe");
	CHECK_INT(term_wait_exit(t, 5000), 1);
	term_free(t);
	CHECK_STR(steps_sql1("SELECT count(*) FROM meetings"), "0");

	plan_later(14);
	t = run3("meet", "zoe", NULL);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	snprintf(notice, sizeof notice, "new meeting: %s's stays planned (--planned takes it)",
		 day_label(14));
	SEE(t, notice);
	SEE(t, "┌ Notes · Meeting");
	end_meeting(t);
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "meeting 2 with Zoë Lefèvre SARL ended");
	term_free(t);
	CHECK_STR(steps_sql1("SELECT group_concat(id || ':' || state, ' ') FROM meetings"),
		  "1:planned 2:ended");

	t = run3("meet", "zoe", "--planned");
	SEE(t, "┌ Notes · Later");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "meeting 1 with Zoë Lefèvre SARL is still open");
	term_free(t);
	CHECK_STR(steps_sql1("SELECT group_concat(id || ':' || state, ' ') FROM meetings"),
		  "1:live 2:ended");
}

static void
a_new_meeting_offers_what_was_left(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t;

	steps_use_db("carry.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	steps_rapport("plan zoe First --item 'Budget:10' --item 'Calendrier — étapes:10'");
	/* The first meeting ends with both items unfinished. */
	t = run3("meet", "zoe", NULL);
	SEE(t, "┌ Notes · First");
	end_meeting(t);
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);

	/* m offers them; n starts with an empty agenda. */
	t = steps_start(argv, NULL, 24, 80);
	SEE(t, "Zoë Lefèvre SARL");
	term_type(t, "m");
	SEE(t, "Carry 2 items left unfinished last time? y / n");
	SEE(t, "Budget, Calendrier — étapes");
	term_type(t, "n");
	SEE(t, "no items: a adds");
	CHECK_STR(steps_sql1("SELECT count(*) FROM agenda_items WHERE meeting_id = 2"), "0");
	end_meeting(t);
	SEE(t, "rapport · clients");
	/* The last meeting is now the empty one: nothing is left to offer. */
	term_type(t, "m");
	SEE(t, "no items: a adds");
	end_meeting(t);
	SEE(t, "rapport · clients");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);

	/* Offered again after another meeting leaves them: y carries them,
	** and the meeting is planned for their time. */
	steps_rapport("plan zoe Second --item 'Budget:10' --item 'Calendrier — étapes:10'");
	t = run3("meet", "zoe", NULL);
	SEE(t, "┌ Notes · Second");
	end_meeting(t);
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	t = steps_start(argv, NULL, 24, 80);
	SEE(t, "Zoë Lefèvre SARL");
	term_type(t, "m");
	SEE(t, "Carry 2 items left unfinished last time? y / n");
	term_type(t, "y");
	SEE(t, "┌ Notes · Meeting");
	SEE(t, "Calendrier … 10");
	CHECK_STR(steps_sql1("SELECT group_concat(title, '|') FROM (SELECT title FROM agenda_items"
			     " WHERE meeting_id = 5 ORDER BY position)"),
		  "Budget|Calendrier — étapes");
	CHECK_STR(steps_sql1("SELECT planned_minutes FROM meetings WHERE id = 5"), "20");
	end_meeting(t);
	SEE(t, "rapport · clients");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);

	/* rapport meet does not ask: it leaves them out and says so;
	** --carry takes them. */
	t = run3("meet", "zoe", NULL);
	SEE(t, "2 items from last time left out (--carry takes them)");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	CHECK_STR(steps_sql1("SELECT count(*) FROM agenda_items WHERE meeting_id = 6"), "0");
	t = run3("meet", "zoe", "--carry");
	SEE(t, "2 items carried over from last time");
	SEE(t, "Calendrier … 10");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	CHECK_STR(steps_sql1("SELECT count(*) FROM agenda_items WHERE meeting_id = 6"), "2");
}

/* At 60x20 the status bar keeps only short forms: the word that the
** meeting ended elsewhere, and that a note was not saved, must still
** replace an older announcement (an Agenda change's "· u undoes"); and u
** there changes an ended meeting no more. */
static void
an_ended_meeting_is_said_on_a_narrow_screen(void)
{
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};
	term *a, *b;

	steps_use_db("two-narrow.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	steps_rapport("plan zoe Kickoff --item 'Small talk:5' --item 'Budget:15'");
	a = steps_start(argv, NULL, 24, 80);
	SEE(a, "┌ Notes");
	b = steps_start(argv, NULL, 20, 60);
	SEE(b, "Notes");
	term_key(b, "Tab");
	term_type(b, "a");
	SEE(b, "TITLE");
	term_type(b, "Extra:5\r");
	SEE(b, "u undoes");
	CHECK_STR(steps_sql1("SELECT count(*) FROM agenda_items"), "3");
	term_key(a, "C-x");
	SEE(a, "End the meeting now? y / n");
	term_type(a, "y");
	SEE(a, "rapport · recap");
	SEE_WITHIN(b, "ended in another window", 2500);
	/* u in Agenda would remove the item added: not in an ended meeting. */
	term_key(b, "Tab");
	term_type(b, "u");
	SEE(b, "has ended");
	CHECK_STR(steps_sql1("SELECT count(*) FROM agenda_items"), "3");
	term_type(b, "> call Bob");
	term_key(b, "Enter");
	SEE(b, "ended in another window: not saved");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), "0");
	term_key(b, "C-c");
	SEE(b, "quit, keeping it");
	term_key(b, "C-c");  /* Ctrl-C twice leaves as y does */
	CHECK_INT(term_wait_exit(b, 5000), 1);
	term_type(a, "q");
	CHECK_INT(term_wait_exit(a, 5000), 0);
	term_free(a);
	term_free(b);
}

/* u in one window does not throw away what the other did since: the
** running item marked done here, the next one started there, u here says
** it cannot and leaves the other's item running. */
static void
undo_keeps_the_other_windows_change(void)
{
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};
	term *a, *b;

	steps_use_db("two-undo.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	steps_rapport("plan zoe Kickoff --item 'Budget:15' --item 'Timeline:10'");
	a = steps_start(argv, NULL, 24, 80);
	SEE(a, "┌ Notes");
	b = steps_start(argv, NULL, 24, 80);
	SEE(b, "┌ Notes");
	term_key(a, "C-n");
	SEE(a, "▶ Budget");
	SEE_WITHIN(b, "▶ Budget", 2500);
	term_key(a, "Tab");
	term_type(a, "d");
	SEE(a, "u undoes");
	SEE_WITHIN(b, "✓ Budget", 2500);
	term_key(b, "C-n");
	SEE(b, "▶ Timeline");
	SEE_WITHIN(a, "▶ Timeline", 2500);
	term_key(a, "Tab");
	term_type(a, "u");
	SEE(a, "not undone");
	CHECK_STR(steps_sql1("SELECT group_concat(title || ':' || status, ' ') FROM (SELECT * FROM"
			     " agenda_items ORDER BY position)"),
		  "Budget:done Timeline:active");
	term_key(a, "C-c");
	CHECK_INT(term_wait_exit(a, 5000), 0);
	term_key(b, "C-c");
	CHECK_INT(term_wait_exit(b, 5000), 0);
	term_free(a);
	term_free(b);
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
	RUN(an_ended_meeting_is_said_on_a_narrow_screen);
	RUN(undo_keeps_the_other_windows_change);
	RUN(m_asks_about_a_meeting_planned_two_weeks_ahead);
	RUN(m_takes_a_meeting_planned_today);
	RUN(rapport_meet_starts_a_new_one_and_says_so);
	RUN(a_new_meeting_offers_what_was_left);
	return tap_done();
}
