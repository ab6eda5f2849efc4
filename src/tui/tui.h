/* tui.h: the screens, as the command line starts them. */
#ifndef RAPPORT_TUI_H
#define RAPPORT_TUI_H

#include <stdbool.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/store.h"

/* How a screen ended, for the command line to report. */
enum tui_exit {
	TUI_QUIT,      /* the user left (the meeting may have ended: ask the store) */
	TUI_ENDED,     /* the meeting was ended */
	TUI_FAILED,    /* the terminal could not be used; see the message */
	TUI_STOPPED,   /* SIGTERM or SIGHUP: the message names it; a live
	                  meeting stays open */
};

/* Run `rapport meet CLIENT [TITLE] [--planned] [--carry]` for client_id:
** resume its live meeting, else start the planned one of that title,
** today's planned one, or (with planned) its earliest planned one whenever;
** else a new one, saying so on the live screen when a meeting planned for
** another day stays planned.  With carry, what the last meeting left
** unfinished joins the meeting; without, the live screen says what was left
** out.  *meeting_id gets the meeting, 0 when none started; *unsaved the
** number of notes that could not be saved (they are in the recovery file,
** and the screens said where).  On TUI_FAILED and TUI_STOPPED, msg (size
** bytes) says why.  Restores the terminal before returning, whatever
** happened. */
enum tui_exit tui_meet(store *st, const rp_clock *clock, int64_t client_id, const char *title,
		       bool planned, bool carry, int64_t *meeting_id, int *unsaved, char *msg,
		       int size);

/* Run the screens from the Clients screen (the home of `rapport`) until
** the user quits.  On TUI_FAILED, msg says why. */
enum tui_exit tui_home(store *st, const rp_clock *clock, char *msg, int size);

#endif
