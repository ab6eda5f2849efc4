/* test_prep_open.c: what one call leaves open comes back in the next Prep,
** and what Prep notes reach the call.  As a person sees it at 80x24: a
** meeting noted live (a question, a concern, the client's words), then Prep
** lists them; d closes the question (answered since), u opens it again; a
** prep note written there heads the live Prompts pane ("from your prep") and
** shows in the Recap.  The real binary in a pseudo-terminal read through
** libvterm.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "steps.h"
#include "tap.h"

/* Is the row holding text drawn in reverse video (the selection)? */
static bool
becomes_selected(term *t, const char *text)
{
	for (int waited = 0; waited < 5000; waited += 50) {
		int row = -1, col = 0;
		bool reverse = false;

		if (term_find(t, text, &row, &col) &&
		    term_cell_attrs(t, row, col, NULL, NULL, NULL, &reverse) && reverse)
			return true;
		term_pump(t, 50);
	}
	return false;
}

/* The column where text starts on screen, or -1. */
static int
col_of(term *t, const char *text)
{
	int row = -1, col = -1;

	return term_find(t, text, &row, &col) ? col : -1;
}

static void
setup(void)
{
	const char *argv[] = {steps_bin, "meet", "zoe", "Kickoff", NULL};
	static const char *const notes[] = {
		"? can we self-host", "! worried the go-live slips 日本語",
		"\" we can't afford another slip 🙏", "~ they seem tense",
	};
	term *t;

	steps_use_db("prep_open.db");
	steps_rapport("client add 'Zoë Lefèvre SARL'");
	t = steps_start(argv, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "┌ Notes");
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		term_type(t, notes[i]);
		term_key(t, "Enter");
		term_wait_quiet(t, 100, 2000);
	}
	SEE(t, "they seem tense");
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n");
	term_type(t, "y");
	SEE(t, "rapport · recap");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
