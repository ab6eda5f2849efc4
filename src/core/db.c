/* db.c: see db.h. */
#include "db.h"

#include <stddef.h>

enum rp_status
db_prepare(store *st, const char *sql, sqlite3_stmt **stmt, const char *doing, rp_error *err)
{
	if (sqlite3_prepare_v2(store_db(st), sql, -1, stmt, NULL) != SQLITE_OK) {
		*stmt = NULL;
		return store_fail(st, err, doing);
	}
	return RP_OK;
}

enum rp_status
db_step_done(store *st, sqlite3_stmt *stmt, const char *doing, rp_error *err)
{
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return store_fail(st, err, doing);
	return RP_OK;
}

void
db_bind_text_or_null(sqlite3_stmt *stmt, int index, const char *text)
{
	if (text == NULL || *text == '\0')
		sqlite3_bind_null(stmt, index);
	else
		sqlite3_bind_text(stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
db_bind_int64_or_null(sqlite3_stmt *stmt, int index, int64_t value)
{
	if (value == 0)
		sqlite3_bind_null(stmt, index);
	else
		sqlite3_bind_int64(stmt, index, value);
}

/* Bind a and b to the parameters the statement has. */
static void
bind_two(sqlite3_stmt *stmt, int64_t a, int64_t b)
{
	int n = sqlite3_bind_parameter_count(stmt);

	if (n >= 1)
		sqlite3_bind_int64(stmt, 1, a);
	if (n >= 2)
		sqlite3_bind_int64(stmt, 2, b);
}

enum rp_status
db_exec_ints(store *st, const char *sql, int64_t a, int64_t b, const char *doing, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = db_prepare(st, sql, &stmt, doing, err)) != RP_OK)
		return s;
	bind_two(stmt, a, b);
	s = db_step_done(st, stmt, doing, err);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
db_query_int(store *st, const char *sql, int64_t a, int64_t b, int64_t *out, const char *doing,
	     rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	if ((s = db_prepare(st, sql, &stmt, doing, err)) != RP_OK)
		return s;
	bind_two(stmt, a, b);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		*out = sqlite3_column_int64(stmt, 0);
		s = RP_OK;
	} else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		s = rp_fail(err, RP_ENOTFOUND, "nothing found while %s", doing);
	} else {
		s = store_fail(st, err, doing);
	}
	sqlite3_finalize(stmt);
	return s;
}
