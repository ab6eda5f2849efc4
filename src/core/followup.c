/* followup.c: follow-ups across clients, and changing one between calls.
**
** Across clients the list walks the partial index followups_open (due,
** then rowid, of the open ones only) in its own order, so "overdue first,
** then by due date" is the index order and LIMIT stops the walk: the rows
** read grow with the rows shown (plus those the filter skips: archived
** clients, the other side), never with the closed history.  Those without
** a due date are read after, from the same index: each open one is looked
** at (a due no calendar holds counts as none, see LIST_DATED), so that
** half grows with the open follow-ups, still never with the closed ones.
** For one client, see client_sql.
*/
#include "rapport/followup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "rapport/note.h"
#include "rapport/person.h"
#include "rapport/text.h"
#include "rapport/i18n.h"

/* followup_owner_is_theirs() on text already folded: o the owner, n the
** client's name. */
static bool
theirs_folded(const char *o, const char *n)
{
	static const char *const words[] = {"client", "them", "they", "eux", "elle", "lui"};
	bool theirs = false, mine = false;

	if (o == NULL || n == NULL || *o == '\0')
		return false;
	/* "me" is yours even for a client named Meridian. */
	for (size_t i = 0; person_mine_words[i]; i++)
		mine = mine || strcmp(o, person_mine_words[i]) == 0;
	for (size_t i = 0; !mine && i < sizeof words / sizeof words[0]; i++)
		theirs = theirs || strcmp(o, words[i]) == 0;
	/* A word of the client's name, or the start of one of 3 letters or
	** more ("zoe" for "Zoë Lefèvre"). */
	for (const char *w = n; !mine && !theirs && w; w = strchr(w, ' ')) {
		size_t len = strlen(o);

		while (*w == ' ')
			w++;
		theirs = strncmp(w, o, len) == 0 && (len >= 3 || w[len] == ' ' || w[len] == '\0');
	}
	return theirs;
}

bool
followup_owner_is_theirs(const char *owner, const char *client_name)
{
	char *o = owner ? text_fold(owner) : NULL, *n = text_fold(client_name);
	bool theirs = theirs_folded(o, n);

	free(o);
	free(n);
	return theirs;
}

/* The client names rp_theirs() folded last, with their folds: a list
** holds a few clients' rows, interleaved by due date, so most rows find
** their client's name here and only the owner is folded per row. */
enum { FOLD_CACHE = 8 };

struct fold_cache {
	char *name[FOLD_CACHE];
	char *folded[FOLD_CACHE];
	unsigned next;                 /* the slot to reuse next */
};

static void
fold_cache_free(void *p)
{
	struct fold_cache *c = p;

	for (int i = 0; c && i < FOLD_CACHE; i++) {
		free(c->name[i]);
		free(c->folded[i]);
	}
	free(c);
}

/* name folded, from c or folded now and kept; NULL when out of memory.
** c owns what it returns. */
static const char *
fold_cached(struct fold_cache *c, const char *name)
{
	unsigned i = c->next;
	char *copy, *folded;

	for (int k = 0; k < FOLD_CACHE; k++)
		if (c->name[k] && strcmp(c->name[k], name) == 0)
			return c->folded[k];
	copy = strdup(name);
	folded = text_fold(name);
	if (copy == NULL || folded == NULL) {
		free(copy);
		free(folded);
		return NULL;
	}
	free(c->name[i]);
	free(c->folded[i]);
	c->name[i] = copy;
	c->folded[i] = folded;
	c->next = (i + 1) % FOLD_CACHE;
	return folded;
}

/* rp_theirs(owner, client_name) in SQL: the side filter runs inside the
** index walk, so LIMIT counts the rows kept, not the rows read. */
static void
sql_theirs(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *owner = sqlite3_value_text(argv[0]);
	const unsigned char *name = sqlite3_value_text(argv[1]);
	const char *n;
	char *o;

	(void)argc;
	if (owner == NULL || *owner == '\0') {
		sqlite3_result_int(ctx, 0);  /* nobody named: mine */
		return;
	}
	o = text_fold((const char *)owner);
	n = fold_cached(sqlite3_user_data(ctx), name ? (const char *)name : "");
	if (o == NULL || n == NULL)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_int(ctx, theirs_folded(o, n));
	free(o);
}

