/* test_harness.c: the screen-test harness (harness.h) driving programs
** found on any Debian machine: /bin/sh, stty, head, od, sleep, cat.
*/
#include "harness.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"

#define WAIT_MS 5000  /* generous: the self-test also runs under ASan */

/* Print the screen as TAP comments, to explain a failure. */
static void
dump(term *t)
{
	char *s = term_screen(t);
	char *line = s;

	printf("# screen:\n");
	for (char *nl; (nl = strchr(line, '\n')); line = nl + 1)
		printf("# |%.*s\n", (int)(nl - line), line);
	printf("# |%s\n", line);
	free(s);
}

#define WAIT_FOR(t, text)                                                   \
	do {                                                                \
		if (!term_wait_for(t, text, WAIT_MS)) {                     \
			tap_fail(__FILE__, __LINE__, "\"%s\" never appeared", text); \
			dump(t);                                            \
		}                                                           \
	} while (0)

#define CHECK_ROW(t, row, want)                                             \
	do {                                                                \
		char *r_ = term_row(t, row);                                \
		CHECK_STR(r_, want);                                        \
		free(r_);                                                   \
	} while (0)

/* Start sh -c script in a rows x cols terminal. */
static term *
start_sh(const char *script, const char *const extra[], int rows, int cols)
{
	const char *const argv[] = { "/bin/sh", "-c", script, NULL };

	return term_start(argv, extra, rows, cols);
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Open file descriptors of this process. */
static int
count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	if (d == NULL)
		return -1;
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

static const char colours_script[] =
	"printf 'h\\303\\251llo \\346\\227\\245\\346\\234\\254 \\360\\237\\230\\200\\n';"
	"printf '\\033[31mred\\033[0m plain\\n';"
	"printf '\\033[1;7mBR\\033[0m \\033[38;5;200mX\\033[0m \\033[44mB\\033[0m "
	"\\033[91mH\\033[0m \\033[38;2;1;2;3mR\\033[0m \\033[32m\\346\\227\\245\\033[0m\\n';"
	"read x; echo \"got:$x\"";

static void
reads_accents_cjk_and_emoji(void)
{
	term *t = start_sh(colours_script, NULL, 24, 80);
	int row = -1, col = -1;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "BR");
	CHECK_ROW(t, 0, "héllo 日本 😀");
	CHECK(term_find(t, "é", &row, &col));
	CHECK_INT(row, 0);
	CHECK_INT(col, 1);
	CHECK(term_find(t, "本", &row, &col));
	CHECK_INT(col, 8);   /* 日 takes cells 6 and 7 */
	CHECK(term_find(t, "😀", &row, &col));
	CHECK_INT(col, 11);  /* libvterm gives U+1F600 two cells, as wcwidth() */
	CHECK(term_find(t, "plain", &row, &col));
	CHECK_INT(row, 1);
	CHECK_INT(col, 4);
	CHECK(!term_find(t, "日本😀", NULL, NULL));
	CHECK(!term_find(t, "llo\nred", NULL, NULL));  /* no match across rows */
	term_free(t);
}

