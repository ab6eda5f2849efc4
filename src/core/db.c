/* db.c: see db.h. */
#include "db.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "rapport/date.h"
#include "rapport/i18n.h"

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
		s = rp_fail(err, RP_ENOTFOUND, _("nothing found while %s"), _(doing));
	} else {
		s = store_fail(st, err, doing);
	}
	sqlite3_finalize(stmt);
	return s;
}

/* The length of text[0..len) cut to at most max bytes, not inside a
** UTF-8 sequence. */
static size_t
cut_at_char(const unsigned char *text, size_t len, size_t max)
{
	if (len <= max)
		return len;
	len = max;
	for (int back = 0; back < 3 && len > 0 && (text[len] & 0xC0) == 0x80; back++)
		len--;
	return len;
}

const char *
db_col_text_len(sqlite3_stmt *stmt, int i, size_t *len)
{
	const unsigned char *text;
	size_t n;

	switch (sqlite3_column_type(stmt, i)) {
	case SQLITE_NULL:
		text = (const unsigned char *)"";
		n = 0;
		break;
	case SQLITE_BLOB:
		text = (const unsigned char *)DB_TEXT_INVALID;
		n = sizeof DB_TEXT_INVALID - 1;
		break;
	default:
		text = sqlite3_column_text(stmt, i);
		n = (size_t)sqlite3_column_bytes(stmt, i);
		if (text == NULL) {  /* out of memory converting a number */
			text = (const unsigned char *)"";
			n = 0;
		}
		n = cut_at_char(text, n, DB_TEXT_READ_MAX);
		break;
	}
	if (len)
		*len = n;
	return (const char *)text;
}

const char *
db_col_text(sqlite3_stmt *stmt, int i)
{
	return db_col_text_len(stmt, i, NULL);
}

/* The "…" that ends a cut text. */
#define CUT_MARK "\xE2\x80\xA6"

/* The text of column i as db_col_text_len reads it, and the mark that ends
** it: "…" when it was cut, else "". */
static const char *
col_text_cut(sqlite3_stmt *stmt, int i, size_t *len, const char **mark)
{
	const char *text = db_col_text_len(stmt, i, len);

	*mark = sqlite3_column_type(stmt, i) == SQLITE_TEXT &&
				(size_t)sqlite3_column_bytes(stmt, i) > *len
			? CUT_MARK
			: "";
	return text;
}

char *
db_col_strdup(sqlite3_stmt *stmt, int i)
{
	size_t len;
	const char *mark, *text = col_text_cut(stmt, i, &len, &mark);
	char *copy;

	if ((copy = malloc(len + strlen(mark) + 1)) == NULL)
		return NULL;
	memcpy(copy, text, len);
	strcpy(copy + len, mark);
	return copy;
}

const char *
db_col_arena(void **arena, sqlite3_stmt *stmt, int i, bool *oom)
{
	size_t len;
	const char *mark, *text = col_text_cut(stmt, i, &len, &mark);

	return arena_strndup(arena, text, len, mark, oom);
}

const char *
db_col_arena_or_null(void **arena, sqlite3_stmt *stmt, int i, bool *oom)
{
	if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
		return NULL;
	return db_col_arena(arena, stmt, i, oom);
}

/* Is text[0..len) a valid date written YYYY-MM-DD? */
static bool
is_iso_date(const char *text, size_t len)
{
	int v[3] = {0, 0, 0}, field = 0;

	if (len != 10)
		return false;
	for (size_t k = 0; k < len; k++) {
		if (k == 4 || k == 7) {
			if (text[k] != '-')
				return false;
			field++;
		} else if (text[k] >= '0' && text[k] <= '9') {
			v[field] = v[field] * 10 + (text[k] - '0');
		} else {
			return false;
		}
	}
	return date_valid(v[0], v[1], v[2]);
}

const char *
db_col_arena_due(void **arena, sqlite3_stmt *stmt, int i, bool *oom)
{
	size_t len;
	const char *text;

	if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
		return NULL;
	text = db_col_text_len(stmt, i, &len);
	if (!is_iso_date(text, len))
		return DATE_INVALID_TEXT;
	return arena_strndup(arena, text, len, "", oom);
}

void
db_col_copy(sqlite3_stmt *stmt, int i, char *buf, size_t size)
{
	size_t len;
	const char *text = db_col_text_len(stmt, i, &len);

	if (size == 0)
		return;
	len = cut_at_char((const unsigned char *)text, len, size - 1);
	memcpy(buf, text, len);
	buf[len] = '\0';
}

int64_t
db_col_int(sqlite3_stmt *stmt, int i, int64_t lo, int64_t hi, int64_t bad)
{
	int64_t v;

	switch (sqlite3_column_type(stmt, i)) {
	case SQLITE_INTEGER:
		v = sqlite3_column_int64(stmt, i);
		break;
	case SQLITE_FLOAT: {
		double d = sqlite3_column_double(stmt, i);

		/* Compared as doubles: converting 9e18 or NaN to int64 first
		** would be undefined. */
		if (!(d >= (double)lo && d <= (double)hi && d > -9e18 && d < 9e18))
			return bad;
		v = (int64_t)d;
		break;
	}
	default:
		return bad;
	}
	return v >= lo && v <= hi ? v : bad;
}

int64_t
db_col_time(sqlite3_stmt *stmt, int i)
{
	if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
		return 0;
	return db_col_int(stmt, i, DATE_TIME_MIN, DATE_TIME_MAX, DATE_TIME_INVALID);
}

int64_t
db_col_id(sqlite3_stmt *stmt, int i)
{
	return db_col_int(stmt, i, 1, INT64_MAX, 0);
}
