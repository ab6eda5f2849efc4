/* steps.c: see steps.h. */
#include "steps.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "fixture.h"
#include "tap.h"

const char *steps_bin;
char steps_db_env[600];

void
steps_use_db(const char *name)
{
	const char *path = fixture_path(name);

	snprintf(steps_db_env, sizeof steps_db_env, "RAPPORT_DB=%s", path);
	setenv("RAPPORT_DB", path, 1);
}

int
steps_rapport(const char *args)
{
	char cmd[2048];

	snprintf(cmd, sizeof cmd, "%s %s >/dev/null 2>&1", steps_bin, args);
	return system(cmd);
}

const char *
steps_sql1(const char *sql)
{
	static char buf[1024];
	sqlite3 *db;
	sqlite3_stmt *stmt;

	buf[0] = '\0';
	if (sqlite3_open_v2(getenv("RAPPORT_DB"), &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
			snprintf(buf, sizeof buf, "%s", sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	return buf;
}

void
steps_see(term *t, const char *text, const char *file, int line)
{
	if (!term_wait_for(t, text, 5000)) {
		char *screen = term_screen(t);

		tap_fail(file, line, "\"%s\" is not on screen:\n%s", text, screen);
		free(screen);
	}
}
