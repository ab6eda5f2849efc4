/* test_live_keys.c: the live screen's keyboard as a person types on it:
** stray letters in the Agenda and Prompts panes, a half-typed note kept
** through every detour, a due date not understood, the Prompts pane's
** selection, and the meeting's clock in the status bar.
**
** The real binary runs in a pseudo-terminal at the fixed, ticking clock of
** steps.h; the database is checked afterwards with SQL.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "steps.h"
#include "tap.h"

static term *
meet(int rows, int cols)
{
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};

	return steps_start(argv, NULL, rows, cols);
}

static void
quit(term *t)
{
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A fresh database: one client, a 30-minute meeting of three items. */
static void
fresh(const char *name)
{
	steps_use_db(name);
	CHECK_INT(steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14"), 0);
	CHECK_INT(steps_rapport("plan zoe Kickoff --minutes 30 --item 'Small talk:5' --item Budget:15"
				" --item 'Calendrier — étapes:10'"),
		  0);
}

/* Run SQL on the test database (to move the clock of a meeting back). */
static void
sql(const char *text)
{
	sqlite3 *db;

	CHECK(sqlite3_open(getenv("RAPPORT_DB"), &db) == SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	CHECK(sqlite3_exec(db, text, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
}

static const char statuses[] =
	"SELECT group_concat(status, ' ') FROM (SELECT status FROM agenda_items ORDER BY position)";

/* The row the screen's last line holds. */
static char *
status_row(term *t, int rows)
{
	return term_row(t, rows - 1);
}

/* Wait until the status bar holds every one of the NULL-terminated texts. */
static bool
status_has(term *t, int rows, const char *const *want)
{
	for (int waited = 0; waited < 5000; waited += 50) {
		char *row = status_row(t, rows);
		bool all = row != NULL;

		for (int i = 0; all && want[i]; i++)
			all = strstr(row, want[i]) != NULL;
		free(row);
		if (all)
			return true;
		term_pump(t, 50);
	}
	return false;
}

#define STATUS_HAS(t, rows, ...)                                                        \
	do {                                                                             \
		const char *const want_[] = {__VA_ARGS__, NULL};                         \
		if (!status_has((t), (rows), want_)) {                                   \
			char *row_ = status_row((t), (rows));                            \
			tap_fail(__FILE__, __LINE__, "status bar is \"%s\"", row_ ? row_ : ""); \
			free(row_);                                                      \
		}                                                                        \
	} while (0)

/* "pass" typed after a Tab into Agenda parks one item, once, says so, and
** the rest goes to the note line; u in Agenda puts the item back. */
static void
tab_then_typing(void)
{
	term *t;

	fresh("keys-tab.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_key(t, "C-n");
	SEE(t, "▶ Small talk");
	term_key(t, "Tab");
	term_type(t, "pass");
	SEE(t, "> ass");
	SEE(t, "parked “Small talk” · u");
	CHECK(!term_find(t, "New agenda item", NULL, NULL));
	CHECK_STR(steps_sql1(statuses), "parked pending pending");
	CHECK_STR(steps_sql1("SELECT count(*) FROM agenda_items"), "3");
	/* Back in Agenda, u undoes: the item runs again. */
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "undone: parked “Small talk”");
	SEE(t, "▶ Small talk");
	CHECK_STR(steps_sql1(statuses), "active pending pending");
	/* The keyboard is the Notes' again: this is text, not a command. */
	term_type(t, "d");
	SEE(t, "> assd");
	/* A letter that is no command of the pane is text as well. */
	term_key(t, "C-u");
	term_key(t, "Tab");
	term_type(t, "hello");
	SEE(t, "> hello");
	CHECK_STR(steps_sql1(statuses), "active pending pending");
	term_key(t, "Enter");
	SEE(t, "  hello");
	CHECK_STR(steps_sql1("SELECT text FROM notes"), "hello");
	quit(t);
}

/* Each Agenda change is announced and undone: done, skip, add, edit. */
static void
agenda_changes_are_undone(void)
{
	term *t;

	fresh("keys-undo.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_key(t, "Tab");
	term_type(t, "j");  /* Budget; moving keeps the pane */
	term_type(t, "d");
	SEE(t, "done: “Budget” · u");
	CHECK_STR(steps_sql1(statuses), "pending done pending");
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "undone: done: “Budget”");
	CHECK_STR(steps_sql1(statuses), "pending pending pending");

	term_key(t, "Tab");
	term_type(t, "s");
	SEE(t, "skipped “Budget”");
	CHECK_STR(steps_sql1(statuses), "pending skipped pending");
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "undone: skipped");
	CHECK_STR(steps_sql1(statuses), "pending pending pending");

	term_key(t, "Tab");
	term_type(t, "a");
	SEE(t, "New agenda item");
	term_type(t, "Risques:7");
	term_key(t, "Enter");
	SEE(t, "added “Risques” · u");
	CHECK_STR(steps_sql1("SELECT count(*) FROM agenda_items WHERE title = 'Risques'"), "1");
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "undone: added “Risques”");
	CHECK_STR(steps_sql1("SELECT count(*) FROM agenda_items"), "3");

	term_key(t, "Tab");
	term_type(t, "e");
	SEE(t, "Edit agenda item");
	term_key(t, "C-u");
	term_type(t, "Budget 2027:20");
	term_key(t, "Enter");
	SEE(t, "edited “Budget 2027”");
	CHECK_STR(steps_sql1("SELECT title || ':' || timebox_minutes FROM agenda_items WHERE position = 2"),
		  "Budget 2027:20");
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "undone: edited");
	CHECK_STR(steps_sql1("SELECT title || ':' || timebox_minutes FROM agenda_items WHERE position = 2"),
		  "Budget:15");
	/* Nothing left to undo says so and changes nothing. */
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "nothing to undo in Agenda");
	CHECK_STR(steps_sql1(statuses), "pending pending pending");
	/* Starting the selected item (Budget) while Small talk runs; u puts
	** Small talk back as the running one. */
	term_key(t, "C-n");
	SEE(t, "▶ Small talk");
	term_key(t, "Tab");
	term_type(t, "j");  /* Ctrl-N selected the item it started */
	term_key(t, "Enter");
	SEE(t, "started “Budget”");
	CHECK_STR(steps_sql1(statuses), "pending active pending");
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "undone: started “Budget”");
	CHECK_STR(steps_sql1(statuses), "active pending pending");
	quit(t);
}

