/* crashvfs.c: see crashvfs.h. */
#define _GNU_SOURCE  /* RTLD_NEXT */
#include "crashvfs.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SECTOR 512  /* what a disk writes whole, at the least */

/* A change made to a file since its last sync. */
struct op {
	sqlite3_int64 off;   /* where it writes; for a truncate, the new size */
	size_t len;          /* bytes written; 0 for a truncate */
	unsigned char *data;
	bool trunc;
};

/* What the disk knows of one file of the trial, across opens and closes. */
struct tracked {
	char path[PATH_MAX];
	bool exists;         /* not deleted since it was first seen */
	bool entry_durable;  /* the folder was synced since the file was created */
	unsigned char *durable;  /* contents as of the last sync */
	size_t dlen, dcap;
	struct op *ops;      /* changes since then, in order */
	size_t nops, cap;
};

static struct {
	bool armed;
	struct crash_plan plan;
	long events;
	bool dead;
	bool in_sqlite;      /* inside an xSync or xDelete of the unix VFS */
	dev_t dir_dev;       /* the trial's folder */
	ino_t dir_ino;
	struct tracked **files;  /* each on its own: open files point at them */
	size_t nfiles;
	unsigned rng;
} trial;

static sqlite3_vfs *unix_vfs;
static int (*unix_open_directory)(const char *, int *);

/* The file handle: ours, followed by the unix VFS's own. */
struct crash_file {
	sqlite3_file base;
	struct tracked *t;   /* NULL for a file the model ignores (temp files) */
};

#define REAL(f) ((sqlite3_file *)((struct crash_file *)(f) + 1))

/* One more event; false when the power is gone (this event is lost). */
static bool
power_on(void)
{
	if (!trial.armed)
		return true;
	if (trial.dead)
		return false;
	if (++trial.events == trial.plan.cut_at) {
		trial.dead = true;
		return false;
	}
	return true;
}

static void
drop_ops(struct tracked *t)
{
	for (size_t i = 0; i < t->nops; i++)
		free(t->ops[i].data);
	t->nops = 0;
}

static void
forget(struct tracked *t)
{
	drop_ops(t);
	free(t->ops);
	free(t->durable);
	t->ops = NULL;
	t->cap = 0;
	t->durable = NULL;
	t->dlen = t->dcap = 0;
}

static void *
xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);

	if (q == NULL) {
		fprintf(stderr, "crashvfs: out of memory\n");
		abort();
	}
	return q;
}

/* Put len bytes at off in t's durable image, growing it (with zeros) as a
** file grows; its buffer doubles, as a WAL grows a frame at a time. */
static void
image_write(struct tracked *t, sqlite3_int64 off, const void *data, size_t len)
{
	size_t end = (size_t)off + len;

	if (end > t->dcap) {
		t->dcap = t->dcap ? t->dcap : 4096;
		while (t->dcap < end)
			t->dcap *= 2;
		t->durable = xrealloc(t->durable, t->dcap);
	}
	if (end > t->dlen) {
		memset(t->durable + t->dlen, 0, end - t->dlen);
		t->dlen = end;
	}
	if (len)
		memcpy(t->durable + off, data, len);
}

static void
image_truncate(struct tracked *t, sqlite3_int64 size)
{
	if ((size_t)size < t->dlen)
		t->dlen = (size_t)size;
	else
		image_write(t, size, "", 0);
}

static void
record(struct tracked *t, sqlite3_int64 off, const void *data, size_t len, bool trunc)
{
	struct op *o;

	if (t->nops == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->ops = xrealloc(t->ops, t->cap * sizeof *t->ops);
	}
	o = &t->ops[t->nops++];
	o->off = off;
	o->len = len;
	o->trunc = trunc;
	o->data = NULL;
	if (len) {
		o->data = xrealloc(NULL, len);
		memcpy(o->data, data, len);
	}
}

/* A sync reached the disk: what was written is durable now. */
static void
make_durable(struct tracked *t)
{
	for (size_t i = 0; i < t->nops; i++) {
		struct op *o = &t->ops[i];

		if (o->trunc)
			image_truncate(t, o->off);
		else
			image_write(t, o->off, o->data, o->len);
	}
	drop_ops(t);
}

