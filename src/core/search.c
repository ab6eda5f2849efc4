/* search.c: full-text search across the FTS5 tables. */
#include "rapport/search.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "rapport/note.h"
#include "rapport/text.h"
#include "rapport/i18n.h"

/* One FTS5 table (search_fts) indexes every searchable text; search_map
** says where each entry comes from (src: 0 note, 1 fact, 2 follow-up,
** 3 agenda item, 4 client, 5 touchpoint, 6 person).  Its rowids grow as things are noted, so
** "rowid DESC" is newest first and FTS5 walks its index in that order,
** stopping at the limit.  bm25 (rank) is computed only when ranking. */
/* snippet() weighs every hit against every other: quadratic on a text
** with many hits.  Past this many characters (only another tool stores
** that much: see DB_TEXT_READ_MAX) the snippet is the text's start. */
#define SNIPPET_WHOLE_MAX "16384"
#define SEARCH_SQL(order, rank, also) \
	"SELECT m.src, m.ref, CASE WHEN length(search_fts.text) <= " SNIPPET_WHOLE_MAX \
	" THEN snippet(search_fts, 0, char(2), char(3), '…', 12)" \
	" ELSE substr(search_fts.text, 1, 80) || '…' END, " rank \
	" FROM search_fts JOIN search_map m ON m.fts = search_fts.rowid" \
	" WHERE search_fts MATCH ?1" also " ORDER BY " order " LIMIT ?2"

/* #topics in the query: only notes, and only those tagged with every one
** of them (?3 the topics separated by spaces, which a topic never holds;
** ?4 how many).  The topics' words are in the FTS query as well, since a
** note keeps its #topics in its text: FTS5 finds them and marks them in
** the snippet, note_topics says which are tags. */
#define SEARCH_TAGGED \
	" AND m.src = 0 AND (SELECT count(*) FROM note_topics t WHERE t.note_id = m.ref" \
	" AND instr(' ' || ?3 || ' ', ' ' || t.topic || ' ') > 0) = ?4"

/* Best first ranks the newest SEARCH_WINDOW matches (newest first, as
** FTS5 walks its index, stopping there) by BM25 computed over those
** matches alone: a word weighs by how rare it is among them, a text by
** how often it holds the words against its length beside theirs.  FTS5's
** own bm25 would first count every match of each word in the whole
** history (a word of one note in six matches 180,000 notes in ten years);
** rp_hits() reads only the row at hand.  The best `limit` then get their
** snippets, one by rowid each. */
#define SEARCH_WINDOW 2000
#define SQL_NUMBER(n) SQL_NUMBER_(n)
#define SQL_NUMBER_(n) #n
#define SEARCH_PHRASES_MAX 32  /* phrases of a query rp_hits() counts */
#define SEARCH_BEST_SQL(join, also) \
	"SELECT search_fts.rowid, rp_hits(search_fts) FROM search_fts" join \
	" WHERE search_fts MATCH ?1" also " ORDER BY search_fts.rowid DESC LIMIT " SQL_NUMBER(SEARCH_WINDOW)
#define SEARCH_MAP_JOIN " JOIN search_map m ON m.fts = search_fts.rowid"
/* The best found again for their snippets, in one walk down the window's
** rowids (?2 to ?3) that stops only at the kept ones (?4, rp_kept): one
** lookup of a rowid in a common word's index costs a hundred times more. */
static const char search_sql_kept[] =
	"SELECT m.src, m.ref, CASE WHEN length(search_fts.text) <= " SNIPPET_WHOLE_MAX
	" THEN snippet(search_fts, 0, char(2), char(3), '…', 12)"
	" ELSE substr(search_fts.text, 1, 80) || '…' END, search_fts.rowid"
	" FROM search_fts JOIN search_map m ON m.fts = search_fts.rowid"
	" WHERE search_fts MATCH ?1 AND search_fts.rowid BETWEEN ?2 AND ?3"
	" AND rp_kept(?4, search_fts.rowid) ORDER BY search_fts.rowid DESC";

static const char search_sql_newest[] = SEARCH_SQL("search_fts.rowid DESC", "0", "");
static const char search_sql_best[] = SEARCH_BEST_SQL("", "");
static const char search_sql_newest_tagged[] =
	SEARCH_SQL("search_fts.rowid DESC", "0", SEARCH_TAGGED);
static const char search_sql_best_tagged[] = SEARCH_BEST_SQL(SEARCH_MAP_JOIN, SEARCH_TAGGED);

