/* cmd_prep.c: rapport prep CLIENT: the preparation, as text or --json. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "rapport/history.h"
#include "rapport/cadence.h"
#include "rapport/client.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "rapport/opener.h"
#include "rapport/person.h"
#include "rapport/prep.h"
#include "rapport/session.h"
#include "rapport/text.h"

static void
heading(const char *title)
{
	printf("\n%s\n", title);
}

/* Print one whole sentence (no newline), control characters neutralised
** (the names it holds may be anything). */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
{
	char msg[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	cli_print_text(msg);
}

/* A fact's kind as the user reads it: the stored name is English, the
** word shown is the user's. */
static const char *
kind_word(const char *kind)
{
	static const char *const words[][2] = {
		{"family", N_("family")}, {"travel", N_("travel")}, {"hobby", N_("hobby")},
		{"sport", N_("sport")},   {"food", N_("food")},     {"work", N_("work")},
		{"other", N_("other")},
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(kind, words[i][0]) == 0)
			return _(words[i][1]);
	return kind;
}

/* "in French": the language the client is spoken to in, said when it is
** not the user's (their openers and agenda are in it). */
static const char *
in_lang(enum rp_lang lang)
{
	return lang == RP_LANG_FR ? _("in French") : _("in English");
}

/* Print the client's people, when it has any: who is who, so "@Zoë
** Lefèvre" above has a role.  Returns EXIT_OK, or EXIT_FAIL once it said
** why it could not. */
static int
print_people(store *st, int64_t client_id)
{
	person *list = NULL;
	rp_error err = {0};
	size_t n = 0;

	if (person_list(st, client_id, &list, &n, &err) != RP_OK)
		return cli_fail(&err);
	if (n)
		heading(_("People"));
	for (size_t i = 0; i < n; i++) {
		const char *more[] = {list[i].role, list[i].email, list[i].phone};

		printf("  ");
		cli_print_text(list[i].name);
		for (size_t k = 0; k < sizeof more / sizeof more[0]; k++) {
			if (more[k][0] == '\0')
				continue;
			printf(" · ");
			cli_print_text(more[k]);
		}
		putchar('\n');
	}
	free(list);
	return EXIT_OK;
}

/* Print the agenda of the next meeting, or what would be carried into it.
** Returns EXIT_OK, or EXIT_FAIL once it said why it could not. */
static int
print_agenda(store *st, const prep *p, int64_t now)
{
	session *s = NULL;
	rp_error err = {0};
	char when[32] = "";

	if (p->next_meeting == 0) {
		heading(_("Next meeting: none planned (rapport plan CLIENT)"));
		for (size_t i = 0; i < p->ncarry; i++) {
			printf("  ");
			say(_("will carry: %s  (%d×)"), p->carry[i].title, p->carry[i].carry_count);
			putchar('\n');
		}
		return EXIT_OK;
	}
	if (session_load_agenda(st, p->next_meeting, &s, &err) != RP_OK)
		return cli_fail(&err);
	putchar('\n');
	say(_("Next meeting %lld: %s"), (long long)s->meeting_id, s->title);
	if (s->planned_at) {
		date_format_local(s->planned_at, true, when, sizeof when);
		printf(", %s", when);
	}
	if (s->planned_minutes)
		printf(P_(", %d minute", ", %d minutes", s->planned_minutes), s->planned_minutes);
	if (meeting_missed(s->planned_at, now))
		printf("%s", _(" (missed: move it with plan --next --at, or cancel it)"));
	putchar('\n');
	for (size_t i = 0; i < s->nitems; i++) {
		const session_item *it = &s->items[i];

		printf("  %zu. ", i + 1);
		cli_print_text(it->title);
		if (it->timebox_minutes)
			printf(" %d'", it->timebox_minutes);
		else if (it->timebox_invalid)
			printf(" ?");  /* a stored timebox that cannot be one */
		if (it->carry_count >= 3)
			printf(_("  (carried %d×: decide, do not carry again)"), it->carry_count);
		else if (it->carry_count)
			printf(_("  (carried %d×)"), it->carry_count);
		putchar('\n');
		for (size_t w = 0; w < it->nwalk; w++) {
			printf("       ");
			/* TRANSLATORS: who, then what they did, in an agenda item's
			** walkthrough. */
			say(_("%s: %s"), it->walk[w].member, it->walk[w].did);
			if (it->walk[w].minutes >= 0)
				printf(" (%s)", agenda_duration(it->walk[w].minutes, "'", (char[16]){0}, 16));
			if (it->walk[w].depends_on)
				say(_(", depends on %s"), it->walk[w].depends_on);
			putchar('\n');
		}
	}
	if (s->nitems == 0)
		printf("  %s\n", _("no items yet"));
	session_free(s);
	return EXIT_OK;
}

/* What earlier meetings left open: questions not answered (with the note
** id that rapport question close takes), last time's concerns, the
** client's words; each only when there are some. */
static void
print_open(const prep *p)
{
	char day[16];

	if (p->nquestions)
		heading(_("Open questions"));
	for (size_t i = 0; i < p->nquestions; i++) {
		printf("  ");
		cli_print_text(p->questions[i].text);
		printf(_("  (%s, meeting %lld, note %lld)"),
		       date_format(date_local(p->questions[i].at), day),
		       (long long)p->questions[i].meeting_id, (long long)p->questions[i].id);
		putchar('\n');
	}
	if (p->nconcerns) {
		heading(_("Concerns last time"));
		for (size_t i = 0; i < p->nconcerns; i++) {
			printf("  ");
			cli_print_text(p->concerns[i].text);
			putchar('\n');
		}
	}
	if (p->nquotes) {
		heading(_("In their words"));
		for (size_t i = 0; i < p->nquotes; i++) {
			printf("  ");
			/* TRANSLATORS: the client's words, quoted, then the day. */
			say(_("\"%s\"  (%s)"), p->quotes[i].text,
			    date_format(date_local(p->quotes[i].at), day));
			putchar('\n');
		}
	}
}

/* prep CLIENT --json: the whole preparation, as rapport(1) documents it. */
static int
prep_json(store *st, const prep *p, rp_date today)
{
	opener openers[OPENERS_MAX];
	size_t nopeners = prep_openers(p, openers, OPENERS_MAX), npeople = 0;
	session *next = NULL;
	history *h = NULL;
	person *people = NULL;
	rp_error err = {0};

	if ((p->next_meeting && session_load_agenda(st, p->next_meeting, &next, &err) != RP_OK) ||
	    person_list(st, p->who.id, &people, &npeople, &err) != RP_OK ||
	    history_load(st, p->who.id, today, &h, &err) != RP_OK) {
		session_free(next);
		free(people);
		return cli_fail(&err);
	}
	cli_prep_json(p, next, openers, nopeners, people, npeople, h, today);
	history_free(h);
	free(people);
	session_free(next);
	return EXIT_OK;
}

/* The relationship at a glance (history.h), indented under the heading
** line; said in one line when it cannot be read, the rest still printed. */
static void
print_history(store *st, int64_t client_id, rp_date today)
{
	char lines[3][HISTORY_LINE_MAX];
	rp_error err = {0};
	history *h = NULL;

	if (history_load(st, client_id, today, &h, &err) != RP_OK) {
		printf(_("  history: %s\n"), err.msg);
		return;
	}
	history_lines(h, history_unicode(), lines);
	history_free(h);
	for (int i = 0; i < 3; i++)
		printf("  %s\n", lines[i]);
}

int
cmd_prep(cli *c, int argc, char **argv)
{
	rp_error err = {0};
	rp_date today = cli_today(c);
	char today_s[16], day[16], status[64], marks[PREP_MARKS_MAX];
	opener openers[OPENERS_MAX];
	size_t nopeners = 0;
	prep *p = NULL;
	client cl;
	store *st;
	cadence where;
	static const struct option longopts[] = {
		{"json", no_argument, NULL, 'j'},
		{0, 0, 0, 0},
	};
	bool json = false;
	int ch, bad = 0, rc;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1)
		if (ch == 'j')
			json = true;
	if (bad)
		return EXIT_USAGE;
	if (optind + 1 != argc)
		return cli_usage("%s", _("prep takes one CLIENT"));
	if ((st = cli_open_client(c, argv[optind], STORE_READ, &cl)) == NULL)
		return EXIT_FAIL;
	date_format(today, today_s);
	if (prep_load(st, cl.id, today_s, &p, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	if (json) {
		rc = prep_json(st, p, today);
		prep_free(p);
		store_close(st);
		return rc;
	}
	/* TRANSLATORS: a client's name, then their organisation. */
	if (cl.org[0])
		say(_("%s (%s)"), cl.name, cl.org);
	else
		cli_print_text(cl.name);
	/* Their openers and agenda are in their language: said when it is
	** not the user's, so a French PM knows the English ones are meant. */
	if (cl.lang != lang_user())
		printf(" · %s", in_lang(cl.lang));
	where = cadence_compute(cl.last_contact != 0, date_local(cl.last_contact), today,
				cl.cadence_min, cl.cadence_max);
	printf(" · ");
	printf(P_("check in every %d-%d day", "check in every %d-%d days", cl.cadence_max),
	       cl.cadence_min, cl.cadence_max);
	printf(" · ");
	if (cl.last_contact)
		printf(_("last contact %s"), date_format(date_local(cl.last_contact), day));
	else
		printf("%s", _("last contact never"));
	printf(" · %s\n", cadence_describe(where, status, sizeof status));
	print_history(st, cl.id, today);

	heading(_("Personal"));
	for (size_t i = 0; i < p->nfacts; i++) {
		const char *kind = kind_word(p->facts[i].kind);
		size_t kind_len = text_length(kind);

		printf("  ");
		cli_print_text(kind);
		printf("%*s ", kind_len < 7 ? (int)(7 - kind_len) : 0, "");
		cli_print_text(p->facts[i].text);
		printf("  ");
		if (p->facts[i].meeting_id)
			printf(_("(%s, meeting %lld)"), date_format(date_local(p->facts[i].learned_at), day),
			       (long long)p->facts[i].meeting_id);
		else
			printf("(%s)", date_format(date_local(p->facts[i].learned_at), day));
		cli_print_text(prep_fact_marks(&p->facts[i], marks, sizeof marks));
		putchar('\n');
	}
	if (p->nfacts == 0)
		printf("  %s\n", _("nothing yet (rapport fact CLIENT TEXT)"));
	if (p->facts_older)
		printf("  %s\n", _("… and older facts (rapport search finds them)"));

	nopeners = prep_openers(p, openers, 5);
	heading(_("Openers"));
	for (size_t i = 0; i < nopeners; i++) {
		printf("  ");
		cli_print_text(openers[i].text);
		if (openers[i].last_used.year)
			printf(_("  (used %s)"), date_format(openers[i].last_used, day));
		putchar('\n');
	}

	heading(_("Open follow-ups"));
	for (size_t i = 0; i < p->nfollowups; i++) {
		const prep_followup *f = &p->followups[i];

		bool dated = f->due && strcmp(f->due, DATE_INVALID_TEXT) != 0;

		printf("  %s", dated && strcmp(f->due, today_s) < 0 ? _("overdue · ") : "");
		cli_print_text(f->text);
		printf(" · %s", f->theirs ? _("theirs") : _("yours"));
		if (f->owner) {
			printf(" @");
			cli_print_text(f->owner);
		}
		if (f->due)
			printf(_(" · due %s"), f->due);
		putchar('\n');
	}
	if (p->nfollowups == 0)
		printf("  %s\n", _("none open"));
	if (p->followups_open > p->nfollowups) {
		size_t more = p->followups_open - p->nfollowups;

		printf("  ");
		printf(P_("… and %zu more open (rapport followups CLIENT lists them all)",
			  "… and %zu more open (rapport followups CLIENT lists them all)", more),
		       more);
		putchar('\n');
	}
	print_open(p);

	if (print_people(st, cl.id) != EXIT_OK || print_agenda(st, p, rp_clock_now(&c->clock)) != EXIT_OK) {
		prep_free(p);
		store_close(st);
		return EXIT_FAIL;
	}
	if (p->nnotes) {
		heading(_("Prep notes"));
		for (size_t i = 0; i < p->nnotes; i++) {
			printf("  ");
			cli_print_text(p->notes[i].text);
			putchar('\n');
		}
	}
	prep_free(p);
	store_close(st);
	return EXIT_OK;
}

/* question close NOTE | question reopen NOTE: a question Prep brings back
** (a later decision answered it), or brings back again. */
int
cmd_question(cli *c, int argc, char **argv)
{
	rp_error err = {0};
	struct stat sb;
	bool closing;
	long note;
	store *st;
	enum rp_status s;

	if (argc != 3 || (strcmp(argv[1], "close") != 0 && strcmp(argv[1], "reopen") != 0))
		return cli_usage("%s", _("question takes close NOTE or reopen NOTE"));
	closing = strcmp(argv[1], "close") == 0;
	if (!cli_parse_int(argv[2], 1, 999999999, &note)) {
		cli_error(_("NOTE must be a note number (rapport prep CLIENT shows them), not \"%s\""),
			  argv[2]);
		return EXIT_FAIL;
	}
	/* Without a database there is no note; do not create one for that. */
	if (stat(c->db_path, &sb) != 0 && errno == ENOENT) {
		cli_error(_("no note %ld"), note);
		return EXIT_FAIL;
	}
	if ((st = cli_open(c, STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	s = closing ? prep_question_close(st, &c->clock, note, &err)
		    : prep_question_reopen(st, note, &err);
	store_close(st);
	if (s != RP_OK)
		return cli_fail(&err);
	printf(closing ? _("closed question %ld\n") : _("reopened question %ld\n"), note);
	return EXIT_OK;
}
