/* test_person.c: the people within a client, and who an @owner names
** (person.h): the pure matching on plain names, then the stored people and
** the links a note, a fact or a new person makes, on a real database.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/person.h"
#include "rapport/record.h"
#include "tap.h"

static const char *const team[] = {"Zoë Lefèvre", "Marc Dubois", "Anne", "Anne-Marie Roy",
				   "Zola Martin"};
#define TEAM (sizeof team / sizeof team[0])

/* The one name query gives, or "" when none or several. */
static const char *
who(const char *query)
{
	size_t hit, n = person_match(query, team, TEAM, &hit, 1);

	return n == 1 ? team[hit] : "";
}

static size_t
count(const char *query)
{
	return person_match(query, team, TEAM, NULL, 0);
}

static void
match_accents_and_case(void)
{
	CHECK_STR(who("zoe"), "Zoë Lefèvre");
	CHECK_STR(who("Zoë"), "Zoë Lefèvre");
	CHECK_STR(who("ZOE"), "Zoë Lefèvre");
	CHECK_STR(who("zoë lefèvre"), "Zoë Lefèvre");
	CHECK_STR(who("ZOE LEFEVRE"), "Zoë Lefèvre");
	CHECK_STR(who("@marc"), "Marc Dubois");
}

static void
match_prefix_and_separators(void)
{
	CHECK_STR(who("zoe.l"), "Zoë Lefèvre");
	CHECK_STR(who("zoe_lefevre"), "Zoë Lefèvre");
	CHECK_STR(who("lef"), "Zoë Lefèvre");      /* a last name's start */
	CHECK_STR(who("dubois"), "Marc Dubois");
	CHECK_STR(who("ma"), "");                  /* Marc, Martin, Marie: several */
	CHECK_INT(count("ma"), 3);
	CHECK_STR(who("mar"), "");
	CHECK_STR(who("marc"), "Marc Dubois");     /* a first name beats prefixes */
	CHECK_STR(who("z"), "");                   /* one letter names nobody */
	CHECK_INT(count("z"), 0);
	CHECK_STR(who("l.zoe"), "");               /* words in their order only */
}

static void
match_whole_name_first(void)
{
	/* "Anne" is a whole name, and the first name of Anne-Marie. */
	CHECK_STR(who("anne"), "Anne");
	CHECK_STR(who("anne-marie"), "Anne-Marie Roy");
	CHECK_STR(who("anne.m"), "Anne-Marie Roy");
	CHECK_STR(who("roy"), "Anne-Marie Roy");
}

static void
match_ambiguous(void)
{
	static const char *const two[] = {"Zoë Lefèvre", "Zoé Martin"};
	size_t hits[4], n;

	n = person_match("zoe", two, 2, hits, 4);
	CHECK_INT(n, 2);
	CHECK_INT(hits[0], 0);
	CHECK_INT(hits[1], 1);
	CHECK_INT(person_match("zoe.m", two, 2, hits, 4), 1);
	CHECK_INT(hits[0], 1);
	CHECK_INT(person_match("zo", team, TEAM, hits, 4), 2);  /* Zoë and Zola */
	CHECK_INT(person_match("nobody", team, TEAM, hits, 4), 0);
	CHECK_INT(person_match("", team, TEAM, hits, 4), 0);
	CHECK_INT(person_match("zoe", team, 0, hits, 4), 0);
}

static void
owners_of_my_side_are_nobody(void)
{
	static const char *const odd[] = {"Me Ling", "Moira", "Nouria", "Usha", "Jean"};
	size_t i = 99;

	for (const char *const *o = (const char *const[]){"me", "Me", "moi", "MOI", "us", "nous",
							   "we", "je", "on", "i", NULL};
	     *o; o++) {
		CHECK(person_owner_is_mine(*o));
		CHECK(!person_owner_match(*o, odd, 5, &i));
	}
	CHECK(!person_owner_is_mine("zoe"));
	CHECK(person_owner_match("moira", odd, 5, &i));
	CHECK_INT(i, 1);
	CHECK(!person_owner_match("", odd, 5, &i));
	CHECK(!person_owner_match(NULL, odd, 5, &i));
	CHECK(!person_owner_match("zoe", team, 0, &i));
}

static void
fact_leads(void)
{
	char lead[64];
	const char *rest = NULL;

	CHECK(person_fact_lead("Zoë: back from Bali", lead, sizeof lead, &rest));
	CHECK_STR(lead, "Zoë");
	CHECK_STR(rest, "back from Bali");
	CHECK(person_fact_lead("  Zoë Lefèvre :  loves sushi", lead, sizeof lead, &rest));
	CHECK_STR(lead, "Zoë Lefèvre");
	CHECK_STR(rest, "loves sushi");
	CHECK(!person_fact_lead("back from Bali", lead, sizeof lead, &rest));
	CHECK(!person_fact_lead(": nothing before", lead, sizeof lead, &rest));
	CHECK(!person_fact_lead("she told us about her long trip: Bali", lead, sizeof lead,
				&rest));
}

