/* harness.c: see harness.h.
**
** One pty master per term, non-blocking and close-on-exec so that programs
** started later do not inherit it.  Everything the program writes goes
** through read_output(), which feeds libvterm and keeps a copy for
** term_saw_bytes(); libvterm's answers to queries are queued by its output
** callback and written back by flush_replies(), never from inside the
** callback, since writing may have to read (and so feed libvterm) again.
*/
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

extern char **environ;  /* not declared by <unistd.h> without _GNU_SOURCE */

#define LOG_CAP (8u << 20)      /* output kept for term_saw_bytes() */
#define PUMP_MAX (1u << 20)     /* most bytes one term_pump() takes */
#define WRITE_STALL_MS 5000     /* give up typing when the pty stays full */
#define CONTINUATION ((uint32_t)-1)  /* chars[0] of a wide char's right half */

struct term {
	pid_t pid;              /* the child; its process group has the same id */
	int fd;                 /* pty master, O_NONBLOCK */
	VTerm *vt;
	VTermScreen *screen;
	bool eof;               /* the pty gave EIO: no writer is left */
	bool reaped;            /* waitpid() collected the child */
	int status;             /* exit status as term_wait_exit() returns it */
	char *log;              /* the latest output, log_len bytes */
	size_t log_len, log_cap;
	char *reply;            /* libvterm's answers not yet written back */
	size_t reply_len, reply_cap;
};

