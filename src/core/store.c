/* store.c: opening, checking, creating and migrating the database. */
#include "rapport/store.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport/followup.h"
#include "rapport/search.h"
#include "rapport/fsutil.h"
#include "rapport/i18n.h"
#include "rapport/text.h"
#include "schema.sql.h"
#include "store_guard.h"
#include "wal_check.h"

#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

/* The oldest SQLite that has every setting connect() relies on:
** SQLITE_DBCONFIG_TRUSTED_SCHEMA came in 3.31.0, and ENABLE_VIEW, which
** keeps a file's views from running, in 3.35.0. */
#define STORE_MIN_SQLITE 3035000

/* SQL function rp_clean(text): text with control characters neutralised
** (text_sanitize), for exports that must not carry them even escaped. */
static void
sql_clean(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *in = sqlite3_value_text(argv[0]);
	char *out;

	(void)argc;
	if (in == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	if ((out = text_sanitize((const char *)in, " ")) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text(ctx, out, -1, free);
}

struct store {
	sqlite3 *db;
	int target;    /* the schema version to migrate to */
	bool writable;
	char *path;  /* as given, for messages */
	char *file;  /* what SQLite opens: path with a symbolic link followed */
	bool had_wal;  /* a -wal with data was there before we opened */
	int64_t schema_cookie; /* PRAGMA schema_version when the schema was last checked */
	int64_t data_version;  /* PRAGMA data_version when last asked */
	sqlite3_stmt *version; /* that PRAGMA, prepared once: it is asked each second */
	int nested;    /* store_begin()s inside the open transaction: savepoints */
};

sqlite3 *
store_db(store *st)
{
	return st->db;
}

bool
store_writable(const store *st)
{
	return st->writable;
}

/* Map a SQLite result code to a status and a message about path. */
static enum rp_status
fail_sqlite(rp_error *err, int rc, const char *path, const char *doing, const char *detail)
{
	/* doing comes marked N_() ("adding a client"): said in the user's
	** language, inside a sentence that is whole in the catalogue. */
	doing = _(doing);
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
		return rp_fail(err, RP_ENOTDB, _("%s is not a SQLite database"), path);
	case SQLITE_CORRUPT:
		return rp_fail(err, RP_ECORRUPT, _("database %s is corrupt (%s)"), path, doing);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return rp_fail(err, RP_EBUSY,
			       _("database %s is locked by another program (waited %d s while %s)"),
			       path, STORE_BUSY_TIMEOUT_MS / 1000, doing);
	case SQLITE_READONLY:
		return rp_fail(err, RP_EREADONLY, _("database %s is read-only (%s)"), path, doing);
	case SQLITE_NOMEM:
		return rp_fail(err, RP_ENOMEM, _("out of memory %s"), doing);
	case SQLITE_CONSTRAINT:
		return rp_fail(err, RP_EINVAL, _("%s: %s"), doing, detail);
	case SQLITE_FULL:
		return rp_fail(err, RP_EIO, _("disk full while %s"), doing);
	case SQLITE_CANTOPEN:
		return rp_fail(err, RP_EIO, _("cannot open database %s"), path);
	default:
		return rp_fail(err, RP_EIO, _("database error while %s: %s"), doing, detail);
	}
}

enum rp_status
store_fail(store *st, rp_error *err, const char *doing)
{
	return fail_sqlite(err, sqlite3_extended_errcode(st->db), st->path, doing,
			   sqlite3_errmsg(st->db));
}

/* Is the file at path, and the folder it lives in, writable to us?  A file
** whose owner-write bit is off counts as read-only even for root: the user
** said so with chmod.  The folder is the one SQLite makes its -wal in: the
** link's target's, for a symbolic link. */
static bool
path_writable(const char *path)
{
	struct stat sb;
	char *file;
	bool ok;

	if (stat(path, &sb) != 0)
		return false;
	if (!(sb.st_mode & S_IWUSR) || access(path, W_OK) != 0)
		return false;
	if ((file = guard_resolve(path)) == NULL)
		return false;
	ok = access(dirname(file), W_OK) == 0;
	free(file);
	return ok;
}

/* Bring the schema from its version up to STORE_SCHEMA_VERSION, all in one
** transaction. */
static enum rp_status migrate_in_transaction(store *st, int target, rp_error *err);

static enum rp_status
migrate(store *st, int target, rp_error *err)
{
	enum rp_status status;

	/* A migration that makes a table again (5: meetings) must not let
	** dropping the old one cascade into its children: foreign keys are
	** off for the transaction (the pragma does nothing inside one), and
	** on again after it, whatever happened. */
	if (sqlite3_exec(st->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL) == SQLITE_OK)
		status = migrate_in_transaction(st, target, err);
	else
		status = store_fail(st, err, N_("upgrading the database"));
	if (sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK &&
	    status == RP_OK)
		status = store_fail(st, err, N_("upgrading the database"));
	return status;
}

static enum rp_status
migrate_in_transaction(store *st, int target, rp_error *err)
{
	int64_t version = 0;
	char sql[64];
	int rc;

	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, err, N_("upgrading the database"));
	/* Read again under the lock: another process may have migrated. */
	rc = guard_query_int(st->db, "PRAGMA user_version", &version);
	if (rc != SQLITE_OK)
		goto fail;
	/* vet() saw a version it knows; one that is not now is another
	** program's doing, and no index into migrations[]. */
	if (version < 0 || version > STORE_SCHEMA_VERSION) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return rp_fail(err, RP_ENOTDB, _("database %s has no schema %lld"), st->path,
			       (long long)version);
	}
	for (int v = (int)version; v < target && v < NMIGRATIONS; v++) {
		for (const char *const *sql_step = migrations[v]; *sql_step; sql_step++) {
			rc = sqlite3_exec(st->db, *sql_step, NULL, NULL, NULL);
			if (rc != SQLITE_OK)
				goto fail;
		}
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", target);
	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", GUARD_APPLICATION_ID);
	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	return RP_OK;
fail:
	store_fail(st, err, N_("upgrading the database"));
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return err ? err->status : RP_EIO;
}

