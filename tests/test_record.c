/* test_record.c: notes with their facts and follow-ups, touchpoints, talk. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/record.h"
#include "tap.h"

static const rp_date thursday = {2026, 11, 26};

static const char *
one_text(store *st, const char *sql)
{
	static char buf[512];
	sqlite3_stmt *stmt;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
		snprintf(buf, sizeof buf, "%s", sqlite3_column_text(stmt, 0));
	else if (sqlite3_errcode(store_db(st)) != SQLITE_OK &&
		 sqlite3_errcode(store_db(st)) != SQLITE_ROW &&
		 sqlite3_errcode(store_db(st)) != SQLITE_DONE)
		snprintf(buf, sizeof buf, "error: %s", sqlite3_errmsg(store_db(st)));
	sqlite3_finalize(stmt);
	return buf;
}

/* A live meeting with Acme; sets *meeting. */
static store *
live(int64_t *meeting)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec items[1] = {{"Budget", 15}};
	meeting_plan_args args = {.title = "Weekly", .items = items, .nitems = 1};

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, meeting, &err);
	meeting_start(st, &fixture_clock, *meeting, &err);
	return st;
}

/* Parse line and record it; returns the status of record_note. */
static enum rp_status
note(store *st, int64_t meeting, int64_t item, const char *line)
{
	parsed_note *p = malloc(sizeof *p);
	rp_error err = {0};
	enum rp_status s;

	if (note_parse_line(line, thursday, p, &err) != RP_OK) {
		tap_fail(__FILE__, __LINE__, "cannot parse \"%s\": %s", line, err.msg);
		free(p);
		return err.status;
	}
	s = record_note(st, &fixture_clock, meeting, item, NOTE_PHASE_LIVE, p, NULL, &err);
	free(p);
	return s;
}

static void
every_kind_is_stored_with_its_topics(void)
{
	int64_t m, item;
	rp_error err = {0};
	store *st = live(&m);

	agenda_item_at(st, m, 1, &item, &err);
	CHECK(note(st, m, item, "they reorganised the sales team") == RP_OK);
	CHECK(note(st, m, item, "+ export to Excel by March #export") == RP_OK);
	CHECK(note(st, m, item, "! worried the #API slips") == RP_OK);
	CHECK(note(st, m, 0, "? can we self-host") == RP_OK);
	CHECK(note(st, m, 0, "= phased rollout") == RP_OK);
	CHECK(note(st, m, 0, "\" we can't afford another slip") == RP_OK);
	CHECK(note(st, m, 0, "~ they seem tense about budget") == RP_OK);
	CHECK_STR(one_text(st, "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM notes"
			       " ORDER BY id)"),
		  "note need concern question decision quote private");
	CHECK_STR(one_text(st, "SELECT text FROM notes WHERE kind = 'concern'"),
		  "worried the #API slips");
	CHECK_STR(one_text(st, "SELECT group_concat(topic, ' ') FROM (SELECT topic FROM"
			       " note_topics ORDER BY topic)"),
		  "api export");
	CHECK_STR(one_text(st, "SELECT count(*) FROM notes WHERE item_id IS NOT NULL"), "3");
	CHECK_STR(one_text(st, "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'slips'"),
		  "1");
	store_close(st);
}

static void
a_personal_note_becomes_a_fact(void)
{
	int64_t m;
	store *st = live(&m);

	CHECK(note(st, m, 0, "* back from business trip to Bali, loved it") == RP_OK);
	CHECK(note(st, m, 0, "* runs the Paris marathon in April") == RP_OK);
	CHECK(note(st, m, 0, "* has a new puppy") == RP_OK);
	CHECK_STR(one_text(st, "SELECT group_concat(kind || ':' || text, '|') FROM (SELECT * FROM"
			       " facts ORDER BY id)"),
		  "travel:back from business trip to Bali, loved it|"
		  "sport:runs the Paris marathon in April|family:has a new puppy");
	CHECK_STR(one_text(st, "SELECT count(*) FROM facts WHERE meeting_id IS NOT NULL AND"
			       " note_id IS NOT NULL AND learned_at = 1795687200 AND client_id = 1"),
		  "3");
	store_close(st);
}

