/* fact.c: personal facts about a client. */
#include "rapport/fact.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "field.h"
#include "rapport/i18n.h"
#include "rapport/opener.h"
#include "rapport/person.h"

static const char *const kind_names[] = {
#define FACT_KIND_NAME(kind, name) [kind] = name,
	FACT_KIND_LIST(FACT_KIND_NAME)
#undef FACT_KIND_NAME
};

const char *
fact_kind_name(enum fact_kind kind)
{
	if ((unsigned)kind >= FACT_KIND_COUNT)
		return NULL;
	return kind_names[kind];
}

int
fact_kind_from_name(const char *name)
{
	for (int k = 0; k < FACT_KIND_COUNT; k++)
		if (strcasecmp(name, kind_names[k]) == 0)
			return k;
	return -1;
}

/* The opener generator reads a fact's words for its questions: the same
** reading gives its kind, so a fact is asked about as what it was filed. */
enum fact_kind
fact_kind_guess(const char *text)
{
	int kind = fact_kind_from_name(opener_kind_guess(text));

	return kind < 0 ? FACT_OTHER : (enum fact_kind)kind;
}

enum rp_status
fact_add(store *st, const rp_clock *clock, int64_t client_id, enum fact_kind kind,
	 const char *text, int64_t meeting_id, int64_t note_id, int64_t *id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int64_t person_id = 0;
	enum rp_status s;

	if ((unsigned)kind >= FACT_KIND_COUNT)
		return rp_fail(err, RP_EINVAL, "unknown kind of fact");
	if ((s = field_check(text, "fact", FACT_TEXT_MAX, err)) != RP_OK)
		return s;
	/* "Zoë: back from Bali" is Zoë's. */
	if ((s = person_of_fact(st, client_id, text, &person_id, err)) != RP_OK)
		return s;
	s = db_prepare(st,
		       "INSERT INTO facts (client_id, kind, text, learned_at, meeting_id, note_id,"
		       " person_id) VALUES (?1, ?2, trim(?3), ?4, ?5, ?6, ?7)",
		       &stmt, N_("adding a fact"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_text(stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, rp_clock_now(clock));
	db_bind_int64_or_null(stmt, 5, meeting_id);
	db_bind_int64_or_null(stmt, 6, note_id);
	db_bind_int64_or_null(stmt, 7, person_id);
	s = db_step_done(st, stmt, N_("adding a fact"), err);
	if (s == RP_OK && id)
		*id = sqlite3_last_insert_rowid(store_db(st));
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
fact_edit(store *st, int64_t id, enum fact_kind kind, const char *text, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int64_t client_id = 0, person_id = 0;
	enum rp_status s;

	if ((unsigned)kind >= FACT_KIND_COUNT)
		return rp_fail(err, RP_EINVAL, "unknown kind of fact");
	if ((s = field_check(text, "fact", FACT_TEXT_MAX, err)) != RP_OK)
		return s;
	/* A new lead that names someone makes it theirs; else whoever it was. */
	s = db_query_int(st, "SELECT client_id FROM facts WHERE id = ?1", id, 0, &client_id,
			 N_("changing a fact"), err);
	if (s == RP_ENOTFOUND)
		return rp_fail(err, RP_ENOTFOUND, "no fact %lld", (long long)id);
	if (s != RP_OK || (s = person_of_fact(st, client_id, text, &person_id, err)) != RP_OK)
		return s;
	s = db_prepare(st, "UPDATE facts SET kind = ?2, text = trim(?3),"
		       " person_id = coalesce(?4, person_id) WHERE id = ?1", &stmt,
		       N_("changing a fact"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	db_bind_int64_or_null(stmt, 4, person_id);
	s = db_step_done(st, stmt, N_("changing a fact"), err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, "no fact %lld", (long long)id);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
fact_delete(store *st, int64_t id, rp_error *err)
{
	enum rp_status s = db_exec_ints(st, "DELETE FROM facts WHERE id = ?1", id, 0,
					N_("forgetting a fact"), err);

	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, "no fact %lld", (long long)id);
	return s;
}

/* Report a fact that is not there after an update that changed nothing. */
static enum rp_status
changed_one(store *st, enum rp_status s, int64_t id, rp_error *err)
{
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, "no fact %lld", (long long)id);
	return s;
}

enum rp_status
fact_set_done(store *st, const rp_clock *clock, int64_t id, bool done, rp_error *err)
{
	return changed_one(st, db_exec_ints(st, "UPDATE facts SET done_at = nullif(?2, 0)"
					    " WHERE id = ?1", id, done ? rp_clock_now(clock) : 0,
					    N_("changing a fact"), err), id, err);
}

enum rp_status
fact_set_until(store *st, int64_t id, rp_date until, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char day[16];
	enum rp_status s;

	if (until.year && !date_valid(until.year, until.month, until.day))
		return rp_fail(err, RP_EINVAL, "not a date");
	s = db_prepare(st, "UPDATE facts SET until_date = ?2 WHERE id = ?1", &stmt,
		       N_("changing a fact"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	db_bind_text_or_null(stmt, 2, until.year ? date_format(until, day) : NULL);
	s = changed_one(st, db_step_done(st, stmt, N_("changing a fact"), err), id, err);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
fact_set_person(store *st, int64_t id, int64_t person_id, rp_error *err)
{
	/* Only a person of the fact's own client. */
	enum rp_status s = db_exec_ints(st,
					"UPDATE facts SET person_id = nullif(?2, 0) WHERE id = ?1"
					" AND (?2 = 0 OR client_id = (SELECT client_id FROM people"
					" WHERE id = ?2))",
					id, person_id, N_("changing a fact"), err);

	return changed_one(st, s, id, err);
}
