/* store_guard.h: what store.c checks before it trusts a database file.
**
** Internal to src/core.  Three layers, cheapest first:
**   - the files beside the database (a -journal, a -wal), read with plain
**     system calls before SQLite may open anything: SQLite would roll a hot
**     journal back into the file, or apply a stray WAL to it;
**   - the schema: every table, index, trigger and view must be one that
**     rapport's own migrations create at the file's version, with the same
**     SQL, since a stored trigger or view is code written by the file's
**     author (the rows to compare with are made at build time by
**     schema_gen.c);
**   - damage: a full quick_check on small files, a bounded walk over the
**     b-trees' first and last pages on large ones (see guard_damage).
** backup.c checks a copy to restore through the same functions.
*/
#ifndef RAPPORT_STORE_GUARD_H
#define RAPPORT_STORE_GUARD_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "rapport/error.h"

/* PRAGMA application_id of a rapport database: "rapp" in ASCII, so another
** program's SQLite file is told apart from ours. */
#define GUARD_APPLICATION_ID 0x72617070

/* A big-endian 32-bit number, as SQLite's file formats write them. */
uint32_t guard_be32(const unsigned char *p);

/* The file SQLite opens for path: its unix VFS follows a symbolic link and
** keeps its -journal, -wal and -shm beside the link's target, so those are
** the files to look at.  path itself when it is no link (a relative path
** stays relative).  Returns a malloc'd string, NULL when out of memory. */
char *guard_resolve(const char *path);

/* "file:PATH?immutable=1": path opened without writing to it or beside it
** (no -shm made, no -journal rolled back).  Returns a malloc'd string. */
char *guard_immutable_uri(const char *path);

/* Read one integer (0 when the query yields no row).  Returns an SQLite
** result code. */
int guard_query_int(sqlite3 *db, const char *sql, int64_t *out);

/* Read the 100-byte SQLite header of file into h before SQLite touches it:
** a file that is no SQLite database, another program's database or one
** from a newer rapport is refused, naming name.  *empty is set for an
** empty file (a new database).  The header can lag behind a WAL. */
enum rp_status guard_header(const char *file, const char *name, unsigned char h[100],
			    bool *empty, rp_error *err);

/* Look at file-journal and file-wal (file as guard_resolve() gives it;
** name is the database as the user named it).  header is the first 100
** bytes of the database file, or NULL when the file is empty; app_id is
** the application_id a first page in the WAL must carry.  A hot journal,
** or a WAL that cannot belong to this database, is refused (RP_ECORRUPT)
** with a message naming that file; nothing is opened for writing. */
enum rp_status guard_sidecars(const char *file, const char *name, const unsigned char *header,
			      uint32_t app_id, rp_error *err);

/* Is there a file (or anything else) named path + suffix?  *size gets its
** size, 0 when there is none. */
bool guard_beside(const char *path, const char *suffix, off_t *size);

/* Does path-wal exist with something in it? */
bool guard_wal_has_frames(const char *path);

/* Called once per problem found, with one line in plain words that does
** not name the file. */
typedef void (*guard_report_fn)(void *ctx, const char *problem);  /* as store_report_fn */

/* One row of sqlite_schema. */
struct guard_object {
	const char *type, *name, *tbl_name, *sql;  /* sql NULL for automatic indexes */
};

/* Compare the schema of db ("main") with want, the rows rapport's own
** migrations leave at the file's version (schema_rows.h), ended by a row
** of NULLs.  Reports each difference; returns how many there were, or -1
** when the schema could not be read (SQLite's error is left on db). */
int guard_schema(sqlite3 *db, const struct guard_object *want, guard_report_fn report,
		 void *ctx);

/* A guard_report_fn that keeps the first problem in buf[0..size): ctx
** is a struct guard_first whose buf starts empty. */
struct guard_first {
	char *buf;
	size_t size;
};
void guard_keep_first(void *ctx, const char *problem);

/* guard_schema() keeping only the first difference, in first[0..size)
** ("" when there is none).  Returns as guard_schema() does. */
int guard_schema_first(sqlite3 *db, const struct guard_object *want, char *first, size_t size);

/* PRAGMA integrity_check on db, each problem reported in plain words (a
** b-tree named by its table's or index's name).  Returns how many. */
int guard_integrity(sqlite3 *db, guard_report_fn report, void *ctx);

/* The rows of rapport's schema at version, NULL when there is no such
** version. */
const struct guard_object *guard_rows(int64_t version);

/* May the trigger called name do action (an SQLite authorizer code) on
** table?  Only a trigger of one of rapport's names may do anything, and
** it may write (insert, update, delete) only the tables one of rapport's
** triggers of that name writes: a body replaced under that name is held
** to what rapport's own does. */
bool guard_trigger_may(const char *name, int action, const char *table);

/* May the view called name do action (an SQLite authorizer code; arg is
** the table read or the function called)?  Only a view of one of
** rapport's names may, and only read: select, read the tables one of
** rapport's views of that name reads, call the functions it calls. */
bool guard_view_may(const char *name, int action, const char *arg);

/* Is the file damaged where a write would go?  A file of at most
** GUARD_FULL_CHECK_PAGES pages gets a full PRAGMA quick_check; a larger
** one the checks whose cost does not grow with the history: the file is
** as long as its header says, and every b-tree's path from its root to
** its last leaf reads well (most inserts go there), by the probes
** schema_gen.c wrote for the file's version.  Returns
** SQLITE_OK, SQLITE_CORRUPT with what[0..size) saying where, or another
** SQLite error (left on db). */
struct guard_probe {
	const char *type, *name;  /* the b-tree: "table" or "index", its name */
	const char *sql;          /* a query that reads its root and last leaf */
};
struct guard_probes {
	const char *all;                 /* every probe in one statement */
	const struct guard_probe *each;  /* one by one, ended by a NULL name */
};
#define GUARD_FULL_CHECK_PAGES 64
int guard_damage(sqlite3 *db, const char *path, const struct guard_probes *probes, char *what,
		 size_t size);

/* The probes for version, which guard_rows() knows. */
const struct guard_probes *guard_probes_at(int64_t version);

#endif
