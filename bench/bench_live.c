/* bench_live.c: the screens' quality bars (DESIGN.md §7), measured on the
** real binary in a pseudo-terminal (80x24) read through libvterm.
**
**   bench_live frames RUNS RAPPORT_BIN CLIENT DATABASE...
**   bench_live keys RAPPORT_BIN CLIENT ECHO_BIN|- DATABASE...
**
** frames: the first full frame of every screen, RUNS runs on each
** database, the databases taking turns run by run (the order turning each
** run), so that the machine's load falls on all alike:
**   clients  from exec of `rapport` to the Clients screen drawn whole
**   prep     from Enter on CLIENT (selected beforehand) to its Prep drawn
**   review   from r on CLIENT to its Review drawn
**   live     from exec of `rapport meet CLIENT Benchmark` (a meeting
**            planned just before with `rapport plan`) to the live screen
**            drawn whole (its Prompts pane and status bar)
**   recap    from y to "End the meeting now?" (after one note) to the Recap
** Each run adds and ends a meeting: give copies of the databases.
** Prints a table, then for scripts one line per screen and database:
**   frame SCREEN INDEX MEDIAN_MS MIN_MS MAX_MS RATIO
** RATIO the median over the runs of this database's time over the first
** database's in the same run.
**
** keys: typing at a person's pace, into the live screen of each database
** (a meeting it plans as "Benchmark" for CLIENT: give copies) and into curses_echo
** (ECHO_BIN, "-" for none), chunk by chunk in turn: one key is sent, the
** pty read until the screen shows it (the cursor one character on, the
** line holding what was typed) or the output has been quiet for 100 ms,
** 20 ms of pause, then the next key; Ctrl-U after every 20 keys (letters,
** accents, a CJK character, an emoji, spaces).  Prints per program the
** median, 90th percentile and highest time from send to drawn, the CPU
** per key (/proc/PID/schedstat: the program's own, not the harness's),
** then the CPU used in 10 s of idling and the peak resident size; for
** scripts:
**   key NAME MEDIAN_MS P90_MS MAX_MS CPU_MS_PER_KEY QUIET_KEYS
**   idle NAME CPU_MS_PER_S PEAK_KB
** NAME is "echo" or the database's index.
*/
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "stats.h"

#include "harness.h"

enum {
	ROWS = 24,
	COLS = 80,
	RUNS_MAX = 200,
	DBS_MAX = 8,
	CHUNK = 20,             /* keys typed before a Ctrl-U */
	CHUNKS_PER_PROGRAM = 15,
	KEYS_MAX = CHUNKS_PER_PROGRAM * (CHUNK + 1),
	WAIT_MS = 10000,        /* for a screen that does not come up */
};

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

/* The q-quantile (0..1) of v[0..n), sorted in place. */
static double
quantile(double *v, int n, double q)
{
	qsort(v, (size_t)n, sizeof *v, bench_by_value);
	return v[(int)(q * (n - 1) + 0.5)];
}

static void
fail(const char *what, term *t)
{
	char *s = t ? term_screen(t) : NULL;

	fprintf(stderr, "bench_live: %s\n%s\n", what, s ? s : "");
	free(s);
	exit(1);
}

/* Pump until every text of texts (NULL-terminated) is on the screen. */
static bool
wait_all(term *t, const char *const *texts, int timeout_ms)
{
	double until = bench_ms(CLOCK_MONOTONIC) + timeout_ms;

	for (;;) {
		bool all = true;

		for (int i = 0; texts[i] && all; i++)
			all = term_find(t, texts[i], NULL, NULL);
		if (all)
			return true;
		if (bench_ms(CLOCK_MONOTONIC) > until || term_pump(t, (int)(until - bench_ms(CLOCK_MONOTONIC)) + 1) < 0)
			return false;
	}
}

#define WAIT(t, ...) wait_all((t), (const char *const[]){__VA_ARGS__, NULL}, WAIT_MS)