static void
an_action_becomes_a_followup(void)
{
	int64_t m;
	store *st = live(&m);

	CHECK(note(st, m, 0, "> send revised plan @me ^fri") == RP_OK);
	CHECK(note(st, m, 0, "> book the demo room ^+2w") == RP_OK);
	CHECK(note(st, m, 0, "> call Bob ^someday") == RP_OK);
	CHECK_STR(one_text(st, "SELECT group_concat(text || '/' || coalesce(owner, '-') || '/' ||"
			       " coalesce(due, '-') || '/' || status, '|') FROM (SELECT * FROM"
			       " followups ORDER BY id)"),
		  "send revised plan/me/2026-11-27/open|book the demo room/-/2026-12-10/open|"
		  "call Bob ^someday/-/-/open");
	/* The note keeps what was typed. */
	CHECK_STR(one_text(st, "SELECT text FROM notes ORDER BY id LIMIT 1"),
		  "send revised plan @me ^fri");
	/* Deleting the note takes its follow-up with it. */
	sqlite3_exec(store_db(st), "DELETE FROM notes WHERE id = 1", NULL, NULL, NULL);
	CHECK_STR(one_text(st, "SELECT count(*) FROM followups"), "2");
	store_close(st);
}

static void
a_note_needs_a_meeting(void)
{
	store *st = fixture_store();
	parsed_note p;
	rp_error err = {0};

	CHECK(note_parse_line("hello", thursday, &p, &err) == RP_OK);
	CHECK(record_note(st, &fixture_clock, 42, 0, NOTE_PHASE_LIVE, &p, NULL, &err) ==
	      RP_ENOTFOUND);
	CHECK_STR(one_text(st, "SELECT count(*) FROM notes"), "0");
	store_close(st);
}

static void
touchpoints_are_checked_and_kept(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t c;

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &c, &err);
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_EMAIL, " emailed the deck ", NULL, &err) ==
	      RP_OK);
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_OTHER, "", NULL, &err) == RP_EINVAL);
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_OTHER, "x\x1b]0;pwned\x07", NULL, &err) ==
	      RP_EINVAL);
	CHECK(record_touch(st, &fixture_clock, c, (enum touch_kind)9, "odd", NULL, &err) ==
	      RP_EINVAL);
	CHECK_STR(one_text(st, "SELECT group_concat(kind || ':' || text, '|') FROM touchpoints"),
		  "email:emailed the deck");
	store_close(st);
}

/* The rows of touchpoints, and what the search index holds of them. */
static const char *
touch_rows(store *st)
{
	static char buf[1024];

	snprintf(buf, sizeof buf, "%s", one_text(st,
		"SELECT group_concat(id || ' ' || kind || ':' || text || ' @' || at, '|')"
		" FROM (SELECT * FROM touchpoints ORDER BY id)"));
	snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " / %s", one_text(st,
		"SELECT group_concat(f.text, '|') FROM search_map s JOIN search_fts f"
		" ON f.rowid = s.fts WHERE s.src = 5 ORDER BY s.ref"));
	return buf;
}

