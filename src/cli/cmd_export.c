/* cmd_export.c: write a meeting out. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/client.h"
#include "rapport/export.h"
#include "rapport/i18n.h"
#include "rapport/meeting.h"
#include "rapport/recap.h"
#include "rapport/vdir.h"

/* "DIR: 3 written, 0 removed, 2 unchanged", and how many the calendar
** changed, which are left as they are. */
static void
print_vdir_stats(const char *dir, const vdir_stats *stats)
{
	char counts[4][96], all[400];

	/* TRANSLATORS: files of a vdir folder; the counts are joined by
	** commas after the folder's name. */
	snprintf(counts[0], sizeof counts[0], P_("%zu written", "%zu written", stats->written),
		 stats->written);
	snprintf(counts[1], sizeof counts[1], P_("%zu removed", "%zu removed", stats->removed),
		 stats->removed);
	snprintf(counts[2], sizeof counts[2], P_("%zu unchanged", "%zu unchanged", stats->unchanged),
		 stats->unchanged);
	if (stats->kept)
		snprintf(counts[3], sizeof counts[3],
			 P_("%zu left as the calendar changed it",
			    "%zu left as the calendar changed them", stats->kept),
			 stats->kept);
	snprintf(all, sizeof all, "%s, %s, %s%s%s", counts[0], counts[1], counts[2],
		 stats->kept ? ", " : "", stats->kept ? counts[3] : "");
	printf(_("%s: %s"), dir, all);
	putchar('\n');
}

/* export --vdir DIR [CLIENT]: the calendar as one file per object. */
static int
export_vdir(cli *c, const char *dir, const char *query)
{
	vdir_stats stats;
	rp_error err = {0};
	store *st;
	client cl = {0};
	int rc = EXIT_OK;

	if (dir[0] == '\0')
		return cli_usage("%s", _("--vdir takes a folder"));
	if (query != NULL)
		st = cli_open_client(c, query, STORE_WRITE, &cl);
	else if ((st = store_open(c->db_path, STORE_WRITE, &err)) == NULL)
		cli_fail(&err);
	if (st == NULL)
		return EXIT_FAIL;
	if (vdir_export(st, &c->clock, dir, cl.id, &stats, &err) != RP_OK)
		rc = cli_fail(&err);
	else
		print_vdir_stats(dir, &stats);
	store_close(st);
	return rc;
}

int
cmd_export(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"include-private", no_argument, NULL, 'p'},
		{"force", no_argument, NULL, 'F'},
		{"vdir", required_argument, NULL, 'v'},
		{0, 0, 0, 0},
	};
	const char *format = NULL, *output = NULL, *vdir = NULL;
	recap *r = NULL;
	enum rp_status s;
	bool include_private = false, force = false;
	rp_error err = {0};
	char *doc = NULL;
	int64_t id = 0;
	long number;
	store *st = NULL;
	int ch, bad = 0, rc = EXIT_FAIL;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":o:", longopts, &bad)) != -1) {
		switch (ch) {
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'p': include_private = true; break;
		case 'F': force = true; break;
		case 'v': vdir = optarg; break;
		}
	}
	if (bad)
		return EXIT_USAGE;
	if (vdir != NULL) {
		if (format || output || include_private || force)
			return cli_usage("%s", _("--vdir writes a folder of iCalendar files: no"
						 " --format, -o, --include-private or --force with it"));
		if (argc - optind > 1)
			return cli_usage("%s", _("export --vdir takes one folder and an optional"
						 " CLIENT"));
		return export_vdir(c, vdir, optind < argc ? argv[optind] : NULL);
	}
	if (optind + 1 != argc)
		return cli_usage("%s", _("export takes one MEETING number, or last"));
	/* Without --format, the file's extension says it, as the Recap's E
	** does; a name that says nothing is refused rather than filled with
	** a format its name hides. */
	if (format == NULL && output != NULL &&
	    (format = export_format_word(export_format_of_name(output))) == NULL)
		return cli_usage(_("cannot tell the format of \"%s\": name it .md, .json or .ics,"
				   " or add --format"), output);
	if (format == NULL)
		format = "json";
	if (strcmp(format, "json") != 0 && strcmp(format, "md") != 0 && strcmp(format, "ics") != 0) {
		cli_error("%s", _("--format must be json, md or ics"));
		return EXIT_FAIL;
	}
	if (strcmp(argv[optind], "last") != 0 &&
	    !cli_parse_int(argv[optind], 1, 999999999, &number)) {
		cli_error(_("MEETING is a meeting number or last, not \"%s\""), argv[optind]);
		return EXIT_FAIL;
	}
	/* iCalendar remembers what it exported (calendar_stamp), so it opens
	** the file to write when it may; a read-only one is exported all the
	** same, without remembering.  A file -o would refuse is refused first. */
	if (output != NULL && strcmp(format, "ics") == 0 &&
	    export_check_target(output, force, &err) != RP_OK)
		return cli_fail(&err);
	if ((st = store_open(c->db_path, STORE_READ, &err)) == NULL) {
		if (err.status == RP_ENOTFOUND)
			cli_error("%s", _("there are no meetings yet"));
		else
			cli_fail(&err);
		return EXIT_FAIL;
	}
	/* There, and sound: opened again to write, unless it is read-only. */
	if (strcmp(format, "ics") == 0) {
		store_close(st);
		if ((st = store_open(c->db_path, STORE_WRITE, &err)) == NULL &&
		    err.status == RP_EREADONLY) {
			rp_error_clear(&err);
			st = store_open(c->db_path, STORE_READ, &err);
		}
		if (st == NULL)
			return cli_fail(&err);
	}
	if (strcmp(argv[optind], "last") == 0) {
		if (meeting_last(st, &id, &err) != RP_OK) {
			rc = cli_fail(&err);
			goto out;
		}
	} else {
		id = number;
	}
	/* Markdown and iCalendar leave private notes out whatever the options
	** say: they are meant to be shared. */
	if (strcmp(format, "json") == 0) {
		s = export_json(st, &c->clock, id, include_private, &doc, &err);
	} else if (strcmp(format, "ics") == 0) {
		s = export_ics(st, &c->clock, id, &doc, &err);
	} else if ((s = recap_load(st, id, &r, &err)) == RP_OK) {
		s = export_markdown(r, &doc, &err);
		recap_free(r);
	}
	if (s != RP_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	if (output != NULL) {
		if (export_write(output, doc, force, &err) != RP_OK) {
			cli_fail(&err);
			goto out;
		}
	} else if (fputs(doc, stdout) == EOF || fflush(stdout) == EOF) {
		cli_error(_("cannot write the export: %s"), strerror(errno));
		goto out;
	}
	rc = EXIT_OK;
out:
	free(doc);
	store_close(st);
	return rc;
}
