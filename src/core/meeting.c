/* meeting.c: planning, running and ending meetings; their agenda. */
#include "rapport/meeting.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "carry.h"
#include "db.h"
#include "field.h"
#include "meeting_sql.h"
#include "rapport/client.h"
#include "rapport/date.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/text.h"

static const char *const state_names[] = {
	[MEETING_PLANNED] = "planned",
	[MEETING_LIVE] = "live",
	[MEETING_ENDED] = "ended",
	[MEETING_CANCELLED] = "cancelled",
};

const char *
meeting_state_name(enum meeting_state state)
{
	if ((unsigned)state >= sizeof state_names / sizeof state_names[0])
		return NULL;
	return state_names[state];
}

enum meeting_state
meeting_state_from(const char *name)
{
	for (int k = MEETING_LIVE; k <= MEETING_CANCELLED; k++)
		if (name && strcmp(name, state_names[k]) == 0)
			return (enum meeting_state)k;
	return MEETING_PLANNED;
}

static const char *const status_names[] = {
#define AGENDA_STATUS_NAME(s, name) [s] = name,
	AGENDA_STATUS_LIST(AGENDA_STATUS_NAME)
#undef AGENDA_STATUS_NAME
};

const char *
agenda_status_name(enum agenda_status status)
{
	if ((unsigned)status >= sizeof status_names / sizeof status_names[0])
		return NULL;
	return status_names[status];
}

enum rp_status
meeting_check_title(const char *title, const char *what, rp_error *err)
{
	return field_check(title, what, MEETING_TITLE_MAX, err);
}

enum rp_status
agenda_parse_spec(const char *text, agenda_spec *out, rp_error *err)
{
	const char *colon = strrchr(text, ':');
	size_t title_len = strlen(text);
	enum rp_status s;

	out->minutes = 0;
	if (colon != NULL && colon[1] != '\0' && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
		const char *digits = colon + 1;
		long minutes;

		if (strlen(digits) > 5)
			return rp_fail(err, RP_EINVAL, _("timebox of \"%.60s\" is too long"), text);
		minutes = strtol(digits, NULL, 10);
		if (minutes < 1 || minutes > MEETING_MINUTES_MAX)
			return rp_fail(err, RP_EINVAL,
				       _("timebox of \"%.60s\" must be 1 to %d minutes"), text,
				       MEETING_MINUTES_MAX);
		out->minutes = (int)minutes;
		title_len = (size_t)(colon - text);
	}
	if (title_len >= sizeof out->title)
		return rp_fail(err, RP_EINVAL, _("agenda item title is too long (at most %d characters)"),
			       MEETING_TITLE_MAX);
	memcpy(out->title, text, title_len);
	out->title[title_len] = '\0';
	if ((s = meeting_check_title(out->title, N_("agenda item title"), err)) != RP_OK)
		return s;
	text_trim(out->title);
	return RP_OK;
}

/* Set meeting_id's planned length to the sum of all its timeboxes (none
** when that is 0), at most a day. */
static enum rp_status
planned_from_timeboxes(store *st, int64_t meeting_id, rp_error *err)
{
	return db_exec_ints(st,
			    "UPDATE meetings SET planned_minutes = nullif(min(?2, (SELECT"
			    " coalesce(sum(timebox_minutes), 0) FROM agenda_items"
			    " WHERE meeting_id = ?1)), 0) WHERE id = ?1",
			    meeting_id, MEETING_MINUTES_MAX, N_("setting the planned length"), err);
}

/* Does meeting_id's planned length follow its timeboxes (none set, or the
** sum of the timeboxes it has), rather than a length someone chose?
** Sets *follows. */
static enum rp_status
planned_follows_timeboxes(store *st, int64_t meeting_id, bool *follows, rp_error *err)
{
	int64_t v = 0;
	enum rp_status s;

	s = db_query_int(st,
			 "SELECT planned_minutes IS NULL OR planned_minutes = (SELECT"
			 " coalesce(sum(timebox_minutes), 0) FROM agenda_items WHERE meeting_id = ?1)"
			 " FROM meetings WHERE id = ?1",
			 meeting_id, 0, &v, N_("reading the planned length"), err);
	*follows = s == RP_OK && v != 0;
	return s == RP_ENOTFOUND ? RP_OK : s;
}

