/* screen.h: the screens and what they share.
**
** Each screen is a const table of operations (tmux's cmd_entry, htop's
** PanelClass); the main loop (tui.c) only draws, waits for keys and
** switches screens as a handler asks.  Internal to src/tui.
*/
#ifndef RAPPORT_TUI_SCREEN_H
#define RAPPORT_TUI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "input.h"
#include "rapport/clock.h"
#include "rapport/date.h"
#include "rapport/store.h"
#include "tui.h"

enum screen_id { SCREEN_CLIENTS, SCREEN_PREP, SCREEN_LIVE, SCREEN_RECAP, SCREEN_REVIEW,
		 SCREEN_MEET, SCREEN_FOLLOWUPS, SCREEN_COUNT };

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
	char last_query[300];      /* the last search, offered again by / */
	enum tui_exit result;
	char msg[512];             /* for the command line after the screens */
	const char *meet_title;    /* which meeting to start: meet.h */
	int meet_pick;
	bool meet_carry;           /* rapport meet --carry */
	enum screen_id meet_from;  /* where m was pressed: Esc on its question goes back there */
	char notice[300];          /* for the live screen to say when it opens */
	char unsaved[10000];       /* "not saved (why): text\n" lines, sanitized:
	                              what the live screen could not save */
	char *recovery;            /* the notes not saved, a line each in the
	                              Notes pane's syntax, for the recovery
	                              file (recovery.h); malloc'd, NULL if none */
	int recovery_notes;        /* how many notes (not drafts) it holds */
	int recovery_drafts;       /* and how many lines typed, not entered */
	int stop_signal;           /* SIGTERM or SIGHUP ended the screens, 0 */
	int64_t review_meeting;    /* Review opens on this meeting, its Esc back
	                              to Follow-ups; 0 for its usual start */
	int followups_side;        /* Follow-ups' filter (enum followup_side) */
	int64_t followups_keep;    /* and its selection, kept while in Review */
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
extern const screen_ops followups_screen;