#define TOPICS_MAX 16   /* #topics read from one query */

/* Where a hit belongs, by its source: what, when, client, meeting, note. */
static const char *const detail_sql[] = {
	"SELECT n.kind, n.at, c.name, c.id, n.meeting_id, n.id, c.archived_at IS NOT NULL"
	" FROM notes n"
	" JOIN meetings m ON m.id = n.meeting_id JOIN clients c ON c.id = m.client_id"
	" WHERE n.id = ?1",
	"SELECT 'fact', f.learned_at, c.name, c.id, coalesce(f.meeting_id, 0), 0,"
	" c.archived_at IS NOT NULL FROM facts f"
	" JOIN clients c ON c.id = f.client_id WHERE f.id = ?1",
	"SELECT 'follow-up', f.created_at, c.name, c.id, coalesce(f.meeting_id, 0),"
	" coalesce(f.note_id, 0), c.archived_at IS NOT NULL"
	" FROM followups f JOIN clients c ON c.id = f.client_id"
	" WHERE f.id = ?1",
	"SELECT 'agenda', coalesce(m.started_at, m.planned_at, m.created_at), c.name, c.id, m.id, 0,"
	" c.archived_at IS NOT NULL"
	" FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id"
	" JOIN clients c ON c.id = m.client_id WHERE a.id = ?1",
	"SELECT 'client', c.created_at, c.name, c.id, 0, 0,"
	" c.archived_at IS NOT NULL"
	" FROM clients c WHERE c.id = ?1",
	"SELECT 'touchpoint', t.at, c.name, c.id, 0, 0, c.archived_at IS NOT NULL"
	" FROM touchpoints t JOIN clients c ON c.id = t.client_id WHERE t.id = ?1",
	"SELECT 'person', p.created_at, c.name, c.id, 0, 0, c.archived_at IS NOT NULL"
	" FROM people p JOIN clients c ON c.id = p.client_id WHERE p.id = ?1",
};

#define NSOURCES ((int)(sizeof detail_sql / sizeof detail_sql[0]))

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
clean_snippet(search_result *r, const char *raw, bool *oom)
{
	const char *p = raw ? raw : "", *kept;
	char *out = raw ? malloc(strlen(p) * 3 + 1) : NULL, *o = out;

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

/* The next word of *p, blanks (spaces, tabs) skipped: its start in *w,
** its length returned (0 at the end), *p just past it. */
static size_t
next_word(const char **p, const char **w)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
	*w = *p;
	while (**p && **p != ' ' && **p != '\t')
		(*p)++;
	return (size_t)(*p - *w);
}