/* A prompt dismissed is announced, and u in Prompts brings it back. */
static void
a_dismissed_prompt_comes_back(void)
{
	term *t;

	fresh("keys-prompt.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_type(t, "! worried the API slips");
	term_key(t, "Enter");
	SEE(t, "Reflect:");
	term_key(t, "BTab");
	term_type(t, "x");
	SEE(t, "dismissed “Reflect” · u");
	CHECK(term_wait_gone(t, "Reflect:", 5000));
	CHECK_STR(steps_sql1("SELECT count(*) FROM prompt_log WHERE action = 'dismissed'"), "1");
	/* x again is text now: the keyboard went back to Notes. */
	term_type(t, "x");
	SEE(t, "> x");
	term_key(t, "Backspace");
	term_key(t, "BTab");
	term_type(t, "u");
	SEE(t, "undone: dismissed");
	SEE(t, "Reflect:");
	CHECK_STR(steps_sql1("SELECT count(*) FROM prompt_log"), "0");
	/* Using it (Enter) gives the keyboard back to Notes as well. */
	term_key(t, "BTab");
	term_key(t, "Enter");
	SEE(t, "prompt logged as asked");
	term_type(t, "x");
	SEE(t, "> x");
	CHECK_STR(steps_sql1("SELECT group_concat(action) FROM prompt_log"), "used");
	quit(t);
}

/* A half-typed note survives browsing, Esc, editing an older note (saved
** or cancelled), the help and a dialog. */
static void
a_draft_is_never_lost(void)
{
	term *t;

	fresh("keys-draft.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_type(t, "first note");
	term_key(t, "Enter");
	SEE(t, "  first note");
	term_type(t, "half a thought, café 日本語");
	SEE(t, "> half a thought, café 日本語");

	/* Up and Down browse; Esc leaves the browsing, the line stays. */
	term_key(t, "Up");
	term_key(t, "Down");
	term_key(t, "Up");
	term_key(t, "Esc");
	SEE(t, "> half a thought, café 日本語");
	/* Opening the older note for editing, then Esc. */
	term_key(t, "Up");
	term_key(t, "Enter");
	SEE(t, "edit> first note");
	term_key(t, "Esc");
	SEE(t, "> half a thought, café 日本語");
	/* Editing it and saving: the draft comes back too. */
	term_key(t, "Up");
	term_key(t, "Enter");
	SEE(t, "edit> first note");
	term_type(t, "!");
	term_key(t, "Enter");
	SEE(t, "note changed");
	SEE(t, "> half a thought, café 日本語");
	CHECK_STR(steps_sql1("SELECT text FROM notes"), "first note!");
	/* Deleting it (an empty line, y): the draft comes back. */
	term_key(t, "Up");
	term_key(t, "Enter");
	SEE(t, "edit> first note!");
	term_key(t, "C-u");
	term_key(t, "Enter");
	SEE(t, "Delete this note? y / n");
	term_type(t, "y");
	SEE(t, "note deleted");
	SEE(t, "> half a thought, café 日本語");
	/* The help and its closing. */
	term_key(t, "F1");
	SEE(t, "Everywhere (also while typing)");
	term_key(t, "Esc");
	SEE(t, "> half a thought, café 日本語");
	/* A dialog, cancelled. */
	term_key(t, "Tab");
	term_type(t, "a");
	SEE(t, "New agenda item");
	term_type(t, "Oops");
	term_key(t, "Esc");
	CHECK(term_wait_gone(t, "New agenda item", 5000));
	SEE(t, "> half a thought, café 日本語");
	/* And it is saved whole in the end. */
	term_key(t, "Enter");
	SEE(t, "saved");
	CHECK_STR(steps_sql1("SELECT text FROM notes"), "half a thought, café 日本語");
	CHECK_STR(steps_sql1("SELECT count(*) FROM agenda_items"), "3");
	quit(t);
}

/* Ending the meeting with a note half typed saves it first; n keeps both
** the meeting and the line. */
static void
ending_the_meeting_keeps_the_line(void)
{
	term *t;

	fresh("keys-end.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_type(t, "= last words");
	term_key(t, "C-x");
	SEE(t, "Save the line's note and end the meeting? y / n");
	term_type(t, "n");
	SEE(t, "> = last words");
	CHECK_STR(steps_sql1("SELECT state FROM meetings"), "live");
	term_key(t, "C-x");
	SEE(t, "Save the line's note and end the meeting? y / n");
	term_type(t, "y");
	SEE(t, "rapport · recap");
	CHECK_STR(steps_sql1("SELECT state FROM meetings"), "ended");
	CHECK_STR(steps_sql1("SELECT kind || ' ' || text FROM notes"), "decision last words");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* What a ^date did not say shows over the input line, in Notes. */
static void
a_due_date_not_understood_shows_by_the_line(void)
{
	term *t;
	int row = -1, col = -1, prow = -1, pcol = -1, crow = -1;

	fresh("keys-due.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_type(t, "> call Bob ^frday");
	term_key(t, "Enter");
	SEE(t, "Saved without a due date");
	CHECK(term_find(t, "Saved without a due date", &row, &col));
	CHECK(term_find(t, "┌ Prompts", &prow, &pcol));
	/* The cursor sits on the input line once the screen is drawn. */
	term_wait_quiet(t, 300, 3000);
	term_cursor(t, &crow, NULL);
	{
		char *input = term_row(t, crow);

		CHECK(input && strstr(input, "││> ") != NULL);
		free(input);
	}
	/* In the Notes pane (left of Prompts), just above the input line. */
	CHECK(col > 20 && col < pcol);
	CHECK(row == crow - 1 || row == crow - 2);
	CHECK(term_find(t, "not understood", &row, &col) && col < pcol);
	CHECK_STR(steps_sql1("SELECT text FROM notes"), "call Bob ^frday");
	quit(t);
}

/* The rows of the Prompts pane (from column x0) drawn in reverse video,
** joined: the selected prompt as shown. */
static char *
selected_prompt(term *t, int x0, int rows)
{
	size_t size = 4096, len = 0;
	char *out = calloc(1, size);

	for (int y = 1; out && y < rows - 2; y++) {
		bool rev = false;
		char *row;

		term_cell_attrs(t, y, x0 + 4, NULL, NULL, NULL, &rev);
		if (!rev || (row = term_row(t, y)) == NULL)
			continue;
		/* The pane's part of the row: after the Notes' right border. */
		{
			const char *p = row;

			for (int c = 0; *p && c < x0; p++)
				if (((unsigned char)*p & 0xC0) != 0x80)
					c++;
			len += (size_t)snprintf(out + len, size - len, "%s ", p);
		}
		free(row);
	}
	return out;
}

/* Twelve prompts at 80x24: j to the bottom keeps the selected one on
** screen, and Enter uses the one shown. */
static void
the_prompts_selection_stays_visible(void)
{
	term *t;
	int prow = 0, pcol = 0;
	char line[64], *shown;
	const char *used;

	fresh("keys-prompts.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	for (int i = 1; i <= 12; i++) {
		snprintf(line, sizeof line, "! w%02d slips", i);
		term_type(t, line);
		term_key(t, "Enter");
		snprintf(line, sizeof line, "! w%02d slips", i);
		SEE(t, line);
	}
	SEE(t, "↓ ");
	CHECK(term_find(t, "┌ Prompts", &prow, &pcol));
	term_key(t, "BTab");
	for (int i = 0; i < 11; i++)
		term_type(t, "j");
	/* At the bottom: more above, none below. */
	CHECK(term_wait_gone(t, "↓ ", 5000));
	SEE(t, "↑ ");
	term_wait_quiet(t, 300, 3000);
	shown = selected_prompt(t, pcol, 24);
	CHECK(shown && strstr(shown, "Reflect") != NULL);
	term_key(t, "Enter");
	SEE(t, "prompt logged as asked");
	used = steps_sql1("SELECT text FROM prompt_log WHERE action = 'used'");
	/* The note's tag (w01..w12) of the prompt used is the one shown. */
	{
		const char *w = strstr(used, " w");
		char tag[5] = "";

		if (w)
			snprintf(tag, sizeof tag, "%.3s", w + 1);
		CHECK(w != NULL && shown && strstr(shown, tag) != NULL);
		if (!(w && shown && strstr(shown, tag)))
			tap_fail(__FILE__, __LINE__, "used \"%s\", shown \"%s\"", used, shown ? shown : "");
	}
	free(shown);
	quit(t);
}

/* The status bar at 80x24: the meeting's time left against its planned
** length, the current item; elapsed time in minutes. */
static void
the_meetings_clock(void)
{
	term *t;
	char *row;

	fresh("keys-clock.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	STATUS_HAS(t, 24, "30' left of 30'");
	term_key(t, "C-n");
	STATUS_HAS(t, 24, "Small talk 5' left", "30' left of 30'");
	/* 39'30" later (the meeting moved back, half a minute off the minute
	** so that the seconds the test takes do not change what it reads):
	** over, in minutes, a minute begun counting. */
	sql("UPDATE meetings SET started_at = started_at - 2370;"
	    "UPDATE agenda_items SET started_at = started_at - 2370 WHERE status = 'active'");
	term_key(t, "C-t");  /* a change: the screen loads the meeting again */
	STATUS_HAS(t, 24, "Small talk 35' over", "10' over 30'");
	term_resize(t, 24, 140);
	STATUS_HAS(t, 24, "39' elapsed");
	sql("UPDATE meetings SET started_at = started_at - 1545");  /* 65'15" in */
	term_key(t, "C-t");
	STATUS_HAS(t, 24, "1h05 elapsed", "36' over 30'");
	row = status_row(t, 24);
	CHECK(row && strstr(row, "00:") == NULL && strstr(row, "01:") == NULL);
	free(row);
	quit(t);
}

/* At 60x20 the item, the time left and being over stay. */
static void
the_meetings_clock_at_60x20(void)
{
	term *t;

	fresh("keys-clock60.db");
	t = meet(20, 60);
	SEE(t, "┌ Notes");
	term_key(t, "C-n");
	term_key(t, "C-t");
	STATUS_HAS(t, 20, "Small talk 5' left", "30' left of 30'");
	sql("UPDATE meetings SET started_at = started_at - 2370;"
	    "UPDATE agenda_items SET started_at = started_at - 2370 WHERE status = 'active'");
	term_key(t, "C-t");
	STATUS_HAS(t, 20, "Small talk 35' over", "10' over 30'");
	/* A long message does not push them out. */
	term_type(t, "Zoë: café crème, 日本語, 😀 and a rather long note to save");
	term_key(t, "Enter");
	STATUS_HAS(t, 20, "Small talk 35' over", "10' over 30'", "saved");
	quit(t);
}

/* The help, generated from the key tables, lists u in both panes. */
static void
the_help_lists_undo(void)
{
	term *t;

	fresh("keys-help.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_key(t, "F1");
	SEE(t, "Everywhere (also while typing)");
	term_key(t, "PageDown");
	term_key(t, "PageDown");
	SEE(t, "Agenda pane (a letter acts once, then Notes has the keys)");
	SEE(t, "Prompts pane (a letter acts once");
	SEE(t, "undo this pane's last change");
	quit(t);
}

/* Ctrl-C quits at once: a line half typed is not saved as a note, but it
** is left in the terminal rather than lost, and the exit message does not
** claim everything was saved.  While an older note is being edited, the
** new note set aside is shown too. */
static void
ctrl_c_leaves_the_line_in_the_terminal(void)
{
	term *t;

	fresh("keys-ctrl-c.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_type(t, "+ a need half typé 日本");
	SEE(t, "> + a need half typé 日本");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "not saved (still on the line when you quit): + a need half typé 日本");
	SEE(t, "is still open, every note entered is saved");
	/* The command it names can be pasted: the name is quoted. */
	SEE(t, "meet 'Zoë Lefèvre SARL' resumes it");
	term_free(t);
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), "0");

	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_type(t, "= saved one\r");
	SEE(t, "= saved one");
	term_type(t, "a new draft");
	term_key(t, "Up");
	term_key(t, "Enter");
	SEE(t, "edit> = saved one");
	term_type(t, " changed");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "not saved (an edit of an older note, left on the line): = saved one changed");
	SEE(t, "not saved (the new note set aside): a new draft");
	term_free(t);
	CHECK_STR(steps_sql1("SELECT group_concat(text, '|') FROM notes"), "saved one");

	/* An agenda item half typed in its dialog is printed too. */
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_key(t, "Tab");
	term_type(t, "a");
	SEE(t, "New agenda item");
	term_type(t, "Risques « phase 2 »:5");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "not saved (an agenda item being added): Risques « phase 2 »:5");
	term_free(t);

	/* An older note loaded and left as it was is saved: not said. */
	t = meet(24, 80);
	SEE(t, "= saved one");
	term_key(t, "Up");
	term_key(t, "Enter");
	SEE(t, "edit> = saved one");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "is still open");
	CHECK(!term_find(t, "not saved", NULL, NULL));
	term_free(t);
}

/* u takes back an item added only while it is as it was added: not once
** it was started (Ctrl-N) and noted on. */
static void
an_added_item_once_started_stays(void)
{
	term *t;

	fresh("keys-undo-add.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	term_key(t, "Tab");
	term_type(t, "a");
	SEE(t, "New agenda item");
	term_type(t, "Fourth:5\r");
	SEE(t, "added “Fourth”");
	for (int i = 0; i < 4; i++)
		term_key(t, "C-n");
	SEE(t, "▶ Fourth");
	term_type(t, "= decided on the fourth\r");
	SEE(t, "= decided on the fourth");
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "not undone: that item has changed since");
	CHECK_STR(steps_sql1("SELECT status FROM agenda_items WHERE title = 'Fourth'"), "active");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes n JOIN agenda_items a ON a.id = n.item_id"
			     " WHERE a.title = 'Fourth'"), "1");
	quit(t);
}

