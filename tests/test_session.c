/* test_session.c: loading a meeting whole, opening and resuming meetings,
** editing notes and the agenda, logging prompts, migrating the schema. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fact_sql.h"
#include "fixture.h"
#include "rapport/client.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/prompt.h"
#include "rapport/record.h"
#include "rapport/session.h"
#include "tap.h"

#define T0 1795687200  /* 2026-11-26T10:00:00Z */

static const rp_date today = {2026, 11, 26};

static int64_t
say(store *st, int64_t meeting, int64_t item, const char *line)
{
	parsed_note *p = malloc(sizeof *p);
	rp_error err = {0};
	int64_t id = 0;

	if (note_parse_line(line, today, p, &err) != RP_OK ||
	    record_note(st, &fixture_clock, meeting, item, NOTE_PHASE_LIVE, p, &id, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "\"%s\": %s", line, err.msg);
	free(p);
	return id;
}

static int64_t
count(store *st, const char *sql)
{
	sqlite3_stmt *stmt;
	int64_t v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

static void
loads_everything_the_screen_needs(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec items[2] = {{"Budget", 15}, {"Timeline", 0}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 2,
				  .planned_minutes = 30};
	int64_t m, budget, you, them, longest;
	session *s = NULL;

	fixture_now = T0 - 86400 * 3;
	client_add(st, &fixture_clock, "Zoë", NULL, 4, 9, &args.client_id, &err);
	fact_add(st, &fixture_clock, args.client_id, FACT_TRAVEL, "went to Bali", 0, 0, NULL, &err);
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	agenda_item_at(st, m, 1, &budget, &err);
	agenda_add_walkthrough(st, budget, "Alice", "built the importer", 960, "API keys", NULL,
			       &err);
	agenda_add_walkthrough(st, budget, "Bob", "tested it", -1, NULL, NULL, &err);
	fixture_now = T0;
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	CHECK(agenda_start_item(st, &fixture_clock, budget, &err) == RP_OK);
	record_talk(st, &fixture_clock, m, TALK_CLIENT, &err);
	fixture_now = T0 + 60;
	say(st, m, budget, "> send the plan @me");
	say(st, m, budget, "* loves sushi");
	fixture_now = T0 + 200;
	record_talk(st, &fixture_clock, m, TALK_YOU, &err);
	record_prompt(st, &fixture_clock, m, budget, "reflect:n9", "It sounds like…", PROMPT_USED,
		      &err);

	CHECK(session_load(st, m, &s, &err) == RP_OK);
	if (s == NULL)
		return;
	CHECK_STR(s->client_name, "Zoë");
	CHECK_STR(s->title, "Kickoff");
	CHECK_INT(s->state, MEETING_LIVE);
	CHECK_INT(s->started_at, T0);
	CHECK_INT(s->planned_minutes, 30);
	CHECK_INT(s->cadence_min, 4);
	CHECK_INT(s->cadence_max, 9);
	CHECK_INT(s->nitems, 2);
	CHECK_STR(s->items[0].title, "Budget");
	CHECK_INT(s->items[0].status, AGENDA_ACTIVE);
	CHECK_INT(s->items[0].timebox_minutes, 15);
	CHECK_INT(s->items[1].timebox_minutes, 0);
	CHECK_INT(s->items[0].nwalk, 2);
	CHECK_STR(s->items[0].walk[0].member, "Alice");
	CHECK_INT(s->items[0].walk[0].minutes, 960);
	CHECK_STR(s->items[0].walk[0].depends_on, "API keys");
	CHECK_INT(s->items[0].walk[1].minutes, -1);
	CHECK(s->items[0].walk[1].depends_on == NULL);
	CHECK_INT(s->items[1].nwalk, 0);
	CHECK(session_current_item(s) == &s->items[0]);
	CHECK_INT(session_item_elapsed(&s->items[0], T0 + 300), 300);
	CHECK_INT(s->nnotes, 2);
	CHECK_INT(s->notes[0].kind, NOTE_ACTION);
	CHECK(s->notes[0].has_owner);
	CHECK(!s->notes[0].has_due);
	CHECK_INT(s->notes[0].item_id, budget);
	CHECK_INT(s->nfacts, 2);
	CHECK_STR(s->facts[0].text, "loves sushi");  /* newest first */
	CHECK_INT(s->facts[0].meeting_id, m);
	CHECK_STR(s->facts[1].text, "went to Bali");
	CHECK_INT(s->facts[1].meeting_id, 0);
	CHECK_INT(s->ntalk, 2);
	CHECK_INT(session_talking(s), TALK_SIDE_YOU);
	session_talk_totals(s, T0 + 260, &you, &them, &longest);
	CHECK_INT(you, 60);
	CHECK_INT(them, 200);
	CHECK_INT(longest, 200);
	CHECK(session_prompt_done(s, "reflect:n9"));
	CHECK(!session_prompt_done(s, "reflect:n1"));
	session_free(s);
	CHECK(session_load(st, 999, &s, &err) == RP_ENOTFOUND);
	CHECK(s == NULL);

	/* Prep's: the meeting and its agenda, nothing said in it. */
	CHECK(session_load_agenda(st, m, &s, &err) == RP_OK);
	if (s == NULL)
		return;
	CHECK_STR(s->title, "Kickoff");
	CHECK_INT(s->planned_minutes, 30);
	CHECK_INT(s->nitems, 2);
	CHECK_INT(s->items[0].nwalk, 2);
	CHECK_STR(s->items[0].walk[1].member, "Bob");
	CHECK_INT(s->nnotes, 0);
	CHECK_INT(s->ntalk, 0);
	CHECK_INT(s->nfacts, 0);
	CHECK_INT(s->nprompts_done, 0);
	session_free(s);
	CHECK(session_load_agenda(st, 999, &s, &err) == RP_ENOTFOUND);
	store_close(st);
}

static void
meet_resumes_then_plans_then_creates(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "Kick-off réunion"};
	int64_t planned_a, planned_b, id = 0;
	bool resumed = true;

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	fixture_now = T0;
	args.planned_at = T0 + 7200;
	meeting_plan(st, &fixture_clock, &args, &planned_a, &err);
	args.title = "Weekly";
	args.planned_at = T0 + 3600;  /* earlier, though planned later */
	meeting_plan(st, &fixture_clock, &args, &planned_b, &err);

	/* A title picks the planned meeting of that title, accents aside. */
	CHECK(meeting_open(st, &fixture_clock, args.client_id, "kick-off reunion", &id, &resumed,
			   &err) == RP_OK);
	CHECK_INT(id, planned_a);
	CHECK(!resumed);
	/* While it is live, meet resumes it, whatever the title. */
	CHECK(meeting_open(st, &fixture_clock, args.client_id, "Other", &id, &resumed, &err) ==
	      RP_OK);
	CHECK_INT(id, planned_a);
	CHECK(resumed);
	fixture_now = T0 + 600;
	CHECK(meeting_end(st, &fixture_clock, planned_a, &err) == RP_OK);
	/* No title: the earliest planned one. */
	CHECK(meeting_open(st, &fixture_clock, args.client_id, NULL, &id, &resumed, &err) == RP_OK);
	CHECK_INT(id, planned_b);
	CHECK(meeting_end(st, &fixture_clock, planned_b, &err) == RP_OK);
	/* Nothing planned: a new one, live at once. */
	CHECK(meeting_open(st, &fixture_clock, args.client_id, "Ad hoc", &id, &resumed, &err) ==
	      RP_OK);
	CHECK(id != planned_a && id != planned_b);
	CHECK_INT(count(st, "SELECT count(*) FROM meetings WHERE title = 'Ad hoc' AND"
			    " state = 'live' AND started_at = 1795687800"),
		  1);
	CHECK(meeting_open(st, &fixture_clock, args.client_id, "\x1b[2J", &id, &resumed, &err) ==
	      RP_EINVAL);
	store_close(st);
}

static void
replacing_a_note_remakes_what_it_gave(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "M"};
	parsed_note p;
	int64_t m, n;

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	meeting_start(st, &fixture_clock, m, &err);
	n = say(st, m, 0, "> call Bob ^fri #sales");
	CHECK_INT(count(st, "SELECT count(*) FROM followups"), 1);

	note_parse_line("* back from Lisbon #travel", today, &p, &err);
	CHECK(record_note_replace(st, &fixture_clock, n, &p, &err) == RP_OK);
	CHECK_INT(count(st, "SELECT count(*) FROM followups"), 0);
	CHECK_INT(count(st, "SELECT count(*) FROM facts WHERE text = 'back from Lisbon #travel'"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM notes WHERE kind = 'personal'"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM note_topics WHERE topic = 'travel'"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM note_topics WHERE topic = 'sales'"), 0);
	/* The note found, once: its fact says the same; the follow-up went
	** with the old kind. */
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'lisbon'"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'bob'"), 0);

	CHECK(record_note_delete(st, n, &err) == RP_OK);
	CHECK_INT(count(st, "SELECT count(*) FROM notes"), 0);
	CHECK_INT(count(st, "SELECT count(*) FROM facts"), 0);
	CHECK_INT(count(st, "SELECT count(*) FROM note_topics"), 0);
	CHECK(record_note_delete(st, n, &err) == RP_ENOTFOUND);
	CHECK(record_note_replace(st, &fixture_clock, n, &p, &err) == RP_ENOTFOUND);
	store_close(st);
}

