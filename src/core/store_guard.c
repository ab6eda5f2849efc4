/* store_guard.c: see store_guard.h. */
#include "store_guard.h"
#include "wal_check.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport/i18n.h"
#include "rapport/store.h"
#include "schema_rows.h"

/* The first 8 bytes of a rollback journal that still holds a change.  A
** journal SQLite is done with is deleted, truncated or has them zeroed. */

#define WAL_MAGIC 0x377f0682u  /* | 1 when its checksums are big-endian */
#define WAL_VERSION 3007000u
#define WAL_HEADER 32

uint32_t
guard_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

char *
guard_resolve(const char *path)
{
	struct stat sb;
	char *real;

	/* A link that leads nowhere stays as given: opening it fails. */
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode) && (real = realpath(path, NULL)) != NULL)
		return real;
	return strdup(path);
}

char *
guard_immutable_uri(const char *path)
{
	size_t len = strlen(path);
	char *uri = malloc(len * 3 + 32), *o = uri;

	if (uri == NULL)
		return NULL;
	o += sprintf(o, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (*p == '?' || *p == '#' || *p == '%' || *p <= ' ' || *p >= 0x7f)
			o += sprintf(o, "%%%02X", *p);
		else
			*o++ = (char)*p;
	}
	strcpy(o, "?immutable=1");
	return uri;
}

int
guard_query_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_DONE)
		*out = 0;
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum rp_status
guard_header(const char *file, const char *name, unsigned char h[100], bool *empty,
	     rp_error *err)
{
	ssize_t n;
	uint32_t version, app_id;
	int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0)
		return rp_fail(err, errno == EACCES ? RP_EREADONLY : RP_EIO,
			       _("cannot read database %s: %s"), name, strerror(errno));
	n = read(fd, h, 100);
	close(fd);
	*empty = n == 0 || wal_torn_new_file(file, h, n);
	if (*empty)
		return RP_OK;
	if (n != 100 || memcmp(h, "SQLite format 3", 16) != 0)
		return rp_fail(err, RP_ENOTDB, _("%s is not a SQLite database"), name);
	version = guard_be32(h + 60);
	app_id = guard_be32(h + 68);
	/* A SQLite file with no schema yet (its schema cookie 0) may become ours. */
	if (app_id != GUARD_APPLICATION_ID && guard_be32(h + 40) != 0)
		return rp_fail(err, RP_ENOTDB,
			       _("%s is a SQLite database, but not one of rapport's"),
			       name);
	if (app_id == GUARD_APPLICATION_ID && version > STORE_SCHEMA_VERSION)
		return rp_fail(err, RP_ENEWER,
			       _("database %s is from a newer rapport (schema %u; this one knows %d)"),
			       name, version, STORE_SCHEMA_VERSION);
	return RP_OK;
}

/* Read up to len bytes from the start of path into buf.  Returns the count
** read, 0 for a file that is missing or empty, -1 (errno set) when it
** cannot be read; *size gets the file's size. */
static ssize_t
read_head(const char *path, unsigned char *buf, size_t len, off_t *size)
{
	struct stat sb;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	*size = 0;
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	if (fstat(fd, &sb) != 0) {
		close(fd);
		return -1;
	}
	*size = sb.st_size;
	n = read(fd, buf, len);
	close(fd);
	return n;
}

