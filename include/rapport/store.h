/* store.h: the one SQLite database that holds everything.
**
** store_open() checks what is there before it changes anything: a file that
** is not a SQLite database, a SQLite database that is not rapport's, one from
** a newer rapport, one locked past the busy timeout, a hot -journal or a
** -wal that is not the database's beside it, a schema object (trigger,
** view, index, table) rapport did not create, or, for writing, a damaged
** file is reported and left byte-for-byte as it was, with no -wal or -shm
** left beside it.  A database is created and migrated forward only when the
** caller asked for write access.  No trigger, view or function stored in a
** file runs unless it is rapport's own (trusted_schema off, defensive).
*/
#ifndef RAPPORT_STORE_H
#define RAPPORT_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "rapport/error.h"

typedef struct store store;
struct sqlite3;

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 12

/* Busy timeout in milliseconds when another process holds a lock. */
#define STORE_BUSY_TIMEOUT_MS 3000

enum store_mode {
	STORE_READ,    /* never writes; the file must exist */
	STORE_WRITE,   /* creates (0600) and migrates when needed */
};

/* Open the database at path.  With STORE_READ a missing file is
** RP_ENOTFOUND.  With STORE_WRITE a read-only file or folder is
** RP_EREADONLY.  Returns NULL with err set on failure; the caller frees the
** store with store_close(). */
store *store_open(const char *path, enum store_mode mode, rp_error *err);

/* For tests of the migrations: open (creating) a database migrated only
** up to schema `version`, as an older rapport would have left it. */
store *store_open_version(const char *path, int version, rp_error *err);

/* Close and free; NULL is fine. */
void store_close(store *st);

/* The SQLite handle, for the core modules (not for the screens). */
struct sqlite3 *store_db(store *st);

/* True when the store was opened for writing. */
bool store_writable(const store *st);

/* Did another connection (another window, another rapport) commit a
** change since the last call (or since store_open)?  Cheap: it reads
** SQLite's PRAGMA data_version, not the data, so a screen can ask every
** second and reload only when the answer is yes.  Its own changes do not
** count.  False when it cannot tell. */
bool store_changed(store *st);

/* Transactions: begin an IMMEDIATE one (so a lock is taken up front and a
** busy database is reported before anything is done), commit, roll back.
** A begin inside an open transaction is a savepoint: its commit or
** rollback is of that inner part, and the outer one decides for the whole. */
enum rp_status store_begin(store *st, rp_error *err);
enum rp_status store_commit(store *st, rp_error *err);
void store_rollback(store *st);

/* How long a write waits for another program's lock before it fails
** RP_EBUSY: STORE_BUSY_TIMEOUT_MS from store_open().  The live screen
** waits less, so a held lock never freezes the keyboard; it retries on
** its tick. */
void store_set_busy_timeout(store *st, int ms);

/* Make the query running on st stop soon with an error: safe to call from
** a signal handler (sqlite3_interrupt).  NULL is fine. */
void store_interrupt(store *st);

/* Called by store_check() once per problem, with one line in plain words
** that does not name the file. */
typedef void (*store_report_fn)(void *ctx, const char *problem);

/* rapport check: look the database at path over without changing it (it
** is opened read-only, immutable when no WAL holds data): its schema
** against rapport's, PRAGMA integrity_check and foreign_key_check.  Each
** problem goes to report; *problems counts them.  Returns RP_OK when the
** checks ran (whatever they found), else why the file could not be opened
** safely (err says, as store_open() would). */
enum rp_status store_check(const char *path, store_report_fn report, void *ctx, int *problems,
			   rp_error *err);

/* Turn the last SQLite failure on st into an rp_error saying what was being
** done ("adding a client").  Returns the status it chose. */
enum rp_status store_fail(store *st, rp_error *err, const char *doing);

#endif