/* A touchpoint logged by mistake is corrected or removed; the search
** index and the last contact follow; an unknown id changes nothing. */
static void
touchpoints_are_corrected_and_removed(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	touch_gone gone = {0};
	int64_t c, other, first, second, third;
	client cl;
	char before[1024];

	fixture_now = 1795687200;
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &c, &err);
	client_add(st, &fixture_clock, "Other", NULL, 5, 14, &other, &err);
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_EMAIL, "the deck", &first, &err) == RP_OK);
	fixture_now += 86400;
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_CALL, "budget", &second, &err) == RP_OK);
	CHECK(record_touch(st, &fixture_clock, other, TOUCH_CALL, "not Acme", &third, &err) ==
	      RP_OK);

	CHECK(record_touch_edit(st, first, TOUCH_MESSAGE, " the new deck ", &err) == RP_OK);
	CHECK_STR(touch_rows(st), "1 message:the new deck @1795687200|2 call:budget @1795773600|"
				  "3 call:not Acme @1795773600 / the new deck|budget|not Acme");
	strcpy(before, touch_rows(st));
	CHECK(record_touch_edit(st, 99, TOUCH_CALL, "x", &err) == RP_ENOTFOUND);
	CHECK_STR(err.msg, "no touchpoint 99");
	CHECK(record_touch_edit(st, first, TOUCH_CALL, "", &err) == RP_EINVAL);
	CHECK(record_touch_edit(st, first, (enum touch_kind)9, "x", &err) == RP_EINVAL);
	CHECK(record_touch_delete(st, 99, &err) == RP_ENOTFOUND);
	CHECK_STR(err.msg, "no touchpoint 99");
	CHECK(record_touch_undo(st, 99, &gone, &err) == RP_ENOTFOUND);
	CHECK_STR(touch_rows(st), before);

	/* The newest of Acme's, the last logged of two at one time. */
	CHECK(record_touch_undo(st, c, &gone, &err) == RP_OK);
	CHECK(gone.id == second && gone.kind == TOUCH_CALL && gone.at == 1795773600);
	CHECK_STR(gone.text ? gone.text : "(null)", "budget");
	free(gone.text);
	CHECK(client_get(st, c, &cl, &err) == RP_OK && cl.last_contact == 1795687200);
	CHECK(record_touch_delete(st, first, &err) == RP_OK);
	CHECK(client_get(st, c, &cl, &err) == RP_OK && cl.last_contact == 0);
	CHECK_STR(touch_rows(st), "3 call:not Acme @1795773600 / not Acme");
	CHECK(record_touch_undo(st, c, NULL, &err) == RP_ENOTFOUND);
	store_close(st);
}

/* A kind word opening the text, English or French, accents aside; any
** other text is kept whole. */
static void
touch_kinds_read_from_the_text(void)
{
	enum touch_kind k = TOUCH_OTHER;

	CHECK_STR(touch_kind_lead("call: budget", &k), "budget");
	CHECK(k == TOUCH_CALL);
	CHECK_STR(touch_kind_lead("Courriel:  le devis", &k), "le devis");
	CHECK(k == TOUCH_EMAIL);
	CHECK_STR(touch_kind_lead("Téléphone: relance", &k), "relance");
	CHECK(k == TOUCH_CALL);
	CHECK_STR(touch_kind_lead("appel : le devis", &k), "le devis");
	CHECK(k == TOUCH_CALL);
	CHECK_STR(touch_kind_lead("sms:ok", &k), "ok");
	CHECK(k == TOUCH_MESSAGE);
	k = TOUCH_OTHER;
	CHECK_STR(touch_kind_lead("Re: the budget", &k), "Re: the budget");
	CHECK_STR(touch_kind_lead("sent it at 10:30", &k), "sent it at 10:30");
	CHECK_STR(touch_kind_lead(": x", &k), ": x");
	CHECK(k == TOUCH_OTHER);
	CHECK(touch_kind_from_name("APPEL") == TOUCH_CALL);
	CHECK(touch_kind_from_name("fax") == -1);
	CHECK(touch_kind_from_name("\xff") == -1);
	CHECK_STR(touch_kind_name(TOUCH_MESSAGE), "message");
	CHECK(touch_kind_name((enum touch_kind)4) == NULL);
}

static void
talk_time_adds_up_per_side(void)
{
	int64_t m, you = -1, them = -1;
	rp_error err = {0};
	store *st = live(&m);

	fixture_now = 1000;
	CHECK(record_talk(st, &fixture_clock, m, TALK_CLIENT, &err) == RP_OK);
	fixture_now = 1100;
	CHECK(record_talk(st, &fixture_clock, m, TALK_YOU, &err) == RP_OK);
	fixture_now = 1130;
	CHECK(record_talk(st, &fixture_clock, m, TALK_CLIENT, &err) == RP_OK);
	fixture_now = 1200;
	CHECK(record_talk_totals(st, &fixture_clock, m, &you, &them, &err) == RP_OK);
	CHECK_INT(you, 30);
	CHECK_INT(them, 170);  /* 100 closed + 70 running */
	CHECK(meeting_end(st, &fixture_clock, m, &err) == RP_OK);
	fixture_now = 5000;  /* ended: the clock no longer counts */
	CHECK(record_talk_totals(st, &fixture_clock, m, &you, &them, &err) == RP_OK);
	CHECK_INT(them, 170);
	/* A window still showing it live (another window ended it) adds
	** nothing: the talk of an ended meeting stays as it ended. */
	CHECK_INT(record_talk(st, &fixture_clock, m, TALK_YOU, &err), RP_EINVAL);
	fixture_now = 6000;
	CHECK(record_talk_totals(st, &fixture_clock, m, &you, &them, &err) == RP_OK);
	CHECK_INT(you, 30);
	CHECK_INT(them, 170);
	store_close(st);
}

