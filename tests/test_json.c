/* test_json.c: the JSON writer behind every --json. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/json.h"
#include "tap.h"

static char *buf;
static size_t len;

static json_writer *
start(json_writer *w)
{
	free(buf);
	buf = NULL;
	json_begin(w, open_memstream(&buf, &len));
	return w;
}

static const char *
finish(json_writer *w)
{
	fclose(w->out);
	return buf;
}

/* Commas, keys and indentation come from the writer; empty containers
** stay on their line. */
static void
nests_objects_and_arrays(void)
{
	json_writer w;

	start(&w);
	json_object(&w);
	json_key_int(&w, "id", 7);
	json_key(&w, "tags");
	json_array(&w);
	json_string(&w, "a");
	json_bool(&w, true);
	json_null(&w);
	json_end(&w);
	json_key(&w, "none");
	json_array(&w);
	json_end(&w);
	json_end(&w);
	CHECK_STR(finish(&w), "{\n  \"id\": 7,\n  \"tags\": [\n    \"a\",\n    true,\n    null\n"
			      "  ],\n  \"none\": []\n}\n");
}

/* Stored text is made safe: quotes and backslashes escaped, controls
** (C0, DEL and C1, which a terminal may take as escapes) as \u, invalid
** UTF-8 as U+FFFD; accents, CJK and emoji as they are. */
static void
escapes_what_must_not_reach_a_terminal(void)
{
	json_writer w;

	start(&w);
	json_array(&w);
	json_string(&w, "a\"b\\c\n\t\x1b[31m\x7f");
	json_string(&w, "\xc2\x9b" "2J");
	json_string(&w, "bad \xff\xfe end");
	json_string(&w, "Zoë 東京 🎉");
	json_string(&w, NULL);
	json_end(&w);
	CHECK_STR(finish(&w), "[\n  \"a\\\"b\\\\c\\n\\t\\u001b[31m\\u007f\",\n  \"\\u009b2J\",\n"
			      "  \"bad \xef\xbf\xbd\xef\xbf\xbd end\",\n  \"Zoë 東京 🎉\",\n  null\n]\n");
}

/* Times are ISO 8601 UTC, whatever the zone; 0 and nonsense are null, as
** are dates that are not dates. */
static void
writes_times_and_dates_or_null(void)
{
	json_writer w;

	setenv("TZ", "Pacific/Kiritimati", 1);
	start(&w);
	json_array(&w);
	json_time(&w, 1795687200);
	json_time(&w, 0);
	json_time(&w, INT64_MAX);
	json_date(&w, "2026-12-04");
	json_date(&w, "2026-02-30");
	json_date(&w, "2026-12-04x");
	json_date(&w, NULL);
	json_end(&w);
	CHECK_STR(finish(&w), "[\n  \"2026-11-26T10:00:00Z\",\n  null,\n  null,\n  \"2026-12-04\",\n"
			      "  null,\n  null,\n  null\n]\n");
}

int
main(void)
{
	RUN(nests_objects_and_arrays);
	RUN(escapes_what_must_not_reach_a_terminal);
	RUN(writes_times_and_dates_or_null);
	free(buf);
	return tap_done();
}
