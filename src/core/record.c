/* record.c: notes, touchpoints and talk, saved as they happen. */
#include "rapport/record.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "field.h"
#include "rapport/date.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/person.h"
#include "rapport/text.h"
#include "rapport/i18n.h"

/* Insert the note row and its topics; sets *note_id. */
static enum rp_status
insert_note(store *st, int64_t now, int64_t meeting_id, int64_t item_id, enum note_phase phase,
	    const parsed_note *note, int64_t *note_id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	s = db_prepare(st,
		       "INSERT INTO notes (meeting_id, item_id, phase, at, kind, text)"
		       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		       &stmt, N_("saving a note"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	db_bind_int64_or_null(stmt, 2, item_id);
	sqlite3_bind_text(stmt, 3, phase == NOTE_PHASE_PREP ? "prep" : "live", -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, now);
	sqlite3_bind_text(stmt, 5, note_kind_name(note->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 6, note->text, -1, SQLITE_STATIC);
	s = db_step_done(st, stmt, N_("saving a note"), err);
	sqlite3_finalize(stmt);
	if (s != RP_OK)
		return s;
	*note_id = sqlite3_last_insert_rowid(store_db(st));

	s = db_prepare(st, "INSERT OR IGNORE INTO note_topics (note_id, topic) VALUES (?1, ?2)",
		       &stmt, N_("saving a note's topics"), err);
	if (s != RP_OK)
		return s;
	for (int i = 0; i < note->ntopics && s == RP_OK; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, *note_id);
		sqlite3_bind_text(stmt, 2, note->topics[i], -1, SQLITE_STATIC);
		s = db_step_done(st, stmt, N_("saving a note's topics"), err);
	}
	sqlite3_finalize(stmt);
	return s;
}

/* An action note becomes a follow-up for the meeting's client. */
static enum rp_status
insert_followup(store *st, int64_t now, int64_t meeting_id, int64_t note_id,
		const parsed_note *note, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char due[16];
	enum rp_status s;

	s = db_prepare(st,
		       "INSERT INTO followups (client_id, meeting_id, note_id, text, owner, due,"
		       " created_at) SELECT client_id, id, ?2, ?3, ?4, ?5, ?6 FROM meetings"
		       " WHERE id = ?1",
		       &stmt, N_("saving a follow-up"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	sqlite3_bind_int64(stmt, 2, note_id);
	/* An action that is only "@me ^fri" still needs words. */
	sqlite3_bind_text(stmt, 3, note->body[0] ? note->body : note->text, -1, SQLITE_STATIC);
	db_bind_text_or_null(stmt, 4, note->owner);
	db_bind_text_or_null(stmt, 5, note->has_due ? date_format(note->due, due) : NULL);
	sqlite3_bind_int64(stmt, 6, now);
	s = db_step_done(st, stmt, N_("saving a follow-up"), err);
	sqlite3_finalize(stmt);
	return s;
}

/* An action note edited: its follow-up takes the new words, owner and due
** date but stays the same follow-up (its id is its calendar UID, so a
** calendar updates it rather than keep the old one open).  The owner is
** matched to the client's people again. */
static enum rp_status
keep_followup(store *st, int64_t id, const parsed_note *note, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char due[16];
	enum rp_status s;

	s = db_prepare(st, "UPDATE followups SET text = ?2, owner = ?3, due = ?4, person_id = NULL"
			   " WHERE id = ?1", &stmt, N_("saving a follow-up"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, note->body[0] ? note->body : note->text, -1, SQLITE_STATIC);
	db_bind_text_or_null(stmt, 3, note->owner);
	db_bind_text_or_null(stmt, 4, note->has_due ? date_format(note->due, due) : NULL);
	s = db_step_done(st, stmt, N_("saving a follow-up"), err);
	sqlite3_finalize(stmt);
	return s == RP_OK ? person_link_followup(st, id, err) : s;
}

/* Make the fact or follow-up a note gives rise to (none for most kinds). */
static enum rp_status
derive(store *st, const rp_clock *clock, int64_t now, int64_t client_id, int64_t meeting_id,
       int64_t note_id, const parsed_note *note, rp_error *err)
{
	if (note->kind == NOTE_PERSONAL)
		return fact_add(st, clock, client_id, fact_kind_guess(note->text), note->text,
				meeting_id, note_id, NULL, err);
	if (note->kind == NOTE_ACTION) {
		enum rp_status s = insert_followup(st, now, meeting_id, note_id, note, err);

		/* "@zoe" is Zoë's, when she is one of the client's people. */
		return s == RP_OK ? person_link_followup(st, sqlite3_last_insert_rowid(store_db(st)),
							 err)
				  : s;
	}
	return RP_OK;
}

/* The checks note_parse_line made, made again where the note is stored, so
** a caller that filled note itself cannot store more than NOTE_TEXT_MAX
** bytes or a kind rapport does not know. */
static enum rp_status
check_note(const parsed_note *note, rp_error *err)
{
	size_t len = strnlen(note->text, sizeof note->text);

	if (len == sizeof note->text || strnlen(note->body, sizeof note->body) == sizeof note->body ||
	    strnlen(note->owner, sizeof note->owner) == sizeof note->owner)
		return rp_fail(err, RP_EINVAL, _("note is too long (at most %d bytes)"), NOTE_TEXT_MAX);
	if (note_kind_name(note->kind) == NULL)
		return rp_fail(err, RP_EINVAL, "%s", _("note has no kind rapport knows"));
	if (!text_utf8_valid(note->text, len))
		return rp_fail(err, RP_EINVAL, "%s", _("note is not valid UTF-8"));
	return RP_OK;
}

/* End a change: commit when s is RP_OK, else roll back. */
static enum rp_status
finish(store *st, enum rp_status s, rp_error *err)
{
	if (s != RP_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, err);
}

enum rp_status
record_note(store *st, const rp_clock *clock, int64_t meeting_id, int64_t item_id,
	    enum note_phase phase, const parsed_note *note, int64_t *note_id, rp_error *err)
{
	int64_t now = rp_clock_now(clock), nid = 0, client_id;
	enum rp_status s;

	if ((s = check_note(note, err)) != RP_OK || (s = store_begin(st, err)) != RP_OK)
		return s;
	s = db_query_int(st, "SELECT client_id FROM meetings WHERE id = ?1", meeting_id, 0,
			 &client_id, N_("saving a note"), err);
	if (s == RP_ENOTFOUND)
		s = rp_fail(err, RP_ENOTFOUND, _("no meeting %lld"), (long long)meeting_id);
	if (s == RP_OK)
		s = insert_note(st, now, meeting_id, item_id, phase, note, &nid, err);
	if (s == RP_OK)
		s = derive(st, clock, now, client_id, meeting_id, nid, note, err);
	if ((s = finish(st, s, err)) != RP_OK)
		return s;
	if (note_id)
		*note_id = nid;
	return RP_OK;
}

enum rp_status
record_note_replace(store *st, const rp_clock *clock, int64_t note_id, const parsed_note *note,
		    rp_error *err)
{
	int64_t now = rp_clock_now(clock), meeting_id = 0, client_id = 0, kept = 0;
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = check_note(note, err)) != RP_OK || (s = store_begin(st, err)) != RP_OK)
		return s;

	s = db_query_int(st, "SELECT meeting_id FROM notes WHERE id = ?1", note_id, 0, &meeting_id,
			 N_("changing a note"), err);
	if (s == RP_ENOTFOUND)
		s = rp_fail(err, RP_ENOTFOUND, _("no note %lld"), (long long)note_id);
	if (s == RP_OK)
		s = db_query_int(st, "SELECT client_id FROM meetings WHERE id = ?1", meeting_id, 0,
				 &client_id, N_("changing a note"), err);
	/* An action still an action keeps its follow-up (keep_followup). */
	if (s == RP_OK && note->kind == NOTE_ACTION &&
	    (s = db_query_int(st, "SELECT min(id) FROM followups WHERE note_id = ?1", note_id, 0,
			      &kept, N_("changing a note"), err)) == RP_ENOTFOUND) {
		kept = 0;
		s = RP_OK;
		rp_error_clear(err);
	}
	if (s == RP_OK)
		s = db_exec_ints(st, "DELETE FROM facts WHERE note_id = ?1", note_id, 0,
				 N_("changing a note"), err);
	if (s == RP_OK)
		s = db_exec_ints(st, "DELETE FROM followups WHERE note_id = ?1 AND id IS NOT ?2",
				 note_id, kept, N_("changing a note"), err);
	if (s == RP_OK)
		s = db_exec_ints(st, "DELETE FROM note_topics WHERE note_id = ?1", note_id, 0,
				 N_("changing a note"), err);
	if (s == RP_OK)
		s = db_prepare(st, "UPDATE notes SET kind = ?2, text = ?3 WHERE id = ?1", &stmt,
			       N_("changing a note"), err);
	if (s == RP_OK) {
		sqlite3_bind_int64(stmt, 1, note_id);
		sqlite3_bind_text(stmt, 2, note_kind_name(note->kind), -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, note->text, -1, SQLITE_STATIC);
		s = db_step_done(st, stmt, N_("changing a note"), err);
	}
	sqlite3_finalize(stmt);
	stmt = NULL;
	if (s == RP_OK)
		s = db_prepare(st, "INSERT OR IGNORE INTO note_topics (note_id, topic) VALUES (?1, ?2)",
			       &stmt, N_("changing a note"), err);
	for (int i = 0; s == RP_OK && i < note->ntopics; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, note_id);
		sqlite3_bind_text(stmt, 2, note->topics[i], -1, SQLITE_STATIC);
		s = db_step_done(st, stmt, N_("changing a note"), err);
	}
	sqlite3_finalize(stmt);
	if (s == RP_OK && kept != 0)
		s = keep_followup(st, kept, note, err);
	else if (s == RP_OK)
		s = derive(st, clock, now, client_id, meeting_id, note_id, note, err);
	return finish(st, s, err);
}

enum rp_status
record_note_delete(store *st, int64_t note_id, rp_error *err)
{
	enum rp_status s;

	/* The fact, follow-up and topics go with it: ON DELETE CASCADE. */
	s = db_exec_ints(st, "DELETE FROM notes WHERE id = ?1", note_id, 0, N_("deleting a note"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		return rp_fail(err, RP_ENOTFOUND, _("no note %lld"), (long long)note_id);
	return s;
}

enum rp_status
record_prompt(store *st, const rp_clock *clock, int64_t meeting_id, int64_t item_id,
	      const char *key, const char *text, enum prompt_action action, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	s = db_prepare(st,
		       "INSERT INTO prompt_log (meeting_id, item_id, key, action, text, at)"
		       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		       &stmt, N_("logging a prompt"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	db_bind_int64_or_null(stmt, 2, item_id);
	sqlite3_bind_text(stmt, 3, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, action == PROMPT_USED ? "used" : "dismissed", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 6, rp_clock_now(clock));
	s = db_step_done(st, stmt, N_("logging a prompt"), err);
	sqlite3_finalize(stmt);
	return s;
}

static const char *const touch_kinds[] = {"email", "call", "message", "other"};

const char *
touch_kind_name(enum touch_kind kind)
{
	return (unsigned)kind <= TOUCH_OTHER ? touch_kinds[kind] : NULL;
}

int
touch_kind_from_name(const char *word)
{
	/* Folded (lower case, no accents), as text_fold() gives them. */
	static const struct {
		const char *word;
		enum touch_kind kind;
	} words[] = {
		{"email", TOUCH_EMAIL},   {"e-mail", TOUCH_EMAIL},   {"mail", TOUCH_EMAIL},
		{"courriel", TOUCH_EMAIL}, {"call", TOUCH_CALL},      {"phone", TOUCH_CALL},
		{"appel", TOUCH_CALL},    {"telephone", TOUCH_CALL}, {"tel", TOUCH_CALL},
		{"message", TOUCH_MESSAGE}, {"msg", TOUCH_MESSAGE},  {"sms", TOUCH_MESSAGE},
		{"text", TOUCH_MESSAGE},  {"texto", TOUCH_MESSAGE},  {"other", TOUCH_OTHER},
		{"autre", TOUCH_OTHER},
	};
	char *folded = text_utf8_valid(word, strlen(word)) ? text_fold(word) : NULL;
	int kind = -1;

	for (size_t i = 0; folded && kind < 0 && i < sizeof words / sizeof words[0]; i++)
		if (strcmp(folded, words[i].word) == 0)
			kind = (int)words[i].kind;
	free(folded);
	return kind;
}

const char *
touch_kind_lead(const char *text, enum touch_kind *kind)
{
	const char *end = text, *rest;
	char word[24];
	int k;

	/* One short word, then a colon, French style ("appel : ...") or not:
	** "Re: x" or "sent at 10:30" are no kind. */
	while (*end && *end != ':' && *end != ' ' && *end != '\t')
		end++;
	rest = end;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (*rest != ':' || end == text || (size_t)(end - text) >= sizeof word)
		return text;
	memcpy(word, text, (size_t)(end - text));
	word[end - text] = '\0';
	if ((k = touch_kind_from_name(word)) < 0)
		return text;
	for (rest++; *rest == ' ' || *rest == '\t'; rest++)
		;
	*kind = (enum touch_kind)k;
	return rest;
}

enum rp_status
record_touch(store *st, const rp_clock *clock, int64_t client_id, enum touch_kind kind,
	     const char *text, int64_t *id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if (touch_kind_name(kind) == NULL)
		return rp_fail(err, RP_EINVAL, "%s", _("unknown touchpoint kind"));
	if ((s = field_check(text, N_("touchpoint"), TOUCH_TEXT_MAX, err)) != RP_OK)
		return s;
	s = db_prepare(st,
		       "INSERT INTO touchpoints (client_id, at, text, kind)"
		       " VALUES (?1, ?2, trim(?3), ?4)",
		       &stmt, N_("logging a touchpoint"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_int64(stmt, 2, rp_clock_now(clock));
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, touch_kind_name(kind), -1, SQLITE_STATIC);
	s = db_step_done(st, stmt, N_("logging a touchpoint"), err);
	if (s == RP_OK && id)
		*id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_finalize(stmt);
	return s;
}

/* Each change below is one statement, so one transaction; the search
** index follows through the touchpoints' triggers (schema.sql.h). */

enum rp_status
record_touch_delete(store *st, int64_t id, rp_error *err)
{
	enum rp_status s;

	s = db_exec_ints(st, "DELETE FROM touchpoints WHERE id = ?1", id, 0,
			 N_("removing a touchpoint"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		return rp_fail(err, RP_ENOTFOUND, _("no touchpoint %lld"), (long long)id);
	return s;
}

enum rp_status
record_touch_undo(store *st, int64_t client_id, touch_gone *gone, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc, kind;

	/* The newest through touchpoints_client, removed and read back in
	** the same statement. */
	s = db_prepare(st,
		       "DELETE FROM touchpoints WHERE id = (SELECT id FROM touchpoints"
		       " WHERE client_id = ?1 ORDER BY at DESC, id DESC LIMIT 1)"
		       " RETURNING id, at, kind, text",
		       &stmt, N_("removing a touchpoint"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (gone) {
			gone->id = db_col_id(stmt, 0);
			gone->at = db_col_time(stmt, 1);
			kind = touch_kind_from_name(db_col_text(stmt, 2));
			gone->kind = kind < 0 ? TOUCH_OTHER : (enum touch_kind)kind;
			gone->text = db_col_strdup(stmt, 3);
		}
		rc = sqlite3_step(stmt);  /* the change is made once the statement ends */
	} else if (rc == SQLITE_DONE) {
		s = rp_fail(err, RP_ENOTFOUND, "%s", _("no touchpoint logged with this client"));
	}
	if (s == RP_OK && rc != SQLITE_DONE)
		s = store_fail(st, err, N_("removing a touchpoint"));
	else if (s == RP_OK && gone && gone->text == NULL)
		s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
record_touch_edit(store *st, int64_t id, enum touch_kind kind, const char *text, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if (touch_kind_name(kind) == NULL)
		return rp_fail(err, RP_EINVAL, "%s", _("unknown touchpoint kind"));
	if ((s = field_check(text, N_("touchpoint"), TOUCH_TEXT_MAX, err)) != RP_OK)
		return s;
	s = db_prepare(st, "UPDATE touchpoints SET kind = ?2, text = trim(?3) WHERE id = ?1",
		       &stmt, N_("changing a touchpoint"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, touch_kind_name(kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	s = db_step_done(st, stmt, N_("changing a touchpoint"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no touchpoint %lld"), (long long)id);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
record_talk(store *st, const rp_clock *clock, int64_t meeting_id, enum talk_speaker speaker,
	    rp_error *err)
{
	int64_t now = rp_clock_now(clock);
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	/* A window still showing a meeting ended elsewhere adds no talk to it. */
	s = meeting_check_live(st, meeting_id, err);
	if (s == RP_OK)
		s = db_exec_ints(st,
				 "UPDATE talk_segments SET ended_at = max(started_at, ?2)"
				 " WHERE meeting_id = ?1 AND ended_at IS NULL",
				 meeting_id, now, N_("switching who talks"), err);
	if (s == RP_OK)
		s = db_prepare(st,
			       "INSERT INTO talk_segments (meeting_id, speaker, started_at)"
			       " VALUES (?1, ?2, ?3)",
			       &stmt, N_("switching who talks"), err);
	if (s == RP_OK) {
		sqlite3_bind_int64(stmt, 1, meeting_id);
		sqlite3_bind_text(stmt, 2, speaker == TALK_YOU ? "you" : "client", -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, now);
		s = db_step_done(st, stmt, N_("switching who talks"), err);
	}
	sqlite3_finalize(stmt);
	return finish(st, s, err);
}

enum rp_status
record_talk_totals(store *st, const rp_clock *clock, int64_t meeting_id, int64_t *you,
		   int64_t *them, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	*you = *them = 0;
	s = db_prepare(st,
		       /* total(), and only stretches whose ends are times: another
		       ** tool's 9e18 would make sum() overflow. */
		       "SELECT speaker, total(iif(started_at BETWEEN 0 AND 253402300799"
		       " AND coalesce(ended_at, ?2) BETWEEN 0 AND 253402300799,"
		       " max(0, coalesce(ended_at, ?2) - started_at), 0))"
		       " FROM talk_segments WHERE meeting_id = ?1 GROUP BY speaker",
		       &stmt, N_("reading talk time"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	sqlite3_bind_int64(stmt, 2, rp_clock_now(clock));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *who = db_col_text(stmt, 0);
		int64_t seconds = db_col_int(stmt, 1, 0, INT64_C(1) << 53, 0);

		if (strcmp(who, "you") == 0)
			*you = seconds;
		else
			*them = seconds;
	}
	if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading talk time"));
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
record_opener(store *st, const rp_clock *clock, int64_t client_id, const char *key,
	      const char *text, int64_t meeting_id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	s = db_prepare(st,
		       "INSERT INTO opener_uses (client_id, key, text, meeting_id, used_at)"
		       " VALUES (?1, ?2, ?3, ?4, ?5)",
		       &stmt, N_("noting an opener"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	db_bind_int64_or_null(stmt, 4, meeting_id);
	sqlite3_bind_int64(stmt, 5, rp_clock_now(clock));
	s = db_step_done(st, stmt, N_("noting an opener"), err);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
record_followup_status(store *st, const rp_clock *clock, int64_t id,
		       enum followup_status status, rp_error *err)
{
	static const char *const names[] = {"open", "done", "dropped"};
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((unsigned)status > FOLLOWUP_DROPPED)
		return rp_fail(err, RP_EINVAL, "%s", _("unknown follow-up status"));
	s = db_prepare(st,
		       "UPDATE followups SET status = ?2,"
		       " closed_at = CASE WHEN ?2 = 'open' THEN NULL ELSE ?3 END WHERE id = ?1",
		       &stmt, N_("changing a follow-up"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, names[status], -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, rp_clock_now(clock));
	s = db_step_done(st, stmt, N_("changing a follow-up"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no follow-up %lld"), (long long)id);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
record_prep_note(store *st, const rp_clock *clock, int64_t meeting_id, const char *text,
		 int64_t *id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = field_check(text, N_("prep note"), NOTE_TEXT_MAX, err)) != RP_OK)
		return s;
	s = db_prepare(st,
		       "INSERT INTO notes (meeting_id, phase, at, kind, text)"
		       " VALUES (?1, 'prep', ?2, 'note', trim(?3))",
		       &stmt, N_("saving a prep note"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	sqlite3_bind_int64(stmt, 2, rp_clock_now(clock));
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	s = db_step_done(st, stmt, N_("saving a prep note"), err);
	if (s == RP_OK && id)
		*id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
record_prompt_undo(store *st, int64_t meeting_id, const char *key, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	s = db_prepare(st,
		       "DELETE FROM prompt_log WHERE id = (SELECT max(id) FROM prompt_log"
		       " WHERE meeting_id = ?1 AND key = ?2)",
		       &stmt, N_("bringing a prompt back"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC);
	s = db_step_done(st, stmt, N_("bringing a prompt back"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no prompt %s was logged in meeting %lld"), key,
			    (long long)meeting_id);
	sqlite3_finalize(stmt);
	return s;
}
