/* demo.c: rapport --demo: the screens on a throw-away database of sample
** clients, so a newcomer sees every screen populated at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/client.h"
#include "rapport/fact.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/person.h"
#include "rapport/record.h"
#include "tui.h"

#define DAY 86400

/* A clock the seeding moves around in the past. */
static int64_t
moving_now(void *ctx)
{
	return *(int64_t *)ctx;
}

typedef struct seeder {
	store *st;
	rp_clock clock;
	int64_t at;          /* the seeding clock */
	int64_t now_base;    /* the real now */
	rp_error err;
	bool failed;
} seeder;

static void
check(seeder *sd, enum rp_status s)
{
	if (s != RP_OK && !sd->failed) {
		sd->failed = true;
		cli_error(_("demo: %s"), sd->err.msg);
	}
}

static void
note(seeder *sd, int64_t meeting, int64_t item, const char *line)
{
	parsed_note p;
	rp_date today = date_local(sd->at);

	sd->at += 90;
	check(sd, note_parse_line(line, today, &p, &sd->err));
	check(sd, record_note(sd->st, &sd->clock, meeting, item, NOTE_PHASE_LIVE, &p, NULL, &sd->err));
}

/* A past meeting `days_ago` days ago with its notes; items by position get
** the statuses in marks ("d" done, "p" parked, "-" left pending). */
static int64_t
past_meeting(seeder *sd, int64_t client_id, int days_ago, const char *title,
	     const agenda_spec *items, size_t nitems, const char *marks, const char *const *lines)
{
	meeting_plan_args args = {.client_id = client_id, .title = title, .items = items,
				  .nitems = nitems, .planned_minutes = 45};
	int64_t m = 0, item = 0;

	sd->at = sd->now_base - (int64_t)days_ago * DAY - 2 * DAY;
	check(sd, meeting_plan(sd->st, &sd->clock, &args, &m, &sd->err));
	sd->at += 2 * DAY;
	check(sd, meeting_start(sd->st, &sd->clock, m, &sd->err));
	check(sd, record_talk(sd->st, &sd->clock, m, TALK_CLIENT, &sd->err));
	if (nitems && agenda_item_at(sd->st, m, 1, &item, &sd->err) == RP_OK)
		check(sd, agenda_start_item(sd->st, &sd->clock, item, &sd->err));
	for (size_t i = 0; lines && lines[i]; i++) {
		note(sd, m, item, lines[i]);
		if (i % 3 == 2)
			check(sd, record_talk(sd->st, &sd->clock, m, i % 2 ? TALK_YOU : TALK_CLIENT,
					      &sd->err));
	}
	for (size_t i = 0; marks && marks[i]; i++) {
		enum agenda_status to = marks[i] == 'd' ? AGENDA_DONE : AGENDA_PARKED;

		if (marks[i] == '-' || agenda_item_at(sd->st, m, (int)i + 1, &item, &sd->err) != RP_OK)
			continue;
		check(sd, agenda_set_status(sd->st, &sd->clock, item, to, &sd->err));
	}
	sd->at += 40 * 60;
	check(sd, meeting_end(sd->st, &sd->clock, m, &sd->err));
	return m;
}

static int64_t
add_client(seeder *sd, const char *name, const char *org, int min, int max, enum rp_lang lang)
{
	int64_t id = 0;

	sd->at = sd->now_base - 60 * DAY;
	check(sd, client_add_in(sd->st, &sd->clock, name, org, min, max, lang, &id, &sd->err));
	return id;
}

static void
fact(seeder *sd, int64_t client_id, enum fact_kind kind, const char *text, int days_ago)
{
	sd->at = sd->now_base - (int64_t)days_ago * DAY;
	check(sd, fact_add(sd->st, &sd->clock, client_id, kind, text, 0, 0, NULL, &sd->err));
}

static void
add_person(seeder *sd, int64_t client_id, const char *name, const char *role,
	   const char *email)
{
	person_fields f = {.name = name, .role = role, .email = email};

	check(sd, person_add(sd->st, &sd->clock, client_id, &f, NULL, &sd->err));
}

