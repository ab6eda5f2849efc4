/* test_followup.c: follow-ups across clients: whose they are, the list's
** order and filters, and closing, reassigning and redating one. */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/followup.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/record.h"
#include "tap.h"

#define DAY 86400
#define TODAY "2026-11-26"
static const rp_date today = {2026, 11, 26};  /* a Thursday */

static void
sql(store *st, const char *text)
{
	char *msg = NULL;

	if (sqlite3_exec(store_db(st), text, NULL, NULL, &msg) != SQLITE_OK)
		tap_fail(__FILE__, __LINE__, "%s", msg ? msg : "?");
	sqlite3_free(msg);
}

/* The ids of the list for filter, "1 4 2". */
static const char *
ids(store *st, followup_filter f)
{
	static char buf[256];
	followup_list *l = NULL;
	rp_error err = {0};

	f.today = TODAY;
	buf[0] = '\0';
	if (followup_list_load(st, &f, &l, &err) != RP_OK) {
		snprintf(buf, sizeof buf, "%s", err.msg);
		return buf;
	}
	for (size_t i = 0; i < l->n; i++)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%lld", i ? " " : "",
			 (long long)l->items[i].id);
	if (l->more)
		strncat(buf, " +", sizeof buf - strlen(buf) - 1);
	followup_list_free(l);
	return buf;
}

static void
mine_and_theirs(void)
{
	CHECK(!followup_owner_is_theirs(NULL, "Acme"));
	CHECK(!followup_owner_is_theirs("", "Acme"));
	CHECK(!followup_owner_is_theirs("me", "Meridian"));  /* "me" is mine, always */
	CHECK(!followup_owner_is_theirs("Moi", "Acme"));
	CHECK(!followup_owner_is_theirs("nous", "Nous Conseil"));
	CHECK(!followup_owner_is_theirs("us", "Acme"));
	CHECK(!followup_owner_is_theirs("bob", "Acme"));     /* my team */
	CHECK(followup_owner_is_theirs("client", "Acme"));
	CHECK(followup_owner_is_theirs("eux", "Acme"));
	CHECK(followup_owner_is_theirs("acme", "Acme"));
	CHECK(followup_owner_is_theirs("zoe", "Zoë Lefèvre SARL"));
	CHECK(followup_owner_is_theirs("LEFEVRE", "Zoë Lefèvre SARL"));
	CHECK(!followup_owner_is_theirs("zo", "Zoë Lefèvre SARL"));  /* too short a start */
}

/* Two clients and an archived one; follow-ups 1..8 as in the CLI test. */
static store *
setup(int64_t *meeting)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "Kickoff"};
	int64_t acme, zoe, old;

	fixture_now = 1795082400;  /* Thursday 19 November 2026, 10:00 UTC */
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &acme, &err);
	client_add(st, &fixture_clock, "Zoë Lefèvre", NULL, 5, 14, &zoe, &err);
	client_add(st, &fixture_clock, "Old Co", NULL, 5, 14, &old, &err);
	args.client_id = acme;
	meeting_plan(st, &fixture_clock, &args, meeting, &err);
	meeting_start(st, &fixture_clock, *meeting, &err);
	CHECK_INT(acme * 100 + zoe * 10 + old, 123);
	sql(st, "INSERT INTO followups (client_id, meeting_id, text, owner, due, created_at) VALUES"
		" (1, 1, 'send the plan', 'me', '2026-11-20', 0),"
		" (1, 1, 'sign the contract', 'acme', '2026-11-27', 0),"
		" (2, NULL, 'book a room', NULL, NULL, 0),"
		" (2, NULL, 'send the invoice', 'zoe', '2026-11-26', 0),"
		" (2, NULL, 'call the CFO', 'nous', '2026-12-04', 0),"
		" (1, 1, 'already done', 'me', '2026-11-01', 0),"
		" (3, NULL, 'archived', 'me', '2026-11-10', 0),"
		" (2, NULL, 'ask for the keys', 'Zoë', '2026-11-27', 0);"
		" UPDATE followups SET status = 'done' WHERE id = 6;");
	client_archive(st, &fixture_clock, old, &err);
	return st;
}

