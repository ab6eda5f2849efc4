/* test_timeline.c: a client's meetings and touchpoints as one list, newest
** first, cut at the limit, on a real store. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/meeting.h"
#include "rapport/record.h"
#include "rapport/timeline.h"
#include "tap.h"

/* "what:text" of each entry, joined with '|'. */
static const char *
joined(const timeline *t)
{
	static char buf[1000];
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < t->n && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s%s:%s", i ? "|" : "",
					t->entries[i].touch ? "t " : "m ", t->entries[i].what,
					t->entries[i].text);
	return buf;
}

static void
meetings_and_touchpoints_newest_first(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t c, other, held, planned, was = fixture_now;
	meeting_plan_args kickoff = {.title = "Kickoff"}, next = {.title = "Weekly"};
	timeline *t = NULL;
	char sql[300];

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &c, &err);
	client_add(st, &fixture_clock, "Other", NULL, 5, 14, &other, &err);
	kickoff.client_id = next.client_id = c;
	next.planned_at = was + 7 * 86400;
	CHECK(meeting_plan(st, &fixture_clock, &kickoff, &held, &err) == RP_OK);
	CHECK(meeting_plan(st, &fixture_clock, &next, &planned, &err) == RP_OK);
	fixture_now = was - 10 * 86400;
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_EMAIL, "the deck", NULL, &err) == RP_OK);
	fixture_now = was - 2 * 86400;
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_CALL, "budget", NULL, &err) == RP_OK);
	CHECK(record_touch(st, &fixture_clock, other, TOUCH_CALL, "not Acme", NULL, &err) == RP_OK);
	fixture_now = was;
	snprintf(sql, sizeof sql,
		 "UPDATE meetings SET state = 'ended', started_at = %lld, ended_at = %lld"
		 " WHERE id = %lld",
		 (long long)(was - 5 * 86400), (long long)(was - 5 * 86400 + 3600), (long long)held);
	CHECK(fixture_sql(fixture_path("db1.sqlite"), sql) == 0);

	CHECK(timeline_load(st, c, 10, &t, &err) == RP_OK);
	if (t) {
		CHECK_STR(joined(t),
			  "m planned:Weekly|t call:budget|m ended:Kickoff|t email:the deck");
		CHECK(!t->more);
	}
	timeline_free(t);
	t = NULL;
	CHECK(timeline_load(st, c, 2, &t, &err) == RP_OK);
	if (t) {
		CHECK_STR(joined(t), "m planned:Weekly|t call:budget");
		CHECK(t->more);
	}
	timeline_free(t);
	t = NULL;
	CHECK(timeline_load(st, 9999, 10, &t, &err) == RP_OK);
	CHECK(t && t->n == 0 && !t->more);
	timeline_free(t);
	store_close(st);
}

/* Counts the steps of SQLite's virtual machine: what a query costs. */
static int
count_step(void *n)
{
	++*(long *)n;
	return 0;
}

/* Five meetings held, each with notes live notes, then five touchpoints
** after them, for client c of the second store (db2). */
static void
history(int64_t c, int notes)
{
	char sql[900];

	snprintf(sql, sizeof sql,
		 "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 5)"
		 " INSERT INTO meetings (client_id, title, state, created_at, started_at, ended_at)"
		 " SELECT %lld, 'Weekly ' || n, 'ended', %lld, %lld + n * 60, %lld + n * 60 + 30"
		 " FROM i;"
		 "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < %d)"
		 " INSERT INTO notes (meeting_id, phase, at, kind, text)"
		 " SELECT m.id, 'live', m.started_at + 1, 'note', 'said ' || n"
		 " FROM meetings m, i WHERE m.client_id = %lld;"
		 "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 5)"
		 " INSERT INTO touchpoints (client_id, at, text, kind)"
		 " SELECT %lld, %lld + 3600 + n, 'call ' || n, 'call' FROM i;",
		 (long long)c, (long long)fixture_now, (long long)fixture_now, (long long)fixture_now,
		 notes, (long long)c, (long long)c, (long long)fixture_now);
	CHECK(fixture_sql(fixture_path("db2.sqlite"), sql) == 0);
}

/* What timeline_load() of the newest five costs, in steps. */
static long
steps_of(store *st, int64_t c, timeline **t)
{
	rp_error err = {0};
	long n = 0;

	sqlite3_progress_handler(store_db(st), 1, count_step, &n);
	CHECK(timeline_load(st, c, 5, t, &err) == RP_OK);
	sqlite3_progress_handler(store_db(st), 0, NULL, NULL);
	return n;
}

/* The notes are counted for the meetings shown only: meetings cut by the
** limit cost nothing however many notes they hold, so Review's first
** frame stays bounded; the meetings shown still say their notes. */
static void
notes_are_counted_for_the_meetings_kept(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t few, many;
	timeline *t = NULL;
	long steps_few, steps_many;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Few", NULL, 5, 14, &few, &err);
	client_add(st, &fixture_clock, "Many", NULL, 5, 14, &many, &err);
	history(few, 1);
	history(many, 300);
	steps_few = steps_of(st, few, &t);
	CHECK(t && t->n == 5 && t->more && t->entries[4].touch);
	timeline_free(t);
	steps_many = steps_of(st, many, &t);
	timeline_free(t);
	if (steps_many > steps_few + 50)
		tap_fail(__FILE__, __LINE__, "%ld steps with 300 notes a meeting, %ld with 1",
			 steps_many, steps_few);
	CHECK(timeline_load(st, many, 7, &t, &err) == RP_OK);
	CHECK_INT(t ? t->n : 0, 7);
	if (t && t->n == 7) {
		CHECK(!t->entries[5].touch && !t->entries[6].touch);
		CHECK_INT(t->entries[5].notes, 300);
		CHECK_INT(t->entries[6].notes, 300);
		CHECK_STR(t->entries[5].text, "Weekly 5");
	}
	timeline_free(t);
	CHECK(TIMELINE_MAX <= 100);  /* the first frame's bound */
	store_close(st);
}

