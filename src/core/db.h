/* db.h: small helpers around SQLite shared by the core modules.
** Internal to src/core: the screens and the command line never see SQL. */
#ifndef RAPPORT_DB_H
#define RAPPORT_DB_H

#include <sqlite3.h>
#include <stdint.h>

#include "rapport/error.h"
#include "rapport/store.h"

/* Prepare sql on st.  On failure err says what was being done. */
enum rp_status db_prepare(store *st, const char *sql, sqlite3_stmt **stmt, const char *doing,
			  rp_error *err);

/* Step a statement that returns no row; RP_OK on SQLITE_DONE. */
enum rp_status db_step_done(store *st, sqlite3_stmt *stmt, const char *doing, rp_error *err);

/* Bind text, or NULL when text is NULL or "". */
void db_bind_text_or_null(sqlite3_stmt *stmt, int index, const char *text);

/* Bind an integer, or NULL when value is 0 (ids and times use 0 for none). */
void db_bind_int64_or_null(sqlite3_stmt *stmt, int index, int64_t value);

/* Run a statement with up to two integer parameters and no result.  For
** the many one-line updates of the meeting state. */
enum rp_status db_exec_ints(store *st, const char *sql, int64_t a, int64_t b, const char *doing,
			    rp_error *err);

/* Run a query with up to two integer parameters that yields one integer
** (or none: RP_ENOTFOUND). */
enum rp_status db_query_int(store *st, const char *sql, int64_t a, int64_t b, int64_t *out,
			    const char *doing, rp_error *err);

#endif
