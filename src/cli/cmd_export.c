/* cmd_export.c: write a meeting out. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/export.h"
#include "rapport/meeting.h"

/* Write data to path: a new file (0600), or over an existing one only with
** force.  The data goes to a temporary file first and is renamed into place,
** so a failure never leaves half an export. */
static bool
write_file(const char *path, const char *data, bool force)
{
	size_t len = strlen(data), done = 0;
	char tmp[4096];
	int fd;

	if (!force && access(path, F_OK) == 0) {
		cli_error("%s already exists (add --force to replace it)", path);
		return false;
	}
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
		cli_error("%s: path too long", path);
		return false;
	}
	if ((fd = mkstemp(tmp)) < 0) {
		cli_error("cannot write %s: %s", path, strerror(errno));
		return false;
	}
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			goto fail;
		done += (size_t)n;
	}
	if (fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (!force && link(tmp, path) != 0)
		goto fail;  /* link() does not replace: a file that appeared meanwhile wins */
	if (force && rename(tmp, path) != 0)
		goto fail;
	if (!force)
		unlink(tmp);
	return true;
fail:
	cli_error("cannot write %s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return false;
}

int
cmd_export(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"include-private", no_argument, NULL, 'p'},
		{"force", no_argument, NULL, 'F'},
		{0, 0, 0, 0},
	};
	const char *format = "json", *output = NULL;
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
		}
	}
	if (bad)
		return EXIT_USAGE;
	if (optind + 1 != argc)
		return cli_usage("export takes one MEETING number, or last");
	if (strcmp(format, "md") == 0 || strcmp(format, "ics") == 0) {
		cli_error("export --format %s is not built yet; json is", format);
		return EXIT_FAIL;
	}
	if (strcmp(format, "json") != 0) {
		cli_error("--format must be json, md or ics");
		return EXIT_FAIL;
	}
	if (strcmp(argv[optind], "last") != 0 &&
	    !cli_parse_int(argv[optind], 1, 999999999, &number)) {
		cli_error("MEETING is a meeting number or last, not \"%s\"", argv[optind]);
		return EXIT_FAIL;
	}
	if ((st = store_open(c->db_path, STORE_READ, &err)) == NULL) {
		if (err.status == RP_ENOTFOUND)
			cli_error("there are no meetings yet");
		else
			cli_fail(&err);
		return EXIT_FAIL;
	}
	if (strcmp(argv[optind], "last") == 0) {
		if (meeting_last(st, &id, &err) != RP_OK) {
			rc = cli_fail(&err);
			goto out;
		}
	} else {
		id = number;
	}
	if (export_json(st, &c->clock, id, include_private, &doc, &err) != RP_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	if (output != NULL) {
		if (!write_file(output, doc, force))
			goto out;
	} else if (fputs(doc, stdout) == EOF || fflush(stdout) == EOF) {
		cli_error("cannot write the export: %s", strerror(errno));
		goto out;
	}
	rc = EXIT_OK;
out:
	free(doc);
	store_close(st);
	return rc;
}
