/* fsutil.c: see fsutil.h. */
#include "rapport/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport/i18n.h"

int
fsutil_sync(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	if (rc != 0 && errno == EINVAL)
		rc = 0;
	close(fd);
	return rc;
}

int
fsutil_sync_folder_of(const char *path)
{
	char *copy = strdup(path);  /* dirname may write into its argument */
	int rc;

	if (copy == NULL)
		return -1;
	rc = fsutil_sync(dirname(copy));
	free(copy);
	return rc;
}

enum rp_status
fsutil_make_folders(const char *path, rp_error *err)
{
	char buf[4096];
	int saved_errno;

	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		return rp_fail(err, RP_EINVAL, _("%s: path too long"), path);
	for (char *p = buf + 1;; p++) {
		if (*p == '/' || *p == '\0') {
			char saved = *p;

			*p = '\0';
			if (mkdir(buf, 0700) != 0 && errno != EEXIST) {
				/* Kept for a caller that words its own message. */
				saved_errno = errno;
				rp_fail(err, RP_EIO, _("cannot create folder %s: %s"), buf,
					strerror(errno));
				errno = saved_errno;
				return RP_EIO;
			}
			*p = saved;
			if (saved == '\0')
				break;
		}
	}
	return RP_OK;
}

bool
fsutil_state_folder(char *buf, size_t size, const char *sub)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	const char *slash = sub ? "/" : "", *rest = sub ? sub : "";
	int n;

	if (state != NULL && state[0] == '/')
		n = snprintf(buf, size, "%s/rapport%s%s", state, slash, rest);
	else if (home != NULL && home[0] == '/')
		n = snprintf(buf, size, "%s/.local/state/rapport%s%s", home, slash, rest);
	else
		return false;
	return n > 0 && (size_t)n < size;
}