static void
agenda_items_are_added_and_edited(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "M"};
	agenda_spec spec;
	int64_t m, item;

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	agenda_parse_spec("Risks:10", &spec, &err);
	CHECK(agenda_add_item(st, m, &spec, &item, &err) == RP_OK);
	agenda_parse_spec("Next steps", &spec, &err);
	CHECK(agenda_add_item(st, m, &spec, NULL, &err) == RP_OK);
	CHECK_INT(count(st, "SELECT max(position) FROM agenda_items"), 2);
	agenda_parse_spec("Risks and issues:12", &spec, &err);
	CHECK(agenda_edit_item(st, item, &spec, &err) == RP_OK);
	CHECK_INT(count(st, "SELECT count(*) FROM agenda_items WHERE title = 'Risks and issues'"
			    " AND timebox_minutes = 12 AND position = 1"),
		  1);
	CHECK(agenda_edit_item(st, 999, &spec, &err) == RP_ENOTFOUND);
	store_close(st);
}

static void
migrates_a_version_1_database(void)
{
	const char *path = fixture_path("v1.db");
	rp_error err = {0};
	store *st = store_open_version(path, 1, &err);
	client c;

	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(count(st, "PRAGMA user_version"), 1);
	CHECK_INT(count(st, "SELECT count(*) FROM sqlite_schema WHERE name = 'prompt_log'"), 0);
	/* A client as version 1 stored one (client_add writes today's
	** columns, which that version lacks). */
	CHECK(sqlite3_exec(store_db(st),
			   "INSERT INTO clients (name, name_key, cadence_min, cadence_max, created_at)"
			   " VALUES ('Zoë Lefèvre', 'zoe lefevre', 5, 14, 1764000000)",
			   NULL, NULL, NULL) == SQLITE_OK);
	store_close(st);
	/* The first command after an upgrade may only read: the file, ours
	** to write, is brought up to date all the same, then read. */
	st = store_open(path, STORE_READ, &err);
	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK(!store_writable(st));
	CHECK_INT(count(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	store_close(st);
	st = store_open(path, STORE_WRITE, &err);
	CHECK(st != NULL);
	if (st == NULL)
		return;
	CHECK_INT(count(st, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	CHECK_INT(count(st, "SELECT count(*) FROM prompt_log"), 0);
	CHECK_INT(count(st, "SELECT count(*) FROM opener_uses"), 0);
	/* The old per-table search indexes are gone, their text in the new one. */
	CHECK_INT(count(st, "SELECT count(*) FROM sqlite_schema WHERE name = 'clients_fts'"), 0);
	CHECK_INT(count(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'lefevre'"), 1);
	CHECK(sqlite3_exec(store_db(st), "INSERT INTO search_fts(search_fts) VALUES ('integrity-check')",
			   NULL, NULL, NULL) == SQLITE_OK);
	CHECK(client_find(st, "zoe", &c, &err) == RP_OK);
	/* Made before clients had a language: the user's, and not its own. */
	CHECK(!c.lang_own);
	CHECK_INT(c.lang, lang_user());
	store_close(st);
}

/* Enter adds the note saved to the session the screen holds: it must read
** as the meeting loaded again would, note for note, and give the same
** prompts, whatever the kind, the item, a note queued with an earlier
** time, or two notes in one second. */
static void
a_note_added_reads_as_loaded_again(void)
{
	static const char *const lines[] = {
		"! worried the budget will slip soon",
		"+ needs a dashboard quickly ^monday",
		"= go with the cheap option",
		"? who signs off the budget",
		"> send the plan @sam ^friday",
		"> call the vendor",
		"> book the room @me",
		"* back from a ski trip",
		"~ ask Sam later",
		"\"We need several screens\"",
		"plain words about the timeline",
	};
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec items[2] = {{"Budget", 15}, {"Timeline", 10}};
	meeting_plan_args args = {.title = "Weekly", .items = items, .nitems = 2,
				  .planned_minutes = 30};
	int64_t m, item[2];
	session *s = NULL;
	parsed_note *p = malloc(sizeof *p);
	bool same = true;

	fixture_now = T0 - 86400;
	client_add(st, &fixture_clock, "Zoé", NULL, 4, 9, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	agenda_item_at(st, m, 1, &item[0], &err);
	agenda_item_at(st, m, 2, &item[1], &err);
	fixture_now = T0;
	CHECK(meeting_start(st, &fixture_clock, m, &err) == RP_OK);
	CHECK(session_load(st, m, &s, &err) == RP_OK);
	record_prompt(st, &fixture_clock, m, 0, "reflect:n3", "", PROMPT_DISMISSED, &err);
	session_free(s);
	CHECK(session_load(st, m, &s, &err) == RP_OK);
	for (int i = 0; i < 90 && same; i++) {
		/* Every fifth note shares its second with the one before; every
		** seventh was queued and keeps the earlier time it was typed. */
		int64_t at = T0 + 60 + 20 * i - (i % 5 == 4 ? 20 : 0) - (i % 7 == 6 ? 130 : 0);
		int64_t on = i % 3 == 2 ? 0 : item[i % 2];
		prompt mine[PROMPTS_MAX], theirs[PROMPTS_MAX];
		size_t nmine, ntheirs;
		session *fresh = NULL;
		int64_t id = 0;

		fixture_now = at;
		if (note_parse_line(lines[i % 11], today, p, &err) != RP_OK ||
		    record_note(st, &fixture_clock, m, on, NOTE_PHASE_LIVE, p, &id, &err) != RP_OK ||
		    !session_add_note(s, id, at, on, p) ||
		    session_load(st, m, &fresh, &err) != RP_OK) {
			tap_fail(__FILE__, __LINE__, "note %d: %s", i, err.msg);
			break;
		}
		fixture_now = T0 + 60 + 20 * i + 5;
		same = s->nnotes == fresh->nnotes;
		for (size_t k = 0; same && k < s->nnotes; k++) {
			const session_note *x = &s->notes[k], *y = &fresh->notes[k];

			same = x->id == y->id && x->at == y->at && x->kind == y->kind &&
			       strcmp(x->text, y->text) == 0 && x->item_id == y->item_id &&
			       x->has_owner == y->has_owner && x->has_due == y->has_due;
			if (!same)
				tap_fail(__FILE__, __LINE__, "note %d, row %zu: %lld \"%s\", loaded %lld \"%s\"",
					 i, k, (long long)x->id, x->text, (long long)y->id, y->text);
		}
		nmine = prompt_compute(s, fixture_now, today, mine, PROMPTS_MAX);
		ntheirs = prompt_compute(fresh, fixture_now, today, theirs, PROMPTS_MAX);
		if (same && (nmine != ntheirs || nmine == 0)) {
			tap_fail(__FILE__, __LINE__, "note %d: %zu prompts, loaded %zu", i, nmine, ntheirs);
			same = false;
		}
		for (size_t k = 0; same && k < nmine; k++)
			if (strcmp(mine[k].key, theirs[k].key) != 0 || strcmp(mine[k].text, theirs[k].text) != 0) {
				tap_fail(__FILE__, __LINE__, "note %d, prompt %zu: %s, loaded %s", i, k,
					 mine[k].key, theirs[k].key);
				same = false;
			}
		session_free(fresh);
	}
	CHECK(same);
	CHECK_INT(s->nnotes, 90);
	/* In order of time, then of id, as loaded. */
	for (size_t k = 1; k < s->nnotes; k++)
		if (s->notes[k - 1].at > s->notes[k].at ||
		    (s->notes[k - 1].at == s->notes[k].at && s->notes[k - 1].id > s->notes[k].id))
			same = false;
	CHECK(same);
	free(p);
	session_free(s);
	store_close(st);
}

/* A client's newest facts, for the live screen and for prep, are read
** down facts_client from the newest end, in its order, with no sort:
** under a ten-year file's statistics (110,746 facts, 554 a client), as
** SQLite plans after PRAGMA optimize.  Without learned_at in the index
** the same queries sort every fact of the client. */
static void
the_newest_facts_read_an_index_in_order(void)
{
	store *st = fixture_store();
	const char *const sql[] = {FACTS_LIVE_SQL, FACTS_PREP_SQL};
	const char *plan;

	CHECK(fixture_statistics(st,
				 " ('facts', 'facts_client', '110746 554 6'),"
				 " ('facts', 'facts_person', '110746 110746'),"
				 " ('facts', 'facts_note', '110746 1'),"
				 " ('facts', 'facts_meeting', '110746 6'),"
				 " ('facts', NULL, '110746')") == SQLITE_OK);
	for (int i = 0; i < 2; i++) {
		plan = fixture_plan(st, sql[i]);
		PLAN_IS(plan, true, "SEARCH facts USING INDEX facts_client (client_id=?)");
		PLAN_IS(plan, false, "TEMP B-TREE");
	}
	CHECK(sqlite3_exec(store_db(st), "DROP INDEX facts_client;"
			   " CREATE INDEX facts_client ON facts (client_id);"
			   " ANALYZE sqlite_schema;", NULL, NULL, NULL) == SQLITE_OK);
	PLAN_IS(fixture_plan(st, FACTS_LIVE_SQL), true, "USE TEMP B-TREE FOR ORDER BY");
	store_close(st);
}

int
main(void)
{
	RUN(loads_everything_the_screen_needs);
	RUN(meet_resumes_then_plans_then_creates);
	RUN(replacing_a_note_remakes_what_it_gave);
	RUN(a_note_added_reads_as_loaded_again);
	RUN(agenda_items_are_added_and_edited);
	RUN(migrates_a_version_1_database);
	RUN(the_newest_facts_read_an_index_in_order);
	return tap_done();
}
