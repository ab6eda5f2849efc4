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

/* Snippets are made afterwards, for the hits kept only: making one reads
** and tokenizes the text again, and most candidates are cut. */

#define SEARCH_SQL(o, rank) \
	"SELECT what, at, client, client_id, meeting_id, note_id, src, id, r FROM (" \
	PART("SELECT n.kind AS what, n.at AS at, c.name AS client, c.id AS client_id," \
	     " n.meeting_id AS meeting_id, n.id AS note_id, 0 AS src, notes_fts.rowid AS id," \
	     " " rank("notes_fts") " AS r", \
	     "notes_fts JOIN notes n ON n.id = notes_fts.rowid JOIN meetings m ON m.id =" \
	     " n.meeting_id JOIN clients c ON c.id = m.client_id WHERE notes_fts MATCH ?1" \
	     " AND n.phase = 'live'", \
	     "notes_fts." o) \
	" UNION ALL " \
	PART("SELECT 'fact', f.learned_at, c.name, c.id, coalesce(f.meeting_id, 0), 0, 1," \
	     " facts_fts.rowid, " rank("facts_fts"), \
	     "facts_fts JOIN facts f ON f.id = facts_fts.rowid JOIN clients c ON c.id =" \
	     " f.client_id WHERE facts_fts MATCH ?1", \
	     "facts_fts." o) \
	" UNION ALL " \
	PART("SELECT 'follow-up', f.created_at, c.name, c.id, coalesce(f.meeting_id, 0)," \
	     " coalesce(f.note_id, 0), 2, followups_fts.rowid, " rank("followups_fts"), \
	     "followups_fts JOIN followups f ON f.id = followups_fts.rowid JOIN clients c ON" \
	     " c.id = f.client_id WHERE followups_fts MATCH ?1", \
	     "followups_fts." o) \
	" UNION ALL " \
	PART("SELECT 'agenda', coalesce(m.started_at, m.planned_at, m.created_at), c.name, c.id," \
	     " m.id, 0, 3, agenda_items_fts.rowid, " rank("agenda_items_fts"), \
	     "agenda_items_fts JOIN agenda_items a ON a.id = agenda_items_fts.rowid JOIN" \
	     " meetings m ON m.id = a.meeting_id JOIN clients c ON c.id = m.client_id" \
	     " WHERE agenda_items_fts MATCH ?1", \
	     "agenda_items_fts." o) \
	" UNION ALL " \
	PART("SELECT 'client', c.created_at, c.name, c.id, 0, 0, 4, clients_fts.rowid," \
	     " " rank("clients_fts"), \
	     "clients_fts JOIN clients c ON c.id = clients_fts.rowid WHERE clients_fts MATCH ?1", \
	     "clients_fts." o) \
	") ORDER BY CASE WHEN ?2 THEN r END, at DESC, what LIMIT ?3"

/* The snippets of one table's hits, made for those hits only: "order"
** is the same order the candidates were taken in, so the first n rows are
** the ones kept (a row that is not gets its own query below). */
#define SNIPPETS_OF(table, o) \
	"SELECT rowid, snippet(" table ", -1, char(2), char(3), '…', 12) FROM " table \
	" WHERE " table " MATCH ?1 ORDER BY " o " LIMIT ?2"
#define SNIPPET_OF(table) \
	"SELECT snippet(" table ", -1, char(2), char(3), '…', 12) FROM " table \
	" WHERE " table " MATCH ?1 AND rowid = ?2"
#define TABLES(X) X("notes_fts") X("facts_fts") X("followups_fts") X("agenda_items_fts") \
	X("clients_fts")
#define NEWEST(t) SNIPPETS_OF(t, "rowid DESC"),
#define BEST(t) SNIPPETS_OF(t, "rank"),
#define ONE(t) SNIPPET_OF(t),
static const char *const snippets_newest[] = {TABLES(NEWEST)};
static const char *const snippets_best[] = {TABLES(BEST)};
static const char *const snippet_one[] = {TABLES(ONE)};
#undef NEWEST
#undef BEST
#undef ONE
#define NTABLES ((int)(sizeof snippet_one / sizeof snippet_one[0]))

/* bm25 is costly to compute (it reads the table's statistics), and the
** newest hits do not need it. */
#define NO_RANK(t) "0"
#define RANK(t) t ".rank"
static const char search_sql_newest[] = SEARCH_SQL("rowid DESC", NO_RANK);
static const char search_sql_best[] = SEARCH_SQL("rank", RANK);

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