/* Report out of memory and abort: a test cannot go on without memory. */
static void
oom(void)
{
	fputs("harness: out of memory\n", stderr);
	abort();
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

/* Milliseconds on the monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
sleep_ms(int ms)
{
	struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Milliseconds left until deadline, between 0 and a billion (for poll()). */
static int
left_ms(long long deadline)
{
	long long left = deadline - now_ms();

	if (left < 0)
		return 0;
	return left > 1000000000 ? 1000000000 : (int)left;
}

/* Append UTF-8 for c to buf (which has room for 4 bytes); returns the
** number of bytes.  Anything that is not a scalar value becomes U+FFFD.
*/
static size_t
utf8_put(char *buf, uint32_t c)
{
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xC0 | c >> 6);
		buf[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		buf[0] = (char)(0xE0 | c >> 12);
		buf[1] = (char)(0x80 | (c >> 6 & 0x3F));
		buf[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | c >> 18);
	buf[1] = (char)(0x80 | (c >> 12 & 0x3F));
	buf[2] = (char)(0x80 | (c >> 6 & 0x3F));
	buf[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* libvterm's output callback: queue the bytes, flush_replies() sends them. */
static void
queue_reply(const char *s, size_t len, void *user)
{
	term *t = user;

	if (t->reply_len + len > t->reply_cap) {
		t->reply_cap = (t->reply_len + len) * 2;
		t->reply = xrealloc(t->reply, t->reply_cap);
	}
	memcpy(t->reply + t->reply_len, s, len);
	t->reply_len += len;
}

/* Keep a copy of output; when the log is full, the older half goes. */
static void
log_output(term *t, const char *buf, size_t n)
{
	if (t->log_len + n > LOG_CAP) {
		size_t drop = t->log_len / 2;

		memmove(t->log, t->log + drop, t->log_len - drop);
		t->log_len -= drop;
	}
	if (t->log_len + n > t->log_cap) {
		size_t cap = t->log_cap ? t->log_cap : 64 * 1024;

		while (cap < t->log_len + n)
			cap *= 2;
		t->log_cap = cap;
		t->log = xrealloc(t->log, cap);
	}
	memcpy(t->log + t->log_len, buf, n);
	t->log_len += n;
}

/* Read what is available now, up to PUMP_MAX bytes, into the emulator and
** the log.  Sets t->eof when the pty says no writer is left.  Returns the
** number of bytes read.
*/
static size_t
read_output(term *t)
{
	char buf[4096];
	size_t total = 0;

	while (!t->eof && total < PUMP_MAX) {
		ssize_t n = read(t->fd, buf, sizeof buf);

		if (n > 0) {
			vterm_input_write(t->vt, buf, (size_t)n);
			log_output(t, buf, (size_t)n);
			total += (size_t)n;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			break;
		} else {
			/* Linux gives EIO once every slave fd is closed. */
			if (n < 0 && errno != EIO)
				perror("harness: read pty");
			t->eof = true;
		}
	}
	return total;
}

/* Write buf[0..len) to the program.  While the pty is full, read its output
** so that a program blocked on writing cannot deadlock us.  Returns 0, or -1
** when the program has gone or the pty stayed full for WRITE_STALL_MS.
*/
static int
write_all(term *t, const char *buf, size_t len)
{
	long long stall_deadline = now_ms() + WRITE_STALL_MS;

	while (len > 0) {
		ssize_t n = write(t->fd, buf, len);

		if (n > 0) {
			buf += n;
			len -= (size_t)n;
			stall_deadline = now_ms() + WRITE_STALL_MS;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
			if (errno != EIO)
				perror("harness: write pty");
			return -1;
		}
		struct pollfd p = { .fd = t->fd, .events = POLLIN | POLLOUT };
		int left = left_ms(stall_deadline);

		if (left == 0) {
			fputs("harness: the program stopped reading its input\n", stderr);
			return -1;
		}
		if (poll(&p, 1, left) < 0 && errno != EINTR) {
			perror("harness: poll");
			return -1;
		}
		if (p.revents & (POLLIN | POLLHUP))
			read_output(t);
		if (t->eof)
			return -1;
	}
	return 0;
}

/* Write libvterm's queued answers back to the program.  Writing may read
** output that queues more, hence the loop.
*/
static void
flush_replies(term *t)
{
	while (t->reply_len > 0) {
		char *buf = t->reply;
		size_t len = t->reply_len;

		t->reply = NULL;
		t->reply_len = t->reply_cap = 0;
		int rc = write_all(t, buf, len);

		free(buf);
		if (rc < 0) {
			t->reply_len = 0;
			return;
		}
	}
}

/* Does entry ("NAME=value") set the variable name (NAME, or a prefix of
** names when prefix is true)?
*/
static bool
env_names(const char *entry, const char *name, bool prefix)
{
	size_t n = strlen(name);

	if (strncmp(entry, name, n) != 0)
		return false;
	return prefix ? strchr(entry, '=') != NULL : entry[n] == '=';
}

/* Is entry's variable set by one of extra? */
static bool
env_overridden(const char *entry, const char *const extra[])
{
	const char *eq = strchr(entry, '=');
	size_t n = eq ? (size_t)(eq - entry) : strlen(entry);

	for (size_t i = 0; extra && extra[i]; i++)
		if (strncmp(extra[i], entry, n) == 0 && extra[i][n] == '=')
			return true;
	return false;
}

/* Build the child's environment as harness.h describes it.  The array is
** malloc'd (caller frees it); its strings belong to environ, to extra or
** are literals.
*/
static const char **
build_env(const char *const extra[])
{
	static const char *const ours[] = {
		"TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
	};
	size_t n_env = 0, n_extra = 0, k = 0;

	while (environ && environ[n_env])
		n_env++;
	while (extra && extra[n_extra])
		n_extra++;
	const char **env = xrealloc(NULL, (n_env + 3 + n_extra + 1) * sizeof *env);

	for (size_t i = 0; i < n_env; i++) {
		const char *e = environ[i];

		/* A developer's LINES, COLUMNS or NO_COLOR would change what
		** ncurses draws; tests that want them pass them in extra. */
		if (env_names(e, "TERM", false) || env_names(e, "LANG", false) ||
		    env_names(e, "LC_", true) || env_names(e, "LINES", false) ||
		    env_names(e, "COLUMNS", false) || env_names(e, "NO_COLOR", false) ||
		    env_overridden(e, extra))
			continue;
		env[k++] = e;
	}
	for (size_t i = 0; i < 3; i++)
		if (!env_overridden(ours[i], extra))
			env[k++] = ours[i];
	for (size_t i = 0; i < n_extra; i++)
		env[k++] = extra[i];
	env[k] = NULL;
	return env;
}

/* In the child: default signal handling, nothing blocked, UTF-8 line
** editing, then exec.  On failure send errno down errfd and exit 127.
*/
static void
exec_child(const char *const argv[], const char **env, int errfd)
{
	struct sigaction sa;
	sigset_t none;
	struct termios tio;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (int sig = 1; sig < NSIG; sig++)
		sigaction(sig, &sa, NULL);  /* fails harmlessly for KILL, STOP */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);

	/* So the kernel's line editing erases whole UTF-8 characters. */
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		tio.c_iflag |= IUTF8;
		tcsetattr(STDIN_FILENO, TCSANOW, &tio);
	}

	environ = (char **)env;
	execvp(argv[0], (char *const *)argv);
	int err = errno;
	ssize_t unused = write(errfd, &err, sizeof err);
	(void)unused;
	_exit(127);
}

/* Set FD_CLOEXEC on fd, and O_NONBLOCK too when nonblock; -1 on error. */
static int
set_fd_flags(int fd, bool nonblock)
{
	int fl = fcntl(fd, F_GETFD);

	if (fl < 0 || fcntl(fd, F_SETFD, fl | FD_CLOEXEC) < 0)
		return -1;
	if (!nonblock)
		return 0;
	fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0)
		return -1;
	return 0;
}