/* query with every word in double quotes (a " inside doubled), OR / NOT /
** AND and a trailing * kept as operators: what a person typing "self-host"
** or "can't" meant.  Returns a malloc'd string, NULL on no memory. */
static char *
quote_terms(const char *query)
{
	size_t len = strlen(query);
	char *out = malloc(len * 3 + 8), *o = out;
	const char *p = query, *w;

	if (out == NULL)
		return NULL;
	for (size_t n; (n = next_word(&p, &w)) > 0;) {
		bool star;

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

/* Read the #topic at w (n bytes, w[0] == '#') as the note parser stores
** it (note_read_topic).  Returns its length in topic (0 when w is no topic)
** and sets *rest_ok when nothing but punctuation follows it. */
static size_t
read_tag(const char *w, size_t n, char *topic, bool *rest_ok)
{
	size_t i = 1 + note_read_topic(w + 1, n - 1, topic);

	*rest_ok = true;
	for (; i < n; i++)
		if (strchr(".,;:!?", w[i]) == NULL)
			*rest_ok = false;
	return strlen(topic);
}

/* Split query into its #topics (into topics, separated by spaces, at most
** TOPICS_MAX, no repeats; *ntopics of them) and the rest (*rest, malloc'd).
** Returns false when out of memory. */
static bool
split_tags(const char *query, char **rest, char *topics, int *ntopics)
{
	size_t len = strlen(query), o = 0, t = 0;
	char *r = malloc(len + 1);
	const char *p = query, *w;

	*ntopics = 0;
	topics[0] = '\0';
	if ((*rest = r) == NULL)
		return false;
	for (size_t n; (n = next_word(&p, &w)) > 0;) {
		char topic[NOTE_TOPIC_MAX + 1], padded[NOTE_TOPIC_MAX + 3], all[TOPICS_MAX * (NOTE_TOPIC_MAX + 1) + 3];
		size_t tl;
		bool tail_ok;

		if (w[0] == '#' && (tl = read_tag(w, n, topic, &tail_ok)) > 0 && tail_ok &&
		    *ntopics < TOPICS_MAX) {
			snprintf(padded, sizeof padded, " %s ", topic);
			snprintf(all, sizeof all, " %s ", topics);
			if (strstr(all, padded) == NULL) {
				if (t)
					topics[t++] = ' ';
				memcpy(topics + t, topic, tl + 1);
				t += tl;
				(*ntopics)++;
			}
			continue;
		}
		if (o)
			r[o++] = ' ';
		memcpy(r + o, w, n);
		o += n;
	}
	r[o] = '\0';
	return true;
}

/* fts, then each topic as a quoted FTS5 string.  malloc'd; NULL when out
** of memory. */
static char *
with_topics(const char *fts, const char *topics)
{
	size_t cap = strlen(fts) + strlen(topics) * 2 + 8;
	char *out = malloc(cap), *o = out;
	const char *p = topics;

	if (out == NULL)
		return NULL;
	o += snprintf(o, cap, "%s", fts);
	while (*p) {
		const char *e = strchr(p, ' ');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		/* A topic holds no '"': it is made of word characters. */
		o += snprintf(o, cap - (size_t)(o - out), "%s\"%.*s\"", o == out ? "" : " ", (int)n, p);
		p += n;
		if (*p == ' ')
			p++;
	}
	return out;
}

static enum rp_status search_once(store *st, const char *query, const char *shown,
				  const char *topics, int ntopics, enum search_order order,
				  size_t limit, search_result **out, rp_error *err);

enum rp_status
search_run(store *st, const char *query, enum search_order order, size_t limit,
	   search_result **out, rp_error *err)
{
	char topics[TOPICS_MAX * (NOTE_TOPIC_MAX + 1) + 1];
	char *rest = NULL, *fts = NULL, *quoted = NULL;
	enum rp_status s;
	int ntopics = 0;

	*out = NULL;
	if (!text_utf8_valid(query, strlen(query)) || !text_visible(query))
		return search_once(st, query, query, NULL, 0, order, limit, out, err);
	if (!split_tags(query, &rest, topics, &ntopics) ||
	    (fts = ntopics ? with_topics(rest, topics) : strdup(query)) == NULL) {
		s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
		goto out;
	}
	s = search_once(st, fts, query, ntopics ? topics : NULL, ntopics, order, limit, out, err);
	/* FTS5 reads "self-host", "can't" or "2.0" as syntax: try again with
	** the words quoted before saying it cannot understand. */
	if (s != RP_EINVAL || strchr(rest, '"') != NULL || !text_visible(rest))
		goto out;
	free(fts);
	fts = NULL;
	if ((quoted = quote_terms(ntopics ? rest : query)) == NULL ||
	    (fts = ntopics ? with_topics(quoted, topics) : strdup(quoted)) == NULL)
		goto out;
	if (search_once(st, fts, query, ntopics ? topics : NULL, ntopics, order, limit, out,
			NULL) == RP_OK) {
		rp_error_clear(err);
		s = RP_OK;
	}
out:
	free(rest);
	free(fts);
	free(quoted);
	return s;
}

/* rp_hits(search_fts): what ranking needs of the row at hand, as a blob of
** int32: the text's length in tokens, then how many times each phrase of
** the query occurs in it.  Nothing beyond the row is read. */
static void
hits_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
	sqlite3_value **val)
{
	int nphrase = api->xPhraseCount(fts), len = 0;
	int32_t *out;

	(void)nval;
	(void)val;
	if (nphrase < 0 || nphrase > SEARCH_PHRASES_MAX)
		nphrase = SEARCH_PHRASES_MAX;
	if ((out = sqlite3_malloc((1 + nphrase) * (int)sizeof *out)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (api->xColumnSize(fts, 0, &len) != SQLITE_OK)
		len = 0;
	out[0] = len;
	for (int p = 0; p < nphrase; p++) {
		Fts5PhraseIter it;
		int col, off, n = 0;

		if (api->xPhraseFirst(fts, p, &it, &col, &off) == SQLITE_OK)
			for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off))
				n++;
		out[1 + p] = n;
	}
	sqlite3_result_blob(ctx, out, (1 + nphrase) * (int)sizeof *out, sqlite3_free);
}

/* The rowids best-first search keeps, ascending. */
struct kept {
	const int64_t *rowid;
	size_t n;
};

static int
by_rowid(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* rp_kept(kept, rowid): is rowid one of them? */
static void
kept_fn(sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	const struct kept *k = sqlite3_value_pointer(val[0], "rp_kept");
	int64_t id = sqlite3_value_int64(val[1]);

	(void)nval;
	sqlite3_result_int(ctx, k && bsearch(&id, k->rowid, k->n, sizeof id, by_rowid) != NULL);
}

int
search_register(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *stmt;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL)) != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(stmt);
	rc = sqlite3_finalize(stmt);
	if (rc == SQLITE_OK && (api == NULL || api->iVersion < 2))
		rc = SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "rp_hits", NULL, hits_fn, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "rp_kept", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
					     kept_fn, NULL, NULL);
	return rc;
}

