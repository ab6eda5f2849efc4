/* test_home.c: the Clients and Prep screens, and the demo, as a person sees
** them: the real binary in a pseudo-terminal read through libvterm. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "harness.h"
#include "tap.h"

static char db_env[600];
static const char *bin;

static int
rapport(const char *args)
{
	char cmd[2048];

	snprintf(cmd, sizeof cmd, "%s %s >/dev/null 2>&1", bin, args);
	return system(cmd);
}

static const char *
sql1(const char *sql)
{
	static char buf[1024];
	sqlite3 *db;
	sqlite3_stmt *stmt;

	buf[0] = '\0';
	if (sqlite3_open(getenv("RAPPORT_DB"), &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
			snprintf(buf, sizeof buf, "%s", sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	return buf;
}

static void
see(term *t, const char *text, int line)
{
	if (!term_wait_for(t, text, 5000)) {
		char *screen = term_screen(t);

		tap_fail(__FILE__, line, "\"%s\" is not on screen:\n%s", text, screen);
		free(screen);
	}
}
#define SEE(t, text) see((t), (text), __LINE__)

/* Row of the screen holding text, or -1. */
static int
row_of(term *t, const char *text)
{
	int row = -1, col;

	return term_find(t, text, &row, &col) ? row : -1;
}

static term *
start(const char *arg)
{
	const char *argv[] = {bin, arg, NULL};
	const char *env[] = {db_env, NULL};

	return term_start(argv, env, 24, 80);
}

static void
setup(void)
{
	const char *path = fixture_path("home.db");
	char sql[256];
	sqlite3 *db;

	snprintf(db_env, sizeof db_env, "RAPPORT_DB=%s", path);
	setenv("RAPPORT_DB", path, 1);
	rapport("client add 'Zoë Lefèvre SARL' --org 'Lefèvre & fils' --cadence 5-14");
	rapport("client add 'Acme Logistics' --cadence 7-21");
	rapport("client add 'Björn AB' --cadence 5-10");
	rapport("fact zoe 'back from a business trip to Bali'");
	rapport("touch acme 'emailed the report'");
	/* Zoë was last contacted 20 days ago: overdue by 6. */
	snprintf(sql, sizeof sql,
		 "INSERT INTO touchpoints (client_id, at, text) VALUES (1, %lld, 'call')",
		 (long long)time(NULL) - 20 * 86400);
	if (sqlite3_open(path, &db) == SQLITE_OK)
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
}

