/* timeline.c: meetings and touchpoints of one client, newest first. */
#include "rapport/timeline.h"

#include <limits.h>
#include <stdlib.h>

#include "arena.h"
#include "db.h"
#include "rapport/i18n.h"

/* Three bounded walks, merged by time: the meetings held (meetings_client
** from its newest started_at), those never started (the same index's NULL
** end: planned or cancelled, few), and the touchpoints (touchpoints_client
** from its newest at).  Each is cut at the limit, so the union holds the
** newest limit entries whatever the history's size. */
static const char timeline_sql[] =
	"SELECT * FROM ("
	" SELECT * FROM (SELECT 0, m.id, m.started_at AS t, m.state, m.title"
	"  FROM meetings m WHERE m.client_id = ?1 AND m.started_at IS NOT NULL"
	"  ORDER BY m.started_at DESC LIMIT ?2)"
	" UNION ALL"
	" SELECT * FROM (SELECT 0, m.id, coalesce(m.planned_at, m.created_at) AS t, m.state,"
	"  m.title FROM meetings m WHERE m.client_id = ?1 AND m.started_at IS NULL"
	"  ORDER BY t DESC LIMIT ?2)"
	" UNION ALL"
	" SELECT * FROM (SELECT 1, t.id, t.at AS t, t.kind, t.text"
	"  FROM touchpoints t WHERE t.client_id = ?1 ORDER BY t.at DESC LIMIT ?2)"
	") ORDER BY 3 DESC, 1, 2 DESC LIMIT ?2 + 1";

/* A meeting's live notes, through notes_meeting. */
static const char notes_sql[] =
	"SELECT count(*) FROM notes WHERE meeting_id = ?1 AND phase = 'live'";

/* The notes of the meetings kept, counted once the merge has cut the
** list: a meeting walked but left out (older than limit touchpoints)
** costs nothing, so the count grows with the entries shown, not with the
** history. */
static enum rp_status
count_notes(store *st, timeline *t, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = db_prepare(st, notes_sql, &stmt, N_("reading the history"), err)) != RP_OK)
		return s;
	for (size_t i = 0; s == RP_OK && i < t->n; i++) {
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

enum rp_status
timeline_load(store *st, int64_t client_id, size_t limit, timeline **out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	timeline *t;
	size_t cap = 0;
	bool oom = false;
	enum rp_status s;
	int rc;

	*out = NULL;
	if (limit > TIMELINE_MAX)
		limit = TIMELINE_MAX;
	if ((t = calloc(1, sizeof *t)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	if ((s = db_prepare(st, timeline_sql, &stmt, N_("reading the history"), err)) != RP_OK)
		goto out;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_int64(stmt, 2, (int64_t)limit);
	while (!oom && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		timeline_entry *e;

		if (t->n == limit) {
			t->more = true;  /* the one row past the limit */
			continue;
		}
		if (!arena_grow(&t->entries, &cap, t->n, sizeof *t->entries)) {
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
		s = count_notes(st, t, err);
out:
	sqlite3_finalize(stmt);
	if (s != RP_OK) {
		timeline_free(t);
		return s;
	}
	*out = t;
	return RP_OK;
}
