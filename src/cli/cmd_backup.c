/* cmd_backup.c: backup, restore, and the daily snapshot taken as a command
** ends. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "rapport/backup.h"
#include "rapport/fsutil.h"
#include "rapport/i18n.h"
#include "rapport/text.h"

/* Print one whole sentence and a newline, control characters neutralised
** (the file names it holds may be anything). */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
{
	char msg[10240];
	char *clean;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	clean = text_sanitize(msg, " ");
	puts(clean ? clean : msg);
	free(clean);
}

int
cmd_backup(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"force", no_argument, NULL, 'F'},
		{0, 0, 0, 0},
	};
	bool force = false;
	rp_error err = {0};
	store *st;
	int ch, bad = 0;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1)
		if (ch == 'F')
			force = true;
	if (bad)
		return EXIT_USAGE;
	if (optind + 1 != argc)
		return cli_usage("%s", _("backup takes one FILE to write"));
	/* Reading is enough: the copy is one read transaction. */
	if ((st = store_open(c->db_path, STORE_READ, &err)) == NULL)
		return cli_fail(&err);
	if (backup_write(st, argv[optind], force, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	store_close(st);
	say(_("backed up to %s"), argv[optind]);
	/* A copy is only as good as what it copied: look it over as restore
	** would, so a damaged database is not found out on the day it is
	** needed.  The copy stays; it may be the best there is. */
	if (backup_check(argv[optind], &err) != RP_OK) {
		cli_error(_("but that copy would not restore: %s"), err.msg);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* Where the database restore replaces is kept: beside it, named by the
** local time, "rapport.db.before-restore-20261126-100000", with "-2" and
** so on when a restore in the same second took that name. */
static void
kept_name(const cli *c, char *buf, size_t size)
{
	time_t now = (time_t)rp_clock_now(&c->clock);
	char stamp[32];
	struct stat sb;
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	snprintf(buf, size, "%s.before-restore-%s", c->db_path, stamp);
	for (int n = 2; lstat(buf, &sb) == 0 && n < 1000; n++)
		snprintf(buf, size, "%s.before-restore-%s-%d", c->db_path, stamp, n);
}

int
cmd_restore(cli *c, int argc, char **argv)
{
	char kept[4096 + 64];
	rp_error err = {0};
	bool kept_made;

	if (argc != 2 || argv[1][0] == '-')
		return cli_usage("%s", _("restore takes one FILE, a copy made by rapport backup or a"
					 " snapshot"));
	/* Check the file before making anything, even a folder. */
	if (backup_check(argv[1], &err) != RP_OK)
		return cli_fail(&err);
	if (c->db_default && !cli_make_db_folder(c))
		return EXIT_FAIL;
	kept_name(c, kept, sizeof kept);
	if (backup_restore(c->db_path, argv[1], kept, &kept_made, &err) != RP_OK)
		return cli_fail(&err);
	if (kept_made)
		say(_("restored %s; the database it replaced is kept as %s"), argv[1], kept);
	else
		say(_("restored %s"), argv[1]);
	return EXIT_OK;
}

void
cli_snapshot(const cli *c)
{
	const char *opt_out = getenv("RAPPORT_NO_SNAPSHOT");
	char folder[4096];
	rp_error err = {0};
	bool taken;

	/* Only the usual database: --db names a one-off one. */
	if (!c->wrote || c->no_snapshot || c->db_flag || (opt_out && *opt_out))
		return;
	if (!fsutil_state_folder(folder, sizeof folder, "snapshots")) {
		cli_error("%s", _("warning: no daily snapshot: set $XDG_STATE_HOME or $HOME"));
		return;
	}
	if (snapshot_take(c->db_path, folder, cli_today(c), SNAPSHOT_KEEP, &taken, &err) != RP_OK)
		cli_error(_("warning: no daily snapshot: %s"), err.msg);
}
