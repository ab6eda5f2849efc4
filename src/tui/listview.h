/* listview.h: the one scrolling list every screen draws (tig's view).
**
** A list view holds rows of styled text (up to LISTVIEW_SPANS spans, each
** with its own attribute), which rows can be selected, the selection and
** the first row shown.  A screen fills rows and handles only its own action
** keys; listview_key() turns the movement keys into movement and
** listview_draw() draws the visible rows into a rectangle, with "more
** above" / "more below" marks on its first and last line when the rows do
** not fit.  Everything but listview_draw() is pure (no curses calls), so
** the model is tested without a terminal.
**
** The selection is always on screen, or there is none (-1): j/k move
** between selectable rows, and where no selectable row is left to go to
** they scroll, so a text row at the very end (the Recap's next check-in)
** is reachable.  Row text is sanitized when added: stored text never
** reaches the terminal raw.  Rows are owned by the list view.
*/
#ifndef RAPPORT_TUI_LISTVIEW_H
#define RAPPORT_TUI_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

enum { LISTVIEW_SPANS = 8 };

/* The most lines listview_add_wrapped() makes of one text: a whole note
** (4000 bytes) at 20 columns. */
enum { LISTVIEW_WRAP_LINES = 256 };

typedef struct listview_row {
	char *text;                          /* sanitized UTF-8, every span in a row */
	size_t span_at[LISTVIEW_SPANS];      /* byte where each span starts */
	unsigned span_attr[LISTVIEW_SPANS];  /* its attribute (curses A_* / colour) */
	int nspans;
	bool selectable;
	bool cont;                           /* continues the row above (a wrapped
	                                        line): selected and shown with it */
	/* The screen's own, to know what a row stands for. */
	int tag;                             /* a section, a kind */
	int index;                           /* into the screen's data; -1 for none */
	int sub;                             /* a second index (a walkthrough entry) */
	int64_t id;                          /* a database id */
} listview_row;

typedef struct listview {
	listview_row *rows;
	int n, cap;
	int sel;                             /* the selected row, -1 for none */
	int top;                             /* the first row shown */
	int height;                          /* rows of the rectangle last laid out */
} listview;

/* What listview_layout() decided: rows [top, top + shown) are drawn below
** a "more above" mark when above > 0, and a "more below" mark follows when
** below > 0. */
typedef struct listview_frame {
	int top;
	int shown;
	int above;   /* rows hidden above */
	int below;   /* rows hidden below */
} listview_frame;

enum listview_move {
	LISTVIEW_DOWN,
	LISTVIEW_UP,
	LISTVIEW_PAGE_DOWN,
	LISTVIEW_PAGE_UP,
	LISTVIEW_FIRST,
	LISTVIEW_LAST,
};

void listview_init(listview *lv);
void listview_done(listview *lv);

/* Drop every row; the selection and top are kept as numbers, for the
** caller to select again what it refilled. */
void listview_clear(listview *lv);

/* Add a row whose first span is fmt formatted in attr; returns it (for the
** screen's own fields), or NULL when out of memory.  The pointer is valid
** until the next row is added. */
listview_row *listview_add(listview *lv, bool selectable, unsigned attr, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Add text wrapped to fit cols columns as one row and its continuations
** (a prompt in a narrow pane), the lines after the first behind indent
** blanks; the first row is selectable when asked.  Returns the first
** row's index, or -1 when out of memory. */
int listview_add_wrapped(listview *lv, bool selectable, unsigned attr, int indent,
			 const char *text, int cols);

/* Add a span to the last row (ignored past LISTVIEW_SPANS spans or with no
** row). */
void listview_span(listview *lv, unsigned attr, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Add a span of exactly cols columns to the last row: text cut with "…"
** to cols - 1 columns, then blanks (a table's column). */
void listview_cell(listview *lv, unsigned attr, const char *text, int cols);

/* Select row i (-1: none; a row that is not selectable selects nothing).
** The next layout scrolls it into view. */
void listview_select(listview *lv, int i);

/* The selected row, or NULL. */
const listview_row *listview_selected(const listview *lv);

/* The first selectable row at or after i (dir 1) or at or before it
** (dir -1); -1 when there is none. */
int listview_selectable_from(const listview *lv, int i, int dir);

/* Fit the list into h rows: keep top in range (no blank rows at the end
** while rows are hidden above), bring the selection into view, and
** remember h for the moves. */
listview_frame listview_layout(listview *lv, int h);

/* Move as asked, in the height of the last layout; false when nothing
** changed. */
bool listview_move(listview *lv, enum listview_move m);

/* The movement keys: j k Down Up, PgDn PgUp (also Ctrl-F Ctrl-B), g G
** Home End.  Returns true when key was one of them (even if
** nothing moved): the screen handles the others. */
bool listview_key(listview *lv, wint_t key, bool function);

/* How many rows frame f hides above and below, counted as a person does:
** a wrapped row and its continuations are one. */
void listview_hidden(const listview *lv, listview_frame f, int *above, int *below);

/* The help lines of the movement keys ("keys<TAB>what"), NULL-terminated. */
extern const char *const listview_help[];

/* How many bytes of each span of r fit in cols columns, no wide character
** split; *ellipsis says a "…" takes the last column because the row had to
** be cut.  Returns the columns used (without the ellipsis). */
int listview_fit(const listview_row *r, int cols, size_t lens[LISTVIEW_SPANS], bool *ellipsis);

/* Draw the list into the rectangle (y, x, h, w) of the screen: the visible
** rows, the selected one in reverse video (when show_sel), and the marks.
** mark_attr is the attribute of the marks.  Returns the frame it drew. */
listview_frame listview_draw(listview *lv, int y, int x, int h, int w, bool show_sel,
			     unsigned mark_attr);

#endif
