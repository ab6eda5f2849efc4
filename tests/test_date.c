/* test_date.c: calendar arithmetic and the due-date grammar (date.h).
**
** Expected dates were worked out on a calendar, not with the code under
** test.  2026-03-11 is a Wednesday; 2026-03-13 a Friday.
*/
#include "rapport/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"

#define HINT "(try 2026-12-01, fri, tomorrow, +3d, eow)"

static const rp_date wed = { 2026, 3, 11 };   /* Wednesday */
static const rp_date thu = { 2026, 3, 12 };
static const rp_date fri = { 2026, 3, 13 };
static const rp_date sat = { 2026, 3, 14 };
static const rp_date sun = { 2026, 3, 15 };

static rp_date
ymd(int year, int month, int day)
{
	rp_date d = { year, month, day };

	return d;
}

/* Parse text relative to today; the date as YYYY-MM-DD, or the error
** message prefixed with "error: ". */
static const char *
due(const char *text, rp_date today)
{
	static char buf[1100];
	rp_error err;
	rp_date out = { 0, 0, 0 };

	rp_error_clear(&err);
	if (date_parse_due(text, today, &out, &err) != RP_OK) {
		if (err.status != RP_EINVAL)
			return "error with the wrong status";
		snprintf(buf, sizeof buf, "error: %s", err.msg);
		return buf;
	}
	return date_format(out, buf);
}

#define CHECK_DUE(text, today, want) CHECK_STR(due(text, today), want)

static void
valid_dates(void)
{
	CHECK(date_valid(2026, 1, 1));
	CHECK(date_valid(2026, 12, 31));
	CHECK(date_valid(2026, 4, 30));
	CHECK(!date_valid(2026, 4, 31));
	CHECK(!date_valid(2026, 2, 29));
	CHECK(!date_valid(2026, 2, 30));
	CHECK(!date_valid(2026, 0, 1));
	CHECK(!date_valid(2026, 13, 1));
	CHECK(!date_valid(2026, 1, 0));
	CHECK(!date_valid(2026, 1, 32));
	CHECK(date_valid(1, 1, 1));
	CHECK(date_valid(9999, 12, 31));
	CHECK(!date_valid(0, 12, 31));
	CHECK(!date_valid(10000, 1, 1));
	CHECK(!date_valid(-1, 1, 1));
}

static void
leap_years(void)
{
	CHECK(date_valid(2028, 2, 29));
	CHECK(!date_valid(2027, 2, 29));
	CHECK(date_valid(2000, 2, 29));    /* divisible by 400 */
	CHECK(!date_valid(1900, 2, 29));   /* by 100, not by 400 */
	CHECK(!date_valid(2100, 2, 29));
	CHECK(date_valid(2400, 2, 29));
	CHECK(date_valid(4, 2, 29));
}

static void
month_days(void)
{
	CHECK_INT(date_month_days(2026, 1), 31);
	CHECK_INT(date_month_days(2026, 2), 28);
	CHECK_INT(date_month_days(2028, 2), 29);
	CHECK_INT(date_month_days(1900, 2), 28);
	CHECK_INT(date_month_days(2000, 2), 29);
	CHECK_INT(date_month_days(2026, 4), 30);
	CHECK_INT(date_month_days(2026, 6), 30);
	CHECK_INT(date_month_days(2026, 9), 30);
	CHECK_INT(date_month_days(2026, 11), 30);
	CHECK_INT(date_month_days(2026, 12), 31);
	CHECK_INT(date_month_days(2026, 13), 0);
}

static void
days_since_epoch(void)
{
	CHECK_INT(date_to_days(ymd(1970, 1, 1)), 0);
	CHECK_INT(date_to_days(ymd(1970, 1, 2)), 1);
	CHECK_INT(date_to_days(ymd(1969, 12, 31)), -1);
	CHECK_INT(date_to_days(ymd(2000, 1, 1)), 10957);
	CHECK_INT(date_to_days(ymd(2026, 1, 1)), 20454);
	CHECK_INT(date_to_days(fri), 20525);
	CHECK_INT(date_to_days(ymd(2028, 2, 27)), 21241);
	CHECK_INT(date_to_days(ymd(1600, 1, 1)), -135140);
	CHECK_INT(date_to_days(ymd(1, 1, 1)), -719162);
	CHECK_INT(date_to_days(ymd(9999, 12, 31)), 2932896);
}

static void
dates_from_days(void)
{
	char buf[11];

	CHECK_STR(date_format(date_from_days(0), buf), "1970-01-01");
	CHECK_STR(date_format(date_from_days(-1), buf), "1969-12-31");
	CHECK_STR(date_format(date_from_days(10957), buf), "2000-01-01");
	CHECK_STR(date_format(date_from_days(20525), buf), "2026-03-13");
	CHECK_STR(date_format(date_from_days(20818), buf), "2026-12-31");
	CHECK_STR(date_format(date_from_days(-719162), buf), "0001-01-01");
	CHECK_STR(date_format(date_from_days(2932896), buf), "9999-12-31");
	/* Beyond the calendar, its nearest end. */
	CHECK_STR(date_format(date_from_days(2932897), buf), "9999-12-31");
	CHECK_STR(date_format(date_from_days(INT64_MIN), buf), "0001-01-01");
	CHECK_STR(date_format(date_from_days(INT64_MAX), buf), "9999-12-31");
}

/* Walk every day from 1600-01-01 to 2400-12-31 with a counter written
** here, and check both directions agree with it. */
static void
every_day_round_trips(void)
{
	static const int mlen[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	rp_date d = { 1600, 1, 1 }, back;
	int64_t n = -135140;
	int len;

	while (d.year <= 2400 && tap_current_ok) {
		CHECK_INT(date_to_days(d), n);
		back = date_from_days(n);
		CHECK(back.year == d.year && back.month == d.month && back.day == d.day);
		len = mlen[d.month];
		if (d.month == 2 && d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0))
			len = 29;
		if (++d.day > len) {
			d.day = 1;
			if (++d.month > 12) {
				d.month = 1;
				d.year++;
			}
		}
		n++;
	}
}

