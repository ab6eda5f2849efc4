/* cmd_prep.c: rapport prep CLIENT: the preparation, as text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/cadence.h"
#include "rapport/client.h"
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
		heading("People");
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
print_agenda(store *st, const prep *p)
{
	session *s = NULL;
	rp_error err = {0};
	char when[32] = "";

	if (p->next_meeting == 0) {
		heading("Next meeting: none planned (rapport plan CLIENT)");
		for (size_t i = 0; i < p->ncarry; i++) {
			printf("  will carry: ");
			cli_print_text(p->carry[i].title);
			printf("  (%d×)\n", p->carry[i].carry_count);
		}
		return EXIT_OK;
	}
	if (session_load(st, p->next_meeting, &s, &err) != RP_OK)
		return cli_fail(&err);
	printf("\nNext meeting %lld: ", (long long)s->meeting_id);
	cli_print_text(s->title);
	if (s->planned_at) {
		date_format_local(s->planned_at, true, when, sizeof when);
		printf(", %s", when);
	}
	if (s->planned_minutes)
		printf(", %d minutes", s->planned_minutes);
	putchar('\n');
	for (size_t i = 0; i < s->nitems; i++) {
		const session_item *it = &s->items[i];

		printf("  %zu. ", i + 1);
		cli_print_text(it->title);
		if (it->timebox_minutes)
			printf(" %d'", it->timebox_minutes);
		else if (it->timebox_invalid)
			printf(" ?");  /* a stored timebox that cannot be one */
		if (it->carry_count)
			printf("  (carried %d×%s)", it->carry_count,
			       it->carry_count >= 3 ? ": decide, do not carry again" : "");
		putchar('\n');
		for (size_t w = 0; w < it->nwalk; w++) {
			printf("       ");
			cli_print_text(it->walk[w].member);
			printf(": ");
			cli_print_text(it->walk[w].did);
			if (it->walk[w].minutes >= 0)
				printf(" (%s)", agenda_duration(it->walk[w].minutes, "'", (char[16]){0}, 16));
			if (it->walk[w].depends_on) {
				printf(", depends on ");
				cli_print_text(it->walk[w].depends_on);
			}
			putchar('\n');
		}
	}
	if (s->nitems == 0)
		printf("  no items yet\n");
	session_free(s);
	return EXIT_OK;
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

	if (argc != 2)
		return cli_usage("prep takes one CLIENT");
	if ((st = cli_open_client(c, argv[1], STORE_READ, &cl)) == NULL)
		return EXIT_FAIL;
	date_format(today, today_s);
	if (prep_load(st, cl.id, today_s, &p, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	cli_print_text(cl.name);
	if (cl.org[0]) {
		printf(" (");
		cli_print_text(cl.org);
		printf(")");
	}
	where = cadence_compute(cl.last_contact != 0, date_local(cl.last_contact), today,
				cl.cadence_min, cl.cadence_max);
	printf(" · check in every %d-%d days · last contact %s · %s\n", cl.cadence_min,
	       cl.cadence_max, cl.last_contact ? date_format(date_local(cl.last_contact), day)
					       : "never",
	       cadence_describe(where, status, sizeof status));

	heading("Personal");
	for (size_t i = 0; i < p->nfacts; i++) {
		size_t kind_len = text_length(p->facts[i].kind);

		printf("  ");
		cli_print_text(p->facts[i].kind);
		printf("%*s ", kind_len < 7 ? (int)(7 - kind_len) : 0, "");
		cli_print_text(p->facts[i].text);
		printf("  (%s", date_format(date_local(p->facts[i].learned_at), day));
		if (p->facts[i].meeting_id)
			printf(", meeting %lld", (long long)p->facts[i].meeting_id);
		printf(")");
		cli_print_text(prep_fact_marks(&p->facts[i], marks, sizeof marks));
		putchar('\n');
	}
	if (p->nfacts == 0)
		printf("  nothing yet (rapport fact CLIENT TEXT)\n");

	nopeners = prep_openers(p, opener_lang_from_env(), openers, 5);
	heading("Openers");
	for (size_t i = 0; i < nopeners; i++) {
		printf("  ");
		cli_print_text(openers[i].text);
		if (openers[i].last_used.year)
			printf("  (used %s)", date_format(openers[i].last_used, day));
		putchar('\n');
	}

	heading("Open follow-ups");
	for (size_t i = 0; i < p->nfollowups; i++) {
		const prep_followup *f = &p->followups[i];

		bool dated = f->due && strcmp(f->due, DATE_INVALID_TEXT) != 0;

		printf("  %s", dated && strcmp(f->due, today_s) < 0 ? "overdue · " : "");
		cli_print_text(f->text);
		printf(" · %s", f->theirs ? "theirs" : "yours");
		if (f->owner) {
			printf(" @");
			cli_print_text(f->owner);
		}
		if (f->due)
			printf(" · due %s", f->due);
		putchar('\n');
	}
	if (p->nfollowups == 0)
		printf("  none open\n");

	if (print_people(st, cl.id) != EXIT_OK || print_agenda(st, p) != EXIT_OK) {
		prep_free(p);
		store_close(st);
		return EXIT_FAIL;
	}
	if (p->nnotes) {
		heading("Prep notes");
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