/* A one-line question at the bottom of the screen, edited with an input
** line: a dialog.  Keys go to it while it is active. */
typedef struct ask {
	bool active;
	int purpose;             /* the screen's own code for what is asked */
	char question[200];
	input_line in;
	bool yes_no;             /* a "y / n" question: one key answers it */
	bool selected;           /* the text is selected: typing replaces it */
	bool typed;              /* the text is the user's, saved nowhere: a
	                            key changed it since it was asked, or it
	                            was refused and asked again */
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

/* A planned time as the screens say it, into buf: "Wed 16 Dec 14:00"
** this year, "2027-12-16 14:00" another, and "· past" after one already
** gone (a planned meeting missed).  Returns buf. */
char *screen_when(const app *a, int64_t t, char *buf, size_t size);

/* Draw text at (y, x) in at most cols columns, sanitized, cut with "…"
** at the end of a word (width_truncate_words). */
void screen_put(int y, int x, int cols, const char *text, unsigned attr);

/* A box with a title, highlighted when focused. */
void screen_box(const app *a, int y, int x, int h, int w, const char *title, bool focused);

/* The bottom of a page: the message (an error in red) above the keys bar,
** moved up a line while a question is asked, and the question itself.
** keys is hints separated by " · " (LAYOUT_HINT_SEP), already translated:
** "o owner · w due · Esc close · ? help".  The bar is fitted to the screen
** by screen_keys_fit(): whole hints dropped from the end, the help's and
** the way back's last. */
void screen_footer(const app *a, const char *msg, bool error, const char *keys, const ask *q);

/* The hints of keys that fit in cols columns, each whole, into buf (size
** bytes; returns buf): layout_hints_fit() keeping the hints that start
** with "? " or "F1 " (the help), then the one that starts with the Esc
** key's name ("Esc back", "Échap retour").  screen_footer() calls it; call
** it for a bar drawn elsewhere (the live screen's status line). */
const char *screen_keys_fit(const char *keys, int cols, char *buf, size_t size);

/* The key bar's hint of the help, "? help" translated: screen_keybar()
** ends every bar with it; a screen that builds its own bar ends it with
** LAYOUT_HINT_SEP and this. */
const char *screen_help_hint(void);

/* A due date kept as "YYYY-MM-DD", for people in the user's language:
** "Fri 4 Dec", « ven. 4 déc. », with the year when it is not this one;
** the text as it is when it is not such a date.  Returns buf. */
const char *screen_due(const char *iso, char *buf, size_t size);

/* d for people in the user's language, as screen_due() writes it. */
const char *screen_day(rp_date d, char *buf, size_t size);

/* The help of a screen over the whole of it: a title and lines of
** "keys<TAB>what they do" (a line without a tab is a heading), already
** translated, in a list view: what a key does wraps at a blank beside its
** keys (below them when they are wide or the screen narrow), never cut;
** screen_common_key() scrolls it with the movement keys and closes it on
** any other key. */
void screen_help_draw(const app *a, const char *title, const char *const *lines);

/* Is this the key that opens help (F1, Ctrl-G or ?)? */
bool screen_help_key(wint_t key, bool function);

/* One meaning per key on every list screen (Clients, Prep, Recap, Review):
** a key is bound once, in screen.c's table, to one of these; a screen only
** says which of them it offers and what they do there.  The movement keys
** are the list view's (listview.h). */
enum screen_act {
	SA_NONE,
	SA_OPEN,          /* Enter: open, go deeper */
	SA_BACK,          /* Esc q: back (on the Clients screen: quit) */
	SA_QUIT,          /* Ctrl-C: quit at once */
	SA_NEW,           /* n: a new client */
	SA_ADD,           /* a: add */
	SA_EDIT,          /* e: edit */
	SA_DONE,          /* d: done (a follow-up, an opener asked) */
	SA_DROP,          /* x: drop, remove, archive (asks first when it deletes) */
	SA_REOPEN,        /* u: open again what was done or dropped */
	SA_OWNER,         /* o: who owns it */
	SA_WHEN,          /* w: when: a due date */
	SA_PLAN,          /* p: plan the next meeting */
	SA_EXPORT,        /* E: export to a file */
	SA_MEET,          /* m: meet now */
	SA_REVIEW,        /* r: review past meetings */
	SA_SEARCH,        /* /: search */
	SA_SECTION_NEXT,  /* Tab */
	SA_SECTION_PREV,  /* Shift-Tab */
	SA_MOVE_DOWN,     /* J: move the item down */
	SA_MOVE_UP,       /* K: move it up */
	SA_WALK,          /* t: a walkthrough entry (who on the team did what) */
	SA_TEMPLATE,      /* A: add a template's items */
	SA_FOLLOWUPS,     /* f: the follow-ups of every client */
	SA_TOUCH,         /* l: log a touchpoint (an email, a call, a message) */
	SA_CANCEL,        /* C: cancel (a planned meeting) */
	SA_LANG,          /* L: the client's language, English <-> French */
};

/* The action key is bound to on the list screens; SA_NONE when none. */
enum screen_act screen_act_of(wint_t key, bool function);

/* One line of a screen's help and key bar: up to three actions, what
** they do there, and a short word for the key bar (NULL: not in the bar).
** A line with no action is a heading.  what and bar are marked N_() in
** the screens' tables and translated where they are shown (screen.c). */
typedef struct screen_keyhelp {
	enum screen_act acts[3];
	const char *what;
	const char *bar;
	const char *keys;    /* the key names shown, when not all of acts' keys */
} screen_keyhelp;

/* A text of a key table marked for the catalogue with a context (glib's
** NC_): NC_("key help", "back") for what, NC_("key bar", "back") for the
** bar word, so that a short word holds its own French whatever other
** screens or commands mean by it.  screen_keybar() and screen_help_keys()
** look a text up under its context first, then as a plain N_() message.
** (xgettext: --keyword=NC_:1c,2, as po/meson.build has it.) */
#define NC_(ctx, s) (s)

/* A line of keys: KEYS("what", "bar word" or NULL, SA_X, SA_Y); a heading;
** the end of the table. */
#define KEYS(what_, bar_, ...) {.acts = {__VA_ARGS__}, .what = (what_), .bar = (bar_)}
#define KEYS_HEADING(what_) {.acts = {SA_NONE}, .what = (what_)}
#define KEYS_END {.acts = {SA_NONE}, .what = NULL}

/* The help of a list screen, generated from the key table and the
** screen's lines (ended by a line with what == NULL), then the movement
** keys and the help keys. */
void screen_help_keys(const app *a, const char *title, const screen_keyhelp *lines);

/* The key bar of those lines ("Enter prep · n new · ... · ? help"),
** translated, ended by the help's hint, in buf; screen_footer() fits it to
** the width. */
const char *screen_keybar(const screen_keyhelp *lines, char *buf, size_t size);

/* What screen_common_key() leaves to the screen. */
enum { SCREEN_KEY_OWN = -1, SCREEN_KEY_ANSWER = -2, SCREEN_KEY_CANCEL = -3 };

/* The keys the list screens treat alike, before their own: with the help
** up, any key closes it (Ctrl-C quits); a question being asked takes the
** key (SCREEN_KEY_ANSWER when Enter answered it, SCREEN_KEY_CANCEL when Esc
** dropped it); F1, Ctrl-G or ? opens the help.  Otherwise SCREEN_KEY_OWN
** says the screen's own keys come next.  Any other return is a handler
** result. */
int screen_common_key(bool *help, ask *q, wint_t *key, bool *function);

/* Ctrl-C while q is asked: quit, and keep what was typed in it (unless
** nothing was) as a line "not saved (still in the dialog when you quit):
** question text" for screen_take_unsaved().  Returns H_QUIT. */
int screen_ask_quit(const ask *q);

/* As the screens end: the lines kept by screen_ask_quit() join
** a->unsaved, printed with the live screen's as rapport leaves. */
void screen_take_unsaved(app *a);

/* "terminal too small", centred. */
void screen_too_small(void);

enum { ASK_CONTINUE, ASK_DONE, ASK_CANCEL };

void ask_start(ask *q, int purpose, const char *question, const char *initial);
/* The same, with initial selected: the first printable key replaces it
** whole, a movement or editing key keeps it for editing (search's last
** query). */
void ask_start_selected(ask *q, int purpose, const char *question, const char *initial);
/* Feed a key; returns ASK_DONE (Enter), ASK_CANCEL (Esc) or ASK_CONTINUE. */
int ask_key(ask *q, wint_t key, bool function);
/* Draw it on row y; places the cursor. */
void ask_draw(const app *a, const ask *q, int y);
/* Its text, malloc'd (caller frees). */
char *ask_text(const ask *q);

#endif