/* Why the WAL header h (of a WAL of wal_size bytes) cannot belong to a
** database whose header is db (NULL: an empty file); NULL when it can. */
static const char *
wal_mismatch(const unsigned char *h, off_t wal_size, const unsigned char *db, char *buf,
	     size_t size)
{
	uint32_t magic, page, db_page, sum[2] = {0, 0};

	if (wal_size < WAL_HEADER)
		return _("it is too short to be a write-ahead log");
	magic = guard_be32(h);
	if ((magic & ~1u) != WAL_MAGIC)
		return _("it is not a SQLite write-ahead log");
	if (guard_be32(h + 4) != WAL_VERSION)
		return _("it is from another version of the write-ahead log format");
	/* The header's checksum covers its first 24 bytes. */
	wal_checksum(sum, h, 24, magic & 1);
	if (sum[0] != guard_be32(h + 24) || sum[1] != guard_be32(h + 28))
		return _("its header checksum is wrong");
	if (db == NULL)
		return wal_size > WAL_HEADER ? _("it holds pages, but the database file is empty")
					     : NULL;
	page = guard_be32(h + 8);
	db_page = (uint32_t)db[16] << 8 | db[17];
	if (db_page == 1)
		db_page = 65536;
	if (page != db_page) {
		snprintf(buf, size, _("its pages are %u bytes, the database's %u"), page, db_page);
		return buf;
	}
	return NULL;
}

/* Does the WAL at fd hold, in a frame of its current generation (its salts
** are the header's), a first page that would make the file another
** program's database?  A WAL copied from another database of the same page
** size passes every header check; its page 1, if it has one, gives it
** away.  Reads 24 bytes a frame: a WAL is checkpointed at about 1000. */
static bool
wal_turns_foreign(int fd, const unsigned char *h, off_t wal_size, uint32_t app_id)
{
	uint32_t page = guard_be32(h + 8);
	unsigned char frame[24 + 100];

	/* A frame that cannot be read cannot be vouched for either. */
	for (off_t at = WAL_HEADER; at + 24 + (off_t)page <= wal_size; at += 24 + page) {
		if (pread(fd, frame, 24, at) != 24)
			return true;
		if (guard_be32(frame) != 1 || memcmp(frame + 8, h + 16, 8) != 0)
			continue;
		if (pread(fd, frame + 24, 100, at + 24) != 100)
			return true;
		if (memcmp(frame + 24, "SQLite format 3", 16) != 0 ||
		    (guard_be32(frame + 24 + 68) != app_id && guard_be32(frame + 24 + 40) != 0))
			return wal_page1_turns_foreign(fd, h, wal_size, app_id);
	}
	return false;
}

/* wal_turns_foreign() on path. */
static bool
wal_file_turns_foreign(const char *path, const unsigned char *h, off_t size, uint32_t app_id)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	bool foreign;

	if (fd < 0)
		return true;
	foreign = wal_turns_foreign(fd, h, size, app_id);
	close(fd);
	return foreign;
}

/* Would rolling back the journal whose first n bytes are j lose nothing?
** So it is when the journal started from an empty file (its header gives
** the database's size before the change, here 0) and the file holds no
** schema yet: what rapport leaves when it is stopped while it turns a new
** file to WAL mode, the one moment it uses a rollback journal.  SQLite
** may then roll it back: the file goes back to empty, as it was. */
static bool
undoes_nothing(const unsigned char *j, ssize_t n, const unsigned char *header)
{
	return n >= 20 && guard_be32(j + 16) == 0 && (header == NULL || guard_be32(header + 40) == 0);
}

enum rp_status
guard_sidecars(const char *path, const char *name, const unsigned char *header, uint32_t app_id,
	       rp_error *err)
{
	char side[4096], why[96];
	unsigned char h[WAL_HEADER];
	const char *mismatch;
	off_t size;
	ssize_t n;

	if (snprintf(side, sizeof side, "%s-journal", path) >= (int)sizeof side)
		return rp_fail(err, RP_EIO, _("database path %s is too long"), name);
	n = read_head(side, h, 20, &size);
	if (n < 0)
		return rp_fail(err, RP_EIO, _("cannot read %s: %s"), side, strerror(errno));
	if (n >= (ssize_t)sizeof wal_journal_magic &&
	    memcmp(h, wal_journal_magic, sizeof wal_journal_magic) == 0 &&
	    !undoes_nothing(h, n, header))
		return rp_fail(err, RP_ECORRUPT,
			       _("%s is a hot journal: another program's unfinished change to %s;"
			       " rapport will not roll it back"), side, name);

	snprintf(side, sizeof side, "%s-wal", path);
	n = read_head(side, h, sizeof h, &size);
	if (n < 0)
		return rp_fail(err, RP_EIO, _("cannot read %s: %s"), side, strerror(errno));
	if (size == 0)
		return RP_OK;
	if (n < (ssize_t)sizeof h)
		size = n;
	if ((mismatch = wal_mismatch(h, size, header, why, sizeof why)) != NULL)
		return rp_fail(err, RP_ECORRUPT,
			       _("%s does not belong to %s (%s); rapport will not apply it"), side,
			       name, mismatch);
	if (header && wal_file_turns_foreign(side, h, size, app_id))
		return rp_fail(err, RP_ECORRUPT,
			       _("%s does not belong to %s (it would make it another database);"
			       " rapport will not apply it"), side, name);
	return RP_OK;
}

