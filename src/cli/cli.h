/* cli.h: what the subcommands of the command line share. */
#ifndef RAPPORT_CLI_H
#define RAPPORT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "rapport/clock.h"
#include "rapport/date.h"
#include "rapport/error.h"
#include "rapport/store.h"

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct cli {
	const char *db_path;  /* resolved: --db, $RAPPORT_DB or the XDG path */
	bool db_default;      /* the path is the XDG default (folders may be made) */
	rp_clock clock;       /* the system clock */
	bool db_flag;         /* the path came from --db: a one-off, no snapshot */
	bool no_snapshot;     /* --no-snapshot */
	bool wrote;           /* a command opened the database for writing */
} cli;

/* One subcommand: argv[0] is its name (for "client add", "add"). */
typedef int (*cli_command_fn)(cli *c, int argc, char **argv);

/* Print "rapport: MESSAGE" on stderr, neutralised, as one line. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A usage error: cli_error() plus a pointer to --help; returns EXIT_USAGE. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Report err and return EXIT_FAIL. */
int cli_fail(const rp_error *err);

/* Print one whole sentence on stdout, then a newline: the formatted
** message (from _(): names inside, in the order the language puts them)
** with control characters neutralised, the names it holds included. */
void cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Text (sanitized) as one argument a shell takes back whole, malloc'd (see
** cli_print_arg); NULL when out of memory. */
char *cli_quote_arg(const char *text);

/* Print text on stdout with control characters neutralised. */
void cli_print_text(const char *text);

/* Print text (sanitized) as one argument a shell takes back whole: as it
** is when it is a plain word, else in single quotes ("rapport meet 'Zoë
** Lefèvre SARL'" can be pasted). */
void cli_print_arg(const char *text);

/* Open the database for reading or writing; NULL after reporting why. */
store *cli_open(cli *c, enum store_mode mode);

/* Today's date in the local time zone, by the clock. */
rp_date cli_today(const cli *c);

/* Parse --at WHEN ("2026-12-01 14:00", "fri 14:00", "tomorrow 9:30",
** "14:00") in local time into UTC seconds.  RP_EINVAL names the bad part. */
enum rp_status cli_parse_when(const cli *c, const char *text, int64_t *out, rp_error *err);

/* Parse a whole number in [min, max] from an option's value. */
bool cli_parse_int(const char *text, long min, long max, long *out);

/* getopt_long with our own one-line messages.  Returns the option, or -1 at
** the end; on an unknown option or a missing value it reports and sets
** *bad. */
struct option;
int cli_next_option(int argc, char **argv, const char *shortopts,
		    const struct option *longopts, int *bad);

/* Open the database (STORE_WRITE, or STORE_READ for a command that only
** reads) and find the client named by query; NULL after reporting.  A
** missing database is reported, not created. */
struct client;
store *cli_open_client(cli *c, const char *query, enum store_mode mode, struct client *out);

/* Print nrows rows of ncols cells (cells[row * ncols + col], sanitized
** already): tab-separated for scripts, or, aligned, in columns by display
** width (a CJK character takes two) under heading. */
#define CLI_TABLE_COLS_MAX 16
void cli_print_table(char *const *cells, size_t nrows, int ncols, bool aligned,
		     const char *const *heading);
/* --json (json_out.c): one document on stdout, the schemas of rapport(1).
** where may be NULL (archived clients: no status); next may be NULL. */
struct cadence;
struct history;
struct opener;
struct person;
struct prep;
struct search_result;
struct session;
void cli_clients_json(const struct client *const *list, const struct cadence *where, size_t n);
void cli_prep_json(const struct prep *p, const struct session *next, const struct opener *openers,
		   size_t nopeners, const struct person *people, size_t npeople,
		   const struct history *h, rp_date today);
void cli_search_json(const struct search_result *r);

/* The subcommands. */
int cmd_check(cli *c, int argc, char **argv);
int cmd_client(cli *c, int argc, char **argv);
int cmd_clients(cli *c, int argc, char **argv);
int cmd_fact(cli *c, int argc, char **argv);
int cmd_person(cli *c, int argc, char **argv);
int cmd_people(cli *c, int argc, char **argv);
int cmd_plan(cli *c, int argc, char **argv);
int cmd_touch(cli *c, int argc, char **argv);
int cmd_export(cli *c, int argc, char **argv);
int cmd_meet(cli *c, int argc, char **argv);
int cmd_prep(cli *c, int argc, char **argv);
int cmd_question(cli *c, int argc, char **argv);
int cmd_search(cli *c, int argc, char **argv);
int cmd_backup(cli *c, int argc, char **argv);
int cmd_restore(cli *c, int argc, char **argv);
int cmd_followups(cli *c, int argc, char **argv);
int cmd_done(cli *c, int argc, char **argv);
int cmd_drop(cli *c, int argc, char **argv);
int cmd_meetings(cli *c, int argc, char **argv);
int cmd_cancel(cli *c, int argc, char **argv);
int cmd_discard(cli *c, int argc, char **argv);

/* As a command or a screen ends: the day's snapshot of the database, when
** the command opened it for writing and no snapshot is taken yet today.  A
** failure is one warning on stderr, never the command's failure. */
void cli_snapshot(const cli *c);

/* rapport --demo: the screens on a throw-away database. */
int cli_demo(cli *c);

/* rapport with no command: the Clients screen. */
int cli_home(cli *c);

/* Resolve the database path from --db (may be NULL) and the environment
** into c.  Returns false after reporting an error. */
bool cli_resolve_db(cli *c, const char *flag_path);

/* Make the folders of the default database path, 0700.  Returns false after
** reporting an error. */
bool cli_make_db_folder(const cli *c);

#endif
