/* test_odd.c: reading a database another tool edited: NULL in NOT NULL
** columns, blobs in text columns, text in integer columns, times of 9e18,
** negative positions and a 1 MB title.  Every reader gives something sane,
** never a crash. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/date.h"
#include "rapport/export.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/prep.h"
#include "rapport/recap.h"
#include "rapport/record.h"
#include "rapport/search.h"
#include "rapport/session.h"
#include "tap.h"

#define T0 1795687200  /* 2026-11-26T10:00:00Z */

/* Run sql on path as a tool that ignores rapport's NOT NULL and CHECK
** rules: the constraints are taken out of the schema, the edit made, and
** the schema put back as it was. */
static void
hostile(const char *path, const char *sql)
{
	char *edit = malloc(strlen(sql) + 128);

	CHECK(fixture_sql(path, "CREATE TABLE saved_schema AS SELECT name, sql FROM sqlite_schema"
				" WHERE type = 'table' AND sql LIKE '%NOT NULL%';"
				"PRAGMA writable_schema = ON;"
				"UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '')"
				" WHERE type = 'table' AND name <> 'saved_schema';") == 0);
	snprintf(edit, strlen(sql) + 128, "PRAGMA ignore_check_constraints = ON; %s", sql);
	CHECK(fixture_sql(path, edit) == 0);
	CHECK(fixture_sql(path, "PRAGMA writable_schema = ON;"
				"UPDATE sqlite_master AS t SET sql = s.sql FROM saved_schema s"
				" WHERE s.name = t.name;") == 0);
	CHECK(fixture_sql(path, "DROP TABLE saved_schema;") == 0);
	free(edit);
}

/* A client with a fact, an ended meeting with two items, notes, a
** follow-up and talk, in a database at path; the meeting's id. */
static int64_t
seed(const char *path)
{
	rp_error err = {0};
	store *st = store_open(path, STORE_WRITE, &err);
	agenda_spec items[2] = {{"Budget", 15}, {"Timeline", 10}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 2};
	int64_t m = 0;
	char sql[1024];

	fixture_now = T0;
	CHECK(client_add(st, &fixture_clock, "Zoë", "Lefèvre SARL", 5, 14, &args.client_id, &err) ==
	      RP_OK);
	CHECK(fact_add(st, &fixture_clock, args.client_id, FACT_TRAVEL, "went to Bali", 0, 0, NULL,
		       &err) == RP_OK);
	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_OK);
	store_close(st);
	snprintf(sql, sizeof sql,
		 "UPDATE meetings SET state = 'ended', started_at = %d, ended_at = %d;"
		 "INSERT INTO notes (meeting_id, at, kind, text) VALUES"
		 " (%lld, %d, 'decision', 'phased rollout'), (%lld, %d, 'private', 'tense');"
		 "INSERT INTO followups (client_id, meeting_id, text, owner, due, created_at)"
		 " VALUES (%lld, %lld, 'send the plan', 'me', '2026-11-27', %d);"
		 "INSERT INTO talk_segments (meeting_id, speaker, started_at, ended_at)"
		 " VALUES (%lld, 'you', %d, %d);",
		 T0, T0 + 2400, (long long)m, T0 + 60, (long long)m, T0 + 120,
		 (long long)args.client_id, (long long)m, T0 + 60, (long long)m, T0, T0 + 300);
	CHECK(fixture_sql(path, sql) == 0);
	return m;
}