/* The first item of meeting_id whose title folds to title's (case and
** accents aside), among those not carried from anywhere yet (uncarried) or
** among those carried in (!uncarried): its id in *id, or 0. */
static enum rp_status
item_titled(store *st, int64_t meeting_id, const char *title, bool uncarried, int64_t *id,
	    rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char *want = text_fold(title);
	enum rp_status s;
	int rc;

	*id = 0;
	if (want == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	s = db_prepare(st,
		       "SELECT id, title FROM agenda_items WHERE meeting_id = ?1"
		       " AND (carried_from IS NULL) = (?2 <> 0) ORDER BY position",
		       &stmt, N_("carrying items over"), err);
	if (s == RP_OK) {
		sqlite3_bind_int64(stmt, 1, meeting_id);
		sqlite3_bind_int(stmt, 2, uncarried);
		while (*id == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			char *have = text_fold(db_col_text(stmt, 1));

			if (have == NULL) {
				s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
				break;
			}
			if (strcmp(have, want) == 0)
				*id = db_col_id(stmt, 0);
			free(have);
		}
		if (s == RP_OK && *id == 0 && rc != SQLITE_DONE)
			s = store_fail(st, err, N_("carrying items over"));
	}
	sqlite3_finalize(stmt);
	free(want);
	return s;
}

/* What carrying item ?2 adds to its count: one for a meeting held that
** left it unfinished, none for a meeting cancelled, where nobody put it
** off (a count of three wants a decision: it must mean three meetings). */
#define CARRY_STEP                                                              \
	"(SELECT m.state IS NOT 'cancelled' FROM agenda_items a"                 \
	" JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?2)"

/* Carry what waits for client_id's next meeting (CARRY_PENDING_SQL) into
** meeting_id, in its order, after its own items.  An item whose title
** (case and accents aside) the agenda already has is that item continued,
** not a second one: an item of that title planned there is marked as
** carried from it, one for one; one already carried in of that title is
** left as it is.  *carried (may be NULL) counts the items added. */
static enum rp_status
carry_items(store *st, int64_t meeting_id, int64_t client_id, int *carried, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc, added = 0;

	s = db_prepare(st, CARRY_PENDING_SQL, &stmt, N_("carrying items over"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_int64(stmt, 2, meeting_id);
	while (s == RP_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t from = db_col_id(stmt, 0), into = 0, already = 0;
		const char *title = db_col_text(stmt, 1);

		s = item_titled(st, meeting_id, title, true, &into, err);
		if (s == RP_OK && into == 0)
			s = item_titled(st, meeting_id, title, false, &already, err);
		if (s != RP_OK || already)
			continue;
		if (into) {
			s = db_exec_ints(st,
					 "UPDATE agenda_items SET carried_from = ?2,"
					 " carry_count = max(carry_count, (SELECT carry_count + " CARRY_STEP
					 " FROM agenda_items WHERE id = ?2)) WHERE id = ?1",
					 into, from, N_("carrying items over"), err);
			continue;
		}
		s = db_exec_ints(st,
				 "INSERT INTO agenda_items (meeting_id, position, title, timebox_minutes,"
				 " carry_count, carried_from)"
				 " SELECT ?1, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items"
				 " WHERE meeting_id = ?1), title, timebox_minutes, carry_count + " CARRY_STEP
				 ", id FROM agenda_items WHERE id = ?2",
				 meeting_id, from, N_("carrying items over"), err);
		added += s == RP_OK;
	}
	if (s == RP_OK && rc != SQLITE_DONE)
		s = store_fail(st, err, N_("carrying items over"));
	sqlite3_finalize(stmt);
	if (carried)
		*carried = added;
	return s;
}

/* A planned length that followed the timeboxes grows with the items
** carried in: 1 new item of 5' and 2 carried of 10' plan 25'. */
enum rp_status
carry_over_in(store *st, int64_t meeting_id, int *carried, rp_error *err)
{
	int64_t client_id = 0, before = 0;
	bool follows = false;
	enum rp_status s;

	if (carried)
		*carried = 0;
	s = db_query_int(st, "SELECT client_id FROM meetings WHERE id = ?1", meeting_id, 0,
			 &client_id, N_("carrying items over"), err);
	if (s == RP_ENOTFOUND)
		return rp_fail(err, RP_ENOTFOUND, _("no meeting %lld"), (long long)meeting_id);
	if (s == RP_OK)
		s = db_query_int(st, "SELECT coalesce(max(id), 0) FROM agenda_items", 0, 0, &before,
				 N_("carrying items over"), err);
	if (s == RP_OK)
		s = planned_follows_timeboxes(st, meeting_id, &follows, err);
	if (s == RP_OK)
		s = carry_items(st, meeting_id, client_id, carried, err);
	if (s != RP_OK)
		return s;
	if (follows && (s = planned_from_timeboxes(st, meeting_id, err)) != RP_OK)
		return s;
	/* Their walkthroughs come along: the educator's material stays. */
	return db_exec_ints(st,
			    "INSERT INTO walkthroughs (item_id, position, member, did, minutes, depends_on)"
			    " SELECT n.id, w.position, w.member, w.did, w.minutes, w.depends_on"
			    " FROM agenda_items n JOIN walkthroughs w ON w.item_id = n.carried_from"
			    " WHERE n.meeting_id = ?1 AND n.id > ?2",
			    meeting_id, before, N_("carrying items over"), err);
}

enum rp_status
agenda_carry_over(store *st, int64_t meeting_id, int *carried, rp_error *err)
{
	enum rp_status s;

	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = carry_over_in(st, meeting_id, carried, err);
	if (s != RP_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, err);
}

static enum rp_status check_not_ended(store *st, int64_t meeting_id, int64_t item_id,
				      rp_error *err);

enum rp_status
agenda_remove_item(store *st, int64_t item_id, rp_error *err)
{
	int64_t meeting_id = 0, position = 0;
	bool follows = false;
	enum rp_status s;

	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = check_not_ended(st, 0, item_id, err);
	if (s == RP_OK)
		s = db_query_int(st, "SELECT meeting_id FROM agenda_items WHERE id = ?1", item_id,
				 0, &meeting_id, N_("removing an agenda item"), err);
	if (s == RP_OK)
		s = db_query_int(st, "SELECT position FROM agenda_items WHERE id = ?1", item_id, 0,
				 &position, N_("removing an agenda item"), err);
	if (s == RP_ENOTFOUND)
		s = rp_fail(err, RP_ENOTFOUND, _("no agenda item %lld"), (long long)item_id);
	if (s == RP_OK)
		s = planned_follows_timeboxes(st, meeting_id, &follows, err);
	if (s == RP_OK)
		s = db_exec_ints(st, "DELETE FROM agenda_items WHERE id = ?1", item_id, 0,
				 N_("removing an agenda item"), err);
	if (s == RP_OK && follows)
		s = planned_from_timeboxes(st, meeting_id, err);
	/* Shift through a far range: (meeting, position) stays unique at
	** every step of the UPDATE. */
	if (s == RP_OK)
		s = db_exec_ints(st,
				 "UPDATE agenda_items SET position = position + 1000000"
				 " WHERE meeting_id = ?1 AND position > ?2",
				 meeting_id, position, N_("removing an agenda item"), err);
	if (s == RP_OK)
		s = db_exec_ints(st,
				 "UPDATE agenda_items SET position = position - 1000001"
				 " WHERE meeting_id = ?1 AND position > 1000000",
				 meeting_id, 0, N_("removing an agenda item"), err);
	if (s != RP_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, err);
}

/* Move the items at positions lo..hi of meeting_id up by a million. */
static enum rp_status
shift_range(store *st, int64_t meeting_id, int64_t lo, int64_t hi, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	s = db_prepare(st,
		       "UPDATE agenda_items SET position = position + 1000000"
		       " WHERE meeting_id = ?1 AND position BETWEEN ?2 AND ?3",
		       &stmt, N_("moving an agenda item"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	sqlite3_bind_int64(stmt, 2, lo);
	sqlite3_bind_int64(stmt, 3, hi);
	s = db_step_done(st, stmt, N_("moving an agenda item"), err);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
agenda_move_item(store *st, int64_t item_id, int to, rp_error *err)
{
	int64_t meeting_id = 0, from = 0, count = 0;
	enum rp_status s;

	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = db_query_int(st, "SELECT meeting_id FROM agenda_items WHERE id = ?1", item_id, 0,
			 &meeting_id, N_("moving an agenda item"), err);
	if (s == RP_OK)
		s = db_query_int(st, "SELECT position FROM agenda_items WHERE id = ?1", item_id, 0,
				 &from, N_("moving an agenda item"), err);
	if (s == RP_OK)
		s = db_query_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1",
				 meeting_id, 0, &count, N_("moving an agenda item"), err);
	if (s == RP_ENOTFOUND)
		s = rp_fail(err, RP_ENOTFOUND, _("no agenda item %lld"), (long long)item_id);
	if (s != RP_OK)
		goto fail;
	if (to < 1)
		to = 1;
	if (to > count)
		to = (int)count;
	if (to == from)
		return store_commit(st, err);
	/* Park the item far away, shift the ones between through a far range
	** (so (meeting, position) stays unique at every step), then drop it in. */
	s = db_exec_ints(st, "UPDATE agenda_items SET position = 2000000 WHERE id = ?1", item_id, 0,
			 N_("moving an agenda item"), err);
	if (s == RP_OK)
		s = shift_range(st, meeting_id, to > from ? from + 1 : to, to > from ? to : from - 1,
				err);
	if (s == RP_OK)
		s = db_exec_ints(st,
				 "UPDATE agenda_items SET position = position - 1000000 + ?2"
				 " WHERE meeting_id = ?1 AND position > 1000000 AND position < 2000000",
				 meeting_id, to > from ? -1 : 1, N_("moving an agenda item"), err);
	if (s == RP_OK)
		s = db_exec_ints(st, "UPDATE agenda_items SET position = ?2 WHERE id = ?1", item_id, to,
				 N_("moving an agenda item"), err);
	if (s != RP_OK)
		goto fail;
	return store_commit(st, err);
fail:
	store_rollback(st);
	return s;
}

/* The built-in agendas, in each language a client may speak: the agenda is
** shared with the client (the invitation, the recap), so it is in theirs. */
static const struct {
	const char *name, *title;
	agenda_spec items[8];
} templates[RP_LANG_COUNT][4] = {
	[RP_LANG_EN] = {
		{"kickoff", "Kickoff", {{"Introductions", 10}, {"Goals and success criteria", 15},
				        {"Scope and deliverables", 15}, {"Timeline and milestones", 10},
				        {"Risks and dependencies", 10}, {"Next steps", 5}}},
		{"weekly", "Weekly status", {{"Small talk", 5}, {"Progress since last week", 10},
					     {"Blockers", 10}, {"Decisions needed", 10}, {"Next steps", 5}}},
		{"steering", "Steering committee", {{"Status and milestones", 10}, {"Budget", 10},
						    {"Risks and issues", 15}, {"Decisions requested", 15},
						    {"Next steps", 5}}},
		{"retro", "Retrospective", {{"What went well", 10}, {"What did not", 10},
					    {"What we change", 15}, {"Actions", 10}}},
	},
	[RP_LANG_FR] = {
		{"kickoff", "Lancement", {{"Présentations", 10}, {"Objectifs et critères de réussite", 15},
					  {"Périmètre et livrables", 15}, {"Calendrier et jalons", 10},
					  {"Risques et dépendances", 10}, {"Prochaines étapes", 5}}},
		{"weekly", "Point hebdomadaire", {{"Prendre des nouvelles", 5},
						  {"Avancement depuis la semaine dernière", 10},
						  {"Points bloquants", 10}, {"Décisions à prendre", 10},
						  {"Prochaines étapes", 5}}},
		{"steering", "Comité de pilotage", {{"État d'avancement et jalons", 10}, {"Budget", 10},
						    {"Risques et problèmes", 15},
						    {"Décisions attendues", 15}, {"Prochaines étapes", 5}}},
		{"retro", "Rétrospective", {{"Ce qui a bien marché", 10}, {"Ce qui n'a pas marché", 10},
					    {"Ce que nous changeons", 15}, {"Actions", 10}}},
	},
};

const char *const agenda_template_names[] = {"kickoff", "weekly", "steering", "retro", NULL};

size_t
agenda_template_in(enum rp_lang lang, const char *name, agenda_spec *out, size_t max,
		   const char **title)
{
	if ((unsigned)lang >= RP_LANG_COUNT)
		lang = RP_LANG_EN;
	for (size_t t = 0; t < sizeof templates[0] / sizeof templates[0][0]; t++) {
		size_t n = 0;

		if (strcmp(name, templates[lang][t].name) != 0)
			continue;
		for (; n < 8 && templates[lang][t].items[n].title[0] && n < max; n++)
			out[n] = templates[lang][t].items[n];
		if (title)
			*title = templates[lang][t].title;
		return n;
	}
	return 0;
}

size_t
agenda_template(const char *name, agenda_spec *out, size_t max, const char **title)
{
	return agenda_template_in(RP_LANG_EN, name, out, max, title);
}

enum rp_status
meeting_plan(store *st, const rp_clock *clock, const meeting_plan_args *args, int64_t *id,
	     rp_error *err)
{
	const char *title = args->title;
	sqlite3_stmt *stmt = NULL;
	int64_t meeting_id, carried = 0, item_id;
	int minutes = args->planned_minutes;
	enum rp_status s;

	if (title == NULL) {
		/* A meeting without a title is named in the client's language:
		** the title goes into what is sent to them. */
		client cl;

		if ((s = client_get(st, args->client_id, &cl, err)) != RP_OK)
			return s;
		title = IN_LANG(cl.lang, "Meeting", "Réunion");
	}
	if ((s = meeting_check_title(title, N_("meeting title"), err)) != RP_OK)
		return s;
	if (args->nitems > AGENDA_ITEMS_MAX)
		return rp_fail(err, RP_EINVAL, _("an agenda holds at most %d items"), AGENDA_ITEMS_MAX);
	if (minutes < 0 || minutes > MEETING_MINUTES_MAX)
		return rp_fail(err, RP_EINVAL, _("a meeting lasts 1 to %d minutes"), MEETING_MINUTES_MAX);
	if (minutes == 0) {
		for (size_t i = 0; i < args->nitems; i++)
			minutes += args->items[i].minutes;
		if (minutes > MEETING_MINUTES_MAX)
			minutes = MEETING_MINUTES_MAX;
	}
	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = db_prepare(st,
		       "INSERT INTO meetings (client_id, title, state, planned_at, planned_minutes,"
		       " created_at, location, description)"
		       " VALUES (?1, trim(?2), 'planned', ?3, ?4, ?5, ?6, ?7)",
		       &stmt, N_("planning a meeting"), err);
	if (s != RP_OK)
		goto fail;
	sqlite3_bind_int64(stmt, 1, args->client_id);
	sqlite3_bind_text(stmt, 2, title, -1, SQLITE_STATIC);
	db_bind_int64_or_null(stmt, 3, args->planned_at);
	db_bind_int64_or_null(stmt, 4, minutes);
	sqlite3_bind_int64(stmt, 5, rp_clock_now(clock));
	db_bind_text_or_null(stmt, 6, args->location);
	db_bind_text_or_null(stmt, 7, args->description);
	if ((s = db_step_done(st, stmt, N_("planning a meeting"), err)) != RP_OK)
		goto fail;
	sqlite3_finalize(stmt);
	stmt = NULL;
	meeting_id = sqlite3_last_insert_rowid(store_db(st));

	if (!args->carry_none && (s = carry_over_in(st, meeting_id, NULL, err)) != RP_OK)
		goto fail;
	s = db_query_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", meeting_id,
			 0, &carried, N_("planning a meeting"), err);
	if (s != RP_OK)
		goto fail;
	if (carried + (int64_t)args->nitems > AGENDA_ITEMS_MAX) {
		s = rp_fail(err, RP_EINVAL, _("an agenda holds at most %d items (%lld carried over)"),
			    AGENDA_ITEMS_MAX, (long long)carried);
		goto fail;
	}
	s = db_prepare(st,
		       "INSERT INTO agenda_items (meeting_id, position, title, timebox_minutes)"
		       " VALUES (?1, ?2, ?3, ?4)",
		       &stmt, N_("adding an agenda item"), err);
	if (s != RP_OK)
		goto fail;
	for (size_t i = 0, pos = (size_t)carried + 1; i < args->nitems; i++) {
		/* An item planned under the title of one carried over is that
		** one: its timebox is the one given now, and it is not doubled. */
		if ((s = item_titled(st, meeting_id, args->items[i].title, false, &item_id, err)) !=
		    RP_OK)
			goto fail;
		if (item_id && args->items[i].minutes &&
		    (s = db_exec_ints(st, "UPDATE agenda_items SET timebox_minutes = ?2 WHERE id = ?1",
				      item_id, args->items[i].minutes, N_("adding an agenda item"), err)) !=
			    RP_OK)
			goto fail;
		if (item_id == 0) {
			sqlite3_reset(stmt);
			sqlite3_bind_int64(stmt, 1, meeting_id);
			sqlite3_bind_int64(stmt, 2, (int64_t)pos++);
			sqlite3_bind_text(stmt, 3, args->items[i].title, -1, SQLITE_STATIC);
			db_bind_int64_or_null(stmt, 4, args->items[i].minutes);
			if ((s = db_step_done(st, stmt, N_("adding an agenda item"), err)) != RP_OK)
				goto fail;
			item_id = sqlite3_last_insert_rowid(store_db(st));
		}
		for (size_t w = 0; w < args->nwalks; w++) {
			const walk_spec *ws = &args->walks[w];

			if (ws->item != i)
				continue;
			s = agenda_add_walkthrough(st, item_id,
						   ws->member, ws->did, ws->minutes,
						   ws->depends_on[0] ? ws->depends_on : NULL, NULL, err);
			if (s != RP_OK)
				goto fail;
		}
	}
	sqlite3_finalize(stmt);
	stmt = NULL;
	/* No length given: the whole agenda's, what was carried over included. */
	if (args->planned_minutes == 0 && (s = planned_from_timeboxes(st, meeting_id, err)) != RP_OK)
		goto fail;
	if ((s = store_commit(st, err)) != RP_OK)
		return s;
	if (id)
		*id = meeting_id;
	return RP_OK;
fail:
	sqlite3_finalize(stmt);
	store_rollback(st);
	return s;
}

/* The state of meeting id, as its storage name, into buf. */
static enum rp_status
meeting_state_of(store *st, int64_t id, char *buf, size_t size, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	s = db_prepare(st, "SELECT state FROM meetings WHERE id = ?1", &stmt, N_("reading a meeting"),
		       err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		db_col_copy(stmt, 0, buf, size);
	} else if (rc == SQLITE_DONE) {
		s = rp_fail(err, RP_ENOTFOUND, _("no meeting %lld"), (long long)id);
	} else {
		s = store_fail(st, err, N_("reading a meeting"));
	}
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
meeting_exists(store *st, int64_t id, rp_error *err)
{
	char state[16];

	return meeting_state_of(st, id, state, sizeof state, err);
}

bool
meeting_missed(int64_t planned_at, int64_t now)
{
	return planned_at != 0 && planned_at < now - MEETING_MISSED_AFTER;
}

enum rp_status
meeting_start(store *st, const rp_clock *clock, int64_t id, rp_error *err)
{
	char state[16];
	enum rp_status s;

	if ((s = meeting_state_of(st, id, state, sizeof state, err)) != RP_OK)
		return s;
	if (strcmp(state, "live") == 0)
		return RP_OK;
	if (strcmp(state, "ended") == 0)
		return rp_fail(err, RP_EINVAL, _("meeting %lld has already ended"), (long long)id);
	if (strcmp(state, "planned") != 0)
		return rp_fail(err, RP_EINVAL, _("meeting %lld was cancelled"), (long long)id);
	return db_exec_ints(st,
			    "UPDATE meetings SET state = 'live', started_at = ?2"
			    " WHERE id = ?1 AND state = 'planned'",
			    id, rp_clock_now(clock), N_("starting a meeting"), err);
}

enum rp_status
meeting_check_live(store *st, int64_t id, rp_error *err)
{
	char state[16];
	enum rp_status s;

	if ((s = meeting_state_of(st, id, state, sizeof state, err)) != RP_OK)
		return s;
	if (strcmp(state, "ended") == 0)
		return rp_fail(err, RP_EINVAL, _("meeting %lld has ended"), (long long)id);
	if (strcmp(state, "cancelled") == 0)
		return rp_fail(err, RP_EINVAL, _("meeting %lld was cancelled"), (long long)id);
	if (strcmp(state, "live") != 0)
		return rp_fail(err, RP_EINVAL, _("meeting %lld has not started"), (long long)id);
	return RP_OK;
}

/* Stop the clock of the active item of meeting ?1 at time ?2: its time so
** far is kept and it goes back to pending (unfinished). */
#define STOP_ACTIVE_SQL                                                           \
	"UPDATE agenda_items SET status = 'pending',"                              \
	" spent_seconds = spent_seconds + max(0, ?2 - coalesce(started_at, ?2)),"   \
	" started_at = NULL WHERE meeting_id = ?1 AND status = 'active'"

enum rp_status
meeting_end(store *st, const rp_clock *clock, int64_t id, rp_error *err)
{
	int64_t now = rp_clock_now(clock);
	char state[16];
	enum rp_status s;

	if ((s = meeting_state_of(st, id, state, sizeof state, err)) != RP_OK)
		return s;
	if (strcmp(state, "live") != 0)
		return rp_fail(err, RP_EINVAL, _("meeting %lld is not live"), (long long)id);
	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = db_exec_ints(st, STOP_ACTIVE_SQL, id, now, N_("ending a meeting"), err);
	if (s == RP_OK)
		s = db_exec_ints(st,
				 "UPDATE talk_segments SET ended_at = max(started_at, ?2)"
				 " WHERE meeting_id = ?1 AND ended_at IS NULL",
				 id, now, N_("ending a meeting"), err);
	if (s == RP_OK)
		s = db_exec_ints(st,
				 "UPDATE meetings SET state = 'ended', ended_at = ?2 WHERE id = ?1",
				 id, now, N_("ending a meeting"), err);
	if (s == RP_OK) {
		/* What is left goes to the next meeting, if one is planned. */
		int64_t next = 0;

		s = db_query_int(st,
				 "SELECT id FROM meetings WHERE client_id ="
				 " (SELECT client_id FROM meetings WHERE id = ?1)"
				 " AND started_at IS NULL AND state = 'planned'"
				 " ORDER BY coalesce(planned_at, created_at), id LIMIT 1",
				 id, 0, &next, N_("ending a meeting"), err);
		if (s == RP_ENOTFOUND)
			s = RP_OK;
		else if (s == RP_OK)
			s = carry_over_in(st, next, NULL, err);
	}
	if (s != RP_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, err);
}

enum rp_status
meeting_last(store *st, int64_t *id, rp_error *err)
{
	enum rp_status s;

	s = db_query_int(st,
			 MEETING_LAST_SQL, 0, 0, id, N_("finding the last meeting"), err);
	if (s == RP_ENOTFOUND)
		return rp_fail(err, RP_ENOTFOUND, "%s", _("there are no meetings yet"));
	return s;
}

enum rp_status
agenda_item_at(store *st, int64_t meeting_id, int position, int64_t *item_id, rp_error *err)
{
	enum rp_status s;

	s = db_query_int(st, "SELECT id FROM agenda_items WHERE meeting_id = ?1 AND position = ?2",
			 meeting_id, position, item_id, N_("reading the agenda"), err);
	if (s == RP_ENOTFOUND)
		return rp_fail(err, RP_ENOTFOUND, _("meeting %lld has no agenda item %d"),
			       (long long)meeting_id, position);
	return s;
}

enum rp_status
agenda_add_walkthrough(store *st, int64_t item_id, const char *member, const char *did,
		       int minutes, const char *depends_on, int64_t *id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = field_check(member, N_("team member"), MEETING_TITLE_MAX, err)) != RP_OK ||
	    (s = field_check(did, N_("what they did"), 1000, err)) != RP_OK ||
	    (depends_on && *depends_on &&
	     (s = field_check(depends_on, N_("dependency"), 1000, err)) != RP_OK))
		return s;
	s = db_prepare(st,
		       "INSERT INTO walkthroughs (item_id, position, member, did, minutes, depends_on)"
		       " VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM walkthroughs"
		       " WHERE item_id = ?1), trim(?2), trim(?3), ?4, trim(?5))",
		       &stmt, N_("adding a walkthrough entry"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, item_id);
	sqlite3_bind_text(stmt, 2, member, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, did, -1, SQLITE_STATIC);
	if (minutes >= 0)
		sqlite3_bind_int(stmt, 4, minutes);
	db_bind_text_or_null(stmt, 5, depends_on);
	s = db_step_done(st, stmt, N_("adding a walkthrough entry"), err);
	if (s == RP_OK && id)
		*id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
agenda_start_item(store *st, const rp_clock *clock, int64_t item_id, rp_error *err)
{
	int64_t now = rp_clock_now(clock), meeting_id;
	enum rp_status s;

	s = db_query_int(st,
			 "SELECT a.meeting_id FROM agenda_items a JOIN meetings m"
			 " ON m.id = a.meeting_id WHERE a.id = ?1 AND m.state = 'live'",
			 item_id, 0, &meeting_id, N_("starting an agenda item"), err);
	if (s == RP_ENOTFOUND)
		return rp_fail(err, RP_EINVAL, _("agenda item %lld is not in a live meeting"),
			       (long long)item_id);
	if (s != RP_OK)
		return s;
	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	s = db_exec_ints(st,
			 "UPDATE agenda_items SET status = 'pending',"
			 " spent_seconds = spent_seconds + max(0, ?2 - coalesce(started_at, ?2)),"
			 " started_at = NULL WHERE status = 'active' AND id <> ?1 AND meeting_id ="
			 " (SELECT meeting_id FROM agenda_items WHERE id = ?1)",
			 item_id, now, N_("starting an agenda item"), err);
	if (s == RP_OK)
		s = db_exec_ints(st,
				 "UPDATE agenda_items SET status = 'active', started_at = ?2"
				 " WHERE id = ?1 AND status <> 'active'",
				 item_id, now, N_("starting an agenda item"), err);
	if (s != RP_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, err);
}

/* RP_EINVAL when the meeting of item_id (of meeting_id when item_id is 0)
** has ended: its agenda stays as it was left, even when a second window
** still shows it live.  A cancelled meeting's agenda stays too: it is what
** waits for the next meeting. */
static enum rp_status
check_not_ended(store *st, int64_t meeting_id, int64_t item_id, rp_error *err)
{
	int64_t ended = 0;
	enum rp_status s;

	s = db_query_int(st,
			 "SELECT CASE state WHEN 'ended' THEN 1 WHEN 'cancelled' THEN 2 ELSE 0 END"
			 " FROM meetings WHERE id ="
			 " coalesce((SELECT meeting_id FROM agenda_items WHERE id = ?2), ?1)",
			 meeting_id, item_id, &ended, N_("changing an agenda item"), err);
	if (s == RP_ENOTFOUND)
		return RP_OK;  /* no such item or meeting: the change itself says so */
	if (s == RP_OK && ended == 1)
		return rp_fail(err, RP_EINVAL, "%s", _("the meeting has ended: its agenda stays as it was left"));
	if (s == RP_OK && ended == 2)
		return rp_fail(err, RP_EINVAL,
			       "%s", _("the meeting was cancelled: its agenda waits for the next one"));
	return s;
}

enum rp_status
agenda_set_status(store *st, const rp_clock *clock, int64_t item_id, enum agenda_status status,
		  rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if (status == AGENDA_ACTIVE)
		return agenda_start_item(st, clock, item_id, err);
	if ((unsigned)status >= sizeof status_names / sizeof status_names[0])
		return rp_fail(err, RP_EINVAL, "%s", _("unknown agenda status"));
	if ((s = check_not_ended(st, 0, item_id, err)) != RP_OK)
		return s;
	s = db_prepare(st,
		       "UPDATE agenda_items SET status = ?3,"
		       " spent_seconds = spent_seconds + CASE WHEN status = 'active'"
		       "   THEN max(0, ?2 - coalesce(started_at, ?2)) ELSE 0 END,"
		       " started_at = NULL WHERE id = ?1",
		       &stmt, N_("changing an agenda item"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, item_id);
	sqlite3_bind_int64(stmt, 2, rp_clock_now(clock));
	sqlite3_bind_text(stmt, 3, status_names[status], -1, SQLITE_STATIC);
	s = db_step_done(st, stmt, N_("changing an agenda item"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no agenda item %lld"), (long long)item_id);
	sqlite3_finalize(stmt);
	return s;
}

/* Find a meeting of client_id by a query returning one id; 0 when none. */
static enum rp_status
find_meeting(store *st, const char *sql, int64_t client_id, const char *title, int64_t *id,
	     rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	*id = 0;
	if ((s = db_prepare(st, sql, &stmt, N_("finding a meeting"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	if (title)
		sqlite3_bind_text(stmt, 2, title, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = db_col_id(stmt, 0);
	else if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("finding a meeting"));
	sqlite3_finalize(stmt);
	return s;
}

/* The planned meeting of client_id whose title folds to title's, into *id
** (0 when none). */
static enum rp_status
planned_titled(store *st, int64_t client_id, const char *title, int64_t *id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char *wanted;
	enum rp_status s;
	int rc = SQLITE_DONE;

	*id = 0;
	if ((wanted = text_fold(title)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	text_trim(wanted);
	s = db_prepare(st,
		       "SELECT id, title FROM meetings WHERE client_id = ?1 AND started_at IS NULL"
		       " AND state = 'planned' ORDER BY coalesce(planned_at, created_at), id",
		       &stmt, N_("finding a meeting"), err);
	if (s == RP_OK)
		sqlite3_bind_int64(stmt, 1, client_id);
	while (s == RP_OK && *id == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char *t = text_fold(db_col_text(stmt, 1));

		if (t && strcmp(t, wanted) == 0)
			*id = db_col_id(stmt, 0);
		free(t);
	}
	if (s == RP_OK && *id == 0 && rc != SQLITE_DONE)
		s = store_fail(st, err, N_("finding a meeting"));
	sqlite3_finalize(stmt);
	free(wanted);
	return s;
}

enum rp_status
meeting_open(store *st, const rp_clock *clock, int64_t client_id, const char *title,
	     int64_t *id, bool *resumed, rp_error *err)
{
	meeting_plan_args args = {.client_id = client_id, .title = title};
	int64_t found = 0;
	enum rp_status s;

	*resumed = false;
	if (title && (s = meeting_check_title(title, N_("meeting title"), err)) != RP_OK)
		return s;
	s = find_meeting(st, MEETING_LIVE_SQL, client_id, NULL, &found, err);
	if (s != RP_OK)
		return s;
	if (found) {
		*resumed = true;
		*id = found;
		return RP_OK;
	}
	if (title) {
		/* Titles compare folded: the planned "Kick-off réunion" is what
		** "kick-off reunion" asks for. */
		if ((s = planned_titled(st, client_id, title, &found, err)) != RP_OK)
			return s;
	} else {
		s = find_meeting(st,
				 MEETING_NEXT_SQL,
				 client_id, NULL, &found, err);
		if (s != RP_OK)
			return s;
	}
	if (!found && (s = meeting_plan(st, clock, &args, &found, err)) != RP_OK)
		return s;
	if ((s = meeting_start(st, clock, found, err)) != RP_OK)
		return s;
	*id = found;
	return RP_OK;
}

/* agenda_add_item's work, inside its transaction. */
static enum rp_status
add_item_in(store *st, int64_t meeting_id, const agenda_spec *spec, int64_t *item_id,
	    rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int64_t count = 0;
	bool follows = false;
	enum rp_status s;

	if ((s = meeting_check_title(spec->title, N_("agenda item title"), err)) != RP_OK ||
	    (s = check_not_ended(st, meeting_id, 0, err)) != RP_OK)
		return s;
	s = db_query_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", meeting_id,
			 0, &count, N_("adding an agenda item"), err);
	if (s != RP_OK)
		return s;
	if (count >= AGENDA_ITEMS_MAX)
		return rp_fail(err, RP_EINVAL, _("an agenda holds at most %d items"), AGENDA_ITEMS_MAX);
	if ((s = planned_follows_timeboxes(st, meeting_id, &follows, err)) != RP_OK)
		return s;
	s = db_prepare(st,
		       "INSERT INTO agenda_items (meeting_id, position, title, timebox_minutes)"
		       " VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items"
		       " WHERE meeting_id = ?1), trim(?2), ?3)",
		       &stmt, N_("adding an agenda item"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting_id);
	sqlite3_bind_text(stmt, 2, spec->title, -1, SQLITE_STATIC);
	db_bind_int64_or_null(stmt, 3, spec->minutes);
	s = db_step_done(st, stmt, N_("adding an agenda item"), err);
	if (s == RP_OK && item_id)
		*item_id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_finalize(stmt);
	if (s == RP_OK && follows)
		s = planned_from_timeboxes(st, meeting_id, err);
	return s;
}

/* agenda_edit_item's work, inside its transaction. */
static enum rp_status
edit_item_in(store *st, int64_t item_id, const agenda_spec *spec, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int64_t meeting_id = 0;
	bool follows = false;
	enum rp_status s;

	if ((s = meeting_check_title(spec->title, N_("agenda item title"), err)) != RP_OK ||
	    (s = check_not_ended(st, 0, item_id, err)) != RP_OK)
		return s;
	s = db_query_int(st, "SELECT meeting_id FROM agenda_items WHERE id = ?1", item_id, 0,
			 &meeting_id, N_("changing an agenda item"), err);
	if (s == RP_ENOTFOUND)
		return rp_fail(err, RP_ENOTFOUND, _("no agenda item %lld"), (long long)item_id);
	if (s != RP_OK || (s = planned_follows_timeboxes(st, meeting_id, &follows, err)) != RP_OK)
		return s;
	s = db_prepare(st,
		       "UPDATE agenda_items SET title = trim(?2), timebox_minutes = ?3,"
		       " from_invite = 0 WHERE id = ?1",
		       &stmt, N_("changing an agenda item"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, item_id);
	sqlite3_bind_text(stmt, 2, spec->title, -1, SQLITE_STATIC);
	db_bind_int64_or_null(stmt, 3, spec->minutes);
	s = db_step_done(st, stmt, N_("changing an agenda item"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no agenda item %lld"), (long long)item_id);
	sqlite3_finalize(stmt);
	if (s == RP_OK && follows)
		s = planned_from_timeboxes(st, meeting_id, err);
	return s;
}

/* One transaction each: the check that the meeting is not ended, the
** write and the planned length that follows the timeboxes cannot be split
** by another window's change. */
enum rp_status
agenda_add_item(store *st, int64_t meeting_id, const agenda_spec *spec, int64_t *item_id,
		rp_error *err)
{
	enum rp_status s;

	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	if ((s = add_item_in(st, meeting_id, spec, item_id, err)) != RP_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, err);
}

enum rp_status
agenda_edit_item(store *st, int64_t item_id, const agenda_spec *spec, rp_error *err)
{
	enum rp_status s;

	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	if ((s = edit_item_in(st, item_id, spec, err)) != RP_OK) {
		store_rollback(st);
		return s;
	}
	return store_commit(st, err);
}

/* Minutes from "90", "90m", "90'", "16h", "2h30"; -1 when it is none of
** those. */
static int
parse_minutes(const char *t)
{
	long h = 0, m = 0;
	char *end;

	if (*t < '0' || *t > '9' || strlen(t) > 8)
		return -1;
	m = strtol(t, &end, 10);
	if (*end == 'h') {
		h = m;
		m = 0;
		if (end[1] >= '0' && end[1] <= '9') {
			m = strtol(end + 1, &end, 10);
			if (*end == 'm')
				end++;
		} else {
			end++;
		}
	} else if (*end == 'm' || *end == '\'') {
		end++;
	}
	if (*end != '\0' || m > 59 * (h > 0) + 100000 * (h == 0))
		return -1;
	return (int)(h * 60 + m);
}

enum rp_status
agenda_parse_walk(const char *text, walk_spec *out, rp_error *err)
{
	char buf[9000], *part[4] = {NULL, NULL, NULL, NULL}, *p;
	int n = 0;
	enum rp_status s;

	memset(out, 0, sizeof *out);
	out->minutes = -1;
	if (strlen(text) >= sizeof buf)
		return rp_fail(err, RP_EINVAL, "%s", _("walkthrough entry is too long"));
	strcpy(buf, text);
	for (p = buf; n < 4; n++) {
		part[n] = p;
		if ((p = strchr(p, '|')) == NULL) {
			n++;
			break;
		}
		*p++ = '\0';
	}
	if (p != NULL)
		return rp_fail(err, RP_EINVAL,
			       "%s", _("walkthrough entry has too many parts (MEMBER|WHAT|MINUTES|DEPENDS ON)"));
	if (n < 2)
		return rp_fail(err, RP_EINVAL, "%s", _("walkthrough entry must be MEMBER|WHAT[|MINUTES[|DEPENDS ON]]"));
	for (int i = 0; i < n; i++)
		text_trim(part[i]);
	if ((s = field_check(part[0], N_("team member"), MEETING_TITLE_MAX, err)) != RP_OK ||
	    (s = field_check(part[1], N_("what they did"), 1000, err)) != RP_OK)
		return s;
	if (n >= 3 && part[2][0] && (out->minutes = parse_minutes(part[2])) < 0)
		return rp_fail(err, RP_EINVAL, _("walkthrough minutes \"%.20s\": use 90, 90m, 16h or 2h30"),
			       part[2]);
	if (n >= 4 && part[3][0] && (s = field_check(part[3], N_("dependency"), 1000, err)) != RP_OK)
		return s;
	snprintf(out->member, sizeof out->member, "%s", part[0]);
	snprintf(out->did, sizeof out->did, "%s", part[1]);
	if (n >= 4)
		snprintf(out->depends_on, sizeof out->depends_on, "%s", part[3]);
	return RP_OK;
}

enum rp_status
meeting_next_planned(store *st, int64_t client_id, int64_t *id, rp_error *err)
{
	enum rp_status s;

	s = db_query_int(st,
			 MEETING_NEXT_SQL,
			 client_id, 0, id, N_("finding the next meeting"), err);
	if (s == RP_ENOTFOUND)
		return rp_fail(err, RP_ENOTFOUND, "%s", _("no planned meeting"));
	return s;
}

enum rp_status
agenda_remove_walkthrough(store *st, int64_t item_id, int index, rp_error *err)
{
	enum rp_status s;

	s = db_exec_ints(st,
			 "DELETE FROM walkthroughs WHERE id = (SELECT id FROM walkthroughs"
			 " WHERE item_id = ?1 ORDER BY position LIMIT 1 OFFSET ?2)",
			 item_id, index, N_("removing a walkthrough entry"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, "%s", _("no such walkthrough entry"));
	return s;
}

char *
agenda_duration(int minutes, const char *unit, char *buf, size_t size)
{
	if (minutes < 0)
		snprintf(buf, size, "%s", "");
	else if (minutes >= 60 && minutes % 60)
		snprintf(buf, size, "%dh%02d", minutes / 60, minutes % 60);
	else if (minutes >= 60)
		snprintf(buf, size, "%dh", minutes / 60);
	else
		snprintf(buf, size, "%d%s", minutes, unit);
	return buf;
}

/* What waits for the client's next meeting (carry.h: left unfinished
** last time, or on a meeting cancelled since): how many, and the first
** titles. */
static enum rp_status
pending_of(store *st, int64_t client_id, meeting_choice *out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	size_t len = 0;
	bool full = false;
	int rc;

	s = db_prepare(st,
		       CARRY_PENDING_SQL, &stmt, N_("reading the last agenda"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_int64(stmt, 2, 0);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *t = db_col_text(stmt, 1);
		size_t need = strlen(t) + (len ? 2 : 0);

		out->pending++;
		if (full)
			continue;
		/* Whole titles only (no character cut in two), three at most;
		** what is appended always leaves room for ", …". */
		if (out->pending > 3 || len + need + 6 > sizeof out->pending_titles) {
			snprintf(out->pending_titles + len, sizeof out->pending_titles - len, "%s…",
				 len ? ", " : "");
			full = true;
			continue;
		}
		len += (size_t)snprintf(out->pending_titles + len, sizeof out->pending_titles - len,
					"%s%s", len ? ", " : "", t);
	}
	if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading the last agenda"));
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
meeting_choose(store *st, const rp_clock *clock, int64_t client_id, const char *title,
	       meeting_choice *out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	memset(out, 0, sizeof *out);
	if (title && (s = meeting_check_title(title, N_("meeting title"), err)) != RP_OK)
		return s;
	s = find_meeting(st, MEETING_LIVE_SQL, client_id, NULL, &out->live, err);
	if (s == RP_OK && title)
		s = planned_titled(st, client_id, title, &out->planned, err);
	else if (s == RP_OK)
		s = find_meeting(st,
				 MEETING_NEXT_SQL,
				 client_id, NULL, &out->planned, err);
	if (s != RP_OK)
		return s;
	if (out->planned) {
		s = db_prepare(st, "SELECT title, coalesce(planned_at, 0) FROM meetings WHERE id = ?1",
			       &stmt, N_("finding a meeting"), err);
		if (s != RP_OK)
			return s;
		sqlite3_bind_int64(stmt, 1, out->planned);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			rp_date on, today = date_local(rp_clock_now(clock));

			db_col_copy(stmt, 0, out->planned_title, sizeof out->planned_title);
			out->planned_at = db_col_time(stmt, 1);
			on = date_local(out->planned_at);
			out->planned_today = out->planned_at == 0 ||
					     (on.year == today.year && on.month == today.month &&
					      on.day == today.day);
		} else {
			s = store_fail(st, err, N_("finding a meeting"));
		}
		sqlite3_finalize(stmt);
		if (s != RP_OK)
			return s;
	}
	return pending_of(st, client_id, out, err);
}

enum rp_status
meeting_open_new(store *st, const rp_clock *clock, int64_t client_id, const char *title,
		 bool carry, int64_t *id, rp_error *err)
{
	meeting_plan_args args = {.client_id = client_id, .title = title, .carry_none = !carry};
	int64_t found = 0;
	enum rp_status s;

	if ((s = meeting_plan(st, clock, &args, &found, err)) != RP_OK)
		return s;
	if ((s = meeting_start(st, clock, found, err)) != RP_OK)
		return s;
	*id = found;
	return RP_OK;
}
