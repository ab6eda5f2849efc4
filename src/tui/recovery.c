/* recovery.c: see recovery.h. */
#include "recovery.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* $XDG_STATE_HOME/rapport, else ~/.local/state/rapport, into dir; the
** spec says a relative $XDG_STATE_HOME is to be ignored.  -1 when neither
** is set. */
static int
state_folder(char *dir, size_t size)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	int n;

	if (state && state[0] == '/')
		n = snprintf(dir, size, "%s/rapport", state);
	else if (home && home[0] == '/')
		n = snprintf(dir, size, "%s/.local/state/rapport", home);
	else
		return -1;
	return n < 0 || (size_t)n >= size - 40 ? -1 : 0;
}

/* mkdir -p dir, each folder made 0700; 0 when it is there after. */
static int
make_folders(char *dir)
{
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;

		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*p = c;
			return -1;
		}
		*p = c;
		if (c == '\0')
			return 0;
	}
}

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

	if (state_folder(dir, sizeof dir) != 0) {
		snprintf(path, size, "no folder for it: set $XDG_STATE_HOME or $HOME");
		return -1;
	}
	if (make_folders(dir) != 0) {
		snprintf(path, size, "cannot make %s: %s", dir, strerror(errno));
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
		snprintf(path, size, "cannot create a file in %s: %s", dir, strerror(errno));
		return -1;
	}
	if (write_all(fd, text) != 0) {
		err = errno;
		close(fd);
		unlink(path);
		snprintf(path, size, "cannot write a file in %s: %s", dir, strerror(err));
		return -1;
	}
	close(fd);
	/* The folder too: the new name must survive a power cut as well. */
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	return 0;
}