static void
reads_colours_and_attributes(void)
{
	term *t = start_sh(colours_script, NULL, 24, 80);
	int fg = 99, bg = 99;
	bool bold = true, rev = true;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "BR");
	CHECK(term_any_color(t));

	CHECK(term_cell_attrs(t, 1, 0, &fg, &bg, &bold, &rev));  /* "red" */
	CHECK_INT(fg, 1);
	CHECK_INT(bg, -1);
	CHECK(!bold && !rev);
	CHECK(term_cell_attrs(t, 1, 2, &fg, &bg, NULL, NULL));
	CHECK_INT(fg, 1);
	CHECK(term_cell_attrs(t, 1, 4, &fg, &bg, &bold, &rev));  /* "plain" */
	CHECK_INT(fg, -1);
	CHECK_INT(bg, -1);
	CHECK(term_cell_attrs(t, 0, 0, &fg, &bg, NULL, NULL));   /* "héllo" */
	CHECK_INT(fg, -1);
	CHECK_INT(bg, -1);

	CHECK(term_cell_attrs(t, 2, 0, &fg, &bg, &bold, &rev));  /* "BR" */
	CHECK(bold && rev);
	CHECK_INT(fg, -1);
	CHECK(term_cell_attrs(t, 2, 3, &fg, NULL, NULL, NULL));  /* 38;5;200 */
	CHECK_INT(fg, 200);
	CHECK(term_cell_attrs(t, 2, 5, &fg, &bg, NULL, NULL));   /* 44 */
	CHECK_INT(fg, -1);
	CHECK_INT(bg, 4);
	CHECK(term_cell_attrs(t, 2, 7, &fg, NULL, &bold, NULL)); /* 91 */
	CHECK_INT(fg, 9);
	CHECK(!bold);
	CHECK(term_cell_attrs(t, 2, 9, &fg, NULL, NULL, NULL));  /* 38;2;r;g;b */
	CHECK_INT(fg, -2);
	CHECK(term_cell_attrs(t, 2, 11, &fg, NULL, NULL, NULL)); /* green 日 */
	CHECK_INT(fg, 2);
	CHECK(term_cell_attrs(t, 2, 12, &fg, NULL, NULL, NULL)); /* its right half */
	CHECK_INT(fg, 2);

	CHECK(!term_cell_attrs(t, 24, 0, &fg, NULL, NULL, NULL));
	CHECK(!term_cell_attrs(t, 0, 80, &fg, NULL, NULL, NULL));
	CHECK(!term_cell_attrs(t, -1, 0, NULL, NULL, NULL, NULL));
	term_free(t);
}

static void
plain_screen_has_no_colour(void)
{
	term *t = start_sh("printf 'no colour here \\346\\227\\245\\n'; read x", NULL, 10, 40);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "no colour here 日");
	CHECK(!term_any_color(t));
	term_free(t);
}

static void
typed_line_reaches_program(void)
{
	term *t = start_sh(colours_script, NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "BR");
	term_type(t, "wörld 世界\r");
	WAIT_FOR(t, "got:wörld 世界");
	CHECK_ROW(t, 3, "wörld 世界");  /* the pty's echo */
	CHECK_ROW(t, 4, "got:wörld 世界");
	CHECK_INT(term_wait_exit(t, WAIT_MS), 0);
	CHECK_INT(term_wait_exit(t, 0), 0);  /* reaped: same answer at once */
	CHECK_INT(term_pump(t, 100), -1);
	term_free(t);
}

static void
row_and_screen_text(void)
{
	term *t = start_sh("printf 'ab  \\nx\\n\\n  cd'; read x", NULL, 5, 10);
	char *s;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "cd");
	CHECK_ROW(t, 0, "ab");
	CHECK_ROW(t, 2, "");
	CHECK_ROW(t, 3, "  cd");
	CHECK_ROW(t, 5, "");
	CHECK_ROW(t, -1, "");
	s = term_screen(t);
	CHECK_STR(s, "ab\nx\n\n  cd\n");
	free(s);
	term_free(t);
}

static void
cursor_position(void)
{
	term *t = start_sh("printf 'ab\\ncd'; read x", NULL, 24, 80);
	int row = -1, col = -1;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "cd");
	CHECK(term_wait_quiet(t, 100, WAIT_MS));
	term_cursor(t, &row, &col);
	CHECK_INT(row, 1);
	CHECK_INT(col, 2);
	term_free(t);
}

static void
environment(void)
{
	const char *const extra[] = { "FOO=bar baz", "LC_ALL=C", NULL };
	term *t;

	setenv("COLUMNS", "7", 1);
	setenv("NO_COLOR", "1", 1);
	t = start_sh("echo \"T=$TERM L=$LANG A=$LC_ALL F=$FOO C=$COLUMNS N=$NO_COLOR.\"; read x",
		     extra, 24, 80);
	unsetenv("COLUMNS");
	unsetenv("NO_COLOR");
	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "T=xterm-256color L=C.UTF-8 A=C F=bar baz C= N=.");
	term_free(t);
}

