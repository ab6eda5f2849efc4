/* vdir.c: the calendar as a vdir.  See vdir.h.
**
** The folder is read once: the names that carry this database's identity
** say which follow-ups it holds already (those are loaded whatever their
** status, so a task done since turns completed there; it stays so for
** VDIR_KEEP_CLOSED_DAYS, then goes, so the folder holds what is open and
** what was closed lately, not ten years of done tasks) and which files
** may have to go.  Then each object is written unless its file holds the same
** bytes: calendar_text() without METHOD gives an unchanged object the same
** text, so a second export of an unchanged database writes nothing and
** vdirsyncer has nothing to upload.  The cost grows with the open
** follow-ups, the clients and the files in the folder, never with the
** history.
*/
#include "rapport/vdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "db.h"
#include "rapport/calendar.h"
#include "rapport/date.h"
#include "rapport/export.h"
#include "rapport/fsutil.h"
#include "rapport/i18n.h"

#define FILE_MAX (256 * 1024)  /* bytes of one object's file, far above any */
#define LOCK_WAIT_MS 5000

/* A file of ours found in the folder. */
typedef struct found {
	enum calendar_kind kind;
	int64_t ref;
	bool matched;              /* an object of this export is written to it */
} found;

typedef struct folder {
	const char *dir;
	char prefix[CALENDAR_UID_MAX];  /* "rapport-<calendar id>-" */
	found *files;
	size_t n, cap;
	int64_t *followups;        /* the follow-up refs of files, for the scope */
	size_t nfollowups, fcap;
	int lock;                  /* DIR/.rapport.lock, held; -1 when not */
} folder;

/* "<digits>" then exactly ".ics": the id; 0 when name is not that. */
static int64_t
ref_of(const char *s, const char *ext)
{
	int64_t v = 0;
	size_t i;

	for (i = 0; s[i] >= '0' && s[i] <= '9' && i < 18; i++)
		v = v * 10 + (s[i] - '0');
	if (i == 0 || s[0] == '0' || strcmp(s + i, ext) != 0)
		return 0;
	return v;
}

/* Note a name of ours, or remove a temporary file of ours a crash left
** ("<uid>.ics.XXXXXX", export_write's). */
static bool
note_name(folder *f, const char *name)
{
	size_t plen = strlen(f->prefix);
	const char *rest;
	enum calendar_kind kind;
	int64_t ref;

	if (strncmp(name, f->prefix, plen) != 0)
		return true;
	rest = name + plen;
	if (strncmp(rest, "followup-", 9) == 0) {
		kind = CALENDAR_TODO;
		rest += 9;
	} else if (strncmp(rest, "checkin-", 8) == 0) {
		kind = CALENDAR_CHECKIN;
		rest += 8;
	} else {
		return true;
	}
	if ((ref = ref_of(rest, ".ics")) == 0) {
		const char *dot = strstr(rest, ".ics.");
		char path[4096];

		if (dot != NULL && strlen(dot) == 11 &&
		    snprintf(path, sizeof path, "%s/%s", f->dir, name) < (int)sizeof path)
			unlink(path);
		return true;
	}
	if (!arena_grow(&f->files, &f->cap, f->n, sizeof *f->files))
		return false;
	f->files[f->n++] = (found){kind, ref, false};
	if (kind == CALENDAR_TODO) {
		if (!arena_grow(&f->followups, &f->fcap, f->nfollowups, sizeof *f->followups))
			return false;
		f->followups[f->nfollowups++] = ref;
	}
	return true;
}

