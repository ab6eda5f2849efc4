/* fact.c: personal facts about a client. */
#include "rapport/fact.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "field.h"
#include "rapport/person.h"
#include "rapport/text.h"

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

/* Words (folded, English and French) that give a fact its kind.  A word
** matches at the start of a word of the text, so "travel" finds
** "travelling" and "vacance" finds "vacances". */
static const struct {
	enum fact_kind kind;
	const char *stem;
} kind_words[] = {
	{FACT_TRAVEL, "trip"}, {FACT_TRAVEL, "travel"}, {FACT_TRAVEL, "flight"},
	{FACT_TRAVEL, "holiday"}, {FACT_TRAVEL, "vacation"}, {FACT_TRAVEL, "voyage"},
	{FACT_TRAVEL, "vacance"}, {FACT_TRAVEL, "conge"}, {FACT_TRAVEL, "sejour"},
	{FACT_FAMILY, "daughter"}, {FACT_FAMILY, "son"}, {FACT_FAMILY, "kid"},
	{FACT_FAMILY, "child"}, {FACT_FAMILY, "wife"}, {FACT_FAMILY, "husband"},
	{FACT_FAMILY, "baby"}, {FACT_FAMILY, "family"}, {FACT_FAMILY, "wedding"},
	{FACT_FAMILY, "fille"}, {FACT_FAMILY, "fils"}, {FACT_FAMILY, "enfant"},
	{FACT_FAMILY, "famille"}, {FACT_FAMILY, "mariage"}, {FACT_FAMILY, "bebe"},
	{FACT_SPORT, "marathon"}, {FACT_SPORT, "running"}, {FACT_SPORT, "tennis"},
	{FACT_SPORT, "golf"}, {FACT_SPORT, "football"}, {FACT_SPORT, "soccer"},
	{FACT_SPORT, "ski"}, {FACT_SPORT, "cycling"}, {FACT_SPORT, "velo"},
	{FACT_SPORT, "yoga"}, {FACT_SPORT, "swim"}, {FACT_SPORT, "natation"},
	{FACT_SPORT, "rugby"}, {FACT_SPORT, "climb"}, {FACT_SPORT, "escalade"},
	{FACT_FOOD, "restaurant"}, {FACT_FOOD, "dinner"}, {FACT_FOOD, "sushi"},
	{FACT_FOOD, "cook"}, {FACT_FOOD, "wine"}, {FACT_FOOD, "coffee"},
	{FACT_FOOD, "vin"}, {FACT_FOOD, "cuisine"}, {FACT_FOOD, "diner"},
	{FACT_HOBBY, "guitar"}, {FACT_HOBBY, "piano"}, {FACT_HOBBY, "painting"},
	{FACT_HOBBY, "reading"}, {FACT_HOBBY, "garden"}, {FACT_HOBBY, "photo"},
	{FACT_HOBBY, "music"}, {FACT_HOBBY, "chess"}, {FACT_HOBBY, "musique"},
	{FACT_HOBBY, "jardin"}, {FACT_HOBBY, "lecture"}, {FACT_HOBBY, "peinture"},
	{FACT_WORK, "promot"}, {FACT_WORK, "new role"}, {FACT_WORK, "new job"},
	{FACT_WORK, "conference"}, {FACT_WORK, "reorg"}, {FACT_WORK, "poste"},
};

enum fact_kind
fact_kind_guess(const char *text)
{
	char *folded = text_fold(text);
	enum fact_kind kind = FACT_OTHER;

	if (folded == NULL)
		return FACT_OTHER;
	for (size_t i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++) {
		size_t len = strlen(kind_words[i].stem);

		for (const char *p = strstr(folded, kind_words[i].stem); p;
		     p = strstr(p + 1, kind_words[i].stem)) {
			bool word_start = p == folded || p[-1] == ' ' || p[-1] == '\'';

			/* "son" must not match "season": short stems need a
			** whole word. */
			bool word_end = len > 4 || p[len] == '\0' || p[len] == ' ' ||
					p[len] == 's' || p[len] == ',' || p[len] == '.';
			if (word_start && word_end) {
				kind = kind_words[i].kind;
				goto out;
			}
		}
	}
out:
	free(folded);
	return kind;
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
		       &stmt, "adding a fact", err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_text(stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, rp_clock_now(clock));
	db_bind_int64_or_null(stmt, 5, meeting_id);
	db_bind_int64_or_null(stmt, 6, note_id);
	db_bind_int64_or_null(stmt, 7, person_id);
	s = db_step_done(st, stmt, "adding a fact", err);
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
			 "changing a fact", err);
	if (s == RP_ENOTFOUND)
		return rp_fail(err, RP_ENOTFOUND, "no fact %lld", (long long)id);
	if (s != RP_OK || (s = person_of_fact(st, client_id, text, &person_id, err)) != RP_OK)
		return s;
	s = db_prepare(st, "UPDATE facts SET kind = ?2, text = trim(?3),"
		       " person_id = coalesce(?4, person_id) WHERE id = ?1", &stmt,
		       "changing a fact", err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, kind_names[kind], -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	db_bind_int64_or_null(stmt, 4, person_id);
	s = db_step_done(st, stmt, "changing a fact", err);
	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, "no fact %lld", (long long)id);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
fact_delete(store *st, int64_t id, rp_error *err)
{
	enum rp_status s = db_exec_ints(st, "DELETE FROM facts WHERE id = ?1", id, 0,
					"forgetting a fact", err);

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
					    "changing a fact", err), id, err);
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
		       "changing a fact", err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	db_bind_text_or_null(stmt, 2, until.year ? date_format(until, day) : NULL);
	s = changed_one(st, db_step_done(st, stmt, "changing a fact", err), id, err);
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
					id, person_id, "changing a fact", err);

	return changed_one(st, s, id, err);
}