/* The folder was synced: every file in it now has a durable entry. */
static void
folder_synced(void)
{
	for (size_t i = 0; i < trial.nfiles; i++)
		if (trial.files[i]->exists)
			trial.files[i]->entry_durable = true;
}

/* The file at path as the model knows it, first seen now if need be: its
** contents so far count as durable, its directory entry does not (the
** folder was empty when the trial began). */
static struct tracked *
track(const char *path)
{
	struct tracked *t = NULL;
	int fd;

	for (size_t i = 0; i < trial.nfiles; i++)
		if (strcmp(trial.files[i]->path, path) == 0)
			t = trial.files[i];
	if (t != NULL && t->exists)
		return t;
	if (t == NULL) {
		trial.files = xrealloc(trial.files, (trial.nfiles + 1) * sizeof *trial.files);
		t = trial.files[trial.nfiles++] = xrealloc(NULL, sizeof *t);
		memset(t, 0, sizeof *t);
		snprintf(t->path, sizeof t->path, "%s", path);
	}
	t->exists = true;
	t->entry_durable = false;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		unsigned char buf[4096];
		ssize_t n;

		while ((n = read(fd, buf, sizeof buf)) > 0)
			image_write(t, (sqlite3_int64)t->dlen, buf, (size_t)n);
		close(fd);
	}
	return t;
}

/* --- the file methods ------------------------------------------------ */

static int
c_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int
c_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int
c_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	struct crash_file *cf = (struct crash_file *)f;
	int rc;

	if (cf->t && !power_on())
		return SQLITE_IOERR_WRITE;
	rc = REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
	if (rc == SQLITE_OK && cf->t && trial.armed)
		record(cf->t, off, buf, (size_t)n, false);
	return rc;
}

static int
c_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	struct crash_file *cf = (struct crash_file *)f;
	int rc;

	if (cf->t && !power_on())
		return SQLITE_IOERR_TRUNCATE;
	rc = REAL(f)->pMethods->xTruncate(REAL(f), size);
	if (rc == SQLITE_OK && cf->t && trial.armed)
		record(cf->t, size, NULL, 0, true);
	return rc;
}

/* The file's data is synced first, then (inside the unix VFS, through
** openDirectory) perhaps its folder: a cut may fall between the two. */
static int
c_sync(sqlite3_file *f, int flags)
{
	struct crash_file *cf = (struct crash_file *)f;
	int rc;

	if (cf->t && !power_on())
		return SQLITE_IOERR_FSYNC;
	trial.in_sqlite = true;
	rc = REAL(f)->pMethods->xSync(REAL(f), flags);
	trial.in_sqlite = false;
	if (rc == SQLITE_OK && cf->t && trial.armed)
		make_durable(cf->t);
	return trial.dead && cf->t ? SQLITE_IOERR_FSYNC : rc;
}

static int
c_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int
c_lock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xLock(REAL(f), level);
}

static int
c_unlock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), level);
}

static int
c_check_reserved(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int
c_file_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int
c_sector_size(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int
c_device_characteristics(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

/* Shared memory is memory: it is passed through, and thrown away at the
** cut by crashvfs_settle(). */
static int
c_shm_map(sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), region, size, extend, out);
}

static int
c_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}

static void
c_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int
c_shm_unmap(sqlite3_file *f, int delete_flag)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), delete_flag);
}

/* Version 2: no xFetch, so SQLite never maps a file and every write goes
** through c_write. */
static const sqlite3_io_methods crash_io = {
	.iVersion = 2,
	.xClose = c_close,
	.xRead = c_read,
	.xWrite = c_write,
	.xTruncate = c_truncate,
	.xSync = c_sync,
	.xFileSize = c_file_size,
	.xLock = c_lock,
	.xUnlock = c_unlock,
	.xCheckReservedLock = c_check_reserved,
	.xFileControl = c_file_control,
	.xSectorSize = c_sector_size,
	.xDeviceCharacteristics = c_device_characteristics,
	.xShmMap = c_shm_map,
	.xShmLock = c_shm_lock,
	.xShmBarrier = c_shm_barrier,
	.xShmUnmap = c_shm_unmap,
};

