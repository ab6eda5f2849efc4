/* test_live.c: the live meeting screen as a person sees it.
**
** The real binary ($RAPPORT_BIN) runs in a pseudo-terminal; libvterm turns
** its output into cells; keys are typed into it.  The database is a real
** file in a temporary folder, checked afterwards with SQL.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

/* Start `rapport meet CLIENT` at rows x cols, with extra environment. */
static term *
meet(const char *client, int rows, int cols, const char *extra)
{
	const char *argv[] = {steps_bin, "meet", client, NULL};
	const char *env[] = {extra, NULL};

	return steps_start(argv, env, rows, cols);
}

/* Wait until row starts with prefix and does not hold `not`; false (after
** a message) if it never does. */
static bool
row_starts(term *t, int row, const char *prefix, const char *not, int line)
{
	for (int waited = 0; waited < 5000; waited += 50) {
		char *text = term_row(t, row);
		bool ok = text && strncmp(text, prefix, strlen(prefix)) == 0 &&
			  (not == NULL || strstr(text, not) == NULL);

		free(text);
		if (ok)
			return true;
		term_pump(t, 50);
	}
	tap_fail(__FILE__, line, "row %d never started with \"%s\"", row, prefix);
	return false;
}

/* Type a line and Enter, then wait for its text in the Notes pane. */
static void
note(term *t, const char *line, const char *shown)
{
	term_type(t, line);
	term_key(t, "Enter");
	steps_see(t, shown, __FILE__, __LINE__);
}

static void
setup(void)
{
	steps_use_db("live.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	steps_rapport("fact zoe 'back from a business trip to Bali'");
	steps_rapport("plan zoe Kickoff --minutes 30 --item 'Small talk:5' --item Budget:15"
		" --item 'Calendrier — étapes:10'");
}

static void
a_scripted_meeting(void)
{
	term *t = meet("zoe", 24, 80, NULL);
	char *row;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "┌ Agenda");
	SEE(t, "┌ Notes");
	SEE(t, "┌ Prompts");
	SEE(t, "Zoë Lefèvre SARL · no item started");
	SEE(t, "Small talk: How was");  /* a fact and the first minutes */

	term_key(t, "C-n");
	SEE(t, "▶ Small talk");
	SEE(t, "Small talk 5' left");
	term_key(t, "C-t");
	SEE(t, "● you talking");

	note(t, "they reorganised the sales team", "they reorganised the sales team");
	note(t, "+ export to Excel by March", "+ export to Excel by March");
	note(t, "! worried the API slips", "! worried the API slips");
	note(t, "? can we self-host", "? can we self-host");
	note(t, "= go with phased rollout", "= go with phased rollout");
	note(t, "> send revised plan @me ^fri", "> send revised plan @me ^fri");
	note(t, "* loves Lisbon", "* loves Lisbon");
	note(t, "\" we can't afford another slip", "\" we can't afford another slip");
	note(t, "~ they seem tense", "~ they seem tense");
	note(t, "Zoë: café crème, 日本語, 😀", "Zoë: café crème, 日本語,");
	SEE(t, "saved");
	/* A date not understood is said, and the note kept. */
	note(t, "> call Bob ^frday", "> call Bob ^frday");
	SEE(t, "not understood");

	/* The next item; the clock and the talk share show in the status bar. */
	term_key(t, "C-n");
	SEE(t, "▶ Budget");
	SEE(t, "✓ Small talk");
	term_key(t, "C-t");
	SEE(t, "client talking");

	/* Resize: wider, then narrow enough to stack, then back. */
	term_resize(t, 40, 140);
	SEE(t, "Calendrier — étapes");
	term_resize(t, 24, 60);
	/* Stacked: the Agenda box spans the width, the Notes below it. */
	row_starts(t, 0, "┌ Agenda ─", "Notes", __LINE__);
	row = term_row(t, 0);
	CHECK(row && strlen(row) > 3 && strcmp(row + strlen(row) - 3, "┐") == 0);
	free(row);
	SEE(t, "┌ Notes");
	SEE(t, "┌ Prompts");
	term_resize(t, 24, 80);
	SEE(t, "┌ Prompts");

	/* Ctrl-C quits at once; the meeting stays open. */
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "still open");
	term_free(t);

	CHECK_STR(steps_sql1("SELECT state FROM meetings WHERE id = 1"), "live");
	CHECK_STR(steps_sql1("SELECT group_concat(kind, ' ') FROM (SELECT kind FROM notes ORDER BY id)"),
		  "note need concern question decision action personal quote private note action");
	CHECK_STR(steps_sql1("SELECT text FROM notes WHERE id = 10"), "Zoë: café crème, 日本語, 😀");
	CHECK_STR(steps_sql1("SELECT text || '|' || owner || '|' || due FROM followups ORDER BY id"),
		  "send revised plan|me|2026-11-27");  /* STEPS_NOW is a Thursday */
	CHECK_STR(steps_sql1("SELECT text FROM facts WHERE meeting_id = 1"), "loves Lisbon");
	CHECK_STR(steps_sql1("SELECT group_concat(status, ' ') FROM (SELECT status FROM agenda_items"
		       " ORDER BY position)"),
		  "done active pending");
	CHECK_STR(steps_sql1("SELECT count(*) FROM talk_segments"), "2");
	CHECK_STR(steps_sql1("SELECT count(DISTINCT item_id) FROM notes"), "1");

	/* Reopen: the meeting resumes with its notes and its current item. */
	t = meet("zoe", 24, 80, NULL);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "▶ Budget");
	SEE(t, "Zoë: café crème, 日本語,");
	SEE(t, "client talking");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
