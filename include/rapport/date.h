/* date.h: calendar dates and the due-date grammar of note lines.
**
** Pure functions: no clock, no time zone.  "Today" is given by the caller as
** a local calendar date.
*/
#ifndef RAPPORT_DATE_H
#define RAPPORT_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/error.h"
#include "rapport/lang.h"

typedef struct rp_date {
	int year;   /* e.g. 2026 */
	int month;  /* 1..12 */
	int day;    /* 1..31 */
} rp_date;

/* True when y-m-d is a real day of the proleptic Gregorian calendar,
** years 1..9999. */
bool date_valid(int year, int month, int day);

/* Days since 1970-01-01 for a valid date (negative before). */
int64_t date_to_days(rp_date d);

/* The date `days` days after 1970-01-01. */
rp_date date_from_days(int64_t days);

/* Day of the week: 0 = Monday .. 6 = Sunday. */
int date_weekday(rp_date d);

/* d plus n days (n may be negative). */
rp_date date_add_days(rp_date d, int64_t n);

/* Number of days in that month of that year. */
int date_month_days(int year, int month);

/* What a date or time that cannot be one is shown as: a stored number no
** calendar holds (another tool wrote it), rather than digits of garbage. */
#define DATE_INVALID_TEXT "(invalid)"

/* Times (UTC seconds) rapport takes as real: years 1..9999.  A stored time
** outside is read as DATE_TIME_INVALID (see db_col_time), which every
** formatter shows as DATE_INVALID_TEXT and which is small enough that
** arithmetic on it cannot overflow. */
#define DATE_TIME_MIN INT64_C(-62135596800)    /* 0001-01-01T00:00:00Z */
#define DATE_TIME_MAX INT64_C(253402300799)    /* 9999-12-31T23:59:59Z */
#define DATE_TIME_INVALID (DATE_TIME_MAX + 1)

/* True when t is within DATE_TIME_MIN..DATE_TIME_MAX. */
bool date_time_valid(int64_t t);

/* Write d as YYYY-MM-DD into buf (at least 11 bytes), or DATE_INVALID_TEXT
** when d is not a valid date.  Returns buf. */
char *date_format(rp_date d, char *buf);

/* Room for any date as the formatters below write it, in either language. */
#define DATE_SHORT_MAX 24   /* "mer. 16 févr." and "Wed 16 Dec 14:00" */
#define DATE_LONG_MAX 48    /* "mercredi 16 septembre 2026" */

/* A weekday's name (0 is Monday) or a month's (1 is January), whole or
** shortened ("Wed", "mer."; "Dec", "déc."); "?" when out of range. */
const char *date_weekday_name(enum rp_lang lang, int weekday, bool shortened);
const char *date_month_name(enum rp_lang lang, int month, bool shortened);

/* Write d as a short label for people, in the user's language
** (lang_user()): "Wed 16 Dec", "mer. 16 déc." (no year), into buf (size
** bytes; DATE_SHORT_MAX hold any valid date), or DATE_INVALID_TEXT for a
** date that is not valid.  Returns buf. */
char *date_format_short(rp_date d, char *buf, size_t size);

/* The same in lang. */
char *date_format_short_in(enum rp_lang lang, rp_date d, char *buf, size_t size);

/* d in full, as in a letter: "Friday 4 December 2026" or "vendredi 4
** décembre 2026" ("1er décembre" on the first), without the weekday when
** weekday is false.  DATE_LONG_MAX bytes hold any. */
char *date_format_long_in(enum rp_lang lang, rp_date d, bool weekday, char *buf, size_t size);

/* Parse a due date as typed after `^` in a note, relative to `today`:
**   YYYY-MM-DD
**   today, tomorrow                        (fr: aujourd'hui, auj, demain)
**   weekday names, full or three letters   (mon..sun; fr: lun..dim,
**       lundi..dimanche): the next such day, never today
**   +Nd, +Nw (fr: +Nj, +Ns): N days or weeks from today, N <= 3650 days
**   eow, end of week (fr: fds): the coming Friday, today if it is Friday
**   eom, end of month (fr: fdm, fin du mois, fin de mois): the last day
**       of this month
**   next week (fr: semaine prochaine, la semaine prochaine, prochaine
**       semaine): the Monday of next week (weeks start on Monday, so on a
**       Sunday that is tomorrow)
**   next WEEKDAY (fr: WEEKDAY prochain, prochain WEEKDAY), WEEKDAY any of
**       the weekday names above: that day of next week ("next fri" on a
**       Thursday is eight days ahead; "fri" is one)
**   in N days, in N weeks (fr: dans N jours, dans N semaines): as +Nd, +Nw
** Words may be separated by several blanks.
** Case-insensitive; accents accepted where French writes them.
** Returns RP_OK with *out set, or RP_EINVAL with err naming the text that was
** not understood.  Never guesses.
*/
enum rp_status date_parse_due(const char *text, rp_date today, rp_date *out, rp_error *err);

/* Read the due date that starts text[0..len), as typed after `^` in a note
** line where it is followed by more of the note: the longest run of at most
** three words (separated by spaces) that date_parse_due() reads, with a
** word's trailing punctuation (.,;:!?) left out and ending the run.  Sets
** *out and *used (the bytes of text the date covers).  When no run reads,
** RP_EINVAL with err quoting the phrase that was begun ("next wek") or else
** the first word; *out and *used are left alone. */
enum rp_status date_parse_due_lead(const char *text, size_t len, rp_date today, rp_date *out,
				   size_t *used, rp_error *err);

/* The local calendar date of t (UTC seconds), in the process's time zone;
** {0, 0, 0} (not a valid date) when t is not a valid time. */
rp_date date_local(int64_t t);

/* t as a local "YYYY-MM-DD", or "YYYY-MM-DD HH:MM" with with_time, into buf
** (size bytes), or DATE_INVALID_TEXT when t is not a valid time.  Returns
** buf. */
char *date_format_local(int64_t t, bool with_time, char *buf, size_t size);

/* t as a short local label for people, "Wed 16 Dec 14:00" (no year, as
** date_format_short, in the user's language), into buf (size bytes;
** DATE_SHORT_MAX hold any), or
** DATE_INVALID_TEXT when t is not a valid time.  Returns buf. */
char *date_format_local_short(int64_t t, char *buf, size_t size);

/* Parse a meeting time in local time: "2026-12-01 14:00",
** "2026-12-01T14:00", any due date of date_parse_due() followed by a time
** ("fri 14:00", "demain 9:30"), or a time alone for today.  A date without
** a time, a year more than ten years from today, or a time the clocks skip
** is RP_EINVAL, never a guess.  Sets *out to UTC seconds. */
enum rp_status date_parse_when(const char *text, rp_date today, int64_t *out, rp_error *err);

/* The same from the time now (UTC): a weekday that names today, at a time
** still ahead ("fri 14:00" on a Friday morning), is today, not next
** week. */
enum rp_status date_parse_when_from(const char *text, int64_t now, int64_t *out,
				    rp_error *err);

#endif