/* Fill in the snippets of r's hits: per table, one query for the rows
** kept; a row it does not return (a rare reordering) gets its own. */
static enum rp_status
fill_snippets(store *st, search_result *r, const char *query, enum search_order order,
	      const int *srcs, const int64_t *ids, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	bool oom = false;
	enum rp_status s = RP_OK;
	int rc;

	for (int t = 0; t < NTABLES && s == RP_OK; t++) {
		int want = 0;

		for (size_t i = 0; i < r->nhits; i++)
			want += srcs[i] == t;
		if (want == 0)
			continue;
		s = db_prepare(st, order == SEARCH_BEST ? snippets_best[t] : snippets_newest[t], &stmt,
			       "searching", err);
		if (s != RP_OK)
			break;
		sqlite3_bind_text(stmt, 1, query, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 2, want);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			int64_t rowid = sqlite3_column_int64(stmt, 0);

			for (size_t i = 0; i < r->nhits; i++)
				if (srcs[i] == t && ids[i] == rowid)
					r->hits[i].snippet = clean_snippet(r, sqlite3_column_text(stmt, 1),
									   &oom);
		}
		if (rc != SQLITE_DONE)
			s = store_fail(st, err, "searching");
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
	for (size_t i = 0; i < r->nhits && s == RP_OK; i++) {
		if (r->hits[i].snippet)
			continue;
		if ((s = db_prepare(st, snippet_one[srcs[i]], &stmt, "searching", err)) != RP_OK)
			break;
		sqlite3_bind_text(stmt, 1, query, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, ids[i]);
		rc = sqlite3_step(stmt);
		r->hits[i].snippet = rc == SQLITE_ROW
					     ? clean_snippet(r, sqlite3_column_text(stmt, 0), &oom)
					     : "";
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			s = store_fail(st, err, "searching");
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
	if (s == RP_OK && oom)
		s = rp_fail(err, RP_ENOMEM, "out of memory");
	return s;
}

/* query with every word in double quotes (a " inside doubled), OR / NOT /
** AND and a trailing * kept as operators: what a person typing "self-host"
** or "can't" meant.  Returns a malloc'd string, NULL on no memory. */
static char *
quote_terms(const char *query)
{
	size_t len = strlen(query);
	char *out = malloc(len * 3 + 8), *o = out;
	const char *p = query;

	if (out == NULL)
		return NULL;
	while (*p) {
		const char *w;
		size_t n;
		bool star;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		for (w = p; *p && *p != ' ' && *p != '\t'; p++)
			;
		n = (size_t)(p - w);
		if (o != out)
			*o++ = ' ';
		if ((n == 2 && strncmp(w, "OR", 2) == 0) || (n == 3 && strncmp(w, "NOT", 3) == 0) ||
		    (n == 3 && strncmp(w, "AND", 3) == 0)) {
			memcpy(o, w, n);
			o += n;
			continue;
		}
		star = n > 1 && w[n - 1] == '*';
		*o++ = '"';
		for (size_t i = 0; i < n - star; i++) {
			if (w[i] == '"')
				*o++ = '"';
			*o++ = w[i];
		}
		*o++ = '"';
		if (star)
			*o++ = '*';
	}
	*o = '\0';
	return out;
}

static enum rp_status search_once(store *st, const char *query, enum search_order order,
				  size_t limit, search_result **out, rp_error *err);

enum rp_status
search_run(store *st, const char *query, enum search_order order, size_t limit,
	   search_result **out, rp_error *err)
{
	enum rp_status s = search_once(st, query, order, limit, out, err);
	char *quoted;

	/* FTS5 reads "self-host", "can't" or "2.0" as syntax: try again with
	** the words quoted before saying it cannot understand. */
	if (s != RP_EINVAL || strchr(query, '"') != NULL || !text_utf8_valid(query, strlen(query)) ||
	    !text_visible(query))
		return s;
	if ((quoted = quote_terms(query)) == NULL)
		return s;
	if (search_once(st, quoted, order, limit, out, NULL) == RP_OK) {
		free(quoted);
		rp_error_clear(err);
		return RP_OK;
	}
	free(quoted);
	return s;
}

static enum rp_status
search_once(store *st, const char *query, enum search_order order, size_t limit,
	    search_result **out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	search_result *r;
	int *srcs = NULL;
	int64_t *ids = NULL;
	size_t cap = 0, idcap = 0;
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
		size_t had = idcap;

		if (!arena_grow(&r->hits, &cap, r->nhits, sizeof *r->hits) ||
		    !arena_grow(&ids, &idcap, r->nhits, sizeof *ids) ||
		    (had != idcap && !arena_grow(&srcs, &had, r->nhits, sizeof *srcs))) {
			oom = true;
			break;
		}
		h = &r->hits[r->nhits];
		h->what = arena_strdup(&r->arena, sqlite3_column_text(stmt, 0), &oom);
		h->at = sqlite3_column_int64(stmt, 1);
		h->client = arena_strdup(&r->arena, sqlite3_column_text(stmt, 2), &oom);
		h->client_id = sqlite3_column_int64(stmt, 3);
		h->meeting_id = sqlite3_column_int64(stmt, 4);
		h->note_id = sqlite3_column_int64(stmt, 5);
		srcs[r->nhits] = sqlite3_column_int(stmt, 6);
		ids[r->nhits] = sqlite3_column_int64(stmt, 7);
		h->rank = sqlite3_column_double(stmt, 8);
		r->nhits++;
	}
	if (oom) {
		s = rp_fail(err, RP_ENOMEM, "out of memory");
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		const char *msg = sqlite3_errmsg(store_db(st));

		/* A plain SQLITE_ERROR here is the query's syntax; FTS5's own words
		** ("fts5: syntax error near ...") are not for the user: say what to
		** type instead. */
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
	stmt = NULL;
	if ((s = fill_snippets(st, r, query, order, srcs, ids, err)) != RP_OK)
		goto fail;
	*out = r;
	r = NULL;
fail:
	sqlite3_finalize(stmt);
	free(srcs);
	free(ids);
	search_free(r);
	return s;
}

const char *
search_sql(enum search_order order)
{
	return order == SEARCH_BEST ? search_sql_best : search_sql_newest;
}
