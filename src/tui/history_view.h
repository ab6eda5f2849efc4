/* history_view.h: a client's history at a glance (history.h) as rows of a
** list view, for Prep and Review.  Internal to src/tui. */
#ifndef RAPPORT_TUI_HISTORY_VIEW_H
#define RAPPORT_TUI_HISTORY_VIEW_H

#include <stdint.h>

#include "listview.h"
#include "screen.h"

/* Add the three lines of client_id's history, not selectable, tagged tag
** (no blank row after them: on 24 lines each row counts).  A history that cannot be read adds one line saying
** why: the rest of the screen still works. */
void history_view_rows(const app *a, listview *lv, int64_t client_id, int tag);

#endif
