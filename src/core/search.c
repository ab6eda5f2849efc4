/* search.c: full-text search across the FTS5 tables. */
#include "rapport/search.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "rapport/text.h"

/* Each FTS table, asked for its newest (or best) hits; the union is then
** ordered and cut.  Taking `limit` from each table first keeps every part
** an index walk: FTS5 serves "ORDER BY rowid DESC LIMIT n" and "ORDER BY
** rank LIMIT n" without reading every match. */
#define PART(select, from, order) \
	"SELECT * FROM (" select " FROM " from " ORDER BY " order " LIMIT ?3)"

#define SNIPPET(table) "snippet(" table ", -1, char(2), char(3), '…', 12)"

#define SEARCH_SQL(o) \
	"SELECT what, at, client, client_id, meeting_id, note_id, snip, r FROM (" \
	PART("SELECT n.kind AS what, n.at AS at, c.name AS client, c.id AS client_id," \
	     " n.meeting_id AS meeting_id, n.id AS note_id, " SNIPPET("notes_fts") " AS snip," \
	     " notes_fts.rank AS r", \
	     "notes_fts JOIN notes n ON n.id = notes_fts.rowid JOIN meetings m ON m.id =" \
	     " n.meeting_id JOIN clients c ON c.id = m.client_id WHERE notes_fts MATCH ?1", \
	     "notes_fts." o) \
	" UNION ALL " \
	PART("SELECT 'fact', f.learned_at, c.name, c.id, coalesce(f.meeting_id, 0), 0, " \
	     SNIPPET("facts_fts") ", facts_fts.rank", \
	     "facts_fts JOIN facts f ON f.id = facts_fts.rowid JOIN clients c ON c.id =" \
	     " f.client_id WHERE facts_fts MATCH ?1", \
	     "facts_fts." o) \
	" UNION ALL " \
	PART("SELECT 'follow-up', f.created_at, c.name, c.id, coalesce(f.meeting_id, 0)," \
	     " coalesce(f.note_id, 0), " SNIPPET("followups_fts") ", followups_fts.rank", \
	     "followups_fts JOIN followups f ON f.id = followups_fts.rowid JOIN clients c ON" \
	     " c.id = f.client_id WHERE followups_fts MATCH ?1", \
	     "followups_fts." o) \
	" UNION ALL " \
	PART("SELECT 'agenda', coalesce(m.started_at, m.planned_at, m.created_at), c.name, c.id," \
	     " m.id, 0, " SNIPPET("agenda_items_fts") ", agenda_items_fts.rank", \
	     "agenda_items_fts JOIN agenda_items a ON a.id = agenda_items_fts.rowid JOIN" \
	     " meetings m ON m.id = a.meeting_id JOIN clients c ON c.id = m.client_id" \
	     " WHERE agenda_items_fts MATCH ?1", \
	     "agenda_items_fts." o) \
	" UNION ALL " \
	PART("SELECT 'client', c.created_at, c.name, c.id, 0, 0, " SNIPPET("clients_fts") \
	     ", clients_fts.rank", \
	     "clients_fts JOIN clients c ON c.id = clients_fts.rowid WHERE clients_fts MATCH ?1", \
	     "clients_fts." o) \
	") ORDER BY CASE WHEN ?2 THEN r END, at DESC, what LIMIT ?3"

static const char search_sql_newest[] = SEARCH_SQL("rowid DESC");
static const char search_sql_best[] = SEARCH_SQL("rank");

void
search_free(search_result *r)
{
	if (r == NULL)
		return;
	free(r->hits);
	arena_free(r->arena);
	free(r);
}

/* The snippet with every piece between the marks neutralised and the
** marks kept; owned by r's arena. */
static const char *
clean_snippet(search_result *r, const unsigned char *raw, bool *oom)
{
	const char *p = raw ? (const char *)raw : "", *kept;
	char *out = malloc(strlen(p) * 3 + 1), *o = out;

	if (out == NULL) {
		*oom = true;
		return "";
	}
	while (*p) {
		const char *next = p;
		char *piece, *safe;

		if (*p == SEARCH_MARK_ON || *p == SEARCH_MARK_OFF) {
			*o++ = *p++;
			continue;
		}
		while (*next && *next != SEARCH_MARK_ON && *next != SEARCH_MARK_OFF)
			next++;
		piece = strndup(p, (size_t)(next - p));
		safe = piece ? text_sanitize(piece, " ") : NULL;
		free(piece);
		if (safe == NULL) {
			free(out);
			*oom = true;
			return "";
		}
		/* U+FFFD is 3 bytes for a 1-byte control: room was made for it. */
		memcpy(o, safe, strlen(safe));
		o += strlen(safe);
		free(safe);
		p = next;
	}
	*o = '\0';
	kept = arena_strdup(&r->arena, (const unsigned char *)out, oom);
	free(out);
	return kept;
}

enum rp_status
search_run(store *st, const char *query, enum search_order order, size_t limit,
	   search_result **out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	search_result *r;
	size_t cap = 0;
	bool oom = false;
	enum rp_status s;
	int rc;

	*out = NULL;
	if (!text_utf8_valid(query, strlen(query)))
		return rp_fail(err, RP_EINVAL, "search: the query is not valid UTF-8");
	if (!text_visible(query))
		return rp_fail(err, RP_EINVAL, "search: the query is empty");
	if ((r = calloc(1, sizeof *r)) == NULL)
		return rp_fail(err, RP_ENOMEM, "out of memory");
	if ((s = db_prepare(st, order == SEARCH_BEST ? search_sql_best : search_sql_newest, &stmt,
			    "searching", err)) != RP_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, order == SEARCH_BEST);
	sqlite3_bind_int64(stmt, 3, (int64_t)limit);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		search_hit *h;

		if (!arena_grow(&r->hits, &cap, r->nhits, sizeof *r->hits)) {
			oom = true;
			break;
		}
		h = &r->hits[r->nhits++];
		h->what = arena_strdup(&r->arena, sqlite3_column_text(stmt, 0), &oom);
		h->at = sqlite3_column_int64(stmt, 1);
		h->client = arena_strdup(&r->arena, sqlite3_column_text(stmt, 2), &oom);
		h->client_id = sqlite3_column_int64(stmt, 3);
		h->meeting_id = sqlite3_column_int64(stmt, 4);
		h->note_id = sqlite3_column_int64(stmt, 5);
		h->snippet = clean_snippet(r, sqlite3_column_text(stmt, 6), &oom);
		h->rank = sqlite3_column_double(stmt, 7);
	}
	if (oom) {
		s = rp_fail(err, RP_ENOMEM, "out of memory");
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		const char *msg = sqlite3_errmsg(store_db(st));

		/* A plain SQLITE_ERROR here is the query's syntax; FTS5's own words ("fts5: syntax error near ...") are not for
		** the user: say what to type instead. */
		if ((sqlite3_errcode(store_db(st)) & 0xff) == SQLITE_ERROR || strstr(msg, "fts5"))
			s = rp_fail(err, RP_EINVAL,
				    "search: cannot understand \"%.60s\" (use words, \"a phrase\","
				    " OR, NOT, or a prefix*)",
				    query);
		else
			s = store_fail(st, err, "searching");
		goto fail;
	}
	sqlite3_finalize(stmt);
	*out = r;
	return RP_OK;
fail:
	sqlite3_finalize(stmt);
	search_free(r);
	return s;
}
