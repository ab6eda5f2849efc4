/* test_history.c: the relationship at a glance, fixed inputs to exact
** strings, in Unicode and in ASCII; and its loader on a real store. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "fixture.h"
#include "history_sql.h"
#include "rapport/client.h"
#include "rapport/history.h"
#include "rapport/record.h"
#include "tap.h"

static const rp_date today = {2026, 12, 2};

/* today - n days */
static rp_date
ago(int n)
{
	return date_add_days(today, -n);
}

/* s repeated n times */
static const char *
times(const char *s, int n)
{
	static char buf[8][HISTORY_LINE_MAX];
	static int next;
	char *b = buf[next++ % 8];

	b[0] = '\0';
	while (n-- > 0)
		strcat(b, s);
	return b;
}

static char *
strip(const history *h, bool unicode)
{
	static char buf[HISTORY_LINE_MAX];

	return history_strip(h, unicode, buf, sizeof buf);
}

static char *
legend(const history *h)
{
	static char buf[HISTORY_LINE_MAX];

	return history_legend(h, buf, sizeof buf);
}

static void
no_contact_is_a_quiet_strip(void)
{
	history h = {.today = today, .cadence_min = 5, .cadence_max = 14};

	CHECK_STR(strip(&h, true), times("·", 52));
	CHECK_STR(strip(&h, false), times(".", 52));
	CHECK_STR(legend(&h), "no contact yet");
	CHECK(!history_assess(&h).overdue_now);
}

/* One contact ending each week, the one before the year leading. */
static void
weekly_contacts_are_healthy(void)
{
	rp_date c[53];
	history h = {.today = today, .cadence_min = 5, .cadence_max = 14, .contacts = c,
		     .ncontacts = 53};

	for (int i = 0; i < 53; i++)
		c[i] = ago(7 * (52 - i));
	CHECK_STR(strip(&h, true), times("▂", 52));
	CHECK_STR(strip(&h, false), times("o", 52));
	CHECK_STR(legend(&h), "healthy: every 7 days, within 5-14");
	CHECK_INT(history_assess(&h).contacts, 52);
}

static void
all_overdue(void)
{
	rp_date c[] = {ago(400)};
	history h = {.today = today, .cadence_min = 5, .cadence_max = 14, .contacts = c,
		     .ncontacts = 1};

	CHECK_STR(strip(&h, true), times("!", 52));
	CHECK_STR(strip(&h, false), times("!", 52));
	CHECK_STR(legend(&h), "overdue now, no contact in 12 months");
	CHECK(history_assess(&h).overdue_now);
	CHECK_INT(history_assess(&h).overdue_gaps, 1);
}

static void
one_contact_a_day(void)
{
	static rp_date c[HISTORY_DAYS + 1];
	history h = {.today = today, .cadence_min = 5, .cadence_max = 14, .contacts = c,
		     .ncontacts = HISTORY_DAYS + 1};

	for (int i = 0; i <= HISTORY_DAYS; i++)
		c[i] = ago(HISTORY_DAYS - i);
	CHECK_STR(strip(&h, true), times("+", 52));
	CHECK_STR(legend(&h), "364 too soon: every 1 day, want 5-14");
	/* Daily is what a cadence of 1-14 allows: seven a week, full cells. */
	h.cadence_min = 1;
	CHECK_STR(strip(&h, true), times("█", 52));
	CHECK_STR(strip(&h, false), times("O", 52));
	CHECK_STR(legend(&h), "healthy: every 1 day, within 1-14");
}

/* A year that went wrong: a late contact, one too soon after it, then
** silence.  Cell 0 holds day 363 ago; the overdue run of 23 days starts
** in cell 2, the late contact and the one too soon share cell 3. */
static void
gaps_too_soon_and_overdue_are_marked(void)
{
	rp_date c[] = {ago(363), ago(340), ago(338)};
	history h = {.today = today, .cadence_min = 5, .cadence_max = 14, .contacts = c,
		     .ncontacts = 3};
	char want[HISTORY_LINE_MAX];

	snprintf(want, sizeof want, "▂·!+·%s", times("!", 47));
	CHECK_STR(strip(&h, true), want);
	snprintf(want, sizeof want, "o.!+.%s", times("!", 47));
	CHECK_STR(strip(&h, false), want);
	CHECK_STR(legend(&h), "overdue now, 1 gap overdue, 1 too soon: every 13 days, want 5-14");
	/* Several contacts on one day are one step of the cadence. */
	{
		rp_date same[] = {ago(3), ago(3), ago(3)};
		history one = {.today = today, .cadence_min = 5, .cadence_max = 14,
			       .contacts = same, .ncontacts = 3};

		snprintf(want, sizeof want, "%s▆", times("·", 51));
		CHECK_STR(strip(&one, true), want);
		CHECK_STR(legend(&one), "healthy: 3 contacts in 12 months, within 5-14");
	}
}

