/* live.h: the live meeting screen's state, shared by its key handling
** (live.c) and its drawing (live_draw.c).  Internal to src/tui. */
#ifndef RAPPORT_TUI_LIVE_H
#define RAPPORT_TUI_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "input.h"
#include "screen.h"
#include "keymap.h"
#include "layout.h"
#include "listview.h"
#include "rapport/clock.h"
#include "rapport/prompt.h"
#include "rapport/session.h"
#include "rapport/store.h"

enum dialog {
	DIALOG_NONE,
	DIALOG_ITEM_ADD,       /* a line: TITLE[:MINUTES] */
	DIALOG_ITEM_EDIT,
	DIALOG_CONFIRM_DELETE, /* y/n: delete the note being edited */
	DIALOG_CONFIRM_END,    /* y/n: end the meeting */
};

/* What `u` in a pane puts back: the last change a pane key made. */
enum undo_kind {
	UNDO_NONE,
	UNDO_STATUS,   /* an item's status (done, skipped, parked, started) */
	UNDO_ADD,      /* an item added: remove it */
	UNDO_EDIT,     /* an item's title and timebox */
	UNDO_DISMISS,  /* a prompt dismissed: bring it back */
};

/* Seconds an announcement ("parked “Budget” · u undoes") stays in the
** status bar. */
enum { LIVE_STATUS_SECONDS = 15 };

typedef struct live_undo {
	enum undo_kind kind;
	int64_t item_id;             /* the item changed or added */
	enum agenda_status status;   /* its status before */
	enum agenda_status after;    /* UNDO_STATUS: the status the change gave it */
	int64_t was_active;          /* UNDO_STATUS by start: the item active before, 0 */
	agenda_spec spec;            /* UNDO_EDIT: title and timebox before */
	agenda_spec spec_after;      /* UNDO_EDIT: what the edit made them */
	char key[PROMPT_KEY_MAX];    /* UNDO_DISMISS: the prompt's key */
	char what[160];              /* "parked “Budget”", for the message */
} live_undo;

typedef struct live {
	store *st;
	const rp_clock *clock;
	int64_t meeting_id;
	session *s;                  /* reloaded after each change */
	prompt prompts[PROMPTS_MAX];
	size_t nprompts;

	enum keymap_context focus;   /* KEYMAP_NOTES, _AGENDA or _PROMPTS */
	input_line input;            /* the Notes pane's line */
	int64_t editing_note;        /* note being edited, 0 for a new one */
	int browse;                  /* index into s->notes while browsing, -1 */
	int agenda_sel;              /* selected item index */
	int prompt_sel;              /* selected prompt index */
	char prompt_sel_key[PROMPT_KEY_MAX]; /* its key: the selection follows it */
	listview prompt_list;        /* the Prompts pane as last drawn */
	listview agenda_list;        /* the Agenda pane as last drawn */
	char *draft;                 /* the new note typed before an edit; owned */
	live_undo undo[KEYMAP_CONTEXT_COUNT]; /* per pane: what u puts back */
	bool help;                   /* the help overlay is up */
	int help_top;                /* first help line shown when it scrolls */
	enum dialog dialog;
	ask dialog_ask;               /* the line of an agenda item dialog */
	int64_t dialog_item;         /* item being edited */

	char status[300];            /* last message, "" for none */
	char status_short[200];      /* the same for a narrow bar, "" when none */
	bool status_error;           /* show it as an error */
	int64_t status_at;           /* when it was said: announcements fade */
	bool saved;                  /* the last note is on disk */
	char note_warning[300];      /* what a ^date did not say, shown over the line */

	layout lay;
	bool color;                  /* colours in use (not NO_COLOR, has_colors) */
} live;

/* live.c */
/* A note as the line shows it for editing ("? is the budget fixed"):
** malloc'd (caller frees), NULL when out of memory. */
char *live_note_line(const session_note *n);
bool live_reload(live *lv);
void recompute_prompts(live *lv);
int live_key(live *lv, wint_t key, bool function);
rp_date live_today(const live *lv);

/* live_draw.c */
void live_draw(live *lv);
void live_draw_input(live *lv);

#endif