static void
lists_across_clients(void)
{
	int64_t m;
	store *st = setup(&m);
	followup_filter f = {0};
	followup_list *l = NULL;
	rp_error err = {0};

	CHECK_STR(ids(st, f), "1 4 2 8 5 3");
	f.side = FOLLOWUP_THEIRS;
	CHECK_STR(ids(st, f), "4 2 8");
	f.side = FOLLOWUP_MINE;
	CHECK_STR(ids(st, f), "1 5 3");
	f.client_id = 2;
	CHECK_STR(ids(st, f), "5 3");
	f = (followup_filter){.overdue = true};
	CHECK_STR(ids(st, f), "1");
	f = (followup_filter){.due_by = "2026-11-27"};
	CHECK_STR(ids(st, f), "1 4 2 8");
	f.overdue = true;
	CHECK_STR(ids(st, f), "1");
	f = (followup_filter){.client_id = 3};  /* archived: none */
	CHECK_STR(ids(st, f), "");
	/* The limit counts the rows kept, not those the side filter skipped. */
	f = (followup_filter){.side = FOLLOWUP_THEIRS, .limit = 2};
	CHECK_STR(ids(st, f), "4 2 +");
	f = (followup_filter){.limit = 6};
	CHECK_STR(ids(st, f), "1 4 2 8 5 3");
	f = (followup_filter){.limit = 5};
	CHECK_STR(ids(st, f), "1 4 2 8 5 +");

	f = (followup_filter){.today = TODAY};
	CHECK(followup_list_load(st, &f, &l, &err) == RP_OK);
	if (l == NULL || l->n != 6)
		return;
	CHECK_STR(l->items[0].client, "Acme");
	CHECK_STR(l->items[0].text, "send the plan");
	CHECK_STR(l->items[0].owner, "me");
	CHECK_STR(l->items[0].due, "2026-11-20");
	CHECK(l->items[0].overdue && !l->items[0].theirs);
	CHECK_INT(l->items[0].meeting_id, m);
	CHECK_STR(l->items[0].meeting_title, "Kickoff");
	CHECK_INT(l->items[0].meeting_at, 1795082400);
	CHECK(!l->items[1].overdue);  /* due today is not overdue */
	CHECK(l->items[1].theirs);
	CHECK_INT(l->items[1].client_id, 2);
	CHECK_STR(l->items[1].client, "Zoë Lefèvre");
	CHECK(l->items[1].meeting_id == 0 && l->items[1].meeting_title == NULL);
	CHECK(l->items[5].owner == NULL && l->items[5].due == NULL);
	followup_list_free(l);
	store_close(st);
}

/* A follow-up made as the live screen makes one: from an action note. */
static void
from_a_note(void)
{
	int64_t m;
	store *st = setup(&m);
	parsed_note note;
	rp_error err = {0};

	note_parse_line("> send the slides @moi ^ven", today, &note, &err);
	record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, &note, NULL, &err);
	/* Friday 27th, mine, after the other two due that day (by id). */
	CHECK_STR(ids(st, (followup_filter){.side = FOLLOWUP_MINE}), "1 9 5 3");
	store_close(st);
}