/* Schema 8 took the search index's copy of every text out (a third of a
** ten-year file): give that room back once, after the upgrade, rather than
** keep it free inside the file.  VACUUM rewrites the file in one
** transaction, so it is all or nothing; a disk too full for the copy it
** makes (or a lock) leaves the room free inside, where SQLite uses it
** again for what is written next.  The WAL it leaves is truncated. */
static void
compact_once(store *st)
{
	if (sqlite3_exec(st->db, "VACUUM", NULL, NULL, NULL) == SQLITE_OK)
		sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
}

/* Look at what is in the file before touching it.  Sets *version and
** *empty (no schema objects at all). */
static enum rp_status
inspect(store *st, int64_t *version, bool *empty, rp_error *err)
{
	int64_t objects = 0, app_id = 0;
	int rc;

	rc = guard_query_int(st->db, "SELECT count(*) FROM sqlite_schema", &objects);
	if (rc == SQLITE_OK)
		rc = guard_query_int(st->db, "PRAGMA application_id", &app_id);
	if (rc == SQLITE_OK)
		rc = guard_query_int(st->db, "PRAGMA user_version", version);
	if (rc != SQLITE_OK)
		return store_fail(st, err, N_("reading the database"));
	*empty = objects == 0;
	if (!*empty && app_id != GUARD_APPLICATION_ID)
		return rp_fail(err, RP_ENOTDB,
			       _("%s is a SQLite database, but not one of rapport's"), st->path);
	if (*version > STORE_SCHEMA_VERSION)
		return rp_fail(err, RP_ENEWER,
			       _("database %s is from a newer rapport (schema %lld; this one knows %d)"),
			       st->path, (long long)*version, STORE_SCHEMA_VERSION);
	return RP_OK;
}

/* Create path as an empty file only we can read, if it does not exist.
** The folder is synced, so a note saved in it is not lost with its entry
** (SQLite syncs the folder itself when it creates the WAL). */
static enum rp_status
create_private(const char *path, rp_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		if (errno == EEXIST)
			return RP_OK;
		if (errno == EROFS || errno == EACCES || errno == EPERM)
			return rp_fail(err, RP_EREADONLY, _("cannot create database %s: %s"), path,
				       strerror(errno));
		return rp_fail(err, RP_EIO,
			       _("cannot create database %s: %s"), path, strerror(errno));
	}
	fsync(fd);
	close(fd);
	fsutil_sync_folder_of(path);
	return RP_OK;
}

