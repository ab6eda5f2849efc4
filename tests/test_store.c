/* test_store.c: opening, creating, refusing and migrating databases. */
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/calendar.h"
#include "rapport/export.h"
#include "rapport/fact.h"
#include "rapport/followup.h"
#include "rapport/history.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/person.h"
#include "rapport/prep.h"
#include "rapport/record.h"
#include "rapport/search.h"
#include "rapport/session.h"
#include "rapport/store.h"
#include "rapport/timeline.h"
#include "tap.h"

static int64_t
pragma(store *st, const char *sql)
{
	sqlite3_stmt *stmt;
	int64_t v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

static const char *
pragma_text(store *st, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *stmt;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return buf;
}

static void
creates_current_private_wal_database(void)
{
	const char *path = fixture_path("new.db");
	rp_error err = {0};
	struct stat sb;
	char mode[16];
	store *st = store_open(path, STORE_WRITE, &err);

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(pragma(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(pragma(st, "PRAGMA application_id"), 0x72617070);
	CHECK_INT(pragma(st, "PRAGMA foreign_keys"), 1);
	CHECK_INT(pragma(st, "PRAGMA synchronous"), 2);  /* FULL */
	CHECK(pragma(st, "PRAGMA busy_timeout") >= 1000);
	CHECK_STR(pragma_text(st, "PRAGMA journal_mode", mode, sizeof mode), "wal");
	CHECK(store_writable(st));
	store_close(st);
	CHECK(stat(path, &sb) == 0);
	CHECK_INT(sb.st_mode & 0777, 0600);
}

static void
reopening_keeps_data_and_version(void)
{
	const char *path = fixture_path("reopen.db");
	rp_error err = {0};
	store *st = store_open(path, STORE_WRITE, &err);
	client c;

	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err) == RP_OK);
	store_close(st);
	st = store_open(path, STORE_READ, &err);
	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK(!store_writable(st));
	CHECK(client_find(st, "acme", &c, &err) == RP_OK);
	CHECK_STR(c.name, "Acme");
	CHECK_INT(pragma(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	store_close(st);
}

static void
read_mode_does_not_create(void)
{
	const char *path = fixture_path("missing.db");
	rp_error err = {0};

	CHECK(store_open(path, STORE_READ, &err) == NULL);
	CHECK_INT(err.status, RP_ENOTFOUND);
	CHECK(access(path, F_OK) != 0);
}

/* Write bytes to a file of the temporary folder; return its path. */
static const char *
write_file(const char *name, const char *bytes, size_t len)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s", fixture_path(name));
	f = fopen(path, "wb");
	if (f) {
		fwrite(bytes, 1, len, f);
		fclose(f);
	}
	return path;
}

/* Does the file still hold exactly before[0..len)? */
static int
unchanged(const char *path, const char *before, size_t len)
{
	size_t n = 0;
	char *now = fixture_slurp(path, &n);
	int same = now && n == len && memcmp(now, before, len) == 0;

	free(now);
	return same;
}

static void
refuses_a_file_that_is_not_sqlite(void)
{
	const char text[] = "these are my notes, not a database\n";
	const char *path = write_file("notes.txt", text, sizeof text - 1);
	rp_error err = {0};

	CHECK(store_open(path, STORE_WRITE, &err) == NULL);
	CHECK_INT(err.status, RP_ENOTDB);
	CHECK(strstr(err.msg, "not a SQLite database") != NULL);
	CHECK(unchanged(path, text, sizeof text - 1));
	CHECK(store_open(path, STORE_READ, &err) == NULL);
	CHECK_INT(err.status, RP_ENOTDB);
	CHECK(unchanged(path, text, sizeof text - 1));
}

/* Open path, compare its bytes before and after a failing store_open. */
static void
check_refused(const char *path, enum store_mode mode, enum rp_status want, const char *words)
{
	size_t len = 0;
	char *before = fixture_slurp(path, &len);
	rp_error err = {0};
	store *st;

	CHECK(before != NULL);
	st = store_open(path, mode, &err);
	CHECK(st == NULL);
	store_close(st);
	CHECK_INT(err.status, want);
	if (strstr(err.msg, words) == NULL)
		tap_fail(__FILE__, __LINE__, "message \"%s\" lacks \"%s\"", err.msg, words);
	CHECK(before && unchanged(path, before, len));
	free(before);
}

static void
refuses_another_programs_database(void)
{
	const char *path = fixture_path("other.db");

	CHECK_INT(fixture_sql(path, "CREATE TABLE t(x); INSERT INTO t VALUES (1);"), SQLITE_OK);
	check_refused(path, STORE_WRITE, RP_ENOTDB, "not one of rapport's");
	check_refused(path, STORE_READ, RP_ENOTDB, "not one of rapport's");
}

static void
refuses_a_newer_schema(void)
{
	const char *path = fixture_path("newer.db");
	rp_error err = {0};

	store_close(store_open(path, STORE_WRITE, &err));
	CHECK_INT(fixture_sql(path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99"),
		  SQLITE_OK);
	check_refused(path, STORE_WRITE, RP_ENEWER, "newer rapport (schema 99");
	check_refused(path, STORE_READ, RP_ENEWER, "newer rapport");
}

/* A newer rapport left its last change in the WAL (no checkpoint yet):
** neither the file nor the WAL may change when we refuse it. */
static void
refuses_a_newer_schema_still_in_its_wal(void)
{
	const char *path = fixture_path("newer-wal.db");
	char wal[600], newer[300];
	rp_error err = {0};
	sqlite3 *db;
	size_t len = 0, wal_len = 0;
	char *before, *wal_before, *after, *wal_after;

	snprintf(wal, sizeof wal, "%s-wal", path);
	store_close(store_open(path, STORE_WRITE, &err));
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	snprintf(newer, sizeof newer,
		 "PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = %d;"
		 "INSERT INTO clients (name, name_key, created_at) VALUES ('N', 'n', 0);",
		 STORE_SCHEMA_VERSION + 1);
	CHECK(sqlite3_exec(db, newer, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	before = fixture_slurp(path, &len);
	wal_before = fixture_slurp(wal, &wal_len);
	CHECK(wal_before != NULL && wal_len > 0);
	CHECK(store_open(path, STORE_WRITE, &err) == NULL);
	CHECK_INT(err.status, RP_ENEWER);
	CHECK(store_open(path, STORE_READ, &err) == NULL);
	CHECK_INT(err.status, RP_ENEWER);
	after = fixture_slurp(path, &len);
	wal_after = fixture_slurp(wal, &wal_len);
	CHECK(before && after && memcmp(before, after, len) == 0);
	CHECK(wal_before && wal_after && memcmp(wal_before, wal_after, wal_len) == 0);
	free(before);
	free(after);
	free(wal_before);
	free(wal_after);
}

static void
wal_files_are_private_too(void)
{
	const char *path = fixture_path("private.db");
	char side[600];
	rp_error err = {0};
	struct stat sb;
	store *st = store_open(path, STORE_WRITE, &err);

	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err) == RP_OK);
	/* While it is open, the -wal and -shm files exist. */
	snprintf(side, sizeof side, "%s-wal", path);
	CHECK(stat(side, &sb) == 0 && (sb.st_mode & 0777) == 0600);
	snprintf(side, sizeof side, "%s-shm", path);
	CHECK(stat(side, &sb) == 0 && (sb.st_mode & 0777) == 0600);
	store_close(st);
}

static void
refuses_to_write_a_read_only_file(void)
{
	const char *path = fixture_path("ro.db");
	rp_error err = {0};
	store *st = store_open(path, STORE_WRITE, &err);
	client c;

	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err) == RP_OK);
	store_close(st);
	CHECK(chmod(path, 0400) == 0);
	check_refused(path, STORE_WRITE, RP_EREADONLY, "read-only");
	/* Reading still works. */
	st = store_open(path, STORE_READ, &err);
	CHECK(st != NULL);
	if (st) {
		CHECK(client_find(st, "ac", &c, &err) == RP_OK);
		store_close(st);
	}
	chmod(path, 0600);
}

static void
reports_a_lock_held_past_the_timeout(void)
{
	const char *path = fixture_path("locked.db");
	rp_error err = {0};
	sqlite3 *other;
	store *st = store_open(path, STORE_WRITE, &err);
	size_t len = 0;
	char *before;

	CHECK(st != NULL);
	CHECK(sqlite3_open(path, &other) == SQLITE_OK);
	CHECK(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK);
	before = fixture_slurp(path, &len);
	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err) == RP_EBUSY);
	CHECK(strstr(err.msg, "locked") != NULL);
	CHECK(before && unchanged(path, before, len));
	free(before);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err) == RP_OK);
	store_close(st);
}

