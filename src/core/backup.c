/* backup.c: backups, restore and the daily snapshots (see backup.h). */
#include "rapport/backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport/fsutil.h"
#include "store_guard.h"
#include "rapport/i18n.h"

/* How long restore waits for another program's lock before it says the
** database is in use: a command that is about to end, not a live screen. */
#define RESTORE_WAIT_MS 1000

/* The folder part of path into buf: "." for a bare name. */
static void
folder_of(const char *path, char *buf, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		snprintf(buf, size, ".");
	else if (slash == path)
		snprintf(buf, size, "/");
	else
		snprintf(buf, size, "%.*s", (int)(slash - path), path);
}

/* Can a copy be put at path?  Its folder must exist; path must not be a
** folder, a special file or the database db_file itself (may be NULL); an
** existing file is RP_EEXIST unless force. */
static enum rp_status
check_target(const char *path, bool force, const char *db_file, rp_error *err)
{
	char folder[4096];
	struct stat sb, db;

	if (*path == '\0')
		return rp_fail(err, RP_EINVAL, "%s", _("the copy needs a file name"));
	folder_of(path, folder, sizeof folder);
	if (stat(folder, &sb) != 0)
		return rp_fail(err, errno == ENOENT ? RP_ENOTFOUND : RP_EIO,
			       _("cannot write %s: folder %s: %s"), path, folder, strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return rp_fail(err, RP_EINVAL, _("cannot write %s: %s is not a folder"), path, folder);
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(errno));
		return RP_OK;
	}
	if (S_ISDIR(sb.st_mode))
		return rp_fail(err, RP_EINVAL, _("%s is a folder"), path);
	if (!S_ISREG(sb.st_mode))
		return rp_fail(err, RP_EINVAL, _("%s is not a regular file"), path);
	if (db_file && *db_file && stat(db_file, &db) == 0 && db.st_dev == sb.st_dev &&
	    db.st_ino == sb.st_ino)
		return rp_fail(err, RP_EINVAL, _("%s is the database itself"), path);
	if (!force)
		return rp_fail(err, RP_EEXIST, _("%s already exists (add --force to replace it)"), path);
	return RP_OK;
}

/* Say why writing path failed with SQLite status rc; sys is the errno
** behind it, if any. */
static enum rp_status
fail_write(int rc, int sys, const char *path, rp_error *err)
{
	if ((rc & 0xff) == SQLITE_FULL || sys == ENOSPC)
		return rp_fail(err, RP_EIO, _("cannot write %s: the disk is full"), path);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return rp_fail(err, RP_EBUSY, "%s", _("cannot copy the database: it is locked"));
	if ((rc & 0xff) == SQLITE_CORRUPT)
		return rp_fail(err, RP_ECORRUPT, "%s", _("cannot copy the database: it is corrupt"));
	if (sys != 0)
		return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(sys));
	return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, sqlite3_errstr(rc));
}

/* Copy every page of the database on db into tmp, an empty file, with
** SQLite's backup API in one step: one read transaction on db, so the copy
** is consistent while others write, and db is only read (a read-only or
** query_only connection will do).  The copy needs no journal while it is
** made (it is not in place until it is whole and synced); it is then
** switched to rollback-journal mode, having come with its source's WAL
** flag, so that it is one self-contained file. */
static enum rp_status
pages_to_file(sqlite3 *db, const char *tmp, const char *path, rp_error *err)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int rc, sys = 0;

	rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL,
				  NULL, NULL);
	if (rc == SQLITE_OK) {
		if ((b = sqlite3_backup_init(dst, "main", db, "main")) == NULL) {
			rc = sqlite3_extended_errcode(dst);
		} else {
			rc = sqlite3_backup_step(b, -1);
			if (sqlite3_backup_finish(b) != SQLITE_OK || rc != SQLITE_DONE)
				rc = rc == SQLITE_DONE ? sqlite3_extended_errcode(dst) : rc;
			else
				rc = SQLITE_OK;
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	if (rc != SQLITE_OK && dst != NULL)
		sys = sqlite3_system_errno(dst);
	sqlite3_close(dst);
	return rc == SQLITE_OK ? RP_OK : fail_write(rc, sys, path, err);
}

/* Move the finished tmp to path.  Without force, link() so that a file
** that appeared at path meanwhile wins; a file system without hard links
** falls back to rename(), the check before it having passed. */
static enum rp_status
put_in_place(const char *tmp, const char *path, bool force, rp_error *err)
{
	if (!force) {
		if (link(tmp, path) == 0) {
			unlink(tmp);
			return RP_OK;
		}
		if (errno == EEXIST)
			return rp_fail(err, RP_EEXIST, _("%s already exists (add --force to replace it)"),
				       path);
		if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP)
			return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(errno));
	}
	if (rename(tmp, path) != 0)
		return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(errno));
	return RP_OK;
}

