/* prep_open.c: what earlier meetings left open, brought back for the next
** call: questions not answered yet, the concerns raised last time, and the
** client's words worth remembering.
**
** Each query is bounded by the client's latest meetings, not by the
** history: the meetings come from meetings_client (client_id, started_at)
** read backwards with a LIMIT, their notes from the partial indexes
** notes_questions and notes_quotes, or notes_meeting for one meeting.  A
** question older than the window is no longer "open" in any useful sense.
*/
#include "prep_open.h"

#include <stdlib.h>

#include "arena.h"
#include "db.h"
#include "rapport/i18n.h"

/* The client's latest meetings held, newest first, at most ?2. */
#define LATEST_MEETINGS                                                        \
	"SELECT id FROM meetings WHERE client_id = ?1 AND started_at IS NOT NULL" \
	" ORDER BY started_at DESC LIMIT ?2"

/* Questions and quotes are chosen in two steps: their ids, newest first,
** from the partial index alone (notes_questions, notes_quotes: meeting,
** time and id), then each note read in that order until there are enough
** said live.  Sorting the notes themselves would read every question or
** quote of the window, text and all, for the few shown. */
static const char questions_sql[] =
	"SELECT id FROM notes WHERE meeting_id IN (" LATEST_MEETINGS ")"
	" AND kind = 'question' AND closed_at IS NULL ORDER BY at DESC, id DESC";

static const char quotes_sql[] =
	"SELECT id FROM notes WHERE meeting_id IN (" LATEST_MEETINGS ")"
	" AND kind = 'quote' ORDER BY at DESC, id DESC";

/* The note ?1 of those chosen (above), when it was said live. */
static const char said_sql[] =
	"SELECT id, at, meeting_id, text FROM notes WHERE id = ?1 AND phase = 'live'";

static const char concerns_sql[] =
	"SELECT id, at, meeting_id, text FROM notes"
	" WHERE meeting_id = ?1 AND kind = 'concern' AND phase = 'live'"
	" ORDER BY at, id LIMIT ?2";

/* Add the row stmt is on (said_sql's columns) to *out, *n; the text goes
** to p's arena.  False when out of memory. */
static bool
add_said(prep *p, sqlite3_stmt *stmt, prep_said **out, size_t *n, size_t *cap)
{
	bool oom = false;
	prep_said *w;

	if (!arena_grow(out, cap, *n, sizeof **out))
		return false;
	w = &(*out)[(*n)++];
	w->id = db_col_id(stmt, 0);
	w->at = db_col_time(stmt, 1);
	w->meeting_id = db_col_id(stmt, 2);
	w->text = db_col_arena(&p->arena, stmt, 3, &oom);
	return !oom;
}