/* --- the VFS ---------------------------------------------------------- */

static int
v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
	struct crash_file *cf = (struct crash_file *)f;
	int rc;

	(void)vfs;
	cf->t = NULL;
	cf->base.pMethods = NULL;
	rc = unix_vfs->xOpen(unix_vfs, name, REAL(f), flags, out_flags);
	if (REAL(f)->pMethods == NULL)
		return rc;
	cf->base.pMethods = &crash_io;
	if (rc == SQLITE_OK && name != NULL && trial.armed &&
	    (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)))
		cf->t = track(name);
	return rc;
}

static int
v_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	int rc;

	(void)vfs;
	if (!power_on())
		return SQLITE_IOERR_DELETE;
	trial.in_sqlite = true;
	rc = unix_vfs->xDelete(unix_vfs, name, sync_dir);
	trial.in_sqlite = false;
	if (rc == SQLITE_OK && trial.armed) {
		for (size_t i = 0; i < trial.nfiles; i++) {
			struct tracked *t = trial.files[i];

			if (t->exists && strcmp(t->path, name) == 0) {
				t->exists = false;
				forget(t);
			}
		}
	}
	return rc;
}

static int
v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return unix_vfs->xAccess(unix_vfs, name, flags, out);
}

static int
v_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
	(void)vfs;
	return unix_vfs->xFullPathname(unix_vfs, name, n, out);
}

static int
v_randomness(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return unix_vfs->xRandomness(unix_vfs, n, out);
}

static int
v_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	return unix_vfs->xSleep(unix_vfs, us);
}

static int
v_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return unix_vfs->xCurrentTime(unix_vfs, out);
}

static int
v_last_error(sqlite3_vfs *vfs, int n, char *out)
{
	(void)vfs;
	return unix_vfs->xGetLastError(unix_vfs, n, out);
}

static int
v_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return unix_vfs->xCurrentTimeInt64(unix_vfs, out);
}

static sqlite3_vfs crash_vfs = {
	.iVersion = 2,
	.mxPathname = 512,
	.zName = "crash",
	.xOpen = v_open,
	.xDelete = v_delete,
	.xAccess = v_access,
	.xFullPathname = v_full_pathname,
	.xRandomness = v_randomness,
	.xSleep = v_sleep,
	.xCurrentTime = v_current_time,
	.xGetLastError = v_last_error,
	.xCurrentTimeInt64 = v_current_time64,
};

/* --- the folder --------------------------------------------------------- */

static bool
is_trial_folder(int fd)
{
	struct stat sb;

	return fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_dev == trial.dir_dev &&
	       sb.st_ino == trial.dir_ino;
}

/* The unix VFS opens the folder only to fsync it, right after (its
** unixSync and unixDelete).  Refusing it is what SQLITE_DISABLE_DIRSYNC
** does: SQLite carries on without the folder sync. */
static int
open_directory(const char *path, int *fd)
{
	if (!trial.armed)
		return unix_open_directory(path, fd);
	if (trial.plan.no_dirsync || !power_on())
		return SQLITE_CANTOPEN;
	folder_synced();
	return unix_open_directory(path, fd);
}

/* rapport syncs the folder itself with fsync(2); SQLite's own syncs of
** files come through here too (the program's fsync comes before the C
** library's), and are not events: c_sync counted them. */
static int
folder_fsync(int fd, const char *name)
{
	static int (*real[2])(int);
	int i = strcmp(name, "fsync") == 0 ? 0 : 1;

	if (real[i] == NULL)
		*(void **)&real[i] = dlsym(RTLD_NEXT, name);
	if (real[i] == NULL) {
		errno = ENOSYS;
		return -1;
	}
	if (!trial.armed)
		return real[i](fd);
	if (!trial.in_sqlite && is_trial_folder(fd)) {
		if (!power_on()) {
			errno = EIO;
			return -1;
		}
		folder_synced();
	}
	/* The model, not the disk, says what a trial's files hold after a
	** cut; skipping the real sync makes a trial many times faster. */
	return 0;
}

