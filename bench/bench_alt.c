/* bench_alt.c: time commands side by side, alternating run by run.
**
**   bench_alt ROUNDS -- COMMAND [ARG...] [-- COMMAND [ARG...]]...
**
** Runs every command once per round, ROUNDS rounds, the order turning by
** one each round (A B C, B C A, C A B, ...), so that the machine's load
** falls on all of them alike.  Each run is timed from spawn to exit
** (CLOCK_MONOTONIC), its output to /dev/null.  Prints one line per
** command, in the order given:
**
**   INDEX MEDIAN_MS MIN_MS MAX_MS RATIO PEAK_KB EXITS
**
** RATIO is the median over the rounds of this command's time over the
** first command's in the same round (1 for the first); PEAK_KB the
** highest resident size of its runs (ru_maxrss: the command's own, or the
** 1.5 MB bench_alt holds at the spawn if that is more); EXITS its exit
** statuses, comma
** separated ("0", or "0,1" when some runs failed).  No shell: each
** COMMAND is run as it is, looked up in PATH.
*/
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "stats.h"

extern char **environ;

enum { COMMANDS_MAX = 16, ROUNDS_MAX = 1000 };

/* Run argv once: its wall time in ms, its status in *status (-1 when it
** could not be started), its peak resident size in *kb. */
static double
run(char **argv, posix_spawn_file_actions_t *fa, int *status, long *kb)
{
	struct rusage ru;
	double t0 = bench_ms(CLOCK_MONOTONIC), t;
	pid_t pid;
	int st;

	if (posix_spawnp(&pid, argv[0], fa, NULL, argv, environ) != 0) {
		*status = -1;
		return 0;
	}
	if (wait4(pid, &st, 0, &ru) < 0) {
		*status = -1;
		return 0;
	}
	t = bench_ms(CLOCK_MONOTONIC) - t0;
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	*kb = ru.ru_maxrss;
	return t;
}

int
main(int argc, char **argv)
{
	static double times[COMMANDS_MAX][ROUNDS_MAX], ratios[COMMANDS_MAX][ROUNDS_MAX];
	char **cmd[COMMANDS_MAX];
	unsigned exits[COMMANDS_MAX] = {0}; /* bit s: status s seen (s < 32) */
	long peak[COMMANDS_MAX] = {0};
	posix_spawn_file_actions_t fa;
	int ncmd = 0, rounds;

	if (argc < 4 || strcmp(argv[2], "--") != 0 || (rounds = atoi(argv[1])) < 1 ||
	    rounds > ROUNDS_MAX) {
		fprintf(stderr, "usage: bench_alt ROUNDS -- COMMAND [ARG...] [-- COMMAND...]...\n");
		return 2;
	}
	/* Cut argv at each "--" into the commands. */
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--") != 0)
			continue;
		argv[i] = NULL;
		if (i + 1 < argc && strcmp(argv[i + 1], "--") != 0) {
			if (ncmd == COMMANDS_MAX) {
				fprintf(stderr, "bench_alt: at most %d commands\n", COMMANDS_MAX);
				return 2;
			}
			cmd[ncmd++] = argv + i + 1;
		}
	}
	if (ncmd == 0) {
		fprintf(stderr, "bench_alt: no command\n");
		return 2;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < ncmd; k++) {
			int c = (k + r) % ncmd, status;
			long kb = 0;

			times[c][r] = run(cmd[c], &fa, &status, &kb);
			if (status < 0) {
				fprintf(stderr, "bench_alt: cannot run %s\n", cmd[c][0]);
				return 1;
			}
			exits[c] |= 1u << (status < 32 ? status : 31);
			if (kb > peak[c])
				peak[c] = kb;
		}
		for (int c = 0; c < ncmd; c++)
			ratios[c][r] = times[c][r] / times[0][r];
	}
	for (int c = 0; c < ncmd; c++) {
		double lo = times[c][0], hi = times[c][0];
		const char *sep = "";

		for (int r = 1; r < rounds; r++) {
			lo = times[c][r] < lo ? times[c][r] : lo;
			hi = times[c][r] > hi ? times[c][r] : hi;
		}
		printf("%d %.3f %.3f %.3f %.3f %ld ", c, bench_median(times[c], (size_t)rounds), lo, hi,
		       bench_median(ratios[c], (size_t)rounds), peak[c]);
		for (int s = 0; s < 32; s++)
			if (exits[c] & (1u << s)) {
				printf("%s%d", sep, s);
				sep = ",";
			}
		putchar('\n');
	}
	posix_spawn_file_actions_destroy(&fa);
	return 0;
}
