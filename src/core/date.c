/* date.c: calendar arithmetic and the due-date words of note lines.
** See date.h.
**
** Days are counted in the proleptic Gregorian calendar, the one ISO 8601
** and SQLite's date functions use, so a date stored here reads the same
** there.
*/
#include "rapport/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/text.h"
#include "rapport/i18n.h"

#define DAYS_0001_TO_1970 719162   /* days from 0001-01-01 to 1970-01-01 */
#define DAYS_PER_400_YEARS 146097
#define DUE_AHEAD_MAX 3650         /* ^+Nd is refused beyond ten years */
#define DUE_WORD_MAX 40            /* longer than any word we read */
#define DUE_QUOTE_MAX 40           /* bytes of the input shown in a message */

/* Days in the year before the first of each month, non-leap year. */
static const int days_before_month[13] = {
	0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
};

static bool
is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
date_month_days(int year, int month)
{
	static const int len[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && is_leap(year))
		return 29;
	return len[month];
}

bool
date_valid(int year, int month, int day)
{
	if (year < 1 || year > 9999 || month < 1 || month > 12)
		return false;
	return day >= 1 && day <= date_month_days(year, month);
}

/* Days since 1970-01-01 (see date.h).  A month out of range is clamped
** rather than read past the table. */
int64_t
date_to_days(rp_date d)
{
	int64_t y = (int64_t)d.year - 1;
	int64_t days;
	int month = d.month < 1 ? 1 : d.month > 12 ? 12 : d.month;

	/* Whole years since 0001-01-01, then whole months, then days. */
	days = y * 365 + y / 4 - y / 100 + y / 400;
	days += days_before_month[month];
	if (month > 2 && is_leap(d.year))
		days++;
	days += d.day - 1;
	return days - DAYS_0001_TO_1970;
}

/* The date `days` after 1970-01-01, clamped to years 1..9999.  Peels off
** 400-, 100-, 4- and 1-year cycles, then finds the month. */
rp_date
date_from_days(int64_t days)
{
	static const rp_date first = { 1, 1, 1 }, last = { 9999, 12, 31 };
	int64_t n, c100, c4, c1;
	rp_date d;
	int month;

	/* Outside the years we keep, the nearest end of the calendar: better
	** a visible 9999-12-31 than an overflow. */
	if (days < date_to_days(first))
		return first;
	if (days > date_to_days(last))
		return last;

	n = days + DAYS_0001_TO_1970;  /* now 0 on 0001-01-01, never negative */
	d.year = 1 + (int)(n / DAYS_PER_400_YEARS) * 400;
	n %= DAYS_PER_400_YEARS;
	/* The last day of a 400-year cycle is the 366th day of a century's
	** leap year; the clamps to 3 keep it in that year. */
	c100 = n / 36524;
	if (c100 == 4)
		c100 = 3;
	n -= c100 * 36524;
	c4 = n / 1461;
	n -= c4 * 1461;
	c1 = n / 365;
	if (c1 == 4)
		c1 = 3;
	n -= c1 * 365;
	d.year += (int)(c100 * 100 + c4 * 4 + c1);

	/* n is now the day of the year, 0-based. */
	for (month = 12; month > 1; month--) {
		int before = days_before_month[month] + (month > 2 && is_leap(d.year));
		if (n >= before)
			break;
	}
	d.month = month;
	d.day = (int)(n - days_before_month[month] - (month > 2 && is_leap(d.year))) + 1;
	return d;
}

