/* test_prompt_table.c: the golden table of prompts, tests/data/prompts.tsv.
**
** Each row is a client's language, a note as typed in the Notes pane (its
** prefix included), the kind of prompt it gives and the very text of that
** prompt.  Each note goes the whole way: a client in that language, a
** meeting started at T0 (Thursday 2026-11-26 10:00 UTC), the line parsed
** and recorded a minute in, the session loaded back from the database and
** the prompts computed at T0 + 2 minutes.  A personal note ("*") is
** recorded in a meeting a week before, so that it is small talk now.  When
** the note's first prompt is of another kind (a concern's Reflect comes
** before the Clarify of its vague word), it is dismissed, as the user
** would, until the kind asked for comes.
**
** Run with a file name to print what each row gives instead (to write the
** table, then read every line of it).
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/prompt.h"
#include "rapport/record.h"
#include "rapport/session.h"
#include "tap.h"

#ifndef TABLE
#error "TABLE names tests/data/prompts.tsv"
#endif

#define T0 1795687200LL  /* 2026-11-26T10:00:00Z */
#define WEEK (7 * 86400LL)

static const rp_date today = { 2026, 11, 26 };

static const struct {
	const char *name;
	enum prompt_kind kind;
} kinds[] = {
	{ "reflect", PROMPT_REFLECT }, { "dig", PROMPT_DIG },	   { "confirm", PROMPT_CONFIRM },
	{ "question", PROMPT_QUESTION }, { "clarify", PROMPT_CLARIFY }, { "pin", PROMPT_PIN },
	{ "small talk", PROMPT_SMALL_TALK },
};

typedef struct row {
	int line;
	enum rp_lang lang;
	char *note, *kind_name, *expected;
	enum prompt_kind kind;
} row;

static store *st;
static int clients;

static int64_t
record(int64_t meeting, const char *line, rp_error *err)
{
	parsed_note *p = malloc(sizeof *p);
	int64_t id = 0;

	if (p == NULL)
		return 0;
	if (note_parse_line(line, today, p, err) != RP_OK ||
	    record_note(st, &fixture_clock, meeting, 0, NOTE_PHASE_LIVE, p, &id, err) != RP_OK)
		id = 0;
	free(p);
	return id;
}

static int64_t
start_meeting(int64_t client_id, int64_t at, rp_error *err)
{
	meeting_plan_args args = { .client_id = client_id, .title = "Point", .planned_minutes = 45 };
	int64_t m = 0;

	fixture_now = at - 3600;
	if (meeting_plan(st, &fixture_clock, &args, &m, err) != RP_OK)
		return 0;
	fixture_now = at;
	if (meeting_start(st, &fixture_clock, m, err) != RP_OK)
		return 0;
	return m;
}

