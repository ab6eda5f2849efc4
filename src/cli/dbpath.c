/* dbpath.c: where the database lives, and making its folder private. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "rapport/i18n.h"

static char default_path[4096];
static char default_folder[4096];

bool
cli_resolve_db(cli *c, const char *flag_path)
{
	const char *env = getenv("RAPPORT_DB");
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;

	c->db_default = false;
	if (flag_path != NULL) {
		if (*flag_path == '\0') {
			cli_error(_("--db needs a path"));
			return false;
		}
		c->db_path = flag_path;
		return true;
	}
	if (env != NULL && *env != '\0') {
		c->db_path = env;
		return true;
	}
	/* The XDG spec says a relative $XDG_DATA_HOME is to be ignored. */
	if (data != NULL && data[0] == '/') {
		n = snprintf(default_folder, sizeof default_folder, "%s/rapport", data);
	} else if (home != NULL && home[0] == '/') {
		n = snprintf(default_folder, sizeof default_folder, "%s/.local/share/rapport", home);
	} else {
		cli_error(_("cannot find a place for the database: set $RAPPORT_DB or $HOME"));
		return false;
	}
	if (n < 0 || (size_t)n >= sizeof default_folder - 16) {
		cli_error(_("the database path is too long"));
		return false;
	}
	snprintf(default_path, sizeof default_path, "%s/rapport.db", default_folder);
	c->db_path = default_path;
	c->db_default = true;
	return true;
}

bool
cli_make_db_folder(const cli *c)
{
	char path[4096];

	snprintf(path, sizeof path, "%s", default_folder);
	/* mkdir -p, each new folder 0700: the notes are confidential. */
	for (char *p = path + 1;; p++) {
		if (*p == '/' || *p == '\0') {
			char saved = *p;

			*p = '\0';
			if (mkdir(path, 0700) != 0 && errno != EEXIST) {
				cli_error(_("cannot create folder %s: %s"), path, strerror(errno));
				return false;
			}
			*p = saved;
			if (saved == '\0')
				break;
		}
	}
	return true;
}