static void
emails_loosely(void)
{
	rp_error err = {0};

	CHECK_INT(person_check_email("zoe@example.com", &err), RP_OK);
	CHECK_INT(person_check_email("zoë.lefèvre@exemple.fr", &err), RP_OK);
	CHECK_INT(person_check_email("zoe", &err), RP_EINVAL);
	CHECK(strstr(err.msg, "name@example.com") != NULL);
	CHECK_INT(person_check_email("@example.com", &err), RP_EINVAL);
	CHECK_INT(person_check_email("zoe@example", &err), RP_EINVAL);
	CHECK_INT(person_check_email("zoe@example.", &err), RP_EINVAL);
	CHECK_INT(person_check_email("zoe@@example.com", &err), RP_EINVAL);
	CHECK_INT(person_check_email("zoe @example.com", &err), RP_EINVAL);
	CHECK_INT(person_check_email("zoe@ex\x1b[2Jample.com", &err), RP_EINVAL);
}

/* ---- On a database ------------------------------------------------------ */

static const char *
one_text(store *st, const char *sql)
{
	static char buf[512];
	sqlite3_stmt *stmt;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		snprintf(buf, sizeof buf, "%s", sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	return buf;
}

static int64_t
add(store *st, int64_t cid, const char *name, const char *role, const char *email)
{
	person_fields f = {.name = name, .role = role, .email = email};
	rp_error err = {0};
	int64_t id = 0;

	if (person_add(st, &fixture_clock, cid, &f, &id, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "cannot add %s: %s", name, err.msg);
	return id;
}

static store *
acme(int64_t *cid)
{
	store *st = fixture_store();
	rp_error err = {0};

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, cid, &err);
	return st;
}

static void
add_list_edit_remove(void)
{
	int64_t c, other, zoe;
	person_fields f = {.name = "zoe lefevre"};
	person *list = NULL, found;
	size_t n = 0;
	rp_error err = {0};
	store *st = acme(&c);

	client_add(st, &fixture_clock, "Globex", NULL, 5, 14, &other, &err);
	zoe = add(st, c, " Zoë Lefèvre ", "CFO", "zoe@acme.example");
	add(st, c, "Marc Dubois", NULL, NULL);
	add(st, other, "Zoë Lefèvre", NULL, NULL);  /* another client's Zoë */

	CHECK_INT(person_add(st, &fixture_clock, c, &f, NULL, &err), RP_EEXIST);
	CHECK(strstr(err.msg, "already") != NULL);
	/* Nor one matching cannot tell from her: '-', '.', '_' read as blanks. */
	f = (person_fields){.name = "zoe-lefevre"};
	CHECK_INT(person_add(st, &fixture_clock, c, &f, NULL, &err), RP_EEXIST);
	f = (person_fields){.name = "Zoë.  Lefèvre"};
	CHECK_INT(person_add(st, &fixture_clock, c, &f, NULL, &err), RP_EEXIST);
	f = (person_fields){.name = "Bob", .email = "bob"};
	CHECK_INT(person_add(st, &fixture_clock, c, &f, NULL, &err), RP_EINVAL);
	f = (person_fields){.name = "  "};
	CHECK_INT(person_add(st, &fixture_clock, c, &f, NULL, &err), RP_EINVAL);
	f = (person_fields){.name = "Bob", .phone = "call me"};
	CHECK_INT(person_add(st, &fixture_clock, c, &f, NULL, &err), RP_EINVAL);

	CHECK_INT(person_list(st, c, &list, &n, &err), RP_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(list[0].name, "Marc Dubois");
		CHECK_STR(list[1].name, "Zoë Lefèvre");
		CHECK_STR(list[1].role, "CFO");
		CHECK_STR(list[1].email, "zoe@acme.example");
		CHECK_STR(list[1].phone, "");
	}
	free(list);

	f = (person_fields){.role = "", .phone = "+33 1 23 45 67 89"};
	CHECK_INT(person_edit(st, zoe, &f, &err), RP_OK);
	CHECK_INT(person_find(st, c, "zoe", &found, &err), RP_OK);
	CHECK_STR(found.role, "");
	CHECK_STR(found.email, "zoe@acme.example");
	CHECK_STR(found.phone, "+33 1 23 45 67 89");
	f = (person_fields){.name = "marc dubois"};
	CHECK_INT(person_edit(st, zoe, &f, &err), RP_EEXIST);
	CHECK_INT(person_find(st, c, "zoe", &found, &err), RP_OK);  /* unchanged */
	CHECK_STR(found.name, "Zoë Lefèvre");

	CHECK_INT(person_find(st, c, "nobody", &found, &err), RP_ENOTFOUND);
	CHECK_INT(person_remove(st, zoe, &err), RP_OK);
	CHECK_INT(person_remove(st, zoe, &err), RP_ENOTFOUND);
	CHECK_INT(person_find(st, c, "zoe", &found, &err), RP_ENOTFOUND);
	store_close(st);
}

static void
find_lists_the_candidates(void)
{
	int64_t c;
	person found;
	rp_error err = {0};
	store *st = acme(&c);

	add(st, c, "Zoë Lefèvre", NULL, NULL);
	add(st, c, "Zoé Martin", NULL, NULL);
	CHECK_INT(person_find(st, c, "zoe", &found, &err), RP_EAMBIGUOUS);
	CHECK(strstr(err.msg, "Zoë Lefèvre") != NULL && strstr(err.msg, "Zoé Martin") != NULL);
	CHECK_INT(person_find(st, c, "zoe.m", &found, &err), RP_OK);
	CHECK_STR(found.name, "Zoé Martin");
	store_close(st);
}

/* Parse and record a live note in meeting m. */
static void
note(store *st, int64_t m, const char *line)
{
	parsed_note *p = malloc(sizeof *p);
	rp_error err = {0};

	if (note_parse_line(line, (rp_date){2026, 11, 26}, p, &err) != RP_OK ||
	    record_note(st, &fixture_clock, m, 0, NOTE_PHASE_LIVE, p, NULL, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "cannot note \"%s\": %s", line, err.msg);
	free(p);
}

static int64_t
live_meeting(store *st, int64_t c)
{
	meeting_plan_args args = {.client_id = c, .title = "Weekly"};
	rp_error err = {0};
	int64_t m = 0;

	meeting_plan(st, &fixture_clock, &args, &m, &err);
	meeting_start(st, &fixture_clock, m, &err);
	return m;
}

static void
owners_are_linked(void)
{
	int64_t c, m, zoe;
	store *st = acme(&c);
	char want[32];

	zoe = add(st, c, "Zoë Lefèvre", NULL, NULL);
	m = live_meeting(st, c);
	note(st, m, "> send the plan @zoe ^fri");
	note(st, m, "> book the room @moi");
	note(st, m, "> call legal @bob");
	snprintf(want, sizeof want, "%lld", (long long)zoe);
	CHECK_STR(one_text(st, "SELECT person_id FROM followups WHERE owner = 'zoe'"), want);
	CHECK_STR(one_text(st, "SELECT count(*) FROM followups WHERE person_id IS NOT NULL"), "1");

	/* Bob joins later: his follow-up is his now; mine stays mine. */
	add(st, c, "Bob Stone", NULL, NULL);
	CHECK_STR(one_text(st, "SELECT p.name FROM followups f JOIN people p ON p.id ="
			   " f.person_id WHERE f.owner = 'bob'"), "Bob Stone");
	CHECK_STR(one_text(st, "SELECT coalesce(person_id, 'none') FROM followups"
			   " WHERE owner = 'moi'"), "none");

	/* Removing Zoë unlinks, keeps her follow-up. */
	person_remove(st, zoe, NULL);
	CHECK_STR(one_text(st, "SELECT coalesce(person_id, 'none') || ' ' || text FROM followups"
			   " WHERE owner = 'zoe'"), "none send the plan");
	store_close(st);
}

static void
facts_are_theirs(void)
{
	int64_t c, m, fact = 0;
	rp_error err = {0};
	store *st = acme(&c);

	add(st, c, "Zoë Lefèvre", NULL, NULL);
	m = live_meeting(st, c);
	note(st, m, "* Zoë: back from Bali");
	note(st, m, "* Note: the office moved");  /* "Note" is nobody */
	CHECK_STR(one_text(st, "SELECT p.name FROM facts f JOIN people p ON p.id = f.person_id"
			   " WHERE f.text LIKE '%Bali%'"), "Zoë Lefèvre");
	CHECK_STR(one_text(st, "SELECT count(*) FROM facts WHERE person_id IS NULL"), "1");

	/* A fact added before Marc was: linked when he is. */
	fact_add(st, &fixture_clock, c, FACT_SPORT, "Marc: runs marathons", 0, 0, &fact, &err);
	add(st, c, "Marc Dubois", NULL, NULL);
	CHECK_STR(one_text(st, "SELECT p.name FROM facts f JOIN people p ON p.id = f.person_id"
			   " WHERE f.text LIKE 'Marc%'"), "Marc Dubois");

	/* Edited (as Prep's e does) to name Zoë: hers; edited without a lead:
	** still hers. */
	fact_edit(st, fact, FACT_SPORT, "zoe: runs marathons", &err);
	CHECK_STR(one_text(st, "SELECT p.name FROM facts f JOIN people p ON p.id = f.person_id"
			   " WHERE f.text LIKE '%marathons'"), "Zoë Lefèvre");
	fact_edit(st, fact, FACT_SPORT, "runs marathons", &err);
	CHECK_STR(one_text(st, "SELECT p.name FROM facts f JOIN people p ON p.id = f.person_id"
			   " WHERE f.text LIKE '%marathons'"), "Zoë Lefèvre");
	store_close(st);
}

int
main(void)
{
	RUN(match_accents_and_case);
	RUN(match_prefix_and_separators);
	RUN(match_whole_name_first);
	RUN(match_ambiguous);
	RUN(owners_of_my_side_are_nobody);
	RUN(fact_leads);
	RUN(emails_loosely);
	RUN(add_list_edit_remove);
	RUN(find_lists_the_candidates);
	RUN(owners_are_linked);
	RUN(facts_are_theirs);
	return tap_done();
}