static void
weekdays(void)
{
	CHECK_INT(date_weekday(ymd(1970, 1, 1)), 3);   /* Thursday */
	CHECK_INT(date_weekday(ymd(2000, 1, 1)), 5);   /* Saturday */
	CHECK_INT(date_weekday(wed), 2);
	CHECK_INT(date_weekday(fri), 4);
	CHECK_INT(date_weekday(sat), 5);
	CHECK_INT(date_weekday(sun), 6);
	CHECK_INT(date_weekday(ymd(2026, 3, 16)), 0);  /* Monday */
	CHECK_INT(date_weekday(ymd(1, 1, 1)), 0);      /* Monday */
	CHECK_INT(date_weekday(ymd(1969, 12, 31)), 2); /* Wednesday */
	CHECK_INT(date_weekday(ymd(9999, 12, 31)), 4); /* Friday */
}

static void
add_days(void)
{
	char buf[11];

	CHECK_STR(date_format(date_add_days(wed, 0), buf), "2026-03-11");
	CHECK_STR(date_format(date_add_days(wed, 21), buf), "2026-04-01");
	CHECK_STR(date_format(date_add_days(wed, -11), buf), "2026-02-28");
	CHECK_STR(date_format(date_add_days(ymd(2026, 12, 31), 1), buf), "2027-01-01");
	CHECK_STR(date_format(date_add_days(ymd(2027, 1, 1), -1), buf), "2026-12-31");
	CHECK_STR(date_format(date_add_days(ymd(2028, 2, 28), 1), buf), "2028-02-29");
	CHECK_STR(date_format(date_add_days(ymd(2027, 2, 28), 1), buf), "2027-03-01");
	CHECK_STR(date_format(date_add_days(wed, 3650), buf), "2036-03-08");
}

static void
format(void)
{
	char buf[11];

	CHECK_STR(date_format(ymd(1, 2, 3), buf), "0001-02-03");
	CHECK_STR(date_format(ymd(2026, 12, 31), buf), "2026-12-31");
	CHECK(date_format(wed, buf) == buf);
}

static void
due_iso(void)
{
	CHECK_DUE("2026-12-01", wed, "2026-12-01");
	CHECK_DUE("2020-01-01", wed, "2020-01-01");   /* in the past: allowed */
	CHECK_DUE("2028-02-29", wed, "2028-02-29");
	CHECK_DUE("0001-01-01", wed, "0001-01-01");
	CHECK_DUE("9999-12-31", wed, "9999-12-31");
}

static void
due_iso_not_a_day(void)
{
	CHECK_DUE("2027-02-29", wed, "error: 2027-02-29 is not a day of the calendar");
	CHECK_DUE("2026-02-30", wed, "error: 2026-02-30 is not a day of the calendar");
	CHECK_DUE("2026-13-01", wed, "error: 2026-13-01 is not a day of the calendar");
	CHECK_DUE("2026-04-31", wed, "error: 2026-04-31 is not a day of the calendar");
	CHECK_DUE("2026-00-10", wed, "error: 2026-00-10 is not a day of the calendar");
	CHECK_DUE("2026-01-00", wed, "error: 2026-01-00 is not a day of the calendar");
	CHECK_DUE("0000-01-01", wed, "error: 0000-01-01 is not a day of the calendar");
}

static void
due_iso_wrong_shape(void)
{
	CHECK_DUE("2026-1-5", wed, "error: due date \"2026-1-5\" not understood " HINT);
	CHECK_DUE("26-01-05", wed, "error: due date \"26-01-05\" not understood " HINT);
	CHECK_DUE("2026/01/05", wed, "error: due date \"2026/01/05\" not understood " HINT);
	CHECK_DUE("2026-01-05x", wed, "error: due date \"2026-01-05x\" not understood " HINT);
	CHECK_DUE("02026-01-05", wed, "error: due date \"02026-01-05\" not understood " HINT);
	CHECK_DUE("2026-01-5 ", wed, "error: due date \"2026-01-5\" not understood " HINT);
	CHECK_DUE("05/01/2026", wed, "error: due date \"05/01/2026\" not understood " HINT);
}

static void
due_today_and_tomorrow(void)
{
	CHECK_DUE("today", wed, "2026-03-11");
	CHECK_DUE("tod", wed, "2026-03-11");
	CHECK_DUE("TODAY", wed, "2026-03-11");
	CHECK_DUE("tomorrow", wed, "2026-03-12");
	CHECK_DUE("tmrw", wed, "2026-03-12");
	CHECK_DUE("Tomorrow", wed, "2026-03-12");
	CHECK_DUE("tomorrow", ymd(2026, 12, 31), "2027-01-01");
	CHECK_DUE("tomorrow", ymd(2028, 2, 28), "2028-02-29");
	CHECK_DUE("tomorrow", ymd(2028, 2, 29), "2028-03-01");
}

static void
due_french_days(void)
{
	CHECK_DUE("aujourd'hui", wed, "2026-03-11");
	CHECK_DUE("aujourd\xE2\x80\x99hui", wed, "2026-03-11");   /* ’ */
	CHECK_DUE("AUJOURD'HUI", wed, "2026-03-11");
	CHECK_DUE("Aujourd\xE2\x80\x99hui", wed, "2026-03-11");
	CHECK_DUE("auj", wed, "2026-03-11");
	CHECK_DUE("demain", wed, "2026-03-12");
	CHECK_DUE("Demain", wed, "2026-03-12");
	CHECK_DUE("DEMAIN", wed, "2026-03-12");
	CHECK_DUE("aujourdhui", wed, "error: due date \"aujourdhui\" not understood " HINT);
}