int
followup_register(sqlite3 *db)
{
	struct fold_cache *c = calloc(1, sizeof *c);

	if (c == NULL)
		return SQLITE_NOMEM;
	/* On failure too, SQLite calls fold_cache_free. */
	return sqlite3_create_function_v2(db, "rp_theirs", 2,
					  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, c,
					  sql_theirs, NULL, NULL, fold_cache_free);
}

void
followup_list_free(followup_list *l)
{
	if (l == NULL)
		return;
	free(l->items);
	arena_free(l->arena);
	free(l);
}

/* Theirs: an owner linked to one of the client's people (person.h), or
** one naming the client. */
#define LIST_THEIRS "(f.person_id IS NOT NULL OR rp_theirs(f.owner, c.name))"

/* The columns every list query reads, and what it joins.  A linked
** owner is shown by the person's name. */
#define LIST_SELECT                                                              \
	"SELECT f.id, f.client_id, c.name, f.text,"                              \
	" coalesce((SELECT name FROM people WHERE id = f.person_id), f.owner), f.due," \
	" coalesce(f.meeting_id, 0), m.title,"                                   \
	" coalesce(m.started_at, m.planned_at, m.created_at),"                   \
	" " LIST_THEIRS ", coalesce(f.person_id, 0)"
#define LIST_JOIN                                                                \
	" JOIN clients c ON c.id = f.client_id AND c.archived_at IS NULL"        \
	" LEFT JOIN meetings m ON m.id = f.meeting_id"
/* ?1 due on or before, ?2 side (0 either, 1 mine, 2 theirs), ?3 limit,
** ?4 client. */
#define LIST_SIDE " AND (?2 = 0 OR " LIST_THEIRS " = ?2 - 1)"
/* The schema's GLOB lets another tool store '2026-02-30' or '0000-00-00':
** a due that is no day of the calendar is no due date, so it is neither
** overdue nor due by any day, and it sorts with those without one.  Only
** through a modifier does date() move 02-30 to 03-02 (alone it gives the
** text back); it refuses month 13; year 0 it takes, rapport does not. */
#define LIST_REAL_DAY "f.due >= '0001-01-01' AND date(f.due, '+0 days') IS f.due"
#define LIST_DATED " AND " LIST_REAL_DAY
#define LIST_UNDATED " AND (f.due IS NULL OR NOT (" LIST_REAL_DAY "))"

/* Across clients: the partial index, walked in its order.  The undated
** half reads every open follow-up (an impossible date may sort anywhere),
** never the closed history. */
static const char *const across_sql[2] = {
	LIST_SELECT " FROM followups f INDEXED BY followups_open" LIST_JOIN
	" WHERE f.status = 'open' AND f.due <= ?1" LIST_DATED LIST_SIDE
	" ORDER BY f.due, f.id LIMIT ?3",
	LIST_SELECT " FROM followups f INDEXED BY followups_open" LIST_JOIN
	" WHERE f.status = 'open'" LIST_UNDATED LIST_SIDE
	" ORDER BY f.id LIMIT ?3",
};

/* One client: followups_client holds each client's open follow-ups alone
** (a partial index), so it reads that client's and nothing else, sorted
** after; followups_open would walk every client's open ones to find them. */
static const char *const client_sql[2] = {
	LIST_SELECT " FROM followups f INDEXED BY followups_client" LIST_JOIN
	" WHERE f.client_id = ?4 AND f.status = 'open' AND f.due <= ?1" LIST_DATED LIST_SIDE
	" ORDER BY f.due, f.id LIMIT ?3",
	LIST_SELECT " FROM followups f INDEXED BY followups_client" LIST_JOIN
	" WHERE f.client_id = ?4 AND f.status = 'open'" LIST_UNDATED LIST_SIDE
	" ORDER BY f.id LIMIT ?3",
};