bool
guard_beside(const char *path, const char *suffix, off_t *size)
{
	char side[4096];
	struct stat sb;

	*size = 0;
	/* A name too long to hold is taken to be there: refused, not missed. */
	if (snprintf(side, sizeof side, "%s%s", path, suffix) >= (int)sizeof side)
		return true;
	if (lstat(side, &sb) != 0)
		return false;
	*size = sb.st_size;
	return true;
}

bool
guard_wal_has_frames(const char *path)
{
	off_t size;

	return guard_beside(path, "-wal", &size) && size > 0;
}

/* The file's schema, read into memory. */
struct schema {
	struct guard_object *v;
	size_t n;
};

static void
schema_free(struct schema *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free((char *)s->v[i].type);
		free((char *)s->v[i].name);
		free((char *)s->v[i].tbl_name);
		free((char *)s->v[i].sql);
	}
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static char *
column_dup(sqlite3_stmt *stmt, int col)
{
	const unsigned char *t = sqlite3_column_text(stmt, col);

	return t ? strdup((const char *)t) : NULL;
}

/* Read db's sqlite_schema into s.  Returns an SQLite result code. */
static int
schema_read(sqlite3 *db, struct schema *s)
{
	sqlite3_stmt *stmt = NULL;
	size_t cap = 0;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM main.sqlite_schema", -1,
				&stmt, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct guard_object *o;

		if (s->n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct guard_object *v = realloc(s->v, ncap * sizeof *v);

			if (v == NULL) {
				rc = SQLITE_NOMEM;
				break;
			}
			s->v = v;
			cap = ncap;
		}
		o = &s->v[s->n++];
		o->type = column_dup(stmt, 0);
		o->name = column_dup(stmt, 1);
		o->tbl_name = column_dup(stmt, 2);
		o->sql = column_dup(stmt, 3);
		if (o->type == NULL || o->name == NULL || o->tbl_name == NULL ||
		    (o->sql == NULL && sqlite3_column_type(stmt, 3) != SQLITE_NULL)) {
			rc = SQLITE_NOMEM;
			break;
		}
		rc = SQLITE_OK;
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(stmt);
	return rc;
}

/* The object called name in rows (ended by a NULL name), or NULL. */
static const struct guard_object *
find(const struct guard_object *rows, size_t n, const char *name)
{
	for (size_t i = 0; i < n && rows[i].name; i++)
		if (strcmp(rows[i].name, name) == 0)
			return &rows[i];
	return NULL;
}

/* Could sql, a CREATE TABLE, hold an expression (code a writer would run:
** a CHECK, a DEFAULT, a generated column)?  Told by its words. */
static bool
may_hold_code(const char *sql)
{
	static const char *const words[] = {"check", "default", "generated", "as", "references"};

	for (const char *p = sql; *p;) {
		size_t len = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");

		for (size_t i = 0; len && i < sizeof words / sizeof words[0]; i++)
			if (strlen(words[i]) == len && strncasecmp(p, words[i], len) == 0)
				return true;
		p += len ? len : 1;
	}
	return false;
}

