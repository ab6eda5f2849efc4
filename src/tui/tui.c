/* tui.c: curses set-up and the main loop of the screens.
**
** One thread.  Draw when something changed, then wait in get_wch() with a
** timeout that ends at the next whole second, so clocks tick once a second
** and nothing runs in between.
*/
#include "tui.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <unistd.h>

#include "live_sync.h"
#include "rapport/i18n.h"
#include "meet.h"
#include "recovery.h"
#include "screen.h"

/* SIGTERM or SIGHUP (a closed terminal): the signal, for the loop to
** stop at its next turn, and the store whose query to cut short. */
static volatile sig_atomic_t stop_requested;
static store *volatile stop_store;

/* Only async-signal-safe calls: a flag, and sqlite3_interrupt, so a long
** query ends at once and get_wch() returns (EINTR, or its one-second
** timeout at the latest). */
static void
on_stop_signal(int sig)
{
	stop_requested = sig;
	store_interrupt(stop_store);
}

/* Milliseconds until the next whole second of the real clock, so ticks line
** up with the seconds the screens show. */
static int
ms_to_next_second(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return 1000 - (int)(tv.tv_usec / 1000);
}

static const screen_ops *const screens[SCREEN_COUNT] = {
	[SCREEN_CLIENTS] = &clients_screen,
	[SCREEN_PREP] = &prep_screen,
	[SCREEN_LIVE] = &live_screen,
	[SCREEN_RECAP] = &recap_screen,
	[SCREEN_REVIEW] = &review_screen,
	[SCREEN_MEET] = &meet_screen,
	[SCREEN_FOLLOWUPS] = &followups_screen,
};

/* Show what was drawn.  ncurses 6.4's doupdate() reads before the start of
** the line (valgrind: invalid read) when it writes the bottom-right cell of
** a one-column terminal; nothing readable fits in one column, so that cell
** is left blank. */
static void
present(void)
{
	if (COLS == 1 && LINES >= 1)
		mvaddch(LINES - 1, 0, ' ');
	refresh();
}

/* Hold SIGWINCH back (true), or let it in (false).  Held, the size is
** read from the terminal: a SIGWINCH that came since get_wch() would make
** doupdate() resize the frame drawn for the old size, so the new size is
** taken now, before drawing (resizeterm also queues the KEY_RESIZE). */
static void
hold_resize(bool hold)
{
	struct winsize ws;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGWINCH);
	sigprocmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
	if (hold && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
}

/* Run the screens from a->screen until a handler quits. */
static void
run(app *a)
{
	const screen_ops *ops = screens[a->screen];
	bool dirty = true, input_dirty = false;
	int64_t tick = rp_clock_now(a->clock);

	if ((a->state = ops->open(a)) == NULL) {
		a->result = TUI_FAILED;
		return;
	}
	while (!stop_requested) {
		int64_t now = rp_clock_now(a->clock);
		wint_t key;
		int rc, h;

		/* Once a second, even while keys keep coming: the clocks, and
		** what another window changed, must not wait for a pause. */
		if (now != tick) {
			tick = now;
			if (ops->tick)
				ops->tick(a, a->state);
			dirty = true;
		}
		if (dirty || input_dirty) {
			/* The size must not change between drawing a frame and
			** showing it (doupdate() would resize the frame on its
			** own): a SIGWINCH waits until the frame is out. */
			hold_resize(true);
			if (dirty || !ops->draw_input)
				ops->draw(a, a->state);
			else  /* a keystroke while typing touches only the input line */
				ops->draw_input(a, a->state);
			present();
			hold_resize(false);
			dirty = input_dirty = false;
		}
		timeout(ms_to_next_second());
		rc = get_wch(&key);
		if (rc == ERR)
			continue;  /* the second is up: the top of the loop ticks */
		if (rc == KEY_CODE_YES && key == KEY_RESIZE) {
			/* Terminals differ in what they keep of the screen on a
			** resize: repaint all of it rather than trust a diff. */
			clearok(curscr, TRUE);
			dirty = true;
			continue;
		}
		h = ops->key(a, a->state, key, rc == KEY_CODE_YES);
		if (h & H_QUIT) {
			a->result = TUI_QUIT;
			break;
		}
		if (h & H_ENDED) {
			a->result = TUI_ENDED;
			break;
		}
		if (h & H_SWITCH) {
			void *next;

			if (ops == &live_screen)
				live_sync_leave(a, a->state);
			ops->close(a->state);
			a->state = NULL;
			ops = screens[a->screen];
			if ((next = ops->open(a)) == NULL) {
				a->result = TUI_FAILED;
				return;
			}
			a->state = next;
			clearok(curscr, TRUE);
			dirty = true;
			continue;
		}
		if (h & H_REDRAW)
			dirty = true;
		if (h & H_INPUT)
			input_dirty = true;
	}
	/* Stopped by a signal: no question is asked, what is not saved goes
	** to the recovery file, and the meeting stays open to resume. */
	if (stop_requested) {
		a->stop_signal = stop_requested;
		a->result = TUI_STOPPED;
	}
	if (ops == &live_screen)
		live_sync_leave(a, a->state);
	screen_take_unsaved(a);  /* a dialog's text, Ctrl-C quit from */
	ops->close(a->state);
	a->state = NULL;
}