static void
clients_are_ranked_and_edited(void)
{
	term *t = start(NULL);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	SEE(t, "overdue by 6 days");
	/* Most pressing first: overdue, never contacted, too soon. */
	CHECK(row_of(t, "overdue by 6 days") == row_of(t, "Zoë Lefèvre SARL"));
	CHECK(row_of(t, "no contact yet") == row_of(t, "Björn AB"));
	CHECK(row_of(t, "too soon (7 more days)") == row_of(t, "Acme Logistics"));
	CHECK(row_of(t, "Zoë Lefèvre SARL") < row_of(t, "Björn AB"));
	CHECK(row_of(t, "Björn AB") < row_of(t, "Acme Logistics"));

	term_type(t, "n");
	SEE(t, "Name:");
	term_type(t, "Chloé 日本");
	term_key(t, "Enter");
	SEE(t, "Organisation");
	term_key(t, "Enter");
	SEE(t, "Check in every MIN-MAX days:");
	term_key(t, "C-u");
	term_type(t, "3-7\r");
	SEE(t, "client added");
	SEE(t, "Chloé 日本");
	CHECK_STR(sql1("SELECT cadence_min || '-' || cadence_max FROM clients WHERE name = 'Chloé 日本'"),
		  "3-7");

	/* A bad cadence is said, and asked again. */
	term_type(t, "n");
	term_type(t, "Dan\r\r");
	term_key(t, "C-u");
	term_type(t, "9-3\r");
	SEE(t, "the minimum is more than the maximum");
	term_key(t, "Esc");

	/* r and / say plainly they are not built yet. */
	term_type(t, "r");
	SEE(t, "Review of past meetings is not built yet");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
prep_shows_and_edits(void)
{
	term *t = start(NULL);

	SEE(t, "rapport · clients");
	term_key(t, "Enter");  /* Zoë, first */
	SEE(t, "rapport · prep · Zoë Lefèvre SARL (Lefèvre & fils)");
	SEE(t, "travel  back from a business trip to Bali");
	SEE(t, "How was your trip to Bali?");
	SEE(t, "none planned");

	/* Openers: mark the first one used. */
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "opener marked as used today");
	CHECK_STR(sql1("SELECT key FROM opener_uses"), "fact:1");

	/* Next meeting: adding an item plans it. */
	term_key(t, "Tab");
	term_key(t, "Tab");
	term_type(t, "a");
	SEE(t, "Agenda item (TITLE:MINUTES):");
	term_type(t, "Budget:15\r");
	SEE(t, "1. Budget 15'");
	CHECK_STR(sql1("SELECT state FROM meetings WHERE id = 1"), "planned");
	term_type(t, "w");  /* on the item just added */
	SEE(t, "Walkthrough (MEMBER|WHAT|MINUTES|DEPENDS ON):");
	term_type(t, "Alice|built the importer|16h|API keys\r");
	SEE(t, "Alice: built the importer (16h), depends on API keys");
	term_type(t, "t");
	term_type(t, "weekly\r");
	SEE(t, "6. Next steps 5'");
	/* The last item added stays selected: move Next steps up to fifth. */
	term_type(t, "K");
	SEE(t, "5. Next steps 5'");

	/* A fact, with its kind named. */
	term_key(t, "BTab");
	term_key(t, "BTab");
	term_key(t, "BTab");
	term_type(t, "a");
	SEE(t, "Fact ([kind:] text):");
	term_type(t, "sport: plays padel\r");
	SEE(t, "sport   plays padel");
	CHECK_STR(sql1("SELECT kind FROM facts WHERE text = 'plays padel'"), "sport");

	term_key(t, "Esc");
	SEE(t, "rapport · clients");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	CHECK_STR(sql1("SELECT group_concat(title, '|') FROM (SELECT title FROM agenda_items"
		       " WHERE meeting_id = 1 ORDER BY position)"),
		  "Budget|Small talk|Progress since last week|Blockers|Next steps|Decisions needed");
}

static void
meet_from_home_and_back(void)
{
	term *t = start(NULL);
	int row;

	SEE(t, "rapport · clients");
	term_type(t, "m");   /* Zoë: her planned meeting, live */
	SEE(t, "┌ Notes");
	SEE(t, "Budget");
	term_type(t, "= go ahead\r");
	SEE(t, "= go ahead");
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n");
	term_type(t, "y");
	SEE(t, "rapport · clients");
	/* A meeting today is a contact: Zoë is now too soon. */
	SEE(t, "too soon (5 more days)");
	row = row_of(t, "Zoë Lefèvre SARL");
	CHECK(row >= 0 && row == row_of(t, "too soon (5 more days)"));
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
	CHECK_STR(sql1("SELECT state FROM meetings WHERE id = 1"), "ended");
}

static void
the_demo_shows_every_screen(void)
{
	const char *argv[] = {bin, "--demo", NULL};
	const char *env[] = {NULL};
	term *t = term_start(argv, env, 30, 100);

	SEE(t, "rapport · clients");
	SEE(t, "overdue by 2 days");
	SEE(t, "due today");
	SEE(t, "no contact yet");
	SEE(t, "too soon");
	SEE(t, "山田商事");
	term_key(t, "Enter");
	SEE(t, "How was your trip to Bali?");
	SEE(t, "overdue · send the revised plan");
	SEE(t, "(carried 1×)");
	SEE(t, "Alice: built the importer (16h)");
	term_type(t, "m");
	SEE(t, "┌ Prompts");
	SEE(t, "Weekly status");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

int
main(void)
{
	bin = getenv("RAPPORT_BIN");
	if (bin == NULL) {
		printf("1..0 # SKIP RAPPORT_BIN is not set\n");
		return 0;
	}
	setup();
	RUN(clients_are_ranked_and_edited);
	RUN(prep_shows_and_edits);
	RUN(meet_from_home_and_back);
	RUN(the_demo_shows_every_screen);
	return tap_done();
}
