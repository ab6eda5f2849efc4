/* test_french_screens.c: the Recap, Review, search and the help in French
** under LANG=fr_FR.UTF-8, and in English under LANG=C.UTF-8, as a person
** sees them at 80x24 and 200x60: the chrome in the user's language and
** nothing of the other, the key bar keeping whole hints (never one cut in
** the middle) and the help's, and the help wrapping at words.
**
** The real binary in a pseudo-terminal, read through libvterm, on the fixed
** clock of steps.h (Thursday 26 November 2026); every date expected is
** worked out from it with the core's calendar.  Skipped, with the reason,
** where the French locale is not installed.
*/
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "rapport/date.h"
#include "rapport/lang.h"
#include "steps.h"
#include "tap.h"

static const char *const french[] = {"LANG=fr_FR.UTF-8", "LC_ALL=", "LC_MESSAGES=",
				     "LANGUAGE=", NULL};
static const char *const english[] = {"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=",
				      "LANGUAGE=", NULL};

/* The notes of the call: one of each kind the Recap has a section for. */
static const char *const notes[] = {
	"= on garde le déploiement par phases",
	"> envoyer le planning révisé @moi ^ven",
	"? qui valide le budget",
	"! inquiet du retard de l'API",
	"\" on ne peut plus glisser",
	"+ un export vers Excel d'ici mars",
	"+ un tableau de bord pour le comité",
	"* de retour de Bali",
};

/* steps_date(days) as the Recap's short label in lang: "Tue 1 Dec",
** "mar. 1 déc.". */
static const char *
short_day(enum rp_lang lang, int days)
{
	static char buf[DATE_SHORT_MAX];
	rp_date d;

	if (sscanf(steps_date(days), "%d-%d-%d", &d.year, &d.month, &d.day) != 3)
		return "?";
	return date_format_short_in(lang, d, buf, sizeof buf);
}

/* A new database with Zoë's kickoff planned; lang is the client's. */
static void
setup(const char *db, const char *lang)
{
	char cmd[200];

	steps_use_db(db);
	snprintf(cmd, sizeof cmd, "client add 'Zoë Lefèvre SARL' --cadence 5-14 --lang %s", lang);
	steps_rapport(cmd);
	steps_rapport("plan zoe Kickoff --item Budget:15 --item 'Calendrier — étapes:10'");
}

/* The kickoff met in env at rows x cols: the notes typed, the meeting
** ended, and the Recap up.  NULL (after a failed check) when it went
** wrong. */
static term *
recap_of_a_call(const char *const env[], int rows, int cols)
{
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};
	term *t = steps_start(argv, env, rows, cols);

	CHECK(t != NULL);
	if (t == NULL)
		return NULL;
	SEE(t, "Budget");
	term_wait_quiet(t, 200, 3000);
	term_key(t, "C-n");  /* Budget starts */
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		term_type(t, notes[i]);
		term_key(t, "Enter");
		term_wait_quiet(t, 100, 2000);
	}
	SEE(t, "de retour de Bali");
	term_key(t, "C-x");
	term_wait_quiet(t, 200, 2000);
	term_type(t, "y");  /* y answers in both languages */
	if (!SEE_WITHIN(t, env == french ? "rapport · récap" : "rapport · recap", 8000)) {
		term_free(t);
		return NULL;
	}
	term_wait_quiet(t, 200, 2000);
	return t;
}

/* The key bar: the last row, once drawn, and no hint cut ("x aband…"): it never ends
** in an ellipsis. */
static char *
key_bar(term *t, int rows)
{
	char *bar;
	size_t n;

	term_wait_quiet(t, 200, 3000);  /* the whole screen drawn, not its start */
	bar = term_row(t, rows - 1);
	n = strlen(bar);

	if (n >= 3 && strcmp(bar + n - 3, "…") == 0)
		tap_fail(__FILE__, __LINE__, "the key bar ends cut: \"%s\"", bar);
	return bar;
}