kill_9_loses_nothing_shown(void)
{
	term *t = meet("zoe", 24, 80, NULL);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "┌ Notes");
	note(t, "= saved before the crash", "= saved before the crash");
	term_type(t, "typed but never entered");
	SEE(t, "typed but never entered");
	term_kill(t, 9);
	CHECK_INT(term_wait_exit(t, 5000), 128 + 9);
	term_free(t);
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text = 'saved before the crash'"), "1");
	CHECK_STR(steps_sql1("PRAGMA integrity_check"), "ok");
	t = meet("zoe", 24, 80, NULL);
	SEE(t, "= saved before the crash");
	term_key(t, "C-c");
	term_wait_exit(t, 5000);
	term_free(t);
}

static void
editing_and_deleting_a_note(void)
{
	term *t = meet("zoe", 24, 80, NULL);

	SEE(t, "┌ Notes");
	note(t, "? is the budget fixd", "? is the budget fixd");
	term_key(t, "Up");
	term_key(t, "Enter");
	SEE(t, "edit> ? is the budget fixd");
	term_key(t, "Backspace");
	term_type(t, "ed");
	term_key(t, "Enter");
	SEE(t, "note changed");
	SEE(t, "? is the budget fixed");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text = 'is the budget fixd'"), "0");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text = 'is the budget fixed'"), "1");
	term_key(t, "Up");
	term_key(t, "Enter");
	SEE(t, "edit>");
	term_key(t, "C-u");
	term_key(t, "Enter");
	SEE(t, "Delete this note? y / n");
	term_type(t, "y");
	SEE(t, "note deleted");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text = 'is the budget fixed'"), "0");
	term_key(t, "C-c");
	term_wait_exit(t, 5000);
	term_free(t);
}