/* Read the rows of one list query into l, up to want of them (one more
** sets l->more). */
static enum rp_status
read_rows(store *st, const char *sql, const followup_filter *f, const char *due_by,
	  size_t want, followup_list *l, size_t *cap, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	bool oom = false;
	enum rp_status s;
	int rc;

	if ((s = db_prepare(st, sql, &stmt, N_("reading follow-ups"), err)) != RP_OK)
		return s;
	sqlite3_bind_text(stmt, 1, due_by, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, (int)f->side);
	sqlite3_bind_int64(stmt, 3, (sqlite3_int64)want + 1);
	sqlite3_bind_int64(stmt, 4, f->client_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		followup *it;

		if (l->n == want) {
			l->more = true;
			break;
		}
		if (!arena_grow(&l->items, cap, l->n, sizeof *l->items)) {
			oom = true;
			break;
		}
		it = &l->items[l->n++];
		it->id = db_col_id(stmt, 0);
		it->client_id = db_col_id(stmt, 1);
		it->client = db_col_arena(&l->arena, stmt, 2, &oom);
		it->text = db_col_arena(&l->arena, stmt, 3, &oom);
		it->owner = db_col_arena_or_null(&l->arena, stmt, 4, &oom);
		it->due = db_col_arena_due(&l->arena, stmt, 5, &oom);
		it->meeting_id = db_col_id(stmt, 6);
		it->meeting_title = it->meeting_id
					    ? db_col_arena(&l->arena, stmt, 7, &oom) : NULL;
		it->meeting_at = it->meeting_id ? db_col_time(stmt, 8) : 0;
		it->theirs = sqlite3_column_int(stmt, 9) != 0;
		it->person_id = db_col_id(stmt, 10);
		it->overdue = it->due && strcmp(it->due, DATE_INVALID_TEXT) != 0 &&
			      strcmp(it->due, f->today) < 0;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && !oom)
		s = store_fail(st, err, N_("reading follow-ups"));
	else if (oom)
		s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	sqlite3_finalize(stmt);
	return s;
}

/* The last day a dated follow-up may be due to pass the filter; "9999-99-99"
** (after every date) when any will do. */
static void
due_bound(const followup_filter *f, char out[11])
{
	strcpy(out, "9999-99-99");
	if (f->due_by && strcmp(f->due_by, out) < 0)
		snprintf(out, 11, "%s", f->due_by);
	if (f->overdue) {
		rp_date today = {0, 0, 0};
		char yesterday[11];

		if (sscanf(f->today, "%4d-%2d-%2d", &today.year, &today.month, &today.day) == 3 &&
		    date_valid(today.year, today.month, today.day))
			date_format(date_add_days(today, -1), yesterday);
		else
			strcpy(yesterday, "0000-00-00");
		if (strcmp(yesterday, out) < 0)
			strcpy(out, yesterday);
	}
}