static void
resize_reaches_program(void)
{
	term *t = start_sh("read x; stty size; read y", NULL, 24, 80);
	int row = -1, col = -1;
	char line[97];

	CHECK(t != NULL);
	if (t == NULL)
		return;
	term_resize(t, 30, 100);
	term_type(t, "\r");
	WAIT_FOR(t, "30 100");
	/* The emulator is 100 wide too: the echo of a 95-cell line fits. */
	memset(line, 'x', 95);
	strcpy(line + 95, "|");
	term_type(t, line);
	WAIT_FOR(t, "|");
	CHECK(term_find(t, "|", &row, &col));
	CHECK_INT(col, 95);
	CHECK(term_find(t, "xx", &row, NULL));
	CHECK_INT(row, 2);
	term_type(t, "\r");
	CHECK_INT(term_wait_exit(t, WAIT_MS), 0);
	term_free(t);
}

static void
resize_sends_sigwinch(void)
{
	term *t = start_sh("trap 'stty size' WINCH; echo ready; "
			   "while :; do sleep 0.05; done", NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "ready");
	term_resize(t, 10, 40);
	WAIT_FOR(t, "10 40");
	term_resize(t, 12, 50);
	WAIT_FOR(t, "12 50");
	term_free(t);
}

static void
kill_gives_128_plus_signal(void)
{
	term *t = start_sh("echo ready; exec sleep 30", NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "ready");
	CHECK_INT(term_wait_exit(t, 50), -1);
	term_kill(t, SIGKILL);
	CHECK_INT(term_wait_exit(t, WAIT_MS), 128 + 9);
	term_free(t);

	t = start_sh("echo ready; exec sleep 30", NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "ready");
	term_kill(t, SIGTERM);
	CHECK_INT(term_wait_exit(t, WAIT_MS), 128 + 15);
	term_free(t);
}