int
date_weekday(rp_date d)
{
	/* 1970-01-01 was a Thursday, 3 counting from Monday. */
	int64_t w = (date_to_days(d) + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

/* d plus n days, clamped to years 1..9999. */
rp_date
date_add_days(rp_date d, int64_t n)
{
	/* Keep far-fetched n from overflowing; date_from_days clamps. */
	if (n > 4000000)
		n = 4000000;
	if (n < -4000000)
		n = -4000000;
	return date_from_days(date_to_days(d) + n);
}

/* Write the `width` low decimal digits of v at p. */
static void
put_digits(char *p, int v, int width)
{
	if (v < 0)
		v = 0;
	while (width-- > 0) {
		p[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

bool
date_time_valid(int64_t t)
{
	return t >= DATE_TIME_MIN && t <= DATE_TIME_MAX;
}

char *
date_format(rp_date d, char *buf)
{
	if (!date_valid(d.year, d.month, d.day))
		return strcpy(buf, DATE_INVALID_TEXT);
	put_digits(buf, d.year, 4);
	buf[4] = '-';
	put_digits(buf + 5, d.month, 2);
	buf[7] = '-';
	put_digits(buf + 8, d.day, 2);
	buf[10] = '\0';
	return buf;
}

/* The names, Monday first.  French writes them in lower case and shortens
** them with a full stop, except where the word is short already. */
static const char *const weekday_names[RP_LANG_COUNT][2][7] = {
	[RP_LANG_EN] = {
		{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
		{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
	},
	[RP_LANG_FR] = {
		{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"},
		{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."},
	},
};
static const char *const month_names[RP_LANG_COUNT][2][12] = {
	[RP_LANG_EN] = {
		{"January", "February", "March", "April", "May", "June", "July", "August",
		 "September", "October", "November", "December"},
		{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
		 "Dec"},
	},
	[RP_LANG_FR] = {
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		 "septembre", "octobre", "novembre", "décembre"},
		{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
		 "nov.", "déc."},
	},
};

const char *
date_weekday_name(enum rp_lang lang, int weekday, bool shortened)
{
	if (weekday < 0 || weekday > 6)
		return "?";
	return weekday_names[lang == RP_LANG_FR][shortened][weekday];
}

const char *
date_month_name(enum rp_lang lang, int month, bool shortened)
{
	if (month < 1 || month > 12)
		return "?";
	return month_names[lang == RP_LANG_FR][shortened][month - 1];
}

/* A label that did not fit buf (n bytes wanted) ends before the character
** it would have cut: "févr." cut at 'é' leaves no half of it. */
static char *
whole_chars(char *buf, size_t size, int n)
{
	size_t end, lead;
	unsigned char c;

	if (n < 0 || (size_t)n < size || size < 2)
		return buf;
	end = size - 1;  /* snprintf kept buf[0..end) */
	lead = end - 1;
	while (lead > 0 && ((unsigned char)buf[lead] & 0xC0) == 0x80)
		lead--;
	c = (unsigned char)buf[lead];
	if (c >= 0xC0 && lead + (c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2) > end)
		buf[lead] = '\0';
	return buf;
}

char *
date_format_short_in(enum rp_lang lang, rp_date d, char *buf, size_t size)
{
	if (!date_valid(d.year, d.month, d.day)) {
		snprintf(buf, size, "%s", DATE_INVALID_TEXT);
		return buf;
	}
	return whole_chars(buf, size,
			   snprintf(buf, size, "%s %d %s",
				    date_weekday_name(lang, date_weekday(d), true), d.day,
				    date_month_name(lang, d.month, true)));
}

char *
date_format_short(rp_date d, char *buf, size_t size)
{
	return date_format_short_in(lang_user(), d, buf, size);
}

char *
date_format_long_in(enum rp_lang lang, rp_date d, bool weekday, char *buf, size_t size)
{
	if (!date_valid(d.year, d.month, d.day)) {
		snprintf(buf, size, "%s", DATE_INVALID_TEXT);
		return buf;
	}
	/* "Friday 4 December 2026", "vendredi 4 décembre 2026"; French
	** writes the first of the month "1er". */
	return whole_chars(buf, size,
			   snprintf(buf, size, "%s%s%d%s %s %d",
				    weekday ? date_weekday_name(lang, date_weekday(d), false) : "",
				    weekday ? " " : "", d.day,
				    lang == RP_LANG_FR && d.day == 1 ? "er" : "",
				    date_month_name(lang, d.month, false), d.year));
}

enum due_rule {
	DUE_OFFSET,   /* today + n days */
	DUE_WEEKDAY,  /* next weekday n (0 = Monday), never today */
	DUE_EOW,      /* coming Friday, today if Friday */
	DUE_EOM,      /* last day of this month */
	DUE_NEXT_WEEK, /* weekday n (0 = Monday) of the week after this one */
};

/* The words, folded (lower case, no accents).  French next to English. */
static const struct {
	const char *word;
	enum due_rule rule;
	int n;
} due_words[] = {
	{ "today", DUE_OFFSET, 0 },
	{ "tod", DUE_OFFSET, 0 },
	{ "aujourd'hui", DUE_OFFSET, 0 },
	{ "auj", DUE_OFFSET, 0 },
	{ "tomorrow", DUE_OFFSET, 1 },
	{ "tmrw", DUE_OFFSET, 1 },
	{ "demain", DUE_OFFSET, 1 },
	{ "eow", DUE_EOW, 0 },
	{ "fds", DUE_EOW, 0 },
	{ "eom", DUE_EOM, 0 },
	{ "fdm", DUE_EOM, 0 },
	{ "monday", DUE_WEEKDAY, 0 },
	{ "mon", DUE_WEEKDAY, 0 },
	{ "lundi", DUE_WEEKDAY, 0 },
	{ "lun", DUE_WEEKDAY, 0 },
	{ "tuesday", DUE_WEEKDAY, 1 },
	{ "tues", DUE_WEEKDAY, 1 },
	{ "tue", DUE_WEEKDAY, 1 },
	{ "mardi", DUE_WEEKDAY, 1 },
	{ "mar", DUE_WEEKDAY, 1 },
	{ "wednesday", DUE_WEEKDAY, 2 },
	{ "wed", DUE_WEEKDAY, 2 },
	{ "mercredi", DUE_WEEKDAY, 2 },
	{ "mer", DUE_WEEKDAY, 2 },
	{ "thursday", DUE_WEEKDAY, 3 },
	{ "thurs", DUE_WEEKDAY, 3 },
	{ "thur", DUE_WEEKDAY, 3 },
	{ "thu", DUE_WEEKDAY, 3 },
	{ "jeudi", DUE_WEEKDAY, 3 },
	{ "jeu", DUE_WEEKDAY, 3 },
	{ "friday", DUE_WEEKDAY, 4 },
	{ "fri", DUE_WEEKDAY, 4 },
	{ "vendredi", DUE_WEEKDAY, 4 },
	{ "ven", DUE_WEEKDAY, 4 },
	{ "saturday", DUE_WEEKDAY, 5 },
	{ "sat", DUE_WEEKDAY, 5 },
	{ "samedi", DUE_WEEKDAY, 5 },
	{ "sam", DUE_WEEKDAY, 5 },
	{ "sunday", DUE_WEEKDAY, 6 },
	{ "sun", DUE_WEEKDAY, 6 },
	{ "dimanche", DUE_WEEKDAY, 6 },
	{ "dim", DUE_WEEKDAY, 6 },
	{ "end of week", DUE_EOW, 0 },
	{ "end of the week", DUE_EOW, 0 },
	{ "fin de semaine", DUE_EOW, 0 },
	{ "fin de la semaine", DUE_EOW, 0 },
	{ "end of month", DUE_EOM, 0 },
	{ "fin de mois", DUE_EOM, 0 },
	{ "fin du mois", DUE_EOM, 0 },
	/* "Next week" is its Monday: the week starts then, and a follow-up
	** due "next week" is late once that week is under way. */
	{ "next week", DUE_NEXT_WEEK, 0 },
	{ "semaine prochaine", DUE_NEXT_WEEK, 0 },
	{ "la semaine prochaine", DUE_NEXT_WEEK, 0 },
	{ "prochaine semaine", DUE_NEXT_WEEK, 0 },
};

/* The first words of the phrases above and of "in N weeks" / "dans N
** semaines", with how many words such a phrase has: a phrase that does not
** parse is quoted whole in the message, not cut after its first word. */
static const struct {
	const char *word;
	int words;
} phrase_starts[] = {
	{ "next", 2 }, { "in", 3 }, { "dans", 3 }, { "end", 4 }, { "fin", 4 },
	{ "semaine", 2 }, { "la", 3 }, { "prochaine", 2 }, { "prochain", 2 },
	{ "this", 2 }, { "ce", 2 },
};

/* Make text[0..len) fit to be quoted in a message: controls neutralised,
** cut after about DUE_QUOTE_MAX bytes on a character boundary, "…" when
** cut.  buf holds at least DUE_QUOTE_MAX + 4 bytes.  Returns false when out
** of memory. */
static bool
quote_input(const char *text, size_t len, char *buf)
{
	char head[DUE_QUOTE_MAX + 1];
	char *clean;
	size_t n = len, cut;
	bool cut_short;

	if (n > DUE_QUOTE_MAX) {
		n = DUE_QUOTE_MAX;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(head, text, n);
	head[n] = '\0';
	clean = text_sanitize(head, " ");
	if (clean == NULL)
		return false;
	/* Neutralised controls take three bytes each, so cut again. */
	cut = strlen(clean);
	cut_short = n < len;
	if (cut > DUE_QUOTE_MAX) {
		cut = DUE_QUOTE_MAX;
		while (cut > 0 && ((unsigned char)clean[cut] & 0xC0) == 0x80)
			cut--;
		cut_short = true;
	}
	memcpy(buf, clean, cut);
	if (cut_short)
		memcpy(buf + cut, "\xE2\x80\xA6", 3);  /* … */
	buf[cut + (cut_short ? 3 : 0)] = '\0';
	free(clean);
	return true;
}

/* Fail with the usual "not understood" message, quoting the input. */
static enum rp_status
fail_not_understood(rp_error *err, const char *quoted)
{
	return rp_fail(err, RP_EINVAL, _("due date \"%s\" not understood (try 2026-12-01, fri, tomorrow, +3d, eow)"),
		       quoted);
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Read YYYY-MM-DD exactly.  Returns false when s is not in that shape;
** otherwise sets the fields, which may still not be a real day. */
static bool
read_iso(const char *s, int *year, int *month, int *day)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	if (strlen(s) != sizeof shape - 1)
		return false;
	for (i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? !is_digit(s[i]) : s[i] != shape[i])
			return false;
	*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*month = (s[5] - '0') * 10 + (s[6] - '0');
	*day = (s[8] - '0') * 10 + (s[9] - '0');
	return true;
}

/* Replace each ’ (U+2019) in s with ', in place: phones and word
** processors type it in "aujourd’hui". */
static void
straighten_apostrophes(char *s)
{
	char *r = s, *w = s;

	while (*r != '\0') {
		if (strncmp(r, "\xE2\x80\x99", 3) == 0) {
			*w++ = '\'';
			r += 3;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

/* Replace each run of blanks in s with one space, in place: "next  week"
** is "next week". */
static void
squeeze_blanks(char *s)
{
	char *r = s, *w = s;

	while (*r != '\0') {
		if (*r == ' ' || *r == '\t') {
			while (r[1] == ' ' || r[1] == '\t')
				r++;
			*w++ = ' ';
			r++;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

/* The weekday (0 = Monday) that folded word w names, or -1.  Read from
** due_words, so "next DAY" knows every name and abbreviation "DAY" does. */
static int
weekday_named(const char *w)
{
	size_t i;

	for (i = 0; i < sizeof due_words / sizeof due_words[0]; i++)
		if (due_words[i].rule == DUE_WEEKDAY && strcmp(w, due_words[i].word) == 0)
			return due_words[i].n;
	return -1;
}

/* "this friday", "ce vendredi": the weekday as DAY alone would give it
** (the coming one), or -1 when the text is not such a phrase. */
static int
this_weekday_phrase(const char *f)
{
	const char *sp = strchr(f, ' ');

	if (sp == NULL || strchr(sp + 1, ' ') != NULL)
		return -1;
	if ((size_t)(sp - f) == 4 && strncmp(f, "this", 4) == 0)
		return weekday_named(sp + 1);
	if ((size_t)(sp - f) == 2 && strncmp(f, "ce", 2) == 0)
		return weekday_named(sp + 1);
	return -1;
}

/* "next monday", "lundi prochain", "prochain lundi" in folded, squeezed
** text: the weekday, or -1 when the text is not one of those. */
static int
next_weekday_phrase(const char *f)
{
	char first[DUE_WORD_MAX + 1], second[DUE_WORD_MAX + 1];
	const char *sp = strchr(f, ' ');
	size_t n;

	if (sp == NULL || strchr(sp + 1, ' ') != NULL)
		return -1;
	n = (size_t)(sp - f);
	memcpy(first, f, n);
	first[n] = '\0';
	snprintf(second, sizeof second, "%s", sp + 1);
	if (strcmp(first, "next") == 0 || strcmp(first, "prochain") == 0)
		return weekday_named(second);
	if (strcmp(second, "prochain") == 0)
		return weekday_named(first);
	return -1;
}

/* "in N days", "in N weeks", "dans N jours", "dans N semaines" (singular
** too) in folded, squeezed text.  Returns 1 with *days set, 0 when the text
** is not such a phrase, -1 after failing (too far ahead). */
static int
in_n_phrase(const char *f, const char *quoted, int64_t *days, rp_error *err)
{
	static const struct {
		const char *unit;
		int days;
	} units[] = {
		{ "day", 1 }, { "days", 1 }, { "week", 7 }, { "weeks", 7 },
		{ "jour", 1 }, { "jours", 1 }, { "semaine", 7 }, { "semaines", 7 },
	};
	const char *p;
	int64_t n = 0;
	int ndigits = 0;
	size_t i;
	bool english;

	if (strncmp(f, "in ", 3) == 0)
		p = f + 3, english = true;
	else if (strncmp(f, "dans ", 5) == 0)
		p = f + 5, english = false;
	else
		return 0;
	while (is_digit(*p)) {
		if (n < 1000000)
			n = n * 10 + (*p - '0');
		ndigits++;
		p++;
	}
	if (ndigits == 0 || *p++ != ' ')
		return 0;
	/* "in 2 semaines" mixes the languages: not a phrase anyone types. */
	for (i = english ? 0 : 4; i < (english ? 4u : 8u); i++)
		if (strcmp(p, units[i].unit) == 0)
			break;
	if (i == (english ? 4u : 8u))
		return 0;
	n *= units[i].days;
	if (n > DUE_AHEAD_MAX) {
		rp_fail(err, RP_EINVAL,
			P_("due date \"%s\" is too far ahead (at most %d day)",
			   "due date \"%s\" is too far ahead (at most %d days)", DUE_AHEAD_MAX),
			quoted, DUE_AHEAD_MAX);
		return -1;
	}
	*days = n;
	return 1;
}

/* Read +N followed by a unit from folded word w (starting at '+').
** Returns RP_OK with *days set, or fails quoting `quoted`. */
static enum rp_status
read_offset(const char *w, const char *quoted, int64_t *days, rp_error *err)
{
	const char *p = w + 1;
	int64_t n = 0;
	int ndigits = 0;

	while (is_digit(*p)) {
		/* Stop growing long before overflow; the limit check below
		** refuses anything this large anyway. */
		if (n < 1000000)
			n = n * 10 + (*p - '0');
		ndigits++;
		p++;
	}
	if (ndigits == 0 || p[0] == '\0' || p[1] != '\0')
		return fail_not_understood(err, quoted);
	switch (*p) {
	case 'd':
	case 'j':
		break;
	case 'w':
	case 's':
		n *= 7;
		break;
	case 'm':
		/* Minutes or months?  We do not guess. */
		return rp_fail(err, RP_EINVAL,
			       _("due date \"%s\" not understood: \"m\" could be months or "
				 "minutes; count in days (+30d) or weeks (+4w)"), quoted);
	default:
		return fail_not_understood(err, quoted);
	}
	if (n > DUE_AHEAD_MAX)
		return rp_fail(err, RP_EINVAL,
			       P_("due date \"%s\" is too far ahead (at most %d day)",
				  "due date \"%s\" is too far ahead (at most %d days)", DUE_AHEAD_MAX),
			       quoted, DUE_AHEAD_MAX);
	*days = n;
	return RP_OK;
}

/* Parse a due date (see date.h).  The word is short by then, so it is
** copied to the stack; only folding allocates. */
enum rp_status
date_parse_due(const char *text, rp_date today, rp_date *out, rp_error *err)
{
	static const rp_date last = { 9999, 12, 31 };
	char word[DUE_WORD_MAX + 1], quoted[DUE_QUOTE_MAX + 8];
	char *folded = NULL;
	enum rp_status status = RP_EINVAL;
	int64_t delta = 0;
	int year, month, day, wd, n;
	size_t start, end, i;
	rp_date result;

	if (!date_valid(today.year, today.month, today.day))
		return rp_fail(err, RP_EINVAL, "%s", _("today's date is not a valid date"));
	if (text == NULL)
		text = "";
	start = 0;
	end = strlen(text);
	while (start < end && (text[start] == ' ' || text[start] == '\t'))
		start++;
	while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	if (start == end)
		return rp_fail(err, RP_EINVAL, "%s",
			       _("due date missing after ^ (try 2026-12-01, fri, tomorrow, +3d, eow)"));
	if (!quote_input(text + start, end - start, quoted))
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	/* Nothing we read is this long, and it may not even be text. */
	if (end - start > DUE_WORD_MAX || !text_utf8_valid(text + start, end - start))
		return fail_not_understood(err, quoted);
	memcpy(word, text + start, end - start);
	word[end - start] = '\0';

	if (read_iso(word, &year, &month, &day)) {
		if (!date_valid(year, month, day))
			return rp_fail(err, RP_EINVAL, _("%s is not a day of the calendar"), quoted);
		*out = (rp_date){ year, month, day };
		return RP_OK;
	}

	folded = text_fold(word);
	if (folded == NULL) {
		status = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
		goto out;
	}
	straighten_apostrophes(folded);
	squeeze_blanks(folded);
	wd = date_weekday(today);

	if (folded[0] == '+') {
		status = read_offset(folded, quoted, &delta, err);
		if (status != RP_OK)
			goto out;
	} else if ((n = this_weekday_phrase(folded)) >= 0) {
		delta = (n - wd + 7) % 7;  /* "this friday" on a Friday: today */
	} else if ((n = next_weekday_phrase(folded)) >= 0) {
		delta = 7 - wd + n;
	} else if ((n = in_n_phrase(folded, quoted, &delta, err)) != 0) {
		if (n < 0)
			goto out;
	} else {
		for (i = 0; i < sizeof due_words / sizeof due_words[0]; i++)
			if (strcmp(folded, due_words[i].word) == 0)
				break;
		if (i == sizeof due_words / sizeof due_words[0]) {
			status = fail_not_understood(err, quoted);
			goto out;
		}
		switch (due_words[i].rule) {
		case DUE_OFFSET:
			delta = due_words[i].n;
			break;
		case DUE_WEEKDAY:
			/* "^fri" on a Friday means next week: nobody writes a
			** follow-up that is due the moment it is written. */
			delta = (due_words[i].n - wd + 7) % 7;
			if (delta == 0)
				delta = 7;
			break;
		case DUE_EOW:
			/* On a weekend the week is over: the next Friday. */
			delta = (4 - wd + 7) % 7;
			break;
		case DUE_EOM:
			delta = date_month_days(today.year, today.month) - today.day;
			break;
		case DUE_NEXT_WEEK:
			/* Weeks start on Monday (ISO 8601): on a Sunday, next
			** week starts tomorrow. */
			delta = 7 - wd + due_words[i].n;
			break;
		}
	}

	/* Only the last days of year 9999 get here, but they must not wrap. */
	if (date_to_days(today) + delta > date_to_days(last)) {
		status = rp_fail(err, RP_EINVAL,
				 _("due date \"%s\" falls after 9999-12-31"), quoted);
		goto out;
	}
	result = date_add_days(today, delta);
	*out = result;
	status = RP_OK;
out:
	free(folded);
	return status;
}

#define DUE_LEAD_WORDS 4   /* the longest phrase: "end of the week" */

static bool
is_clause_punct(char c)
{
	return c != '\0' && strchr(".,;:!?", c) != NULL;
}

/* Read the due date that starts text (see date.h): the longest run of
** words that parses wins, so "^next week" is not "next" and then a word. */
enum rp_status
date_parse_due_lead(const char *text, size_t len, rp_date today, rp_date *out, size_t *used,
		    rp_error *err)
{
	char cand[DUE_WORD_MAX + 1], *first = NULL;
	size_t ends[DUE_LEAD_WORDS], pos = 0, cut;
	enum rp_status s;
	int nwords = 0, k, quote_words = 1;
	rp_error one;

	/* Where each of the first words ends, trailing punctuation aside. */
	while (nwords < DUE_LEAD_WORDS && pos < len && text[pos] != ' ') {
		while (pos < len && text[pos] != ' ')
			pos++;
		cut = pos;
		while (cut > 0 && is_clause_punct(text[cut - 1]))
			cut--;
		ends[nwords++] = cut;
		/* "fri, then" or "fri. Then": a phrase stops at its clause. */
		if (cut < pos)
			break;
		while (pos < len && text[pos] == ' ' && pos + 1 < len && text[pos + 1] == ' ')
			pos++;
		if (pos < len)
			pos++;
	}
	for (k = nwords; k >= 1; k--) {
		if (ends[k - 1] == 0 || ends[k - 1] > DUE_WORD_MAX)
			continue;
		memcpy(cand, text, ends[k - 1]);
		cand[ends[k - 1]] = '\0';
		rp_error_clear(&one);
		if (date_parse_due(cand, today, out, &one) == RP_OK) {
			*used = ends[k - 1];
			return RP_OK;
		}
	}
	/* Nothing parsed: quote a begun phrase whole ("next wek"). */
	if (nwords > 1 && ends[0] > 0 && ends[0] <= DUE_WORD_MAX &&
	    text_utf8_valid(text, ends[0])) {
		memcpy(cand, text, ends[0]);
		cand[ends[0]] = '\0';
		if ((first = text_fold(cand)) == NULL)
			return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
		for (size_t i = 0; i < sizeof phrase_starts / sizeof phrase_starts[0]; i++)
			if (strcmp(first, phrase_starts[i].word) == 0)
				quote_words = phrase_starts[i].words;
		free(first);
	}
	if (quote_words > nwords)
		quote_words = nwords;
	/* Parse the quoted part once more for its message: it fails again. */
	if ((first = strndup(text, nwords > 0 ? ends[quote_words - 1] : 0)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	s = date_parse_due(first, today, out, err);
	free(first);
	return s == RP_OK ? rp_fail(err, RP_EINVAL, "%s", _("due date not understood")) : s;
}
