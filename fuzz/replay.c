/* replay.c: a libFuzzer target as a plain program, for the test suite.
**
** Built with any compiler, without libFuzzer, and linked with one target:
**   replay_TARGET [FILE | DIR]...
** feeds each file (each file of each folder, in name order) once to
** LLVMFuzzerTestOneInput.  With no argument it replays the corpus folder
** the build names (CORPUS_DIR), so tests/run-all can run it as it is.
** Prints TAP: one test per folder or file given.  A target finds a bug by
** crashing or aborting; the sanitizers of the test build report it, and
** the name of the input being replayed is on stderr just before.
*/
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int tests;
static int failures;

/* Read path whole into a malloc'd buffer; NULL with *size 0 on failure. */
static uint8_t *
slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL, *grown;
	size_t cap = 0, n;

	*size = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		if (*size == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((grown = realloc(buf, cap)) == NULL)
				break;
			buf = grown;
		}
		n = fread(buf + *size, 1, cap - *size, f);
		if (n == 0)
			break;
		*size += n;
	}
	if (ferror(f) || buf == NULL) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* Replay one file; false when it cannot be read. */
static int
replay_file(const char *path)
{
	size_t size;
	uint8_t *data = slurp(path, &size);

	if (data == NULL)
		return 0;
	fprintf(stderr, "# %s\n", path);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 1;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay every regular file of dir, in name order; -1 when dir cannot be
** read, else the number of files. */
static int
replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, **grown, path[4096];
	size_t n = 0, cap = 0, i;
	int count = 0;
	struct stat sb;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((grown = realloc(names, cap * sizeof *names)) == NULL)
				break;
			names = grown;
		}
		if ((names[n] = strdup(e->d_name)) != NULL)
			n++;
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && replay_file(path))
			count++;
		free(names[i]);
	}
	free(names);
	return count;
}

/* The last component of path, to name a test by. */
static const char *
label(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

static void
replay(const char *path)
{
	const char *name = label(path);
	struct stat sb;
	int n;

	tests++;
	if (stat(path, &sb) != 0) {
		printf("not ok %d - %s: %s\n", tests, name, strerror(errno));
		failures++;
	} else if (S_ISDIR(sb.st_mode)) {
		if ((n = replay_dir(path)) <= 0) {
			printf("not ok %d - %s: no input to replay\n", tests, path);
			failures++;
		} else {
			printf("ok %d - %s: %d inputs\n", tests, name, n);
		}
	} else if (replay_file(path)) {
		printf("ok %d - %s\n", tests, name);
	} else {
		printf("not ok %d - %s: cannot be read\n", tests, path);
		failures++;
	}
	fflush(stdout);
}

int
main(int argc, char **argv)
{
	int i;

	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
#ifdef CORPUS_DIR
	if (argc < 2)
		replay(CORPUS_DIR);
#endif
	for (i = 1; i < argc; i++)
		replay(argv[i]);
	printf("1..%d\n", tests);
	return failures > 0;
}
