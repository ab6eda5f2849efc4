/* actions.h: everything a key can do on the screens, in one list.
**
** ACTION_LIST yields the enum, the name and the help text; the help overlay
** is generated from it and from the key tables (keymap.c), so it cannot
** drift from what the keys do.  Actions start above ncurses' KEY_MAX so they
** never collide with a key code (tig's REQ_* do the same).
*/
#ifndef RAPPORT_TUI_ACTIONS_H
#define RAPPORT_TUI_ACTIONS_H

#include "rapport/i18n.h"

/* X(action, help text) */
#define ACTION_LIST(X)                                                       \
	X(ACT_FOCUS_NEXT, N_("move to the next pane"))                           \
	X(ACT_FOCUS_PREV, N_("move to the previous pane"))                       \
	X(ACT_ITEM_NEXT, N_("start the next agenda item"))                       \
	X(ACT_ITEM_PREV, N_("go back to the previous agenda item"))              \
	X(ACT_TALK_TOGGLE, N_("toggle who is talking (you / client)"))           \
	X(ACT_END_MEETING, N_("end the meeting"))                                \
	X(ACT_HELP, N_("show or hide this help"))                                \
	X(ACT_QUIT, N_("quit (asks if a note is unsaved); meeting stays open")) \
	X(ACT_ESCAPE, N_("leave a pane, a dialog or an edit"))                   \
	X(ACT_INPUT_SUBMIT, N_("save the note; again retries one not saved"))   \
	X(ACT_INPUT_LEFT, N_("cursor one character left"))                       \
	X(ACT_INPUT_RIGHT, N_("cursor one character right"))                     \
	X(ACT_INPUT_HOME, N_("cursor to the start of the line"))                 \
	X(ACT_INPUT_END, N_("cursor to the end of the line"))                    \
	X(ACT_INPUT_BACKSPACE, N_("delete the character before the cursor"))     \
	X(ACT_INPUT_DELETE, N_("delete the character under the cursor"))         \
	X(ACT_INPUT_KILL_LINE, N_("delete from the start of the line to the cursor")) \
	X(ACT_INPUT_KILL_WORD, N_("delete the word before the cursor"))          \
	X(ACT_NOTE_OLDER, N_("browse to an earlier note (Enter edits it)"))      \
	X(ACT_NOTE_NEWER, N_("browse to a later note"))                          \
	X(ACT_MOVE_DOWN, N_("select the next line"))                             \
	X(ACT_MOVE_UP, N_("select the previous line"))                           \
	X(ACT_MOVE_FIRST, N_("select the first line"))                           \
	X(ACT_MOVE_LAST, N_("select the last line"))                             \
	X(ACT_ITEM_START, N_("start the selected item"))                         \
	X(ACT_ITEM_ADD, N_("add an item (TITLE:MINUTES)"))                       \
	X(ACT_ITEM_EDIT, N_("edit the selected item"))                           \
	X(ACT_ITEM_DONE, N_("mark the selected item done"))                      \
	X(ACT_ITEM_SKIP, N_("skip the selected item"))                           \
	X(ACT_ITEM_PARK, N_("park the selected item for next time"))             \
	X(ACT_PROMPT_USE, N_("use the prompt (logged as asked on the current item)")) \
	X(ACT_PROMPT_DISMISS, N_("dismiss the prompt"))                          \
	X(ACT_UNDO, N_("undo this pane's last change"))

enum action {
	ACT_NONE = 0x1000,  /* above KEY_MAX (0777) and every wint_t we bind */
#define ACTION_ENUM(act, help) act,
	ACTION_LIST(ACTION_ENUM)
#undef ACTION_ENUM
	ACT_COUNT
};

/* Help text of an action, translated; "" for ACT_NONE. */
const char *action_help(enum action act);

#endif
