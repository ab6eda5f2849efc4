/* test_french_live.c: the live meeting screen in French under a French
** locale, and in English under C.UTF-8.
**
** The real binary runs in a pseudo-terminal at 80x24, the smallest usual
** terminal, where French, longer than English, must still fit: the pane
** titles, the status bar, the help (F1), the dialogs, the messages of a
** note saved and of one that could not be (another connection holds the
** database), and the quit question, answered "o" (oui).  The same steps
** under LANG=C.UTF-8 stay English, and there "o" is no answer.
**
** The French half needs the fr_FR.UTF-8 locale (scripts/setup.sh makes
** it): without it those tests are skipped, and say why.
*/
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

#define NNBSP "\xe2\x80\xaf"

/* LANGUAGE emptied: a list inherited from the test's own environment
** would pick the language instead of the locale. */
static const char *const french[] = {"LANG=fr_FR.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=",
				     NULL};
static const char *const english[] = {"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=",
				      NULL};

static void
setup(const char *db)
{
	steps_use_db(db);
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	steps_rapport("fact zoe 'back from a business trip to Bali'");
	steps_rapport("plan zoe 'Point hebdo' --minutes 30 --item 'Budget prévisionnel:10'"
		      " --item 'Étapes:15'");
}

static term *
meet(const char *const env[])
{
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};
	term *t = steps_start(argv, env, 24, 80);

	CHECK(t != NULL);
	return t;
}

/* The first of words found whole on the screen (a word: letters not
** touching another letter, accented ones included), or NULL. */
static const char *
word_on_screen(term *t, const char *const words[])
{
	char *screen = term_screen(t);
	const char *found = NULL;

	for (size_t w = 0; screen && words[w] && !found; w++) {
		size_t len = strlen(words[w]);

		for (const char *p = strstr(screen, words[w]); p && !found;
		     p = strstr(p + 1, words[w])) {
			unsigned char before = p > screen ? (unsigned char)p[-1] : ' ';
			unsigned char after = (unsigned char)p[len];

			if (!isalpha(before) && before < 0x80 && !isalpha(after) && after < 0x80)
				found = words[w];
		}
	}
	free(screen);
	return found;
}

/* No English word of the help's left on the screen; the screen is shown
** when one is. */
static void
no_english(term *t, int line)
{
	static const char *const words[] = {
		"the", "to", "of", "keys", "key", "pane", "move", "next", "previous",
		"cursor", "delete", "select", "start", "item", "prompt", "save",
		"quit", "meeting", "help", "closes", "scroll", "Everywhere", "while", "typing",
		"Left", "Right", "Up", "Down", "Home", "End", "Backspace", "Enter", "Esc",
		"Shift", "undo", "dismiss", "park", "skip", "edit", "more", NULL,
	};
	const char *w;

	term_wait_quiet(t, 200, 3000);
	if ((w = word_on_screen(t, words)) != NULL) {
		char *screen = term_screen(t);

		tap_fail(__FILE__, line, "English \"%s\" on the French screen:\n%s", w,
			 screen ? screen : "");
		free(screen);
	}
}

/* The status bar, the bottom row, once the screen is quiet: malloc'd. */
static char *
status_row(term *t)
{
	term_wait_quiet(t, 200, 3000);
	return term_row(t, 23);
}

/* Is the status bar cut nowhere but in the item's title, which the short
** form cuts on purpose ("Budget prév…")?  A message or a label cut at 80
** columns would end in "…". */
static bool
cut_only_title(const char *row)
{
	const char *title = strstr(row, "Budget prév…"), *cut = strstr(row, "…");

	if (title && cut == title + strlen("Budget prév"))
		cut = strstr(cut + 1, "…");
	return cut == NULL;
}

