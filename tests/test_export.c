/* test_export.c: a whole meeting as JSON, in the shape of DESIGN.md §5.1. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/export.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/record.h"
#include "tap.h"

#define T0 1795687200  /* 2026-11-26T10:00:00Z, a Thursday */

static void
say(store *st, int64_t meeting, int64_t item, int64_t at, const char *line)
{
	static const rp_date today = {2026, 11, 26};
	parsed_note *p = malloc(sizeof *p);
	rp_error err = {0};

	fixture_now = at;
	if (note_parse_line(line, today, p, &err) != RP_OK ||
	    record_note(st, &fixture_clock, meeting, item, NOTE_PHASE_LIVE, p, NULL, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "\"%s\": %s", line, err.msg);
	free(p);
}

/* The meeting of DESIGN.md §5.1, run for real. */
static store *
kickoff(int64_t *meeting)
{
	store *st = fixture_store();
	rp_error err = {0};
	agenda_spec items[2] = {{"Budget", 15}, {"Calendrier — étapes", 10}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 2,
				  .planned_minutes = 45};
	int64_t budget;

	fixture_now = T0 - 86400;
	client_add(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, meeting, &err);
	agenda_item_at(st, *meeting, 1, &budget, &err);
	agenda_add_walkthrough(st, budget, "Alice", "built the importer", 960, "client API keys",
			       NULL, &err);
	fixture_now = T0;
	meeting_start(st, &fixture_clock, *meeting, &err);
	record_talk(st, &fixture_clock, *meeting, TALK_CLIENT, &err);
	say(st, *meeting, 0, T0 + 120, "* back from business trip to Bali");
	agenda_start_item(st, &fixture_clock, budget, &err);
	fixture_now = T0 + 400;
	record_talk(st, &fixture_clock, *meeting, TALK_YOU, &err);
	say(st, *meeting, budget, T0 + 570, "! worried the API slips #api");
	fixture_now = T0 + 812;
	record_talk(st, &fixture_clock, *meeting, TALK_CLIENT, &err);
	say(st, *meeting, budget, T0 + 720, "> send revised plan @me ^fri");
	say(st, *meeting, budget, T0 + 730, "~ they seem tense about budget");
	agenda_set_status(st, &fixture_clock, budget, AGENDA_DONE, &err);
	fixture_now = T0 + 2472;
	meeting_end(st, &fixture_clock, *meeting, &err);
	return st;
}

static const char expected[] =
	"{\n"
	"  \"meeting\": {\n"
	"    \"id\": 1,\n"
	"    \"client\": \"Zoë Lefèvre SARL\",\n"
	"    \"title\": \"Kickoff\",\n"
	"    \"planned_at\": null,\n"
	"    \"started_at\": \"2026-11-26T10:00:00Z\",\n"
	"    \"ended_at\": \"2026-11-26T10:41:12Z\",\n"
	"    \"planned_minutes\": 45\n"
	"  },\n"
	"  \"agenda\": [\n"
	"    {\n"
	"      \"position\": 1,\n"
	"      \"title\": \"Budget\",\n"
	"      \"timebox_minutes\": 15,\n"
	"      \"status\": \"done\",\n"
	"      \"walkthrough\": [\n"
	"        {\n"
	"          \"member\": \"Alice\",\n"
	"          \"did\": \"built the importer\",\n"
	"          \"minutes\": 960,\n"
	"          \"depends_on\": \"client API keys\"\n"
	"        }\n"
	"      ]\n"
	"    },\n"
	"    {\n"
	"      \"position\": 2,\n"
	"      \"title\": \"Calendrier — étapes\",\n"
	"      \"timebox_minutes\": 10,\n"
	"      \"status\": \"pending\",\n"
	"      \"walkthrough\": []\n"
	"    }\n"
	"  ],\n"
	"  \"notes\": [\n"
	"    {\n"
	"      \"at\": \"2026-11-26T10:02:00Z\",\n"
	"      \"kind\": \"personal\",\n"
	"      \"text\": \"back from business trip to Bali\",\n"
	"      \"agenda_position\": null,\n"
	"      \"topics\": []\n"
	"    },\n"
	"    {\n"
	"      \"at\": \"2026-11-26T10:09:30Z\",\n"
	"      \"kind\": \"concern\",\n"
	"      \"text\": \"worried the API slips #api\",\n"
	"      \"agenda_position\": 1,\n"
	"      \"topics\": [\n"
	"        \"api\"\n"
	"      ]\n"
	"    },\n"
	"    {\n"
	"      \"at\": \"2026-11-26T10:12:00Z\",\n"
	"      \"kind\": \"action\",\n"
	"      \"text\": \"send revised plan @me ^fri\",\n"
	"      \"agenda_position\": 1,\n"
	"      \"topics\": []\n"
	"    }\n"
	"  ],\n"
	"  \"followups\": [\n"
	"    {\n"
	"      \"text\": \"send revised plan\",\n"
	"      \"owner\": \"me\",\n"
	"      \"due\": \"2026-11-27\",\n"
	"      \"status\": \"open\"\n"
	"    }\n"
	"  ],\n"
	"  \"facts\": [\n"
	"    {\n"
	"      \"kind\": \"travel\",\n"
	"      \"text\": \"back from business trip to Bali\"\n"
	"    }\n"
	"  ],\n"
	"  \"talk\": {\n"
	"    \"you_seconds\": 412,\n"
	"    \"client_seconds\": 2060\n"
	"  }\n"
	"}\n";

static void
exports_the_whole_meeting(void)
{
	int64_t m;
	store *st = kickoff(&m);
	rp_error err = {0};
	char *json = NULL;

	CHECK(export_json(st, &fixture_clock, m, false, &json, &err) == RP_OK);
	CHECK_STR(json, expected);
	free(json);
	store_close(st);
}

static void
private_notes_only_when_asked(void)
{
	int64_t m;
	store *st = kickoff(&m);
	rp_error err = {0};
	char *json = NULL;

	CHECK(export_json(st, &fixture_clock, m, true, &json, &err) == RP_OK);
	CHECK(json && strstr(json, "\"kind\": \"private\",\n"
				   "      \"text\": \"they seem tense about budget\"") != NULL);
	free(json);
	CHECK(export_json(st, &fixture_clock, m, false, &json, &err) == RP_OK);
	CHECK(json && strstr(json, "tense") == NULL);
	free(json);
	store_close(st);
}

static void
a_planned_meeting_has_empty_lists(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	meeting_plan_args args = {.title = "Plan", .planned_at = T0 + 3600};
	int64_t m;
	char *json = NULL;

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &m, &err);
	CHECK(export_json(st, &fixture_clock, m, false, &json, &err) == RP_OK);
	CHECK(json && strstr(json, "\"planned_at\": \"2026-11-26T11:00:00Z\",\n"
				   "    \"started_at\": null,") != NULL);
	CHECK(json && strstr(json, "\"planned_minutes\": null") != NULL);
	CHECK(json && strstr(json, "\"agenda\": [],\n  \"notes\": [],\n  \"followups\": [],\n"
				   "  \"facts\": [],") != NULL);
	free(json);
	CHECK(export_json(st, &fixture_clock, 999, false, &json, &err) == RP_ENOTFOUND);
	CHECK(json == NULL);
	store_close(st);
}

