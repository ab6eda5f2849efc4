/* crashvfs.h: a SQLite VFS that can lose power.
**
** "crash" wraps the default unix VFS.  It lets every write reach the file
** (so the program reads what it wrote), and remembers, for each file, what
** a disk would still hold after a power cut: the contents as of the file's
** last xSync, plus the writes made since then.  It counts the moments that
** matter to a disk (a write, a truncate, a sync, a delete, a sync of the
** folder) as events; at the event the test chose, the power goes: that
** event and every later one fails, and crashvfs_settle() turns the files
** into what the disk would hold after the reboot.
**
** The folder is part of the model: a file created since the folder was last
** synced has no durable directory entry, so the cut drops it whole.  SQLite
** syncs the folder itself on the first xSync of a journal or WAL it opened
** with SQLITE_OPEN_CREATE (unless built with SQLITE_DISABLE_DIRSYNC): for a
** database in WAL mode, on the first commit after the WAL is made, which
** also makes the database's own entry durable.  The shim sees that through
** the unix VFS's "openDirectory" system call.  rapport's own fsync(2) of
** the folder is seen by an fsync/fdatasync wrapper in this file.
**
** One trial at a time, one thread; the files of a trial live in one folder.
*/
#ifndef RAPPORT_CRASHVFS_H
#define RAPPORT_CRASHVFS_H

#include <stdbool.h>

struct crash_plan {
	long cut_at;        /* the event (1-based) at which the power goes; 0: never */
	bool torn;          /* at the cut, a random half of the unsynced 512-byte
			    ** sectors (and truncates) reach the disk anyway, in
			    ** any order: reordering and torn writes */
	unsigned seed;      /* for torn */
	bool no_dirsync;    /* behave as a SQLite built with SQLITE_DISABLE_DIRSYNC */
};

/* Register "crash" (not as the default).  Returns a SQLite result code. */
int crashvfs_register(void);

/* Start a trial in folder (which must hold no file of the trial yet):
** "crash" becomes the default VFS and counts from 0. */
void crashvfs_arm(const char *folder, const struct crash_plan *plan);

/* Events counted in this trial so far. */
long crashvfs_events(void);

/* Has the power gone? */
bool crashvfs_dead(void);

/* End the trial, once every connection is closed: leave on disk what the
** disk would hold after the cut (nothing changes when there was no cut),
** remove the -shm files (shared memory does not outlive a reboot), and make
** the unix VFS the default again.  Returns the number of files dropped
** because their directory entry was not durable. */
int crashvfs_settle(void);

#endif