/* One match of the window, as rp_hits() saw it. */
struct ranked {
	int64_t rowid;
	double score;
};

static int
by_score(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->rowid < y->rowid ? 1 : x->rowid > y->rowid ? -1 : 0;
}

/* Read the window (stmt) and score it: Okapi BM25 (k1 1.2, b 0.75, the
** weight of a phrase log(1 + (N - n + 0.5) / (n + 0.5)), N the matches
** read, n those holding the phrase), best first into *best (malloc'd,
** *nbest of them).  Returns SQLite's code: SQLITE_DONE when read whole. */
static int
rank_window(sqlite3_stmt *stmt, struct ranked **best, size_t *nbest, bool *oom)
{
	struct ranked *rows = malloc(SEARCH_WINDOW * sizeof *rows);
	int32_t (*hits)[1 + SEARCH_PHRASES_MAX] = malloc(SEARCH_WINDOW * sizeof *hits);
	double idf[SEARCH_PHRASES_MAX], avg = 0;
	int holding[SEARCH_PHRASES_MAX] = {0};
	size_t n = 0, nphrase = 0;
	int rc = SQLITE_DONE;

	*best = NULL;
	*nbest = 0;
	if (rows == NULL || hits == NULL) {
		free(rows);
		free(hits);
		*oom = true;
		return SQLITE_NOMEM;
	}
	while (n < SEARCH_WINDOW && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const void *blob = sqlite3_column_blob(stmt, 1);
		size_t size = (size_t)sqlite3_column_bytes(stmt, 1) / sizeof(int32_t);

		if (blob == NULL || size < 1 || size > 1 + SEARCH_PHRASES_MAX)
			continue;
		memset(hits[n], 0, sizeof hits[n]);
		memcpy(hits[n], blob, size * sizeof(int32_t));
		if (size - 1 > nphrase)
			nphrase = size - 1;
		rows[n].rowid = sqlite3_column_int64(stmt, 0);
		avg += hits[n][0];
		for (size_t p = 0; p < size - 1; p++)
			holding[p] += hits[n][1 + p] > 0;
		n++;
	}
	if (n == SEARCH_WINDOW)
		rc = SQLITE_DONE;
	if (rc == SQLITE_DONE && n > 0) {
		avg = avg > 0 ? avg / (double)n : 1;
		for (size_t p = 0; p < nphrase; p++)
			idf[p] = log(1 + ((double)n - holding[p] + 0.5) / (holding[p] + 0.5));
		for (size_t i = 0; i < n; i++) {
			double len = hits[i][0] > 0 ? hits[i][0] : avg, score = 0;

			for (size_t p = 0; p < nphrase; p++) {
				double tf = hits[i][1 + p];

				score += idf[p] * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / avg));
			}
			rows[i].score = score;
		}
		qsort(rows, n, sizeof *rows, by_score);
	}
	free(hits);
	if (rc != SQLITE_DONE) {
		free(rows);
		return rc;
	}
	*best = rows;
	*nbest = n;
	return rc;
}