static void
recap_speaks_french(void)
{
	term *t;
	char want[200];
	int row, col, row2, col2;

	setup("recap-fr.db", "fr");
	if ((t = recap_of_a_call(french, 24, 80)) == NULL)
		return;
	snprintf(want, sizeof want, "rapport · récapitulatif · Kickoff avec Zoë Lefèvre SARL · %s · ",
		 short_day(RP_LANG_FR, 0));
	SEE(t, want);
	SEE(t, "Décisions");
	SEE(t, "Actions");
	snprintf(want, sizeof want, "envoyer le planning révisé · @moi · échéance %s",
		 short_day(RP_LANG_FR, 1));  /* ^ven on a Thursday */
	SEE(t, want);
	SEE(t, "Questions ouvertes");
	SEE(t, "Inquiétudes");
	SEE(t, "Citations du client");
	SEE(t, "«" NNBSP "on ne peut plus glisser" NNBSP "»");
	SEE(t, "Temps par point (passé/prévu)");
	SEE(t, "(pas abordé)");
	SEE(t, "Besoins");
	/* Nothing of the English chrome. */
	CHECK(UNSEEN(t, "recap ·"));
	CHECK(UNSEEN(t, " with "));
	CHECK(UNSEEN(t, "Decisions"));
	CHECK(UNSEEN(t, "Open questions"));
	CHECK(UNSEEN(t, "Concerns"));
	CHECK(UNSEEN(t, "more below"));
	SEE(t, "autres en dessous");
	CHECK(UNSEEN(t, "due "));
	CHECK(UNSEEN(t, "not reached"));
	/* At 80 columns the French bar is too long: whole hints go, exporting
	** and dropping first, the way out and the help stay. */
	{
		char *bar = key_bar(t, 24);

		CHECK_STR(bar, " o responsable · w échéance · d faite · p planifier · Échap fermer · ? aide");
		free(bar);
	}
	CHECK(UNSEEN(t, "abandon"));
	CHECK(UNSEEN(t, "E exporter"));
	CHECK(UNSEEN(t, "? help"));
	CHECK(UNSEEN(t, "close"));
	/* The last line: the next check-in, its days in French. */
	term_type(t, "G");
	SEE(t, "Prochaine prise de nouvelles");
	snprintf(want, sizeof want, "pas avant le %s,", short_day(RP_LANG_FR, 5));
	SEE(t, want);
	CHECK(UNSEEN(t, "Next check-in"));
	CHECK(UNSEEN(t, "not before"));
	CHECK(UNSEEN(t, "more above"));
	SEE(t, "autres au-dessus");
	/* The help: French, its long lines wrapped at a word beside the keys. */
	term_key(t, "F1");
	SEE(t, "rapport · récapitulatif · touches");
	SEE(t, "choisir le responsable de l'action");
	SEE(t, "Échap  q");
	SEE(t, "cette aide");
	CHECK(UNSEEN(t, "set the action's owner"));
	CHECK(UNSEEN(t, "this help"));
	row = col = row2 = col2 = -1;
	CHECK(term_find(t, "quand" NNBSP ": son échéance (ven, +3j, semaine prochaine,", &row, &col));
	CHECK(term_find(t, "2026-12-01…)", &row2, &col2));
	CHECK_INT(row2, row + 1);  /* the rest of the line, on the next */
	CHECK_INT(col2, col);      /* lined up under its start */
	for (int r = 2; r < 23; r++) {
		char *text = term_row(t, r);
		size_t n = strlen(text);

		/* No line of the help cut: none ends in an ellipsis. */
		if (n >= 3 && strcmp(text + n - 3, "…") == 0)
			tap_fail(__FILE__, __LINE__, "help row %d is cut: \"%s\"", r, text);
		free(text);
	}
	term_type(t, " ");
	SEE(t, "Prochaine prise de nouvelles");  /* back where the help was opened */
	/* Too short for the whole help: it scrolls, and says so in French. */
	term_resize(t, 14, 80);
	term_wait_quiet(t, 200, 2000);
	term_key(t, "F1");
	SEE(t, "rapport · récapitulatif · touches");
	SEE(t, "autres en dessous");
	SEE(t, "j k PgSuiv PgPréc font défiler · toute autre touche ferme l'aide");
	CHECK(UNSEEN(t, "cette aide"));
	term_type(t, "G");
	SEE(t, "cette aide");
	SEE(t, "autres au-dessus");
	CHECK(UNSEEN(t, "more above"));
	term_type(t, " ");
	SEE(t, "Échap fermer · ? aide");  /* the Recap again */
	term_key(t, "Esc");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
review_and_search_speak_french(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t;
	char want[300];

	/* The call of recap_speaks_french(), on its database: Review reads it. */
	steps_use_db("recap-fr.db");
	t = steps_start(argv, french, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "Zoë Lefèvre SARL");
	term_type(t, "r");
	SEE(t, "rapport · revue · Zoë Lefèvre SARL · 1 réunion, 0 point de contact,");
	/* Too long for 80 columns: cut after a whole word. */
	SEE(t, "les plus…");
	SEE(t, "terminé");
	SEE(t, "Kickoff  (8 notes)");
	{
		char *bar = key_bar(t, 24);

		CHECK_STR(bar,
			  " Entrée lire · e corriger · x retirer · / rechercher · Échap retour · ? aide");
		free(bar);
	}
	CHECK(UNSEEN(t, "review ·"));
	CHECK(UNSEEN(t, "meeting"));
	CHECK(UNSEEN(t, "ended"));
	CHECK(UNSEEN(t, "back"));
	/* The meeting, read in full. */
	term_type(t, "G");
	term_key(t, "Enter");
	snprintf(want, sizeof want, "rapport · revue · Kickoff avec Zoë Lefèvre SARL · %s",
		 short_day(RP_LANG_FR, 0));
	SEE(t, want);
	SEE(t, "Ordre du jour");
	SEE(t, "1. Budget  (");
	SEE(t, "(à venir)");
	SEE(t, "Actions (d faite · x abandonnée · u rouverte)");
	snprintf(want, sizeof want, "[ouverte] envoyer le planning révisé @moi échéance %s",
		 short_day(RP_LANG_FR, 1));
	SEE(t, want);
	CHECK(UNSEEN(t, "Agenda"));
	CHECK(UNSEEN(t, "Follow-ups"));
	CHECK(UNSEEN(t, "[open]"));
	CHECK(UNSEEN(t, "pending"));
	/* The search: its question, its title quoted the French way, the
	** kind of each hit, French plurals (0 is singular). */
	term_type(t, "/");
	SEE(t, "Rechercher" NNBSP ":");
	term_type(t, "glisser\r");
	SEE(t, "rapport · recherche · «" NNBSP "glisser" NNBSP "» · 1 résultat, les plus pertinents d'abord");
	SEE(t, "citation");
	SEE(t, "Entrée ouvrir à cette note · / nouvelle recherche · Échap retour · ? aide");
	CHECK(UNSEEN(t, "search ·"));
	CHECK(UNSEEN(t, "hit"));
	CHECK(UNSEEN(t, "quote"));
	term_type(t, "/");
	SEE(t, "Rechercher");
	term_type(t, "zzzz\r");
	SEE(t, "· 0 résultat, les plus pertinents d'abord");
	SEE(t, "aucun résultat");
	CHECK(UNSEEN(t, "no hits"));
	/* The help of Review, wrapped rather than cut. */
	term_key(t, "F1");
	SEE(t, "rapport · revue · touches");
	SEE(t, "lire la réunion, ou ouvrir un résultat de recherche sur sa");
	CHECK(UNSEEN(t, "read the meeting"));
	term_type(t, " ");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* Wide, every hint of the bar is there, whole and in its order. */
static void
a_wide_screen_shows_every_hint(void)
{
	term *t;
	char *bar;

	setup("wide-fr.db", "en");
	if ((t = recap_of_a_call(french, 60, 200)) == NULL)
		return;
	bar = key_bar(t, 60);
	CHECK_STR(bar, " o responsable · w échéance · d faite · p planifier · x abandonner · "
		       "E exporter · Échap fermer · ? aide");
	free(bar);
	/* The help's lines whole on one row each. */
	term_key(t, "F1");
	SEE(t, "quand" NNBSP ": son échéance (ven, +3j, semaine prochaine, 2026-12-01…)");
	term_type(t, " ");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

static void
english_stays_english(void)
{
	const char *argv[] = {steps_bin, NULL};
	term *t;
	char want[200];
	int row, col, row2, col2;

	/* A French client: the chrome still follows the user. */
	setup("recap-en.db", "fr");
	if ((t = recap_of_a_call(english, 24, 80)) == NULL)
		return;
	snprintf(want, sizeof want, "rapport · recap · Kickoff with Zoë Lefèvre SARL · %s · ",
		 short_day(RP_LANG_EN, 0));
	SEE(t, want);
	SEE(t, "Decisions");
	SEE(t, "Open questions");
	SEE(t, "\"on ne peut plus glisser\"");
	snprintf(want, sizeof want, "envoyer le planning révisé · @moi · due %s",
		 short_day(RP_LANG_EN, 1));
	SEE(t, want);
	CHECK(UNSEEN(t, "Décisions"));
	CHECK(UNSEEN(t, "récap"));
	CHECK(UNSEEN(t, "échéance"));
	{
		char *bar = key_bar(t, 24);

		/* One hint too many for 78 columns: exporting goes, whole. */
		CHECK_STR(bar, " o owner · w due · d done · p plan next · x drop · Esc close · ? help");
		free(bar);
	}
	term_type(t, "G");
	snprintf(want, sizeof want, "not before %s,", short_day(RP_LANG_EN, 5));
	SEE(t, want);
	/* The help wraps in English too, at 60 columns. */
	term_resize(t, 24, 60);
	term_wait_quiet(t, 200, 2000);
	term_key(t, "F1");
	SEE(t, "rapport · recap · keys");
	SEE(t, "week, 2026-12-01...)");
	row = col = row2 = col2 = -1;
	CHECK(term_find(t, "when: its due date (fri, +3d, next", &row, &col));
	CHECK(term_find(t, "week, 2026-12-01...)", &row2, &col2));
	CHECK_INT(row2, row + 1);
	CHECK_INT(col2, col);
	CHECK(UNSEEN(t, "touches"));
	term_type(t, " ");
	term_key(t, "Esc");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);

	/* Review and its search. */
	t = steps_start(argv, english, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	SEE(t, "Zoë Lefèvre SARL");
	term_type(t, "r");
	SEE(t, "rapport · review · Zoë Lefèvre SARL · 1 meeting, 0 touchpoints, newest first");
	SEE(t, "ended");
	SEE(t, "Enter read · e correct · x remove · / search · Esc back · ? help");
	CHECK(UNSEEN(t, "historique"));
	CHECK(UNSEEN(t, "terminé"));
	term_type(t, "/");
	SEE(t, "Search:");
	term_type(t, "glisser\r");
	SEE(t, "rapport · search · \"glisser\" · 1 hit, best first");
	SEE(t, "quote");
	term_type(t, "/");
	term_type(t, "zzzz\r");
	SEE(t, "· 0 hits, best first");
	CHECK(UNSEEN(t, "résultat"));
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
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
	RUN_FRENCH(recap_speaks_french);
	RUN_FRENCH(review_and_search_speak_french);
	RUN_FRENCH(a_wide_screen_shows_every_hint);
	RUN(english_stays_english);
	return tap_done();
}
