/* meet.h: which meeting `m` and `rapport meet` start, asked when it is not
** obvious.  Internal to src/tui.
**
** A meeting left live is resumed; a meeting planned for today (or with no
** date) is taken as now; one planned for another day is not started by
** surprise: the Clients screen's `m` asks "planned or new?", `rapport meet`
** starts a new one and says so (`--planned` takes it).  A new meeting does
** not take what the last one left unfinished without asking.
*/
#ifndef RAPPORT_TUI_MEET_H
#define RAPPORT_TUI_MEET_H

#include <stdint.h>

#include "screen.h"

/* How the planned meeting is picked (app.meet_pick). */
enum meet_pick {
	MEET_ASK,      /* the Clients screen: a planned meeting on another day is asked about */
	MEET_AUTO,     /* rapport meet: the one of that TITLE, or today's, else a new one */
	MEET_PLANNED,  /* rapport meet --planned: the earliest planned one, whenever */
};

/* Start a meeting for client_id as a->meet_pick and a->meet_title say:
** straight to the live screen when nothing needs asking, else to the
** question.  Returns the handler result (H_SWITCH). */
int meet_begin(app *a, int64_t client_id);

extern const screen_ops meet_screen;

#endif
