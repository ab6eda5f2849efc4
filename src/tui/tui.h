/* tui.h: the screens, as the command line starts them. */
#ifndef RAPPORT_TUI_H
#define RAPPORT_TUI_H

#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/store.h"

/* How a screen ended, for the command line to report. */
enum tui_exit {
	TUI_QUIT,      /* the user left (the meeting may have ended: ask the store) */
	TUI_ENDED,     /* the meeting was ended */
	TUI_FAILED,    /* the terminal could not be used; see the message */
};

/* Run the live meeting screen on meeting_id (already live) until the user
** quits or ends the meeting.  On TUI_FAILED, msg (size bytes) says why.
** Restores the terminal before returning, whatever happened. */
enum tui_exit tui_live(store *st, const rp_clock *clock, int64_t meeting_id, char *msg,
		       int size);

/* Run the screens from the Clients screen (the home of `rapport`) until
** the user quits.  On TUI_FAILED, msg says why. */
enum tui_exit tui_home(store *st, const rp_clock *clock, char *msg, int size);

#endif
