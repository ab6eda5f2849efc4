/* test_people.c: the people within a client, as a person sees them at
** 80x24: an action's @zoe typed live is Zoë's, a "Zoë:" fact is hers and
** Prep asks her about it by name; Prep adds, edits and removes people, and
** marks a fact done.  The real binary in a pseudo-terminal read through
** libvterm.
*/
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "steps.h"
#include "tap.h"


static term *
open_prep(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t = steps_start(argv, NULL, 24, 80);

	SEE(t, "rapport · clients");
	term_key(t, "Enter");
	SEE(t, "rapport · prep · Acme");
	return t;
}

static void
a_live_owner_is_a_person(void)
{
	const char *meet[] = {steps_bin, "meet", "acme", NULL};
	term *t;

	steps_use_db("live.db");
	steps_rapport("client add Acme");
	steps_rapport("person add acme 'Zoë Lefèvre' --role CFO");
	steps_rapport("person add acme 'Marc Dubois'");
	steps_rapport("person add acme 'Marc Durand'");
	t = steps_start(meet, NULL, 24, 80);
	SEE(t, "┌ Notes");
	/* Two Marcs: linked to neither, and said so over the line. */
	term_type(t, "> sign the order @marc\r");
	SEE(t, "Saved, linked to nobody");
	SEE(t, "Marc Dubois");
	term_type(t, "> send the revised plan @zoe ^fri\r");
	SEE(t, "send the revised plan");
	CHECK(term_wait_gone(t, "linked to nobody", 3000));
	term_type(t, "> book the room @moi\r");
	SEE(t, "book the room");
	term_type(t, "* Zoë: back from a holiday in Bali\r");
	SEE(t, "back from a holiday");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);

	CHECK_STR(steps_sql1("SELECT group_concat(f.owner || '=' || coalesce(p.name, '-'), ' ')"
			     " FROM followups f LEFT JOIN people p ON p.id = f.person_id"),
		  "marc=- zoe=Zoë Lefèvre moi=-");
	CHECK_STR(steps_sql1("SELECT p.name FROM facts f JOIN people p ON p.id = f.person_id"),
		  "Zoë Lefèvre");

	/* Prep says who owns it, and asks her by name. */
	t = open_prep();
	SEE(t, "send the revised plan · theirs @Zoë Lefèvre");
	SEE(t, "book the room · yours @moi");
	SEE(t, "Zoë, how was Bali?");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
prep_adds_edits_and_removes_people(void)
{
	term *t;

	steps_use_db("prep.db");
	steps_rapport("client add Acme");
	t = open_prep();
	/* People is the last section: Shift-Tab from the first one. */
	term_key(t, "BTab");
	SEE(t, "People: a add · e edit · x remove");
	SEE(t, "nobody yet: a adds one");
	term_type(t, "a");
	SEE(t, "Person (NAME | ROLE | EMAIL | PHONE):");
	term_type(t, "Zoë Lefèvre | CFO | zoe@acme.example\r");
	SEE(t, "Zoë Lefèvre · CFO · zoe@acme.example");
	CHECK_STR(steps_sql1("SELECT name || '|' || role || '|' || email || '|' ||"
			     " coalesce(phone, 'none') FROM people"),
		  "Zoë Lefèvre|CFO|zoe@acme.example|none");

	/* A bad email is said, and nothing changes. */
	term_type(t, "a");
	term_type(t, "Marc | PM | marc\r");
	SEE(t, "email marc does not look like name@example.com");
	CHECK_STR(steps_sql1("SELECT count(*) FROM people"), "1");
	/* Asked again with the line as typed, to be fixed, or Esc. */
	SEE(t, "Person (NAME | ROLE | EMAIL | PHONE): Marc | PM | marc");
	term_key(t, "Esc");
	CHECK(term_wait_gone(t, "Marc | PM | marc", 3000));
	/* A fifth field is not dropped unsaid. */
	term_type(t, "a");
	term_type(t, "Marc | PM | marc@acme.example | 01 | extra\r");
	SEE(t, "four fields at most: NAME | ROLE | EMAIL | PHONE");
	term_key(t, "Esc");
	CHECK_STR(steps_sql1("SELECT count(*) FROM people"), "1");

	term_type(t, "e");
	SEE(t, "Zoë Lefèvre | CFO | zoe@acme.example |");
	term_key(t, "C-u");
	term_type(t, "Zoë Lefèvre | Chief Financial Officer | zoe@acme.example | 01 23\r");
	SEE(t, "Zoë Lefèvre · Chief Financial Officer · zoe@acme.example · 01 23");

	term_type(t, "x");
	SEE(t, "Remove Zoë Lefèvre? Their follow-ups and facts stay. y / n:");
	term_type(t, "n");
	term_wait_quiet(t, 200, 2000);
	CHECK_STR(steps_sql1("SELECT count(*) FROM people"), "1");
	term_type(t, "x");
	SEE(t, "Remove Zoë Lefèvre?");
	term_type(t, "y");
	SEE(t, "nobody yet: a adds one");
	CHECK_STR(steps_sql1("SELECT count(*) FROM people"), "0");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
prep_marks_a_fact_done_and_until(void)
{
	char want[80];
	term *t;

	steps_use_db("stale.db");
	steps_rapport("client add Acme");
	steps_rapport("fact acme 'trip to Bali'");
	t = open_prep();
	SEE(t, "Any news on your trip to Bali?");
	term_type(t, "d");  /* the first fact row is selected */
	snprintf(want, sizeof want, "Bali  (%s) · done", steps_day(0));
	SEE(t, want);
	UNSEEN(t, "Any news on your trip to Bali?");
	CHECK(strcmp(steps_sql1("SELECT done_at IS NOT NULL FROM facts"), "1") == 0);
	term_type(t, "d");  /* again: current again */
	SEE(t, "Any news on your trip to Bali?");
	term_type(t, "w");
	SEE(t, "An opener until");
	term_type(t, "2026-11-25\r");  /* yesterday: over */
	SEE(t, "· until 2026-11-25, over");
	UNSEEN(t, "Any news on your trip to Bali?");
	term_type(t, "w");
	SEE(t, "An opener until (2027-01-31, eom; empty: for good): 2026-11-25");
	term_key(t, "C-u");
	term_type(t, "someday\r");
	SEE(t, "\"someday\" not understood");
	SEE(t, "· until 2026-11-25, over");  /* as it was */
	CHECK_STR(steps_sql1("SELECT until_date FROM facts"), "2026-11-25");
	/* Asked again, the text kept: what comes next is not taken for keys
	** (its e would edit the fact). */
	SEE(t, "An opener until (2027-01-31, eom; empty: for good): someday");
	term_key(t, "C-u");
	term_type(t, "\r");  /* empty: for good */
	CHECK(term_wait_gone(t, "An opener until", 3000));
	CHECK_STR(steps_sql1("SELECT until_date IS NULL FROM facts"), "1");
	SEE(t, "Any news on your trip to Bali?");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

int
main(void)
{
	const char *why = steps_init();

	if (why != NULL) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	RUN(a_live_owner_is_a_person);
	RUN(prep_adds_edits_and_removes_people);
	RUN(prep_marks_a_fact_done_and_until);
	return tap_done();
}