static void
due_english_weekdays(void)
{
	/* Today is Wednesday 2026-03-11. */
	CHECK_DUE("mon", wed, "2026-03-16");
	CHECK_DUE("monday", wed, "2026-03-16");
	CHECK_DUE("tue", wed, "2026-03-17");
	CHECK_DUE("tues", wed, "2026-03-17");
	CHECK_DUE("tuesday", wed, "2026-03-17");
	CHECK_DUE("wed", wed, "2026-03-18");        /* never today */
	CHECK_DUE("wednesday", wed, "2026-03-18");
	CHECK_DUE("thu", wed, "2026-03-12");
	CHECK_DUE("thur", wed, "2026-03-12");
	CHECK_DUE("thurs", wed, "2026-03-12");
	CHECK_DUE("thursday", wed, "2026-03-12");
	CHECK_DUE("fri", wed, "2026-03-13");
	CHECK_DUE("friday", wed, "2026-03-13");
	CHECK_DUE("sat", wed, "2026-03-14");
	CHECK_DUE("saturday", wed, "2026-03-14");
	CHECK_DUE("sun", wed, "2026-03-15");
	CHECK_DUE("sunday", wed, "2026-03-15");
}

static void
due_french_weekdays(void)
{
	CHECK_DUE("lun", wed, "2026-03-16");
	CHECK_DUE("lundi", wed, "2026-03-16");
	CHECK_DUE("mar", wed, "2026-03-17");
	CHECK_DUE("mardi", wed, "2026-03-17");
	CHECK_DUE("mer", wed, "2026-03-18");
	CHECK_DUE("mercredi", wed, "2026-03-18");
	CHECK_DUE("jeu", wed, "2026-03-12");
	CHECK_DUE("jeudi", wed, "2026-03-12");
	CHECK_DUE("ven", wed, "2026-03-13");
	CHECK_DUE("vendredi", wed, "2026-03-13");
	CHECK_DUE("sam", wed, "2026-03-14");
	CHECK_DUE("samedi", wed, "2026-03-14");
	CHECK_DUE("dim", wed, "2026-03-15");
	CHECK_DUE("dimanche", wed, "2026-03-15");
}

static void
due_weekday_case(void)
{
	CHECK_DUE("FRI", wed, "2026-03-13");
	CHECK_DUE("Fri", wed, "2026-03-13");
	CHECK_DUE("VENDREDI", wed, "2026-03-13");
	CHECK_DUE("Vendredi", wed, "2026-03-13");
	CHECK_DUE("MERCREDI", wed, "2026-03-18");
	CHECK_DUE("LuNdI", wed, "2026-03-16");
}

static void
due_friday_on_a_friday(void)
{
	CHECK_DUE("fri", fri, "2026-03-20");
	CHECK_DUE("friday", fri, "2026-03-20");
	CHECK_DUE("ven", fri, "2026-03-20");
	CHECK_DUE("vendredi", fri, "2026-03-20");
	CHECK_DUE("sat", fri, "2026-03-14");
	CHECK_DUE("thu", fri, "2026-03-19");
	CHECK_DUE("mon", sun, "2026-03-16");
	CHECK_DUE("sun", sun, "2026-03-22");
}

static void
due_weekday_across_the_year(void)
{
	/* 2026-12-31 is a Thursday. */
	CHECK_DUE("fri", ymd(2026, 12, 31), "2027-01-01");
	CHECK_DUE("mon", ymd(2026, 12, 31), "2027-01-04");
	CHECK_DUE("thu", ymd(2026, 12, 31), "2027-01-07");
}

static void
due_offsets(void)
{
	CHECK_DUE("+0d", wed, "2026-03-11");
	CHECK_DUE("+1d", wed, "2026-03-12");
	CHECK_DUE("+3d", wed, "2026-03-14");
	CHECK_DUE("+10d", wed, "2026-03-21");
	CHECK_DUE("+21d", wed, "2026-04-01");
	CHECK_DUE("+100d", wed, "2026-06-19");
	CHECK_DUE("+03d", wed, "2026-03-14");
	CHECK_DUE("+1w", wed, "2026-03-18");
	CHECK_DUE("+2w", wed, "2026-03-25");
	CHECK_DUE("+0w", wed, "2026-03-11");
	CHECK_DUE("+3D", wed, "2026-03-14");
	CHECK_DUE("+2W", wed, "2026-03-25");
}

static void
due_french_offsets(void)
{
	CHECK_DUE("+3j", wed, "2026-03-14");
	CHECK_DUE("+2s", wed, "2026-03-25");
	CHECK_DUE("+1J", wed, "2026-03-12");
	CHECK_DUE("+1S", wed, "2026-03-18");
}

static void
due_offsets_across_the_year(void)
{
	CHECK_DUE("+2w", ymd(2026, 12, 28), "2027-01-11");
	CHECK_DUE("+3d", ymd(2026, 12, 31), "2027-01-03");
	CHECK_DUE("+1d", ymd(2028, 2, 28), "2028-02-29");
	CHECK_DUE("+1d", ymd(2027, 2, 28), "2027-03-01");
	CHECK_DUE("+365d", ymd(2027, 3, 1), "2028-02-29");
}

static void
due_offset_limits(void)
{
	CHECK_DUE("+3650d", wed, "2036-03-08");
	CHECK_DUE("+521w", wed, "2036-03-05");
	CHECK_DUE("+3651d", wed, "error: due date \"+3651d\" is too far ahead (at most 3650 days)");
	CHECK_DUE("+522w", wed, "error: due date \"+522w\" is too far ahead (at most 3650 days)");
	CHECK_DUE("+99999d", wed, "error: due date \"+99999d\" is too far ahead (at most 3650 days)");
	CHECK_DUE("+99999999999999999999999d", wed,
		  "error: due date \"+99999999999999999999999d\" is too far ahead (at most 3650 days)");
}