/* The live screen's undo of a dismissal: the latest log of that key in
** that meeting goes, nothing else; a key never logged is RP_ENOTFOUND. */
static void
a_prompt_dismissal_is_taken_back(void)
{
	int64_t m, other;
	rp_error err = {0};
	store *st = live(&m);
	agenda_spec none[1] = {{"Other", 0}};
	meeting_plan_args args = {.client_id = 1, .title = "Other", .items = none, .nitems = 1};

	CHECK(meeting_plan(st, &fixture_clock, &args, &other, &err) == RP_OK);
	CHECK(record_prompt(st, &fixture_clock, m, 0, "reflect:n1", "It sounds like…",
			    PROMPT_USED, &err) == RP_OK);
	fixture_now += 10;
	CHECK(record_prompt(st, &fixture_clock, m, 0, "reflect:n1", "It sounds like…",
			    PROMPT_DISMISSED, &err) == RP_OK);
	CHECK(record_prompt(st, &fixture_clock, m, 0, "clarify:n1", "Clarify…",
			    PROMPT_DISMISSED, &err) == RP_OK);
	CHECK(record_prompt(st, &fixture_clock, other, 0, "reflect:n1", "It sounds like…",
			    PROMPT_DISMISSED, &err) == RP_OK);
	CHECK(record_prompt_undo(st, m, "reflect:n1", &err) == RP_OK);
	CHECK_STR(one_text(st, "SELECT group_concat(meeting_id || ' ' || key || ' ' || action, ', ')"
			       " FROM (SELECT * FROM prompt_log ORDER BY id)"),
		  "1 reflect:n1 used, 1 clarify:n1 dismissed, 2 reflect:n1 dismissed");
	CHECK(record_prompt_undo(st, m, "listen:1", &err) == RP_ENOTFOUND);
	CHECK_STR(one_text(st, "SELECT count(*) FROM prompt_log"), "3");
	store_close(st);
}

/* Edited, an action stays the same follow-up (its id is its calendar
** UID), with the new words, owner and due date; made another kind, it
** goes. */
static void
an_edited_action_keeps_its_followup(void)
{
	int64_t meeting = 0, nid;
	store *st = live(&meeting);
	parsed_note *p = malloc(sizeof *p);
	rp_error err = {0};

	CHECK_INT(note(st, meeting, 0, "> send the plan @me ^fri"), RP_OK);
	nid = atoll(one_text(st, "SELECT note_id FROM followups"));
	CHECK_STR(one_text(st, "SELECT id || ' ' || text || ' ' || owner || ' ' || due"
			       " FROM followups"), "1 send the plan me 2026-11-27");
	CHECK(p != NULL && note_parse_line("> send the revised plan @acme ^mon", thursday, p,
					   &err) == RP_OK);
	CHECK_INT(record_note_replace(st, &fixture_clock, nid, p, &err), RP_OK);
	CHECK_STR(one_text(st, "SELECT group_concat(id || ' ' || text || ' ' || owner || ' ' || due)"
			       " FROM followups"), "1 send the revised plan acme 2026-11-30");
	CHECK(note_parse_line("just a note now", thursday, p, &err) == RP_OK);
	CHECK_INT(record_note_replace(st, &fixture_clock, nid, p, &err), RP_OK);
	CHECK_STR(one_text(st, "SELECT count(*) FROM followups"), "0");
	free(p);
	store_close(st);
}

int
main(void)
{
	RUN(every_kind_is_stored_with_its_topics);
	RUN(a_personal_note_becomes_a_fact);
	RUN(an_action_becomes_a_followup);
	RUN(an_edited_action_keeps_its_followup);
	RUN(a_note_needs_a_meeting);
	RUN(touchpoints_are_checked_and_kept);
	RUN(touchpoints_are_corrected_and_removed);
	RUN(touch_kinds_read_from_the_text);
	RUN(talk_time_adds_up_per_side);
	RUN(a_prompt_dismissal_is_taken_back);
	return tap_done();
}