/* Run argv with its output thrown away; true when it exits 0. */
static bool
run_quietly(const char *const *argv, const char *db_env)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return false;
	if (pid == 0) {
		if (freopen("/dev/null", "w", stdout) == NULL || freopen("/dev/null", "w", stderr) == NULL)
			_exit(127);
		putenv((char *)db_env);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* The row the selection is on (drawn in reverse), -1 when none. */
static int
selected_row(term *t)
{
	for (int r = 0; r < ROWS; r++) {
		bool rev = false;

		if (term_cell_attrs(t, r, 2, NULL, NULL, NULL, &rev) && rev)
			return r;
	}
	return -1;
}

/* Move the Clients screen's selection onto the row holding name. */
static void
select_row(term *t, const char *name)
{
	for (int tries = 0; tries < 60; tries++) {
		int row, sel;

		term_wait_quiet(t, 30, 3000);
		sel = selected_row(t);
		if (!term_find(t, name, &row, NULL)) {
			term_key(t, "PageDown");
			continue;
		}
		if (sel == row)
			return;
		for (int k = 0; k < abs(row - sel); k++)
			term_key(t, row > sel ? "Down" : "Up");
	}
	fail("cannot select the client on the Clients screen", t);
}

static const char *const screens[] = {"clients", "prep", "review", "live", "recap"};
enum { SCREENS = sizeof screens / sizeof screens[0] };

static int
frames(int runs, const char *bin, const char *client, char **dbs, int ndb)
{
	static double ms[SCREENS][DBS_MAX][RUNS_MAX], ratio[SCREENS][DBS_MAX][RUNS_MAX];
	char selected[128], prep_head[160], review_head[160];
	const char *const home[] = {bin, NULL};
	const char *const meet[] = {bin, "meet", client, "Benchmark", NULL};
	const char *const plan[] = {bin, "plan", client, "Benchmark", "--item", "Budget:15",
				    "--item", "Timeline:10", NULL};

	/* The client as the screens show it: "Client 000" for "client 000". */
	snprintf(selected, sizeof selected, "%s", client);
	selected[0] = (char)(selected[0] == 'c' ? 'C' : selected[0]);
	snprintf(prep_head, sizeof prep_head, "rapport · prep · %s", selected);
	snprintf(review_head, sizeof review_head, "rapport · review · %s", selected);
	for (int r = 0; r < runs; r++) {
		for (int k = 0; k < ndb; k++) {
			int d = (k + r) % ndb;
			char db_env[1024];
			const char *env[] = {db_env, "RAPPORT_NO_SNAPSHOT=1", NULL};
			double t0;
			term *t;

			snprintf(db_env, sizeof db_env, "RAPPORT_DB=%s", dbs[d]);
			/* Clients, then Prep and Review of the client. */
			t0 = bench_ms(CLOCK_MONOTONIC);
			if ((t = term_start(home, env, ROWS, COLS)) == NULL ||
			    !WAIT(t, "rapport · clients", "Enter prep", "Client "))
				fail("the Clients screen did not come up", t);
			ms[0][d][r] = bench_ms(CLOCK_MONOTONIC) - t0;
			select_row(t, selected);
			term_wait_quiet(t, 30, 3000);
			t0 = bench_ms(CLOCK_MONOTONIC);
			term_key(t, "Enter");
			if (!WAIT(t, prep_head, "Esc back"))
				fail("the Prep screen did not come up", t);
			ms[1][d][r] = bench_ms(CLOCK_MONOTONIC) - t0;
			term_wait_quiet(t, 30, 3000);
			term_key(t, "Esc");
			if (!WAIT(t, "Enter prep"))
				fail("Esc did not go back to the Clients screen", t);
			term_wait_quiet(t, 30, 3000);
			t0 = bench_ms(CLOCK_MONOTONIC);
			term_type(t, "r");
			if (!WAIT(t, review_head, "Esc back"))
				fail("the Review screen did not come up", t);
			ms[2][d][r] = bench_ms(CLOCK_MONOTONIC) - t0;
			term_wait_quiet(t, 30, 3000);
			term_key(t, "C-c");
			term_wait_exit(t, 5000);
			term_free(t);

			/* The live screen of a planned meeting, then its Recap. */
			if (!run_quietly(plan, db_env))
				fail("rapport plan failed", NULL);
			t0 = bench_ms(CLOCK_MONOTONIC);
			if ((t = term_start(meet, env, ROWS, COLS)) == NULL ||
			    !WAIT(t, "┌ Prompts", selected, "Budget"))
				fail("the live screen did not come up", t);
			ms[3][d][r] = bench_ms(CLOCK_MONOTONIC) - t0;
			term_wait_quiet(t, 30, 3000);
			term_type(t, "a note from the bench\r");
			if (!WAIT(t, "saved"))
				fail("the note was not saved", t);
			term_wait_quiet(t, 30, 3000);
			term_key(t, "C-x");
			if (!WAIT(t, "End the meeting now?"))
				fail("Ctrl-X did not ask to end the meeting", t);
			term_wait_quiet(t, 30, 3000);
			t0 = bench_ms(CLOCK_MONOTONIC);
			term_type(t, "y");
			if (!WAIT(t, "rapport · recap", "Esc close"))
				fail("the Recap screen did not come up", t);
			ms[4][d][r] = bench_ms(CLOCK_MONOTONIC) - t0;
			term_wait_quiet(t, 30, 3000);
			term_type(t, "q");
			term_wait_exit(t, 5000);
			term_free(t);
		}
	}
	/* The ratios within each run, before quantile() sorts the times. */
	for (int s = 0; s < SCREENS; s++)
		for (int d = 0; d < ndb; d++)
			for (int r = 0; r < runs; r++)
				ratio[s][d][r] = ms[s][d][r] / ms[s][0][r];
	printf("first frame, ms (median of %d runs, min-max)\n%-8s", runs, "screen");
	for (int d = 0; d < ndb; d++)
		printf("  %20s", strrchr(dbs[d], '/') ? strrchr(dbs[d], '/') + 1 : dbs[d]);
	putchar('\n');
	for (int s = 0; s < SCREENS; s++) {
		printf("%-8s", screens[s]);
		for (int d = 0; d < ndb; d++) {
			double lo = quantile(ms[s][d], runs, 0), hi = quantile(ms[s][d], runs, 1);

			printf("  %7.1f (%5.1f-%5.1f)", quantile(ms[s][d], runs, 0.5), lo, hi);
		}
		putchar('\n');
	}
	for (int s = 0; s < SCREENS; s++)
		for (int d = 0; d < ndb; d++)
			printf("frame %s %d %.2f %.2f %.2f %.3f\n", screens[s], d,
			       quantile(ms[s][d], runs, 0.5), quantile(ms[s][d], runs, 0),
			       quantile(ms[s][d], runs, 1), quantile(ratio[s][d], runs, 0.5));
	return 0;
}

/* A program typed into: the live screen of one database, or the echo. */
typedef struct typist {
	char name[16];
	term *t;
	int pid;
	int row, col;          /* where the input line's text starts */
	double ms[KEYS_MAX];   /* send to drawn, per key */
	int n, quiet;          /* keys timed; of which drawn by going quiet */
	long long cpu;         /* ns on CPU while typed into */
} typist;

/* The screen shows the line typed so far: the cursor cells on from the
** start of the input and, unless the line is empty or ends in a space
** (nothing new to see), "> " and the line on that row. */
static bool
shows(term *t, const typist *p, const char *typed, int cells)
{
	char needle[512], *row;
	int r, c;
	bool there;

	term_cursor(t, &r, &c);
	if (r != p->row || c != p->col + cells)
		return false;
	if (typed[0] == '\0' || typed[strlen(typed) - 1] == ' ')
		return true;
	snprintf(needle, sizeof needle, "> %s", typed);
	row = term_row(t, p->row);
	there = strstr(row, needle) != NULL;
	free(row);
	return there;
}

/* Send key (bytes) and time it until p's screen shows typed. */
static void
type_one(typist *p, const char *key, const char *typed, int cells)
{
	double t0 = bench_ms(CLOCK_MONOTONIC), last = t0;
	bool got = false;

	term_type(p->t, key);
	for (;;) {
		int n = term_pump(p->t, 1);

		if (n < 0)
			fail("the program ended while typed into", p->t);
		if (n > 0) {
			got = true;
			last = bench_ms(CLOCK_MONOTONIC);
			if (shows(p->t, p, typed, cells))
				break;
		} else if (got && bench_ms(CLOCK_MONOTONIC) - last > 100) {
			p->quiet++;
			break;
		} else if (bench_ms(CLOCK_MONOTONIC) - t0 > 2000) {
			fail("a key was never drawn", p->t);
		}
	}
	if (p->n < KEYS_MAX)
		p->ms[p->n++] = last - t0;
}

/* One chunk of CHUNK keys and a Ctrl-U into p. */
static void
type_chunk(typist *p)
{
	static const char *const keys[] = {"a", "b", "é", "c", " ", "日", "d", "e", "😀", "f"};
	static const int widths[] = {1, 1, 1, 1, 1, 2, 1, 1, 2, 1};
	char typed[256] = "";
	int cells = 0;
	struct timespec pause = {0, 20 * 1000000};
	long long c0 = cpu_ns(p->pid);

	for (int k = 0; k < CHUNK; k++) {
		strcat(typed, keys[k % 10]);
		cells += widths[k % 10];
		type_one(p, keys[k % 10], typed, cells);
		nanosleep(&pause, NULL);
	}
	type_one(p, "\x15", "", 0);
	nanosleep(&pause, NULL);
	p->cpu += cpu_ns(p->pid) - c0;
}

static int
keys(const char *bin, const char *client, const char *echo, char **dbs, int ndb)
{
	static typist ps[DBS_MAX + 1];
	static char envs[DBS_MAX + 1][1024];
	int np = 0;

	if (strcmp(echo, "-") != 0) {
		const char *const args[] = {echo, NULL};

		snprintf(ps[np].name, sizeof ps[np].name, "echo");
		if ((ps[np].t = term_start(args, NULL, ROWS, COLS)) == NULL ||
		    !WAIT(ps[np].t, "curses echo"))
			fail("curses_echo did not start", ps[np].t);
		np++;
	}
	for (int d = 0; d < ndb; d++, np++) {
		const char *const args[] = {bin, "meet", client, "Benchmark", NULL};
		const char *const plan[] = {bin, "plan", client, "Benchmark", "--item", "Budget:15",
					    "--item", "Timeline:10", NULL};
		const char *env[] = {envs[np], "RAPPORT_NO_SNAPSHOT=1", NULL};

		snprintf(envs[np], sizeof envs[np], "RAPPORT_DB=%s", dbs[d]);
		if (!run_quietly(plan, envs[np]))
			fail("rapport plan failed", NULL);
		snprintf(ps[np].name, sizeof ps[np].name, "%d", d);
		if ((ps[np].t = term_start(args, env, ROWS, COLS)) == NULL ||
		    !WAIT(ps[np].t, "┌ Prompts", "Budget"))
			fail("the live screen did not come up", ps[np].t);
	}
	for (int i = 0; i < np; i++) {
		term_wait_quiet(ps[i].t, 300, 5000);
		ps[i].pid = term_pid(ps[i].t);
		term_cursor(ps[i].t, &ps[i].row, &ps[i].col);
	}
	for (int c = 0; c < CHUNKS_PER_PROGRAM; c++)
		for (int k = 0; k < np; k++)
			type_chunk(&ps[(k + c) % np]);

	printf("keystroke at a typist's pace, send to drawn (%d keys each, in turn)\n",
	       CHUNKS_PER_PROGRAM * (CHUNK + 1));
	printf("%-6s %9s %9s %9s %12s %6s\n", "", "median", "p90", "max", "CPU/key ms", "quiet");
	for (int i = 0; i < np; i++) {
		double med = quantile(ps[i].ms, ps[i].n, 0.5), p90 = quantile(ps[i].ms, ps[i].n, 0.9),
		       hi = quantile(ps[i].ms, ps[i].n, 1), cpu = ps[i].cpu / 1e6 / ps[i].n;

		printf("%-6s %9.3f %9.3f %9.3f %12.4f %6d\n", ps[i].name, med, p90, hi, cpu,
		       ps[i].quiet);
	}
	for (int i = 0; i < np; i++) {
		double med = quantile(ps[i].ms, ps[i].n, 0.5), p90 = quantile(ps[i].ms, ps[i].n, 0.9),
		       hi = quantile(ps[i].ms, ps[i].n, 1), cpu = ps[i].cpu / 1e6 / ps[i].n;

		printf("key %s %.3f %.3f %.3f %.4f %d\n", ps[i].name, med, p90, hi, cpu, ps[i].quiet);
	}
	/* Idle, all at once: ten seconds with nothing typed. */
	{
		long long before[DBS_MAX + 1];

		for (int i = 0; i < np; i++)
			before[i] = cpu_ns(ps[i].pid);
		sleep(10);
		for (int i = 0; i < np; i++) {
			term_pump(ps[i].t, 10);
			printf("idle %s %.3f %ld\n", ps[i].name, (cpu_ns(ps[i].pid) - before[i]) / 1e6 / 10,
			       status_kb(ps[i].pid, "VmHWM"));
		}
	}
	for (int i = 0; i < np; i++) {
		term_key(ps[i].t, "C-c");
		term_wait_exit(ps[i].t, 5000);
		term_free(ps[i].t);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc >= 6 && strcmp(argv[1], "frames") == 0 && argc - 5 <= DBS_MAX) {
		int runs = atoi(argv[2]);

		if (runs >= 1 && runs <= RUNS_MAX)
			return frames(runs, argv[3], argv[4], argv + 5, argc - 5);
	}
	if (argc >= 6 && strcmp(argv[1], "keys") == 0 && argc - 5 <= DBS_MAX)
		return keys(argv[2], argv[3], argv[4], argv + 5, argc - 5);
	fprintf(stderr, "usage: bench_live frames RUNS RAPPORT_BIN CLIENT DATABASE...\n"
			"       bench_live keys RAPPORT_BIN CLIENT ECHO_BIN|- DATABASE...\n");
	return 2;
}