static int64_t
count(store *st, const char *sql)
{
	return pragma(st, sql);
}

static void
search_tables_follow_their_rows(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t id;

	CHECK(client_add(st, &fixture_clock, "Zoë Lefèvre SARL", "Éditions Côté", 5, 14, &id,
			 &err) == RP_OK);
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'lefevre'"),
		  1);
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'LEFÈVRE'"),
		  1);
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'editions'"),
		  1);
	CHECK(sqlite3_exec(store_db(st), "UPDATE clients SET name = 'Acme' WHERE id = 1", NULL,
			   NULL, NULL) == SQLITE_OK);
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'lefevre'"),
		  0);
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'acme'"), 1);
	CHECK(sqlite3_exec(store_db(st), "DELETE FROM clients", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(sqlite3_exec(store_db(st), "INSERT INTO search_fts(search_fts) VALUES ('integrity-check')",
			   NULL, NULL, NULL) == SQLITE_OK);
	CHECK_INT(count(st, "SELECT count(*) FROM search_map"), 0);
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'acme'"), 0);
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'editions'"),
		  0);
	store_close(st);
}

static void
schema_rejects_impossible_rows(void)
{
	store *st = fixture_store();
	sqlite3 *db = store_db(st);

	CHECK(sqlite3_exec(db, "INSERT INTO clients (name, name_key, created_at, cadence_min,"
			       " cadence_max) VALUES ('A', 'a', 0, 9, 3)",
			   NULL, NULL, NULL) != SQLITE_OK);
	CHECK(sqlite3_exec(db, "INSERT INTO meetings (client_id, title, created_at)"
			       " VALUES (42, 'x', 0)",
			   NULL, NULL, NULL) != SQLITE_OK);  /* foreign key */
	store_close(st);
}

static void
sees_what_another_connection_commits(void)
{
	const char *path = fixture_path("two.db");
	rp_error err = {0};
	store *a = store_open(path, STORE_WRITE, &err);
	store *b = store_open(path, STORE_WRITE, &err);

	CHECK(a != NULL && b != NULL);
	if (a == NULL || b == NULL)
		goto out;
	CHECK(!store_changed(a));
	CHECK(!store_changed(b));
	/* Its own change is not news to a; it is to b, once. */
	CHECK(client_add(a, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err) == RP_OK);
	CHECK(!store_changed(a));
	CHECK(store_changed(b));
	CHECK(!store_changed(b));
	/* A change rolled back is no change. */
	CHECK(store_begin(b, &err) == RP_OK);
	CHECK(sqlite3_exec(store_db(b), "DELETE FROM clients", NULL, NULL, NULL) == SQLITE_OK);
	store_rollback(b);
	CHECK(!store_changed(a));
	CHECK(client_add(b, &fixture_clock, "Bolt", NULL, 5, 14, NULL, &err) == RP_OK);
	CHECK(store_changed(a));
	CHECK(!store_changed(b));
out:
	store_close(a);
	store_close(b);
}

/* A database of more than GUARD_FULL_CHECK_PAGES (64) pages: the bounded
** damage check, not the full quick_check, looks at it. */
static const char *
large_database(const char *name)
{
	const char *path = fixture_path(name);
	rp_error err = {0};

	store_close(store_open(path, STORE_WRITE, &err));
	CHECK_INT(fixture_sql(path,
		"INSERT INTO clients (name, name_key, created_at) VALUES ('Acme', 'acme', 0);"
		"INSERT INTO meetings (client_id, title, created_at) VALUES (1, 'Kickoff', 0);"
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)"
		" INSERT INTO notes (meeting_id, at, kind, text)"
		" SELECT 1, i, 'note', 'note number ' || i || ' about the budget' FROM n;"),
		SQLITE_OK);
	return path;
}

static int64_t
file_pragma(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;
	int64_t v = -1;

	if (sqlite3_open(path, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return v;
}

/* Overwrite 64 bytes of page `page` of path (after its 8-byte header). */
static void
damage_page(const char *path, int64_t page)
{
	FILE *f = fopen(path, "r+b");
	char junk[64];

	memset(junk, 0xff, sizeof junk);
	CHECK(f != NULL);
	if (f == NULL)
		return;
	CHECK(fseek(f, (long)((page - 1) * 4096 + 8), SEEK_SET) == 0);
	CHECK(fwrite(junk, 1, sizeof junk, f) == sizeof junk);
	fclose(f);
}

static void
opens_a_whole_large_database_for_writing(void)
{
	const char *path = large_database("large.db");
	rp_error err = {0};
	store *st;

	CHECK(file_pragma(path, "PRAGMA page_count") > 64);
	st = store_open(path, STORE_WRITE, &err);
	CHECK(st != NULL);
	if (st == NULL)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
	store_close(st);
}

static void
refuses_to_write_a_large_database_with_a_damaged_notes_tree(void)
{
	const char *path = large_database("large-bad.db");
	int64_t root = file_pragma(path, "SELECT rootpage FROM sqlite_schema WHERE name = 'notes'");
	rp_error err = {0};
	store *st;

	CHECK(file_pragma(path, "PRAGMA page_count") > 64);
	/* The root of a table this size is an interior page: every insert
	** goes through it. */
	CHECK(root > 1);
	damage_page(path, root);
	check_refused(path, STORE_WRITE, RP_ECORRUPT, "is damaged (table notes is damaged)");
	/* Reading is still allowed: it writes nothing. */
	st = store_open(path, STORE_READ, &err);
	CHECK(st != NULL);
	store_close(st);
}

static void
refuses_a_stored_trigger_and_runs_no_code(void)
{
	const char *path = fixture_path("trigger.db");
	rp_error err = {0};
	store *st = store_open(path, STORE_READ, &err);

	CHECK(st == NULL);  /* no file yet */
	store_close(store_open(path, STORE_WRITE, &err));
	st = store_open(path, STORE_READ, &err);
	CHECK(st != NULL);
	if (st) {
		/* A reader never trusts the schema; a writer does only once it
		** is known to be rapport's own. */
		CHECK_INT(pragma(st, "PRAGMA trusted_schema"), 0);
		store_close(st);
	}
	CHECK_INT(fixture_sql(path, "CREATE TRIGGER copy AFTER INSERT ON notes BEGIN"
				    " INSERT INTO facts (client_id, text, learned_at)"
				    " VALUES (1, new.text, 0); END;"),
		  SQLITE_OK);
	check_refused(path, STORE_WRITE, RP_ENOTDB, "trigger \"copy\" on notes is not one of rapport's");
	check_refused(path, STORE_READ, RP_ENOTDB, "trigger \"copy\" on notes");
}

/* A trigger another program adds while rapport has the file open does
** nothing: the writer's authorizer refuses what it would do. */
static void
a_trigger_added_while_open_does_nothing(void)
{
	const char *path = fixture_path("late-trigger.db");
	rp_error err = {0};
	store *st = store_open(path, STORE_WRITE, &err);

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err) == RP_OK);
	CHECK_INT(fixture_sql(path, "CREATE TRIGGER copy AFTER INSERT ON clients BEGIN"
				    " INSERT INTO touchpoints (client_id, at, text)"
				    " VALUES (new.id, 0, new.name); END;"),
		  SQLITE_OK);
	CHECK(client_add(st, &fixture_clock, "Bolt", NULL, 5, 14, NULL, &err) != RP_OK);
	CHECK_INT(pragma(st, "SELECT count(*) FROM touchpoints"), 0);
	CHECK_INT(pragma(st, "SELECT count(*) FROM clients"), 1);
	store_close(st);
}