static void
exit_status(void)
{
	term *t = start_sh("echo bye; exit 3", NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	CHECK_INT(term_wait_exit(t, WAIT_MS), 3);
	CHECK(term_find(t, "bye", NULL, NULL));  /* output drained on exit */
	term_free(t);
}

static void
wait_for_times_out(void)
{
	term *t = start_sh("echo here; read x", NULL, 24, 80);
	long long t0;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "here");
	t0 = now_ms();
	CHECK(!term_wait_for(t, "never", 200));
	CHECK(now_ms() - t0 >= 190);
	CHECK(now_ms() - t0 < 1000);
	t0 = now_ms();
	CHECK(!term_wait_for(t, "never", 0));
	CHECK(now_ms() - t0 < 100);
	CHECK(!term_wait_gone(t, "here", 100));
	term_free(t);

	/* A program that ended cannot show it any more: no need to wait. */
	t = start_sh("echo bye", NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	t0 = now_ms();
	CHECK(!term_wait_for(t, "never", 10000));
	CHECK(now_ms() - t0 < 3000);
	CHECK(term_find(t, "bye", NULL, NULL));
	term_free(t);
}

static void
wait_gone(void)
{
	term *t = start_sh("stty -echo; printf busy; read x; printf '\\r\\033[K'; "
			   "echo done; read y", NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "busy");
	CHECK(term_wait_quiet(t, 100, WAIT_MS));
	term_type(t, "\r");
	CHECK(term_wait_gone(t, "busy", WAIT_MS));
	WAIT_FOR(t, "done");
	CHECK_ROW(t, 0, "done");
	term_free(t);
}

static void
wait_quiet(void)
{
	term *t = start_sh("i=0; while [ $i -lt 5 ]; do echo tick$i; sleep 0.05; "
			   "i=$((i+1)); done; read x", NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	CHECK(term_wait_quiet(t, 400, WAIT_MS));
	CHECK(term_find(t, "tick4", NULL, NULL));
	term_free(t);

	t = start_sh("while :; do echo x; sleep 0.02; done", NULL, 24, 80);
	CHECK(t != NULL);
	if (t == NULL)
		return;
	CHECK(!term_wait_quiet(t, 300, 600));
	term_free(t);
}

static void
saw_bytes(void)
{
	term *t = start_sh(colours_script, NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "BR");
	CHECK(term_saw_bytes(t, "\033[31m", 5));
	CHECK(term_saw_bytes(t, "\033[38;2;1;2;3m", 13));
	CHECK(!term_saw_bytes(t, "\033[32mX", 6));
	CHECK(term_saw_bytes(t, "", 0));
	term_free(t);
}

static void
answers_cursor_position_query(void)
{
	/* DSR 6: libvterm's answer must reach the program through the pty. */
	term *t = start_sh("stty -echo -icanon min 1; printf '\\033[6n'; "
			   "head -c 6 | od -An -tx1", NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "1b 5b 31 3b 31 52");  /* ESC [ 1 ; 1 R */
	CHECK_INT(term_wait_exit(t, WAIT_MS), 0);
	term_free(t);
}

static void
named_keys_normal_mode(void)
{
	term *t = start_sh("stty -echo -icanon -icrnl -isig min 1; echo ready; "
			   "head -c 32 | od -An -tx1 -v -w40", NULL, 10, 132);
	static const char *const names[] = {
		"Up", "Down", "Home", "End", "Delete", "F1", "BTab", "C-a", "C-z",
		"Backspace", "Enter", "Esc", "Tab", "PageDown",
	};

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "ready");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		term_key(t, names[i]);
	WAIT_FOR(t, "1b 5b 41 1b 5b 42 1b 5b 48 1b 5b 46 1b 5b 33 7e 1b 4f 50 "
		 "1b 5b 5a 01 1a 7f 0d 1b 09 1b 5b 36 7e");
	CHECK_INT(term_wait_exit(t, WAIT_MS), 0);
	term_free(t);
}

static void
named_keys_application_mode(void)
{
	/* ncurses' keypad(TRUE) sends smkx, ESC [ ? 1 h: the cursor keys
	** then come as SS3, which is what xterm-256color's terminfo lists. */
	term *t = start_sh("printf '\\033[?1h'; stty -echo -icanon min 1; "
			   "echo ready; head -c 12 | od -An -tx1", NULL, 10, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "ready");
	term_key(t, "Up");
	term_key(t, "Left");
	term_key(t, "Home");
	term_key(t, "End");
	WAIT_FOR(t, "1b 4f 41 1b 4f 44 1b 4f 48 1b 4f 46");
	term_free(t);
}

static void
alternate_screen(void)
{
	term *t = start_sh("stty -echo; echo main; printf '\\033[?1049h\\033[H\\033[2J'; "
			   "echo alt; read x; printf '\\033[?1049l'; read y", NULL, 10, 40);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "alt");
	CHECK(!term_find(t, "main", NULL, NULL));
	term_type(t, "\r");
	WAIT_FOR(t, "main");
	CHECK(term_wait_gone(t, "alt", WAIT_MS));
	term_free(t);
}

static void
long_input_does_not_deadlock(void)
{
	/* 2000 lines typed at once; cat echoes them back while the pty's
	** input queue fills, so typing must read output as it goes. */
	term *t = start_sh("stty -echo; cat", NULL, 24, 80);
	size_t len = 2000 * 61 + 8;
	char *buf = malloc(len + 1), *p = buf;

	CHECK(t != NULL && buf != NULL);
	if (t == NULL || buf == NULL) {
		term_free(t);
		free(buf);
		return;
	}
	for (int i = 0; i < 2000; i++) {
		memset(p, 'a' + i % 26, 60);
		p[60] = '\r';
		p += 61;
	}
	strcpy(p, "the end\r");
	term_type(t, buf);
	WAIT_FOR(t, "the end");
	CHECK(term_saw_bytes(t, "the end", 7));
	free(buf);
	term_kill(t, SIGTERM);
	CHECK_INT(term_wait_exit(t, WAIT_MS), 128 + 15);
	term_free(t);
}