static const char *
status_of(store *st, int64_t id)
{
	static char buf[64];
	sqlite3_stmt *stmt;

	buf[0] = '\0';
	sqlite3_prepare_v2(store_db(st),
			   "SELECT status || ':' || coalesce(closed_at, '-') || ':' ||"
			   " coalesce(owner, '-') || ':' || coalesce(due, '-') || ':' ||"
			   " coalesce(person_id, '-') FROM followups WHERE id = ?1",
			   -1, &stmt, NULL);
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		snprintf(buf, sizeof buf, "%s", (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return buf;
}

static void
closes_and_reopens(void)
{
	int64_t m;
	store *st = setup(&m);
	rp_error err = {0};

	fixture_now = 1795690000;
	CHECK(followup_set_status(st, &fixture_clock, 1, FOLLOWUP_DONE, &err) == RP_OK);
	CHECK_STR(status_of(st, 1), "done:1795690000:me:2026-11-20:-");
	CHECK(followup_set_status(st, &fixture_clock, 1, FOLLOWUP_DONE, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "follow-up 1 is already done");
	/* Done is not silently turned into dropped either. */
	CHECK(followup_set_status(st, &fixture_clock, 1, FOLLOWUP_DROPPED, &err) == RP_EINVAL);
	CHECK_STR(status_of(st, 1), "done:1795690000:me:2026-11-20:-");
	CHECK(followup_set_status(st, &fixture_clock, 99, FOLLOWUP_DONE, &err) == RP_ENOTFOUND);
	CHECK_STR(err.msg, "no follow-up 99");
	CHECK(followup_set_status(st, &fixture_clock, 2, FOLLOWUP_OPEN, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "follow-up 2 is already open");
	CHECK_STR(ids(st, (followup_filter){0}), "4 2 8 5 3");
	CHECK(followup_set_status(st, &fixture_clock, 1, FOLLOWUP_OPEN, &err) == RP_OK);
	CHECK_STR(status_of(st, 1), "open:-:me:2026-11-20:-");
	CHECK(followup_set_status(st, &fixture_clock, 3, FOLLOWUP_DROPPED, &err) == RP_OK);
	CHECK_STR(ids(st, (followup_filter){0}), "1 4 2 8 5");
	store_close(st);
}

static void
changes_the_owner(void)
{
	int64_t m;
	store *st = setup(&m);
	rp_error err = {0};

	/* Another helper links an owner to a person; the link is the text's. */
	sql(st, "INSERT INTO people (client_id, name, name_key, created_at) VALUES (1, 'Ann', 'ann', 0);"
		" UPDATE followups SET owner = 'ann', person_id = 1 WHERE id = 2;");
	CHECK(followup_set_owner(st, 2, "ann", &err) == RP_OK);
	CHECK_STR(status_of(st, 2), "open:-:ann:2026-11-27:1");  /* same text, link kept */
	CHECK(followup_set_owner(st, 2, " @Zoë ", &err) == RP_OK);
	CHECK_STR(status_of(st, 2), "open:-:Zoë:2026-11-27:-");
	CHECK_STR(ids(st, (followup_filter){.side = FOLLOWUP_THEIRS}), "4 8");  /* Zoë is not Acme's */
	CHECK(followup_set_owner(st, 2, "me", &err) == RP_OK);
	CHECK_STR(ids(st, (followup_filter){.side = FOLLOWUP_MINE}), "1 2 5 3");
	CHECK(followup_set_owner(st, 2, "  ", &err) == RP_OK);
	CHECK_STR(status_of(st, 2), "open:-:-:2026-11-27:-");
	CHECK(followup_set_owner(st, 2, "a\033[2Jb", &err) == RP_EINVAL);
	CHECK(followup_set_owner(st, 2, "an owner far too long to be anyone's name, more than sixty-four bytes", &err) == RP_EINVAL);
	CHECK_STR(status_of(st, 2), "open:-:-:2026-11-27:-");
	CHECK(followup_set_owner(st, 99, "me", &err) == RP_ENOTFOUND);
	store_close(st);
}

static void
changes_the_due_date(void)
{
	int64_t m;
	store *st = setup(&m);
	rp_error err = {0};
	char due[11];

	CHECK(followup_set_due(st, 3, "fri", today, due, &err) == RP_OK);
	CHECK_STR(due, "2026-11-27");
	CHECK_STR(ids(st, (followup_filter){0}), "1 4 2 3 8 5");  /* re-sorted, by id on a tie */
	CHECK(followup_set_due(st, 5, "^demain", today, due, &err) == RP_OK);
	CHECK_STR(due, "2026-11-27");
	CHECK(followup_set_due(st, 1, "2026-12-31", today, NULL, &err) == RP_OK);
	CHECK_STR(ids(st, (followup_filter){.overdue = true}), "");
	CHECK(followup_set_due(st, 1, "", today, due, &err) == RP_OK);
	CHECK_STR(due, "");
	CHECK_STR(status_of(st, 1), "open:-:me:-:-");
	CHECK(followup_set_due(st, 4, "-", today, due, &err) == RP_OK);
	CHECK_STR(ids(st, (followup_filter){0}), "2 3 5 8 1 4");
	CHECK(followup_set_due(st, 2, "someday", today, due, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "due date \"someday\" not understood (try 2026-12-01, fri, tomorrow, +3d, eow)");
	CHECK(followup_set_due(st, 2, "2026-02-30", today, due, &err) == RP_EINVAL);
	CHECK_STR(status_of(st, 2), "open:-:acme:2026-11-27:-");
	CHECK(followup_set_due(st, 99, "fri", today, due, &err) == RP_ENOTFOUND);
	store_close(st);
}

/* Closed follow-ups are the history: however many, the list reads the
** open ones only (the partial index holds nothing else). */
static void
history_is_not_read(void)
{
	int64_t m;
	store *st = setup(&m);
	sqlite3_stmt *stmt;
	int steps = 0;

	sql(st, "BEGIN");
	sqlite3_prepare_v2(store_db(st),
			   "INSERT INTO followups (client_id, text, due, status, created_at)"
			   " VALUES (1, 'old', '2020-01-01', 'done', 0)",
			   -1, &stmt, NULL);
	for (int i = 0; i < 5000; i++) {
		sqlite3_step(stmt);
		sqlite3_reset(stmt);
	}
	sqlite3_finalize(stmt);
	sql(st, "COMMIT");
	CHECK_STR(ids(st, (followup_filter){.limit = 3}), "1 4 2 +");
	/* The index holds the 7 open rows alone. */
	sqlite3_prepare_v2(store_db(st),
			   "SELECT 1 FROM followups INDEXED BY followups_open WHERE status = 'open'"
			   " AND due IS NOT NULL",
			   -1, &stmt, NULL);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		steps++;
	sqlite3_finalize(stmt);
	CHECK_INT(steps, 6);
	store_close(st);
}

/* A due another tool stored that is no day of the calendar (the schema's
** GLOB lets '0000-00-00' and '2026-02-30' in) is no due date: it sorts with
** those without one and passes no date filter, as it is not overdue. */
static void
impossible_dates_are_none(void)
{
	int64_t m;
	store *st = setup(&m);
	followup_filter f = {.client_id = 2, .today = TODAY};
	followup_list *l = NULL;
	rp_error err = {0};

	sql(st, "INSERT INTO followups (client_id, text, owner, due, created_at) VALUES"
		" (2, 'year zero', 'me', '0000-00-00', 0),"
		" (2, 'thirtieth of February', 'me', '2026-02-30', 0),"
		" (2, 'leap day of a common year', 'me', '2026-02-29', 0),"
		" (2, 'month thirteen', 'me', '2026-13-01', 0),"
		" (2, 'a real leap day', 'me', '2024-02-29', 0);");
	CHECK_STR(ids(st, (followup_filter){0}), "13 1 4 2 8 5 3 9 10 11 12");
	CHECK_STR(ids(st, (followup_filter){.overdue = true}), "13 1");
	CHECK_STR(ids(st, (followup_filter){.due_by = "2026-11-27"}), "13 1 4 2 8");
	CHECK_STR(ids(st, (followup_filter){.client_id = 2}), "13 4 8 5 3 9 10 11 12");
	CHECK_STR(ids(st, (followup_filter){.client_id = 2, .overdue = true}), "13");
	CHECK(followup_list_load(st, &f, &l, &err) == RP_OK);
	if (l && l->n == 9) {
		CHECK_STR(l->items[5].text, "year zero");
		CHECK_STR(l->items[5].due, DATE_INVALID_TEXT);
		CHECK(!l->items[5].overdue);
		CHECK_STR(l->items[0].due, "2024-02-29");
		CHECK(l->items[0].overdue);
	}
	followup_list_free(l);
	store_close(st);
}

/* rp_theirs is the connection's from the start: a list loads again while
** another statement is running (redefining a function then fails with
** SQLITE_BUSY, and would expire that statement). */
static void
loads_beside_a_running_statement(void)
{
	int64_t m;
	store *st = setup(&m);
	sqlite3_stmt *stmt = NULL;

	CHECK_STR(ids(st, (followup_filter){.side = FOLLOWUP_MINE}), "1 5 3");
	CHECK(sqlite3_prepare_v2(store_db(st), "SELECT id FROM followups ORDER BY id", -1, &stmt,
				 NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_STR(ids(st, (followup_filter){.side = FOLLOWUP_THEIRS}), "4 2 8");
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);  /* still running, not expired */
	CHECK_INT(sqlite3_column_int(stmt, 0), 2);
	sqlite3_finalize(stmt);
	CHECK_STR(ids(st, (followup_filter){.side = FOLLOWUP_MINE}), "1 5 3");
	store_close(st);
}

int
main(void)
{
	RUN(mine_and_theirs);
	RUN(lists_across_clients);
	RUN(from_a_note);
	RUN(closes_and_reopens);
	RUN(changes_the_owner);
	RUN(changes_the_due_date);
	RUN(history_is_not_read);
	RUN(impossible_dates_are_none);
	RUN(loads_beside_a_running_statement);
	return tap_done();
}
