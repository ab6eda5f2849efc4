/* live_sync.h: one meeting in two windows.  Internal to src/tui.
**
** Two `rapport meet` on one live meeting are two connections to one
** database.  Each second the live screen asks the store whether the other
** committed anything (store_changed: SQLite's data_version, not the data)
** and loads the meeting again only then.  A meeting ended in the other
** window is said so, and a note typed here is kept on its line instead of
** being filed into the ended meeting.
*/
#ifndef RAPPORT_TUI_LIVE_SYNC_H
#define RAPPORT_TUI_LIVE_SYNC_H

#include <stdbool.h>

#include "live.h"
#include "rapport/i18n.h"

/* The messages while the meeting is ended elsewhere: what happened, and
** what the user can do; short enough for the status bar at 60 columns.
** The second answers a note refused (the line stays as typed).
** Marked for the catalogue: _() where they are said. */
#define LIVE_SYNC_ENDED N_("ended in another window · Ctrl-C quits")
#define LIVE_SYNC_REFUSED N_("ended in another window: not saved · Ctrl-C quits")
#define LIVE_SYNC_ENDED_SHORT N_("ended in another window")
#define LIVE_SYNC_REFUSED_SHORT N_("ended in another window: not saved")

/* Once a second: reload when another window changed the database; while
** the meeting is ended, keep saying so in the status line.  True when it
** reloaded (the prompts are then computed again already). */
bool live_sync(live *lv);

/* Before an older note is replaced: true when the meeting is still live.
** Otherwise false, the status line says why and the caller keeps the line
** as it is.  (A new note asks in live_save.c, and waits in the queue.) */
bool live_sync_can_note(live *lv);

/* On leaving the live screen (state is its live): the notes entered and
** not saved (the queue, a failed note on the line) go into a->unsaved and
** a->recovery (counted in a->recovery_notes); whatever else is on the note
** line (unless it is an older note loaded and left as it was), a new note
** set aside while an older one was edited and an agenda item half typed go
** into a->unsaved, lines printed after the screens rather than lost with
** them, and into a->recovery too when there is a note in it or a signal
** stopped the screens. */
void live_sync_leave(app *a, void *state);

#endif
