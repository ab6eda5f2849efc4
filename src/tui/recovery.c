/* recovery.c: see recovery.h. */
#include "recovery.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rapport/fsutil.h"
#include "rapport/i18n.h"

/* Write all of text to fd and sync it; 0 on success. */
static int
write_all(int fd, const char *text)
{
	size_t len = strlen(text), done = 0;

	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		done += (size_t)n;
	}
	return fsync(fd);
}

int
recovery_write(const char *text, int64_t now, char *path, size_t size)
{
	char dir[4096], stamp[32];
	time_t t = (time_t)now;
	struct tm tm;
	int fd = -1, err;

	/* Room left in dir for the file's name. */
	if (!fsutil_state_folder(dir, sizeof dir - 40, NULL)) {
		snprintf(path, size, "%s", _("no folder for it: set $XDG_STATE_HOME or $HOME"));
		return -1;
	}
	if (fsutil_make_folders(dir, NULL) != RP_OK) {
		snprintf(path, size, _("cannot make %s: %s"), dir, strerror(errno));
		return -1;
	}
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M", &tm);
	/* A new file every time: an older one may hold notes not pasted back. */
	for (int i = 1; fd < 0 && i < 100; i++) {
		if (i == 1)
			snprintf(path, size, "%s/unsaved-%s.txt", dir, stamp);
		else
			snprintf(path, size, "%s/unsaved-%s-%d.txt", dir, stamp, i);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		snprintf(path, size, _("cannot create a file in %s: %s"), dir, strerror(errno));
		return -1;
	}
	if (write_all(fd, text) != 0) {
		err = errno;
		close(fd);
		unlink(path);
		snprintf(path, size, _("cannot write a file in %s: %s"), dir, strerror(err));
		return -1;
	}
	close(fd);
	/* The folder too: the new name must survive a power cut as well. */
	fsutil_sync(dir);
	return 0;
}
