/* test_snapshot.c: the screens take the day's snapshot as they end, never
** before their first frame, and the demo takes none. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

/* The path of today's snapshot (by the fixed clock) under state. */
static const char *
snapshot_under(const char *state)
{
	static char path[1024];

	snprintf(path, sizeof path, "%s/rapport/snapshots/rapport-%s.db", state, steps_date(0));
	return path;
}

static int
mode_of(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (int)(sb.st_mode & 0777) : -1;
}

/* Start argv with XDG_STATE_HOME=state. */
static term *
start_in(const char *const argv[], const char *state)
{
	static char env[700];
	const char *extra[] = {env, NULL};

	snprintf(env, sizeof env, "XDG_STATE_HOME=%s", state);
	return steps_start(argv, extra, 24, 80);
}

static void
the_clients_screen_takes_it_as_it_ends(void)
{
	char state[600], *snap;
	const char *argv[] = {steps_bin, NULL};
	term *t;

	snprintf(state, sizeof state, "%s", fixture_path("state-home"));
	snap = strdup(snapshot_under(state));
	t = start_in(argv, state);
	CHECK(t != NULL);
	if (t == NULL || snap == NULL)
		goto out;
	SEE(t, "Acme");
	term_wait_quiet(t, 200, 2000);
	CHECK_INT(mode_of(snap), -1);  /* not while the screen is up */
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	CHECK_INT(mode_of(snap), 0600);
	term_free(t);
out:
	free(snap);
}

static void
the_live_screen_takes_it_as_it_ends(void)
{
	char state[600], *snap;
	const char *argv[] = {steps_bin, "meet", "Acme", NULL};
	term *t;

	snprintf(state, sizeof state, "%s", fixture_path("state-meet"));
	snap = strdup(snapshot_under(state));
	t = start_in(argv, state);
	CHECK(t != NULL);
	if (t == NULL || snap == NULL)
		goto out;
	SEE(t, "┌ Notes");
	term_type(t, "+ export by March\r");
	SEE(t, "export by March");
	CHECK_INT(mode_of(snap), -1);
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	CHECK_INT(mode_of(snap), 0600);
	term_free(t);
out:
	free(snap);
}

/* How many notes with this text the database at path holds (-1 when it
** cannot be read). */
static int
notes_in(const char *path, const char *text)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt;
	int n = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM notes WHERE text = ?1", -1, &stmt,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			n = sqlite3_column_int(stmt, 0);
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	return n;
}

/* A live meeting in one process, backup and restore in another: the
** backup has every note shown as saved, and restore will not pull the
** database from under the meeting. */
static void
backup_and_restore_beside_a_live_meeting(void)
{
	char copy[600], args[700], *db = strdup(getenv("RAPPORT_DB"));
	const char *argv[] = {steps_bin, "--no-snapshot", "meet", "Acme", NULL};
	size_t len_before = 0, len_after = 0;
	char *before, *after;
	term *t = steps_start(argv, NULL, 24, 80);

	snprintf(copy, sizeof copy, "%s", fixture_path("during-meeting.db"));
	CHECK(t != NULL && db != NULL);
	if (t == NULL || db == NULL)
		goto out;
	SEE(t, "┌ Notes");
	term_type(t, "! worried the API slips\r");
	SEE(t, "saved");
	snprintf(args, sizeof args, "backup '%s'", copy);
	CHECK_INT(steps_rapport(args), 0);
	CHECK_INT(notes_in(copy, "worried the API slips"), 1);
	CHECK_INT(mode_of(copy), 0600);

	before = fixture_slurp(db, &len_before);
	snprintf(args, sizeof args, "restore '%s'", copy);
	CHECK(steps_rapport(args) != 0);
	after = fixture_slurp(db, &len_after);
	CHECK(before && after && len_before == len_after && memcmp(before, after, len_after) == 0);
	free(before);
	free(after);

	/* The meeting goes on, and saves. */
	term_type(t, "= phased rollout\r");
	SEE(t, "phased rollout");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text = 'phased rollout'"), "1");
	term_free(t);
	/* The same restore, the meeting closed: the file was good, only the
	** meeting was in the way. */
	CHECK_INT(steps_rapport(args), 0);
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text = 'phased rollout'"), "0");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text = 'worried the API slips'"), "1");
out:
	free(db);
}

static void
the_demo_takes_none(void)
{
	char state[600];
	const char *argv[] = {steps_bin, "--demo", NULL};
	term *t;

	snprintf(state, sizeof state, "%s", fixture_path("state-demo"));
	t = start_in(argv, state);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "rapport · clients");
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	CHECK_INT(mode_of(state), -1);
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
	steps_use_db("snapshot.db");
	if (steps_rapport("--no-snapshot client add Acme") != 0) {
		printf("not ok 1 - rapport client add, to set up the database\n1..1\n");
		return 1;
	}
	RUN(the_clients_screen_takes_it_as_it_ends);
	RUN(the_live_screen_takes_it_as_it_ends);
	RUN(the_demo_takes_none);
	RUN(backup_and_restore_beside_a_live_meeting);
	return tap_done();
}