/* After the screens: the notes not saved go to the recovery file, and the
** user is told how many and where, or that it could not be written (their
** text is printed above in any case). */
static void
save_recovery(app *a)
{
	char path[4200];

	if (a->recovery == NULL)
		return;
	if (recovery_write(a->recovery, rp_clock_now(a->clock), path, sizeof path) == 0) {
		if (a->recovery_notes == 0)
			fprintf(stderr, _("rapport: the text left on the line is in %s\n"), path);
		else if (a->recovery_drafts)
			fprintf(stderr,
				P_("rapport: %d note was not saved; it is in %s with the text left on"
				   " the line, to paste back\n",
				   "rapport: %d notes were not saved; they are in %s with the text left"
				   " on the line, one per line, to paste back\n",
				   a->recovery_notes),
				a->recovery_notes, path);
		else
			fprintf(stderr,
				P_("rapport: %d note was not saved; it is in %s, to paste back\n",
				   "rapport: %d notes were not saved; they are in %s, one per line, to"
				   " paste back\n",
				   a->recovery_notes),
				a->recovery_notes, path);
	} else {
		/* TRANSLATORS: the notes' count, then why the file could not be
		** written. */
		fprintf(stderr,
			P_("rapport: %d note was not saved (above), and no recovery file: %s\n",
			   "rapport: %d notes were not saved (above), and no recovery file: %s\n",
			   a->recovery_notes),
			a->recovery_notes, path);
	}
	free(a->recovery);
	a->recovery = NULL;
}

/* Set up the terminal, run from screen `first`, restore the terminal. */
static enum tui_exit
tui_run(app *a, char *msg, int size)
{
	struct sigaction sa = {.sa_handler = on_stop_signal};

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(msg, (size_t)size, "%s", _("the screens need a terminal"));
		return TUI_FAILED;
	}
	if (newterm(NULL, stdout, stdin) == NULL) {
		snprintf(msg, (size_t)size, _("cannot use this terminal (TERM=%s)"),
			 getenv("TERM") ? getenv("TERM") : "");
		return TUI_FAILED;
	}
	stop_store = a->st;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	raw();      /* Ctrl-C, Ctrl-Z and flow control come to us as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	a->color = has_colors() && getenv("NO_COLOR") == NULL;
	screen_colors_init(a);
	a->result = TUI_QUIT;
	run(a);
	endwin();
	/* The store may close soon: a late signal must not touch it. */
	stop_store = NULL;
	/* Left on the line (Ctrl-C, or the meeting ended elsewhere): it stays
	** in the terminal, to copy, rather than vanish with the screen.  The
	** lines are sanitized already (live_sync_leave). */
	fputs(a->unsaved, stdout);
	fflush(stdout);
	/* A second signal (SIGHUP as the terminal closes, then SIGTERM) only
	** sets the flag until the notes not saved are in their file; after
	** that, one ends rapport as it would any program. */
	save_recovery(a);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (a->result == TUI_FAILED)
		snprintf(msg, (size_t)size, "%s", a->msg);
	if (a->result == TUI_STOPPED)
		snprintf(msg, (size_t)size, _("stopped by %s"),
			 a->stop_signal == SIGHUP ? "SIGHUP" : "SIGTERM");
	return a->result;
}

enum tui_exit
tui_meet(store *st, const rp_clock *clock, int64_t client_id, const char *title, bool planned,
	 bool carry, int64_t *meeting_id, int *unsaved, char *msg, int size)
{
	app a = {.st = st, .clock = clock, .meet_title = title, .meet_carry = carry,
		 .meet_pick = planned ? MEET_PLANNED : MEET_AUTO};
	enum tui_exit how;

	meet_begin(&a, client_id);
	how = tui_run(&a, msg, size);
	*meeting_id = a.meeting_id;
	*unsaved = a.recovery_notes;
	if (how == TUI_QUIT && a.meeting_id == 0 && a.msg[0]) {
		/* Nothing started because something failed: say what. */
		snprintf(msg, (size_t)size, "%s", a.msg);
		return TUI_FAILED;
	}
	return how;
}

enum tui_exit
tui_home(store *st, const rp_clock *clock, char *msg, int size)
{
	app a = {.st = st, .clock = clock, .screen = SCREEN_CLIENTS, .from_home = true};

	return tui_run(&a, msg, size);
}
