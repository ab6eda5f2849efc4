/* recap.c: a meeting after the call, for the Recap screen and exports. */
#include "rapport/recap.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "db.h"
#include "field.h"
#include "rapport/cadence.h"
#include "rapport/client.h"
#include "rapport/i18n.h"

#define COL_TEXT(i) db_col_arena(&r->arena, stmt, (i), &oom)

void
recap_free(recap *r)
{
	if (r == NULL)
		return;
	session_free(r->s);
	free(r->followups);
	arena_free(r->arena);
	free(r);
}

enum rp_status
recap_load(store *st, int64_t meeting_id, recap **out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	size_t cap = 0;
	int64_t when = 0;
	client c;
	bool oom = false;
	recap *r;
	enum rp_status s;
	int rc;

	*out = NULL;
	if ((r = calloc(1, sizeof *r)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	if ((s = session_load(st, meeting_id, &r->s, err)) != RP_OK)
		goto fail;
	/* What is sent to the client is said in their language. */
	if ((s = client_get(st, r->s->client_id, &c, err)) != RP_OK)
		goto fail;
	r->lang = c.lang;
	s = db_prepare(st,
		       "SELECT id, text, owner, due, status, coalesce(note_id, 0) FROM followups"
		       " WHERE meeting_id = ?1 ORDER BY id",
		       &stmt, N_("reading follow-ups"), err);
	if (s != RP_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		recap_followup *f;
		const char *status = db_col_text_len(stmt, 4, NULL);

		if (!arena_grow(&r->followups, &cap, r->nfollowups, sizeof *r->followups)) {
			oom = true;
			break;
		}
		f = &r->followups[r->nfollowups++];
		f->id = db_col_id(stmt, 0);
		f->text = COL_TEXT(1);
		f->owner = db_col_arena_or_null(&r->arena, stmt, 2, &oom);
		f->due = db_col_arena_due(&r->arena, stmt, 3, &oom);
		f->status = strcmp(status, "done") == 0      ? FOLLOWUP_DONE
			    : strcmp(status, "dropped") == 0 ? FOLLOWUP_DROPPED
							     : FOLLOWUP_OPEN;
		f->note_id = db_col_id(stmt, 5);
	}
	if (oom || rc != SQLITE_DONE) {
		s = oom ? rp_fail(err, RP_ENOMEM, "%s", _("out of memory")) : store_fail(st, err, N_("reading follow-ups"));
		goto fail;
	}
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (oom) {
		s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
		goto fail;
	}
	/* The meeting's day, and the check-in window the cadence gives
	** from it; suggested: the middle, neither too soon nor too late. */
	s = db_query_int(st, "SELECT coalesce(started_at, planned_at, created_at) FROM meetings"
			     " WHERE id = ?1", meeting_id, 0, &when, N_("reading a meeting"), err);
	if (s != RP_OK)
		goto fail;
	r->day = date_local(when);
	if (!date_valid(r->day.year, r->day.month, r->day.day)) {
		/* No day (a time no calendar holds): no check-in window either. */
		*out = r;
		return RP_OK;
	}
	cadence_window(r->day, r->s->cadence_min, r->s->cadence_max, &r->next_from, &r->next_to);
	r->next_suggested = cadence_suggest(r->next_from, r->next_to);
	*out = r;
	return RP_OK;
fail:
	sqlite3_finalize(stmt);
	recap_free(r);
	return s;
}

enum rp_status
recap_set_owner(store *st, int64_t followup_id, const char *owner, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if (owner && *owner && (s = field_check(owner, N_("owner"), 64, err)) != RP_OK)
		return s;
	s = db_prepare(st, "UPDATE followups SET owner = trim(?2) WHERE id = ?1", &stmt,
		       N_("changing a follow-up"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, followup_id);
	db_bind_text_or_null(stmt, 2, owner && *owner == '@' ? owner + 1 : owner);
	s = db_step_done(st, stmt, N_("changing a follow-up"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no follow-up %lld"), (long long)followup_id);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
recap_set_due(store *st, int64_t followup_id, const rp_date *due, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char day[16];
	enum rp_status s;

	s = db_prepare(st, "UPDATE followups SET due = ?2 WHERE id = ?1", &stmt,
		       N_("changing a follow-up"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, followup_id);
	db_bind_text_or_null(stmt, 2, due ? date_format(*due, day) : NULL);
	s = db_step_done(st, stmt, N_("changing a follow-up"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no follow-up %lld"), (long long)followup_id);
	sqlite3_finalize(stmt);
	return s;
}