/* Copy the database open on db to path, as backup.h says. */
static enum rp_status
copy_to(sqlite3 *db, const char *path, bool force, rp_error *err)
{
	static const char *const beside[] = {"-journal", "-wal", "-shm"};
	char folder[4096], tmp[4096 + 32], extra[sizeof tmp + 16];
	const char *base = strrchr(path, '/');
	enum rp_status s;
	int fd;

	if ((s = check_target(path, force, sqlite3_db_filename(db, "main"), err)) != RP_OK)
		return s;
	folder_of(path, folder, sizeof folder);
	base = base ? base + 1 : path;
	if (snprintf(tmp, sizeof tmp, "%s/.%s.tmp-XXXXXX", folder, base) >= (int)sizeof tmp)
		return rp_fail(err, RP_EINVAL, _("%s: path too long"), path);
	/* mkstemp makes it 0600 whatever the umask: the copy holds every note. */
	if ((fd = mkstemp(tmp)) < 0)
		return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(errno));
	close(fd);
	s = pages_to_file(db, tmp, path, err);
	if (s == RP_OK && fsutil_sync(tmp) != 0)
		s = rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(errno));
	if (s == RP_OK)
		s = put_in_place(tmp, path, force, err);
	if (s != RP_OK) {
		unlink(tmp);
		/* What SQLite may have made beside it. */
		for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
			snprintf(extra, sizeof extra, "%s%s", tmp, beside[i]);
			unlink(extra);
		}
		return s;
	}
	/* The rename is only durable once the folder is. */
	if (fsutil_sync(folder) != 0)
		return rp_fail(err, RP_EIO, _("cannot sync folder %s: %s"), folder, strerror(errno));
	return RP_OK;
}

enum rp_status
backup_write(store *st, const char *path, bool force, rp_error *err)
{
	return copy_to(store_db(st), path, force, err);
}

/* Check the copy at path (file, with a link followed) as backup_check()
** says, before SQLite sees it: its header as store_open() checks it, and
** nothing beside it, where store_open() would refuse only what it cannot
** apply: a copy is opened immutable, and would be read without them.
** *schema is its version. */
static enum rp_status
check_files(const char *file, const char *path, int *schema, rp_error *err)
{
	unsigned char h[100];
	struct stat sb;
	enum rp_status s;
	off_t size;
	bool empty;

	if (stat(file, &sb) != 0)
		return rp_fail(err, errno == ENOENT ? RP_ENOTFOUND : RP_EIO, _("cannot read %s: %s"),
			       path, strerror(errno));
	if (S_ISDIR(sb.st_mode))
		return rp_fail(err, RP_EINVAL, _("%s is a folder, not a database"), path);
	if (!S_ISREG(sb.st_mode))
		return rp_fail(err, RP_EINVAL, _("%s is not a regular file"), path);
	if ((s = guard_header(file, path, h, &empty, err)) != RP_OK)
		return s;
	if (empty)
		return rp_fail(err, RP_ENOTDB, _("%s is not a SQLite database"), path);
	if (guard_be32(h + 68) != GUARD_APPLICATION_ID)
		return rp_fail(err, RP_ENOTDB, _("%s is a SQLite database, but not one of rapport's"),
			       path);
	if ((*schema = (int)guard_be32(h + 60)) == 0)
		return rp_fail(err, RP_ENOTDB, _("%s holds no rapport schema"), path);
	/* Committed data may sit in a WAL, which an immutable open would not
	** read, and the file may be in use: take a copy made by backup. */
	if (guard_wal_has_frames(file))
		return rp_fail(err, RP_EBUSY,
			       _("%s has a write-ahead log beside it (it may be in use): restore a copy"
			       " made by rapport backup"),
			       path);
	/* Nor would it roll back a journal: the file may be half-changed. */
	if (guard_beside(file, "-journal", &size) && size > 0)
		return rp_fail(err, RP_EBUSY,
			       _("%s has a rollback journal beside it (a change to it was cut short or"
			       " is under way): restore a copy made by rapport backup"),
			       path);
	return RP_OK;
}

/* PRAGMA integrity_check on the copy to restore, as rapport check runs
** it; a problem is RP_ECORRUPT naming the first. */
static enum rp_status
check_whole(sqlite3 *db, const char *path, rp_error *err)
{
	char first[512] = "";
	struct guard_first keep = {first, sizeof first};

	if (guard_integrity(db, guard_keep_first, &keep) > 0)
		return rp_fail(err, RP_ECORRUPT, _("%s: %s"), path, first);
	return RP_OK;
}