/* Wait for pid without a time limit; returns its wait status or -1. */
static int
reap(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return st;
}

static int
decode_status(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return -1;
}

term *
term_start(const char *const argv[], const char *const envp_extra[], int rows,
	   int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };
	int errpipe[2] = { -1, -1 };
	const char **env = NULL;
	term *t = NULL;
	int fd = -1, err = 0;
	pid_t pid;
	ssize_t n;

	if (argv == NULL || argv[0] == NULL || rows < 1 || cols < 1) {
		fputs("harness: term_start: no program or a bad size\n", stderr);
		return NULL;
	}
	if (pipe(errpipe) < 0 || set_fd_flags(errpipe[0], false) < 0 ||
	    set_fd_flags(errpipe[1], false) < 0) {
		perror("harness: pipe");
		goto fail;
	}
	env = build_env(envp_extra);

	pid = forkpty(&fd, NULL, NULL, &ws);

	if (pid < 0) {
		perror("harness: forkpty");
		goto fail;
	}
	if (pid == 0)
		exec_child(argv, env, errpipe[1]);

	close(errpipe[1]);
	errpipe[1] = -1;
	free(env);
	env = NULL;

	while ((n = read(errpipe[0], &err, sizeof err)) < 0 && errno == EINTR)
		;
	close(errpipe[0]);
	errpipe[0] = -1;
	if (n > 0) {
		fprintf(stderr, "harness: cannot run %s: %s\n", argv[0], strerror(err));
		reap(pid);
		goto fail;
	}

	t = xrealloc(NULL, sizeof *t);
	memset(t, 0, sizeof *t);
	t->pid = pid;
	t->fd = fd;
	t->status = -1;
	if (set_fd_flags(fd, true) < 0) {
		perror("harness: fcntl");
		term_free(t);
		return NULL;
	}
	t->vt = vterm_new(rows, cols);
	if (t->vt == NULL)
		oom();
	vterm_set_utf8(t->vt, 1);
	vterm_output_set_callback(t->vt, queue_reply, t);
	t->screen = vterm_obtain_screen(t->vt);
	vterm_screen_enable_altscreen(t->screen, 1);  /* ncurses' smcup */
	vterm_screen_reset(t->screen, 1);
	return t;

fail:
	if (errpipe[0] >= 0)
		close(errpipe[0]);
	if (errpipe[1] >= 0)
		close(errpipe[1]);
	if (fd >= 0)
		close(fd);
	free(env);
	return NULL;
}

