/* test_meetings.c: meetings in time on the screens, as a person sees them:
** the Clients screen's next meeting, and moving, retitling and cancelling
** it from Prep.  The fixed clock is Thursday 26 November 2026, 10:00 in
** Paris. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static term *
start(int rows, int cols)
{
	const char *argv[] = {steps_bin, NULL};

	return steps_start(argv, NULL, rows, cols);
}

/* From the Clients screen, Prep of the client on the row holding name,
** with the Next meeting section selected (its date line first). */
static void
open_prep(term *t, const char *name)
{
	int row;

	term_wait_for(t, name, 5000);
	row = row_of(t, name);
	for (int i = 0; i < 10; i++)
		term_type(t, "k");
	for (int i = 3; i < row; i++)
		term_type(t, "j");
	term_key(t, "Enter");
	SEE(t, "rapport · prep");
	term_key(t, "Tab");
	term_key(t, "Tab");
	term_key(t, "Tab");
	SEE(t, "w move · e retitle · C cancel");
}

static void
setup(void)
{
	steps_use_db("meetings.db");
	steps_rapport("client add Acme");
	steps_rapport("client add 'Zoë Lefèvre SARL'");
	steps_rapport("plan acme Kickoff --at 'fri 14:00' --item Budget:15");
	steps_rapport("plan zoe 'Revue 予算' --at 'demain 9:30'");
}

