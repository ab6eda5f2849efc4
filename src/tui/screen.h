/* screen.h: the screens and what they share.
**
** Each screen is a const table of operations (tmux's cmd_entry, htop's
** PanelClass); the main loop (tui.c) only draws, waits for keys and
** switches screens as a handler asks.  Internal to src/tui.
*/
#ifndef RAPPORT_TUI_SCREEN_H
#define RAPPORT_TUI_SCREEN_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "input.h"
#include "rapport/clock.h"
#include "rapport/date.h"
#include "rapport/store.h"
#include "tui.h"

enum screen_id { SCREEN_CLIENTS, SCREEN_PREP, SCREEN_LIVE, SCREEN_RECAP, SCREEN_REVIEW,
		 SCREEN_MEET, SCREEN_COUNT };

typedef struct app {
	store *st;
	const rp_clock *clock;
	bool color;                /* colours in use */
	bool from_home;            /* started on the Clients screen */
	enum screen_id screen;
	void *state;               /* the current screen's, from its open() */
	int64_t client_id;         /* for Prep */
	int64_t meeting_id;        /* for Live and Recap */
	bool search_first;         /* Review opens on a search */
	enum tui_exit result;
	char msg[512];             /* for the command line after the screens */
	const char *meet_title;    /* which meeting to start: meet.h */
	int meet_pick;
	bool meet_carry;           /* rapport meet --carry */
	char notice[300];          /* for the live screen to say when it opens */
	char unsaved[4096];        /* a note line the live screen could not save */
} app;

/* Handler results (htop's HandlerResult): only the loop acts on them. */
enum {
	H_HANDLED = 1 << 0,
	H_REDRAW = 1 << 1,   /* draw everything again */
	H_INPUT = 1 << 2,    /* only the input line changed */
	H_QUIT = 1 << 3,     /* leave the program; a live meeting stays open */
	H_ENDED = 1 << 4,    /* the live meeting was ended */
	H_SWITCH = 1 << 5,   /* go to app->screen (set by the handler) */
};

typedef struct screen_ops {
	const char *name;
	void *(*open)(app *a);                     /* NULL on failure (a->msg says why) */
	void (*close)(void *state);
	void (*draw)(app *a, void *state);
	void (*draw_input)(app *a, void *state);   /* only the input line; may be NULL */
	int (*key)(app *a, void *state, wint_t key, bool function);
	void (*tick)(app *a, void *state);         /* once a second; may be NULL */
} screen_ops;

extern const screen_ops clients_screen, prep_screen, live_screen, recap_screen, review_screen;

/* A one-line question at the bottom of the screen, edited with an input
** line: a dialog.  Keys go to it while it is active. */
typedef struct ask {
	bool active;
	int purpose;             /* the screen's own code for what is asked */
	char question[200];
	input_line in;
	bool yes_no;             /* a "y / n" question: one key answers it */
} ask;

/* Colour pairs shared by the screens. */
enum {
	PAIR_FOCUS = 1,
	PAIR_NEED,
	PAIR_CONCERN,
	PAIR_QUESTION,
	PAIR_DECISION,
	PAIR_ACTION,
	PAIR_PERSONAL,
	PAIR_WARN,
	PAIR_OVER,
	PAIR_DIM,
};

/* Set up the colour pairs (when a->color). */
void screen_colors_init(const app *a);

/* An attribute: the colour pair when colours are on, else the fallback. */
unsigned screen_pick(const app *a, int pair, unsigned fallback);

/* Draw text at (y, x) in at most cols columns, sanitized, cut with "…". */
void screen_put(int y, int x, int cols, const char *text, unsigned attr);

/* A box with a title, highlighted when focused. */
void screen_box(const app *a, int y, int x, int h, int w, const char *title, bool focused);

/* Keep the selection sel visible in a list of `rows` rows starting at *top. */
void screen_scroll(int sel, int *top, int rows);

/* The bottom of a page: the message (an error in red) above the keys bar,
** moved up a line while a question is asked, and the question itself. */
void screen_footer(const app *a, const char *msg, bool error, const char *keys, const ask *q);

/* The help of a screen over the whole of it: a title and lines of
** "keys<TAB>what they do" (a line without a tab is a heading).  Any key
** closes it: that is the screen's business. */
void screen_help_draw(const app *a, const char *title, const char *const *lines);

/* Is this the key that opens help (F1, Ctrl-G or ?)? */
bool screen_help_key(wint_t key, bool function);

/* What screen_common_key() leaves to the screen. */
enum { SCREEN_KEY_OWN = -1, SCREEN_KEY_ANSWER = -2, SCREEN_KEY_CANCEL = -3 };

/* The keys the list screens treat alike, before their own: with the help
** up, any key closes it (Ctrl-C quits); a question being asked takes the
** key (SCREEN_KEY_ANSWER when Enter answered it, SCREEN_KEY_CANCEL when Esc
** dropped it); F1, Ctrl-G or ? opens the help.  Otherwise Down, Up and
** Enter become j, k and '\r' in *key and SCREEN_KEY_OWN says the screen's
** own keys come next.  Any other return is a handler result. */
int screen_common_key(bool *help, ask *q, wint_t *key, bool *function);

/* Paint row y as the selected one when it is; returns the attribute the
** row's text takes (A_REVERSE or 0). */
unsigned screen_select_row(int y, bool selected);

/* "terminal too small", centred. */
void screen_too_small(void);

enum { ASK_CONTINUE, ASK_DONE, ASK_CANCEL };

void ask_start(ask *q, int purpose, const char *question, const char *initial);
/* Feed a key; returns ASK_DONE (Enter), ASK_CANCEL (Esc) or ASK_CONTINUE. */
int ask_key(ask *q, wint_t key, bool function);
/* Draw it on row y; places the cursor. */
void ask_draw(const app *a, const ask *q, int y);
/* Its text, malloc'd (caller frees). */
char *ask_text(const ask *q);

#endif
