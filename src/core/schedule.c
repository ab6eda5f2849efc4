/* schedule.c: meetings in time: what is coming and what has been, each
** client's next meeting, and a planned meeting moved, retitled or
** cancelled; a meeting started for nothing discarded. */
#include "rapport/meeting.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "carry.h"
#include "db.h"
#include "meeting_sql.h"
#include "rapport/i18n.h"

/* The columns of a meeting_entry, for read_entries(). */
#define ENTRY_COLUMNS                                                                     \
	"SELECT m.id, m.client_id, c.name, m.title, m.state, coalesce(m.planned_at, 0),"      \
	" coalesce(m.started_at, 0), coalesce(m.ended_at, 0), coalesce(m.cancelled_at, 0),"   \
	" coalesce(m.planned_minutes, 0),"                                                    \
	" (SELECT count(*) FROM agenda_items a WHERE a.meeting_id = m.id),"                  \
	" " MEETING_LIVE_NOTES("m.id")

/* Each list: ?1 the client (unused across clients), ?2 the limit.  The
** planned meetings are few whatever the history (those still ahead): the
** partial index meetings_planned holds them alone, the sort is over them. */
static const char upcoming_all_sql[] =
	ENTRY_COLUMNS " FROM meetings m JOIN clients c ON c.id = m.client_id"
	" WHERE m.state = 'planned' AND c.archived_at IS NULL"
	" ORDER BY coalesce(m.planned_at, m.created_at), m.id LIMIT ?2";
static const char upcoming_one_sql[] =
	ENTRY_COLUMNS " FROM meetings m JOIN clients c ON c.id = m.client_id"
	" WHERE m.client_id = ?1 AND m.started_at IS NULL AND m.state = 'planned'"
	" ORDER BY coalesce(m.planned_at, m.created_at), m.id LIMIT ?2";
/* Meetings held, newest first, straight down meetings_started (or
** meetings_client for one client): limit rows read, not the history. */
static const char held_all_sql[] =
	ENTRY_COLUMNS " FROM meetings m JOIN clients c ON c.id = m.client_id"
	" WHERE m.started_at IS NOT NULL AND m.state IN ('live', 'ended')"
	" AND c.archived_at IS NULL ORDER BY m.started_at DESC, m.id DESC LIMIT ?2";
static const char held_one_sql[] =
	ENTRY_COLUMNS " FROM meetings m JOIN clients c ON c.id = m.client_id"
	" WHERE m.client_id = ?1 AND m.started_at IS NOT NULL AND m.state IN ('live', 'ended')"
	" ORDER BY m.started_at DESC, m.id DESC LIMIT ?2";
/* Cancelled meetings never started: each client's started_at IS NULL range
** of meetings_client holds them with its planned ones, so this reads the
** clients and the meetings not held, never the ones held. */
static const char cancelled_all_sql[] =
	ENTRY_COLUMNS " FROM clients c CROSS JOIN meetings m"
	" WHERE m.client_id = c.id AND m.started_at IS NULL AND m.state = 'cancelled'"
	" AND c.archived_at IS NULL"
	" ORDER BY coalesce(m.planned_at, m.cancelled_at) DESC, m.id DESC LIMIT ?2";
static const char cancelled_one_sql[] =
	ENTRY_COLUMNS " FROM meetings m JOIN clients c ON c.id = m.client_id"
	" WHERE m.client_id = ?1 AND m.started_at IS NULL AND m.state = 'cancelled'"
	" ORDER BY coalesce(m.planned_at, m.cancelled_at) DESC, m.id DESC LIMIT ?2";

/* A growing list of entries. */
typedef struct entries {
	meeting_entry *v;
	size_t n, cap;
} entries;