/* Fill st with the sample clients; false after reporting.
**
** Under a French locale the demo is a French PM's week: Zoë and Nadia
** speak French, and their notes, facts and agendas are in French; Björn,
** Acme and Yamada stay English-speaking clients, so the screens show both
** at once (French chrome, English openers for an English client).  Under
** any other locale every client speaks English. */
static bool
seed(store *st, const cli *c)
{
	seeder sd = {.st = st, .now_base = rp_clock_now(&c->clock)};
	enum rp_lang fr = lang_user();  /* Zoë's and Nadia's language */
	int64_t zoe, acme, bjorn, nadia, next, item;
	char overdue[80], soon[64];
	static const agenda_spec kickoff[][3] = {
		{{"Budget", 15}, {"Timeline", 10}, {"Hiring plan", 5}},
		{{"Budget", 15}, {"Calendrier", 10}, {"Plan de recrutement", 5}},
	};
	static const agenda_spec review[][2] = {
		{{"Progress", 10}, {"Risks", 10}},
		{{"Avancement", 10}, {"Risques", 10}},
	};
	static const agenda_spec importer[] = {{"Importer demo", 15}, {"Démo de l'import", 15}};
	meeting_plan_args plan = {0};
	agenda_spec weekly[AGENDA_ITEMS_MAX];
	const char *title;
	size_t n;

	sd.clock = (rp_clock){.now = moving_now, .ctx = &sd.at};
	snprintf(overdue, sizeof overdue, "%s%s",
		 IN_LANG(fr, "> send the revised plan @me ^", "> envoyer le planning révisé @moi ^"),
		 date_format(date_local(sd.now_base - 3 * DAY), (char[11]){0}));
	snprintf(soon, sizeof soon, "> book the demo room @me ^%s",
		 date_format(date_local(sd.now_base + 5 * DAY), (char[11]){0}));
	{
		const char *const zoe_lines[] = {
			IN_LANG(fr, "* back from a business trip to Bali, loved it",
				"* rentrée d'un voyage d'affaires à Bali, ravie"),
			IN_LANG(fr, "they reorganised the sales team #sales",
				"ils ont réorganisé l'équipe commerciale #ventes"),
			IN_LANG(fr, "+ needs the export to Excel by March #export",
				"+ a besoin de l'export Excel d'ici mars #export"),
			IN_LANG(fr, "! worried the API slips again #api",
				"! inquiète que l'API prenne encore du retard #api"),
			IN_LANG(fr, "? can we self-host the dashboard",
				"? peut-on héberger le tableau de bord chez eux"),
			IN_LANG(fr, "= go with the phased rollout",
				"= on part sur un déploiement par étapes"),
			overdue,
			IN_LANG(fr, "> sign the contract @zoe", "> signer le contrat @zoe"),
			IN_LANG(fr, "\" we can't afford another slip",
				"\" on ne peut pas se permettre un nouveau retard"),
			IN_LANG(fr, "~ seemed tense about the budget", "~ semblait tendue sur le budget"),
			NULL,
		};

		zoe = add_client(&sd, "Zoë Lefèvre SARL", "Lefèvre & fils", 5, 14, fr);
		/* Her "@zoe" below is hers. */
		add_person(&sd, zoe, "Zoë Lefèvre", IN_LANG(fr, "CEO", "PDG"), "zoe@lefevre.example");
		add_person(&sd, zoe, "Luc Martin", IN_LANG(fr, "CTO", "directeur technique"), NULL);
		fact(&sd, zoe, FACT_SPORT,
		     IN_LANG(fr, "runs the Paris marathon in April", "court le marathon de Paris en avril"),
		     40);
		past_meeting(&sd, zoe, 16, IN_LANG(fr, "Kickoff", "Lancement"), kickoff[fr == RP_LANG_FR], 3, "-dp",
			     zoe_lines);
	}
	{
		const char *const bjorn_lines[] = {
			"+ wants a weekly status email #reporting",
			"= Björn owns the sign-off",
			soon,
			NULL,
		};

		bjorn = add_client(&sd, "Björn Andersson AB", NULL, 5, 10, RP_LANG_EN);
		fact(&sd, bjorn, FACT_FAMILY, "his daughter starts university in Uppsala", 30);
		past_meeting(&sd, bjorn, 10, "Review", review[0], 2, "dd", bjorn_lines);
	}
	{
		const char *const nadia_lines[] = {
			IN_LANG(fr, "* loves the restaurant at Septime", "* adore le restaurant Septime"),
			IN_LANG(fr, "! the budget may be cut in Q1",
				"! le budget risque d'être réduit au premier trimestre"),
			IN_LANG(fr, "? who signs off on the invoices", "? qui valide les factures"),
			NULL,
		};

		nadia = add_client(&sd, "Nadia Haddad Conseil", "Haddad & associés", 5, 14, fr);
		past_meeting(&sd, nadia, 8, "Point mensuel", review[fr == RP_LANG_FR], 2, "d-",
			     nadia_lines);
	}
	acme = add_client(&sd, "Acme Logistics", "Acme Group", 7, 21, RP_LANG_EN);
	sd.at = sd.now_base - 3 * DAY;
	/* The PM's own log, in the PM's words. */
	check(&sd, record_touch(st, &sd.clock, acme, TOUCH_EMAIL,
				IN_LANG(fr, "emailed the quarterly report",
					"rapport trimestriel envoyé par e-mail"),
				NULL, &sd.err));
	add_client(&sd, "山田商事 (Yamada Shoji)", NULL, 3, 7, RP_LANG_EN);

	/* Zoë's next meeting: a weekly status in two days, with the items left
	** from the kickoff and a walkthrough of the importer, in her language. */
	n = agenda_template_in(fr, "weekly", weekly, AGENDA_ITEMS_MAX - 1, &title);
	weekly[n++] = importer[fr == RP_LANG_FR];
	sd.at = sd.now_base - 3600;
	plan = (meeting_plan_args){.client_id = zoe, .title = title, .items = weekly, .nitems = n,
				   .planned_at = sd.now_base + 2 * DAY, .planned_minutes = 45};
	check(&sd, meeting_plan(st, &sd.clock, &plan, &next, &sd.err));
	/* The demo item comes last, after what was carried over. */
	item = 0;
	for (int pos = 1; agenda_item_at(st, next, pos, &item, &sd.err) == RP_OK; pos++)
		;
	if (item) {
		check(&sd, agenda_add_walkthrough(st, item, "Alice",
						  IN_LANG(fr, "built the importer", "a développé l'import"),
						  960,
						  IN_LANG(fr, "the client's API keys",
							  "les clés d'API du client"),
						  NULL, &sd.err));
		check(&sd, agenda_add_walkthrough(st, item, "Marc",
						  IN_LANG(fr, "tested it on last month's data",
							  "l'a testé sur les données du mois dernier"),
						  240, NULL, NULL, &sd.err));
	}
	check(&sd, record_prep_note(st, &sd.clock, next,
				    IN_LANG(fr, "ask how the new sales team is settling in",
					    "demander comment s'installe la nouvelle équipe commerciale"),
				    NULL, &sd.err));
	return !sd.failed;
}

