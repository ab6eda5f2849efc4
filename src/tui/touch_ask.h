/* touch_ask.h: the dialog that logs a touchpoint (Clients, Prep: l).
**
** Two questions on the screen's own ask line: the kind, one key (e email,
** c call, m message, o or Enter other), then the text.  While q asks one
** of them, the screen hands every key to touch_ask_key() first.  Internal
** to src/tui.
*/
#ifndef RAPPORT_TUI_TOUCH_ASK_H
#define RAPPORT_TUI_TOUCH_ASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "rapport/record.h"
#include "screen.h"

/* The ask purposes of the dialog: above any screen's own. */
enum { ASK_TOUCH_KIND = 900, ASK_TOUCH_TEXT };

typedef struct touch_ask {
	int64_t client_id;
	enum touch_kind kind;
	char with[200];        /* "with Acme", for the questions */
} touch_ask;

/* Ask the kind of a touchpoint with client_id (named name). */
void touch_ask_start(touch_ask *t, ask *q, int64_t client_id, const char *name);

enum { TOUCH_ASK_NOT_MINE = -1 };

/* A key while the dialog may be up.  TOUCH_ASK_NOT_MINE when q is asking
** nothing of the dialog's; otherwise a handler result, with *logged set
** once the touchpoint is saved (the screen reloads: its cadence changed)
** and msg (size bytes) what to say, *error when it is an error. */
int touch_ask_key(app *a, touch_ask *t, ask *q, wint_t key, bool function, bool *logged,
		  char *msg, size_t size, bool *error);

#endif
