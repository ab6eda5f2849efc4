/* main.c: rapport's entry point: global options, then one subcommand. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport_config.h"
#include "tui.h"

/* The help, one paragraph (a command, mostly) a message, translated where
** it is printed.  In parts, also because ISO C promises string literals of
** 4095 characters, no more. */
static const char *const help_text[] = {
	/* TRANSLATORS: --help, a paragraph at a time.  Every line fits 80
	** columns; a command's description starts at column 27, as here. */
	N_("usage: rapport [--db PATH] [--no-snapshot] [COMMAND [ARGS]]\n"
	   "       rapport --demo\n"
	   "\n"
	   "A terminal companion for project managers who meet clients.\n"
	   "\n"
	   "Commands:\n"),
	N_("  client add NAME [--org ORG] [--cadence MIN-MAX] [--lang en|fr]\n"
	   "                          add a client (cadence in days, default 5-14; what\n"
	   "                          is said and sent to them in that language, default\n"
	   "                          yours)\n"),
	N_("  client archive NAME     out of the lists, its history kept\n"),
	N_("  client restore NAME     bring an archived client back\n"),
	N_("  client lang NAME en|fr  the language what is said and sent to them is in\n"),
	N_("  clients [--archived]    clients, the most pressing check-in first (aligned\n"
	   "                          on a terminal, tab-separated when piped; --json)\n"),
	N_("  fact CLIENT TEXT [--kind KIND] [--person NAME] [--until WHEN]\n"
	   "                          remember something personal (KIND: family, travel,\n"
	   "                          hobby, sport, food, work, other)\n"),
	N_("  person add|edit|remove CLIENT NAME [--name N] [--role R] [--email E]\n"
	   "       [--phone P]        the client's people (edit: --name renames)\n"),
	N_("  people CLIENT [--json]  a client's people; an @owner can name one\n"),
	N_("  plan CLIENT [TITLE] [--at WHEN] [--minutes N] [--template NAME]\n"
	   "       [--from-ics FILE] [--item \"TITLE[:MINUTES]\"\n"
	   "       [--walk \"MEMBER|WHAT|MIN|DEPENDS\"]...]...\n"
	   "                          plan a meeting and its agenda (templates: kickoff,\n"
	   "                          weekly, steering, retro)\n"),
	N_("  plan CLIENT --from-ics FILE [--past]\n"
	   "                          the invitation's meeting: planned, updated (higher\n"
	   "                          SEQUENCE) or cancelled; a series' next occurrence;\n"
	   "                          --past: one that is over; attendees become people\n"),
	N_("  plan CLIENT --next [--at WHEN] [--title T] [--move FROM:TO]\n"
	   "       [--set N=TITLE[:MIN]] [--remove N] [--item ...]\n"
	   "                          change the next planned meeting: move it, retitle it,\n"
	   "                          change its agenda\n"),
	N_("  meetings [CLIENT] [--upcoming|--past] [--limit N] [--json]\n"
	   "                          meetings to come (soonest first), then past ones\n"
	   "                          (newest first, cancelled ones too); 20 of each\n"),
	N_("  cancel MEETING | cancel CLIENT --next\n"
	   "                          cancel a planned meeting: its agenda waits for the\n"
	   "                          next one\n"),
	N_("  discard MEETING         drop a meeting under way with no notes: planned again\n"
	   "                          if it was planned, else gone\n"),
	N_("  prep CLIENT [--json]    what to read before the call\n"),
	N_("  question close|reopen NOTE  an open question prep lists\n"),
	N_("  followups [CLIENT] [--mine|--theirs] [--overdue] [--due WHEN] [--json]\n"
	   "                          open follow-ups, overdue first; --due fri: by then\n"),
	N_("  done ID, drop ID        close follow-up ID\n"),
	N_("  touch CLIENT TEXT [--kind email|call|message|other] [--at WHEN]\n"
	   "                          log a touchpoint (an email, a call); \"call: ...\"\n"
	   "                          in the text gives the kind too; --at when it was\n"
	   "                          (\"yesterday 15:00\"), never ahead\n"),
	N_("  touch CLIENT --undo     remove the client's latest touchpoint\n"),
	N_("  meet CLIENT [TITLE] [--planned] [--carry]\n"
	   "                          the live meeting screen: the meeting left open, else\n"
	   "                          today's planned one (or the one named TITLE), else a\n"
	   "                          new one; --planned takes the next planned one,\n"
	   "                          whatever its day; --carry adds what last time left\n"
	   "                          unfinished\n"),
	N_("  search QUERY [--best] [--limit N] [--json]\n"
	   "                          full-text search, accents aside, one hit per line;\n"
	   "                          #word finds a topic; no hit is exit status 1\n"),
	N_("  export MEETING|last [--format json|md|ics] [--include-private]\n"
	   "       [-o FILE [--force]]\n"
	   "                          write a meeting out (md: a recap for the client;\n"
	   "                          ics: its actions and the client's check-in for a\n"
	   "                          calendar); without --format, FILE's extension\n"
	   "                          gives the format\n"),
	N_("  export --vdir DIR [CLIENT]\n"
	   "                          the calendar as a vdir (vdirsyncer, khal, todoman):\n"
	   "                          one .ics per open action and per client's check-in\n"),
	N_("  backup FILE [--force]   a consistent copy of the database (0600), even during\n"
	   "                          a live meeting; --force replaces an existing FILE\n"),
	N_("  restore FILE            put a backup or a snapshot back, after checking it;\n"
	   "                          the database it replaces is kept beside it\n"),
	N_("  check                   look the database over (read-only): damage, broken\n"
	   "                          links, anything rapport did not create; ok or one\n"
	   "                          line per problem (exit status 1)\n"
	   "\n"),
	N_("CLIENT is a name or the unique start of one, case and accents aside.\n"
	   "WHEN is \"2026-12-01 14:00\", \"fri 14:00\", \"tomorrow 9:30\", \"next monday 10:00\"\n"
	   "or \"14:00\".\n"
	   "\n"),
	N_("Options:\n"
	   "  --db PATH     use this database (default $RAPPORT_DB, else\n"
	   "                $XDG_DATA_HOME/rapport/rapport.db)\n"
	   "  --demo        the screens on a throw-away database of sample clients\n"
	   "  --no-snapshot take no daily snapshot (also $RAPPORT_NO_SNAPSHOT=1); the\n"
	   "                first command of the day that writes keeps one, the last 7\n"
	   "                in $XDG_STATE_HOME/rapport/snapshots (default\n"
	   "                ~/.local/state/rapport/snapshots)\n"
	   "  -h, --help    show this help\n"
	   "  --version     show the version\n"
	   "\n"),
	N_("In the live meeting screen, type notes; a first character gives the kind:\n"
	   "  + need  ! concern  ? question  = decision  > action (@who ^when)\n"
	   "  * personal fact  \" the client's words  ~ private;  #word adds a topic\n"
	   "Tab moves between panes, Ctrl-N/Ctrl-P start the next/previous agenda item,\n"
	   "Ctrl-T switches who is talking, Ctrl-X ends the meeting (then its recap),\n"
	   "Ctrl-C leaves it\n"
	   "open to resume, F1 or Ctrl-G shows every key.\n"
	   "\n"),
	N_("rapport with no command opens the Clients screen: Enter prepares a client,\n"
	   "m meets them now, r reviews past meetings, / searches.  See rapport(1).\n"),
};

