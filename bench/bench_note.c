/* bench_note.c: what Enter costs on the live screen, measured through the
** core without curses, beside the floor the disk sets.
**
**   bench_note DB CLIENT
**
** Opens a meeting with CLIENT and types 300 notes into it, one kind after
** another, doing for each what the live screen does after Enter: check the
** meeting is live, record the note (a transaction and its fsync), then add
** it to the session loaded when the meeting opened and compute the prompts
** through the screen's memo (only the new note is phrased).  Prints, per 50
** notes, the median CPU and wall time of the save and of showing it (the
** add, then with the prompts), so that growth with the meeting shows; then
** the median of 50 small writes with fdatasync() beside the database, the
** cost no save can go under.  The database is changed: give it a copy.
*/
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "stats.h"

#include "rapport/client.h"
#include "rapport/date.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/prompt.h"
#include "rapport/record.h"
#include "rapport/session.h"
#include "rapport/store.h"

enum { NOTES = 300, BLOCK = 50, FLOOR_WRITES = 50 };

/* The notes typed, in turn: every kind the prompts read. */
static const char *const lines[] = {
	"the budget is tight for the Q3 rollout",
	"! worried the vendor will be late soon",
	"> send the revised plan @me ^fri",
	"? who signs off the contract",
	"= we go with the phased plan",
	"+ a simple dashboard for the regional managers",
	"\" we cannot afford another slip",
};

/* The bench's own clock: a fixed start, nine seconds a note. */
static int64_t now = 1795687200;

static int64_t
clock_now(void *ctx)
{
	(void)ctx;
	return now;
}

/* The median wall time of a 4 KB write and fdatasync() in a file beside
** path: what the disk costs one commit at least.  Negative on failure. */
static double
fsync_floor(const char *path)
{
	char file[4096], block[4096] = {0};
	double w[FLOOR_WRITES];
	int fd;

	snprintf(file, sizeof file, "%s.floor", path);
	if ((fd = open(file, O_RDWR | O_CREAT | O_TRUNC, 0600)) < 0)
		return -1;
	for (int i = 0; i < FLOOR_WRITES; i++) {
		double w0 = bench_ms(CLOCK_MONOTONIC);

		if (pwrite(fd, block, sizeof block, (off_t)i * (off_t)sizeof block) < 0 ||
		    fdatasync(fd) != 0) {
			close(fd);
			unlink(file);
			return -1;
		}
		w[i] = bench_ms(CLOCK_MONOTONIC) - w0;
	}
	close(fd);
	unlink(file);
	return bench_median(w, FLOOR_WRITES);
}

int
main(int argc, char **argv)
{
	static double save_cpu[NOTES], save_wall[NOTES], load_cpu[NOTES], after_cpu[NOTES],
		after_wall[NOTES];
	rp_clock clock = {.now = clock_now};
	rp_error err = {0};
	prompt prompts[PROMPTS_MAX];
	prompt_memo *memo = prompt_memo_new();
	session *s = NULL;
	store *st;
	client c;
	int64_t meeting;
	bool resumed;
	double floor_ms;

	if (argc != 3) {
		fprintf(stderr, "usage: bench_note DB CLIENT\n");
		return 2;
	}
	if ((st = store_open(argv[1], STORE_WRITE, &err)) == NULL ||
	    client_find(st, argv[2], &c, &err) != RP_OK ||
	    meeting_open(st, &clock, c.id, "Enter bench", &meeting, &resumed, &err) != RP_OK ||
	    session_load(st, meeting, &s, &err) != RP_OK) {
		fprintf(stderr, "bench_note: %s\n", err.msg);
		return 1;
	}
	for (int i = 0; i < NOTES; i++) {
		rp_date today = date_local(now);
		parsed_note n;
		int64_t id = 0;
		double c0, w0, c1, w1, c2;

		now += 9;
		if (note_parse_line(lines[i % (int)(sizeof lines / sizeof lines[0])], today, &n, &err) !=
		    RP_OK) {
			fprintf(stderr, "bench_note: %s\n", err.msg);
			return 1;
		}
		c0 = bench_ms(CLOCK_PROCESS_CPUTIME_ID);
		w0 = bench_ms(CLOCK_MONOTONIC);
		if (meeting_check_live(st, meeting, &err) != RP_OK ||
		    record_note(st, &clock, meeting, 0, NOTE_PHASE_LIVE, &n, &id, &err) != RP_OK) {
			fprintf(stderr, "bench_note: %s\n", err.msg);
			return 1;
		}
		c1 = bench_ms(CLOCK_PROCESS_CPUTIME_ID);
		w1 = bench_ms(CLOCK_MONOTONIC);
		if (!session_add_note(s, id, now, 0, &n)) {
			fprintf(stderr, "bench_note: out of memory\n");
			return 1;
		}
		c2 = bench_ms(CLOCK_PROCESS_CPUTIME_ID);
		prompt_compute_with(s, memo, now, today, prompts, PROMPTS_MAX);
		save_cpu[i] = c1 - c0;
		save_wall[i] = w1 - w0;
		load_cpu[i] = c2 - c1;
		after_cpu[i] = bench_ms(CLOCK_PROCESS_CPUTIME_ID) - c1;
		after_wall[i] = bench_ms(CLOCK_MONOTONIC) - w1;
	}
	printf("%-9s %9s %9s   %9s %9s %9s   (medians, ms)\n", "notes", "save cpu", "wall",
	       "add", "+prompts", "wall");
	for (int a = 0; a < NOTES; a += BLOCK)
		printf("%3d-%-5d %9.3f %9.3f   %9.3f %9.3f %9.3f\n", a + 1, a + BLOCK,
		       bench_median(save_cpu + a, BLOCK), bench_median(save_wall + a, BLOCK),
		       bench_median(load_cpu + a, BLOCK), bench_median(after_cpu + a, BLOCK),
		       bench_median(after_wall + a, BLOCK));
	floor_ms = fsync_floor(argv[1]);
	if (floor_ms < 0)
		printf("fdatasync floor: could not be measured\n");
	else
		printf("fdatasync floor (4 KB write): %.3f ms; the save at notes %d-%d is %.1fx it\n",
		       floor_ms, NOTES - BLOCK + 1, NOTES,
		       bench_median(save_wall + NOTES - BLOCK, BLOCK) / floor_ms);
	session_free(s);
	prompt_memo_free(memo);
	store_close(st);
	return 0;
}