int
fsync(int fd)
{
	return folder_fsync(fd, "fsync");
}

int
fdatasync(int fd)
{
	return folder_fsync(fd, "fdatasync");
}

/* --- trials ------------------------------------------------------------- */

int
crashvfs_register(void)
{
	int rc;

	if ((unix_vfs = sqlite3_vfs_find("unix")) == NULL)
		return SQLITE_ERROR;
	crash_vfs.szOsFile = (int)sizeof(struct crash_file) + unix_vfs->szOsFile;
	crash_vfs.mxPathname = unix_vfs->mxPathname;
	unix_open_directory = (int (*)(const char *, int *))unix_vfs->xGetSystemCall(
		unix_vfs, "openDirectory");
	if (unix_open_directory == NULL)
		return SQLITE_ERROR;
	rc = unix_vfs->xSetSystemCall(unix_vfs, "openDirectory", (sqlite3_syscall_ptr)open_directory);
	if (rc != SQLITE_OK)
		return rc;
	return sqlite3_vfs_register(&crash_vfs, 0);
}

void
crashvfs_arm(const char *folder, const struct crash_plan *plan)
{
	struct stat sb;

	trial.plan = *plan;
	trial.events = 0;
	trial.dead = false;
	trial.in_sqlite = false;
	trial.rng = plan->seed * 2654435761u + 1;
	trial.dir_dev = 0;
	trial.dir_ino = 0;
	if (stat(folder, &sb) == 0) {
		trial.dir_dev = sb.st_dev;
		trial.dir_ino = sb.st_ino;
	}
	trial.armed = true;
	sqlite3_vfs_register(&crash_vfs, 1);
}

long
crashvfs_events(void)
{
	return trial.events;
}

bool
crashvfs_dead(void)
{
	return trial.dead;
}

/* xorshift32: the same cut with the same seed tears the same sectors. */
static bool
coin(void)
{
	trial.rng ^= trial.rng << 13;
	trial.rng ^= trial.rng >> 17;
	trial.rng ^= trial.rng << 5;
	return trial.rng & 1;
}

/* A torn cut: some of the unsynced changes made it, sector by sector. */
static void
tear(struct tracked *t)
{
	for (size_t i = 0; i < t->nops; i++) {
		struct op *o = &t->ops[i];

		if (o->trunc) {
			if (coin())
				image_truncate(t, o->off);
			continue;
		}
		for (size_t done = 0; done < o->len;) {
			sqlite3_int64 at = o->off + (sqlite3_int64)done;
			size_t n = SECTOR - (size_t)(at % SECTOR);

			if (n > o->len - done)
				n = o->len - done;
			if (coin())
				image_write(t, at, o->data + done, n);
			done += n;
		}
	}
}

static void
write_image(const struct tracked *t)
{
	int fd = open(t->path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	if (fd < 0 || (t->dlen && write(fd, t->durable, t->dlen) != (ssize_t)t->dlen))
		fprintf(stderr, "crashvfs: cannot rewrite %s: %s\n", t->path, strerror(errno));
	if (fd >= 0)
		close(fd);
}

int
crashvfs_settle(void)
{
	int dropped = 0;
	char shm[PATH_MAX + 8];

	for (size_t i = 0; i < trial.nfiles; i++) {
		struct tracked *t = trial.files[i];

		if (t->exists && trial.dead) {
			if (!t->entry_durable) {
				unlink(t->path);
				dropped++;
			} else {
				if (trial.plan.torn)
					tear(t);
				write_image(t);
			}
		}
		snprintf(shm, sizeof shm, "%s-shm", t->path);
		if (trial.dead)
			unlink(shm);
		forget(t);
		free(t);
	}
	free(trial.files);
	trial.files = NULL;
	trial.nfiles = 0;
	trial.armed = false;
	sqlite3_vfs_register(unix_vfs, 1);
	return dropped;
}