static void
due_offset_malformed(void)
{
	CHECK_DUE("+d", wed, "error: due date \"+d\" not understood " HINT);
	CHECK_DUE("+", wed, "error: due date \"+\" not understood " HINT);
	CHECK_DUE("+3", wed, "error: due date \"+3\" not understood " HINT);
	CHECK_DUE("+3x", wed, "error: due date \"+3x\" not understood " HINT);
	CHECK_DUE("+3dd", wed, "error: due date \"+3dd\" not understood " HINT);
	CHECK_DUE("+-3d", wed, "error: due date \"+-3d\" not understood " HINT);
	CHECK_DUE("-3d", wed, "error: due date \"-3d\" not understood " HINT);
	CHECK_DUE("3d", wed, "error: due date \"3d\" not understood " HINT);
	CHECK_DUE("+ 3d", wed, "error: due date \"+ 3d\" not understood " HINT);
	CHECK_DUE("+3 d", wed, "error: due date \"+3 d\" not understood " HINT);
}

static void
due_months_are_refused(void)
{
	CHECK_DUE("+3m", wed,
		  "error: due date \"+3m\" not understood: \"m\" could be months or "
		  "minutes; count in days (+30d) or weeks (+4w)");
	CHECK_DUE("+1M", wed,
		  "error: due date \"+1M\" not understood: \"m\" could be months or "
		  "minutes; count in days (+30d) or weeks (+4w)");
}

static void
due_end_of_week(void)
{
	CHECK_DUE("eow", wed, "2026-03-13");
	CHECK_DUE("eow", thu, "2026-03-13");
	CHECK_DUE("eow", fri, "2026-03-13");       /* today when it is Friday */
	CHECK_DUE("eow", sat, "2026-03-20");       /* the week is over */
	CHECK_DUE("eow", sun, "2026-03-20");
	CHECK_DUE("eow", ymd(2026, 3, 16), "2026-03-20");
	CHECK_DUE("EOW", wed, "2026-03-13");
	CHECK_DUE("fds", wed, "2026-03-13");
	CHECK_DUE("FDS", sat, "2026-03-20");
	CHECK_DUE("eow", ymd(2026, 12, 31), "2027-01-01");
}

static void
due_end_of_month(void)
{
	CHECK_DUE("eom", wed, "2026-03-31");
	CHECK_DUE("eom", ymd(2026, 3, 31), "2026-03-31");
	CHECK_DUE("eom", ymd(2026, 4, 1), "2026-04-30");
	CHECK_DUE("eom", ymd(2028, 2, 10), "2028-02-29");
	CHECK_DUE("eom", ymd(2027, 2, 10), "2027-02-28");
	CHECK_DUE("eom", ymd(2026, 12, 5), "2026-12-31");
	CHECK_DUE("fdm", wed, "2026-03-31");
	CHECK_DUE("EOM", wed, "2026-03-31");
	CHECK_DUE("Fdm", wed, "2026-03-31");
}

static void
due_blanks_around(void)
{
	CHECK_DUE(" fri", wed, "2026-03-13");
	CHECK_DUE("fri\t", wed, "2026-03-13");
	CHECK_DUE("  2026-12-01  ", wed, "2026-12-01");
}

static void
due_empty(void)
{
	CHECK_DUE("", wed, "error: due date missing after ^ " HINT);
	CHECK_DUE("   ", wed, "error: due date missing after ^ " HINT);
	CHECK_DUE(NULL, wed, "error: due date missing after ^ " HINT);
}

static void
due_garbage(void)
{
	CHECK_DUE("frday", wed, "error: due date \"frday\" not understood " HINT);
	CHECK_DUE("tom", wed, "error: due date \"tom\" not understood " HINT);
	CHECK_DUE("next month", wed, "error: due date \"next month\" not understood " HINT);
	CHECK_DUE("next", wed, "error: due date \"next\" not understood " HINT);
	CHECK_DUE("^fri", wed, "error: due date \"^fri\" not understood " HINT);
	CHECK_DUE("fri.", wed, "error: due date \"fri.\" not understood " HINT);
	CHECK_DUE("東京", wed, "error: due date \"東京\" not understood " HINT);
	CHECK_DUE("😀", wed, "error: due date \"😀\" not understood " HINT);
}

static void
due_invalid_utf8(void)
{
	CHECK_DUE("fr\xFFi", wed, "error: due date \"fr\xEF\xBF\xBDi\" not understood " HINT);
	CHECK_DUE("\xC0\x80", wed,
		  "error: due date \"\xEF\xBF\xBD\xEF\xBF\xBD\" not understood " HINT);
	CHECK_DUE("fri\xC3", wed, "error: due date \"fri\xEF\xBF\xBD\" not understood " HINT);
}

static void
due_control_characters_are_neutralised(void)
{
	CHECK_DUE("fri\x1b[2J", wed,
		  "error: due date \"fri\xEF\xBF\xBD[2J\" not understood " HINT);
	CHECK_DUE("\x1b]0;x\x07", wed,
		  "error: due date \"\xEF\xBF\xBD]0;x\xEF\xBF\xBD\" not understood " HINT);
	CHECK_DUE("a\nb", wed, "error: due date \"a b\" not understood " HINT);
	CHECK_DUE("fri\xE2\x80\xAE", wed,
		  "error: due date \"fri\xEF\xBF\xBD\" not understood " HINT);
	/* "2026-02-30" with an escape is no longer a date shape. */
	CHECK_DUE("2026-02-3\x1b", wed,
		  "error: due date \"2026-02-3\xEF\xBF\xBD\" not understood " HINT);
}

static void
due_long_input_is_cut(void)
{
	/* 50 bytes: the message shows the first 40 and an ellipsis. */
	CHECK_DUE("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij", wed,
		  "error: due date \"abcdefghijabcdefghijabcdefghijabcdefghij\xE2\x80\xA6\" "
		  "not understood " HINT);
	/* 39 ASCII bytes then é: the cut does not split the é. */
	CHECK_DUE("abcdefghijabcdefghijabcdefghijabcdefghi\xC3\xA9xyz", wed,
		  "error: due date \"abcdefghijabcdefghijabcdefghijabcdefghi\xE2\x80\xA6\" "
		  "not understood " HINT);
	/* Twenty escapes become twenty U+FFFD: 60 bytes, cut at 39. */
	CHECK_DUE("\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b\x1b", wed,
		  "error: due date \""
		  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
		  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
		  "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
		  "\xE2\x80\xA6\" not understood " HINT);
}