prep_closes_a_question_and_the_call_sees_the_prep_notes(void)
{
	const char *home[] = {steps_bin, NULL};
	const char *question = "SELECT closed_at IS NULL FROM notes WHERE kind = 'question'";
	term *t = steps_start(home, NULL, 24, 80);
	int prompts;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	term_key(t, "Enter");
	SEE(t, "rapport · prep · Zoë Lefèvre SARL");
	SEE(t, "Open questions");
	SEE(t, "? can we self-host");
	SEE(t, "Concerns last time");

	/* At 80x24 the sections below are a scroll away: Tab to the quotes
	** (Openers, Open follow-ups, Open questions, Concerns, In their words)
	** and back to the questions. */
	for (int i = 0; i < 5; i++)
		term_key(t, "Tab");
	SEE(t, "worried the go-live slips 日本語");
	SEE(t, "In their words");
	SEE(t, "“we can't afford another slip 🙏”");
	UNSEEN(t, "tense");  /* a private note is none of these */
	term_key(t, "BTab");
	term_key(t, "BTab");
	CHECK(becomes_selected(t, "can we self-host"));
	SEE(t, "Open questions: d closed (answered) · u reopens");
	term_type(t, "d");
	SEE(t, "question closed · u reopens it");
	CHECK(term_wait_gone(t, "can we self-host", 3000));
	/* None left: no section (waited for: the key bar under it is drawn
	** last). */
	CHECK(term_wait_gone(t, "Open questions", 3000));
	CHECK_STR(steps_sql1(question), "0");
	term_type(t, "u");
	SEE(t, "question open again");
	SEE(t, "? can we self-host");
	CHECK_STR(steps_sql1(question), "1");
	CHECK(becomes_selected(t, "can we self-host"));
	term_type(t, "d");
	SEE(t, "question closed");
	CHECK_STR(steps_sql1(question), "0");

	/* A prep note, for yourself: End selects the last section (People),
	** Shift-Tab the one before it. */
	term_key(t, "End");
	term_key(t, "BTab");
	SEE(t, "Prep notes: a add");
	term_type(t, "a");
	SEE(t, "Prep note:");
	term_type(t, "ask whether the CFO is joining, et le budget 2027 — 予算\r");
	CHECK(term_wait_gone(t, "Prep note:", 3000));
	SEE(t, "ask whether the CFO is joining");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE phase = 'prep'"), "1");

	/* The call: the prep note heads the Prompts pane. */
	term_type(t, "m");
	SEE(t, "┌ Prompts");
	SEE(t, "from your prep:");
	SEE(t, "· ask whether the CFO");
	prompts = col_of(t, "┌ Prompts");
	CHECK(prompts > 0 && col_of(t, "from your prep:") > prompts);
	CHECK(col_of(t, "· ask whether the CFO") > prompts);
	/* A prompt comes below it; the note stays. */
	term_type(t, "! worried about soon\r");
	SEE(t, "Reflect");
	SEE(t, "from your prep:");
	/* Wider and narrower: still there. */
	term_resize(t, 30, 120);
	SEE(t, "from your prep:");
	SEE(t, "· ask whether the CFO is");
	term_resize(t, 24, 80);
	SEE(t, "from your prep:");

	/* The Recap says what was meant to be asked. */
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n");
	term_type(t, "y");
	SEE(t, "rapport · recap");
	SEE(t, "From your prep");
	SEE(t, "ask whether the CFO is joining, et le budget 2027 — 予算");
	term_type(t, "q");
	SEE(t, "rapport · clients");  /* opened from there: back there */
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A follow-up closed on Prep by a stray d comes back with u, named. */
static void
prep_undoes_a_followup_closed_by_mistake(void)
{
	const char *home[] = {steps_bin, NULL};
	const char *status = "SELECT status FROM followups";
	term *t;

	steps_use_db("prep_undo.db");
	steps_rapport("client add Acme");
	steps_rapport("plan acme Kickoff");
	CHECK(steps_sql("INSERT INTO followups (client_id, text, owner, created_at)"
			" VALUES (1, 'send the plan 日本', 'me', 1)"));
	t = steps_start(home, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	term_key(t, "Enter");
	SEE(t, "Open follow-ups");
	term_key(t, "Tab");
	term_key(t, "Tab");
	CHECK(becomes_selected(t, "send the plan 日本"));
	term_type(t, "x");
	SEE(t, "dropped: send the plan 日本 · u opens it again");
	CHECK_STR(steps_sql1(status), "dropped");
	term_type(t, "u");
	SEE(t, "open again: send the plan 日本");
	CHECK_STR(steps_sql1(status), "open");
	CHECK(becomes_selected(t, "send the plan 日本"));
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A client with more facts than the screen has rows: Prep opens on them
** (the first frame reads a screenful, prep_load_first()), and the rest
** of the page is there for the first key: Tab goes on to the openers and
** the follow-ups, the last fact is a G away. */
static void
a_page_of_facts_opens_and_the_rest_follows(void)
{
	const char *home[] = {steps_bin, NULL};
	term *t;

	steps_use_db("prep_facts.db");
	steps_rapport("client add Acme");
	CHECK(steps_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)"
			" INSERT INTO facts (client_id, kind, text, learned_at)"
			" SELECT 1, 'hobby', 'fact number ' || i, 1795600000 + i * 60 FROM n;"
			"INSERT INTO followups (client_id, text, owner, created_at)"
			" VALUES (1, 'send the roadmap', 'me', 1795600000)"));
	t = steps_start(home, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	term_key(t, "Enter");
	SEE(t, "rapport · prep · Acme");
	SEE(t, "fact number 40");  /* the newest first */
	SEE(t, "Personal: a add");
	UNSEEN(t, "fact number 1 ");
	term_key(t, "Tab");
	SEE(t, "Openers: d asked");
	term_key(t, "Tab");
	CHECK(becomes_selected(t, "send the roadmap"));
	term_type(t, "G");
	SEE(t, "People: a add");
	term_key(t, "BTab");
	term_key(t, "BTab");
	term_key(t, "BTab");
	term_key(t, "BTab");
	term_key(t, "BTab");
	SEE(t, "fact number 1 ");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* Back on Clients after a meeting, the selection is on the client just
** met, not on the first row: r then reviews the right one. */
static void
clients_keep_the_client_just_met(void)
{
	const char *home[] = {steps_bin, NULL};
	term *t;

	steps_use_db("prep_back.db");
	steps_rapport("client add Acme");
	steps_rapport("client add Bea");
	steps_rapport("client add Cyd");
	t = steps_start(home, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "Cyd");
	term_type(t, "jj");
	CHECK(becomes_selected(t, "Cyd"));
	term_type(t, "m");
	SEE(t, "┌ Notes");
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n");
	term_type(t, "y");
	SEE(t, "rapport · recap");
	term_key(t, "Esc");
	SEE(t, "rapport · clients");
	CHECK(becomes_selected(t, "Cyd"));
	term_type(t, "r");
	SEE(t, "rapport · review · Cyd");
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
	RUN(prep_closes_a_question_and_the_call_sees_the_prep_notes);
	RUN(prep_undoes_a_followup_closed_by_mistake);
	RUN(a_page_of_facts_opens_and_the_rest_follows);
	RUN(clients_keep_the_client_just_met);
	return tap_done();
}
