/* test_cadence.c: the two-sided cadence around its boundaries. */
#include "rapport/cadence.h"
#include "tap.h"

static const rp_date today = {2026, 11, 26};

/* Status of a client last contacted `ago` days before today, 5-14. */
static cadence
ago(int days)
{
	return cadence_compute(true, date_add_days(today, -days), today, 5, 14);
}

static const char *
said(cadence c)
{
	static char buf[64];

	return cadence_describe(c, buf, sizeof buf);
}

static void
each_side_of_each_boundary(void)
{
	CHECK_STR(said(ago(0)), "too soon (5 more days)");
	CHECK_STR(said(ago(4)), "too soon (1 more day)");
	CHECK_STR(said(ago(5)), "due in 9 days");   /* the minimum: welcome again */
	CHECK_STR(said(ago(13)), "due in 1 day");
	CHECK_STR(said(ago(14)), "due today");      /* the maximum */
	CHECK_STR(said(ago(15)), "overdue by 1 day");
	CHECK_STR(said(ago(40)), "overdue by 26 days");
	CHECK_STR(said(cadence_compute(false, (rp_date){0, 0, 0}, today, 5, 14)), "no contact yet");
}

static void
equal_minimum_and_maximum(void)
{
	cadence c = cadence_compute(true, (rp_date){2026, 11, 19}, today, 7, 7);

	CHECK_INT(c.kind, CADENCE_DUE_TODAY);
	c = cadence_compute(true, (rp_date){2026, 11, 20}, today, 7, 7);
	CHECK_STR(said(c), "too soon (1 more day)");
	c = cadence_compute(true, (rp_date){2026, 11, 26}, today, 0, 1);
	CHECK_STR(said(c), "due in 1 day");  /* a minimum of 0: any time is fine */
}

static void
across_months_and_years(void)
{
	cadence c = cadence_compute(true, (rp_date){2026, 12, 20}, (rp_date){2027, 1, 3}, 5, 14);

	CHECK_INT(c.kind, CADENCE_DUE_TODAY);
	c = cadence_compute(true, (rp_date){2028, 2, 20}, (rp_date){2028, 3, 6}, 5, 14);
	CHECK_STR(said(c), "overdue by 1 day");  /* 2028 is a leap year: 15 days */
}

static void
a_future_contact_counts_as_today(void)
{
	CHECK_STR(said(cadence_compute(true, (rp_date){2026, 11, 28}, today, 5, 14)),
		  "too soon (5 more days)");
}

static void
ranks_the_most_pressing_first(void)
{
	cadence over3 = ago(17), over1 = ago(15), due = ago(14), never = {CADENCE_NEVER, 0};
	cadence in2 = ago(12), in8 = ago(6), soon1 = ago(4), soon5 = ago(0);

	CHECK(cadence_compare(over3, over1) < 0);
	CHECK(cadence_compare(over1, due) < 0);
	CHECK(cadence_compare(due, never) < 0);
	CHECK(cadence_compare(never, in2) < 0);
	CHECK(cadence_compare(in2, in8) < 0);
	CHECK(cadence_compare(in8, soon1) < 0);
	CHECK(cadence_compare(soon1, soon5) < 0);
	CHECK(cadence_compare(soon5, over3) > 0);
	CHECK_INT(cadence_compare(in2, ago(12)), 0);
}

static void
window_for_the_next_check_in(void)
{
	rp_date from, to;
	char a[11], b[11];

	cadence_window((rp_date){2026, 12, 28}, 5, 14, &from, &to);
	CHECK_STR(date_format(from, a), "2027-01-02");
	CHECK_STR(date_format(to, b), "2027-01-11");
}

/* A last contact that is no date (read from a time of 9e18) gives no gap. */
static void
invalid_last_contact_is_none(void)
{
	CHECK_STR(said(cadence_compute(true, (rp_date){0, 0, 0}, today, 5, 14)), "no contact yet");
	CHECK_STR(said(cadence_compute(true, (rp_date){2026, 2, 30}, today, 5, 14)),
		  "no contact yet");
}

int
main(void)
{
	RUN(each_side_of_each_boundary);
	RUN(invalid_last_contact_is_none);
	RUN(equal_minimum_and_maximum);
	RUN(across_months_and_years);
	RUN(a_future_contact_counts_as_today);
	RUN(ranks_the_most_pressing_first);
	RUN(window_for_the_next_check_in);
	return tap_done();
}