static void
talk_share_against_43(void)
{
	history h = {.today = today, .talk = {38, 41, 52, 47, 39, 44}, .ntalk = 6};
	char buf[HISTORY_LINE_MAX];

	CHECK_STR(history_talk(&h, true, buf, sizeof buf), "talk ▄▄▅▄▄▄ you 44%, aim 43%");
	CHECK_STR(history_talk(&h, false, buf, sizeof buf), "talk 52 47 39 44: you 44%, aim 43%");
	h = (history){.today = today, .talk = {10, 95}, .ntalk = 2};
	CHECK_STR(history_talk(&h, true, buf, sizeof buf), "talk ▁█ you 53%, aim 43%");
	CHECK_STR(history_talk(&h, false, buf, sizeof buf), "talk 10 95: you 53%, aim 43%");
	h.ntalk = 0;
	CHECK_STR(history_talk(&h, true, buf, sizeof buf), "talk not recorded yet");
}

static void
followups_over_time(void)
{
	history_followup f[] = {
		{.opened = ago(100)},
		{.opened = ago(363), .closed = ago(300)},
		{.opened = ago(50), .closed = ago(10)},
	};
	history h = {.today = today, .followups = f, .nfollowups = 3};
	char buf[HISTORY_LINE_MAX];

	CHECK_STR(history_followups(&h, true, buf, sizeof buf),
		  "follow-ups ▄▄·······▄▄█▄ 1 open, 2 closed");
	CHECK_STR(history_followups(&h, false, buf, sizeof buf),
		  "follow-ups --.......--#- 1 open, 2 closed");
	h.nfollowups = 0;
	CHECK_STR(history_followups(&h, true, buf, sizeof buf), "follow-ups none");
}

/* Columns of a line: every glyph drawn is one column. */
static int
cols(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void
three_lines_fit_80_columns(void)
{
	rp_date c[] = {ago(363), ago(340), ago(338)};
	history_followup f[] = {{.opened = ago(100)}};
	history h = {.today = today, .cadence_min = 5, .cadence_max = 14, .contacts = c,
		     .ncontacts = 3, .talk = {38, 41, 52, 47, 39, 44}, .ntalk = 6,
		     .followups = f, .nfollowups = 1};
	char lines[3][HISTORY_LINE_MAX];

	for (int u = 0; u < 2; u++) {
		history_lines(&h, u, lines);
		for (int i = 0; i < 3; i++)
			CHECK(cols(lines[i]) <= 80);
	}
	history_lines(&h, true, lines);
	CHECK(strncmp(lines[0], "12 months ▂·!+·!", strlen("12 months ▂·!+·!")) == 0);
	CHECK_STR(lines[2], "talk ▄▄▅▄▄▄ you 44%, aim 43% · follow-ups ·········████ 1 open, 0 closed");
	h.ncontacts = 0;
	history_lines(&h, false, lines);
	CHECK_STR(lines[1], "no contact yet  (o O contacts a week, + too soon, ! overdue)");
}

/* The loader on a real store, in UTC so local days are known. */
static void
loads_contacts_and_followups(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	history *h = NULL;
	int64_t c, other, was = fixture_now;
	rp_date day = date_local(fixture_now);

	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &c, &err);
	client_add(st, &fixture_clock, "Other", NULL, 5, 14, &other, &err);
	fixture_now = was - 500 * 86400;   /* before the twelve months: leads */
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_CALL, "old call", NULL, &err) == RP_OK);
	fixture_now = was - 20 * 86400;
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_EMAIL, "mail", NULL, &err) == RP_OK);
	fixture_now = was - 2 * 86400;
	CHECK(record_touch(st, &fixture_clock, c, TOUCH_CALL, "call", NULL, &err) == RP_OK);
	CHECK(record_touch(st, &fixture_clock, other, TOUCH_CALL, "not Acme", NULL, &err) == RP_OK);
	fixture_now = was;
	CHECK(history_load(st, c, day, &h, &err) == RP_OK);
	if (h) {
		CHECK_INT((int)h->ncontacts, 3);
		CHECK_INT(h->cadence_max, 14);
		CHECK_INT((int)h->ntalk, 0);
		CHECK_STR(legend(h), "2 gaps overdue: every 249 days, want 5-14");
	}
	history_free(h);
	CHECK(history_load(st, 9999, day, &h, &err) == RP_ENOTFOUND);
	store_close(st);
}