static void
due_failure_leaves_out_alone(void)
{
	rp_date out = { 1234, 5, 6 };
	rp_error err;

	rp_error_clear(&err);
	CHECK_INT(date_parse_due("frday", wed, &out, &err), RP_EINVAL);
	CHECK_INT(err.status, RP_EINVAL);
	CHECK_INT(out.year, 1234);
	CHECK_INT(out.month, 5);
	CHECK_INT(out.day, 6);
}

static void
due_without_error_struct(void)
{
	rp_date out = { 0, 0, 0 };

	CHECK_INT(date_parse_due("frday", wed, &out, NULL), RP_EINVAL);
	CHECK_INT(date_parse_due("fri", wed, &out, NULL), RP_OK);
	CHECK_INT(out.day, 13);
}

static void
due_at_the_end_of_the_calendar(void)
{
	rp_date last = { 9999, 12, 31 };

	CHECK_DUE("today", last, "9999-12-31");
	CHECK_DUE("eom", last, "9999-12-31");
	CHECK_DUE("eow", last, "9999-12-31");    /* a Friday */
	CHECK_DUE("tomorrow", last, "error: due date \"tomorrow\" falls after 9999-12-31");
	CHECK_DUE("+3650d", ymd(9999, 1, 1),
		  "error: due date \"+3650d\" falls after 9999-12-31");
}

/* "next week" is the Monday of next week; weeks start on Monday. */
static void
due_next_week(void)
{
	CHECK_DUE("next week", wed, "2026-03-16");
	CHECK_DUE("Next Week", fri, "2026-03-16");
	CHECK_DUE("next  week", sat, "2026-03-16");
	CHECK_DUE("next week", sun, "2026-03-16");             /* tomorrow */
	CHECK_DUE("next week", ymd(2026, 3, 16), "2026-03-23"); /* a Monday */
	CHECK_DUE("semaine prochaine", wed, "2026-03-16");
	CHECK_DUE("la semaine prochaine", wed, "2026-03-16");
	CHECK_DUE("prochaine semaine", thu, "2026-03-16");
	CHECK_DUE("next week", ymd(2026, 12, 31), "2027-01-04"); /* Thursday */
	CHECK_DUE("next week", ymd(2028, 12, 31), "2029-01-01"); /* Sunday */
	/* Around the clocks' changes in Paris: dates are calendar days. */
	CHECK_DUE("next week", ymd(2026, 3, 29), "2026-03-30");
	CHECK_DUE("semaine prochaine", ymd(2026, 10, 24), "2026-10-26");
}

/* "next friday" is the Friday of next week, "fri" the coming one. */
static void
due_next_weekday(void)
{
	CHECK_DUE("fri", thu, "2026-03-13");
	CHECK_DUE("next fri", thu, "2026-03-20");
	CHECK_DUE("next friday", thu, "2026-03-20");
	CHECK_DUE("next monday", wed, "2026-03-16");
	CHECK_DUE("next monday", sun, "2026-03-16");              /* tomorrow */
	CHECK_DUE("next monday", ymd(2026, 3, 16), "2026-03-23"); /* on a Monday */
	CHECK_DUE("next sunday", sun, "2026-03-22");
	CHECK_DUE("next wednesday", wed, "2026-03-18");
	CHECK_DUE("lundi prochain", wed, "2026-03-16");
	CHECK_DUE("Vendredi prochain", thu, "2026-03-20");
	CHECK_DUE("prochain lundi", sun, "2026-03-16");
	CHECK_DUE("mercredi  prochain", wed, "2026-03-18");
	CHECK_DUE("next monday", ymd(2026, 12, 31), "2027-01-04");
	CHECK_DUE("next friday", ymd(2027, 1, 3), "2027-01-08");   /* a Sunday */
	CHECK_DUE("next frday", wed, "error: due date \"next frday\" not understood " HINT);
	CHECK_DUE("lundi prochaine", wed,
		  "error: due date \"lundi prochaine\" not understood " HINT);
}

/* The short label of the Prompts pane and the meet question. */
static void
short_labels(void)
{
	char buf[16], tiny[6];

	CHECK_STR(date_format_short(ymd(2026, 11, 26), buf, sizeof buf), "Thu 26 Nov");
	CHECK_STR(date_format_short(ymd(2026, 12, 16), buf, sizeof buf), "Wed 16 Dec");
	CHECK_STR(date_format_short(ymd(2027, 1, 1), buf, sizeof buf), "Fri 1 Jan");
	CHECK_STR(date_format_short(ymd(2028, 2, 29), buf, sizeof buf), "Tue 29 Feb");
	CHECK_STR(date_format_short(sun, buf, sizeof buf), "Sun 15 Mar");
	/* A date that is none (read from a file another tool wrote) says so
	** rather than showing a neighbouring day. */
	CHECK_STR(date_format_short(ymd(2026, 13, 1), buf, sizeof buf), "(invalid)");
	CHECK_STR(date_format_short(ymd(0, 0, 0), buf, sizeof buf), "(invalid)");
	/* The buffer bounds the label. */
	CHECK_STR(date_format_short(ymd(2026, 11, 26), tiny, sizeof tiny), "Thu 2");
}

