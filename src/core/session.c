/* session.c: loading one meeting whole, for the live screen. */
#include "rapport/session.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "db.h"
#include "fact_sql.h"
#include "rapport/client.h"
#include "rapport/i18n.h"

#define COL_TEXT(i) db_col_arena(&s->arena, stmt, (i), &oom)
#define COL_TEXT_OR_NULL(i) db_col_arena_or_null(&s->arena, stmt, (i), &oom)

void
session_free(session *s)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->nitems; i++)
		free((void *)s->items[i].walk);
	free(s->items);
	free(s->notes);
	free(s->talk);
	free(s->facts);
	free(s->prompts_done);
	arena_free(s->arena);
	free(s);
}

static enum agenda_status
status_from(const char *name)
{
	for (int k = AGENDA_PENDING; k <= AGENDA_PARKED; k++)
		if (name && strcmp(name, agenda_status_name(k)) == 0)
			return k;
	return AGENDA_PENDING;
}


/* Each loader runs one query over stmt (bound to ?1 = the meeting or
** client) and fills its part of s.  They return SQLITE_DONE on success. */

static int
load_items(session *s, sqlite3_stmt *stmt, bool *oomp)
{
	size_t cap = 0;
	bool oom = false;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		session_item *it;

		if (!arena_grow(&s->items, &cap, s->nitems, sizeof *s->items)) {
			oom = true;
			break;
		}
		it = &s->items[s->nitems++];
		it->id = db_col_id(stmt, 0);
		it->position = (int)db_col_int(stmt, 1, 1, INT_MAX, 0);
		it->title = COL_TEXT(2);
		it->timebox_minutes = (int)db_col_int(stmt, 3, 0, MEETING_MINUTES_MAX, -1);
		it->timebox_invalid = it->timebox_minutes < 0;
		if (it->timebox_invalid)
			it->timebox_minutes = 0;
		it->status = status_from(db_col_text(stmt, 4));
		it->carry_count = (int)db_col_int(stmt, 5, 0, INT_MAX, 0);
		it->started_at = db_col_time(stmt, 6);
		/* At most a year spent on one item: the sums stay far from
		** overflowing. */
		it->spent_seconds = db_col_int(stmt, 7, 0, 366 * 86400, 0);
	}
	*oomp = *oomp || oom;
	return oom ? SQLITE_NOMEM : rc;
}

static int
load_walkthroughs(session *s, sqlite3_stmt *stmt, bool *oomp)
{
	bool oom = false;
	size_t cap = 0;
	session_item *it = NULL;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t item_id = db_col_id(stmt, 0);
		session_walk *w;

		if (it == NULL || it->id != item_id) {
			it = NULL;
			cap = 0;
			for (size_t i = 0; i < s->nitems; i++)
				if (s->items[i].id == item_id)
					it = &s->items[i];
			if (it == NULL)
				continue;
		}
		if (!arena_grow(&it->walk, &cap, it->nwalk, sizeof *it->walk)) {
			oom = true;
			break;
		}
		w = (session_walk *)&it->walk[it->nwalk++];
		w->member = COL_TEXT(1);
		w->did = COL_TEXT(2);
		w->minutes = (int)db_col_int(stmt, 3, 0, INT_MAX / 2, -1);
		w->depends_on = COL_TEXT_OR_NULL(4);
	}
	*oomp = *oomp || oom;
	return oom ? SQLITE_NOMEM : rc;
}

static int
load_notes(session *s, sqlite3_stmt *stmt, bool *oomp)
{
	bool oom = false;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		session_note *n;
		int kind = note_kind_from_name(db_col_text(stmt, 2));

		if (!arena_grow(&s->notes, &s->notes_cap, s->nnotes, sizeof *s->notes)) {
			oom = true;
			break;
		}
		n = &s->notes[s->nnotes++];
		n->id = db_col_id(stmt, 0);
		n->at = db_col_time(stmt, 1);
		/* A kind rapport does not know (another tool wrote it) could
		** have been private: kept as private, so it is never exported. */
		n->kind = kind < 0 ? NOTE_PRIVATE : (enum note_kind)kind;
		n->text = COL_TEXT(3);
		n->item_id = db_col_id(stmt, 4);
		n->has_owner = db_col_int(stmt, 5, 0, 1, 0);
		n->has_due = db_col_int(stmt, 6, 0, 1, 0);
	}
	*oomp = *oomp || oom;
	return oom ? SQLITE_NOMEM : rc;
}

