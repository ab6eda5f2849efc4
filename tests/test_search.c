/* test_search.c: full-text search, its accents, its order and its errors. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/record.h"
#include "rapport/search.h"
#include "tap.h"

static store *st;
static int64_t zoe, acme, m1, m2;

/* Note line in meeting of store in, a minute after the last, in phase. */
static int64_t
say_in(store *in, int64_t meeting, enum note_phase phase, const char *line)
{
	static const rp_date today = {2026, 11, 26};
	parsed_note p;
	rp_error err = {0};
	int64_t id = 0;

	fixture_now += 60;
	if (note_parse_line(line, today, &p, &err) != RP_OK ||
	    record_note(in, &fixture_clock, meeting, 0, phase, &p, &id, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
	return id;
}

static int64_t
say(int64_t meeting, const char *line)
{
	return say_in(st, meeting, NOTE_PHASE_LIVE, line);
}

static void
setup(void)
{
	rp_error err = {0};
	agenda_spec items[1] = {{"Budget review", 15}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 1};

	st = fixture_store();
	fixture_now = 1795687200 - 30 * 86400;
	client_add(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, &zoe, &err);
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &acme, &err);
	args.client_id = zoe;
	meeting_plan(st, &fixture_clock, &args, &m1, &err);
	meeting_start(st, &fixture_clock, m1, &err);
	say(m1, "! worried the API slips");
	say(m1, "they met Mme Lefèvre's équipe");
	say(m1, "> send the API plan @me");
	fixture_now += 86400;
	fact_add(st, &fixture_clock, zoe, FACT_TRAVEL, "back from a trip to Bali", m1, 0, NULL, &err);
	args.client_id = acme;
	fixture_now += 10 * 86400;
	meeting_plan(st, &fixture_clock, &args, &m2, &err);
	meeting_start(st, &fixture_clock, m2, &err);
	say(m2, "+ an API for the warehouse, an api, API API");
	say(m2, "~ private thought about the API");
}

/* "what@client" of each hit, joined with spaces. */
static const char *
hits(const char *query, enum search_order order)
{
	static char buf[1024];
	search_result *r = NULL;
	rp_error err = {0};

	if (search_run(st, query, order, 50, &r, &err) != RP_OK) {
		snprintf(buf, sizeof buf, "error: %s", err.msg);
		return buf;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < r->nhits; i++) {
		char one[128];

		snprintf(one, sizeof one, "%s%s@%lld", i ? " " : "", r->hits[i].what,
			 (long long)r->hits[i].client_id);
		strncat(buf, one, sizeof buf - strlen(buf) - 1);
	}
	search_free(r);
	return buf;
}

static void
finds_every_kind_of_text(void)
{
	CHECK_STR(hits("bali", SEARCH_NEWEST), "fact@1");
	CHECK_STR(hits("budget", SEARCH_NEWEST), "agenda@2 agenda@1");
	CHECK_STR(hits("acme", SEARCH_NEWEST), "client@2");
	/* Notes and private notes (the database is the user's); the action's
	** follow-up says what the action says: listed once, as the note. */
	CHECK_STR(hits("api", SEARCH_NEWEST), "private@2 need@2 action@1 concern@1");
}

static void
accents_and_case_do_not_matter(void)
{
	CHECK_STR(hits("lefevre", SEARCH_NEWEST), "note@1 client@1");
	CHECK_STR(hits("LEFÈVRE", SEARCH_NEWEST), "note@1 client@1");
	CHECK_STR(hits("equipe", SEARCH_NEWEST), "note@1");
	CHECK_STR(hits("zoe", SEARCH_NEWEST), "client@1");
}

static void
best_first_ranks_by_relevance(void)
{
	/* The need says API four times: it ranks first. */
	const char *best = hits("api", SEARCH_BEST);

	CHECK(strncmp(best, "need@2", 6) == 0);
}

static void
snippets_mark_the_match(void)
{
	search_result *r = NULL;
	rp_error err = {0};

	CHECK(search_run(st, "slips", SEARCH_NEWEST, 50, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 1);
	if (r && r->nhits == 1) {
		CHECK_STR(r->hits[0].snippet, "worried the API \x02slips\x03");
		CHECK_INT(r->hits[0].meeting_id, m1);
		CHECK(r->hits[0].note_id > 0);
		CHECK_STR(r->hits[0].client, "Zoë Lefèvre SARL");
	}
	search_free(r);
}

static void
prefixes_phrases_and_operators(void)
{
	CHECK_STR(hits("war*", SEARCH_NEWEST), "need@2");
	CHECK_STR(hits("\"the API slips\"", SEARCH_NEWEST), "concern@1");
	CHECK_STR(hits("api NOT warehouse NOT private", SEARCH_NEWEST), "action@1 concern@1");
	CHECK_STR(hits("nothingmatches", SEARCH_NEWEST), "");
}

static void
ordinary_words_with_punctuation_are_found(void)
{
	say(m2, "? can we self-host it, version 2.0");
	CHECK_STR(hits("self-host", SEARCH_NEWEST), "question@2");
	CHECK_STR(hits("2.0", SEARCH_NEWEST), "question@2");
	CHECK_STR(hits("self-host OR warehouse", SEARCH_NEWEST), "question@2 need@2");
	CHECK_STR(hits("self-h*", SEARCH_NEWEST), "question@2");
}

static void
a_query_it_cannot_read_is_said_plainly(void)
{
	CHECK_STR(hits("\"unclosed", SEARCH_NEWEST),
		  "error: search: cannot understand \"\"unclosed\" (use words, \"a phrase\", OR, NOT,"
		  " or a prefix*)");
	CHECK_STR(hits("AND", SEARCH_NEWEST),
		  "error: search: cannot understand \"AND\" (use words, \"a phrase\", OR, NOT, or a"
		  " prefix*)");
	CHECK_STR(hits("   ", SEARCH_NEWEST), "error: search: the query is empty");
	CHECK_STR(hits("\xff", SEARCH_NEWEST), "error: search: the query is not valid UTF-8");
}

static void
stored_escapes_are_neutralised(void)
{
	search_result *r = NULL;
	rp_error err = {0};

	sqlite3_exec(store_db(st), "UPDATE notes SET text = 'evil ' || char(27) || '[2J slips' WHERE"
				   " text = 'worried the API slips'", NULL, NULL, NULL);
	CHECK(search_run(st, "evil", SEARCH_NEWEST, 50, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 1 && strchr(r->hits[0].snippet, 27) == NULL);
	search_free(r);
}

/* "#budget" is the topic tag: notes tagged with it, not every "budget". */
static void
a_topic_finds_the_tagged_notes(void)
{
	search_result *r = NULL;
	rp_error err = {0};

	say(m1, "+ trim the #budget by March");
	say(m2, "the budget talk went fine");
	say(m2, "= #Budget approved #q3");
	CHECK_STR(hits("budget", SEARCH_NEWEST), "decision@2 note@2 need@1 agenda@2 agenda@1");
	CHECK_STR(hits("#budget", SEARCH_NEWEST), "decision@2 need@1");
	CHECK_STR(hits("#BUDGET", SEARCH_NEWEST), "decision@2 need@1");
	CHECK_INT(strlen(hits("#budget", SEARCH_BEST)), strlen("decision@2 need@1"));
	CHECK_STR(hits("#budget approved", SEARCH_NEWEST), "decision@2");
	CHECK_STR(hits("march #budget", SEARCH_NEWEST), "need@1");
	CHECK_STR(hits("#budget #q3", SEARCH_NEWEST), "decision@2");
	CHECK_STR(hits("#budget #budget,", SEARCH_NEWEST), "decision@2 need@1");
	CHECK_STR(hits("#q3 #march", SEARCH_NEWEST), "");
	CHECK_STR(hits("#nosuchtopic", SEARCH_NEWEST), "");
	CHECK_STR(hits("#budget \"unclosed", SEARCH_NEWEST),
		  "error: search: cannot understand \"#budget \"unclosed\" (use words, \"a phrase\","
		  " OR, NOT, or a prefix*)");
	CHECK(search_run(st, "#budget", SEARCH_NEWEST, 50, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 2);
	if (r && r->nhits == 2)
		CHECK_STR(r->hits[0].snippet, "#\x02" "Budget\x03 approved #q3");
	search_free(r);
}

/* An over-long #topic in a query is cut as the note parser cuts it (63
** letters, then é that does not fit, then z that is not taken either), so
** it names the tag the note holds. */
static void
an_over_long_topic_is_cut_as_in_notes(void)
{
#define L63 "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc"
	say(m1, "= #" L63 "\xC3\xA9z means " L63);
	CHECK_STR(hits("#" L63 "\xC3\xA9z", SEARCH_NEWEST), "decision@1");
	CHECK_STR(hits("#" L63, SEARCH_NEWEST), "decision@1");
	CHECK_STR(hits("#" L63 "z", SEARCH_NEWEST), "");
#undef L63
}

static void
hits_say_when_their_client_is_archived(void)
{
	search_result *r = NULL;
	rp_error err = {0};

	CHECK(client_archive(st, &fixture_clock, acme, &err) == RP_OK);
	CHECK_STR(hits("api", SEARCH_NEWEST), "private@2 need@2 action@1");
	CHECK(search_run(st, "api", SEARCH_NEWEST, 50, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 3);
	if (r && r->nhits == 3) {
		CHECK(r->hits[0].client_archived);   /* Acme's */
		CHECK(r->hits[1].client_archived);
		CHECK(!r->hits[2].client_archived);  /* Zoë's */
	}
	search_free(r);
	CHECK(client_restore(st, acme, &err) == RP_OK);
	CHECK(search_run(st, "warehouse", SEARCH_NEWEST, 50, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 1 && !r->hits[0].client_archived);
	search_free(r);
}

/* Best first ranks the newest 2,000 matches, whatever the history's size:
** an old note that says the word four times is not among them once 2,000
** newer notes say it too. */
static void
best_first_ranks_the_newest_matches(void)
{
	store *big = fixture_store();
	store *saved = st;
	rp_error err = {0};
	meeting_plan_args args = {.title = "History"};
	sqlite3_stmt *ins = NULL;
	int64_t northwind, meeting;
	search_result *r = NULL;

	client_add(big, &fixture_clock, "Northwind", NULL, 5, 14, &northwind, &err);
	args.client_id = northwind;
	meeting_plan(big, &fixture_clock, &args, &meeting, &err);
	meeting_start(big, &fixture_clock, meeting, &err);
	CHECK(sqlite3_exec(store_db(big), "BEGIN", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(sqlite3_prepare_v2(store_db(big),
				 "INSERT INTO notes (meeting_id, at, kind, text) VALUES (?1, ?2, ?3, ?4)",
				 -1, &ins, NULL) == SQLITE_OK);
	for (int i = 0; ins && i <= 2000; i++) {
		sqlite3_bind_int64(ins, 1, meeting);
		sqlite3_bind_int64(ins, 2, fixture_now + i);
		sqlite3_bind_text(ins, 3, i == 0 ? "need" : "note", -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 4, i == 0 ? "API API API API" : "the API came up again", -1,
				  SQLITE_STATIC);
		CHECK_INT(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	CHECK(sqlite3_exec(store_db(big), "COMMIT", NULL, NULL, NULL) == SQLITE_OK);
	st = big;
	CHECK(search_run(st, "api", SEARCH_BEST, 50, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 50);
	for (size_t i = 0; r && i < r->nhits; i++)
		CHECK_STR(r->hits[i].what, "note");
	search_free(r);
	/* Newest first still reaches it, past the others. */
	CHECK(search_run(st, "api", SEARCH_NEWEST, 2001, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 2001 && strcmp(r->hits[2000].what, "need") == 0);
	search_free(r);
	st = saved;
	store_close(big);
}

/* Best first is BM25 among the newest matches: a word rare among them
** weighs more than a common one, a short text more than a long one saying
** it as often, and texts that score the same come newest first, each with
** its snippet marked. */
static void
best_first_weighs_words_among_the_matches(void)
{
	static const char *const texts[] = {
		"budget plan for the regional rollout",     /* oldest */
		"budget plan for the regional rollout",
		"vendor review",
		"budget review",
		"budget plan for the regional rollout",     /* newest */
	};
	store *saved = st;
	rp_error err = {0};
	meeting_plan_args args = {.title = "Weekly"};
	int64_t northwind, meeting, id[5];
	search_result *r = NULL;
	int want[] = {2, 3, 4, 1, 0};

	st = fixture_store();
	client_add(st, &fixture_clock, "Northwind", NULL, 5, 14, &northwind, &err);
	args.client_id = northwind;
	meeting_plan(st, &fixture_clock, &args, &meeting, &err);
	meeting_start(st, &fixture_clock, meeting, &err);
	for (int i = 0; i < 5; i++)
		id[i] = say(meeting, texts[i]);
	CHECK(search_run(st, "vendor OR budget", SEARCH_BEST, 50, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 5);
	for (size_t i = 0; r && i < r->nhits && i < 5; i++) {
		CHECK_INT(r->hits[i].note_id, id[want[i]]);
		CHECK(strchr(r->hits[i].snippet, SEARCH_MARK_ON) != NULL);
		CHECK(i == 0 || r->hits[i - 1].rank <= r->hits[i].rank);
	}
	search_free(r);
	/* Fewer asked than found: the best of them. */
	CHECK(search_run(st, "vendor OR budget", SEARCH_BEST, 2, &r, &err) == RP_OK);
	CHECK(r && r->nhits == 2 && r->hits[0].note_id == id[2] && r->hits[1].note_id == id[3]);
	search_free(r);
	store_close(st);
	st = saved;
}

static int64_t
one_int(store *in, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	int64_t v = -1;

	if (sqlite3_prepare_v2(store_db(in), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* The index is whole: FTS5 finds what it holds to be what its rows say
** (rank 1: checked against the text, not only within the index). */
static bool
index_whole(store *in)
{
	return sqlite3_exec(store_db(in),
			    "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)",
			    NULL, NULL, NULL) == SQLITE_OK;
}

/* A line said once is found once: the fact a personal note makes and the
** follow-up an action makes say what the note says, and only the note is
** indexed.  One that stops saying it, by its own edit or its note's (in
** rapport or another program), is found again on its own, and leaves the
** index when it says it again; the index stays whole throughout. */
static void
a_line_said_once_is_found_once(void)
{
	static const rp_date today = {2026, 11, 26};
	store *mine = fixture_store(), *saved = st;
	rp_error err = {0};
	meeting_plan_args args = {.title = "Sync"};
	int64_t globex, meeting, personal, action, fact;
	parsed_note p;

	client_add(mine, &fixture_clock, "Globex", NULL, 5, 14, &globex, &err);
	args.client_id = globex;
	meeting_plan(mine, &fixture_clock, &args, &meeting, &err);
	meeting_start(mine, &fixture_clock, meeting, &err);
	st = mine;
	personal = say_in(mine, meeting, NOTE_PHASE_LIVE, "* loves sailing in Brittany");
	action = say_in(mine, meeting, NOTE_PHASE_LIVE, "> @anna book the sailing trip ^fri");
	fact = one_int(mine, "SELECT id FROM facts");
	CHECK_INT(one_int(mine, "SELECT count(*) FROM followups WHERE text = 'book the sailing trip'"),
		  1);
	CHECK_STR(hits("sailing", SEARCH_NEWEST), "action@1 personal@1");
	CHECK_STR(hits("sailing", SEARCH_BEST), "personal@1 action@1");
	/* A prep note is not searched: its follow-up is. */
	say_in(mine, meeting, NOTE_PHASE_PREP, "> bring the kayak brochure");
	CHECK_STR(hits("kayak", SEARCH_NEWEST), "follow-up@1");

	/* The fact edited to say more: found on its own; said as the note
	** again: once. */
	CHECK(fact_edit(mine, fact, FACT_HOBBY, "loves sailing and kayaks", &err) == RP_OK);
	CHECK_STR(hits("sailing", SEARCH_NEWEST), "fact@1 action@1 personal@1");
	CHECK_STR(hits("kayaks", SEARCH_NEWEST), "fact@1");
	CHECK(fact_edit(mine, fact, FACT_HOBBY, "loves sailing in Brittany", &err) == RP_OK);
	CHECK_STR(hits("sailing", SEARCH_NEWEST), "action@1 personal@1");
	CHECK(index_whole(mine));

	/* The action edited: its follow-up follows, still said once. */
	CHECK(note_parse_line("> @anna book the sailing trip and the ferry ^fri", today, &p,
			      &err) == RP_OK);
	CHECK(record_note_replace(mine, &fixture_clock, action, &p, &err) == RP_OK);
	CHECK_STR(hits("ferry", SEARCH_NEWEST), "action@1");
	CHECK(index_whole(mine));

	/* Another program edits a note: what hangs on it is put right. */
	CHECK(sqlite3_exec(store_db(mine), "UPDATE notes SET text = 'likes the sea'"
			   " WHERE kind = 'personal'", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_STR(hits("brittany", SEARCH_NEWEST), "fact@1");
	CHECK_STR(hits("sea", SEARCH_NEWEST), "personal@1");
	CHECK(sqlite3_exec(store_db(mine), "UPDATE notes SET text = 'loves sailing in Brittany'"
			   " WHERE kind = 'personal'", NULL, NULL, NULL) == SQLITE_OK);
	CHECK_STR(hits("brittany", SEARCH_NEWEST), "personal@1");
	CHECK(sqlite3_exec(store_db(mine), "UPDATE followups SET text = 'call the marina'"
			   " WHERE note_id IS NOT NULL AND text LIKE 'book%'", NULL, NULL, NULL)
	      == SQLITE_OK);
	CHECK_STR(hits("marina", SEARCH_NEWEST), "follow-up@1");
	CHECK(index_whole(mine));
	/* A note deleted with foreign keys off (another program): its fact,
	** left behind, is found. */
	CHECK(sqlite3_exec(store_db(mine), "PRAGMA foreign_keys = OFF;"
			   " DELETE FROM notes WHERE kind = 'personal'; PRAGMA foreign_keys = ON",
			   NULL, NULL, NULL) == SQLITE_OK);
	CHECK_STR(hits("brittany", SEARCH_NEWEST), "fact@1");
	CHECK(index_whole(mine));

	/* Deleted through rapport, a note takes its follow-up along. */
	CHECK(record_note_delete(mine, action, &err) == RP_OK);
	CHECK_STR(hits("marina", SEARCH_NEWEST), "");
	CHECK_STR(hits("ferry", SEARCH_NEWEST), "");
	CHECK(index_whole(mine));
	CHECK_INT(one_int(mine, "SELECT count(*) FROM search_map m"
			  " WHERE m.src = 1 AND NOT EXISTS (SELECT 1 FROM facts WHERE id = m.ref)"), 0);
	(void)personal;
	st = saved;
	store_close(mine);
}

int
main(void)
{
	setup();
	RUN(finds_every_kind_of_text);
	RUN(accents_and_case_do_not_matter);
	RUN(best_first_ranks_by_relevance);
	RUN(snippets_mark_the_match);
	RUN(prefixes_phrases_and_operators);
	RUN(ordinary_words_with_punctuation_are_found);
	RUN(a_query_it_cannot_read_is_said_plainly);
	RUN(stored_escapes_are_neutralised);
	RUN(a_topic_finds_the_tagged_notes);
	RUN(an_over_long_topic_is_cut_as_in_notes);
	RUN(hits_say_when_their_client_is_archived);
	RUN(best_first_ranks_the_newest_matches);
	RUN(best_first_weighs_words_among_the_matches);
	RUN(a_line_said_once_is_found_once);
	store_close(st);
	return tap_done();
}