/* The same labels in French, for a French user or client, and the dates of
** a letter in both languages. */
static void
labels_in_french(void)
{
	char buf[DATE_SHORT_MAX], tiny[10], when[DATE_LONG_MAX];
	static const char *const fr_months[] = {
		"janv.", "févr.", "mars", "avr.", "mai", "juin",
		"juil.", "août", "sept.", "oct.", "nov.", "déc.",
	};

	CHECK_STR(date_format_short_in(RP_LANG_FR, ymd(2026, 11, 26), buf, sizeof buf),
		  "jeu. 26 nov.");
	CHECK_STR(date_format_short_in(RP_LANG_FR, ymd(2026, 2, 18), buf, sizeof buf),
		  "mer. 18 févr.");
	CHECK_STR(date_format_short_in(RP_LANG_FR, sun, buf, sizeof buf), "dim. 15 mars");
	CHECK_STR(date_format_short_in(RP_LANG_EN, sun, buf, sizeof buf), "Sun 15 Mar");
	/* The longest, September's, fits DATE_SHORT_MAX. */
	CHECK_STR(date_format_short_in(RP_LANG_FR, ymd(2026, 9, 16), buf, sizeof buf),
		  "mer. 16 sept.");
	for (int m = 1; m <= 12; m++) {
		CHECK_STR(date_month_name(RP_LANG_FR, m, true), fr_months[m - 1]);
		CHECK(strlen(date_month_name(RP_LANG_FR, m, false)) + 14 < DATE_SHORT_MAX);
	}
	CHECK_STR(date_month_name(RP_LANG_FR, 13, false), "?");
	CHECK_STR(date_weekday_name(RP_LANG_EN, 7, true), "?");
	/* A cut label never ends inside a character: "févr." is cut whole. */
	CHECK_STR(date_format_short_in(RP_LANG_FR, ymd(2026, 2, 1), tiny, sizeof tiny), "dim. 1 f");
	CHECK_STR(date_format_long_in(RP_LANG_FR, ymd(2026, 2, 1), false, tiny, sizeof tiny),
		  "1er févr");
	CHECK_STR(date_format_short_in(RP_LANG_FR, ymd(2026, 13, 1), buf, sizeof buf),
		  "(invalid)");

	/* The user's language picks date_format_short's. */
	lang_set_user(RP_LANG_FR);
	CHECK_STR(date_format_short(ymd(2026, 12, 4), buf, sizeof buf), "ven. 4 déc.");
	lang_set_user(RP_LANG_EN);
	CHECK_STR(date_format_short(ymd(2026, 12, 4), buf, sizeof buf), "Fri 4 Dec");

	CHECK_STR(date_format_long_in(RP_LANG_FR, ymd(2026, 12, 4), true, when, sizeof when),
		  "vendredi 4 décembre 2026");
	CHECK_STR(date_format_long_in(RP_LANG_EN, ymd(2026, 12, 4), true, when, sizeof when),
		  "Friday 4 December 2026");
	CHECK_STR(date_format_long_in(RP_LANG_FR, ymd(2026, 12, 1), true, when, sizeof when),
		  "mardi 1er décembre 2026");
	CHECK_STR(date_format_long_in(RP_LANG_EN, ymd(2026, 12, 1), false, when, sizeof when),
		  "1 December 2026");
	CHECK_STR(date_format_long_in(RP_LANG_FR, ymd(2026, 9, 30), false, when, sizeof when),
		  "30 septembre 2026");
	CHECK_STR(date_format_long_in(RP_LANG_FR, ymd(2026, 9, 31), true, when, sizeof when),
		  "(invalid)");
}

static void
due_in_n_days_and_weeks(void)
{
	CHECK_DUE("in 2 weeks", wed, "2026-03-25");
	CHECK_DUE("in 1 week", wed, "2026-03-18");
	CHECK_DUE("in 3 days", wed, "2026-03-14");
	CHECK_DUE("in 1 day", wed, "2026-03-12");
	CHECK_DUE("dans 2 semaines", wed, "2026-03-25");
	CHECK_DUE("dans 1 semaine", wed, "2026-03-18");
	CHECK_DUE("dans 10 jours", wed, "2026-03-21");
	CHECK_DUE("in 2 weeks", ymd(2026, 12, 24), "2027-01-07");
	CHECK_DUE("dans 3 jours", ymd(2028, 2, 27), "2028-03-01"); /* leap year */
	CHECK_DUE("in 522 weeks", wed,
		  "error: due date \"in 522 weeks\" is too far ahead (at most 3650 days)");
	CHECK_DUE("in 2 semaines", wed, "error: due date \"in 2 semaines\" not understood " HINT);
	CHECK_DUE("in two weeks", wed, "error: due date \"in two weeks\" not understood " HINT);
	CHECK_DUE("in 2 months", wed, "error: due date \"in 2 months\" not understood " HINT);
	CHECK_DUE("in 2", wed, "error: due date \"in 2\" not understood " HINT);
}

static void
due_end_of_week_and_month_in_words(void)
{
	CHECK_DUE("end of week", wed, "2026-03-13");
	CHECK_DUE("end of month", wed, "2026-03-31");
	CHECK_DUE("fin du mois", ymd(2028, 2, 3), "2028-02-29");
	CHECK_DUE("fin de mois", wed, "2026-03-31");
	CHECK_DUE("end of the week", wed, "2026-03-13");
	CHECK_DUE("fin de semaine", wed, "2026-03-13");
	CHECK_DUE("fin de la semaine", wed, "2026-03-13");
}

/* "this DAY" / "ce DAY" is the coming one, as DAY alone, but on that very
** day it is today (DAY alone is then next week's). */
static void
due_this_weekday(void)
{
	CHECK_DUE("this friday", wed, "2026-03-13");
	CHECK_DUE("ce vendredi", wed, "2026-03-13");
	CHECK_DUE("this fri", wed, "2026-03-13");
	CHECK_DUE("ce lun", wed, "2026-03-16");
	CHECK_DUE("this wednesday", wed, "2026-03-11");
	CHECK_DUE("wednesday", wed, "2026-03-18");
	CHECK_DUE("this week", wed, "error: due date \"this week\" not understood " HINT);
}

