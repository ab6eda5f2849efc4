/* test_meeting.c: planning, running and ending meetings and their agenda. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/prompt.h"
#include "rapport/record.h"
#include "rapport/session.h"
#include "meeting_sql.h"
#include "tap.h"

static void
parses_item_specs(void)
{
	rp_error err = {0};
	agenda_spec s;

	CHECK(agenda_parse_spec("Budget:15", &s, &err) == RP_OK);
	CHECK_STR(s.title, "Budget");
	CHECK_INT(s.minutes, 15);
	CHECK(agenda_parse_spec("Calendrier — étapes:10", &s, &err) == RP_OK);
	CHECK_STR(s.title, "Calendrier — étapes");
	CHECK_INT(s.minutes, 10);
	CHECK(agenda_parse_spec("Next steps", &s, &err) == RP_OK);
	CHECK_STR(s.title, "Next steps");
	CHECK_INT(s.minutes, 0);
	CHECK(agenda_parse_spec("Q3: budget:15", &s, &err) == RP_OK);
	CHECK_STR(s.title, "Q3: budget");
	CHECK_INT(s.minutes, 15);
	CHECK(agenda_parse_spec("Ratio 3:2 review", &s, &err) == RP_OK);
	CHECK_STR(s.title, "Ratio 3:2 review");
	CHECK_INT(s.minutes, 0);
	CHECK(agenda_parse_spec(" 予算 :5", &s, &err) == RP_OK);
	CHECK_STR(s.title, "予算");
	CHECK(agenda_parse_spec(":15", &s, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "agenda item title is empty");
	CHECK(agenda_parse_spec("Budget:0", &s, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "timebox of \"Budget:0\" must be 1 to 1440 minutes");
	CHECK(agenda_parse_spec("Budget:1441", &s, &err) == RP_EINVAL);
	CHECK(agenda_parse_spec("Budget:99999999999", &s, &err) == RP_EINVAL);
	CHECK(agenda_parse_spec("", &s, &err) == RP_EINVAL);
	CHECK(agenda_parse_spec("a\tb", &s, &err) == RP_EINVAL);
	CHECK(agenda_parse_spec("\xe2\x82", &s, &err) == RP_EINVAL);
}

static int64_t
one_int(store *st, const char *sql, int64_t id)
{
	sqlite3_stmt *stmt;
	int64_t v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, id);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			v = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	return v;
}

static const char *
one_text(store *st, const char *sql, int64_t id)
{
	static char buf[256];
	sqlite3_stmt *stmt;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, id);
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
			snprintf(buf, sizeof buf, "%s", sqlite3_column_text(stmt, 0));
	}
	sqlite3_finalize(stmt);
	return buf;
}

/* A store with one client and a planned meeting of three items. */
static store *
planned(int64_t *meeting)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec items[3] = {{"Small talk", 5}, {"Budget", 15}, {"Next steps", 0}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 3,
				  .planned_at = 1795694400};

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	if (meeting_plan(st, &fixture_clock, &args, meeting, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
	return st;
}

static void
plans_a_meeting_with_its_agenda(void)
{
	int64_t m;
	store *st = planned(&m);

	CHECK_STR(one_text(st, "SELECT title FROM meetings WHERE id = ?1", m), "Kickoff");
	CHECK_STR(one_text(st, "SELECT state FROM meetings WHERE id = ?1", m), "planned");
	CHECK_INT(one_int(st, "SELECT planned_at FROM meetings WHERE id = ?1", m), 1795694400);
	/* No --minutes: the sum of the timeboxes. */
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m), 20);
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", m), 3);
	CHECK_STR(one_text(st, "SELECT group_concat(title, '|') FROM (SELECT title FROM"
			       " agenda_items WHERE meeting_id = ?1 ORDER BY position)", m),
		  "Small talk|Budget|Next steps");
	CHECK_INT(one_int(st, "SELECT timebox_minutes IS NULL FROM agenda_items"
			      " WHERE meeting_id = ?1 AND position = 3", m), 1);
	store_close(st);
}

static void
a_bad_plan_leaves_nothing_behind(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "", .nitems = 0};

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	CHECK(meeting_plan(st, &fixture_clock, &args, NULL, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "meeting title is empty");
	args.title = "Fine";
	args.client_id = 77;  /* no such client: the foreign key refuses it */
	CHECK(meeting_plan(st, &fixture_clock, &args, NULL, &err) != RP_OK);
	CHECK_INT(one_int(st, "SELECT count(*) FROM meetings WHERE ?1 = ?1", 0), 0);
	store_close(st);
}

