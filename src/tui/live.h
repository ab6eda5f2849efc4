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
#include "rapport/note.h"
#include "rapport/prompt.h"
#include "rapport/session.h"
#include "rapport/store.h"

enum dialog {
	DIALOG_NONE,
	DIALOG_ITEM_ADD,       /* a line: TITLE[:MINUTES] */
	DIALOG_ITEM_EDIT,
	DIALOG_CONFIRM_DELETE, /* y/n: delete the note being edited */
	DIALOG_CONFIRM_END,    /* y/n: end the meeting */
	DIALOG_CONFIRM_QUIT,   /* y/n: quit with notes not saved */
};

/* The live screen waits this long for another program's lock before a
** save fails: the keyboard never freezes; the tick retries. */
enum { LIVE_BUSY_TIMEOUT_MS = 150 };

/* A note typed and not on disk yet: its save failed (a lock held past the
** busy timeout, a full disk, a read-only file), and a newer note was begun.
** It waits its turn in the queue, in the order typed (live_save.c). */
typedef struct pending_note {
	parsed_note note;            /* as parsed when Enter was pressed */
	int64_t item_id;             /* the agenda item running then, 0 */
	int64_t at;                  /* when Enter was pressed: its time once saved */
} pending_note;

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
	prompt_memo *memo;           /* the prompts' phrases, made once a note
	                                (NULL: made anew each time) */
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
	bool discarded;              /* d on Ctrl-X's question: no meeting after all */
	int help_top;                /* first help line shown when it scrolls */
	enum dialog dialog;
	enum dialog quit_over;       /* the dialog DIALOG_CONFIRM_QUIT was asked over */
	ask dialog_ask;               /* the line of an agenda item dialog */
	int64_t dialog_item;         /* item being edited */

	char status[300];            /* last message, "" for none */
	char status_short[200];      /* the same for a narrow bar, "" when none */
	bool status_error;           /* show it as an error */
	int64_t status_at;           /* when it was said: announcements fade */
	bool saved;                  /* the last note is on disk */
	pending_note *queue;         /* notes not saved yet, oldest first; owned */
	size_t nqueue;
	bool line_failed;            /* the line holds a new note whose save failed */
	bool edit_failed;            /* the line holds an edit whose save failed */
	int64_t line_at;             /* when it was first entered */
	int64_t line_item;           /* the item running then */
	enum rp_status save_status;  /* why the last save failed */
	char save_error[200];        /* the same in words, for the exit lines */
	char note_warning[300];      /* what a ^date did not say, shown over the line */

	layout lay;
	bool color;                  /* colours in use (not NO_COLOR, has_colors) */
	struct prep_notes *prep;     /* written for this meeting before the call,
	                                for the Prompts pane; owned, may be NULL */
} live;

/* live.c */
/* A note as the line shows it for editing ("? is the budget fixed"):
** malloc'd (caller frees), NULL when out of memory. */
char *live_note_line(const session_note *n);
bool live_reload(live *lv);
void recompute_prompts(live *lv);
int live_key(live *lv, wint_t key, bool function);
rp_date live_today(const live *lv);

/* Say a message in the status bar (an error stays until the next one). */
void live_say(live *lv, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Why a core call failed, in words for the status bar: a lock is said
** plainly, with no path and no wait (the screen's timeout is short on
** purpose, and the key or the tick tries again); else err's message. */
const char *live_why(const rp_error *err);

/* live_save.c: saving new notes in the order typed, whatever fails. */

/* Save note (typed at `at`, on item) after the queue: the queued notes go
** first, so notes land in the order typed.  RP_OK once all are on disk,
** and shown: the note joins lv->s and the prompts are computed again;
** else the status why (lv->save_error says it in words) and nothing
** after the first failure is tried. */
enum rp_status live_save_after_queue(live *lv, const parsed_note *note, int64_t item, int64_t at);

/* The failed note on the line joins the queue and the line is cleared,
** for a new note: called before any key changes the line.  False (the
** line as it was, the status says why) when out of memory. */
bool live_queue_line(live *lv);

/* Once a second: save what waits (the queue, then a failed note on the
** line) when the database lets us; say so when they land. */
void live_retry(live *lv);

/* Notes typed and not saved: the queue and a failed note on the line. */
int live_unsaved(const live *lv);

/* Free the queue. */
void live_queue_free(live *lv);

/* live_draw.c */
/* A prompt kind's label ("Reflect"), in the user's language: the kinds are
** the program's own words, while a prompt's sentence is in the client's.
** prompt_kind_label()'s for a kind with no words here. */
const char *live_kind_label(enum prompt_kind k);
void live_draw(live *lv);
void live_draw_input(live *lv);

#endif
