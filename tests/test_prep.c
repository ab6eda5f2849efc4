/* test_prep.c: carrying unfinished items over, templates, reordering, and
** what Prep loads for a client. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "followup_sql.h"
#include "rapport/client.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/opener.h"
#include "rapport/prep.h"
#include "rapport/record.h"
#include "rapport/session.h"
#include "tap.h"

#define DAY 86400

/* Titles and carry counts of meeting m's agenda: "A:0 B:1". */
static const char *
agenda_of(store *st, int64_t m)
{
	static char buf[512];
	session *s = NULL;
	rp_error err = {0};

	buf[0] = '\0';
	if (session_load(st, m, &s, &err) != RP_OK) {
		snprintf(buf, sizeof buf, "%s", err.msg);
		return buf;
	}
	for (size_t i = 0; i < s->nitems; i++) {
		char one[128];

		snprintf(one, sizeof one, "%s%s:%d", i ? " " : "", s->items[i].title,
			 s->items[i].carry_count);
		strncat(buf, one, sizeof buf - strlen(buf) - 1);
	}
	session_free(s);
	return buf;
}

/* Run meeting m: start it, mark items by position as in `done` ("d" done,
** "s" skipped, "p" parked, "-" left pending), end it. */
static void
hold(store *st, int64_t m, const char *marks)
{
	rp_error err = {0};

	meeting_start(st, &fixture_clock, m, &err);
	for (int i = 0; marks[i]; i++) {
		int64_t item;
		enum agenda_status to = marks[i] == 'd' ? AGENDA_DONE : marks[i] == 's'
				      ? AGENDA_SKIPPED : AGENDA_PARKED;

		if (marks[i] == '-' || agenda_item_at(st, m, i + 1, &item, &err) != RP_OK)
			continue;
		agenda_set_status(st, &fixture_clock, item, to, &err);
	}
	fixture_now += 3600;
	if (meeting_end(st, &fixture_clock, m, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
}

static void
carries_over_three_meetings(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec first[4] = {{"Budget", 15}, {"Timeline", 10}, {"Hiring", 5}, {"Risks", 10}};
	agenda_spec more[1] = {{"Demo", 20}};
	meeting_plan_args args = {.title = "Weekly", .items = first, .nitems = 4};
	int64_t m1, m2, m3, m4, budget;

	fixture_now = 1795687200 - 30 * DAY;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &m1, &err);
	agenda_item_at(st, m1, 1, &budget, &err);
	agenda_add_walkthrough(st, budget, "Alice", "built the importer", 960, "API keys", NULL,
			       &err);
	/* Budget left pending, Timeline done, Hiring skipped, Risks parked. */
	hold(st, m1, "-dsp");

	/* Planned after: it starts with what was left, then its own items. */
	fixture_now += 7 * DAY;
	args.items = more;
	args.nitems = 1;
	CHECK(meeting_plan(st, &fixture_clock, &args, &m2, &err) == RP_OK);
	CHECK_STR(agenda_of(st, m2), "Budget:1 Risks:1 Demo:0");
	/* The walkthrough came with its item. */
	{
		session *s = NULL;

		CHECK(session_load(st, m2, &s, &err) == RP_OK);
		CHECK(s && s->nitems == 3 && s->items[0].nwalk == 1 &&
		      strcmp(s->items[0].walk[0].member, "Alice") == 0);
		session_free(s);
	}
	/* A walkthrough entry can go on its own. */
	{
		int64_t carried_budget;

		agenda_item_at(st, m2, 1, &carried_budget, &err);
		CHECK(agenda_remove_walkthrough(st, carried_budget, 0, &err) == RP_OK);
		CHECK(agenda_remove_walkthrough(st, carried_budget, 0, &err) == RP_ENOTFOUND);
		agenda_add_walkthrough(st, carried_budget, "Alice", "built the importer", 960,
				       "API keys", NULL, &err);
	}
	/* Carrying again carries nothing twice. */
	{
		int carried = -1;

		CHECK(agenda_carry_over(st, m2, &carried, &err) == RP_OK);
		CHECK_INT(carried, 0);
	}
	/* Planned before the meeting ends: ending carries into it. */
	args.items = NULL;
	args.nitems = 0;
	meeting_start(st, &fixture_clock, m2, &err);
	CHECK(meeting_plan(st, &fixture_clock, &args, &m3, &err) == RP_OK);
	CHECK_STR(agenda_of(st, m3), "");
	hold(st, m2, "-dd");  /* Budget pending again, Risks and Demo done */
	CHECK_STR(agenda_of(st, m3), "Budget:2");

	hold(st, m3, "p");    /* parked a third time */
	fixture_now += 7 * DAY;
	CHECK(meeting_plan(st, &fixture_clock, &args, &m4, &err) == RP_OK);
	CHECK_STR(agenda_of(st, m4), "Budget:3");
	store_close(st);
}

static void
templates_and_reordering(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec items[AGENDA_ITEMS_MAX];
	const char *title = NULL;
	size_t n = agenda_template("weekly", items, AGENDA_ITEMS_MAX, &title);
	meeting_plan_args args = {.items = items, .nitems = n};
	int64_t m, item;

	CHECK_INT(n, 5);
	CHECK_STR(title, "Weekly status");
	CHECK_INT(agenda_template("nonsense", items, AGENDA_ITEMS_MAX, NULL), 0);
	CHECK_INT(agenda_template("retro", items, 2, NULL), 2);  /* max respected */
	n = agenda_template("weekly", items, AGENDA_ITEMS_MAX, &title);
	args.title = title;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	CHECK(meeting_plan(st, &fixture_clock, &args, &m, &err) == RP_OK);
	CHECK_STR(agenda_of(st, m),
		  "Small talk:0 Progress since last week:0 Blockers:0 Decisions needed:0 Next steps:0");
	agenda_item_at(st, m, 5, &item, &err);
	CHECK(agenda_move_item(st, item, 1, &err) == RP_OK);
	CHECK_STR(agenda_of(st, m),
		  "Next steps:0 Small talk:0 Progress since last week:0 Blockers:0 Decisions needed:0");
	agenda_item_at(st, m, 2, &item, &err);
	CHECK(agenda_move_item(st, item, 4, &err) == RP_OK);
	CHECK_STR(agenda_of(st, m),
		  "Next steps:0 Progress since last week:0 Blockers:0 Small talk:0 Decisions needed:0");
	CHECK(agenda_move_item(st, item, 99, &err) == RP_OK);  /* clamped to the end */
	CHECK_STR(agenda_of(st, m),
		  "Next steps:0 Progress since last week:0 Blockers:0 Decisions needed:0 Small talk:0");
	agenda_item_at(st, m, 3, &item, &err);
	CHECK(agenda_remove_item(st, item, &err) == RP_OK);
	CHECK_STR(agenda_of(st, m), "Next steps:0 Progress since last week:0 Decisions needed:0 Small talk:0");
	CHECK(agenda_item_at(st, m, 4, &item, &err) == RP_OK);
	CHECK(agenda_item_at(st, m, 5, &item, &err) == RP_ENOTFOUND);
	store_close(st);
}

static void
walkthrough_entries_parse(void)
{
	rp_error err = {0};
	walk_spec w;

	CHECK(agenda_parse_walk("Alice|built the importer|16h|client API keys", &w, &err) == RP_OK);
	CHECK_STR(w.member, "Alice");
	CHECK_STR(w.did, "built the importer");
	CHECK_INT(w.minutes, 960);
	CHECK_STR(w.depends_on, "client API keys");
	CHECK(agenda_parse_walk(" Bob | tested it ", &w, &err) == RP_OK);
	CHECK_STR(w.member, "Bob");
	CHECK_INT(w.minutes, -1);
	CHECK_STR(w.depends_on, "");
	CHECK(agenda_parse_walk("Chloé|relu le contrat|2h30", &w, &err) == RP_OK);
	CHECK_INT(w.minutes, 150);
	CHECK(agenda_parse_walk("Dan|fixed it|90m", &w, &err) == RP_OK);
	CHECK_INT(w.minutes, 90);
	CHECK(agenda_parse_walk("Alice", &w, &err) == RP_EINVAL);
	CHECK(agenda_parse_walk("Alice|did|soon", &w, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "walkthrough minutes \"soon\": use 90, 90m, 16h or 2h30");
	CHECK(agenda_parse_walk("A|b|1|c|d", &w, &err) == RP_EINVAL);
	CHECK(agenda_parse_walk("|did", &w, &err) == RP_EINVAL);
}

static void
prep_loads_facts_followups_and_carry(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec items[2] = {{"Budget", 15}, {"Timeline", 10}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 2};
	parsed_note note;
	int64_t m;
	prep *p = NULL;
	static const rp_date today = {2026, 11, 26};

	fixture_now = 1795687200 - 10 * DAY;
	client_add(st, &fixture_clock, "Zoë Lefèvre", NULL, 5, 14, &args.client_id, &err);
	fact_add(st, &fixture_clock, args.client_id, FACT_TRAVEL, "went to Bali", 0, 0, NULL, &err);
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	meeting_start(st, &fixture_clock, m, &err);
	note_parse_line("> send the plan @me ^2026-11-20", today, &note, &err);
	record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, &note, NULL, &err);
	note_parse_line("> sign the contract @zoe", today, &note, &err);
	record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, &note, NULL, &err);
	note_parse_line("> book a room ^2026-12-10", today, &note, &err);
	record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, &note, NULL, &err);
	note_parse_line("* loves sushi", today, &note, &err);
	fixture_now += 60;
	record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, &note, NULL, &err);
	fixture_now += 3600;
	meeting_end(st, &fixture_clock, m, &err);
	record_opener(st, &fixture_clock, args.client_id, "fact:1", "How was Bali?", m, &err);

	CHECK(prep_load(st, args.client_id, "2026-11-26", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	CHECK_STR(p->who.name, "Zoë Lefèvre");
	CHECK_INT(p->nfacts, 2);
	CHECK(!p->facts_older);
	CHECK_STR(p->facts[0].text, "loves sushi");
	CHECK_INT(p->facts[0].meeting_id, m);
	CHECK_INT(p->facts[1].meeting_id, 0);
	CHECK_INT(p->nfollowups, 3);
	/* Overdue first, then by due date, then those without one. */
	CHECK_STR(p->followups[0].text, "send the plan");
	CHECK(!p->followups[0].theirs);
	CHECK_STR(p->followups[1].text, "book a room");
	CHECK_STR(p->followups[2].text, "sign the contract");
	CHECK(p->followups[2].theirs);  /* @zoe names the client */
	CHECK_INT(p->nuses, 1);
	CHECK_STR(p->uses[0].key, "fact:1");
	CHECK_INT(p->next_meeting, 0);
	CHECK_INT(p->last_meeting, m);
	CHECK_INT(p->ncarry, 2);
	CHECK_STR(p->carry[0].title, "Budget");
	CHECK_INT(p->carry[0].carry_count, 1);
	CHECK(!p->partial);
	prep_free(p);

	/* A first screenful: with as many facts as rows, the facts alone... */
	CHECK(prep_load_first(st, args.client_id, "2026-11-26", 1, &p, &err) == RP_OK);
	if (p == NULL)
		return;
	CHECK(p->partial);
	CHECK_STR(p->who.name, "Zoë Lefèvre");
	CHECK_INT(p->nfacts, 1);
	CHECK_STR(p->facts[0].text, "loves sushi");
	CHECK_INT(p->nfollowups + p->nuses + p->ncarry, 0);
	CHECK_INT(p->last_meeting, 0);
	prep_free(p);
	/* ...with more rows than facts, all of it. */
	CHECK(prep_load_first(st, args.client_id, "2026-11-26", 3, &p, &err) == RP_OK);
	if (p == NULL)
		return;
	CHECK(!p->partial);
	CHECK_INT(p->nfacts, 2);
	CHECK_INT(p->nfollowups, 3);
	CHECK_INT(p->nuses, 1);
	CHECK_INT(p->last_meeting, m);
	CHECK_INT(p->ncarry, 2);
	prep_free(p);

	/* Once planned, the carried items are in it and no longer pending. */
	args.items = NULL;
	args.nitems = 0;
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	record_prep_note(st, &fixture_clock, m, "ask about the reorg", NULL, &err);
	CHECK(record_prep_note(st, &fixture_clock, m, " ", NULL, &err) == RP_EINVAL);
	CHECK(prep_load(st, args.client_id, "2026-11-26", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	CHECK_INT(p->next_meeting, m);
	CHECK_INT(p->ncarry, 0);
	CHECK_INT(p->nnotes, 1);
	CHECK_STR(p->notes[0].text, "ask about the reorg");
	CHECK(record_followup_status(st, &fixture_clock, p->followups[0].id, FOLLOWUP_DONE, &err) ==
	      RP_OK);
	prep_free(p);
	CHECK(prep_load(st, args.client_id, "2026-11-26", &p, &err) == RP_OK);
	CHECK_INT(p ? (long long)p->nfollowups : -1, 2);
	prep_free(p);
	/* Prep notes are kept apart from live notes. */
	{
		session *s = NULL;

		CHECK(session_load(st, m, &s, &err) == RP_OK);
		CHECK_INT(s ? (long long)s->nnotes : -1, 0);
		session_free(s);
	}
	store_close(st);
}

/* Prep's openers are asked by each fact's tense as of the day Prep is
** loaded for, in the client's language whatever the fact's: a trip noted
** on 20 November "in January" is ahead through January, past after; a
** cancelled wedding is never asked about. */
static void
prep_openers_follow_tense_and_language(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t zoe;
	prep *p = NULL;
	opener out[OPENERS_MAX];
	size_t n;

	/* Noon UTC on Friday 20 November: that day in any time zone. */
	fixture_now = 1795687200 - 6 * DAY + 2 * 3600;
	client_add(st, &fixture_clock, "Zoë Lefèvre", NULL, 5, 14, &zoe, &err);
	CHECK(client_set_lang(st, zoe, RP_LANG_FR, &err) == RP_OK);
	fact_add(st, &fixture_clock, zoe, fact_kind_guess("ski trip to Chamonix in January"),
		 "ski trip to Chamonix in January", 0, 0, NULL, &err);
	fixture_now += 60;
	fact_add(st, &fixture_clock, zoe, fact_kind_guess("le mariage est tombé à l'eau"),
		 "le mariage est tombé à l'eau", 0, 0, NULL, &err);

	CHECK(prep_load(st, zoe, "2026-12-03", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	CHECK_STR(p->facts[1].kind, "travel");
	n = prep_openers(p, out, 3);
	CHECK_INT(n, 3);
	CHECK_STR(out[0].text,
		  "Où en sont les préparatifs de votre séjour au ski à Chamonix\u202f?");
	CHECK_INT(out[1].fact_id, 0);  /* the wedding gives nothing: the library follows */
	CHECK_STR(out[1].text, "Comment se passe votre semaine\u202f?");
	prep_free(p);

	CHECK(prep_load(st, zoe, "2027-02-01", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	n = prep_openers(p, out, 1);
	CHECK_INT(n, 1);
	CHECK_STR(out[0].text, "Comment s'est passé votre séjour au ski à Chamonix\u202f?");
	prep_free(p);

	/* The same facts for an English client. */
	CHECK(client_set_lang(st, zoe, RP_LANG_EN, &err) == RP_OK);
	CHECK(prep_load(st, zoe, "2027-01-31", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	n = prep_openers(p, out, 1);
	CHECK_INT(n, 1);
	CHECK_STR(out[0].text, "How are the preparations for your ski trip to Chamonix going?");
	prep_free(p);
	store_close(st);
}

static void
clients_are_edited_and_archived(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t a, b;
	client c, *all;
	size_t n;

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &a, &err);
	client_add(st, &fixture_clock, "Beta", NULL, 5, 14, &b, &err);
	CHECK(client_update(st, a, "Acme Corp", "Holding", 3, 7, &err) == RP_OK);
	CHECK(client_get(st, a, &c, &err) == RP_OK);
	CHECK_STR(c.name, "Acme Corp");
	CHECK_STR(c.org, "Holding");
	CHECK_INT(c.cadence_max, 7);
	CHECK(client_update(st, a, "BETA", NULL, 3, 7, &err) == RP_EEXIST);
	CHECK(client_update(st, a, "Acme", NULL, 9, 7, &err) == RP_EINVAL);
	CHECK(client_archive(st, &fixture_clock, b, &err) == RP_OK);
	CHECK(client_list(st, &all, &n, &err) == RP_OK);
	CHECK_INT(n, 1);
	free(all);
	CHECK(client_find(st, "beta", &c, &err) == RP_ENOTFOUND);
	store_close(st);
}

/* Note line (parsed as typed live) in meeting m, a minute after the last. */
static int64_t
say_in(store *st, int64_t m, const char *line)
{
	static const rp_date today = {2026, 11, 26};
	rp_error err = {0};
	parsed_note note;
	int64_t id = 0;

	fixture_now += 60;
	if (note_parse_line(line, today, &note, &err) != RP_OK ||
	    record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, &note, &id, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s: %s", line, err.msg);
	return id;
}

/* Prep brings back what earlier meetings left open: open questions from the
** last PREP_QUESTION_MEETINGS meetings held, the last ended meeting's
** concerns, the newest quotes; never a private note, never a prep note. */
static void
prep_brings_back_what_was_left_open(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "Weekly"};
	int64_t m[PREP_QUESTION_MEETINGS + 2], old_q = 0, q1 = 0, q2 = 0, decision = 0, next;
	prep *p = NULL;

	fixture_now = 1795687200 - 100 * DAY;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	/* PREP_QUESTION_MEETINGS + 1 meetings held, a week apart. */
	for (int i = 0; i < PREP_QUESTION_MEETINGS + 1; i++) {
		fixture_now += 7 * DAY;
		meeting_plan(st, &fixture_clock, &args, &m[i], &err);
		meeting_start(st, &fixture_clock, m[i], &err);
		if (i == 0) {
			old_q = say_in(st, m[i], "? an old question nobody answered");
			say_in(st, m[i], "! an old worry");
		}
		if (i == PREP_QUESTION_MEETINGS - 1) {
			q1 = say_in(st, m[i], "? can we self-host");
			say_in(st, m[i], "! worried the API slips");
		}
		if (i == PREP_QUESTION_MEETINGS) {
			q2 = say_in(st, m[i], "? is the CFO joining");
			say_in(st, m[i], "! worried the go-live slips");
			say_in(st, m[i], "~ they seem tense");
			say_in(st, m[i], "! and the budget");
			decision = say_in(st, m[i], "= self-hosting is out");
		}
		for (int k = 0; k < 3 && i >= PREP_QUESTION_MEETINGS - 2; k++) {
			char quote[64];

			snprintf(quote, sizeof quote, "\" quote %d of meeting %d", k, i);
			say_in(st, m[i], quote);
		}
		fixture_now += 3600;
		meeting_end(st, &fixture_clock, m[i], &err);
	}
	/* The next meeting's prep notes: not questions, whatever they say. */
	meeting_plan(st, &fixture_clock, &args, &next, &err);
	record_prep_note(st, &fixture_clock, next, "? ask whether the CFO is joining", NULL, &err);

	CHECK(prep_load(st, args.client_id, "2026-11-26", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	/* The oldest meeting is past the window: its question is not brought back. */
	CHECK_INT(p->nquestions, 2);
	if (p->nquestions == 2) {
		CHECK_INT(p->questions[0].id, q2);  /* newest first */
		CHECK_STR(p->questions[0].text, "is the CFO joining");
		CHECK_INT(p->questions[0].meeting_id, m[PREP_QUESTION_MEETINGS]);
		CHECK_INT(p->questions[1].id, q1);
	}
	CHECK_INT(p->last_meeting, m[PREP_QUESTION_MEETINGS]);
	/* Last time's concerns, in the order raised; the private note is not one. */
	CHECK_INT(p->nconcerns, 2);
	if (p->nconcerns == 2) {
		CHECK_STR(p->concerns[0].text, "worried the go-live slips");
		CHECK_STR(p->concerns[1].text, "and the budget");
	}
	/* The newest PREP_QUOTES_MAX quotes, newest first. */
	CHECK_INT(p->nquotes, PREP_QUOTES_MAX);
	if (p->nquotes == PREP_QUOTES_MAX) {
		char want[64];

		snprintf(want, sizeof want, "quote 2 of meeting %d", PREP_QUESTION_MEETINGS);
		CHECK_STR(p->quotes[0].text, want);
		snprintf(want, sizeof want, "quote 1 of meeting %d", PREP_QUESTION_MEETINGS - 1);
		CHECK_STR(p->quotes[PREP_QUOTES_MAX - 1].text, want);
	}
	CHECK_INT(p->nnotes, 1);
	prep_free(p);

	/* A quote and a question written in prep, newer than all: not what
	** the client said, never brought back. */
	{
		char sql[300];

		snprintf(sql, sizeof sql,
			 "INSERT INTO notes (meeting_id, phase, at, kind, text) VALUES"
			 " (%lld, 'prep', %lld, 'quote', 'my own words'),"
			 " (%lld, 'prep', %lld, 'question', 'my own question')",
			 (long long)m[PREP_QUESTION_MEETINGS], (long long)fixture_now,
			 (long long)m[PREP_QUESTION_MEETINGS], (long long)fixture_now);
		CHECK(fixture_sql(sqlite3_db_filename(store_db(st), "main"), sql) == 0);
	}
	CHECK(prep_load(st, args.client_id, "2026-11-26", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	CHECK_INT(p->nquotes, PREP_QUOTES_MAX);
	CHECK_INT(p->nquestions, 2);
	if (p->nquotes && p->nquestions) {
		char want[64];

		snprintf(want, sizeof want, "quote 2 of meeting %d", PREP_QUESTION_MEETINGS);
		CHECK_STR(p->quotes[0].text, want);
		CHECK_INT(p->questions[0].id, q2);
	}
	prep_free(p);

	/* A later decision answered it: closed, it is no longer brought back. */
	CHECK(prep_question_close(st, &fixture_clock, q1, &err) == RP_OK);
	CHECK(prep_question_close(st, &fixture_clock, q1, &err) == RP_EINVAL);
	{
		char want[64];

		snprintf(want, sizeof want, "question %lld is closed already", (long long)q1);
		CHECK_STR(err.msg, want);
	}
	CHECK(prep_question_close(st, &fixture_clock, decision, &err) == RP_EINVAL);
	CHECK(prep_question_close(st, &fixture_clock, 999999, &err) == RP_ENOTFOUND);
	CHECK(prep_question_reopen(st, q2, &err) == RP_EINVAL);  /* open already */
	CHECK(prep_load(st, args.client_id, "2026-11-26", &p, &err) == RP_OK);
	CHECK_INT(p ? (long long)p->nquestions : -1, 1);
	CHECK_INT(p && p->nquestions ? p->questions[0].id : 0, q2);
	prep_free(p);
	/* Reopened, it is back; the old one, past the window, stays out of sight
	** but can still be closed. */
	CHECK(prep_question_reopen(st, q1, &err) == RP_OK);
	CHECK(prep_question_close(st, &fixture_clock, old_q, &err) == RP_OK);
	CHECK(prep_load(st, args.client_id, "2026-11-26", &p, &err) == RP_OK);
	CHECK_INT(p ? (long long)p->nquestions : -1, 2);
	prep_free(p);
	store_close(st);
}

/* The prep notes of a meeting, for the live screen and the Recap: the
** notes written before the call, not those noted live. */
static void
prep_notes_of_a_meeting(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "Kickoff"};
	prep_notes *pn = NULL;
	int64_t m, other;

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Zoë", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	meeting_plan(st, &fixture_clock, &args, &other, &err);
	record_prep_note(st, &fixture_clock, m, "ask whether the CFO is joining", NULL, &err);
	fixture_now += 60;
	record_prep_note(st, &fixture_clock, m, "bring the revised plan", NULL, &err);
	record_prep_note(st, &fixture_clock, other, "not this meeting's", NULL, &err);
	meeting_start(st, &fixture_clock, m, &err);
	say_in(st, m, "noted live");
	CHECK(prep_notes_load(st, m, &pn, &err) == RP_OK);
	CHECK_INT(pn ? (long long)pn->n : -1, 2);
	if (pn && pn->n == 2) {
		CHECK_STR(pn->notes[0].text, "ask whether the CFO is joining");
		CHECK_STR(pn->notes[1].text, "bring the revised plan");
	}
	prep_notes_free(pn);
	CHECK(prep_notes_load(st, 424242, &pn, &err) == RP_OK);  /* no meeting: none */
	CHECK_INT(pn ? (long long)pn->n : -1, 0);
	prep_notes_free(pn);
	store_close(st);
}

/* Check p's follow-ups against Prep's order written plainly, over all of
** the client's open ones (the reference): as many, the same, in order. */
static void
same_as_the_plain_order(sqlite3 *db, const prep *p, int64_t who, int line)
{
	sqlite3_stmt *ref = NULL;
	int row = 0;

	if (sqlite3_prepare_v2(db,
			       "SELECT id FROM followups WHERE client_id = ?1 AND status = 'open'"
			       " ORDER BY due IS NULL, due < '2026-11-26' DESC, due, id LIMIT ?2",
			       -1, &ref, NULL) != SQLITE_OK) {
		tap_fail(__FILE__, line, "%s", sqlite3_errmsg(db));
		return;
	}
	sqlite3_bind_int64(ref, 1, who);
	sqlite3_bind_int(ref, 2, PREP_FOLLOWUPS_MAX);
	for (; sqlite3_step(ref) == SQLITE_ROW; row++)
		if (row >= (int)p->nfollowups || p->followups[row].id != sqlite3_column_int64(ref, 0))
			tap_fail(__FILE__, line, "follow-up %d: %lld, not %lld", row,
				 row < (int)p->nfollowups ? (long long)p->followups[row].id : -1LL,
				 (long long)sqlite3_column_int64(ref, 0));
	if (row != (int)p->nfollowups)
		tap_fail(__FILE__, line, "%zu follow-ups, not %d", p->nfollowups, row);
	sqlite3_finalize(ref);
}

/* Insert n open follow-ups for who, every `undated`-th without a due
** date (0: none), the rest from October to December, out of order, some on
** the same day; every tenth closed when close is set. */
static void
add_followups(sqlite3 *db, int64_t who, int from, int n, int undated, bool close)
{
	for (int i = from; i < from + n; i++) {
		char sql[256], due[16] = "NULL";
		bool done = close && i % 10 == 8;

		if (undated == 0 || i % undated)
			snprintf(due, sizeof due, "'2026-%02d-%02d'", 10 + (i * 37 % 3), 1 + i * 11 % 28);
		snprintf(sql, sizeof sql,
			 "INSERT INTO followups (client_id, text, due, status, created_at, closed_at)"
			 " VALUES (%lld, 'follow-up %d', %s, '%s', %d, %s)",
			 (long long)who, i, due, done ? "done" : "open", 1000 + i,
			 done ? "2000" : "NULL");
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
			tap_fail(__FILE__, __LINE__, "%s", sqlite3_errmsg(db));
	}
}

/* A client with more open follow-ups than Prep holds: the first
** PREP_FOLLOWUPS_MAX in its order (overdue first, then by due date, then
** undated, each by id), and how many are open; the closed ones are
** neither.  Fewer dated ones than it holds: the undated fill the rest.
** On a file without statistics (as rapport leaves them) and under a
** ten-year file's, the walks and the count are down followups_due, not a
** read of every follow-up. */
static void
prep_holds_the_first_open_followups(void)
{
	store *st = fixture_store();
	sqlite3 *db = store_db(st);
	rp_error err = {0};
	int64_t zoe, other, mixed;
	prep *p = NULL;
	const char *plan;

	client_add(st, &fixture_clock, "Zoë Lefèvre", NULL, 5, 14, &zoe, &err);
	client_add(st, &fixture_clock, "Other", NULL, 5, 14, &other, &err);
	client_add(st, &fixture_clock, "Mixed", NULL, 5, 14, &mixed, &err);
	add_followups(db, zoe, 0, 107, 4, true);  /* 97 open, most of them dated */
	add_followups(db, other, 200, 12, 0, false);
	add_followups(db, mixed, 300, 25, 3, false);  /* 16 dated, 9 undated */
	CHECK(prep_load(st, zoe, "2026-11-26", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	CHECK_INT(p->nfollowups, PREP_FOLLOWUPS_MAX);
	CHECK_INT(p->followups_open, 97);
	same_as_the_plain_order(db, p, zoe, __LINE__);
	CHECK(p->followups[PREP_FOLLOWUPS_MAX - 1].due != NULL);  /* the dated fill it */
	prep_free(p);
	/* Fewer open than it holds: all of them, and that many open. */
	CHECK(prep_load(st, other, "2026-11-26", &p, &err) == RP_OK);
	CHECK_INT(p ? (long long)p->nfollowups : -1, 12);
	CHECK_INT(p ? (long long)p->followups_open : -1, 12);
	prep_free(p);
	/* 16 dated: then the first 4 undated, by id. */
	CHECK(prep_load(st, mixed, "2026-11-26", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	CHECK_INT(p->nfollowups, PREP_FOLLOWUPS_MAX);
	CHECK_INT(p->followups_open, 25);
	same_as_the_plain_order(db, p, mixed, __LINE__);
	CHECK(p->followups[15].due != NULL && p->followups[16].due == NULL);
	prep_free(p);

	for (int stats = 0; stats < 2; stats++) {
		if (stats)
			CHECK(fixture_statistics(st,
						 " ('followups', 'followups_due', '2500 13 2'),"
						 " ('followups', 'followups_client', '2500 13 1 1'),"
						 " ('followups', 'followups_closed', '130000 650 2 2 1'),"
						 " ('followups', 'followups_open', '2500 3'),"
						 " ('followups', NULL, '130000')") == SQLITE_OK);
		plan = fixture_plan(st, PREP_FOLLOWUPS_DATED_SQL);
		PLAN_IS(plan, true,
			"SEARCH followups USING INDEX followups_due (client_id=? AND due>?)");
		PLAN_IS(plan, false, "TEMP B-TREE");
		plan = fixture_plan(st, PREP_FOLLOWUPS_UNDATED_SQL);
		PLAN_IS(plan, true,
			"SEARCH followups USING INDEX followups_due (client_id=? AND due=?)");
		PLAN_IS(plan, false, "TEMP B-TREE");
		plan = fixture_plan(st, PREP_FOLLOWUPS_OPEN_SQL);
		PLAN_IS(plan, true, "SEARCH followups USING COVERING INDEX followups_client (client_id=?)");
	}
	store_close(st);
}

/* A client with more facts than Prep holds: the newest PREP_FACTS_MAX,
** newest first, and that older ones follow; one with exactly that many has
** no older ones. */
static void
prep_holds_the_newest_facts(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t many, some;
	prep *p = NULL;

	client_add(st, &fixture_clock, "Many", NULL, 5, 14, &many, &err);
	client_add(st, &fixture_clock, "Some", NULL, 5, 14, &some, &err);
	for (int i = 0; i < PREP_FACTS_MAX + 13; i++) {
		char text[32];

		snprintf(text, sizeof text, "fact %d", i);
		fixture_now += 60;
		CHECK(fact_add(st, &fixture_clock, many, FACT_OTHER, text, 0, 0, NULL, &err) == RP_OK);
		if (i < PREP_FACTS_MAX)
			CHECK(fact_add(st, &fixture_clock, some, FACT_OTHER, text, 0, 0, NULL, &err) ==
			      RP_OK);
	}
	CHECK(prep_load(st, many, "2026-11-26", &p, &err) == RP_OK);
	if (p == NULL)
		return;
	CHECK_INT(p->nfacts, PREP_FACTS_MAX);
	CHECK(p->facts_older);
	CHECK_STR(p->facts[0].text, "fact 62");
	CHECK_STR(p->facts[PREP_FACTS_MAX - 1].text, "fact 13");
	prep_free(p);
	CHECK(prep_load(st, some, "2026-11-26", &p, &err) == RP_OK);
	CHECK_INT(p ? (long long)p->nfacts : -1, PREP_FACTS_MAX);
	CHECK(p && !p->facts_older);
	prep_free(p);
	store_close(st);
}

int
main(void)
{
	RUN(carries_over_three_meetings);
	RUN(templates_and_reordering);
	RUN(walkthrough_entries_parse);
	RUN(prep_loads_facts_followups_and_carry);
	RUN(prep_openers_follow_tense_and_language);
	RUN(clients_are_edited_and_archived);
	RUN(prep_brings_back_what_was_left_open);
	RUN(prep_notes_of_a_meeting);
	RUN(prep_holds_the_first_open_followups);
	RUN(prep_holds_the_newest_facts);
	return tap_done();
}