/* Is o the shadow table of one of want's virtual tables (search_fts_data
** for search_fts)?  SQLite's FTS5 writes those definitions itself, and may
** word them differently from one SQLite to the next: a shadow table's
** definition may differ from the one rapport was built with, as long as it
** holds no expression. */
static bool
is_shadow(const struct guard_object *want, const struct guard_object *o)
{
	if (o->sql == NULL || may_hold_code(o->sql))
		return false;
	for (const struct guard_object *v = want; v->name; v++) {
		size_t len = strlen(v->name);

		if (strcmp(v->type, "table") == 0 && v->sql &&
		    strncmp(v->sql, "CREATE VIRTUAL TABLE", 20) == 0 &&
		    strncmp(o->name, v->name, len) == 0 && o->name[len] == '_')
			return true;
	}
	return false;
}

static bool
same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Tables SQLite itself creates when asked to (ANALYZE, PRAGMA optimize):
** statistics for the query planner, never code. */
static bool
is_statistics(const char *name)
{
	return strcmp(name, "sqlite_stat1") == 0 || strcmp(name, "sqlite_stat4") == 0;
}

static void say(guard_report_fn report, void *ctx, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
say(guard_report_fn report, void *ctx, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	report(ctx, line);
}

/* Report how o differs from rapport's object w (NULL: rapport has none of
** that name).  Returns 1 for a difference, 0 for none. */
static int
compare(const struct guard_object *o, const struct guard_object *w,
	const struct guard_object *want, guard_report_fn report, void *ctx)
{
	if (w == NULL && strcmp(o->type, "table") == 0) {
		if (is_statistics(o->name))
			return 0;
		say(report, ctx, _("table \"%s\" is not one of rapport's"), o->name);
	} else if (w == NULL && strcmp(o->name, o->tbl_name) == 0) {
		say(report, ctx,
		    _("%s \"%s\" is not one of rapport's, and rapport runs no code from"
		    " a file"), o->type, o->name);
	} else if (w == NULL) {
		say(report, ctx, _("%s \"%s\" on %s is not one of rapport's, and rapport runs no"
		    " code from a file"), o->type, o->name, o->tbl_name);
	} else if (strcmp(o->type, w->type) != 0) {
		say(report, ctx,
		    _("\"%s\" is a %s where rapport has a %s"), o->name, o->type, w->type);
	} else if (strcmp(o->tbl_name, w->tbl_name) != 0) {
		say(report, ctx,
		    _("%s \"%s\" is on %s, where rapport has it on %s"), o->type, o->name,
		    o->tbl_name, w->tbl_name);
	} else if (!same_text(o->sql, w->sql) && !is_shadow(want, o)) {
		say(report, ctx, _("%s \"%s\" is not the one rapport created"), o->type, o->name);
	} else {
		return 0;
	}
	return 1;
}

int
guard_schema(sqlite3 *db, const struct guard_object *want, guard_report_fn report, void *ctx)
{
	struct schema have = {0};
	int problems = 0;

	if (schema_read(db, &have) != SQLITE_OK) {
		schema_free(&have);
		return -1;
	}
	for (size_t i = 0; i < have.n; i++)
		problems += compare(&have.v[i], find(want, SIZE_MAX, have.v[i].name), want, report,
				    ctx);
	for (const struct guard_object *w = want; w->name; w++) {
		if (find(have.v, have.n, w->name) == NULL) {
			problems++;
			say(report, ctx, _("rapport's %s \"%s\" is missing"), w->type, w->name);
		}
	}
	schema_free(&have);
	return problems;
}

void
guard_keep_first(void *ctx, const char *problem)
{
	struct guard_first *f = ctx;

	if (f->buf[0] == '\0')
		snprintf(f->buf, f->size, "%s", problem);
}

int
guard_schema_first(sqlite3 *db, const struct guard_object *want, char *first, size_t size)
{
	struct guard_first f = {first, size};

	first[0] = '\0';
	return guard_schema(db, want, guard_keep_first, &f);
}

#define NVERSIONS ((int64_t)(sizeof schema_versions / sizeof schema_versions[0]))

const struct guard_object *
guard_rows(int64_t version)
{
	return version >= 0 && version < NVERSIONS ? schema_versions[version] : NULL;
}

const struct guard_probes *
guard_probes_at(int64_t version)
{
	return version >= 0 && version < NVERSIONS ? &probe_versions[version] : &probe_versions[0];
}

/* Does sql write table with verb ("INSERT INTO ")? */
static bool
writes(const char *sql, const char *verb, const char *table)
{
	size_t vlen = strlen(verb), tlen = strlen(table);

	for (const char *p = sql; (p = strstr(p, verb)) != NULL; p += vlen) {
		const char *t = p + vlen;

		if (strncmp(t, table, tlen) == 0 && (t[tlen] == ' ' || t[tlen] == '('))
			return true;
	}
	return false;
}

bool
guard_trigger_may(const char *name, int action, const char *table)
{
	const char *verb = action == SQLITE_INSERT ? "INSERT INTO "
			 : action == SQLITE_DELETE ? "DELETE FROM "
			 : action == SQLITE_UPDATE ? "UPDATE "
						   : NULL;

	for (int64_t v = 0; v < NVERSIONS; v++)
		for (const struct guard_object *o = schema_versions[v]; o->name; o++)
			if (strcmp(o->type, "trigger") == 0 && strcmp(o->name, name) == 0 &&
			    (verb == NULL || (table && writes(o->sql, verb, table))))
				return true;
	return false;
}

/* Does sql hold word right after `before` ("FROM "; "" for a word of its
** own) and followed by one of the characters of after? */
static bool
names(const char *sql, const char *before, const char *word, const char *after)
{
	size_t blen = strlen(before), wlen = strlen(word);

	for (const char *p = sql; wlen && (p = strstr(p, word)) != NULL; p++) {
		bool starts = blen ? (size_t)(p - sql) >= blen && strncmp(p - blen, before, blen) == 0
				   : p == sql || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');

		if (starts && p[wlen] && strchr(after, p[wlen]))
			return true;
	}
	return false;
}

bool
guard_view_may(const char *name, int action, const char *arg)
{
	for (int64_t v = 0; v < NVERSIONS; v++)
		for (const struct guard_object *o = schema_versions[v]; o->name; o++) {
			if (strcmp(o->type, "view") != 0 || strcmp(o->name, name) != 0)
				continue;
			if (action == SQLITE_SELECT ||
			    (action == SQLITE_READ && arg && names(o->sql, "FROM ", arg, " ")) ||
			    (action == SQLITE_FUNCTION && arg && names(o->sql, "", arg, "(")))
				return true;
		}
	return false;
}

/* guard_integrity: one problem found by integrity_check, the b-tree it names
** ("Tree 12") told by its table's or index's name. */
static void
report_damage(sqlite3 *db, const char *msg, guard_report_fn report, void *ctx)
{
	sqlite3_stmt *stmt = NULL;
	const char *tree = strstr(msg, "Tree ");
	char line[768];

	/* "On tree page N" names a page, which is a tree's root when it is
	** one of those in sqlite_schema. */
	if (tree == NULL && (tree = strstr(msg, "tree page ")) != NULL)
		tree += 5;
	if (tree && sqlite3_prepare_v2(db, "SELECT type, name FROM sqlite_schema"
						" WHERE rootpage = ?",
				       -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, strtoll(tree + 5, NULL, 10));
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) &&
		    sqlite3_column_text(stmt, 1)) {
			snprintf(line, sizeof line, _("%s %s is damaged: %s"),
				 sqlite3_column_text(stmt, 0), sqlite3_column_text(stmt, 1), msg);
			sqlite3_finalize(stmt);
			report(ctx, line);
			return;
		}
	}
	sqlite3_finalize(stmt);
	snprintf(line, sizeof line, _("the file is damaged: %s"), msg);
	report(ctx, line);
}

