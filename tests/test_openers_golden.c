/* test_openers_golden.c: the golden table of openers, tests/data/openers.tsv.
**
** Each row is a fact as a PM notes it, in either language, with the day it
** was noted and the day of the call: its kind is guessed as `rapport fact`
** and a `*` note guess it (fact_kind_guess()), and its opener is made as
** Prep makes it (opener_generate_on() with that day for today), in the
** client's language.  A "Name: " lead makes the fact that person's, as it
** would be for one of the client's people.  "(none)" is a fact that must
** give no opener.
**
** Columns, tab-separated: client language (en|fr), date noted, today
** (YYYY-MM-DD), the fact, the opener.  Lines starting with '#' are
** comments.  With OPENERS_PRINT set in the environment, the openers made
** are printed too (for reading the table through).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/fact.h"
#include "rapport/opener.h"
#include "rapport/person.h"
#include "rapport/text.h"
#include "tap.h"

#ifndef TEST_DATA_DIR
#error "TEST_DATA_DIR: the folder of tests/data, from tests/meson.build"
#endif

#define LINE_MAX_BYTES 4096

static int rows;

static bool
parse_day(const char *s, rp_date *d)
{
	return sscanf(s, "%d-%d-%d", &d->year, &d->month, &d->day) == 3 &&
	       date_valid(d->year, d->month, d->day);
}

/* Split line at tabs into at most n fields; returns the count. */
static size_t
split(char *line, char **field, size_t n)
{
	size_t k = 0;

	while (k < n) {
		char *tab = strchr(line, '\t');

		field[k++] = line;
		if (tab == NULL)
			break;
		*tab = '\0';
		line = tab + 1;
	}
	return k;
}

static void
check_row(size_t lineno, char **f)
{
	char lead[64];
	const char *rest;
	opener_fact fact = { .id = 1 };
	opener out[1];
	enum rp_lang lang;
	rp_date today;
	const char *got;
	size_t n;

	if (!lang_parse(f[0], &lang) || !parse_day(f[1], &fact.learned_on) ||
	    !parse_day(f[2], &today)) {
		tap_fail(__FILE__, __LINE__, "openers.tsv:%zu: bad language or date", lineno);
		return;
	}
	fact.text = f[3];
	fact.kind = fact_kind_name(fact_kind_guess(f[3]));
	/* A lead that is a name, as one of the client's people would be:
	** "later this year: a week in Crete" is nobody's. */
	if (person_fact_lead(f[3], lead, sizeof lead, &rest) && *rest &&
	    !(lead[0] >= 'a' && lead[0] <= 'z'))
		fact.person = lead;
	n = opener_generate_on(&fact, 1, NULL, 0, lang, today, out, 1);
	got = n == 1 && out[0].fact_id == 1 ? out[0].text : "(none)";
	if (getenv("OPENERS_PRINT"))
		printf("# %zu %s [%s] %s\n#   -> %s\n", lineno, f[0], fact.kind, f[3], got);
	if (strcmp(got, f[4]) != 0)
		tap_fail(__FILE__, __LINE__, "openers.tsv:%zu: \"%s\" (%s, noted %s, on %s) gives \"%s\", want \"%s\"",
			 lineno, f[3], fact.kind, f[1], f[2], got, f[4]);
	/* Whatever the row, an opener is one well-formed question. */
	if (n == 1 && out[0].fact_id == 1) {
		size_t len = strlen(got);

		CHECK(text_utf8_valid(got, len));
		CHECK(!text_has_control(got));
		CHECK(len > 1 && got[len - 1] == '?');
		if (lang == RP_LANG_FR)
			CHECK(len > 4 && memcmp(got + len - 4, NNBSP "?", 4) == 0);
		else
			CHECK(got[len - 2] != ' ');
	}
	rows++;
}

static void
golden_table(void)
{
	FILE *fp = fopen(TEST_DATA_DIR "/openers.tsv", "r");
	char line[LINE_MAX_BYTES];
	size_t lineno = 0;

	if (fp == NULL) {
		tap_fail(__FILE__, __LINE__, "cannot open openers.tsv");
		return;
	}
	while (fgets(line, sizeof line, fp)) {
		char *field[6];
		size_t len = strlen(line);

		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (split(line, field, 6) != 5) {
			tap_fail(__FILE__, __LINE__, "openers.tsv:%zu: want 5 fields", lineno);
			continue;
		}
		check_row(lineno, field);
	}
	fclose(fp);
}

/* The table is big enough to mean something, in both languages. */
static void
table_size(void)
{
	CHECK(rows >= 80);
}

int
main(void)
{
	RUN(golden_table);
	RUN(table_size);
	return tap_done();
}