/* The hit whose row is at stmt (src, ref, snippet), ranked rank, with what
** its source says of it; nothing when its row is gone (the index is ahead
** of us). */
static enum rp_status
add_hit(store *st, search_result *r, size_t *cap, sqlite3_stmt **detail, sqlite3_stmt *stmt,
	double rank, bool *oom, rp_error *err)
{
	int src = (int)db_col_int(stmt, 0, 0, NSOURCES - 1, -1);
	sqlite3_stmt *d;
	search_hit *h;
	char *snippet;
	enum rp_status s;
	int drc;

	if (src < 0 || src >= NSOURCES)
		return RP_OK;
	if (detail[src] == NULL &&
	    (s = db_prepare(st, detail_sql[src], &detail[src], N_("searching"), err)) != RP_OK)
		return s;
	d = detail[src];
	sqlite3_reset(d);
	sqlite3_bind_int64(d, 1, db_col_id(stmt, 1));
	if ((drc = sqlite3_step(d)) == SQLITE_DONE)
		return RP_OK;
	if (drc != SQLITE_ROW)
		return store_fail(st, err, N_("searching"));
	if (!arena_grow(&r->hits, cap, r->nhits, sizeof *r->hits)) {
		*oom = true;
		return RP_OK;
	}
	h = &r->hits[r->nhits++];
	h->what = db_col_arena(&r->arena, d, 0, oom);
	h->at = db_col_time(d, 1);
	h->client = db_col_arena(&r->arena, d, 2, oom);
	h->client_id = db_col_id(d, 3);
	h->meeting_id = db_col_id(d, 4);
	h->note_id = db_col_id(d, 5);
	h->client_archived = db_col_int(d, 6, 0, 1, 0) != 0;
	snippet = db_col_strdup(stmt, 2);
	h->snippet = clean_snippet(r, snippet, oom);
	free(snippet);
	h->rank = rank;
	return RP_OK;
}

/* search_hit with where it stood, for a sort that keeps ties in order. */
struct placed {
	search_hit hit;
	size_t at;
};

static int
by_rank(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;

	if (x->hit.rank != y->hit.rank)
		return x->hit.rank < y->hit.rank ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Best first: the window ranked, the best `limit` kept, then found again
** newest first for their snippets and put back in their order (ties
** newest first). */
static int
best_hits(store *st, search_result *r, sqlite3_stmt *window, const char *query, size_t limit,
	  sqlite3_stmt **detail, enum rp_status *s, bool *oom, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	struct ranked *best;
	struct placed *sorted;
	int64_t *ids;
	size_t nbest, cap = 0;
	int rc = rank_window(window, &best, &nbest, oom);

	if (rc != SQLITE_DONE || nbest == 0) {
		free(best);
		return rc;
	}
	if (nbest > limit)
		nbest = limit;
	if ((ids = malloc(nbest * sizeof *ids)) == NULL) {
		free(best);
		*oom = true;
		return SQLITE_NOMEM;
	}
	for (size_t i = 0; i < nbest; i++)
		ids[i] = best[i].rowid;
	qsort(ids, nbest, sizeof *ids, by_rowid);
	if ((*s = db_prepare(st, search_sql_kept, &stmt, N_("searching"), err)) != RP_OK)
		goto out;
	sqlite3_bind_text(stmt, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, ids[0]);
	sqlite3_bind_int64(stmt, 3, ids[nbest - 1]);
	sqlite3_bind_pointer(stmt, 4, &(struct kept){ids, nbest}, "rp_kept", NULL);
	while (*s == RP_OK && !*oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 3);
		double rank = 0;

		for (size_t i = 0; i < nbest; i++)
			if (best[i].rowid == id)
				rank = -best[i].score;
		*s = add_hit(st, r, &cap, detail, stmt, rank, oom, err);
	}
	if (*s != RP_OK || *oom || rc != SQLITE_DONE || r->nhits < 2)
		goto out;
	if ((sorted = malloc(r->nhits * sizeof *sorted)) == NULL) {
		*oom = true;
		goto out;
	}
	for (size_t i = 0; i < r->nhits; i++)
		sorted[i] = (struct placed){r->hits[i], i};
	qsort(sorted, r->nhits, sizeof *sorted, by_rank);
	for (size_t i = 0; i < r->nhits; i++)
		r->hits[i] = sorted[i].hit;
	free(sorted);
out:
	sqlite3_finalize(stmt);
	free(ids);
	free(best);
	return rc;
}

/* One FTS5 query (with the #topics, when ntopics > 0, that its notes must
** be tagged with); shown is the query as typed, for messages. */
static enum rp_status
search_once(store *st, const char *query, const char *shown, const char *topics, int ntopics,
	    enum search_order order, size_t limit, search_result **out, rp_error *err)
{
	const char *sql;
	sqlite3_stmt *stmt = NULL, *detail[NSOURCES] = {NULL};
	search_result *r;
	size_t cap = 0;
	bool oom = false;
	enum rp_status s = RP_OK;
	int rc;

