/* backup.h: copies of the database a PM can trust, and putting one back.
**
** Every copy is made with SQLite's online backup API, all pages in one
** step from a connection on the database: one read transaction, so it is
** consistent while another process (a live meeting) writes, and the
** database is only read.  It is written to a temporary file beside the
** target (0600), synced, then moved into place and the folder synced, so a
** crash or a full disk never leaves half a copy under the target's name.
** The copy is in rollback-journal mode: one self-contained file, no -wal
** needed.  (VACUUM INTO would make it a little smaller, free pages left
** out, but took twice as long on the benchmark history: 0.85 s against
** 0.45 s for 150 MB, and a snapshot is paid by the day's first command.)
*/
#ifndef RAPPORT_BACKUP_H
#define RAPPORT_BACKUP_H

#include <stdbool.h>

#include "rapport/date.h"
#include "rapport/error.h"
#include "rapport/store.h"

/* How many daily snapshots are kept. */
#define SNAPSHOT_KEEP 7

/* Copy the database open in st to path.  An existing path is RP_EEXIST
** unless force; with force it is replaced whole, never written in place.
** path must not be a folder, a special file or the database itself, and
** its folder must exist.  Nothing is left behind on failure. */
enum rp_status backup_write(store *st, const char *path, bool force, rp_error *err);

/* Is path a database restore can take: a SQLite file, rapport's
** (application_id), of a schema this build knows (older ones are migrated
** when next opened), passing PRAGMA integrity_check, holding no trigger,
** view or index that rapport does not create at that version (compared
** with a fresh database made in $TMPDIR), with no -wal or hot -journal
** beside it?
** The file is opened immutable: nothing is written to it or beside it. */
enum rp_status backup_check(const char *path, rp_error *err);

/* Replace the database at db_path with the one at from, after
** backup_check().  The database it replaces is first copied to kept (which
** must not exist), and *kept_made says whether there was one to keep.  The
** pages are copied into the database in one transaction under an exclusive
** lock: a database another process has open (a live meeting) is refused
** with RP_EBUSY, not changed under it.  A missing database is created. */
enum rp_status backup_restore(const char *db_path, const char *from, const char *kept,
			      bool *kept_made, rp_error *err);

/* The daily snapshot: copy the database at db_path to
** folder/rapport-YYYY-MM-DD.db for today, unless that file is there already
** (then *taken is false: at most one a day), making folder (0700) as needed;
** then remove all but the newest `keep` files named that way.  Nothing else
** in folder is touched. */
enum rp_status snapshot_take(const char *db_path, const char *folder, rp_date today, int keep,
			     bool *taken, rp_error *err);

/* Remove all but the newest `keep` snapshots in folder (by the date in
** their names).  Returns how many were removed, or -1 with err set. */
int snapshot_rotate(const char *folder, int keep, rp_error *err);

/* Is name a snapshot's file name, "rapport-YYYY-MM-DD.db"? */
bool snapshot_name(const char *name);

#endif