/* Run sql into *out, *n, at most max rows: with window > 0, sql chooses
** note ids (?1 the client, ?2 the window) read through said_sql; else sql
** reads the notes (?1 key, ?2 max). */
static enum rp_status
load_said(store *st, prep *p, const char *sql, int64_t key, int window, int max,
	  prep_said **out, size_t *n, rp_error *err)
{
	sqlite3_stmt *stmt = NULL, *note = NULL;
	size_t cap = 0;
	bool oom = false;
	enum rp_status s;
	int rc = SQLITE_DONE;

	if ((s = db_prepare(st, sql, &stmt, N_("reading what was left open"), err)) != RP_OK)
		return s;
	if (window > 0 &&
	    (s = db_prepare(st, said_sql, &note, N_("reading what was left open"), err)) != RP_OK) {
		sqlite3_finalize(stmt);
		return s;
	}
	sqlite3_bind_int64(stmt, 1, key);
	sqlite3_bind_int(stmt, 2, window > 0 ? window : max);
	while (!oom && *n < (size_t)max && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (note == NULL) {
			oom = !add_said(p, stmt, out, n, &cap);
			continue;
		}
		sqlite3_bind_int64(note, 1, sqlite3_column_int64(stmt, 0));
		if ((rc = sqlite3_step(note)) == SQLITE_ROW)
			oom = !add_said(p, note, out, n, &cap);
		else if (rc != SQLITE_DONE)
			break;
		sqlite3_reset(note);
	}
	if (oom)
		s = rp_fail(err, RP_ENOMEM, "out of memory");
	else if (*n < (size_t)max && rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading what was left open"));
	sqlite3_finalize(note);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
prep_load_open(store *st, prep *p, rp_error *err)
{
	enum rp_status s;

	s = load_said(st, p, questions_sql, p->who.id, PREP_QUESTION_MEETINGS,
		      PREP_QUESTIONS_MAX, &p->questions, &p->nquestions, err);
	if (s == RP_OK && p->last_meeting)
		s = load_said(st, p, concerns_sql, p->last_meeting, 0, PREP_CONCERNS_MAX,
			      &p->concerns, &p->nconcerns, err);
	if (s == RP_OK)
		s = load_said(st, p, quotes_sql, p->who.id, PREP_QUOTE_MEETINGS, PREP_QUOTES_MAX,
			      &p->quotes, &p->nquotes, err);
	return s;
}

/* Why note_id could not be closed (closing) or reopened: there is no such
** note, it is no question, or it is already as asked. */
static enum rp_status
question_refusal(store *st, int64_t note_id, bool closing, rp_error *err)
{
	int64_t state = 0;  /* 1: a question; 2: closed */
	enum rp_status s;

	s = db_query_int(st,
			 "SELECT (kind = 'question') + 2 * (closed_at IS NOT NULL) FROM notes"
			 " WHERE id = ?1",
			 note_id, 0, &state, N_("reading a note"), err);
	if (s == RP_ENOTFOUND)
		return rp_fail(err, RP_ENOTFOUND, "no note %lld", (long long)note_id);
	if (s != RP_OK)
		return s;
	if (!(state & 1))
		return rp_fail(err, RP_EINVAL, "note %lld is not a question", (long long)note_id);
	return rp_fail(err, RP_EINVAL, closing ? "question %lld is closed already"
					       : "question %lld is open", (long long)note_id);
}

enum rp_status
prep_question_close(store *st, const rp_clock *clock, int64_t note_id, rp_error *err)
{
	enum rp_status s;

	s = db_exec_ints(st,
			 "UPDATE notes SET closed_at = ?2 WHERE id = ?1 AND kind = 'question'"
			 " AND closed_at IS NULL",
			 note_id, rp_clock_now(clock), N_("closing a question"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = question_refusal(st, note_id, true, err);
	return s;
}

enum rp_status
prep_question_reopen(store *st, int64_t note_id, rp_error *err)
{
	enum rp_status s;

	s = db_exec_ints(st,
			 "UPDATE notes SET closed_at = NULL WHERE id = ?1 AND kind = 'question'"
			 " AND closed_at IS NOT NULL",
			 note_id, 0, N_("reopening a question"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = question_refusal(st, note_id, false, err);
	return s;
}

void
prep_notes_free(prep_notes *pn)
{
	if (pn == NULL)
		return;
	free(pn->notes);
	arena_free(pn->arena);
	free(pn);
}

enum rp_status
prep_notes_load(store *st, int64_t meeting_id, prep_notes **out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	prep_notes *pn;
	size_t cap = 0;
	bool oom = false;
	enum rp_status s;
	int rc;

	*out = NULL;
	if ((pn = calloc(1, sizeof *pn)) == NULL)
		return rp_fail(err, RP_ENOMEM, "out of memory");
	s = db_prepare(st,
		       "SELECT id, at, text FROM notes WHERE meeting_id = ?1 AND phase = 'prep'"
		       " ORDER BY at, id LIMIT ?2",
		       &stmt, N_("reading prep notes"), err);
	if (s != RP_OK)
		goto out;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	sqlite3_bind_int(stmt, 2, PREP_NOTES_MAX);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		prep_note *n;

		if (!arena_grow(&pn->notes, &cap, pn->n, sizeof *pn->notes)) {
			oom = true;
			break;
		}
		n = &pn->notes[pn->n++];
		n->id = db_col_id(stmt, 0);
		n->at = db_col_time(stmt, 1);
		n->text = db_col_arena(&pn->arena, stmt, 2, &oom);
	}
	if (oom)
		s = rp_fail(err, RP_ENOMEM, "out of memory");
	else if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading prep notes"));
out:
	sqlite3_finalize(stmt);
	if (s == RP_OK)
		*out = pn;
	else
		prep_notes_free(pn);
	return s;
}