	*out = NULL;
	if (!text_utf8_valid(query, strlen(query)))
		return rp_fail(err, RP_EINVAL, "%s", _("search: the query is not valid UTF-8"));
	if (!text_visible(query))
		return rp_fail(err, RP_EINVAL, "%s", _("search: the query is empty"));
	if ((r = calloc(1, sizeof *r)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	if (ntopics > 0)
		sql = order == SEARCH_BEST ? search_sql_best_tagged : search_sql_newest_tagged;
	else
		sql = order == SEARCH_BEST ? search_sql_best : search_sql_newest;
	if ((s = db_prepare(st, sql, &stmt, N_("searching"), err)) != RP_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, query, -1, SQLITE_STATIC);
	if (order != SEARCH_BEST)
		sqlite3_bind_int64(stmt, 2, (int64_t)limit);
	if (ntopics > 0) {
		sqlite3_bind_text(stmt, 3, topics, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 4, ntopics);
	}
	if (order == SEARCH_BEST) {
		rc = best_hits(st, r, stmt, query, limit, detail, &s, &oom, err);
	} else {
		while (s == RP_OK && !oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
			s = add_hit(st, r, &cap, detail, stmt, 0, &oom, err);
	}
	if (s != RP_OK)
		goto fail;
	if (oom) {
		s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
		goto fail;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		const char *msg = sqlite3_errmsg(store_db(st));

		/* A plain SQLITE_ERROR here is the query's syntax; FTS5's own words
		** ("fts5: syntax error near ...") are not for the user: say what to
		** type instead. */
		if ((sqlite3_errcode(store_db(st)) & 0xff) == SQLITE_ERROR || strstr(msg, "fts5"))
			s = rp_fail(err, RP_EINVAL,
				    _("search: cannot understand \"%.60s\" (use words, \"a phrase\","
				      " OR, NOT, or a prefix*)"),
				    shown);
		else
			s = store_fail(st, err, N_("searching"));
		goto fail;
	}
	s = RP_OK;
	*out = r;
	r = NULL;
fail:
	sqlite3_finalize(stmt);
	for (int i = 0; i < NSOURCES; i++)
		sqlite3_finalize(detail[i]);
	search_free(r);
	return s;
}

const char *
search_sql(enum search_order order)
{
	return order == SEARCH_BEST ? search_sql_best : search_sql_newest;
}

/* A stored word as the user reads it: a meeting's state, a touchpoint's
** kind (timeline.h), what a search hit is (search.h); the word itself
** when it is none of those. */
const char *
search_what_label(const char *what)
{
	static const struct {
		const char *name;
		int id;
	} names[] = {
		{"planned", 0}, {"live", 1}, {"ended", 2}, {"cancelled", 3}, {"email", 4},
		{"call", 5}, {"message", 6}, {"other", 7}, {"note", 8}, {"need", 9},
		{"concern", 10}, {"question", 11}, {"decision", 12}, {"action", 13},
		{"personal", 14}, {"quote", 15}, {"private", 16}, {"fact", 17},
		{"follow-up", 18}, {"agenda", 19}, {"client", 20}, {"touchpoint", 21},
		{"person", 22},
	};
	int id = -1;

	for (size_t i = 0; what && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(what, names[i].name) == 0)
			id = names[i].id;
	switch (id) {
	case 0: return C_("review: what", "planned");
	case 1: return C_("review: what", "live");
	case 2: return C_("review: what", "ended");
	case 3: return C_("review: what", "cancelled");
	case 4: return C_("review: what", "email");
	case 5: return C_("review: what", "call");
	case 6: return C_("review: what", "message");
	case 7: return C_("review: what", "other");
	case 8: return C_("review: what", "note");
	case 9: return C_("review: what", "need");
	case 10: return C_("review: what", "concern");
	case 11: return C_("review: what", "question");
	case 12: return C_("review: what", "decision");
	case 13: return C_("review: what", "action");
	case 14: return C_("review: what", "personal");
	case 15: return C_("review: what", "quote");
	case 16: return C_("review: what", "private");
	case 17: return C_("review: what", "fact");
	case 18: return C_("review: what", "follow-up");
	case 19: return C_("review: what", "agenda");
	case 20: return C_("review: what", "client");
	case 21: return C_("review: what", "touchpoint");
	case 22: return C_("review: what", "person");
	default: return what ? what : "";
	}
}
