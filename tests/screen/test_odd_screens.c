/* test_odd_screens.c: the screens on a database another program edited:
** a 10 MB note, fact, agenda title and organisation, and an empty database
** (the first home screen, under UBSan).  Each screen draws within seconds;
** the search that spun for over an hour on the Clients screen (FTS5's
** snippet() on a text with 400 000 hits) answers. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "steps.h"
#include "tap.h"

#define BIG (10 * 1024 * 1024)

static term *
start(void)
{
	const char *argv[] = {steps_bin, NULL};
	return steps_start(argv, NULL, 24, 100);
}

/* Put text into every statement's ?1 and run them. */
static void
with_big_text(const char *const *sql, size_t n, const char *text)
{
	sqlite3 *db;

	if (sqlite3_open(getenv("RAPPORT_DB"), &db) != SQLITE_OK) {
		tap_fail(__FILE__, __LINE__, "cannot open the test database");
		sqlite3_close(db);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *stmt = NULL;

		if (sqlite3_prepare_v2(db, sql[i], -1, &stmt, NULL) != SQLITE_OK ||
		    sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC) != SQLITE_OK ||
		    sqlite3_step(stmt) != SQLITE_DONE)
			tap_fail(__FILE__, __LINE__, "%s: %s", sql[i], sqlite3_errmsg(db));
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
}

static void
setup_big(void)
{
	static const char *const sql[] = {
		"UPDATE meetings SET state = 'ended', started_at = 1795683600,"
		" ended_at = 1795686000 WHERE id = 1 AND ?1 IS NOT NULL",
		"INSERT INTO notes (meeting_id, at, kind, text) VALUES (1, 1795683660, 'concern', ?1)",
		"INSERT INTO facts (client_id, kind, text, learned_at) VALUES (1, 'work', ?1, 1795683700)",
		"UPDATE agenda_items SET title = ?1 WHERE position = 2",
		"UPDATE clients SET org = ?1",
	};
	static const char phrase[] = "budget plan for the quarter, ";
	char *text = malloc(BIG + 1);

	if (text == NULL) {
		tap_fail(__FILE__, __LINE__, "out of memory");
		return;
	}
	for (size_t i = 0; i < BIG; i++)
		text[i] = phrase[i % (sizeof phrase - 1)];
	text[BIG] = '\0';
	steps_use_db("big.db");
	steps_rapport("client add Acme --cadence 5-14");
	steps_rapport("plan acme Kickoff --item Budget:15 --item Importer:10");
	with_big_text(sql, sizeof sql / sizeof sql[0], text);
	free(text);
}

/* Clients, Prep, Review and the search on 10 MB texts, each in seconds. */
static void
ten_megabytes_draw_in_seconds(void)
{
	term *t;

	setup_big();
	if ((t = start()) == NULL) {
		CHECK(t != NULL);
		return;
	}
	CHECK(term_wait_for(t, "rapport · clients", 5000));
	CHECK(term_wait_for(t, "budget plan", 5000));  /* the organisation, cut */
	term_wait_quiet(t, 200, 3000);
	term_type(t, "\r");
	CHECK(term_wait_for(t, "rapport · prep · Acme", 5000));
	CHECK(term_wait_for(t, "work    budget plan", 5000));
	term_wait_quiet(t, 200, 3000);
	term_key(t, "Esc");
	CHECK(term_wait_for(t, "rapport · clients", 5000));
	term_wait_quiet(t, 200, 3000);
	term_type(t, "/");
	term_wait_quiet(t, 200, 3000);
	term_type(t, "budget\r");
	CHECK(term_wait_for(t, "rapport · search · \"budget\"", 8000));
	CHECK(term_wait_for(t, "concern", 5000));
	term_wait_quiet(t, 200, 3000);
	term_type(t, "\r");
	CHECK(term_wait_for(t, "rapport · review · Kickoff", 8000));
	term_wait_quiet(t, 200, 3000);
	term_kill(t, 15);
	term_wait_exit(t, 5000);
	term_free(t);
}

/* The first home screen of an empty database: under UBSan (the test
** build), qsort(NULL, 0) used to stop the program here. */
static void
empty_database_home(void)
{
	term *t;

	steps_use_db("empty.db");
	if ((t = start()) == NULL) {
		CHECK(t != NULL);
		return;
	}
	CHECK(term_wait_for(t, "No clients yet", 5000));
	term_wait_quiet(t, 200, 2000);
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A timebox another tool stored past any meeting's length (it passes the
** schema's CHECK, > 0) reads as no timebox: the live screen's agenda shows
** "?" for it, not 9000000'. */
static void
an_absurd_timebox_shows_as_unknown(void)
{
	static const char *const sql[] = {
		"UPDATE agenda_items SET timebox_minutes = 9000000 WHERE title = 'Scope'"
		" AND ?1 IS NOT NULL",
	};
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};
	term *t;

	steps_use_db("timebox.db");
	steps_rapport("client add Zoe");
	steps_rapport("plan zoe Kickoff --item Budget:15 --item Scope:10");
	with_big_text(sql, 1, "x");
	if ((t = steps_start(argv, NULL, 24, 80)) == NULL) {
		CHECK(t != NULL);
		return;
	}
	SEE(t, "Scope          ?");
	CHECK(term_find(t, "9000000", NULL, NULL) == 0);
	term_kill(t, 15);
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
	RUN(empty_database_home);
	RUN(ten_megabytes_draw_in_seconds);
	RUN(an_absurd_timebox_shows_as_unknown);
	return tap_done();
}