int
guard_integrity(sqlite3 *db, guard_report_fn report, void *ctx)
{
	sqlite3_stmt *stmt = NULL;
	int n = 0, rc;

	rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(100)", -1, &stmt, NULL);
	while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *msg = (const char *)sqlite3_column_text(stmt, 0);

		rc = SQLITE_OK;
		if (msg == NULL || strcmp(msg, "ok") == 0)
			continue;
		/* One line per problem; SQLite may put a heading first. */
		for (const char *line = msg; *line;) {
			size_t len = strcspn(line, "\n");
			char one[512];

			snprintf(one, sizeof one, "%.*s", (int)len, line);
			if (strncmp(one, "*** in database", 15) != 0) {
				report_damage(db, one, report, ctx);
				n++;
			}
			line += len + (line[len] == '\n');
		}
	}
	if (rc != SQLITE_DONE) {
		char line[512];

		snprintf(line, sizeof line, _("the file is damaged: %s"), sqlite3_errmsg(db));
		report(ctx, line);
		n++;
	}
	sqlite3_finalize(stmt);
	return n;
}

/* PRAGMA quick_check, stopping at the first problem. */
static int
quick_check(sqlite3 *db, char *what, size_t size)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(stmt, 0);

		rc = SQLITE_OK;
		if (t == NULL || strcmp(t, "ok") != 0) {
			snprintf(what, size, "%s", t ? t : _("quick_check failed"));
			rc = SQLITE_CORRUPT;
		}
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* Run sql to its end. */
static int
run_all(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		rc = SQLITE_OK;
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Walk every b-tree's last path.  All probes go in one statement; only
** when it fails is each run on its own, to name the b-tree.  A probe
** SQLite cannot prepare (another SQLite naming the search index's own
** tables' columns otherwise) is skipped, not held against the file. */
static int
probe_btrees(sqlite3 *db, const struct guard_probes *probes, char *what, size_t size)
{
	int rc = run_all(db, probes->all);

	if ((rc & 0xff) != SQLITE_CORRUPT && rc != SQLITE_ERROR)
		return rc;
	for (const struct guard_probe *p = probes->each; p->name; p++) {
		rc = run_all(db, p->sql);
		if ((rc & 0xff) == SQLITE_CORRUPT) {
			snprintf(what, size, _("%s %s is damaged"), p->type, p->name);
			return rc;
		}
		if (rc != SQLITE_OK && rc != SQLITE_ERROR)
			return rc;
	}
	return SQLITE_OK;
}

int
guard_damage(sqlite3 *db, const char *path, const struct guard_probes *probes, char *what,
	     size_t size)
{
	int64_t pages = 0, page_size = 0;
	struct stat sb;
	int rc;

	what[0] = '\0';
	if ((rc = guard_query_int(db, "PRAGMA page_count", &pages)) != SQLITE_OK ||
	    (rc = guard_query_int(db, "PRAGMA page_size", &page_size)) != SQLITE_OK)
		goto out;
	if (page_size <= 0) {
		snprintf(what, size, _("its page size is %lld"), (long long)page_size);
		return SQLITE_CORRUPT;
	}
	if (pages <= GUARD_FULL_CHECK_PAGES)
		return quick_check(db, what, size);
	/* With pages in the WAL the file may rightly be shorter. */
	if (!guard_wal_has_frames(path) && stat(path, &sb) == 0 &&
	    sb.st_size < pages * page_size) {
		snprintf(what, size,
			 _("the file is shorter than its header says (%lld of %lld pages)"),
			 (long long)(sb.st_size / page_size), (long long)pages);
		return SQLITE_CORRUPT;
	}
	rc = probe_btrees(db, probes, what, size);
out:
	if ((rc & 0xff) == SQLITE_CORRUPT && what[0] == '\0')
		snprintf(what, size, "%s", sqlite3_errmsg(db));
	return rc;
}