/* Take the folder's lock, DIR/.rapport.lock, for the whole export: two
** exports at once (a timer's and one by hand) would each take the other's
** temporary files for a crash's leftovers.  Waits up to LOCK_WAIT_MS for
** one running.  *fd is the lock's, to close when done. */
static enum rp_status
lock_folder(const char *dir, int *fd, rp_error *err)
{
	char path[4096];

	if (snprintf(path, sizeof path, "%s/.rapport.lock", dir) >= (int)sizeof path)
		return rp_fail(err, RP_EINVAL, _("%s: path too long"), dir);
	if ((*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
		return rp_fail(err, RP_EIO, _("cannot write %s: %s"), path, strerror(errno));
	for (int waited = 0; flock(*fd, LOCK_EX | LOCK_NB) != 0; waited += 100) {
		if (errno != EWOULDBLOCK || waited >= LOCK_WAIT_MS) {
			int saved = errno;

			close(*fd);
			*fd = -1;
			if (saved == EWOULDBLOCK)
				return rp_fail(err, RP_EBUSY,
					       _("another export to %s is running (waited %d s)"),
					       dir,
					       LOCK_WAIT_MS / 1000);
			return rp_fail(err, RP_EIO, _("cannot lock %s: %s"), path, strerror(saved));
		}
		usleep(100 * 1000);
	}
	return RP_OK;
}

/* Read the folder's names, making it first if it is not there. */
static enum rp_status
read_folder(folder *f, rp_error *err)
{
	struct stat sb;
	struct dirent *e;
	enum rp_status s;
	DIR *d;

	if (stat(f->dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
		return rp_fail(err, RP_EINVAL, _("%s is not a folder"), f->dir);
	if ((s = fsutil_make_folders(f->dir, err)) != RP_OK ||
	    (s = lock_folder(f->dir, &f->lock, err)) != RP_OK)
		return s;
	if ((d = opendir(f->dir)) == NULL)
		return rp_fail(err, RP_EIO, _("cannot read %s: %s"), f->dir, strerror(errno));
	for (;;) {
		errno = 0;
		if ((e = readdir(d)) == NULL)
			break;
		if (!note_name(f, e->d_name)) {
			closedir(d);
			return rp_fail(err, RP_ENOMEM, _("out of memory"));
		}
	}
	s = errno != 0 ? rp_fail(err, RP_EIO, _("cannot read %s: %s"), f->dir, strerror(errno))
		       : RP_OK;
	closedir(d);
	return s;
}

static int
found_order(const void *pa, const void *pb)
{
	const found *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->ref < b->ref ? -1 : a->ref > b->ref;
}

/* The file found for object o, or NULL (the files are sorted). */
static found *
found_for(folder *f, const calendar_object *o)
{
	found key = {o->kind, o->ref, false};

	return f->n == 0 ? NULL : bsearch(&key, f->files, f->n, sizeof *f->files, found_order);
}

enum verdict { FILE_SAME, FILE_OLDER, FILE_EDITED };

/* The UTC seconds of a "YYYYMMDDTHHMMSSZ" at s; -1 for anything else. */
static int64_t
utc_stamp(const char *s)
{
	int y, mo, d, h, mi, sec, n = 0;
	rp_date day;

	if (sscanf(s, "%4d%2d%2dT%2d%2d%2dZ%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6 || n != 16 ||
	    !date_valid(y, mo, d) || h > 23 || mi > 59 || sec > 60)
		return -1;
	day = (rp_date){y, mo, d};
	return (date_to_days(day) - date_to_days((rp_date){1970, 1, 1})) * 86400 + h * 3600 +
	       mi * 60 + sec;
}

/* The value of property name ("LAST-MODIFIED") of the component in text
** (after its BEGIN:VTODO or BEGIN:VEVENT, before its END), whatever its
** parameters; NULL when it has none.  A VTIMEZONE a server added holds
** LAST-MODIFIED too: that one is not the object's. */
static const char *
property_of(const char *text, const char *name)
{
	const char *begin = strstr(text, "\nBEGIN:VTODO"), *end, *p;
	size_t len = strlen(name);

	if (begin == NULL)
		begin = strstr(text, "\nBEGIN:VEVENT");
	if (begin == NULL)
		return NULL;
	end = strstr(begin + 1, "\nEND:V");
	for (p = strchr(begin + 1, '\n'); p != NULL && (end == NULL || p < end);
	     p = strchr(p + 1, '\n')) {
		if (strncmp(p + 1, name, len) != 0 || (p[1 + len] != ':' && p[1 + len] != ';'))
			continue;
		p = strchr(p + 1 + len, ':');  /* past any parameters */
		return p != NULL && (end == NULL || p < end) ? p + 1 : NULL;
	}
	return NULL;
}

/* What path holds against text, object o's version: the same bytes; an
** older version (or none, or one that cannot be read), to replace; or a
** version changed in the calendar since o last changed here (a task
** ticked off in todoman and synced back by vdirsyncer: its LAST-MODIFIED
** is later than o's, or, without one, its SEQUENCE higher), which an
** export must not undo.  The newer change wins, either side. */
static enum verdict
compare_file(const char *path, const char *text, const calendar_object *o)
{
	size_t len = strlen(text), got, size;
	enum verdict v = FILE_OLDER;
	struct stat sb;
	const char *at;
	int64_t when;
	char *buf;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return FILE_OLDER;
	/* As large as the file (files are a few hundred bytes), not FILE_MAX
	** for each of hundreds. */
	size = fstat(fileno(fp), &sb) == 0 && sb.st_size >= 0 && (size_t)sb.st_size < FILE_MAX
		       ? (size_t)sb.st_size
		       : FILE_MAX;
	if ((buf = malloc(size + 1)) != NULL) {
		got = fread(buf, 1, size, fp);
		buf[got] = '\0';
		if (got == len && memcmp(buf, text, len) == 0)
			v = FILE_SAME;
		else if ((at = property_of(buf, "LAST-MODIFIED")) != NULL &&
			 (when = utc_stamp(at)) >= 0)
			v = when > o->modified_at ? FILE_EDITED : FILE_OLDER;
		else if ((at = property_of(buf, "SEQUENCE")) != NULL &&
			 strtoll(at, NULL, 10) > o->sequence)
			v = FILE_EDITED;
		free(buf);
	}
	fclose(fp);
	return v;
}

/* Write object i of cal to its file unless it holds it already. */
static enum rp_status
write_object(folder *f, const calendar *cal, size_t i, int64_t now, vdir_stats *stats,
	     rp_error *err)
{
	const calendar_object *o = &cal->objects[i];
	found *was = found_for(f, o);
	enum rp_status s;
	char path[4096], *text = NULL;

	if (snprintf(path, sizeof path, "%s/%s.ics", f->dir, o->uid) >= (int)sizeof path)
		return rp_fail(err, RP_EINVAL, _("%s: path too long"), f->dir);
	if (was != NULL)
		was->matched = true;
	if ((s = calendar_text(cal, i, false, now, &text, err)) != RP_OK)
		return s;
	switch (was != NULL ? compare_file(path, text, o) : FILE_OLDER) {
	case FILE_SAME:
		stats->unchanged++;
		break;
	case FILE_EDITED:
		stats->kept++;
		break;
	case FILE_OLDER:
		if ((s = export_write(path, text, true, err)) == RP_OK)
			stats->written++;
		break;
	}
	free(text);
	return s;
}

/* Is a file found, matched by no object, to go?  Every one of ours, but
** with one client asked for, only what is known to be that client's: its
** check-in, and follow-ups whose row says it is theirs. */
static enum rp_status
to_remove(store *st, const found *file, int64_t client_id, bool *remove, rp_error *err)
{
	int64_t owner = 0;
	enum rp_status s;

	*remove = client_id == 0;
	if (*remove)
		return RP_OK;
	if (file->kind == CALENDAR_CHECKIN) {
		*remove = file->ref == client_id;
		return RP_OK;
	}
	s = db_query_int(st, "SELECT client_id FROM followups WHERE id = ?1", file->ref, 0, &owner,
			 N_("reading follow-ups"), err);
	if (s == RP_ENOTFOUND) {
		rp_error_clear(err);
		return RP_OK;
	}
	*remove = s == RP_OK && owner == client_id;
	return s;
}

static enum rp_status
remove_stale(store *st, folder *f, const char *id, int64_t client_id, vdir_stats *stats,
	     rp_error *err)
{
	enum rp_status s = RP_OK;
	char path[4096];
	bool remove;

	for (size_t i = 0; s == RP_OK && i < f->n; i++) {
		const found *file = &f->files[i];

		if (file->matched || (s = to_remove(st, file, client_id, &remove, err)) != RP_OK ||
		    !remove)
			continue;
		snprintf(path, sizeof path, "%s/rapport-%s-%s-%" PRId64 ".ics", f->dir, id,
			 file->kind == CALENDAR_TODO ? "followup" : "checkin", file->ref);
		if (unlink(path) == 0)
			stats->removed++;
		else if (errno != ENOENT)
			s = rp_fail(err, RP_EIO, _("cannot remove %s: %s"), path, strerror(errno));
	}
	return s;
}

enum rp_status
vdir_export(store *st, const rp_clock *clock, const char *dir, int64_t client_id,
	    vdir_stats *stats, rp_error *err)
{
	folder f = {.dir = dir, .lock = -1};
	calendar *cal = NULL;
	calendar_scope scope = {.client_id = client_id};
	char id[CALENDAR_ID_LEN + 1];
	enum rp_status s;

	memset(stats, 0, sizeof *stats);
	if ((s = calendar_identity(st, id, err)) != RP_OK)
		return s;
	snprintf(f.prefix, sizeof f.prefix, "rapport-%s-", id);
	if ((s = read_folder(&f, err)) != RP_OK)
		goto out;
	if (f.n > 0)
		qsort(f.files, f.n, sizeof *f.files, found_order);
	scope.also = f.followups;
	scope.nalso = f.nfollowups;
	scope.closed_since = rp_clock_now(clock) - VDIR_KEEP_CLOSED_DAYS * 86400;
	if ((s = calendar_clients(st, clock, &scope, &cal, err)) != RP_OK ||
	    (s = calendar_stamp(st, clock, cal, err)) != RP_OK)
		goto out;
	for (size_t i = 0; s == RP_OK && i < cal->n; i++)
		s = write_object(&f, cal, i, rp_clock_now(clock), stats, err);
	if (s == RP_OK)
		s = remove_stale(st, &f, id, client_id, stats, err);
	/* The new names and the removals survive a power cut. */
	if ((stats->written > 0 || stats->removed > 0) && fsutil_sync(dir) != 0 && s == RP_OK)
		s = rp_fail(err, RP_EIO, _("cannot sync %s: %s"), dir, strerror(errno));
out:
	calendar_free(cal);
	free(f.files);
	free(f.followups);
	if (f.lock >= 0)
		close(f.lock);  /* and with it, the lock */
	return s;
}
