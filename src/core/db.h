/* db.h: small helpers around SQLite shared by the core modules.
** Internal to src/core: the screens and the command line never see SQL. */
#ifndef RAPPORT_DB_H
#define RAPPORT_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
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

/* Reading a column.  The file may have been edited by another tool: a NOT
** NULL column may hold NULL, an integer column text, a text column a blob,
** a time 9e18.  Every read of a column goes through these, so what the core
** hands on is always a string (never NULL) and numbers within range. */

/* What a text column holding a blob (not text) reads as. */
#define DB_TEXT_INVALID "(invalid)"

/* The most bytes of one text column the core reads.  Above every maximum
** rapport accepts on input (a note's 4000 bytes, a touchpoint's 2000
** characters of up to 4 bytes), so only text another tool stored is cut:
** everything after it (wrapping, search snippets, exports, drawing) then
** works on bounded text. */
#define DB_TEXT_READ_MAX 16384

/* The text of column i whole and NUL-terminated, never NULL: "" for NULL,
** DB_TEXT_INVALID for a blob.  For comparing (a kind, a state, a title to
** match), not for keeping: valid until the next step, reset or finalize. */
const char *db_col_text(sqlite3_stmt *stmt, int i);

/* The text of column i, never NULL: "" for NULL, DB_TEXT_INVALID for a
** blob, the digits of a number.  Valid until the next step, reset or
** finalize of stmt.  Sets *len (when not NULL) to its length in bytes, cut
** to at most DB_TEXT_READ_MAX at a character boundary: the text is not
** NUL-terminated there, so copy it with db_col_strdup or take *len. */
const char *db_col_text_len(sqlite3_stmt *stmt, int i, size_t *len);

/* The text of column i as db_col_text_len reads it, copied into a fresh
** NUL-terminated string (caller frees); "…" ends a text that was cut.
** NULL only when out of memory. */
char *db_col_strdup(sqlite3_stmt *stmt, int i);

/* The text of column i as db_col_strdup reads it, kept in the arena *arena
** (see arena.h); never NULL: "" with *oom set when out of memory. */
const char *db_col_arena(void **arena, sqlite3_stmt *stmt, int i, bool *oom);

/* As db_col_arena, but NULL for a NULL column (an optional field). */
const char *db_col_arena_or_null(void **arena, sqlite3_stmt *stmt, int i, bool *oom);

/* A due-date column: NULL for NULL, its "YYYY-MM-DD" when that is a valid
** date, else DATE_INVALID_TEXT (not in the arena). */
const char *db_col_arena_due(void **arena, sqlite3_stmt *stmt, int i, bool *oom);

/* The text of column i as db_col_text_len reads it, written into buf (size
** bytes), cut at a character boundary to fit. */
void db_col_copy(sqlite3_stmt *stmt, int i, char *buf, size_t size);

/* Integer column i when it holds an integer (a real is truncated) within
** lo..hi; otherwise (NULL, text, a blob, out of range) bad. */
int64_t db_col_int(sqlite3_stmt *stmt, int i, int64_t lo, int64_t hi, int64_t bad);

/* A time column (UTC seconds): 0 for NULL (rapport's "none"),
** DATE_TIME_INVALID for anything that is not a time of years 1..9999. */
int64_t db_col_time(sqlite3_stmt *stmt, int i);

/* An id column: a positive integer, else 0 (none). */
int64_t db_col_id(sqlite3_stmt *stmt, int i);

#endif