static int
load_talk(session *s, sqlite3_stmt *stmt, bool *oomp)
{
	size_t cap = 0;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		session_talk *t;

		if (!arena_grow(&s->talk, &cap, s->ntalk, sizeof *s->talk)) {
			*oomp = true;
			return SQLITE_NOMEM;
		}
		t = &s->talk[s->ntalk++];
		t->speaker = strcmp(db_col_text(stmt, 0), "you") == 0 ? TALK_SIDE_YOU : TALK_SIDE_CLIENT;
		t->started_at = db_col_time(stmt, 1);
		t->ended_at = db_col_time(stmt, 2);
	}
	return rc;
}

static int
load_facts(session *s, sqlite3_stmt *stmt, bool *oomp)
{
	size_t cap = 0;
	bool oom = false;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		session_fact *f;

		if (!arena_grow(&s->facts, &cap, s->nfacts, sizeof *s->facts)) {
			oom = true;
			break;
		}
		f = &s->facts[s->nfacts++];
		f->id = db_col_id(stmt, 0);
		f->kind = COL_TEXT(1);
		f->text = COL_TEXT(2);
		f->learned_at = db_col_time(stmt, 3);
		f->learned_on = date_local(f->learned_at);
		f->meeting_id = db_col_id(stmt, 4);
		f->until = (rp_date){0, 0, 0};
		if (sqlite3_column_type(stmt, 5) == SQLITE_TEXT &&
		    date_parse_due(db_col_text(stmt, 5), f->learned_on, &f->until, NULL) != RP_OK)
			f->until = (rp_date){0, 0, 0};
		f->person = COL_TEXT_OR_NULL(6);
	}
	*oomp = *oomp || oom;
	return oom ? SQLITE_NOMEM : rc;
}

static int
load_prompts(session *s, sqlite3_stmt *stmt, bool *oomp)
{
	size_t cap = 0;
	bool oom = false;
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!arena_grow(&s->prompts_done, &cap, s->nprompts_done, sizeof *s->prompts_done)) {
			oom = true;
			break;
		}
		s->prompts_done[s->nprompts_done++] = COL_TEXT(0);
	}
	*oomp = *oomp || oom;
	return oom ? SQLITE_NOMEM : rc;
}

/* The parts of a session, the agenda first: session_load_agenda() reads
** those alone. */
enum { AGENDA_LOADERS = 2 };

static const struct loader {
	const char *sql;
	int (*load)(session *, sqlite3_stmt *, bool *);
	bool by_client;  /* ?1 is the client, not the meeting */
} loaders[] = {
	{"SELECT id, position, title, coalesce(timebox_minutes, 0), status, carry_count,"
	 " coalesce(started_at, 0), spent_seconds FROM agenda_items WHERE meeting_id = ?1"
	 " ORDER BY position",
	 load_items, false},
	{"SELECT w.item_id, w.member, w.did, w.minutes, w.depends_on FROM walkthroughs w"
	 " JOIN agenda_items a ON a.id = w.item_id WHERE a.meeting_id = ?1"
	 " ORDER BY a.position, w.position",
	 load_walkthroughs, false},
	{"SELECT n.id, n.at, n.kind, n.text, coalesce(n.item_id, 0), f.owner IS NOT NULL,"
	 " f.due IS NOT NULL FROM notes n LEFT JOIN followups f ON f.note_id = n.id"
	 " WHERE n.meeting_id = ?1 AND n.phase = 'live' ORDER BY n.at, n.id",
	 load_notes, false},
	{"SELECT speaker, started_at, coalesce(ended_at, 0) FROM talk_segments"
	 " WHERE meeting_id = ?1 ORDER BY started_at, id",
	 load_talk, false},
	{FACTS_LIVE_SQL, load_facts, true},
	{"SELECT DISTINCT key FROM prompt_log WHERE meeting_id = ?1", load_prompts, false},
};

