/* test_backup.c: backup, restore and the daily snapshots, on real files. */
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "rapport/backup.h"
#include "rapport/client.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/record.h"
#include "tap.h"

/* A copy of fixture_path(name): that one is a static buffer. */
static char *
path_of(const char *name)
{
	char *p = strdup(fixture_path(name));

	if (p == NULL)
		abort();
	return p;
}

/* A database at path with a client, a fact, a live meeting and its notes:
** rows in most tables, the search index's too. */
static void
seed(const char *path, const char *name)
{
	agenda_spec item = {.title = "Budget", .minutes = 15};
	meeting_plan_args args = {.title = "Kickoff", .items = &item, .nitems = 1};
	static const char *const lines[] = {"+ export by March #budget", "! worried the API slips",
					    "> send the plan @me ^fri", "~ they seem tense"};
	rp_error err = {0};
	int64_t client_id = 0, meeting = 0;
	store *st = store_open(path, STORE_WRITE, &err);

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(client_add(st, &fixture_clock, name, "Org", 5, 14, &client_id, &err), RP_OK);
	CHECK_INT(fact_add(st, &fixture_clock, client_id, FACT_TRAVEL, "back from Bali", 0, 0, NULL,
			   &err),
		  RP_OK);
	args.client_id = client_id;
	CHECK_INT(meeting_plan(st, &fixture_clock, &args, &meeting, &err), RP_OK);
	CHECK_INT(meeting_start(st, &fixture_clock, meeting, &err), RP_OK);
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		parsed_note p;

		CHECK_INT(note_parse_line(lines[i], (rp_date){2026, 11, 26}, &p, &err), RP_OK);
		CHECK_INT(record_note(st, &fixture_clock, meeting, 0, NOTE_PHASE_LIVE, &p, NULL, &err),
			  RP_OK);
	}
	store_close(st);
}

/* Append one row's values to *out, typed, so 1 and '1' differ. */
static void
add_row(sqlite3_stmt *stmt, char **out, size_t *len)
{
	for (int c = 0; c < sqlite3_column_count(stmt); c++) {
		const char *text = (const char *)sqlite3_column_text(stmt, c);
		int n = sqlite3_column_bytes(stmt, c);
		char *grown = realloc(*out, *len + (size_t)n + 32);

		if (grown == NULL)
			abort();
		*out = grown;
		*len += (size_t)sprintf(*out + *len, "|%d:", sqlite3_column_type(stmt, c));
		memcpy(*out + *len, text ? text : "", (size_t)n);
		*len += (size_t)n;
	}
	(*out)[(*len)++] = '\n';
	(*out)[*len] = '\0';
}

/* Every row of every table of the database at path, as text: tables by
** name, rows in the order of all their columns (the shadow tables of the
** search index have no rowid).  Virtual tables are left out: their rows are
** those of their shadow tables.  The caller frees it. */
static char *
dump(const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *tables = NULL, *rows;
	char *out = calloc(1, 1), sql[512];
	size_t len = 0;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db,
			       "SELECT name, (SELECT count(*) FROM pragma_table_info(name))"
			       " FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE "
			       "VIRTUAL%' ORDER BY name",
			       -1, &tables, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		free(out);
		return NULL;
	}
	while (sqlite3_step(tables) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(tables, 0);
		int ncols = sqlite3_column_int(tables, 1), n;
		char *grown;

		n = snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY 1", name);
		for (int c = 2; c <= ncols && n < (int)sizeof sql - 8; c++)
			n += snprintf(sql + n, sizeof sql - (size_t)n, ", %d", c);
		grown = realloc(out, len + strlen(name) + 8);
		if (grown == NULL)
			abort();
		out = grown;
		len += (size_t)sprintf(out + len, "[%s]\n", name);
		if (sqlite3_prepare_v2(db, sql, -1, &rows, NULL) != SQLITE_OK)
			continue;
		while (sqlite3_step(rows) == SQLITE_ROW)
			add_row(rows, &out, &len);
		sqlite3_finalize(rows);
	}
	sqlite3_finalize(tables);
	sqlite3_close(db);
	return out;
}