static void
clients_show_the_next_meeting(void)
{
	term *t = start(24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "NEXT MEETING");
	SEE(t, "Fri 27 Nov 14:00");
	SEE(t, "Fri 27 Nov 09:30");  /* the whole list drawn, not only its start */
	/* Each on its client's row. */
	CHECK_INT(row_of(t, "Fri 27 Nov 14:00"), row_of(t, "Acme"));
	CHECK_INT(row_of(t, "Fri 27 Nov 09:30"), row_of(t, "Zoë Lefèvre SARL"));
	/* Too narrow for it: the column goes, the clients stay. */
	term_resize(t, 24, 60);
	CHECK(term_wait_gone(t, "NEXT MEETING", 3000));
	UNSEEN(t, "Fri 27 Nov");
	SEE(t, "Zoë Lefèvre SARL");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
moving_it_from_prep_shows_on_clients(void)
{
	term *t = start(24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	open_prep(t, "Acme");
	SEE(t, "Fri 27 Nov 14:00");
	/* A day without a time is not guessed: said, and asked again. */
	term_type(t, "w");
	SEE(t, "Move to");
	SEE(t, "2026-11-27 14:00");
	term_type(t, "demain");
	term_key(t, "Enter");
	SEE(t, "\"demain\" needs a time too");
	CHECK_STR(steps_sql1("SELECT datetime(planned_at, 'unixepoch') FROM meetings WHERE id = 1"),
		  "2026-11-27 13:00:00");
	term_key(t, "Esc");
	/* French words, as plan --at takes them. */
	term_type(t, "w");
	SEE(t, "Move to");
	term_type(t, "lundi 9:30");
	term_key(t, "Enter");
	SEE(t, "moved to Mon 30 Nov 09:30");
	CHECK_STR(steps_sql1("SELECT datetime(planned_at, 'unixepoch') FROM meetings WHERE id = 1"),
		  "2026-11-30 08:30:00");
	/* e on the date line retitles it. */
	term_type(t, "e");
	SEE(t, "Meeting title:");
	term_key(t, "C-u");
	term_type(t, "Budget review 🎯");
	term_key(t, "Enter");
	SEE(t, "Next meeting: Budget review 🎯");
	CHECK_STR(steps_sql1("SELECT title FROM meetings WHERE id = 1"), "Budget review 🎯");
	/* Back on the Clients screen, the move is there. */
	term_key(t, "Esc");
	SEE(t, "NEXT MEETING");
	SEE(t, "Mon 30 Nov 09:30");
	CHECK_INT(row_of(t, "Mon 30 Nov 09:30"), row_of(t, "Acme"));
	UNSEEN(t, "Fri 27 Nov 14:00");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
cancelling_it_asks_and_its_agenda_waits(void)
{
	term *t = start(24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	open_prep(t, "Acme");
	term_type(t, "C");
	SEE(t, "Cancel this meeting (Mon 30 Nov 09:30)? y / n:");
	term_type(t, "n");
	CHECK(term_wait_gone(t, "Cancel this meeting", 3000));
	CHECK_STR(steps_sql1("SELECT state FROM meetings WHERE id = 1"), "planned");
	term_type(t, "C");
	SEE(t, "Cancel this meeting");
	term_type(t, "y");
	SEE(t, "cancelled: its agenda waits for the next meeting");
	SEE(t, "will carry: Budget");
	CHECK_STR(steps_sql1("SELECT state || ' ' || (cancelled_at IS NOT NULL) FROM meetings"
			     " WHERE id = 1"), "cancelled 1");
	/* Nothing planned now: w says so rather than ask. */
	term_type(t, "w");
	SEE(t, "no meeting planned");
	term_key(t, "Esc");
	SEE(t, "NEXT MEETING");  /* Zoë's is still there */
	UNSEEN(t, "Mon 30 Nov");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A meeting started by mistake, nothing noted: Ctrl-X offers to discard
** it; a planned one is planned again, and the Clients screen says so. */
static void
a_meeting_with_no_notes_is_discarded(void)
{
	const char *argv[] = {steps_bin, "meet", "acme", "--planned", NULL};
	term *t;

	steps_use_db("meetings-discard.db");
	steps_rapport("client add Acme");
	steps_rapport("plan acme Kickoff --at 'fri 14:00' --item Budget:15");
	t = steps_start(argv, NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "┌ Notes");
	CHECK_STR(steps_sql1("SELECT state FROM meetings"), "live");
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n · d: discard it, nothing noted");
	term_type(t, "d");
	SEE(t, "rapport · clients");
	SEE(t, "meeting discarded: planned again, as it was");
	CHECK_STR(steps_sql1("SELECT state || ' ' || (started_at IS NULL) FROM meetings"),
		  "planned 1");
	SEE(t, "no contact yet");  /* a meeting discarded is no contact */
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A planned meeting whose time went by is missed, and says so; one next
** year says its year. */
static void
a_missed_meeting_and_next_years_say_so(void)
{
	char next_year[32];
	term *t;

	steps_use_db("meetings-missed.db");
	steps_rapport("client add Acme");
	steps_rapport("client add Bea");
	steps_rapport("plan acme Kickoff --at 'tomorrow 10:00'");
	{
		char cmd[100];

		/* 400 days ahead: another year, whatever today is. */
		snprintf(cmd, sizeof cmd, "plan bea Annual --at '%s 10:00'", steps_date(400));
		steps_rapport(cmd);
		snprintf(next_year, sizeof next_year, "%s 10:00", steps_date(400));
	}
	{
		sqlite3 *db;
		char sql[200];

		snprintf(sql, sizeof sql, "UPDATE meetings SET planned_at = %lld WHERE id = 1",
			 (long long)(steps_now() - 2 * 86400));
		CHECK(sqlite3_open(getenv("RAPPORT_DB"), &db) == SQLITE_OK);
		CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
		sqlite3_close(db);
	}
	t = start(24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "missed ");
	CHECK_INT(row_of(t, "missed "), row_of(t, "Acme"));
	SEE(t, next_year);
	/* Prep calls it missed too, not simply the next meeting. */
	open_prep(t, "Acme");
	SEE(t, "· missed: w moves it, C cancels it");
	UNSEEN(t, "past");
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
	RUN(clients_show_the_next_meeting);
	RUN(moving_it_from_prep_shows_on_clients);
	RUN(cancelling_it_asks_and_its_agenda_waits);
	RUN(a_meeting_with_no_notes_is_discarded);
	RUN(a_missed_meeting_and_next_years_say_so);
	return tap_done();
}
