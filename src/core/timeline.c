/* timeline.c: meetings and touchpoints of one client, newest first. */
#include "rapport/timeline.h"

#include <limits.h>
#include <stdlib.h>

#include "arena.h"
#include "db.h"
#include "meeting_sql.h"
#include "rapport/i18n.h"

/* Three bounded walks, merged by time: the meetings held (meetings_client
** from its newest started_at), those never started (the same index's NULL
** end: planned or cancelled, few), and the touchpoints (touchpoints_client
** from its newest at).  Each is cut one past the limit, so the union
** holds the newest limit entries whatever the history's size, and the
** one after says there are more.  The order is time,
** newest first, then meetings before touchpoints, then the newer id; the
** next page starts past an entry (?3 its time, ?4 the meeting id and ?5
** the touchpoint id below which an entry of that time follows it), read
** from the same indexes where the last page stopped. */
static const char timeline_sql[] =
	"SELECT * FROM ("
	" SELECT * FROM (SELECT 0, m.id, m.started_at AS t, m.state, m.title"
	"  FROM meetings m WHERE m.client_id = ?1 AND m.started_at IS NOT NULL"
	"  AND (m.started_at, m.id) < (?3, ?4)"
	"  ORDER BY m.started_at DESC, m.id DESC LIMIT ?2 + 1)"
	" UNION ALL"
	" SELECT * FROM (SELECT 0, m.id, coalesce(m.planned_at, m.created_at) AS t, m.state,"
	"  m.title FROM meetings m WHERE m.client_id = ?1 AND m.started_at IS NULL"
	"  AND (coalesce(m.planned_at, m.created_at), m.id) < (?3, ?4)"
	"  ORDER BY t DESC, m.id DESC LIMIT ?2 + 1)"
	" UNION ALL"
	" SELECT * FROM (SELECT 1, t.id, t.at AS t, t.kind, t.text"
	"  FROM touchpoints t WHERE t.client_id = ?1 AND (t.at, t.id) < (?3, ?5)"
	"  ORDER BY t.at DESC, t.id DESC LIMIT ?2 + 1)"
	") ORDER BY 3 DESC, 1, 2 DESC LIMIT ?2 + 1";
/* A meeting's live notes, counted in indexes (meeting_sql.h). */
static const char notes_sql[] = "SELECT " MEETING_LIVE_NOTES("?1");

/* The notes of the meetings kept, counted once the merge has cut the
** list: a meeting walked but left out (older than limit touchpoints)
** costs nothing, so the count grows with the entries shown, not with the
** history. */
static enum rp_status
count_notes(store *st, timeline *t, size_t from, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = db_prepare(st, notes_sql, &stmt, N_("reading the history"), err)) != RP_OK)
		return s;
	for (size_t i = from; s == RP_OK && i < t->n; i++) {
		if (t->entries[i].touch)
			continue;
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, t->entries[i].id);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			t->entries[i].notes = (int)db_col_int(stmt, 0, 0, INT_MAX, 0);
		else
			s = store_fail(st, err, N_("reading the history"));
	}
	sqlite3_finalize(stmt);
	return s;
}

void
timeline_free(timeline *t)
{
	if (t == NULL)
		return;
	free(t->entries);
	arena_free(t->arena);
	free(t);
}

/* The next limit entries past t's last (all from the newest when t has
** none), appended to t. */
static enum rp_status
load_page(store *st, timeline *t, size_t limit, rp_error *err)
{
	const timeline_entry *last = t->n ? &t->entries[t->n - 1] : NULL;
	sqlite3_stmt *stmt = NULL;
	size_t from = t->n;
	bool oom = false;
	enum rp_status s;
	int rc;

	if (limit > TIMELINE_MAX)
		limit = TIMELINE_MAX;
	if ((s = db_prepare(st, timeline_sql, &stmt, N_("reading the history"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, t->client_id);
	sqlite3_bind_int64(stmt, 2, (int64_t)limit);
	sqlite3_bind_int64(stmt, 3, last ? last->at : INT64_MAX);
	sqlite3_bind_int64(stmt, 4, !last ? INT64_MAX : last->touch ? 0 : last->id);
	sqlite3_bind_int64(stmt, 5, !last || !last->touch ? INT64_MAX : last->id);
	t->more = false;
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		timeline_entry *e;

		if (t->n - from == limit) {
			t->more = true;  /* the one row past the limit */
			continue;
		}
		if (!arena_grow(&t->entries, &t->cap, t->n, sizeof *t->entries)) {
			oom = true;
			break;
		}
		e = &t->entries[t->n++];
		e->touch = db_col_int(stmt, 0, 0, 1, 0) != 0;
		e->id = db_col_id(stmt, 1);
		e->at = db_col_time(stmt, 2);
		e->what = db_col_arena(&t->arena, stmt, 3, &oom);
		e->text = db_col_arena(&t->arena, stmt, 4, &oom);
		e->notes = 0;
	}
	if (oom)
		s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	else if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading the history"));
	else
		s = count_notes(st, t, from, err);
	sqlite3_finalize(stmt);
	if (s != RP_OK)
		t->n = from;  /* as it was: the page is read again next time */
	return s;
}

enum rp_status
timeline_load(store *st, int64_t client_id, size_t limit, timeline **out, rp_error *err)
{
	timeline *t;
	enum rp_status s;

	*out = NULL;
	if ((t = calloc(1, sizeof *t)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	t->client_id = client_id;
	if ((s = load_page(st, t, limit, err)) != RP_OK) {
		timeline_free(t);
		return s;
	}
	*out = t;
	return RP_OK;
}

enum rp_status
timeline_load_more(store *st, timeline *t, size_t limit, rp_error *err)
{
	bool more = t->more;
	enum rp_status s;

	if (!t->more)
		return RP_OK;
	if ((s = load_page(st, t, limit, err)) != RP_OK)
		t->more = more;
	return s;
}
