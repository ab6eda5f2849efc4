/* test_fsutil.c: private folders, the state folder and folder syncs, on
** real folders in the temporary one. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fixture.h"
#include "rapport/fsutil.h"
#include "tap.h"

/* fixture_path(name) into the array buf: that one is a static buffer. */
#define PATH(buf, name) snprintf(buf, sizeof buf, "%s", fixture_path(name))

/* The permission bits of path, or -1 when it is not a folder. */
static int
folder_mode(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return -1;
	return (int)(sb.st_mode & 07777);
}

static void
make_folders_are_private(void)
{
	char a[512], ab[512], abc[512];
	rp_error err = {0};

	PATH(a, "a");
	PATH(ab, "a/b");
	PATH(abc, "a/b/c");

	umask(022);  /* what most people have: it would leave 0755 */
	CHECK_INT(fsutil_make_folders(abc, &err), RP_OK);
	CHECK_INT(folder_mode(a), 0700);
	CHECK_INT(folder_mode(ab), 0700);
	CHECK_INT(folder_mode(abc), 0700);
	/* Again: all there, nothing to do. */
	CHECK_INT(fsutil_make_folders(abc, &err), RP_OK);
	CHECK_INT(err.status, RP_OK);
}

static void
make_folders_leaves_existing_ones_alone(void)
{
	char keep[512], inner[512];

	PATH(keep, "open");
	PATH(inner, "open/inner");

	CHECK_INT(mkdir(keep, 0755), 0);
	CHECK_INT(chmod(keep, 0755), 0);
	CHECK_INT(fsutil_make_folders(inner, NULL), RP_OK);
	CHECK_INT(folder_mode(keep), 0755);
	CHECK_INT(folder_mode(inner), 0700);
}

static void
make_folders_failures(void)
{
	char plain[512], bad[512], under[512], want[1024], longer[5000];
	rp_error err = {0};
	FILE *f;

	PATH(plain, "plain");
	PATH(bad, "plain/x");
	PATH(under, "plain/x/y");
	f = fopen(plain, "w");
	CHECK(f != NULL);
	if (f != NULL)
		fclose(f);
	errno = 0;
	CHECK_INT(fsutil_make_folders(under, &err), RP_EIO);
	CHECK_INT(errno, ENOTDIR);  /* a caller may word its own message */
	snprintf(want, sizeof want, "cannot create folder %s: %s", bad, strerror(ENOTDIR));
	CHECK_STR(err.msg, want);
	CHECK_INT(folder_mode(under), -1);

	rp_error_clear(&err);
	memset(longer, 'd', sizeof longer - 1);
	longer[0] = '/';
	longer[sizeof longer - 1] = '\0';
	CHECK_INT(fsutil_make_folders(longer, &err), RP_EINVAL);
	CHECK(strncmp(err.msg, longer, 100) == 0);  /* cut to fit, the name first */
}

/* fsutil_state_folder(buf, size, sub) with these two variables (NULL:
** unset); "" when it says no. */
static const char *
state_with(const char *xdg, const char *home, const char *sub, size_t size)
{
	static char buf[256];

	if (xdg)
		setenv("XDG_STATE_HOME", xdg, 1);
	else
		unsetenv("XDG_STATE_HOME");
	if (home)
		setenv("HOME", home, 1);
	else
		unsetenv("HOME");
	if (!fsutil_state_folder(buf, size, sub))
		return "";
	return buf;
}

static void
state_folder_follows_xdg(void)
{
	size_t all = 256;

	CHECK_STR(state_with("/st", "/home/pm", NULL, all), "/st/rapport");
	CHECK_STR(state_with("/st", "/home/pm", "snapshots", all), "/st/rapport/snapshots");
	CHECK_STR(state_with("/st", NULL, NULL, all), "/st/rapport");
	/* The spec: a relative XDG_STATE_HOME is ignored, as an empty one. */
	CHECK_STR(state_with("st", "/home/pm", NULL, all), "/home/pm/.local/state/rapport");
	CHECK_STR(state_with("", "/home/pm", NULL, all), "/home/pm/.local/state/rapport");
	CHECK_STR(state_with(NULL, "/home/pm", "snapshots", all),
		  "/home/pm/.local/state/rapport/snapshots");
	/* Nowhere to go. */
	CHECK_STR(state_with(NULL, NULL, NULL, all), "");
	CHECK_STR(state_with("st", NULL, NULL, all), "");
	CHECK_STR(state_with("st", "home/pm", NULL, all), "");
	/* Too small: no cut-off name. */
	CHECK_STR(state_with("/st", NULL, NULL, sizeof "/st/rapport"), "/st/rapport");
	CHECK_STR(state_with("/st", NULL, NULL, sizeof "/st/rapport" - 1), "");
}

static void
sync_real_folders(void)
{
	char dir[512], file[512], gone[512];
	FILE *f;

	PATH(dir, "synced");
	PATH(file, "synced/f");
	PATH(gone, "gone/f");

	CHECK_INT(mkdir(dir, 0700), 0);
	CHECK_INT(fsutil_sync(dir), 0);
	f = fopen(file, "w");
	CHECK(f != NULL);
	if (f != NULL)
		fclose(f);
	CHECK_INT(fsutil_sync(file), 0);
	CHECK_INT(fsutil_sync_folder_of(file), 0);
	errno = 0;
	CHECK_INT(fsutil_sync(gone), -1);
	CHECK_INT(errno, ENOENT);
	errno = 0;
	CHECK_INT(fsutil_sync_folder_of(gone), -1);
	CHECK_INT(errno, ENOENT);
}

int
main(void)
{
	RUN(make_folders_are_private);
	RUN(make_folders_leaves_existing_ones_alone);
	RUN(make_folders_failures);
	RUN(state_folder_follows_xdg);
	RUN(sync_real_folders);
	return tap_done();
}
