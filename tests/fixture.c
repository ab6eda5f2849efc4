/* fixture.c: see fixture.h. */
#include "fixture.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

int64_t fixture_now = 1795687200;  /* 2026-11-26 10:00:00 UTC */

static int64_t
fixture_clock_now(void *ctx)
{
	(void)ctx;
	return fixture_now;
}

const rp_clock fixture_clock = {.now = fixture_clock_now};

static char folder[256];

static void
remove_folder(void)
{
	char cmd[300];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", folder);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", folder);
}

const char *
fixture_path(const char *name)
{
	static char path[512];
	static int made;

	if (!made) {
		const char *tmp = getenv("TMPDIR");

		snprintf(folder, sizeof folder, "%s/rapport-test-XXXXXX", tmp ? tmp : "/tmp");
		if (mkdtemp(folder) == NULL) {
			perror("mkdtemp");
			exit(2);
		}
		atexit(remove_folder);
		made = 1;
	}
	snprintf(path, sizeof path, "%s/%s", folder, name);
	return path;
}

store *
fixture_store(void)
{
	static int n;
	char name[32];
	rp_error err = {0};
	store *st;

	snprintf(name, sizeof name, "db%d.sqlite", ++n);
	st = store_open(fixture_path(name), STORE_WRITE, &err);
	if (st == NULL) {
		fprintf(stderr, "fixture_store: %s\n", err.msg);
		exit(2);
	}
	return st;
}

int
fixture_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc = sqlite3_open(path, &db);

	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

char *
fixture_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)size + 1)) != NULL) {
		*len = fread(buf, 1, (size_t)size, f);
		buf[*len] = '\0';
	}
	fclose(f);
	return buf;
}

int
fixture_statistics(store *st, const char *rows)
{
	char *sql = sqlite3_mprintf("ANALYZE; DELETE FROM sqlite_stat1;"
				    " INSERT INTO sqlite_stat1 VALUES %s; ANALYZE sqlite_schema;",
				    rows);
	int rc = sql ? sqlite3_exec(store_db(st), sql, NULL, NULL, NULL) : SQLITE_NOMEM;

	sqlite3_free(sql);
	return rc;
}

const char *
fixture_plan(store *st, const char *sql)
{
	static char buf[1024];
	char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *stmt;
	size_t len = 0;

	buf[0] = '\0';
	if (q && sqlite3_prepare_v2(store_db(st), q, -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, 1);
		while (sqlite3_step(stmt) == SQLITE_ROW && len < sizeof buf - 1) {
			snprintf(buf + len, sizeof buf - len, "%s|", sqlite3_column_text(stmt, 3));
			len = strlen(buf);
		}
		sqlite3_finalize(stmt);
	}
	sqlite3_free(q);
	return buf;
}

void
fixture_plan_is(const char *plan, bool has, const char *part, const char *file, int line)
{
	if ((strstr(plan, part) != NULL) != has)
		tap_fail(file, line, "the plan %s \"%s\": %s", has ? "lacks" : "has", part, plan);
}