static void
stored_control_characters_come_out_escaped(void)
{
	int64_t m;
	store *st = kickoff(&m);
	rp_error err = {0};
	char *json = NULL;

	/* Text that reached the file some other way: ESC, BEL, DEL, CSI (C1),
	** a quote and a backslash. */
	CHECK(sqlite3_exec(store_db(st),
			   "UPDATE meetings SET title = 'a' || char(27) || '[31mb' || char(7) ||"
			   " char(127) || char(155) || '\"\\' WHERE id = 1",
			   NULL, NULL, NULL) == SQLITE_OK);
	CHECK(export_json(st, &fixture_clock, m, false, &json, &err) == RP_OK);
	/* Neutralised, not escaped: a JSON reader must not get ESC back. */
	CHECK(json && strstr(json, "\"title\": \"a\xef\xbf\xbd[31mb\xef\xbf\xbd\xef\xbf\xbd"
				   "\xef\xbf\xbd\\\"\\\\\"") != NULL);
	CHECK(json && strstr(json, "\\u001b") == NULL);
	for (const char *p = json; p && *p; p++) {
		unsigned char ch = (unsigned char)*p;

		if ((ch < 0x20 && ch != '\n') || ch == 0x7f ||
		    (ch == 0xc2 && (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] <= 0x9f)) {
			tap_fail(__FILE__, __LINE__, "raw control character 0x%02x in output", ch);
			break;
		}
	}
	free(json);
	store_close(st);
}

/* The format a file name says, as rapport export -o and the Recap's E
** read it. */
static void
the_format_follows_the_extension(void)
{
	CHECK_INT(export_format_of_name("m1.md"), EXPORT_MD);
	CHECK_INT(export_format_of_name("x.MD"), EXPORT_MD);
	CHECK_INT(export_format_of_name("x.Json"), EXPORT_JSON);
	CHECK_INT(export_format_of_name("x.json"), EXPORT_JSON);
	CHECK_INT(export_format_of_name("actions.ICS"), EXPORT_ICS);
	CHECK_INT(export_format_of_name("../out/recap.v2.md"), EXPORT_MD);
	CHECK_INT(export_format_of_name("r\xC3\xA9" "cap \xE6\x97\xA5\xE6\x9C\xAC" ".ics"), EXPORT_ICS);
	/* A hidden file's name alone is no extension. */
	CHECK_INT(export_format_of_name(".ics"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("out/.md"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("md"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("recap"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("recap."), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name(""), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name(NULL), EXPORT_UNKNOWN);
	/* Only the last extension, of the last component. */
	CHECK_INT(export_format_of_name("a.md.txt"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("dir.md/"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("dir.md/recap"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("dir.md/recap.json"), EXPORT_JSON);
	CHECK_INT(export_format_of_name("x.mdx"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("x.m"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("xmd"), EXPORT_UNKNOWN);
	CHECK_INT(export_format_of_name("x. md"), EXPORT_UNKNOWN);
	/* The words of --format, one per format. */
	CHECK_STR(export_format_word(EXPORT_MD), "md");
	CHECK_STR(export_format_word(EXPORT_JSON), "json");
	CHECK_STR(export_format_word(EXPORT_ICS), "ics");
	CHECK(export_format_word(EXPORT_UNKNOWN) == NULL);
}

int
main(void)
{
	RUN(exports_the_whole_meeting);
	RUN(the_format_follows_the_extension);
	RUN(private_notes_only_when_asked);
	RUN(a_planned_meeting_has_empty_lists);
	RUN(stored_control_characters_come_out_escaped);
	return tap_done();
}
