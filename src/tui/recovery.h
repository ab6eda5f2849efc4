/* recovery.h: where the notes that could not be saved go as rapport leaves.
**
** A note the database refused (locked, full, read-only) and still waiting
** when rapport quits is written, one per line in the Notes pane's syntax,
** to a new file in $XDG_STATE_HOME/rapport/ (~/.local/state/rapport/):
** the folder 0700, the file 0600 (they are client notes), synced before
** rapport says so.  The lines can be typed or pasted back into a meeting.
** Internal to src/tui; no curses here.
*/
#ifndef RAPPORT_TUI_RECOVERY_H
#define RAPPORT_TUI_RECOVERY_H

#include <stddef.h>
#include <stdint.h>

/* Write text (lines ending in '\n') to a new file named after the local
** time now ("unsaved-2026-11-26-1002.txt", "-2" and so on when that name is
** taken).  Returns 0 and the file's path in path (size bytes), or -1 and
** why in path. */
int recovery_write(const char *text, int64_t now, char *path, size_t size);

#endif
