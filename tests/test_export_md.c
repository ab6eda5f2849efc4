/* test_export_md.c: the Markdown recap of a fixed meeting, against a
** golden file (tests/data/recap.md).  GENERATE=1 rewrites the golden file
** from the output, to be reviewed by a person before it is committed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/export.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/recap.h"
#include "rapport/record.h"
#include "tap.h"

#define T0 1795687200  /* 2026-11-26 10:00 UTC, a Thursday */

static store *st;
static int64_t meeting;

static void
say(int64_t item, const char *line)
{
	static const rp_date today = {2026, 11, 26};
	parsed_note p;
	rp_error err = {0};

	fixture_now += 60;
	if (note_parse_line(line, today, &p, &err) != RP_OK ||
	    record_note(st, &fixture_clock, meeting, item, NOTE_PHASE_LIVE, &p, NULL, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
}

static void
setup(void)
{
	rp_error err = {0};
	agenda_spec items[2] = {{"Budget", 15}, {"Importer", 10}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 2};
	int64_t importer;

	st = fixture_store();
	fixture_now = T0 - 86400;
	client_add(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &meeting, &err);
	agenda_item_at(st, meeting, 2, &importer, &err);
	agenda_add_walkthrough(st, importer, "Alice", "built the importer", 960,
			       "the client's API keys", NULL, &err);
	agenda_add_walkthrough(st, importer, "Marc", "tested it on *real* data", 90, NULL, NULL,
			       &err);
	fixture_now = T0;
	meeting_start(st, &fixture_clock, meeting, &err);
	say(0, "* back from a business trip to Bali");
	say(0, "+ needs the export to Excel by March #export");
	say(0, "! worried the API slips #api");
	say(0, "? can we self-host the dashboard");
	say(0, "= go with the phased rollout");
	say(0, "= budget capped at 50_000 [EUR] #budget");
	say(0, "> send the revised plan @me ^fri");
	say(0, "> sign the contract @zoe");
	say(0, "> book a room ^2026-12-10");
	say(0, "> call Bob");
	say(0, "~ they seemed tense about the budget");
	say(0, "\" we can't afford another slip");
	fixture_now += 1800;
	meeting_end(st, &fixture_clock, meeting, &err);
}

static void
matches_the_golden_file(void)
{
	recap *r = NULL;
	rp_error err = {0};
	char *md = NULL, *golden;
	size_t len = 0;

	CHECK(recap_load(st, meeting, &r, &err) == RP_OK);
	if (r == NULL)
		return;
	CHECK(export_markdown(r, &md, &err) == RP_OK);
	if (md && getenv("GENERATE")) {
		FILE *f = fopen(GOLDEN, "w");

		if (f) {
			fputs(md, f);
			fclose(f);
		}
	}
	golden = fixture_slurp(GOLDEN, &len);
	CHECK(golden != NULL);
	if (md && golden && strcmp(md, golden) != 0)
		tap_fail(__FILE__, __LINE__, "the recap differs from %s:\n%s", GOLDEN, md);
	free(golden);
	free(md);
	recap_free(r);
}

static void
private_and_personal_never_leave(void)
{
	recap *r = NULL;
	rp_error err = {0};
	char *md = NULL;

	CHECK(recap_load(st, meeting, &r, &err) == RP_OK);
	CHECK(r && export_markdown(r, &md, &err) == RP_OK);
	CHECK(md && strstr(md, "tense") == NULL);      /* private */
	CHECK(md && strstr(md, "Bali") == NULL);       /* personal fact */
	CHECK(md && strstr(md, "afford") == NULL);     /* their words stay with you */
	free(md);
	recap_free(r);
}

static void
a_dropped_action_leaves_the_recap(void)
{
	recap *r = NULL;
	rp_error err = {0};
	char *md = NULL;

	CHECK(recap_load(st, meeting, &r, &err) == RP_OK);
	if (r == NULL)
		return;
	CHECK(record_followup_status(st, &fixture_clock, r->followups[3].id, FOLLOWUP_DROPPED,
				     &err) == RP_OK);
	recap_free(r);
	CHECK(recap_load(st, meeting, &r, &err) == RP_OK);
	CHECK(r && export_markdown(r, &md, &err) == RP_OK);
	CHECK(md && strstr(md, "Call Bob") == NULL);
	free(md);
	recap_free(r);
}

int
main(void)
{
	setenv("TZ", "Europe/Paris", 1);
	tzset();  /* the zone may already have been read (libfaketime does) */
	setup();
	RUN(matches_the_golden_file);
	RUN(private_and_personal_never_leave);
	RUN(a_dropped_action_leaves_the_recap);
	store_close(st);
	return tap_done();
}