enum rp_status
followup_list_load(store *st, const followup_filter *filter, followup_list **out,
		   rp_error *err)
{
	const char *const *sql = filter->client_id ? client_sql : across_sql;
	size_t want = filter->limit && filter->limit < FOLLOWUP_LIST_MAX ? filter->limit
									 : FOLLOWUP_LIST_MAX;
	size_t cap = 0;
	char due_by[11];
	followup_list *l;
	enum rp_status s;

	*out = NULL;
	if ((l = calloc(1, sizeof *l)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	due_bound(filter, due_by);
	/* One read transaction: both halves see the same file. */
	if (sqlite3_exec(store_db(st), "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		s = store_fail(st, err, N_("reading follow-ups"));
		goto fail;
	}
	s = read_rows(st, sql[0], filter, due_by, want, l, &cap, err);
	/* Without a date they pass no date filter; they come last. */
	if (s == RP_OK && !l->more && !filter->overdue && !filter->due_by)
		s = read_rows(st, sql[1], filter, due_by, want, l, &cap, err);
	sqlite3_exec(store_db(st), s == RP_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	if (s != RP_OK)
		goto fail;
	*out = l;
	return RP_OK;
fail:
	followup_list_free(l);
	return s;
}

/* The status of follow-up id into buf: RP_ENOTFOUND when there is none. */
static enum rp_status
read_status(store *st, int64_t id, char *buf, size_t size, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	s = db_prepare(st, "SELECT status FROM followups WHERE id = ?1", &stmt,
		       N_("reading a follow-up"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		db_col_copy(stmt, 0, buf, size);
	else if (rc == SQLITE_DONE)
		s = rp_fail(err, RP_ENOTFOUND, _("no follow-up %lld"), (long long)id);
	else
		s = store_fail(st, err, N_("reading a follow-up"));
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
followup_set_status(store *st, const rp_clock *clock, int64_t id, enum followup_status status,
		    rp_error *err)
{
	char now[16];
	enum rp_status s;

	if ((unsigned)status > FOLLOWUP_DROPPED)
		return rp_fail(err, RP_EINVAL, "%s", _("unknown follow-up status"));
	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	if ((s = read_status(st, id, now, sizeof now, err)) != RP_OK)
		goto fail;
	/* Only an open one closes, only a closed one opens again: done is
	** not silently turned into dropped by a second command. */
	if ((status == FOLLOWUP_OPEN) == (strcmp(now, "open") == 0)) {
		s = rp_fail(err, RP_EINVAL,
			    strcmp(now, "done") == 0      ? _("follow-up %lld is already done")
			    : strcmp(now, "dropped") == 0 ? _("follow-up %lld is already dropped")
			    : strcmp(now, "open") == 0    ? _("follow-up %lld is already open")
							  : _("follow-up %lld is already closed"),
			    (long long)id);
		goto fail;
	}
	if ((s = record_followup_status(st, clock, id, status, err)) != RP_OK)
		goto fail;
	return store_commit(st, err);
fail:
	store_rollback(st);
	return s;
}

/* Update one text column of follow-up id (NULL for none), saying "no
** follow-up N" when there is none.  sql binds ?1 id, ?2 the value. */
static enum rp_status
update_text(store *st, const char *sql, int64_t id, const char *value, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = db_prepare(st, sql, &stmt, N_("changing a follow-up"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	db_bind_text_or_null(stmt, 2, value);
	s = db_step_done(st, stmt, N_("changing a follow-up"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no follow-up %lld"), (long long)id);
	sqlite3_finalize(stmt);
	return s;
}

/* text without surrounding blanks into buf (size bytes); false when it
** does not fit. */
static bool
trim_into(const char *text, char *buf, size_t size)
{
	size_t len;

	while (*text == ' ' || *text == '\t')
		text++;
	len = strlen(text);
	while (len && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len >= size)
		return false;
	memcpy(buf, text, len);
	buf[len] = '\0';
	return true;
}

enum rp_status
followup_set_owner(store *st, int64_t id, const char *owner, rp_error *err)
{
	char who[NOTE_OWNER_MAX + 1] = "";
	enum rp_status s;

	if (owner) {
		while (*owner == ' ' || *owner == '\t')
			owner++;
		if (*owner == '@')
			owner++;
		if (!trim_into(owner, who, sizeof who))
			return rp_fail(err, RP_EINVAL, _("an owner is at most %d bytes"),
				       NOTE_OWNER_MAX);
		if (!text_utf8_valid(who, strlen(who)) || text_has_control(who))
			return rp_fail(err, RP_EINVAL, "%s", _("an owner is text without control characters"));
	}
	/* person_id was matched from the old text: it goes with it, and the
	** new text is matched again (a person named, or nobody). */
	if ((s = update_text(st,
			     "UPDATE followups SET owner = ?2, person_id = CASE WHEN owner IS ?2"
			     " THEN person_id END WHERE id = ?1",
			     id, who, err)) != RP_OK)
		return s;
	return person_link_followup(st, id, err);
}

enum rp_status
followup_set_due(store *st, int64_t id, const char *text, rp_date today, char *due,
		 rp_error *err)
{
	char typed[64] = "", ymd[11] = "";
	enum rp_status s;

	if (text && !trim_into(text, typed, sizeof typed))
		return rp_fail(err, RP_EINVAL, _("not a due date: %.40s..."), text);
	if (typed[0] && strcmp(typed, "-") != 0) {
		rp_date d;

		s = date_parse_due(typed[0] == '^' ? typed + 1 : typed, today, &d, err);
		if (s != RP_OK)
			return s;
		date_format(d, ymd);
	}
	s = update_text(st, "UPDATE followups SET due = ?2 WHERE id = ?1", id, ymd, err);
	if (s == RP_OK && due)
		memcpy(due, ymd, sizeof ymd);
	return s;
}