/* session_load(), of the first nloaders parts. */
static enum rp_status
load_parts(store *st, int64_t meeting_id, size_t nloaders, session **out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	session *s;
	bool oom = false;
	enum rp_status status;
	int rc;

	*out = NULL;
	if ((s = calloc(1, sizeof *s)) == NULL)
		return rp_fail(err, RP_ENOMEM, "out of memory");
	/* One read transaction, so the parts agree with each other. */
	if (sqlite3_exec(store_db(st), "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		status = store_fail(st, err, N_("reading a meeting"));
		goto fail;
	}
	status = db_prepare(st,
			    "SELECT m.client_id, c.name, m.title, m.state, coalesce(m.started_at, 0),"
			    " coalesce(m.ended_at, 0), coalesce(m.planned_minutes, 0),"
			    " c.cadence_min, c.cadence_max, coalesce(m.planned_at, 0), c.lang FROM meetings m"
			    " JOIN clients c ON c.id = m.client_id WHERE m.id = ?1",
			    &stmt, N_("reading a meeting"), err);
	if (status != RP_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		status = rc == SQLITE_DONE
				 ? rp_fail(err, RP_ENOTFOUND, "no meeting %lld", (long long)meeting_id)
				 : store_fail(st, err, N_("reading a meeting"));
		goto fail;
	}
	s->meeting_id = meeting_id;
	s->client_id = db_col_id(stmt, 0);
	s->client_name = COL_TEXT(1);
	s->title = COL_TEXT(2);
	s->state = meeting_state_from(db_col_text(stmt, 3));
	s->started_at = db_col_time(stmt, 4);
	s->ended_at = db_col_time(stmt, 5);
	s->planned_minutes = (int)db_col_int(stmt, 6, 0, MEETING_MINUTES_MAX, 0);
	s->cadence_min = (int)db_col_int(stmt, 7, 0, CLIENT_CADENCE_LIMIT, CLIENT_CADENCE_MIN);
	s->cadence_max = (int)db_col_int(stmt, 8, s->cadence_min, CLIENT_CADENCE_LIMIT,
					 s->cadence_min > CLIENT_CADENCE_MAX ? s->cadence_min
									     : CLIENT_CADENCE_MAX);
	s->planned_at = db_col_time(stmt, 9);
	/* A client with no language of their own is spoken to in the user's,
	** as client_get reads it. */
	if (!lang_parse(db_col_text(stmt, 10), &s->lang))
		s->lang = lang_user();
	sqlite3_finalize(stmt);
	stmt = NULL;

	for (size_t i = 0; i < nloaders; i++) {
		status = db_prepare(st, loaders[i].sql, &stmt, N_("reading a meeting"), err);
		if (status != RP_OK)
			goto fail;
		sqlite3_bind_int64(stmt, 1, loaders[i].by_client ? s->client_id : meeting_id);
		rc = loaders[i].load(s, stmt, &oom);
		if (oom) {
			status = rp_fail(err, RP_ENOMEM, "out of memory");
			goto fail;
		}
		if (rc != SQLITE_DONE) {
			status = store_fail(st, err, N_("reading a meeting"));
			goto fail;
		}
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
	if (oom) {
		status = rp_fail(err, RP_ENOMEM, "out of memory");
		goto fail;
	}
	sqlite3_exec(store_db(st), "COMMIT", NULL, NULL, NULL);
	*out = s;
	return RP_OK;
fail:
	sqlite3_finalize(stmt);
	if (!sqlite3_get_autocommit(store_db(st)))
		sqlite3_exec(store_db(st), "ROLLBACK", NULL, NULL, NULL);
	session_free(s);
	return status;
}

enum rp_status
session_load(store *st, int64_t meeting_id, session **out, rp_error *err)
{
	return load_parts(st, meeting_id, sizeof loaders / sizeof loaders[0], out, err);
}

enum rp_status
session_load_agenda(store *st, int64_t meeting_id, session **out, rp_error *err)
{
	return load_parts(st, meeting_id, AGENDA_LOADERS, out, err);
}

bool
session_add_note(session *s, int64_t note_id, int64_t at, int64_t item_id,
		 const parsed_note *note)
{
	bool oom = false;
	const char *text;
	size_t pos;

	if (!arena_grow(&s->notes, &s->notes_cap, s->nnotes, sizeof *s->notes))
		return false;
	text = arena_strndup(&s->arena, note->text, strlen(note->text), "", &oom);
	if (oom)
		return false;
	/* The newest id: after every note of its time or earlier.  A note
	** queued while the disk was full keeps the time it was typed. */
	for (pos = s->nnotes; pos > 0 && s->notes[pos - 1].at > at; pos--)
		;
	memmove(s->notes + pos + 1, s->notes + pos, (s->nnotes - pos) * sizeof *s->notes);
	s->notes[pos] = (session_note){
		.id = note_id,
		.at = at,
		.kind = note->kind,
		.text = text,
		.item_id = item_id,
		.has_owner = note->kind == NOTE_ACTION && note->owner[0] != '\0',
		.has_due = note->kind == NOTE_ACTION && note->has_due,
	};
	s->nnotes++;
	return true;
}
