/* wal_check.c: see wal_check.h. */
#include "wal_check.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_guard.h"

#define WAL_HEADER 32
#define FRAME_HEADER 24

const unsigned char wal_journal_magic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};

static uint32_t
get32(const unsigned char *p, bool big)
{
	if (big)
		return guard_be32(p);
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

void
wal_checksum(uint32_t s[2], const unsigned char *p, size_t len, bool big)
{
	for (size_t i = 0; i < len; i += 8) {
		s[0] += get32(p + i, big) + s[1];
		s[1] += get32(p + i + 4, big) + s[0];
	}
}

/* The first 100 bytes of the page 1 recovery leaves, into page1.
** Returns false when it leaves none. */
static bool
committed_page1(int fd, const unsigned char *h, off_t wal_size, unsigned char page1[100])
{
	bool big = h[3] & 1, found = false;
	uint32_t page = get32(h + 8, true), s[2] = {get32(h + 24, true), get32(h + 28, true)};
	off_t last_page1 = -1, frame = FRAME_HEADER + (off_t)page;
	unsigned char *buf = malloc((size_t)frame);

	if (buf == NULL)
		return false;
	/* As SQLite's recovery: a frame counts when its salts are the
	** header's and the checksum carried from the header through every
	** frame before it matches its own; the first that does not ends the
	** log.  What follows the last commit frame is an unfinished
	** transaction and is dropped. */
	for (off_t at = WAL_HEADER; at + frame <= wal_size; at += frame) {
		if (pread(fd, buf, (size_t)frame, at) != frame)
			break;
		if (get32(buf, true) == 0 || memcmp(buf + 8, h + 16, 8) != 0)
			break;
		wal_checksum(s, buf, 8, big);
		wal_checksum(s, buf + FRAME_HEADER, page, big);
		if (s[0] != get32(buf + 16, true) || s[1] != get32(buf + 20, true))
			break;
		if (get32(buf, true) == 1)
			last_page1 = at;
		if (get32(buf + 4, true) != 0 && last_page1 >= 0) {
			found = pread(fd, page1, 100, last_page1 + FRAME_HEADER) == 100;
			if (!found)
				break;
		}
	}
	free(buf);
	return found;
}

bool
wal_page1_turns_foreign(int fd, const unsigned char *h, off_t wal_size, uint32_t app_id)
{
	unsigned char p[100];

	if (!committed_page1(fd, h, wal_size, p))
		return false;
	return memcmp(p, "SQLite format 3", 16) != 0 ||
	       (get32(p + 68, true) != app_id && get32(p + 40, true) != 0);
}

bool
wal_torn_new_file(const char *path, const unsigned char *head, ssize_t n)
{
	unsigned char j[28];
	char journal[4096];
	struct stat sb;
	uint32_t page;
	ssize_t got;
	int fd;

	if (n <= 0 || stat(path, &sb) != 0)
		return false;
	for (ssize_t i = 0; i < n; i++)
		if (head[i] != 0)
			return false;
	if (snprintf(journal, sizeof journal, "%s-journal", path) >= (int)sizeof journal)
		return false;
	if ((fd = open(journal, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return false;
	got = read(fd, j, sizeof j);
	close(fd);
	if (got != (ssize_t)sizeof j || memcmp(j, wal_journal_magic, sizeof wal_journal_magic) != 0)
		return false;
	/* The size before the change, in pages, then the page size. */
	page = get32(j + 24, true);
	return get32(j + 16, true) == 0 && page >= 512 && page <= 65536 &&
	       (page & (page - 1)) == 0 && sb.st_size <= (off_t)page;
}
