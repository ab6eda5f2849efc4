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

/* The ask purposes of the dialog: above any screen's own.  The last two
** are Review's, on a touchpoint of its timeline. */
enum { ASK_TOUCH_KIND = 900, ASK_TOUCH_TEXT, ASK_TOUCH_REMOVE, ASK_TOUCH_EDIT };

typedef struct touch_ask {
	int64_t client_id;
	int64_t id;            /* the touchpoint removed or corrected */
	enum touch_kind kind;
	char name[200];        /* the client's name, cut for the questions */
} touch_ask;

/* Ask the kind of a touchpoint with client_id (named name). */
void touch_ask_start(touch_ask *t, ask *q, int64_t client_id, const char *name);

/* Ask whether to remove touchpoint id (of that kind, with that text) with
** the client named name: y removes it. */
void touch_ask_remove(touch_ask *t, ask *q, int64_t id, enum touch_kind kind, const char *text,
		      const char *name);

/* Offer touchpoint id's text to correct; a kind word opening the answer
** ("call: ...") changes its kind, as when it was logged. */
void touch_ask_edit(touch_ask *t, ask *q, int64_t id, enum touch_kind kind, const char *text,
		    const char *name);

enum { TOUCH_ASK_NOT_MINE = -1 };

/* A key while the dialog may be up.  TOUCH_ASK_NOT_MINE when q is asking
** nothing of the dialog's; otherwise a handler result, with *logged set
** once a touchpoint is saved, removed or corrected (the screen reloads:
** its cadence changed) and msg (size bytes) what to say, *error when it is
** an error.  Ctrl-C quits, the text typed kept (screen_ask_quit()). */
int touch_ask_key(app *a, touch_ask *t, ask *q, wint_t key, bool function, bool *logged,
		  char *msg, size_t size, bool *error);

#endif