/* Is db's schema the one rapport's migrations leave at version, every
** table, index, trigger and view word for word, as store_open() checks
** it?  Anything else is another program's doing (a trigger that copies a
** private note out, a view that swallows writes, a column of its own):
** refused, named, before it can become the database. */
static enum rp_status
check_schema(sqlite3 *db, const char *path, int version, rp_error *err)
{
	const struct guard_object *rows = guard_rows(version);
	char first[512];
	int n;

	if (rows == NULL)
		return rp_fail(err, RP_ENOTDB, _("%s has no schema %d"), path, version);
	if ((n = guard_schema_first(db, rows, first, sizeof first)) < 0)
		return rp_fail(err, RP_EIO, _("cannot check %s: %s"), path, sqlite3_errmsg(db));
	if (n > 0)
		return rp_fail(err, RP_ENOTDB, _("%s: %s"), path, first);
	return RP_OK;
}

/* Open path immutable after checking it, as backup_check() says; *out is
** the connection (the caller closes it). */
static enum rp_status
open_checked(const char *path, sqlite3 **out, rp_error *err)
{
	sqlite3 *db = NULL;
	enum rp_status s;
	char *file, *uri = NULL;
	int rc, version = 0, on = -1, off = -1;

	*out = NULL;
	if ((file = guard_resolve(path)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	if ((s = check_files(file, path, &version, err)) != RP_OK)
		goto out;
	if ((uri = guard_immutable_uri(file)) == NULL) {
		s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
		goto out;
	}
	rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE,
			     NULL);
	if (rc != SQLITE_OK) {
		s = rp_fail(err, RP_EIO, _("cannot open %s: %s"), path,
			    db ? sqlite3_errmsg(db) : "out of memory");
		goto out;
	}
	/* The file is someone's to check, not code for us to run. */
	if (sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on) != SQLITE_OK || on != 1 ||
	    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &off) != SQLITE_OK || off != 0) {
		s = rp_fail(err, RP_EIO, _("cannot open %s safely: SQLite refused a setting"), path);
		goto out;
	}
	if ((s = check_whole(db, path, err)) != RP_OK ||
	    (s = check_schema(db, path, version, err)) != RP_OK)
		goto out;
	*out = db;
	db = NULL;
out:
	sqlite3_close(db);
	free(uri);
	free(file);
	return s;
}

enum rp_status
backup_check(const char *path, rp_error *err)
{
	sqlite3 *db;
	enum rp_status s = open_checked(path, &db, err);

	sqlite3_close(db);
	return s;
}

/* The text of a one-row pragma into buf ("" when there is none). */
static int
pragma_text(sqlite3 *db, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	buf[0] = '\0';
	if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(stmt, 0);

		snprintf(buf, size, "%s", t ? (const char *)t : "");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Take the database on db for ourselves until it is closed: out of WAL
** mode (which SQLite allows only when no other connection has the file
** open, so a live meeting elsewhere is found here) and under an exclusive
** lock that locking_mode=EXCLUSIVE keeps. */
static enum rp_status
take_alone(sqlite3 *db, const char *db_path, rp_error *err)
{
	char mode[32];
	int rc;

	rc = pragma_text(db, "PRAGMA journal_mode = DELETE", mode, sizeof mode);
	if (rc == SQLITE_OK && strcmp(mode, "delete") == 0)
		rc = sqlite3_exec(db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT", NULL,
				  NULL, NULL);
	else if (rc == SQLITE_OK)
		rc = SQLITE_BUSY;
	if (rc == SQLITE_OK)
		return RP_OK;
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return rp_fail(err, RP_EBUSY,
			       _("database %s is open in another program (a live meeting?): close it,"
			       " then restore"),
			       db_path);
	return rp_fail(err, RP_EIO, _("cannot restore into %s: %s"), db_path, sqlite3_errmsg(db));
}

/* Copy every page of src over the database on dst, in one transaction. */
static enum rp_status
copy_pages(sqlite3 *src, sqlite3 *dst, const char *db_path, rp_error *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc;

	if (b == NULL)
		return rp_fail(err, RP_EIO, _("cannot restore into %s: %s"), db_path,
			       sqlite3_errmsg(dst));
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return RP_OK;
	if (rc == SQLITE_FULL)
		return rp_fail(err, RP_EIO, _("cannot restore into %s: the disk is full"), db_path);
	return rp_fail(err, RP_EIO, _("cannot restore into %s: %s"), db_path, sqlite3_errstr(rc));
}

/* Are a and b the same file? */
static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

enum rp_status
backup_restore(const char *db_path, const char *from, const char *kept, bool *kept_made,
	       rp_error *err)
{
	sqlite3 *src = NULL, *db;
	store *st = NULL;
	enum rp_status s;
	struct stat sb;

	*kept_made = false;
	if ((s = open_checked(from, &src, err)) != RP_OK)
		return s;
	if (stat(db_path, &sb) != 0 && errno == ENOENT) {
		/* Nothing to keep or to lock: the copy becomes the database. */
		s = copy_to(src, db_path, false, err);
		goto out;
	}
	if (same_file(db_path, from)) {
		s = rp_fail(err, RP_EINVAL, _("%s is the database itself"), from);
		goto out;
	}
	/* store_open checks the current database as every command does (and
	** brings an older one up to date, so the copy kept is current). */
	if ((st = store_open(db_path, STORE_WRITE, err)) == NULL) {
		s = err ? err->status : RP_EIO;
		if (err) {
			char why[sizeof err->msg];

			snprintf(why, sizeof why, "%s", err->msg);
			rp_fail(err, s, _("%s (move it aside, then restore again)"), why);
		}
		goto out;
	}
	db = store_db(st);
	store_set_busy_timeout(st, RESTORE_WAIT_MS);
	if ((s = take_alone(db, db_path, err)) != RP_OK)
		goto out;
	if ((s = copy_to(db, kept, false, err)) == RP_OK) {
		*kept_made = true;
		s = copy_pages(src, db, db_path, err);
	}
	/* Back to WAL whatever happened, as store_open would set it anyway. */
	sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
out:
	store_close(st);
	sqlite3_close(src);
	return s;
}

bool
snapshot_name(const char *name)
{
	static const char shape[] = "rapport-####-##-##.db";  /* # a digit */
	int y, m, d;

	if (strlen(name) != sizeof shape - 1)
		return false;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == '#' ? name[i] < '0' || name[i] > '9' : name[i] != shape[i])
			return false;
	if (sscanf(name, "rapport-%4d-%2d-%2d.db", &y, &m, &d) != 3)
		return false;
	return date_valid(y, m, d);
}

