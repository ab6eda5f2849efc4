/* cmd_meet.c: rapport meet CLIENT [TITLE] [--planned] [--carry]: the live meeting
** screen, which meeting it starts decided (or asked) as src/tui/meet.h says. */
#include <getopt.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/client.h"
#include "rapport/i18n.h"
#include "rapport/meeting.h"
#include "rapport/record.h"
#include "rapport/session.h"
#include "tui.h"

/* After the screens: one line saying what became of the meeting.  The
** database says, not how the screens were left: a meeting ended with Ctrl-X
** (then the Recap left with q), or ended in another window, is ended. */
static void
report(store *st, int64_t id, const client *cl, int unsaved)
{
	session *s = NULL;
	rp_error err = {0};
	int decisions = 0, actions = 0, questions = 0;

	if (session_load(st, id, &s, &err) != RP_OK)
		return;
	for (size_t i = 0; i < s->nnotes; i++) {
		decisions += s->notes[i].kind == NOTE_DECISION;
		actions += s->notes[i].kind == NOTE_ACTION;
		questions += s->notes[i].kind == NOTE_QUESTION;
	}
	if (s->state == MEETING_ENDED) {
		char counts[4][64];

		/* Each count a phrase of its own, for the plural of its number. */
		snprintf(counts[0], sizeof counts[0], P_("%zu note", "%zu notes", s->nnotes),
			 s->nnotes);
		snprintf(counts[1], sizeof counts[1], P_("%d decision", "%d decisions", decisions),
			 decisions);
		snprintf(counts[2], sizeof counts[2], P_("%d action", "%d actions", actions), actions);
		snprintf(counts[3], sizeof counts[3], P_("%d question", "%d questions", questions),
			 questions);
		/* TRANSLATORS: the meeting's number, the client, then "3 notes",
		** "1 decision", "2 actions", "0 questions", and the number again. */
		cli_say(_("meeting %lld with %s ended: %s, %s, %s, %s (rapport export %lld)"),
			(long long)id, cl->name, counts[0], counts[1], counts[2], counts[3],
			(long long)id);
	} else {
		char *arg = cli_quote_arg(cl->name);

		/* "Every note is saved" only when it is true. */
		if (unsaved)
			cli_say(_("meeting %lld with %s is still open: rapport meet %s resumes it"),
				(long long)id, cl->name, arg ? arg : "");
		else
			cli_say(_("meeting %lld with %s is still open, every note entered is saved:"
				  " rapport meet %s resumes it"),
				(long long)id, cl->name, arg ? arg : "");
		free(arg);
	}
	session_free(s);
}

int
cmd_meet(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"planned", no_argument, NULL, 'p'},
		{"carry", no_argument, NULL, 'c'},
		{0, 0, 0, 0},
	};
	rp_error err = {0};
	const char *title = NULL;
	char msg[512] = "";
	meeting_choice choice;
	int64_t id = 0;
	bool planned = false, carry = false;
	enum tui_exit how;
	client cl;
	store *st;
	int ch, bad = 0, unsaved = 0;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		planned |= ch == 'p';
		carry |= ch == 'c';
	}
	if (bad)
		return EXIT_USAGE;
	if (optind == argc || argc - optind > 2)
		return cli_usage(
			_("meet takes CLIENT and an optional TITLE (quote a title with spaces)"));
	if (argc - optind == 2) {
		title = argv[optind + 1];
		if (planned)
			return cli_usage(_("meet takes a TITLE or --planned, not both"));
		if (meeting_check_title(title, N_("meeting title"), &err) != RP_OK)
			return cli_fail(&err);
	}
	/* An unknown client is said first: it is the mistake to fix. */
	if ((st = cli_open_client(c, argv[optind], STORE_WRITE, &cl)) == NULL)
		return EXIT_FAIL;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		store_close(st);
		cli_error(_("meet needs a terminal"));
		return EXIT_FAIL;
	}
	/* --planned with nothing planned is an error here, before any screen. */
	if (planned) {
		if (meeting_choose(st, &c->clock, cl.id, NULL, &choice, &err) != RP_OK) {
			store_close(st);
			return cli_fail(&err);
		}
		if (choice.live == 0 && choice.planned == 0) {
			cli_error(_("no planned meeting for %s (rapport plan plans one)"), cl.name);
			store_close(st);
			return EXIT_FAIL;
		}
	}
	how = tui_meet(st, &c->clock, cl.id, title, planned, carry, &id, &unsaved, msg,
		       sizeof msg);
	if (how == TUI_FAILED) {
		cli_error("%s", msg);
		store_close(st);
		return EXIT_FAIL;
	}
	if (id)
		report(st, id, &cl, unsaved);
	else
		puts(_("no meeting started"));
	store_close(st);
	if (how == TUI_STOPPED) {
		cli_error("%s", msg);
		return EXIT_FAIL;
	}
	return unsaved ? EXIT_FAIL : EXIT_OK;
}
