/* tui.c: curses set-up and the main loop of the live screen.
**
** One thread.  Draw when something changed, then wait in wget_wch() with a
** timeout that ends at the next whole second, so the clock ticks once a
** second and nothing runs in between.
*/
#include "tui.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "live.h"

static volatile sig_atomic_t stop_requested;

static void
on_stop_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* Milliseconds until the next whole second of the real clock, so ticks line
** up with the seconds the status bar shows. */
static int
ms_to_next_second(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return 1000 - (int)(tv.tv_usec / 1000);
}

enum tui_exit
tui_live(store *st, const rp_clock *clock, int64_t meeting_id, char *msg, int size)
{
	live lv = {.st = st, .clock = clock, .meeting_id = meeting_id, .focus = KEYMAP_NOTES,
		   .browse = -1};
	struct sigaction sa = {.sa_handler = on_stop_signal};
	enum tui_exit result = TUI_QUIT;
	bool dirty = true, input_dirty = false;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(msg, (size_t)size, "the live screen needs a terminal");
		return TUI_FAILED;
	}
	input_init(&lv.input);
	input_init(&lv.dialog_input);
	if (!live_reload(&lv)) {
		snprintf(msg, (size_t)size, "%s", lv.status);
		result = TUI_FAILED;
		goto out;
	}
	if (newterm(NULL, stdout, stdin) == NULL) {
		snprintf(msg, (size_t)size, "cannot use this terminal (TERM=%s)",
			 getenv("TERM") ? getenv("TERM") : "");
		result = TUI_FAILED;
		goto out;
	}
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	raw();      /* Ctrl-C, Ctrl-Z and flow control come to us as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	lv.color = has_colors() && getenv("NO_COLOR") == NULL;
	live_draw_init(&lv);
	lv.tick = rp_clock_now(clock);

	while (!stop_requested) {
		wint_t key;
		int rc, h = 0;

		if (dirty) {
			live_draw(&lv);
			refresh();
			dirty = input_dirty = false;
		} else if (input_dirty) {
			/* A keystroke while typing touches only the input line. */
			if (lv.lay.kind != LAYOUT_TOO_SMALL)
				live_draw_input(&lv);
			refresh();
			input_dirty = false;
		}
		timeout(ms_to_next_second());
		rc = get_wch(&key);
		if (rc == ERR) {
			int64_t now = rp_clock_now(clock);

			if (now != lv.tick) {
				lv.tick = now;
				lv.nprompts = prompt_compute(lv.s, now, live_today(&lv), lv.prompts,
							     PROMPTS_MAX);
				dirty = true;
			}
			continue;
		}
		if (rc == KEY_CODE_YES && key == KEY_RESIZE) {
			/* Terminals differ in what they keep of the screen on a
			** resize: repaint all of it rather than trust a diff. */
			clearok(curscr, TRUE);
			dirty = true;
			continue;
		}
		h = live_key(&lv, key, rc == KEY_CODE_YES);
		if (h & H_QUIT)
			break;
		if (h & H_ENDED) {
			result = TUI_ENDED;
			break;
		}
		if (h & H_REDRAW)
			dirty = true;
		if (h & H_INPUT)
			input_dirty = true;
	}
	endwin();
out:
	input_done(&lv.input);
	input_done(&lv.dialog_input);
	session_free(lv.s);
	return result;
}