/* Wait up to timeout_ms for output or hang-up; true when there is some. */
static bool
wait_readable(term *t, int timeout_ms)
{
	long long deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	for (;;) {
		struct pollfd p = { .fd = t->fd, .events = POLLIN };
		int rc = poll(&p, 1, left_ms(deadline));

		if (rc > 0)
			return true;
		if (rc == 0)
			return false;
		if (errno != EINTR) {
			perror("harness: poll");
			return false;
		}
	}
}

int
term_pump(term *t, int timeout_ms)
{
	if (t->eof)
		return -1;
	if (!wait_readable(t, timeout_ms))
		return 0;

	size_t n = read_output(t);

	flush_replies(t);
	if (n == 0 && t->eof)
		return -1;
	return (int)n;  /* at most PUMP_MAX + 4096 */
}

/* Fetch the cell at row, col; false when it is off the screen. */
static bool
get_cell(term *t, int row, int col, VTermScreenCell *cell)
{
	VTermPos pos = { .row = row, .col = col };
	int rows, cols;

	vterm_get_size(t->vt, &rows, &cols);
	if (row < 0 || row >= rows || col < 0 || col >= cols)
		return false;
	memset(cell, 0, sizeof *cell);
	return vterm_screen_get_cell(t->screen, pos, cell) != 0;
}

/* The text of row, untrimmed, malloc'd.  When colmap is not NULL, set it
** to a malloc'd array giving for each byte of the text the column of the
** cell it came from (one more entry, for the terminating NUL).
*/
static char *
row_text(term *t, int row, int **colmap)
{
	int rows, cols;
	size_t len = 0;

	vterm_get_size(t->vt, &rows, &cols);
	if (row < 0 || row >= rows)
		cols = 0;

	/* A cell holds at most VTERM_MAX_CHARS_PER_CELL code points. */
	size_t cap = (size_t)cols * VTERM_MAX_CHARS_PER_CELL * 4 + 1;
	char *s = xrealloc(NULL, cap);
	int *map = colmap ? xrealloc(NULL, cap * sizeof *map) : NULL;

	for (int col = 0; col < cols; col++) {
		VTermScreenCell cell;
		size_t start = len;

		if (!get_cell(t, row, col, &cell) || cell.chars[0] == 0) {
			s[len++] = ' ';
		} else if (cell.chars[0] != CONTINUATION) {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
				len += utf8_put(s + len, cell.chars[i]);
		}
		for (size_t i = start; map && i < len; i++)
			map[i] = col;
	}
	s[len] = '\0';
	if (map) {
		map[len] = cols;
		*colmap = map;
	}
	return s;
}

char *
term_row(term *t, int row)
{
	char *s = row_text(t, row, NULL);
	size_t len = strlen(s);

	while (len > 0 && s[len - 1] == ' ')
		len--;
	s[len] = '\0';
	return s;
}

char *
term_screen(term *t)
{
	int rows, cols;
	char *out = NULL;
	size_t len = 0;

	vterm_get_size(t->vt, &rows, &cols);
	for (int row = 0; row < rows; row++) {
		char *r = term_row(t, row);
		size_t n = strlen(r);

		out = xrealloc(out, len + n + 2);
		memcpy(out + len, r, n);
		len += n;
		if (row + 1 < rows)
			out[len++] = '\n';
		free(r);
	}
	out = xrealloc(out, len + 1);
	out[len] = '\0';
	return out;
}

int
term_find(term *t, const char *utf8_text, int *row, int *col)
{
	int rows, cols;

	vterm_get_size(t->vt, &rows, &cols);
	for (int r = 0; r < rows; r++) {
		int *map;
		char *s = row_text(t, r, &map);
		char *hit = strstr(s, utf8_text);

		if (hit) {
			if (row)
				*row = r;
			if (col)
				*col = map[hit - s];
		}
		free(s);
		free(map);
		if (hit)
			return 1;
	}
	return 0;
}