/* The lead of a note's ^: the longest phrase wins, punctuation ends it. */
static const char *
lead(const char *text, rp_date today)
{
	static char buf[1100];
	rp_error err;
	rp_date out = { 0, 0, 0 };
	size_t used = 999;

	rp_error_clear(&err);
	if (date_parse_due_lead(text, strlen(text), today, &out, &used, &err) != RP_OK) {
		snprintf(buf, sizeof buf, "error: %s (used %zu)", err.msg, used);
		return buf;
	}
	date_format(out, buf);
	snprintf(buf + 10, sizeof buf - 10, " %.*s|", (int)used, text);
	return buf;
}

/* Every weekday word "DAY" knows also reads in "next DAY", "DAY prochain"
** and "prochain DAY": on Thursday 2026-11-26, next week runs from Monday
** 30 November to Sunday 6 December. */
static void
due_phrases_in_a_note(void)
{
	/* In a note: the phrase is taken whole, the text stays clean. */
	CHECK_STR(lead("this friday, then call", wed), "2026-03-13 this friday|");
	CHECK_STR(lead("fin de la semaine svp", wed), "2026-03-13 fin de la semaine|");
}

static void
due_next_weekday_abbreviations(void)
{
	static const struct {
		const char *day;
		const char *want;
	} days[] = {
		{ "mon", "2026-11-30" }, { "monday", "2026-11-30" },
		{ "lun", "2026-11-30" }, { "lundi", "2026-11-30" },
		{ "tue", "2026-12-01" }, { "tues", "2026-12-01" },
		{ "tuesday", "2026-12-01" }, { "mar", "2026-12-01" },
		{ "mardi", "2026-12-01" },
		{ "wed", "2026-12-02" }, { "wednesday", "2026-12-02" },
		{ "mer", "2026-12-02" }, { "mercredi", "2026-12-02" },
		{ "thu", "2026-12-03" }, { "thur", "2026-12-03" },
		{ "thurs", "2026-12-03" }, { "thursday", "2026-12-03" },
		{ "jeu", "2026-12-03" }, { "jeudi", "2026-12-03" },
		{ "fri", "2026-12-04" }, { "friday", "2026-12-04" },
		{ "ven", "2026-12-04" }, { "vendredi", "2026-12-04" },
		{ "sat", "2026-12-05" }, { "saturday", "2026-12-05" },
		{ "sam", "2026-12-05" }, { "samedi", "2026-12-05" },
		{ "sun", "2026-12-06" }, { "sunday", "2026-12-06" },
		{ "dim", "2026-12-06" }, { "dimanche", "2026-12-06" },
	};
	const rp_date thursday = { 2026, 11, 26 };
	char text[64];
	size_t i;

	for (i = 0; i < sizeof days / sizeof days[0]; i++) {
		snprintf(text, sizeof text, "next %s", days[i].day);
		CHECK_DUE(text, thursday, days[i].want);
		snprintf(text, sizeof text, "%s prochain", days[i].day);
		CHECK_DUE(text, thursday, days[i].want);
		snprintf(text, sizeof text, "prochain %s", days[i].day);
		CHECK_DUE(text, thursday, days[i].want);
	}
	/* The abbreviation alone is still the coming day, not next week's. */
	CHECK_DUE("ven", thursday, "2026-11-27");
	CHECK_DUE("jeu", thursday, "2026-12-03");
	CHECK_DUE("Ven  Prochain", thursday, "2026-12-04");
	CHECK_DUE("NEXT TUES", thursday, "2026-12-01");
	/* Only weekday words: "next tomorrow" and "eow prochain" are not dates. */
	CHECK_DUE("next tomorrow", thursday,
		  "error: due date \"next tomorrow\" not understood " HINT);
	CHECK_DUE("eow prochain", thursday,
		  "error: due date \"eow prochain\" not understood " HINT);
	/* In a note line the whole phrase is the date, "prochain" included. */
	CHECK_STR(lead("ven prochain merci", thursday), "2026-12-04 ven prochain|");
	CHECK_STR(lead("next tues, then", thursday), "2026-12-01 next tues|");
	CHECK_STR(lead("prochain dim", thursday), "2026-12-06 prochain dim|");
}

static void
due_lead_takes_the_longest_phrase(void)
{
	CHECK_STR(lead("next week", wed), "2026-03-16 next week|");
	CHECK_STR(lead("next week please", wed), "2026-03-16 next week|");
	CHECK_STR(lead("in 2 weeks or so", wed), "2026-03-25 in 2 weeks|");
	CHECK_STR(lead("dans 2 semaines.", wed), "2026-03-25 dans 2 semaines|");
	CHECK_STR(lead("lundi prochain, merci", wed), "2026-03-16 lundi prochain|");
	CHECK_STR(lead("lundi prochian", wed), "2026-03-16 lundi|");
	CHECK_STR(lead("fri next week", thu), "2026-03-13 fri|");
	CHECK_STR(lead("fri, next week", thu), "2026-03-13 fri|");
	CHECK_STR(lead("fri. next", thu), "2026-03-13 fri|");
	CHECK_STR(lead("tomorrow in the morning", wed), "2026-03-12 tomorrow|");
	CHECK_STR(lead("next  week", wed), "2026-03-16 next  week|");
	CHECK_STR(lead("2026-12-01!", wed), "2026-12-01 2026-12-01|");
	/* Only the first len bytes are read. */
	{
		rp_date out = { 0, 0, 0 };
		size_t used = 0;

		CHECK(date_parse_due_lead("next week", 4, wed, &out, &used, NULL) == RP_EINVAL);
		CHECK(out.year == 0 && used == 0);
	}
}