/* A gap overdue whose days fall in the week of the contact that ended it
** still shows as "!": the verdict counts it, so the strip must show it.
** Cadence 7-10, contacts 22 and 8 days ago: days 11-13 of the gap were
** overdue (11, 10 and 9 days ago), all in the week of the contact 8 days
** ago (the week of 13 to 7 days ago). */
static void
an_overdue_gap_shows_even_in_the_week_it_ended(void)
{
	rp_date c[] = {ago(22), ago(8)};
	history h = {.today = today, .cadence_min = 7, .cadence_max = 10, .contacts = c,
		     .ncontacts = 2};
	const char *s = strip(&h, false);

	CHECK_INT(history_assess(&h).overdue_gaps, 1);
	CHECK(strchr(s, '!') != NULL);
	/* Newest week last: today back to 6 days ago, quiet. */
	CHECK_STR(s + 48, "o.!.");
}

/* A gap of max + 1 days was one day overdue (the status said "overdue by
** 1 day" that day): counted, and its week marked. */
static void
a_gap_one_day_past_the_maximum_is_overdue(void)
{
	rp_date c[] = {ago(30), ago(15), ago(1)};
	history h = {.today = today, .cadence_min = 5, .cadence_max = 14, .contacts = c,
		     .ncontacts = 3};

	CHECK_INT(history_assess(&h).overdue_gaps, 1);
	CHECK(strchr(strip(&h, false), '!') != NULL);
	CHECK(strstr(legend(&h), "healthy") == NULL);
}

/* The history at a glance reads a client's follow-ups in indexes alone,
** open and closed, under a ten-year file's statistics (130,000 follow-ups,
** 650 a client): no follow-up's row is read. */
static void
follow_ups_are_read_in_indexes_alone(void)
{
	store *st = fixture_store();
	const char *plan;

	CHECK(fixture_statistics(st,
				 " ('followups', 'followups_closed', '130000 650 2 2 1'),"
				 " ('followups', 'followups_client', '2500 13 1 1'),"
				 " ('followups', NULL, '130000')") == SQLITE_OK);
	plan = fixture_plan(st, HISTORY_FOLLOWUPS_SQL);
	PLAN_IS(plan, true, "SEARCH followups USING COVERING INDEX followups_client (client_id=?)");
	PLAN_IS(plan, true,
		"SEARCH followups USING COVERING INDEX followups_closed (client_id=? AND closed_at>?)");
	PLAN_IS(plan, false, "SEARCH followups USING INDEX");
	store_close(st);
}

/* The contacts of the twelve months are read in indexes alone, on a file
** without statistics (as rapport leaves them) and under a ten-year file's
** (20,000 meetings, 100 a client): no meeting's row is read for its state. */
static void
contacts_are_read_in_indexes_alone(void)
{
	store *st = fixture_store();
	const char *plan;

	plan = fixture_plan(st, HISTORY_CONTACTS_SQL);
	PLAN_IS(plan, true, "SEARCH meetings USING COVERING INDEX meetings_held");
	PLAN_IS(plan, false, "USING INDEX meetings");
	CHECK(fixture_statistics(st,
				 " ('meetings', 'meetings_client', '20200 101 1'),"
				 " ('meetings', 'meetings_held', '20000 100 1 1'),"
				 " ('meetings', 'meetings_started', '20200 1'),"
				 " ('meetings', NULL, '20200'),"
				 " ('touchpoints', 'touchpoints_client', '40000 200 1'),"
				 " ('touchpoints', NULL, '40000')") == SQLITE_OK);
	plan = fixture_plan(st, HISTORY_CONTACTS_SQL);
	PLAN_IS(plan, true,
		"SEARCH meetings USING COVERING INDEX meetings_held (client_id=? AND started_at<?)");
	PLAN_IS(plan, true, "SEARCH meetings USING COVERING INDEX meetings_held"
		" (client_id=? AND started_at>? AND started_at<?)");
	PLAN_IS(plan, false, "USING INDEX meetings");
	PLAN_IS(plan, false, "SCAN meetings");
	store_close(st);
}

int
main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	RUN(no_contact_is_a_quiet_strip);
	RUN(a_gap_one_day_past_the_maximum_is_overdue);
	RUN(an_overdue_gap_shows_even_in_the_week_it_ended);
	RUN(weekly_contacts_are_healthy);
	RUN(all_overdue);
	RUN(one_contact_a_day);
	RUN(gaps_too_soon_and_overdue_are_marked);
	RUN(talk_share_against_43);
	RUN(followups_over_time);
	RUN(three_lines_fit_80_columns);
	RUN(loads_contacts_and_followups);
	RUN(follow_ups_are_read_in_indexes_alone);
	RUN(contacts_are_read_in_indexes_alone);
	return tap_done();
}