/* Append the rows of sql (bound to client_id and limit) to *e. */
static enum rp_status
read_entries(store *st, const char *sql, int64_t client_id, size_t limit, entries *e,
	     rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	if ((s = db_prepare(st, sql, &stmt, N_("listing meetings"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_int64(stmt, 2, (int64_t)limit);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		meeting_entry *m;

		if (e->n == e->cap) {
			size_t cap = e->cap ? e->cap * 2 : 16;
			meeting_entry *grown = realloc(e->v, cap * sizeof *grown);

			if (grown == NULL) {
				s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
				goto out;
			}
			e->v = grown;
			e->cap = cap;
		}
		m = &e->v[e->n++];
		m->id = db_col_id(stmt, 0);
		m->client_id = db_col_id(stmt, 1);
		db_col_copy(stmt, 2, m->client, sizeof m->client);
		db_col_copy(stmt, 3, m->title, sizeof m->title);
		m->state = meeting_state_from(db_col_text(stmt, 4));
		m->planned_at = db_col_time(stmt, 5);
		m->started_at = db_col_time(stmt, 6);
		m->ended_at = db_col_time(stmt, 7);
		m->cancelled_at = db_col_time(stmt, 8);
		m->planned_minutes = (int)db_col_int(stmt, 9, 0, MEETING_MINUTES_MAX, 0);
		m->items = (int)db_col_int(stmt, 10, 0, INT_MAX, 0);
		m->notes = (int)db_col_int(stmt, 11, 0, INT_MAX, 0);
	}
	if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("listing meetings"));
out:
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
meeting_get(store *st, int64_t id, meeting_entry *out, rp_error *err)
{
	entries e = {0};
	enum rp_status s;

	s = read_entries(st, ENTRY_COLUMNS " FROM meetings m JOIN clients c ON c.id = m.client_id"
			 " WHERE m.id = ?1", id, 1, &e, err);
	if (s == RP_OK && e.n == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no meeting %lld"), (long long)id);
	if (s == RP_OK)
		*out = e.v[0];
	free(e.v);
	return s;
}

/* When a past meeting was: started, else (cancelled) planned for, else
** cancelled. */
static int64_t
past_when(const meeting_entry *m)
{
	if (m->started_at)
		return m->started_at;
	return m->planned_at ? m->planned_at : m->cancelled_at;
}

/* qsort: the newest past meeting first, the higher id first on a tie. */
static int
newest_first(const void *pa, const void *pb)
{
	const meeting_entry *a = pa, *b = pb;
	int64_t ta = past_when(a), tb = past_when(b);

	if (ta != tb)
		return ta < tb ? 1 : -1;
	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

enum rp_status
meeting_find(store *st, int64_t client_id, enum meeting_span span, size_t limit,
	     meeting_entry **out, size_t *n, rp_error *err)
{
	entries e = {0};
	enum rp_status s;

	*out = NULL;
	*n = 0;
	if (limit == 0)
		return RP_OK;
	if (span == MEETINGS_UPCOMING) {
		s = read_entries(st, client_id ? upcoming_one_sql : upcoming_all_sql, client_id,
				 limit, &e, err);
	} else {
		/* The newest `limit` of the two lists together are among the
		** newest `limit` of each. */
		s = read_entries(st, client_id ? held_one_sql : held_all_sql, client_id, limit, &e,
				 err);
		if (s == RP_OK)
			s = read_entries(st, client_id ? cancelled_one_sql : cancelled_all_sql,
					 client_id, limit, &e, err);
		if (s == RP_OK && e.n > 1)
			qsort(e.v, e.n, sizeof *e.v, newest_first);
		if (e.n > limit)
			e.n = limit;
	}
	if (s != RP_OK) {
		free(e.v);
		return s;
	}
	if (e.n == 0) {
		free(e.v);
		e.v = NULL;
	}
	*out = e.v;
	*n = e.n;
	return RP_OK;
}

enum rp_status
meeting_next_all(store *st, meeting_next **out, size_t *n, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	meeting_next *v = NULL, *grown;
	size_t len = 0, cap = 0;
	enum rp_status s;
	int rc;

	*out = NULL;
	*n = 0;
	/* Only the planned meetings (meetings_planned), each client's
	** earliest first: the first row of a client is its next one. */
	s = db_prepare(st,
		       "SELECT client_id, id, coalesce(planned_at, 0) FROM meetings"
		       " WHERE state = 'planned'"
		       " ORDER BY client_id, coalesce(planned_at, created_at), id",
		       &stmt, N_("reading the next meetings"), err);
	if (s != RP_OK)
		return s;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t client_id = db_col_id(stmt, 0);

		if (len && v[len - 1].client_id == client_id)
			continue;
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			if ((grown = realloc(v, cap * sizeof *v)) == NULL) {
				s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
				goto out;
			}
			v = grown;
		}
		v[len].client_id = client_id;
		v[len].id = db_col_id(stmt, 1);
		v[len].planned_at = db_col_time(stmt, 2);
		len++;
	}
	if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading the next meetings"));
out:
	sqlite3_finalize(stmt);
	if (s != RP_OK) {
		free(v);
		return s;
	}
	*out = v;
	*n = len;
	return RP_OK;
}

const meeting_next *
meeting_next_of(const meeting_next *v, size_t n, int64_t client_id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].client_id == client_id)
			return &v[mid];
		if (v[mid].client_id < client_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* RP_OK when meeting id is planned; else RP_ENOTFOUND or RP_EINVAL saying
** what it is instead. */
static enum rp_status
check_planned(store *st, int64_t id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	s = db_prepare(st, "SELECT state FROM meetings WHERE id = ?1", &stmt, N_("reading a meeting"),
		       err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		switch (meeting_state_from(db_col_text(stmt, 0))) {
		case MEETING_PLANNED:
			break;
		case MEETING_LIVE:
			s = rp_fail(err, RP_EINVAL, _("meeting %lld has started: it is not planned"),
				    (long long)id);
			break;
		case MEETING_ENDED:
			s = rp_fail(err, RP_EINVAL, _("meeting %lld has ended: it is not planned"),
				    (long long)id);
			break;
		case MEETING_CANCELLED:
			s = rp_fail(err, RP_EINVAL, _("meeting %lld was cancelled"), (long long)id);
			break;
		}
	} else if (rc == SQLITE_DONE) {
		s = rp_fail(err, RP_ENOTFOUND, _("no meeting %lld"), (long long)id);
	} else {
		s = store_fail(st, err, N_("reading a meeting"));
	}
	sqlite3_finalize(stmt);
	return s;
}

/* Run sql on planned meeting id (?1) with ?2 an integer, ?3 text, in one
** transaction with the check that it is planned. */
static enum rp_status
change_planned(store *st, int64_t id, const char *sql, int64_t num, const char *text,
	       const char *doing, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = check_planned(st, id, err);
	if (s == RP_OK)
		s = db_prepare(st, sql, &stmt, doing, err);
	if (s == RP_OK) {
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, num);
		if (text)
			sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
		s = db_step_done(st, stmt, doing, err);
	}
	sqlite3_finalize(stmt);
	if (s != RP_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, err);
}

enum rp_status
meeting_reschedule(store *st, int64_t id, int64_t planned_at, rp_error *err)
{
	return change_planned(st, id, "UPDATE meetings SET planned_at = ?2 WHERE id = ?1",
			      planned_at, NULL, N_("moving a meeting"), err);
}

enum rp_status
meeting_retitle(store *st, int64_t id, const char *title, rp_error *err)
{
	enum rp_status s;

	if ((s = meeting_check_title(title, N_("meeting title"), err)) != RP_OK)
		return s;
	return change_planned(st, id, "UPDATE meetings SET title = trim(?3) WHERE id = ?1", 0,
			      title, N_("retitling a meeting"), err);
}

enum rp_status
meeting_cancel(store *st, const rp_clock *clock, int64_t id, int64_t *carried_into,
	       rp_error *err)
{
	int64_t next = 0;
	enum rp_status s;

	if (carried_into)
		*carried_into = 0;
	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = check_planned(st, id, err);
	if (s == RP_OK)
		s = db_exec_ints(st,
				 "UPDATE meetings SET state = 'cancelled', cancelled_at = ?2 WHERE id = ?1",
				 id, rp_clock_now(clock), N_("cancelling a meeting"), err);
	/* Its agenda waits for the next meeting: there already, if one is
	** planned. */
	if (s == RP_OK) {
		s = db_query_int(st,
				 "SELECT id FROM meetings WHERE state = 'planned' AND client_id ="
				 " (SELECT client_id FROM meetings WHERE id = ?1)"
				 " ORDER BY coalesce(planned_at, created_at), id LIMIT 1",
				 id, 0, &next, N_("cancelling a meeting"), err);
		if (s == RP_ENOTFOUND) {
			s = RP_OK;
			next = 0;
		} else if (s == RP_OK) {
			s = carry_over_in(st, next, NULL, err);
		}
	}
	if (s != RP_OK) {
		store_rollback(st);
		return s;
	}
	if ((s = store_commit(st, err)) == RP_OK && carried_into)
		*carried_into = next;
	return s;
}

/* Is live meeting id one that was planned, rather than started on the
** spot?  A date, prep notes, an agenda item written for it (not carried),
** or a minute between making and starting it say it was planned
** (meeting_open_new makes and starts in one go): discarding one of those
** must not delete what was written for it. */
static enum rp_status
was_planned(store *st, int64_t id, bool *planned, rp_error *err)
{
	int64_t v = 0;
	enum rp_status s;

	s = db_query_int(st,
			 "SELECT m.planned_at IS NOT NULL"
			 " OR coalesce(m.started_at, 0) - coalesce(m.created_at, 0) >= 60"
			 " OR EXISTS (SELECT 1 FROM notes n WHERE n.meeting_id = m.id"
			 " AND n.phase = 'prep')"
			 " OR EXISTS (SELECT 1 FROM agenda_items a WHERE a.meeting_id = m.id"
			 " AND a.carried_from IS NULL) FROM meetings m WHERE m.id = ?1",
			 id, 0, &v, N_("discarding a meeting"), err);
	*planned = v != 0;
	return s;
}

/* Put live meeting id back as it was planned: nothing of the call stays. */
static enum rp_status
replan(store *st, int64_t id, rp_error *err)
{
	static const char *const undo[] = {
		"UPDATE meetings SET state = 'planned', started_at = NULL, ended_at = NULL"
		" WHERE id = ?1",
		"UPDATE agenda_items SET status = 'pending', started_at = NULL, spent_seconds = 0"
		" WHERE meeting_id = ?1",
		"DELETE FROM talk_segments WHERE meeting_id = ?1",
		"DELETE FROM prompt_log WHERE meeting_id = ?1",
		/* An opener asked in a call that did not happen was not asked. */
		"DELETE FROM opener_uses WHERE meeting_id = ?1",
	};
	enum rp_status s = RP_OK;

	for (size_t i = 0; s == RP_OK && i < sizeof undo / sizeof undo[0]; i++)
		s = db_exec_ints(st, undo[i], id, 0, N_("discarding a meeting"), err);
	return s;
}

enum rp_status
meeting_discard(store *st, int64_t id, bool *deleted, rp_error *err)
{
	char state[16] = "";
	int64_t notes = 0;
	bool planned = false;
	enum rp_status s;
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (deleted)
		*deleted = false;
	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = db_prepare(st, "SELECT state FROM meetings WHERE id = ?1", &stmt, N_("reading a meeting"),
		       err);
	if (s == RP_OK) {
		sqlite3_bind_int64(stmt, 1, id);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			db_col_copy(stmt, 0, state, sizeof state);
		else if (rc == SQLITE_DONE)
			s = rp_fail(err, RP_ENOTFOUND, _("no meeting %lld"), (long long)id);
		else
			s = store_fail(st, err, N_("reading a meeting"));
		sqlite3_finalize(stmt);
	}
	if (s == RP_OK && strcmp(state, "live") != 0)
		s = rp_fail(err, RP_EINVAL,
			    meeting_state_from(state) == MEETING_PLANNED
				    ? _("meeting %lld is planned, not live: only a meeting under way"
					" can be discarded")
			    : meeting_state_from(state) == MEETING_ENDED
				    ? _("meeting %lld is ended, not live: only a meeting under way"
					" can be discarded")
				    : _("meeting %lld is cancelled, not live: only a meeting under"
					" way can be discarded"),
			    (long long)id);
	if (s == RP_OK)
		s = db_query_int(st,
				 "SELECT " MEETING_LIVE_NOTES("?1"),
				 id, 0, &notes, N_("discarding a meeting"), err);
	if (s == RP_OK && notes > 0)
		s = rp_fail(err, RP_EINVAL,
			    P_("meeting %lld has %lld note: end it instead, nothing noted is thrown"
			       " away",
			       "meeting %lld has %lld notes: end it instead, nothing noted is thrown"
			       " away", notes),
			    (long long)id, (long long)notes);
	if (s == RP_OK)
		s = was_planned(st, id, &planned, err);
	if (s == RP_OK && planned)
		s = replan(st, id, err);
	else if (s == RP_OK &&
		 (s = db_exec_ints(st, "DELETE FROM opener_uses WHERE meeting_id = ?1", id, 0,
				   N_("discarding a meeting"), err)) == RP_OK)
		s = db_exec_ints(st, "DELETE FROM meetings WHERE id = ?1", id, 0,
				 N_("discarding a meeting"), err);
	if (s != RP_OK) {
		store_rollback(st);
		return s;
	}
	if ((s = store_commit(st, err)) == RP_OK && deleted)
		*deleted = !planned;
	return s;
}
