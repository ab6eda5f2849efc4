/* bench_live.c: the live screen's quality bars (DESIGN.md §7), measured on
** the real binary in a pseudo-terminal.
**
**   bench_live RAPPORT_BIN DATABASE CLIENT
**
** Prints: time to the first full frame (median of runs), CPU per keystroke
** while typing a note, CPU while idle with the meeting open, and the peak
** resident size.  CPU comes from /proc/PID/schedstat (nanoseconds on CPU),
** so the figures are the program's own, not the harness's.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Nanoseconds the process has spent on a CPU. */
static long long
cpu_ns(int pid)
{
	char path[64];
	long long ns = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/schedstat", pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fscanf(f, "%lld", &ns) != 1)
			ns = -1;
		fclose(f);
	}
	return ns;
}

/* A field of /proc/PID/status in kB ("VmHWM"). */
static long
status_kb(int pid, const char *field)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%d/status", pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f))
		if (strncmp(line, field, strlen(field)) == 0 && line[strlen(field)] == ':')
			kb = atol(line + strlen(field) + 1);
	fclose(f);
	return kb;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	char db_env[1024];
	const char *env[] = {db_env, NULL};
	const char *args[5];
	double frames[15];
	int runs = 15;
	term *t;
	int pid;

	if (argc != 4) {
		fprintf(stderr, "usage: bench_live RAPPORT_BIN DATABASE CLIENT\n");
		return 2;
	}
	snprintf(db_env, sizeof db_env, "RAPPORT_DB=%s", argv[2]);
	args[0] = argv[1];
	args[1] = "meet";
	args[2] = argv[3];
	args[3] = NULL;

	/* First frame: from exec to the whole screen drawn (the Prompts box and
	** the status bar with the client's name). */
	for (int i = 0; i < runs; i++) {
		double start = now_ms();

		t = term_start(args, env, 24, 80);
		if (t == NULL || !term_wait_for(t, "┌ Prompts", 10000) ||
		    !term_wait_for(t, "Client 000", 10000)) {
			fprintf(stderr, "bench_live: the screen did not come up\n");
			return 1;
		}
		frames[i] = now_ms() - start;
		term_key(t, "C-c");
		term_wait_exit(t, 5000);
		term_free(t);
	}
	qsort(frames, (size_t)runs, sizeof frames[0], cmp_double);
	printf("first frame:        median %.1f ms  (min %.1f, max %.1f, %d runs, 80x24)\n",
	       frames[runs / 2], frames[0], frames[runs - 1], runs);

	t = term_start(args, env, 24, 80);
	if (t == NULL || !term_wait_for(t, "Client 000", 10000))
		return 1;
	pid = term_pid(t);
	term_wait_quiet(t, 300, 3000);
	{
		/* 2,000 keystrokes: letters, accents and CJK, the line cleared with
		** Ctrl-U every 40 characters, as someone typing a long note. */
		static const char *const keys[] = {"a", "b", "é", "c", " ", "日", "d", "e", "😀", "f"};
		long long before = cpu_ns(pid), after;
		int n = 0;

		for (int chunk = 0; chunk < 50; chunk++) {
			for (int k = 0; k < 39; k++, n++)
				term_type(t, keys[k % 10]);
			term_key(t, "C-u");
			n++;
			term_pump(t, 5);
		}
		term_wait_quiet(t, 500, 10000);
		after = cpu_ns(pid);
		printf("keystroke:          %.4f ms of CPU each  (%d keys, ticks included)\n",
		       (after - before) / 1e6 / n, n);
	}
	{
		long long before = cpu_ns(pid), after;

		sleep(10);
		term_pump(t, 10);
		after = cpu_ns(pid);
		printf("idle:               %.3f ms of CPU per second  (10 s, clock ticking)\n",
		       (after - before) / 1e6 / 10);
	}
	printf("peak resident size: %.1f MB\n", status_kb(pid, "VmHWM") / 1024.0);
	term_key(t, "C-c");
	term_wait_exit(t, 5000);
	term_free(t);
	return 0;
}
