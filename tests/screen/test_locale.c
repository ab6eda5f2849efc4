/* test_locale.c: the screens without a UTF-8 locale in the environment
** (LANG unset, LANG=C, or a locale this machine may not have, as over ssh
** and in containers): rapport falls back to a UTF-8 character type, so
** accents, CJK and emoji are drawn and typed as they are.
**
** term_start() gives the child LANG=LC_ALL=C.UTF-8 unless told otherwise;
** an empty value is, for setlocale(), the same as no variable at all.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

static const char *const unset[] = {"LANG=", "LC_ALL=", "LC_CTYPE=", NULL};
static const char *const lang_c[] = {"LANG=C", "LC_ALL=", "LC_CTYPE=", NULL};
/* A locale no system has: setlocale fails on it everywhere. */
static const char *const lang_fr[] = {"LANG=xx_XX.UTF-8", "LC_ALL=", "LC_CTYPE=", NULL};

static void
setup(void)
{
	steps_use_db("locale.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --org 'Façade'");
	steps_rapport("client add '日本語 Ltd' --cadence 7-21");
	steps_rapport("plan zoe Kickoff --item 'Étapes:10'");
}

/* The Clients screen in env: the names drawn whole, the CJK one two
** columns a character, and nothing said about the locale. */
static void
clients_drawn_in(const char *const env[])
{
	const char *argv[] = {steps_bin, NULL};
	term *t = steps_start(argv, env, 24, 80);
	int row = -1, col = -1, row2 = -1, col2 = -1;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "Zoë Lefèvre SARL");
	SEE(t, "日本語 Ltd");
	SEE(t, "Façade");
	/* "Ltd" starts six columns after 日本語 does, plus the space. */
	CHECK(term_find(t, "日本語", &row, &col));
	CHECK(term_find(t, "Ltd", &row2, &col2));
	CHECK_INT(row2, row);
	CHECK_INT(col2 - col, 7);
	CHECK(!term_saw_bytes(t, "UTF-8 locale", 12));
	term_type(t, "q");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
lang_unset(void)
{
	clients_drawn_in(unset);
}

static void
lang_c_locale(void)
{
	clients_drawn_in(lang_c);
}

static void
lang_not_installed(void)
{
	clients_drawn_in(lang_fr);
}

/* Typed with no locale set: the note is shown and stored as typed. */
static void
typing_with_lang_unset(void)
{
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};
	term *t = steps_start(argv, unset, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "Étapes");
	term_type(t, "+ café au 東京 🎉 déjà");
	SEE(t, "> + café au 東京 🎉 déjà");   /* the input line */
	term_key(t, "Enter");
	/* Saved, then shown as a note of the pane and no longer typed. */
	CHECK(term_wait_gone(t, "> + café", 5000));
	SEE(t, "café au 東京 🎉 déjà");
	CHECK_STR(steps_sql1("SELECT text FROM notes ORDER BY id DESC LIMIT 1"),
		  "café au 東京 🎉 déjà");
	CHECK_STR(steps_sql1("SELECT kind FROM notes ORDER BY id DESC LIMIT 1"), "need");
	term_key(t, "C-c");
	term_wait_exit(t, 5000);
	term_free(t);
}

int
main(void)
{
	const char *why = steps_init();

	if (why != NULL) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	setup();
	RUN(lang_unset);
	RUN(lang_c_locale);
	RUN(lang_not_installed);
	RUN(typing_with_lang_unset);
	return tap_done();
}