/* Everything to check before SQLite may open file (path as the user
** named it): the header, then what lies beside the file. */
static enum rp_status
check_files(const char *file, const char *path, rp_error *err)
{
	unsigned char h[100];
	bool empty = false;
	enum rp_status s;

	if ((s = guard_header(file, path, h, &empty, err)) != RP_OK)
		return s;
	return guard_sidecars(file, path, empty ? NULL : h, GUARD_APPLICATION_ID, err);
}

/* Set one of the connection's safety settings; SQLite says whether it took. */
static enum rp_status
configure(store *st, int op, int on, rp_error *err)
{
	int now = -1;

	if (sqlite3_db_config(st->db, op, on, &now) != SQLITE_OK || now != on)
		return rp_fail(err, RP_EIO,
			       _("cannot open database %s safely: SQLite refused a safety setting"),
			       st->path);
	return RP_OK;
}

/* Open st->db on st->path.  Reading a file we could write goes through a
** read-write connection kept to queries: only such a connection tidies the
** -wal and -shm files away on close.  A file we may not write (or must not:
** rapport check) is opened immutable, so nothing is made beside it, unless
** a WAL holds data we must see.  Nothing in the file is trusted (until
** allow_views and trust_schema): its triggers may not touch a virtual
** table, its views never run, its functions run only if harmless. */
static enum rp_status
connect(store *st, bool read_write, bool exclusive, rp_error *err)
{
	char *uri = NULL;
	int flags = SQLITE_OPEN_EXRESCODE, rc;
	enum rp_status s;

	if (sqlite3_libversion_number() < STORE_MIN_SQLITE)
		return rp_fail(err, RP_EIO,
			       _("SQLite %s is too old to open %s safely (rapport needs 3.35.0 or later)"),
			       sqlite3_libversion(), st->path);
	if (read_write) {
		flags |= SQLITE_OPEN_READWRITE;
	} else if (st->had_wal) {
		flags |= SQLITE_OPEN_READONLY;
	} else {
		flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
		if ((uri = guard_immutable_uri(st->file)) == NULL)
			return rp_fail(err, RP_ENOMEM, _("out of memory"));
	}
	rc = sqlite3_open_v2(uri ? uri : st->file, &st->db, flags, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		if (st->db == NULL)
			return rp_fail(err, RP_ENOMEM, _("out of memory"));
		return store_fail(st, err, N_("opening the database"));
	}
	/* Until the file is known to be ours and current, closing must not
	** checkpoint a WAL into it. */
	if ((s = configure(st, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, err)) != RP_OK ||
	    (s = configure(st, SQLITE_DBCONFIG_DEFENSIVE, 1, err)) != RP_OK ||
	    (s = configure(st, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, err)) != RP_OK ||
	    (s = configure(st, SQLITE_DBCONFIG_ENABLE_VIEW, 0, err)) != RP_OK)
		return s;
	sqlite3_busy_timeout(st->db, STORE_BUSY_TIMEOUT_MS);
	if (sqlite3_create_function(st->db, "rp_clean", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				    sql_clean, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, N_("opening the database"));
	if (followup_register(st->db) != SQLITE_OK || search_register(st->db) != SQLITE_OK)
		return store_fail(st, err, N_("opening the database"));
	/* Before anything reads the file (some pragmas below load the schema). */
	if (exclusive &&
	    sqlite3_exec(st->db, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, N_("opening the database"));
	/* Connection settings only: nothing here writes to the file.  With
	** cell_size_check, a page whose cells point outside it is refused as
	** corrupt as it is read, also by a max() that reads one cell of an
	** index: without it, a damaged meetings_held gave a last contact of
	** none instead of an error. */
	rc = sqlite3_exec(st->db,
			  st->writable ? "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON;"
					 " PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL"
				       : "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON;"
					 " PRAGMA query_only = ON",
			  NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, err, N_("opening the database"));
	return RP_OK;
}

/* Compare the file's schema with rapport's at the file's version.  With
** report NULL, the first difference is refused; else every difference is
** reported and *problems counts them. */
static enum rp_status
check_schema(store *st, int64_t version, store_report_fn report, void *ctx, int *problems,
	     rp_error *err)
{
	const struct guard_object *rows = guard_rows(version);
	char first[512] = "";
	int n;

	if (rows == NULL)
		return rp_fail(err, RP_ENOTDB, _("database %s has no schema %lld"), st->path,
			       (long long)version);
	n = report ? guard_schema(st->db, rows, report, ctx)
		   : guard_schema_first(st->db, rows, first, sizeof first);
	if (n < 0)
		return store_fail(st, err, N_("reading the schema"));
	if (problems)
		*problems = n;
	if (n > 0 && report == NULL)
		return rp_fail(err, RP_ENOTDB, _("database %s: %s"), st->path, first);
	return RP_OK;
}

/* SQLite authorizer: whatever a trigger or a view does must come from one
** of rapport's triggers or views (`inner` names the innermost one acting,
** NULL for rapport's own statements).  The schema check on open has seen
** to that; this holds it while the file stays open, should another program
** add one meanwhile (SQLite reloads the schema and prepares again, asking
** here).  A trigger replaced under one of rapport's names may write only
** what rapport's writes (store_begin() finds it by its text), a view only
** read what rapport's reads.  A common table expression is named here as
** a view is: none is let through (rapport's SQL has none). */
static int
authorize(void *ctx, int action, const char *a, const char *b, const char *db,
	  const char *inner)
{
	(void)ctx, (void)db;
	return inner == NULL || guard_trigger_may(inner, action, a) ||
			       guard_view_may(inner, action, action == SQLITE_FUNCTION ? b : a)
		       ? SQLITE_OK
		       : SQLITE_DENY;
}

/* Let rapport's own view run, on every connection that passed the schema
** check: the search index (search_fts) reads each entry's text through
** search_text, for a snippet (schema 8).  Views stay off until
** check_schema() found every one in the file to be rapport's, word for
** word; the authorizer keeps any other from acting after. */
static enum rp_status
allow_views(store *st, rp_error *err)
{
	if (sqlite3_set_authorizer(st->db, authorize, NULL) != SQLITE_OK)
		return store_fail(st, err, N_("opening the database"));
	return configure(st, SQLITE_DBCONFIG_ENABLE_VIEW, 1, err);
}

/* Let rapport's own triggers run.  SQLite refuses a virtual table (the
** FTS5 search index) in a trigger while trusted_schema is off, and
** rapport's triggers keep that index in step with the notes.  So a writer
** turns it on, but only here: after check_schema() found every trigger in
** the file to be one of rapport's, word for word.  A reader never needs
** it.  The authorizer (allow_views) keeps any other trigger from acting
** while the file is open. */
static enum rp_status
trust_schema(store *st, rp_error *err)
{
	enum rp_status s;

	if ((s = configure(st, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 1, err)) != RP_OK)
		return s;
	if (sqlite3_exec(st->db, "PRAGMA trusted_schema = ON", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, N_("opening the database"));
	return RP_OK;
}

/* Refuse a damaged file before anything is written to it. */
static enum rp_status
check_damage(store *st, int64_t version, rp_error *err)
{
	char what[256];
	int rc = guard_damage(st->db, st->file, guard_probes_at(version), what, sizeof what);

	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
		return rp_fail(err, RP_ECORRUPT,
			       _("database %s is damaged (%s); nothing was written to it"
			       " (rapport check tells more)"), st->path, what);
	if (rc != SQLITE_OK)
		return store_fail(st, err, N_("checking the database"));
	return RP_OK;
}

static store *open_store(const char *path, enum store_mode mode, int target, rp_error *err);

store *
store_open(const char *path, enum store_mode mode, rp_error *err)
{
	rp_error why = {0};
	store *st = open_store(path, mode, STORE_SCHEMA_VERSION, &why), *up;

	/* A reading command on a file an older rapport left (the first command
	** after an upgrade): bring it up to date once, when the file is ours
	** to write, then read it as asked.  A file we may not write stays
	** refused, and so does one the writer's checks refuse. */
	if (st == NULL && mode == STORE_READ && why.status == RP_EREADONLY &&
	    path_writable(path)) {
		if ((up = open_store(path, STORE_WRITE, STORE_SCHEMA_VERSION, &why)) != NULL) {
			store_close(up);
			st = open_store(path, mode, STORE_SCHEMA_VERSION, &why);
		}
	}
	if (st == NULL && err)
		*err = why;
	return st;
}

store *
store_open_version(const char *path, int version, rp_error *err)
{
	if (version < 1 || version > STORE_SCHEMA_VERSION) {
		rp_fail(err, RP_EINVAL, _("no schema version %d"), version);
		return NULL;
	}
	return open_store(path, STORE_WRITE, version, err);
}

/* A store for path, not connected yet. */
static store *
store_new(const char *path, rp_error *err)
{
	store *st = calloc(1, sizeof *st);

	if (st == NULL || (st->path = strdup(path)) == NULL ||
	    (st->file = guard_resolve(path)) == NULL) {
		if (st)
			free(st->path);
		free(st);
		rp_fail(err, RP_ENOMEM, _("out of memory"));
		return NULL;
	}
	st->had_wal = guard_wal_has_frames(st->file);
	return st;
}

/* Is path a regular file?  *missing is set when there is nothing there. */
static enum rp_status
check_regular(const char *path, bool *missing, rp_error *err)
{
	struct stat sb;

	*missing = false;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT) {
			*missing = true;
			return rp_fail(err, RP_ENOTFOUND, _("no database at %s"), path);
		}
		return rp_fail(err, RP_EIO,
			       _("cannot open database %s: %s"), path, strerror(errno));
	}
	if (S_ISDIR(sb.st_mode))
		return rp_fail(err, RP_EIO, _("%s is a folder, not a database"), path);
	if (!S_ISREG(sb.st_mode))
		return rp_fail(err, RP_EIO, _("%s is not a regular file"), path);
	return RP_OK;
}

/* Everything store_open() checks through SQLite before it changes
** anything: the file is rapport's, current enough, its schema rapport's
** own and, for a writer, not damaged.  Sets *version and *empty. */
static enum rp_status
vet(store *st, int64_t *version, bool *empty, rp_error *err)
{
	enum rp_status s;

	if ((s = inspect(st, version, empty, err)) != RP_OK)
		return s;
	if (!*empty && (s = check_schema(st, *version, NULL, NULL, NULL, err)) != RP_OK)
		return s;
	if ((s = allow_views(st, err)) != RP_OK)
		return s;
	if (*version < STORE_SCHEMA_VERSION && !st->writable) {
		if (*empty)
			return rp_fail(err, RP_ENOTFOUND, _("database %s is empty"), st->path);
		return rp_fail(err, RP_EREADONLY,
			       _("database %s needs an upgrade, and it was opened read-only"), st->path);
	}
	if (st->writable && !*empty)
		return check_damage(st, *version, err);
	return RP_OK;
}

/* Close a store that was refused.  A read-write connection made a -wal
** and a -shm beside the file; when no WAL held data before, letting SQLite
** checkpoint on close writes nothing to the file and takes both away. */
static void
close_refused(store *st)
{
	if (st != NULL && st->db != NULL && !st->had_wal)
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
	store_close(st);
}

/* A WAL with data and no -shm beside it: nobody has the file open, and
** an ordinary connection would make a -shm (which a refusal leaves
** behind).  Only a connection that may write keeps the WAL's index in its
** own memory instead (exclusive locking mode); a file we may not write is
** refused, so that nothing is made beside it. */
static enum rp_status
check_lone_wal(store *st, bool writable_file, bool *lone, rp_error *err)
{
	off_t size;

	*lone = st->had_wal && !guard_beside(st->file, "-shm", &size);
	if (*lone && !writable_file)
		return rp_fail(err, RP_EREADONLY,
			       _("database %s has unsaved changes in its -wal and is read-only:"
			       " open it once with write access"), st->path);
	return RP_OK;
}

static store *
open_store(const char *path, enum store_mode mode, int target, rp_error *err)
{
	store *st = NULL;
	int64_t version = 0;
	bool empty = false, writable_file, missing, lone;

	if (check_regular(path, &missing, err) != RP_OK) {
		if (!missing || mode == STORE_READ)
			return NULL;
		if (create_private(path, err) != RP_OK)
			return NULL;
	}
	if ((st = store_new(path, err)) == NULL)
		return NULL;
	writable_file = path_writable(path);
	if (mode == STORE_WRITE && !writable_file) {
		rp_fail(err, RP_EREADONLY, _("database %s is read-only"), path);
		goto fail;
	}
	if (check_files(st->file, path, err) != RP_OK ||
	    check_lone_wal(st, writable_file, &lone, err) != RP_OK)
		goto fail;
	st->writable = mode == STORE_WRITE;
	st->target = target;
	if (lone) {
		if (connect(st, true, true, err) != RP_OK || vet(st, &version, &empty, err) != RP_OK)
			goto fail;
		/* A reader keeps that connection: it makes nothing beside the
		** file, and never checkpoints. */
		if (!st->writable)
			goto ready;
		sqlite3_close(st->db);
		st->db = NULL;
	}
	if (connect(st, writable_file, false, err) != RP_OK || vet(st, &version, &empty, err) != RP_OK)
		goto fail;
	if (st->writable && trust_schema(st, err) != RP_OK)
		goto fail;
	/* A reader may see a WAL that was there before it, which no check
	** can tell from another rapport database's (they would need an id of
	** their own): it leaves it to a writer to checkpoint into the file.
	** With no WAL before, closing writes nothing to the file and takes
	** the -wal and -shm away. */
	if ((st->writable || !st->had_wal) &&
	    configure(st, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, err) != RP_OK)
		goto fail;
	if (st->writable) {
		/* WAL is a property of the file: set it only now that we know
		** the file is ours (or new), current and whole. */
		if (sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK) {
			store_fail(st, err, N_("opening the database"));
			goto fail;
		}
		if (version < st->target && migrate(st, st->target, err) != RP_OK)
			goto fail;
		if (version < 8 && st->target >= 8)
			compact_once(st);
		/* The -wal made by this open is where notes go: its entry in
		** the folder must survive a power cut too.  SQLite syncs the
		** folder itself, unless built with SQLITE_DISABLE_DIRSYNC;
		** rapport does not depend on how it was built. */
		if (!st->had_wal)
			fsutil_sync_folder_of(st->file);
	}
ready:
	/* What others commit from now on is what store_changed() reports;
	** a schema changed from now on is checked again by store_begin(). */
	if (guard_query_int(st->db, "PRAGMA data_version", &st->data_version) != SQLITE_OK ||
	    guard_query_int(st->db, "PRAGMA schema_version", &st->schema_cookie) != SQLITE_OK) {
		store_fail(st, err, N_("opening the database"));
		goto fail;
	}
	rp_error_clear(err);
	return st;
fail:
	close_refused(st);
	return NULL;
}

/* PRAGMA foreign_key_check: rows that point at rows that are gone. */
static int
check_references(store *st, store_report_fn report, void *ctx)
{
	sqlite3_stmt *stmt = NULL;
	char line[512];
	int n = 0, rc;

	rc = sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		snprintf(line, sizeof line,
			 _("row %lld of %s refers to a row of %s that is not there"),
			 (long long)sqlite3_column_int64(stmt, 1), sqlite3_column_text(stmt, 0),
			 sqlite3_column_text(stmt, 2));
		report(ctx, line);
		n++;
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_DONE) {
		snprintf(line, sizeof line, _("the file is damaged: %s"), sqlite3_errmsg(st->db));
		report(ctx, line);
		n++;
	}
	sqlite3_finalize(stmt);
	return n;
}

