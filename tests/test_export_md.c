/* test_export_md.c: the Markdown recap of two fixed meetings, one with an
** English client and one with a French client, against golden files
** (tests/data/recap.md, tests/data/recap_fr.md), each written in the
** client's language whatever the user's is.  GENERATE=1 rewrites the golden
** files from the output, to be reviewed by a person before they are
** committed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/export.h"
#include "rapport/fact.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/recap.h"
#include "rapport/record.h"
#include "tap.h"

#define T0 1795687200  /* 2026-11-26 10:00 UTC, a Thursday */

static store *st;
static int64_t meeting, meeting_fr;

static void
say_in(int64_t in, int64_t item, const char *line)
{
	static const rp_date today = {2026, 11, 26};
	parsed_note p;
	rp_error err = {0};

	fixture_now += 60;
	if (note_parse_line(line, today, &p, &err) != RP_OK ||
	    record_note(st, &fixture_clock, in, item, NOTE_PHASE_LIVE, &p, NULL, &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
}

static void
say(int64_t item, const char *line)
{
	say_in(meeting, item, line);
}

static void
setup(void)
{
	rp_error err = {0};
	agenda_spec items[2] = {{"Budget", 15}, {"Importer", 10}};
	meeting_plan_args args = {.title = "Kickoff", .items = items, .nitems = 2};
	int64_t importer;

	st = fixture_store();
	fixture_now = T0 - 86400;
	client_add_in(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, RP_LANG_EN,
		      &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &meeting, &err);
	agenda_item_at(st, meeting, 2, &importer, &err);
	agenda_add_walkthrough(st, importer, "Alice", "built the importer", 960,
			       "the client's API keys", NULL, &err);
	agenda_add_walkthrough(st, importer, "Marc", "tested it on *real* data", 90, NULL, NULL,
			       &err);
	fixture_now = T0;
	meeting_start(st, &fixture_clock, meeting, &err);
	say(0, "* back from a business trip to Bali");
	say(0, "+ needs the export to Excel by March #export");
	say(0, "! worried the API slips #api");
	say(0, "? can we self-host the dashboard");
	say(0, "= go with the phased rollout");
	say(0, "= budget capped at 50_000 [EUR] #budget");
	say(0, "> send the revised plan @me ^fri");
	say(0, "> sign the contract @zoe");
	say(0, "> book a room ^2026-12-10");
	say(0, "> call Bob");
	say(0, "~ they seemed tense about the budget");
	say(0, "\" we can't afford another slip");
	fixture_now += 1800;
	meeting_end(st, &fixture_clock, meeting, &err);
}

/* The same kind of meeting with a French client, in French. */
static void
setup_fr(void)
{
	rp_error err = {0};
	agenda_spec items[2] = {{"Budget", 15}, {"Importation", 10}};
	meeting_plan_args args = {.title = "point d'étape", .items = items, .nitems = 2};
	int64_t importer;
	recap *r = NULL;

	fixture_now = T0 - 86400;
	client_add_in(st, &fixture_clock, "Éditions Lefèvre", NULL, 5, 14, RP_LANG_FR,
		      &args.client_id, &err);
	meeting_plan(st, &fixture_clock, &args, &meeting_fr, &err);
	agenda_item_at(st, meeting_fr, 2, &importer, &err);
	agenda_add_walkthrough(st, importer, "Alice", "a construit l'import", 960,
			       "les clés d'API du client", NULL, &err);
	agenda_add_walkthrough(st, importer, "Marc", "l'a testé sur des données *réelles*", 90,
			       NULL, NULL, &err);
	agenda_add_walkthrough(st, importer, "Inès", "a relu le contrat", 45,
			       "l'équipe juridique", NULL, &err);
	agenda_add_walkthrough(st, importer, "Hugo", "a chiffré la reprise", 60, "Acme", NULL,
			       &err);
	fixture_now = T0 + 7200;
	meeting_start(st, &fixture_clock, meeting_fr, &err);
	say_in(meeting_fr, 0, "* revient de vacances à Bali");
	say_in(meeting_fr, 0, "+ besoin de l'export Excel avant mars #export");
	say_in(meeting_fr, 0, "! inquiet que l'API prenne du retard #api");
	say_in(meeting_fr, 0, "? peut-on héberger le tableau de bord nous-mêmes");
	say_in(meeting_fr, 0, "? et le \"mode hors ligne\" dont parlait Zoé ?");
	say_in(meeting_fr, 0, "= on part sur un déploiement par phases");
	say_in(meeting_fr, 0, "= budget plafonné à 50 000 € ; marge de 10% #budget");
	say_in(meeting_fr, 0, "> envoyer le plan révisé @moi ^ven");
	say_in(meeting_fr, 0, "> signer le contrat @zoé");
	say_in(meeting_fr, 0, "> réserver une salle ^2026-12-01");
	say_in(meeting_fr, 0, "> appeler Bob");
	say_in(meeting_fr, 0, "~ ils semblaient tendus sur le budget");
	say_in(meeting_fr, 0, "\" on ne peut pas se permettre un autre retard");
	fixture_now += 1800;
	meeting_end(st, &fixture_clock, meeting_fr, &err);
	if (recap_load(st, meeting_fr, &r, &err) != RP_OK || r->nfollowups != 4 ||
	    record_followup_status(st, &fixture_clock, r->followups[3].id, FOLLOWUP_DONE,
				   &err) != RP_OK)
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
	recap_free(r);
}

/* The recap of meeting id, in the user's language user_lang, is the
** golden file at path. */
static void
matches_golden(int64_t id, enum rp_lang user_lang, const char *path)
{
	recap *r = NULL;
	rp_error err = {0};
	char *md = NULL, *golden;
	size_t len = 0;

	lang_set_user(user_lang);
	CHECK(recap_load(st, id, &r, &err) == RP_OK);
	if (r == NULL)
		return;
	CHECK(export_markdown(r, &md, &err) == RP_OK);
	if (md && getenv("GENERATE")) {
		FILE *f = fopen(path, "w");

		if (f) {
			fputs(md, f);
			fclose(f);
		}
	}
	golden = fixture_slurp(path, &len);
	CHECK(golden != NULL);
	if (md && golden && strcmp(md, golden) != 0)
		tap_fail(__FILE__, __LINE__, "the recap differs from %s:\n%s", path, md);
	free(golden);
	free(md);
	recap_free(r);
	lang_set_user(RP_LANG_EN);
}

static void
matches_the_golden_file(void)
{
	matches_golden(meeting, RP_LANG_EN, GOLDEN);
}

/* A French user sends an English client an English recap. */
static void
english_client_from_a_french_user(void)
{
	matches_golden(meeting, RP_LANG_FR, GOLDEN);
}

/* An English user sends a French client a French recap. */
static void
french_client_from_an_english_user(void)
{
	matches_golden(meeting_fr, RP_LANG_EN, GOLDEN_FR);
	matches_golden(meeting_fr, RP_LANG_FR, GOLDEN_FR);
}

/* Typography and grammar a French reader checks, said once more than the
** golden file says them, so a regenerated file cannot hide their loss. */
static void
french_reads_as_french(void)
{
	recap *r = NULL;
	rp_error err = {0};
	char *md = NULL;

	CHECK(recap_load(st, meeting_fr, &r, &err) == RP_OK);
	CHECK(r && r->lang == RP_LANG_FR);
	CHECK(r && export_markdown(r, &md, &err) == RP_OK);
	CHECK(md && strstr(md, "\n\nCompte rendu — jeudi 26 novembre 2026\n") != NULL);
	CHECK(md && strstr(md, "d'ici le mardi 1er décembre 2026") != NULL);
	CHECK(md && strstr(md, "nous-mêmes" NNBSP "?\n") != NULL);
	CHECK(md && strstr(md, "« mode hors ligne »") == NULL);  /* not plain spaces */
	CHECK(md && strstr(md, "«" NNBSP "mode hors ligne" NNBSP "»") != NULL);
	CHECK(md && strstr(md, "Zoé" NNBSP "?\n") != NULL);
	CHECK(md && strstr(md, "10" NNBSP "%") != NULL);
	CHECK(md && strstr(md, "€" NNBSP ";") != NULL);
	CHECK(md && strstr(md, "qui dépendait des clés") != NULL);
	CHECK(md && strstr(md, "qui dépendait de l'équipe") != NULL);
	CHECK(md && strstr(md, "qui dépendait d'Acme") != NULL);
	CHECK(md && strstr(md, "(16" NNBSP "h)") != NULL);
	CHECK(md && strstr(md, "(1" NNBSP "h" NNBSP "30)") != NULL);
	CHECK(md && strstr(md, "(45" NNBSP "min)") != NULL);
	CHECK(md && strstr(md, "Importation" NNBSP ": Alice") != NULL);
	CHECK(md && strstr(md, "Appeler Bob — responsable et date à convenir (fait)") != NULL);
	CHECK(md && strstr(md, "# Point d'étape — Éditions Lefèvre\n") != NULL);
	/* Nothing of the English table is left. */
	CHECK(md && strstr(md, "Recap") == NULL && strstr(md, " by ") == NULL &&
	      strstr(md, "December") == NULL && strstr(md, "agree") == NULL);
	CHECK(md && strstr(md, "tendus") == NULL);     /* private */
	CHECK(md && strstr(md, "Bali") == NULL);       /* personal fact */
	CHECK(md && strstr(md, "permettre") == NULL);  /* their words stay with you */
	free(md);
	recap_free(r);
}

/* The user's own word for themselves is said in the client's language:
** "@me" for a French client is "moi", "@moi" for an English one "me";
** "@they" is "eux". */
static void
owners_in_the_clients_words(void)
{
	static const struct {
		int64_t *id;
		const char *owner, *want, *unwanted;
	} cases[] = {
		{&meeting_fr, "me", "Envoyer le plan révisé — moi, d'ici", "— me,"},
		{&meeting, "moi", "Send the revised plan — me, by", "— moi,"},
		{&meeting_fr, "they", "Envoyer le plan révisé — eux, d'ici", "— they,"},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		recap *r = NULL;
		rp_error err = {0};
		char *md = NULL;
		int64_t first;

		CHECK(recap_load(st, *cases[i].id, &r, &err) == RP_OK);
		if (r == NULL)
			continue;
		first = r->followups[0].id;
		CHECK(recap_set_owner(st, first, cases[i].owner, &err) == RP_OK);
		recap_free(r);
		CHECK(recap_load(st, *cases[i].id, &r, &err) == RP_OK);
		CHECK(r && export_markdown(r, &md, &err) == RP_OK);
		CHECK(md && strstr(md, cases[i].want) != NULL);
		CHECK(md && strstr(md, cases[i].unwanted) == NULL);
		free(md);
		recap_free(r);
		/* As it was, for the golden files. */
		CHECK(recap_set_owner(st, first, cases[i].id == &meeting_fr ? "moi" : "me",
					      &err) == RP_OK);
	}
}

static void
private_and_personal_never_leave(void)
{
	recap *r = NULL;
	rp_error err = {0};
	char *md = NULL;

	CHECK(recap_load(st, meeting, &r, &err) == RP_OK);
	CHECK(r && export_markdown(r, &md, &err) == RP_OK);
	CHECK(md && strstr(md, "tense") == NULL);      /* private */
	CHECK(md && strstr(md, "Bali") == NULL);       /* personal fact */
	CHECK(md && strstr(md, "afford") == NULL);     /* their words stay with you */
	free(md);
	recap_free(r);
}

static void
a_dropped_action_leaves_the_recap(void)
{
	recap *r = NULL;
	rp_error err = {0};
	char *md = NULL;

	CHECK(recap_load(st, meeting, &r, &err) == RP_OK);
	if (r == NULL)
		return;
	CHECK(record_followup_status(st, &fixture_clock, r->followups[3].id, FOLLOWUP_DROPPED,
				     &err) == RP_OK);
	recap_free(r);
	CHECK(recap_load(st, meeting, &r, &err) == RP_OK);
	CHECK(r && export_markdown(r, &md, &err) == RP_OK);
	CHECK(md && strstr(md, "Call Bob") == NULL);
	free(md);
	recap_free(r);
}

int
main(void)
{
	setenv("TZ", "Europe/Paris", 1);
	tzset();  /* the zone may already have been read (libfaketime does) */
	setup();
	setup_fr();
	RUN(matches_the_golden_file);
	RUN(english_client_from_a_french_user);
	RUN(french_client_from_an_english_user);
	RUN(french_reads_as_french);
	RUN(owners_in_the_clients_words);
	RUN(private_and_personal_never_leave);
	RUN(a_dropped_action_leaves_the_recap);
	store_close(st);
	return tap_done();
}