static void
big_output_keeps_the_latest(void)
{
	/* More than the 8 MiB kept: the log drops its oldest half. */
	term *t = start_sh("head -c 10000000 /dev/zero | tr '\\000' a; echo; echo END; read x",
			   NULL, 24, 80);

	CHECK(t != NULL);
	if (t == NULL)
		return;
	if (!term_wait_for(t, "END", 60000)) {
		tap_fail(__FILE__, __LINE__, "END never appeared");
		dump(t);
	}
	CHECK(term_saw_bytes(t, "\r\nEND\r\n", 7));
	CHECK(term_saw_bytes(t, "aaaaaaaa", 8));
	term_free(t);
}

static void
start_failure_returns_null(void)
{
	const char *const argv[] = { "/nonexistent/rapport-harness-test", NULL };
	const char *const none[] = { NULL };

	CHECK(term_start(argv, NULL, 24, 80) == NULL);
	CHECK(term_start(none, NULL, 24, 80) == NULL);
	CHECK(term_start(argv, NULL, 0, 80) == NULL);
}

static void
free_kills_and_releases(void)
{
	int before = count_fds();
	term *t = start_sh("sleep 30 & echo bg=$!; sleep 30", NULL, 24, 80);
	long long t0 = now_ms();
	int row, col, bg = 0;
	char *r;

	CHECK(t != NULL);
	if (t == NULL)
		return;
	WAIT_FOR(t, "bg=");
	CHECK(term_find(t, "bg=", &row, &col));
	r = term_row(t, row);
	bg = atoi(r + col + 3);
	free(r);
	CHECK(bg > 0);
	term_free(t);
	term_free(NULL);
	CHECK(now_ms() - t0 < 3000);
	CHECK_INT(count_fds(), before);

	/* The background sleep shared the group: it is dead (maybe a zombie
	** waiting for init) rather than sleeping on. */
	bool gone = false;

	for (int i = 0; i < 100 && bg > 0 && !gone; i++) {
		char path[64], state = 0;
		FILE *f;

		snprintf(path, sizeof path, "/proc/%d/stat", bg);
		f = fopen(path, "r");
		if (f == NULL) {
			gone = true;
			break;
		}
		if (fscanf(f, "%*d (%*[^)]) %c", &state) == 1 && (state == 'Z' || state == 'X'))
			gone = true;
		fclose(f);
		if (!gone) {
			struct timespec ts = { .tv_nsec = 10 * 1000000L };

			nanosleep(&ts, NULL);
		}
	}
	CHECK(gone);
}

static int fds_at_start;  /* before the first test */

static void
no_descriptor_leaked(void)
{
	CHECK_INT(count_fds(), fds_at_start);
}

int
main(void)
{
	fds_at_start = count_fds();

	RUN(reads_accents_cjk_and_emoji);
	RUN(reads_colours_and_attributes);
	RUN(plain_screen_has_no_colour);
	RUN(typed_line_reaches_program);
	RUN(row_and_screen_text);
	RUN(cursor_position);
	RUN(environment);
	RUN(resize_reaches_program);
	RUN(resize_sends_sigwinch);
	RUN(kill_gives_128_plus_signal);
	RUN(exit_status);
	RUN(wait_for_times_out);
	RUN(wait_gone);
	RUN(wait_quiet);
	RUN(saw_bytes);
	RUN(answers_cursor_position_query);
	RUN(named_keys_normal_mode);
	RUN(named_keys_application_mode);
	RUN(alternate_screen);
	RUN(long_input_does_not_deadlock);
	RUN(big_output_keeps_the_latest);
	RUN(start_failure_returns_null);
	RUN(free_kills_and_releases);
	RUN(no_descriptor_leaked);
	return tap_done();
}