/* Load everything a screen or an export reads of meeting m. */
static void
load_all(const char *path, int64_t m, session **s, recap **r, prep **p)
{
	rp_error err = {0};
	store *st = store_open(path, STORE_READ, &err);
	char *doc = NULL;
	client *all = NULL;
	size_t n = 0;
	search_result *found = NULL;

	if (st == NULL) {
		tap_fail(__FILE__, __LINE__, "open: %s", err.msg);
		return;
	}
	CHECK(session_load(st, m, s, &err) == RP_OK);
	CHECK(recap_load(st, m, r, &err) == RP_OK);
	CHECK(prep_load(st, 1, "2026-11-26", p, &err) == RP_OK);
	CHECK(client_list(st, &all, &n, &err) == RP_OK);
	if (export_json(st, &fixture_clock, m, true, &doc, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "export_json: %s", err.msg);
	free(doc);
	doc = NULL;
	if (*r && export_markdown(*r, &doc, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "export_markdown: %s", err.msg);
	free(doc);
	if (search_run(st, "budget", SEARCH_NEWEST, 50, &found, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "search: %s", err.msg);
	search_free(found);
	free(all);
	store_close(st);
}

static void
nulls_read_as_empty_text(void)
{
	const char *path = fixture_path("nulls.db");
	int64_t m = seed(path);
	session *s = NULL;
	recap *r = NULL;
	prep *p = NULL;

	hostile(path, "UPDATE meetings SET title = NULL; UPDATE agenda_items SET title = NULL,"
		      " status = NULL, position = NULL; UPDATE notes SET text = NULL, kind = NULL,"
		      " at = NULL; UPDATE facts SET text = NULL, kind = NULL, learned_at = NULL;"
		      " UPDATE followups SET text = NULL, status = NULL;"
		      " UPDATE talk_segments SET speaker = NULL, started_at = NULL;"
		      " UPDATE clients SET name = NULL, cadence_min = NULL, cadence_max = NULL;");
	load_all(path, m, &s, &r, &p);
	if (s == NULL || r == NULL || p == NULL)
		goto out;
	CHECK_STR(s->title, "");
	CHECK_STR(s->client_name, "");
	CHECK_INT(s->nitems, 2);
	CHECK_STR(s->items[0].title, "");
	CHECK_INT(s->nnotes, 2);
	CHECK_STR(s->notes[0].text, "");
	/* A kind that is none could have been private: it stays private. */
	CHECK(s->notes[0].kind == NOTE_PRIVATE);
	CHECK_INT(s->notes[0].at, 0);
	CHECK_STR(r->followups[0].text, "");
	CHECK_STR(p->facts[0].text, "");
	/* The cadence falls back to the default. */
	CHECK_INT(s->cadence_min, CLIENT_CADENCE_MIN);
	CHECK_INT(s->cadence_max, CLIENT_CADENCE_MAX);
out:
	session_free(s);
	recap_free(r);
	prep_free(p);
}

static void
wrong_types_and_absurd_numbers(void)
{
	const char *path = fixture_path("types.db");
	int64_t m = seed(path);
	session *s = NULL;
	recap *r = NULL;
	prep *p = NULL;
	char day[32];

	hostile(path, "UPDATE meetings SET title = x'1b5b326a', started_at = 9e18,"
		      " planned_minutes = -5;"
		      " UPDATE agenda_items SET timebox_minutes = -1 WHERE position = 1;"
		      " UPDATE agenda_items SET timebox_minutes = 'ten', position = -3"
		      " WHERE position = 2;"
		      " UPDATE notes SET at = 'yesterday', kind = 42;"
		      " UPDATE facts SET learned_at = 6918798400000000, text = x'00ff';"
		      " UPDATE followups SET due = '2026-13-45', owner = x'1b';"
		      " UPDATE talk_segments SET started_at = -9e18, ended_at = 9223372036854775807;"
		      " UPDATE clients SET cadence_min = 'x', cadence_max = 99999;");
	load_all(path, m, &s, &r, &p);
	if (s == NULL || r == NULL || p == NULL)
		goto out;
	CHECK_STR(s->title, "(invalid)");
	CHECK_INT(s->started_at, DATE_TIME_INVALID);
	CHECK_STR(date_format_local(s->started_at, true, day, sizeof day), "(invalid)");
	CHECK_INT(s->planned_minutes, 0);
	/* A timebox outside 1..1440 minutes is counted as none, shown "?". */
	CHECK_INT(s->items[0].timebox_minutes, 0);
	CHECK(s->items[0].timebox_invalid);
	CHECK(s->items[1].timebox_invalid);
	CHECK_INT(s->notes[0].at, DATE_TIME_INVALID);
	CHECK(s->notes[0].kind == NOTE_PRIVATE);
	CHECK_STR(p->facts[0].text, "(invalid)");
	CHECK_STR(date_format(date_local(p->facts[0].learned_at), day), "(invalid)");
	CHECK_STR(r->followups[0].due, "(invalid)");
	CHECK_STR(r->followups[0].owner, "(invalid)");
	CHECK_INT(s->cadence_min, CLIENT_CADENCE_MIN);
	CHECK_INT(s->cadence_max, CLIENT_CADENCE_MAX);
	/* No check-in window from a day that is none. */
	CHECK_INT(r->next_suggested.year, 0);
out:
	session_free(s);
	recap_free(r);
	prep_free(p);
}

static void
huge_text_is_cut(void)
{
	const char *path = fixture_path("huge.db");
	int64_t m = seed(path);
	session *s = NULL;
	recap *r = NULL;
	prep *p = NULL;

	/* 1 MB of "é", 2 bytes each: cut at a character, "…" at the end. */
	hostile(path, "UPDATE agenda_items SET title = replace(printf('%.524288c', 'x'), 'x', 'é');"
		      " UPDATE notes SET text = printf('%.1048576c', 'y') WHERE kind = 'decision';");
	load_all(path, m, &s, &r, &p);
	if (s == NULL || r == NULL || p == NULL)
		goto out;
	CHECK(strlen(s->items[0].title) <= 16384 + 3);
	CHECK(strlen(s->items[0].title) > 16000);
	CHECK(strcmp(s->items[0].title + strlen(s->items[0].title) - 3, "…") == 0);
	CHECK(strncmp(s->items[0].title, "éé", 4) == 0);
	CHECK(strlen(s->notes[0].text) <= 16384 + 3);
out:
	session_free(s);
	recap_free(r);
	prep_free(p);
}

/* A note longer than NOTE_TEXT_MAX is refused where it is stored, whoever
** filled it: the live screen and any other caller get the same message. */
static void
record_note_refuses_too_long(void)
{
	const char *path = fixture_path("long.db");
	int64_t m = seed(path), id = 0;
	rp_error err = {0};
	store *st = store_open(path, STORE_WRITE, &err);
	parsed_note *n = calloc(1, sizeof *n);

	if (st == NULL || n == NULL) {
		tap_fail(__FILE__, __LINE__, "setup");
		goto out;
	}
	n->kind = NOTE_PLAIN;
	memset(n->text, 'a', sizeof n->text);  /* no room left for the NUL */
	CHECK(record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, n, &id, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "note is too long (at most 4000 bytes)");
	memset(n->text, 0, sizeof n->text);
	memset(n->text, 'a', NOTE_TEXT_MAX);
	n->kind = (enum note_kind)99;
	CHECK(record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, n, &id, &err) == RP_EINVAL);
	n->kind = NOTE_PLAIN;
	CHECK(record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, n, &id, &err) == RP_OK);
	CHECK(id > 0);
out:
	free(n);
	store_close(st);
}

/* The first home screen of an empty database ranks no clients: no
** qsort(NULL, 0), which UBSan reports (this test runs under it). */
static void
ranking_no_clients(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	client_status *v = NULL;
	size_t n = 99;

	CHECK(client_ranking(st, (rp_date){2026, 11, 26}, &v, &n, &err) == RP_OK);
	CHECK_INT(n, 0);
	free(v);
	store_close(st);
}

int
main(void)
{
	RUN(nulls_read_as_empty_text);
	RUN(wrong_types_and_absurd_numbers);
	RUN(huge_text_is_cut);
	RUN(record_note_refuses_too_long);
	RUN(ranking_no_clients);
	return tap_done();
}