bool
term_wait_for(term *t, const char *utf8_text, int timeout_ms)
{
	long long deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	for (;;) {
		if (term_find(t, utf8_text, NULL, NULL))
			return true;
		int left = left_ms(deadline);

		if (left == 0 || term_pump(t, left) < 0)
			return false;
	}
}

bool
term_wait_gone(term *t, const char *utf8_text, int timeout_ms)
{
	long long deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	for (;;) {
		if (!term_find(t, utf8_text, NULL, NULL))
			return true;
		int left = left_ms(deadline);

		if (left == 0 || term_pump(t, left) < 0)
			return false;
	}
}

bool
term_wait_quiet(term *t, int quiet_ms, int timeout_ms)
{
	long long last = now_ms();
	long long deadline = last + (timeout_ms > 0 ? timeout_ms : 0);

	for (;;) {
		long long now = now_ms();

		if (now - last >= quiet_ms)
			return true;
		if (now >= deadline)
			return false;

		long long wait = last + quiet_ms - now;

		if (wait > deadline - now)
			wait = deadline - now;

		int n = term_pump(t, (int)wait);

		if (n < 0)
			return true;
		if (n > 0)
			last = now_ms();
	}
}

/* A cell colour as harness.h describes it: index, -1 default, -2 RGB. */
static int
color_index(const VTermColor *c)
{
	if (c->type & VTERM_COLOR_DEFAULT_MASK)
		return -1;
	if (VTERM_COLOR_IS_INDEXED(c))
		return c->indexed.idx;
	return -2;
}

bool
term_cell_attrs(term *t, int row, int col, int *fg_index, int *bg_index,
		bool *bold, bool *reverse)
{
	VTermScreenCell cell;

	if (!get_cell(t, row, col, &cell))
		return false;
	/* libvterm leaves a right half's pen as it was before the glyph. */
	if (cell.chars[0] == CONTINUATION && col > 0 && !get_cell(t, row, col - 1, &cell))
		return false;
	if (fg_index)
		*fg_index = color_index(&cell.fg);
	if (bg_index)
		*bg_index = color_index(&cell.bg);
	if (bold)
		*bold = cell.attrs.bold;
	if (reverse)
		*reverse = cell.attrs.reverse;
	return true;
}

bool
term_any_color(term *t)
{
	int rows, cols;

	vterm_get_size(t->vt, &rows, &cols);
	for (int row = 0; row < rows; row++) {
		for (int col = 0; col < cols; col++) {
			VTermScreenCell cell;

			if (!get_cell(t, row, col, &cell) || cell.chars[0] == CONTINUATION)
				continue;
			if (color_index(&cell.fg) != -1 || color_index(&cell.bg) != -1)
				return true;
		}
	}
	return false;
}

void
term_cursor(term *t, int *row, int *col)
{
	VTermPos pos;

	vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &pos);
	if (row)
		*row = pos.row;
	if (col)
		*col = pos.col;
}

void
term_type(term *t, const char *bytes)
{
	flush_replies(t);
	write_all(t, bytes, strlen(bytes));
}

