/* layout.h: where the live screen's panes go for a terminal size, and
** which key hints of a bar fit its width.  Pure: tested without a
** terminal. */
#ifndef RAPPORT_TUI_LAYOUT_H
#define RAPPORT_TUI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rect {
	int y, x, h, w;  /* h == 0 or w == 0: not shown */
} rect;

enum layout_kind {
	LAYOUT_COLUMNS,   /* Agenda | Notes | Prompts, side by side */
	LAYOUT_STACKED,   /* Agenda over Notes over Prompts, full width */
	LAYOUT_NOTES,     /* Notes alone: too narrow for the others */
	LAYOUT_TOO_SMALL, /* say so, and nothing else */
};

typedef struct layout {
	enum layout_kind kind;
	rect agenda, notes, prompts;  /* boxes, borders included */
	rect status;                  /* the bottom line */
} layout;

/* Minimums: below them the screen only says it is too small. */
#define LAYOUT_MIN_COLS 30
#define LAYOUT_MIN_ROWS 8
#define LAYOUT_COLUMNS_MIN_COLS 80
#define LAYOUT_COLUMNS_MIN_ROWS 12
#define LAYOUT_STACKED_MIN_ROWS 16

/* The layout for a rows x cols terminal. */
layout layout_compute(int rows, int cols);

/* What separates the hints of a key bar: "o owner · w due · ? help". */
#define LAYOUT_HINT_SEP " · "

/* The hints of bar (separated by LAYOUT_HINT_SEP) that fit in cols
** columns, each whole: a translated bar is longer, and a hint cut in the
** middle ("p planifier la su…") says nothing.  When they do not all fit,
** hints go from the end, one whole hint at a time; the hints that start
** with one of keep's prefixes (a NULL-terminated list, most important
** first; may be NULL) go last, the least important of them first, so the
** help and the way back stay on any screen wide enough for them.  Writes
** what is kept, in its order, into buf (size bytes) and returns buf ("" when
** no hint fits). */
const char *layout_hints_fit(const char *bar, int cols, const char *const *keep, char *buf,
			     size_t size);

#endif