static void
due_lead_quotes_what_it_did_not_understand(void)
{
	CHECK_STR(lead("next wek and more", wed),
		  "error: due date \"next wek\" not understood " HINT " (used 999)");
	CHECK_STR(lead("in 2 weks later", wed),
		  "error: due date \"in 2 weks\" not understood " HINT " (used 999)");
	CHECK_STR(lead("someday soon", wed),
		  "error: due date \"someday\" not understood " HINT " (used 999)");
	CHECK_STR(lead("next", wed),
		  "error: due date \"next\" not understood " HINT " (used 999)");
	CHECK_STR(lead("", wed), "error: due date missing after ^ " HINT " (used 999)");
	CHECK_STR(lead(" fri", wed), "error: due date missing after ^ " HINT " (used 999)");
	CHECK_STR(lead("...", wed), "error: due date missing after ^ " HINT " (used 999)");
	CHECK_STR(lead("ne\xFFxt week", wed),
		  "error: due date \"ne\xEF\xBF\xBDxt\" not understood " HINT " (used 999)");
}

/* A meeting time with the new phrases, in Paris across the clocks'
** change of 25 October 2026 (CEST to CET). */
static void
when_takes_the_phrases(void)
{
	rp_error err;
	int64_t t = 0;

	setenv("TZ", "Europe/Paris", 1);
	tzset();
	rp_error_clear(&err);
	/* Thursday 22 October; Monday 26 October 09:30 CET is 08:30Z:
	** date -u -d 'TZ="Europe/Paris" 2026-10-26 09:30' +%s */
	CHECK(date_parse_when("next monday 9:30", ymd(2026, 10, 22), &t, &err) == RP_OK);
	CHECK(t == 1793003400);
	CHECK(date_parse_when("lundi prochain 09:30", ymd(2026, 10, 22), &t, &err) == RP_OK);
	CHECK(t == 1793003400);
	/* date -u -d 'TZ="Europe/Paris" 2026-11-05 14:00' +%s */
	CHECK(date_parse_when("in 2 weeks 14:00", ymd(2026, 10, 22), &t, &err) == RP_OK);
	CHECK(t == 1793883600);
	CHECK(date_parse_when("next wek 14:00", ymd(2026, 10, 22), &t, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "due date \"next wek\" not understood " HINT);
}

/* A stored time no calendar holds (9e18, written by another tool) is shown
** as invalid, never as "219250468-01-00" or a neighbouring day. */
static void
absurd_times_are_invalid(void)
{
	char buf[32], day[11];

	setenv("TZ", "Europe/Paris", 1);
	tzset();
	CHECK_STR(date_format_local(1795683600, true, buf, sizeof buf), "2026-11-26 10:00");
	CHECK_STR(date_format_local(DATE_TIME_MAX, false, buf, sizeof buf), "(invalid)");
	CHECK_STR(date_format_local(INT64_C(6918798400000000), false, buf, sizeof buf),
		  "(invalid)");
	CHECK_STR(date_format_local(INT64_C(9000000000000000000), true, buf, sizeof buf),
		  "(invalid)");
	CHECK_STR(date_format_local(INT64_MIN, true, buf, sizeof buf), "(invalid)");
	CHECK_STR(date_format_local(DATE_TIME_INVALID, true, buf, sizeof buf), "(invalid)");
	/* The short label of the screens, in the same zone: 1795683600 is
	** 09:00 UTC, 10:00 in Paris; 2026-12-16 13:00 UTC is 14:00 there. */
	CHECK_STR(date_format_local_short(1795683600, buf, sizeof buf), "Thu 26 Nov 10:00");
	CHECK_STR(date_format_local_short(1797426000, buf, sizeof buf), "Wed 16 Dec 14:00");
	CHECK_STR(date_format_local_short(DATE_TIME_INVALID, buf, sizeof buf), "(invalid)");
	CHECK_STR(date_format(date_local(DATE_TIME_INVALID), day), "(invalid)");
	CHECK_STR(date_format(date_local(-1), day), "1970-01-01");
	CHECK_STR(date_format(ymd(2026, 2, 30), day), "(invalid)");
	CHECK(date_time_valid(0) && date_time_valid(DATE_TIME_MIN) && !date_time_valid(DATE_TIME_INVALID));
}

static void
due_today_must_be_valid(void)
{
	CHECK_DUE("fri", ymd(2026, 2, 30),
		  "error: today's date is not a valid date");
}

int
main(void)
{
	RUN(valid_dates);
	RUN(absurd_times_are_invalid);
	RUN(leap_years);
	RUN(month_days);
	RUN(days_since_epoch);
	RUN(dates_from_days);
	RUN(every_day_round_trips);
	RUN(weekdays);
	RUN(labels_in_french);
	RUN(add_days);
	RUN(format);
	RUN(due_iso);
	RUN(due_iso_not_a_day);
	RUN(due_iso_wrong_shape);
	RUN(due_today_and_tomorrow);
	RUN(due_french_days);
	RUN(due_english_weekdays);
	RUN(due_french_weekdays);
	RUN(due_weekday_case);
	RUN(due_friday_on_a_friday);
	RUN(due_weekday_across_the_year);
	RUN(due_offsets);
	RUN(due_french_offsets);
	RUN(due_offsets_across_the_year);
	RUN(due_offset_limits);
	RUN(due_offset_malformed);
	RUN(due_months_are_refused);
	RUN(due_end_of_week);
	RUN(due_end_of_month);
	RUN(due_blanks_around);
	RUN(due_empty);
	RUN(due_garbage);
	RUN(due_invalid_utf8);
	RUN(due_control_characters_are_neutralised);
	RUN(due_long_input_is_cut);
	RUN(due_failure_leaves_out_alone);
	RUN(due_without_error_struct);
	RUN(due_at_the_end_of_the_calendar);
	RUN(due_today_must_be_valid);
	RUN(due_next_week);
	RUN(due_next_weekday);
	RUN(due_next_weekday_abbreviations);
	RUN(due_this_weekday);
	RUN(due_phrases_in_a_note);
	RUN(short_labels);
	RUN(due_in_n_days_and_weeks);
	RUN(due_end_of_week_and_month_in_words);
	RUN(due_lead_takes_the_longest_phrase);
	RUN(due_lead_quotes_what_it_did_not_understand);
	RUN(when_takes_the_phrases);
	return tap_done();
}