int
cli_demo(cli *c)
{
	const char *tmp = getenv("TMPDIR");
	char folder[512], path[600], side[620], msg[512] = "";
	rp_error err = {0};
	enum tui_exit how;
	store *st;
	int rc = EXIT_FAIL;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error("%s", _("--demo needs a terminal"));
		return EXIT_FAIL;
	}
	snprintf(folder, sizeof folder, "%s/rapport-demo-XXXXXX",
		 tmp && *tmp && strlen(tmp) < 400 ? tmp : "/tmp");
	if (mkdtemp(folder) == NULL) {
		cli_error(_("cannot make a folder for the demo in %s"), tmp && *tmp ? tmp : "/tmp");
		return EXIT_FAIL;
	}
	snprintf(path, sizeof path, "%s/demo.db", folder);
	if ((st = store_open(path, STORE_WRITE, &err)) == NULL) {
		cli_fail(&err);
		goto out;
	}
	if (seed(st, c)) {
		how = tui_home(st, &c->clock, msg, sizeof msg);
		if (how == TUI_FAILED)
			cli_error("%s", msg);
		else
			rc = EXIT_OK;
	}
	store_close(st);
out:
	/* A throw-away database: nothing of it stays.  Exports made from the
	** demo's screens go to the current folder, not here. */
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	if (rmdir(folder) != 0)
		cli_error(_("could not remove %s"), folder);
	return rc;
}