/* The whole history, page after page: each entry once, in the order one
** query over everything gives (time, newest first; meetings before
** touchpoints of the same second; the newer id first), ties included.
** The last page costs what the first does: it starts where the one before
** stopped, in the indexes. */
static void
pages_follow_on_where_the_last_stopped(void)
{
	static const char *const order_sql =
		"SELECT kind, id FROM ("
		" SELECT 0 AS kind, id, started_at AS t FROM meetings"
		"  WHERE client_id = ?1 AND started_at IS NOT NULL"
		" UNION ALL SELECT 0, id, coalesce(planned_at, created_at) FROM meetings"
		"  WHERE client_id = ?1 AND started_at IS NULL"
		" UNION ALL SELECT 1, id, at FROM touchpoints WHERE client_id = ?1"
		") ORDER BY t DESC, kind, id DESC";
	store *st = fixture_store();
	rp_error err = {0};
	int64_t c, other;
	timeline *t = NULL;
	sqlite3_stmt *stmt = NULL;
	char sql[1200];
	long first = 0, last = 0;
	size_t pages = 0, n = 0;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Long", NULL, 5, 14, &c, &err);
	client_add(st, &fixture_clock, "Other", NULL, 5, 14, &other, &err);
	/* 430 meetings held, three to a second by threes; 20 planned; 150
	** touchpoints, some in the same second as a meeting, with greater ids;
	** another client's meetings between them. */
	snprintf(sql, sizeof sql,
		 "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 430)"
		 " INSERT INTO meetings (client_id, title, state, created_at, started_at, ended_at)"
		 " SELECT CASE WHEN n %% 7 = 0 THEN %lld ELSE %lld END, 'M ' || n, 'ended', 1,"
		 " 1000 + (n / 3) * 60, 1000 + (n / 3) * 60 + 30 FROM i;"
		 "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 20)"
		 " INSERT INTO meetings (client_id, title, state, created_at, planned_at)"
		 " SELECT %lld, 'P ' || n, 'planned', 1, 1000 + n * 600 FROM i;"
		 "WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 150)"
		 " INSERT INTO touchpoints (id, client_id, at, text, kind)"
		 " SELECT 1000 + n, %lld, 1000 + n * 40, 'T ' || n, 'call' FROM i;",
		 (long long)other, (long long)c, (long long)c, (long long)c);
	CHECK(fixture_sql(sqlite3_db_filename(store_db(st), "main"), sql) == 0);
	sqlite3_progress_handler(store_db(st), 1, count_step, &first);
	CHECK(timeline_load(st, c, 7, &t, &err) == RP_OK);
	sqlite3_progress_handler(store_db(st), 0, NULL, NULL);
	for (pages = 1; t && t->more && pages < 100; pages++) {
		last = 0;
		sqlite3_progress_handler(store_db(st), 1, count_step, &last);
		CHECK(timeline_load_more(st, t, 7, &err) == RP_OK);
		sqlite3_progress_handler(store_db(st), 0, NULL, NULL);
	}
	CHECK_INT(pages, 77);  /* 539 entries, 7 a page: many pages end on a tie */
	CHECK(sqlite3_prepare_v2(store_db(st), order_sql, -1, &stmt, NULL) == SQLITE_OK);
	sqlite3_bind_int64(stmt, 1, c);
	while (t && sqlite3_step(stmt) == SQLITE_ROW) {
		bool touch = sqlite3_column_int(stmt, 0) != 0;
		int64_t id = sqlite3_column_int64(stmt, 1);

		if (n >= t->n || t->entries[n].touch != touch || t->entries[n].id != id) {
			tap_fail(__FILE__, __LINE__, "entry %zu is %s %lld, want %s %lld", n,
				 n < t->n && t->entries[n].touch ? "t" : "m",
				 n < t->n ? (long long)t->entries[n].id : 0LL, touch ? "t" : "m",
				 (long long)id);
			break;
		}
		n++;
	}
	sqlite3_finalize(stmt);
	CHECK_INT(n, 369 + 20 + 150);
	CHECK(t && t->n == n && !t->more);
	/* The last page costs no more than the first. */
	if (last > first)
		tap_fail(__FILE__, __LINE__, "the last page took %ld steps, the first %ld", last,
			 first);
	/* Meetings alone, more than a page: there are more. */
	timeline_free(t);
	CHECK(timeline_load(st, other, 7, &t, &err) == RP_OK);
	CHECK(t && t->n == 7 && t->more);
	timeline_free(t);
	CHECK(timeline_load(st, c, 1000, &t, &err) == RP_OK);
	while (t && t->more && timeline_load_more(st, t, 1000, &err) == RP_OK)
		;
	/* Nothing more to read: nothing changes. */
	CHECK(t && timeline_load_more(st, t, TIMELINE_MAX, &err) == RP_OK && t->n == n);
	timeline_free(t);
	store_close(st);
}

int
main(void)
{
	RUN(meetings_and_touchpoints_newest_first);
	RUN(notes_are_counted_for_the_meetings_kept);
	RUN(pages_follow_on_where_the_last_stopped);
	return tap_done();
}