/* Another program replaces the body of one of rapport's triggers, under
** its name, while a writer has the file open.  A change in a transaction
** is refused (store_begin checks the schema again); one on its own is held
** by the authorizer to what rapport's trigger of that name writes.  The
** new body never runs. */
static void
a_trigger_replaced_while_open_does_nothing(void)
{
	const char *path = fixture_path("swapped-trigger.db");
	rp_error err = {0};
	store *st = store_open(path, STORE_WRITE, &err);
	int64_t client_id = 0;

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &client_id, &err) == RP_OK);
	CHECK(store_begin(st, &err) == RP_OK);
	store_rollback(st);
	CHECK_INT(fixture_sql(path, "DROP TRIGGER facts_search_ai;"
				    " CREATE TRIGGER facts_search_ai AFTER INSERT ON facts BEGIN"
				    " UPDATE clients SET name = 'pwned'; END;"),
		  SQLITE_OK);
	CHECK_INT(store_begin(st, &err), RP_ENOTDB);
	CHECK(strstr(err.msg, "trigger \"facts_search_ai\" is not the one rapport created") != NULL);
	CHECK(strstr(err.msg, "nothing was written") != NULL);
	CHECK(sqlite3_get_autocommit(store_db(st)));
	CHECK(fact_add(st, &fixture_clock, client_id, 0, "back from Bali", 0, 0, NULL, &err) !=
	      RP_OK);
	CHECK_INT(pragma(st, "SELECT count(*) FROM clients WHERE name = 'pwned'"), 0);
	CHECK_INT(pragma(st, "SELECT count(*) FROM facts"), 0);
	store_close(st);
}

static void
count_problem(void *ctx, const char *problem)
{
	(void)problem;
	(*(int *)ctx)++;
}

static void
check_reports_each_problem(void)
{
	const char *path = fixture_path("checked.db");
	rp_error err = {0};
	int problems = -1, seen = 0;

	store_close(store_open(path, STORE_WRITE, &err));
	CHECK_INT(store_check(path, count_problem, &seen, &problems, &err), RP_OK);
	CHECK_INT(problems, 0);
	CHECK_INT(seen, 0);
	CHECK_INT(fixture_sql(path, "CREATE VIEW v AS SELECT 1; CREATE TABLE mine (x);"
				    " DROP INDEX notes_meeting;"), SQLITE_OK);
	CHECK_INT(store_check(path, count_problem, &seen, &problems, &err), RP_OK);
	CHECK_INT(problems, 3);
	CHECK_INT(seen, 3);
	CHECK_INT(store_check(fixture_path("nothing.db"), count_problem, &seen, &problems, &err),
		  RP_ENOTFOUND);
}

