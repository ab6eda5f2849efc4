/* prep.c: loading what a PM looks at before a call. */
#include "rapport/prep.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "carry.h"
#include "db.h"
#include "fact_sql.h"
#include "followup_sql.h"
#include "meeting_sql.h"
#include "rapport/followup.h"
#include "rapport/i18n.h"
#include "prep_open.h"
#include "rapport/text.h"

#define COL_TEXT(i) db_col_arena(&p->arena, stmt, (i), &oom)

void
prep_free(prep *p)
{
	if (p == NULL)
		return;
	free(p->facts);
	free(p->uses);
	free(p->followups);
	free(p->notes);
	free(p->carry);
	free(p->questions);
	free(p->concerns);
	free(p->quotes);
	arena_free(p->arena);
	free(p);
}

/* A fact's person, until date and done mark (columns 5-7), and whether
** that leaves it stale on p->today. */
static void
prep_fact_more(prep *p, prep_fact *f, sqlite3_stmt *stmt, bool *oom)
{
	const char *until = db_col_arena_due(&p->arena, stmt, 6, oom);
	opener_fact of = {.done = false};

	f->person = db_col_arena_or_null(&p->arena, stmt, 5, oom);
	f->until = (rp_date){ 0, 0, 0 };
	if (until && date_parse_due(until, (rp_date){ 2000, 1, 1 }, &f->until, NULL) != RP_OK)
		f->until = (rp_date){ 0, 0, 0 };
	f->done_at = db_col_time(stmt, 7);
	of.until = f->until;
	of.done = f->done_at != 0;
	f->stale = opener_fact_stale(&of, p->today);
}