/* The text of the prompt of r's kind that r's note gives, into got; false
** with got saying why when there is none. */
static bool
prompt_of(const row *r, char *got, size_t size)
{
	rp_error err = { 0 };
	static const char *const names[] = { "Zoë Lefèvre SARL", "株式会社さくら", "Acme",
					     "Société d'Études 🚀", "田中商事", "Ørsted & Cie" };
	char name[64];
	int64_t cid, meeting, note = 0;
	prompt out[PROMPTS_MAX];

	/* Clients named as people name them, CJK and emoji too: the name goes
	** through the store and the session, and no prompt may depend on it. */
	snprintf(name, sizeof name, "%s %d", names[clients % (sizeof names / sizeof names[0])],
		 clients + 1);
	clients++;
	fixture_now = T0 - 2 * WEEK;
	if (client_add_in(st, &fixture_clock, name, NULL, 5, 14, r->lang, &cid, &err) != RP_OK) {
		snprintf(got, size, "(client: %s)", err.msg);
		return false;
	}
	if (r->kind == PROMPT_SMALL_TALK) {
		int64_t before = start_meeting(cid, T0 - WEEK, &err);

		fixture_now = T0 - WEEK + 600;
		if (before == 0 || (note = record(before, r->note, &err)) == 0 ||
		    meeting_end(st, &fixture_clock, before, &err) != RP_OK) {
			snprintf(got, size, "(meeting before: %s)", err.msg);
			return false;
		}
	}
	if ((meeting = start_meeting(cid, T0, &err)) == 0) {
		snprintf(got, size, "(meeting: %s)", err.msg);
		return false;
	}
	fixture_now = T0 + 60;
	if (r->kind != PROMPT_SMALL_TALK && (note = record(meeting, r->note, &err)) == 0) {
		snprintf(got, size, "(note: %s)", err.msg);
		return false;
	}
	for (int tries = 0; tries < 4; tries++) {
		session *s = NULL;
		size_t n;
		const prompt *mine = NULL;

		if (session_load(st, meeting, &s, &err) != RP_OK) {
			snprintf(got, size, "(session: %s)", err.msg);
			return false;
		}
		if (s->lang != r->lang) {
			session_free(s);
			snprintf(got, size, "(session in the wrong language)");
			return false;
		}
		n = prompt_compute(s, T0 + 120, today, out, PROMPTS_MAX);
		session_free(s);
		for (size_t i = 0; i < n && mine == NULL; i++)
			if (r->kind == PROMPT_SMALL_TALK ? out[i].kind == PROMPT_SMALL_TALK
							 : out[i].note_id == note)
				mine = &out[i];
		if (mine == NULL)
			break;
		if (mine->kind == r->kind) {
			snprintf(got, size, "%s", mine->text);
			return true;
		}
		fixture_now = T0 + 90;
		if (record_prompt(st, &fixture_clock, meeting, 0, mine->key, mine->text,
				  PROMPT_DISMISSED, &err) != RP_OK)
			break;
	}
	snprintf(got, size, "(none)");
	return false;
}

/* Read the table: tab-separated lang, note, kind, expected; lines starting
** with '#' and blank lines are comments. */
static row *
read_table(const char *path, size_t *n)
{
	size_t len, cap = 0;
	char *text = fixture_slurp(path, &len), *line, *next;
	row *rows = NULL;
	int lineno = 0;

	*n = 0;
	if (text == NULL)
		return NULL;
	for (line = text; line && *line; line = next) {
		char *f[4];
		int nf = 0;
		row r = { 0 };

		lineno++;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (char *p = line; nf < 4; nf++) {
			f[nf] = p;
			p = strchr(p, '\t');
			if (p == NULL) {
				nf++;
				break;
			}
			*p++ = '\0';
		}
		if (nf != 4) {
			tap_fail(__FILE__, __LINE__, "prompts.tsv:%d: %d fields, not 4", lineno, nf);
			continue;
		}
		r.line = lineno;
		if (!lang_parse(f[0], &r.lang))
			tap_fail(__FILE__, __LINE__, "prompts.tsv:%d: language \"%s\"", lineno, f[0]);
		r.kind = PROMPT_KIND_COUNT;
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
			if (strcmp(f[2], kinds[k].name) == 0)
				r.kind = kinds[k].kind;
		if (r.kind == PROMPT_KIND_COUNT) {
			tap_fail(__FILE__, __LINE__, "prompts.tsv:%d: kind \"%s\"", lineno, f[2]);
			continue;
		}
		r.note = strdup(f[1]);
		r.kind_name = strdup(f[2]);
		r.expected = strdup(f[3]);
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			rows = realloc(rows, cap * sizeof *rows);
		}
		rows[(*n)++] = r;
	}
	free(text);
	return rows;
}

static row *rows;
static size_t nrows;

static void
every_row_gives_its_prompt(void)
{
	char got[PROMPT_TEXT_MAX + 32];

	for (size_t i = 0; i < nrows; i++) {
		prompt_of(&rows[i], got, sizeof got);
		if (strcmp(got, rows[i].expected) != 0)
			tap_fail(__FILE__, __LINE__, "prompts.tsv:%d: %s \"%s\" (%s)\n     got: %s\n    want: %s",
				 rows[i].line, lang_code(rows[i].lang), rows[i].note, rows[i].kind_name,
				 got, rows[i].expected);
	}
}