/* The second connection of test_live_lock.c: it holds the write lock. */
static sqlite3 *
lock_db(void)
{
	sqlite3 *db = NULL;

	if (sqlite3_open(getenv("RAPPORT_DB"), &db) != SQLITE_OK ||
	    sqlite3_busy_timeout(db, 5000) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		tap_fail(__FILE__, __LINE__, "cannot lock the database: %s", sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

static void
unlock_db(sqlite3 *db)
{
	if (db)
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
}

/* The panes, the status bar, a note typed with accents, CJK and emoji
** saved with a French word, an agenda change and its undo said in whole
** French sentences, and the end-of-meeting question. */
static void
french_live_screen(void)
{
	term *t = meet(french);
	char *row;

	if (t == NULL)
		return;
	/* The titles whole, each in its pane's top border. */
	SEE(t, "┌ Ordre du jour ───┐");
	SEE(t, "┌ Notes · Point hebdo ─");
	SEE(t, "┌ Suggestions ─");
	SEE(t, "Tapez une note, Entrée");
	SEE(t, "Zoë Lefèvre SARL · aucun point commencé (Ctrl-N)");
	/* The prompts' kind is the program's word; what it suggests is in
	** the client's language, not checked here. */
	SEE(t, "▸ Brise-glace" NNBSP ":");
	UNSEEN(t, "Agenda");
	UNSEEN(t, "Prompts");
	UNSEEN(t, "Small talk");
	UNSEEN(t, "Type a note");

	term_key(t, "C-n");
	SEE(t, "▶ Budget");
	row = status_row(t);
	CHECK(row && strstr(row, NNBSP ": reste 10'") != NULL);
	CHECK(row && strstr(row, "reste 30'") != NULL);
	CHECK(row && strstr(row, "left") == NULL);
	free(row);

	term_type(t, "+ café déjà réglé à 東京 🎉 ça va");
	term_key(t, "Enter");
	CHECK(term_wait_gone(t, "> + café", 5000));
	SEE(t, "+ café déjà réglé à 東京 🎉");  /* the note in the pane, wrapped */
	row = status_row(t);
	CHECK(row && strstr(row, "· enregistrée") != NULL);
	CHECK(row && strstr(row, "saved") == NULL);
	free(row);
	CHECK_STR(steps_sql1("SELECT text FROM notes ORDER BY id DESC LIMIT 1"),
		  "café déjà réglé à 東京 🎉 ça va");
	CHECK_STR(steps_sql1("SELECT kind FROM notes ORDER BY id DESC LIMIT 1"), "need");

	/* Tab to the agenda, j to Étapes, p parks it; u in the agenda puts
	** it back: both said as one French sentence. */
	term_key(t, "Tab");
	term_type(t, "j");
	term_type(t, "p");
	SEE(t, "«" NNBSP "Étapes" NNBSP "» mis de côté");
	row = status_row(t);
	CHECK(row && strstr(row, "«" NNBSP "Étapes" NNBSP "» mis de côté · u") != NULL);
	CHECK(row && cut_only_title(row));
	CHECK(row && strstr(row, "parked") == NULL && strstr(row, "undo") == NULL);
	free(row);
	CHECK_STR(steps_sql1("SELECT status FROM agenda_items WHERE title = 'Étapes'"), "parked");
	term_key(t, "Tab");
	term_type(t, "u");
	SEE(t, "annulé" NNBSP ": «" NNBSP "Étapes" NNBSP "» mis de côté");
	CHECK_STR(steps_sql1("SELECT status FROM agenda_items WHERE title = 'Étapes'"), "pending");

	/* Ctrl-X asks in French, the keys French too; n keeps the meeting. */
	term_key(t, "C-x");
	SEE(t, "Terminer la réunion maintenant" NNBSP "? o / n");
	term_type(t, "n");
	CHECK(term_wait_gone(t, "Terminer la réunion", 3000));
	CHECK_STR(steps_sql1("SELECT state FROM meetings ORDER BY id DESC LIMIT 1"), "live");

	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* F1: the help generated from the key tables, in French from its title to
** its last line, with no English word left, at the top and scrolled to the
** bottom (at 80x24 it is one column that scrolls). */
static void
french_help(void)
{
	term *t = meet(french);

	if (t == NULL)
		return;
	SEE(t, "┌ Ordre du jour");
	term_key(t, "F1");
	SEE(t, "rapport · touches · j/k, pages, g/G font défiler");
	SEE(t, "Partout (même pendant la saisie)");
	SEE(t, "aller au volet suivant");
	SEE(t, "Maj-Tab");
	SEE(t, "Volet Notes");
	SEE(t, "Retour arrière");
	SEE(t, "effacer le mot avant le curseur");
	SEE(t, "↓ suite");
	no_english(t, __LINE__);
	term_type(t, "G");
	SEE(t, "Suggestions (une lettre agit une fois");
	SEE(t, "écarter la suggestion");
	SEE(t, "mettre le point de côté pour la prochaine fois");
	no_english(t, __LINE__);
	/* Any other key closes it, and is not typed. */
	term_type(t, "q");
	CHECK(term_wait_gone(t, "rapport · touches", 3000));
	SEE(t, "┌ Suggestions");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* A note typed while another program holds the database: said not saved,
** in French; Ctrl-C asks whether to quit keeping it in a file, on two rows
** rather than cut at 80 columns; o (oui) leaves, and the recovery is told
** in French. */
static void
french_quit_dialog(void)
{
	term *t = meet(french);
	sqlite3 *lock;
	char *row;

	if (t == NULL)
		return;
	SEE(t, "┌ Ordre du jour");
	if ((lock = lock_db()) == NULL) {
		term_free(t);
		return;
	}
	term_type(t, "! le délai de l'API inquiète Zoë");
	term_key(t, "Enter");
	/* Said whole at 80 columns: the meeting's time makes room. */
	row = status_row(t);
	CHECK(row && strstr(row, "non enregistrée (base occupée) · Entrée réessaie") != NULL);
	CHECK(row && cut_only_title(row));
	CHECK(row && strstr(row, "not saved") == NULL);
	free(row);
	term_key(t, "C-c");
	SEE(t, "1 note n'est pas enregistrée" NNBSP ": quitter en la gardant dans un");
	SEE(t, "fichier" NNBSP "? o / n");
	UNSEEN(t, "quit, keeping");
	term_type(t, "o");
	/* 1: a note is not saved, as rapport says on leaving. */
	CHECK_INT(term_wait_exit(t, 5000), 1);
	SEE(t, "rapport" NNBSP ": 1 note n'a pas été enregistrée" NNBSP "; elle est dans");
	term_free(t);
	unlock_db(lock);
	/* The meeting stays open, the note in the recovery file, not in the
	** meeting. */
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes WHERE text LIKE '%API%'"), "0");
}

/* At 200x60 every piece of the status bar has its long form, in French,
** and the help its two columns, English-free. */
static void
french_wide(void)
{
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};
	term *t = steps_start(argv, french, 60, 200);
	char *row;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "┌ Ordre du jour ─");
	term_key(t, "C-t");
	SEE(t, "● vous parlez");
	term_wait_quiet(t, 200, 3000);
	row = term_row(t, 59);
	CHECK(row && strstr(row, "Zoë Lefèvre SARL · Budget prévisionnel" NNBSP ": reste") != NULL);
	CHECK(row && strstr(row, "' sur 30'") != NULL);
	CHECK(row && strstr(row, "' écoulées") != NULL);
	CHECK(row && strstr(row, "…") == NULL);
	free(row);
	term_key(t, "F1");
	SEE(t, "rapport · touches · n'importe quelle touche ferme l'aide");
	SEE(t, "Partout (même pendant la saisie)");
	SEE(t, "Suggestions (une lettre agit une fois");
	no_english(t, __LINE__);
	term_type(t, "q");
	CHECK(term_wait_gone(t, "rapport · touches", 3000));
	term_key(t, "C-c");
	term_wait_exit(t, 5000);
	term_free(t);
}

/* The same steps under C.UTF-8: English, and o is no answer there. */
static void
english_under_c_utf8(void)
{
	term *t = meet(english);
	sqlite3 *lock;
	char *row;

	if (t == NULL)
		return;
	SEE(t, "┌ Agenda ──");
	SEE(t, "┌ Notes · Point hebdo ─");
	SEE(t, "┌ Prompts ─");
	SEE(t, "Type a note, Enter saves it");
	SEE(t, "▸ Small talk:");
	UNSEEN(t, "Ordre du jour");
	UNSEEN(t, "Suggestions");
	term_key(t, "F1");
	SEE(t, "rapport · keys · j/k, pages, g/G scroll");
	SEE(t, "Everywhere (also while typing)");
	SEE(t, "move to the next pane");
	UNSEEN(t, "Partout");
	term_type(t, "q");
	CHECK(term_wait_gone(t, "rapport · keys", 3000));
	term_type(t, "= on garde le café");
	term_key(t, "Enter");
	CHECK(term_wait_gone(t, "> = on garde", 5000));
	row = status_row(t);
	CHECK(row && strstr(row, "· saved") != NULL);
	CHECK(row && strstr(row, "enregistr") == NULL);
	free(row);
	term_key(t, "C-x");
	SEE(t, "End the meeting now? y / n");
	term_type(t, "n");
	CHECK(term_wait_gone(t, "End the meeting", 3000));

	if ((lock = lock_db()) == NULL) {
		term_free(t);
		return;
	}
	term_type(t, "! a second note");
	term_key(t, "Enter");
	SEE(t, "not saved");
	term_key(t, "C-c");
	SEE(t, "1 note is not saved: quit, keeping it in a file? y / n");
	/* o is not yes in English: the question goes, rapport stays. */
	term_type(t, "o");
	CHECK(term_wait_gone(t, "quit, keeping it", 3000));
	CHECK_INT(term_wait_exit(t, 300), -1);
	term_key(t, "C-c");
	SEE(t, "1 note is not saved: quit, keeping it in a file? y / n");
	term_type(t, "y");
	CHECK_INT(term_wait_exit(t, 5000), 1);
	SEE(t, "rapport: 1 note was not saved; it is in");
	term_free(t);
	unlock_db(lock);
}

int
main(void)
{
	const char *why = steps_init();

	if (why != NULL) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	setup("french.db");
	RUN_FRENCH(french_live_screen);
	RUN_FRENCH(french_help);
	RUN_FRENCH(french_quit_dialog);
	RUN_FRENCH(french_wide);
	setup("english.db");
	RUN(english_under_c_utf8);
	return tap_done();
}