enum rp_status
store_check(const char *path, store_report_fn report, void *ctx, int *problems, rp_error *err)
{
	int64_t version = 0;
	bool empty = false, missing, lone, may_write;
	enum rp_status s;
	int n = 0;
	store *st;

	*problems = 0;
	if ((s = check_regular(path, &missing, err)) != RP_OK)
		return s;
	if ((st = store_new(path, err)) == NULL)
		return RP_ENOMEM;
	/* Opened as open_store() opens a reader, kept to queries: a file we
	** may write through a read-write handle, for SQLite checks CHECK
	** constraints only through one (closing then takes away the -wal and
	** -shm it made, writing nothing when no WAL had data); one we may not
	** write read-only, immutable without a WAL; a WAL with no -shm beside
	** it read through one exclusive handle, making none. */
	may_write = path_writable(path);
	if ((s = check_files(st->file, path, err)) != RP_OK ||
	    (s = check_lone_wal(st, may_write, &lone, err)) != RP_OK ||
	    (s = connect(st, lone || may_write, lone, err)) != RP_OK ||
	    (s = inspect(st, &version, &empty, err)) != RP_OK ||
	    (s = check_schema(st, version, report, ctx, &n, err)) != RP_OK ||
	    (may_write && !st->had_wal &&
	     (s = configure(st, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, err)) != RP_OK)) {
		store_close(st);
		return s;
	}
	*problems = n + guard_integrity(st->db, report, ctx) + check_references(st, report, ctx);
	store_close(st);
	rp_error_clear(err);
	return RP_OK;
}