/* The table covers what it says it covers: both languages, every kind,
** at least 35 notes each. */
static void
the_table_covers_both_languages_and_every_kind(void)
{
	size_t per_lang[RP_LANG_COUNT] = { 0 };
	bool seen[RP_LANG_COUNT][PROMPT_KIND_COUNT] = { { false } };

	for (size_t i = 0; i < nrows; i++) {
		per_lang[rows[i].lang]++;
		seen[rows[i].lang][rows[i].kind] = true;
	}
	CHECK(per_lang[RP_LANG_EN] >= 35);
	CHECK(per_lang[RP_LANG_FR] >= 35);
	for (int l = 0; l < RP_LANG_COUNT; l++)
		for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
			if (!seen[l][kinds[k].kind])
				tap_fail(__FILE__, __LINE__, "no %s row in %s", kinds[k].name,
					 lang_code((enum rp_lang)l));
}

/* The session is in the client's language, whatever the user's; a client
** with none of their own is spoken to in the user's. */
static void
session_speaks_the_clients_language(void)
{
	rp_error err = { 0 };
	int64_t fr, en, none, m;
	session *s = NULL;

	fixture_now = T0 - WEEK;
	lang_set_user(RP_LANG_EN);
	CHECK(client_add_in(st, &fixture_clock, "Café Lumière", NULL, 5, 14, RP_LANG_FR, &fr, &err) ==
	      RP_OK);
	CHECK(client_add_in(st, &fixture_clock, "東京 Labs", NULL, 5, 14, RP_LANG_EN, &en, &err) ==
	      RP_OK);
	CHECK(client_add_in(st, &fixture_clock, "Nobody Yet", NULL, 5, 14, RP_LANG_EN, &none, &err) ==
	      RP_OK);
	CHECK(sqlite3_exec(store_db(st), "UPDATE clients SET lang = NULL WHERE name = 'Nobody Yet'",
			   NULL, NULL, NULL) == SQLITE_OK);
	lang_set_user(RP_LANG_FR);
	m = start_meeting(fr, T0, &err);
	CHECK(session_load(st, m, &s, &err) == RP_OK);
	CHECK_INT(s ? (int)s->lang : -1, RP_LANG_FR);
	session_free(s);
	m = start_meeting(en, T0, &err);
	CHECK(session_load(st, m, &s, &err) == RP_OK);
	CHECK_INT(s ? (int)s->lang : -1, RP_LANG_EN);
	session_free(s);
	m = start_meeting(none, T0, &err);
	CHECK(session_load(st, m, &s, &err) == RP_OK);
	CHECK_INT(s ? (int)s->lang : -1, RP_LANG_FR);
	session_free(s);
	lang_set_user(RP_LANG_EN);
	m = start_meeting(none, T0 + WEEK, &err);
	CHECK(m != 0);
	CHECK(session_load(st, m, &s, &err) == RP_OK);
	CHECK_INT(s ? (int)s->lang : -1, RP_LANG_EN);
	session_free(s);
}

int
main(int argc, char **argv)
{
	/* Dates of facts are local dates: the same in every time zone here. */
	setenv("TZ", "UTC", 1);
	tzset();
	st = fixture_store();
	rows = read_table(TABLE, &nrows);
	if (argc > 1) {
		/* Each row with what it gives, to read. */
		char got[PROMPT_TEXT_MAX + 32];

		for (size_t i = 0; i < nrows; i++) {
			prompt_of(&rows[i], got, sizeof got);
			printf("%s\t%s\t%s\t%s\n", lang_code(rows[i].lang), rows[i].note,
			       rows[i].kind_name, got);
		}
	} else {
		RUN(session_speaks_the_clients_language);
		RUN(the_table_covers_both_languages_and_every_kind);
		RUN(every_row_gives_its_prompt);
	}
	for (size_t i = 0; i < nrows; i++) {
		free(rows[i].note);
		free(rows[i].kind_name);
		free(rows[i].expected);
	}
	free(rows);
	store_close(st);
	return argc > 1 ? 0 : tap_done();
}