/* A note longer than the line takes: the rest is refused, and said so;
** saved, a note taller than the pane shows from its start, cut with "…",
** not as an empty pane. */
static void
a_long_note_is_refused_past_its_limit_and_shown_from_its_start(void)
{
	static char text[4200];
	term *t;

	fresh("keys-long.db");
	t = meet(24, 80);
	SEE(t, "┌ Notes");
	memcpy(text, "start of it ", 12);
	memset(text + 12, 'z', sizeof text - 13);
	term_type(t, text);
	SEE(t, "a note holds 4000 bytes: the rest was not taken");
	term_key(t, "Enter");
	SEE(t, "saved");
	SEE(t, "start of it");
	SEE(t, "zzz…");
	CHECK_STR(steps_sql1("SELECT length(text) FROM notes"), "4000");
	quit(t);
}

int
main(void)
{
	const char *why = steps_init();

	if (why != NULL) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	RUN(tab_then_typing);
	RUN(agenda_changes_are_undone);
	RUN(a_dismissed_prompt_comes_back);
	RUN(a_draft_is_never_lost);
	RUN(ending_the_meeting_keeps_the_line);
	RUN(a_due_date_not_understood_shows_by_the_line);
	RUN(the_prompts_selection_stays_visible);
	RUN(the_meetings_clock);
	RUN(the_meetings_clock_at_60x20);
	RUN(the_help_lists_undo);
	RUN(ctrl_c_leaves_the_line_in_the_terminal);
	RUN(an_added_item_once_started_stays);
	RUN(a_long_note_is_refused_past_its_limit_and_shown_from_its_start);
	return tap_done();
}