/* prep_load() of the newest `facts` facts; when there are that many and
** first is set, of nothing after them (p->partial). */
static enum rp_status
load(store *st, int64_t client_id, const char *today, int facts, bool first, prep **out,
     rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int64_t open = 0;
	size_t cap;
	bool oom = false;
	prep *p;
	enum rp_status s;
	int rc;

	*out = NULL;
	if ((p = calloc(1, sizeof *p)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	if (sqlite3_exec(store_db(st), "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		s = store_fail(st, err, N_("reading the preparation"));
		goto fail;
	}
	if ((s = client_get(st, client_id, &p->who, err)) != RP_OK)
		goto fail;
	/* today is YYYY-MM-DD, which date_parse_due reads whatever its own today. */
	if (date_parse_due(today, (rp_date){ 2000, 1, 1 }, &p->today, NULL) != RP_OK)
		p->today = (rp_date){ 0, 0, 0 };

	s = db_prepare(st, FACTS_PREP_SQL, &stmt, N_("reading facts"), err);
	if (s != RP_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, client_id);
	/* One past the limit says that older ones follow (prep_load()). */
	sqlite3_bind_int(stmt, 2, first ? facts : facts + 1);
	for (cap = 0; (rc = sqlite3_step(stmt)) == SQLITE_ROW;) {
		prep_fact *f;

		if (p->nfacts == (size_t)facts) {
			p->facts_older = true;
			continue;
		}

		if (!arena_grow(&p->facts, &cap, p->nfacts, sizeof *p->facts))
			goto nomem;
		f = &p->facts[p->nfacts++];
		f->id = db_col_id(stmt, 0);
		f->kind = COL_TEXT(1);
		f->text = COL_TEXT(2);
		f->learned_at = db_col_time(stmt, 3);
		f->meeting_id = db_col_id(stmt, 4);
		prep_fact_more(p, f, stmt, &oom);
	}
	if (rc != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (first && p->nfacts == (size_t)facts) {
		p->partial = true;
		goto done;
	}

	s = db_prepare(st,
		       "SELECT key, used_at FROM opener_uses WHERE client_id = ?1"
		       " ORDER BY used_at DESC, id DESC LIMIT 200",
		       &stmt, N_("reading openers"), err);
	if (s != RP_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, client_id);
	for (cap = 0; (rc = sqlite3_step(stmt)) == SQLITE_ROW;) {
		if (!arena_grow(&p->uses, &cap, p->nuses, sizeof *p->uses))
			goto nomem;
		p->uses[p->nuses].key = COL_TEXT(0);
		p->uses[p->nuses++].used_at = db_col_time(stmt, 1);
	}
	if (rc != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(stmt);
	stmt = NULL;

	/* Overdue first, then by due date, then those without a date: the
	** first PREP_FOLLOWUPS_MAX (followup_sql.h), and how many are open. */
	s = db_query_int(st, PREP_FOLLOWUPS_OPEN_SQL, client_id, 0, &open, N_("reading follow-ups"),
			 err);
	if (s != RP_OK)
		goto fail;
	cap = 0;
	for (int undated = 0; undated < 2 && p->nfollowups < PREP_FOLLOWUPS_MAX; undated++) {
		s = db_prepare(st, undated ? PREP_FOLLOWUPS_UNDATED_SQL : PREP_FOLLOWUPS_DATED_SQL,
			       &stmt, N_("reading follow-ups"), err);
		if (s != RP_OK)
			goto fail;
		sqlite3_bind_int64(stmt, 1, client_id);
		sqlite3_bind_int(stmt, 2, PREP_FOLLOWUPS_MAX - (int)p->nfollowups);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			prep_followup *f;

			if (!arena_grow(&p->followups, &cap, p->nfollowups, sizeof *p->followups))
				goto nomem;
			f = &p->followups[p->nfollowups++];
			f->id = db_col_id(stmt, 0);
			f->text = COL_TEXT(1);
			f->owner = db_col_arena_or_null(&p->arena, stmt, 2, &oom);
			f->due = db_col_arena_due(&p->arena, stmt, 3, &oom);
			f->meeting_id = db_col_id(stmt, 4);
			f->person_id = db_col_id(stmt, 5);
			f->theirs = f->person_id != 0 || followup_owner_is_theirs(f->owner, p->who.name);
		}
		if (rc != SQLITE_DONE)
			goto dberr;
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
	p->followups_open = open > (int64_t)p->nfollowups ? (size_t)open : p->nfollowups;

	s = db_query_int(st,
			 MEETING_NEXT_SQL,
			 client_id, 0, &p->next_meeting, N_("reading meetings"), err);
	if (s == RP_ENOTFOUND)
		s = RP_OK;
	if (s == RP_OK)
		s = db_query_int(st,
				 /* Down meetings_ended from the newest end: not
				 ** every meeting the client ever had, sorted. */
				 "SELECT id FROM meetings WHERE client_id = ?1 AND state = 'ended'"
				 " ORDER BY ended_at DESC, id DESC LIMIT 1",
				 client_id, 0, &p->last_meeting, N_("reading meetings"), err);
	if (s == RP_ENOTFOUND)
		s = RP_OK;
	if (s != RP_OK)
		goto fail;

	s = db_prepare(st,
		       "SELECT id, at, text FROM notes WHERE meeting_id = ?1 AND phase = 'prep'"
		       " ORDER BY at, id",
		       &stmt, N_("reading prep notes"), err);
	if (s != RP_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, p->next_meeting);
	for (cap = 0; (rc = sqlite3_step(stmt)) == SQLITE_ROW;) {
		if (!arena_grow(&p->notes, &cap, p->nnotes, sizeof *p->notes))
			goto nomem;
		p->notes[p->nnotes].id = db_col_id(stmt, 0);
		p->notes[p->nnotes].at = db_col_time(stmt, 1);
		p->notes[p->nnotes++].text = COL_TEXT(2);
	}
	if (rc != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(stmt);

	/* What the last meeting left, or a meeting cancelled since, that no
	** planned meeting holds yet (carry.h). */
	s = db_prepare(st, CARRY_PENDING_SQL, &stmt, N_("reading the agenda"), err);
	if (s != RP_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_int64(stmt, 2, 0);
	for (cap = 0; (rc = sqlite3_step(stmt)) == SQLITE_ROW;) {
		if (!arena_grow(&p->carry, &cap, p->ncarry, sizeof *p->carry))
			goto nomem;
		p->carry[p->ncarry].title = COL_TEXT(1);
		p->carry[p->ncarry++].carry_count =
			(int)db_col_int(stmt, 2, 0, INT_MAX - 1, 0) + 1;
	}
	if (rc != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (!oom && (s = prep_load_open(st, p, err)) != RP_OK)
		goto fail;
done:
	if (oom)
		goto nomem;
	sqlite3_exec(store_db(st), "COMMIT", NULL, NULL, NULL);
	*out = p;
	return RP_OK;
nomem:
	s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	goto fail;
dberr:
	s = store_fail(st, err, N_("reading the preparation"));
fail:
	sqlite3_finalize(stmt);
	if (!sqlite3_get_autocommit(store_db(st)))
		sqlite3_exec(store_db(st), "ROLLBACK", NULL, NULL, NULL);
	prep_free(p);
	return s;
}

enum rp_status
prep_load(store *st, int64_t client_id, const char *today, prep **out, rp_error *err)
{
	return load(st, client_id, today, PREP_FACTS_MAX, false, out, err);
}

enum rp_status
prep_load_first(store *st, int64_t client_id, const char *today, int rows, prep **out,
		rp_error *err)
{
	if (rows < 1)
		rows = 1;
	return load(st, client_id, today, rows < PREP_FACTS_MAX ? rows : PREP_FACTS_MAX, true,
		    out, err);
}

char *
prep_fact_marks(const prep_fact *f, char *buf, size_t size)
{
	char day[16];
	size_t len;

	snprintf(buf, size, "%s%s", f->person ? " · " : "", f->person ? f->person : "");
	len = strlen(buf);
	if (f->done_at)
		snprintf(buf + len, size - len, " · %s", _("done"));
	else if (f->until.year && f->stale)
		/* TRANSLATORS: a fact about the client that held until a date now past. */
		snprintf(buf + len, size - len, _(" · until %s, over"), date_format(f->until, day));
	else if (f->until.year)
		/* TRANSLATORS: a fact about the client that holds until a date. */
		snprintf(buf + len, size - len, _(" · until %s"), date_format(f->until, day));
	return buf;
}

size_t
prep_openers(const prep *p, opener *out, size_t max)
{
	opener_fact *facts = calloc(p->nfacts + 1, sizeof *facts);
	opener_use *uses = calloc(p->nuses + 1, sizeof *uses);
	size_t n = 0;

	if (facts && uses) {
		for (size_t i = 0; i < p->nfacts; i++)
			facts[i] = (opener_fact){p->facts[i].id, p->facts[i].kind, p->facts[i].text,
						 date_local(p->facts[i].learned_at), p->facts[i].person,
						 p->facts[i].until, p->facts[i].done_at != 0};
		for (size_t i = 0; i < p->nuses; i++)
			uses[i] = (opener_use){p->uses[i].key, date_local(p->uses[i].used_at)};
		n = opener_generate_on(facts, p->nfacts, uses, p->nuses, p->who.lang, p->today, out,
					max);
	}
	free(facts);
	free(uses);
	return n;
}