static long long
sql_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt;
	long long v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW)
			v = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	return v;
}

static bool
exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0;
}

static int
mode_of(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (int)(sb.st_mode & 0777) : -1;
}

/* Do two files hold the same bytes? */
static bool
same_bytes(const char *a, const char *b)
{
	size_t la = 0, lb = 0;
	char *da = fixture_slurp(a, &la), *db = fixture_slurp(b, &lb);
	bool same = da && db && la == lb && memcmp(da, db, la) == 0;

	free(da);
	free(db);
	return same;
}

/* Copy a file byte for byte. */
static void
copy_file(const char *from, const char *to)
{
	size_t len = 0;
	char *data = fixture_slurp(from, &len);
	FILE *f = fopen(to, "wb");

	CHECK(data != NULL && f != NULL);
	if (data && f)
		CHECK(fwrite(data, 1, len, f) == len);
	if (f)
		fclose(f);
	free(data);
}

/* The backup is a snapshot of what was committed when it began: a second
** connection's open transaction (a live meeting writing) is not in it, and
** does not stop it. */
static void
backup_during_an_open_write_transaction(void)
{
	char *db = path_of("live.db"), *copy = path_of("live-copy.db"), wal[600];
	rp_error err = {0};
	sqlite3 *other = NULL;
	store *st;
	unsigned char h[20];
	FILE *f;

	seed(db, "Acme");
	st = store_open(db, STORE_READ, &err);
	CHECK(st != NULL);
	CHECK_INT(sqlite3_open(db, &other), SQLITE_OK);
	CHECK_INT(sqlite3_exec(other,
			       "BEGIN IMMEDIATE; INSERT INTO clients(name, name_key, cadence_min,"
			       " cadence_max, created_at) VALUES ('Uncommitted', 'uncommitted', 5, 14,"
			       " 0)",
			       NULL, NULL, NULL),
		  SQLITE_OK);
	CHECK_INT(backup_write(st, copy, false, &err), RP_OK);
	CHECK_INT(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	store_close(st);

	CHECK_INT(sql_int(copy, "SELECT count(*) FROM clients"), 1);
	CHECK_INT(sql_int(db, "SELECT count(*) FROM clients"), 2);
	CHECK_INT(sql_int(copy, "SELECT count(*) FROM notes"), 4);
	CHECK_INT(sql_int(copy, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
		  1);
	CHECK_INT(mode_of(copy), 0600);
	/* Rollback-journal mode in the header (bytes 18 and 19 are 1, not the
	** 2 of WAL), and no -wal: the file is all there is. */
	f = fopen(copy, "rb");
	CHECK(f != NULL && fread(h, 1, sizeof h, f) == sizeof h);
	if (f)
		fclose(f);
	CHECK_INT(h[18], 1);
	CHECK_INT(h[19], 1);
	snprintf(wal, sizeof wal, "%s-wal", copy);
	CHECK(!exists(wal));
	free(db);
	free(copy);
}

/* An existing file is replaced only with force, and then whole. */
static void
backup_force_and_no_force(void)
{
	char *db = path_of("force.db"), *copy = path_of("force-copy.db");
	char *before = path_of("force-before.db");
	rp_error err = {0};
	store *st;

	seed(db, "Acme");
	copy_file(db, before);
	st = store_open(db, STORE_READ, &err);
	CHECK(st != NULL);
	fixture_sql(copy, "CREATE TABLE other(x); INSERT INTO other VALUES (1)");
	copy_file(copy, before);
	CHECK_INT(backup_write(st, copy, false, &err), RP_EEXIST);
	CHECK(strstr(err.msg, "already exists") != NULL);
	CHECK(same_bytes(copy, before));
	CHECK_INT(backup_write(st, copy, true, &err), RP_OK);
	CHECK_INT(sql_int(copy, "SELECT count(*) FROM clients"), 1);
	CHECK_INT(sql_int(copy, "SELECT count(*) FROM sqlite_schema WHERE name = 'other'"), 0);
	CHECK_INT(mode_of(copy), 0600);
	/* Never onto the database itself, even with force. */
	CHECK_INT(backup_write(st, db, true, &err), RP_EINVAL);
	store_close(st);
	free(db);
	free(copy);
	free(before);
}

/* A missing folder, a folder, a special file (a FIFO): refused, nothing
** left. */
static void
backup_bad_targets(void)
{
	char *db = path_of("bad.db"), *missing = path_of("no-such-folder/x.db");
	char *folder = path_of(""), *fifo = path_of("fifo");
	rp_error err = {0};
	store *st;
	DIR *dir;
	struct dirent *e;
	int temps = 0;

	seed(db, "Acme");
	st = store_open(db, STORE_READ, &err);
	CHECK(st != NULL);
	CHECK_INT(backup_write(st, missing, false, &err), RP_ENOTFOUND);
	CHECK(strstr(err.msg, "no-such-folder") != NULL);
	CHECK_INT(backup_write(st, folder, true, &err), RP_EINVAL);
	CHECK_INT(mkfifo(fifo, 0600), 0);
	CHECK_INT(backup_write(st, fifo, true, &err), RP_EINVAL);
	CHECK(strstr(err.msg, "not a regular file") != NULL);
	unlink(fifo);
	store_close(st);
	/* No temporary file was left in the test folder. */
	if ((dir = opendir(folder)) != NULL) {
		while ((e = readdir(dir)) != NULL)
			temps += strstr(e->d_name, ".tmp-") != NULL;
		closedir(dir);
	}
	CHECK_INT(temps, 0);
	free(db);
	free(missing);
	free(folder);
	free(fifo);
}

/* A snapshot restored over a database that changed since: every row of
** every table is the snapshot's again, and what it replaced is kept. */
static void
restore_a_snapshot_row_for_row(void)
{
	char *db = path_of("restore.db"), *snaps = path_of("snaps-restore");
	char *kept = path_of("restore.db.kept"), snap[600];
	char *want, *changed, *got, *kept_rows;
	rp_error err = {0};
	bool taken = false, kept_made = false;

	seed(db, "Acme");
	CHECK_INT(snapshot_take(db, snaps, (rp_date){2026, 11, 26}, SNAPSHOT_KEEP, &taken, &err),
		  RP_OK);
	CHECK(taken);
	snprintf(snap, sizeof snap, "%s/rapport-2026-11-26.db", snaps);
	want = dump(db);
	seed(db, "Beta");  /* the day goes on: another client, meeting, notes */
	changed = dump(db);
	CHECK(want && changed && strcmp(want, changed) != 0);

	CHECK_INT(backup_restore(db, snap, kept, &kept_made, &err), RP_OK);
	CHECK(kept_made);
	got = dump(db);
	kept_rows = dump(kept);
	CHECK(got && want && strcmp(got, want) == 0);
	CHECK(kept_rows && changed && strcmp(kept_rows, changed) == 0);
	CHECK_INT(mode_of(kept), 0600);
	CHECK_INT(mode_of(db), 0600);
	CHECK(strstr(want, "back from Bali") != NULL);  /* the dump holds the rows */
	/* The restored database opens, for writing, as any other. */
	{
		store *st = store_open(db, STORE_WRITE, &err);

		CHECK(st != NULL);
		store_close(st);
	}
	CHECK_INT(sql_int(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"),
		  1);
	free(want);
	free(changed);
	free(got);
	free(kept_rows);
	free(db);
	free(snaps);
	free(kept);
}

/* A missing database is created from the copy: nothing to keep. */
static void
restore_into_no_database(void)
{
	char *from = path_of("fresh-from.db"), *db = path_of("fresh.db"), *kept = path_of("fresh.kept");
	char *want, *got;
	rp_error err = {0};
	bool kept_made = true;

	seed(from, "Acme");
	want = dump(from);
	CHECK_INT(backup_restore(db, from, kept, &kept_made, &err), RP_OK);
	CHECK(!kept_made);
	CHECK(!exists(kept));
	got = dump(db);
	CHECK(want && got && strcmp(want, got) == 0);
	CHECK_INT(mode_of(db), 0600);
	free(want);
	free(got);
	free(from);
	free(db);
	free(kept);
}

/* A backup from an older rapport is put back as it is, and brought up to
** date the next time it is opened. */
static void
restore_an_older_schema(void)
{
	char *old = path_of("old.db"), *db = path_of("current.db"), *kept = path_of("current.kept");
	rp_error err = {0};
	bool kept_made;
	store *st = store_open_version(old, 1, &err);

	CHECK(st != NULL);
	store_close(st);
	seed(db, "Acme");
	CHECK_INT(backup_check(old, &err), RP_OK);
	CHECK_INT(backup_restore(db, old, kept, &kept_made, &err), RP_OK);
	CHECK_INT(sql_int(db, "PRAGMA user_version"), 1);
	st = store_open(db, STORE_WRITE, &err);
	CHECK(st != NULL);
	store_close(st);
	CHECK_INT(sql_int(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	free(old);
	free(db);
	free(kept);
}

/* Restore one bad file: refused with status want, the database, the file
** and the folder as they were. */
static void
refuse(const char *db, const char *bad, enum rp_status want, const char *says)
{
	char *db_before = path_of("refuse-db.before"), *bad_before = path_of("refuse-bad.before");
	char *kept = path_of("refuse.kept"), shm[600];
	rp_error err = {0};
	bool kept_made = true;

	copy_file(db, db_before);
	copy_file(bad, bad_before);
	CHECK_INT(backup_restore(db, bad, kept, &kept_made, &err), want);
	if (strstr(err.msg, says) == NULL)
		tap_fail(__FILE__, __LINE__, "\"%s\" does not say \"%s\"", err.msg, says);
	CHECK(!kept_made);
	CHECK(!exists(kept));
	CHECK(same_bytes(db, db_before));
	CHECK(same_bytes(bad, bad_before));
	snprintf(shm, sizeof shm, "%s-shm", bad);
	CHECK(!exists(shm));
	free(db_before);
	free(bad_before);
	free(kept);
}

static void
restore_refuses_bad_files(void)
{
	char *db = path_of("target.db"), *junk = path_of("junk.db"), *foreign = path_of("foreign.db");
	char *newer = path_of("newer.db"), *corrupt = path_of("corrupt.db");
	char *beside = path_of("beside.db"), extra[600], extra2[600];
	char *hostile = path_of("hostile.db"), *link_path;
	FILE *f;

	seed(db, "Acme");
	f = fopen(junk, "w");
	CHECK(f != NULL);
	if (f) {
		fputs("these are not the notes you are looking for\n", f);
		fclose(f);
	}
	refuse(db, junk, RP_ENOTDB, "not a SQLite database");

	fixture_sql(foreign, "CREATE TABLE recipes(name); INSERT INTO recipes VALUES ('soup')");
	refuse(db, foreign, RP_ENOTDB, "not one of rapport's");

	seed(newer, "Newer");
	fixture_sql(newer, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99");
	refuse(db, newer, RP_ENEWER, "newer rapport");

	/* A b-tree page of the clients table's unique index overwritten. */
	seed(corrupt, "Corrupt");
	fixture_sql(corrupt, "PRAGMA journal_mode = DELETE");
	{
		long long page = sql_int(corrupt, "SELECT rootpage FROM sqlite_schema WHERE name ="
						  " 'sqlite_autoindex_clients_1'");
		unsigned char junk_bytes[200];

		memset(junk_bytes, 0xff, sizeof junk_bytes);
		f = fopen(corrupt, "r+b");
		CHECK(f != NULL && page > 1);
		if (f) {
			fseek(f, (long)((page - 1) * 4096 + 8), SEEK_SET);
			fwrite(junk_bytes, 1, sizeof junk_bytes, f);
			fclose(f);
		}
	}
	refuse(db, corrupt, RP_ECORRUPT, "damaged");

	/* Another program's code in the file: a trigger added, one of
	** rapport's rewritten, a view. */
	seed(hostile, "Hostile");
	fixture_sql(hostile, "PRAGMA journal_mode = DELETE;"
			     " CREATE TRIGGER leak AFTER INSERT ON notes BEGIN"
			     " UPDATE clients SET org = new.text; END");
	refuse(db, hostile, RP_ENOTDB, "hostile.db: trigger \"leak\" on notes is not one of rapport's");
	fixture_sql(hostile, "DROP TRIGGER leak; DROP TRIGGER notes_search_ai;"
			     " CREATE TRIGGER notes_search_ai AFTER INSERT ON notes BEGIN"
			     " DELETE FROM notes; END");
	refuse(db, hostile, RP_ENOTDB, "trigger \"notes_search_ai\" is not the one rapport created");
	fixture_sql(hostile, "DROP TRIGGER notes_search_ai; CREATE VIEW v AS SELECT 1");
	refuse(db, hostile, RP_ENOTDB, "view \"v\" is not one of rapport's");
	/* Not code, but not rapport's schema either: a column of its own, a
	** table of its own.  Restore checks what every command checks. */
	fixture_sql(hostile, "DROP VIEW v; ALTER TABLE notes ADD COLUMN shadow TEXT");
	refuse(db, hostile, RP_ENOTDB, "table \"notes\" is not the one rapport created");
	free(hostile);
	hostile = path_of("extra.db");
	seed(hostile, "Extra");
	fixture_sql(hostile, "PRAGMA journal_mode = DELETE; CREATE TABLE mine (x)");
	refuse(db, hostile, RP_ENOTDB, "extra.db: table \"mine\" is not one of rapport's");
	free(hostile);

	/* A good copy, but with a journal or a WAL beside it: what it holds
	** may not be all in the file. */
	seed(beside, "Beside");
	fixture_sql(beside, "PRAGMA journal_mode = DELETE");
	CHECK_INT(backup_check(beside, NULL), RP_OK);
	snprintf(extra, sizeof extra, "%s-journal", beside);
	if ((f = fopen(extra, "w")) != NULL) {
		fputs("a journal", f);
		fclose(f);
	}
	refuse(db, beside, RP_EBUSY, "rollback journal beside it");
	/* Through a link, what lies beside its target is what counts. */
	link_path = path_of("link-to-beside.db");
	CHECK(symlink(beside, link_path) == 0);
	refuse(db, link_path, RP_EBUSY, "link-to-beside.db has a rollback journal beside it");
	rename(extra, strcat(strcpy(extra2, beside), "-wal"));
	refuse(db, beside, RP_EBUSY, "write-ahead log beside it");
	refuse(db, link_path, RP_EBUSY, "link-to-beside.db has a write-ahead log beside it");
	unlink(extra2);
	unlink(link_path);
	free(link_path);
	free(beside);
	free(db);
	free(junk);
	free(foreign);
	free(newer);
	free(corrupt);
}

/* Another connection on the database (a live meeting): restore waits a
** moment, then refuses, and changes nothing. */
static void
restore_refuses_a_database_in_use(void)
{
	char *db = path_of("busy.db"), *from = path_of("busy-from.db"), *before = path_of("busy.before");
	char *kept = path_of("busy.kept");
	rp_error err = {0};
	bool kept_made = true;
	sqlite3 *other = NULL;

	seed(db, "Acme");
	seed(from, "Beta");
	CHECK_INT(sqlite3_open(db, &other), SQLITE_OK);
	CHECK_INT(sqlite3_exec(other, "SELECT count(*) FROM clients", NULL, NULL, NULL), SQLITE_OK);
	copy_file(db, before);
	CHECK_INT(backup_restore(db, from, kept, &kept_made, &err), RP_EBUSY);
	CHECK(strstr(err.msg, "open in another program") != NULL);
	CHECK(!kept_made);
	CHECK(!exists(kept));
	CHECK(same_bytes(db, before));
	sqlite3_close(other);
	/* Once it is closed, the same restore goes through. */
	CHECK_INT(backup_restore(db, from, kept, &kept_made, &err), RP_OK);
	CHECK_INT(sql_int(db, "SELECT count(*) FROM clients WHERE name = 'Beta'"), 1);
	free(db);
	free(from);
	free(before);
	free(kept);
}

/* Nine days of snapshots keep the newest seven; a second one on the same
** day is not taken; files that only look like snapshots stay. */
static void
snapshots_rotate_over_nine_days(void)
{
	char *db = path_of("daily.db"), *snaps = path_of("snaps-daily"), path[700], name[64];
	static const char *const others[] = {"notes.txt", "rapport-2026-13-01.db",
					     "rapport-2020-01-01.db.bak", "Rapport-2020-01-01.db"};
	rp_date first = {2026, 11, 26};
	rp_error err = {0};
	bool taken;
	FILE *f;

	seed(db, "Acme");
	mkdir(snaps, 0700);
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", snaps, others[i]);
		if ((f = fopen(path, "w")) != NULL)
			fclose(f);
	}
	/* A folder with a snapshot's name is not one. */
	snprintf(path, sizeof path, "%s/rapport-2019-01-01.db", snaps);
	mkdir(path, 0700);

	for (int day = 0; day < 9; day++) {
		char date[16];

		date_format(date_add_days(first, day), date);
		CHECK_INT(snapshot_take(db, snaps, date_add_days(first, day), SNAPSHOT_KEEP, &taken,
					&err),
			  RP_OK);
		CHECK(taken);
		CHECK_INT(snapshot_take(db, snaps, date_add_days(first, day), SNAPSHOT_KEEP, &taken,
					&err),
			  RP_OK);
		CHECK(!taken);
		snprintf(path, sizeof path, "%s/rapport-%s.db", snaps, date);
		CHECK_INT(mode_of(path), 0600);
	}
	for (int day = 0; day < 9; day++) {
		char date[16];

		snprintf(name, sizeof name, "rapport-%s.db",
			 date_format(date_add_days(first, day), date));
		snprintf(path, sizeof path, "%s/%s", snaps, name);
		if (exists(path) != (day >= 2))
			tap_fail(__FILE__, __LINE__, "%s is %s", name, exists(path) ? "kept" : "gone");
	}
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", snaps, others[i]);
		CHECK(exists(path));
	}
	snprintf(path, sizeof path, "%s/rapport-2019-01-01.db", snaps);
	CHECK(exists(path));
	CHECK(snapshot_name("rapport-2026-02-28.db"));
	CHECK(!snapshot_name("rapport-2026-02-30.db"));
	CHECK(!snapshot_name("rapport-2026-2-28.db"));
	free(db);
	free(snaps);
}

/* The snapshot folder is made 0700, every folder on the way too. */
static void
snapshot_folder_is_private(void)
{
	char *db = path_of("private.db"), *state = path_of("state"), snaps[600];
	rp_error err = {0};
	bool taken;

	seed(db, "Acme");
	snprintf(snaps, sizeof snaps, "%s/rapport/snapshots", state);
	CHECK_INT(snapshot_take(db, snaps, (rp_date){2026, 11, 26}, 7, &taken, &err), RP_OK);
	CHECK_INT(mode_of(state), 0700);
	CHECK_INT(mode_of(snaps), 0700);
	free(db);
	free(state);
}

int
main(void)
{
	RUN(backup_during_an_open_write_transaction);
	RUN(backup_force_and_no_force);
	RUN(backup_bad_targets);
	RUN(restore_a_snapshot_row_for_row);
	RUN(restore_into_no_database);
	RUN(restore_an_older_schema);
	RUN(restore_refuses_bad_files);
	RUN(restore_refuses_a_database_in_use);
	RUN(snapshots_rotate_over_nine_days);
	RUN(snapshot_folder_is_private);
	return tap_done();
}