static const struct command {
	const char *name;
	cli_command_fn fn;
} commands[] = {
	{"check", cmd_check},
	{"client", cmd_client},
	{"clients", cmd_clients},
	{"fact", cmd_fact},
	{"person", cmd_person},
	{"people", cmd_people},
	{"plan", cmd_plan},
	{"touch", cmd_touch},
	{"followups", cmd_followups},
	{"done", cmd_done},
	{"drop", cmd_drop},
	{"export", cmd_export},
	{"meet", cmd_meet},
	{"prep", cmd_prep},
	{"question", cmd_question},
	{"search", cmd_search},
	{"backup", cmd_backup},
	{"restore", cmd_restore},
	{"meetings", cmd_meetings},
	{"cancel", cmd_cancel},
	{"discard", cmd_discard},
};


/* True when the character type in force is UTF-8. */
static bool
ctype_is_utf8(void)
{
	const char *set = nl_langinfo(CODESET);

	return set && (strcasecmp(set, "UTF-8") == 0 || strcasecmp(set, "utf8") == 0);
}

/* Set the character type from the environment; when that is not UTF-8
** (LANG unset, LANG=C, or a locale this machine does not have, common over
** ssh and in containers), use C.UTF-8 instead, so the screens draw accents
** and wide characters.  Only LC_CTYPE changes: the environment is left as
** it is, and with it the user's language (lang_init).  Returns
** false when no UTF-8 character type could be had. */
static bool
locale_init(void)
{
	static const char *const fallbacks[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};

	if (setlocale(LC_CTYPE, "") != NULL && ctype_is_utf8())
		return true;
	for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++)
		if (setlocale(LC_CTYPE, fallbacks[i]) != NULL && ctype_is_utf8())
			return true;
	/* Keep what the environment asked for, if anything. */
	if (setlocale(LC_CTYPE, "") == NULL)
		setlocale(LC_CTYPE, "C");
	return false;
}