void
store_close(store *st)
{
	if (st == NULL)
		return;
	sqlite3_finalize(st->version);
	sqlite3_close(st->db);
	free(st->path);
	free(st->file);
	free(st);
}

bool
store_changed(store *st)
{
	int64_t v = 0;
	int rc;

	if (st->version == NULL &&
	    sqlite3_prepare_v2(st->db, "PRAGMA data_version", -1, &st->version, NULL) != SQLITE_OK)
		return false;
	rc = sqlite3_step(st->version);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st->version, 0);
	sqlite3_reset(st->version);
	if (rc != SQLITE_ROW || v == st->data_version)
		return false;
	st->data_version = v;
	return true;
}

/* Has another program changed the schema since it was checked?  Then
** check it again, as store_open() did: the authorizer trusts a trigger by
** its name, and a trigger of rapport's name may now hold another body.
** Called with the write lock held, so the schema cannot change after. */
static enum rp_status
recheck_schema(store *st, rp_error *err)
{
	int64_t cookie = 0, version = 0;
	enum rp_status s;

	if (guard_query_int(st->db, "PRAGMA schema_version", &cookie) != SQLITE_OK ||
	    guard_query_int(st->db, "PRAGMA user_version", &version) != SQLITE_OK)
		return store_fail(st, err, N_("starting a change"));
	if (cookie == st->schema_cookie)
		return RP_OK;
	if ((s = check_schema(st, version, NULL, NULL, NULL, err)) != RP_OK) {
		if (err) {
			char why[sizeof err->msg];

			snprintf(why, sizeof why, "%s", err->msg);
			rp_fail(err, s,
				_("%s (another program changed it while rapport had it open;"
				" nothing was written)"), why);
		}
		return s;
	}
	st->schema_cookie = cookie;
	return RP_OK;
}

