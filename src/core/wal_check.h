/* wal_check.h: what a -wal really holds, and whose it is.
**
** Internal to src/core, beside store_guard.h.  store_guard.c reads the
** WAL's header and scans its frames cheaply; the checks here are the
** dearer ones it needs only now and then:
**   - which frames SQLite's recovery would apply: only those of the
**     header's generation whose cumulative checksums hold, up to the last
**     commit frame, so a torn or uncommitted tail (a power cut mid-write)
**     is never held against the file;
**   - a new file torn by a power cut while its rollback journal, which
**     undoes everything, is still hot.
*/
#ifndef RAPPORT_WAL_CHECK_H
#define RAPPORT_WAL_CHECK_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "rapport/error.h"

/* The first 8 bytes of a rollback journal that still holds a change.  A
** journal SQLite is done with is deleted, truncated or has them zeroed. */
extern const unsigned char wal_journal_magic[8];

/* Carry SQLite's WAL checksum s[0..2) over len bytes (a multiple of 8),
** words read in the byte order the WAL's magic names (big: its low bit).
** The header's own checksum starts from {0, 0} over its first 24 bytes;
** each frame's carries on from the one before. */
void wal_checksum(uint32_t s[2], const unsigned char *p, size_t len, bool big);

/* Would SQLite's recovery of the WAL at fd leave a page 1 that makes the
** file another program's database (not a SQLite header, or another
** application_id on a file with a schema)?  h is the WAL's 32-byte header
** (already checked), wal_size its size.  The page 1 judged is the last one
** at or before the last commit frame of the valid chain.  Reads the whole
** chain: call it only when a cheap scan found a page 1 that looks foreign
** (store_guard.c's wal_turns_foreign). */
bool wal_page1_turns_foreign(int fd, const unsigned char *h, off_t wal_size, uint32_t app_id);

/* Is path, whose first n bytes are head, a brand-new database torn by a
** power cut: its header never reached the disk (all zeros), it is no
** longer than the one page SQLite was writing, and path-journal is a hot
** journal of a file that was empty?  SQLite rolls that journal back to an
** empty file, which rapport then makes a database as it would have. */
bool wal_torn_new_file(const char *path, const unsigned char *head, ssize_t n);

#endif
