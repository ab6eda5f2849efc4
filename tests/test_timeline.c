/* test_timeline.c: a client's meetings and touchpoints as one list, newest
** first, cut at the limit, on a real store. */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/meeting.h"
#include "rapport/record.h"
#include "rapport/timeline.h"
#include "tap.h"

/* "what:text" of each entry, joined with '|'. */
static const char *
joined(const timeline *t)
{
	static char buf[1000];
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < t->n && len < sizeof buf; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s%s:%s", i ? "|" : "",
					t->entries[i].touch ? "t " : "m ", t->entries[i].what,
					t->entries[i].text);
	return buf;
}

static void
meetings_and_touchpoints_newest_first(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t c, other, held, planned, was = fixture_now;
	meeting_plan_args kickoff = {.title = "Kickoff"}, next = {.title = "Weekly"};
	timeline *t = NULL;
	char sql[300];

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &c, &err);
	client_add(st, &fixture_clock, "Other", NULL, 5, 14, &other, &err);
	kickoff.client_id = next.client_id = c;
	next.planned_at = was + 7 * 86400;
	CHECK(meeting_plan(st, &fixture_clock, &kickoff, &held, &err) == RP_OK);
	CHECK(meeting_plan(st, &fixture_clock, &next, &planned, &err) == RP_OK);
	fixture_now = was - 10 * 86400;
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_EMAIL, "the deck", NULL, &err) == RP_OK);
	fixture_now = was - 2 * 86400;
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_CALL, "budget", NULL, &err) == RP_OK);
	CHECK(record_touch(st, &fixture_clock, other, TOUCH_CALL, "not Acme", NULL, &err) == RP_OK);
	fixture_now = was;
	snprintf(sql, sizeof sql,
		 "UPDATE meetings SET state = 'ended', started_at = %lld, ended_at = %lld"
		 " WHERE id = %lld",
		 (long long)(was - 5 * 86400), (long long)(was - 5 * 86400 + 3600), (long long)held);
	CHECK(fixture_sql(fixture_path("db1.sqlite"), sql) == 0);

	CHECK(timeline_load(st, c, 10, &t, &err) == RP_OK);
	if (t) {
		CHECK_STR(joined(t),
			  "m planned:Weekly|t call:budget|m ended:Kickoff|t email:the deck");
		CHECK(!t->more);
	}
	timeline_free(t);
	t = NULL;
	CHECK(timeline_load(st, c, 2, &t, &err) == RP_OK);
	if (t) {
		CHECK_STR(joined(t), "m planned:Weekly|t call:budget");
		CHECK(t->more);
	}
	timeline_free(t);
	t = NULL;
	CHECK(timeline_load(st, 9999, 10, &t, &err) == RP_OK);
	CHECK(t && t->n == 0 && !t->more);
	timeline_free(t);
	store_close(st);
}

int
main(void)
{
	RUN(meetings_and_touchpoints_newest_first);
	return tap_done();
}