void
term_key(term *t, const char *name)
{
	/* Keys whose bytes depend on modes the program sets go through
	** libvterm, which knows those modes; the others are plain bytes. */
	static const struct {
		const char *name;
		VTermKey key;
		VTermModifier mod;
		const char *bytes;
	} keys[] = {
		{ "Up", VTERM_KEY_UP, VTERM_MOD_NONE, NULL },
		{ "Down", VTERM_KEY_DOWN, VTERM_MOD_NONE, NULL },
		{ "Left", VTERM_KEY_LEFT, VTERM_MOD_NONE, NULL },
		{ "Right", VTERM_KEY_RIGHT, VTERM_MOD_NONE, NULL },
		{ "Home", VTERM_KEY_HOME, VTERM_MOD_NONE, NULL },
		{ "End", VTERM_KEY_END, VTERM_MOD_NONE, NULL },
		{ "Insert", VTERM_KEY_INS, VTERM_MOD_NONE, NULL },
		{ "Delete", VTERM_KEY_DEL, VTERM_MOD_NONE, NULL },
		{ "PageUp", VTERM_KEY_PAGEUP, VTERM_MOD_NONE, NULL },
		{ "PageDown", VTERM_KEY_PAGEDOWN, VTERM_MOD_NONE, NULL },
		{ "Backspace", VTERM_KEY_NONE, VTERM_MOD_NONE, "\x7f" },
		{ "Enter", VTERM_KEY_NONE, VTERM_MOD_NONE, "\r" },
		{ "Tab", VTERM_KEY_NONE, VTERM_MOD_NONE, "\t" },
		{ "BTab", VTERM_KEY_NONE, VTERM_MOD_NONE, "\x1b[Z" },
		{ "Esc", VTERM_KEY_NONE, VTERM_MOD_NONE, "\x1b" },
	};

	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' &&
	    name[3] == '\0') {
		char c[2] = { (char)(name[2] - 'a' + 1), '\0' };

		term_type(t, c);
		return;
	}
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long n = strtol(name + 1, &end, 10);

		if (*end == '\0' && n >= 1 && n <= 12) {
			flush_replies(t);
			vterm_keyboard_key(t->vt, VTERM_KEY_FUNCTION((int)n), VTERM_MOD_NONE);
			flush_replies(t);
			return;
		}
	}
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		if (strcmp(keys[i].name, name) != 0)
			continue;
		if (keys[i].bytes) {
			term_type(t, keys[i].bytes);
		} else {
			flush_replies(t);
			vterm_keyboard_key(t->vt, keys[i].key, keys[i].mod);
			flush_replies(t);
		}
		return;
	}
	fprintf(stderr, "harness: term_key: no key named \"%s\"\n", name);
	abort();
}

void
term_resize(term *t, int rows, int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	vterm_set_size(t->vt, rows, cols);
	if (ioctl(t->fd, TIOCSWINSZ, &ws) < 0)
		perror("harness: TIOCSWINSZ");
}

void
term_kill(term *t, int sig)
{
	if (!t->reaped && kill(t->pid, sig) < 0)
		perror("harness: kill");
}

int
term_wait_exit(term *t, int timeout_ms)
{
	long long deadline = now_ms() + (timeout_ms > 0 ? timeout_ms : 0);

	while (!t->reaped) {
		int st;
		pid_t r = waitpid(t->pid, &st, WNOHANG);

		if (r == t->pid) {
			t->reaped = true;
			t->status = decode_status(st);
			break;
		}
		if (r < 0 && errno != EINTR) {
			perror("harness: waitpid");
			t->reaped = true;
			break;
		}
		int left = left_ms(deadline);

		if (left == 0)
			return -1;
		if (left > 10)
			left = 10;
		if (term_pump(t, left) < 0)
			sleep_ms(left);  /* pty closed but the process lingers */
	}
	while (term_pump(t, 0) > 0)
		;
	return t->status;
}

bool
term_saw_bytes(term *t, const char *bytes, size_t len)
{
	if (len == 0)
		return true;
	for (size_t i = 0; i + len <= t->log_len; i++)
		if (t->log[i] == bytes[0] && memcmp(t->log + i, bytes, len) == 0)
			return true;
	return false;
}

void
term_free(term *t)
{
	if (t == NULL)
		return;
	if (!t->reaped) {
		/* The child leads its own session and group: take its children
		** along, or they would keep running after the test. */
		kill(-t->pid, SIGKILL);
		kill(t->pid, SIGKILL);
		reap(t->pid);
	}
	if (t->fd >= 0)
		close(t->fd);
	if (t->vt)
		vterm_free(t->vt);
	free(t->log);
	free(t->reply);
	free(t);
}

int
term_pid(const term *t)
{
	return (int)t->pid;
}
