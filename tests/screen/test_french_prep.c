/* test_french_prep.c: Prep and Follow-ups in French under LANG=fr_FR.UTF-8,
** in English under LANG=C.UTF-8, as a person sees them at 80x24: the
** chrome in the user's language, the openers in the client's (a French PM
** with an English client reads French screens and English openers), L on
** Prep switching the client's language (the openers and the database
** with it), and the key bars keeping whole hints, the help's last.
**
** The real binary in a pseudo-terminal, read through libvterm, on the fixed
** clock of steps.h (Thursday 26 November 2026); every date expected is
** worked out from it with the core's calendar.  The French tests are
** skipped, with the reason, where the French locale is not installed.
*/
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "rapport/date.h"
#include "rapport/lang.h"
#include "steps.h"
#include "tap.h"

static const char *const french[] = {"LANG=fr_FR.UTF-8", "LC_ALL=", "LC_MESSAGES=",
				     "LANGUAGE=", NULL};
static const char *const english[] = {"LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=",
				      "LANGUAGE=", NULL};

/* The French opener of Dupont's fact, and the English one of Acme's. */
#define FR_OPENER "Comment se sont passées vos vacances au Japon"
#define EN_OPENER "How was your ski trip to Chamonix?"

static void
exec_sql(const char *sql)
{
	sqlite3 *db;

	if (sqlite3_open(getenv("RAPPORT_DB"), &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		tap_fail(__FILE__, __LINE__, "SQL failed: %s", sqlite3_errmsg(db));
	sqlite3_close(db);
}

/* A database of one client, name in lang, with a fact about a trip. */
static void
setup(const char *db, const char *name, const char *lang, const char *fact)
{
	char cmd[300];

	steps_use_db(db);
	snprintf(cmd, sizeof cmd, "client add '%s' --cadence 7-14 --lang %s", name, lang);
	CHECK_INT(steps_rapport(cmd), 0);
	snprintf(cmd, sizeof cmd, "fact '%s' '%s'", name, fact);
	CHECK_INT(steps_rapport(cmd), 0);
}

/* The key bar once the screen is still: whole hints, none cut ("x aband…"). */
static char *
key_bar(term *t)
{
	char *bar;
	size_t n;

	term_wait_quiet(t, 200, 3000);
	bar = term_row(t, 23);
	n = strlen(bar);
	if (n >= 3 && strcmp(bar + n - 3, "…") == 0)
		tap_fail(__FILE__, __LINE__, "the key bar ends cut: \"%s\"", bar);
	return bar;
}

/* Does s start with head? */
static bool
starts_with(const char *s, const char *head)
{
	return strncmp(s, head, strlen(head)) == 0;
}

/* Does s end with tail? */
static bool
ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);

	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* The Clients screen in env, then Prep of its only client. */
static term *
open_prep(const char *const env[], const char *title)
{
	const char *argv[] = {steps_bin, NULL};
	term *t = steps_start(argv, env, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return NULL;
	term_wait_quiet(t, 200, 3000);
	term_key(t, "Enter");
	if (!SEE_WITHIN(t, title, 5000)) {
		term_free(t);
		return NULL;
	}
	term_wait_quiet(t, 200, 3000);
	return t;
}

/* A French client under a French locale: French everywhere; L makes the
** client English (the openers follow, the chrome stays French) and back. */
static void
prep_french_client_in_french(void)
{
	term *t;
	char *bar;

	setup("prep-fr.db", "Dupont SA", "fr", "de retour de vacances au Japon");
	if ((t = open_prep(french, "rapport · préparation · Dupont SA · ")) == NULL)
		return;
	SEE(t, "Côté personnel");
	SEE(t, "voyage  de retour de vacances au Japon  (");
	SEE(t, "Phrases d'ouverture");
	SEE(t, FR_OPENER);
	SEE(t, "Prochaine réunion");
	/* Whole at 80 columns: not cut at the end. */
	SEE(t, "aucune de prévue" NNBSP ": a en crée une avec un point, A d'après un modèle");
	/* Nothing of the English chrome. */
	CHECK(UNSEEN(t, "rapport · prep"));
	CHECK(UNSEEN(t, "Personal"));
	CHECK(UNSEEN(t, "Openers"));
	CHECK(UNSEEN(t, "last contact"));
	CHECK(UNSEEN(t, "travel"));
	CHECK(UNSEEN(t, "none planned"));
	CHECK(UNSEEN(t, "How "));
	/* The bar: the section's keys first, whole hints dropped at 80
	** columns, the way back and the help kept. */
	bar = key_bar(t);
	CHECK(starts_with(bar, " Côté personnel" NNBSP ": a ajouter · e modifier"));
	CHECK(ends_with(bar, " · Échap retour · ? aide"));
	CHECK(strstr(bar, "Esc") == NULL && strstr(bar, "help") == NULL);
	free(bar);

	/* L: Dupont is spoken to in English now, said in French. */
	term_type(t, "L");
	SEE(t, "Langue du client Dupont SA" NNBSP ": anglais");
	SEE(t, "How has your week been so far?");
	CHECK(UNSEEN(t, "Comment se passe votre semaine"));
	SEE(t, "Phrases d'ouverture");
	CHECK_STR(steps_sql1("SELECT lang FROM clients WHERE name = 'Dupont SA'"), "en");
	/* And back. */
	term_type(t, "L");
	SEE(t, "Langue du client Dupont SA" NNBSP ": français");
	SEE(t, FR_OPENER);
	CHECK(UNSEEN(t, "How has your week"));
	CHECK_STR(steps_sql1("SELECT lang FROM clients WHERE name = 'Dupont SA'"), "fr");

	/* The help lists L, in French. */
	term_type(t, "?");
	SEE(t, "rapport · préparation · touches");
	SEE(t, "changer la langue du client, anglais ou français" NNBSP ":");
	SEE(t, "section suivante / précédente");
	CHECK(UNSEEN(t, "switch the client's language"));
	CHECK(UNSEEN(t, "next / previous section"));
	term_type(t, " ");
	SEE(t, "Côté personnel");
	/* A question in French, with its answer keys. */
	term_type(t, "x");
	SEE(t, "Oublier ce fait" NNBSP "? o / n" NNBSP ":");
	term_type(t, "n");
	term_wait_quiet(t, 200, 2000);
	CHECK_STR(steps_sql1("SELECT count(*) FROM facts"), "1");
	term_type(t, "q");
	term_wait_quiet(t, 200, 2000);
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* An English client under a French locale: French chrome, English openers;
** L makes them French. */
static void
prep_english_client_in_french(void)
{
	term *t;

	setup("prep-en.db", "Acme Ltd", "en", "back from a ski trip in Chamonix");
	if ((t = open_prep(french, "rapport · préparation · Acme Ltd · ")) == NULL)
		return;
	SEE(t, "Côté personnel");
	SEE(t, "voyage  back from a ski trip in Chamonix  (");
	SEE(t, "Phrases d'ouverture");
	SEE(t, EN_OPENER);
	CHECK(UNSEEN(t, "Personal"));
	CHECK(UNSEEN(t, "Openers"));
	CHECK(UNSEEN(t, "Comment "));
	term_type(t, "L");
	SEE(t, "Langue du client Acme Ltd" NNBSP ": français");
	SEE(t, "Comment se passe votre semaine" NNBSP "?");
	CHECK(UNSEEN(t, EN_OPENER));
	CHECK_STR(steps_sql1("SELECT lang FROM clients WHERE name = 'Acme Ltd'"), "fr");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* The next meeting in French: its heading, its date line and its keys, a
** question about it; a fact typed with a French kind. */
static void
prep_meeting_in_french(void)
{
	char cmd[200], want[200], *bar;
	rp_date d;
	term *t;

	setup("prep-meet.db", "Dupont SA", "fr", "de retour de vacances au Japon");
	snprintf(cmd, sizeof cmd, "plan dupont Lancement --item Budget:15 --at '%s 14:00'",
		 steps_date(1));
	CHECK_INT(steps_rapport(cmd), 0);
	if ((t = open_prep(french, "rapport · préparation · Dupont SA · ")) == NULL)
		return;
	SEE(t, "Prochaine réunion" NNBSP ": Lancement (réunion 1, 15')");
	CHECK(sscanf(steps_date(1), "%d-%d-%d", &d.year, &d.month, &d.day) == 3);
	snprintf(want, sizeof want, "  %s 14:00", date_format_short_in(RP_LANG_FR, d, cmd, sizeof cmd));
	SEE(t, want);
	/* Tab to the next meeting's date line: its own keys. */
	for (int i = 0; i < 3; i++)
		term_key(t, "Tab");
	bar = key_bar(t);
	if (!starts_with(bar, " Prochaine réunion" NNBSP ": w déplacer · e renommer · "))
		tap_fail(__FILE__, __LINE__, "the date line's keys: \"%s\"", bar);
	CHECK(ends_with(bar, " · Échap retour · ? aide"));
	free(bar);
	term_type(t, "C");
	snprintf(want, sizeof want, "Annuler cette réunion (%s 14:00)" NNBSP "? o / n" NNBSP ":",
		 date_format_short_in(RP_LANG_FR, d, cmd, sizeof cmd));
	SEE(t, want);
	term_type(t, "n");
	term_wait_quiet(t, 200, 2000);
	CHECK_STR(steps_sql1("SELECT state FROM meetings"), "planned");
	/* A fact whose kind is typed in French. */
	term_key(t, "BTab");
	term_key(t, "BTab");
	term_key(t, "BTab");
	term_type(t, "a");
	SEE(t, "Fait ([type" NNBSP ":] texte)" NNBSP ":");
	term_type(t, "famille : les jumeaux entrent au CP");
	term_key(t, "Enter");
	SEE(t, "famille les jumeaux entrent au CP  (");
	CHECK_STR(steps_sql1("SELECT kind FROM facts WHERE text LIKE 'les jumeaux%'"), "family");
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* Two open follow-ups of Dupont's: one three days overdue, mine; one due
** tomorrow, theirs. */
static void
add_followups(void)
{
	char sql[600], late[16];

	snprintf(late, sizeof late, "%s", steps_date(-3));  /* steps_date has one buffer */
	snprintf(sql, sizeof sql,
		 "INSERT INTO followups (client_id, meeting_id, text, owner, due, created_at) VALUES"
		 " (1, NULL, 'envoyer le devis', NULL, '%s', 0),"
		 " (1, NULL, 'valider le budget', 'dupont', '%s', 0);",
		 late, steps_date(1));
	exec_sql(sql);
}

/* The day of steps_date(days) as Follow-ups says it: "ven. 27 nov.", and
** without the weekday for a day gone by ("23 nov."). */
static const char *
day_label(enum rp_lang lang, int days, bool past)
{
	static char buf[DATE_SHORT_MAX];
	rp_date d;

	if (sscanf(steps_date(days), "%d-%d-%d", &d.year, &d.month, &d.day) != 3)
		return "?";
	date_format_short_in(lang, d, buf, sizeof buf);
	return past && strchr(buf, ' ') ? strchr(buf, ' ') + 1 : buf;
}

static void
followups_in_french(void)
{
	const char *argv[] = {steps_bin, NULL};
	char want[200], *bar;
	term *t;

	steps_use_db("prep-fr.db");  /* Dupont SA, French */
	add_followups();
	t = steps_start(argv, french, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	term_wait_quiet(t, 200, 3000);
	term_type(t, "f");
	SEE(t, "rapport · actions, en retard d'abord · toutes (Tab" NNBSP ": les miennes)");
	SEE(t, "ÉCHÉANCE");
	SEE(t, "CÔTÉ");
	snprintf(want, sizeof want, "%s en retard", day_label(RP_LANG_FR, -3, true));
	SEE(t, want);
	SEE(t, day_label(RP_LANG_FR, 1, false));
	SEE(t, "à moi");
	SEE(t, "client ");
	SEE(t, "action 1 · Dupont SA · hors réunion");
	CHECK(UNSEEN(t, "follow-up"));
	CHECK(UNSEEN(t, "overdue"));
	CHECK(UNSEEN(t, "DUE"));
	CHECK(UNSEEN(t, "theirs"));
	bar = key_bar(t);
	CHECK(strstr(bar, "d fait") != NULL);
	CHECK(ends_with(bar, "Échap retour · ? aide"));
	free(bar);
	/* Done, then open again, said in French. */
	term_type(t, "d");
	SEE(t, "faite" NNBSP ": envoyer le devis · u la rouvre");
	CHECK_STR(steps_sql1("SELECT status FROM followups WHERE text = 'envoyer le devis'"), "done");
	term_type(t, "u");
	SEE(t, "rouverte" NNBSP ": envoyer le devis");
	CHECK_STR(steps_sql1("SELECT status FROM followups WHERE text = 'envoyer le devis'"), "open");
	/* The sides, named in French. */
	term_key(t, "Tab");
	SEE(t, "· les miennes (Tab" NNBSP ": les leurs)");
	term_type(t, "?");
	SEE(t, "rapport · actions · touches");
	SEE(t, "toutes, les miennes, les leurs");
	CHECK(UNSEEN(t, "everyone's"));
	term_type(t, " ");
	term_wait_quiet(t, 200, 2000);
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	term_free(t);
}

/* Under C.UTF-8 both screens stay English; the French client's openers
** stay French. */
static void
english_stays_english(void)
{
	char want[200], *bar;
	term *t;

	setup("prep-c.db", "Dupont SA", "fr", "de retour de vacances au Japon");
	add_followups();
	if ((t = open_prep(english, "rapport · prep · Dupont SA · ")) == NULL)
		return;
	SEE(t, "Personal");
	SEE(t, "travel  de retour de vacances au Japon  (");
	SEE(t, "Openers");
	SEE(t, FR_OPENER);
	SEE(t, "Next meeting");
	CHECK(UNSEEN(t, "préparation"));
	CHECK(UNSEEN(t, "Côté personnel"));
	CHECK(UNSEEN(t, "Pour engager"));
	bar = key_bar(t);
	CHECK(starts_with(bar, " Personal: a add · e edit"));
	CHECK(ends_with(bar, " · Esc back · ? help"));
	free(bar);
	term_type(t, "L");
	SEE(t, "Dupont SA's language: English");
	SEE(t, "How has your week been so far?");
	CHECK_STR(steps_sql1("SELECT lang FROM clients WHERE name = 'Dupont SA'"), "en");
	term_type(t, "?");
	SEE(t, "switch the client's language, English or French: the");
	SEE(t, "next / previous section");
	term_type(t, " ");
	term_type(t, "q");
	/* Follow-ups, from the Clients screen. */
	term_wait_quiet(t, 200, 3000);
	term_type(t, "f");
	SEE(t, "rapport · follow-ups, overdue first · everyone's (Tab: mine)");
	SEE(t, "DUE");
	snprintf(want, sizeof want, "%s overdue", day_label(RP_LANG_EN, -3, true));
	SEE(t, want);
	SEE(t, "follow-up 1 · Dupont SA · not from a meeting");
	CHECK(UNSEEN(t, "ÉCHÉANCE"));
	CHECK(UNSEEN(t, "en retard"));
	term_type(t, "d");
	SEE(t, "done: envoyer le devis · u opens it again");
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
	RUN_FRENCH(prep_french_client_in_french);
	RUN_FRENCH(prep_english_client_in_french);
	RUN_FRENCH(prep_meeting_in_french);
	RUN_FRENCH(followups_in_french);
	RUN(english_stays_english);
	return tap_done();
}