static int
newest_first(const void *a, const void *b)
{
	return strcmp(*(char *const *)b, *(char *const *)a);
}

int
snapshot_rotate(const char *folder, int keep, rp_error *err)
{
	char **names = NULL, path[4096 + 32];
	size_t n = 0, cap = 0;
	struct dirent *e;
	struct stat sb;
	int removed = 0;
	DIR *dir;

	if ((dir = opendir(folder)) == NULL) {
		rp_fail(err, RP_EIO, _("cannot read folder %s: %s"), folder, strerror(errno));
		return -1;
	}
	while ((e = readdir(dir)) != NULL) {
		char **grown;

		if (!snapshot_name(e->d_name))
			continue;
		snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
		if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;  /* a folder or a link of that name is not ours */
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((grown = realloc(names, cap * sizeof *names)) == NULL)
				goto nomem;
			names = grown;
		}
		if ((names[n] = strdup(e->d_name)) == NULL)
			goto nomem;
		n++;
	}
	closedir(dir);
	dir = NULL;
	/* The date in the name sorts as text. */
	if (n > 0)
		qsort(names, n, sizeof *names, newest_first);
	for (size_t i = keep > 0 ? (size_t)keep : 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", folder, names[i]);
		if (unlink(path) == 0)
			removed++;
	}
	goto out;
nomem:
	rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	removed = -1;
out:
	if (dir)
		closedir(dir);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return removed;
}

enum rp_status
snapshot_take(const char *db_path, const char *folder, rp_date today, int keep, bool *taken,
	      rp_error *err)
{
	char path[4096 + 32], day[16];
	enum rp_status s;
	struct stat sb;
	store *st;

	*taken = false;
	if (snprintf(path, sizeof path, "%s/rapport-%s.db", folder, date_format(today, day)) >=
	    (int)sizeof path)
		return rp_fail(err, RP_EINVAL, _("%s: path too long"), folder);
	if (lstat(path, &sb) == 0)
		return RP_OK;  /* today's is there: at most one a day */
	if ((s = fsutil_make_folders(folder, err)) != RP_OK)
		return s;
	if ((st = store_open(db_path, STORE_READ, err)) == NULL)
		return err ? err->status : RP_EIO;
	s = backup_write(st, path, false, err);
	store_close(st);
	if (s == RP_EEXIST) {
		/* Another rapport took it a moment ago. */
		rp_error_clear(err);
		return RP_OK;
	}
	if (s != RP_OK)
		return s;
	*taken = true;
	if (snapshot_rotate(folder, keep, err) < 0)
		return err ? err->status : RP_EIO;
	return RP_OK;
}