/* Before the screens: say, once, that text may show wrongly. */
static void
warn_if_not_utf8(bool utf8)
{
	if (!utf8)
		cli_error(_("no UTF-8 locale here (not even C.UTF-8): accents and wide characters"
			    " may show wrongly; install one or set LANG to one"));
}

static int64_t
system_now(void *ctx)
{
	(void)ctx;
	return (int64_t)time(NULL);
}

int
main(int argc, char **argv)
{
	const char *db_flag = NULL;
	cli c = {.clock = {.now = system_now}};
	int i;

	/* Only the character type (UTF-8, widths) and the messages' language
	** matter: loading every other category costs a few dozen system calls
	** per start, and dates are formatted by hand, in either language. */
	bool utf8 = locale_init();

	lang_init();

	umask(077);  /* anything we create is for this user alone */

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *arg = argv[i];

		if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			for (size_t k = 0; k < sizeof help_text / sizeof help_text[0]; k++)
				fputs(_(help_text[k]), stdout);
			return EXIT_OK;
		} else if (strcmp(arg, "--version") == 0) {
			printf("rapport %s\n", RAPPORT_VERSION);
			return EXIT_OK;
		} else if (strcmp(arg, "--db") == 0) {
			if (i + 1 >= argc)
				return cli_usage(_("--db needs a path"));
			db_flag = argv[++i];
		} else if (strncmp(arg, "--db=", 5) == 0) {
			db_flag = arg + 5;
		} else if (strcmp(arg, "--no-snapshot") == 0) {
			c.no_snapshot = true;
		} else if (strcmp(arg, "--demo") == 0) {
			warn_if_not_utf8(utf8);
			return cli_demo(&c);
		} else if (strcmp(arg, "--") == 0) {
			i++;
			break;
		} else {
			return cli_usage(_("unknown option %s"), arg);
		}
	}
	if (!cli_resolve_db(&c, db_flag))
		return EXIT_FAIL;
	c.db_flag = db_flag != NULL;
	/* Scripts need no word about the locale: their text is written as
	** stored, whatever it is.  The screens do. */
	if (i >= argc || strcmp(argv[i], "meet") == 0)
		warn_if_not_utf8(utf8);
	if (i >= argc) {
		int rc = cli_home(&c);

		cli_snapshot(&c);
		return rc;
	}
	for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++) {
		if (strcmp(argv[i], commands[k].name) == 0) {
			int rc = commands[k].fn(&c, argc - i, argv + i);

			/* Output that did not reach its file is a failure. */
			if (fflush(stdout) != 0 || ferror(stdout)) {
				cli_error(_("cannot write the output: %s"), strerror(errno));
				rc = EXIT_FAIL;
			}
			/* Last, so that it costs the command nothing it waits on. */
			cli_snapshot(&c);
			return rc;
		}
	}
	return cli_usage(_("unknown command '%s'"), argv[i]);
}

int
cli_home(cli *c)
{
	char msg[512] = "";
	enum tui_exit how;
	store *st;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_error(_("the screens need a terminal; see rapport --help for the commands"));
		return EXIT_FAIL;
	}
	if ((st = cli_open(c, STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	how = tui_home(st, &c->clock, msg, sizeof msg);
	store_close(st);
	if (how == TUI_FAILED || how == TUI_STOPPED) {
		cli_error("%s", msg);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