static void
starts_ends_and_times_items(void)
{
	int64_t m, budget, small;
	rp_error err = {0};
	store *st = planned(&m);

	CHECK(agenda_item_at(st, m, 1, &small, &err) == RP_OK);
	CHECK(agenda_item_at(st, m, 2, &budget, &err) == RP_OK);
	CHECK(agenda_item_at(st, m, 4, &budget, &err) == RP_ENOTFOUND);
	CHECK(agenda_item_at(st, m, 2, &budget, &err) == RP_OK);
	/* Items only start in a live meeting. */
	CHECK(agenda_start_item(st, &fixture_clock, small, &err) == RP_EINVAL);

	fixture_now = 1795694400;
	CHECK(meeting_check_live(st, m, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "meeting 1 has not started");
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	CHECK(meeting_check_live(st, m, &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT state FROM meetings WHERE id = ?1", m), "live");
	CHECK_INT(one_int(st, "SELECT started_at FROM meetings WHERE id = ?1", m), 1795694400);
	CHECK(agenda_start_item(st, &fixture_clock, small, &err) == RP_OK);
	fixture_now += 300;
	CHECK(agenda_start_item(st, &fixture_clock, budget, &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT status FROM agenda_items WHERE id = ?1", small), "pending");
	CHECK_INT(one_int(st, "SELECT spent_seconds FROM agenda_items WHERE id = ?1", small), 300);
	CHECK_STR(one_text(st, "SELECT status FROM agenda_items WHERE id = ?1", budget), "active");
	fixture_now += 60;
	CHECK(agenda_set_status(st, &fixture_clock, small, AGENDA_DONE, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT spent_seconds FROM agenda_items WHERE id = ?1", small), 300);
	/* Back to the budget after a detour: its two stretches add up. */
	fixture_now += 600;
	CHECK(agenda_set_status(st, &fixture_clock, budget, AGENDA_PARKED, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT spent_seconds FROM agenda_items WHERE id = ?1", budget), 660);
	CHECK(agenda_start_item(st, &fixture_clock, budget, &err) == RP_OK);
	fixture_now += 40;
	CHECK(meeting_end(st, &fixture_clock, m, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT spent_seconds FROM agenda_items WHERE id = ?1", budget), 700);
	CHECK_STR(one_text(st, "SELECT status FROM agenda_items WHERE id = ?1", budget), "pending");
	CHECK_STR(one_text(st, "SELECT state FROM meetings WHERE id = ?1", m), "ended");
	CHECK_INT(one_int(st, "SELECT ended_at - started_at FROM meetings WHERE id = ?1", m), 1000);
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_EINVAL);
	CHECK(meeting_end(st, &fixture_clock, m, &err) == RP_EINVAL);
	CHECK(meeting_check_live(st, m, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "meeting 1 has ended");
	CHECK(meeting_check_live(st, 999, &err) == RP_ENOTFOUND);
	/* Ended, its agenda stays as it was left (a second window may still
	** show it live). */
	CHECK(agenda_set_status(st, &fixture_clock, budget, AGENDA_DONE, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "the meeting has ended: its agenda stays as it was left");
	{
		agenda_spec more = {"More", 5};

		CHECK(agenda_add_item(st, m, &more, NULL, &err) == RP_EINVAL);
		CHECK(agenda_edit_item(st, budget, &more, &err) == RP_EINVAL);
		CHECK(agenda_remove_item(st, budget, &err) == RP_EINVAL);  /* an undo of an add */
		CHECK_STR(err.msg, "the meeting has ended: its agenda stays as it was left");
	}
	CHECK_STR(one_text(st, "SELECT group_concat(title || ':' || status, ' ') FROM (SELECT * FROM"
			       " agenda_items WHERE meeting_id = ?1 ORDER BY position)", m),
		  "Small talk:done Budget:pending Next steps:pending");
	CHECK(meeting_start(st, &fixture_clock, 999, &err) == RP_ENOTFOUND);
	store_close(st);
}

static void
resuming_a_live_meeting_keeps_its_start(void)
{
	int64_t m;
	rp_error err = {0};
	store *st = planned(&m);

	fixture_now = 1795694400;
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	fixture_now += 900;
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT started_at FROM meetings WHERE id = ?1", m), 1795694400);
	store_close(st);
}

static void
last_means_last_started_else_last_planned(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "A"};
	int64_t a, b, c, last = 0;

	CHECK(meeting_last(st, &last, &err) == RP_ENOTFOUND);
	CHECK_STR(err.msg, "there are no meetings yet");
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	fixture_now = 100;
	meeting_plan(st, &fixture_clock, &args, &a, &err);
	fixture_now = 200;
	meeting_plan(st, &fixture_clock, &args, &b, &err);
	CHECK(meeting_last(st, &last, &err) == RP_OK);
	CHECK_INT(last, b);
	fixture_now = 300;
	meeting_start(st, &fixture_clock, a, &err);
	fixture_now = 400;
	meeting_plan(st, &fixture_clock, &args, &c, &err);
	CHECK(meeting_last(st, &last, &err) == RP_OK);
	CHECK_INT(last, a);
	store_close(st);
}

static void
walkthroughs_keep_their_order(void)
{
	int64_t m, item;
	rp_error err = {0};
	store *st = planned(&m);

	agenda_item_at(st, m, 2, &item, &err);
	CHECK(agenda_add_walkthrough(st, item, "Alice", "built the importer", 960,
				     "client API keys", NULL, &err) == RP_OK);
	CHECK(agenda_add_walkthrough(st, item, "Bob", "reviewed it", -1, NULL, NULL, &err) ==
	      RP_OK);
	CHECK(agenda_add_walkthrough(st, item, "", "x", 1, NULL, NULL, &err) == RP_EINVAL);
	CHECK_STR(one_text(st, "SELECT group_concat(member || '/' || coalesce(minutes, '-') || '/'"
			       " || coalesce(depends_on, '-'), '|') FROM (SELECT * FROM walkthroughs"
			       " WHERE item_id = ?1 ORDER BY position)", item),
		  "Alice/960/client API keys|Bob/-/-");
	store_close(st);
}

/* A client whose first meeting ended with two items of 10' left over. */
static store *
two_left_over(int64_t *who)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec items[3] = {{"Intro", 5}, {"Budget", 10}, {"Timeline", 10}};
	meeting_plan_args args = {.title = "First", .items = items, .nitems = 3};
	int64_t m, intro;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, who, &err);
	args.client_id = *who;
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	meeting_start(st, &fixture_clock, m, &err);
	agenda_item_at(st, m, 1, &intro, &err);
	agenda_set_status(st, &fixture_clock, intro, AGENDA_DONE, &err);
	fixture_now += 1800;
	if (meeting_end(st, &fixture_clock, m, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
	return st;
}

/* Is the "before you close" prompt up at `now`? */
static bool
close_prompt_at(store *st, int64_t m, int64_t now)
{
	session *s = NULL;
	rp_error err = {0};
	prompt out[32];
	size_t n;
	bool found = false;

	if (session_load(st, m, &s, &err) != RP_OK) {
		tap_fail(__FILE__, __LINE__, "the session does not load: %s", err.msg);
		return false;
	}
	n = prompt_compute(s, now, date_local(now), out, 32);
	for (size_t i = 0; i < n; i++)
		found |= out[i].kind == PROMPT_CLOSE;
	session_free(s);
	return found;
}

static void
planned_length_counts_carried_items(void)
{
	int64_t who, m, started;
	rp_error err = {0};
	store *st = two_left_over(&who);
	agenda_spec one = {"Demo", 5};
	meeting_plan_args args = {.client_id = who, .title = "Second", .items = &one,
				  .nitems = 1};

	fixture_now += 86400;
	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", m), 3);
	/* 2 carried of 10' and 1 new of 5': 25', not 5'. */
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m), 25);
	started = fixture_now;
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	/* "Before you close" comes in the last five minutes of those 25. */
	CHECK(!close_prompt_at(st, m, started + 4 * 60));
	CHECK(!close_prompt_at(st, m, started + 19 * 60));
	CHECK(close_prompt_at(st, m, started + 20 * 60 + 1));
	store_close(st);
}

/* What is left of a meeting goes to the next one planned; an item that
** one already has (the same title, case aside) is continued, not doubled. */
static void
a_carried_item_the_next_meeting_has_is_not_doubled(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec planned[2] = {{"Budget", 15}, {"Timeline", 10}};
	agenda_spec adhoc[3] = {{"budget ", 15}, {"Timeline", 10}, {"Risks", 5}};
	meeting_plan_args later = {.title = "Weekly", .items = planned, .nitems = 2};
	meeting_plan_args now = {.title = "Ad hoc", .items = adhoc, .nitems = 3, .carry_none = true};
	int64_t m_later, m_now, item;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &later.client_id, &err);
	now.client_id = later.client_id;
	later.planned_at = fixture_now + 14 * 86400;
	CHECK(meeting_plan(st, &fixture_clock, &later, &m_later, &err) == RP_OK);
	CHECK(meeting_plan(st, &fixture_clock, &now, &m_now, &err) == RP_OK);
	CHECK(meeting_start(st, &fixture_clock, m_now, &err) == RP_OK);
	CHECK(agenda_item_at(st, m_now, 1, &item, &err) == RP_OK);
	CHECK(agenda_set_status(st, &fixture_clock, item, AGENDA_DONE, &err) == RP_OK);
	fixture_now += 1800;
	/* Timeline and Risks are left: Timeline is the planned one's, Risks is new. */
	CHECK(meeting_end(st, &fixture_clock, m_now, &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT group_concat(title || ':' || carry_count, ' ') FROM (SELECT *"
			       " FROM agenda_items WHERE meeting_id = ?1 ORDER BY position)", m_later),
		  "Budget:0 Timeline:1 Risks:1");
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m_later), 30);
	/* Carried once only: carrying again adds nothing. */
	CHECK(agenda_carry_over(st, m_later, NULL, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", m_later), 3);
	store_close(st);
}

/* Titles match as names do, accents and case aside, one item for one; and
** a meeting planned with an item already carried into it keeps one, with
** the timebox given now. */
static void
titles_match_one_for_one_and_when_planned(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec planned[2] = {{"ÉQUIPE", 15}, {"Budget", 15}};
	agenda_spec adhoc[3] = {{"équipe", 10}, {"Budget", 10}, {"budget", 5}};
	meeting_plan_args later = {.title = "Weekly", .items = planned, .nitems = 2};
	meeting_plan_args now = {.title = "Ad hoc", .items = adhoc, .nitems = 3, .carry_none = true};
	agenda_spec again = {"BUDGET", 20};
	meeting_plan_args third = {.title = "Third", .items = &again, .nitems = 1};
	int64_t m_later, m_now, m_third;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &later.client_id, &err);
	now.client_id = third.client_id = later.client_id;
	later.planned_at = fixture_now + 14 * 86400;
	CHECK(meeting_plan(st, &fixture_clock, &later, &m_later, &err) == RP_OK);
	CHECK(meeting_plan(st, &fixture_clock, &now, &m_now, &err) == RP_OK);
	CHECK(meeting_start(st, &fixture_clock, m_now, &err) == RP_OK);
	fixture_now += 1800;
	/* All three left: équipe continues ÉQUIPE, the first Budget continues
	** Budget, and the second budget is that topic again: not listed twice. */
	CHECK(meeting_end(st, &fixture_clock, m_now, &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT group_concat(title || ':' || carry_count, ' ') FROM (SELECT *"
			       " FROM agenda_items WHERE meeting_id = ?1 ORDER BY position)", m_later),
		  "ÉQUIPE:1 Budget:1");
	/* The weekly one ends with its Budget left; the next plan names it. */
	CHECK(meeting_start(st, &fixture_clock, m_later, &err) == RP_OK);
	fixture_now += 1800;
	CHECK(meeting_end(st, &fixture_clock, m_later, &err) == RP_OK);
	CHECK(meeting_plan(st, &fixture_clock, &third, &m_third, &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT group_concat(title || ':' || timebox_minutes, ' ') FROM"
			       " (SELECT * FROM agenda_items WHERE meeting_id = ?1 ORDER BY position)",
			   m_third),
		  "ÉQUIPE:15 Budget:20");
	CHECK_STR(one_text(st, "SELECT group_concat(position, ' ') FROM (SELECT * FROM agenda_items"
			       " WHERE meeting_id = ?1 ORDER BY position)", m_third),
		  "1 2");
	store_close(st);
}

static void
a_chosen_length_stays_when_items_are_carried(void)
{
	int64_t who, m;
	rp_error err = {0};
	store *st = two_left_over(&who);
	agenda_spec one = {"Demo", 5};
	meeting_plan_args args = {.client_id = who, .title = "Second", .items = &one,
				  .nitems = 1, .planned_minutes = 45};

	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", m), 3);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m), 45);
	store_close(st);
}

static void
items_carried_later_grow_the_planned_length(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec first[2] = {{"Budget", 10}, {"Timeline", 15}}, next = {"Demo", 5};
	meeting_plan_args a = {.title = "First", .items = first, .nitems = 2};
	meeting_plan_args b = {.title = "Next", .items = &next, .nitems = 1};
	meeting_plan_args c = {.title = "Bare"};
	int64_t m1, m2, m3;
	int carried = -1;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &a.client_id, &err);
	b.client_id = c.client_id = a.client_id;
	meeting_plan(st, &fixture_clock, &a, &m1, &err);
	meeting_start(st, &fixture_clock, m1, &err);
	/* Planned while the first is running: nothing to carry yet. */
	CHECK(meeting_plan(st, &fixture_clock, &b, &m2, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m2), 5);
	fixture_now += 600;
	/* Ending the first carries its two items into the next: 5 + 10 + 15. */
	CHECK(meeting_end(st, &fixture_clock, m1, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", m2), 3);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m2), 30);
	/* A meeting with no length and no timeboxes takes the carried ones'. */
	CHECK(meeting_plan(st, &fixture_clock, &c, &m3, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT planned_minutes IS NULL FROM meetings WHERE id = ?1", m3), 1);
	meeting_start(st, &fixture_clock, m2, &err);
	fixture_now += 600;
	CHECK(meeting_end(st, &fixture_clock, m2, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", m3), 3);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m3), 30);
	/* Nothing left to carry: nothing changes. */
	CHECK(agenda_carry_over(st, m3, &carried, &err) == RP_OK);
	CHECK_INT(carried, 0);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m3), 30);
	store_close(st);
}

static void
choosing_what_meet_would_start(void)
{
	int64_t who, far, today, id;
	rp_error err = {0};
	store *st = two_left_over(&who);
	meeting_choice ch;
	meeting_plan_args later = {.title = "Later Réunion", .carry_none = true};

	/* Nothing planned, nothing live: a new meeting, and last time's two
	** unfinished items to offer. */
	CHECK(meeting_choose(st, &fixture_clock, who, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.live, 0);
	CHECK_INT(ch.planned, 0);
	CHECK_INT(ch.pending, 2);
	CHECK_STR(ch.pending_titles, "Budget, Timeline");

	/* Planned two weeks ahead: not today. */
	later.client_id = who;
	later.planned_at = fixture_now + 14 * 86400;
	CHECK(meeting_plan(st, &fixture_clock, &later, &far, &err) == RP_OK);
	CHECK(meeting_choose(st, &fixture_clock, who, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.planned, far);
	CHECK_STR(ch.planned_title, "Later Réunion");
	CHECK_INT(ch.planned_at, fixture_now + 14 * 86400);
	CHECK(!ch.planned_today);
	CHECK_INT(ch.pending, 2);  /* carry_none: still left to offer */
	/* Named, it is found by its title, case and accents aside. */
	CHECK(meeting_choose(st, &fixture_clock, who, "later reunion", &ch, &err) == RP_OK);
	CHECK_INT(ch.planned, far);
	CHECK(meeting_choose(st, &fixture_clock, who, "Other", &ch, &err) == RP_OK);
	CHECK_INT(ch.planned, 0);
	CHECK(meeting_choose(st, &fixture_clock, who, "", &ch, &err) == RP_EINVAL);

	/* Planned for this very moment: today, and the earliest. */
	later.title = "Now";
	later.planned_at = fixture_now;
	CHECK(meeting_plan(st, &fixture_clock, &later, &today, &err) == RP_OK);
	CHECK(meeting_choose(st, &fixture_clock, who, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.planned, today);
	CHECK(ch.planned_today);

	/* A new meeting that does not take the offer carries nothing... */
	CHECK(meeting_open_new(st, &fixture_clock, who, NULL, false, &id, &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT state FROM meetings WHERE id = ?1", id), "live");
	CHECK_STR(one_text(st, "SELECT title FROM meetings WHERE id = ?1", id), "Meeting");
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", id), 0);
	CHECK(meeting_choose(st, &fixture_clock, who, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.live, id);
	store_close(st);

	/* ...one that takes it carries them, and plans their time. */
	st = two_left_over(&who);
	CHECK(meeting_open_new(st, &fixture_clock, who, "Catch-up", true, &id, &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT group_concat(title, '|') FROM (SELECT title FROM"
			       " agenda_items WHERE meeting_id = ?1 ORDER BY position)", id),
		  "Budget|Timeline");
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", id), 20);
	CHECK(meeting_choose(st, &fixture_clock, who, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.pending, 0);
	CHECK_STR(ch.pending_titles, "");
	store_close(st);
}

static void
many_pending_titles_are_cut_whole(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec items[5] = {{"Budget", 5}, {"日本語の予定", 5}, {"Timeline", 5}, {"Demo", 5},
				{"Risks", 5}};
	meeting_plan_args args = {.title = "First", .items = items, .nitems = 5};
	meeting_choice ch;
	int64_t m;

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	meeting_start(st, &fixture_clock, m, &err);
	meeting_end(st, &fixture_clock, m, &err);
	CHECK(meeting_choose(st, &fixture_clock, args.client_id, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.pending, 5);
	CHECK_STR(ch.pending_titles, "Budget, 日本語の予定, Timeline, …");
	store_close(st);
}

static void
the_planned_length_follows_the_agenda(void)
{
	int64_t who, m, demo, chosen;
	rp_error err = {0};
	store *st = two_left_over(&who);
	agenda_spec more = {"Demo", 5}, longer = {"Demo", 10};
	meeting_plan_args bare = {.client_id = who, .title = "Next"};
	meeting_plan_args fixed = {.client_id = who, .title = "Fixed", .planned_minutes = 45,
				   .carry_none = true};

	/* As Prep builds one: planned bare (the carried 10' + 10'), then items. */
	CHECK(meeting_plan(st, &fixture_clock, &bare, &m, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m), 20);
	CHECK(agenda_add_item(st, m, &more, &demo, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m), 25);
	CHECK(agenda_edit_item(st, demo, &longer, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m), 30);
	CHECK(agenda_remove_item(st, demo, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", m), 20);
	CHECK(agenda_edit_item(st, 99999, &longer, &err) == RP_ENOTFOUND);
	/* A length chosen apart from the timeboxes stays. */
	CHECK(meeting_plan(st, &fixture_clock, &fixed, &chosen, &err) == RP_OK);
	CHECK(agenda_add_item(st, chosen, &more, &demo, &err) == RP_OK);
	CHECK(agenda_edit_item(st, demo, &longer, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT planned_minutes FROM meetings WHERE id = ?1", chosen), 45);
	store_close(st);
}

/* Plan a meeting of client_id titled title at `at` (0: undated), with the
** items given ("A:5", ...), carrying what waits.  Returns its id. */
static int64_t
plan_at(store *st, int64_t client_id, const char *title, int64_t at, const char *item)
{
	rp_error err = {0};
	agenda_spec spec;
	meeting_plan_args args = {.client_id = client_id, .title = title, .planned_at = at};
	int64_t id = 0;

	if (item && agenda_parse_spec(item, &spec, &err) == RP_OK) {
		args.items = &spec;
		args.nitems = 1;
	}
	if (meeting_plan(st, &fixture_clock, &args, &id, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
	return id;
}

/* Start meeting id now and end it `minutes` later. */
static void
hold(store *st, int64_t id, int minutes)
{
	rp_error err = {0};

	CHECK(meeting_start(st, &fixture_clock, id, &err) == RP_OK);
	fixture_now += minutes * 60;
	CHECK(meeting_end(st, &fixture_clock, id, &err) == RP_OK);
}

static void
lists_what_is_coming_and_what_has_been(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t acme, zoe, gone, held, later, soon, undated, dropped, old;
	meeting_entry *v = NULL;
	size_t n = 0;

	fixture_now = 1795687200;  /* Thu 2026-11-26 09:00 UTC */
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &acme, &err);
	client_add(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, &zoe, &err);
	client_add(st, &fixture_clock, "Gone", NULL, 5, 14, &gone, &err);
	held = plan_at(st, acme, "Held", 0, "Budget:15");
	hold(st, held, 30);
	fixture_now += 3600;
	old = plan_at(st, gone, "Old", 0, NULL);
	hold(st, old, 10);
	CHECK(client_archive(st, &fixture_clock, gone, &err) == RP_OK);
	later = plan_at(st, acme, "Later", 1796000000, NULL);
	soon = plan_at(st, zoe, "Soon", 1795800000, NULL);
	dropped = plan_at(st, zoe, "Dropped", 1795750000, NULL);
	CHECK(meeting_cancel(st, &fixture_clock, dropped, NULL, &err) == RP_OK);
	fixture_now += 60;
	undated = plan_at(st, zoe, "Whenever", 0, NULL);

	/* Coming: the soonest first; an undated one as of when it was planned. */
	CHECK(meeting_find(st, 0, MEETINGS_UPCOMING, 10, &v, &n, &err) == RP_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(v[0].id, undated);
		CHECK_INT(v[1].id, soon);
		CHECK_STR(v[1].client, "Zoë Lefèvre SARL");
		CHECK_INT(v[1].planned_at, 1795800000);
		CHECK_INT(v[2].id, later);
		CHECK_INT(v[2].state, MEETING_PLANNED);
	}
	free(v);
	/* What has been: the held one and the cancelled one (at its planned
	** time, so first), not the archived client's. */
	CHECK(meeting_find(st, 0, MEETINGS_PAST, 10, &v, &n, &err) == RP_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(v[0].id, dropped);
		CHECK_INT(v[0].state, MEETING_CANCELLED);
		CHECK(v[0].cancelled_at > 0);
		CHECK_INT(v[1].id, held);
		CHECK_INT(v[1].state, MEETING_ENDED);
		CHECK_INT(v[1].items, 1);
	}
	free(v);
	/* One client's; the limit holds across both of its lists. */
	CHECK(meeting_find(st, zoe, MEETINGS_UPCOMING, 1, &v, &n, &err) == RP_OK);
	CHECK_INT(n, 1);
	CHECK_INT(n ? v[0].id : 0, undated);
	free(v);
	CHECK(meeting_find(st, acme, MEETINGS_PAST, 1, &v, &n, &err) == RP_OK);
	CHECK_INT(n, 1);
	CHECK_INT(n ? v[0].id : 0, held);
	free(v);
	CHECK(meeting_find(st, gone, MEETINGS_PAST, 5, &v, &n, &err) == RP_OK);
	CHECK_INT(n, 1);  /* asked by name, an archived client's are there */
	free(v);
	store_close(st);
}

static void
each_clients_next_meeting_in_one_list(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t acme, zoe, none, first, second;
	meeting_next *v = NULL;
	size_t n = 0;
	const meeting_next *got;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &acme, &err);
	client_add(st, &fixture_clock, "Zoë", NULL, 5, 14, &zoe, &err);
	client_add(st, &fixture_clock, "None", NULL, 5, 14, &none, &err);
	second = plan_at(st, acme, "Second", 1796000000, NULL);
	first = plan_at(st, acme, "First", 1795900000, NULL);
	plan_at(st, zoe, "Gone", 1795800000, NULL);
	CHECK(meeting_cancel(st, &fixture_clock, 3, NULL, &err) == RP_OK);
	CHECK(meeting_next_all(st, &v, &n, &err) == RP_OK);
	CHECK_INT(n, 1);
	got = meeting_next_of(v, n, acme);
	CHECK(got != NULL);
	CHECK_INT(got ? got->id : 0, first);
	CHECK_INT(got ? got->planned_at : 0, 1795900000);
	CHECK(meeting_next_of(v, n, zoe) == NULL);  /* cancelled is not next */
	CHECK(meeting_next_of(v, n, none) == NULL);
	free(v);
	(void)second;
	store_close(st);
}

static void
moves_and_retitles_only_a_planned_meeting(void)
{
	int64_t m, done;
	store *st = planned(&m);
	rp_error err = {0};
	int64_t client_id = one_int(st, "SELECT client_id FROM meetings WHERE id = ?1", m);

	CHECK(meeting_reschedule(st, m, 1795780800, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT planned_at FROM meetings WHERE id = ?1", m), 1795780800);
	CHECK(meeting_retitle(st, m, "  Kick-off réunion ", &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT title FROM meetings WHERE id = ?1", m), "Kick-off réunion");
	CHECK(meeting_retitle(st, m, "\t", &err) == RP_EINVAL);
	CHECK_STR(one_text(st, "SELECT title FROM meetings WHERE id = ?1", m), "Kick-off réunion");
	CHECK(meeting_reschedule(st, 99, 1795780800, &err) == RP_ENOTFOUND);
	CHECK_STR(err.msg, "no meeting 99");
	done = plan_at(st, client_id, "Done", 0, NULL);
	hold(st, done, 5);
	CHECK(meeting_reschedule(st, done, 1795780800, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "meeting 2 has ended: it is not planned");
	CHECK(meeting_retitle(st, done, "New", &err) == RP_EINVAL);
	CHECK_STR(one_text(st, "SELECT title FROM meetings WHERE id = ?1", done), "Done");
	CHECK(meeting_cancel(st, &fixture_clock, m, NULL, &err) == RP_OK);
	CHECK(meeting_cancel(st, &fixture_clock, m, NULL, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "meeting 1 was cancelled");
	CHECK(meeting_reschedule(st, m, 1795780800, &err) == RP_EINVAL);
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "meeting 1 was cancelled");
	store_close(st);
}

static void
a_cancelled_meetings_agenda_waits_for_the_next(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_choice ch;
	int64_t acme, first, dropped, next, into = -1, item;
	agenda_spec extra = {"Risks", 10};

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &acme, &err);
	first = plan_at(st, acme, "First", 0, "Budget:15");
	hold(st, first, 20);  /* Budget left pending */
	dropped = plan_at(st, acme, "Dropped", 1795900000, NULL);
	CHECK_STR(one_text(st, "SELECT group_concat(title) FROM agenda_items WHERE meeting_id = ?1",
			   dropped), "Budget");
	CHECK(agenda_add_item(st, dropped, &extra, &item, &err) == RP_OK);
	fixture_now += 3600;
	CHECK(meeting_cancel(st, &fixture_clock, dropped, &into, &err) == RP_OK);
	CHECK_INT(into, 0);  /* nothing planned yet to take them */
	CHECK_STR(one_text(st, "SELECT state FROM meetings WHERE id = ?1", dropped), "cancelled");
	CHECK_INT(one_int(st, "SELECT cancelled_at FROM meetings WHERE id = ?1", dropped),
		  fixture_now);
	/* Its agenda stays as it is, pending, and cannot change. */
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1"
			      " AND status = 'pending'", dropped), 2);
	CHECK(agenda_add_item(st, dropped, &extra, NULL, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "the meeting was cancelled: its agenda waits for the next one");
	/* Meeting now would offer to carry both. */
	CHECK(meeting_choose(st, &fixture_clock, acme, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.planned, 0);
	CHECK_INT(ch.pending, 2);
	CHECK_STR(ch.pending_titles, "Budget, Risks");
	/* The next one planned takes them; a cancelled meeting put nothing
	** off, so their counts stay: Budget was left once (by First), Risks
	** never. */
	next = plan_at(st, acme, "Next", 1796000000, NULL);
	CHECK_STR(one_text(st, "SELECT group_concat(title || ':' || carry_count) FROM (SELECT"
			       " title, carry_count FROM agenda_items WHERE meeting_id = ?1"
			       " ORDER BY position)", next), "Budget:1,Risks:0");
	CHECK(meeting_choose(st, &fixture_clock, acme, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.pending, 0);
	/* Cancelled while another is planned: carried there at once. */
	{
		int64_t later = plan_at(st, acme, "Later", 1796100000, "Demo:5");

		CHECK(meeting_cancel(st, &fixture_clock, later, &into, &err) == RP_OK);
		CHECK_INT(into, next);
		CHECK_STR(one_text(st, "SELECT group_concat(title) FROM (SELECT title FROM"
				       " agenda_items WHERE meeting_id = ?1 ORDER BY position)", next),
			  "Budget,Risks,Demo");
	}
	store_close(st);
}

static void
a_cancelled_meeting_is_never_the_last(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t acme, kept, dropped, last = 0;
	client c;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &acme, &err);
	kept = plan_at(st, acme, "Kept", 1795900000, NULL);
	fixture_now += 60;
	dropped = plan_at(st, acme, "Dropped", 1795800000, NULL);
	CHECK(meeting_cancel(st, &fixture_clock, dropped, NULL, &err) == RP_OK);
	CHECK(meeting_last(st, &last, &err) == RP_OK);
	CHECK_INT(last, kept);
	/* Nor a contact. */
	CHECK(client_get(st, acme, &c, &err) == RP_OK);
	CHECK_INT(c.last_contact, 0);
	CHECK(meeting_next_planned(st, acme, &last, &err) == RP_OK);
	CHECK_INT(last, kept);
	store_close(st);
}

static void
discards_a_meeting_started_for_nothing(void)
{
	int64_t m, adhoc, first, client_id;
	store *st = planned(&m);
	rp_error err = {0};
	bool deleted = true;
	meeting_choice ch;
	parsed_note note;
	int64_t items_before = one_int(st, "SELECT count(*) FROM agenda_items WHERE ?1 = ?1", 0);

	client_id = one_int(st, "SELECT client_id FROM meetings WHERE id = ?1", m);
	/* A planned meeting started, an item run, talk: back as it was planned. */
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	CHECK(agenda_start_item(st, &fixture_clock,
				one_int(st, "SELECT id FROM agenda_items WHERE meeting_id = ?1"
					    " AND position = 2", m), &err) == RP_OK);
	CHECK(record_talk(st, &fixture_clock, m, TALK_CLIENT, &err) == RP_OK);
	fixture_now += 120;
	CHECK(meeting_discard(st, m, &deleted, &err) == RP_OK);
	CHECK(!deleted);
	CHECK_STR(one_text(st, "SELECT state FROM meetings WHERE id = ?1", m), "planned");
	CHECK_INT(one_int(st, "SELECT started_at IS NULL AND planned_at = 1795694400"
			      " FROM meetings WHERE id = ?1", m), 1);
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1"
			      " AND status = 'pending' AND spent_seconds = 0 AND started_at IS NULL", m), 3);
	CHECK_INT(one_int(st, "SELECT count(*) FROM talk_segments WHERE meeting_id = ?1", m), 0);
	/* Not live: nothing to discard. */
	CHECK(meeting_discard(st, m, &deleted, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "meeting 1 is planned, not live: only a meeting under way can be discarded");
	CHECK(meeting_discard(st, 99, &deleted, &err) == RP_ENOTFOUND);
	/* With a note, it is a meeting: end it instead. */
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	CHECK(note_parse_line("they reorganised", (rp_date){2026, 11, 26}, &note, &err) == RP_OK);
	CHECK(record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, &note, NULL, &err) == RP_OK);
	CHECK(meeting_discard(st, m, &deleted, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "meeting 1 has 1 note: end it instead, nothing noted is thrown away");
	CHECK_STR(one_text(st, "SELECT state FROM meetings WHERE id = ?1", m), "live");
	/* Ended with its items left: a meeting started on the spot with them
	** carried is deleted, and they wait again. */
	CHECK(meeting_end(st, &fixture_clock, m, &err) == RP_OK);
	first = m;
	CHECK(meeting_open_new(st, &fixture_clock, client_id, NULL, true, &adhoc, &err) == RP_OK);
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1", adhoc), 3);
	CHECK(meeting_discard(st, adhoc, &deleted, &err) == RP_OK);
	CHECK(deleted);
	CHECK_INT(one_int(st, "SELECT count(*) FROM meetings WHERE id = ?1", adhoc), 0);
	CHECK_INT(one_int(st, "SELECT count(*) FROM agenda_items WHERE ?1 = ?1", 0), items_before);
	CHECK(meeting_choose(st, &fixture_clock, client_id, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.pending, 3);
	(void)first;
	store_close(st);
}

/* A meeting planned with no date and started within the minute is still
** the one planned: discarding it keeps the agenda written for it, and
** the opener asked in it is not counted as asked. */
static void
discarding_keeps_an_undated_planned_agenda(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t acme, m;
	bool deleted = true;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &acme, &err);
	m = plan_at(st, acme, "Weekly", 0, "Budget:15");
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	CHECK(record_opener(st, &fixture_clock, acme, "lib:1", "How was your week?", m, &err) ==
	      RP_OK);
	CHECK(meeting_discard(st, m, &deleted, &err) == RP_OK);
	CHECK(!deleted);
	CHECK_STR(one_text(st, "SELECT state FROM meetings WHERE id = ?1", m), "planned");
	CHECK_STR(one_text(st, "SELECT group_concat(title) FROM agenda_items WHERE meeting_id = ?1",
			   m), "Budget");
	CHECK_INT(one_int(st, "SELECT count(*) FROM opener_uses WHERE client_id = ?1", acme), 0);
	store_close(st);
}

/* A built-in agenda is in the client's language, item for item, with the
** same timeboxes: the names typed stay English. */
static void
built_in_agendas_speak_both_languages(void)
{
	agenda_spec en[AGENDA_ITEMS_MAX], fr[AGENDA_ITEMS_MAX];
	const char *title_en = NULL, *title_fr = NULL;

	for (size_t t = 0; agenda_template_names[t]; t++) {
		size_t n = agenda_template_in(RP_LANG_EN, agenda_template_names[t], en,
					      AGENDA_ITEMS_MAX, &title_en);
		size_t m = agenda_template_in(RP_LANG_FR, agenda_template_names[t], fr,
					      AGENDA_ITEMS_MAX, &title_fr);

		CHECK(n > 0);
		CHECK_INT(m, n);
		CHECK(strcmp(title_en, title_fr) != 0);
		for (size_t i = 0; i < n && i < m; i++)
			CHECK_INT(fr[i].minutes, en[i].minutes);
	}
	CHECK_INT(agenda_template_in(RP_LANG_FR, "weekly", fr, AGENDA_ITEMS_MAX, &title_fr), 5);
	CHECK_STR(title_fr, "Point hebdomadaire");
	CHECK_STR(fr[2].title, "Points bloquants");
	CHECK_INT(agenda_template_in(RP_LANG_FR, "hebdo", fr, AGENDA_ITEMS_MAX, NULL), 0);
	CHECK_INT(agenda_template("steering", en, AGENDA_ITEMS_MAX, &title_en), 5);
	CHECK_STR(title_en, "Steering committee");
}

/* A meeting planned without a title is named in the client's language:
** the title goes into the recap and the invitation sent to them. */
static void
an_untitled_meeting_is_named_in_the_clients_language(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = NULL, .nitems = 0};
	int64_t fr, en, m;

	client_add_in(st, &fixture_clock, "Lefèvre", NULL, 5, 14, RP_LANG_FR, &fr, &err);
	client_add_in(st, &fixture_clock, "Acme", NULL, 5, 14, RP_LANG_EN, &en, &err);
	args.client_id = fr;
	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT title FROM meetings WHERE id = ?1", m), "Réunion");
	args.client_id = en;
	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT title FROM meetings WHERE id = ?1", m), "Meeting");
	args.client_id = 77;  /* no such client */
	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_ENOTFOUND);
	CHECK_INT(one_int(st, "SELECT count(*) FROM meetings WHERE ?1 = ?1", 0), 2);
	store_close(st);
}

/* The last meeting and a client's next one read a few rows of an index on
** the ten-year history too.  SQLite plans from the statistics ANALYZE
** (PRAGMA optimize) leaves: these are a ten-year file's (20,000 meetings,
** 200 clients), where the old queries scanned and sorted every meeting. */
static void
the_last_and_the_next_meeting_read_an_index(void)
{
	store *st = fixture_store();
	const char *plan;

	CHECK(fixture_statistics(st,
				 " ('meetings', 'meetings_client', '20200 101 1'),"
				 " ('meetings', 'meetings_started', '20200 1'),"
				 " ('meetings', 'meetings_planned', '200 15'),"
				 " ('meetings', 'meetings_ended', '20000 100 1'),"
				 " ('meetings', NULL, '20200')") == SQLITE_OK);
	plan = fixture_plan(st, MEETING_LAST_SQL);
	PLAN_IS(plan, false, "SCAN meetings");
	/* The meetings held: down meetings_started, a sort only among those
	** started in the same second. */
	PLAN_IS(plan, true,
		"SEARCH meetings USING INDEX meetings_started (started_at>?)|"
		"USE TEMP B-TREE FOR RIGHT PART OF ORDER BY");
	plan = fixture_plan(st, MEETING_NEXT_SQL);
	PLAN_IS(plan, true, "SEARCH meetings USING INDEX meetings_client (client_id=? AND"
		" started_at=?)");
	PLAN_IS(plan, false, "SCAN meetings");
	store_close(st);
}

/* The live meeting is found among the ended ones, whatever their order:
** one started after it and ended, one started before; of two live ones,
** the newest; and its look-up reads meetings_client and the ended ids of
** meetings_ended, not each meeting's row. */
static void
the_live_meeting_is_found_past_the_ended_ones(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "Weekly"};
	meeting_choice ch;
	int64_t before, live, after, older_live, found = 0;
	bool resumed = false;
	const char *plan;

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	CHECK(meeting_plan(st, &fixture_clock, &args, &before, &err) == RP_OK);
	CHECK(meeting_plan(st, &fixture_clock, &args, &older_live, &err) == RP_OK);
	CHECK(meeting_plan(st, &fixture_clock, &args, &live, &err) == RP_OK);
	CHECK(meeting_plan(st, &fixture_clock, &args, &after, &err) == RP_OK);
	fixture_now = 1000;
	CHECK(meeting_start(st, &fixture_clock, before, &err) == RP_OK);
	CHECK(meeting_end(st, &fixture_clock, before, &err) == RP_OK);
	fixture_now = 2000;
	CHECK(meeting_start(st, &fixture_clock, live, &err) == RP_OK);
	fixture_now = 3000;
	CHECK(meeting_start(st, &fixture_clock, after, &err) == RP_OK);
	CHECK(meeting_end(st, &fixture_clock, after, &err) == RP_OK);
	CHECK(meeting_choose(st, &fixture_clock, args.client_id, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.live, live);
	CHECK(meeting_open(st, &fixture_clock, args.client_id, NULL, &found, &resumed, &err) ==
	      RP_OK);
	CHECK_INT(found, live);
	CHECK(resumed);
	/* Started earlier, also live: the newest one is resumed. */
	fixture_now = 1500;
	CHECK(meeting_start(st, &fixture_clock, older_live, &err) == RP_OK);
	CHECK(meeting_choose(st, &fixture_clock, args.client_id, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.live, live);
	CHECK(meeting_end(st, &fixture_clock, live, &err) == RP_OK);
	CHECK(meeting_choose(st, &fixture_clock, args.client_id, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.live, older_live);
	CHECK(meeting_end(st, &fixture_clock, older_live, &err) == RP_OK);
	CHECK(meeting_choose(st, &fixture_clock, args.client_id, NULL, &ch, &err) == RP_OK);
	CHECK_INT(ch.live, 0);
	plan = fixture_plan(st, MEETING_LIVE_SQL);
	PLAN_IS(plan, true, "SEARCH meetings USING INDEX meetings_client (client_id=?)");
	PLAN_IS(plan, true, "LIST SUBQUERY 1|SEARCH meetings USING INDEX meetings_ended (client_id=?)");
	PLAN_IS(plan, false, "TEMP B-TREE");
	store_close(st);
}

/* Two meetings started in the same second: the one made last is the last. */
static void
the_last_of_two_started_together_is_the_newer(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "A"};
	int64_t a, b, last = 0;

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	fixture_now = 100;
	meeting_plan(st, &fixture_clock, &args, &b, &err);
	fixture_now = 50;  /* made earlier, with a greater id */
	meeting_plan(st, &fixture_clock, &args, &a, &err);
	fixture_now = 300;
	meeting_start(st, &fixture_clock, a, &err);
	meeting_start(st, &fixture_clock, b, &err);
	CHECK(meeting_last(st, &last, &err) == RP_OK);
	CHECK_INT(last, b);
	store_close(st);
}

/* A meeting's live notes are counted in indexes alone, prep notes left
** out: Review's and the meetings list's counts read no note. */
static void
live_notes_are_counted_without_reading_a_note(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "Weekly"};
	const char *plan;
	int64_t m;
	char sql[400];

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	snprintf(sql, sizeof sql,
		 "INSERT INTO notes (meeting_id, phase, at, kind, text) VALUES"
		 " (%lld, 'prep', 1, 'note', 'ask about the budget'),"
		 " (%lld, 'prep', 2, 'note', 'and the timeline'),"
		 " (%lld, 'live', 3, 'note', 'budget agreed'),"
		 " (%lld, 'live', 4, 'concern', 'timeline tight'),"
		 " (%lld, 'live', 5, 'note', 'next week')",
		 (long long)m, (long long)m, (long long)m, (long long)m, (long long)m);
	CHECK(fixture_sql(sqlite3_db_filename(store_db(st), "main"), sql) == 0);
	CHECK_INT(one_int(st, "SELECT " MEETING_LIVE_NOTES("?1"), m), 3);
	CHECK_INT(one_int(st, "SELECT " MEETING_LIVE_NOTES("?1"), m + 1), 0);
	plan = fixture_plan(st, "SELECT " MEETING_LIVE_NOTES("?1"));
	PLAN_IS(plan, true, "SEARCH notes USING COVERING INDEX notes_meeting (meeting_id=?)");
	PLAN_IS(plan, true, "SEARCH notes USING COVERING INDEX notes_prep (meeting_id=?)");
	PLAN_IS(plan, false, "SEARCH notes USING INDEX");
	store_close(st);
}

int
main(void)
{
	RUN(parses_item_specs);
	RUN(plans_a_meeting_with_its_agenda);
	RUN(planned_length_counts_carried_items);
	RUN(a_chosen_length_stays_when_items_are_carried);
	RUN(items_carried_later_grow_the_planned_length);
	RUN(a_carried_item_the_next_meeting_has_is_not_doubled);
	RUN(titles_match_one_for_one_and_when_planned);
	RUN(the_planned_length_follows_the_agenda);
	RUN(choosing_what_meet_would_start);
	RUN(many_pending_titles_are_cut_whole);
	RUN(a_bad_plan_leaves_nothing_behind);
	RUN(an_untitled_meeting_is_named_in_the_clients_language);
	RUN(starts_ends_and_times_items);
	RUN(resuming_a_live_meeting_keeps_its_start);
	RUN(last_means_last_started_else_last_planned);
	RUN(the_last_and_the_next_meeting_read_an_index);
	RUN(live_notes_are_counted_without_reading_a_note);
	RUN(the_live_meeting_is_found_past_the_ended_ones);
	RUN(the_last_of_two_started_together_is_the_newer);
	RUN(walkthroughs_keep_their_order);
	RUN(lists_what_is_coming_and_what_has_been);
	RUN(each_clients_next_meeting_in_one_list);
	RUN(moves_and_retitles_only_a_planned_meeting);
	RUN(a_cancelled_meetings_agenda_waits_for_the_next);
	RUN(a_cancelled_meeting_is_never_the_last);
	RUN(discards_a_meeting_started_for_nothing);
	RUN(discarding_keeps_an_undated_planned_agenda);
	RUN(built_in_agendas_speak_both_languages);
	return tap_done();
}