/* The first reading command after an upgrade of rapport brings a file it
** may write up to date, then reads it; one it may not write is refused, and
** left as it was. */
static void
reading_an_older_file_upgrades_it_when_it_may(void)
{
	char *path = strdup(fixture_path("older.db")), *locked = strdup(fixture_path("older-0400.db"));
	rp_error err = {0};
	store *st = store_open_version(path, 1, &err);

	CHECK(st != NULL);
	store_close(st);
	st = store_open_version(locked, 1, &err);
	CHECK(st != NULL);
	store_close(st);
	CHECK(chmod(locked, 0400) == 0);

	st = store_open(path, STORE_READ, &err);
	CHECK(st != NULL);
	CHECK(st != NULL && !store_writable(st));
	if (st)
		CHECK_INT(pragma(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	store_close(st);

	st = store_open(locked, STORE_READ, &err);
	CHECK(st == NULL);
	CHECK_INT(err.status, RP_EREADONLY);
	CHECK(strstr(err.msg, "needs an upgrade") != NULL);
	store_close(st);
	free(path);
	free(locked);
}

/* A row another tool wrote past a CHECK constraint: SQLite checks those
** only through a handle that may write, so rapport check, which must not
** write, still finds it, and leaves the file as it was. */
static void
check_finds_a_broken_check_constraint(void)
{
	char *path = strdup(fixture_path("checked-kind.db"));
	rp_error err = {0};
	int problems = -1, seen = 0;
	size_t len_before, len_after;
	char *before, *after;

	store_close(store_open(path, STORE_WRITE, &err));
	CHECK_INT(fixture_sql(path, "INSERT INTO clients (name, name_key, cadence_min, cadence_max, created_at)"
				    " VALUES ('Zoe', 'zoe', 5, 14, 1);"
				    " INSERT INTO meetings (client_id, title, state, created_at)"
				    " VALUES (1, 'Kickoff', 'ended', 1);"
				    " INSERT INTO notes (meeting_id, at, kind, text)"
				    " VALUES (1, 1, 'need', 'budget');"
				    " PRAGMA ignore_check_constraints = ON;"
				    " UPDATE notes SET kind = 'nonsense';"), SQLITE_OK);
	before = fixture_slurp(path, &len_before);
	CHECK_INT(store_check(path, count_problem, &seen, &problems, &err), RP_OK);
	CHECK_INT(problems, 1);
	after = fixture_slurp(path, &len_after);
	CHECK(before && after && len_before == len_after && memcmp(before, after, len_after) == 0);
	CHECK(access(fixture_path("checked-kind.db-wal"), F_OK) != 0);
	CHECK(access(fixture_path("checked-kind.db-shm"), F_OK) != 0);
	free(before);
	free(after);
	free(path);
}

/* Schema 5 makes the meetings table again: everything that points to a
** meeting (agenda, notes, facts, follow-ups, talk, prompts, openers) is
** still there after the upgrade, ids kept; a meeting can now be
** cancelled; and touchpoints logged before are found by search. */
static void
upgrading_to_5_keeps_every_meeting_and_what_hangs_on_it(void)
{
	const char *path = fixture_path("five.db");
	rp_error err = {0};
	store *st = store_open_version(path, 4, &err);

	CHECK(st != NULL);
	store_close(st);
	CHECK_INT(fixture_sql(path,
		"INSERT INTO clients (id, name, name_key, created_at) VALUES (3, 'Acme', 'acme', 1);"
		" INSERT INTO meetings (id, client_id, title, state, started_at, ended_at, created_at)"
		" VALUES (7, 3, 'Kickoff', 'ended', 100, 200, 50);"
		" INSERT INTO meetings (id, client_id, title, state, planned_at, created_at)"
		" VALUES (9, 3, 'Weekly', 'planned', 900, 60);"
		" INSERT INTO agenda_items (id, meeting_id, position, title) VALUES (11, 7, 1, 'Budget');"
		" INSERT INTO notes (id, meeting_id, item_id, at, kind, text)"
		" VALUES (21, 7, 11, 120, 'question', 'can we self-host');"
		" INSERT INTO facts (client_id, text, learned_at, meeting_id) VALUES (3, 'Bali', 130, 7);"
		" INSERT INTO followups (client_id, meeting_id, note_id, text, created_at)"
		" VALUES (3, 7, 21, 'send plan', 140);"
		" INSERT INTO talk_segments (meeting_id, speaker, started_at, ended_at)"
		" VALUES (7, 'you', 100, 150);"
		" INSERT INTO prompt_log (meeting_id, key, action, text, at)"
		" VALUES (7, 'k', 'used', 't', 160);"
		" INSERT INTO touchpoints (client_id, at, text) VALUES (3, 300, 'emailed the zephyr plan');"),
		  SQLITE_OK);

	st = store_open(path, STORE_WRITE, &err);
	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(pragma(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(pragma(st, "PRAGMA foreign_keys"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM meetings"), 2);
	/* Schema 6: a calendar identity of 32 hex digits, made once. */
	CHECK_INT(pragma(st, "SELECT count(*) FROM settings WHERE key = 'calendar_id'"
			     " AND length(value) = 32 AND value NOT GLOB '*[^0-9a-f]*'"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM meetings WHERE ical_uid IS NULL"
			     " AND ical_sequence = 0"), 2);
	CHECK_INT(pragma(st, "SELECT planned_at FROM meetings WHERE id = 9"), 900);
	CHECK_INT(pragma(st, "SELECT ended_at FROM meetings WHERE id = 7 AND state = 'ended'"), 200);
	CHECK_INT(pragma(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = 7"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM notes WHERE meeting_id = 7"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM facts WHERE meeting_id = 7"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM followups WHERE meeting_id = 7"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM talk_segments WHERE meeting_id = 7"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM prompt_log WHERE meeting_id = 7"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	CHECK_INT(pragma(st, "SELECT kind = 'other' FROM touchpoints"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM search_map m JOIN search_fts f ON f.rowid = m.fts"
			     " WHERE m.src = 5 AND search_fts MATCH 'zephyr'"), 1);
	CHECK_INT(pragma(st, "UPDATE meetings SET state = 'cancelled', cancelled_at = 1000"
			     " WHERE id = 9 RETURNING id"), 9);
	/* Deleting a meeting still cascades: the foreign keys are back on. */
	CHECK_INT(pragma(st, "DELETE FROM meetings WHERE id = 7 RETURNING id"), 7);
	CHECK_INT(pragma(st, "SELECT count(*) FROM notes"), 0);
	CHECK_INT(pragma(st, "SELECT count(*) FROM facts WHERE meeting_id IS NULL"), 1);
	store_close(st);
}

/* A begin inside a transaction is a savepoint: its rollback undoes only
** the inner part, and the outer rollback undoes everything. */
static void
nested_begin_is_a_savepoint(void)
{
	const char *path = fixture_path("nested.db");
	rp_error err = {0};
	store *st = store_open(path, STORE_WRITE, &err);
	client c;

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(store_begin(st, &err), RP_OK);
	CHECK_INT(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err), RP_OK);
	CHECK_INT(store_begin(st, &err), RP_OK);
	CHECK_INT(client_add(st, &fixture_clock, "Globex", NULL, 5, 14, NULL, &err), RP_OK);
	store_rollback(st);
	CHECK_INT(store_commit(st, &err), RP_OK);
	CHECK_INT(client_find(st, "acme", &c, &err), RP_OK);
	CHECK_INT(client_find(st, "globex", &c, &err), RP_ENOTFOUND);
	CHECK_INT(store_begin(st, &err), RP_OK);
	CHECK_INT(client_add(st, &fixture_clock, "Initech", NULL, 5, 14, NULL, &err), RP_OK);
	store_rollback(st);
	CHECK_INT(client_find(st, "initech", &c, &err), RP_ENOTFOUND);
	/* And a transaction afterwards is a real one again. */
	CHECK_INT(store_begin(st, &err), RP_OK);
	CHECK_INT(store_commit(st, &err), RP_OK);
	CHECK(sqlite3_get_autocommit(store_db(st)));
	store_close(st);
}

/* ---- Schema 8: a search index that keeps no copy of the text ---------- */

static const rp_date eight_today = {2026, 11, 26};

static int64_t
eight_say(store *st, int64_t meeting, const char *line)
{
	parsed_note p;
	rp_error err = {0};
	int64_t id = 0;

	fixture_now += 60;
	if (note_parse_line(line, eight_today, &p, &err) != RP_OK ||
	    record_note(st, &fixture_clock, meeting, 0, NOTE_PHASE_LIVE, &p, &id, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
	return id;
}

/* Each hit of query as "what|client|meeting|note|snippet", one a line,
** in the order given: newest first then best first. */
static char *
eight_hits(store *st, const char *query)
{
	size_t cap = 8192, len = 0;
	char *out = malloc(cap);

	out[0] = '\0';
	for (int order = 0; order < 2; order++) {
		search_result *r = NULL;
		rp_error err = {0};

		if (search_run(st, query, order ? SEARCH_BEST : SEARCH_NEWEST, 50, &r, &err) != RP_OK) {
			len += (size_t)snprintf(out + len, cap - len, "error: %s\n", err.msg);
			continue;
		}
		for (size_t i = 0; i < r->nhits && len < cap; i++) {
			const search_hit *h = &r->hits[i];

			len += (size_t)snprintf(out + len, cap - len, "%s|%s|%lld|%lld|%s\n", h->what,
						h->client, (long long)h->meeting_id,
						(long long)h->note_id, h->snippet);
		}
		if (len < cap)
			len += (size_t)snprintf(out + len, cap - len, "--\n");
		search_free(r);
	}
	return out;
}

/* Does query find what holds part (or, part NULL, nothing at all)? */
static bool
eight_finds(store *st, const char *query, const char *part)
{
	char *hits = eight_hits(st, query);
	bool yes = part ? strstr(hits, part) != NULL : strcmp(hits, "--\n--\n") == 0;

	free(hits);
	return yes;
}

/* lines without those that begin with one of drop[] (NULL-ended). */
static char *
without(const char *lines, const char *const *drop)
{
	char *out = malloc(strlen(lines) + 1), *o = out;

	for (const char *p = lines; *p;) {
		size_t n = strcspn(p, "\n") + 1;
		bool keep = true;

		for (const char *const *d = drop; *d; d++)
			if (strncmp(p, *d, strlen(*d)) == 0)
				keep = false;
		if (keep) {
			memcpy(o, p, n);
			o += n;
		}
		p += n;
	}
	*o = '\0';
	return out;
}

/* A file schema 7 made (an older rapport): notes, facts and follow-ups
** that repeat their notes and some that do not, rows edited, every kind of
** text.  Upgraded, it finds what it found, with the same snippets, each
** line listed once; the file and its index are whole; and the index
** follows notes added, edited and deleted after. */
static void
upgrading_to_8_finds_the_same_with_no_copy_of_the_text(void)
{
	static const char *const words[] = {"api", "sailing", "golf", "bali", "budget", "plan",
					    "lefevre", "marina", "anna", "sundays", "zephyr"};
	static const char *const repeats[] = {"fact|Zoë Lefèvre SARL|1|0|loves \x02sailing",
					      "follow-up|Zoë Lefèvre SARL|1|3|send the \x02" "API",
					      "follow-up|Zoë Lefèvre SARL|1|3|send the API \x02plan",
					      NULL};
	const char *path = fixture_path("seven.db");
	agenda_spec items[1] = {{"Budget review", 15}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 1};
	char *before[sizeof words / sizeof words[0]], buf[256];
	int64_t zoe, m, golf, fact, later;
	rp_error err = {0};
	parsed_note p;
	store *st = store_open_version(path, 7, &err);

	CHECK(st != NULL);
	if (st == NULL)
		return;
	fixture_now = 1795687200 - 30 * 86400;
	CHECK(client_add(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, &zoe, &err) == RP_OK);
	args.client_id = zoe;
	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_OK);
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	eight_say(st, m, "! worried the API slips");              /* note 1 */
	eight_say(st, m, "* loves sailing in Brittany");          /* 2, its fact repeats it */
	eight_say(st, m, "> @anna send the API plan ^fri");       /* 3, its follow-up too */
	eight_say(st, m, "> call @anna about the marina");        /* 4: its follow-up does not */
	golf = eight_say(st, m, "* plays golf on sundays");       /* 5 */
	CHECK_INT(pragma(st, "SELECT count(*) FROM facts WHERE note_id = 5"), 1);
	fact = pragma(st, "SELECT id FROM facts WHERE note_id = 5");
	CHECK(fact_edit(st, fact, FACT_SPORT, "plays golf badly", &err) == RP_OK);
	CHECK(fact_add(st, &fixture_clock, zoe, FACT_TRAVEL, "back from a trip to Bali", m, 0, NULL,
		       &err) == RP_OK);
	CHECK(note_parse_line("they met Mme Lefèvre's équipe about the plan", eight_today, &p,
			      &err) == RP_OK);
	CHECK(record_note_replace(st, &fixture_clock, eight_say(st, m, "they met"), &p, &err) ==
	      RP_OK);
	CHECK_INT(fixture_sql(path, "INSERT INTO touchpoints (client_id, at, text)"
				    " VALUES (1, 1795600000, 'emailed the zephyr plan');"
				    " INSERT INTO people (client_id, name, name_key, role, created_at)"
				    " VALUES (1, 'Anna Berg', 'anna berg', 'golf partner', 1795600001);"),
		  SQLITE_OK);
	CHECK_INT(pragma(st, "SELECT count(*) FROM search_fts_content"), 15);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		before[i] = eight_hits(st, words[i]);
	store_close(st);

	st = store_open(path, STORE_WRITE, &err);
	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(pragma(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	/* The room the copy took is given back: the file was compacted. */
	CHECK_INT(pragma(st, "PRAGMA freelist_count"), 0);
	/* No copy: the index reads the rows. */
	CHECK_INT(pragma(st, "SELECT count(*) FROM sqlite_schema WHERE name = 'search_fts_content'"),
		  0);
	CHECK_INT(pragma(st, "SELECT count(*) FROM search_map"), 13);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		char *now = eight_hits(st, words[i]), *want = without(before[i], repeats);

		CHECK_STR(now, want);
		free(now);
		free(want);
	}
	/* What is left out was there: one of each kind, found by their words. */
	CHECK(strstr(before[1], repeats[0]) != NULL);  /* sailing */
	CHECK(strstr(before[0], repeats[1]) != NULL);  /* api */
	CHECK(strstr(before[5], repeats[2]) != NULL);  /* plan */
	CHECK_STR(pragma_text(st, "PRAGMA integrity_check", buf, sizeof buf), "ok");
	CHECK(sqlite3_exec(store_db(st), "INSERT INTO search_fts (search_fts, rank)"
			   " VALUES ('integrity-check', 1)", NULL, NULL, NULL) == SQLITE_OK);

	/* After: added, edited, deleted. */
	later = eight_say(st, m, "the zeppelin lands at noon");
	CHECK(eight_finds(st, "zeppelin", "note|Zoë Lefèvre SARL|1|"));
	CHECK(note_parse_line("the airship lands at noon", eight_today, &p, &err) == RP_OK);
	CHECK(record_note_replace(st, &fixture_clock, later, &p, &err) == RP_OK);
	CHECK(eight_finds(st, "zeppelin", NULL));
	CHECK(eight_finds(st, "airship", "|the \x02" "airship\x03 lands at noon\n"));
	CHECK(record_note_delete(st, later, &err) == RP_OK);
	CHECK(eight_finds(st, "airship", NULL));
	/* The golf note goes with its fact, edited, that said more. */
	CHECK(eight_finds(st, "badly", "fact|"));
	CHECK(record_note_delete(st, golf, &err) == RP_OK);
	CHECK(eight_finds(st, "badly", NULL));
	CHECK(eight_finds(st, "sundays", NULL));
	CHECK(sqlite3_exec(store_db(st), "INSERT INTO search_fts (search_fts, rank)"
			   " VALUES ('integrity-check', 1)", NULL, NULL, NULL) == SQLITE_OK);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		free(before[i]);
	store_close(st);
}

/* ---- Schema 10: smaller indexes, the same answers ---------------------- */

typedef struct shown {
	char *buf;
	size_t len, cap;
} shown;

static void __attribute__((format(printf, 2, 3)))
show(shown *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (s->len + (size_t)n + 1 > s->cap) {
		char *grown;

		s->cap = (s->len + (size_t)n + 1) * 2;
		if ((grown = realloc(s->buf, s->cap)) == NULL)
			abort();
		s->buf = grown;
	}
	va_start(ap, fmt);
	vsnprintf(s->buf + s->len, s->cap - s->len, fmt, ap);
	va_end(ap);
	s->len += (size_t)n;
}

#define OR_NONE(t) ((t) ? (t) : "-")

/* Everything the client's screens find, list and count, as text: searches
** (the #topic one too), the meeting as exported, the follow-ups listed for
** the client and across clients, Prep, the meetings' counts, Review's list
** and the history at a glance. */
static char *
ten_show(store *st, int64_t who, int64_t meeting, int64_t next)
{
	static const char *const words[] = {"api", "budget", "sailing", "host", "#infra",
					    "#infra api", "march", "bank", "venue"};
	static const rp_date today = {2026, 11, 26};
	shown s = {0};
	rp_error err = {0};
	char *json = NULL, lines[3][HISTORY_LINE_MAX];
	followup_list *l = NULL;
	prep *p = NULL;
	timeline *t = NULL;
	history *h = NULL;
	meeting_entry e;

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		char *hits = eight_hits(st, words[i]);

		show(&s, "search %s\n%s", words[i], hits);
		free(hits);
	}
	if (export_json(st, &fixture_clock, meeting, true, &json, &err) == RP_OK)
		show(&s, "export %s\n", json);
	else
		show(&s, "export: %s\n", err.msg);
	free(json);
	for (int across = 0; across < 2; across++) {
		followup_filter f = {.client_id = across ? 0 : who, .today = "2026-11-26"};

		if (followup_list_load(st, &f, &l, &err) != RP_OK) {
			show(&s, "follow-ups: %s\n", err.msg);
			continue;
		}
		for (size_t i = 0; i < l->n; i++)
			show(&s, "follow-up %lld|%s|%s|%s|%lld|%d|%d\n", (long long)l->items[i].id,
			     l->items[i].text, OR_NONE(l->items[i].owner), OR_NONE(l->items[i].due),
			     (long long)l->items[i].person_id, l->items[i].theirs,
			     l->items[i].overdue);
		followup_list_free(l);
	}
	if (prep_load(st, who, "2026-11-26", &p, &err) == RP_OK) {
		show(&s, "prep next %lld last %lld\n", (long long)p->next_meeting,
		     (long long)p->last_meeting);
		for (size_t i = 0; i < p->nfollowups; i++)
			show(&s, "prep follow-up %lld|%s|%s|%lld\n", (long long)p->followups[i].id,
			     p->followups[i].text, OR_NONE(p->followups[i].owner),
			     (long long)p->followups[i].person_id);
		for (size_t i = 0; i < p->nfacts; i++)
			show(&s, "prep fact %lld|%s|%s\n", (long long)p->facts[i].id,
			     p->facts[i].text, OR_NONE(p->facts[i].person));
		for (size_t i = 0; i < p->nnotes; i++)
			show(&s, "prep note %lld|%s\n", (long long)p->notes[i].id, p->notes[i].text);
		for (size_t i = 0; i < p->ncarry; i++)
			show(&s, "prep carry %s|%d\n", p->carry[i].title, p->carry[i].carry_count);
		for (size_t i = 0; i < p->nquestions; i++)
			show(&s, "prep question %lld|%s\n", (long long)p->questions[i].id,
			     p->questions[i].text);
		for (size_t i = 0; i < p->nconcerns; i++)
			show(&s, "prep concern %lld|%s\n", (long long)p->concerns[i].id,
			     p->concerns[i].text);
		for (size_t i = 0; i < p->nquotes; i++)
			show(&s, "prep quote %lld|%s\n", (long long)p->quotes[i].id,
			     p->quotes[i].text);
		prep_free(p);
	} else {
		show(&s, "prep: %s\n", err.msg);
	}
	for (int i = 0; i < 2; i++)
		if (meeting_get(st, i ? next : meeting, &e, &err) == RP_OK)
			show(&s, "meeting %lld: %d items, %d notes\n", (long long)e.id, e.items,
			     e.notes);
	if (timeline_load(st, who, 10, &t, &err) == RP_OK) {
		for (size_t i = 0; i < t->n; i++)
			show(&s, "review %lld|%s|%d\n", (long long)t->entries[i].id,
			     t->entries[i].what, t->entries[i].notes);
		timeline_free(t);
	}
	if (history_load(st, who, today, &h, &err) == RP_OK) {
		history_lines(h, false, lines);
		show(&s, "history %s\n%s\n%s\n", lines[0], lines[1], lines[2]);
		history_free(h);
	}
	return s.buf;
}

/* A file schema 9 made: a client, their person, a meeting held with notes
** of every kind (#topics, actions with an owner who is the person and
** without, one done, a fact about the person), the item not reached
** carried into the next meeting, which has a prep note.  Upgraded, it
** finds, lists and counts the same; the indexes made smaller still serve
** the foreign keys (a person removed, an item deleted) and what is noted
** after. */
static void
upgrading_to_10_finds_lists_and_counts_the_same(void)
{
	const char *path = fixture_path("nine.db");
	agenda_spec items[2] = {{"Budget review", 15}, {"Hosting", 10}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 2};
	int64_t zoe, anna, m, next;
	char *before, *after, buf[256];
	rp_error err = {0};
	parsed_note p;
	store *st = store_open_version(path, 9, &err);

	CHECK(st != NULL);
	if (st == NULL)
		return;
	fixture_now = 1795687200 - 30 * 86400;
	CHECK(client_add(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, &zoe, &err) == RP_OK);
	CHECK(person_add(st, &fixture_clock, zoe, &(person_fields){.name = "Anna Berg"}, &anna,
			 &err) == RP_OK);
	args.client_id = zoe;
	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_OK);
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	eight_say(st, m, "! worried the API slips #infra");
	eight_say(st, m, "? can we self-host it #infra");
	eight_say(st, m, "\"we need it by March\"");
	eight_say(st, m, "> @anna send the API plan ^fri");
	eight_say(st, m, "> call the bank about the budget");          /* note 5 */
	eight_say(st, m, "* Anna: loves sailing in Brittany");
	eight_say(st, m, "= budget approved #budget");
	eight_say(st, m, "~ the budget is a stretch");
	CHECK(followup_set_status(st, &fixture_clock,
				  pragma(st, "SELECT id FROM followups WHERE note_id = 5"),
				  FOLLOWUP_DONE, &err) == RP_OK);
	CHECK(meeting_end(st, &fixture_clock, m, &err) == RP_OK);
	fixture_now += 7 * 86400;
	args = (meeting_plan_args){.client_id = zoe, .title = "Weekly",
				   .planned_at = 1795687200 + 86400};
	CHECK(meeting_plan(st, &fixture_clock, &args, &next, &err) == RP_OK);
	CHECK(note_parse_line("ask about the hosting quote", eight_today, &p, &err) == RP_OK);
	CHECK(record_note(st, &fixture_clock, next, 0, NOTE_PHASE_PREP, &p, NULL, &err) == RP_OK);
	/* What the smaller indexes are about is there to be found. */
	CHECK_INT(pragma(st, "SELECT count(*) FROM note_topics"), 3);
	CHECK_INT(pragma(st, "SELECT count(*) FROM followups WHERE person_id IS NOT NULL"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM facts WHERE person_id IS NOT NULL"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM agenda_items WHERE carried_from IS NOT NULL"), 2);
	CHECK_INT(pragma(st, "SELECT count(*) FROM followups WHERE status = 'open'"), 1);
	before = ten_show(st, zoe, m, next);
	store_close(st);

	st = store_open(path, STORE_WRITE, &err);
	CHECK(st != NULL);
	if (st == NULL) {
		free(before);
		return;
	}
	CHECK_INT(pragma(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	after = ten_show(st, zoe, m, next);
	CHECK_STR(after, before);
	/* The answers are the ones wanted, not only the same. */
	CHECK(strstr(before, "search #infra api\nconcern|Zoë Lefèvre SARL|1|1|worried the"
			     " \x02" "API\x03 slips #\x02" "infra\x03\n--\n") != NULL);
	CHECK(strstr(before, "follow-up 1|send the API plan|Anna Berg|2026-11-27|1|1|0\n") != NULL);
	CHECK(strstr(before, "prep fact 1|Anna: loves sailing in Brittany|Anna Berg\n") != NULL);
	CHECK(strstr(before, "prep note 9|ask about the hosting quote\n") != NULL);
	CHECK(strstr(before, "prep question 2|") != NULL);
	CHECK(strstr(before, "prep concern 1|") != NULL);
	CHECK(strstr(before, "prep quote 3|") != NULL);
	CHECK(strstr(before, "meeting 1: 2 items, 8 notes\nmeeting 2: 2 items, 0 notes\n") != NULL);
	CHECK(strstr(before, "review 1|ended|8\n") != NULL);
	CHECK(strstr(before, "1 open, 1 closed") != NULL);
	CHECK(strstr(before, "\"text\": \"the budget is a stretch\"") != NULL);
	free(after);
	free(before);
	CHECK_INT(pragma(st, "SELECT count(*) FROM sqlite_schema WHERE name = 'note_topics_topic'"), 0);
	CHECK(strstr(pragma_text(st, "SELECT sql FROM sqlite_schema WHERE name = 'followups_client'",
				 buf, sizeof buf), "WHERE status = 'open'") != NULL);
	CHECK_STR(pragma_text(st, "PRAGMA integrity_check", buf, sizeof buf), "ok");

	/* The foreign keys find their rows through the partial indexes. */
	CHECK(person_remove(st, anna, &err) == RP_OK);
	CHECK_INT(pragma(st, "SELECT count(*) FROM followups WHERE person_id IS NOT NULL"), 0);
	CHECK_INT(pragma(st, "SELECT count(*) FROM facts WHERE person_id IS NOT NULL"), 0);
	CHECK_INT(pragma(st, "DELETE FROM agenda_items WHERE meeting_id = 1 AND title = 'Hosting'"
			     " RETURNING 1"), 1);
	CHECK_INT(pragma(st, "SELECT count(*) FROM agenda_items WHERE carried_from IS NOT NULL"), 1);
	/* What is noted after is listed: an open follow-up, a done one. */
	CHECK(meeting_start(st, &fixture_clock, next, &err) == RP_OK);
	eight_say(st, next, "> book the venue #infra");
	CHECK(followup_set_status(st, &fixture_clock,
				  pragma(st, "SELECT id FROM followups WHERE note_id = 5"),
				  FOLLOWUP_OPEN, &err) == RP_OK);
	after = ten_show(st, zoe, next, m);
	CHECK(strstr(after, "follow-up 1|send the API plan|anna|2026-11-27|0|0|0\n"
			     "follow-up 2|call the bank about the budget|-|-|0|0|0\n"
			     "follow-up 3|book the venue #infra|-|-|0|0|0\n") != NULL);
	CHECK(strstr(after, "prep follow-up 3|book the venue #infra|-|0\n") != NULL);
	CHECK(strstr(after, "prep fact 1|Anna: loves sailing in Brittany|-\n") != NULL);
	CHECK(strstr(after, "search #infra\naction|Zoë Lefèvre SARL|2|10|book the venue #\x02") != NULL);
	CHECK(strstr(after, "meeting 2: 2 items, 1 notes\nmeeting 1: 1 items, 8 notes\n") != NULL);
	CHECK(strstr(after, "3 open, 0 closed") != NULL);
	free(after);
	CHECK_STR(pragma_text(st, "PRAGMA integrity_check", buf, sizeof buf), "ok");
	store_close(st);
}

/* The statements a piece of work ran (each once), to plan them again. */
typedef struct ran {
	char *sql[256];
	size_t n;
} ran;

static int
ran_trace(unsigned type, void *ctx, void *stmt, void *unused)
{
	ran *r = ctx;
	const char *sql = sqlite3_sql(stmt);

	(void)type;
	(void)unused;
	if (sql == NULL || r->n == sizeof r->sql / sizeof r->sql[0])
		return 0;
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->sql[i], sql) == 0)
			return 0;
	r->sql[r->n++] = strdup(sql);
	return 0;
}

/* How many of the statements r holds plan a scan of a table that grows
** with the years (or of an index of one); each is reported when want is
** 0, as it is then a failure. */
static int
scans_of_the_history(store *st, const ran *r, int want)
{
	static const char *const big[] = {"notes", "followups", "facts", "agenda_items",
					  "note_topics", "talk_segments", "meetings", "search_map",
					  "touchpoints", "prompt_log", "opener_uses", "attendees"};
	int scans = 0;

	for (size_t i = 0; i < r->n; i++) {
		/* An INSERT ... SELECT into agenda_items plans the foreign keys'
		** look for orphaned notes and prompts the new item could adopt
		** (notes.item_id has no index), which SQLite runs only while a
		** deferred violation is pending: never in rapport. */
		bool adopts = strncmp(r->sql[i], "INSERT INTO agenda_items", 24) == 0 &&
			      strstr(r->sql[i], " SELECT ") != NULL;
		char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", r->sql[i]);
		sqlite3_stmt *stmt;

		if (q == NULL || sqlite3_prepare_v2(store_db(st), q, -1, &stmt, NULL) != SQLITE_OK) {
			sqlite3_free(q);
			continue;
		}
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			const char *line = (const char *)sqlite3_column_text(stmt, 3);

			for (size_t b = 0; line && b < sizeof big / sizeof big[0]; b++) {
				size_t n = strlen(big[b]);

				if (strncmp(line, "SCAN ", 5) != 0 || strncmp(line + 5, big[b], n) != 0 ||
				    (line[5 + n] != '\0' && line[5 + n] != ' '))
					continue;
				if (adopts && (strcmp(big[b], "notes") == 0 ||
					       strcmp(big[b], "prompt_log") == 0))
					continue;
				if (want == 0)
					tap_fail(__FILE__, __LINE__, "%s\n  plans %s", r->sql[i], line);
				scans++;
			}
		}
		sqlite3_finalize(stmt);
		sqlite3_free(q);
	}
	return scans;
}

/* Schema 10's smaller indexes under a ten-year file's statistics (as a
** fresh ten-year seed's PRAGMA optimize leaves them): every statement that
** a client's screens, lists, searches and edits run still reads through an
** index, none scans a table that grows with the years.  Without an index
** they rely on (followups_closed, now the one a client's follow-ups of any
** status are found by), the same check sees the scan. */
static void
the_smaller_indexes_serve_every_query(void)
{
	static const char *const lines[] = {
		"! worried the API slips #infra", "? can we self-host it #infra",
		"\"we need it by March\"", "> @anna send the API plan ^fri",
		"> call the bank about the budget", "* Anna: loves sailing in Brittany",
		"= budget approved #budget", "~ the budget is a stretch"};
	store *st = fixture_store();
	agenda_spec items[2] = {{"Budget review", 15}, {"Hosting", 10}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 2};
	followup_filter one = {.today = "2026-11-26"}, all = {.today = "2026-11-26"};
	calendar_scope scope = {0};
	int64_t zoe, anna, bob, m, next, last = 0;
	rp_error err = {0};
	session *ss = NULL;
	char *json = NULL;
	followup_list *l = NULL;
	prep *p = NULL;
	timeline *t = NULL;
	history *h = NULL;
	calendar *cal = NULL;
	search_result *r = NULL;
	meeting_entry e;
	parsed_note pn;
	ran done = {.n = 0};

	fixture_now = 1795687200 - 30 * 86400;
	CHECK(client_add(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, &zoe, &err) == RP_OK);
	CHECK(person_add(st, &fixture_clock, zoe, &(person_fields){.name = "Anna Berg"}, &anna,
			 &err) == RP_OK);
	args.client_id = zoe;
	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_OK);
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		last = eight_say(st, m, lines[i]);
	CHECK(meeting_end(st, &fixture_clock, m, &err) == RP_OK);
	CHECK(fixture_statistics(st,
				 " ('agenda_items', 'sqlite_autoindex_agenda_items_1', '89904 5 1'),"
				 " ('facts', 'facts_client', '50208 252 1'),"
				 " ('facts', 'facts_meeting', '50208 3'),"
				 " ('facts', 'facts_note', '50208 1'),"
				 " ('followups', 'followups_client', '2529 15'),"
				 " ('followups', 'followups_closed', '130040 651 1'),"
				 " ('followups', 'followups_meeting', '130040 7'),"
				 " ('followups', 'followups_note', '130040 1'),"
				 " ('followups', 'followups_open', '2529 3'),"
				 " ('followups', 'followups_person', '45439 65'),"
				 " ('meetings', 'meetings_client', '20136 101 1'),"
				 " ('meetings', 'meetings_ended', '20000 100 1'),"
				 " ('meetings', 'meetings_planned', '136 10'),"
				 " ('meetings', 'meetings_started', '20136 2'),"
				 " ('note_topics', 'note_topics', '62573 1 1'),"
				 " ('notes', 'notes_meeting', '1007524 51'),"
				 " ('notes', 'notes_prep', '5988 2 2 2'),"
				 " ('notes', 'notes_questions', '1159 2 1'),"
				 " ('notes', 'notes_quotes', '80829 5 1'),"
				 " ('people', 'sqlite_autoindex_people_1', '710 4 1'),"
				 " ('talk_segments', 'talk_meeting', '149892 8 1'),"
				 " ('touchpoints', 'touchpoints_client', '6631 34 1')") == SQLITE_OK);

	sqlite3_trace_v2(store_db(st), SQLITE_TRACE_STMT, ran_trace, &done);
	args = (meeting_plan_args){.client_id = zoe, .title = "Weekly",
				   .planned_at = 1795687200 + 86400};
	CHECK(meeting_plan(st, &fixture_clock, &args, &next, &err) == RP_OK);  /* carries */
	CHECK(note_parse_line("ask about the hosting quote", eight_today, &pn, &err) == RP_OK);
	CHECK(record_note(st, &fixture_clock, next, 0, NOTE_PHASE_PREP, &pn, NULL, &err) == RP_OK);
	CHECK(session_load(st, m, &ss, &err) == RP_OK);
	session_free(ss);
	CHECK(export_json(st, &fixture_clock, m, true, &json, &err) == RP_OK);
	free(json);
	CHECK(calendar_meeting(st, &fixture_clock, m, &cal, &err) == RP_OK);
	calendar_free(cal);
	scope.client_id = zoe;
	CHECK(calendar_clients(st, &fixture_clock, &scope, &cal, &err) == RP_OK);
	calendar_free(cal);
	CHECK(prep_load(st, zoe, "2026-11-26", &p, &err) == RP_OK);
	prep_free(p);
	one.client_id = zoe;
	CHECK(followup_list_load(st, &one, &l, &err) == RP_OK);
	followup_list_free(l);
	CHECK(followup_list_load(st, &all, &l, &err) == RP_OK);
	followup_list_free(l);
	CHECK(history_load(st, zoe, eight_today, &h, &err) == RP_OK);
	history_free(h);
	CHECK(timeline_load(st, zoe, 10, &t, &err) == RP_OK);
	timeline_free(t);
	CHECK(meeting_get(st, m, &e, &err) == RP_OK);
	for (int order = 0; order < 2; order++) {
		CHECK(search_run(st, "#infra api", order ? SEARCH_BEST : SEARCH_NEWEST, 10, &r,
				 &err) == RP_OK);
		search_free(r);
	}
	CHECK(person_add(st, &fixture_clock, zoe, &(person_fields){.name = "Bob Stone"}, &bob,
			 &err) == RP_OK);
	CHECK(person_remove(st, anna, &err) == RP_OK);
	CHECK(record_note_delete(st, last, &err) == RP_OK);
	sqlite3_trace_v2(store_db(st), 0, NULL, NULL);

	CHECK(done.n > 40);
	CHECK_INT(scans_of_the_history(st, &done, 0), 0);
	CHECK(sqlite3_exec(store_db(st), "DROP INDEX followups_closed; ANALYZE sqlite_schema;",
			   NULL, NULL, NULL) == SQLITE_OK);
	CHECK(scans_of_the_history(st, &done, 1) > 0);
	for (size_t i = 0; i < done.n; i++)
		free(done.sql[i]);
	store_close(st);
}

/* Another program replaces rapport's view under its name while a reader
** has the file open: what the new view reads beyond what rapport's reads
** is refused, not shown. */
static void
a_view_replaced_while_open_reads_nothing_more(void)
{
	const char *path = fixture_path("swapped-view.db");
	rp_error err = {0};
	store *st = store_open(path, STORE_WRITE, &err);
	search_result *r = NULL;

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err) == RP_OK);
	store_close(st);
	st = store_open(path, STORE_READ, &err);
	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK(search_run(st, "acme", SEARCH_NEWEST, 10, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 1 && strcmp(r->hits[0].snippet, "\x02" "Acme\x03") == 0);
	search_free(r);
	r = NULL;
	CHECK_INT(fixture_sql(path, "DROP VIEW search_text;"
				    " CREATE VIEW search_text (fts, text) AS SELECT fts,"
				    " (SELECT value FROM settings) FROM search_map;"),
		  SQLITE_OK);
	CHECK(search_run(st, "acme", SEARCH_NEWEST, 10, &r, &err) != RP_OK);
	CHECK(r == NULL);
	search_free(r);
	store_close(st);
}

int
main(void)
{
	RUN(creates_current_private_wal_database);
	RUN(upgrading_to_5_keeps_every_meeting_and_what_hangs_on_it);
	RUN(reopening_keeps_data_and_version);
	RUN(sees_what_another_connection_commits);
	RUN(read_mode_does_not_create);
	RUN(refuses_a_file_that_is_not_sqlite);
	RUN(refuses_another_programs_database);
	RUN(refuses_a_newer_schema);
	RUN(refuses_a_newer_schema_still_in_its_wal);
	RUN(wal_files_are_private_too);
	RUN(refuses_to_write_a_read_only_file);
	RUN(reports_a_lock_held_past_the_timeout);
	RUN(search_tables_follow_their_rows);
	RUN(schema_rejects_impossible_rows);
	RUN(opens_a_whole_large_database_for_writing);
	RUN(refuses_to_write_a_large_database_with_a_damaged_notes_tree);
	RUN(refuses_a_stored_trigger_and_runs_no_code);
	RUN(check_reports_each_problem);
	RUN(check_finds_a_broken_check_constraint);
	RUN(a_trigger_added_while_open_does_nothing);
	RUN(a_trigger_replaced_while_open_does_nothing);
	RUN(reading_an_older_file_upgrades_it_when_it_may);
	RUN(nested_begin_is_a_savepoint);
	RUN(upgrading_to_8_finds_the_same_with_no_copy_of_the_text);
	RUN(a_view_replaced_while_open_reads_nothing_more);
	RUN(upgrading_to_10_finds_lists_and_counts_the_same);
	RUN(the_smaller_indexes_serve_every_query);
	return tap_done();
}