enum rp_status
store_begin(store *st, rp_error *err)
{
	enum rp_status s;

	/* Inside a transaction already (invite_apply plans, edits and cancels
	** through the functions that each begin one), a savepoint: the inner
	** change commits or rolls back alone, the whole with the outer one. */
	if (!sqlite3_get_autocommit(st->db)) {
		if (sqlite3_exec(st->db, "SAVEPOINT rp_nested", NULL, NULL, NULL) != SQLITE_OK)
			return store_fail(st, err, N_("starting a change"));
		st->nested++;
		return RP_OK;
	}
	st->nested = 0;
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, N_("starting a change"));
	if ((s = recheck_schema(st, err)) != RP_OK)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return s;
}

enum rp_status
store_commit(store *st, rp_error *err)
{
	if (st->nested > 0) {
		if (sqlite3_exec(st->db, "RELEASE rp_nested", NULL, NULL, NULL) != SQLITE_OK) {
			enum rp_status s = store_fail(st, err, N_("saving"));

			store_rollback(st);
			return s;
		}
		st->nested--;
		return RP_OK;
	}
	if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		enum rp_status s = store_fail(st, err, N_("saving"));
		store_rollback(st);
		return s;
	}
	return RP_OK;
}

void
store_rollback(store *st)
{
	if (st->nested > 0) {
		st->nested--;
		if (!sqlite3_get_autocommit(st->db)) {
			sqlite3_exec(st->db, "ROLLBACK TO rp_nested", NULL, NULL, NULL);
			sqlite3_exec(st->db, "RELEASE rp_nested", NULL, NULL, NULL);
		}
		return;
	}
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void
store_set_busy_timeout(store *st, int ms)
{
	sqlite3_busy_timeout(st->db, ms);
}

void
store_interrupt(store *st)
{
	if (st != NULL && st->db != NULL)
		sqlite3_interrupt(st->db);
}