static void
agenda_and_prompt_keys(void)
{
	term *t = meet("zoe", 24, 80, NULL);

	SEE(t, "▶ Budget");
	term_key(t, "Tab");  /* Agenda */
	term_type(t, "jj");
	term_type(t, "p");   /* park the third item; the keyboard is the Notes' again */
	SEE(t, "↷ Calendrier");
	term_key(t, "Tab");
	term_type(t, "a");
	SEE(t, "New agenda item");
	term_type(t, "Risques: top 3:7");
	term_key(t, "Enter");
	CHECK(term_wait_gone(t, "New agenda item", 5000));
	SEE(t, "Risques: top");
	CHECK_STR(steps_sql1("SELECT timebox_minutes FROM agenda_items WHERE title = 'Risques: top 3'"),
		  "7");
	term_key(t, "BTab");  /* Prompts */
	term_type(t, "x");
	SEE(t, "dismissed “");
	CHECK_STR(steps_sql1("SELECT count(*) FROM prompt_log WHERE action = 'dismissed'"), "1");
	term_key(t, "BTab");
	term_type(t, "\r");
	SEE(t, "prompt logged as asked");
	CHECK_STR(steps_sql1("SELECT count(*) FROM prompt_log WHERE action = 'used' AND item_id ="
		       " (SELECT id FROM agenda_items WHERE title = 'Budget')"),
		  "1");
	term_key(t, "Esc");
	term_key(t, "F1");
	SEE(t, "Everywhere (also while typing)");
	SEE(t, "Ctrl-N");
	SEE(t, "↓ more");
	term_key(t, "PageDown");
	term_key(t, "PageDown");
	SEE(t, "park the selected item for next time");
	term_type(t, " ");
	SEE(t, "┌ Prompts");
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n");
	term_type(t, "y");
	SEE(t, "rapport · recap");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "ended:");
	term_free(t);
	CHECK_STR(steps_sql1("SELECT state FROM meetings WHERE id = 1"), "ended");
	CHECK_STR(steps_sql1("SELECT count(*) FROM talk_segments WHERE ended_at IS NULL"), "0");
}

static void
too_small_then_big_enough(void)
{
	term *t = meet("zoe", 6, 20, NULL);

	SEE(t, "terminal too");
	term_resize(t, 24, 80);
	SEE(t, "┌ Notes");
	term_resize(t, 1, 1);
	term_wait_quiet(t, 200, 3000);
	term_resize(t, 24, 80);
	SEE(t, "┌ Notes");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
no_color_means_no_colour(void)
{
	term *t = meet("zoe", 24, 80, "NO_COLOR=1");

	SEE(t, "┌ Notes");
	note(t, "! colourless concern", "! colourless concern");
	term_wait_quiet(t, 300, 3000);
	CHECK(!term_any_color(t));
	term_key(t, "C-c");
	term_wait_exit(t, 5000);
	term_free(t);

	t = meet("zoe", 24, 80, NULL);
	SEE(t, "! colourless concern");
	term_wait_quiet(t, 300, 3000);
	CHECK(term_any_color(t));  /* the same screen has colours otherwise */
	term_key(t, "C-c");
	term_wait_exit(t, 5000);
	term_free(t);
}

static void
stored_escapes_never_reach_the_terminal(void)
{
	sqlite3 *db;
	term *t;

	CHECK(sqlite3_open(getenv("RAPPORT_DB"), &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db,
			   "UPDATE clients SET name = 'Zoë' || char(27) || ']0;pwned' || char(7);"
			   "UPDATE agenda_items SET title = 'Bud' || char(27) || '[2Jget'"
			   " WHERE title = 'Budget';",
			   NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	t = meet("zoe", 24, 80, NULL);
	SEE(t, "]0;pwned");
	term_wait_quiet(t, 300, 3000);
	CHECK(!term_saw_bytes(t, "\x1b]0;pwned", 9));
	CHECK(!term_saw_bytes(t, "\x1b[2Jget", 7));
	term_key(t, "C-c");
	term_wait_exit(t, 5000);
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
	RUN(a_scripted_meeting);
	RUN(kill_9_loses_nothing_shown);
	RUN(editing_and_deleting_a_note);
	RUN(agenda_and_prompt_keys);
	RUN(too_small_then_big_enough);
	RUN(no_color_means_no_colour);
	RUN(stored_escapes_never_reach_the_terminal);
	return tap_done();
}
